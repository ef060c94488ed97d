"""Outlet against outlet on every figure: :func:`compare`."""

from __future__ import annotations

import math
import textwrap
import zlib
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .._progress import progress_bar
from ..errors import ArgumentError
from . import _stats
from ._measures import Measure, groups_of, measure_table, measures_for

if TYPE_CHECKING:
    from ..analysis import Analysis

#: The columns of a comparison table, in order.
COMPARISON_COLUMNS: tuple[str, ...] = (
    "family",
    "feature",
    "label",
    "comparison",
    "outlet",
    "n",
    "mean",
    "ci_low",
    "ci_high",
    "reference",
    "reference_n",
    "reference_mean",
    "diff",
    "diff_ci_low",
    "diff_ci_high",
    "effect_size",
    "effect_measure",
    "p_value",
    "q_value",
    "basis",
    "note",
)

BETWEEN = "between outlets"
WITHIN = "within stories"


def compare(
    analysis: Analysis,
    by: str = "outlet",
    reference: str | None = None,
    *,
    min_n: int = 5,
    n_boot: int = 2000,
    level: float = 0.95,
    seed: int = 0,
    paired: bool = True,
    progress: bool = False,
) -> pd.DataFrame:
    """Compare outlets on every figure framing computes, with the uncertainty the corpus
    allows.

    Each outlet's articles (one version per version group, ``analysis.counted``) are set
    against the reference outlet's, or, with no reference, against the pooled articles of
    every other outlet. Where articles share a ``story``, outlets are also compared within
    stories: the difference is taken story by story and averaged (paired), which holds the
    event constant, as in BASIL's three-outlet stories (Fan et al. 2019).

    Inference is made only where both sides have at least ``min_n`` values; below that the
    row is labelled ``basis="descriptive"`` and gives means and the raw difference only.

    Args:
        analysis: From :func:`framing.analyse`.
        by: The column that names the groups compared (``outlet``).
        reference: The group every other is compared with; None compares each with the
            pooled rest.
        min_n: Fewest values (articles, or stories for paired rows) on each side for
            intervals, effect sizes and p-values.
        n_boot: Bootstrap resamples for intervals, and permutations for p-values (at
            least 100). Each row draws from its own generator, seeded from ``seed`` and
            the row's position, so adding a figure leaves the other rows unchanged.
        level: Confidence level of the intervals.
        seed: Seed of the random generator; the same seed gives the same table.
        paired: Add the within-story rows where stories have two or more groups (not
            with ``by="story"``).
        progress: Show a progress bar over the figures compared.

    Returns:
        A tidy table, one row per feature, group and comparison (``between outlets`` or
        ``within stories``), with the columns of :data:`COMPARISON_COLUMNS`, the group
        column named after ``by`` (``outlet``, ``story``, ``lean``; ``<by>_group``
        where ``by`` is the name of another column of the table):

        * ``n``, ``mean``, ``ci_low``, ``ci_high``: the group's articles (for paired rows,
          its stories) and the mean with its percentile bootstrap interval;
        * ``reference``, ``reference_n``, ``reference_mean``: what it is set against;
        * ``diff``, ``diff_ci_low``, ``diff_ci_high``: mean difference (group minus
          reference; positive = more in this group) and its bootstrap interval;
        * ``effect_size`` and ``effect_measure``: Hedges' g between outlets, Cohen's d_z
          within stories;
        * ``p_value``: two-sided permutation test (label shuffles; sign flips when
          paired); ``q_value``: Benjamini–Hochberg over the rows of the same comparison;
        * ``basis``: ``inferential`` or ``descriptive``, and ``note`` saying why.

    Raises:
        ColumnError: ``by`` is not a column of ``analysis.articles``.
        ArgumentError: ``reference`` is not one of the groups, or ``level`` or
            ``min_n`` is out of range.

    Example:
        >>> table = framing.compare(analysis, reference="The Independent")  # doctest: +SKIP
        >>> table[table.feature == "attr_anonymous_share"]  # doctest: +SKIP
    """
    check_settings(min_n=min_n, n_boot=n_boot, level=level)
    return compare_table(
        measure_table(analysis, by),
        measures_for(analysis),
        by,
        reference,
        min_n=min_n,
        n_boot=n_boot,
        level=level,
        seed=seed,
        paired=paired,
        progress=progress,
    )


