"""Quotes: who said what. Filled by the quotes issue; for now the record passes through."""

from spacy.tokens import Doc

from dragoman.record import Article


def add_quotes(article: Article, doc: Doc) -> Article:
    return article
