"""loaders.pdf.rows: two columns read column by column, tables row by row with their cells
apart, a list set in two columns, label and value rows."""

from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth

from loaders.pdf import read_pdf

from .drawing import BOLD, LEFT, RIGHT, Text, draw, paragraph

GUTTER = 20.0
COLUMN = (RIGHT - LEFT - GUTTER) / 2
LEFT_TEXT = (
    "Udvalget drøftede den nye plan for beskæftigelsesindsatsen og bad forvaltningen om at "
    "vende tilbage med et forslag til, hvordan indsatsen kan målrettes de unge ledige."
)
RIGHT_TEXT = (
    "Forvaltningen orienterede om status på integrationsindsatsen, hvor flere borgere end "
    "forventet er kommet i job eller uddannelse i løbet af året."
)


def test_two_columns_of_running_text_are_read_column_by_column() -> None:
    left = paragraph(LEFT_TEXT, 120, width=COLUMN)
    right = paragraph(RIGHT_TEXT, 120, x=LEFT + COLUMN + GUTTER, width=COLUMN)
    assert len(left) >= 4
    assert len(right) >= 4
    page = [Text(LEFT, 90, "Orientering", BOLD, 12), *left, *right]
    page.append(Text(LEFT, 120 + 13 * 8, "Sagen blev taget til efterretning."))
    assert read_pdf(draw([page])).text == (
        f"Orientering\n\n{LEFT_TEXT}\n\n{RIGHT_TEXT}\n\nSagen blev taget til efterretning.\n"
    )


def test_a_table_is_read_row_by_row_with_its_cells_apart() -> None:
    rows = [
        ("Område", "Budget", "Forbrug", "Afvigelse"),
        ("Serviceudgifter", "5.812,4", "5.871,3", "-34,8"),
        ("Overførselsudgifter", "1.944,0", "1.967,9", "16,7"),
        ("Anlæg", "412,5", "455,0", "-43,3"),
    ]
    page = [
        Text(LEFT + 120 * column, 100 + 14 * row, cell, BOLD if row == 0 else "Helvetica")
        for row, cells in enumerate(rows)
        for column, cell in enumerate(cells)
    ]
    assert read_pdf(draw([page])).text == "".join("\t".join(r) + "\n" for r in rows)


def test_a_list_in_two_columns_is_read_column_by_column() -> None:
    members = [
        "Anna Mortensen (A), borgmester",
        "Jens Kjærgaard (V)",
        "Mette Holm (A)",
        "Søren Vestergaard (C)",
        "Karin Bech (F)",
        "Lars Dalgaard (O)",
    ]
    page = [Text(LEFT, 90, "Deltagere", BOLD, 10)]
    for index, name in enumerate(members):
        x = LEFT if index < 3 else LEFT + 230
        page.append(Text(x + 6, 105 + 14 * (index % 3), name))
    text = read_pdf(draw([page])).text
    assert text == "Deltagere\n\n" + "\n".join(members[:3]) + "\n\n" + "\n".join(members[3:]) + "\n"


def test_labels_and_values_stay_on_their_row() -> None:
    """A label column and a value column are a table: each label with its value, a value that
    wraps under itself joined, a list of names one a line."""
    value = wrap_value("Byrådssalen, Rådhuset, Prinsens Allé 5, 8800 Viborg, indgang fra gården")
    page = [
        Text(LEFT, 100, "Mødedato:"),
        Text(LEFT + 110, 100, "Tirsdag den 24. juni 2025"),
        Text(LEFT, 114, "Mødested:"),
        *[Text(LEFT + 110, 114 + 13 * i, line) for i, line in enumerate(value)],
        Text(LEFT, 114 + 13 * len(value) + 1, "Medlemmer:"),
        Text(LEFT + 110, 114 + 13 * len(value) + 1, "Anna Mortensen (A)"),
        Text(LEFT + 110, 127 + 13 * len(value) + 1, "Jens Kjærgaard (V)"),
        Text(LEFT, 400, "Dagsordenen blev godkendt uden bemærkninger, og mødet fortsatte."),
    ]
    assert read_pdf(draw([page])).text == (
        "Mødedato:\tTirsdag den 24. juni 2025\n"
        "Mødested:\tByrådssalen, Rådhuset, Prinsens Allé 5, 8800 Viborg, indgang fra gården\n"
        "Medlemmer:\tAnna Mortensen (A)\n"
        "Jens Kjærgaard (V)\n"
        "\n"
        "Dagsordenen blev godkendt uden bemærkninger, og mødet fortsatte.\n"
    )


