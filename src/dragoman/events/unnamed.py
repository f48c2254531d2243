"""The parties a text leaves unnamed: the crowd that protests, the people an act is done to,
the authorities that arrest.

A strike, a march or a protest is usually done by people the text does not name ("thousands of
textile workers in Haiti went on strike", "protests erupted in Bolivia against the interim
government"), and arrests and raids are done to them ("police detained 18 people", "deported a
95-year-old man"). PLOVER codes such a group as the source or target, of the country where the
act happens; without it the event is lost. The crowd is the subject of the protest (or of the
verb a protest noun hangs on), read past a quantity ("tens of thousands of people"); with no
subject, the protesters themselves, cited at the protest word. The people an act is done to are
its object when the noun names people. Their country is the place of the act, else a place named
within their own phrase, else (for a crowd) the story's leading country or (for people acted on)
the doer's. An arrest, a deportation or a sentence told in the passive with no doer ("was
arrested in Rwanda") is the act of the state where it happens. Unnamed people who attack, accuse,
demand, reject, support, threaten, agree or give way ("politicians have vilified educators",
"Palestinian factions agreed to disarm") are groups in the same way, of their nationality when the
phrase gives one ("Saudi hackers"). Force whose doer is named only by its weapons or origin
("Israeli jets", "fired from Lebanon") is the act of the side they belong to.
"""

from __future__ import annotations

from collections import Counter
from typing import Optional

from spacy.tokens import Token

from dragoman.actors import add_crowd_actor
from dragoman.actors.context import leading_country
from dragoman.actors.kb import load_kb
from dragoman.doc_views import entities_in
from dragoman.events.readings import Trigger, pleads_guilty
from dragoman.events.implied import patients
from dragoman.events.people import crowds, is_people, past_quantity
from dragoman.events.reported import claim_subjects
from dragoman.events.roles import lexicon, name_of, object_controller, releases_people, state_named
from dragoman.mention_index import MentionIndex, is_speech_verb
from dragoman.record import Actor, Article, Location


def crowd_head(trigger: Token) -> Optional[Token]:
    """The noun of the crowd doing the protest: the subject of a protest verb, or of the verb a
    protest noun is the object of ("staged a sit-in") or sits in ("stopped work in a strike");
    past a quantity ("thousands of workers": workers; "student groups" stay groups)."""
    verb = trigger
    if caused(trigger):
        return None
    if trigger.pos_ == "NOUN":
        verb = trigger.head.head if trigger.dep_ == "pobj" else trigger.head
        if trigger.dep_ in ("nsubj", "nsubjpass") or verb.pos_ not in ("VERB", "AUX") or faces(trigger):
            return None
    subject = past_quantity(next((c for c in verb.children if c.dep_ == "nsubj"), None))
    if subject is None or subject.pos_ != "NOUN":
        return None  # a pronoun or a name is for the actors stage, not a crowd
    events = lexicon()["nouns"]
    return None if subject.lemma_.lower() in events or subject.lower_ in events else subject  # "the arrest drew protests"


def caused(word: Token) -> bool:
    """"The ruling sparked protests", "the arrest drew protests" (``drew`` the trigger): the
    subject of a verb of ``causing_verbs`` is the cause, not the crowd."""
    verb = word.head if word.pos_ == "NOUN" and word.dep_ == "dobj" else word
    return verb.lemma_.lower() in lexicon()["causing_verbs"]


def faces(noun: Token) -> bool:
    """"The government faced protests": the subject of a verb of undergoing is what the protest is
    against, not the crowd."""
    return noun.dep_ == "dobj" and noun.head.lemma_.lower() in lexicon()["undergoing_verbs"]


def crowd_country(head: Optional[Token], location: Optional[Location], article: Article) -> tuple[Optional[str], bool]:
    """The crowd's nationality ("Saudi hackers"), else where it protests, else a place named in its
    own phrase ("workers in Peru"), else the country the story's actors belong to when one leads
    clearly (as the actors stage gives home bodies; the second value says the country is only the
    story's focus)."""
    kb = load_kb()
    if head is not None and (iso3 := nationality_of(head)):
        return iso3, False  # "Pakistani workers protested in Dubai"
    if location is not None and location.country:
        return location.country, False
    phrase = head.doc[head.left_edge.i:head.right_edge.i + 1] if head is not None else []
    for ent in entities_in(phrase) if head is not None else ():  # "a New York man": New York, not York
        if ent.label_ in ("GPE", "LOC") and (iso3 := kb.country_of_place(ent.text) or kb.country_of_word(ent.text)):
            return iso3, False
    focus = story_country(article)
    return focus, focus is not None


