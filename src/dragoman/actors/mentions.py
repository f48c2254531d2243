"""Find who an article names: people, states, governments, organisations and groups.

Names come from spaCy's entities and from the knowledge base's aliases (longest first, so
"UN Security Council" wins over "UN"); the words around a name give its role and country
("Russian Foreign Minister Sergei Lavrov", "Qatar's Prime Minister ..."); group nouns ("the
defence ministry", "Iraqi and Syrian counterparts", "the rebels") become actors of the country
their modifiers name, and of no other (domestic offices may take the story's setting, rebels the
country of the government they fight: see ``dragoman.actors``). Each mention carries a ``key``:
mentions with the same key are the same actor.
"""

from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass
from typing import Iterator, Optional

from spacy.tokens import Doc, Span, Token

from dragoman.actors.context import Found, around_name, country_in_name, longer_place_ending_at
from dragoman.actors.kb import Entry, KnowledgeBase, normalise
from dragoman.actors.people import People, same_person
from dragoman.data_files import load_json
from dragoman.doc_views import entities_of, indices_of_pos, punct_and_space, text_of, token_texts

NAME_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
MAX_ALIAS_TOKENS = 8
CITATION = re.compile(r"^\.?\[\d*\]?$")
TRAILING_POSSESSIVES = ("'s", "\u2019s", "'", "\u2019")


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
    kb_id: Optional[str] = None
    country_from: Optional[str] = None


def entity_labels(doc: Doc, kb: KnowledgeBase) -> dict[tuple[int, int], str]:
    """Every entity's label by its token extent, built once per document; a person's name the
    recogniser calls an organisation is relabelled (see ``is_person_called_organisation``)."""
    labels = {(ent.start, ent.end): ent.label_ for ent in entities_of(doc)}
    surnames = {normalise(ent[-1].text) for ent in entities_of(doc) if ent.label_ == "PERSON"}
    for ent in entities_of(doc):
        if ent.label_ == "ORG" and is_person_called_organisation(ent, surnames, kb):
            labels[(ent.start, ent.end)] = "PERSON"
    return labels


def is_person_called_organisation(ent: Span, surnames: set[str], kb: KnowledgeBase) -> bool:
    """``Eva-Marie Persson`` tagged ORG while ``Persson`` alone is tagged PERSON: two or three
    proper nouns ending in a surname the story gives a person, with no word of an organisation's
    name and no knowledge-base entry."""
    names = [t for t in ent if t.text != "-"]  # "Eva-Marie" is three tokens
    words = [normalise(t.text) for t in names]
    return (2 <= len(names) <= 3 and all(t.pos_ == "PROPN" for t in names) and words[-1] in surnames
            and not any(w in kb.organisation_words or w in kb.companies for w in words)
            and not kb.lookup(ent.text))


def span_label(span: Span, labels: dict[tuple[int, int], str]) -> str:
    """The entity label of a name: its own, or that of an entity with exactly its extent (a
    partial entity inside it, "Islamic" in "Islamic State", says nothing about it)."""
    return span.label_ or labels.get((span.start, span.end), "")


@lru_cache(maxsize=1)
def missed_name_deps() -> frozenset[str]:
    return frozenset(load_json("mentions.json")["missed_name_deps"])


@lru_cache(maxsize=1)
def leading_words() -> frozenset[str]:
    """The words and marks ``data/mentions.json`` drops from the start of a name."""
    config = load_json("mentions.json")
    return frozenset(config["name_leading_words"] + config["name_leading_marks"])


def strip_span(span: Span) -> Span:
    """Drop a leading article, preposition, dash or quotation mark (``\u2015 John Kerry``) and a
    trailing possessive, citation marker or punctuation: ``the UN Security Council's``, ``Office of
    Foreign Assets Control.[3``, ``Near Ar Raqqah``."""
    return stripped(span.doc, span.start, span.end)


