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

import re
from typing import Iterator, NamedTuple, Optional

from spacy.tokens import Doc, Span, Token

from dragoman.data_files import load_json
from dragoman.doc_views import sentence_of, tokens_of_pos, tokens_of_words
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
    rule: str = ""
    """Which rule found it (``noun:ally``, ``phrase:against``, ``verb:defeat``, ``event:ASSAULT``):
    for counting each rule's firings (``benchmarks/relation_rules.py``)."""


def relation_words() -> dict:
    return load_json("claims/relations.json")


def holders(token: Optional[Token], index: MentionIndex, words: dict) -> list[Actor]:
    """Who does or is what ``token`` heads: the actors of a noun phrase, or of a verb's subject
    (climbing from a noun to its verb: ``ISIL's defenses`` is ISIL's, ``forces conducted strikes``
    the forces'). Conjuncts and prepositions do not count as steps: ``the use of suicide vehicles,
    IEDs and chemical weapons against the SDF`` climbs from ``weapons`` to who was involved."""
    steps = 0
    while token is not None and steps < words["holder_max_climb"]:
        if token.pos_ in VERBAL:
            return doers(token, index, words)
        if token.dep_ not in ("pobj", "dobj") or token.pos_ == "PROPN":
            named = index.in_phrase(token)
        else:  # an object is the verb's subject's act, unless its owner is named: "improve ISIL's defenses",
            # "continue coalition operations"
            named = [a for c in token.children if c.dep_ in OWNER_DEPS for a in index.of_phrase(c)]
        if named:
            return named
        if token.head.i == token.i or token.dep_ in ("nsubj", "nsubjpass"):
            return []  # "this shared fight against Da'esh will be aided by Syrians": no one's fight
        if token.pos_ == "NOUN" and token.head.pos_ in VERBAL and (token.dep_ != "dobj" or token.head.lemma_.lower() not in words["doing_verbs"]):
            return []  # "the United States condemns attacks against the Iraqi people": not its attacks
        steps += token.dep_ not in ("conj", "prep", "pobj")
        token = token.head
    return []


def doers(verb: Token, index: MentionIndex, words: dict) -> list[Actor]:
    """Who does what ``verb`` says: the object of a verb of control before it (``assisting the
    Iraqi government to degrade and destroy ISIL``, ``press the regime to cease airstrikes``), else
    its subject; a relative pronoun's antecedent that names no one hands over to the nearest noun
    above it that does (``forces operating in the north of the country who are leading``)."""
    head = verb
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
    controlled_clause = head.dep_ == "xcomp" or head.dep_ == "advcl" and any(c.lower_ == "to" for c in head.children)
    if controlled_clause and head.head.lemma_.lower() in words["object_control_verbs"]:
        controlled = [c for c in head.head.children if c.dep_ == "dobj"]
        if controlled:
            return index.of_phrase(controlled[0])
    subject = clause_subject(verb)
    if subject is None and verb.lemma_.lower() in words["doer_passives"]:  # "Abu Jandal was involved in the use of ..."
        subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subject is None:
        return []
    relative = any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in words["relative_pronouns"] for c in head.children)
    steps = 0
    while relative and not index.of_phrase(subject) and subject.head.i != subject.i and steps < words["holder_max_climb"]:
        subject = subject.head
        steps += 1
        if subject.pos_ in ("NOUN", "PROPN") and index.in_phrase(subject):
            return index.in_phrase(subject)
    if (subject.pos_ == "NOUN" and index.at(subject) is None and subject.lemma_.lower() not in words["act_nouns"]
            and not any(c.lower_ == "of" for c in subject.children)):
        return []  # "his death will degrade ISIL's ability": a death acts for no one ("a series of strikes" may)
    return index.of_phrase(subject)


def objects(preposition: Token, index: MentionIndex) -> list[Actor]:
    return [a for g in preposition.children if g.dep_ == "pobj" for a in index.of_phrase(g)]


def pairs(left: list[Actor], right: list[Actor], kind: str, sentence: Span, confidence: float,
          rule: str) -> Iterator[Found]:
    for a in left:
        for b in right:
            if a is not b:
                yield Found(a, b, kind, sentence.start_char, sentence.end_char, confidence, rule)


