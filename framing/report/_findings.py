"""The report's summary: the main differences between outlets, written from the
comparison table, each with the spans behind it.

A difference is "main" by its size, not its p-value: Hedges' g where the corpus allows
inference; otherwise, for shares, the difference in points and, for other figures, the
difference relative to the two means, so one article per outlet can still be summarised.
Each family (attribution, hedging, sentiment, emphasis, …) contributes its largest
differences, so the summary covers every side of framing rather than one family's noise.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
from markupsafe import Markup

from ..comparison import BETWEEN, WITHIN, Measure, select_evidence
from ._annotate import highlight

_FAMILY_ORDER = ("attribution", "actors", "hedging", "sentiment", "emphasis", "readability")
# How many differences each family may put in the summary.
_PER_FAMILY = {"emphasis": 3, "readability": 1, "actors": 1}
# Below this, a difference in a share is too small to headline from a few articles.
_MIN_DESCRIPTIVE_SHARE_DIFF = 0.10
# How many pieces of evidence the report lists per outlet and finding.
EXAMPLES_PER_OUTLET = 6


@dataclass
class EvidenceItem:
    link: str | None  # anchor of the sentence in the annotated articles, if shown
    where: str
    html: Markup


@dataclass
class OutletEvidence:
    outlet: str
    summary: str
    items: list[EvidenceItem] = field(default_factory=list)


@dataclass
class Finding:
    anchor: str
    family: str
    feature: str
    label: str
    sentence: str
    evidence: list[OutletEvidence] = field(default_factory=list)


def is_share(label: str) -> bool:
    return "share" in label


def fmt(value: float, label: str) -> str:
    """A figure as a reader wants it: shares as percentages, others to two decimals."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "n/a"
    if is_share(label):
        text = f"{value * 100:.0f}%"
    else:
        text = f"{value:.2f}" if abs(value) < 10 else f"{value:.1f}"
    return text.removeprefix("-") if text.strip("-0.%") == "" else text  # no "-0.00"


def fmt_diff(value: float, label: str) -> str:
    if value is None or math.isnan(value):
        return "n/a"
    if is_share(label):
        points = value * 100
        return f"{points:+.0f} point{'' if round(abs(points)) == 1 else 's'}"
    return f"{value:+.2f}" if abs(value) < 10 else f"{value:+.1f}"


def choose(comparison: pd.DataFrame, by_feature: dict[str, Measure]) -> list[pd.Series]:
    """The rows (between outlets) the summary reports, family by family: the largest
    differences, one per feature and one per body of evidence (hedges per 1,000 words and
    hedged sentences count the same spans, so only the larger is told; see
    :func:`_same_spans`)."""
    rows = comparison[
        (comparison["comparison"] == BETWEEN) & (comparison["note"] != "the reference")
    ].copy()
    rows = rows[rows["diff"].notna() & (rows["diff"] != 0)]
    if rows.empty:
        return []
    rows["score"] = [
        abs(r.effect_size)
        if r.basis == "inferential" and not math.isnan(r.effect_size)
        else _descriptive_size(r["diff"], r["mean"], r["reference_mean"], r["label"])
        for _, r in rows.iterrows()
    ]
    rows = rows[rows["score"].notna()]
    small_share = (
        (rows["basis"] == "descriptive")
        & rows["label"].map(is_share)
        & (rows["diff"].abs() < _MIN_DESCRIPTIVE_SHARE_DIFF)
    )
    rows = rows[~small_share]
    # Two outlets compared with the pooled rest mirror each other: keep one per feature,
    # told from the side that has more of it.
    rows["more"] = rows["diff"] > 0
    best = rows.sort_values(["score", "more"], ascending=False).drop_duplicates("feature")
    chosen = []
    for family in _FAMILY_ORDER:
        told: list[tuple[str, Any]] = []
        for _, r in best[best["family"] == family].iterrows():
            if len(told) == _PER_FAMILY.get(family, 2):
                break
            evidence = by_feature[r["feature"]].evidence or (r["feature"], {})
            if not any(_same_spans(evidence, other) for other in told):
                told.append(evidence)
                chosen.append(r)
    return chosen


