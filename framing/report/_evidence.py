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

from ..features import Evidence, Measure
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
        evidence = measure.evidence
        if evidence is None:
            return self._values(measure)
        if evidence.table == "sentences":
            return self._sentences(evidence)
        spans = self.analysis.spans.get(evidence.table)
        if spans is None or spans.empty:
            return []
        spans = evidence.select(spans[spans["doc_id"].isin(self.outlet_of)])
        if evidence.per:
            return self._per_value(spans, evidence)
        if evidence.order:
            column = evidence.order.lstrip("-")
            low_first = evidence.order.startswith("-")
            spans = spans.sort_values(column, ascending=low_first, kind="stable")
        else:
            spans = spans.sort_values(["doc_id", "start"], kind="stable")
        name = evidence.table.replace("_", " ")
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

    def _sentences(self, evidence: Evidence) -> list[OutletEvidence]:
        chosen = evidence.select(self.sentences)
        out = []
        column = (evidence.order or "sent_compound").lstrip("-")
        for group in self.groups:
            mine = self._mine(chosen, group)
            total = len(self._mine(self.sentences, group))
            ordered = mine.sort_values(column, kind="stable")
            if evidence.both_ends:  # a mean: its lowest and highest sentences
                half = EXAMPLES_PER_OUTLET // 2
                picked = pd.concat([ordered.head(half), ordered.tail(half)]).drop_duplicates()
            elif evidence.order and evidence.order.startswith("-"):
                picked = ordered.head(EXAMPLES_PER_OUTLET)
            else:
                picked = ordered.iloc[::-1].head(EXAMPLES_PER_OUTLET)
            found = OutletEvidence(group, f"{len(mine)} of {total} sentences")
            for r in picked.itertuples(index=False):
                item = self._item(r.doc_id, int(r.start), int(r.end), [])
                if column == "sent_compound":
                    item.where += f", VADER compound {r.sent_compound:+.2f}"
                else:
                    item.where += f", {column} {getattr(r, column)}"
                found.items.append(item)
            out.append(found)
        return out

    def _per_value(self, rows: pd.DataFrame, evidence: Evidence) -> list[OutletEvidence]:
        """One line per distinct value (a source, an actor): how many rows and articles
        it has, and the sums the measure declares."""
        key, *detail = evidence.per
        what = evidence.table.replace("_", " ")
        label = evidence.per_label or f"distinct {key.replace('_', ' ')} values"
        out = []
        for group in self.groups:
            mine = self._mine(rows, group)
            top = (
                mine.groupby(list(evidence.per), dropna=False)
                .agg(
                    n=("doc_id", "size"),
                    articles=("doc_id", "nunique"),
                    **{c: (c, "sum") for c in evidence.sums},
                )
                .reset_index()
            )
            ranking = [*evidence.sums, "n"] if evidence.sums else ["n"]
            top = top.sort_values([*ranking, key], ascending=[False] * len(ranking) + [True])
            # A table of one row per article and value (actors) counts articles, not rows.
            per_article = bool((top["n"] == top["articles"]).all())
            summary = f"{top[key].nunique()} {label} in {mine['doc_id'].nunique()} articles"
            if not per_article:
                summary += f", {len(mine)} {what}"
            found = OutletEvidence(group, summary)
            for r in top.head(EXAMPLES_PER_OUTLET * 2).to_dict("records"):
                parts = [str(r[c]) for c in detail]
                counted = f"in {int(r['articles'])} article(s)"
                if not per_article:
                    counted = f"{int(r['n'])} {what} " + counted
                parts.append(counted)
                parts += [f"{c.replace('_', ' ')} {_number(r[c])}" for c in evidence.sums]
                line = Markup("{}").format(", ".join(parts))
                found.items.append(EvidenceItem(None, str(r[key]), line))
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


def _number(value: object) -> str:
    """A summed value: whole numbers as such, others to two decimals."""
    number = float(value)  # type: ignore[arg-type]
    return f"{int(number)}" if number.is_integer() else f"{number:.2f}"
