"""Readers: folders of files, tables and DataFrames into article records.

Each reader yields :class:`Record` objects (one per article, with the raw text and
whatever metadata the source gives) and :class:`LoadProblem` objects (one per
article that could not be read). Nothing is dropped: every file, row or line becomes
one or the other.

Readers stream: they hold one file, one batch of table rows or one line at a time, so
a corpus of any size is read in flat memory. Where a source must be looked at before
its columns are known (the keys of JSON objects), they look at the first
:data:`KEY_SAMPLE` articles, and read on only while a key the user named is still
missing. HTML pages are decoded here but their article text is extracted later
(:func:`extract_html`), in the worker that analyses them, because extraction is the
slow part of reading HTML.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import math
import numbers
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import chain, islice
from pathlib import Path
from typing import Any

import pandas as pd

from ..errors import ColumnError, CorpusError, MissingDependencyError
from ._decode import DecodeError, decode_bytes, normalise_text, refuse_binary, replace_surrogates

__all__ = [
    "ARTICLE_SUFFIXES",
    "FIELDS",
    "LoadProblem",
    "Record",
    "extract_html",
    "read_file",
    "read_folder",
    "read_frame",
    "read_table_file",
]

#: The fields of an article, in column order. Users map them to their own names.
FIELDS = ("doc_id", "text", "outlet", "published", "title", "url", "story", "language")

#: Column names looked for, in this order and whatever their case, when a field is not
#: mapped explicitly: the names news datasets and scrapers commonly use.
_DEFAULT_COLUMNS: dict[str, tuple[str, ...]] = {
    "doc_id": ("doc_id", "id", "article_id", "uuid", "guid"),
    "text": ("text", "body", "content", "article_text", "story_text", "full_text", "article"),
    "outlet": ("outlet", "source", "publication", "publisher", "media", "site", "newspaper"),
    "published": (
        "published",
        "date",
        "pub_date",
        "publish_date",
        "published_at",
        "publication_date",
        "timestamp",
        "datetime",
    ),
    "title": ("title", "headline"),
    "url": ("url", "link"),
    "story": ("story", "story_id", "event", "topic_id", "event_id"),
    "language": ("language", "lang"),
}
#: What each required field is, for the message when a source has no column for it.
_REQUIRED = {
    "text": "the article text",
    "outlet": "each article's outlet (the newspaper, site or channel)",
}

TEXT_SUFFIXES = frozenset({".txt", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSON_SUFFIXES = frozenset({".json"})
ARTICLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES
TABLE_SUFFIXES = frozenset({".csv", ".tsv", ".jsonl", ".ndjson", ".parquet", ".xlsx"})

#: How many JSON articles are read to learn their keys before the rest stream by.
KEY_SAMPLE = 200
#: Rows per batch when a CSV or Parquet table is read.
_BATCH_ROWS = 1000


@dataclass(slots=True)
class Record:
    """One article as read. ``kind`` is ``"html"`` for a page whose article text is
    still to be extracted (``raw_text`` then holds the decoded page)."""

    doc_id: str
    origin: str
    raw_text: str
    encoding: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    kind: str = "text"
    #: The source's other columns (a table's or manifest's), by their names there: the
    #: researcher's metadata, kept on the article as text.
    extra: dict[str, str | None] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class LoadProblem:
    doc_id: str
    origin: str
    reason: str


def _present(value: Any) -> bool:
    if value is None:
        return False
    if isinstance(value, float) and math.isnan(value):
        return False
    return not (isinstance(value, str) and not value.strip())


def join_text(value: Any) -> str | None:
    """Article text from a cell: a string, a list of paragraphs, or a list of lists of
    sentences (BASIL's ``body-paragraphs``); paragraphs are joined by a blank line."""
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "tolist"):  # numpy arrays from Parquet list columns
        value = value.tolist()
    if isinstance(value, list | tuple):
        paragraphs = []
        for item in value:
            if isinstance(item, list | tuple) or hasattr(item, "tolist"):
                item = item.tolist() if hasattr(item, "tolist") else item
                paragraphs.append(" ".join(str(s).strip() for s in item if _present(s)))
            elif _present(item):
                paragraphs.append(str(item).strip())
        return "\n\n".join(p for p in paragraphs if p)
    return str(value)


def _lookup(obj: Mapping[str, Any], key: str) -> tuple[bool, Any]:
    """A key, or a dotted path into nested objects ("meta.outlet")."""
    if key in obj:
        return True, obj[key]
    current: Any = obj
    for part in key.split("."):
        if isinstance(current, Mapping) and part in current:
            current = current[part]
        else:
            return False, None
    return True, current


def resolve_columns(
    available: list[str],
    fields: Mapping[str, str],
    origin: str,
    *,
    has: Callable[[str], bool] | None = None,
    noun: str = "column",
    need_text: bool = True,
    need_outlet: bool = False,
) -> dict[str, str]:
    """Which column (or JSON key) serves each field: the user's mapping, else the first
    of the usual names (:data:`_DEFAULT_COLUMNS`) the source has, whatever its case.

    ``has`` says whether a mapped name exists (default: it is in ``available``; JSON
    passes a test that follows dotted keys). Raises ColumnError naming the missing
    column, the ones there are and the fix, in Python's terms and (``.cli``) the
    command line's.
    """
    exists = has if has is not None else available.__contains__
    listed = ", ".join(map(repr, available)) or "none"
    by_case = {}
    for name in available:
        by_case.setdefault(name.casefold(), name)
    columns: dict[str, str] = {}
    for name in FIELDS:
        if name in fields:
            column = fields[name]
            if not exists(column):
                raise ColumnError(
                    f"{origin}: no {noun} {column!r} for {name}={column!r}; the {noun}s are "
                    f"{listed}. Pass {name}= one of those.",
                    cli=f"{origin}: no {noun} {column!r} for --field {name}={column}; the "
                    f"{noun}s are {listed}. Pass --field {name}= one of those.",
                )
            columns[name] = column
            continue
        for candidate in _DEFAULT_COLUMNS[name]:
            if candidate in by_case:
                columns[name] = by_case[candidate]
                break
    needed = [f for f, on in (("text", need_text), ("outlet", need_outlet)) if on]
    for name in needed:
        if name not in columns:
            raise ColumnError(
                f"{origin}: no {noun} for {name}, {_REQUIRED[name]}; the {noun}s are "
                f"{listed}. Pass {name}='…' naming the {noun} that holds it, e.g. "
                f"load_corpus(..., {name}={_example(available, columns)!r}).",
                cli=f"{origin}: no {noun} for {name}, {_REQUIRED[name]}; the {noun}s are "
                f"{listed}. Add --field {name}=NAME naming the {noun} that holds it, e.g. "
                f"--field {name}={_example(available, columns)}.",
            )
    return columns


