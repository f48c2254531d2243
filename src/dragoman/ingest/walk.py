"""Paths given on the command line to the files to read, with a line for each one left out.

A directory is walked in name order, following symbolic links to directories once each (a link
loop is reported, not followed forever). Nothing is left out silently: hidden entries, licence and
read-me files, special files (FIFOs, devices, sockets: never opened, since reading one can block
forever or never end) and unreadable directories each come back as a ``Skipped`` or
``InputError`` naming the entry and why.
"""

from __future__ import annotations

import errno
import os
import stat
from typing import Iterable, Iterator

from dragoman.data_files import load_json
from dragoman.errors import InputError, Skipped

SPECIAL_KINDS = (
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def display_name(path: str) -> str:
    """The path as one printable line: bytes that are not UTF-8 and control characters escaped."""
    text = os.fsencode(path).decode("utf-8", "backslashreplace")
    return "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in text)


def os_reason(exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "symbolic link loop"
    if exc.errno == errno.ENOENT:
        return "no such file or directory (or a broken symbolic link)"
    if exc.errno == errno.EACCES:
        return "permission denied"
    return (exc.strerror or str(exc)).lower()


def special_kind(mode: int) -> str:
    return next((kind for test, kind in SPECIAL_KINDS if test(mode)), "not a regular file")


def not_article_names() -> tuple[str, ...]:
    return tuple(name.lower() for name in load_json("ingest.json")["not_article_names"])


def is_not_article(name: str) -> bool:
    """LICENSE, README, CHANGELOG and the like: files that sit beside articles in a folder."""
    stem = name.lower().split(".", 1)[0]
    return stem in not_article_names()


def expand_paths(paths: Iterable[str]) -> Iterator[str | InputError]:
    """The files to read, in order; a path named on the command line is read whatever it is
    (a FIFO from ``<(...)`` included); inside directories only regular files are."""
    for path in paths:
        if path == "-":
            yield path
            continue
        try:
            mode = os.stat(path).st_mode
        except OSError as exc:
            yield InputError(display_name(path), os_reason(exc))
            continue
        if stat.S_ISDIR(mode):
            yield from walk_directory(path)
        else:
            yield path


def walk_directory(root: str) -> Iterator[str | InputError]:
    seen = {directory_key(root)}
    found = False
    for item in walk(root, seen):
        found = found or isinstance(item, str)
        yield item
    if not found:
        yield InputError(display_name(root), "directory holds no article files")


def directory_key(path: str) -> tuple[int, int]:
    info = os.stat(path)
    return info.st_dev, info.st_ino


def walk(directory: str, seen: set[tuple[int, int]]) -> Iterator[str | InputError]:
    try:
        with os.scandir(directory) as scan:
            entries = sorted(scan, key=lambda e: os.fsencode(e.name))
    except OSError as exc:
        yield InputError(display_name(directory), f"directory not readable ({os_reason(exc)})")
        return
    for entry in entries:
        path = entry.path
        try:
            info = os.stat(path)
        except OSError as exc:
            yield InputError(display_name(path), os_reason(exc))
            continue
        is_dir = stat.S_ISDIR(info.st_mode)
        if entry.name.startswith("."):
            yield Skipped(display_name(path), f"hidden {'directory' if is_dir else 'file'}, not read")
        elif is_dir:
            key = (info.st_dev, info.st_ino)
            if key in seen:
                yield Skipped(display_name(path), "directory already read (a symbolic link back to it)")
                continue
            seen.add(key)
            yield from walk(path, seen)
        elif not stat.S_ISREG(info.st_mode):
            yield Skipped(display_name(path), f"{special_kind(info.st_mode)}, not a regular file: not opened")
        elif is_not_article(entry.name):
            yield Skipped(display_name(path), "a licence or read-me file, not an article")
        else:
            yield path
