"""Contested across sources: what one article says happened and another article denies.

The claims stage finds contradictions inside one article; across a corpus the two sides are
usually in different articles, days apart and under different headlines ("Swift accuses Big
Machine of stopping her performing" on one day, "At no point did we say Taylor could not
perform", the label's statement, the next). Shared words do not tell a denial from a report, so
each article is read as **statements** (its claims, with claimant and stance, and its events,
with status), compared by who says what about whom, across articles of one story or published
within a few days:

- **told and denied**: one statement tells an event (type, source, target, compared by corpus
  actor) and another denies the same event: a denied event, or a denial whose words hold it;
- **the accused denies**: one says X did something (an accusation, or a claim that holds an
  event done by X) and X's own denial answers it, where the denial's article reports that
  accuser's charge against X or the denial's sentence names the accuser;
- **a denial naming the claims**: a denial that names someone's claims ("her tumblr statements
  ... based on false information") against that someone's claims in another article of the
  same story or telling an event the denial's article tells.

The last two are ``claims.contradiction``'s own tests, given what each statement is about across
articles; the claims stage's functions are reused, not copied. Every pair is listed with both
sources, asserting side first, and the happening it is about where one side reports one.
A contradiction both articles tell in full (the same page twice, a reprinted wire) is each
article's own, found by the claims stage, and is not listed again across them.
Settings are in ``data/corpus/contested.json``. ``dragoman.claims`` (and with it spaCy) is
imported where it is used, so the corpus commands that analyze nothing start without spaCy.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
from dataclasses import dataclass, field
from typing import Iterable, Optional

from dragoman.corpus.stories import day
from dragoman.data_files import load_json
from dragoman.errors import DragomanError
from dragoman.record import Actor, Article, Claim
from dragoman.tables import article_from_dict, corpus_actor_id

Act = tuple[str, Optional[str], Optional[str]]
"""An event as compared across articles: its type, source party and target party."""


@dataclass(frozen=True)
class ContestedConfig:
    max_days_apart: int
    owner_gap_words: int
    asserting_statuses: frozenset[str]
    denying_statuses: frozenset[str]

    @classmethod
    def load(cls, name: str = "corpus/contested.json") -> "ContestedConfig":
        data = load_json(name)
        try:
            return cls(int(data["max_days_apart"]), int(data["owner_gap_words"]),
                       frozenset(data["asserting_statuses"]), frozenset(data["denying_statuses"]))
        except (KeyError, TypeError, ValueError) as exc:
            raise DragomanError(f"data/{name}: {exc}") from exc


@dataclass
class Statement:
    """One claim or event of one article, with what it says about whom."""

    article_id: str
    item_id: str
    kind: str
    """``claim`` or ``event``."""
    status: str
    """A claim's stance (asserts, denies) or an event's status (reported, claimed, denied, ...)."""
    holder: Optional[str]
    """The party who says it: a claim's claimant, an accusation's accuser; None for a reported event."""
    text: str
    day: Optional[dt.date]
    story_id: Optional[str]
    acts: dict[Act, tuple[int, str]] = field(default_factory=dict)
    """The events it tells: +1 as happened, -1 as not, with the event's id."""
    accused: set[str] = field(default_factory=set)
    """Parties it says did something: an accusation's target, the source of an event a claim holds."""
    owners: set[str] = field(default_factory=set)
    """Whose claims a denial names (a party, or ``country:RUS``)."""
    named: set[str] = field(default_factory=set)
    """The parties a denial's sentence names."""
    holder_id: Optional[str] = None
    """The holder's corpus actor id in this article (what the ``contested`` table stores and links)."""

    @property
    def key(self) -> str:
        return f"{self.article_id}/{self.item_id}"

    @property
    def denies(self) -> bool:
        return self.status in ("denies", "denied")

    def as_claim(self) -> Claim:
        return Claim(id=self.key, text=self.text, stance="denies" if self.denies else "asserts", start=0, end=0,
                     claimant=self.holder)


@dataclass
class Pair:
    asserting: Statement
    denying: Statement
    reason: str
    type: Optional[str] = None
    happening_id: Optional[str] = None


def party(corpus_id: Optional[str]) -> Optional[str]:
    """A corpus actor as compared across articles: the country an article could not give
    (``person::taylor swift`` beside ``person:usa:taylor swift``) does not make another actor."""
    if not corpus_id or corpus_id.startswith("kb:"):
        return corpus_id
    kind, _country, name = corpus_id.split(":", 2)
    return f"{kind}::{name}"


