"""Step 6 of the flow: figures that set outlets side by side, for notebooks and papers.

Each function takes an :class:`~framing.Analysis` and returns a
:class:`matplotlib.figure.Figure` built directly, not through ``pyplot``: a notebook shows
it once, nothing changes pyplot's global state, and ``fig.savefig("x.pdf")`` writes it.
Only the articles counted in comparisons take part (``analysis.counted``: one per version
group and outlet), so a syndicated copy does not count twice.

The figures are meant to survive black-and-white printing: groups (outlets, by default)
differ by marker shape, grey level and hatching, never by colour alone, and keep the same
style and the same order (sorted names) in every figure. They are about 6.5 inches wide,
the text width of a one-column paper page. When there is nothing to draw (no attributions
in the counted articles, no angles scored) a figure still comes back, with a sentence
saying why, so a notebook or a report run does not stop.
"""

from __future__ import annotations

import io
import math
import textwrap
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.legend_handler import HandlerTuple
from matplotlib.patches import Patch, Rectangle
from matplotlib.ticker import MaxNLocator, PercentFormatter

from ..analysis import Analysis, require_column
from ..comparison import align_sentences, distinctive_words
from ..errors import ArgumentError
from ._labels import ArticleNames, story_labels

__all__ = [
    "plot_actor_prominence",
    "plot_distinctive_words",
    "plot_emphasis",
    "plot_hedges_boosters",
    "plot_sentiment",
    "plot_source_mix",
    "plot_story_map",
]

#: Figure width in inches: the text width of a one-column page (A4 or US letter).
FIGURE_WIDTH = 6.5
#: The source types of ``analysis.attributions``, in the order the bars stack.
SOURCE_TYPES = ("person", "organisation", "anonymous", "media")

EmphasisKind = Literal["frame", "angle"]

# Small print for text inside the plot area (cells, bar segments), where the default
# size would not fit.
_SMALL = 8
# Sentences cluster at exactly 0 in VADER, so the jitter has to be reproducible for a
# figure in a paper to be regenerated identically.
_JITTER_SEED = 0
# About how wide a character of the default font is, as a share of its size; used to
# wrap labels before drawing, since matplotlib does not wrap tick labels itself.
_CHAR_WIDTH = 0.6


@dataclass(frozen=True)
class _Style:
    """How one group (outlet) is drawn, so it reads in greyscale."""

    marker: str
    face: str
    hatch: str


# Greys far enough apart to tell in print, each paired with its own hatch and marker: a
# pattern survives a photocopier that flattens two close greys into one.
_GROUP_FACES = ("0.25", "0.65", "white", "0.85", "0.45", "white")
_GROUP_HATCHES = ("", "////", "....", "xxx", "\\\\\\\\", "++")
_GROUP_MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*")

# Source types keep their own styles: they are categories, not groups.
_SOURCE_STYLES = {
    "person": _Style("s", "0.2", ""),
    "organisation": _Style("s", "0.6", "////"),
    "anonymous": _Style("s", "white", "...."),
    "media": _Style("s", "0.85", "xxx"),
}
_OTHER_SOURCE = _Style("s", "white", "")

# The story map's cells: dark = only this outlet says it, light = another outlet says it
# too, hatched white = no content word to compare.
UNIQUE_FACE = "0.15"
SHARED_FACE = "0.8"
NO_CONTENT_FACE = "white"
NOT_COMPARED_FACE = "0.55"


def _group_style(index: int) -> _Style:
    return _Style(
        _GROUP_MARKERS[index % len(_GROUP_MARKERS)],
        _GROUP_FACES[index % len(_GROUP_FACES)],
        _GROUP_HATCHES[index % len(_GROUP_HATCHES)],
    )


def _groups(analysis: Analysis, by: str) -> pd.DataFrame:
    """The counted articles with a value in ``by``: columns ``doc_id`` and ``group``."""
    require_column(analysis, by, "plot")
    counted = analysis.counted
    keep = counted[by].notna()
    return pd.DataFrame(
        {
            "doc_id": counted.loc[keep, "doc_id"].to_numpy(),
            "group": counted.loc[keep, by].astype(str).to_numpy(),
        }
    )


