"""One happening, many reports; and where reports of one happening contradict each other.

GDELT counts reports: ten outlets covering one kidnapping make ten kidnappings. Here events of
the same PLOVER type between the same corpus actors, a day or so apart and not in different
countries, are one happening with all its reports, its sources, its first and last report and
how far the reports agree on its status. A hypothetical event ("the two could agree") happened
nowhere, so it joins no happening: merged, it made a deal that was signed and one that might be
one happening. Which happenings are contested across articles is ``contested.py``'s to say.
Settings are in ``data/corpus/happenings.json``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Optional

from dragoman.corpus.stories import day
from dragoman.data_files import load_json
from dragoman.errors import DragomanError


@dataclass(frozen=True)
class HappeningConfig:
    max_days_apart: int
    unmerged_statuses: frozenset[str]

    @classmethod
    def load(cls, name: str = "corpus/happenings.json") -> "HappeningConfig":
        data = load_json(name)
        try:
            return cls(int(data["max_days_apart"]), frozenset(data["unmerged_statuses"]))
        except (KeyError, TypeError, ValueError) as exc:
            raise DragomanError(f"data/{name}: {exc}") from exc


@dataclass
class Report:
    article_id: str
    event_id: str
    type: str
    source: Optional[str]
    target: Optional[str]
    status: str
    day: Optional[dt.date]
    country: Optional[str]
    place: Optional[str]
    published: Optional[str]
    outlet: str
    story_id: Optional[str]
    text: str


@dataclass
class Happening:
    reports: list[Report] = field(default_factory=list)

    def accepts(self, report: Report, config: HappeningConfig) -> bool:
        if not (report.source or report.target):
            return False
        if report.status in config.unmerged_statuses or self.reports[0].status in config.unmerged_statuses:
            return False
        countries = {r.country for r in self.reports if r.country}
        if report.country and countries and report.country not in countries:
            return False
        days = [r.day for r in self.reports if r.day]
        if report.day and days:
            return abs((report.day - min(days)).days) <= config.max_days_apart
        return bool(report.story_id) and report.story_id in {r.story_id for r in self.reports}

    @property
    def id(self) -> str:
        first = min((r.article_id, r.event_id) for r in self.reports)
        return "h" + hashlib.sha1("\0".join(first).encode()).hexdigest()[:15]


READ_REPORTS = '''
SELECT e."article_id", e."id", e."type", s."corpus_actor_id", t."corpus_actor_id", e."status", e."date",
       e."location_country", e."location_name", a."published", coalesce(a."outlet", a."url", a."source"),
       a."story_id", substr(a."text", e."start" + 1, e."end" - e."start")
FROM "events" e JOIN "articles" a ON a."id" = e."article_id"
LEFT JOIN "actors" s ON s."article_id" = e."article_id" AND s."id" = e."source"
LEFT JOIN "actors" t ON t."article_id" = e."article_id" AND t."id" = e."target"
'''


def read_reports(db: sqlite3.Connection) -> list[Report]:
    reports = []
    for row in db.execute(READ_REPORTS):
        event_day = day(row[6]) if row[6] and len(row[6]) == 10 else day(row[9])
        reports.append(Report(row[0], row[1], row[2], row[3], row[4], row[5], event_day, row[7], row[8],
                              row[9], row[10], row[11], row[12]))
    return reports


def group_happenings(reports: list[Report], config: HappeningConfig) -> list[Happening]:
    """Reports of one type between the same parties, in date order, joined while they fit."""
    by_parties: dict[tuple, list[Report]] = defaultdict(list)
    for report in reports:
        by_parties[(report.type, report.source, report.target)].append(report)
    happenings: list[Happening] = []
    for group in by_parties.values():
        group.sort(key=lambda r: (r.day or dt.date.max, r.article_id, r.event_id))
        open_ones: list[Happening] = []
        for report in group:
            home = next((h for h in reversed(open_ones) if h.accepts(report, config)), None)
            if home is None:
                home = Happening()
                open_ones.append(home)
                happenings.append(home)
            home.reports.append(report)
    return happenings


def build_happenings(db: sqlite3.Connection, config: HappeningConfig) -> None:
    """Rebuild ``happenings`` and ``happening_reports`` from the events (``contested`` after them)."""
    db.execute('DELETE FROM "contested"')
    for table in ("happening_reports", "happenings"):
        db.execute(f'DELETE FROM "{table}"')
    for happening in group_happenings(read_reports(db), config):
        reports = happening.reports
        statuses = Counter(r.status for r in reports)
        status, agreeing = statuses.most_common(1)[0]
        published = sorted(r.published for r in reports if r.published)
        days = sorted(r.day for r in reports if r.day)
        first = reports[0]
        db.execute('INSERT INTO "happenings" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)', (
            happening.id, first.type, first.source, first.target, days[0].isoformat() if days else None,
            _most_common(r.country for r in reports), _most_common(r.place for r in reports),
            len(reports), len({r.article_id for r in reports}), len({r.outlet for r in reports}),
            published[0] if published else None, published[-1] if published else None,
            status, round(agreeing / len(reports), 3), 0))
        db.executemany('INSERT INTO "happening_reports" VALUES (?, ?, ?, ?, ?)',
                       [(happening.id, r.article_id, r.event_id, r.status, r.day.isoformat() if r.day else None)
                        for r in reports])


def _most_common(values) -> Optional[str]:
    counts = Counter(v for v in values if v)
    return counts.most_common(1)[0][0] if counts else None
