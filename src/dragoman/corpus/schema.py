"""The SQLite schema of a corpus: the per-article tables of ``tables.py`` plus the corpus-wide ones.

Foreign keys and views are declared so that Datasette (or any SQLite browser) shows an article's
actors, quotes and events as links; FTS5 indexes titles, bodies and quotes and is kept in step by
triggers, so no code path can forget to index.
"""

from __future__ import annotations

import sqlite3

from dragoman.tables import TABLES, Table

SQL_TYPES = {"text": "TEXT", "integer": "INTEGER", "real": "REAL", "boolean": "INTEGER", "json": "TEXT"}

CORPUS_COLUMNS = {"articles": ['"story_id" TEXT']}
"""Columns the store adds to a per-article table: facts that need the whole corpus."""

FOREIGN_KEYS = {
    "actors": ['FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE',
               'FOREIGN KEY ("corpus_actor_id") REFERENCES "corpus_actors"("id")'],
    "mentions": ['FOREIGN KEY ("article_id", "actor_id") REFERENCES "actors"("article_id", "id") ON DELETE CASCADE'],
}
"""Every other per-article table points to its article."""

CORPUS_TABLES = """
CREATE TABLE IF NOT EXISTS "corpus_actors" (
  "id" TEXT PRIMARY KEY, "name" TEXT, "type" TEXT, "country" TEXT, "code" TEXT, "kb_id" TEXT,
  "articles" INTEGER, "mentions" INTEGER
);
CREATE TABLE IF NOT EXISTS "stories" (
  "id" TEXT PRIMARY KEY, "title" TEXT, "articles" INTEGER, "outlets" INTEGER,
  "first_published" TEXT, "last_published" TEXT
);
CREATE TABLE IF NOT EXISTS "happenings" (
  "id" TEXT PRIMARY KEY, "type" TEXT, "source" TEXT REFERENCES "corpus_actors"("id"),
  "target" TEXT REFERENCES "corpus_actors"("id"), "date" TEXT, "country" TEXT, "place" TEXT,
  "reports" INTEGER, "articles" INTEGER, "sources" INTEGER, "first_report" TEXT, "last_report" TEXT,
  "status" TEXT, "status_agreement" REAL, "contested" INTEGER
);
CREATE TABLE IF NOT EXISTS "happening_reports" (
  "happening_id" TEXT REFERENCES "happenings"("id") ON DELETE CASCADE, "article_id" TEXT, "event_id" TEXT,
  "status" TEXT, "date" TEXT,
  PRIMARY KEY ("article_id", "event_id"),
  FOREIGN KEY ("article_id", "event_id") REFERENCES "events"("article_id", "id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "contested" (
  "happening_id" TEXT REFERENCES "happenings"("id") ON DELETE SET NULL, "type" TEXT, "reason" TEXT,
  "a_article_id" TEXT REFERENCES "articles"("id") ON DELETE CASCADE, "a_item_id" TEXT, "a_kind" TEXT,
  "a_status" TEXT, "a_holder" TEXT, "a_text" TEXT,
  "b_article_id" TEXT REFERENCES "articles"("id") ON DELETE CASCADE, "b_item_id" TEXT, "b_kind" TEXT,
  "b_status" TEXT, "b_holder" TEXT, "b_text" TEXT,
  PRIMARY KEY ("a_article_id", "a_item_id", "b_article_id", "b_item_id")
);
CREATE TABLE IF NOT EXISTS "failures" (
  "source" TEXT PRIMARY KEY, "reason" TEXT, "at" TEXT
);
CREATE TABLE IF NOT EXISTS "meta" ("key" TEXT PRIMARY KEY, "value" TEXT);
"""

SEARCH = """
CREATE VIRTUAL TABLE IF NOT EXISTS "articles_fts" USING fts5(
  "title", "text", "quotes", tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER IF NOT EXISTS "articles_fts_insert" AFTER INSERT ON "records" BEGIN
  INSERT INTO "articles_fts"(rowid, "title", "text", "quotes")
    SELECT a.rowid, a."title", a."text",
           (SELECT group_concat(q."text", ' … ') FROM "quotes" q WHERE q."article_id" = a."id")
    FROM "articles" a WHERE a."id" = new."article_id";
END;
CREATE TRIGGER IF NOT EXISTS "articles_fts_delete" AFTER DELETE ON "articles" BEGIN
  DELETE FROM "articles_fts" WHERE rowid = old.rowid;
END;
"""
"""The index is filled when an article's last row (its record) is written, so quotes are in it."""