def _example(available: list[str], taken: Mapping[str, str]) -> str:
    """A column to show in the fix: the first one no other field took."""
    free = [c for c in available if c not in taken.values()]
    return free[0] if free else "NAME"


# --------------------------------------------------------------------------- tables


def read_frame(
    frame: pd.DataFrame,
    fields: Mapping[str, str],
    origin: str,
    *,
    first_row: int = 0,
    columns: Mapping[str, str] | None = None,
    index_column: str | None = None,
) -> Iterator[Record | LoadProblem]:
    """Articles from a DataFrame, one per row.

    ``first_row`` numbers the rows of a batch that continues a table; ``columns`` are the
    fields' columns when already resolved; ``index_column`` holds the row labels of a
    table whose index was stored as a column (Parquet written by pandas).
    """
    if columns is None:
        columns = resolve_columns([str(c) for c in frame.columns], fields, origin, need_outlet=True)
    frame = frame.rename(columns=str)
    has_default_index = isinstance(frame.index, pd.RangeIndex) and index_column is None
    labels = frame[index_column].tolist() if index_column is not None else frame.index.tolist()
    others = extra_columns(list(frame.columns), columns, skip=(index_column,))
    for position, row in enumerate(frame.to_dict("records")):
        number = first_row + position
        where = f"{origin} row {number + 1}"
        if "doc_id" in columns and _present(row[columns["doc_id"]]):
            doc_id = str(row[columns["doc_id"]]).strip()
        else:
            doc_id = str(number) if has_default_index else str(labels[position])
        record = _record_from_values(
            doc_id, where, {name: row[col] for name, col in columns.items()}
        )
        if isinstance(record, Record):
            record.extra = {c: as_text(row[c]) for c in others}
        yield record


def extra_columns(
    available: Sequence[str], columns: Mapping[str, str], *, skip: Sequence[str | None] = ()
) -> list[str]:
    """The source's columns that no field takes: the researcher's own metadata."""
    used = set(columns.values()) | {c for c in skip if c is not None}
    return [c for c in available if c not in used]


def as_text(value: Any) -> str | None:
    """A metadata value as the text kept for it: None where it is missing or empty,
    lists and mappings as JSON, numbers as Python writes them."""
    if hasattr(value, "tolist") and not isinstance(value, str):
        value = value.tolist()
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if value is pd.NaT or (not isinstance(value, str | list | dict | tuple) and pd.isna(value)):
        return None
    if isinstance(value, str):  # an empty cell is a missing value, as in a CSV table
        text, _ = replace_surrogates(value)
        return text if text.strip() else None
    if isinstance(value, list | dict | tuple):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


def _record_from_values(doc_id: str, where: str, values: Mapping[str, Any]) -> Record | LoadProblem:
    given = values.get("text")
    if isinstance(given, numbers.Real) and not math.isnan(given):
        return LoadProblem(
            doc_id,
            where,
            f"the text is a number ({given!r}), not an article: check that text= names the "
            "column that holds the articles",
        )
    text = join_text(given)
    if text is None or not text.strip():
        return LoadProblem(doc_id, where, "empty text: the article has no text")
    if not any(character.isalpha() for character in text):
        return LoadProblem(
            doc_id,
            where,
            f"the text has no letters ({text[:40].strip()!r}), so it is not an article: "
            "check that text= names the column that holds the articles",
        )
    meta = {k: v for k, v in values.items() if k not in ("text", "doc_id") and _present(v)}
    text, replaced = replace_surrogates(text)
    doc_id, in_id = replace_surrogates(doc_id)
    replaced += in_id
    notes = []
    for name, value in meta.items():
        if isinstance(value, str):
            meta[name], in_field = replace_surrogates(value)
            replaced += in_field
    if replaced:
        notes.append(
            f"{replaced} lone surrogate{'s' if replaced > 1 else ''} (half of a UTF-16 pair, "
            "not a character) replaced by U+FFFD"
        )
    return Record(doc_id, where, normalise_text(text), None, meta, notes)


def read_table_file(
    path: Path,
    fields: Mapping[str, str],
    encoding: str | None,
    memo: dict[str, Any] | None = None,
) -> Iterator[Record | LoadProblem]:
    """A CSV, TSV, JSONL or Parquet table, one article per row or line, streamed.
    ``memo`` keeps what one pass learnt (encoding, JSON keys) for the next."""
    suffix = path.suffix.lower()
    if suffix == ".parquet":
        yield from read_parquet(path, fields)
        return
    if suffix == ".xlsx":
        yield from read_excel(path, fields)
        return
    memo = {} if memo is None else memo
    if "encoding" not in memo:
        memo["encoding"] = file_encoding(path, encoding)
    found = memo["encoding"]
    if suffix in (".jsonl", ".ndjson"):
        if "jsonl_columns" not in memo:
            memo["jsonl_columns"] = jsonl_columns(path, found, fields)
        items: Iterator[Record | LoadProblem] = _jsonl_items(path, found, memo["jsonl_columns"])
    else:
        items = _read_delimited(path, found, fields, "\t" if suffix == ".tsv" else ",")
    yield from _decoded_as(items, found)


