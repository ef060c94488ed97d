"""Step 4 of the flow, at any scale: a corpus through every feature, chunk by chunk.

The corpus is read as a stream and cut into chunks of articles. Each chunk is one task:
a worker (this process, a process of a pool, or a Dask worker) cleans its articles,
segments each once, runs every feature on that segmentation and builds the chunk's
tables. With a results directory the worker writes them there itself, so the parent
only reads the source and hands chunks out; in memory the tables come back to the
parent. When every chunk is done, the decisions that need the whole corpus (duplicate
ids, outlet names, version groups; :func:`framing.corpus._prepare.resolve`) are made
from a little of each article, written into the tables, and the tables are put
together in input order: the same rows in the same order however many workers ran,
and whether or not the run was interrupted and resumed.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import pickle
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from functools import partial
from os import PathLike
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .._frames import typed
from .._progress import progress_bar
from ..corpus import Corpus
from ..corpus._clean import CleaningRule
from ..corpus._prepare import (
    POSITION,
    PreparedChunk,
    Resolution,
    apply_resolution,
    chunk_meta,
    decisions_of,
    prepare,
    resolve,
    signature_entries,
)
from ..corpus._read_slices import Slice
from ..corpus._records import LoadProblem, Record
from ..errors import ArgumentError, FramingError, ResultsError
from ..features import FEATURES, Feature, check_options
from . import _store
from ._article import DEFAULT_MAX_CHARS, DEFAULT_MAX_SECONDS, analyse_article
from ._result import Analysis
from ._tables import Schema, chunk_tables

__all__ = ["analyse"]

log = logging.getLogger(__name__)

#: Articles per chunk at most: the unit a worker analyses, writes and a resumed run skips.
MAX_CHUNK = 500
#: Articles per chunk at least, where a small corpus is cut up to keep every worker busy.
MIN_CHUNK = 25
#: Chunks queued per worker: enough to keep workers busy, few enough to keep memory flat.
_QUEUED_PER_WORKER = 2


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


# --------------------------------------------------------------------------- inputs


def _item_hash(item: Record | LoadProblem) -> str:
    digest = hashlib.sha256()
    if isinstance(item, LoadProblem):
        parts = ["problem", item.doc_id, item.origin, item.reason]
    else:
        meta = json.dumps(item.meta, sort_keys=True, default=str)
        parts = [item.kind, item.doc_id, item.origin, str(item.encoding), meta, *item.notes]
        digest.update(item.raw_text.encode("utf-8", "surrogatepass"))
    digest.update("\0".join(parts).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def _prepared_hash(row: Mapping[str, Any]) -> str:
    text = "\0".join(str(row.get(c)) for c in ("doc_id", "outlet", "title", "story", "language"))
    return hashlib.sha256(
        (str(row.get("sha256")) + text).encode("utf-8", "surrogatepass")
    ).hexdigest()


def _fingerprint(items: Any, prepared: bool, file_hashes: Mapping[str, str]) -> dict[str, Any]:
    """What the chunk's input was, so that a resumed run can tell it is the same."""
    if isinstance(items, Slice):  # not read here: the slice of an unchanged file
        key = f"{file_hashes[items.path]}:{items.kind}:{items.start}:{items.stop}"
        return {
            "fingerprint": hashlib.sha256(key.encode()).hexdigest(),
            "file": items.path,
            "inputs": [],
        }
    if prepared:
        ids = items["doc_id"].tolist()
        hashes = [_prepared_hash(row) for row in items.to_dict("records")]
    else:
        ids = [item.doc_id for item in items]
        hashes = [_item_hash(item) for item in items]
    digest = hashlib.sha256("\n".join(hashes).encode()).hexdigest()
    return {
        "fingerprint": digest,
        "inputs": [[d, h[:16]] for d, h in zip(ids, hashes, strict=True)],
    }


