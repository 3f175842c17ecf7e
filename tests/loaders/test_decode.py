import codecs
import doctest

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from loaders import decode
from loaders.decode import decode_bytes
from loaders.model import LoaderError

DANISH = "Mødedato: Onsdag d. 8. juni 2022 – Årets første møde på Ærø og i Øster Hornum"


def test_doctests() -> None:
    assert doctest.testmod(decode).failed == 0


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b" ",
        b"\n\r\n\t  \n",
        codecs.BOM_UTF8,
        codecs.BOM_UTF8 + b" \n",
        "  \n".encode("utf-16"),
    ],
)
def test_empty_or_blank_file(data: bytes) -> None:
    with pytest.raises(LoaderError, match=r"^empty file$"):
        decode_bytes(data)


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (codecs.BOM_UTF8 + DANISH.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + DANISH.encode("utf-16-le"), "utf-16"),
        (codecs.BOM_UTF16_BE + DANISH.encode("utf-16-be"), "utf-16"),
        (codecs.BOM_UTF32_LE + DANISH.encode("utf-32-le"), "utf-32"),
        (codecs.BOM_UTF32_BE + DANISH.encode("utf-32-be"), "utf-32"),
        (DANISH.encode("utf-8"), "utf-8"),
        (DANISH.encode("utf-16-le"), "utf-16-le"),
        (DANISH.encode("utf-16-be"), "utf-16-be"),
        (DANISH.encode("cp1252"), "cp1252"),
    ],
)
def test_encodings(data: bytes, encoding: str) -> None:
    assert decode_bytes(data) == (DANISH, encoding)


def test_the_byte_order_mark_is_not_part_of_the_text() -> None:
    text, _ = decode_bytes(codecs.BOM_UTF8 + b"REFERAT")
    assert text == "REFERAT"


def test_ascii_is_utf8() -> None:
    assert decode_bytes(b"REFERAT\r\nPunkt 1\r\n") == ("REFERAT\r\nPunkt 1\r\n", "utf-8")


def test_cp1252_when_its_quotes_dashes_or_euro_occur() -> None:
    data = "“Budget” – 5 € for æøåÆØÅ’s…".encode("cp1252")
    assert decode_bytes(data) == ("“Budget” – 5 € for æøåÆØÅ’s…", "cp1252")


def test_latin1_when_no_cp1252_only_character_occurs() -> None:
    data = "Mødet på Rådhuset, ÆØÅ æøå é".encode("latin-1")
    assert decode_bytes(data) == ("Mødet på Rådhuset, ÆØÅ æøå é", "latin-1")


def test_cp1252_keeps_its_five_undefined_bytes_as_latin1() -> None:
    text, encoding = decode_bytes(b"Pris \x80 5 og \x81 tegn p\xe5 m\xf8de")
    assert (text, encoding) == ("Pris € 5 og \x81 tegn på møde", "cp1252")


def test_truncated_utf8_tail_is_dropped_not_read_as_cp1252() -> None:
    whole = "Mødet blev hævet på Rådhuset. Næste møde: ø".encode()
    assert decode_bytes(whole[:-1]) == ("Mødet blev hævet på Rådhuset. Næste møde: ", "utf-8")
    euro = "Beløb i alt: 5 €".encode()  # € is three bytes; cut after one and after two
    assert decode_bytes(euro[:-1]) == ("Beløb i alt: 5 ", "utf-8")
    assert decode_bytes(euro[:-2]) == ("Beløb i alt: 5 ", "utf-8")


def test_truncated_danish_letter_after_ascii_is_utf8() -> None:
    assert decode_bytes(b"Godkendt af udvalget p\xc3") == ("Godkendt af udvalget p", "utf-8")


def test_lone_danish_letter_at_the_end_after_ascii_is_single_byte() -> None:
    # 0xE5 could start a cut-off three-byte character, but "å" in latin-1 is far likelier
    assert decode_bytes(b"Vi ses p\xe5") == ("Vi ses på", "latin-1")


def test_utf8_with_a_damaged_byte_stays_utf8() -> None:
    data = "Mødet på Rådhuset i Ærø".encode() + b" \xff " + "ændret".encode()
    assert decode_bytes(data) == ("Mødet på Rådhuset i Ærø \ufffd ændret", "utf-8")


