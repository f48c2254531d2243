"""The parties an event's text implies without naming them as its target: the country where
force, a protest, a visit or aid abroad happens, the doer's own country for a curfew, the other
side of "the talks" told earlier, the country of a place an act is about ("denounced journalist
detentions in Venezuela"), whom an "anti-" modifier names ("anti-Putin protests"), and whom an
arrest or a killing is done to ("Navalny's arrest")."""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Span, Token

from dragoman.actors.kb import load_kb
from dragoman.doc_views import entities_in
from dragoman.events.readings import Trigger, stands_alone
from dragoman.events.roles import lexicon, state_named
from dragoman.events.transfers import transferred, transfers
from dragoman.mention_index import MentionIndex, is_speech_verb
from dragoman.record import Actor, Location

TARGET_DEFAULT_TYPES = ("ASSAULT", "COERCE", "MOBILIZE")
TARGETLESS_TYPES = ("PROTEST", "MOBILIZE", "RETREAT")
PLACE_TARGET_TYPES = TARGET_DEFAULT_TYPES + ("PROTEST", "CONSULT", "AID", "REQUEST")
OBJECT_DEPS = ("dobj", "xcomp", "prep", "dative", "advcl")


def talks_parties(trigger: Trigger, sources: list[Actor], talks: list[Actor]) -> list[Actor]:
    """"The talks" with no parties of their own ("Trump scuttled the talks in September") are the
    last talks the article told of ("Washington and the Taliban had been holding direct talks"):
    the party on the other side from each source. So is whom one side of those talks refuses or
    agrees to something with no party named ("Beijing is balking at committing to purchases")."""
    rule = lexicon()["definite_talks"]
    word = trigger.word
    nouns = [word] if trigger.nominal else [c for c in word.children if c.dep_ == "dobj"]
    definite = any(n.lemma_.lower() in rule["nouns"] and any(d.lower_ in rule["determiners"] for d in n.children)
                   for n in nouns)
    side = any(s.country and s.country == p.country for s in sources for p in talks)
    if not definite and not (side and trigger.type in rule.get("answer_types", ()) and stands_alone(trigger)):
        return []  # "the Chinese have been reluctant to commit to a meeting": with the side they negotiate with
    return [party for party in talks if all(party is not s and party.country != s.country for s in sources)]


def default_target(trigger: Trigger, source: Actor, location: Optional[Location], place: Optional[Span],
                   index: MentionIndex) -> Optional[Actor]:
    """With no target named, a use of force, a protest, a visit, aid or a call abroad is aimed at
    the country where it happens ("staged a protest in Beijing", "an air strike southwest of
    Baghdad", "providing food to 300,000 people in Nigeria", "urged an end to the violence in
    Hong Kong"); a curfew or a siege at home, at the source's own country, cited where the text
    names it (the place, else the source's own words: "Iraqi officials imposed a curfew"); other
    force at home, at that country only if the text names it, and troops readied at home, if it
    names a place in it ("remained on alert in Manila")."""
    kind = trigger.type
    abroad = location is not None and location.country and location.country != source.country
    given = trigger.nominal or trigger.word.lemma_.lower() not in transfers()["verbs"] or transferred(trigger.word) is not None
    if abroad and kind in PLACE_TARGET_TYPES and (kind != "AID" or given):  # "contributed to planning" gives nothing
        return state_named(index, location.country, place.start_char, place.end_char)
    if kind in TARGET_DEFAULT_TYPES:
        home = source.country or (location.country if location else None)
        sentence = trigger.word.sent
        cited = place or next((m for m in source.mentions if sentence.start_char <= m.start < sentence.end_char), None)
        if cited is None or not home_measure(trigger):  # a curfew is on the country; force may be aimed anywhere
            if kind == "ASSAULT" and place is None and aimed_at_nothing(trigger.word):
                return None  # "senators were fighting over the budget": aimed at nothing, nowhere
            if kind == "ASSAULT" and not on_settlements(trigger.word):
                return place_acted_on(trigger, source, index)  # "officers rammed the door": no force on the country
            # "on alert in Manila", "shelled the town of Douma": on the country the place lies in
            named = place is not None and location.country == home and kind in ("MOBILIZE", "ASSAULT")
            return (index.states.get(home) or (state_named(index, home, place.start_char, place.end_char) if named else None)
                    or place_acted_on(trigger, source, index))
        start, end = (cited.start_char, cited.end_char) if isinstance(cited, Span) else (cited.start, cited.end)
        return index.states.get(home) or state_named(index, home, start, end)  # "Iraqi officials imposed a curfew": on Iraq
    if kind == "PROTEST" and source.country and source.type not in ("state", "government"):
        word = trigger.word  # a protest at home is against the country's rulers: "teachers rallied in Indianapolis"
        return place_acted_on(trigger, source, index) or index.states.get(source.country) or state_named(
            index, source.country, word.idx, word.idx + len(word))
    return place_acted_on(trigger, source, index) if kind in TARGETLESS_TYPES or stands_alone(trigger) else None


