"""The figures outlets are compared on: one value per article, each with a label a reader
understands, its feature family, and where its evidence lies.

Most are columns of ``analysis.articles``. Frames and angles come from
``analysis.emphasis`` as ``weighted_share``: the article's position-weighted cues of that
frame (or angle) over those of every frame (or angle), so long and short articles compare.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from ..errors import ColumnError

if TYPE_CHECKING:
    from ..analysis import Analysis


@dataclass(frozen=True)
class Measure:
    """One figure compared across outlets.

    Attributes:
        family: The feature family (``attribution``, ``hedging``, …).
        feature: Its name in comparison tables: an article column, or
            ``frame:<name>`` / ``angle:<name>``.
        label: What it is, in words, with its unit.
        evidence: The span table behind it and the values that select the rows
            counted (``("attributions", {"source_type": "anonymous"})``); None where the
            figure is not a count of spans (readability, length).
    """

    family: str
    feature: str
    label: str
    evidence: tuple[str, dict[str, Any]] | None = field(default=None)


_SOURCE_TYPES = ("person", "organisation", "anonymous", "media")

ARTICLE_MEASURES: tuple[Measure, ...] = (
    Measure(
        "attribution", "attr_per_1k_words", "attributions per 1,000 words", ("attributions", {})
    ),
    Measure(
        "attribution",
        "attr_named_share",
        "named sources (person or organisation), share of attributions",
        ("attributions", {"source_type": ("person", "organisation")}),
    ),
    *(
        Measure(
            "attribution",
            f"attr_{t}_share",
            f"{t} sources, share of attributions",
            ("attributions", {"source_type": t}),
        )
        for t in _SOURCE_TYPES
    ),
    Measure(
        "attribution",
        "attr_direct_share",
        "direct quotes, share of attributions",
        ("attributions", {"kind": "direct"}),
    ),
    Measure(
        "attribution", "attr_distinct_sources", "distinct sources per article", ("attributions", {})
    ),
    Measure("actors", "actors_n", "actors named per article", ("actors", {})),
    Measure(
        "actors",
        "actors_quoted_share",
        "actors quoted, share of actors named",
        ("actors", {"quoted": "> 0"}),
    ),
    Measure("hedging", "hedge_per_1k_words", "hedges per 1,000 words", ("hedges", {})),
    Measure(
        "hedging",
        "hedge_sentence_share",
        "hedged sentences, share of sentences",
        ("hedges", {}),
    ),
    Measure(
        "hedging",
        "hedge_own_voice_share",
        "hedges in the outlet's own voice, share of hedges",
        ("hedges", {"voice": "outlet"}),
    ),
    Measure("hedging", "booster_per_1k_words", "boosters per 1,000 words", ("boosters", {})),
    Measure(
        "hedging",
        "booster_sentence_share",
        "boosted sentences, share of sentences",
        ("boosters", {}),
    ),
    Measure(
        "sentiment",
        "sent_compound_mean",
        "mean sentence sentiment (VADER compound, −1 to 1)",
        ("sentences", {}),
    ),
    Measure(
        "sentiment",
        "sent_negative_share",
        "negative sentences (compound ≤ −0.05), share",
        ("sentences", {"sent_compound": "<= -0.05"}),
    ),
    Measure(
        "sentiment",
        "sent_positive_share",
        "positive sentences (compound ≥ 0.05), share",
        ("sentences", {"sent_compound": ">= 0.05"}),
    ),
    Measure(
        "readability", "read_flesch_reading_ease", "Flesch reading ease (higher = easier)", None
    ),
    Measure("readability", "read_flesch_kincaid_grade", "Flesch–Kincaid grade level", None),
    Measure("structure", "n_words", "words per article", None),
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
                    ("emphasis_cues", {"kind": kind, "name": name}),
                )
            )
    return tuple(out)


def measures_for(analysis: Analysis) -> tuple[Measure, ...]:
    """Every measure the analysis has the columns for, in a fixed order."""
    columns = set(analysis.articles.columns)
    article = tuple(m for m in ARTICLE_MEASURES if m.feature in columns)
    emphasis = emphasis_measures(analysis)
    # Frames and angles go after hedging and sentiment, before readability.
    cut = next((i for i, m in enumerate(article) if m.family == "readability"), len(article))
    return (*article[:cut], *emphasis, *article[cut:])


def measure_table(analysis: Analysis, by: str = "outlet") -> pd.DataFrame:
    """One row per counted article (one version per version group): ``doc_id``, ``by``,
    ``story`` and one column per measure (see :func:`measures_for`)."""
    if by not in analysis.articles.columns:
        raise ColumnError(
            f"cannot compare by {by!r}: no such column in analysis.articles; "
            f"use 'outlet' or one of {', '.join(sorted(analysis.articles.columns)[:8])}, …"
        )
    counted = analysis.counted
    keep = list(dict.fromkeys(["doc_id", by, "story"]))
    table = counted[keep].copy()
    for m in measures_for(analysis):
        if ":" not in m.feature:
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
