"""What a feature family is: a pure function of one segmented article that declares
the columns it emits."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any, TypeVar

import pandas as pd

from ..text import Segmented, segment
from ._measures import FamilyReport, Highlight, Measure
from ._table import Table, as_table
from ._view import View, make_view

__all__ = ["ArticleInput", "Feature", "FeatureOutput", "Option", "span_frame"]

T = TypeVar("T")


@dataclass(frozen=True)
class ArticleInput:
    """What every feature receives: the article's id, headline and segmentation.

    ``options`` holds the researcher's files the families declare (``Feature.options``:
    ``lexicons``, ``angles``, ``aliases``), as absolute paths: a path rather than the
    loaded tables, so it crosses to worker processes cheaply; read one with
    :meth:`option`. ``view`` is the token view every word-reading feature shares, built
    on first use and then kept; :meth:`shared` keeps other work that several features
    read (the names the attribution pass finds).
    """

    doc_id: str
    title: str | None
    seg: Segmented
    options: Mapping[str, str | None] = field(default_factory=dict)

    def option(self, name: str) -> str | None:
        """The path given for option ``name`` (None where none was given)."""
        return self.options.get(name)

    @property
    def text(self) -> str:
        return self.seg.text

    @cached_property
    def view(self) -> View:
        """Lowercase tokens with sentence and quote membership, built once."""
        return make_view(self.seg)

    @cached_property
    def headline(self) -> View | None:
        """The token view of the headline, or None where there is none."""
        title = self.title
        return make_view(segment(title)) if isinstance(title, str) and title.strip() else None

    def shared(self, key: str, build: Callable[[], T]) -> T:
        """``build()`` on first call for ``key``, then the same object for this article."""
        cache = self.__dict__.setdefault("_shared", {})
        if key not in cache:
            cache[key] = build()
        return cache[key]  # type: ignore[no-any-return]


@dataclass(frozen=True)
class Option:
    """A file a family reads besides the article: a keyword of ``framing.analyse``.

    Attributes:
        name: The keyword (``"angles"``); several families may read the same one.
        check: Reads the file once before a run and raises ``ConfigError`` naming the
            file, the line and the fix where it is wrong; what it returns is not kept.
        label: What it is, for the report's methods ("angles file").
    """

    name: str
    check: Callable[[str], object]
    label: str


@dataclass(slots=True)
class FeatureOutput:
    """What a feature returns for one article.

    ``article`` maps article columns to values; ``sentences`` maps sentence columns to
    one value per sentence, in sentence order; ``spans`` maps span-table names to rows
    (dicts with ``start``, ``end`` in the cleaned text, and the declared columns; the
    orchestrator adds ``doc_id``).
    """

    article: dict[str, Any] = field(default_factory=dict)
    sentences: dict[str, Sequence[Any]] = field(default_factory=dict)
    spans: dict[str, list[dict[str, Any]]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Feature:
    """A registered feature family: what it computes and what its numbers mean.

    Attributes:
        name: The family's name (``"sentiment"``); also how users select it.
        article_columns: Column → pandas dtype of the per-article figures.
        sentence_columns: Column → dtype of the per-sentence values.
        span_tables: Span-table name → (column → dtype), besides ``doc_id``.
        compute: The pure function ``ArticleInput -> FeatureOutput``.
        description: One line for ``framing features`` and the report's methods.
        measures: The figures it offers for comparison and reports, in the order they
            are shown (each with its label, unit, direction and evidence).
        data_measures: Measures that depend on the data (a frame per frame scored, an
            angle per angle of the researcher's file): called with the analysis's span
            tables, it returns them.
        highlights: How the report marks its span tables on the annotated articles.
        report: How it appears in the report's summary.
        options: The researcher's files it reads (see :class:`Option`).
        renamed: Columns it used to write under another name, old → new, in any of its
            tables: an old name still reads its column, with a ``DeprecationWarning``,
            for one release (see ``framing.analysis`` tables), and a results directory
            written before the rename opens with the new names.
    """

    name: str
    article_columns: Mapping[str, str]
    compute: Callable[[ArticleInput], FeatureOutput]
    sentence_columns: Mapping[str, str] = field(default_factory=dict)
    span_tables: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    description: str = ""
    measures: tuple[Measure, ...] = ()
    data_measures: Callable[[Mapping[str, pd.DataFrame]], Sequence[Measure]] | None = None
    highlights: tuple[Highlight, ...] = ()
    report: FamilyReport = field(default_factory=FamilyReport)
    options: tuple[Option, ...] = ()
    renamed: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # Each measure knows its family, so tables built from it can say where it is from.
        object.__setattr__(
            self, "measures", tuple(replace(m, family=self.name) for m in self.measures)
        )

    def describe(self) -> str:
        """The family in a few lines: what it computes, its columns and tables, and each
        measure with its unit, direction and evidence (``framing features`` prints it)."""
        lines = [f"{self.name}: {self.description}"]
        lines.append(f"  article columns: {', '.join(self.article_columns)}")
        if self.sentence_columns:
            lines.append(f"  sentence columns: {', '.join(self.sentence_columns)}")
        if self.span_tables:
            lines.append(f"  span tables: {', '.join(self.span_tables)}")
        for m in self.measures:
            behind = "each article's value"
            if m.evidence is not None:
                where = " and ".join(str(c) for c in m.evidence.where)
                behind = m.evidence.table + (f" where {where}" if where else "")
            lines.append(f"  measure {m.feature} ({m.unit}; {m.direction}): {m.label}")
            lines.append(f"    evidence: {behind}")
        if self.data_measures is not None:
            doc = (self.data_measures.__doc__ or "measures that depend on the data").strip()
            lines.append(f"  measures from the data: {' '.join(doc.split())}")
        return "\n".join(lines)

    def all_measures(self, spans: Mapping[str, pd.DataFrame]) -> tuple[Measure, ...]:
        """Its declared measures, then those the data gives (see ``data_measures``)."""
        found = tuple(self.data_measures(spans)) if self.data_measures else ()
        return (*self.measures, *(replace(m, family=self.name) for m in found))


def span_frame(rows: list[dict[str, Any]], columns: Mapping[str, str]) -> Table:
    """A span table from a feature's rows, with the declared dtypes (text columns keep
    None, not NaN, for a missing value); a column's old name reads it (see ``Table``)."""
    frame = pd.DataFrame(rows, columns=list(columns))
    for column, dtype in columns.items():
        if dtype == "str":
            frame[column] = frame[column].astype(object).where(frame[column].notna(), None)
        else:
            frame[column] = frame[column].astype(dtype)
    return as_table(frame)
