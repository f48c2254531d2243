"""Quotes: who said what, direct, partial and indirect, with the right speaker.

Quotation marks were balanced by cleaning, so every stretch between double marks is a quote.
It is ``direct`` when a speech verb introduces it (``said: "...``) or it stands as a sentence of
its own (``"...," he said``), else ``partial`` (a fragment in reported speech). ``indirect``
quotes are the complement clauses of speech verbs (``Lavrov said that Syria must ...``) and
sentences attributed with ``according to``, found by ``reported_speech``.

The speaker is found in the parse: from the quote, climb the dependency tree to the nearest
speech verb and take its subject (through ``warning that ...`` to the subject of the main verb),
or the agent of a passive (``proscribed as a "terrorist organisation" by Western governments``).
A direct quote with no cue of its own continues the previous speaker's quote. Some speakers are
named by the layout, not a verb (``layout_speakers``): a signature, a transcript's ``NAME:``.
Speakers are linked to the actor whose mention covers them; pronouns were linked by the actors
stage.
"""

from __future__ import annotations

from typing import Callable, Iterator, Optional

from spacy.tokens import Doc, Span, Token

from dragoman.data_files import load_json
from dragoman.doc_views import sentence_of, text_of
from dragoman.layout_speakers import NamedLine, named_lines, signed_by
from dragoman.mention_index import MentionIndex, index_of, is_speech_verb
from dragoman.quote_speakers import cue_text, described_speaker, speaker_of, speaker_phrase
from dragoman.quotemarks import Quoted
from dragoman.record import Article, Quote
from dragoman.record import Span as TextSpan
from dragoman.reported_speech import indirect


def tokens_in(doc: Doc, start: int, end: int) -> Optional[Span]:
    return doc.char_span(start, end, alignment_mode="expand")


def is_direct(text: str, quoted: Quoted, cue: Optional[Token], doc: Doc) -> bool:
    before = text[:quoted.start - 1].rstrip()
    if before.endswith(":"):
        return True
    previous = doc.char_span(0, len(before), alignment_mode="contract")
    if previous is not None and len(previous) and is_speech_verb(previous[-1]):
        return True
    if before.endswith(",") and cue is not None and cue.idx < quoted.start:
        return True
    content = text[quoted.start:quoted.end].rstrip().rstrip("'\u2019")  # "... It's very simple.'"
    after = text[quoted.end + 1:quoted.end + 2]
    opens_paragraph = "\n" in text[len(before):quoted.start]
    starts_sentence = not before or opens_paragraph or before[-1] in ".!?\n\"\u201d"
    return starts_sentence and (content[-1:] in ",.!?" or after == ",")


def make_quote(article: Article, index: MentionIndex, number: int, start: int, end: int, kind: str,
               cue: Optional[Token], speaker: Optional[Token]) -> Quote:
    speaker_text = actor = None
    if speaker is not None:
        phrase = speaker_phrase(speaker, index)
        while len(phrase) > 1 and phrase[0].is_punct:  # a mark glued to a dash: "\u201d\u2015 Pamela Padilla"
            phrase = phrase[1:]
        speaker_text = described_speaker(phrase).text.strip()
        actor = (index.at(phrase.root) or index.covering(phrase.start_char, phrase.end_char)
                 or index.person_by_surname(speaker))
    return Quote(id=f"q{number}", text=article.text[start:end], kind=kind, start=start, end=end,
                 speaker=actor.id if actor else None, speaker_text=speaker_text,
                 cue=cue_text(cue) if cue is not None else None)


def direct_and_partial(article: Article, doc: Doc, index: MentionIndex, lines: list[NamedLine]) -> Iterator[tuple]:
    opening = {line.name_start for line in lines}  # "WALLACE: Let's start ...: the line is the quote
    after = {line.content_start: line for line in lines}  # Loretta Lynch: "Be the voice ..."
    for quoted in index.marks:
        span = tokens_in(doc, quoted.start, quoted.end)
        if span is None or not len(span):
            continue
        if quoted.start in opening:
            continue
        line = after.get(quoted.start - 1)
        if line is not None:
            yield quoted.start, quoted.end, "direct", None, line.speaker
            continue
        signer = signed_by(doc, quoted, index)
        if signer is not None:  # the signer's own words, whole
            yield quoted.start, quoted.end, "direct", None, signer
            continue
        cue, speaker = speaker_of(doc, span, index)
        kind = "direct" if is_direct(article.text, quoted, cue, doc) else "partial"
        yield quoted.start, quoted.end, kind, cue, speaker


