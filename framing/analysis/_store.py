"""Results directories: an analysis on disk, as Parquet tables and a manifest.

Layout (every table a folder of Parquet files, one per chunk of the corpus, readable
as one table by pandas, Arrow, DuckDB, Polars and R's arrow)::

    DIR/manifest.json         framing version, settings, file hashes, tables, status
    DIR/articles/             one row per analysed article
    DIR/sentences/            one row per sentence
    DIR/spans/<name>/         each span table (quotes, attributions, hedges, ...)
    DIR/errors/               one row per article not analysed, with the reason
    DIR/corpus/               the articles as loaded: cleaned and raw text, sha256
    DIR/removed/              every piece of debris cleaning removed
    DIR/versions/             every pair of articles found to be versions

While a run is under way its chunks are written under ``DIR/_chunks/`` (a name Arrow
and DuckDB skip), each chunk into a temporary folder renamed into place when whole, so
a chunk is either all there or not there at all. The tables appear only when every
chunk is done: each is built in ``DIR/_staging/`` and renamed into place, and the
manifest says ``"status": "complete"`` last. A killed run leaves nothing a reader
could take for a whole table, and a resumed run skips the chunks already written.
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
import shutil
import uuid
import warnings
from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, datetime
from importlib import resources
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .._frames import typed
from ..errors import MissingDependencyError, ResultsError
from ..features import option_names, renamed_columns

if TYPE_CHECKING:
    from ._result import Analysis

__all__ = ["open_analysis"]

MANIFEST = "manifest.json"
FORMAT = "framing-results"
#: Bumped when the layout or a table's meaning changes; older framing refuses newer.
FORMAT_VERSION = 1
CHUNKS = "_chunks"
#: A run's status once its tables are written and while its stories are put in: not
#: complete, so a run stopped then is resumed (its chunks kept, its tables made again).
STORIES_PENDING = "stories pending"
STAGING = "_staging"
#: Tables every results directory has besides the span tables.
CORE_TABLES = ("articles", "sentences", "errors", "corpus", "removed", "versions")


def _arrow():
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:  # pragma: no cover - pyarrow is a core dependency
        raise MissingDependencyError(
            "results directories are Parquet and need pyarrow: pip install pyarrow"
        ) from exc
    return pa, pq


def table_dir(root: Path, name: str) -> Path:
    """Where table ``name`` lives in a results directory."""
    return root / name if name in CORE_TABLES else root / "spans" / name


def part_name(index: int) -> str:
    return f"part-{index:06d}.parquet"


# --------------------------------------------------------------------------- writing


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:  # some systems cannot open a folder; the rename is still atomic
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_parquet(frame: pd.DataFrame, path: Path) -> None:
    """Write ``frame`` to ``path`` durably (flushed to disk before it is closed)."""
    pa, pq = _arrow()
    table = pa.Table.from_pandas(frame, preserve_index=False)
    with path.open("wb") as handle:
        pq.write_table(table, handle, compression="zstd")
        handle.flush()
        os.fsync(handle.fileno())


def write_json(data: Mapping[str, Any], path: Path) -> None:
    """Write JSON atomically: a temporary file, flushed, renamed over ``path``."""
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    with tmp.open("w", encoding="utf-8") as handle:
        json.dump(data, handle, indent=2, default=str)
        handle.write("\n")
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)
    _fsync_dir(path.parent)


def chunk_dir(root: Path, index: int) -> Path:
    return root / CHUNKS / f"{index:06d}"


def chunk_done(root: Path, index: int) -> dict[str, Any] | None:
    """The done record of chunk ``index``, or None where it is not written."""
    done = chunk_dir(root, index) / "done.json"
    if not done.is_file():
        return None
    return json.loads(done.read_text(encoding="utf-8"))


def write_chunk(
    root: Path,
    index: int,
    tables: Mapping[str, pd.DataFrame],
    entries: tuple[np.ndarray, np.ndarray],
    done: Mapping[str, Any],
) -> None:
    """Write one chunk's tables, signature entries and done record, all or nothing."""
    final = chunk_dir(root, index)
    tmp = final.with_name(f".{final.name}.tmp-{os.getpid()}-{uuid.uuid4().hex[:8]}")
    tmp.mkdir(parents=True)
    for name, frame in tables.items():
        write_parquet(frame, tmp / f"{name}.parquet")
    rows, hashes = entries
    with (tmp / "signatures.npy").open("wb") as handle:
        np.save(handle, np.vstack([rows.astype(np.int64), hashes.astype(np.int64)]))
        handle.flush()
        os.fsync(handle.fileno())
    write_json(done, tmp / "done.json")
    _fsync_dir(tmp)
    try:
        os.rename(tmp, final)
    except OSError:  # written already by an earlier attempt of the same chunk
        shutil.rmtree(tmp, ignore_errors=True)
        if chunk_done(root, index) is None:
            raise
    _fsync_dir(final.parent)


