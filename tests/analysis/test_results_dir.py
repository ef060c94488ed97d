"""Results directories: analyse into one, open it, save one, and the refusals."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

import framing
from framing.analysis._store import MANIFEST


def _demo_corpus() -> framing.Corpus:
    return framing.load_corpus(framing.DEMO_CORPUS)


DEMO_OPTIONS = {"angles": framing.DEMO_ANGLES, "aliases": framing.DEMO_ACTORS}


@pytest.fixture(scope="module")
def fresh() -> framing.Analysis:
    return framing.analyse(_demo_corpus(), **DEMO_OPTIONS)


@pytest.fixture(scope="module")
def written(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("results") / "demo"
    framing.analyse(_demo_corpus(), out=target, chunk_size=4, **DEMO_OPTIONS)
    return target


@pytest.fixture()
def opened(written) -> framing.Analysis:
    return framing.open_analysis(written)


def assert_same_analysis(one: framing.Analysis, other: framing.Analysis) -> None:
    pd.testing.assert_frame_equal(one.articles, other.articles)
    pd.testing.assert_frame_equal(one.sentences, other.sentences)
    pd.testing.assert_frame_equal(one.errors, other.errors)
    assert sorted(one.spans) == sorted(other.spans)
    for name in one.spans:
        pd.testing.assert_frame_equal(one.spans[name], other.spans[name], obj=name)
    for name in ("articles", "errors", "removed", "versions"):
        pd.testing.assert_frame_equal(
            getattr(one.corpus, name), getattr(other.corpus, name), obj=f"corpus.{name}"
        )
    assert one.features == other.features


def test_a_run_into_a_directory_equals_the_run_in_memory(fresh, opened):
    assert_same_analysis(fresh, opened)


def test_saving_and_opening_gives_back_the_same_tables(fresh, tmp_path):
    fresh.save(tmp_path / "saved")
    assert_same_analysis(fresh, framing.open_analysis(tmp_path / "saved"))


def test_every_table_is_a_folder_of_parquet_parts_pandas_reads_whole(written, fresh):
    # Four articles a chunk: the demo's eleven articles are three parts per table.
    assert len(list((written / "articles").glob("part-*.parquet"))) == 3
    articles = pd.read_parquet(written / "articles")
    assert articles["doc_id"].tolist() == fresh.articles["doc_id"].tolist()
    hedges = pd.read_parquet(written / "spans" / "hedges")
    assert len(hedges) == len(fresh.hedges)
    assert not (written / "_chunks").exists()
    assert not (written / "_staging").exists()


def test_the_manifest_states_version_settings_file_hashes_and_row_counts(written, fresh):
    manifest = json.loads((written / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["status"] == "complete"
    assert manifest["framing_version"] == framing.__version__
    settings = manifest["settings"]
    assert settings["features"] == list(fresh.features)
    assert settings["max_chars"] == 1_000_000
    assert settings["chunk_size"] == 4
    assert settings["angles"]["path"] == str(framing.DEMO_ANGLES.resolve())
    assert re.fullmatch(r"[0-9a-f]{64}", settings["angles"]["sha256"])
    assert "framing.features.lexicons/hedges.tsv" in manifest["shipped_files"]
    assert manifest["tables"]["sentences"]["rows"] == len(fresh.sentences)
    assert manifest["tables"]["hedges"]["rows"] == len(fresh.hedges)


def test_every_input_article_has_its_sha256_as_loaded(opened):
    corpus = opened.corpus.articles
    assert len(corpus) == 11
    for row in corpus.itertuples():
        assert row.sha256 == hashlib.sha256(row.raw_text.encode("utf-8")).hexdigest()


def test_opening_reads_articles_sentences_spans_and_texts_only_when_used(opened):
    assert not opened.spans.is_read("attributions")
    assert not opened.corpus.loaded
    assert repr(opened).startswith("Analysis(11 articles, 211 sentences")
    # the repr read neither the article nor the sentence table
    assert callable(opened._sentences) and callable(opened._articles)
    assert len(opened.attributions) > 0
    assert opened.spans.is_read("attributions")
    assert not opened.spans.is_read("hedges")


def test_the_summary_of_an_opened_analysis_reads_only_its_columns(fresh, opened):
    summary = opened.summary()
    assert callable(opened._articles)  # the whole article table was not read
    pd.testing.assert_frame_equal(summary, fresh.summary())
    pd.testing.assert_frame_equal(opened.summary(by="story"), fresh.summary(by="story"))


def test_compare_and_the_report_read_an_opened_analysis_as_a_fresh_one(fresh, opened):
    pd.testing.assert_frame_equal(framing.compare(fresh), framing.compare(opened))
    pd.testing.assert_frame_equal(
        framing.find_distinctive_words(fresh, top=10),
        framing.find_distinctive_words(opened, top=10),
    )
    pd.testing.assert_frame_equal(framing.align_sentences(fresh), framing.align_sentences(opened))

    def page(analysis: framing.Analysis) -> str:
        html = framing.render_report_html(analysis)
        return re.sub(r"\d{4}-\d\d-\d\d \d\d:\d\d UTC", "<generated>", html)

    assert page(fresh) == page(opened)


def test_compare_and_report_commands_take_a_results_directory(written, tmp_path, capsys):
    from framing.cli import main

    assert main(["compare", str(written)]) == 0
    assert "between outlets" in capsys.readouterr().out
    target = tmp_path / "demo.html"
    assert main(["report", str(written), "-o", str(target)]) == 0
    assert target.read_text(encoding="utf-8").count("Northgate Dispatch") > 3


def test_corpus_options_are_refused_for_a_results_directory(written, capsys):
    from framing.cli import main

    assert main(["report", str(written), "--angles", "x.toml"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("framing: error: ") and err.count("\n") == 1
    assert "is a results directory" in err and "--angles" in err


# --------------------------------------------------------------------------- refusals


def test_a_finished_directory_is_not_overwritten_without_asking(written):
    with pytest.raises(framing.ResultsError, match="already holds a finished analysis"):
        framing.analyse(_demo_corpus(), out=written, **DEMO_OPTIONS)


def test_overwrite_replaces_a_finished_directory(tmp_path):
    target = tmp_path / "demo"
    framing.analyse(_demo_corpus(), out=target, features=["sentiment"])
    framing.analyse(_demo_corpus(), out=target, features=["hedging"], overwrite=True)
    assert framing.open_analysis(target).features == ("hedging",)


def test_a_folder_of_other_files_is_never_cleared(tmp_path):
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(framing.ResultsError, match="not a framing results directory"):
        framing.analyse(_demo_corpus(), out=tmp_path, overwrite=True)
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_resuming_a_finished_run_with_the_same_settings_opens_it(written, fresh):
    resumed = framing.analyse(_demo_corpus(), out=written, resume=True, **DEMO_OPTIONS)
    assert_same_analysis(fresh, resumed)


def test_resuming_with_other_settings_says_what_changed(written):
    with pytest.raises(framing.ResultsError) as refused:
        framing.analyse(_demo_corpus(), out=written, resume=True, max_chars=5000, **DEMO_OPTIONS)
    message = str(refused.value)
    assert "max_chars: 1000000 → 5000" in message
    assert "overwrite=True" in message


def test_opening_an_unfinished_run_says_how_to_finish_it(written, tmp_path):
    manifest = json.loads((written / MANIFEST).read_text(encoding="utf-8"))
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / MANIFEST).write_text(json.dumps({**manifest, "status": "running"}))
    with pytest.raises(framing.ResultsError, match=r"unfinished run.*--resume"):
        framing.open_analysis(broken)


def test_opening_a_folder_that_is_not_a_results_directory_says_so(tmp_path):
    with pytest.raises(framing.ResultsError, match="not a framing results directory"):
        framing.open_analysis(tmp_path)


def test_a_directory_from_another_framing_version_is_read_with_a_note(written, tmp_path):
    import shutil

    other = tmp_path / "other"
    shutil.copytree(written, other)
    manifest = json.loads((other / MANIFEST).read_text(encoding="utf-8"))
    manifest["framing_version"] = "0.0.1"
    (other / MANIFEST).write_text(json.dumps(manifest))
    with pytest.warns(UserWarning, match="written by framing 0.0.1"):
        analysis = framing.open_analysis(other)
    assert analysis.notes == [
        f"{other} was written by framing 0.0.1, not {framing.__version__}; its figures are "
        "that version's"
    ]


def test_a_directory_in_a_newer_results_format_is_refused(written, tmp_path):
    import shutil

    other = tmp_path / "newer"
    shutil.copytree(written, other)
    manifest = json.loads((other / MANIFEST).read_text(encoding="utf-8"))
    manifest["format_version"] = 99
    (other / MANIFEST).write_text(json.dumps(manifest))
    with pytest.raises(framing.ResultsError, match="upgrade framing"):
        framing.open_analysis(other)


def test_parquet_parts_of_a_table_share_one_schema(written):
    schemas = {pq.read_schema(p).remove_metadata() for p in (written / "sentences").iterdir()}
    assert len(schemas) == 1


def test_a_table_opens_as_a_dask_dataframe_with_the_declared_columns(opened, written):
    pytest.importorskip("dask.dataframe")
    hedges = opened.to_dask("hedges")
    assert hedges.npartitions == 3  # one per Parquet part
    assert list(hedges.columns) == list(opened.manifest["tables"]["hedges"]["columns"])
    computed = hedges.compute().reset_index(drop=True)
    # Dask keeps text as its own string dtype; the values are the table's.
    # opened.hedges is a framing Table (a DataFrame that reads old column names)
    pd.testing.assert_frame_equal(
        computed, opened.hedges, check_dtype=False, check_frame_type=False
    )
