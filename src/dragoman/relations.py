"""Relations: who stands with whom, and against whom, read from the words and the events of an article.

An analyst wants the alliances and enmities an article states or shows, not only the ones it names
with "ally". So relations come from four kinds of evidence, each kept as data in
``data/claims/relations.json``:

- relation nouns, with the holder found by position or grammar: ``Assad ally Russia``, ``Russia, an
  ally of Assad``, ``Qatar is a fierce critic of Assad``, ``Iran and Russia are partners``;
- relation phrases: ``strikes against ISIL``, ``in support of the government of Iraq``, ``fighting
  alongside``, ``at war with``, ``sided with``, ``stands by``;
- hostile verbs with an object (``the campaign to defeat Daesh``) and backing participles
  (``Kremlin-backed separatists``, ``rebels backed by Turkey``);
- events: ASSAULT, COERCE, THREATEN, SANCTION oppose; AID and SUPPORT support; COOPERATE and AGREE
  make partners; ACCUSE criticises. Only events reported as fact (not claimed, denied or
  hypothetical), and only between actors the sentence names as parties: an actor named as the
  place (``strikes in Iraq``) or an actor's own state (``Iraqi forces`` and Iraq) is not an enemy.

Alliance and partnership are symmetric (one relation, its two sides in text order); support,
opposition and criticism are directed. Who says "our" or "we" is not an actor here, so ``our ally
Turkey`` gives nothing: the speaker is the quotes stage's business.
"""

from __future__ import annotations

from typing import Iterator, NamedTuple, Optional

from spacy.tokens import Doc, Span, Token

from dragoman.data_files import load_json
from dragoman.doc_views import doc_tokens
from dragoman.mention_index import MentionIndex, clause_subject, index_of
from dragoman.record import Actor, Article, Relation

VERBAL = ("VERB", "AUX")
OWNER_DEPS = ("poss", "compound", "amod", "nmod")


class Found(NamedTuple):
    a: Actor
    b: Actor
    kind: str
    start: int
    end: int
    confidence: float


def relation_words() -> dict:
    return load_json("claims/relations.json")


def holders(token: Optional[Token], index: MentionIndex) -> list[Actor]:
    """Who does or is what ``token`` heads: the actors of a noun phrase, or of a verb's subject
    (climbing from a noun to its verb: ``ISIL's defenses`` is ISIL's, ``forces conducted strikes``
    the forces')."""
    for _ in range(4):
        if token is None:
            return []
        if token.pos_ in VERBAL:
            subject = clause_subject(token)
            return index.of_phrase(subject) if subject is not None else []
        if token.dep_ not in ("pobj", "dobj") or token.pos_ == "PROPN":
            named = index.in_phrase(token)
        else:  # an object is the verb's subject's act, unless its owner is named: "improve ISIL's defenses",
            # "continue coalition operations"
            named = [a for c in token.children if c.dep_ in OWNER_DEPS for a in index.of_phrase(c)]
        if named:
            return named
        if token.head is token:
            return []
        token = token.head
    return []


def objects(preposition: Token, index: MentionIndex) -> list[Actor]:
    return [a for g in preposition.children if g.dep_ == "pobj" for a in index.of_phrase(g)]


def pairs(left: list[Actor], right: list[Actor], kind: str, sentence: Span, confidence: float) -> Iterator[Found]:
    for a in left:
        for b in right:
            if a is not b:
                yield Found(a, b, kind, sentence.start_char, sentence.end_char, confidence)


def from_nouns(doc: Doc, index: MentionIndex, words: dict) -> Iterator[Found]:
    """``Assad ally Russia``, ``Russia, an ally of Assad``, ``Qatar ... is a critic of Assad``,
    ``Iran and Russia are partners``."""
    confidence = words["noun_confidence"]
    for token in doc_tokens(doc):
        kind = words["nouns"].get(token.lower_)
        if kind is None or token.pos_ not in ("NOUN", "PROPN"):
            continue
        others = [index.at(c) for c in token.children if c.dep_ in ("compound", "poss", "amod") and index.at(c)]
        others += [a for c in token.children if c.lower_ == "of" for a in objects(c, index)]
        following = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if following is not None and following.pos_ == "PROPN" and index.at(following) is not None:
            holder = [index.at(following)]  # "Assad ally Russia"
        elif token.dep_ in ("compound", "appos"):
            holder = index.of_phrase(token.head)  # "Russia, an ally of Assad"
        elif token.dep_ in ("attr", "acomp") and token.head.pos_ in VERBAL:
            holder = holders(token.head, index)  # "Qatar is a critic of Assad"
        else:
            holder = []
        if not others and kind in words["symmetric"] and len(holder) > 1:
            for i, a in enumerate(holder):  # "Iran and Russia are partners"
                yield from pairs([a], holder[i + 1:], kind, token.sent, confidence)
            continue
        yield from pairs(holder, others, kind, token.sent, confidence)


def phrase_at(doc: Doc, i: int, words: list[str]) -> bool:
    return i + len(words) <= len(doc) and all(doc[i + k].lower_ == w for k, w in enumerate(words))


