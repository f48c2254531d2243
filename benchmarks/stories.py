"""Same-story grouping on the ScrapingHub pages: pairwise precision and recall against the hand-made groups.

    python benchmarks/stories.py RECORDS.jsonl ../shared/bench/corpus/same-story.json

RECORDS.jsonl holds the records of the 181 pages (``dragoman analyze
../shared/bench/extraction/scrapinghub/html --format jsonl -o RECORDS.jsonl``); a page's id in the
groups file is its file name without ``.html.gz``. Every page not in a group is its own story.
Grouping runs through a real corpus (records saved, then ``Corpus.refresh``), as ``dragoman ingest`` does.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from itertools import combinations
from pathlib import Path

from dragoman.corpus import Corpus
from dragoman.tables import article_from_dict


def page_id(source: str) -> str:
    return Path(source).name.removesuffix(".html.gz")


def pairs(groups: dict[str, list[str]]) -> set[tuple[str, str]]:
    return {tuple(sorted(p)) for ids in groups.values() for p in combinations(ids, 2)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("records", type=Path)
    parser.add_argument("groups", type=Path)
    args = parser.parse_args()
    gold = {name: [p["id"] for p in pages] for name, pages in json.loads(args.groups.read_text())["clusters"].items()}
    corpus = Corpus()
    records = [article_from_dict(json.loads(line)) for line in args.records.open(encoding="utf-8")]
    corpus.save_all(records)
    started = time.perf_counter()
    corpus.refresh()
    elapsed = time.perf_counter() - started
    found: dict[str, list[str]] = {}
    for row in corpus.db.execute('SELECT "story_id", "source" FROM "articles"'):
        found.setdefault(row["story_id"], []).append(page_id(row["source"]))
    present = {page_id(r.source) for r in records}
    gold = {name: [i for i in ids if i in present] for name, ids in gold.items()}
    got, want = pairs(found), pairs(gold)
    hits = got & want
    precision = len(hits) / len(got) if got else 1.0
    recall = len(hits) / len(want) if want else 1.0
    print(f"articles {len(records)}, stories {len(found)}, gold pairs {len(want)}, found pairs {len(got)}, "
          f"right {len(hits)}")
    print(f"pairwise precision {precision:.3f}, recall {recall:.3f}; grouping took {elapsed:.2f} s")
    for a, b in sorted(got - want):
        print(f"  wrong pair: {a[:12]} {b[:12]}", file=sys.stderr)
    for a, b in sorted(want - got):
        print(f"  missed pair: {a[:12]} {b[:12]}", file=sys.stderr)


if __name__ == "__main__":
    main()
