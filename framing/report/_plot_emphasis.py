"""Figures of what each outlet stresses: frames or angles weighted by position
(:func:`plot_emphasis`) and the words it uses more than the others
(:func:`plot_distinctive_words`)."""

from __future__ import annotations

import math
from typing import Any, Literal

import numpy as np
from matplotlib.figure import Figure
from matplotlib.ticker import PercentFormatter

from ..analysis import Analysis
from ..comparison import find_distinctive_words
from ..errors import ArgumentError
from ._plot_style import (
    FIGURE_WIDTH,
    _articles,
    _by_words,
    _figure,
    _figure_legend,
    _group_style,
    _groups,
    _label,
    _message_figure,
    _missing_feature,
    _order,
    _table,
    _wrap,
)

__all__ = ["plot_distinctive_words", "plot_emphasis"]


EmphasisKind = Literal["frame", "angle"]


def plot_emphasis(analysis: Analysis, kind: EmphasisKind = "frame", by: str = "outlet") -> Figure:
    """What each outlet puts first: position-weighted emphasis of frames or angles.

    Left panel: for each frame (Semetko & Valkenburg 2000) or researcher's angle, the mean
    over the outlet's counted articles of ``weighted_share``, the frame's share of the
    article's position-weighted cues (a cue in the headline or lede weighs 1, one in
    sentence *i* after the lede 1/(1 + *i*)); higher = more emphasised. Right panel: the
    mean ``lede_share``, the share of the frame's cues that are in the headline or lede,
    over the articles that use the frame at all (no bar: no article uses it).

    Args:
        analysis: From :func:`framing.analyse`.
        kind: ``"frame"`` for the five generic frames, ``"angle"`` for the angles of the
            file given to ``framing.analyse(..., angles=...)``.
        by: The column of ``analysis.articles`` whose values get a bar each.

    Returns:
        The figure; with ``kind="angle"`` and no angles scored, a figure that says so.

    Raises:
        ColumnError: ``by`` is not a column of ``analysis.articles``.
        ArgumentError: ``kind`` is neither ``"frame"`` nor ``"angle"``.

    Example:
        >>> plot_emphasis(analysis, kind="angle")  # doctest: +SKIP
    """
    if kind not in ("frame", "angle"):
        raise ArgumentError(f"kind={kind!r}; use 'frame' or 'angle'")
    title = f"Emphasis by {kind}: what comes first"
    groups = _groups(analysis, by)
    table = _table(analysis, "emphasis")
    if table is None:
        return _missing_feature(title, "emphasis")
    if kind == "angle" and not (table["kind"] == "angle").any():
        return _message_figure(title, "no angles file given (analyse(..., angles=...))")
    rows = table[table["kind"] == kind].merge(groups, on="doc_id")
    if rows.empty or not rows["n"].any():
        return _message_figure(title, f"No {kind} cues in the {_articles(len(groups))}.")
    order = _order(groups)
    names = list(dict.fromkeys(rows["name"]))  # the lexicon's (or angles file's) order
    means = rows.groupby(["name", "group"])[["weighted_share", "lede_share"]].mean()
    n_articles = groups.groupby("group").size()

    bar = 0.8 / len(order)
    fig = _figure(1.7 + len(names) * (0.14 * len(order) + 0.12))
    left, right = fig.subplots(1, 2, sharey=True, width_ratios=(3, 2))
    y = np.arange(len(names))
    for i, group in enumerate(order):
        style = _group_style(i)
        offsets = y - 0.4 + bar * (i + 0.5)
        for ax, column in ((left, "weighted_share"), (right, "lede_share")):
            values = [
                means[column].get((name, group), np.nan) for name in names
            ]  # a group with no articles in this kind has no row
            ax.barh(
                offsets,
                values,
                height=bar,
                color=style.face,
                hatch=style.hatch,
                edgecolor="black",
                linewidth=0.5,
                label=_label(group, int(n_articles.get(group, 0))),
            )
    left.set_yticks(y, [n.replace("_", " ") for n in names])
    left.set_ylim(len(names) - 0.5, -0.5)
    left.set_xlim(left=0)
    left.set_xlabel("mean position-weighted share\nof the article's cues")
    right.set_xlabel("mean share of the cues\nin headline or lede")
    right.set_xlim(0, 1)
    for ax in (left, right):
        ax.xaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
        ax.grid(True, axis="x", color="0.9", linewidth=0.6)
        ax.set_axisbelow(True)
    right.tick_params(axis="y", length=0)
    fig.suptitle(title)
    handles, labels = left.get_legend_handles_labels()
    _figure_legend(fig, handles, labels, title=f"{_by_words(by)} (n = articles)")
    return fig


