"""What a family's numbers mean: the measures it offers for comparison and reports.

A feature family declares, beside its columns, each figure outlets are compared on: its
label in words, its unit, its direction ("higher = more hedged"), and the evidence that
stands behind it (which span table, and which of its rows, as typed conditions a reader
and a program can both check). ``framing.compare``, ``Analysis.summary``, the report's
findings, tables, annotations and evidence all read these declarations from the
registry; none keeps a list of its own.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
import pandas as pd

__all__ = [
    "Coded",
    "Condition",
    "Evidence",
    "Highlight",
    "Measure",
    "SpanValue",
    "Unit",
    "above",
    "at_least",
    "at_most",
    "below",
    "equals",
    "one_of",
    "present",
]

#: ``share`` (0 to 1), ``rate`` (per 1,000 words), ``count`` (per article, so longer
#: articles have more) or ``score`` (an index: sentiment, readability).
Unit = Literal["share", "rate", "count", "score"]

Op = Literal["==", "in", ">", ">=", "<", "<=", "present"]


@dataclass(frozen=True)
class Condition:
    """One condition on a span table's rows: ``column op value``.

    Build them with :func:`equals`, :func:`one_of`, :func:`above`, :func:`at_least`,
    :func:`below`, :func:`at_most` and :func:`present`.
    """

    column: str
    op: Op
    value: Any = None

    def mask(self, frame: pd.DataFrame) -> np.ndarray:
        """Which rows of ``frame`` meet the condition (missing values never do)."""
        values = frame[self.column]
        if self.op == "present":
            return values.notna().to_numpy(dtype=bool)
        if self.op == "==":
            return (values == self.value).fillna(False).to_numpy(dtype=bool)
        if self.op == "in":
            return values.isin(self.value).to_numpy(dtype=bool)
        numeric = pd.to_numeric(values, errors="coerce").to_numpy(dtype="float64")
        with np.errstate(invalid="ignore"):
            return {
                ">": numeric > self.value,
                ">=": numeric >= self.value,
                "<": numeric < self.value,
                "<=": numeric <= self.value,
            }[self.op]

    def values(self) -> frozenset[Any] | None:
        """The values an equality or membership admits (None for other conditions)."""
        if self.op == "==":
            return frozenset([self.value])
        if self.op == "in":
            return frozenset(self.value)
        return None

    def __str__(self) -> str:
        if self.op == "present":
            return f"{self.column} present"
        if self.op == "in":
            return f"{self.column} in ({', '.join(map(str, self.value))})"
        return f"{self.column} {self.op} {self.value}"


def equals(column: str, value: Any) -> Condition:
    """Rows where ``column`` equals ``value``."""
    return Condition(column, "==", value)


def one_of(column: str, *values: Any) -> Condition:
    """Rows where ``column`` is one of ``values``."""
    return Condition(column, "in", tuple(values))


def above(column: str, number: float) -> Condition:
    """Rows where ``column`` is greater than ``number``."""
    return Condition(column, ">", float(number))


def at_least(column: str, number: float) -> Condition:
    """Rows where ``column`` is ``number`` or more."""
    return Condition(column, ">=", float(number))


def below(column: str, number: float) -> Condition:
    """Rows where ``column`` is less than ``number``."""
    return Condition(column, "<", float(number))


def at_most(column: str, number: float) -> Condition:
    """Rows where ``column`` is ``number`` or less."""
    return Condition(column, "<=", float(number))


def present(column: str) -> Condition:
    """Rows where ``column`` has a value."""
    return Condition(column, "present")


@dataclass(frozen=True)
class Evidence:
    """The rows that stand behind a measure, and how a report shows them.

    Attributes:
        table: A span table of the analysis (``"hedges"``), or ``"sentences"``.
        where: The conditions a row must meet to be counted (all of them).
        order: Examples are shown by this column, highest first (``"weight"``), or
            lowest first with a leading ``-`` (``"-sent_compound"``); default: in text
            order, the first rows of each article in turn.
        both_ends: With ``order``, show the lowest and the highest (a mean's spread).
        per: Show one line per value of these columns (the first names it: a distinct
            source, an actor) rather than one line per row.
        per_label: What a ``per`` line is, in the plural ("distinct sources").
        sums: With ``per``: columns summed and shown on each line; lines are sorted by
            the first (default: by the number of rows).
    """

    table: str
    where: tuple[Condition, ...] = ()
    order: str | None = None
    both_ends: bool = False
    per: tuple[str, ...] = ()
    per_label: str = ""
    sums: tuple[str, ...] = ()

    def select(self, frame: pd.DataFrame) -> pd.DataFrame:
        """The rows of ``frame`` the measure counts."""
        keep = np.ones(len(frame), dtype=bool)
        for condition in self.where:
            keep &= condition.mask(frame)
        return frame[keep]

    def overlaps(self, other: Evidence) -> bool:
        """Whether two figures rest on the same rows: any two on one table where either
        counts all of it (hedges per 1,000 words and hedged sentences), or where every
        column both select on by value has values in common (named sources and person
        sources). Rows counted one by one and rows counted per distinct value (the
        distinct sources among the attributions) are different evidence."""
        if self.table != other.table or self.per != other.per:
            return False
        mine = {c.column: c.values() for c in self.where if c.values() is not None}
        theirs = {c.column: c.values() for c in other.where if c.values() is not None}
        if not self.where or not other.where:
            return True
        shared = mine.keys() & theirs.keys()
        return bool(shared) and all(mine[c] & theirs[c] for c in shared)  # type: ignore[operator]


@dataclass(frozen=True)
class SpanValue:
    """A per-article value read from a span table: the ``column`` of the one row per
    article that meets ``where`` (a frame's weighted share in ``analysis.emphasis``)."""

    table: str
    where: tuple[Condition, ...]
    column: str

    def read(self, spans: Mapping[str, pd.DataFrame]) -> pd.Series:
        """The values by ``doc_id`` (empty where the table is missing)."""
        frame = spans.get(self.table)
        if frame is None or frame.empty:
            return pd.Series(dtype="float64")
        keep = np.ones(len(frame), dtype=bool)
        for condition in self.where:
            keep &= condition.mask(frame)
        rows = frame[keep].drop_duplicates("doc_id")
        return pd.Series(
            rows[self.column].astype("float64").to_numpy(), index=rows["doc_id"].to_numpy()
        )


@dataclass(frozen=True)
class Coded:
    """How human coders check a measure (``framing.coding_sheet``): the measure is, per
    article, the share of its units of kind ``unit`` whose ``code`` takes one of
    ``values``. ``framing.corrected_comparison`` reads it to correct a compared
    difference by what the coders found framing's labels to hold.

    Attributes:
        unit: The coding sheet's unit (``sentence``, ``attribution``).
        code: The code (a column of that sheet).
        values: The values the measure counts.
    """

    unit: str
    code: str
    values: tuple[str, ...]


@dataclass(frozen=True)
class Measure:
    """One figure outlets are compared on, as its family declares it.

    Attributes:
        feature: Its name in comparison tables: an article column, a figure derived per
            1,000 words (``actors_per_1k_words``), or ``frame:<name>`` / ``angle:<name>``.
        label: What it is, in words, with its unit.
        unit: See :data:`Unit`.
        direction: What a higher value means, in words ("higher = more hedged").
        evidence: The rows behind it; None where the figure is not a count of rows
            (readability, length): the report then shows each article's value.
        per_1k_of: For a figure derived per 1,000 words, the article column it divides.
        value: For a figure read from a span table rather than an article column.
        headline: Whether a report's summary may headline it (the named share is the
            complement of the anonymous and media shares, so it is left to the tables).
        summary: Whether ``Analysis.summary`` shows its mean per group (article columns
            only).
        family: The family that declares it; set when the family is registered.
        coded: How human coders check it, where a coding sheet can (see :class:`Coded`).
    """

    feature: str
    label: str
    unit: Unit
    direction: str
    evidence: Evidence | None = None
    per_1k_of: str | None = None
    value: SpanValue | None = None
    headline: bool = True
    summary: bool = False
    family: str = ""
    coded: Coded | None = None

    def needs(self) -> tuple[str, ...]:
        """The article columns the measure is computed from (none for a span value)."""
        if self.value is not None:
            return ()
        if self.per_1k_of:
            return (self.per_1k_of, "n_words")
        return (self.feature,)


@dataclass(frozen=True)
class Highlight:
    """How the report marks a span table's rows on the annotated article.

    ``css`` and ``note`` are format strings over the row's columns (``"hedge
    ({category})"``; a missing value reads "unknown", an underscore a space in notes).

    Attributes:
        table: The span table.
        css: The mark's CSS classes (the report's stylesheet styles ``attr``, ``src``,
            ``cue``, ``hedge``, ``boost``, ``frame``, ``angle``, and ``mark``, a
            generic wavy underline for a new family's spans).
        note: The tooltip.
        start, end: The columns holding the marked characters.
        badge: A column and its values' one-letter tags printed where the mark starts
            (legible in greyscale).
        field: For tables that mark the headline too, the column saying where a row
            is (``"body"`` or ``"headline"``); rows without it are in the body.
    """

    table: str
    css: str
    note: str
    start: str = "start"
    end: str = "end"
    badge: tuple[str, Mapping[str, str]] | None = None
    field: str | None = None


@dataclass(frozen=True)
class FamilyReport:
    """How a family appears in the report's summary.

    Attributes:
        core: The summary always speaks to a core family: where none of its differences
            is clear, it says so and still gives the largest, with its evidence.
        findings_max: At most this many of its differences in the summary.
    """

    core: bool = False
    findings_max: int = 2
