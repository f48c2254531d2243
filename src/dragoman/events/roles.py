"""Who did what to whom: the actors standing in an event's source and target positions.

The mention index maps a token of the parse back to the actor it names, looking through modifiers
("Assad's forces"), partitives ("some of the rebel groups") and coordination ("Moscow and Tehran");
here the event's source is its clause's subject and its target what the trigger is done to.
"""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Span, Token

from dragoman.actors import add_state_actor
from dragoman.actors.kb import load_kb
from dragoman.data_files import load_json
from dragoman.doc_views import entities_in, sentence_of
from dragoman.events.people import is_people, names_people, past_quantity
from dragoman.mention_index import MentionIndex, clause_subject, is_speech_verb, words
from dragoman.record import Actor

def lexicon() -> dict:
    """The event word lists (``data/events/triggers.json``), loaded once and validated."""
    return load_json("events/triggers.json")


def state_named(index: MentionIndex, iso3: Optional[str], start: int, end: int) -> Optional[Actor]:
    """The state a place or an adjective names, made by the actors stage and indexed."""
    actor = add_state_actor(index.article, iso3, start, end)
    if actor is not None:
        index.add(actor)
    return actor


def subjects_of(verb: Token, index: MentionIndex) -> list[Actor]:
    """The actors who do what the verb says (the clause's subject, by the mention index); in a
    to-clause after an object, that object ("trained the rebels to fight": the rebels fight)."""
    subject = object_controller(verb) or clause_subject(verb)
    if subject is None:
        return []
    return (index.of_phrase(subject) or who_antecedent(subject, verb, index) or named_members(subject, index)
            or document_authors(subject, index))


def object_controller(verb: Token) -> Optional[Token]:
    """The object that does what a to-clause says when it names someone: "trained Syrian rebels
    to fight", "allowed the WFP to deliver food" (but "used drones to strike": the user strikes)."""
    if verb.dep_ != "xcomp" or verb.pos_ != "VERB" or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    obj = next((c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i), None)
    return obj if obj is not None and (obj.pos_ == "PROPN" or is_people(past_quantity(obj))) else None


def named_members(head: Token, index: MentionIndex) -> list[Actor]:
    """The members a group that names no actor lists: "Arab states - including Egypt and
    Jordan - criticised ..." is Egypt and Jordan."""
    members = [g for c in head.children if c.dep_ == "prep" and c.lower_ in words()["member_prepositions"]
               for p in c.children if p.dep_ == "pobj" for g in (p, *p.conjuncts)]
    return [a for member in members for a in index.of_phrase(member)]


def who_antecedent(head: Token, verb: Token, index: MentionIndex) -> list[Actor]:
    """A "who" clause the parser hung on a noun that names no one ("talks between his government
    and the Taliban, who have long refused ...") is about the actor named just before "who"."""
    clause = next((c for c in head.children if c.dep_ == "relcl" and verb in c.subtree), None)
    pronoun = next((w for w in clause.children if w.dep_ == "nsubj" and w.lower_ == "who"), None) if clause else None
    if pronoun is None:
        return []
    nearest = next((t for t in reversed(head.doc[head.i + 1:pronoun.i]) if t.pos_ in ("PROPN", "NOUN")), None)
    return index.of_phrase(nearest) if nearest is not None else []


