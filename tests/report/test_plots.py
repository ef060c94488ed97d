"""The report figures, checked against the demo corpus's tables (and the seed corpus where
the demo has no such case)."""

from __future__ import annotations

import copy as _copy
import re
from collections.abc import Callable
from itertools import combinations

import matplotlib

matplotlib.use("Agg")  # before anything imports pyplot: tests never open a window

import numpy as np
import pandas as pd
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from matplotlib.text import Text

import framing
from framing.analysis import Tables
from framing.errors import ArgumentError, ColumnError, FramingError
from framing.report._plot_emphasis import plot_distinctive_words, plot_emphasis
from framing.report._plot_story import NO_CONTENT_FACE, SHARED_FACE, UNIQUE_FACE, plot_story_map
from framing.report._plot_tone import plot_hedges_boosters, plot_sentiment
from framing.report._plot_trend import plot_trend
from framing.report._plot_voices import SOURCE_TYPES, plot_actor_prominence, plot_source_mix

OUTLETS = ["Estuary Observer", "Marrowick Courier", "Northgate Dispatch"]

Plot = Callable[..., Figure]
# Every figure function, with the arguments that make it draw something on the demo.
PLOTS: dict[str, tuple[Plot, dict]] = {
    "source_mix": (plot_source_mix, {}),
    "hedges_boosters": (plot_hedges_boosters, {}),
    "sentiment": (plot_sentiment, {}),
    "emphasis_frame": (plot_emphasis, {"kind": "frame"}),
    "emphasis_angle": (plot_emphasis, {"kind": "angle"}),
    "actor_prominence": (plot_actor_prominence, {}),
    "find_distinctive_words": (plot_distinctive_words, {}),
    "story_map": (plot_story_map, {}),
    # the demo's two dates: two days
    "trend": (plot_trend, {"measure": "sent_compound_mean", "freq": "D"}),
    "trend_articles": (plot_trend, {"freq": "D"}),
}
BY_PLOTS = [name for name in PLOTS if name != "story_map"]


@pytest.fixture(scope="module")
def analysis() -> framing.Analysis:
    return framing.analyse(
        framing.load_corpus(framing.DEMO_CORPUS),
        angles=framing.DEMO_ANGLES,
        aliases=framing.DEMO_ACTORS,
    )


@pytest.fixture(scope="module")
def figures(analysis) -> dict[str, Figure]:
    """Each figure of the demo, drawn once for the tests that only read it."""
    return {name: plot(analysis, **kwargs) for name, (plot, kwargs) in PLOTS.items()}


def with_spans(analysis: framing.Analysis, **tables: pd.DataFrame) -> framing.Analysis:
    """A copy of ``analysis`` with some span tables replaced."""
    copy = _copy.copy(analysis)
    copy.spans = Tables({**analysis.spans, **tables})
    return copy


def counted_ids(analysis: framing.Analysis, outlet: str) -> set[str]:
    counted = analysis.counted
    return set(counted.loc[counted["outlet"] == outlet, "doc_id"])


def all_text(fig: Figure) -> str:
    """Every string drawn in the figure, whitespace collapsed."""
    strings = [t.get_text() for t in fig.findobj(Text)]
    return " ".join(" ".join(strings).split())


def message(fig: Figure) -> str:
    return " ".join(" ".join(t.get_text() for ax in fig.axes for t in ax.texts).split())


def drawn_texts(fig: Figure) -> list[tuple[str, object]]:
    """The text actually drawn, with its box in pixels, after rendering with Agg."""
    FigureCanvasAgg(fig)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    tick_labels, drawn = set(), []
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            low, high = sorted(axis.get_view_interval())
            for tick in axis.get_major_ticks() + axis.get_minor_ticks():
                tick_labels.update((tick.label1, tick.label2))
                # Tick labels outside the view limits exist but are not drawn.
                if ax.axison and low - 1e-9 <= tick.get_loc() <= high + 1e-9:
                    drawn += [lab for lab in (tick.label1, tick.label2) if lab.get_visible()]
    texts = [t for t in fig.findobj(Text) if t not in tick_labels] + drawn
    return [
        (t.get_text(), t.get_window_extent(renderer))
        for t in texts
        if t.get_visible() and t.get_text().strip()
    ]


