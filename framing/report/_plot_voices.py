"""Figures of who speaks and who is put forward: each outlet's attributions by source
type (:func:`plot_source_mix`) and its most prominent actors (:func:`plot_actor_prominence`)."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import PercentFormatter

from ..analysis import Analysis
from ..errors import ArgumentError
from ..features.attribution import SOURCE_TYPES
from ._plot_style import (
    _SMALL,
    FIGURE_WIDTH,
    _articles,
    _by_words,
    _figure,
    _figure_legend,
    _groups,
    _label,
    _message_figure,
    _missing_feature,
    _order,
    _Style,
    _table,
    _wrap,
)

__all__ = ["plot_actor_prominence", "plot_source_mix"]


#: The source types of ``analysis.attributions``, in the order the bars stack.


# Source types keep their own styles: they are categories, not groups.
_SOURCE_STYLES = {
    "person": _Style("s", "0.2", ""),
    "organisation": _Style("s", "0.6", "////"),
    "anonymous": _Style("s", "white", "...."),
    "media": _Style("s", "0.85", "xxx"),
}
_OTHER_SOURCE = _Style("s", "white", "")


def plot_source_mix(analysis: Analysis, by: str = "outlet") -> Figure:
    """Who each outlet lets speak: its attributions by source type, as 100% bars.

    One horizontal bar per outlet, split into the shares of its attributions whose
    source is a named person, an organisation, an anonymous source ("officials said") or
    another media outlet (see the README's attribution section). Shares of 8% or more are
    printed on the bar. The label gives the number of attributions the shares are of.

    Args:
        analysis: From :func:`framing.analyse`.
        by: The column of ``analysis.articles`` whose values get a bar each.

    Returns:
        The figure; a figure with a sentence instead when the counted articles have no
        attributions.

    Raises:
        ColumnError: ``by`` is not a column of ``analysis.articles``.

    Example:
        >>> plot_source_mix(analysis).savefig("sources.pdf")  # doctest: +SKIP
    """
    title = "Who is cited: attributions by source type"
    groups = _groups(analysis, by)
    spans = _table(analysis, "attributions")
    if spans is None:
        return _missing_feature(title, "attribution")
    spans = spans.merge(groups, on="doc_id")
    if spans.empty:
        return _message_figure(
            title, f"No attributions in the {_articles(len(groups))}: nothing to plot."
        )
    order = _order(groups)
    kinds = spans["source_type"].fillna("other").astype(str)
    types = [*SOURCE_TYPES, *sorted(set(kinds) - set(SOURCE_TYPES))]
    counts = pd.crosstab(spans["group"], kinds).reindex(index=order, columns=types, fill_value=0)
    totals = counts.sum(axis=1)
    shares = counts.div(totals.where(totals > 0), axis=0).fillna(0.0)

    fig = _figure(1.4 + 0.45 * len(order))
    ax = fig.add_subplot()
    y = np.arange(len(order))
    left = np.zeros(len(order))
    for kind in types:
        style = _SOURCE_STYLES.get(kind, _OTHER_SOURCE)
        width = shares[kind].to_numpy()
        ax.barh(
            y,
            width,
            left=left,
            height=0.6,
            color=style.face,
            hatch=style.hatch,
            edgecolor="black",
            linewidth=0.6,
            label=kind,
        )
        dark = kind == "person"  # the one solid dark fill: white text reads on it
        for yi, x0, w in zip(y, left, width, strict=True):
            if w >= 0.08:  # narrower segments cannot hold "100%" at this size
                ax.text(
                    x0 + w / 2,
                    yi,
                    f"{w:.0%}",
                    ha="center",
                    va="center",
                    fontsize=_SMALL,
                    color="white" if dark else "black",
                    # A white box keeps the number legible over hatching.
                    bbox=None if dark else {"boxstyle": "round,pad=0.15", "fc": "white", "lw": 0},
                )
        left += width
    for yi, total in zip(y, totals, strict=True):
        if total == 0:
            ax.text(0.01, yi, "no attributions", va="center", fontsize=_SMALL, style="italic")
    ax.set_yticks(y, [_label(g, int(totals[g])) for g in order])
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.xaxis.set_major_formatter(PercentFormatter(1.0))
    ax.set_xlabel(f"share of the {_by_words(by)}'s attributions (n = attributions)")
    ax.set_title(title)
    handles, labels = ax.get_legend_handles_labels()
    _figure_legend(fig, handles, labels, title="source type")
    return fig


def plot_actor_prominence(analysis: Analysis, by: str = "outlet", top: int = 10) -> Figure:
    """Who each outlet puts forward: mean position-weighted mentions of the top actors.

    The ``top`` actors by total ``weighted`` prominence over the counted articles (a
    mention in the headline or lede weighs 1, one in sentence *i* after the lede
    1/(1 + *i*)), as a heatmap of actors (rows, most prominent first) by outlet (columns):
    each cell is the actor's summed weight over the outlet's counted articles divided by
    the number of those articles, so an article that never names the actor counts as 0.
    Darker = more prominent; the number is printed in each cell.

    Args:
        analysis: From :func:`framing.analyse` (pass ``aliases=`` to merge the names an
            actor goes by across outlets).
        by: The column of ``analysis.articles`` whose values get a column each.
        top: How many actors to show.

    Returns:
        The figure; a figure with a sentence instead when no actor is found.

    Raises:
        ColumnError: ``by`` is not a column of ``analysis.articles``.
        ArgumentError: ``top`` is below 1.

    Example:
        >>> plot_actor_prominence(analysis, top=15)  # doctest: +SKIP
    """
    if top < 1:
        raise ArgumentError(f"top={top!r}; show at least 1 actor")
    title = "Most prominent actors"
    groups = _groups(analysis, by)
    table = _table(analysis, "actors")
    if table is None:
        return _missing_feature(title, "actors")
    rows = table.merge(groups, on="doc_id")
    if rows.empty:
        return _message_figure(title, "No actors found in the counted articles.")
    order = _order(groups)
    totals = rows.groupby("actor")["weighted"].sum()
    # Ties broken by name so the same actors come out on every run.
    ranked = sorted(totals.items(), key=lambda item: (-item[1], item[0]))[:top]
    actors = [name for name, _ in ranked]
    sums = rows.pivot_table(index="actor", columns="group", values="weighted", aggfunc="sum")
    n_articles = groups.groupby("group").size().reindex(order)
    matrix = sums.reindex(index=actors, columns=order).fillna(0.0) / n_articles

    fig = _figure(1.9 + 0.3 * len(actors))
    ax = fig.add_subplot()
    peak = float(matrix.to_numpy().max()) or 1.0
    image = ax.imshow(matrix.to_numpy(), cmap="Greys", vmin=0, vmax=peak, aspect="auto")
    for (r, c), value in np.ndenumerate(matrix.to_numpy()):
        ax.text(
            c,
            r,
            f"{value:.2f}",
            ha="center",
            va="center",
            fontsize=_SMALL,
            # Greys runs white to black: past the middle, white text keeps its contrast.
            color="white" if value > peak / 2 else "black",
        )
    column_in = (FIGURE_WIDTH - 3.2) / len(order)
    ax.set_xticks(
        range(len(order)),
        [_wrap(_label(g, int(n_articles[g])), column_in, 9) for g in order],
        fontsize=9,
    )
    ax.set_yticks(range(len(actors)), actors)
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    ax.set_xlabel(f"{_by_words(by)} (n = counted articles)")
    ax.set_title(f"{title} (top {len(actors)})")
    bar = fig.colorbar(image, ax=ax, shrink=0.9, pad=0.02)
    bar.set_label("mean position-weighted mentions per article")
    return fig
