"""Source attribution: who speaks in an article, and what kind of source they are.

:func:`extract_attributions` finds every attribution in a text: direct quotes,
reported speech, "according to", and impersonal forms ("it is understood"). For each
it gives the cue, the source span, who the source resolves to within the article, a
source type, the content span and, where the source spoke *to* someone ("told Sky
News"), the recipient. It runs offline on rules and the lexicons in
``framing/features/lexicons`` (see :mod:`framing.features._names._lexicon` for extending
them); the rules are described in :mod:`._rules` and source resolution in :mod:`._names`,
over the article's names that :mod:`framing.features._names` finds (shared with actors).

Source types (the definitions reports cite):

* ``person``: an individual identified by name, or a pronoun or title resolved to
  one ("Mr Healey", "Admiral Brad Cooper", "he" after a named man, "the defence
  secretary" after "Defence Secretary John Healey"). An unresolved "he"/"she" is
  also ``person``: it denotes one individual, whom the extractor could not name
  (``resolved_source`` is then empty).
* ``organisation``: a named institution, government, company or body, including its
  unnamed spokesperson speaking on the record ("the Ministry of Defence", "the Israeli
  military", "a police spokesman", "the Treasury said in a statement"), and documents
  a body issued ("the report", "figures from the ONS").
* ``anonymous``: unidentified people or vague groups ("defence sources", "the source",
  "a senior government source", "US officials", "people familiar with the talks",
  "critics", "witnesses"), and impersonal constructions with no source at all ("it is
  understood", "is believed to").
* ``media``: another outlet or publication ("according to Sky News", "Axios reported",
  "British media reported", "first reported by Reuters").
"""

from __future__ import annotations

from collections.abc import Mapping
from os import PathLike
from typing import Any

import pandas as pd

from ...text import segment
from .._base import ArticleInput, Feature, FeatureOutput, Option, span_frame
from .._measures import (
    Coded,
    Evidence,
    FamilyReport,
    Highlight,
    Measure,
    equals,
    one_of,
    present,
)
from .._names import AttributionLexicons, default_lexicons, load_attribution_lexicons
from .._view import View, make_view
from ._common import SOURCE_TYPES, SourceType
from ._names import Resolver
from ._rules import find_candidates

__all__ = [
    "ATTRIBUTION",
    "ATTRIBUTION_COLUMNS",
    "SOURCE_TYPES",
    "AttributionLexicons",
    "SourceType",
    "extract_attributions",
    "load_attribution_lexicons",
    "speech_cue_forms",
]


#: Columns of the attribution table (besides ``doc_id`` in a corpus run).
ATTRIBUTION_COLUMNS: dict[str, str] = {
    "start": "int64",
    "end": "int64",
    "sentence": "int64",
    "kind": "str",
    "cue": "str",
    "cue_lemma": "str",
    "cue_category": "str",
    "cue_loaded": "boolean",
    "cue_note": "str",
    "cue_start": "Int64",
    "cue_end": "Int64",
    "source": "str",
    "source_start": "Int64",
    "source_end": "Int64",
    "source_type": "str",
    "resolved_source": "str",
    "content": "str",
    "content_start": "Int64",
    "content_end": "Int64",
    "recipient": "str",
    "recipient_start": "Int64",
    "recipient_end": "Int64",
    "rule": "str",
}

ARTICLE_COLUMNS: dict[str, str] = {
    "attr_n": "int64",
    "attr_per_1k_words": "float64",
    **{f"attr_n_{t}": "int64" for t in SOURCE_TYPES},
    **{f"attr_{t}_share": "float64" for t in SOURCE_TYPES},
    "attr_named_share": "float64",
    "attr_direct_share": "float64",
    "attr_distinct_sources": "int64",
    "attr_loaded_verb_share": "float64",
}


def speech_cue_forms(lexicons: AttributionLexicons | None = None) -> frozenset[str]:
    """Lowercase word forms of the reporting verbs of speech and writing."""
    return (lexicons or default_lexicons()).speech_forms()


