"""Events: who did what to whom, when and where, coded in PLOVER, with a status.

Triggers come from ``data/events/triggers.json``: verbs (``met``, ``backs``, ``called on``),
nouns with an actor attached (``the rebel offensive``, ``talks ... with Iran``, ``a ceasefire
agreement brokered by Russia and Turkey``) and light verbs with their object (``offered military
support``). Roles come from the parse (``roles.py``), one event per source and target pair, so
"Moscow and Tehran have offered ..." is two events. The sentence is the evidence (``start``,
``end``); date, place and status are read around the trigger (``when.py``, ``status.py``), and
what the clause says of intent, refusal and words (``readings.py``) may recode the trigger.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterator, Optional, Union

from spacy.tokens import Doc, Token

from dragoman.actors import give_armed_groups_the_country_they_fight, give_local_bodies_the_place_they_act
from dragoman.actors.kb import load_kb
from dragoman.doc_views import sentence_of, tokens_of_pos
from dragoman.events.features import clause_features, default_word_lists
from dragoman.events.implied import (TARGET_DEFAULT_TYPES, TARGETLESS_TYPES, could_do, default_target, home_measure,
                                     named_against, patients, talks_parties)
from dragoman.events.model import EventTypeModel, Prediction
from dragoman.events.readings import (Trigger, each_other, is_contest, is_market_move, is_match_report, noun_type,
                                      pleads_guilty, recode, stands_alone, states_an_opinion, takes_no_one,
                                      target_prepositions, topic_prepositions, used_figuratively, wanted_clauses,
                                      willing_to)
from dragoman.events.reported import accused_in, rejected_accusers, reported_accusations, reported_demands
from dragoman.events.roles import (acts_only_without_object, lexicon, light_objects, named_deeper, opposed_in,
                                   phrase_event, publishes, reciprocal, requesters_refused, same_party, sent_forces,
                                   state_named, subjects_of, targets_of, targets_past_owner)
from dragoman.events.status import confidence_of, is_condition, status_of
from dragoman.events.transfers import received_from, transferred
from dragoman.events.unnamed import (authorities_for, crowd_of, facility_acted_on, force_origin, people_acted_on,
                                     plea_made_to, story_country, unnamed_doers)
from dragoman.events.when import as_the_story_reads, date_of, inherit_dates, place_of
from dragoman.language import read_by
from dragoman.mention_index import MentionIndex, index_of, is_speech_verb, possessive_antecedent
from dragoman.record import Actor, Article, Event

SYMMETRIC_TYPES = ("AGREE", "CONSULT", "COOPERATE")
FORCES_MOVED_TYPES = ("MOBILIZE", "RETREAT")  # acts whose "of" object is the doer's forces, not a target
POLICIES = ("model", "rules", "either", "fallback")


class EventCoder:
    """The events stage with its resources: the trained type model (``model.py``, weights from
    ``weights`` or the shipped file) and the word lists its features read. Build one per pipeline.

    ``policy`` says who names a verb's event: ``fallback`` (the default: the word lists, and the
    trained model where they name nothing and it is at least ``min_probability`` sure; the best
    on the benchmarks), ``rules`` (the word lists alone), ``model`` (the trained model, which sees
    the word lists as features) or ``either`` (the model, and the lists where the model says
    none). The model is loaded only by the policies that use it."""

    def __init__(self, weights: Union[str, Path, None] = None, policy: str = "fallback",
                 min_probability: float = 0.6):
        if policy not in POLICIES:
            raise ValueError(f"unknown event policy {policy!r}; known: {', '.join(POLICIES)}")
        if not 0.0 <= min_probability <= 1.0:
            raise ValueError(f"min_probability must be between 0 and 1, not {min_probability!r}")
        self.model = EventTypeModel.load(weights) if policy != "rules" else None
        self.lists = default_word_lists()
        self.policy = policy
        self.min_probability = min_probability

    def __call__(self, article: Article, doc: Doc) -> Article:
        return add_events(article, doc, self)

    def verb_type(self, word: Token) -> tuple[Optional[str], Optional[str], float]:
        """The PLOVER type and mode of the clause ``word`` heads, and how sure: by the policy."""
        return self.verb_types([word])[0]

    def verb_types(self, words: list[Token]) -> list[tuple[Optional[str], Optional[str], float]]:
        """``verb_type`` of each word; the clauses left to the model are scored together, one
        batch per Doc rather than array operations per verb."""
        found: list[tuple[Optional[str], Optional[str], float]] = []
        asked: list[tuple[int, Token, Optional[str]]] = []
        for word in words:
            listed = self.listed_type(word)
            if (word.lemma_.lower() in lexicon()["never_events"] or publishes(word) or acts_only_without_object(word)
                    or used_figuratively(word)):
                found.append((None, None, 0.0))  # "according to", "released a statement": no act, whatever the model says
            elif self.model is None or self.policy == "rules" or (
                    self.policy == "fallback" and (listed or is_speech_verb(word))):  # a speech verb's report has its own verb
                found.append((listed, None, 0.6 if listed else 0.0))
            else:
                asked.append((len(found), word, listed))
                found.append((None, None, 0.0))
        if asked:
            sure_from = self.min_probability if self.policy == "fallback" else 0.0  # a less sure fallback is dropped
            predictions = self.model.predict_many([clause_features(word, self.lists) for _, word, _ in asked],
                                                  mode_from=sure_from)
            for (i, _, listed), prediction in zip(asked, predictions):
                found[i] = self.by_policy(prediction, listed)
        return found

    def by_policy(self, prediction: Prediction, listed: Optional[str]) -> tuple[Optional[str], Optional[str], float]:
        if self.policy == "fallback":
            sure = prediction.type is not None and prediction.probability >= self.min_probability
            return (prediction.type, prediction.mode, prediction.probability) if sure else (None, None, 0.0)
        if prediction.type is None and self.policy == "either" and listed:
            return listed, None, 0.5
        return prediction.type, prediction.mode, prediction.probability if prediction.type else 0.0

    def listed_type(self, word: Token) -> Optional[str]:
        """What the word lists say: a light verb's object, else the verb (with its particle)."""
        lex = lexicon()
        lemma = word.lemma_.lower()
        light = lex["light_verbs"].get(lemma, {})
        for noun in light_objects(word) if light else ():
            kind = light.get(noun.lemma_.lower()) or light.get(noun.lower_)
            if kind:
                return kind
        if transferred(word) is not None:
            return "AID"
        if (phrase := phrase_event(word)) is not None:  # "taken into custody"
            return phrase[0]
        if pleads_guilty(word):  # "pleaded guilty to threatening"
            return lex["pleas"]["type"]
        particles = lex["particles"].get(lemma)
        if particles and not any(c.lower_ in particles for c in word.children):
            return None
        return self.lists.verb_type(lemma)


