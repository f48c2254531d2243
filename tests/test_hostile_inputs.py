"""Hostile and odd inputs, as a new user feeds them (issue 14): none crashes a batch, none hangs
or eats the machine, none is silently misread. Every file is made here, small; bombs are small
too and meet a low --max-bytes.
"""

import gzip
import io
import json
import os
import socket
import stat

import pytest
from conftest import PAGES, SAMPLE, page_html
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from dragoman.errors import InputError, Skipped
from dragoman.ingest import RawArticle, read_bytes, read_inputs
from dragoman.ingest.fields import parse_published

ARTICLE = SAMPLE.read_text("utf-8")
PARAGRAPH = ("Russian Foreign Minister Sergei Lavrov said on Saturday that Syria must not be allowed to fall "
             "into the hands of a terrorist group, speaking at the Doha Forum in Qatar.")


def items(paths, max_bytes=10**7):
    return list(read_inputs([str(p) for p in paths], max_bytes))


def only(found):
    found = list(found)
    assert len(found) == 1, found
    return found[0]


def error_of(item, cls=InputError):
    assert isinstance(item, cls), item
    return item.reason


# Tracebacks that killed the batch

def test_utf16_bom_followed_by_odd_bytes_is_one_error():
    reason = error_of(only(read_bytes(b"\xff\xfeP\x00u\x00A", "odd.txt")))
    assert "UTF-16" in reason


@pytest.mark.parametrize("field, value, kind", [
    ("title", 123, "a number"), ("url", ["x"], "a list"), ("outlet", {"a": 1}, "an object"),
    ("published", 20241207, "a number"), ("published", True, "true/false"), ("id", [1], "a list"),
])
def test_jsonl_field_of_the_wrong_type_refuses_its_line_only(field, value, kind):
    lines = [json.dumps({"text": PARAGRAPH, field: value}), json.dumps({"id": 7, "text": PARAGRAPH})]
    bad, good = read_bytes("\n".join(lines).encode(), "batch.jsonl")
    assert error_of(bad) == f"'{field}' must be a string{' or a whole number' if field == 'id' else ''}, not {kind}"
    assert bad.source == "batch.jsonl:1"
    assert good.id == "7"


def test_file_name_that_is_not_utf8_is_read_and_named_printably(tmp_path):
    directory = os.fsencode(tmp_path)
    with open(os.path.join(directory, b"caf\xe9.txt"), "wb") as out:
        out.write(ARTICLE.encode())
    raw = only(items([tmp_path]))
    assert raw.source.endswith("caf\\xe9.txt")
    raw.source.encode("utf-8")  # printable on any terminal, writable to JSON


def test_gzip_bomb_is_refused_while_decompressing(tmp_path):
    bomb = tmp_path / "bomb.txt.gz"
    bomb.write_bytes(gzip.compress(b"A" * 5_000_000))
    assert bomb.stat().st_size < 20_000
    reason = error_of(only(items([bomb], max_bytes=100_000)))
    assert "expands to over the 0.1 MB limit" in reason


def test_symlink_to_dev_zero_in_a_directory_is_skipped_unopened(tmp_path):
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    (tmp_path / "article.txt").write_text(ARTICLE)
    found = items([tmp_path])
    assert [type(i).__name__ for i in found] == ["RawArticle", "Skipped"]
    assert found[1].reason == "a character device, not a regular file: not opened"


def test_dev_zero_named_on_the_command_line_is_read_only_up_to_the_limit():
    assert "over the 0.001 MB limit" in error_of(only(items(["/dev/zero"], max_bytes=1000)))


@pytest.mark.parametrize("model", ["foo.bar", "os", "spacy", "../x"])
def test_bad_model_is_a_usage_error(run, model):
    result = run("analyze", SAMPLE, "--model", model)
    assert result.exit_code == 2
    assert "is not" in result.stderr and model in result.stderr and "Traceback" not in result.stderr


