"""Writing a corpus out: JSON Lines records, one CSV or Parquet file per table, or the events as
PLOVER records (``corpus/plover.py``), streamed.

The per-article tables keep the columns of ``tables.py`` exactly (the Spark job writes the same
Parquet schema); the corpus-wide tables (stories, corpus actors, happenings, contested) follow.
Rows are read in chunks and written as they come, so a corpus larger than memory exports.
"""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path
from typing import Any, Iterator

from dragoman.corpus.plover import plover_records
from dragoman.tables import TABLES, Column, Table, arrow_schema

CHUNK = 2000

CORPUS_EXPORTS = {
    "story_articles": 'SELECT "story_id", "id" AS "article_id" FROM "articles" ORDER BY "story_id", "id"',
    "stories": 'SELECT * FROM "stories" ORDER BY "id"',
    "corpus_actors": 'SELECT * FROM "corpus_actors" ORDER BY "id"',
    "happenings": 'SELECT * FROM "happenings" ORDER BY "id"',
    "happening_reports": 'SELECT * FROM "happening_reports" ORDER BY "happening_id", "article_id", "event_id"',
    "contested": 'SELECT * FROM "contested" ORDER BY "happening_id", "a_article_id", "b_article_id"',
    "failures": 'SELECT * FROM "failures" ORDER BY "source"',
}
"""Tables that need the whole corpus, and how each is read."""

SQLITE_TYPES = {"TEXT": "text", "INTEGER": "integer", "REAL": "real"}


def export_tables(db: sqlite3.Connection) -> Iterator[tuple[Table, str]]:
    """Each exported table with the query that reads it, per-article tables first."""
    for table in TABLES:
        if table.name != "records":
            order = ", ".join(f'"{k}"' for k in table.primary_key)
            columns = ", ".join(f'"{name}"' for name in table.names)
            yield table, f'SELECT {columns} FROM "{table.name}" ORDER BY {order}'
    for name, sql in CORPUS_EXPORTS.items():
        cursor = db.execute(sql + " LIMIT 0")
        source = name if name != "story_articles" else "articles"
        declared = {row[1]: row[2] for row in db.execute(f'PRAGMA table_info("{source}")')}
        columns = tuple(Column(d[0], SQLITE_TYPES.get(declared.get(d[0], "TEXT"), "text")) for d in cursor.description)
        yield Table(name, columns, ()), sql


def chunks(db: sqlite3.Connection, table: Table, sql: str) -> Iterator[list[dict[str, Any]]]:
    cursor = db.execute(sql)
    booleans = [c.name for c in table.columns if c.type == "boolean"]
    while rows := cursor.fetchmany(CHUNK):
        out = [dict(zip(table.names, row)) for row in rows]
        for row in out:
            for name in booleans:
                if row[name] is not None:
                    row[name] = bool(row[name])
        yield out


def export(db: sqlite3.Connection, fmt: str, out_dir: Path) -> dict[str, int]:
    """Write the corpus to ``out_dir`` as ``fmt`` (jsonl, csv, parquet, plover); rows written per file."""
    out_dir.mkdir(parents=True, exist_ok=True)
    if fmt == "jsonl":
        return {"records.jsonl": write_jsonl(db, out_dir / "records.jsonl")}
    if fmt == "plover":
        return {"events.plover.jsonl": write_plover(db, out_dir / "events.plover.jsonl")}
    writer = {"csv": write_csv, "parquet": write_parquet}[fmt]
    written = {}
    for table, sql in list(export_tables(db)):
        path = out_dir / f"{table.name}.{fmt}"
        written[path.name] = writer(chunks(db, table, sql), table, path)
    return written


def write_jsonl(db: sqlite3.Connection, path: Path) -> int:
    count = 0
    with path.open("w", encoding="utf-8") as out:
        for (record,) in db.execute('SELECT "record" FROM "records" ORDER BY "article_id"'):
            out.write(record + "\n")
            count += 1
    return count


def write_plover(db: sqlite3.Connection, path: Path) -> int:
    count = 0
    with path.open("w", encoding="utf-8") as out:
        for record in plover_records(db):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    return count


def write_csv(parts: Iterator[list[dict[str, Any]]], table: Table, path: Path) -> int:
    count = 0
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=table.names)
        writer.writeheader()
        for rows in parts:
            writer.writerows(rows)
            count += len(rows)
    return count


def write_parquet(parts: Iterator[list[dict[str, Any]]], table: Table, path: Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = arrow_schema(table)
    count = 0
    with pq.ParquetWriter(path, schema) as writer:
        for rows in parts:
            writer.write_batch(pa.RecordBatch.from_pylist(rows, schema=schema))
            count += len(rows)
        if count == 0:
            writer.write_table(schema.empty_table())
    return count