def from_phrases(doc: Doc, index: MentionIndex, words: dict) -> Iterator[Found]:
    """``strikes against ISIL``, ``in support of the government of Iraq``, ``at war with``: the one
    whose act or state the phrase modifies, related to the phrase's object."""
    by_first_word: dict[str, list[tuple[dict, list[str]]]] = {}
    for phrase in words["phrases"]:
        tokens = phrase["words"].split()
        by_first_word.setdefault(tokens[0], []).append((phrase, tokens))
    for i, token in enumerate(doc):
        for phrase, tokens in by_first_word.get(token.lower_, ()):
            if not phrase_at(doc, i, tokens):
                continue
            last = doc[i + len(tokens) - 1]
            anchor = token if token.pos_ in VERBAL else token.head
            heads = phrase.get("heads")
            if heads:  # the act the phrase belongs to: "defenses against", "conducted strikes against"
                before = doc[i - 1] if i > 0 else anchor
                anchor = next((a for a in (before, anchor, anchor.head)
                               if a.lemma_.lower() in words[heads] or a.lower_ in words[heads]), None)
                if anchor is None:
                    continue
            yield from pairs(holders(anchor, index), objects(last, index), phrase["kind"], token.sent,
                             phrase["confidence"])


def from_verbs(doc: Doc, index: MentionIndex, words: dict) -> Iterator[Found]:
    """Hostile verbs with their object (``the campaign to defeat Daesh``: the campaign's owner, or
    the clause's subject, opposes Daesh) and backing participles (``Kremlin-backed separatists``,
    ``rebels backed by Turkey``: the backer supports the backed)."""
    for token in doc_tokens(doc):
        lemma = token.lemma_.lower()
        if token.pos_ == "VERB" and lemma in words["hostile_verbs"] and not any(c.dep_ == "neg" for c in token.children):
            targets = [a for c in token.children if c.dep_ == "dobj" for a in index.of_phrase(c)]
            owner = token.head if token.dep_ in ("acl", "xcomp") and token.head.pos_ == "NOUN" else token
            doers = holders(owner, index) or holders(token, index)
            yield from pairs(doers, targets, "opposes", token.sent, words["hostile_verb_confidence"])
        elif token.lower_ in words["backing_participles"]:
            backers = [index.at(c) for c in token.children if c.dep_ in ("npadvmod", "compound", "nmod") and index.at(c)]
            backers += [a for c in token.children if c.dep_ == "agent" for a in objects(c, index)]
            if token.dep_ in ("amod", "acl"):
                backed = index.of_phrase(token.head)
            else:
                backed = [a for c in token.children if c.dep_ == "nsubjpass" for a in index.of_phrase(c)]
            yield from pairs(backers, backed, "supports", token.sent, words["backing_confidence"])


def party_in(actor: Actor, start: int, end: int, doc: Doc, words: dict) -> bool:
    """The actor is named in ``start``..``end`` as a party, not only as the place (``in Iraq``)."""
    for mention in actor.mentions:
        if start <= mention.start < end:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None or span.root.head.lower_ not in words["place_prepositions"]:
                return True
    return False


def own_state(source: Actor, target: Actor, words: dict) -> bool:
    """``Iraqi forces`` and Iraq: one side is the other's own state, and not as its insurgents."""
    sector = (source.code or "")[3:6]
    return (target.type == "state" and source.country == target.country and sector not in words["insurgent_sectors"])


def from_events(article: Article, doc: Doc, words: dict) -> Iterator[Found]:
    actors = {a.id: a for a in article.actors}
    for event in article.events:
        kind = words["events"].get(event.type)
        source, target = actors.get(event.source or ""), actors.get(event.target or "")
        if kind is None or source is None or target is None or source is target:
            continue
        if event.status not in words["event_statuses"] or own_state(source, target, words) or own_state(target, source, words):
            continue
        if party_in(source, event.start, event.end, doc, words) and party_in(target, event.start, event.end, doc, words):
            yield Found(source, target, kind, event.start, event.end, event.confidence)


def find_relations(article: Article, doc: Doc) -> list[Relation]:
    """Every relation once: the first evidence in the text, with the highest confidence found."""
    words = relation_words()
    index = index_of(doc, article)
    order = {a.id: min((m.start for m in a.mentions), default=0) for a in article.actors}
    found: dict[tuple[str, str, str], Relation] = {}
    every = [*from_nouns(doc, index, words), *from_phrases(doc, index, words), *from_verbs(doc, index, words),
             *from_events(article, doc, words)]
    for item in sorted(every, key=lambda f: f.start):
        a, b = item.a.id, item.b.id
        if item.kind in words["symmetric"] and order[b] < order[a]:
            a, b = b, a
        key = (a, b, item.kind)
        if key in found:
            found[key].confidence = max(found[key].confidence or 0.0, item.confidence)
        else:
            found[key] = Relation(a, b, item.kind, item.start, item.end, confidence=item.confidence)
    return list(found.values())
