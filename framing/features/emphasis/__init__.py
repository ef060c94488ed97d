"""What an article puts first: generic news frames and a researcher's angles, weighted by
position, with the evidence.

Frames are Semetko & Valkenburg's (2000) five generic news frames (conflict,
responsibility, human interest, economic consequences, morality), cued by the words in
``features/lexicons/frames.tsv``. Angles are defined by a researcher for one story in a
TOML file (see :mod:`._lexicon`); the same matching and weighting score both.

Position: news puts what it considers most important first (the inverted pyramid), so
emphasis counts weight earlier text more. A cue in the headline weighs 1, in the lede
(the first three sentences) 1, and in sentence *i* (from 0) after the lede 1/(1 + i):
0.25 for the fourth sentence, 0.2 for the fifth. Per article and per frame or angle:

* ``n``: cues found (headline and body);
* ``weighted``: the sum of their weights, higher = more emphasised;
* ``weighted_share``: ``weighted`` over the sum for every frame (or every angle) of the
  article, so articles of different lengths compare;
* ``lede_share``: the share of its cues in the headline or lede (empty with no cue);
* ``in_headline``, ``first_sentence``: whether the headline cues it, and the first body
  sentence that does.

Every cue is a row of ``emphasis_cues`` (``field`` headline or body; offsets index the
title for the headline, the cleaned text for the body).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from os import PathLike
from typing import Any

import pandas as pd

from ...text import segment
from .._base import ArticleInput, Feature, FeatureOutput, Option, span_frame
from .._measures import Evidence, FamilyReport, Highlight, Measure, SpanValue, equals
from .._position import LEDE_SENTENCES, position_weight
from .._view import View
from ._lexicon import FRAMES, CuePattern, Cues, default_frames, load_angles

__all__ = ["EMPHASIS", "EMPHASIS_COLUMNS", "FRAMES", "LEDE_SENTENCES", "score_emphasis"]

CUE_COLUMNS: dict[str, str] = {
    "field": "str",
    "sentence": "Int64",
    "start": "int64",
    "end": "int64",
    "kind": "str",
    "name": "str",
    "cue": "str",
    "weight": "float64",
}
#: Columns of the long per-article table ``analysis.emphasis``.
EMPHASIS_COLUMNS: dict[str, str] = {
    "kind": "str",
    "name": "str",
    "n": "int64",
    "weighted": "float64",
    "weighted_share": "float64",
    "lede_share": "float64",
    "in_headline": "bool",
    "first_sentence": "Int64",
}
ARTICLE_COLUMNS: dict[str, str] = {
    **{
        f"frame_{f}_{m}": "float64" if m != "n" else "int64"
        for f in FRAMES
        for m in ("n", "weighted", "lede_share")
    },
    "frame_dominant": "str",
}
SENTENCE_COLUMNS: dict[str, str] = {f"frame_{f}_n": "int64" for f in FRAMES}


def _step_matches(word: str, step: tuple[frozenset[str], tuple[str, ...]]) -> bool:
    exact, prefixes = step
    return word in exact or any(word.startswith(p) for p in prefixes)


def _match_end(view: View, pattern: CuePattern, i: int) -> int | None:
    sent = view.sent[i]
    j = i
    for n, step in enumerate(pattern.steps):
        if j >= len(view.low) or view.sent[j] != sent:
            return None
        if n and not view.gap(j).isspace():
            return None
        if not _step_matches(view.base(j), step) and not _step_matches(view.low[j], step):
            return None
        j += 1
    return j


def find_cues(view: View, cues: Cues) -> list[tuple[str, int, int]]:
    """(name, first token, end token) of every cue; per name, the longest match at a
    token wins and matches of one name do not overlap."""
    out: list[tuple[str, int, int]] = []
    taken: dict[str, int] = {}  # name -> first free token
    lookup, seen, bases = cues.starting_with, cues.seen.get, view.bases
    for i, word in enumerate(view.low):
        patterns = seen(word)
        if patterns is None:
            patterns = lookup(word)
        if not patterns:
            base = bases[i]
            if base == word:  # most words: no possessive, nothing more to look up
                continue
            patterns = lookup(base)
            if not patterns:
                continue
        best: dict[str, int] = {}
        for pattern in patterns:
            if i < taken.get(pattern.name, 0):
                continue
            end = _match_end(view, pattern, i)
            if end is not None and end > best.get(pattern.name, i):
                best[pattern.name] = end
        for name, end in best.items():
            out.append((name, i, end))
            taken[name] = end
    return out


def _rows(view: View, cues: Cues, field: str) -> list[dict[str, Any]]:
    rows = []
    for name, i, end in find_cues(view, cues):
        sentence = None if field == "headline" else view.sent[i]
        start, stop = view.starts[i], view.ends[end - 1]
        rows.append(
            {
                "field": field,
                "sentence": sentence,
                "start": start,
                "end": stop,
                "kind": cues.kind,
                "name": name,
                "cue": view.text[start:stop],
                "weight": position_weight(sentence),
            }
        )
    return rows


def _summaries(rows: list[dict[str, Any]], cues: Cues) -> list[dict[str, Any]]:
    total = sum(r["weight"] for r in rows)
    out = []
    for name in cues.names:
        mine = [r for r in rows if r["name"] == name]
        weighted = sum(r["weight"] for r in mine)
        lede = sum(r["sentence"] is None or r["sentence"] < LEDE_SENTENCES for r in mine)
        body = [r["sentence"] for r in mine if r["sentence"] is not None]
        out.append(
            {
                "kind": cues.kind,
                "name": name,
                "n": len(mine),
                "weighted": weighted,
                "weighted_share": weighted / total if total else math.nan,
                "lede_share": lede / len(mine) if mine else math.nan,
                "in_headline": any(r["sentence"] is None for r in mine),
                "first_sentence": min(body) if body else None,
            }
        )
    return out


def score_emphasis(
    view: View, headline: View | None, cues: Cues
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The cue rows and the per-name summaries of one article for one set of cues."""
    rows = _rows(headline, cues, "headline") if headline is not None else []
    rows += _rows(view, cues, "body")
    return rows, _summaries(rows, cues)


