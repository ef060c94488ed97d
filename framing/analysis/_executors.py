"""The run's chunks handed out: the corpus cut into chunks (records, slices of a table
file, or rows of a loaded corpus), each fingerprinted so that a resumed run can tell its
input is the same; the executors that run them (this process, a process pool, a Dask
cluster); and the loop that keeps the executor busy and collects what comes back."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import pickle
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from typing import Any

import numpy as np

from .._progress import progress_bar
from ..corpus import Corpus
from ..corpus._prepare import POSITION
from ..corpus._read_slices import Slice
from ..corpus._records import LoadProblem, Record
from ..errors import ArgumentError, FramingError, ResultsError
from ..features import Feature
from . import _store
from ._chunk import ChunkOutput, Job, _warm_up, run_chunk

log = logging.getLogger(__name__)


#: Chunks queued per worker: enough to keep workers busy, few enough to keep memory flat.
_QUEUED_PER_WORKER = 2


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
