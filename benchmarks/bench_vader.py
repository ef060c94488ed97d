"""Speed benchmark: framing's VADER kernel against vaderSentiment, on every BASIL sentence.

Segments BASIL's 300 articles with framing (``framing.load_corpus`` +
``framing.segment``), then, in one process, scores every sentence with the library's
``SentimentIntensityAnalyzer().polarity_scores`` (one call per sentence, as framing did
before) and with the kernel (``VaderKernel.polarity_scores_many``, what
``framing.features.sentiment`` now calls). Both are built before the timer, so loading
the lexicon is not timed; neither keeps a cache between runs. The two alternate, the
library first in odd repetitions, and each repetition is timed with
``time.process_time`` (CPU seconds: the machine is shared and wall time swings 2–3×)
and ``time.perf_counter`` (wall, printed beside it). The script also checks that the
two give equal scores on every sentence, outside the timed region.

Usage (from the repository root)::

    python benchmarks/bench_vader.py [--basil PATH] [--repeat 5]

Figures (2026-12-06, the 2-core development machine shared with other jobs, Python
3.11, vaderSentiment 3.3.2; ``python benchmarks/bench_vader.py --repeat 5``; wall time
was about twice CPU time because of the other jobs)::

    8215 BASIL sentences, equal scores on all; 5 runs each
                      CPU best  CPU median  wall best  wall median
    vaderSentiment      0.482s      0.500s     0.950s       1.001s
    kernel              0.147s      0.152s     0.293s       0.306s
    ratio (vaderSentiment / kernel): CPU best 3.28x, CPU median 3.30x, wall best 3.25x

About 61 µs of CPU per sentence for the library and 18 µs for the kernel.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_BASIL = REPO.parent / "shared" / "corpus" / "basil" / "articles"


def basil_sentences(folder: Path) -> list[str]:
    """The text of every sentence framing segments from the BASIL articles."""
    import framing

    corpus = framing.load_corpus(
        folder,
        text="body-paragraphs",
        outlet="source",
        story="triplet-uuid",
        published="date",
        title="title",
    )
    sentences = []
    for text in corpus.articles["text"]:
        sentences += [text[s:e] for s, e in framing.segment(text).sentences]
    return sentences


def timed(run: Callable[[], object]) -> tuple[float, float]:
    """CPU and wall seconds of one call of ``run``."""
    cpu, wall = time.process_time(), time.perf_counter()
    run()
    return time.process_time() - cpu, time.perf_counter() - wall


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--basil", type=Path, default=DEFAULT_BASIL, help="BASIL's articles/")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs of each (default 5)")
    args = parser.parse_args(argv)
    if not any(args.basil.rglob("*.json")):
        sys.exit(
            f"no BASIL articles at {args.basil}: this benchmark reads ../shared/corpus/basil "
            "beside the checkout (or pass --basil PATH)"
        )
    if args.repeat < 1:
        sys.exit("--repeat must be at least 1")

    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from framing.features._vader import VaderKernel

    sentences = basil_sentences(args.basil)
    analyser = SentimentIntensityAnalyzer()
    kernel = VaderKernel(analyser)
    differ = sum(
        analyser.polarity_scores(text) != scores
        for text, scores in zip(sentences, kernel.polarity_scores_many(sentences), strict=True)
    )
    if differ:
        sys.exit(f"{differ} of {len(sentences)} sentences score differently: not benchmarking")

    runs: dict[str, Callable[[], object]] = {
        "vaderSentiment": lambda: [analyser.polarity_scores(text) for text in sentences],
        "kernel": lambda: kernel.polarity_scores_many(sentences),
    }
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in runs}
    for rep in range(args.repeat):
        order = list(runs) if rep % 2 == 0 else list(reversed(runs))
        for name in order:
            times[name].append(timed(runs[name]))

    print(f"{len(sentences)} BASIL sentences, equal scores on all; {args.repeat} runs each")
    print(f"{'':16}{'CPU best':>10}{'CPU median':>12}{'wall best':>11}{'wall median':>13}")
    for name, pairs in times.items():
        cpu = [c for c, _ in pairs]
        wall = [w for _, w in pairs]
        print(
            f"{name:16}{min(cpu):>9.3f}s{statistics.median(cpu):>11.3f}s"
            f"{min(wall):>10.3f}s{statistics.median(wall):>12.3f}s"
        )
    lib, ker = times["vaderSentiment"], times["kernel"]
    print(
        "ratio (vaderSentiment / kernel): CPU best "
        f"{min(c for c, _ in lib) / min(c for c, _ in ker):.2f}x, CPU median "
        f"{statistics.median(c for c, _ in lib) / statistics.median(c for c, _ in ker):.2f}x, "
        f"wall best {min(w for _, w in lib) / min(w for _, w in ker):.2f}x"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
