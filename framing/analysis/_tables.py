"""The tables of an analysis: which they are, their declared columns, and how one chunk
of analysed articles becomes them.

Every table's columns and dtypes come from what the feature families declare, so an
empty table (a chunk with no hedges, Dask's ``meta``) has the same schema as a full
one, and the chunks of a corpus fit together.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from .._frames import typed
from ..corpus._prepare import (
    CORPUS_DTYPES,
    ERROR_DTYPES,
    POSITION,
    REMOVED_COLUMNS,
    REMOVED_DTYPES,
    VERSION_DTYPES,
    PreparedChunk,
    error_frame,
)
from ..features import Feature
from ._article import (
    META_COLUMNS,
    QUOTE_COLUMNS,
    SENTENCE_BASE_COLUMNS,
    STRUCTURE_COLUMNS,
    ArticleResult,
)

__all__ = ["Schema", "chunk_tables", "typed"]


@dataclass(frozen=True)
class Schema:
    """Every table of an analysis with its columns and dtypes, from the features run.

    ``spans`` holds the span tables (``quotes`` and each feature's), each with
    ``doc_id`` first.
    """

    articles: dict[str, str]
    sentences: dict[str, str]
    spans: dict[str, dict[str, str]]
    #: The source's own metadata columns, kept after framing's in the article and
    #: corpus tables.
    extra: dict[str, str] = field(default_factory=dict)
    #: Each metadata column's name in the article table: its own, or ``meta_<name>``
    #: where the analysis writes a column of that name (``n_words``, a family's column).
    extra_names: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, features: Sequence[Feature], extra: Mapping[str, str] | None = None) -> Schema:
        """The tables of ``features``, with ``extra`` metadata columns (name → dtype)."""
        extra = dict(extra or {})
        framing_columns: dict[str, str] = {
            **{c: "str" for c in META_COLUMNS},
            "published": "datetime64[us]",
            "is_primary": "bool",
            "syndicated": "bool",
        }
        computed: dict[str, str] = dict(STRUCTURE_COLUMNS)
        sentences = dict(SENTENCE_BASE_COLUMNS)
        spans: dict[str, dict[str, str]] = {"quotes": {"doc_id": "str", **QUOTE_COLUMNS}}
        for feature in features:
            computed.update(feature.article_columns)
            sentences.update(feature.sentence_columns)
            for table, cols in feature.span_tables.items():
                spans[table] = {"doc_id": "str", **cols}
        taken = set(framing_columns) | set(computed)
        names: dict[str, str] = {}
        for column in extra:
            name = column
            while name in taken:
                name = f"meta_{name}"
            taken.add(name)
            names[column] = name
        articles = {
            **framing_columns,
            **{names[c]: dtype for c, dtype in extra.items()},
            **computed,
        }
        return cls(articles, sentences, spans, extra, names)

    def tables(self) -> dict[str, dict[str, str]]:
        """Table name → dtypes, for every table a results directory holds."""
        return {
            "articles": self.articles,
            "sentences": self.sentences,
            **self.spans,
            "errors": ERROR_DTYPES,
            "corpus": {**CORPUS_DTYPES, **self.extra},
            "removed": REMOVED_DTYPES,
            "versions": VERSION_DTYPES,
        }

    def empty(self, table: str) -> pd.DataFrame:
        """An empty table with the declared columns and dtypes (Dask's ``meta``)."""
        dtypes = self.tables()[table]
        return pd.DataFrame({c: pd.Series(dtype=d) for c, d in dtypes.items()})


def chunk_tables(
    prepared: PreparedChunk, results: Sequence[ArticleResult | None], schema: Schema
) -> dict[str, pd.DataFrame]:
    """The tables of one chunk: ``results[i]`` is the analysis of the chunk's i-th kept
    article. The ``corpus`` and ``errors`` tables keep ``_position`` (the row's place in
    the chunk's input) for the corpus-wide decisions that follow."""
    arts = prepared.articles
    ok = [i for i, r in enumerate(results) if r is not None and r.error is None]
    figures = pd.DataFrame([results[i].article for i in ok], index=pd.RangeIndex(len(ok)))
    meta = arts.iloc[ok][[*META_COLUMNS, *schema.extra]].reset_index(drop=True)
    meta = meta.rename(columns={c: n for c, n in schema.extra_names.items() if c != n})
    articles = typed(pd.concat([meta, figures], axis=1), schema.articles)

    columns: dict[str, list[Any]] = {c: [] for c in schema.sentences}
    for i in ok:
        values = results[i].sentences
        n = len(values["doc_id"])
        for column, out in columns.items():
            out.extend(values.get(column, [None] * n))
    sentences = typed(pd.DataFrame(columns), schema.sentences)
    spans = {}
    for table, dtypes in schema.spans.items():
        rows: list[dict[str, Any]] = []
        ids: list[str] = []
        for i in ok:
            found = results[i].spans.get(table, ())
            rows.extend(found)
            ids.extend([results[i].doc_id] * len(found))
        frame = pd.DataFrame(rows, columns=[c for c in dtypes if c != "doc_id"])
        frame.insert(0, "doc_id", ids)
        spans[table] = typed(frame, dtypes)

    errors: list[dict[str, Any]] = list(prepared.errors)
    for i, result in enumerate(results):
        if result is not None and result.error is not None:
            stage, reason = result.error
            errors.append(
                {
                    "doc_id": result.doc_id,
                    "origin": arts["origin"].iat[i],
                    "stage": stage,
                    "reason": reason,
                    POSITION: int(arts[POSITION].iat[i]),
                }
            )
    error_table = error_frame(errors)
    return {
        "articles": articles,
        "sentences": sentences,
        **spans,
        "errors": error_table,
        "corpus": typed(arts, {**CORPUS_DTYPES, **schema.extra, POSITION: "int64"}),
        "removed": typed(
            pd.DataFrame(prepared.removed, columns=list(REMOVED_COLUMNS)), REMOVED_DTYPES
        ),
    }