def stripped(doc: Doc, start: int, end: int) -> Span:
    """``strip_span`` of the words ``start`` to ``end``, read as text (a token's ``lower_`` is its
    text lower-cased), not made Tokens; the Span is made once, at the end, and directly (a slice
    of the Doc goes through spaCy's slice checks)."""
    texts, (punct, _) = token_texts(doc)[0], punct_and_space(doc)
    leading = leading_words()
    while start < end and (texts[start].lower() in leading or texts[start] in leading):
        start += 1
    while end > start and (texts[end - 1].lower() in TRAILING_POSSESSIVES or punct[end - 1]
                           or CITATION.match(texts[end - 1])):
        end -= 1
    return Span(doc, start, end)


def candidate_spans(doc: Doc, kb: KnowledgeBase) -> list[Span]:
    """Entity spans and knowledge-base alias matches, longest first, never overlapping; an alias
    the parser reads as a date ("May 15") is the date."""
    in_entity = {i for ent in entities_of(doc) for i in range(ent.start, ent.end)}
    in_date = {i for ent in entities_of(doc) if ent.label_ in ("DATE", "TIME") for i in range(ent.start, ent.end)}
    texts, words = token_texts(doc)
    found = [strip_span(ent) for ent in entities_of(doc) if ent.label_ in NAME_LABELS
             and not (len(ent) == 1 and is_shouted(doc, ent.start, texts, kb))]
    kinds = punct_and_space(doc)
    for i, text in enumerate(texts):
        if not text[:1].isupper() or kinds[0][i]:  # "Da’esh", "McCain" are not title case to Python
            continue
        longest = longest_name_at(i, kinds, words, kb)
        if longest is not None:
            n, key = longest
            if n > 1 and describes_a_thing(doc[i + n - 1], kb):
                continue  # "withheld US military aid": aid, not the US military
            if in_date.issuperset(range(i, i + n)):
                continue  # "a May 15 deadline": a date, not the group of that name
            name = stripped(doc, i, i + n)
            if not name.text[:1].isupper():
                continue  # "The youth spends": a capital only for the sentence's article
            token = doc[i]
            if n == 1 and is_shouted(doc, i, texts, kb):
                continue  # "WHO IS THE FRONT-RUNNER?": a headline's words, not acronyms
            if n > 1 or i in in_entity or (token.is_upper and len(token) > 1) or is_missed_name(token, key, kb):
                found.append(name)
    taken: set[int] = set()
    chosen = []
    for span in sorted((s for s in found if len(s)), key=lambda s: (-len(s), s.start)):
        if not taken.intersection(range(span.start, span.end)):
            taken.update(range(span.start, span.end))
            chosen.append(span)
    return sorted(chosen, key=lambda s: s.start)


def is_shouted(doc: Doc, i: int, texts: list[str], kb: KnowledgeBase) -> bool:
    """Whether word ``i`` is an upper-case word of a line written all in capitals (a headline:
    "WHO IS THE FRONT-RUNNER?"), where an acronym cannot be told from a word; a country's or a
    capital's name is read there all the same."""
    if not (texts[i].isupper() and texts[i].isalpha()) or normalise(texts[i]) in kb.country_names or normalise(texts[i]) in kb.seats:
        return False
    text = text_of(doc)
    start, end = text.rfind("\n", 0, doc[i].idx) + 1, text.find("\n", doc[i].idx)
    line = [w for w in text[start:end if end >= 0 else len(text)].split() if any(c.isalpha() for c in w)]
    return len(line) >= 3 and all(any(c.isupper() for c in w) and not any(c.islower() for c in w) for w in line)


def longest_name_at(i: int, kinds: tuple[list[int], list[int]], words: list[str],
                    kb: KnowledgeBase) -> Optional[tuple[int, str]]:
    """(length, key) of the longest span from token ``i`` the knowledge base knows by name, ending
    in a word, within one stretch of text. Spans grow a token at a time and stop as soon as they
    read as the start of no name: past a space a span's key only gets words added after it.
    ``kinds`` are every token's is_punct and is_space, ``words`` its text with its whitespace."""
    longest = None
    for n in range(1, min(MAX_ALIAS_TOKENS, len(words) - i) + 1):
        is_punct, is_space = kinds[0][i + n - 1], kinds[1][i + n - 1]
        if is_space:
            break
        key = normalise("".join(words[i:i + n]))
        if not is_punct and (key in kb.aliases or key in kb.country_names or key in kb.seats):
            longest = (n, key)
        if words[i + n - 1][-1:].isspace() and key not in ("", "the") and key not in kb.name_prefixes:
            break
    return longest


