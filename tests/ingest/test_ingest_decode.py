from __future__ import annotations

import codecs
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crosswire.ingest.decode import binary_reason, decode_bytes, normalise, repair_mojibake


@pytest.mark.parametrize(
    ("data", "phrase"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (b"PK\x03\x04\x14\x00\x06\x00", "ZIP"),
        (b"\x1f\x8b\x08\x00\x00\x00", "gzip"),
        (b"plain words\x00then a NUL", "NUL"),
        (bytes(range(1, 9)) * 50 + b"some text", "control bytes"),
    ],
)
def test_binary_is_recognised(data: bytes, phrase: str) -> None:
    reason = binary_reason(data)
    assert reason is not None and phrase in reason


@pytest.mark.parametrize(
    "data",
    [
        b"Plain ASCII headline\n\nBody text.",
        "Caf\u00e9 owners \u201cdelighted\u201d".encode(),
        b"Tabs\tand\fform feeds are text",
        codecs.BOM_UTF16_LE + "UTF-16 with its BOM".encode("utf-16-le"),
    ],
)
def test_text_is_not_binary(data: bytes) -> None:
    assert binary_reason(data) is None


def test_utf8_with_and_without_bom() -> None:
    text = "Z\u00fcrich \u2013 the mayor said"
    assert decode_bytes(text.encode("utf-8")) == (text, "utf-8")
    assert decode_bytes(codecs.BOM_UTF8 + text.encode("utf-8")) == (text, "utf-8")


def test_windows_1252_quotes_and_dashes() -> None:
    data = "\u201cWe will rebuild,\u201d she said \u2013 caf\u00e9 owners agreed".encode("cp1252")
    text, encoding = decode_bytes(data)
    assert encoding == "cp1252"
    assert text == "\u201cWe will rebuild,\u201d she said \u2013 caf\u00e9 owners agreed"


def test_latin1_when_not_windows_1252() -> None:
    # 0x81 is undefined in Windows-1252, so only Latin-1 can read these bytes
    text, encoding = decode_bytes(b"Gr\xfc\xdfe \x81")
    assert encoding == "latin-1"
    assert text.startswith("Gr\u00fc\u00dfe")


def test_mostly_utf8_keeps_utf8_reading() -> None:
    data = "M\u00fcnchen, Stra\u00dfe, \u00e9t\u00e9".encode() + b" stray \xe4 byte"
    text, encoding = decode_bytes(data)
    assert "M\u00fcnchen" in text and "Stra\u00dfe" in text
    assert text.endswith("stray \u00e4 byte")
    assert encoding == "utf-8+cp1252"


def test_declared_charset_is_tried_after_utf8() -> None:
    data = "\u041d\u043e\u0432\u043e\u0441\u0442\u0438 \u0434\u043d\u044f".encode("koi8-r")
    text, encoding = decode_bytes(data, "koi8-r")
    assert encoding == "koi8-r"
    assert text == "\u041d\u043e\u0432\u043e\u0441\u0442\u0438 \u0434\u043d\u044f"
    assert decode_bytes(data, "no-such-charset")[1] in ("cp1252", "latin-1")


def test_normalise_newlines_and_nfc() -> None:
    assert normalise("a\r\nb\rc\u2028d") == "a\nb\nc\nd"
    assert normalise("Cafe\u0301") == "Caf\u00e9"


@given(st.binary(max_size=2048))
def test_arbitrary_bytes_give_text_or_a_reason(data: bytes) -> None:
    reason = binary_reason(data)
    if reason is None:
        text, encoding = decode_bytes(data)
        assert isinstance(text, str) and encoding
        assert "\r" not in text
    else:
        assert isinstance(reason, str) and reason


@given(st.text(max_size=500))
def test_utf8_text_round_trips(text: str) -> None:
    decoded, _ = decode_bytes(text.encode("utf-8"))
    assert decoded == normalise(text)


@pytest.mark.parametrize(
    ("garbled", "meant"),
    [
        ("President Enrique PeÃ±a Nieto", "President Enrique Peña Nieto"),
        ("itâ€™s â€œfineâ€\x9d â€” he said", "it’s “fine” — he said"),  # cp1252's curly quotes and dash
        ("Birch Society protegÃ©s", "Birch Society protegés"),
        ("Miguel BasÃ\x83Â¡Ã\x83Â±ez", "Miguel Basáñez"),  # garbled twice, Latin-1's C1 controls kept
        ("Ã\xa0 la carte, Â£5", "à la carte, £5"),
    ],
)
def test_utf8_read_as_cp1252_is_repaired(garbled, meant):
    """Trial 8: 37 reports kept "PeÃ±a Nieto", an entity apart from "Peña Nieto" that search missed."""
    assert repair_mojibake(garbled) == meant
    assert normalise(unicodedata.normalize("NFD", garbled)) == meant  # one source file held it as NFD


@pytest.mark.parametrize(
    "text",
    [
        "SÃO PAULO — Protesters in SÃO PAULO said NÃO; JOÃO agreed.",  # real capital Ã before a letter
        "Die Straße“ und das Maß» blieben.",  # ß before a closing quote is no UTF-8 sequence of a letter
        "Café, naïve, Peña, “quoted”, ½ and ±3.",
        "Ã",
    ],
)
def test_real_text_is_left_alone(text):
    assert repair_mojibake(text) == text
    assert normalise(text) == unicodedata.normalize("NFC", text)
