"""Story grouping at scale: CPU time, peak memory, and F1/ARI on synthetic stories.

Each synthetic story draws on one of BASIL's 100 triplets (its articles' sentences: the
topic) and has its own invented people, places and words (its event), a first day and
articles from a dozen outlets over up to three days after it. An article is made of
sentences of its triplet, sentences of its own event written from templates, and
sentences drawn from the whole of BASIL (background); a story's sentences of its triplet
are six of them drawn for it, so that two stories of one topic rarely share more than one
(drawn afresh for every article, they made articles of one topic months apart the
corpus's near-duplicate versions, chaining stories). Five stories start each day, of
five different topics, and a topic comes back only after ``GAP_DAYS`` (12 days: four
windows), as a topic recurs in the news: on any day content must tell apart stories of
different topics, and stories of one topic are far enough apart in time for the window
to tell them apart (an earlier version reused a triplet's sentences word for word for
some five stories within one window, which no grouping can separate). The corpus spans
more days as it grows (10,000 articles about 1.6 years, 100,000 about 16), as a scraped
archive would. The draw is seeded, and the true story of every article is written beside
it, so the grouping is scored too (pairwise F1 and the adjusted Rand index of
``evaluation/basil_stories.py``).

Each size runs in a fresh process: ``framing.load_corpus(FILE.jsonl)`` (read lazily)
then ``group_stories`` streams it, as ``analyse(out=...)`` would. Reported: CPU time
(``time.process_time``, the process alone: grouping uses one), wall time, the peak
resident memory of the process (``ru_maxrss``, taken before scoring; and before grouping,
once framing, pandas and pyarrow are imported), the size of the table returned (one row
per article, every string counted: ``memory_usage(deep=True)``) and, with
``--tracemalloc``, the peak of Python's allocations while grouping (slower).

Usage (from the repository root; not part of the tests)::

    python benchmarks/bench_stories.py [--sizes 10000,50000,100000] [--tracemalloc]
                                       [--read-only]

``--read-only`` streams each corpus as grouping reads it and stops there: the memory of
reading, apart from grouping's own.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from synthetic import DEFAULT_BASIL, basil_articles  # noqa: E402

_SYLLABLES = [
    "ka",
    "ro",
    "mi",
    "ten",
    "dar",
    "vel",
    "su",
    "no",
    "bri",
    "ost",
    "lan",
    "fe",
    "qui",
    "zor",
    "ha",
    "pel",
    "tum",
    "gra",
]
_TEMPLATES = (
    "{P1} said the {w1} at {PL} would be reviewed after the {w2}.",
    "Officials in {PL} confirmed that {P2} had met {P1} to discuss the {w3}.",
    "The {w1} {w4} was first reported by residents of {PL} on Tuesday.",
    "{P2}, who leads the {w2} inquiry, called the {w3} unacceptable.",
    "Critics of {P1} said the {w4} in {PL} showed the {w1} had failed.",
)


#: Stories starting each day (each of a different topic), and the days before a topic
#: (a BASIL triplet's sentences) is used again.
STORIES_PER_DAY = 5
GAP_DAYS = 12


def _word(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(parts))


def write_stories(path: Path, n: int, seed: int = 0, basil: Path = DEFAULT_BASIL) -> Path:
    """Write ``n`` articles as JSON Lines with their true ``story`` (streamed)."""
    articles = basil_articles(basil)
    by_triplet: dict[str, list[str]] = {}
    titles: dict[str, list[str]] = {}
    for a in articles:
        sents = [s for p in a["body-paragraphs"] for s in p if s.strip()]
        by_triplet.setdefault(a["triplet-uuid"], []).extend(sents)
        titles.setdefault(a["triplet-uuid"], []).append(a.get("title") or "")
    triplets = sorted(by_triplet)
    everything = [s for t in triplets for s in by_triplet[t]]
    outlets = [f"Outlet {chr(65 + i)}" for i in range(12)]
    rng = random.Random(seed)
    written = 0
    story = 0
    last_day = dict.fromkeys(triplets, -GAP_DAYS)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        while written < n:
            day = story // STORIES_PER_DAY
            if story % STORIES_PER_DAY == 0:
                today = set()
            ready = [t for t in triplets if day - last_day[t] >= GAP_DAYS and t not in today]
            topic = rng.choice(ready)
            today.add(topic)
            last_day[topic] = day
            event = {
                "P1": f"{_word(rng, 2).title()} {_word(rng, 3).title()}",
                "P2": f"{_word(rng, 2).title()} {_word(rng, 2).title()}",
                "PL": f"{_word(rng, 3).title()}",
                **{f"w{i}": _word(rng, 3) for i in range(1, 5)},
            }
            # The story's own few sentences of its topic (its wire copy, its quotes):
            # its articles share them, another story of the topic rarely more than one.
            material = rng.sample(by_triplet[topic], min(6, len(by_triplet[topic])))
            size = min(n - written, rng.choice((1, 2, 3, 3, 4, 5, 6)))
            for outlet in rng.sample(outlets, size):
                paragraphs = [
                    [rng.choice(material) for _ in range(2)],
                    [rng.choice(_TEMPLATES).format(**event) for _ in range(2)],
                    [rng.choice(everything) for _ in range(3)],
                    [rng.choice(material), rng.choice(_TEMPLATES).format(**event)],
                ]
                title = f"{event['P1']}: {rng.choice(titles[topic])}"
                record = {
                    "id": f"s-{written:07d}",
                    "source": outlet,
                    "title": title,
                    "date": (
                        f"{_date(day + rng.randrange(3))}T{rng.randrange(24):02d}:"
                        f"{rng.randrange(60):02d}:00Z"
                    ),
                    "true_story": f"t-{story:06d}",
                    "body-paragraphs": paragraphs,
                }
                out.write(json.dumps(record) + "\n")
                written += 1
            story += 1
    return path


def _date(day: int) -> str:
    import datetime as dt

    return (dt.date(2024, 1, 1) + dt.timedelta(days=day)).isoformat()


def _load(path: Path):
    """The synthetic corpus, read lazily (grouping streams it)."""
    import framing

    return framing.load_corpus(
        path,
        doc_id="id",
        text="body-paragraphs",
        outlet="source",
        title="title",
        published="date",
        # The synthetic articles reuse BASIL's sentences verbatim across stories, which
        # the corpus's version detection reads as versions of one text, chaining stories
        # of one topic across months: versions are not what is measured here.
        version_threshold=None,
    )


def read_one(path: Path) -> dict:
    """Stream one corpus file as grouping reads it (texts a chunk at a time, and what is
    kept of every article), without grouping: the reading side's memory alone."""
    from framing.analysis._story_terms import _Source

    start_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    cpu = time.process_time()
    corpus = _load(path)
    with tempfile.TemporaryDirectory() as tmp:
        source = _Source(corpus, Path(tmp))
        n = sum(len(chunk) for chunk in source.chunks())
        source.meta()
    return {
        "articles": n,
        "cpu_s": time.process_time() - cpu,
        "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "start_rss_mib": start_rss,
    }