def check_settings(*, min_n: int, n_boot: int, level: float) -> None:
    """Raise :class:`ArgumentError` for settings no comparison can use."""
    if not 0 < level < 1:
        raise ArgumentError(f"level={level!r}: give a confidence level between 0 and 1, e.g. 0.95")
    if min_n < 2:
        raise ArgumentError(f"min_n={min_n!r}: inference needs at least 2 values a side")
    if n_boot < 100:
        raise ArgumentError(f"n_boot={n_boot!r}: use at least 100 resamples (2000 is the default)")


def group_column_name(by: str, columns: Sequence[str]) -> str:
    """The name of a table's group column: what was compared (``outlet``, ``lean`` …),
    or ``<by>_group`` where that names another of its ``columns``."""
    return by if by == "outlet" or by not in columns else f"{by}_group"


def compare_table(
    table: pd.DataFrame,
    measures: tuple[Measure, ...],
    by: str,
    reference: str | None,
    *,
    min_n: int,
    n_boot: int,
    level: float,
    seed: int,
    paired: bool,
    progress: bool = False,
) -> pd.DataFrame:
    """:func:`compare` on a measure table (:func:`measure_table`, or one with a column
    derived from it, as :func:`framing.compare_periods` adds ``period``): the same
    rows, draws and columns."""
    groups = groups_of(table, by)
    if reference is not None and reference not in groups:
        raise ArgumentError(
            f"reference={reference!r} is not a value of {by!r}; "
            f"choose one of: {', '.join(groups) or '(no articles)'}"
        )
    settings = {"min_n": min_n, "n_boot": n_boot, "level": level}
    rows: list[dict[str, Any]] = []
    # Within stories needs a story other than the groups themselves.
    within = paired and by != "story" and "story" in table.columns and table["story"].notna().any()
    bar = progress_bar(progress, len(measures) * (2 if within else 1), "comparing", "figure")
    for m in measures:
        for group in groups:
            rows.append(
                _between(table, by, m, group, reference, _rng(seed, m, group, 0), **settings)
            )
        bar.update(1)
    if within:
        for m in measures:
            for group in groups:
                row = _within(table, by, m, group, reference, _rng(seed, m, group, 1), **settings)
                if row is not None:
                    rows.append(row)
            bar.update(1)
    bar.close()
    out = pd.DataFrame(rows, columns=list(COMPARISON_COLUMNS))
    for kind in (BETWEEN, WITHIN):
        mask = (out["comparison"] == kind).to_numpy()
        out.loc[mask, "q_value"] = _stats.benjamini_hochberg(
            out.loc[mask, "p_value"].to_numpy(dtype="float64")
        )
    out = out.astype({"n": "int64", "reference_n": "int64"})
    group = group_column_name(by, COMPARISON_COLUMNS)
    out = out.rename(columns={"outlet": group})
    out.attrs = {
        "by": by,
        "group_column": group,
        "reference": reference,
        "min_n": min_n,
        "n_boot": n_boot,
        "level": level,
        "seed": seed,
    }
    return out


def _rng(seed: int, m: Measure, group: str, kind: int) -> np.random.Generator:
    """One generator per row, keyed by the row's feature and group names, so a row's
    draws do not depend on which other figures or groups are in the table."""
    key = [zlib.crc32(m.feature.encode("utf-8")), zlib.crc32(group.encode("utf-8"))]
    return np.random.default_rng([seed, *key, kind])


def _values(frame: pd.DataFrame, column: str) -> np.ndarray:
    v = frame[column].to_numpy(dtype="float64")
    return v[~np.isnan(v)]


