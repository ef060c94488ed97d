"""Readers of tables: CSV, TSV, JSON Lines, Parquet (a file or a dataset folder),
Excel, and DataFrames, one article per row or line, streamed batch by batch."""

from __future__ import annotations

import codecs
import csv
import json
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from ..errors import CorpusError, MissingDependencyError
from ._decode import DecodeError, refuse_binary
from ._read_json import _jsonl_items, jsonl_columns
from ._records import (
    LoadProblem,
    Record,
    _present,
    _record_from_values,
    as_text,
    extra_columns,
    resolve_columns,
)

__all__ = ["read_frame", "read_table_file"]


#: Rows per batch when a CSV or Parquet table is read.
_BATCH_ROWS = 1000


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