def read_chunk_table(root: Path, index: int, name: str) -> pd.DataFrame:
    return pd.read_parquet(chunk_dir(root, index) / f"{name}.parquet")


def read_chunk_entries(root: Path, index: int) -> tuple[np.ndarray, np.ndarray]:
    both = np.load(chunk_dir(root, index) / "signatures.npy", mmap_mode="r")
    return both[0], both[1]


def clear_stale(root: Path) -> None:
    """Remove what a killed run left half-written: temporary chunk folders, staging."""
    chunks = root / CHUNKS
    if chunks.is_dir():
        for entry in chunks.iterdir():
            if entry.name.startswith("."):
                shutil.rmtree(entry, ignore_errors=True)
    shutil.rmtree(root / STAGING, ignore_errors=True)
    for entry in root.iterdir():
        if entry.name.startswith(".") and entry.name.endswith(".tmp"):
            entry.unlink(missing_ok=True)


class StagedTables:
    """Final tables built part by part in ``DIR/_staging`` and moved into place whole."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.staging = root / STAGING
        shutil.rmtree(self.staging, ignore_errors=True)
        self.names: list[str] = []

    def _dir(self, name: str) -> Path:
        folder = table_dir(self.staging, name)
        if name not in self.names:
            folder.mkdir(parents=True, exist_ok=True)
            self.names.append(name)
        return folder

    def write(self, name: str, index: int, frame: pd.DataFrame) -> None:
        write_parquet(frame, self._dir(name) / part_name(index))

    def link(self, name: str, index: int, source: Path) -> None:
        """Put a chunk's file in place unchanged (a hard link where the disk allows)."""
        target = self._dir(name) / part_name(index)
        try:
            os.link(source, target)
        except OSError:
            shutil.copyfile(source, target)

    def commit(self) -> None:
        for name in self.names:
            final = table_dir(self.root, name)
            shutil.rmtree(final, ignore_errors=True)
            final.parent.mkdir(parents=True, exist_ok=True)
            os.replace(table_dir(self.staging, name), final)
        _fsync_dir(self.root)


# --------------------------------------------------------------------------- reading


def read_table(root: Path, name: str, dtypes: Mapping[str, str] | None = None) -> pd.DataFrame:
    """One table of a results directory, its parts in order, with its declared dtypes."""
    pa, pq = _arrow()
    folder = table_dir(root, name)
    parts = sorted(folder.glob("part-*.parquet"))
    if not parts:
        raise ResultsError(f"{folder}: no Parquet parts; the results directory is incomplete")
    wanted = list(dtypes) if dtypes is not None else None
    tables = [pq.read_table(p, columns=wanted) for p in parts]
    schema = tables[0].schema
    table = pa.concat_tables([t.cast(schema) if t.schema != schema else t for t in tables])
    frame = table.to_pandas(types_mapper={pa.int64(): pd.Int64Dtype()}.get)
    if dtypes is None:
        dtypes = {c: str(t) for c, t in frame.dtypes.items()}
        dtypes = {c: "int64" if d == "Int64" else d for c, d in dtypes.items()}
    return typed(frame, dict(dtypes))


def read_manifest(root: Path) -> dict[str, Any]:
    path = Path(root) / MANIFEST
    if not path.is_file():
        raise ResultsError(
            f"{root} is not a framing results directory (no {MANIFEST}); write one with "
            "framing analyse CORPUS --out DIR, or framing.analyse(corpus, out=DIR)"
        )
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ResultsError(f"{path}: not valid JSON ({exc.msg}); the manifest is damaged") from exc
    if manifest.get("format") != FORMAT:
        raise ResultsError(f"{path} is not a framing results manifest")
    return manifest


