"""The writers behind the dump: the bounded sort, the streamed JSON-LD, the union Turtle and
deterministic gzip (publishing/sorting.py, jsonld.py, turtle.py, gzipped.py)."""

from __future__ import annotations

import gzip
import io
import json
import warnings
from pathlib import Path

import rdflib
from pyoxigraph import BlankNode, Literal, NamedNode, Quad, RdfFormat, Triple, parse, serialize

from publishing.gzipped import GzipOutput
from publishing.jsonld import JsonLdSink
from publishing.passes import triple_lines
from publishing.sorting import LineSorter
from publishing.turtle import UnionSink

EX = "https://example.org/"
RG = "https://w3id.org/referatgraf/def#"
XSD = "http://www.w3.org/2001/XMLSchema#"
TRICKY = [
    'tab\there, "quotes", back\\slash',
    "line\nbreak\r\nand\x0cform feed\x00nul\x7f",
    "Æbleø – ½ € 😀 \u2028",
    "",
    " .",
]


def triples() -> list[Triple]:
    s, b = NamedNode(EX + "s"), BlankNode("b1")
    found = [Triple(s, NamedNode(RG + "text"), Literal(text, language="da")) for text in TRICKY[:3]]
    found += [Triple(s, NamedNode(RG + "note"), Literal(text)) for text in TRICKY[3:]]
    rdf_type = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    found += [
        Triple(s, rdf_type, NamedNode(RG + "Meeting")),
        Triple(s, rdf_type, b),
        Triple(s, NamedNode(RG + "date"), Literal("2020-01-08", datatype=NamedNode(XSD + "date"))),
        Triple(s, NamedNode(RG + "number"), Literal("007", datatype=NamedNode(XSD + "integer"))),
        Triple(s, NamedNode(EX + "odd/predicate.x"), Literal("x", datatype=NamedNode(EX + "dt"))),
        Triple(b, NamedNode(RG + "ref"), s),
        Triple(b, NamedNode(RG + "ref"), NamedNode(EX + "t")),
    ]  # fmt: skip
    return found


def sorted_lines(given: list[Triple]) -> list[bytes]:
    return sorted(triple_lines(serialize(given, format=RdfFormat.N_TRIPLES) or b""))


def test_a_literal_as_oxigraph_writes_it_is_a_json_string() -> None:
    for text in TRICKY:
        line = serialize(
            [Triple(NamedNode(EX), NamedNode(EX), Literal(text))], format=RdfFormat.N_TRIPLES
        )
        assert line is not None
        assert json.loads(line.split(b" ", 2)[2].removesuffix(b" .\n")) == text


def test_json_ld_holds_the_same_quads_in_named_and_default_graphs() -> None:
    given = triples()
    output = io.BytesIO()
    sink = JsonLdSink(output)
    sink.begin(None)
    sink.lines(sorted_lines(given[:4]))
    sink.end()
    sink.begin(b"<" + EX.encode() + b"g>")
    lines = sorted_lines(given)
    sink.lines(lines[:3])  # a subject may span batches
    sink.lines(lines[3:])
    sink.end()
    sink.close()
    data = output.getvalue()
    json.loads(data)
    expected = {Quad(t.subject, t.predicate, t.object) for t in given[:4]}
    expected |= {Quad(t.subject, t.predicate, t.object, NamedNode(EX + "g")) for t in given}
    assert set(parse(data, format=RdfFormat.JSON_LD)) == expected
    with warnings.catch_warnings():  # rdflib's Dataset.parse warns of its own deprecations
        warnings.simplefilter("ignore", DeprecationWarning)
        dataset = rdflib.Dataset()
        dataset.parse(data=data, format="json-ld")
        assert len(list(dataset.quads())) == len(expected)


def test_json_ld_compacts_vocabulary_terms_only() -> None:
    output = io.BytesIO()
    sink = JsonLdSink(output)
    sink.begin(None)
    sink.lines(sorted_lines(triples()))
    sink.end()
    sink.close()
    document = json.loads(output.getvalue())
    node = next(n for n in document["@graph"] if n["@id"] == EX + "s")
    assert node["@type"] == ["rg:Meeting"]
    assert node["rg:date"] == [{"@value": "2020-01-08", "@type": "xsd:date"}]
    assert node["rg:number"] == [{"@value": "007", "@type": "xsd:integer"}]
    assert node["rdf:type"] == [{"@id": "_:b1"}]
    assert EX + "odd/predicate.x" in node


def test_the_union_turtle_drops_duplicates_and_parses_back(tmp_path: Path) -> None:
    given = triples()
    union = UnionSink(tmp_path, budget=256)
    for graph, part in ((b"<g1>", given), (b"<g2>", given[2:6])):
        union.begin(graph)
        union.lines(sorted_lines(part))
        union.end()
    output = io.BytesIO()
    figures = union.write_turtle(output)
    assert figures.triples == len(given)
    assert figures.subjects == 2
    assert figures.classes[RG + "Meeting"] == 1
    assert set(figures.classes) == {RG + "Meeting"}  # a blank node is no class partition
    assert figures.properties[RG + "ref"] == 2
    back = {q.triple for q in parse(output.getvalue(), format=RdfFormat.TURTLE)}
    assert back == set(given)
    assert len(rdflib.Graph().parse(data=output.getvalue(), format="turtle")) == len(given)
    assert not list(tmp_path.iterdir())  # the sorted runs are gone


def test_the_sorter_spills_past_its_budget_and_merges_in_order(tmp_path: Path) -> None:
    sorter = LineSorter(tmp_path, budget=500)
    lines = [f"<s{i % 37:03d}> <p> {i}".encode() for i in range(400)]
    for start in range(0, 400, 50):
        sorter.extend(lines[start : start + 50])
    assert sorter.spilled
    assert list(sorter.merged()) == sorted(lines)
    assert not list(tmp_path.iterdir())
    sorter.extend([b"b", b"a", b"b"])
    assert [line for batch in sorter.batches(unique=True) for line in batch] == [b"a", b"b"]


def test_triple_lines_cut_at_line_ends_only() -> None:
    data = serialize(
        [Triple(NamedNode(EX), NamedNode(EX), Literal("a .\nb ."))], format=RdfFormat.N_TRIPLES
    )
    assert data is not None
    assert triple_lines(data) == [data.removesuffix(b" .\n")]


def test_gzip_output_is_deterministic_and_counts_what_it_wrote(tmp_path: Path) -> None:
    sizes = set()
    for name in ("a.gz", "b.gz"):
        output = GzipOutput(tmp_path, name)
        for _ in range(3):
            output.write(b"<s> <p> <o> <g> .\n" * 100_000)
        written = output.close()
        data = (tmp_path / name).read_bytes()
        assert written.size == len(data)
        assert gzip.decompress(data) == b"<s> <p> <o> <g> .\n" * 300_000
        sizes.add(data)
    assert len(sizes) == 1
