"""Readers of JSON: JSON Lines files (a table, one article per line, readable in byte
ranges) and JSON article files (an object or a list of objects per file), with the keys
serving each field learnt from the first :data:`KEY_SAMPLE` objects."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from itertools import islice
from pathlib import Path
from typing import Any

from ._decode import DecodeError, decode_bytes
from ._records import (
    LoadProblem,
    Record,
    _lookup,
    _present,
    _record_from_values,
    as_text,
    resolve_columns,
)

#: How many JSON articles are read to learn their keys before the rest stream by.
KEY_SAMPLE = 200


#: Encodings in which a newline is the byte 0x0A, so a JSON Lines file can be cut into
#: byte ranges at line ends and each range read on its own.
_LINE_SAFE = frozenset({"utf-8", "utf-8-sig", "cp1252", "ascii", "latin-1", "iso-8859-1"})


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
