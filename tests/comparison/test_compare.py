"""framing.compare: outlet against outlet with intervals, effect sizes and paired rows."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

import framing
from framing.analysis import Analysis
from framing.comparison import _stats
from framing.errors import ArgumentError, ColumnError


def _analysis(rows: list[dict]) -> Analysis:
    """An Analysis holding only an article table: enough for compare()."""
    articles = pd.DataFrame(rows)
    articles["is_primary"] = articles.get("is_primary", True)
    return Analysis(articles, pd.DataFrame(), {}, pd.DataFrame(), corpus=None)


@pytest.fixture(scope="module")
def paired() -> Analysis:
    # Five stories; in each, outlet A's hedge rate is exactly one below outlet B's.
    rows = []
    for i in range(5):
        rows.append(
            {"doc_id": f"a{i}", "outlet": "A", "story": f"s{i}", "hedge_per_1k_words": i + 1}
        )
        rows.append(
            {"doc_id": f"b{i}", "outlet": "B", "story": f"s{i}", "hedge_per_1k_words": i + 2}
        )
    return _analysis(rows)


def _row(table: pd.DataFrame, outlet: str, comparison: str, feature: str) -> pd.Series:
    group = table[table.attrs["group_column"]]
    hit = table[(group == outlet) & (table.comparison == comparison) & (table.feature == feature)]
    assert len(hit) == 1
    return hit.iloc[0]


def test_compare_between_outlets_gives_means_difference_and_hedges_g(paired):
    table = framing.compare(paired, reference="B")
    a = _row(table, "A", "between outlets", "hedge_per_1k_words")
    assert (a.n, a["mean"], a.reference_n, a.reference_mean) == (5, 3.0, 5, 4.0)
    assert a["diff"] == -1.0
    # Both samples have SD sqrt(2.5); g = -1 / sqrt(2.5) * (1 - 3 / 31).
    assert a.effect_size == pytest.approx(-1 / math.sqrt(2.5) * (1 - 3 / 31))
    assert a.effect_measure == "hedges_g"
    assert a.basis == "inferential"
    assert a.ci_low <= 3.0 <= a.ci_high
    assert a.diff_ci_low <= -1.0 <= a.diff_ci_high
    assert 0 < a.p_value <= 1
    b = _row(table, "B", "between outlets", "hedge_per_1k_words")
    assert b.note == "the reference" and math.isnan(b["diff"])


def test_compare_within_stories_takes_the_difference_story_by_story(paired):
    table = framing.compare(paired, reference="B")
    a = _row(table, "A", "within stories", "hedge_per_1k_words")
    # Every story differs by exactly -1: the interval collapses on it, and d_z (mean over
    # the SD of the differences) is undefined with no spread.
    assert a["diff"] == -1.0
    assert (a.diff_ci_low, a.diff_ci_high) == (-1.0, -1.0)
    assert math.isnan(a.effect_size)
    assert a.n == 5 and a.note == "5 stories with both"
    # Sign flips of five equal differences: only the all-same-sign flips are as extreme.
    assert a.p_value == pytest.approx(2 / 32, abs=0.03)
    assert table[(table.comparison == "within stories") & (table.outlet == "B")].empty


def test_compare_without_reference_sets_each_outlet_against_the_pooled_rest(paired):
    table = framing.compare(paired)
    b = _row(table, "B", "between outlets", "hedge_per_1k_words")
    assert b.reference == "all other outlets"
    assert b["diff"] == 1.0
    assert _row(table, "A", "between outlets", "hedge_per_1k_words")["diff"] == -1.0


def test_compare_is_descriptive_only_with_one_article_per_outlet():
    one_each = _analysis(
        [
            {"doc_id": "x", "outlet": "X", "story": "s", "hedge_per_1k_words": 2.0},
            {"doc_id": "y", "outlet": "Y", "story": "s", "hedge_per_1k_words": 5.0},
        ]
    )
    table = framing.compare(one_each)
    assert set(table.basis) == {"descriptive"}
    x = _row(table, "X", "between outlets", "hedge_per_1k_words")
    assert (x.n, x["mean"], x["diff"]) == (1, 2.0, -3.0)
    assert math.isnan(x.ci_low) and math.isnan(x.p_value) and math.isnan(x.effect_size)
    assert x.note == "descriptive only: n=1 articles on one side, fewer than min_n=5"
    within = _row(table, "X", "within stories", "hedge_per_1k_words")
    assert within.note == "descriptive only: 1 story with both, fewer than min_n=5"


def test_compare_counts_one_version_per_version_group():
    rows = [
        {"doc_id": "a1", "outlet": "A", "story": "s", "n_words": 100, "is_primary": True},
        {"doc_id": "a1v", "outlet": "A", "story": "s", "n_words": 900, "is_primary": False},
        {"doc_id": "b1", "outlet": "B", "story": "s", "n_words": 300, "is_primary": True},
    ]
    table = framing.compare(_analysis(rows))
    a = _row(table, "A", "between outlets", "n_words")
    assert (a.n, a["mean"]) == (1, 100.0)


def test_compare_on_the_demo_matches_means_computed_by_hand():
    analysis = framing.analyse(framing.load_corpus(framing.DEMO_CORPUS), angles=framing.DEMO_ANGLES)
    table = framing.compare(analysis)
    counted = analysis.counted
    dispatch = counted[counted.outlet == "Northgate Dispatch"]
    rest = counted[counted.outlet != "Northgate Dispatch"]
    row = _row(table, "Northgate Dispatch", "between outlets", "attr_anonymous_share")
    assert row.n == len(dispatch) == 3
    assert row["mean"] == pytest.approx(dispatch.attr_anonymous_share.mean())
    assert row["diff"] == pytest.approx(
        dispatch.attr_anonymous_share.mean() - rest.attr_anonymous_share.mean()
    )
    # Angles come from analysis.emphasis as shares of position-weighted cues.
    angle = table[table.feature.str.startswith("angle:")]
    assert not angle.empty and set(angle.family) == {"emphasis"}
    feature = angle.feature.iloc[0]
    name = feature.split(":", 1)[1]
    emphasis = analysis.emphasis
    shares = emphasis[(emphasis.kind == "angle") & (emphasis.name == name)].set_index("doc_id")
    expected = shares.loc[dispatch.doc_id, "weighted_share"].mean()
    got = _row(table, "Northgate Dispatch", "between outlets", feature)["mean"]
    assert got == pytest.approx(expected)


def test_compare_gives_the_same_table_for_the_same_seed(paired):
    pd.testing.assert_frame_equal(framing.compare(paired, seed=3), framing.compare(paired, seed=3))


def test_compare_names_the_outlets_when_the_reference_is_unknown(paired):
    with pytest.raises(ArgumentError, match=r"reference='C'.*choose one of: A, B"):
        framing.compare(paired, reference="C")


def test_compare_rejects_an_unknown_grouping_column(paired):
    with pytest.raises(ColumnError, match="cannot compare by 'desk'"):
        framing.compare(paired, by="desk")


@pytest.mark.parametrize(
    ("x", "y", "expected"),
    [
        # pooled SD 1, df 4: g = 1 * (1 - 3 / 15)
        ([1.0, 2.0, 3.0], [0.0, 1.0, 2.0], 1 * (1 - 3 / 15)),
        ([1.0, 1.0], [1.0, 1.0], math.nan),
        ([1.0], [2.0, 3.0], math.nan),
    ],
)
def test_hedges_g(x, y, expected):
    got = _stats.hedges_g(np.array(x), np.array(y))
    assert (math.isnan(got) and math.isnan(expected)) or got == pytest.approx(expected)


def test_benjamini_hochberg_matches_a_worked_example():
    p = np.array([0.01, 0.04, 0.03, np.nan, 0.20])
    # Sorted 0.01, 0.03, 0.04, 0.20 (m = 4): 0.04, 0.06→0.0533, 0.0533, 0.20.
    q = _stats.benjamini_hochberg(p)
    assert q[0] == pytest.approx(0.04)
    assert q[1] == pytest.approx(0.04 * 4 / 3)
    assert q[2] == pytest.approx(0.04 * 4 / 3)
    assert math.isnan(q[3])
    assert q[4] == pytest.approx(0.20)


def test_permutation_p_is_one_for_identical_samples():
    rng = np.random.default_rng(0)
    same = np.array([1.0, 2.0, 3.0, 4.0])
    assert _stats.permutation_p(same, same.copy(), rng, 500) == 1.0


def test_bootstrap_interval_of_constant_values_is_that_value():
    rng = np.random.default_rng(0)
    ci = _stats.bootstrap_mean(np.full(6, 0.25), rng, 200, 0.95)
    assert (ci.low, ci.high) == (0.25, 0.25)


def test_a_rows_draws_do_not_depend_on_the_other_figures_in_the_table(paired):
    full = _analysis(
        [
            {**r, "booster_per_1k_words": float(i)}
            for i, r in enumerate(paired.articles.to_dict("records"))
        ]
    )
    alone = framing.compare(paired)
    together = framing.compare(full)
    cols = ["ci_low", "ci_high", "diff_ci_low", "diff_ci_high", "p_value"]
    a = alone[alone.feature == "hedge_per_1k_words"][cols].reset_index(drop=True)
    b = together[together.feature == "hedge_per_1k_words"][cols].reset_index(drop=True)
    pd.testing.assert_frame_equal(a, b)


def test_compare_by_story_gives_no_within_story_rows(paired):
    table = framing.compare(paired, by="story")
    assert set(table.comparison) == {"between outlets"}
    # the group column carries the name of what was compared
    assert "outlet" not in table.columns and table.attrs["group_column"] == "story"
    assert set(table.story) == {f"s{i}" for i in range(5)}
    assert table.reference.iloc[0] == "all other stories"


def test_compare_by_a_numeric_column_compares_its_values_as_labels():
    rows = [
        {"doc_id": f"d{i}", "outlet": "X", "year": 2020 + i % 2, "n_words": 100.0 * (i + 1)}
        for i in range(12)
    ]
    table = framing.compare(_analysis(rows), by="year")
    row = _row(table, "2020", "between outlets", "n_words")
    # Years 2020 (i even) against 2021 (i odd): 100, 300, … 1100 against 200, … 1200.
    assert (row.n, row["mean"], row.reference_n, row.reference_mean) == (6, 600.0, 6, 700.0)


def test_articles_without_a_group_are_not_pooled_into_the_rest():
    rows = [
        {"doc_id": "a", "outlet": "A", "desk": "home", "n_words": 10.0},
        {"doc_id": "b", "outlet": "A", "desk": "world", "n_words": 20.0},
        {"doc_id": "c", "outlet": "A", "desk": None, "n_words": 1000.0},
    ]
    table = framing.compare(_analysis(rows), by="desk")
    row = _row(table, "home", "between outlets", "n_words")
    assert (row.reference_n, row.reference_mean) == (1, 20.0)


def test_compare_asks_for_enough_resamples(paired):
    with pytest.raises(ArgumentError, match="n_boot=0"):
        framing.compare(paired, n_boot=0)


def test_the_group_column_is_named_after_by_unless_that_clashes():
    rows = [
        {
            "doc_id": f"d{i}",
            "outlet": "X",
            "lean": "left" if i % 2 else "right",
            "n": i % 3,
            "n_words": 10.0 * i,
        }
        for i in range(12)
    ]
    by_lean = framing.compare(_analysis(rows), by="lean")
    assert list(by_lean.columns[:5]) == ["family", "feature", "label", "comparison", "lean"]
    assert set(by_lean.lean) == {"left", "right"}
    by_n = framing.compare(_analysis(rows), by="n")  # 'n' is the count column already
    assert by_n.attrs["group_column"] == "n_group" and set(by_n.n_group) == {"0", "1", "2"}
