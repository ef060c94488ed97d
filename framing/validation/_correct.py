"""Figures corrected by the coders: what framing's labels turned out to hold, carried
over to the whole corpus, so that a difference between outlets can be read against the
extractor's measured error.

A coding sheet is drawn stratified by framing's label, so within each of framing's
labels ``j`` the coded units estimate ``P(coders' value v | framing's label j)``: per
outlet where the outlet has coded units of that label, else over all outlets, and as
framing gives it where no unit of the label was coded. A share framing measures is then
corrected as ``Σ_j P(v | j) · share of j`` (calibration for misclassified categories;
Buonaccorsi 2010, *Measurement Error: Models, Methods, and Applications*, ch. 3). The
intervals resample the coded units within each of framing's labels: they are the
uncertainty of the correction, not of the corpus's own sampling, which the comparison's
intervals already give.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from ..comparison import BETWEEN, compare, measure_table, measures_for
from ..errors import ArgumentError
from ._score import N_BOOT, Reliability
from ._sheets import CODES, _pool

if TYPE_CHECKING:
    from ..analysis import Analysis

__all__ = ["corrected_comparison", "corrected_shares"]

#: The columns of :func:`corrected_comparison` after the group column.
CORRECTED_COLUMNS = (
    "feature",
    "label",
    "reference",
    "diff",
    "code",
    "values",
    "coded_units",
    "error_shift",
    "diff_corrected",
    "diff_corrected_ci_low",
    "diff_corrected_ci_high",
    "error_could_explain",
)


#: Per group (``None``: all groups pooled), ``P(coders' value | framing's label)``.
Matrices = dict[str | None, np.ndarray]


class _Calibration:
    """``P(coders' value | framing's label)`` per group, from the coded units of one code,
    and the same from resamples of them."""

    def __init__(self, result: Reliability, code: str) -> None:
        if code not in result.coded:
            raise ArgumentError(
                f"code={code!r}: this result scored {', '.join(result.coded) or 'no code'}"
            )
        self.allowed = list(CODES[result.unit][code])
        index = {v: i for i, v in enumerate(self.allowed)}
        units = result.units.set_index("unit_id")
        frame = pd.DataFrame(
            {
                "group": units["outlet"].astype("string"),
                "framing": units[f"framing_{code}"].astype(str).map(index),
                "coders": result.majority(code).reindex(units.index).map(index),
            }
        ).dropna(subset=["framing", "coders"])
        self.groups = sorted(str(g) for g in frame["group"].dropna().unique())
        self.group = frame["group"].map({g: i for i, g in enumerate(self.groups)}).to_numpy()
        self.framing = frame["framing"].astype(int).to_numpy()
        self.coders = frame["coders"].astype(int).to_numpy()
        self.by_label = [np.flatnonzero(self.framing == j) for j in range(len(self.allowed))]

    @property
    def n(self) -> int:
        """Coded units with a majority value."""
        return len(self.framing)

    def matrices(self, picked: np.ndarray | None = None) -> Matrices:
        """Per group (and ``None``: all groups pooled), rows framing's labels, columns the
        coders' values, each row summing to one."""
        rows = np.arange(self.n) if picked is None else picked
        size = len(self.allowed)

        def counts(mask: np.ndarray) -> np.ndarray:
            out = np.zeros((size, size))
            np.add.at(out, (self.framing[rows[mask]], self.coders[rows[mask]]), 1)
            return out

        pooled = counts(np.ones(len(rows), dtype=bool))
        pooled = np.where(pooled.sum(1, keepdims=True) > 0, pooled, np.eye(size))
        out: Matrices = {None: pooled / pooled.sum(1, keepdims=True)}
        for i, group in enumerate(self.groups):
            local = counts(self.group[rows] == i)
            local = np.where(local.sum(1, keepdims=True) > 0, local, pooled)
            out[group] = local / local.sum(1, keepdims=True)
        return out

    def resamples(self, n_boot: int, rng: np.random.Generator) -> list[Matrices]:
        """The matrices of ``n_boot`` resamples, coded units drawn with replacement within
        each of framing's labels (the sheet's strata)."""
        out = []
        for _ in range(n_boot):
            picked = np.concatenate(
                [idx[rng.integers(0, len(idx), len(idx))] for idx in self.by_label if len(idx)]
                or [np.array([], dtype=int)]
            )
            out.append(self.matrices(picked))
        return out


def _label_shares(
    analysis: Analysis, result: Reliability, code: str, allowed: list[str]
) -> tuple[pd.DataFrame, pd.Series]:
    """Per article, the share of its units framing gives each label, and its group."""
    pool = _pool(analysis, result.unit, result.by)
    counts = pd.crosstab(pool["doc_id"], pool[f"framing_{code}"].astype(str)).reindex(
        columns=allowed, fill_value=0
    )
    shares = counts.div(counts.sum(axis=1), axis=0)
    group = pool.drop_duplicates("doc_id").set_index("doc_id")["_group"].reindex(shares.index)
    return shares, group


