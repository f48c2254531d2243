"""The corpus's events as PLOVER records, and its aggregates (network, timeline, stances) as JSON,
GraphML and CSV, on three small records written by hand: two outlets reporting one meeting, and a
denied attack."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest

from dragoman.corpus import Corpus
from dragoman.corpus.aggregates import Graph
from dragoman.corpus.graphs import NotAGraph, write_aggregate
from dragoman.corpus.queries import Filters
from dragoman.record import Actor, Article, Event, Location, Relation
from dragoman.tables import article_key

LAVROV, FIDAN = "kb:curated:sergei-lavrov", "kb:curated:hakan-fidan"
RUSSIA, TURKEY = "kb:country:RUS", "kb:country:TUR"


def actors() -> list[Actor]:
    return [Actor("a1", "Sergei Lavrov", "person", "RUS", "Foreign Minister", "RUSGOV", kb_id="curated:sergei-lavrov"),
            Actor("a2", "Hakan Fidan", "person", "TUR", "Foreign Minister", "TURGOV", kb_id="curated:hakan-fidan"),
            Actor("a3", "Turkey", "state", "TUR", code="TUR", kb_id="country:TUR"),
            Actor("a4", "Russia", "state", "RUS", code="RUS", kb_id="country:RUS")]


def article(source: str, outlet: str, published: str, text: str, events: list[Event],
            relations: list[tuple[str, str, str, str]]) -> Article:
    """An article whose relations are (a, b, kind, the words that state it)."""
    spans = [Relation(a, b, kind, text.index(words), text.index(words) + len(words)) for a, b, kind, words in relations]
    return Article(id=source, source=source, text=text, url=f"https://{outlet}/{source}", outlet=outlet,
                   title=text.split(".")[0], language="en", published=published, published_from="html-meta",
                   actors=actors(), events=events, relations=spans)


MEETING = "Sergei Lavrov met Hakan Fidan in Doha on Saturday."
DOHA = Location("Doha", "QAT", 25.28545, 51.53096)
FIRST = article("first", "wire.example", "2024-12-07",
                f"{MEETING} Turkey criticised Russia over Syria.",
                [Event("e1", "CONSULT", 0, len(MEETING), source="a1", target="a2", date="2024-12-07",
                       date_text="on Saturday", location=DOHA, status="reported", confidence=0.9)],
                [("a3", "a4", "criticises", "Turkey criticised Russia")])
SECOND = article("second", "daily.example", "2024-12-08",
                 "Lavrov held talks with Fidan of Turkey in Doha. Turkey criticised Russia again, "
                 "though Russia and Turkey remain partners.",
                 [Event("e1", "CONSULT", 0, 46, source="a1", target="a2", location=DOHA, status="reported",
                        confidence=0.8)],
                 [("a3", "a4", "criticises", "Turkey criticised Russia"),
                  ("a4", "a3", "partner", "Russia and Turkey remain partners")])
DENIED = article("third", "daily.example", "2024-12-08", "Russia denied that its army attacked Turkish posts.",
                 [Event("e1", "ASSAULT", 0, 51, source="a4", target="a3", status="denied", confidence=0.7)], [])


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    corpus = Corpus()
    corpus.save_all([FIRST, SECOND, DENIED])
    corpus.refresh()
    return corpus


def happening_of(corpus: Corpus, record: Article, event_id: str) -> str:
    return corpus.db.execute('SELECT "happening_id" FROM "happening_reports" WHERE "article_id" = ? AND "event_id" = ?',
                             (article_key(record), event_id)).fetchone()[0]


def test_each_event_report_is_a_plover_record_with_plover_field_names(corpus, tmp_path):
    assert corpus.export("plover", tmp_path) == {"events.plover.jsonl": 3}
    records = {r["id"]: r for r in map(json.loads, (tmp_path / "events.plover.jsonl").open(encoding="utf-8"))}
    first = article_key(FIRST)
    lavrov = {"code": "RUS", "sector": "GOV", "actor_text": "Sergei Lavrov", "identifier_id": LAVROV,
              "identifier_text": "Sergei Lavrov", "office": "Foreign Minister"}
    fidan = {"code": "TUR", "sector": "GOV", "actor_text": "Hakan Fidan", "identifier_id": FIDAN,
             "identifier_text": "Hakan Fidan", "office": "Foreign Minister"}
    assert records[f"{first}-e1"] == {
        "id": f"{first}-e1", "date": "2024-12-07", "source": [lavrov], "recipient": [fidan],
        "event": ["CONSULT"], "mode": [], "context": [],
        "event_loc": {"name": "Doha", "latitude": 25.28545, "longitude": 51.53096, "cc3": "QAT"},
        "event_text": [MEETING], "quad_code": 1, "link": happening_of(corpus, FIRST, "e1"),
        "text_info": {"start": 0, "end": len(MEETING)},
        "cite_info": {"citation": first, "url": "https://wire.example/first", "title": "Sergei Lavrov met Hakan Fidan in Doha on Saturday",
                      "language": "en", "publication": "wire.example", "coder": "dragoman 0.1.0",
                      "codebook": "plover-0.7b1"},
        "coder": "dragoman 0.1.0", "story_id": corpus.db.execute(
            'SELECT "story_id" FROM "articles" WHERE "id" = ?', (first,)).fetchone()[0],
        "pub_date": "2024-12-07", "date_raw": "on Saturday", "status": "reported", "confidence": 0.9,
        "verified": None}
    second = records[f"{article_key(SECOND)}-e1"]
    assert (second["date"], second["link"]) == ("2024-12-08", records[f"{first}-e1"]["link"])
    denied = records[f"{article_key(DENIED)}-e1"]
    assert (denied["event"], denied["quad_code"], denied["status"]) == (["ASSAULT"], 4, "denied")
    assert denied["source"][0]["sector"] is None  # "RUS" is the country and nothing more


def test_the_network_counts_one_meeting_reported_twice_once_and_no_denied_attack(corpus):
    graph = corpus.network()
    assert graph.edges == [{"source": LAVROV, "target": FIDAN, "source_name": "Sergei Lavrov",
                            "target_name": "Hakan Fidan", "type": "CONSULT", "weight": 1, "reports": 2}]
    assert [(n["id"], n["name"], n["country"], n["articles"]) for n in graph.nodes] == [
        (FIDAN, "Hakan Fidan", "TUR", 3), (LAVROV, "Sergei Lavrov", "RUS", 3)]
    assert corpus.network(Filters(event_type="ASSAULT")).edges == []
    assert corpus.network(Filters(actor="fidan")).edges == graph.edges
    assert corpus.network(Filters(since="2024-12-08")).edges == []


def test_a_timeline_per_actor_and_per_country(corpus):
    assert corpus.timeline(Filters(actor="lavrov")) == [
        {"key": LAVROV, "name": "Sergei Lavrov", "date": "2024-12-07", "type": "CONSULT", "happenings": 1, "reports": 2}]
    by_country = corpus.timeline(by="country")
    assert [(r["key"], r["date"], r["type"], r["happenings"]) for r in by_country] == [
        ("QAT", "2024-12-07", "CONSULT", 1), ("RUS", "2024-12-07", "CONSULT", 1), ("TUR", "2024-12-07", "CONSULT", 1)]
    assert corpus.timeline(Filters(country="QAT"), by="country") == by_country[:1]


def test_the_stance_matrix_counts_articles_and_a_partnership_holds_both_ways(corpus):
    graph = corpus.stances()
    assert graph.edges == [
        {"source": TURKEY, "target": RUSSIA, "source_name": "Turkey", "target_name": "Russia",
         "kind": "criticises", "directed": True, "weight": 2},
        {"source": RUSSIA, "target": TURKEY, "source_name": "Russia", "target_name": "Turkey",
         "kind": "partner", "directed": False, "weight": 1}]
    assert [n["id"] for n in graph.nodes] == [RUSSIA, TURKEY]
    assert corpus.stances(Filters(country="USA")).edges == []
    assert corpus.stances(Filters(until="2024-12-07")).edges == [{**graph.edges[0], "weight": 1}]


def read_graphml(text: str) -> dict[str, list[dict]]:
    """A GraphML document back as nodes and edges, each value turned back into its declared type."""
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    root = ET.fromstring(text)
    convert = {"string": str, "long": int, "double": float, "boolean": lambda v: v == "true"}
    keys = {k.get("id"): (k.get("attr.name"), convert[k.get("attr.type")]) for k in root.findall("g:key", ns)}

    def data(element) -> dict:
        return {keys[d.get("key")][0]: keys[d.get("key")][1](d.text) for d in element.findall("g:data", ns)}

    graph = root.find("g:graph", ns)
    assert graph.get("edgedefault") == "directed"
    return {"nodes": [{"id": n.get("id"), **data(n)} for n in graph.findall("g:node", ns)],
            "edges": [{"source": e.get("source"), "target": e.get("target"), "directed": e.get("directed"), **data(e)}
                      for e in graph.findall("g:edge", ns)]}


def test_graphml_reads_back_as_the_graph_it_was_written_from(corpus):
    for graph in (corpus.network(), corpus.stances()):
        out = io.StringIO()
        write_aggregate(graph, "graphml", out)
        back = read_graphml(out.getvalue())
        assert back["nodes"] == [{k: v for k, v in {**n, "label": n["name"]}.items() if v is not None}
                                 for n in graph.nodes]
        assert back["edges"] == [{**e, "directed": None if e.get("directed", True) else "false"} for e in graph.edges]


def test_csv_of_a_graph_is_its_edges_and_a_timeline_is_no_graph(corpus):
    out = io.StringIO()
    write_aggregate(corpus.stances(), "csv", out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert [(r["source_name"], r["kind"], r["target_name"], r["weight"]) for r in rows] == [
        ("Turkey", "criticises", "Russia", "2"), ("Russia", "partner", "Turkey", "1")]
    with pytest.raises(NotAGraph):
        write_aggregate(corpus.timeline(), "graphml", io.StringIO())
    empty = io.StringIO()
    write_aggregate(Graph(), "csv", empty)
    assert empty.getvalue() == ""


def test_aggregate_and_plover_commands_on_a_temporary_file(run, tmp_path):
    db = tmp_path / "corpus.db"
    with Corpus(str(db)) as corpus:
        corpus.save_all([FIRST, SECOND, DENIED])
        corpus.refresh()
    network = json.loads(run("network", "--db", db).stdout)
    assert [(e["source_name"], e["type"], e["target_name"]) for e in network["edges"]] == [
        ("Sergei Lavrov", "CONSULT", "Hakan Fidan")]
    run("stances", "--db", db, "--format", "graphml", "-o", tmp_path / "stances.graphml")
    assert len(read_graphml((tmp_path / "stances.graphml").read_text("utf-8"))["edges"]) == 2
    timeline = run("timeline", "--db", db, "--by", "country", "--format", "csv").stdout.splitlines()
    assert timeline[0] == "key,name,date,type,happenings,reports" and len(timeline) == 4
    assert run("timeline", "--db", db, "--format", "graphml").exit_code == 2
    exported = run("export", "--db", db, "--format", "plover", "-o", tmp_path / "out").stdout
    assert exported == f"{tmp_path / 'out' / 'events.plover.jsonl'}\t3\n"
