"""Quotes: who said what, direct, partial and indirect, with the right speaker.

Quotation marks were balanced by cleaning, so every stretch between double marks is a quote.
It is ``direct`` when a speech verb introduces it (``said: "...``) or it stands as a sentence of
its own (``"...," he said``), else ``partial`` (a fragment in reported speech). ``indirect``
quotes are the complement clauses of speech verbs (``Lavrov said that Syria must ...``) and
sentences attributed with ``according to``.

The speaker is found in the parse: from the quote, climb the dependency tree to the nearest
speech verb and take its subject (through ``warning that ...`` to the subject of the main verb),
or the agent of a passive (``proscribed as a "terrorist organisation" by Western governments``).
A direct quote with no cue of its own continues the previous speaker's quote. Speakers are
linked to the actor whose mention covers them; pronouns were linked by the actors stage.
"""

from __future__ import annotations

from typing import Iterator, Optional

from spacy.tokens import Doc, Span, Token

from dragoman.data_files import load_json, speech_verbs
from dragoman.quotemarks import DOUBLE_CLOSE, DOUBLE_OPEN, Quoted, quoted_spans
from dragoman.record import Actor, Article, Quote

NOUN_PHRASE_CUT = ("relcl", "acl", "appos", "punct", "advcl", "cc", "conj", "prep")
RELATIVE_PRONOUNS = ("who", "which", "that")