def nationality_of(head: Token) -> Optional[str]:
    """The country a people noun's own modifier names ("Chinese hackers", "Ukrainian refugees")."""
    kb = load_kb()
    return next((iso3 for c in head.children if c.dep_ in ("amod", "compound") and c.i < head.i
                 if (iso3 := kb.country_of_word(c.text))), None)


def story_country(article: Article) -> Optional[str]:
    """The country the story's actors belong to, by their mentions, when one leads clearly."""
    return leading_country(Counter(a.country for a in article.actors for _ in a.mentions if a.country), load_kb())


def crowd_of(trigger: Trigger, index: MentionIndex, location: Optional[Location]) -> Optional[Actor]:
    """The crowd actor for a PROTEST trigger no named actor does."""
    if trigger.type != "PROTEST" or trigger.sources:
        return None
    head = crowd_head(trigger.word)
    if head is None and not (caused(trigger.word) or trigger.nominal and (
            trigger.word.dep_ in ("nsubj", "nsubjpass") or faces(trigger.word))):
        return None  # "he joined the protest": someone the actors stage could not name; no crowd
    country, from_focus = crowd_country(head, location, index.article)
    if head is None:
        return add_crowd_actor(index.article, crowds()["unnamed"], country, crowds()["unnamed_sector"],
                               trigger.word.idx, trigger.word.idx + len(trigger.word), from_focus)
    return group_of(head, index, country, from_focus)


def group_of(head: Token, index: MentionIndex, country: Optional[str], from_focus: bool = False) -> Actor:
    """The unnamed group ``head`` names, with its modifiers as written ("women-led Hirak
    movement", not "led Hirak movement"; no article or quantity), of the sector its noun has."""
    kb = load_kb()
    words = [c for c in head.children if c.dep_ in ("compound", "amod") and c.i < head.i] + [head]
    first = min(w.left_edge.i for w in words)
    while first < head.i and (head.doc[first].pos_ in ("DET", "PUNCT") or head.doc[first].lower_ in crowds()["quantities"]):
        first += 1
    phrase = head.doc[first:head.i + 1]
    sector = kb.sector_of(head.text) or kb.sector_of(head.lemma_) or crowds()["sector"]
    return add_crowd_actor(index.article, phrase.text, country, sector, phrase.start_char, phrase.end_char, from_focus)


def people_acted_on(trigger: Trigger, index: MentionIndex, location: Optional[Location],
                    doer: Optional[Actor]) -> Optional[Actor]:
    """The unnamed people a coercion, an attack, aid or a release is done to ("detained 18 people",
    "deported a 95-year-old man", "the arrest of 25 members", "freed 37 prisoners", "issued an
    ultimatum to Muslim leaders", "opened its borders to refugees"), when its object names people;
    of the country where it happens, else (for a coercion) the doer's."""
    rule = crowds()
    word = trigger.word
    freed = trigger.type == "RETREAT" and releases_people(word)  # "freed 37 prisoners"
    if trigger.type not in rule["acted_on_types"] and not freed or trigger.targets:
        return None
    agent_nouns = trigger.type != "AID"  # aid to "our schools": Phoenix's agent nouns name institutions too
    heads = [people_referred_to(h) if h.lower_ in rule["group_pronouns"] else h for h in map(past_quantity, acted_on(trigger))]
    head = next((h for h in heads if h is not None and h.pos_ == "NOUN" and is_people(h, agent_nouns)), None)
    if head is None or lone_person(head, trigger):
        return None
    if nationality := nationality_of(head):
        country = nationality  # "opened its borders to Ukrainian refugees"
    elif location is not None and location.country:
        country = location.country
    elif freed or head.lemma_.lower() in rule["uprooted"]:
        country = None  # "Russia released the hostages": held, not Russian; refugees are not at home
    else:
        country = place_within(word) or (doer.country if doer and trigger.type not in rule["abroad_types"] else None)
        # an arrest is made at home; an attack or aid seldom is
    return group_of(head, index, country)


