"""What the event-type model sees of a candidate clause: its predicate, the predicate's arguments
and modifiers in the parse, and what the word lists say about them.

One function serves training (``train.py``) and coding (``model.py``), so the two never drift.
Dictionary features (the curated triggers and the CAMEO 2.0 verbs) are inputs to the model, not
answers: the model learns how far to trust them in each context ("attack" under "threatened to"
is not an assault; "blasted" of a minister is criticism).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from itertools import islice
from typing import Optional

from spacy.symbols import IDS
from spacy.tokens import Token

from dragoman.data_files import load_json, speech_verbs

CONTENT_POS = ("NOUN", "VERB", "ADJ", "PROPN")
CONTENT_POS_IDS = frozenset(IDS[tag] for tag in CONTENT_POS)
ARGUMENT_DEPS = ("nsubj", "nsubjpass", "dobj", "dative", "attr", "agent", "prep", "xcomp", "ccomp", "prt", "neg",
                 "aux", "auxpass", "advmod", "acomp", "advcl", "oprd")
SUBTREE_LIMIT = 40


@dataclass(frozen=True)
class WordLists:
    """The word lists the features consult: lemma -> PLOVER type, and the speech verbs."""

    verbs: dict[str, str]
    nouns: dict[str, str]
    light_verbs: dict[str, dict[str, str]]
    speech: frozenset[str]

    def verb_type(self, lemma: str) -> Optional[str]:
        return self.verbs.get(lemma)

    def noun_type(self, lemma: str) -> Optional[str]:
        return self.nouns.get(lemma)


def lemma(token: Token) -> str:
    text = token.lemma_
    return text.lower() if text else token.lower_


def entity_kind(token: Token) -> str:
    """The named-entity label over a phrase head, or its part of speech."""
    if token.ent_type_:
        return token.ent_type_
    named = [c.ent_type_ for c in token.children if c.ent_type_ and c.dep_ in ("compound", "amod", "poss", "nmod")]
    return named[0] if named else token.pos_


def clause_features(word: Token, lists: WordLists) -> dict[str, float]:
    """Features of the clause headed by ``word`` (a verb, or an event noun)."""
    head_lemma = lemma(word)
    features: dict[str, float] = {f"lemma={head_lemma}": 1.0, f"pos={word.pos_}": 1.0, f"tag={word.tag_}": 1.0}
    own = lists.verb_type(head_lemma) if word.pos_ in ("VERB", "AUX") else lists.noun_type(head_lemma)
    if own:
        features[f"dict={own}"] = 1.0
    if head_lemma in lists.speech:
        features["speech"] = 1.0
    light = lists.light_verbs.get(head_lemma, {})
    for child in word.children:
        dep = child.dep_
        if dep not in ARGUMENT_DEPS:
            continue
        child_lemma = lemma(child)
        if dep == "prt":
            features[f"lemma={head_lemma}_{child_lemma}"] = 1.0
            particle_type = lists.verb_type(f"{head_lemma} {child_lemma}")
            if particle_type:
                features[f"dict={particle_type}"] = 1.0
        elif dep == "neg":
            if own:  # a listed act denied ("did not accept") can be a refusal; "didn't know", "don't worry" name none
                features["neg"] = 1.0
        elif dep in ("aux", "auxpass"):
            features["passive" if dep == "auxpass" else f"aux={child_lemma}"] = 1.0
        elif dep == "prep":
            features[f"prep={child_lemma}"] = 1.0
            for object_ in (g for g in child.children if g.dep_ == "pobj"):
                features[f"prep_obj={child_lemma}_{lemma(object_)}"] = 1.0
                features[f"prep_kind={child_lemma}_{entity_kind(object_)}"] = 1.0
        elif dep in ("dobj", "dative", "attr", "oprd"):
            features[f"obj={child_lemma}"] = 1.0
            features[f"obj_kind={entity_kind(child)}"] = 1.0
            noun_type = lists.noun_type(child_lemma) or light.get(child_lemma)
            if noun_type:
                features[f"obj_dict={noun_type}"] = 1.0
            for prep in (g for g in child.children if g.dep_ == "prep"):
                features[f"obj_prep={prep.lower_}"] = 1.0
        elif dep in ("nsubj", "nsubjpass"):
            features[f"subj_kind={entity_kind(child)}"] = 1.0
        elif dep == "agent":
            features["agent"] = 1.0
        elif dep in ("xcomp", "ccomp", "advcl"):
            features[f"{dep}={child_lemma}"] = 1.0
            comp_type = lists.verb_type(child_lemma)
            if comp_type:
                features[f"{dep}_dict={comp_type}"] = 1.0
        else:
            features[f"{dep}={child_lemma}"] = 1.0
    word_dep = word.dep_
    if word_dep in ("xcomp", "ccomp", "advcl", "conj", "relcl", "acl", "pcomp", "dobj", "pobj"):
        head_lemma = lemma(word.head)
        features[f"dep={word_dep}"] = 1.0
        features[f"head={head_lemma}"] = 1.0
        if head_lemma in lists.speech:
            features["under_speech"] = 1.0
        head_type = lists.verb_type(head_lemma)
        if head_type and word_dep in ("xcomp", "ccomp"):
            features[f"head_dict={head_type}"] = 1.0
    else:
        features[f"dep={word_dep}"] = 1.0
    for token in islice(word.subtree, SUBTREE_LIMIT):  # a sentence's root need not list its whole subtree
        if token is not word and token.pos in CONTENT_POS_IDS and not token.ent_type:  # ids: no string per word
            text = token.lemma_  # ``lemma``, without a call per word of the bag
            features.setdefault(f"bag={text.lower() if text else token.lower_}", 0.5)
    return features


def load_word_lists(triggers: dict, cameo_rows: list[dict], speech: frozenset[str]) -> WordLists:
    """The curated triggers win over the CAMEO verbs; CAMEO verbs on the stoplist are left out."""
    stoplist = set(triggers["cameo_stoplist"])
    verbs = {row["verb"]: row["plover"] for row in cameo_rows if row["verb"] not in stoplist}
    verbs.update(triggers["verbs"])
    return WordLists(verbs, dict(triggers["nouns"]), dict(triggers["light_verbs"]), speech)


def default_word_lists() -> WordLists:
    """The shipped lists: ``data/events/triggers.json`` and ``cameo-verbs.jsonl``, the speech verbs."""
    text = resources.files("dragoman").joinpath("data", "events", "cameo-verbs.jsonl").read_text("utf-8")
    return load_word_lists(load_json("events/triggers.json"), [json.loads(line) for line in text.splitlines()],
                           speech_verbs())
