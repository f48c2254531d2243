"""Actor coding on the PLOVER gold standard records: do our actors' countries and sectors agree?

Usage: python benchmarks/actors.py ../shared/bench/events/PLOVER_GSR_CAMEO.txt

Each record's sentence goes through Dragoman (clean, parse, actors, dated by the record's date).
Each hand-coded source and target actor (``actorText`` with a CAMEO ``code`` and maybe a
``sector``) is looked for among our actors' mentions: of the mentions overlapping the actor
text, the one ending last (the head of the phrase: "Romania's new government").
Reported: how many gold actors we find, and where found, how often our country (the first three
letters of the code; IGO for international organisations) and our sector agree with the gold's.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from dragoman.errors import InputError
from dragoman.ingest import RawArticle
from dragoman.pipeline import Pipeline
from dragoman.settings import Settings


def gold_actors(record: dict) -> list[dict]:
    actors = []
    for role in ("source", "target"):
        value = record.get(role)
        if isinstance(value, list):
            actors += [a for a in value if isinstance(a, dict) and a.get("actorText")]
    return actors


def our_code(actor) -> str:
    if actor.code and actor.code.startswith("IGO"):
        return "IGO"
    return actor.country or (actor.code or "")[:3]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path)
    args = parser.parse_args()
    records = [r for r in json.loads(args.gold.read_text("utf-8")) if r.get("text")]
    pipeline = Pipeline(Settings(stages=("actors",)))
    counts: Counter = Counter()
    for record in records:
        try:
            article = pipeline.analyze(RawArticle(source=record["id"], text=record["text"], layout="paragraphs"),
                                       date=record.get("date"))
        except InputError:
            continue
        for gold in gold_actors(record):
            counts["gold actors"] += 1
            where = article.text.find(gold["actorText"])
            found = None
            if where >= 0:
                end = where + len(gold["actorText"])
                overlapping = [(m.end, a) for a in article.actors for m in a.mentions if m.start < end and where < m.end]
                found = max(overlapping, key=lambda pair: pair[0])[1] if overlapping else None
            if found is None:
                continue
            counts["found"] += 1
            code = gold.get("code", "")[:3]
            if code:
                counts["with country"] += 1
                counts["country agrees"] += our_code(found) == code
            if gold.get("sector"):
                counts["with sector"] += 1
                counts["sector agrees"] += (found.code or "")[3:6] == gold["sector"][:3]
    print(f"{len(records)} sentences, {counts['gold actors']} gold actors")
    print(f"  found            {counts['found'] / counts['gold actors']:.3f} ({counts['found']})")
    print(f"  country agrees   {counts['country agrees'] / max(counts['with country'], 1):.3f} of {counts['with country']} found with a gold country")
    print(f"  sector agrees    {counts['sector agrees'] / max(counts['with sector'], 1):.3f} of {counts['with sector']} found with a gold sector")


if __name__ == "__main__":
    sys.exit(main())