SENTENCE_END = re.compile(r"[.!?][\"'”’]?\s|\n")


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence holding ``text[start:end]`` (a claim can run over several: the first's start, the last's end)."""
    before = [m.end() for m in SENTENCE_END.finditer(text, 0, start)]
    after = SENTENCE_END.search(text, max(end - 1, start))
    return (before[-1] if before else 0), (after.start() + 1 if after else len(text))


POSSESSIVE = re.compile(r"^(?:['’]s?|s['’])?\s")
"""What may follow an owner's name before the claim noun: a possessive, or nothing (``Trump claims``)."""


def claim_owners(text: str, bounds: tuple[int, int], mentions: list[tuple[int, int, str]], gap: int) -> set[str]:
    """Whose claims a sentence names: a claim noun (``allegations``, ``statements``) owned by an
    actor (``the Russian Defense Ministry's``, ``her tumblr statements``) or a country adjective
    (``the Russian and Syrian claims``) with at most ``gap`` words between; not a subject before
    its verb (``the Pentagon rejected these accusations`` names the Pentagon's answer, not its claims)."""
    from dragoman.actors.kb import load_kb
    from dragoman.claims import cues

    nouns = set(cues()["claim_nouns"])
    kb = load_kb()
    owners = set()
    for word in re.finditer(r"[\w’']+", text[bounds[0]:bounds[1]]):
        if word.group().lower() not in nouns:
            continue
        at = bounds[0] + word.start()
        for start, end, who in mentions:
            between = text[end:at]
            if start >= bounds[0] and end <= at and POSSESSIVE.match(between + " ") and (
                    len(re.findall(r"[\w’']+", between)) <= gap and (
                        re.match(r"['’]", between) or text[start:end].lower() in OWNING_PRONOUNS or not between.strip())):
                owners.add(who)
        lead = re.findall(r"[\w’'-]+", text[max(bounds[0], at - 80):at])[-(gap + 1):]
        owners |= {f"country:{kb.country_of_word(w)}" for w in lead if kb.country_of_word(w)}
    return owners


OWNING_PRONOUNS = frozenset({"his", "her", "their", "its"})


def is_denial(event_type: str, text: str) -> bool:
    """A rejection that is a denial (``the city's police deny accusations of brutality``, ``The
    Pentagon rejected these accusations``), told by the claims stage's denial words, not a refusal
    of an offer."""
    if event_type != "REJECT":
        return False
    from dragoman.claims import cues

    words = cues()
    lowered = text.lower()
    return any(re.search(rf"\b{re.escape(w)}", lowered) for w in words["denial_leads"] + words["denial_words"])


def statements_of(article_id: str, article: Article, story_id: Optional[str], config: ContestedConfig) -> list[Statement]:
    """An article's claims and events as statements. An event is told by the article (with its
    status) and by each claim that holds it (as not having happened, when the claim denies); an
    accusation is a statement of its accuser."""
    parties = {a.id: party(corpus_actor_id(a)) for a in article.actors}
    mentions = sorted((m.start, m.end, parties[a.id]) for a in article.actors for m in a.mentions)
    published = day(article.published)
    claims = {c.id: Statement(article_id, c.id, "claim", c.stance, parties.get(c.claimant or ""), c.text, published,
                              story_id) for c in article.claims}
    events = []
    for event in article.events:
        polarity = (1 if event.status in config.asserting_statuses else
                    -1 if event.status in config.denying_statuses else 0)
        if not polarity:
            continue
        act = (event.type, parties.get(event.source or ""), parties.get(event.target or ""))
        text = article.text[event.start:event.end].strip()
        if is_denial(event.type, text):  # "Assange has denied both allegations": its source denies
            events.append(Statement(article_id, event.id, "event", "denies", act[1], text, published, story_id))
            continue
        holders = [claims[c.id] for c in article.claims if c.start < event.end and event.start < c.end]
        if any(told.denies for told in holders):  # told only inside a denial ("At no point did we ...")
            polarity = -1
        events.append(Statement(article_id, event.id, "event", event.status, None, text, published, story_id,
                                {act: (polarity, event.id)}))
        for told in holders:  # the claimant tells it too: as not having happened, if they deny
            told.acts[act] = (-1 if told.denies else polarity, event.id)
            if act[1] and act[1] != told.holder and not told.denies:
                told.accused.add(act[1])
    by_event = {s.item_id: s for s in events}
    from dragoman.claims import claims_from_accusations

    _added, accusations = claims_from_accusations(article, list(article.claims))
    for claim, accused in accusations:
        told = claims.get(claim.id) or next((s for e in article.events if e.type == "ACCUSE" and e.start == claim.start
                                            for s in [by_event.get(e.id)] if s), None)
        if told is not None and parties.get(accused):
            told.accused.add(parties[accused])
            told.holder = told.holder or parties.get(claim.claimant or "")
    for told in claims.values():
        if told.denies:
            source = next(c for c in article.claims if c.id == told.item_id)
            bounds = sentence_around(article.text, source.start, source.end)
            told.owners = claim_owners(article.text, bounds, mentions, config.owner_gap_words)
            told.named = {who for start, _end, who in mentions if bounds[0] <= start < bounds[1]}
    stored = {party(corpus_actor_id(a)): corpus_actor_id(a) for a in article.actors}
    for statement in [*claims.values(), *events]:
        statement.holder_id = stored.get(statement.holder or "")
    for statement in events:
        statement.text = statement.text[:500]
    return [*claims.values(), *events]


