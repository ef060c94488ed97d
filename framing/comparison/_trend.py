"""Outlets over time: every figure per outlet and period (:func:`trend`), the articles
each outlet published per period (attention, Media Cloud's first chart), and an
outlet's change between two periods tested as any comparison is
(:func:`compare_periods`).

Periods are calendar days, weeks (ISO: Monday to Sunday), months or years of the
``published`` column, which the loader holds in UTC (an article dated
``2020-01-01T23:30-05:00`` is published on 2 January, UTC). A date without a time is
midnight UTC of that day. Articles without a date are left out and counted in the
table's ``attrs``.
"""

from __future__ import annotations

import math
import zlib
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Literal, get_args

import numpy as np
import pandas as pd

from ..errors import ArgumentError, ColumnError
from . import _stats
from ._compare import COMPARISON_COLUMNS, check_settings, compare_table, group_column_name
from ._measures import Measure, groups_of, measure_table, measures_for

if TYPE_CHECKING:
    from ..analysis import Analysis

#: A period: a calendar day, an ISO week (Monday to Sunday), a month or a year, in UTC.
Freq = Literal["D", "W", "M", "Y"]

#: Each period's name in words, for messages and the report.
FREQ_WORDS: dict[str, str] = {"D": "day", "W": "week", "M": "month", "Y": "year"}

# pandas' own period codes: "W-SUN" is the week that ends on Sunday, so starts on Monday.
_PANDAS_FREQ = {"D": "D", "W": "W-SUN", "M": "M", "Y": "Y"}

#: The columns of a trend table, in order; the group column is named after ``by``.
TREND_COLUMNS: tuple[str, ...] = (
    "period",
    "period_end",
    "outlet",
    "family",
    "feature",
    "label",
    "unit",
    "n",
    "mean",
    "ci_low",
    "ci_high",
    "basis",
    "note",
)

#: The feature of the rows that count articles (attention), one per group and period.
ARTICLES = "articles"


def trend(
    analysis: Analysis,
    *,
    freq: Freq = "W",
    by: str = "outlet",
    features: str | Sequence[str] | None = None,
    min_n: int = 5,
    n_boot: int = 2000,
    level: float = 0.95,
    seed: int = 0,
) -> pd.DataFrame:
    """Every figure per outlet and period, with the articles counted and bootstrap
    intervals: tone, sources, hedging … over time.

    The articles are those :func:`framing.compare` counts (one version per version
    group) that have a ``published`` date. Each figure is the one ``compare`` reads
    from the measures registry, so a period's mean is the figure of the comparison
    table restricted to that period.

    Args:
        analysis: From :func:`framing.analyse`.
        freq: The period: ``"D"`` calendar days, ``"W"`` weeks from Monday to Sunday
            (ISO 8601), ``"M"`` months, ``"Y"`` years; all in UTC.
        by: The column naming the groups (``outlet``).
        features: Only these figures (their ``feature`` names, as in the comparison
            table); None: every figure. The article counts are always there.
        min_n: Fewest articles with a value for an interval; a group's period with
            fewer is ``basis="descriptive"``, its mean without an interval.
        n_boot: Bootstrap resamples per interval (at least 100). Each row draws from
            its own generator, keyed by ``seed``, its figure, group and period.
        level: Confidence level of the intervals.
        seed: Seed of the draws; the same seed gives the same table.

    Returns:
        A tidy table, one row per group, period and figure, columns
        :data:`TREND_COLUMNS` (the group column named after ``by``; ``<by>_group``
        where that names another column), sorted by period, group and figure:

        * ``period``, ``period_end``: the first and last day of the period;
        * ``feature`` ``"articles"`` (family ``attention``): the group's counted
          articles in the period, in ``n`` and ``mean``; every period from the first
          dated article to the last has this row for every group, 0 where the group
          published nothing;
        * every other figure, where the group has articles in the period: ``n``
          articles with a value, ``mean`` and its percentile bootstrap interval
          ``ci_low``, ``ci_high`` (Efron & Tibshirani 1993);
        * ``basis``: ``inferential`` (an interval), ``descriptive`` (fewer than
          ``min_n`` values; ``note`` says so) or ``count`` (the article rows).

        ``attrs`` hold the settings, ``undated`` (counted articles without a date, left
        out) and ``note`` saying so in words.

    Raises:
        ColumnError: ``by`` is not a column, or no counted article has a date.
        ArgumentError: ``freq``, ``features``, ``min_n``, ``n_boot`` or ``level`` is
            not one framing can use.

    Example:
        >>> table = framing.trend(analysis, freq="M")  # doctest: +SKIP
        >>> table[table.feature == "sent_compound_mean"]  # doctest: +SKIP
    """
    check_settings(min_n=min_n, n_boot=n_boot, level=level)
    table, undated = _dated_table(analysis, by, freq)
    measures = _chosen(measures_for(analysis), features)
    groups = groups_of(table, by)
    # Every period between the first and the last, so a period without articles shows 0.
    periods = pd.period_range(
        table["_period"].min(), table["_period"].max(), freq=_PANDAS_FREQ[freq]
    )
    rows: list[dict[str, Any]] = []
    counts = table.groupby(["_period", by], observed=True).size()
    for period in periods:
        for group in groups:
            n = int(counts.get((period, group), 0))
            rows.append(
                _trend_row(period, group, "attention", ARTICLES, "articles counted", "count", n)
                | {"mean": float(n), "basis": "count"}
            )
    for (period, group), part in table.groupby(["_period", by], observed=True, sort=True):
        key = str(period)
        for m in measures:
            values = part[m.feature].to_numpy(dtype="float64")
            values = values[~np.isnan(values)]
            row = _trend_row(period, group, m.family, m.feature, m.label, m.unit, len(values))
            row["mean"] = float(values.mean()) if len(values) else math.nan
            if len(values) >= min_n:
                rng = _rng(seed, m.feature, str(group), key)
                ci = _stats.bootstrap_mean(values, rng, n_boot, level)
                row.update(ci_low=ci.low, ci_high=ci.high, basis="inferential")
            else:
                row["note"] = (
                    f"descriptive only: n={len(values)} articles with a value, "
                    f"fewer than min_n={min_n}"
                )
            rows.append(row)
    out = pd.DataFrame(rows, columns=list(TREND_COLUMNS))
    order = {name: i for i, name in enumerate([ARTICLES, *(m.feature for m in measures)])}
    out = (
        out.assign(_order=out["feature"].map(order))
        .sort_values(["period", "outlet", "_order"], kind="stable")
        .drop(columns="_order")
        .reset_index(drop=True)
        .astype({"n": "int64"})
    )
    group = group_column_name(by, TREND_COLUMNS)
    out = out.rename(columns={"outlet": group})
    out.attrs = {
        "by": by,
        "group_column": group,
        "freq": freq,
        "min_n": min_n,
        "n_boot": n_boot,
        "level": level,
        "seed": seed,
        "undated": undated,
        "note": _undated_note(undated),
    }
    return out