def test_bad_max_bytes_in_the_environment_is_a_usage_error(run):
    result = run("analyze", SAMPLE, env={"DRAGOMAN_MAX_BYTES": "abc"})
    assert result.exit_code == 2
    assert "DRAGOMAN_MAX_BYTES='abc' is not a whole number" in result.stderr


def test_unknown_matmul_backend_in_the_environment_is_a_usage_error(run):
    result = run("analyze", SAMPLE, env={"DRAGOMAN_MATMUL": "gpu"})
    assert result.exit_code == 2
    assert "matmul 'gpu' is not one of numpy, blis" in result.stderr


def test_gold_actor_without_name_is_a_gold_error(run, tmp_path):
    (tmp_path / "samples").mkdir()
    (tmp_path / "gold").mkdir()
    (tmp_path / "samples" / "a.txt").write_text(ARTICLE)
    gold = tmp_path / "gold" / "a.json"
    gold.write_text(json.dumps({"article": "samples/a.txt", "actors": [{"country": "RUS"}]}))
    result = run("eval", gold)
    assert result.exit_code == 1
    assert "every gold actor is an object with a 'name'" in result.stderr


# Hang

@pytest.mark.timeout(60)
def test_fifo_in_a_directory_is_skipped_not_read(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "article.txt").write_text(ARTICLE)
    found = items([tmp_path])
    assert isinstance(found[0], type(found[0])) and found[0].source.endswith("article.txt")
    assert found[1].reason == "a FIFO (named pipe), not a regular file: not opened"


def test_socket_in_a_directory_is_skipped(tmp_path):
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(tmp_path / "s.sock"))
        reason = error_of(only(items([tmp_path])[:1]), Skipped)
    finally:
        server.close()
    assert reason.startswith("a socket")


# Dates given in JSON Lines

@pytest.mark.parametrize("given, iso", [
    ("Sat, 07 Dec 2024 10:00:00 GMT", "2024-12-07"), ("2024-12-07T10:00:00Z", "2024-12-07"),
    ("7 December 2024", "2024-12-07"), ("7 décembre 2024", "2024-12-07"), ("2024-12", None),
    ("yesterday", None), ("soon-ish", None),
])
def test_published_strings_are_parsed_or_dropped(given, iso):
    assert parse_published(given) == iso


def test_a_published_date_that_is_not_a_date_is_dropped_with_a_warning():
    raw = only(read_bytes(json.dumps({"text": PARAGRAPH, "published": "yesterday"}).encode(), "a.jsonl"))
    assert raw.published is None
    assert raw.warnings == ["published: 'yesterday' is not a full calendar date; ignored"]


def test_duplicate_ids_are_reported_on_the_second():
    lines = [json.dumps({"id": "x", "text": PARAGRAPH})] * 2
    first, second = read_bytes("\n".join(lines).encode(), "a.jsonl")
    assert first.warnings == [] and second.warnings == ["id: 'x' is also the id of line 1"]


# Silent misreads: sniffing by content

def feed_bytes(atom: bool = False) -> bytes:
    if atom:
        return (f'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>'
                f'<entry><title>A</title><link href="https://x.org/a"/><updated>2024-12-07T10:00:00Z</updated>'
                f'<content type="html">&lt;p&gt;{PARAGRAPH}&lt;/p&gt;</content></entry></feed>').encode()
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>A</title>'
            f'<link>https://x.org/a</link><pubDate>Sat, 07 Dec 2024 10:00:00 GMT</pubDate>'
            f'<description>{PARAGRAPH}</description></item></channel></rss>').encode()


@pytest.mark.parametrize("name, atom", [("news.rss.gz", False), ("news.atom.gz", True), ("feed", False)])
def test_gzipped_feeds_are_read_as_feeds(name, atom):
    raw = only(read_bytes(gzip.compress(feed_bytes(atom)), name))
    assert (raw.url, raw.published, raw.text) == ("https://x.org/a", "2024-12-07", PARAGRAPH)


def test_gzipped_html_on_stdin_is_read_as_html():
    data = (PAGES / "aljazeera-afghanistan-helicopter.html.gz").read_bytes()
    raw = only(read_inputs(["-"], 10**7, stdin=io.BytesIO(data)))
    assert raw.title == "US service members killed in Afghanistan helicopter crash"