def denial_reason(a: Statement, b: Statement, act: Act) -> str:
    """Why ``b`` contradicts ``a``: it tells as not having happened an event (same type and
    parties) that ``a`` tells as having happened."""
    return f"{b.key} tells as not having happened the {act[0]} {act[1] or '?'} -> {act[2] or '?'} that {a.key} tells"


@dataclass
class ArticleView:
    """What a whole article tells, against which one of its denials is read."""

    parties: set[str] = field(default_factory=set)
    accusations: set[tuple[str, str]] = field(default_factory=set)
    """(accuser, accused) pairs it reports."""
    acts: set[Act] = field(default_factory=set)
    """The events it tells with both parties known."""
    text: str = ""


def view_of(statements: Iterable[Statement], parties: set[str], text: str) -> ArticleView:
    view = ArticleView(parties, text=text)
    for s in statements:
        view.accusations |= {(s.holder, p) for p in s.accused if s.holder}
        view.acts |= {act for act in s.acts if act[1] and act[2]}
    return view


def answered(a: Statement, b: Statement, b_article: ArticleView, story: bool, countries: dict[str, str]) -> Optional[str]:
    """``claims.contradiction`` across articles, on what each statement is about: ``b``'s denial
    names the claims of ``a``'s claimant (and the two are one story, or ``b``'s article tells an
    event ``a`` tells), or ``a`` accuses ``b``'s claimant, and ``b``'s article reports that
    accusation or ``b``'s sentence names the accuser: a denial answers a charge its article tells,
    not every charge against the same man ("the sex was consensual" is no answer to espionage)."""
    if not a.holder or not b.holder or a.holder == b.holder:
        return None
    about: dict[str, set[str]] = {a.key: set(), b.key: set()}
    if b.holder in a.accused and ((a.holder, b.holder) in b_article.accusations or a.holder in b.named):
        about[a.key] = {f"accused:{b.holder}"}
    if story or set(a.acts) & b_article.acts:
        about[b.key] = {f"denied:{o}" for o in b.owners}
    from dragoman.claims import contradiction

    actors = {a.holder: Actor(id=a.holder, name=a.holder, country=countries.get(a.holder))}
    return contradiction(a.as_claim(), b.as_claim(), about, False, actors)


def related(a: Statement, b: Statement, config: ContestedConfig) -> bool:
    """One story, or published at most ``max_days_apart`` days apart."""
    if a.story_id and a.story_id == b.story_id:
        return True
    return bool(a.day and b.day) and abs((a.day - b.day).days) <= config.max_days_apart


def told_by_both(a: Statement, b: Statement, views: dict[str, ArticleView]) -> bool:
    """Both claims stand in both articles: a copy of one article, not another source (the claims
    stage reads the same words the same way; an event's status can still differ between copies)."""
    return a.text in views[b.article_id].text and b.text in views[a.article_id].text


def find_pairs(statements: list[Statement], names: dict[str, set[str]], texts: dict[str, str],
               countries: dict[str, str], config: ContestedConfig) -> list[Pair]:
    """Every (asserting, denying) pair of statements from different articles that contradict; an
    event told and denied is listed once per two articles, by the claims that tell it where there are."""
    by_article: dict[str, list[Statement]] = {}
    telling: dict[Act, list[Statement]] = {}
    for s in statements:
        by_article.setdefault(s.article_id, []).append(s)
        for act in s.acts:
            telling.setdefault(act, []).append(s)
    views = {k: view_of(v, names.get(k, set()), texts.get(k, "")) for k, v in by_article.items()}
    told: dict[tuple[str, str, Act], Pair] = {}
    for act, tellers in telling.items():
        if not (act[1] or act[2]):
            continue
        denying = [b for b in tellers if b.acts[act][0] == -1]
        for a in (a for a in tellers if denying and a.acts[act][0] == 1):
            for b in denying:
                if a.article_id == b.article_id or not related(a, b, config):
                    continue
                key, pair = (a.article_id, b.article_id, act), Pair(a, b, denial_reason(a, b, act), act[0])
                if key not in told or _rank(pair) > _rank(told[key]):
                    told[key] = pair
    pairs = list(told.values())
    taken = {(p.asserting.key, p.denying.key) for p in pairs}
    answering: dict[str, list[Statement]] = {}  # who may be answered: by the party accused, the claimant, its country
    for a in (s for s in statements if not s.denies and s.holder):
        for key in {*a.accused, a.holder, f"country:{countries.get(a.holder)}"}:
            answering.setdefault(key, []).append(a)
    for b in (s for s in statements if s.denies and s.holder):
        seen = set()
        for a in (a for key in [b.holder, *sorted(b.owners)] for a in answering.get(key, [])):
            if (a.key in seen or a.article_id == b.article_id or (a.key, b.key) in taken
                    or not related(a, b, config) or told_by_both(a, b, views)):
                continue
            seen.add(a.key)
            story = bool(a.story_id) and a.story_id == b.story_id
            reason = answered(a, b, views[b.article_id], story, countries)
            if reason:
                pairs.append(Pair(a, b, reason))
    return pairs


