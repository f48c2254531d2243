"""Our attribute ruler and lemmatizer (dragoman.fast_rules, dragoman.fast_lemmas) give every token
what spaCy's own components give it: tag, POS, morphology, lemma, dependency, entities."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from dragoman.fast_lemmas import CachedLemmas
from dragoman.fast_rules import AttributeRules, compile_rule_stages
from dragoman.nlp import load_nlp
from dragoman.settings import DEFAULT_MODEL

SENTENCES = [
    "They ca n't stop now, and we can't either; she won't, he wo n't.",
    "I'd have told you. You'd better go. We'd gone by then.",
    "The minister's aide said it's over: the ministers' car is gone and it's been towed.",
    "There is a problem. There are two. There were none, and there was no plan.",
    "Has she done it? He did. They have had enough. Does it matter? Do they know?",
    "Let's see. I'm gonna ask, you're gotta answer, y'all know it. C'mon!",
    "It ain't over. We ain't done. Nothin' doin', ol' Tom said, somethin' 'bout 'em.",
    "Angela Merkel met Emmanuel Macron in Paris on Monday; the Elysee Palace was closed.",
    "Paragraph one ends here.\n\nParagraph two  has  double spaces,\ttabs and a trailing newline.\n",
    "He gets it. She got it. The gotten goods were better than the best ones, and faster.",
    "That that is is that that is not. Which one? Whose book is this? Those are mine, not his.",
    "Being careful, having been warned, he said nothing to anybody about everything.",
]


def token_rows(doc: Doc) -> list[tuple]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_)
            for t in doc]


@pytest.fixture(scope="module")
def spacys_nlp():
    nlp = spacy.load(DEFAULT_MODEL)
    nlp.add_pipe("dragoman_paragraphs", before="parser")
    return nlp


@pytest.fixture(scope="module")
def our_nlp():
    return load_nlp(DEFAULT_MODEL)


def test_dragomans_pipeline_runs_our_rule_stages_under_spacys_names(spacys_nlp, our_nlp):
    assert our_nlp.pipe_names == spacys_nlp.pipe_names
    assert isinstance(our_nlp.get_pipe("attribute_ruler"), AttributeRules)
    assert isinstance(our_nlp.get_pipe("lemmatizer"), CachedLemmas)


@pytest.mark.parametrize("text", SENTENCES)
def test_every_token_is_annotated_as_spacy_annotates_it(spacys_nlp, our_nlp, text):
    expected = token_rows(spacys_nlp(text))
    assert token_rows(our_nlp(text)) == expected
    assert token_rows(our_nlp(text)) == expected  # again, from the caches


def test_a_batch_of_all_the_sentences_agrees_too(spacys_nlp, our_nlp):
    expected = [token_rows(doc) for doc in spacys_nlp.pipe(SENTENCES)]
    assert [token_rows(doc) for doc in our_nlp.pipe(reversed(SENTENCES))] == expected[::-1]


def test_an_empty_text_and_a_text_of_whitespace_pass_through(spacys_nlp, our_nlp):
    for text in ("", " ", "\n\n", "\t \n"):
        assert token_rows(our_nlp(text)) == token_rows(spacys_nlp(text))


@pytest.fixture
def blank():
    return spacy.blank("en")


def hand_parsed(nlp, words: list[str], tags: list[str], deps: list[str]) -> Doc:
    return Doc(nlp.vocab, words=words, tags=tags, deps=deps, heads=[0] * len(words))


def both_rulers(nlp, patterns: list[dict], words, tags, deps) -> tuple[list[tuple], list[tuple]]:
    """What spaCy's AttributeRuler and ours make of one hand-parsed sentence, with ``patterns``."""
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add_patterns(patterns)
    rows = []
    for component in (ruler, AttributeRules(ruler)):
        doc = component(hand_parsed(nlp, words, tags, deps))
        rows.append([(t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in doc])
    return rows[0], rows[1]


def test_a_later_pattern_wins_whatever_its_length(blank):
    patterns = [
        {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN", "MORPH": "Number=Sing"}},
        {"patterns": [[{"LOWER": "river"}, {"LOWER": "bank"}]], "attrs": {"POS": "PROPN", "LEMMA": "Bank"}, "index": -1},
        {"patterns": [[{"LOWER": {"IN": ["bank", "banks"]}, "TAG": {"NOT_IN": ["VB"]}}]], "attrs": {"LEMMA": "bank"}},
        {"patterns": [[{"LOWER": {"REGEX": "^ban"}}, {"OP": "?"}]], "attrs": {"MORPH": "Foreign=Yes"}},
        {"patterns": [[{"DEP": "nsubj"}, {"TAG": "NN"}]], "attrs": {"DEP": "compound"}},
    ]
    spacys, ours = both_rulers(blank, patterns, ["The", "river", "bank", "banks", "money"],
                               ["DT", "NN", "NN", "VB", "NN"], ["det", "nsubj", "ROOT", "dobj", "dobj"])
    assert ours == spacys
    assert spacys[2] == ("NN", "PROPN", "Foreign=Yes", "bank", "ROOT")  # the one-token pattern 2 comes after pattern 1


def test_overlapping_matches_of_one_pattern_all_apply(blank):
    patterns = [{"patterns": [[{"LOWER": "no"}, {"LOWER": "no"}]], "attrs": {"LEMMA": "nope"}, "index": 1},
                {"patterns": [[{"IS_SPACE": True}]], "attrs": {"TAG": "_SP", "POS": "SPACE"}}]
    spacys, ours = both_rulers(blank, patterns, ["no", "no", "no", "\n", "no"], ["UH"] * 5, ["intj"] * 5)
    assert ours == spacys
    assert [row[3] for row in spacys] == ["", "nope", "nope", "", ""]


def test_an_index_outside_the_match_fails_as_in_spacy(blank):
    ruler = blank.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "a"}]], {"LEMMA": "one"}, index=2)
    with pytest.raises(ValueError):
        ruler(hand_parsed(blank, ["a"], ["DT"], ["det"]))
    with pytest.raises(ValueError, match="sets token 2"):
        AttributeRules(ruler)(hand_parsed(blank, ["a"], ["DT"], ["det"]))


