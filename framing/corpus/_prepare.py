"""From records to corpus rows, in two steps that scale.

:func:`prepare` works on one chunk of records at a time and needs nothing else: it
extracts HTML, checks each article has an outlet, cleans the text (recording every
removal), hashes the article as loaded and samples its version signature. It runs in
worker processes, so a corpus of any size is read in chunks.

:func:`resolve` then makes the decisions that need the whole corpus, from a little of
each article (its id, outlet spelling, date, length and signature): which doc ids are
duplicates, which spelling names each outlet, and which articles are versions of one
text. :func:`apply_resolution` writes those decisions into a chunk's tables.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np
import pandas as pd

from .._frames import typed
from ._clean import CleaningRule, clean_text
from ._outlets import normalise_outlets
from ._readers import LoadProblem, Record, extract_html
from ._versions import ChunkSignatures, find_pairs, group_versions, signature

__all__ = [
    "ARTICLE_COLUMNS",
    "ERROR_COLUMNS",
    "REMOVED_COLUMNS",
    "VERSION_COLUMNS",
    "PreparedChunk",
    "Resolution",
    "apply_resolution",
    "chunk_meta",
    "error_frame",
    "prepare",
    "resolve",
    "signature_entries",
]

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
    "sha256",
)
#: Columns of every errors table.
ERROR_COLUMNS = ("doc_id", "origin", "stage", "reason")
REMOVED_COLUMNS = ("doc_id", "rule", "category", "start", "end", "text")
VERSION_COLUMNS = ("doc_id", "other_doc_id", "shared_shingles", "containment", "same_outlet")
#: dtypes of the corpus-level tables.
CORPUS_DTYPES: dict[str, str] = {
    **{c: "str" for c in ARTICLE_COLUMNS},
    "published": "datetime64[us]",
    "n_chars_removed": "int64",
    "is_primary": "bool",
    "syndicated": "bool",
}
ERROR_DTYPES: dict[str, str] = {c: "str" for c in ERROR_COLUMNS}
REMOVED_DTYPES: dict[str, str] = {
    **{c: "str" for c in REMOVED_COLUMNS},
    "start": "int64",
    "end": "int64",
}
VERSION_DTYPES: dict[str, str] = {
    "doc_id": "str",
    "other_doc_id": "str",
    "shared_shingles": "int64",
    "containment": "float64",
    "same_outlet": "bool",
}
#: The position of a row in its chunk's input, kept while chunks are being put together
#: so that error rows can be set in input order; never in a finished table.
POSITION = "_position"

PrimaryRule = Literal["fullest", "earliest", "latest"]


@dataclass
class PreparedChunk:
    """A chunk of records made ready for analysis.

    ``articles`` holds one row per article kept (``ARTICLE_COLUMNS`` and ``_position``;
    ``outlet`` and the version columns are left for :func:`resolve`); ``texts`` are
    their cleaned texts and ``titles`` their headlines, in the same order; ``errors``
    and ``removed`` are row dicts; ``signatures`` one sorted sample per kept article, or
    None where version detection is off.
    """

    articles: pd.DataFrame
    errors: list[dict[str, Any]] = field(default_factory=list)
    removed: list[dict[str, Any]] = field(default_factory=list)
    signatures: list[np.ndarray] | None = None

    @property
    def texts(self) -> list[str]:
        return self.articles["text"].tolist()


def article_hash(raw_text: str) -> str:
    """The SHA-256 of an article as loaded (its decoded, normalised raw text)."""
    return hashlib.sha256(raw_text.encode("utf-8", "surrogatepass")).hexdigest()


def prepare(
    items: Iterable[Record | LoadProblem],
    rules: Sequence[CleaningRule],
    *,
    signatures: bool = True,
) -> PreparedChunk:
    """Extract, check, clean, hash and sign one chunk of records (see the module docstring).

    Within the chunk, a doc id used twice keeps its first article; the second becomes an
    error row. Duplicates across chunks are :func:`resolve`'s to find.
    """
    kept: list[dict[str, Any]] = []
    errors: list[dict[str, Any]] = []
    removed: list[dict[str, Any]] = []
    seen: dict[str, str] = {}
    for position, item in enumerate(items):
        if isinstance(item, Record) and item.kind == "html":
            item = extract_html(item)
        if isinstance(item, LoadProblem):
            errors.append(_error(item.doc_id, item.origin, item.reason, position))
            continue
        problem = _problem(item, seen, rules)
        if isinstance(problem, str):
            errors.append(_error(item.doc_id, item.origin, problem, position))
            continue
        cleaned, removals, notes = problem
        seen[item.doc_id] = item.origin
        item.notes.extend(notes)
        meta = item.meta
        kept.append(
            {
                "doc_id": item.doc_id,
                "outlet": None,
                "published": meta.get("published"),
                "title": _str_or_none(meta.get("title")),
                "url": _str_or_none(meta.get("url")),
                "story": _str_or_none(meta.get("story")),
                "language": _str_or_none(meta.get("language")),
                "text": cleaned,
                "raw_text": item.raw_text,
                "encoding": item.encoding,
                "origin": item.origin,
                "outlet_raw": str(meta["outlet"]),
                "n_chars_removed": sum(r.end - r.start for r in removals),
                "version_group": None,
                "is_primary": False,
                "syndicated": False,
                "notes": "; ".join(item.notes),
                "sha256": article_hash(item.raw_text),
                POSITION: position,
            }
        )
        removed.extend(
            {
                "doc_id": item.doc_id,
                "rule": r.rule,
                "category": r.category,
                "start": r.start,
                "end": r.end,
                "text": r.text,
            }
            for r in removals
        )
    articles = pd.DataFrame(kept, columns=[*ARTICLE_COLUMNS, POSITION])
    articles["published"] = _parse_dates(articles)
    articles = articles.astype(
        {"n_chars_removed": "int64", "is_primary": "bool", "syndicated": "bool", POSITION: "int64"}
    )
    return PreparedChunk(
        articles,
        errors,
        removed,
        [signature(text) for text in articles["text"]] if signatures else None,
    )


def _problem(record: Record, seen: Mapping[str, str], rules: Sequence[CleaningRule]):
    """Why the record cannot be kept, or its cleaned text with removals and notes."""
    if record.doc_id in seen:
        return (
            f"duplicate doc_id {record.doc_id!r} (first used by {seen[record.doc_id]}); "
            "doc ids must be unique: fix the id or pass doc_id= naming a unique column"
        )
    if not record.meta.get("outlet"):
        return (
            "no outlet: every article needs one; add it to the manifest or table, or "
            "pass outlet= naming the column that holds it"
        )
    cleaned, removals, notes = clean_text(record.raw_text, rules)
    if not cleaned.strip():
        return (
            "nothing left after cleaning: rules "
            f"{', '.join(sorted({r.rule for r in removals}))} removed all the text; "
            "check the file, or load with clean=False"
        )
    return cleaned, removals, notes


def _error(doc_id: str, origin: str, reason: str, position: int) -> dict[str, Any]:
    return {
        "doc_id": doc_id,
        "origin": origin,
        "stage": "load",
        "reason": reason,
        POSITION: position,
    }


def error_frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    """Error rows as a table in input order (``_position`` kept for what follows)."""
    frame = pd.DataFrame(rows, columns=[*ERROR_COLUMNS, POSITION])
    frame = typed(frame, {**ERROR_DTYPES, POSITION: "int64"})
    return frame.sort_values(POSITION, kind="stable").reset_index(drop=True)


def _str_or_none(value: Any) -> str | None:
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
    # One unit for every chunk, whatever precision its dates were written in, so that
    # the tables of a corpus read in chunks fit together.
    return parsed.dt.tz_convert(None).astype("datetime64[us]")


# --------------------------------------------------------------------------- the whole corpus


@dataclass
class Resolution:
    """The decisions that need the whole corpus (see :func:`resolve`).

    Attributes:
        dropped: Per chunk, the doc ids whose article there repeats an earlier chunk's,
            with the error row each becomes.
        outlets: Each outlet spelling in the corpus → the outlet it names.
        versions: Per kept doc id: ``version_group``, ``is_primary``, ``syndicated``.
        pairs: One row per version pair (``VERSION_COLUMNS``).
    """

    dropped: dict[int, dict[str, dict[str, Any]]]
    outlets: dict[str, str]
    versions: pd.DataFrame
    pairs: pd.DataFrame


#: What :func:`resolve` reads of each kept article.
META_COLUMNS = (
    "doc_id",
    "origin",
    "outlet_raw",
    "published",
    "text_length",
    "n_shingles",
    POSITION,
)


def chunk_meta(chunk: PreparedChunk) -> pd.DataFrame:
    """The little of each kept article that :func:`resolve` needs."""
    arts = chunk.articles
    meta = arts[["doc_id", "origin", "outlet_raw", "published", POSITION]].copy()
    meta["text_length"] = arts["text"].str.len().astype("int64")
    samples = chunk.signatures if chunk.signatures is not None else [()] * len(arts)
    meta["n_shingles"] = np.array([len(s) for s in samples], dtype=np.int64)
    return meta[list(META_COLUMNS)]


def signature_entries(chunk: PreparedChunk) -> tuple[np.ndarray, np.ndarray]:
    """A chunk's signatures as (row, hash) entries sorted by hash."""
    samples = chunk.signatures or []
    sizes = np.array([len(s) for s in samples], dtype=np.int64)
    rows = np.repeat(np.arange(len(samples), dtype=np.int64), sizes)
    hashes = np.concatenate(samples) if samples else np.empty(0, np.int64)
    order = np.argsort(hashes, kind="stable")
    return rows[order], hashes[order]


