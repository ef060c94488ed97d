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
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import islice, pairwise

from .._view import View
from ._lexicon import AttributionLexicons, VerbEntry, word_lists, word_table

__all__ = ["Candidate", "find_candidates", "first_words"]

_RULE_WORDS = word_lists("attribution_rule_words.tsv")

_PUNCT = re.compile(r"[,;:()\[\]“”\"‘’'—–]|(?<!\w)-(?!\w)|\.\s")
_QUOTE_CHARS = "“”\"‘’'"
#: What may stand between a quote and its cue ('"…," said X'; 'X said: "…"'): white
#: space and these marks.
_BETWEEN_QUOTE_AND_CUE = frozenset(",.!?…—–'’-")
_BETWEEN_CUE_AND_QUOTE = frozenset(",:;—–-")
_TRAILING = re.compile(r"[\s,.;:!?…—–-]+$")
#: The characters of _TRAILING besides white space, for scanning back from a clause's end.
_TRAILING_CHARS = frozenset(",.;:!?…—–-")
# Patterns the rules use on every attribution, compiled once (re's own cache costs a
# lookup per call).
_THAT_OPENS = re.compile(r"that\s+", re.IGNORECASE)
_WORD_CHAR = re.compile(r"\w")
_WORDS = re.compile(r"\w+")
_THAT_OR_QUOTE = re.compile(r"\bthat\b|[:“\"‘]")
_TRAILING_AND = re.compile(r"(?:[\s,;:—–-]|\b(?:and|but)\b)+$")
_COMMA_BEFORE = re.compile(r"[,—–]\s*$")
_COMMA_AFTER = re.compile(r"\s*[,—–]")
_QUOTE_REST = re.compile(r"[\s.,!?…]*")

