"""Event coding on the PETRARCH-2 gold sentences: (type, source country, target country).

Usage: python benchmarks/events.py ../shared/bench/events/PETR2_GSR_validation.xml ../shared/bench/events/CAMEO2PLOVER-2021.txt [--plover ../shared/bench/events/PLOVER_GSR_CAMEO.txt]

Each gold CAMEO coding is mapped to its PLOVER type with the CAMEO-to-PLOVER table (codes with
no PLOVER type, such as 01x and 02x statements and appeals, are left out of the gold). Each
sentence goes through Dragoman (clean, parse, actors, events, dated by the record's date); an
event is a triple of its PLOVER type and the first three letters of its source's and target's
codes (country, or IGO; the gold's ``---``, no country, matches an actor without one or no actor).
Precision, recall and F1 are over the triples of all sentences.

With ``--plover``, the same is measured on the PLOVER gold standard records, whose 2016 labels
are renamed to today's PLOVER types (DEMAND is REQUEST, FIGHT is ASSAULT, DISAPPROVE and
INVESTIGATE are ACCUSE, as in the CAMEO-to-PLOVER table).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

from dragoman.errors import InputError
from dragoman.events.cameo import plover_table, to_plover
from dragoman.ingest import RawArticle
from dragoman.pipeline import Pipeline
from dragoman.settings import Settings

RECORD = re.compile(r'<Sentence [^>]*date="(\d{8})"[^>]*id="([^"]+)"[^>]*/?>(.*?)<Text>(.*?)</Text>', re.S)
PLOVER_2016 = {"DEMAND": "REQUEST", "FIGHT": "ASSAULT", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE"}
CODING = re.compile(r'<EventCoding eventcode="(\d+)" sourcecode="([^"]*)" targetcode="([^"]*)"')


def code_of(actor) -> str:
    if actor is None:
        return ""
    if actor.code and actor.code.startswith("IGO"):
        return "IGO"
    return actor.country or (actor.code or "")[:3]


def score(pipeline: Pipeline, records: list[tuple[str, str, Counter]]) -> Counter:
    """Counts of gold, Dragoman and matching (type, source, target) triples over the records."""
    counts: Counter = Counter()
    for published, text, gold in records:
        try:
            article = pipeline.analyze(RawArticle(source="gold", text=" ".join(text.split()), layout="paragraphs"),
                                       date=published)
        except InputError:
            continue
        counts["sentences"] += 1
        actors = {a.id: a for a in article.actors}
        ours = Counter((e.type, code_of(actors.get(e.source)), code_of(actors.get(e.target))) for e in article.events)
        counts["gold"] += sum(gold.values())
        counts["ours"] += sum(ours.values())
        counts["right"] += sum((gold & ours).values())
        counts["type right"] += sum((Counter(k[0] for k in gold.elements()) & Counter(k[0] for k in ours.elements())).values())
    return counts


def petr2_records(path: Path, table: dict[str, str]) -> list[tuple[str, str, Counter]]:
    records = []
    for day, _sid, codings, text in RECORD.findall(path.read_text("utf-8")):
        gold = Counter()
        for code, source, target in CODING.findall(codings):
            kind = to_plover(code, table)
            if kind:
                gold[(kind, source[:3].strip("-"), target[:3].strip("-"))] += 1  # "---": no country
        records.append((f"{day[:4]}-{day[4:6]}-{day[6:]}", text, gold))
    return records


def plover_records(path: Path) -> list[tuple[str, str, Counter]]:
    records = []
    for record in json.loads(path.read_text("utf-8")):
        if not record.get("text") or record.get("event") == "DOCUMENT":
            continue
        kind = PLOVER_2016.get(record["event"], record["event"])
        sides = [[a.get("code", "")[:3] for a in record.get(side) or [] if isinstance(a, dict)] or [""]
                 for side in ("source", "target")]
        gold = Counter((kind, s, t) for s in sides[0] for t in sides[1])
        records.append((record.get("date"), record["text"], gold))
    return records


def report(name: str, counts: Counter) -> None:
    p = counts["right"] / max(counts["ours"], 1)
    r = counts["right"] / max(counts["gold"], 1)
    f = 2 * p * r / (p + r) if p + r else 0.0
    print(f"{name}: {counts['sentences']} sentences, {counts['gold']} gold events, {counts['ours']} Dragoman events")
    print(f"  (type, source, target)  P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    print(f"  type alone recall       {counts['type right'] / max(counts['gold'], 1):.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument("table", type=Path)
    parser.add_argument("--plover", type=Path, help="PLOVER_GSR_CAMEO.txt, scored the same way")
    args = parser.parse_args()
    pipeline = Pipeline(Settings(stages=("actors", "events")))
    report("PETR2", score(pipeline, petr2_records(args.gold, plover_table(args.table))))
    if args.plover:
        report("PLOVER GSR", score(pipeline, plover_records(args.plover)))


if __name__ == "__main__":
    sys.exit(main())
