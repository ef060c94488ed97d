"""framing.trend and framing.compare_periods: every figure per outlet over time."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

import framing
from framing.analysis import Analysis
from framing.errors import ArgumentError, ColumnError

HEDGES = "hedge_per_1k_words"


def _analysis(rows: list[dict]) -> Analysis:
    """An Analysis holding only an article table, dates as the loader leaves them (UTC,
    without a time zone): enough for trend()."""
    articles = pd.DataFrame(rows)
    articles["is_primary"] = articles.get("is_primary", True)
    articles["published"] = pd.to_datetime(articles["published"], format="mixed").astype(
        "datetime64[us]"
    )
    return Analysis(articles, pd.DataFrame(), {}, pd.DataFrame(), corpus=None)


def _articles(table: pd.DataFrame, outlet: str | None = None) -> pd.DataFrame:
    rows = table[table.feature == "articles"]
    return rows if outlet is None else rows[rows.outlet == outlet]


@pytest.fixture(scope="module")
def two_months() -> Analysis:
    # Outlet A: five articles in January 2024 (hedges 1..5), five in March (3..7);
    # outlet B: two in January. The rows are out of date order on purpose.
    rows = [
        {"doc_id": f"a-mar-{i}", "outlet": "A", "published": f"2024-03-{i + 10}", HEDGES: i + 3}
        for i in range(5)
    ]
    rows += [
        {"doc_id": f"a-jan-{i}", "outlet": "A", "published": f"2024-01-{i + 10}", HEDGES: i + 1}
        for i in range(5)
    ]
    rows += [
        {"doc_id": "b-1", "outlet": "B", "published": "2024-01-31 23:59", HEDGES: 10.0},
        {"doc_id": "b-2", "outlet": "B", "published": "2024-01-01 00:00", HEDGES: 20.0},
    ]
    return _analysis(rows)


def test_trend_gives_each_outlets_mean_and_interval_per_month(two_months):
    table = framing.trend(two_months, freq="M")
    jan = table[(table.period == "2024-01-01") & (table.feature == HEDGES)].set_index("outlet")
    assert jan.loc["A", "n"] == 5 and jan.loc["A", "mean"] == 3.0
    assert jan.loc["A", "basis"] == "inferential"
    assert 1.0 <= jan.loc["A", "ci_low"] < 3.0 < jan.loc["A", "ci_high"] <= 5.0
    assert jan.loc["A", "period_end"] == pd.Timestamp("2024-01-31")
    # Two articles: the mean, labelled descriptive, without an interval.
    assert jan.loc["B", "n"] == 2 and jan.loc["B", "mean"] == 15.0
    assert jan.loc["B", "basis"] == "descriptive" and math.isnan(jan.loc["B", "ci_low"])
    assert jan.loc["B", "note"] == "descriptive only: n=2 articles with a value, fewer than min_n=5"
    mar = table[(table.period == "2024-03-01") & (table.feature == HEDGES)]
    assert mar.outlet.tolist() == ["A"] and mar["mean"].item() == 5.0


def test_trend_counts_articles_in_every_period_zero_included(two_months):
    table = framing.trend(two_months, freq="M", features=[])
    counts = _articles(table).pivot(index="period", columns="outlet", values="n")
    assert counts.index.strftime("%Y-%m").tolist() == ["2024-01", "2024-02", "2024-03"]
    assert counts["A"].tolist() == [5, 0, 5]
    assert counts["B"].tolist() == [2, 0, 0]
    assert set(table.basis) == {"count"} and set(table.feature) == {"articles"}
    # A figure has rows only where the outlet has articles.
    full = framing.trend(two_months, freq="M")
    assert full[(full.feature == HEDGES) & (full.period == "2024-02-01")].empty


def test_trend_weeks_run_monday_to_sunday():
    # Monday 1 and Sunday 7 January 2024 are one ISO week, Monday 8 the next; given
    # out of order.
    dates = ["2024-01-08", "2024-01-07 23:59", "2024-01-01"]
    analysis = _analysis(
        [
            {"doc_id": f"d{i}", "outlet": "A", "published": d, HEDGES: 1.0}
            for i, d in enumerate(dates)
        ]
    )
    rows = _articles(framing.trend(analysis, freq="W"))
    assert rows.period.dt.strftime("%Y-%m-%d").tolist() == ["2024-01-01", "2024-01-08"]
    assert rows.period_end.dt.strftime("%Y-%m-%d").tolist() == ["2024-01-07", "2024-01-14"]
    assert rows.n.tolist() == [2, 1]
    days = _articles(framing.trend(analysis, freq="D"))
    assert len(days) == 8 and days.n.sum() == 3  # 1 to 8 January, 0 on the days between


def test_trend_with_one_article_is_descriptive():
    analysis = _analysis(
        [{"doc_id": "d", "outlet": "Solo", "published": "2024-05-05", HEDGES: 4.0}]
    )
    table = framing.trend(analysis, freq="Y")
    assert table.outlet.unique().tolist() == ["Solo"]
    assert table.period.unique().tolist() == [pd.Timestamp("2024-01-01")]
    hedges = table[table.feature == HEDGES].iloc[0]
    assert (hedges.n, hedges["mean"], hedges.basis) == (1, 4.0, "descriptive")
    assert _articles(table).n.tolist() == [1]


def test_trend_leaves_out_undated_articles_and_says_how_many():
    rows = [{"doc_id": "x", "outlet": "A", "published": None, HEDGES: 99.0}]
    analysis = _analysis(
        [*rows, {"doc_id": "y", "outlet": "A", "published": "2024-01-02", HEDGES: 1.0}]
    )
    table = framing.trend(analysis, freq="M")
    assert table.attrs["undated"] == 1
    assert table.attrs["note"] == "1 counted article without a published date left out"
    assert table[table.feature == HEDGES]["mean"].tolist() == [1.0]


def test_trend_of_an_analysis_without_articles_says_so():
    corpus = framing.load_corpus(
        pd.DataFrame({"doc_id": ["x"], "outlet": ["A"], "published": ["2024-01-02"], "text": ["…"]})
    )
    analysis = framing.analyse(corpus, features=["sentiment"], stories="given")
    assert analysis.articles.empty and len(analysis.errors) == 1
    with pytest.raises(ColumnError, match=r"no counted article, so there is no time"):
        framing.trend(analysis)


def test_trend_without_any_date_says_how_to_load_dates():
    analysis = _analysis([{"doc_id": "x", "outlet": "A", "published": None, HEDGES: 1.0}])
    with pytest.raises(ColumnError, match=r"no counted article has a published date.*published="):
        framing.trend(analysis)
    no_column = Analysis(
        pd.DataFrame({"doc_id": ["x"], "outlet": ["A"], "is_primary": [True]}),
        pd.DataFrame(),
        {},
        pd.DataFrame(),
        corpus=None,
    )
    with pytest.raises(ColumnError, match="published date"):
        framing.trend(no_column)


def test_trend_counts_one_version_per_version_group():
    rows = [
        {"doc_id": "p", "outlet": "A", "published": "2024-01-02", HEDGES: 1.0, "is_primary": True},
        {"doc_id": "v", "outlet": "A", "published": "2024-01-03", HEDGES: 9.0, "is_primary": False},
    ]
    table = framing.trend(_analysis(rows), freq="M")
    assert _articles(table).n.tolist() == [1]
    assert table[table.feature == HEDGES]["mean"].tolist() == [1.0]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"freq": "Q"}, "freq='Q'"),
        ({"features": ["nope"]}, "'nope' not among"),
        ({"min_n": 1}, "min_n=1"),
    ],
)
def test_trend_refuses_options_it_cannot_use(two_months, options, message):
    with pytest.raises(ArgumentError, match=message):
        framing.trend(two_months, **options)


def test_trend_rows_are_seeded_and_independent_of_the_other_figures(two_months):
    alone = framing.trend(two_months, freq="M", features=HEDGES)
    again = framing.trend(two_months, freq="M")
    keep = again[again.feature.isin(["articles", HEDGES])].reset_index(drop=True)
    pd.testing.assert_frame_equal(alone.reset_index(drop=True), keep, check_like=False)


def test_trend_names_the_group_column_after_by():
    rows = [
        {"doc_id": "a", "outlet": "A", "lean": "left", "published": "2024-01-02", HEDGES: 1.0},
        {"doc_id": "b", "outlet": "B", "lean": "right", "published": "2024-01-02", HEDGES: 3.0},
    ]
    table = framing.trend(_analysis(rows), freq="M", by="lean")
    assert table.attrs["group_column"] == "lean" and "outlet" not in table.columns
    assert table[table.feature == HEDGES].set_index("lean")["mean"].to_dict() == {
        "left": 1.0,
        "right": 3.0,
    }


# ---------------------------------------------------------------- dates as loaded


@pytest.fixture(scope="module")
def loaded() -> framing.Analysis:
    texts = [
        "The minister said the plan may work.",
        "Officials claimed the talks had clearly failed.",
        "A spokesman told reporters the vote would happen soon.",
        "Critics argued the report was probably wrong.",
    ]
    corpus = framing.load_corpus(
        pd.DataFrame(
            {
                "doc_id": ["east", "west", "plain", "none"],
                "outlet": ["X", "X", "Y", "Y"],
                "text": texts,
                "published": [
                    "2020-01-02T03:00:00+05:00",  # 1 January, 22:00 UTC
                    "2020-01-01T23:30:00-05:00",  # 2 January, 04:30 UTC
                    "2020-01-02",  # a date without a time: midnight UTC
                    "",
                ],
            }
        )
    )
    return framing.analyse(corpus, n_jobs=1, features=["sentiment"])


def test_trend_puts_articles_in_their_utc_day(loaded):
    table = framing.trend(loaded, freq="D")
    days = _articles(table).pivot(index="period", columns="outlet", values="n")
    assert days.index.strftime("%Y-%m-%d").tolist() == ["2020-01-01", "2020-01-02"]
    assert days["X"].tolist() == [1, 1]  # +05:00 the day before, -05:00 the day after
    assert days["Y"].tolist() == [0, 1]  # the date without a time, on its own day
    assert table.attrs["undated"] == 1


# ---------------------------------------------------------------- compare_periods


def test_compare_periods_tests_an_outlets_change_as_compare_does(two_months):
    table = framing.compare_periods(two_months, "2024-01", "2024-03-20", freq="M", outlet="A")
    row = table[table.feature == HEDGES].iloc[0]
    assert (row.period, row.outlet, row.reference) == ("2024-03", "A", "2024-01")
    assert (row.n, row["mean"], row.reference_n, row.reference_mean) == (5, 5.0, 5, 3.0)
    assert row["diff"] == 2.0 and row.basis == "inferential"
    assert table.comparison.unique().tolist() == ["between outlets"]
    # The same as framing.compare on a column holding the month, draw for draw.
    articles = two_months.articles.copy()
    articles["month"] = articles.published.dt.strftime("%Y-%m")
    by_month = Analysis(
        articles[articles.outlet == "A"], pd.DataFrame(), {}, pd.DataFrame(), corpus=None
    )
    same = framing.compare(by_month, by="month", reference="2024-01", paired=False)
    same = same[(same.month == "2024-03") & (same.feature == HEDGES)].iloc[0]
    for column in ("diff", "diff_ci_low", "diff_ci_high", "effect_size", "p_value", "ci_low"):
        assert row[column] == pytest.approx(same[column])


def test_compare_periods_pools_every_outlet_without_one(two_months):
    table = framing.compare_periods(two_months, "2024-01-05", "2024-03-01", freq="M")
    row = table[table.feature == HEDGES].iloc[0]
    assert row.outlet == "all" and row.reference_n == 7
    assert row.reference_mean == pytest.approx((15 + 30) / 7)


@pytest.mark.parametrize(
    ("args", "options", "message"),
    [
        (("2024-01", "2024-01-20"), {}, "the same month"),
        (("2024-01", "2024-02"), {"outlet": "A"}, "no dated counted article in the month 2024-02"),
        (("2024-01", "2024-03"), {"outlet": "Z"}, "outlet='Z'"),
        (("soon", "2024-03"), {}, "first='soon' is not a date"),
    ],
)
def test_compare_periods_refuses_periods_it_cannot_test(two_months, args, options, message):
    with pytest.raises(ArgumentError, match=message):
        framing.compare_periods(two_months, *args, freq="M", **options)


def test_period_of_names_pandas_periods():
    dates = pd.Series(pd.to_datetime(["2016-03-09", None]))
    weeks = framing.comparison.period_of(dates, "W")
    assert str(weeks[0]) == "2016-03-07/2016-03-13" and pd.isna(weeks[1])
    assert np.array_equal(framing.comparison.period_of(dates, "Y").astype(str)[:1], ["2016"])
