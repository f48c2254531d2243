"""Speed: commands that do not analyze start without spaCy; --jobs and bench give real answers."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import PAGES

from dragoman.ingest import RawArticle
from dragoman.settings import Settings
from dragoman.workers import analyze_parallel, own_peak_mb, tapering_batches

# Each of these loads the model again (two worker processes; bare spaCy): minutes on a 2-core
# machine, which the suite's time limit cannot pay on every run.
reloads_the_model = pytest.mark.skipif(not os.environ.get("DRAGOMAN_SLOW_TESTS"),
                                       reason="loads the model again; run with DRAGOMAN_SLOW_TESTS=1")

STARTUP = """
import sys
from click.testing import CliRunner
from dragoman.cli import cli

db = sys.argv[1]
for args in (["--help"], ["analyze", "--help"], ["bench", "--help"], ["ingest", "--help"], ["serve", "--help"],
             ["schema"], ["search", "lavrov", "--db", db], ["actors", "--db", db], ["stories", "--db", db]):
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, (args, result.output)
print(sorted({name.split(".")[0] for name in sys.modules} & {"spacy", "thinc"}))
"""


def test_commands_that_do_not_analyze_start_without_importing_spacy(tmp_path):
    """A fresh interpreter, as a shell user gets one: spaCy alone takes seconds to import."""
    done = subprocess.run([sys.executable, "-c", STARTUP, str(tmp_path / "corpus.db")],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"  # on main before issue 18: ['spacy', 'thinc']


def test_the_models_multiply_matrices_through_numpy_unless_told_blis(pipeline):
    """blis falls back to generic kernels on CPUs its build does not know; OpenBLAS picks at run time."""
    tok2vec = pipeline.nlp.get_pipe("tok2vec").model
    assert type(tok2vec.ops).__name__ == "NumpyOps" and tok2vec.ops.use_blis is False
    assert Settings().matmul == "numpy" and Settings.from_env({"DRAGOMAN_MATMUL": "blis"}).matmul == "blis"


def test_a_worker_reports_its_own_peak_memory_not_its_parents():
    peak = own_peak_mb()
    assert peak is not None and 10 < peak < resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 + 1


def test_workers_are_handed_smaller_batches_at_the_end_so_that_they_finish_together():
    sizes = [len(batch) for batch in tapering_batches(iter(range(120)), 8, 2)]
    assert sizes == [8] * 13 + [4, 3, 3, 2, 1, 1, 1, 1]
    assert [len(batch) for batch in tapering_batches(iter(range(5)), 8, 2)] == [2, 1, 1, 1]  # not all to one worker
    assert [n for batch in tapering_batches(iter(range(1000)), 8, 3) for n in batch] == list(range(1000))
    assert list(tapering_batches(iter([]), 8, 2)) == []

ARTICLES = {
    "a-talks.txt": "Talks resume in Doha\n\nQatar's foreign minister said on Monday that the talks would resume. "
                   "\"We are ready,\" the minister told reporters in Doha.",
    "b-strike.txt": "Workers strike in Lyon\n\nThousands of workers marched through Lyon on Tuesday. "
                    "The union accused the government of ignoring them.",
    "c-visit.txt": "Minister visits Kenya\n\nThe Indian foreign minister met Kenya's president in Nairobi. "
                   "Both leaders signed a trade agreement, officials said.",
}


def blas_threads() -> int:
    from threadpoolctl import threadpool_info

    return max(pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas")


def test_a_one_process_run_multiplies_with_one_blas_thread_and_gives_the_callers_setting_back(pipeline):
    """A second OpenBLAS thread bought a one-process run no time, only a quarter more CPU; but a
    library caller's own setting is its own, between the outcomes and after the run."""
    from threadpoolctl import threadpool_limits

    seen: list[int] = []

    class Watched:
        """The session's pipeline, noting the BLAS threads it analyzes with."""

        def analyze_stream(self, batch, date=None):
            seen.append(blas_threads())
            return pipeline.analyze_stream(batch, date=date)

    raws = [RawArticle(source=name, text=text) for name, text in ARTICLES.items()]
    with threadpool_limits(2, user_api="blas"):
        between = []
        for _raw, outcome in analyze_parallel(raws, Settings(batch_size=2), pipeline=Watched()):
            assert outcome.actors
            between.append(blas_threads())
        assert seen == [1, 1] and between == [2, 2, 2] and blas_threads() == 2