def rejoin_interrupted(text: str, found: list[tuple]) -> list[tuple]:
    """``"Hopefully," the president said, "this museum can help us ..."``: one quote interrupted by
    its tag is one quote, its citation running over the tag. The first piece ends at a comma, the
    tag between the pieces holds its cue and no other report, and the second piece has no other
    speaker (a fragment in the tag's next report is that report's: ``," Anderson said, adding that
    Sanders is "the most trustworthy."``)."""
    limit = load_json("quotes/cues.json")["interrupting_tag_max_words"]
    return merged(found, lambda first, second: is_interrupted(text, first, second, limit))


def merged(found: list[tuple], joins: Callable[[tuple, tuple], bool]) -> list[tuple]:
    """Quotes where each one ``joins`` the one before it made one direct quote of the first's
    speaker, its citation running from the first's start to the last's end."""
    out: list[tuple] = []
    for quote in found:
        if out and joins(out[-1], quote):
            first = out.pop()
            quote = (first[0], quote[1], "direct", first[3], first[4])
        out.append(quote)
    return out


def is_interrupted(text: str, first: tuple, second: tuple, limit: int) -> bool:
    start, end, kind, cue, speaker = first
    gap = text[end + 1:second[0] - 1]
    return (kind == "direct" and cue is not None and speaker is not None and "\n" not in gap
            and text[start:end].rstrip().endswith(",") and end < cue.idx < second[0]
            and len(gap.split()) <= limit and not reports_again(cue, second[0])
            and (second[4] is None or second[4].i == speaker.i))


def reports_again(cue: Token, until: int) -> bool:
    """The tag goes on with a report of its own before ``until`` (``adding that``, ``urging X to``)."""
    for token in cue.doc[cue.i + 1:]:
        if token.idx >= until:
            return False
        if is_speech_verb(token):
            return True
    return False


def join_continued(text: str, found: list[tuple]) -> list[tuple]:
    """``"Ted Cruz is the best candidate," Viguerie says.`` and a paragraph of quotation with no tag
    of its own after it (``"He checks all our boxes."``): the second goes on with the first, so the
    two are one quote whose citation runs over the tag, not two pieces of one speaker's words."""
    limit = load_json("quotes/cues.json")["continued_quote_gap_max_words"]
    return merged(found, lambda first, second: is_continued(text, first, second, limit))


def is_continued(text: str, first: tuple, second: tuple, limit: int) -> bool:
    """Nothing lies between but white space or the first quote's own tag (``," Viguerie says.``);
    a sentence of narrative between (``She is 45.``) ends the quote."""
    start, end, kind, cue, speaker = first
    if not (kind == second[2] == "direct" and speaker is not None and second[4] is None):
        return False
    gap = text[end + 1:second[0] - 1]
    if not gap.strip():
        return True
    tag_only = cue is not None and end < cue.idx and sentence_of(cue).end_char >= end + 1 + len(gap.rstrip())
    return tag_only and gap.count("\n\n") <= 1 and len(gap.split()) <= limit


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


def issuers_as_speakers(article: Article) -> None:
    """``"...," the statement said`` and ``it said``: a document or an organisation's pronoun
    speaks for the speaker quoted just before (for ``it``, the last that is not a person), within
    the paragraphs a quote may continue over."""
    cues = load_json("quotes/cues.json")
    documents, pronouns = set(cues["document_speakers"]), set(cues["organisation_pronouns"])
    limit = cues["continuation_paragraphs"]
    types = {actor.id: actor.type for actor in article.actors}
    last: dict[str, tuple[int, str]] = {}
    for quote in article.quotes:
        paragraph = article.text.count("\n\n", 0, quote.start)
        said_by = (quote.speaker_text or "").lower()
        if quote.speaker is None and said_by:
            source = "any" if said_by.split()[-1] in documents else "organisation" if said_by in pronouns else None
            if source in last and paragraph - last[source][0] <= limit:
                quote.speaker = last[source][1]
        if quote.speaker is not None:
            last["any"] = (paragraph, quote.speaker)
            if types.get(quote.speaker) != "person":
                last["organisation"] = (paragraph, quote.speaker)


