"""How PLOVER reads what a trigger's clause says around it: intent ("wants to attack" is THREATEN,
"agreed to lift the sanctions" and "Ethiopia said it would allow ..." are AGREE), refusal
("refused to negotiate" is REJECT and no talks), attacks made with words (ACCUSE), and match
reports, where beating a side is no use of force.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Optional

from spacy.tokens import Span, Token

from dragoman.actors.kb import load_kb, normalise
from dragoman.doc_views import sentence_of
from dragoman.events.people import is_people, past_quantity
from dragoman.events.reported import describes_a_party
from dragoman.events.roles import lexicon, light_objects, subjects_of
from dragoman.events.status import is_condition, refusal_over
from dragoman.events.transfers import transferred
from dragoman.mention_index import MentionIndex, is_speech_verb, is_to_clause
from dragoman.record import Actor, Event


@dataclass
class Trigger:
    """A word that names an event, with the actors the parse gives it, before PLOVER's readings
    and the assembly into one Event per source and target pair."""

    word: Token
    type: str
    mode: Optional[str]
    sources: list[Actor]
    targets: list[Actor]
    nominal: bool


def wanted_clauses(word: Token) -> list[Token]:
    """The to-clauses of a wanting verb ("to extradite Assange")."""
    return [c for c in word.children if c.dep_ in ("ccomp", "xcomp") and c.pos_ in ("VERB", "AUX") and is_to_clause(c)]


def asked_for_deeper(word: Token, at: dict[int, str]) -> bool:
    """An act inside what someone is asked to do, below its first verb ("asked their governments
    to help in their release", "urged Israel to let the aid convoys enter")."""
    return any(clause.dep_ in ("xcomp", "ccomp") and at.get(clause.head.i) == "REQUEST"
               and clause in wanted_clauses(clause.head) for clause in list(word.ancestors)[1:])


def is_match_report(sentence: Span) -> bool:
    """A score ("6-0") marks a sports report, where "beat" and "defeated" are no force."""
    return re.search(lexicon()["match_score"], sentence.text) is not None


def is_contest(word: Token) -> bool:
    """Beating someone in a race or a game: "Democrats beat Gov. Matt Bevin in a state Trump won
    by 30 points", "voters could see defeating President Trump", "rallied to beat Bautista-Agut
    3-6, 6-3", "Russia beat Croatia"; a title held in a sport ("defending champion Croatia"); a
    fixture ("hosted the Buccaneers for a game")."""
    rule = lexicon()["contests"]
    lemma = word.lemma_.lower()
    if lemma in rule["national_verbs"] and national_sides(word):
        return True  # "Russia beat Croatia on Monday"
    if word.tag_ in ("VBG", "VBN") and word.i + 1 < len(word.doc) and word.doc[word.i + 1].lower_ in rule["titles"]:
        return True  # "against defending champion Croatia"
    if lemma in rule["fixture_verbs"] and any(  # "hosted the Buccaneers for a game": the verb's own phrase
            g.lemma_.lower() in rule["fixtures"] for c in word.children if c.dep_ in ("prep", "dobj")
            for g in ((c,) if c.dep_ == "dobj" else (g for g in c.children if g.dep_ == "pobj"))):
        return True
    if lemma not in rule["scored_verbs"] and lemma not in rule["verbs"]:
        return False
    sentence = sentence_of(word)
    if lemma in rule["scored_verbs"]:
        return is_match_report(sentence)
    return is_match_report(sentence) or any(t.lower_ in rule["words"] for t in sentence)


def national_sides(verb: Token) -> bool:
    """Whether a country is named on each side of a verb: its subject and its object."""
    kb = load_kb()
    sides = [[c for c in verb.children if c.dep_ == "nsubj"], [c for c in verb.children if c.dep_ == "dobj"]]
    return all(any(normalise(" ".join(t.text for t in side.subtree)) in kb.country_names for side in group) for group in sides)


def used_figuratively(verb: Token) -> bool:
    """"Seized the opportunity", "hurting China's GDP": a verb of force whose object is one of its
    ``figurative_objects`` or, for a verb of harm, of the ``abstract_objects`` names no act."""
    lemma = verb.lemma_.lower()
    objects = set(lexicon()["figurative_objects"].get(lemma, ()))
    abstract = lexicon()["abstract_objects"]
    if lemma in abstract["verbs"]:  # "struck a deal" is a light verb's AGREE, not a figure
        objects.update(w for w in abstract["words"] if w not in lexicon()["light_verbs"].get(lemma, {}))
    found = [g for c in verb.children if c.dep_ == "prt" for g in c.children if g.dep_ == "pobj"]  # "strikes down the law"
    return bool(objects) and any(c.lemma_.lower() in objects or c.lower_ in objects for c in (
        *(c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), *found))


def takes_no_one(word: Token, index: MentionIndex) -> bool:
    """"Received death threats", "hosted a conference": a meeting verb of ``people_object_verbs`` whose
    object names no one."""
    if word.lemma_.lower() not in lexicon()["people_object_verbs"]:
        return False
    kb = load_kb()
    objects = [past_quantity(c) for c in word.children if c.dep_ == "dobj"]
    return bool(objects) and not any(
        o.pos_ in ("PRON", "PROPN") or is_people(o) or index.of_phrase(o) or index.in_phrase(o)
        or any(kb.country_of_word(m.text) for m in o.children if m.dep_ in ("amod", "compound")) for o in objects)


def states_an_opinion(word: Token) -> bool:
    """Whether agreeing or conceding is about a statement of fact ("agrees that China has long
    taken advantage of the United States"), not a plan ("agreed that talks would resume", "allow
    the WFP to deliver food"): its clause is finite and carries neither a modal of intent nor one of
    demand."""
    modals = {*lexicon()["intent_auxiliaries"], *lexicon()["demand_modals"], "to"}
    clauses = [c for c in word.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX") and c.tag_ != "VB"]
    return bool(clauses) and not any(a.lower_ in modals for c in clauses for a in c.children if a.dep_ == "aux")


def pleads_guilty(word: Token) -> bool:
    """"Pleaded guilty Monday to threatening": an admission, wherever the parser hangs "guilty";
    "pleaded not guilty" is none."""
    rule = lexicon()["pleas"]
    if word.lemma_.lower() not in rule["verbs"]:
        return False
    after = word.doc[word.i + 1:word.i + 4]
    return any(t.lower_ in rule["words"] for t in after) and not any(t.lower_ in ("not", "no") for t in after)


def is_market_move(word: Token) -> bool:
    """"Even the Nifty has been rallying", "oil prices rallied": a market that rallies is no crowd."""
    rule = lexicon()["market_moves"]
    if word.lemma_.lower() not in rule["verbs"]:
        return False
    subjects = [c for c in word.children if c.dep_ == "nsubj"]
    return any(w.lower_ in rule["subjects"] for s in subjects for w in (s, *s.children) if w.dep_ in ("nsubj", "compound"))


def recode(pairs: list[tuple[Event, Trigger]], triggers: list[Trigger], index: MentionIndex) -> list[tuple[Event, Trigger]]:
    """PLOVER's reading of intent and refusal: "wants to attack" is THREATEN, "seeking to deepen a
    partnership" and "agreed to lift the sanctions" are AGREE (the intent verb's own event goes),
    so is an act a party announces it will do ("Ethiopia said it would allow the WFP to deliver
    food": the announcement happened, the act may not), an act someone is asked to do is not done
    ("urged Israel to withdraw"), nor is what someone is arrested for, "would not provide
    support" and "reluctant to commit" are REJECT, talks someone "refused to hold" are no
    CONSULT, troops sent to keep the peace are AID, and a command reported is not done."""
    lex = lexicon()
    at = {t.word.i: t.type for t in triggers}
    aimed = {t.word.i for t in triggers if t.targets}
    drop: set[int] = set()
    kinds: dict[int, str] = {}
    announced: set[int] = set()
    refused: set[int] = set()
    for trigger in triggers:
        word, head = trigger.word, trigger.word.head
        asked = head if word.dep_ == "conj" and head.pos_ == "VERB" else word  # "wants Trump to eliminate ... and provide"
        if asked.head.lemma_.lower() in lex["wanting_verbs"] and asked in wanted_clauses(asked.head) and (
                any(c.dep_ == "nsubj" for c in asked.children) or any(c.dep_ == "dobj" for c in asked.head.children)):
            drop.add(word.i)  # "wants the UK to extradite Assange", "efforts to get Ukraine to investigate": not done
        elif at.get(asked.head.i) == "REQUEST" and asked in wanted_clauses(asked.head) or asked_for_deeper(word, at):
            drop.add(word.i)  # "called on the government to withdraw the army": asked for, not done
        elif trigger.nominal and word.dep_ == "pobj" and head.lower_ == "for" and at.get(head.head.i) == "REQUEST":
            # "called for sanctions against Russia" threatens Russia; "called for talks with Russia" asks
            # Russia, and "asked Zelenskiy for the investigations" holds none: asked for, not done
            kinds[word.i] = lex["intent_types"].get(trigger.type, "REQUEST")
        elif topic_of_talks(word):
            drop.add(word.i)  # "met to discuss efforts to counter Islamic State": a topic, not an act
        elif is_imperative(word):
            drop.add(word.i)  # 'Teachers chanted, "Fund our schools"': a demand, not an act
        elif describes_a_party(trigger):
            drop.add(word.i)  # "the militant group that has seized parts of Iraq": who the group is, not the news
        elif word.dep_ == "pcomp" and head.lower_ in lex["charges"]["prepositions"] and (
                at.get(head.head.i) in lex["charges"]["types"]):
            drop.add(word.i)  # "arrested for collaborating with Boko Haram": the charge
        elif word.dep_ == "xcomp" and head.lemma_.lower() in lex["intent_verbs"]:
            kind = lex.get("intent_verb_types", {}).get(head.lemma_.lower()) or lex["intent_types"].get(
                trigger.type, "AGREE")  # "threatened to withdraw" is a threat, "offered to send troops" an offer
            if head.i in aimed and word.i not in aimed:  # "agreed with his Iranian counterpart to exchange technology"
                kinds[head.i] = kind
                drop.add(word.i)
            else:
                kinds[word.i] = kind
                if head.i in at:
                    drop.add(head.i)
        elif trigger.type == "MOBILIZE" and any(w.lower_ in lex["peacekeeping_words"] for w in word.subtree):
            kinds[word.i] = "AID"  # "sent 200 troops to serve as a peacekeeping force": protection, not force
        elif withdraws_a_mission(word):
            kinds[word.i] = lex["withdrawn_missions"]["type"]  # "withdrew peacekeepers from Sinai": relations reduced
        elif verbal_attack(trigger):
            kinds[word.i] = "ACCUSE"
        elif announced_intent(trigger, index):
            kinds[word.i] = lex["intent_types"].get(trigger.type, "AGREE")
            announced.add(word.i)
        elif is_condition(word) and at.get(head.i) == "THREATEN":
            drop.add(word.i)  # "threatened new tariffs if China does not agree": the condition is no act
        elif any(c.dep_ == "neg" for c in word.children) and trigger.type in lex["negated_becomes_reject"] and (
                not is_condition(word)):
            kinds[word.i] = "REJECT"
            refused.add(word.i)
        elif (refusal := refusal_over(word)) is not None:
            if refusal.i in aimed or trigger.type not in lex["negated_becomes_reject"]:
                drop.add(word.i)  # "refused to negotiate with Kabul", "refused to send troops": neither took place
            else:
                kinds[word.i] = "REJECT"  # "reluctant to commit to a meeting"
    out = []
    told: set[tuple] = set()
    for event, trigger in pairs:
        if trigger.word.i in drop:
            continue
        event.type = kinds.get(trigger.word.i, event.type)
        if (key := (event.type, event.source, event.target, event.start)) in told:
            continue  # a recoded noun that repeats its verb's REQUEST
        told.add(key)
        if trigger.word.i in announced and event.status == "hypothetical":
            event.status = "claimed"  # the intent is stated by its holder; the act itself is to come
        if trigger.word.i in refused and event.status == "denied":
            event.status = "reported"  # "did not give permission": the refusal is what happened
        out.append((event, trigger))
    return out


def each_other(pairs: list[tuple[Event, Trigger]], joint_types: tuple[str, ...]) -> list[tuple[Event, Trigger]]:
    """"Russia and China agreed to hold joint exercises": a joint act that named no other party,
    read as an agreement only once recoded, is between the parties that agreed, both ways."""
    sources: dict[int, list[str]] = {}
    for event, trigger in pairs:
        if event.type in joint_types and event.target is None and event.source is not None:
            sources.setdefault(trigger.word.i, []).append(event.source)
    out: list[tuple[Event, Trigger]] = []
    for event, trigger in pairs:
        others = [s for s in sources.get(trigger.word.i, []) if s != event.source]
        if event.target is not None or event.type not in joint_types or not others:
            out.append((event, trigger))
            continue
        out += [(replace(event, target=other), trigger) for other in dict.fromkeys(others)]
    return out


def withdraws_a_mission(word: Token) -> bool:
    """"Withdrew its peacekeepers from Sinai", "expelled the UN inspectors" (not "released the
    peacekeepers they took")."""
    rule = lexicon()["withdrawn_missions"]
    return word.lemma_.lower() in rule["verbs"] and any(
        past_quantity(c).lemma_.lower() in rule["words"] for c in word.children if c.dep_ == "dobj")


def is_imperative(word: Token) -> bool:
    """A command a speech verb reports ('chanted, "Fund our schools"', 'told them: "Leave now"'):
    a bare verb with no subject and no auxiliary."""
    return (word.tag_ == "VB" and word.dep_ in ("ccomp", "xcomp", "parataxis") and is_speech_verb(word.head)
            and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark") for c in word.children))


def verbal_attack(trigger: Trigger) -> bool:
    """"Johnson attacked Corbyn", "launched a scathing attack on the state government", "attacks
    from the White House on the senator": an attack whose doers are all politicians, parties or
    other speakers, or whose targets all are, is made with words."""
    rule = lexicon()["verbal_attacks"]
    word = trigger.word
    words = {word.lower_, word.lemma_.lower(), *(c.lower_ for c in word.children if c.dep_ == "dobj")}
    if trigger.type != "ASSAULT" or not words & set(rule["words"]) or not trigger.sources:
        return False
    speakers = set(rule["speaker_types"])
    if all(source.type in speakers for source in trigger.sources):
        return True
    unarmed = not any(source.type in rule["force_types"] for source in trigger.sources)
    return unarmed and bool(trigger.targets) and all(target.type in speakers for target in trigger.targets)


def announced_intent(trigger: Trigger, index: MentionIndex) -> bool:
    """A clause a speech verb reports, in the future, whose doer is the speaker: "Russia said it
    would send troops", "Trump said he will impose tariffs". Negation is left to the refusal rules
    ("said it would not attend" is a REJECT)."""
    word = trigger.word
    if word.dep_ != "ccomp" or not is_speech_verb(word.head) or any(c.dep_ == "neg" for c in word.children):
        return False
    if not any(c.dep_ == "aux" and c.lower_ in lexicon()["intent_auxiliaries"] for c in word.children):
        return False
    speakers = subjects_of(word.head, index)
    if not trigger.sources:  # "opposition members said they will release ...": the speakers, unnamed
        return any(c.dep_ == "nsubj" and c.lower_ in lexicon()["crowds"]["group_pronouns"] for c in word.children)
    return any(source in speakers for source in trigger.sources)


def stands_alone(trigger: Trigger) -> bool:
    """An agreement, an offer or a refusal to act is an event even when the act is aimed at no
    one: "Nepal's prime minister has agreed to resign" (AGREE), "Russia refused to allow the
    airlines to land" (REJECT), "launched an investigation into the spending" (ACCUSE), "gave
    352.5 million euros to promote investment" (AID); so is a verb of ``targetless_types`` whose
    object or clause names no party ("the UN condemned the bombing")."""
    word = trigger.word
    lex = lexicon()
    if word.dep_ == "xcomp" and lex.get("intent_verb_types", {}).get(word.head.lemma_.lower()) == "AGREE":
        return True
    if trigger.type == "ACCUSE" and any(c.lemma_.lower() in lex.get("investigations", ()) for c in light_objects(word)):
        return True  # "launched an investigation after a manatee was found": the inquiry is the event
    if trigger.type == "AID" and transferred(word) is not None:
        return True  # "Germany gave 352.5 million euros to promote investment": the money given is the event
    if trigger.type in lex.get("targetless_types", ()) and not trigger.nominal and listed_as(word, trigger.type) and any(
            c.dep_ in ("dobj", "xcomp") for c in word.children):
        return True  # "condemned the bombing", "lifted the ban", "agreed to set up a hospital": about a thing
    # a word of refusal, not a bare negation: "he hadn't traveled abroad", "she had never met them"
    # are no rejections of anyone
    return refusal_over(word) is not None and trigger.type in lex["negated_becomes_reject"] and not is_condition(word)


def willing_to(word: Token) -> Optional[str]:
    """The event of an act no word list types that a party says it is willing or ready to do
    ("is willing to provide a loan guarantee to Ukraine"): PLOVER's intent to cooperate."""
    rule = lexicon()["intent_adjectives"]
    head = word.head
    return rule["type"] if word.dep_ == "xcomp" and head.pos_ == "ADJ" and head.lemma_.lower() in rule["words"] else None


def listed_as(word: Token, kind: str) -> bool:
    """Whether the word lists give the verb this type, by itself or by its object ("lifted the
    ban"): the trained fallback's guesses ("claimed victory", "contributed reporting") stand alone
    too seldom to be told without a party."""
    lex = lexicon()
    lemma = word.lemma_.lower()
    light = lex["light_verbs"].get(lemma, {})
    return lex["verbs"].get(lemma) == kind or any(light.get(c.lemma_.lower()) == kind for c in light_objects(word))


def topic_of_talks(word: Token) -> bool:
    """Whether a trigger lies in what a discussion is about ("met to discuss efforts to counter
    Islamic State", "discussed the release of prisoners"): a topic is no act."""
    topics = lexicon().get("topic_verbs", ())
    below = word
    for above in word.ancestors:
        if above.pos_ == "VERB" and above.lemma_.lower() in topics:
            return below.dep_ in ("dobj", "prep", "ccomp")
        below = above
    return False


def noun_type(word: Token) -> Optional[str]:
    """The event a noun names: by its "of" object ("an exchange of fire"), by the noun list, or by
    a noun that needs its preposition ("a call with Zelensky", not "a call for calm")."""
    lex = lexicon()
    lemma = word.lemma_.lower()
    by_object = lex["noun_of_objects"].get(lemma, {})
    kind = next((by_object[g.lemma_.lower()] for c in word.children if c.dep_ == "prep" and c.lower_ == "of"
                 for g in c.children if g.dep_ == "pobj" and g.lemma_.lower() in by_object), None) if by_object else None
    kind = kind or lex["nouns"].get(word.lower_) or lex["nouns"].get(lemma)  # "an exchange of fire" first
    prepositions = lex["nouns_with_preposition"].get(lemma, ()) if kind is None else ()
    if prepositions and any(c.dep_ == "prep" and c.lower_ in prepositions for c in word.children):
        kind = "CONSULT"
    return kind


def target_prepositions(kind: str) -> tuple[str, ...]:
    """The prepositions whose object an event of type ``kind`` is aimed at: "against", "on",
    "with" ..., for some types one more ("withdrew its troops from Syria") or one less ("talks on
    Syria")."""
    lex = lexicon()
    topics = topic_prepositions(kind)
    return tuple(p for p in lex["target_prepositions"] if p not in topics) + tuple(lex["type_target_prepositions"].get(kind, ()))


def topic_prepositions(kind: str) -> tuple[str, ...]:
    """The prepositions that give what an event of type ``kind`` is about: "held talks on Syria"."""
    return tuple(lexicon().get("topic_prepositions", {}).get(kind, ()))
