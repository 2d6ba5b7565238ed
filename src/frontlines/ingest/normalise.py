"""Text normalisation, article ids, byte decoding and publication dates."""

from __future__ import annotations

import datetime as dt
import email.utils
import hashlib
import re
import unicodedata

from frontlines.errors import IngestError

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_BLANK_LINES = re.compile(r"\n{3,}")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def normalise_text(text: str) -> str:
    """NFC, unified newlines, collapsed runs of spaces and blank lines, no control characters."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    text = _SPACES.sub(" ", text)
    text = "\n".join(line.strip() for line in text.split("\n"))
    return _BLANK_LINES.sub("\n\n", text).strip()


def normalise_field(value: str) -> str:
    """A one-line metadata value (title, source, url): no control characters (NUL cannot even be
    stored in PostgreSQL), runs of whitespace collapsed."""
    return " ".join(_CONTROL.sub("", value).split())


def article_id(text: str) -> str:
    """The id of an article: sha256 of its normalised, case-folded text (32 hex digits)."""
    key = " ".join(normalise_text(text).casefold().split())
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# Signatures of binary formats that are mostly printable in their first bytes (PDF) or that
# should never be read as text whatever follows (archives, images, executables, databases).
_MAGIC = {
    b"%PDF-": "PDF", b"PK\x03\x04": "ZIP (or DOCX/XLSX)", b"\x89PNG": "PNG", b"GIF8": "GIF",
    b"\xff\xd8\xff": "JPEG", b"\x7fELF": "ELF executable", b"\x1f\x8b": "gzip", b"BZh": "bzip2",
    b"\xfd7zXZ\x00": "xz", b"(\xb5/\xfd": "zstd", b"7z\xbc\xaf": "7-Zip", b"Rar!": "RAR",
    b"\xd0\xcf\x11\xe0": "OLE (DOC/XLS)", b"SQLite format 3\x00": "SQLite", b"OggS": "Ogg",
}  # fmt: skip
STRAY_NULS = 8  # NUL bytes a text may carry (a bad copy, padding) and still be read as text


def binary_reason(data: bytes) -> str | None:
    """Why ``data`` is binary, not text; None when it reads as text.

    Binary: a known binary signature, more NUL bytes than a few stray ones (more than
    STRAY_NULS and more than 1% of the first 8 KiB), or more than 5% other control bytes
    there. UTF-16 with a BOM is text. A few stray NULs are tolerated: the readers drop them.
    """
    head = data[:8192]
    if not head or head.startswith(_UTF16_BOMS):
        return None
    for magic, kind in _MAGIC.items():
        if head.startswith(magic):
            return f"{kind} signature"
    nuls = head.count(0)
    if nuls > max(STRAY_NULS, len(head) // 100):
        return f"{nuls} NUL bytes in the first {len(head)} bytes"
    control = sum(1 for b in head if 0 < b < 9 or 13 < b < 32)
    if control / len(head) > 0.05:
        return f"{control} control bytes in the first {len(head)} bytes"
    return None


def drop_nuls(data: bytes) -> bytes:
    """``data`` without NUL bytes, unless it is UTF-16 (where NULs are half of every ASCII character)."""
    if b"\x00" not in data or data.startswith(_UTF16_BOMS):
        return data
    return data.replace(b"\x00", b"")


def decode_bytes(data: bytes) -> str:
    """Decode text: BOM, then UTF-8, then cp1252, then latin-1 with replacement; no NULs (never raises)."""
    return _decode_guessing(data).replace("\x00", "")  # stray NULs (see binary_reason) are dropped


def _decode_guessing(data: bytes) -> str:
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            return data.decode(codec, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        # cp1252 leaves five bytes undefined; latin-1 maps every byte.
        return data.decode("latin-1", errors="replace")


def decode_json_bytes(data: bytes) -> str:
    """Decode JSON text strictly: UTF-8 (a UTF-8 BOM is dropped), or UTF-16 with its BOM.

    JSON is UTF-8 (RFC 8259 section 8.1), so unlike :func:`decode_bytes` there is no
    guessing: a record in another encoding would be stored as mojibake. Raises
    IngestError(E113) naming the first bad byte and its offset.
    """
    codec, name = ("utf-16", "UTF-16") if data.startswith((b"\xff\xfe", b"\xfe\xff")) else ("utf-8-sig", "UTF-8")
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise IngestError(f"invalid {name}: byte 0x{data[exc.start]:02x} at offset {exc.start}", code="E113") from exc


def parse_published(value: object) -> dt.date | None:
    """A publication date from ISO text, RFC 822 (feeds), a date/datetime, or None.

    Raises IngestError(E112) on text that is not a date: a bad date is reported, never guessed.
    """
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        pass
    try:
        from dateutil import parser as dateutil_parser

        default = dt.datetime(1, 1, 1)
        parsed = dateutil_parser.parse(text, default=default, fuzzy=False)
        if parsed.year == 1:  # no year given: not a publication date
            raise ValueError(text)
        return parsed.date()
    except (ValueError, OverflowError) as exc:
        raise IngestError(f"{text!r}", code="E112") from exc


def html_to_text(fragment: str) -> str:
    """The text of an HTML fragment (a feed entry's content or summary), paragraphs kept apart."""
    import lxml.etree
    import lxml.html

    try:
        root = lxml.html.fromstring(fragment)
    except (ValueError, lxml.etree.ParserError):
        return re.sub(r"<[^>]+>", " ", fragment)
    for br in root.iter("br"):
        br.tail = "\n" + (br.tail or "")
    for p in root.iter("p"):
        p.tail = "\n\n" + (p.tail or "")
    return root.text_content()
