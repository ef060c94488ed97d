"""Finding sources, the second stage of the attribution pass: the noun phrase that says
who a cue's words come from.

Sources of a verb are looked for, in order: right before the verb, past any
auxiliaries and adverbs ("has also said"); before a parenthetical set off by commas
("Dr Okafor, an epidemiologist, warned"); after the verb when it follows a quote or a
comma ("…," said Smith); after "by" in a passive ("first reported by Reuters"); the
subject of the sentence's main clause.
"""

from __future__ import annotations

import re

from .._names import SUBJECT_PRONOUNS, VerbEntry, word_lists
from .._view import View
from ._common import (
    _COMMA_LIKE,
    _COORD,
    _FRONTED,
    _IRREGULAR_PARTICIPLES,
    _IRREGULAR_PAST,
    _PRONOUN_BE,
    _QUANTITY_SUBJECTS,
    _QUOTE_CHARS,
    _QUOTE_COMMAS,
    Stage,
    _before_stripped,
    _comma_like,
    _finite_verb,
    _is_adverb,
    _paren_only,
    _Sentence,
)
from ._phrases import (
    _AUX,
    _BE,
    _DETERMINERS,
    _NP_PREPS,
    _ROLE_NOUNS,
    _SOURCE_LIKE,
    _STOP,
    _THAT,
    _abbrev_gap,
    _abbreviation,
    _has_punct,
    _np_back,
    _np_forward,
    _number,
    _open_gap,
    _plausible_source,
    _source_like,
    _verb_form,
)

_RULE_WORDS = word_lists("attribution_rule_words.tsv")
# more openers of a fronted phrase: 'Back in Washington, …', 'Throughout the 2000s, …'
_FRONTED_OPENERS = _RULE_WORDS["fronted_openers"]
_INVERTED_CLOSERS = _RULE_WORDS["inverted_closers"]
_TIME_WORDS = _RULE_WORDS["time_words"]
_PAREN_OPENERS = _RULE_WORDS["paren_openers"]
# words before a time phrase ('on Tuesday', 'early Friday', 'in March')
_TIME_OPENERS = _RULE_WORDS["time_openers"]
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
# words opening a participle or time phrase set off by commas ('X, clad in red, said')
_PARTICIPLE_OPENERS = _RULE_WORDS["participle_openers"]
# Party and state after a US politician's name: 'R-S.C.', 'D-Md.', 'I-Vt'
_PARTY_STATE = re.compile(r"^[RDI]-[A-Z][A-Za-z.]*$")
_QUALIFIERS = _RULE_WORDS["qualifiers"]


def _possessive_gap(view: View, i: int) -> bool:
    """The gap before token ``i`` is a plural possessive's apostrophe ("Sanders' aide")."""
    gap = view.gap(i)
    return gap[:1] in ("'", "’") and not gap[1:].strip() and view.low[i - 1].endswith("s")


