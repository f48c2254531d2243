"""The mention index: the one place that maps tokens and characters to actors, knows the text's
quotation marks, tells a speech verb and finds a clause's subject.

The actors stage cites every mention; the quotes, events and claims stages ask this index who a
token names, whether a word is inside someone's quoted words, whether a verb reports speech and who
a clause's subject is. None of them re-implements these answers, so a fix here (or a trained
component put here) reaches every stage at once. One index is built per Doc, after the actors
stage, and kept on the Doc (``index_of(doc)``).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import cached_property, lru_cache
from typing import Optional

from spacy.tokens import Doc, Span, Token

from dragoman.data_files import load_json, speech_verbs
from dragoman.doc_views import noun_chunks, text_of, tokens_of_pos, views_of
from dragoman.quotemarks import Quoted, quoted_spans
from dragoman.record import Actor, Article, Quote

if not Doc.has_extension("dragoman_index"):
    Doc.set_extension("dragoman_index", default=None)
if not Doc.has_extension("dragoman_marks"):
    Doc.set_extension("dragoman_marks", default=None)


def words() -> dict:
    return load_json("mentions.json")


def without_suffixes(parts: list[str]) -> list[str]:
    """A name's lower-case words without a trailing generational suffix ("jr", "iii"), which is no
    family name: "Patrick W. Carlineo Jr." is shortened to "Carlineo"."""
    suffixes = words()["name_suffixes"]
    while len(parts) > 1 and parts[-1] in suffixes:
        parts = parts[:-1]
    return parts


@lru_cache(maxsize=1 << 14)
def family_name(name: str) -> str:
    """The last word of a person's name that is no generational suffix, lower-cased and without its
    full stop: "carlineo" for "Patrick W. Carlineo Jr."."""
    parts = without_suffixes([w.rstrip(".").lower() for w in name.split()])
    return parts[-1] if parts else ""


def quote_marks(doc: Doc) -> list[Quoted]:
    """The stretches of the text between quotation marks, found once per Doc."""
    if doc._.dragoman_marks is None:
        doc._.dragoman_marks = quoted_spans(text_of(doc))
    return doc._.dragoman_marks


def is_speech_verb(token: Token) -> bool:
    """A verb that reports speech (``said``, ``warned``, ``told``): by its lemma or its form."""
    return token.i in speech_verbs_of(token.doc)


def speech_verbs_of(doc: Doc) -> frozenset[int]:
    """The indexes of the Doc's speech verbs, told once per Doc: the quotes, events and claims
    stages ask of every verb, some of them several times."""
    views = views_of(doc)
    if "speech verbs" not in views:
        verbs = speech_verbs()
        views["speech verbs"] = frozenset(token.i for token in tokens_of_pos(doc, "VERB", "AUX")
                                          if token.lemma_.lower() in verbs or token.lower_ in verbs)
    return views["speech verbs"]


def is_to_clause(token: Token) -> bool:
    """A verb with its infinitive marker: "(urged them) to act", "(would need) to deliver"."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def clause_subject(verb: Token) -> Optional[Token]:
    """Who does what ``verb`` says: the agent of a passive, the nearest subject (two parsed: the
    nearer one), the antecedent of a relative pronoun, or, for a verb with none of its own, the
    subject of the verb it hangs on (``warning that ...``, ``is scheduled to attend``,
    ``issued a statement warning ...``). A passive verb's own subject is its patient, not its doer."""
    climb = words()["subject_climb_deps"]
    token = verb
    for _ in range(words()["subject_max_climb"]):
        controller = object_controller(token)
        if controller is not None:
            return controller
        agents = [g for c in token.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        if agents:
            return agents[0]
        subjects = sorted((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")),
                          key=lambda c: abs(c.i - token.i))
        if subjects:
            subject = subjects[0]
            if subject.lower_ in words()["relative_pronouns"] and token.dep_ == "relcl":
                return token.head  # "an Army officer who described ..."
            return subject if subject.dep_ == "nsubj" or token is not verb else None
        if token.dep_ == "acl" and token.head.pos_ == "PROPN" and token.head.dep_ not in words()["object_deps"]:
            return token.head  # "Safadi warning of ...", but not "posted on Twitter accusing ..."
        if token.dep_ == "acl" and token.head.head.pos_ in ("VERB", "AUX"):
            token = token.head.head  # "issued a statement warning that ...": who issued it
        elif token.dep_ in climb and token.head.i != token.i:
            token = token.head
        else:
            return None
    return None


def possessive_antecedent(noun: Token) -> Optional[Token]:
    """Whose act a verb's object is when a possessive pronoun owns it: "The United States began its
    withdrawal from Afghanistan", "the rebels resumed their attacks" (the verb's subject, when it
    agrees with the pronoun in number; "Russia condemned their attacks" is someone else's)."""
    numbers = words()["possessive_pronouns"]
    pronoun = next((c for c in noun.children if c.dep_ == "poss" and c.lower_ in numbers), None)
    if pronoun is None or noun.dep_ not in ("dobj", "pobj"):
        return None
    verb = noun.head.head if noun.dep_ == "pobj" else noun.head
    subject = clause_subject(verb) if verb.pos_ == "VERB" else None
    if subject is None or subject.pos_ == "PRON":
        return None
    plural = subject.tag_ in ("NNS", "NNPS") or bool(subject.conjuncts)
    return subject if plural == (numbers[pronoun.lower_] == "plural") else None


def object_controller(token: Token) -> Optional[Token]:
    """Who does a gerund after ``of``/``for`` that hangs on a verb's object: ``accused Israel of
    attacking`` (Israel), ``was accused of lying`` (the passive verb's subject)."""
    preposition = token.head
    if token.dep_ != "pcomp" or preposition.dep_ != "prep" or preposition.lower_ not in words()["object_control_prepositions"]:
        return None
    governor = preposition.head
    if governor.pos_ != "VERB":
        return None
    objects = [c for c in governor.children if c.dep_ in ("dobj", "nsubjpass")]
    return objects[0] if objects else None


class MentionIndex:
    """Which actor a character of the text belongs to, and which actor a group word names."""

    def __init__(self, doc: Doc, article: Article):
        self.doc = doc
        self.article = article
        self.marks = quote_marks(doc)
        self.by_char: dict[int, Actor] = {}
        self.by_word: dict[str, Actor] = {}
        for actor in article.actors:
            self.add(actor)

    def add(self, actor: Actor) -> None:
        for mention in actor.mentions:
            for offset in range(mention.start, mention.end):
                self.by_char.setdefault(offset, actor)
            if actor.type not in ("person", "state") and " " not in mention.text:
                self.by_word.setdefault(mention.text.lower().rstrip("s"), actor)

    def add_quoted_speakers(self, quotes: list[Quote]) -> None:
        """First-person pronouns inside a direct quotation are its speaker ("We thank the Afghan
        government," the State Department said); read once the quotes stage has run."""
        actors = {a.id: a for a in self.article.actors}
        pronouns = set(words()["first_person_pronouns"])
        for quote in quotes:
            speaker = actors.get(quote.speaker or "")
            if quote.kind != "direct" or speaker is None:
                continue
            span = self.doc.char_span(quote.start, quote.end, alignment_mode="expand")
            for token in span if span is not None else ():
                if token.lower_ in pronouns:
                    self.by_char.setdefault(token.idx, speaker)

    @property
    def states(self) -> dict[str, Actor]:
        return {a.country: a for a in self.article.actors if a.type == "state" and a.country}

    def at(self, token: Token) -> Optional[Actor]:
        return self.by_char.get(token.idx)

    def covering(self, start: int, end: int) -> Optional[Actor]:
        """The actor with the longest mention inside ``start``..``end``."""
        best: Optional[tuple[int, Actor]] = None
        for actor in self.article.actors:
            for m in actor.mentions:
                if start <= m.start and m.end <= end and (best is None or m.end - m.start > best[0]):
                    best = (m.end - m.start, actor)
        return best[1] if best else None

    def person_by_surname(self, head: Token) -> Optional[Actor]:
        """``Trump tweeted``, where the parser found no name to mention: the one person so called."""
        if not head.text[:1].isupper():
            return None
        lower = head.lower_
        named = [a for a in self.article.actors if a.type == "person" and family_name(a.name) == lower]
        return named[0] if len(named) == 1 else None

    def of_phrase(self, head: Token) -> list[Actor]:
        """The actors a noun phrase names, its conjuncts included."""
        found: list[Actor] = []
        first = self.at(head)
        listed = [c for c in head.children if c.dep_ == "appos" and (named := self.at(c)) is not None
                  and named is not first and named.type == first.type  # "The US, Russia, and Switzerland"
                  ] if first is not None else []
        for token in [head, *head.conjuncts, *(w for c in listed for w in (c, *c.conjuncts))]:
            for actor in self.in_phrase(token):
                if actor not in found:
                    found.append(actor)
        return found

    def in_phrase(self, token: Token) -> list[Actor]:
        """An actor named by the word, by its modifiers (``Assad's forces``; not ``Assad's critics``,
        whose owner is whom they stand against), or through a partitive (``some of the rebel groups``)."""
        actor = self.at(token)
        if actor is not None:
            return [actor]
        modifiers = words()["modifier_deps"]
        found = []
        children = list(token.children)  # walked once: each walk makes every child's Token again
        deps = [c.dep_ for c in children]
        relational = token.lemma_.lower() in words()["relational_heads"]  # "Assad's critics" are not Assad
        for _, n in sorted((modifiers.index(dep), n) for n, dep in enumerate(deps) if dep in modifiers):
            child = children[n]
            if relational and deps[n] == "poss":
                continue
            if child.i < token.i or deps[n] == "appos":
                for word in [child, *child.conjuncts]:
                    named = self.at(word) or self.by_word.get(word.lower_.rstrip("s"))
                    if named is not None and named not in found:
                        found.append(named)
        if found:
            return found[:1] if "appos" in deps else found
        if token.lower_ not in words()["partitive_heads"] and token.pos_ not in ("PRON", "NUM", "DET"):
            return []
        partitive = [g for c in children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
        return self.of_phrase(partitive[0]) if partitive else []

    @cached_property
    def noun_chunks(self) -> list[Span]:
        """The Doc's base noun phrases, found once: ``Span.noun_chunks`` walks the whole Doc per call."""
        return noun_chunks(self.doc)

    @cached_property
    def chunk_starts(self) -> Optional[list[int]]:
        """Where each noun phrase starts, if in text order (as spaCy's English chunker gives them)."""
        starts = [chunk.start for chunk in self.noun_chunks]
        return starts if starts == sorted(starts) else None

    def noun_chunks_in(self, span: Span) -> list[Span]:
        """The noun phrases inside ``span``: those starting within it, found by bisection."""
        chunks, starts = self.noun_chunks, self.chunk_starts
        if starts is not None:
            chunks = chunks[bisect_left(starts, span.start):bisect_right(starts, span.end)]
        return [chunk for chunk in chunks if span.start <= chunk.start and chunk.end <= span.end]

    def in_marks(self, token: Token) -> bool:
        """The word is inside someone's quoted words."""
        return any(q.start <= token.idx < q.end for q in self.marks)


def index_of(doc: Doc, article: Article) -> MentionIndex:
    """The Doc's mention index, built on first use after the actors stage."""
    if doc._.dragoman_index is None or doc._.dragoman_index.article is not article:
        doc._.dragoman_index = MentionIndex(doc, article)
    return doc._.dragoman_index
