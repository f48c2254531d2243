"""Where a quote's speaker is found: the speech verb that introduces it (climbing the parse, the
tag before or after the marks, the clause a colon ends), that verb's subject or the name in its tag,
``according to``, or the agent of a passive; and the phrase that names the speaker.

``quotes.py`` decides what a quote is and how far it runs; this module only who said it.
"""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Span, Token

from dragoman.data_files import load_json
from dragoman.doc_views import sentence_of, words_between
from dragoman.mention_index import MentionIndex, clause_subject, is_speech_verb
from dragoman.quotemarks import DOUBLE_CLOSE

NOUN_PHRASE_CUT = ("relcl", "acl", "appos", "punct", "advcl", "cc", "conj", "prep")


def cue_text(token: Token) -> str:
    particles = load_json("quotes/cues.json")["phrasal_cues"].get(token.lemma_.lower(), [])
    after = [c for c in token.children if c.i == token.i + 1 and c.lower_ in particles]
    return token.text + (" " + after[0].text if after else "")


def climb_to_cue(span: Span) -> Optional[Token]:
    """The nearest speech verb above the quote in the parse, outside the quote itself."""
    token = span.root
    for _ in range(load_json("quotes/cues.json")["max_climb"]):
        if token.head.i == token.i:
            return None
        token = token.head
        if is_speech_verb(token) and not (span.start <= token.i < span.end):
            return token
    return None


def adjacent_cue(doc: Doc, span: Span) -> Optional[Token]:
    """A speech verb right after the closing mark (``," he said``) or right before the opener, or,
    after a comma or colon, in the tag that introduces the quote (``told the committee, "...``)."""
    start = span.end
    while start < len(doc) and (doc[start].is_punct or doc[start].is_space):
        start += 1  # past the closing mark and comma, even into the next "sentence" when it goes on
    asks = span.text.rstrip().rstrip("".join(DOUBLE_CLOSE) + "'\u2019")[-1:] in "?!"
    if (start < len(doc) and not doc[start].is_lower and sentence_of(doc[start]).start == start
            and not (asks and is_bare_tag(sentence_of(doc[start])))):
        start = len(doc)  # a new sentence, capitalised: not an attribution of this quote
    sentence_end = sentence_of(doc[start]).end if start < len(doc) else start
    after = [t for t in doc[start:min(start + 6, sentence_end)] if is_speech_verb(t)] if start < len(doc) else []
    if after:
        return after[0]
    reach = 3
    if span.start >= 2 and doc[span.start - 2].text in (",", ":"):  # "told the Intelligence Committee, "I ...
        reach = load_json("quotes/cues.json")["introducing_tag_max_words"]
    window = doc[max(span.start - reach, 0):span.start]
    breaks = [t.i for t in window if "\n" in t.text]  # never from another paragraph
    before = [t for t in window if is_speech_verb(t) and t.i > max(breaks, default=-1)]
    return before[-1] if before else introduced_by_colon(doc, span)


def is_bare_tag(sentence: Span) -> bool:
    """``"...fixed the problem?" Schiff asked.``: the parser ends a sentence at the question mark,
    but what follows is only a speaker and a speech verb, reporting nothing of its own (no clause,
    object or quote of its own), so it can only be the tag of the quote before it; ``Caddell
    continued:`` introduces the quote after it instead."""
    root = sentence.root
    if sentence.text.rstrip().endswith(":"):
        return False
    reports = [c for c in root.children if c.dep_ in load_json("quotes/cues.json")["bare_tag_excluded_deps"]]
    return (is_speech_verb(root) and not reports and any(c.dep_ == "nsubj" for c in root.children)
            and not any(t.is_quote for t in sentence))


def introduced_by_colon(doc: Doc, span: Span) -> Optional[Token]:
    """``Cruz called them on it:`` closing a paragraph, or ``the headline reads:`` before the mark:
    the clause a colon ends introduces the quote after it, whatever its verb."""
    colon = span.start - 2  # the token before the opening mark
    while colon >= 0 and doc[colon].is_space:
        colon -= 1
    if colon < 0 or doc[colon].text != ":":
        return None
    clause = doc[sentence_of(doc[colon]).start:colon]
    speech = [t for t in clause if is_speech_verb(t)]  # "The Times made these allegations, and X responded:"
    verbs = [t for t in (doc[colon].head, clause.root) if t.pos_ in ("VERB", "AUX") and t.i < colon]
    return speech[-1] if speech else verbs[0] if verbs else None


