"""Views of a parsed Doc that spaCy builds anew on every access, built once and kept on the Doc.

``Doc.text`` joins every token, ``Doc.ents`` makes a Span for every entity, ``Span.ents`` walks
all of them, and iterating a Doc makes every Token again. The stages ask for these per mention,
per quote and per trigger, which made their cost grow with the square of the text. The Doc must
not change after the parse (no stage sets entities or sentence starts), so the views stay true.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

for _name in ("dragoman_text", "dragoman_ents", "dragoman_tokens"):
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


def doc_tokens(doc: Doc) -> list[Token]:
    if doc._.dragoman_tokens is None:
        doc._.dragoman_tokens = list(doc)
    return doc._.dragoman_tokens


def entities_in(span: Span) -> list[Span]:
    """What ``span.ents`` gives: the entities wholly inside ``span``, up to the first that
    starts inside it and runs past its end."""
    found = []
    for entity in entities_of(span.doc):
        if entity.start >= span.start:
            if entity.end > span.end:
                break
            found.append(entity)
    return found
