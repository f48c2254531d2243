"""Acts told in words that do not happen as told: harm done to an abstract thing, a doer who is no
one, a protest named as what its opponents put down.

Each sentence is ours, written for the class of error it stands for (seen on real pages the
rules were not written on)."""

import pytest
from test_events import analyzed_sentence, triples


@pytest.mark.parametrize("text", [
    "Washington is hurting China's economy with its tariffs.",
    "Assange is fighting extradition to the United States.",
    "Iran has damaged its relations with Britain.",
])
def test_harm_to_an_abstract_thing_is_no_force(pipeline, text):
    assert not any(t[0] == "ASSAULT" for t in triples(pipeline, text))


def test_harm_to_a_place_or_a_party_is_still_force(pipeline):
    assert ("ASSAULT", "ISR", "PSE") in triples(pipeline, "Israeli jets destroyed a Hamas tunnel in Gaza.")


def statuses(pipeline, text):
    return {(e.type, e.status) for e in analyzed_sentence(pipeline, text).events}


@pytest.mark.parametrize("text, kind", [
    ("Neither Kenya nor Uganda has sent troops to Somalia.", "MOBILIZE"),
    ("At no point did Ghana threaten Togo.", "THREATEN"),
])
def test_an_act_no_one_did_is_denied(pipeline, text, kind):
    assert statuses(pipeline, text) == {(kind, "denied")}


def test_an_act_someone_did_is_reported(pipeline):
    assert statuses(pipeline, "Ghana threatened Togo.") == {("THREATEN", "reported")}


def test_a_protest_the_police_disperse_is_not_the_police_s(pipeline):
    article = analyzed_sentence(pipeline, "Police used water cannon to disperse protests in Nairobi.")
    actors = {a.id: a for a in article.actors}
    protests = [e for e in article.events if e.type == "PROTEST"]
    assert protests and all(actors[e.source].type != "police" for e in protests if e.source)
    assert all(actors[e.target].type == "police" for e in protests if e.target)


@pytest.mark.parametrize("text, want", [
    ("The arrest of Alexei Navalny in Moscow angered the European Union.", ("COERCE", "RUS", "Alexei Navalny")),
    ("Navalny's arrest in Moscow drew protests.", ("COERCE", "RUS", "Navalny")),
    ("The Kenyan government's arrest of the opposition leader angered Uganda.", ("COERCE", "KEN", "opposition leader")),
    ("Kenyan police announced the arrest of five members of a gang in Lima.", ("COERCE", "KEN", "five members")),
])
def test_an_arrest_is_done_to_whom_it_names_and_by_the_state_where_it_happens(pipeline, text, want):
    article = analyzed_sentence(pipeline, text)
    actors = {a.id: a for a in article.actors}
    assert want in {(e.type, actors[e.source].country, actors[e.target].name)
                    for e in article.events if e.source and e.target}


def test_the_protests_an_arrest_draws_are_not_the_arrested_s(pipeline):
    article = analyzed_sentence(pipeline, "Navalny's arrest in Moscow drew protests.")
    actors = {a.id: a for a in article.actors}
    protests = [e for e in article.events if e.type == "PROTEST"]
    assert protests and all(actors[e.source].name == "protesters" for e in protests)


def test_the_cause_of_a_protest_is_not_its_crowd(pipeline):
    article = analyzed_sentence(pipeline, "The court ruling sparked protests in Nairobi.")
    actors = {a.id: a for a in article.actors}
    assert [(actors[e.source].name, actors[e.source].country) for e in article.events] == [("protesters", "KEN")]


@pytest.mark.parametrize("text", [
    "The Chicago Bears hosted the Detroit Lions for a game on Sunday.",
    "Kenya will host Uganda for a friendly in Nairobi.",
])
def test_a_sports_fixture_is_no_meeting(pipeline, text):
    assert triples(pipeline, text) == set()


def test_hosting_officials_for_talks_is_a_meeting(pipeline):
    assert ("CONSULT", "KEN", "UGA") in triples(pipeline, "Kenya will host Ugandan officials for talks in Nairobi.")


def test_an_act_a_party_declines_to_join_did_not_happen(pipeline):
    assert ("SANCTION", "denied") in statuses(pipeline, "Turkey declined to join the sanctions against Iran.")


def test_a_clause_joined_to_a_denial_is_told_as_fact(pipeline):
    found = statuses(pipeline, "The minister denies wrongdoing, and police arrested three protesters in Lagos.")
    assert ("COERCE", "reported") in found


def test_a_place_name_the_story_s_country_also_has_is_that_country_s(pipeline):
    # The largest place called Florida in the gazetteer is a Cuban town.
    article = analyzed_sentence(pipeline, "Police in Texas and Ohio arrested 12 protesters on Saturday. "
                                          "Sheriff's deputies arrested five more men in Florida on Sunday.")
    actors = {a.id: a for a in article.actors}
    arrest = next(e for e in article.events if e.location and e.location.name == "Florida")
    assert arrest.location.country == "USA" and actors[arrest.target].country == "USA"


def test_a_protest_at_home_is_against_the_country_s_rulers(pipeline):
    # The dev gold's convention (and PLV's): a domestic protest with no target named is X -> X.
    assert ("PROTEST", "USA", "USA") in triples(pipeline, "Thousands of American teachers rallied in Indianapolis on Tuesday.")


def test_rivals_competing_is_no_event(pipeline):
    assert triples(pipeline, "Manchester United are competing with Chelsea for a European spot.") == set()


@pytest.mark.parametrize("text, kind", [
    ("Erdogan and Putin are due to meet in Moscow on Thursday.", "CONSULT"),
    ("Turkey and Russia will hold talks in Sochi to seek agreement on Idlib.", "AGREE"),
])
def test_what_is_scheduled_or_sought_has_not_happened(pipeline, text, kind):
    assert (kind, "hypothetical") in statuses(pipeline, text) and (kind, "reported") not in statuses(pipeline, text)


def test_force_aimed_at_nothing_and_nowhere_is_on_no_country(pipeline):
    text = "The United States and Canada signed a treaty. American senators were fighting over the budget on Monday."
    assert not any(t[0] == "ASSAULT" for t in triples(pipeline, text))


@pytest.mark.parametrize("text", [
    "Flames 3, Oilers 1: Johnny Gaudreau scored twice to lead Calgary past Edmonton, spoiling Connor McDavid's return.",
    "Stars 2, Kings 1: Jamie Benn scored late and Ben Bishop stopped 30 shots, spoiling Anze Kopitar's night.",
])
def test_a_results_line_is_a_match_report(pipeline, text):
    assert not any(t[0] == "ASSAULT" for t in triples(pipeline, text))
