"""A token view of one segmented article, shared by every feature that reads words: the
attribution rules, the name finder and the hedge, frame and actor matchers. Tokens with
their lowercase forms, sentence and quote membership, and the punctuation between tokens
(the segmenter's tokens are words only). Built once per article (``ArticleInput.view``)."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from ..text import Quote, Segmented

__all__ = ["View", "make_view", "without_possessive"]

_APOSTROPHE_S = re.compile(r"['’]s$", re.IGNORECASE)


@dataclass(slots=True)
class View:
    """Token arrays for one article; every index is a token index."""

    text: str
    seg: Segmented
    starts: list[int]
    ends: list[int]
    words: list[str]
    low: list[str]
    sent: list[int]
    quote: list[int]  # index into seg.quotes of the quote whose content holds the token, or -1

    def gap(self, i: int) -> str:
        """The text between token ``i - 1`` and token ``i`` inside ``i``'s sentence."""
        s = self.sent[i]
        sent_start = self.seg.sentences[s][0]
        t0 = self.seg.sentence_tokens[s][0]
        left = self.ends[i - 1] if i > t0 else sent_start
        return self.text[left : self.starts[i]]

    def span(self, a: int, b: int) -> tuple[int, int]:
        """Character span of tokens ``a`` to ``b - 1``."""
        return self.starts[a], self.ends[b - 1]

    def capitalised(self, i: int) -> bool:
        w = self.words[i]
        return w[:1].isupper()

    def base(self, i: int) -> str:
        """The lowercase token without a possessive ``'s``."""
        return without_possessive(self.low[i])


def without_possessive(word: str) -> str:
    """The word without a possessive ``'s`` ("council's" -> "council")."""
    return _APOSTROPHE_S.sub("", word)


def _quote_index(quotes: tuple[Quote, ...], starts: list[int]) -> list[int]:
    out = [-1] * len(starts)
    for qi, q in enumerate(quotes):
        lo = bisect_right(starts, q.content_start - 1)
        for t in range(lo, len(starts)):
            if starts[t] >= q.content_end:
                break
            out[t] = qi
    return out


def make_view(seg: Segmented) -> View:
    text = seg.text
    starts = [s for s, _ in seg.tokens]
    ends = [e for _, e in seg.tokens]
    words = [text[s:e] for s, e in seg.tokens]
    sent = [0] * len(starts)
    for s, (t0, t1) in enumerate(seg.sentence_tokens):
        sent[t0:t1] = [s] * (t1 - t0)
    return View(
        text=text,
        seg=seg,
        starts=starts,
        ends=ends,
        words=words,
        low=[w.lower().replace("’", "'") for w in words],
        sent=sent,
        quote=_quote_index(seg.quotes, starts),
    )
