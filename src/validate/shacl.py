"""Validates RDF files against SHACL shapes with pyshacl, one data graph per file.

Usage: python3 - SHAPES FILE... (policykg validate pipes this script in). Prints one JSON
object per violation: file, focus, its label and classes, path, value, message, shape; and
a last line {"done": N} with the number of files validated. Exit 3 when pyshacl is missing.
"""
import json
import sys

try:
    import pyshacl
    import rdflib
except ImportError as e:
    print(f"{e}", file=sys.stderr)
    sys.exit(3)

SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")
RDFS_LABEL = rdflib.RDFS.label


def text(node):
    return None if node is None else str(node)


def violations(shapes, path):
    data = rdflib.Graph()
    data.parse(path, format="nt" if path.endswith(".nt") else "turtle")
    conforms, report, _ = pyshacl.validate(
        data, shacl_graph=shapes, inference="none", advanced=True
    )
    if conforms:
        return
    for result in report.subjects(rdflib.RDF.type, SH.ValidationResult):
        focus = report.value(result, SH.focusNode)
        yield {
            "file": path,
            "focus": text(focus),
            "label": text(data.value(focus, RDFS_LABEL)),
            "classes": sorted(str(c) for c in data.objects(focus, rdflib.RDF.type)),
            "path": text(report.value(result, SH.resultPath)),
            "value": text(report.value(result, SH.value)),
            "message": text(report.value(result, SH.resultMessage)),
            "shape": text(report.value(result, SH.sourceShape)),
        }


def main():
    shapes = rdflib.Graph()
    shapes.parse(sys.argv[1], format="turtle")
    for path in sys.argv[2:]:
        for v in violations(shapes, path):
            print(json.dumps(v, ensure_ascii=False))
    print(json.dumps({"done": len(sys.argv) - 2}))


main()