SUBJECT_PRONOUNS = _RULE_WORDS["subject_pronouns"]
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
# words opening a setting, not reported content, right after a cue ('demonstrated
# outside the paper', 'spoke during the rally')
_SETTING_STARTS = _RULE_WORDS["setting_starts"]
_PARTICIPLE_NEXT = re.compile(r"\s*[a-z]+ing\b")
# nouns of saying that take a 'that'-clause after a possessive ('his claim that'), with
# the verb they are read as (its category and load, where the lexicon has it)
_CLAIM_NOUNS = word_table("claim_nouns.tsv")
_POSSESSIVE_PRONOUNS = frozenset(["his", "her", "their", "its", "my", "our", "your"])
# participles of publishing: ', first published by Politico,' names the outlet
_PUBLISHED = _RULE_WORDS["published"]
# honorifics before a headline label's first name ('Dr. Ben Carson: …')
_LABEL_TITLES = _RULE_WORDS["label_titles"]
# office-holders described by their office ('the head of X', 'the owner of the shop')
_OFFICE_NOUNS = _RULE_WORDS["office_nouns"]
# headline words before a colon that name no speaker ('Poll: …', 'Update: …')
_NOT_LABELS = _RULE_WORDS["not_labels"]
# the lexicon note of 'asked not to be named', 'spoke on condition of anonymity': a
# condition of anonymity, no cue of its own
_UNNAMED = "marks the source as deliberately unnamed"
#: How the lexicon notes of the phrases that mark a source asked who gave no content
#: begin ('declined to comment', 'has been approached for comment'): an attribution
#: without content.
NO_CONTENT_NOTE = "marks a source that was asked but"
# verbs whose cue-final use can be followed by a setting (not 'insist on …')
_SAY = _RULE_WORDS["say"]
# words opening where or when something was said, after the cue ('said on Tuesday',
# 'said Tuesday', 'told reporters in Ohio', 'said, by way of explanation')
_SETTING_AFTER = _RULE_WORDS["setting_after"]
# prepositions that never open a speaker's phrase ('in a lengthy expose')
_SETTING_PREPS = frozenset(["in", "on", "at", "into", "during", "despite", "through"])
# 'mother of three', 'father of two': a person, not a count
_PARENTS = frozenset(["mother", "father", "parent", "grandmother", "grandfather", "mom", "dad"])
_NEG_BE = frozenset(f"{v}n{a}t" for v in ("is", "are", "was", "were") for a in "'’")
_ADVERBS = _RULE_WORDS["adverbs"]
_LY_NOUNS = _RULE_WORDS["ly_nouns"]
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
_COORD = frozenset({"and", "but", "or"})
_PERSONAL_SUBJECTS = frozenset(["he", "she", "they", "we", "i", "who"])
_QUOTE_COMMAS = frozenset([',"', ",”", ",'", ",’", '?"', "?”", '!"', "!”", "”,", '",', "''"])
_OBJECT_PRONOUNS = frozenset(["me", "him", "her", "us", "them", "you", "reporters"])
# words before an -ing cue that make it the sentence subject's ('responded by saying')
_PARTICIPLE_LINKS = frozenset(["and", "by", "before", "while", "without", "then"])
_SIGNATURE = re.compile(r"[ \t\xa0]*([―—])[ \t\xa0]*")  # NBSP: web captures
_CLAUSE_END = frozenset(",;:—–-" + _QUOTE_CHARS)
# words that open a fronted phrase before the main clause ('On Sunday, …')
_FRONTED = _RULE_WORDS["fronted"]
# more openers of a fronted phrase: 'Back in Washington, …', 'Throughout the 2000s, …'
_FRONTED_OPENERS = _RULE_WORDS["fronted_openers"]
# words after a verb that make a phrasal verb reporting nothing ('show up', 'back down')
_PHRASAL_NOT: dict[str, frozenset[str]] = {
    "show": frozenset(["up", "off"]),
    "back": frozenset(["down", "off", "away", "out", "up"]),
    "write": frozenset(["off", "down"]),
    "find": frozenset(["himself", "herself", "themselves", "itself", "myself", "ourselves"]),
    "add": frozenset(["to", "up"]),
    "point": frozenset(["to", "at"]),
    "call": frozenset(["off", "in", "into"]),
    "report": frozenset(["from"]),
}
# words that make 'asked not to be …' a condition of anonymity, not a report
_ANONYMITY = frozenset(["named", "identified", "anonymous", "anonymity", "quoted"])
# verbs after which a bare verb is an infinitive, not a report ('helped found the group')
_BARE_INFINITIVE = frozenset(["help", "helps", "helped", "helping"])
_LET = frozenset(["let", "lets", "letting"])
_IRREGULAR_PARTICIPLES = _RULE_WORDS["irregular_participles"]
# a pronoun fused with 'is' or 'are' before an -ing form ("he's predicting")
_PRONOUN_BE = frozenset(
    f"{p}{a}{s}"
    for p in ("he", "she", "it", "they", "we", "who")
    for a in "'’"
    for s in ("s", "re")
)
# impersonal frames whose subject is the reporting outlet itself ('The Times has learned')
_OUTLET_FRAME_STARTS = frozenset({"has", "have", "understands", "can"})
_RECIPIENT_PREPS = frozenset({"of"})
# verbs that take 'to' + a reporting verb: 'refused to admit', 'wants to say'
_CONTROL = _RULE_WORDS["control"]
# verbs of speaking that report something only with 'that', 'about', 'of' or a colon
_WEAK_SPEECH = _RULE_WORDS["weak_speech"]
_INVERTED_CLOSERS = _RULE_WORDS["inverted_closers"]
_TIME_WORDS = _RULE_WORDS["time_words"]
_NOUN_FOLLOWERS = _RULE_WORDS["noun_followers"]
_PAREN_OPENERS = _RULE_WORDS["paren_openers"]
# what a content span cut short must not end with: punctuation, a relative or a conjunction
_TRAILING_LINK = re.compile(r"(?:[\s,;:—–-]|\b(?:which|who|whom|that|and|but)\b)+$")
# words opening an adverbial clause at the start of a sentence (not 'as': 'As the
# Post reported, …' is itself a report)
# a conjunction opening a sentence before a fronted clause ('But before …')
_CONJUNCTIONS = frozenset(["but", "and", "yet", "so", "or"])
_SUBORDINATORS = _RULE_WORDS["subordinators"]
# words before a time phrase ('on Tuesday', 'early Friday', 'in March')
_TIME_OPENERS = _RULE_WORDS["time_openers"]
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
# ', as' (or ', just as') right before the source of a clause-final cue
_AS_TAIL = re.compile(r"[,—–]\s*(?:just\s+)?as\s+$")
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
# common irregular past tenses: the verb that ends a clause's subject ('Clinton shook …')
_IRREGULAR_PAST = _RULE_WORDS["irregular_past"]
# documents a sender issues: 'sent a letter saying …', 'posted a message reading …'
_DOCUMENT_NOUNS = _RULE_WORDS["document_nouns"]
# 'in fact', 'in particular' inside a verb group ('have in fact reported')
_ASIDES = frozenset(["fact", "particular", "turn", "private", "public", "recent", "effect"])
# 'said by telephone': a channel, not a passive agent
_BY_CHANNELS = _RULE_WORDS["by_channels"]
# words opening a participle or time phrase set off by commas ('X, clad in red, said')
_PARTICIPLE_OPENERS = _RULE_WORDS["participle_openers"]
# Party and state after a US politician's name: 'R-S.C.', 'D-Md.', 'I-Vt'
_PARTY_STATE = re.compile(r"^[RDI]-[A-Z][A-Za-z.]*$")
# Role nouns that make a comma-delimited segment an apposition ('X, head of Y, said'),
# beside the person titles and the anonymous and voice heads of the lexicons.
_ROLE_NOUNS = _RULE_WORDS["role_nouns"]
# Heads after "according to" that give a measure or a norm, not a source
_NOT_ACCORDING = _RULE_WORDS["not_according"]
# Heads that make a noun phrase a plausible source after "according to".
_SOURCE_LIKE = _RULE_WORDS["source_like"]


