"""spaCy's rule lemmatizer, answered from a dictionary: the same lemmas at a fraction of the cost.

spaCy's ``Lemmatizer`` makes a Token for every word, reads its POS and parses its morphology, and
caches only the words that go through its suffix rules: the others (singular nouns, infinitives,
positive adjectives, most words) are worked out again each time. A word that does go through the
rules is checked against the POS's index of known lemmas, a list (57,000 nouns) scanned for each
candidate form. Here each distinct (word, POS, morphology) is worked out once, with that index
as a set, and every later occurrence is one lookup; lemmas are written for a whole Doc at once.
"""

from __future__ import annotations

from typing import Any, Optional

import numpy as np
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc, Token

SAFE_LEMMATIZERS = (Lemmatizer, EnglishLemmatizer)
"""Lemmatizers whose "rule" lemma depends on the word, its POS and its morphology alone, and whose
``is_base_form`` on the POS and morphology alone (English's reads nothing else), so that both can
be cached on those."""
UNRULED_POS = ("", "eol", "space")
"""POS whose words spaCy lowercases without rules ("" with a warning, which spaCy's own code gives)."""
Key = tuple[int, int, int]
"""(ORTH, POS, MORPH) of a word."""


def can_cache_lemmatizer(lemmatizer: Any) -> bool:
    """Whether ``lemmatizer`` is spaCy's rule lemmatizer (or English's) with its tables loaded."""
    return (type(lemmatizer) in SAFE_LEMMATIZERS and lemmatizer.mode == "rule"
            and all(t in lemmatizer.lookups for t in lemmatizer.get_lookups_config("rule")[0]))


class CachedLemmas:
    """spaCy's ``lemmatizer``, worked out once per distinct (word, POS, morphology).

    The cache holds lemma strings, not their hashes, so strings dropped by a spaCy memory zone come
    back; it grows with the vocabulary, as spaCy's own cache and string store do.
    """

    def __init__(self, lemmatizer: Lemmatizer):
        self.lemmatizer = lemmatizer
        self.strings = lemmatizer.vocab.strings
        self.overwrite = lemmatizer.overwrite
        self.cache: dict[Key, str] = {}
        self.base_forms: dict[tuple[int, int], bool] = {}
        self.tables: dict[str, Optional[tuple[set, dict, list]]] = {}

    def __call__(self, doc: Doc) -> Doc:
        orths, poses, morphs, lemmas = doc.to_array([ORTH, POS, MORPH, LEMMA]).reshape(len(doc), 4).T.tolist()
        todo = [i for i, lemma in enumerate(lemmas) if self.overwrite or not lemma]
        if not todo:
            return doc
        keys = [(orths[i], poses[i], morphs[i]) for i in todo]
        hashes: dict[Key, int] = {}
        for i, key in zip(todo, keys):
            if key not in hashes:
                lemma = self.cache.get(key)
                hashes[key] = self.strings.add(lemma if lemma is not None else self.lemma(doc[i], key))
        for i, key in zip(todo, keys):
            lemmas[i] = hashes[key]
        doc.from_array([LEMMA], np.array(lemmas, dtype=np.uint64))
        return doc

    def lemma(self, token: Token, key: Key) -> str:
        """spaCy's first lemma for ``token``, cached unless its POS is missing (spaCy warns then)."""
        univ_pos = token.pos_.lower()
        if univ_pos in UNRULED_POS:
            lemma = self.lemmatizer.lemmatize(token)[0]
        elif self.is_base_form(token, key):
            lemma = token.text.lower()
        else:
            lemma = self.ruled_lemma(token.text, univ_pos)
        if univ_pos:
            self.cache[key] = lemma
        return lemma

    def is_base_form(self, token: Token, key: Key) -> bool:
        """The lemmatizer's own answer, once per (POS, morphology)."""
        pos_morph = key[1:]
        if pos_morph not in self.base_forms:
            self.base_forms[pos_morph] = self.lemmatizer.is_base_form(token)
        return self.base_forms[pos_morph]

    def ruled_lemma(self, text: str, univ_pos: str) -> str:
        """What spaCy's suffix rules give first: a listed exception not already among the rules'
        forms, else a form in the index of known lemmas (the last rule's first), else one with a
        non-letter; failing those a form unknown to the index, and failing all, the word."""
        tables = self.tables_for(univ_pos)
        if tables is None:
            return text if univ_pos == "propn" else text.lower()
        index, exceptions, rules = tables
        word = text.lower()
        forms: list[str] = []
        unknown: list[str] = []
        for old, new in rules:
            if word.endswith(old):
                form = word[: len(word) - len(old)] + new
                if not form:
                    continue
                if form in index:
                    forms.insert(0, form)
                elif not form.isalpha():
                    forms.append(form)
                else:
                    unknown.append(form)
        forms = list(dict.fromkeys(forms))
        for form in exceptions.get(word, []):
            if form not in forms:
                forms.insert(0, form)
        return (forms or unknown or [text])[0]

    def tables_for(self, univ_pos: str) -> Optional[tuple[set, dict, list]]:
        """The index (as a set), exceptions and rules for a POS; None if it has none of them."""
        if univ_pos not in self.tables:
            index, exceptions, rules = (self.lemmatizer.lookups.get_table(name, {}).get(univ_pos)
                                        for name in ("lemma_index", "lemma_exc", "lemma_rules"))
            self.tables[univ_pos] = ((set(index or ()), exceptions or {}, rules or [])
                                     if index or exceptions or rules else None)
        return self.tables[univ_pos]


@Language.factory("dragoman_lemmas", default_config={"source": "lemmatizer"})
def make_lemmas(nlp: Language, name: str, source: str) -> CachedLemmas:
    """Built around the pipeline's Lemmatizer named ``source``: its tables and base-form test."""
    return CachedLemmas(nlp.get_pipe(source))