def _same_spans(a: tuple[str, dict], b: tuple[str, dict]) -> bool:
    """Whether two figures count some of the same spans: named sources (person or
    organisation) and person sources do; named and anonymous sources do not."""
    if a[0] != b[0]:
        return False
    if not a[1] or not b[1]:
        return not a[1] and not b[1]
    shared = a[1].keys() & b[1].keys()

    def values(v: Any) -> set:
        return set(v) if isinstance(v, tuple) else {v}

    # Filters are conjunctions: spans can be in both only if every common column overlaps.
    return bool(shared) and all(values(a[1][c]) & values(b[1][c]) for c in shared)


def _descriptive_size(diff: float, mean: float, reference: float, label: str) -> float:
    """How large a difference is without a sampling distribution: in points for shares
    (0 to 1 already), else relative to the two means (|a − b| / (|a| + |b|), 0 to 1)."""
    if is_share(label):
        return abs(diff)
    total = abs(mean) + abs(reference)
    return abs(diff) / total if total else math.nan


def sentence(row: pd.Series, paired: pd.Series | None, groups: list[str]) -> str:
    """One finding in words, with the numbers that make it."""
    label = row["label"]
    reference = row["reference"]
    if reference == "all other outlets" and len(groups) == 2:
        reference = next(g for g in groups if g != row["outlet"])
    text = (
        f"{row['outlet']}: {label} {fmt(row['mean'], label)}, against "
        f"{fmt(row['reference_mean'], label)} for {reference} "
        f"(difference {fmt_diff(row['diff'], label)}"
    )
    if row["basis"] == "inferential":
        text += (
            f", 95% CI {fmt_diff(row['diff_ci_low'], label)} to "
            f"{fmt_diff(row['diff_ci_high'], label)}, Hedges' g {row['effect_size']:.2f}, "
            f"q = {row['q_value']:.3f}; {row['n']} vs {row['reference_n']} articles)"
        )
        if row["diff_ci_low"] <= 0 <= row["diff_ci_high"]:
            text += "; the interval includes no difference"
    else:
        text += f"; descriptive only, {row['n']} vs {row['reference_n']} articles)"
    if paired is not None and not math.isnan(paired["diff"]):
        text += f". Within the same stories: {fmt_diff(paired['diff'], label)}"
        if paired["basis"] == "inferential":
            text += (
                f" (95% CI {fmt_diff(paired['diff_ci_low'], label)} to "
                f"{fmt_diff(paired['diff_ci_high'], label)}, d_z {paired['effect_size']:.2f}, "
                f"{paired['n']} stories)"
            )
        else:
            text += f" ({paired['n']} stories, descriptive only)"
    return text + "."


def findings(
    comparison: pd.DataFrame,
    by_feature: dict[str, Measure],
    evidence: Any,
) -> list[Finding]:
    """The summary, each finding with its evidence (built by ``evidence(measure, row)``)."""
    groups = sorted(comparison["outlet"].unique())
    within = comparison[comparison["comparison"] == WITHIN].set_index(["feature", "outlet"])
    out = []
    for i, row in enumerate(choose(comparison, by_feature)):
        key = (row["feature"], row["outlet"])
        paired = within.loc[key] if key in within.index else None
        measure = by_feature[row["feature"]]
        out.append(
            Finding(
                anchor=f"finding-{i + 1}",
                family=row["family"],
                feature=row["feature"],
                label=row["label"],
                sentence=sentence(row, paired, groups),
                evidence=evidence(measure),
            )
        )
    return out


