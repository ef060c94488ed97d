"""Evaluate ``framing.extract_hedges`` against the Szeged Uncertainty Corpus, Wikipedia.

The corpus (Szarvas et al. 2012; the re-annotation of the CoNLL-2010 shared task's
Wikipedia data, Farkas et al. 2010) is read from ``<shared>/eval/suc-wiki/wiki.xml`` and
never copied into the repository. It has 20,748 sentences; uncertainty cues are marked
``<ccue type="...">`` (epistemic, doxastic, investigation and condition classes).

Gold
    A sentence is *uncertain* when it holds at least one ``<ccue>``; its text is the
    concatenation of all its text nodes, and each cue's character span is computed in
    that text.

Prediction
    The sentences of one document are joined with a blank line between them (so each is
    its own paragraph and no sentence boundary crosses them) and the text goes through
    ``framing.extract_hedges`` once. A sentence is predicted uncertain when some hedge
    row starts inside it. By default every hedge category counts except
    ``approximator`` (the corpus does not mark vague quantities; they are Hyland's
    hedges, not the Szeged scheme's uncertainty) and the opt-in weasel tier;
    ``--categories`` changes that.

Metrics (the CoNLL-2010 task 1 metric)
    Precision, recall and F1 of the *uncertain* class over sentences. Per cue lemma:
    how many hedge rows it gave, the share of them in gold-uncertain sentences
    (sentence precision) and the share overlapping a gold cue span (cue precision).

Usage (from the repository root)::

    python evaluation/suc_wiki.py [--shared PATH] [--categories a,b,...] [--json FILE]
        [--errors FILE] [--top N]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import framing  # noqa: E402
from framing.features.hedging import HEDGE_CATEGORIES  # noqa: E402

DEFAULT_CATEGORIES: tuple[str, ...] = tuple(
    c for c in HEDGE_CATEGORIES if c not in ("approximator", "weasel")
)


@dataclass(frozen=True, slots=True)
class Sentence:
    """One gold sentence: its text and its cue spans (start, end, cue type)."""

    doc: str
    sid: str
    text: str
    cues: tuple[tuple[int, int, str], ...]

    @property
    def uncertain(self) -> bool:
        return bool(self.cues)


def _walk(element: ET.Element, parts: list[str], cues: list[tuple[int, int, str]]) -> None:
    """Append ``element``'s text to ``parts``, recording the span of every ``ccue``."""
    start = sum(map(len, parts))
    if element.text:
        parts.append(element.text)
    for child in element:
        _walk(child, parts, cues)
        if child.tail:
            parts.append(child.tail)
    if element.tag == "ccue":
        cues.append((start, sum(map(len, parts)), element.get("type", "").strip(" _")))


def parse_sentence(element: ET.Element, doc: str) -> Sentence:
    """A ``<Sentence>`` element as text plus cue spans."""
    parts: list[str] = []
    cues: list[tuple[int, int, str]] = []
    if element.text:
        parts.append(element.text)
    for child in element:
        _walk(child, parts, cues)
        if child.tail:
            parts.append(child.tail)
    return Sentence(doc, element.get("id", ""), "".join(parts), tuple(cues))


def load_corpus(path: Path) -> list[list[Sentence]]:
    """The corpus as documents, each a list of sentences in order."""
    docs: list[list[Sentence]] = []
    for document in ET.parse(path).getroot().iter("Document"):
        doc_id = (document.findtext("DocID") or "").strip()
        docs.append([parse_sentence(s, doc_id) for s in document.iter("Sentence")])
    return docs


def predict(doc: Sequence[Sentence], categories: Iterable[str]) -> list[list[tuple[int, int, str]]]:
    """The hedge rows (start, end, lemma) falling in each sentence, offsets in the sentence."""
    wanted = set(categories)
    offsets: list[int] = []
    pieces: list[str] = []
    pos = 0
    for s in doc:
        offsets.append(pos)
        pieces.append(s.text)
        pos += len(s.text) + 2
    text = "\n\n".join(pieces)
    rows = framing.extract_hedges(text, weasels="weasel" in wanted, conditionals=True)
    out: list[list[tuple[int, int, str]]] = [[] for _ in doc]
    k = 0
    for start, end, lemma, category in zip(
        rows["start"], rows["end"], rows["cue_lemma"], rows["cue_category"], strict=True
    ):
        if category not in wanted:
            continue
        while k + 1 < len(doc) and offsets[k + 1] <= start:
            k += 1
        out[k].append((start - offsets[k], end - offsets[k], lemma))
    return out


