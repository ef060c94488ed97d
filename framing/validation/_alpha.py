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

Its sampling distribution is bootstrapped from the same coincidence matrix
(:func:`bootstrap_alpha`), by the algorithm of Hayes & Krippendorff (2007) and their
KALPHA macro: pairs of values are drawn with replacement from the coincidences, the
expected disagreement is held at the data's. The interval and ``q``, the probability
that α is below a required minimum, are read from the draws (:class:`AlphaBootstrap`).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal, get_args

import numpy as np
import pandas as pd

from ..errors import ArgumentError

__all__ = ["AlphaBootstrap", "Level", "bootstrap_alpha", "krippendorff_alpha"]

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
    return _alpha_of(_coincidences(data, level))


@dataclass(frozen=True, eq=False)
class AlphaBootstrap:
    """α with its bootstrapped distribution, from :func:`bootstrap_alpha`.

    Attributes:
        alpha: α of the data, as :func:`krippendorff_alpha` gives it.
        draws: α of every resample, in the order drawn (read-only); all NaN where α is
            undefined.
        pairs: Pairs of values drawn in each resample (``M``).
        level: The level of measurement.
    """

    alpha: float
    draws: np.ndarray
    pairs: int
    level: Level

    def interval(self, confidence: float = 0.95) -> tuple[float, float]:
        """The percentile interval of the draws, with KALPHA's order statistics.

        Of ``X`` draws sorted upward, the ``⌊X(1 − confidence)/2⌋``-th and the
        ``(⌊X(1 + confidence)/2⌋ + 1)``-th (counting from 1): the 25th and the 976th
        of 1,000 at 95%.

        Args:
            confidence: Confidence level, between 0 and 1.

        Returns:
            The lower and upper limit; NaN where α is undefined.

        Raises:
            ArgumentError: A confidence level outside (0, 1).
        """
        if not 0 < confidence < 1:
            raise ArgumentError(f"confidence={confidence}: give a level between 0 and 1")
        if np.isnan(self.draws).any():
            return math.nan, math.nan
        ordered = np.sort(self.draws)
        count = len(ordered)
        tail = (1 - confidence) / 2 * count
        # the small tolerance keeps 0.025 * 1000 from flooring to 24 on a rounding error
        low = max(math.floor(tail + 1e-9), 1)
        high = min(math.floor(count - tail + 1e-9) + 1, count)
        return float(ordered[low - 1]), float(ordered[high - 1])

    def q(self, alpha_min: float) -> float:
        """The probability ``q`` of failing to reach ``alpha_min``: the share of draws
        below it (Hayes & Krippendorff 2007). NaN where α is undefined."""
        if np.isnan(self.draws).any():
            return math.nan
        return float(np.mean(self.draws < alpha_min))


