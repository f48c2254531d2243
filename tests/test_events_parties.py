"""Who acts and who is acted on when the text names no one: unnamed groups, opinions, pronouns.

Each sentence is ours, written for the class of error it stands for."""

import pytest
from test_events import analyzed_sentence, coded_triples, triples


@pytest.mark.parametrize("text, want", [
    ("Saudi hackers launched cyber attacks on Iranian government websites.", ("ASSAULT", "SAU", "IRN")),
    ("A group of Chinese hackers attacked the websites of the Indian army.", ("ASSAULT", "CHN", "IND")),
    ("Palestinian factions agreed to hand over their weapons to the Lebanese army.", ("AGREE", "PSE", "LBN")),
])
def test_an_unnamed_group_is_of_its_nationality(pipeline, text, want):
    assert want in triples(pipeline, text)


def test_a_group_acting_abroad_keeps_its_nationality(pipeline):
    # The place where the act happens names where it was done, not who did it.
    assert ("PROTEST", "PAK", None) in triples(pipeline, "Pakistani workers protested in Dubai on Friday.") or (
        any(t[:2] == ("PROTEST", "PAK") for t in triples(pipeline, "Pakistani workers protested in Dubai on Friday.")))


@pytest.mark.parametrize("text", [
    "Germany agrees that China has long taken advantage of the United States.",
    "Many businesses agree that China has long taken advantage of the United States.",
])
def test_agreeing_with_a_view_is_no_agreement(pipeline, text):
    assert not any(t[0] == "AGREE" for t in triples(pipeline, text))


def test_agreeing_on_a_plan_is_an_agreement(pipeline):
    found = triples(pipeline, "Iran agreed with Iraq that the talks would resume in Baghdad.")
    assert ("AGREE", "IRN", "IRQ") in found



def test_allowing_someone_to_act_is_an_agreement_with_them(pipeline):
    # "allow X to deliver" is a plan, unlike "agree that X has done".
    article = analyzed_sentence(pipeline, "Jordan said it would allow the Red Cross to deliver food to the refugees.")
    actors = {a.id: a for a in article.actors}
    assert any(e.type == "AGREE" and actors[e.source].country == "JOR" and actors[e.target].name == "Red Cross"
               for e in article.events)


@pytest.mark.parametrize("text, want", [
    ("Poland opened its borders to Ukrainian refugees.", ("AID", "POL", "UKR")),
    ("Austria says it will not accept Afghan asylum seekers.", ("REJECT", "AUT", "AFG")),
])
def test_unnamed_people_aid_is_given_to(pipeline, text, want):
    assert want in triples(pipeline, text)


@pytest.mark.parametrize("text, want, not_want", [
    # The object of "trained" does the fighting; drones used are no one, so their user strikes.
    ("The US military trained Syrian rebels to fight Islamic State.", None, ("ASSAULT", "USA")),
    ("The US used drones to strike militants in Somalia.", ("ASSAULT", "USA"), None),
])
def test_who_does_a_to_clause_after_an_object(pipeline, text, want, not_want):
    pairs = {t[:2] for t in triples(pipeline, text)}
    assert want is None or want in pairs
    assert not_want is None or not_want not in pairs


def test_training_is_no_agreement(pipeline):
    assert not any(t[0] == "AGREE" for t in triples(pipeline, "The US military trained Syrian rebels."))


def test_a_command_chanted_is_not_done(pipeline):
    article = analyzed_sentence(pipeline, 'Nurses chanted, "Fund our hospitals," outside the parliament in Madrid.')
    assert not any(e.type == "AID" for e in article.events)


@pytest.mark.parametrize("text", [
    "Indian and Pakistani troops exchanged fire across the Line of Control.",
    "Shelling followed an exchange of fire between Indian and Pakistani troops in Kashmir.",
])
def test_an_exchange_of_fire_is_force_both_ways(pipeline, text):
    assert {("ASSAULT", "IND", "PAK"), ("ASSAULT", "PAK", "IND")} <= triples(pipeline, text)


def test_withdrawing_observers_reduces_relations(pipeline):
    # CAMEO 1662: withdrawing inspectors or observers is SANCTION; troops withdrawn are a retreat.
    assert ("SANCTION", "USA", "IRN") in triples(pipeline, "The United States withdrew its inspectors from Iran.")
    assert ("RETREAT", "RUS", "GEO") in triples(pipeline, "Russia withdrew its troops from Georgia.")


def test_violating_a_ceasefire_is_force_not_a_ceasefire(pipeline):
    found = triples(pipeline, "Azerbaijan accused Armenia of violating the ceasefire agreement in Nagorno-Karabakh.")
    assert not any(t[0] == "RETREAT" for t in found)


def test_they_in_what_unnamed_people_say_is_those_people(pipeline):
    # Ours: the rebels announce a release; releasing the peacekeepers is no withdrawal of them.
    article = analyzed_sentence(pipeline, "Libyan rebel commanders said they would release the Turkish engineers.")
    actors = {a.id: a for a in article.actors}
    assert any(e.type == "AGREE" and actors[e.source].country == "LBY" for e in article.events)
    assert not any(e.type == "SANCTION" for e in article.events)


def test_a_decision_to_act_is_the_act(pipeline):
    assert ("RETREAT", "JPN", "IRN") in triples(pipeline, "Japan has decided to lift economic sanctions on Iran.")


