"""The report's summary: the main differences between outlets, written from the
comparison table.

Which differences are "main":

* where the corpus allows inference, only differences it supports (q < 0.05 and an
  interval that excludes zero), largest Hedges' g first;
* where it does not (fewer than ``min_n`` articles a side), the largest differences
  described: by the difference over the pooled spread of the articles where each side
  has two or more, otherwise in points for shares (10 points at least) and relative to
  the two means for rates. Scores (sentiment, readability) with one article a side have
  no scale to judge them by and are left to the tables.

Counts per article (actors named, distinct sources, words) are left out: they grow with
article length, and their per-1,000-word rates are compared instead; so is the named
share of sources, the complement of the anonymous and media shares. Each family gives at
most two differences (three for frames and angles, one for readability), one per body of
evidence (hedges per 1,000 words and hedged sentences count the same hedges).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..comparison import BETWEEN, WITHIN
from ..features import FEATURES, Evidence, FamilyReport, Measure
from . import _format
from ._evidence import OutletEvidence

# Described differences smaller than these are not headlined.
_MIN_SHARE_POINTS = 0.10
_MIN_RELATIVE = 0.20


def _families() -> dict[str, FamilyReport]:
    """Each registered family's summary settings, in the registry's order (families
    outside it, such as the article's length, come last with the defaults)."""
    return {name: feature.report for name, feature in FEATURES.items()}


def core_families() -> tuple[str, ...]:
    """The families the summary always speaks to (see ``FamilyReport.core``)."""
    return tuple(name for name, report in _families().items() if report.core)


@dataclass
class Finding:
    """One sentence of the summary and the evidence behind it; ``main`` is False for a
    core family's largest difference when none of its differences is main. ``checked``
    says what coders found of it, where they checked its measure, and ``within_error``
    whether the measured error could explain it."""

    anchor: str
    family: str
    feature: str
    label: str
    sentence: str
    evidence: list[OutletEvidence] = field(default_factory=list)
    main: bool = True
    outlet: str = ""
    checked: str = ""
    within_error: bool = False


def findings(
    comparison: pd.DataFrame,
    measures: pd.DataFrame,
    by_feature: dict[str, Measure],
    evidence: Callable[[Measure], list[OutletEvidence]],
) -> list[Finding]:
    """The summary, each finding with its evidence (from ``evidence(measure)``).

    Args:
        comparison: From :func:`framing.compare`.
        measures: The per-article values compared (``comparison.measure_table``).
        by_feature: The measures by feature name.
        evidence: Builds the evidence of one measure.
    """
    by = comparison.attrs.get("by", "outlet")
    reference = comparison.attrs.get("reference")
    level = float(comparison.attrs.get("level", 0.95))
    groups = sorted(str(g) for g in comparison["outlet"].unique())
    within = comparison[comparison["comparison"] == WITHIN].set_index(["feature", "outlet"])
    chosen = choose(comparison, measures, by_feature, by, reference)
    told = {r["family"] for r in chosen}
    # A core family with no main difference: its largest, said to be no clear one.
    ranked = choose(comparison, measures, by_feature, by, reference, strict=False)
    quiet = [
        next(r for r in ranked if r["family"] == family)
        for family in core_families()
        if family not in told and any(r["family"] == family for r in ranked)
    ]
    out = []
    for i, row in enumerate([*chosen, *quiet]):
        key = (row["feature"], row["outlet"])
        paired = within.loc[key] if key in within.index else None
        measure = by_feature[row["feature"]]
        out.append(
            Finding(
                anchor=f"finding-{i + 1}",
                family=row["family"],
                feature=row["feature"],
                label=row["label"],
                sentence=sentence(row, paired, groups, measure.unit, level),
                evidence=evidence(measure),
                main=i < len(chosen),
                outlet=str(row["outlet"]),
            )
        )
    return out


def choose(
    comparison: pd.DataFrame,
    measures: pd.DataFrame,
    by_feature: dict[str, Measure],
    by: str,
    reference: str | None,
    *,
    strict: bool = True,
) -> list[pd.Series]:
    """The between-outlet rows the summary reports, family by family (``strict=False``:
    without the thresholds a main difference must pass)."""
    rows = comparison[
        (comparison["comparison"] == BETWEEN) & (comparison["note"] != "the reference")
    ]
    scored = []
    for _, r in rows.iterrows():
        m = by_feature.get(r["feature"])
        if m is None or not m.headline or m.unit == "count":
            continue
        if math.isnan(r["diff"]) or r["diff"] == 0:
            continue
        score = _score(r, m, measures, by, reference, strict=strict)
        if not math.isnan(score):
            scored.append((score, r["diff"] > 0, r))
    # Several outlets against the pooled rest describe one feature several times (two
    # outlets mirror each other): keep the largest, told from the side that has more.
    scored.sort(key=lambda t: (t[0], t[1]), reverse=True)
    best: dict[str, pd.Series] = {}
    for _, _, r in scored:
        best.setdefault(r["feature"], r)
    chosen = []
    families = _families()
    order = list(dict.fromkeys([*families, *(m.family for m in by_feature.values())]))
    for family in order:
        most = families.get(family, FamilyReport()).findings_max
        told: list[Evidence] = []
        for r in (r for r in best.values() if r["family"] == family):
            if len(told) == most:
                break
            spans = by_feature[r["feature"]].evidence or Evidence(f"column {r['feature']}")
            if not any(spans.overlaps(other) for other in told):
                told.append(spans)
                chosen.append(r)
    return chosen


def _score(
    row: pd.Series,
    m: Measure,
    measures: pd.DataFrame,
    by: str,
    reference: str | None,
    *,
    strict: bool = True,
) -> float:
    """How large a difference is, or NaN where it is not to be headlined."""
    if row["basis"] == "inferential":
        supported = bool(_format.mark(row)) or not strict
        return abs(row["effect_size"]) if supported else math.nan
    x = _values(measures, by, m.feature, row["outlet"])
    y = (
        _values(measures, by, m.feature, reference)
        if reference is not None
        else _values(measures, by, m.feature, None, besides=row["outlet"])
    )
    if len(x) >= 2 and len(y) >= 2:
        pooled = math.sqrt(
            ((len(x) - 1) * x.var(ddof=1) + (len(y) - 1) * y.var(ddof=1)) / (len(x) + len(y) - 2)
        )
        if pooled > 0:
            size = abs(row["diff"]) / pooled
            if strict and m.unit == "share" and abs(row["diff"]) < _MIN_SHARE_POINTS:
                return math.nan
            return size
    floor = strict
    if m.unit == "share":
        big = abs(row["diff"]) >= _MIN_SHARE_POINTS or not floor
        return abs(row["diff"]) if big else math.nan
    if m.unit == "rate":
        total = abs(row["mean"]) + abs(row["reference_mean"])
        relative = abs(row["diff"]) / total if total else math.nan
        return relative if relative >= _MIN_RELATIVE or not floor else math.nan
    return math.nan


def _values(
    measures: pd.DataFrame, by: str, feature: str, group: str | None, besides: str = ""
) -> np.ndarray:
    if group is None:
        chosen = measures[measures[by].notna() & (measures[by] != besides)]
    else:
        chosen = measures[measures[by] == group]
    v = chosen[feature].to_numpy(dtype="float64")
    return v[~np.isnan(v)]


def sentence(
    row: pd.Series, paired: pd.Series | None, groups: list[str], unit: str, level: float
) -> str:
    """One finding in words, with the numbers that make it."""
    ci = f"{level * 100:g}% CI"
    reference = row["reference"]
    if reference.startswith("all other ") and len(groups) == 2:
        reference = next(g for g in groups if g != row["outlet"])
    text = (
        f"{row['outlet']}: {row['label']} {_format.value(row['mean'], unit)}, against "
        f"{_format.value(row['reference_mean'], unit)} for {reference} "
        f"(difference {_format.difference(row['diff'], unit)}"
    )
    if row["basis"] == "inferential":
        text += (
            f", {ci} {_format.interval(row['diff_ci_low'], row['diff_ci_high'], unit, signed=True)}"
            f", Hedges' g {row['effect_size']:.2f}, q {_q(row['q_value'])}; "
            f"{row['n']} vs {row['reference_n']} articles)"
        )
    else:
        text += f"; descriptive only, {row['n']} vs {row['reference_n']} articles)"
    if paired is not None and not math.isnan(paired["diff"]):
        text += f". Within the same stories: {_format.difference(paired['diff'], unit)}"
        if paired["basis"] == "inferential":
            bounds = _format.interval(
                paired["diff_ci_low"], paired["diff_ci_high"], unit, signed=True
            )
            text += (
                f" ({ci} {bounds}, d_z {paired['effect_size']:.2f}, q {_q(paired['q_value'])}, "
                f"{paired['n']} stories)"
            )
            if paired["diff_ci_low"] <= 0 <= paired["diff_ci_high"]:
                text += "; that interval includes zero"
        else:
            text += f" ({paired['n']} stories, descriptive only)"
    return text + "."


def _q(q: float) -> str:
    written = _format.p_value(q)
    return written if written.startswith("<") else f"= {written}"
