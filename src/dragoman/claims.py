"""Claims, contradictions, verification and relations: what is contested, and who stands with whom.

- A **claim** is what a speaker asserts or denies: one per speaker and sentence from the quotes
  stage (the longest quote of that speaker there), and one per accusation event. Its stance is
  ``denies`` when the words or the cue deny (``there is no truth to news claiming ...``).
- Two claims **contradict** (see ``contradiction``) when a denial names the other's claims, when
  the accused denies, when nearby claims take opposite stances about the same place (``the
  capital`` is read as the capital of the country the article is about), or when one affirms and
  the other negates the same phrase. The reason says which.
- **Verification**: a sentence such as "AFP has been unable to independently verify some of the
  information provided by the government and the rebels" sets ``verified: false`` on the claims
  (and claimed events) of the parties it names, or of the paragraphs just before when it names none.
- **Relations** come from relation nouns between actors (``Assad ally Russia``, ``a fierce critic
  of the Syrian leader``, ``partners since 2017``) and from SUPPORT, AID and ACCUSE events.
"""

from __future__ import annotations

from collections import Counter
from typing import Optional

from spacy.tokens import Doc, Span, Token

from dragoman.actors.kb import load_kb, normalise
from dragoman.data_files import load_json
from dragoman.doc_views import entities_in, text_of, words_between
from dragoman.mention_index import MentionIndex, index_of
from dragoman.record import Actor, Article, Claim, Quote
from dragoman.relations import find_relations

STATE_SECTORS = ("GOV", "MIL", "COP", "SPY", "JUD", "LEG")
STATE_TYPES = ("state", "government", "military", "police", "intelligence", "judiciary", "legislature")


def cues() -> dict:
    return load_json("claims/cues.json")


def paragraph_of(text: str, offset: int) -> int:
    return text.count("\n\n", 0, offset)


def stance_of(quote: Quote, text: str) -> str:
    """``denies`` when the words deny (``no truth``, ``patently false``, ``at no point did we``) or
    the cue or lead does (``rejected these accusations as``, ``denies that``)."""
    words = cues()
    sentence_start = max(text.rfind(". ", 0, quote.start), text.rfind("\n", 0, quote.start))
    lead = text[sentence_start + 1:quote.start].lower()
    content = quote.text.lower()
    cue = (quote.cue or "").lower()
    if any(w in content for w in words["denial_words"]) or any(cue.startswith(v[:5]) for v in words["denial_verbs"]):
        return "denies"
    return "denies" if any(w in lead for w in words["denial_leads"]) else "asserts"


def claims_from_quotes(article: Article, doc: Doc) -> list[Claim]:
    """One claim per speaker and sentence: the longest of that speaker's quotes there."""
    best: dict[tuple, Quote] = {}
    for quote in article.quotes:
        who = quote.speaker or quote.speaker_text
        if not who:
            continue
        token = doc.char_span(quote.start, quote.end, alignment_mode="expand")
        sentence = token.sent.start if token is not None else quote.start
        key = (who, sentence)
        if key not in best or quote.end - quote.start > best[key].end - best[key].start:
            best[key] = quote
    quotes = sorted(best.values(), key=lambda q: q.start)
    return [Claim(id="", text=q.text, stance=stance_of(q, article.text), start=q.start, end=q.end,
                  claimant=q.speaker, claimant_text=q.speaker_text) for q in quotes]


def topics(claim: Claim, index: MentionIndex, doc: Doc, main_capital: Optional[str]) -> set[str]:
    """What a claim is about: the places, actors and multi-word noun phrases of its sentence
    (a partial quote's sentence says whom it accuses: "accused U.S. forces of ...")."""
    found = set()
    span = doc.char_span(claim.start, claim.end, alignment_mode="expand")
    if span is None:
        return found
    sentence = span.sent  # found once: spaCy walks the words to the sentence's ends on each access
    sentence = sentence if span.start >= sentence.start and span.end <= sentence.end else span
    countries = load_kb().country_names
    for ent in entities_in(sentence):
        if ent.label_ in ("GPE", "LOC", "FAC") and normalise(ent.text) not in countries:
            found.add("place:" + normalise(ent.text))
    if main_capital and any(is_bare_capital(doc[i]) for i in words_between(doc, ("capital",), sentence.start, sentence.end)):
        found.add("place:" + normalise(main_capital))
    found |= {f"denied:{owner}" for owner in claim_owners(sentence, index)}
    for chunk in index.noun_chunks_in(span):
        if chunk.root.pos_ != "NOUN" or any(t.ent_type_ for t in chunk):
            continue  # a common thing ("international law"), not a name or a date
        words = [t.lemma_.lower() for t in chunk if not (t.is_stop or t.is_punct)]
        if len(words) >= 2:
            found.add(("phrase:-" if negated(chunk) else "phrase:+") + " ".join(words))
    return found


