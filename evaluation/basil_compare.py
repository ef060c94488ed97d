"""framing.compare on BASIL: the three outlets, between outlets and paired within its 100
stories, for the figures the README quotes.

BASIL (Fan et al., EMNLP 2019) covers each of 100 events with one article from Fox News,
HuffPost and The New York Times, which is the design a paired comparison needs: the
story-by-story difference holds the event constant. The corpus is read from
``<shared>/corpus/basil/articles`` and never copied into the repository.

Usage (from the repository root)::

    python evaluation/basil_compare.py [--shared PATH] [--features F ...] [--out FILE.csv]

Prints, for each feature asked for (default: the README's), every outlet's row between
outlets and within stories: n, mean, difference from the pooled other outlets with its
95 % bootstrap interval, the effect size, the permutation p and the BH q. ``--out``
writes the whole comparison table. Exit codes: 0 done; 2 the BASIL folder is missing.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import framing  # noqa: E402

README_FEATURES = (
    "actor_n",
    "actor_per_1k_words",
    "attr_distinct_sources_per_1k_words",
    "attr_media_share",
    "hedge_own_voice_share",
    "sent_compound_mean",
)


def load_basil(articles: Path) -> framing.Corpus:
    """BASIL's articles as a corpus: outlet, story (the event's triplet) and body."""
    return framing.load_corpus(
        articles, text="body-paragraphs", outlet="source", story="triplet-uuid"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--features", nargs="+", default=list(README_FEATURES))
    parser.add_argument("--out", type=Path, help="write the whole comparison table (.csv)")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args(argv)
    articles = args.shared / "corpus" / "basil" / "articles"
    if not articles.is_dir():
        print(f"BASIL not found at {articles}; pass --shared PATH", file=sys.stderr)
        return 2
    started = time.perf_counter()
    corpus = load_basil(articles)
    analysis = framing.analyse(corpus, n_jobs=args.jobs)
    analysed = time.perf_counter()
    table = framing.compare(analysis)
    compared = time.perf_counter()
    if args.out:
        table.to_csv(args.out, index=False)
    counted = analysis.counted
    print(
        f"{len(counted)} articles counted, {counted['story'].nunique()} stories, "
        f"outlets: {', '.join(sorted(counted['outlet'].unique()))}; analyse "
        f"{analysed - started:.1f} s, compare {compared - analysed:.1f} s"
    )
    shown = table[table["feature"].isin(args.features)]
    columns = [
        "feature", "comparison", "outlet", "n", "mean", "reference_mean", "diff",
        "diff_ci_low", "diff_ci_high", "effect_size", "p_value", "q_value",
    ]  # fmt: skip
    with pd.option_context(
        "display.width", 200, "display.max_columns", 20, "display.float_format", "{:.3f}".format
    ):
        print(shown[columns].to_string(index=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
