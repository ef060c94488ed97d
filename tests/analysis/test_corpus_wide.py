"""Decisions that need the whole corpus come out the same when it is read in chunks:
duplicate ids, outlet spellings and version groups across chunks."""

from __future__ import annotations

import pandas as pd
import pytest

import framing

BASE = (
    "The council said the Wharfside bridge would reopen to traffic in March after "
    "repairs costing four million pounds. Engineers found corrosion in the steel supports "
    "during a routine inspection last spring. Local businesses said the closure had cut "
    "their trade by up to a third. Story {n} adds its own closing line about item {n}."
)


@pytest.fixture(scope="module")
def frame() -> pd.DataFrame:
    ids = ["a", "b", "c", "a", "d", "e", "b", "f", "g", "h"]
    outlets = [
        "Herald",
        "herald",
        "Herald",
        "Post",
        "POST",
        "Post",
        "Herald",
        "Post",
        "Herald",
        "Post",
    ]
    texts = [
        BASE.format(n=i) if i not in (8, 9) else f"Fresh report {i}. Nothing shared."
        for i in range(10)
    ]
    texts[9] = texts[2]  # a copy of an article three chunks earlier
    return pd.DataFrame({"doc_id": ids, "outlet": outlets, "text": texts})


@pytest.fixture(scope="module")
def chunked(frame, tmp_path_factory) -> framing.Analysis:
    out = tmp_path_factory.mktemp("chunked") / "results"
    return framing.analyse(
        framing.load_corpus(frame), out=out, chunk_size=3, features=["sentiment"]
    )


@pytest.fixture(scope="module")
def whole(frame) -> framing.Corpus:
    return framing.load_corpus(frame)  # read in one piece when first used


def test_duplicate_ids_across_chunks_keep_the_first_and_are_error_rows(chunked, whole):
    assert chunked.articles["doc_id"].tolist() == ["a", "b", "c", "d", "e", "f", "g", "h"]
    duplicates = chunked.errors[chunked.errors["reason"].str.startswith("duplicate doc_id")]
    assert duplicates[["doc_id", "origin"]].values.tolist() == [
        ["a", "DataFrame row 4"],
        ["b", "DataFrame row 7"],
    ]
    assert "(first used by DataFrame row 1)" in duplicates["reason"].iloc[0]
    pd.testing.assert_frame_equal(chunked.errors, whole.errors)
    assert len(chunked.articles) + len(chunked.errors) == 10


def test_outlet_spellings_merge_by_their_count_over_the_whole_corpus(chunked, whole):
    # "Herald" 4 times against "herald" once; "Post" 4 against "POST" once, although
    # "POST" is the first spelling of the second chunk.
    assert set(chunked.articles["outlet"]) == {"Herald", "Post"}
    pd.testing.assert_frame_equal(
        chunked.corpus.articles.drop(columns="origin"), whole.articles.drop(columns="origin")
    )


def test_a_copy_three_chunks_away_is_found_as_a_version(chunked, whole):
    pairs = chunked.corpus.versions
    assert ("c", "h") in set(zip(pairs["doc_id"], pairs["other_doc_id"], strict=True))
    pd.testing.assert_frame_equal(pairs, whole.versions)
    counted = chunked.articles.set_index("doc_id")
    assert counted.loc["h", "version_group"] == counted.loc["c", "version_group"]