def _stacked(draws: Sequence[Matrices]) -> dict[str | None, np.ndarray]:
    """Matrices of several draws, stacked per group: ``(draws, labels, values)``."""
    return {key: np.stack([m[key] for m in draws]) for key in draws[0]} if draws else {}


def _bias(
    shares: pd.DataFrame,
    group: pd.Series,
    stacked: dict[str | None, np.ndarray],
    values: list[int],
) -> np.ndarray:
    """Per draw and article, the corrected share of ``values`` (Σ_j share of j ·
    P(values | j), with the article's group's matrix) less framing's share of them."""
    s = shares.to_numpy()
    n_draws = len(next(iter(stacked.values())))
    out = np.empty((n_draws, len(s)))
    keys = group.astype(object).where(group.isin(stacked), None).to_numpy()
    for key in pd.unique(keys):
        rows = keys == key
        weights = stacked[key][:, :, values].sum(axis=2)  # draws × framing's labels
        out[:, rows] = weights @ s[rows].T
    return out - s[:, values].sum(axis=1)


def corrected_shares(
    result: Reliability,
    analysis: Analysis,
    *,
    code: str | None = None,
    n_boot: int = N_BOOT,
    level: float = 0.95,
    seed: int = 0,
) -> pd.DataFrame:
    """Each outlet's share of every value of a code over the whole corpus, as framing
    labels it and corrected by what the coders found framing's labels to hold.

    Args:
        result: From :func:`reliability`.
        analysis: The analysis the sheet was drawn from (its shares are the corpus's).
        code: Which code (default: the sheet's first).
        n_boot: Resamples for the interval (0: none).
        level: Confidence level.
        seed: Seed of the resampling.

    Returns:
        One row per outlet and value: ``units`` (the outlet's units in the corpus),
        ``observed`` (framing's share), ``corrected`` and its interval. Units are pooled
        over the outlet's articles (a long article weighs more); the per-article means
        the comparison uses are corrected by :func:`corrected_comparison`.

    Raises:
        ArgumentError: The result holds no such code.
    """
    code = code or next(iter(result.coded), "")
    calibration = _Calibration(result, code)
    allowed = calibration.allowed
    pool = _pool(analysis, result.unit, result.by)
    observed = pd.crosstab(pool["_group"], pool[f"framing_{code}"].astype(str)).reindex(
        columns=allowed, fill_value=0
    )
    totals = observed.sum(axis=1).to_numpy(dtype=float)
    shares = observed.to_numpy() / totals[:, None]

    def corrected(matrices: Matrices) -> np.ndarray:
        return np.vstack(
            [
                shares[i] @ matrices.get(str(outlet), matrices[None])
                for i, outlet in enumerate(observed.index)
            ]
        )

    point = corrected(calibration.matrices())
    draws = [corrected(m) for m in calibration.resamples(n_boot, np.random.default_rng(seed))]
    low, high = _bounds(np.array(draws), level, point.shape)
    rows = []
    for i, outlet in enumerate(observed.index):
        for j, value in enumerate(allowed):
            rows.append(
                {
                    "code": code,
                    "outlet": outlet,
                    "value": value,
                    "units": int(totals[i]),
                    "observed": float(shares[i, j]),
                    "corrected": float(point[i, j]),
                    "corrected_ci_low": float(low[i, j]),
                    "corrected_ci_high": float(high[i, j]),
                }
            )
    return pd.DataFrame(rows)


def _bounds(draws: np.ndarray, level: float, shape: tuple[int, ...]) -> tuple[np.ndarray, ...]:
    if not len(draws):
        return np.full(shape, math.nan), np.full(shape, math.nan)
    low, high = np.quantile(draws, [(1 - level) / 2, (1 + level) / 2], axis=0)
    return low, high


