"""The Corpus: articles as a tidy table, plus what loading removed, grouped or refused.

:func:`load_corpus` checks its arguments and the source's columns at once, but reads
the articles only when they are asked for: ``corpus.articles`` (and ``errors``,
``removed``, ``versions``) load the whole corpus into memory the first time they are
used, while :func:`framing.analyse` with ``out=`` streams it chunk by chunk into a
results directory without ever holding it whole.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import islice
from os import PathLike
from pathlib import Path
from typing import Any

import pandas as pd

from .._frames import typed
from .._progress import progress_bar
from ..errors import CorpusError, CorpusNotFoundError
from ._clean import CleaningRule, load_cleaning_rules
from ._outlets import load_outlet_aliases
from ._prepare import (
    ARTICLE_COLUMNS,
    CORPUS_DTYPES,
    ERROR_COLUMNS,
    ERROR_DTYPES,
    POSITION,
    REMOVED_COLUMNS,
    REMOVED_DTYPES,
    VERSION_DTYPES,
    PrimaryRule,
    apply_resolution,
    chunk_meta,
    error_frame,
    prepare,
    resolve,
    signature_entries,
)
from ._read_folders import article_files, read_folder
from ._read_json import read_json_files
from ._read_slices import Slice, jsonl_slices, parquet_folder_slices, parquet_slices
from ._read_tables import parquet_files, read_frame, read_parquet_folder, read_table_file
from ._records import ARTICLE_SUFFIXES, FIELDS, TABLE_SUFFIXES, LoadProblem, Record

__all__ = ["ARTICLE_COLUMNS", "ERROR_COLUMNS", "Corpus", "LoadPlan", "load_corpus"]

#: Above this many articles, showing a corpus does not read it into memory.
_SHOW_LIMIT = 50_000

Item = Record | LoadProblem


@dataclass
class LoadPlan:
    """How to read a corpus: what :func:`load_corpus` checked, kept to read it later.

    Attributes:
        read: Starts a fresh pass over the source's records, in input order.
        source: What was loaded, for reports.
        rules: The cleaning rules.
        outlet_aliases: Outlet spellings → names.
        version_threshold: Containment for versions, or None.
        primary: Which version of a group is counted.
        options: Every loading option, as the results manifest records them.
        total: The number of records, where the source tells it cheaply (else None).
        progress: Show a progress bar when the corpus is read into memory.
        slices: For a Parquet or JSON Lines source, cuts it into parts of about the
            given number of articles that workers read for themselves (None where it
            cannot be cut, or for other sources).
        files: The table files read, whose SHA-256 a resumed run checks.
        extra: The source's other columns (its own metadata), each with the column of
            ``Corpus.articles`` that keeps it as text: its own name, or ``meta_`` and
            its name where framing has a column of that name.
        repair_mojibake: Whether mojibake is repaired as the articles are prepared.
    """

    read: Callable[[], Iterator[Item]]
    source: str
    rules: tuple[CleaningRule, ...]
    outlet_aliases: dict[str, str]
    version_threshold: float | None
    primary: PrimaryRule
    options: dict[str, Any] = field(default_factory=dict)
    total: int | None = None
    progress: bool = False
    slices: Callable[[int], list[Slice] | None] | None = None
    files: tuple[str, ...] = ()
    extra: tuple[tuple[str, str], ...] = ()
    repair_mojibake: bool = True


class Corpus:
    """Articles ready for analysis.

    Attributes:
        articles: One row per article loaded (see ``ARTICLE_COLUMNS``); ``text`` is the
            cleaned text every offset refers to, ``raw_text`` the text as decoded,
            ``sha256`` the hash of ``raw_text`` (UTF-8).
        errors: One row per article that could not be loaded, with the reason.
        removed: One row per piece of debris cleaning removed (offsets in ``raw_text``).
        versions: One row per pair of articles found to be versions or copies.
        source: What was loaded, for reports.
        plan: How the corpus is read (None for a corpus built from tables).

    The four tables are read from the source the first time one of them is used.
    """

    def __init__(
        self,
        articles: pd.DataFrame | None = None,
        errors: pd.DataFrame | None = None,
        removed: pd.DataFrame | None = None,
        versions: pd.DataFrame | None = None,
        source: str = "",
        cleaning_rules: tuple[CleaningRule, ...] = (),
        *,
        plan: LoadPlan | None = None,
        loader: Callable[[], tuple[pd.DataFrame, ...]] | None = None,
    ) -> None:
        self.source = source
        self.cleaning_rules = tuple(cleaning_rules)
        self.plan = plan
        self._loader = loader
        self._tables: dict[str, pd.DataFrame] | None = None
        if plan is None and loader is None:
            self._set(articles, errors, removed, versions)

    def _set(self, articles, errors, removed, versions) -> None:
        self._tables = {
            "articles": articles if articles is not None else _empty(CORPUS_DTYPES),
            "errors": errors if errors is not None else _empty(ERROR_DTYPES),
            "removed": removed if removed is not None else _empty(REMOVED_DTYPES),
            "versions": versions if versions is not None else _empty(VERSION_DTYPES),
        }

    def _table(self, name: str) -> pd.DataFrame:
        if self._tables is None:
            if self._loader is not None:
                self._set(*self._loader())
            else:
                assert self.plan is not None
                self._set(*materialise(self.plan, progress=self.plan.progress))
        assert self._tables is not None
        return self._tables[name]

    @property
    def loaded(self) -> bool:
        """Whether the tables are in memory (False until one is first used)."""
        return self._tables is not None

    @property
    def articles(self) -> pd.DataFrame:
        return self._table("articles")

    @property
    def extra_columns(self) -> tuple[str, ...]:
        """The columns of ``articles`` that hold the source's own metadata (a table's or
        manifest's other columns, as text), without reading the articles."""
        if self.plan is not None and not self.loaded:
            return tuple(column for _, column in self.plan.extra)
        return tuple(c for c in self.articles.columns if c not in ARTICLE_COLUMNS)

    @articles.setter
    def articles(self, frame: pd.DataFrame) -> None:
        self._table("articles")
        assert self._tables is not None
        self._tables["articles"] = frame

    @property
    def errors(self) -> pd.DataFrame:
        return self._table("errors")

    @property
    def removed(self) -> pd.DataFrame:
        return self._table("removed")

    @property
    def versions(self) -> pd.DataFrame:
        return self._table("versions")

    def __len__(self) -> int:
        return len(self.articles)

    @property
    def primary(self) -> pd.DataFrame:
        """The articles counted in analyses: one per version group and outlet."""
        return self.articles[self.articles["is_primary"]]

    def _too_big_to_show(self) -> bool:
        total = self.plan.total if self.plan is not None else None
        return not self.loaded and (total is None or total > _SHOW_LIMIT)

    def __repr__(self) -> str:
        if self._too_big_to_show():
            return (
                f"Corpus(source={self.source!r}, not read yet: corpus.articles reads it into "
                "memory; framing.analyse(corpus, out=DIR) streams it)"
            )
        outlets = self.articles["outlet"].nunique()
        return (
            f"Corpus({len(self.articles)} articles from {outlets} outlets, "
            f"{len(self.errors)} errors, source={self.source!r})"
        )

    def _repr_html_(self) -> str:
        if self._too_big_to_show():
            return f"<p>{self!r}</p>".replace("<Corpus", "Corpus")
        summary = (
            self.articles.groupby("outlet", dropna=False)
            .agg(articles=("doc_id", "size"), counted=("is_primary", "sum"))
            .reset_index()
        )
        head = f"<p><b>{len(self.articles)}</b> articles, <b>{len(self.errors)}</b> errors</p>"
        return head + summary.to_html(index=False, escape=True)


