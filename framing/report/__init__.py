"""Step 6 of the flow: the report. Plots (matplotlib figures, readable in greyscale), and
one self-contained HTML page or PDF with the main differences written from the data, the
side-by-side tables, the evidence and every article annotated."""

from __future__ import annotations

from ._plot_emphasis import plot_distinctive_words, plot_emphasis
from ._plot_story import plot_story_map
from ._plot_tone import plot_hedges_boosters, plot_sentiment
from ._plot_trend import plot_trend
from ._plot_voices import plot_actor_prominence, plot_source_mix
from ._render import (
    DEFAULT_MAX_ARTICLES,
    corpus_name,
    render_report,
    render_report_html,
    report_html,
)

__all__ = [
    "DEFAULT_MAX_ARTICLES",
    "corpus_name",
    "plot_actor_prominence",
    "plot_distinctive_words",
    "plot_emphasis",
    "plot_hedges_boosters",
    "plot_sentiment",
    "plot_source_mix",
    "plot_story_map",
    "plot_trend",
    "render_report",
    "render_report_html",
    "report_html",
]
