"""Whether a noun names people: the test the roles and the unnamed parties share, so that
"detained 18 people" has a target and "released the British tanker" frees no one."""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from dragoman.actors.kb import load_kb
from dragoman.data_files import load_json


def crowds() -> dict:
    return load_json("events/triggers.json")["crowds"]


def past_quantity(noun: Optional[Token]) -> Optional[Token]:
    """The noun a quantity counts ("tens of thousands of people": people); "student groups" and
    "18 people" stay as they are."""
    while noun is not None and noun.lemma_.lower() in crowds()["quantities"]:
        counted = next((g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                        for g in c.children if g.dep_ == "pobj"), None)
        if counted is None:
            break
        noun = counted
    return noun


def is_people(noun: Token, agent_nouns: bool = True) -> bool:
    """Whether a noun names people: one of ``crowds.people``, a title, or an agent noun of the
    Phoenix dictionaries ("captain", "smugglers"); ``agent_nouns=False`` leaves those out, since
    they name some things too (a tanker is a business)."""
    kb = load_kb()
    lemma, people = noun.lemma_.lower(), crowds()["people"]
    agent = agent_nouns and bool(kb.agents.get(lemma) or kb.agents.get(noun.lower_))
    return lemma in people or noun.lower_ in people or agent or bool(kb.titles.get(lemma))


def names_people(noun: Token) -> bool:
    """A person's name, a people ("19 Christians"), "him" or "her", or a noun of people other
    than the Phoenix agent nouns."""
    if noun.ent_type_ in ("PERSON", "NORP"):
        return True
    if noun.pos_ == "PRON":
        return noun.lower_ in crowds()["personal_pronouns"]
    return is_people(noun, agent_nouns=False)
