"""Stories and happenings across a corpus: the same article twice, one meeting in two reports."""

from __future__ import annotations

import dataclasses

from conftest import PAGES

from dragoman.clean import clean
from dragoman.corpus import Corpus
from dragoman.corpus.queries import Filters
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
