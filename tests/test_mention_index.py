"""The mention index: who a token names, a clause's subject, speech verbs, quoted words."""

from __future__ import annotations

import pytest

from dragoman.mention_index import clause_subject, index_of, is_speech_verb
from dragoman.pipeline import Pipeline


@pytest.fixture(scope="module")
def parsed(pipeline: Pipeline):
    def parse(text: str):
        doc = pipeline.nlp(text)
        return doc, doc._.dragoman_record

    return parse


def word(doc, text):
    return next(t for t in doc if t.text == text)


def test_the_subject_of_a_clause_hanging_on_another(parsed):
    # founding article: "issued a statement warning that ..." is said by who issued it
    doc, _ = parsed("The Syrian army issued a statement warning that the rebels had entered Homs.")
    assert clause_subject(word(doc, "warning")).text == "army"


def test_a_passive_verbs_subject_is_not_its_doer_but_its_agent_is(parsed):
    doc, _ = parsed("Two soldiers were killed by the rebels near Aleppo.")
    assert clause_subject(word(doc, "killed")).text == "rebels"
    doc, _ = parsed("Two soldiers were killed near Aleppo.")
    assert clause_subject(word(doc, "killed")) is None


def test_speech_verbs_by_lemma_and_part_of_speech(parsed):
    doc, _ = parsed("Lavrov said the claims were false and warned Turkey.")
    assert is_speech_verb(word(doc, "said")) and is_speech_verb(word(doc, "warned"))
    assert not is_speech_verb(word(doc, "claims"))


def test_actors_of_a_phrase_through_coordination_and_quoted_words(parsed):
    doc, record = parsed('Moscow and Tehran backed Assad, calling the rebels "terrorists".')
    index = index_of(doc, record)
    countries = [a.country for a in index.of_phrase(word(doc, "Moscow"))]
    assert countries == ["RUS", "IRN"]
    assert index.in_marks(word(doc, "terrorists")) and not index.in_marks(word(doc, "rebels"))