# --------------------------------------------------------------------------- settings


def sha256_file(path: str | Path) -> str:
    digest = hashlib.sha256()
    with Path(path).open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def shipped_files() -> dict[str, str]:
    """SHA-256 of every lexicon and rules file framing ships (they change what it finds)."""
    found = {}
    for package, suffixes in (
        ("framing.features.lexicons", (".tsv",)),
        ("framing.corpus", (".toml",)),
    ):
        for entry in sorted(resources.files(package).iterdir(), key=lambda e: e.name):
            if entry.name.endswith(suffixes):
                found[f"{package}/{entry.name}"] = hashlib.sha256(entry.read_bytes()).hexdigest()
    return found


def _package_versions() -> dict[str, str]:
    out = {}
    for name in ("framing", "pandas", "numpy", "pyarrow", "vaderSentiment", "textstat"):
        try:
            out[name] = version(name)
        except PackageNotFoundError:
            out[name] = "not installed"
    return out


def framing_version() -> str:
    try:
        return version("framing")
    except PackageNotFoundError:
        return "0+unknown"


def new_manifest(settings: Mapping[str, Any], tables: Mapping[str, Mapping[str, str]]) -> dict:
    """A manifest for a run starting now (status ``running``)."""
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "framing_version": framing_version(),
        "status": "running",
        "started": datetime.now(UTC).isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "packages": _package_versions(),
        "settings": dict(settings),
        "shipped_files": shipped_files(),
        "tables": {name: {"columns": dict(cols)} for name, cols in tables.items()},
    }


def differences(before: Mapping[str, Any], now: Mapping[str, Any]) -> list[str]:
    """What differs between two manifests' framing version, settings and shipped files,
    one line each ("max_chars: 1000000 → 50000")."""
    lines = []
    if before.get("framing_version") != now.get("framing_version"):
        lines.append(
            f"framing version: {before.get('framing_version')} → {now.get('framing_version')}"
        )
    settings = [dict(m.get("settings", {})) for m in (before, now)]
    files = [dict(s.get("load", {})).pop("files", {}) or {} for s in settings]
    for s in settings:
        s["load"] = {k: v for k, v in dict(s.get("load", {})).items() if k != "files"}
    for path in sorted(set(files[0]) | set(files[1])):
        old, new = files[0].get(path), files[1].get(path)
        if old != new:
            lines.append(
                f"the input file {path} is not the file it was (SHA-256 "
                f"{str(old)[:12]}… → {str(new)[:12]}…)"
                if old and new
                else f"the input file {path} was {'added' if new else 'removed'}"
            )
    lines.extend(_diff(settings[0], settings[1], ""))
    lines.extend(
        _diff(before.get("shipped_files", {}), now.get("shipped_files", {}), "shipped_files.")
    )
    return lines


def _diff(a: Any, b: Any, prefix: str) -> list[str]:
    if isinstance(a, Mapping) and isinstance(b, Mapping):
        out = []
        for key in sorted(set(a) | set(b)):
            if key not in b:
                out.append(f"{prefix}{key}: {_short(a[key])} → (none)")
            elif key not in a:
                out.append(f"{prefix}{key}: (none) → {_short(b[key])}")
            else:
                out.extend(_diff(a[key], b[key], f"{prefix}{key}."))
        return out
    if a != b and json.loads(json.dumps(a, default=str)) != json.loads(json.dumps(b, default=str)):
        return [f"{prefix.rstrip('.')}: {_short(a)} → {_short(b)}"]
    return []


def _short(value: Any) -> str:
    text = json.dumps(value, default=str, ensure_ascii=False)
    return text if len(text) <= 80 else text[:77] + "..."


# --------------------------------------------------------------------------- opening