@pytest.mark.parametrize("text", [
    "Democrats beat the Republican governor in a state the president won by 30 points.",
    "She said voters could see the senator defeating the president in the election.",
    "Medvedev had rallied to beat Nadal 3-6, 6-3, 7-6 in the final.",
])
def test_beating_someone_in_a_race_or_a_game_is_no_force(pipeline, text):
    assert not analyzed_sentence(pipeline, text).events


@pytest.mark.parametrize("text", [
    "Even the Nifty index has been rallying at a time when concerns over the economy are growing.",
    "Oil prices rallied on Monday after the producers cut output.",
])
def test_a_market_that_rallies_is_no_crowd(pipeline, text):
    assert not analyzed_sentence(pipeline, text).events


@pytest.mark.parametrize("text", [
    "Russia beat Croatia on Monday.",
    "Spain will be back in action on Wednesday against defending champion Croatia.",
    "In the 100 yard backstroke, Patton was beaten out by Gantenbein for first place at state.",
    "U.S. Attorney James Kennedy Jr. said this case demonstrates that free speech does not protect threats.",
    "Senators Cory Booker and Kamala Harris have struggled to gain momentum, despite months of campaigning.",
])
def test_matches_showing_and_struggling_are_no_events(pipeline, text):
    assert not analyzed_sentence(pipeline, text).events


def test_protesters_still_demonstrate(pipeline):
    assert any(t[0] == "PROTEST" for t in triples(pipeline, "Thousands of students demonstrated in Tbilisi on Sunday."))


def test_officers_who_arrest_are_people(pipeline):
    assert any(t[0] == "COERCE" for t in triples(pipeline, "Officers arrested Christopher Battin on Monday in Dallas."))


def test_hammering_a_rival_on_his_plan_is_words(pipeline):
    article = analyzed_sentence(pipeline, "The Democratic candidate, Andy Beshear, hammered Bevin on his plan for Medicaid.")
    assert [e.type for e in article.events] == ["ACCUSE"]


def test_protesters_rally_before_a_vote(pipeline):
    found = triples(pipeline, "Thousands of Polish protesters rallied in Warsaw against the government ahead of the vote.")
    assert any(t[0] == "PROTEST" for t in found)


@pytest.mark.parametrize("text", [
    "Three people have died during protests in Bolivia.",
    "He has managed FC Porto, Inter Milan and Chelsea.",
    "Emirates Airline agreed to purchase 30 Boeing jets.",
])
def test_verbs_cameo_reads_only_in_a_pattern_name_no_event_alone(pipeline, text):
    assert not any(e.type in ("ASSAULT", "COOPERATE") for e in analyzed_sentence(pipeline, text).events)


def test_the_country_is_the_last_country_named(pipeline):
    article = analyzed_sentence(pipeline, "Rebels attacked a checkpoint near Kabul on Monday. The attack came 18 years "
                                          "after Washington invaded the country.")
    assert any(t == ("ASSAULT", "USA", "AFG") for t, _ in coded_triples(article))


def test_the_neighbouring_country_is_another_one(pipeline):
    article = analyzed_sentence(pipeline, "Iran and Iraq held talks in Tehran. Turkish jets bombed the neighbouring country.")
    assert ("ASSAULT", "TUR", "IRN") not in {t for t, _ in coded_triples(article)}



@pytest.mark.parametrize("text, refers_back", [
    ("Washington invaded the country in 2001.", True),
    ('China said it is committed to the "one country, two systems" formula.', False),
    ("Turkish jets bombed the neighbouring country.", False),
])
def test_which_the_country_refers_back(pipeline, text, refers_back):
    from dragoman.events.roles import is_the_country

    doc = pipeline.nlp(text)
    assert is_the_country(next(t for t in doc if t.lower_ == "country")) is refers_back


@pytest.mark.parametrize("text", [
    "Having been expelled by Russia, the British diplomats returned to London.",
    "The British diplomats returned to London after having been expelled by Russia.",
])
def test_a_perfect_participle_is_done_to_the_subject_it_describes(pipeline, text):
    assert ("SANCTION", "RUS", "GBR") in triples(pipeline, text)


def test_them_is_the_people_named_before(pipeline):
    text = "Police surrounded the campus, trapping 600 students inside, and threatened to fire on them."
    article = analyzed_sentence(pipeline, text)
    actors = {a.id: a for a in article.actors}
    assert any(e.type == "THREATEN" and e.target and actors[e.target].name.endswith("students") for e in article.events)


@pytest.mark.parametrize("text", [
    "The two journalists asked their governments to help in their release.",
    "The UN urged Israel to allow aid convoys to enter Gaza.",
])
def test_an_act_deep_inside_a_request_is_not_done(pipeline, text):
    assert {e.type for e in analyzed_sentence(pipeline, text).events} <= {"REQUEST"}


@pytest.mark.parametrize("text", [
    "Clashes broke out between Indian and Chinese troops in Ladakh.",
    "A soldier died during a clash between Indian and Chinese troops in Ladakh.",
])
def test_a_clash_is_force_both_ways_and_dying_is_no_act(pipeline, text):
    found = triples(pipeline, text)
    assert {("ASSAULT", "IND", "CHN"), ("ASSAULT", "CHN", "IND")} <= found
    assert not any(t[0] == "PROTEST" for t in found)


def test_refugees_acted_on_are_not_the_doers_people(pipeline):
    article = analyzed_sentence(pipeline, "Turkish police detained 40 migrants.")
    actors = {a.id: a for a in article.actors}
    assert [(e.type, actors[e.target].name, actors[e.target].country) for e in article.events] == [
        ("COERCE", "40 migrants", None)]
