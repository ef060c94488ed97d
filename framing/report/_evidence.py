"""The evidence behind a figure, per outlet: the spans it counts, each shown in the whole
sentence (or sentences) it sits in with the matched words marked, its document and its
character offsets; or, for figures that are not counts of spans, the rows they come from.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import pandas as pd
from markupsafe import Markup

from ..comparison import Measure, select_evidence
from . import _format
from ._annotate import highlight
from ._labels import ArticleNames

if TYPE_CHECKING:
    from ..analysis import Analysis

#: How many pieces of evidence the report lists per outlet and finding.
EXAMPLES_PER_OUTLET = 6


@dataclass
class EvidenceItem:
    """One piece of evidence: where it is, and the text with the span marked."""

    link: str | None  # anchor of the sentence in the annotated articles, if shown
    where: str
    html: Markup
    doc_id: str = ""  # the article's id, beside its name, for the span tables


@dataclass
class OutletEvidence:
    """One outlet's evidence for a figure: how much there is, and examples."""

    outlet: str
    summary: str
    items: list[EvidenceItem] = field(default_factory=list)


class EvidenceBuilder:
    """The spans behind a measure, per outlet, as evidence items for the report."""

    def __init__(self, analysis: Analysis, by: str, anchors: dict[str, str]) -> None:
        self.analysis = analysis
        self.anchors = anchors  # doc_id → article anchor (articles shown in the report)
        counted = analysis.counted
        groups = counted[by].astype("string")
        self.outlet_of = {
            d: str(g) for d, g in zip(counted["doc_id"], groups, strict=True) if not pd.isna(g)
        }
        self.groups = sorted(set(self.outlet_of.values()))
        self.n_docs = {g: sum(v == g for v in self.outlet_of.values()) for g in self.groups}
        self.order = {d: i for i, d in enumerate(counted["doc_id"])}
        names = ArticleNames(counted)
        # Under an outlet's heading its articles are named by date and headline; under
        # another grouping ('lean') by their outlet too.
        self.name = names.short if by == "outlet" else names.full
        articles = analysis.corpus.articles.set_index("doc_id")
        self.text = {d: str(articles.at[d, "text"]) for d in self.outlet_of}
        self.title = {
            d: str(t) if isinstance(t, str) else ""
            for d, t in zip(counted["doc_id"], counted["title"], strict=True)
        }
        sentences = analysis.sentences
        self.sentences = sentences[sentences["doc_id"].isin(self.outlet_of)]
        self.starts: dict[str, list[int]] = {}
        self.ends: dict[str, list[int]] = {}
        for doc_id, rows in self.sentences.groupby("doc_id", sort=False):
            self.starts[doc_id] = rows["start"].astype(int).tolist()
            self.ends[doc_id] = rows["end"].astype(int).tolist()

    def __call__(self, measure: Measure) -> list[OutletEvidence]:
        if measure.evidence is None:
            return self._values(measure)
        table, where = measure.evidence
        if table == "sentences":
            return self._sentences(where)
        if table == "sources":
            return self._sources()
        spans = self.analysis.spans.get(table)
        if spans is None or spans.empty:
            return []
        spans = select_evidence(spans[spans["doc_id"].isin(self.outlet_of)], where)
        if table == "actors":
            return self._actors(spans, quoted="quoted" in where)
        if table == "emphasis_cues":
            spans = spans.sort_values("weight", ascending=False, kind="stable")
        else:
            spans = spans.sort_values(["doc_id", "start"], kind="stable")
        name = table.replace("_", " ")
        return [self._spans(g, self._mine(spans, g), name) for g in self.groups]

    def _mine(self, rows: pd.DataFrame, group: str) -> pd.DataFrame:
        return rows[rows["doc_id"].map(self.outlet_of) == group]

    def _round_robin(self, rows: pd.DataFrame) -> pd.DataFrame:
        """The first rows of each article in turn, so examples come from every article."""
        turn = rows.groupby("doc_id", sort=False).cumcount()
        order = rows["doc_id"].map(self.order)
        return rows.assign(_turn=turn, _order=order).sort_values(["_turn", "_order"], kind="stable")

    def _item(self, doc_id: str, start: int, end: int, marks: list[tuple[int, int]]) -> Any:
        """The sentences covering ``[start, end)``, the marks highlighted."""
        starts, ends = self.starts.get(doc_id, []), self.ends.get(doc_id, [])
        first = max(bisect_right(starts, start) - 1, 0)
        last = max(bisect_right(starts, max(end - 1, start)) - 1, first)
        text = self.text.get(doc_id, "")
        shown_from = min(starts[first], start) if starts else start
        shown_to = max(ends[last], end) if ends else end
        anchor = self.anchors.get(doc_id)
        where = f"{self.name(doc_id)}, sentence {first}"
        if marks:
            where += ", chars " + ", ".join(f"{a}–{b}" for a, b in marks)
        html = highlight(text, shown_from, shown_to, marks)
        return EvidenceItem(f"{anchor}-s{first}" if anchor else None, where, html, doc_id)

    def _spans(self, group: str, spans: pd.DataFrame, name: str) -> OutletEvidence:
        docs = spans["doc_id"].nunique()
        found = OutletEvidence(group, f"{len(spans)} {name} in {docs} of {self.n_docs[group]}")
        for r in self._round_robin(spans).head(EXAMPLES_PER_OUTLET).itertuples(index=False):
            start, end = int(r.start), int(r.end)
            if getattr(r, "field", "body") == "headline":
                title = self.title.get(r.doc_id, "")
                item = EvidenceItem(
                    self.anchors.get(r.doc_id),
                    f"{self.name(r.doc_id)}, headline, chars {start}–{end}",
                    highlight(title, 0, len(title), [(start, end)]),
                    r.doc_id,
                )
            else:
                item = self._item(r.doc_id, start, end, [(start, end)])
            found.items.append(item)
        return found

    def _sentences(self, where: dict[str, Any]) -> list[OutletEvidence]:
        chosen = select_evidence(self.sentences, where)
        out = []
        for group in self.groups:
            mine = self._mine(chosen, group)
            total = len(self._mine(self.sentences, group))
            ordered = mine.sort_values("sent_compound", kind="stable")
            wanted = str(where.get("sent_compound", ""))
            if wanted.startswith(">"):
                picked = ordered.iloc[::-1].head(EXAMPLES_PER_OUTLET)
            elif wanted:
                picked = ordered.head(EXAMPLES_PER_OUTLET)
            else:  # the mean: its most negative and most positive sentences
                half = EXAMPLES_PER_OUTLET // 2
                picked = pd.concat([ordered.head(half), ordered.tail(half)]).drop_duplicates()
            found = OutletEvidence(group, f"{len(mine)} of {total} sentences")
            for r in picked.itertuples(index=False):
                item = self._item(r.doc_id, int(r.start), int(r.end), [])
                item.where += f", VADER compound {r.sent_compound:+.2f}"
                found.items.append(item)
            out.append(found)
        return out

    def _sources(self) -> list[OutletEvidence]:
        """Distinct sources: each resolved source once, with its attributions."""
        spans = self.analysis.spans.get("attributions")
        if spans is None or spans.empty:
            return []
        spans = spans[spans["doc_id"].isin(self.outlet_of) & spans["resolved_source"].notna()]
        out = []
        for group in self.groups:
            mine = self._mine(spans, group)
            top = (
                mine.groupby(["resolved_source", "source_type"])
                .agg(n=("doc_id", "size"), articles=("doc_id", "nunique"))
                .reset_index()
                .sort_values(["n", "resolved_source"], ascending=[False, True])
            )
            found = OutletEvidence(
                group, f"{len(top)} distinct sources, {len(mine)} attributions to them"
            )
            for r in top.head(EXAMPLES_PER_OUTLET * 2).itertuples(index=False):
                found.items.append(
                    EvidenceItem(
                        None,
                        str(r.resolved_source),
                        Markup("{}: {} attribution(s) in {} article(s)").format(
                            r.source_type, int(r.n), int(r.articles)
                        ),
                    )
                )
            out.append(found)
        return out

    def _actors(self, actors: pd.DataFrame, *, quoted: bool) -> list[OutletEvidence]:
        out = []
        for group in self.groups:
            mine = self._mine(actors, group)
            top = (
                mine.groupby("actor")
                .agg(
                    articles=("doc_id", "nunique"),
                    weighted=("weighted", "sum"),
                    quoted=("quoted", "sum"),
                )
                .sort_values(["quoted" if quoted else "weighted", "weighted"], ascending=False)
            )
            what = "actors quoted" if quoted else "actors named"
            found = OutletEvidence(
                group, f"{len(top)} {what} in {mine['doc_id'].nunique()} articles"
            )
            for actor, r in top.head(EXAMPLES_PER_OUTLET * 2).iterrows():
                found.items.append(
                    EvidenceItem(
                        None,
                        str(actor),
                        Markup("in {} article(s), quoted {} time(s), position-weighted {}").format(
                            int(r["articles"]), int(r["quoted"]), f"{float(r['weighted']):.2f}"
                        ),
                    )
                )
            out.append(found)
        return out

    def _values(self, measure: Measure) -> list[OutletEvidence]:
        """Figures that are not counts of spans: each article's own value."""
        counted = self.analysis.counted
        out = []
        for group in self.groups:
            mine = counted[counted["doc_id"].map(self.outlet_of) == group]
            found = OutletEvidence(group, f"{len(mine)} articles")
            for r in mine.head(EXAMPLES_PER_OUTLET * 2).itertuples(index=False):
                found.items.append(
                    EvidenceItem(
                        self.anchors.get(r.doc_id),
                        self.name(r.doc_id),
                        Markup("{}").format(
                            _format.value(getattr(r, measure.feature), measure.unit)
                        ),
                        r.doc_id,
                    )
                )
            out.append(found)
        return out