def _decoded_as(
    items: Iterable[Record | LoadProblem], encoding: str
) -> Iterator[Record | LoadProblem]:
    note = None if encoding in ("utf-8", "utf-8-sig") else f"decoded as {encoding}"
    for item in items:
        if isinstance(item, Record):
            item.encoding = encoding
            if note:
                item.notes.append(note)
        yield item


def file_encoding(path: Path, encoding: str | None) -> str:
    """The encoding of a whole table file, read block by block (flat memory).

    The same order as :func:`framing.corpus._decode.decode_bytes`: a byte-order mark,
    strict UTF-8, then strict cp1252. Raises CorpusError where none fits.
    """
    try:
        with path.open("rb") as handle:
            head = handle.read(8192)
            if encoding is not None:
                return encoding
            for bom, name in (
                (codecs.BOM_UTF8, "utf-8-sig"),
                (codecs.BOM_UTF16_LE, "utf-16"),
                (codecs.BOM_UTF16_BE, "utf-16"),
            ):
                if head.startswith(bom):
                    return name
            try:  # a NUL byte makes its row an error, not the whole table
                refuse_binary(head, nul=False)
            except DecodeError as exc:
                raise CorpusError(f"{path}: {exc}") from exc
            problems = []
            for name in ("utf-8", "cp1252"):
                handle.seek(0)
                decoder = codecs.getincrementaldecoder(name)()
                offset = 0
                try:
                    while block := handle.read(1 << 20):
                        decoder.decode(block)
                        offset += len(block)
                    decoder.decode(b"", final=True)
                    return name
                except UnicodeDecodeError as exc:
                    problems.append(f"not {name} (byte {offset + exc.start})")
    except OSError as exc:
        raise CorpusError(f"{path}: cannot read the file: {exc.strerror}") from exc
    raise CorpusError(
        f"{path}: undecodable bytes: {' and '.join(problems)}; re-save the file as UTF-8 "
        "or pass encoding=... naming its encoding"
    )


def _read_delimited(
    path: Path, encoding: str, fields: Mapping[str, str], sep: str
) -> Iterator[Record | LoadProblem]:
    """A CSV or TSV table, streamed with Python's csv module so that each record keeps
    its line number: a row with more fields than the header (a delimiter in an unquoted
    field, which would shift every column after it) or holding a NUL byte is an error
    row naming its line, and the rest of the table is read."""
    kind = "TSV" if sep == "\t" else "CSV"
    _allow_long_fields()
    with path.open("r", encoding=encoding, newline="") as handle:
        reader = csv.reader(handle, delimiter=sep)
        try:
            header = next(reader, None)
        except csv.Error as exc:
            raise CorpusError(f"{path}: not a readable {kind} table: {exc}") from exc
        if not header or not any(h.strip() for h in header):
            raise CorpusError(f"{path}: an empty {kind} table (no header row)")
        names = _column_names(header)
        columns = resolve_columns(names, fields, str(path), need_outlet=True)
        batch: list[list[str]] = []
        first_row = number = 0
        last_line = reader.line_num

        def flush() -> Iterator[Record | LoadProblem]:
            if batch:
                frame = pd.DataFrame(batch, columns=names, dtype=object)
                yield from read_frame(
                    frame, fields, str(path), first_row=first_row, columns=columns
                )

        while True:
            try:
                row = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:
                row = None
                problem = f"not readable as {kind}: {exc}"
            line = last_line + 1
            last_line = reader.line_num
            if row == []:
                continue  # a blank line, skipped as pandas does
            if row is not None:
                problem = _row_problem(row, len(names), kind)
            if problem is None:
                assert row is not None
                batch.append(row + [""] * (len(names) - len(row)))
                if len(batch) == _BATCH_ROWS:
                    yield from flush()
                    first_row, batch = number + 1, []
            else:
                yield from flush()
                yield LoadProblem(f"line{line}", f"{path} line {line}", problem)
                first_row, batch = number + 1, []
            number += 1
        yield from flush()


def _row_problem(row: list[str], width: int, kind: str) -> str | None:
    """Why a table row cannot be read as an article, or None."""
    if len(row) > width:
        return (
            f"{len(row)} fields where the header has {width}: a delimiter inside an "
            f"unquoted field would shift the columns after it; quote that field in the "
            f"{kind}, or fix the line"
        )
    if any("\x00" in field for field in row):
        return "holds a NUL byte (\\x00): a damaged or binary row; fix or remove the line"
    return None


def _column_names(header: list[str]) -> list[str]:
    """A header's names as pandas gives them: an empty one is ``Unnamed: i``, a repeated
    one ``name.1``, ``name.2``."""
    names: list[str] = []
    seen: dict[str, int] = {}
    for i, name in enumerate(header):
        name = name if name.strip() else f"Unnamed: {i}"
        if name in seen:
            seen[name] += 1
            name = f"{name}.{seen[name]}"
        seen.setdefault(name, 0)
        names.append(name)
    return names


def _allow_long_fields() -> None:
    """Let the csv module read an article longer than its default 131,072 characters a
    field (a process-wide setting; raised, never lowered)."""
    limit = 1 << 30
    if csv.field_size_limit() < limit:
        csv.field_size_limit(limit)


