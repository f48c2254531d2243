"""Quotes: who said what, direct, partial and indirect, with the right speaker.

Quotation marks were balanced by cleaning, so every stretch between double marks is a quote.
It is ``direct`` when a speech verb introduces it (``said: "...``) or it stands as a sentence of
its own (``"...," he said``), else ``partial`` (a fragment in reported speech). ``indirect``
quotes are the complement clauses of speech verbs (``Lavrov said that Syria must ...``) and
sentences attributed with ``according to``.

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
from dragoman.doc_views import text_of, tokens_of_pos
from dragoman.layout_speakers import NamedLine, named_lines, signed_by
from dragoman.mention_index import MentionIndex, clause_subject, index_of, is_speech_verb, is_to_clause
from dragoman.quote_speakers import according_to, cue_text, described_speaker, speaker_of, speaker_phrase
from dragoman.quotemarks import DOUBLE_CLOSE, DOUBLE_OPEN, Quoted
from dragoman.record import Article, Quote
from dragoman.record import Span as TextSpan


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
        actor = (index.covering(phrase.start_char, phrase.end_char)
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
    tag_only = cue is not None and end < cue.idx and cue.sent.end_char >= end + 1 + len(gap.rstrip())
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


def indirect(doc: Doc, quoted: list[tuple[int, int]], index: MentionIndex) -> Iterator[tuple[int, int, Token, Token]]:
    """Complement clauses of speech verbs, and ``according to`` sentences, not already quoted; a
    sentence that is only ``That's according to ...`` reports nothing of its own."""
    text = text_of(doc)
    for token in tokens_of_pos(doc, "VERB", "AUX"):
        if not is_speech_verb(token):
            continue
        for head, content in reported_contents(token):
            words = content[1:] if content[0].dep_ == "mark" else content
            words = words[:-1] if len(words) > 1 and words[-1].text == "," else words  # the comma before a tag
            start, end = words.start_char, words.end_char
            start = max(start, token.idx + len(token) + 1) if head.i > token.i else start
            end = past_closing_mark(text, start, end)
            subject = clause_subject(token)
            if subject is None or index.in_marks(subject) or inside_quotes(start, end, quoted):
                continue
            if head.i < token.i and not is_tag_after(content, token):
                continue
            yield start, end, token, subject
    for sentence in doc.sents:
        attributed = according_to(sentence)
        if attributed is None:
            continue
        rest = [t for t in sentence if not (attributed[1].start <= t.i < attributed[1].end)
                and not (t.is_punct or t.is_space)]
        if any(t.pos_ in ("NOUN", "PROPN", "VERB", "ADJ", "NUM") and t.lemma_ != "be" for t in rest) and not inside_quotes(rest[0].idx, rest[-1].idx + len(rest[-1]), quoted):
            yield rest[0].idx, rest[-1].idx + len(rest[-1]), doc[attributed[1].start], attributed[0]


def reported_contents(cue: Token) -> list[tuple[Token, Span]]:
    """What a speech verb reports: its complement clause ("said that ..."), and, where the verb
    names its addressee or target, what it asks of them or charges them with ("urged the public
    not to tolerate ...", "accused China of using coercion ..."), or what it calls them
    ("called the inquiry a witch hunt", "described Clinton as a lifetime politician"). Each with
    the word that heads it."""
    clauses = [c for c in cue.children if c.dep_ == "ccomp"]
    objects = [c for c in cue.children if c.dep_ in ("dobj", "dative")]
    if objects:
        clauses += [c for c in cue.children if c.dep_ == "xcomp" and c.pos_ == "VERB" and is_to_clause(c)]
        clauses += [g for c in cue.children if c.dep_ == "prep" and c.lower_ in load_json("quotes/cues.json")["charge_prepositions"]
                    for g in c.children if g.dep_ == "pcomp" and g.tag_ == "VBG"]
    clauses += misattached_that_clauses(cue, objects)
    contents = [(c, report_span(cue, c)) for c in clauses]
    answers = load_json("quotes/cues.json")["answer_words"]  # "half said so", "72 percent said yes"
    contents += [(c, cue.doc[c.i:c.i + 1]) for c in cue.children if c.i == cue.i + 1 and c.lower_ in answers]
    naming = naming_complement(cue, objects)
    return contents + ([(naming, cue.doc[objects[0].left_edge.i:naming.right_edge.i + 1])] if naming is not None else [])