def wrap_value(text: str) -> list[str]:
    from .drawing import wrap  # noqa: PLC0415

    lines = wrap(text, 180)
    assert len(lines) == 2
    return lines


def test_names_under_a_label_stay_one_a_line() -> None:
    """The longest name is no wrapped line: the name below it starts the next entry."""
    names = ["Christian Plank (F) (Formand)", "Martin Stokholm (A) (Medlem)", "Ole Blickfeldt (O)"]
    page = [Text(LEFT, 100, "Medlemmer:")]
    page += [Text(LEFT + 110, 100 + 13 * i, name) for i, name in enumerate(names)]
    text = read_pdf(draw([page])).text
    assert text == f"Medlemmer:\t{names[0]}\n{names[1]}\n{names[2]}\n"


def test_a_table_header_wrapped_in_its_cells_is_one_row() -> None:
    """Header cells on two lines ("Oprindeligt" / "budget") make one row; the rows below,
    spaced as table rows are, stay rows of their own."""
    header = [
        ("Område", ""),
        ("Oprindeligt", "budget"),
        ("Korrigeret", "budget"),
        ("Afvigelse", ""),
    ]
    page = []
    for column, (first, second) in enumerate(header):
        page.append(Text(LEFT + 110 * column, 100, first, BOLD))
        if second:
            page.append(Text(LEFT + 110 * column, 112, second, BOLD))
    for row, cells in enumerate((("Serviceudgifter", "5.812,4", "5.906,1", "-34,8"),
                                 ("Anlæg", "412,5", "498,3", "-43,3"))):  # fmt: skip
        page += [Text(LEFT + 110 * c, 132 + 18 * row, cell) for c, cell in enumerate(cells)]
    assert read_pdf(draw([page])).text == (
        "Område\tOprindeligt budget\tKorrigeret budget\tAfvigelse\n\n"
        "Serviceudgifter\t5.812,4\t5.906,1\t-34,8\n\n"
        "Anlæg\t412,5\t498,3\t-43,3\n"
    )


def test_a_raised_footnote_mark_stays_in_its_line() -> None:
    text = "Udgifterne afholdes inden for den eksisterende ramme"
    page = [
        Text(LEFT, 100, text),
        Text(LEFT + stringWidth(text, "Helvetica", 10) + 1, 96, "1", size=6),
        Text(LEFT, 113, "for beskæftigelsesindsatsen."),
    ]
    # the mark touches the word it follows, as printed
    assert read_pdf(draw([page])).text == f"{text}1\nfor beskæftigelsesindsatsen.\n"


def test_a_justified_line_with_wide_spaces_is_no_table() -> None:
    """A narrow column stretches a justified line's spaces past a table's gap: all alike."""
    words = ["Mødested", "Byrådssalen", "-", "Udvalgsværelse", "2,", "Lemvig", "Rådhus"]
    widths = [stringWidth(w, "Helvetica", 10) for w in words]
    space = (360 - sum(widths)) / (len(words) - 1)
    assert space > 15  # wider than the gap between a table's cells
    page, x = [], LEFT
    for word, width in zip(words, widths, strict=True):
        page.append(Text(x, 100, word))
        x += width + space
    page.append(Text(LEFT, 113, "Dialogmøde"))
    assert read_pdf(draw([page])).text == " ".join(words) + " Dialogmøde\n"


def test_a_heading_beside_smaller_text_stands_on_its_own_line() -> None:
    page = [
        Text(LEFT, 100, "4. Budgetopfølgning", BOLD, 14),
        Text(RIGHT, 100, "Sagsnr.: 25/2291", size=9, right=True),
        Text(LEFT, 125, "Beslutning", BOLD),
        Text(LEFT, 140, "Godkendt."),
    ]
    assert read_pdf(draw([page])).text == (
        "4. Budgetopfølgning\n\nSagsnr.: 25/2291\n\nBeslutning\n\nGodkendt.\n"
    )


def test_two_columns_whose_lines_do_not_share_baselines() -> None:
    """The right column set with another leading: no row holds both columns."""
    left = paragraph(LEFT_TEXT, 120, width=COLUMN)
    right = paragraph(RIGHT_TEXT, 126, x=LEFT + COLUMN + GUTTER, width=COLUMN, leading=15.5)
    page = [Text(LEFT, 90, "Orientering", BOLD, 12), *left, *right]
    assert read_pdf(draw([page])).text == f"Orientering\n\n{LEFT_TEXT}\n\n{RIGHT_TEXT}\n"
