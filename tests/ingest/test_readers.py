import gzip
import io

import pytest

from frontlines.ingest.readers import RawDoc, file_kind, read_bytes, read_path, sniff_kind
from frontlines.records import Rejection

ARTICLE = "Ukrainian forces retook the village of Blahodatne on Sunday, the general staff said."


def _read(data: bytes, kind: str, max_bytes: int = 100_000) -> list:
    return list(read_bytes(data, "in", kind, max_bytes=max_bytes))


def _codes(items: list) -> list[str]:
    return [i.code for i in items if isinstance(i, Rejection)]


def test_text_with_front_matter() -> None:
    data = f"---\ntitle: Village retaken\npublished: 2023-06-11\nsource: Test Wire\nlanguage: en\n---\n{ARTICLE}\n".encode()
    (doc,) = _read(data, "text")
    assert isinstance(doc, RawDoc)
    assert doc.title == "Village retaken" and str(doc.published) == "2023-06-11" and doc.source == "Test Wire"
    assert doc.text.strip() == ARTICLE


def test_text_without_front_matter_has_no_invented_date() -> None:
    (doc,) = _read(ARTICLE.encode(), "text")
    assert doc.published is None and doc.title is None


@pytest.mark.parametrize(
    ("data", "kind", "code"),
    [
        (b"", "text", "E102"),
        (b"   \n", "jsonl", "E102"),
        (b"\x00\x01\x02\x03binary\x00\x00", "text", "E103"),
        (b"---\ntitle: [unclosed\n---\nbody text here", "text", "E111"),
        (b"---\npublished: sometime soon\n---\nbody text here", "text", "E112"),
        (b"---\ntitle: x\n---\n   ", "text", "E105"),
        (b"x" * 200, "text", "E106"),
    ],
)
def test_bad_inputs_are_rejected_with_codes(data: bytes, kind: str, code: str) -> None:
    assert _codes(_read(data, kind, max_bytes=100)) == [code]


@pytest.mark.parametrize(
    ("data", "kind", "text"),
    [
        (b"---\ntitle: Stray\x00 NUL\n---\nTroops\x00 withdrew\x00 from the town.", "text", "Troops withdrew from the town."),
        (b'{"text": "Troops\x00 withdrew."}\n\x00\n', "jsonl", "Troops withdrew."),
        ("Troops withdrew from the town.".encode("utf-16"), "text", "Troops withdrew from the town."),
    ],
)
def test_a_few_stray_nuls_are_dropped(data: bytes, kind: str, text: str) -> None:
    (doc,) = _read(data, kind)
    assert isinstance(doc, RawDoc) and doc.text.strip() == text and "\x00" not in (doc.title or "")


def test_jsonl_goes_on_after_bad_lines() -> None:
    data = b'{"text": "First report of shelling in Kherson.", "published": "2022-11-09"}\n' \
           b'{"text": broken\n' \
           b'{"title": "no text"}\n' \
           b'[1, 2]\n' \
           b'{"text": "Second report about drones over Odesa."}\n'
    items = _read(data, "jsonl")
    docs = [i for i in items if isinstance(i, RawDoc)]
    assert [d.text[:6] for d in docs] == ["First ", "Second"]
    rej = [i for i in items if isinstance(i, Rejection)]
    assert [(r.origin, r.code) for r in rej] == [("in:2", "E104"), ("in:3", "E105"), ("in:4", "E104")]


def test_jsonl_line_that_is_not_utf8_is_rejected_and_the_rest_read() -> None:
    # Line 2 is UTF-8 but for one pasted Windows-1252 apostrophe (0x92): guessing its encoding
    # would store every dash and quote of the line as mojibake ("â€”").
    data = '{"text": "Shelling in Kherson \u2014 “two hurt”."}\n'.encode() \
        + '{"text": "The town\u2019s hospital was hit \u2014 “again”."}\n'.encode().replace("\u2019".encode(), b"\x92") \
        + '{"text": "Drones over Odesa — Zürich-made parts."}\n'.encode()
    items = _read(data, "jsonl")
    assert [i.text for i in items if isinstance(i, RawDoc)] == [
        "Shelling in Kherson \u2014 “two hurt”.", "Drones over Odesa — Zürich-made parts."]
    (rej,) = [i for i in items if isinstance(i, Rejection)]
    assert (rej.origin, rej.code) == ("in:2", "E113") and "0x92" in rej.message


@pytest.mark.parametrize(
    ("data", "kind", "texts", "codes"),
    [
        ('\ufeff{"text": "BOM first."}\n{"text": "Second."}\n'.encode(), "jsonl", ["BOM first.", "Second."], []),
        ('{"text": "Wide ünïcode."}\r\n{"text": "Two."}\r\n'.encode("utf-16"), "jsonl", ["Wide ünïcode.", "Two."], []),
        ('[{"text": "Zürich café."}]'.encode("utf-8"), "json", ["Zürich café."], []),
        ('[{"text": "Zürich café."}]'.encode("latin-1"), "json", [], ["E113"]),
        # a .json file that is really JSON Lines loses only its bad line
        (b'{"text": "One."}\n{"text": "Caf\xe9."}\n', "json", ["One."], ["E113"]),
    ],
)
def test_json_is_utf8_or_utf16_with_bom(data: bytes, kind: str, texts: list[str], codes: list[str]) -> None:
    items = _read(data, kind)
    assert [i.text for i in items if isinstance(i, RawDoc)] == texts
    assert _codes(items) == codes


