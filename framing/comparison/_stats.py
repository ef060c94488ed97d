"""The statistics behind :func:`framing.compare`: percentile bootstrap intervals, effect
sizes and permutation tests, for two independent samples and for paired differences.

Everything is vectorised over resamples with NumPy and seeded, so a table is the same on
every run. Methods: the percentile bootstrap (Efron & Tibshirani 1993, ch. 13); Hedges'
g, Cohen's d with the small-sample correction J = 1 − 3 / (4·df − 1) (Hedges 1981); for
paired data Cohen's d_z, the mean difference over the standard deviation of the
differences (Lakens 2013); two-sided permutation tests, label shuffles for independent
samples and sign flips for paired differences, with p = (1 + #{|T*| ≥ |T|}) / (1 + B)
(Phipson & Smyth 2010); Benjamini & Hochberg (1995) for the false discovery rate.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

# A resampled statistic that matches the observed one up to float noise counts as "as
# extreme": without this tolerance, ties in small samples would be lost to rounding.
_TIE = 1e-12
# Resamples are drawn in blocks of at most this many values, so memory stays flat
# however large the corpus (a 20,000-article outlet would otherwise need gigabytes).
_BLOCK = 2_000_000


def _blocks(n_draws: int, size: int) -> list[int]:
    per_block = max(1, _BLOCK // max(size, 1))
    return [min(per_block, n_draws - done) for done in range(0, n_draws, per_block)]


def _resampled_means(x: np.ndarray, rng: np.random.Generator, n_boot: int) -> np.ndarray:
    """Means of ``n_boot`` bootstrap resamples of ``x``."""
    return np.concatenate(
        [x[rng.integers(0, len(x), size=(k, len(x)))].mean(axis=1) for k in _blocks(n_boot, len(x))]
    )


@dataclass(frozen=True)
class Interval:
    """A confidence interval's bounds."""

    low: float
    high: float


def bootstrap_mean(x: np.ndarray, rng: np.random.Generator, n_boot: int, level: float) -> Interval:
    """Percentile bootstrap interval of the mean of ``x``."""
    return _percentiles(_resampled_means(x, rng, n_boot), level)


def bootstrap_difference(
    x: np.ndarray, y: np.ndarray, rng: np.random.Generator, n_boot: int, level: float
) -> Interval:
    """Percentile bootstrap interval of mean(x) − mean(y), resampling each sample apart."""
    return _percentiles(_resampled_means(x, rng, n_boot) - _resampled_means(y, rng, n_boot), level)


def _percentiles(values: np.ndarray, level: float) -> Interval:
    tail = (1 - level) / 2 * 100
    low, high = np.percentile(values, [tail, 100 - tail])
    return Interval(float(low), float(high))


def hedges_g(x: np.ndarray, y: np.ndarray) -> float:
    """Standardised mean difference (x − y) with Hedges' small-sample correction; NaN
    when either sample has fewer than two values or both have no spread."""
    nx, ny = len(x), len(y)
    if nx < 2 or ny < 2:
        return math.nan
    df = nx + ny - 2
    pooled = math.sqrt(((nx - 1) * x.var(ddof=1) + (ny - 1) * y.var(ddof=1)) / df)
    if pooled == 0:
        return math.nan
    return float((x.mean() - y.mean()) / pooled * (1 - 3 / (4 * df - 1)))


def cohens_dz(d: np.ndarray) -> float:
    """Mean paired difference over the standard deviation of the differences; NaN with
    fewer than two pairs or no spread."""
    if len(d) < 2:
        return math.nan
    sd = d.std(ddof=1)
    return math.nan if sd == 0 else float(d.mean() / sd)


def permutation_p(x: np.ndarray, y: np.ndarray, rng: np.random.Generator, n_perm: int) -> float:
    """Two-sided permutation p-value of mean(x) − mean(y) under exchangeable labels."""
    pooled = np.concatenate([x, y])
    observed = abs(x.mean() - y.mean())
    extreme = 0
    for k in _blocks(n_perm, len(pooled)):
        shuffled = rng.permuted(np.broadcast_to(pooled, (k, len(pooled))), axis=1)
        diffs = np.abs(shuffled[:, : len(x)].mean(axis=1) - shuffled[:, len(x) :].mean(axis=1))
        extreme += np.count_nonzero(diffs >= observed - _TIE)
    return float((1 + extreme) / (1 + n_perm))


def sign_flip_p(d: np.ndarray, rng: np.random.Generator, n_perm: int) -> float:
    """Two-sided p-value of a mean paired difference by random sign flips."""
    observed = abs(d.mean())
    extreme = 0
    for k in _blocks(n_perm, len(d)):
        signs = rng.choice(np.array([-1.0, 1.0]), size=(k, len(d)))
        extreme += np.count_nonzero(np.abs((signs * d).mean(axis=1)) >= observed - _TIE)
    return float((1 + extreme) / (1 + n_perm))


def benjamini_hochberg(p: np.ndarray) -> np.ndarray:
    """Benjamini–Hochberg adjusted p-values (q-values); NaN stays NaN."""
    q = np.full(len(p), np.nan)
    present = ~np.isnan(p)
    values = p[present]
    if not len(values):
        return q
    order = np.argsort(values)
    ranked = values[order] * len(values) / np.arange(1, len(values) + 1)
    adjusted = np.minimum.accumulate(ranked[::-1])[::-1].clip(max=1.0)
    out = np.empty(len(values))
    out[order] = adjusted
    q[present] = out
    return q