def read_excel(path: Path, fields: Mapping[str, str]) -> Iterator[Record | LoadProblem]:
    """The first sheet of an Excel workbook, one article per row under a header row,
    streamed by openpyxl in read-only mode (``pip install 'framing[excel]'``)."""
    try:
        import openpyxl
    except ImportError as exc:
        raise MissingDependencyError(
            f"{path} is an Excel workbook; reading it needs openpyxl: pip install 'framing[excel]'"
        ) from exc
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # zipfile.BadZipFile, KeyError, InvalidFileException
        raise CorpusError(f"{path}: not a readable Excel workbook (.xlsx): {exc}") from exc
    try:
        rows = book.worksheets[0].iter_rows(values_only=True)
        header = next(rows, None)
        if not header or all(h is None or not str(h).strip() for h in header):
            raise CorpusError(f"{path}: its first sheet is empty (no header row)")
        names = _column_names(["" if h is None else str(h) for h in header])
        columns = resolve_columns(names, fields, str(path), need_outlet=True)
        batch: list[tuple[Any, ...]] = []
        first_row = 0
        for row in rows:
            if all(v is None for v in row):
                continue  # an empty row, as a blank line in a CSV
            batch.append(tuple(row[: len(names)]) + (None,) * (len(names) - len(row)))
            if len(batch) == _BATCH_ROWS:
                frame = pd.DataFrame(batch, columns=names, dtype=object)
                yield from read_frame(
                    frame, fields, str(path), first_row=first_row, columns=columns
                )
                first_row += len(batch)
                batch = []
        if batch:
            frame = pd.DataFrame(batch, columns=names, dtype=object)
            yield from read_frame(frame, fields, str(path), first_row=first_row, columns=columns)
    finally:
        book.close()


def read_parquet(path: Path, fields: Mapping[str, str]) -> Iterator[Record | LoadProblem]:
    """A Parquet file, batch by batch. A pandas index stored as a column gives the
    doc ids where no id column is named, as it would in ``pd.read_parquet``."""
    table, columns, index_column = _parquet_layout(path, fields)
    first_row = 0
    for batch in table.iter_batches(batch_size=_BATCH_ROWS):
        frame = batch.to_pandas(ignore_metadata=True)
        yield from read_frame(
            frame,
            fields,
            str(path),
            first_row=first_row,
            columns=columns,
            index_column=index_column,
        )
        first_row += len(frame)


#: Encodings in which a newline is the byte 0x0A, so a JSON Lines file can be cut into
#: byte ranges at line ends and each range read on its own.
_LINE_SAFE = frozenset({"utf-8", "utf-8-sig", "cp1252", "ascii", "latin-1", "iso-8859-1"})


def _parquet_layout(path: Path, fields: Mapping[str, str]):
    """The open file, the fields' columns, and the column holding a stored pandas index."""
    import pyarrow.parquet as pq

    try:
        table = pq.ParquetFile(path)
    except Exception as exc:  # pyarrow raises ArrowInvalid and OSError subclasses
        raise CorpusError(f"{path}: not a readable Parquet file: {exc}") from exc
    names = table.schema_arrow.names
    index_column = None
    pandas_meta = (table.schema_arrow.metadata or {}).get(b"pandas")
    if pandas_meta:
        stored = json.loads(pandas_meta).get("index_columns", [])
        named = [c for c in stored if isinstance(c, str) and c in names]
        index_column = named[0] if len(named) == 1 else None
    visible = [n for n in names if n != index_column]
    return table, resolve_columns(visible, fields, str(path), need_outlet=True), index_column


def _jsonl_raw(
    path: Path, encoding: str, start: int = 0, stop: int | None = None, first_line: int = 1
) -> Iterator[tuple[int, str]]:
    """(line number, text) of each line in bytes [start, stop) of a JSON Lines file."""
    if encoding.lower() not in _LINE_SAFE:
        with path.open("r", encoding=encoding) as handle:
            yield from enumerate(handle, start=1)
        return
    codec = "utf-8" if encoding.lower() == "utf-8-sig" else encoding
    with path.open("rb") as handle:
        handle.seek(start)
        position, number = start, first_line - 1
        for raw in handle:
            if stop is not None and position >= stop:
                break
            position += len(raw)
            number += 1
            line = raw.decode(codec)
            yield number, (line.lstrip("\ufeff") if number == 1 else line)


def _json_lines(
    path: Path, encoding: str, start: int = 0, stop: int | None = None, first_line: int = 1
) -> Iterator[tuple[int, Any]]:
    """(line number, parsed object or the JSONDecodeError) for every non-blank line."""
    for number, line in _jsonl_raw(path, encoding, start, stop, first_line):
        if not line.strip():
            continue
        try:
            yield number, json.loads(line)
        except (json.JSONDecodeError, RecursionError) as exc:
            yield number, exc


#: Why a JSON text nested deeper than Python's recursion limit is not read.
_TOO_DEEP = (
    "JSON nested too deeply to read (deeper than Python's recursion limit, about 1,000 "
    "levels); no article is that deep: check how the file was written"
)


def jsonl_columns(path: Path, encoding: str, fields: Mapping[str, str]) -> dict[str, str]:
    """The keys serving each field in a JSON Lines file (see :func:`resolve_json_keys`)."""

    def objects() -> Iterator[tuple[int, dict[str, Any]]]:
        for number, obj in _json_lines(path, encoding):
            if isinstance(obj, dict):
                yield number, obj

    return resolve_json_keys(objects, fields, str(path), need_outlet=True)


def _jsonl_items(
    path: Path,
    encoding: str,
    columns: Mapping[str, str],
    start: int = 0,
    stop: int | None = None,
    first_line: int = 1,
) -> Iterator[Record | LoadProblem]:
    for number, obj in _json_lines(path, encoding, start, stop, first_line):
        where = f"{path} line {number}"
        if isinstance(obj, json.JSONDecodeError):
            yield LoadProblem(
                f"line{number}", where, f"not valid JSON: {obj.msg} at column {obj.colno}"
            )
        elif isinstance(obj, RecursionError):
            yield LoadProblem(f"line{number}", where, _TOO_DEEP)
        elif not isinstance(obj, dict):
            yield LoadProblem(
                f"line{number}", where, "not a JSON object: each line must hold one article"
            )
        else:
            values = {name: _lookup(obj, key)[1] for name, key in columns.items()}
            doc_id = (
                str(values["doc_id"]).strip() if _present(values.get("doc_id")) else str(number)
            )
            yield _with_extra(_record_from_values(doc_id, where, values), obj, columns)


