"""Contested across sources: a charge told in one article and denied in another, from real pages.

Dealbreaker's "Opening Bell 11.18.19" tells Swift's charge that Big Machine is preventing her
from performing and the label calling it "shocking and false"; the BBC's Newsbeat page of the
next day tells the charge again and quotes the label's statement, "At no point did we say Taylor
could not perform". Each label denial answers the singer's charge told in the other article.
"""

from __future__ import annotations

import dataclasses

import pytest
from conftest import PAGES

from dragoman.corpus import Corpus
from dragoman.corpus.contested import claim_owners
from dragoman.corpus.queries import Filters
from dragoman.ingest import read_inputs

SWIFT = "person::taylor swift"
LABEL = "organisation::big machine"


@pytest.fixture(scope="module")
def swift_and_label(pipeline):
    """The two pages analyzed for real: Dealbreaker first, then the BBC."""
    names = ["dealbreaker-swift-big-machine.html.gz", "bbc-swift-big-machine.html.gz"]
    return [pipeline.analyze(raw) for raw in read_inputs([str(PAGES / n) for n in names], 10_000_000)]


def contested_sides(corpus: Corpus) -> set[tuple]:
    return {(c["a_outlet"], c["a_holder"], c["b_outlet"], c["b_holder"]) for c in corpus.contested()}


def test_the_label_denying_in_one_article_what_the_singer_charges_in_the_other_is_listed_with_both_sources(
        swift_and_label):
    corpus = Corpus()
    corpus.save_all(swift_and_label)
    corpus.refresh()
    assert len({a["story_id"] for a in corpus.articles}) == 2  # two stories: the pair is found across them
    # One Taylor Swift, whether or not the page gave her a country.
    assert contested_sides(corpus) == {("Dealbreaker", SWIFT, "BBC News", LABEL),
                                       ("BBC News", "person:usa:taylor swift", "Dealbreaker", LABEL)}
    pairs = {(c["a_outlet"], c["b_text"]): c for c in corpus.contested()}  # a denial quoted and a denial told
    dealbreaker = [c for (outlet, _), c in pairs.items() if outlet == "Dealbreaker"]
    assert all(c["a_text"].startswith("her former label Big Machine") for c in dealbreaker)
    assert any(c["b_text"].startswith("At no point did we say Taylor could not perform") for c in dealbreaker)
    bbc = pairs[("BBC News", "they were “shocking and false.”")]
    assert bbc["b_status"] == "denies" and "is accused in" in bbc["reason"]
    assert {c["a_outlet"] for c in corpus.contested(Filters(actor="big machine"))} == {"BBC News", "Dealbreaker"}
    assert corpus.contested(Filters(actor="scooter braun")) == []


def test_a_charge_and_a_denial_a_month_apart_are_not_compared(swift_and_label):
    dealbreaker, bbc = swift_and_label
    corpus = Corpus()
    corpus.save_all([dataclasses.replace(dealbreaker, published="2019-12-30"), bbc])
    corpus.refresh()
    assert corpus.contested() == []


def test_a_denial_names_whose_claims_it_answers_not_the_subject_of_its_verb():
    """Sentences from the ScrapingHub benchmark (MIT): Fox News (page ``eb62ac84…``) quoting Big
    Machine, and Polygraph.info (page ``1ee91d1f…``)."""
    fox = "As Taylor Swift's partner for over a decade, we were shocked to see her tumblr statements yesterday."
    mentions = [(fox.index("Taylor"), fox.index("'s partner"), SWIFT), (fox.index("her"), fox.index("her") + 3, SWIFT)]
    assert claim_owners(fox, (0, len(fox)), mentions, 3) == {SWIFT}
    polygraph = "The Pentagon rejected these accusations as “patently false,” and analysts said the Russian claims are false."
    pentagon = [(polygraph.index("Pentagon"), polygraph.index(" rejected"), "kb:pentagon")]
    assert claim_owners(polygraph, (0, len(polygraph)), pentagon, 3) == {"country:RUS"}
