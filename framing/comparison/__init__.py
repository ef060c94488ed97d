"""Step 5 of the flow: comparing outlets. Every figure side by side, with bootstrap
intervals, effect sizes and paired within-story differences (:func:`compare`); distinctive
words per outlet (Monroe et al. 2008 log-odds with an informative Dirichlet prior, or
Dunning's G²); sentence alignment within a story (what each outlet says that no other
does); and every figure per outlet over time (:func:`trend`, :func:`compare_periods`)."""

from __future__ import annotations

from ._alignment import DEFAULT_THRESHOLD, align_sentences
from ._compare import (
    BETWEEN,
    COMPARISON_COLUMNS,
    WITHIN,
    compare,
    format_comparison,
    group_column,
    with_outlet_column,
)
from ._keyness import HONORIFICS, distinctive_words, find_distinctive_words, word_counts
from ._measures import Measure, groups_of, measure_table, measures_for
from ._trend import (
    ARTICLES,
    FREQ_WORDS,
    TREND_COLUMNS,
    Freq,
    compare_periods,
    format_trend,
    freq_word,
    period_label,
    period_of,
    trend,
)

__all__ = [
    "ARTICLES",
    "BETWEEN",
    "COMPARISON_COLUMNS",
    "DEFAULT_THRESHOLD",
    "FREQ_WORDS",
    "HONORIFICS",
    "TREND_COLUMNS",
    "WITHIN",
    "Freq",
    "Measure",
    "align_sentences",
    "compare",
    "compare_periods",
    "distinctive_words",
    "find_distinctive_words",
    "format_comparison",
    "format_trend",
    "freq_word",
    "group_column",
    "groups_of",
    "measure_table",
    "measures_for",
    "period_label",
    "period_of",
    "trend",
    "with_outlet_column",
    "word_counts",
]
