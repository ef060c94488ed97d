"""Figures of how each outlet sounds: hedges against boosters per article
(:func:`plot_hedges_boosters`) and the sentiment of its sentences (:func:`plot_sentiment`)."""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure
from matplotlib.legend_handler import HandlerTuple

from ..analysis import Analysis
from ._plot_style import (
    _by_words,
    _figure,
    _figure_legend,
    _group_style,
    _groups,
    _label,
    _message_figure,
    _missing_feature,
    _order,
)

__all__ = ["plot_hedges_boosters", "plot_sentiment"]


# Sentences cluster at exactly 0 in VADER, so the jitter has to be reproducible for a
# figure in a paper to be regenerated identically.
_JITTER_SEED = 0


def plot_hedges_boosters(analysis: Analysis, by: str = "outlet") -> Figure:
    """How cautious or emphatic each article is: hedges against boosters per 1,000 words.

    One small marker per counted article at (``hedge_per_1k_words``,
    ``booster_per_1k_words``): hedges ("may", "reportedly", "about") soften a claim,
    boosters ("clearly", "definitely") strengthen it (Hyland 2005). Each outlet has its
    own marker shape and grey; a large hollow marker with a thick outline is the outlet's
    mean (hollow, so two close means both stay visible). Right = more hedged, up = more
    boosted.

    Args:
        analysis: From :func:`framing.analyse`.
        by: The column of ``analysis.articles`` whose values get a marker each.

    Returns:
        The figure; a figure with a sentence instead when no counted article has words.

    Raises:
        ColumnError: ``by`` is not a column of ``analysis.articles``.

    Example:
        >>> plot_hedges_boosters(analysis, by="story")  # doctest: +SKIP
    """
    title = "Hedges and boosters per article"
    columns = ["hedge_per_1k_words", "booster_per_1k_words"]
    groups = _groups(analysis, by)
    if not set(columns) <= set(analysis.articles.columns):
        return _missing_feature(title, "hedging")
    data = groups.merge(analysis.articles[["doc_id", *columns]], on="doc_id").dropna(subset=columns)
    if data.empty:
        return _message_figure(title, "No counted article has words to count hedges in.")
    order = _order(groups)
    fig = _figure(4.8)
    ax = fig.add_subplot()
    # Many articles overlap at zero boosters; partly transparent faces show the pile-up.
    alpha = 0.85 if len(data) <= 60 else 0.55
    handles, labels = [], []
    for i, name in enumerate(order):
        rows = data[data["group"] == name]
        style = _group_style(i)
        common = {"marker": style.marker, "facecolor": style.face, "edgecolor": "black"}
        small = ax.scatter(
            rows[columns[0]], rows[columns[1]], s=26, linewidths=0.5, alpha=alpha, **common
        )
        if rows.empty:
            continue
        # Hollow, so that two outlets with close means do not hide each other, over a
        # white halo that lifts it off the cloud of articles.
        ax.scatter(
            [rows[columns[0]].mean()],
            [rows[columns[1]].mean()],
            s=170,
            marker=style.marker,
            facecolor="none",
            edgecolor="white",
            linewidths=5.0,
            zorder=3,
        )
        big = ax.scatter(
            [rows[columns[0]].mean()],
            [rows[columns[1]].mean()],
            s=170,
            marker=style.marker,
            facecolor="none",
            edgecolor="black",
            linewidths=2.0,
            zorder=4,
        )
        handles.append((small, big))
        labels.append(_label(name, len(rows)))
    ax.set_xlabel("hedges per 1,000 words")
    ax.set_ylabel("boosters per 1,000 words")
    ax.set_title(title)
    ax.grid(True, color="0.9", linewidth=0.6)
    ax.set_axisbelow(True)
    _figure_legend(
        fig,
        handles,
        labels,
        title=f"{_by_words(by)} (n = articles); small: article, large: mean",
        handle_in=1.0,
        handler_map={tuple: HandlerTuple(ndivide=None, pad=0.6)},
    )
    return fig


def plot_sentiment(analysis: Analysis, by: str = "outlet") -> Figure:
    """How positive or negative each outlet's sentences are: VADER compound, per sentence.

    For each outlet, a box plot (median, quartiles, whiskers at 1.5 IQR) of the VADER
    compound score of every sentence of its counted articles (Hutto & Gilbert 2014; -1 =
    most negative, +1 = most positive, 0 = neutral), with every sentence as a jittered
    point below its box. The jitter is seeded, so the figure is the same on every run.

    Args:
        analysis: From :func:`framing.analyse`.
        by: The column of ``analysis.articles`` whose values get a box each.

    Returns:
        The figure; a figure with a sentence instead when there are no scored sentences.

    Raises:
        ColumnError: ``by`` is not a column of ``analysis.articles``.

    Example:
        >>> plot_sentiment(analysis).savefig("sentiment.png", dpi=200)  # doctest: +SKIP
    """
    title = "Sentence sentiment (VADER compound score)"
    groups = _groups(analysis, by)
    if "sent_compound" not in analysis.sentences.columns:
        return _missing_feature(title, "sentiment")
    data = groups.merge(analysis.sentences[["doc_id", "sent_compound"]], on="doc_id").dropna(
        subset=["sent_compound"]
    )
    if data.empty:
        return _message_figure(title, "No scored sentences in the counted articles.")
    order = _order(groups)
    values = [data.loc[data["group"] == g, "sent_compound"].to_numpy(float) for g in order]
    fig = _figure(1.5 + 0.75 * len(order))
    ax = fig.add_subplot()
    ax.axvline(0, color="0.5", linewidth=0.8, linestyle="--", zorder=0)
    rng = np.random.default_rng(_JITTER_SEED)
    y = np.arange(len(order), dtype=float)
    # The box sits above its points (raincloud style) so a dense cloud cannot hide the
    # median line; with the y axis inverted "above" is a smaller y.
    for i, (yi, x) in enumerate(zip(y, values, strict=True)):
        style = _group_style(i)
        ax.scatter(
            x,
            yi + rng.uniform(0.02, 0.4, size=len(x)),
            s=7,
            marker=style.marker,
            facecolor=style.face,
            edgecolor="0.2",
            linewidths=0.3,
            alpha=0.8 if len(x) <= 500 else 0.3,
            rasterized=len(x) > 500,  # keeps a PDF light with thousands of points
        )
    kept = [i for i, x in enumerate(values) if len(x)]
    ax.boxplot(
        [values[i] for i in kept],
        positions=y[kept] - 0.18,
        orientation="horizontal",
        widths=0.26,
        showfliers=False,
        patch_artist=True,
        boxprops={"facecolor": "white", "edgecolor": "black", "linewidth": 1.0},
        medianprops={"color": "black", "linewidth": 2.0},
        whiskerprops={"linewidth": 1.0},
        capprops={"linewidth": 1.0},
        manage_ticks=False,
    )
    ax.set_yticks(y, [_label(g, len(x)) for g, x in zip(order, values, strict=True)])
    ax.set_ylim(len(order) - 0.45, -0.5)
    ax.set_xlim(-1.05, 1.05)
    ax.set_xlabel("compound score (-1 most negative, +1 most positive)")
    ax.set_ylabel(f"{_by_words(by)} (n = sentences)")
    ax.set_title(title)
    return fig
