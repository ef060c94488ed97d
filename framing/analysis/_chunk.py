"""One chunk's task, run by a worker: its articles prepared, analysed and made into
tables (written to the results directory, or returned); and the warm-up that loads what
the features read before the first article is timed."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ..corpus._clean import CleaningRule
from ..corpus._prepare import PreparedChunk, chunk_meta, prepare, signature_entries
from ..corpus._read_slices import Slice
from ..features import Feature
from . import _store
from ._article import DEFAULT_MAX_SECONDS, analyse_article
from ._tables import Schema, chunk_tables


@dataclass(frozen=True)
class Job:
    """What every chunk task needs, the same for all of them (pickled to workers)."""

    features: tuple[Feature, ...]
    max_chars: int | None
    options: tuple[tuple[str, str | None], ...]  # the researcher's files, by option
    rules: tuple[CleaningRule, ...]
    signatures: bool
    prepared: bool
    out: str | None
    extra: tuple[tuple[str, str], ...] = ()
    repair: bool = True
    max_seconds: float | None = DEFAULT_MAX_SECONDS


@dataclass
class ChunkOutput:
    """What a chunk task returns: counts, and in memory its tables and signatures."""

    index: int
    items: int
    articles: int
    errors: int
    meta: pd.DataFrame | None = None
    entries: tuple[np.ndarray, np.ndarray] | None = None
    tables: dict[str, pd.DataFrame] | None = None


def run_chunk(index: int, items: Any, job: Job, fingerprint: Mapping[str, Any]) -> ChunkOutput:
    """Prepare, analyse and tabulate one chunk (records, or prepared corpus rows)."""
    import gc

    # Analysing an article makes hundreds of thousands of short-lived objects (tokens,
    # candidate spans, rows), nearly all freed by reference counting; the cycle
    # collector, run every 700 allocations, would only find them gone, yet scans every
    # tracked object it reaches each time: paused for the chunk, 7-13 % of the CPU of a
    # run is saved (BASIL in one process). What cycles a chunk leaves are collected
    # when it ends, so memory stays bounded by one chunk.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _run_chunk(index, items, job, fingerprint)
    finally:
        if was_enabled:
            gc.enable()


def _run_chunk(index: int, items: Any, job: Job, fingerprint: Mapping[str, Any]) -> ChunkOutput:
    schema = Schema.of(job.features, dict.fromkeys((c for _, c in job.extra), "str"))
    if isinstance(items, Slice):  # a part of a table file this worker reads itself
        items = items.read()
    if job.prepared:
        chunk = PreparedChunk(items, [], [], None)
    else:
        chunk = prepare(
            items, job.rules, signatures=job.signatures, extra=job.extra, repair=job.repair
        )
    arts = chunk.articles
    if job.max_seconds is not None:
        _load_once(job)
    results = [
        analyse_article(
            doc_id,
            title,
            text,
            language,
            job.features,
            job.max_chars,
            dict(job.options),
            job.max_seconds,
        )
        for doc_id, title, text, language in zip(
            arts["doc_id"], arts["title"], arts["text"], arts["language"], strict=True
        )
    ]
    tables = chunk_tables(chunk, results, schema)
    meta = chunk_meta(chunk)
    entries = signature_entries(chunk)
    n_items = len(items)
    counts = dict(items=n_items, articles=len(tables["articles"]), errors=len(tables["errors"]))
    if job.out is None:
        return ChunkOutput(index, **counts, meta=meta, entries=entries, tables=tables)
    done = {"chunk": index, **counts, **fingerprint}
    _store.write_chunk(Path(job.out), index, {**tables, "meta": meta}, entries, done)
    return ChunkOutput(index, **counts)


#: A few sentences that make every built-in feature load what it reads (lexicons, VADER's
#: lexicon, CMUdict), so that forked workers inherit them loaded instead of each loading
#: them again.
_WARM_UP = (
    'Defence Secretary John Healey said: "We will probably act." It is understood that '
    "officials could meet, a spokesman for the Ministry of Defence told Reuters. Critics "
    "clearly disagree, and the council may well be happy about the conflict."
)


def _warm_up(job: Job) -> None:
    """Load every feature's data in this process, then freeze the garbage collector's view
    of it: forked workers then share those pages instead of copying them as the collector
    touches them, and none of them spends seconds loading the same files."""
    import gc

    _load_once(job)
    gc.collect()
    gc.freeze()


#: The features and researcher's files whose data this process has loaded.
_LOADED: set[tuple[Any, ...]] = set()


def _load_once(job: Job) -> None:
    """Load what the features read (lexicons, CMUdict, VADER's lexicon) before the first
    article is timed, so that its time budget is not spent on loading them; once per
    process (a forked worker has them from its parent already)."""
    key = (tuple(f.name for f in job.features), job.options)
    if key not in _LOADED:
        options = dict(job.options)
        analyse_article("warm-up", "Warm-up", _WARM_UP, "en", job.features, None, options, None)
        _LOADED.add(key)
