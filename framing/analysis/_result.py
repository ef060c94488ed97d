"""The result of an analysis: tidy tables, their evidence, and what the run was given."""

from __future__ import annotations

import html
import warnings
from collections.abc import Callable, Iterator, Mapping
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from ..errors import ArgumentError, ColumnError
from ..features import BASE_MEASURES, FEATURES, Table, as_table

if TYPE_CHECKING:
    from ..corpus import Corpus

__all__ = ["Analysis", "Tables", "require_column"]


class Tables(Mapping[str, pd.DataFrame]):
    """Span tables by name, each read when first asked for (then kept).

    A value may be a DataFrame or a function returning one: an opened results
    directory passes readers, so a large table is read only by whoever uses it.
    """

    def __init__(self, tables: Mapping[str, pd.DataFrame | Callable[[], pd.DataFrame]]) -> None:
        self._tables = dict(tables)

    def __getitem__(self, name: str) -> pd.DataFrame:
        value = self._tables[name]
        if callable(value) or not isinstance(value, Table):
            value = self._tables[name] = as_table(value() if callable(value) else value)
        return value

    def __iter__(self) -> Iterator[str]:
        return iter(self._tables)

    def __len__(self) -> int:
        return len(self._tables)

    def derive(self, name: str, derived: Callable[[], pd.DataFrame]) -> Callable[[], pd.DataFrame]:
        """Serve table ``name`` from ``derived`` (read on first use, then kept); returns
        the reader of the table as it was, for ``derived`` to start from."""
        value = self._tables[name]
        self._tables[name] = derived
        return value if callable(value) else lambda: value

    def is_read(self, name: str) -> bool:
        """Whether table ``name`` is in memory."""
        return not callable(self._tables[name])

    def __repr__(self) -> str:
        return f"Tables({', '.join(self._tables)})"


#: The headline figures :meth:`Analysis.summary` averages, where the analysis has them.


def require_column(analysis: Analysis, column: str, doing: str, option: str = "by") -> None:
    """Raise :class:`ColumnError` unless ``analysis.articles`` has ``column``; the message
    says what could not be done ("compare by 'desk'") and lists the columns there are."""
    columns = analysis.articles.columns
    if column not in columns:
        raise ColumnError(
            f"cannot {doing} {option} {column!r}: analysis.articles has no such column; its "
            f"columns are {', '.join(map(repr, columns))}. Pass {option}= one of those "
            "(usually 'outlet' or 'story')."
        )


