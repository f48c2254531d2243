"""What a Spark Python worker runs: inputs to raw articles, raw articles to table rows.

Spark calls these through ``mapInPandas`` with an iterator of pandas frames per partition. The
readers are those of ``dragoman.ingest`` and the rows those of ``tables.article_rows``, so an
input becomes the same article, with the same id, as under ``dragoman ingest``. Rows travel as
JSON text and are typed by the export's Arrow schema on the way out (``spark.py``). Nothing here
raises on one input: a reader's or a stage's error becomes a ``failures`` row; only a pipeline
that cannot load at all fails the task (every article would fail the same way). An input left
unread on purpose (a hidden file, a licence, a WARC request record) is a ``skipped`` row, not a
failure, as ``ingest`` lists it apart.
"""

from __future__ import annotations

import dataclasses
import json
import os
from dataclasses import dataclass
from itertools import islice
from typing import Iterable, Iterator, Optional
from urllib.parse import unquote, urlparse

import pandas as pd

from dragoman.errors import InputError, Skipped
from dragoman.ingest import Item, RawArticle, guarded_read, read_limited
from dragoman.ingest.formats import json_line
from dragoman.ingest.walk import display_name
from dragoman.pipeline import Outcome, Pipeline
from dragoman.settings import Settings
from dragoman.tables import TABLES, Column, Table, article_rows

OUTPUT_TABLES: tuple[Table, ...] = tuple(t for t in TABLES if t.name != "records")
"""The per-article tables ``dragoman export --format parquet`` writes (the records table is the JSON export's)."""
FAILURES = Table("failures", (Column("source", "text"), Column("reason", "text")), ("source",))
SKIPPED = Table("skipped", (Column("source", "text"), Column("reason", "text")), ("source",))

RAW = "source string, raw string, reason string, left_out boolean"
"""A raw article as JSON, or the reason the input gave none (``left_out``: on purpose, a ``Skipped``)."""
RAW_COLUMNS = ["source", "raw", "reason", "left_out"]
ANALYZED = "table string, row string"
"""One table row as JSON, and the name of its table."""

_PIPELINES: dict[Settings, Pipeline] = {}
"""One loaded pipeline per settings in each worker process: Spark reuses the process for the
partitions it is sent, so spaCy and the knowledge base load once, not per partition."""


@dataclass(frozen=True)
class Naming:
    """The input as given on the command line, to name the files Spark lists under it alike."""

    given: str
    absolute: Optional[str]
    """None for a cluster store (``s3a://``): its files keep their URIs."""
    is_dir: bool


def source_name(uri: str, naming: Naming) -> str:
    """``file:/home/me/pages/a.html`` as ``dragoman ingest pages`` names it: ``pages/a.html``
    (the name is part of an article's id when it has no URL)."""
    if naming.absolute is None:
        return uri
    parsed = urlparse(uri)
    local = unquote(parsed.path) if parsed.scheme == "file" else uri
    if not naming.is_dir:
        return display_name(naming.given)
    return display_name(os.path.join(naming.given, os.path.relpath(local, naming.absolute)))


def raw_row(item: Item) -> tuple[str, Optional[str], Optional[str], bool]:
    if isinstance(item, InputError):
        return item.source, None, item.reason, isinstance(item, Skipped)
    return item.source, json.dumps(dataclasses.asdict(item), ensure_ascii=False), None, False


def unexpected(source: str, doing: str, exc: Exception) -> InputError:
    return InputError(source, f"unexpected error while {doing} ({type(exc).__name__}: {exc})")