def _order(groups: pd.DataFrame) -> list[str]:
    """Sorted group names: the same order (and so the same styles) in every figure."""
    return sorted(set(groups["group"]))


def _label(name: str, n: int) -> str:
    return f"{name} (n={n:,})"


def _articles(n: int) -> str:
    return f"{n:,} counted article{'' if n == 1 else 's'}"


def _by_words(by: str) -> str:
    return by.replace("_", " ")


def _wrap(text: str, width_in: float, size: float = 10.0) -> str:
    """Wrap ``text`` to fit about ``width_in`` inches at font ``size`` points."""
    chars = max(6, int(width_in * 72 / (size * _CHAR_WIDTH)))
    return "\n".join(textwrap.wrap(text, chars, break_on_hyphens=True)) or text


def _table(analysis: Analysis, name: str) -> pd.DataFrame | None:
    return analysis.spans.get(name)


class PlotFigure(Figure):
    """A matplotlib Figure that Jupyter shows as a picture by itself.

    Made without pyplot, a figure would reach a fresh kernel as the text
    ``<Figure size … with 1 Axes>`` until pyplot's inline backend happened to be set up;
    ``_repr_png_`` is IPython's own protocol for rich display and needs nothing global.
    """

    def _repr_png_(self) -> bytes:
        buffer = io.BytesIO()
        self.savefig(buffer, format="png", dpi=110, bbox_inches="tight", facecolor="white")
        return buffer.getvalue()


def _figure(height: float, width: float = FIGURE_WIDTH) -> Figure:
    # Constrained layout moves labels, legends and titles apart instead of letting them
    # overlap; the figure is made without pyplot so nothing global is touched.
    return PlotFigure(figsize=(width, height), layout="constrained")


def _message_figure(title: str, message: str) -> Figure:
    """A small figure that says why there is nothing to draw."""
    fig = _figure(1.8)
    ax = fig.add_subplot()
    ax.set_axis_off()
    ax.set_title(title)
    ax.text(0.5, 0.5, _wrap(message, FIGURE_WIDTH - 0.8), ha="center", va="center")
    return fig


def _missing_feature(title: str, feature: str) -> Figure:
    return _message_figure(
        title,
        f"The {feature} feature did not run, so there is nothing to plot; run "
        f"framing.analyse() without features= or with {feature!r} among them.",
    )


