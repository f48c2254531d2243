"""Who protests when no actor is named: the crowd.

A strike, a march or a protest is usually done by people the text does not name ("thousands of
textile workers in Haiti went on strike", "protests erupted in Bolivia against the interim
government"). PLOVER codes the crowd as the source, of the country where it protests; without
it the protest is lost. The crowd is the subject of the protest (or of the verb a protest noun
hangs on), read past a quantity ("tens of thousands of people"); with no subject, the protesters
themselves, cited at the protest word. Its country is the place of the protest, else a place
named within the crowd's own phrase, else the story's leading country.
"""

from __future__ import annotations

from collections import Counter
from typing import Optional

from spacy.tokens import Token

from dragoman.actors import add_crowd_actor
from dragoman.actors.context import leading_country
from dragoman.actors.kb import load_kb
from dragoman.data_files import load_json
from dragoman.events.readings import Trigger
from dragoman.mention_index import MentionIndex
from dragoman.record import Actor, Article, Location


def crowd_rule() -> dict:
    return load_json("events/triggers.json")["crowds"]


def crowd_head(trigger: Token) -> Optional[Token]:
    """The noun of the crowd doing the protest: the subject of a protest verb, or of the verb a
    protest noun is the object of ("staged a sit-in") or sits in ("stopped work in a strike");
    past a quantity ("thousands of workers": workers; "student groups" stay groups)."""
    verb = trigger
    if trigger.pos_ == "NOUN":
        verb = trigger.head.head if trigger.dep_ == "pobj" else trigger.head
        if trigger.dep_ in ("nsubj", "nsubjpass") or verb.pos_ not in ("VERB", "AUX"):
            return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    while subject is not None and subject.lemma_.lower() in crowd_rule()["quantities"]:
        counted = next((g for c in subject.children if c.dep_ == "prep" and c.lower_ == "of"
                        for g in c.children if g.dep_ == "pobj"), None)
        if counted is None:
            break  # "student groups" are the crowd
        subject = counted
    if subject is None or subject.pos_ != "NOUN":
        return None  # a pronoun or a name is for the actors stage, not a crowd
    return subject


def crowd_country(head: Optional[Token], location: Optional[Location], article: Article) -> tuple[Optional[str], bool]:
    """Where the crowd protests, else a place named in its own phrase ("workers in Peru"), else
    the country the story's actors belong to when one leads clearly (as the actors stage gives
    home bodies; the second value says the country is only the story's focus)."""
    if location is not None and location.country:
        return location.country, False
    kb = load_kb()
    for token in head.subtree if head is not None else ():
        if token.ent_type_ in ("GPE", "LOC") and (iso3 := kb.country_of_place(token.text) or kb.country_of_word(token.text)):
            return iso3, False
    focus = leading_country(Counter(a.country for a in article.actors for _ in a.mentions if a.country), kb)
    return focus, focus is not None


def crowd_of(trigger: Trigger, index: MentionIndex, location: Optional[Location]) -> Optional[Actor]:
    """The crowd actor for a PROTEST trigger no named actor does."""
    if trigger.type != "PROTEST" or trigger.sources:
        return None
    head = crowd_head(trigger.word)
    if head is None and not (trigger.nominal and trigger.word.dep_ in ("nsubj", "nsubjpass")):
        return None  # "he joined the protest": someone the actors stage could not name; no crowd
    kb = load_kb()
    if head is not None:
        words = [c for c in head.children if c.dep_ in ("compound", "amod") and c.i < head.i] + [head]
        first = min(w.left_edge.i for w in words)  # "women-led Hirak movement", not "led Hirak movement"
        while first < head.i and (head.doc[first].pos_ == "DET" or head.doc[first].lower_ in crowd_rule()["quantities"]):
            first += 1
        phrase = head.doc[first:head.i + 1]
        name = phrase.text
        sector = kb.sector_of(head.text) or kb.sector_of(head.lemma_) or crowd_rule()["sector"]
        start, end = phrase.start_char, phrase.end_char
    else:
        name, sector = crowd_rule()["unnamed"], crowd_rule()["unnamed_sector"]
        start, end = trigger.word.idx, trigger.word.idx + len(trigger.word)
    country, from_focus = crowd_country(head, location, index.article)
    return add_crowd_actor(index.article, name, country, sector, start, end, from_focus)
