"""Quotes on real articles: broken marks, inverted cues, pronoun speakers, continuations."""

import json

import pytest
from conftest import GOLD, SAMPLE, page_html

from dragoman.evaluate import actor_index, quote_matches
from dragoman.ingest.html import html_to_raw
from dragoman.quotemarks import quoted_spans

FOUNDING_GOLD = json.loads(GOLD.read_text("utf-8"))["quotes"]


@pytest.fixture(scope="module")
def founding(pipeline):
    return pipeline.analyze(SAMPLE.read_text("utf-8"), date="2024-12-07")


def speaker_of(article, phrase):
    """(speaker name or speaker text, kind) of the first quote containing ``phrase``."""
    actors = actor_index(article)
    for quote in article.quotes:
        if phrase in quote.text and quote.kind != "indirect":
            actor = actors.get(quote.speaker)
            return (actor.name if actor else quote.speaker_text), quote.kind
    raise AssertionError(f"no quote with {phrase!r}")


@pytest.mark.parametrize("want", FOUNDING_GOLD, ids=[q["phrase"][:30] for q in FOUNDING_GOLD])
def test_every_quote_of_the_founding_article_has_its_speaker_and_kind(founding, want):
    actors = actor_index(founding)
    matching = [q for q in founding.quotes if quote_matches(q, want, actors)]
    assert matching, f"{want} not found"
    assert want["kind"] in {q.kind for q in matching}


def test_founding_article_has_no_spurious_quotes(founding):
    actors = actor_index(founding)
    for quote in founding.quotes:
        assert any(quote_matches(quote, want, actors) for want in FOUNDING_GOLD), quote


def test_quote_offsets_cite_the_text(founding):
    for quote in founding.quotes:
        assert founding.text[quote.start:quote.end] == quote.text


def test_pronoun_and_relative_clause_speakers(founding):
    assert speaker_of(founding, "This threat will not be limited") == ("Abbas Araghchi", "direct")
    assert speaker_of(founding, "strongly reiterated sovereignty") == ("Sergei Lavrov", "direct")
    assert speaker_of(founding, "terrorist organisation") == ("Western governments", "partial")


def test_multi_sentence_quotes_with_pronoun_cues(pipeline):
    article = pipeline.analyze(html_to_raw(page_html("deccanherald-impeachment-grisham.html.gz"), "deccan"))
    assert speaker_of(article, "A great day for Republicans") == ("Donald Trump", "direct")
    assert speaker_of(article, "We have learned nothing new")[0].endswith("Grisham")
    assert speaker_of(article, "Specifically, Ambassador Volker confirmed")[0].endswith("Grisham")
    assert speaker_of(article, "I believe what I found unusual")[0].endswith("Williams")


def test_a_quote_running_on_into_the_next_paragraph_keeps_its_speaker(pipeline):
    article = pipeline.analyze(html_to_raw(page_html("nypost-taliban-hostages.html.gz"), "nypost"))
    assert speaker_of(article, "give[s] us hope") == ("Mike Pompeo", "partial")
    assert speaker_of(article, "We see these developments as hopeful signs") == ("Mike Pompeo", "direct")
    assert speaker_of(article, "We thank the Afghan government")[0].endswith("Grisham")


def test_said_after_a_statement_and_a_tweet(pipeline):
    article = pipeline.analyze(html_to_raw(page_html("aljazeera-afghanistan-helicopter.html.gz"), "aljazeera"))
    assert speaker_of(article, "The cause of the crash is under investigation") == ("the statement", "direct")
    assert speaker_of(article, "The Americans wanted to raid")[0] == "Zabihullah Mujahid"
    assert speaker_of(article, "for several more years") == ("Mark Milley", "partial")


def test_quoted_spans_pair_marks_within_paragraphs():
    text = '"It\'s inadmissible," Lavrov said.\n\n"This threat will not be limited to Syria'
    assert [text[q.start:q.end] for q in quoted_spans(text)] == [
        "It's inadmissible,", "This threat will not be limited to Syria"]


COOK = ("A series of precision U.S. airstrikes against al-Qaida operatives this week in northwestern Syria's Idlib "
        "province killed more than 20 militants and destroyed eight vehicles and nine structures, Pentagon Press "
        "Secretary Peter Cook told reporters today.\n\nA U.S. strike on Jan. 1 hit two al-Qaida vehicles that had "
        "departed a large al-Qaida headquarters near Sarmada, Syria, Cook said.")


def test_indirect_speech_with_the_tag_after_the_content(pipeline):
    """US Department of Defense news (public domain, re3d CENTCOM set): ``<claim>, Cook said.``"""
    article = pipeline.analyze(COOK, date="2017-01-06")
    actors = actor_index(article)
    indirect = {q.text: q for q in article.quotes if q.kind == "indirect"}
    strike = next(q for text, q in indirect.items() if text.startswith("A U.S. strike on Jan. 1 hit"))
    assert strike.text.endswith("near Sarmada, Syria")
    assert "Cook" in (actors[strike.speaker].name if strike.speaker else strike.speaker_text)
