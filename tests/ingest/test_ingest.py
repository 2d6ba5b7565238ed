import io

from frontlines.ingest import Ingestor
from frontlines.ingest.dedupe import NearDuplicateIndex, signature
from frontlines.ingest.language import detect_language
from frontlines.records import ArticleStatus

BASE = ("Russian forces shelled the town of Nikopol overnight, killing two civilians and damaging a school, "
        "the regional governor said on Telegram on Tuesday. Ukrainian officials said the strikes came from "
        "across the Dnipro river, where Russian troops hold the Zaporizhzhia nuclear power plant.")


def test_near_duplicate_index() -> None:
    idx = NearDuplicateIndex(threshold=0.7)
    idx.add("a", signature(BASE))
    edited = BASE.replace("two civilians", "two local civilians")
    assert idx.find(signature(edited)) == "a"
    assert idx.find(signature("Protesters gathered in Tbilisi against a foreign agents law on Sunday.")) is None


def test_language() -> None:
    assert detect_language(BASE) == "en"
    assert detect_language("Російські війська обстріляли Нікополь уночі, загинули двоє цивільних, повідомив губернатор.") == "uk"
    assert detect_language("ok") is None


def test_ingest_dedupes_links_and_skips(sqlite_store, tmp_path) -> None:  # noqa: ANN001
    tmp_path = tmp_path / "in"  # the store's own files live in the parent
    tmp_path.mkdir()
    (tmp_path / "a.txt").write_text(BASE)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "copy.txt").write_text(BASE.replace("two civilians", "two local civilians"))
    (tmp_path / "sub" / "fr.md").write_text("Les forces russes ont bombardé la ville de Nikopol pendant la nuit, "
                                            "tuant deux civils, a déclaré le gouverneur régional mardi.")
    (tmp_path / ".hidden.txt").write_text("ignored")
    ing = Ingestor(sqlite_store)
    report = ing.ingest([str(tmp_path)])
    assert (report.stored, report.near_duplicates, report.skipped_language, report.rejected) == (3, 1, 1, 0)
    arts = {a.origin.rsplit("/", 1)[-1]: a for a in sqlite_store.iter_articles()}
    assert arts["copy.txt"].duplicate_of == arts["a.txt"].id and arts["copy.txt"].status is ArticleStatus.SKIPPED
    assert arts["fr.md"].language == "fr" and "only English" in arts["fr.md"].skip_reason
    assert sqlite_store.pending_ids() == [arts["a.txt"].id]
    again = Ingestor(sqlite_store).ingest([str(tmp_path)])  # a new ingestor rebuilds the LSH from the store
    assert (again.stored, again.duplicates) == (0, 3)


def test_ingest_stdin(sqlite_store) -> None:  # noqa: ANN001
    report = Ingestor(sqlite_store).ingest(["-"], stdin=io.BytesIO(b'{"text": "' + BASE.encode() + b'"}\n{bad\n'))
    assert (report.stored, report.rejected) == (1, 1)
    assert report.rejections[0].origin == "<stdin>:2" and sqlite_store.stats()["rejections"] == 1


def test_oversized_file_is_rejected(sqlite_store, tmp_path) -> None:  # noqa: ANN001
    (tmp_path / "big.txt").write_text(BASE * 100)
    report = Ingestor(sqlite_store, max_bytes=1000).ingest([str(tmp_path / "big.txt")])
    assert report.rejections[0].code == "E106" and "limit" in report.rejections[0].message


def test_english_shortcut_and_fallback() -> None:
    from frontlines.ingest.language import english_share

    assert english_share(BASE) > 0.2
    assert english_share("Les forces russes ont bombardé la ville pendant la nuit.") < 0.1
    assert detect_language("Die russischen Truppen haben die Stadt in der Nacht beschossen, sagte der Gouverneur.") == "de"


def test_escaped_nul_in_metadata_is_dropped_on_every_backend(store) -> None:  # noqa: ANN001
    # JSON may spell a NUL as \u0000; PostgreSQL refuses NUL in text, so it must never reach the store.
    data = b'{"title": "Stray\\u0000 NUL", "source": "Wire\\u0000", "text": "Troops\\u0000 withdrew on Sunday."}\n'
    report = Ingestor(store).ingest(["-"], stdin=io.BytesIO(data))
    assert (report.stored, report.rejected) == (1, 0)
    (article,) = store.iter_articles()
    assert (article.title, article.source, article.text) == ("Stray NUL", "Wire", "Troops withdrew on Sunday.")