VIEWS = """
CREATE VIEW IF NOT EXISTS "event_actors" AS
  SELECT e."article_id", e."id" AS "event_id", e."type", e."status", e."date",
         s."name" AS "source_name", s."country" AS "source_country", s."corpus_actor_id" AS "source_actor",
         t."name" AS "target_name", t."country" AS "target_country", t."corpus_actor_id" AS "target_actor",
         a."title", a."outlet", a."published"
  FROM "events" e JOIN "articles" a ON a."id" = e."article_id"
  LEFT JOIN "actors" s ON s."article_id" = e."article_id" AND s."id" = e."source"
  LEFT JOIN "actors" t ON t."article_id" = e."article_id" AND t."id" = e."target";
CREATE VIEW IF NOT EXISTS "quote_speakers" AS
  SELECT q."article_id", q."id" AS "quote_id", q."text", q."kind", q."cue",
         s."name" AS "speaker_name", s."corpus_actor_id" AS "speaker_actor", a."title", a."outlet", a."published"
  FROM "quotes" q JOIN "articles" a ON a."id" = q."article_id"
  LEFT JOIN "actors" s ON s."article_id" = q."article_id" AND s."id" = q."speaker";
"""


def create_table_sql(table: Table) -> str:
    columns = [f'"{c.name}" {SQL_TYPES[c.type]}' for c in table.columns]
    columns += CORPUS_COLUMNS.get(table.name, [])
    keys = ", ".join(f'"{k}"' for k in table.primary_key)
    constraints = [f"PRIMARY KEY ({keys})"]
    constraints += FOREIGN_KEYS.get(table.name, [] if table.name == "articles" else
                                    ['FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE'])
    return f'CREATE TABLE IF NOT EXISTS "{table.name}" (\n  ' + ",\n  ".join(columns + constraints) + "\n)"


INDEXES = """
CREATE INDEX IF NOT EXISTS "actors_corpus_actor" ON "actors"("corpus_actor_id");
CREATE INDEX IF NOT EXISTS "articles_story" ON "articles"("story_id");
CREATE INDEX IF NOT EXISTS "articles_published" ON "articles"("published");
-- An index on the type alone made the event-type filter read every event of that type for each
-- article a search matched (1.5 s at 10,000 articles); with the article id it reads one.
DROP INDEX IF EXISTS "events_type";
CREATE INDEX IF NOT EXISTS "events_type_article" ON "events"("type", "article_id");
CREATE INDEX IF NOT EXISTS "happening_reports_happening" ON "happening_reports"("happening_id");
"""


def add_new_columns(db: sqlite3.Connection) -> None:
    """Give a corpus made by an earlier Dragoman the columns its records have gained since (the
    quotes' ``partials``): tables are only created if missing, so an old one keeps old columns."""
    for table in TABLES:
        present = {row[1] for row in db.execute(f'PRAGMA table_info("{table.name}")')}
        for column in (c for c in table.columns if c.name not in present):
            db.execute(f'ALTER TABLE "{table.name}" ADD COLUMN "{column.name}" {SQL_TYPES[column.type]}')


DERIVED_TABLES = {"contested": "a_item_id"}
"""Tables rebuilt from the articles on every refresh, with a column their current shape has: one
without it (made by an earlier Dragoman: ``contested`` held event pairs only) is dropped and made anew."""


def drop_old_derived_tables(db: sqlite3.Connection) -> None:
    for table, column in DERIVED_TABLES.items():
        present = {row[1] for row in db.execute(f'PRAGMA table_info("{table}")')}
        if present and column not in present:
            db.execute(f'DROP TABLE "{table}"')


def schema_script() -> str:
    """The whole schema, safe to run on an existing corpus (every statement is IF [NOT] EXISTS)."""
    tables = ";\n".join(create_table_sql(t) for t in TABLES)
    return "\n".join([CORPUS_TABLES, tables + ";", SEARCH, VIEWS, INDEXES])
