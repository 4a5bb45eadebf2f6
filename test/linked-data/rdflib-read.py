"""Reads a Turtle and a JSON-LD export with rdflib (Python's RDF library) and prints, as JSON,
what each holds: triples, organisations, collaborations, memberships, sources, and whether the
two graphs hold the same triples. Usage: python3 rdflib-read.py export.ttl export.jsonld"""
import json
import sys

from rdflib import Graph, Namespace, RDF

ORG = Namespace("http://www.w3.org/ns/org#")
PROV = Namespace("http://www.w3.org/ns/prov#")


def counts(graph):
    typed = lambda cls: len(set(graph.subjects(RDF.type, cls)))
    return {
        "triples": len(graph),
        "organizations": typed(ORG.Organization),
        "alliances": typed(ORG.OrganizationalCollaboration),
        "memberships": typed(ORG.Membership),
        "sources": typed(PROV.Entity),
    }


turtle = Graph().parse(sys.argv[1], format="turtle")
jsonld = Graph().parse(sys.argv[2], format="json-ld")
print(json.dumps({"turtle": counts(turtle), "jsonld": counts(jsonld), "same": set(turtle) == set(jsonld)}))
