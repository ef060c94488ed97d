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

Here: :func:`analyse`, which checks its arguments, writes the run's settings and puts
the steps together. The task a worker runs on one chunk is in ``_chunk``; the corpus cut
into chunks and handed to this process, a process pool or Dask, in ``_executors``; the
chunks' tables put together, in memory or on disk, in ``_assemble``.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from collections.abc import Callable, Iterable
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..corpus import Corpus
from ..errors import ArgumentError, ResultsError
from ..features import FEATURES, Feature, check_options
from . import _store
from ._article import DEFAULT_MAX_CHARS, DEFAULT_MAX_SECONDS
from ._assemble import (
    _assemble_in_memory,
    _assemble_on_disk,
    _Chunks,
    _DiskChunks,
    _give_back_memory,
    _MemoryChunks,
    _resolution,
)
from ._chunk import Job
from ._executors import _check_picklable, _execute, _workers
from ._result import Analysis
from ._stories import DEFAULT_THRESHOLD, DEFAULT_WINDOW, check_grouping
from ._story_source import (
    StorySource,
    check_stories,
    stories_setting,
    with_stories,
)
from ._tables import Schema

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["analyse"]


log = logging.getLogger(__name__)

#: Articles per chunk at most: the unit a worker analyses, writes and a resumed run skips.
MAX_CHUNK = 500
#: Articles per chunk at least, where a small corpus is cut up to keep every worker busy.
MIN_CHUNK = 25


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
    stories: StorySource | pd.DataFrame = "auto",
    story_window: float = DEFAULT_WINDOW,
    story_threshold: float = DEFAULT_THRESHOLD,
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
        stories: Where the stories come from: ``"auto"`` keeps the corpus's story
            labels and, where no article has one, groups the articles into stories
            by content and date (:func:`framing.group_stories`; the analysis's notes
            say so); ``"given"`` never groups; ``"grouped"`` groups even a labelled
            corpus, keeping its labels in ``story_given``; or a table with ``doc_id``
            and ``story`` columns, each article's story (:func:`framing.group_stories`'s
            output with settings of your own, or a grouping corrected by hand: its
            articles are ``grouped``, another table's ``given``). ``articles.story_source``
            says ``given`` or ``grouped``.
        story_window: The grouping's window in days (:func:`framing.group_stories`).
        story_threshold: The grouping's threshold, a cosine in (0, 1]; higher gives
            smaller stories (see the README's "Stories" for what it does on BASIL).
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
    stories = check_stories(stories)
    story_window, story_threshold = check_grouping(story_window, story_threshold, "story_")
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
    settings["stories"] = stories_setting(stories, story_window, story_threshold)
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
                return with_stories(
                    _store.open_analysis(root), stories, story_window, story_threshold
                )
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
        # The stories go in before the run is complete: a run stopped while they are
        # grouped or written is resumed from its chunks, its tables made again.
        _store.finish_manifest(root, manifest, counts, status=_store.STORIES_PENDING)
        with_stories(_store.reopen(root), stories, story_window, story_threshold)
        _store.mark_complete(root)
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
    return with_stories(analysis, stories, story_window, story_threshold)


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
