"""Bytes of a minutes file to text, with the encoding named.

The order is fixed and each step is a plain rule: known binary formats are refused by their
magic bytes (a PDF never gets here: :func:`loaders.read.read_minutes` reads it with
:mod:`loaders.pdf` first; decoding one as text is refused); a byte order mark decides; NUL
bytes mean UTF-16 without a BOM (NULs on every other position) or a binary file; then strict
UTF-8 (a cut-off last character dropped); then UTF-8 with a few damaged bytes; what is left is
single-byte Danish text, cp1252 or latin-1. Text full of control characters is refused as
binary. charset-normalizer is not asked: for Danish text it can only add wrong guesses
(cp1250, mac-roman) to what these rules already decide.
"""

from __future__ import annotations

import codecs
import re

from loaders.model import LoaderError

# (magic bytes at offset 0, what the file is, what to do about it)
_MAGIC: tuple[tuple[bytes, str, str], ...] = (
    (b"%PDF", "PDF", "extract its text first"),
    (b"PK\x03\x04", "ZIP archive, e.g. a Word or Excel document", "save or extract it as text"),
    (b"PK\x05\x06", "empty ZIP archive", "save or extract it as text"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "old Word or Excel document", "save it as text"),
    (b"\x89PNG\r\n\x1a\n", "PNG image", "the minutes must be text"),
    (b"\xff\xd8\xff", "JPEG image", "the minutes must be text"),
    (b"GIF87a", "GIF image", "the minutes must be text"),
    (b"GIF89a", "GIF image", "the minutes must be text"),
    (b"II*\x00", "TIFF image", "the minutes must be text"),
    (b"MM\x00*", "TIFF image", "the minutes must be text"),
    (b"\x1f\x8b", "gzip", "unpack it first"),
    (b"BZh", "bzip2", "unpack it first"),
    (b"\xfd7zXZ\x00", "xz", "unpack it first"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive", "unpack it first"),
    (b"Rar!\x1a\x07", "RAR archive", "unpack it first"),
    (b"\x7fELF", "ELF executable", "this is not a minutes file"),
)
_RTF = b"{\\rtf"

# (mark, codec for what follows it, name returned). Longest first: the UTF-32 LE mark starts
# with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
)

# Bytes 0x80-0x9F that cp1252 prints (all but 0x81, 0x8D, 0x8F, 0x90, 0x9D): curly quotes,
# dashes, the euro sign, ellipsis. In latin-1 they are invisible control characters, so one of
# them is good evidence of cp1252.
_CP1252_PRINTABLE = re.compile(b"[\x80\x82-\x8c\x8e\x91-\x9c\x9e\x9f]")
# cp1252 leaves five bytes undefined; like browsers (WHATWG "windows-1252") they keep their
# latin-1 meaning instead of failing the whole file.
_CP1252_UNDEFINED = frozenset((0x81, 0x8D, 0x8F, 0x90, 0x9D))
_CP1252_TABLE = str.maketrans(
    {chr(b): bytes([b]).decode("cp1252") for b in range(0x80, 0xA0) if b not in _CP1252_UNDEFINED}
)

