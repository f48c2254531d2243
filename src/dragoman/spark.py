"""The same analysis over many articles with Apache Spark: ``dragoman spark INPUT... OUTPUT``.

Inputs become one DataFrame of raw articles (JSON Lines and Parquet are split by Spark; a folder
of pages is walked on the driver exactly as ``dragoman ingest`` walks it), which is spread over
the cluster and analyzed per partition with ``mapInPandas``. Each Python worker loads the
pipeline once and keeps it for every partition it is sent (``dragoman.spark_worker``). The rows
are those of ``tables.article_rows``, written with the Parquet schema of ``dragoman export``, so
a Spark output and an export read alike; an input that cannot be analyzed is a row of
``failures`` (source, reason), never a failed job, and one left unread on purpose (a hidden
file, a licence) a row of ``skipped``. Corpus-wide tables (stories, happenings)
need the whole corpus and are left to ``dragoman ingest``.
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
from dataclasses import dataclass, field
from functools import partial
from typing import Iterator, Optional, Sequence
from urllib.parse import urlparse

from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F
from pyspark.sql.pandas.types import from_arrow_schema
from pyspark.storagelevel import StorageLevel

from dragoman.errors import DragomanError, InputError, Skipped
from dragoman.ingest import expand_paths
from dragoman.settings import Settings
from dragoman.spark_worker import (ANALYZED, FAILURES, OUTPUT_TABLES, RAW, SKIPPED, Naming,
                                   analyze_partition, read_files, read_records)
from dragoman.tables import Table, arrow_schema

FORMATS = ("auto", "jsonl", "parquet", "files")
"""``files``: text, HTML, feeds, WARC, JSON, one or many articles per file, read as ``ingest`` reads them."""
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")
LOST_TASK = re.compile(r"most recent failure: Lost task [^\n]*?\): ([^\n]+)")
"""Spark's line for a failed task: ``... most recent failure: Lost task 0.0 in stage 1.0 (TID 1) (host executor 1): REASON``."""
PARTITIONS_PER_CORE = 4
"""Smaller tasks than cores: a slow article holds up one quarter of a core's share, not all of it."""


class SparkError(DragomanError):
    """Spark cannot start or cannot read an input as a whole (no Java, a missing path)."""


@dataclass
class SparkReport:
    rows: dict[str, int] = field(default_factory=dict)
    """Rows written per output table, ``failures`` and ``skipped`` included."""

    @property
    def analyzed(self) -> int:
        return self.rows.get("articles", 0)

    @property
    def failed(self) -> int:
        return self.rows.get(FAILURES.name, 0)

    @property
    def skipped(self) -> int:
        return self.rows.get(SKIPPED.name, 0)


@contextlib.contextmanager
def session(master: Optional[str] = None, conf: Optional[dict[str, str]] = None) -> Iterator[SparkSession]:
    """The running SparkSession (a notebook's, a test's), or a new one stopped at the end.

    Started here rather than by ``spark-submit``, Spark's Python workers would run the system
    Python, which lacks Dragoman and pyarrow: they are pointed at this interpreter unless the
    user chose one (``PYSPARK_PYTHON``). Under ``spark-submit`` the submitter's settings rule.
    """
    active = SparkSession.getActiveSession()
    if active is not None:
        yield active
        return
    builder = SparkSession.builder.appName("dragoman")
    submitted = "PYSPARK_GATEWAY_PORT" in os.environ
    if master or not submitted:
        builder = builder.master(master or "local[*]")
    if (master or "local").startswith("local") and not submitted:
        # All of Spark in this process: the loopback is the one address sure to answer (a host
        # name that resolves to a network address can leave the executor unable to reach the driver).
        builder = builder.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
    if not submitted:
        python = worker_python(conf or {})
        os.environ["PYSPARK_PYTHON"] = python
        builder = builder.config("spark.pyspark.python", python).config("spark.pyspark.driver.python", sys.executable)
    for key, value in (conf or {}).items():
        builder = builder.config(key, value)
    try:
        spark = builder.getOrCreate()
    except Exception as exc:  # noqa: BLE001 - py4j and PySpark raise several kinds for "no JVM"
        raise SparkError(f"Spark could not start ({type(exc).__name__}: {' '.join(str(exc).split())[:300]}); "
                         "it needs Java 17 or later on the PATH or in JAVA_HOME") from exc
    try:
        yield spark
    finally:
        spark.stop()


