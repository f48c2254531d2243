"""Claims, contradictions and relations. Filled by the claims issue; for now the record passes through."""

from spacy.tokens import Doc

from dragoman.record import Article


def add_claims(article: Article, doc: Doc) -> Article:
    return article