def _compute(article: ArticleInput) -> FeatureOutput:
    view, headline = article.view, article.headline
    frame_rows, frames = score_emphasis(view, headline, default_frames())
    cue_rows, summaries = list(frame_rows), list(frames)
    angles = load_angles(article.option("angles"))
    if angles is not None:
        angle_rows, angle_summaries = score_emphasis(view, headline, angles)
        cue_rows += angle_rows
        summaries += angle_summaries
    per_sentence = {f: [0] * article.seg.n_sentences for f in FRAMES}
    for r in frame_rows:
        if r["sentence"] is not None:
            per_sentence[r["name"]][r["sentence"]] += 1
    figures: dict[str, Any] = {}
    for s in frames:
        figures[f"frame_{s['name']}_n"] = s["n"]
        figures[f"frame_{s['name']}_weighted"] = s["weighted"]
        figures[f"frame_{s['name']}_lede_share"] = s["lede_share"]
    top = max(frames, key=lambda s: s["weighted"])
    figures["frame_dominant"] = top["name"] if top["weighted"] > 0 else None
    return FeatureOutput(
        article=figures,
        sentences={f"frame_{f}_n": v for f, v in per_sentence.items()},
        spans={"emphasis_cues": cue_rows, "emphasis": summaries},
    )


def extract_emphasis(
    text: str,
    *,
    title: str | None = None,
    angles: str | PathLike[str] | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Frame (and angle) cues of one article, and their per-name summaries.

    Args:
        text: The article body.
        title: Its headline, if any (a cue there weighs as much as one in the lede).
        angles: A TOML file of angles for the story (see ``framing.EXAMPLE_ANGLES``).

    Returns:
        ``(cues, summary)``: one row per cue (``field``, ``sentence``, ``start``, ``end``,
        ``kind``, ``name``, ``cue``, ``weight``), and one row per frame and angle (``n``,
        ``weighted``, ``weighted_share``, ``lede_share``, ``in_headline``,
        ``first_sentence``).
    """
    given = {"angles": str(angles) if angles else None}
    article = ArticleInput("text", title, segment(text), given)
    out = _compute(article)
    return (
        span_frame(out.spans["emphasis_cues"], CUE_COLUMNS),
        span_frame(out.spans["emphasis"], EMPHASIS_COLUMNS),
    )


def data_measures(spans: Mapping[str, pd.DataFrame]) -> tuple[Measure, ...]:
    """One measure per frame and per angle scored in the analysis's ``emphasis`` table:
    its position-weighted cues over those of every frame (or angle), so long and short
    articles compare."""
    emphasis = spans.get("emphasis")
    if emphasis is None or emphasis.empty:
        return ()
    out = []
    for kind in ("frame", "angle"):
        for name in dict.fromkeys(emphasis.loc[emphasis["kind"] == kind, "name"]):
            what = name.replace("_", " ") if kind == "frame" else name
            which = (equals("kind", kind), equals("name", name))
            out.append(
                Measure(
                    f"{kind}:{name}",
                    f"{what} ({kind}), share of position-weighted {kind} cues",
                    "share",
                    f"higher = more of its {kind} emphasis on {what}",
                    Evidence("emphasis_cues", which, order="weight"),
                    value=SpanValue("emphasis", which, "weighted_share"),
                )
            )
    return tuple(out)


EMPHASIS = Feature(
    name="emphasis",
    # Before framing 0.2 (kept for one release): the sentence counts, named as the
    # article's.
    renamed={f"frame_{f}": f"frame_{f}_n" for f in FRAMES},
    data_measures=data_measures,
    highlights=(Highlight("emphasis_cues", "{kind}", "{kind}: {name}", field="field"),),
    report=FamilyReport(core=True, findings_max=3),
    options=(Option("angles", load_angles, "angles file"),),
    article_columns=ARTICLE_COLUMNS,
    sentence_columns=SENTENCE_COLUMNS,
    span_tables={"emphasis_cues": CUE_COLUMNS, "emphasis": EMPHASIS_COLUMNS},
    compute=_compute,
    description=(
        "what it puts first: Semetko & Valkenburg's five news frames and a researcher's "
        "angles, weighted by position (headline and lede 1, then 1/(1+i))"
    ),
)
