"""Who did what to whom: the actors standing in an event's source and target positions.

The mention index maps a token of the parse back to the actor it names, looking through modifiers
("Assad's forces"), partitives ("some of the rebel groups") and coordination ("Moscow and Tehran");
here the event's source is its clause's subject and its target what the trigger is done to.
"""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from dragoman.actors import add_state_actor
from dragoman.mention_index import MentionIndex, clause_subject, is_speech_verb
from dragoman.record import Actor

def state_named(index: MentionIndex, iso3: Optional[str], start: int, end: int) -> Optional[Actor]:
    """The state a place or an adjective names, made by the actors stage and indexed."""
    actor = add_state_actor(index.article, iso3, start, end)
    if actor is not None:
        index.add(actor)
    return actor


def subjects_of(verb: Token, index: MentionIndex) -> list[Actor]:
    """The actors who do what the verb says (the clause's subject, by the mention index)."""
    subject = clause_subject(verb)
    return index.of_phrase(subject) if subject is not None else []


def targets_of(word: Token, index: MentionIndex, prepositions: tuple[str, ...], into_clauses: bool | str = False) -> list[Actor]:
    """Objects, datives and prepositional objects of a trigger, of a purpose clause, and, with no
    object of its own, of what it demands or threatens (``demanded that Israel withdraw``,
    ``threatened to attack Iran``); ``into_clauses="subject"`` takes only the clause's subject
    (``claimed that ISIL had attacked Iraq``: ISIL is accused, not Iraq)."""
    found: list[Actor] = []
    heads = [c for c in word.children if c.dep_ in ("dobj", "dative", "attr")]
    heads += [g for c in word.children if c.dep_ == "prep" and c.lower_ in prepositions
              for g in c.children if g.dep_ == "pobj"]
    for clause in (c for c in word.children if c.dep_ in ("xcomp", "advcl", "acl", "relcl") and c.pos_ == "VERB"):
        if is_speech_verb(clause):
            continue  # "..., warning that X ...": X is what was said, not whom the event is for
        heads += [c for c in clause.children if c.dep_ == "dobj"]  # "support to help Assad's forces"
        heads += [g for c in clause.children if c.dep_ in ("ccomp", "xcomp") for g in c.children if g.dep_ == "nsubj"]
    direct = any(index.of_phrase(h) for h in heads)
    if into_clauses and not direct:  # "asking Obama to help Iran": Obama is asked, not Iran
        for clause in (c for c in word.children if c.dep_ in ("ccomp", "xcomp") and c.pos_ in ("VERB", "AUX")):
            heads += [c for c in clause.children if c.dep_ == "nsubj" and c.pos_ != "PRON"]
            if into_clauses != "subject":
                heads += [c for c in clause.children if c.dep_ in ("dobj", "dative")]
                heads += [g for c in clause.children if c.dep_ == "prep" and c.lower_ in prepositions
                          for g in c.children if g.dep_ == "pobj"]
    for head in heads:
        named = index.of_phrase(head)
        if not named and head.dep_ == "dobj":  # "endorsed an agreement with the EU", "lift the sanctions on Iran"
            named = [a for c in head.children if c.dep_ == "prep" and c.lower_ in ("with", "against", "on", "by", "from")
                     for g in c.children if g.dep_ == "pobj" for a in index.of_phrase(g)]
        for actor in named:
            if actor not in found:
                found.append(actor)
    return found