def from_nouns(doc: Doc, index: MentionIndex, words: dict) -> Iterator[Found]:
    """``Assad ally Russia``, ``Russia, an ally of Assad``, ``Qatar ... is a critic of Assad``,
    ``Vietnam is one of the region's most vocal critics of China's ... claims``, ``Iran and Russia
    are partners``, ``Iraq's ... partners, including the International Monetary Fund``."""
    confidence = words["noun_confidence"]
    for token in tokens_of_words(doc, words["nouns"]):  # the relation nouns, found without a Token per noun
        if token.pos_ not in ("NOUN", "PROPN"):
            continue
        kind = words["nouns"][token.lower_]
        others = [index.at(c) for c in token.children if c.dep_ in ("compound", "poss", "amod") and index.at(c)]
        others += [a for c in token.children if c.lower_ == "of" for a in objects(c, index)]
        following = doc[token.i + 1] if token.i + 1 < len(doc) else None
        named = [a for c in token.children if c.lower_ in words["example_prepositions"] for a in objects(c, index)]
        if named and not others and token.dep_ == "pobj" and token.head.lower_ == "with":
            others = holders(token.head.head, index, words)  # "Iraq's work with other partners, including ..."
        role = token  # "one of the region's most vocal critics of": the partitive plays the part
        if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lower_ in words["partitive_heads"]:
            role = token.head.head
        if following is not None and following.pos_ == "PROPN" and index.at(following) is not None:
            holder = [index.at(following)]  # "Assad ally Russia"
        elif named:
            holder = named  # "Iraq's work with other partners, including the International Monetary Fund"
        elif role.dep_ in ("compound", "appos"):
            holder = index.of_phrase(role.head)  # "Russia, an ally of Assad"
        elif role.dep_ in ("attr", "acomp") and role.head.pos_ in VERBAL:
            holder = holders(role.head, index, words)  # "Qatar is a critic of Assad"
        else:
            holder = []
        if not others and kind in words["symmetric"] and len(holder) > 1:
            for i, a in enumerate(holder):  # "Iran and Russia are partners"
                yield from pairs([a], holder[i + 1:], kind, sentence_of(token), confidence, f"noun:{token.lower_}")
            continue
        yield from pairs(holder, others, kind, sentence_of(token), confidence, f"noun:{token.lower_}")


def phrase_at(doc: Doc, i: int, words: list[str]) -> bool:
    return i + len(words) <= len(doc) and all(doc[i + k].lower_ == w for k, w in enumerate(words))


def from_phrases(doc: Doc, index: MentionIndex, words: dict) -> Iterator[Found]:
    """``strikes against ISIL``, ``in support of the government of Iraq``, ``at war with``: the one
    whose act or state the phrase modifies, related to the phrase's object."""
    by_first_word: dict[str, list[tuple[dict, list[str]]]] = {}
    for phrase in words["phrases"]:
        tokens = phrase["words"].split()
        by_first_word.setdefault(tokens[0], []).append((phrase, tokens))
    for token in tokens_of_words(doc, by_first_word):
        i = token.i
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
            elif (anchor.pos_ in ("NOUN", "PROPN") and anchor.lemma_.lower() not in words["act_nouns"]
                  and not index.of_phrase(anchor)):
                anchor = None  # "five supply routes in support of SDF operations": things listed act for no one
            if anchor is None:
                continue
            yield from pairs(holders(anchor, index, words), objects(last, index), phrase["kind"], sentence_of(token),
                             phrase["confidence"], f"phrase:{phrase['words']}")