def run_one(path: Path, use_tracemalloc: bool) -> dict:
    """Group one corpus file in this process; CPU, wall, memory and scores."""
    import tracemalloc

    import pandas as pd

    from evaluation.basil_stories import adjusted_rand_index, pairwise_scores
    from framing.analysis._stories import group_stories

    # framing, pandas and pyarrow imported: what the grouping adds is above this.
    start_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    if use_tracemalloc:
        tracemalloc.start()
    cpu, wall = time.process_time(), time.perf_counter()
    corpus = _load(path)
    stories = group_stories(corpus)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    # Before scoring, which holds every article's true story and the pairs' counts.
    peak_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    traced = tracemalloc.get_traced_memory()[1] / 2**20 if use_tracemalloc else None
    # What of that is the table returned, one row per article (each string counted).
    result = stories.memory_usage(deep=True).sum() / 2**20
    truth = {}
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            truth[record["id"]] = record["true_story"]
    gold = pd.Series(truth).reindex(stories["doc_id"]).tolist()
    precision, recall, f1 = pairwise_scores(gold, stories["story"].tolist())
    return {
        "articles": len(stories),
        "stories_true": len(set(gold)),
        "stories_found": int(stories["story"].nunique()),
        "cpu_s": cpu,
        "wall_s": wall,
        "peak_rss_mib": peak_rss,
        "start_rss_mib": start_rss,
        "tracemalloc_peak_mib": traced,
        "result_mib": result,
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "ari": adjusted_rand_index(gold, stories["story"].tolist()),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,50000,100000")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--tracemalloc", action="store_true")
    parser.add_argument(
        "--read-only",
        action="store_true",
        help="stream the corpus as grouping reads it, without grouping (its memory alone)",
    )
    parser.add_argument("--basil", type=Path, default=DEFAULT_BASIL)
    parser.add_argument("--run", type=Path, help=argparse.SUPPRESS)  # one size, in a child
    args = parser.parse_args(argv)
    if args.run is not None:
        row = read_one(args.run) if args.read_only else run_one(args.run, args.tracemalloc)
        print(json.dumps(row))
        return 0
    print("python benchmarks/bench_stories.py " + " ".join(argv or sys.argv[1:]))
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in [int(s) for s in args.sizes.split(",")]:
            path = write_stories(Path(tmp) / f"stories-{n}.jsonl", n, args.seed, args.basil)
            command = [sys.executable, __file__, "--run", str(path)]
            if args.tracemalloc:
                command.append("--tracemalloc")
            if args.read_only:
                command.append("--read-only")
            done = subprocess.run(command, capture_output=True, text=True, check=True)
            row = json.loads(done.stdout.strip().splitlines()[-1])
            rows.append(row)
            if args.read_only:
                print(
                    f"{row['articles']:>7} articles read, not grouped: CPU {row['cpu_s']:.1f} s, "
                    f"peak RSS {row['peak_rss_mib']:.0f} MiB ({row['start_rss_mib']:.0f} before)",
                    flush=True,
                )
                continue
            traced = (
                f", tracemalloc peak {row['tracemalloc_peak_mib']:.0f} MiB"
                if row["tracemalloc_peak_mib"] is not None
                else ""
            )
            print(
                f"{row['articles']:>7} articles ({row['stories_true']} stories, "
                f"{row['stories_found']} found): CPU {row['cpu_s']:.1f} s "
                f"({1000 * row['cpu_s'] / row['articles']:.2f} ms/article), wall "
                f"{row['wall_s']:.1f} s, peak RSS {row['peak_rss_mib']:.0f} MiB "
                f"({row['start_rss_mib']:.0f} before grouping; the table returned "
                f"{row['result_mib']:.0f}){traced}; "
                f"P {row['precision']:.3f} R {row['recall']:.3f} F1 {row['f1']:.3f} "
                f"ARI {row['ari']:.3f}",
                flush=True,
            )
    if len(rows) > 1:
        first, last = rows[0], rows[-1]
        scale = last["articles"] / first["articles"]
        print(
            f"{scale:.0f}x the articles: CPU {last['cpu_s'] / first['cpu_s']:.2f}x, "
            f"peak RSS {last['peak_rss_mib'] / first['peak_rss_mib']:.2f}x"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
