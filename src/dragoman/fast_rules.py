"""spaCy's attribute ruler and rule lemmatizer rebuilt from the loaded components, so that a word
costs a few dictionary lookups: the same Doc, a fraction of the time.

spaCy's ``AttributeRuler`` runs its patterns (179 in the English packages) through a Matcher,
whose sets and regular expressions are Python calls on every token, and writes each match through
a Span and a Token. With the lemmatizer (``dragoman.fast_lemmas``) it took a quarter of a
Dragoman run (6.5 of 25.5 s on 120 articles), more than all of Dragoman's own stages.

``compile_rule_stages(nlp)`` puts a component of ours in each one's place, under the same name,
built from the component it replaces; one that cannot be rebuilt faithfully stays spaCy's own.
"""

from __future__ import annotations

import json
import re
from typing import Any, Iterable, Optional

import numpy as np
from spacy.attrs import DEP, ENT_TYPE, IDS, LEMMA, LENGTH, LOWER, MORPH, NORM, ORTH, POS, PREFIX, SHAPE, SUFFIX, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.strings import get_string_id
from spacy.tokens import Doc

from dragoman.fast_lemmas import can_cache_lemmatizer

STRING_ATTRS = frozenset({ORTH, LOWER, NORM, SHAPE, PREFIX, SUFFIX, TAG, POS, DEP, LEMMA, ENT_TYPE})
"""Token attributes a compiled pattern may test with a value, a set or a regular expression:
``Doc.to_array`` reads each from the same field as the Matcher does. MORPH (which the Matcher
normalises), SENT_START, HEAD and ENT_IOB are read differently and stay with the Matcher."""
NUMBER_ATTRS = frozenset(range(1, 64)) | {LENGTH}
"""The lexical flags (IS_ALPHA ... LIKE_EMAIL) and LENGTH: compiled when tested with a value."""
WRITABLE = (TAG, POS, MORPH, LEMMA, DEP)
"""Attributes a pattern may set for the ruler to be rebuilt: spaCy sets them on the token alone,
as ``Doc.from_array`` does (other attributes also go to the lexeme)."""


class Test:
    """One condition on one attribute of a token. It is read on the token's value if some pattern
    names that value, else on ``bits``: which of the attribute's regular expressions the value
    matches (``slot``: this test's bit), all a test can tell of a value no pattern names."""

    def __init__(self, attr: int, kind: str, value: Any):
        self.attr, self.kind, self.value, self.slot = attr, kind, value, -1

    def holds(self, named: Optional[int], bits: int, strings) -> bool:
        if self.kind == "==":
            return named == self.value
        if self.kind == "IN":
            return named in self.value
        if self.kind == "NOT_IN":
            return named not in self.value
        return bool(bits >> self.slot & 1) if named is None else bool(self.value.search(strings[named]))


def token_tests(spec: dict, vocab) -> Optional[list[Test]]:
    """The tests of one Matcher token spec, or None if it needs the Matcher (an operator, an
    extension, or an attribute or predicate not compiled here)."""
    tests = []
    for key, value in spec.items():
        attr = IDS.get({"TEXT": "ORTH"}.get(key.upper(), key.upper())) if isinstance(key, str) else key
        if isinstance(value, (str, bool, int)) and attr in STRING_ATTRS | NUMBER_ATTRS:
            tests.append(Test(attr, "==", vocab.strings.add(value) if isinstance(value, str) else int(value)))
        elif isinstance(value, dict) and value and attr in STRING_ATTRS:
            for kind, operand in value.items():
                if kind in ("IN", "NOT_IN") and isinstance(operand, list) and all(
                        isinstance(v, (str, int)) and not isinstance(v, bool) for v in operand):
                    tests.append(Test(attr, kind, frozenset(get_string_id(v) for v in operand)))
                elif kind == "REGEX" and isinstance(operand, str):
                    tests.append(Test(attr, kind, re.compile(operand)))
                else:
                    return None
        else:
            return None
    return tests


def can_rebuild_ruler(ruler: Any) -> bool:
    """Whether ``ruler`` is spaCy's AttributeRuler and sets only what ``Doc.from_array`` sets alike."""
    return type(ruler) is AttributeRuler and all(set(attrs) <= set(WRITABLE) for attrs in ruler.attrs)


