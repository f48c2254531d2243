"""The country the words around a name give it, and where they come from.

A country is only given where the article supports it: a nationality or a country word in the
title or apposition ("Syrian author", "Qatar's Prime Minister", "the Swedish citizen"), a title
that carries one by news convention ("Sen.", "U.S. Rep.", "(R-Texas)", "House Speaker"), an
employer or place of known country ("State Department official", "the London-based Full Fact",
"Indiana House Speaker"), or, for a domestic office only, the article's setting (a governor in a
story datelined or set wholly in one country). Each answer says which (``text``, ``title``,
``context``); the knowledge base's own answers are ``kb``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Doc, Span, Token

from dragoman.actors.kb import KnowledgeBase, normalise
from dragoman.doc_views import entities_of, text_of, token_texts

PARTY_TAG = re.compile(r"^,?\s*\(?([RDI])-([A-Z][A-Za-z. ]{1,14}?)\)?(?=[,.;)\s]|$)")
DATELINE = re.compile(r"^([A-Z][A-Za-z .'-]{1,30}?)(?:,\s*([A-Z][A-Za-z .'-]{1,30}?))?\s*(?:\([A-Za-z ]+\)\s*)?[\u2013\u2014:-]")
MAX_APPOSITIVE = 12


@dataclass
class Found:
    """What the words around a name say: a role and a country, and where the country came from."""

    role: Optional[str] = None
    country: Optional[str] = None
    source: Optional[str] = None

    def with_country(self, country: Optional[str], source: str) -> "Found":
        if self.country is None and country:
            self.country, self.source = country, source
        return self


def phrases(words: list[str]) -> list[tuple[int, int, str]]:
    """Every run of words, longest first: (start, end, normalised text)."""
    lowered = [normalise(w) for w in words]
    return [(i, i + size, " ".join(lowered[i:i + size]))
            for size in range(len(words), 0, -1) for i in range(len(words) - size + 1)]


def country_in_words(words: list[Token], kb: KnowledgeBase) -> tuple[Optional[str], Optional[str]]:
    """A country the words name: a nationality, a country or place, an institution of known country
    (``State Department``), an ``X-based`` employer, else a convention title (``Sen.``). What the
    words name outranks a convention: ``Indiana House Speaker`` is Indiana's speaker, not the US
    House's. A country after ``to`` is where an envoy is sent, not whom he serves (``ambassador to Britain``);
    one before a subject noun is what an expert knows, not whom he serves (``a Ukraine specialist``).
    A word of a longer place's name is not a place of its own (``Jersey`` of ``New Jersey Sen.``),
    and a word of another person's name is no place at all (``Van`` of ``Chris Van Hollen``)."""
    own = [w for w in words if not is_after_preposition(w) and not is_subject(w, kb) and w.ent_type_ != "PERSON"]
    longer = words_of_longer_places(own, kb)
    for word in own:
        iso3 = kb.country_of_word(word.text) if word.i not in longer else None
        if iso3:
            return iso3, "text"
    runs = phrases([w.text for w in own])  # every run of the words: only where no one word names a country
    for start, end, phrase in runs:
        if not all(w.text[:1].isupper() for w in own[start:end]):
            continue  # places and bodies are proper names: "most" is not the Czech town
        iso3 = kb.places.get(phrase) or kb.seats.get(phrase) or institution_country(phrase, kb)
        iso3 = iso3 or (kb.country_names.get(phrase) if end - start > 1 else None)
        if iso3:
            return iso3, "text"
    for _, _, phrase in runs:  # a convention only where the words name no country or place of their own
        if phrase in kb.country_titles:
            return kb.country_titles[phrase], "title"
    return None, None


def is_after_preposition(word: Token) -> bool:
    """Whether ``word`` is part of a name that follows ``to``, ``in``, ``at`` or ``from``: the
    preposition governs the whole name (``a professor at New York University``), not its first word."""
    doc, j = word.doc, word.i - 1
    while j >= 0 and doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper():
        j -= 1
    return j >= 0 and doc[j].lower_ in ("to", "in", "at", "from")


def words_of_longer_places(words: list[Token], kb: KnowledgeBase) -> set[int]:
    """The token indexes of ``words`` inside a place or country named by two or more adjacent
    capitalised words (``New Jersey``, ``New South Wales``): their last word alone names another."""
    inside: set[int] = set()
    for start, end, phrase in phrases([w.text for w in words]):
        span = words[start:end]
        if (end - start > 1 and span[-1].i - span[0].i == end - start - 1 and all(w.text[:1].isupper() for w in span)
                and (kb.places.get(phrase) or kb.country_names.get(phrase))):
            inside.update(w.i for w in span)
    return inside


