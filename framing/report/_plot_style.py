"""Step 6 of the flow: figures that set outlets side by side, for notebooks and papers.

This module holds what the figures share: their width, the greyscale styles of the
groups, the counted articles by group, labels and wrapping, legends, and the figure
that says why there is nothing to draw. The figures themselves are in ``_plot_voices``
(source mix, actor prominence), ``_plot_tone`` (hedges and boosters, sentiment),
``_plot_emphasis`` (frames and angles, distinctive words) and ``_plot_story`` (the story
map).

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
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd
from matplotlib.figure import Figure

from ..analysis import Analysis, require_column

#: Figure width in inches: the text width of a one-column page (A4 or US letter).
FIGURE_WIDTH = 6.5


# Small print for text inside the plot area (cells, bar segments), where the default
# size would not fit.
_SMALL = 8


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
