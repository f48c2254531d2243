"""Stories and happenings across a corpus: the same article twice, one meeting in two reports."""

from __future__ import annotations

import dataclasses

from conftest import PAGES

from dragoman.clean import clean
from dragoman.corpus import Corpus
from dragoman.corpus.queries import Filters
from dragoman.corpus.stories import Doc, group_stories
from dragoman.ingest import read_inputs
from dragoman.tables import article_key


def cleaned(*names: str):
    """Real pages read and cleaned (no parsing: grouping stories needs only the text)."""
    return [clean(raw) for raw in read_inputs([str(PAGES / n) for n in names], 10_000_000)]


def test_the_same_article_as_html_and_as_text_is_one_story():
    corpus = Corpus()
    corpus.save_all(cleaned("polygraph-al-tanf.html.gz", "polygraph-al-tanf.txt", "bbc-swift-big-machine.html.gz",
                            "albawaba-settlements.html.gz"))
    corpus.refresh()
    stories = {row["source"].rsplit("/", 1)[-1]: row["story_id"] for row in corpus.articles}
    assert stories["polygraph-al-tanf.html.gz"] == stories["polygraph-al-tanf.txt"]
    assert len(set(stories.values())) == 3
    biggest = corpus.stories()[0]
    assert (biggest["articles"], biggest["title"][:16]) == (2, "Russia and Syria")


def happening_of(corpus: Corpus, article, event) -> dict:
    row = corpus.db.execute('SELECT "happening_id" FROM "happening_reports" WHERE "article_id" = ? AND "event_id" = ?',
                            (article_key(article), event.id)).fetchone()
    return next(h for h in corpus.happenings(Filters(limit=1000)) if h["id"] == row[0])


def test_two_reports_of_one_meeting_are_one_happening_and_a_denial_contests_it(sample_record):
    first = dataclasses.replace(sample_record, published="2024-12-07")
    second = dataclasses.replace(sample_record, source="wire/moscow-times-copy.txt", published="2024-12-08")
    corpus = Corpus()
    corpus.save_all([first, second])
    corpus.refresh()
    meeting = next(e for e in sample_record.events if e.type == "CONSULT" and e.source)
    happening = happening_of(corpus, first, meeting)
    assert happening["articles"] == 2
    assert happening_of(corpus, second, meeting) == happening
    assert corpus.contested() == []

    denied = [dataclasses.replace(e, status="denied") if e is meeting else e for e in sample_record.events]
    third = dataclasses.replace(sample_record, source="elsewhere.txt", published="2024-12-08", events=denied)
    corpus.save(third)
    corpus.refresh()
    contested = [c for c in corpus.contested() if c["happening_id"] == happening_of(corpus, third, meeting)["id"]]
    assert {(c["a_article_id"], c["b_article_id"], c["b_status"]) for c in contested} == {
        (article_key(a), article_key(third), "denied") for a in (first, second)}


ASSANGE = Doc("bbc", "Sweden drops Assange rape investigation",
              "Swedish prosecutors have dropped their investigation into a rape allegation against WikiLeaks "
              "founder Julian Assange. Deputy chief prosecutor Eva-Marie Persson said the evidence had weakened "
              "considerably because of the long time that had passed. Assange is held in Belmarsh prison in "
              "London, where he faces extradition to the United States.",
              "2019-11-19", ["person::julian assange"], "bbc.com")
ELSEWHERE = [Doc("snow", "Storm closes schools across the north", "Heavy snow closed schools and roads on Monday.",
                 "2019-11-18", [], "bbc.com"),
             Doc("strike", "Train strike called off after pay deal", "Rail unions called off a strike after a pay deal.",
                 "2019-11-19", [], "itv.com")]


def test_two_outlets_reporting_one_happening_are_one_story_but_another_happening_of_the_same_man_is_not():
    """All three are about Assange and close in their words; the third one's headline (doctors, his
    health) is a different happening, which the others do not state in their headline or opening."""
    other_outlet = Doc("albawaba", "Sweden Drops Its Investigation Into Rape Allegation Against Julian Assange",
                       "Prosecutors in Sweden said on Tuesday they had discontinued the investigation of the rape "
                       "allegation against Julian Assange, the WikiLeaks founder, as memories had faded. Persson "
                       "told reporters the evidence was no longer strong enough. Assange remains in Belmarsh prison "
                       "awaiting a United States extradition hearing.",
                       "2019-11-19", ["person::julian assange"], "albawaba.com")
    doctors = Doc("guardian", "Doctors fear for Assange's health in jail",
                  "More than sixty doctors wrote that Julian Assange could die in Belmarsh prison in London without "
                  "urgent care. The WikiLeaks founder faces extradition to the United States, where prosecutors "
                  "accuse him of espionage; Sweden dropped its rape investigation this week.",
                  "2019-11-20", ["person::julian assange"], "theguardian.com")
    stories = group_stories([ASSANGE, other_outlet, doctors, *ELSEWHERE])
    assert stories == {"bbc": "salbawaba", "albawaba": "salbawaba", "guardian": "sguardian",
                       "snow": "ssnow", "strike": "sstrike"}


def test_one_outlet_reports_a_happening_once_unless_the_text_is_a_copy():
    rewrite = dataclasses.replace(ASSANGE, id="bbc-2", title="Sweden ends Assange rape inquiry",
                                  text=ASSANGE.text.replace("Swedish prosecutors have", "Sweden has"))
    follow_up = dataclasses.replace(ASSANGE, id="bbc-3", title="Assange rape investigation dropped: what next",
                                    text="The investigation into a rape allegation against Julian Assange has been "
                                         "dropped. What happens next to the WikiLeaks founder, held in Belmarsh "
                                         "prison in London, depends on extradition to the United States.")
    stories = group_stories([ASSANGE, rewrite, follow_up, *ELSEWHERE])
    assert stories["bbc"] == stories["bbc-2"] != stories["bbc-3"]
    assert len(set(stories.values())) == 4


def test_a_hypothetical_report_joins_no_happening(sample_record):
    """"The two sides could meet" in one article and the meeting in another are not one meeting."""
    meeting = next(e for e in sample_record.events if e.type == "CONSULT" and e.source)
    held = dataclasses.replace(sample_record, published="2024-12-07")
    maybe = dataclasses.replace(sample_record, source="elsewhere.txt", published="2024-12-07", events=[
        dataclasses.replace(e, status="hypothetical") if e is meeting else e for e in sample_record.events])
    corpus = Corpus()
    corpus.save_all([held, maybe])
    corpus.refresh()
    real, hypothetical = happening_of(corpus, held, meeting), happening_of(corpus, maybe, meeting)
    assert real["id"] != hypothetical["id"]
    assert (real["reports"], real["status"], hypothetical["reports"], hypothetical["status"]) == \
        (1, "reported", 1, "hypothetical")
