"""What the stages of the attribution pass share: an attribution candidate, a sentence,
the state of one pass (``Stage``), and the token and gap tests several stages use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal, get_args

from .._names import AttributionLexicons, VerbEntry, word_lists, word_table
from .._names._lexicon import _FirstWords
from .._view import View

#: What kind of source speaks (the README's definitions): the one list of source types.
SourceType = Literal["person", "organisation", "anonymous", "media"]
SOURCE_TYPES: tuple[SourceType, ...] = get_args(SourceType)

_RULE_WORDS = word_lists("attribution_rule_words.tsv")
_PUNCT = re.compile(r"[,;:()\[\]“”\"‘’'—–]|(?<!\w)-(?!\w)|\.\s")
_QUOTE_CHARS = "“”\"‘’'"
_TRAILING = re.compile(r"[\s,.;:!?…—–-]+$")
#: The characters of _TRAILING besides white space, for scanning back from a clause's end.
_TRAILING_CHARS = frozenset(",.;:!?…—–-")
# Patterns the rules use on every attribution, compiled once (re's own cache costs a
# lookup per call).
_THAT_OPENS = re.compile(r"that\s+", re.IGNORECASE)
_WORD_CHAR = re.compile(r"\w")
# nouns of saying that take a 'that'-clause after a possessive ('his claim that'), with
# the verb they are read as (its category and load, where the lexicon has it)
_CLAIM_NOUNS = word_table("claim_nouns.tsv")
# office-holders described by their office ('the head of X', 'the owner of the shop')
_OFFICE_NOUNS = _RULE_WORDS["office_nouns"]
#: How the lexicon notes of the phrases that mark a source asked who gave no content
#: begin ('declined to comment', 'has been approached for comment'): an attribution
#: without content.
NO_CONTENT_NOTE = "marks a source that was asked but"
# 'mother of three', 'father of two': a person, not a count
_PARENTS = frozenset(["mother", "father", "parent", "grandmother", "grandfather", "mom", "dad"])
_ADVERBS = _RULE_WORDS["adverbs"]
_LY_NOUNS = _RULE_WORDS["ly_nouns"]
_COORD = frozenset({"and", "but", "or"})
_QUOTE_COMMAS = frozenset([',"', ",”", ",'", ",’", '?"', "?”", '!"', "!”", "”,", '",', "''"])
# words that open a fronted phrase before the main clause ('On Sunday, …')
_FRONTED = _RULE_WORDS["fronted"]
_IRREGULAR_PARTICIPLES = _RULE_WORDS["irregular_participles"]
# a pronoun fused with 'is' or 'are' before an -ing form ("he's predicting")
_PRONOUN_BE = frozenset(
    f"{p}{a}{s}"
    for p in ("he", "she", "it", "they", "we", "who")
    for a in "'’"
    for s in ("s", "re")
)
_NOUN_FOLLOWERS = _RULE_WORDS["noun_followers"]
# common irregular past tenses: the verb that ends a clause's subject ('Clinton shook …')
_IRREGULAR_PAST = _RULE_WORDS["irregular_past"]


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
_NUMBER_WORDS = _RULE_WORDS["number_words"]
_QUANTITY_SUBJECTS = frozenset(["most", "many", "some", "half", "others", "several", "few"])
_COMMA_LIKE = re.compile(r",|—|–|(?<=\s)--?(?=\s)")


def _comma_like(gap: str) -> bool:
    """A comma or a dash: what sets off a parenthetical ('Sims — a teacher — says')."""
    return bool(_COMMA_LIKE.search(gap))


def _is_adverb(word: str) -> bool:
    return word in _ADVERBS or (word.endswith("ly") and len(word) > 4 and word not in _LY_NOUNS)


_FINITE = _RULE_WORDS["finite"]


def _finite_verb(word: str) -> bool:
    return word in _FINITE or (word.endswith("ed") and len(word) > 4)


@dataclass(slots=True)
class _Sentence:
    index: int
    t0: int
    t1: int
    start: int
    end: int
    paragraph: int


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


class Stage:
    """The state the stages of one pass share, set by ``_rules._Finder``."""

    view: View
    lex: AttributionLexicons
    _first: _FirstWords
    _cue_tokens: list[int]
    out: list[Candidate]
    used_quotes: set[int]
    _titles: dict[int, bool]
    _surnames: frozenset[str] | None
    sentences: list[_Sentence]
    _ordered_quotes: bool
    _sentence_quotes: list[list[int]]
    _quote_starts: list[int]
    _quote_ends: list[int]

    def _quotes_in(self, sent: _Sentence) -> list[int]:
        """The quotes overlapping a sentence, in text order."""
        return self._sentence_quotes[sent.index]