class EvidenceBuilder:
    """The spans behind a measure, per outlet, as evidence items for the report."""

    def __init__(self, analysis: Any, by: str, anchors: dict[str, str]) -> None:
        self.analysis = analysis
        self.by = by
        self.anchors = anchors  # doc_id → article anchor (articles shown in the report)
        counted = analysis.counted
        self.outlet_of = dict(zip(counted["doc_id"], counted[by].astype(str), strict=True))
        self.groups = sorted(set(self.outlet_of.values()))
        texts = analysis.corpus.articles.set_index("doc_id")["text"]
        self.text = {d: texts[d] for d in self.outlet_of if d in texts.index}
        sentences = analysis.sentences
        self.sentences = sentences[sentences["doc_id"].isin(self.outlet_of)]
        self.bounds = {
            (d, int(s)): (int(a), int(b))
            for d, s, a, b in zip(
                self.sentences["doc_id"],
                self.sentences["sentence"],
                self.sentences["start"],
                self.sentences["end"],
                strict=True,
            )
        }

    def __call__(self, measure: Measure) -> list[OutletEvidence]:
        if measure.evidence is None:
            return self._values(measure)
        table, where = measure.evidence
        if table == "sentences":
            return self._sentences(measure, where)
        spans = self.analysis.spans.get(table)
        if spans is None or spans.empty:
            return []
        spans = select_evidence(spans[spans["doc_id"].isin(self.outlet_of)], where)
        if table == "actors":
            return self._actors(spans)
        if table == "emphasis_cues":
            spans = spans.sort_values("weight", ascending=False, kind="stable")
        return [
            self._spans(group, spans[spans["doc_id"].map(self.outlet_of) == group], table)
            for group in self.groups
        ]

    def _item(self, doc_id: str, sentence: int, marks: list[tuple[int, int]]) -> EvidenceItem:
        start, end = self.bounds.get((doc_id, sentence), (0, 0))
        anchor = self.anchors.get(doc_id)
        where = f"{doc_id}, sentence {sentence}"
        if marks:
            where += ", chars " + ", ".join(f"{a}–{b}" for a, b in marks)
        html = highlight(self.text.get(doc_id, ""), start, end, marks)
        return EvidenceItem(f"{anchor}-s{sentence}" if anchor else None, where, html)

    def _spans(self, group: str, spans: pd.DataFrame, table: str) -> OutletEvidence:
        docs = spans["doc_id"].nunique()
        n_docs = sum(1 for g in self.outlet_of.values() if g == group)
        found = OutletEvidence(
            group, f"{len(spans)} {table.replace('_', ' ')} in {docs} of {n_docs} articles"
        )
        if "field" in spans.columns:
            spans = spans[spans["field"] == "body"]
        for r in spans.head(EXAMPLES_PER_OUTLET).itertuples(index=False):
            found.items.append(self._item(r.doc_id, int(r.sentence), [(int(r.start), int(r.end))]))
        return found

    def _sentences(self, measure: Measure, where: dict[str, Any]) -> list[OutletEvidence]:
        chosen = select_evidence(self.sentences, where)
        out = []
        for group in self.groups:
            mine = chosen[chosen["doc_id"].map(self.outlet_of) == group]
            total = (self.sentences["doc_id"].map(self.outlet_of) == group).sum()
            if "sent_compound" in where and where["sent_compound"].startswith(">"):
                ordered = mine.sort_values("sent_compound", ascending=False)
                picked = ordered.head(EXAMPLES_PER_OUTLET)
            elif where:
                picked = mine.sort_values("sent_compound").head(EXAMPLES_PER_OUTLET)
            else:
                half = EXAMPLES_PER_OUTLET // 2
                ordered = mine.sort_values("sent_compound")
                picked = pd.concat([ordered.head(half), ordered.tail(half)]).drop_duplicates()
            found = OutletEvidence(group, f"{len(mine)} of {total} sentences")
            for r in picked.itertuples(index=False):
                item = self._item(r.doc_id, int(r.sentence), [])
                item.where += f", compound {r.sent_compound:+.2f}"
                found.items.append(item)
            out.append(found)
        return out

    def _actors(self, actors: pd.DataFrame) -> list[OutletEvidence]:
        out = []
        for group in self.groups:
            mine = actors[actors["doc_id"].map(self.outlet_of) == group]
            top = (
                mine.groupby("actor")
                .agg(articles=("doc_id", "nunique"), weighted=("weighted", "sum"))
                .sort_values("weighted", ascending=False)
                .head(EXAMPLES_PER_OUTLET * 2)
            )
            found = OutletEvidence(
                group, f"{len(mine)} actor rows in {mine['doc_id'].nunique()} articles"
            )
            for actor, r in top.iterrows():
                found.items.append(
                    EvidenceItem(
                        None,
                        f"{actor}",
                        Markup("in {} article(s), position-weighted {:.2f}").format(
                            int(r["articles"]), float(r["weighted"])
                        ),
                    )
                )
            out.append(found)
        return out

    def _values(self, measure: Measure) -> list[OutletEvidence]:
        articles = self.analysis.counted
        out = []
        for group in self.groups:
            mine = articles[articles[self.by].astype(str) == group]
            found = OutletEvidence(group, f"{len(mine)} articles")
            for r in mine.head(EXAMPLES_PER_OUTLET * 2).itertuples(index=False):
                doc_id = r.doc_id
                value = getattr(r, measure.feature)
                anchor = self.anchors.get(doc_id)
                found.items.append(
                    EvidenceItem(
                        anchor, f"{doc_id}", Markup("{}").format(fmt(value, measure.label))
                    )
                )
            out.append(found)
        return out