def is_bare_capital(token: Token) -> bool:
    """``the capital`` standing alone for a city (``encircling the capital``), not money (``enough
    capital``), not a capital named by its modifiers (``the Qatari capital``, ``the capital of
    Iraq``), not a modifier itself (``capital markets``)."""
    if token.lower_ != "capital" or token.dep_ == "compound":
        return False
    children = list(token.children)
    return (any(c.lower_ == "the" and c.dep_ == "det" for c in children)
            and not any(c.dep_ in ("amod", "compound", "poss", "nmod", "prep") for c in children))


def claim_owners(sentence: Span, index: MentionIndex) -> set[str]:
    """Whose claims a sentence names: ``the Russian Defense Ministry's allegations`` (an actor),
    ``the Russian and Syrian claims`` (countries: ``country:RUS``)."""
    kb = load_kb()
    owners = set()
    doc = sentence.doc
    for token in (doc[i] for i in words_between(doc, tuple(cues()["claim_nouns"]), sentence.start, sentence.end)):
        for child in token.children:
            if child.dep_ not in ("poss", "amod", "compound"):
                continue
            for word in [child, *child.conjuncts, *(g for g in child.children if g.dep_ in ("amod", "compound"))]:
                named = index.at(word)
                if named is not None:
                    owners.add(named.id)
                    if named.country and named.type != "person":
                        owners.add(f"country:{named.country}")
                if kb.country_of_word(word.text):
                    owners.add(f"country:{kb.country_of_word(word.text)}")
    return owners


def negated(chunk: Span) -> bool:
    """Whether the predicate a noun phrase belongs to is negated: ``not, per se, inconsistent
    with international law``, ``had not made their required checks``, ``no evidence``, ``failed to
    conduct required checks``."""
    negations = cues()["negations"]
    if any(t.lower_ in negations for t in chunk if t.dep_ == "det"):
        return True
    token = chunk.root
    for _ in range(4):
        token = token.head
        if token.pos_ in ("VERB", "AUX", "ADJ"):
            scope = [token]
            if token.dep_ == "acomp":  # "was not, per se, inconsistent": the copula and its complements
                scope += [token.head, *(c for c in token.head.children if c.dep_ == "acomp")]
            if token.dep_ == "xcomp" and token.head.lemma_.lower() in cues()["negating_verbs"]:
                return True  # "failed to conduct required checks" says they were not conducted
            return any(c.dep_ == "neg" for t in scope for c in t.children)
        if token.head.i == token.i:
            break
    return False


def main_capital(article: Article) -> Optional[str]:
    """The capital of the country the article is most about (``the capital`` in a quote)."""
    counts = Counter(a.country for a in article.actors for _ in a.mentions if a.country)
    if not counts:
        return None
    iso3 = counts.most_common(1)[0][0]
    return next((name for name, code in load_kb().seats.items() if code == iso3), None)


def contradiction(a: Claim, b: Claim, about: dict[str, set[str]], near: bool, actors: dict[str, Actor]) -> Optional[str]:
    """Why claims ``a`` and ``b`` contradict, or None: a denial naming the other's claims (``the
    Russian Defense Ministry's allegations are false``); nearby, opposite stances about the same
    place (``the capital`` / ``near Damascus``); anywhere, the same phrase of two or more words
    affirmed by one and negated by the other (``not ... inconsistent with international law`` /
    ``illegal under international law``)."""
    if a.stance != b.stance:
        denier, asserter = (a, b) if a.stance == "denies" else (b, a)
        owner = actors.get(asserter.claimant)
        named = {f"denied:{asserter.claimant}", f"denied:country:{owner.country}" if owner else None}
        if asserter.claimant and named & about[denier.id]:
            return f"{denier.id} denies the claims of {asserter.id}'s claimant"
        if denier.claimant and f"accused:{denier.claimant}" in about[asserter.id]:
            return f"{denier.id} is accused in {asserter.id} and denies"
        places = {t for t in about[a.id] & about[b.id] if t.startswith("place:")}
        if near and places:
            return f"{denier.id} denies what {asserter.id} asserts about {', '.join(sorted(t[6:] for t in places))}"
    flipped = {t[8:] for t in about[a.id] if t.startswith("phrase:")} & {
        t[8:] for t in about[b.id] if t.startswith("phrase:") and t not in about[a.id]}
    if flipped and a.stance == b.stance == "asserts":
        return f"{a.id} and {b.id} say opposite things about {', '.join(sorted(flipped))}"
    return None


