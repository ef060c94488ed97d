"""Noun phrases on the token view, for finding sources: walking a phrase back from its
head or forward from its first word, whether it can be a source, and the channels,
settings and recipients that sit between a cue and its source or content.
"""

from __future__ import annotations

from .._names import SUBJECT_PRONOUNS, AttributionLexicons, word_lists
from .._view import View
from ._common import _NUMBER_WORDS, _OFFICE_NOUNS, _PARENTS, _PUNCT, _PUNCT_GAPS

_RULE_WORDS = word_lists("attribution_rule_words.tsv")
_BE = _RULE_WORDS["be"]
_AUX = frozenset(
    [
        "has",
        "have",
        "had",
        "having",
        "do",
        "does",
        "did",
        "will",
        "would",
        "shall",
        "should",
        "can",
        "could",
        "may",
        "might",
        "must",
        "'ve",
        "'d",
        "'ll",
        "not",
        "n't",
        "never",
    ]
    + [
        f"{v}n{a}t"
        for v in (
            "do",
            "does",
            "did",
            "wo",
            "would",
            "ca",
            "could",
            "should",
            "has",
            "have",
            "had",
            "must",
            "is",
            "are",
            "was",
            "were",
        )
        for a in "'’"
    ]
)
_DETERMINERS = _RULE_WORDS["determiners"]
# Words that end a noun phrase when walking back from its head.
_STOP = _RULE_WORDS["stop"]
# Prepositions that may sit inside a source noun phrase ("spokesman for the Ministry").
_NP_PREPS = _RULE_WORDS["np_preps"]
#: Participles that, with 'by', put a pollster inside a source ('economists polled by X').
_POLLED = frozenset(["polled", "surveyed", "interviewed", "questioned", "consulted"])
_FORWARD_PREPS = _RULE_WORDS["forward_preps"]
_THAT = frozenset({"that"})
_CHANNEL_TAIL = _RULE_WORDS["channel_tail"]
_RECIPIENT_PREPS = frozenset({"of"})
# Role nouns that make a comma-delimited segment an apposition ('X, head of Y, said'),
# beside the person titles and the anonymous and voice heads of the lexicons.
_ROLE_NOUNS = _RULE_WORDS["role_nouns"]
# Heads that make a noun phrase a plausible source after "according to".
_SOURCE_LIKE = _RULE_WORDS["source_like"]


def _has_punct(gap: str) -> bool:
    # The rules ask this of the same few gaps (' ', ', ', '. ') over and over: remember
    # the answers (for a bounded number of distinct gaps).
    found = _PUNCT_GAPS.get(gap)
    if found is None:
        found = bool(_PUNCT.search(gap + " "))
        if len(_PUNCT_GAPS) < 4096:
            _PUNCT_GAPS[gap] = found
    return found


def _abbrev_gap(view: View, i: int) -> bool:
    """True where the gap before token ``i`` is only an abbreviation's dot ("Mr. Smith")."""
    gap = view.gap(i)
    if gap.strip() != ".":
        return False
    return _abbreviation(view.words[i - 1])


def _plural_possessive_gap(view: View, i: int) -> bool:
    """True where the gap before capitalised token ``i`` is a plural possessive inside a
    name ("the Wharfside Residents' Association", "Workers' Union")."""
    return (
        view.marks[i] in ("'", "\u2019")
        and view.low[i - 1].endswith("s")
        and view.capitalised(i - 1)
        and view.capitalised(i)
    )


def _name_and(view: View, b: int, t1: int, lex: AttributionLexicons) -> bool:
    """True where "and" at ``b`` joins two capitalised words of one body's name, told by
    an organisation head after it ("the Rivers and Coast Authority"), not two sources
    ("Israel and Mr Trump")."""
    if view.low[b] != "and" or not view.capitalised(b - 1) or b + 1 >= t1:
        return False
    t = b + 1
    while t < t1 and t - b <= 3 and view.capitalised(t):
        if t > b + 1 and _has_punct(view.gap(t)) and not _plural_possessive_gap(view, t):
            break
        if view.low[t] in lex.organisation_heads:
            return True
        t += 1
    return False


def _initial(view: View, t: int) -> bool:
    """Token ``t`` is a middle initial ('Jock A. Finlayson'), not the article 'a'."""
    word = view.words[t]
    return (
        len(word) == 1
        and word.isupper()
        and t + 1 < len(view.words)
        and view.marks[t + 1] == "."
        and view.capitalised(t + 1)
    )


