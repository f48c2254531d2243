"""Throughput of ``dragoman analyze`` beside bare spaCy on the same texts, in one run.

Usage: python benchmarks/throughput.py PATH... [--repeat N]

PATHs are article files or folders (the founding sample, the ScrapingHub pages). Reading and
HTML extraction happen once, up front; the timed part is what ``Pipeline.analyze_stream`` does
per article (cleaning, parsing, every stage) against ``nlp.pipe`` over the cleaned texts. The
figure to watch is the ratio: what Dragoman adds on top of the parser. Medians over repeats.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import time

from dragoman.clean import clean
from dragoman.errors import InputError
from dragoman.ingest import read_inputs
from dragoman.pipeline import Pipeline


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    raws = [r for r in read_inputs(args.paths, 10_000_000) if not isinstance(r, InputError)]
    pipeline = Pipeline()
    texts = [clean(r).text for r in raws]
    words = sum(len(t.split()) for t in texts)
    list(pipeline.nlp.pipe(texts[:5]))  # load and warm up outside the timings
    bare, full = [], []
    for _ in range(args.repeat):
        start = time.perf_counter()
        for _doc in pipeline.nlp.pipe(texts, batch_size=pipeline.settings.batch_size):
            pass
        bare.append(time.perf_counter() - start)
        start = time.perf_counter()
        for _article in pipeline.analyze_stream(raws):
            pass
        full.append(time.perf_counter() - start)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    b, f = statistics.median(bare), statistics.median(full)
    print(f"{len(raws)} articles, {words} words; medians of {args.repeat} runs")
    print(f"  spaCy nlp.pipe    {len(raws) / b:7.1f} articles/s  {words / b:8.0f} words/s")
    print(f"  dragoman analyze  {len(raws) / f:7.1f} articles/s  {words / f:8.0f} words/s")
    print(f"  ratio (dragoman time / spaCy time): {f / b:.2f}")
    print(f"  peak memory: {peak_mb:.0f} MB")


if __name__ == "__main__":
    sys.exit(main())