# --- all figures ---------------------------------------------------------------------


@pytest.mark.parametrize("name", PLOTS)
def test_every_plot_returns_a_paper_sized_figure_outside_pyplot(figures, name):
    fig = figures[name]
    assert isinstance(fig, Figure)
    assert fig.canvas.manager is None  # pyplot did not register it: no double display
    width, height = fig.get_size_inches()
    assert 6.0 <= width <= 7.0
    assert 1.5 <= height <= 9.0


@pytest.mark.parametrize("name", PLOTS)
def test_every_plot_names_the_outlets_and_has_a_title(figures, name):
    fig = figures[name]
    text = all_text(fig)
    for outlet in OUTLETS:
        assert outlet in text
    titles = [fig._suptitle] if fig._suptitle else []
    titles += [ax.title for ax in fig.axes]
    assert any(t.get_text() for t in titles)


@pytest.mark.parametrize("name", PLOTS)
def test_no_text_overlaps_on_the_demo(figures, name):
    fig = figures[name]
    boxes = drawn_texts(fig)
    clashes = [(a, b) for (a, box_a), (b, box_b) in combinations(boxes, 2) if box_a.overlaps(box_b)]
    assert clashes == []
    width, height = fig.bbox.width, fig.bbox.height
    outside = [
        s
        for s, box in boxes
        if box.x0 < -1 or box.y0 < -1 or box.x1 > width + 1 or box.y1 > height + 1
    ]
    assert outside == []


@pytest.mark.parametrize("name", PLOTS)
def test_every_plot_is_drawn_in_greys_only(figures, name):
    fig = figures[name]
    colours = []
    for artist in fig.findobj(lambda a: hasattr(a, "get_facecolor")):
        if getattr(artist, "get_array", None) and artist.get_array() is not None:
            # Colour-mapped (the heatmap and its colour bar): its colour map must be grey.
            colours += [tuple(c) for c in artist.get_cmap()(np.linspace(0, 1, 11))]
        else:
            face = np.atleast_2d(artist.get_facecolor())
            colours += [tuple(c) for c in face if len(c) == 4]
    for red, green, blue, _ in colours:
        assert red == pytest.approx(green) == pytest.approx(blue)


@pytest.mark.parametrize("name", BY_PLOTS)
def test_unknown_by_raises_column_error_naming_the_column(analysis, name):
    plot, kwargs = PLOTS[name]
    with pytest.raises(ColumnError, match=r"'newsroom'.*outlet"):
        plot(analysis, by="newsroom", **kwargs)


# --- source mix ----------------------------------------------------------------------


def source_bars(fig: Figure) -> pd.DataFrame:
    """Bar widths of the source-mix figure: one row per outlet, one column per type."""
    ax = fig.axes[0]
    return pd.DataFrame(
        {c.get_label(): [bar.get_width() for bar in c] for c in ax.containers},
        index=[t.get_text() for t in ax.get_yticklabels()],
    )


def test_source_mix_bars_of_each_outlet_sum_to_one(figures):
    bars = source_bars(figures["source_mix"])
    assert list(bars.columns) == list(SOURCE_TYPES)
    assert bars.sum(axis=1).to_numpy() == pytest.approx(np.ones(len(OUTLETS)))


def test_source_mix_shares_are_the_attributions_of_the_counted_articles(analysis, figures):
    bars = source_bars(figures["source_mix"])
    spans = analysis.attributions
    mine = spans[spans["doc_id"].isin(counted_ids(analysis, "Northgate Dispatch"))]
    by_hand = mine["source_type"].value_counts(normalize=True)
    label = f"Northgate Dispatch (n={len(mine)})"
    assert label in bars.index
    for kind in SOURCE_TYPES:
        assert bars.loc[label, kind] == pytest.approx(by_hand.get(kind, 0.0))


