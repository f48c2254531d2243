"""Score Article records against gold files (the format of GOLD.md).

Matching is lenient about form (case, curly quotes, dashes, white space) and strict about
substance: the right speaker, the right countries, the right type. Each list of the gold gets a
recall; quotes also get a precision where the gold says it lists every quote.
"""

from __future__ import annotations

import json
import re
from fnmatch import fnmatch
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from dragoman.errors import GoldError
from dragoman.record import Article

GOLD_KEYS = {
    "article", "given_date", "published", "must_not_publish_date", "title", "text_must_contain",
    "text_must_not_contain", "actors", "quotes", "quotes_complete", "events", "contested",
    "must_not_events_from", "note", "notes",
}


@dataclass
class Score:
    """One check list: how many gold items were found, and which were missed."""

    name: str
    found: int = 0
    total: int = 0
    missed: list[str] = field(default_factory=list)

    def add(self, ok: bool, label: str) -> None:
        self.total += 1
        self.found += ok
        if not ok:
            self.missed.append(label)

    @property
    def ratio(self) -> Optional[float]:
        return self.found / self.total if self.total else None


def fold(text: Optional[str]) -> str:
    """Lower case, quotes and dashes dropped, white space folded: form aside, substance kept."""
    text = (text or "").lower()
    text = re.sub(r"[\"'\u2018\u2019\u201c\u201d\u00ab\u00bb`]", "", text)
    text = re.sub(r"[\u2010-\u2015-]", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def load_gold(path: Path) -> dict[str, Any]:
    try:
        gold = json.loads(path.read_text("utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise GoldError(f"{path}: cannot read gold file ({exc})") from exc
    if not isinstance(gold, dict) or "article" not in gold:
        raise GoldError(f"{path}: a gold file is a JSON object with an 'article' key")
    unknown = set(gold) - GOLD_KEYS
    if unknown:
        raise GoldError(f"{path}: unknown key(s) {', '.join(sorted(unknown))}")
    if not all(isinstance(a, dict) and isinstance(a.get("name"), str) for a in gold.get("actors", [])):
        raise GoldError(f"{path}: every gold actor is an object with a 'name'")
    return gold


def article_path(gold_path: Path, gold: dict[str, Any]) -> Path:
    """The gold's article, relative to the parent of the gold file's folder."""
    return gold_path.resolve().parent.parent / gold["article"]


def actor_index(record: Article) -> dict[str, Any]:
    return {actor.id: actor for actor in record.actors}


def speaker_names(quote, actors: dict[str, Any]) -> str:
    actor = actors.get(quote.speaker) if quote.speaker else None
    parts = [quote.speaker_text]
    if actor is not None:
        parts += [actor.name, actor.role]
    return fold(" | ".join(p for p in parts if p))


def quote_matches(quote, gold_quote: dict, actors: dict[str, Any]) -> bool:
    return (fold(gold_quote["phrase"]) in fold(quote.text)
            and fold(gold_quote["speaker"]) in speaker_names(quote, actors))


def country_of(actor_id: Optional[str], actors: dict[str, Any]) -> Optional[str]:
    actor = actors.get(actor_id) if actor_id else None
    return actor.country if actor else None


def score_record(record: Article, gold: dict[str, Any]) -> list[Score]:
    actors = actor_index(record)
    scores = []

    title = Score("title")
    if gold.get("title"):
        title.add(fold(gold["title"]) in fold(record.title), gold["title"])
    scores.append(title)

    published = Score("published")
    if gold.get("published"):
        published.add((record.published or "").startswith(gold["published"]), f"published {gold['published']}")
    if gold.get("must_not_publish_date"):
        bad = gold["must_not_publish_date"]
        published.add(not (record.published or "").startswith(bad), f"must not publish {bad}")
    scores.append(published)

    text = Score("text")
    for phrase in gold.get("text_must_contain", []):
        text.add(fold(phrase) in fold(record.text), f"contains {phrase!r}")
    for phrase in gold.get("text_must_not_contain", []):
        text.add(fold(phrase) not in fold(record.text), f"lacks {phrase!r}")
    scores.append(text)

    found_actors = Score("actors")
    for want in gold.get("actors", []):
        last = fold(want["name"]).split()[-1]
        ok = any(last in fold(a.name) and a.country == want.get("country") for a in record.actors)
        found_actors.add(ok, f"{want['name']} ({want.get('country')})")
    scores.append(found_actors)

    quotes = Score("quotes")
    for want in gold.get("quotes", []):
        ok = any(quote_matches(q, want, actors) for q in record.quotes)
        quotes.add(ok, f"{want['speaker']}: {want['phrase']!r}")
    scores.append(quotes)
    if gold.get("quotes_complete"):
        precision = Score("quote precision")
        for quote in record.quotes:
            ok = any(quote_matches(quote, want, actors) for want in gold.get("quotes", []))
            precision.add(ok, f"{quote.id}: {quote.text[:60]!r}")
        scores.append(precision)

    events = Score("events")
    for want in gold.get("events", []):
        types = want["type"] if isinstance(want["type"], list) else [want["type"]]
        ok = any(
            e.type in types
            and country_of(e.source, actors) == want.get("source")
            and country_of(e.target, actors) == want.get("target")
            for e in record.events
        )
        events.add(ok, f"{'/'.join(types)} {want.get('source')}->{want.get('target')}")
    scores.append(events)

    contested = Score("contested")
    claims = {c.id: c for c in record.claims}
    for pair in gold.get("contested", []):
        a, b = fold(pair["a"]), fold(pair["b"])
        ok = any(
            a in claimant_names(c, actors) and b in claimant_names(claims[o], actors)
            or b in claimant_names(c, actors) and a in claimant_names(claims[o], actors)
            for c in record.claims for o in c.contradicts if o in claims
        )
        contested.add(ok, f"{pair['a']} vs {pair['b']}")
    scores.append(contested)

    leaks = Score("no events from")
    for phrase in gold.get("must_not_events_from", []):
        ok = not any(fold(phrase) in fold(record.text[e.start:e.end]) for e in record.events)
        leaks.add(ok, phrase)
    scores.append(leaks)
    return scores


def claimant_names(claim, actors: dict[str, Any]) -> str:
    actor = actors.get(claim.claimant) if claim.claimant else None
    parts = [claim.claimant_text, actor.name if actor else None, actor.role if actor else None]
    return fold(" | ".join(p for p in parts if p))


def micro_totals(per_file: list[list[Score]]) -> list[Score]:
    """Found and total summed over every gold file, list by list: the figure to judge a change by."""
    totals: dict[str, Score] = {}
    for scores in per_file:
        for s in scores:
            total = totals.setdefault(s.name, Score(s.name))
            total.found += s.found
            total.total += s.total
    return list(totals.values())


def is_skipped(path: Path, patterns: tuple[str, ...]) -> bool:
    """``--skip moscow-times`` leaves out the founding article: a substring or a glob of the path."""
    return any(p in str(path) or fnmatch(path.name, p) for p in patterns)


def format_scores(name: str, scores: list[Score]) -> str:
    lines = [name]
    for s in scores:
        if not s.total:
            lines.append(f"  {s.name:<16} -")
            continue
        missed = f"  missed: {'; '.join(s.missed)}" if s.missed else ""
        lines.append(f"  {s.name:<16} {s.found:>3}/{s.total:<3} {s.ratio:.2f}{missed}")
    return "\n".join(lines)
