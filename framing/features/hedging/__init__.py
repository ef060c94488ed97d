"""How sure an article sounds: hedges and boosters, with the evidence.

:func:`extract_hedges` finds every hedge cue in a text: epistemic modals, adverbs,
adjectives and nouns (may, possibly, likely, speculation), epistemic and belief verbs
(appear to, seem, suggest, believe, expect), impersonal and passive forms ("it is
understood", "is thought to"), approximators before a quantity ("around 200") and
conditionals ("if", "whether"; they can be switched off); a weasel tier ("some
experts", "critics say") is opt-in. :func:`extract_boosters` finds the opposite:
clearly, certainly, undoubtedly, "there is no doubt", "will" in prediction. Both run on
the lexicons in ``framing/features/lexicons`` (``hedges.tsv``, ``boosters.tsv``,
``weasels.tsv``) and the context rules in :mod:`._rules`.

A cue inside a direct quote belongs to the quoted speaker, not to the outlet: the
``voice`` column says which (``outlet`` or ``quote``), and the article figures give the
share of hedges in the outlet's own voice.

Units and direction: per-1,000-word rates and shares; higher = more hedged (or more
boosted). Categories follow Hyland (2005) for hedges and boosters and the Szeged
Uncertainty Corpus classes (Szarvas et al. 2012) for ``uncertainty_class``.
"""

from __future__ import annotations

from collections.abc import Mapping
from os import PathLike
from typing import Any

import pandas as pd

from ...text import segment
from .._base import ArticleInput, Feature, FeatureOutput, Option, span_frame
from .._measures import Coded, Evidence, FamilyReport, Highlight, Measure, equals
from .._view import View, make_view
from ._lexicon import (
    BOOSTER_CATEGORIES,
    HEDGE_CATEGORIES,
    HedgeLexicons,
    load_hedge_lexicons,
)
from ._rules import find_cues

__all__ = [
    "BOOSTER_CATEGORIES",
    "BOOSTER_COLUMNS",
    "HEDGE_CATEGORIES",
    "HEDGE_COLUMNS",
    "HEDGING",
    "HedgeLexicons",
    "extract_boosters",
    "extract_hedges",
    "load_hedge_lexicons",
]

#: Columns of the hedge table (besides ``doc_id`` in a corpus run).
HEDGE_COLUMNS: dict[str, str] = {
    "start": "int64",
    "end": "int64",
    "sentence": "int64",
    "cue": "str",
    "cue_lemma": "str",
    "cue_category": "str",
    "uncertainty_class": "str",
    "voice": "str",
}
#: Columns of the booster table.
BOOSTER_COLUMNS: dict[str, str] = {
    "start": "int64",
    "end": "int64",
    "sentence": "int64",
    "cue": "str",
    "cue_lemma": "str",
    "cue_category": "str",
    "voice": "str",
}

ARTICLE_COLUMNS: dict[str, str] = {
    "hedge_n": "int64",
    "hedge_per_1k_words": "float64",
    "hedge_sentence_share": "float64",
    "hedge_own_voice_share": "float64",
    **{f"hedge_n_{c}": "Int64" for c in HEDGE_CATEGORIES},
    "booster_n": "int64",
    "booster_per_1k_words": "float64",
    "booster_sentence_share": "float64",
    "booster_own_voice_share": "float64",
    **{f"booster_n_{c}": "int64" for c in BOOSTER_CATEGORIES},
    "hedge_booster_ratio": "float64",
}
SENTENCE_COLUMNS: dict[str, str] = {
    "hedge_any": "bool",
    "booster_any": "bool",
    "hedge_n": "int64",
    "booster_n": "int64",
}
#: The columns' names before framing 0.2, for one release (old → new): the sentence
#: columns follow the article columns' names, the span tables' cue columns those of
#: ``analysis.attributions``.
RENAMED: dict[str, str] = {
    "hedged": "hedge_any",
    "boosted": "booster_any",
    "hedge_count": "hedge_n",
    "booster_count": "booster_n",
    "lemma": "cue_lemma",
    "category": "cue_category",
}