def _number(word: str) -> bool:
    return word.isdigit() or word in _NUMBER_WORDS


def _open_gap(view: View, i: int) -> bool:
    """No punctuation before token ``i`` but an abbreviation's dot ("Biden Jr. warned")."""
    return not _has_punct(view.gap(i)) or _abbrev_gap(view, i)


def _abbreviation(word: str) -> bool:
    return "." in word or (len(word) <= 4 and word[:1].isupper())


def _np_back(view: View, j: int, t0: int, lex: AttributionLexicons) -> tuple[int, int] | None:
    """The noun phrase ending at token ``j`` (inclusive), as a token range."""
    low = view.low
    if (
        j - 2 >= t0
        and _number(low[j])
        and _of_parents(low, j)
        and _open_gap(view, j)
        and _open_gap(view, j - 1)
    ):
        # 'the 34-year-old mother of three replied'
        head = _np_back(view, j - 2, t0, lex)
        return (head[0], j + 1) if head else None
    if (low[j] in _STOP or low[j] in _DETERMINERS or (_verb_form(low[j], lex) and j > t0)) and not (
        view.capitalised(j) and low[j] not in _STOP
    ):
        return None  # a verb form or function word cannot head a source
    a = j
    for k in range(max(t0, j - 5), j):
        # a body's name that holds words that would stop the phrase ('Save the Children')
        if " ".join(low[k : j + 1]) in lex.organisations and all(
            _open_gap(view, t) for t in range(k + 1, j + 1)
        ):
            a = k
            break
    while a > t0 and j - a < 15:
        if _has_punct(view.gap(a)) and not _abbrev_gap(view, a):
            break
        w = low[a - 1]
        if _initial(view, a - 1):
            a -= 1  # 'Jock A. Finlayson'
            continue
        if w in _DETERMINERS:
            a -= 1
            if (
                _number(w)
                and a - 1 >= t0
                and low[a - 1] in ("the", "these", "those", "all", "their", "its", "both")
                and not _has_punct(view.gap(a))
            ):
                a -= 1  # 'The two unions have both argued'
            # a determiner opens the phrase unless a preposition inside it precedes it
            if a - 1 > t0 and low[a - 1] in _NP_PREPS and _prep_inside(view, a - 1, lex):
                a -= 1
                continue
            break
        if w in ("familiar", "close"):  # 'people familiar with', 'sources close to'
            a -= 1
            continue
        if w == "by" and a - 2 >= t0 and low[a - 2] in _POLLED and not _has_punct(view.gap(a - 1)):
            a -= 2  # 'Economists polled by Bloomberg forecast': the economists speak
            continue
        if w in _NP_PREPS:
            if _prep_inside(view, a - 1, lex):
                a -= 1
                continue
            break
        if (
            w == "and"
            and view.capitalised(a)
            and a - 2 >= t0
            and view.capitalised(a - 2)
            and not _has_punct(view.gap(a - 1))
            and low[a - 2] not in lex.verbs
        ):
            a -= 1  # 'Donald Trump and House Speaker Paul Ryan said': both speak
            continue
        if w in _STOP or w in SUBJECT_PRONOUNS:
            break
        if _verb_form(w, lex) and not view.capitalised(a - 1):
            break
        if (
            w.endswith("ed")
            and not view.capitalised(a - 1)
            and w not in lex.anonymous_heads
            and not (a - 1 == t0 or _has_punct(view.gap(a - 1)))
        ):
            break  # 'the man Trump accused': but 'retired general Lloyd Newton said' is kept
        if (
            view.capitalised(a)
            and not view.capitalised(a - 1)
            and (w in lex.organisation_heads or w in lex.media_heads)
            and a - 2 >= t0
            and view.capitalised(a - 2)
            and not _has_punct(view.gap(a - 1))
        ):
            a -= 1  # 'Tulsa police Chief Chuck Jordan', 'White House press aide X'
            continue
        if (
            view.capitalised(a)
            and not view.capitalised(a - 1)
            and w in lex.organisation_heads
            and a - 2 >= t0
            and not _has_punct(view.gap(a - 1))
        ):
            # 'the charity Friends of the Tansey', 'the conservation charity …': a common
            # noun (after one modifier at most) names the body
            d = a - 2  # the word before the common noun
            if (
                low[d] not in ("the", "a", "an")
                and d - 1 >= t0
                and view.words[d].isalpha()
                and view.words[d].islower()
                and not _has_punct(view.gap(d + 1))
            ):
                d -= 1  # one modifier: 'the conservation charity'
            if low[d] in ("the", "a", "an"):
                a = d + 1
                continue
        if (
            view.capitalised(a)
            and view.capitalised(j)
            and not view.capitalised(a - 1)
            and w not in lex.titles
            and w not in lex.demonyms
            and w not in lex.anonymous_heads
            and w not in lex.voice_heads
            and w not in _ROLE_NOUNS
        ):
            break  # 'outrageous things Donald Trump said': the name is the source
        a -= 1
    return a, j + 1