def test_jsonl_on_stdin_with_an_early_html_field_is_json_lines():
    lines = [json.dumps({"html": f"<html><body><p>{PARAGRAPH}</p></body></html>", "id": n}) for n in (1, 2)]
    found = list(read_inputs(["-"], 10**7, stdin=io.BytesIO("\n".join(lines).encode())))
    assert [r.id for r in found] == ["1", "2"]


def test_json_array_and_pretty_printed_object_are_json_documents():
    array = json.dumps([{"id": "a", "text": PARAGRAPH}, {"id": "b", "text": PARAGRAPH}], indent=2)
    assert [(r.id, r.source) for r in read_bytes(array.encode(), "x.json")] == [("a", "x.json#1"), ("b", "x.json#2")]
    pretty = json.dumps({"id": "c", "title": "T", "text": PARAGRAPH}, indent=2)
    raw = only(read_bytes(pretty.encode(), "y.json"))
    assert (raw.id, raw.title, raw.source) == ("c", "T", "y.json")


def test_latin1_text_is_decoded_with_a_warning():
    text = "Le ministre a déclaré samedi que la Syrie ne doit pas tomber entre les mains d'un groupe terroriste. " * 3
    raw = only(read_bytes(text.encode("latin-1"), "a.txt"))
    assert "déclaré" in raw.text
    assert raw.warnings and raw.warnings[0].startswith("encoding: not UTF-8; guessed")


@pytest.mark.parametrize("utf8_first", [True, False])
def test_mixed_utf8_and_windows_1252_lines_are_each_decoded(utf8_first):
    utf8, legacy = "Lavrov met Fidan in Doha — the talks went on.\n".encode(), "Le ministre a déclaré: « non ».\n".encode("cp1252")
    raw = only(read_bytes(utf8 + legacy if utf8_first else legacy + utf8, "a.txt"))
    assert "Doha — the" in raw.text and "déclaré: « non »" in raw.text
    assert raw.warnings == ["encoding: mixed; 1 of 3 lines are not UTF-8 and were read as Windows-1252"]


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_text(codec):
    raw = only(read_bytes(PARAGRAPH.encode(codec), "a.txt"))
    assert raw.text == PARAGRAPH and raw.warnings == [f"encoding: no byte-order mark; read as {codec.upper()}"]


