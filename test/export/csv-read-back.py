"""Reads a Maillage CSV export (a zip, or a folder) back with Python's own zipfile and csv
modules, builds a networkx graph from nodes.csv and edges.csv as a researcher would, and
prints what the tests compare, as JSON:

  python3 csv-read-back.py EXPORT [PREFIX]

EXPORT is the zip or the folder; only nodes and edges whose Id contains PREFIX are listed
(the counts are of everything). List cells (JSON arrays) are read with json.loads.
"""
import csv
import io
import json
import os
import sys
import zipfile

import networkx as nx


def tables(path):
    if os.path.isdir(path):
        names = sorted(os.listdir(path))
        read = lambda name: open(os.path.join(path, name), "rb").read()
    else:
        archive = zipfile.ZipFile(path)
        names = archive.namelist()  # in the order written
        read = archive.read
    # newline="" as the csv module asks: quoted cells may hold line breaks.
    return names, {name: list(csv.DictReader(io.TextIOWrapper(io.BytesIO(read(name)), encoding="utf-8", newline=""))) for name in names}


def cell(value):
    if value.startswith("[") and value.endswith("]"):
        try:
            return json.loads(value)
        except ValueError:
            pass
    return value


def main():
    path = sys.argv[1]
    prefix = sys.argv[2] if len(sys.argv) > 2 else ""
    names, rows = tables(path)
    nodes, edges, sources = rows["nodes.csv"], rows["edges.csv"], rows["sources.csv"]
    directed = all(edge["Type"] == "Directed" for edge in edges)
    graph = nx.DiGraph() if directed else nx.Graph()
    for node in nodes:
        graph.add_node(node["Id"], **{name: cell(value) for name, value in node.items() if name != "Id"})
    for edge in edges:
        attributes = {name: cell(value) for name, value in edge.items() if name not in ("Source", "Target")}
        attributes["Weight"] = float(edge["Weight"])
        graph.add_edge(edge["Source"], edge["Target"], **attributes)
    ours = sorted(n for n in graph.nodes if prefix in n)
    print(json.dumps({
        "files": names,
        "columns": {name: list(table[0].keys()) if table else None for name, table in rows.items()},
        "directed": graph.is_directed(),
        "nodes": graph.number_of_nodes(),
        "edges": graph.number_of_edges(),
        "sources": [source["id"] for source in sources],
        "ourNodes": {n: dict(graph.nodes[n], networkxDegree=graph.degree(n), networkxWeightedDegree=graph.degree(n, weight="Weight")) for n in ours},
        "ourEdges": sorted([[s, t, data["Id"], data["Weight"]] for s, t, data in graph.edges(data=True) if prefix in data["Id"]], key=lambda e: e[2]),
    }, ensure_ascii=False))


main()
