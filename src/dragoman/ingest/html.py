"""HTML pages to raw articles: trafilatura for the body and metadata, htmldate for the date."""

from __future__ import annotations

import logging
import re
from typing import Optional
from urllib.parse import urlparse

import lxml.html
from htmldate import find_date
from lxml.etree import ParserError
from trafilatura import bare_extraction

from dragoman.errors import InputError
from dragoman.ingest.raw import RawArticle

XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
BLOCK_TAGS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "blockquote", "tr")

# trafilatura and htmldate log every page they find hard; the reason we report is our own.
for noisy in ("trafilatura", "htmldate"):
    logging.getLogger(noisy).setLevel(logging.CRITICAL)


def html_to_raw(html: str, source: str, url: Optional[str] = None) -> RawArticle:
    """Extract the main text, title, author, site and publication date of one page."""
    tree = parse_html(html, source)
    doc = bare_extraction(tree, url=url, with_metadata=True, include_comments=False)
    if doc is None or not (doc.text or "").strip():
        raise InputError(source, "no article text found in the HTML")
    published = publication_date(tree, url)
    return RawArticle(
        source=source,
        text=doc.text,
        title=doc.title or None,
        url=url or doc.url or None,
        published=published,
        published_from="html-meta" if published else None,
        outlet=doc.sitename or (urlparse(url).hostname if url else None),
        byline=doc.author or None,
        language=doc.language or None,
        layout="paragraphs",
    )


def parse_html(html: str, source: str) -> lxml.html.HtmlElement:
    """The page's tree, without comments; refused when libxml2 had to cut it (nesting past its
    depth limit), since the text past the cut would be silently lost."""
    # Comments go at parse time: React pages split text nodes with "<!-- -->", and trafilatura,
    # given a tree that keeps them, drops the rest of the paragraph after the first one.
    parser = lxml.html.HTMLParser(remove_comments=True)
    try:
        # The text is decoded already: an XML declaration naming an encoding would make lxml refuse it.
        tree = lxml.html.fromstring(XML_DECLARATION.sub("", html, count=1), parser=parser)
    except (ParserError, ValueError) as exc:
        raise InputError(source, f"malformed HTML ({exc})") from exc
    if any(error.type_name == "ERR_RESOURCE_LIMIT" for error in parser.error_log):
        raise InputError(source, "HTML nested too deep for the parser (over 255 levels of elements); the page cannot be read whole")
    return tree


def publication_date(tree: lxml.html.HtmlElement, url: Optional[str]) -> Optional[str]:
    """The page's own publication date (not the last update), from its markup and its own URL."""
    try:
        return find_date(tree, url=url, original_date=True, extensive_search=True)
    except (ValueError, TypeError):
        return None


def fragment_to_text(fragment: str) -> str:
    """Text of an HTML fragment (a feed entry's content), one paragraph per line."""
    if "<" not in fragment:
        return fragment
    try:
        tree = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (ParserError, ValueError):
        return fragment
    for element in tree.iter(*BLOCK_TAGS):
        element.tail = "\n" + (element.tail or "")
    return "\n".join(line.strip() for line in tree.text_content().splitlines() if line.strip())
