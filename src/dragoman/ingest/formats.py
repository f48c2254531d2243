"""One reader per input format, registered by name.

A reader takes the bytes of one input (gzip already undone), its source name and the size limit,
and yields raw articles, or an ``InputError`` for each part it cannot read, so a feed with one
broken entry still yields the others. Add a format by registering a function in ``READERS``.
"""

from __future__ import annotations

import io
import json
import time
from typing import BinaryIO, Callable, Iterator, Union

import feedparser
from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.statusandheaders import StatusAndHeadersParserException

from dragoman.errors import InputError, Skipped
from dragoman.ingest.fields import json_article
from dragoman.ingest.html import fragment_to_text, html_to_raw
from dragoman.ingest.raw import RawArticle
from dragoman.ingest.sniff import decode_text

Item = Union[RawArticle, InputError]
Reader = Callable[[bytes, str, int], Iterator[Item]]
READERS: dict[str, Reader] = {}


def reader(name: str) -> Callable[[Reader], Reader]:
    def register(func: Reader) -> Reader:
        READERS[name] = func
        return func
    return register


def guarded(make: Callable[..., RawArticle], *args) -> Item:
    """``make(*args)``, or the InputError it raised (each names its own source)."""
    try:
        return make(*args)
    except InputError as exc:
        return exc


def with_warnings(raw: RawArticle, warnings: list[str]) -> RawArticle:
    raw.warnings[:0] = warnings
    return raw


def text_article(data: bytes, source: str) -> RawArticle:
    text, warnings = decode_text(data, source)
    return RawArticle(source=source, text=text, warnings=warnings)


def html_article(data: bytes, source: str, url: str | None = None) -> RawArticle:
    text, warnings = decode_text(data, source)
    return with_warnings(html_to_raw(text, source, url=url), warnings)


@reader("text")
def read_text(data: bytes, source: str, max_bytes: int) -> Iterator[Item]:
    yield guarded(text_article, data, source)


@reader("html")
def read_html(data: bytes, source: str, max_bytes: int) -> Iterator[Item]:
    yield guarded(html_article, data, source)


@reader("json")
def read_json(data: bytes, source: str, max_bytes: int) -> Iterator[Item]:
    """JSON Lines (one article a line, named ``file.jsonl:LINE``), or one JSON document: an
    object (one article) or an array of them (``file.json#N``), pretty-printed or not."""
    try:
        text, warnings = decode_text(data, source)
    except InputError as exc:
        yield exc
        return
    lines = text.splitlines()
    if not is_json_lines(lines):
        try:
            document = json.loads(text)
        except json.JSONDecodeError:
            document = None
        if isinstance(document, list):
            for number, obj in enumerate(document, start=1):
                yield guarded(document_article, obj, f"{source}#{number}", warnings)
            if not document:
                yield InputError(source, "an empty JSON array: no articles")
            return
        if document is not None:
            yield guarded(document_article, document, source, warnings)
            return
    seen: dict[str, int] = {}
    for number, line in enumerate(lines, start=1):
        if line.strip():
            item = guarded(json_line, line, f"{source}:{number}")
            if isinstance(item, RawArticle):
                with_warnings(item, warnings)
                note_duplicate(item, seen, number)
            yield item


def read_json_lines_stream(stream: BinaryIO, source: str, max_bytes: int) -> Iterator[Item]:
    """JSON Lines read a line at a time, for a file larger than ``max_bytes``: the limit is then
    per article (a line over it is refused, the next lines still read), and memory stays flat
    however long the file. Each line is decoded on its own (UTF-8, else the encoding guessed)."""
    seen: dict[str, int] = {}
    number = 0
    while line := stream.readline(max_bytes + 1):
        number += 1
        where = f"{source}:{number}"
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while (rest := stream.readline(max_bytes + 1)) and not rest.endswith(b"\n"):
                pass  # the rest of the refused line, never held whole
            yield InputError(where, f"line is over the {max_bytes / 1e6:g} MB limit (--max-bytes)")
            continue
        if number == 1:
            line = line.removeprefix(b"\xef\xbb\xbf")
        if not line.strip():
            continue
        try:
            text, warnings = decode_text(line, where)
        except InputError as exc:
            yield exc
            continue
        item = guarded(json_line, text, where)
        if isinstance(item, RawArticle):
            with_warnings(item, warnings)
            note_duplicate(item, seen, number)
        yield item


