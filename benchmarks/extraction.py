"""Body extraction on the ScrapingHub article-extraction benchmark: Dragoman beside trafilatura.

Usage: python benchmarks/extraction.py ../shared/bench/extraction/scrapinghub

For each page, token precision, recall and F1 of the body (bag of lower-cased word tokens)
against the gold ``articleBody``, averaged over pages. Dragoman's body is what ``dragoman
analyze`` puts in ``text`` (trafilatura, then Dragoman's cleaning); the baseline is bare
``trafilatura.extract`` on the same page in the same run, with its defaults and without
comments (``-nc``, as Dragoman calls it).
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
from collections import Counter
from pathlib import Path

import trafilatura

from dragoman.clean import clean
from dragoman.errors import InputError
from dragoman.ingest.html import html_to_raw
from dragoman.ingest.sniff import decode


def tokens(text: str) -> Counter:
    return Counter(re.findall(r"\w+", (text or "").lower()))


def prf(predicted: str, gold: str) -> tuple[float, float, float]:
    pred, want = tokens(predicted), tokens(gold)
    overlap = sum((pred & want).values())
    p = overlap / sum(pred.values()) if pred else 0.0
    r = overlap / sum(want.values()) if want else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def dragoman_body(html: str, url: str) -> str:
    try:
        return clean(html_to_raw(html, "page", url=url)).text
    except InputError:
        return ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="the scrapinghub folder (ground-truth.json, html/)")
    args = parser.parse_args()
    truth = json.loads((args.folder / "ground-truth.json").read_text("utf-8"))
    scores: dict[str, list[tuple[float, float, float]]] = {"dragoman": [], "trafilatura": [], "trafilatura-nc": []}
    for key, item in truth.items():
        data = gzip.decompress((args.folder / "html" / f"{key}.html.gz").read_bytes())
        html = decode(data, key)
        scores["dragoman"].append(prf(dragoman_body(html, item["url"]), item["articleBody"]))
        scores["trafilatura"].append(prf(trafilatura.extract(html, url=item["url"]) or "", item["articleBody"]))
        no_comments = trafilatura.extract(html, url=item["url"], include_comments=False)
        scores["trafilatura-nc"].append(prf(no_comments or "", item["articleBody"]))
    print(f"{len(truth)} pages; token precision / recall / F1, mean over pages")
    for name, rows in scores.items():
        p, r, f = (statistics.mean(col) for col in zip(*rows))
        print(f"  {name:<12} P {p:.3f}  R {r:.3f}  F1 {f:.3f}")


if __name__ == "__main__":
    sys.exit(main())
