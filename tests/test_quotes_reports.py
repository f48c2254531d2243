"""Indirect speech and its speakers on small sentences: where a report starts, and the words that
say who an unnamed source is."""

import pytest


def reports(article) -> list[tuple[str, str]]:
    return [(q.speaker_text, q.text) for q in article.quotes if q.kind == "indirect"]


@pytest.mark.parametrize("text, want", [
    ("The fire service said 30 people had been hurt, but added the exact cause of the fire remained unclear.",
     ("The fire service", "the exact cause of the fire remained unclear")),
    ("Professor Ellen Ward suggested the most likely reason residents stay is fear of reprisals.",
     ("Professor Ellen Ward", "the most likely reason residents stay is fear of reprisals")),
])
def test_a_reports_subject_the_parser_took_for_the_verbs_object_starts_the_report(pipeline, text, want):
    """Made-up sentences: with no "that", the parser hangs the reported clause's subject on the
    speech verb as its object and leaves the clause without one; the report starts at it."""
    article = pipeline.analyze(text, date="2019-11-19")
    assert want in reports(article)


def test_the_object_of_a_verb_that_names_its_addressee_is_no_part_of_the_report(pipeline):
    """Made-up sentence: "told reporters" names who heard it; the report is the clause after."""
    article = pipeline.analyze("Senator Dale Ortiz told reporters the bill would pass.", date="2019-11-19")
    assert reports(article) == [("Senator Dale Ortiz", "the bill would pass")]


@pytest.mark.parametrize("text, want", [
    ("Two people briefed on the talks said the president wants a bigger deal.", "Two people briefed on the talks"),
    ("The deal is not good enough, a second person briefed on the call said.", "a second person briefed on the call"),
])
def test_the_participle_that_describes_an_unnamed_source_is_in_the_speaker_text(pipeline, text, want):
    """Made-up sentences: "two people" alone does not say who spoke; "briefed on the talks" does."""
    article = pipeline.analyze(text, date="2019-11-19")
    assert [q.speaker_text for q in article.quotes] == [want]


@pytest.mark.parametrize("text, phrase, speaker", [
    ("Gloria Marsh begged lawmakers “not to lose sight of” the war in Ukraine.",
     "not to lose sight of", "Gloria Marsh"),
    ("Gov. Eric Dunmore and legislative leaders touted the plan as making strides toward better pay.",
     "making strides toward better pay", "Eric Dunmore"),
    ("Mayor Ann Price said her rival, Tom Baker, had dubbed the budget as “a road to nowhere.”",
     "a road to nowhere", "Tom Baker"),
])
def test_a_verb_that_frames_its_object_reports_what_it_asks_of_it_or_calls_it(pipeline, text, phrase, speaker):
    """Made-up sentences: "begged X to", "touted X as", "dubbed X as" report what the speaker asks
    of X or calls X, as "urged X to" and "described X as" do; a quoted fragment in it is a part of
    that report, by the same speaker (the innermost report holding it: "said her rival had dubbed"
    is the mayor's report too)."""
    article = pipeline.analyze(text, date="2019-11-19")
    names = {a.id: a.name for a in article.actors}
    innermost = min((q for q in article.quotes if phrase in q.text), key=lambda q: len(q.text))
    assert names.get(innermost.speaker) == speaker


@pytest.mark.parametrize("text, want", [
    ("The city argued for decades that it was the first victim of the flood.",
     ("The city", "it was the first victim of the flood")),
    ("Mayor Ann Price told a crowd of parents who filled the hall that the council should fund the schools.",
     ("Mayor Ann Price", "the council should fund the schools")),
])
def test_a_that_clause_the_parser_hung_on_a_noun_near_the_verb_is_its_report(pipeline, text, want):
    """Made-up sentences: the parser hangs "that ..." on "decades" (a noun's clause) or on the
    relative clause about the addressee ("who filled the hall"), not on the speech verb."""
    article = pipeline.analyze(text, date="2019-11-19")
    assert want in reports(article)