def targets_of(word: Token, index: MentionIndex, prepositions: tuple[str, ...], into_clauses: bool | str = False,
               deep: bool = True, topics: tuple[str, ...] = ()) -> list[Actor]:
    """Objects, datives and prepositional objects of a trigger, of a purpose clause, and, with no
    object of its own, of what it demands or threatens (``demanded that Israel withdraw``,
    ``threatened to attack Iran``); ``into_clauses="subject"`` takes only the clause's subject
    (``claimed that ISIL had attacked Iraq``: ISIL is accused, not Iraq). ``deep=False`` reads an
    object that names no actor only one preposition in (``strikes against a target``); it never
    reads past ``topics`` (``held talks on Syria``)."""
    found: list[Actor] = []
    heads = object_heads(word, prepositions, index, ("dobj", "dative", "attr"))
    if not deep:  # "attacked an army base in western Afghanistan, killing 17 soldiers": where it falls
        heads += [g for h in heads if h.dep_ == "dobj" and not index.of_phrase(h) and not is_people(past_quantity(h))
                  for g in located_in(h)]  # "arrested five men in Chicago": the men (unnamed.py)
    named_here = any(index.of_phrase(h) or h.dep_ == "pobj" and states_of_places(h, index, located=True)
                     for h in heads if not sent_forces(h, index))  # "permission to Russia to help Israel"
    for clause in (c for c in word.children if c.dep_ in ("xcomp", "advcl", "acl", "relcl") and c.pos_ == "VERB"
                   and not named_here):
        if is_speech_verb(clause):
            continue  # "..., warning that X ...": X is what was said, not whom the event is for
        heads += object_heads(clause, (), index, ("dobj",))  # "support to help Assad's forces"
        heads += [g for c in clause.children if c.dep_ in ("ccomp", "xcomp") for g in c.children if g.dep_ == "nsubj"]
    direct = any(index.of_phrase(h) for h in heads)
    if into_clauses and not direct:  # "asking Obama to help Iran": Obama is asked, not Iran
        for clause in (c for c in word.children if c.dep_ in ("ccomp", "xcomp") and c.pos_ in ("VERB", "AUX")):
            heads += [c for c in clause.children if c.dep_ == "nsubj" and c.pos_ != "PRON"]
            if into_clauses != "subject":
                heads += object_heads(clause, prepositions, index, ("dobj", "dative"))
    for head in heads:
        if own_forces(head, index):
            continue
        named = index.of_phrase(head) or states_of_places(head, index, located=not deep) or reporting_body(head, index)
        if not named and head.dep_ == "dobj":  # "endorsed an agreement with the EU", "denounced a Hong Kong court ruling"
            named = named_deeper(head, index, skip=topics) if deep else named_deeper(
                head, index, modifiers=False, depth=1, skip=topics)
        for actor in named:
            if actor not in found:
                found.append(actor)
    return found


def object_heads(verb: Token, prepositions: tuple[str, ...], index: MentionIndex, deps: tuple[str, ...]) -> list[Token]:
    """A verb's objects and the objects of its target prepositions. Forces sent somewhere that
    names an actor ("sent troops to Iraq", "refused to send peacekeepers to Angola") are what is
    sent, not whom the act is for."""
    recipients = [g for c in verb.children if c.dep_ == "dative" or (c.dep_ == "prep" and c.lower_ == "to")
                  for g in c.children if g.dep_ == "pobj"]
    objects = [c for c in verb.children if c.dep_ in deps and c.pos_ != "ADP"]
    if any(index.of_phrase(r) for r in recipients):
        objects = [c for c in objects if not (c.dep_ == "dobj" and sent_forces(c, index))]
    return objects + [g for c in verb.children if (c.dep_ == "prep" and c.lower_ in prepositions or c.dep_ == "dative")
                      for g in c.children if g.dep_ == "pobj"]


def sent_forces(head: Token, index: MentionIndex) -> bool:
    named = index.of_phrase(head)
    return bool(named) and all(actor.type == "military" and actor.country is None for actor in named)


def own_forces(head: Token, index: MentionIndex) -> bool:
    """"Withdraw its troops", "deploy their forces": the doer's own forces are its means, not whom
    the act is aimed at."""
    noun = next((g for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                 if g.dep_ == "pobj"), head) if head.pos_ in ("PRON", "DET", "NUM") else head  # "some of its troops"
    own = any(c.dep_ == "poss" and c.pos_ == "PRON" for c in noun.children)
    return own and any(actor.type == "military" for actor in index.of_phrase(head))


def located_in(thing: Token) -> list[Token]:
    """The places a thing is said to be in ("an army base in western Afghanistan": Afghanistan)."""
    return [g for c in thing.children if c.dep_ == "prep" and c.lower_ in lexicon()["location_prepositions"]
            for g in c.children if g.dep_ == "pobj"]


