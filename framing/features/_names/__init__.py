"""Names in an article: finding, typing and merging them, shared by the feature families
that read names (attribution resolves its sources over them, actors counts them) and by
the analysis step's merging of actors across a corpus.

``_mentions`` finds an article's names (:class:`NameIndex`: its people and bodies, their
types, titles and roles, a person's mentions merged by surname); attribution's
``Resolver`` builds on it to say who each source is.

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
from ._mentions import GROUP_ADJECTIVES, SUBJECT_PRONOUNS, Mention, NameIndex, Person

__all__ = [
    "CATEGORIES",
    "GROUP_ADJECTIVES",
    "SUBJECT_PRONOUNS",
    "AttributionLexicons",
    "Mention",
    "NameIndex",
    "Person",
    "VerbEntry",
    "default_lexicons",
    "first_words",
    "load_attribution_lexicons",
    "word_lists",
    "word_table",
]
