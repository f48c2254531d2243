"""Views of a parsed Doc that spaCy builds anew on every access, built once and kept on the Doc.

``Doc.text`` joins every token, ``Doc.ents`` makes a Span for every entity, ``Span.ents`` walks
all of them. The stages ask for these per mention, per quote and per trigger, which made their
cost grow with the square of the text. The Doc must not change after the parse (no stage sets
entities or sentence starts), so the views stay true.

The stages' loops over every word mostly want a few: the verbs, the nouns, some words. Making a
Token for each of the ~1,000 words of an article and asking it its part of speech cost more than
the work on the words kept, so ``tokens_of_pos`` and ``tokens_of_words`` read one array of the
parse and make Tokens for the words wanted only, and ``token_texts`` slices the words out of the
text. Each gives the words in the Doc's order, as a loop over the Doc would meet them.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Collection

import numpy as np
from spacy.attrs import IDX, LOWER, POS, SPACY
from spacy.tokens import Doc, Span, Token

for _name in ("dragoman_text", "dragoman_ents", "dragoman_views"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


def keep_text(doc: Doc, text: str) -> None:
    """The text ``doc`` was made from, which is what ``Doc.text`` gives back (spaCy's tokenizer
    loses no character) by joining every token: 0.1 s per 120 articles."""
    doc._.dragoman_text = text


def text_of(doc: Doc) -> str:
    if doc._.dragoman_text is None:
        doc._.dragoman_text = doc.text
    return doc._.dragoman_text


def entities_of(doc: Doc) -> tuple[Span, ...]:
    if doc._.dragoman_ents is None:
        doc._.dragoman_ents = doc.ents
    return doc._.dragoman_ents


def entities_in(span: Span) -> list[Span]:
    """What ``span.ents`` gives: the entities wholly inside ``span``, up to the first that
    starts inside it and runs past its end."""
    entities = entities_of(span.doc)
    views = _views(span.doc)
    if "ent_starts" not in views:
        views["ent_starts"] = [entity.start for entity in entities]
    found = []
    for entity in entities[bisect_left(views["ent_starts"], span.start):]:  # in order, not overlapping
        if entity.end > span.end:
            break
        found.append(entity)
    return found


def _views(doc: Doc) -> dict:
    if doc._.dragoman_views is None:
        doc._.dragoman_views = {}
    return doc._.dragoman_views


def tokens_of_pos(doc: Doc, *tags: str) -> list[Token]:
    """The Doc's tokens whose coarse part of speech (``token.pos_``) is one of ``tags``, in order."""
    views = _views(doc)
    key = ("pos", tags)
    if key not in views:
        if "pos" not in views:
            views["pos"] = doc.to_array(POS)
        wanted = [doc.vocab.strings[tag] for tag in tags]
        views[key] = [doc[i] for i in np.flatnonzero(np.isin(views["pos"], wanted)).tolist()]
    return views[key]


def tokens_of_words(doc: Doc, words: Collection[str]) -> list[Token]:
    """The Doc's tokens whose lower-case form (``token.lower_``) is one of ``words``, in order."""
    views = _views(doc)
    if "lower" not in views:
        views["lower"] = doc.to_array(LOWER)
    wanted = np.array([doc.vocab.strings[w] for w in words], dtype=np.uint64)
    return [doc[i] for i in np.flatnonzero(np.isin(views["lower"], wanted)).tolist()]


def token_texts(doc: Doc) -> tuple[list[str], list[str]]:
    """Every token's ``text`` and ``text_with_ws``, sliced out of the Doc's text at the tokens'
    offsets (a token's trailing whitespace is the text up to the next token)."""
    views = _views(doc)
    if "texts" not in views:
        text = text_of(doc)
        starts, spaced = doc.to_array([IDX, SPACY]).T.tolist()
        with_ws = [text[a:b] for a, b in zip(starts, starts[1:] + [len(text)])]
        views["texts"] = [t[:-1] if space else t for t, space in zip(with_ws, spaced)], with_ws
    return views["texts"]
