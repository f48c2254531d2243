"""Bad input: one line on stderr naming the input and the reason; the batch goes on.

Exit status is 0 when all inputs were analyzed, 1 when any failed, 2 on bad usage.
"""

import json
import random
import struct
import zlib

import pytest
from conftest import PAGES, SAMPLE
from test_ingest import warc_bytes
from conftest import page_html


def png_bytes() -> bytes:
    """A real 1x1 PNG image."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + chunk(b"IEND", b""))


def undecodable_bytes() -> bytes:
    rng = random.Random(7)
    return bytes(rng.randrange(0x80, 0x100) for _ in range(3000))


BAD = {
    "empty.txt": (b"", "empty file"),
    "blank.txt": (b"  \n\n \n", "empty file"),
    "photo.txt": (png_bytes(), "binary file"),
    "garbled.txt": (undecodable_bytes(), "undecodable bytes"),
    "broken.html": (b"<html><head><title>x</title></head><body><div></div>", "no article text"),
    "lines.jsonl": (b'{"id": 1, "text": ', "invalid JSON"),
    "no-text.jsonl": (b'{"id": 2, "title": "no body"}', "needs a non-empty 'text' or 'html'"),
    "junk.warc": (b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\nshort", "broken WARC record"),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_each_bad_input_gets_one_line_naming_it_and_why(run, tmp_path, name):
    data, reason = BAD[name]
    path = tmp_path / name
    path.write_bytes(data)
    result = run("analyze", path, SAMPLE, "--format", "jsonl")
    errors = [line for line in result.stderr.splitlines() if "error" in line]
    assert len(errors) == 1 and str(path) in errors[0] and reason in errors[0], result.stderr
    assert result.stderr.splitlines()[-1] == "dragoman: analyzed 1, failed 1"
    assert result.exit_code == 1
    assert json.loads(result.stdout.splitlines()[0])["title"].startswith("Assad Ally Russia")


def test_missing_path(run, tmp_path):
    result = run("analyze", tmp_path / "nope.txt")
    assert "nope.txt: no such file or directory" in result.stderr
    assert result.exit_code == 1


def test_directory_with_no_articles(run, tmp_path):
    result = run("analyze", tmp_path)
    assert f"{tmp_path}: directory holds no article files" in result.stderr
    assert result.exit_code == 1


def test_file_over_the_size_limit(run):
    result = run("analyze", SAMPLE, "--max-bytes", "1000")
    assert "over the 0.001 MB limit" in result.stderr and str(SAMPLE) in result.stderr
    assert result.exit_code == 1


def test_broken_warc_keeps_the_records_before_the_break(run, tmp_path):
    good = warc_bytes([("https://www.aljazeera.com/a", page_html("aljazeera-afghanistan-helicopter.html.gz"))])
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(good + b"\x1f\x8b\x08\x00garbage that is not gzip")
    result = run("analyze", path, "--format", "jsonl")
    assert len(result.stdout.splitlines()) == 1
    assert "crawl.warc.gz#2: broken WARC record" in result.stderr
    assert result.exit_code == 1


def test_a_batch_of_good_and_bad_files_yields_every_good_record(run, tmp_path):
    for name, (data, _) in BAD.items():
        (tmp_path / name).write_bytes(data)
    (tmp_path / "article.txt").write_bytes(SAMPLE.read_bytes())
    (tmp_path / "page.html.gz").write_bytes((PAGES / "aljazeera-afghanistan-helicopter.html.gz").read_bytes())
    jsonl = json.dumps({"id": "x1", "text": SAMPLE.read_text("utf-8")}) + "\nnot json\n"
    (tmp_path / "batch.jsonl").write_text(jsonl)
    result = run("analyze", tmp_path, "--format", "jsonl")
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert sorted(r["source"].rsplit("/", 1)[-1] for r in records) == ["article.txt", "batch.jsonl:1", "page.html.gz"]
    assert result.stderr.splitlines()[-1] == f"dragoman: analyzed 3, failed {len(BAD) + 1}"
    assert result.exit_code == 1


def test_bad_usage_exits_2(run):
    assert run("analyze").exit_code == 2
    assert run("analyze", SAMPLE, "--date", "7 December").exit_code == 2
    assert run("analyze", SAMPLE, "--format", "xml").exit_code == 2
