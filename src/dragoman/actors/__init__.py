"""Actors: every person, state, body and group an article names, resolved, coded and cited.

``add_actors`` finds the mentions (``mentions.py``), links pronouns and titles (``coref.py``),
and gathers mentions with the same key into one Actor, whose name is the fullest form seen and
whose role, country and code come from the most informative mention.
"""

from __future__ import annotations

from collections import Counter
from typing import Callable, Optional

from spacy.tokens import Doc, Span as TokenSpan

from dragoman.actors.coref import counterpart_links, description_mentions, pronoun_mentions, title_mentions
from dragoman.actors.context import dateline, is_domestic_role, leading_country, places_named, setting
from dragoman.actors.kb import KnowledgeBase, load_kb, normalise
from dragoman.actors.mentions import (Mention, candidate_spans, entity_labels, group_mentions, is_place, name_mention,
                                      span_label)
from dragoman.actors.people import People, add_person
from dragoman.doc_views import entities_in, sentence_of, text_of
from dragoman.record import Actor, Article, Span

DOMESTIC_BODIES = ("LEG", "COP", "JUD")


def find_mentions(doc: Doc, day: Optional[str]) -> list[Mention]:
    kb = load_kb()
    names: list[Mention] = []
    text = text_of(doc)
    labels = entity_labels(doc, kb)
    opening, _ = dateline(text, kb)  # the place and agency a story is filed from are not its actors
    spans = candidate_spans(doc, kb)
    named_people = People()  # so far: a later name may shorten an earlier one
    for span in [s for s in spans + repeated_names(doc, text, spans, labels) if s.start_char >= opening]:
        mention = name_mention(span, kb, day, named_people, labels)
        if mention is not None:
            names.append(mention)
            if mention.type == "person":
                add_person(named_people, mention)
    names = one_label_per_name([m for m in names if not is_title_of_next(m, names, text)])
    places = places_named(doc, kb)
    dated_in = setting(doc, places, kb)
    set_in = dated_in or leading_country(places, kb)
    names = [m for m in names if not is_shared_place_of(m, set_in, kb) and not is_uncued_armed_group(m, doc, kb)]
    owners = {t.i: m for m in names for t in tokens_of(doc, m)}
    taken = set(owners)
    people = [m for m in names if m.type == "person"]
    titles = list(title_mentions(doc, kb, people, taken))
    taken.update(t.i for m in titles for t in tokens_of(doc, m))
    groups = list(group_mentions(doc, kb, taken, owners))
    taken.update(t.i for g in groups for t in tokens_of(doc, g))
    links = counterpart_links(groups, people)
    groups = [links.get(i, g) for i, g in enumerate(groups)]
    others = sorted((m for m in names + groups if m.type not in ("person", None)), key=lambda m: m.first_token)
    pronouns = list(pronoun_mentions(doc, kb, people, others, taken))
    described = list(description_mentions(doc, kb, others, taken))
    mentions = sorted(names + titles + groups + pronouns + described, key=lambda m: (m.start, m.end))
    give_domestic_offices_the_setting(mentions, dated_in, kb)
    give_offices_the_country_named_with_them_before(mentions, kb)
    give_home_bodies_the_country_of_their_sentence(mentions, doc, kb)
    placed = [m for m in mentions if m.country and m.country_from != "context"]
    story = leading_country(places + Counter(m.country for m in placed), kb)
    people = leading_country(Counter(dict((m.key, m.country) for m in placed if m.type == "person").values()), kb)
    give_the_unplaced_the_focus(mentions, story, people, kb, international_staff(mentions, text))
    return mentions


def is_shared_place_of(mention: Mention, country: Optional[str], kb: KnowledgeBase) -> bool:
    """``Georgia`` in a story set in the US: a country's name that is also a subdivision of the
    story's country names that place, as "Texas" would, not the foreign state."""
    return (country is not None and mention.type == "state" and mention.country != country
            and country in kb.shared_places.get(normalise(mention.text), ()))


