"""Slices: parts of a Parquet or JSON Lines table that a worker reads for itself, so
that a large table is read in parallel by the processes or Dask workers analysing it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from ._read_json import _LINE_SAFE, _jsonl_items, jsonl_columns
from ._read_tables import _decoded_as, _parquet_layout, file_encoding, parquet_files, read_frame
from ._records import LoadProblem, Record


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
