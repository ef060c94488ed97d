"""Sentence alignment across outlets: tiny hand-written stories and the seed corpus."""

from __future__ import annotations

import math
import warnings
from pathlib import Path

import pandas as pd
import pytest

import framing
from framing.comparison._alignment import (
    DEFAULT_THRESHOLD,
    align_sentences,
    sentence_similarity,
)
from framing.errors import ArgumentError, ColumnError

COLUMNS = [
    "doc_id",
    "sentence",
    "story",
    "outlet",
    "compared",
    "n_terms",
    "unique",
    "match_doc_id",
    "match_sentence",
    "match_score",
    "text",
    "match_text",
]

# Story "bridge": two outlets, one shared fact told in different words, one fact each.
ALPHA_BRIDGE = (
    "Engineers closed the Wexcombe footbridge on Tuesday after finding cracks in two "
    "steel girders. "
    "The county surveyor, Priya Lund, said repairs would take at least six weeks. "
    "Shopkeepers on the quay fear losing their summer trade."
)
BETA_BRIDGE = (
    "A ferry service will carry pedestrians across the estuary while the crossing is shut. "
    "Cracked girders were found in the Wexcombe footbridge, which engineers have now closed. "
    "The bridge was built in 1962 and last inspected four years ago."
)
# A second Alpha article on the same story, repeating Alpha's quay sentence: same outlet,
# so it must never be matched (and is different enough not to be a version).
ALPHA_FOLLOW_UP = (
    "Shopkeepers on the quay fear losing their summer trade. "
    "A petition asking the council to speed up the work has gathered 900 signatures "
    "in three days, its organiser told a meeting at the harbour hall."
)
# Story "orchard": Gamma repeats Alpha's surveyor sentence word for word, but on another
# story, so the two must not be compared.
GAMMA_ORCHARD = (
    "The county surveyor, Priya Lund, said repairs would take at least six weeks. "
    "Volunteers replanted the old orchard behind the school with forty apple trees."
)
BETA_ORCHARD = (
    "Forty apple trees were replanted by volunteers in the school's old orchard. "
    "Pupils will help harvest the first crop in three years' time."
)


def analyse(rows: list[tuple[str, str, str | None, str]]) -> framing.Analysis:
    """Analyse a corpus of ``(doc_id, outlet, story, text)`` rows."""
    frame = pd.DataFrame(rows, columns=["doc_id", "outlet", "story", "text"])
    # stories="given": articles without a label stay without (not grouped by framing)
    return framing.analyse(framing.load_corpus(frame), features=["sentiment"], stories="given")


def row(table: pd.DataFrame, doc_id: str, contains: str) -> pd.Series:
    """The one row of ``table`` for the sentence of ``doc_id`` containing ``contains``."""
    hits = table[(table["doc_id"] == doc_id) & table["text"].str.contains(contains, regex=False)]
    assert len(hits) == 1, (doc_id, contains, hits["text"].tolist())
    return hits.iloc[0]


@pytest.fixture(scope="module")
def small() -> pd.DataFrame:
    return align_sentences(
        analyse(
            [
                ("alpha-bridge", "Alpha Post", "bridge", ALPHA_BRIDGE),
                ("beta-bridge", "Beta Times", "bridge", BETA_BRIDGE),
                ("alpha-follow-up", "Alpha Post", "bridge", ALPHA_FOLLOW_UP),
                ("gamma-orchard", "Gamma News", "orchard", GAMMA_ORCHARD),
                ("beta-orchard", "Beta Times", "orchard", BETA_ORCHARD),
            ]
        )
    )


def test_columns_types_and_one_row_per_sentence(small):
    assert list(small.columns) == COLUMNS
    assert small["match_sentence"].dtype == "Int64"
    assert small["match_score"].dtype == float
    assert small["unique"].dtype == "boolean"
    assert small["n_terms"].dtype == "int64"
    assert small["compared"].dtype == bool
    assert small.groupby("doc_id").size().to_dict() == {
        "alpha-bridge": 3,
        "beta-bridge": 3,
        "alpha-follow-up": 2,
        "gamma-orchard": 2,
        "beta-orchard": 2,
    }
    assert small["doc_id"].tolist()[:3] == ["alpha-bridge"] * 3
    assert small["sentence"].tolist()[:3] == [0, 1, 2]
    assert small["match_score"].between(0.0, 1.0).all()


def test_a_fact_told_in_other_words_is_matched_to_its_sentence(small):
    closed = row(small, "alpha-bridge", "closed the Wexcombe footbridge")
    assert not closed["unique"]
    assert closed["match_doc_id"] == "beta-bridge"
    assert closed["match_sentence"] == 1
    assert DEFAULT_THRESHOLD <= closed["match_score"] < 1.0
    back = row(small, "beta-bridge", "Cracked girders")
    assert not back["unique"]
    assert (back["match_doc_id"], back["match_sentence"]) == ("alpha-bridge", 0)
    assert back["match_text"] == closed["text"]