def test_json_array() -> None:
    items = _read(b'[{"text": "One."}, {"text": "Two.", "url": "https://x.test/2"}]', "json")
    assert [i.url for i in items] == [None, "https://x.test/2"]


HTML = b"""<html><head><title>Drone strike hits Odesa port | Test Wire</title>
<meta property="og:site_name" content="Test Wire">
<meta property="article:published_time" content="2023-07-19T08:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a> Subscribe now</nav>
<article><h1>Drone strike hits Odesa port</h1>
<p>Russian drones struck grain terminals in the port of Odesa overnight, damaging warehouses and
injuring two workers, the regional governor said on Wednesday morning in a statement on Telegram.</p>
<p>Air defence units shot down most of the drones over the Black Sea coast, the southern command said,
adding that firefighters had put out the blaze by dawn after several hours of work.</p></article>
<footer>Copyright Test Wire. All rights reserved. Cookie settings.</footer></body></html>"""


def test_html_main_text_and_metadata() -> None:
    (doc,) = _read(HTML, "html")
    assert "grain terminals" in doc.text and "Cookie" not in doc.text and "Subscribe" not in doc.text
    assert str(doc.published) == "2023-07-19"
    assert doc.source == "Test Wire"


def test_html_blocks_are_paragraphs() -> None:
    """A page's paragraphs are set apart by a blank line, as the pipeline reads paragraphs; the line broken
    inside one <p> stays one paragraph."""
    (doc,) = _read(HTML, "html")
    paragraphs = doc.text.split("\n\n")
    assert paragraphs[0] == "Drone strike hits Odesa port"
    assert paragraphs[1].startswith("Russian drones") and "warehouses and injuring" in paragraphs[1]
    assert paragraphs[2].startswith("Air defence units") and len(paragraphs) == 3


RSS = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Test Wire World</title>
<item><title>Shelling in Nikopol</title><link>https://x.test/a</link>
<pubDate>Tue, 15 Aug 2023 10:00:00 GMT</pubDate><description>&lt;p&gt;Artillery hit Nikopol on Tuesday.&lt;/p&gt;</description></item>
<item><title>Second</title><link>https://x.test/b</link><description>Drones downed over Kyiv.</description></item>
</channel></rss>"""


def test_rss_one_article_per_entry() -> None:
    items = _read(RSS, "feed")
    assert [i.url for i in items] == ["https://x.test/a", "https://x.test/b"]
    assert str(items[0].published) == "2023-08-15" and items[1].published is None
    assert items[0].text.strip() == "Artillery hit Nikopol on Tuesday." and items[0].source == "Test Wire World"


def _warc(pages: list[tuple[str, bytes]]) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    for url, body in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        rec = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers,
                                        warc_headers_dict={"WARC-Date": "2023-07-19T09:00:00Z"})
        writer.write_record(rec)
    return buf.getvalue()


def test_warc_html_responses() -> None:
    items = _read(_warc([("https://x.test/odesa", HTML)]), "warc")
    assert len(items) == 1 and items[0].url == "https://x.test/odesa" and "grain" in items[0].text


def test_truncated_warc_keeps_earlier_records() -> None:
    data = _warc([("https://x.test/1", HTML), ("https://x.test/2", HTML.replace(b"Odesa", b"Mykolaiv"))])
    raw = gzip.decompress(data)
    cut = gzip.compress(raw[: int(len(raw) * 0.75)])
    items = _read(cut, "warc")
    assert any(isinstance(i, RawDoc) for i in items)
    assert _codes(items) == ["E107"]


@pytest.mark.parametrize(
    ("name", "kind"),
    [("a.txt", "text"), ("a.MD", "text"), ("a.htm", "html"), ("a.jsonl", "jsonl"), ("a.json", "json"),
     ("a.rss", "feed"), ("a.atom", "feed"), ("a.warc.gz", "warc"), ("a.png", None), ("README", None)],
)
def test_file_kind(name: str, kind: str | None) -> None:
    from pathlib import Path

    assert file_kind(Path(name)) == kind


@pytest.mark.parametrize(
    ("data", "kind"),
    [(b'{"text": 1}', "jsonl"), (b"[{}]", "json"), (b"<rss>", "feed"), (b"<html>", "html"), (b"plain", "text"),
     (b"WARC/1.0", "warc")],
)
def test_sniff_kind(data: bytes, kind: str) -> None:
    assert sniff_kind(data) == kind


def test_read_path_unreadable_and_unsupported(tmp_path) -> None:  # noqa: ANN001
    missing = list(read_path(tmp_path / "nope.txt", max_bytes=100))
    assert _codes(missing) == ["E101"]
    png = tmp_path / "x.png"
    png.write_bytes(b"\x89PNG")
    assert _codes(list(read_path(png, max_bytes=100))) == ["E108"]