def resolve_json_keys(
    objects: Callable[[], Iterable[tuple[Any, dict[str, Any]]]],
    fields: Mapping[str, str],
    origin: str,
    *,
    need_outlet: bool = False,
) -> dict[str, str]:
    """Which key serves each field, learnt from the first :data:`KEY_SAMPLE` objects;
    a key the user named that they lack is looked for in the rest before it is refused.
    ``objects`` starts a fresh pass over (label, object) pairs each time it is called."""
    sample = [obj for _, obj in islice(objects(), KEY_SAMPLE)]
    keys = sorted({k for obj in sample for k in obj})

    def has(key: str) -> bool:
        if not sample or any(_lookup(obj, key)[0] for obj in sample):
            return True
        return any(_lookup(obj, key)[0] for _, obj in islice(objects(), KEY_SAMPLE, None))

    return resolve_columns(
        keys,
        fields,
        origin,
        has=has,
        noun="key",
        need_text=bool(sample),
        need_outlet=need_outlet and bool(sample),
    )


# --------------------------------------------------------------------------- folders


def read_file(
    path: Path, doc_id: str, encoding: str | None, url: str | None = None
) -> Record | LoadProblem:
    """One article file (.txt, or .html with its text still to extract; JSON files go
    through read_json_files)."""
    where = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        return LoadProblem(doc_id, where, f"cannot read the file: {exc.strerror}")
    if not data:
        return LoadProblem(doc_id, where, "empty file (0 bytes)")
    try:
        decoded = decode_bytes(data, encoding)
    except DecodeError as exc:
        return LoadProblem(doc_id, where, str(exc))
    notes = [] if decoded.encoding in ("utf-8", "utf-8-sig") else [f"decoded as {decoded.encoding}"]
    if path.suffix.lower() in HTML_SUFFIXES:
        meta = {"url": url} if url else {}
        return Record(doc_id, where, decoded.text, decoded.encoding, meta, notes, kind="html")
    text = normalise_text(decoded.text)
    if not text.strip():
        return LoadProblem(doc_id, where, "whitespace-only file: no text")
    return Record(doc_id, where, text, decoded.encoding, {}, notes)


def require_trafilatura(where: object) -> None:
    """Raise MissingDependencyError, naming the extra, unless trafilatura imports."""
    try:
        import trafilatura  # noqa: F401
    except ImportError as exc:
        raise MissingDependencyError(
            f"{where} is an HTML page; extracting its article text needs trafilatura: "
            "pip install 'framing[html]'"
        ) from exc


def extract_html(record: Record) -> Record | LoadProblem:
    """The article text and metadata of an HTML page, by trafilatura (Barbaresi 2021).

    Metadata already on the record (from a manifest) wins over the page's own.
    """
    require_trafilatura(record.origin)
    import trafilatura

    url = record.meta.get("url")
    document = trafilatura.bare_extraction(
        record.raw_text,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        deduplicate=False,
    )
    if document is None or not (document.text or "").strip():
        return LoadProblem(record.doc_id, record.origin, "no article text found in the HTML page")
    text = normalise_text(document.text)
    # trafilatura keeps the headline as the first line; the title is metadata here.
    first, _, rest = text.partition("\n")
    if document.title and first.strip() == document.title.strip() and rest.strip():
        text = rest.lstrip("\n")
    meta = {
        "title": document.title,
        "published": document.date,
        "url": document.url or url,
        "outlet": document.sitename,
        "language": document.language,
    }
    meta = {k: v for k, v in meta.items() if _present(v)}
    meta.update(record.meta)
    notes = [*record.notes, "text extracted from HTML by trafilatura"]
    return Record(record.doc_id, record.origin, text, record.encoding, meta, notes)


def _json_file(path: Path, doc_id: str, encoding: str | None) -> list[Any]:
    """The (label, object or LoadProblem) pairs of one JSON file (an object or a list)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        return [LoadProblem(doc_id, str(path), f"cannot read the file: {exc.strerror}")]
    if not data.strip():
        return [LoadProblem(doc_id, str(path), "empty file (no JSON)")]
    try:
        obj = json.loads(decode_bytes(data, encoding).text)
    except DecodeError as exc:
        return [LoadProblem(doc_id, str(path), str(exc))]
    except json.JSONDecodeError as exc:
        return [LoadProblem(doc_id, str(path), f"not valid JSON: {exc.msg} at line {exc.lineno}")]
    except RecursionError:
        return [LoadProblem(doc_id, str(path), _TOO_DEEP)]
    items = obj if isinstance(obj, list) else [obj]
    out: list[Any] = []
    for i, item in enumerate(items):
        item_id = doc_id if len(items) == 1 else f"{doc_id}#{i}"
        if not isinstance(item, dict):
            out.append(LoadProblem(item_id, str(path), "not a JSON object with article fields"))
        else:
            out.append(((item_id, str(path)), item))
    return out


def read_json_files(
    paths: list[tuple[Path, str]],
    fields: Mapping[str, str],
    encoding: str | None,
    origin: str,
    *,
    need_outlet: bool = False,
) -> Iterator[Record | LoadProblem]:
    """JSON article files: one object per file (or a list of objects), streamed."""
    columns = _json_columns(paths, fields, encoding, origin, need_outlet=need_outlet)
    return _json_records(paths, fields, encoding, columns)


def _json_records(
    paths: list[tuple[Path, str]],
    fields: Mapping[str, str],
    encoding: str | None,
    columns: Mapping[str, str],
) -> Iterator[Record | LoadProblem]:
    for path, doc_id in paths:
        for entry in _json_file(path, doc_id, encoding):
            if isinstance(entry, LoadProblem):
                yield entry
                continue
            (item_id, where), obj = entry
            values = {name: _lookup(obj, key)[1] for name, key in columns.items()}
            if _present(values.get("doc_id")) and "doc_id" in fields:
                item_id = str(values["doc_id"]).strip()
            yield _with_extra(_record_from_values(item_id, where, values), obj, columns)


def _with_extra(
    item: Record | LoadProblem, obj: Mapping[str, Any], columns: Mapping[str, str]
) -> Record | LoadProblem:
    """A JSON article's other top-level keys (those no field reads, even in part) kept
    on its record as text: the researcher's metadata."""
    if isinstance(item, Record):
        used = {key.split(".", 1)[0] for key in columns.values()} | set(columns.values())
        item.extra = {str(k): as_text(v) for k, v in obj.items() if k not in used}
    return item


