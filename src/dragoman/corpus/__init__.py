"""A corpus of analyzed articles in one plain SQLite file, readable by any SQLite tool or Datasette.

``Corpus`` is the whole API: the ``dragoman`` commands (ingest, search, actors, events, stories,
happenings, contested, network, timeline, stances, export) and the server's routes each call one
of its methods and add nothing of their own.
The file is opened in WAL mode so readers (a server, Datasette) never wait on an ingest.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import sys
from collections import Counter
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Optional

from tqdm import tqdm

from dragoman.clean import clean
from dragoman.corpus import aggregates, queries
from dragoman.corpus.aggregates import Graph, TimelineBy
from dragoman.corpus.queries import Filters
from dragoman.corpus.happenings import HappeningConfig, build_happenings
from dragoman.corpus.contested import ContestedConfig, build_contested
from dragoman.corpus.schema import add_new_columns, drop_old_derived_tables, schema_script
from dragoman.corpus.stories import StoryConfig, build_stories
from dragoman.export import export
from dragoman.errors import DragomanError, InputError, Skipped
from dragoman.ingest import Item, RawArticle, read_inputs
from dragoman.record import Article
from dragoman.settings import Settings
from dragoman.tables import TABLES, article_key, article_rows
from dragoman.workers import analyze_parallel, default_jobs

if TYPE_CHECKING:
    from dragoman.pipeline import Outcome, Pipeline


class CorpusError(DragomanError):
    """The corpus file cannot be opened or used (not SQLite, no FTS5, locked)."""


@dataclass
class IngestReport:
    added: int = 0
    skipped: int = 0
    """Inputs already in the corpus (same source or URL, same text): not analyzed again."""
    failed: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)
    """(source, reason) for each input that could not be analyzed in this run."""
    left_out: list[tuple[str, str]] = field(default_factory=list)
    """(source, reason) for each input left unread on purpose (a hidden file, a licence, a WARC
    request record): not an article, so neither stored nor a failure."""


class Corpus:
    """One SQLite file of analyzed articles: ``Corpus("corpus.db")``, or ``Corpus()`` in memory."""

    def __init__(self, path: str = ":memory:", story_config: Optional[StoryConfig] = None):
        self.path = str(path)
        self.story_config = story_config or StoryConfig.load()
        self.happening_config = HappeningConfig.load()
        self.contested_config = ContestedConfig.load()
        try:
            self.db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            self.db.row_factory = sqlite3.Row
            self.db.execute("PRAGMA foreign_keys = ON")
            self.db.execute("PRAGMA busy_timeout = 30000")
            if self.path != ":memory:":
                self.db.execute("PRAGMA journal_mode = WAL")
            drop_old_derived_tables(self.db)
            self.db.executescript(schema_script())
            add_new_columns(self.db)
        except sqlite3.OperationalError as exc:
            if "fts5" in str(exc):
                raise CorpusError(f"{self.path}: this Python's SQLite has no FTS5 full-text search") from exc
            raise CorpusError(f"{self.path}: {exc}") from exc
        except sqlite3.DatabaseError as exc:
            raise CorpusError(f"{self.path}: not a Dragoman corpus ({exc})") from exc

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "Corpus":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- writing -------------------------------------------------------------------------------

    def has(self, key: str) -> bool:
        return self.db.execute('SELECT 1 FROM "articles" WHERE "id" = ?', (key,)).fetchone() is not None

    def save(self, article: Article) -> bool:
        """Store one article; False if it was already there (same source or URL, same text)."""
        return self.save_all([article]) == 1

    def save_all(self, articles: Iterable[Article]) -> int:
        """Store articles in one transaction; returns how many were new."""
        added = 0
        with self.transaction():
            for article in articles:
                added += self._insert(article)
        return added

    def _insert(self, article: Article) -> bool:
        rows = article_rows(article)
        key = rows["articles"][0]["id"]
        if self.has(key):
            return False
        self._upsert_corpus_actors(rows["actors"], rows["mentions"])
        for table in TABLES:
            if rows[table.name]:
                names = table.names
                columns = ", ".join(f'"{name}"' for name in names)
                sql = f'INSERT INTO "{table.name}" ({columns}) VALUES ({", ".join("?" * len(names))})'
                self.db.executemany(sql, [[row[n] for n in names] for row in rows[table.name]])
        self.db.execute('DELETE FROM "failures" WHERE "source" = ?', (article.source,))
        return True

    def _upsert_corpus_actors(self, actors: list[dict], mentions: list[dict]) -> None:
        counts = Counter(m["actor_id"] for m in mentions)
        per_actor: dict[str, dict] = {}
        for actor in actors:
            entry = per_actor.setdefault(actor["corpus_actor_id"], {**actor, "mentions": 0})
            entry["mentions"] += counts[actor["id"]]
        self.db.executemany(
            'INSERT INTO "corpus_actors" ("id", "name", "type", "country", "code", "kb_id", "articles", "mentions") '
            'VALUES (?, ?, ?, ?, ?, ?, 1, ?) ON CONFLICT("id") DO UPDATE SET '
            '"articles" = "articles" + 1, "mentions" = "mentions" + excluded."mentions", '
            '"code" = coalesce("code", excluded."code"), '
            '"name" = CASE WHEN length(excluded."name") > length("name") THEN excluded."name" ELSE "name" END',
            [(key, a["name"], a["type"], a["country"], a["code"], a["kb_id"], a["mentions"])
             for key, a in per_actor.items()])

    def record_failure(self, source: str, reason: str) -> None:
        now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
        self.db.execute('INSERT OR REPLACE INTO "failures" ("source", "reason", "at") VALUES (?, ?, ?)',
                        (source, reason, now))

    def transaction(self):
        return _Transaction(self.db)

    def ingest(self, paths: Iterable[str], settings: Optional[Settings] = None, jobs: Optional[int] = None,
               batch: int = 50, progress: bool = False, pipeline: Optional[Pipeline] = None) -> IngestReport:
        """Analyze and store every article in ``paths``, ``batch`` articles per transaction.

        Safe to repeat and to resume: inputs already stored are skipped before analysis, so a run
        killed at any moment and started again ends with every article stored once.
        """
        settings = settings or (pipeline.settings if pipeline else Settings())
        jobs = jobs or default_jobs()
        report = IngestReport()
        # The bar counts the articles read (stored, already there, failed or left out) and shows no
        # total: a JSON Lines, feed or WARC file holds many, so the number of files is none.
        with tqdm(unit="article", disable=not progress, file=sys.stderr) as bar:
            fresh = self._unstored(read_inputs(paths, settings.max_bytes), report, bar)
            outcomes = analyze_parallel(fresh, settings, jobs=jobs, pipeline=pipeline)
            while chunk := list(islice(outcomes, batch)):
                self._store_batch(chunk, report)
                bar.update(len(chunk))
        self.refresh()
        return report

    def _store_batch(self, chunk: list[tuple[Item, Outcome]], report: IngestReport) -> None:
        """One transaction: each article stored (or counted as already there), each failure recorded."""
        with self.transaction():
            for _item, outcome in chunk:
                if isinstance(outcome, Skipped):
                    report.left_out.append((outcome.source, outcome.reason))
                    continue
                if isinstance(outcome, InputError):
                    report.failed += 1
                    report.failures.append((outcome.source, outcome.reason))
                    self.record_failure(outcome.source, outcome.reason)
                    continue
                try:
                    self.db.execute("SAVEPOINT article")
                    added = self._insert(outcome)
                    self.db.execute("RELEASE article")
                except sqlite3.DatabaseError as exc:  # one bad record must not stop the batch
                    self.db.execute("ROLLBACK TO article")
                    self.db.execute("RELEASE article")
                    report.failed += 1
                    report.failures.append((outcome.source, f"not stored: {exc}"))
                    self.record_failure(outcome.source, f"not stored: {exc}")
                    continue
                if added:
                    report.added += 1
                else:
                    report.skipped += 1

    def _unstored(self, items: Iterable[Item], report: IngestReport, bar: tqdm) -> Iterator[Item]:
        """The inputs not yet in the corpus (cleaning is cheap; analysis is what a rerun saves)."""
        for item in items:
            if isinstance(item, RawArticle):
                try:
                    if self.has(article_key(clean(item))):
                        report.skipped += 1
                        bar.update()
                        continue
                except Exception:  # noqa: BLE001 - the worker meets the same input and reports why
                    pass
            yield item

    def refresh(self) -> None:
        """Recompute what depends on the whole corpus: stories, then from them happenings, then
        the claims and events that contradict each other across articles."""
        with self.transaction():
            build_stories(self.db, self.story_config)
            build_happenings(self.db, self.happening_config)
            build_contested(self.db, self.contested_config)

    # -- reading -------------------------------------------------------------------------------

    def count(self, table: str) -> int:
        return self.db.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]

    def counts(self) -> dict[str, int]:
        """Rows per table: what a test or a report compares."""
        names = [t.name for t in TABLES] + ["corpus_actors", "failures"]
        return {name: self.count(name) for name in names}

    def rows(self, table: str, order: str = "rowid") -> Iterator[dict[str, Any]]:
        for row in self.db.execute(f'SELECT * FROM "{table}" ORDER BY {order}'):
            yield dict(row)

    @property
    def articles(self) -> Iterator[dict[str, Any]]:
        return self.rows("articles")

    def record(self, article_id: str) -> dict[str, Any]:
        """The full record of one article, as ``dragoman analyze`` wrote it."""
        row = self.db.execute('SELECT "record" FROM "records" WHERE "article_id" = ?', (article_id,)).fetchone()
        if row is None:
            raise CorpusError(f"no article {article_id!r} in {self.path}")
        return json.loads(row[0])

    def failures(self) -> list[dict[str, Any]]:
        return list(self.rows("failures", order='"at", "source"'))

    def search(self, query: str, filters: Filters = Filters()) -> list[dict[str, Any]]:
        """Articles matching ``query``, best first, each with a snippet (``[matched]`` words)."""
        return queries.search(self.db, query, filters)

    def actors(self, filters: Filters = Filters()) -> list[dict[str, Any]]:
        return queries.actors(self.db, filters)

    def events(self, filters: Filters = Filters()) -> list[dict[str, Any]]:
        return queries.events(self.db, filters)

    def stories(self, filters: Filters = Filters()) -> list[dict[str, Any]]:
        return queries.stories(self.db, filters)

    def happenings(self, filters: Filters = Filters()) -> list[dict[str, Any]]:
        """Happenings (one event, all its reports), the most reported first."""
        return queries.happenings(self.db, filters)

    def contested(self, filters: Filters = Filters()) -> list[dict[str, Any]]:
        """Claims and events of different articles that contradict each other (one tells what the
        other denies, or answers its charge), with both sources, the asserting side first."""
        return queries.contested(self.db, filters)

    def network(self, filters: Filters = Filters()) -> Graph:
        """Who did what to whom: actors and directed edges per event type, weighted by happenings."""
        return aggregates.network(self.db, filters)

    def timeline(self, filters: Filters = Filters(), by: TimelineBy = "actor") -> list[dict[str, Any]]:
        """Happenings per actor (or country), day and event type."""
        return aggregates.timeline(self.db, filters, by)

    def stances(self, filters: Filters = Filters()) -> Graph:
        """Who supports, opposes, criticises whom: edges per kind, weighted by the articles saying so."""
        return aggregates.stances(self.db, filters)

    def story_articles(self, story_id: str) -> list[dict[str, Any]]:
        return queries.story_articles(self.db, story_id)

    def export(self, fmt: str, out_dir: str | Path) -> dict[str, int]:
        """Write the corpus to ``out_dir``: ``jsonl`` (records), ``csv`` or ``parquet`` (a file per
        table), ``plover`` (the events as PLOVER records, ``events.plover.jsonl``)."""
        return export(self.db, fmt, Path(out_dir))


class _Transaction:
    """BEGIN ... COMMIT, or ROLLBACK on an exception: a batch is stored whole or not at all."""

    def __init__(self, db: sqlite3.Connection):
        self.db = db

    def __enter__(self) -> None:
        self.db.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type, *rest) -> None:
        self.db.execute("ROLLBACK" if exc_type else "COMMIT")
