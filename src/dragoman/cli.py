"""The ``dragoman`` command: a thin shell over the Python API.

Exit status: 0 when every input was analyzed, 1 when any failed (each failure is one line on
stderr naming the input and the reason, and the batch goes on), 2 on bad usage.

spaCy, the readers and the corpus are imported inside the commands that use them, so ``--help``,
``schema`` and the corpus queries start in a fraction of the time (tests/test_speed.py checks it).
The corpus commands (ingest, search, the listings, the aggregates, export) are in ``cli_corpus.py``.
"""

from __future__ import annotations

import importlib.util
import json
import sys
import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Optional, TextIO

import click

from dragoman.cli_corpus import CORPUS_COMMANDS
from dragoman.cli_options import check_date, input_options
from dragoman.errors import DragomanError, InputError, SettingsError, Skipped
from dragoman.evaluate import Score, article_path, format_scores, is_skipped, load_gold, micro_totals, score_record
from dragoman.record import Article, json_schema
from dragoman.settings import MATMUL_BACKENDS, Settings
from dragoman.summary import render_summary

if typing.TYPE_CHECKING:
    from dragoman.pipeline import Outcome
    from dragoman.pipeline import Pipeline as AnalysisPipeline

PROGRESS_AFTER = 3


def Pipeline(settings: Settings) -> AnalysisPipeline:  # noqa: N802 - stands in for the class; tests swap it for a shared one
    """The analysis pipeline, imported here so that only the commands that analyze load spaCy."""
    from dragoman.pipeline import Pipeline as pipeline_class
    return pipeline_class(settings)


def make_pipeline(model: Optional[str], max_bytes: Optional[int], load: bool = True, **overrides) -> AnalysisPipeline:
    """The pipeline, its spaCy model loaded now: a bad setting is a usage error (exit 2) before
    any input is read, not a failure of every article. Without ``load`` (worker processes will
    load their own) the model is only looked for."""
    try:
        pipeline = Pipeline(Settings.from_env(model=model, max_bytes=max_bytes, **overrides))
    except SettingsError as exc:
        raise click.UsageError(str(exc)) from exc
    except DragomanError as exc:
        raise click.ClickException(str(exc)) from exc
    name = pipeline.settings.model
    if not load:
        if importlib.util.find_spec(name) is None:
            raise click.UsageError(f"spaCy pipeline {name!r} is not installed; install its package with pip "
                                   "or set --model / DRAGOMAN_MODEL")
        return pipeline
    try:
        pipeline.hold()
    except DragomanError as exc:
        raise click.UsageError(str(exc)) from exc
    except (ImportError, OSError, AttributeError, TypeError, ValueError) as exc:
        raise click.UsageError(f"model {name!r} is not a spaCy pipeline package ({type(exc).__name__}: {exc})") from exc
    return pipeline


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="dragoman")
def cli() -> None:
    """Dragoman reads news and writes down, with a citation for every fact, who said what,
    who did what to whom, when and where, and which claims are contested."""


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--date", callback=check_date,
              help="Publication date YYYY-MM-DD for articles that carry none (their own date, from the page, feed, JSON or a dateline, wins).")
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl", "summary"]), default="json", show_default=True,
              help="json: one object for one article, JSON Lines for several; jsonl: always JSON Lines; summary: for people.")
@click.option("-o", "--output", type=click.File("w", encoding="utf-8", lazy=False), default="-",
              help="Write here instead of standard output (emptied first, even if every input fails).")
@click.option("--progress/--no-progress", default=None, help="Progress bar on stderr [default: on a terminal with more than 3 inputs].")
@click.option("--jobs", type=click.IntRange(min=1), default=1, show_default=True,
              help="Worker processes, each loading its own pipeline (about 1 GB each); records still come out in input order.")
@input_options
def analyze(paths, date, fmt, output, progress, jobs, model, max_bytes) -> None:
    """Analyze articles: text, HTML, JSON Lines, RSS/Atom, WARC files, directories, or - for stdin.

    \b
    Examples:
      dragoman analyze article.txt --date 2024-12-07
      dragoman analyze pages/ --format jsonl -o records.jsonl
      curl -s URL | dragoman analyze - --format summary
      dragoman analyze pages/ --format jsonl --jobs 2 -o records.jsonl
    """
    from tqdm import tqdm

    from dragoman.ingest import expand_paths, read_inputs
    from dragoman.workers import analyze_parallel

    pipeline = make_pipeline(model, max_bytes, load=jobs == 1)
    if progress is None:
        progress = sys.stderr.isatty() and sum(1 for _ in expand_paths(paths)) > PROGRESS_AFTER
    pairs = analyze_parallel(read_inputs(paths, pipeline.settings.max_bytes), pipeline.settings, jobs=jobs,
                             date=date, pipeline=pipeline if jobs == 1 else None)
    bar = tqdm((outcome for _item, outcome in pairs), unit="article", disable=not progress, file=sys.stderr)
    counts = Counts()
    try:
        write_outcomes(bar, fmt, output, counts)
    except DragomanError as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        click.echo(f"dragoman: {counts}", err=True)
    sys.exit(1 if counts.failed else 0)