def read_manifest(path: Path, fields: Mapping[str, str]) -> pd.DataFrame:
    try:
        decoded = decode_bytes(path.read_bytes())
    except DecodeError as exc:
        raise CorpusError(f"{path}: {exc}") from exc
    try:
        manifest = pd.read_csv(io.StringIO(decoded.text), dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise CorpusError(f"{path}: not a readable CSV manifest: {exc}") from exc
    manifest.columns = [str(c).strip() for c in manifest.columns]
    file_column = fields.get("file", "file")
    if file_column not in manifest.columns:
        raise ColumnError(
            f"{path}: no {file_column!r} column; a manifest needs a file column naming each "
            f"article file (its columns are {', '.join(map(repr, manifest.columns))})"
        )
    return manifest


def article_files(folder: Path) -> list[Path]:
    """Every article file under ``folder``, recursively, sorted, hidden files left out;
    symbolic links to files and folders are followed (see :func:`folder_links`)."""
    return _walk(folder)[0]


def folder_links(folder: Path) -> list[LoadProblem]:
    """The symbolic links under ``folder`` that give no article, each said: one to
    nothing (dangling), or one back to a folder already read (a loop)."""
    return _walk(folder)[1]


def _walk(folder: Path) -> tuple[list[Path], list[LoadProblem]]:
    files: list[Path] = []
    problems: list[LoadProblem] = []
    seen = {os.path.realpath(folder)}
    for root, dirs, names in os.walk(folder, followlinks=True):
        base = Path(root)
        here = os.path.realpath(root)
        for name in sorted(dirs):
            path = base / name
            real = os.path.realpath(path)
            # A folder of the tree is always read; a link to a folder is followed unless
            # it leads back up the path being read (a loop) or to a folder read already.
            if path.is_symlink() and (
                real in seen or here == real or here.startswith(real + os.sep)
            ):
                dirs.remove(name)
                problems.append(
                    LoadProblem(
                        _doc_id(folder, path),
                        str(path),
                        f"a symbolic link back to {real}, a folder read already; not "
                        "followed again (a loop)",
                    )
                )
                continue
            seen.add(real)
        dirs.sort()
        for name in names:
            if name.startswith("."):
                continue
            path = base / name
            if path.suffix.lower() not in ARTICLE_SUFFIXES:
                continue
            if path.is_file():
                files.append(path)
            elif path.is_symlink():
                problems.append(
                    LoadProblem(
                        _doc_id(folder, path),
                        str(path),
                        f"a symbolic link to {os.readlink(path)}, which does not exist",
                    )
                )
    return sorted(files), problems


def _unread_because(folder: Path, name: str) -> str:
    """Why a file a manifest names is not among the corpus's files, and the fix."""
    path = folder / name
    inside = os.path.realpath(folder)
    if not os.path.realpath(path).startswith(inside + os.sep):
        return (
            f"outside the corpus folder {folder}; framing reads the files under the folder "
            "only: move the file in, or load a folder that holds both"
        )
    if not path.is_file():
        return f"which is not in {folder}; add the file or remove the row"
    if path.suffix.lower() not in ARTICLE_SUFFIXES:
        return (
            f"which framing does not read (it reads {', '.join(sorted(ARTICLE_SUFFIXES))}); "
            "convert it, or remove the row"
        )
    return "a hidden file (its name starts with '.'), left out; rename it, or remove the row"


def _doc_id(folder: Path, path: Path) -> str:
    return path.relative_to(folder).with_suffix("").as_posix()


def parquet_files(folder: Path) -> list[Path]:
    """The files of a Parquet dataset folder, sorted (hidden and ``_`` files left out, as
    Arrow does)."""
    return sorted(
        p
        for p in folder.rglob("*.parquet")
        if p.is_file()
        and not any(part.startswith((".", "_")) for part in p.relative_to(folder).parts)
    )


def read_parquet_folder(folder: Path, fields: Mapping[str, str]) -> Iterator[Record | LoadProblem]:
    """A Parquet dataset: every ``.parquet`` file under ``folder``, in path order; doc ids
    that fall back to row numbers are prefixed with the file's path in the folder."""
    for path in parquet_files(folder):
        prefix = path.relative_to(folder).with_suffix("").as_posix()
        for item in read_parquet(path, fields):
            if isinstance(item, Record) and "doc_id" not in fields and item.doc_id.isdigit():
                item.doc_id = f"{prefix}/{item.doc_id}"
            yield item


def read_folder(
    folder: Path,
    fields: Mapping[str, str],
    manifest_path: Path | None,
    encoding: str | None,
    only: Path | None = None,
    memo: dict[str, Any] | None = None,
) -> Iterator[Record | LoadProblem]:
    """Every article file under ``folder`` (recursively), with its manifest row.

    With ``only``, just that file (an article loaded on its own with a manifest).
    ``memo`` keeps what one pass learnt (the JSON files' keys) for the next, so that a
    corpus checked at load and read later parses its first files once, not three times.
    """
    files, link_problems = ([only], []) if only is not None else _walk(folder)
    if manifest_path is None and only is None and (folder / "manifest.csv").is_file():
        manifest_path = folder / "manifest.csv"
    if manifest_path is None and not any(p.suffix.lower() in JSON_SUFFIXES for p in files):
        mapped = {k: v for k, v in fields.items() if k != "text"}
        if mapped:
            name, column = next(iter(mapped.items()))
            raise ColumnError(
                f"{name}={column!r} names a column, but {only or folder} has no manifest.csv "
                "and no JSON files to hold columns; add a manifest.csv (file, outlet, "
                f"published, title, url, language) or leave {name}= out"
            )
    plain = [p for p in files if p.suffix.lower() in TEXT_SUFFIXES]
    outlets_nowhere = only is not None or all(p.parent == folder for p in plain)
    if manifest_path is None and plain and len(plain) == len(files) and outlets_nowhere:
        raise CorpusError(
            f"{only or folder}: {len(plain)} text file{'s' if len(plain) > 1 else ''} "
            "and no manifest.csv, so no article has an outlet. Put each outlet's files "
            f"in a subfolder named after it ({folder}/The Guardian/…), or add a "
            "manifest.csv beside them with a file and an outlet column"
        )
    if not files and manifest_path is None:
        raise CorpusError(
            f"{folder} holds no article files ({', '.join(sorted(ARTICLE_SUFFIXES))}); point "
            "load_corpus at the folder of articles, or at a CSV/JSONL/Parquet table"
        )
    html = next((p for p in files if p.suffix.lower() in HTML_SUFFIXES), None)
    if html is not None:
        require_trafilatura(html)

    def doc_id_of(path: Path) -> str:
        return path.relative_to(folder).with_suffix("").as_posix()

    rows: dict[str, tuple[int, dict[str, Any]]] = {}
    columns: dict[str, str] = {}
    manifest_extra: list[str] = []
    problems: list[LoadProblem] = []
    if manifest_path is not None:
        manifest = read_manifest(manifest_path, fields)
        file_column = fields.get("file", "file")
        columns = resolve_columns(
            list(manifest.columns),
            {k: v for k, v in fields.items() if k != "file"},
            str(manifest_path),
            need_text=False,
        )
        manifest_extra = extra_columns(list(manifest.columns), columns, skip=(file_column,))
        columns.pop("text", None)
        for number, row in enumerate(manifest.to_dict("records"), start=2):
            name = str(row[file_column]).strip()
            where = f"{manifest_path.name} line {number}"
            if not name:
                problems.append(
                    LoadProblem(
                        f"{manifest_path.name}:{number}",
                        where,
                        "the file column is empty; name the article's file",
                    )
                )
                continue
            if Path(name).is_absolute():  # a path into the folder reads as one in it
                real, inside = os.path.realpath(name), os.path.realpath(folder)
                if real.startswith(inside + os.sep):
                    name = Path(os.path.relpath(real, inside)).as_posix()
            if name in rows:
                problems.append(
                    LoadProblem(
                        Path(name).with_suffix("").as_posix(),
                        where,
                        f"{name} is listed twice in the manifest (first on line "
                        f"{rows[name][0]}); keep one row per file",
                    )
                )
                continue
            rows[name] = (number, row)
        on_disk = {p.relative_to(folder).as_posix() for p in files}
        for name, (number, _) in rows.items():
            if only is not None or name in on_disk:
                continue
            where = f"{manifest_path.name} line {number}"
            problems.append(
                LoadProblem(
                    Path(name).with_suffix("").as_posix(),
                    where,
                    f"{where} names {name}, {_unread_because(folder, name)}",
                )
            )
    if only is None:  # links to nothing, and loops: said, never skipped silently
        named = {Path(n).with_suffix("").as_posix() for n in rows}
        problems.extend(p for p in link_problems if p.doc_id not in named)

    bare_json = [(p, doc_id_of(p)) for p in files if p.suffix.lower() in JSON_SUFFIXES]
    json_columns: dict[str, str] | None = None
    if manifest_path is None and bare_json:
        if memo is not None and "json_columns" in memo:
            json_columns = memo["json_columns"]
        else:
            at_top = any(p.parent == folder for p, _ in bare_json)
            json_columns = _json_columns(
                bare_json, fields, encoding, str(folder), need_outlet=at_top
            )
            if memo is not None:
                memo["json_columns"] = json_columns
    return chain(
        problems,
        _folder_records(
            folder,
            files,
            fields,
            manifest_path,
            encoding,
            rows,
            columns,
            json_columns,
            doc_id_of,
            manifest_extra,
        ),
    )


def _json_columns(
    paths: list[tuple[Path, str]],
    fields: Mapping[str, str],
    encoding: str | None,
    origin: str,
    *,
    need_outlet: bool = False,
) -> dict[str, str]:
    def objects() -> Iterator[tuple[Any, dict[str, Any]]]:
        for path, doc_id in paths:
            for entry in _json_file(path, doc_id, encoding):
                if not isinstance(entry, LoadProblem):
                    yield entry

    return resolve_json_keys(objects, fields, origin, need_outlet=need_outlet)


def _folder_records(
    folder: Path,
    files: list[Path],
    fields: Mapping[str, str],
    manifest_path: Path | None,
    encoding: str | None,
    rows: dict[str, tuple[int, dict[str, Any]]],
    columns: dict[str, str],
    json_columns: dict[str, str] | None,
    doc_id_of: Callable[[Path], str],
    manifest_extra: Sequence[str] = (),
) -> Iterator[Record | LoadProblem]:
    for path in files:
        relative = path.relative_to(folder).as_posix()
        doc_id = doc_id_of(path)
        row = None
        if manifest_path is not None:
            entry = rows.get(relative) or rows.get(path.name)
            if entry is None:
                yield LoadProblem(
                    doc_id,
                    str(path),
                    f"{relative} has no row in {manifest_path.name}; add a row for it "
                    "(file, outlet, published, title, url, language) or move the file out",
                )
                continue
            row = entry[1]
        if path.suffix.lower() in JSON_SUFFIXES:
            if row is None:
                assert json_columns is not None
                found = list(_json_records([(path, doc_id)], fields, encoding, json_columns))
            else:
                found = list(read_json_files([(path, doc_id)], fields, encoding, str(path)))
        else:
            url = row.get(columns["url"]) if row is not None and "url" in columns else None
            found = [read_file(path, doc_id, encoding, url=url or None)]
        for record in found:
            if isinstance(record, Record) and row is None and "/" in relative:
                # No manifest: a file in a subfolder takes the subfolder's name as its
                # outlet where it names none itself ('Guardian/2025-01-03.txt').
                record.meta.setdefault("outlet", relative.split("/", 1)[0])
            if isinstance(record, Record) and row is not None:
                record.extra = {c: as_text(row[c]) for c in manifest_extra}
                meta = {name: row[col] for name, col in columns.items() if name != "doc_id"}
                record.meta.update({k: v for k, v in meta.items() if _present(v)})
                if "doc_id" in columns and _present(row[columns["doc_id"]]):
                    record.doc_id = str(row[columns["doc_id"]]).strip()
            yield record


# --------------------------------------------------------------------------- slices


@dataclass(frozen=True)
class Slice:
    """A part of a table file that a worker reads for itself: whole row groups of a
    Parquet file (``start``/``stop`` are rows), or the lines of a JSON Lines file in
    bytes ``start``/``stop``. The corpus is then read in parallel, by the processes or
    the Dask workers that analyse it, instead of by one parent."""

    kind: str
    path: str
    start: int
    stop: int
    first: int
    items: int
    fields: tuple[tuple[str, str], ...]
    columns: tuple[tuple[str, str], ...]
    encoding: str | None = None
    index_column: str | None = None
    groups: tuple[int, ...] = ()
    prefix: str | None = None

    def __len__(self) -> int:
        return self.items

    def read(self) -> list[Record | LoadProblem]:
        path, fields, columns = Path(self.path), dict(self.fields), dict(self.columns)
        if self.kind == "jsonl":
            assert self.encoding is not None
            items = _jsonl_items(path, self.encoding, columns, self.start, self.stop, self.first)
            return list(_decoded_as(items, self.encoding))
        import pyarrow.parquet as pq

        frame = (
            pq.ParquetFile(path).read_row_groups(list(self.groups)).to_pandas(ignore_metadata=True)
        )
        out = list(
            read_frame(
                frame,
                fields,
                str(path),
                first_row=self.start,
                columns=columns,
                index_column=self.index_column,
            )
        )
        if self.prefix is not None:
            for item in out:
                if isinstance(item, Record) and "doc_id" not in fields and item.doc_id.isdigit():
                    item.doc_id = f"{self.prefix}/{item.doc_id}"
        return out


#: A row group this many times larger than a chunk is too big to hand to a worker whole.
_GROUP_SLACK = 4


def parquet_slices(
    path: Path, fields: Mapping[str, str], size: int, prefix: str | None = None
) -> list[Slice] | None:
    """Chunks of whole row groups of about ``size`` rows, or None where a row group is
    too large for that (the file is then read by one process, batch by batch)."""
    table, columns, index_column = _parquet_layout(path, fields)
    meta = table.metadata
    rows = [meta.row_group(g).num_rows for g in range(meta.num_row_groups)]
    if any(n > _GROUP_SLACK * size for n in rows):
        return None
    slices: list[Slice] = []
    group: list[int] = []
    start = count = 0
    for g, n in enumerate(rows):
        group.append(g)
        count += n
        if count >= size or g == len(rows) - 1:
            slices.append(
                Slice(
                    "parquet",
                    str(path),
                    start,
                    start + count,
                    start,
                    count,
                    tuple(sorted(fields.items())),
                    tuple(sorted(columns.items())),
                    index_column=index_column,
                    groups=tuple(group),
                    prefix=prefix,
                )
            )
            start, group, count = start + count, [], 0
    return slices


def parquet_folder_slices(folder: Path, fields: Mapping[str, str], size: int) -> list[Slice] | None:
    out: list[Slice] = []
    for path in parquet_files(folder):
        prefix = path.relative_to(folder).with_suffix("").as_posix()
        found = parquet_slices(path, fields, size, prefix)
        if found is None:
            return None
        out.extend(found)
    return out


def jsonl_slices(
    path: Path, fields: Mapping[str, str], encoding: str | None, size: int
) -> list[Slice] | None:
    """Chunks of ``size`` non-blank lines of a JSON Lines file, found by one pass over its
    bytes (no parsing), or None for an encoding whose newline is not one byte."""
    found = file_encoding(path, encoding)
    if found.lower() not in _LINE_SAFE:
        return None
    columns = tuple(sorted(jsonl_columns(path, found, fields).items()))
    mapped = tuple(sorted(fields.items()))
    slices: list[Slice] = []
    start = position = 0
    first, number, count = 1, 0, 0

    def cut() -> None:
        slices.append(
            Slice("jsonl", str(path), start, position, first, count, mapped, columns, found)
        )

    with path.open("rb") as handle:
        for raw in handle:
            number += 1
            position += len(raw)
            if raw.strip():
                count += 1
            if count == size:
                cut()
                start, first, count = position, number + 1, 0
    if count:
        cut()
    return slices