def longer_place_ending_at(word: Token, kb: KnowledgeBase) -> Optional[str]:
    """The country of a place named by two or more capitalised words ending at ``word``
    (``New South Wales`` before ``firefighters``), longest first; None where there is none."""
    doc, start = word.doc, word.i
    while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].text[:1].isupper():
        start -= 1
    for first in range(start, word.i):
        phrase = normalise(doc[first:word.i + 1].text)
        if iso3 := kb.places.get(phrase) or kb.country_names.get(phrase):
            return iso3
    return None


def country_in_name(span: Span, kb: KnowledgeBase) -> Optional[str]:
    """The country an organisation's own name names: a nationality or country anywhere in it, a
    place as the whole name, as a modifier (``Indiana State Police``) or after ``of`` (``University of
    Melbourne``), never as the last word of a longer name, which says what the body is, not where
    (``Grocery Store``). The
    longest place name wins over its parts (``New York Times`` is not York's)."""
    words = list(span)
    longer = words_of_longer_places(words, kb)
    for word in words:
        if word.i not in longer and (iso3 := kb.country_of_word(word.text)):
            return iso3
    for start, end, phrase in phrases([w.text for w in words]):
        last = words[end - 1]
        is_head = last.i == span.end - 1 and start > 0 and words[start - 1].lower_ not in ("of", "in")
        if not is_head and all(w.text[:1].isupper() for w in words[start:end]):
            iso3 = kb.country_of_place(phrase)
            if iso3:
                return iso3
    return None


def is_subject(word: Token, kb: KnowledgeBase) -> bool:
    """``Ukraine`` in ``a Ukraine specialist``: a country's name before a subject noun."""
    following = word.doc[word.i + 1] if word.i + 1 < len(word.doc) else None
    return (following is not None and following.lower_ in kb.subject_nouns
            and normalise(word.text) in kb.country_names)


def institution_country(phrase: str, kb: KnowledgeBase) -> Optional[str]:
    """The country of a non-person knowledge-base entry named exactly by ``phrase``."""
    if len(phrase) < 3 or phrase in kb.titles:
        return None
    for key in kb.aliases.get(phrase, []):
        entry = kb.entries[key]
        role = entry.roles[0] if entry.roles else None
        if entry.type != "person" and role is not None and role.country:
            return role.country
    return None


def title_before(doc: Doc, start: int, kb: KnowledgeBase) -> tuple[Optional[str], list[Token]]:
    """The title words right before a name (``Qatar's Prime Minister Sheikh``) and the role they name."""
    texts = token_texts(doc)[0]  # a word's lower_, is_title, is_upper, is_alpha are those of its text
    words: list[Token] = []
    j = start - 1
    while j >= 0 and start - j <= 7:
        text = texts[j]
        lower = text.lower()
        joins_title = lower in ("to", "of", "the") and j + 1 < start and texts[j + 1].istitle()
        if (lower in ("'s", "\u2019s") or normalise(text) in kb.honorifics or text.istitle()
                or lower in kb.title_words or (text.isupper() and len(text) > 1 and text.isalpha())
                or normalise(text) in kb.country_titles or joins_title):
            words.insert(0, doc[j])
        else:
            break
        j -= 1
    while words and words[0].lower_ in ("to", "of", "the"):
        words.pop(0)
    role = None
    for i, end, phrase in phrases([w.text for w in words]):
        if phrase in kb.titles or phrase in kb.domestic_roles:  # "math teacher" is a role too
            role = " ".join(w.text for w in words[i:end])
            break
    return role, words


def appositive_words(span: Span) -> list[Token]:
    """The words of an apposition or relative clause after a name, up to the next punctuation:
    ``Hakan Fidan, Turkey's foreign minister,``; ``Vindman, who is the White House ... expert``."""
    doc = span.doc
    if span.end >= len(doc) or doc[span.end].text not in (",", "("):
        return []
    words = []
    for token in doc[span.end + 1: span.end + 1 + MAX_APPOSITIVE]:
        if token.is_punct and token.text not in ("'s", "-") or token.pos_ == "VERB":
            break
        words.append(token)
    if not any(w.head.i in range(span.start, span.end) for w in words):
        return []  # "the campaign to defeat ISIL, the Syrian Democratic Forces have begun": the next clause
    return words


def apposed_title(span: Span) -> list[Token]:
    """The title phrase a name stands in apposition to, before it: ``Sweden's deputy director of
    public prosecutions, Eva-Marie Persson,``."""
    root = span.root
    head = root.head
    if root.dep_ != "appos" or head.i >= span.start or head.pos_ != "NOUN":
        return []
    start = max(head.left_edge.i, span.start - MAX_APPOSITIVE)
    commas = [t.i for t in span.doc[head.i:span.start] if t.text in (",", "(")]
    if not commas:
        return []
    return [t for t in span.doc[start:commas[-1]] if not t.is_punct]  # the name's own title is title_before's


