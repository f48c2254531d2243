"""An Article record as table rows: the one row schema of the SQLite corpus, the CSV and Parquet
export and the Spark job.

Columns are derived from the dataclasses in ``record.py`` (scalar fields as they are, a nested
``Location`` flattened to ``location_*``, lists of strings as JSON text), plus the keys that tie
rows to their article. Every function here is a pure function of one Article, so a Spark worker
computes exactly the rows the store writes. Corpus-wide facts (stories, happenings) are not here:
they need the whole corpus.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
import typing
import unicodedata
from dataclasses import dataclass
from typing import Any, Iterator, Literal, Optional

from dragoman.record import Actor, Article, Claim, Event, Location, Piece, Quote, Relation, Span

ColumnType = Literal["text", "integer", "real", "boolean", "json"]
Row = dict[str, Any]


@dataclass(frozen=True)
class Column:
    name: str
    type: ColumnType
    """``json`` columns hold JSON text (a list of strings, or of objects: a quote's ``partials``);
    ``boolean`` is 0/1 in SQLite."""


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]


def _column_type(hint: Any) -> ColumnType:
    args = [a for a in typing.get_args(hint) if a is not type(None)]
    if typing.get_origin(hint) is typing.Union:
        return _column_type(args[0])
    if typing.get_origin(hint) is Literal or hint is str:
        return "text"
    if typing.get_origin(hint) is list:
        return "json"
    return {int: "integer", float: "real", bool: "boolean"}[hint]


def _columns_of(cls: type, skip: tuple[str, ...] = ()) -> list[Column]:
    """The record fields of ``cls`` as columns; nested dataclasses flattened with a prefix."""
    hints = typing.get_type_hints(cls)
    columns: list[Column] = []
    for f in dataclasses.fields(cls):
        if f.name in skip:
            continue
        hint = hints[f.name]
        inner = [a for a in typing.get_args(hint) if dataclasses.is_dataclass(a) and typing.get_origin(hint) is not list]
        if inner:
            columns += [Column(f"{f.name}_{c.name}", c.type) for c in _columns_of(inner[0])]
        else:
            columns.append(Column(f.name, _column_type(hint)))
    return columns


ARTICLE_ONLY = ("captions", "removed", "actors", "quotes", "events", "claims", "relations")
"""Article fields kept as tables of their own (or, for captions and removed, in ``records``)."""

ARTICLES = Table("articles", (
    Column("id", "text"), Column("record_id", "text"), Column("content_hash", "text"),
    *_columns_of(Article, skip=("id", *ARTICLE_ONLY)),
), ("id",))
ACTORS = Table("actors", (
    Column("article_id", "text"), *_columns_of(Actor, skip=("mentions", "kb_id")),
    Column("kb_id", "text"), Column("corpus_actor_id", "text"),
), ("article_id", "id"))
MENTIONS = Table("mentions", (
    Column("article_id", "text"), Column("actor_id", "text"),
    Column("start", "integer"), Column("end", "integer"), Column("text", "text"),
), ("article_id", "actor_id", "start"))
QUOTES = Table("quotes", (Column("article_id", "text"), *_columns_of(Quote)), ("article_id", "id"))
EVENTS = Table("events", (Column("article_id", "text"), *_columns_of(Event)), ("article_id", "id"))
CLAIMS = Table("claims", (Column("article_id", "text"), *_columns_of(Claim)), ("article_id", "id"))
RELATIONS = Table("relations", (Column("article_id", "text"), Column("n", "integer"), *_columns_of(Relation)),
                  ("article_id", "n"))
RECORDS = Table("records", (Column("article_id", "text"), Column("record", "text")), ("article_id",))

TABLES: tuple[Table, ...] = (ARTICLES, ACTORS, MENTIONS, QUOTES, EVENTS, CLAIMS, RELATIONS, RECORDS)
"""Every per-article table, parents first."""


def content_hash(text: str) -> str:
    """The same body whatever its whitespace: a repeat of one text hashes alike."""
    return hashlib.sha1(" ".join(text.split()).encode("utf-8")).hexdigest()[:16]


def article_key(article: Article) -> str:
    """The corpus id of an article: where it came from (URL, else source) plus what it says.

    The same input read again has the same key (and is skipped); the same text from another
    source gets another key (and is stored, then grouped with its twin as one story).
    """
    origin = article.url or article.source
    return hashlib.sha1(f"{origin}\0{content_hash(article.text)}".encode("utf-8")).hexdigest()[:16]


def fold_name(name: str) -> str:
    """A name as compared across articles: accents, case, punctuation and a leading 'the' dropped."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    words = re.findall(r"[a-z0-9]+", plain)
    return " ".join(words[1:] if words[:1] == ["the"] and len(words) > 1 else words)


def corpus_actor_id(actor: Actor) -> str:
    """One id for one actor across articles: the knowledge-base id where the actors stage gave one,
    else the folded name with country and type (``person:rus:sergei lavrov``)."""
    kb_id = getattr(actor, "kb_id", None)
    if kb_id:
        return f"kb:{kb_id}"
    return f"{actor.type or 'actor'}:{(actor.country or '').lower()}:{fold_name(actor.name)}"


def _flat(obj: Any, table: Table, **keys: Any) -> Row:
    values = dataclasses.asdict(obj)
    row: Row = {}
    for column in table.columns:
        if column.name in keys:
            row[column.name] = keys[column.name]
            continue
        value = values.get(column.name)
        if "_" in column.name and column.name not in values:
            prefix, sub = column.name.split("_", 1)
            nested = values.get(prefix)
            value = nested.get(sub) if isinstance(nested, dict) else None
        row[column.name] = json.dumps(value, ensure_ascii=False) if column.type == "json" else value
    return row


def article_rows(article: Article, key: Optional[str] = None) -> dict[str, list[Row]]:
    """Every row of one article, by table name, in the columns of ``TABLES``."""
    key = key or article_key(article)
    rows: dict[str, list[Row]] = {t.name: [] for t in TABLES}
    rows["articles"].append(_flat(article, ARTICLES, id=key, record_id=article.id,
                                  content_hash=content_hash(article.text)))
    for actor in article.actors:
        rows["actors"].append(_flat(actor, ACTORS, article_id=key, kb_id=getattr(actor, "kb_id", None),
                                    corpus_actor_id=corpus_actor_id(actor)))
        seen = set()
        for span in actor.mentions:
            if span.start not in seen:  # one row per place in the text
                seen.add(span.start)
                rows["mentions"].append({"article_id": key, "actor_id": actor.id, "start": span.start,
                                         "end": span.end, "text": span.text})
    for table, items in ((QUOTES, article.quotes), (EVENTS, article.events), (CLAIMS, article.claims)):
        rows[table.name] = [_flat(item, table, article_id=key) for item in items]
    rows["relations"] = [_flat(r, RELATIONS, article_id=key, n=n) for n, r in enumerate(article.relations)]
    rows["records"].append({"article_id": key, "record": article.to_json()})
    return rows


def article_from_dict(data: dict[str, Any]) -> Article:
    """An Article back from its JSON record (``json.loads(article.to_json())``)."""
    def build(cls, items):
        return [cls(**item) for item in items]
    actors = [Actor(**{**a, "mentions": build(Span, a["mentions"])}) for a in data["actors"]]
    events = [Event(**{**e, "location": Location(**e["location"]) if e.get("location") else None})
              for e in data["events"]]
    return Article(**{**data, "captions": build(Piece, data["captions"]), "removed": build(Piece, data["removed"]),
                      "actors": actors, "events": events,
                      "quotes": [Quote(**{**q, "partials": build(Span, q.get("partials", []))}) for q in data["quotes"]],
                      "claims": build(Claim, data["claims"]), "relations": build(Relation, data["relations"])})


def iter_table_rows(articles: typing.Iterable[Article]) -> Iterator[tuple[str, Row]]:
    """(table name, row) for a stream of articles: what a Spark partition or an export writes."""
    for article in articles:
        for name, rows in article_rows(article).items():
            for row in rows:
                yield name, row


def arrow_schema(table: Table):
    """The pyarrow schema of ``table`` (pyarrow is imported only by those who export)."""
    import pyarrow as pa

    types = {"text": pa.string(), "integer": pa.int64(), "real": pa.float64(), "boolean": pa.bool_(),
             "json": pa.string()}
    return pa.schema([pa.field(c.name, types[c.type]) for c in table.columns])

