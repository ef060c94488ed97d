"""How each extractor's CPU time grows with an article's length.

Builds articles of several lengths from the demo paragraphs (:mod:`long_article`: the
demo articles repeated, every repetition with its own surnames and places) and measures,
for each, the CPU time (``time.process_time``: the machine may be shared, so wall time
swings) of:

* ``segment``: :func:`framing.segment`; ``view``: the token view every feature reads;
* each registered family's ``compute`` on the segmented article, in registry order, as
  :func:`framing.analyse` runs them (``actors`` reuses the attribution pass, which is
  counted under ``attribution``);
* the public extractors end to end from the text: ``extract_attributions``,
  ``extract_actors``, ``extract_hedges``, ``extract_boosters``, ``extract_emphasis``;
* ``analyse``: :func:`framing.analyse` on a one-article corpus (``max_chars=None``).

Each figure is the best of ``--repeat`` runs (textstat's per-text caches emptied before
each, so that a repeat does not find the readability of the same text). After each size
it prints the ratio to the previous size (per doubling when the sizes double): a linear
extractor stays near 2.

Usage (from the repository root)::

    python benchmarks/bench_length.py [--sizes 250,500,1000,2000] [--chars 1000000]
        [--repeat 1] [--only attribution,analyse]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))

from long_article import demo_paragraphs, long_article

import framing
from framing.features import FEATURES, ArticleInput


def _forget_texts() -> None:
    """Empty textstat's per-text caches (``lru_cache`` keyed by the whole text), so a
    repeated run computes readability again instead of finding its earlier result;
    framing's per-word syllable cache (a vocabulary, warm in any corpus run) stays."""
    for name, module in list(sys.modules.items()):
        if not name.startswith("textstat"):
            continue
        for value in vars(module).values():
            info = getattr(value, "cache_info", None)
            if info is not None and info().maxsize != 65_536:
                value.cache_clear()


def _cpu(fn: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        _forget_texts()
        t0 = time.process_time()
        fn()
        best = min(best, time.process_time() - t0)
    return best


def _families(text: str, repeat: int) -> dict[str, float]:
    """CPU per stage of one analysis, best of ``repeat`` runs of the whole sequence."""
    best: dict[str, float] = {}
    for _ in range(repeat):
        _forget_texts()
        times: dict[str, float] = {}
        t0 = time.process_time()
        seg = framing.segment(text)
        times["segment"] = time.process_time() - t0
        article = ArticleInput("long", None, seg)
        t0 = time.process_time()
        _ = article.view
        times["view"] = time.process_time() - t0
        for name, feature in FEATURES.items():
            t0 = time.process_time()
            feature.compute(article)
            times[name] = time.process_time() - t0
        for k, v in times.items():
            best[k] = min(best.get(k, float("inf")), v)
    return best


def _extractors(text: str, repeat: int) -> dict[str, float]:
    corpus = framing.load_corpus(pd.DataFrame({"text": [text], "outlet": ["x"]}))
    runs: dict[str, Callable[[], object]] = {
        "extract_attributions": lambda: framing.extract_attributions(text),
        "extract_actors": lambda: framing.extract_actors(text),
        "extract_hedges": lambda: framing.extract_hedges(text),
        "extract_boosters": lambda: framing.extract_boosters(text),
        "extract_emphasis": lambda: framing.extract_emphasis(text),
        "analyse": lambda: framing.analyse(corpus, max_chars=None),
    }
    return {name: _cpu(fn, repeat) for name, fn in runs.items()}


def _article_of(chars: int) -> tuple[int, str]:
    """The shortest generated article of at least ``chars`` characters."""
    per = len(long_article(200)) / 200
    n = max(1, int(chars / per))
    while len(long_article(n)) < chars:
        n += max(1, n // 200)
    return n, long_article(n)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="250,500,1000,2000", help="paragraph counts")
    parser.add_argument(
        "--chars", type=int, default=0, help="also one article of at least this many characters"
    )
    parser.add_argument("--repeat", type=int, default=1, help="runs per figure (best counts)")
    parser.add_argument("--only", default="", help="comma-separated columns to show")
    args = parser.parse_args(argv)

    demo_paragraphs()
    # warm-up: lexicons, VADER, the CMU dictionary, compiled patterns
    warm = long_article(20)
    _families(warm, 1)
    _extractors(warm, 1)

    sizes = [int(s) for s in args.sizes.split(",") if s]
    texts = [(n, long_article(n)) for n in sizes]
    if args.chars:
        texts.append(_article_of(args.chars))
    results: list[tuple[int, int, dict[str, float]]] = []
    for n, text in texts:
        seg = framing.segment(text)
        figures = {**_families(text, args.repeat), **_extractors(text, args.repeat)}
        results.append((n, len(text), figures))
        print(
            f"{n:>6} paragraphs  {len(text):>9,} chars  {len(seg.tokens):>7,} tokens",
            file=sys.stderr,
            flush=True,
        )
    columns = list(results[0][2])
    if args.only:
        columns = [c for c in columns if c in args.only.split(",")]
    rows = []
    for k, (n, chars, figures) in enumerate(results):
        row = {"paragraphs": n, "chars": chars}
        for c in columns:
            row[c] = round(figures[c], 3)
        rows.append(row)
        if k:
            prev_n, prev = results[k - 1][0], results[k - 1][2]
            growth = n / prev_n
            ratio = {"paragraphs": f"x{growth:g}", "chars": "ratio"}
            for c in columns:
                ratio[c] = round(figures[c] / prev[c], 2) if prev[c] > 0 else float("nan")
            rows.append(ratio)
    with pd.option_context("display.width", 250, "display.max_columns", 40):
        print("CPU seconds (time.process_time), best of", args.repeat)
        print(pd.DataFrame(rows).to_string(index=False))


if __name__ == "__main__":
    main()
