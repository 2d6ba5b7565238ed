"""The bundled sample corpus (samples/) through the real ingester into a fresh SQLite store.

samples/README.md says what each file is and what it must produce; these tests hold
the ingester to it: counts per input format, near-duplicate linking, language
skipping, a coded rejection for every bad input, cp1252 and latin-1 read right,
and re-ingesting as a no-op.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest

from frontlines.errors import CATALOGUE
from frontlines.ingest import IngestReport, Ingestor
from frontlines.records import Article, ArticleStatus, Rejection
from frontlines.store import open_store

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
ARTICLES = SAMPLES / "articles"
BAD = SAMPLES / "bad"


@dataclass(frozen=True)
class Ingested:
    store: object
    report: IngestReport
    articles: list[Article]
    rejections: list[Rejection]

    def by_file(self, name: str) -> list[Article]:
        return [a for a in self.articles if source_file(a.origin) == name]

    def one(self, name: str) -> Article:
        found = self.by_file(name)
        assert len(found) == 1, f"{name}: {len(found)} articles"
        return found[0]


def source_file(origin: str | None) -> str:
    """The file name in an origin: 'dir/x.jsonl:3', 'dir/x.rss#0', 'dir/x.warc.gz#URL' -> file name."""
    path = (origin or "").split("#", 1)[0]
    path = re.sub(r":\d+$", "", path)
    return Path(path).name


def input_format(name: str) -> str:
    for ext, fmt in ((".warc.gz", "warc"), (".md", "text"), (".txt", "text"), (".html", "html"),
                     (".jsonl", "jsonl"), (".rss", "rss"), (".atom", "atom")):
        if name.endswith(ext):
            return fmt
    return "other"


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> Ingested:
    store = open_store(str(tmp_path_factory.mktemp("samples") / "t.db"))
    report = Ingestor(store).ingest([str(ARTICLES), str(BAD)])
    return Ingested(
        store=store,
        report=report,
        articles=list(store.iter_articles()),
        rejections=store.list_rejections(limit=1000),
    )


# -- samples/articles ------------------------------------------------------------

def test_every_sample_article_is_stored_once_per_format(ingested: Ingested) -> None:
    stored = Counter(input_format(source_file(a.origin)) for a in ingested.articles
                     if (a.origin or "").startswith(str(ARTICLES)))
    # 9 .md + 2 .txt, 2 pages, 4 JSON lines, 3 RSS items, 2 Atom entries, 2 WARC responses.
    assert stored == {"text": 11, "html": 2, "jsonl": 4, "rss": 3, "atom": 2, "warc": 2}
    assert not [r for r in ingested.rejections if r.origin.startswith(str(ARTICLES))]


def test_front_matter_fields_are_kept(ingested: Ingested) -> None:
    a = ingested.one("2023-09-15-andriivka-retaken.md")
    assert a.title == "Ukraine says it has liberated Andriivka near Bakhmut"
    assert a.published == dt.date(2023, 9, 15)
    assert a.source == "Eastern Europe Wire"
    assert a.url == "https://example.org/eew/2023/09/15/ukraine-liberates-andriivka"
    assert a.language == "en"
    assert a.text.startswith("KYIV, Sept 15 - Ukrainian troops")
    assert "---" not in a.text and "published:" not in a.text


@pytest.mark.parametrize(
    ("name", "published", "source", "url_part"),
    [
        ("2023-06-28-kramatorsk-pizzeria-strike.html", dt.date(2023, 6, 28), "The Donbas Ledger",
         "kramatorsk-restaurant-strike"),
        ("2024-05-12-vovchansk-kharkiv-offensive.html", dt.date(2024, 5, 12), "Frontier Post Europe",
         "vovchansk-offensive"),
    ],
)
def test_html_pages_give_metadata_and_main_text_only(
    ingested: Ingested, name: str, published: dt.date, source: str, url_part: str
) -> None:
    a = ingested.one(name)
    assert a.published == published
    assert a.source == source
    assert a.url and url_part in a.url
    for boilerplate in ("All rights reserved", "Subscribe", "cookies", "Related stories", "Sign up",
                        "Privacy policy", "Share this article"):
        assert boilerplate not in a.text, boilerplate


def test_feed_entries_have_their_own_dates_and_links(ingested: Ingested) -> None:
    rss = {a.published: a for a in ingested.by_file("frontline-briefing.rss")}
    assert set(rss) == {dt.date(2023, 7, 12), dt.date(2024, 1, 19), dt.date(2023, 8, 3)}
    klintsy = rss[dt.date(2024, 1, 19)]
    assert klintsy.url == "https://example.org/frontline-briefing/2024/01/19/klintsy-oil-depot"
    assert klintsy.source == "Frontline Briefing"
    # The description is escaped HTML: it must arrive as text, with no tags left.
    assert "Klintsy" in klintsy.text and "<p>" not in klintsy.text and "&lt;" not in klintsy.text
    atom = {a.published for a in ingested.by_file("conflict-monitor.atom")}
    assert atom == {dt.date(2024, 7, 29), dt.date(2024, 5, 6)}


def test_jsonl_records_keep_their_fields(ingested: Ingested) -> None:
    records = {a.title: a for a in ingested.by_file("wire-digest.jsonl")}
    goma = records["Thousands flee as M23 rebels close in on Sake, west of Goma"]
    assert goma.published == dt.date(2024, 2, 8)
    assert goma.source == "Great Lakes Dispatch"
    assert goma.url == "https://example.org/great-lakes-dispatch/2024/02/08/m23-sake-goma"


def test_warc_responses_become_articles_with_url_and_date(ingested: Ingested) -> None:
    found = {a.url: a for a in ingested.by_file("archive.warc.gz")}
    assert set(found) == {
        "https://example.org/harbour-news/2023/07/17/russia-quits-grain-deal",
        "https://example.org/steppe-observer/2024/04/09/chasiv-yar-assault",
    }
    grain = found["https://example.org/harbour-news/2023/07/17/russia-quits-grain-deal"]
    assert grain.published == dt.date(2023, 7, 17)
    assert grain.source == "Harbour News Agency"
    assert "Black Sea Grain Initiative" in grain.text and "All rights reserved" not in grain.text


def test_wire_copy_is_linked_to_the_first_copy(ingested: Ingested) -> None:
    original = ingested.one("2023-06-06-kakhovka-dam.md")
    copy = ingested.one("2023-06-07-kakhovka-dam-wire.txt")
    assert original.duplicate_of is None and original.status is ArticleStatus.PENDING
    assert copy.id != original.id  # a near-duplicate, not an exact one: it is stored
    assert copy.duplicate_of == original.id
    assert copy.status is ArticleStatus.SKIPPED
    assert ingested.report.near_duplicates == 1


def test_non_english_article_is_stored_and_skipped_with_a_reason(ingested: Ingested) -> None:
    french = ingested.one("2024-08-27-burkina-barsalogho-fr.md")
    assert french.language == "fr"  # detected: the file's front matter gives no language
    assert french.status is ArticleStatus.SKIPPED
    assert french.skip_reason and "fr" in french.skip_reason
    assert ingested.report.skipped_language == 1
    others = [a for a in ingested.articles if a.id != french.id]
    assert all(a.language == "en" for a in others)


def test_corpus_has_a_control_sequence_and_a_strike_told_twice(ingested: Ingested) -> None:
    """The demo relies on these: one settlement over four dates, one strike from two outlets."""
    klishchiivka = sorted(a.published for a in ingested.articles if "Klishchiivka" in a.text
                          and a.published and a.published.year == 2023 and a.duplicate_of is None)
    assert {dt.date(2023, 1, 21), dt.date(2023, 7, 12), dt.date(2023, 9, 15), dt.date(2023, 9, 18)} <= set(klishchiivka)
    strike = [a for a in ingested.articles if "Kramatorsk" in a.text and a.published
              and dt.date(2023, 6, 27) <= a.published <= dt.date(2023, 6, 28)]
    assert len({a.source for a in strike}) == 2


# -- samples/bad -------------------------------------------------------------------

BAD_INPUTS = [
    ("empty.txt", "E102"),
    ("binary.txt", "E103"),
    ("malformed.jsonl:2", "E104"),  # broken JSON
    ("malformed.jsonl:3", "E105"),  # an object with no text
    ("malformed.jsonl:4", "E104"),  # a JSON array, not an object
    ("bad-utf8.jsonl:2", "E113"),  # UTF-8 but for one Windows-1252 byte: not guessed at
    ("image.png", "E108"),
    ("bad-frontmatter.md", "E111"),
    ("badly-dated.md", "E112"),
]


@pytest.mark.parametrize(("where", "code"), BAD_INPUTS)
def test_bad_input_is_rejected_with_its_code(ingested: Ingested, where: str, code: str) -> None:
    assert code in CATALOGUE
    got = [r.code for r in ingested.rejections if r.origin == str(BAD / where)]
    assert got == [code]


def test_nothing_else_is_rejected(ingested: Ingested) -> None:
    expected = {str(BAD / where) for where, _ in BAD_INPUTS}
    # A WARC rejection may name the archive alone or the archive and the record's URL.
    unexpected = {r.origin for r in ingested.rejections
                  if r.origin not in expected and not r.origin.startswith(str(BAD / "truncated.warc.gz"))}
    assert not unexpected
    assert ingested.report.rejected == len(ingested.rejections)


def test_good_lines_of_a_malformed_jsonl_are_kept(ingested: Ingested) -> None:
    titles = {a.title for a in ingested.by_file("malformed.jsonl")}
    assert titles == {"Drone attack damages energy facility in Sumy region",
                      "Explosions reported in occupied Melitopol"}


def test_utf8_lines_of_a_jsonl_with_a_bad_byte_are_kept(ingested: Ingested) -> None:
    (a,) = ingested.by_file("bad-utf8.jsonl")
    assert a.title == "Shelling reported near Huliaipole"
    assert "March 20 \u2014 Russian artillery" in a.text
    assert not any("Orikhiv" in (b.title or "") or "\u00e2\u20ac" in b.text for b in ingested.articles)


def test_a_few_stray_nuls_do_not_reject_a_text(ingested: Ingested) -> None:
    a = ingested.one("stray-nuls.txt")
    assert a.title == "Power restored in Kharkiv after overnight strike" and a.published == dt.date(2023, 10, 2)
    assert "after a Russian missile strike on an energy facility" in a.text
    assert "\x00" not in a.text and "left a few NUL bytes in the text;" in a.text


def test_cp1252_is_read_right(ingested: Ingested) -> None:
    a = ingested.one("cp1252.txt")
    assert a.published == dt.date(2023, 2, 14)
    assert "KHERSON, Feb 14 \u2014 Russian artillery" in a.text  # em dash
    assert "\u201cThe enemy is hitting" in a.text  # left double quotation mark
    assert "city\u2019s main market" in a.text  # right single quotation mark
    assert "\ufffd" not in a.text


def test_latin1_is_read_right(ingested: Ingested) -> None:
    a = ingested.one("latin1.md")
    assert a.published == dt.date(2024, 4, 8)
    for word in ("J\u00fcrgen M\u00fcller", "Am\u00e9lie Roux", "Gen\u00e8ve"):
        assert word in a.text
    assert "\ufffd" not in a.text


def test_complete_record_before_a_warc_cut_is_kept(ingested: Ingested) -> None:
    urls = {a.url for a in ingested.by_file("truncated.warc.gz")}
    assert "https://example.org/horn-and-nile/2024/05/14/el-fasher-fighting" in urls


def test_truncated_warc_record_is_rejected_not_stored(ingested: Ingested) -> None:
    codes = [r.code for r in ingested.rejections if r.origin.startswith(str(BAD / "truncated.warc.gz"))]
    assert codes == ["E107"]
    assert [a.url for a in ingested.by_file("truncated.warc.gz")] == [
        "https://example.org/horn-and-nile/2024/05/14/el-fasher-fighting"
    ]


# -- re-ingesting ---------------------------------------------------------------------

def test_reingesting_is_a_no_op(ingested: Ingested) -> None:
    before = ingested.store.stats()
    # A new Ingestor rebuilds its near-duplicate index from the store, as a second CLI run would.
    again = Ingestor(ingested.store).ingest([str(ARTICLES), str(BAD)])
    assert again.stored == 0 and again.near_duplicates == 0 and again.skipped_language == 0
    assert again.duplicates == ingested.report.stored
    after = ingested.store.stats()
    assert after["articles"] == before["articles"] == len(ingested.articles)
    assert after["rejections"] == before["rejections"]  # the same rejection is kept once