def attribution_pass(
    view: View, lexicons: AttributionLexicons
) -> tuple[Resolver, list[dict[str, Any]]]:
    """The names of one article and its attribution rows (plain dicts, text order)."""
    candidates = find_candidates(view, lexicons)
    resolver = Resolver(view, lexicons)
    infos = resolver.resolve_all(candidates)
    text = view.text
    rows: list[dict[str, Any]] = []
    for c, info in zip(candidates, infos, strict=True):
        if c.extra.get("orphan"):
            continue  # a quote-only paragraph after a change of speaker: no one's
        outer = c.extra.get("outer", c.content)
        spans = [s for s in (c.cue, info.span, outer, c.recipient) if s is not None]
        entry = c.cue_entry
        rows.append(
            {
                "start": min(s for s, _ in spans),
                "end": max(e for _, e in spans),
                "sentence": c.sentence,
                "kind": c.kind,
                "cue": c.cue_text,
                "cue_lemma": entry.lemma if entry else (c.cue_text.lower() if c.cue_text else None),
                "cue_category": entry.category if entry else None,
                "cue_loaded": entry.loaded if entry else False,
                "cue_note": (entry.note or None) if entry else None,
                "cue_start": c.cue[0] if c.cue else None,
                "cue_end": c.cue[1] if c.cue else None,
                "source": info.text,
                "source_start": info.span[0] if info.span else None,
                "source_end": info.span[1] if info.span else None,
                "source_type": info.source_type,
                "resolved_source": info.resolved,
                "content": text[c.content[0] : c.content[1]] if c.content else None,
                "content_start": c.content[0] if c.content else None,
                "content_end": c.content[1] if c.content else None,
                "recipient": text[c.recipient[0] : c.recipient[1]] if c.recipient else None,
                "recipient_start": c.recipient[0] if c.recipient else None,
                "recipient_end": c.recipient[1] if c.recipient else None,
                "rule": c.rule,
            }
        )
    return resolver, rows


def article_attributions(article: ArticleInput) -> tuple[Resolver, list[dict[str, Any]]]:
    """:func:`attribution_pass` for an article, run once and shared with the actor finder."""
    lexicons = article.option("lexicons")
    return article.shared(
        "attribution",
        lambda: attribution_pass(article.view, load_attribution_lexicons(lexicons)),
    )


def extract_attributions(
    text: str,
    *,
    lexicons: str | PathLike[str] | Mapping[str, object] | AttributionLexicons | None = None,
) -> pd.DataFrame:
    """Every attribution in a text, one row each, in text order.

    Args:
        text: One article (for a corpus, use :func:`framing.analyse`, which fills
            ``analysis.attributions`` from the cleaned texts).
        lexicons: A TOML file (or mapping) extending the reporting verbs, anonymous
            heads, organisation and media gazetteers; see the README.

    Returns:
        A DataFrame with the columns of ``ATTRIBUTION_COLUMNS``: ``start``/``end`` (the
        whole attribution), ``kind`` (direct, indirect, according_to, impersonal),
        ``cue`` with ``cue_lemma``, ``cue_category``, ``cue_loaded`` and ``cue_note``
        (what a loaded verb such as "claimed" implies), ``source`` with its span,
        ``source_type`` (person, organisation, anonymous, media), ``resolved_source``,
        ``content`` with its span, ``recipient`` ("told Sky News") and the ``rule``
        that fired. Offsets index ``text``; end is exclusive.

    Example:
        >>> framing.extract_attributions('"We will act," Mr Healey said.')[
        ...     ["kind", "source", "source_type"]]  # doctest: +SKIP
    """
    lex = load_attribution_lexicons(lexicons)
    _, rows = attribution_pass(make_view(segment(text)), lex)
    return span_frame(rows, ATTRIBUTION_COLUMNS)


