"""Data files are checked when read: a broken one fails at load, naming the file, the line and why."""

from __future__ import annotations

import pytest

from dragoman.data_files import load_json, parse_json, schema_for
from dragoman.errors import DataFileError


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
    assert load_json("claims/relations.json")["holder_max_climb"] >= 1
    assert load_json("quotes/cues.json")["max_climb"] >= 1


def test_a_quote_limit_written_as_text_names_its_line(tmp_path):
    text = resources_text("quotes/cues.json").replace('"max_climb": 10', '"max_climb": "10"')
    path = tmp_path / "cues.json"
    path.write_text(text, "utf-8")
    with pytest.raises(DataFileError) as error:
        parse_json(path, "cues.json", schema_for("quotes/cues.json"))
    assert "'10' is not of type 'integer'" in error.value.reason
    assert text.splitlines()[error.value.line - 1].strip().startswith('"max_climb"')


def test_a_relation_word_of_an_unknown_kind_names_its_line(tmp_path):
    text = (resources_text("claims/relations.json")).replace('"critic": "criticises"', '"critic": "criticizes"')
    path = tmp_path / "relations.json"
    path.write_text(text, "utf-8")
    with pytest.raises(DataFileError) as error:
        parse_json(path, "relations.json", schema_for("claims/relations.json"))
    assert "criticizes" in error.value.reason and error.value.line > 1


def resources_text(name):
    from dragoman.data_files import data_path
    return data_path(name).read_text("utf-8")