def _empty(dtypes: Mapping[str, str]) -> pd.DataFrame:
    return typed(pd.DataFrame(), dict(dtypes))


def load_corpus(
    source: str | PathLike[str] | pd.DataFrame,
    *,
    manifest: str | PathLike[str] | None = None,
    clean: bool | str | PathLike[str] | Sequence[CleaningRule] = True,
    outlet_aliases: Mapping[str, str] | str | PathLike[str] | None = None,
    encoding: str | None = None,
    version_threshold: float | None = 0.5,
    primary: PrimaryRule = "fullest",
    progress: bool = False,
    repair_mojibake: bool = True,
    **fields: str,
) -> Corpus:
    """Load articles from a folder, a table file or a DataFrame, cleaned and grouped.

    The arguments and the source's columns are checked at once; the articles are read
    when first used (``corpus.articles``), or streamed by
    ``framing.analyse(corpus, out=DIR)``.

    Args:
        source: A folder of ``.txt``/``.html``/``.json`` article files (searched
            recursively; a ``manifest.csv`` beside them gives each file's metadata), a
            folder of ``.parquet`` files (a Parquet dataset), a
            ``.csv``/``.tsv``/``.jsonl``/``.parquet`` table, a single article file, or
            a pandas DataFrame.
        manifest: A manifest CSV elsewhere than ``<folder>/manifest.csv``.
        clean: True for framing's cleaning rules, False for none, a TOML file of
            extra rules (applied after the defaults), or a list of rules.
        outlet_aliases: Extra outlet spellings, as a mapping or a TOML file.
        encoding: Decode every file with this encoding instead of detecting it.
        version_threshold: Containment (0–1) at which two articles are versions of
            one text; None switches version detection off.
        primary: Which version of a group is counted: the ``fullest`` (most
            characters), the ``earliest`` or the ``latest`` published.
        progress: Show a progress bar while the articles are read (HTML extraction is
            slow); ``framing.analyse(..., progress=True)`` shows one as it streams them.
        repair_mojibake: Repair text decoded with the wrong codec before it reached
            framing ("â€œWe will act,â€" for "“We will act,”") with ftfy, noting each
            article repaired; False keeps every text as it was.
        **fields: Column (or JSON key) names for the fields ``doc_id``, ``text``,
            ``outlet``, ``published``, ``title``, ``url``, ``story``, ``language``
            and, for manifests, ``file``. Dotted keys reach into nested JSON.

    Returns:
        A :class:`Corpus`. Articles that cannot be loaded are rows in ``.errors``.

    Raises:
        CorpusNotFoundError: ``source`` does not exist.
        ColumnError: A field names a column the source does not have.
        CorpusError: Any other unusable argument.

    Example:
        >>> corpus = framing.load_corpus("articles/", outlet="publication")  # doctest: +SKIP
    """
    unknown = sorted(set(fields) - set(FIELDS) - {"file"})
    if unknown:
        raise CorpusError(
            f"unknown field {', '.join(map(repr, unknown))}; the fields are "
            f"{', '.join(FIELDS)} and file (for manifests), e.g. outlet='publication'"
        )
    for name, column in fields.items():
        if not isinstance(column, str) or not column:
            raise CorpusError(f"{name}= must be a column name (a non-empty string), got {column!r}")
    if primary not in ("fullest", "earliest", "latest"):
        raise CorpusError(f"primary={primary!r}; use 'fullest', 'earliest' or 'latest'")
    if version_threshold is not None and not 0 < version_threshold <= 1:
        raise CorpusError(
            f"version_threshold={version_threshold}; use a share in (0, 1] or "
            "None to switch version detection off"
        )
    rules = _rules(clean)
    aliases = load_outlet_aliases(outlet_aliases)
    read, label, total, slices, files = _reader(source, fields, manifest, encoding)
    first = read()  # checks the source's columns now, not when the articles are read
    extra = _extra_columns(first)
    if hasattr(first, "close"):
        first.close()
    options = {
        "source": label,
        "fields": dict(fields),
        "manifest": str(Path(manifest).resolve()) if manifest is not None else None,
        "clean": _describe_clean(clean),
        "outlet_aliases": dict(sorted(aliases.items())),
        "encoding": encoding,
        "version_threshold": version_threshold,
        "primary": primary,
        "repair_mojibake": bool(repair_mojibake),
    }
    plan = LoadPlan(
        read,
        label,
        tuple(rules),
        aliases,
        version_threshold,
        primary,
        options,
        total,
        progress,
        slices,
        files,
        extra,
        bool(repair_mojibake),
    )
    return Corpus(source=label, cleaning_rules=tuple(rules), plan=plan)


