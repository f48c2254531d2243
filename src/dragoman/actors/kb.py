"""The actor knowledge base: data files under ``data/actors/`` loaded into lookup tables.

Every name, alias, demonym and seat of government is indexed by its normalised form (lower
case, accents and punctuation folded), so a phrase in an article is one dictionary lookup away
from what it may refer to. Which entry a name means can depend on the date: a role is chosen by
the article's publication date (``Role.valid_on``).
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources
from typing import Iterator, Optional

from dragoman.data_files import load_json
from dragoman.errors import DataFileError

PHOENIX_FILES = ("phoenix-nonstate.jsonl", "phoenix-international.jsonl", "phoenix-countries.jsonl")
CURATED_FILES = ("curated.jsonl", "institutions.jsonl")
CURATED_KEYS = {"name": str, "aliases": list, "type": str, "roles": list, "source": str}
ROLE_KEYS = {"code", "country", "title", "start", "end"}


BRACKETED = re.compile(r"^(.*?)\s*\(([^)]+)\)\s*$")
ACRONYM = re.compile(r"[A-Z][A-Z]{2,6}")
POSSESSIVE = re.compile(r"['\u2019]s\b")
NON_WORD = re.compile(r"[^\w]+")
COMBINING_MARKS = re.compile(r"[\u0300-\u036f]")


@lru_cache(maxsize=1 << 16)
def normalise(text: str) -> str:
    """``Bashar al-Assad's`` -> ``bashar al assad``: the form every lookup uses (cached: a story
    asks for the same few hundred names thousands of times)."""
    if not text.isascii():
        text = COMBINING_MARKS.sub("", unicodedata.normalize("NFKD", text))
    text = NON_WORD.sub(" ", POSSESSIVE.sub("", text.lower()).replace(".", "")).strip()
    return text[4:] if text.startswith("the ") else text


@dataclass
class Role:
    code: Optional[str]
    country: Optional[str] = None
    title: Optional[str] = None
    start: Optional[str] = None
    end: Optional[str] = None

    def valid_on(self, day: Optional[str]) -> bool:
        if day is None:
            return self.end is None
        return (self.start or "") <= day and (self.end is None or day < self.end)


@dataclass
class Entry:
    """One person, organisation or group the knowledge base knows."""

    key: str
    name: str
    type: str
    roles: list[Role] = field(default_factory=list)
    source: str = ""

    def role_on(self, day: Optional[str]) -> Optional[Role]:
        """The role valid on ``day``; with no date, the current one; else the latest."""
        valid = [r for r in self.roles if r.valid_on(day)]
        if valid:
            return max(valid, key=lambda r: r.start or "")
        if day is not None:
            earlier = [r for r in self.roles if (r.start or "") <= day]
            if earlier:
                return max(earlier, key=lambda r: r.start or "")
        return max(self.roles, key=lambda r: r.start or "", default=None)


@dataclass
class Country:
    iso3: str
    name: str
    demonym: Optional[str]


@dataclass
class KnowledgeBase:
    entries: dict[str, Entry] = field(default_factory=dict)
    aliases: dict[str, list[str]] = field(default_factory=dict)
    countries: dict[str, Country] = field(default_factory=dict)
    country_names: dict[str, str] = field(default_factory=dict)
    demonyms: dict[str, str] = field(default_factory=dict)
    seats: dict[str, str] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)
    group_nouns: dict[str, str] = field(default_factory=dict)
    agents: dict[str, str] = field(default_factory=dict)
    honorifics: set[str] = field(default_factory=set)
    sector_types: dict[str, str] = field(default_factory=dict)
    locative: set[str] = field(default_factory=set)
    pronouns: set[str] = field(default_factory=set)
    organisation_words: set[str] = field(default_factory=set)
    leader_titles: set[str] = field(default_factory=set)
    pronoun_genders: dict[str, str] = field(default_factory=dict)
    gendered_titles: dict[str, str] = field(default_factory=dict)
    title_abbreviations: dict[str, str] = field(default_factory=dict)
    places: dict[str, str] = field(default_factory=dict)
    shared_places: dict[str, set[str]] = field(default_factory=dict)
    country_titles: dict[str, str] = field(default_factory=dict)
    state_abbreviations: dict[str, str] = field(default_factory=dict)
    domestic_roles: set[str] = field(default_factory=set)
    home_sectors: set[str] = field(default_factory=set)
    focus_sectors: set[str] = field(default_factory=set)
    focus_min_share: float = 0.5
    focus_min_lead: float = 2.0
    armed_opposition: set[str] = field(default_factory=set)
    armed_group_cues: set[str] = field(default_factory=set)
    one_side_groups: set[str] = field(default_factory=set)
    group_descriptions: dict = field(default_factory=dict)
    hyphen_participles: set[str] = field(default_factory=set)
    fighting_events: set[str] = field(default_factory=set)
    fought_sectors: set[str] = field(default_factory=set)
    place_nouns: set[str] = field(default_factory=set)
    subject_nouns: set[str] = field(default_factory=set)
    not_actors: set[str] = field(default_factory=set)
    companies: set[str] = field(default_factory=set)
    company_suffixes: set[str] = field(default_factory=set)
    compass_words: set[str] = field(default_factory=set)
    government_nouns: set[str] = field(default_factory=set)
    title_words: set[str] = field(default_factory=set)
    inferred_country_confidence: dict[str, float] = field(default_factory=dict)

    def add(self, entry: Entry, keys: list[str]) -> None:
        """Index ``entry`` under normalised names ``keys``."""
        self.entries[entry.key] = entry
        for key in keys:
            if key and entry.key not in self.aliases.setdefault(key, []):
                self.aliases[key].append(entry.key)

    @cached_property
    def name_prefixes(self) -> frozenset[str]:
        """The leading words of every name a span is looked up by (aliases, countries, seats):
        a span that reads as none of them cannot grow into a name."""
        return frozenset(" ".join(words[:k]) for keys in (self.aliases, self.country_names, self.seats)
                         for words in map(str.split, keys) for k in range(1, len(words) + 1))

    @cached_property
    def group_last_words(self) -> frozenset[str]:
        """The last word of every group noun, title and agent: a noun that is none of them (nor
        its singular) ends no group's phrase, whatever its modifiers."""
        return frozenset(key.split()[-1] for keys in (self.group_nouns, self.titles, self.agents) for key in keys if key.split())

    @cached_property
    def titles_longest_first(self) -> list[str]:
        """The titles, longest first (in file order among equals): the first found in an
        apposition is its role. Sorted once, not for every name with an apposition."""
        return sorted(self.titles, key=len, reverse=True)

    def lookup(self, text: str) -> list[Entry]:
        return [self.entries[k] for k in self.aliases.get(normalise(text), [])]

    def country_of_word(self, text: str) -> Optional[str]:
        """The country a name, demonym or possessive (``Qatar's``) names."""
        key = normalise(text)
        return self.country_names.get(key) or self.demonyms.get(key)

    def country_of_place(self, text: str) -> Optional[str]:
        """The country a country, capital, province or large city named in ``text`` lies in
        ("Gaza City" as "Gaza" where the list has only the latter)."""
        key = normalise(text)
        found = self.country_names.get(key) or self.seats.get(key) or self.places.get(key)
        if found is None and key.endswith(" city"):
            return self.country_of_place(key[:-len(" city")])
        first, _, rest = key.partition(" ")
        if found is None and first in self.compass_words:
            return self.country_names.get(rest)  # "South Lebanon": a part of Lebanon
        return found

    def is_armed_opposition(self, code: Optional[str]) -> bool:
        """Whether a CAMEO code is a rebel or insurgent's (``TURREB``) or a non-state armed group's (``IMG...``)."""
        return bool(code) and (code.startswith("IMG") or code[3:6] in self.armed_opposition)

    def sector_of(self, phrase: str) -> Optional[str]:
        key = normalise(phrase)
        return self.titles.get(key) or self.group_nouns.get(key) or self.agents.get(key)

    def type_of(self, code: Optional[str]) -> Optional[str]:
        if not code:
            return None
        if code.startswith("IGO"):
            return "international organisation"
        if code.startswith("IMG"):
            return "armed group"
        if code[:3] in self.countries:
            return self.sector_types.get(code[3:6]) if len(code) > 3 else "state"
        return self.sector_types.get(code[:3], "organisation")


