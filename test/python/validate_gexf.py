"""Validates a GEXF 1.3 file against the official schemas (test/export/gexf-1.3/README.md).

Usage: python3 validate_gexf.py FILE.gexf
Prints {"rng": [errors], "xsd": [errors]} as JSON: empty lists when the file is valid.
"""
import json
import sys
from pathlib import Path

from lxml import etree

SCHEMAS = Path(__file__).resolve().parent.parent / "export" / "gexf-1.3"
GEXF = "http://gexf.net/1.3"
VIZ = "http://gexf.net/1.3/viz"


def errors(validator, document):
    return [] if validator.validate(document) else [f"{e.line}: {e.message}" for e in validator.error_log]


def main(path):
    document = etree.parse(path)
    rng = etree.RelaxNG(etree.parse(str(SCHEMAS / "gexf.rng")))
    xsd = etree.XMLSchema(etree.parse(str(SCHEMAS / "gexf.xsd")))
    # The XSD declares the viz elements in the GEXF namespace (its one slip): move them there for it.
    moved = etree.parse(path)
    for element in moved.iter(f"{{{VIZ}}}*"):
        element.tag = f"{{{GEXF}}}{etree.QName(element).localname}"
    print(json.dumps({"rng": errors(rng, document), "xsd": errors(xsd, moved)}))


if __name__ == "__main__":
    main(sys.argv[1])
