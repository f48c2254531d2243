"""One JSON object (a JSON line, an element of a JSON array) to a raw article, its fields checked.

Other people's JSON is the input most often wrong in small ways: a number for a title, a list for
a URL, a date in RFC 822 or only a month. A field of the wrong type refuses the object with the
reason (the producer is broken, and guessing would hide it); a date string that is not a full
date is dropped with a warning in the record, and the article is still analyzed.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Optional

from dragoman.data_files import load_json
from dragoman.errors import InputError
from dragoman.ingest.html import html_to_raw
from dragoman.ingest.raw import RawArticle

STRING_FIELDS = ("text", "html", "title", "url", "published", "outlet")
# Only absolute dates: "yesterday" means nothing without knowing when it was written.
DATEPARSER_SETTINGS = {"STRICT_PARSING": True, "PARSERS": ["custom-formats", "absolute-time"],
                       "RETURN_AS_TIMEZONE_AWARE": False}


def json_type(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    return {int: "a number", float: "a number", list: "a list", dict: "an object"}.get(type(value), type(value).__name__)


def check_types(obj: dict, source: str) -> None:
    for key in STRING_FIELDS:
        value = obj.get(key)
        if value is not None and not isinstance(value, str):
            raise InputError(source, f"'{key}' must be a string, not {json_type(value)}")
    ident = obj.get("id")
    if ident is not None and (isinstance(ident, bool) or not isinstance(ident, (str, int))):
        raise InputError(source, f"'id' must be a string or a whole number, not {json_type(ident)}")


def json_article(obj: Any, source: str) -> RawArticle:
    """The article of one JSON object: ``text`` or ``html`` required; ``id``, ``title``, ``url``,
    ``published``, ``outlet`` optional and kept."""
    if not isinstance(obj, dict):
        raise InputError(source, f"an article must be a JSON object, not {json_type(obj)}")
    check_types(obj, source)
    text, html = obj.get("text"), obj.get("html")
    if not (text and text.strip()) and not (html and html.strip()):
        raise InputError(source, "needs a non-empty 'text' or 'html'")
    if text and text.strip():
        raw = RawArticle(source=source, text=text)
    else:
        raw = html_to_raw(html, source, url=obj.get("url"))
    raw.id = str(obj["id"]) if obj.get("id") is not None else None
    raw.title = obj.get("title") or raw.title
    raw.url = obj.get("url") or raw.url
    raw.outlet = obj.get("outlet") or raw.outlet
    if obj.get("published"):
        published = parse_published(obj["published"])
        if published:
            raw.published, raw.published_from = published, "given"
        else:
            raw.warnings.append(f"published: {obj['published']!r} is not a full calendar date; ignored")
    return raw


def parse_published(value: str) -> Optional[str]:
    """The ISO date of an absolute date written in any common form (ISO 8601, RFC 822, "7 Dec
    2024"), or None for a partial ("2024-12") or relative ("yesterday") one."""
    value = value.strip()
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        pass
    if len(value) > 80 or not any(char.isdigit() for char in value):
        # A calendar date has a year in digits. The check matters for speed as well: dateparser
        # loads every locale it knows before giving up on a word such as "yesterday" (minutes).
        return None
    import dateparser  # slow to import; only dates that are not ISO need it

    languages = load_json("ingest.json")["published_date_languages"]
    parsed = dateparser.parse(value, languages=languages, settings=DATEPARSER_SETTINGS)
    return parsed.date().isoformat() if parsed else None
