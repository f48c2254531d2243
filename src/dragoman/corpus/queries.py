"""Full-text search and the listings (actors, events, stories, happenings), all under one set of filters.

Each function takes the connection and a ``Filters`` and returns plain dicts, so the CLI prints
them and the server serves them as they are.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from typing import Any, Optional

from dragoman.tables import fold_name

Row = dict[str, Any]


@dataclass(frozen=True)
class Filters:
    """What every listing can be narrowed by. ``actor`` is a corpus actor id or part of a name;
    ``country`` an ISO alpha-3 code; dates are ISO days, inclusive."""

    actor: Optional[str] = None
    country: Optional[str] = None
    event_type: Optional[str] = None
    since: Optional[str] = None
    until: Optional[str] = None
    limit: int = 20
    offset: int = 0


def article_conditions(f: Filters, alias: str = "a") -> tuple[list[str], dict[str, Any]]:
    """SQL conditions on an articles row ``alias`` for the filters, and their parameters."""
    where: list[str] = []
    params: dict[str, Any] = {}
    if f.actor:
        where.append(f'EXISTS (SELECT 1 FROM "actors" f_ac WHERE f_ac."article_id" = {alias}."id" AND '
                     '(f_ac."corpus_actor_id" = :actor OR f_ac."corpus_actor_id" LIKE :actor_like))')
        params.update(actor=f.actor, actor_like=f"%{fold_name(f.actor)}%")
    if f.country:
        where.append(f'EXISTS (SELECT 1 FROM "actors" f_co WHERE f_co."article_id" = {alias}."id" '
                     'AND f_co."country" = :country)')
        params["country"] = f.country.upper()
    if f.event_type:
        where.append(f'EXISTS (SELECT 1 FROM "events" f_ev WHERE f_ev."article_id" = {alias}."id" '
                     'AND f_ev."type" = :event_type)')
        params["event_type"] = f.event_type.upper()
    if f.since:
        where.append(f'substr({alias}."published", 1, 10) >= :since')
        params["since"] = f.since
    if f.until:
        where.append(f'substr({alias}."published", 1, 10) <= :until')
        params["until"] = f.until
    return where, params


def where_clause(conditions: list[str]) -> str:
    return ("WHERE " + " AND ".join(conditions)) if conditions else ""


def _page(f: Filters) -> str:
    return f"LIMIT {int(f.limit)} OFFSET {int(f.offset)}"


def fts_query(query: str) -> str:
    """The user's words as FTS5 terms: each word quoted, so punctuation (``al-Assad``) is no syntax."""
    return " ".join('"' + word.replace('"', '""') + '"' for word in re.findall(r"[\w'’.-]+", query))


def search(db: sqlite3.Connection, query: str, f: Filters) -> list[Row]:
    """Articles matching ``query`` (FTS5 syntax, or plain words), best first, each with a snippet."""
    where, params = article_conditions(f)
    conditions = ['"articles_fts" MATCH :query', *where]
    sql = (
        'SELECT a."id", a."title", a."outlet", a."published", a."source", a."url", a."story_id", '
        "snippet(\"articles_fts\", -1, '[', ']', '…', 16) AS \"snippet\" "
        'FROM "articles_fts" JOIN "articles" a ON a.rowid = "articles_fts".rowid '
        f'{where_clause(conditions)} ORDER BY bm25("articles_fts") {_page(f)}'
    )
    try:
        rows = db.execute(sql, {**params, "query": query}).fetchall()
    except sqlite3.OperationalError:
        rows = db.execute(sql, {**params, "query": fts_query(query)}).fetchall()
    return [dict(r) for r in rows]


def actors(db: sqlite3.Connection, f: Filters) -> list[Row]:
    """Corpus actors seen in the articles the filters select, most written-about first."""
    where, params = article_conditions(Filters(event_type=f.event_type, since=f.since, until=f.until))
    conditions = [f'ca."id" IN (SELECT ac."corpus_actor_id" FROM "actors" ac JOIN "articles" a '
                  f'ON a."id" = ac."article_id" {where_clause(where)})']
    if f.actor:
        conditions.append('(ca."id" = :actor OR ca."id" LIKE :actor_like)')
        params.update(actor=f.actor, actor_like=f"%{fold_name(f.actor)}%")
    if f.country:
        conditions.append('ca."country" = :country')
        params["country"] = f.country.upper()
    sql = (f'SELECT ca.* FROM "corpus_actors" ca {where_clause(conditions)} '
           f'ORDER BY ca."articles" DESC, ca."mentions" DESC, ca."id" {_page(f)}')
    return [dict(r) for r in db.execute(sql, params)]


