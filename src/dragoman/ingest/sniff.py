"""Decide what a file is (by name, then by its first bytes) and decode its text.

Each check here refuses junk early with a reason a user can act on: an empty file, a binary
file, bytes no text encoding fits.
"""

from __future__ import annotations

import gzip
import zlib

from charset_normalizer import from_bytes

from dragoman.errors import InputError

EXTENSIONS = {
    ".txt": "text", ".text": "text", ".md": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl",
    ".rss": "feed", ".atom": "feed", ".xml": "feed",
    ".warc": "warc", ".arc": "warc",
}
GZIP_MAGIC = b"\x1f\x8b"


def format_of(name: str, data: bytes) -> str:
    """The reader for ``data``: its extension when known, else what its first bytes look like."""
    lower = name.lower()
    if lower.endswith((".warc.gz", ".arc.gz")):
        return "warc"
    if lower.endswith(".gz"):
        lower = lower[:-3]
    for ext, fmt in EXTENSIONS.items():
        if lower.endswith(ext):
            if fmt == "feed" and not looks_like_feed(data):
                return sniff(data)
            return fmt
    return sniff(data)


def sniff(data: bytes) -> str:
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"warc/"):
        return "warc"
    if looks_like_feed(data):
        return "feed"
    if head.startswith((b"<!doctype html", b"<html", b"<head", b"<body")) or b"<html" in head:
        return "html"
    if head.startswith(b"{"):
        return "jsonl"
    return "text"


def looks_like_feed(data: bytes) -> bool:
    head = data[:2048].lower()
    return b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head


def gunzip(data: bytes, source: str) -> bytes:
    """Undo gzip compression where present (``page.html.gz``); WARC readers do their own."""
    if not data.startswith(GZIP_MAGIC):
        return data
    try:
        return gzip.decompress(data)
    except (OSError, EOFError, zlib.error) as exc:
        raise InputError(source, f"broken gzip data ({exc})") from exc


def is_binary(data: bytes) -> bool:
    """NUL bytes or many control characters: an image, a PDF, an archive, not text."""
    sample = data[:8192]
    if b"\x00" in sample and not sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls > len(sample) * 0.05


def decode(data: bytes, source: str) -> str:
    """UTF-8 (with or without BOM) when it fits, else the encoding charset-normalizer finds."""
    if not data.strip():
        raise InputError(source, "empty file")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if is_binary(data):
        raise InputError(source, "binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None or best.chaos > 0.3:
        raise InputError(source, "undecodable bytes: not UTF-8 and no other text encoding fits")
    return str(best)
