"""`dragoman spark` in Spark's local[2] mode: the same tables as `dragoman ingest` + `export --format parquet`.

One SparkSession for the test session and one job over every input (a folder of pages, JSON Lines,
Parquet), since each Spark Python worker pays for loading the pipeline once.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import zipfile
from pathlib import Path

import pytest


def missing(reason: str) -> None:
    """Skipped for a user without the extra or Java; under CI (which installs both) a failure."""
    if os.environ.get("CI"):
        pytest.fail(f"CI needs the Spark tests: {reason}", pytrace=False)
    pytest.skip(reason, allow_module_level=True)


try:
    import pyspark  # noqa: F401
except ImportError:
    missing("PySpark is the spark extra: pip install 'dragoman[spark]'")
if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
    missing("Spark needs Java 17+ (.ci/run installs default-jre-headless)")

import pyarrow as pa  # noqa: E402
import pyarrow.parquet as pq  # noqa: E402
from click.testing import CliRunner  # noqa: E402

from dragoman.cli import cli  # noqa: E402
from dragoman.corpus import Corpus  # noqa: E402
from dragoman.events import model as event_model  # noqa: E402
from dragoman.spark import job_error, session, worker_python  # noqa: E402
from dragoman.spark_worker import FAILURES, OUTPUT_TABLES, SKIPPED  # noqa: E402
from dragoman.tables import arrow_schema  # noqa: E402

FIXTURES = Path(__file__).resolve().parent / "fixtures"
PAGES = ("aljazeera-afghanistan-helicopter.html.gz", "oann-paris-protest.html.gz", "polygraph-al-tanf.txt")


@pytest.fixture(scope="session")
def spark():
    conf = {"spark.ui.enabled": "false", "spark.ui.showConsoleProgress": "false", "spark.sql.shuffle.partitions": "4",
            "spark.default.parallelism": "2"}
    with session("local[2]", conf) as active:
        yield active


def sentences() -> list[dict]:
    rows = [line.rstrip("\n").split("\t") for line in (FIXTURES / "petr2-sentences.txt").read_text("utf-8").splitlines()
            if line.strip() and not line.startswith("#")]
    return [{"id": f"petr2-{n}", "text": text, "published": date} for n, (date, text) in enumerate(rows, start=1)]


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> dict[str, Path]:
    """Real pages and sentences, with a bad input of each kind beside them."""
    root = tmp_path_factory.mktemp("spark-inputs")
    pages = root / "pages"
    pages.mkdir()
    for name in PAGES:
        shutil.copy(FIXTURES / "pages" / name, pages / name)
    (pages / "empty.txt").write_bytes(b"")
    (pages / ".notes.txt").write_text("a hidden file", "utf-8")
    good = sentences()
    jsonl = root / "sentences.jsonl"
    jsonl.write_text("\n".join([json.dumps(s) for s in good[:2]] + ['{"id": "cut", "text": "The minister sa',
                                                                    json.dumps(good[2]), '{"id": "no-body"}']) + "\n", "utf-8")
    parquet = root / "rows.parquet"
    pq.write_table(pa.Table.from_pylist([{"id": "p1", "text": good[0]["text"], "published": good[0]["published"]},
                                         {"id": "p2", "text": None, "published": "2008-08-02"}]), parquet)
    return {"pages": pages, "jsonl": jsonl, "parquet": parquet}


@pytest.fixture(scope="module")
def spark_run(spark, inputs, tmp_path_factory):
    out = tmp_path_factory.mktemp("spark-out")
    result = CliRunner().invoke(cli, ["spark", str(inputs["pages"]), str(inputs["jsonl"]), str(inputs["parquet"]),
                                      str(out), "--master", "local[2]"], catch_exceptions=False)
    return result, out


@pytest.fixture(scope="module")
def exported(pipeline, inputs, tmp_path_factory) -> tuple[Path, dict[str, str], dict[str, str]]:
    """`dragoman ingest` then `dragoman export --format parquet` (their API) on the pages and the
    JSON Lines: the export's folder, and the failures and the inputs left out, source to reason."""
    out = tmp_path_factory.mktemp("export")
    with Corpus(str(out / "corpus.db")) as corpus:
        report = corpus.ingest([str(inputs["pages"]), str(inputs["jsonl"])], jobs=1, pipeline=pipeline)
        corpus.export("parquet", out)
        failures = {f["source"]: f["reason"] for f in corpus.failures()}
    return out, failures, dict(report.left_out)


def rows(table: pa.Table, key: tuple[str, ...]) -> list[dict]:
    return sorted((r for r in table.to_pylist()), key=lambda r: tuple(str(r[k]) for k in key))


def without_source(items: list[dict], table: str) -> list[dict]:
    """An article's ``source`` names the input as each command was given it; other columns must match."""
    return [{k: v for k, v in r.items() if not (table == "articles" and k == "source")} for r in items]