def mode_of(word: Token) -> Optional[str]:
    modes = lexicon()["modes"]
    return next((modes[c.lower_] for c in word.children if c.lower_ in modes), None)


def verb_triggers(doc: Doc, index: MentionIndex, used: set[int], coder: EventCoder) -> Iterator[Trigger]:
    lex = lexicon()
    verbs = tokens_of_pos(doc, "VERB")
    for word, (kind, mode, _) in zip(verbs, coder.verb_types(verbs)):
        if (received := received_from(word)) is not None:  # "received weapons from the government": AID to the subject
            used.update(c.i for c in word.children if c.dep_ == "dobj")
            yield Trigger(word, received[1], None, parties(received[0], index), subjects_of(word, index), False)
            continue
        kind = kind or willing_to(word)
        if not kind or word.lemma_.lower() in lex["undergoing_verbs"] or takes_no_one(word, index):
            continue  # "deflected attacks from X": the attacks are X's event, not the deflecting
        prepositions = target_prepositions(kind)
        light = lex["light_verbs"].get(word.lemma_.lower(), {})
        nouns = [c for c in light_objects(word) if c.lemma_.lower() in light or c.lower_ in light]
        if not nouns and kind == "AID" and (given := transferred(word)) is not None:
            nouns = [given]
        if nouns:  # "offered military support": the noun's own targets and mode count
            noun = nouns[0].head if nouns[0].dep_ == "compound" else nouns[0]  # "a mediation effort between"
            used.update((nouns[0].i, noun.i))
            sources = subjects_of(word, index)
            deep = kind not in TARGET_DEFAULT_TYPES
            owners = [a for c in noun.children if c.dep_ == "poss" for a in index.of_phrase(c)]  # "Turkey's support"
            if kind == "MOBILIZE":  # "send troops": the troops sent are the act's means ("summon the ambassador" is not)
                owners += index.of_phrase(noun)
            topics = topic_prepositions(kind)
            targets = [a for a in targets_of(word, index, prepositions, deep=deep, topics=topics)
                       + targets_of(noun, index, prepositions, topics=topics)
                       if a not in sources and a not in owners] or named_against(noun, index) or deeper_targets(
                kind, (noun, word), index, sources)
            yield Trigger(word, kind, mode or mode_of(noun), sources, targets or reciprocal(word, sources), False)
            continue
        used.update(c.i for c in word.children if c.dep_ == "dobj")  # "lift the sanctions": one event
        into = ("subject" if kind == "ACCUSE" else True) if kind in lex["clause_target_types"] else False
        if kind in ("AGREE", "CONCEDE") and states_an_opinion(word):
            into = False  # "agrees that China has taken advantage": a view, not a deal with China
        sources = subjects_of(word, index)
        targets = targets_of(word, index, prepositions, into_clauses=into, deep=kind not in TARGET_DEFAULT_TYPES,
                             topics=topic_prepositions(kind))
        if kind == "MOBILIZE":  # "deployed soldiers in Belarus": the forces moved are the means, not the target
            means = [a for c in word.children if c.dep_ == "dobj" and sent_forces(c, index) for a in index.of_phrase(c)]
            targets = [a for a in targets if a not in means]
        if not targets:  # "joined anti-Putin protests", "anti-Putin protesters marched"
            targets = [a for c in word.children if c.dep_ in ("dobj", "nsubj") for a in named_against(c, index)]
        if kind == "REJECT" and not targets:
            targets = requesters_refused(word, index)
        if kind == "THREATEN" and not targets:  # "threatened new tariffs if China does not agree": China
            targets = [a for c in word.children if c.dep_ == "advcl" and is_condition(c) for a in subjects_of(c, index)]
        if (phrase := phrase_event(word)) is not None:  # "dragged X to court": the court is no target
            targets = [a for a in targets if a not in index.of_phrase(phrase[1])]
        undergoers = undergoers_of(word, index)
        if is_passive(word) and not any(c.dep_ == "agent" for c in word.children):
            sources, targets = [], targets or sources or undergoers  # "HTS remains proscribed": HTS undergoes it
        elif is_passive(word):  # "Obama is being pressured by Congress to help Iran": Obama is pressured
            targets = undergoers or targets
        yield Trigger(word, kind, mode or mode_of(word), sources, targets or reciprocal(word, sources), False)