def _between(table, by, m, group, reference, rng, *, min_n, n_boot, level) -> dict[str, Any]:
    mine = table[table[by] == group]
    if reference is None:
        other = table[table[by].notna() & (table[by] != group)]
        ref_name = f"all other {_plural(by)}"
    else:
        other, ref_name = table[table[by] == reference], reference
    x, y = _values(mine, m.feature), _values(other, m.feature)
    row = _row(m, BETWEEN, group, x, ref_name, y)
    if group == reference:
        row["note"] = "the reference"
        row["reference_n"], row["reference_mean"], row["diff"] = len(y), _mean(y), math.nan
        _interval(row, x, rng, n_boot, level, min_n)
        return row
    _interval(row, x, rng, n_boot, level, min_n)
    if len(x) >= min_n and len(y) >= min_n:
        d = _stats.bootstrap_difference(x, y, rng, n_boot, level)
        row.update(
            diff_ci_low=d.low,
            diff_ci_high=d.high,
            effect_size=_stats.hedges_g(x, y),
            effect_measure="hedges_g",
            p_value=_stats.permutation_p(x, y, rng, n_boot),
            basis="inferential",
            note="",
        )
    else:
        row["note"] = _too_few(len(x), len(y), min_n, "articles")
    return row


def _within(table, by, m, group, reference, rng, *, min_n, n_boot, level) -> dict[str, Any] | None:
    present = table.dropna(subset=["story", m.feature])
    per_story = present.groupby(["story", by])[m.feature].mean().unstack(by)
    if group not in per_story.columns or group == reference:
        return None
    if reference is None:
        others = per_story.drop(columns=[group])
        ref_name = f"other {_plural(by)}, same story"
        ref_values = others.mean(axis=1, skipna=True)
    else:
        if reference not in per_story.columns:
            return None
        ref_name = f"{reference}, same story"
        ref_values = per_story[reference]
    pairs = pd.DataFrame({"x": per_story[group], "y": ref_values}).dropna()
    if pairs.empty:
        return None
    x, y = pairs["x"].to_numpy(), pairs["y"].to_numpy()
    d = x - y
    row = _row(m, WITHIN, group, x, ref_name, y)
    row["diff"] = float(d.mean())
    _interval(row, x, rng, n_boot, level, min_n)
    if len(d) >= min_n:
        ci = _stats.bootstrap_mean(d, rng, n_boot, level)
        row.update(
            diff_ci_low=ci.low,
            diff_ci_high=ci.high,
            effect_size=_stats.cohens_dz(d),
            effect_measure="cohens_dz",
            p_value=_stats.sign_flip_p(d, rng, n_boot),
            basis="inferential",
            note=f"{len(d)} {'story' if len(d) == 1 else 'stories'} with both",
        )
    else:
        both = f"{len(d)} {'story' if len(d) == 1 else 'stories'} with both"
        row["note"] = f"descriptive only: {both}, fewer than min_n={min_n}"
    return row


def _row(m, comparison, group, x, ref_name, y) -> dict[str, Any]:
    return {
        "family": m.family,
        "feature": m.feature,
        "label": m.label,
        "comparison": comparison,
        "outlet": group,
        "n": len(x),
        "mean": _mean(x),
        "ci_low": math.nan,
        "ci_high": math.nan,
        "reference": ref_name,
        "reference_n": len(y),
        "reference_mean": _mean(y),
        "diff": _mean(x) - _mean(y),
        "diff_ci_low": math.nan,
        "diff_ci_high": math.nan,
        "effect_size": math.nan,
        "effect_measure": "",
        "p_value": math.nan,
        "q_value": math.nan,
        "basis": "descriptive",
        "note": "",
    }


def _interval(row, x, rng, n_boot, level, min_n) -> None:
    if len(x) >= min_n:
        ci = _stats.bootstrap_mean(x, rng, n_boot, level)
        row["ci_low"], row["ci_high"] = ci.low, ci.high


def _plural(by: str) -> str:
    return by[:-1] + "ies" if by.endswith("y") else by + "s"


def _mean(v: np.ndarray) -> float:
    return float(v.mean()) if len(v) else math.nan


def _too_few(nx: int, ny: int, min_n: int, what: str) -> str:
    smallest = min(nx, ny)
    if smallest == 0:
        return f"no values on one side: nothing to compare ({what})"
    return f"descriptive only: n={smallest} {what} on one side, fewer than min_n={min_n}"


def group_column(table: pd.DataFrame) -> str:
    """The column of a comparison table that names each row's group: ``outlet``, or the
    ``by`` column compared (see :func:`compare`)."""
    return str(table.attrs.get("group_column", "outlet"))


def with_outlet_column(table: pd.DataFrame) -> pd.DataFrame:
    """A comparison table whose group column is called ``outlet`` whatever was compared,
    for code that reads every comparison alike (the report); ``attrs`` say what it was."""
    group = group_column(table)
    if group == "outlet":
        return table
    out = table.rename(columns={group: "outlet"})
    out.attrs = {**table.attrs, "group_column": "outlet"}
    return out


