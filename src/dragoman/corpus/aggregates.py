"""Aggregates over a corpus: the actor network, a timeline of happenings, and the stance matrix.

They count happenings, not reports: ten outlets reporting one meeting make one meeting (the
``happenings`` table), so a pair of actors covered by every wire does not outweigh one that
met ten times. Only happenings whose reports mostly say they happened count (``ASSERTED``): a
denied or hypothetical attack is no attack. Stances come from the relations the articles state
(X criticised Y), counted once per article. Each function takes the corpus connection and a
``Filters`` (its limit and offset are ignored: an aggregate is whole) and returns plain data;
``graphs.py`` writes it as JSON, GraphML or CSV.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from typing import Iterable, Literal

from dragoman.corpus.queries import Filters, Row, article_conditions, happening_conditions, where_clause
from dragoman.tables import fold_name

TimelineBy = Literal["actor", "country"]

ASSERTED = ("reported", "claimed", "historical")
"""Happening statuses that count: reported, claimed by a party, or told as past fact."""

SYMMETRIC_STANCES = frozenset({"ally", "partner"})
"""Relations that hold both ways: stored once per pair, the two ids in sorted order."""


@dataclass
class Graph:
    """Corpus actors (``nodes``) and weighted links between them (``edges``, each with its
    ``source`` and ``target`` node ids, both names and a ``weight``)."""

    nodes: list[Row] = field(default_factory=list)
    edges: list[Row] = field(default_factory=list)

    def to_dict(self) -> dict[str, list[Row]]:
        return {"nodes": self.nodes, "edges": self.edges}


def _asserted(alias: str = "h") -> str:
    return f'{alias}."status" IN ({", ".join(repr(s) for s in ASSERTED)})'


NETWORK = '''
SELECT h."source", h."target", s."name" AS "source_name", t."name" AS "target_name", h."type",
       count(*) AS "weight", sum(h."reports") AS "reports"
FROM "happenings" h JOIN "corpus_actors" s ON s."id" = h."source" JOIN "corpus_actors" t ON t."id" = h."target"
{where}
GROUP BY h."source", h."target", h."type"
ORDER BY "weight" DESC, "reports" DESC, h."source", h."target", h."type"
'''


def network(db: sqlite3.Connection, f: Filters) -> Graph:
    """Who did what to whom: one directed edge per source, target and event type, weighted by
    the happenings between them (``reports``: how many event reports those happenings have)."""
    where, params = happening_conditions(f)
    where += [_asserted(), 'h."source" <> h."target"']
    edges = [dict(r) for r in db.execute(NETWORK.format(where=where_clause(where)), params)]
    return Graph(actor_nodes(db, _ends(edges)), edges)


TIMELINE_PARTIES = {
    "actor": '''SELECT h."id", h."source" AS "key" FROM "happenings" h
                UNION SELECT h."id", h."target" FROM "happenings" h''',
    "country": '''SELECT h."id", ca."country" AS "key" FROM "happenings" h JOIN "corpus_actors" ca
                  ON ca."id" IN (h."source", h."target")
                  UNION SELECT h."id", h."country" FROM "happenings" h''',
}
"""Who or where each happening belongs to on a timeline: both its parties, or their countries
and the country it took place in (each once)."""

TIMELINE = '''
WITH "parties" AS ({parties}), "dated" AS (
  SELECT h.*, coalesce(h."date", substr(h."first_report", 1, 10)) AS "day" FROM "happenings" h)
SELECT p."key", ca."name", h."day" AS "date", h."type", count(*) AS "happenings", sum(h."reports") AS "reports"
FROM "dated" h JOIN "parties" p ON p."id" = h."id" LEFT JOIN "corpus_actors" ca ON ca."id" = p."key"
{where}
GROUP BY p."key", h."day", h."type"
ORDER BY p."key", h."day", h."type"
'''


def timeline(db: sqlite3.Connection, f: Filters, by: TimelineBy = "actor") -> list[Row]:
    """Happenings per actor (or country), day and event type, in date order. A happening counts
    for each of its parties (or countries); one with no date at all has no place and is left out.
    The actor filter (or, by country, the country filter) also picks which timelines are shown."""
    where, params = happening_conditions(f)
    where += [_asserted(), 'p."key" IS NOT NULL', 'h."day" IS NOT NULL']
    if by == "actor" and f.actor:
        where.append('(p."key" = :actor OR p."key" LIKE :actor_like)')
    if by == "country" and f.country:
        where.append('p."key" = :country')
    sql = TIMELINE.format(parties=TIMELINE_PARTIES[by], where=where_clause(where))
    return [dict(r) for r in db.execute(sql, params)]


STANCES = '''
SELECT ra."corpus_actor_id" AS "a", rb."corpus_actor_id" AS "b", r."kind", r."article_id"
FROM "relations" r JOIN "articles" a ON a."id" = r."article_id"
JOIN "actors" ra ON ra."article_id" = r."article_id" AND ra."id" = r."a"
JOIN "actors" rb ON rb."article_id" = r."article_id" AND rb."id" = r."b"
{where}
'''


def stances(db: sqlite3.Connection, f: Filters) -> Graph:
    """Who supports, opposes, criticises, is allied or partnered with whom: one edge per pair and
    kind, weighted by the articles that state it. ``ally`` and ``partner`` are undirected. The
    actor and country filters keep the edges with a matching party; dates are the articles'."""
    where, params = article_conditions(Filters(since=f.since, until=f.until))
    where.append('ra."corpus_actor_id" <> rb."corpus_actor_id"')
    articles: dict[tuple[str, str, str], set[str]] = {}
    for a, b, kind, article_id in db.execute(STANCES.format(where=where_clause(where)), params):
        if kind in SYMMETRIC_STANCES and b < a:
            a, b = b, a
        articles.setdefault((a, b, kind), set()).add(article_id)
    nodes = {n["id"]: n for n in actor_nodes(db, {end for a, b, _ in articles for end in (a, b)})}
    wanted = _matching(nodes.values(), f)
    edges = [{"source": a, "target": b, "source_name": nodes[a]["name"], "target_name": nodes[b]["name"],
              "kind": kind, "directed": kind not in SYMMETRIC_STANCES, "weight": len(ids)}
             for (a, b, kind), ids in articles.items() if wanted is None or wanted & {a, b}]
    edges.sort(key=lambda e: (-e["weight"], e["source"], e["target"], e["kind"]))
    return Graph([nodes[i] for i in sorted(_ends(edges))], edges)


def _matching(nodes: Iterable[Row], f: Filters) -> set[str] | None:
    """The ids of the nodes the actor and country filters name; None when neither is set."""
    if not (f.actor or f.country):
        return None
    folded = fold_name(f.actor) if f.actor else None
    return {n["id"] for n in nodes
            if (not f.actor or n["id"] == f.actor or folded in n["id"])
            and (not f.country or n["country"] == f.country.upper())}


def _ends(edges: list[Row]) -> set[str]:
    return {e["source"] for e in edges} | {e["target"] for e in edges}


def actor_nodes(db: sqlite3.Connection, ids: Iterable[str]) -> list[Row]:
    """The corpus actors ``ids``, sorted, with what a graph tool shows of them."""
    ids = sorted(ids)
    nodes: list[Row] = []
    for start in range(0, len(ids), 500):  # SQLite caps a statement's parameters
        chunk = ids[start:start + 500]
        nodes += [dict(r) for r in db.execute(
            'SELECT "id", "name", "type", "country", "articles", "mentions" FROM "corpus_actors" '
            f'WHERE "id" IN ({", ".join("?" * len(chunk))}) ORDER BY "id"', chunk)]
    return nodes