def _chunks(corpus: Corpus, size: int, prepared: bool) -> Iterator[Any]:
    if prepared:
        frame = corpus.articles.copy()
        frame[POSITION] = np.arange(len(frame), dtype=np.int64)
        for start in range(0, len(frame), size):
            part = frame.iloc[start : start + size].copy()
            part[POSITION] = np.arange(len(part), dtype=np.int64)
            yield part.reset_index(drop=True)
        return
    assert corpus.plan is not None
    slices = corpus.plan.slices(size) if corpus.plan.slices is not None else None
    if slices is not None:
        yield from slices
        return
    batch: list[Record | LoadProblem] = []
    for item in corpus.plan.read():
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _what_changed(index: int, before: Mapping[str, Any], now: Mapping[str, Any]) -> str:
    if now.get("file"):
        return f"chunk {index}: {now['file']} is not the file it was (its SHA-256 changed)"
    old = {d: h for d, h in before.get("inputs", [])}
    new = {d: h for d, h in now.get("inputs", [])}
    changed = sorted(d for d in old.keys() & new.keys() if old[d] != new[d])
    added = sorted(new.keys() - old.keys())
    gone = sorted(old.keys() - new.keys())
    parts = []
    for label, ids in (("changed", changed), ("new", added), ("no longer there", gone)):
        if ids:
            shown = ", ".join(map(repr, ids[:5])) + (" …" if len(ids) > 5 else "")
            parts.append(f"{label}: {shown}")
    if not parts:
        parts.append("the same articles in another order")
    return f"chunk {index}: " + "; ".join(parts)


# --------------------------------------------------------------------------- executors


class _Serial:
    workers = 1

    def submit(self, fn: Callable[..., Any], *args: Any) -> Future:
        future: Future = Future()
        try:
            future.set_result(fn(*args))
        except BaseException as exc:
            future.set_exception(exc)
        return future

    def wait(self, pending: set) -> tuple[set, set]:
        return set(pending), set()

    def close(self, cancel: bool = False) -> None:
        pass


def _worker_start(parent: int) -> None:
    """In each pool worker: end this process as soon as the parent is gone."""
    try:  # Linux: the kernel sends SIGKILL when the parent dies
        import ctypes
        import signal

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except Exception:  # other systems: the watchdog below does it
        pass
    if os.getppid() != parent:
        os._exit(1)

    def watch() -> None:
        while True:
            time.sleep(0.5)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="framing-parent-watch", daemon=True).start()


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


class _Pool:
    def __init__(self, workers: int, start_method: str | None, job: Job) -> None:
        import multiprocessing

        context = multiprocessing.get_context(start_method)
        if context.get_start_method() == "fork":
            _warm_up(job)
        self.workers = workers
        self.pool = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=context,
            initializer=_worker_start,
            initargs=(os.getpid(),),
        )

    def submit(self, fn: Callable[..., Any], *args: Any) -> Future:
        return self.pool.submit(fn, *args)

    def wait(self, pending: set) -> tuple[set, set]:
        done, rest = wait(pending, return_when=FIRST_COMPLETED)
        return set(done), set(rest)

    def close(self, cancel: bool = False) -> None:
        if cancel:
            processes = list((getattr(self.pool, "_processes", None) or {}).values())
            self.pool.shutdown(wait=False, cancel_futures=True)
            for process in processes:
                if process.is_alive():
                    process.kill()
            for process in processes:
                process.join(timeout=5)
        else:
            self.pool.shutdown(wait=True)