def compare_periods(
    analysis: Analysis,
    first: str | pd.Timestamp,
    second: str | pd.Timestamp,
    *,
    freq: Freq = "M",
    outlet: str | None = None,
    by: str = "outlet",
    min_n: int = 5,
    n_boot: int = 2000,
    level: float = 0.95,
    seed: int = 0,
) -> pd.DataFrame:
    """An outlet's change between two periods, tested as :func:`framing.compare` tests
    two outlets: the later period's articles against the earlier's, on every figure.

    Args:
        analysis: From :func:`framing.analyse`.
        first: The period compared with (the reference): any date in it, as text
            (``"2016"``, ``"2016-03"``, ``"2016-03-09"``) or a timestamp.
        second: The period set against it.
        freq: What a period is (see :func:`trend`): ``"2016-03-09"`` with ``freq="W"``
            is the week of Monday 7 March 2016.
        outlet: The outlet (the value of ``by``) whose change is tested; None: every
            counted article, all outlets pooled.
        by: The column ``outlet`` is a value of.
        min_n: Fewest articles in each period for intervals, effect sizes and p-values.
        n_boot: Bootstrap resamples and permutations (at least 100).
        level: Confidence level.
        seed: Seed of the draws.

    Returns:
        The comparison table of :func:`framing.compare` (between outlets only; no
        paired rows: a story seldom spans both periods), one row per figure: the
        group column ``period`` holds ``second`` as a period (``2016-03``,
        ``2016-03-07/2016-03-13``), ``reference`` the ``first``, ``diff`` the
        change (positive = more in ``second``), then ``outlet`` (the ``by`` column:
        the outlet tested, or ``all``). ``q_value`` is Benjamini–Hochberg over the
        figures of the table.

    Raises:
        ColumnError: ``by`` is not a column, or no counted article has a date.
        ArgumentError: a period is not a date, the two are the same, ``outlet`` is not
            a value of ``by``, or the outlet has no dated article in a period.

    Example:
        >>> fox = framing.compare_periods(  # doctest: +SKIP
        ...     analysis, "2012", "2016", freq="Y", outlet="Fox News"
        ... )
    """
    check_settings(min_n=min_n, n_boot=n_boot, level=level)
    table, _ = _dated_table(analysis, by, freq)
    if outlet is not None:
        choices = groups_of(table, by)
        if outlet not in choices:
            raise ArgumentError(
                f"outlet={outlet!r} is not a {by} with dated articles; choose one of: "
                f"{', '.join(choices)}"
            )
        table = table[table[by] == outlet]
    a, b = (_period_of(p, freq, name) for p, name in ((first, "first"), (second, "second")))
    if a == b:
        raise ArgumentError(f"first and second are the same {FREQ_WORDS[freq]} ({a}): give two")
    have = set(table["_period"])
    for p in (a, b):
        if p not in have:
            shown = ", ".join(str(x) for x in sorted(have)[:12]) + (", …" if len(have) > 12 else "")
            raise ArgumentError(
                f"{outlet or 'the corpus'} has no dated counted article in the "
                f"{FREQ_WORDS[freq]} {p}; {FREQ_WORDS[freq]}s with articles: {shown}"
            )
    table = table[table["_period"].isin([a, b])].copy()
    table["period"] = table["_period"].astype(str)
    out = compare_table(
        table,
        measures_for(analysis),
        "period",
        str(a),
        min_n=min_n,
        n_boot=n_boot,
        level=level,
        seed=seed,
        paired=False,
    )
    out = out[out["period"] == str(b)].reset_index(drop=True)
    out["q_value"] = _stats.benjamini_hochberg(out["p_value"].to_numpy(dtype="float64"))
    group = group_column_name(by, COMPARISON_COLUMNS)
    out.insert(out.columns.get_loc("period") + 1, group, outlet if outlet is not None else "all")
    out.attrs = {
        "by": "period",
        "group_column": "period",
        "freq": freq,
        "outlet": outlet,
        "reference": str(a),
        "min_n": min_n,
        "n_boot": n_boot,
        "level": level,
        "seed": seed,
    }
    return out