@dataclass
class Counts:
    good: int = 0
    failed: int = 0
    skipped: int = 0

    def __str__(self) -> str:
        skipped = f", skipped {self.skipped}" if self.skipped else ""
        return f"analyzed {self.good}, failed {self.failed}{skipped}"


def write_outcomes(outcomes: Iterator[Outcome], fmt: str, out: TextIO, counts: Counts) -> None:
    """Stream records out as they come; one JSON object only when there is exactly one article.
    Each input that failed or was skipped is one line on stderr, counted in ``counts``."""
    held: Optional[Article] = None
    for outcome in outcomes:
        if isinstance(outcome, Skipped):
            counts.skipped += 1
            click.echo(f"dragoman: skipped: {outcome}", err=True)
            continue
        if isinstance(outcome, InputError):
            counts.failed += 1
            click.echo(f"dragoman: error: {outcome}", err=True)
            continue
        counts.good += 1
        if fmt == "summary":
            out.write(render_summary(outcome) + "\n")
        elif fmt == "json" and counts.good == 1:
            held = outcome
        else:
            if held is not None:
                out.write(held.to_json() + "\n")
                held = None
            out.write(outcome.to_json() + "\n")
        out.flush()
    if held is not None:
        out.write(held.to_json(indent=2) + "\n")


@cli.command("eval")
@click.argument("gold_files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON: per file under 'files', micro totals under 'total'.")
@click.option("--skip", multiple=True, metavar="PATTERN", help="Leave out gold files whose path contains PATTERN (or whose name matches it as a glob); repeatable.")
@input_options
def evaluate(gold_files, as_json, skip, model, max_bytes) -> None:
    """Score Dragoman against gold files (GOLD.md format): recall per list, quote precision,
    and micro totals over all the files scored.

    The gold's article path is relative to the parent of the gold file's folder.

    \b
    Example (the dev set, the founding article apart):
      dragoman eval ../shared/gold/*.json --skip moscow-times
    """
    from dragoman.ingest import read_inputs

    pipeline = make_pipeline(model, max_bytes)
    per_file: dict[str, list[Score]] = {}
    for gold_path in (p for p in gold_files if not is_skipped(p, skip)):
        try:
            gold = load_gold(gold_path)
            items = read_inputs([str(article_path(gold_path, gold))], pipeline.settings.max_bytes)
            outcome = next(pipeline.analyze_stream(items, date=gold.get("given_date")))
        except DragomanError as exc:
            raise click.ClickException(str(exc)) from exc
        if isinstance(outcome, InputError):
            raise click.ClickException(str(outcome)) from outcome
        scores = per_file[str(gold_path)] = score_record(outcome, gold)
        if not as_json:
            click.echo(format_scores(str(gold_path), scores))
    totals = micro_totals(list(per_file.values()))
    if as_json:
        report = {"files": {name: scores_as_dict(scores) for name, scores in per_file.items()},
                  "total": scores_as_dict(totals)}
        click.echo(json.dumps(report, indent=2))
    else:
        click.echo(format_scores(f"micro totals over {len(per_file)} gold file(s)", totals))


def scores_as_dict(scores: list[Score]) -> dict:
    return {s.name: {"found": s.found, "total": s.total, "missed": s.missed} for s in scores}


@cli.command()
@click.option("--corpus", "paths", multiple=True, metavar="PATH",
              help="Articles to analyze, any input analyze takes; repeatable [default: the clone's examples and fixture pages].")
@click.option("--jobs", type=click.IntRange(min=1), default=1, show_default=True,
              help="Worker processes for the Dragoman run; one job is timed too, for the speed-up.")
@click.option("--limit", type=click.IntRange(min=1), help="Only the first N readable articles.")
@click.option("--rounds", type=click.IntRange(min=1), default=1, show_default=True,
              help="Time every run this many times, alternating, and report medians (the machine's speed drifts).")
@click.option("--matmul", type=click.Choice(MATMUL_BACKENDS), show_default="numpy, or DRAGOMAN_MATMUL",
              help="Where Dragoman's models multiply matrices; bare spaCy is timed with blis, as spacy.load builds it.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as one JSON object.")