def is_cue(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") and (token.lemma_.lower() in speech_verbs() or token.lower_ in speech_verbs())


def cue_text(token: Token) -> str:
    particles = load_json("quotes/cues.json")["phrasal_cues"].get(token.lemma_.lower(), [])
    after = [c for c in token.children if c.i == token.i + 1 and c.lower_ in particles]
    return token.text + (" " + after[0].text if after else "")


def tokens_in(doc: Doc, start: int, end: int) -> Optional[Span]:
    return doc.char_span(start, end, alignment_mode="expand")


def climb_to_cue(span: Span) -> Optional[Token]:
    """The nearest speech verb above the quote in the parse, outside the quote itself."""
    token = span.root
    for _ in range(load_json("quotes/cues.json")["max_climb"]):
        if token.head is token:
            return None
        token = token.head
        if is_cue(token) and not (span.start <= token.i < span.end):
            return token
    return None


def adjacent_cue(doc: Doc, span: Span) -> Optional[Token]:
    """A speech verb right after the closing mark (``," he said``) or right before the opener."""
    start = span.end
    while start < len(doc) and (doc[start].is_punct or doc[start].is_space):
        start += 1  # past the closing mark and comma, even into the next "sentence" when it goes on
    if start < len(doc) and not doc[start].is_lower and doc[start].sent.start == start:
        start = len(doc)  # a new sentence, capitalised: not an attribution of this quote
    sentence_end = doc[start].sent.end if start < len(doc) else start
    after = [t for t in doc[start:min(start + 6, sentence_end)] if is_cue(t)]
    if after:
        return after[0]
    before = [t for t in doc[max(span.start - 3, 0):span.start] if is_cue(t)]
    return before[-1] if before else None


def subject_of(cue: Token) -> Optional[Token]:
    """The cue's subject, through ``warning that`` and ``, citing`` to the main verb's subject."""
    token = cue
    for _ in range(4):
        subjects = sorted((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")),
                          key=lambda c: abs(c.i - token.i))  # two subjects parsed: the nearer one
        if subjects and subjects[0].lower_ in RELATIVE_PRONOUNS and token.dep_ == "relcl":
            return token.head  # "an Army officer who described ..."
        if subjects:
            return subjects[0]
        if token.dep_ == "acl" and token.head.pos_ == "PROPN":
            return token.head  # "Safadi warning of ..."
        if token.dep_ == "acl" and token.head.head.pos_ in ("VERB", "AUX"):
            token = token.head.head  # "issued a statement warning that ...": who issued it
        elif token.dep_ in ("advcl", "xcomp", "conj") and token.head.pos_ in ("VERB", "AUX"):
            token = token.head
        else:
            return None
    return None


def passive_agent(span: Span) -> Optional[Token]:
    """``proscribed as a "terrorist organisation" by Western governments``: the agent of the
    passive participle above the quote (the parser may hang ``by`` on the quoted noun)."""
    chain = [span.root]
    while chain[-1].head is not chain[-1] and len(chain) < 5:
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
    for token in sentence:
        if token.lower_ == "according":
            to = [c for c in token.children if c.lower_ == "to"]
            objects = [g for c in to for g in c.children if g.dep_ == "pobj"]
            if objects:
                return objects[0], sentence.doc[token.i:objects[0].right_edge.i + 1]
    return None


def noun_phrase(head: Token) -> Span:
    """The words of a speaker's noun phrase, without relative clauses or appositions."""
    left, right = head.i, head.i
    for child in head.children:
        if child.dep_ in NOUN_PHRASE_CUT and not (child.lower_ == "of" and child.i > head.i):
            continue
        left, right = min(left, child.left_edge.i), max(right, child.right_edge.i)
    return head.doc[left:right + 1]


def actor_covering(actors: list[Actor], start: int, end: int) -> Optional[Actor]:
    """The actor with a mention inside ``start``..``end``, the longest mention first."""
    best = None
    for actor in actors:
        for m in actor.mentions:
            if start <= m.start and m.end <= end and (best is None or m.end - m.start > best[0]):
                best = (m.end - m.start, actor)
    return best[1] if best else None


def actor_by_surname(actors: list[Actor], head: Token) -> Optional[Actor]:
    """``Trump tweeted``, where the parser found no name to mention: the one person so called."""
    if head.pos_ != "PROPN":
        return None
    named = [a for a in actors if a.type == "person" and a.name.split()[-1].lower() == head.lower_]
    return named[0] if len(named) == 1 else None


def is_direct(text: str, quoted: Quoted, cue: Optional[Token], doc: Doc) -> bool:
    before = text[:quoted.start - 1].rstrip()
    if before.endswith(":"):
        return True
    previous = doc.char_span(0, len(before), alignment_mode="contract")
    if previous is not None and len(previous) and is_cue(previous[-1]):
        return True
    if before.endswith(",") and cue is not None and cue.idx < quoted.start:
        return True
    content = text[quoted.start:quoted.end].rstrip()
    after = text[quoted.end + 1:quoted.end + 2]
    starts_sentence = not before or before[-1] in ".!?\n\"\u201d"
    return starts_sentence and (content[-1:] in ",.!?" or after == ",")


def speaker_of(doc: Doc, span: Span, marks: list[Quoted]) -> tuple[Optional[Token], Optional[Token]]:
    """(cue, speaker head token) for a quote span, by the parse, the neighbours, or the agent.
    A speaker is never inside quotation marks: those are someone's words, not an attribution."""
    cue = climb_to_cue(span) or adjacent_cue(doc, span)
    if cue is not None:
        subject = subject_of(cue)
        if subject is not None and not in_marks(subject, marks):
            return cue, subject
    attributed = according_to(span.sent)
    if attributed is not None:
        return attributed[0].doc[attributed[1].start], attributed[0]
    return cue, passive_agent(span)


def make_quote(article: Article, number: int, start: int, end: int, kind: str,
               cue: Optional[Token], speaker: Optional[Token]) -> Quote:
    speaker_text = actor = None
    if speaker is not None:
        phrase = noun_phrase(speaker)
        speaker_text = phrase.text
        actor = (actor_covering(article.actors, phrase.start_char, phrase.end_char)
                 or actor_by_surname(article.actors, speaker))
    return Quote(id=f"q{number}", text=article.text[start:end], kind=kind, start=start, end=end,
                 speaker=actor.id if actor else None, speaker_text=speaker_text,
                 cue=cue_text(cue) if cue is not None else None)


def in_marks(token: Token, marks: list[Quoted]) -> bool:
    return any(q.start <= token.idx < q.end for q in marks)


def direct_and_partial(article: Article, doc: Doc, marks: list[Quoted]) -> Iterator[tuple]:
    for quoted in marks:
        span = tokens_in(doc, quoted.start, quoted.end)
        if span is None or not len(span):
            continue
        cue, speaker = speaker_of(doc, span, marks)
        kind = "direct" if is_direct(article.text, quoted, cue, doc) else "partial"
        yield quoted.start, quoted.end, kind, cue, speaker


def continue_speakers(text: str, found: list[tuple]) -> list[tuple]:
    """A direct quote with no speaker of its own goes on quoting the last speaker named in the
    paragraphs just before it (news puts one attribution on several paragraphs of quotes)."""
    limit = load_json("quotes/cues.json")["continuation_paragraphs"]
    out = []
    last: Optional[tuple[int, Optional[Token], Token]] = None
    for start, end, kind, cue, speaker in found:
        paragraph = text.count("\n\n", 0, start)
        if speaker is None and kind == "direct" and last and paragraph - last[0] <= limit:
            cue, speaker = last[1], last[2]
        if speaker is not None:
            last = (paragraph, cue, speaker)
        out.append((start, end, kind, cue, speaker))
    return out


def indirect(doc: Doc, quoted: list[tuple[int, int]], marks: list[Quoted]) -> Iterator[tuple[int, int, Token, Token]]:
    """Complement clauses of speech verbs, and ``according to`` sentences, not already quoted."""
    text = doc.text
    for token in doc:
        if not is_cue(token):
            continue
        for clause in (c for c in token.children if c.dep_ == "ccomp"):
            words = [t for t in clause.subtree if t.dep_ != "mark" or t.i != clause.left_edge.i]
            start, end = words[0].idx, words[-1].idx + len(words[-1])
            start = max(start, token.idx + len(token)) if clause.i > token.i else start
            if text[end:end + 1] in DOUBLE_CLOSE and text[start - 1:start] not in DOUBLE_OPEN:
                end += 1
            subject = subject_of(token)
            if subject is None or in_marks(subject, marks) or inside_quotes(start, end, quoted) or clause.i < token.i:
                continue
            yield start, end, token, subject
    for sentence in doc.sents:
        attributed = according_to(sentence)
        if attributed is None:
            continue
        rest = [t for t in sentence if not (attributed[1].start <= t.i < attributed[1].end) and not t.is_punct]
        if rest and not inside_quotes(rest[0].idx, rest[-1].idx + len(rest[-1]), quoted):
            yield rest[0].idx, rest[-1].idx + len(rest[-1]), doc[attributed[1].start], attributed[0]


def inside_quotes(start: int, end: int, quoted: list[tuple[int, int]]) -> bool:
    """Most of ``start``..``end`` lies between quotation marks."""
    covered = sum(max(0, min(end, e) - max(start, s)) for s, e in quoted)
    return covered > 0.5 * (end - start)


def add_quotes(article: Article, doc: Doc) -> Article:
    marks = quoted_spans(article.text)
    found = list(direct_and_partial(article, doc, marks))
    marked = [(s - 1, e + 1) for s, e, kind, _, _ in found if kind == "direct"]
    found += [(s, e, "indirect", cue, who) for s, e, cue, who in indirect(doc, marked, marks)]
    found = continue_speakers(article.text, sorted(found, key=lambda q: q[0]))
    found = [q for q in found if not (q[2] == "partial" and q[4] is None)]  # scare quotes, titles
    article.quotes = [make_quote(article, n, s, e, kind, cue, who)
                      for n, (s, e, kind, cue, who) in enumerate(found, start=1)]
    return article