def is_uncued_armed_group(mention: Mention, doc: Doc, kb: KnowledgeBase) -> bool:
    """A country's rebel group only the Phoenix non-state dictionary knows (``TURREB``), named by one
    or two words that are no acronym, in a sentence with no word of arms or fighting
    (``armed_group_cues``): such aliases are often ordinary phrases ("Black Friday", "La Liga", the
    "Lightning" of a hockey score)."""
    if not (mention.kb_id or "").startswith("phoenix:") or (mention.code or "")[3:6] not in kb.armed_opposition:
        return False  # the international militant groups (IMG...: "Da'esh") are named as such
    words = mention.text.split()
    if len(words) > 2 or any(w.isupper() and len(w) > 1 for w in words):
        return False  # "Liberation Tigers of Tamil Eelam", "UNITA": a name no phrase of daily life shares
    return not any(t.lower_ in kb.armed_group_cues for t in sentence_of(doc[mention.first_token]))


def give_domestic_offices_the_setting(mentions: list[Mention], country: Optional[str], kb: KnowledgeBase) -> None:
    """A senator, governor, teacher or police force the text ties to no country serves the country
    the story is set in (its dateline's, or that of every place it names), at a lower confidence.
    Foreign-facing offices and armed forces get nothing this way: "the Foreign Secretary" or
    "opposition forces" in a story datelined abroad keep no country."""
    if country is None:
        return
    tied = {m.key for m in mentions if m.country}
    for mention in mentions:
        if mention.country or mention.key in tied:
            continue
        domestic = (is_domestic_role(mention.role, kb) if mention.type == "person"
                    else (mention.code or "")[3:6] in DOMESTIC_BODIES or kb.sector_of(mention.name) in DOMESTIC_BODIES)
        if domestic:
            infer_country(mention, country, kb.sector_of(mention.role or mention.name), kb)


def infer_country(mention: Mention, country: str, sector: Optional[str], kb: KnowledgeBase, grounds: str = "context") -> None:
    """Give ``mention`` a country the text implies but does not state, saying so; ``grounds`` (the
    setting, or only the story's focus) sets its confidence (``conventions.json``)."""
    mention.country, mention.country_from = country, "context"
    mention.confidence = kb.inferred_country_confidence[grounds]
    mention.code = f"{country}{sector or ''}"


def office(mention: Mention, kb: KnowledgeBase) -> Optional[str]:
    """The portfolio a mention names, without its country: ``Austria's interior minister``,
    ``Interior Minister Wolfgang Peschorn`` and ``the Interior Ministry`` all name ``interior minister``;
    None for a bare ``minister`` (pronoun-like, linked elsewhere) or no office at all."""
    words = normalise(mention.role or mention.name).replace("ministry", "minister").split()
    words = [w for w in words if w not in ("'s", "’s") and not kb.country_of_word(w)]
    phrase = " ".join(words)
    return phrase if len(words) > 1 and phrase in kb.titles else None


def give_offices_the_country_named_with_them_before(mentions: list[Mention], kb: KnowledgeBase) -> None:
    """A portfolio the text gave a country once keeps it: after "Austria's interior minister said",
    "Interior Minister Wolfgang Peschorn" and "the Interior Ministry" are Austria's."""
    known: dict[str, Mention] = {}
    tied = {m.key for m in mentions if m.country}
    for mention in mentions:
        portfolio = office(mention, kb)
        if portfolio is None:
            continue
        if mention.country and mention.country_from != "context":
            known[portfolio] = mention
        elif mention.country is None and mention.key not in tied and portfolio in known:
            infer_country(mention, known[portfolio].country, kb.sector_of(portfolio), kb)


