"""Read the data files shipped under ``dragoman/data/`` (lexicons, word lists, the schema)."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any


@lru_cache(maxsize=None)
def load_json(name: str) -> Any:
    """A JSON data file, parsed once per process (the files are read-only)."""
    return json.loads(resources.files("dragoman").joinpath("data", name).read_text("utf-8"))


@lru_cache(maxsize=1)
def speech_verbs() -> frozenset[str]:
    """Lemmas and forms of verbs that report speech: ``data/quotes/speech_verbs.txt`` plus ours."""
    text = resources.files("dragoman").joinpath("data", "quotes", "speech_verbs.txt").read_text("utf-8")
    words = {line.strip().lower() for line in text.splitlines() if line.strip()}
    return frozenset(words | set(load_json("quotes/cues.json")["extra_speech_verbs"]))