def period_of(published: pd.Series, freq: Freq) -> pd.Series:
    """Each date's period (a pandas ``Period``: ``2016-03``, ``2016-03-07/2016-03-13``),
    missing where there is no date."""
    _check_freq(freq)
    return pd.Series(published, copy=False).dt.to_period(_PANDAS_FREQ[freq])


def _check_freq(freq: str) -> None:
    if freq not in get_args(Freq):
        raise ArgumentError(
            f"freq={freq!r}: give 'D' (days), 'W' (weeks, Monday to Sunday), 'M' (months) "
            "or 'Y' (years)"
        )


def _dated_table(analysis: Analysis, by: str, freq: Freq) -> tuple[pd.DataFrame, int]:
    """The measure table of the counted articles with a date, with their ``_period``,
    and how many counted articles have no date."""
    _check_freq(freq)
    table = measure_table(analysis, by)
    if table.empty:
        raise ColumnError(
            "no counted article, so there is no time to chart: every article is an error "
            "or a version not counted (see analysis.errors)"
        )
    counted = analysis.counted
    if "published" in counted.columns:
        dates = pd.to_datetime(counted.set_index("doc_id")["published"])
        if getattr(dates.dt, "tz", None) is not None:  # a table built by hand
            dates = dates.dt.tz_convert("UTC").dt.tz_localize(None)
        published = table["doc_id"].map(dates)
    else:
        published = pd.Series(pd.NaT, index=table.index, dtype="datetime64[us]")
    dated = published.notna() & table[by].notna()
    undated = int(published.isna().sum())
    if not dated.any():
        raise ColumnError(
            f"no counted article has a published date (of {len(table)}), so there is no "
            "time to chart: load the corpus with published=COLUMN (on the command line "
            "--field published=COLUMN) naming the column or key that holds the dates"
        )
    table = table[dated].copy()
    table["_period"] = period_of(published[dated], freq)
    return table, undated


def _period_of(value: str | pd.Timestamp, freq: Freq, name: str) -> pd.Period:
    try:
        when = pd.Timestamp(value)
    except (TypeError, ValueError) as exc:
        raise ArgumentError(
            f"{name}={value!r} is not a date; give one such as '2016', '2016-03' or '2016-03-09'"
        ) from exc
    if pd.isna(when):
        raise ArgumentError(f"{name}={value!r} is not a date")
    if when.tzinfo is not None:
        when = when.tz_convert("UTC").tz_localize(None)
    return when.to_period(_PANDAS_FREQ[freq])


def _chosen(measures: tuple[Measure, ...], features: str | Sequence[str] | None) -> list[Measure]:
    if features is None:
        return list(measures)
    wanted = [features] if isinstance(features, str) else list(features)
    known = {m.feature: m for m in measures}
    unknown = [f for f in wanted if f not in known and f != ARTICLES]
    if unknown:
        raise ArgumentError(
            f"features: {', '.join(map(repr, unknown))} not among this analysis's figures; "
            f"choose from: {ARTICLES}, {', '.join(known)}"
        )
    return [known[f] for f in dict.fromkeys(wanted) if f != ARTICLES]


