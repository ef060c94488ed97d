"""The attribution rules: find cues, then each cue's source, recipient and content.

Everything works on the token view of one segmented article (no parser, no model):

* **Cues** are, in this order of preference at a token: "according to"; an impersonal
  frame from ``attribution_frames.tsv`` ("it is understood", "is believed to"); a
  multiword reporting phrase ("pointed out"); a form of a reporting-verb lemma. Cues
  inside a direct quote belong to the quoted speaker's own words and are skipped.
* **Sources** of a verb are looked for, in order: right before the verb, past any
  auxiliaries and adverbs ("has also said"); before a parenthetical set off by commas
  ("Dr Okafor, an epidemiologist, warned"); after the verb when it follows a quote or
  a comma ("…," said Smith); after "by" in a passive ("first reported by Reuters").
  A verb preceded by a determiner or a possessive ("his plans", "the said product")
  is a noun or adjective and gives nothing. "and"/"but" before a verb share the
  previous attribution's source in the sentence ("…praised the plan and said…").
* **Content** is a quote adjacent to the cue (direct), or the clause the cue
  introduces (indirect), or, for a cue at the end ("Prices will rise, he said"), the
  clause before it. Quote-only sentences later in the paragraph continue a direct
  attribution; quote-only paragraphs continue the previous speaker.

One pass (``_Finder``) is composed of a class per stage, each in its own module:
``_cues.CueStage`` finds the cues of a sentence (and the cues that are not verbs),
``_verbs.VerbStage`` reads a reporting verb and looks for its source, ``_sources.SourceStage``
finds the noun phrase that is a cue's source (with the noun-phrase walks of ``_phrases``),
``_content.ContentStage`` bounds what a cue reports and builds the attribution, and
``_nesting.NestingStage`` settles cues inside other attributions' content and carries
quotes on to the previous speaker. ``_common`` holds what several stages read.
"""

from __future__ import annotations

from itertools import pairwise

from .._names import AttributionLexicons, first_words
from .._view import View
from ._common import (
    _CLAIM_NOUNS,
    Candidate,
    _Sentence,
)
from ._content import ContentStage
from ._cues import CueStage
from ._nesting import NestingStage
from ._sources import SourceStage
from ._verbs import VerbStage

__all__ = ["Candidate", "find_candidates"]


def _quotes_by_sentence(view: View, sentences: list[_Sentence]) -> list[list[int]]:
    """The quotes overlapping each sentence, in text order.

    The segmenter reports quotes in text order and never overlapping, so one sweep
    over sentences and quotes together finds them all (a quote may run over several
    sentences); anything else falls back to testing every quote for every sentence.
    """
    quotes = view.seg.quotes
    if not _ordered_quotes(view):
        return [
            [qi for qi, q in enumerate(quotes) if q.start < sent.end and q.end > sent.start]
            for sent in sentences
        ]
    out: list[list[int]] = []
    k = 0
    for sent in sentences:  # in text order, so the first quote that can overlap only moves on
        while k < len(quotes) and quotes[k].end <= sent.start:
            k += 1
        found = []
        qi = k
        while qi < len(quotes) and quotes[qi].start < sent.end:
            if quotes[qi].end > sent.start:
                found.append(qi)
            qi += 1
        out.append(found)
    return out


def _ordered_quotes(view: View) -> bool:
    """Whether the quotes are in text order, never overlap, and each opens on a mark
    (not whitespace): what :func:`framing.segment` guarantees and the indexes rely on."""
    quotes = view.seg.quotes
    text = view.text
    return all(q.start < q.end and not text[q.start].isspace() for q in quotes) and all(
        a.end <= b.start for a, b in pairwise(quotes)
    )


class _Finder(CueStage, VerbStage, SourceStage, ContentStage, NestingStage):
    """One pass over an article: the stages composed, run over its sentences."""

    def __init__(self, view: View, lex: AttributionLexicons) -> None:
        self.view = view
        self.lex = lex
        self._first = first_words(lex)
        # the tokens a cue can start at (most words cannot): the cue finder visits these
        may_cue = self._first.cues | _CLAIM_NOUNS.keys()
        self._cue_tokens = [t for t, w in enumerate(view.low) if w in may_cue]
        self.out: list[Candidate] = []
        self.used_quotes: set[int] = set()
        self._titles: dict[int, bool] = {}  # sentence index -> written in title case
        self._surnames: frozenset[str] | None = None  # built on first use
        seg = view.seg
        self.sentences = [
            _Sentence(
                s, t0, t1, seg.sentences[s][0], seg.sentences[s][1], seg.sentence_paragraph[s]
            )
            for s, (t0, t1) in enumerate(seg.sentence_tokens)
        ]
        self._ordered_quotes = _ordered_quotes(view)
        self._sentence_quotes = _quotes_by_sentence(view, self.sentences)
        self._quote_starts = [q.start for q in seg.quotes]
        self._quote_ends = [q.end for q in seg.quotes]

    def run(self) -> list[Candidate]:
        for sent in self.sentences:
            self._sentence(sent)
        self._drop_nested()
        self._continuations()
        self.out.sort(key=lambda c: (c.anchor, c.cue[0] if c.cue else -1))
        return self.out


def find_candidates(view: View, lex: AttributionLexicons) -> list[Candidate]:
    """Every attribution the rules find in one article, in text order."""
    return _Finder(view, lex).run()