class _Dask:
    def __init__(self, target: Any, workers: int) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError as exc:
            from ..errors import MissingDependencyError

            raise MissingDependencyError(
                "dask= needs dask.distributed: pip install 'framing[dask]'"
            ) from exc
        self.cluster = None
        if isinstance(target, Client):
            self.client, self.owned = target, False
        elif target == "local":
            self.cluster = LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
            )
            self.client, self.owned = Client(self.cluster), True
        elif isinstance(target, str):
            self.client, self.owned = Client(target), True
        else:
            raise ArgumentError(
                f"dask={target!r}: pass a distributed.Client, a scheduler address "
                "('tcp://host:8786') or 'local' for a LocalCluster on this machine"
            )
        self.workers = max(1, len(self.client.scheduler_info().get("workers", {})) or workers)
        self._tokens = 0

    def submit(self, fn: Callable[..., Any], *args: Any) -> Any:
        self._tokens += 1
        return self.client.submit(
            fn, *args, pure=False, key=f"framing-chunk-{args[0]}-{os.getpid()}-{self._tokens}"
        )

    def wait(self, pending: set) -> tuple[set, set]:
        from distributed import wait as dask_wait

        done, rest = dask_wait(list(pending), return_when="FIRST_COMPLETED")
        return set(done), set(rest)

    def close(self, cancel: bool = False) -> None:
        if self.owned:
            self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def _log_memory(stage: str) -> None:
    """At -vv, this process's resident memory now and at its peak after ``stage``."""
    if not log.isEnabledFor(logging.DEBUG):
        return
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
        now = f"RSS {pages * os.sysconf('SC_PAGE_SIZE') / 2**20:.0f} MiB (peak {peak:.0f} MiB)"
    except (OSError, ValueError):  # not Linux
        now = f"peak RSS {peak:.0f} MiB"
    log.debug("%s; %s", stage, now)


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


