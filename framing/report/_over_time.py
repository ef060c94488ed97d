"""The report's "Over time" section: the articles each outlet published per period and
two core figures (tone, anonymous sources) over time, where the corpus spans enough
periods to say something (:func:`over_time`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pandas as pd

from ..comparison import ARTICLES, FREQ_WORDS, Freq, period_of, trend
from ._plot_trend import trend_figure

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from ..analysis import Analysis

#: Fewest periods that make a trend: fewer and the section is left out.
MIN_PERIODS = 4

#: The figures drawn over time besides the article counts, where the analysis has them.
CORE = (
    ("sent_compound_mean", "How it feels over time: mean sentence sentiment (VADER compound)."),
    (
        "attr_anonymous_share",
        "Who speaks over time: the share of attributions to anonymous sources.",
    ),
)

# The finest period that keeps a figure readable for a span: days up to two weeks,
# weeks up to about six months, months up to five years, years beyond.
_SPANS: tuple[tuple[Freq, float], ...] = (("D", 14), ("W", 183), ("M", 5 * 366))
_ORDER: tuple[Freq, ...] = ("D", "W", "M", "Y")


@dataclass
class OverTime:
    """What the section shows: its period, why, the figures and the notes."""

    freq: Freq
    why: str
    figures: list[tuple[Figure, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def choose_freq(published: pd.Series, groups: pd.Series, min_n: int) -> tuple[Freq, str] | None:
    """The period of the section, and why, or None when the corpus is too short.

    The span of the dates sets the finest period a figure can show (see ``_SPANS``);
    from there the period grows until at least :data:`MIN_PERIODS` periods each give
    some group ``min_n`` articles, enough for an interval. None when even years do not.
    """
    dated = published.notna()
    if not dated.any():
        return None
    dates, groups = published[dated], groups[dated].astype(str)
    span = (dates.max() - dates.min()).days
    start = next((f for f, days in _SPANS if span <= days), "Y")
    for freq in _ORDER[_ORDER.index(start) :]:
        sizes = pd.DataFrame({"p": period_of(dates, freq), "g": groups}).value_counts()
        full = sizes[sizes >= min_n].index.get_level_values("p").nunique()
        if full >= MIN_PERIODS:
            first, last = (f"{d.day} {d:%b %Y}" for d in (dates.min(), dates.max()))
            why = (
                f"The counted articles span {span + 1:,} days ({first} to {last}), so they "
                f"are charted by {FREQ_WORDS[freq]}, in UTC: framing takes days for a span "
                "of up to two weeks, weeks (Monday to Sunday) up to six months, months up to "
                "five years and years beyond, and a longer period where fewer than "
                f"{MIN_PERIODS} periods have {min_n} articles from one {{by}}."
            )
            return freq, why
    return None


def over_time(
    analysis: Analysis, by: str, *, min_n: int, level: float, seed: int
) -> OverTime | None:
    """The section, or None where the counted articles span fewer than
    :data:`MIN_PERIODS` periods with ``min_n`` articles of some group (or have no
    dates)."""
    counted = analysis.counted
    if "published" not in counted.columns or by not in counted.columns:
        return None
    chosen = choose_freq(pd.to_datetime(counted["published"]), counted[by], min_n)
    if chosen is None:
        return None
    freq, why = chosen
    features = [f for f, _ in CORE]
    known = set(analysis.articles.columns)
    table = trend(
        analysis,
        freq=freq,
        by=by,
        features=[f for f in features if f in known],
        min_n=min_n,
        level=level,
        seed=seed,
    )
    section = OverTime(freq, why.replace("{by}", by))
    word = FREQ_WORDS[freq]
    section.figures.append(
        (trend_figure(table, ARTICLES), f"Attention: the articles counted per {word}.")
    )
    for feature, caption in CORE:
        if table.loc[table["feature"] == feature, "n"].sum() > 0:
            section.figures.append((trend_figure(table, feature), caption))
    counts = table[(table["feature"] == ARTICLES) & (table["n"] > 0)]
    few = int((counts["n"] < min_n).sum())
    cells = f"{by}-{word}s with articles"
    section.notes.append(
        (
            f"All {len(counts)} {cells} have {min_n} or more: each mean carries a "
            f"{level * 100:g}% bootstrap interval."
            if not few
            else f"{few} of {len(counts)} {cells} have fewer than {min_n}: their means are "
            "small hollow markers without an interval, described only; the others carry a "
            f"{level * 100:g}% bootstrap interval."
        )
        + f" framing.trend(analysis, freq={freq!r}) gives every figure per {by} and {word}, "
        f"and framing.compare_periods tests the change of one {by} between two {word}s."
    )
    if table.attrs.get("note"):
        section.notes.append(f"{table.attrs['note']}.")
    return section
