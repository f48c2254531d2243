"""Does the cost of one article grow with its length, or faster? Issue 14's check.

Usage: python benchmarks/long_text.py ../shared/bench/extraction/scrapinghub/ground-truth.json [--repeats 3]

Joins the ScrapingHub gold bodies, in file order, into one text of 50,000 characters and one of
200,000 (each cut at a paragraph end), analyzes each with every stage on, ``--repeats`` times
after a warm-up, and prints the median seconds of each, their ratio (4.0 would be linear; the
issue asks for under 5) and the time of each stage for the longer text.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path

from dragoman.bench import time_stages
from dragoman.ingest import RawArticle
from dragoman.pipeline import Pipeline

SIZES = (50_000, 200_000)


def joined_bodies(path: Path, size: int) -> str:
    """Bodies joined by blank lines up to ``size`` characters, ending at a paragraph end."""
    bodies = [item["articleBody"] for item in json.loads(path.read_text(encoding="utf-8")).values()]
    text = "\n\n".join(bodies)
    if len(text) < size:
        raise SystemExit(f"{path}: only {len(text):,} characters, {size:,} asked for")
    cut = text.rfind("\n\n", 0, size)
    return text[:cut if cut > 0 else size]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ground_truth", type=Path, help="ScrapingHub ground-truth.json")
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    pipeline = Pipeline()
    pipeline.analyze(joined_bodies(args.ground_truth, 5_000))  # loads the model and the data files
    medians, stages = {}, {}
    for size in SIZES:
        raw = RawArticle(source=f"joined-{size}", text=joined_bodies(args.ground_truth, size))
        runs = []
        for _ in range(args.repeats):
            seconds, stages[size], _ = time_stages(pipeline, [raw])  # after one untimed run of the same text
            runs.append(seconds)
        medians[size] = statistics.median(runs)
        print(f"{len(raw.text):,} characters: median {medians[size]:.2f} s over {args.repeats} runs "
              f"({', '.join(f'{r:.2f}' for r in runs)})", flush=True)
    small, large = SIZES
    print(f"ratio {large:,} / {small:,} characters: {medians[large] / medians[small]:.2f} (4.0 is linear)")
    print("stages, longer text: " + ", ".join(f"{name} {seconds:.2f} s" for name, seconds in stages[large].items()))


if __name__ == "__main__":
    sys.exit(main())
