"""Event dates: words read against the publication date, and only the event's own words.

Sentences are ours, or from pages of the scrapinghub/article-extraction-benchmark (MIT; third-party
content, page id named beside each).
"""

import pytest

from dragoman.events.when import resolve_date
from dragoman.ingest import RawArticle


def dated(pipeline, text, day):
    """(type, source name, target name, date) of each event of ``text`` published on ``day``."""
    article = pipeline.analyze(RawArticle(source="page", text=text, layout="paragraphs"), date=day)
    names = {a.id: a.name for a in article.actors}
    return [(e.type, names.get(e.source), names.get(e.target), e.date) for e in article.events]


@pytest.mark.parametrize("words, want", [
    ("Tuesday, October 29", "2019-10-29"),  # the date written out wins over the weekday
    ("July 25th", "2019-07-25"), ("Nov. 9", "2019-11-09"),
    ("in October", "2019-10"), ("early February", "2019-02"), ("the end of August", "2019-08"),
    ("in December", "2018-12"), ("August 2013", "2013-08"), ("the end of the month", "2019-11"),
])
def test_named_days_and_months_resolve(words, want):
    assert resolve_date(words, "2019-11-20") == want


def test_a_month_in_a_future_clause_is_the_coming_one():
    assert resolve_date("in March", "2019-11-20", tense="future") == "2020-03"
    assert resolve_date("next month", "2019-12-20") == "2020-01"


@pytest.mark.parametrize("words", ["for months", "18 months", "three weeks", "the last three months",
                                   "two weeks later", "months"])
def test_a_length_of_time_is_no_date(words):
    # "For months, federal authorities examined ..." was dated this month; "three weeks before he died" this week
    assert resolve_date(words, "2019-11-20") is None


def test_a_weekday_with_its_date_is_that_date(pipeline):
    text = "The House of Representatives overwhelmingly voted Tuesday, October 29 to recognize the Armenian Genocide."
    assert "2019-10-29" in {date for *_, date in dated(pipeline, text, "2019-11-20")}


