"""Readers: folders of files, tables and DataFrames into article records.

Each reader yields :class:`Record` objects (one per article, with the raw text and
whatever metadata the source gives) and :class:`LoadProblem` objects (one per
article that could not be read). Nothing is dropped: every file, row or line becomes
one or the other.
"""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from ..errors import ColumnError, CorpusError, MissingDependencyError
from ._decode import DecodeError, decode_bytes, normalise_text

__all__ = [
    "ARTICLE_SUFFIXES",
    "FIELDS",
    "LoadProblem",
    "Record",
    "read_file",
    "read_folder",
    "read_frame",
]

#: The fields of an article, in column order. Users map them to their own names.
FIELDS = ("doc_id", "text", "outlet", "published", "title", "url", "story", "language")

#: Column names looked for when a field is not mapped explicitly.
_DEFAULT_COLUMNS: dict[str, tuple[str, ...]] = {
    "doc_id": ("doc_id", "id"),
    "text": ("text", "body", "content"),
    "outlet": ("outlet", "publisher", "source"),
    "published": ("published", "date", "publish_date", "published_at"),
    "title": ("title", "headline"),
    "url": ("url", "link"),
    "story": ("story", "story_id"),
    "language": ("language", "lang"),
}

TEXT_SUFFIXES = frozenset({".txt", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSON_SUFFIXES = frozenset({".json"})
ARTICLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES
TABLE_SUFFIXES = frozenset({".csv", ".tsv", ".jsonl", ".ndjson", ".parquet"})


@dataclass(slots=True)
class Record:
    doc_id: str
    origin: str
    raw_text: str
    encoding: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


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
) -> dict[str, str]:
    """Which column (or JSON key) serves each field: the user's mapping, else a default.

    ``has`` says whether a mapped name exists (default: it is in ``available``; JSON
    passes a test that follows dotted keys). Raises ColumnError naming the missing
    column and the ones there are.
    """
    exists = has if has is not None else available.__contains__
    listed = ", ".join(map(repr, available))
    columns: dict[str, str] = {}
    for name in FIELDS:
        if name in fields:
            column = fields[name]
            if not exists(column):
                raise ColumnError(
                    f"{origin}: no {noun} {column!r} for {name}={column!r}; the {noun}s are "
                    f"{listed}. Pass {name}= one of those."
                )
            columns[name] = column
            continue
        for candidate in _DEFAULT_COLUMNS[name]:
            if candidate in available:
                columns[name] = candidate
                break
    if need_text and "text" not in columns:
        raise ColumnError(
            f"{origin}: no text {noun}; the {noun}s are {listed}. "
            f"Pass text= naming the {noun} that holds the article text."
        )
    return columns


# --------------------------------------------------------------------------- tables


def read_frame(
    frame: pd.DataFrame, fields: Mapping[str, str], origin: str
) -> Iterator[Record | LoadProblem]:
    """Articles from a DataFrame, one per row."""
    available = [str(c) for c in frame.columns]
    columns = resolve_columns(available, fields, origin)
    frame = frame.rename(columns=str)
    has_default_index = isinstance(frame.index, pd.RangeIndex)
    for position, (index, row) in enumerate(frame.iterrows()):
        where = f"{origin} row {position + 1}"
        if "doc_id" in columns and _present(row[columns["doc_id"]]):
            doc_id = str(row[columns["doc_id"]]).strip()
        else:
            doc_id = str(position) if has_default_index else str(index)
        yield _record_from_values(doc_id, where, {name: row[col] for name, col in columns.items()})


def _record_from_values(doc_id: str, where: str, values: Mapping[str, Any]) -> Record | LoadProblem:
    text = join_text(values.get("text"))
    if text is None or not text.strip():
        return LoadProblem(doc_id, where, "empty text: the article has no text")
    meta = {k: v for k, v in values.items() if k not in ("text", "doc_id") and _present(v)}
    return Record(doc_id, where, normalise_text(text), None, meta)


def _read_table_file(
    path: Path, fields: Mapping[str, str], encoding: str | None
) -> Iterator[Record | LoadProblem]:
    suffix = path.suffix.lower()
    if suffix == ".parquet":
        try:
            frame = pd.read_parquet(path)
        except ImportError as exc:
            raise MissingDependencyError(
                f"reading {path} needs pyarrow; install it with pip install 'framing[parquet]'"
            ) from exc
        yield from read_frame(frame, fields, str(path))
        return
    try:
        decoded = decode_bytes(path.read_bytes(), encoding)
    except DecodeError as exc:
        raise CorpusError(f"{path}: {exc}") from exc
    if suffix in (".jsonl", ".ndjson"):
        items = _read_jsonl(path, decoded.text, fields)
    else:
        sep = "\t" if suffix == ".tsv" else ","
        try:
            frame = pd.read_csv(
                io.StringIO(decoded.text), sep=sep, dtype=str, keep_default_na=False
            )
        except (pd.errors.ParserError, csv.Error) as exc:
            raise CorpusError(f"{path}: not a readable {suffix[1:].upper()} table: {exc}") from exc
        items = read_frame(frame, fields, str(path))
    for item in items:
        if isinstance(item, Record):
            item.encoding = decoded.encoding
            if decoded.encoding not in ("utf-8", "utf-8-sig"):
                item.notes.append(f"decoded as {decoded.encoding}")
        yield item


def _read_jsonl(path: Path, text: str, fields: Mapping[str, str]) -> Iterator[Record | LoadProblem]:
    objects: list[tuple[int, dict[str, Any]]] = []
    problems: list[LoadProblem] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(
                LoadProblem(
                    f"line{number}",
                    f"{path} line {number}",
                    f"not valid JSON: {exc.msg} at column {exc.colno}",
                )
            )
            continue
        if not isinstance(obj, dict):
            problems.append(
                LoadProblem(
                    f"line{number}",
                    f"{path} line {number}",
                    "not a JSON object: each line must hold one article",
                )
            )
            continue
        objects.append((number, obj))
    yield from problems
    columns = _resolve_json_keys(objects, fields, str(path))
    for number, obj in objects:
        values = {name: _lookup(obj, key)[1] for name, key in columns.items()}
        doc_id = str(values["doc_id"]).strip() if _present(values.get("doc_id")) else str(number)
        yield _record_from_values(doc_id, f"{path} line {number}", values)


def _resolve_json_keys(
    objects: list[tuple[Any, dict[str, Any]]], fields: Mapping[str, str], origin: str
) -> dict[str, str]:
    keys = sorted({k for _, obj in objects for k in obj})
    return resolve_columns(
        keys,
        fields,
        origin,
        has=lambda key: not objects or any(_lookup(obj, key)[0] for _, obj in objects),
        noun="key",
        need_text=bool(objects),
    )


# --------------------------------------------------------------------------- folders


def read_file(
    path: Path, doc_id: str, encoding: str | None, url: str | None = None
) -> Record | LoadProblem:
    """One article file (.txt or .html; JSON files go through read_json_files)."""
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
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        return _html_record(doc_id, where, decoded.text, decoded.encoding, notes, url)
    text = normalise_text(decoded.text)
    if not text.strip():
        return LoadProblem(doc_id, where, "whitespace-only file: no text")
    return Record(doc_id, where, text, decoded.encoding, {}, notes)


def _html_record(
    doc_id: str, where: str, html: str, encoding: str, notes: list[str], url: str | None
) -> Record | LoadProblem:
    try:
        import trafilatura
    except ImportError as exc:
        raise MissingDependencyError(
            f"{where} is an HTML page; extracting its article text needs trafilatura: "
            "pip install 'framing[html]'"
        ) from exc
    document = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        deduplicate=False,
    )
    if document is None or not (document.text or "").strip():
        return LoadProblem(doc_id, where, "no article text found in the HTML page")
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
    notes = [*notes, "text extracted from HTML by trafilatura"]
    return Record(doc_id, where, text, encoding, meta, notes)


