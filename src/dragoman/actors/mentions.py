"""Find who an article names: people, states, governments, organisations and groups.

Names come from spaCy's entities and from the knowledge base's aliases (longest first, so
"UN Security Council" wins over "UN"); the words around a name give its role and country
("Russian Foreign Minister Sergei Lavrov", "Qatar's Prime Minister ..."); group nouns ("the
defence ministry", "Iraqi and Syrian counterparts", "the rebels") become actors of the country
their modifiers name, or of the article's main country with a lower confidence. Each mention
carries a ``key``: mentions with the same key are the same actor.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Iterator, Optional

from spacy.tokens import Doc, Span, Token

from dragoman.actors.kb import Entry, KnowledgeBase, normalise

NAME_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
MAX_ALIAS_TOKENS = 8
INFERRED_COUNTRY_CONFIDENCE = 0.6
INFERABLE_SECTORS = ("GOV", "MIL", "REB", "OPP", "COP", "LEG")
GOVERNMENT_NOUNS = ("government", "administration", "regime", "authority")


@dataclass
class Mention:
    start: int
    end: int
    text: str
    key: str
    name: str
    type: Optional[str] = None
    country: Optional[str] = None
    role: Optional[str] = None
    code: Optional[str] = None
    confidence: float = 1.0
    first_token: int = 0


def span_label(span: Span) -> str:
    """The entity label of a name: its own, or that of an entity with exactly its extent (a
    partial entity inside it, "Islamic" in "Islamic State", says nothing about it)."""
    return span.label_ or next((e.label_ for e in span.ents if (e.start, e.end) == (span.start, span.end)), "")


def strip_span(span: Span) -> Span:
    """Drop a leading article and a trailing possessive: ``the UN Security Council's``."""
    start, end = span.start, span.end
    while start < end and span.doc[start].lower_ in ("the", "a", "an"):
        start += 1
    while end > start and span.doc[end - 1].lower_ in ("'s", "\u2019s", "'", "\u2019"):
        end -= 1
    return span.doc[start:end]


def candidate_spans(doc: Doc, kb: KnowledgeBase) -> list[Span]:
    """Entity spans and knowledge-base alias matches, longest first, never overlapping."""
    in_entity = {t.i for ent in doc.ents for t in ent}
    found = [strip_span(ent) for ent in doc.ents if ent.label_ in NAME_LABELS]
    tokens = list(doc)
    words = [t.text_with_ws for t in tokens]
    for i, token in enumerate(tokens):
        if not (token.is_title or token.is_upper) or token.is_punct:
            continue
        for n in range(min(MAX_ALIAS_TOKENS, len(tokens) - i), 0, -1):
            last = tokens[i + n - 1]
            if last.is_punct or any(t.is_space for t in tokens[i:i + n]):
                continue
            key = normalise("".join(words[i:i + n]))
            if key in kb.aliases or key in kb.country_names or key in kb.seats:
                if n > 1 or i in in_entity or (token.is_upper and len(token) > 1):
                    found.append(strip_span(doc[i:i + n]))
                break
    taken: set[int] = set()
    chosen = []
    for span in sorted((s for s in found if len(s)), key=lambda s: (-len(s), s.start)):
        if not taken.intersection(range(span.start, span.end)):
            taken.update(range(span.start, span.end))
            chosen.append(span)
    return sorted(chosen, key=lambda s: s.start)


def is_place(span: Span, kb: KnowledgeBase) -> bool:
    """``in Doha``, ``near Damascus``: a place, not an actor."""
    root = span.root
    return root.dep_ == "pobj" and root.head.lower_ in kb.locative


def is_modifier(span: Span) -> bool:
    """``the Astana process``, ``a Doha gathering``: a name modifying a common noun names no actor."""
    root = span.root
    return root.dep_ in ("compound", "amod") and root.head.i >= span.end and root.head.pos_ == "NOUN"