def read_records(frames: Iterator[pd.DataFrame], settings: Settings, naming: Naming,
                 separator: str) -> Iterator[pd.DataFrame]:
    """Numbered JSON objects (lines of JSON Lines, rows of Parquet) to raw articles, each named
    ``file.jsonl:LINE`` (``file.parquet#ROW``) and read by the JSON Lines reader's own function."""
    for frame in frames:
        rows = []
        for file, number, value in zip(frame["file"], frame["number"], frame["value"]):
            if value is None or not value.strip():
                continue
            source = f"{source_name(file, naming)}{separator}{number}"
            if len(value.encode("utf-8")) > settings.max_bytes:
                item: Item = InputError(source, f"over the {settings.max_bytes / 1e6:g} MB limit (--max-bytes)")
            else:
                try:
                    item = json_line(value.lstrip("\ufeff") if number == 1 else value, source)
                except InputError as exc:
                    item = exc
                except Exception as exc:  # noqa: BLE001 - one odd line must not fail the partition
                    item = unexpected(source, "reading", exc)
            rows.append(raw_row(item))
        yield pd.DataFrame(rows, columns=RAW_COLUMNS)


def read_files(frames: Iterator[pd.DataFrame], settings: Settings, naming: Naming) -> Iterator[pd.DataFrame]:
    """Whole files (a page, a feed, a WARC: one or many articles each) to raw articles, by the
    readers of ``dragoman ingest``: from their bytes when Spark read them, else from their path."""
    for frame in frames:
        rows = []
        for path, length, content in zip(frame["path"], frame["length"], frame["content"]):
            rows += [raw_row(item) for item in file_items(path, length, content, settings, naming)]
        yield pd.DataFrame(rows, columns=RAW_COLUMNS)


def file_items(path: str, length, content, settings: Settings, naming: Naming) -> Iterable[Item]:
    if naming.absolute is None:
        if content is None:
            return [InputError(path, f"input is over the {settings.max_bytes / 1e6:g} MB limit (--max-bytes)")]
        return guarded_read(bytes(content), path, path, settings.max_bytes)
    source = display_name(path)
    try:
        data = read_limited(path, source, settings.max_bytes)
    except InputError as exc:
        return [exc]
    return guarded_read(data, source, path, settings.max_bytes)


def worker_pipeline(settings: Settings) -> Pipeline:
    if settings not in _PIPELINES:
        pipeline = Pipeline(settings)
        pipeline.hold()  # load now: a model missing on the workers fails the task, not each article
        _PIPELINES[settings] = pipeline
    return _PIPELINES[settings]


def analyze_partition(frames: Iterator[pd.DataFrame], settings: Settings) -> Iterator[pd.DataFrame]:
    """Raw articles (or the reasons there are none) to the rows of every output table."""
    pipeline = worker_pipeline(settings)
    for frame in frames:
        items: list[Item] = [RawArticle(**json.loads(raw)) if raw is not None
                             else Skipped(source, reason) if left_out else InputError(source, reason)
                             for source, raw, reason, left_out in zip(*(frame[c] for c in RAW_COLUMNS))]
        rows: list[tuple[str, str]] = []
        for outcome in outcomes(pipeline, items):
            rows += output_rows(outcome)
        yield pd.DataFrame(rows, columns=["table", "row"])


def outcomes(pipeline: Pipeline, items: list[Item]) -> Iterator[Outcome]:
    """The pipeline's outcome for each item; an error it did not expect costs one article, not
    its batch: the batch is done again one article at a time."""
    stream = iter(items)
    while batch := list(islice(stream, pipeline.settings.batch_size)):
        try:
            yield from list(pipeline.analyze_stream(batch))
        except Exception:  # noqa: BLE001 - find the article that raised
            for item in batch:
                try:
                    yield next(pipeline.analyze_stream([item]))
                except Exception as exc:  # noqa: BLE001
                    yield unexpected(item.source, "analyzing (a bug: please report it)", exc)


def output_rows(outcome: Outcome) -> list[tuple[str, str]]:
    if isinstance(outcome, InputError):
        table = SKIPPED if isinstance(outcome, Skipped) else FAILURES
        return [(table.name, json.dumps({"source": outcome.source, "reason": outcome.reason}, ensure_ascii=False))]
    try:
        rows = article_rows(outcome)
    except Exception as exc:  # noqa: BLE001
        return output_rows(unexpected(outcome.source, "making table rows (a bug: please report it)", exc))
    return [(table.name, json.dumps(row, ensure_ascii=False)) for table in OUTPUT_TABLES for row in rows[table.name]]