#: How many items are looked through to learn the source's other columns (as many as
#: the JSON readers sample to learn their keys).
_EXTRA_SAMPLE = 200


def _extra_columns(items: Iterator[Item]) -> tuple[tuple[str, str], ...]:
    """The source's own metadata columns, from its first articles, each with the column
    that keeps it: its name, or ``meta_<name>`` where framing has a column so named."""
    # A table gives every row the same columns; JSON articles may each have their own
    # keys, so the first articles' keys are gathered, in the order they first appear.
    names: dict[str, None] = {}
    for item in islice(items, _EXTRA_SAMPLE):
        if isinstance(item, Record):
            names.update(dict.fromkeys(item.extra))
    # The corpus's own columns; a name the analysis writes (n_words, a family's column)
    # is renamed in analysis.articles, where the two meet (see analysis._tables.Schema).
    taken = set(ARTICLE_COLUMNS) | {POSITION}
    out = []
    for name in names:
        column = name
        while column in taken:
            column = f"meta_{column}"
        taken.add(column)
        out.append((name, column))
    return tuple(out)


def _describe_clean(clean: object) -> object:
    if isinstance(clean, bool) or clean is None:
        return clean
    if isinstance(clean, str | PathLike):
        return str(Path(clean).resolve())
    return [rule.name for rule in clean]  # type: ignore[union-attr]


def _rules(clean: bool | str | PathLike[str] | Sequence[CleaningRule]) -> list[CleaningRule]:
    if clean is True:
        return load_cleaning_rules()
    if clean is False or clean is None:
        return []
    if isinstance(clean, str | PathLike):
        return load_cleaning_rules(clean)
    rules = list(clean)
    if not all(isinstance(r, CleaningRule) for r in rules):
        raise CorpusError(
            "clean= takes True, False, a TOML rules file or a list of CleaningRule objects"
        )
    return rules