@pytest.mark.parametrize("text, want", [
    ("Former White House Russia adviser Gloria Marsh said the plan would fail.", "Gloria Marsh"),
    ("Mr. Tom Baker of the Sierra Club said the ruling was the least bad outcome.", "Tom Baker"),
])
def test_the_speaker_is_the_actor_the_phrase_is_about_not_the_longest_name_in_it(pipeline, text, want):
    """Made-up sentences: the speaker phrase names an organisation too ("White House", "the
    Sierra Club"); the speaker is the person the phrase is headed by, not the longer name."""
    article = pipeline.analyze(text, date="2019-11-19")
    names = {a.id: a.name for a in article.actors}
    assert [names.get(q.speaker) for q in article.quotes] == [want]


@pytest.mark.parametrize("text, want", [
    ("Fifty-two percent of registered voters say they would consider voting for each Democrat, "
     "putting them ahead of every Republican.", "they would consider voting for each Democrat"),
    ("Mayor Ann Price said the work should be done by June, referring to the new bridge.",
     "the work should be done by June"),
    ("Mayor Ann Price said the city was “moving forward, building a future.”",
     "the city was “moving forward, building a future.”"),
    ("Mayor Ann Price said the council had approved the plan, saying she trusted the engineers.",
     "the council had approved the plan, saying she trusted the engineers"),
])
def test_a_participle_closing_a_report_after_a_comma_is_the_writers_gloss(pipeline, text, want):
    """Made-up sentences: ", putting them ahead", ", referring to" explain the words in the
    writer's voice and are no part of the report; a participle in marks is the speaker's, and one
    that reports ("saying ...") goes on with the speaker's words."""
    article = pipeline.analyze(text, date="2019-11-19")
    assert want in [q.text for q in article.quotes]


def test_a_speech_verb_in_the_cues_tense_joined_inside_a_report_is_the_next_report(pipeline):
    """Made-up sentence: the parser joins "tells" to "sit" inside the first report; in the tense
    of "says" and with a clause of its own, it is Baker's next report, not the first one's end.
    "went home and called his wife" stays one report ("called" reports no clause)."""
    text = ("Governor Tom Baker says he'd sit the rivals down and tell them “no more nonsense” and tells "
            "the crowd he was the first one to act. Tom Baker said he went home and called his wife.")
    article = pipeline.analyze(text, date="2019-11-19")
    assert [q.text for q in article.quotes if q.kind == "indirect"] == [
        "he'd sit the rivals down and tell them “no more nonsense”", "he was the first one to act",
        "he went home and called his wife"]


def test_a_claim_ending_in_a_quoted_fragment_before_its_tag_is_reported_whole(pipeline):
    """Made-up sentences: in `the plan "is a misguided approach," said Tom Burman` the mark closing
    the fragment stands between the comma and the tag; the whole claim is the report, and the
    fragment is marked inside it, not a quote of its own. A whole sentence in marks stays direct."""
    text = ("Using the tax code for it “is a misguided approach,” said Tom Burman, a professor.\n\n"
            "“It is over,” Gloria Marsh said.")
    article = pipeline.analyze(text, date="2019-11-19")
    assert [(q.kind, q.text, [p.text for p in q.partials]) for q in article.quotes] == [
        ("indirect", "Using the tax code for it “is a misguided approach,”", ["is a misguided approach,"]),
        ("direct", "It is over,", [])]


def test_a_thought_or_an_estimate_is_not_a_quote(pipeline):
    """Made-up sentences: "thought she could win" and "estimated that" report no words said;
    "said she could win" does."""
    text = ("Gloria Marsh thought she could win the seat. The city estimated that the bridge would cost "
            "$5 million. Tom Baker said she could win the seat.")
    article = pipeline.analyze(text, date="2019-11-19")
    assert [(q.speaker_text, q.text) for q in article.quotes] == [("Tom Baker", "she could win the seat")]