def test_a_fact_only_one_outlet_reports_is_unique(small):
    for doc_id, contains in [
        ("alpha-bridge", "six weeks"),
        ("beta-bridge", "ferry service"),
        ("beta-bridge", "built in 1962"),
        ("alpha-follow-up", "petition"),
    ]:
        found = row(small, doc_id, contains)
        assert found["unique"], (contains, found["match_text"], found["match_score"])
        assert found["compared"]
        assert found["match_score"] < DEFAULT_THRESHOLD


def test_articles_of_the_same_outlet_are_not_compared(small):
    alpha = small[small["outlet"] == "Alpha Post"]
    assert set(alpha["match_doc_id"].dropna()) <= {"beta-bridge"}
    # Word for word in both Alpha articles, but no other outlet says it.
    for doc_id in ("alpha-bridge", "alpha-follow-up"):
        quay = row(small, doc_id, "Shopkeepers on the quay")
        assert quay["unique"]
        assert quay["match_score"] < 0.5


def test_stories_are_kept_apart(small):
    stories = small.set_index("doc_id")["story"].groupby(level=0).first()
    by_doc = small.dropna(subset=["match_doc_id"])
    assert (by_doc["match_doc_id"].map(stories) == by_doc["story"]).all()
    # Gamma repeats Alpha's surveyor sentence verbatim, but on the orchard story.
    surveyor = row(small, "alpha-bridge", "six weeks")
    assert surveyor["match_doc_id"] != "gamma-orchard"
    orchard = row(small, "gamma-orchard", "old orchard")
    assert not orchard["unique"]
    assert (orchard["match_doc_id"], orchard["match_sentence"]) == ("beta-orchard", 0)
    assert row(small, "gamma-orchard", "six weeks")["unique"]


def test_identical_sentences_have_cosine_one():
    same = "Engineers closed the Wexcombe footbridge after finding cracks."
    other = "Volunteers replanted the orchard."
    scores = sentence_similarity([same, same, other])
    assert scores[0][1] == pytest.approx(1.0)
    assert scores[0][0] == pytest.approx(1.0)
    assert scores[0][2] == 0.0
    assert sentence_similarity(["It was what it was.", "It was what it was."])[0][1] == 0.0

    table = align_sentences(
        analyse(
            [
                ("x", "Alpha Post", "s", f"{same} The council met on Monday."),
                ("y", "Beta Times", "s", f"A ferry will run instead. {same}"),
            ]
        )
    )
    first = row(table, "x", "Engineers")
    assert first["match_score"] == pytest.approx(1.0)
    assert (first["match_doc_id"], first["match_sentence"]) == ("y", 1)


def test_case_and_inflection_do_not_matter():
    scores = sentence_similarity(
        [
            "Officers accused the rebels of breaching the truce.",
            "the officer accuses rebels of breaches of the truce",
        ]
    )
    assert scores[0][1] == pytest.approx(1.0)


def test_a_story_with_one_outlet_is_not_compared():
    table = align_sentences(
        analyse(
            [
                ("x", "Alpha Post", "solo", ALPHA_BRIDGE),
                ("z", "Alpha Post", "solo", ALPHA_FOLLOW_UP),
                ("y", "Beta Times", "other", BETA_ORCHARD),
            ]
        )
    )
    assert not table["compared"].any()
    assert table["unique"].all()
    assert table["match_doc_id"].isna().all()
    assert table["match_sentence"].isna().all()
    assert (table["match_score"] == 0.0).all()


def test_unlabelled_articles_form_one_story():
    table = align_sentences(
        analyse(
            [
                ("x", "Alpha Post", None, ALPHA_BRIDGE),
                ("y", "Beta Times", None, BETA_BRIDGE),
                ("g", "Gamma News", "orchard", GAMMA_ORCHARD),
            ]
        )
    )
    closed = row(table, "x", "closed the Wexcombe footbridge")
    assert (closed["match_doc_id"], closed["match_sentence"]) == ("y", 1)
    assert table.loc[table["doc_id"].isin(["x", "y"]), "story"].isna().all()
    # The labelled story is never compared with the unlabelled group.
    assert row(table, "x", "six weeks")["match_doc_id"] != "g"
    assert not table.loc[table["doc_id"] == "g", "compared"].any()


def test_versions_are_never_compared():
    # The same article run by two outlets is one version group (syndication): both are
    # counted, but a copy is not another outlet independently reporting the same thing.
    table = align_sentences(
        analyse(
            [
                ("x", "Alpha Post", "s", ALPHA_BRIDGE + " " + ALPHA_FOLLOW_UP),
                ("y", "Beta Times", "s", ALPHA_BRIDGE + " " + ALPHA_FOLLOW_UP),
            ]
        )
    )
    assert not table["compared"].any()
    assert table["match_doc_id"].isna().all()


