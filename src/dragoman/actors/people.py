"""The people an article has named so far, and which of them a later name shortens (``Lavrov``
after ``Sergei Lavrov``).

Every name is asked about every earlier person, so the people are kept by the last and the first
word of their names: walking all of them per name made the actors stage grow with the square of
an article's people (a list of 400 names in one of the 120 benchmark bodies).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Optional

from dragoman.actors.kb import KnowledgeBase, normalise
from dragoman.mention_index import without_suffixes

if TYPE_CHECKING:
    from dragoman.actors.mentions import Mention


@dataclass
class People:
    """Person mentions in text order, by the last word of their names and, for names of two words
    or more, by the first."""

    by_family: dict[str, list[Mention]] = field(default_factory=dict)
    by_first: dict[str, list[Mention]] = field(default_factory=dict)


def add_person(people: People, mention: Mention) -> None:
    full, _ = name_words(mention.name)
    if full:
        people.by_family.setdefault(full[-1], []).append(mention)
    if len(full) > 1:
        people.by_first.setdefault(full[0], []).append(mention)


def same_person(key: str, people: People, kb: KnowledgeBase) -> Optional[Mention]:
    """An earlier person of the article this name shortens: ``Lavrov`` or ``Mr Lavrov`` after
    ``Sergei Lavrov``, never another one of the family (``Tamim ... Al-Thani`` after ``Mohammed ...
    Al-Thani``); a first name alone (``Angela``) when one person only was introduced with it."""
    words = [w for w in key.split() if w not in kb.honorifics]
    if not words:
        return None
    wanted = set(words)
    tried = set()
    for earlier in reversed(people.by_family.get(words[-1], ())):  # the latest first, each name tried once
        if earlier.name in tried:
            continue
        tried.add(earlier.name)
        if wanted < name_words(earlier.name)[1]:
            return earlier
    if len(words) == 1:
        firsts = {m.key: m for m in people.by_first.get(words[0], ())}
        if len(firsts) == 1:
            return next(iter(firsts.values()))
    return None


@lru_cache(maxsize=1 << 14)
def name_words(name: str) -> tuple[tuple[str, ...], frozenset[str]]:
    """A name's normal words, in order and as a set (asked for every pair of people in a story),
    without a generational suffix: "Patrick W. Carlineo Jr." is shortened to "Carlineo"."""
    words = tuple(without_suffixes(normalise(name).split()))
    return words, frozenset(words)