@input_options
def bench(paths, jobs, limit, rounds, matmul, as_json, model, max_bytes) -> None:
    """Time Dragoman on a corpus next to bare spaCy on the same texts, in one run: articles/s,
    words/s, peak memory, each stage's share of the time, and the ratio bare time / Dragoman time
    (1.0: Dragoman adds nothing to the parse).

    \b
    Examples:
      dragoman bench
      dragoman bench --corpus bodies.jsonl --limit 120 --json
      dragoman bench --corpus bodies.jsonl --jobs 2 --rounds 3
    """
    from dragoman import bench as benchmark

    pipeline = make_pipeline(model, max_bytes, load=False, matmul=matmul)
    try:
        report = benchmark.run(paths or None, pipeline.settings, jobs=jobs, limit=limit,
                               pipeline=Pipeline(pipeline.settings), rounds=rounds)
    except DragomanError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(json.dumps(report.to_dict(), indent=2) if as_json else benchmark.format_report(report))


@cli.command()
def schema() -> None:
    """Print the JSON Schema of the Article record (dragoman.article/1)."""
    click.echo(json.dumps(json_schema(), indent=2))


@cli.command()
@click.option("--db", envvar="DRAGOMAN_DB", help="The corpus file to explore (also DRAGOMAN_DB); without it the server only analyzes articles.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (0.0.0.0 opens it to the network).")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option("--allow-writes", is_flag=True, help="Let POST /api/analyze store articles in the corpus (created if missing).")
@input_options
def serve(db, host, port, allow_writes, model, max_bytes) -> None:
    """Serve the HTTP API and the web UI: paste an article and see its evidence highlighted,
    explore a corpus (search, stories, actors, network, happenings, contested claims).

    Read-only unless --allow-writes. Request bodies over --max-bytes get 413.
    The API is described at /openapi.json (and browsable at /docs).

    \b
    Examples:
      dragoman serve --db corpus.db          # then open http://127.0.0.1:8000/
      dragoman serve                         # analysis of pasted articles only
    """
    try:
        from dragoman.server import serve as run_server
        import fastapi, uvicorn  # noqa: F401,E401 - fail here with the fix, not deep inside
    except ImportError as exc:
        raise click.ClickException(f"the server needs its extra: pip install 'dragoman[server]' ({exc})") from exc
    try:
        settings = Settings.from_env(model=model, max_bytes=max_bytes)
        run_server(db, host=host, port=port, allow_writes=allow_writes, settings=settings)
    except SettingsError as exc:
        raise click.UsageError(str(exc)) from exc
    except DragomanError as exc:
        raise click.ClickException(str(exc)) from exc


@cli.command("spark")
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.argument("output")
@click.option("--master", help="Spark master URL, e.g. local[2] or spark://host:7077 [default: spark-submit's, else local[*]].")
@click.option("--format", "fmt", type=click.Choice(["auto", "jsonl", "parquet", "files"]), default="auto", show_default=True,
              help="How to read the inputs: auto goes by the names (.jsonl, .parquet; anything else is files: "
                   "text, HTML, feeds, WARC, read as `ingest` reads them).")
@click.option("--partitions", type=click.IntRange(min=1), help="Partitions analyzed [default: 4 per core Spark has].")
@click.option("--conf", "conf_pairs", multiple=True, metavar="KEY=VALUE", help="A Spark setting, as spark-submit takes it; repeatable.")
@input_options
def spark(inputs, output, master, fmt, partitions, conf_pairs, model, max_bytes) -> None:
    """Analyze articles with Apache Spark: one Parquet folder per table under OUTPUT, with the
    columns of `export --format parquet` (articles, actors, mentions, quotes, events, claims,
    relations), and failures.parquet (source, reason) for each input that could not be analyzed.

    Needs PySpark and Java 17+: pip install 'dragoman[spark]'.

    \b
    Examples:
      dragoman spark sentences.jsonl out/ --master 'local[2]'
      dragoman spark pages/ crawl.parquet out/
      spark-submit --master yarn .../dragoman/spark.py s3a://bucket/news.jsonl s3a://bucket/out
    """
    try:
        from dragoman import spark as spark_job
    except ImportError as exc:
        raise click.ClickException(f"the spark command needs PySpark ({exc}): pip install 'dragoman[spark]'") from exc
    try:
        settings = Settings.from_env(model=model, max_bytes=max_bytes)
        conf = spark_job.parse_conf(conf_pairs)
    except DragomanError as exc:
        raise click.UsageError(str(exc)) from exc
    try:
        with spark_job.session(master, conf) as session:
            report = spark_job.run(session, inputs, output, settings, fmt=fmt, partitions=partitions)
    except DragomanError as exc:
        raise click.ClickException(str(exc)) from exc
    for name, count in report.rows.items():
        click.echo(f"{spark_job.table_path(output, name)}\t{count}")
    click.echo(f"dragoman: analyzed {report.analyzed}, failed {report.failed}"
               + (f" (sources and reasons in {spark_job.table_path(output, 'failures')})" if report.failed else ""), err=True)
    sys.exit(1 if report.failed else 0)


for corpus_command in CORPUS_COMMANDS:
    cli.add_command(corpus_command)


def main() -> None:
    cli()