def test_threshold_moves_the_cut_and_is_checked(small):
    strict = align_sentences(
        analyse(
            [
                ("alpha-bridge", "Alpha Post", "bridge", ALPHA_BRIDGE),
                ("beta-bridge", "Beta Times", "bridge", BETA_BRIDGE),
            ]
        ),
        threshold=0.99,
    )
    assert strict["unique"].all()
    with pytest.raises(ArgumentError, match="threshold"):
        align_sentences(analyse([("x", "A", "s", "One sentence.")]), threshold=1.5)
    with pytest.raises(ColumnError, match="no such column"):
        align_sentences(analyse([("x", "A", "s", "One sentence.")]), by="publisher")


def test_by_must_be_an_article_column():
    analysis = analyse([("x", "A", "s", "One sentence.")])
    with pytest.raises(ColumnError, match=r"'publisher'.*'doc_id'.*'outlet'"):
        align_sentences(analysis, by="publisher")


def test_by_naming_a_result_column_is_not_added_twice():
    analysis = analyse(
        [
            ("alpha-bridge", "Alpha Post", "bridge", ALPHA_BRIDGE),
            ("beta-bridge", "Beta Times", "bridge", BETA_BRIDGE),
            ("alpha-follow-up", "Alpha Post", "bridge", ALPHA_FOLLOW_UP),
        ]
    )
    by_doc = align_sentences(analysis, by="doc_id")
    assert list(by_doc.columns) == COLUMNS
    # Each article is its own source now, so Alpha's two articles are compared.
    quay = row(by_doc, "alpha-bridge", "Shopkeepers on the quay")
    assert (quay["match_doc_id"], quay["match_score"]) == ("alpha-follow-up", pytest.approx(1.0))
    by_story = align_sentences(analysis, by="story")
    assert list(by_story.columns) == COLUMNS
    assert not by_story["compared"].any()  # one story: one source
    by_group = align_sentences(analysis, by="version_group")
    assert list(by_group.columns) == [*COLUMNS[:4], "version_group", *COLUMNS[4:]]


def test_a_sentence_without_content_words_is_neither_unique_nor_shared():
    table = align_sentences(
        analyse(
            [
                ("x", "Alpha Post", "s", "Engineers closed the footbridge. How are you?"),
                ("y", "Beta Times", "s", "The footbridge was closed by engineers."),
            ]
        )
    )
    empty = row(table, "x", "How are you")
    assert empty["n_terms"] == 0
    assert pd.isna(empty["unique"])
    assert empty["compared"]
    assert pd.isna(empty["match_doc_id"])
    closed = row(table, "x", "Engineers closed")
    assert closed["n_terms"] == 3  # engineers, closed, footbridge
    assert closed["unique"] == False  # noqa: E712 - a nullable boolean, not NA
    assert table["unique"].mean() == 0.0  # the NA is left out, not counted as unique


def test_unlabelled_articles_from_one_outlet_warn():
    rows = [
        ("x", "Alpha Post", None, ALPHA_BRIDGE),
        ("z", "Alpha Post", None, GAMMA_ORCHARD),
        ("y", "Beta Times", None, BETA_BRIDGE),
    ]
    with pytest.warns(UserWarning, match=r"no story labels.*all 3 .* one story.*story="):
        table = align_sentences(analyse(rows))
    assert table["story"].isna().all()
    mixed = [*rows, ("g", "Gamma News", "orchard", BETA_ORCHARD)]
    with pytest.warns(UserWarning, match=r"3 of the 4 counted articles have no story label"):
        align_sentences(analyse(mixed))
    # One article per outlet can be one story: no warning.
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        align_sentences(analyse([rows[0], rows[2]]))


def test_similarity_is_the_hand_computed_tf_idf_cosine():
    # Terms (stems, then bigrams at half weight): storm, flood, harbour, "storm flood",
    # "flood harbour" and storm, flood, valley, "storm flood", "flood valley". With n = 2
    # sentences, idf = 1 + ln(3 / 3) = 1 for shared terms, 1 + ln(3 / 2) for the others.
    rare = 1 + math.log(3 / 2)
    shared_dot = 1 + 1 + 0.5**2
    norm_squared = 1 + 1 + rare**2 + 0.5**2 + (0.5 * rare) ** 2
    scores = sentence_similarity(["Storm floods harbour", "Storm floods valley"])
    assert scores[0][1] == pytest.approx(shared_dot / norm_squared)  # = 0.477


