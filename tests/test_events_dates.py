"""Event dates: words read against the publication date, and only the event's own words.

Sentences are ours, or from pages of the scrapinghub/article-extraction-benchmark (MIT; third-party
content, page id named beside each).
"""

import pytest

from dragoman.events.when import inherit_dates, resolve_date
from dragoman.ingest import RawArticle
from dragoman.record import Event


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


@pytest.mark.parametrize("words, published, tense, want", [
    ("from July 10 to July 16", "2020-07-09", "past", "2020-07-10/2020-07-16"),  # "ordered a lockdown from July 10"
    ("from December 28 to January 3", "2025-01-10", "past", "2024-12-28/2025-01-03"),  # the end after the start
    ("July 15-24", "2020-04-08", "future", "2020-07-15/2020-07-24"),
    ("from Monday to Friday", "2024-12-07", "future", "2024-12-09/2024-12-13"),
    ("since Monday", "2024-12-07", "future", "2024-12-02/.."),  # "since" looks back whatever the tense
])
def test_ranges_are_kept_as_ranges_in_the_clauses_tense(words, published, tense, want):
    assert resolve_date(words, published, tense) == want


def test_a_past_clause_reads_a_day_just_after_publication_as_this_years():
    assert resolve_date("December 8", "2024-12-07") == "2024-12-08"
    assert resolve_date("December 20", "2024-12-07") == "2023-12-20"


@pytest.mark.parametrize("words, want", [
    ("15 months ago", "2018-08"), ("three days ago", "2019-11-17"), ("a week ago", "2019-W46"),
    ("two years ago", "2017"), ("earlier in the day", "2019-11-20"),
])
def test_a_time_ago_counts_back_at_its_units_precision(words, want):
    assert resolve_date(words, "2019-11-20") == want


@pytest.mark.parametrize("words", ["several weeks ago", "nearly five years ago", "more than a year ago"])
def test_a_rough_time_ago_is_no_date(words):
    # "the Magic Keyboard that Apple released nearly five years ago" (2015, on a page of November 2019)
    assert resolve_date(words, "2019-11-20") is None


@pytest.mark.parametrize("words", ["for months", "18 months", "three weeks", "the last three months",
                                   "two weeks later", "months"])
def test_a_length_of_time_is_no_date(words):
    # "For months, federal authorities examined ..." was dated this month; "three weeks before he died" this week
    assert resolve_date(words, "2019-11-20") is None


def test_a_date_of_another_noun_is_not_the_events(pipeline):
    # Deccan Herald, page c90731f0: July 25 is the call's date, not the questioning's
    text = ("In the morning, Democratic lawmakers grilled Lt Col Alexander Vindman, a Ukraine specialist on the "
            "National Security Council, on Trump's July 25 phone call with Ukrainian President Zelensky.")
    events = dated(pipeline, text, "2019-11-20")
    assert [date for kind, *_, date in events if kind == "ACCUSE"] == [None, None]
    assert ("CONSULT", "Donald Trump", "Volodymyr Zelensky", "2019-07-25") in events  # the call's own date


def test_a_year_before_a_noun_describes_that_noun(pipeline):
    # Al Bawaba, page dc7ccccc: the investigation is dropped now, the allegation is of 2010
    text = "Sweden has dropped its investigation into a 2010 rape allegation against WikiLeaks co-founder Julian Assange."
    article = pipeline.analyze(RawArticle(source="page", text=text, layout="paragraphs"), date="2019-11-20")
    concede = [e for e in article.events if e.type == "CONCEDE"]
    assert concede and concede[0].date is None and concede[0].status == "reported"


@pytest.mark.parametrize("text, want", [
    ("Protesters were arrested by police during Tuesday's rally in Ankara.", "2019-11-19"),
    ("The Conservative Party rebranded its Twitter account to resemble a neutral fact-checking account, and it "
     "posted a series of tweets supporting Johnson during Tuesday's debate.", "2019-11-19"),  # AP, e7994d55
    ("Morrison listened in on President Trump's July 25 call with Ukrainian President Volodymyr Zelensky.",
     "2019-07-25"),  # CBS, 7a664e40: the date of the event's own noun
])
def test_a_date_in_a_temporal_phrase_or_on_the_events_noun_is_its_date(pipeline, text, want):
    assert [date for *_, date in dated(pipeline, text, "2019-11-20")] == [want]


