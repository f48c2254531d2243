"""Dragoman reads news and writes down, with a citation for every fact, who said what,
who did what to whom, when and where, and which claims are contested."""

from dragoman.components import to_article
from dragoman.pipeline import Pipeline, load
from dragoman.record import Article
from dragoman.settings import Settings

__all__ = ["Article", "Pipeline", "Settings", "load", "to_article"]
__version__ = "0.1.0"