def test_source_mix_leaves_out_the_versions_not_counted(analysis, figures):
    labels = source_bars(figures["source_mix"]).index
    counted = analysis.attributions["doc_id"].isin(analysis.counted["doc_id"])
    n = sum(int(label.rsplit("n=", 1)[1].rstrip(")")) for label in labels)
    assert n == counted.sum() < len(analysis.attributions)


def test_source_mix_without_attributions_says_so(analysis):
    empty = with_spans(analysis, attributions=analysis.attributions.iloc[0:0])
    fig = plot_source_mix(empty)
    assert isinstance(fig, Figure)
    assert "No attributions in the 10 counted articles" in message(fig)


def test_source_mix_by_story_has_a_bar_per_story(analysis):
    bars = source_bars(plot_source_mix(analysis, by="story"))
    assert [label.split(" (")[0] for label in bars.index] == [
        "marrowick-ammonia-leak",
        "marrowick-leak-inquiry",
    ]


# --- hedges and boosters -------------------------------------------------------------


def test_hedges_boosters_places_each_article_and_each_outlet_mean(analysis, figures):
    fig = figures["hedges_boosters"]
    ax = fig.axes[0]
    points = [np.asarray(c.get_offsets()) for c in ax.collections if c.get_sizes()[0] < 100]
    means = [
        np.asarray(c.get_offsets())[0]
        for c in ax.collections
        if c.get_sizes()[0] >= 100 and tuple(c.get_edgecolor()[0]) == to_rgba("black")
    ]
    counted = analysis.counted.sort_values("outlet")
    columns = ["hedge_per_1k_words", "booster_per_1k_words"]
    for outlet, xy, mean in zip(OUTLETS, points, means, strict=True):
        rows = counted.loc[counted["outlet"] == outlet, columns].to_numpy()
        assert np.asarray(xy) == pytest.approx(rows)
        assert mean == pytest.approx(rows.mean(axis=0))
    legend = [t.get_text() for t in fig.legends[0].get_texts()]
    assert legend == [
        "Estuary Observer (n=4)",
        "Marrowick Courier (n=3)",
        "Northgate Dispatch (n=3)",
    ]


# --- sentiment -----------------------------------------------------------------------


def test_sentiment_labels_count_the_sentences_of_counted_articles(analysis, figures):
    fig = figures["sentiment"]
    sentences = analysis.sentences.merge(analysis.counted[["doc_id", "outlet"]], on="doc_id")
    sizes = sentences.groupby("outlet").size()
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert labels == [f"{o} (n={sizes[o]})" for o in OUTLETS]


def test_sentiment_jitter_is_the_same_on_every_run(analysis):
    first, second = plot_sentiment(analysis), plot_sentiment(analysis)
    for a, b in zip(first.axes[0].collections, second.axes[0].collections, strict=True):
        assert np.array_equal(a.get_offsets(), b.get_offsets())


def test_sentiment_draws_every_score_and_a_line_at_zero(analysis, figures):
    ax = figures["sentiment"].axes[0]
    xs = np.sort(np.concatenate([np.asarray(c.get_offsets())[:, 0] for c in ax.collections]))
    sentences = analysis.sentences[analysis.sentences["doc_id"].isin(analysis.counted["doc_id"])]
    assert xs == pytest.approx(np.sort(sentences["sent_compound"].to_numpy()))
    assert any(list(line.get_xdata()) == [0, 0] for line in ax.lines)


# --- emphasis ------------------------------------------------------------------------


def emphasis_bars(ax) -> dict[str, list[float]]:
    return {c.get_label().split(" (")[0]: [bar.get_width() for bar in c] for c in ax.containers}


