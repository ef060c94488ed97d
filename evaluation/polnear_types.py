"""Source types against the typed PolNeAR sources of ``polnear_types.jsonl``.

Each line of the gold file is one PolNeAR source (train or dev, pronouns aside) typed by
hand against the README's definitions (``person``, ``organisation``, ``anonymous``,
``media``; ``unclear`` for a span that is no source, left out of every figure). The
extractor runs on each document holding a typed source; a gold source is *found* when a
predicted source span overlaps it by at least one character (the predicted span with the
largest overlap gives its type; ties go to the earlier one). Figures:

* **found**: found gold sources over gold sources;
* **type accuracy**: found sources whose predicted type equals the gold type, over
  found sources;
* **named against anonymous**: the same with ``person`` and ``organisation`` taken as
  one class (*named*), against ``anonymous``, against ``media``;
* the **confusion matrix**, gold type by predicted type (``missed`` where not found).

Each is given for every typed source, for the part read while rules were written
(*tuning*) and for the held-out part (documents drawn before any rule changed, read only
to report). Run by ``polnear.py`` after its span figures, or alone::

    python evaluation/polnear_types.py [--shared PATH] [--errors FILE]

``--errors FILE`` writes the missed and mistyped sources of the tuning part, with
PolNeAR text: keep it outside the repository.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
from polnear import DEFAULT_SHARED, POLNEAR_SUBDIR, Doc, fragments_text, load_split

GOLD = Path(__file__).resolve().parent / "polnear_types.jsonl"
TYPES = ("person", "organisation", "anonymous", "media")
NAMED = {"person": "named", "organisation": "named", "anonymous": "anonymous", "media": "media"}
PARTS = ("all", "tuning", "held out")


def read_gold(path: Path = GOLD) -> list[dict[str, Any]]:
    """The typed sources, ``unclear`` ones left out."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return [r for r in rows if r.get("type") in TYPES]


def _predicted(frame: Any) -> list[tuple[int, int, str]]:
    if frame is None or len(frame) == 0:
        return []
    out = []
    for start, end, kind in zip(
        frame["source_start"], frame["source_end"], frame["source_type"], strict=True
    ):
        if not (pd.isna(start) or pd.isna(end)) and int(end) > int(start):  # a span
            out.append((int(start), int(end), str(kind)))
    return out


def _best(gold: Sequence[Sequence[int]], predicted: list[tuple[int, int, str]]) -> str | None:
    best, best_overlap = None, 0
    for start, end, kind in predicted:
        overlap = sum(max(0, min(end, b) - max(start, a)) for a, b in gold)
        if overlap > best_overlap:
            best, best_overlap = kind, overlap
    return best


def score_types(
    gold: Sequence[Mapping[str, Any]],
    docs: Mapping[str, Doc],
    extract: Callable[[str], Any],
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Figures per part, and one row per gold source (with what was predicted)."""
    predictions: dict[str, list[tuple[int, int, str]]] = {}
    rows = []
    for g in gold:
        key = f"{g['split']}/{g['doc']}"
        doc = docs[key]
        if key not in predictions:
            predictions[key] = _predicted(extract(doc.text))
        predicted = _best(g["source"], predictions[key])
        rows.append(
            {
                "id": g["id"],
                "part": "held out" if g.get("heldout") else "tuning",
                "gold": g["type"],
                "predicted": predicted or "missed",
                "text": fragments_text(doc.text, tuple(tuple(f) for f in g["source"])),
                "note": g.get("note", ""),
            }
        )
    figures = {}
    for part in PARTS:
        mine = [r for r in rows if part == "all" or r["part"] == part]
        found = [r for r in mine if r["predicted"] != "missed"]
        figures[part] = {
            "sources": len(mine),
            "found": len(found),
            "found_share": len(found) / len(mine) if mine else None,
            "type_accuracy": (
                sum(r["gold"] == r["predicted"] for r in found) / len(found) if found else None
            ),
            "named_accuracy": (
                sum(NAMED[r["gold"]] == NAMED.get(r["predicted"]) for r in found) / len(found)
                if found
                else None
            ),
            "confusion": {
                t: dict(Counter(r["predicted"] for r in mine if r["gold"] == t)) for t in TYPES
            },
        }
    return figures, rows


def format_types(figures: Mapping[str, Any]) -> str:
    """The figures as Markdown tables."""

    def pct(x: float | None) -> str:
        return "n/a" if x is None else f"{x:.3f}"

    lines = [
        "| typed PolNeAR sources | sources | found | type accuracy | named vs anonymous vs media |",
        "|---|---|---|---|---|",
    ]
    for part in PARTS:
        f = figures[part]
        lines.append(
            f"| {part} | {f['sources']} | {pct(f['found_share'])} ({f['found']}) | "
            f"{pct(f['type_accuracy'])} | {pct(f['named_accuracy'])} |"
        )
    columns = [*TYPES, "missed"]
    lines += ["", "| gold \\ predicted (all) | " + " | ".join(columns) + " |"]
    lines.append("|---" * (len(columns) + 1) + "|")
    for t in TYPES:
        counts = figures["all"]["confusion"][t]
        lines.append(f"| {t} | " + " | ".join(str(counts.get(c, 0)) for c in columns) + " |")
    return "\n".join(lines)


def load_docs(root: Path, gold: Sequence[Mapping[str, Any]]) -> dict[str, Doc]:
    wanted = {(g["split"], g["doc"]) for g in gold}
    docs = {}
    for split in sorted({s for s, _ in wanted}):
        for doc in load_split(root, split):
            if (split, doc.base) in wanted:
                docs[f"{split}/{doc.base}"] = doc
    return docs


def write_errors(path: Path, rows: Sequence[Mapping[str, Any]]) -> int:
    wrong = [r for r in rows if r["part"] == "tuning" and r["gold"] != r["predicted"]]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(
            handle, fieldnames=list(wrong[0]) if wrong else ["id"], delimiter="\t"
        )
        writer.writeheader()
        writer.writerows(wrong)
    return len(wrong)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--errors", type=Path, default=None)
    args = parser.parse_args(argv)
    root = args.shared / POLNEAR_SUBDIR
    if not (root / "data").is_dir():
        print(f"PolNeAR not found under {root}", file=sys.stderr)
        return 2
    import framing

    gold = read_gold()
    figures, rows = score_types(gold, load_docs(root, gold), framing.extract_attributions)
    print(format_types(figures))
    if args.errors is not None:
        n = write_errors(args.errors, rows)
        print(f"\n{n} missed or mistyped tuning sources written to {args.errors}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