def bootstrap_alpha(
    data: pd.DataFrame | Sequence[Sequence[Any]],
    level: Level = "nominal",
    *,
    n_boot: int = 20_000,
    seed: int | np.random.Generator = 0,
    pairs: int | None = None,
) -> AlphaBootstrap:
    """Bootstrap α's distribution by Hayes & Krippendorff's (2007) algorithm.

    Hayes, A. F. & Krippendorff, K. (2007), "Answering the call for a standard
    reliability measure for coding data", *Communication Methods and Measures* 1(1):
    77–89, and their KALPHA macro; Krippendorff, K., "Algorithm for bootstrapping a
    distribution of α" (2006, revised 2011). Given the data's coincidences ``o_ck``,
    pairable values ``n`` and differences ``δ²_ck``:

    1. the expected disagreement ``D_e = Σ_ck n_c n_k δ²_ck / (n (n − 1))`` is the
       data's, the same in every resample;
    2. each resample draws ``M`` pairs of values with replacement, the pair ``c, k``
       with probability ``o_ck / n`` (``o_cc / n`` for two equal values, ``2 o_ck / n``
       for unequal ones in either order). That is drawing among the data's pairs of
       values from different coders of a unit, each weighted by ``1 / (m_u − 1)``:
       the paper's pairs "weighted by how many observers judged a given unit";
    3. ``M`` is the number of such pairs in the data, ``Σ_u m_u (m_u − 1) / 2`` (the
       paper's "239 pairs of judgments" in its example);
    4. ``α* = 1 − D_o* / D_e``, with ``D_o*`` the mean ``δ²`` of the drawn pairs. As
       ``E[D_o*] = D_o``, the draws are centred on α;
    5. α below −1 is set to −1; a resample whose pairs all hold one and the same value
       has no variation, so its α is undefined, and it counts as 0, as in KALPHA.

    Where the sources differ: KALPHA 3.0 (2011) and the Stata ``kalpha`` of Klein &
    Reckmann, which follow Krippendorff's note as revised, draw ``M = min(25 Q,
    (coders − 1) n / 2)`` pairs (``Q`` the non-zero cells of ``o``): unless ``25 Q`` is
    the smaller, more than the data hold whenever a coder skipped a unit, and so a
    narrower interval (318 against 239 in the paper's example); the paper's count
    is followed here: it is the published algorithm's, and the number of pairs
    actually observed (``pairs=`` gives another). KALPHA cannot tell which
    resamples lack variation, so it sets ``round(n_boot · Σ_c (o_cc / n)^M)`` of the
    resamples at 1 to 0, their expected number; here they are found exactly. The R
    package icr, after Krippendorff's 2016 note, draws every pair with equal probability
    and drops α below −1; with units coded by different numbers of coders its draws are
    not centred on α, and it is not followed.

    Unlike resampling units (``framing.reliability(..., interval="units")``), the draws treat pairs
    as independent and hold ``D_e`` fixed, so they ignore that a unit's pairs share
    values; Gwet (2015) finds the standard error it implies too small, and Zapf et al.
    (2016, BMC Medical Research Methodology 16:93) recommend resampling units instead.

    Args:
        data: One row per coder and one column per unit, as for
            :func:`krippendorff_alpha`; a missing value (NaN, None, ``pd.NA``) is a unit
            the coder did not code.
        level: ``"nominal"``, ``"ordinal"``, ``"interval"`` or ``"ratio"``.
        n_boot: Resamples (KALPHA asks for at least 1,000).
        seed: Seed (or a numpy Generator) of the draws; the same seed gives the same
            draws.
        pairs: Pairs drawn per resample; by default the data's pairs,
            ``Σ_u m_u (m_u − 1) / 2``.

    Returns:
        An :class:`AlphaBootstrap`: α, the draws, ``interval(confidence)`` and
        ``q(alpha_min)``. Where the pairable values do not vary, α and every draw are
        NaN.

    Raises:
        ArgumentError: What :func:`krippendorff_alpha` refuses (an unknown level, fewer
            than two coders, rows of unequal length, no unit coded by two coders, a
            value that is not a number at a level that needs one), or ``n_boot`` or
            ``pairs`` below 1.

    Example:
        >>> boot = framing.bootstrap_alpha([[1, 2, 3, 3, 2], [1, 2, 3, 4, 2]], "interval")
        >>> boot.alpha, boot.pairs
        (0.888..., 5)
        >>> boot.interval(0.95), boot.q(0.8)
        ((0.666..., 1.0), 0.27...)
    """
    for name, value in (("n_boot", n_boot), ("pairs", 1 if pairs is None else pairs)):
        if isinstance(value, bool) or not isinstance(value, int | np.integer) or value < 1:
            raise ArgumentError(f"{name}={value!r}: give a whole number of at least 1")
    table = _coincidences(data, level)
    m = table.pairable
    drawn = int((m * (m - 1) // 2).sum()) if pairs is None else int(pairs)
    alpha = _alpha_of(table)
    if math.isnan(alpha):
        draws = np.full(n_boot, math.nan)
    else:
        draws = _draws(table, drawn, n_boot, np.random.default_rng(seed))
    draws.flags.writeable = False
    return AlphaBootstrap(alpha=alpha, draws=draws, pairs=drawn, level=level)


def _draws(table: _Coincidences, pairs: int, n_boot: int, rng: np.random.Generator) -> np.ndarray:
    n = table.n
    expected = float(table.n_c @ table.delta @ table.n_c) / (n * (n - 1))
    rows, cols = np.triu_indices(len(table.n_c))
    same = rows == cols
    p = table.matrix[rows, cols] * np.where(same, 1.0, 2.0) / n
    # o_ck of a cell with no pairs can come out as ±1e-17 after the subtraction
    cells = p > 1e-12
    p, delta, same = p[cells], table.delta[rows, cols][cells], same[cells]
    draws = np.empty(n_boot)
    # resamples in blocks, so that the counts (resamples × cells) stay near 8 MB
    block = max(1, 2**20 // len(p))
    for start in range(0, n_boot, block):
        counts = rng.multinomial(pairs, p / p.sum(), size=min(block, n_boot - start))
        alpha = np.maximum(1.0 - (counts @ delta) / pairs / expected, -1.0)
        alpha[(counts[:, same] == pairs).any(axis=1)] = 0.0
        draws[start : start + len(counts)] = alpha
    return draws


def _alpha_of(table: _Coincidences) -> float:
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
