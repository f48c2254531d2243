"""Writing aggregates out: JSON, GraphML (for Gephi, yEd, networkx, igraph) and CSV (for pandas).

GraphML is written with the standard library: a graph of a few thousand actors needs no more,
and the format is small (keys declared once, then nodes and edges carrying data). Each
attribute's GraphML type follows its Python values; a missing value is left out, as GraphML
means it. Nodes also get a ``label`` (the actor's name), the attribute Gephi shows.
A CSV of a graph is its edges, which carry both ends' names, so one ``pandas.read_csv`` is a
usable table (``pivot_table`` makes the matrix).
"""

from __future__ import annotations

import csv
import json
import xml.etree.ElementTree as ET
from typing import Any, Iterable, Literal, TextIO, Union

from dragoman.corpus.aggregates import Graph
from dragoman.corpus.queries import Row
from dragoman.errors import DragomanError

AggregateFormat = Literal["json", "graphml", "csv"]
GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
GRAPHML_TYPES = ((bool, "boolean"), (int, "long"), (float, "double"), (str, "string"))
"""Python type to GraphML ``attr.type``, bool first (a bool is also an int)."""


class NotAGraph(DragomanError):
    """GraphML was asked of an aggregate that is a table (a timeline)."""


def write_aggregate(result: Union[Graph, list[Row]], fmt: AggregateFormat, out: TextIO) -> None:
    """Write a graph or a table of rows to ``out`` as ``fmt``."""
    if fmt == "json":
        data = result.to_dict() if isinstance(result, Graph) else result
        out.write(json.dumps(data, ensure_ascii=False, indent=1) + "\n")
    elif fmt == "csv":
        write_csv(result.edges if isinstance(result, Graph) else result, out)
    elif not isinstance(result, Graph):
        raise NotAGraph("a timeline is a table, not a graph: write it as json or csv")
    else:
        write_graphml(result, out)


def write_csv(rows: list[Row], out: TextIO) -> None:
    """Rows as CSV with a header; the columns are the first row's (every row has the same)."""
    if not rows:
        return
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)


def graphml_type(values: Iterable[Any]) -> str:
    """The GraphML type that holds every one of ``values`` (None ignored; mixed types are strings)."""
    kinds = {next(name for cls, name in GRAPHML_TYPES if isinstance(v, cls)) for v in values if v is not None}
    if kinds == {"long", "double"}:
        return "double"
    return kinds.pop() if len(kinds) == 1 else "string"


def graphml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def write_graphml(graph: Graph, out: TextIO) -> None:
    """The graph as one GraphML document: directed by default; an edge with ``directed`` False
    (a stance that holds both ways) says so on its own element, as GraphML allows."""
    nodes = [{**n, "label": n.get("name")} for n in graph.nodes]
    edges = [{k: v for k, v in e.items() if k not in ("source", "target", "directed")} for e in graph.edges]
    root = ET.Element("graphml", xmlns=GRAPHML_NS)
    keys = {"node": _declare(root, "node", nodes, skip=("id",)),
            "edge": _declare(root, "edge", edges, skip=())}
    body = ET.SubElement(root, "graph", id="G", edgedefault="directed")
    for node in nodes:
        element = ET.SubElement(body, "node", id=node["id"])
        _add_data(element, node, keys["node"])
    for n, (edge, data) in enumerate(zip(graph.edges, edges)):
        attributes = {"id": f"e{n}", "source": edge["source"], "target": edge["target"]}
        if edge.get("directed") is False:
            attributes["directed"] = "false"
        _add_data(ET.SubElement(body, "edge", attributes), data, keys["edge"])
    ET.indent(root)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ET.tostring(root, encoding="unicode") + "\n")


def _declare(root: ET.Element, domain: str, items: list[Row], skip: tuple[str, ...]) -> dict[str, str]:
    """A ``<key>`` for each attribute of ``items`` (in first-seen order); attribute name to key id."""
    names = [name for name in dict.fromkeys(k for item in items for k in item) if name not in skip]
    ids = {}
    for name in names:
        ids[name] = f"{domain[0]}_{name}"
        ET.SubElement(root, "key", {"id": ids[name], "for": domain, "attr.name": name,
                                    "attr.type": graphml_type(item.get(name) for item in items)})
    return ids


def _add_data(element: ET.Element, values: Row, keys: dict[str, str]) -> None:
    for name, key in keys.items():
        if values.get(name) is not None:
            ET.SubElement(element, "data", key=key).text = graphml_value(values[name])
