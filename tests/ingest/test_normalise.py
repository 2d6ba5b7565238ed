import datetime as dt

import pytest

from frontlines.errors import IngestError
from frontlines.ingest.normalise import (
    article_id,
    binary_reason,
    decode_bytes,
    decode_json_bytes,
    drop_nuls,
    normalise_text,
    parse_published,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("a  b\t c", "a b c"),
        ("line one\r\nline two\r\n", "line one\nline two"),
        ("para\n\n\n\n\nnext", "para\n\nnext"),
        ("  trim  ", "trim"),
        ("ctrl\x07char", "ctrlchar"),
        ("Cafe\u0301", "Café"),  # NFC
    ],
)
def test_normalise_text(raw: str, expected: str) -> None:
    assert normalise_text(raw) == expected


def test_article_id_ignores_layout_and_case_but_not_words() -> None:
    assert article_id("Troops  withdrew\nfrom the town.") == article_id("troops withdrew from the town.")
    assert article_id("Troops withdrew from the town.") != article_id("Troops entered the town.")
    assert len(article_id("x")) == 32


@pytest.mark.parametrize(
    ("data", "text"),
    [
        ("Kyiv’s troops — “quoted”".encode("utf-8"), "Kyiv’s troops — “quoted”"),
        ("Kyiv’s troops — “quoted”".encode("cp1252"), "Kyiv’s troops — “quoted”"),
        ("Zürich café".encode("latin-1"), "Zürich café"),
        (b"\xef\xbb\xbfBOM text", "BOM text"),
        (b"\x81\x8d undefined in cp1252", "\x81\x8d undefined in cp1252"),
    ],
)
def test_decode_bytes(data: bytes, text: str) -> None:
    assert decode_bytes(data) == text


@pytest.mark.parametrize(
    ("data", "text"),
    [
        ("Kyiv’s troops".encode("utf-8"), "Kyiv’s troops"),
        ("\ufeffKyiv’s troops".encode("utf-8"), "Kyiv’s troops"),
        ("Kyiv’s troops".encode("utf-16"), "Kyiv’s troops"),
    ],
)
def test_decode_json_bytes(data: bytes, text: str) -> None:
    assert decode_json_bytes(data) == text


@pytest.mark.parametrize(
    ("data", "detail"),
    [
        ("Kyiv’s troops".encode("cp1252"), "invalid UTF-8: byte 0x92 at offset 4"),
        ("Zürich".encode("latin-1"), "invalid UTF-8: byte 0xfc at offset 1"),
        ("cut “".encode("utf-8")[:-1], "invalid UTF-8: byte 0xe2 at offset 4"),
        (b"\xff\xfeK\x00y", "invalid UTF-16: byte 0x79 at offset 4"),
    ],
)
def test_decode_json_bytes_refuses_to_guess(data: bytes, detail: str) -> None:
    with pytest.raises(IngestError) as err:
        decode_json_bytes(data)
    assert err.value.code == "E113" and err.value.detail == detail


PROSE = "Engineers restored power to most of Kharkiv by Monday afternoon, the mayor said.\n" * 20


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG signature"),
        (b"%PDF-1.7\n" + PROSE.encode(), "PDF signature"),  # printable up front, still a PDF
        (b"PK\x03\x04" + PROSE.encode(), "ZIP (or DOCX/XLSX) signature"),
        (PROSE.encode("utf-16-le"), "1620 NUL bytes in the first 3240 bytes"),  # UTF-16 with no BOM
        (bytes(range(256)) * 4, "104 control bytes in the first 1024 bytes"),
        (PROSE.encode() + b"\x00" * 40, "40 NUL bytes in the first 1660 bytes"),
        # text: a few stray NULs, a BOM'd UTF-16 text, nothing
        (b"\x00" + PROSE.encode().replace(b"Monday", b"Mon\x00day", 3), None),
        (b"short\x00text", None),
        (PROSE.encode("utf-16"), None),
        ("Kyiv’s troops".encode("cp1252"), None),
        (b"", None),
    ],
)
def test_binary_reason(data: bytes, reason: str | None) -> None:
    assert binary_reason(data) == reason


def test_drop_nuls_keeps_utf16() -> None:
    assert drop_nuls(b"a\x00b\x00") == b"ab"
    assert drop_nuls("ab".encode("utf-16")) == "ab".encode("utf-16")
    assert decode_bytes(b"front\x00 matter") == "front matter"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2022-11-09", dt.date(2022, 11, 9)),
        ("2022-11-09T18:30:00+02:00", dt.date(2022, 11, 9)),
        ("Wed, 09 Nov 2022 18:30:00 GMT", dt.date(2022, 11, 9)),
        ("9 November 2022", dt.date(2022, 11, 9)),
        (dt.date(2022, 11, 9), dt.date(2022, 11, 9)),
        (None, None),
        ("", None),
    ],
)
def test_parse_published(value: object, expected: dt.date | None) -> None:
    assert parse_published(value) == expected


@pytest.mark.parametrize("bad", ["sometime soon", "November 9", "2022-13-45x"])
def test_parse_published_rejects_non_dates(bad: str) -> None:
    with pytest.raises(IngestError) as err:
        parse_published(bad)
    assert err.value.code == "E112"
