"""Finding cues, the first stage of the attribution pass.

At each token a cue can start with (outside a quote), in this order of preference:
"according to"; a possessive noun of saying ("his claim that"); an impersonal frame
from ``attribution_frames.tsv`` ("it is understood"); a multiword reporting phrase; a
form of a reporting-verb lemma (read by ``_verbs.VerbStage``). Headline labels
("Lynch: …"), quotes after a colon and quotes signed with a dash are cues without a
verb.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from .._names import VerbEntry, word_lists
from .._view import View
from ._common import (
    _CLAIM_NOUNS,
    _TRAILING,
    Candidate,
    Stage,
    _content_after,
    _content_before,
    _is_adverb,
    _Sentence,
)
from ._phrases import (
    _AUX,
    _has_punct,
    _np_back,
    _np_forward,
    _open_gap,
    _past_document,
    _plausible_source,
    _source_like,
)

_RULE_WORDS = word_lists("attribution_rule_words.tsv")
_POSSESSIVE_PRONOUNS = frozenset(["his", "her", "their", "its", "my", "our", "your"])
# honorifics before a headline label's first name ('Dr. Ben Carson: …')
_LABEL_TITLES = _RULE_WORDS["label_titles"]
# headline words before a colon that name no speaker ('Poll: …', 'Update: …')
_NOT_LABELS = _RULE_WORDS["not_labels"]
# the lexicon note of 'asked not to be named', 'spoke on condition of anonymity': a
# condition of anonymity, no cue of its own
_UNNAMED = "marks the source as deliberately unnamed"
_SIGNATURE = re.compile(r"[ \t\xa0]*([―—])[ \t\xa0]*")  # NBSP: web captures
# impersonal frames whose subject is the reporting outlet itself ('The Times has learned')
_OUTLET_FRAME_STARTS = frozenset({"has", "have", "understands", "can"})
# Heads after "according to" that give a measure or a norm, not a source
_NOT_ACCORDING = _RULE_WORDS["not_according"]


def _possessive_word(view: View, t: int) -> bool:
    """'Trump's', 'voters'', 'his'."""
    w = view.words[t]
    return view.low[t] in _POSSESSIVE_PRONOUNS or w.endswith(("'s", "’s", "s'", "s’"))


#: Labels that open a paragraph with a colon but name no speaker ('UPDATE:', 'WATCH:').
_NOT_SPEAKERS = _RULE_WORDS["not_speakers"]


class CueStage(Stage):
    """Finding the cues of a sentence."""

    def _sentence(self, sent: _Sentence) -> None:
        view, lex = self.view, self.lex
        low = view.low
        quote = view.quote
        cues = self._cue_tokens
        k = bisect_left(cues, sent.t0)
        i = sent.t0
        before = len(self.out)
        while True:
            # on to the next word a cue can start with, past the words a cue took
            while k < len(cues) and cues[k] < i:
                k += 1
            if k >= len(cues) or cues[k] >= sent.t1:
                break
            i = cues[k]
            if quote[i] >= 0:
                i += 1  # a cue inside a quote is the quoted speaker's
                continue
            found = None
            if low[i] == "according" and i + 1 < sent.t1 and low[i + 1] == "to":
                found = self._according_to(sent, i)
                step = 2
            elif low[i] in _CLAIM_NOUNS and (claim := self._possessive_claim(sent, i)):
                found, step = claim, 2  # "Trump's claim that …": a noun cue
            else:
                frame, n = self._frame_at(i, sent.t1)
                if frame:
                    found = self._impersonal(sent, i, n)
                    step = n
                else:
                    entry, n = self._phrase_at(i, sent.t1)
                    if entry is None:
                        entry, n = lex.verbs.get(low[i]), 1
                    step = n
                    if (
                        entry is not None
                        and i > sent.t0
                        and view.capitalised(i)
                        and not (n == 1 and self._title_cue(sent, i, entry))
                    ):
                        entry = None  # part of a name: 'the United States', 'Washington Post'
                    if entry is not None:
                        found = self._verb(sent, i, i + n, entry, before)
            if found:
                self.out.append(found)
                for extra in found.extra.get("more", []):  # type: ignore[attr-defined]
                    self.out.append(extra)
            i += max(step, 1)
        quotes = [qi for qi in self._quotes_in(sent) if qi not in self.used_quotes]
        if quotes:  # quotes no cue took: after a colon, or signed with a name
            self._colon_quotes(sent, quotes)
            self._signed_quotes(sent, quotes)
        self._speaker_label(sent)

    def _possessive_claim(self, sent: _Sentence, i: int) -> Candidate | None:
        """'Donald Trump's claim that …', 'his repeated promise that …': a noun of saying
        after a possessive and before 'that'; the possessor is the source."""
        view = self.view
        low = view.low
        if i + 1 >= sent.t1 or low[i + 1] != "that" or not _open_gap(view, i + 1):
            return None
        b = i - 1  # the possessive, or an adjective before the noun ('earlier claim')
        if (
            b > sent.t0
            and not _possessive_word(view, b)
            and view.words[b].isalpha()
            and view.words[b].islower()
            and _open_gap(view, b + 1)
        ):
            b -= 1
        if b < sent.t0 or not _possessive_word(view, b) or not _open_gap(view, b + 1):
            return None
        if low[b] in _POSSESSIVE_PRONOUNS:
            src = (b, b + 1)
        else:
            np = _np_back(view, b, sent.t0, self.lex)
            if np is None or not _plausible_source(view, *np, self.lex):
                return None
            src = np
        content = _content_after(view, sent, view.starts[i + 1])
        if content is None:
            return None
        comma = view.text.find(",", content[0], content[1])
        if comma > content[0]:
            content = (content[0], comma)  # 'Contrary to his claim that …, there would be'
        source = self._source_chars(src)
        written = view.text[source[0] : source[1]]
        if written.endswith(("'s", "’s")):
            source = (source[0], source[1] - 2)  # the possessor, not its "'s"
        elif written.endswith(("s'", "s’")):
            source = (source[0], source[1] - 1)
        lemma = _CLAIM_NOUNS[low[i]]
        entry = self.lex.verbs.get(lemma) or VerbEntry(lemma, "speech", False, "")
        cue = (view.starts[i], view.ends[i])
        return Candidate(
            kind="indirect",
            rule="possessive_noun",
            cue=cue,
            cue_entry=entry,
            cue_text=view.text[cue[0] : cue[1]],
            source=source,
            content=content,
            recipient=None,
            sentence=sent.index,
            inherit_from=None,
            anchor=view.starts[src[0]],
        )

    def _signed_quotes(self, sent: _Sentence, quotes: list[int]) -> None:
        """A quote signed with a dash and a name: '“…” ― Pamela Padilla', the style of
        reader comments and epigraphs."""
        view = self.view
        text = view.text
        for qi in quotes:
            q = view.seg.quotes[qi]
            if qi in self.used_quotes:
                continue
            m = _SIGNATURE.match(text, q.end)
            if not m:
                continue
            a = sent.t0
            while a < sent.t1 and view.starts[a] < m.end():
                a += 1
            if a >= sent.t1 or view.starts[a] != m.end():
                continue
            b = a + 1
            while b < sent.t1 and b - a < 5 and view.capitalised(b) and _open_gap(view, b):
                b += 1
            if not self._name_segment(a, b):
                continue
            cue = (m.start(1), m.end(1))
            self.out.append(
                self._quoted(qi, "signature", cue, None, view.span(a, b), sent, q.start)
            )

    def _surnames_named(self) -> frozenset[str]:
        """The surnames the article gives with a first name ('Loretta Lynch'), so that a
        headline's 'Lynch: No outside influence …' is her label."""
        if self._surnames is None:
            view = self.view
            first = self.lex.first_names
            # after a first name from the list, or any capitalised word not opening a
            # sentence ('Attorney General Loretta Lynch')
            self._surnames = frozenset(
                view.low[t]
                for t in range(1, len(view.words))
                if view.capitalised(t - 1)
                and view.capitalised(t)
                and _open_gap(view, t)
                and (
                    view.low[t - 1] in first
                    or (
                        view.sent_t0[t - 1] < t - 1
                        and view.words[t - 1].isalpha()
                        and not view.words[t - 1].isupper()
                    )
                )
            )
        return self._surnames

    def _surname_label(self, sent: _Sentence, a: int, b: int) -> bool:
        """A headline's 'Lynch: …': one word, a surname the article gives in full, not a
        body or a poll ('Poll: …'), outside quotes ('"Trump: You base …" tweeted the
        prince' is the prince's) and alone in its sentence."""
        view, lex = self.view, self.lex
        w = view.low[a]
        if b - a != 1 or view.quote[a] >= 0 or w not in self._surnames_named():
            return False
        if w in lex.organisation_heads or w in lex.media_heads or w in lex.anonymous_heads:
            return False
        if w in _NOT_LABELS:
            return False
        return not any(x.sentence == sent.index for x in self.out)

    def _speaker_label(self, sent: _Sentence) -> None:
        """A name and a colon opening a paragraph, or the quote that opens it: a
        transcript's speaker ('WALLACE: Let's start with …', '"PENCE: Well, look, …') or a
        headline's ('Pat Caddell: Democrat Voters Worried …'). What follows, to the end of
        the paragraph (or of the quote the label opens), is what the speaker says."""
        view, text = self.view, self.view.text
        if sent.t1 - sent.t0 < 2:
            return  # a name, a colon and something said: two tokens at least
        if sent.index > 0 and self.sentences[sent.index - 1].paragraph == sent.paragraph:
            return
        a = sent.t0
        para_start, para_end = view.seg.paragraphs[sent.paragraph]
        if text[para_start : view.starts[a]].strip(" \"“‘'"):
            return  # something else opens the paragraph
        c = a
        while c < sent.t1 - 1 and c - a < 4 and text[view.ends[c] : view.ends[c] + 1] != ":":
            c += 1
        if text[view.ends[c] : view.ends[c] + 1] != ":" or c + 1 >= sent.t1:
            return
        b = c + 1  # the name is tokens a..c
        if view.low[a] in _NOT_SPEAKERS or not self._name_segment(a, b):
            return
        words = [view.words[t] for t in range(a, b)]
        transcript = all(w.isupper() and len(w) > 1 for w in words)
        lex = self.lex
        first = a + 1 if b - a > 1 and view.low[a].rstrip(".") in _LABEL_TITLES else a
        named = b - first <= 3 and view.low[first] in lex.first_names  # 'Dr. Ben Carson:'
        label = " ".join(view.low[a:b])
        named = named or label in lex.media or label.removeprefix("the ") in lex.media
        surname = not (transcript or named) and self._surname_label(sent, a, b)
        if not (transcript or named or surname):
            return  # a title-case heading ('The Latest:', 'Stealth Over Health:')
        taken = any(
            x.sentence == sent.index and x.cue is not None and x.cue[0] < view.starts[b]
            for x in self.out
        )
        if taken:
            return
        colon = view.ends[c]
        start, end = view.starts[b], para_end
        for qi in self._quotes_in(sent):
            q = view.seg.quotes[qi]
            if q.start < view.starts[a] <= q.content_start + 1 and qi not in self.used_quotes:
                end = q.content_end  # the label opens a quote: its speaker says the rest of it
                self.used_quotes.add(qi)
                break
        end = len(text[:end].rstrip())
        if end <= start:
            return
        self.out.append(
            Candidate(
                kind="direct",
                rule="speaker_label",
                cue=(colon, colon + 1),
                cue_entry=None,
                cue_text=":",
                source=view.span(a, b),
                content=(start, end),
                recipient=None,
                sentence=sent.index,
                inherit_from=None,
                anchor=view.starts[a],
                extra={},
            )
        )

    def _colon_quotes(self, sent: _Sentence, quotes: list[int]) -> None:
        """A quote after a colon that no cue has taken: 'Kasich resisted: “…”', 'Donald
        Trump: “…”'. The speaker is a name alone before the colon, or the subject of the
        clause the colon ends; the cue is the colon or that clause's verb."""
        view = self.view
        text = view.text
        for qi in quotes:
            q = view.seg.quotes[qi]
            if qi in self.used_quotes or q.start <= sent.start:
                continue
            before = text[sent.start : q.start].rstrip()
            if not before.endswith(":"):
                continue
            colon = sent.start + len(before) - 1
            c = sent.t0
            while c < sent.t1 and view.ends[c] <= colon:
                c += 1
            if c == sent.t0 or any(view.quote[t] >= 0 for t in range(sent.t0, c)):
                continue
            if c - sent.t0 <= 5 and self._name_segment(sent.t0, c):
                source, cue, rule = (sent.t0, c), (colon, colon + 1), "colon_name"
            else:
                np = self._sentence_subject(sent, c)
                if np is None or c - np[1] > 8 or not _source_like(view, *np, self.lex):
                    continue
                verb = np[1]
                while verb < c and (view.low[verb] in _AUX or _is_adverb(view.low[verb])):
                    verb += 1
                if verb >= c:
                    continue
                source, cue, rule = np, (view.starts[verb], view.ends[verb]), "colon_quote"
            entry = self.lex.verbs.get(text[cue[0] : cue[1]].lower())
            self.out.append(self._quoted(qi, rule, cue, entry, view.span(*source), sent, cue[0]))

    def _title_cue(self, sent: _Sentence, i: int, entry: VerbEntry) -> bool:
        """A verb of saying in a title-case headline: 'Clinton Hid Health Problems, Former
        White House Doctor Says', 'Trump Tells Rally He Will Win'."""
        view = self.view
        form = view.low[i]
        if entry.category not in ("speech", "writing") or form in entry.noun_forms:
            return False
        if not (form.endswith("s") or form.endswith("ed")) or form == entry.lemma:
            return False
        return self._title_case(sent)

    def _title_case(self, sent: _Sentence) -> bool:
        """Whether a sentence is written in title case (a headline)."""
        view = self.view
        if sent.index not in self._titles:
            words = [t for t in range(sent.t0, sent.t1) if view.words[t][:1].isalpha()]
            caps = sum(1 for t in words if view.words[t][:1].isupper())
            self._titles[sent.index] = len(words) >= 3 and caps >= 0.7 * len(words)
        return self._titles[sent.index]

    def _frame_at(self, i: int, t1: int) -> tuple[str | None, int]:
        low = self.view.low
        if low[i] not in self._first.frames:
            return None, 0
        for n in (5, 4, 3, 2):
            if i + n <= t1 and self.lex.frames.get(" ".join(low[i : i + n])) == "impersonal":
                if low[i] in _OUTLET_FRAME_STARTS and not self._outlet_before(i):
                    return None, 0  # '2016 has seen', 'she understands'
                return " ".join(low[i : i + n]), n
        return None, 0

    def _outlet_before(self, i: int) -> bool:
        """'The National understands', 'the newspaper has learned', 'we can reveal': an
        outlet speaking of its own reporting, the subject right before the frame."""
        view = self.view
        t0 = view.sent_t0[i]
        if i == t0 or _has_punct(view.gap(i)):
            return False
        w = view.low[i - 1]
        return w == "we" or w in self.lex.media_heads or (i - 1 > t0 and view.capitalised(i - 1))

    def _phrase_at(self, i: int, t1: int) -> tuple[VerbEntry | None, int]:
        low = self.view.low
        if low[i] not in self._first.phrases:
            return None, 0
        # the longest phrase first ('did not immediately respond to requests for
        # comment' has eight words)
        for n in range(min(self._first.longest_phrase, t1 - i), 1, -1):
            entry = self.lex.phrases.get(" ".join(low[i : i + n]))
            if entry is not None and entry.lemma != "according to" and entry.note != _UNNAMED:
                return entry, n
        return None, 0

    # -- according to -------------------------------------------------------------------

    def _according_to(self, sent: _Sentence, i: int) -> Candidate | None:
        view, lex = self.view, self.lex
        np = _np_forward(view, i + 2, sent.t1, lex)
        if np is None or not _plausible_source(view, *np, lex):
            return None
        if any(view.base(t) in _NOT_ACCORDING for t in range(*np)) and not _source_like(
            view, *np, lex
        ):
            return None  # "paid according to the hours they worked", "according to plan"
        np = _past_document(view, *np)
        cue = (view.starts[i], view.ends[i + 1])
        src = view.span(*np)
        content = None
        if i - sent.t0 >= 2:
            content = _content_before(view, sent, cue[0])
        if content is None and np[1] < sent.t1:
            content = _content_after(view, sent, view.starts[np[1]])
        if content is None:
            return None
        return Candidate(
            kind="according_to",
            rule="according_to",
            cue=cue,
            cue_entry=self.lex.phrases.get("according to"),
            cue_text=view.text[cue[0] : cue[1]],
            source=src,
            content=content,
            sentence=sent.index,
            anchor=cue[0],
        )

    # -- impersonal ---------------------------------------------------------------------

    def _impersonal(self, sent: _Sentence, i: int, n: int) -> Candidate | None:
        view = self.view
        low = view.low
        cue = (view.starts[i], view.ends[i + n - 1])
        if low[i] == "it" or low[i] in _OUTLET_FRAME_STARTS:
            content = _content_after(view, sent, cue[1])  # 'The Times has seen the letter'
            if content is None and low[i] == "it":
                # 'Residents may be allowed home tonight, it is understood.'
                content = self._clause_before(sent, cue[0], "impersonal")
        else:
            # raising passive: the clause's subject is part of what is attributed
            trail = _TRAILING.search(view.text, sent.start, sent.end)
            content = (sent.start, trail.start() if trail else sent.end)
            start = sent.start
            for t in range(i - 1, sent.t0, -1):
                if "," in view.gap(t):
                    start = view.starts[t]
                    break
            content = (start, content[1]) if content[1] > start else None
        if content is None:
            return None
        verb = next((self.lex.verbs[w] for w in low[i : i + n] if w in self.lex.verbs), None)
        return Candidate(
            kind="impersonal",
            rule="impersonal",
            cue=cue,
            cue_entry=verb,
            cue_text=view.text[cue[0] : cue[1]],
            source=None,
            content=content,
            sentence=sent.index,
            anchor=cue[0],
        )