def _reader(source, fields, manifest, encoding):
    """A function starting a fresh pass over the source, its label, its size if cheaply
    known, a function cutting it into slices workers read themselves (or None), and its
    table files."""
    if isinstance(source, pd.DataFrame):
        frame = source
        return (lambda: read_frame(frame, fields, "DataFrame")), "DataFrame", len(frame), None, ()
    if not isinstance(source, str | PathLike):
        raise CorpusError(
            f"source must be a folder, a file or a DataFrame, got {type(source).__name__}"
        )
    path = Path(source)
    if not path.exists():
        raise CorpusNotFoundError(
            f"{path} does not exist (looked in {path.resolve().parent}); pass the folder of "
            "articles or a CSV/JSONL/Parquet file"
        )
    manifest_path = None
    if manifest is not None:
        manifest_path = Path(manifest)
        if not manifest_path.is_file():
            raise CorpusNotFoundError(
                f"manifest {manifest_path} does not exist; pass the path "
                "of a CSV with a file column, or leave manifest= out"
            )
    if path.is_dir():
        if manifest_path is None and not article_files(path) and parquet_files(path):
            tables = parquet_files(path)
            return (
                lambda: read_parquet_folder(path, fields),
                str(path),
                sum(_table_rows(p) or 0 for p in tables),
                lambda size: parquet_folder_slices(path, fields, size),
                tuple(str(p) for p in tables),
            )
        count = len(article_files(path))
        memo: dict[str, Any] = {}
        return (
            lambda: read_folder(path, fields, manifest_path, encoding, memo=memo),
            str(path),
            count,
            None,
            (),
        )
    suffix = path.suffix.lower()
    if suffix in TABLE_SUFFIXES:
        if manifest_path is not None:
            raise CorpusError(
                f"manifest= is for folders and single article files; {path} is a table, "
                "so its metadata belongs in its columns (map them with outlet=..., title=...)"
            )
        slices = None
        if suffix == ".parquet":
            slices = lambda size: parquet_slices(path, fields, size)  # noqa: E731
        elif suffix in (".jsonl", ".ndjson"):
            slices = lambda size: jsonl_slices(path, fields, encoding, size)  # noqa: E731
        memo = {}
        return (
            lambda: read_table_file(path, fields, encoding, memo),
            str(path),
            _table_rows(path),
            slices,
            (str(path),),
        )
    if suffix in ARTICLE_SUFFIXES:
        if suffix == ".json" and manifest_path is None:
            return (
                lambda: read_json_files(
                    [(path, path.stem)], fields, encoding, str(path), need_outlet=True
                ),
                str(path),
                1,
                None,
                (),
            )
        return (
            lambda: read_folder(path.parent, fields, manifest_path, encoding, only=path),
            str(path),
            1,
            None,
            (),
        )
    raise CorpusError(
        f"{path}: cannot read {suffix or 'files without a suffix'}; framing reads folders, "
        f"{', '.join(sorted(ARTICLE_SUFFIXES | TABLE_SUFFIXES))}"
    )


def _table_rows(path: Path) -> int | None:
    if path.suffix.lower() != ".parquet":
        return None
    try:
        import pyarrow.parquet as pq

        return pq.ParquetFile(path).metadata.num_rows
    except Exception:  # the reader says what is wrong when it runs
        return None


def materialise(plan: LoadPlan, *, progress: bool = False) -> tuple[pd.DataFrame, ...]:
    """Read, clean and group a whole corpus into memory: (articles, errors, removed,
    versions)."""
    bar = progress_bar(progress, plan.total, "loading", unit="article")

    def counted() -> Iterator[Item]:
        for item in plan.read():
            yield item
            bar.update(1)

    try:
        chunk = prepare(
            counted(),
            plan.rules,
            signatures=plan.version_threshold is not None,
            extra=plan.extra,
            repair=plan.repair_mojibake,
        )
    finally:
        bar.close()
    entries = signature_entries(chunk)
    resolution = resolve(
        [chunk_meta(chunk)],
        [lambda: entries],
        plan.outlet_aliases,
        plan.version_threshold,
        plan.primary,
    )
    articles = apply_resolution("corpus", chunk.articles, 0, resolution)
    errors = apply_resolution("errors", error_frame(chunk.errors), 0, resolution)
    removed = pd.DataFrame(chunk.removed, columns=list(REMOVED_COLUMNS))
    return (
        typed(articles, {**CORPUS_DTYPES, **dict.fromkeys((c for _, c in plan.extra), "str")}),
        typed(errors, ERROR_DTYPES).reset_index(drop=True),
        typed(removed, REMOVED_DTYPES),
        typed(resolution.pairs, VERSION_DTYPES),
    )