def data_lines(name: str, required: Optional[dict[str, type]] = None) -> Iterator[dict]:
    """The JSON objects of a JSON Lines data file, each checked for ``required`` keys and types."""
    text = resources.files("dragoman").joinpath("data", "actors", name).read_text("utf-8")
    return check_rows(name, text.splitlines(), required)


def check_rows(name: str, lines: list[str], required: Optional[dict[str, type]] = None) -> Iterator[dict]:
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise DataFileError(f"data/actors/{name}", number, f"not JSON ({exc.msg})") from exc
        for key, kind in (required or {}).items():
            if not isinstance(row.get(key), kind):
                raise DataFileError(f"data/actors/{name}", number, f"'{key}' must be a {kind.__name__}")
        yield row


def tsv_lines(name: str, columns: int) -> Iterator[list[str]]:
    """The rows of a tab-separated data file (``#`` starts a comment), each of ``columns`` cells."""
    text = resources.files("dragoman").joinpath("data", "actors", name).read_text("utf-8")
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != columns or not all(c.strip() for c in cells):
            raise DataFileError(f"data/actors/{name}", number, f"expected {columns} non-empty tab-separated cells")
        yield cells


def curated_roles(name: str, number: int, row: dict, countries: dict[str, Country]) -> list[Role]:
    roles = []
    for role in row["roles"]:
        unknown = set(role) - ROLE_KEYS if isinstance(role, dict) else {"(not an object)"}
        if unknown or (role.get("country") and role["country"] not in countries):
            raise DataFileError(f"data/actors/{name}", number, f"bad role {role!r} (keys {sorted(ROLE_KEYS)}, "
                                "country an ISO alpha-3 code)")
        roles.append(Role(**role))
    return roles


