"""Same story: the same page twice, the same wire copy, and different outlets reporting one happening.

Two articles are linked when their word shingles overlap (a near-duplicate: the same text as
HTML and as plain text, a wire story reprinted) or when their TF-IDF vectors are close (the same
rare words in title and body, and the same named actors) and they were published within a few
days of each other. Linked articles form one story (single link). Candidate pairs come from
shared rare terms, so the work grows with the corpus, not with its square.
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


WORD = re.compile(r"[^\W\d_][\w'’-]*[^\W_]|[^\W\d_]")


def words(text: str) -> list[str]:
    stops = stop_words()
    return [w for w in (m.group().lower() for m in WORD.finditer(text)) if w not in stops and len(w) > 2]


def shingles(text: str, size: int) -> set[int]:
    tokens = [m.group().lower() for m in WORD.finditer(text)]
    return {hash(" ".join(tokens[i:i + size])) for i in range(max(0, len(tokens) - size + 1))}


def day(published: Optional[str]) -> Optional[dt.date]:
    try:
        return dt.date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None


def term_counts(doc: Doc, config: StoryConfig) -> Counter:
    counts = Counter(words(doc.text))
    for word in words(doc.title or ""):
        counts[word] += config.title_weight
    for actor in doc.actors:
        counts["@" + actor] += config.actor_weight
    return counts


def group_stories(docs: Iterable[Doc], config: Optional[StoryConfig] = None) -> dict[str, str]:
    """Each article id mapped to its story id (the story's smallest article id, prefixed ``s``)."""
    config = config or StoryConfig.load()
    docs = list(docs)
    counts = [term_counts(d, config) for d in docs]
    frequency = Counter(term for c in counts for term in c)
    idf = {term: math.log((1 + len(docs)) / (1 + n)) + 1 for term, n in frequency.items()}
    vectors = [_unit({t: (1 + math.log(n)) * idf[t] for t, n in c.items()}) for c in counts]
    prints = [shingles(d.text, config.shingle_words) for d in docs]
    parent = list(range(len(docs)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in _candidates(vectors, frequency, config):
        if root(i) != root(j) and _same_story(docs[i], docs[j], vectors[i], vectors[j], prints[i], prints[j], config):
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


def _same_story(a: Doc, b: Doc, va: dict[str, float], vb: dict[str, float], sa: set[int], sb: set[int],
                config: StoryConfig) -> bool:
    if sa and sb and len(sa & sb) / min(len(sa), len(sb)) >= config.duplicate_overlap:
        return True
    da, db = day(a.published), day(b.published)
    if da and db and abs((da - db).days) > config.max_days_apart:
        return False
    small, large = (va, vb) if len(va) < len(vb) else (vb, va)
    return sum(v * large.get(t, 0.0) for t, v in small.items()) >= config.similarity



def build_stories(db: sqlite3.Connection, config: StoryConfig) -> None:
    """Set ``articles.story_id`` for every article and rebuild the ``stories`` table."""
    actors: dict[str, list[str]] = defaultdict(list)
    for article_id, actor_id in db.execute('SELECT "article_id", "corpus_actor_id" FROM "actors"'):
        actors[article_id].append(actor_id)
    docs = [Doc(row[0], row[1] or "", row[2], row[3], actors[row[0]])
            for row in db.execute('SELECT "id", "title", "text", "published" FROM "articles"')]
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