@dataclass(slots=True)
class Candidate:
    """One attribution found by the rules, before sources are resolved and typed."""

    kind: str
    rule: str
    cue: tuple[int, int] | None  # character span
    cue_entry: VerbEntry | None
    cue_text: str | None
    source: tuple[int, int] | None
    content: tuple[int, int] | None
    recipient: tuple[int, int] | None = None
    sentence: int = 0
    inherit_from: Candidate | None = None  # continuation of an earlier attribution
    anchor: int = 0  # character offset used to order antecedents
    extra: dict[str, object] = field(default_factory=dict)


def _paren_only(gap: str) -> bool:
    """A gap holding only parenthesis marks (and the dot of an abbreviation inside)."""
    stripped = gap.strip()
    return bool(stripped) and all(c in "()." for c in stripped) and any(c in "()" for c in stripped)


_PUNCT_GAPS: dict[str, bool] = {}


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


_NUMBER_WORDS = _RULE_WORDS["number_words"]
_QUANTITY_SUBJECTS = frozenset(["most", "many", "some", "half", "others", "several", "few"])
_QUALIFIERS = _RULE_WORDS["qualifiers"]


def _number(word: str) -> bool:
    return word.isdigit() or word in _NUMBER_WORDS


_COMMA_LIKE = re.compile(r",|—|–|(?<=\s)--?(?=\s)")


def _comma_like(gap: str) -> bool:
    """A comma or a dash: what sets off a parenthetical ('Sims — a teacher — says')."""
    return bool(_COMMA_LIKE.search(gap))


def _open_gap(view: View, i: int) -> bool:
    """No punctuation before token ``i`` but an abbreviation's dot ("Biden Jr. warned")."""
    return not _has_punct(view.gap(i)) or _abbrev_gap(view, i)


def _abbreviation(word: str) -> bool:
    return "." in word or (len(word) <= 4 and word[:1].isupper())


def _possessive_gap(view: View, i: int) -> bool:
    """The gap before token ``i`` is a plural possessive's apostrophe ("Sanders' aide")."""
    gap = view.gap(i)
    return gap[:1] in ("'", "’") and not gap[1:].strip() and view.low[i - 1].endswith("s")


def _is_adverb(word: str) -> bool:
    return word in _ADVERBS or (word.endswith("ly") and len(word) > 4 and word not in _LY_NOUNS)


def _possessive_word(view: View, t: int) -> bool:
    """'Trump's', 'voters'', 'his'."""
    w = view.words[t]
    return view.low[t] in _POSSESSIVE_PRONOUNS or w.endswith(("'s", "’s", "s'", "s’"))


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


_FINITE = _RULE_WORDS["finite"]


def _finite_verb(word: str) -> bool:
    return word in _FINITE or (word.endswith("ed") and len(word) > 4)


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


#: Labels that open a paragraph with a colon but name no speaker ('UPDATE:', 'WATCH:').
_NOT_SPEAKERS = _RULE_WORDS["not_speakers"]


#: Prepositions of a setting between a cue and what was said ('told business leaders at
#: an event in London that …').
_SETTING_OPENERS = _RULE_WORDS["setting_openers"]
#: Cues that take no 'that' clause: a 'that' after their setting opens a relative clause
#: ('spoke in a cottage on a base that overlooks the bay').
_NO_CLAUSE = frozenset(["speak", "talk", "comment", "testify", "appear", "respond", "reply"])


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


@dataclass(slots=True)
class _Sentence:
    index: int
    t0: int
    t1: int
    start: int
    end: int
    paragraph: int


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


def _before_stripped(text: str, pos: int, n: int) -> str:
    """The last ``n`` characters of ``text[:pos].rstrip()``, without copying the text
    before ``pos`` (which made every call cost the article's length)."""
    while pos > 0 and text[pos - 1].isspace():
        pos -= 1
    return text[max(0, pos - n) : pos]


def _content_after(view: View, sent: _Sentence, pos: int) -> tuple[int, int] | None:
    """The clause from ``pos`` (a character offset) to the sentence end, trimmed."""
    text = view.text
    end = sent.end
    # Scans only the ends of the clause, never the whole of it: a sentence with many
    # cues (a paragraph without a full stop) costs its cues, not their product with its
    # length.
    while pos < end and text[pos] in " ,:;—–-":
        pos += 1
    m = _THAT_OPENS.match(text, pos, end)
    if m:
        pos = m.end()
    stop = end  # before the clause's trailing punctuation and spaces (_TRAILING)
    while stop > pos and (text[stop - 1] in _TRAILING_CHARS or text[stop - 1].isspace()):
        stop -= 1
    # a closing quote that belongs to a quote inside the clause stays
    closing = text[stop:end].lstrip(" ,.;:!?…—–-")[:1]
    if stop < end and closing and closing in _QUOTE_CHARS:
        stop = end
    if stop - pos < 3 or not _WORD_CHAR.search(text, pos, stop):
        return None
    return pos, stop


