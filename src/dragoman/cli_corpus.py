"""The corpus commands of ``dragoman``: each parses its options and calls one ``Corpus`` method
(``dragoman.corpus``) of the same name; ``cli.py`` adds them to the command group.

The corpus is imported inside each command, so ``--help`` and the queries start without spaCy.
"""

from __future__ import annotations

import json
import sys
import typing
from pathlib import Path
from typing import TextIO

import click

from dragoman.cli_options import check_date, input_options
from dragoman.errors import DragomanError
from dragoman.record import EventType
from dragoman.settings import DEFAULT_DB, Settings

if typing.TYPE_CHECKING:
    from dragoman.corpus import Corpus
    from dragoman.corpus.queries import Filters


def db_option(func):
    return click.option("--db", envvar="DRAGOMAN_DB", default=DEFAULT_DB, show_default=True,
                        help="The corpus file (also DRAGOMAN_DB).")(func)


def narrowing_options(func):
    """What search, the listings and the aggregates can be narrowed by: one Filters object."""
    for decorator in reversed([
        click.option("--actor", help="A corpus actor id or part of a name (lavrov)."),
        click.option("--country", help="ISO 3166 alpha-3 code of an actor (RUS)."),
        click.option("--type", "event_type", type=click.Choice(typing.get_args(EventType), case_sensitive=False),
                     help="PLOVER event type."),
        click.option("--since", callback=check_date, help="From this date (YYYY-MM-DD)."),
        click.option("--until", callback=check_date, help="Up to this date (YYYY-MM-DD)."),
    ]):
        func = decorator(func)
    return func


def filter_options(func):
    """Options shared by search and the listings: the narrowing filters, a page size, JSON Lines."""
    func = click.option("--json", "as_json", is_flag=True, help="JSON Lines instead of text.")(func)
    func = click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True)(func)
    return narrowing_options(func)


GRAPH_FORMATS = ("json", "graphml", "csv")
TABLE_FORMATS = ("json", "csv")
FORMAT_HELP = {"json": "json", "graphml": "graphml (Gephi, networkx)",
               "csv": "csv (pandas; of a graph, its edges with both ends' names)"}


def aggregate_options(formats: tuple[str, ...]):
    """Options shared by the aggregates: the narrowing filters, an output format and file."""
    def decorate(func):
        func = click.option("-o", "--output", type=click.File("w", encoding="utf-8", lazy=False), default="-",
                            help="Write here instead of standard output.")(func)
        func = click.option("--format", "fmt", type=click.Choice(formats), default="json", show_default=True,
                            help="; ".join(FORMAT_HELP[f] for f in formats) + ".")(func)
        return narrowing_options(func)
    return decorate




def open_corpus(db: str) -> Corpus:
    from dragoman.corpus import Corpus

    try:
        return Corpus(db)
    except DragomanError as exc:
        raise click.ClickException(str(exc)) from exc


def make_filters(filters: dict) -> Filters:
    from dragoman.corpus.queries import Filters

    return Filters(**filters)


def echo_rows(rows: list[dict], columns: list[str], as_json: bool) -> None:
    for row in rows:
        click.echo(json.dumps(row, ensure_ascii=False) if as_json else
                   "  ".join(str(row[c]) for c in columns if row.get(c) not in (None, "")))


@click.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option("--jobs", type=click.IntRange(min=1), help="Worker processes [default: the CPU count].")
@click.option("--batch", type=click.IntRange(min=1), default=50, show_default=True, help="Articles per transaction.")
@click.option("--progress/--no-progress", default=None, help="Progress bar on stderr [default: on a terminal].")
@input_options
def ingest(paths, db, jobs, batch, progress, model, max_bytes) -> None:
    """Analyze articles into a corpus file; inputs already stored are skipped, so a rerun resumes.

    \b
    Examples:
      dragoman ingest pages/ feed.jsonl --db corpus.db
      dragoman ingest crawl.warc.gz --jobs 2
    """
    settings = Settings.from_env(model=model, max_bytes=max_bytes)
    with open_corpus(db) as corpus:
        try:
            report = corpus.ingest(paths, settings, jobs=jobs, batch=batch,
                                   progress=sys.stderr.isatty() if progress is None else progress)
        except DragomanError as exc:
            raise click.ClickException(str(exc)) from exc
    for source, reason in report.left_out:
        click.echo(f"dragoman: skipped: {source}: {reason}", err=True)
    for source, reason in report.failures:
        click.echo(f"dragoman: error: {source}: {reason}", err=True)
    left_out = f", left out {len(report.left_out)} (not articles)" if report.left_out else ""
    click.echo(f"dragoman: added {report.added}, skipped {report.skipped} (already stored){left_out}, "
               f"failed {report.failed}", err=True)
    sys.exit(1 if report.failed else 0)