def warc_record(writer, url, html, status="200 OK", kind="response"):
    headers = StatusAndHeaders(status, [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
    return writer.create_warc_record(url, kind, payload=io.BytesIO(html.encode()), http_headers=headers)


def warc_of(*records) -> bytes:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=False)
    for args in records:
        writer.write_record(warc_record(writer, *args))
    return out.getvalue()


def test_warc_error_pages_and_revisits_are_skipped_with_the_reason():
    page = page_html("aljazeera-afghanistan-helicopter.html.gz")
    data = warc_of(("https://a.org/gone", page, "404 Not Found"), ("https://a.org/ok", page),
                   ("https://a.org/ok", page, "200 OK", "revisit"))
    gone, good, revisit = read_bytes(data, "crawl.warc")
    assert error_of(gone, Skipped) == "HTTP status 404 Not Found: not an article page"
    assert good.url == "https://a.org/ok"
    assert error_of(revisit, Skipped).startswith("WARC revisit record")


def test_truncated_warc_record_is_reported_not_analyzed():
    data = warc_of(("https://a.org/ok", page_html("polygraph-al-tanf.html.gz")))
    reason = error_of(only(read_bytes(data[: len(data) // 2], "cut.warc")))
    assert reason.startswith("truncated WARC record")


def warcinfo_only() -> bytes:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=False)
    writer.write_record(writer.create_warcinfo_record("crawl.warc", {"software": "test"}))
    return out.getvalue()


@pytest.mark.parametrize("data, reason", [
    (b"", "empty file"), (b" \r\n", "empty file"), (gzip.compress(b""), "empty file"),
    (warcinfo_only(), "no article found in it (read as warc)"),
])
def test_a_warc_with_no_page_is_one_error_not_silence(data, reason):
    assert error_of(only(read_bytes(data, "crawl.warc"))) == reason


def test_hidden_symlinked_and_unreadable_subdirectories_are_reported(tmp_path, monkeypatch):
    for sub in ("visible", ".hidden", "locked"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "a.txt").write_text(ARTICLE)
    elsewhere = tmp_path.parent / (tmp_path.name + "-elsewhere")
    elsewhere.mkdir()
    (elsewhere / "b.txt").write_text(ARTICLE)
    (tmp_path / "linked").symlink_to(elsewhere, target_is_directory=True)
    (tmp_path / "visible" / "loop").symlink_to(tmp_path, target_is_directory=True)
    real_scandir = os.scandir

    def scandir(path):  # the suite runs as root, which reads any directory: refuse one as the OS would
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    found = {i.source.removeprefix(str(tmp_path)) if isinstance(i, InputError) else i.source.removeprefix(str(tmp_path)):
             (type(i).__name__, getattr(i, "reason", None)) for i in items([tmp_path])}
    assert found == {
        "/.hidden": ("Skipped", "hidden directory, not read"),
        "/linked/b.txt": ("RawArticle", None),
        "/locked": ("InputError", "directory not readable (permission denied)"),
        "/visible/a.txt": ("RawArticle", None),
        "/visible/loop": ("Skipped", "directory already read (a symbolic link back to it)"),
    }


def test_licence_and_readme_files_are_not_articles(tmp_path):
    for name in ("LICENSE", "README.md", "article.txt"):
        (tmp_path / name).write_text(ARTICLE)
    found = items([tmp_path])
    assert [(type(i).__name__, i.source.rsplit("/", 1)[-1]) for i in found] == [
        ("Skipped", "LICENSE"), ("Skipped", "README.md"), ("RawArticle", "article.txt")]


# Messages that misled

def test_symlink_loop_is_named_as_such(tmp_path):
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    assert error_of(only(items([tmp_path / "a"]))) == "symbolic link loop"


def test_html_nested_100k_deep_says_so():
    html = "<html><body>" + "<div>" * 100_000 + PARAGRAPH + "</div>" * 100_000 + "</body></html>"
    assert "nested too deep" in error_of(only(read_bytes(html.encode(), "deep.html")))


def test_warc_error_message_is_one_line():
    data = b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: x\r\n\r\n"
    item = only(read_bytes(data, "bad.warc"))
    assert "\n" not in str(item) and "\n" not in item.reason


def test_output_file_is_emptied_when_every_input_fails(run, tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text("stale record from yesterday\n")
    (tmp_path / "empty.txt").write_bytes(b"")
    result = run("analyze", tmp_path / "empty.txt", "-o", out)
    assert out.read_text() == ""
    assert result.stderr.splitlines()[-1] == "dragoman: analyzed 0, failed 1"
    assert result.exit_code == 1


def test_skips_are_counted_apart_and_do_not_fail_the_batch(run, tmp_path):
    (tmp_path / "article.txt").write_text(ARTICLE)
    (tmp_path / "LICENSE").write_text("MIT")
    result = run("analyze", tmp_path, "--format", "jsonl")
    assert f"dragoman: skipped: {tmp_path}/LICENSE: a licence or read-me file, not an article" in result.stderr
    assert result.stderr.splitlines()[-1] == "dragoman: analyzed 1, failed 0, skipped 1"
    assert result.exit_code == 0


def test_date_flag_is_a_default_that_the_pages_own_date_beats(run):
    page = PAGES / "aljazeera-afghanistan-helicopter.html.gz"
    records = [json.loads(line) for line in run("analyze", page, SAMPLE, "--date", "2024-12-07", "--format", "jsonl").stdout.splitlines()]
    assert [(r["published"], r["published_from"]) for r in records] == [("2019-11-20", "html-meta"), ("2024-12-07", "given")]


def test_text_in_another_language_is_flagged(run, tmp_path):
    french = ("Le ministre russe des Affaires étrangères, Sergueï Lavrov, a déclaré samedi que la Syrie ne devait "
              "pas tomber entre les mains d'un groupe terroriste, lors du Forum de Doha au Qatar. Il a ajouté que "
              "la Russie poursuivrait ses contacts avec toutes les parties.")
    path = tmp_path / "fr.txt"
    path.write_text(french)
    record = json.loads(run("analyze", path).stdout)
    assert record["language"] == "fr"
    assert record["warnings"] == ["language: 'fr' text read with the 'en' pipeline: no events coded; its actors, "
                                  "quotes and claims are unreliable"]



def test_no_events_are_coded_from_text_the_pipeline_cannot_read(pipeline):
    # Ours, in German: read with English grammar, "Gesetz" and "Weder" became the doers of two attacks.
    german = ("Laut Gesetz soll die elektronische Patientenakte den Notfalldatensatz, den Medikationsplan und "
              "Arztbriefe enthalten. Weder die Krankenkasse noch IBM haben Zugriff auf die Daten, und der Patient "
              "allein entscheidet, ob und in welchem Umfang Ärzte darauf zugreifen dürfen.")
    record = pipeline.analyze(german)
    assert record.language == "de" and record.events == []


# Mutations of the real fixtures: whatever the bytes, every reader answers with articles or reasons

def fixture_inputs() -> dict[str, bytes]:
    page = page_html("polygraph-al-tanf.html.gz")
    lines = [json.dumps({"id": "a", "text": ARTICLE, "published": "2024-12-07"}), json.dumps({"id": "b", "html": page})]
    return {
        "article.txt": ARTICLE.encode(),
        "page.html": page.encode(),
        "batch.jsonl": "\n".join(lines).encode(),
        "feed.rss": feed_bytes(),
        "crawl.warc": warc_of(("https://www.polygraph.info/a/30279001.html", page)),
    }


def swap_field_types(data: bytes, choice: int) -> bytes:
    values = [123, ["x"], {"a": 1}, True, None, 20241207]
    out = []
    for line in data.decode().splitlines():
        obj = json.loads(line)
        key = sorted(obj)[choice % len(obj)]
        obj[key] = values[choice % len(values)]
        out.append(json.dumps(obj))
    return "\n".join(out).encode()


def mutate(data: bytes, name: str, kind: str, where: int, seed: int) -> bytes:
    position = where % max(len(data), 1)
    if kind == "truncate":
        return data[:position]
    if kind == "flip":
        flipped = bytearray(data)
        for step in range(1 + seed % 8):
            index = (position + step * 7919) % len(flipped)
            flipped[index] ^= 1 << (seed + step) % 8
        return bytes(flipped)
    if kind == "reencode":
        codec = ["utf-16", "utf-16-le", "latin-1", "cp1252", "utf-8-sig"][seed % 5]
        return data.decode("utf-8").encode(codec, errors="replace")
    if kind == "gzip":
        return gzip.compress(data)[: position or None]
    if kind == "fields" and name.endswith(".jsonl"):
        return swap_field_types(data, seed)
    return data[position:] + data[:position]


FIXTURE_INPUTS = fixture_inputs()


@settings(max_examples=30, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(name=st.sampled_from(sorted(FIXTURE_INPUTS)),
       kind=st.sampled_from(["truncate", "flip", "reencode", "gzip", "fields", "rotate"]),
       where=st.integers(min_value=0, max_value=10**6), seed=st.integers(min_value=0, max_value=255))
def test_mutated_fixtures_never_raise_and_every_input_is_accounted_for(name, kind, where, seed):
    data = mutate(FIXTURE_INPUTS[name], name, kind, where, seed)
    found = list(read_bytes(data, name, max_bytes=2_000_000))
    assert found, "an input vanished without an article or a reason"
    for item in found:
        assert isinstance(item, (RawArticle, InputError)), item
        if isinstance(item, InputError):
            assert item.reason and "\n" not in str(item)
        else:
            assert item.text.strip()
