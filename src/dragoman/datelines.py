"""Datelines, and the publication dates written in an article's text.

A date counts as the publication date only when it is full (day, month and year) and written where
a publication date is: a line that is nothing but a date, or the place-and-date opening of a wire
story (``DOHA, Dec. 7, 2024 (AFP) -``). Dates inside URLs never count: a link may belong to
another article. The opening itself (``MOSCOW (Reuters) -``, ``WASHINGTON —``) is not part of the
story's prose: left in, its place and agency read as actors of the first sentence.
"""

from __future__ import annotations

import calendar
import re
from datetime import date
from functools import lru_cache
from typing import Optional

from dragoman.data_files import load_json

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
MONTH = r"(?P<month>(?i:%s))\.?" % "|".join(sorted(MONTHS, key=len, reverse=True))
DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
YEAR = r"(?P<year>(?:19|20)\d\d)"
DATE_FORMS = [
    rf"{MONTH}\s+{DAY},?\s+{YEAR}",
    rf"{DAY}\s+{MONTH},?\s+{YEAR}",
    r"(?P<iso>(?:19|20)\d\d-\d\d-\d\d)",
]


WEEKDAY = r"(?:(?:%s)\.?,?\s+)?" % "|".join([*calendar.day_name, *calendar.day_abbr])
TIME = r"(?:[\s,|\u2013-]+(?:at\s+)?\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,4}(?:[+-]\d+)?)?)?"

# The opening of a wire story: a place (capitalised, a few words, maybe ", Region"), maybe a date
# (Reuters writes it without the year), then the agency in brackets, or an all-capitals place
# alone, and a dash.
MONTH_NAME = r"(?i:%s)\.?" % "|".join(sorted(MONTHS, key=len, reverse=True))
WORD = r"[A-Z][\w.'\u2019-]*"
PLACE = rf"{WORD}(?:\s{WORD}){{0,3}}(?:,\s*{WORD}(?:\s{WORD}){{0,2}})?"
CAPS_PLACE = r"[A-Z][A-Z.'\u2019-]+(?:\s[A-Z][A-Z.'\u2019-]+){0,3}"
OPENING_DATE = (rf"(?:,\s*{WEEKDAY}(?:{MONTH_NAME}\s+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}\s+{MONTH_NAME})"
                r"(?:,?\s+(?:19|20)\d\d)?)?")
DASH = r"\s*[-\u2013\u2014]{1,2}\s*"
WIRE_DATELINE = re.compile(rf"^(?:(?:{PLACE}{OPENING_DATE}\s*\((?P<agency>[A-Z][\w .&'-]{{1,30}})\)|{CAPS_PLACE}{OPENING_DATE}){DASH}"
                           rf"|(?P<place>{PLACE}){OPENING_DATE}:\s+)(?=\S)")


def dateline_end(paragraph: str) -> Optional[int]:
    """Where the wire-story opening of ``paragraph`` ends (``PARIS (Reuters) - ``), if it has one.
    A place and a colon (``New Delhi: ``, ``Lagos, March 16: ``, as Indian and Nigerian papers
    write it) is an opening only when the knowledge base knows the place: ``Update: `` is not."""
    match = WIRE_DATELINE.match(paragraph)
    if match is None or match.end() >= len(paragraph):
        return None
    if match["place"] is not None:
        from dragoman.actors.kb import load_kb  # here: the actors package imports spaCy, which commands that only clean must not load
        if load_kb().country_of_place(match["place"]) is None:
            return None
    return match.end()


def parse_date(match: re.Match) -> Optional[str]:
    try:
        if match.groupdict().get("iso"):
            return date.fromisoformat(match["iso"]).isoformat()
        return date(int(match["year"]), MONTHS[match["month"].lower()], int(match["day"])).isoformat()
    except ValueError:
        return None


@lru_cache(maxsize=2)
def date_patterns(whole: bool) -> tuple[re.Pattern, ...]:
    """The patterns ``find_text_date`` tries, in order, built and compiled once (cleaning asks
    for every paragraph)."""
    prefixes = "|".join(map(re.escape, load_json("cleaning.json")["dateline_prefixes"]))
    patterns = []
    for form in DATE_FORMS:
        if whole:
            pattern = rf"^(?:(?:{prefixes})\s*(?:on)?:?\s*)?{WEEKDAY}{form}{TIME}\.?$"
        else:
            pattern = rf"^[A-Z][A-Za-z.' -]{{1,40}},\s*{WEEKDAY}{form}\s*(?:\([\w ]+\))?\s*[\u2013\u2014-]"
        patterns.append(re.compile(pattern, re.I if whole else 0))
    return tuple(patterns)


def find_text_date(text: str, whole: bool = False) -> Optional[str]:
    """The ISO date written in ``text``: all of it (``whole``) or its dateline opening."""
    text = text.strip().lstrip("-\u2013\u2014\u2022* ")
    for pattern in date_patterns(whole):
        match = pattern.search(text)
        if match:
            return parse_date(match)
    return None