@click.command()
@click.argument("query")
@db_option
@filter_options
def search(query, db, as_json, **filters) -> None:
    """Full-text search over titles, bodies and quotes, with snippets ([matched] words).

    QUERY is FTS5 syntax (lavrov AND doha, "peace talks", syria*) or plain words.
    """
    with open_corpus(db) as corpus:
        echo_rows(corpus.search(query, make_filters(filters)), ["id", "published", "outlet", "title", "snippet"], as_json)


@click.command()
@db_option
@filter_options
def actors(db, as_json, **filters) -> None:
    """Actors across the corpus (one per person or body), the most written-about first."""
    with open_corpus(db) as corpus:
        echo_rows(corpus.actors(make_filters(filters)), ["id", "name", "articles", "mentions"], as_json)


@click.command()
@db_option
@filter_options
def events(db, as_json, **filters) -> None:
    """Events with their source and target, newest first."""
    with open_corpus(db) as corpus:
        echo_rows(corpus.events(make_filters(filters)),
                  ["date", "type", "source_name", "target_name", "status", "outlet", "article_id"], as_json)


@click.command()
@db_option
@filter_options
def stories(db, as_json, **filters) -> None:
    """Stories (articles reporting the same happening), the most reported first."""
    with open_corpus(db) as corpus:
        echo_rows(corpus.stories(make_filters(filters)),
                  ["id", "articles", "outlets", "first_published", "title"], as_json)


@click.command()
@db_option
@filter_options
def happenings(db, as_json, **filters) -> None:
    """Happenings: one event with all its reports across articles, the most reported first."""
    with open_corpus(db) as corpus:
        echo_rows(corpus.happenings(make_filters(filters)),
                  ["id", "date", "type", "source_name", "target_name", "reports", "articles", "status"], as_json)


@click.command()
@db_option
@filter_options
def contested(db, as_json, **filters) -> None:
    """Claims and events of different articles that contradict each other, with both sources: one
    tells an event another denies, or X's denial answers what another article says X did, or a
    denial names the claims another article quotes. The asserting side (a) comes first; --json
    adds why (reason), the happening, and each side's claim or event id.

    \b
    Examples:
      dragoman contested --db corpus.db
      dragoman contested --actor "taylor swift" --json
    """
    with open_corpus(db) as corpus:
        echo_rows(corpus.contested(make_filters(filters)),
                  ["a_holder", "a_status", "a_outlet", "a_text", "b_holder", "b_status", "b_outlet", "b_text"],
                  as_json)


def write_aggregate(result, fmt: str, output: TextIO) -> None:
    from dragoman.corpus.graphs import write_aggregate as write

    write(result, fmt, output)


@click.command()
@db_option
@aggregate_options(GRAPH_FORMATS)
def network(db, fmt, output, **filters) -> None:
    """The actor network: who did what to whom, one directed edge per event type, weighted by
    happenings (not reports: ten outlets on one meeting make one meeting).

    \b
    Examples:
      dragoman network --db corpus.db --format graphml -o network.graphml
      dragoman network --country RUS --type ASSAULT --format csv
    """
    with open_corpus(db) as corpus:
        write_aggregate(corpus.network(make_filters(filters)), fmt, output)


@click.command()
@db_option
@click.option("--by", type=click.Choice(["actor", "country"]), default="actor", show_default=True,
              help="One timeline per actor, or per country (of the parties, and where it happened).")
@aggregate_options(TABLE_FORMATS)
def timeline(db, by, fmt, output, **filters) -> None:
    """Happenings per actor or country, day and event type, in date order (json or csv).

    \b
    Examples:
      dragoman timeline --actor lavrov
      dragoman timeline --by country --country SYR --format csv -o syria.csv
    """
    with open_corpus(db) as corpus:
        write_aggregate(corpus.timeline(make_filters(filters), by), fmt, output)


@click.command()
@db_option
@aggregate_options(GRAPH_FORMATS)
def stances(db, fmt, output, **filters) -> None:
    """The stance matrix: who supports, opposes, criticises, is allied or partnered with whom,
    weighted by the articles that say so (ally and partner edges are undirected)."""
    with open_corpus(db) as corpus:
        write_aggregate(corpus.stances(make_filters(filters)), fmt, output)


@click.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet", "plover"]), default="jsonl",
              show_default=True, help="jsonl: the records; csv, parquet: one file per table; plover: the events "
                                      "as PLOVER JSON Lines (events.plover.jsonl).")
@click.option("-o", "--output", "out_dir", required=True, type=click.Path(file_okay=False), help="Folder to write.")
def export(db, fmt, out_dir) -> None:
    """Write the corpus out, streamed: records as JSON Lines, every table as CSV or Parquet, or
    the events as PLOVER records."""
    with open_corpus(db) as corpus:
        written = corpus.export(fmt, out_dir)
    for name, count in written.items():
        click.echo(f"{Path(out_dir) / name}\t{count}")


CORPUS_COMMANDS = [ingest, search, actors, events, stories, happenings, contested, network, timeline, stances, export]
