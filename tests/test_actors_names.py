"""Names the actors stage must not misread: a place inside a longer place's or a person's name, a
place shared by two countries, dictionary aliases that are ordinary words, headlines in capitals."""

from dragoman.actors import add_actors
from dragoman.record import Article


def actors_of(pipeline, text, day="2020-03-02"):
    """The actors stage alone on a sentence or two (the parser is the session's)."""
    return add_actors(Article(id="t", source="<test>", text=text, published=day), pipeline.nlp(text)).actors


def countries(actors):
    return {a.name: a.country for a in actors}


def test_a_place_of_two_words_is_not_its_last_words_place(pipeline):
    found = countries(actors_of(pipeline, "New Jersey Sen. Mary Hollis said she would vote no. New South Wales "
                                          "firefighters said they had contained the blaze near the coast."))
    assert found["Mary Hollis"] == "USA"  # not Jersey's
    assert "AUS" in found.values() and "GBR" not in found.values()  # not Wales's


def test_a_preposition_governs_the_whole_name_after_it(pipeline):
    found = countries(actors_of(pipeline, '"Prices will rise," said Carl Munro, a professor at New York '
                                          'University. The New York Times reported it first.'))
    assert found["Carl Munro"] is None  # he teaches in New York, not in York
    assert "GBR" not in found.values()


def test_the_last_word_of_an_organisations_name_says_what_it_is_not_where(pipeline):
    found = countries(actors_of(pipeline, "Shoppers said the Grocery Store raised its prices on Monday. The Indiana "
                                          "State Police and the University of Melbourne were not consulted."))
    assert found["Grocery Store"] is None  # Store is also a Slovenian town
    assert found["Indiana State Police"] == "USA" and found["University of Melbourne"] == "AUS"


def test_another_persons_name_names_no_place(pipeline):
    found = countries(actors_of(pipeline, "The letter was signed by Sens. Tom Van Dyke (D-Ohio), Bill Carver "
                                          "(D-Ohio) and Ann Reed (R-Iowa)."))
    assert found["Bill Carver"] == "USA"  # not Turkey's: "Van" of Van Dyke is not the Turkish province


def test_a_name_a_country_shares_with_a_state_is_the_state_in_an_american_story(pipeline):
    us = actors_of(pipeline, "Police in Atlanta and Macon arrested two men on Monday, the sheriff of "
                             "Chatham County said. Georgia has seen a rise in thefts, officials in Texas added.")
    assert "GEO" not in {a.country for a in us}
    abroad = actors_of(pipeline, "Russian troops crossed into Georgia in 2008, officials in Tbilisi said.")
    assert any(a.type == "state" and a.country == "GEO" for a in abroad)


def test_ordinary_phrases_are_not_the_armed_groups_a_dictionary_calls_so(pipeline):
    found = actors_of(pipeline, "The youth queued for Black Friday deals. Madrid lead La Liga, and the "
                                "Lightning beat Buffalo 4-1.")
    assert not [a.name for a in found if a.type == "armed group"]
    fighting = actors_of(pipeline, "Abu Sayyaf militants kidnapped two tourists on Jolo.")
    assert any(a.type == "armed group" and a.kb_id for a in fighting)


def test_a_states_army_wins_over_a_rebel_group_of_the_same_name(pipeline):
    army = next(a for a in actors_of(pipeline, "Beijing said the Peoples Liberation Army would stay in its barracks.")
                if "Liberation" in a.name)
    assert (army.country, army.type) == ("CHN", "military")


def test_words_of_a_headline_in_capitals_are_not_acronyms(pipeline):
    assert actors_of(pipeline, "WHO IS THE FRONT-RUNNER NOW?\n\nThe race for the nomination is open.") == []
    who = actors_of(pipeline, "The WHO said the outbreak was slowing.")
    assert [a.kb_id for a in who] == ["curated:world-health-organization"]