def from_verbs(doc: Doc, index: MentionIndex, words: dict) -> Iterator[Found]:
    """Hostile verbs with their object (``the campaign to defeat Daesh``: the campaign's owner, or
    the clause's subject, opposes Daesh; ``fighters firing on Iraqi forces``; ``liberated Dabiq from
    ISIL``), supporting verbs (``the coalition continues to support Iraqi forces``) and backing
    participles (``Kremlin-backed separatists``, ``rebels backed by Turkey``, ``aided by strong
    support from our ally Turkey``: the backer supports the backed)."""
    candidates = {t.i: t for t in (*tokens_of_pos(doc, "VERB"), *tokens_of_words(doc, words["backing_participles"]))}
    acts = {*words["hostile_verbs"], *words["hostile_verb_prepositions"], *words["taking_verbs"], *words["supporting_verbs"]}
    for token in (candidates[i] for i in sorted(candidates)):
        lemma = token.lemma_.lower()
        if token.pos_ != "VERB" and token.lower_ not in words["backing_participles"]:
            continue
        if lemma not in acts and token.lower_ not in words["backing_participles"]:
            continue  # most verbs: none of the branches below, told before their children are read
        if any(c.dep_ == "neg" for c in token.children):
            continue
        if lemma in words["hostile_verbs"] or lemma in words["hostile_verb_prepositions"] or lemma in words["taking_verbs"]:
            targets = [a for c in token.children if c.dep_ == "dobj" and lemma in words["hostile_verbs"]
                       for a in index.of_phrase(c)]
            targets += [a for c in token.children if c.lower_ in words["hostile_verb_prepositions"].get(lemma, ())
                        for a in objects(c, index)]
            targets += [a for c in token.children if c.lower_ == "from" and lemma in words["taking_verbs"]
                        for a in objects(c, index)]
            yield from pairs(acting(token, index, words), targets, "opposes", sentence_of(token), words["hostile_verb_confidence"],
                             f"verb:{lemma}")
        elif token.lower_ in words["backing_participles"]:
            backers = [index.at(c) for c in token.children if c.dep_ in ("npadvmod", "compound", "nmod") and index.at(c)]
            backers += [a for c in token.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"
                        for a in backing(g, index, words)]
            if token.dep_ in ("amod", "acl"):
                backed = index.of_phrase(token.head) or after_clause(token, index, words)
            else:
                backed = [a for c in token.children if c.dep_ == "nsubjpass" for a in index.of_phrase(c)]
            yield from pairs(backers, backed, "supports", sentence_of(token), words["backing_confidence"], f"backing:{token.lower_}")
        elif lemma in words["supporting_verbs"] and not any(c.dep_ in ("nsubjpass", "auxpass") for c in token.children):
            backed = [a for c in token.children if c.dep_ == "dobj" for a in index.of_phrase(c)]
            yield from pairs(acting(token, index, words), backed, "supports", sentence_of(token),
                             words["supporting_verb_confidence"], f"verb:{lemma}")


def after_clause(participle: Token, index: MentionIndex, words: dict) -> list[Actor]:
    """Who a participle set off after a clause describes: that clause's doers (``Syrian opposition
    forces liberated Dabiq from ISIL control, aided by strong support from Turkey``)."""
    doc = participle.doc
    if participle.i == 0 or doc[participle.i - 1].text != ",":
        return []
    verbs = [t for t in doc[sentence_of(participle).start:participle.i - 1] if t.pos_ == "VERB"]
    return doers(verbs[-1], index, words) if verbs else []


def acting(verb: Token, index: MentionIndex, words: dict) -> list[Actor]:
    """Who acts: the owner of the act a subjectless verb describes (``the campaign to defeat``,
    ``the operation to eliminate``), else the verb's doers."""
    while verb.dep_ == "conj" and verb.head.pos_ in VERBAL and verb.head.i != verb.i:
        verb = verb.head  # "to degrade and defeat Da'esh": who degrades defeats
    own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    if verb.dep_ in ("acl", "relcl") and index.at(verb.head) is not None and not own_subject:
        return index.of_phrase(verb.head)  # "lead the global coalition to degrade and defeat Da'esh"
    if verb.dep_ in ("acl", "xcomp", "relcl") and verb.head.pos_ == "NOUN" and not own_subject:
        found = holders(verb.head, index, words)
        if found:
            return found
    return holders(verb, index, words)


def backing(agent: Token, index: MentionIndex, words: dict) -> list[Actor]:
    """Who backs, named after ``by``: the agent itself, or whom its support comes from (``aided by
    strong support from our ally Turkey and our international coalition``)."""
    if agent.lemma_.lower() in words["support_nouns"] and index.at(agent) is None:
        return [a for c in agent.children if c.lower_ == "from" for a in objects(c, index)]
    return index.of_phrase(agent)


def party_in(actor: Actor, start: int, end: int, doc: Doc, index: MentionIndex, words: dict) -> bool:
    """The actor is named in ``start``..``end`` as a party, not only as the place (``in Iraq``) nor
    inside another actor's name (``the government of Iraq`` names the government)."""
    for mention in actor.mentions:
        if start <= mention.start < end:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None:
                return True
            head = span.root.head
            if head.lower_ in words["place_prepositions"]:
                continue
            if head.lower_ == "of" and index.at(head.head) not in (None, actor):
                continue
            return True
    return False


def own_state(source: Actor, target: Actor, words: dict) -> bool:
    """``Iraqi forces`` and Iraq: one side is the other's own state, and not as its insurgents."""
    sector = (source.code or "")[3:6]
    return (target.type == "state" and source.country == target.country and sector not in words["insurgent_sectors"])