def open_analysis(directory: str | os.PathLike[str]) -> Analysis:
    """Open a results directory written by ``framing analyse … --out DIR``,
    ``framing.analyse(corpus, out=DIR)`` or ``Analysis.save(DIR)``.

    The error table is read at once; the article and sentence tables, the span tables
    and the corpus (with its texts) are read when first used. The result is accepted by
    :func:`framing.compare`, :func:`framing.distinctive_words`,
    :func:`framing.align_sentences`, the plots and :func:`framing.render_report` as a
    fresh analysis is.

    Args:
        directory: The results directory.

    Returns:
        An :class:`Analysis` reading from ``directory``.

    Raises:
        ResultsError: ``directory`` is not a results directory, holds an unfinished run
            (finish it with ``--resume``), or was written by a newer framing whose
            layout this one cannot read.

    Example:
        >>> analysis = framing.open_analysis("results/basil")  # doctest: +SKIP
        >>> framing.compare(analysis)  # doctest: +SKIP
    """
    return _open(Path(directory))


def reopen(root: Path) -> Analysis:
    """:func:`open_analysis` of a run whose stories are still being put in."""
    return _open(root, pending=True)


def _open(root: Path, pending: bool = False) -> Analysis:
    from ..corpus import Corpus
    from ._result import Analysis, Tables

    if not root.is_dir():
        raise ResultsError(f"{root} does not exist or is not a folder; pass a results directory")
    manifest = read_manifest(root)
    status = manifest.get("status")
    if status != "complete" and not (pending and status == STORIES_PENDING):
        done = len(list((root / CHUNKS).glob("[0-9]*"))) if (root / CHUNKS).is_dir() else 0
        raise ResultsError(
            f"{root} holds an unfinished run ({done} chunks written, status "
            f"{manifest.get('status')!r}); finish it by running the same command again "
            "with --resume (framing.analyse(..., out=DIR, resume=True))"
        )
    if manifest.get("format_version", 0) > FORMAT_VERSION:
        raise ResultsError(
            f"{root} was written by framing {manifest.get('framing_version')} in results "
            f"format {manifest['format_version']}, newer than this framing "
            f"({framing_version()}, format {FORMAT_VERSION}) can read; upgrade framing"
        )
    notes = list(manifest.get("notes", []))  # what the run said of itself (stories grouped)
    if manifest.get("framing_version") != framing_version():
        notes.append(
            f"{root} was written by framing {manifest.get('framing_version')}, not "
            f"{framing_version()}; its figures are that version's"
        )
        warnings.warn(notes[-1], UserWarning, stacklevel=2)
    columns = {name: spec["columns"] for name, spec in manifest["tables"].items()}
    span_names = [n for n in columns if n not in CORE_TABLES]

    def loader(name: str) -> Callable[[], pd.DataFrame]:
        def read() -> pd.DataFrame:
            # A directory written before a column was renamed opens with the new name.
            frame = read_table(root, name, columns[name])
            renamed = renamed_columns(name)
            old = {c: renamed[c] for c in frame.columns if c in renamed}
            return frame.rename(columns=old) if old else frame

        return read

    errors = read_table(root, "errors", columns["errors"])
    settings = dict(manifest["settings"])

    def corpus_tables() -> tuple[pd.DataFrame, ...]:
        return (
            read_table(root, "corpus", columns["corpus"]),
            errors[errors["stage"] == "load"].reset_index(drop=True),
            read_table(root, "removed", columns["removed"]),
            read_table(root, "versions", columns["versions"]),
        )

    load = settings.get("load", {})
    corpus = Corpus(source=str(load.get("source", "")), loader=corpus_tables)
    analysis = Analysis(
        loader("articles"),
        loader("sentences"),
        Tables({name: loader(name) for name in span_names}),
        errors,
        corpus,
        tuple(settings.get("features", ())),
        _analysis_settings(settings),
        directory=root,
    )
    analysis.manifest = manifest
    analysis.notes = notes
    return analysis


def _analysis_settings(settings: Mapping[str, Any]) -> dict[str, Any]:
    """The settings an Analysis states (its files as paths), from a manifest's."""
    out: dict[str, Any] = {}
    for role in _option_names(settings):
        entry = settings.get(role)
        out[role] = entry.get("path") if isinstance(entry, Mapping) else entry
    out["max_chars"] = settings.get("max_chars")
    out["max_seconds"] = settings.get("max_seconds")
    return out


