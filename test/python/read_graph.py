"""Reads a graph export back with networkx and prints what it found, as JSON.

Usage: python3 read_graph.py gexf|graphml FILE
Prints {"directed", "graph": graph attributes, "nodes": {id: attributes}, "edges": [[source, target, attributes]]}.
"""
import json
import sys

import networkx as nx


def main(kind, path):
    graph = nx.read_gexf(path) if kind == "gexf" else nx.read_graphml(path)
    print(json.dumps({
        "directed": graph.is_directed(),
        "graph": graph.graph,
        "nodes": {str(node): data for node, data in graph.nodes(data=True)},
        "edges": [[str(u), str(v), data] for u, v, data in graph.edges(data=True)],
    }, default=str))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