def corrected_comparison(
    analysis: Analysis,
    validation: Reliability | Sequence[Reliability],
    comparison: pd.DataFrame | None = None,
    *,
    n_boot: int = N_BOOT,
    level: float = 0.95,
    seed: int = 0,
) -> pd.DataFrame:
    """Every difference between outlets that coders checked, corrected by their findings.

    A measure is checked where its family declares how coders code it
    (:class:`framing.features.Coded`: the attribution shares by source type, the
    hedged-sentence share, the negative and positive sentence shares) and a scored sheet
    of that unit holds that code. Each article's share is corrected as
    :func:`corrected_shares` does (with the calibration of the article's outlet), and the
    difference between outlet and reference is taken again over the same articles. The
    difference is one *the measured error could explain* where the corrected difference's
    interval reaches zero or the other side of it.

    Args:
        analysis: The analysis the sheets were drawn from.
        validation: One or more results of :func:`reliability` (a sentence sheet and an
            attribution sheet, say).
        comparison: A table from :func:`framing.compare` (default: ``compare(analysis)``).
        n_boot: Resamples of the coded units for the interval (0: none; the point
            estimate alone decides).
        level: Confidence level of the interval.
        seed: Seed of the resampling.

    Returns:
        One row per between-outlet row of the comparison whose measure was checked: the
        comparison's group column, ``feature``, ``label``, ``reference``, ``diff``, the
        ``code`` and ``values`` checked, ``coded_units``, ``error_shift`` (how far the
        correction moves the difference), ``diff_corrected`` with its interval, and
        ``error_could_explain``.
    """
    results = [validation] if isinstance(validation, Reliability) else list(validation)
    if comparison is None:
        comparison = compare(analysis)
    by = comparison.attrs.get("by", "outlet")
    group_column = comparison.attrs.get("group_column", by)
    reference = comparison.attrs.get("reference")
    table = measure_table(analysis, by)
    rng = np.random.default_rng(seed)
    between = comparison[
        (comparison["comparison"] == BETWEEN) & (comparison["note"] != "the reference")
    ]
    checked = {m.feature: m.coded for m in measures_for(analysis) if m.coded is not None}
    rows = []
    prepared: dict[tuple[int, str], tuple] = {}
    for feature, coded in checked.items():
        result = next((r for r in results if r.unit == coded.unit and coded.code in r.coded), None)
        if result is None or feature not in table.columns:
            continue
        key = (id(result), coded.code)
        if key not in prepared:
            calibration = _Calibration(result, coded.code)
            shares, group = _label_shares(analysis, result, coded.code, calibration.allowed)
            prepared[key] = (
                calibration,
                shares,
                group,
                _stacked([calibration.matrices()]),
                _stacked(calibration.resamples(n_boot, rng)),
            )
        calibration, shares, group, point, draws = prepared[key]
        values = [calibration.allowed.index(v) for v in coded.values]
        bias = _bias(shares, group, point, values)[0]
        bias_draws = _bias(shares, group, draws, values) if draws else np.empty((0, len(bias)))
        position = pd.Series(np.arange(len(shares)), index=shares.index)
        present = table[table[feature].notna()]
        for row in between[between["feature"] == feature].itertuples(index=False):
            outlet = getattr(row, group_column)
            in_reference = (
                present[by] == reference
                if reference is not None
                else present[by].notna() & (present[by] != outlet)
            )
            mine = _positions(position, present.loc[present[by] == outlet, "doc_id"])
            other = _positions(position, present.loc[in_reference, "doc_id"])
            moved = _mean(bias, mine) - _mean(bias, other)
            corrected = row.diff + moved
            spread = row.diff + _mean(bias_draws, mine) - _mean(bias_draws, other)
            low, high = (
                np.quantile(spread, [(1 - level) / 2, (1 + level) / 2])
                if len(bias_draws)
                else (math.nan, math.nan)
            )
            rows.append(
                {
                    group_column: outlet,
                    "feature": feature,
                    "label": row.label,
                    "reference": row.reference,
                    "diff": row.diff,
                    "code": coded.code,
                    "values": ", ".join(coded.values),
                    "coded_units": calibration.n,
                    "error_shift": moved,
                    "diff_corrected": corrected,
                    "diff_corrected_ci_low": float(low),
                    "diff_corrected_ci_high": float(high),
                    "error_could_explain": _could_explain(row.diff, corrected, low, high),
                }
            )
    return pd.DataFrame(rows, columns=[group_column, *CORRECTED_COLUMNS])


def _positions(position: pd.Series, docs: pd.Series) -> np.ndarray:
    """Where the articles ``docs`` are among the articles with units (those without
    units have no share to correct, and shift nothing)."""
    return position.reindex(docs).dropna().to_numpy(dtype=int)


def _mean(bias: np.ndarray, columns: np.ndarray) -> np.ndarray | float:
    """The mean bias over the articles ``columns``: one value, or one per draw."""
    if not len(columns):
        return 0.0 if bias.ndim == 1 else np.zeros(len(bias))
    return bias[..., columns].mean(axis=-1)


def _could_explain(diff: float, corrected: float, low: float, high: float) -> bool:
    """Whether, corrected, the difference could be none or the other way round (a
    corrected bound within rounding error of zero counts as zero)."""
    if math.isnan(diff) or abs(diff) < _ZERO:
        return False
    sign = math.copysign(1, diff)
    if math.isnan(low) or math.isnan(high):
        return not corrected * sign > _ZERO
    return not (low * sign > _ZERO and high * sign > _ZERO)


#: Smaller than any difference a share can show, larger than floating-point error.
_ZERO = 1e-9