def passive_agent(span: Span) -> Optional[Token]:
    """``proscribed as a "terrorist organisation" by Western governments``: the agent of the
    passive participle above the quote (the parser may hang ``by`` on the quoted noun)."""
    chain = [span.root]
    while chain[-1].head.i != chain[-1].i and len(chain) < 5:
        chain.append(chain[-1].head)
    if not any(t.tag_ == "VBN" for t in chain):
        return None
    for token in chain:
        by = [c for c in token.children if c.dep_ == "agent" or c.lower_ == "by"]
        agents = [g for c in by for g in c.children if g.dep_ == "pobj"]
        if agents:
            return agents[0]
    return None


def according_to(sentence: Span) -> Optional[tuple[Token, Span]]:
    """``according to the ministry``: the attributed noun and the whole phrase."""
    doc = sentence.doc
    for i in words_between(doc, ("according",), sentence.start, sentence.end):
        to = [c for c in doc[i].children if c.lower_ == "to"]
        objects = [g for c in to for g in c.children if g.dep_ == "pobj"]
        if objects:
            return objects[0], doc[i:objects[0].right_edge.i + 1]
    return None


def noun_phrase(head: Token) -> Span:
    """The words of a speaker's noun phrase, without relative clauses or appositions."""
    left, right = head.i, head.i
    for child in head.children:
        if child.dep_ in NOUN_PHRASE_CUT and not (child.lower_ == "of" and child.i > head.i):
            continue
        left, right = min(left, child.left_edge.i), max(right, child.right_edge.i)
    return head.doc[left:right + 1]


def speaker_of(doc: Doc, span: Span, index: MentionIndex) -> tuple[Optional[Token], Optional[Token]]:
    """(cue, speaker head token) for a quote span, by the parse, the neighbours, or the agent. A
    speaker is never inside quotation marks: those are someone's words, not an attribution."""
    cue = climb_to_cue(span) or adjacent_cue(doc, span)
    if cue is not None:
        subject = clause_subject(cue)
        if subject is not None and not index.in_marks(subject):
            return cue, subject
        named = name_before_cue(doc, span, cue, index)
        if named is not None:
            return cue, named
    attributed = according_to(span.sent)
    if attributed is not None:
        return attributed[0].doc[attributed[1].start], attributed[0]
    return cue, passive_agent(span)


def name_before_cue(doc: Doc, span: Span, cue: Token, index: MentionIndex) -> Optional[Token]:
    """``"...," Brent Bozell III, founder of the Media Research Center, tells ...``: the parser may
    hang the name on a word inside the quote; the tag's first noun phrase is still its speaker, or
    the name right before the verb (``chairman, CEO and president Craig Menear said``)."""
    if cue.i > span.end and doc[cue.i - 1].pos_ == "PROPN" and not index.in_marks(doc[cue.i - 1]):
        return doc[cue.i - 1]
    for token in doc[span.end:cue.i]:
        if (token.pos_ in ("PROPN", "NOUN") or token.tag_ == "PRP") and not index.in_marks(token):  # not "which"
            while token.dep_ in ("compound", "flat") and token.head.i < cue.i:
                token = token.head
            return token
        if not (token.is_punct or token.is_space):
            return None  # a word before the name: not a tag's subject
    return None


def speaker_phrase(speaker: Token, index: MentionIndex) -> Span:
    """The phrase that names the speaker: in ``Carlineo's attorney, Sonya Zoghlin, said`` the
    person in apposition to the role, not the role's possessor."""
    if speaker.pos_ != "PROPN":
        for child in speaker.children:
            named = index.at(child) if child.dep_ == "appos" and child.pos_ == "PROPN" else None
            if named is not None and named.type == "person":
                return noun_phrase(child)
    return noun_phrase(speaker)


def described_speaker(phrase: Span) -> Span:
    """The speaker's words as written, with the participle that says who an unnamed source is
    (``two people briefed on the talks``, ``officials involved in the talks``): without it, the
    speaker text would be only ``two people``. Only for a common noun, and not a speech verb's
    participle (``a source quoted by ...`` names another speaker)."""
    head = phrase.root
    if head.pos_ != "NOUN":
        return phrase
    participles = [c for c in head.children if c.dep_ == "acl" and c.tag_ == "VBN" and c.i == phrase.end
                   and not is_speech_verb(c)]
    return phrase.doc[phrase.start:participles[0].right_edge.i + 1] if participles else phrase
