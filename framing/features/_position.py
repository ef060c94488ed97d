"""Where in an article a word sits, as a weight: what the emphasis of frames and angles
and the prominence of actors share.

A reader meets the headline and the lede first, and many stop there: inverted-pyramid
news puts what the writer judges most important at the top (Pöttker 2003; van Dijk
1988 on relevance structures in news). So a cue in the headline or the first
``LEDE_SENTENCES`` sentences weighs 1, and one in a later sentence ``i`` (0-based)
weighs ``1 / (1 + i)``.
"""

from __future__ import annotations

__all__ = ["LEDE_SENTENCES", "position_weight"]

#: Sentences of the lede, which weigh as much as the headline.
LEDE_SENTENCES = 3


def position_weight(sentence: int | None) -> float:
    """Weight of a cue in the headline (None) or in body sentence ``sentence``."""
    if sentence is None or sentence < LEDE_SENTENCES:
        return 1.0
    return 1.0 / (1 + sentence)