def is_scare_quote(doc: Doc, start: int, end: int) -> bool:
    """A word or two in marks, with no sentence's end of its own (``tweeted "disgusting"``, told
    ``"Morning Joe"``): a term or a title, not someone's words (``"No," he said`` is), unless it is
    what something is called (``proscribed as a "terrorist organisation" by Western governments``)."""
    span = tokens_in(doc, start, end)
    if span is None:
        return False
    words = [t for t in span if not (t.is_punct or t.is_space)]
    if is_title_name(words, text_of(doc)[start:end].rstrip()[-1:]):
        return True
    if len(words) >= load_json("quotes/cues.json")["partial_min_words"] or text_of(doc)[start:end].rstrip()[-1:] in ".,!?":
        return False
    before = [t for t in doc[max(span.start - 3, 0):span.start] if not (t.is_punct or t.is_quote)]
    return not any(t.lower_ == "as" for t in before)


def is_title_name(words: list[Token], last: str) -> bool:
    """``appeared on "Sunday Morning Futures,"``, ``told "State of the Union"``: a few words, each
    capitalised but the small ones, with no verb and no sentence end, name a programme or a work."""
    cues = load_json("quotes/cues.json")
    small = set(cues["title_small_words"])
    return (2 <= len(words) <= cues["title_max_words"] and last not in ".!?"
            and all(t.text[:1].isupper() or t.lower_ in small for t in words)
            and not any(t.pos_ in ("VERB", "AUX") for t in words))


def host_report(partial: tuple, found: list[tuple]) -> Optional[tuple]:
    """The indirect quote of the same speaker a quoted fragment lies in (``said the deal was "a
    disaster"``): the fragment is part of that report, marked among its ``partials``, not a
    second quote."""
    start, end, _, _, speaker = partial
    return next((q for q in found if q[2] == "indirect" and q[0] <= start and end <= q[1] and speaker is not None
                 and q[4] is not None and q[4].i == speaker.i), None)


def add_quotes(article: Article, doc: Doc) -> Article:
    index = index_of(doc, article)
    lines = named_lines(doc, index)
    found = rejoin_interrupted(article.text, list(direct_and_partial(article, doc, index, lines)))
    marked = [(s - 1, e + 1) for s, e, kind, _, _ in found if kind == "direct"]
    opened = {quoted.start - 1 for quoted in index.marks}
    spoken = [line for line in lines if line.content_start not in opened]
    found += [(line.content_start, line.end, "direct" if line.transcript else "indirect", None, line.speaker)
              for line in spoken]
    marked += [(line.content_start, line.end) for line in spoken if line.transcript]  # "FALLIN: Well, I think ..."
    found += [(s, e, "indirect", cue, who) for s, e, cue, who in indirect(doc, marked, index)]
    found = continue_speakers(article.text, join_continued(article.text, sorted(found, key=lambda q: q[0])))
    hosts = {id(q): host_report(q, found) for q in found if q[2] == "partial"}
    kept = [q for q in found if not (q[2] == "partial" and (q[4] is None or hosts[id(q)] is not None))
            and not (q[2] != "indirect" and is_scare_quote(doc, q[0], q[1]))]
    article.quotes = [make_quote(article, index, n, s, e, kind, cue, who)
                      for n, (s, e, kind, cue, who) in enumerate(kept, start=1)]
    by_span = {(quote.start, quote.end): quote for quote in article.quotes}
    for partial in found:
        host = hosts.get(id(partial))
        if host is not None and partial[4] is not None:
            by_span[host[:2]].partials.append(TextSpan(partial[0], partial[1], article.text[partial[0]:partial[1]]))
    issuers_as_speakers(article)
    return article