def test_emphasis_bars_are_mean_shares_over_the_outlets_articles(analysis, figures):
    fig = figures["emphasis_frame"]
    left, right = fig.axes
    rows = analysis.emphasis[
        (analysis.emphasis["kind"] == "frame")
        & analysis.emphasis["doc_id"].isin(counted_ids(analysis, "Northgate Dispatch"))
    ]
    names = list(dict.fromkeys(rows["name"]))
    means = rows.groupby("name")[["weighted_share", "lede_share"]].mean().reindex(names)
    assert [t.get_text() for t in left.get_yticklabels()] == [n.replace("_", " ") for n in names]
    np.testing.assert_allclose(
        emphasis_bars(left)["Northgate Dispatch"], means["weighted_share"], equal_nan=True
    )
    np.testing.assert_allclose(
        emphasis_bars(right)["Northgate Dispatch"], means["lede_share"], equal_nan=True
    )


def test_emphasis_by_angle_without_angles_says_how_to_give_them(analysis):
    emphasis = analysis.emphasis
    frames_only = with_spans(analysis, emphasis=emphasis[emphasis["kind"] == "frame"])
    fig = plot_emphasis(frames_only, kind="angle")
    assert message(fig) == "no angles file given (analyse(..., angles=...))"


def test_emphasis_rejects_an_unknown_kind(analysis):
    with pytest.raises(ArgumentError, match=r"'frames'.*'frame' or 'angle'"):
        plot_emphasis(analysis, kind="frames")


# --- actor prominence ----------------------------------------------------------------


def test_actor_prominence_cells_are_mean_weight_per_counted_article(analysis):
    fig = plot_actor_prominence(analysis, top=5)
    ax = fig.axes[0]
    cells = ax.images[0].get_array()
    actors = [t.get_text() for t in ax.get_yticklabels()]
    assert cells.shape == (5, 3)
    rows = analysis.actors.merge(analysis.counted[["doc_id", "outlet"]], on="doc_id")
    totals = rows.groupby("actor")["weighted"].sum().sort_values(ascending=False)
    assert actors == list(totals.index[:5])
    n_articles = analysis.counted.groupby("outlet").size()
    for r, actor in enumerate(actors):
        for c, outlet in enumerate(OUTLETS):
            mine = rows[(rows["actor"] == actor) & (rows["outlet"] == outlet)]
            assert cells[r, c] == pytest.approx(mine["weighted"].sum() / n_articles[outlet])


def test_actor_prominence_prints_each_cell_in_a_contrasting_colour(figures):
    ax = figures["actor_prominence"].axes[0]
    cells = np.asarray(ax.images[0].get_array()).ravel()
    assert len(ax.texts) == cells.size == 30
    for text, value in zip(ax.texts, cells, strict=True):
        assert text.get_text() == f"{value:.2f}"
        expected = "white" if value > cells.max() / 2 else "black"
        assert to_rgba(text.get_color()) == to_rgba(expected)


# --- distinctive words ---------------------------------------------------------------


def test_distinctive_words_has_one_panel_per_outlet_with_its_top_z(analysis):
    fig = plot_distinctive_words(analysis, top=6)
    words = framing.find_distinctive_words(analysis, by="outlet", top=6)
    panels = [ax for ax in fig.axes if ax.axison]
    assert [" ".join(ax.get_title().split()) for ax in panels] == OUTLETS
    for ax, outlet in zip(panels, OUTLETS, strict=True):
        mine = words[words["group"] == outlet]
        assert [t.get_text() for t in ax.get_yticklabels()] == list(mine["word"])
        assert [bar.get_width() for bar in ax.patches] == pytest.approx(list(mine["z"]))


def test_distinctive_words_passes_options_through(analysis):
    fig = plot_distinctive_words(analysis, top=3, method="g2")
    assert "G²" in all_text(fig)


# --- story map -----------------------------------------------------------------------


