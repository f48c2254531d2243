"""Events read from what someone said rather than from what was done: a reported "must" is a
REQUEST to whoever must, saying that someone used force accuses them, and rejecting "these
accusations" is aimed at whoever made them. Each is ``reported`` and cites the speech's sentence.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from dragoman.doc_views import tokens_of_pos
from dragoman.events.roles import lexicon, same_party, subjects_of
from dragoman.mention_index import MentionIndex, is_speech_verb, is_to_clause
from dragoman.record import Actor, Event

if TYPE_CHECKING:
    from dragoman.events.readings import Trigger


def describes_a_party(trigger: Trigger) -> bool:
    """Force a relative clause in the perfect says a party has used over time ("the militant group
    that has seized parts of Iraq and Syria"): background to the story, which the coders of PETR2
    and PLV leave out. A refusal so told is still news ("the Taliban, who have long refused to
    negotiate")."""
    word = trigger.word
    return trigger.type in ("ASSAULT", "COERCE") and word.dep_ == "relcl" and any(
        c.dep_ == "aux" and c.lower_ in ("has", "have") for c in word.children)


def claim_subjects(noun: Token) -> list[Token]:
    """Who a claim, an allegation or a report says did something: "claims that two servicemen
    abused children" (the servicemen)."""
    if noun.lemma_.lower() not in lexicon()["accusation_nouns"]:
        return []
    return [c for clause in noun.children if clause.dep_ in ("acl", "ccomp") and clause.pos_ in ("VERB", "AUX")
            for c in clause.children if c.dep_ == "nsubj"]


def accused_in(head: Token, index: MentionIndex) -> list[Actor]:
    """Who an inquiry into a claim is aimed at: the claim's subject ("launched a probe into
    allegations that the army killed civilians"), not the victims or the place it names."""
    return [a for prep in head.children if prep.dep_ == "prep" for noun in prep.children if noun.dep_ == "pobj"
            for subject in claim_subjects(noun) for a in index.of_phrase(subject)]


def reported_demands(doc: Doc, events: list[Event], index: MentionIndex) -> list[Event]:
    """``The Bush administration declared that China must drop barriers``: saying that another
    party must, should or needs to act is a REQUEST to it; "told Ukraine's officials they would
    need to deliver" asks the people told."""
    seen = {(e.type, e.source, e.target) for e in events}
    added = []
    for verb in tokens_of_pos(doc, "VERB", "AUX"):
        if not is_speech_verb(verb):
            continue
        for clause in (c for c in verb.children if c.dep_ == "ccomp" and is_obligation(c)):
            subjects = [c for c in clause.children if c.dep_ == "nsubj"]  # not "Syria must not be allowed"
            asked = [a for c in subjects for a in index.of_phrase(c)]
            if any(c.lower_ in lexicon()["addressee_pronouns"] for c in subjects):
                asked = [a for c in addressees(verb) for a in index.of_phrase(c)] or asked
            for speaker in subjects_of(verb, index):
                for target in asked:
                    if not same_party(speaker, target) and ("REQUEST", speaker.id, target.id) not in seen:
                        seen.add(("REQUEST", speaker.id, target.id))
                        added.append(reported("REQUEST", speaker, target, verb.sent))
    return added


def addressees(verb: Token) -> list[Token]:
    """Whom a speech verb addresses: its object, or the object of a participle the parser hung on
    it ("told visiting Ukraine officials", where "visiting" modifies the officials)."""
    told = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    return told or [g for c in verb.children if c.dep_ == "xcomp" and c.tag_ == "VBG" for g in c.children if g.dep_ == "dobj"]


def is_obligation(clause: Token) -> bool:
    """"China must drop barriers", "they would need to deliver", "Kyiv has to act"."""
    lex = lexicon()
    return any(c.dep_ == "aux" and c.lower_ in lex["demand_modals"] for c in clause.children) or (
        clause.lemma_.lower() in lex["obligation_verbs"]
        and any(c.dep_ == "xcomp" and is_to_clause(c) for c in clause.children))


def reported(kind: str, speaker: Actor, target: Actor, sentence: Span) -> Event:
    """An event read from what someone said rather than from what was done."""
    return Event(id="", type=kind, source=speaker.id, target=target.id, status="reported", confidence=0.5,
                 start=sentence.start_char, end=sentence.end_char)


def rejected_accusers(triggers: list[Trigger], events: list[Event], index: MentionIndex) -> list[Event]:
    """``The Pentagon rejected these accusations``: rejecting or denying charges that name no one is
    aimed at whoever made them, the sources of the earlier accusations against the rejecter or its
    country."""
    nouns = lexicon()["accusation_nouns"]
    actors = {a.id: a for a in index.article.actors}
    seen = {(e.type, e.source, e.target) for e in events}
    added: list[Event] = []
    for trigger in triggers:
        word = trigger.word
        if trigger.type != "REJECT" or trigger.targets or not any(
                c.dep_ == "dobj" and c.lemma_.lower() in nouns for c in word.children):
            continue
        for source in trigger.sources:
            for accusation in (e for e in events if e.type == "ACCUSE" and e.start < word.sent.start_char):
                accused, accuser = actors.get(accusation.target or ""), actors.get(accusation.source or "")
                if accused is None or accuser is None or not (
                        accused is source or (source.country and accused.country == source.country)):
                    continue
                if not same_party(source, accuser) and ("REJECT", source.id, accuser.id) not in seen:
                    seen.add(("REJECT", source.id, accuser.id))
                    added.append(reported("REJECT", source, accuser, word.sent))
    return added


def reported_accusations(triggers: list[Trigger], events: list[Event], index: MentionIndex) -> list[Event]:
    """``The US claimed that ISIL had attacked Iraq``: saying that someone used force or coercion
    accuses them (PLOVER ACCUSE, as the CAMEO coders have it). One ACCUSE per speaker and accused."""
    added: list[Event] = []
    seen = {(e.type, e.source, e.target) for e in events}
    for trigger in triggers:
        if trigger.type not in ("ASSAULT", "COERCE") or trigger.nominal or describes_a_party(trigger):
            continue  # "said ... the militant group that has seized parts of Iraq": background, no accusation
        verb = next((a for a in trigger.word.ancestors if is_speech_verb(a)), None)
        if verb is None or trigger.word.dep_ == "advcl" and trigger.word.head.i == verb.i:
            continue
        for speaker in subjects_of(verb, index):
            for accused in trigger.sources:
                key = ("ACCUSE", speaker.id, accused.id)
                if not speaker.country or speaker.country == accused.country:
                    continue  # "the U.S. Central Command said" the US struck: a report, not an accusation
                if key not in seen:
                    seen.add(key)
                    added.append(reported("ACCUSE", speaker, accused, verb.sent))
    return added
