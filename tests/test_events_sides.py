"""Which side acts and which is acted on: possessive pronouns, forces moved, joint acts, force on
security posts, refusals.

Each sentence is ours, written for the class of error it stands for, or a line of a ScrapingHub
benchmark page where the error was seen."""

import pytest
from test_events import analyzed_sentence, coded_triples, triples


@pytest.mark.parametrize("text, want", [
    ("The United States began its withdrawal of troops from Afghanistan in May.", ("RETREAT", "USA", "AFG")),
    ("Russia announced its withdrawal from Syria on Monday.", ("RETREAT", "RUS", "SYR")),
])
def test_a_possessive_pronoun_names_the_subject_as_the_doer(pipeline, text, want):
    assert want in triples(pipeline, text)


def test_a_pronoun_of_another_number_is_someone_else(pipeline):
    # "their" is not Russia: the attacks are not Russia's own.
    assert not any(t[:2] == ("ASSAULT", "RUS") for t in triples(
        pipeline, "Russia condemned their attacks on Ukrainian cities."))


def test_forces_withdrawn_are_their_country_s_and_the_place_left_is_the_target(pipeline):
    found = triples(pipeline, "The withdrawal of French troops from Mali began in February.")
    assert ("RETREAT", "FRA", "MLI") in found
    assert not any(t[2] == "FRA" for t in found)


def test_an_agreement_to_act_together_is_between_the_parties(pipeline):
    found = triples(pipeline, "Russia and China agreed to hold joint naval exercises next year.")
    assert {("AGREE", "RUS", "CHN"), ("AGREE", "CHN", "RUS")} <= found


def test_forces_readied_at_home_are_an_event_with_no_target(pipeline):
    # The doer's own country is no target; the act is still told.
    assert ("MOBILIZE", "RUS", None) in triples(pipeline, "Russia held military exercises near its western border.")


@pytest.mark.parametrize("text, want", [
    ("Taliban fighters attacked a police station in Kunduz province.", ("ASSAULT", "AFG", "AFG")),
    ("Militants stormed a military base near Mogadishu on Sunday.", ("ASSAULT", "SOM", "SOM")),
    ("Houthi rebels fired missiles at a Saudi air base.", ("ASSAULT", "YEM", "SAU")),
])
def test_force_on_a_security_post_is_force_on_those_who_hold_it(pipeline, text, want):
    article = analyzed_sentence(pipeline, text)
    actors = {a.id: a for a in article.actors}
    hits = [event for triple, event in coded_triples(article) if triple == want]
    assert hits and actors[hits[0].target].type in ("police", "military")


def test_a_post_with_no_security_owner_is_no_security_force(pipeline):
    article = analyzed_sentence(pipeline, "Gunmen attacked a bus station in Peshawar.")
    assert not any(a.type in ("police", "military") for a in article.actors)


def test_spurning_an_offer_is_rejecting_who_made_it(pipeline):
    found = triples(pipeline, "The guerrillas spurned repeated offers for peace talks by the Colombian government last year.")
    assert ("REJECT", "COL", "COL") in found


def test_an_unnamed_inmate_is_someone_acted_on(pipeline):
    article = analyzed_sentence(pipeline, "Guards at the jail tortured a 28-year-old inmate to death in eastern Turkey.")
    actors = {a.id: a for a in article.actors}
    assert any(e.type == "ASSAULT" and "inmate" in actors[e.target].name for e in article.events if e.target)


def test_an_inquiry_into_a_claim_is_aimed_at_whom_the_claim_accuses(pipeline):
    article = analyzed_sentence(pipeline, "Danish military police opened an inquiry into claims that three soldiers "
                                          "mistreated prisoners in Mali.")
    actors = {a.id: a for a in article.actors}
    inquiry = [e for e in article.events if e.type == "ACCUSE"]
    assert inquiry and "soldiers" in actors[inquiry[0].target].name


def test_an_act_told_in_an_allegation_is_claimed(pipeline):
    article = analyzed_sentence(pipeline, "The ministry launched a probe into allegations that the army killed "
                                          "civilians in Tigray.")
    assert [e.status for e in article.events if e.type == "ASSAULT"] == ["claimed"]


def test_a_country_in_what_the_refuser_insists_on_is_not_whom_it_refuses(pipeline):
    found = triples(pipeline, "Iran rejected the offer, insisting that it will only negotiate with the United States.")
    assert ("REJECT", "IRN", "USA") not in found


@pytest.mark.parametrize("text", [
    "Iran never intended to attack Israel, the minister said.",
    "Iran did not threaten to attack Israel.",
    "Russia does not plan to invade Ukraine.",
])
def test_a_denied_intent_is_denied(pipeline, text):
    article = analyzed_sentence(pipeline, text)
    assert article.events and all(e.status == "denied" for e in article.events)


