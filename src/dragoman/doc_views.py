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
``noun_chunks`` does the same for spaCy's English noun chunker.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Collection, Optional

import numpy as np
from spacy.attrs import DEP, IDX, IS_PUNCT, IS_SPACE, LOWER, POS, SENT_START, SPACY
from spacy.lang.en.syntax_iterators import noun_chunks as english_noun_chunks
from spacy.tokens import Doc, Span, Token

VIEWS = "dragoman_views"
"""Where the views are kept: a dict in ``Doc.user_data``, spaCy's storage for custom data. Not a
``Doc._`` extension: each ``doc._`` access builds an accessor object, and the views are asked
for per mention and per trigger."""


def views_of(doc: Doc) -> dict:
    """The Doc's views, for a module that keeps one of its own there."""
    views = doc.user_data.get(VIEWS)
    if views is None:
        views = doc.user_data[VIEWS] = {}
    return views


def keep_text(doc: Doc, text: str) -> None:
    """The text ``doc`` was made from, which is what ``Doc.text`` gives back (spaCy's tokenizer
    loses no character) by joining every token: 0.1 s per 120 articles."""
    views_of(doc)["text"] = text


def text_of(doc: Doc) -> str:
    views = views_of(doc)
    if "text" not in views:
        views["text"] = doc.text
    return views["text"]


def entities_of(doc: Doc) -> tuple[Span, ...]:
    views = views_of(doc)
    if "ents" not in views:
        views["ents"] = doc.ents
        views["ent_starts"] = [entity.start for entity in views["ents"]]
    return views["ents"]


def entities_in(span: Span) -> list[Span]:
    """What ``span.ents`` gives: the entities wholly inside ``span``, up to the first that
    starts inside it and runs past its end."""
    entities = entities_of(span.doc)
    found = []
    for entity in entities[bisect_left(views_of(span.doc)["ent_starts"], span.start):]:  # in order, not overlapping
        if entity.end > span.end:
            break
        found.append(entity)
    return found


def tokens_of_pos(doc: Doc, *tags: str) -> list[Token]:
    """The Doc's tokens whose coarse part of speech (``token.pos_``) is one of ``tags``, in order."""
    views = views_of(doc)
    key = ("pos", tags)
    if key not in views:
        views[key] = [doc[i] for i in indices_of_pos(doc, *tags)]
    return views[key]


def indices_of_pos(doc: Doc, *tags: str) -> list[int]:
    """The indexes of ``tokens_of_pos``, for a loop that wants Tokens for a few of them only."""
    views = views_of(doc)
    key = ("pos indices", tags)
    if key not in views:
        if "pos" not in views:
            views["pos"] = doc.to_array(POS)
        keep = np.zeros(len(doc), dtype=bool)
        for tag in tags:  # a few comparisons: np.isin sorts
            keep |= views["pos"] == doc.vocab.strings[tag]
        views[key] = np.flatnonzero(keep).tolist()
    return views[key]


def tokens_of_words(doc: Doc, words: Collection[str]) -> list[Token]:
    """The Doc's tokens whose lower-case form (``token.lower_``) is one of ``words``, in order."""
    return [doc[i] for i in indices_of_words(doc, words)]


def indices_of_words(doc: Doc, words: Collection[str]) -> list[int]:
    """The indexes of ``tokens_of_words``."""
    views = views_of(doc)
    if "lower" not in views:
        views["lower"] = doc.to_array(LOWER).tolist()
    wanted = {doc.vocab.strings[w] for w in words}
    return [i for i, lower in enumerate(views["lower"]) if lower in wanted]


def words_between(doc: Doc, words: tuple[str, ...], start: int = 0, end: Optional[int] = None) -> list[int]:
    """``indices_of_words`` from word ``start`` to ``end``, the Doc's found once per tuple of
    ``words``: for the stages that ask of each quote's or claim's sentence whether it holds a
    rare word ("according", "capital"), instead of reading every word of the sentence."""
    views = views_of(doc)
    key = ("words", words)
    if key not in views:
        views[key] = indices_of_words(doc, words)
    found = views[key]
    return found[bisect_left(found, start):bisect_left(found, len(doc) if end is None else end)]


