"""Long articles for measuring how the extractors grow with an article's length.

:func:`long_article` strings together the paragraphs of framing's fictional demo articles
(``framing/data/demo/articles``: quotes, names, titles, pronouns, reported speech,
"according to"), repeating them as often as needed. Each repetition gives every person's
surname, and the invented places, a different ending ("Rahimi" -> "Rahimib"), so an
article of 2,000 paragraphs has some 15 times the people of the demo's 135 paragraphs, as a
long real text would, instead of the same dozen merged over and over. First names are
kept: they carry the gender the pronoun resolution reads. The output depends only on the
arguments.

Used by ``benchmarks/bench_length.py`` and ``tests/features/test_linear_length.py``.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

__all__ = ["demo_paragraphs", "long_article"]

# The demo's invented places and firm: varied too, so that bodies named after them
# ('Wharfside Residents' Association', 'Brennock Chemicals') multiply like the people.
_PLACES = ("Wharfside", "Marrowick", "Tansey", "Tanseyside", "Brennock", "Greyfield")
_DEMO = Path(__file__).resolve().parent.parent / "framing" / "data" / "demo" / "articles"


@cache
def demo_paragraphs() -> tuple[tuple[str, ...], re.Pattern[str] | None]:
    """The demo paragraphs in file order, and a pattern matching the surnames and places."""
    from framing.features._names import NameIndex
    from framing.features._view import make_view
    from framing.features.attribution import load_attribution_lexicons
    from framing.text import segment

    lex = load_attribution_lexicons(None)
    paragraphs: list[str] = []
    surnames: set[str] = set()
    for path in sorted(_DEMO.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        paragraphs += [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
        resolver = NameIndex(make_view(segment(text)), lex)
        for person in resolver.people.values():
            words = person.canonical.split()
            if len(words) > 1 and words[-1].isalpha():  # 'Quay', 'Tuesday' are no people
                surnames.add(words[-1])
    surnames.update(_PLACES)
    if not surnames:
        return tuple(paragraphs), None
    alternatives = "|".join(sorted(map(re.escape, surnames), key=len, reverse=True))
    return tuple(paragraphs), re.compile(rf"\b(?:{alternatives})\b")


def _ending(r: int) -> str:
    """A distinct lowercase ending per repetition: '', 'b', 'c', …, 'z', 'bb', 'bc', …"""
    out = ""
    while r > 0:
        r, d = divmod(r - 1, 25)
        out = "bcdefghijklmnopqrstuvwxyz"[d] + out
    return out


def long_article(n_paragraphs: int, *, vary_names: bool = True) -> str:
    """An article of ``n_paragraphs`` paragraphs (blank-line separated) built from the demo.

    With ``vary_names=False`` every repetition keeps the demo's names, so the same people
    come back again and again (long mentions lists for few entities).
    """
    paragraphs, surnames = demo_paragraphs()
    if not vary_names:
        surnames = None
    out: list[str] = []
    r = 0
    while len(out) < n_paragraphs:
        ending = _ending(r)
        for p in paragraphs:
            if len(out) == n_paragraphs:
                break
            if ending and surnames is not None:
                p = surnames.sub(lambda m, e=ending: m.group() + e, p)
            out.append(p)
        r += 1
    return "\n\n".join(out)
