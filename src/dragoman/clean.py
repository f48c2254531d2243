"""Cleaning: turn text as read (often pasted out of a web page) into the article's body.

It finds the title, unwraps hard-wrapped lines, rejoins names split at a line-end hyphen,
repairs broken quotation marks, and moves photo captions, credits, bare links, "Related article"
lines, bylines and datelines out of the body. Nothing is silently lost: every piece taken out is
listed in ``removed`` with its kind and its offsets in the source text.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Optional
from urllib.parse import urlparse

from spacy.lang.en.stop_words import STOP_WORDS

from dragoman.data_files import load_json
from dragoman.datelines import find_text_date
from dragoman.ingest.raw import RawArticle
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

    def joined(self) -> tuple[str, list[int]]:
        """The lines unwrapped (a space between lines, none after a word-final hyphen), and for
        each character of the result the offset in the source it stands for."""
        out: list[str] = []
        where: list[int] = []
        for start, end in self.lines:
            if out and not joins_without_space("".join(out[-2:])):
                out.append(" ")
                where.append(start - 1)
            out.extend(self.source[start:end])
            where.extend(range(start, end))
        return "".join(out), where

    def piece(self, kind: str, begin: int = 0, finish: Optional[int] = None) -> Piece:
        """The source stretch behind ``joined()[begin:finish]``, as a removed piece."""
        _, where = self.joined()
        start = where[begin]
        end = where[finish - 1] + 1 if finish else self.end
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
    prefixes = sorted(lexicon()["related_prefixes"], key=len, reverse=True)
    pattern = r"^(?:%s)\s*[:|\u2014\u2013>-]" % "|".join(map(re.escape, prefixes))
    return re.match(pattern, text, re.I) is not None


def agency_pattern(names: list[str]) -> str:
    return "|".join(map(re.escape, sorted(names, key=len, reverse=True)))


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
    lex = lexicon()
    agencies = [a for aliases in lex["agencies"].values() for a in aliases]
    glued_agency = re.search(r"(?:%s)\W*$" % agency_pattern(agencies), tail)
    has_word = any(re.search(r"(?<!\w)%s(?!\w)" % re.escape(w), tail) for w in lex["photo_credit_words"])
    return tail_start if (glued_agency or has_word) and len(tail.split()) <= 15 else None


def has_position_marker(text: str) -> bool:
    markers = agency_pattern(lexicon()["position_markers"])
    return re.search(r"\((?:%s)\)" % markers, text, re.I) is not None


def is_caption(text: str, before_body: bool) -> bool:
    """A photo caption: it opens like one, or it places people in a picture ``(L)``, ``(C)``.

    Mid-body, a position marker alone is not enough: ``Kristi Noem (R)`` names a party.
    """
    if text.startswith(tuple(lexicon()["caption_openers"])):
        return True
    return has_position_marker(text) and (before_body or bool(credit_start(text)))


def sign_off_agency(text: str) -> Optional[str]:
    """A closing line that only names the wire (``- AFP``, ``(Reuters)``)."""
    words = re.sub(r"[\W_]+", " ", text).strip()
    return agency_of(words) if len(words.split()) <= 4 else None


def find_wire(body: str, pieces: list[Piece]) -> Optional[str]:
    """The news agency behind the story: sign-off, dateline, author link, then how the body names it."""
    agencies = lexicon()["agencies"]
    for piece in pieces:
        if piece.kind == "signoff":
            return sign_off_agency(piece.text)
        if piece.kind == "author-link":
            slug = urlparse(piece.text).path.lower()
            for agency, aliases in agencies.items():
                if any(re.search(r"\b%s\b" % re.escape(a.lower()), slug) for a in aliases):
                    return agency
    lex = lexicon()
    after = "|".join(map(re.escape, lex["reporting_after_agency"]))
    before = "|".join(map(re.escape, lex["reporting_before_agency"]))
    for agency, aliases in agencies.items():
        names = agency_pattern(aliases)
        patterns = [
            r"\((?:%s)\)\s*[-\u2013\u2014]" % names,
            r"\b(?:%s)\b \b(?:%s)\b" % (names, after),
            r"\b(?:%s) (?:%s)\b" % (before, names),
        ]
        if any(re.search(p, body) for p in patterns):
            return agency
    return None


def english(text: str) -> bool:
    words = re.findall(r"[a-z']+", text.lower()[:5000])
    return len(words) >= 20 and sum(w in STOP_WORDS for w in words) / len(words) > 0.25


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
        elif sign_off_agency(text):
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
        else:
            body.append(repair_quotes(text))
    text = "\n\n".join(body)
    if not published:
        found = find_text_date(text[:300])
        if found:
            published, published_from = found, "text"
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
        language=raw.language or ("en" if english(text) else None),
        published=published,
        published_from=published_from or ("none" if not published else "given"),
        captions=captions,
        removed=removed,
    )