def read_json_files(
    paths: list[tuple[Path, str]], fields: Mapping[str, str], encoding: str | None, origin: str
) -> Iterator[Record | LoadProblem]:
    """JSON article files: one object per file (or a list of objects)."""
    objects: list[tuple[tuple[str, str], dict[str, Any]]] = []
    for path, doc_id in paths:
        data = path.read_bytes()
        if not data.strip():
            yield LoadProblem(doc_id, str(path), "empty file (no JSON)")
            continue
        try:
            obj = json.loads(decode_bytes(data, encoding).text)
        except DecodeError as exc:
            yield LoadProblem(doc_id, str(path), str(exc))
            continue
        except json.JSONDecodeError as exc:
            yield LoadProblem(doc_id, str(path), f"not valid JSON: {exc.msg} at line {exc.lineno}")
            continue
        items = obj if isinstance(obj, list) else [obj]
        for i, item in enumerate(items):
            item_id = doc_id if len(items) == 1 else f"{doc_id}#{i}"
            if not isinstance(item, dict):
                yield LoadProblem(item_id, str(path), "not a JSON object with article fields")
                continue
            objects.append(((item_id, str(path)), item))
    columns = _resolve_json_keys(objects, fields, origin)
    for (doc_id, where), obj in objects:
        values = {name: _lookup(obj, key)[1] for name, key in columns.items()}
        if _present(values.get("doc_id")) and "doc_id" in fields:
            doc_id = str(values["doc_id"]).strip()
        yield _record_from_values(doc_id, where, values)


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