#: Reads a chunk's signature entries: (row in the chunk's kept articles, hash), by hash.
SignatureReader = Callable[[], tuple[np.ndarray, np.ndarray]]


def resolve(
    metas: Iterable[pd.DataFrame],
    signatures: Sequence[SignatureReader] | None,
    aliases: Mapping[str, str],
    threshold: float | None,
    primary: PrimaryRule,
    workdir: str | None = None,
) -> Resolution:
    """Duplicates across chunks, outlet names and version groups for a whole corpus.

    Args:
        metas: Per chunk, in input order, its kept articles' ``META_COLUMNS``
            (:func:`chunk_meta`).
        signatures: Per chunk, a reader of its signature entries (None: detection off).
        aliases: Outlet aliases (:func:`load_outlet_aliases`).
        threshold: Version containment threshold, or None.
        primary: Which version of a group is counted.
        workdir: Where version detection may spill to disk.
    """
    seen: dict[str, str] = {}
    dropped: dict[int, dict[str, dict[str, Any]]] = {}
    kept_parts: list[pd.DataFrame] = []
    kept_rows: list[np.ndarray] = []
    chunk_rows: list[int] = []
    for index, meta in enumerate(metas):
        keep = np.ones(len(meta), dtype=bool)
        for row, (doc_id, origin, position) in enumerate(
            zip(meta["doc_id"], meta["origin"], meta[POSITION], strict=True)
        ):
            if doc_id in seen:
                keep[row] = False
                reason = (
                    f"duplicate doc_id {doc_id!r} (first used by {seen[doc_id]}); doc ids "
                    "must be unique: fix the id or pass doc_id= naming a unique column"
                )
                dropped.setdefault(index, {})[doc_id] = _error(doc_id, origin, reason, position)
            else:
                seen[doc_id] = origin
        kept_parts.append(meta[keep])
        chunk_rows.append(len(meta))
        kept_rows.append(np.flatnonzero(keep))
    kept = (
        pd.concat(kept_parts, ignore_index=True)
        if kept_parts
        else pd.DataFrame(columns=list(META_COLUMNS))
    )
    raw = kept["outlet_raw"].astype(object)
    outlets = dict(zip(raw, normalise_outlets(raw, aliases), strict=True))
    outlet_list = [outlets[r] for r in raw]

    pairs = []
    n = len(kept)
    if threshold is not None and signatures is not None and n > 1:
        offsets = np.cumsum([0, *[len(r) for r in kept_rows]])
        chunks = []
        for read, rows, n_rows, offset in zip(
            signatures, kept_rows, chunk_rows, offsets, strict=False
        ):
            docs = np.full(n_rows, -1, dtype=np.int64)  # a chunk's rows -> global numbers
            docs[rows] = np.arange(int(offset), int(offset) + len(rows))
            chunks.append(ChunkSignatures(read, docs))
        sizes = kept["n_shingles"].to_numpy(dtype=np.int64)
        pairs = find_pairs(chunks, sizes, threshold, workdir)
    versions, pairs_frame = _version_tables(kept, outlet_list, pairs, primary)
    return Resolution(dropped, outlets, versions, pairs_frame)


