"""The figures outlets are compared on: one value per article, each with a label a reader
understands, its feature family, and where its evidence lies.

Most are columns of ``analysis.articles``. Frames and angles come from
``analysis.emphasis`` as ``weighted_share``: the article's position-weighted cues of that
frame (or angle) over those of every frame (or angle), so long and short articles compare.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
import pandas as pd

from ..analysis import require_column
from ..features.sentiment import NEGATIVE_THRESHOLD, POSITIVE_THRESHOLD

if TYPE_CHECKING:
    from ..analysis import Analysis


Unit = Literal["share", "rate", "count", "score"]


@dataclass(frozen=True)
class Measure:
    """One figure compared across outlets.

    Attributes:
        family: The feature family (``attribution``, ``hedging``, …).
        feature: Its name in comparison tables: an article column, a figure derived per
            1,000 words (``actors_per_1k_words``), or ``frame:<name>`` / ``angle:<name>``.
        label: What it is, in words, with its unit.
        unit: ``share`` (0 to 1), ``rate`` (per 1,000 words), ``count`` (per article,
            so longer articles have more) or ``score`` (an index: sentiment, readability).
        evidence: The span table behind it and the values that select the rows
            counted (``("attributions", {"source_type": "anonymous"})``); None where the
            figure is not a count of spans (readability, length).
        per_1k_of: For a figure derived here, the article column it puts per 1,000 words.
        headline: Whether a report's summary may headline it (the named share is the
            complement of the anonymous and media shares, so it is left to the tables).
    """

    family: str
    feature: str
    label: str
    unit: Unit
    evidence: tuple[str, dict[str, Any]] | None = field(default=None)
    per_1k_of: str | None = None
    headline: bool = True


_SOURCE_TYPES = ("person", "organisation", "anonymous", "media")
_NEGATIVE = f"<= {NEGATIVE_THRESHOLD}"
_POSITIVE = f">= {POSITIVE_THRESHOLD}"

ARTICLE_MEASURES: tuple[Measure, ...] = (
    Measure(
        "attribution",
        "attr_per_1k_words",
        "attributions per 1,000 words",
        "rate",
        ("attributions", {}),
    ),
    Measure(
        "attribution",
        "attr_named_share",
        "named sources (person or organisation), share of attributions",
        "share",
        ("attributions", {"source_type": ("person", "organisation")}),
        headline=False,
    ),
    *(
        Measure(
            "attribution",
            f"attr_{t}_share",
            f"{t} sources, share of attributions",
            "share",
            ("attributions", {"source_type": t}),
        )
        for t in _SOURCE_TYPES
    ),
    Measure(
        "attribution",
        "attr_direct_share",
        "direct quotes, share of attributions",
        "share",
        ("attributions", {"kind": "direct"}),
    ),
    Measure(
        "attribution",
        "attr_distinct_sources_per_1k_words",
        "distinct sources per 1,000 words",
        "rate",
        ("sources", {}),
        per_1k_of="attr_distinct_sources",
    ),
    Measure(
        "attribution",
        "attr_distinct_sources",
        "distinct sources per article",
        "count",
        ("sources", {}),
    ),
    Measure(
        "actors",
        "actors_per_1k_words",
        "actors named per 1,000 words",
        "rate",
        ("actors", {}),
        per_1k_of="actors_n",
    ),
    Measure("actors", "actors_n", "actors named per article", "count", ("actors", {})),
    Measure(
        "actors",
        "actors_quoted_share",
        "actors quoted, share of actors named",
        "share",
        ("actors", {"quoted": "> 0"}),
    ),
    Measure("hedging", "hedge_per_1k_words", "hedges per 1,000 words", "rate", ("hedges", {})),
    Measure(
        "hedging",
        "hedge_sentence_share",
        "hedged sentences, share of sentences",
        "share",
        ("hedges", {}),
    ),
    Measure(
        "hedging",
        "hedge_own_voice_share",
        "hedges in the outlet's own voice, share of hedges",
        "share",
        ("hedges", {"voice": "outlet"}),
    ),
    Measure(
        "hedging", "booster_per_1k_words", "boosters per 1,000 words", "rate", ("boosters", {})
    ),
    Measure(
        "hedging",
        "booster_sentence_share",
        "boosted sentences, share of sentences",
        "share",
        ("boosters", {}),
    ),
    Measure(
        "sentiment",
        "sent_compound_mean",
        "mean sentence sentiment (VADER compound, −1 to 1)",
        "score",
        ("sentences", {}),
    ),
    Measure(
        "sentiment",
        "sent_negative_share",
        f"negative sentences (compound ≤ {NEGATIVE_THRESHOLD}), share",
        "share",
        ("sentences", {"sent_compound": _NEGATIVE}),
    ),
    Measure(
        "sentiment",
        "sent_positive_share",
        f"positive sentences (compound ≥ {POSITIVE_THRESHOLD}), share",
        "share",
        ("sentences", {"sent_compound": _POSITIVE}),
    ),
    Measure(
        "readability",
        "read_flesch_reading_ease",
        "Flesch reading ease (higher = easier)",
        "score",
    ),
    Measure("readability", "read_flesch_kincaid_grade", "Flesch–Kincaid grade level", "score"),
    Measure("structure", "n_words", "words per article", "count"),
)


def emphasis_measures(analysis: Analysis) -> tuple[Measure, ...]:
    """One measure per frame and per angle scored in ``analysis.emphasis``."""
    emphasis = analysis.spans.get("emphasis")
    if emphasis is None or emphasis.empty:
        return ()
    out = []
    for kind in ("frame", "angle"):
        for name in dict.fromkeys(emphasis.loc[emphasis["kind"] == kind, "name"]):
            what = name.replace("_", " ") if kind == "frame" else name
            out.append(
                Measure(
                    "emphasis",
                    f"{kind}:{name}",
                    f"{what} ({kind}), share of position-weighted {kind} cues",
                    "share",
                    ("emphasis_cues", {"kind": kind, "name": name}),
                )
            )
    return tuple(out)


def _has_columns(m: Measure, columns: set[str]) -> bool:
    if m.per_1k_of:
        return m.per_1k_of in columns and "n_words" in columns
    return m.feature in columns


def measures_for(analysis: Analysis) -> tuple[Measure, ...]:
    """Every measure the analysis has the columns for, in a fixed order."""
    columns = set(analysis.articles.columns)
    article = tuple(m for m in ARTICLE_MEASURES if _has_columns(m, columns))
    emphasis = emphasis_measures(analysis)
    # Frames and angles go after hedging and sentiment, before readability.
    cut = next((i for i, m in enumerate(article) if m.family == "readability"), len(article))
    return (*article[:cut], *emphasis, *article[cut:])


def measure_table(analysis: Analysis, by: str = "outlet") -> pd.DataFrame:
    """One row per counted article (one version per version group): ``doc_id``, ``by``,
    ``story`` and one column per measure (see :func:`measures_for`)."""
    require_column(analysis, by, "compare")
    counted = analysis.counted
    keep = list(dict.fromkeys(c for c in ("doc_id", by, "story") if c in counted.columns))
    table = counted[keep].copy()
    # Groups are compared as text: a numeric column (a year) and its labels then agree.
    table[by] = table[by].astype("string")
    for m in measures_for(analysis):
        if m.per_1k_of:
            words = counted["n_words"].astype("float64").to_numpy()
            count = counted[m.per_1k_of].astype("float64").to_numpy()
            with np.errstate(divide="ignore", invalid="ignore"):
                table[m.feature] = np.where(words > 0, count / words * 1000, np.nan)
        elif ":" not in m.feature:
            table[m.feature] = counted[m.feature].astype("float64").to_numpy()
    emphasis = analysis.spans.get("emphasis")
    if emphasis is not None and not emphasis.empty:
        keyed = emphasis.assign(feature=emphasis["kind"] + ":" + emphasis["name"])
        wide = keyed.pivot_table(
            index="doc_id", columns="feature", values="weighted_share", aggfunc="first"
        )
        for m in emphasis_measures(analysis):
            values = wide[m.feature] if m.feature in wide.columns else pd.Series(dtype="float64")
            table[m.feature] = table["doc_id"].map(values).astype("float64").to_numpy()
    return table.reset_index(drop=True)


def groups_of(table: pd.DataFrame, by: str) -> list[str]:
    """The groups of a measure table, sorted, without missing values."""
    return sorted(str(g) for g in table[by].dropna().unique())


def select_evidence(spans: pd.DataFrame, where: dict[str, Any]) -> pd.DataFrame:
    """The rows of a span table a measure counts: equality, membership in a tuple, or a
    comparison written as a string (``"> 0"``, ``"<= -0.05"``)."""
    keep = np.ones(len(spans), dtype=bool)
    for column, wanted in where.items():
        values = spans[column]
        if isinstance(wanted, tuple):
            keep &= values.isin(wanted).to_numpy()
        elif isinstance(wanted, str) and wanted[:2] in ("> ", ">=", "<=", "< "):
            op, number = wanted.split()
            numeric = pd.to_numeric(values, errors="coerce").to_numpy(dtype="float64")
            threshold = float(number)
            keep &= {
                ">": numeric > threshold,
                ">=": numeric >= threshold,
                "<": numeric < threshold,
                "<=": numeric <= threshold,
            }[op]
        else:
            keep &= (values == wanted).fillna(False).to_numpy(dtype=bool)
    return spans[keep]
