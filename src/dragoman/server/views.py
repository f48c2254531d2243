"""The reads the web UI needs beyond the listings in ``corpus.queries``: an article list, one actor
with everything the corpus holds about it, one story with its reports, and the actor network.

Each takes the corpus connection and a ``Filters`` (the same filters the CLI's listings take) and
returns plain dicts; where a listing in ``corpus.queries`` already answers, it is called, not copied.
"""

from __future__ import annotations

import sqlite3
from typing import Any, Optional

from dragoman.corpus import queries
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
    graph = network(db, Filters(actor=actor_id, limit=1000))
    names = {n["id"]: n for n in graph["nodes"]}
    neighbours: dict[str, dict[str, Any]] = {}
    for edge in graph["edges"]:
        if actor_id not in (edge["source"], edge["target"]) or edge["source"] == edge["target"]:
            continue
        other = edge["target"] if edge["source"] == actor_id else edge["source"]
        entry = neighbours.setdefault(other, {"id": other, "name": names[other]["name"], "weight": 0, "kinds": {}})
        entry["weight"] += edge["weight"]
        for kind, n in edge["kinds"].items():
            entry["kinds"][kind] = entry["kinds"].get(kind, 0) + n
    return {"actor": dict(row), "mentions": [dict(m) for m in mentions], "quotes": [dict(q) for q in quotes],
            "events": events, "relations": [dict(r) for r in relations],
            "neighbours": sorted(neighbours.values(), key=lambda n: (-n["weight"], n["id"]))[:NEIGHBOURS]}


NETWORK_LINKS = """
SELECT s."corpus_actor_id" AS "a", t."corpus_actor_id" AS "b", e."type" AS "kind", e."article_id"
FROM "events" e JOIN "articles" a ON a."id" = e."article_id"
JOIN "actors" s ON s."article_id" = e."article_id" AND s."id" = e."source"
JOIN "actors" t ON t."article_id" = e."article_id" AND t."id" = e."target" {where}
UNION ALL
SELECT s."corpus_actor_id", t."corpus_actor_id", r."kind", r."article_id"
FROM "relations" r JOIN "articles" a ON a."id" = r."article_id"
JOIN "actors" s ON s."article_id" = r."article_id" AND s."id" = r."a"
JOIN "actors" t ON t."article_id" = r."article_id" AND t."id" = r."b" {where}
"""
"""Who is linked to whom: an event's source and target, a relation's two parties, per article."""


def network(db: sqlite3.Connection, f: Filters) -> dict[str, list[Row]]:
    """The actor network: an edge per linked pair, weighted by the links (events with a source and a
    target, relations) across articles, keeping the ``f.limit`` heaviest edges and their nodes.
    The actor filter keeps the edges that touch a matching actor."""
    where, params = article_conditions(Filters(event_type=f.event_type, country=f.country,
                                               since=f.since, until=f.until))
    sql = NETWORK_LINKS.format(where=_where(where))
    edges: dict[tuple[str, str], dict[str, Any]] = {}
    for a, b, kind, article_id in db.execute(sql, params):
        key = (a, b) if a <= b else (b, a)
        edge = edges.setdefault(key, {"source": key[0], "target": key[1], "weight": 0, "kinds": {}, "articles": set()})
        edge["weight"] += 1
        edge["kinds"][kind] = edge["kinds"].get(kind, 0) + 1
        edge["articles"].add(article_id)
    if f.actor:
        wanted = {r[0] for r in db.execute('SELECT "id" FROM "corpus_actors" WHERE "id" = ? OR "id" LIKE ?',
                                           (f.actor, f"%{queries.fold_name(f.actor)}%"))}
        edges = {k: e for k, e in edges.items() if wanted & set(k)}
    kept = sorted(edges.values(), key=lambda e: (-e["weight"], e["source"], e["target"]))[f.offset:f.offset + f.limit]
    ids = sorted({e["source"] for e in kept} | {e["target"] for e in kept})
    nodes = []
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        nodes += [dict(r) for r in db.execute(
            f'SELECT "id", "name", "type", "country", "articles", "mentions" FROM "corpus_actors" '
            f'WHERE "id" IN ({", ".join("?" * len(chunk))}) ORDER BY "id"', chunk)]
    for edge in kept:
        edge["articles"] = len(edge["articles"])
    return {"nodes": nodes, "edges": kept}
