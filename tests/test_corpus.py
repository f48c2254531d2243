"""The corpus: store, ingest, search, listings and export, used as a user would."""

from __future__ import annotations

import dataclasses
import json
import os
import signal
import sqlite3
from contextlib import closing

import pyarrow.parquet as pq
import pytest
from conftest import PAGES, SAMPLE

from dragoman.corpus import Corpus
from dragoman.corpus.queries import Filters
from dragoman.ingest import RawArticle
from dragoman.tables import ARTICLES, EVENTS, article_rows, corpus_actor_id
from dragoman.record import Actor

FEW_PAGES = ["polygraph-al-tanf.html.gz"]


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> list[str]:
    """The founding article, a real page and the PETR2 sentences as JSON Lines."""
    folder = tmp_path_factory.mktemp("inputs")
    sentences = folder / "petr2.jsonl"
    lines = [line.split("\t") for line in (PAGES.parent / "petr2-sentences.txt").read_text("utf-8").splitlines()
             if line and not line.startswith("#")]
    sentences.write_text("".join(json.dumps({"id": f"petr2-{n}", "published": date, "text": text}) + "\n"
                                 for n, (date, text) in enumerate(lines)), "utf-8")
    return [str(SAMPLE), *(str(PAGES / name) for name in FEW_PAGES), str(sentences)]


@pytest.fixture(scope="module")
def corpus(inputs, pipeline) -> Corpus:
    """A corpus in memory, ingested once for the module (analysis is the slow part)."""
    corpus = Corpus()
    corpus.ingest(inputs, pipeline=pipeline, jobs=1)
    return corpus


def test_rows_follow_the_record():
    assert ARTICLES.names == ["id", "record_id", "content_hash", "source", "text", "schema", "url", "outlet",
                              "wire", "byline", "title", "language", "published", "published_from", "warnings"]
    assert EVENTS.names == ["article_id", "id", "type", "start", "end", "mode", "source", "target", "date",
                            "date_text", "location_name", "location_country", "location_lat", "location_lon",
                            "status", "confidence", "verified"]


def test_an_article_as_rows(sample_record):
    rows = article_rows(sample_record)
    lavrov = next(r for r in rows["actors"] if r["name"] == "Sergei Lavrov")
    assert (lavrov["country"], lavrov["corpus_actor_id"]) == ("RUS", "kb:curated:sergei-lavrov")
    assert rows["articles"][0]["title"] == "Assad Ally Russia Says ‘Terrorist Group’ Cannot Be Allowed To Run Syria"
    assert json.loads(rows["records"][0]["record"]) == sample_record.to_dict()


def test_corpus_actor_id_is_the_kb_id_where_there_is_one():
    assert corpus_actor_id(Actor(id="a1", name="The Kremlin", type="government", country="RUS")) == \
        "government:rus:kremlin"
    kb_actor = Actor(id="a1", name="Lavrov", type="person", country="RUS")
    kb_actor.kb_id = "RUSGOVLAVROV"
    assert corpus_actor_id(kb_actor) == "kb:RUSGOVLAVROV"


def test_a_corpus_from_an_earlier_version_gains_the_new_columns(sample_record, tmp_path):
    path = str(tmp_path / "old.db")
    with Corpus(path):
        pass
    with closing(sqlite3.connect(path)) as db:
        db.execute('ALTER TABLE "quotes" DROP COLUMN "partials"')  # as the quotes table was before them
        db.commit()
    with Corpus(path) as corpus:
        assert corpus.save(sample_record) is True
        assert corpus.counts()["quotes"] == len(sample_record.quotes)
    with closing(sqlite3.connect(path)) as db:
        stored = [json.loads(row[0]) for row in db.execute('SELECT "partials" FROM "quotes"')]
    assert stored == [[dataclasses.asdict(p) for p in q.partials] for q in sample_record.quotes]


def test_saving_twice_stores_once_and_another_source_is_another_article(sample_record):
    corpus = Corpus()
    assert corpus.save(sample_record) is True
    assert corpus.save(sample_record) is False
    assert corpus.save(dataclasses.replace(sample_record, source="copy/moscow-times.txt")) is True
    counts = corpus.counts()
    assert (counts["articles"], counts["records"]) == (2, 2)
    assert counts["actors"] == 2 * len(sample_record.actors)
    lavrov = [a for a in corpus.actors(Filters(actor="lavrov")) if a["name"] == "Sergei Lavrov"]
    assert [(a["id"], a["articles"]) for a in lavrov] == [("kb:curated:sergei-lavrov", 2)]


