"""The Article record: Dragoman's output contract, and its JSON Schema.

The dataclasses below are the one source of truth. The JSON Schema shipped in
``data/article.schema.json`` is generated from them (``dragoman schema``) and a test
checks the shipped file is current, so the published contract can never drift from the code.

Every extracted item carries ``start``/``end`` character offsets into ``Article.text``;
``captions`` and ``removed`` carry offsets into the source text as read, because their text is no
longer in ``Article.text``.
"""

from __future__ import annotations

import copy
import dataclasses
import json
import types
import typing
from dataclasses import dataclass, field
from typing import Any, Literal, Optional

from dragoman.data_files import load_json

SCHEMA_ID = "dragoman.article/1"

PublishedFrom = Literal["given", "html-meta", "text", "none"]
QuoteKind = Literal["direct", "partial", "indirect"]
EventType = Literal[
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
]
EventStatus = Literal["reported", "claimed", "denied", "historical", "hypothetical"]
Stance = Literal["asserts", "denies"]
RelationKind = Literal["ally", "supports", "opposes", "criticises", "partner"]
CountryFrom = Literal["text", "kb", "title", "context"]


@dataclass
class Span:
    """A stretch of ``Article.text``: the citation behind a fact."""

    start: int
    end: int
    text: str


@dataclass
class Piece:
    """Text that cleaning took out of the body, kept with its kind and its source offsets."""

    kind: str
    text: str
    start: int
    end: int


@dataclass
class Actor:
    id: str
    name: str
    type: Optional[str] = None
    country: Optional[str] = None
    role: Optional[str] = None
    code: Optional[str] = None
    confidence: float = 1.0
    """How sure the country is: 1 when the text or the knowledge base says it, lower from context."""
    mentions: list[Span] = field(default_factory=list)
    kb_id: Optional[str] = None
    """The knowledge-base entry this actor is (``curated:vladimir-putin``, ``country:SYR``): the same
    key in every article, so a corpus can join one actor across articles."""
    country_from: Optional[CountryFrom] = None
    """Where the country comes from: the text around a name (``text``), a title that carries it
    (``title``: "U.S. Rep.", "Sen. ... (R-Texas)"), the knowledge base (``kb``), or the article's
    setting for a domestic office (``context``: a governor in a story datelined in that country)."""


@dataclass
class Quote:
    id: str
    text: str
    kind: QuoteKind
    start: int
    end: int
    speaker: Optional[str] = None
    speaker_text: Optional[str] = None
    cue: Optional[str] = None
    partials: list[Span] = field(default_factory=list)
    """The speaker's own words in quotation marks inside this (indirect) quote: ``said the deal
    was "a disaster"``. They are not output again as quotes of their own."""


@dataclass
class Location:
    name: str
    country: Optional[str] = None
    lat: Optional[float] = None
    lon: Optional[float] = None


@dataclass
class Event:
    id: str
    type: EventType
    start: int
    end: int
    mode: Optional[str] = None
    source: Optional[str] = None
    target: Optional[str] = None
    date: Optional[str] = None
    date_text: Optional[str] = None
    location: Optional[Location] = None
    status: EventStatus = "reported"
    confidence: float = 0.5
    verified: Optional[bool] = None
    """False where the article says it could not verify the event, True where it says it did."""


@dataclass
class Claim:
    id: str
    text: str
    stance: Stance
    start: int
    end: int
    claimant: Optional[str] = None
    """The actor id of who makes the claim, where known."""
    claimant_text: Optional[str] = None
    contradicts: list[str] = field(default_factory=list)
    reason: Optional[str] = None
    """Why the claims in ``contradicts`` contradict this one."""
    verified: Optional[bool] = None


@dataclass
class Relation:
    a: str
    b: str
    kind: RelationKind
    start: int
    end: int
    confidence: Optional[float] = None
    """How sure the evidence makes the relation: a relation noun more than a preposition or an event."""


@dataclass
class Article:
    id: str
    source: str
    text: str
    schema: str = SCHEMA_ID
    url: Optional[str] = None
    outlet: Optional[str] = None
    wire: Optional[str] = None
    byline: Optional[str] = None
    title: Optional[str] = None
    language: Optional[str] = None
    published: Optional[str] = None
    published_from: PublishedFrom = "none"
    captions: list[Piece] = field(default_factory=list)
    removed: list[Piece] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return as_plain(self)

    def to_json(self, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)


_ATOMS = frozenset((str, int, float, bool, type(None)))
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def as_plain(obj: Any) -> Any:
    """What ``dataclasses.asdict`` gives, built the same way, but handing strings and numbers over
    as they are where asdict passes each one through ``copy.deepcopy`` (which returns them
    unchanged, at a cost: serialisation took twice as long). A record's fields and list items are
    mostly strings and numbers, passed over without a call each."""
    kind = type(obj)
    if kind in _ATOMS:
        return obj
    names = _FIELD_NAMES.get(kind)
    if names is None and dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        names = _FIELD_NAMES[kind] = tuple(f.name for f in dataclasses.fields(obj))
    if names is not None:
        return {name: value if type(value := getattr(obj, name)) in _ATOMS else as_plain(value) for name in names}
    if kind is list:
        return [value if type(value) in _ATOMS else as_plain(value) for value in obj]
    if isinstance(obj, tuple) and hasattr(obj, "_fields"):
        return kind(*[as_plain(v) for v in obj])
    if isinstance(obj, (list, tuple)):
        return kind(as_plain(v) for v in obj)
    if isinstance(obj, dict):
        return kind((as_plain(k), as_plain(v)) for k, v in obj.items())
    return copy.deepcopy(obj)


def _type_schema(hint: Any) -> dict[str, Any]:
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin is Literal:
        return {"enum": list(args)}
    if origin in (typing.Union, types.UnionType):
        options = [_type_schema(a) for a in args if a is not type(None)]
        schema = options[0] if len(options) == 1 else {"anyOf": options}
        if type(None) in args:
            schema = {"anyOf": [schema, {"type": "null"}]}
        return schema
    if origin is list:
        return {"type": "array", "items": _type_schema(args[0])}
    if dataclasses.is_dataclass(hint):
        return {"$ref": f"#/$defs/{hint.__name__}"}
    simple = {str: "string", int: "integer", float: "number", bool: "boolean"}
    return {"type": simple[hint]}


def _object_schema(cls: type) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    fields = dataclasses.fields(cls)
    required = [
        f.name for f in fields
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
    ]
    return {
        "type": "object",
        "properties": {f.name: _type_schema(hints[f.name]) for f in fields},
        "required": required,
        "additionalProperties": False,
    }


def json_schema() -> dict[str, Any]:
    """Build the JSON Schema of the Article record from the dataclasses above."""
    parts = [Span, Piece, Actor, Quote, Location, Event, Claim, Relation]
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "Dragoman Article record",
        **_object_schema(Article),
        "$defs": {cls.__name__: _object_schema(cls) for cls in parts},
    }
    schema["properties"]["schema"] = {"const": SCHEMA_ID}
    return schema


def shipped_schema() -> dict[str, Any]:
    """The schema file that ships in the package (what users validate against)."""
    return load_json("article.schema.json")