def states_of_places(head: Token, index: MentionIndex, located: bool = False) -> list[Actor]:
    """"The occupation of Crimea", "shelled Aleppo": a place that undergoes an event stands for
    the state it lies in, as the CAMEO coders have it. A place after a locative preposition ("talks
    at Geneva") is where the event happens, not whom it concerns, unless ``located`` says it is
    where the thing force hit lies."""
    kb = load_kb()
    if head.dep_ == "pobj" and head.head.lower_ in lexicon()["location_prepositions"] and not (
            located and head.head.head.dep_ == "dobj"):
        return []  # "the invasion of South Lebanon", "a visit to Iraq" concern the state; "talks in Geneva" do not
    found: list[Actor] = []
    for token in (head, *head.conjuncts):
        if is_the_country(token):  # "18 years after Washington invaded the country"
            iso3 = last_country_named(token)
            actor = state_named(index, iso3, token.idx, token.idx + len(token)) if iso3 else None
            if actor is not None and actor not in found:
                found.append(actor)
            continue
        place = name_of(token)
        iso3 = kb.country_of_place(place.text) if place is not None else None
        actor = state_named(index, iso3, place.start_char, place.end_char) if iso3 else None
        if actor is not None and actor not in found:
            found.append(actor)
    return found


def is_the_country(token: Token) -> bool:
    """"The country" with nothing that makes it another one ("the neighbouring country", "the
    country of his birth") or a name ("the 'one country, two systems' formula")."""
    return (token.lemma_.lower() == "country" and token.tag_ == "NN" and token.dep_ in ("dobj", "pobj", "nsubj")
            and any(c.lower_ == "the" for c in token.children)
            and not any(c.dep_ in ("amod", "compound", "nummod", "prep", "relcl", "acl", "appos", "punct")
                        for c in token.children))


def last_country_named(token: Token) -> Optional[str]:
    """The country of the last place named before ``token``, in an earlier sentence or after a
    preposition (not "Washington" of "Washington invaded the country"): what "the country" refers
    back to."""
    kb = load_kb()
    sentence = sentence_of(token)
    places = [e for e in token.doc.ents if e.end <= token.i and e.label_ in ("GPE", "LOC")
              and (e.end <= sentence.start or e.root.dep_ == "pobj")]
    for ent in reversed(places):
        if iso3 := kb.country_of_place(ent.text):
            return iso3
    return None


def name_of(token: Token) -> Optional[Span]:
    """The place name ``token`` heads: its entity unless that names a person or a body, else its
    proper-noun compound ("shelled Aleppo" with "Aleppo" tagged as a language)."""
    entity = next((e for e in entities_in(sentence_of(token)) if e.start <= token.i < e.end), None)
    if entity is not None:
        return entity if entity.label_ in ("GPE", "LOC", "FAC", "NORP", "LANGUAGE") else None
    if token.pos_ != "PROPN":
        return None
    start = min((c.i for c in token.children if c.dep_ == "compound" and c.pos_ == "PROPN"), default=token.i)
    return token.doc[start:token.i + 1]


def named_deeper(head: Token, index: MentionIndex, modifiers: bool = True, depth: int = 3,
                 skip: tuple[str, ...] = ()) -> list[Actor]:
    """The actors a noun phrase that names none itself points at further in: a modifier's
    modifier ("a Hong Kong court ruling"), a nationality ("tariffs on Chinese goods") or the object
    of its prepositions ("its investigation into an allegation against Assange"), nearest first.
    ``modifiers=False`` starts from the prepositions, for an event noun whose own modifiers are
    its owner ("the rebel offensive")."""
    prepositions = [p for p in lexicon()["phrase_prepositions"] if p not in skip]
    level = [head]
    for step in range(depth):
        found: list[Actor] = []
        below: list[Token] = []
        for token in level:
            for child in token.children:
                if child.dep_ in ("compound", "amod", "nmod") and child.i < token.i and (modifiers or step or token is not head):
                    named = index.in_phrase(child) or nationality_of(child, index)
                    found += named
                    below += [] if named else [child]
                elif child.dep_ == "acl" and child.tag_ == "VBN":
                    below.append(child)  # "an allegation made against Assange"
                elif child.dep_ in ("prep", "agent") and child.lower_ in prepositions:  # "a move announced by Pompeo"
                    for g in (g for g in child.children if g.dep_ == "pobj"):
                        named = index.of_phrase(g)
                        found += named
                        below += [] if named else [g]
        if found:
            return [a for n, a in enumerate(found) if all(a is not b for b in found[:n])]
        level = below
    return []