@pytest.mark.parametrize("text, want", [
    ("Thousands joined anti-Putin protests in Moscow on Saturday.", ("PROTEST", "RUS", "RUS")),
    ("Anti-American protests erupted in Karachi.", ("PROTEST", "PAK", "USA")),
])
def test_an_anti_modifier_names_whom_the_protest_is_against(pipeline, text, want):
    assert want in triples(pipeline, text)


def test_a_government_facing_anti_government_protests_is_their_target_not_their_crowd(pipeline):
    article = analyzed_sentence(pipeline, "The government faced anti-government protests in Baghdad.")
    actors = {a.id: a for a in article.actors}
    protests = [e for e in article.events if e.type == "PROTEST"]
    assert protests and actors[protests[0].target].name == "government"
    assert actors[protests[0].source].name != "government"


def test_seizing_a_ship_is_coercion_and_seizing_a_chance_is_nothing(pipeline):
    assert any(t[:2] == ("COERCE", "IRN") for t in triples(pipeline, "Iran seized a British tanker in the Strait of Hormuz."))
    assert not analyzed_sentence(pipeline, "The opposition seized the opportunity to demand new elections.").events


@pytest.mark.parametrize("text, want", [
    ("Houthi rebels shot down a US drone over Yemen.", ("ASSAULT", "YEM", "USA")),
    ("The Taliban claimed responsibility for shooting down the helicopter. Officials said the US Black Hawk "
     "helicopter crashed in Helmand.", ("ASSAULT", "AFG", "USA")),
])
def test_a_craft_shot_down_is_its_country_s_military(pipeline, text, want):
    assert want in triples(pipeline, text)


def test_what_a_group_has_done_over_time_is_background(pipeline):
    text = ("The army launched new raids near Mosul, widening its campaign against the armed group that has seized "
            "towns across Iraq and Syria, officials said.")
    assert not any(t[0] == "COERCE" for t in triples(pipeline, text))


def test_a_leader_s_critics_are_not_the_leader(pipeline):
    article = analyzed_sentence(pipeline, "Assad's critics accused the government of torture.")
    actors = {a.id: a for a in article.actors}
    accusations = [e for e in article.events if e.type == "ACCUSE"]
    assert accusations and all(actors[e.source].name != "Bashar al-Assad" for e in accusations)


def test_force_on_a_city_at_home_is_on_the_country_it_lies_in(pipeline):
    assert ("ASSAULT", "SYR", "SYR") in triples(pipeline, "Syrian government forces shelled the city of Aleppo on Monday.")


def test_force_on_a_thing_at_home_is_no_force_on_the_country(pipeline):
    found = triples(pipeline, "The heavily armed officers rammed the door of the house in Fort Worth, Texas.")
    assert not any(t[0] == "ASSAULT" and t[2] == "USA" for t in found)


def test_police_and_crowds_named_without_a_country_are_of_the_place_they_act(pipeline):
    article = analyzed_sentence(pipeline, "Police fired tear gas at protesters in La Paz.")
    actors = {a.id: a for a in article.actors}
    force = [e for e in article.events if e.type == "ASSAULT"]
    assert force and actors[force[0].source].country == actors[force[0].target].country == "BOL"
    assert actors[force[0].source].country_from == "context"


def test_parties_that_sign_a_pact_together_are_each_other_s(pipeline):
    found = triples(pipeline, "Japan and Australia signed a defence pact on Friday.")
    assert {("SUPPORT", "JPN", "AUS"), ("SUPPORT", "AUS", "JPN")} <= found
    assert not triples(pipeline, "The US and Britain supported the resolution.")


def test_receiving_things_is_no_meeting_and_receiving_people_is(pipeline):
    assert not analyzed_sentence(pipeline, "Sean Clifford said he received death threats on social media.").events
    assert ("CONSULT", "RUS", "IRN") in triples(pipeline, "Putin received the Iranian delegation in the Kremlin.")


def test_a_conviction_is_an_accusation(pipeline):
    # CAMEO 116, find guilty or liable: PLOVER's ACCUSE.
    assert any(t[:2] == ("ACCUSE", "KEN") for t in triples(pipeline, "A Kenyan court convicted 12 al-Shabaab members on Tuesday."))


def test_a_guilty_plea_is_an_admission_to_the_state(pipeline):
    found = triples(pipeline, "A Texas man pleaded guilty on Friday to threatening to kill a state senator in Austin.")
    assert ("CONCEDE", "USA", "USA") in found
    assert not analyzed_sentence(pipeline, "The former minister pleaded not guilty to corruption charges in Lagos.").events


def test_force_on_a_thing_is_no_force_on_a_country_the_story_names(pipeline):
    found = triples(pipeline, "The U.S. Marshals said the officers rammed the door of the house in Fort Worth.")
    assert not any(t[0] == "ASSAULT" and t[2] == "USA" for t in found)