def describes_a_thing(last: Token, kb: KnowledgeBase) -> bool:
    """A name that ends in an adjective describing a thing, not a body: ``US military`` in ``US
    military aid``; ``US military officials`` are the military's people and keep the name."""
    head = last.head
    return (last.pos_ == "ADJ" and last.dep_ == "amod" and last.is_lower and head.i > last.i
            and head.pos_ == "NOUN" and kb.sector_of(head.text) is None and kb.sector_of(singular(normalise(head.text))) is None)


def is_missed_name(token: Token, key: str, kb: KnowledgeBase) -> bool:
    """A one-word proper noun the recogniser missed that only a group or body is called
    ("the fight against Da’esh"); not at a sentence's start, where any word is capitalised. Or
    one only a person of the knowledge base or a country is called, standing as a noun phrase of
    its own ("Trump and Putin have agreed", "Nigeria on Saturday announced"), not a modifier
    ("Trump Tower")."""
    entries = kb.lookup(key)
    if token.pos_ != "PROPN" or not (entries or key in kb.country_names):
        return False
    if key in kb.country_names or all(e.type == "person" for e in entries):
        return token.dep_ in missed_name_deps()
    return not token.is_sent_start and all(e.type not in ("person", "state") for e in entries)


def is_place(span: Span, kb: KnowledgeBase) -> bool:
    """``in Doha``, ``near Damascus``: a place, not an actor."""
    root = span.root
    return root.dep_ == "pobj" and root.head.lower_ in kb.locative


def is_modifier(span: Span) -> bool:
    """``the Astana process``, ``a Doha gathering``: a name modifying a common noun names no actor."""
    root = span.root
    return root.dep_ in ("compound", "amod") and root.head.i >= span.end and root.head.pos_ == "NOUN"


def best_entry(entries: list[Entry], day: Optional[str], person: bool, country: Optional[str],
               kb: KnowledgeBase) -> Entry:
    """The entry a name most likely means: of the country the text says, curated, a state's body
    before a rebel group of the same name ("Peoples Liberation Army" is China's army unless the
    text says Turkey), current."""
    def rank(entry: Entry) -> tuple:
        role = entry.role_on(day)
        return (bool(country and role and role.country == country), entry.key.startswith("curated"),
                (entry.type == "person") == person, not (role and kb.is_armed_opposition(role.code)),
                bool(role and role.valid_on(day)))
    return max(entries, key=rank)


def surname(name: str) -> str:
    """The last name, with Arabic particles folded: ``Bashar al-Assad`` -> ``assad``."""
    words = normalise(name).split()
    return words[-1] if words else ""


def is_named_place(span: Span, label: str, entries: list[Entry], kb: KnowledgeBase) -> bool:
    """A town, camp or airport, not an actor: a one-word place the recogniser calls a place even
    where a curated person shares the word ("Austin, Texas"), a person-labelled name that is a known
    place and no person the knowledge base knows, or a name before a place noun ("Rukban camp")."""
    key = normalise(span.text)
    following = span.doc[span.end].lower_ if span.end < len(span.doc) else ""
    if following in kb.place_nouns and not any(e.type != "person" for e in entries):
        return True
    is_known_place = key in kb.places or key in kb.seats
    if label in ("GPE", "LOC", "FAC") and is_known_place and all(e.type == "person" for e in entries):
        return True
    return label == "PERSON" and is_known_place and not any(e.type == "person" for e in entries)


def state_mention(base: dict, iso3: str, kb: KnowledgeBase) -> Mention:
    return Mention(**base, key=f"state:{iso3}", name=kb.countries[iso3].name, type="state", country=iso3,
                   code=iso3, kb_id=f"country:{iso3}", country_from="kb")


