"""Step 5 of the flow: comparing outlets. Distinctive words per outlet (Monroe et al.
2008 log-odds with an informative Dirichlet prior, or Dunning's G²) and sentence
alignment within a story (what each outlet says that no other does)."""

from __future__ import annotations

from ._alignment import DEFAULT_THRESHOLD, align_sentences
from ._keyness import HONORIFICS, distinctive_words, word_counts

__all__ = [
    "DEFAULT_THRESHOLD",
    "HONORIFICS",
    "align_sentences",
    "distinctive_words",
    "word_counts",
]