def bracketed_keys(names: list[str]) -> list[str]:
    """The names a bracket hides: the Phoenix dictionaries write "IRISH REPUBLICAN ARMY (IRA)" and
    "NATIONAL LIBERATION ARMY (COLOMBIA)", so "the Irish Republican Army", "IRA" and "the National
    Liberation Army" were never found. The bracket is a name only when it is an acronym."""
    keys = []
    for name in names:
        if (match := BRACKETED.match(name)) is not None:
            bare, inner = match.group(1), match.group(2).strip()
            keys += [normalise(bare), normalise(inner)] if is_acronym(inner, bare) else [normalise(bare)]
    return keys


def without_acronym(name: str) -> str:
    """"IRISH REPUBLICAN ARMY (IRA)" -> "IRISH REPUBLICAN ARMY"; a country in brackets stays."""
    match = BRACKETED.match(name)
    return match.group(1) if match is not None and is_acronym(match.group(2).strip(), match.group(1)) else name


def is_acronym(letters: str, words: str) -> bool:
    """Whether ``letters`` ("LTTE") are initials of ``words`` ("LIBERATION TIGERS OF TAMIL EELAM"),
    in order, the first word's first."""
    initials = [w[0] for w in re.split(r"[\s-]+", words) if w]
    letters = letters.replace("-", "")
    if not ACRONYM.fullmatch(letters) or not initials or letters[0] != initials[0]:
        return False
    remaining = iter(initials)
    return all(letter in remaining for letter in letters)


def slug(name: str) -> str:
    """A stable key for a curated entry: ``Vladimir Putin`` -> ``vladimir-putin``."""
    return normalise(name).replace(" ", "-")