def _trend_row(period, group, family, feature, label, unit, n) -> dict[str, Any]:
    return {
        "period": period.start_time.normalize(),
        "period_end": period.end_time.normalize(),
        "outlet": group,
        "family": family,
        "feature": feature,
        "label": label,
        "unit": unit,
        "n": n,
        "mean": math.nan,
        "ci_low": math.nan,
        "ci_high": math.nan,
        "basis": "descriptive",
        "note": "",
    }


def _rng(seed: int, feature: str, group: str, period: str) -> np.random.Generator:
    """One generator per row, keyed by its names, as :func:`framing.compare` does: a row
    does not change when other figures, groups or periods join the table."""
    key = [zlib.crc32(s.encode("utf-8")) for s in (feature, group, period)]
    return np.random.default_rng([seed, *key, 2])


def _undated_note(undated: int) -> str:
    if not undated:
        return ""
    return (
        f"{undated} counted article{'s' if undated != 1 else ''} without a published date left out"
    )


def period_label(start: pd.Timestamp, freq: str) -> str:
    """A period named by its start as a reader writes it: ``2024-03-04`` for a day or
    the Monday of a week, ``2024-03`` for a month, ``2024`` for a year."""
    return start.strftime({"M": "%Y-%m", "Y": "%Y"}.get(freq, "%Y-%m-%d"))


def format_trend(table: pd.DataFrame, feature: str = ARTICLES, *, width: int = 120) -> str:
    """One figure of a trend table as text for a terminal: a row per period, a column
    per group; a mean with its interval in brackets, or marked ``*`` where the period
    has fewer than ``min_n`` values (described only), ``–`` where the group has no
    article.

    Args:
        table: From :func:`trend`.
        feature: The figure shown (``articles``: the articles counted).
        width: The terminal's width; groups that do not fit are left to ``--out``.
    """
    group = str(table.attrs.get("group_column", "outlet"))
    freq = str(table.attrs.get("freq", "W"))
    rows = table[table["feature"] == feature]
    if rows.empty:
        return f"no values of {feature!r}"
    unit = str(rows["unit"].iloc[0])

    def num(x: float) -> str:
        if unit == "share":
            return f"{x * 100:.0f}%"
        return f"{x:.3g}" if abs(x) < 1000 else f"{x:,.0f}"

    def cell(r: pd.Series) -> str:
        if feature == ARTICLES:
            return str(int(r["n"]))
        if math.isnan(r["mean"]):
            return "–"
        if r["basis"] == "inferential":
            return f"{num(r['mean'])} [{num(r['ci_low'])}, {num(r['ci_high'])}]"
        return f"{num(r['mean'])}*"

    periods = sorted(table.loc[table["feature"] == ARTICLES, "period"].unique())
    groups = sorted(table[group].astype(str).unique())
    cells = {(str(r[group]), r["period"]): cell(r) for _, r in rows.iterrows()}
    columns = {freq_word(freq): [period_label(pd.Timestamp(p), freq) for p in periods]}
    for g in groups:
        columns[g] = [cells.get((g, p), "–") for p in periods]
    widths = {k: max(len(k), *map(len, v)) for k, v in columns.items()}
    kept, used = [], 0
    for k in columns:
        if used + widths[k] + 2 > width and kept:
            break
        kept.append(k)
        used += widths[k] + 2
    lines = ["  ".join(k.rjust(widths[k]) if i else k.ljust(widths[k]) for i, k in enumerate(kept))]
    for row in range(len(periods)):
        lines.append(
            "  ".join(
                columns[k][row].rjust(widths[k]) if i else columns[k][row].ljust(widths[k])
                for i, k in enumerate(kept)
            ).rstrip()
        )
    label = "articles counted" if feature == ARTICLES else str(rows["label"].iloc[0])
    head = f"{label}, per {freq_word(freq)} and {table.attrs.get('by', group)}"
    notes = []
    if feature != ARTICLES:
        level = float(table.attrs.get("level", 0.95))
        notes.append(
            f"[ ]: {level * 100:g}% bootstrap interval; *: fewer than "
            f"min_n={table.attrs.get('min_n', 5)} articles, described only; –: no article"
        )
    if len(kept) < len(columns):
        notes.append(f"{len(columns) - len(kept)} more columns not shown: --out FILE writes them")
    if table.attrs.get("note"):
        notes.append(str(table.attrs["note"]))
    return "\n".join([head, *lines, *(f"({n})" for n in notes)])


def freq_word(freq: str) -> str:
    """A period's name in words: ``week (Monday to Sunday, UTC)``."""
    return {
        "D": "day (UTC)",
        "W": "week (Monday to Sunday, UTC)",
        "M": "month (UTC)",
        "Y": "year (UTC)",
    }.get(freq, freq)
