"""What the feature families that read names share (attribution, actors, and the
analysis step's merging of actors across a corpus).

``_lexicon`` reads the gazetteers and word lists the name finder types names with
(organisations, media, countries and demonyms, titles, first names, body and voice
heads), bundled with attribution's reporting verbs in :class:`AttributionLexicons`, the
one lexicon object a user extends from the ``[attribution]`` table of a lexicon file.
It sits here, below the families, so that each family reads it without importing
another family's private modules and without an import circle.
"""

from __future__ import annotations

from ._lexicon import (
    CATEGORIES,
    AttributionLexicons,
    VerbEntry,
    default_lexicons,
    first_words,
    load_attribution_lexicons,
    word_lists,
    word_table,
)

__all__ = [
    "CATEGORIES",
    "AttributionLexicons",
    "VerbEntry",
    "default_lexicons",
    "first_words",
    "load_attribution_lexicons",
    "word_lists",
    "word_table",
]
