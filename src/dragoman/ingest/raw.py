"""The raw article: what a reader hands to cleaning, before any analysis."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, Optional

Layout = Literal["wrapped", "paragraphs"]


@dataclass
class RawArticle:
    """One article as read from its source.

    ``source`` names where it came from precisely enough to find it again: a path, a path and a
    line number (``feed.jsonl:12``), a feed entry or a WARC record (``crawl.warc.gz#3``).
    ``layout`` tells cleaning whether line breaks are hard wraps (text pasted from a page) or
    paragraph ends (text extracted from HTML); ``None`` lets cleaning decide. ``warnings`` says
    what reading had to guess (an encoding, a date it could not read); they reach the record.
    """

    source: str
    text: str
    id: Optional[str] = None
    title: Optional[str] = None
    url: Optional[str] = None
    published: Optional[str] = None
    published_from: Optional[Literal["given", "html-meta"]] = None
    outlet: Optional[str] = None
    byline: Optional[str] = None
    language: Optional[str] = None
    layout: Optional[Layout] = None
    warnings: list[str] = field(default_factory=list)
