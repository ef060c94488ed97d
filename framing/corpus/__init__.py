"""Step 1 of the flow: loading, cleaning and grouping articles into a Corpus."""

from __future__ import annotations

from ._clean import CleaningRule, load_cleaning_rules
from ._corpus import ARTICLE_COLUMNS, ERROR_COLUMNS, Corpus, load_corpus
from ._outlets import load_outlet_aliases

__all__ = [
    "ARTICLE_COLUMNS",
    "ERROR_COLUMNS",
    "CleaningRule",
    "Corpus",
    "load_cleaning_rules",
    "load_corpus",
    "load_outlet_aliases",
]