def give_home_bodies_the_country_of_their_sentence(mentions: list[Mention], doc: Doc, kb: KnowledgeBase) -> None:
    """Police, protesters or a court the text ties to no country are that of the one country whose
    places their sentence names: "police said the demonstrators inside the Polytechnic University in
    Hong Kong" are Hong Kong's (bodies that sit at home act where they are). Only a place after a
    locative preposition says where: "Ukraine President Zelenskiy" or "a need for Ukraine to act"
    name a party, not the scene."""
    tied = {m.key for m in mentions if m.country}
    for mention in mentions:
        if mention.country or mention.key in tied or not is_home_body(mention, kb):
            continue
        sentence = doc[mention.first_token].sent
        countries = {kb.country_of_place(ent.text) for ent in entities_in(sentence)
                     if ent.label_ in ("GPE", "LOC") and is_place(ent, kb)} - {None}
        if len(countries) == 1:
            infer_country(mention, countries.pop(), kb.sector_of(mention.name.split()[-1]), kb)


def is_home_body(mention: Mention, kb: KnowledgeBase) -> bool:
    """A body of a sector that acts at home (police, protesters, a ministry), by what its name and its
    head noun are as group nouns, else by its type."""
    if mention.type == "person" or mention.role and not is_domestic_role(mention.role, kb):
        return False
    sectors = {kb.sector_of(mention.name), kb.sector_of(mention.name.split()[-1])} - {None}
    if sectors:  # "defence ministry" is the military's, "opposition forces" are forces
        return sectors <= kb.focus_sectors
    return mention.type in {kb.sector_types[s] for s in kb.focus_sectors}


def international_staff(mentions: list[Mention], text: str) -> set[str]:
    """People whose title names an international body (``United Nations spokesman Farhan Haq``):
    they serve no one country, whatever the story is about."""
    bodies = [m.end for m in mentions if m.type == "international organisation"]
    return {m.key for m in mentions if m.type == "person"
            and any(0 < m.start - end <= 40 and len(text[end:m.start].split()) <= 3
                    and not any(c in text[end:m.start] for c in ",.;:()") for end in bodies)}


def give_the_unplaced_the_focus(mentions: list[Mention], story: Optional[str], people: Optional[str],
                                kb: KnowledgeBase, staff: set[str]) -> None:
    """What the text ties to no country, at the lowest confidence we give: a home body (police,
    protesters, a ministry) takes the country the story's places and actors name most, ``story``
    ("the police" in a Hong Kong story); a person takes the country of most of the story's people,
    ``people`` (Fiona Hill among Sondland, Trump and Giuliani). Both only where one country leads
    clearly; groups of other kinds (rebels, troops, a company) keep no country."""
    tied = {m.key for m in mentions if m.country}
    for mention in mentions:
        if mention.country or mention.key in tied:
            continue
        if mention.role and not is_domestic_role(mention.role, kb) or mention.key in staff:
            continue  # "the Foreign Secretary" in a story set abroad is likely not its country's
        country = people if mention.type == "person" else story if is_home_body(mention, kb) else None
        if country is not None:
            infer_country(mention, country, kb.sector_of(mention.role or mention.name), kb, "focus")


def one_label_per_name(names: list[Mention]) -> list[Mention]:
    """The recogniser may call the same name a person once and an organisation elsewhere
    ("Scooter Braun"); a name that is a person anywhere in the article is that person everywhere."""
    people = {normalise(m.name): m for m in names if m.type == "person"}
    for mention in names:
        person = people.get(normalise(mention.name))
        if person is not None and mention.type != "person" and mention.key.startswith("org:"):
            mention.key, mention.type, mention.name = person.key, "person", person.name
    return names


