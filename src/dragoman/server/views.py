"""The reads the web UI needs beyond the listings in ``corpus.queries``: an article list, one actor
with everything the corpus holds about it, and one story with its reports. The actor network is the
corpus aggregate (``Corpus.network``), as ``dragoman network`` prints it, trimmed by ``network_page``.

Each takes the corpus connection and a ``Filters`` (the same filters the CLI's listings take) and
returns plain dicts; where a listing in ``corpus.queries`` already answers, it is called, not copied.
"""

from __future__ import annotations

import sqlite3
from typing import Any, Optional

from dragoman.corpus import aggregates, queries
from dragoman.corpus.aggregates import Graph
from dragoman.corpus.queries import Filters, Row, article_conditions

NEIGHBOURS = 20
"""How many network neighbours an actor's page lists (the most linked first)."""


def _where(conditions: list[str]) -> str:
    return ("WHERE " + " AND ".join(conditions)) if conditions else ""


def articles(db: sqlite3.Connection, f: Filters, story: Optional[str] = None) -> list[Row]:
    """Articles the filters select, newest first, with how many actors, quotes and events each has."""
    where, params = article_conditions(f)
    if story:
        where.append('a."story_id" = :story')
        params["story"] = story
    sql = ('SELECT a."id", a."title", a."outlet", a."published", a."source", a."url", a."story_id", '
           '(SELECT count(*) FROM "actors" x WHERE x."article_id" = a."id") AS "actors", '
           '(SELECT count(*) FROM "quotes" x WHERE x."article_id" = a."id") AS "quotes", '
           '(SELECT count(*) FROM "events" x WHERE x."article_id" = a."id") AS "events" '
           f'FROM "articles" a {_where(where)} ORDER BY a."published" DESC, a."id" '
           f'LIMIT {int(f.limit)} OFFSET {int(f.offset)}')
    return [dict(r) for r in db.execute(sql, params)]


def story(db: sqlite3.Connection, story_id: str) -> Optional[Row]:
    """One story with its reports (the articles grouped into it), or None."""
    row = db.execute('SELECT * FROM "stories" WHERE "id" = ?', (story_id,)).fetchone()
    if row is None:
        return None
    return {**dict(row), "reports": queries.story_articles(db, story_id)}


def actor(db: sqlite3.Connection, actor_id: str, f: Filters) -> Optional[Row]:
    """One corpus actor: where it is named, what it said, what it did or had done to it, its
    relations and its network neighbours; None when the corpus has no such actor."""
    row = db.execute('SELECT * FROM "corpus_actors" WHERE "id" = ?', (actor_id,)).fetchone()
    if row is None:
        return None
    page = f"LIMIT {int(f.limit)} OFFSET {int(f.offset)}"
    mentions = db.execute(
        'SELECT m."article_id", m."start", m."end", m."text", ac."role", a."title", a."outlet" FROM "mentions" m '
        'JOIN "actors" ac ON ac."article_id" = m."article_id" AND ac."id" = m."actor_id" '
        'JOIN "articles" a ON a."id" = m."article_id" WHERE ac."corpus_actor_id" = ? '
        f'ORDER BY a."published" DESC, m."article_id", m."start" {page}', (actor_id,))
    quotes = db.execute(
        'SELECT q."article_id", q."quote_id", q."text", q."kind", q."cue", q."title", q."outlet", q."published", '
        'x."start", x."end" FROM "quote_speakers" q JOIN "quotes" x ON x."article_id" = q."article_id" '
        f'AND x."id" = q."quote_id" WHERE q."speaker_actor" = ? ORDER BY q."published" DESC, x."start" {page}',
        (actor_id,))
    # The events listing matches an actor by id or by part of a name; the page wants this actor only.
    events = [e for e in queries.events(db, Filters(actor=actor_id, limit=f.limit, offset=f.offset))
              if actor_id in (e["source_actor"], e["target_actor"])]
    relations = db.execute(
        'SELECT r."article_id", r."kind", r."start", r."end", ra."corpus_actor_id" AS "a", ra."name" AS "a_name", '
        'rb."corpus_actor_id" AS "b", rb."name" AS "b_name", a."title" FROM "relations" r '
        'JOIN "actors" ra ON ra."article_id" = r."article_id" AND ra."id" = r."a" '
        'JOIN "actors" rb ON rb."article_id" = r."article_id" AND rb."id" = r."b" '
        'JOIN "articles" a ON a."id" = r."article_id" '
        f'WHERE ? IN (ra."corpus_actor_id", rb."corpus_actor_id") ORDER BY r."article_id", r."n" {page}',
        (actor_id, ))
    return {"actor": dict(row), "mentions": [dict(m) for m in mentions], "quotes": [dict(q) for q in quotes],
            "events": events, "relations": [dict(r) for r in relations], "neighbours": neighbours(db, actor_id)}


def neighbours(db: sqlite3.Connection, actor_id: str) -> list[Row]:
    """The actors one actor is linked to in the corpus network (what ``dragoman network --actor``
    lists), each with its happenings per event type, the most linked first."""
    graph = aggregates.network(db, Filters(actor=actor_id))
    found: dict[str, dict[str, Any]] = {}
    for edge in graph.edges:
        if actor_id not in (edge["source"], edge["target"]):
            continue
        other, name = ((edge["target"], edge["target_name"]) if edge["source"] == actor_id
                       else (edge["source"], edge["source_name"]))
        entry = found.setdefault(other, {"id": other, "name": name, "weight": 0, "kinds": {}})
        entry["weight"] += edge["weight"]
        entry["kinds"][edge["type"]] = entry["kinds"].get(edge["type"], 0) + edge["weight"]
    return sorted(found.values(), key=lambda n: (-n["weight"], n["id"]))[:NEIGHBOURS]


def network_page(graph: Graph, f: Filters) -> dict[str, list[Row]]:
    """The corpus network with only its ``f.limit`` heaviest edges after skipping ``f.offset`` (the
    aggregate keeps them in that order) and the actors at their ends: a browser draws a few hundred."""
    edges = graph.edges[f.offset:f.offset + f.limit]
    ends = {e["source"] for e in edges} | {e["target"] for e in edges}
    return {"nodes": [n for n in graph.nodes if n["id"] in ends], "edges": edges}
