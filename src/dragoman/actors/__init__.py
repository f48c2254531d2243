"""Actors: who is who. Filled by the actors issue; for now the record passes through."""

from spacy.tokens import Doc

from dragoman.record import Article


def add_actors(article: Article, doc: Doc) -> Article:
    return article