def test_a_year_in_a_laws_name_and_the_date_of_an_act_about_the_event_are_not_its_date(pipeline):
    protest = dated(pipeline, "Farmers are protesting against the Essential Commodities (Amendment) Act, 2020.",
                    "2020-12-06")
    assert [kind for kind, *_ in protest] == ["PROTEST"] and protest[0][-1] is None
    # Wednesday is when Pelosi complained, not when the attacks were made
    about = dated(pipeline, "Pelosi on Wednesday complained about the attacks on Democrats by Republicans.",
                  "2020-09-24")
    assert [(kind, date) for kind, *_, date in about] == [("ACCUSE", None)]
    # an act at the event shares its time: the protest was last week too
    at = dated(pipeline, "A member of the group was arrested by police at a protest last week.", "2020-09-24")
    assert {date for *_, date in at} == {"2020-W38"} and "PROTEST" in {kind for kind, *_ in at}


def test_a_deadline_of_a_plan_or_demand_is_not_the_acts_date(pipeline):
    # CNBC, page 374ac9a5: the expansion is planned by 2025, not done in 2025
    plan = dated(pipeline, "Emirates president Tim Clark in October revealed lofty plans to expand the Emirates "
                           "fleet by 30% by the end of 2025.", "2019-11-20")
    assert plan and all(date is None for *_, date in plan)
    demand = dated(pipeline, "Erdogan demanded in early February that Syrian forces withdraw by the end of the month "
                             "from a de-escalation zone around Idlib.", "2020-03-02")
    assert ("REQUEST", "Recep Tayyip Erdogan", "Syrian forces", "2020-02") in demand
    assert [date for kind, *_, date in demand if kind == "RETREAT"] == [None]
    done = dated(pipeline, "Syrian forces had withdrawn from the zone by the end of October.", "2019-11-20")
    assert [date for *_, date in done] == ["2019-10"]


def test_a_weekday_with_its_date_is_that_date(pipeline):
    text = "The House of Representatives overwhelmingly voted Tuesday, October 29 to recognize the Armenian Genocide."
    assert "2019-10-29" in {date for *_, date in dated(pipeline, text, "2019-11-20")}


def retelling(pipeline, sentences, undated):
    """Events over ``sentences`` of our own: one dated CONSULT by a1 in the first sentence, and
    ``undated`` CONSULTs (sentence number, source, target) with no date words of their own."""
    doc = pipeline.nlp(" ".join(sentences))
    spans = list(doc.sents)
    assert len(spans) == len(sentences)
    first = Event("e1", "CONSULT", spans[0].start_char, spans[0].end_char, source="a1", target="a2",
                  date="2024-12-07", date_text="Saturday")
    events = [first] + [Event(f"e{n + 2}", "CONSULT", spans[at].start_char, spans[at].end_char, source=source,
                              target=target) for n, (at, source, target) in enumerate(undated)]
    return [e.date for e in inherit_dates(events, doc)[1:]]


FILLER = ["The forum is held every year.", "Thousands of guests came.", "The weather was fine.",
          "Hotels were full.", "Prices were high.", "Traffic was slow."]


def test_an_act_retold_by_its_doer_nearby_or_with_a_definite_noun_keeps_its_date(pipeline):
    sentences = ["Lavrov held talks with Araghchi on Saturday.", "Lavrov and Fidan also met in Doha.",
                 *FILLER, "Araghchi praised the talks."]
    # the same doer a sentence on, a party of that event in the same sentence, the talks named again
    assert retelling(pipeline, sentences, [(1, "a1", "a3"), (1, "a3", "a1"), (8, "a2", "a1")]) == ["2024-12-07"] * 3


def test_a_repeat_of_the_type_by_another_doer_or_far_on_is_another_act(pipeline):
    sentences = ["Lavrov held talks with Araghchi on Saturday.", "Araghchi met Fidan in Doha.",
                 *FILLER, "Lavrov met Fidan too."]
    # FBI summoning Andrew is not Andrew's visit to Epstein twelve sentences before (page 1f765c48)
    assert retelling(pipeline, sentences, [(1, "a2", "a3"), (8, "a1", "a3")]) == [None, None]


def test_a_participle_clause_happens_where_its_main_clause_does(pipeline):
    article = pipeline.analyze("Militants stormed an army post in northern Mali, killing four soldiers and wounding "
                               "12 people.", date="2020-01-01")
    assert {e.location.country for e in article.events if e.location} == {"MLI"}
    assert len([e for e in article.events if e.location]) == len(article.events) >= 3
