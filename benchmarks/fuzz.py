"""Fuzz run: 10,000 seeded documents through every feature, for crashes, offsets and time.

Each document is analysed alone (``framing.analysis._article.analyse_article``, what a
worker runs per article) with every built-in feature, and the script counts:

* **crashes**: an exception out of the analysis, or an error row that names one (a
  feature that failed); the goal is 0. Error rows that say why an article is not one
  (no sentences, not English) are answers, not crashes, and are counted apart;
* **offset violations**: a span whose offsets fall outside its text, or whose
  ``text[start:end]`` is not the span's own text (goal 0);
* **the slowest documents** against their length, in CPU time; the goal is no document
  of under 20,000 characters over 1 s.

Documents mix random unicode (controls, right-to-left text, combining marks, emoji, lone
surrogates), runs of quotation marks, text without punctuation, very long tokens and
news-like sentences, from 0 to 20,000 characters, plus 1 in 200 of 20,000 to 100,000.

Usage (from the repository root)::

    python benchmarks/fuzz.py                    # 10,000 documents, seed 0
    python benchmarks/fuzz.py --n 1000 --seed 3
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter

PIECES = [
    "The council said",
    '"We will act,"',
    "said Defence Secretary John Healey.",
    "It is understood that officials could meet,",
    "according to Reuters",
    "a spokesman told the BBC:",
    "Residents may well be moved, sources said.",
    "“",
    "”",
    '"',
    "‘",
    "’",
    "'",
    "\n\n",
    "\n",
    ". ",
    "?",
    "!",
    ":",
    "Mr.",
    "U.S.",
    "—",
    "…",
    "\u200f",
    "\u0301",
    "مرحبا بكم",
    "שלום עולם",
    "😀👍🏽",
    "\x00",
    "\x1b[31m",
    "\ud800",
    "ALL CAPS HEADLINE",
    "clearly",
]
#: Characters random text is drawn from: printable and not, several scripts, marks.
ALPHABET = (
    [chr(c) for c in range(32, 127)]
    + ["\n", "\t", "\r", "\x00", "\x0b", "\u00a0", "\u2028"]
    + [chr(c) for c in range(0x300, 0x370)]  # combining marks
    + [chr(c) for c in range(0x590, 0x600)]  # Hebrew
    + [chr(c) for c in range(0x600, 0x6FF)]  # Arabic
    + [chr(c) for c in range(0x4E00, 0x4E80)]  # CJK
    + ["😀", "👍", "🏽", "\u200d", "\ufeff", "\ud800", "\udfff"]
    + list("“”‘’«»\"'")
)
IGNORED = ("language", "segment")  # stages whose error rows say the text is no article


def document(rng: random.Random) -> str:
    kind = rng.random()
    size = rng.randint(20_000, 100_000) if rng.random() < 0.005 else rng.randint(0, 20_000)
    if kind < 0.3:
        return "".join(rng.choice(ALPHABET) for _ in range(min(size, 3_000)))
    if kind < 0.4:
        return "".join(rng.choice("\"“”'‘’ .\n") for _ in range(min(size, 5_000)))
    if kind < 0.45:
        return " ".join("word" * rng.randint(1, 500) for _ in range(max(1, size // 400)))
    if kind < 0.5:
        return " ".join(rng.choice(["council", "said", "the", "harbour"]) for _ in range(size // 7))
    parts: list[str] = []
    length = 0
    while length < size:
        piece = rng.choice(PIECES)
        parts.append(piece)
        length += len(piece) + 1
    return " ".join(parts)


def spans_ok(text: str, result) -> list[str]:
    """What is wrong with the result's spans (empty: nothing)."""
    from framing._unicode import replace_surrogates

    text, _ = replace_surrogates(text)
    problems = []
    pairs = {
        "attributions": [
            ("cue", "cue_start", "cue_end"),
            ("source", "source_start", "source_end"),
            ("content", "content_start", "content_end"),
        ],
        "hedges": [("cue", "start", "end")],
        "boosters": [("cue", "start", "end")],
        "quotes": [("text", "start", "end")],
    }
    for table, columns in pairs.items():
        for row in result.spans.get(table, []):
            for value, start, end in columns:
                s, e = row.get(start), row.get(end)
                if s is None or e is None:
                    continue
                if not 0 <= s <= e <= len(text) or text[s:e] != row.get(value):
                    problems.append(f"{table}.{value} [{s}:{e}]")
    for start, end, sentence in zip(
        result.sentences.get("start", []),
        result.sentences.get("end", []),
        result.sentences.get("text", []),
        strict=True,
    ):
        if not 0 <= start <= end <= len(text) or text[start:end] != sentence:
            problems.append(f"sentence [{start}:{end}]")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    from framing.analysis._article import analyse_article
    from framing.features import FEATURES

    features = tuple(FEATURES.values())
    rng = random.Random(args.seed)
    analyse_article("warm-up", None, "The council said it would act.", "en", features)

    crashes: list[tuple[int, str]] = []
    violations: list[tuple[int, list[str]]] = []
    answered: Counter[str] = Counter()
    timings: list[tuple[float, int, int]] = []
    started = time.perf_counter()
    cpu_started = time.process_time()
    for i in range(args.n):
        text = document(rng)
        # half declared English, half left to the language check
        language = "en" if i % 2 else None
        cpu = time.process_time()
        try:
            result = analyse_article(f"d{i}", None, text, language, features)
        except Exception as exc:  # analyse_article promises never to raise
            crashes.append((i, f"raised {type(exc).__name__}: {exc}"))
            continue
        timings.append((time.process_time() - cpu, len(text), i))
        if result.error is not None:
            stage, reason = result.error
            if stage in IGNORED or "max_chars" in reason:
                answered[stage] += 1
            else:
                crashes.append((i, f"error row from {stage}: {reason}"))
            continue
        wrong = spans_ok(text, result)
        if wrong:
            violations.append((i, wrong[:3]))
    wall = time.perf_counter() - started
    cpu_total = time.process_time() - cpu_started

    timings.sort(reverse=True)
    slow_short = [t for t in timings if t[1] < 20_000 and t[0] > 1.0]
    print(f"documents: {args.n} (seed {args.seed}); CPU {cpu_total:.1f} s, wall {wall:.1f} s")
    print(f"crashes: {len(crashes)}")
    for i, what in crashes[:10]:
        print(f"  document {i}: {what}")
    print(f"offset violations: {len(violations)}")
    for i, what in violations[:10]:
        print(f"  document {i}: {', '.join(what)}")
    print(f"answered with an error row (not an article): {dict(answered)}")
    print("slowest documents (CPU s, characters):")
    for seconds, length, i in timings[:5]:
        print(f"  document {i}: {seconds:.3f} s, {length:,} characters")
    print(f"documents under 20,000 characters over 1 s: {len(slow_short)}")
    return 1 if crashes or violations or slow_short else 0


if __name__ == "__main__":
    sys.exit(main())