def _version_tables(
    kept: pd.DataFrame, outlets: list[str], pairs: list, primary: PrimaryRule
) -> tuple[pd.DataFrame, pd.DataFrame]:
    n = len(kept)
    groups = np.asarray(group_versions(n, pairs), dtype=np.int64)
    ids = kept["doc_id"].tolist()
    # An article alone in its group is its own group and counted: only the members of
    # groups of two or more are ranked, so a corpus of 100,000 articles with a few
    # hundred versions costs no per-article Python objects beyond these arrays.
    version_group = np.array(ids, dtype=object)
    is_primary = np.ones(n, dtype=bool)
    syndicated = np.zeros(n, dtype=bool)
    shared = np.flatnonzero(np.bincount(groups, minlength=n)[groups] > 1) if n else groups
    lengths = kept["text_length"].to_numpy()
    published = kept["published"]

    def rank(i: int):
        when = published.iat[i]
        stamp = when.value if not pd.isna(when) else None
        if primary == "fullest":
            return (-lengths[i], ids[i])
        if primary == "earliest":
            return (stamp if stamp is not None else float("inf"), -lengths[i], ids[i])
        return (-(stamp) if stamp is not None else float("inf"), -lengths[i], ids[i])

    members: dict[int, list[int]] = {}
    for i in shared.tolist():
        members.setdefault(int(groups[i]), []).append(i)
    for indices in members.values():
        label = ids[min(indices, key=rank)]
        spans_outlets = len({outlets[i] for i in indices}) > 1
        by_outlet: dict[str, list[int]] = {}
        for i in indices:
            version_group[i] = label
            syndicated[i] = spans_outlets
            is_primary[i] = False
            by_outlet.setdefault(outlets[i], []).append(i)
        # One article counted per outlet: an outlet that runs a syndicated story has
        # made that story part of its own coverage.
        for same_outlet in by_outlet.values():
            is_primary[min(same_outlet, key=rank)] = True
    versions = pd.DataFrame(
        {
            "outlet": outlets,
            "version_group": version_group,
            "is_primary": is_primary,
            "syndicated": syndicated,
        },
        index=pd.Index(ids, name="doc_id", dtype=object),
    )
    pairs_frame = pd.DataFrame(
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
    ).astype(
        {
            "doc_id": "str",
            "other_doc_id": "str",
            "shared_shingles": "int64",
            "containment": "float64",
            "same_outlet": "bool",
        }
    )
    return versions, pairs_frame


