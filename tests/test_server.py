"""The HTTP API, as a client uses it, on a small corpus built by a real ingest (FastAPI's TestClient)."""

from __future__ import annotations

import dataclasses
import json
import os
import sqlite3
from pathlib import Path

import pytest
from conftest import PAGES, SAMPLE

pytest.importorskip("fastapi", reason="the server extra is not installed (pip install -e '.[server]')")
from fastapi.testclient import TestClient  # noqa: E402

from dragoman.corpus import Corpus  # noqa: E402
from dragoman.corpus.queries import Filters  # noqa: E402
from dragoman.server.app import create_app  # noqa: E402
from dragoman.settings import Settings  # noqa: E402
from dragoman.tables import article_from_dict  # noqa: E402

LAVROV = "kb:curated:sergei-lavrov"
TWIN_PAGES = ["polygraph-al-tanf.html.gz", "polygraph-al-tanf.txt"]
"""One fact-check as an HTML page and as text: two reports of one story."""


def build_corpus(base: Path, pipeline) -> Path:
    """The fixture corpus, built once per test session whichever server test file asks first:
    the founding article and the twin pages ingested for real, plus one copy of the founding
    article dated a day later that denies its meeting (how ``test_corpus_groups`` makes a
    contested happening: no two real fixtures contradict each other)."""
    path = base / "server-corpus" / "corpus.db"
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    building = path.with_suffix(".building")
    with Corpus(str(building)) as corpus:
        report = corpus.ingest([str(SAMPLE), *(str(PAGES / name) for name in TWIN_PAGES)], pipeline=pipeline, jobs=1)
        assert (report.added, report.failed) == (3, 0), report.failures
        sample = article_from_dict(corpus.record(next(a["id"] for a in corpus.articles if a["source"] == str(SAMPLE))))
        meeting = next(e for e in sample.events if e.type == "CONSULT" and e.source)
        denied = [dataclasses.replace(e, status="denied") if e is meeting else e for e in sample.events]
        corpus.save(dataclasses.replace(sample, source="denial/moscow-times-denied.txt", published="2024-12-08",
                                        title="Doha meeting never happened, says a denial", events=denied))
        corpus.refresh()
    for suffix in ("-wal", "-shm"):
        Path(str(building) + suffix).unlink(missing_ok=True)
    building.rename(path)
    return path


@pytest.fixture(scope="session")
def corpus_path(tmp_path_factory, pipeline) -> Path:
    return build_corpus(tmp_path_factory.getbasetemp(), pipeline)


@pytest.fixture(scope="module")
def client(corpus_path, pipeline):
    with TestClient(create_app(str(corpus_path), pipeline=pipeline)) as client:
        yield client


def items(client, url: str, **params) -> list[dict]:
    response = client.get(url, params=params)
    assert response.status_code == 200, response.text
    return response.json()["items"]


def test_openapi_lists_every_endpoint(client):
    paths = set(client.get("/openapi.json").json()["paths"])
    assert {"/api/articles", "/api/articles/{article_id}", "/api/search", "/api/actors", "/api/actors/{actor_id}",
            "/api/events", "/api/happenings", "/api/stories", "/api/stories/{story_id}", "/api/network",
            "/api/contested", "/api/analyze", "/api/info"} <= paths


def test_articles_are_paged_and_filtered(client):
    everything = items(client, "/api/articles")
    assert len(everything) == 4
    first = client.get("/api/articles", params={"limit": 3}).json()
    assert (len(first["items"]), first["next_offset"]) == (3, 3)
    rest = client.get("/api/articles", params={"limit": 3, "offset": 3}).json()
    assert [a["id"] for a in first["items"] + rest["items"]] == [a["id"] for a in everything]
    assert rest["next_offset"] is None
    about_lavrov = {a["title"] for a in items(client, "/api/articles", actor="lavrov")}
    assert about_lavrov == {"Assad Ally Russia Says ‘Terrorist Group’ Cannot Be Allowed To Run Syria",
                            "Doha meeting never happened, says a denial"}
    assert items(client, "/api/articles", since="2024-12-08") == [everything[0]]


def test_an_article_is_its_record_or_404(client):
    listed = next(a for a in items(client, "/api/articles") if a["source"] == str(SAMPLE))
    record = client.get(f"/api/articles/{listed['id']}").json()
    assert record["schema"] == "dragoman.article/1"
    lavrov_quote = next(q for q in record["quotes"] if q["text"].startswith("It's inadmissible"))
    assert next(a for a in record["actors"] if a["id"] == lavrov_quote["speaker"])["name"] == "Sergei Lavrov"
    missing = client.get("/api/articles/no-such-article")
    assert missing.status_code == 404 and "no-such-article" in missing.json()["detail"]


