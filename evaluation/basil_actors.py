"""People merged across BASIL without an actor file: how many names became how many
actors, every cross-article merge, and the names still split.

BASIL (Fan et al., EMNLP 2019) names the same people differently by outlet ("Donald J.
Trump" in The New York Times, "Trump" alone in a HuffPost piece, "House Minority Leader
Nancy Pelosi" in Fox News). The corpus is read from ``<shared>/corpus/basil/articles``
and never copied into the repository.

Usage (from the repository root)::

    python evaluation/basil_actors.py [--shared PATH] [--out merges.csv] [--jobs N]

Prints the person names the articles gave against the person actors after merging, the
merges by kind, the names left alone (with why), and a check: person actors that are
still one name apart by a first name, a middle initial or a title (the same first name
and surname, or a surname alone beside the one full name of its story). ``--out`` writes
the merge table (``analysis.actor_merges``). Exit codes: 0 done; 2 BASIL is missing.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import framing  # noqa: E402
from evaluation.basil_compare import load_basil  # noqa: E402
from framing.analysis._actors import _parse, _title_words  # noqa: E402
from framing.features.attribution import load_attribution_lexicons  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--out", type=Path, help="write the merge table (.csv)")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args(argv)
    articles = args.shared / "corpus" / "basil" / "articles"
    if not articles.is_dir():
        print(f"BASIL not found at {articles}; pass --shared PATH", file=sys.stderr)
        return 2
    started = time.perf_counter()
    corpus = load_basil(articles)
    analysis = framing.analyse(corpus, features=["attribution", "actors"], n_jobs=args.jobs)
    actors = analysis.actors
    merges = analysis.actor_merges
    took = time.perf_counter() - started
    people = actors[actors["actor_type"] == "person"]
    # names counted on the mentions: an article whose two names merged has one actors row
    mentions = analysis.actor_mentions
    named = mentions[mentions["actor_type"] == "person"]
    print(f"BASIL: {len(analysis.articles)} articles, {corpus.articles['story'].nunique()} stories")
    print(
        f"person names as the articles gave them: {named['article_actor'].nunique()}; "
        f"person actors after merging: {named['actor'].nunique()}"
    )
    print(
        f"all actors: {mentions['article_actor'].nunique()} names -> "
        f"{mentions['actor'].nunique()} actors"
    )
    moved = merges[merges["actor"] != merges["name"]]
    print(
        f"merge table: {len(merges)} rows; {len(moved)} renamings of "
        f"{moved['name'].nunique()} names, over {int(moved['n_articles'].sum())} "
        "article-names"
    )
    for how, n in merges["how"].value_counts().items():
        print(f"  {how:<18} {n}")
    print("\nleft alone (two people share the name):")
    for _, row in merges[merges["how"] == "left alone"].iterrows():
        where = f" [story {row['story'][:8]}]" if row["story"] else ""
        print(f"  {row['name']}{where}: {row['reason']}")

    # the check: person actors still apart by a first name, middle initial or title
    lex = load_attribution_lexicons(None)
    words = _title_words(lex)
    stories = dict(zip(analysis.articles["doc_id"], analysis.articles["story"], strict=True))
    by_key: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    surnames: dict[tuple[str, str], set[str]] = defaultdict(set)  # (story, surname) -> actors
    alone: list[tuple[str, str]] = []
    left = set(
        zip(
            merges.loc[merges["how"] == "left alone", "name"],
            merges.loc[merges["how"] == "left alone", "story"],
            strict=True,
        )
    )
    for doc, actor in zip(people["doc_id"], people["actor"], strict=True):
        parsed = _parse(actor, lex, words)
        if parsed is None:
            continue
        story = str(stories.get(doc, ""))
        if parsed.first:
            by_key[(parsed.first, parsed.surname, parsed.suffix)].add(actor)
            surnames[(story, parsed.surname)].add(actor)
        elif (actor, story) not in left and (actor, "") not in left:
            alone.append((story, actor))
    split_full = {k: v for k, v in by_key.items() if len(v) > 1}
    split_surname = sorted(
        {(s, a) for s, a in alone if len(surnames.get((s, _parse(a, lex, words).surname), ())) == 1}  # type: ignore[union-attr]
    )
    print(
        f"\nstill split by a middle initial or title (same first name and surname): "
        f"{sum(len(v) for v in split_full.values())} actors in {len(split_full)} names"
    )
    for key, names in sorted(split_full.items()):
        print(f"  {key}: {sorted(names)}")
    print(
        f"still split by a first name (a surname alone beside its story's one full name): "
        f"{len(split_surname)}"
    )
    for story, actor in split_surname[:20]:
        print(f"  {actor} [story {story[:8]}]")
    print(f"\n({took:.1f} s)")
    if args.out:
        merges.to_csv(args.out, index=False)
        print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
