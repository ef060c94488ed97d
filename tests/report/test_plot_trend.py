"""framing.plot_trend: one line per outlet over time, drawn from framing.trend."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")  # before anything imports pyplot: tests never open a window

import numpy as np
import pandas as pd
import pytest
from matplotlib.text import Text

import framing
from framing.analysis import Analysis
from framing.errors import ArgumentError

HEDGES = "hedge_per_1k_words"


@pytest.fixture(scope="module")
def months() -> Analysis:
    # A: five articles in January 2024 (hedges 1..5), two in March (10, 20); B: one
    # in January (hedges 7). February has no article.
    rows = [(f"a{i}", "A", f"2024-01-{i + 10}", i + 1.0) for i in range(5)]
    rows += [("a5", "A", "2024-03-02", 10.0), ("a6", "A", "2024-03-03", 20.0)]
    rows += [("b0", "B", "2024-01-20", 7.0)]
    articles = pd.DataFrame(rows, columns=["doc_id", "outlet", "published", HEDGES])
    articles["published"] = pd.to_datetime(articles["published"]).astype("datetime64[us]")
    articles["is_primary"] = True
    return Analysis(articles, pd.DataFrame(), {}, pd.DataFrame(), corpus=None)


def _lines(fig) -> list:
    """The connecting line of each outlet, in outlet order."""
    return [line for line in fig.axes[0].lines if line.get_linestyle() not in ("None", "none")]


def _text(fig) -> str:
    return " ".join(t.get_text() for t in fig.findobj(Text))


def test_plot_trend_draws_each_outlets_articles_per_month_zero_included(months):
    fig = framing.plot_trend(months, freq="M")
    a, b = _lines(fig)
    assert a.get_ydata().tolist() == [5, 0, 2]
    assert b.get_ydata().tolist() == [1, 0, 0]
    assert "Articles counted per month" in _text(fig)
    assert "A (n=7)" in _text(fig) and "B (n=1)" in _text(fig)


def test_plot_trend_gives_intervals_only_where_a_period_has_min_n_articles(months):
    fig = framing.plot_trend(months, HEDGES, freq="M")
    a, _ = _lines(fig)
    # A's January mean is 3, March's 15; February is a gap in the line.
    y = np.asarray(a.get_ydata(), dtype=float)
    assert y[0] == 3.0 and np.isnan(y[1]) and y[2] == 15.0
    bars = fig.axes[0].containers  # one error-bar container per outlet
    assert [len(c.lines[0].get_xdata()) for c in bars] == [1, 0]  # A's January only
    table = framing.trend(months, freq="M", features=HEDGES)
    jan = table[(table.feature == HEDGES) & (table.outlet == "A")].iloc[0]
    low, high = bars[0].lines[2][0].get_segments()[0][:, 1]
    assert (low, high) == pytest.approx((jan.ci_low, jan.ci_high))
    assert "≥ 5 articles: 95% interval" in _text(fig)


def test_plot_trend_without_dates_says_how_to_give_them():
    articles = pd.DataFrame(
        {"doc_id": ["x"], "outlet": ["A"], "is_primary": [True], "published": [pd.NaT]}
    )
    fig = framing.plot_trend(Analysis(articles, pd.DataFrame(), {}, pd.DataFrame(), None))
    assert "published=COLUMN" in " ".join(_text(fig).split())


def test_plot_trend_rejects_an_unknown_measure_naming_the_figures(months):
    with pytest.raises(ArgumentError, match=r"'tone' not among.*hedge_per_1k_words"):
        framing.plot_trend(months, "tone")
