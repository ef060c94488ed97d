"""Segmentation: paragraphs, sentences, direct quotes and word tokens, with offsets.

INTERFACE STUB -- being implemented. Every offset is a character offset into the
text passed to :func:`segment` (for a corpus, the cleaned article text), end-exclusive.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Quote", "Segmented", "segment"]


@dataclass(frozen=True, slots=True)
class Quote:
    """One direct-quote span.

    ``start``/``end`` include the quote marks; ``content_start``/``content_end`` exclude
    them. ``closed`` is False where no closing mark was found and the quote was ended
    at the paragraph end (news style for quotes running over paragraphs) or at the
    end of the text.
    """

    start: int
    end: int
    content_start: int
    content_end: int
    closed: bool


@dataclass(frozen=True, slots=True)
class Segmented:
    """An article segmented once; every feature reads from this."""

    text: str
    paragraphs: tuple[tuple[int, int], ...]
    sentences: tuple[tuple[int, int], ...]
    sentence_paragraph: tuple[int, ...]
    quotes: tuple[Quote, ...]
    tokens: tuple[tuple[int, int], ...]
    sentence_tokens: tuple[tuple[int, int], ...]


def segment(text: str) -> Segmented:
    raise NotImplementedError