def events(db: sqlite3.Connection, f: Filters) -> list[Row]:
    """Events with their actors' names, newest first; the actor and country filters apply to either party."""
    where, params = article_conditions(Filters(since=f.since, until=f.until))
    where = [w.replace('a."published"', 'coalesce(e."date", a."published")') for w in where]
    if f.event_type:
        where.append('e."type" = :event_type')
        params["event_type"] = f.event_type.upper()
    if f.actor:
        where.append('(e."source_actor" = :actor OR e."target_actor" = :actor '
                     'OR e."source_actor" LIKE :actor_like OR e."target_actor" LIKE :actor_like)')
        params.update(actor=f.actor, actor_like=f"%{fold_name(f.actor)}%")
    if f.country:
        where.append('(e."source_country" = :country OR e."target_country" = :country)')
        params["country"] = f.country.upper()
    sql = (f'SELECT e.* FROM "event_actors" e JOIN "articles" a ON a."id" = e."article_id" {where_clause(where)} '
           f'ORDER BY coalesce(e."date", e."published") DESC, e."article_id", e."event_id" {_page(f)}')
    return [dict(r) for r in db.execute(sql, params)]


def stories(db: sqlite3.Connection, f: Filters) -> list[Row]:
    """Stories with at least one article the filters select, the most reported first."""
    where, params = article_conditions(f)
    sql = (f'SELECT s.* FROM "stories" s WHERE s."id" IN (SELECT a."story_id" FROM "articles" a {where_clause(where)}) '
           f'ORDER BY s."articles" DESC, s."first_published" DESC, s."id" {_page(f)}')
    return [dict(r) for r in db.execute(sql, params)]


def story_articles(db: sqlite3.Connection, story_id: str) -> list[Row]:
    sql = ('SELECT "id", "title", "outlet", "published", "source", "url" FROM "articles" '
           'WHERE "story_id" = ? ORDER BY "published", "id"')
    return [dict(r) for r in db.execute(sql, (story_id,))]


def happening_conditions(f: Filters, alias: str = "h") -> tuple[list[str], dict[str, Any]]:
    """SQL conditions on a happenings row ``alias``: the actor and country filters match either
    party (a country also the happening's place), the dates its day, else its first report's."""
    where: list[str] = []
    params: dict[str, Any] = {}
    if f.event_type:
        where.append(f'{alias}."type" = :event_type')
        params["event_type"] = f.event_type.upper()
    if f.actor:
        where.append(f'({alias}."source" = :actor OR {alias}."target" = :actor '
                     f'OR {alias}."source" LIKE :actor_like OR {alias}."target" LIKE :actor_like)')
        params.update(actor=f.actor, actor_like=f"%{fold_name(f.actor)}%")
    if f.country:
        where.append(f'(EXISTS (SELECT 1 FROM "corpus_actors" f_ca WHERE f_ca."id" IN ({alias}."source", '
                     f'{alias}."target") AND f_ca."country" = :country) OR {alias}."country" = :country)')
        params["country"] = f.country.upper()
    if f.since:
        where.append(f'coalesce({alias}."date", substr({alias}."first_report", 1, 10)) >= :since')
        params["since"] = f.since
    if f.until:
        where.append(f'coalesce({alias}."date", substr({alias}."first_report", 1, 10)) <= :until')
        params["until"] = f.until
    return where, params


def happenings(db: sqlite3.Connection, f: Filters) -> list[Row]:
    """Happenings with their parties' names, the most reported first."""
    where, params = happening_conditions(f)
    sql = ('SELECT h.*, s."name" AS "source_name", t."name" AS "target_name" FROM "happenings" h '
           'LEFT JOIN "corpus_actors" s ON s."id" = h."source" LEFT JOIN "corpus_actors" t ON t."id" = h."target" '
           f'{where_clause(where)} ORDER BY h."articles" DESC, h."reports" DESC, h."date" DESC, h."id" {_page(f)}')
    return [dict(r) for r in db.execute(sql, params)]


def contested(db: sqlite3.Connection, f: Filters) -> list[Row]:
    """Contradicting pairs (asserting side ``a``, denying side ``b``) with both sources' outlets,
    titles and dates. The actor filter matches either side's claimant or accuser, the event type
    the event the pair is about, the country and dates either article."""
    where: list[str] = []
    params: dict[str, Any] = {}
    if f.event_type:
        where.append('c."type" = :event_type')
        params["event_type"] = f.event_type.upper()
    if f.actor:
        where.append('(c."a_holder" = :actor OR c."b_holder" = :actor OR c."a_holder" LIKE :actor_like '
                     'OR c."b_holder" LIKE :actor_like)')
        params.update(actor=f.actor, actor_like=f"%{fold_name(f.actor)}%")
    sides = []
    for alias in ("aa", "ba"):
        conditions, more = article_conditions(Filters(country=f.country, since=f.since, until=f.until), alias)
        sides.append(" AND ".join(conditions) or "1")
        params.update(more)
    if f.country or f.since or f.until:
        where.append(f"(({sides[0]}) OR ({sides[1]}))")
    sql = ('SELECT c.*, aa."outlet" AS "a_outlet", aa."title" AS "a_title", aa."published" AS "a_published", '
           'ba."outlet" AS "b_outlet", ba."title" AS "b_title", ba."published" AS "b_published" FROM "contested" c '
           'JOIN "articles" aa ON aa."id" = c."a_article_id" JOIN "articles" ba ON ba."id" = c."b_article_id" '
           f'{where_clause(where)} ORDER BY c."b_article_id", c."b_item_id", c."a_article_id", c."a_item_id" {_page(f)}')
    return [dict(r) for r in db.execute(sql, params)]
