"""The accuracy gate: dev pages kept in the repo must not score below the pinned floors."""

from __future__ import annotations

import json
from pathlib import Path

from dragoman.evaluate import is_skipped

GOLD_DIR = Path(__file__).resolve().parent / "gold"


def test_dev_pages_stay_above_the_pinned_floors(run):
    floors = json.loads((GOLD_DIR / "floors.json").read_text("utf-8"))
    result = run("eval", *sorted(GOLD_DIR.glob("*-*.json")), "--json")
    totals = json.loads(result.stdout)["total"]
    below = {name: (totals[name]["found"], floor) for name, floor in floors.items()
             if not name.startswith("_") and totals[name]["found"] < floor}
    assert not below, f"below the floor (found, floor): {below}"


def test_skip_patterns_are_substrings_or_globs():
    gold = Path("../shared/gold/moscow-times-doha-forum.json")
    assert is_skipped(gold, ("moscow-times",))
    assert is_skipped(gold, ("moscow-*.json",))
    assert not is_skipped(gold, ("nypost",))


def test_eval_with_every_file_skipped_scores_nothing(run):
    result = run("eval", *sorted(GOLD_DIR.glob("*-*.json")), "--skip", "-", "--json")
    assert json.loads(result.stdout)["files"] == {}
