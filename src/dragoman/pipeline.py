"""The flow in order: clean, then one spaCy pipeline (parse and Dragoman's components); raw in, Article out.

Each analysis stage is a spaCy component (``dragoman.components``) added after the base pipeline's
own; ``Settings.stages`` says which run and in what order. Cleaning makes the record; it rides on the
Doc through the components, and ``to_article`` reads it off at the end.
"""

from __future__ import annotations

import gc
from itertools import islice
from typing import Iterable, Iterator, Optional, Union

from spacy.language import Language

from dragoman.clean import clean
from dragoman.components import to_article
from dragoman.doc_views import keep_text
from dragoman.errors import DragomanError, InputError, StageFailure
from dragoman.ingest import Item, RawArticle
from dragoman.language import identifier as language_identifier, read_by
from dragoman.nlp import load_nlp
from dragoman.record import Article
from dragoman.settings import Settings

STAGES = {"actors": "dragoman_actors", "quotes": "dragoman_quotes", "events": "dragoman_events",
          "claims": "dragoman_claims"}
"""Stage names users give in Settings.stages, and the spaCy component each one is."""
Outcome = Union[Article, InputError]
YOUNG_COLLECTION_AFTER = 10_000
"""Allocations between collections of the garbage collector's youngest generation in a process
that holds a pipeline (Python's default: 700); see ``Pipeline.hold``."""


class UnknownStage(DragomanError):
    pass


class Pipeline:
    """Holds the settings and the loaded spaCy pipeline: build one per process and reuse it."""

    def __init__(self, settings: Optional[Settings] = None):
        self.settings = settings or Settings()
        unknown = [name for name in self.settings.stages if name not in STAGES]
        if unknown:
            raise UnknownStage(f"unknown stage(s) {', '.join(unknown)}; known: {', '.join(STAGES)}")
        self._nlp: Optional[Language] = None
        self._held = False

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            nlp = load_nlp(self.settings.model, self.settings.matmul)
            language_identifier()  # cleaning's one large resource, loaded with the pipeline, not in the first article
            for name in self.settings.stages:
                nlp.add_pipe(STAGES[name])
            self._nlp = nlp
        return self._nlp

    def hold(self) -> "Pipeline":
        """Load the pipeline for the rest of this process's life, and take what loading made
        (models, knowledge base, gazetteer: some 270,000 objects) out of the cyclic garbage
        collector's reach with ``gc.freeze``: every full collection walked them all again, 0.5 s
        of Dragoman's 6 s of own work on 120 articles. For a process that keeps one pipeline (the
        CLI, a worker); objects frozen here that later become cyclic garbage are never freed, so
        a pipeline built and dropped again in one process is better not held.

        The youngest generation is also collected less often (``YOUNG_COLLECTION_AFTER``): the
        stages make and drop Tokens, Spans and dicts by the hundred thousand, and at Python's
        700 allocations the collector ran ~400 times per 120 articles, 0.19-0.29 s of CPU in all;
        at 10,000, ~10 times and 0.06-0.08 s, with the records unchanged."""
        self.nlp
        if not self._held:
            gc.collect()
            gc.freeze()
            gc.set_threshold(YOUNG_COLLECTION_AFTER, *gc.get_threshold()[1:])
            self._held = True
        return self

    def analyze(self, raw: Union[RawArticle, str], date: Optional[str] = None) -> Article:
        """One article, from a RawArticle or plain text; raises InputError if it has no body."""
        if isinstance(raw, str):
            raw = RawArticle(source="<text>", text=raw)
        outcome = next(self.analyze_stream([raw], date=date))
        if isinstance(outcome, InputError):
            raise outcome
        return outcome

    def analyze_stream(self, items: Iterable[Item], date: Optional[str] = None) -> Iterator[Outcome]:
        """Articles (or the error for each bad input) in input order, parsed in batches."""
        items = iter(items)
        while batch := list(islice(items, self.settings.batch_size)):
            prepared = [self.prepare(item, date) for item in batch]
            docs = iter(self.nlp.pipe((self.doc_for(a) for a in prepared if isinstance(a, Article)),
                                      batch_size=self.settings.batch_size))
            for outcome in prepared:
                yield self.finish(next(docs)) if isinstance(outcome, Article) else outcome

    def prepare(self, item: Item, date: Optional[str]) -> Outcome:
        if isinstance(item, InputError):
            return item
        article = clean(item)
        if not article.text.strip():
            return InputError(item.source, "no body text left after cleaning")
        if len(article.text) > self.nlp.max_length:
            return InputError(item.source, f"body is {len(article.text):,} characters, over the parser's limit")
        if date and not article.published:
            article.published, article.published_from = date, "given"
        if not read_by(self.nlp.lang, article.language):
            article.warnings.append(f"language: '{article.language}' text read with the '{self.nlp.lang}' pipeline: "
                                    "no events coded; its actors, quotes and claims are unreliable")
        return article

    def doc_for(self, article: Article):
        """An unparsed Doc carrying the cleaned record, for the components to fill in."""
        doc = self.nlp.make_doc(article.text)
        doc._.dragoman_record = article
        keep_text(doc, article.text)
        return doc

    @staticmethod
    def finish(doc) -> Outcome:
        try:
            return to_article(doc)
        except StageFailure as failure:
            return failure


def load(settings: Optional[Settings] = None) -> Pipeline:
    """A ready pipeline: ``dragoman.load().analyze(text)``."""
    return Pipeline(settings)