def wanting_triggers(doc: Doc, index: MentionIndex) -> Iterator[Trigger]:
    """"The US wants the UK to extradite Assange": wanting another party to act is a REQUEST to it
    (the act itself has not happened, so ``recode`` drops its event)."""
    for word in tokens_of_pos(doc, "VERB"):
        if word.lemma_.lower() not in lexicon()["wanting_verbs"]:
            continue
        clauses = wanted_clauses(word)
        if not clauses:
            continue
        sources = subjects_of(word, index)
        asked = [a for clause in clauses for c in clause.children if c.dep_ == "nsubj" for a in index.of_phrase(c)]
        if not asked:  # "wants Britain to act", parsed as an object
            asked = [a for c in word.children if c.dep_ == "dobj" for a in index.of_phrase(c)]
        targets = [a for a in asked if not any(same_party(a, s) for s in sources)]
        if sources and targets:
            yield Trigger(word, "REQUEST", None, sources, targets, False)


def is_passive(verb: Token) -> bool:
    """"Was arrested", "arrested and jailed", and a participle after its noun ("the civilians
    imprisoned for ...", "prisoners held by the Taliban")."""
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children) or (
        verb.tag_ == "VBN" and verb.dep_ in ("conj", "acl") and any(c.dep_ == "auxpass" for c in verb.head.children)) or (
        verb.tag_ == "VBN" and verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"))


def undergoers_of(verb: Token, index: MentionIndex) -> list[Actor]:
    """Who a passive verb's act is done to: its subject, the subject a perfect participle clause
    describes ("Austria argued that it was the first victim, having been annexed by Germany"),
    or the noun its participle follows."""
    nouns = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if not nouns and any(c.lower_ == "having" for c in verb.children if c.dep_ == "aux"):
        subjects = [t for t in sentence_of(verb) if t.dep_ == "nsubj" and t not in verb.subtree]
        before = [t for t in subjects if t.i < verb.i]
        nouns = before[-1:] or subjects[:1]  # "Having been expelled by Russia, the diplomats ..."
    nouns = nouns or ([verb.head] if verb.dep_ == "acl" else [])
    return [a for noun in nouns for a in index.of_phrase(noun)]


def deeper_targets(kind: str, heads: tuple[Token, ...], index: MentionIndex, sources: list[Actor]) -> list[Actor]:
    """Whom a statement, a demand or a sanction concerns, read further into its phrase ("dropped
    its investigation into an allegation against Assange"). Force and mobilisation are left to
    ``default_target``: an air strike "against an Islamic State target southwest of Baghdad" is
    coded at the country where it falls, as the CAMEO coders do."""
    if kind in TARGET_DEFAULT_TYPES:
        return []
    accused = [a for head in heads for a in accused_in(head, index) if a not in sources] if kind == "ACCUSE" else []
    if accused:
        return accused
    topics = topic_prepositions(kind)
    return [a for head in heads for a in named_deeper(head, index, modifiers=False, skip=topics) if a not in sources]


def noun_triggers(doc: Doc, index: MentionIndex, used: set[int]) -> Iterator[Trigger]:
    by = lexicon()["owner_prepositions"]
    for word in tokens_of_pos(doc, "NOUN"):
        if word.i in used or not (kind := noun_type(word)):
            continue
        prepositions = target_prepositions(kind)
        owners = index.in_phrase(word) or [  # "Palestinian criticism", "international and Palestinian criticism"
            state_named(index, load_kb().country_of_word(c.text), c.idx, c.idx + len(c))
            for m in word.children if m.dep_ in ("amod", "compound") for c in (m, *m.conjuncts)
            if load_kb().country_of_word(c.text)]
        if not owners and (antecedent := possessive_antecedent(word)) is not None:
            owners = index.of_phrase(antecedent)  # "The US began its withdrawal": the US's
        happens = [word.head] if word.dep_ == "nsubj" and word.head.lemma_.lower() in lexicon()["occurrence_verbs"] else []
        by_owner = [p for p in by if p not in lexicon()["noun_target_prepositions"].get(kind, ())]
        owners = owners or [a for w in (word, *happens) for c in w.children if c.dep_ == "prep" and c.lower_ in by_owner
                            for g in c.children if g.dep_ == "pobj" for a in parties(g, index)]
        # "a request from the US", "clashes erupted between supporters and security forces"
        owners, done_to = patients(word, owners, index)  # "Navalny's arrest": done to Navalny
        for clause in (c for c in word.children if c.dep_ in ("relcl", "acl")):
            owners = owners or subjects_of(clause, index)
        phrase = word.head if word.dep_ == "compound" and word.head.pos_ == "NOUN" else word  # "a mediation effort between"
        if phrase is not word and lexicon()["light_verbs"].get(phrase.head.lemma_.lower(), {}).get(phrase.lemma_.lower()):
            continue  # "issued arrest warrants": the light verb's event already
        targets = done_to or [a for a in targets_of(phrase, index, prepositions) if a not in owners] or [
            a for a in targets_past_owner(phrase, index, by) if a not in owners] or deeper_targets(kind, (phrase,), index, owners)
        verb = phrase.head if phrase.head.pos_ == "VERB" else phrase.head.head
        if verb.pos_ == "VERB" and verb.lemma_.lower() in lexicon()["undergoing_verbs"]:
            targets = targets or [a for a in subjects_of(verb, index) if a not in owners]  # "deflected attacks from X"
        elif (not owners and verb.pos_ == "VERB" and phrase.head.pos_ in ("VERB", "ADP")
              and verb.lemma_.lower() not in lexicon()["causing_verbs"]):  # "the arrest drew protests": not the arrested's
            owners = [a for a in subjects_of(verb, index)  # "X engaged Y in a firefight", "Mexico announced the arrest of"
                      if not done_to or phrase.head.i == verb.i and could_do(a)]
            targets = targets or [a for a in targets_of(verb, index, ()) if a not in owners]
        if kind in FORCES_MOVED_TYPES:  # "the deployment of 230 troops to Liberia": the troops are the means
            moved = [a for c in phrase.children if c.dep_ == "prep" and c.lower_ == "of"
                     for g in c.children if g.dep_ == "pobj" for a in parties(g, index) if a.type == "military"]
            owners = owners or [a for a in moved if a.country]  # "the withdrawal of French troops": France's
            targets = [a for a in targets if a not in moved and not (a.type == "military" and a.country is None)]
        if kind == "PROTEST" and not targets and word.dep_ in ("nsubj", "nsubjpass"):
            targets = targets_of(word.head, index, prepositions, deep=False)  # "protests erupted against the government"
        if against := named_against(word, index):  # "anti-Putin protests": against Putin, not his
            owners, targets = [a for a in owners if a not in against], targets or against
        if owners or targets or kind == "PROTEST":  # a protest no one is named for is the crowd's (unnamed.py)
            yield Trigger(word, kind, mode_of(word), owners, targets or reciprocal(word, owners), True)


def parties(head: Token, index: MentionIndex) -> list[Actor]:
    """The actors a noun phrase and its conjuncts name, each conjunct that names none read one
    preposition in: "between Sondland and a top aide to Zelenskiy" is Sondland and Zelenskiy."""
    found = index.of_phrase(head)
    for token in (t for t in (head, *head.conjuncts) if not index.in_phrase(t)):
        found += [a for a in named_deeper(token, index, modifiers=False, depth=1) if a not in found]
    return found


def add_events(article: Article, doc: Doc, coder: EventCoder) -> Article:
    if not read_by(doc.lang_, article.language):
        return article  # English grammar read over German text makes only junk events (the pipeline warns)
    index = index_of(doc, article)
    index.add_quoted_speakers(article.quotes)
    marks = index.marks
    used: set[int] = set()
    triggers = [*verb_triggers(doc, index, used, coder), *noun_triggers(doc, index, used), *wanting_triggers(doc, index)]
    pairs: list[tuple[Event, Trigger]] = []
    seen = set()
    made: set[str] = set()  # the unnamed parties (unnamed.py) made for these triggers
    talks: list[Actor] = []  # the parties of the last talks told, for "the talks" later on
    home = story_country(article)  # where the story is set, for a place name two countries share
    for trigger in sorted(triggers, key=lambda t: t.word.i):
        sentence = sentence_of(trigger.word)
        if trigger.type in TARGET_DEFAULT_TYPES and is_match_report(sentence) or is_contest(trigger.word) or (
                is_market_move(trigger.word)):
            continue  # "Switzerland beat Gibraltar 6-0", "Democrats beat the governor in a state Trump won by 30 points"
        date, date_text = date_of(trigger.word, article.published)
        location, place = place_of(trigger.word)
        location = as_the_story_reads(location, place, home)
        status = status_of(trigger.word, date, article.published, marks, trigger.type)
        before = len(article.actors)
        unnamed_source = (crowd_of(trigger, index, location) or authorities_for(trigger, index, location)
                          or unnamed_doers(trigger, index, location))
        if unnamed_source is None and (origin := force_origin(trigger, index)) is not None:
            trigger.sources = [origin]  # named by the text: who reports the attack accuses that side
        sources = [unnamed_source] if unnamed_source else trigger.sources
        acted_on = (people_acted_on(trigger, index, location, sources[0] if sources else None)
                    or facility_acted_on(trigger, index, location) or plea_made_to(trigger, index, location))
        targets = [acted_on] if acted_on else trigger.targets or talks_parties(trigger, sources, talks)
        if targets and trigger.type in lexicon()["cooperative_types"]:  # "supports Syria against the rebels": not them
            targets = [t for t in targets if t not in opposed_in(trigger.word, index)]
        made.update(a.id for a in article.actors[before:])
        if len(sources) > 1 and not targets and trigger.type in SYMMETRIC_TYPES:
            targets = sources  # "brokered by Russia and Turkey": each with each, both ways
        for source in sources or [None]:
            for target in [t for t in targets if t is not source] or [None]:
                inferred = False
                own_people = home_measure(trigger)  # a curfew a government imposes is on its people
                if target is None and source is not None:
                    target, inferred = default_target(trigger, source, location, place, index), True
                    if target is not None and same_party(source, target) and not own_people:
                        target = None  # "Russia held military exercises": its own country is no target
                aimless = target is None and trigger.type not in TARGETLESS_TYPES and not stands_alone(trigger)
                if source is None or aimless:
                    continue
                if target is source or target is not None and same_party(source, target) and not own_people:
                    continue  # "France ... Paris": a state and its own government
                key = (trigger.type, source and source.id, target and target.id, sentence.start)
                if key in seen:
                    continue
                seen.add(key)
                pairs.append((Event(
                    id="", type=trigger.type, mode=trigger.mode,
                    source=source.id if source else None, target=target.id if target else None,
                    date=date, date_text=date_text, location=location, status=status,
                    confidence=confidence_of(source is not None, target is not None, inferred, trigger.nominal),
                    start=sentence.start_char, end=sentence.end_char), trigger))
                if trigger.type in lexicon()["definite_talks"].get("talks_types", ()) and target is not None:
                    talks = [source, target]
    events = [event for event, _ in each_other(recode(pairs, triggers, index), SYMMETRIC_TYPES)]
    events += rejected_accusers(triggers, events, index)
    events += reported_accusations(triggers, events, index)
    events += reported_demands(doc, events, index)
    cited = {event.source for event in events} | {event.target for event in events}
    article.actors = [a for a in article.actors if a.id not in made or a.id in cited]  # a party whose act was read away
    for number, event in enumerate(events, start=1):
        event.id = f"e{number}"
    article.events = inherit_dates(events, doc)
    actors = {a.id: a for a in article.actors}
    fighting = load_kb().fighting_events
    give_armed_groups_the_country_they_fight([(actors.get(e.source or ""), actors.get(e.target or ""))
                                              for e in events if e.type in fighting])
    give_local_bodies_the_place_they_act([(actors.get(party or ""), e.location.country if e.location else None)
                                          for e in events for party in (e.source, e.target)])
    return article

