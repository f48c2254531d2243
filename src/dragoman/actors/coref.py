"""Link pronouns and bare titles to the person they refer to.

A rule of thumb that holds in news prose: "he" and "his" refer to the person most recently
named as a subject (else most recently named at all), and "the minister" to the person most
recently named with that title. "It" and "they" are linked only where they speak ("it said") or
where what they do is reported by the body that speaks ("Russia said it would send troops").
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from operator import attrgetter
from typing import Iterator, Optional

from spacy.tokens import Doc, Token

from dragoman.actors.kb import KnowledgeBase, normalise
from dragoman.actors.mentions import Mention
from dragoman.data_files import speech_verbs
from dragoman.doc_views import indices_of_pos, sentence_starts, token_texts, tokens_of_words
from dragoman.mention_index import quote_marks
from dragoman.quotemarks import Quoted

SUBJECT_DEPS = ("nsubj", "nsubjpass")
PLURAL_TAGS = ("NNS", "NNPS")
LOOKBACK_SENTENCES = 3
FIRST_TOKEN = attrgetter("first_token")


def antecedent(token: Token, people: list[Mention], subjects: set[int], starts: list[int],
               quoted: list[Quoted], genders: Optional[dict[str, str]] = None) -> Optional[Mention]:
    """The person a pronoun at ``token`` most likely means (``people`` in text order, by first
    token; ``starts``: first tokens of sentences).

    A pronoun outside quotation marks never refers to a name inside them: the quoted words are
    someone else's voice (``"... Ambassador Volker confirmed ...," she said``)."""
    outside = not within(token.idx, quoted)
    gender = (genders or {}).get(token.lower_ + ":")
    here = bisect_right(starts, token.i) - 1
    window_start = starts[max(0, here - LOOKBACK_SENTENCES)]
    first = bisect_left(people, window_start, key=FIRST_TOKEN)  # only the last few sentences count
    recent = [m for m in people[first:bisect_left(people, token.i, lo=first, key=FIRST_TOKEN)]
              if not (outside and within(m.start, quoted))
              and (gender is None or (genders or {}).get(m.key) in (None, gender))]
    as_subject = [m for m in recent if m.first_token in subjects]
    pool = as_subject or recent
    return pool[-1] if pool else None


def titled_genders(doc: Doc, people: list[Mention], kb: KnowledgeBase) -> dict[str, str]:
    """Genders the article states in titles: ``Ms Persson``, ``Sheikh Tamim``."""
    genders: dict[str, str] = {}
    for mention in people:
        if mention.first_token > 0:
            title = normalise(doc[mention.first_token - 1].text)
            if title in kb.gendered_titles:
                genders.setdefault(mention.key, kb.gendered_titles[title])
    return genders


def within(offset: int, quoted: list[Quoted]) -> bool:
    return any(q.start <= offset < q.end for q in quoted)


def says(verb: Token) -> bool:
    return verb.lemma_.lower() in speech_verbs() or verb.lower_ in speech_verbs()


def subject_tokens(doc: Doc, mentions: list[Mention]) -> set[int]:
    """First tokens of mentions that are a subject (or the owner of one: ``Taylor Swift's
    albums``, ``Dick Clark Productions`` set beside ``The company``) in their sentence."""
    starts = set()
    for mention in mentions:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        if root.dep_ in SUBJECT_DEPS or (root.dep_ in ("poss", "appos") and root.head.dep_ in SUBJECT_DEPS):
            starts.add(mention.first_token)
    return starts


def pronoun_mentions(doc: Doc, kb: KnowledgeBase, people: list[Mention], others: list[Mention],
                     taken: set[int]) -> Iterator[Mention]:
    """``he``/``she`` to a person; ``it``/``they`` saying something to an organisation or state."""
    starts = sentence_starts(doc)
    quoted = quote_marks(doc)
    subjects = subject_tokens(doc, people)
    speakers = subject_tokens(doc, others)
    genders = titled_genders(doc, people, kb)
    chain = sorted(people, key=lambda m: m.first_token)  # and each pronoun linked: "He was arrested ... he asked"
    for token in tokens_of_words(doc, {*kb.pronouns, "it", "they"}):
        if token.i in taken:
            continue
        if token.lower_ in kb.pronouns:
            gender = kb.pronoun_genders.get(token.lower_)
            target = antecedent(token, chain, subjects, starts, quoted, {**genders, token.lower_ + ":": gender})
            if target is not None and gender:
                genders.setdefault(target.key, gender)  # "she" once, never "he" after
            if target is not None and gender and not within(token.idx, quoted):
                insort(chain, linked(token.idx, token.idx + len(token), token.text, token.i, target, 0.7),
                       key=lambda m: m.first_token)
                if token.dep_ in SUBJECT_DEPS:
                    subjects.add(token.i)
        elif token.lower_ in ("it", "they") and token.dep_ == "nsubj" and says(token.head):
            target = antecedent(token, [m for m in others if m.first_token in speakers], speakers, starts, quoted)
        elif token.lower_ in ("it", "they") and token.dep_ in SUBJECT_DEPS:
            target = reporting_body(token, others)
        else:
            continue
        if target is not None:
            yield linked(token.idx, token.idx + len(token), token.text, token.i, target, 0.7)