def sentence_starts(doc: Doc) -> list[int]:
    """Where each sentence starts, as ``[s.start for s in doc.sents]`` gives it without making a
    Span per sentence: the first word, then every word marked as a sentence's start."""
    if "sents" in doc.user_hooks or not doc.has_annotation("SENT_START") or not len(doc):
        return [sentence.start for sentence in doc.sents]
    flags = doc.to_array(SENT_START)[1:]
    return [0, *(np.flatnonzero(flags == 1) + 1).tolist()]


def sentence_of(token: Token) -> Span:
    """``token.sent``, made once per sentence: spaCy walks the words to the sentence's ends and
    makes a new Span on each access, and the stages ask it of every trigger and quote."""
    views = views_of(token.doc)
    if "sentences" not in views:
        doc = token.doc
        if "sents" in doc.user_hooks or not doc.has_annotation("SENT_START"):
            return token.sent
        starts = sentence_starts(doc)
        views["sentences"] = starts, [None] * len(starts)
    starts, spans = views["sentences"]
    n = bisect_right(starts, token.i) - 1
    if spans[n] is None:
        spans[n] = Span(token.doc, starts[n], starts[n + 1] if n + 1 < len(starts) else len(token.doc))
    return spans[n]


def punct_and_space(doc: Doc) -> tuple[list[int], list[int]]:
    """Every token's ``is_punct`` and ``is_space``, as two flat lists (no list per token)."""
    views = views_of(doc)
    if "kinds" not in views:
        views["kinds"] = doc.to_array(IS_PUNCT).tolist(), doc.to_array(IS_SPACE).tolist()
    return views["kinds"]


def token_texts(doc: Doc) -> tuple[list[str], list[str]]:
    """Every token's ``text`` and ``text_with_ws``, sliced out of the Doc's text at the tokens'
    offsets (a token's trailing whitespace is the text up to the next token)."""
    views = views_of(doc)
    if "texts" not in views:
        text = text_of(doc)
        starts, spaced = doc.to_array([IDX, SPACY]).T.tolist()
        with_ws = [text[a:b] for a, b in zip(starts, starts[1:] + [len(text)])]
        views["texts"] = [t[:-1] if space else t for t, space in zip(with_ws, spaced)], with_ws
    return views["texts"]


NP_DEPS = ("oprd", "nsubj", "dobj", "nsubjpass", "pcomp", "pobj", "dative", "appos", "attr", "ROOT")
"""The dependencies of a noun phrase's head to spaCy's English chunker (``spacy/lang/en/syntax_iterators.py``)."""


def noun_chunks(doc: Doc) -> list[Span]:
    """What ``list(doc.noun_chunks)`` gives. spaCy's English chunker makes a Token and its left
    edge for every word; only nouns and pronouns that head a phrase (or are joined to one by
    ``conj``) can start a chunk, and the other words change nothing in its walk, so these are
    picked from arrays first. Any other language's chunker runs as it is."""
    if doc.noun_chunks_iterator is not english_noun_chunks or not doc.has_annotation("DEP"):
        return list(doc.noun_chunks)
    strings = doc.vocab.strings
    np_deps = {strings[label] for label in NP_DEPS}
    conj, label = strings["conj"], strings["NP"]
    nominal = {strings["NOUN"], strings["PROPN"], strings["PRON"]}
    pos, dep = doc.to_array([POS, DEP]).T
    nominals = np.zeros(len(doc), dtype=bool)
    for tag in nominal:
        nominals |= pos == tag
    heads = dep == conj
    for relation in np_deps:
        heads |= dep == relation
    candidates = np.flatnonzero(nominals & heads)
    chunks: list[Span] = []
    prev_end = -1
    for i, relation in zip(candidates.tolist(), dep[candidates].tolist()):
        word = doc[i]
        start = word.left_edge.i
        if start <= prev_end:
            continue
        if relation == conj:
            head = word.head
            while head.dep == conj and head.head.i < head.i:
                head = head.head
            if head.dep not in np_deps:
                continue
        prev_end = i
        chunks.append(Span(doc, start, i + 1, label=label))
    return chunks
