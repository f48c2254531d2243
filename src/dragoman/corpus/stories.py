"""Same story: the same page twice, the same wire copy, and different outlets reporting one happening.

Two articles are linked when their word shingles overlap (a near-duplicate: the same text as
HTML and as plain text, a wire story reprinted), or when they come from different outlets, were
published within a few days of each other, their TF-IDF vectors are close (the same rare words
in title and body, and the same named actors) and each one's headline is told in the other's
headline or opening. Closeness alone also links pieces on one topic that report different
happenings (two impeachment hearings, a product review and a product launch); a headline states
the happening, so the other report names it early. One outlet does not report one happening
twice except as an update, which is a near-duplicate. Linked articles form one story (single
link). Candidate pairs come from shared rare terms, so the work grows with the corpus, not with
its square.
Thresholds are in ``data/corpus/stories.json``, measured by ``benchmarks/stories.py``.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import sqlite3
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import combinations
from typing import Iterable, Optional

from dragoman.data_files import load_json
from dragoman.errors import DragomanError
from dragoman.language import stop_words


@dataclass(frozen=True)
class StoryConfig:
    shingle_words: int
    duplicate_overlap: float
    similarity: float
    max_days_apart: int
    top_terms: int
    min_shared_terms: int
    title_weight: float
    actor_weight: float
    headline_cover: float
    """The share of a headline's weight (its words' IDF) the other article must hold in its own
    headline or its first ``lead_words`` words."""
    lead_words: int
    untitled_headline_words: int
    """An article without a title: its first words stand for its headline."""

    @classmethod
    def load(cls, name: str = "corpus/stories.json") -> "StoryConfig":
        data = load_json(name)
        try:
            return cls(**{k: v for k, v in data.items() if k != "about"})
        except TypeError as exc:
            raise DragomanError(f"data/{name}: {exc}") from exc


@dataclass
class Doc:
    """What grouping needs to know of one article."""

    id: str
    title: str
    text: str
    published: Optional[str] = None
    actors: list[str] = field(default_factory=list)
    """Corpus actor ids of the named actors (people, bodies) the article mentions."""
    outlet: Optional[str] = None


WORD = re.compile(r"[^\W\d_][\w'’-]*[^\W_]|[^\W\d_]")
POSSESSIVE = re.compile(r"['’]s$")
"""``WeWork’s`` is ``wework``: a possessive is the same name, and the same rare term."""


def words(text: str) -> list[str]:
    stops = stop_words()
    found = (POSSESSIVE.sub("", m.group().lower()) for m in WORD.finditer(text))
    return [w for w in found if w not in stops and len(w) > 2]


def shingles(text: str, size: int) -> set[int]:
    tokens = [m.group().lower() for m in WORD.finditer(text)]
    return {hash(" ".join(tokens[i:i + size])) for i in range(max(0, len(tokens) - size + 1))}


def day(published: Optional[str]) -> Optional[dt.date]:
    try:
        return dt.date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None


def term_counts(doc: Doc, body: list[str], config: StoryConfig) -> Counter:
    """Term weights of one article: ``body`` (its text's ``words``), its title's words and its actors."""
    counts = Counter(body)
    for word in words(doc.title or ""):
        counts[word] += config.title_weight
    for actor in doc.actors:
        counts["@" + actor] += config.actor_weight
    return counts


@dataclass
class Profile:
    """One article as grouping compares it: its weighted terms, its shingles, its headline words
    and the words of its headline and opening."""

    doc: Doc
    vector: dict[str, float]
    prints: set[int]
    headline: set[str]
    opening: set[str]


def profile(doc: Doc, body: list[str], vector: dict[str, float], config: StoryConfig) -> Profile:
    """An untitled article's first words stand for its headline; its opening is its headline and
    the first ``lead_words`` words of its body, where a report states what happened."""
    headline = set(words(doc.title)) if doc.title else set(body[:config.untitled_headline_words])
    return Profile(doc, vector, shingles(doc.text, config.shingle_words), headline,
                   headline | set(body[:config.lead_words]))


def group_stories(docs: Iterable[Doc], config: Optional[StoryConfig] = None) -> dict[str, str]:
    """Each article id mapped to its story id (the story's smallest article id, prefixed ``s``)."""
    config = config or StoryConfig.load()
    docs = list(docs)
    bodies = [words(d.text) for d in docs]
    counts = [term_counts(d, body, config) for d, body in zip(docs, bodies)]
    frequency = Counter(term for c in counts for term in c)
    idf = {term: math.log((1 + len(docs)) / (1 + n)) + 1 for term, n in frequency.items()}
    vectors = [_unit({t: (1 + math.log(n)) * idf[t] for t, n in c.items()}) for c in counts]
    profiles = [profile(d, body, v, config) for d, body, v in zip(docs, bodies, vectors)]
    parent = list(range(len(docs)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in _candidates(vectors, frequency, config):
        if root(i) != root(j) and _same_story(profiles[i], profiles[j], idf, config):
            parent[root(i)] = root(j)
    members: dict[int, list[str]] = defaultdict(list)
    for i, doc in enumerate(docs):
        members[root(i)].append(doc.id)
    return {doc_id: "s" + min(ids) for ids in members.values() for doc_id in ids}


def _unit(vector: dict[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
    return {t: v / norm for t, v in vector.items()}


def _candidates(vectors: list[dict[str, float]], frequency: Counter, config: StoryConfig) -> set[tuple[int, int]]:
    """Pairs sharing enough of their top terms; a term in over a tenth of the corpus links nothing."""
    common = max(3, len(vectors) // 10)
    postings: dict[str, list[int]] = defaultdict(list)
    for i, vector in enumerate(vectors):
        top = sorted(vector, key=vector.get, reverse=True)[:config.top_terms]
        for term in top:
            if frequency[term] <= common:
                postings[term].append(i)
    shared: Counter = Counter()
    for ids in postings.values():
        shared.update(combinations(ids, 2))
    return {pair for pair, n in shared.items() if n >= config.min_shared_terms}


def is_near_duplicate(a: Profile, b: Profile, config: StoryConfig) -> bool:
    sa, sb = a.prints, b.prints
    return bool(sa and sb) and len(sa & sb) / min(len(sa), len(sb)) >= config.duplicate_overlap


def headline_cover(a: Profile, b: Profile, idf: dict[str, float]) -> float:
    """How much of ``a``'s headline (weighted by rarity) ``b`` states in its headline or opening."""
    total = sum(idf[w] for w in a.headline)
    return sum(idf[w] for w in a.headline if w in b.opening) / total if total else 0.0


def _same_story(a: Profile, b: Profile, idf: dict[str, float], config: StoryConfig) -> bool:
    if is_near_duplicate(a, b, config):
        return True
    if a.doc.outlet and a.doc.outlet == b.doc.outlet:
        return False
    da, db = day(a.doc.published), day(b.doc.published)
    if da and db and abs((da - db).days) > config.max_days_apart:
        return False
    small, large = (a.vector, b.vector) if len(a.vector) < len(b.vector) else (b.vector, a.vector)
    if sum(v * large.get(t, 0.0) for t, v in small.items()) < config.similarity:
        return False
    return min(headline_cover(a, b, idf), headline_cover(b, a, idf)) >= config.headline_cover


def build_stories(db: sqlite3.Connection, config: StoryConfig) -> None:
    """Set ``articles.story_id`` for every article and rebuild the ``stories`` table."""
    actors: dict[str, list[str]] = defaultdict(list)
    for article_id, actor_id in db.execute('SELECT "article_id", "corpus_actor_id" FROM "actors"'):
        actors[article_id].append(actor_id)
    docs = [Doc(row[0], row[1] or "", row[2], row[3], actors[row[0]], row[4])
            for row in db.execute('SELECT "id", "title", "text", "published", "outlet" FROM "articles"')]
    story_of = group_stories(docs, config)
    db.executemany('UPDATE "articles" SET "story_id" = ? WHERE "id" = ?', [(s, a) for a, s in story_of.items()])
    db.execute('DELETE FROM "stories"')
    db.execute('''
        INSERT INTO "stories" ("id", "title", "articles", "outlets", "first_published", "last_published")
        SELECT "story_id",
               (SELECT b."title" FROM "articles" b WHERE b."story_id" = a."story_id"
                ORDER BY b."published" IS NULL, b."published", b."id" LIMIT 1),
               count(*), count(DISTINCT coalesce(a."outlet", a."url", a."source")),
               min(substr(a."published", 1, 10)), max(substr(a."published", 1, 10))
        FROM "articles" a GROUP BY "story_id"
    ''')
