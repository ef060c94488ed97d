"""Draw the sample of news sentences marked by hand in ``news_hedges.jsonl``.

The Szeged Uncertainty Corpus is Wikipedia; news hedges differently (reported speech,
forecasts, scheduled events, accusations). This script draws, with a fixed seed, the
sentences of a news hedge set: half from BASIL (the same number from each of its three
outlets), half from PolNeAR's train and dev texts (the same number from each of its seven
publishers), at most ``--per-document`` from one document, sentences of 6 words or more.
About a third of the documents, drawn with the same seed, are *held out*: their sentences
are marked with the rest, before any rule changes, and read only to report.

A BASIL sentence is located by its file and its place in ``body-paragraphs`` (paragraph
and sentence index: BASIL gives its sentences ready split); a PolNeAR sentence by its
character offsets in the text file, as :func:`framing.segment` splits it.

It writes two files:

* ``--out`` (default ``evaluation/news_hedges.jsonl``, in the repository): one line per
  sentence, with no text: ``id``, ``corpus``, where it is, ``heldout``, and
  ``uncertain``, ``cues`` and ``note`` left empty for the reader to fill;
* ``--sheet`` (outside the repository: it quotes the corpora): the same lines with the
  sentence's text, for reading.

Usage (from the repository root)::

    python evaluation/news_hedges_sample.py --sheet /tmp/news-hedges-sheet.jsonl
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
from polnear import DEFAULT_SHARED, POLNEAR_SUBDIR, load_split

SEED = 20261206
HELDOUT_SHARE = 1 / 3
MIN_WORDS = 6


def heldout(doc: str) -> bool:
    """A document's fixed draw into the held-out third (by a hash of its name)."""
    digest = hashlib.sha256(f"{SEED}:hedges:{doc}".encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64 < HELDOUT_SHARE


def basil_sentences(folder: Path) -> dict[str, list[dict]]:
    """Candidate sentences of BASIL by outlet: (file, paragraph, sentence index, text)."""
    out: dict[str, list[dict]] = defaultdict(list)
    for path in sorted(folder.rglob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        outlet = str(data.get("source", "")).lower()
        doc = path.relative_to(folder).as_posix()
        for p, paragraph in enumerate(data.get("body-paragraphs", [])):
            sentences = paragraph if isinstance(paragraph, list) else [paragraph]
            for s, sentence in enumerate(sentences):
                if len(sentence.split()) >= MIN_WORDS:
                    out[outlet].append(
                        {"doc": doc, "paragraph": p, "sentence": s, "_text": sentence}
                    )
    return out


def polnear_sentences(root: Path) -> dict[str, list[dict]]:
    """Candidate sentences of PolNeAR by publisher: (split, file, offsets, text)."""
    from framing import segment

    out: dict[str, list[dict]] = defaultdict(list)
    for split in ("train", "dev"):
        for doc in load_split(root, split):
            seg = segment(doc.text)
            for start, end in seg.sentences:
                text = seg.text[start:end]
                if len(text.split()) >= MIN_WORDS:
                    out[doc.publisher].append(
                        {"split": split, "doc": doc.base, "start": start, "end": end, "_text": text}
                    )
    return out


def draw(
    pools: dict[str, list[dict]], per_group: int, per_doc: int, rng: random.Random
) -> list[dict]:
    chosen = []
    for group in sorted(pools):
        pool = pools[group][:]
        rng.shuffle(pool)
        taken: dict[str, int] = defaultdict(int)
        picked = []
        for row in pool:
            if taken[row["doc"]] < per_doc:
                taken[row["doc"]] += 1
                picked.append({**row, "_group": group})
            if len(picked) == per_group:
                break
        chosen += picked
    return chosen


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--basil-per-outlet", type=int, default=80)
    parser.add_argument("--polnear-per-publisher", type=int, default=35)
    parser.add_argument("--per-document", type=int, default=2)
    parser.add_argument(
        "--out", type=Path, default=Path(__file__).resolve().parent / "news_hedges.jsonl"
    )
    parser.add_argument("--sheet", type=Path, required=True)
    args = parser.parse_args()
    basil = args.shared / "corpus" / "basil" / "articles"
    polnear = args.shared / POLNEAR_SUBDIR
    if not basil.is_dir() or not (polnear / "data").is_dir():
        print(f"BASIL or PolNeAR not found under {args.shared}", file=sys.stderr)
        return 2
    rng = random.Random(SEED)
    rows = []
    for row in draw(basil_sentences(basil), args.basil_per_outlet, args.per_document, rng):
        where = f"{row['doc']}#p{row['paragraph']}s{row['sentence']}"
        rows.append({"id": f"basil/{where}", "corpus": "basil", **row})
    for row in draw(polnear_sentences(polnear), args.polnear_per_publisher, args.per_document, rng):
        where = f"{row['split']}/{row['doc']}#{row['start']}-{row['end']}"
        rows.append({"id": f"polnear/{where}", "corpus": "polnear", **row})
    with (
        args.out.open("w", encoding="utf-8") as out,
        args.sheet.open("w", encoding="utf-8") as sheet,
    ):
        for row in rows:
            full = {
                **row,
                "heldout": heldout(row["doc"]),
                "uncertain": None,
                "cues": [],
                "note": "",
            }
            sheet.write(json.dumps(full, ensure_ascii=False) + "\n")
            kept = {k: v for k, v in full.items() if not k.startswith("_")}
            out.write(json.dumps(kept, ensure_ascii=False) + "\n")
    held = sum(heldout(r["doc"]) for r in rows)
    print(f"{len(rows)} sentences ({held} held out)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