def repeated_names(doc: Doc, text: str, spans: list[TokenSpan],
                   labels: dict[tuple[int, int], str]) -> list[TokenSpan]:
    """Names of two or more words seen once are names wherever they recur, even where the
    entity recogniser missed them (``Big Machine have twice denied ...``); so is a person's last
    name after their full name (``Officers arrested Webb``)."""
    taken = {i for span in spans for i in range(span.start, span.end)}
    named = {s.text: span_label(s, labels) for s in spans if len(s) > 1 and s[0].is_title}
    found = []
    for name, label in named.items():
        start = text.find(name)
        while start >= 0:
            span = doc.char_span(start, start + len(name), label=label)
            if span is not None and not taken.intersection(range(span.start, span.end)):
                found.append(span)
                taken.update(range(span.start, span.end))
            start = text.find(name, start + 1)
    surnames: dict[str, int] = {}  # a person's last name, after the first time they are named in full
    for s in spans:
        if len(s) > 1 and span_label(s, labels) == "PERSON" and s[-1].is_title and s.root.dep_ != "compound":  # not "Off Dell Alienware"
            surnames.setdefault(s[-1].text, s.end)
    for token in doc:  # "Officers arrested Webb in the hallway": the recogniser missed the man named before
        if token.text in surnames and token.i >= surnames[token.text] and token.pos_ == "PROPN" and token.i not in taken:
            found.append(doc.char_span(token.idx, token.idx + len(token), label="PERSON"))
            taken.add(token.i)
    return found


def tokens_of(doc: Doc, mention: Mention):
    return doc.char_span(mention.start, mention.end, alignment_mode="expand") or []


def is_title_of_next(mention: Mention, names: list[Mention], text: str) -> bool:
    """``US President`` before ``Donald Trump``, ``British Defence`` before ``Secretary Tom King``:
    part of the title of the person named next, not an actor of its own."""
    if mention.type in ("person", "state"):
        return False
    following = [m for m in names if m.start >= mention.end and m.type == "person"]
    if not following:
        return False
    gap = text[mention.end:min(m.start for m in following)].split()
    return len(gap) <= 3 and all(w[:1].isupper() and not w.endswith((",", ".")) for w in gap)


def build_actors(mentions: list[Mention]) -> list[Actor]:
    actors: dict[str, Actor] = {}
    for mention in mentions:
        actor = actors.get(mention.key)
        if actor is None:
            actor = actors[mention.key] = Actor(id=f"a{len(actors) + 1}", name=mention.name, type=mention.type)
        if len(mention.name) > len(actor.name):
            actor.name = mention.name
        actor.type = actor.type or mention.type
        actor.role = actor.role or mention.role
        actor.code = actor.code or mention.code
        actor.kb_id = actor.kb_id or mention.kb_id
        if actor.country is None and mention.country is not None:
            actor.country, actor.country_from, actor.confidence = mention.country, mention.country_from, mention.confidence
        elif actor.country_from == "context" and mention.country_from not in (None, "context"):
            actor.country, actor.country_from, actor.confidence = mention.country, mention.country_from, mention.confidence
        actor.mentions.append(Span(mention.start, mention.end, mention.text))
    return list(actors.values())


def add_actors(article: Article, doc: Doc) -> Article:
    article.actors = build_actors(find_mentions(doc, article.published))
    return article


def give_armed_groups_the_country_they_fight(fights: list[tuple[Optional[Actor], Optional[Actor]]]) -> None:
    """Rebels are the rebels of the government they fight (CAMEO's SYRREB): an armed group the text
    gives no country, attacking or attacked by government bodies or officials of one country only
    (``rebels advance on President Assad's seat``), gets that country, from context. Fighting a
    state, or governments of two countries, says nothing: a foreign power may fight anyone."""
    kb = load_kb()
    against: dict[str, tuple[Actor, set[str]]] = {}
    for a, b in fights:
        for group, other in ((a, b), (b, a)):
            if group is None or other is None or group.country or not other.country:
                continue
            if group.kb_id is None and group_sector(group.name, kb) in kb.armed_opposition and (
                    (other.code or "")[3:6] in kb.fought_sectors
                    or other.type in {kb.sector_types[s] for s in kb.fought_sectors}):
                against.setdefault(group.id, (group, set()))[1].add(other.country)
    give_the_one_country(against, lambda group: group_sector(group.name, kb), kb)


