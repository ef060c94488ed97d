"""The sets marked by hand for issue 17 (evaluation/polnear_types.jsonl and
evaluation/news_hedges.jsonl): complete, drawn as documented, free of corpus text; and
the typed-source scorer on a hand-written document."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pandas as pd

from evaluation.polnear import Doc
from evaluation.polnear_types import TYPES, format_types, score_types

EVALUATION = Path(__file__).resolve().parents[2] / "evaluation"
PUBLISHERS = {"breitbart", "huff-post", "nyt", "politico", "usa-today", "wash-post", "west-journal"}


def _lines(name: str) -> list[dict]:
    text = (EVALUATION / name).read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line]


def test_the_typed_sources_are_600_or_more_from_every_publisher_and_held_out_apart():
    rows = _lines("polnear_types.jsonl")
    typed = [r for r in rows if r["type"] in TYPES]
    assert len(typed) >= 600
    assert all(r["type"] in (*TYPES, "unclear") for r in rows)
    assert {r["doc"].split("_")[0] for r in rows} == PUBLISHERS
    assert max(Counter((r["split"], r["doc"]) for r in rows).values()) <= 6
    assert {r["split"] for r in rows} == {"train", "dev"}
    # the held-out third is drawn by document: no document in both parts
    parts = {}
    for r in rows:
        assert parts.setdefault(r["doc"], r["heldout"]) == r["heldout"]
    assert 0.25 < sum(r["heldout"] for r in rows) / len(rows) < 0.42
    # the hard cases carry a note; no PolNeAR text is kept (offsets only)
    assert all(r["note"] for r in rows if r["type"] == "unclear")
    keys = {"id", "split", "doc", "annotator", "source", "heldout", "type", "note"}
    assert set().union(*rows) == keys


def test_the_news_hedge_set_is_400_or_more_sentences_each_marked_with_its_cues():
    rows = _lines("news_hedges.jsonl")
    assert len(rows) >= 400
    assert all(isinstance(r["uncertain"], bool) for r in rows)
    assert all(bool(r["cues"]) == r["uncertain"] for r in rows)
    assert Counter(r["corpus"] for r in rows).keys() == {"basil", "polnear"}
    assert 0.25 < sum(r["heldout"] for r in rows) / len(rows) < 0.42
    assert not any("_text" in r or "text" in r for r in rows)


TEXT = (
    "A spokesman for the Tansey Trust said the bridge was safe. "
    "Officials said repairs would start. Nell Cardew said it was late."
)


def _source(text: str, words: str, kind: str, heldout: bool = False) -> dict:
    start = text.index(words)
    return {
        "id": f"dev/doc#{start}",
        "split": "dev",
        "doc": "doc",
        "source": [[start, start + len(words)]],
        "type": kind,
        "heldout": heldout,
    }


def test_typed_sources_are_found_by_overlap_and_scored_by_type():
    gold = [
        _source(TEXT, "A spokesman for the Tansey Trust", "organisation"),
        _source(TEXT, "Officials", "anonymous"),
        _source(TEXT, "Nell Cardew", "person", heldout=True),
    ]
    predicted = pd.DataFrame(
        {  # the spokesman's span in part, typed person; officials missed; Cardew right
            "source_start": [TEXT.index("the Tansey"), TEXT.index("Nell")],
            "source_end": [TEXT.index(" said the bridge"), TEXT.index(" said it")],
            "source_type": ["person", "person"],
        }
    )
    docs = {"dev/doc": Doc("doc", TEXT, (), "x")}
    figures, rows = score_types(gold, docs, lambda text: predicted)

    assert [r["predicted"] for r in rows] == ["person", "missed", "person"]
    assert figures["all"]["found_share"] == 2 / 3
    assert figures["all"]["type_accuracy"] == 1 / 2
    assert figures["all"]["named_accuracy"] == 1.0  # organisation and person are both named
    assert figures["held out"]["sources"] == 1 and figures["held out"]["type_accuracy"] == 1.0
    assert figures["all"]["confusion"]["anonymous"] == {"missed": 1}
    assert "| all | 3 | 0.667 (2) | 0.500 | 1.000 |" in format_types(figures)