def test_offer_is_a_content_word_and_lookalikes_stay_apart():
    # The old stemmer read "offers" as the function word "off" and dropped it, and made
    # "statement" and "state" (and "question" and "quest") one term.
    offers = ["The minister offers troops.", "The minister offered troops."]
    assert sentence_similarity(offers)[0][1] == pytest.approx(1.0)
    assert sentence_similarity(["In a statement.", "The state."])[0][1] == 0.0
    assert sentence_similarity(["A question.", "A quest."])[0][1] == 0.0


def test_dotted_and_plain_initialisms_match():
    scores = sentence_similarity(["The F.B.I. opened an inquiry.", "The FBI opened an inquiry."])
    assert scores[0][1] == pytest.approx(1.0)
    # Written in capitals, US is a word, not the pronoun "us".
    assert sentence_similarity(["US troops left.", "They told us troops left."])[0][1] < 1.0


# The seed corpus: two captures of one Independent article (only one counted) and The
# National's article on the same story.
INDEPENDENT = "001_c94a21444263d4de"
INDEPENDENT_OTHER_CAPTURE = "000_b3acba8742215c2b"
NATIONAL = "002_66abed3701f1b670"


@pytest.fixture(scope="module")
def seed(shared_dir) -> pd.DataFrame:
    corpus = framing.load_corpus(shared_dir / "corpus" / "uk-officers-gaza-2025-10")
    return align_sentences(framing.analyse(corpus, features=["sentiment"]))


def test_seed_counts_one_capture_per_outlet(seed):
    assert set(seed["doc_id"]) == {INDEPENDENT, NATIONAL}
    assert seed["compared"].all()


def test_seed_the_nationals_israel_angle_is_unique(seed):
    bridges = row(seed, NATIONAL, "repair bridges")
    assert bridges["unique"]
    assert bridges["match_doc_id"] == INDEPENDENT


def test_seed_the_independents_truth_social_warning_is_unique(seed):
    assert row(seed, INDEPENDENT, "Truth Social")["unique"]


def test_seed_the_shared_news_is_matched(seed):
    for contains, partner in [
        ("embedded in the US-led", "deployment would ensure the UK remained involved"),
        ("specialist experience and skills that we have offered", "specialist experience"),
        ("anchor role", "anchor role"),
        ("play our part", "play our part"),
    ]:
        found = row(seed, NATIONAL, contains)
        assert not found["unique"], contains
        assert found["match_doc_id"] == INDEPENDENT
        assert partner in found["match_text"]


# Each seed sentence labelled by hand: the same information as a sentence of the other
# outlet (with those sentences' indices), partly so, or unique.
SEED_LABELS = Path(__file__).resolve().parents[2] / "evaluation" / "seed_alignment_labels.csv"


def test_seed_hand_labels_at_the_default_threshold(seed):
    labels = pd.read_csv(SEED_LABELS, dtype={"partners": str})
    assert labels["label"].value_counts().to_dict() == {"unique": 33, "same": 16, "partial": 3}
    table = seed.merge(labels.drop(columns="text"), on=["doc_id", "sentence"], validate="1:1")
    assert len(table) == 52
    matched = table[table["unique"] == False]  # noqa: E712 - a nullable boolean
    # 13 of 16 same-information sentences, no partial one, 1 of 33 unique ones
    assert matched["label"].value_counts().to_dict() == {"same": 13, "unique": 1}
    same = matched[matched["label"] == "same"]
    for found in same.itertuples():
        assert str(found.match_sentence) in found.partners.split(";"), found.text
    assert same["match_score"].min() > 0.21
    # the one unique sentence matched: a British deputy to US commanders in Iraq, matched
    # to the British two-star deputy commander
    wrong = matched[matched["label"] == "unique"].iloc[0]
    assert "Iraq" in wrong["text"] and "deputy commander" in wrong["match_text"]


def test_seed_no_independent_sentence_is_matched_to_the_other_capture(seed):
    assert INDEPENDENT_OTHER_CAPTURE not in set(seed["match_doc_id"].dropna())
    independent = seed[seed["doc_id"] == INDEPENDENT]
    assert (independent["match_doc_id"].dropna() == NATIONAL).all()


def test_analysis_alignment_is_deprecated_for_align_sentences(demo_for_alignment_deprecation):
    analysis = demo_for_alignment_deprecation
    with pytest.warns(DeprecationWarning, match=r"framing\.align_sentences\(analysis\)"):
        old = analysis.alignment
    new = framing.align_sentences(analysis)
    assert old is new  # one table, computed once and kept on the analysis
    assert new["unique"].notna().sum() > 0


@pytest.fixture(scope="module")
def demo_for_alignment_deprecation():
    return framing.analyse(framing.load_corpus(framing.DEMO_CORPUS), features=["sentiment"])