def acted_on(trigger: Trigger) -> list[Token]:
    """The nouns an act is done to: a verb's objects (of the act it threatens too: "threatened to
    use ... on them"), a noun's "of" object ("the arrest of 25 members"), and what either is aimed
    at ("issued an ultimatum to Muslim leaders", "investigations against 70 employees")."""
    word = trigger.word
    intended = [c for c in word.children if c.dep_ == "xcomp"] if trigger.type == "THREATEN" else []
    objects = [c for w in (word, *intended) for c in w.children if c.dep_ in ("dobj", "nsubjpass")] if word.pos_ == "VERB" else [
        g for c in word.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    aimed_at = crowds()["aimed_at_prepositions"]
    heads = objects + [g for w in (word, *intended, *objects) for c in w.children if c.dep_ == "prep" and c.lower_ in aimed_at
                       for g in c.children if g.dep_ == "pobj"]
    if trigger.type == "ACCUSE":  # "an investigation into claims that two servicemen abused children"
        heads = [s for h in heads for s in claim_subjects(h) or [h]]
    return heads


def facility_acted_on(trigger: Trigger, index: MentionIndex, location: Optional[Location]) -> Optional[Actor]:
    """The police or the military that hold a station, a camp or a base attacked ("attacked a
    police station in Kunduz province", "fired missiles at a Saudi air base"), or a country's
    military whose craft is hit ("shot down a US helicopter"; "the helicopter", when the story
    names it with its country elsewhere), as ACLED and PLOVER code force on a security post: of
    the country its phrase names, else where it lies."""
    rule = lexicon()["facilities"]
    if trigger.type not in rule["types"] or any(t.type != "state" for t in trigger.targets):
        return None  # a state read from the place ("stormed a military base near Mogadishu") gives way
    for noun in acted_on(trigger):
        lemma = noun.lemma_.lower()
        if lemma not in rule["nouns"] and noun.lower_ not in rule["nouns"] and lemma not in rule["craft"]:
            continue
        modifiers = [c for c in noun.children if c.dep_ in ("compound", "amod") and c.i < noun.i]
        owner = next((c for c in modifiers if c.lower_ in rule["owners"]), None)
        phrase = noun.doc[min([noun.i, *(c.i for c in modifiers)]):noun.i + 1]
        if owner is not None:
            country = nationality_of(noun) or (location.country if location is not None else None) or place_within(trigger.word)
            return add_crowd_actor(index.article, rule["names"].get(owner.lower_, owner.lower_), country,
                                   rule["owners"][owner.lower_], phrase.start_char, phrase.end_char)
        if lemma in rule["craft"] and (country := nationality_of(noun) or craft_country(noun)):
            return add_crowd_actor(index.article, rule["names"]["craft"], country, "MIL", phrase.start_char, phrase.end_char)
    return None


def craft_country(noun: Token) -> Optional[str]:
    """The country of "the helicopter" the story names with its nationality elsewhere ("US Chinook
    helicopter shot down"), when it names one and only one."""
    if not any(c.lower_ == "the" for c in noun.children):
        return None
    kb = load_kb()
    found = {kb.country_of_word(w.text) for t in noun.doc if t.lemma_.lower() == noun.lemma_.lower() and t.i != noun.i
             for w in t.subtree if w.i < t.i} - {None}  # "US Chinook helicopter": US, two words before
    return found.pop() if len(found) == 1 else None


def people_referred_to(pronoun: Token) -> Optional[Token]:
    """The unnamed people "them" stands for: the last plural noun of people before it in its
    sentence ("pinning 800 students inside and threatened to use live ammunition on them")."""
    return next((t for t in reversed(pronoun.sent[:pronoun.i - pronoun.sent.start])
                 if t.tag_ == "NNS" and is_people(t)), None)


def place_within(word: Token) -> Optional[str]:
    """The country of a place named in the clause ("killed in shelling in the east of the Gaza
    Strip"), leaving out where the act came from ("fired from Lebanon")."""
    kb = load_kb()
    for ent in entities_in(word.doc[word.left_edge.i:word.right_edge.i + 1]):
        if ent.label_ in ("GPE", "LOC") and ent.root.head.lower_ != "from":
            if iso3 := kb.country_of_place(ent.text):
                return iso3
    return None


def lone_person(noun: Token, trigger: Trigger) -> bool:
    """One unnamed person who accuses, asks or refuses ("accused of rape by a woman") belongs to no
    country the story can tell; groups ("politicians have vilified educators") and office holders
    ("a spokesman for the president disputed the report") take the story's."""
    rule = crowds()
    generic = noun.lemma_.lower() in rule["people"] or noun.lower_ in rule["people"]
    return trigger.type in rule["group_only_types"] and generic and noun.tag_ not in ("NNS", "NNPS")


def authorities_for(trigger: Trigger, index: MentionIndex, location: Optional[Location]) -> Optional[Actor]:
    """The state behind an arrest, a deportation or a sentence told in the passive with no doer
    ("was arrested in Rwanda"), or named by a noun with whom it is done to and no doer ("the
    arrest of Navalny in Moscow"): the state where it happens, else the one the story is about."""
    word = trigger.word
    if trigger.sources:
        return None
    if word.pos_ == "NOUN":
        if trigger.type != "COERCE" or not patients(word, [], index)[1]:
            return None
    elif word.pos_ != "VERB" or word.lemma_.lower() not in crowds()["state_acts"]:
        return None
    else:
        undergoer = any(c.dep_ == "nsubjpass" for c in word.children) or (word.dep_ == "acl" and word.tag_ == "VBN")
        if not undergoer or any(c.dep_ == "agent" for c in word.children):
            return None  # "the civilians imprisoned for acting against Moscow" undergo it too
    country = location.country if location is not None and location.country else story_country(index.article)
    return state_named(index, country, word.idx, word.idx + len(word)) if country else None


def plea_made_to(trigger: Trigger, index: MentionIndex, location: Optional[Location]) -> Optional[Actor]:
    """The state a guilty plea is made to: where it happens, else the story's country."""
    if trigger.type != lexicon()["pleas"]["type"] or trigger.targets or not pleads_guilty(trigger.word):
        return None
    country = location.country if location is not None and location.country else story_country(index.article)
    word = trigger.word
    return state_named(index, country, word.idx, word.idx + len(word)) if country else None


def unnamed_doers(trigger: Trigger, index: MentionIndex, location: Optional[Location]) -> Optional[Actor]:
    """The unnamed people who use force or coerce ("gunmen killed five policemen", "were
    abducted by gunmen"): the subject, or a passive's agent, when it names people; of the
    country where they act, else of a place their clause names, else of the story's."""
    word = trigger.word
    intended = word.dep_ == "xcomp" and word.head.lemma_.lower() in lexicon()["intent_verbs"]  # read as AGREE or THREATEN
    if trigger.type not in crowds()["acted_on_types"] + crowds()["doer_types"] and not intended or trigger.sources:
        return None
    if word.pos_ != "VERB":
        return None
    controller = object_controller(word)  # "trained rebels to fight"
    doers = ([c for c in word.children if c.dep_ == "nsubj"]
             or [g for c in word.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
             or ([controller] if controller is not None else
                 [c for c in word.head.children if word.dep_ == "xcomp" and c.dep_ == "nsubj"]))  # "agreed to hand over"
    head = past_quantity(doers[0]) if doers else None
    if head is not None and head.lower_ in crowds()["group_pronouns"] and word.dep_ == "ccomp" and (
            is_speech_verb(word.head)):  # "opposition members said they will release ...": the members
        head = past_quantity(next((c for c in word.head.children if c.dep_ == "nsubj"), None))
    if head is None or head.pos_ != "NOUN" or not is_people(head) or lone_person(head, trigger):
        return None
    country, from_focus = crowd_country(head, location, index.article)
    if (country is None or from_focus) and (here := place_within(word)):
        country, from_focus = here, False  # "a judge rejected ... the hearing at a London court": the UK
    return group_of(head, index, country, from_focus)


def force_origin(trigger: Trigger, index: MentionIndex) -> Optional[Actor]:
    """The side behind force whose doer the text names only by its weapons or its origin: the
    nationality of the weapons ("Israeli jets struck Hamas targets", "killed by Israeli strikes"),
    the place the attack came from ("a mortar bomb was fired at Israel from the Gaza Strip":
    Palestine) or the nationality of the attack it came in ("were killed in Israeli tank
    shelling"), as CAMEO coders read them."""
    rule = crowds()
    word = trigger.word
    if trigger.type not in rule["origin_types"] or trigger.sources or word.pos_ != "VERB":
        return None
    kb = load_kb()
    by = [g for c in word.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    weapons = [c for c in word.children if c.dep_ == "nsubj" and c.lemma_.lower() in rule["attack_words"]] + [
        g for g in by if g.lemma_.lower() in rule["attack_words"]]  # "killed by Israeli strikes"
    passive = any(c.dep_ == "nsubjpass" for c in word.children) or word.tag_ == "VBN" and word.dep_ == "acl"
    if not weapons and (not passive or by):
        return None
    heads = [(head, "in") for head in weapons] + [
        (g, c.lower_) for c in word.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    for head, preposition in heads:
        if preposition == "from" and (place := name_of(head)) is not None:
            iso3 = kb.country_of_place(place.text)
        elif preposition in ("in", "during") and head.lemma_.lower() in rule["attack_words"]:
            iso3 = next((kb.country_of_word(c.text) for c in head.children
                         if c.dep_ in ("amod", "compound") and kb.country_of_word(c.text)), None)
        else:
            continue
        if iso3:
            return state_named(index, iso3, head.idx, head.idx + len(head))
    return None
