"""The language an article is written in, from its text (a page's own tag can be wrong or absent).

Most inputs are English, and English is told cheaply by its stop words; anything else goes to
py3langid, whose model ships inside its wheel (nothing is downloaded) and is loaded only the
first time a text needs it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

SAMPLE_CHARS = 5000
MIN_WORDS = 20
# Running English prose has about half its words in spaCy's stop list; other languages few.
ENGLISH_STOP_SHARE = 0.25
MIN_CONFIDENCE = 0.9


@dataclass(frozen=True)
class Detected:
    language: Optional[str]
    warning: Optional[str] = None


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """spaCy's English stop words, imported on first use: the corpus queries, which import the
    cleaning code, must not pay for importing spaCy."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


@lru_cache(maxsize=1)
def identifier():
    """py3langid's identifier (read-only once loaded, like a data file), probabilities normalised."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def read_by(pipeline_language: str, language: Optional[str]) -> bool:
    """Whether a pipeline of ``pipeline_language`` reads text in ``language`` (unknown: yes; the
    multilingual "xx" reads every language)."""
    return not language or pipeline_language in ("xx", language)


def primary(tag: Optional[str]) -> Optional[str]:
    """``en`` of ``en-US`` / ``en_GB``; None for an empty tag."""
    code = re.split(r"[-_]", tag.strip().lower())[0] if tag else ""
    return code or None


def detect_language(text: str, declared: Optional[str] = None) -> Detected:
    """The text's language; the ``declared`` one (a page's lang attribute) when the text is too
    short to tell, with a warning whenever the two disagree or neither is known."""
    declared = primary(declared)
    sample = text[:SAMPLE_CHARS]
    words = re.findall(r"[^\W\d_]+", sample.lower())
    if len(words) < MIN_WORDS:
        if declared:
            return Detected(declared)
        return Detected(None, "language: text too short to tell its language")
    stops = stop_words()
    if sum(w in stops for w in words) / len(words) > ENGLISH_STOP_SHARE:
        found, confidence = "en", 1.0
    else:
        found, confidence = identifier().classify(sample)
    if confidence < MIN_CONFIDENCE:
        return Detected(declared, f"language: unsure ({found}? {confidence:.2f}, py3langid)")
    if declared and declared != found:
        return Detected(found, f"language: the page says '{declared}', its text reads as '{found}'")
    return Detected(found)
