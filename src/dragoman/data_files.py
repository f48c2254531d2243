"""Read the data files shipped under ``dragoman/data/`` (lexicons, word lists, the knowledge base).

A data file with a schema in ``data/schemas/`` (``curated.jsonl`` -> ``curated.schema.json``) is
checked when it is read: a typo fails at load, naming the file, the line and the reason, instead of
failing every article later as a stage error.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from importlib.abc import Traversable
from typing import Any, Iterator, Optional

import jsonschema

from dragoman.errors import DataFileError


def data_path(name: str) -> Traversable:
    return resources.files("dragoman").joinpath("data", name)


def schema_for(name: str) -> Optional[dict]:
    """The schema of data file ``name`` (``events/triggers.json`` -> ``schemas/triggers.schema.json``)."""
    stem = name.rsplit("/", 1)[-1].split(".")[0]
    path = data_path(f"schemas/{stem}.schema.json")
    return json.loads(path.read_text("utf-8")) if path.is_file() else None


def line_of(text: str, error: jsonschema.ValidationError) -> int:
    """The line of a JSON file where the offending key stands (1 when it cannot be told)."""
    keys = [k for k in error.absolute_path if isinstance(k, str)]
    if not keys:
        return 1
    match = re.search(re.escape(json.dumps(keys[-1])) + r"\s*:", text)
    return text.count("\n", 0, match.start()) + 1 if match else 1


def reason(error: jsonschema.ValidationError) -> str:
    where = "/".join(str(p) for p in error.absolute_path)
    return f"{error.message}" + (f" (at {where})" if where else "")


def parse_json(path: Traversable, label: str, schema: Optional[dict]) -> Any:
    text = path.read_text("utf-8")
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DataFileError(label, exc.lineno, exc.msg) from exc
    if schema is not None:
        error = jsonschema.exceptions.best_match(jsonschema.Draft202012Validator(schema).iter_errors(value))
        if error is not None:
            raise DataFileError(label, line_of(text, error), reason(error))
    return value


def parse_jsonl(path: Traversable, label: str, schema: Optional[dict]) -> Iterator[dict]:
    validator = jsonschema.Draft202012Validator(schema) if schema is not None else None
    for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise DataFileError(label, number, exc.msg) from exc
        error = jsonschema.exceptions.best_match(validator.iter_errors(row)) if validator else None
        if error is not None:
            raise DataFileError(label, number, reason(error))
        yield row


@lru_cache(maxsize=None)
def load_json(name: str) -> Any:
    """A JSON data file, parsed and checked once per process (the files are read-only)."""
    return parse_json(data_path(name), f"data/{name}", schema_for(name))


def load_jsonl(name: str) -> Iterator[dict]:
    """The rows of a JSON Lines data file, each checked against the file's schema."""
    return parse_jsonl(data_path(name), f"data/{name}", schema_for(name))


@lru_cache(maxsize=1)
def speech_verbs() -> frozenset[str]:
    """Lemmas and forms of verbs that report speech: ``data/quotes/speech_verbs.txt`` plus ours."""
    text = data_path("quotes/speech_verbs.txt").read_text("utf-8")
    words = {line.strip().lower() for line in text.splitlines() if line.strip()}
    return frozenset(words | set(load_json("quotes/cues.json")["extra_speech_verbs"]))