class Analysis:
    """The result of :func:`analyse`.

    Attributes:
        articles: One row per analysed article: metadata, structure counts
            (``n_sentences``, ``n_words``, …) and every feature's columns.
        sentences: One row per sentence: ``doc_id``, ``sentence`` (index),
            ``paragraph``, ``start``/``end`` in the cleaned text, ``text``, and the
            per-sentence feature values (``sent_compound``, …).
        spans: Evidence tables by name (``quotes``, ``sentiment_evidence``, …), each
            with ``doc_id`` and ``start``/``end`` in the cleaned text; also reachable
            as attributes (``analysis.quotes``).
        errors: One row per article not analysed (loading or analysis), with the
            stage and the reason.
        corpus: The corpus analysed (cleaned texts, removals, version pairs).
        features: The feature families that ran.
        settings: What the run was given: the researcher's ``lexicons``, ``angles`` and
            ``aliases`` files (absolute paths, or None), ``max_chars`` and
            ``max_seconds``; the report's
            methods section states them.
        directory: The results directory it was read from or written to, or None.

    An analysis opened from a results directory (:func:`framing.open_analysis`), or
    written to one by ``analyse(corpus, out=DIR)``, reads ``articles``, ``sentences``,
    the span tables and the corpus from disk when they are first used.
    """

    def __init__(
        self,
        articles: pd.DataFrame | Callable[[], pd.DataFrame],
        sentences: pd.DataFrame | Callable[[], pd.DataFrame],
        spans: Mapping[str, pd.DataFrame | Callable[[], pd.DataFrame]],
        errors: pd.DataFrame,
        corpus: Corpus | None,
        features: tuple[str, ...] = (),
        settings: dict[str, Any] | None = None,
        *,
        directory: Path | None = None,
    ) -> None:
        self._articles = articles
        self._sentences = sentences
        self.spans = spans if isinstance(spans, Tables) else Tables(spans)
        self.errors = errors
        self.corpus = corpus
        self.features = tuple(features)
        self.settings = dict(settings or {})
        self.directory = directory
        self.manifest: dict[str, Any] | None = None
        self.notes: list[str] = []
        if "actors" in self.spans:
            self._people_merged_across_corpus()

    def _people_merged_across_corpus(self) -> None:
        """Serve ``actors`` and ``actor_mentions`` with people merged across the corpus
        (:mod:`._actors`), computed when either is first read."""
        raw_actors = self.spans.derive("actors", lambda: self._actor_merge()[0])
        raw_mentions = (
            self.spans.derive("actor_mentions", lambda: self._actor_merge()[1])
            if "actor_mentions" in self.spans
            else None
        )
        self.__dict__["_actor_sources"] = (raw_actors, raw_mentions)

    def _actor_merge(self) -> tuple[pd.DataFrame, pd.DataFrame | None, pd.DataFrame]:
        if "_actor_merged" not in self.__dict__:
            from ..features.actors import load_actor_aliases
            from ..features.attribution import load_attribution_lexicons
            from ._actors import merge_actor_tables

            raw_actors, raw_mentions = self.__dict__["_actor_sources"]
            files = {}
            for role, load in (
                ("lexicons", load_attribution_lexicons),
                ("aliases", load_actor_aliases),
            ):
                path = self.settings.get(role)
                files[role] = load(path) if path and Path(path).is_file() else None
            lex = files["lexicons"] or load_attribution_lexicons(None)
            self.__dict__["_actor_merged"] = merge_actor_tables(
                raw_actors(),
                raw_mentions() if raw_mentions is not None else None,
                self.articles,
                lex,
                files["aliases"],
            )
        return self.__dict__["_actor_merged"]

    @property
    def actor_merges(self) -> pd.DataFrame:
        """How people were merged across the corpus: one row per name renamed (or a
        surname left alone because two people share it), with the story it was read
        in, the articles, ``how`` and the ``reason`` in words (see the README's
        "Actors across a corpus"). ``actors`` and ``actor_mentions`` carry the merged
        ``actor`` and the article's own name in ``article_actor``."""
        if "actors" not in self.spans:
            from ._actors import MERGE_COLUMNS

            return pd.DataFrame({c: pd.Series(dtype="object") for c in MERGE_COLUMNS})
        return self._actor_merge()[2]

    @property
    def stories(self) -> pd.DataFrame:
        """The corpus's stories, one row each (counted articles): its ``label`` (its most
        distinctive headline-and-lede terms), first headline, first and last dates,
        how many articles and outlets covered it, which, and which outlets did not
        (``outlets_missing``). Computed once and kept."""
        if "_stories" not in self.__dict__:
            from ._story_table import story_table

            self.__dict__["_stories"] = story_table(self)
        return self.__dict__["_stories"]

    @property
    def articles(self) -> pd.DataFrame:
        """One row per analysed article (read from disk on first use for an analysis
        written to or opened from a results directory)."""
        if callable(self._articles):
            self._articles = self._articles()
        if not isinstance(self._articles, Table):
            self._articles = as_table(self._articles)
        return self._articles

    @articles.setter
    def articles(self, frame: pd.DataFrame) -> None:
        self._articles = frame
        self.__dict__.pop("_stories", None)  # the stories are the articles'

    def _article_columns(self, columns: list[str]) -> pd.DataFrame:
        """Some columns of ``articles``: read alone from disk while the table is not in
        memory, so that a summary of 500,000 articles does not read every column."""
        if callable(self._articles) and self.directory is not None:
            from ._store import read_table

            declared = self.manifest["tables"]["articles"]["columns"] if self.manifest else {}
            wanted = [c for c in declared if c in columns] if declared else columns
            return read_table(self.directory, "articles", {c: declared[c] for c in wanted})
        return self.articles[[c for c in columns if c in self.articles.columns]]

    def _rows(self, table: str) -> int:
        """A table's row count, without reading it from disk."""
        lazy = self._articles if table == "articles" else self._sentences
        if callable(lazy) and self.manifest is not None:
            return int(self.manifest["tables"][table].get("rows", 0))
        return len(self.articles if table == "articles" else self.sentences)

    @property
    def sentences(self) -> pd.DataFrame:
        """One row per sentence (read from disk on first use for an opened analysis)."""
        if callable(self._sentences):
            self._sentences = self._sentences()
        if not isinstance(self._sentences, Table):
            self._sentences = as_table(self._sentences)
        return self._sentences

    @sentences.setter
    def sentences(self, frame: pd.DataFrame) -> None:
        self._sentences = frame

    def to_dask(self, table: str):
        """One table as a Dask DataFrame, one partition per Parquet part of a results
        directory (read lazily, by the cluster), with the columns the features declare as
        its ``meta``; an analysis in memory is split into partitions of 100,000 rows.

        Args:
            table: ``articles``, ``sentences``, ``errors``, ``corpus``, ``removed``,
                ``versions`` or a span table's name.

        Raises:
            MissingDependencyError: Dask is not installed (``pip install 'framing[dask]'``).
            ArgumentError: No such table.
        """
        from ._store import dask_table

        return dask_table(self, table)

    def save(self, directory: str | PathLike[str], *, overwrite: bool = False) -> Path:
        """Write this analysis as a results directory (the layout of
        ``framing analyse … --out DIR``), to reopen with :func:`framing.open_analysis`
        or read with pandas, DuckDB or R.

        Args:
            directory: A new or empty folder, or a results directory to replace with
                ``overwrite=True``.

        Returns:
            The directory.

        Raises:
            ResultsError: ``directory`` holds other files, or results without
                ``overwrite``.
        """
        from ._store import save_analysis

        return save_analysis(self, directory, overwrite=overwrite)

    def __getattr__(self, name: str) -> pd.DataFrame:
        if name.startswith("_"):
            raise AttributeError(name)
        spans = self.__dict__.get("spans", {})
        if name in spans:
            return spans[name]
        raise AttributeError(
            f"Analysis has no attribute or span table {name!r}; span tables: "
            f"{', '.join(sorted(spans))}"
        )

    @property
    def alignment(self) -> pd.DataFrame:
        """Deprecated: use ``framing.align_sentences(analysis)``, which keeps its result
        on the analysis the same way. (The analysis is a step before the comparison; the
        comparison computes the alignment.) Removed in framing 0.3."""
        warnings.warn(
            "analysis.alignment is deprecated and goes in framing 0.3; use "
            "framing.align_sentences(analysis) (the same table, computed once and kept)",
            DeprecationWarning,
            stacklevel=2,
        )
        if "_alignment" not in self.__dict__:
            # The one import up the flow left, for this deprecated name only.
            from ..comparison import align_sentences

            align_sentences(self)
        return self.__dict__["_alignment"]

    @property
    def counted(self) -> pd.DataFrame:
        """The articles counted in comparisons: one per version group and outlet."""
        return self.articles[self.articles["is_primary"]]

    def evidence(self, table: str, *, counted_only: bool = True) -> pd.DataFrame:
        """A span table with what a reader needs beside each span: the article's
        ``outlet`` and ``story``, and the ``sentence_text`` the span sits in.

        Args:
            table: A span table's name (``attributions``, ``hedges``, ``emphasis_cues``,
                …; see ``analysis.spans``).
            counted_only: Keep only the articles counted in comparisons (one version per
                version group), as :func:`framing.compare` and the report do.

        Returns:
            The span table's rows and columns, after ``doc_id, outlet, story``, with
            ``sentence_text`` last where the table has a ``sentence`` column.

        Raises:
            ArgumentError: ``table`` is not a span table of this analysis.

        Example:
            >>> spans = analysis.evidence("attributions")  # doctest: +SKIP
            >>> spans[spans.source_type == "anonymous"][["outlet", "source", "sentence_text"]]
        """
        if table not in self.spans:
            raise ArgumentError(
                f"no span table {table!r}; choose one of: {', '.join(sorted(self.spans))}"
            )
        spans = self.spans[table]
        articles = self.counted if counted_only else self.articles
        meta = articles[["doc_id", "outlet", "story"]]
        out = meta.merge(spans, on="doc_id", how="inner", sort=False)
        if "sentence" in spans.columns:
            text = self.sentences[["doc_id", "sentence", "text"]].rename(
                columns={"text": "sentence_text"}
            )
            keys = out[["doc_id", "sentence"]].astype({"sentence": "Int64"})
            text = text.astype({"sentence": "Int64"})
            out["sentence_text"] = keys.merge(text, on=["doc_id", "sentence"], how="left")[
                "sentence_text"
            ].to_numpy()
        return as_table(out)

    def summary(self, by: str = "outlet", *, include_versions: bool = False) -> pd.DataFrame:
        """Per-group article counts and means of the headline figures.

        Args:
            by: The column to group by (``outlet``, ``story``, …).
            include_versions: Count every version instead of one per version group.
        """
        if callable(self._articles) and self.manifest is not None:
            names = list(self.manifest["tables"]["articles"]["columns"])
        else:
            names = list(self.articles.columns)
        if by not in names:
            raise ColumnError(
                f"cannot summarise by {by!r}: no such column in "
                f"analysis.articles; try 'outlet' or 'story'"
            )
        figures = [c for c in self._summary_figures() if c in names]
        everything = self._article_columns(
            list(dict.fromkeys(["doc_id", "is_primary", by])) + figures
        )
        table = everything if include_versions else everything[everything["is_primary"]]
        grouped = table.groupby(by, dropna=False)
        out = grouped.agg(articles=("doc_id", "size"), **{f"{c}": (c, "mean") for c in figures})
        if not include_versions:
            counts = everything.groupby(by, dropna=False)["doc_id"].size()
            out.insert(1, "versions_not_counted", (counts - out["articles"]).astype(int))
        return out.reset_index()

    def _summary_figures(self) -> list[str]:
        """The article columns whose means ``summary`` shows: the article's length, then
        each family's measures declared with ``summary=True``, in the registry's order."""
        measures = [*BASE_MEASURES]
        for name in self.features or tuple(FEATURES):
            feature = FEATURES.get(name)
            measures += feature.measures if feature is not None else ()
        return [m.feature for m in measures if m.summary and m.value is None and not m.per_1k_of]

    def __repr__(self) -> str:
        where = f", from {self.directory}" if self.directory is not None else ""
        return (
            f"Analysis({self._rows('articles')} articles, {self._rows('sentences')} sentences, "
            f"{len(self.errors)} errors{self._notes_said()}; features: "
            f"{', '.join(self.features)}{where})"
        )

    def _notes_said(self) -> str:
        """', 1 note (.notes)' where the run decided something for the researcher."""
        n = len(self.notes)
        return f", {n} {'note' if n == 1 else 'notes'} (.notes)" if n else ""

    def _repr_html_(self) -> str:
        head = (
            f"<p><b>{self._rows('articles')}</b> articles analysed, "
            f"<b>{self._rows('sentences')}</b> sentences, <b>{len(self.errors)}</b> errors; "
            f"span tables: {', '.join(sorted(self.spans))}</p>"
        )
        if self.notes:
            head += "".join(f"<p><i>Note:</i> {html.escape(note)}</p>" for note in self.notes)
        return head + self.summary().to_html(index=False, escape=True, float_format="%.3f")
