"""Bounding content, the third stage of the attribution pass: what a cue reports, and
the attribution built from cue, source, recipient and content.

Content is a quote adjacent to the cue (direct), or the clause the cue introduces
(indirect), or, for a cue at the end ("Prices will rise, he said"), the clause before
it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import islice

from .._names import VerbEntry, word_lists
from ._common import (
    _IRREGULAR_PAST,
    _NOUN_FOLLOWERS,
    _QUOTE_CHARS,
    NO_CONTENT_NOTE,
    Candidate,
    Stage,
    _content_after,
    _content_before,
    _finite_verb,
    _Sentence,
)
from ._phrases import (
    _AUX,
    _BE,
    _DETERMINERS,
    _RECIPIENT_PREPS,
    _SOURCE_LIKE,
    _has_punct,
    _np_forward,
    _open_gap,
    _recipient,
    _skip_channel,
    _skip_setting,
)

_RULE_WORDS = word_lists("attribution_rule_words.tsv")
#: What may stand between a quote and its cue ('"…," said X'; 'X said: "…"'): white
#: space and these marks.
_BETWEEN_QUOTE_AND_CUE = frozenset(",.!?…—–'’-")
_BETWEEN_CUE_AND_QUOTE = frozenset(",:;—–-")
_WORDS = re.compile(r"\w+")
_THAT_OR_QUOTE = re.compile(r"\bthat\b|[:“\"‘]")
# words opening a setting, not reported content, right after a cue ('demonstrated
# outside the paper', 'spoke during the rally')
_SETTING_STARTS = _RULE_WORDS["setting_starts"]
_PARTICIPLE_NEXT = re.compile(r"\s*[a-z]+ing\b")
# verbs whose cue-final use can be followed by a setting (not 'insist on …')
_SAY = _RULE_WORDS["say"]
# words opening where or when something was said, after the cue ('said on Tuesday',
# 'said Tuesday', 'told reporters in Ohio', 'said, by way of explanation')
_SETTING_AFTER = _RULE_WORDS["setting_after"]
_OBJECT_PRONOUNS = frozenset(["me", "him", "her", "us", "them", "you", "reporters"])
_CLAUSE_END = frozenset(",;:—–-" + _QUOTE_CHARS)
# verbs of speaking that report something only with 'that', 'about', 'of' or a colon
_WEAK_SPEECH = _RULE_WORDS["weak_speech"]
# ', as' (or ', just as') right before the source of a clause-final cue
_AS_TAIL = re.compile(r"[,—–]\s*(?:just\s+)?as\s+$")
#: Cues that take no 'that' clause: a 'that' after their setting opens a relative clause
#: ('spoke in a cottage on a base that overlooks the bay').
_NO_CLAUSE = frozenset(["speak", "talk", "comment", "testify", "appear", "respond", "reply"])


class ContentStage(Stage):
    """Bounding what a cue reports, and building the attribution."""

    def _quoted(
        self,
        qi: int,
        rule: str,
        cue: tuple[int, int],
        entry: VerbEntry | None,
        source: tuple[int, int] | None,
        sent: _Sentence,
        anchor: int,
        recipient: tuple[int, int] | None = None,
        inherit: Candidate | None = None,
    ) -> Candidate:
        """A direct attribution of quote ``qi``, which no other cue may take after it."""
        q = self.view.seg.quotes[qi]
        self.used_quotes.add(qi)
        return Candidate(
            kind="direct",
            rule=rule,
            cue=cue,
            cue_entry=entry,
            cue_text=self.view.text[cue[0] : cue[1]],
            source=source,
            content=(q.content_start, q.content_end),
            recipient=recipient,
            sentence=sent.index,
            inherit_from=inherit,
            anchor=anchor,
            extra={"quote": qi, "outer": (q.start, q.end)},
        )

    def _fronted_recipient(self, sent: _Sentence, before: int) -> tuple[int, int] | None:
        """'Speaking to the BBC, X said' / 'In an interview with CNN, X said'.

        The first marker, in token order and then longest first, that ends with its
        recipient before the cue. The sentence's markers are found once and kept, so a
        sentence with many cues (a paragraph without a full stop) costs its markers per
        cue, not its length."""
        view = self.view
        for t, n, np in self._recipient_markers(sent):
            if view.ends[t] > before:
                break
            if view.ends[t + n - 1] <= before and np and view.ends[np[1] - 1] <= before:
                return view.span(*np)
        return None

    def _recipient_markers(self, sent: _Sentence) -> list[tuple[int, int, tuple[int, int] | None]]:
        """Every recipient marker of a sentence: (token, length, the noun phrase after)."""
        cache = self.__dict__.setdefault("_markers", {})
        if sent.t0 in cache:
            return cache[sent.t0]
        view, lex = self.view, self.lex
        low = view.low
        first = self._first.recipients
        found = []
        for t in range(sent.t0, sent.t1):
            if low[t] not in first:  # no marker starts here: skip the five lookups
                continue
            for n in (6, 5, 4, 3, 2):
                if t + n > sent.t1:
                    continue
                if lex.frames.get(" ".join(low[t : t + n])) == "recipient_marker":
                    np = _np_forward(view, t + n, sent.t1, lex, _RECIPIENT_PREPS)
                    found.append((t, n, np))
        cache[sent.t0] = found
        return found

    def _complement_ok(self, entry: VerbEntry, k: int, t1: int) -> bool:
        """Whether what follows a cue can be what it reports.

        Verbs of saying take anything; verbs of thinking and finding need a clause
        ('that …', 'Trump will win'), not a preposition ('knew about'); verbs of
        intention need 'to' or 'that' ('wants to'); the weak verbs of speaking need
        'that', 'about', 'of' or a colon ('spoke in Phoenix' reports nothing).
        """
        view = self.view
        low = view.low
        first = low[k]
        gap = view.marks[k]
        if gap.startswith(":"):
            return True
        if entry.lemma in _WEAK_SPEECH:
            if entry.lemma == "pledge" and first == "to":
                return True  # 'pledged to enact reform': a promise
            if first.endswith("ly") and k + 1 < t1 and not _has_punct(view.gap(k + 1)):
                first = low[k + 1]  # 'spoke favourably of', 'talked glowingly about'
            return first in ("that", "about", "of", "on", "how", "why", "what", "whether")
        category = entry.category
        if category == "intention":
            return first in ("to", "that")
        if category in ("cognition", "evidence"):
            return first not in _NOUN_FOLLOWERS - {"that"} and first not in ("about", "so")
        return True

    def _may_end_clause(
        self, i: int, j: int, entry: VerbEntry, source: tuple[int, int] | None, rule: str
    ) -> bool:
        """Whether a cue with nothing after it can close a reported clause ('Prices will
        rise, the minister said.'): a past or -s form of a verb of saying or writing, not
        inside a relative clause ('what he said', 'things that Trump has said')."""
        low = self.view.low
        evidence = (
            entry.lemma in ("show", "find")
            and source is not None
            and self.view.base(source[1] - 1) in _SOURCE_LIKE
        )  # '…, records show.', '…, the survey found.'
        if (entry.category not in ("speech", "writing") and not evidence) or j != i + 1:
            return False
        form = low[i]
        if form.endswith("ing"):
            return False
        if form in entry.noun_forms and not self._tags_clause(i, source, rule):
            return False
        if form == entry.lemma:
            # 'the groups say', 'they say': a present plural; otherwise an infinitive
            if source is None or rule not in ("subject", "subject_pronoun"):
                return False
            head = low[source[1] - 1]
            if not (head in ("they", "we", "i", "you") or head.endswith("s")):
                return False
        if source is not None and rule in ("subject", "subject_pronoun"):
            before = source[0] - 1
            t0 = self.view.sent_t0[i]
            if (
                before >= t0
                and low[before] in ("what", "that", "which", "whatever", "how")
                and _open_gap(self.view, source[0])
            ):
                return False  # 'what he said'; not 'They can do that, he said
        return True

    def _tags_clause(self, i: int, source: tuple[int, int] | None, rule: str) -> bool:
        """A noun-like form closing its sentence right after a subject that follows a
        comma or quote: '…, The Wall Street Journal reports.' (a tag, not 'the reports')."""
        if source is None or rule != "subject" or source[1] != i:
            return False
        view = self.view
        s0, s1 = view.seg.sentences[view.sent[i]]
        if view.text[view.ends[i] : s1].strip(" .!?\"”’'"):
            return False
        before = view.text[s0 : view.starts[source[0]]].rstrip()
        return before[-1:] in _CLAUSE_END

    def _quote_before(self, sent: _Sentence) -> list[int]:
        """A quote that ends the previous sentence of the paragraph ('“….” Trump said.')."""
        if sent.index == 0 or self.sentences[sent.index - 1].paragraph != sent.paragraph:
            return []
        text = self.view.text
        quotes = self.view.seg.quotes
        if self._ordered_quotes:
            # Only the last quote ending before the sentence can be followed by nothing
            # but whitespace: any earlier one has that quote's opening mark after it.
            k = bisect_right(self._quote_ends, sent.start) - 1
            candidates = range(k, k + 1) if k >= 0 else range(0)
        else:
            candidates = range(len(quotes))
        for qi in candidates:
            q = quotes[qi]
            if q.end > sent.start:
                continue
            # nothing but whitespace between the quote and the sentence: read back from
            # the sentence over whitespace only (the quote may have ended long before)
            j = sent.start
            while j > q.end and text[j - 1].isspace():
                j -= 1
            if j == q.end:
                return [qi]
        return []

    def _recipient_follows(self, t: int, t1: int) -> bool:
        """After 'to' or 'with': a noun phrase (a recipient), not an infinitive."""
        view = self.view
        if t >= t1:
            return False
        w = view.low[t]
        return (
            w in _DETERMINERS
            or w in _OBJECT_PRONOUNS
            or view.capitalised(t)
            or (w.endswith("s") and not w.endswith(("us", "ss")) and w not in self.lex.verbs)
            or w in self.lex.anonymous_heads
            or w in self.lex.media_heads
        )

    def _finish(
        self,
        sent: _Sentence,
        i: int,
        j: int,
        entry: VerbEntry,
        source: tuple[int, int] | None,
        rule: str,
        after: int,
        *,
        inherit: Candidate | None = None,
        source_chars: tuple[int, int] | None = None,
    ) -> Candidate | None:
        view, lex = self.view, self.lex
        low = view.low
        t1 = sent.t1
        cue = (view.starts[i], view.ends[j - 1])
        src_chars = source_chars if source is None else self._source_chars(source)
        recipient = None
        k = after
        if low[j - 1] in ("told", "tell", "tells", "telling") or entry.lemma == "tell":
            recipient_np = _recipient(view, j, t1, lex) if after == j else None
            if recipient_np:
                recipient = view.span(*recipient_np)
                k = recipient_np[1]
        k = _skip_channel(view, k, t1, lex)
        if (
            k < t1
            and low[k] in ("to", "with")
            and entry.category in ("speech", "writing")
            and recipient is None
            and self._recipient_follows(k + 1, t1)
        ):
            # "said to reporters", "spoke with CNN" (not "pledged to enact")
            rnp = _np_forward(view, k + 1, t1, lex)
            if rnp:
                recipient = view.span(*rnp)
                k = _skip_channel(view, rnp[1], t1, lex)
        if entry.lemma not in _NO_CLAUSE:
            k = _skip_setting(view, k, t1, lex)
        left_edge = min(cue[0], src_chars[0]) if src_chars else cue[0]
        right_pos = view.ends[k - 1]
        if recipient is None:
            recipient = self._fronted_recipient(sent, left_edge)
        # direct: a quote right before the cue (and source) or right after it
        quotes = self._quotes_in(sent)
        said_here = view.text[right_pos : sent.end].strip(" ,.;:!?—–-\"”’'")
        if not view.text[sent.start : left_edge].strip(" ,.—–-") and not said_here:
            # '“…” Trump said.' takes the quote before; 'The US has said it will send
            # troops' says its own clause, and the quote before is someone else's
            quotes = self._quote_before(sent) + quotes
        direct: list[int] = []
        if quotes:
            # a quote ending in the run of marks before the cue, or starting in the run
            # after it (found once: the sentence's other quotes are not read up to it)
            back = _run_back(view.text, left_edge, _BETWEEN_QUOTE_AND_CUE)
            ahead = _run_ahead(view.text, right_pos, _BETWEEN_CUE_AND_QUOTE)
        for qi in quotes:
            q = view.seg.quotes[qi]
            if qi in self.used_quotes:
                continue
            if q.end <= left_edge:
                if q.end >= back:
                    direct.append(qi)
            elif right_pos <= q.start <= ahead:
                direct.append(qi)
        cand_rule = rule
        if direct:
            rows = [
                self._quoted(
                    qi,
                    cand_rule,
                    cue,
                    entry,
                    src_chars,
                    sent,
                    min(view.seg.quotes[qi].start, cue[0]),
                    recipient,
                    inherit,
                )
                for qi in direct
            ]
            first = rows[0]
            first.extra["more"] = rows[1:]
            return first

        def indirect(content: tuple[int, int] | None, anchor: int) -> Candidate:
            return Candidate(
                kind="indirect",
                rule=cand_rule,
                cue=cue,
                cue_entry=entry,
                cue_text=view.text[cue[0] : cue[1]],
                source=src_chars,
                content=content,
                recipient=recipient,
                sentence=sent.index,
                inherit_from=inherit,
                anchor=anchor,
            )

        if entry.note.startswith(NO_CONTENT_NOTE):
            # 'he declined to comment', 'did not respond to requests for comment': a
            # source asked who said nothing; what follows is the topic, not content
            return indirect(None, left_edge)
        content = None
        chain = self._chain_start(i, sent)
        if rule == "passive_by" and not (chain == sent.t0 + 1 and low[sent.t0] == "it"):
            # 'The findings were welcomed by X': what X spoke about comes first
            content = _content_before(view, sent, view.starts[chain])
        elif k < t1 and not (
            k > j and "," in view.gap(k) and low[k].endswith("ing") and low[k] in lex.verbs
        ):
            # ('wrote to members, saying …': the participle reports, not this cue)
            if (
                k == j
                and low[j - 1] in entry.noun_forms
                and rule != "subject_pronoun"
                and _finite_verb(low[k])
            ):
                return None  # 'insurance claims rose 4%': a plural noun, then the verb
            content = _content_after(view, sent, view.starts[k])
            before = appositive = None
            if entry.lemma in _SAY and (source is None or source[1] == i):
                before = self._clause_before(sent, left_edge, rule)
            elif rule == "inverted" and k > j and "," in view.gap(k):
                # '…, said Brad Bannon, a Democratic pollster.': the apposition says who
                # he is; what he said is the clause before
                appositive = self._clause_before(sent, left_edge, rule)
            if appositive is not None:
                content = appositive
            elif content is not None and before is not None and self._setting_only(k, content):
                # 'Prices will rise, Smith said on Tuesday': the clause before, not the
                # setting after ('on Tuesday', 'by the calendar', 'in an interview')
                content, cand_rule = before, "cue_final"
            elif content is not None and not self._complement_ok(entry, k, t1):
                return None
            if (
                appositive is None
                and content is not None
                and low[k] in _SETTING_STARTS
                and not self._reports_inside(content)
            ):
                content = None  # 'demonstrated outside the paper', 'wrote in 2014 for …'
        if content is not None and len(list(islice(_WORDS.finditer(view.text, *content), 2))) < 2:
            content = None  # 'spoke first': no reported content
        if content is None and k >= t1 and view.text[view.ends[k - 1] : sent.end].strip() == ":":
            return self._block_after(sent, i, j, entry, src_chars, cand_rule, recipient, inherit)
        if content is None and not self._may_end_clause(i, j, entry, source, rule):
            return None
        if (
            content is None
            and left_edge > sent.start
            and rule != "passive_by"
            and view.text[sent.start : left_edge].rstrip()[-1:] in _CLAUSE_END
        ):
            # 'Prices will rise, the minister said': the clause ends at a comma or a quote
            content = _content_before(view, sent, left_edge)
            cand_rule = "cue_final" if content else cand_rule
        if content is None and rule in ("subject", "subject_pronoun"):
            tail = _AS_TAIL.search(view.text, sent.start, left_edge)
            if tail is not None:
                # 'Scott had a gun, as police have said': the clause before 'as'
                content = _content_before(view, sent, tail.start() + 1)
                cand_rule = "cue_final" if content else cand_rule
        if content is None:
            return None
        if source is not None and rule == "subject_pronoun":
            content = self._relative_content(source, content)
        return indirect(content, min(cue[0], content[0]))

    def _clause_before(self, sent: _Sentence, left_edge: int, rule: str) -> tuple[int, int] | None:
        """The clause before a cue and its source that a comma or quote closes."""
        view = self.view
        if left_edge <= sent.start or rule == "passive_by":
            return None
        if view.text[sent.start : left_edge].rstrip()[-1:] not in _CLAUSE_END:
            return None
        return _content_before(view, sent, left_edge)

    def _setting_only(self, k: int, content: tuple[int, int]) -> bool:
        """Whether what follows a cue at token ``k`` is only where or when it was said
        (a preposition or a time word opening it, and no 'that', quote or colon)."""
        if self.view.low[k] not in _SETTING_AFTER:
            return False
        chunk = self.view.text[content[0] : content[1]]
        head, comma, rest = chunk.partition(",")
        if comma and not _PARTICIPLE_NEXT.match(rest):
            # 'These employees, he said in the hearing, were well paid': the clause
            # goes on after the setting; only another cue may follow ('…, adding that')
            return False
        return not _THAT_OR_QUOTE.search(head)

    def _reports_inside(self, content: tuple[int, int]) -> bool:
        """Whether a span opening with a setting goes on to report something: a
        'that'-clause, a quote or a colon."""
        chunk = self.view.text[content[0] : content[1]]
        return bool(_THAT_OR_QUOTE.search(chunk))

    def _relative_content(
        self, source: tuple[int, int], content: tuple[int, int]
    ) -> tuple[int, int]:
        """'Ann Lee, who said the club must rebuild, has left': the content of a cue in
        a relative clause set off by commas ends where the main clause's verb resumes."""
        view = self.view
        low = view.low
        if low[source[0]] not in ("who", "which") or "," not in view.gap(source[0]):
            return content
        t = bisect_left(view.starts, content[0])
        last = None
        while t < len(view.starts) and view.starts[t] < content[1]:
            w = low[t]
            if (
                t > 0
                and view.marks[t] == ","
                and (w in _AUX or w in _BE or w in _IRREGULAR_PAST or _finite_verb(w))
            ):
                last = t
            t += 1
        if last is None:
            return content
        return content[0], view.ends[last - 1]

    def _block_after(
        self,
        sent: _Sentence,
        i: int,
        j: int,
        entry: VerbEntry,
        src_chars: tuple[int, int] | None,
        rule: str,
        recipient: tuple[int, int] | None,
        inherit: Candidate | None,
    ) -> Candidate | None:
        """'Limbaugh added:' closing its paragraph: the words are the next paragraph."""
        view = self.view
        if sent.index + 1 >= len(self.sentences):
            return None
        nxt = self.sentences[sent.index + 1]
        if nxt.paragraph != sent.paragraph + 1:
            return None
        para = view.seg.paragraphs[nxt.paragraph]
        content, extra = (para[0], para[1]), {}
        for qi in self._quotes_in(nxt):
            q = view.seg.quotes[qi]
            if q.start == para[0] and qi not in self.used_quotes:
                self.used_quotes.add(qi)
                content, extra = (q.content_start, q.content_end), {"quote": qi}
                extra["outer"] = (q.start, q.end)
                break
        cue = (view.starts[i], view.ends[j - 1])
        return Candidate(
            kind="direct",
            rule=rule,
            cue=cue,
            cue_entry=entry,
            cue_text=view.text[cue[0] : cue[1]],
            source=src_chars,
            content=content,
            recipient=recipient,
            sentence=sent.index,
            inherit_from=inherit,
            anchor=cue[0],
            extra=extra,
        )


def _run_back(text: str, pos: int, marks: frozenset[str]) -> int:
    """Where the run of white space and ``marks`` ending at ``pos`` begins."""
    while pos > 0 and (text[pos - 1] in marks or text[pos - 1].isspace()):
        pos -= 1
    return pos


def _run_ahead(text: str, pos: int, marks: frozenset[str]) -> int:
    """Where the run of white space and ``marks`` starting at ``pos`` ends."""
    n = len(text)
    while pos < n and (text[pos] in marks or text[pos].isspace()):
        pos += 1
    return pos