def story_cells(fig: Figure) -> dict[int, list[Rectangle]]:
    """The story map's cells by column (x position)."""
    columns: dict[int, list] = {}
    for patch in fig.axes[0].patches:
        columns.setdefault(round(patch.get_x() + patch.get_width() / 2), []).append(patch)
    return columns


def test_story_map_defaults_to_the_first_story_with_most_outlets(figures):
    fig = figures["story_map"]
    # Both demo stories have three outlets: the first in sort order wins.
    assert "story: marrowick-ammonia-leak" in fig.axes[0].get_title()


def test_story_map_has_a_cell_per_sentence_and_dark_cells_for_unique_ones(analysis):
    fig = plot_story_map(analysis, story="marrowick-leak-inquiry")
    counted = analysis.counted
    articles = counted[counted["story"] == "marrowick-leak-inquiry"].sort_values(
        ["outlet", "doc_id"]
    )
    labels = [t.get_text() for t in fig.axes[0].get_xticklabels()]
    columns = story_cells(fig)
    assert sorted(columns) == list(range(len(articles)))
    alignment = framing.align_sentences(analysis)
    for x, (doc_id, outlet, n) in enumerate(
        zip(articles["doc_id"], articles["outlet"], articles["n_sentences"], strict=True)
    ):
        assert outlet in " ".join(labels[x].split())
        assert len(columns[x]) == n
        mine = alignment[alignment["doc_id"] == doc_id]
        faces = [to_rgba(p.get_facecolor()) for p in columns[x]]
        assert faces.count(to_rgba(UNIQUE_FACE)) == (mine["unique"] == True).sum()  # noqa: E712
        assert faces.count(to_rgba(SHARED_FACE)) == (mine["unique"] == False).sum()  # noqa: E712
        assert faces.count(to_rgba(NO_CONTENT_FACE)) == mine["unique"].isna().sum()


def test_story_map_counts_all_dark_cells_of_the_default_story(analysis, figures):
    fig = figures["story_map"]
    docs = analysis.counted.loc[analysis.counted["story"] == "marrowick-ammonia-leak", "doc_id"]
    alignment = framing.align_sentences(analysis)
    unique = alignment.loc[alignment["doc_id"].isin(docs), "unique"]
    faces = [to_rgba(p.get_facecolor()) for p in fig.axes[0].patches]
    assert len(faces) == len(unique)
    assert faces.count(to_rgba(UNIQUE_FACE)) == unique.sum()
    legend = [t.get_text() for t in fig.legends[0].get_texts()]
    assert legend[:2] == ["unique to the outlet", "another outlet says it too"]


def test_story_map_rejects_an_unknown_story_naming_the_stories(analysis):
    with pytest.raises(
        FramingError, match=re.escape("'marrowick-ammonia-leak', 'marrowick-leak-inquiry'")
    ):
        plot_story_map(analysis, story="harbour-fire")


def test_story_map_without_story_labels_maps_every_article(shared_dir):
    seed = framing.analyse(
        framing.load_corpus(shared_dir / "corpus" / "uk-officers-gaza-2025-10"),
        angles=framing.EXAMPLE_ANGLES,
        aliases=framing.EXAMPLE_ACTORS,
        stories="given",  # the seed has no story labels; framing would group it
    )
    assert seed.counted["story"].isna().all()
    fig = plot_story_map(seed)
    columns = story_cells(fig)
    assert [len(columns[x]) for x in sorted(columns)] == list(
        seed.counted.sort_values(["outlet", "doc_id"])["n_sentences"]
    )
    assert "no story labels" in fig.axes[0].get_title()


def test_every_plot_shows_itself_as_a_png_in_jupyter(figures):
    # IPython's rich-display protocol: without it a fresh kernel prints "<Figure size …>".
    for name, fig in figures.items():
        png = fig._repr_png_()
        assert png.startswith(b"\x89PNG\r\n\x1a\n"), name