def apply_resolution(
    table: str, frame: pd.DataFrame, chunk: int, resolution: Resolution
) -> pd.DataFrame:
    """One chunk's ``table`` with the corpus-wide decisions written in.

    ``corpus`` and ``articles`` rows get their outlet and version columns; every table
    loses the rows of articles dropped as duplicates; ``errors`` gains their error rows
    (in input order, while ``_position`` is still there to order by).
    """
    dropped = resolution.dropped.get(chunk, {})
    if dropped and "doc_id" in frame.columns:
        if table == "errors":
            stale = frame["doc_id"].isin(list(dropped)) & (frame["stage"] != "load")
            frame = pd.concat(
                [frame[~stale], pd.DataFrame(list(dropped.values()))], ignore_index=True
            )
            if POSITION in frame.columns:
                frame = frame.sort_values(POSITION, kind="stable")
        else:
            frame = frame[~frame["doc_id"].isin(list(dropped))]
    if table in ("corpus", "articles") and len(frame):
        decided = resolution.versions.reindex(frame["doc_id"].astype(object))
        for column in ("outlet", "version_group", "is_primary", "syndicated"):
            frame[column] = decided[column].to_numpy()
        frame = frame.astype({"is_primary": "bool", "syndicated": "bool"})
    return frame.reset_index(drop=True)