@reloads_the_model
def test_analyze_jobs_2_gives_the_records_of_jobs_1_in_input_order(run, tmp_path):
    for name, text in ARTICLES.items():
        (tmp_path / name).write_text(text, "utf-8")
    (tmp_path / "b-empty.txt").write_text("", "utf-8")
    paths = sorted(tmp_path.iterdir())
    serial = run("analyze", *paths, "--format", "jsonl", "--jobs", "1")
    parallel = run("analyze", *paths, "--format", "jsonl", "--jobs", "2")
    records = [json.loads(line) for line in parallel.stdout.splitlines()]
    assert [Path(r["source"]).name for r in records] == ["a-talks.txt", "b-strike.txt", "c-visit.txt"]
    assert all(r["actors"] for r in records)
    assert records == [json.loads(line) for line in serial.stdout.splitlines()]
    for result in (serial, parallel):
        assert result.exit_code == 1
        assert [line for line in result.stderr.splitlines() if "error:" in line] == [
            f"dragoman: error: {tmp_path / 'b-empty.txt'}: empty file"]
        assert "analyzed 3, failed 1" in result.stderr


@reloads_the_model
def test_bench_reports_throughput_stages_and_the_ratio_to_bare_spacy(run):
    result = run("bench", "--corpus", PAGES, "--limit", "2", "--json")
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["articles"] == 2 and report["words"] > 300
    assert report["ratio"] > 0 and report["articles_per_second"] > 0 and report["words_per_second"] > 0
    assert report["bare_peak_mb"] > 100 and report["peak_mb"] >= report["bare_peak_mb"]
    stages = report["stages"]
    assert {"cleaning", "tokenizer", "parser", "ner", "dragoman_actors", "dragoman_quotes", "dragoman_events",
            "dragoman_claims", "serialisation"} <= set(stages)
    assert abs(sum(stages.values()) - report["dragoman_seconds"]) < 0.05 * report["dragoman_seconds"]
    assert len(report["records_sha256"]) == 64
    assert report["matmul"] == "numpy" and report["bare_same_matmul_seconds"] > 0 and report["own_ratio"] > 0
    assert report["cpu_seconds"] > 0 and report["core_share"] > 0 and "busy_share" not in report
    assert len(report["rounds"]) == 1 and report["records_identical"] and "speedup" not in report
    assert abs(sum(report["stage_shares"].values()) - 1) < 0.01 and 0 < report["own_over_parse"] < 1


@reloads_the_model
def test_bench_rounds_report_the_median_of_timings_taken_side_by_side(run):
    result = run("bench", "--corpus", PAGES, "--limit", "2", "--rounds", "3", "--json")
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    rounds = report["rounds"]
    assert len(rounds) == 3 and report["records_identical"]
    assert report["dragoman_seconds"] == sorted(r["dragoman_seconds"] for r in rounds)[1]
    assert report["ratio"] == round(sorted(r["bare_seconds"] / r["dragoman_seconds"] for r in rounds)[1], 3)


@reloads_the_model
def test_bench_with_two_jobs_reports_each_workers_own_peak_memory(run):
    result = run("bench", "--corpus", PAGES, "--limit", "4", "--jobs", "2", "--json")
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["articles"] == 4 and "dragoman_events" in report["stages"]  # from the one-job run beside it
    assert report["speedup"] == round(report["one_job_seconds"] / report["dragoman_seconds"], 3)
    assert 100 < report["worker_peak_mb"] < report["peak_mb"]  # the parent peaked in bare spaCy
    assert 0 < report["cpu_seconds"] <= report["busy_seconds"] * 1.1  # a worker's batch uses one core at most
    assert 0 < report["core_share"] <= report["busy_share"] * 1.1 and report["busy_share"] <= 1.0
