"""Scale benchmark: stream synthetic corpora of growing size into results directories.

For each size N it writes a synthetic corpus of N articles (``synthetic.py``: BASIL's
sentences shuffled into new articles, seeded) as JSON Lines, then runs, in a fresh
process, the command a researcher runs overnight::

    framing analyse corpus.jsonl --field ... --out DIR --jobs J --no-progress

and reports, per size:

* CPU time of the whole process tree (the command and its workers: ``os.wait4``'s
  rusage, which adds the workers the command waited for), per article, and wall time
  beside it; the machine is shared, so CPU time is the figure to compare;
* the largest single process's peak RSS (``ru_maxrss`` from ``os.wait4``), and the peak
  of the whole tree's RSS summed, sampled from ``/proc`` every 0.2 s (Linux);
* the ratio of each to the smallest size's: flat memory and linear time give 1.0.

Targets (the "Corpus scale" issue): at 100,000 articles the peak under 1.5 GiB and
within 25 % of the 10,000-article peak; time per article within 15 % of the 10,000 run.

Usage (from the repository root, with framing installed)::

    python benchmarks/bench_scale.py                          # 10,000 and 100,000
    python benchmarks/bench_scale.py --sizes 1000,10000 --jobs 2 --json scale.json

The 100,000-article run takes about an hour of CPU; the corpus files are kept in
``--workdir`` (default: a folder under the system's temporary folder) and reused.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import DEFAULT_BASIL, FIELDS, write_corpus


def _tree(pid: int) -> list[int]:
    """``pid`` and every process descended from it (Linux /proc)."""
    parents: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        parents.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo.extend(parents.get(current, []))
    return found


def _rss_kib(pid: int) -> int:
    try:
        for line in (Path("/proc") / str(pid) / "status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


class _Sampler(threading.Thread):
    """Samples the RSS of a process tree: the peak of the sum, and of the parent."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.peak_tree = 0
        self.peak_parent = 0
        self.most_processes = 0
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            pids = _tree(self.pid)
            sizes = [_rss_kib(p) for p in pids]
            self.peak_tree = max(self.peak_tree, sum(sizes))
            self.peak_parent = max(self.peak_parent, _rss_kib(self.pid))
            self.most_processes = max(self.most_processes, len(pids))
            time.sleep(0.2)


def _loadavg() -> str:
    try:
        return Path("/proc/loadavg").read_text().split(" ", 3)[:3].__str__()
    except OSError:
        return "unknown"


def run_size(n: int, jobs: int, chunk: int | None, workdir: Path, basil: Path) -> dict[str, Any]:
    corpus = workdir / f"synthetic-{n}.jsonl"
    if not corpus.exists():
        print(f"writing {n:,} synthetic articles to {corpus}", flush=True)
        write_corpus(corpus, n, seed=0, basil=basil)
    out = workdir / f"results-{n}"
    shutil.rmtree(out, ignore_errors=True)
    command = [sys.executable, "-m", "framing.cli", "analyse", str(corpus), "--out", str(out)]
    for name, column in FIELDS.items():
        command += ["--field", f"{name}={column}"]
    command += ["--jobs", str(jobs), "--no-progress", "-q"]
    if chunk:
        command += ["--chunk-size", str(chunk)]
    load_before = _loadavg()
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    sampler = _Sampler(process.pid)
    sampler.start()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    sampler.stop.set()
    sampler.join()
    if status != 0:
        sys.exit(f"framing analyse failed on {n:,} articles (status {status})")
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    cpu = usage.ru_utime + usage.ru_stime
    return {
        "articles": n,
        "analysed": manifest["tables"]["articles"]["rows"],
        "errors": manifest["tables"]["errors"]["rows"],
        "cpu_s": cpu,
        "wall_s": wall,
        "cpu_ms_per_article": 1000 * cpu / n,
        "wall_ms_per_article": 1000 * wall / n,
        "largest_process_peak_mib": usage.ru_maxrss / 1024,
        "tree_peak_mib": sampler.peak_tree / 1024,
        "parent_peak_mib": sampler.peak_parent / 1024,
        "processes": sampler.most_processes,
        "loadavg_before": load_before,
        "loadavg_after": _loadavg(),
        "results_mib": sum(p.stat().st_size for p in out.rglob("*") if p.is_file()) / 2**20,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,100000", help="comma-separated corpus sizes")
    parser.add_argument("--jobs", type=int, default=-1, help="worker processes (-1: all cores)")
    parser.add_argument("--chunk-size", type=int, help="articles per chunk (framing's default)")
    parser.add_argument("--workdir", type=Path, help="where corpora and results go")
    parser.add_argument("--basil", type=Path, default=DEFAULT_BASIL)
    parser.add_argument("--json", type=Path, help="also write the results as JSON")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    workdir = args.workdir or Path(tempfile.gettempdir()) / "framing-bench-scale"
    workdir.mkdir(parents=True, exist_ok=True)
    print(
        f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, "
        f"Python {platform.python_version()}; jobs {args.jobs}; work in {workdir}"
    )
    rows = []
    for n in sizes:
        row = run_size(n, args.jobs, args.chunk_size, workdir, args.basil)
        rows.append(row)
        print(
            f"{n:>9,} articles: CPU {row['cpu_s']:8.1f} s "
            f"({row['cpu_ms_per_article']:.2f} ms/article), wall {row['wall_s']:7.1f} s; "
            f"peak RSS largest process {row['largest_process_peak_mib']:.0f} MiB, "
            f"tree {row['tree_peak_mib']:.0f} MiB, parent {row['parent_peak_mib']:.0f} MiB "
            f"(load {row['loadavg_before']} -> {row['loadavg_after']})",
            flush=True,
        )
    base = rows[0]
    print()
    print(
        "| articles | CPU s | CPU ms/article | × first | wall s | wall ms/article | "
        "largest process peak MiB | × first | process tree peak MiB | × first |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    for row in rows:
        print(
            f"| {row['articles']:,} | {row['cpu_s']:.0f} | {row['cpu_ms_per_article']:.2f} | "
            f"{row['cpu_ms_per_article'] / base['cpu_ms_per_article']:.2f} | {row['wall_s']:.0f} | "
            f"{row['wall_ms_per_article']:.2f} | {row['largest_process_peak_mib']:.0f} | "
            f"{row['largest_process_peak_mib'] / base['largest_process_peak_mib']:.2f} | "
            f"{row['tree_peak_mib']:.0f} | {row['tree_peak_mib'] / base['tree_peak_mib']:.2f} |"
        )
    if args.json:
        args.json.write_text(json.dumps({"jobs": args.jobs, "results": rows}, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
