"""Dragoman reads news and writes down, with a citation for every fact, who said what,
who did what to whom, when and where, and which claims are contested.

The names below load on first use, so ``dragoman --help`` and the corpus commands start without
importing spaCy (seconds on a laptop); ``dragoman.load()`` or ``dragoman.Pipeline`` pull it in.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dragoman.components import to_article
    from dragoman.pipeline import Pipeline, load
    from dragoman.record import Article
    from dragoman.settings import Settings

_HOMES = {"to_article": "dragoman.components", "Pipeline": "dragoman.pipeline", "load": "dragoman.pipeline",
          "Article": "dragoman.record", "Settings": "dragoman.settings"}

__all__ = ["Article", "Pipeline", "Settings", "load", "to_article"]
__version__ = "0.1.0"


def __getattr__(name: str):
    if name not in _HOMES:
        raise AttributeError(f"module 'dragoman' has no attribute {name!r}")
    value = getattr(importlib.import_module(_HOMES[name]), name)
    globals()[name] = value
    return value