def plot_distinctive_words(
    analysis: Analysis, by: str = "outlet", top: int = 10, **kwargs: Any
) -> Figure:
    """The words each outlet uses more than the others, one panel per outlet.

    Bars are the ``z`` of :func:`framing.find_distinctive_words` (the log-odds ratio with an
    informative Dirichlet prior over its standard error, Monroe et al. 2008; higher = more
    typical of the outlet; the dotted line is 1.96, the paper's rough yardstick, not a
    test), or the signed G² with ``method="g2"``. The panels share their x axis.

    Args:
        analysis: From :func:`framing.analyse`.
        by: The column of ``analysis.articles`` whose values get a panel each.
        top: Words per panel.
        **kwargs: Passed to :func:`framing.find_distinctive_words` (``method``,
            ``min_count``, ``stop_words``, ...); not ``within``.

    Returns:
        The figure; a figure with a sentence instead when fewer than two groups have
        counted articles.

    Raises:
        ColumnError: ``by`` is not a column of ``analysis.articles``.
        ArgumentError: ``within`` is passed (it gives several rankings per group).

    Example:
        >>> plot_distinctive_words(analysis, top=8, min_count=3)  # doctest: +SKIP
    """
    if kwargs.get("within") is not None:
        raise ArgumentError(
            "plot_distinctive_words draws one ranking per group and cannot take within=; "
            "call framing.find_distinctive_words(analysis, within=...) for the table"
        )
    title = "Distinctive words"
    groups = _groups(analysis, by)
    order = _order(groups)
    if len(order) < 2:
        return _message_figure(
            title, f"Distinctive words need two or more {_by_words(by)} values; found {len(order)}."
        )
    words = find_distinctive_words(analysis, by=by, top=top, **kwargs)
    if words.empty:
        return _message_figure(title, "No word passes min_count in the counted articles.")
    score = "z" if "z" in words.columns else "g2"
    axis_label = "z of log-odds (Monroe et al. 2008)" if score == "z" else "signed G² (Dunning)"
    words = words.assign(group=words["group"].astype(str))

    ncols = min(len(order), 3)
    nrows = math.ceil(len(order) / ncols)
    fig = _figure(nrows * (0.8 + 0.2 * top) + 0.4)
    axes = fig.subplots(nrows, ncols, sharex=True, squeeze=False).ravel()
    panel_in = FIGURE_WIDTH / ncols
    for i, (ax, group) in enumerate(zip(axes, order, strict=False)):
        rows = words[words["group"] == group]
        style = _group_style(i)
        ax.barh(
            np.arange(len(rows)),
            rows[score],
            height=0.7,
            color=style.face,
            hatch=style.hatch,
            edgecolor="black",
            linewidth=0.5,
        )
        ax.set_yticks(np.arange(len(rows)), rows["word"])
        ax.set_ylim(top - 0.5, -0.5)
        ax.axvline(0, color="black", linewidth=0.6)
        if score == "z":
            ax.axvline(1.96, color="0.4", linewidth=0.8, linestyle=":")
        if rows.empty:
            ax.text(0.5, 0.5, "no words", transform=ax.transAxes, ha="center", style="italic")
        # The word labels take about 0.9 in of the panel; the title has the rest.
        ax.set_title(_wrap(group, panel_in - 0.9, 10), fontsize=10)
        ax.tick_params(axis="y", labelsize=9)
    for ax in axes[len(order) :]:
        ax.set_axis_off()
    fig.supxlabel(axis_label, fontsize=10)
    fig.suptitle(f"{title} by {_by_words(by)} (top {top})")
    return fig