def test_a_ruler_that_sets_more_than_token_fields_and_a_lookup_lemmatizer_stay_spacys(blank):
    ruler = blank.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "gov"}]], {"NORM": "government"})
    blank.add_pipe("lemmatizer", config={"mode": "lookup"})
    assert compile_rule_stages(blank) == []
    assert type(blank.get_pipe("attribute_ruler")).__name__ == "AttributeRuler"


def test_lemmas_of_words_given_any_pos_and_morphology_are_spacys(spacys_nlp):
    lemmatizer = spacys_nlp.get_pipe("lemmatizer")
    words = ["mice", "were", "running", "faster", "best", "Smiths", "“", "  ", "geese", "ponies", "xyzzies", "was"]
    poses = ["NOUN", "AUX", "VERB", "ADV", "ADJ", "PROPN", "PUNCT", "SPACE", "NOUN", "NOUN", "NOUN", "VERB"]
    morphs = ["Number=Plur", "Tense=Past", "VerbForm=Ger", "Degree=Cmp", "Degree=Sup", "Number=Plur", "", "",
              "Number=Plur", "Number=Plur", "Number=Plur", "Tense=Past|VerbForm=Fin"]
    expected = [t.lemma_ for t in lemmatizer(Doc(spacys_nlp.vocab, words=words, pos=poses, morphs=morphs))]
    ours = CachedLemmas(lemmatizer)
    for _ in range(2):
        assert [t.lemma_ for t in ours(Doc(spacys_nlp.vocab, words=words, pos=poses, morphs=morphs))] == expected
    assert expected[:4] == ["mouse", "were", "run", "fast"]  # no rules for AUX: the attribute ruler lemmatizes it


def test_lemmas_cached_inside_a_memory_zone_are_still_readable_after_it(our_nlp):
    with our_nlp.memory_zone():
        inside = [t.lemma_ for t in our_nlp("The zorbles were glimmering.")]
    assert [t.lemma_ for t in our_nlp("The zorbles were glimmering.")] == inside
