"""Publication dates on the htmldate MediaCloud 2020 set: the share right to the day.

Usage: python benchmarks/dates.py ../shared/bench/dates/mediacloud-2020

Each page goes through Dragoman's HTML reader and cleaning, with the page's URL (as a crawler
would have it). Pages whose gold date is missing count as right when Dragoman gives no date.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from dragoman.clean import clean
from dragoman.errors import InputError
from dragoman.ingest.html import html_to_raw
from dragoman.ingest.sniff import decode


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="folder with eval_mediacloud_2020.json and the pages")
    args = parser.parse_args()
    gold = json.loads((args.folder / "eval_mediacloud_2020.json").read_text("utf-8"))
    outcome: Counter = Counter()
    for url, item in gold.items():
        want = item["date"] if isinstance(item["date"], str) else None
        data = (args.folder / item["file"]).read_bytes()
        try:
            got = clean(html_to_raw(decode(data, item["file"]), item["file"], url=url)).published
        except InputError:
            got = None
        if got == want:
            outcome["right"] += 1
        elif got is None:
            outcome["missing"] += 1
        elif want is None:
            outcome["date where gold has none"] += 1
        else:
            outcome["wrong"] += 1
    total = sum(outcome.values())
    print(f"{total} pages: right to the day {outcome['right'] / total:.3f}")
    for key, count in sorted(outcome.items()):
        print(f"  {key:<26} {count}")


if __name__ == "__main__":
    sys.exit(main())