def test_one_person_spelt_two_ways_in_two_articles_is_one_corpus_actor(sample_record, pipeline):
    """The knowledge-base id is the key across articles, so a transliteration the knowledge base
    lists ("Sergey") joins the same actor instead of starting a second one."""
    corpus = Corpus()
    corpus.save(sample_record)
    text = "Sergey Lavrov, Russia's foreign minister, met Turkish Foreign Minister Hakan Fidan in Doha on Saturday."
    corpus.save(pipeline.analyze(RawArticle(source="tass.txt", text=text)))
    lavrov = [(a["id"], a["articles"]) for a in corpus.actors(Filters(actor="lavrov"))]
    assert lavrov == [("kb:curated:sergei-lavrov", 2)]


def test_ingest_stores_each_input_and_lists_what_failed(corpus, pipeline):
    counts = corpus.counts()
    assert counts["articles"] == 5  # the founding article, a page, three sentences
    assert counts["failures"] == 0
    again = corpus.ingest([str(SAMPLE), "no/such/file.txt"], jobs=1, pipeline=pipeline)
    assert (again.added, again.skipped, again.failed) == (0, 1, 1)
    assert [(f["source"], f["reason"]) for f in corpus.failures()] == \
        [("no/such/file.txt", "no such file or directory (or a broken symbolic link)")]


def test_inputs_left_out_on_purpose_are_neither_stored_nor_failures(inputs, pipeline, tmp_path):
    """A licence file in a folder of articles is reported as left out; the ingest has not failed."""
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "article.txt").write_text(SAMPLE.read_text("utf-8"), "utf-8")
    (folder / "LICENSE").write_text("MIT License", "utf-8")
    corpus = Corpus()
    report = corpus.ingest([str(folder)], jobs=1, pipeline=pipeline)
    assert (report.added, report.skipped, report.failed) == (1, 0, 0)
    assert report.left_out == [(str(folder / "LICENSE"), "a licence or read-me file, not an article")]
    assert corpus.failures() == []


def test_the_progress_bar_counts_articles_read_stored_or_not(inputs, pipeline, capsys):
    """Five articles in three files (one JSON Lines of three sentences), two of them stored before:
    the bar ends at 5 articles, with no total of files to fall short of."""
    corpus = Corpus()
    corpus.ingest(inputs[:2], jobs=1, pipeline=pipeline)
    capsys.readouterr()
    corpus.ingest(inputs, jobs=1, pipeline=pipeline, progress=True)
    last = capsys.readouterr().err.replace("\r", "\n").strip().splitlines()[-1]
    assert last.startswith("5article ")


def test_search_finds_lavrov_with_a_snippet(corpus):
    hits = corpus.search("Lavrov")
    assert [h["outlet"] for h in hits] == ["themoscowtimes.com"]
    assert "[Lavrov]" in hits[0]["snippet"]
    assert corpus.search("al-Tanf")[0]["outlet"] == "POLYGRAPH.info"
    assert corpus.search("Lavrov", Filters(country="RUS", event_type="CONSULT"))
    assert corpus.search("Lavrov", Filters(country="USA", event_type="SANCTION")) == []
    that_day = Filters(since="2019-11-18", until="2019-11-18")
    assert [h["title"][:16] for h in corpus.search("al-Tanf", that_day)] == ["Russia and Syria"]
    assert corpus.search("al-Tanf", Filters(since="2019-11-19")) == []


def test_listings_take_the_same_filters(corpus):
    russian = corpus.actors(Filters(country="RUS", limit=100))
    assert {a["country"] for a in russian} == {"RUS"}
    assert "kb:curated:sergei-lavrov" in [a["id"] for a in russian]
    consults = corpus.events(Filters(event_type="CONSULT", limit=100))
    assert consults and {e["type"] for e in consults} == {"CONSULT"}
    assert all("RUS" in (e["source_country"], e["target_country"]) for e in corpus.events(Filters(country="RUS")))


