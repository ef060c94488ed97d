"""What a feature family is: a pure function of one segmented article that declares
the columns it emits."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, TypeVar

import pandas as pd

from ..text import Segmented, segment
from ._view import View, make_view

__all__ = ["ArticleInput", "Feature", "FeatureOutput", "span_frame"]

T = TypeVar("T")


@dataclass(frozen=True)
class ArticleInput:
    """What every feature receives: the article's id, headline and segmentation.

    ``lexicons`` is the path of the user's lexicon TOML file, if any (a path rather
    than the loaded tables, so it crosses to worker processes cheaply); ``angles`` is the
    path of the researcher's angles file, if any. ``view`` is the
    token view every word-reading feature shares, built on first use and then kept;
    ``aliases`` is the path of the researcher's actor file, if any. :meth:`shared` keeps
    other work that several features read (the names the attribution pass finds).
    """

    doc_id: str
    title: str | None
    seg: Segmented
    lexicons: str | None = None
    angles: str | None = None
    aliases: str | None = None

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
    """A registered feature family.

    Attributes:
        name: The family's name (``"sentiment"``); also how users select it.
        article_columns: Column → pandas dtype of the per-article figures.
        sentence_columns: Column → dtype of the per-sentence values.
        span_tables: Span-table name → (column → dtype), besides ``doc_id``.
        compute: The pure function ``ArticleInput -> FeatureOutput``.
        description: One line for ``framing features`` and the report's methods.
    """

    name: str
    article_columns: Mapping[str, str]
    compute: Callable[[ArticleInput], FeatureOutput]
    sentence_columns: Mapping[str, str] = field(default_factory=dict)
    span_tables: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    description: str = ""


def span_frame(rows: list[dict[str, Any]], columns: Mapping[str, str]) -> pd.DataFrame:
    """A span table from a feature's rows, with the declared dtypes (text columns keep
    None, not NaN, for a missing value)."""
    frame = pd.DataFrame(rows, columns=list(columns))
    for column, dtype in columns.items():
        if dtype == "str":
            frame[column] = frame[column].astype(object).where(frame[column].notna(), None)
        else:
            frame[column] = frame[column].astype(dtype)
    return frame
