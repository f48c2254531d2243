"""The trained event-type model: a linear classifier over clause features, read from a ``.npz``.

Two heads share one feature vocabulary: the PLOVER type of a clause (or ``none``) and, given the
type, its mode (``AERIAL``, ``STRIKE``, ...). The file holds plain arrays (feature names, class
names, weights, biases), no pickle: it loads with numpy alone and can be read by anyone. It is
made by ``python -m dragoman.events.train`` and shipped in ``data/events/``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Optional, Union

import numpy as np

from dragoman.errors import DragomanError

NONE = "none"
REQUIRED = ("features", "type_classes", "type_weights", "type_bias", "mode_classes", "mode_weights", "mode_bias")


class BadModelFile(DragomanError):
    pass


def shipped_weights() -> Traversable:
    """The model in the package, read through importlib.resources: from a zipped wheel
    (``spark-submit --py-files``) it is a member of the zip, with no path on disk."""
    return resources.files("dragoman").joinpath("data", "events", "event-types.npz")


def default_weights() -> Path:
    """Where ``python -m dragoman.events.train`` writes the model: the package folder of a checkout."""
    return Path(str(shipped_weights()))


@dataclass(frozen=True)
class Prediction:
    type: Optional[str]
    """A PLOVER type, or None when the clause names no event."""
    probability: float
    mode: Optional[str]


@dataclass
class EventTypeModel:
    features: dict[str, int]
    type_classes: list[str]
    type_weights: np.ndarray
    type_bias: np.ndarray
    mode_classes: list[str]
    """``TYPE:MODE`` names (``TYPE:`` for no particular mode); a mode is only given within the
    predicted type."""
    mode_weights: np.ndarray
    mode_bias: np.ndarray

    @classmethod
    def load(cls, path: Union[str, Path, None] = None) -> "EventTypeModel":
        source = Path(path) if path else shipped_weights()
        try:
            with source.open("rb") as handle:
                arrays = dict(np.load(handle, allow_pickle=False))
        except (OSError, ValueError, TypeError) as error:  # TypeError: a lone .npy array, not a .npz
            raise BadModelFile(f"{source}: not a readable event-type model ({error})") from error
        missing = [name for name in REQUIRED if name not in arrays]
        if missing:
            raise BadModelFile(f"{source}: missing array(s) {', '.join(missing)}")
        names = [str(n) for n in arrays["features"]]
        model = cls({name: i for i, name in enumerate(names)}, [str(c) for c in arrays["type_classes"]],
                    arrays["type_weights"], arrays["type_bias"], [str(c) for c in arrays["mode_classes"]],
                    arrays["mode_weights"], arrays["mode_bias"])
        if model.type_weights.shape != (len(names), len(model.type_classes)):
            raise BadModelFile(f"{source}: type weights are {model.type_weights.shape}, "
                               f"expected ({len(names)}, {len(model.type_classes)})")
        if model.mode_weights.shape != (len(names), len(model.mode_classes)):
            raise BadModelFile(f"{source}: mode weights are {model.mode_weights.shape}, "
                               f"expected ({len(names)}, {len(model.mode_classes)})")
        return model

    def save(self, path: Union[str, Path]) -> None:
        names = sorted(self.features, key=self.features.get)
        np.savez_compressed(path, features=np.array(names), type_classes=np.array(self.type_classes),
                            type_weights=self.type_weights.astype(np.float32), type_bias=self.type_bias.astype(np.float32),
                            mode_classes=np.array(self.mode_classes), mode_weights=self.mode_weights.astype(np.float32),
                            mode_bias=self.mode_bias.astype(np.float32))

    def scores(self, features: dict[str, float], weights: np.ndarray, bias: np.ndarray) -> np.ndarray:
        return self.scores_many([features], weights, bias)[0]

    def scores_many(self, clauses: list[dict[str, float]], weights: np.ndarray, bias: np.ndarray) -> np.ndarray:
        """Softmax of the bias plus each known feature's weight row times its value, a row per
        clause. Each weight row is scaled in float32 and a clause's rows are added one after
        another in float64 (``add.accumulate`` along the clause, not a pairwise ``sum``; a shorter
        clause is padded with zeros after its last row), as a loop over its features would: the
        same figures to the last bit whether a clause is scored alone or with all a Doc's others,
        which cost a few array operations per Doc instead of per clause."""
        rows: list[int] = []
        values: list[float] = []
        counts: list[int] = []
        row_of = self.features.get
        for features in clauses:
            known = len(rows)
            for name, value in features.items():
                row = row_of(name)
                if row is not None:
                    rows.append(row)
                    values.append(value)
            counts.append(len(rows) - known)
        terms = np.zeros((len(clauses), max(counts, default=0) + 1, bias.shape[0]), dtype=np.float64)
        terms[:, 0] = bias
        clause = np.repeat(np.arange(len(clauses)), counts)
        place = np.arange(len(rows)) - np.repeat(np.cumsum(counts) - counts, counts) + 1
        terms[clause, place] = weights[rows] * np.array(values, dtype=np.float32)[:, None]
        logits = np.add.accumulate(terms, axis=1)[:, -1]
        logits -= logits.max(axis=1, keepdims=True)
        probabilities = np.exp(logits)
        return probabilities / probabilities.sum(axis=1, keepdims=True)

    def type_probabilities(self, features: dict[str, float]) -> dict[str, float]:
        return dict(zip(self.type_classes, self.scores(features, self.type_weights, self.type_bias).tolist()))

    def predict(self, features: dict[str, float], mode_from: float = 0.0) -> Prediction:
        """The clause's type, and its mode where the type is at least ``mode_from`` probable: a
        caller that drops less sure types need not pay for the mode head (88 classes against 17)."""
        return self.predict_many([features], mode_from)[0]

    def predict_many(self, clauses: list[dict[str, float]], mode_from: float = 0.0) -> list[Prediction]:
        """``predict`` for each clause, their types scored together, then the modes of those sure
        enough to ask (the mode head's 88 classes, scored clause by clause, cost more than the
        types of all a Doc's clauses)."""
        found: list[Prediction] = []
        asked: list[int] = []
        for features, probabilities in zip(clauses, self.scores_many(clauses, self.type_weights, self.type_bias)):
            best = int(probabilities.argmax())
            kind = self.type_classes[best]
            if kind != NONE and probabilities[best] >= mode_from and self.mode_classes:
                asked.append(len(found))
            found.append(Prediction(None if kind == NONE else kind, float(probabilities[best]), None))
        if asked:
            modes = self.scores_many([clauses[i] for i in asked], self.mode_weights, self.mode_bias)
            for i, probabilities in zip(asked, modes):
                found[i] = Prediction(found[i].type, found[i].probability, self.mode_within(found[i].type, probabilities))
        return found

    @cached_property
    def modes_by_type(self) -> dict[str, list[tuple[int, str]]]:
        """Each type's ``TYPE:MODE`` classes with their columns, in the file's order."""
        found: dict[str, list[tuple[int, str]]] = {}
        for column, name in enumerate(self.mode_classes):
            if ":" in name:
                found.setdefault(name.split(":", 1)[0], []).append((column, name))
        return found

    def mode_within(self, kind: str, probabilities: np.ndarray) -> Optional[str]:
        """The mode of type ``kind`` from the mode head's ``probabilities``: the likeliest of the
        type's modes, if it has half of their probability."""
        within = [(probabilities[column], name) for column, name in self.modes_by_type.get(kind, [])]
        if not within:
            return None
        probability, name = max(within)
        share = probability / sum(p for p, _ in within)
        mode = name.split(":", 1)[1]
        return mode if mode and share >= 0.5 else None