def _legend_columns(labels: Sequence[str], handle_in: float = 0.7) -> int:
    """As many legend columns as fit across the figure, each ``handle_in`` + its text."""
    room = FIGURE_WIDTH - 0.3
    widths = [len(s) * 10 * _CHAR_WIDTH / 72 + handle_in for s in labels]
    # Each legend column is as wide as its widest entry: one row needs only the sum.
    if sum(widths) <= room:
        return max(1, len(labels))
    return max(1, min(len(labels), int(room // max(widths))))


def _figure_legend(
    fig: Figure,
    handles: Sequence[Any],
    labels: Sequence[str],
    handle_in: float = 0.7,
    **kwargs: Any,
) -> None:
    fig.legend(
        handles,
        labels,
        loc="outside lower center",
        ncol=_legend_columns(labels, handle_in),
        frameon=False,
        **kwargs,
    )


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


def plot_distinctive_words(
    analysis: Analysis, by: str = "outlet", top: int = 10, **kwargs: Any
) -> Figure:
    """The words each outlet uses more than the others, one panel per outlet.

    Bars are the ``z`` of :func:`framing.distinctive_words` (the log-odds ratio with an
    informative Dirichlet prior over its standard error, Monroe et al. 2008; higher = more
    typical of the outlet; the dotted line is 1.96, the paper's rough yardstick, not a
    test), or the signed G² with ``method="g2"``. The panels share their x axis.

    Args:
        analysis: From :func:`framing.analyse`.
        by: The column of ``analysis.articles`` whose values get a panel each.
        top: Words per panel.
        **kwargs: Passed to :func:`framing.distinctive_words` (``method``,
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
            "call framing.distinctive_words(analysis, within=...) for the table"
        )
    title = "Distinctive words"
    groups = _groups(analysis, by)
    order = _order(groups)
    if len(order) < 2:
        return _message_figure(
            title, f"Distinctive words need two or more {_by_words(by)} values; found {len(order)}."
        )
    words = distinctive_words(analysis, by=by, top=top, **kwargs)
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


#: Articles without a story label beyond which they are not aligned as one story for a
#: figure or a report: so many are several stories, and comparing every sentence with
#: every other would take minutes (5,000 short articles: 3 minutes) for a map no one
#: could read.
UNLABELLED_MAX = 200


def story_alignment(analysis: Analysis, stories: Sequence[Any]) -> pd.DataFrame:
    """The alignment of the given stories only (``None``: the unlabelled articles): the
    analysis's own where it has been computed already, else each story aligned once and
    kept on the analysis (the report's articles and its story map share them)."""
    if "_alignment" in analysis.__dict__:
        alignment = align_sentences(analysis)
        wanted = {s for s in stories if s is not None}
        keep = alignment["story"].isin(wanted)
        if None in stories:
            keep |= alignment["story"].isna()
        return alignment[keep]
    kept: dict[Any, pd.DataFrame] = analysis.__dict__.setdefault("_story_alignments", {})
    missing = [s for s in dict.fromkeys(stories) if s not in kept]
    if missing:
        found = align_sentences(analysis, stories=missing)
        key = found["story"].astype(object).where(found["story"].notna(), None)
        for story in missing:
            rows = found[key.isna()] if story is None else found[key == story]
            kept[story] = rows.reset_index(drop=True)
    return pd.concat([kept[s] for s in dict.fromkeys(stories)], ignore_index=True)


def _choose_story(counted: pd.DataFrame, story: str | None) -> tuple[pd.DataFrame, str]:
    """The counted articles of one story and the story's name for the title."""
    labelled = counted[counted["story"].notna()]
    if labelled.empty:
        if story is not None:
            raise ArgumentError(
                f"story={story!r}, but no article has a story label; call "
                "plot_story_map(analysis) to map every article as one story, or load the "
                "corpus with framing.load_corpus(..., story='<column>')"
            )
        return counted, "all articles (no story labels)"
    names = labelled["story"].astype(str)
    if story is None:
        outlets = labelled.groupby(names)["outlet"].nunique().sort_index()
        story = str(outlets.idxmax())  # idxmax keeps the first of equal maxima
    elif str(story) not in set(names):
        available = sorted(set(names))
        shown = ", ".join(map(repr, available[:10]))
        more = f" and {len(available) - 10} more" if len(available) > 10 else ""
        raise ArgumentError(
            f"story={story!r} is not a story of the counted articles; the stories are "
            f"{shown}{more}. Pass one of those, or story=None for the one most outlets cover"
        )
    chosen = labelled[names == str(story)]
    return chosen, story_labels(chosen, [story])[str(story)]


def plot_story_map(analysis: Analysis, story: str | None = None) -> Figure:
    """Which sentences of one story each outlet alone reports: one column per article.

    Each counted article of the story is a column (outlets in sorted order), each of its
    sentences a cell from top (first sentence) to bottom. A dark cell is unique to its
    outlet (``analysis.alignment``: no sentence of another outlet's article on the story
    scores 0.2 or more against it), a light cell is reported by another outlet too, and a
    hatched white cell has no content word to compare. The column label gives the outlet,
    the ``doc_id`` and the share of unique sentences among those with content words.

    Args:
        analysis: From :func:`framing.analyse`.
        story: A value of the ``story`` column. By default the story covered by the most
            outlets (the first in sorted order among equals); when no article has a
            story label, every counted article is mapped as one story.

    Returns:
        The figure; a figure with a sentence instead when only one outlet covers the
        story (nothing to compare with).

    Raises:
        ArgumentError: ``story`` is not a story of the counted articles (the message
            names them).

    Example:
        >>> plot_story_map(analysis, story="marrowick-ammonia-leak")  # doctest: +SKIP
    """
    articles, name = _choose_story(analysis.counted, story)
    title = "Sentences only one outlet reports\n" + _wrap(f"story: {name}", FIGURE_WIDTH - 0.5, 11)
    labelled = "story" in articles.columns and articles["story"].notna().any()
    if not labelled and len(articles) > UNLABELLED_MAX:
        return _message_figure(
            title,
            f"The {len(articles):,} articles have no story labels: they are several stories, "
            "and a map compares the articles of one. Load the corpus with "
            "load_corpus(..., story='<column>') (CLI: --field story=<column>).",
        )
    key = articles["story"].iloc[0] if labelled else None
    alignment = story_alignment(analysis, [key])
    cells = alignment[alignment["doc_id"].isin(set(articles["doc_id"]))]
    if cells.empty:
        return _message_figure(title, "No sentences of the story were aligned.")
    if not cells["compared"].any():
        return _message_figure(
            title,
            "Only one outlet covers this story: its sentences have nothing to be compared with.",
        )
    columns = articles.assign(outlet=articles["outlet"].astype(str)).sort_values(
        ["outlet", "doc_id"]
    )
    longest = int(cells.groupby("doc_id").size().max())
    # Each column is named by its outlet and date (the id where there is no date, or
    # where one outlet has two articles of the story on one day).
    dates = ArticleNames(columns)
    heads = [(o, dates.date(d)) for d, o in zip(columns["doc_id"], columns["outlet"], strict=True)]
    seen = Counter(heads)
    fig = _figure(min(9.0, max(3.6, 2.2 + 0.11 * longest)))
    ax = fig.add_subplot()
    not_compared = False
    labels = []
    column_in = (FIGURE_WIDTH - 0.9) / len(columns)
    for x, (doc_id, outlet) in enumerate(zip(columns["doc_id"], columns["outlet"], strict=True)):
        mine = cells[cells["doc_id"] == doc_id].sort_values("sentence")
        for sentence, unique, compared in zip(
            mine["sentence"], mine["unique"], mine["compared"], strict=True
        ):
            if not compared:
                face, hatch, not_compared = NOT_COMPARED_FACE, "", True
            elif pd.isna(unique):
                face, hatch = NO_CONTENT_FACE, "////"
            else:
                face, hatch = (UNIQUE_FACE if unique else SHARED_FACE), ""
            ax.add_patch(
                Rectangle(
                    (x - 0.42, sentence - 0.5),
                    0.84,
                    1.0,
                    facecolor=face,
                    hatch=hatch,
                    edgecolor="0.45" if hatch else "white",
                    linewidth=0.5,
                )
            )
        share = mine.loc[mine["compared"], "unique"].astype("Float64").mean()
        summary = "" if pd.isna(share) else f"\n{share:.0%} unique"
        date = dates.date(doc_id)
        second = date if date and seen[(outlet, date)] == 1 else str(doc_id)
        label = _wrap(outlet, column_in, _SMALL) + "\n" + _wrap(second, column_in, _SMALL)
        labels.append(label + summary)
    ax.set_xlim(-0.5, len(columns) - 0.5)
    ax.set_ylim(longest - 0.5, -0.5)
    ax.xaxis.tick_top()
    ax.set_xticks(range(len(columns)), labels, fontsize=_SMALL)
    ax.tick_params(axis="x", length=0)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_ylabel("sentence (0 = first)")
    for spine in ax.spines.values():
        spine.set_visible(False)
    ax.set_title(title)
    handles = [
        Patch(facecolor=UNIQUE_FACE, edgecolor="black", linewidth=0.5),
        Patch(facecolor=SHARED_FACE, edgecolor="black", linewidth=0.5),
        Patch(facecolor=NO_CONTENT_FACE, hatch="////", edgecolor="0.45", linewidth=0.5),
    ]
    legend = ["unique to the outlet", "another outlet says it too", "no content words"]
    if not_compared:
        handles.append(Patch(facecolor=NOT_COMPARED_FACE, edgecolor="black", linewidth=0.5))
        legend.append("not compared (no other outlet)")
    _figure_legend(fig, handles, legend)
    return fig