def _option_names(settings: Mapping[str, Any]) -> list[str]:
    """The researcher's files a manifest records: every option the registered families
    read, and any other file entry a family registered elsewhere wrote."""
    names = list(option_names())
    for key, value in settings.items():
        if key not in names and isinstance(value, Mapping) and "sha256" in value:
            names.append(key)
    return names


def file_entry(path: str | None) -> dict[str, str] | None:
    """A researcher's file as the manifest records it: absolute path and SHA-256."""
    if path is None:
        return None
    return {"path": str(Path(path).resolve()), "sha256": sha256_file(path)}


def save_analysis(
    analysis: Analysis, directory: str | os.PathLike[str], *, overwrite: bool
) -> Path:
    """Write an in-memory analysis as a results directory (one part per table)."""

    root = Path(directory)
    prepare_target(root, overwrite=overwrite, resume=False)
    root.mkdir(parents=True, exist_ok=True)
    if getattr(analysis, "directory", None) is not None:
        source = Path(analysis.directory)
        for entry in source.iterdir():
            if entry.name.startswith(("_", ".")):
                continue
            if entry.is_dir():
                shutil.copytree(entry, root / entry.name)
            else:
                shutil.copy2(entry, root / entry.name)
        return root
    schema = _schema_of(analysis)
    settings = dict(getattr(analysis, "run_settings", None) or {})
    if not settings:
        settings = {
            "features": list(analysis.features),
            "max_chars": analysis.settings.get("max_chars"),
            "max_seconds": analysis.settings.get("max_seconds"),
            **{r: file_entry(analysis.settings.get(r)) for r in option_names()},
            "load": {"source": getattr(analysis.corpus, "source", "")},
        }
    tables = schema.tables()
    manifest = new_manifest(settings, tables)
    if analysis.notes:  # what the run decided (stories grouped), kept with its tables
        manifest["notes"] = list(analysis.notes)
    write_json(manifest, root / MANIFEST)
    staged = StagedTables(root)
    corpus = analysis.corpus
    frames: dict[str, Callable[[], pd.DataFrame]] = {
        "articles": lambda: analysis.articles,
        "sentences": lambda: analysis.sentences,
        "errors": lambda: analysis.errors,
        "corpus": lambda: corpus.articles if corpus is not None else pd.DataFrame(),
        "removed": lambda: corpus.removed if corpus is not None else pd.DataFrame(),
        "versions": lambda: corpus.versions if corpus is not None else pd.DataFrame(),
    }
    for name in schema.spans:
        frames[name] = lambda n=name: analysis.spans[n] if n in analysis.spans else pd.DataFrame()
    counts = {}
    for name, declared in tables.items():
        frame = frames[name]()
        dtypes = {c: declared.get(c, _dtype_name(frame[c])) for c in frame.columns}
        dtypes.update({c: d for c, d in declared.items() if c not in dtypes})
        frame = typed(frame, dtypes)
        manifest["tables"][name]["columns"] = dtypes
        staged.write(name, 0, frame)
        counts[name] = len(frame)
    staged.commit()
    shutil.rmtree(root / STAGING, ignore_errors=True)
    finish_manifest(root, manifest, counts)
    return root


def _dtype_name(values: pd.Series) -> str:
    name = str(values.dtype)
    return {"object": "str", "Int64": "int64"}.get(name, name)


def _schema_of(analysis: Analysis):
    """The declared tables of the analysis's features, plus any span table it holds
    that no registered feature declares."""
    from ..features import FEATURES
    from ._tables import Schema

    features = [FEATURES[name] for name in analysis.features if name in FEATURES]
    declared = Schema.of(features)
    # the source's metadata and any column added by hand, with the dtype it has
    own = {c: str(t) for c, t in analysis.articles.dtypes.items() if c not in declared.articles}
    # where the stories came from: the analysis's own columns, not the source's metadata
    stories = {c: "str" for c in ("story_source", "story_given") if own.pop(c, None)}
    schema = Schema.of(features, own)
    extra = {n: {} for n in analysis.spans if n not in schema.spans}
    return Schema(
        {**schema.articles, **stories}, schema.sentences, {**schema.spans, **extra}, schema.extra
    )


