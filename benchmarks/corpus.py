"""Corpus benchmarks: search latency on a large store, and ingest throughput with one and two workers.

    python benchmarks/corpus.py search RECORDS.jsonl [--size 10000] [--refresh]
    python benchmarks/corpus.py ingest PAGES_DIR [--limit 40] [--rounds 1]
    python benchmarks/corpus.py status-split CORPUS.db

``search`` replicates analyzed records (``dragoman analyze ... --format jsonl``) with varied
sources straight into a store until it holds ``--size`` articles (the text is the records' own,
so the index is as large as a real corpus of that size but its words repeat), then times
full-text queries with filters: median and 95th percentile. ``ingest`` runs ``Corpus.ingest``
on the same pages with ``jobs=1`` and ``jobs=2`` into fresh files, ``--rounds`` times in turn
(so that other work on the machine, which comes and goes, falls on both alike): the ratio of
throughputs is the figure, per round and the median. Each run is printed with the machine's load
averages (1, 5, 15 minutes) and the CPU time it used (workers included): when other work holds the
cores, the CPU time stays and the wall time grows.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import resource
import statistics
import tempfile
import time
from itertools import islice
from pathlib import Path

from dragoman.corpus import Corpus
from dragoman.corpus.queries import Filters
from dragoman.tables import article_from_dict

QUERIES = [("Russia", Filters()), ("Syria", Filters(country="SYR")), ("police", Filters(event_type="ASSAULT")),
           ("president", Filters(since="2019-11-18", until="2019-11-20")), ('"foreign minister"', Filters()),
           ("trump", Filters(actor="trump")), ("protest*", Filters(limit=50)), ("plague OR measles", Filters())]


def load() -> str:
    return "load " + " ".join(f"{n:.2f}" for n in os.getloadavg())


def bench_search(records_path: Path, size: int, out: Path, refresh: bool = False) -> None:
    records = [article_from_dict(json.loads(line)) for line in records_path.open(encoding="utf-8")]
    corpus = Corpus(str(out))
    started = time.perf_counter()
    copies = islice((dataclasses.replace(r, source=f"replica-{n}/{r.source}", url=None)
                     for n in range(size // len(records) + 1) for r in records), size)
    while batch := list(islice(copies, 500)):
        corpus.save_all(batch)
    print(f"stored {corpus.count('articles')} articles in {time.perf_counter() - started:.0f} s "
          f"({len(records)} analyzed records, replicated)")
    if refresh:  # what every ingest ends with: stories, happenings, contested across articles
        started = time.perf_counter()
        corpus.refresh()
        print(f"refresh (stories, happenings, contested) in {time.perf_counter() - started:.1f} s: "
              f"{corpus.count('stories')} stories, {corpus.count('happenings')} happenings, "
              f"{corpus.count('contested')} contested pairs; {load()}")
    timings = []
    for _ in range(5):
        for query, filters in QUERIES:
            t = time.perf_counter()
            corpus.search(query, filters)
            timings.append((time.perf_counter() - t) * 1000)
    timings.sort()
    p95 = timings[int(0.95 * (len(timings) - 1))]
    print(f"search over {corpus.count('articles')} articles, {len(timings)} queries: "
          f"median {statistics.median(timings):.1f} ms, p95 {p95:.1f} ms; {load()}")


def cpu_seconds() -> float:
    """CPU time of this process and its finished children (the worker processes, once joined)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def ingest_once(files: list[str], jobs: int) -> float:
    """Seconds to ingest ``files`` into a fresh corpus with ``jobs`` workers (pipeline loading included)."""
    with tempfile.TemporaryDirectory() as folder:
        corpus = Corpus(str(Path(folder) / "corpus.db"))
        started, cpu = time.perf_counter(), cpu_seconds()
        report = corpus.ingest(files, jobs=jobs)
        seconds = time.perf_counter() - started
        print(f"--jobs {jobs}: {report.added} articles in {seconds:.1f} s ({report.added / seconds:.2f} articles/s, "
              f"CPU {cpu_seconds() - cpu:.1f} s), failed {report.failed}; {load()}")
    return seconds


def bench_ingest(pages: Path, limit: int, rounds: int) -> None:
    files = sorted(str(p) for p in pages.iterdir())[:limit]
    ratios = []
    for n in range(rounds):
        one, two = ingest_once(files, 1), ingest_once(files, 2)
        ratios.append(one / two)
        print(f"round {n + 1}: ratio jobs 2 / jobs 1 throughput {ratios[-1]:.2f}")
    print(f"median ratio over {rounds} round(s): {statistics.median(ratios):.2f}")


def bench_status_split(db_path: Path) -> None:
    """The happenings of several reports, regrouped as if reports of another status (or only
    asserted against denied or hypothetical) did not merge: the report pairs each way keeps."""
    import sqlite3
    from collections import defaultdict

    from dragoman.corpus.happenings import HappeningConfig, group_happenings, read_reports

    merged = [h for h in group_happenings(read_reports(sqlite3.connect(db_path)), HappeningConfig.load())
              if len(h.reports) > 1]
    asserted = {"reported", "claimed", "historical"}
    keys = {"as now": lambda r: "", "each status apart": lambda r: r.status,
            "asserted apart from the rest": lambda r: "asserted" if r.status in asserted else r.status}
    for name, key in keys.items():
        parts = []
        for happening in merged:
            groups = defaultdict(list)
            for report in happening.reports:
                groups[key(report)].append(report)
            parts += groups.values()
        pairs = sum(len(p) * (len(p) - 1) // 2 for p in parts)
        print(f"{name}: {sum(len(p) > 1 for p in parts)} happenings of several reports, {pairs} report pairs")
        for part in parts:
            print(f"   {part[0].type} {part[0].source} -> {part[0].target}: "
                  + "; ".join(f"{r.status} {r.text[:60]!r}" for r in part))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="what", required=True)
    search = sub.add_parser("search")
    search.add_argument("records", type=Path)
    search.add_argument("--size", type=int, default=10_000)
    search.add_argument("--refresh", action="store_true", help="also time Corpus.refresh on the store")
    search.add_argument("--db", type=Path, default=Path(tempfile.gettempdir()) / "dragoman-bench-corpus.db")
    status = sub.add_parser("status-split")
    status.add_argument("db", type=Path)
    ingest = sub.add_parser("ingest")
    ingest.add_argument("pages", type=Path)
    ingest.add_argument("--limit", type=int, default=40)
    ingest.add_argument("--rounds", type=int, default=1)
    args = parser.parse_args()
    if args.what == "status-split":
        bench_status_split(args.db)
    elif args.what == "search":
        args.db.unlink(missing_ok=True)
        bench_search(args.records, args.size, args.db, args.refresh)
    else:
        bench_ingest(args.pages, args.limit, args.rounds)


if __name__ == "__main__":
    main()