def test_export_writes_one_parquet_file_per_table_with_the_row_counts(corpus, tmp_path):
    written = corpus.export("parquet", tmp_path)
    counts = corpus.counts()
    for name in ("articles", "actors", "mentions", "quotes", "events", "claims", "relations"):
        table = pq.read_table(tmp_path / f"{name}.parquet")
        assert table.num_rows == counts[name] == written[f"{name}.parquet"]
    assert pq.read_table(tmp_path / "events.parquet").schema.field("verified").type == "bool"


def test_export_csv_and_jsonl(corpus, tmp_path):
    corpus.export("csv", tmp_path)
    header = (tmp_path / "articles.csv").read_text("utf-8").splitlines()[0]
    assert header.split(",") == ARTICLES.names
    corpus.export("jsonl", tmp_path)
    records = [json.loads(line) for line in (tmp_path / "records.jsonl").open(encoding="utf-8")]
    assert {str(SAMPLE), str(PAGES / FEW_PAGES[0])} <= {r["source"] for r in records}
    assert len(records) == corpus.count("articles")


def test_ingest_command_on_a_temporary_file(run, tmp_path):
    db = tmp_path / "corpus.db"
    first = run("ingest", SAMPLE, tmp_path / "missing.txt", "--db", db, "--jobs", "1")
    assert first.exit_code == 1
    missing = f"dragoman: error: {tmp_path / 'missing.txt'}: no such file or directory (or a broken symbolic link)"
    assert first.stderr.splitlines()[-2:] == [missing,
                                              "dragoman: added 1, skipped 0 (already stored), failed 1"]
    again = run("ingest", SAMPLE, "--db", db)
    assert again.stderr.splitlines()[-1] == "dragoman: added 0, skipped 1 (already stored), failed 0"
    hit = json.loads(run("search", "Lavrov", "--db", db, "--json").stdout.splitlines()[0])
    assert hit["outlet"] == "themoscowtimes.com" and "[Lavrov]" in hit["snippet"]
    assert "Sergei Lavrov" in run("actors", "--db", db, "--country", "RUS", "--limit", "50").stdout
    assert "CONSULT" in run("events", "--db", db, "--type", "consult").stdout
    assert run("stories", "--db", db).stdout.split("  ")[1] == "1"
    exported = run("export", "--db", db, "--format", "parquet", "-o", tmp_path / "out").stdout
    assert f"{tmp_path / 'out' / 'articles.parquet'}\t1" in exported.splitlines()


def stored(db) -> int:
    with closing(sqlite3.connect(db)) as connection:
        return connection.execute("SELECT count(*) FROM articles").fetchone()[0]


def ingest_then_die(db, inputs, pipeline, kill_at: int) -> None:
    """In a forked child (which shares the loaded pipeline): ingest one article per transaction and
    SIGKILL the process once article ``kill_at``'s rows are written, its transaction still open."""
    store, calls = Corpus._insert, []

    def store_then_die(self, article):
        added = store(self, article)
        calls.append(article)
        if len(calls) == kill_at:
            os.kill(os.getpid(), signal.SIGKILL)
        return added

    Corpus._insert = store_then_die
    try:
        with Corpus(str(db)) as corpus:
            corpus.ingest(inputs, jobs=1, batch=1, pipeline=pipeline)
    finally:
        os._exit(1)  # only reached if the kill point never came


def test_an_ingest_killed_halfway_resumes_to_the_counts_of_an_uninterrupted_run(inputs, pipeline, tmp_path):
    """SIGKILL while the second article's transaction is open (a point the test sets, not a race
    on timing): the committed article stays, the second leaves nothing, and a rerun analyses
    only what is missing and ends with the counts of a run never interrupted."""
    sentences = [path for path in inputs if path.endswith(".jsonl")]  # three short articles
    db = tmp_path / "corpus.db"
    child = os.fork()
    if child == 0:
        ingest_then_die(db, sentences, pipeline, kill_at=2)
    _, status = os.waitpid(child, 0)
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, f"the child ended with {status}"
    assert stored(db) == 1
    uninterrupted = Corpus()
    uninterrupted.ingest(sentences, jobs=1, pipeline=pipeline)
    with Corpus(str(db)) as resumed:
        report = resumed.ingest(sentences, jobs=1, batch=1, pipeline=pipeline)
        assert (report.added, report.skipped, report.failed) == (2, 1, 0)
        assert resumed.counts() == uninterrupted.counts()