_UTF8_SEQUENCE = re.compile(
    b"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
_HIGH_BYTES = bytes(range(0x80, 0x100))
_CONTROL = re.compile("[\x00-\x08\x0e-\x19\x1b-\x1f\x7f]")
_VISIBLE = re.compile("[^\\s\ufeff\u200b\u200c\u200d\u2060\u00ad]")


def _binary(kind: str, advice: str) -> LoaderError:
    return LoaderError(f"binary file ({kind}); {advice}")


def _refuse_known_formats(data: bytes) -> None:
    for magic, kind, advice in _MAGIC:
        if data.startswith(magic):
            raise _binary(kind, advice)
    if data.lstrip().startswith(_RTF):
        raise LoaderError("RTF document, not plain text; save it as plain text first")


def _decode_without_tail(data: bytes, codec: str) -> str:
    """Decode strictly, except that a multi-byte sequence cut off at the very end (a truncated
    download) is dropped; an invalid sequence anywhere else raises UnicodeDecodeError."""
    return codecs.getincrementaldecoder(codec)("strict").decode(data, final=False)


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 text without a BOM shows as NUL bytes on every other position (the high byte of
    ASCII and Latin-1 characters): on odd positions for little endian, even for big endian."""
    sample = data[:4096]
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    if odd >= pairs * 0.4 and even <= pairs * 0.05:
        codec = "utf-16-le"
    elif even >= pairs * 0.4 and odd <= pairs * 0.05:
        codec = "utf-16-be"
    else:
        return None
    try:
        return _decode_without_tail(data, codec), codec
    except UnicodeDecodeError:
        return None


def _as_utf8(data: bytes) -> str | None:
    """Strict UTF-8, or UTF-8 with a truncated last character dropped, or None.

    A cut-off tail after pure ASCII is trusted only when it is the lead byte of a Danish letter
    (0xC3 or 0xC2): a lone 0xE5 at the end is far more likely cp1252 "å" than a cut-off
    three-byte character.
    """
    decoder = codecs.getincrementaldecoder("utf-8")("strict")
    try:
        text = decoder.decode(data, final=False)
    except UnicodeDecodeError:
        return None
    tail = decoder.getstate()[0]
    if not tail or not text.isascii():
        return text
    return text if tail[0] in (0xC2, 0xC3) else None


def _mostly_utf8(data: bytes) -> bool:
    """Valid UTF-8 sequences outnumber the stray high bytes: a UTF-8 file with a few damaged
    bytes (decoded with U+FFFD for them) rather than cp1252, which would garble every æøå."""
    sequences = _UTF8_SEQUENCE.findall(data)
    high = len(data) - len(data.translate(None, _HIGH_BYTES))
    stray = high - sum(len(s) for s in sequences)
    return len(sequences) > 0 and len(sequences) >= stray


def _single_byte(data: bytes) -> tuple[str, str]:
    text = data.decode("latin-1")
    if _CP1252_PRINTABLE.search(data):
        return text.translate(_CP1252_TABLE), "cp1252"
    return text, "latin-1"


def _check_text(text: str) -> str:
    if not _VISIBLE.search(text):
        raise LoaderError("empty file")
    if "\x00" in text:
        raise _binary("NUL bytes, not text", "extract its text first")
    if _CONTROL.search(text) and len(_CONTROL.findall(text)) * 10 > len(text):
        raise _binary("control characters, not text", "extract its text first")
    return text


def decode_bytes(data: bytes) -> tuple[str, str]:
    """``(text, encoding)`` for the raw bytes of a minutes file; :class:`LoaderError` when the
    bytes are empty or not text. Encodings: ``utf-8``, ``utf-8-sig``, ``utf-16``, ``utf-16-le``,
    ``utf-16-be``, ``utf-32``, ``cp1252``, ``latin-1``.

    >>> decode_bytes("Mødedato".encode("cp1252") + b" \\x96 kl. 15")
    ('Mødedato – kl. 15', 'cp1252')
    >>> decode_bytes("Mødedato".encode("utf-16"))
    ('Mødedato', 'utf-16')
    """
    if not data.strip():
        raise LoaderError("empty file")
    _refuse_known_formats(data)
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                return _check_text(_decode_without_tail(data[len(bom) :], codec)), name
            except UnicodeDecodeError as error:
                raise LoaderError(
                    f"the file starts with a {codec.upper()} byte order mark, but byte"
                    f" {error.start + len(bom)} is not valid {codec.upper()}; re-save it as UTF-8"
                ) from None
    if b"\x00" in data:
        utf16 = _utf16_without_bom(data)
        if utf16 is None:
            raise _binary("NUL bytes, not text", "extract its text first")
        return _check_text(utf16[0]), utf16[1]
    text = _as_utf8(data)
    if text is not None:
        return _check_text(text), "utf-8"
    if _mostly_utf8(data):
        return _check_text(data.decode("utf-8", errors="replace")), "utf-8"
    text, encoding = _single_byte(data)
    return _check_text(text), encoding
