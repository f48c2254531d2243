"""Who did what to whom: the actors standing in an event's source and target positions.

The actors stage has cited every mention; here a token of the parse is mapped back to the actor
whose mention covers it, looking through modifiers ("Assad's forces"), partitives ("some of the
rebel groups") and coordination ("Moscow and Tehran", "Iraqi and Syrian counterparts").
"""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from dragoman.data_files import speech_verbs
from dragoman.actors.kb import load_kb
from dragoman.record import Actor, Article, Span

MODIFIER_DEPS = ("appos", "compound", "amod", "poss", "nmod")
PARTITIVE_HEADS = ("some", "many", "most", "all", "part", "several", "members", "number", "one", "none",
                   "each", "both", "few", "rest", "majority", "dozens", "hundreds", "thousands")
SUBJECT_DEPS = ("nsubj", "nsubjpass")


class ActorIndex:
    """Which actor a character of the text belongs to, and which actor a group word names."""

    def __init__(self, article: Article):
        self.by_char: dict[int, Actor] = {}
        self.by_word: dict[str, Actor] = {}
        for actor in article.actors:
            for mention in actor.mentions:
                for offset in range(mention.start, mention.end):
                    self.by_char.setdefault(offset, actor)
                if actor.type not in ("person", "state") and " " not in mention.text:
                    self.by_word.setdefault(mention.text.lower().rstrip("s"), actor)
        self.article = article
        self.states = {a.country: a for a in article.actors if a.type == "state" and a.country}

    def state(self, iso3: Optional[str], start: int, end: int) -> Optional[Actor]:
        """The article's actor for country ``iso3``, added (cited at ``start``..``end``, with a
        lower confidence) when the article names the country only as a place or an adjective."""
        if not iso3:
            return None
        if iso3 not in self.states:
            country = load_kb().countries.get(iso3)
            if country is None:
                return None
            actor = Actor(id=f"a{len(self.article.actors) + 1}", name=country.name, type="state", country=iso3,
                          code=iso3, confidence=0.5, mentions=[Span(start, end, self.article.text[start:end])])
            self.article.actors.append(actor)
            self.states[iso3] = actor
        return self.states[iso3]

    def at(self, token: Token) -> Optional[Actor]:
        return self.by_char.get(token.idx)

    def of_phrase(self, head: Token) -> list[Actor]:
        """The actors a noun phrase names, its conjuncts included."""
        found: list[Actor] = []
        first = self.at(head)
        listed = [c for c in head.children if c.dep_ == "appos" and first is not None and self.at(c) is not None
                  and self.at(c) is not first and self.at(c).type == first.type]  # "The US, Russia, and Switzerland"
        for token in [head, *head.conjuncts, *(w for c in listed for w in (c, *c.conjuncts))]:
            for actor in self.in_phrase(token):
                if actor not in found:
                    found.append(actor)
        return found

    def in_phrase(self, token: Token) -> list[Actor]:
        actor = self.at(token)
        if actor is not None:
            return [actor]
        found = []
        children = sorted(token.children, key=lambda c: MODIFIER_DEPS.index(c.dep_) if c.dep_ in MODIFIER_DEPS else 9)
        for child in children:
            if child.dep_ in MODIFIER_DEPS and (child.i < token.i or child.dep_ == "appos"):
                for word in [child, *child.conjuncts]:
                    named = self.at(word) or self.by_word.get(word.lower_.rstrip("s"))
                    if named is not None and named not in found:
                        found.append(named)
        if found:
            return found[:1] if any(c.dep_ == "appos" for c in token.children) else found
        if token.lower_ not in PARTITIVE_HEADS and token.pos_ not in ("PRON", "NUM", "DET"):
            return []
        partitive = [g for c in token.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
        return self.of_phrase(partitive[0]) if partitive else []


def subjects_of(verb: Token, index: ActorIndex) -> list[Actor]:
    """The verb's subjects, or the agent of a passive, or the subject of the verb it hangs on."""
    token = verb
    for _ in range(5):
        subjects = sorted((c for c in token.children if c.dep_ in SUBJECT_DEPS), key=lambda c: abs(c.i - token.i))
        agents = [g for c in token.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        if agents:
            return index.of_phrase(agents[0])
        if subjects and (subjects[0].dep_ == "nsubj" or token is not verb):
            return index.of_phrase(subjects[0])  # "Obama is scheduled to attend": Obama attends
        if subjects and subjects[0].lower_ in ("who", "which", "that"):
            return index.of_phrase(token.head)
        if token.dep_ in ("xcomp", "advcl", "conj", "relcl", "acl", "pcomp", "pobj", "dobj", "prep") and token.head is not token:
            token = token.head
        else:
            return []
    return []


def targets_of(word: Token, index: ActorIndex, prepositions: tuple[str, ...], into_clauses: bool | str = False) -> list[Actor]:
    """Objects, datives and prepositional objects of a trigger, of a purpose clause, and, with no
    object of its own, of what it demands or threatens (``demanded that Israel withdraw``,
    ``threatened to attack Iran``); ``into_clauses="subject"`` takes only the clause's subject
    (``claimed that ISIL had attacked Iraq``: ISIL is accused, not Iraq)."""
    found: list[Actor] = []
    heads = [c for c in word.children if c.dep_ in ("dobj", "dative", "attr")]
    heads += [g for c in word.children if c.dep_ == "prep" and c.lower_ in prepositions
              for g in c.children if g.dep_ == "pobj"]
    for clause in (c for c in word.children if c.dep_ in ("xcomp", "advcl", "acl", "relcl") and c.pos_ == "VERB"):
        if clause.lemma_.lower() in speech_verbs():
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
