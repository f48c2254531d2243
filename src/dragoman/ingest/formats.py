"""One reader per input format, registered by name.

A reader takes the bytes of one file and its source name and yields raw articles, or an
``InputError`` for each part it cannot read, so a feed with one broken entry still yields the
others. Add a format by registering a function in ``READERS``.
"""

from __future__ import annotations

import io
import json
import time
from typing import Callable, Iterator, Union

import feedparser
from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.statusandheaders import StatusAndHeadersParserException

from dragoman.errors import InputError
from dragoman.ingest.html import fragment_to_text, html_to_raw
from dragoman.ingest.raw import RawArticle
from dragoman.ingest.sniff import decode, gunzip

Item = Union[RawArticle, InputError]
Reader = Callable[[bytes, str], Iterator[Item]]
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


def text_article(data: bytes, source: str) -> RawArticle:
    return RawArticle(source=source, text=decode(gunzip(data, source), source))


def html_article(data: bytes, source: str, url: str | None = None) -> RawArticle:
    return html_to_raw(decode(gunzip(data, source), source), source, url=url)


@reader("text")
def read_text(data: bytes, source: str) -> Iterator[Item]:
    yield guarded(text_article, data, source)


@reader("html")
def read_html(data: bytes, source: str) -> Iterator[Item]:
    yield guarded(html_article, data, source)


@reader("jsonl")
def read_jsonl(data: bytes, source: str) -> Iterator[Item]:
    """One article per line: ``text`` or ``html`` required; ``id``, ``title``, ``url``,
    ``published``, ``outlet`` optional and kept."""
    try:
        lines = decode(gunzip(data, source), source).splitlines()
    except InputError as exc:
        yield exc
        return
    for number, line in enumerate(lines, start=1):
        if line.strip():
            yield guarded(jsonl_record, line, f"{source}:{number}")


def jsonl_record(line: str, source: str) -> RawArticle:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(source, f"invalid JSON ({exc.msg} at column {exc.colno})") from exc
    if not isinstance(obj, dict):
        raise InputError(source, "a JSON line must be an object")
    text, html = obj.get("text"), obj.get("html")
    if not (isinstance(text, str) and text.strip()) and not (isinstance(html, str) and html.strip()):
        raise InputError(source, "needs a non-empty 'text' or 'html'")
    if isinstance(text, str) and text.strip():
        raw = RawArticle(source=source, text=text)
    else:
        raw = html_to_raw(html, source, url=obj.get("url"))
    published = obj.get("published")
    raw.id = str(obj["id"]) if obj.get("id") is not None else None
    raw.title = obj.get("title") or raw.title
    raw.url = obj.get("url") or raw.url
    raw.outlet = obj.get("outlet") or raw.outlet
    if published:
        raw.published, raw.published_from = str(published)[:10], "given"
    return raw


@reader("feed")
def read_feed(data: bytes, source: str) -> Iterator[Item]:
    """Each RSS/Atom entry is an article, from its content (or summary) and its link."""
    parsed = feedparser.parse(gunzip(data, source))
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
def read_warc(data: bytes, source: str) -> Iterator[Item]:
    """Each HTML response record is an article, with its target URI as its URL."""
    number = 0
    try:
        for record in ArchiveIterator(io.BytesIO(data)):
            number += 1
            if record.rec_type != "response" or record.http_headers is None:
                continue
            if "html" not in (record.http_headers.get_header("Content-Type") or "").lower():
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            where = f"{source}#{number}"
            yield guarded(html_article, record.content_stream().read(), where, url)
    except WARC_FAILURES as exc:
        yield InputError(f"{source}#{number + 1}", f"broken WARC record ({exc}); the rest of the file is unread")