def nationality_of(token: Token, index: MentionIndex) -> list[Actor]:
    """The state a nationality word names ("Chinese goods"), made by the actors stage."""
    if token.pos_ not in ("ADJ", "PROPN"):
        return []
    iso3 = load_kb().country_of_word(token.text)
    actor = state_named(index, iso3, token.idx, token.idx + len(token)) if iso3 else None
    return [actor] if actor is not None else []


def same_party(a: Actor, b: Actor) -> bool:
    return a is b or (a.country is not None and a.country == b.country
                      and {a.type, b.type} <= {"state", "government"})


def targets_past_owner(noun: Token, index: MentionIndex, owner_prepositions: list[str]) -> list[Actor]:
    """"The invasion by Iraq of Kuwait", "the seizure by Iran of a British tanker": the parser
    hangs the "of" phrase on the owner, but it names what the event is done to."""
    found: list[Actor] = []
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in owner_prepositions):
        for owner in (g for g in prep.children if g.dep_ == "pobj"):
            for of in (c for c in owner.children if c.dep_ == "prep" and c.lower_ == "of"):
                for head in (g for g in of.children if g.dep_ == "pobj"):
                    named = index.of_phrase(head) or states_of_places(head, index) or named_deeper(head, index, depth=1)
                    found += [a for a in named if a not in found]  # "of a British tanker": Britain
    return found


def reporting_body(pronoun: Token, index: MentionIndex) -> list[Actor]:
    """"Israel said a mortar bomb was fired at it": "it" as the object in what a state, a
    government or an organisation says is that body itself."""
    if pronoun.lower_ != "it" or pronoun.dep_ not in ("dobj", "pobj"):
        return []
    clause = pronoun.head
    while clause.dep_ not in ("ccomp", "ROOT") and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ != "ccomp" or not is_speech_verb(clause.head):
        return []
    return [a for a in subjects_of(clause.head, index) if a.type != "person"]


