"""Cleaning: turn text as read (often pasted out of a web page) into the article's body.

It finds the title, unwraps hard-wrapped lines, rejoins names split at a line-end hyphen,
repairs broken quotation marks, and moves photo captions, credits, bare links, "Related article"
lines, bylines and datelines out of the body. Nothing is silently lost: every piece taken out is
listed in ``removed`` with its kind and its offsets in the source text.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable, Optional
from urllib.parse import urlparse

from dragoman.data_files import load_json
from dragoman.datelines import dateline_end, find_text_date
from dragoman.ingest.raw import RawArticle
from dragoman.language import detect_language
from dragoman.quotemarks import repair_quotes
from dragoman.record import Article, Piece

TERMINAL = ".!?:;,"
QUOTE_CHARS = "\"'\u2018\u2019\u201c\u201d\u00ab\u00bb"
URL_LINE = re.compile(r"^(?:https?://|www\.)\S+$", re.I)
BYLINE = re.compile(r"^By\s+(?P<name>[A-Z][\w.'\u2019-]*(?:[\s,]+(?:and\s+)?[A-Z][\w.'\u2019-]*){0,7})$")


def lexicon() -> dict:
    return load_json("cleaning.json")


@dataclass
class Paragraph:
    """A paragraph of the source: its lines as (start, end) offsets of their stripped text."""

    source: str
    lines: list[tuple[int, int]] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.lines[0][0]

    @property
    def end(self) -> int:
        return self.lines[-1][1]

    def joined(self) -> tuple[str, list[tuple[int, int]]]:
        """The lines unwrapped (a space between lines, none after a word-final hyphen), and where
        each line starts, as (offset in the result, offset in the source). Built from slices:
        a 20 MB one-line text must not become a list of 20 million characters."""
        parts: list[str] = []
        starts: list[tuple[int, int]] = []
        length = 0
        for start, end in self.lines:
            if parts and not joins_without_space(parts[-1][-2:]):
                parts.append(" ")
                length += 1
            starts.append((length, start))
            parts.append(self.source[start:end])
            length += end - start
        return "".join(parts), starts

    def source_offset(self, index: int) -> int:
        """The offset in the source of character ``index`` of ``joined()``."""
        _, starts = self.joined()
        line = max(bisect_right([joined for joined, _ in starts], index) - 1, 0)
        joined, source = starts[line]
        return source + index - joined

    def piece(self, kind: str, begin: int = 0, finish: Optional[int] = None) -> Piece:
        """The source stretch behind ``joined()[begin:finish]``, as a removed piece."""
        start = self.source_offset(begin)
        end = self.source_offset(finish - 1) + 1 if finish else self.end
        return Piece(kind=kind, text=self.source[start:end], start=start, end=end)


def joins_without_space(before: str) -> bool:
    """A line ending in a word-internal hyphen (``al-`` + ``Assad``) continues without a space."""
    return len(before) >= 2 and before.endswith("-") and before[-2].isalpha()


def split_paragraphs(text: str, layout: Optional[str]) -> list[Paragraph]:
    """Paragraphs of the source; a blank line or an indented line starts a new one.

    In the ``wrapped`` layout, consecutive lines join unless a short line ends a sentence; in the
    ``paragraphs`` layout (text extracted from HTML) every line is a paragraph of its own.
    """
    layout = layout or detect_layout(text)
    lines = []
    pos = 0
    for raw_line in text.split("\n"):
        stripped = raw_line.strip()
        lead = len(raw_line) - len(raw_line.lstrip())
        lines.append((pos + lead, pos + lead + len(stripped), lead > 0))
        pos += len(raw_line) + 1
    width = wrap_width([e - s for s, e, _ in lines if e > s])
    paragraphs: list[Paragraph] = []
    current: Optional[Paragraph] = None
    for start, end, indented in lines:
        if start == end:
            current = None
            continue
        if current is None or layout == "paragraphs" or indented:
            current = Paragraph(text)
            paragraphs.append(current)
        current.lines.append((start, end))
        if ends_paragraph(text[start:end], width):
            current = None
    return paragraphs


def wrap_width(lengths: list[int]) -> int:
    if not lengths:
        return 0
    ordered = sorted(lengths)
    return ordered[int(len(ordered) * 0.9) - (1 if len(ordered) > 1 else 0)]


def ends_paragraph(line: str, width: int) -> bool:
    """A line much shorter than the wrap width that ends a sentence ends its paragraph."""
    return len(line) < 0.6 * width and line.rstrip(QUOTE_CHARS + ")").endswith((".", "!", "?"))


def detect_layout(text: str) -> str:
    """Hard-wrapped text has blank lines between paragraphs or lines of one width."""
    if "\n\n" in text.strip() or re.search(r"\n[ \t]*\n", text.strip()):
        return "wrapped"
    lengths = [len(line.strip()) for line in text.splitlines() if line.strip()]
    if len(lengths) < 4:
        return "paragraphs"
    width = max(lengths)
    near_width = sum(1 for n in lengths if n >= 0.8 * width)
    return "wrapped" if width < 200 and near_width >= 0.5 * len(lengths) else "paragraphs"


def bare(text: str) -> str:
    return text.strip().strip(QUOTE_CHARS).strip()


def is_headline(text: str) -> bool:
    """A short first paragraph with no sentence end: a headline (a question or exclamation too,
    if short: "Will Assad fall?")."""
    words = text.split()
    end = bare(text)[-1:]
    short_question = end in ("?", "!") and len(words) <= 20
    return 2 <= len(words) <= 30 and (end not in TERMINAL or short_question) and text[0].isupper()


def link_kind(text: str) -> Optional[str]:
    if not URL_LINE.match(text):
        return None
    path = urlparse(text if "://" in text else "http://" + text).path.lower().split("/")
    return "author-link" if set(path) & set(lexicon()["author_path_segments"]) else "url"


def is_related_link(text: str) -> bool:
    return words_pattern(r"^(?:%s)\s*[:|\u2014\u2013>-]", "related_prefixes", flags=re.I).match(text) is not None


def alternation(names: Iterable[str]) -> str:
    return "|".join(map(re.escape, sorted(names, key=len, reverse=True)))


@lru_cache(maxsize=None)
def compiled(template: str, *names: tuple[str, ...], flags: int = 0) -> re.Pattern:
    """``template`` with each tuple of ``names`` put in as an alternation (longest first), built
    and compiled once: cleaning asks for these on every paragraph."""
    return re.compile(template % tuple(alternation(n) for n in names), flags)


@lru_cache(maxsize=None)
def words_pattern(template: str, *keys: str, flags: int = 0) -> re.Pattern:
    """``compiled`` for the lexicon's word lists named by ``keys`` (the lexicon is read once, so
    the lists need not be copied and hashed again for every paragraph)."""
    return compiled(template, *(tuple(lexicon()[key]) for key in keys), flags=flags)


def agency_names() -> tuple[str, ...]:
    return tuple(a for aliases in lexicon()["agencies"].values() for a in aliases)


def agency_of(name: str) -> Optional[str]:
    for agency, aliases in lexicon()["agencies"].items():
        if name.lower() in (a.lower() for a in aliases):
            return agency
    return None


def credit_start(text: str) -> Optional[int]:
    """Where a photo credit begins at the end of a caption paragraph, if it has one.

    The credit is the trailing stretch after the last sentence end that carries a credit word
    (HANDOUT, Getty Images, Photo:) or ends in an agency name, often glued on (``OfficeAFP``).
    """
    tail_start = max(text.rfind(". ") + 2 if ". " in text else 0, 0)
    tail = text[tail_start:]
    if bare(tail).endswith(tuple(TERMINAL)) or not tail.strip():
        return None
    glued_agency = compiled(r"(?:%s)\W*$", agency_names()).search(tail)
    has_word = words_pattern(r"(?<!\w)(?:%s)(?!\w)", "photo_credit_words").search(tail)
    return tail_start if (glued_agency or has_word) and len(tail.split()) <= 15 else None


def position_markers(text: str) -> int:
    return len(words_pattern(r"\((?:%s)\)", "position_markers", flags=re.I).findall(text))


def reports_speech(text: str) -> bool:
    """News prose reports what was said (``said``, ``told``); a caption describes a picture."""
    return words_pattern(r"\b(?:%s)\b", "reported_speech_verbs").search(text) is not None


def is_caption(text: str, before_body: bool) -> bool:
    """A photo caption: it opens like one, or it places people in a picture ``(L)``, ``(C)``.

    A position marker alone is not enough, since ``Gov. Kristi Noem (R) said`` names a party:
    it takes a photo credit too, or (before the body) two markers or no reported speech.
    """
    if text.startswith(tuple(lexicon()["caption_openers"])):
        return True
    markers = position_markers(text)
    if not markers:
        return False
    if credit_start(text):
        return True
    return before_body and (markers >= 2 or not reports_speech(text))


def signoff_start(text: str) -> Optional[int]:
    """Where the credit line of the story's staff begins: a paragraph ``(Reporting by ...;
    Editing by ...)`` or ``X contributed to this report.``, or such a bracket closing a paragraph.
    Asked of every paragraph, so the patterns run only where they can match: the closers where
    one of them is in the text, the closing bracket from the space before the last "(" (the
    only one its ``[^()]*`` allows)."""
    whole = words_pattern(r"^\(?\s*(?:%s)\b", "staff_credit_openers", flags=re.I).match(text)
    size = len(text.split())
    if whole and size <= 60:
        return 0
    if size <= 30 and any(closer in text for closer in lexicon()["staff_credit_closers"]) and words_pattern(
            r"\b(?:%s)\W*$", "staff_credit_closers").search(text):
        return 0
    opening = text.rfind("(")
    if ")" not in text or opening < 0:
        return None  # no bracket to close the paragraph
    tail = words_pattern(r"\s*\(\s*(?:%s)\b[^()]*\)\s*$", "staff_credit_openers", flags=re.I).search(
        text, len(text[:opening].rstrip()))
    return tail.start() if tail and tail.start() > 0 else None


def sign_off_agency(text: str) -> Optional[str]:
    """A closing line that only names the wire (``- AFP``, ``(Reuters)``). Asked of every
    paragraph: one whose first five pieces between spaces each hold a word is too long, told
    without rewriting the whole paragraph."""
    if sum(any(c.isalnum() for c in piece) for piece in text.split(maxsplit=5)[:5]) == 5:
        return None
    words = re.sub(r"[\W_]+", " ", text).strip()
    return agency_of(words) if len(words.split()) <= 4 else None


def find_wire(body: str, pieces: list[Piece]) -> Optional[str]:
    """The news agency behind the story: sign-off, dateline, author link, then how the body names it."""
    agencies = lexicon()["agencies"]
    for piece in pieces:
        if piece.kind == "signoff" and sign_off_agency(piece.text):
            return sign_off_agency(piece.text)
        if piece.kind == "dateline":
            bracket = re.search(r"\(([^()]+)\)", piece.text)
            if bracket and agency_of(bracket[1]):
                return agency_of(bracket[1])
        if piece.kind == "author-link":
            slug = urlparse(piece.text).path.lower()
            for agency, aliases in agencies.items():
                if any(re.search(r"\b%s\b" % re.escape(a.lower()), slug) for a in aliases):
                    return agency
    names = agency_names()
    if not any(name in body for name in names) or not any(p.search(body) for p in naming_patterns(names)):
        return None  # most bodies name no agency: a substring test each, then one pass for all, then one per agency
    return next((agency for agency, aliases in agencies.items()
                 if any(p.search(body) for p in naming_patterns(tuple(aliases)))), None)


def naming_patterns(names: tuple[str, ...]) -> list[re.Pattern]:
    """How a body names the agency it comes from: ``(AFP) -``, ``AFP reported``, ``told AFP``."""
    after, before = (tuple(lexicon()[key]) for key in ("reporting_after_agency", "reporting_before_agency"))
    return [compiled(r"\((?:%s)\)\s*[-\u2013\u2014]", names),
            compiled(r"\b(?:%s)\b \b(?:%s)\b", names, after),
            compiled(r"\b(?:%s) (?:%s)\b", before, names)]


def article_id(raw: RawArticle, text: str) -> str:
    if raw.id:
        return raw.id
    return hashlib.sha1((raw.url or raw.source or "").encode() + b"\0" + text.encode()).hexdigest()[:16]


def repeats_title(text: str, title: str) -> bool:
    """The page repeats its headline atop the body, maybe without the title's prefix
    ("Opinion | Is Football Violence a Crime?")."""
    fold = lambda s: re.sub(r"[\W_]+", " ", s).strip().lower()  # noqa: E731
    return bool(fold(text)) and (fold(text) == fold(title) or (len(text.split()) >= 3 and fold(title).endswith(fold(text))))


def unwrapped(piece: Piece, joined: str, cut: Optional[int]) -> Piece:
    """A caption as readers want it: the unwrapped text, the source offsets kept."""
    part = joined[:cut] if piece.kind == "caption" else joined[cut:]
    return Piece(kind=piece.kind, text=part.strip(), start=piece.start, end=piece.end)


def guesses(raw: RawArticle, title: Optional[str], published_from: Optional[str]) -> list[str]:
    """What cleaning read off the text rather than being given, for the record's ``warnings``."""
    found = []
    if title and not raw.title:
        found.append("title: taken from the first line of the text")
    if published_from == "text" and raw.published_from != "text":
        found.append("published: read from a date line in the text")
    return found


