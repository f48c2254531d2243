"""Throughput of ``dragoman spark`` in local[1] and local[2] against the single-process CLI, one run each.

Usage: python benchmarks/spark_throughput.py INPUT... [--masters 'local[1]' 'local[2]'] [--work DIR]

INPUTs are what both commands read (the PETR2 sentences as JSON Lines, a folder of pages). Each
command runs once, as a user runs it, and the whole wall time counts: interpreter start, loading
the pipeline (once per Spark Python worker), the JVM for Spark, writing the output. The figure
is the ratio of articles per second to ``dragoman analyze --format jsonl``'s. The load average
before each command is printed beside it: on a shared machine other processes take cores too.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def timed(command: list[str]) -> tuple[float, int, int]:
    """Wall seconds, articles analyzed and inputs failed, from the command's last stderr line."""
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    found = re.search(r"analyzed (\d+), failed (\d+)", done.stderr)
    if found is None:
        sys.exit(f"{' '.join(command)} ended with status {done.returncode}:\n{done.stderr[-3000:]}")
    return seconds, int(found.group(1)), int(found.group(2))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="+")
    parser.add_argument("--masters", nargs="+", default=["local[1]", "local[2]"])
    parser.add_argument("--work", help="Folder for the outputs [default: a temporary one].")
    args = parser.parse_args()
    work = Path(args.work or tempfile.mkdtemp(prefix="dragoman-spark-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    dragoman = [sys.executable, "-c", "from dragoman.cli import main; main()"]
    runs = [("dragoman analyze (one process)", [*dragoman, "analyze", *args.inputs, "--format", "jsonl",
                                               "-o", str(work / "records.jsonl"), "--no-progress"])]
    for master in args.masters:
        runs.append((f"dragoman spark --master {master}",
                     [*dragoman, "spark", *args.inputs, str(work / master.replace("[", "-").strip("]")),
                      "--master", master, "--conf", "spark.ui.enabled=false"]))
    base = None
    print(f"inputs: {' '.join(args.inputs)}")
    print("| command | load before (1 min) | articles | failed | wall s | articles/s | ratio to the CLI |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for name, command in runs:
        load = os.getloadavg()[0]
        seconds, analyzed, failed = timed(command)
        rate = analyzed / seconds
        base = base or rate
        print(f"| {name} | {load:.2f} | {analyzed} | {failed} | {seconds:.0f} | {rate:.2f} | {rate / base:.2f} |", flush=True)


if __name__ == "__main__":
    main()