def best_entry(entries: list[Entry], day: Optional[str], person: bool, country: Optional[str]) -> Entry:
    """The entry a name most likely means: of the country the text says, current, curated."""
    def rank(entry: Entry) -> tuple:
        role = entry.role_on(day)
        return (bool(country and role and role.country == country), entry.key.startswith("curated"),
                (entry.type == "person") == person, bool(role and role.valid_on(day)))
    return max(entries, key=rank)


def title_context(doc: Doc, start: int, kb: KnowledgeBase) -> tuple[Optional[str], Optional[str]]:
    """Role and country from the words before a name: ``Qatar's Prime Minister Sheikh``."""
    words: list[Token] = []
    j = start - 1
    while j >= 0 and start - j <= 7:
        token = doc[j]
        if token.lower_ in ("'s", "\u2019s") or normalise(token.text) in kb.honorifics:
            words.insert(0, token)
        elif token.is_title or token.lower_ in ("former", "then", "acting", "deputy", "foreign", "defence",
                                                "defense", "prime", "minister", "president", "interior"):
            words.insert(0, token)
        else:
            break
        j -= 1
    role = country = None
    lowered = [normalise(w.text) for w in words]
    for size in range(len(words), 0, -1):
        for i in range(len(words) - size + 1):
            phrase = " ".join(lowered[i:i + size])
            if role is None and phrase in kb.titles:
                role = " ".join(w.text for w in words[i:i + size])
    for word in words:
        country = country or kb.country_of_word(word.text)
    return role, country


def appositive_context(span: Span, kb: KnowledgeBase) -> tuple[Optional[str], Optional[str]]:
    """Role and country from an appositive after a name: ``Hakan Fidan, Turkey's foreign minister,``."""
    doc = span.doc
    if span.end >= len(doc) or doc[span.end].text != ",":
        return None, None
    words = []
    for token in doc[span.end + 1: span.end + 8]:
        if token.is_punct and token.text not in ("'s",):
            break
        words.append(token)
    text = normalise(" ".join(w.text for w in words))
    role = next((t for t in sorted(kb.titles, key=len, reverse=True) if f" {t} " in f" {text} "), None)
    if role is None:
        return None, None
    country = next((kb.country_of_word(w.text) for w in words if kb.country_of_word(w.text)), None)
    return role, country


def surname(name: str) -> str:
    """The last name, with Arabic particles folded: ``Bashar al-Assad`` -> ``assad``."""
    words = normalise(name).split()
    return words[-1] if words else ""


def name_mention(span: Span, kb: KnowledgeBase, day: Optional[str], people: list[Mention]) -> Optional[Mention]:
    """What a name refers to, or None when it is a place, a demonym or a mere modifier."""
    text = span.text
    key = normalise(text)
    label = span_label(span)
    if label == "PERSON" and len(span) > 1 and normalise(span[-1].text) in kb.organisation_words:
        label = "ORG"  # "Dick Clark Productions"
    base = dict(start=span.start_char, end=span.end_char, text=text, first_token=span.start)
    entries = kb.lookup(text)
    if is_modifier(span) and not any(e.type != "state" for e in entries) and label != "PERSON":
        return None
    if key in kb.country_names and not entries:
        iso3 = kb.country_names[key]
        return Mention(**base, key=f"state:{iso3}", name=kb.countries[iso3].name, type="state",
                       country=iso3, code=iso3)
    if key in kb.seats and not entries:
        return None if is_place(span, kb) else seat_mention(base, kb.seats[key], kb)
    if key in kb.demonyms or label == "NORP":
        return nationals_mention(base, span, kb)
    earlier = same_person(key, people) if label == "PERSON" or len(span) == 1 else None
    if earlier is not None:
        return Mention(**base, key=earlier.key, name=earlier.name, type="person")
    role, country = title_context(span.doc, span.start, kb)
    if role is None:
        role, country = appositive_context(span, kb)
    country = country or country_after(span, kb)
    if entries:
        entry = best_entry(entries, day, label == "PERSON", country)
        kb_role = entry.role_on(day)
        if country is None or kb_role is None or kb_role.country in (None, country):
            code = kb_role.code if kb_role else None
            curated = entry.key.startswith("curated")
            name = entry.name if curated else text
            kind = "person" if label == "PERSON" and not curated else entry.type or kb.type_of(code)
            return Mention(**base, key=entry.key, name=name, type=kind,
                           country=(kb_role.country if kb_role else None) or country,
                           role=(kb_role.title if kb_role and kb_role.title else role), code=code)
    if label in ("GPE", "LOC", "FAC"):
        return None
    if label == "PERSON" or (entries and entries[0].type == "person"):
        sector = kb.sector_of(role) if role else None
        return Mention(**base, key=f"person:{key}", name=text, type="person", country=country, role=role,
                       code=f"{country}{sector or ''}" if country else None)
    country = country or next((kb.country_of_word(t.text) for t in span if kb.country_of_word(t.text)), None)
    sector = kb.sector_of(span[-1].text)
    return Mention(**base, key=f"org:{key}", name=text, type=kb.sector_types.get(sector or "", "organisation"),
                   country=country, code=f"{country}{sector}" if country and sector else None)


