"""Load on the server: N concurrent ``GET /api/search`` requests on loopback, latency p50 and p95.

    python benchmarks/server_load.py --db corpus.db [--size N] [--requests 200] [--timeout 120]

Starts ``dragoman serve``'s app (without loading the analysis pipeline: searches never need it) in a
child process on a free loopback port, over a copy of the corpus (grown to ``--size`` articles by
replicating its records with varied sources, where asked, so the full-text index has the size of a
larger corpus);
sends all requests at once from one asyncio client, one connection each, with queries and filters
varied; stops the child whatever happens. Bounded: the whole run gives up after ``--timeout``
seconds, and every request counts as answered only with status 200.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import json
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from itertools import cycle, islice
from pathlib import Path

import httpx

from dragoman.corpus import Corpus
from dragoman.tables import article_from_dict

QUERIES = [{"q": "Lavrov"}, {"q": "Syria", "country": "SYR"}, {"q": "foreign minister"}, {"q": "Russia", "type": "CONSULT"},
           {"q": "refugee*"}, {"q": "Doha OR Qatar", "since": "2019-01-01"}, {"q": "terrorist group", "limit": 50}]

SERVE = ("import sys, uvicorn\n"
         "from dragoman.server.app import create_app\n"
         "uvicorn.run(create_app(sys.argv[1], warm=False), host='127.0.0.1', port=int(sys.argv[2]), "
         "log_level='warning', backlog=1024)\n")


def grown_copy(db: Path, size: int, out: Path) -> int:
    """``out``: the records of ``db`` replicated to ``size`` articles (a plain copy, if no more are asked)."""
    with Corpus(str(db)) as source:
        if size <= source.count("articles"):
            with sqlite3.connect(out) as target:
                source.db.backup(target)
            return source.count("articles")
        records = [article_from_dict(source.record(row["id"])) for row in source.articles]
    target = Corpus(str(out))
    copies = islice((dataclasses.replace(r, source=f"replica-{n}/{r.source}", url=None)
                     for n in range(max(size, len(records)) // len(records) + 1) for r in records),
                    max(size, len(records)))
    while batch := list(islice(copies, 500)):
        target.save_all(batch)
    target.refresh()
    count = target.count("articles")
    target.close()
    return count


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


async def wait_until_up(base: str, deadline: float) -> None:
    async with httpx.AsyncClient() as client:
        while time.monotonic() < deadline:
            try:
                if (await client.get(f"{base}/api/info")).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            await asyncio.sleep(0.2)
    raise TimeoutError("the server did not start in time")


async def one(client: httpx.AsyncClient, base: str, params: dict) -> tuple[float, int]:
    started = time.perf_counter()
    try:
        response = await client.get(f"{base}/api/search", params=params)
        status = response.status_code
    except httpx.HTTPError:
        status = 0
    return time.perf_counter() - started, status


async def load(base: str, requests: int, timeout: float) -> tuple[list[float], list[int], float]:
    limits = httpx.Limits(max_connections=requests, max_keepalive_connections=0)
    async with httpx.AsyncClient(limits=limits, timeout=timeout) as client:
        started = time.perf_counter()
        results = await asyncio.gather(*(one(client, base, p) for p in islice(cycle(QUERIES), requests)))
        wall = time.perf_counter() - started
    return [r[0] for r in results], [r[1] for r in results], wall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", required=True, type=Path, help="A corpus built by dragoman ingest.")
    parser.add_argument("--size", type=int, default=0, help="Grow the corpus served to this many articles (records replicated).")
    parser.add_argument("--requests", type=int, default=200, help="Concurrent GET /api/search requests.")
    parser.add_argument("--timeout", type=float, default=120, help="Seconds before the whole run gives up.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        served = Path(folder) / "corpus.db"
        articles = grown_copy(args.db, args.size, served)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        child = subprocess.Popen([sys.executable, "-c", SERVE, str(served), str(port)])
        try:
            deadline = time.monotonic() + args.timeout
            asyncio.run(wait_until_up(base, deadline))
            latencies, statuses, wall = asyncio.run(asyncio.wait_for(
                load(base, args.requests, args.timeout), max(1.0, deadline - time.monotonic())))
        except TimeoutError:
            print(json.dumps({"articles": articles, "requests": args.requests, "timed_out_after_s": args.timeout}))
            sys.exit(1)
        finally:
            child.terminate()
            try:
                child.wait(timeout=10)
            except subprocess.TimeoutExpired:
                child.kill()
    ok = sum(1 for s in statuses if s == 200)
    cuts = statistics.quantiles(latencies, n=20)
    report = {"articles": articles, "requests": args.requests, "answered_200": ok,
              "other_statuses": sorted({s for s in statuses if s != 200}),
              "p50_ms": round(statistics.median(latencies) * 1000, 1), "p95_ms": round(cuts[18] * 1000, 1),
              "max_ms": round(max(latencies) * 1000, 1), "wall_s": round(wall, 2),
              "requests_per_s": round(args.requests / wall, 1)}
    print(json.dumps(report, indent=2))
    sys.exit(0 if ok == args.requests else 1)


if __name__ == "__main__":
    main()