def _of_parents(low: list[str], t: int) -> bool:
    """Token ``t`` counts children: 'mother of three', 'father of two'."""
    return t >= 2 and low[t - 1] == "of" and low[t - 2] in _PARENTS


def _verb_form(word: str, lex: AttributionLexicons) -> bool:
    """A reporting-verb form that is not also a noun ('advocates', 'critics' stay nouns)."""
    entry = lex.verbs.get(word)
    return entry is not None and word not in entry.noun_forms


def _prep_inside(view: View, p: int, lex: AttributionLexicons) -> bool:
    """Whether the preposition at ``p`` joins two parts of one source phrase ('a
    spokesman for the Ministry', 'Priya Vand of Tanseyside Police')."""
    if p - 1 < view.sent_t0[p] or _has_punct(view.gap(p)):
        return False
    before = view.base(p - 1)
    if (
        view.low[p] in ("in", "of")
        and _number(before)
        and p + 1 < len(view.low)
        and _number(view.low[p + 1])
    ):
        return True  # 'eight in 10 voters': a poll share
    return (
        view.capitalised(p - 1)
        or before in lex.voice_heads
        or before in lex.anonymous_heads
        or before in lex.organisation_heads
        or before in lex.media_heads
        or before in lex.titles
        or before in ("familiar", "close", "knowledge")
        or before in _OFFICE_NOUNS  # 'the head of Brennock', 'the chief executive of …'
    )


_CONNECTOR_PAIRS = {("familiar", "with"), ("close", "to"), ("with", "knowledge")}


def _np_forward(
    view: View,
    i: int,
    t1: int,
    lex: AttributionLexicons,
    preps: frozenset[str] = _FORWARD_PREPS,
) -> tuple[int, int] | None:
    """The noun phrase starting at token ``i``, as a token range."""
    low = view.low
    if i >= t1:
        return None
    if low[i] in SUBJECT_PRONOUNS - {"it", "which", "who", "you"}:
        return i, i + 1
    if low[i] in _STOP and low[i] not in _DETERMINERS and not view.capitalised(i):
        return None
    b = i
    while b < t1 and b - i < 12:
        w = low[b]
        if (
            b > i
            and _has_punct(view.gap(b))
            and not _abbrev_gap(view, b)
            and not _plural_possessive_gap(view, b)
        ):
            break
        if b > i and _name_and(view, b, t1, lex):
            b += 2
            continue
        if b > i and b + 1 < t1 and (w, low[b + 1]) in _CONNECTOR_PAIRS:
            b += 2
            continue
        if b > i and w in preps:
            nxt = low[b + 1] if b + 1 < t1 else ""
            if (
                nxt
                and not _has_punct(view.gap(b + 1))
                and (nxt not in _STOP or nxt in _DETERMINERS)
            ):
                b += 1
                continue
            break
        after_connector = b - 2 >= i and (low[b - 2], low[b - 1]) in _CONNECTOR_PAIRS
        if (
            b > i
            and w in _DETERMINERS
            and low[b - 1] not in preps
            and not after_connector
            and not _initial(view, b)
        ):
            break
        after_det = low[b - 1] in _DETERMINERS or low[b - 1] in preps or after_connector
        if (
            b > i
            and (w in _STOP or w in _THAT or w in _BE or w in _AUX)
            and not view.capitalised(b)
        ):
            break
        if b > i and w in lex.verbs and not after_det and not view.capitalised(b):
            head = w in lex.verbs[w].noun_forms and (
                b + 1 >= t1 or _has_punct(view.gap(b + 1)) or low[b + 1] in preps
            )
            if not head:
                break  # a verb; but 'the congressional report.' ends in its head noun
        if (
            b > i
            and w.endswith("ing")
            and not view.capitalised(b)
            and not after_det
            and not (view.capitalised(b - 1) and b + 1 < t1 and view.capitalised(b + 1))
        ):
            break  # but 'Oversight ranking Democrat Elijah Cummings' is one phrase
        b += 1
    if b == i:
        return None
    # trailing prepositions and determiners are not part of the phrase
    while b - 1 > i and (low[b - 1] in preps or low[b - 1] in _DETERMINERS):
        b -= 1
    return i, b


