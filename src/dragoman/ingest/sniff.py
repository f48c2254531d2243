"""Decide what an input is (by its content first, then by its name) and decode its text.

Each check here refuses junk early with a reason a user can act on (an empty file, a binary
file, bytes no text encoding fits, a file that expands past the size limit), and every guess it
makes (an encoding that is not UTF-8, UTF-16 without a byte-order mark) comes back as a warning
that ends up in the record.
"""

from __future__ import annotations

import gzip
import io
import re
import zlib
from typing import Optional

from charset_normalizer import from_bytes

from dragoman.errors import InputError

EXTENSIONS = {
    ".txt": "text", ".text": "text", ".md": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "json", ".ndjson": "json", ".json": "json",
    ".rss": "feed", ".atom": "feed", ".xml": "feed",
    ".warc": "warc", ".arc": "warc",
}
GZIP_MAGIC = b"\x1f\x8b"
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
HEAD = 4096
FEED_ROOT = re.compile(r"<(?:rss|feed|rdf:rdf)[\s>]")
HTML_START = re.compile(r"<(?:!doctype html|html|head|body)[\s>]")
HTML_TAG = re.compile(r"<(?:html|body|p|div|article|h1)[\s>]")
# charset-normalizer's "chaos" above this is mojibake, not text.
MAX_CHAOS = 0.3


def inflate(data: bytes, source: str, max_bytes: int) -> bytes:
    """Gzip undone, reading no more than ``max_bytes`` of output (a small file can expand to
    gigabytes). A gzipped WARC stays compressed: warcio reads it record by record."""
    if not data.startswith(GZIP_MAGIC):
        return data
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            head = stream.read(5)
            if head.upper() == b"WARC/":
                return data
            out = head + stream.read(max_bytes + 1 - len(head))
    except (OSError, EOFError, zlib.error) as exc:
        raise InputError(source, f"broken gzip data ({exc})") from exc
    if len(out) > max_bytes:
        raise InputError(source, f"expands to over the {max_bytes / 1e6:g} MB limit when decompressed (--max-bytes)")
    return out


def format_of(name: str, data: bytes) -> str:
    """The reader for ``data``: what its first bytes show when they are clear, else its extension."""
    by_content = sniff(data)
    if by_content:
        return by_content
    lower = name.lower().removesuffix(".gz")
    by_name = next((fmt for ext, fmt in EXTENSIONS.items() if lower.endswith(ext)), None)
    if by_name:
        return by_name
    return "html" if HTML_TAG.search(head_text(data).lower()) else "text"


def head_text(data: bytes) -> str:
    """The first bytes as text, good enough to look for markup (any ASCII-compatible encoding)."""
    head = data[:HEAD]
    if head.startswith(UTF16_BOMS):
        return head.decode("utf-16", errors="ignore")
    utf16 = utf16_without_bom(head)
    if utf16:
        return head[: len(head) // 2 * 2].decode(utf16, errors="ignore")
    return head.decode("latin-1")


def sniff(data: bytes) -> Optional[str]:
    """The format the content itself declares, or None when it does not say."""
    if data.startswith(GZIP_MAGIC):  # ``inflate`` leaves only WARC files compressed
        return "warc"
    head = head_text(data).lstrip("\ufeff \t\r\n").lower()
    if head.startswith("warc/"):
        return "warc"
    if head.startswith("<?xml") and FEED_ROOT.search(head):
        return "feed"
    if HTML_START.match(head):
        return "html"
    if head.startswith(("<rss", "<feed", "<rdf:rdf")):
        return "feed"
    if head.startswith(("{", "[")):
        return "json"
    return None


def utf16_without_bom(sample: bytes) -> Optional[str]:
    """``utf-16-le``/``-be`` when every other byte is NUL, as in UTF-16 text of Latin script."""
    sample = sample[:HEAD]
    if len(sample) < 8:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def is_binary(data: bytes) -> bool:
    """NUL bytes or many control characters: an image, a PDF, an archive, not text."""
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls > len(sample) * 0.05


def decode(data: bytes, source: str) -> str:
    """The text of ``data`` (see ``decode_text``), its warnings dropped."""
    return decode_text(data, source)[0]


def decode_text(data: bytes, source: str) -> tuple[str, list[str]]:
    """The text, and a warning for each guess made: UTF-8 (with or without BOM) when it fits,
    UTF-16, lines of UTF-8 mixed with Windows-1252, else the encoding charset-normalizer finds."""
    if not data.strip():
        raise InputError(source, "empty file")
    if data.startswith(UTF16_BOMS):
        try:
            return data.decode("utf-16"), []
        except UnicodeDecodeError as exc:
            raise InputError(source, f"starts with a UTF-16 byte-order mark but is not UTF-16 text ({exc.reason})") from exc
    utf16 = utf16_without_bom(data)
    if utf16:
        try:
            return data.decode(utf16), [f"encoding: no byte-order mark; read as {utf16.upper()}"]
        except UnicodeDecodeError:
            pass
    if is_binary(data):
        raise InputError(source, "binary file, not text")
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    if is_mixed(data):
        return decode_mixed(data)
    best = from_bytes(data).best()
    if best is None or best.chaos > MAX_CHAOS:
        raise InputError(source, "undecodable bytes: not UTF-8 and no other text encoding fits")
    return str(best), [f"encoding: not UTF-8; guessed {best.encoding} ({1 - best.chaos:.0%} confidence, charset-normalizer)"]


def is_mixed(data: bytes) -> bool:
    """Some lines are UTF-8 with characters beyond ASCII, others are not UTF-8 at all."""
    utf8 = legacy = False
    for line in data.split(b"\n"):
        try:
            decoded = line.decode("utf-8-sig")  # every line, even after a UTF-8 one: a later one may be legacy
        except UnicodeDecodeError:
            legacy = True
        else:
            utf8 = utf8 or not decoded.isascii()
        if utf8 and legacy:
            return True
    return False


def decode_mixed(data: bytes) -> tuple[str, list[str]]:
    """UTF-8 text with some lines in a legacy encoding (text pasted together from two sources):
    each line that is not UTF-8 is read as Windows-1252 (Latin-1 where that has no character)."""
    lines = data.split(b"\n")
    out: list[str] = []
    legacy = 0
    for line in lines:
        try:
            out.append(line.decode("utf-8-sig"))
        except UnicodeDecodeError:
            legacy += 1
            try:
                out.append(line.decode("cp1252"))
            except UnicodeDecodeError:
                out.append(line.decode("latin-1"))
    warning = f"encoding: mixed; {legacy} of {len(lines)} lines are not UTF-8 and were read as Windows-1252"
    return "\n".join(out), [warning]
