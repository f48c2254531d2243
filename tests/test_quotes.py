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
    # "the statement said" and "it said" speak for the military, quoted just before
    assert speaker_of(article, "The cause of the crash is under investigation") == ("US military", "direct")
    withholding = [q for q in speakers(article) if q[1].startswith("it was withholding the names")]
    assert [who for who, _ in withholding] == ["US military"]
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


def speakers(article) -> list[tuple[str, str]]:
    actors = actor_index(article)
    return [(actors[q.speaker].name if q.speaker in actors else None, q.text) for q in article.quotes]


def test_a_role_in_apposition_to_a_name_quotes_the_name_not_the_possessor(pipeline):
    """AP, via NBC (ScrapingHub page ``7a457a4f…``): the attorney speaks, not her client."""
    text = ("Carlineo's attorney, Sonya Zoghlin, said in an email to The Associated Press that Carlineo "
            "never intended to harm Omar.")
    said = speakers(pipeline.analyze(text, date="2019-11-22"))
    assert said == [("Sonya Zoghlin", "Carlineo never intended to harm Omar")]


def test_recounted_is_a_speech_verb(pipeline):
    """The New York Times (ScrapingHub page ``702d1da6…``)."""
    said = speakers(pipeline.analyze("“My people had $20 billion done,” Mr. Trump recounted in an Oct. 21 "
                                     "cabinet meeting.", date="2019-11-20"))
    assert said == [("Donald Trump", "My people had $20 billion done,")]


@pytest.mark.parametrize("text, want", [
    # Houston Chronicle (AP) and Deccan Herald (PTI) pages of the ScrapingHub benchmark, 2019
    ("U.S. Defense Secretary Mark Esper on Wednesday accused China of using coercion and intimidation against "
     "smaller Asian nations.", ("Mark Esper", "using coercion and intimidation against smaller Asian nations")),
    ("Grisham urged the American public not to tolerate the pretense of the Democrats.",
     ("Stephanie Grisham", "not to tolerate the pretense of the Democrats")),
])
def test_what_a_speaker_charges_or_asks_someone_with_is_reported_speech(pipeline, text, want):
    assert want in speakers(pipeline.analyze(text, date="2019-11-20"))


def test_a_promise_to_act_oneself_is_no_quote(pipeline):
    """Only a verb with someone it addresses reports what it asks of them."""
    assert speakers(pipeline.analyze("Trump promised to cut taxes next year.", date="2019-11-20")) == []


@pytest.mark.parametrize("text", [
    # U.S. State Department release, 2016 (a U.S. government work, public domain; re3d): the same words
    # in a news archive's two-apostrophe marks, and as a quote signed after a dash.
    "The talks went on.\n\n''This shared fight against Da\u2019esh will be aided by Syrians reaching a political "
    "transition,'' said John Kerry, the secretary of state.",
    "The talks went on.\n\n\u201cThis shared fight against Da\u2019esh will be aided by Syrians reaching a political "
    "transition.\u201d \u2015 John Kerry",
])
def test_archive_marks_and_a_signing_dash_quote_their_speaker(pipeline, text):
    from dragoman.ingest import RawArticle

    article = pipeline.analyze(RawArticle(source="release", text=text, layout="paragraphs"), date="2016-05-17")
    assert speaker_of(article, "This shared fight") == ("John Kerry", "direct")
