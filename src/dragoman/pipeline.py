"""The stages in order: clean, parse with spaCy, then each analysis stage; raw in, Article out.

Each analysis stage is a function ``(article, doc) -> article`` registered by name in ``STAGES``;
``Settings.stages`` says which run and in what order. A stage reads the record and the parsed
Doc, never another stage's internals, so each can be replaced alone.
"""

from __future__ import annotations

from itertools import islice
from typing import Callable, Iterable, Iterator, Optional, Union

from spacy.language import Language
from spacy.tokens import Doc

from dragoman.actors import add_actors
from dragoman.claims import add_claims
from dragoman.clean import clean
from dragoman.errors import DragomanError, InputError
from dragoman.events import EventCoder
from dragoman.ingest import Item, RawArticle
from dragoman.nlp import load_nlp
from dragoman.quotes import add_quotes
from dragoman.record import Article
from dragoman.settings import Settings

Stage = Callable[[Article, Doc], Article]
STAGES: dict[str, Union[Stage, type]] = {  # a class is a stage holding resources, built once per pipeline
    "actors": add_actors,
    "quotes": add_quotes,
    "events": EventCoder,
    "claims": add_claims,
}
Outcome = Union[Article, InputError]


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
        self.stages = {name: STAGES[name]() if isinstance(STAGES[name], type) else STAGES[name]
                       for name in self.settings.stages}

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            self._nlp = load_nlp(self.settings.model)
        return self._nlp

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
            good = [a for a in prepared if isinstance(a, Article)]
            docs = iter(self.nlp.pipe((a.text for a in good), batch_size=self.settings.batch_size))
            for outcome in prepared:
                yield self.run_stages(outcome, next(docs)) if isinstance(outcome, Article) else outcome

    def prepare(self, item: Item, date: Optional[str]) -> Outcome:
        if isinstance(item, InputError):
            return item
        article = clean(item)
        if not article.text.strip():
            return InputError(item.source, "no body text left after cleaning")
        if len(article.text) > self.nlp.max_length:
            return InputError(item.source, f"body is {len(article.text):,} characters, over the parser's limit")
        if date:
            article.published, article.published_from = date, "given"
        return article

    def run_stages(self, article: Article, doc: Doc) -> Outcome:
        for name in self.settings.stages:
            try:
                article = self.stages[name](article, doc)
            except Exception as exc:  # one article's failure must not stop the batch
                return InputError(article.source, f"stage '{name}' failed: {type(exc).__name__}: {exc}")
        return article


def load(settings: Optional[Settings] = None) -> Pipeline:
    """A ready pipeline: ``dragoman.load().analyze(text)``."""
    return Pipeline(settings)