def worker_python(conf: dict[str, str]) -> str:
    """The interpreter of Spark's Python workers when PySpark is started from Python.

    PySpark then takes it from PYSPARK_PYTHON (else the first python3 on the PATH, which lacks
    Dragoman and pyarrow) and ignores spark.pyspark.python, which only spark-submit reads: a
    ``--conf spark.pyspark.python`` (a cluster's interpreter) comes first, then PYSPARK_PYTHON,
    then the interpreter running Dragoman.
    """
    return conf.get("spark.pyspark.python") or os.environ.get("PYSPARK_PYTHON") or sys.executable


def run(spark: SparkSession, inputs: Sequence[str], output: str, settings: Optional[Settings] = None,
        fmt: str = "auto", partitions: Optional[int] = None) -> SparkReport:
    """Analyze every article in ``inputs`` and write one Parquet folder per table under
    ``output`` (``articles.parquet/``, ``actors.parquet/``, ..., ``failures.parquet/`` and ``skipped.parquet/``)."""
    settings = settings or Settings()
    partitions = partitions or spark.sparkContext.defaultParallelism * PARTITIONS_PER_CORE
    raw = None
    for path in inputs:
        frame = read_raw(spark, path, input_format(path) if fmt == "auto" else fmt, settings, partitions)
        raw = frame if raw is None else raw.unionByName(frame)
    if raw is None:
        raise SparkError("no input given")
    analyzed = (raw.repartition(partitions)
                .mapInPandas(partial(analyze_partition, settings=settings), ANALYZED)
                .persist(StorageLevel.MEMORY_AND_DISK))
    try:
        counts = {row["table"]: row["count"] for row in analyzed.groupBy("table").count().collect()}
        report = SparkReport()
        for table in (*OUTPUT_TABLES, FAILURES, SKIPPED):
            write_table(analyzed, table, output)
            report.rows[table.name] = counts.get(table.name, 0)
        return report
    except Exception as exc:  # noqa: BLE001 - a task that failed (not an input: those are rows)
        raise SparkError(f"the Spark job failed: {job_error(exc)}") from exc
    finally:
        analyzed.unpersist()


def job_error(exc: Exception) -> str:
    """The Python error at the bottom of a failed task's report, else the reason the JVM gave for
    losing the task (a worker's interpreter that cannot start): Spark's report is pages of JVM stack."""
    text = str(exc)
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    python = [line for line in lines if re.match(r"^[A-Za-z_.]*(Error|Exception|Exit)\b", line)]
    if python:
        return python[-1][:500]
    lost = LOST_TASK.search(text)
    return (lost.group(1) if lost else (lines or [type(exc).__name__])[-1])[:500]


def write_table(analyzed: DataFrame, table: Table, output: str) -> None:
    """One table's rows, typed by the export's Arrow schema (the JSON rows carry no types)."""
    schema = from_arrow_schema(arrow_schema(table))
    (analyzed.where(F.col("table") == table.name)
     .select(F.from_json("row", schema).alias("r")).select("r.*")
     .write.mode("overwrite").parquet(table_path(output, table.name)))


def table_path(output: str, name: str) -> str:
    return f"{output.rstrip('/')}/{name}.parquet"


def input_format(path: str) -> str:
    """JSON Lines and Parquet by their names (a folder by what it holds); anything else is files."""
    name = path.lower().rstrip("/")
    if name.endswith(".parquet"):
        return "parquet"
    if name.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if not is_remote(path) and os.path.isdir(path):
        names = [p.lower() for p in expand_paths([path]) if isinstance(p, str)]
        if names and all(n.endswith(".parquet") for n in names):
            return "parquet"
        if names and all(n.endswith(JSONL_SUFFIXES) for n in names):
            return "jsonl"
    return "files"


def is_remote(path: str) -> bool:
    """A URI Spark reads (s3a://, hdfs://, file:/), as opposed to a path on this machine."""
    return bool(urlparse(path).scheme) and not os.path.exists(path)


def naming(path: str) -> Naming:
    """How to name each file Spark finds under ``path`` the way ``dragoman ingest path`` names it."""
    if is_remote(path):
        return Naming(given=path, absolute=None, is_dir=False)
    return Naming(given=path, absolute=os.path.abspath(path), is_dir=os.path.isdir(path))