def same_person(key: str, people: list[Mention]) -> Optional[Mention]:
    """An earlier person of the article this name shortens: ``Lavrov`` after ``Sergei Lavrov``,
    never another one of the family (``Tamim ... Al-Thani`` after ``Mohammed ... Al-Thani``)."""
    words = set(key.split())
    for earlier in reversed(people):
        full = normalise(earlier.name).split()
        if words and words < set(full) and surname(key) == full[-1]:
            return earlier
    return None


def seat_mention(base: dict, iso3: str, kb: KnowledgeBase) -> Mention:
    """``Moscow and Tehran have offered``: a capital acting stands for its government."""
    country = kb.countries[iso3]
    name = f"{country.demonym} government" if country.demonym else f"Government of {country.name}"
    return Mention(**base, key=f"gov:{iso3}", name=name, type="government", country=iso3,
                   code=f"{iso3}GOV", confidence=0.8)


def nationals_mention(base: dict, span: Span, kb: KnowledgeBase) -> Optional[Mention]:
    """``the Palestinians``: a demonym standing alone as a noun names the country's side."""
    root = span.root
    iso3 = kb.country_of_word(span.text)
    if iso3 is None or root.pos_ not in ("NOUN", "PROPN") or root.dep_ in ("amod", "compound"):
        return None
    return Mention(**base, key=f"state:{iso3}", name=kb.countries[iso3].name, type="state", country=iso3,
                   code=iso3, confidence=0.8)


def country_after(span: Span, kb: KnowledgeBase) -> Optional[str]:
    """``King Hassan of Morocco``: the country named right after a name."""
    doc = span.doc
    if span.end + 1 < len(doc) and doc[span.end].lower_ == "of":
        return kb.country_names.get(normalise(doc[span.end + 1].text))
    return None


def group_phrase(token: Token, kb: KnowledgeBase) -> Optional[tuple[str, str, list[Token]]]:
    """A group noun with its modifiers: (phrase, sector, modifier tokens).

    Curated group nouns (``rebels``, ``defence ministry``) count on their own; any other agent
    noun of the Phoenix dictionaries (``negotiators``, ``peacekeepers``) only with a country
    modifier (``Russian negotiators``), which keeps ordinary nouns out.
    """
    modifiers = [c for c in token.children if c.dep_ in ("compound", "amod", "nmod") and c.i < token.i]
    for size in range(len(modifiers), -1, -1):
        words = modifiers[len(modifiers) - size:] + [token]
        phrase = normalise(" ".join(w.text for w in words))
        sector = (kb.group_nouns.get(phrase) or kb.group_nouns.get(singular(phrase))
                  or (kb.titles.get(phrase) if size else None))
        if sector:
            return " ".join(w.text for w in words), sector, modifiers
    sector = (kb.titles.get(normalise(token.text)) or kb.agents.get(normalise(token.text))
              or kb.agents.get(singular(normalise(token.text))))
    named = [*modifiers, *of_countries(token)]
    if sector and any(kb.country_of_word(m.text) or normalise(m.text) in kb.seats for m in named):
        return token.text, sector, modifiers
    return None


