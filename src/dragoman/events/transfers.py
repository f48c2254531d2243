"""Giving something material is AID: "provided $2 million in assistance to Fiji", "gives medical
equipment to Nicaragua", "granted political asylum to Assange", "will provide Vietnam's coast
guard with a surplus American ship".

PLOVER's AID is the provision of material help, whatever the verb; CAMEO lists "give" and
"provide" as bare cooperation, which is why they sit on the CAMEO stoplist. A transfer verb names
AID only when what it transfers is on the ``transfers.aid_nouns`` list or is a sum of money;
the recipient is then its target (a dative, "to X", or the object of "provide X with Y").
Received aid ("received weapons from the government") is the same act told from the other side;
so is a promise received ("received assurances from the government"), the giver's AGREE.
"""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from dragoman.data_files import load_json


def transfers() -> dict:
    return load_json("events/triggers.json")["transfers"]


def is_material(noun: Token) -> bool:
    """An aid noun ("equipment", "assistance"), or a sum ("$2 million", "352.5 million euros")."""
    words = transfers()["aid_nouns"]
    return noun.lemma_.lower() in words or noun.lower_ in words or noun.ent_type_ == "MONEY"


def transferred(verb: Token) -> Optional[Token]:
    """What a transfer verb gives, if it is material aid: its object, the aid an amount is given
    "in" ("$2 million in assistance"), or the thing a recipient is provided "with"."""
    table = transfers()
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in table["verbs"]:
        return None
    for child in verb.children:
        if child.dep_ == "dobj":
            if is_material(child):
                return child
            amount = [g for p in child.children if p.dep_ == "prep" and p.lower_ in table["amount_prepositions"]
                      for g in p.children if g.dep_ == "pobj" and is_material(g)]
            if amount:
                return amount[0]
        if child.dep_ == "prep" and child.lower_ == "with":
            given = [g for g in child.children if g.dep_ == "pobj" and is_material(g)]
            if given:
                return given[0]
    return None


def received_from(verb: Token) -> Optional[tuple[Token, str]]:
    """Who gave what a receiving verb's subject got, and the giver's act: material aid ("received
    weapons from the government": AID), or a promise ("received assurances from the government":
    AGREE, PLOVER's intent to cooperate)."""
    table = transfers()
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in table["receiving_verbs"]:
        return None
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if any(is_material(c) for c in objects):
        kind = "AID"
    elif any(c.lemma_.lower() in table.get("promise_nouns", ()) for c in objects):
        kind = "AGREE"
    else:
        return None
    giver = next((g for head in (verb, *objects) for c in head.children if c.dep_ == "prep" and c.lower_ == "from"
                  for g in c.children if g.dep_ == "pobj"), None)  # "received assurances from the government"
    return (giver, kind) if giver is not None else None