@lru_cache(maxsize=1)
def load_kb() -> KnowledgeBase:
    """Read every actor data file once per process (they are read-only)."""
    kb = KnowledgeBase()
    capitals = []
    for row in data_lines("countries.jsonl"):
        capitals.append(row["capital"] or "")
        iso3 = row["iso3"]
        kb.countries[iso3] = Country(iso3, row["name"], (row["demonyms"] or [None])[0])
        for name in [row["name"], *row["aliases"]]:
            kb.country_names.setdefault(normalise(name), iso3)
        for demonym in row["demonyms"]:
            kb.demonyms.setdefault(normalise(demonym), iso3)
        for seat in row["seats"]:
            kb.seats.setdefault(normalise(seat), iso3)
    roles = load_json("actors/roles.json")
    kb.titles = {normalise(k): v for k, v in roles["titles"].items()}
    kb.group_nouns = {normalise(k): v for k, v in roles["group_nouns"].items()}
    kb.honorifics = {normalise(h) for h in roles["honorifics"]}
    kb.sector_types = roles["sector_types"]
    kb.locative = set(roles["locative_prepositions"])
    kb.home_sectors = set(roles["home_sectors"])
    kb.focus_sectors = set(roles["focus_sectors"])
    kb.focus_min_share, kb.focus_min_lead = float(roles["focus_min_share"]), float(roles["focus_min_lead"])
    if not (0 < kb.focus_min_share <= 1 and kb.focus_min_lead >= 1) or kb.focus_sectors - set(kb.sector_types):
        raise ValueError("data/actors/roles.json: focus_sectors must be sector_types, focus_min_share in (0, 1], "
                         "focus_min_lead >= 1")
    kb.armed_opposition = set(roles["armed_opposition_sectors"])
    if not all(isinstance(w, str) and w.isalpha() and w.islower() for w in roles["armed_group_cues"]):
        raise DataFileError("data/actors/roles.json", None, "armed_group_cues must be lower-case words")
    kb.armed_group_cues = set(roles["armed_group_cues"]) | {
        word for words in (kb.group_nouns, kb.agents) for word, sector in words.items()
        if sector in kb.armed_opposition and " " not in word}
    kb.one_side_groups = {normalise(w) for w in roles["one_side_groups"]}
    if not kb.one_side_groups <= set(kb.group_nouns):
        raise ValueError("data/actors/roles.json: one_side_groups must be group_nouns")
    kb.hyphen_participles = set(roles["hyphen_participles"])
    descriptions = roles["group_descriptions"]
    kb.group_descriptions = {"nouns": {normalise(w) for w in descriptions["nouns"]},
                             "descriptors": {normalise(w) for w in descriptions["descriptors"]},
                             "type": descriptions["type"]}
    if kb.group_descriptions["type"] not in kb.sector_types.values():
        raise ValueError("data/actors/roles.json: group_descriptions type must be one of sector_types' types")
    kb.fighting_events = set(roles["fighting_events"])
    kb.fought_sectors = set(roles["fought_sectors"])
    kb.pronouns = set(roles["pronouns"])
    kb.organisation_words = {normalise(w) for w in roles["organisation_words"]}
    kb.leader_titles = {normalise(w) for w in roles["leader_titles"]}
    kb.pronoun_genders = roles["pronoun_genders"]
    kb.gendered_titles = roles["gendered_titles"]
    kb.title_abbreviations = {normalise(k): v for k, v in roles["title_abbreviations"].items()}
    conventions = load_json("actors/conventions.json")
    kb.country_titles = {normalise(k): v for k, v in conventions["country_titles"].items()}
    kb.state_abbreviations = {normalise(k): v for k, v in conventions["state_abbreviations"].items()}
    kb.domestic_roles = {normalise(w) for w in conventions["domestic_roles"]}
    kb.place_nouns = {normalise(w) for w in conventions["place_nouns"]}
    kb.subject_nouns = {normalise(w) for w in conventions["subject_nouns"]}
    kb.not_actors = {normalise(w) for w in conventions["not_actors"]}
    kb.companies = {normalise(w) for w in conventions["companies"]}
    kb.company_suffixes = {normalise(w) for w in conventions["company_suffixes"]}
    kb.compass_words = {normalise(w) for w in conventions["compass_words"]}
    kb.government_nouns = {normalise(w) for w in conventions["government_nouns"]}
    kb.title_words = {w.lower() for w in conventions["title_words"]}
    kb.inferred_country_confidence = conventions["inferred_country_confidence"]
    if set(kb.inferred_country_confidence) != {"context", "focus"} or not all(
            0 < value <= 1 for value in kb.inferred_country_confidence.values()):
        raise DataFileError("data/actors/conventions.json", None,
                            "inferred_country_confidence needs 'context' and 'focus', each in (0, 1]")
    generic = {normalise(w) for w in conventions["generic_bodies"]}
    for file in ("places.tsv", "regions.tsv"):
        for name, iso3, kind in tsv_lines(file, 3):
            if iso3 not in kb.countries:
                raise DataFileError(f"data/actors/{file}", None, f"unknown country {iso3!r} for {name!r}")
            if kind == "shared":
                kb.shared_places.setdefault(normalise(name), set()).add(iso3)
            else:
                kb.places.setdefault(normalise(name), iso3)
    for row in data_lines("phoenix-agents.jsonl"):
        for phrase in row["phrases"]:
            kb.agents.setdefault(normalise(phrase), row["sector"])
    for name in CURATED_FILES:
        for number, row in enumerate(data_lines(name, CURATED_KEYS), start=1):
            entry = Entry(f"curated:{slug(row['name'])}", row["name"], row["type"],
                          curated_roles(name, number, row, kb.countries), row["source"])
            kb.add(entry, [normalise(n) for n in [row["name"], *row["aliases"]]])
    curated = set(kb.aliases)
    places = set(kb.country_names) | {normalise(c) for c in capitals}
    rows = [row for name in PHOENIX_FILES for row in data_lines(name)]
    names_of = [[row["name"], *row.get("aliases", [])] for row in rows]
    written = {normalise(n) for names in names_of for n in names}
    hidden = [set(bracketed_keys(names)) - written for names in names_of]
    owner: dict[str, Optional[str]] = {}  # a bracketed key two entries share ("national liberation army") is neither's
    for row, keys in zip(rows, hidden):
        for key in keys:
            owner[key] = None if key in owner and owner[key] != row["name"] else row["name"]
    for row, names, keys in zip(rows, names_of, hidden):
        codes = row["codes"]
        if normalise(row["name"]) in places:
            continue  # states and their capitals come from countries.jsonl, not old Phoenix codes (USRUKR)
        roles_ = [Role(c["code"], c["code"][:3] if c["code"][:3] in kb.countries else None,
                       None, c.get("start"), c.get("end")) for c in codes]
        kind = "person" if row.get("person") else kb.type_of(codes[0]["code"]) or "organisation"
        entry = Entry(f"phoenix:{row['source']}", without_acronym(row["name"]).title(), kind, roles_, row["source"])
        found_by = [k for k in [*map(normalise, names), *(k for k in keys if owner[k])]
                    if k not in curated and k not in generic and k not in places]
        if found_by:
            kb.add(entry, found_by)
    return kb
