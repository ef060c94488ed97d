"""Nesting and continuation, the last stage of the attribution pass.

Cues that fall inside another attribution's content are settled (kept as nested, or
dropped as part of the other's words); quote-only sentences later in the paragraph
continue a direct attribution, and quote-only paragraphs continue the previous speaker.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from .._names import word_lists
from ._common import Candidate, Stage, _Sentence

_RULE_WORDS = word_lists("attribution_rule_words.tsv")
_TRAILING_AND = re.compile(r"(?:[\s,;:—–-]|\b(?:and|but)\b)+$")
_COMMA_BEFORE = re.compile(r"[,—–]\s*$")
_COMMA_AFTER = re.compile(r"\s*[,—–]")
_QUOTE_REST = re.compile(r"[\s.,!?…]*")
# what a content span cut short must not end with: punctuation, a relative or a conjunction
_TRAILING_LINK = re.compile(r"(?:[\s,;:—–-]|\b(?:which|who|whom|that|and|but)\b)+$")
# words opening an adverbial clause at the start of a sentence (not 'as': 'As the
# Post reported, …' is itself a report)
# a conjunction opening a sentence before a fronted clause ('But before …')
_CONJUNCTIONS = frozenset(["but", "and", "yet", "so", "or"])
_SUBORDINATORS = _RULE_WORDS["subordinators"]
# a comparison after a comma that starts the writer's words again ('…, compared with
# 23 percent who said …', '…, up from 40 percent who said …')
_CONTRAST = re.compile(
    r"[,;—–]\s*(?:compared (?:with|to)|versus|vs\.|up from|down from|against|"
    r"(?:double|twice|triple|about) the (?:number|share|proportion|same number))\b"
)
# a clause boundary before a source: a comma, semicolon or dash, then maybe a conjunction
_NEW_CLAUSE = re.compile(
    r"[,;—–][\"”’']?\s*(?:(?:but|and|yet|so|while|whereas|although|though|because|as|since|when)\s+)?$"
)


class NestingStage(Stage):
    """Settling nested cues and carrying quotes on to the previous speaker."""

    def _drop_nested(self) -> None:
        """Settle cues that fall inside another attribution's content.

        PolNeAR-style annotation gives every word one role, so speech reported inside
        reported speech is part of the outer content ('Trump said Clinton claimed …':
        one attribution). Three exceptions keep the inner cue: it opens a new clause
        after a comma ('Asked if she believed …, Clinton said …'; the outer content is
        cut at the comma); it is a speaker tag set off by commas ('…, he said, …'); or
        it is a verb of saying inside the content of a verb of thinking, supporting and
        the like, which then gives way.
        """
        view = self.view
        text = view.text
        dropped: set[int] = set()
        # Only attributions of one sentence interact: compare within each sentence (in
        # the order of self.out) instead of every pair in the article.
        by_sentence: dict[int, list[Candidate]] = {}
        for c in self.out:
            by_sentence.setdefault(c.sentence, []).append(c)
        spans = {s: _ContentSpans(members) for s, members in by_sentence.items()}
        for b in self.out:
            if b.cue is None:
                continue
            within = spans[b.sentence]
            for a in within.around(b.cue[0]):
                if a is b or id(a) in dropped or a.content is None or a.sentence != b.sentence:
                    continue
                if not (a.content[0] <= b.cue[0] < a.content[1]):
                    continue
                if (
                    a.kind == "impersonal"
                    and b.content
                    and b.cue[0] < a.cue[0] < b.content[1]
                    and b.content[0] <= a.cue[0]
                ):
                    continue  # 'they say they back the changes lawmakers are expected to
                    # make': the raising passive sits inside the speech, which stays
                if b.source and a.content[0] <= b.source[0] and self._new_clause(b.source[0]):
                    cut = max(text.rfind(p, a.content[0], b.source[0]) for p in ",;—–")
                    trimmed = text[a.content[0] : cut].rstrip(" ,;—–-")
                    if cut > a.content[0] and len(trimmed.split()) >= 2:
                        a.content = (a.content[0], a.content[0] + len(trimmed))
                        continue
                    if (
                        cut < a.content[0]
                        and a.kind == "indirect"
                        and not text[a.content[0] : b.source[0]].strip()
                        and self._in_fronted_clause(a)
                    ):
                        # 'Before officials weighed in with any explanation, Trump said
                        # …': a's "content" is b's whole clause, so a reports nothing
                        dropped.add(id(a))
                        continue
                if b.source and self._speaker_tag(b):
                    continue
                if b.source and a.content[0] < b.source[0]:
                    contrasts = list(_CONTRAST.finditer(text, a.content[0], b.source[0]))
                    if contrasts:
                        contrast = contrasts[-1]
                        # '46 percent said yes, compared with 23 percent who said …': the
                        # comparison is the writer's, and its figure has its own source
                        a.content = (a.content[0], contrast.start())
                        continue
                cut_at = None
                if b.kind == "according_to":
                    cut_at = b.cue[0]  # '… told business leaders, according to Sky News'
                elif b.kind == "direct" and "outer" in b.extra:
                    cut_at = b.extra["outer"][0]  # type: ignore[index]
                elif b.rule in ("shared_subject", "participle"):
                    cut_at = b.cue[0]
                if cut_at is not None and a.content[0] < cut_at:
                    trimmed = text[a.content[0] : cut_at]
                    trimmed = _TRAILING_AND.sub("", trimmed)
                    if len(trimmed.split()) >= 2:
                        a.content = (a.content[0], a.content[0] + len(trimmed))
                        continue
                if b.source and a.cue is not None and b.source[1] <= a.cue[0]:
                    # 'Mr Kirk, who still speaks …, also noted': a's clause sits in b's
                    # subject; a's content ends at the comma before b's verb
                    cut = text.rfind(",", a.content[0], b.cue[0])
                    if cut > a.content[0]:
                        a.content = (a.content[0], cut)
                        continue
                a_speech = a.cue_entry is not None and a.cue_entry.category in ("speech", "writing")
                b_speech = b.cue_entry is not None and b.cue_entry.category in ("speech", "writing")
                if b_speech and not a_speech and a.kind == "indirect":
                    # 'Trump blasted the system, which he said runs …': both stand; the
                    # stance's content stops where the speech begins
                    edge = min(b.cue[0], b.source[0]) if b.source else b.cue[0]
                    trimmed = _TRAILING_LINK.sub("", text[a.content[0] : edge])
                    if len(trimmed.split()) >= 2:
                        a.content = (a.content[0], a.content[0] + len(trimmed))
                else:
                    dropped.add(id(b))
                    break
            within.refresh()
        self.out = [c for c in self.out if id(c) not in dropped]

    def _in_fronted_clause(self, c: Candidate) -> bool:
        """Whether a cue sits in an adverbial clause opening its sentence ('Before
        officials weighed in, …', 'If you watch what he said, …')."""
        assert c.cue is not None
        sent = self.sentences[c.sentence]
        view = self.view
        low = view.low
        # the clause holding the cue starts at the sentence or at the last comma before it
        t = bisect_left(view.starts, c.cue[0])
        while t > sent.t0 and "," not in view.gap(t):
            t -= 1
        if low[t] in _CONJUNCTIONS and t + 1 < sent.t1:
            t += 1  # 'But before officials weighed in, …', '…, but before officials …'
        return low[t] in _SUBORDINATORS and c.cue[0] > view.starts[t]

    def _new_clause(self, pos: int) -> bool:
        """Whether a source starting at ``pos`` opens a clause: after a comma, semicolon
        or dash, optionally followed by a conjunction ('…, but Trump said')."""
        before = self.view.text[max(0, pos - 12) : pos]
        return bool(_NEW_CLAUSE.search(before))

    def _speaker_tag(self, c: Candidate) -> bool:
        """', he said,' inside a sentence: a tag set off by punctuation on both sides."""
        assert c.cue is not None and c.source is not None
        text = self.view.text
        left = min(c.cue[0], c.source[0])
        right = max(c.cue[1], c.source[1])
        return bool(_COMMA_BEFORE.search(text[max(0, left - 3) : left])) and bool(
            _COMMA_AFTER.match(text[right : right + 3])
        )

    # -- continuations ------------------------------------------------------------------

    def _continuations(self) -> None:
        """Quote-only sentences and paragraphs carry on the previous speaker."""
        view = self.view
        seg = view.seg
        by_sentence: dict[int, list[Candidate]] = {}
        for c in self.out:
            by_sentence.setdefault(c.sentence, []).append(c)
        last: Candidate | None = None
        last_paragraph = -1
        for sent in self.sentences:
            found = by_sentence.get(sent.index)
            if found:
                last = max(found, key=lambda c: c.anchor)
                last_paragraph = sent.paragraph
                continue
            if last is None or sent.paragraph - last_paragraph > 1:
                continue
            quote = self._quote_only(sent)
            if quote is None:
                if sent.paragraph != last_paragraph or not self._inside_used_quote(sent):
                    last = None if sent.paragraph != last_paragraph else last
                continue
            q = seg.quotes[quote]
            same_paragraph = sent.paragraph == last_paragraph
            if same_paragraph and last.kind != "direct":
                continue
            self.used_quotes.add(quote)
            row = Candidate(
                kind="direct",
                rule="quote_continues" if same_paragraph else "quote_paragraph",
                cue=last.cue if same_paragraph else None,
                cue_entry=last.cue_entry if same_paragraph else None,
                cue_text=last.cue_text if same_paragraph else None,
                source=last.source if same_paragraph else None,
                content=(q.content_start, q.content_end),
                recipient=None,
                sentence=sent.index,
                inherit_from=last,
                anchor=q.start,
                extra={"outer": (q.start, q.end)},
            )
            self.out.append(row)
            last = row
            last_paragraph = sent.paragraph

    def _quote_only(self, sent: _Sentence) -> int | None:
        """The unused quote that makes up the whole sentence, if any."""
        seg = self.view.seg
        text = self.view.text
        for qi in self._quotes_in(sent):
            q = seg.quotes[qi]
            if qi in self.used_quotes or q.start > sent.start + 1:
                continue
            if q.start < sent.start:
                continue
            rest = text[q.end : sent.end] if q.end < sent.end else ""
            if q.end >= sent.end or _QUOTE_REST.fullmatch(rest):
                return qi
        return None

    def _inside_used_quote(self, sent: _Sentence) -> bool:
        seg = self.view.seg
        if self._ordered_quotes:
            # Only the last quote opening before the sentence can cover it.
            qi = bisect_left(self._quote_starts, sent.start) - 1
            return (
                qi >= 0
                and qi in self.used_quotes
                and seg.quotes[qi].start < sent.start
                and seg.quotes[qi].end >= sent.end
            )
        return any(
            seg.quotes[qi].start < sent.start and seg.quotes[qi].end >= sent.end
            for qi in self.used_quotes
        )


class _ContentSpans:
    """The attributions of one sentence, for finding those whose content holds a place.

    :meth:`around` gives them in their order (the order settles which one a cue gives
    way to), all of them for a sentence of a few, else only those whose content holds
    the place, found over arrays: a sentence of thousands of cues (a paragraph without
    a full stop) would otherwise compare every pair in Python. A content's start never
    moves while nested cues are settled, its end may: :meth:`refresh` reads again the
    ends of those :meth:`around` gave.
    """

    __slots__ = ("_ends", "_given", "_members", "_starts")

    #: Up to this many attributions, every one is given (checking them is cheaper).
    FEW = 64

    def __init__(self, members: list[Candidate]) -> None:
        self._members = members
        self._given: Sequence[int] = ()
        if len(members) <= self.FEW:
            self._starts = self._ends = None
            return
        import numpy as np

        spans = [(1 << 62, -1) if c.content is None else c.content for c in members]
        self._starts = np.array([start for start, _ in spans])
        self._ends = np.array([end for _, end in spans])

    def around(self, place: int) -> list[Candidate]:
        if self._starts is None:
            return self._members
        import numpy as np

        self._given = np.flatnonzero((self._starts <= place) & (place < self._ends)).tolist()
        return [self._members[k] for k in self._given]

    def refresh(self) -> None:
        if self._ends is None:
            return
        for k in self._given:
            content = self._members[k].content
            self._ends[k] = -1 if content is None else content[1]