def give_local_bodies_the_place_they_act(acts: list[tuple[Optional[Actor], Optional[str]]]) -> None:
    """Police, courts, crowds and civilians the text gives no country are of the place where
    they act ("police fired tear gas at protesters in La Paz": Bolivian police and protesters),
    from context, when all their acts happen in one country."""
    kb = load_kb()
    sectors = {kb.sector_types[s]: s for s in sorted(kb.focus_sectors)}
    places: dict[str, tuple[Actor, set[str]]] = {}
    for actor, country in acts:
        if actor is not None and country and actor.country is None and actor.kb_id is None and actor.type in sectors:
            places.setdefault(actor.id, (actor, set()))[1].add(country)
    give_the_one_country(places, lambda actor: sectors.get(actor.type), kb)


def give_the_one_country(found: dict[str, tuple[Actor, set[str]]], sector: Callable[[Actor], Optional[str]],
                         kb: KnowledgeBase) -> None:
    """Each actor whose acts all point to one country gets it, from context, at the inferred
    confidence, coded with its ``sector``."""
    for actor, countries in found.values():
        if len(countries) == 1:
            country = next(iter(countries))
            actor.country, actor.country_from = country, "context"
            actor.confidence = kb.inferred_country_confidence["context"]
            actor.code = f"{country}{sector(actor) or ''}"


def group_sector(name: str, kb: KnowledgeBase) -> Optional[str]:
    """The sector of a group noun's name, by its longest known ending (``Islamist-led rebel groups``)."""
    words = name.split()
    return next((kb.group_nouns.get(normalise(" ".join(words[i:]))) for i in range(len(words))
                 if normalise(" ".join(words[i:])) in kb.group_nouns), None)


def next_actor_id(article: Article) -> str:
    """An id no actor of the article has: the events stage drops the unnamed parties it made
    whose act was read away, which can leave gaps."""
    return f"a{max((int(a.id[1:]) for a in article.actors if a.id[1:].isdigit()), default=0) + 1}"


def add_state_actor(article: Article, iso3: Optional[str], start: int, end: int) -> Optional[Actor]:
    """The article's actor for country ``iso3``; added, cited at ``start``..``end`` with a lower
    confidence, when another stage finds the country named only as a place or an adjective.
    Only this stage makes actors: the others ask for them here."""
    existing = next((a for a in article.actors if a.type == "state" and a.country == iso3), None)
    if existing is not None or not iso3:
        return existing
    country = load_kb().countries.get(iso3)
    if country is None:
        return None
    actor = Actor(id=next_actor_id(article), name=country.name, type="state", country=iso3, code=iso3,
                  confidence=0.5, mentions=[Span(start, end, article.text[start:end])],
                  kb_id=f"country:{iso3}", country_from="text")
    article.actors.append(actor)
    return actor


def add_crowd_actor(article: Article, name: str, iso3: Optional[str], sector: Optional[str],
                    start: int, end: int, from_focus: bool = False) -> Actor:
    """An unnamed crowd the events stage finds protesting ("thousands of textile workers in
    Haiti"): an actor of its own, of the sector its noun names (labour, education; civilians
    otherwise) and of the country where it protests (``from_focus``: only the story's)."""
    kb = load_kb()
    sector = sector if sector in kb.sector_types else "CVL"
    confidence = kb.inferred_country_confidence["focus" if from_focus else "context"] if iso3 else 1.0
    actor = Actor(id=next_actor_id(article), name=name, type=kb.sector_types[sector], country=iso3,
                  code=f"{iso3}{sector}" if iso3 else None, confidence=confidence,
                  mentions=[Span(start, end, article.text[start:end])], country_from="context" if iso3 else None)
    article.actors.append(actor)
    return actor