def _plausible_source(view: View, a: int, b: int, lex: AttributionLexicons) -> bool:
    """A token range that can be a source: a name, a pronoun or a noun phrase."""
    low = view.low
    if b - a == 1 and low[a] in SUBJECT_PRONOUNS:
        return True
    head = view.base(b - 1)
    if b - a >= 3 and _of_parents(low, b - 1):
        return True  # 'the mother of three'
    if head.isdigit() or low[b - 1] in _DETERMINERS:
        return False
    return any(view.capitalised(t) or low[t] not in _STOP for t in range(a, b))


def _source_like(view: View, a: int, b: int, lex: AttributionLexicons) -> bool:
    """A phrase that names who or what speaks: a name, or a person, body or document noun."""
    if b - a == 1 and view.low[a] in SUBJECT_PRONOUNS:
        return True
    lows = [view.base(t) for t in range(a, b)]
    if any(
        " ".join(lows[x:y]) in lex.anonymous_heads
        for x in range(len(lows))
        for y in range(x + 2, len(lows) + 1)
    ):
        return True
    for t in range(a, b):
        w = view.base(t)
        if view.capitalised(t) and w not in _DETERMINERS:
            return True
        for form in (w, w.removesuffix("s")):  # 'several environmental groups'
            if (
                form in lex.anonymous_heads
                or form in lex.organisation_heads
                or form in lex.voice_heads
                or form in lex.media_heads
                or form in _SOURCE_LIKE
                or form in lex.titles
            ):
                return True
    return False


def _past_document(view: View, a: int, b: int) -> tuple[int, int]:
    """'figures from the ONS', 'a statement by X': the body named after the document."""
    low = view.low
    t = a + 1 if low[a] in _DETERMINERS else a
    if (
        t + 1 < b
        and low[t] in _SOURCE_LIKE
        and low[t + 1] in ("from", "by", "of", "in")
        and any(view.capitalised(u) for u in range(t + 2, b))
    ):
        return t + 2, b
    return a, b


def _skip_channel(view: View, k: int, t1: int, lex: AttributionLexicons) -> int:
    """Skip statement frames and time words after a cue ("in a statement on Monday")."""
    low = view.low
    moved = True
    while moved and k < t1:
        moved = False
        for n in (6, 5, 4, 3, 2, 1):
            if k + n > t1:
                continue
            phrase = " ".join(low[k : k + n])
            if lex.frames.get(phrase) == "statement":
                k += n
                moved = True
                # "on X", "with CNN": the channel's name
                if low[k - 1] in ("on", "with", "to") and k < t1:
                    np = _np_forward(view, k, t1, lex)
                    if np:
                        k = np[1]
                break
        if not moved and low[k] in _CHANNEL_TAIL and not _has_punct(view.gap(k)):
            k += 1
            moved = True
    return k


#: Prepositions of a setting between a cue and what was said ('told business leaders at
#: an event in London that …').
_SETTING_OPENERS = _RULE_WORDS["setting_openers"]


def _skip_setting(view: View, k: int, t1: int, lex: AttributionLexicons) -> int:
    """Skip where and when something was said ('at an event in London', 'in Washington
    on Tuesday'), but only when 'that' follows them: the reported clause starts there,
    not at the setting. Anything else after the cue is left as it was."""
    low = view.low
    j, steps = k, 0
    while j < t1 and low[j] in _SETTING_OPENERS and steps < 4 and not _has_punct(view.gap(j)):
        np = _np_forward(view, j + 1, t1, lex)
        if np is None:
            return k
        j, steps = np[1], steps + 1
    if steps and j < t1 and low[j] == "that" and not _has_punct(view.gap(j)):
        return j
    return k


def _recipient(view: View, k: int, t1: int, lex: AttributionLexicons) -> tuple[int, int] | None:
    if k >= t1 or (_has_punct(view.gap(k)) and view.marks[k] not in ("",)):
        return None
    np = _np_forward(view, k, t1, lex, _RECIPIENT_PREPS)
    if np is None:
        return None
    a, b = np
    if view.low[a] in ("that", "the") and b - a == 1:
        return None
    return np