class AttributeRules:
    """spaCy's AttributeRuler with its patterns of fixed length compiled into lookups.

    Which token specs hold for a token depends only on the few attributes they test, and for each
    only on whether its value is one some spec names (which one), or else which regular expressions
    it matches: a "code" per attribute. Specs are evaluated once per distinct combination of codes
    (a few hundred in all), whose "class" gives, as array rows, what its one-token patterns write;
    patterns of several tokens are found by sliding their specs' truth over the Doc. Patterns with
    operators, extensions or other predicates stay in a Matcher. As in spaCy, every pattern is
    matched on the Doc as it came in, then applied in pattern order: a later pattern's value wins.
    """

    def __init__(self, ruler: AttributeRuler):
        self.vocab = ruler.vocab
        self.writes = [[(WRITABLE.index(a), v) for a, v in attrs.items()] for attrs in ruler.attrs]
        self.tests: list[Test] = []
        self.spec_tests: list[tuple[int, ...]] = []
        """The ids of each compiled token spec's tests, by spec id."""
        self.spec_ids: dict[str, int] = {}
        """Each compiled token spec, as JSON -> its id."""
        self.one_token: dict[int, list[int]] = {}
        """Spec id -> the one-token patterns it is (an alternative of)."""
        self.longer: list[tuple[int, list[list[int]], int]] = []
        self.matcher = Matcher(self.vocab)
        self.matched: dict[int, tuple[int, int]] = {}
        """The Matcher's match id -> (pattern number, index of the token it sets)."""
        for number, index in enumerate(ruler.indices):
            alternatives = ruler.matcher.get(str(number))[1]
            compiled = [self.compile(pattern) for pattern in alternatives]
            if any(specs is None or not -len(specs) <= index < len(specs) for specs in compiled):
                key = self.vocab.strings.add(str(number))
                self.matcher.add(key, alternatives)
                self.matched[key] = (number, index)
            elif index in (0, -1) and all(len(specs) == 1 for specs in compiled):
                for specs in compiled:
                    self.one_token.setdefault(specs[0], []).append(number)
            else:
                self.longer.append((number, compiled, index))
        self.read = sorted({t.attr for t in self.tests})
        self.named = {a: sorted({v for t in self.tests if t.attr == a and t.kind != "REGEX"
                                 for v in ([t.value] if t.kind == "==" else t.value)}) for a in self.read}
        self.named_code = {a: {v: code for code, v in enumerate(named)} for a, named in self.named.items()}
        self.regexes = {a: [t for t in self.tests if t.attr == a and t.kind == "REGEX"] for a in self.read}
        for attr_regexes in self.regexes.values():
            for slot, test in enumerate(attr_regexes):
                test.slot = slot
        self.codes: dict[int, dict[int, int]] = {a: {} for a in self.read}
        """Code of each value seen, for attributes with regular expressions (grows like the vocabulary)."""
        self.longer_specs = sorted({s for _n, compiled, _i in self.longer for specs in compiled for s in specs})
        self.longer_column = {spec: n for n, spec in enumerate(self.longer_specs)}
        """Each longer pattern's spec -> its column in ``spec_holds``."""
        self.passed: dict[tuple[int, int], frozenset[int]] = {}
        self.class_of_key: dict[tuple, int] = {}
        self.class_of_specs: dict[frozenset, int] = {}
        self.class_numbers: list[list[int]] = []
        """The one-token patterns that hold for each class, in order."""
        self.rows: list[tuple[list[bool], list[int], list[bool]]] = []
        self.masks = self.values = self.spec_holds = np.zeros((0, 0))

    def compile(self, pattern: list[dict]) -> Optional[list[int]]:
        """The spec ids of a pattern's tokens, or None if one of them needs the Matcher."""
        names = [json.dumps(spec, sort_keys=True, default=str) for spec in pattern]
        tests = {name: token_tests(spec, self.vocab) for name, spec in zip(names, pattern) if name not in self.spec_ids}
        if any(t is None for t in tests.values()):
            return None
        for name, spec_tests in tests.items():
            self.spec_ids[name] = len(self.spec_tests)
            self.spec_tests.append(tuple(range(len(self.tests), len(self.tests) + len(spec_tests))))
            self.tests.extend(spec_tests)
        return [self.spec_ids[name] for name in names]

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        current = doc.to_array(list(WRITABLE))
        classes = self.classify(doc)
        if len(self.masks) < len(self.rows):
            masks, values, holds = zip(*self.rows)
            self.masks, self.values = np.array(masks, dtype=bool), np.array(values, dtype=np.uint64)
            self.spec_holds = np.array(holds, dtype=bool).reshape(len(self.rows), len(self.longer_specs))
        found = np.where(self.masks[classes], self.values[classes], current)
        for token, numbers in self.longer_matches(doc, classes).items():
            found[token] = self.merged(current[token], numbers)
        doc.from_array(list(WRITABLE), found)
        return doc

    def classify(self, doc: Doc) -> np.ndarray:
        """Each token's class, found once per distinct combination of codes in the Doc: the tokens
        are grouped attribute by attribute (group numbers stay below the Doc's length)."""
        if not self.read:
            return np.full(len(doc), self.class_of(()), dtype=np.intp)
        columns = doc.to_array(self.read).reshape(len(doc), len(self.read))
        codes = np.empty(columns.shape, dtype=np.int64)
        group = np.zeros(len(doc), dtype=np.int64)
        for n, attr in enumerate(self.read):
            values, inverse = np.unique(columns[:, n], return_inverse=True)
            value_codes = np.array([self.code(attr, v) for v in values.tolist()], dtype=np.int64)
            distinct, local = np.unique(value_codes, return_inverse=True)
            codes[:, n] = value_codes[inverse]
            group = np.unique(group * len(distinct) + local[inverse], return_inverse=True)[1]
        _, first, inverse = np.unique(group, return_index=True, return_inverse=True)
        classes = np.array([self.class_of(tuple(key)) for key in codes[first].tolist()], dtype=np.intp)
        return classes[inverse]

    def code(self, attr: int, value: int) -> int:
        """The value's place among those the patterns name, or after them, its regular expressions' bits."""
        named = self.named_code[attr]
        if not self.regexes[attr]:
            return named.get(value, len(named))
        codes = self.codes[attr]
        if value not in codes:
            strings = self.vocab.strings
            codes[value] = named[value] if value in named else len(named) + sum(
                bool(t.value.search(strings[value])) << t.slot for t in self.regexes[attr])
        return codes[value]

    def class_of(self, key: tuple) -> int:
        """The class of tokens with codes ``key``: which specs hold for them."""
        if key not in self.class_of_key:
            true = frozenset().union(*(self.true_tests(attr, code) for attr, code in zip(self.read, key)))
            holding = frozenset(s for s, tests in enumerate(self.spec_tests) if true.issuperset(tests))
            if holding not in self.class_of_specs:
                self.add_class(holding)
            self.class_of_key[key] = self.class_of_specs[holding]
        return self.class_of_key[key]

    def true_tests(self, attr: int, code: int) -> frozenset[int]:
        """The tests on ``attr`` that a value with this code passes."""
        if (attr, code) not in self.passed:
            named = self.named[attr]
            value, bits = (named[code], 0) if code < len(named) else (None, code - len(named))
            strings = self.vocab.strings
            self.passed[attr, code] = frozenset(n for n, t in enumerate(self.tests)
                                                if t.attr == attr and t.holds(value, bits, strings))
        return self.passed[attr, code]

    def add_class(self, holding: frozenset[int]) -> None:
        """A class: its one-token patterns, what they write (which columns, merged values), and
        which specs of the longer patterns hold."""
        self.class_of_specs[holding] = len(self.rows)
        numbers = sorted({n for s in holding for n in self.one_token.get(s, ())})
        written = {column for n in numbers for column, _value in self.writes[n]}
        values = self.merged(np.zeros(len(WRITABLE), dtype=np.uint64), numbers).tolist()
        self.class_numbers.append(numbers)
        self.rows.append(([c in written for c in range(len(WRITABLE))], values,
                          [s in holding for s in self.longer_specs]))

    def longer_matches(self, doc: Doc, classes: np.ndarray) -> dict[int, list[int]]:
        """Tokens set by patterns of several tokens (or left to the Matcher), with the numbers of
        all the patterns that set each, one-token patterns included."""
        sets: list[tuple[int, int]] = []
        holds, column = self.spec_holds[classes], self.longer_column
        for number, compiled, index in self.longer:
            for specs in compiled:
                if len(specs) > len(doc):
                    continue
                starts = np.ones(len(doc) - len(specs) + 1, dtype=bool)
                for offset, spec in enumerate(specs):
                    starts &= holds[offset: len(doc) - len(specs) + 1 + offset, column[spec]]
                target = index if index >= 0 else len(specs) + index
                sets.extend((int(start) + target, number) for start in np.flatnonzero(starts))
        for key, start, end in self.matcher(doc, allow_missing=True) if self.matched else ():
            number, index = self.matched[key]
            token = (start if index >= 0 else end) + index
            if not start <= token < end:
                raise ValueError(f"attribute ruler pattern {number} sets token {index} of the "
                                 f"{end - start}-token match {doc[start:end].text!r}")
            sets.append((token, number))
        found: dict[int, list[int]] = {}
        for token, number in sets:
            if token not in found:
                found[token] = list(self.class_numbers[classes[token]])
            found[token].append(number)
        return found

    def merged(self, row: np.ndarray, numbers: Iterable[int]) -> np.ndarray:
        """``row`` with what patterns ``numbers`` write written over it in pattern order."""
        row = row.copy()
        for pattern in sorted(numbers):
            for column, value in self.writes[pattern]:
                row[column] = value
        return row


@Language.factory("dragoman_attribute_rules", default_config={"source": "attribute_ruler"})
def make_attribute_rules(nlp: Language, name: str, source: str) -> AttributeRules:
    """Built from the pipeline's AttributeRuler named ``source``: its patterns, values and order."""
    return AttributeRules(nlp.get_pipe(source))


REBUILDS = (("attribute_ruler", "dragoman_attribute_rules", can_rebuild_ruler),
            ("lemmatizer", "dragoman_lemmas", can_cache_lemmatizer))
"""spaCy's component, the factory of ours built from it, and whether that one can be."""


def compile_rule_stages(nlp: Language) -> list[str]:
    """Replace spaCy's attribute ruler and lemmatizer by ours, under their own names, where they
    can be rebuilt faithfully; the names of those replaced."""
    replaced = []
    for name, factory, can_rebuild in REBUILDS:
        if name in nlp.pipe_names and can_rebuild(nlp.get_pipe(name)):
            nlp.add_pipe(factory, name=f"{factory}_new", after=name, config={"source": name})
            nlp.remove_pipe(name)
            nlp.rename_pipe(f"{factory}_new", name)
            replaced.append(name)
    return replaced