def format_comparison(
    table: pd.DataFrame, *, width: int = 120, per_family: int | None = None
) -> str:
    """The comparison table as text for a terminal: one block per comparison, each
    figure by its label in words, sorted by family, then by q (the clearest differences
    first), figures rounded, cut to ``width`` characters a line.

    Args:
        table: From :func:`compare`.
        width: The terminal's width.
        per_family: Show at most this many figures of each family in each block, those
            with the smallest q (None: every row); the last line says how many rows are
            left out and how to see them.
    """

    def num(value: float) -> str:
        return "" if value is None or math.isnan(value) else f"{value:.3g}"

    def interval(low: float, high: float) -> str:
        return "" if math.isnan(low) else f"{low:.3g} to {high:.3g}"

    group = group_column(table)
    families = list(dict.fromkeys(table["family"]))
    blocks = []
    hidden = 0
    for kind in (BETWEEN, WITHIN):
        rows = table[table["comparison"] == kind].copy()
        if rows.empty:
            continue
        # each figure ranked within its family by its smallest q over the groups
        rows["_family"] = rows["family"].map(families.index)
        rows["_best"] = rows.groupby("feature")["q_value"].transform("min")
        rows = rows.sort_values(
            ["_family", "_best", "label", "q_value"], na_position="last", kind="stable"
        )
        if per_family is not None:
            ranked = rows.drop_duplicates("feature")
            keep = set(ranked.groupby("_family", sort=False).head(per_family)["feature"])
            kept = rows[rows["feature"].isin(keep)]
            hidden += len(rows) - len(kept)
            rows = kept
        columns = {
            "measure": [str(v) for v in rows["label"]],
            group: [_clip(str(v), 24) for v in rows[group]],
            "n": [str(v) for v in rows["n"]],
            "mean": [num(v) for v in rows["mean"]],
            "diff": [num(v) for v in rows["diff"]],
            "diff CI": [
                interval(a, b)
                for a, b in zip(rows["diff_ci_low"], rows["diff_ci_high"], strict=True)
            ],
            "effect": [num(v) for v in rows["effect_size"]],
            "q": [num(v) for v in rows["q_value"]],
        }
        reference = rows["reference"].iloc[0]
        head = f"{kind}: each against {reference}" + (
            "" if kind == WITHIN else " (effect: Hedges' g)"
        )
        if kind == WITHIN:
            head += " (diff: mean of the story-by-story differences; effect: Cohen's d_z)"
        # the labels take what the figures leave of the line
        others = sum(max(len(k), *map(len, v)) + 2 for k, v in columns.items() if k != "measure")
        room = max(16, width - others)
        columns["measure"] = [_clip(v, room) for v in columns["measure"]]
        lines = _text_table(columns, left=("measure", group))
        blocks.append("\n".join([_clip(head, width), *(_clip(line, width) for line in lines)]))
    level = table.attrs.get("level", 0.95)
    notes = (
        f"CI: {level * 100:g}% percentile bootstrap; q: Benjamini–Hochberg; rows without q "
        f"are descriptive (fewer than min_n={table.attrs.get('min_n', 5)} values on a side)."
    )
    if hidden:
        notes += (
            f" {hidden} more rows not shown (here the {per_family} clearest figures of each "
            "family): --all shows every row, --out FILE writes the full table."
        )
    blocks.append(textwrap.fill(notes, width=max(40, width)))
    return "\n\n".join(blocks)


def _text_table(columns: dict[str, list[str]], left: tuple[str, ...]) -> list[str]:
    """Columns of text as aligned lines: ``left`` columns left-aligned, the rest right."""
    widths = {name: max([len(name), *map(len, values)]) for name, values in columns.items()}

    def cell(name: str, value: str) -> str:
        return value.ljust(widths[name]) if name in left else value.rjust(widths[name])

    lines = ["  ".join(cell(name, name) for name in columns).rstrip()]
    n = len(next(iter(columns.values()), []))
    for i in range(n):
        lines.append("  ".join(cell(name, values[i]) for name, values in columns.items()).rstrip())
    return lines


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(1, width - 1)] + "…"
