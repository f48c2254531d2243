"""Speakers named by the layout of the text rather than by a verb.

``"I am ashamed ..." ― Carla Sanchez``: a name after a dash signs the quote before it.
``"WALLACE: Let's start ...`` (a transcript) and ``Sanders: Clinton needs to ...`` (a headline):
a line that opens with a speaker's name and a colon gives the rest of the line to that speaker.
The name must be an actor of the article (or the surname of its one person so called), so
``UPDATE:``, ``Photo:`` and a dateline's ``MOSCOW:`` name no speaker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Doc, Token

from dragoman.data_files import load_json
from dragoman.doc_views import text_of
from dragoman.mention_index import MentionIndex
from dragoman.quotemarks import Quoted
from dragoman.record import Actor, Span

NAME_COLON = re.compile(r"^[\"\u201c]?(?P<name>[^\s:\"\u201c][^:\n]*?):[ \t]+(?=\S)", re.M)


@dataclass
class NamedLine:
    """A line opened by ``Name:``: where the name and the words start, where the line ends."""

    name_start: int
    content_start: int
    end: int
    speaker: Token
    transcript: bool
    """The name is in capitals, as transcripts print it: the words are the speaker's own."""


def named_lines(doc: Doc, index: MentionIndex) -> list[NamedLine]:
    text = text_of(doc)
    cues = load_json("quotes/cues.json")
    found = []
    for match in NAME_COLON.finditer(text):
        name = match["name"].strip()
        if len(name.split()) > cues["colon_name_max_words"]:
            continue
        span = doc.char_span(match.start("name"), match.end("name"), alignment_mode="contract")
        if span is None or not len(span) or not all(t.text[:1].isupper() or t.is_punct for t in span):
            continue  # "He added: ..." is a verb's quote, not a name's line
        if span[-1].ent_type_ in cues["colon_non_speaker_entities"]:
            continue  # a dateline's "MOSCOW:"
        if not names_a_speaker(span[-1], span.start_char, span.end_char, index):
            continue
        end = text.find("\n", match.end())
        end = len(text.rstrip()) if end < 0 else end
        if not any(c.isalpha() for c in text[match.end():end]):
            continue  # "Hillary Clinton: 1,769.": a tally, not words
        found.append(NamedLine(match.start("name"), match.end(), end, span[-1], name.isupper()))
    return found


def names_a_speaker(last: Token, start: int, end: int, index: MentionIndex) -> bool:
    """The name is an actor's mention, whole, or the surname of the article's one person so called."""
    actor, mention = mention_starting_at(index, start)
    if mention is None or mention.end != end:
        actor = index.person_by_surname(last) if start == last.idx else None  # one word: "PENCE:"
    return actor is not None and actor.type not in load_json("quotes/cues.json")["colon_non_speaker_types"]


def mention_starting_at(index: MentionIndex, offset: int) -> tuple[Optional[Actor], Optional[Span]]:
    """The actor named at ``offset`` and its mention, if a mention starts exactly there."""
    actor = index.by_char.get(offset)
    mention = next((m for m in actor.mentions if m.start == offset), None) if actor is not None else None
    return actor, mention


def signed_by(doc: Doc, quoted: Quoted, index: MentionIndex) -> Optional[Token]:
    """The name that signs a quote after a dash, read in the text: the tokenizer glues a dash to
    the closing mark (``\u201d\u2015``)."""
    text = text_of(doc)
    after = quoted.end + 1
    while after < len(text) and text[after] in " \t.,":
        after += 1
    if text[after:after + 1] not in load_json("quotes/cues.json")["signature_dashes"]:
        return None
    after += 1
    while after < len(text) and text[after] in " \t":
        after += 1
    _, mention = mention_starting_at(index, after)
    named = doc.char_span(mention.start, mention.end, alignment_mode="expand") if mention is not None else None
    return named[-1] if named is not None else None  # the name's last word heads it: "John Kerry"
