"""Readers: files, directories and standard input to raw articles (or one error per bad input)."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator, Optional

from dragoman.errors import InputError
from dragoman.ingest.formats import READERS, Item
from dragoman.ingest.raw import RawArticle
from dragoman.ingest.sniff import format_of

__all__ = ["Item", "RawArticle", "expand_paths", "read_inputs", "read_bytes"]


def expand_paths(paths: Iterable[str]) -> Iterator[str | InputError]:
    """Files as given; directories walked recursively in name order, hidden entries skipped."""
    for path in paths:
        if path == "-" or os.path.isfile(path):
            yield path
        elif os.path.isdir(path):
            found = False
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith("."):
                        found = True
                        yield os.path.join(root, name)
            if not found:
                yield InputError(path, "directory holds no article files")
        elif os.path.exists(path):
            yield InputError(path, "not a regular file or directory")
        else:
            yield InputError(path, "no such file or directory")


def read_bytes(data: bytes, source: str, name: Optional[str] = None) -> Iterator[Item]:
    """Raw articles from the bytes of one input, whatever its format."""
    fmt = format_of(name or source, data)
    yield from READERS[fmt](data, source)


def read_inputs(paths: Iterable[str], max_bytes: int, stdin: BinaryIO | None = None) -> Iterator[Item]:
    """Every raw article in ``paths`` (``-`` is standard input), or an error per unreadable one."""
    for path in expand_paths(paths):
        if isinstance(path, InputError):
            yield path
            continue
        try:
            data = read_limited(path, max_bytes, stdin)
        except InputError as exc:
            yield exc
            continue
        yield from read_bytes(data, "<stdin>" if path == "-" else path)


def read_limited(path: str, max_bytes: int, stdin: BinaryIO | None = None) -> bytes:
    if path == "-":
        data = (stdin or sys.stdin.buffer).read(max_bytes + 1)
        source = "<stdin>"
    else:
        source = path
        try:
            size = Path(path).stat().st_size
            if size > max_bytes:
                raise InputError(path, f"file is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:g} MB limit (--max-bytes)")
            data = Path(path).read_bytes()
        except PermissionError as exc:
            raise InputError(path, "permission denied") from exc
        except OSError as exc:
            raise InputError(path, exc.strerror or str(exc)) from exc
    if len(data) > max_bytes:
        raise InputError(source, f"input is over the {max_bytes / 1e6:g} MB limit (--max-bytes)")
    if not data.strip():
        raise InputError(source, "empty file")
    return data