def name_mention(span: Span, kb: KnowledgeBase, day: Optional[str], people: People,
                 labels: dict[tuple[int, int], str]) -> Optional[Mention]:
    """What a name refers to, or None when it is a place, a demonym, a thing or a mere modifier."""
    text = text_of(span.doc)[span.start_char:span.end_char]  # ``span.text``, without joining its Tokens
    key = normalise(text)
    label = span_label(span, labels)
    if key in kb.not_actors or not any(c.isalnum() for c in key):
        return None
    if label == "PERSON" and (key in kb.companies or (len(span) > 1 and normalise(span[-1].text) in kb.organisation_words)):
        label = "ORG"  # "Dick Clark Productions", "Pfizer"
    base = dict(start=span.start_char, end=span.end_char, text=text, first_token=span.start)
    if key in kb.country_names:  # the country, never a town or an old code; "a U.S. strike" is the state's too
        return state_mention(base, kb.country_names[key], kb)
    entries = kb.lookup(text)
    if is_modifier(span) and not any(e.type != "state" for e in entries) and label != "PERSON":
        return None
    if key in kb.seats and not entries:
        return None if is_place(span, kb) else seat_mention(base, kb.seats[key], kb)
    if key in kb.demonyms or (label == "NORP" and not entries):  # "ISIL" is tagged a nationality too
        return nationals_mention(base, span, kb)
    earlier = same_person(key, people, kb) if label == "PERSON" or len(span) == 1 else None
    if is_named_place(span, label, entries, kb) and (earlier is None or is_place(span, kb)):
        return None  # "Dayton" after "Scott C. Dayton" is the man, "in Dayton" the town
    if earlier is not None:  # a later mention can say more: "Robertson, the U.S. commander, said"
        return Mention(**base, key=earlier.key, name=earlier.name, type="person", kb_id=earlier.kb_id,
                       **person_context(around_name(span, kb), kb))
    if label in ("GPE", "LOC", "FAC") and not entries:
        return None  # a place no entry knows: the words around it are not read
    found = around_name(span, kb)
    if entries:
        mention = entry_mention(base, span, entries, label, day, found, kb)
        if mention is not None:
            return mention
    if label in ("GPE", "LOC", "FAC"):
        return None
    if label == "PERSON" or (entries and entries[0].type == "person"):
        return Mention(**base, key=f"person:{key}", name=text, type="person", **person_context(found, kb))
    country, source = found.country, found.source
    if country is None:
        country = country_in_name(span, kb)
        source = "text" if country else None
    sector = kb.sector_of(span[-1].text)
    if country is None and len(span) > 1 and sector in kb.home_sectors:
        country = leader_country(span[:-1].text, people, kb)
        source = "text" if country else None
    kind = "business" if key in kb.companies or normalise(span[-1].text) in kb.company_suffixes else None
    return Mention(**base, key=f"org:{key}", name=text,
                   type=kind or kb.sector_types.get(sector or "", "organisation"),
                   country=country, code=f"{country}{sector}" if country and sector else None, country_from=source)


def leader_country(name: str, people: People, kb: KnowledgeBase) -> Optional[str]:
    """The country of the person a body is named after: ``the Trump administration``, ``the Assad
    regime`` are the governments of that person's country (a person of the article, else the
    knowledge base's)."""
    earlier = same_person(normalise(name), people, kb)
    if earlier is not None:
        return earlier.country
    roles = [e.role_on(None) for e in kb.lookup(name) if e.type == "person"]
    return next((r.country for r in roles if r is not None and r.country), None)


def person_context(found: Found, kb: KnowledgeBase) -> dict:
    """A person's country, role and code as the words around one of their mentions give them."""
    sector = kb.sector_of(found.role) if found.role else None
    country = found.country
    return dict(country=country, role=found.role, code=f"{country}{sector or ''}" if country else None,
                country_from=found.source if country else None)