def test_search_finds_words_in_bodies_and_quotes(client):
    found = items(client, "/api/search", q="inadmissible")
    assert {f["source"] for f in found} == {str(SAMPLE), "denial/moscow-times-denied.txt"}
    assert "[inadmissible]" in found[0]["snippet"]
    assert {f["source"].rsplit("/", 1)[-1] for f in items(client, "/api/search", q="al-Tanf")} == set(TWIN_PAGES)
    assert items(client, "/api/search", q="inadmissible", since="2024-12-08")[0]["title"].startswith("Doha meeting")


def test_actors_and_one_actor_page(client):
    listed = items(client, "/api/actors", country="RUS", limit=100)
    assert LAVROV in {a["id"] for a in listed}
    page = client.get(f"/api/actors/{LAVROV}").json()
    assert {k: page["actor"][k] for k in ("name", "country", "articles")} == {
        "name": "Sergei Lavrov", "country": "RUS", "articles": 2}
    assert any(q["text"].startswith("It's inadmissible") for q in page["quotes"])
    assert {"Sergei Lavrov", "Lavrov"} <= {m["text"] for m in page["mentions"]}
    assert any(e["type"] == "CONSULT" for e in page["events"])
    assert all(LAVROV in (e["source_actor"], e["target_actor"]) for e in page["events"])
    assert page["neighbours"] and all(n["weight"] >= 1 for n in page["neighbours"])
    assert len(client.get(f"/api/actors/{LAVROV}", params={"limit": 1}).json()["mentions"]) == 1
    assert client.get("/api/actors/kb:nobody").status_code == 404


def test_events_and_happenings_filters(client):
    consults = items(client, "/api/events", type="CONSULT", limit=100)
    assert consults and {e["type"] for e in consults} == {"CONSULT"}
    assert all(e["published"] >= "2024-12-08" for e in items(client, "/api/events", since="2024-12-08", limit=100)
               if e["date"] is None)
    happenings = items(client, "/api/happenings", actor=LAVROV, type="CONSULT")
    assert happenings and happenings[0]["articles"] == 2
    assert items(client, "/api/happenings", country="RUS", type="CONSULT")[0]["id"] == happenings[0]["id"]


def test_stories_and_one_story_with_its_reports(client):
    listed = items(client, "/api/stories")
    assert [s["articles"] for s in listed] == [2, 2]
    twins = next(s for s in listed if s["title"].startswith("Russia and Syria"))
    story = client.get(f"/api/stories/{twins['id']}").json()
    assert {r["source"].rsplit("/", 1)[-1] for r in story["reports"]} == set(TWIN_PAGES)
    assert client.get("/api/stories/nope").status_code == 404


def test_network_is_the_corpus_aggregate_the_cli_prints(client, corpus_path, run):
    """The server and ``dragoman network --format json`` answer from one function, filters included."""
    graph = client.get("/api/network", params={"edges": 1000}).json()
    printed = run("network", "--db", corpus_path, "--format", "json")
    assert printed.exit_code == 0, printed.output
    assert graph == json.loads(printed.output)
    assert LAVROV in {n["id"] for n in graph["nodes"]}
    consult = client.get("/api/network", params={"type": "CONSULT", "edges": 1000}).json()
    with Corpus(str(corpus_path)) as corpus:
        assert consult == corpus.network(Filters(event_type="CONSULT")).to_dict()
    assert consult["edges"] and {e["type"] for e in consult["edges"]} == {"CONSULT"}
    heaviest = client.get("/api/network", params={"edges": 1}).json()
    assert heaviest["edges"] == graph["edges"][:1]
    assert {n["id"] for n in heaviest["nodes"]} == {graph["edges"][0]["source"], graph["edges"][0]["target"]}


def test_contested_lists_both_sources(client):
    contested = items(client, "/api/contested")
    assert contested and contested[0]["b_status"] == "denied"
    assert contested[0]["b_title"] == "Doha meeting never happened, says a denial"
    assert contested[0]["a_title"].startswith("Assad Ally Russia")


@pytest.mark.parametrize("url, named", [
    ("/api/events?type=WAVE", "type"), ("/api/events?since=2024-13-01", "since"), ("/api/actors?limit=0", "limit"),
    ("/api/articles?offset=-1", "offset"), ("/api/search", "q"), ("/api/actors?country=Russia", "country"),
])
def test_malformed_queries_get_422_naming_the_parameter(client, url, named):
    response = client.get(url)
    assert response.status_code == 422
    assert response.json()["detail"].startswith(f"query.{named}:")


