"""Score ``framing.extract_hedges`` on the news hedge set, ``news_hedges.jsonl``.

The set (drawn by ``news_hedges_sample.py``, marked by hand against the definitions in
``evaluation/README.md``) says of each news sentence whether it is uncertain, with its
cues. Each sentence's text is read from ``../shared`` (BASIL: its file, paragraph and
sentence index in ``body-paragraphs``; PolNeAR: its offsets in the text as
:func:`framing.segment` cleans it). ``framing.extract_hedges`` reads a PolNeAR sentence
in its whole article and a BASIL sentence in its paragraph (so a quote opened in an
earlier sentence is still open, as in a corpus run); a sentence is predicted uncertain
when a hedge row of a counted category starts in it
(every category but ``approximator`` and the opt-in weasel tier, as for SUC).

Figures: precision, recall and F1 of the uncertain class over sentences, for all
sentences, for the part read while rules were written (*tuning*) and for the held-out
part; and per predicted cue lemma, how often it fired in a certain sentence.

Usage (from the repository root)::

    python evaluation/news_hedges.py [--shared PATH] [--errors FILE]

``--errors FILE`` writes the tuning part's false positives and negatives with their text:
keep it outside the repository.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
from polnear import DEFAULT_SHARED, POLNEAR_SUBDIR  # noqa: E402
from suc_wiki import DEFAULT_CATEGORIES, prf  # noqa: E402

GOLD = Path(__file__).resolve().parent / "news_hedges.jsonl"
PARTS = ("all", "tuning", "held out")


def read_gold(path: Path = GOLD) -> list[dict[str, Any]]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return [r for r in rows if r.get("uncertain") is not None]


def sentence_text(row: Mapping[str, Any], shared: Path, cache: dict[Path, Any]) -> str:
    if row["corpus"] == "basil":
        path = shared / "corpus" / "basil" / "articles" / row["doc"]
        if path not in cache:
            cache[path] = json.loads(path.read_text(encoding="utf-8"))["body-paragraphs"]
        paragraph = cache[path][row["paragraph"]]
        return paragraph[row["sentence"]] if isinstance(paragraph, list) else paragraph
    path = shared / POLNEAR_SUBDIR / "data" / row["split"] / "text" / f"{row['doc']}.txt"
    if path not in cache:
        from framing import segment

        cache[path] = segment(path.read_text(encoding="utf-8")).text
    return cache[path][row["start"] : row["end"]]


def sentence_in_context(
    row: Mapping[str, Any], shared: Path, cache: dict[Path, Any]
) -> tuple[str, int, int]:
    """The text the sentence is read in, and the sentence's span in it: a PolNeAR
    sentence in its whole article, a BASIL sentence in its paragraph (the corpus keeps
    paragraphs as lists of sentences), so that a quote opened in an earlier sentence is
    still open, as when framing reads a whole article."""
    if row["corpus"] == "basil":
        sentence_text(row, shared, cache)  # fills the cache
        path = shared / "corpus" / "basil" / "articles" / row["doc"]
        paragraph = cache[path][row["paragraph"]]
        if not isinstance(paragraph, list):
            return paragraph, 0, len(paragraph)
        before = " ".join(paragraph[: row["sentence"]])
        start = len(before) + (1 if before else 0)
        return " ".join(paragraph), start, start + len(paragraph[row["sentence"]])
    sentence_text(row, shared, cache)
    path = shared / POLNEAR_SUBDIR / "data" / row["split"] / "text" / f"{row['doc']}.txt"
    return cache[path], row["start"], row["end"]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--errors", type=Path, default=None)
    args = parser.parse_args(argv)
    if (
        not (args.shared / "corpus" / "basil").is_dir()
        or not (args.shared / POLNEAR_SUBDIR).is_dir()
    ):
        print(f"BASIL or PolNeAR not found under {args.shared}", file=sys.stderr)
        return 2
    import framing

    wanted = set(DEFAULT_CATEGORIES)
    cache: dict[Path, Any] = {}
    rows = []
    fired: Counter[str] = Counter()
    fired_certain: Counter[str] = Counter()
    read: dict[str, Any] = {}
    for g in read_gold():
        text = sentence_text(g, args.shared, cache)
        context, start, end = sentence_in_context(g, args.shared, cache)
        if context not in read:
            read[context] = framing.extract_hedges(context)
        hedges = read[context]
        inside = (hedges["start"] >= start) & (hedges["start"] < end)
        lemmas = [
            lem
            for lem, cat in zip(
                hedges["cue_lemma"][inside], hedges["cue_category"][inside], strict=True
            )
            if cat in wanted
        ]
        for lemma in lemmas:
            fired[lemma] += 1
            if not g["uncertain"]:
                fired_certain[lemma] += 1
        rows.append(
            {
                "id": g["id"],
                "part": "held out" if g.get("heldout") else "tuning",
                "gold": bool(g["uncertain"]),
                "predicted": bool(lemmas),
                "gold_cues": "; ".join(g.get("cues", [])),
                "predicted_cues": "; ".join(lemmas),
                "text": text,
            }
        )
    print("| news hedge set | sentences | uncertain | precision | recall | F1 |")
    print("|---|---|---|---|---|---|")
    for part in PARTS:
        mine = [r for r in rows if part == "all" or r["part"] == part]
        tp = sum(r["gold"] and r["predicted"] for r in mine)
        f = prf(tp, sum(r["predicted"] for r in mine), sum(r["gold"] for r in mine))
        print(
            f"| {part} | {len(mine)} | {sum(r['gold'] for r in mine)} | {f['precision']:.3f} | "
            f"{f['recall']:.3f} | {f['f1']:.3f} |"
        )
    print("\ncue lemmas that fired most in certain sentences (all parts):")
    for lemma, n in fired_certain.most_common(12):
        print(f"  {lemma}: {n} of {fired[lemma]}")
    if args.errors is not None:
        wrong = [r for r in rows if r["part"] == "tuning" and r["gold"] != r["predicted"]]
        with args.errors.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(rows[0]), delimiter="\t")
            writer.writeheader()
            writer.writerows(wrong)
        print(f"\n{len(wrong)} tuning errors written to {args.errors}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
