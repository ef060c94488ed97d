"""Krippendorff's α: agreement among coders, beyond what chance would give.

Written from its definition (Krippendorff, K. 2011, "Computing Krippendorff's
Alpha-Reliability", Annenberg School for Communication, University of Pennsylvania;
Krippendorff, K. 2019, *Content Analysis*, 4th ed., ch. 12), through the coincidence
matrix:

* a unit's values are *pairable* when at least two coders gave it one; each ordered
  pair of values ``(c, k)`` from different coders of a unit with ``m_u`` values adds
  ``1 / (m_u - 1)`` to the coincidence ``o_ck``; units with fewer than two values add
  nothing;
* ``n_c = Σ_k o_ck`` and ``n = Σ_c n_c`` (the pairable values);
* ``α = 1 − (n − 1) · Σ_ck o_ck δ²_ck / Σ_ck n_c n_k δ²_ck``, with the difference
  function ``δ²`` of the level of measurement: nominal 0 for equal values and 1
  otherwise; ordinal ``(Σ_{g=c..k} n_g − (n_c + n_k) / 2)²`` over the ranked values;
  interval ``(c − k)²``; ratio ``((c − k) / (c + k))²``.

α is 1 for perfect agreement and 0 for agreement at chance; it is undefined (NaN) when
the pairable values do not vary at all, since there is then no disagreement to expect.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal, get_args

import numpy as np
import pandas as pd

from ..errors import ArgumentError

__all__ = ["Level", "krippendorff_alpha"]

#: Levels of measurement, each with its difference function.
Level = Literal["nominal", "ordinal", "interval", "ratio"]
_LEVELS: tuple[str, ...] = get_args(Level)


def krippendorff_alpha(
    data: pd.DataFrame | Sequence[Sequence[Any]], level: Level = "nominal"
) -> float:
    """Krippendorff's α of a reliability table: coders in rows, units in columns.

    Args:
        data: One row per coder and one column per unit (a DataFrame, or nested lists
            of equal length); a missing value (NaN, None, ``pd.NA``) is a unit the
            coder did not code. Nominal values may be any hashable labels; the other
            levels need numbers.
        level: ``"nominal"`` (categories), ``"ordinal"`` (ranks), ``"interval"``
            (differences matter) or ``"ratio"`` (proportions matter).

    Returns:
        α, from 1 (perfect agreement) through 0 (chance) to negative (systematic
        disagreement); NaN where the pairable values do not vary.

    Raises:
        ArgumentError: An unknown level, fewer than two coders, rows of unequal length,
            no unit coded by two coders, or a value that is not a number at a level
            that needs one.

    Example:
        >>> framing.krippendorff_alpha([[1, 2, 3, 3], [1, 2, 3, 4]], level="interval")
        0.888...
    """
    table = _coincidences(data, level)
    expected = float(table.n_c @ table.delta @ table.n_c)
    if expected == 0:
        return math.nan
    observed = float((table.matrix * table.delta).sum())
    return 1.0 - (table.n - 1) * observed / expected


@dataclass(frozen=True)
class _Coincidences:
    """A reliability table reduced to what α needs."""

    #: o_ck, values × values (the values sorted).
    matrix: np.ndarray
    #: δ²_ck of the level of measurement.
    delta: np.ndarray
    #: m_u: how many values each pairable unit has.
    pairable: np.ndarray

    @property
    def n_c(self) -> np.ndarray:
        return self.matrix.sum(axis=1)

    @property
    def n(self) -> float:
        return float(self.matrix.sum())


def _coincidences(data: pd.DataFrame | Sequence[Sequence[Any]], level: str) -> _Coincidences:
    if level not in _LEVELS:
        raise ArgumentError(f"level={level!r}: use one of {', '.join(map(repr, _LEVELS))}")
    rows = _rows(data)
    counts, values = _value_counts(rows, level)
    pairable = counts.sum(axis=1)
    counts = counts[pairable >= 2]
    if counts.shape[0] == 0:
        raise ArgumentError(
            "no unit has values from two coders, so there is nothing to agree on; "
            "check that rows are coders and columns are units"
        )
    m = counts.sum(axis=1, keepdims=True).astype(float)
    weighted = counts / (m - 1)
    # o_ck = Σ_u counts_uc · counts_uk / (m_u − 1), less each value paired with itself
    coincidences = counts.T.astype(float) @ weighted - np.diag(weighted.sum(axis=0))
    delta = _differences(values, coincidences.sum(axis=1), level)
    return _Coincidences(coincidences, delta, counts.sum(axis=1))


def _rows(data: pd.DataFrame | Sequence[Sequence[Any]]) -> list[list[Any]]:
    if isinstance(data, pd.DataFrame):
        rows = [list(r) for r in data.itertuples(index=False, name=None)]
    else:
        rows = [list(r) for r in data]
    if len(rows) < 2:
        raise ArgumentError(
            f"{len(rows)} coder(s): α needs a table with a row for each of two or more "
            "coders and a column for each unit"
        )
    widths = {len(r) for r in rows}
    if len(widths) != 1:
        raise ArgumentError(
            f"the coders' rows have different lengths ({sorted(widths)}); give every "
            "coder one value per unit, missing values as None or NaN"
        )
    return rows


def _missing(value: Any) -> bool:
    if value is None or value is pd.NA:
        return True
    return isinstance(value, float) and math.isnan(value)


def _value_counts(rows: list[list[Any]], level: str) -> tuple[np.ndarray, list[Any]]:
    """Units × values: how many coders gave each unit each value (values sorted)."""
    present = [v for row in rows for v in row if not _missing(v)]
    if level != "nominal":
        for v in present:
            if isinstance(v, bool) or not isinstance(v, int | float | np.integer | np.floating):
                raise ArgumentError(
                    f"value {v!r} is not a number; level={level!r} needs numbers "
                    "(use level='nominal' for categories)"
                )
        values: list[Any] = sorted(set(present))
    else:
        try:
            values = sorted(set(present))
        except TypeError:  # labels of mixed types: any fixed order will do
            values = sorted(set(present), key=repr)
    index = {v: i for i, v in enumerate(values)}
    counts = np.zeros((len(rows[0]), len(values)), dtype=np.int64)
    for row in rows:
        for u, v in enumerate(row):
            if not _missing(v):
                counts[u, index[v]] += 1
    return counts, values


def _differences(values: list[Any], n_c: np.ndarray, level: str) -> np.ndarray:
    """δ²_ck for every pair of values, by the level's difference function."""
    k = len(values)
    if level == "nominal":
        return 1.0 - np.eye(k)
    x = np.asarray(values, dtype=float)
    if level == "interval":
        return (x[:, None] - x[None, :]) ** 2
    if level == "ratio":
        total = x[:, None] + x[None, :]
        with np.errstate(divide="ignore", invalid="ignore"):
            d = np.where(total == 0, 0.0, (x[:, None] - x[None, :]) / total)
        return d**2
    # ordinal: the values between c and k (both included), less half of c and k
    cumulative = np.concatenate([[0.0], np.cumsum(n_c)])
    lo = np.minimum.outer(np.arange(k), np.arange(k))
    hi = np.maximum.outer(np.arange(k), np.arange(k))
    between = cumulative[hi + 1] - cumulative[lo]
    return (between - (n_c[:, None] + n_c[None, :]) / 2) ** 2