def test_analyze_pasted_text_and_html(client):
    text = SAMPLE.read_text("utf-8")
    response = client.post("/api/analyze", json={"text": text, "date": "2024-12-07"})
    assert response.status_code == 200, response.text
    record = response.json()["record"]
    assert record["published"] == "2024-12-07" and response.json()["stored"] is False
    quote = next(q for q in record["quotes"] if q["text"].startswith("It's inadmissible"))
    assert record["text"][quote["start"]:quote["end"]] == quote["text"]
    html = ("<html><head><title>Talks</title></head><body><article><h1>Talks in Doha</h1>"
            "<p>&lt;script&gt;alert(1)&lt;/script&gt; Russian Foreign Minister Sergei Lavrov met Turkey's Hakan Fidan "
            "in Doha on Saturday, the ministry said.</p></article></body></html>")
    record = client.post("/api/analyze", json={"html": html}).json()["record"]
    assert "<script>alert(1)</script>" in record["text"]
    assert "Sergei Lavrov" in {a["name"] for a in record["actors"]}


@pytest.mark.parametrize("body, named", [
    ({}, "'text' or 'html'"), ({"text": "   "}, "'text' or 'html'"), ({"text": 3}, "text"),
    ({"text": "x", "colour": "red"}, "colour"), ({"text": "x", "date": "yesterday"}, "date"),
])
def test_malformed_articles_get_422(client, body, named):
    response = client.post("/api/analyze", json=body)
    assert response.status_code == 422
    assert named in response.json()["detail"]


def test_malformed_json_gets_422_and_no_store_on_a_read_only_server(client):
    response = client.post("/api/analyze", content=b'{"text": "unfinished', headers={"content-type": "application/json"})
    assert response.status_code == 422 and "JSON" in response.json()["detail"]
    refused = client.post("/api/analyze", json={"text": "Lavrov said no.", "store": True})
    assert refused.status_code == 403 and "--allow-writes" in refused.json()["detail"]


def test_the_corpus_is_read_only_unless_writes_are_allowed(client, corpus_path, pipeline, tmp_path):
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        client.app.state.backend.corpus().db.execute('DELETE FROM "failures"')
    copy = tmp_path / "copy.db"
    with sqlite3.connect(corpus_path) as source, sqlite3.connect(copy) as target:
        source.backup(target)
    with TestClient(create_app(str(copy), pipeline=pipeline, allow_writes=True)) as writer:
        text = "Russian Foreign Minister Sergei Lavrov said on Monday that the talks in Doha had failed."
        response = writer.post("/api/analyze", json={"text": text, "title": "Talks failed", "store": True})
        assert response.json()["stored"] is True
        stored = writer.get(f"/api/articles/{response.json()['corpus_id']}").json()
        assert stored["title"] == "Talks failed"
        assert len(items(writer, "/api/articles")) == 5


def test_without_a_corpus_the_server_still_analyzes(pipeline, tmp_path):
    with TestClient(create_app(None, pipeline=pipeline)) as bare:
        assert bare.get("/api/search", params={"q": "x"}).status_code == 404
        assert bare.post("/api/analyze", json={"text": "Sergei Lavrov said the talks failed."}).status_code == 200
        assert bare.get("/").status_code == 200 and "<title>Dragoman</title>" in bare.get("/").text
    with pytest.raises(Exception, match="no such corpus"):
        create_app(str(tmp_path / "missing.db"), pipeline=pipeline)


def test_bodies_over_the_limit_get_413_while_reading_even_when_chunked(pipeline):
    with TestClient(create_app(None, pipeline=pipeline, settings=Settings(max_bytes=2000))) as small:
        declared = small.post("/api/analyze", json={"text": "x" * 5000})
        assert declared.status_code == 413 and "2,000" in declared.json()["detail"]
        sent = []

        def chunks():  # no Content-Length: the server must count what arrives
            for _ in range(100):
                sent.append(1)
                yield b" " * 500

        chunked = small.post("/api/analyze", content=chunks(), headers={"content-type": "application/json"})
        assert chunked.status_code == 413
        assert small.get("/api/info").status_code == 200
        assert small.post("/api/analyze", json={"text": "Lavrov spoke."}).status_code == 200


def test_errors_reach_clients_without_tracebacks(corpus_path, pipeline, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("secret internals at /home/someone/db.py line 12")

    monkeypatch.setattr("dragoman.server.views.articles", broken)
    with TestClient(create_app(str(corpus_path), pipeline=pipeline), raise_server_exceptions=False) as failing:
        response = failing.get("/api/articles")
        assert response.status_code == 500
        assert response.json() == {"detail": "internal error (logged on the server)"}
        assert failing.get("/api/stories").status_code == 200


def test_serve_binds_loopback_by_default(run, monkeypatch, corpus_path):
    started = {}
    monkeypatch.setattr("uvicorn.run", lambda app, **options: started.update(options, app=app))
    result = run("serve", "--db", corpus_path)
    assert result.exit_code == 0, result.output
    assert (started["host"], started["port"]) == ("127.0.0.1", 8000)
    missing = run("serve", "--db", os.devnull + "-missing.db")
    assert missing.exit_code == 1 and "no such corpus file" in missing.output
    assert json.loads(json.dumps(started["app"].openapi()))["info"]["title"] == "Dragoman"