def test_invalid_bytes_after_a_utf8_bom() -> None:
    with pytest.raises(LoaderError, match="UTF-8 byte order mark, but byte 5 is not valid UTF-8"):
        decode_bytes(codecs.BOM_UTF8 + b"ab\xffcd")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "binary file (PDF); extract its text first"),
        (b"PK\x03\x04\x14\x00\x06\x00", "binary file (ZIP archive, e.g. a Word or Excel document)"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00", "binary file (old Word or Excel document)"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file (PNG image)"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "binary file (JPEG image)"),
        (b"GIF89a\x01\x00", "binary file (GIF image)"),
        (b"\x1f\x8b\x08\x00\x00\x00", "binary file (gzip); unpack it first"),
        (b"\x7fELF\x02\x01\x01", "binary file (ELF executable)"),
        (b"{\\rtf1\\ansi Referat}", "RTF document, not plain text; save it as plain text first"),
        (b"\x00\x00abc\x00\x00\x01\x02\x00\xff", "binary file (NUL bytes, not text)"),
        (b"\x01\x02\x03\x04\x05 ab", "binary file (control characters, not text)"),
    ],
)
def test_binary_files_are_named(data: bytes, message: str) -> None:
    with pytest.raises(LoaderError) as raised:
        decode_bytes(data)
    assert str(raised.value).startswith(message)


def test_a_few_control_characters_are_still_text() -> None:
    text, encoding = decode_bytes(b"Side 1\x0cSide 2\x1b plus meget mere tekst her")
    assert (text, encoding) == ("Side 1\x0cSide 2\x1b plus meget mere tekst her", "utf-8")


@given(st.binary(max_size=300))
def test_any_bytes_give_text_or_a_loader_error(data: bytes) -> None:
    try:
        text, encoding = decode_bytes(data)
    except LoaderError as error:
        message = str(error)  # a message a person can read, never an empty one
        assert message
    else:
        assert isinstance(text, str)
        assert text.strip()
        assert encoding in {
            "utf-8",
            "utf-8-sig",
            "utf-16",
            "utf-16-le",
            "utf-16-be",
            "utf-32",
            "cp1252",
            "latin-1",
        }


# Danish words joined by separators that carry cp1252's own characters. No word ends in an
# upper-case ÆØÅ: "Å’" (C5 92) would be a valid UTF-8 sequence, and a file of such pairs is
# genuinely ambiguous; real minutes are not.
WORDS = ["Mødet", "blev", "hævet", "på", "Rådhuset", "Ærø", "Økonomi", "Århus", "første", "Kl", "8"]
SEPARATORS = [" ", ", ", " – ", "’ ", " “", "” ", "… ", " € ", ".\n", "\t", " — "]
CP1252_ONLY = set("–—’“”…€")


@st.composite
def danish_texts(draw: st.DrawFn) -> str:
    words = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=30))
    separators = draw(st.lists(st.sampled_from(SEPARATORS), min_size=len(words) - 1))
    return "".join(w + s for w, s in zip(words, [*separators, ""], strict=False))


@given(danish_texts())
def test_danish_text_survives_cp1252(text: str) -> None:
    decoded, encoding = decode_bytes(text.encode("cp1252"))
    assert decoded == text
    if CP1252_ONLY & set(text):
        assert encoding == "cp1252"
    else:
        assert encoding == ("utf-8" if text.isascii() else "latin-1")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16"])
@given(text=danish_texts())
def test_danish_text_survives_unicode_encodings(encoding: str, text: str) -> None:
    assert decode_bytes(text.encode(encoding)) == (text, encoding)


unicode_text = st.text(
    alphabet=st.characters(blacklist_categories=["Cc", "Cs"], blacklist_characters="\ufeff"),
    min_size=1,
)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16"])
@given(text=unicode_text)
def test_any_unicode_text_survives(encoding: str, text: str) -> None:
    assume(text.translate(dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\u00ad"))).strip())
    assume(not text.startswith(("%PDF", "BZh", "{\\rtf")))
    assert decode_bytes(text.encode(encoding)) == (text, encoding)


def test_utf16_cut_off_in_the_middle_of_a_character() -> None:
    data = codecs.BOM_UTF16_LE + "Mødet slut æ".encode("utf-16-le")
    assert decode_bytes(data[:-1]) == ("Mødet slut ", "utf-16")
    assert decode_bytes("Mødet slut æ".encode("utf-16-be")[:-1]) == ("Mødet slut ", "utf-16-be")


def test_invalid_utf16_after_its_bom() -> None:
    data = codecs.BOM_UTF16_LE + "ab".encode("utf-16-le") + b"\x00\xdc" + "cd".encode("utf-16-le")
    with pytest.raises(LoaderError, match="UTF-16-LE byte order mark, but byte 6 is not valid"):
        decode_bytes(data)


def test_utf32_without_bom_is_binary() -> None:
    with pytest.raises(LoaderError, match=r"^binary file \(NUL bytes, not text\)"):
        decode_bytes("Referat".encode("utf-32-le"))