def party_tag(span: Span, kb: KnowledgeBase) -> Optional[str]:
    """``Ilhan Omar, D-Minn.``, ``Ted Cruz (R-Texas)``: a US party-and-state tag after a name."""
    doc = span.doc  # the text from the name's end to the end of the tenth word after it, at most 24 characters
    if "-" not in text_of(doc)[span.end_char:span.end_char + 24]:
        return None  # most names: no tag's hyphen within reach
    end = min(span.end + 10, len(doc))
    stop = doc[end - 1].idx + len(doc[end - 1]) if end > span.end else span.end_char + len(span[-1].whitespace_)
    after = text_of(doc)[span.end_char:min(stop, span.end_char + 24)]
    match = PARTY_TAG.match(after)
    if match is None:
        return None
    state = normalise(match.group(2))
    if state in kb.state_abbreviations or kb.places.get(state) == "USA":
        return "USA"
    return None


def around_name(span: Span, kb: KnowledgeBase) -> Found:
    """Role and country from the title before a name, the apposition after it, ``of X``, a party tag."""
    role, before = title_before(span.doc, span.start, kb)
    found = Found(role).with_country(*country_in_words(before, kb)) if before else Found(role)
    after = appositive_words(span)
    if after:
        text = " " + normalise(" ".join(w.text for w in after)) + " "
        found.role = found.role or next((t for t in kb.titles_longest_first if f" {t} " in text), None)
        found.with_country(*country_in_words(after, kb))
    found.with_country(*country_in_words(apposed_title(span), kb))
    doc = span.doc
    if span.end + 1 < len(doc) and doc[span.end].lower_ == "of":
        found.with_country(kb.country_names.get(normalise(doc[span.end + 1].text)), "text")
    tag = party_tag(span, kb)
    return found.with_country(tag, "title") if tag else found


def dateline(text: str, kb: KnowledgeBase) -> tuple[int, Optional[str]]:
    """Where a dateline opening cleaning left in ends (``HANOI, Vietnam -``, ``Indianapolis –``, ``New Delhi:``) and the
    country of its place; (0, None) when the text opens with none. Only a known place makes a dateline:
    ``Al-Qaeda said`` opens with a capital and a hyphen too."""
    match = DATELINE.match(text[:80])
    if match:
        for part in (match.group(2), match.group(1)):
            iso3 = kb.country_of_place(part) if part else None
            if iso3:
                return match.end(), iso3
    return 0, None


def setting(doc: Doc, places: Counter, kb: KnowledgeBase) -> Optional[str]:
    """The one country a story is set in: its dateline's (``LONDON (AP) —``, ``HANOI, Vietnam``), left
    in the text or taken out by cleaning, else the country of every place it names (``places``) when
    all are in one country; None for a story across borders."""
    record = doc._.dragoman_record if doc.has_extension("dragoman_record") else None
    openings = [p.text for p in (record.removed if record is not None else []) if p.kind == "dateline"]
    for opening in [*openings, doc[:80].text]:  # a dateline is in the first 80 characters; doc.text joins every token
        _, iso3 = dateline(opening, kb)
        if iso3:
            return iso3
    return next(iter(places)) if len(places) == 1 else None


def places_named(doc: Doc, kb: KnowledgeBase) -> Counter:
    """How often the story names a place of each country; a name two countries share
    (``Georgia``, ``Punjab``) says nothing until the others have said where the story is."""
    counts = Counter(kb.country_of_place(ent.text) for ent in entities_of(doc)
                     if ent.label_ in ("GPE", "LOC") and normalise(ent.text) not in kb.shared_places)
    counts.pop(None, None)
    return counts


def leading_country(counts: Counter, kb: KnowledgeBase) -> Optional[str]:
    """The country ``counts`` name most, when it leads by the share and margin ``roles.json`` sets;
    None when no country leads clearly (a story across borders)."""
    ranked = counts.most_common(2)
    if not ranked:
        return None
    top, second = ranked[0][1], (ranked[1][1] if len(ranked) > 1 else 0)
    if top >= kb.focus_min_share * sum(counts.values()) and top >= kb.focus_min_lead * second:
        return ranked[0][0]
    return None


def is_domestic_role(role: Optional[str], kb: KnowledgeBase) -> bool:
    words = normalise(role or "")
    return bool(words) and any(f" {r} " in f" {words} " for r in kb.domestic_roles)
