"""An article's cleaned text as HTML, with every piece of evidence marked on it:
attributions coloured by source type with the source underlined, hedges and boosters,
frame and angle cues, each sentence's sentiment and whether another outlet says it too.

Marks may overlap (a hedge inside an attribution inside a frame cue), so the text is cut
at every mark boundary and each piece carries the classes of every mark over it. All
text is escaped here; nothing from an article reaches the page unescaped.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise

import pandas as pd
from markupsafe import Markup, escape

from ..features import FEATURES


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    css: str
    note: str
    badge: str = ""  # a short tag printed where the mark starts, legible in greyscale


@dataclass
class SentenceView:
    index: int
    anchor: str
    html: Markup
    compound: float
    unique: bool | None
    paragraph_start: bool


@dataclass
class ArticleView:
    anchor: str
    doc_id: str
    outlet: str
    title: Markup
    meta: list[tuple[str, str]]
    sentences: list[SentenceView] = field(default_factory=list)
    story_heading: str = ""  # the story's label, on the first article shown of a story


def marks_for(doc_id: str, spans: dict[str, pd.DataFrame], field_name: str = "body") -> list[Mark]:
    """Every mark on one article's body (or, with ``field_name="headline"``, its title),
    as each registered family declares them (``Feature.highlights``)."""
    marks: list[Mark] = []
    for feature in FEATURES.values():
        for h in feature.highlights:
            for r in _rows(spans, h.table, doc_id):
                if (r.get(h.field) if h.field else "body") != field_name:
                    continue
                if not (_present(r.get(h.start)) and _present(r.get(h.end))):
                    continue
                badge = ""
                if h.badge is not None:
                    column, letters = h.badge
                    badge = letters.get(r.get(column), "?")
                marks.append(
                    Mark(
                        int(r[h.start]),
                        int(r[h.end]),
                        _fill(h.css, r, spaces=False),
                        _fill(h.note, r, spaces=True),
                        badge,
                    )
                )
    return marks


def _fill(template: str, row: dict, *, spaces: bool) -> str:
    """``template`` with the row's values: a missing one reads "unknown"; in words
    (``spaces``), an underscore reads as a space."""

    class _Values(dict):
        def __missing__(self, key: str) -> str:
            return "unknown"

    values = _Values()
    for key, value in row.items():
        if _present(value):
            text = str(value)
            values[key] = text.replace("_", " ") if spaces else text
    return template.format_map(values)


def _rows(spans: dict[str, pd.DataFrame], table: str, doc_id: str) -> list[dict]:
    frame = spans.get(table)
    if frame is None or frame.empty:
        return []
    return frame[frame["doc_id"] == doc_id].to_dict("records")


def _present(value: object) -> bool:
    return (
        value is not None
        and not (isinstance(value, float) and math.isnan(value))
        and (value is not pd.NA)
    )


def mark_text(text: str, start: int, end: int, marks: Sequence[Mark]) -> Markup:
    """``text[start:end]`` as escaped HTML, each piece wrapped in the marks over it."""
    inside = [m for m in marks if m.start < end and m.end > start and m.end > m.start]
    cuts = {start, end}
    for m in inside:
        cuts.update((max(m.start, start), min(m.end, end)))
    points = sorted(cuts)
    out: list[str] = []
    for a, b in pairwise(points):
        piece = escape(text[a:b])
        over = [m for m in inside if m.start <= a and m.end >= b]
        if not over:
            out.append(piece)
            continue
        classes = " ".join(dict.fromkeys(c for m in over for c in m.css.split()))
        note = "; ".join(dict.fromkeys(m.note for m in over if m.note))
        badges = "".join(
            f'<sup class="badge">{escape(m.badge)}</sup>' for m in over if m.badge and m.start == a
        )
        title = f' title="{escape(note)}"' if note else ""
        out.append(f'<span class="{escape(classes)}"{title}>{badges}{piece}</span>')
    return Markup("".join(out))


def article_view(
    anchor: str,
    article: pd.Series,
    text: str,
    sentences: pd.DataFrame,
    spans: dict[str, pd.DataFrame],
    unique: dict[int, bool | None],
    story_label: str | None = None,
) -> ArticleView:
    """One article, ready for the template (its story named by ``story_label``)."""
    doc_id = str(article["doc_id"])
    title = str(article.get("title") or "")
    headline_marks = marks_for(doc_id, spans, "headline")
    meta = [
        (label, story_label if key == "story" and story_label else _written(article[key]))
        for key, label in (
            ("published", "published"),
            ("story", "story"),
            ("url", "url"),
            ("n_words", "words"),
        )
        if key in article and _present(article[key]) and str(article[key]) != ""
    ]
    view = ArticleView(
        anchor=anchor,
        doc_id=doc_id,
        outlet=str(article["outlet"]),
        title=mark_text(title, 0, len(title), headline_marks),
        meta=meta,
    )
    marks = marks_for(doc_id, spans, "body")
    previous_paragraph = None
    for s in sentences.itertuples(index=False):
        start, end = int(s.start), int(s.end)
        view.sentences.append(
            SentenceView(
                index=int(s.sentence),
                anchor=f"{anchor}-s{int(s.sentence)}",
                html=mark_text(text, start, end, marks),
                compound=float(getattr(s, "sent_compound", math.nan)),
                unique=unique.get(int(s.sentence)),
                paragraph_start=previous_paragraph is not None
                and s.paragraph != previous_paragraph,
            )
        )
        previous_paragraph = s.paragraph
    return view


def _written(value: object) -> str:
    """A metadata value as a reader wants it: a date without a midnight time."""
    if isinstance(value, pd.Timestamp) and value == value.normalize():
        return value.strftime("%Y-%m-%d")
    return str(value)


def unique_by_sentence(alignment: pd.DataFrame, doc_id: str) -> dict[int, bool | None]:
    """Sentence index → unique to this outlet (True), shared (False), not compared (None)."""
    if alignment is None or alignment.empty:
        return {}
    mine = alignment[alignment["doc_id"] == doc_id]
    return {
        int(i): (None if pd.isna(u) else bool(u))
        for i, u in zip(mine["sentence"], mine["unique"], strict=True)
    }


def highlight(text: str, start: int, end: int, spans: Iterable[tuple[int, int]]) -> Markup:
    """``text[start:end]`` escaped, with the given spans marked as evidence."""
    marks = [Mark(a, b, "ev", "") for a, b in spans]
    return mark_text(text, start, end, marks)
