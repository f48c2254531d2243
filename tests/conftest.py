"""Shared fixtures: one loaded pipeline per test session, paths to the real fixtures, the CLI."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from click.testing import CliRunner

from dragoman.cli import cli
from dragoman.pipeline import Pipeline

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "samples" / "moscow-times-doha-forum.txt"
GOLD = ROOT / "examples" / "gold" / "moscow-times-doha-forum.json"
PAGES = Path(__file__).resolve().parent / "fixtures" / "pages"


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline()


@pytest.fixture(scope="session")
def sample_record(pipeline):
    return pipeline.analyze(SAMPLE.read_text("utf-8"))


def page_html(name: str) -> str:
    return gzip.decompress((PAGES / name).read_bytes()).decode("utf-8")


@pytest.fixture(scope="session")
def loaded_pipelines(pipeline) -> dict[str, Pipeline]:
    """Pipelines by their settings, shared by every command a test runs: a shell user pays for
    loading the parser once per command, a test suite need not pay it once per test."""
    return {repr(pipeline.settings): pipeline}


@pytest.fixture
def run(loaded_pipelines, monkeypatch):
    """Run the real ``dragoman`` command; returns the click Result (stdout, stderr, exit code).
    Commands get an already loaded pipeline with the same settings when there is one."""
    runner = CliRunner()

    def reuse(settings=None):
        built = Pipeline(settings)
        return loaded_pipelines.setdefault(repr(built.settings), built)

    monkeypatch.setattr("dragoman.cli.Pipeline", reuse)

    def invoke(*args: str, input: bytes | None = None, env: dict[str, str] | None = None):
        return runner.invoke(cli, [str(a) for a in args], input=input, env=env, catch_exceptions=False)

    return invoke
