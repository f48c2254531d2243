"""Indirect speech: what a speech verb reports (its complement clause, what it asks of or calls its
object, a one-word answer) and sentences attributed with ``according to``, each with its cue and
speaker.

``quotes.py`` decides what a quote is and joins the pieces; ``quote_speakers.py`` finds who said
words in marks; this module finds reports without marks and how far each one runs, repairing the
parser where it hangs a report's words on the wrong word.
"""

from __future__ import annotations

from typing import Iterator, Optional

from spacy.tokens import Doc, Span, Token

from dragoman.data_files import load_json
from dragoman.doc_views import text_of, tokens_of_pos, words_between
from dragoman.mention_index import MentionIndex, clause_subject, is_speech_verb, is_to_clause
from dragoman.quote_speakers import according_to
from dragoman.quotemarks import DOUBLE_CLOSE, DOUBLE_OPEN


def indirect(doc: Doc, quoted: list[tuple[int, int]], index: MentionIndex) -> Iterator[tuple[int, int, Token, Token]]:
    """Complement clauses of speech verbs, and ``according to`` sentences, not already quoted; a
    sentence that is only ``That's according to ...`` reports nothing of its own."""
    text = text_of(doc)
    thoughts = set(load_json("quotes/cues.json")["not_attribution_verbs"])
    for token in tokens_of_pos(doc, "VERB", "AUX"):
        if not is_speech_verb(token) or token.lemma_.lower() in thoughts:
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
    for sentence in doc.sents if words_between(doc, ("according",)) else ():  # most articles have no "according"
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
    ("three-quarters said they were worried, and more than 4 in 10 said ..."), and so is one
    that goes on from the cue itself (``says he'd sit Putin down and tells the crowd he ...``)."""
    doc = clause.doc
    end = before_gloss(clause, clause.right_edge.i + 1)
    subject = stranded_subject(cue, clause)
    start = (clause if subject is None else subject).left_edge.i
    second = [t for t in clause.subtree if t.dep_ == "conj" and t.i > clause.i and is_speech_verb(t)
              and (any(c.dep_ == "nsubj" for c in t.children) or reports_beside(cue, t))]
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


def before_gloss(clause: Token, end: int) -> int:
    """Where a report ends before the writer's gloss on it: a participle after a comma closing the
    clause (``would consider voting for each Democrat, putting them ahead of ...``, ``should be
    wrapped up by Cleveland, referring to the convention``) says what the words mean or did, in
    the writer's voice, unless it stands in quotation marks or reports more words of the speaker
    (``, saying he trusted the courts``)."""
    doc = clause.doc
    for token in clause.subtree:
        comma = token.left_edge.i - 1
        if (token.dep_ in ("advcl", "acl") and token.tag_ == "VBG" and not is_speech_verb(token)
                and token.i > clause.i and comma > clause.i
                and doc[comma].text == "," and token.right_edge.i + 1 >= end - 1
                and not any(t.is_quote for t in doc[comma:end])
                and sum(t.is_quote for t in doc[clause.left_edge.i:comma]) % 2 == 0):  # not inside marks
            return comma
    return end


def reports_beside(cue: Token, verb: Token) -> bool:
    """A speech verb the parser joined inside the reported clause, in the cue's own tense and
    reporting a clause of its own (``says he'd sit Putin down ... and tells the crowd he was
    ...``): the speaker's next report, beside the first, not a part of it."""
    return verb.tag_ == cue.tag_ and any(c.dep_ == "ccomp" for c in verb.children)


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
    brackets may stand in it (``, Sen. Lindsey Graham (R-S.C.) told ...``), and the mark closing a
    quoted end of the claim (``using the tax "is a misguided approach," said Burman``)."""
    comma = content.end - 1 if content[-1].text == "," else content.end
    doc = cue.doc
    return comma < cue.i and doc[comma].text == "," and all(
        not t.is_punct or t.is_bracket or t.text == "-" or t.is_quote for t in doc[comma + 1:cue.i])


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


def inside_quotes(start: int, end: int, quoted: list[tuple[int, int]]) -> bool:
    """Most of ``start``..``end`` lies between quotation marks."""
    covered = sum(max(0, min(end, e) - max(start, s)) for s, e in quoted)
    return covered > 0.5 * (end - start)
