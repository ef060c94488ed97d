"""The bundled demo corpus and its gold file agree with each other and with loading."""

from __future__ import annotations

import json

import pytest

import framing

GOLD = json.loads((framing.DEMO_CORPUS.parent / "gold.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def demo() -> framing.Corpus:
    return framing.load_corpus(framing.DEMO_CORPUS)


def test_demo_has_three_outlets_with_three_or_four_articles_each(demo):
    counts = demo.articles["outlet"].value_counts().to_dict()
    assert counts == {"Marrowick Courier": 4, "Estuary Observer": 4, "Northgate Dispatch": 3}
    assert demo.errors.empty


def test_every_gold_article_is_loaded_and_every_loaded_article_has_gold(demo):
    assert {f"{d}.txt" for d in demo.articles["doc_id"]} == set(GOLD["articles"])


def test_gold_spans_survive_cleaning(demo):
    texts = demo.articles.set_index("doc_id")["text"]
    for name, gold in GOLD["articles"].items():
        text = texts[name.removesuffix(".txt")]
        for attribution in gold["attributions"]:
            for key in ("source", "content"):
                if attribution.get(key):
                    assert attribution[key] in text, (name, key, attribution[key])
        for cue in gold["hedges"] + gold["boosters"] + gold["non_hedges"]:
            assert cue["context"] in text, (name, cue["context"])


def test_gold_debris_is_what_cleaning_removes(demo):
    removed = demo.removed.groupby("doc_id")["text"].apply(lambda s: sorted(t.strip() for t in s))
    for name, gold in GOLD["articles"].items():
        doc_id = name.removesuffix(".txt")
        expected = sorted(gold.get("debris", []))
        assert removed.get(doc_id, []) == expected, doc_id


def test_gold_versions_are_the_detected_version_groups(demo):
    groups = demo.articles.set_index("doc_id")["version_group"]
    for name, gold in GOLD["articles"].items():
        if gold.get("version_of"):
            earlier = gold["version_of"].removesuffix(".txt")
            assert groups[name.removesuffix(".txt")] == groups[earlier]
    assert groups.nunique() == len(groups) - 1