def of_countries(token: Token) -> list[Token]:
    """``the president of Armenia``, ``a court in Guyana``: the object of ``of``/``in`` after a noun."""
    return [g for c in token.children if c.lower_ in ("of", "in") and c.i > token.i
            for g in c.children if g.dep_ == "pobj"]


def modifier_countries(token: Token, modifiers: list[Token], kb: KnowledgeBase,
                       owners: dict[int, Mention]) -> list[tuple[str, Token]]:
    """Countries a group noun's modifiers name, each with the word that names it:
    ``Iraqi and Syrian``, ``Qatar's``, ``Assad's``, ``Khartoum``."""
    countries = []
    for child in [*modifiers, *(c for c in token.children if c.dep_ == "poss"), *of_countries(token)]:
        for word in [child, *(c for c in child.conjuncts)]:
            iso3 = kb.country_of_word(word.text) or kb.seats.get(normalise(word.text))
            if iso3 is None and word.i in owners:
                iso3 = owners[word.i].country
            if iso3 and iso3 not in (c for c, _ in countries):
                countries.append((iso3, word))
    return countries


def group_mentions(doc: Doc, kb: KnowledgeBase, taken: set[int], owners: dict[int, Mention],
                   main_country: Optional[str]) -> Iterator[Mention]:
    for token in doc:
        if token.i in taken or token.pos_ not in ("NOUN", "PROPN") or token.dep_ == "compound":
            continue
        found = group_phrase(token, kb)
        if found is None:
            continue
        phrase, sector, modifiers = found
        start = min([token.i, *(m.i for m in modifiers if m.dep_ != "poss")])
        span = doc[start:token.i + 1]
        if token.dep_ == "appos" and token.head.i in owners:
            owner = owners[token.head.i]
            yield Mention(start=span.start_char, end=span.end_char, text=span.text, key=owner.key, name=owner.name,
                          type=owner.type, confidence=0.9, first_token=start)
            continue
        countries = modifier_countries(token, modifiers, kb, owners)
        confidence = 1.0
        if not countries and main_country and sector in INFERABLE_SECTORS and not names_a_bloc(token, modifiers, kb):
            countries, confidence = [(main_country, None)], INFERRED_COUNTRY_CONFIDENCE
        head = singular(normalise(phrase))
        for iso3, word in countries or [(None, None)]:
            key = f"gov:{iso3}" if iso3 and head in GOVERNMENT_NOUNS else f"group:{iso3}:{sector}:{head}"
            demonym = kb.countries[iso3].demonym if iso3 else None
            if demonym:
                name = phrase if kb.country_of_word(phrase.split()[0]) else f"{demonym} {phrase}"
            else:
                name = strip_span(span).text  # "Western governments", as written
            cited = word if len(countries) > 1 and word is not None else span
            yield Mention(start=cited.idx if isinstance(cited, Token) else cited.start_char,
                          end=cited.idx + len(cited) if isinstance(cited, Token) else cited.end_char,
                          text=cited.text, key=key, name=name, type=kb.sector_types.get(sector, "group"),
                          country=iso3, role=phrase if normalise(phrase) in kb.titles else None,
                          code=f"{iso3}{sector}" if iso3 else None, confidence=confidence,
                          first_token=cited.i if isinstance(cited, Token) else start)


def singular(phrase: str) -> str:
    """``rebel groups`` -> ``rebel group``, ``authorities`` -> ``authority``: for keys only."""
    if phrase.endswith("ies"):
        return phrase[:-3] + "y"
    return phrase[:-1] if phrase.endswith("s") and not phrase.endswith("ss") else phrase


def names_a_bloc(token: Token, modifiers: list[Token], kb: KnowledgeBase) -> bool:
    """``Western governments``, ``Arab states``, ``our forces``: no single country to infer."""
    if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in token.children):
        return True
    return any(m.text.istitle() and not kb.country_of_word(m.text) for m in modifiers if m.dep_ == "amod")


def main_country(mentions: list[Mention]) -> Optional[str]:
    """The country an article is most about: the one its actors most often belong to."""
    counts = Counter(m.country for m in mentions if m.country)
    return counts.most_common(1)[0][0] if counts else None
