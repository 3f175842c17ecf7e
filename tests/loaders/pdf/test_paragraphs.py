"""loaders.pdf.paragraphs: wrapped lines joined (also over a page break), hyphenation undone
where it is hyphenation, headings and labels kept on lines of their own, list entries apart."""

from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth

from loaders.pdf import read_pdf
from loaders.pdf.paragraphs import continues, join_text
from loaders.pdf.rows import Line

from .drawing import BOLD, LEFT, RIGHT, Text, draw, furnished, paragraph, wrap

SENTENCE = (
    "Forvaltningen foreslår, at udvalget godkender den reviderede plan for indsatsen over for "
    "unge uden uddannelse, og at planen evalueres efter et år med en opgørelse af resultaterne."
)


def test_join_text() -> None:
    assert join_text("for beskæf-", "tigelse") == "for beskæftigelse"
    assert join_text("KIT-", "projektet") == "KIT-projektet"
    assert join_text("2023-", "budgettet") == "2023-budgettet"
    assert join_text("social-", "og sundhedsudvalget") == "social- og sundhedsudvalget"
    assert join_text("bygge-", "eller anlægsarbejde") == "bygge- eller anlægsarbejde"
    assert join_text("Region Midt-", "Jylland") == "Region Midt-Jylland"
    assert join_text("beløbet er 5 -", "2 mio.") == "beløbet er 5 - 2 mio."


def test_a_paragraph_over_a_page_break() -> None:
    """The last line of a page and the first of the next are one paragraph (the word that
    did not fit moved on), and the second page starts where its own text starts."""
    lines = wrap(SENTENCE, RIGHT - LEFT)
    assert len(lines) == 2
    first = [Text(LEFT, 100, "Sagsfremstilling", BOLD), *paragraph(lines[:1], 115)]
    second = paragraph(lines[1:], 100)
    read = read_pdf(draw(furnished([first, second])))
    assert read.text == f"Sagsfremstilling\n\n{SENTENCE}\n"
    assert read.page_starts == (0, len("Sagsfremstilling\n\n") + len(lines[0]) + 1)


def test_hyphenation_over_a_page_break() -> None:
    first = [*paragraph(["Sagen drejer sig om den lokale beskæf-"], 100)]
    second = [*paragraph(["tigelsesindsats for ledige."], 100)]
    read = read_pdf(draw(furnished([first, second])))
    assert read.text == "Sagen drejer sig om den lokale beskæftigelsesindsats for ledige.\n"
    assert read.page_starts == (0, len("Sagen drejer sig om den lokale beskæf"))


def test_labels_list_entries_and_short_lines_stay_apart() -> None:
    """In one font, without bold: a section label, list entries and a paragraph's short last
    line end their line, whatever the line above."""
    body = wrap(SENTENCE, RIGHT - LEFT)
    page = paragraph(
        [
            *body,
            "Indstilling",
            "Direktionen indstiller,",
            "- at planen godkendes, og",
            "- at planen evalueres efter et år.",
            "Beslutning",
            "Godkendt.",
        ],
        100,
    )
    assert read_pdf(draw([page])).text == (
        f"{SENTENCE}\nIndstilling\nDirektionen indstiller,\n- at planen godkendes, og\n"
        "- at planen evalueres efter et år.\nBeslutning\nGodkendt.\n"
    )


def test_a_wrapped_heading_is_one_line_and_stands_apart() -> None:
    title = "7. Forslag til ny struktur for den kommunale tandpleje med samling af klinikkerne"
    lines = wrap(title, RIGHT - LEFT, BOLD, 14)
    assert len(lines) == 2
    page = [
        *paragraph(lines, 100, font=BOLD, size=14, leading=17),
        Text(LEFT, 140, "Sagsnr.: 25/1234"),
        Text(LEFT, 155, "Åben sag"),
    ]
    assert read_pdf(draw([page])).text == f"{title}\n\nSagsnr.: 25/1234\nÅben sag\n"


def test_a_heading_with_its_number_apart() -> None:
    """The number in a column of its own (a hanging indent): one line, number and title."""
    title = "Forslag til ny struktur for den kommunale tandpleje med samling af alle klinikker"
    lines = wrap(title, RIGHT - LEFT - 30, BOLD, 14)
    assert len(lines) == 2
    page = [
        Text(LEFT, 100, "7.", BOLD, 14),
        *paragraph(lines, 100, x=LEFT + 30, font=BOLD, size=14, leading=17),
        Text(LEFT + 30, 145, "Sagsnr.: 25/1234"),
    ]
    assert read_pdf(draw([page])).text == f"7.\t{title}\n\nSagsnr.: 25/1234\n"


def test_a_word_sticking_out_does_not_move_the_margin() -> None:
    """Lines of justified text end at the margin, one long word sticks out past it: a title
    that wrapped at the margin is still joined."""
    width = 250
    title = "REFERAT Udvalget for Job, Arbejdsmarked og Integration 2022-2025"
    lines = wrap(title, width, BOLD, 16)
    assert len(lines) == 3
    page = paragraph(lines, 100, font=BOLD, size=16, leading=20)
    for i, line in enumerate(wrap(f"{SENTENCE} {SENTENCE}", width)):  # justified: at the margin
        page.append(Text(LEFT + width, 180 + 13 * i, line, right=True))
    long_word = "Kommuneplantillægsforslagsbehandlingsproceduregennemgangsrapporterne"
    page.append(Text(LEFT, 400, long_word))
    assert LEFT + stringWidth(long_word, "Helvetica", 10) > LEFT + width + 20
    text = read_pdf(draw([page])).text
    assert text.splitlines()[0] == title


def test_a_title_wrapped_before_a_dash() -> None:
    title = (
        "6. Temadrøftelse om fordelingen af midler fra frivillighedspuljen i år - Slutevaluering"
    )
    lines = wrap(title, RIGHT - LEFT, BOLD, 14)
    assert lines[1].startswith("- ")  # the dash begins the second line
    page = [*paragraph(lines, 100, font=BOLD, size=14, leading=17), Text(LEFT, 150, "Drøftet.")]
    assert read_pdf(draw([page])).text == f"{title}\n\nDrøftet.\n"


def test_a_heading_in_the_text_s_own_font_after_a_full_sentence() -> None:
    """No bold, no larger font: a full line ending a sentence, then "3. Eventuelt"."""
    full = (
        "Planen blev drøftet, og udvalget besluttede at sende den i høring hos alle de berørte "
        "parter i kommunen."
    )
    assert stringWidth(full, "Helvetica", 10) > 0.9 * (RIGHT - LEFT)  # "3." would not fit
    page = paragraph([full, "3. Eventuelt", "Beslutning", "Intet."], 100)
    assert read_pdf(draw([page])).text == f"{full}\n3. Eventuelt\nBeslutning\nIntet.\n"


def test_a_whole_label_that_reaches_the_margin_ends_its_line() -> None:
    """A decision heading as wide as the column looks like a wrapped line; a label whole on
    its line, then a line that starts with a capital, are two lines all the same."""
    label = "Beskæftigelses- og Integrationsudvalgets beslutning den 12. oktober 2020"
    upper = Line(label, 70.0, 520.0, 100.0, 110.0, 10.0, False, edge=525.0)
    lower = Line("Indstillingen blev godkendt.", 70.0, 200.0, 112.0, 122.0, 10.0, False, 60.0)
    assert not continues(upper, lower)
    # the same line of running text does run on
    running = Line("Udvalget drøftede sagen og besluttede den 12. oktober", 70.0, 520.0, 100.0,
                   110.0, 10.0, False, edge=525.0)  # fmt: skip
    assert continues(running, lower)
