"""Readers: files, directories and standard input to raw articles (or one error per bad input)."""

from __future__ import annotations

import json
import os
import sys
from typing import BinaryIO, Iterable, Iterator, Optional

from dragoman.errors import InputError
from dragoman.ingest.formats import READERS, Item, read_json_lines_stream
from dragoman.ingest.raw import RawArticle
from dragoman.ingest.sniff import format_of, inflate
from dragoman.ingest.walk import display_name, expand_paths, os_reason
from dragoman.settings import Settings

__all__ = ["Item", "RawArticle", "expand_paths", "read_inputs", "read_bytes"]

DEFAULT_MAX_BYTES = Settings().max_bytes
HEAD_LINE = 1 << 20
"""How much of a long file's first line is read to tell JSON Lines from other formats."""


def read_bytes(data: bytes, source: str, name: Optional[str] = None,
               max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    """Raw articles from the bytes of one input, whatever its format (gzip undone first); at
    least one item always, so no input leaves a batch without an article or a reason (an empty
    or cut-off WARC, a WARC of nothing but its header, yields no record to report otherwise)."""
    try:
        data = inflate(data, source, max_bytes)
    except InputError as exc:
        yield exc
        return
    if not data.strip():
        yield InputError(source, "empty file")
        return
    fmt = format_of(name or source, data)
    found = False
    for item in READERS[fmt](data, source, max_bytes):
        found = True
        yield item
    if not found:
        yield InputError(source, f"no article found in it (read as {fmt})")


def read_inputs(paths: Iterable[str], max_bytes: int, stdin: BinaryIO | None = None) -> Iterator[Item]:
    """Every raw article in ``paths`` (``-`` is standard input), or an error per unreadable one."""
    for path in expand_paths(paths):
        if isinstance(path, InputError):
            yield path
            continue
        source = "<stdin>" if path == "-" else display_name(path)
        if path != "-" and is_long_json_lines(path, max_bytes):
            yield from stream_json_lines(path, source, max_bytes)
            continue
        try:
            data = read_limited(path, source, max_bytes, stdin)
        except InputError as exc:
            yield exc
            continue
        yield from guarded_read(data, source, path, max_bytes)


def is_long_json_lines(path: str, max_bytes: int) -> bool:
    """A plain (not gzipped) JSON Lines file larger than the limit: read line by line, the
    limit applying to each article. Smaller files are read whole, as every other format is."""
    try:
        if not os.path.isfile(path) or os.path.getsize(path) <= max_bytes:
            return False
        with open(path, "rb") as stream:
            first = stream.readline(min(max_bytes, HEAD_LINE) + 1)
    except OSError:
        return False  # read_limited names the reason
    try:
        return first.endswith(b"\n") and isinstance(json.loads(first.removeprefix(b"\xef\xbb\xbf")), dict)
    except ValueError:
        return False


def stream_json_lines(path: str, source: str, max_bytes: int) -> Iterator[Item]:
    try:
        with open(path, "rb") as stream:
            yield from read_json_lines_stream(stream, source, max_bytes)
    except OSError as exc:
        yield InputError(source, os_reason(exc))


def guarded_read(data: bytes, source: str, name: str, max_bytes: int) -> Iterator[Item]:
    """``read_bytes``, with a bug in a reader or a library it calls reported for this input
    (named as such) instead of ending the batch: a crawl must not stop at one odd file."""
    try:
        yield from read_bytes(data, source, name, max_bytes)
    except Exception as exc:  # noqa: BLE001 - the one place a batch outlives an unknown failure
        yield InputError(source, f"unexpected error while reading ({type(exc).__name__}: {exc}); the rest of this input is unread")


def read_limited(path: str, source: str, max_bytes: int, stdin: BinaryIO | None = None) -> bytes:
    """At most ``max_bytes`` of the input: a size in the file system is not trusted (a device or
    a pipe has none), the read itself is bounded."""
    try:
        if path == "-":
            data = (stdin or sys.stdin.buffer).read(max_bytes + 1)
        else:
            with open(path, "rb") as stream:
                data = stream.read(max_bytes + 1)
    except OSError as exc:
        raise InputError(source, os_reason(exc)) from exc
    if len(data) > max_bytes:
        raise InputError(source, f"input is over the {max_bytes / 1e6:g} MB limit (--max-bytes)")
    return data