def requesters_refused(verb: Token, index: MentionIndex) -> list[Actor]:
    """"Refused to respond to a request from Germany", "declined to comply with the demands of
    Iran", "spurned offers of talks by Kabul": what is refused is the request, so the rejection is
    aimed at whoever made it."""
    nouns, makers_by = lexicon().get("request_nouns", ()), lexicon()["owner_prepositions"]
    clauses = [c for c in verb.children if c.dep_ == "xcomp"]
    heads = [c for w in (verb, *clauses) for c in w.children if c.dep_ == "dobj"] + [
        g for w in clauses for c in w.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    for head in (h for h in heads if h.lemma_.lower() in nouns or h.lower_ in nouns):
        makers = [a for t in (*head.subtree, *verb.children) if t.dep_ == "prep" and t.lower_ in makers_by
                  for g in t.children if g.dep_ == "pobj" for a in index.of_phrase(g)]  # "by" parsed onto the verb too
        return makers or named_deeper(head, index)  # "offers for peace talks by the Kabul government"
    return []


def phrase_event(word: Token) -> Optional[tuple[str, Token]]:
    """The type a verb's prepositional phrase names ("taken into custody", "dragged X to court")
    and the phrase's noun, which is the event's name and never its target."""
    phrases = lexicon().get("prepositional_light_verbs", {}).get(word.lemma_.lower(), {})
    if not phrases:
        return None
    for prep in (c for c in word.children if c.dep_ == "prep"):
        for noun in (n for n in prep.children if n.dep_ == "pobj"):
            if kind := phrases.get(f"{prep.lower_} {noun.lemma_.lower()}"):
                return kind, noun
    return None


def light_objects(verb: Token) -> list[Token]:
    """The nouns a light verb can take its event from: its object, or the subject of a passive
    whose doer is named ("sanctions were imposed on Russia by the EU"); then the nouns that
    modify them ("violated the ceasefire agreement")."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if any(c.dep_ == "agent" for c in verb.children):
        objects += [c for c in verb.children if c.dep_ == "nsubjpass"]
    return objects + [m for c in objects for m in c.children if m.dep_ == "compound" and m.pos_ == "NOUN"]


def reciprocal(verb: Token, sources: list[Actor]) -> list[Actor]:
    """"Johnson and Corbyn attacked each other's policies", "Indian and Pakistani troops exchanged
    fire", "Japan and Australia signed a defence pact": coordinated sources are each other's targets."""
    if len(sources) < 2:
        return []
    if verb.lemma_.lower() in lexicon()["reciprocal_acts"] or any(
            c.dep_ == "dobj" and c.lemma_.lower() in lexicon()["joint_objects"] for c in verb.children):
        return list(sources)  # "Japan and Australia signed a defence pact"
    objects = (" ".join(t.lower_ for t in c.subtree) for c in verb.children if c.dep_ in ("dobj", "prep"))
    return list(sources) if any(r in text for text in objects for r in lexicon()["reciprocals"]) else []


def publishes(verb: Token) -> bool:
    """"Released a statement", "a report released on Tuesday", "the figures were released": making
    a text or figures public is no release of people or property, nor any other act."""
    things = lexicon().get("published_things", {}).get(verb.lemma_.lower())
    if not things:
        return False
    nouns = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")] + ([verb.head] if verb.dep_ == "acl" else [])
    return any(noun.lemma_.lower() in things or noun.lower_ in things for noun in nouns)


def acts_only_without_object(verb: Token) -> bool:
    """"Committed to the talks" is an agreement, "conspiracy to commit computer intrusion" none:
    ``objectless_verbs`` name their event only with no direct object or clause ("demonstrates that")."""
    return verb.lemma_.lower() in lexicon().get("objectless_verbs", ()) and any(c.dep_ in ("dobj", "ccomp") for c in verb.children)


def document_authors(head: Token, index: MentionIndex) -> list[Actor]:
    """"A report by Human Rights Watch accused Syria", "a report released in the Rwandan capital
    alleged": a text speaks for whoever its own phrase names, else for the state where it was made
    public, as the CAMEO coders read such reports."""
    if head.lemma_.lower() not in lexicon().get("documents", ()):
        return []
    named = named_deeper(head, index, depth=2)
    if named:
        return named
    kb = load_kb()
    for token in head.subtree:
        if token.dep_ != "pobj" or token.head.lower_ not in lexicon()["location_prepositions"]:
            continue
        for word in (token, *(c for c in token.children if c.dep_ in ("amod", "compound"))):  # "the Rwandan capital"
            iso3 = kb.country_of_place(word.text) or kb.country_of_word(word.text)
            if iso3:
                actor = state_named(index, iso3, word.idx, word.idx + len(word))
                return [actor] if actor is not None else []
    return []


def opposed_in(word: Token, index: MentionIndex) -> list[Actor]:
    """The actors a trigger's own clause sets it "against" ("supports Syria against the rebels",
    "expanding its campaign against the militant group"): for a cooperative act they are who it is
    aimed at, not whom it helps."""
    found: list[Actor] = []
    for token in word.subtree:
        if token.dep_ != "pobj" or token.head.lower_ != "against":
            continue
        above = token.head
        while above.i != word.i and above.pos_ not in ("VERB", "AUX"):  # not inside a clause of its own
            above = above.head
        if above.i == word.i:
            found += index.of_phrase(token) or named_deeper(token, index, depth=1)
    return found






def releases_people(word: Token) -> bool:
    """Whether a release frees people ("freed three Taliban prisoners", "ordered the release of an
    Austrian journalist", "the hostages' release"), not property or troops ("released the British
    tanker")."""
    words = lexicon()["person_releases"]["words"]
    release = word if word.lemma_.lower() in words else next(
        (c for c in light_objects(word) if c.lemma_.lower() in words), None)
    if release is None:
        return False
    if release.pos_ == "VERB":
        freed = [c for c in release.children if c.dep_ in ("dobj", "nsubjpass")]
    else:
        freed = [c for c in release.children if c.dep_ == "poss"] + [
            g for c in release.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    return any(names_people(past_quantity(noun)) for noun in freed)