def document_article(obj, source: str, warnings: list[str]) -> RawArticle:
    return with_warnings(json_article(obj, source), warnings)


def is_json_lines(lines: list[str]) -> bool:
    """The first non-blank line is a whole JSON object by itself."""
    first = next((line for line in lines if line.strip()), "")
    try:
        return isinstance(json.loads(first), dict)
    except json.JSONDecodeError:
        return False


def json_line(line: str, source: str) -> RawArticle:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(source, f"invalid JSON ({exc.msg} at column {exc.colno})") from exc
    return json_article(obj, source)


def note_duplicate(raw: RawArticle, seen: dict[str, int], number: int) -> None:
    """Two lines with one id would overwrite each other in a store: say so on the second."""
    if raw.id is None:
        return
    if raw.id in seen:
        raw.warnings.append(f"id: {raw.id!r} is also the id of line {seen[raw.id]}")
    else:
        seen[raw.id] = number


@reader("feed")
def read_feed(data: bytes, source: str, max_bytes: int) -> Iterator[Item]:
    """Each RSS/Atom entry is an article, from its content (or summary) and its link."""
    parsed = feedparser.parse(data)
    if not parsed.entries:
        reason = getattr(parsed, "bozo_exception", None) or "no entries"
        yield InputError(source, f"not a readable feed ({reason})")
        return
    for number, entry in enumerate(parsed.entries, start=1):
        yield guarded(feed_entry, entry, parsed.feed, f"{source}#{number}")


def feed_entry(entry, feed, source: str) -> RawArticle:
    content = entry.get("content") or []
    body = content[0].get("value", "") if content else entry.get("summary", "")
    text = fragment_to_text(body or "")
    if not text.strip():
        raise InputError(source, "feed entry has no content or summary")
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    return RawArticle(
        source=source,
        text=text,
        id=entry.get("id"),
        title=entry.get("title"),
        url=entry.get("link"),
        published=time.strftime("%Y-%m-%d", stamp) if stamp else None,
        published_from="given" if stamp else None,
        outlet=feed.get("title"),
        byline=entry.get("author"),
        layout="paragraphs",
    )


# warcio has no single error for a malformed record: a bad header can surface as any of these.
WARC_FAILURES = (ArchiveLoadFailed, StatusAndHeadersParserException, ValueError, OSError, EOFError,
                 AttributeError, KeyError)


@reader("warc")
def read_warc(data: bytes, source: str, max_bytes: int) -> Iterator[Item]:
    """Each HTML page a WARC holds (a response record with HTTP status 2xx) is an article, with
    its target URI as its URL. Revisit records and error pages are reported as skipped; records
    that are not pages (requests, metadata, images) are counted in one line."""
    number = not_pages = 0
    try:
        for record in ArchiveIterator(io.BytesIO(data)):
            number += 1
            where = f"{source}#{number}"
            if record.rec_type == "revisit":
                yield Skipped(where, "WARC revisit record: a repeat capture that holds no page of its own")
                continue
            if record.rec_type != "response" or record.http_headers is None:
                not_pages += record.rec_type != "warcinfo"
                continue
            if "html" not in (record.http_headers.get_header("Content-Type") or "").lower():
                not_pages += 1
                continue
            yield warc_page(record, where, max_bytes)
    except WARC_FAILURES as exc:
        yield InputError(f"{source}#{number + 1}", f"broken WARC record ({exc}); the rest of the file is unread")
    if not_pages:
        yield Skipped(source, f"{not_pages} WARC record(s) that are not HTML pages (requests, metadata, other media)")


def warc_page(record, where: str, max_bytes: int) -> Item:
    status = record.http_headers.get_statuscode() or "?"
    if not status.startswith("2"):
        return Skipped(where, f"HTTP status {record.http_headers.statusline}: not an article page")
    body = record.content_stream().read(max_bytes + 1)
    if len(body) > max_bytes:
        return InputError(where, f"page is over the {max_bytes / 1e6:g} MB limit (--max-bytes)")
    missing = getattr(record.raw_stream, "limit", 0)
    if missing:
        return InputError(where, f"truncated WARC record: {missing:,} bytes of it are missing")
    url = record.rec_headers.get_header("WARC-Target-URI")
    return guarded(html_article, body, where, url)