def reporting_body(token: Token, others: list[Mention]) -> Optional[Mention]:
    """The organisation or state that reports its own act: "Iran said it had seized a tanker",
    "the rebels announced they would withdraw". Only the subject of the speech verb the clause
    hangs on counts; a person saying "it" means something else ("Trump said it was a hoax")."""
    clause = token.head
    verb = clause.head
    if clause.dep_ != "ccomp" or verb is clause or not says(verb):
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or (subject.tag_ in PLURAL_TAGS) != (token.lower_ == "they"):
        return None  # "the US claimed that they had attacked": they are someone else
    span = (subject.idx, subject.idx + len(subject))
    return next((m for m in others if m.start <= span[0] and span[1] <= m.end), None)


def title_mentions(doc: Doc, kb: KnowledgeBase, people: list[Mention], taken: set[int]) -> Iterator[Mention]:
    """``the minister``, ``the Russian minister``, ``Austria's interior minister``, ``the
    governor`` (after "Gov. Eric Holcomb"): the person holding that title who was named last, by any
    of their names (Holcomb named again after another governor was introduced is still "the governor")."""
    roles: dict[str, str] = {}
    for person in people:
        if person.role:
            roles.setdefault(person.key, person.role)
    if not roles:
        return  # no one holds a title a noun could repeat
    ordered = sorted(people, key=lambda m: m.first_token)
    texts = token_texts(doc)[0]
    for i in indices_of_pos(doc, "NOUN"):
        word = normalise(texts[i])
        if word not in kb.titles and word != "leader":
            continue  # most nouns, with no Token made
        token = doc[i]
        if token.i in taken or not any(
                c.lower_ == "the" or c.dep_ == "poss" and kb.country_of_word(c.text) for c in token.children):
            continue
        near = [*token.children, *(g for c in token.children if c.lower_ == "of" for g in c.children)]
        country = next((kb.country_of_word(c.text) for c in near if kb.country_of_word(c.text)), None)
        before = [m for m in ordered if m.first_token < token.i]
        after = [m for m in ordered if m.first_token > token.i]  # a lede names the office before the person
        for person in [*reversed(before), *after]:
            role = normalise(roles.get(person.key, ""))
            role = kb.title_abbreviations.get(role, role)  # "Gov." is a governor
            same_title = word in role or (word == "leader" and role in kb.leader_titles)
            if role and same_title and (person.country is None or country in (None, person.country)):
                start = min((c.i for c in token.children if c.i < token.i and c.dep_ != "poss"), default=token.i)
                span = doc[start:token.i + 1]  # "Austria's" stays Austria's own mention
                title = linked(span.start_char, span.end_char, span.text, start, person, 0.8)
                if country:  # "Austria's interior minister": the office and its country, for the portfolio rule
                    title.role, title.country, title.country_from = span.text, country, "title"
                yield title
                break


def description_mentions(doc: Doc, kb: KnowledgeBase, others: list[Mention], taken: set[int]) -> Iterator[Mention]:
    """``the terrorist group``, ``this militant group``: the armed group last named before it
    (``Iraq's efforts to destroy the terrorist group`` after ISIL is named)."""
    armed = [m for m in others if m.type == kb.group_descriptions["type"]]
    if not armed:
        return  # nothing to refer to: most articles, whose words need not be read
    nouns = kb.group_descriptions["nouns"]
    texts = token_texts(doc)[0]
    named = {text for text in set(texts) if normalise(text) in nouns}  # each distinct word normalised once
    for token in (doc[i] for i, text in enumerate(texts) if text in named):
        if token.i in taken:
            continue
        if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in token.children):
            continue
        described = [c for c in token.children if c.dep_ in ("amod", "compound") and c.i < token.i
                     and normalise(c.text) in kb.group_descriptions["descriptors"]]
        before = [m for m in armed if m.first_token < token.i]
        if described and before:
            span = doc[min(c.i for c in described):token.i + 1]
            yield linked(span.start_char, span.end_char, span.text, span.start, before[-1], 0.7)


def counterpart_links(groups: list[Mention], people: list[Mention]) -> dict[int, Mention]:
    """``his Turkish counterpart``: the Turkish person named with the same role as the person
    the sentence is about (a foreign minister's counterpart is a foreign minister)."""
    roles = {m.key: m.role for m in people if m.role}
    links = {}
    for index, group in enumerate(groups):
        if not (group.role or "").lower().startswith("counterpart") or group.country is None:
            continue
        before = [m for m in people if m.first_token < group.first_token]
        reference = roles.get(before[-1].key) if before else None
        candidates = {m.key: m for m in people if m.country == group.country and m.key in roles}
        same_role = {k: m for k, m in candidates.items() if roles[k] == reference}
        pool = same_role or candidates
        if len(pool) == 1:
            target = next(iter(pool.values()))
            links[index] = linked(group.start, group.end, group.text, group.first_token, target, 0.8)
    return links


def linked(start: int, end: int, text: str, first_token: int, target: Mention, confidence: float) -> Mention:
    return Mention(start=start, end=end, text=text, key=target.key, name=target.name, type=target.type,
                   confidence=confidence, first_token=first_token)