def entry_mention(base: dict, span: Span, entries: list[Entry], label: str, day: Optional[str], found: Found,
                  kb: KnowledgeBase) -> Optional[Mention]:
    """A name the knowledge base knows, with the entry's role on the article's date; None where the
    text gives the name another country than the entry's (another man of the same name)."""
    entry = best_entry(entries, day, label == "PERSON", found.country, kb)
    kb_role = entry.role_on(day)
    if found.country is not None and kb_role is not None and kb_role.country not in (None, found.country):
        return None
    code = kb_role.code if kb_role else None
    curated = entry.key.startswith("curated")
    if label == "PERSON" and entry.type != "person" and len(span) == 1 and not curated:
        return None  # a one-word Phoenix alias must not turn a person into an organisation
    kind = "person" if label == "PERSON" and not curated else entry.type or kb.type_of(code)
    country = kb_role.country if kb_role and kb_role.country else found.country
    source = "kb" if kb_role and kb_role.country else found.source
    name = entry.name if curated and entry.type == "person" else span.text
    return Mention(**base, key=entry.key, name=name, type=kind, country=country,
                   role=kb_role.title if kb_role and kb_role.title else found.role, code=code,
                   kb_id=entry.key, country_from=source if country else None)


def seat_mention(base: dict, iso3: str, kb: KnowledgeBase) -> Mention:
    """``Moscow and Tehran have offered``: a capital acting stands for its government."""
    country = kb.countries[iso3]
    name = f"{country.demonym} government" if country.demonym else f"Government of {country.name}"
    return Mention(**base, key=f"gov:{iso3}", name=name, type="government", country=iso3,
                   code=f"{iso3}GOV", confidence=0.8, kb_id=f"country:{iso3}:GOV", country_from="kb")


def nationals_mention(base: dict, span: Span, kb: KnowledgeBase) -> Optional[Mention]:
    """``the Palestinians``: a demonym standing alone as a noun names the country's side."""
    root = span.root
    iso3 = kb.country_of_word(span.text)
    if iso3 is None or root.pos_ not in ("NOUN", "PROPN") or root.dep_ in ("amod", "compound"):
        return None
    return Mention(**base, key=f"state:{iso3}", name=kb.countries[iso3].name, type="state", country=iso3,
                   code=iso3, confidence=0.8, kb_id=f"country:{iso3}", country_from="text")


def group_phrase(token: Token, kb: KnowledgeBase) -> Optional[tuple[str, str, list[Token]]]:
    """A group noun with its modifiers: (phrase, sector, modifier tokens).

    Curated group nouns (``rebels``, ``defence ministry``) count on their own; any other agent
    noun of the Phoenix dictionaries (``negotiators``, ``peacekeepers``) only with a country
    modifier (``Russian negotiators``), or a one-word owner (``Nigeria's senators``, not ``South
    America's insurgency``; for a title only in the plural), which keeps ordinary nouns out.
    """
    word = normalise(token.text)
    if not may_head_group(word, kb):
        return None
    modifiers = [c for c in token.children if c.dep_ in ("compound", "amod", "nmod") and c.i < token.i]
    for size in range(len(modifiers), -1, -1):
        words = modifiers[len(modifiers) - size:] + [token]
        phrase = normalise(" ".join(w.text for w in words))
        sector = (kb.group_nouns.get(phrase) or kb.group_nouns.get(singular(phrase))
                  or (kb.titles.get(phrase) if size else None))
        if sector:
            return " ".join(w.text for w in words), sector, modifiers
    title = kb.titles.get(word) or kb.titles.get(singular(word))  # "Palestinian leaders"
    sector = title or kb.agents.get(word) or kb.agents.get(singular(word))
    if not sector:
        return None  # most nouns: no need to look for "of" countries
    named = [*modifiers, *of_countries(token, sector, kb)]
    if not title or token.tag_ == "NNS":  # "Nigeria's senators"; one title's holder is a person ("Pakistan's ruler, Gen. Musharraf")
        named += [c for c in token.children if c.dep_ == "poss" and not any(g.dep_ == "compound" for g in c.children)]
    if any(kb.country_of_word(m.text) or normalise(m.text) in kb.seats for m in named):
        return token.text, sector, modifiers
    return None


