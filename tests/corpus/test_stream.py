"""Loading streams: tables in batches, keys learnt from a sample, Parquet datasets, and a
corpus read only when it is used."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

import framing
from framing.corpus._read_json import KEY_SAMPLE
from framing.corpus._read_slices import jsonl_slices, parquet_slices
from framing.corpus._read_tables import read_table_file

TEXT = "The council said the bridge would reopen. Residents were pleased."


def test_load_corpus_checks_now_and_reads_when_the_articles_are_used(tmp_path):
    table = tmp_path / "articles.csv"
    pd.DataFrame({"text": [TEXT] * 3, "outlet": ["Herald"] * 3}).to_csv(table, index=False)
    corpus = framing.load_corpus(table)
    assert not corpus.loaded
    assert len(corpus.articles) == 3
    assert corpus.loaded


def test_a_csv_longer_than_a_batch_keeps_every_row_and_its_number(tmp_path):
    table = tmp_path / "articles.csv"
    n = 2_345  # three batches of 1,000 rows
    pd.DataFrame({"text": [f"{TEXT} Day {i}." for i in range(n)], "outlet": "Herald"}).to_csv(
        table, index=False
    )
    articles = framing.load_corpus(table, version_threshold=None).articles
    assert articles["doc_id"].tolist() == [str(i) for i in range(n)]
    assert articles["origin"].iloc[-1] == f"{table} row {n}"
    assert articles["text"].iloc[1500].endswith("Day 1500.")


def test_a_csv_whose_only_cp1252_byte_comes_late_is_read_as_cp1252(tmp_path):
    table = tmp_path / "articles.csv"
    rows = [{"text": f"{TEXT} Item {i}.", "outlet": "Herald"} for i in range(30_000)]
    rows.append({"text": "The café reopened. Prices rose.", "outlet": "Herald"})
    pd.DataFrame(rows).to_csv(table, index=False, encoding="cp1252")
    assert table.stat().st_size > 2**21  # past the first block read
    articles = framing.load_corpus(table, version_threshold=None).articles
    assert articles["text"].iloc[-1] == "The café reopened. Prices rose."
    assert set(articles["encoding"]) == {"cp1252"}


def test_an_empty_csv_is_a_corpus_error_naming_the_file(tmp_path):
    table = tmp_path / "articles.csv"
    table.write_text("", encoding="utf-8")
    with pytest.raises(framing.CorpusError, match="empty CSV table"):
        framing.load_corpus(table)


def test_a_jsonl_key_first_seen_after_the_sample_is_found(tmp_path):
    table = tmp_path / "articles.jsonl"
    lines = [{"id": f"a{i}", "text": TEXT, "outlet": "Herald"} for i in range(KEY_SAMPLE + 5)]
    lines[-1]["section"] = "Local"
    table.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    corpus = framing.load_corpus(table, story="section", version_threshold=None)
    stories = corpus.articles.set_index("doc_id")["story"]
    assert stories[f"a{KEY_SAMPLE + 4}"] == "Local"
    assert stories.isna().sum() == KEY_SAMPLE + 4


def test_a_jsonl_key_nowhere_in_the_file_is_a_column_error(tmp_path):
    table = tmp_path / "articles.jsonl"
    lines = [{"id": f"a{i}", "text": TEXT, "outlet": "Herald"} for i in range(KEY_SAMPLE + 5)]
    table.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    with pytest.raises(framing.ColumnError, match="'section'"):
        framing.load_corpus(table, story="section")


def _parquet_dataset(folder: Path) -> Path:
    folder.mkdir()
    for part, outlet in enumerate(("Herald", "Post")):
        pd.DataFrame(
            {"text": [f"{TEXT} Part {part} story {i}." for i in range(3)], "outlet": outlet}
        ).to_parquet(folder / f"part-{part}.parquet", index=False)
    (folder / "_SUCCESS.parquet").write_bytes(b"not a table")  # skipped, as Arrow does
    return folder


def test_a_folder_of_parquet_files_loads_as_one_dataset(tmp_path):
    corpus = framing.load_corpus(_parquet_dataset(tmp_path / "dataset"), version_threshold=None)
    assert corpus.errors.empty
    assert corpus.articles["doc_id"].tolist() == [
        "part-0/0",
        "part-0/1",
        "part-0/2",
        "part-1/0",
        "part-1/1",
        "part-1/2",
    ]
    assert corpus.articles["outlet"].tolist() == ["Herald"] * 3 + ["Post"] * 3


def test_parquet_longer_than_a_batch_with_a_stored_index_keeps_its_labels(tmp_path):
    table = tmp_path / "articles.parquet"
    n = 2_100
    frame = pd.DataFrame(
        {"text": [f"{TEXT} Number {i}." for i in range(n)], "outlet": "Herald"},
        index=pd.Index([f"hh-{i}" for i in range(n)], name="label"),
    )
    frame.to_parquet(table)
    articles = framing.load_corpus(table, version_threshold=None).articles
    assert articles["doc_id"].tolist() == [f"hh-{i}" for i in range(n)]
    assert articles["origin"].iloc[-1] == f"{table} row {n}"


def test_a_damaged_parquet_file_is_a_corpus_error(tmp_path):
    table = tmp_path / "articles.parquet"
    table.write_bytes(b"PAR1 this is not really parquet")
    with pytest.raises(framing.CorpusError, match="not a readable Parquet file"):
        framing.load_corpus(table)


def test_a_streamed_analysis_equals_the_analysis_of_the_corpus_read_into_memory(tmp_path):
    texts = [p.read_text(encoding="utf-8") for p in sorted(framing.DEMO_CORPUS.glob("*.txt"))]
    frame = pd.DataFrame(
        {"doc_id": [f"d{i}" for i in range(len(texts))], "text": texts, "outlet": "Herald"}
    )
    frame.to_parquet(tmp_path / "demo.parquet", index=False)
    streamed = framing.analyse(
        framing.load_corpus(tmp_path / "demo.parquet"), out=tmp_path / "out", chunk_size=3
    )
    loaded = framing.load_corpus(frame)
    assert len(loaded.articles) == len(texts)  # read into memory: analysed as it stands
    in_memory = framing.analyse(loaded)
    pd.testing.assert_frame_equal(streamed.articles, in_memory.articles)
    pd.testing.assert_frame_equal(streamed.sentences, in_memory.sentences)


def _items(items) -> list[tuple]:
    return [
        (i.doc_id, i.origin, getattr(i, "raw_text", None), getattr(i, "reason", None))
        for i in items
    ]


def test_a_jsonl_file_cut_into_slices_reads_as_it_reads_whole(tmp_path):
    table = tmp_path / "articles.jsonl"
    lines = [
        json.dumps({"id": f"a{i}", "text": f"{TEXT} {i}.", "outlet": "Herald"}) for i in range(23)
    ]
    lines[9] = '{"id": "broken", "text": "The council said'
    lines.insert(15, "")
    table.write_text("\n".join(lines) + "\n", encoding="utf-8")
    slices = jsonl_slices(table, {}, None, 7)
    # 23 articles on 24 lines (line 16 is blank): lines 1-7, 8-14, 15-22 (holding the
    # blank line), 23-24.
    assert [len(s) for s in slices] == [7, 7, 7, 2]
    assert [s.first for s in slices] == [1, 8, 15, 23]
    whole = list(read_table_file(table, {}, None))
    assert _items(i for s in slices for i in s.read()) == _items(whole)
    assert ("line10", f"{table} line 10", None) == _items(whole)[9][:3]


def test_a_parquet_file_is_cut_at_its_row_groups(tmp_path):
    table = tmp_path / "articles.parquet"
    frame = pd.DataFrame({"text": [f"{TEXT} {i}." for i in range(23)], "outlet": "Herald"})
    frame.to_parquet(table, index=False, row_group_size=5)
    slices = parquet_slices(table, {}, 10)
    assert [s.groups for s in slices] == [(0, 1), (2, 3), (4,)]
    assert [(s.start, s.stop) for s in slices] == [(0, 10), (10, 20), (20, 23)]
    whole = list(read_table_file(table, {}, None))
    assert _items(i for s in slices for i in s.read()) == _items(whole)


def test_a_parquet_row_group_much_larger_than_a_chunk_is_not_cut(tmp_path):
    table = tmp_path / "articles.parquet"
    pd.DataFrame({"text": [TEXT] * 50, "outlet": "Herald"}).to_parquet(table, index=False)
    assert parquet_slices(table, {}, 10) is None  # one row group of 50: read in one process


def test_workers_reading_their_own_slices_give_the_tables_of_one_reader(tmp_path):
    texts = [p.read_text(encoding="utf-8") for p in sorted(framing.DEMO_CORPUS.glob("*.txt"))]
    frame = pd.DataFrame(
        {"doc_id": [f"d{i}" for i in range(len(texts))], "text": texts, "outlet": "Herald"}
    )
    table = tmp_path / "demo.parquet"
    frame.to_parquet(table, index=False, row_group_size=2)
    sliced = framing.analyse(framing.load_corpus(table), n_jobs=2, chunk_size=2)
    whole = framing.analyse(framing.load_corpus(frame))
    pd.testing.assert_frame_equal(sliced.articles, whole.articles)
    pd.testing.assert_frame_equal(sliced.sentences, whole.sentences)
