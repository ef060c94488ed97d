"""Kill-and-resume benchmark: a run SIGKILLed at random moments resumes to the same tables.

A synthetic corpus (``synthetic.py``, default 3,000 articles) is analysed once without
interruption into a reference results directory. Then, for each of ``--trials`` random
moments, a fresh run of the same command is started in its own process group and the
whole group (the command and its workers) is SIGKILLed at that moment, as a power cut
would stop it; the same command is run again with ``--resume`` to the end, and its
directory is compared with the reference: every table read back must be equal (same
rows, values and order), and the same files must be there. The moments are drawn,
seeded, over the length of an uninterrupted run, every other one in its last fifth
(where the last chunks finish and the tables are put together at the end); chunks are
small (``--chunk-size``, default 100 articles), so that kills land after every number of
chunks. Each trial reports what the kill left (chunks written, whether the tables were
being staged, or the run finished first).

Usage (from the repository root, with framing installed)::

    python benchmarks/bench_resume.py                  # 3,000 articles, 20 kills
    python benchmarks/bench_resume.py --articles 500 --trials 5 --jobs 2
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import DEFAULT_BASIL, FIELDS, write_corpus


def command(corpus: Path, out: Path, jobs: int, resume: bool, chunk: int) -> list[str]:
    cmd = [sys.executable, "-m", "framing.cli", "analyse", str(corpus), "--out", str(out)]
    for name, column in FIELDS.items():
        cmd += ["--field", f"{name}={column}"]
    cmd += ["--jobs", str(jobs), "--chunk-size", str(chunk), "--no-progress", "-q"]
    return cmd + (["--resume"] if resume else [])


def tables(root: Path) -> dict[str, pd.DataFrame]:
    found = {}
    for folder in sorted(p for p in root.rglob("*") if p.is_dir() and any(p.glob("*.parquet"))):
        found[folder.relative_to(root).as_posix()] = pd.read_parquet(folder)
    return found


def files(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


def same(reference: Path, other: Path) -> tuple[bool, str]:
    if files(reference) != files(other):
        return False, "different files"
    ref, got = tables(reference), tables(other)
    for name, table in ref.items():
        try:
            pd.testing.assert_frame_equal(table, got[name])
        except AssertionError as exc:
            return False, f"{name}: {str(exc).splitlines()[0]}"
    manifest = [json.loads((d / "manifest.json").read_text()) for d in (reference, other)]
    for m in manifest:
        m.pop("started", None), m.pop("finished", None)
    if manifest[0] != manifest[1]:
        return False, "manifests differ beyond their times"
    return True, f"{len(ref)} tables equal"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--trials", type=int, default=20)
    parser.add_argument("--jobs", type=int, default=-1)
    parser.add_argument("--chunk-size", type=int, default=100)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workdir", type=Path)
    parser.add_argument("--basil", type=Path, default=DEFAULT_BASIL)
    args = parser.parse_args(argv)
    workdir = args.workdir or Path(tempfile.gettempdir()) / "framing-bench-resume"
    workdir.mkdir(parents=True, exist_ok=True)
    corpus = workdir / f"synthetic-{args.articles}.jsonl"
    if not corpus.exists():
        write_corpus(corpus, args.articles, seed=0, basil=args.basil)
    reference = workdir / "reference"
    shutil.rmtree(reference, ignore_errors=True)
    start = time.perf_counter()
    subprocess.run(command(corpus, reference, args.jobs, False, args.chunk_size), check=True)
    length = time.perf_counter() - start
    print(f"uninterrupted run of {args.articles:,} articles: {length:.1f} s wall", flush=True)

    rng = random.Random(args.seed)
    identical = 0
    for trial in range(1, args.trials + 1):
        out = workdir / "killed"
        shutil.rmtree(out, ignore_errors=True)
        # Every other moment falls in the last fifth of the run, where the last chunks
        # finish and the tables are put together; the others anywhere in it.
        moment = rng.uniform(0.8 if trial % 2 == 0 else 0.02, 1.05) * length
        process = subprocess.Popen(
            command(corpus, out, args.jobs, False, args.chunk_size), start_new_session=True
        )
        time.sleep(moment)
        finished_first = process.poll() is not None
        if not finished_first:
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        chunks = out / "_chunks"
        written = sum(1 for p in chunks.iterdir() if p.name[:1].isdigit()) if chunks.is_dir() else 0
        staging = (out / "_staging").exists()
        subprocess.run(command(corpus, out, args.jobs, True, args.chunk_size), check=True)
        ok, detail = same(reference, out)
        identical += ok
        state = (
            "finished before the kill"
            if finished_first
            else (
                f"killed at {moment:5.1f} s: {written} chunks written"
                + (", tables being put together" if staging else "")
            )
        )
        print(
            f"trial {trial:2d}: {state}; resumed: {'identical' if ok else 'DIFFERENT'} ({detail})",
            flush=True,
        )
    print(f"\n{identical} of {args.trials} resumed runs identical to the uninterrupted run")
    return 0 if identical == args.trials else 1


if __name__ == "__main__":
    sys.exit(main())