def may_head_group(word: str, kb: KnowledgeBase) -> bool:
    """Whether a noun of normal form ``word`` can end a group's phrase: a phrase's normal form ends
    in its last word's, so a noun whose last word (or its singular) ends no group noun, title or
    agent heads no group, whatever its modifiers. Most nouns, told apart without reading them."""
    last = word.rpartition(" ")[2]
    return not word or last in kb.group_last_words or singular(last) in kb.group_last_words


def of_countries(token: Token, sector: Optional[str], kb: KnowledgeBase) -> list[Token]:
    """``the president of Armenia``, ``a court in Guyana``: the object of ``of`` after a noun, or of
    ``in`` after a body that sits only at home (``terrorists in Syria`` are only there)."""
    prepositions = ("of", "in") if sector in kb.home_sectors else ("of",)
    return [g for c in token.children if c.lower_ in prepositions and c.i > token.i
            for g in c.children if g.dep_ == "pobj"]


def modifier_countries(token: Token, modifiers: list[Token], sector: str, kb: KnowledgeBase,
                       owners: dict[int, Mention], two_words: list[tuple[str, Token, int]]) -> list[tuple[str, Token]]:
    """Countries a group noun's modifiers name, each with the word that names it:
    ``Iraqi and Syrian``, ``Qatar's``, ``Assad's``, ``Khartoum``, and a party's title
    (``Democratic lawmakers`` as ``Democratic lawmaker`` in ``country_titles``); ``two_words`` are
    its ``two_word_demonyms``."""
    countries = [(iso3, word) for iso3, word, _ in two_words]
    within = {i for _, word, first in two_words for i in range(first, word.i + 1)}  # not "Coast" of "Ivory Coast" alone
    for child in [*modifiers, *(c for c in token.children if c.dep_ == "poss"), *of_countries(token, sector, kb)]:
        for word in [child, *(c for c in child.conjuncts)]:
            if word.i in within:
                continue
            iso3 = (longer_place_ending_at(word, kb) or kb.country_of_word(word.text) or kb.country_of_place(word.text)
                    or kb.country_titles.get(singular(normalise(f"{word.text} {token.text}"))))
            if iso3 is None and word.i in owners:
                iso3 = owners[word.i].country
            if iso3 and iso3 not in (c for c, _ in countries):
                countries.append((iso3, word))
    return countries


def two_word_demonyms(token: Token, kb: KnowledgeBase) -> list[tuple[str, Token, int]]:
    """Demonyms and names of two words before a group noun, which no single word names or whose
    last word alone names another country: "South African troops", "Sri Lankan Tamil rebels",
    "Ivory Coast rebels", "South Sudanese refugees", "North Korean soldiers" (country, last word,
    first token), however the parser hung the first word."""
    doc = token.doc
    found = []
    for i in range(token.left_edge.i, token.i - 1):
        if not (doc[i].is_alpha and doc[i + 1].is_alpha):
            continue  # "Syria - Coalition forces": a dateline's dash is no demonym
        iso3 = kb.country_of_word(doc[i:i + 2].text)
        if iso3 and kb.country_of_word(doc[i + 1].text) != iso3:  # "South Sudanese" is not "Sudanese"
            found.append((iso3, doc[i + 1], i))
    return found


