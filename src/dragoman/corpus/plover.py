"""The corpus's events as PLOVER event records, for tools that read PLOVER or POLECAT data.

One JSON object per event report, with the field names of the PLOVER data interchange
specification (draft 0.7b1, "JSON Data Fields": ``id``, ``date``, ``source``, ``recipient``,
``event``, ``mode``, ``context``, ``event_loc``, ``event_text``, ``quad_code``, ``link``,
``text_info``, ``cite_info``, ``coder``; actor objects with ``code``, ``sector``,
``actor_text``, ``identifier_id``, ``identifier_text``, ``office``). PLOVER lets providers add
fields of their own; those that POLECAT's coder also writes keep its names (``story_id``,
``pub_date``, ``date_raw``: the date as the text gives it), and Dragoman's own say how the article tells the event (``status``,
``confidence``, ``verified``). Every record has every key, null where unknown, so pandas reads
the file as one table. ``link`` is the happening the report belongs to: PLOVER's field for a
reference common to related records, here the reports of one happening.
"""

from __future__ import annotations

import sqlite3
from typing import Any, Iterator, Optional

import dragoman
from dragoman.corpus.stories import day

Row = dict[str, Any]

QUAD_CODES = {
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1,
    "COOPERATE": 2, "AID": 2, "RETREAT": 2, "INVESTIGATE": 2,
    "REQUEST": 3, "DEMAND": 3, "ACCUSE": 3, "REJECT": 3, "SANCTION": 3, "THREATEN": 3,
    "PROTEST": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4,
}
"""PLOVER's quad categories (1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4
material conflict); REQUEST is POLECAT's name for PLOVER's DEMAND."""

CODEBOOK = "plover-0.7b1"

READ_EVENTS = '''
SELECT e."article_id", e."id" AS "event_id", e."type", e."mode", e."date", e."date_text", e."status", e."confidence",
       e."verified", e."start", e."end", substr(a."text", e."start" + 1, e."end" - e."start") AS "event_text",
       e."location_name", e."location_country", e."location_lat", e."location_lon",
       a."url", a."title", a."language", a."outlet", a."source" AS "article_source", a."published",
       a."story_id", hr."happening_id",
       s."name" AS "s_name", s."country" AS "s_country", s."code" AS "s_code", s."role" AS "s_role",
       s."corpus_actor_id" AS "s_id", sc."name" AS "s_canonical",
       t."name" AS "t_name", t."country" AS "t_country", t."code" AS "t_code", t."role" AS "t_role",
       t."corpus_actor_id" AS "t_id", tc."name" AS "t_canonical"
FROM "events" e JOIN "articles" a ON a."id" = e."article_id"
LEFT JOIN "happening_reports" hr ON hr."article_id" = e."article_id" AND hr."event_id" = e."id"
LEFT JOIN "actors" s ON s."article_id" = e."article_id" AND s."id" = e."source"
LEFT JOIN "corpus_actors" sc ON sc."id" = s."corpus_actor_id"
LEFT JOIN "actors" t ON t."article_id" = e."article_id" AND t."id" = e."target"
LEFT JOIN "corpus_actors" tc ON tc."id" = t."corpus_actor_id"
ORDER BY e."article_id", e."start", e."id"
'''


def plover_records(db: sqlite3.Connection) -> Iterator[Row]:
    """Every event report in the corpus as a PLOVER record, article by article, streamed."""
    cursor = db.execute(READ_EVENTS)
    names = [d[0] for d in cursor.description]
    for values in cursor:
        yield plover_record(dict(zip(names, values)))


def plover_record(row: Row) -> Row:
    """One PLOVER record from one row of ``READ_EVENTS``."""
    event_day = day(row["date"]) if row["date"] and len(row["date"]) == 10 else day(row["published"])
    published = day(row["published"])
    verified = None if row["verified"] is None else bool(row["verified"])
    return {
        "id": f'{row["article_id"]}-{row["event_id"]}',
        "date": event_day.isoformat() if event_day else None,
        "source": _actors(row, "s"),
        "recipient": _actors(row, "t"),
        "event": [row["type"]],
        "mode": [row["mode"]] if row["mode"] else [],
        "context": [],
        "event_loc": _location(row),
        "event_text": [row["event_text"].strip()],
        "quad_code": QUAD_CODES.get(row["type"]),
        "link": row["happening_id"],
        "text_info": {"start": row["start"], "end": row["end"]},
        "cite_info": {"citation": row["article_id"], "url": row["url"] or row["article_source"],
                      "title": row["title"], "language": row["language"], "publication": row["outlet"],
                      "coder": f"dragoman {dragoman.__version__}", "codebook": CODEBOOK},
        "coder": f"dragoman {dragoman.__version__}",
        "story_id": row["story_id"],
        "pub_date": published.isoformat() if published else None,
        "date_raw": row["date_text"],
        "status": row["status"],
        "confidence": row["confidence"],
        "verified": verified,
    }


def _actors(row: Row, side: str) -> list[Row]:
    """The event's source (``s``) or recipient (``t``) as a list of one PLOVER actor, or none."""
    if row[f"{side}_id"] is None:
        return []
    return [{"code": row[f"{side}_country"], "sector": sector(row[f"{side}_code"], row[f"{side}_country"]),
             "actor_text": row[f"{side}_name"], "identifier_id": row[f"{side}_id"],
             "identifier_text": row[f"{side}_canonical"], "office": row[f"{side}_role"]}]


def sector(code: Optional[str], country: Optional[str]) -> Optional[str]:
    """The sector part of a CAMEO-style actor code: ``USAGOV`` -> ``GOV``, ``MNCUSA`` -> ``MNC``,
    ``MED`` -> ``MED``; none when the code is only the country."""
    if not code:
        return None
    if country and code.startswith(country):
        code = code[len(country):]
    elif country and code.endswith(country):
        code = code[:-len(country)]
    return code or None


def _location(row: Row) -> Optional[Row]:
    """PLOVER's location object, with the GeoNames field names it borrows (``cc3``: ISO alpha-3)."""
    if not row["location_name"]:
        return None
    return {"name": row["location_name"], "latitude": row["location_lat"], "longitude": row["location_lon"],
            "cc3": row["location_country"]}
