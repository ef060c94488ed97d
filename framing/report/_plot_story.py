"""The story map (:func:`plot_story_map`): which sentences of one story each outlet
alone reports; and the alignment of the stories it and the report show
(:func:`story_alignment`), computed once per story and kept on the analysis."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch, Rectangle
from matplotlib.ticker import MaxNLocator

from ..analysis import Analysis
from ..comparison import align_sentences
from ..errors import ArgumentError
from ._labels import ArticleNames, story_labels
from ._plot_style import _SMALL, FIGURE_WIDTH, _figure, _figure_legend, _message_figure, _wrap

__all__ = ["plot_story_map"]


# The story map's cells: dark = only this outlet says it, light = another outlet says it
# too, hatched white = no content word to compare.
UNIQUE_FACE = "0.15"
SHARED_FACE = "0.8"
NO_CONTENT_FACE = "white"
NOT_COMPARED_FACE = "0.55"


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