def cue_rows(view: View, lex: HedgeLexicons) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The hedge rows and the booster rows of one article (plain dicts, text order)."""
    hedges: list[dict[str, Any]] = []
    boosters: list[dict[str, Any]] = []
    text = view.text
    for m in find_cues(view, lex):
        start, end = view.starts[m.first], view.ends[m.last - 1]
        row: dict[str, Any] = {
            "start": start,
            "end": end,
            "sentence": view.sent[m.first],
            "cue": text[start:end],
            "cue_lemma": m.lemma,
            "cue_category": m.category,
            "voice": "quote" if view.quote[m.first] >= 0 else "outlet",
        }
        if m.tier == "booster":
            boosters.append(row)
        else:
            row["uncertainty_class"] = m.uncertainty_class
            hedges.append(row)
    return hedges, boosters


def _options(
    lexicons: str | PathLike[str] | Mapping[str, object] | HedgeLexicons | None,
    conditionals: bool | None,
    weasels: bool | None,
) -> HedgeLexicons:
    lex = load_hedge_lexicons(lexicons)
    if conditionals is None and weasels is None:
        return lex
    return HedgeLexicons(
        lex.cues,
        lex.conditionals if conditionals is None else conditionals,
        lex.weasels if weasels is None else weasels,
        lex.sources,
        lex.digest,
    )


def extract_hedges(
    text: str,
    *,
    conditionals: bool | None = None,
    weasels: bool | None = None,
    lexicons: str | PathLike[str] | Mapping[str, object] | HedgeLexicons | None = None,
) -> pd.DataFrame:
    """Every hedge cue in a text, one row each, in text order.

    Args:
        text: One article (for a corpus, :func:`framing.analyse` fills
            ``analysis.hedges`` from the cleaned texts).
        conditionals: Count "if", "unless", "whether" (default True, or the lexicon
            file's ``conditionals``).
        weasels: Count the weasel tier, "some experts", "critics say" (default False).
        lexicons: A TOML file (or mapping) with a ``[hedging]`` table extending the cue
            lists; see the README.

    Returns:
        A DataFrame with the columns of ``HEDGE_COLUMNS``: ``start``/``end`` (offsets in
        ``text``, end exclusive), ``sentence`` (index), ``cue`` (the matched words),
        ``lemma``, ``category`` (modal, adverb, adjective, noun, verb, impersonal,
        approximator, conditional, weasel), ``uncertainty_class`` (the Szeged class:
        epistemic, doxastic, investigation, condition) and ``voice`` (``outlet``, or
        ``quote`` for a cue inside a direct quote).

    Example:
        >>> hedges = framing.extract_hedges("It is understood the plan could change.")
        >>> hedges[["cue", "cue_category"]]  # doctest: +SKIP
        ... # "It is understood" impersonal, "could" modal
    """
    lex = _options(lexicons, conditionals, weasels)
    hedges, _ = cue_rows(make_view(segment(text)), lex)
    return span_frame(hedges, HEDGE_COLUMNS)


def extract_boosters(
    text: str,
    *,
    lexicons: str | PathLike[str] | Mapping[str, object] | HedgeLexicons | None = None,
) -> pd.DataFrame:
    """Every booster cue in a text ("clearly", "certainly", "will" in prediction).

    Args:
        text: One article.
        lexicons: A TOML file (or mapping) with a ``[hedging]`` table; see the README.

    Returns:
        A DataFrame with the columns of ``BOOSTER_COLUMNS`` (as the hedge table, without
        ``uncertainty_class``; categories adverb, adjective, verb, modal).
    """
    _, boosters = cue_rows(make_view(segment(text)), load_hedge_lexicons(lexicons))
    return span_frame(boosters, BOOSTER_COLUMNS)


def article_figures(
    hedges: list[dict[str, Any]],
    boosters: list[dict[str, Any]],
    n_words: int,
    n_sentences: int,
    lex: HedgeLexicons,
) -> dict[str, Any]:
    """Per-article hedging figures, computed from the span rows themselves."""

    def rate(n: int) -> float:
        return 1000 * n / n_words if n_words else float("nan")

    def sentence_share(rows: list[dict[str, Any]]) -> float:
        return len({r["sentence"] for r in rows}) / n_sentences if n_sentences else float("nan")

    def own_voice(rows: list[dict[str, Any]]) -> float:
        return sum(r["voice"] == "outlet" for r in rows) / len(rows) if rows else float("nan")

    switched_off = {"conditional": not lex.conditionals, "weasel": not lex.weasels}
    return {
        "hedge_n": len(hedges),
        "hedge_per_1k_words": rate(len(hedges)),
        "hedge_sentence_share": sentence_share(hedges),
        "hedge_own_voice_share": own_voice(hedges),
        **{
            f"hedge_n_{c}": None
            if switched_off.get(c)
            else sum(r["cue_category"] == c for r in hedges)
            for c in HEDGE_CATEGORIES
        },
        "booster_n": len(boosters),
        "booster_per_1k_words": rate(len(boosters)),
        "booster_sentence_share": sentence_share(boosters),
        "booster_own_voice_share": own_voice(boosters),
        **{
            f"booster_n_{c}": sum(r["cue_category"] == c for r in boosters)
            for c in BOOSTER_CATEGORIES
        },
        "hedge_booster_ratio": len(hedges) / len(boosters) if boosters else float("nan"),
    }


def _compute(article: ArticleInput) -> FeatureOutput:
    lex = load_hedge_lexicons(article.option("lexicons"))
    hedges, boosters = cue_rows(article.view, lex)
    n_sentences = article.seg.n_sentences
    hedge_n = [0] * n_sentences
    booster_n = [0] * n_sentences
    for r in hedges:
        hedge_n[r["sentence"]] += 1
    for r in boosters:
        booster_n[r["sentence"]] += 1
    return FeatureOutput(
        article=article_figures(hedges, boosters, article.seg.n_words, n_sentences, lex),
        sentences={
            "hedge_any": [n > 0 for n in hedge_n],
            "booster_any": [n > 0 for n in booster_n],
            "hedge_n": hedge_n,
            "booster_n": booster_n,
        },
        spans={"hedges": hedges, "boosters": boosters},
    )


#: The figures outlets are compared on, in the order reports show them.
MEASURES: tuple[Measure, ...] = (
    Measure(
        "hedge_per_1k_words",
        "hedges per 1,000 words",
        "rate",
        "higher = more hedged",
        Evidence("hedges"),
    ),
    Measure(
        "hedge_sentence_share",
        "hedged sentences, share of sentences",
        "share",
        "higher = more hedged",
        Evidence("hedges"),
        summary=True,
        coded=Coded("sentence", "uncertain", ("yes",)),
    ),
    Measure(
        "hedge_own_voice_share",
        "hedges in the outlet's own voice, share of hedges",
        "share",
        "higher = more of its doubt its own, not its sources'",
        Evidence("hedges", (equals("voice", "outlet"),)),
    ),
    Measure(
        "booster_per_1k_words",
        "boosters per 1,000 words",
        "rate",
        "higher = more emphatic certainty",
        Evidence("boosters"),
        summary=True,
    ),
    Measure(
        "booster_sentence_share",
        "boosted sentences, share of sentences",
        "share",
        "higher = more emphatic certainty",
        Evidence("boosters"),
    ),
)

HEDGING = Feature(
    name="hedging",
    measures=MEASURES,
    renamed=RENAMED,
    highlights=(
        Highlight("hedges", "hedge", "hedge ({cue_category})"),
        Highlight("boosters", "boost", "booster ({cue_category})"),
    ),
    report=FamilyReport(core=True),
    options=(Option("lexicons", load_hedge_lexicons, "lexicon file"),),
    article_columns=ARTICLE_COLUMNS,
    sentence_columns=SENTENCE_COLUMNS,
    span_tables={"hedges": HEDGE_COLUMNS, "boosters": BOOSTER_COLUMNS},
    compute=_compute,
    description=(
        "how sure it sounds: hedges (Hyland 2005; Szeged uncertainty classes) and boosters "
        "per 1,000 words, hedged-sentence share, own voice vs quotes"
    ),
)