def _content_before(view: View, sent: _Sentence, pos: int) -> tuple[int, int] | None:
    text = view.text
    start = sent.start
    chunk = text[start:pos]
    m = _TRAILING.search(chunk)
    stop = start + (m.start() if m else len(chunk))
    if stop - start < 3 or not _WORD_CHAR.search(text, start, stop):
        return None
    return start, stop


class _Finder:
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

    # -- cues ---------------------------------------------------------------------------

    def run(self) -> list[Candidate]:
        for sent in self.sentences:
            self._sentence(sent)
        self._drop_nested()
        self._continuations()
        self.out.sort(key=lambda c: (c.anchor, c.cue[0] if c.cue else -1))
        return self.out

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

    # -- verbs --------------------------------------------------------------------------

    def _verb(
        self, sent: _Sentence, i: int, j: int, entry: VerbEntry, first_in_sentence: int
    ) -> Candidate | None:
        """A reporting verb (or phrase) at tokens ``i``..``j-1``."""
        view, lex = self.view, self.lex
        low = view.low
        t0, t1 = sent.t0, sent.t1
        k = i
        passive = False
        while k > t0 and _open_gap(view, k):
            w = low[k - 1]
            if view.capitalised(k - 1) and (
                k - 1 > t0 or not (w in _BE or w in _AUX or w in _ADVERBS)
            ):
                break  # 'Will wrote', 'Jolly said': a name, not a modal or an adverb
            if w in _BE or w in _NEG_BE:
                passive = not low[i].endswith("ing")
            elif w == "to" and k - 2 >= t0 and self._governs(k - 2):
                # 'refused to admit', 'declined to say': the governing verb leads
                k -= 2
                continue
            elif w in _ASIDES and k - 2 > t0 and low[k - 2] == "in" and _open_gap(view, k - 1):
                k -= 2  # 'have in fact reported', 'has in private argued'
                continue
            elif w in ("both", "all", "each") and k - 1 > t0 and low[k - 2] not in _DETERMINERS:
                k -= 1  # 'The senators have both argued', 'Smith and Jones both stressed'
                continue
            elif not (w in _AUX or _is_adverb(w)):
                break
            k -= 1
        if k > t0 and low[k - 1] == "to":
            return None  # an infinitive depending on something else
        if self._not_a_cue(sent, k, i, j, entry):
            return None
        if (
            not passive
            and j == i + 1
            and j < t1
            and low[j] == "by"
            and low[i] in _PUBLISHED
            and k > t0
            and "," in view.gap(k)
        ):
            # 'The minister's remarks, first published by Politico, …': the outlet
            np = _np_forward(view, j + 1, t1, lex)
            if np and _plausible_source(view, *np, lex):
                return self._finish(sent, i, j, entry, np, "passive_by", np[1])
        if (
            not passive
            and j < t1
            and low[j] == "by"
            and j == i + 1
            and not (j + 1 < t1 and low[j + 1] in _BY_CHANNELS)
            and (low[i].endswith(("ed", "en")) or low[i] in _IRREGULAR_PARTICIPLES)
            and not any(low[t] in _AUX for t in range(k, i))
            and not (k > t0 and low[k - 1] in SUBJECT_PRONOUNS)
        ):
            return None  # 'a measure opposed by unions', 'responded by': rarely a report
        k = self._skip_time(k, t0)
        while k > t0 and _open_gap(view, k) and (low[k - 1] in _AUX or low[k - 1] in _ADVERBS):
            k -= 1  # 'have in the past said'
        if (
            j == i + 1
            and low[i].endswith("ing")
            and not any(low[t] in _BE for t in range(k, i))
            and not (k > t0 and low[k - 1] in _PRONOUN_BE)
        ):
            if k > t0 and ("," in view.gap(k) or low[k - 1] in _PARTICIPLE_LINKS):
                return self._participle(sent, i, j, entry, first_in_sentence)
            doc = self._skip_time(k, t0)
            if (
                doc > t0
                and entry.category in ("speech", "writing")
                and view.base(doc - 1).removesuffix("s") in _DOCUMENT_NOUNS
                and _open_gap(view, doc)
            ):
                # 'The team sent out a press release saying …': the sender speaks
                return self._participle(sent, i, j, entry, first_in_sentence)
            absolute = self._with_absolute(sent, k, entry)
            if absolute is not None:
                # 'Fans backed him, with 40 percent saying he should stay'
                return self._finish(sent, i, j, entry, absolute, "participle", j)
            if (
                k > t0
                and entry.category in ("speech", "writing")
                and view.capitalised(k - 1)
                and _open_gap(view, k)
                and self._clause_follows(j, t1)
            ):
                # 'footage of Hillary Clinton asking, “Why …”': the name speaks
                np = _np_back(view, k - 1, t0, lex)
                if np and _plausible_source(view, *np, lex):
                    return self._finish(sent, i, j, entry, np, "participle", j)
            return None  # a gerund ('central planning', 'recalled him saying')
        nouny = j == i + 1 and low[i] in entry.noun_forms
        if nouny and not self._verb_follows(j, t1) and not self._verb_in_context(sent, k, j, entry):
            return None  # 'terror attacks on', 'swing states are': a noun
        source: tuple[int, int] | None = None
        rule = ""
        after = j  # first token after the cue (and its source, when inverted)
        if entry.category not in ("speech", "writing") and self._headline(sent):
            return None  # 'Council approves new cycle lanes': an event, not a stance
        if passive:
            if entry.category not in ("speech", "writing", "evidence"):
                return None  # 'was welcomed by': an event; the speech, if any, follows
            if j < t1 and low[j] == "by":
                np = _np_forward(view, j + 1, t1, lex)
                if np and _plausible_source(view, *np, lex):
                    source, rule, after = np, "passive_by", np[1]
            if source is None:
                return None
        elif k > t0 and _paren_only(view.gap(k)) and view.marks[k].endswith(")"):
            head = self._before_paren(k, t0)
            np = _np_back(view, head, t0, lex) if head >= t0 else None
            if np is None or not _plausible_source(view, *np, lex):
                return None
            source, rule = np, "subject"
        elif k > t0 and _open_gap(view, k):
            head = k - 1
            w = low[head]
            base = view.base(head)
            if (
                w in ("whom", "which")
                and head - 2 >= t0
                and low[head - 1] == "of"
                and (low[head - 2] in _QUANTITY_SUBJECTS or low[head - 2] in ("all", "both"))
                and _open_gap(view, head)
            ):
                source, rule = (head - 2, head + 1), "subject_pronoun"  # 'many of whom say'
            elif (
                w == "that"
                and entry.category in ("speech", "writing")
                and head > t0
                and _open_gap(view, head)
                and not view.capitalised(head - 1)
                and low[head - 1] not in _STOP
                and lex.verbs.get(low[head - 1]) is None
                and (j < t1 and any(c in view.gap(j) for c in "“\"'‘"))
            ):
                # 'T-shirts that said “We won.”': the relative pronoun, like 'which'
                source, rule = (head, head + 1), "subject_pronoun"
            elif (
                w in SUBJECT_PRONOUNS
                or w in _PRONOUN_BE
                or (base in SUBJECT_PRONOUNS and base != w)
            ):
                if w == "you" and (
                    entry.category not in ("speech", "writing")
                    or view.text[sent.start : sent.end].rstrip(" \"”’'").endswith("?")
                ):
                    return None  # generic 'you' ('if you believe', 'Do you support X?')
                source, rule = (head, head + 1), "subject_pronoun"
            elif w in _COORD:
                shared = [c for c in self.out[first_in_sentence:] if c.source is not None]
                if not shared:
                    # 'The AP surveyed the delegates and noted …': the sentence's subject
                    np = None if nouny else self._sentence_subject(sent, k - 1)
                    if np is None:
                        return None
                    return self._finish(sent, i, j, entry, np, "shared_subject", j)
                prev = shared[-1]
                return self._finish(
                    sent,
                    i,
                    j,
                    entry,
                    None,
                    "shared_subject",
                    j,
                    inherit=prev,
                    source_chars=prev.source,
                )
            elif (q := self._quantity(head, k, t0)) is not None:
                source, rule = q, "subject"  # 'One in three said', '26% say', 'Most said'
            elif (w in _DETERMINERS and not (head - 2 >= t0 and _of_parents(low, head))) or (
                w.endswith(("'s", "’s")) and base not in SUBJECT_PRONOUNS
            ):
                return None  # "his plans", "the group's support": a noun, not a verb
            else:
                np = _np_back(view, head, t0, lex)
                tagged = self._tag_after_quote(head, t0)
                if tagged is not None and (np is None or tagged[0] < np[0]):
                    np = tagged  # '“…,” former Florida governor Jeb Bush said'
                elif np is None or not _plausible_source(view, *np, lex):
                    return None
                if (
                    nouny
                    and np[1] - np[0] == 2
                    and low[np[0]] in ("a", "an")
                    and not self._speaker_head(np[1] - 1)
                ):
                    return None  # 'send a clear message that': the noun's adjective
                if nouny and not (
                    (view.capitalised(np[1] - 1) and view.base(np[1] - 1) not in lex.demonyms)
                    or self._speaker_head(np[1] - 1)
                    or (entry.category in ("speech", "writing") and self._clause_follows(j, t1))
                ):
                    return None  # 'rural support', 'the convention planning'
                source, rule = self._past_relative(np, t0), "subject"
                source = self._reduced_relative(source, sent)
                if source[0] == t0 and low[t0] in _FRONTED:
                    start = self._past_setting(source[0], source[1])
                    if start >= source[1]:
                        return None
                    source = (start, source[1])
                if (
                    source[0] - 1 > t0
                    and low[source[0] - 1] == "to"
                    and _open_gap(view, source[0])
                    and (self._governs(source[0] - 2) or low[source[0] - 2] == "not")
                ):
                    return None  # 'plans to make more detailed records': an infinitive
                while (
                    source[0] > t0
                    and low[source[0] - 1] in _SETTING_PREPS
                    and _open_gap(view, source[0])
                ):
                    # 'Some delegates at the convention in Philadelphia said': the phrase
                    # runs back over its settings; 'put it in a lengthy expose' has none
                    if source[0] - 1 == t0 or not _open_gap(view, source[0] - 1):
                        # a fronted setting: 'On Sunday Trump said'
                        start = self._past_setting(source[0] - 1, source[1])
                        if start >= source[1]:
                            return None
                        source = (start, source[1])
                        break
                    prev = _np_back(view, source[0] - 2, t0, lex)
                    if prev is None or not _plausible_source(view, *prev, lex):
                        return None
                    source = (prev[0], source[1])
                if any(
                    low[t] in _IRREGULAR_PAST and not view.capitalised(t) for t in range(*source)
                ):
                    return None  # 'The move took place despite repeated warnings'
        else:
            source, rule, after = self._source_after_punct(sent, k, i, j)
            if source is None:
                return None
        return self._finish(sent, i, j, entry, source, rule, after)

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

    def _headline(self, sent: _Sentence) -> bool:
        """A paragraph of one sentence without final punctuation: a headline."""
        text = self.view.text
        para = self.view.seg.paragraphs[sent.paragraph]
        return para == (sent.start, sent.end) and text[sent.end - 1] not in ".!?…:\"”’'"

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

    def _quotes_in(self, sent: _Sentence) -> list[int]:
        """The quotes overlapping a sentence, in text order."""
        return self._sentence_quotes[sent.index]

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

    def _governs(self, t: int) -> bool:
        """Whether token ``t`` is a verb that takes 'to' + a reporting verb."""
        w = self.view.low[t]
        return w in _CONTROL or (
            (w.endswith("ed") and w[:-2] in _CONTROL) or (w.endswith("s") and w[:-1] in _CONTROL)
        )

    def _participle(
        self, sent: _Sentence, i: int, j: int, entry: VerbEntry, first_in_sentence: int
    ) -> Candidate | None:
        """'Trump hit back, saying …': the speaker is the sentence's subject."""
        if entry.lemma == "mean":
            return None  # '…, meaning that the court stays short-handed': a consequence
        k = self._chain_start(i, sent)
        if k > sent.t0 and self.view.low[k - 1] == "each" and _open_gap(self.view, k):
            # 'Trump and Clinton vied for the title, each touting …': 'each' speaks
            return self._finish(sent, i, j, entry, (k - 1, k), "participle", j)
        shared = [c for c in self.out[first_in_sentence:] if c.source is not None]
        if shared:
            prev = shared[-1]
            return self._finish(
                sent, i, j, entry, None, "participle", j, inherit=prev, source_chars=prev.source
            )
        np = self._sentence_subject(sent, i, need_verb=False)
        if np is None:
            return None
        return self._finish(sent, i, j, entry, np, "participle", j)

    def _verb_in_context(self, sent: _Sentence, k: int, j: int, entry: VerbEntry) -> bool:
        """A form that is also a noun, read as a verb from its subject: a pronoun ('he
        notes.', 'she hopes to'), a name before 'to' + verb ('Sanders plans to stay'), or
        a name after a quote at the end of the clause ('“…,” Viguerie notes.')."""
        view = self.view
        low = view.low
        t0, t1 = sent.t0, sent.t1
        nxt = low[j] if j < t1 else ""
        if k > t0 and _comma_like(view.gap(k)) and nxt in ("to", "that"):
            return True  # 'Mr Rubio, a career politician, hopes to win'
        if k <= t0 or not _open_gap(view, k):
            return False
        subj = low[k - 1]
        if subj in _PERSONAL_SUBJECTS:
            return entry.category in ("speech", "writing") or nxt in ("to", "that")
        if (
            entry.lemma in ("show", "find")
            and view.base(k - 1) in _SOURCE_LIKE
            and (j >= t1 or _has_punct(view.gap(j)))
        ):
            return True  # '…, records show.': a document's finding closing the clause
        if not view.capitalised(k - 1) or subj in _DETERMINERS:
            return False
        if nxt == "to" and j + 1 < t1 and not view.capitalised(j + 1):
            return (
                low[j + 1] not in _DETERMINERS
                and not low[j + 1][:1].isdigit()
                and entry.category != "speech"
            )  # 'Sanders plans to stay', not 'percentage points to 4.2'
        if j < t1 and not _has_punct(view.gap(j)):
            return False
        np = _np_back(view, k - 1, t0, self.lex)
        if not np:
            return False
        before = _before_stripped(view.text, view.starts[np[0]], 2)
        if before in _QUOTE_COMMAS:
            return True
        # '…, The Wall Street Journal reports.': a named or speaking subject closing the
        # sentence after a comma
        return (
            j >= t1
            and before.endswith(",")
            and (view.capitalised(k - 1) or self._speaker_head(k - 1))
        )

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

    def _clause_follows(self, j: int, t1: int) -> bool:
        """'that' or a quote after a cue: what follows is reported content."""
        gap = self.view.gap(j) if j < t1 else ""
        return (j < t1 and self.view.low[j] == "that") or any(c in gap for c in ':“"')

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

    def _not_a_cue(self, sent: _Sentence, k: int, i: int, j: int, entry: VerbEntry) -> bool:
        """Phrasal and idiomatic uses of reporting verbs that report nothing: 'show up',
        'back down', 'found himself', 'adding to', 'the rate declined', 'time will tell';
        and 'call' without a named or pronoun subject ('a man called John')."""
        view = self.view
        low = view.low
        nxt = low[j] if j < sent.t1 else ""
        if nxt in _PHRASAL_NOT.get(entry.lemma, ()):
            return True
        if (
            entry.lemma in ("add", "appeal")
            and nxt in _DETERMINERS
            and j == i + 1
            and k > sent.t0
            and _open_gap(view, k)
            and _open_gap(view, j)
        ):
            return True  # 'had added the additional week', 'appealed the case': a deed
        if (
            entry.lemma == "went on"
            and nxt == "to"
            and j + 1 < sent.t1
            and low[j + 1] not in self.lex.verbs
        ):
            return True  # 'went on to win' (but 'went on to say')
        if low[i] == "saying" and k > sent.t0 and low[k - 1] == "without":
            return True  # 'it goes without saying'
        if (
            i == sent.t0
            and low[i] == entry.lemma
            and j == i + 1
            and j < sent.t1
            and view.capitalised(j)
            and _open_gap(view, j)
            and not self._title_case(sent)
        ):
            return True  # 'Hope Hicks, a spokeswoman, …': a first name, not a verb
        if (
            (low[i] in entry.noun_forms or (j > i + 1 and low[i].endswith("s")))
            and k > sent.t0
            and (low[k - 1] in ("percentage", "basis") or _number(low[k - 1]))
        ):
            return True  # '0.2 percentage points to 1.9', 'two claims': a counted noun
        if entry.lemma == "read" and not self._next_to_quote(sent, k, j):
            return True  # 'read the report': only '“…,” the sign read' reports words
        if entry.lemma in ("feel", "assume") and (
            not self._clause_after(sent, j) or nxt.endswith("ed")
        ):
            return True  # 'felt squeezed', 'feel stung after …', 'assumed a new role'
        if (
            entry.lemma in ("find", "show")
            and j == i + 1
            and nxt
            and nxt != "that"
            and not self._finding(sent, k, j)
        ):
            return True  # 'found a way', 'Facebook found the posts': finding, not a finding
        if nxt in ("not", "to") and any(
            low[t] in _ANONYMITY for t in range(j, min(sent.t1, j + 5))
        ):
            return True  # 'who asked not to be named': a condition of anonymity
        if k > sent.t0 and low[k - 1] in _BARE_INFINITIVE and _open_gap(view, k):
            return True  # 'helped found the group', 'help assess'
        if (
            k - 1 > sent.t0
            and low[k - 2] in _LET
            and _open_gap(view, k - 1)
            and _open_gap(view, k)
            and not view.capitalised(k - 1)
            and low[k - 1] not in ("me", "us")
        ):
            return True  # 'let them know', 'let editorials tell them' ('let me say' speaks)
        if entry.lemma == "call" and j == i + 1:
            subj = k - 1
            return not (
                subj >= sent.t0
                and _open_gap(view, k)
                and (
                    low[subj] in _PERSONAL_SUBJECTS
                    or (
                        view.capitalised(subj)
                        and low[subj] not in _STOP
                        and low[subj] not in _DETERMINERS
                    )
                )
            ) or nxt in ("it", "off", "back", "up", "out", "in", "to")
        if entry.lemma == "decline" and nxt not in ("to", "comment", "comments") and nxt:
            return True
        if entry.lemma == "tell" and i > sent.t0:
            t = i - 1
            while t > sent.t0 and low[t] in _AUX:
                t -= 1
            return low[t] == "time"
        return False

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

    def _next_to_quote(self, sent: _Sentence, k: int, j: int) -> bool:
        """The verb group at ``k``..``j-1`` tags a quote: '“…,” the statement read',
        '“…,” reads a notice', 'The sign read: “…”'."""
        view = self.view
        text = view.text
        left = view.starts[k]
        if text[sent.start : left].rstrip()[-2:] in _QUOTE_COMMAS:
            return True  # '“…,” reads a notice'
        quoted = [t for t in range(sent.t0, k) if view.quote[t] >= 0]
        if quoted:
            # '“…,” the statement read': at most a few words after the quote's comma
            end = view.ends[quoted[-1]]
            tagged = text[end : end + 2] in _QUOTE_COMMAS
            if tagged and text[end:left].lstrip(" ,.!?”’\"'").count(" ") <= 4:
                return True
        return j < sent.t1 and (view.quote[j] >= 0 or view.marks[j].startswith(":"))

    def _clause_after(self, sent: _Sentence, j: int) -> bool:
        """A 'that'-clause, a quote or a clause with its own subject and verb follows."""
        view = self.view
        low = view.low
        if j >= sent.t1:
            return False
        if low[j] == "that" or view.quote[j] >= 0 or view.marks[j].startswith(":"):
            return True
        for t in range(j + 1, min(sent.t1, j + 6)):
            if _has_punct(view.gap(t)):
                return False
            w = low[t]
            if w in _AUX or w in _BE or _finite_verb(w) or w in _IRREGULAR_PAST:
                return low[j] not in _STOP or low[j] in SUBJECT_PRONOUNS
        return False

    def _finding(self, sent: _Sentence, k: int, j: int) -> bool:
        """'find' reports a finding when a poll, study or report finds, or when a clause
        follows ('found Clinton leading', 'found the nominee garnered'), not when someone
        finds a thing ('found a way', 'found the posts')."""
        view = self.view
        low = view.low
        t = k - 1
        while t >= sent.t0 and k - t <= 5 and _open_gap(view, t + 1):
            if low[t] in _SOURCE_LIKE or view.base(t) in _SOURCE_LIKE:
                return True
            t -= 1
        if j < sent.t1 and view.quote[j] >= 0:
            return True  # 'found “evidence” that …'
        for t in range(j, min(sent.t1, j + 7)):
            if t > j and _has_punct(view.gap(t)):
                break
            w = low[t]
            if w in ("to", "that") or w.endswith("ing") or (t > j and _finite_verb(w)):
                return True
        return False

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

    def _verb_follows(self, j: int, t1: int) -> bool:
        """After a verb form that is usually a noun, what comes next must look like a
        verb's complement, not a noun's ('attacks on', 'states are', 'support, and')."""
        view = self.view
        if j >= t1:
            return False
        gap = view.marks[j]
        if gap and gap not in (":", "“", '"', ":“", ': "', ':"', "‘"):
            return False
        if view.low[j] == "that" and j + 1 < t1:
            nxt = view.low[j + 1]
            if nxt in _AUX or nxt in _BE or _finite_verb(nxt):
                return False  # 'emails that were marked': a relative clause on a noun
        if (
            _verb_form(view.low[j], self.lex)
            and not view.low[j].endswith("ing")
            and not (view.capitalised(j - 2) and view.low[j - 2] not in self.lex.demonyms)
        ):
            return False  # 'which advocates say': the noun is the next verb's subject
        return view.low[j] not in _NOUN_FOLLOWERS

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

    def _source_chars(self, source: tuple[int, int]) -> tuple[int, int]:
        """Character span of a source's tokens: 'She' of "She's", '40%' with its sign."""
        view = self.view
        a, b = view.span(*source)
        if b - a > 0 and source[1] - source[0] == 1 and view.low[source[0]] in _PRONOUN_BE:
            b = a + len(view.words[source[0]]) - 2 - (view.low[source[0]][-2:] == "re")
        elif view.text[b : b + 1] == "%":
            b += 1
        return a, b

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