def from_events(article: Article, doc: Doc, index: MentionIndex, words: dict) -> Iterator[Found]:
    """Relations the events show, where the event is sure enough: a reporting verb the event coder
    read as an accusation at its lowest confidence (``"... directed terrorist operations," Cook
    said``) shows no one's disposition."""
    actors = {a.id: a for a in article.actors}
    for event in article.events:
        kind = words["events"].get(event.type)
        source, target = actors.get(event.source or ""), actors.get(event.target or "")
        if kind is None or source is None or target is None or source is target:
            continue
        if event.status not in words["event_statuses"] or event.confidence < words["event_min_confidence"]:
            continue
        if own_state(source, target, words) or own_state(target, source, words):
            continue
        if not (public(source, words) and public(target, words)):
            continue
        if party_in(source, event.start, event.end, doc, index, words) and party_in(target, event.start, event.end, doc, index, words):
            yield Found(source, target, kind, event.start, event.end, event.confidence, f"event:{event.type}")


def public(actor: Actor, words: dict) -> bool:
    """A party whose stance an event shows: a state, a body, an armed or political group, or a
    person holding an office. A tennis player beating another, a singer and a record label, a
    company and its product are parties to events but not to alliances and enmities."""
    if actor.type == "person":
        return bool(actor.role) or len(actor.code or "") > 3
    return actor.type in words["event_party_types"]


def side(actor: Actor, words: dict) -> str:
    """A side for comparing evidence: a state body's country (Iraq, its government and its forces
    are one side), else the actor (Syria's rebels are not Syria's side)."""
    if actor.country and (actor.code or "")[3:6] not in words["insurgent_sectors"]:
        return actor.country
    return actor.id


def contradicted(item: Found, stated: list[Found], words: dict) -> bool:
    """An event's relation the same sentence's words contradict: ``Coalition aircraft conducted a
    strike in support of the Iraqi Security Forces ... on enemy fighters firing on Iraqi forces``
    does not show the coalition attacking Iraqi forces, and where the words give the event's target
    another adversary (or friend), the event's source is not it. Words say who stands where more
    surely than the event coder's choice of source and target."""
    friendly = item.kind in words["friendly_kinds"]
    for other in stated:
        if not item.start <= other.start < item.end:
            continue
        if (other.kind in words["friendly_kinds"]) != friendly and {side(item.a, words), side(item.b, words)} == {side(other.a, words), side(other.b, words)}:
            return True
        if (other.kind in words["friendly_kinds"]) == friendly and other.b is item.b and side(other.a, words) != side(item.a, words):
            return True  # "urged him to press the regime to cease airstrikes against opposition forces": the regime's
    return False


def reports_games(text: str, words: dict) -> bool:
    """A match report: sides that beat, defeat or fire shots at each other, or play against each
    other, are playing, not fighting or allied. Told by words of sport only (``doubles``, ``goaltender``, ``playoffs``), of which
    a war or politics story has hardly any."""
    found = set(re.findall(r"[a-z]+", text.lower())).intersection(words["sports_words"])
    return len(found) >= words["sports_min_words"]


def evidence(article: Article, doc: Doc) -> list[Found]:
    """Every piece of evidence for a relation, in text order, each with the rule that found it;
    none in a match report."""
    words = relation_words()
    if reports_games(article.text, words):  # "Nadal defeated Khachanov", "Spain ... against Croatia"
        return []
    index = index_of(doc, article)
    stated = [*from_nouns(doc, index, words), *from_phrases(doc, index, words), *from_verbs(doc, index, words)]
    shown = [f for f in from_events(article, doc, index, words) if not contradicted(f, stated, words)]
    return sorted(stated + shown, key=lambda f: f.start)


def find_relations(article: Article, doc: Doc) -> list[Relation]:
    """Every relation once: the first evidence in the text, with the highest confidence found."""
    words = relation_words()
    order = {a.id: min((m.start for m in a.mentions), default=0) for a in article.actors}
    found: dict[tuple[str, str, str], Relation] = {}
    for item in evidence(article, doc):
        a, b = item.a.id, item.b.id
        if item.kind in words["symmetric"] and order[b] < order[a]:
            a, b = b, a
        key = (a, b, item.kind)
        if key in found:
            found[key].confidence = max(found[key].confidence or 0.0, item.confidence)
        else:
            found[key] = Relation(a, b, item.kind, item.start, item.end, confidence=item.confidence)
    return list(found.values())