def link_contradictions(claims: list[Claim], article: Article, doc: Doc, accused: dict[str, str]) -> None:
    capital = main_capital(article)
    index = index_of(doc, article)
    about = {c.id: topics(c, index, doc, capital) for c in claims}
    for claim_id, target in accused.items():
        about[claim_id].add(f"accused:{target}")
    actors = {a.id: a for a in article.actors}
    window = cues()["context_paragraphs"]
    paragraph = {c.id: paragraph_of(article.text, c.start) for c in claims}
    for i, a in enumerate(claims):
        for b in claims[i + 1:]:
            if (a.claimant or a.claimant_text) == (b.claimant or b.claimant_text):
                continue
            near = abs(paragraph[a.id] - paragraph[b.id]) <= window
            reason = contradiction(a, b, about, near, actors)
            if reason:
                for claim, other in ((a, b), (b, a)):
                    claim.contradicts.append(other.id)
                    claim.reason = reason


def side_of(actor: Optional[Actor]) -> Optional[tuple[Optional[str], str]]:
    """(country, 'state' or the actor's type) for matching parties named in a verification sentence;
    a body the text gives no country ("the defence ministry", "a rebel commander") has its type only."""
    if actor is None or not actor.type or (actor.type == "person" and len(actor.code or "") < 6):
        return None
    sector = (actor.code or "")[3:6]
    return actor.country, "state" if sector in STATE_SECTORS or actor.type in STATE_TYPES else actor.type


def same_side(owner: Optional[tuple[Optional[str], str]], named: set, near: bool) -> bool:
    """The owner is one of the parties named; an owner of no country, close by, matches a party of its kind
    ("the defence ministry said ..." and, next paragraph, "could not verify ... the government")."""
    if owner is None:
        return False
    return any(owner[1] == side[1] and (owner[0] == side[0] if owner[0] else near) for side in named)


def apply_verification(article: Article, doc: Doc, claims: list[Claim]) -> None:
    words = cues()
    text = text_of(doc)
    whole = text.lower()  # a cue (plain English words) in a sentence is in the whole lower-cased text too
    if not any(w in whole for w in (*words["unverified"], *words["verified"])):
        return  # most articles: no sentence to read for them
    actors = {a.id: a for a in article.actors}
    for sentence in doc.sents:
        lowered = text[sentence.start_char:sentence.end_char].lower()  # Span.text joins its tokens
        if any(w in lowered for w in words["unverified"]):
            value = False
        elif any(w in lowered for w in words["verified"]):
            value = True
        else:
            continue
        named = {side_of(a) for a in article.actors for m in a.mentions
                 if sentence.start_char <= m.start < sentence.end_char} - {None}
        here = paragraph_of(article.text, sentence.start_char)
        for item in [*claims, *(e for e in article.events if e.status in ("claimed", "denied"))]:
            owner = actors.get(item.claimant if isinstance(item, Claim) else item.source)
            near = 0 <= here - paragraph_of(article.text, item.start) <= 1
            if (named and same_side(side_of(owner), named, near)) or (not named and near):
                item.verified = value


def claims_from_accusations(article: Article, claims: list[Claim]) -> tuple[list[Claim], list[tuple[Claim, str]]]:
    """An accusation is a claim too ("Swift posted on Twitter accusing Big Machine of trying to stop
    her performing"): its accuser asserts; the accused (an actor id) is kept for contradictions.
    Where the accuser's words there are already a claim (the charge as reported speech), that
    claim carries the accused. Returns the new claims and each accusing claim with its accused."""
    actors = {a.id: a for a in article.actors}
    added: list[Claim] = []
    accused: list[tuple[Claim, str]] = []
    for event in article.events:
        if event.type != "ACCUSE" or not event.source:
            continue
        said = [c for c in claims + added if c.claimant == event.source]
        claim = next((c for c in said if event.start <= c.start < event.end), None)
        if claim is None:
            claim = Claim(id="", text=article.text[event.start:event.end].strip(), stance="asserts", start=event.start,
                          end=event.end, claimant=event.source, claimant_text=actors[event.source].name)
            added.append(claim)
        if event.target:
            accused.append((claim, event.target))
    return added, accused


def add_claims(article: Article, doc: Doc) -> Article:
    claims = claims_from_quotes(article, doc)
    added, accusations = claims_from_accusations(article, claims)
    claims = sorted(claims + added, key=lambda c: c.start)
    for number, claim in enumerate(claims, start=1):
        claim.id = f"c{number}"
    link_contradictions(claims, article, doc, {claim.id: target for claim, target in accusations})
    apply_verification(article, doc, claims)
    article.claims = claims
    article.relations = find_relations(article, doc)
    return article
