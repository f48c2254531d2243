"""Events: who did what to whom, in PLOVER. Filled by the events issue; for now the record passes through."""

from spacy.tokens import Doc

from dragoman.record import Article


def add_events(article: Article, doc: Doc) -> Article:
    return article
