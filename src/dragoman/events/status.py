"""Whether an event happened as the article tells it: reported, claimed, denied, historical or
hypothetical, and how sure the coding is."""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from dragoman.data_files import load_json
from dragoman.doc_views import sentence_of
from dragoman.mention_index import is_speech_verb
from dragoman.quotemarks import Quoted


def is_denied(trigger: Token) -> bool:
    """Negated (``did not attack``, ``never intended to harm``, ``does not plan to invade``),
    called off (``a meeting that was canceled``) or under a denial (``there is no truth to news
    claiming ...``). A negated verb of intent denies the act ("did not hesitate to attack" does not)."""
    if any(c.dep_ == "neg" for c in trigger.children) or no_one_does(trigger):
        return True
    head = trigger.head
    if trigger.dep_ == "xcomp" and head.lemma_.lower() in load_json("events/triggers.json")["intent_verbs"] and any(
            c.dep_ == "neg" for c in head.children):
        return True
    cues = load_json("events/status.json")
    called_off = cues["called_off_words"]
    if trigger.pos_ == "NOUN" and (any(c.dep_ in ("relcl", "acl", "amod") and c.lemma_.lower() in called_off
                                       for c in trigger.children)
                                   or trigger.dep_ == "nsubjpass" and trigger.head.lemma_.lower() in called_off):
        return True  # "a meeting that was canceled", "the summit was postponed"
    before = trigger.doc[sentence_of(trigger).start:trigger.i].text.lower()
    if not any(cue in before for cue in cues["denial_phrases"]):
        return False
    child = trigger
    for above in trigger.ancestors:
        if above.lemma_.lower() in ("deny", "be", "reject", "dismiss") or above.dep_ == "ROOT":
            return not own_clause(child)  # "denies wrongdoing, and police arrested three": a clause of its own
        child = above
    return False


def no_one_does(verb: Token) -> bool:
    """"Neither the House nor the Senate has provided", "no country has recognised", "nobody
    attacked", "at no point did we block": the doer, or a phrase fronted before it, is no one."""
    cues = load_json("events/status.json")
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if any(s.lower_ in cues["negative_subjects"] or any(
            d.dep_ in ("det", "preconj") and d.lower_ in cues["negative_determiners"] for d in s.children) for s in subjects):
        return True
    first = subjects[0].i if subjects else verb.i
    return any(c.dep_ == "prep" and c.i < first and any(
        g.dep_ == "pobj" and g.lower_ in cues["negative_phrase_nouns"]
        and any(d.dep_ == "det" and d.lower_ == "no" for d in g.children) for g in c.children)
        for c in verb.children)


def refusal_over(word: Token) -> Optional[Token]:
    """The word of refusal a trigger's clause depends on: "refused to negotiate", "reluctant to
    commit", "balking at committing"."""
    head = word.head.head if word.dep_ == "pcomp" and word.head.dep_ == "prep" else word.head
    refusing = word.dep_ in ("xcomp", "pcomp") and head.lemma_.lower() in load_json("events/triggers.json")["refusal_heads"]
    return head if refusing and head.i != word.i else None


def refused(word: Token, kind: str) -> bool:
    """An act a party refuses or fails to do did not happen ("Turkey declined to join the
    sanctions": no sanction), unless the refusal is the event read (REJECT, or a cooperative act
    recoded as one) or is itself denied ("did not hesitate to attack")."""
    head = refusal_over(governing_verb(word))  # "declined to join the sanctions": the noun's verb
    return (head is not None and kind != "REJECT" and kind not in load_json("events/triggers.json")["negated_becomes_reject"]
            and not any(c.dep_ == "neg" for c in head.children))


def own_clause(conjunct: Token) -> bool:
    """A clause joined to another with its own subject ("denies wrongdoing, and police arrested
    three") asserts on its own; a conjunct with none shares its head's frame."""
    return conjunct.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in conjunct.children)


def is_hypothetical(trigger: Token) -> bool:
    """Under a modal (``would continue``, ``must not be allowed to fall``), a condition, or a
    purpose to prevent it, or sought (``to seek agreement``); a modal on another clause (``as
    rebels advance``) does not count."""
    cues = load_json("events/status.json")
    chain = [governing_verb(trigger)]  # "would pave the way for talks": the talks are to come
    if trigger.pos_ == "NOUN" and chain[0].i != trigger.i and chain[0].lemma_.lower() in cues["sought_heads"]:
        return True  # "to seek agreement on Idlib": sought, not reached
    while chain[-1].dep_ in ("xcomp", "ccomp", "pcomp") and len(chain) < 3:
        chain.append(chain[-1].head)
    for token in chain:
        if any(c.dep_ in ("aux", "auxpass") and c.lower_ in cues["modal_words"] for c in token.children):
            return True
        if is_condition(token):
            return True
        if token is not chain[0] and token.lower_ in cues["hypothetical_heads"]:
            return True
    return False


def governing_verb(trigger: Token) -> Token:
    """A noun's clause: the verb it is the object or subject of, directly or through one
    preposition ("pave the way for talks"); a verb is its own."""
    if trigger.pos_ != "NOUN":
        return trigger
    head = trigger.head.head if trigger.dep_ == "pobj" else trigger.head
    if trigger.dep_ == "pobj" and head.pos_ == "NOUN" and head.dep_ in ("dobj", "pobj", "nsubj"):
        head = head.head  # "the way for talks": the way's verb
    return head if head.pos_ in ("VERB", "AUX") and trigger.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass") else trigger


def is_condition(clause: Token) -> bool:
    """A clause that sets a condition: "if China does not agree", "unless the EU provides more
    support", "should China not accede" (the auxiliary before its subject)."""
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in clause.children):
        return True
    auxiliaries = [c for c in clause.children if c.dep_ == "aux"]
    subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    return bool(auxiliaries and subjects) and auxiliaries[0].lower_ in ("should", "were", "had") and (
        auxiliaries[0].i < subjects[0].i)


def is_claimed(trigger: Token, marks: list[Quoted]) -> bool:
    """Said by someone in the story: in quotation marks, or in what a speech verb reports."""
    if any(q.start <= trigger.idx < q.end for q in marks):
        return True
    words = load_json("events/status.json")["claim_words"]
    child = trigger
    for token in trigger.ancestors:
        if is_speech_verb(token) and any(c.dep_ == "nsubj" for c in token.children) and not own_clause(child):
            return True  # not "denies wrongdoing, and police arrested three": a clause of its own
        if token.lower_ in words:
            return True
        child = token
    return False


def status_of(trigger: Token, date: Optional[str], published: Optional[str], marks: list[Quoted],
              kind: Optional[str] = None) -> str:
    if is_condition(trigger):
        return "hypothetical"  # "should China not accede": a condition, not a denial
    if is_denied(trigger) or kind is not None and refused(trigger, kind):
        return "denied"
    if is_hypothetical(trigger):
        return "hypothetical"
    if is_claimed(trigger, marks):
        return "claimed"
    if date and published and date[:4].isdigit() and int(date[:4]) < int(published[:4]):
        return "historical"
    return "reported"


def confidence_of(has_source: bool, has_target: bool, target_inferred: bool, nominal: bool) -> float:
    score = 0.4 + 0.25 * has_source + 0.25 * (has_target and not target_inferred) + 0.1 * target_inferred
    return round(score - 0.1 * nominal, 2)
