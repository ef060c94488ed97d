"""Evaluate ``framing.extract_attributions`` against PolNeAR (Newell et al., LREC 2018).

PolNeAR annotates attributions in US political news (2016) as brat standoff: each ``E``
event is one attribution with up to three roles, ``Source``, ``Cue`` and ``Content``
(``Content2`` and any other digit-suffixed role are merged into their base role). The
corpus is read from ``<shared>/eval/polnear/data/<split>/`` and never copied into the
repository.

Gold annotation
    Some documents were annotated by several annotators (one ``.ann`` file each, named
    ``<base>_<annotator>.ann``). Exactly one is used per document: the one whose
    annotator suffix is lexicographically smallest. Spans come from the offsets, never
    from the text field of a ``T`` line (which may run over several physical lines).
    An attribution without a ``Source`` role has no source, whatever its event type.

Spans
    Offsets are character offsets, end exclusive. A gold span may be discontinuous (a
    tuple of fragments). Spans are counted *distinct per document* on both sides: the
    predicted cue and source spans are the distinct ``(start, end)`` pairs of the rows
    that have one (``end > start``); the gold cue and source spans are the distinct
    fragment tuples of the attributions that have that role (PolNeAR sometimes lets
    two attributions share one source). Matching is not one-to-one: a predicted span
    counts as correct if it matches *some* gold span, and a gold span as found if
    *some* predicted span matches it.

Metrics (micro: numerators and denominators are summed over documents)
    * **Attribution detection (cue overlap).** Precision = share of predicted cue spans
      that overlap some gold cue span; recall = share of gold cue spans overlapped by
      some predicted cue span. Overlap = at least one character in common, with any
      fragment of a discontinuous gold span.
    * **Source span, any overlap.** The same with source spans: precision = share of
      predicted source spans that overlap some gold source span; recall = share of gold
      source spans (of attributions that have a source) overlapped by some predicted
      source span.
    * **Source span, exact.** As above, but a match needs equal boundaries. Both spans
      are first trimmed: a gold span is taken as ``(min start, max end)`` of its
      fragments; then, on both sides, leading and trailing whitespace and trailing
      punctuation (Unicode category ``P*``: ``. , ; : ! ?``, quotes, brackets, dashes)
      are stripped. Exact if the trimmed ``(start, end)`` pairs are equal.
    * F1 = 2PR / (P + R), 0 when P + R = 0.

Speech subset
    A gold attribution is a *speech* attribution if (a) some whitespace token of its cue
    text, lowercased and stripped of leading/trailing punctuation, is in
    ``framing.features.attribution.speech_cue_forms()``; or (b) its cue text (lowercased,
    whitespace collapsed) contains ``according to``; or (c) its content, after leading
    whitespace, opens with a quote mark (``"`` ``“`` ``‘`` ``'``). A gold span is in the
    subset if any attribution it belongs to is. For the subset only *recall* is
    restricted; the precision reported beside it (and used in its F1) is the precision
    over all predictions, since predictions carry no gold label to restrict them by.

Per publisher (``publisher`` column of ``metadata.tsv``)
    Documents, words (whitespace-separated tokens of the text), gold attributions per
    1,000 words and predicted attributions (rows of the extractor's DataFrame) per
    1,000 words.

Usage (from the repository root)::

    python evaluation/polnear.py [--split dev|train] [--shared PATH] [--limit N]
        [--json FILE] [--errors FILE]

``--errors FILE`` writes a TSV of source-span errors (any-overlap criterion): false
negatives (gold source spans no prediction overlaps) and false positives (predicted
source spans overlapping no gold source), with the span text, ±80 characters of context
and the gold or predicted cue. It contains PolNeAR text: keep it outside the repository.

Exit codes: 0 scored; 1 ``framing.extract_attributions`` is not available (gold figures
are printed); 2 the PolNeAR folder is missing.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import time
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

REPO = Path(__file__).resolve().parent.parent
DEFAULT_SHARED = REPO.parent / "shared"
POLNEAR_SUBDIR = Path("eval") / "polnear"
SPLITS = ("dev", "train")
CONTEXT_CHARS = 80

#: Quote marks that make a content span "speech" when it opens with one.
QUOTE_OPENERS = ('"', "“", "‘", "'")

#: Used only when ``framing.features.attribution.speech_cue_forms`` cannot be imported;
#: a warning is printed and the report names the lexicon, so such a run is recognisable.
FALLBACK_SPEECH_FORMS = frozenset(
    {
        "say", "says", "said", "saying",
        "tell", "tells", "told", "telling",
        "write", "writes", "wrote", "written", "writing",
        "tweet", "tweets", "tweeted",
        "add", "adds", "added",
        "ask", "asks", "asked",
        "state", "states", "stated",
        "announce", "announces", "announced",
        "claim", "claims", "claimed",
        "declare", "declares", "declared",
    }
)  # fmt: skip

Span = tuple[int, int]
#: A possibly discontinuous span: its fragments, sorted; ``()`` when the role is absent.
Fragments = tuple[Span, ...]

_T_LINE = re.compile(r"^(T\d+)\t(\S+) ([0-9; ]+)\t")
_E_LINE = re.compile(r"^(E\d+)\t(.*)$")
_ROLE_DIGITS = re.compile(r"\d+$")


# --------------------------------------------------------------------------- records


@dataclass(frozen=True)
class Attribution:
    """One gold attribution (one brat ``E`` event).

    Attributes:
        id: The event id, e.g. ``"E3"``.
        kind: The event type (``"Attribution"`` or ``"Attribution-no-source"``).
        source: Fragments of the Source role; ``()`` when absent.
        cue: Fragments of the Cue role; ``()`` when absent.
        content: Fragments of the Content role(s), ``Content2`` merged in; ``()`` when absent.
    """

    id: str
    kind: str
    source: Fragments = ()
    cue: Fragments = ()
    content: Fragments = ()

    @property
    def has_source(self) -> bool:
        """Whether the attribution has a Source role."""
        return bool(self.source)


@dataclass(frozen=True)
class Doc:
    """One PolNeAR document with the one annotation used for it.

    Attributes:
        base: The file stem shared by the ``.txt`` and ``.ann`` files.
        text: The article text (the offsets refer to it).
        attributions: Gold attributions from the chosen annotator's file.
        annotator: The chosen annotator's suffix.
        annotators: Every annotator suffix found for the document, sorted.
        publisher: From ``metadata.tsv`` (``"unknown"`` when not listed).
    """

    base: str
    text: str
    attributions: tuple[Attribution, ...]
    annotator: str
    annotators: tuple[str, ...] = ()
    publisher: str = "unknown"

    @property
    def words(self) -> int:
        """Whitespace-separated tokens of the text."""
        return len(self.text.split())


@dataclass
class Prediction:
    """The spans of one document's extractor output, distinct and sorted.

    Attributes:
        rows: Number of rows (predicted attributions).
        cues: Distinct predicted cue spans.
        sources: Distinct predicted source spans.
        cue_of_source: For each source span, the cue texts of the rows that carry it.
        kinds: Rows per ``kind`` value (when the column exists).
    """

    rows: int
    cues: list[Span]
    sources: list[Span]
    cue_of_source: dict[Span, list[str]] = field(default_factory=dict)
    kinds: Counter[str] = field(default_factory=Counter)
    contents: list[tuple[Span, Span]] = field(default_factory=list)  # (cue, content)


# --------------------------------------------------------------------------- parsing


def _parse_offsets(field_: str) -> Fragments:
    """``"10 20;25 40"`` -> ``((10, 20), (25, 40))`` (sorted, empty fragments dropped)."""
    frags = []
    for part in field_.split(";"):
        bits = part.split()
        if len(bits) != 2:
            raise ValueError(f"bad brat offsets: {field_!r}")
        start, end = int(bits[0]), int(bits[1])
        if end > start:
            frags.append((start, end))
    return tuple(sorted(frags))


def parse_ann(text: str) -> list[Attribution]:
    """Parse a brat standoff file into attributions, one per ``E`` line, in file order.

    ``T`` lines give typed spans (possibly discontinuous, ``10 20;25 40``); ``E`` lines
    name a trigger and roles, and may come before the ``T`` lines they refer to. The text
    field of a ``T`` line is ignored (it may continue over several physical lines, which
    are skipped like ``#`` notes and any other line kind). Roles with a digit suffix
    (``Content2``) are merged into their base role. A role naming an unknown ``T`` id is
    dropped.

    Args:
        text: The content of a ``.ann`` file.

    Returns:
        The attributions, with sorted fragment tuples for source, cue and content.
    """
    spans: dict[str, Fragments] = {}
    events: list[tuple[str, str, list[tuple[str, str]]]] = []
    for line in text.splitlines():
        if m := _T_LINE.match(line):
            spans[m.group(1)] = _parse_offsets(m.group(3))
        elif m := _E_LINE.match(line):
            fields = m.group(2).split()
            if not fields:
                continue
            kind = fields[0].split(":", 1)[0]
            roles = []
            for arg in fields[1:]:
                role, _, ref = arg.partition(":")
                roles.append((_ROLE_DIGITS.sub("", role), ref))
            events.append((m.group(1), kind, roles))
    out = []
    for event_id, kind, roles in events:
        merged: dict[str, set[Span]] = defaultdict(set)
        for role, ref in roles:
            if ref in spans:
                merged[role].update(spans[ref])
        out.append(
            Attribution(
                id=event_id,
                kind=kind,
                source=tuple(sorted(merged.get("Source", ()))),
                cue=tuple(sorted(merged.get("Cue", ()))),
                content=tuple(sorted(merged.get("Content", ()))),
            )
        )
    return out


def pick_annotator(annotators: Iterable[str]) -> str:
    """The annotator whose annotation is used: the lexicographically smallest suffix."""
    return min(annotators)


def split_ann_name(name: str) -> tuple[str, str]:
    """``"nyt_2016-10-01_x_4b22.ann"`` -> ``("nyt_2016-10-01_x", "4b22")``."""
    stem = name.removesuffix(".ann")
    base, _, annotator = stem.rpartition("_")
    return base, annotator


def read_publishers(metadata: Path) -> dict[str, str]:
    """``filename`` -> ``publisher`` from PolNeAR's ``metadata.tsv`` (empty if missing)."""
    if not metadata.is_file():
        return {}
    with metadata.open(encoding="utf-8", newline="") as fh:
        return {row["filename"]: row["publisher"] for row in csv.DictReader(fh, delimiter="\t")}


def load_split(root: Path, split: str) -> list[Doc]:
    """Load the documents of one split that have a gold annotation, sorted by name.

    Args:
        root: The PolNeAR folder (the one holding ``data/``).
        split: ``"dev"`` or ``"train"``.

    Returns:
        One :class:`Doc` per ``.txt`` file with at least one ``.ann`` file, using the
        annotation of the lexicographically smallest annotator suffix.
    """
    data = root / "data" / split
    by_base: dict[str, dict[str, Path]] = defaultdict(dict)
    for path in (data / "attributions").glob("*.ann"):
        base, annotator = split_ann_name(path.name)
        by_base[base][annotator] = path
    publishers = read_publishers(root / "data" / "metadata.tsv")
    docs = []
    for text_path in sorted((data / "text").glob("*.txt")):
        base = text_path.stem
        if base not in by_base:
            continue
        files = by_base[base]
        annotator = pick_annotator(files)
        docs.append(
            Doc(
                base=base,
                text=text_path.read_text(encoding="utf-8"),
                attributions=tuple(parse_ann(files[annotator].read_text(encoding="utf-8"))),
                annotator=annotator,
                annotators=tuple(sorted(files)),
                publisher=publishers.get(base, "unknown"),
            )
        )
    return docs


# --------------------------------------------------------------------------- spans


def _is_punct(ch: str) -> bool:
    return unicodedata.category(ch).startswith("P")


def strip_punct(token: str) -> str:
    """Remove leading and trailing punctuation (Unicode category ``P*``)."""
    start, end = 0, len(token)
    while start < end and _is_punct(token[start]):
        start += 1
    while end > start and _is_punct(token[end - 1]):
        end -= 1
    return token[start:end]


def fragments_text(text: str, frags: Fragments) -> str:
    """The text of a (possibly discontinuous) span, fragments joined by a space."""
    return " ".join(text[s:e] for s, e in frags)


def overlaps(a: Fragments, b: Fragments) -> bool:
    """Whether two spans share at least one character (any fragment with any fragment)."""
    return any(max(s1, s2) < min(e1, e2) for s1, e1 in a for s2, e2 in b)


def trim_span(text: str, start: int, end: int) -> Span:
    """Strip leading whitespace, and trailing whitespace and punctuation, from a span."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or _is_punct(text[end - 1])):
        end -= 1
    return start, end


def exact_key(text: str, frags: Fragments) -> Span:
    """The boundaries compared by the exact criterion: trimmed ``(min start, max end)``."""
    return trim_span(text, frags[0][0], frags[-1][1])


def is_speech(attr: Attribution, text: str, speech_forms: frozenset[str]) -> bool:
    """Whether a gold attribution belongs to the speech subset (see the module docstring).

    Args:
        attr: The gold attribution.
        text: The document text its offsets refer to.
        speech_forms: Lowercase word forms of reporting verbs of speech or writing.
    """
    if attr.cue:
        cue = fragments_text(text, attr.cue).lower()
        if any(strip_punct(tok) in speech_forms for tok in cue.split()):
            return True
        if "according to" in " ".join(cue.split()):
            return True
    if attr.content:
        opening = text[attr.content[0][0] : attr.content[-1][1]].lstrip()
        if opening.startswith(QUOTE_OPENERS):
            return True
    return False


# --------------------------------------------------------------------------- predictions

PREDICTION_COLUMNS = ("cue_start", "cue_end", "source_start", "source_end")


def _spans(frame: pd.DataFrame, start: str, end: str) -> list[Span | None]:
    out: list[Span | None] = []
    for s, e in zip(frame[start].tolist(), frame[end].tolist(), strict=True):
        if pd.isna(s) or pd.isna(e) or int(e) <= int(s):
            out.append(None)
        else:
            out.append((int(s), int(e)))
    return out


def predicted_spans(frame: pd.DataFrame, text: str) -> Prediction:
    """Collect the distinct cue and source spans of one document's extractor output.

    Args:
        frame: The DataFrame returned by ``framing.extract_attributions(text)``.
        text: The text it was run on (for the cue texts of the error file).

    Raises:
        ValueError: A column the scorer needs is missing.
    """
    missing = [c for c in PREDICTION_COLUMNS if c not in frame.columns]
    if missing:
        raise ValueError(f"extractor output lacks columns: {', '.join(missing)}")
    cues = _spans(frame, "cue_start", "cue_end")
    sources = _spans(frame, "source_start", "source_end")
    cue_of_source: dict[Span, list[str]] = defaultdict(list)
    for cue, source in zip(cues, sources, strict=True):
        if source is not None:
            label = text[cue[0] : cue[1]] if cue is not None else ""
            if label not in cue_of_source[source]:
                cue_of_source[source].append(label)
    kinds: Counter[str] = Counter()
    if "kind" in frame.columns:
        kinds.update("<NA>" if pd.isna(k) else str(k) for k in frame["kind"].tolist())
    contents = []
    if "content_start" in frame.columns:
        for cue, content in zip(cues, _spans(frame, "content_start", "content_end"), strict=True):
            if cue is not None and content is not None:
                contents.append((cue, content))
    return Prediction(
        rows=len(frame),
        cues=sorted({c for c in cues if c is not None}),
        sources=sorted({s for s in sources if s is not None}),
        cue_of_source=dict(cue_of_source),
        kinds=kinds,
        contents=contents,
    )


# --------------------------------------------------------------------------- scoring

MEASURES = ("detection", "source_any", "source_exact")
MEASURE_LABELS = {
    "detection": "attribution (cue overlap)",
    "source_any": "source span, any overlap",
    "source_exact": "source span, exact",
}
COUNT_KEYS = ("pred", "pred_ok", "gold", "gold_found", "gold_speech", "gold_speech_found")


def gold_spans(
    attributions: Sequence[Attribution],
    role: str,
    text: str,
    speech_forms: frozenset[str],
) -> dict[Fragments, bool]:
    """Distinct gold spans of a role (``"cue"`` or ``"source"``) -> whether in the speech subset."""
    out: dict[Fragments, bool] = {}
    for attr in attributions:
        frags = getattr(attr, role)
        if frags:
            out[frags] = out.get(frags, False) or is_speech(attr, text, speech_forms)
    return out


def _match(
    pred: Sequence[Span],
    gold: Mapping[Fragments, bool],
    same: Callable[[Span, Fragments], bool],
) -> tuple[list[bool], dict[Fragments, bool]]:
    pred_ok = [any(same(p, g) for g in gold) for p in pred]
    gold_found = {g: any(same(p, g) for p in pred) for g in gold}
    return pred_ok, gold_found


def _counts(pred_ok: list[bool], gold_found: dict[Fragments, bool], speech: Mapping) -> dict:
    return {
        "pred": len(pred_ok),
        "pred_ok": sum(pred_ok),
        "gold": len(gold_found),
        "gold_found": sum(gold_found.values()),
        "gold_speech": sum(1 for g in gold_found if speech[g]),
        "gold_speech_found": sum(1 for g, f in gold_found.items() if f and speech[g]),
    }


def match_sources(
    text: str, gold: Mapping[Fragments, bool], pred: Sequence[Span]
) -> dict[str, tuple[list[bool], dict[Fragments, bool]]]:
    """Source matching under both criteria: ``{"source_any": ..., "source_exact": ...}``."""

    def any_overlap(p: Span, g: Fragments) -> bool:
        return overlaps((p,), g)

    def exact(p: Span, g: Fragments) -> bool:
        return trim_span(text, *p) == exact_key(text, g)

    return {
        "source_any": _match(pred, gold, any_overlap),
        "source_exact": _match(pred, gold, exact),
    }


def score_document(
    text: str,
    gold: Sequence[Attribution],
    predicted: pd.DataFrame | Prediction,
    speech_forms: frozenset[str],
) -> dict[str, Any]:
    """Count matches for one document (pure; no ratios).

    Args:
        text: The document text.
        gold: Its gold attributions.
        predicted: The extractor's DataFrame for ``text`` (or its :class:`Prediction`).
        speech_forms: Lowercase word forms of reporting verbs of speech or writing.

    Returns:
        ``{measure: {pred, pred_ok, gold, gold_found, gold_speech, gold_speech_found}}``
        for each of ``detection``, ``source_any``, ``source_exact``; plus
        ``gold_attributions``, ``gold_with_source``, ``gold_speech_attributions``,
        ``predictions`` (rows) and ``words``.
    """
    pred = predicted if isinstance(predicted, Prediction) else predicted_spans(predicted, text)
    gold_cues = gold_spans(gold, "cue", text, speech_forms)
    gold_sources = gold_spans(gold, "source", text, speech_forms)
    out: dict[str, Any] = {
        "detection": _counts(
            *_match(pred.cues, gold_cues, lambda p, g: overlaps((p,), g)), gold_cues
        )
    }
    for measure, matched in match_sources(text, gold_sources, pred.sources).items():
        out[measure] = _counts(*matched, gold_sources)
    out["gold_attributions"] = len(gold)
    out["gold_with_source"] = sum(a.has_source for a in gold)
    out["gold_speech_attributions"] = sum(is_speech(a, text, speech_forms) for a in gold)
    out["predictions"] = pred.rows
    out["words"] = len(text.split())
    return out


def prf(pred_ok: int, pred: int, gold_found: int, gold: int) -> dict[str, float | None]:
    """Precision, recall and F1 from counts (``None`` for an empty denominator)."""
    precision = pred_ok / pred if pred else None
    recall = gold_found / gold if gold else None
    if precision is None or recall is None:
        f1 = None
    else:
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def aggregate(doc_counts: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """Sum per-document counts and compute micro precision, recall and F1.

    Returns:
        ``{"metrics": {measure: {"all": {...}, "speech": {...}}}, "totals": {...}}``. The
        speech entry's precision is the all-predictions precision.
    """
    metrics: dict[str, Any] = {}
    for measure in MEASURES:
        c = {k: sum(d[measure][k] for d in doc_counts) for k in COUNT_KEYS}
        metrics[measure] = {
            "all": {
                **prf(c["pred_ok"], c["pred"], c["gold_found"], c["gold"]),
                "pred": c["pred"],
                "pred_ok": c["pred_ok"],
                "gold": c["gold"],
                "gold_found": c["gold_found"],
            },
            "speech": {
                **prf(c["pred_ok"], c["pred"], c["gold_speech_found"], c["gold_speech"]),
                "pred": c["pred"],
                "pred_ok": c["pred_ok"],
                "gold": c["gold_speech"],
                "gold_found": c["gold_speech_found"],
            },
        }
    totals = {
        key: sum(d[key] for d in doc_counts)
        for key in (
            "gold_attributions",
            "gold_with_source",
            "gold_speech_attributions",
            "predictions",
            "words",
        )
    }
    totals["documents"] = len(doc_counts)
    return {"metrics": metrics, "totals": totals}


def per_publisher(docs: Sequence[Doc], predictions: Mapping[str, int]) -> dict[str, Any]:
    """Per publisher: docs, words, gold and predicted attributions, and both per 1,000 words.

    Args:
        docs: The documents.
        predictions: Predicted attributions (rows) per document base; a document absent
            from it counts as not run, and its publisher's predicted figures are ``None``.
    """
    groups: dict[str, list[Doc]] = defaultdict(list)
    for doc in docs:
        groups[doc.publisher].append(doc)
    out = {}
    for publisher in sorted(groups):
        group = groups[publisher]
        words = sum(d.words for d in group)
        gold = sum(len(d.attributions) for d in group)
        ran = all(d.base in predictions for d in group)
        pred = sum(predictions[d.base] for d in group) if ran else None
        out[publisher] = {
            "docs": len(group),
            "words": words,
            "gold": gold,
            "predicted": pred,
            "gold_per_1000_words": 1000 * gold / words if words else None,
            "predicted_per_1000_words": (
                1000 * pred / words if words and pred is not None else None
            ),
        }
    return out


def score(
    docs: Sequence[Doc],
    predictions: Mapping[str, pd.DataFrame | Prediction],
    speech_forms: frozenset[str],
) -> dict[str, Any]:
    """Score predictions for a set of documents.

    Args:
        docs: Gold documents (from :func:`load_split`).
        predictions: Extractor output per document base.
        speech_forms: Lowercase word forms of reporting verbs of speech or writing.

    Returns:
        ``{"metrics", "totals", "publishers", "predicted_kinds"}`` (see :func:`aggregate`
        and :func:`per_publisher`).
    """
    counts = []
    rows: dict[str, int] = {}
    kinds: Counter[str] = Counter()
    for doc in docs:
        pred = predictions[doc.base]
        if not isinstance(pred, Prediction):
            pred = predicted_spans(pred, doc.text)
        counts.append(score_document(doc.text, doc.attributions, pred, speech_forms))
        rows[doc.base] = pred.rows
        kinds.update(pred.kinds)
    result = aggregate(counts)
    result["publishers"] = per_publisher(docs, rows)
    result["predicted_kinds"] = dict(sorted(kinds.items()))
    return result


def content_overlap(docs: Sequence[Doc], predictions: Mapping[str, Prediction]) -> dict:
    """How well content spans fit, where the attribution was found.

    For each gold attribution with a cue and a content whose cue a predicted row
    overlaps, the character F1 of the best such row's content against the gold content
    (its fragments together; white space and quote marks at either end aside): 1 is the
    same span, 0 no overlap. A content running on into a setting ("in London") or
    stopping short lowers it.

    Returns:
        ``{"n": gold contents scored, "mean_f1": …, "share_half": share with F1 >= 0.5}``.
    """
    scores = []
    for doc in docs:
        pred = predictions[doc.base]
        for attr in doc.attributions:
            if not attr.cue or not attr.content:
                continue
            rows = [c for cue, c in pred.contents if overlaps((cue,), attr.cue)]
            if not rows:
                continue
            gold = set()
            for a, b in attr.content:
                gold.update(i for i in range(a, b) if not _skip_char(doc.text[i]))
            best = 0.0
            for a, b in rows:
                mine = {i for i in range(a, b) if not _skip_char(doc.text[i])}
                both = len(gold & mine)
                if both:
                    best = max(best, 2 * both / (len(gold) + len(mine)))
            scores.append(best)
    n = len(scores)
    return {
        "n": n,
        "mean_f1": sum(scores) / n if n else None,
        "share_half": sum(s >= 0.5 for s in scores) / n if n else None,
    }


def _skip_char(c: str) -> bool:
    return c.isspace() or c in "\"“”‘’'`.,"


# --------------------------------------------------------------------------- errors


def context(text: str, start: int, end: int, width: int = CONTEXT_CHARS) -> str:
    """``width`` characters either side of a span, the span in ``[[...]]``, on one line."""
    left = text[max(0, start - width) : start]
    right = text[end : end + width]
    return " ".join(f"{left}[[{text[start:end]}]]{right}".split())


def source_errors(doc: Doc, pred: Prediction, speech_forms: frozenset[str]) -> list[dict[str, Any]]:
    """False negatives and false positives of source spans (any-overlap criterion).

    Each row: ``doc, kind ("fn"/"fp"), start, end, span, cue, speech, context``. For a
    false negative ``cue`` is the gold cue (of every attribution with that source) and
    ``speech`` says whether it is in the speech subset; for a false positive ``cue`` is
    the predicted cue of the rows with that source span and ``speech`` is empty.
    """
    text = doc.text
    gold = gold_spans(doc.attributions, "source", text, speech_forms)
    pred_ok, gold_found = match_sources(text, gold, pred.sources)["source_any"]
    rows = []
    for frags, found in gold_found.items():
        if found:
            continue
        cues = [
            fragments_text(text, a.cue) for a in doc.attributions if a.source == frags and a.cue
        ]
        rows.append(
            {
                "doc": doc.base,
                "kind": "fn",
                "start": frags[0][0],
                "end": frags[-1][1],
                "span": fragments_text(text, frags),
                "cue": " | ".join(cues),
                "speech": "yes" if gold[frags] else "no",
                "context": context(text, frags[0][0], frags[-1][1]),
            }
        )
    for span, ok in zip(pred.sources, pred_ok, strict=True):
        if ok:
            continue
        rows.append(
            {
                "doc": doc.base,
                "kind": "fp",
                "start": span[0],
                "end": span[1],
                "span": text[span[0] : span[1]],
                "cue": " | ".join(pred.cue_of_source.get(span, [])),
                "speech": "",
                "context": context(text, *span),
            }
        )
    return sorted(rows, key=lambda r: (r["start"], r["kind"]))


def write_errors(path: Path, rows: Sequence[Mapping[str, Any]]) -> None:
    """Write error rows as a TSV (tabs and newlines inside fields become spaces)."""
    columns = ["doc", "kind", "start", "end", "span", "cue", "speech", "context"]
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write("\t".join(columns) + "\n")
        for row in rows:
            fh.write("\t".join(" ".join(str(row[c]).split()) for c in columns) + "\n")


# --------------------------------------------------------------------------- report


def load_speech_forms() -> tuple[frozenset[str], str]:
    """The project's reporting-verb forms, or the built-in fallback with a warning.

    Returns:
        The forms and a label naming where they came from.
    """
    try:
        from framing.features.attribution import speech_cue_forms
    except ImportError as exc:
        print(
            f"WARNING: cannot import framing.features.attribution.speech_cue_forms ({exc}); "
            f"using the built-in fallback of {len(FALLBACK_SPEECH_FORMS)} forms. "
            "The speech-subset figures are not the project's.",
            file=sys.stderr,
        )
        return FALLBACK_SPEECH_FORMS, f"FALLBACK built-in set ({len(FALLBACK_SPEECH_FORMS)} forms)"
    forms = frozenset(f.lower() for f in speech_cue_forms())
    return forms, f"framing.features.attribution.speech_cue_forms ({len(forms)} forms)"


def _fmt(x: float | None, digits: int = 3) -> str:
    return "–" if x is None else f"{x:.{digits}f}"


def format_report(result: Mapping[str, Any]) -> str:
    """A plain-text, markdown-style report of :func:`score`'s result plus run metadata."""
    t = result["totals"]
    lines = [
        f"## PolNeAR {result['split']}: framing {result['framing_version']}",
        "",
        f"{t['documents']} documents with gold, {t['words']:,} words. One annotation per "
        "document: the lexicographically smallest annotator suffix "
        f"({result.get('multi_annotator_docs', 0)} documents had several).",
        f"Speech lexicon: {result['lexicon']}.",
    ]
    if result.get("framing_path"):
        lines.append(f"framing imported from `{result['framing_path']}`.")
    if result.get("seconds") is not None:
        lines.append(f"Extraction: {result['seconds']:.1f} s.")
    lines += [
        "",
        "| measure | subset | precision | recall | F1 | predicted: correct / all "
        "| gold: found / all |",
        "|---|---|---|---|---|---|---|",
    ]
    for measure in MEASURES:
        for subset in ("all", "speech"):
            m = result["metrics"][measure][subset]
            star = "*" if subset == "speech" else ""
            lines.append(
                f"| {MEASURE_LABELS[measure]} | {subset} | {_fmt(m['precision'])}{star} "
                f"| {_fmt(m['recall'])} | {_fmt(m['f1'])} | {m['pred_ok']} / {m['pred']} "
                f"| {m['gold_found']} / {m['gold']} |"
            )
    lines += [
        "",
        "\\* precision over all predictions (only recall is restricted to the subset).",
        "Spans are distinct per document; matching is not one-to-one.",
        "",
        "| totals | count |",
        "|---|---|",
        f"| gold attributions | {t['gold_attributions']} |",
        f"| gold attributions with a source | {t['gold_with_source']} |",
        f"| gold attributions in the speech subset | {t['gold_speech_attributions']} |",
        f"| predicted attributions (rows) | {t['predictions']} |",
    ]
    for kind, n in result.get("predicted_kinds", {}).items():
        lines.append(f"| predicted, kind = {kind} | {n} |")
    lines += [
        "",
        "| publisher | docs | words | gold / 1,000 words | predicted / 1,000 words |",
        "|---|---|---|---|---|",
    ]
    for publisher, p in result["publishers"].items():
        lines.append(
            f"| {publisher} | {p['docs']} | {p['words']:,} | "
            f"{_fmt(p['gold_per_1000_words'], 1)} | {_fmt(p['predicted_per_1000_words'], 1)} |"
        )
    return "\n".join(lines)


def format_gold_only(
    docs: Sequence[Doc], split: str, speech_forms: frozenset[str], lexicon: str
) -> str:
    """Gold-side figures, printed when the extractor is not available."""
    gold = [a for d in docs for a in d.attributions]
    speech = sum(is_speech(a, d.text, speech_forms) for d in docs for a in d.attributions)
    lines = [
        f"## PolNeAR {split}: gold only",
        "",
        f"{len(docs)} documents with gold, {sum(d.words for d in docs):,} words; "
        f"{len(gold)} gold attributions, {sum(a.has_source for a in gold)} with a source, "
        f"{speech} in the speech subset.",
        f"Speech lexicon: {lexicon}.",
        "",
        "| publisher | docs | words | gold / 1,000 words |",
        "|---|---|---|---|",
    ]
    for publisher, p in per_publisher(docs, {}).items():
        lines.append(
            f"| {publisher} | {p['docs']} | {p['words']:,} | {_fmt(p['gold_per_1000_words'], 1)} |"
        )
    return "\n".join(lines)


# --------------------------------------------------------------------------- CLI


def build_parser() -> argparse.ArgumentParser:
    """The command-line interface."""
    parser = argparse.ArgumentParser(
        description="Score framing.extract_attributions against PolNeAR.",
    )
    parser.add_argument("--split", choices=SPLITS, default="dev", help="default: dev")
    parser.add_argument(
        "--shared",
        type=Path,
        default=DEFAULT_SHARED,
        help=f"the shared data folder holding eval/polnear (default: {DEFAULT_SHARED})",
    )
    parser.add_argument("--limit", type=int, default=None, help="score only the first N docs")
    parser.add_argument("--json", type=Path, default=None, help="also write the results here")
    parser.add_argument(
        "--errors", type=Path, default=None, help="write source-span errors as a TSV here"
    )
    parser.add_argument(
        "--no-types", action="store_true", help="skip the typed sources (polnear_types.jsonl)"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the evaluation; see the module docstring for exit codes."""
    args = build_parser().parse_args(argv)
    root = args.shared / POLNEAR_SUBDIR
    split_dir = root / "data" / args.split
    if not (split_dir / "text").is_dir() or not (split_dir / "attributions").is_dir():
        print(
            f"PolNeAR not found: expected {split_dir}/text and {split_dir}/attributions. "
            "Pass --shared PATH (the folder holding eval/polnear).",
            file=sys.stderr,
        )
        return 2
    docs = load_split(root, args.split)
    if args.limit is not None:
        docs = docs[: args.limit]
    speech_forms, lexicon = load_speech_forms()

    import framing

    extract = getattr(framing, "extract_attributions", None)
    if extract is None:
        print(format_gold_only(docs, args.split, speech_forms, lexicon))
        print(
            "\nframing.extract_attributions is not available in this framing "
            f"({framing.__version__}); nothing scored.",
            file=sys.stderr,
        )
        return 1

    predictions: dict[str, Prediction] = {}
    started = time.perf_counter()
    for doc in docs:
        try:
            frame = extract(doc.text)
        except Exception as exc:
            raise RuntimeError(f"extract_attributions failed on {doc.base}") from exc
        predictions[doc.base] = predicted_spans(frame, doc.text)
    seconds = time.perf_counter() - started

    result = score(docs, predictions, speech_forms)
    result.update(
        split=args.split,
        framing_version=framing.__version__,
        framing_path=str(Path(framing.__file__).parent),
        lexicon=lexicon,
        seconds=seconds,
        annotator_rule="lexicographically smallest annotator suffix",
        multi_annotator_docs=sum(len(d.annotators) > 1 for d in docs),
        limit=args.limit,
    )
    print(format_report(result))
    contents = content_overlap(docs, predictions)
    result["content"] = contents
    if contents["n"]:
        print(
            f"\nContent spans, where the cue was found ({contents['n']} gold contents): "
            f"mean character F1 {contents['mean_f1']:.3f}; "
            f"F1 >= 0.5 for {contents['share_half']:.3f}"
        )
    if not args.no_types:
        try:  # imported as evaluation.polnear, or run as a script
            from .polnear_types import GOLD, format_types, load_docs, read_gold, score_types
        except ImportError:
            from polnear_types import GOLD, format_types, load_docs, read_gold, score_types

        if GOLD.is_file():
            gold = read_gold()
            typed, _ = score_types(gold, load_docs(root, gold), extract)
            result["types"] = typed
            print("\nSource types, on the typed sources of both splits (polnear_types.jsonl):\n")
            print(format_types(typed))
    if args.json is not None:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    if args.errors is not None:
        rows = [r for d in docs for r in source_errors(d, predictions[d.base], speech_forms)]
        write_errors(args.errors, rows)
        print(f"\n{len(rows)} source-span errors written to {args.errors}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    # Evaluate this checkout's framing, installed or not (as ``PYTHONPATH=.`` would).
    sys.path.insert(0, str(REPO))
    sys.exit(main())