def read_raw(spark: SparkSession, path: str, fmt: str, settings: Settings, partitions: int) -> DataFrame:
    """The raw articles of one input as rows of ``RAW``: (source, raw article JSON, or the reason it has none)."""
    if fmt not in FORMATS or fmt == "auto":
        raise SparkError(f"unknown input format {fmt!r}; known: {', '.join(FORMATS)}")
    if fmt == "files":
        return read_file_inputs(spark, path, settings, partitions)
    if not is_remote(path) and not os.path.exists(path):
        return failure_rows(spark, [InputError(path, "no such file or directory (or a broken symbolic link)")])
    try:
        table = spark.read.text(path) if fmt == "jsonl" else spark.read.parquet(path)
    except Exception as exc:  # noqa: BLE001 - Spark's AnalysisException and the JVM's errors alike
        return failure_rows(spark, [InputError(path, f"not readable as {fmt} ({' '.join(str(exc).split())[:300]})")])
    value = F.col("value") if fmt == "jsonl" else F.to_json(F.struct(*[F.col(f"`{c}`") for c in table.columns]))
    lines = numbered(table.select(F.input_file_name().alias("file"), value.alias("value")))
    separator = ":" if fmt == "jsonl" else "#"
    return lines.mapInPandas(partial(read_records, settings=settings, naming=naming(path), separator=separator), RAW)


def numbered(lines: DataFrame) -> DataFrame:
    """(file, number, value): each line's number within its file, counted from 1, as the JSON reader counts.

    Spark keeps the splits of one file in file order across partitions (equal splits stay in
    order, the shorter last split sorts last), so an index over all partitions, less the first
    index of the file, is the line number.
    """
    indexed = lines.rdd.zipWithIndex().map(lambda pair: (pair[0][0], pair[1], pair[0][1])).toDF(
        "file string, index long, value string")
    first = indexed.groupBy("file").agg(F.min("index").alias("first"))
    return indexed.join(first, "file").select("file", (F.col("index") - F.col("first") + 1).alias("number"), "value")


def read_file_inputs(spark: SparkSession, path: str, settings: Settings, partitions: int) -> DataFrame:
    """Files on this machine are walked here as ``ingest`` walks them (skipped entries reported,
    each file read by a worker by its path: a shared folder on a cluster); files in a cluster
    store (``s3a://``, ``hdfs://``) are listed and read by Spark."""
    read = partial(read_files, settings=settings, naming=naming(path))
    if is_remote(path):
        found = (spark.read.format("binaryFile").option("recursiveFileLookup", "true").load(path)
                 .select(F.col("path"), F.col("length"),
                         F.when(F.col("length") <= settings.max_bytes, F.col("content")).alias("content")))
        return found.mapInPandas(read, RAW)
    files, unread = [], []
    for entry in expand_paths([path]):
        (unread if isinstance(entry, InputError) else files).append(entry)
    frame = spark.createDataFrame([(f, None, None) for f in files], "path string, length long, content binary")
    frame = frame.repartition(min(partitions, max(1, len(files)))).mapInPandas(read, RAW)
    return frame.unionByName(failure_rows(spark, unread)) if unread else frame


def failure_rows(spark: SparkSession, unread: list[InputError]) -> DataFrame:
    """Inputs the driver found no article in: failures, or skipped on purpose (a hidden file)."""
    return spark.createDataFrame([(e.source, None, e.reason, isinstance(e, Skipped)) for e in unread], RAW)


def parse_conf(pairs: Sequence[str]) -> dict[str, str]:
    """``--conf KEY=VALUE`` options, as spark-submit takes them."""
    conf = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise SparkError(f"--conf {pair!r} is not KEY=VALUE")
        conf[key.strip()] = value
    return conf


def main() -> None:
    """``spark-submit .../dragoman/spark.py INPUT... OUTPUT``: the ``dragoman spark`` command."""
    from dragoman.cli import cli

    cli(["spark", *sys.argv[1:]])


if __name__ == "__main__":
    # Run as a file (spark-submit), the functions Spark ships must come from the package module,
    # not from ``__main__``: hand over to the installed ``dragoman.spark``.
    from dragoman.spark import main as package_main

    package_main()
