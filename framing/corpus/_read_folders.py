"""Readers of folders: the article files under a folder (text, HTML, JSON), found
recursively with their symbolic links checked, matched to the rows of a manifest.csv;
and the extraction of an HTML page's article text, done later in the worker."""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from itertools import chain
from pathlib import Path
from typing import Any

import pandas as pd

from ..errors import ColumnError, CorpusError, MissingDependencyError
from ._decode import DecodeError, decode_bytes, normalise_text
from ._read_json import _json_columns, _json_records, read_json_files
from ._records import (
    ARTICLE_SUFFIXES,
    HTML_SUFFIXES,
    JSON_SUFFIXES,
    TEXT_SUFFIXES,
    LoadProblem,
    Record,
    _present,
    as_text,
    extra_columns,
    resolve_columns,
)

__all__ = ["extract_html", "read_file", "read_folder"]


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