def test_spark_tables_equal_the_parquet_export(spark_run, exported, inputs):
    (result, out), (export_dir, _, _) = spark_run, exported
    assert result.exit_code == 1, result.output  # inputs failed (below), and every table was written
    parquet_ids = {r["id"] for r in pq.read_table(out / "articles.parquet").to_pylist()
                   if r["source"].startswith(str(inputs["parquet"]))}
    assert len(parquet_ids) == 1
    for table in OUTPUT_TABLES:
        ours = pq.read_table(out / f"{table.name}.parquet")
        theirs = pq.read_table(export_dir / f"{table.name}.parquet")
        assert ours.schema.equals(arrow_schema(table)), table.name
        assert theirs.schema.equals(arrow_schema(table)), table.name
        key_column = "id" if table.name == "articles" else "article_id"
        ours_rows = [r for r in rows(ours, table.primary_key) if r[key_column] not in parquet_ids]
        theirs_rows = rows(theirs, table.primary_key)
        assert without_source(ours_rows, table.name) == without_source(theirs_rows, table.name), table.name
    articles = pq.read_table(out / "articles.parquet").num_rows
    assert articles == len(PAGES) + len(sentences()) + 1
    assert pq.read_table(out / "events.parquet").num_rows > 0 and pq.read_table(out / "quotes.parquet").num_rows > 0


def test_bad_rows_are_failures_and_a_hidden_file_is_skipped_with_their_reasons(spark_run, exported, inputs):
    (result, out), (_, ingest_failures, ingest_left_out) = spark_run, exported
    failures = pq.read_table(out / "failures.parquet")
    assert failures.schema.equals(arrow_schema(FAILURES))
    found = {r["source"]: r["reason"] for r in failures.to_pylist()}
    parquet = str(inputs["parquet"])
    assert found.pop(f"{parquet}#2") == "needs a non-empty 'text' or 'html'"
    assert found == ingest_failures
    skipped = pq.read_table(out / "skipped.parquet")
    assert skipped.schema.equals(arrow_schema(SKIPPED))
    left_out = {r["source"]: r["reason"] for r in skipped.to_pylist()}
    assert left_out == ingest_left_out == {str(inputs["pages"] / ".notes.txt"): "hidden file, not read"}
    jsonl = str(inputs["jsonl"])
    assert found[f"{jsonl}:3"].startswith("invalid JSON")
    assert found[f"{jsonl}:5"] == "needs a non-empty 'text' or 'html'"
    assert found[str(inputs["pages"] / "empty.txt")] == "empty file"
    assert f"analyzed {len(PAGES) + len(sentences()) + 1}, failed {len(found) + 1}" in result.stderr


def test_the_workers_python_is_the_one_given_else_this_one(monkeypatch):
    """PySpark started from Python reads PYSPARK_PYTHON, not spark.pyspark.python, for its workers."""
    monkeypatch.delenv("PYSPARK_PYTHON", raising=False)
    assert worker_python({}) == sys.executable
    monkeypatch.setenv("PYSPARK_PYTHON", "/usr/bin/python3")
    assert worker_python({}) == "/usr/bin/python3"
    assert worker_python({"spark.pyspark.python": "./env/bin/python"}) == "./env/bin/python"


def test_a_task_lost_in_the_jvm_is_reported_by_its_reason():
    """A worker whose interpreter cannot start leaves no Python error, only Spark's report (here cut short)."""
    report = ("An error occurred while calling o138.collectToPython.\n"
              ": org.apache.spark.SparkException: Job aborted due to stage failure: Task 0 in stage 1.0 failed 1 "
              "times, most recent failure: Lost task 0.0 in stage 1.0 (TID 1) (192.0.2.2 executor driver): "
              'java.io.IOException: Cannot run program "./env/bin/python": error=2, No such file or directory\n'
              "Caused by: java.io.IOException: error=2, No such file or directory\n\t... 36 more\n")
    assert job_error(RuntimeError(report)) == ('java.io.IOException: Cannot run program "./env/bin/python": '
                                               "error=2, No such file or directory")
    assert job_error(RuntimeError("Traceback (most recent call last):\n  File \"x.py\", line 1\n"
                                  "ModuleNotFoundError: No module named 'dragoman'\n")) == (
        "ModuleNotFoundError: No module named 'dragoman'")


def test_the_event_model_loads_from_a_zipped_wheel(tmp_path, monkeypatch):
    """``spark-submit --py-files dragoman.zip``: the package's data files are zip members, with no path on disk."""
    wheel = tmp_path / "dragoman.zip"
    with zipfile.ZipFile(wheel, "w") as archive:
        archive.writestr("dragoman/data/events/event-types.npz", event_model.shipped_weights().read_bytes())
    member = zipfile.Path(wheel, "dragoman/data/events/event-types.npz")
    monkeypatch.setattr(event_model, "shipped_weights", lambda: member)
    assert not Path(str(member)).exists()
    assert event_model.EventTypeModel.load().type_classes
