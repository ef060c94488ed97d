"""A token view of one segmented article, shared by every feature that reads words: the
attribution rules, the name finder and the hedge, frame and actor matchers. Tokens with
their lowercase forms, sentence and quote membership, and the punctuation between tokens
(the segmenter's tokens are words only). Built once per article (``ArticleInput.view``).

The rules ask the same questions of a token many times over (the punctuation before it,
whether it is capitalised, its form without a possessive, its sentence's bounds), so
the answers are computed once here, as lists indexed by token, instead of on every
call."""

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
    gaps: list[str]  # gap(i): the text before token i inside its sentence
    marks: list[str]  # gap(i).strip(): the punctuation before token i, if any
    caps: list[bool]  # capitalised(i)
    bases: list[str]  # base(i): the lowercase form without a possessive 's
    sent_t0: list[int]  # the first token of token i's sentence
    sent_t1: list[int]  # the token after the last of token i's sentence

    def gap(self, i: int) -> str:
        """The text between token ``i - 1`` and token ``i`` inside ``i``'s sentence."""
        return self.gaps[i]

    def span(self, a: int, b: int) -> tuple[int, int]:
        """Character span of tokens ``a`` to ``b - 1``."""
        return self.starts[a], self.ends[b - 1]

    def capitalised(self, i: int) -> bool:
        return self.caps[i]

    def base(self, i: int) -> str:
        """The lowercase token without a possessive ``'s``."""
        return self.bases[i]


def without_possessive(word: str) -> str:
    """The word without a possessive ``'s`` ("council's" -> "council")."""
    if "'" not in word and "’" not in word:
        return word  # most words: no regular expression to run
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
    n = len(starts)
    sent = [0] * n
    sent_t0 = [0] * n
    sent_t1 = [0] * n
    # where the gap before each token starts: the previous token's end (or, below, for a
    # sentence's first token, the sentence's start)
    left = [0, *ends[:-1]] if n else []
    for s, (t0, t1) in enumerate(seg.sentence_tokens):
        if t1 <= t0:
            continue
        sent[t0:t1] = [s] * (t1 - t0)
        sent_t0[t0:t1] = [t0] * (t1 - t0)
        sent_t1[t0:t1] = [t1] * (t1 - t0)
        left[t0] = seg.sentences[s][0]
    gaps = [text[a:b] for a, b in zip(left, starts, strict=True)]
    low = [w.lower().replace("’", "'") for w in words]
    sub = _APOSTROPHE_S.sub
    return View(
        text=text,
        seg=seg,
        starts=starts,
        ends=ends,
        words=words,
        low=low,
        sent=sent,
        quote=_quote_index(seg.quotes, starts),
        gaps=gaps,
        marks=[g.strip() for g in gaps],
        caps=[w[:1].isupper() for w in words],
        # without_possessive, inlined: most words have no apostrophe
        bases=[sub("", w) if "'" in w or "’" in w else w for w in low],
        sent_t0=sent_t0,
        sent_t1=sent_t1,
    )
