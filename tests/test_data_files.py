"""Data files are checked when read: a broken one fails at load, naming the file, the line and why."""

from __future__ import annotations

import pytest

from dragoman.data_files import load_json, parse_json, parse_jsonl, schema_for
from dragoman.errors import DataFileError


def test_a_typo_in_the_curated_actors_names_file_and_line(tmp_path):
    path = tmp_path / "curated.jsonl"
    path.write_text(
        '{"name": "Sergei Lavrov", "aliases": ["Lavrov"], "type": "person", "roles": [{"title": "Foreign Minister", '
        '"country": "RUS", "code": "RUSGOV", "start": "2004-03-09"}], "source": "Wikipedia: Sergei Lavrov"}\n'
        '{"name": "Hakan Fidan", "aliases": ["Fidan"], "type": "person", "roles": [{"title": "Foreign Minister", '
        '"country": "Turkey", "code": "TURGOV"}], "source": "Wikipedia: Hakan Fidan"}\n', "utf-8")
    with pytest.raises(DataFileError) as error:
        list(parse_jsonl(path, "curated.jsonl", schema_for("actors/curated.jsonl")))
    assert error.value.line == 2 and "curated.jsonl, line 2" in str(error.value) and "Turkey" in str(error.value)


def test_a_wrong_plover_type_in_the_triggers_names_its_line(tmp_path):
    path = tmp_path / "triggers.json"
    path.write_text('{\n "verbs": {\n  "meet": "CONSULT",\n  "bomb": "ASSAULTS"\n },\n "nouns": {}, "light_verbs": {},'
                    ' "modes": {}, "intent_types": {}\n}\n', "utf-8")
    with pytest.raises(DataFileError) as error:
        parse_json(path, "triggers.json", schema_for("events/triggers.json"))
    assert error.value.line == 4 and "ASSAULTS" in error.value.reason


def test_broken_json_names_its_line(tmp_path):
    path = tmp_path / "mentions.json"
    path.write_text('{\n "subject_max_climb": 5,\n "relative_pronouns": ["who",]\n}\n', "utf-8")
    with pytest.raises(DataFileError) as error:
        parse_json(path, "mentions.json", None)
    assert error.value.line == 3


def test_the_shipped_files_pass_their_schemas():
    assert load_json("events/triggers.json")["verbs"]
    assert load_json("mentions.json")["subject_max_climb"] >= 1
