"""The dragoman command, run as a user would."""

import json

import jsonschema
from conftest import GOLD, PAGES, SAMPLE

from dragoman.record import shipped_schema


def test_one_input_writes_one_json_object_that_validates(run):
    result = run("analyze", SAMPLE, "--date", "2024-12-07")
    record = json.loads(result.stdout)
    jsonschema.validate(record, shipped_schema())
    assert (record["published"], record["published_from"]) == ("2024-12-07", "given")
    assert result.exit_code == 0


def test_several_inputs_write_json_lines(run):
    result = run("analyze", SAMPLE, PAGES / "aljazeera-afghanistan-helicopter.html.gz")
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["title"][:12] for r in records] == ["Assad Ally R", "US service m"]
    for record in records:
        jsonschema.validate(record, shipped_schema())


def test_standard_input(run):
    result = run("analyze", "-", "--format", "jsonl", input=SAMPLE.read_bytes())
    assert json.loads(result.stdout)["source"] == "<stdin>"


def test_output_file_and_summary(run, tmp_path):
    out = tmp_path / "record.json"
    assert run("analyze", SAMPLE, "-o", out).exit_code == 0
    assert json.loads(out.read_text())["wire"] == "AFP"
    summary = run("analyze", SAMPLE, "--format", "summary").stdout
    assert summary.startswith("# Assad Ally Russia Says")
    assert "caption: Turkish Foreign Minister Hakan Fidan (C)" in summary


def test_eval_scores_the_founding_article_against_its_gold(run):
    result = run("eval", GOLD, "--json")
    report = json.loads(result.stdout)
    scores = report["files"][str(GOLD)]
    assert report["total"]["title"] == scores["title"]
    assert scores["title"] == {"found": 1, "total": 1, "missed": []}
    assert scores["published"]["found"] == 2
    assert scores["text"]["found"] == scores["text"]["total"] == 8


def test_help_on_every_command(run):
    for command in ("analyze", "eval", "schema"):
        result = run(command, "--help")
        assert result.exit_code == 0 and "Usage: " in result.stdout


def test_every_command_is_documented_in_the_readme():
    from conftest import ROOT

    from dragoman.cli import cli

    readme = (ROOT / "README.md").read_text("utf-8")
    for name in cli.commands:
        assert f"dragoman {name}" in readme, f"`dragoman {name}` is not in the README"
