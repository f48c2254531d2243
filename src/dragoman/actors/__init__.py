"""Actors: every person, state, body and group an article names, resolved, coded and cited.

``add_actors`` finds the mentions (``mentions.py``), links pronouns and titles (``coref.py``),
and gathers mentions with the same key into one Actor, whose name is the fullest form seen and
whose role, country and code come from the most informative mention.
"""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc

from dragoman.actors.coref import counterpart_links, pronoun_mentions, title_mentions
from dragoman.actors.kb import load_kb
from dragoman.actors.mentions import Mention, candidate_spans, group_mentions, main_country, name_mention
from dragoman.record import Actor, Article, Span


def find_mentions(doc: Doc, day: Optional[str]) -> list[Mention]:
    kb = load_kb()
    mentions: list[Mention] = []
    owners: dict[int, Mention] = {}
    taken: set[int] = set()
    for span in candidate_spans(doc, kb):
        mention = name_mention(span, kb, day, [m for m in mentions if m.type == "person"])
        if mention is None:
            continue
        mentions.append(mention)
        taken.update(range(span.start, span.end))
        owners.update({i: mention for i in range(span.start, span.end)})
    title_tokens = {t.i for m in mentions for t in doc.char_span(m.start, m.end, alignment_mode="expand") or []}
    groups = [g for g in group_mentions(doc, kb, taken | title_tokens, owners, main_country(mentions))
              if not overlaps_title(g, doc, mentions)]
    taken.update(t.i for g in groups for t in doc.char_span(g.start, g.end, alignment_mode="expand") or [])
    people = sorted((m for m in mentions if m.type == "person"), key=lambda m: m.first_token)
    links = counterpart_links(groups, people)
    mentions += [links.get(i, g) for i, g in enumerate(groups)]
    mentions += list(pronoun_mentions(doc, kb, people, taken))
    mentions += list(title_mentions(doc, kb, people, taken))
    return sorted(mentions, key=lambda m: (m.start, m.end))


def overlaps_title(group: Mention, doc: Doc, mentions: list[Mention]) -> bool:
    """A title word right before a name (``Foreign Minister`` Sergei Lavrov) is not a group."""
    following = [m for m in mentions if 0 <= m.start - group.end <= 1]
    return bool(following) and following[0].type == "person"


def build_actors(mentions: list[Mention]) -> list[Actor]:
    actors: dict[str, Actor] = {}
    for mention in mentions:
        actor = actors.get(mention.key)
        if actor is None:
            actor = actors[mention.key] = Actor(id=f"a{len(actors) + 1}", name=mention.name, type=mention.type,
                                                confidence=mention.confidence)
        if len(mention.name) > len(actor.name):
            actor.name = mention.name
        actor.type = actor.type or mention.type
        actor.country = actor.country or mention.country
        actor.role = actor.role or mention.role
        actor.code = actor.code or mention.code
        actor.confidence = max(actor.confidence, mention.confidence)
        actor.mentions.append(Span(mention.start, mention.end, mention.text))
    return list(actors.values())


def add_actors(article: Article, doc: Doc) -> Article:
    article.actors = build_actors(find_mentions(doc, article.published))
    return article


def actor_at(article: Article, start: int, end: int) -> Optional[Actor]:
    """The actor one of whose mentions lies within ``start``..``end`` of the text, the first found."""
    for actor in article.actors:
        for mention in actor.mentions:
            if start <= mention.start and mention.end <= end:
                return actor
    return None