def cores() -> int:
    """The CPUs this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def _workers(n_jobs: int) -> int:
    if not isinstance(n_jobs, int) or n_jobs == 0 or n_jobs < -cores():
        raise ArgumentError(
            f"n_jobs={n_jobs!r}: pass a number of worker processes, or -1 for every core "
            f"(this machine has {cores()}), -2 for all but one, as scikit-learn and joblib do"
        )
    return n_jobs if n_jobs > 0 else max(1, cores() + 1 + n_jobs)


def _check_picklable(features: Sequence[Feature], start_method: str | None) -> None:
    """Fail at once, naming the feature, where worker processes could not run it."""
    import multiprocessing

    method = start_method or multiprocessing.get_start_method(allow_none=False)
    for feature in features:
        try:
            pickle.dumps(feature)
        except Exception as exc:
            raise ArgumentError(
                f"feature {feature.name!r} cannot be sent to worker processes ({exc}); "
                "define its function with def at the top level of a module (not a lambda "
                "or a nested function), or run with n_jobs=1"
            ) from exc
        module = getattr(feature.compute, "__module__", None)
        if method != "fork" and module == "__main__":
            raise ArgumentError(
                f"feature {feature.name!r} is defined in __main__ (a notebook or script), "
                f"which worker processes started by {method!r} cannot import; put it in a "
                "module of its own and import it, run with n_jobs=1, or use dask=, which "
                "sends functions by value"
            )


# --------------------------------------------------------------------------- the run


def analyse(
    corpus: Corpus,
    *,
    features: Iterable[str] | None = None,
    max_chars: int | None = DEFAULT_MAX_CHARS,
    max_seconds: float | None = DEFAULT_MAX_SECONDS,
    n_jobs: int = 1,
    progress: bool = False,
    out: str | PathLike[str] | None = None,
    resume: bool = False,
    overwrite: bool = False,
    dask: Any = None,
    chunk_size: int | None = None,
    start_method: str | None = None,
    **options: str | PathLike[str] | None,
) -> Analysis:
    """Run every registered feature family over a corpus.

    Args:
        corpus: From :func:`framing.load_corpus`.
        features: Names of the families to run (default: all registered).
        max_chars: Articles longer than this become errors instead of being
            analysed; None analyses everything.
        max_seconds: CPU seconds one article may take (about 0.01 s is usual, a few
            seconds for a million characters); an article taking longer becomes an
            error row naming the stage it was in. None sets no limit.
        n_jobs: Worker processes: 1 runs in this process, -1 uses every core (-2 all
            but one, as in scikit-learn and joblib).
        progress: Show a progress bar.
        out: A results directory to write (Parquet tables and a manifest; see the
            README's "Large corpora"). The corpus is then streamed chunk by chunk in
            flat memory, and the analysis returned reads from the directory.
        resume: Finish a run into ``out`` that was interrupted, skipping the chunks
            already written; refused if the settings or the input changed.
        overwrite: Replace the results already in ``out``.
        dask: Run the chunks on a Dask cluster: a ``distributed.Client``, a scheduler
            address, or ``"local"`` for a ``LocalCluster`` of ``n_jobs`` workers. With
            ``out``, the workers write the directory, so it must be on a disk they share.
        chunk_size: Articles per chunk (default: up to 500, fewer for a small corpus so
            that every worker has work). A resumed run keeps its first chunk size.
        start_method: How worker processes start (``"fork"``, ``"spawn"``,
            ``"forkserver"``; default: Python's default for this system).
        **options: The researcher's files the families read, each checked by the
            families that declare it (``Feature.options``; ``framing features`` lists
            them). The built-in ones:

            * ``lexicons``: a TOML file extending framing's lexicons (attribution verbs,
              anonymous heads, organisation and media gazetteers, hedges and boosters;
              see the README);
            * ``angles``: a TOML file of the angles a researcher looks for in this story
              (``framing.EXAMPLE_ANGLES`` is one); scored in ``analysis.emphasis``;
            * ``aliases``: a TOML actor file naming the story's actors and the other
              names they go by (``framing.EXAMPLE_ACTORS`` is one); merges actors across
              the corpus in ``analysis.actors`` and ``analysis.actor_mentions``.

    Returns:
        An :class:`Analysis` with ``articles``, ``sentences``, span tables and
        ``errors``. Every article appears once, in ``articles`` or in ``errors``.

    Raises:
        ResultsError: ``out`` cannot be written as asked (see ``resume``, ``overwrite``).
        ArgumentError: An option no registered family reads.
        ConfigError: A researcher's file is wrong (the message names the file and line).
        FramingError: An unknown feature, or one worker processes cannot run.

    Example:
        >>> analysis = framing.analyse(framing.load_corpus("articles/"))  # doctest: +SKIP
        >>> analysis.articles[["outlet", "sent_compound_mean"]]  # doctest: +SKIP
        >>> framing.analyse(corpus, out="results/", n_jobs=-1)  # doctest: +SKIP
    """
    if not isinstance(corpus, Corpus):
        raise ArgumentError(
            f"analyse() takes a Corpus from framing.load_corpus(), got {type(corpus).__name__}"
        )
    chosen = _select(features)
    max_seconds = _max_seconds(max_seconds)
    workers = _workers(n_jobs)
    files = check_options(options)
    # A corpus already in memory (or built by hand) is analysed as it stands; one not yet
    # read is streamed from its source.
    prepared = corpus.plan is None or corpus.loaded
    plan = None if prepared else corpus.plan
    root = Path(out) if out is not None else None
    previous = _store.prepare_target(root, overwrite=overwrite, resume=resume) if root else None
    if previous is not None and chunk_size is None:
        chunk_size = previous.get("settings", {}).get("chunk_size")
    total = len(corpus.articles) if prepared else plan.total  # type: ignore[union-attr]
    size = _chunk_size(chunk_size, total, workers if dask is None else max(workers, 2))
    job = Job(
        chosen,
        max_chars,
        tuple(sorted(files.items())),
        rules=tuple(corpus.cleaning_rules if plan is None else plan.rules),
        signatures=plan is not None and plan.version_threshold is not None,
        prepared=prepared,
        out=str(root) if root is not None else None,
        extra=plan.extra if plan is not None else tuple((c, c) for c in corpus.extra_columns),
        repair=plan.repair_mojibake if plan is not None else False,
        max_seconds=max_seconds,
    )
    # The table files read, hashed once: the manifest states them, and a resumed run
    # trusts the chunks of an unchanged file.
    file_hashes = {f: _store.sha256_file(f) for f in plan.files} if plan is not None else {}
    settings = _settings(corpus, plan, chosen, max_chars, size, files, file_hashes)
    settings["max_seconds"] = max_seconds
    schema = Schema.of(chosen, dict.fromkeys((c for _, c in job.extra), "str"))
    manifest = None
    if root is not None:
        manifest = _store.new_manifest(settings, schema.tables())
        if previous is not None:
            changed = _store.differences(previous, manifest)
            if changed:
                raise ResultsError(
                    f"cannot resume {root}: this run differs from the first attempt: "
                    + "; ".join(changed)
                    + ". Run with the first attempt's settings, or pass overwrite=True "
                    "(--overwrite) to start again"
                )
            if previous.get("status") == "complete":
                log.info("%s is complete already; opening it", root)
                return _store.open_analysis(root)
            manifest = {**previous, "settings": manifest["settings"]}
        root.mkdir(parents=True, exist_ok=True)
        _store.clear_stale(root)
        _store.write_json(manifest, root / _store.MANIFEST)
    if dask is None and workers > 1:
        _check_picklable(chosen, start_method)
    outputs = _execute(
        corpus, job, size, workers, dask, start_method, progress, total, root, file_hashes
    )
    n_chunks = len(outputs)
    if root is not None:
        extra = sorted(
            int(p.name) for p in (root / _store.CHUNKS).glob("[0-9]*") if int(p.name) >= n_chunks
        )
        if extra:
            raise ResultsError(
                f"cannot resume {root}: the input now has {n_chunks} chunks, but the first "
                f"attempt wrote chunk {extra[0]}; the input changed (articles were removed). "
                "Pass overwrite=True (--overwrite) to start again"
            )
    store: _Chunks = _DiskChunks(root, n_chunks) if root is not None else _MemoryChunks(outputs)
    _log_memory(f"{n_chunks} chunks analysed")
    resolution = _resolution(corpus, plan, store, n_chunks, root)
    _give_back_memory()
    _log_memory("duplicates, outlets and versions decided")
    if root is not None:
        assert manifest is not None
        counts = _assemble_on_disk(store, schema, resolution, corpus, prepared, root)
        _log_memory("tables put together")
        _store.finish_manifest(root, manifest, counts)
        import shutil

        shutil.rmtree(root / _store.CHUNKS, ignore_errors=True)
        shutil.rmtree(root / _store.STAGING, ignore_errors=True)
        log.info("wrote %s", root)
        return _store.open_analysis(root)
    tables = _assemble_in_memory(store, schema, resolution, corpus, prepared)
    if not prepared:
        corpus._set(
            tables["corpus"],
            tables["errors"][tables["errors"]["stage"] == "load"].reset_index(drop=True),
            tables["removed"],
            tables["versions"],
        )
    analysis = Analysis(
        tables["articles"],
        tables["sentences"],
        {name: tables[name] for name in schema.spans},
        tables["errors"],
        corpus,
        tuple(f.name for f in chosen),
        {
            **files,
            "max_chars": max_chars,
            "max_seconds": max_seconds,
        },
    )
    analysis.run_settings = settings
    return analysis


def _select(features: Iterable[str] | None) -> tuple[Feature, ...]:
    if features is None:
        return tuple(FEATURES.values())
    names = list(features)
    unknown = [n for n in names if n not in FEATURES]
    if unknown:
        raise ArgumentError(
            f"unknown feature {', '.join(map(repr, unknown))}; registered: {', '.join(FEATURES)}"
        )
    return tuple(FEATURES[n] for n in names)


def _max_seconds(value: Any) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not value > 0:
        raise ArgumentError(
            f"max_seconds={value!r}: pass the CPU seconds one article may take (a number "
            "over 0), or None for no limit"
        )
    return float(value)


def _chunk_size(asked: int | None, total: int | None, workers: int) -> int:
    if asked is not None:
        if not isinstance(asked, int) or asked < 1:
            raise ArgumentError(f"chunk_size={asked!r}: pass a number of articles, at least 1")
        return asked
    if total is None:
        return MAX_CHUNK
    # Four chunks per worker at least, so that uneven chunks still share out evenly.
    return max(MIN_CHUNK, min(MAX_CHUNK, -(-total // (4 * workers)) if total else MAX_CHUNK))


def _settings(corpus, plan, chosen, max_chars, size, files, file_hashes) -> dict[str, Any]:
    rules = corpus.cleaning_rules if plan is None else plan.rules
    rules_text = "\n".join(
        f"{r.name}\t{r.category}\t{r.pattern.pattern}\t{r.max_chars}" for r in rules
    )
    load = dict(plan.options) if plan is not None else {"source": corpus.source}
    if corpus.plan is not None and plan is None:
        load = dict(corpus.plan.options)
    if file_hashes:
        load["files"] = dict(file_hashes)
    return {
        "features": [f.name for f in chosen],
        "feature_functions": {f.name: _function_name(f.compute) for f in chosen},
        "max_chars": max_chars,
        "chunk_size": size,
        **{name: _store.file_entry(path) for name, path in files.items()},
        "cleaning_rules_sha256": hashlib.sha256(rules_text.encode()).hexdigest(),
        "load": json.loads(json.dumps(load, default=str)),
        "input": "as loaded in memory" if plan is None else "streamed from the source",
    }


def _function_name(function: Callable[..., Any]) -> str:
    module = getattr(function, "__module__", "?")
    return f"{module}.{getattr(function, '__qualname__', '?')}"


def _execute(
    corpus, job, size, workers, dask, start_method, progress, total, root, file_hashes
) -> list[ChunkOutput]:
    """Run every chunk; in memory, return their outputs in order."""
    bar = progress_bar(progress, total, "analysing", unit="article")
    if dask is not None:
        executor: Any = _Dask(dask, workers)
    elif workers > 1:
        executor = _Pool(workers, start_method, job)
    else:
        executor = _Serial()
    log.info(
        "analysing in chunks of %d articles with %d worker(s)%s",
        size,
        executor.workers,
        f", into {root}" if root else "",
    )
    outputs: dict[int, ChunkOutput] = {}
    pending: set = set()
    skipped = 0
    limit = max(1, executor.workers * _QUEUED_PER_WORKER)

    def collect(done: set) -> None:
        for future in done:
            try:
                output = future.result()
            except FramingError:
                raise
            except Exception as exc:
                raise FramingError(
                    f"a worker failed: {type(exc).__name__}: {exc}; no article was lost: "
                    + (f"run again with --resume to finish {root}" if root else "run again")
                ) from exc
            outputs[output.index] = output
            bar.update(output.items)

    clean = False
    try:
        index = -1
        for index, items in enumerate(_chunks(corpus, size, job.prepared)):
            # Only a results directory is resumed, so only there is the input fingerprinted.
            fingerprint = _fingerprint(items, job.prepared, file_hashes) if root else {}
            if root is not None:
                done = _store.chunk_done(root, index)
                if done is not None:
                    if done.get("fingerprint") != fingerprint["fingerprint"]:
                        raise ResultsError(
                            f"cannot resume {root}: the input changed since the first attempt "
                            f"({_what_changed(index, done, fingerprint)}). Run with the same "
                            "input, or pass overwrite=True (--overwrite) to start again"
                        )
                    outputs[index] = ChunkOutput(
                        index, done["items"], done["articles"], done["errors"]
                    )
                    skipped += 1
                    bar.update(done["items"])
                    continue
            while len(pending) >= limit:
                done_now, pending = executor.wait(pending)
                collect(done_now)
            pending.add(executor.submit(run_chunk, index, items, job, fingerprint))
        while pending:
            done_now, pending = executor.wait(pending)
            collect(done_now)
        clean = True
    finally:
        executor.close(cancel=not clean)
        bar.close()
    if skipped:
        log.info("resumed: %d of %d chunks were written already", skipped, index + 1)
    return [outputs[i] for i in range(len(outputs))]


# --------------------------------------------------------------------------- putting together


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