def clean(raw: RawArticle) -> Article:
    """The Article for ``raw``, with its body, title, captions and removed pieces filled in."""
    source = raw.text.replace("\r\n", " \n").replace("\r", "\n").replace("\u00a0", " ")
    title = raw.title
    body: list[str] = []
    captions: list[Piece] = []
    removed: list[Piece] = []
    published, published_from = raw.published, raw.published_from
    byline = raw.byline
    paragraphs = split_paragraphs(source, raw.layout)
    for index, par in enumerate(paragraphs):
        text, _ = par.joined()
        kind = None
        if index == 0 and len(paragraphs) > 1 and title is None and is_headline(text):
            title, kind = text, "title"
        elif not body and title is not None and repeats_title(text, title):
            kind = "title"
        elif link_kind(text):
            kind = link_kind(text)
        elif is_related_link(text):
            kind = "related-link"
        elif BYLINE.match(text):
            byline, kind = byline or BYLINE.match(text)["name"], "byline"
        elif sign_off_agency(text) or signoff_start(text) == 0:
            kind = "signoff"
        elif find_text_date(text, whole=True):
            kind = "dateline"
            if not published:
                published, published_from = find_text_date(text, whole=True), "text"
        elif is_caption(text, before_body=not body) or (not body and (credit_start(text) or 0) > 0):
            cut = credit_start(text)
            pieces = [par.piece("caption", 0, cut)] if cut else [par.piece("caption")]
            if cut:
                pieces.append(par.piece("credit", cut))
            removed.extend(pieces)
            captions.extend(unwrapped(piece, text, cut) for piece in pieces)
            continue
        elif credit_start(text) == 0 and len(text.split()) <= 6:
            kind = "credit"
            captions.append(par.piece(kind))
        if kind:
            removed.append(par.piece(kind))
            continue
        opening = dateline_end(text) if not body else None
        if opening:
            removed.append(par.piece("dateline", 0, opening))
            if not published and find_text_date(text):
                published, published_from = find_text_date(text), "text"
        closing = signoff_start(text)
        if closing:
            removed.append(par.piece("signoff", closing))
        body.append(repair_quotes(text[opening or 0:closing]))
    text = "\n\n".join(body)
    if not published:
        found = find_text_date(text[:300])
        if found:
            published, published_from = found, "text"
    language = detect_language(text, raw.language)
    warnings = [*raw.warnings, *guesses(raw, title, published_from), *([language.warning] if language.warning else [])]
    outlet = raw.outlet or next(
        (urlparse(p.text).hostname for p in removed if p.kind == "author-link"), None)
    return Article(
        id=article_id(raw, text),
        source=raw.source,
        url=raw.url,
        text=text,
        title=re.sub(r"\s+", " ", title).strip() if title else None,
        outlet=outlet.removeprefix("www.") if outlet else None,
        wire=find_wire(text, removed),
        byline=byline,
        language=language.language,
        published=published,
        published_from=published_from or ("none" if not published else "given"),
        captions=captions,
        removed=removed,
        warnings=warnings,
    )
