"""The HTML report on a corpus of many short articles: CPU time and peak memory.

A report shows a few dozen articles, one story map and a comparison of every counted
article, so its cost should follow the comparison's resampling (linear in articles
times resamples), not the corpus squared. Each case runs in a fresh process: it builds
``--articles`` two-sentence articles from three outlets (three to a story, or with no
story labels at all), analyses them (the baseline: its CPU time is what the report is
measured against), then renders the report with :func:`framing.render_report_html`. Printed per
case: CPU time (``time.process_time``) of the analysis and of the report, the report's
ratio to the analysis, wall time beside them, and the process's peak resident memory.

Usage (from the repository root, with framing installed)::

    python benchmarks/bench_report.py                    # 5,000 articles, both cases
    python benchmarks/bench_report.py --articles 1000 --cases stories
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
import warnings

OUTLETS = ("Herald", "Post", "Courier")
VERBS = ("said", "claimed", "warned", "told reporters")


def corpus_frame(n: int, stories: bool):
    import pandas as pd

    rows = []
    for i in range(n):
        row = {
            "doc_id": f"d{i}",
            "outlet": OUTLETS[i % 3],
            "title": f"Story {i // 3} headline",
            "text": (
                f"Officials {VERBS[i % 4]} the plan {i} could fail. The council may act on "
                f"item {i % 97} soon."
            ),
        }
        if stories:
            row["story"] = f"s{i // 3}"
        rows.append(row)
    return pd.DataFrame(rows)


def one_case(n: int, stories: bool) -> dict[str, float]:
    import framing

    corpus = framing.load_corpus(corpus_frame(n, stories), version_threshold=None)
    cpu, wall = time.process_time(), time.perf_counter()
    analysis = framing.analyse(corpus)
    analyse_cpu, analyse_wall = time.process_time() - cpu, time.perf_counter() - wall
    cpu, wall = time.process_time(), time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        html = framing.render_report_html(analysis)
    return {
        "analyse_cpu": analyse_cpu,
        "analyse_wall": analyse_wall,
        "report_cpu": time.process_time() - cpu,
        "report_wall": time.perf_counter() - wall,
        "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "html_mb": len(html.encode()) / 1e6,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--cases", default="stories,no-stories")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(one_case(args.articles, args.child == "stories")))
        return 0
    print(f"render_report_html on {args.articles:,} two-sentence articles, 3 outlets")
    print(
        f"{'case':<11} {'analyse CPU':>12} {'report CPU':>11} {'ratio':>6} "
        f"{'report wall':>12} {'peak RSS':>9}"
    )
    for case in args.cases.split(","):
        out = subprocess.run(
            [sys.executable, __file__, "--articles", str(args.articles), "--child", case],
            check=True,
            capture_output=True,
            text=True,
        )
        r = json.loads(out.stdout.strip().splitlines()[-1])
        print(
            f"{case:<11} {r['analyse_cpu']:>11.1f}s {r['report_cpu']:>10.1f}s "
            f"{r['report_cpu'] / r['analyse_cpu']:>5.1f}x {r['report_wall']:>11.1f}s "
            f"{r['peak_rss_mib']:>6.0f} MiB"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