def place_acted_on(trigger: Trigger, source: Actor, index: MentionIndex) -> Optional[Actor]:
    """The state of a foreign place what the act is about names ("denounced 49 journalist
    detentions in Venezuela", "gave 352.5 million euros to promote development in Ethiopia",
    "refused to allow flights out of Afghanistan"), where PLOVER's coders put the target; not a
    place the act comes from, and not the doer's own country."""
    word = trigger.word
    kb = load_kb()
    for child in (c for c in word.children if c.dep_ in OBJECT_DEPS and c.lower_ not in ("from", "by")
                  and not (c.dep_ == "advcl" and is_speech_verb(c))):  # "..., insisting that it will talk to the US"
        for ent in entities_in(word.doc[child.left_edge.i:child.right_edge.i + 1]):
            iso3 = kb.country_of_place(ent.text) if ent.label_ in ("GPE", "LOC") and ent.root.head.lower_ != "from" else None
            if iso3 and iso3 != source.country:
                return state_named(index, iso3, ent.start_char, ent.end_char)
    return None


def home_measure(trigger: Trigger) -> bool:
    """A curfew, a state of siege or of emergency imposed or declared: on the doer's own country."""
    return trigger.type == "COERCE" and any(
        c.dep_ == "dobj" and c.lemma_.lower() in lexicon()["home_measures"] for c in trigger.word.children)


def named_against(noun: Token, index: MentionIndex) -> list[Actor]:
    """"Anti-Putin protests", "anti-American rallies", "anti-government protests": whom an "anti-"
    modifier names is what the act is against, never who does it; a person the recogniser missed
    there stands for the state they lead."""
    doc, kb = noun.doc, load_kb()
    found = []
    for m in (m for m in noun.children if m.dep_ in ("amod", "compound") and m.i >= 2 and doc[m.i - 1].text == "-"
              and doc[m.i - 2].lower_ == "anti"):
        actor = index.at(m) or index.by_word.get(m.lower_)  # "the government faced anti-government protests"
        if actor is index.at(noun):  # "Anti-Putin protesters" named as one: they are not whom they oppose
            actor = None
        if actor is None:
            roles = [r for e in kb.lookup(m.text) if (r := e.role_on(None)) is not None and r.country]
            iso3 = kb.country_of_word(m.text) or (roles[0].country if roles else None)
            actor = state_named(index, iso3, m.idx, m.idx + len(m)) if iso3 else None
        if actor is not None:
            found.append(actor)
    return found


def aimed_at_nothing(word: Token) -> bool:
    """Force with no object and no place ("were fighting over custody", "under pressure to break
    out"): too little to put it on a country."""
    return not any(c.dep_ in ("dobj", "nsubjpass") for c in word.children)


def on_settlements(word: Token) -> bool:
    """Force aimed at where people live, or at nothing named ("bombed villages in Borno state",
    "shelled the town of Douma", "opened fire in Kunduz"), not at a thing ("rammed the door")."""
    objects = [c for c in word.children if c.dep_ in ("dobj", "nsubjpass")]
    return all(o.lower_ in lexicon()["settlement_words"] or o.ent_type_ in ("GPE", "LOC", "FAC") for o in objects)


def patients(noun: Token, owners: list[Actor], index: MentionIndex) -> tuple[list[Actor], list[Actor]]:
    """The doers and those done to of a noun like "arrest" or "killing" (``patient_nouns``): its
    "of" object is whom it is done to; so is a possessor who could not do it ("Navalny's arrest",
    not "Russia's arrest of the journalist"). Other nouns keep their owners, with no one done to."""
    rule = lexicon()["patient_nouns"]
    if noun.lemma_.lower() not in rule["nouns"]:
        return owners, []
    done_to = [a for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
               for g in c.children if g.dep_ == "pobj" for a in index.of_phrase(g)]
    if done_to:
        return [a for a in owners if a not in done_to], done_to
    done_to = [a for c in noun.children if c.dep_ == "poss" and c.pos_ != "PRON"  # "his arrest": whose, coreference guesses
               for a in index.of_phrase(c) if not could_do(a)]
    return [a for a in owners if a not in done_to], done_to


def could_do(actor: Actor) -> bool:
    """Whether ``actor`` is of a kind that arrests, detains or releases (``patient_nouns``): "the
    authorities announced the arrest of 26 gang members" are the doers, not a bystander."""
    return actor.type in lexicon()["patient_nouns"]["doer_types"]
