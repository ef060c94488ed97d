"""Numbers as the report writes them, in one place: shares as percentages and their
differences in points, other figures to a sensible precision, intervals as "a to b",
p-values that never read 0, and the ▲/▼ mark of a difference the corpus supports."""

from __future__ import annotations

import math

import pandas as pd

from ..comparison import Measure

# A difference is marked ▲/▼ when its q-value is below this and its interval excludes 0.
Q_MARK = 0.05


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def _number(value: float, signed: bool) -> str:
    size = abs(value)
    digits = 2 if size < 10 else 1
    text = f"{value:+.{digits}f}" if signed else f"{value:.{digits}f}"
    if float(text) == 0:  # no "-0.00" or "+0.00"
        return f"{0:.{digits}f}"
    return text


def value(x: float, unit: str) -> str:
    """A figure: ``36%`` for a share, ``40.5`` for a rate, ``0.13`` for a score."""
    if _missing(x):
        return "n/a"
    if unit == "share":
        return f"{x * 100:.0f}%" if abs(x) >= 0.01 or x == 0 else f"{x * 100:.1f}%"
    return _number(x, signed=False)


def difference(x: float, unit: str) -> str:
    """A difference: ``+25 points`` between shares, ``+6.14`` otherwise."""
    if _missing(x):
        return "n/a"
    if unit == "share":
        points = x * 100
        text = f"{points:+.0f}" if abs(points) >= 1 else f"{points:+.1f}"
        if float(text) == 0:
            return "0 points"
        return f"{text} point{'' if abs(float(text)) == 1 else 's'}"
    return _number(x, signed=True)


def interval(low: float, high: float, unit: str, *, signed: bool = False) -> str:
    """``[a to b]``, each bound written like the figure (or its difference)."""
    if _missing(low):
        return ""
    write = difference if signed else value
    return f"{write(low, unit)} to {write(high, unit)}"


def p_value(p: float) -> str:
    """A permutation p-value or q-value: never 0 (the smallest is 1 / (1 + draws))."""
    if _missing(p):
        return "n/a"
    return "< 0.001" if p < 0.001 else f"{p:.2g}" if p < 0.1 else f"{p:.2f}"


def mark(row: pd.Series) -> str:
    """``up``/``down`` where the corpus supports the difference (inferential, q below
    :data:`Q_MARK`, interval excluding 0), else ``""``."""
    if row["basis"] != "inferential" or not row["q_value"] < Q_MARK:
        return ""
    if row["diff_ci_low"] > 0:
        return "up"
    if row["diff_ci_high"] < 0:
        return "down"
    return ""


def unit_of(feature: str, measures: dict[str, Measure]) -> str:
    m = measures.get(feature)
    return m.unit if m is not None else "score"