def read_folder(
    folder: Path,
    fields: Mapping[str, str],
    manifest_path: Path | None,
    encoding: str | None,
    only: Path | None = None,
) -> Iterator[Record | LoadProblem]:
    """Every article file under ``folder`` (recursively), with its manifest row.

    With ``only``, just that file (an article loaded on its own with a manifest).
    """
    if only is not None:
        files = [only]
    else:
        files = sorted(
            p
            for p in folder.rglob("*")
            if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES and not p.name.startswith(".")
        )
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
    if not files and manifest_path is None:
        raise CorpusError(
            f"{folder} holds no article files ({', '.join(sorted(ARTICLE_SUFFIXES))}); point "
            "load_corpus at the folder of articles, or at a CSV/JSONL/Parquet table"
        )

    def doc_id_of(path: Path) -> str:
        return path.relative_to(folder).with_suffix("").as_posix()

    rows: dict[str, tuple[int, dict[str, Any]]] = {}
    columns: dict[str, str] = {}
    if manifest_path is not None:
        manifest = read_manifest(manifest_path, fields)
        file_column = fields.get("file", "file")
        columns = resolve_columns(
            list(manifest.columns),
            {k: v for k, v in fields.items() if k != "file"},
            str(manifest_path),
            need_text=False,
        )
        columns.pop("text", None)
        for number, row in enumerate(manifest.to_dict("records"), start=2):
            name = str(row[file_column]).strip()
            where = f"{manifest_path.name} line {number}"
            if not name:
                yield LoadProblem(
                    f"{manifest_path.name}:{number}",
                    where,
                    "the file column is empty; name the article's file",
                )
                continue
            if name in rows:
                yield LoadProblem(
                    Path(name).with_suffix("").as_posix(),
                    where,
                    f"{name} is listed twice in the manifest (first on line "
                    f"{rows[name][0]}); keep one row per file",
                )
                continue
            rows[name] = (number, row)
        on_disk = {p.relative_to(folder).as_posix(): p for p in files}
        for name, (number, _) in rows.items():
            if only is None and name not in on_disk and not (folder / name).is_file():
                yield LoadProblem(
                    Path(name).with_suffix("").as_posix(),
                    f"{manifest_path.name} line {number}",
                    f"{manifest_path.name} line {number} names {name}, which is not in "
                    f"{folder}; add the file or remove the row",
                )

    json_files: list[tuple[Path, str]] = []
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
                json_files.append((path, doc_id))
                continue
            found = list(read_json_files([(path, doc_id)], fields, encoding, str(path)))
        else:
            url = row.get(columns["url"]) if row is not None and "url" in columns else None
            found = [read_file(path, doc_id, encoding, url=url or None)]
        for record in found:
            if isinstance(record, Record) and row is not None:
                meta = {name: row[col] for name, col in columns.items() if name != "doc_id"}
                record.meta.update({k: v for k, v in meta.items() if _present(v)})
                if "doc_id" in columns and _present(row[columns["doc_id"]]):
                    record.doc_id = str(row[columns["doc_id"]]).strip()
            yield record
    if json_files:
        yield from read_json_files(json_files, fields, encoding, str(folder))
