"""The Corpus: articles as a tidy table, plus what loading removed, grouped or refused."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from os import PathLike
from pathlib import Path
from typing import Literal

import pandas as pd

from ..errors import CorpusError, CorpusNotFoundError
from ._clean import CleaningRule, clean_text, load_cleaning_rules
from ._outlets import load_outlet_aliases, normalise_outlets
from ._readers import (
    ARTICLE_SUFFIXES,
    FIELDS,
    TABLE_SUFFIXES,
    LoadProblem,
    Record,
    _read_table_file,
    read_folder,
    read_frame,
    read_json_files,
)
from ._versions import find_version_pairs, group_versions

__all__ = ["ARTICLE_COLUMNS", "ERROR_COLUMNS", "Corpus", "load_corpus"]

#: Columns of ``Corpus.articles``, in order.
ARTICLE_COLUMNS = (
    "doc_id",
    "outlet",
    "published",
    "title",
    "url",
    "story",
    "language",
    "text",
    "raw_text",
    "encoding",
    "origin",
    "outlet_raw",
    "n_chars_removed",
    "version_group",
    "is_primary",
    "syndicated",
    "notes",
)
#: Columns of every errors table.
ERROR_COLUMNS = ("doc_id", "origin", "stage", "reason")
REMOVED_COLUMNS = ("doc_id", "rule", "category", "start", "end", "text")
VERSION_COLUMNS = ("doc_id", "other_doc_id", "shared_shingles", "containment", "same_outlet")

PrimaryRule = Literal["fullest", "earliest", "latest"]


@dataclass
class Corpus:
    """Articles ready for analysis.

    Attributes:
        articles: One row per article loaded (see ``ARTICLE_COLUMNS``); ``text`` is the
            cleaned text every offset refers to, ``raw_text`` the text as decoded.
        errors: One row per article that could not be loaded, with the reason.
        removed: One row per piece of debris cleaning removed (offsets in ``raw_text``).
        versions: One row per pair of articles found to be versions or copies.
        source: What was loaded, for reports.
    """

    articles: pd.DataFrame
    errors: pd.DataFrame
    removed: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=REMOVED_COLUMNS))
    versions: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=VERSION_COLUMNS))
    source: str = ""
    cleaning_rules: tuple[CleaningRule, ...] = ()

    def __len__(self) -> int:
        return len(self.articles)

    @property
    def primary(self) -> pd.DataFrame:
        """The articles counted in analyses: one per version group and outlet."""
        return self.articles[self.articles["is_primary"]]

    def __repr__(self) -> str:
        outlets = self.articles["outlet"].nunique()
        return (
            f"Corpus({len(self.articles)} articles from {outlets} outlets, "
            f"{len(self.errors)} errors, source={self.source!r})"
        )

    def _repr_html_(self) -> str:
        summary = (
            self.articles.groupby("outlet", dropna=False)
            .agg(articles=("doc_id", "size"), counted=("is_primary", "sum"))
            .reset_index()
        )
        head = f"<p><b>{len(self.articles)}</b> articles, <b>{len(self.errors)}</b> errors</p>"
        return head + summary.to_html(index=False, escape=True)


def load_corpus(
    source: str | PathLike[str] | pd.DataFrame,
    *,
    manifest: str | PathLike[str] | None = None,
    clean: bool | str | PathLike[str] | Sequence[CleaningRule] = True,
    outlet_aliases: Mapping[str, str] | str | PathLike[str] | None = None,
    encoding: str | None = None,
    version_threshold: float | None = 0.5,
    primary: PrimaryRule = "fullest",
    **fields: str,
) -> Corpus:
    """Load articles from a folder, a table file or a DataFrame, cleaned and grouped.

    Args:
        source: A folder of ``.txt``/``.html``/``.json`` article files (searched
            recursively; a ``manifest.csv`` beside them gives each file's metadata), a
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
    items, label = _read(source, fields, manifest, encoding)

    records: list[Record] = []
    problems: list[LoadProblem] = []
    for item in items:
        (records if isinstance(item, Record) else problems).append(item)
    return _assemble(records, problems, rules, aliases, version_threshold, primary, label)


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


def _read(source, fields, manifest, encoding):
    if isinstance(source, pd.DataFrame):
        return list(read_frame(source, fields, "DataFrame")), "DataFrame"
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
        return list(read_folder(path, fields, manifest_path, encoding)), str(path)
    suffix = path.suffix.lower()
    if suffix in TABLE_SUFFIXES:
        if manifest_path is not None:
            raise CorpusError(
                f"manifest= is for folders and single article files; {path} is a table, "
                "so its metadata belongs in its columns (map them with outlet=..., title=...)"
            )
        return list(_read_table_file(path, fields, encoding)), str(path)
    if suffix in ARTICLE_SUFFIXES:
        if suffix == ".json" and manifest_path is None:
            items = read_json_files([(path, path.stem)], fields, encoding, str(path))
        else:
            items = read_folder(path.parent, fields, manifest_path, encoding, only=path)
        return list(items), str(path)
    raise CorpusError(
        f"{path}: cannot read {suffix or 'files without a suffix'}; framing reads folders, "
        f"{', '.join(sorted(ARTICLE_SUFFIXES | TABLE_SUFFIXES))}"
    )


def _assemble(records, problems, rules, aliases, version_threshold, primary, label) -> Corpus:
    seen: dict[str, str] = {}
    kept: list[Record] = []
    removed_rows: list[dict] = []
    for record in records:
        if record.doc_id in seen:
            problems.append(
                LoadProblem(
                    record.doc_id,
                    record.origin,
                    f"duplicate doc_id {record.doc_id!r} (first used by {seen[record.doc_id]}); "
                    "doc ids must be unique: fix the id or pass doc_id= naming a unique column",
                )
            )
            continue
        if not record.meta.get("outlet"):
            problems.append(
                LoadProblem(
                    record.doc_id,
                    record.origin,
                    "no outlet: every article needs one; add it to the manifest or table, or "
                    "pass outlet= naming the column that holds it",
                )
            )
            continue
        seen[record.doc_id] = record.origin
        cleaned, removals, notes = clean_text(record.raw_text, rules)
        if not cleaned.strip():
            problems.append(
                LoadProblem(
                    record.doc_id,
                    record.origin,
                    "nothing left after cleaning: rules "
                    f"{', '.join(sorted({r.rule for r in removals}))} removed all the text; "
                    "check the file, or load with clean=False",
                )
            )
            continue
        record.notes.extend(notes)
        record.meta["text"] = cleaned
        record.meta["n_chars_removed"] = sum(r.end - r.start for r in removals)
        removed_rows.extend(
            {
                "doc_id": record.doc_id,
                "rule": r.rule,
                "category": r.category,
                "start": r.start,
                "end": r.end,
                "text": r.text,
            }
            for r in removals
        )
        kept.append(record)

    articles = pd.DataFrame(
        {
            "doc_id": [r.doc_id for r in kept],
            "outlet_raw": [str(r.meta["outlet"]) for r in kept],
            "published": [r.meta.get("published") for r in kept],
            "title": [_str_or_none(r.meta.get("title")) for r in kept],
            "url": [_str_or_none(r.meta.get("url")) for r in kept],
            "story": [_str_or_none(r.meta.get("story")) for r in kept],
            "language": [_str_or_none(r.meta.get("language")) for r in kept],
            "text": [r.meta["text"] for r in kept],
            "raw_text": [r.raw_text for r in kept],
            "encoding": [r.encoding for r in kept],
            "origin": [r.origin for r in kept],
            "n_chars_removed": [r.meta["n_chars_removed"] for r in kept],
            "notes": ["; ".join(r.notes) for r in kept],
        }
    )
    articles["outlet"] = normalise_outlets(articles["outlet_raw"], aliases)
    articles["published"] = _parse_dates(articles)
    pairs_frame = _versions(articles, version_threshold, primary)
    articles = articles.reindex(columns=list(ARTICLE_COLUMNS))
    errors = pd.DataFrame(
        [
            {"doc_id": p.doc_id, "origin": p.origin, "stage": "load", "reason": p.reason}
            for p in problems
        ],
        columns=list(ERROR_COLUMNS),
    )
    removed = pd.DataFrame(removed_rows, columns=list(REMOVED_COLUMNS))
    return Corpus(
        articles.reset_index(drop=True), errors, removed, pairs_frame, label, tuple(rules)
    )


def _str_or_none(value) -> str | None:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    text = str(value).strip()
    return text or None


def _parse_dates(articles: pd.DataFrame) -> pd.Series:
    raw = [_str_or_none(v) for v in articles["published"]]
    parsed = pd.to_datetime(pd.Series(raw, dtype=object), errors="coerce", utc=True, format="mixed")
    for i, (value, when) in enumerate(zip(raw, parsed, strict=True)):
        if value is not None and pd.isna(when):
            note = f"published {value!r} is not a date; left empty"
            articles.at[i, "notes"] = "; ".join(filter(None, [articles.at[i, "notes"], note]))
    return parsed.dt.tz_convert(None)


def _versions(
    articles: pd.DataFrame, threshold: float | None, primary: PrimaryRule
) -> pd.DataFrame:
    n = len(articles)
    pairs = find_version_pairs(articles["text"].tolist(), threshold) if threshold else []
    groups = group_versions(n, pairs)
    ids = articles["doc_id"].tolist()
    outlets = articles["outlet"].tolist()
    lengths = [len(text) for text in articles["text"]]
    published = articles["published"].tolist()

    def rank(i: int):
        when = published[i]
        stamp = when.value if not pd.isna(when) else None
        if primary == "fullest":
            return (-lengths[i], ids[i])
        if primary == "earliest":
            return (stamp if stamp is not None else float("inf"), -lengths[i], ids[i])
        return (-(stamp) if stamp is not None else float("inf"), -lengths[i], ids[i])

    members: dict[int, list[int]] = {}
    for i, g in enumerate(groups):
        members.setdefault(g, []).append(i)
    version_group = [""] * n
    is_primary = [False] * n
    syndicated = [False] * n
    for indices in members.values():
        label = ids[min(indices, key=rank)]
        spans_outlets = len({outlets[i] for i in indices}) > 1
        by_outlet: dict[str, list[int]] = {}
        for i in indices:
            version_group[i] = label
            syndicated[i] = spans_outlets
            by_outlet.setdefault(outlets[i], []).append(i)
        # One article counted per outlet: an outlet that runs a syndicated story has
        # made that story part of its own coverage.
        for same_outlet in by_outlet.values():
            is_primary[min(same_outlet, key=rank)] = True
    articles["version_group"] = version_group
    articles["is_primary"] = is_primary
    articles["syndicated"] = syndicated
    return pd.DataFrame(
        [
            {
                "doc_id": ids[p.a],
                "other_doc_id": ids[p.b],
                "shared_shingles": p.shared,
                "containment": p.containment,
                "same_outlet": outlets[p.a] == outlets[p.b],
            }
            for p in pairs
        ],
        columns=list(VERSION_COLUMNS),
    )