def finish_manifest(
    root: Path, manifest: dict[str, Any], counts: Mapping[str, int], status: str = "complete"
) -> None:
    """Mark a results directory complete (or ``status``, such as :data:`STORIES_PENDING`):
    row counts per table, then status last."""
    manifest = dict(manifest)
    for name, rows in counts.items():
        manifest["tables"].setdefault(name, {})["rows"] = int(rows)
    manifest["finished"] = datetime.now(UTC).isoformat(timespec="seconds")
    manifest["status"] = status
    write_json(manifest, root / MANIFEST)


def mark_complete(root: Path) -> None:
    """Mark a results directory whose stories are in place complete."""
    manifest = read_manifest(root)
    manifest["status"] = "complete"
    write_json(manifest, root / MANIFEST)


def prepare_target(root: Path, *, overwrite: bool, resume: bool) -> dict[str, Any] | None:
    """Check that ``root`` may be written; returns its manifest where one is there.

    A folder that is not a results directory is never cleared. A results directory is
    replaced only with ``overwrite``; an unfinished one is continued only with
    ``resume``.
    """
    if not root.exists():
        return None
    if not root.is_dir():
        raise ResultsError(f"{root} is a file; --out takes a folder for the results")
    entries = [e for e in root.iterdir() if not e.name.startswith(".")]
    if not entries:
        return None
    if not (root / MANIFEST).is_file():
        raise ResultsError(
            f"{root} is a folder with other files in it, not a framing results directory; "
            "choose a new or empty folder for the results"
        )
    manifest = read_manifest(root)
    if overwrite:
        for entry in root.iterdir():
            if entry.is_dir():
                shutil.rmtree(entry)
            else:
                entry.unlink()
        return None
    if resume:
        return manifest
    if manifest.get("status") == "complete":
        raise ResultsError(
            f"{root} already holds a finished analysis; open it with "
            "framing.open_analysis(DIR) (framing compare/report DIR), or pass "
            "overwrite=True (--overwrite) to replace it"
        )
    raise ResultsError(
        f"{root} holds an unfinished run; pass resume=True (--resume) to finish it, or "
        "overwrite=True (--overwrite) to start again"
    )


def iter_parts(root: Path, name: str) -> Iterable[Path]:
    return sorted(table_dir(root, name).glob("part-*.parquet"))


def _read_part(path: str, dtypes: Mapping[str, str]) -> pd.DataFrame:
    pa, pq = _arrow()
    table = pq.read_table(path)
    return typed(table.to_pandas(types_mapper={pa.int64(): pd.Int64Dtype()}.get), dict(dtypes))


def dask_table(analysis: Analysis, name: str):
    """See :meth:`Analysis.to_dask`."""
    from ..errors import ArgumentError

    try:
        import dask.dataframe as dd
    except ImportError as exc:
        raise MissingDependencyError(
            "Analysis.to_dask needs Dask: pip install 'framing[dask]'"
        ) from exc
    root = getattr(analysis, "directory", None)
    manifest = getattr(analysis, "manifest", None)
    if root is not None and manifest is not None:
        columns = {n: spec["columns"] for n, spec in manifest["tables"].items()}
        if name not in columns:
            raise ArgumentError(f"no table {name!r}; the tables are {', '.join(columns)}")
        dtypes = columns[name]
        meta = pd.DataFrame({c: pd.Series(dtype=d) for c, d in dtypes.items()})
        parts = [str(p) for p in iter_parts(Path(root), name)]
        return dd.from_map(_read_part, parts, dtypes=dtypes, meta=meta, enforce_metadata=False)
    frames = {
        "articles": analysis.articles,
        "errors": analysis.errors,
        **({"corpus": analysis.corpus.articles} if analysis.corpus is not None else {}),
    }
    if name == "sentences":
        frame = analysis.sentences
    elif name in analysis.spans:
        frame = analysis.spans[name]
    elif name in frames:
        frame = frames[name]
    else:
        raise ArgumentError(
            f"no table {name!r}; the tables are articles, sentences, errors, corpus, "
            + ", ".join(analysis.spans)
        )
    return dd.from_pandas(frame, npartitions=max(1, -(-len(frame) // 100_000)))
