"""The chunks' tables put together once every chunk is done: the corpus-wide decisions
(duplicate ids, outlet names, versions) made from each chunk's metadata and applied, and
the tables joined in input order, in memory or as a results directory on disk."""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence
from functools import partial
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .._frames import typed
from ..corpus import Corpus
from ..corpus._prepare import Resolution, apply_resolution, decisions_of, resolve
from . import _store
from ._chunk import ChunkOutput

log = logging.getLogger(__name__)


def _give_back_memory() -> None:
    """Return freed memory to the system between the parent's corpus-wide steps.

    Reading hundreds of chunk files leaves freed blocks in Arrow's memory pool and in
    the C library's heap, which neither returns by itself: on 100,000 articles the
    parent kept about 60 MiB more than on 10,000 for no data at all. Both are asked to
    let go (glibc's ``malloc_trim``; elsewhere only Arrow's pool)."""
    try:
        import pyarrow as pa

        pa.default_memory_pool().release_unused()
    except Exception:  # pragma: no cover - pyarrow is a dependency
        pass
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            ctypes.CDLL("libc.so.6").malloc_trim(0)
        except (OSError, AttributeError):  # not glibc (musl): nothing to trim
            pass


class _Chunks:
    """Reads the chunks' tables and signatures, from memory or from disk."""

    n: int

    def table(self, index: int, name: str) -> pd.DataFrame:
        raise NotImplementedError

    def meta(self, index: int) -> pd.DataFrame:
        return self.table(index, "meta")

    def entries(self, index: int) -> tuple[np.ndarray, np.ndarray]:
        raise NotImplementedError


class _MemoryChunks(_Chunks):
    def __init__(self, outputs: Sequence[ChunkOutput]) -> None:
        self.outputs = outputs
        self.n = len(outputs)

    def table(self, index: int, name: str) -> pd.DataFrame:
        output = self.outputs[index]
        if name == "meta":
            return output.meta  # type: ignore[return-value]
        return output.tables[name]  # type: ignore[index]

    def entries(self, index: int) -> tuple[np.ndarray, np.ndarray]:
        return self.outputs[index].entries  # type: ignore[return-value]


class _DiskChunks(_Chunks):
    def __init__(self, root: Path, n: int) -> None:
        self.root, self.n = root, n

    def table(self, index: int, name: str) -> pd.DataFrame:
        return _store.read_chunk_table(self.root, index, name)

    def path(self, index: int, name: str) -> Path:
        return _store.chunk_dir(self.root, index) / f"{name}.parquet"

    def meta(self, index: int) -> Any:
        # As Arrow, not pandas: ids and origins stay compact strings, not Python objects.
        import pyarrow.parquet as pq

        return pq.read_table(self.path(index, "meta"))

    def entries(self, index: int) -> tuple[np.ndarray, np.ndarray]:
        return _store.read_chunk_entries(self.root, index)


def _resolution(corpus, plan, store: _Chunks, n: int, root: Path | None) -> Resolution:
    if plan is None:  # the corpus was loaded: its decisions are made
        resolution = decisions_of(corpus.articles)
        resolution.pairs = corpus.versions
        return resolution
    log.info("finding duplicates, outlet names and versions across %d chunks", n)
    readers = [partial(store.entries, i) for i in range(n)] if plan.version_threshold else None
    return resolve(
        (store.meta(i) for i in range(n)),
        readers,
        plan.outlet_aliases,
        plan.version_threshold,
        plan.primary,
        workdir=str(root) if root is not None else None,
    )


#: Tables the corpus-wide decisions change in every chunk.
_DECIDED = ("articles", "corpus", "errors")


def _part(
    name: str, frame: pd.DataFrame, index: int, resolution: Resolution, dtypes
) -> pd.DataFrame:
    frame = apply_resolution(name, frame, index, resolution)
    return typed(frame, dtypes)


def _leading(name: str, corpus: Corpus, prepared: bool) -> pd.DataFrame | None:
    """For a corpus analysed as loaded: what it already holds goes first."""
    if not prepared:
        return None
    if name == "errors":
        return corpus.errors
    if name == "removed":
        return corpus.removed
    return None


def _assemble_in_memory(store, schema, resolution, corpus, prepared) -> dict[str, pd.DataFrame]:
    tables: dict[str, pd.DataFrame] = {}
    for name, dtypes in schema.tables().items():
        if name == "versions":
            tables[name] = typed(resolution.pairs, dtypes)
            continue
        if resolution.dropped:  # ids used again in later chunks: each chunk loses its own
            parts = [
                apply_resolution(name, store.table(i, name), i, resolution) for i in range(store.n)
            ]
        else:
            parts = [store.table(i, name) for i in range(store.n)]
        lead = _leading(name, corpus, prepared)
        if lead is not None:
            parts.insert(0, lead)
        frame = pd.concat(parts, ignore_index=True) if parts else schema.empty(name)
        if not resolution.dropped:
            frame = apply_resolution(name, frame, -1, resolution)
        tables[name] = typed(frame, dtypes)
    return tables


def _assemble_on_disk(store, schema, resolution, corpus, prepared, root: Path) -> dict[str, int]:
    log.info("putting the tables together in %s", root)
    staged = _store.StagedTables(root)
    counts: dict[str, int] = {}
    for name, dtypes in schema.tables().items():
        counts[name] = 0
        if name == "versions":
            frame = typed(resolution.pairs, dtypes)
            staged.write(name, 0, frame)
            counts[name] = len(frame)
            continue
        if store.n == 0:
            staged.write(name, 0, schema.empty(name))
        for i in range(store.n):
            lead = _leading(name, corpus, prepared) if i == 0 else None
            if name not in _DECIDED and i not in resolution.dropped and lead is None:
                staged.link(name, i, store.path(i, name))
                counts[name] += _rows(store.path(i, name))
                continue
            frame = _part(name, store.table(i, name), i, resolution, dtypes)
            if lead is not None:
                frame = typed(pd.concat([typed(lead, dtypes), frame], ignore_index=True), dtypes)
            staged.write(name, i, frame)
            counts[name] += len(frame)
        _give_back_memory()
    staged.commit()
    return counts


def _rows(path: Path) -> int:
    import pyarrow.parquet as pq

    return pq.ParquetFile(path).metadata.num_rows