def article_figures(rows: list[dict[str, Any]], n_words: int) -> dict[str, Any]:
    """Per-article attribution figures, computed from the span rows themselves."""
    n = len(rows)
    counts = {t: sum(r["source_type"] == t for r in rows) for t in SOURCE_TYPES}
    share = (lambda k: k / n) if n else (lambda k: float("nan"))
    verbs = [r for r in rows if r["cue_category"] is not None]
    sources = {
        (r["resolved_source"] or r["source"] or "").casefold()
        for r in rows
        if r["resolved_source"] or r["source"]
    }
    return {
        "attr_n": n,
        "attr_per_1k_words": 1000 * n / n_words if n_words else float("nan"),
        **{f"attr_n_{t}": counts[t] for t in SOURCE_TYPES},
        **{f"attr_{t}_share": share(counts[t]) for t in SOURCE_TYPES},
        "attr_named_share": share(counts["person"] + counts["organisation"]),
        "attr_direct_share": share(sum(r["kind"] == "direct" for r in rows)),
        "attr_distinct_sources": len(sources),
        "attr_loaded_verb_share": (
            sum(bool(r["cue_loaded"]) for r in verbs) / len(verbs) if verbs else float("nan")
        ),
    }


def _compute(article: ArticleInput) -> FeatureOutput:
    _, rows = article_attributions(article)
    figures = article_figures(rows, len(article.seg.tokens))
    return FeatureOutput(article=figures, spans={"attributions": rows})


_ATTRIBUTIONS = Evidence("attributions")

#: The figures outlets are compared on, in the order reports show them.
MEASURES: tuple[Measure, ...] = (
    Measure(
        "attr_per_1k_words",
        "attributions per 1,000 words",
        "rate",
        "higher = more of the text given to what others said",
        _ATTRIBUTIONS,
    ),
    Measure(
        "attr_named_share",
        "named sources (person or organisation), share of attributions",
        "share",
        "higher = more of its sources named",
        Evidence("attributions", (one_of("source_type", "person", "organisation"),)),
        headline=False,
        coded=Coded("attribution", "source_type", ("person", "organisation")),
    ),
    *(
        Measure(
            f"attr_{t}_share",
            f"{t} sources, share of attributions",
            "share",
            f"higher = more of its attributions to {t} sources",
            Evidence("attributions", (equals("source_type", t),)),
            summary=t == "anonymous",
            coded=Coded("attribution", "source_type", (t,)),
        )
        for t in SOURCE_TYPES
    ),
    Measure(
        "attr_direct_share",
        "direct quotes, share of attributions",
        "share",
        "higher = more sources quoted in their own words",
        Evidence("attributions", (equals("kind", "direct"),)),
    ),
    Measure(
        "attr_distinct_sources_per_1k_words",
        "distinct sources per 1,000 words",
        "rate",
        "higher = more voices for the length",
        Evidence(
            "attributions",
            (present("resolved_source"),),
            per=("resolved_source", "source_type"),
            per_label="distinct sources",
        ),
        per_1k_of="attr_distinct_sources",
    ),
    Measure(
        "attr_distinct_sources",
        "distinct sources per article",
        "count",
        "higher = more voices (longer articles have more)",
        Evidence(
            "attributions",
            (present("resolved_source"),),
            per=("resolved_source", "source_type"),
            per_label="distinct sources",
        ),
    ),
)

_BADGES = {"person": "P", "organisation": "O", "anonymous": "A", "media": "M"}

ATTRIBUTION = Feature(
    name="attribution",
    article_columns=ARTICLE_COLUMNS,
    compute=_compute,
    span_tables={"attributions": ATTRIBUTION_COLUMNS},
    description=(
        "who speaks: direct, indirect, according-to and impersonal attributions with "
        "source type (person, organisation, anonymous, media)"
    ),
    measures=MEASURES,
    highlights=(
        Highlight(
            "attributions",
            "attr attr-{source_type}",
            "{kind} attribution to a {source_type} source",
            badge=("source_type", _BADGES),
        ),
        Highlight("attributions", "src", "source: {source_type}", "source_start", "source_end"),
        Highlight("attributions", "cue", "cue: {cue_lemma}", "cue_start", "cue_end"),
    ),
    report=FamilyReport(core=True),
    options=(Option("lexicons", load_attribution_lexicons, "lexicon file"),),
)
