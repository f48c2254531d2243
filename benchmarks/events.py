"""Event coding on the PETRARCH-2 gold sentences: (type, source country, target country).

Usage: python benchmarks/events.py ../shared/bench/events/PETR2_GSR_validation.xml ../shared/bench/events/CAMEO2PLOVER-2021.txt

Each gold CAMEO coding is mapped to its PLOVER type with the CAMEO-to-PLOVER table (codes with
no PLOVER type, such as 01x and 02x statements and appeals, are left out of the gold). Each
sentence goes through Dragoman (clean, parse, actors, events, dated by the record's date); an
event is a triple of its PLOVER type and the first three letters of its source's and target's
codes (country, or IGO). Precision, recall and F1 are over the triples of all sentences.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

from dragoman.errors import InputError
from dragoman.ingest import RawArticle
from dragoman.pipeline import Pipeline
from dragoman.settings import Settings

RECORD = re.compile(r'<Sentence [^>]*date="(\d{8})"[^>]*id="([^"]+)"[^>]*/?>(.*?)<Text>(.*?)</Text>', re.S)
CODING = re.compile(r'<EventCoding eventcode="(\d+)" sourcecode="([^"]*)" targetcode="([^"]*)"')


def plover_table(path: Path) -> dict[str, str]:
    table = {}
    for line in path.read_text("utf-8").splitlines():
        match = re.match(r"^(\d+):\s*([A-Z]+)", line)
        if match:
            table[match.group(1)] = match.group(2)
    return table


def to_plover(code: str, table: dict[str, str]) -> str | None:
    if code[:2] in ("01", "02"):
        return None
    for size in range(len(code), 1, -1):
        if code[:size] in table:
            return table[code[:size]]
    return None


def code_of(actor) -> str:
    if actor is None:
        return ""
    if actor.code and actor.code.startswith("IGO"):
        return "IGO"
    return actor.country or (actor.code or "")[:3]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument("table", type=Path)
    args = parser.parse_args()
    table = plover_table(args.table)
    pipeline = Pipeline(Settings(stages=("actors", "events")))
    counts: Counter = Counter()
    sentences = 0
    for day, sid, codings, text in RECORD.findall(args.gold.read_text("utf-8")):
        gold = Counter()
        for code, source, target in CODING.findall(codings):
            kind = to_plover(code, table)
            if kind:
                gold[(kind, source[:3], target[:3])] += 1
        published = f"{day[:4]}-{day[4:6]}-{day[6:]}"
        try:
            article = pipeline.analyze(RawArticle(source=sid, text=" ".join(text.split()), layout="paragraphs"),
                                       date=published)
        except InputError:
            continue
        sentences += 1
        actors = {a.id: a for a in article.actors}
        ours = Counter((e.type, code_of(actors.get(e.source)), code_of(actors.get(e.target))) for e in article.events)
        counts["gold"] += sum(gold.values())
        counts["ours"] += sum(ours.values())
        counts["right"] += sum((gold & ours).values())
        counts["type right"] += sum((Counter(k[0] for k in gold.elements()) & Counter(k[0] for k in ours.elements())).values())
    p = counts["right"] / max(counts["ours"], 1)
    r = counts["right"] / max(counts["gold"], 1)
    f = 2 * p * r / (p + r) if p + r else 0.0
    print(f"{sentences} sentences, {counts['gold']} gold events with a PLOVER type, {counts['ours']} Dragoman events")
    print(f"  (type, source, target)  P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    print(f"  type alone recall       {counts['type right'] / max(counts['gold'], 1):.3f}")


if __name__ == "__main__":
    sys.exit(main())