def prf(tp: int, pred: int, gold: int) -> dict[str, float]:
    p = tp / pred if pred else 0.0
    r = tp / gold if gold else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def score(
    docs: Sequence[Sequence[Sentence]], categories: Iterable[str] = DEFAULT_CATEGORIES
) -> dict[str, Any]:
    """Sentence-level P/R/F1 of the uncertain class, per-lemma precision and the errors."""
    categories = tuple(categories)
    tp = pred = gold = n = 0
    lemma_rows: Counter[str] = Counter()
    lemma_in_uncertain: Counter[str] = Counter()
    lemma_on_cue: Counter[str] = Counter()
    missed: Counter[str] = Counter()
    errors: list[dict[str, Any]] = []
    for doc in docs:
        for s, rows in zip(doc, predict(doc, categories), strict=True):
            n += 1
            gold += s.uncertain
            pred += bool(rows)
            tp += s.uncertain and bool(rows)
            for start, end, lemma in rows:
                lemma_rows[lemma] += 1
                lemma_in_uncertain[lemma] += s.uncertain
                lemma_on_cue[lemma] += any(start < ce and cs < end for cs, ce, _ in s.cues)
            if s.uncertain and not rows:
                for cs, ce, _ in s.cues:
                    missed[s.text[cs:ce].lower()] += 1
            if s.uncertain != bool(rows):
                errors.append(
                    {
                        "doc": s.doc,
                        "sentence": s.sid,
                        "error": "missed" if s.uncertain else "false_alarm",
                        "gold_cues": "|".join(s.text[a:b] for a, b, _ in s.cues),
                        "predicted": "|".join(s.text[a:b] for a, b, _ in rows),
                        "text": s.text,
                    }
                )
    per_lemma = {
        lemma: {
            "rows": count,
            "sentence_precision": lemma_in_uncertain[lemma] / count,
            "cue_precision": lemma_on_cue[lemma] / count,
        }
        for lemma, count in lemma_rows.most_common()
    }
    return {
        "sentences": n,
        "gold_uncertain": gold,
        "predicted_uncertain": pred,
        "true_positives": tp,
        **prf(tp, pred, gold),
        "categories": list(categories),
        "per_lemma": per_lemma,
        "missed_cues": dict(missed.most_common()),
        "errors": errors,
    }


def format_report(result: dict[str, Any], seconds: float, top: int) -> str:
    lines = [
        f"framing {framing.__version__} from {Path(framing.__file__).parent}",
        f"categories counted: {', '.join(result['categories'])}",
        f"{result['sentences']} sentences, {result['gold_uncertain']} uncertain in gold, "
        f"{result['predicted_uncertain']} predicted ({seconds:.1f} s)",
        "",
        "| SUC Wikipedia, uncertain sentences | precision | recall | F1 |",
        "| --- | --- | --- | --- |",
        f"| sentence level (CoNLL-2010 task 1) | {result['precision']:.3f} | "
        f"{result['recall']:.3f} | **{result['f1']:.3f}** |",
        "",
        f"Cues by rows found (top {top}): sentence precision / cue precision",
        "",
        "| lemma | rows | sentence precision | cue precision |",
        "| --- | --- | --- | --- |",
    ]
    for lemma, row in list(result["per_lemma"].items())[:top]:
        lines.append(
            f"| {lemma} | {row['rows']} | {row['sentence_precision']:.2f} | "
            f"{row['cue_precision']:.2f} |"
        )
    missed = list(result["missed_cues"].items())[:top]
    lines += ["", f"Gold cues in missed sentences (top {top}):", ""]
    lines.append(", ".join(f"{cue} {count}" for cue, count in missed))
    return "\n".join(lines)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument(
        "--categories",
        default=",".join(DEFAULT_CATEGORIES),
        help="hedge categories that make a sentence uncertain (comma-separated)",
    )
    parser.add_argument("--json", type=Path, help="write every figure as JSON")
    parser.add_argument("--errors", type=Path, help="write missed and false sentences as TSV")
    parser.add_argument("--top", type=int, default=30, help="cue rows in the report")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    path = args.shared / "eval" / "suc-wiki" / "wiki.xml"
    if not path.is_file():
        print(f"{path} not found; put the shared data folder beside the project", file=sys.stderr)
        return 2
    categories = [c.strip() for c in args.categories.split(",") if c.strip()]
    unknown = sorted(set(categories) - set(HEDGE_CATEGORIES))
    if unknown:
        print(f"unknown categories {unknown}; known: {HEDGE_CATEGORIES}", file=sys.stderr)
        return 2
    docs = load_corpus(path)
    began = time.perf_counter()
    result = score(docs, categories)
    seconds = time.perf_counter() - began
    print(format_report(result, seconds, args.top))
    if args.json:
        slim = {k: v for k, v in result.items() if k != "errors"}
        args.json.write_text(json.dumps(slim, indent=1), encoding="utf-8")
    if args.errors:
        with args.errors.open("w", encoding="utf-8") as out:
            out.write("doc\tsentence\terror\tgold_cues\tpredicted\ttext\n")
            for e in result["errors"]:
                out.write("\t".join(str(e[k]).replace("\t", " ") for k in e) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
