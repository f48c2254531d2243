"""The hostile-input battery of issue 14 in one batch, good articles interleaved: time, peak memory,
and whether two runs give the same output.

Usage: python benchmarks/hostile.py [--keep DIR]

Builds the battery in a temporary directory (a gzip bomb expanding to 1 GiB, a FIFO, a symlink to
/dev/zero, broken WARC records, odd encodings, wrong JSON field types, ...; good articles made from
the test fixtures between them), runs ``dragoman analyze`` on it twice as a user would, and prints
the peak memory of the run (resource.getrusage of the child), its time, the counts line, every
stderr line, and whether stdout was the same both times. Nothing here is a timed test.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "samples" / "moscow-times-doha-forum.txt"
PAGES = ROOT / "tests" / "fixtures" / "pages"
PARAGRAPH = ("Russian Foreign Minister Sergei Lavrov said on Saturday that Syria must not be allowed to fall "
             "into the hands of a terrorist group, speaking at the Doha Forum in Qatar.")


def page(name: str) -> str:
    return gzip.decompress((PAGES / name).read_bytes()).decode("utf-8")


def gzip_bomb(path: Path, size: int) -> None:
    """``size`` bytes of one letter, gzipped as a stream (never held in memory)."""
    squeeze = zlib.compressobj(9, zlib.DEFLATED, 31)
    chunk = b"A" * (1 << 20)
    with path.open("wb") as out:
        for _ in range(size // len(chunk)):
            out.write(squeeze.compress(chunk))
        out.write(squeeze.flush())


def warc(records: list[tuple[str, str, str, str]]) -> bytes:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=False)
    for url, html, status, kind in records:
        headers = StatusAndHeaders(status, [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, kind, payload=io.BytesIO(html.encode()), http_headers=headers))
    return out.getvalue()


def build(root: Path) -> list[str]:
    """The battery; returns the paths to name on the command line (the directory and a few files)."""
    d = root / "battery"
    d.mkdir()
    sample = SAMPLE.read_text("utf-8")
    good = 0

    def good_article(stem: str) -> None:
        nonlocal good
        good += 1
        (d / f"{stem}-good-{good:02d}.txt").write_text(sample)

    cases = {
        "a-utf16-bom-odd.txt": b"\xff\xfeP\x00u\x00A",
        "b-wrong-types.jsonl": "\n".join(json.dumps({"text": PARAGRAPH, k: v}) for k, v in
                                         [("title", 123), ("url", ["x"]), ("outlet", {"a": 1}), ("published", 20241207)]).encode(),
        "c-dates.jsonl": "\n".join(json.dumps({"id": f"d{n}", "text": sample, "published": p}) for n, p in
                                   enumerate(["Sat, 07 Dec 2024 10:00:00 GMT", "2024-12", "yesterday"])).encode(),
        "e-feed.rss.gz": gzip.compress((f'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item>'
                                        f'<title>A</title><link>https://x.org/a</link><description>{PARAGRAPH}</description>'
                                        f'</item></channel></rss>').encode()),
        "f-array.json": json.dumps([{"id": "j1", "text": sample}, {"id": "j2", "text": PARAGRAPH}], indent=2).encode(),
        "g-party-lead.txt": b"Gov. Kristi Noem (R) said Tuesday that she would sign the bill once it reached her desk.",
        "h-latin1.txt": ("Le ministre a d\u00e9clar\u00e9 samedi que la Syrie ne doit pas tomber. " * 5).encode("latin-1"),
        "i-utf16-nobom.txt": sample.encode("utf-16-le"),
        "j-crawl.warc": (warc([("https://a.org/gone", page("polygraph-al-tanf.html.gz"), "404 Not Found", "response"),
                               ("https://a.org/ok", page("aljazeera-afghanistan-helicopter.html.gz"), "200 OK", "response"),
                               ("https://a.org/ok", page("aljazeera-afghanistan-helicopter.html.gz"), "200 OK", "revisit")])),
        "k-deep.html": ("<html><body>" + "<div>" * 100_000 + PARAGRAPH + "</div>" * 100_000 + "</body></html>").encode(),
        "l-page.html.gz": (PAGES / "bbc-swift-big-machine.html.gz").read_bytes(),
        "m-empty.txt": b"",
        "LICENSE": b"MIT License",
        "README.md": b"# notes",
    }
    truncated = warc([("https://a.org/cut", page("nypost-taliban-hostages.html.gz"), "200 OK", "response")])
    cases["n-truncated.warc"] = truncated[: len(truncated) // 2]
    for name, data in cases.items():
        good_article(name[0])
        (d / name).write_bytes(data)
    gzip_bomb(d / "o-bomb.txt.gz", 1 << 30)
    with open(os.path.join(os.fsencode(d), b"p-caf\xe9.txt"), "wb") as out:
        out.write(sample.encode())
    (d / "q-zero.txt").symlink_to("/dev/zero")
    os.mkfifo(d / "r-fifo.txt")
    (d / ".hidden").mkdir()
    (d / ".hidden" / "x.txt").write_text(sample)
    (d / "s-linked").symlink_to(root / "elsewhere", target_is_directory=True)
    (root / "elsewhere").mkdir()
    (root / "elsewhere" / "t.txt").write_text(sample)
    (d / "u-loop").symlink_to(d, target_is_directory=True)
    (d / "v-long-line.txt").write_text(" ".join([PARAGRAPH] * 110_000))  # 20 MB on one line
    (root / "w-self-loop").symlink_to(root / "w-self-loop")
    return [str(d), str(root / "w-self-loop")]


def run_once(paths: list[str], out: Path) -> tuple[float, int, str, int]:
    """Seconds, peak memory in MB of the child, its stderr, its exit status."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    command = Path(sys.executable).parent / "dragoman"
    done = subprocess.run([str(command), "analyze", *paths, "--format", "jsonl", "-o", str(out),
                           "--max-bytes", "30000000"], capture_output=True, text=True, stdin=subprocess.DEVNULL)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return seconds, max(peak, before) // 1024, done.stderr, done.returncode


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="Build the battery here and keep it.")
    args = parser.parse_args()
    root = Path(args.keep or tempfile.mkdtemp(prefix="dragoman-hostile-"))
    root.mkdir(parents=True, exist_ok=True)
    try:
        paths = build(root)
        outputs = []
        for attempt in (1, 2):
            out = root / f"out-{attempt}.jsonl"
            seconds, peak_mb, stderr, status = run_once(paths, out)
            outputs.append(out.read_text("utf-8"))
            print(f"run {attempt}: {seconds:.1f} s, peak memory {peak_mb} MB, exit {status}, {stderr.splitlines()[-1]}")
        print("same output both runs:", outputs[0] == outputs[1])
        print("records:", len(outputs[0].splitlines()))
        good = sorted(p.name for p in root.rglob("*-good-*.txt"))
        analyzed = {Path(json.loads(line)["source"]).name for line in outputs[0].splitlines()}
        print(f"good articles analyzed: {len(set(good) & analyzed)} of {len(good)}")
        print(stderr.replace(str(root), "$TMP"))
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
