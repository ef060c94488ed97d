"""Word forms shared by keyness, sentence alignment and story grouping, so all read a
token the same way, and the stemmer they share.

Texts are first *unified* (curly apostrophes to ``'``, the Unicode hyphen U+2010 and the
non-breaking hyphen U+2011 to ``-``; one character for one, so spans still index the
original text), then cut into framing's word tokens (:data:`framing.text._TOKEN`).
:func:`word_form` then strips a possessive ``'s`` and the dots of an initialism
(``F.B.I.`` → ``FBI``, ``U.S.`` → ``US``, ``D.C.`` → ``DC``) and keeps the case, which
the callers need to tell ``US`` from *us*. A possessive written after the final dot
(``F.B.I.’s``) is tokenised as ``F.B.I`` and a lone ``s``; callers drop the ``s``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

import Stemmer

from .text import _TOKEN

_UNIFY = str.maketrans({"’": "'", "‘": "'", "‐": "-", "‑": "-"})

# Single letters joined by dots (the tokeniser never keeps a final dot): F.B.I, U.S, a.m.
_INITIALISM = re.compile(r"[^\W\d_](?:\.[^\W\d_])+")


def unify(text: str) -> str:
    """``text`` with apostrophes and hyphens unified, character for character."""
    return text.translate(_UNIFY)


def tokens(text: str) -> Iterator[re.Match[str]]:
    """framing's word tokens of ``unify(text)`` (spans index ``text`` too)."""
    return _TOKEN.finditer(unify(text))


def word_form(token: str) -> str:
    """The written form of a token of unified text: possessive and initialism dots removed.

    >>> word_form("F.B.I"), word_form("Trump's"), word_form("U.S"), word_form("co-op")
    ('FBI', 'Trump', 'US', 'co-op')
    """
    if token.endswith(("'s", "'S")) and len(token) > 2:
        token = token[:-2]
    if "." in token and _INITIALISM.fullmatch(token):
        token = token.replace(".", "")
    return token


def is_all_caps(form: str) -> bool:
    """Whether ``form`` is written in capitals with at least two letters (``US``, ``WHO``)."""
    return form.isupper() and sum(c.isalpha() for c in form) >= 2


_SNOWBALL = Stemmer.Stemmer("english")


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """The Snowball English stem (Porter 2001, "Snowball: A language for stemming
    algorithms"; the "Porter2" stemmer, by PyStemmer's C implementation) of a lowercase
    word: *offer*, *offers* and *offered* → ``offer``; *statement* and *state* stay
    apart; *coordination*, *coordinating* → ``coordin``.

    >>> stem("offers"), stem("offered"), stem("question"), stem("statement")
    ('offer', 'offer', 'question', 'statement')
    """
    return _SNOWBALL.stemWord(word)
