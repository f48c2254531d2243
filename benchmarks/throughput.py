"""Throughput of Dragoman beside bare spaCy on the same texts, in one run (``dragoman bench``).

Usage: python benchmarks/throughput.py PATH... [--limit N] [--jobs N] [--rounds N] [--matmul blis] [--json]

PATHs are article files or folders (the founding sample, the ScrapingHub pages, JSON Lines of
bodies). The report and its figures come from ``dragoman.bench``: articles/s, words/s, peak
memory, each stage's share, and the headline ratio bare spaCy time / Dragoman time.
"""

from __future__ import annotations

import argparse
import json
import sys

from dragoman import bench
from dragoman.settings import MATMUL_BACKENDS, Settings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--limit", type=int)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--matmul", choices=MATMUL_BACKENDS, default=Settings().matmul)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    report = bench.run(args.paths, Settings(matmul=args.matmul), jobs=args.jobs, limit=args.limit,
                       rounds=args.rounds)
    print(json.dumps(report.to_dict(), indent=2) if args.json else bench.format_report(report))


if __name__ == "__main__":
    sys.exit(main())