@dataclass(frozen=True, slots=True)
class _FirstWords:
    """First words of the lexicon's phrases: fast filters before joining tokens into
    phrases to look up."""

    frames: frozenset[str]  # impersonal frames
    phrases: frozenset[str]  # multiword reporting phrases
    cues: frozenset[str]  # any cue: "according", those two and every verb form
    recipients: frozenset[str]  # 'speaking to', 'in an interview with'
    titles: frozenset[str]  # person titles ('mr', 'defence secretary')
    role_ends: frozenset[str]  # last words of the titles that are roles or offices
    longest_phrase: int = 4  # words in the longest multiword reporting phrase


_FIRST_WORDS: list[tuple[AttributionLexicons, _FirstWords]] = []


def first_words(lex: AttributionLexicons) -> _FirstWords:
    """The first words of ``lex``'s phrases, kept for the last lexicon object seen."""
    if not _FIRST_WORDS or _FIRST_WORDS[0][0] is not lex:
        frames = frozenset(p.split()[0] for p, role in lex.frames.items() if role == "impersonal")
        phrases = frozenset(p.split()[0] for p in lex.phrases)
        recipients = frozenset(
            p.split()[0] for p, role in lex.frames.items() if role == "recipient_marker"
        )
        cues = frames | phrases | frozenset(lex.verbs) | {"according"}
        titles = frozenset(p.split(" ")[0] for p in lex.titles)
        role_ends = frozenset(
            p.split(" ")[-1] for p, (_, kind) in lex.titles.items() if kind in ("role", "office")
        )
        longest = max((len(p.split()) for p in lex.phrases), default=0)
        _FIRST_WORDS[:] = [
            (lex, _FirstWords(frames, phrases, cues, recipients, titles, role_ends, longest))
        ]
    return _FIRST_WORDS[0][1]


def find_candidates(view: View, lex: AttributionLexicons) -> list[Candidate]:
    """Every attribution the rules find in one article, in text order."""
    return _Finder(view, lex).run()
