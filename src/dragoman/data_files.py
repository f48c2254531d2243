"""Read the data files shipped under ``dragoman/data/`` (lexicons, word lists, the knowledge base).

A data file with a schema in ``data/schemas/`` (``events/triggers.json`` -> ``schemas/triggers.schema.json``) is
checked when it is read: a typo fails at load, naming the file, the line and the reason, instead of
failing every article later as a stage error.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from importlib.abc import Traversable
from typing import Any, Optional

import jsonschema

from dragoman.errors import DataFileError


def data_path(name: str) -> Traversable:
    return resources.files("dragoman").joinpath("data", name)


def schema_for(name: str) -> Optional[dict]:
    """The schema of data file ``name``: ``schemas/<folder>-<stem>.schema.json`` where two folders
    hold files of one name (``quotes/cues.json``), else ``schemas/<stem>.schema.json``
    (``events/triggers.json`` -> ``schemas/triggers.schema.json``)."""
    folder, _, file = name.rpartition("/")
    stem = file.split(".")[0]
    for candidate in ([f"{folder.replace('/', '-')}-{stem}"] if folder else []) + [stem]:
        path = data_path(f"schemas/{candidate}.schema.json")
        if path.is_file():
            return json.loads(path.read_text("utf-8"))
    return None


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


@lru_cache(maxsize=None)
def load_json(name: str) -> Any:
    """A JSON data file, parsed and checked once per process (the files are read-only)."""
    return parse_json(data_path(name), f"data/{name}", schema_for(name))


@lru_cache(maxsize=1)
def speech_verbs() -> frozenset[str]:
    """Lemmas and forms of verbs that report speech: ``data/quotes/speech_verbs.txt`` plus ours."""
    text = data_path("quotes/speech_verbs.txt").read_text("utf-8")
    words = {line.strip().lower() for line in text.splitlines() if line.strip()}
    return frozenset(words | set(load_json("quotes/cues.json")["extra_speech_verbs"]))
