"""Draw the sample of PolNeAR sources typed by hand in ``polnear_types.jsonl``.

PolNeAR marks who is the source of each attribution but not what kind of source it is.
This script draws, with a fixed seed, the sources to be typed: from the train and dev
splits, pronoun sources aside (their type is their antecedent's), at most
``--per-document`` from one document, the same number from each of the seven
publishers. About a third of the documents, drawn with the same seed, are *held out*:
their sources are typed with the rest, before any rule changes, and read only to report
(``polnear.py --types`` gives the held-out figures apart).

It writes two files:

* ``--out`` (default ``evaluation/polnear_types.jsonl``, in the repository): one line
  per source, with no PolNeAR text: ``id``, ``split``, ``doc``, ``annotator``,
  ``source`` (the gold fragments), ``heldout``, and ``type`` and ``note`` left empty
  for the reader to fill;
* ``--sheet`` (outside the repository: it quotes PolNeAR): the same lines with the
  source's text and its paragraph, for reading.

Usage (from the repository root)::

    python evaluation/polnear_types_sample.py --sheet /tmp/polnear-types-sheet.jsonl
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from polnear import DEFAULT_SHARED, POLNEAR_SUBDIR, fragments_text, load_split

#: Sources that are pronouns (or relative pronouns): typed by their antecedent, not here.
PRONOUNS = frozenset(
    [
        "he",
        "she",
        "they",
        "it",
        "i",
        "we",
        "you",
        "who",
        "which",
        "that",
        "him",
        "her",
        "them",
        "us",
        "me",
        "one",
        "this",
        "these",
        "those",
        "his",
        "its",
        "their",
        "our",
        "my",
        "your",
        "whom",
    ]
)
SEED = 20261206
HELDOUT_SHARE = 1 / 3
CONTEXT = 400


def is_pronoun(text: str) -> bool:
    words = text.lower().split()
    return len(words) == 1 and words[0].strip(".,;:'\"“”‘’()") in PRONOUNS


def heldout(doc: str) -> bool:
    """A document's fixed draw into the held-out third (by a hash of its name)."""
    digest = hashlib.sha256(f"{SEED}:{doc}".encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64 < HELDOUT_SHARE


def paragraph(text: str, start: int, end: int) -> str:
    """The paragraph around a span, cut to about CONTEXT characters each side."""
    left = text.rfind("\n", 0, start) + 1
    right = text.find("\n", end)
    right = len(text) if right < 0 else right
    left, right = max(left, start - CONTEXT), min(right, end + CONTEXT)
    return text[left:start] + "[[" + text[start:end] + "]]" + text[end:right]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--per-publisher", type=int, default=100)
    parser.add_argument("--per-document", type=int, default=6)
    parser.add_argument(
        "--out", type=Path, default=Path(__file__).resolve().parent / "polnear_types.jsonl"
    )
    parser.add_argument("--sheet", type=Path, required=True)
    args = parser.parse_args()
    root = args.shared / POLNEAR_SUBDIR
    if not (root / "data").is_dir():
        print(f"PolNeAR not found under {root}", file=sys.stderr)
        return 2
    rng = random.Random(SEED)
    by_publisher: dict[str, list[dict]] = defaultdict(list)
    for split in ("train", "dev"):
        for doc in load_split(root, split):
            seen: set = set()
            candidates = []
            for attribution in doc.attributions:
                frags = attribution.source
                if not frags or frags in seen:
                    continue
                seen.add(frags)
                text = fragments_text(doc.text, frags)
                if is_pronoun(text):
                    continue
                candidates.append((frags, text))
            rng.shuffle(candidates)
            for frags, text in candidates[: args.per_document]:
                start, end = frags[0][0], frags[-1][1]
                by_publisher[doc.publisher].append(
                    {
                        "id": f"{split}/{doc.base}#{start}-{end}",
                        "split": split,
                        "doc": doc.base,
                        "annotator": doc.annotator,
                        "source": [list(f) for f in frags],
                        "heldout": heldout(doc.base),
                        "type": "",
                        "note": "",
                        "_text": text,
                        "_context": paragraph(doc.text, start, end),
                        "_publisher": doc.publisher,
                    }
                )
    chosen = []
    for publisher in sorted(by_publisher):
        pool = by_publisher[publisher]
        rng.shuffle(pool)
        chosen += sorted(pool[: args.per_publisher], key=lambda r: r["id"])
    with (
        args.out.open("w", encoding="utf-8") as out,
        args.sheet.open("w", encoding="utf-8") as sheet,
    ):
        for row in chosen:
            sheet.write(json.dumps(row, ensure_ascii=False) + "\n")
            kept = {k: v for k, v in row.items() if not k.startswith("_")}
            out.write(json.dumps(kept, ensure_ascii=False) + "\n")
    counts = {p: min(len(v), args.per_publisher) for p, v in sorted(by_publisher.items())}
    held = sum(r["heldout"] for r in chosen)
    print(f"{len(chosen)} sources ({held} held out) from {counts}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