def group_mentions(doc: Doc, kb: KnowledgeBase, taken: set[int], owners: dict[int, Mention]) -> Iterator[Mention]:
    """Group nouns (``the rebels``, ``Iraqi and Syrian counterparts``), with the country their own
    modifiers name and no other: ``opposition forces`` in a story about Syria stay without one."""
    texts = token_texts(doc)[0]
    for i in indices_of_pos(doc, "NOUN", "PROPN"):
        if i in taken or not may_head_group(normalise(texts[i]), kb):
            continue  # most nouns, with no Token made
        token = doc[i]
        if not stands_alone(token, kb):
            continue
        found = group_phrase(token, kb)
        if found is None:
            continue
        phrase, sector, modifiers = found
        if described(token, phrase, kb):
            continue
        two_words = two_word_demonyms(token, kb)
        start = min([token.i, *(name_start(m) for m in modifiers if m.dep_ != "poss"),
                     *(first for _, _, first in two_words)])
        while start >= 2 and doc[start - 1].text == "-" and not doc[start - 2].whitespace_ and not doc[start - 1].whitespace_:
            backer = hyphen_backer(doc[start - 2], doc[start], kb, taken)
            if backer is not None:  # "Kremlin-backed separatists": the Kremlin is an actor of its own
                yield backer
                taken.add(start - 2)
            start -= 2  # "Islamist-led rebels", not "led rebels"
        span = doc[start:token.i + 1]
        if token.dep_ == "appos" and token.head.i in owners:
            owner = owners[token.head.i]
            yield Mention(start=span.start_char, end=span.end_char, text=span.text, key=owner.key, name=owner.name,
                          type=owner.type, confidence=0.9, first_token=start, kb_id=owner.kb_id)
            continue
        countries = modifier_countries(token, modifiers, sector, kb, owners, two_words)
        head = singular(normalise(phrase))
        for iso3, word in countries or [(None, None)]:
            key = f"gov:{iso3}" if iso3 and head in kb.government_nouns else f"group:{iso3}:{sector}:{head}"
            if iso3 is None and modifiers:  # "Western governments" are not "the government"
                key = f"group:None:{sector}:{singular(normalise(strip_span(span).text))}"
            if iso3 is None and sector in kb.armed_opposition and head not in kb.titles:
                key = f"group:None:{sector}"  # "the rebels", "rebel groups": one side, till the text says otherwise
            if iso3 is None and head in kb.one_side_groups:
                key = f"group:None:{sector}:{head}"  # "the U.S.-led coalition", "the global coalition"
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
                          code=f"{iso3}{sector}" if iso3 else None,
                          first_token=cited.i if isinstance(cited, Token) else start,
                          kb_id=f"country:{iso3}:GOV" if key.startswith("gov:") else None,
                          country_from="text" if iso3 else None)


def stands_alone(token: Token, kb: KnowledgeBase) -> bool:
    """Whether a noun may name a group by itself: not as another noun's compound (``rebel forces``
    are forces), except a coalition or alliance modifying a noun that names no group of its own:
    ``Coalition aircraft``, ``coalition operations`` are the coalition's; ``coalition government``
    and ``Coalition military forces`` are a government and forces."""
    if token.dep_ in ("compound", "nmod") and singular(normalise(token.text)) in kb.one_side_groups:
        return group_phrase(token.head, kb) is None and token.head.pos_ in ("NOUN", "PROPN")
    return token.dep_ != "compound"


def hyphen_backer(word: Token, participle: Token, kb: KnowledgeBase, taken: set[int]) -> Optional[Mention]:
    """The state or seat of government before ``-backed``, ``-led`` that the recogniser missed:
    ``Kremlin`` of ``Kremlin-backed separatists``, ``Syrian`` of ``the Syrian-backed Amal
    militia`` (the relations stage reads who backs whom from it)."""
    if word.i in taken or participle.lower_ not in kb.hyphen_participles:
        return None
    base = dict(start=word.idx, end=word.idx + len(word), text=word.text, first_token=word.i)
    key = normalise(word.text)
    if key in kb.seats:
        return seat_mention(base, kb.seats[key], kb)
    iso3 = kb.country_of_word(word.text)
    return state_mention(base, iso3, kb) if iso3 else None


def described(token: Token, phrase: str, kb: KnowledgeBase) -> bool:
    """``a broad coalition of voters``, ``an alliance of convenience``: a coalition with an indefinite
    article describes people or things gathered, it names no body."""
    return (singular(normalise(phrase)) in kb.one_side_groups
            and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in token.children))


def name_start(modifier: Token) -> int:
    """Where a modifier's own name starts: ``Hong`` of ``Hong Kong government``."""
    i = modifier.i
    while i > 0 and modifier.doc[i - 1].dep_ == "compound" and modifier.doc[i - 1].head.i == i:
        i -= 1
    return i


def singular(phrase: str) -> str:
    """``rebel groups`` -> ``rebel group``, ``authorities`` -> ``authority``: for keys only."""
    if phrase.endswith("ies"):
        return phrase[:-3] + "y"
    return phrase[:-1] if phrase.endswith("s") and not phrase.endswith("ss") else phrase
