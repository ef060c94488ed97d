"""A figure over time: one figure per outlet and period, with its intervals
(:func:`plot_trend`), from :func:`framing.trend`."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.dates import AutoDateLocator, ConciseDateFormatter
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.ticker import MaxNLocator, PercentFormatter

from ..analysis import Analysis, require_column
from ..comparison import ARTICLES, FREQ_WORDS, Freq, freq_word, trend
from ._plot_style import (
    FIGURE_WIDTH,
    _by_words,
    _figure,
    _figure_legend,
    _group_style,
    _message_figure,
    _wrap,
)

__all__ = ["plot_trend", "trend_figure"]

# Line styles per group, beside the marker and grey of ``_group_style``: two outlets
# stay apart on a black-and-white page even where their markers are small.
_LINES = ("-", "--", ":", "-.", (0, (5, 1, 1, 1)), (0, (1, 1)))

# The groups' points are set side by side within a period (this share of its length
# between neighbours), so that their intervals do not hide one another.
_DODGE = 0.18


def plot_trend(
    analysis: Analysis,
    measure: str = ARTICLES,
    *,
    freq: Freq = "W",
    by: str = "outlet",
    min_n: int = 5,
    n_boot: int = 2000,
    level: float = 0.95,
    seed: int = 0,
) -> Figure:
    """One figure per outlet over time: the articles each published per period
    (attention), or the mean of a figure with its bootstrap interval.

    Each outlet has its own line style, marker and grey, so the figure reads in
    greyscale. For a figure other than ``articles``, a large marker with an error bar is
    a period with at least ``min_n`` articles (its ``level`` percentile bootstrap
    interval); a small hollow marker is a period with fewer, its mean described only.
    The line breaks where the outlet has no article in a period; the article counts
    are drawn at 0 there.

    Args:
        analysis: From :func:`framing.analyse`.
        measure: A figure's ``feature`` name as in the comparison table
            (``sent_compound_mean``, ``attr_anonymous_share``, ``frame:conflict``), or
            ``"articles"`` for the articles counted.
        freq: ``"D"``, ``"W"`` (Monday to Sunday), ``"M"`` or ``"Y"``, in UTC; see
            :func:`framing.trend`.
        by: The column whose values get a line each.
        min_n: Fewest articles in a period for an interval.
        n_boot: Bootstrap resamples per interval.
        level: Confidence level of the intervals.
        seed: Seed of the draws.

    Returns:
        The figure; a figure with a sentence instead when no counted article has a date.

    Raises:
        ColumnError: ``by`` is not a column of ``analysis.articles``.
        ArgumentError: ``measure`` is not one of the analysis's figures, or ``freq`` is
            not one of the four.

    Example:
        >>> fig = plot_trend(analysis, "sent_compound_mean", freq="M")  # doctest: +SKIP
        >>> fig.savefig("tone-per-month.png", dpi=200)  # doctest: +SKIP
    """
    require_column(analysis, by, "plot")
    counted = analysis.counted
    if "published" not in counted.columns or counted["published"].isna().all():
        return _message_figure(
            "Over time",
            "No counted article has a published date, so there is no time to chart; load "
            "the corpus with published=COLUMN naming the column that holds the dates.",
        )
    table = trend(
        analysis,
        freq=freq,
        by=by,
        features=[measure],
        min_n=min_n,
        n_boot=n_boot,
        level=level,
        seed=seed,
    )
    return trend_figure(table, measure)


def trend_figure(table: pd.DataFrame, measure: str = ARTICLES) -> Figure:
    """The figure of :func:`plot_trend` from a table :func:`framing.trend` made (the
    report draws several figures from one table)."""
    group = str(table.attrs.get("group_column", "outlet"))
    by = str(table.attrs.get("by", group))
    freq = str(table.attrs.get("freq", "W"))
    min_n = int(table.attrs.get("min_n", 5))
    level = float(table.attrs.get("level", 0.95))
    counts = table[table["feature"] == ARTICLES]
    rows = table[table["feature"] == measure]
    periods = sorted(counts["period"].unique())
    if rows.empty or not periods:
        return _message_figure("Over time", f"No values of {measure!r} in the dated articles.")
    order = sorted(set(counts[group].astype(str)))
    label, unit = str(rows["label"].iloc[0]), str(rows["unit"].iloc[0])
    step = _period_days(periods)
    fig = _figure(3.6 if measure == ARTICLES else 4.0)
    ax = fig.add_subplot()
    handles, labels = [], []
    dense = len(periods) > 40
    for i, name in enumerate(order):
        style = _group_style(i)
        line = _LINES[i % len(_LINES)]
        mine = rows[rows[group].astype(str) == name].set_index("period").reindex(periods)
        offset = pd.Timedelta(days=step * _DODGE * (i - (len(order) - 1) / 2))
        x = pd.DatetimeIndex(periods) + offset
        y = mine["mean"].to_numpy(dtype=float)
        ax.plot(x, y, linestyle=line, color="0.2", linewidth=1.0, zorder=2)
        size = 4 if dense else 6
        # Every mark of the outlet: its marker, outlined in black, without a line.
        mark = {
            "linestyle": "none",
            "marker": style.marker,
            "markeredgecolor": "black",
            "markeredgewidth": 0.6,
        }
        if measure == ARTICLES:
            ax.plot(x, y, markersize=size, markerfacecolor=style.face, **mark)
        else:
            sure = (mine["basis"] == "inferential").to_numpy()
            low = y - mine["ci_low"].to_numpy(dtype=float)
            high = mine["ci_high"].to_numpy(dtype=float) - y
            ax.errorbar(
                x[sure],
                y[sure],
                yerr=np.vstack([low[sure], high[sure]]),
                markersize=size,
                markerfacecolor=style.face,
                ecolor="0.25",
                elinewidth=0.9,
                capsize=2.5,
                zorder=3,
                **mark,
            )
            ax.plot(
                x[~sure], y[~sure], markersize=size * 0.6, markerfacecolor="white", zorder=3, **mark
            )
        n = int(counts.loc[counts[group].astype(str) == name, "n"].sum())
        handles.append(
            Line2D(
                [],
                [],
                linestyle=line,
                color="0.2",
                marker=style.marker,
                markerfacecolor=style.face,
                markeredgecolor="black",
            )
        )
        labels.append(f"{name} (n={n:,})")
    word = FREQ_WORDS.get(freq, freq)
    if measure == ARTICLES:
        ax.set_ylabel(f"articles per {word}")
        ax.set_ylim(bottom=0)
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        title = f"Articles counted per {word}"
    else:
        ax.set_ylabel("mean of the articles")
        title = f"{label[:1].upper()}{label[1:]}, per {word}"
        if unit == "share":
            ax.yaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
        handles += [
            Line2D(
                [], [], linestyle="none", marker="o", markerfacecolor="0.5", markeredgecolor="black"
            ),
            Line2D(
                [],
                [],
                linestyle="none",
                marker="o",
                markersize=3.6,
                markerfacecolor="white",
                markeredgecolor="black",
            ),
        ]
        labels += [f"≥ {min_n} articles: {level * 100:g}% interval", f"< {min_n}: described only"]
    locator = AutoDateLocator()
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(ConciseDateFormatter(locator))
    ax.set_xlabel(freq_word(freq))
    ax.set_title(_wrap(title, FIGURE_WIDTH - 0.5))
    ax.grid(True, axis="y", color="0.9", linewidth=0.6)
    ax.set_axisbelow(True)
    _figure_legend(fig, handles, labels, title=f"{_by_words(by)} (n = articles)", handle_in=0.9)
    return fig


def _period_days(periods: list) -> float:
    """The usual length of a period in days (the smallest gap between two)."""
    if len(periods) < 2:
        return 1.0
    gaps = np.diff(pd.DatetimeIndex(periods).asi8) / 86_400e9
    return float(gaps.min())
