"""Publication dates written in an article's text: a "Published ..." line or a dateline.

Only a full date (day, month and year) counts, and only where a publication date is written:
a line that is nothing but a date, or the place-and-date opening of a wire story (``DOHA, Dec. 7,
2024 (AFP) -``). Dates inside URLs never count: a link may belong to another article.
"""

from __future__ import annotations

import calendar
import re
from datetime import date
from typing import Optional

from dragoman.data_files import load_json

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
MONTH = r"(?P<month>%s)\.?" % "|".join(sorted(MONTHS, key=len, reverse=True))
DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
YEAR = r"(?P<year>(?:19|20)\d\d)"
DATE_FORMS = [
    rf"{MONTH}\s+{DAY},?\s+{YEAR}",
    rf"{DAY}\s+{MONTH},?\s+{YEAR}",
    r"(?P<iso>(?:19|20)\d\d-\d\d-\d\d)",
]
WEEKDAY = r"(?:(?:%s)\.?,?\s+)?" % "|".join([*calendar.day_name, *calendar.day_abbr])
TIME = r"(?:[\s,|\u2013-]+(?:at\s+)?\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,4}(?:[+-]\d+)?)?)?"


def parse_date(match: re.Match) -> Optional[str]:
    try:
        if match.groupdict().get("iso"):
            return date.fromisoformat(match["iso"]).isoformat()
        return date(int(match["year"]), MONTHS[match["month"].lower()], int(match["day"])).isoformat()
    except ValueError:
        return None


def find_text_date(text: str, whole: bool = False) -> Optional[str]:
    """The ISO date written in ``text``: all of it (``whole``) or its dateline opening."""
    prefixes = "|".join(map(re.escape, load_json("cleaning.json")["dateline_prefixes"]))
    for form in DATE_FORMS:
        if whole:
            pattern = rf"^(?:(?:{prefixes})\s*(?:on)?:?\s*)?{WEEKDAY}{form}{TIME}\.?$"
        else:
            pattern = rf"^[A-Z][A-Za-z.' -]{{1,40}},\s*{WEEKDAY}{form}\s*(?:\([\w ]+\))?\s*[\u2013\u2014-]"
        match = re.search(pattern, text.strip().lstrip("-\u2013\u2014\u2022* "), re.I if whole else 0)
        if match:
            return parse_date(match)
    return None
