"""Frames and angles: matching, position weights, summaries, angles files.

Sentences here are written for these tests; the seed corpus is read from ../shared."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

import framing
from framing.errors import ConfigError
from framing.features.emphasis import position_weight

GOLD = json.loads((framing.DEMO_CORPUS.parent / "gold.json").read_text("utf-8"))
SEED = "corpus/uk-officers-gaza-2025-10"


def test_position_weights_favour_headline_and_lede():
    assert [position_weight(i) for i in (None, 0, 1, 2, 3, 4, 9)] == [
        1.0,
        1.0,
        1.0,
        1.0,
        0.25,
        0.2,
        0.1,
    ]


@pytest.fixture
def angles(tmp_path: Path) -> Path:
    path = tmp_path / "angles.toml"
    path.write_text(
        '[angles."Harbour"]\nterms = ["harbour*", "quay"]\nphrases = ["port authority"]\n'
        '[angles."Money"]\nterms = ["cost*"]\n',
        encoding="utf-8",
    )
    return path


def test_angles_are_matched_weighted_and_summarised(angles):
    text = (
        "The harbour closed. Nothing moved. Nobody spoke. Calm returned. "
        "The Port Authority said the harbours cost too much."
    )
    cues, summary = framing.extract_emphasis(text, title="Quay shut", angles=angles)
    angle_cues = cues[cues["kind"] == "angle"]
    assert angle_cues[["field", "cue", "weight"]].values.tolist() == [
        ["headline", "Quay", 1.0],
        ["body", "harbour", 1.0],
        ["body", "Port Authority", 0.2],
        ["body", "harbours", 0.2],
        ["body", "cost", 0.2],
    ]
    harbour = summary.set_index("name").loc["Harbour"]
    assert harbour["n"] == 4
    assert harbour["weighted"] == pytest.approx(2.4)
    assert harbour["lede_share"] == pytest.approx(0.5)  # headline + sentence 0 of 4
    assert harbour["in_headline"]
    assert harbour["first_sentence"] == 0
    money = summary.set_index("name").loc["Money"]
    assert money["weighted_share"] == pytest.approx(0.2 / 2.6)


def test_frames_are_scored_per_sentence_and_article():
    corpus = framing.load_corpus(
        pd.DataFrame(
            {
                "doc_id": ["a"],
                "outlet": ["X"],
                "text": ["Rivals clashed over the budget. Costs rose."],
            }
        )
    )
    analysis = framing.analyse(corpus, features=["emphasis"])
    art = analysis.articles.iloc[0]
    assert art["frame_conflict_n"] == 2  # Rivals, clashed
    assert art["frame_economic_n"] == 2  # budget, Costs
    assert analysis.sentences["frame_conflict_n"].tolist() == [2, 0]
    assert art["frame_conflict_lede_share"] == 1.0


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[other]\nx = 1\n", r"no \[angles\] table"),
        ('[angles."A"]\nwords = ["x"]\n', "unknown key"),
        ('[angles."A"]\nterms = []\n', "needs terms"),
        ("[angles\n", "not valid"),
    ],
)
def test_a_bad_angles_file_names_the_problem(tmp_path, content, message):
    path = tmp_path / "bad.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        framing.extract_emphasis("Text.", angles=path)


def test_a_missing_angles_file_fails_before_the_run(tmp_path):
    corpus = framing.load_corpus(
        pd.DataFrame({"doc_id": ["a"], "outlet": ["X"], "text": ["Text here."]})
    )
    with pytest.raises(ConfigError, match="does not exist"):
        framing.analyse(corpus, angles=tmp_path / "nope.toml")


def test_demo_gold_angles_are_found():
    """Every angle tag of every demo article is cued at least once by the demo angles file,
    and at least one of each article's gold tags is among its most weighted angles."""
    analysis = framing.analyse(
        framing.load_corpus(framing.DEMO_CORPUS), features=["emphasis"], angles=framing.DEMO_ANGLES
    )
    angles = analysis.emphasis[analysis.emphasis["kind"] == "angle"]
    names = dict(
        zip(analysis.corpus.articles["doc_id"], analysis.corpus.articles["origin"], strict=True)
    )
    for doc_id, rows in angles.groupby("doc_id"):
        gold = set(GOLD["articles"][Path(names[doc_id]).name]["angle_tags"])
        found = set(rows.loc[rows["n"] > 0, "name"])
        assert gold <= found, (doc_id, gold - found)
        top = set(rows.sort_values("weighted", ascending=False)["name"].head(len(gold)))
        assert top & gold, doc_id


@pytest.fixture(scope="module")
def seed(shared_dir: Path) -> framing.Analysis:
    corpus = framing.load_corpus(shared_dir / SEED)
    return framing.analyse(corpus, features=["emphasis"], angles=framing.EXAMPLE_ANGLES)


def test_seed_angles_weigh_as_the_coverage_reads(seed):
    """The National puts UK–Israel relations first; The Independent US-led enforcement."""
    rows = seed.emphasis.merge(seed.counted[["doc_id", "outlet"]], on="doc_id")
    weighted = rows.pivot_table(index="name", columns="outlet", values="weighted", aggfunc="mean")
    israel = weighted.loc["UK–Israel relations"]
    us = weighted.loc["US-led enforcement"]
    assert israel["The National"] > israel["The Independent"]
    assert us["The Independent"] > us["The National"]
    cues = seed.emphasis_cues
    national = cues[cues["doc_id"].str.startswith("002") & (cues["name"] == "UK–Israel relations")]
    assert "repair bridges" in national["cue"].str.lower().tolist()
