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
from ._clean import CleaningRule, RuleTimeout, clean_text
from ._decode import repair_mojibake
from ._outlets import normalise_outlets
from ._read_folders import extract_html
from ._records import LoadProblem, Record
from ._versions import ChunkSignatures, find_pairs, signature

__all__ = [
    "ARTICLE_COLUMNS",
    "ERROR_COLUMNS",
    "REMOVED_COLUMNS",
    "VERSION_COLUMNS",
    "PreparedChunk",
    "Resolution",
    "apply_resolution",
    "chunk_meta",
    "decisions_of",
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
    extra: Sequence[tuple[str, str]] = (),
    repair: bool = True,
) -> PreparedChunk:
    """Extract, check, clean, hash and sign one chunk of records (see the module docstring).

    ``extra`` pairs each of the source's other columns with the column that keeps it
    (:attr:`LoadPlan.extra`): the researcher's metadata, as text, after framing's columns.
    With ``repair``, mojibake in a text or title is repaired (:func:`repair_mojibake`),
    with a note; ``sha256`` stays the hash of the text as it was loaded.

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
        loaded = item.raw_text
        if repair:
            _repair(item)
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
                "sha256": article_hash(loaded),
                POSITION: position,
                **{column: item.extra.get(source) for source, column in extra},
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
    names = [column for _, column in extra]
    articles = pd.DataFrame(kept, columns=[*ARTICLE_COLUMNS, POSITION, *names])
    articles["published"] = _parse_dates(articles)
    articles = articles.astype(
        {
            "n_chars_removed": "int64",
            "is_primary": "bool",
            "syndicated": "bool",
            POSITION: "int64",
            **dict.fromkeys(names, "str"),
        }
    )
    return PreparedChunk(
        articles,
        errors,
        removed,
        [signature(text) for text in articles["text"]] if signatures else None,
    )


def _repair(record: Record) -> None:
    """Repair mojibake in a record's text and title, with a note saying how much."""
    changed = 0
    record.raw_text, n = repair_mojibake(record.raw_text)
    changed += n
    title = record.meta.get("title")
    if isinstance(title, str):
        record.meta["title"], n = repair_mojibake(title)
        changed += n
    if changed:
        record.notes.append(
            f"mojibake repaired by ftfy ({changed} sequences): text decoded with "
            "the wrong codec before it reached framing; load with repair_mojibake=False to "
            "keep it as it was"
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
            "no outlet: every article needs one; add it to the manifest or table, pass "
            "outlet= naming the column that holds it, or, in a folder without a manifest, "
            "put the file in a subfolder named after its outlet"
        )
    try:
        cleaned, removals, notes = clean_text(record.raw_text, rules)
    except RuleTimeout as exc:  # one article's pattern trouble, not the corpus's
        return str(exc)
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
        decisions: Per chunk, its kept articles' ``doc_id``, ``outlet``,
            ``version_group``, ``is_primary`` and ``syndicated``, as an Arrow table (a
            few bytes per article, not Python objects); key -1 holds a corpus decided
            as a whole.
        pairs: One row per version pair (``VERSION_COLUMNS``).
    """

    dropped: dict[int, dict[str, dict[str, Any]]]
    outlets: dict[str, str]
    decisions: dict[int, Any]
    pairs: pd.DataFrame
    _whole: pd.DataFrame | None = field(default=None, repr=False)

    def decided(self, chunk: int) -> pd.DataFrame:
        """The decisions for ``chunk``'s articles (-1: every chunk's), by doc id."""
        if chunk in self.decisions:
            return _decided_frame(self.decisions[chunk])
        if self._whole is None:
            import pyarrow as pa

            tables = [self.decisions[k] for k in sorted(self.decisions)]
            whole = pa.concat_tables(tables) if tables else _decision_table([], [], [], [], [])
            self._whole = _decided_frame(whole)
        return self._whole


def _decision_table(ids, outlets, groups, primary, syndicated) -> Any:
    import pyarrow as pa

    return pa.table(
        {
            "doc_id": pa.array(ids, type=pa.string()),
            "outlet": pa.array(outlets, type=pa.string()),
            "version_group": pa.array(groups, type=pa.string()),
            "is_primary": pa.array(primary, type=pa.bool_()),
            "syndicated": pa.array(syndicated, type=pa.bool_()),
        }
    )


def _decided_frame(table: Any) -> pd.DataFrame:
    frame = table.to_pandas()
    return frame.set_index(pd.Index(frame.pop("doc_id").astype(object), name="doc_id"))


def decisions_of(articles: pd.DataFrame) -> Resolution:
    """A corpus decided at load: its own outlet and version columns, as a Resolution."""
    return Resolution(
        {},
        {},
        {
            -1: _decision_table(
                articles["doc_id"].astype(object),
                articles["outlet"].astype(object),
                articles["version_group"].astype(object),
                articles["is_primary"].astype(bool),
                articles["syndicated"].astype(bool),
            )
        },
        pd.DataFrame(columns=list(VERSION_COLUMNS)),
    )


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
    metas: Iterable[Any],
    signatures: Sequence[SignatureReader] | None,
    aliases: Mapping[str, str],
    threshold: float | None,
    primary: PrimaryRule,
    workdir: str | None = None,
) -> Resolution:
    """Duplicates across chunks, outlet names and version groups for a whole corpus.

    It keeps a few bytes per article (ids as Arrow strings, numbers as arrays), not
    Python objects, so that its memory stays small for a corpus of any size.

    Args:
        metas: Per chunk, in input order, its kept articles' ``META_COLUMNS``
            (:func:`chunk_meta`), as a DataFrame or an Arrow table.
        signatures: Per chunk, a reader of its signature entries (None: detection off).
        aliases: Outlet aliases (:func:`load_outlet_aliases`).
        threshold: Version containment threshold, or None.
        primary: Which version of a group is counted.
        workdir: Where version detection may spill to disk.
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    ids_parts, origin_parts, raw_parts = [], [], []
    lengths_parts, shingle_parts, position_parts, published_parts = [], [], [], []
    chunk_rows: list[int] = []
    for meta in metas:
        if isinstance(meta, pd.DataFrame):
            meta = pa.Table.from_pandas(meta, preserve_index=False)
        ids_parts.append(meta.column("doc_id").cast(pa.string()).combine_chunks())
        origin_parts.append(meta.column("origin").cast(pa.string()).combine_chunks())
        raw_parts.append(meta.column("outlet_raw").cast(pa.string()).combine_chunks())
        # Dates are only compared with each other: as microseconds, every date fits.
        when = meta.column("published")
        if not pa.types.is_timestamp(when.type):
            when = when.cast(pa.timestamp("us"))
        stamps = when.cast(pa.timestamp("us")).cast(pa.int64()).fill_null(_NO_DATE)
        published_parts.append(stamps.to_numpy())
        for parts, column in (
            (lengths_parts, "text_length"),
            (shingle_parts, "n_shingles"),
            (position_parts, POSITION),
        ):
            parts.append(meta.column(column).to_numpy().astype(np.int64))
        chunk_rows.append(meta.num_rows)

    def joined(parts: list, kind: Any) -> Any:
        return pa.chunked_array(parts, type=kind).combine_chunks() if parts else pa.array([], kind)

    def stacked(parts: list[np.ndarray]) -> np.ndarray:
        return np.concatenate(parts) if parts else np.empty(0, np.int64)

    ids = joined(ids_parts, pa.string())
    starts = np.cumsum([0, *chunk_rows])

    # Duplicate ids: every article after the first with its id is dropped.
    encoded = pc.dictionary_encode(ids)
    codes = encoded.indices.to_numpy(zero_copy_only=False).astype(np.int64)
    first = np.unique(codes, return_index=True)[1] if len(codes) else codes
    first_of = first[codes] if len(codes) else codes
    keep = first_of == np.arange(len(codes))
    dropped: dict[int, dict[str, dict[str, Any]]] = {}
    if not keep.all():
        origins = joined(origin_parts, pa.string())
        positions = stacked(position_parts)
        for row in np.flatnonzero(~keep).tolist():
            chunk = int(np.searchsorted(starts, row, side="right") - 1)
            doc_id = ids[row].as_py()
            reason = (
                f"duplicate doc_id {doc_id!r} (first used by {origins[int(first_of[row])]}); "
                "doc ids must be unique: fix the id or pass doc_id= naming a unique column"
            )
            error = _error(doc_id, origins[row].as_py(), reason, int(positions[row]))
            dropped.setdefault(chunk, {})[doc_id] = error
    kept_ids = ids.filter(pa.array(keep))
    kept_chunks = np.add.reduceat(keep, starts[:-1]) if len(codes) else np.zeros(0, np.int64)
    offsets = np.cumsum([0, *[int(k) for k in kept_chunks]])
    if len(chunk_rows) and len(codes) == 0:
        kept_chunks = np.zeros(len(chunk_rows), np.int64)
        offsets = np.zeros(len(chunk_rows) + 1, np.int64)

    # Outlets: each spelling once, with the number of articles that give it.
    raw = pc.dictionary_encode(joined(raw_parts, pa.string()).filter(pa.array(keep)))
    spellings = raw.dictionary.to_pylist()
    spelling_codes = raw.indices.to_numpy(zero_copy_only=False)
    counts = np.bincount(spelling_codes[spelling_codes >= 0], minlength=len(spellings))
    named = list(normalise_outlets(pd.Series(spellings, dtype=object), aliases, counts.tolist()))
    outlets = dict(zip(spellings, named, strict=True))
    names, name_of_spelling = np.unique(np.array(named, dtype=object), return_inverse=True)
    outlet_codes = name_of_spelling[spelling_codes] if len(spellings) else spelling_codes

    lengths = stacked(lengths_parts)[keep]
    published = stacked(published_parts)[keep]
    n = len(kept_ids)
    pairs = []
    if threshold is not None and signatures is not None and n > 1:
        chunks = []
        for c, read in enumerate(signatures):
            docs = np.full(chunk_rows[c], -1, dtype=np.int64)  # a chunk's rows -> numbers
            docs[keep[starts[c] : starts[c + 1]]] = np.arange(offsets[c], offsets[c + 1])
            chunks.append(ChunkSignatures(read, docs))
        sizes = stacked(shingle_parts)[keep]
        pairs = find_pairs(chunks, sizes, threshold, workdir)

    groups, is_primary, syndicated = _version_groups(
        n, pairs, outlet_codes, lengths, published, kept_ids, primary
    )
    decisions = {}
    for c in range(len(chunk_rows)):
        low, high = int(offsets[c]), int(offsets[c + 1])
        chunk_ids = kept_ids.slice(low, high - low)
        labels = chunk_ids
        members = {g: label for g, label in groups.items() if low <= g < high}
        if members:
            values = chunk_ids.to_pylist()
            for g, label in members.items():
                values[g - low] = label
            labels = pa.array(values, type=pa.string())
        decisions[c] = pa.table(
            {
                "doc_id": chunk_ids,
                "outlet": pa.array(names[outlet_codes[low:high]].tolist(), type=pa.string()),
                "version_group": labels,
                "is_primary": pa.array(is_primary[low:high]),
                "syndicated": pa.array(syndicated[low:high]),
            }
        )
    pairs_frame = pd.DataFrame(
        [
            {
                "doc_id": kept_ids[p.a].as_py(),
                "other_doc_id": kept_ids[p.b].as_py(),
                "shared_shingles": p.shared,
                "containment": p.containment,
                "same_outlet": bool(outlet_codes[p.a] == outlet_codes[p.b]),
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
    return Resolution(dropped, outlets, decisions, pairs_frame)


#: A missing date among the int64 microseconds :func:`resolve` compares (NaT's value).
_NO_DATE = np.iinfo(np.int64).min


def _version_groups(
    n: int,
    pairs: list,
    outlets: np.ndarray,
    lengths: np.ndarray,
    published: np.ndarray,
    ids: Any,
    primary: PrimaryRule,
) -> tuple[dict[int, str], np.ndarray, np.ndarray]:
    """Version group labels (only for members of groups of two or more: an article alone
    is its own group), whether each article is counted, and whether its group spans
    outlets."""
    is_primary = np.ones(n, dtype=bool)
    syndicated = np.zeros(n, dtype=bool)
    labels: dict[int, str] = {}
    members: dict[int, list[int]] = {}
    for root, group in _groups(pairs).items():
        members[root] = group

    def rank(i: int):
        stamp = int(published[i]) if published[i] != _NO_DATE else None
        doc = ids[i].as_py()
        if primary == "fullest":
            return (-int(lengths[i]), doc)
        if primary == "earliest":
            return (stamp if stamp is not None else float("inf"), -int(lengths[i]), doc)
        return (-stamp if stamp is not None else float("inf"), -int(lengths[i]), doc)

    for indices in members.values():
        label = ids[min(indices, key=rank)].as_py()
        spans_outlets = len({int(outlets[i]) for i in indices}) > 1
        by_outlet: dict[int, list[int]] = {}
        for i in indices:
            labels[i] = label
            syndicated[i] = spans_outlets
            is_primary[i] = False
            by_outlet.setdefault(int(outlets[i]), []).append(i)
        # One article counted per outlet: an outlet that runs a syndicated story has
        # made that story part of its own coverage.
        for same_outlet in by_outlet.values():
            is_primary[min(same_outlet, key=rank)] = True
    return labels, is_primary, syndicated


def _groups(pairs: list) -> dict[int, list[int]]:
    """The connected groups of the articles named in ``pairs``, each sorted, by root."""
    parent: dict[int, int] = {}

    def find(i: int) -> int:
        parent.setdefault(i, i)
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for pair in pairs:
        ra, rb = find(pair.a), find(pair.b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[int, list[int]] = {}
    for i in sorted(parent):
        groups.setdefault(find(i), []).append(i)
    return groups


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
        decided = resolution.decided(chunk).reindex(frame["doc_id"].astype(object))
        for column in ("outlet", "version_group", "is_primary", "syndicated"):
            frame[column] = decided[column].to_numpy()
        frame = frame.astype({"is_primary": "bool", "syndicated": "bool"})
    return frame.reset_index(drop=True)