def misattached_that_clauses(cue: Token, objects: list[Token]) -> list[Token]:
    """``argued for decades that it was ...``, ``told teachers who covered the lawn that ...``: a
    clause opened by "that", with a subject of its own, that the parser hung on a noun of the
    speech verb's phrase (the object of its preposition) or on a relative clause on its addressee
    that already has an object, not on the speech verb it completes."""
    nouns = [g for c in cue.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    found = [c for n in nouns for c in n.children if c.dep_ in ("acl", "relcl")]
    relatives = [r for o in objects for r in o.children if r.dep_ == "relcl" and not is_speech_verb(r)
                 and any(c.dep_ == "dobj" for c in r.children)]
    found += [c for r in relatives for c in r.children if c.dep_ == "ccomp"]
    return [c for c in found if c.i > cue.i and opens_with_that(c)]


def opens_with_that(clause: Token) -> bool:
    """The clause starts with the conjunction "that" and has a subject after it."""
    first = clause.doc[clause.left_edge.i]
    return (first.lower_ == "that" and first.dep_ == "mark" and first.head.i == clause.i
            and any(c.dep_ in ("nsubj", "nsubjpass") and c.i > first.i for c in clause.children))


def report_span(cue: Token, clause: Token) -> Span:
    """The words a reported clause covers, and a clause joined to the speech verb right after it
    with no speech verb of its own ("says there's a long road ahead but he feels confident ...");
    a report joined inside the clause with its own speaker and speech verb is another report
    ("three-quarters said they were worried, and more than 4 in 10 said ...")."""
    doc = clause.doc
    end = clause.right_edge.i + 1
    subject = stranded_subject(cue, clause)
    start = (clause if subject is None else subject).left_edge.i
    second = [t for t in clause.subtree if t.dep_ == "conj" and t.i > clause.i and is_speech_verb(t)
              and any(c.dep_ == "nsubj" for c in t.children)]  # "said they were worried, and 4 in 10 said ..."
    if second:
        end = second[0].left_edge.i
        while end > clause.i + 1 and doc[end - 1].dep_ in ("cc", "punct"):
            end -= 1
        return doc[start:end]
    joined = [c for c in cue.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and c.left_edge.i >= end - 1
              and not any(is_speech_verb(t) for t in c.subtree)]  # the verb itself included
    if joined and all(doc[i].dep_ in ("cc", "punct") for i in range(end, joined[0].left_edge.i)):
        end = joined[0].right_edge.i + 1
    return doc[start:end]


def stranded_subject(cue: Token, clause: Token) -> Optional[Token]:
    """``suggested the likely reason residents stay is fear``, ``added the circumstances remained
    unclear``: a finite reported clause with no subject of its own, whose subject the parser took
    for the speech verb's object (between the verb and the clause)."""
    if any(c.dep_ in load_json("quotes/cues.json")["subject_deps"] for c in clause.children) or not is_finite(clause):
        return None
    objects = [c for c in cue.children if c.dep_ == "dobj" and cue.i < c.i < clause.left_edge.i]
    return objects[0] if objects else None


def is_finite(verb: Token) -> bool:
    """A verb with a tense of its own or a finite auxiliary (``remained``, ``is``, ``had been``)."""
    finite = load_json("quotes/cues.json")["finite_tags"]
    return verb.tag_ in finite or any(c.dep_ in ("aux", "auxpass") and c.tag_ in finite for c in verb.children)


def naming_complement(cue: Token, objects: list[Token]) -> Optional[Token]:
    """What a naming verb calls its object: the predicate of ``called the deal a disaster`` or the
    ``as`` phrase of ``described Clinton as a politician``, after the object."""
    frames = load_json("quotes/cues.json")["naming_verbs"]
    if not objects or objects[0].dep_ != "dobj" or cue.lemma_.lower() not in frames:
        return None
    after = [c for c in cue.children if c.i > objects[0].i and (
        c.dep_ == "oprd" or (c.dep_ == "prep" and c.lower_ in frames[cue.lemma_.lower()]))]
    quoted = [c for c in objects[0].children if c.dep_ == "appos" and c.left_edge.i > 0
              and c.doc[c.left_edge.i - 1].is_quote]  # "called the decision "a mistake"": parsed as apposition
    return (after or quoted or [None])[-1]


def is_tag_after(content: Span, cue: Token) -> bool:
    """``<claim>, Cook said.``: the content ends at a comma and the tag follows it, its subject
    between the comma and the cue or right after the cue (``, said Cook``); a party tag in
    brackets may stand in it (``, Sen. Lindsey Graham (R-S.C.) told ...``)."""
    comma = content.end - 1 if content[-1].text == "," else content.end
    doc = cue.doc
    return comma < cue.i and doc[comma].text == "," and all(
        not t.is_punct or t.is_bracket or t.text == "-" for t in doc[comma + 1:cue.i])


def past_closing_mark(text: str, start: int, end: int) -> int:
    """The end of a reported clause, taking in the mark that closes a quote opened inside it
    (``called them "deplorables."``: the period and the mark)."""
    inside = text[start:end]
    curly = sum(map(inside.count, "\u201c\u201e\u00ab")) > sum(map(inside.count, "\u201d\u00bb"))
    if text[end:end + 1] in DOUBLE_CLOSE and text[start - 1:start] not in DOUBLE_OPEN:
        return end + 1
    if (curly or inside.count('"') % 2) and text[end:end + 1] in ".,!?" and text[end + 1:end + 2] in DOUBLE_CLOSE:
        return end + 2
    return end


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


def inside_quotes(start: int, end: int, quoted: list[tuple[int, int]]) -> bool:
    """Most of ``start``..``end`` lies between quotation marks."""
    covered = sum(max(0, min(end, e) - max(start, s)) for s, e in quoted)
    return covered > 0.5 * (end - start)


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