def _rank(pair: Pair) -> tuple[int, int]:
    """Claims before bare events: a claim says who tells it."""
    return int(pair.asserting.kind == "claim"), int(pair.denying.kind == "claim")


def read_candidates(db: sqlite3.Connection, config: ContestedConfig) -> tuple[list[str], dict[str, set[str]]]:
    """The articles worth reading whole: those holding a denial, and those sharing a party with one
    (in one story or a few days apart). Returns them and every article's parties."""
    names: dict[str, set[str]] = {}
    for article_id, actor in db.execute('SELECT "article_id", "corpus_actor_id" FROM "actors"'):
        names.setdefault(article_id, set()).add(party(actor))
    denying = {r[0] for r in db.execute(
        'SELECT "article_id" FROM "claims" WHERE "stance" = \'denies\' UNION SELECT "article_id" FROM "events" '
        f'WHERE "status" IN ({", ".join("?" * len(config.denying_statuses))})', sorted(config.denying_statuses))}
    articles = {r[0]: (r[1], day(r[2])) for r in db.execute('SELECT "id", "story_id", "published" FROM "articles"')}
    by_party: dict[str, set[str]] = {}
    for article_id in denying:
        for name in names.get(article_id, ()):
            by_party.setdefault(name, set()).add(article_id)
    wanted = set(denying)
    for article_id, (story, published) in articles.items():
        others = {o for name in names.get(article_id, ()) for o in by_party.get(name, ())} - {article_id}
        for other in others:
            other_story, other_day = articles[other]
            if (story and story == other_story) or (
                    published and other_day and abs((published - other_day).days) <= config.max_days_apart):
                wanted.add(article_id)
                break
    return sorted(wanted), names


def find_contested(db: sqlite3.Connection, config: ContestedConfig) -> list[Pair]:
    """The contradicting pairs of a corpus, each with the happening it is about where known."""
    wanted, names = read_candidates(db, config)
    statements: list[Statement] = []
    countries: dict[str, str] = {}
    texts: dict[str, str] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start:start + 500]
        rows = db.execute('SELECT r."article_id", r."record", a."story_id" FROM "records" r JOIN "articles" a '
                          f'ON a."id" = r."article_id" WHERE r."article_id" IN ({", ".join("?" * len(chunk))})', chunk)
        for article_id, record, story_id in rows:
            article = article_from_dict(json.loads(record))
            texts[article_id] = article.text
            for actor in article.actors:
                if actor.country:
                    countries.setdefault(party(corpus_actor_id(actor)), actor.country)
            statements += statements_of(article_id, article, story_id, config)
    happening_of = {(r[0], r[1]): r[2] for r in db.execute(
        'SELECT "article_id", "event_id", "happening_id" FROM "happening_reports"')}
    pairs = find_pairs(statements, names, texts, countries, config)
    for pair in pairs:
        acts = [(s.article_id, s.acts[act][1]) for s in (pair.asserting, pair.denying) for act in s.acts
                if pair.type and act[0] == pair.type]
        pair.happening_id = next((happening_of[k] for k in acts if k in happening_of), None)
    return pairs


def build_contested(db: sqlite3.Connection, config: ContestedConfig) -> None:
    """Rebuild ``contested`` and the happenings' ``contested`` flag (after the happenings)."""
    db.execute('DELETE FROM "contested"')
    db.execute('UPDATE "happenings" SET "contested" = 0')
    pairs = find_contested(db, config)
    db.executemany('INSERT OR IGNORE INTO "contested" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)', [
        (p.happening_id, p.type, p.reason, *_side(p.asserting), *_side(p.denying)) for p in pairs])
    db.executemany('UPDATE "happenings" SET "contested" = 1 WHERE "id" = ?',
                   sorted({(p.happening_id,) for p in pairs if p.happening_id}))


def _side(s: Statement) -> tuple:
    return s.article_id, s.item_id, s.kind, s.status, s.holder_id, s.text
