"""The ``README.md`` of the dump folder: what each file is, how to check it, the licence."""

from __future__ import annotations

from collections.abc import Sequence

from publishing.facts import Coverage
from publishing.publication import LICENCE, LICENCE_NAME, LICENCE_TEXT, PublishSettings


def readme(
    settings: PublishSettings, quads: int, triples: int, coverage: Sequence[Coverage]
) -> bytes:
    municipalities = ", ".join(f"{c.label} (`kommuner/{c.slug}.nq.gz`)" for c in coverage)
    text = f"""# referatgraf: datadump

Referater fra danske kommunale udvalg som en vidensgraf: møder, dagsordenspunkter,
beslutninger, personer, fravær, sagsnumre og omtaler af love, programmer og organisationer,
hvert faktum med sin plads i referatet. Udgiver: {settings.publisher}
(<mailto:{settings.contact_email}>).

Minutes of Danish municipal committees as a knowledge graph. The files below are described,
with their sizes and sha256 checksums, in the DCAT-AP 3.0.1 catalog `catalog.ttl`
(also `catalog.jsonld`, and at {settings.catalog_url}).

## Licens / licence

Data, ontologi og katalog: {LICENCE_NAME}, {LICENCE_TEXT} ({LICENCE}).
Angiv "referatgraf" og kommunen som kilde. / Data, ontology and catalog: CC BY 4.0; credit
"referatgraf" and the municipality.

## Filer / files

| fil | indhold |
|---|---|
| `referatgraf.nq.gz` | hele datasættet, {quads} quads, navngivne grafer bevaret (N-Quads, gzip) |
| `referatgraf.ttl.gz` | foreningen af alle grafer, {triples} tripler, hver én gang (Turtle, gzip) |
| `referatgraf.jsonld.gz` | hele datasættet med navngivne grafer (JSON-LD, gzip) |
| `kommuner/<kommune>.nq.gz` | én kommune (N-Quads, gzip), se nedenfor |
| `referatgraf-ontologi.ttl` | ontologien (OWL, Turtle) |
| `referatgraf-shapes.ttl` | SHACL-formerne en gyldig graf overholder |
| `void.ttl` | VoID-beskrivelsen (også på {settings.void_url}) |
| `catalog.ttl`, `catalog.jsonld` | DCAT-AP 3.0.1-kataloget over filerne |
| `SHA256SUMS` | kontrolsummer: `sha256sum -c SHA256SUMS` |

Hvert kildedokument (et referat) har sin egen navngivne graf, `<møde>/kilde`. Fælles ting er i
`graf/entiteter` (udvalg, personer), `graf/kommuner` (de 98 kommuner), `graf/reference` (love,
programmer, organisationer, KLE), `graf/afledt` (medlemskaber), `graf/ontologi`; hver
indlæsning i `indlaesning/<tidspunkt>`.

En kommunes fil rummer dens kildedokumenters grafer, det de fælles grafer siger om kommunen og
alt under dens IRI (udvalg, personer, medlemskaber), og hele referencegrafen. Kandidater
(`kandidat/...`), indlæsninger og ontologien findes kun i hele datasættet. Kommuner:
{municipalities}.

Filerne er deterministiske: samme graf giver samme bytes (kanonisk rækkefølge: grafernes IRI,
derefter tripler som N-Triples-linjer i kodepunktsorden; gzip uden filnavn og tidsstempel).
Blanke knuder (kun i ontologigrafen) beholder deres etiketter i filen; Oxigraphs `load` og
`bulk_load` omdøber dem, `pyoxigraph.parse` gør ikke.
"""
    return text.encode()
