"""The figures outlets are compared on: one value per article, each declared by its
feature family (label, unit, direction and the evidence behind it; see
``framing.features.Measure``), read here from the registry.

Most are columns of ``analysis.articles``. Frames and angles come from
``analysis.emphasis`` as ``weighted_share``: the article's position-weighted cues of that
frame (or angle) over those of every frame (or angle), so long and short articles compare.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from ..analysis import require_column
from ..features import BASE_MEASURES, FEATURES, Measure

if TYPE_CHECKING:
    from ..analysis import Analysis


def measures_for(analysis: Analysis) -> tuple[Measure, ...]:
    """Every measure the analysis has the data for: the families that ran, in the order
    they ran (the registry's), each family's declared measures then those its data
    gives, and the article's length last. A family that ran but is not registered in
    this process (an analysis saved elsewhere) is skipped; an analysis that does not say
    which families ran (one built by hand from tables) is read for every registered
    family whose columns it has."""
    columns = set(analysis.articles.columns)
    out: list[Measure] = []
    for name in analysis.features or tuple(FEATURES):
        feature = FEATURES.get(name)
        if feature is None:
            continue
        out += [m for m in feature.all_measures(analysis.spans) if set(m.needs()) <= columns]
    out += [m for m in BASE_MEASURES if set(m.needs()) <= columns]
    return tuple(out)


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
        if m.value is not None:
            values = m.value.read(analysis.spans)
            table[m.feature] = table["doc_id"].map(values).astype("float64").to_numpy()
        elif m.per_1k_of:
            words = counted["n_words"].astype("float64").to_numpy()
            count = counted[m.per_1k_of].astype("float64").to_numpy()
            with np.errstate(divide="ignore", invalid="ignore"):
                table[m.feature] = np.where(words > 0, count / words * 1000, np.nan)
        else:
            table[m.feature] = counted[m.feature].astype("float64").to_numpy()
    return table.reset_index(drop=True)


def groups_of(table: pd.DataFrame, by: str) -> list[str]:
    """The groups of a measure table, sorted, without missing values."""
    return sorted(str(g) for g in table[by].dropna().unique())