class SourceStage(Stage):
    """Finding a cue's source."""

    def _reduced_relative(self, np: tuple[int, int], sent: _Sentence) -> tuple[int, int]:
        """'Protesters marching through the streets chanted': the phrase found before
        the verb ends a participle phrase; the speaker is the noun that opens it."""
        view, lex = self.view, self.lex
        low = view.low
        start = self._clause_start(sent, np[0])
        if start >= np[0] or view.quote[start] >= 0:
            return np
        head = _np_forward(view, start, np[0], lex)
        if head is None or head[1] >= np[0]:
            return np
        w = low[head[1]]
        if not (w.endswith("ing") and len(w) > 4) or lex.verbs.get(w) is not None:
            return np
        for t in range(head[1], np[0]):
            if _has_punct(view.gap(t + 1)) and not _abbrev_gap(view, t + 1):
                return np
            if low[t] in _AUX or low[t] in _BE or _finite_verb(low[t]) or low[t] in _THAT:
                return np
        if not _source_like(view, *head, lex):
            return np
        return head[0], np[1]

    def _past_relative(self, np: tuple[int, int], t0: int) -> tuple[int, int]:
        """'officials who spoke with The Huffington Post said': the subject is the noun
        phrase before a relative clause whose verb follows its pronoun directly."""
        view, lex = self.view, self.lex
        low = view.low
        r = np[0] - 1
        while r > t0 and np[0] - r < 12 and _open_gap(view, r + 1):
            if low[r] in ("who", "that", "which") and _open_gap(view, r):
                nxt = low[r + 1]
                if not (
                    nxt in _AUX
                    or nxt in _BE
                    or _finite_verb(nxt)
                    or _is_adverb(nxt)
                    or nxt in lex.verbs
                    or (nxt.endswith("s") and r + 1 < np[0])
                ) or view.capitalised(r + 1):
                    return np  # 'that prosecutors said', 'who Trump said': the subject stays
                outer = _np_back(view, r - 1, t0, lex)
                if outer and _source_like(view, *outer, lex):
                    return outer
                return np
            r -= 1
        return np

    def _quantity(self, head: int, k: int, t0: int) -> tuple[int, int] | None:
        """A poll share as subject: '26% say', 'one in three said', 'nine out of 10
        say', 'most said', with a qualifier before it ('more than', 'about')."""
        view = self.view
        low = view.low
        w = low[head]
        a = None
        if w.isdigit() and "%" in view.gap(k):
            a = head
        elif _number(w) and head - 2 >= t0 and low[head - 1] == "in" and _number(low[head - 2]):
            a = head - 2
        elif (
            _number(w)
            and head - 3 >= t0
            and low[head - 2 : head] == ["out", "of"]
            and _number(low[head - 3])
        ):
            a = head - 3
        elif w in _QUANTITY_SUBJECTS and (
            head == t0
            or not _open_gap(view, head)
            or (head - 1 == t0 and low[t0] in ("but", "and", "yet", "still"))
        ):
            a = head
        if a is None:
            return None
        while a > t0 and _open_gap(view, a) and low[a - 1] in _QUALIFIERS:
            a -= 1
        return a, head + 1

    def _tag_after_quote(self, head: int, t0: int) -> tuple[int, int] | None:
        """The words between a closing '“…,”' and the verb, when they can only be the
        speaker ('“…,” super PAC spokeswoman Kellyanne Conway said', '“…,” From said'):
        up to eight words, no punctuation, no verb and at least one capital or head noun."""
        view, lex = self.view, self.lex
        low = view.low
        a = head
        while a > t0 and head - a < 8 and _open_gap(view, a) and view.quote[a - 1] < 0:
            a -= 1
        if a <= t0 or view.quote[a - 1] < 0 or view.quote[a] >= 0:
            return None
        if _before_stripped(view.text, view.starts[a], 2) not in _QUOTE_COMMAS:
            return None
        words = range(a, head + 1)
        if any(
            low[t] in _AUX
            or low[t] in _BE
            or low[t] in SUBJECT_PRONOUNS
            or (_verb_form(low[t], lex) and not view.capitalised(t))
            for t in words
        ):
            return None
        if not any(view.capitalised(t) or self._speaker_head(t) for t in words):
            return None
        return a, head + 1

    def _with_absolute(self, sent: _Sentence, k: int, entry: VerbEntry) -> tuple[int, int] | None:
        """The subject of a 'with'-clause after a comma or dash: ', with Senator Roe
        telling reporters …', '— with 40 percent saying …'."""
        view, lex = self.view, self.lex
        low = view.low
        if entry.category not in ("speech", "writing"):
            return None
        t = k - 1
        while t > sent.t0 and k - t <= 8 and _open_gap(view, t + 1):
            if low[t] == "with":
                break
            t -= 1
        if low[t] != "with" or t + 1 >= k or not (t == sent.t0 or _comma_like(view.gap(t))):
            return None
        a = t + 1
        if low[a] in _STOP and not _number(low[a]) and low[a] not in _DETERMINERS:
            return None  # 'with me saying', 'with what …'
        if any(low[u] in _AUX or low[u] in _BE or _verb_form(low[u], lex) for u in range(a, k)):
            return None
        if (k - a == 1 and low[a] in SUBJECT_PRONOUNS) or _plausible_source(view, a, k, lex):
            return a, k
        return None

    def _clause_start(self, sent: _Sentence, before: int) -> int:
        """First token of the main clause: past a fronted phrase set off by a comma ('On
        Sunday, Mr Trump …', 'PARIS (Reuters) - …'), or an opening 'And then'."""
        view = self.view
        low = view.low
        t = sent.t0
        while t < before and view.quote[t] >= 0:
            t += 1  # '“…,” Blige sings': the clause starts after the quote
        for _ in range(3):
            while t < before and (low[t] in _COORD or low[t] in ("then", "so", "yet", "still")):
                t += 1
            if t >= before:
                return t
            dateline = view.words[t].isupper() and len(view.words[t]) > 2
            fronted = (
                low[t] in _FRONTED
                or low[t] in _FRONTED_OPENERS
                or (low[t].endswith(("ly", "ing")) and len(low[t]) > 4)  # 'Shortly after …,'
                or (low[t].endswith("ed") and t + 1 < before and low[t + 1] == "by")
                or (t + 1 < before and low[t + 1] in ("later", "earlier", "ago", "on"))
            )
            if not (fronted or dateline):
                return t
            u = t + 1
            while u < before and not any(c in view.gap(u) for c in ",—–-("):
                u += 1
            if u >= before:
                return t
            while u < before and view.gap(u).strip(" ,—–-()") and u - t < 20:
                u += 1  # past '(Reuters) -'
            t = u
        return t

    def _sentence_subject(
        self, sent: _Sentence, before: int, *, need_verb: bool = True
    ) -> tuple[int, int] | None:
        """The noun phrase opening the main clause when it names a speaker and a verb
        follows it, ending before token ``before``."""
        view, lex = self.view, self.lex
        np = _np_forward(view, self._clause_start(sent, before), sent.t1, lex)
        if np is None:
            return None
        a, b = np
        low = view.low
        for t in range(a + 1, b):  # 'Trump went fully': the phrase ends at the verb
            if not view.capitalised(t) and (
                _finite_verb(low[t])
                or low[t] in _IRREGULAR_PAST
                or low[t] in _AUX
                or low[t] in _BE
                or _is_adverb(low[t])
            ):
                b = t
                break
        a = self._past_setting(a, b)
        np = (a, b)
        if b <= a or b >= before or not _plausible_source(view, *np, lex):
            return None
        if not _source_like(view, *np, lex):
            return None
        resume = self._after_aside(np[1], before)
        nxt = view.low[resume]
        broken = resume == np[1] and _has_punct(view.gap(resume))
        if not need_verb:
            return None if broken else np
        if broken or not (
            nxt in _AUX
            or nxt in _BE
            or _finite_verb(nxt)
            or nxt in _IRREGULAR_PAST
            or _is_adverb(nxt)
            or nxt.endswith("s")
            or (nxt in lex.verbs and not _verb_form(nxt, lex))
        ):
            return None
        return np

    def _after_aside(self, t: int, before: int) -> int:
        """Where the clause resumes after an aside set off by commas that starts at token
        ``t`` ('Hillary Clinton, like Obama, has said'); ``t`` itself when there is none."""
        view = self.view
        if not _comma_like(view.gap(t)):
            return t
        for close in range(t + 1, min(before, t + 14)):
            gap = view.gap(close)
            if _comma_like(gap) and view.quote[close - 1] < 0:
                return close if self._parenthetical(t, close, "") else t
            if _has_punct(gap) and not _abbrev_gap(view, close) and not _paren_only(gap):
                return t
        return t

    def _past_setting(self, a: int, b: int) -> int:
        """'On Sunday morning Mr. Trump …': where the name after a fronted setting
        starts in the phrase ``a``..``b-1`` (``b`` when 'In the next eight weeks' has none)."""
        view = self.view
        low = view.low
        if low[a] not in _FRONTED:
            return a
        return next(
            (
                t
                for t in range(a + 1, b)
                if (view.capitalised(t) or low[t] in SUBJECT_PRONOUNS)
                and (t - 1 == a or not view.capitalised(t - 1) or low[t - 1] in _TIME_WORDS)
                and low[t] not in _TIME_WORDS
            ),
            b,
        )

    def _skip_time(self, k: int, t0: int) -> int:
        """Step back over a time phrase before the verb: 'Clinton on Tuesday said'."""
        view = self.view
        low = view.low
        m = k
        while m > t0 and low[m - 1] in _TIME_WORDS | {"past"} and not _has_punct(view.gap(m)):
            m -= 1
        if (
            m == k
            and m - 2 > t0
            and _YEAR.fullmatch(low[m - 1])
            and low[m - 2] == "in"
            and low[m - 3] in SUBJECT_PRONOUNS
            and not _has_punct(view.gap(m - 1) + view.gap(m))
        ):
            return m - 2  # 'who in 2010 said'
        if m == k:
            return k
        if m > t0 and low[m - 1] in _TIME_OPENERS:
            m -= 1
        elif m - 1 > t0 and low[m - 2 : m] in (["in", "the"], ["over", "the"]):
            m -= 2  # 'have in the past said'
        if m > t0 and low[m - 1] == "this" and low[m] == "past":
            m -= 1
        return m if m > t0 else k

    def _chain_start(self, i: int, sent: _Sentence) -> int:
        """First token of the verb group ending at ``i`` ('has also said' -> 'has')."""
        k = i
        while k > sent.t0 and not _has_punct(self.view.gap(k)):
            w = self.view.low[k - 1]
            if not (w in _BE or w in _AUX or _is_adverb(w)):
                break
            k -= 1
        return k

    def _source_after_punct(
        self, sent: _Sentence, k: int, i: int, j: int
    ) -> tuple[tuple[int, int] | None, str, int]:
        """Source of a verb preceded by punctuation: inverted, or past a parenthetical."""
        view, lex = self.view, self.lex
        low = view.low
        t0, t1 = sent.t0, sent.t1
        gap = view.gap(k) if k > t0 else ""
        # a parenthetical between subject and verb: 'Smith, 45, a teacher, said'
        if k > t0 and _comma_like(gap) and not any(c in gap for c in _QUOTE_CHARS):
            best = None
            m = k
            for _ in range(4):
                seg_start = m
                m -= 1
                # walk left to the comma opening this segment, over '(D-Md.)' groups
                quoted = False
                while m > t0 and not (_comma_like(view.gap(m)) and view.quote[m - 1] < 0):
                    g = view.gap(m)
                    if view.quote[m] >= 0 or view.quote[m - 1] >= 0:
                        quoted = True  # 'X, citing “the magic of Trump,” said'
                    elif (
                        _has_punct(g)
                        and not _abbrev_gap(view, m)
                        and not _paren_only(g)
                        and not _possessive_gap(view, m)
                    ):
                        m = -1
                        break
                    m -= 1
                if m < 0 or (quoted and not view.low[m].endswith("ing")):
                    break
                g = _COMMA_LIKE.sub("", view.gap(m))
                if g.strip() == "." and (
                    _abbreviation(view.words[m - 1]) or _PARTY_STATE.match(view.words[m - 1])
                ):
                    g = ""  # 'Graham, R-S.C., a candidate, said'
                if m <= t0 or (_has_punct(g) and not _paren_only(g)):
                    break
                left = m - 1
                while left > t0 and not _comma_like(view.gap(left)):
                    left -= 1
                if not self._parenthetical(m, seg_start, low[left] if left > t0 else ""):
                    if best is None and self._name_segment(m, seg_start):
                        # 'Mr Trump's former campaign manager, Corey Lewandowski, said'
                        return (m, seg_start), "subject_apposition", j
                    break
                if (
                    best is None
                    and self._share_segment(m, seg_start)
                    and (left == t0 or _comma_like(view.gap(left)))
                    and m - left <= 6
                    and not any(_finite_verb(low[t]) or low[t] in _BE for t in range(left, m))
                ):
                    # 'A third of independents, 33%, say': the share and what it counts
                    return (left, seg_start), "subject_parenthetical", j
                head = m - 1
                if ")" in g:
                    head = self._before_paren(m, t0)
                    if head < t0:
                        break
                if low[head] in SUBJECT_PRONOUNS - {"who", "which"}:
                    best = ((head, head + 1), "subject_parenthetical", j)
                    continue
                np = _np_back(view, head, t0, lex)
                if (
                    np
                    and _plausible_source(view, *np, lex)
                    and (any(view.capitalised(t) for t in range(*np)) or low[np[0]] in _DETERMINERS)
                ):
                    best = (np, "subject_parenthetical", j)
            if best:
                return best
        # inversion: '"…," said Smith' / '…, says the report.'
        if j < t1 and (k == t0 or any(c in gap for c in ",:" + _QUOTE_CHARS)):
            np = _np_forward(view, j, t1, lex)
            if np and _plausible_source(view, *np, lex) and low[np[0]] not in _TIME_WORDS:
                a, b = np
                after = view.marks[b][:1] if b < t1 else ""
                opener = (
                    low[a] in SUBJECT_PRONOUNS
                    or low[a] in _DETERMINERS
                    or any(view.capitalised(t) for t in range(a, b))
                )
                closed = b >= t1 or (after and after in ",.;:!?)(—–") or low[b] in _INVERTED_CLOSERS
                if opener and not closed:
                    # 'said RNC spokesman Sean Spicer in a Friday tweet': the phrase ends
                    # before a setting that follows the name
                    for t in range(a + 1, b):
                        if low[t] in _INVERTED_CLOSERS and view.capitalised(t - 1):
                            np, b, closed = (a, t), t, True
                            break
                if opener and not closed and low[b] in ("to", "of", "for"):
                    # 'said a longtime adviser to Trump, who …', 'said Phil Musser of
                    # digital consulting firm IMGE.': the phrase runs on to the punctuation
                    e = b + 1
                    while (
                        e < t1
                        and e - b < 8
                        and (not _has_punct(view.gap(e)) or _abbrev_gap(view, e))
                    ):
                        w = low[e]
                        if w in _AUX or w in _BE or (w in _STOP and w not in _NP_PREPS):
                            break
                        if _verb_form(w, lex) and not (view.capitalised(e) or w.endswith("ing")):
                            break
                        e += 1
                    if e >= t1 or (_has_punct(view.gap(e)) and not _abbrev_gap(view, e)):
                        np, b, closed = (a, e), e, True
                if (
                    opener
                    and closed
                    and not (
                        b - a > 1 and low[b - 1].endswith("ed") and not view.capitalised(b - 1)
                    )
                ):
                    # not '…, says the plan failed': a clause, not an inverted subject
                    return np, "inverted", b
        return None, "", j

    def _share_segment(self, a: int, b: int) -> bool:
        """Tokens ``a``..``b-1`` are a poll share: '33%', '67 percent'."""
        view = self.view
        if not view.low[a].replace(".", "").isdigit():
            return False
        if b - a == 1:
            return view.gap(b).lstrip().startswith("%")
        return b - a == 2 and view.low[a + 1] in ("percent", "per cent")

    def _before_paren(self, m: int, t0: int) -> int:
        """The token before the '(' of a parenthesis that closes just before token ``m``."""
        p = m - 1
        while p > t0 and "(" not in self.view.gap(p):
            p -= 1
        return p - 1

    def _name_segment(self, a: int, b: int) -> bool:
        """Tokens ``a``..``b-1`` are a name ('Corey Lewandowski', 'Gov. John Kasich')."""
        view = self.view
        if b - a > 6:
            return False
        return all(
            view.capitalised(t) or view.low[t] in ("of", "de", "van", "von", "al", "bin")
            for t in range(a, b)
        ) and view.capitalised(b - 1)

    def _parenthetical(self, a: int, b: int, left_opener: str) -> bool:
        """Tokens ``a``..``b-1`` read as an apposition, age, address or relative clause."""
        view, lex = self.view, self.lex
        w = view.low[a]
        if (
            w in _PAREN_OPENERS
            or w in _PARTICIPLE_OPENERS
            or (w.endswith("ing") and len(w) > 4 and not view.capitalised(a))
            or w.isdigit()
            or w.endswith(("'s", "’s"))
            or (b - a > 1 and _possessive_gap(view, a + 1))
        ):
            return True
        if (
            b - a > 2
            and (w.endswith("ed") or w in _IRREGULAR_PARTICIPLES or w == "first")
            and "by" in view.low[a + 1 : a + 3]
        ):
            return True  # 'The letter, obtained by the Post, says': a participle phrase
        if view.capitalised(a) and left_opener in ("of", "from", "in"):
            return True  # 'of Mill Lane, Northbridge,'
        if view.capitalised(a) and view.low[b - 1] in lex.titles:
            return True  # 'Smith, Tanseyside's Chief Constable,'
        if b - a == 1 and _PARTY_STATE.match(view.words[a]):
            return True  # 'Sen. Lindsey Graham, R-S.C., said'
        if b - a == 1 and view.capitalised(a) and view.gap(b).lstrip().startswith("."):
            return True  # 'who lives in Cambridge, Mass., said': a state, not a name
        if any(_finite_verb(view.low[t]) or view.low[t] in _BE for t in range(a, b)):
            return False  # a clause, not an apposition
        # 'Chris Covert, South Carolina director for Sanders, said': a role noun as written
        return any(
            not view.capitalised(t) and self._role_noun(view.base(t)) for t in range(a, b)
        ) or (any(view.low[t] in lex.titles for t in range(a, b)) and not view.capitalised(a))

    def _speaker_head(self, t: int) -> bool:
        """Token ``t`` heads a phrase naming people or a body ('experts', 'the
        government', 'the candidate'), so a noun-like verb after it is a verb."""
        w = self.view.base(t)
        lex = self.lex
        return (
            self._role_noun(w)
            or w in lex.organisation_heads
            or w in lex.media_heads
            or w in _SOURCE_LIKE
            or (w.endswith("s") and w[:-1] in lex.anonymous_heads)
        )

    def _role_noun(self, word: str) -> bool:
        lex = self.lex
        return (
            word in _ROLE_NOUNS
            or word in lex.titles
            or word in lex.anonymous_heads
            or word in lex.voice_heads
        )

    def _source_chars(self, source: tuple[int, int]) -> tuple[int, int]:
        """Character span of a source's tokens: 'She' of "She's", '40%' with its sign."""
        view = self.view
        a, b = view.span(*source)
        if b - a > 0 and source[1] - source[0] == 1 and view.low[source[0]] in _PRONOUN_BE:
            b = a + len(view.words[source[0]]) - 2 - (view.low[source[0]][-2:] == "re")
        elif view.text[b : b + 1] == "%":
            b += 1
        return a, b
