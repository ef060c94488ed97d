"""A faster VADER: the same four numbers as vaderSentiment's ``polarity_scores``.

VADER (Hutto & Gilbert 2014) sums a valence per word, adjusted by the words before it
(boosters, negations, capitals, a few fixed phrases), re-weights the parts of a sentence
either side of "but", adds emphasis for "!" and "?", and normalises the sum to [-1, 1].
:class:`VaderKernel` computes, for every text, exactly the dict that
``vaderSentiment.vaderSentiment.SentimentIntensityAnalyzer().polarity_scores(text)``
returns (``neg``, ``neu``, ``pos``, ``compound``; equal floats, not close ones).

It is framing's own code, written from the library's observable behaviour; only VADER's
data come from the installed package at run time (the lexicon and emoji table as the
library itself parses them, and its constants ``BOOSTER_DICT``, ``NEGATE``,
``SPECIAL_CASES``, ``C_INCR`` and ``N_SCALAR``), so a new lexicon is followed
automatically. The rule weights that the library writes inline (0.95 and 0.9 for
boosters two and three words back, 1.25 for "never so", 0.5 and 1.5 around "but",
0.292 per "!", 0.18 per "?", the 15 of the normalisation) are repeated here; the test
that compares every BASIL sentence with the library catches a version that changes
them.

Where the speed comes from: each token is stripped, lower-cased and looked up once per
text (the library lower-cases the whole sentence again for every lexicon word, several
times), the fixed phrases are matched as tuples of words, and the emoji pass runs only
on texts holding an emoji.

Behaviour kept on purpose, because the library has it (see ``tests/features/
test_vader_kernel.py``):

* Tokens are split on whitespace; leading and trailing ASCII punctuation is dropped
  unless that leaves two characters or fewer ("ok!" stays "ok!" and scores nothing).
* The fixed phrases of ``SPECIAL_CASES`` ("the bomb", "kiss of death") and the two-word
  boosters ("kind of", "sort of") are checked only for a lexicon word at the fourth
  token or later whose third word back is not itself a lexicon word. A special case
  replaces the word's valence outright, dropping its negation and emphasis; the first
  match among the words before it wins, and one starting at the word overrides it.
  ``SENTIMENT_LADEN_IDIOMS`` is never consulted.
* Three words back, "so" or "this" just before the word multiplies it by 1.25 whatever
  the third word is (the "never so" rule's condition groups that way).
* "but" re-weighting looks each valence up by value and scales the first equal entry.
  So in "The deal was fine, but it was admitted." "admitted" (0.4) finds "fine", already
  halved from 0.8 to 0.4, and halves it again, staying 0.4 itself: compound 0.1531
  where the rule means 0.25.
* A capitalised word in a sentence that mixes case moves by 0.733 away from zero, and a
  valence of exactly zero (a "no" before another lexicon word) moves down.
"""

from __future__ import annotations

import math
import string
from collections.abc import Iterable, Mapping
from functools import lru_cache

from vaderSentiment import vaderSentiment as _vs

__all__ = ["VaderKernel", "load_kernel", "score_texts"]

Scores = dict[str, float]

_PUNCTUATION = string.punctuation
_EMPTY: Scores = {"neg": 0.0, "neu": 0.0, "pos": 0.0, "compound": 0.0}
# The words after "never" that make it an intensifier ("never so good").
_SO_THIS = ("so", "this")
# The only characters whose lower case is longer (İ) or depends on context (Σ).
_CONTEXT_CASED = frozenset("\u0130\u03a3")


def _phrase_table(table: Mapping[str, float]) -> dict[tuple[str, ...], float]:
    """Multi-word keys as word tuples.

    The library matches phrases by joining lower-cased tokens with single spaces; a
    token never holds whitespace, so a join equals a key exactly when the tokens equal
    the key's space-separated parts.
    """
    return {tuple(key.split(" ")): value for key, value in table.items() if " " in key}


class VaderKernel:
    """VADER's ``polarity_scores`` for many texts, with the lexicon loaded once.

    Args:
        analyser: The library's analyser to take the lexicon and emoji table from
            (a new ``SentimentIntensityAnalyzer()`` if omitted), so both are parsed
            exactly as the library parses them.

    Example:
        >>> VaderKernel().polarity_scores("The book was good.")["compound"]
        0.4404
    """

    def __init__(self, analyser: _vs.SentimentIntensityAnalyzer | None = None) -> None:
        if analyser is None:
            analyser = _vs.SentimentIntensityAnalyzer()
        self._lexicon: dict[str, float] = dict(analyser.lexicon)
        self._boosters: dict[str, float] = dict(_vs.BOOSTER_DICT)
        self._booster_phrases = _phrase_table(_vs.BOOSTER_DICT)
        self._special_phrases = _phrase_table(_vs.SPECIAL_CASES)
        # A phrase check is only worth making where one of the window's words can
        # start a phrase.
        self._phrase_starts = frozenset(
            key[0] for key in (*self._booster_phrases, *self._special_phrases)
        )
        self._negations = frozenset(_vs.NEGATE)
        self._c_incr: float = _vs.C_INCR
        self._n_scalar: float = _vs.N_SCALAR
        self._least_negates = "least" not in self._lexicon
        # The library replaces single characters only: longer emoji keys never match.
        self._emoji = {k: v for k, v in analyser.emojis.items() if len(k) == 1}
        self._emoji_chars = frozenset(self._emoji)
        self._emoji_in_ascii = any(k.isascii() for k in self._emoji)

    # -- public -------------------------------------------------------------------

    def polarity_scores(self, text: str) -> Scores:
        """The dict ``SentimentIntensityAnalyzer().polarity_scores(text)`` returns.

        Args:
            text: One sentence (VADER's unit; longer texts work, as in the library).

        Returns:
            ``{"neg", "neu", "pos", "compound"}``: shares of the text's weight that is
            negative, neutral and positive (in [0, 1], rounded to 3 places) and the
            normalised sum (in [-1, 1], higher = more positive, rounded to 4 places).
        """
        # Most sentences are ASCII, and no emoji is: skip the character scan for them.
        may_hold_emoji = self._emoji_in_ascii or not text.isascii()
        if may_hold_emoji and not self._emoji_chars.isdisjoint(text):
            text = self._describe_emoji(text)
        lower, emphasis = self._tokenise(text)
        if not lower:
            return dict(_EMPTY)
        valences = self._valences(lower, emphasis)
        if "but" in lower:
            _reweight_around_but(valences, lower.index("but"))
        return _summarise(valences, text)

    def polarity_scores_many(self, texts: Iterable[str]) -> list[Scores]:
        """:meth:`polarity_scores` of each text, in order."""
        score = self.polarity_scores
        return [score(text) for text in texts]

    # -- steps --------------------------------------------------------------------

    def _describe_emoji(self, text: str) -> str:
        """Each emoji character replaced by its description, spaced as the library does.

        A description gets a space before it unless it starts the text or follows a
        space; nothing is put after it, so "🙂x" gives "slightly smiling facex".
        """
        emoji = self._emoji
        out: list[str] = []
        after_space = True
        for char in text:
            description = emoji.get(char)
            if description is None:
                out.append(char)
                after_space = char == " "
            else:
                if not after_space:
                    out.append(" ")
                out.append(description)
                after_space = False
        return "".join(out)

    def _tokenise(self, text: str) -> tuple[list[str], list[bool]]:
        """Lower-cased tokens, and which of them count as emphasis (ALL CAPS).

        Capitals count only where the text mixes them with other words. Stripping ASCII
        punctuation never changes whether a token is ALL CAPS, so the raw tokens are
        tested.
        """
        tokens = text.split()
        if text.isascii() or _CONTEXT_CASED.isdisjoint(text):
            # Lower-casing keeps every other character in place and never makes or
            # unmakes whitespace or ASCII punctuation, so lower-casing the whole text
            # first gives the same tokens as stripping each and then lower-casing it.
            lowered = text.lower().split()
            lower = [w if len(w := token.strip(_PUNCTUATION)) > 2 else token for token in lowered]
        else:
            lower = [_strip(token).lower() for token in tokens]
        return lower, self._emphasis(tokens)

    @staticmethod
    def _emphasis(tokens: list[str]) -> list[bool]:
        n_upper = sum(map(str.isupper, tokens))
        if 0 < n_upper < len(tokens):
            return [token.isupper() for token in tokens]
        return [False] * len(tokens)

    def _valences(self, lower: list[str], emphasis: list[bool]) -> list[float]:
        """One valence per token: 0 for words outside the lexicon, boosters and "kind of"."""
        lexicon = self._lexicon
        boosters = self._boosters
        n = len(lower)
        valences: list[float] = [0] * n
        for i in [i for i, word in enumerate(lower) if word in lexicon]:
            word = lower[i]
            if word in boosters or (word == "kind" and i + 1 < n and lower[i + 1] == "of"):
                continue
            valences[i] = self._word_valence(i, lexicon[word], lower, emphasis)
        return valences

    def _word_valence(self, i: int, base: float, lower: list[str], emphasis: list[bool]) -> float:
        """The valence of lexicon word ``i`` after the rules that read its neighbours."""
        lexicon = self._lexicon
        boosters = self._boosters
        n_scalar = self._n_scalar
        c_incr = self._c_incr
        word = lower[i]
        valence = base
        # "no" before another lexicon word negates that word instead of scoring itself.
        if word == "no" and i + 1 < len(lower) and lower[i + 1] in lexicon:
            valence = 0.0
        if (
            (i > 0 and lower[i - 1] == "no")
            or (i > 1 and lower[i - 2] == "no")
            or (i > 2 and lower[i - 3] == "no" and lower[i - 1] in ("or", "nor"))
        ):
            valence = base * n_scalar
        if emphasis[i]:
            valence = valence + c_incr if valence > 0 else valence - c_incr

        # Up to three words back; a word that is itself in the lexicon is skipped.
        for back in (1, 2, 3):
            j = i - back
            if j < 0:
                break
            previous = lower[j]
            if previous in lexicon:
                continue
            if previous in boosters:
                valence += self._boost(previous, emphasis[j], back, valence)
            valence = self._negate(valence, lower, i, back)
            if back == 3:
                valence = self._phrases(valence, lower, i)

        if (
            self._least_negates
            and i > 0
            and lower[i - 1] == "least"
            and (i == 1 or lower[i - 2] not in ("at", "very"))
        ):
            valence *= n_scalar
        return valence

    def _boost(self, booster: str, emphasised: bool, back: int, valence: float) -> float:
        """What a booster ``back`` words before a word adds to its valence."""
        scalar = self._boosters[booster]
        if valence < 0:
            scalar = -scalar
        if emphasised:
            scalar = scalar + self._c_incr if valence > 0 else scalar - self._c_incr
        if scalar != 0:
            if back == 2:
                scalar *= 0.95
            elif back == 3:
                scalar *= 0.9
        return scalar

    def _negate(self, valence: float, lower: list[str], i: int, back: int) -> float:
        """Negation by the word ``back`` words before ``i``, and its exceptions."""
        negations = self._negations
        if back == 1:
            previous = lower[i - 1]
            if previous in negations or "n't" in previous:
                valence *= self._n_scalar
            return valence
        one, two = lower[i - 1], lower[i - 2]
        if back == 2:
            if two == "never" and one in _SO_THIS:
                return valence * 1.25
            if two == "without" and one == "doubt":
                return valence
            if two in negations or "n't" in two:
                valence *= self._n_scalar
            return valence
        three = lower[i - 3]
        if (three == "never" and two in _SO_THIS) or one in _SO_THIS:
            return valence * 1.25
        if three == "without" and (two == "doubt" or one == "doubt"):
            return valence
        if three in negations or "n't" in three:
            valence *= self._n_scalar
        return valence

    def _phrases(self, valence: float, lower: list[str], i: int) -> float:
        """Fixed phrases around word ``i`` (``i >= 3``): special cases, then "kind of"."""
        three, two, one, word = lower[i - 3], lower[i - 2], lower[i - 1], lower[i]
        after = lower[i + 1 : i + 3]
        starts = self._phrase_starts
        if not (three in starts or two in starts or one in starts or word in starts):
            return valence
        special = self._special_phrases
        for words in ((one, word), (two, one, word), (two, one), (three, two, one), (three, two)):
            if words in special:
                valence = special[words]
                break
        if after:
            valence = special.get((word, after[0]), valence)
            if len(after) == 2:
                valence = special.get((word, *after), valence)
        boosters = self._booster_phrases
        for words in ((three, two, one), (three, two), (two, one)):
            if words in boosters:
                valence = valence + boosters[words]
        return valence


def _strip(token: str) -> str:
    """The token without leading and trailing ASCII punctuation, unless that leaves two
    characters or fewer (":)", "ok!" and "a." stay as they are)."""
    word = token.strip(_PUNCTUATION)
    return word if len(word) > 2 else token


def _reweight_around_but(valences: list[float], but: int) -> None:
    """Halve valences before the first "but" and raise those after it by half, in place.

    Replicates the library's by-value bookkeeping: each valence, taken in order, is
    looked up by value and the first equal entry is the one scaled. Zeros are skipped:
    scaling a zero leaves it zero and no non-zero value equals one.
    """
    for k in range(len(valences)):
        value = valences[k]  # still the original: only entries up to k have changed
        if value == 0:
            continue
        first = valences.index(value)
        if first < but:
            valences[first] = value * 0.5
        elif first > but:
            valences[first] = value * 1.5


def _summarise(valences: list[float], text: str) -> Scores:
    """Sum, punctuation emphasis, normalisation and the pos/neg/neu shares."""
    exclamations = min(text.count("!"), 4)
    questions = text.count("?")
    emphasis = exclamations * 0.292
    if questions > 1:
        emphasis += questions * 0.18 if questions <= 3 else 0.96

    total = float(sum(valences))
    if total > 0:
        total += emphasis
    elif total < 0:
        total -= emphasis
    compound = total / math.sqrt(total * total + 15)
    compound = -1.0 if compound < -1.0 else 1.0 if compound > 1.0 else compound

    positive = 0.0
    negative = 0.0
    signed = [v for v in valences if v]
    neutral = len(valences) - len(signed)
    for v in signed:
        # Each word weighs at least 1, as a neutral word does.
        if v > 0:
            positive += float(v) + 1
        else:
            negative += float(v) - 1
    if positive > -negative:
        positive += emphasis
    elif positive < -negative:
        negative -= emphasis
    weight = positive + math.fabs(negative) + neutral
    return {
        "neg": round(math.fabs(negative / weight), 3),
        "neu": round(math.fabs(neutral / weight), 3),
        "pos": round(math.fabs(positive / weight), 3),
        "compound": round(compound, 4),
    }


@lru_cache(maxsize=1)
def load_kernel() -> VaderKernel:
    """The process's kernel, built on first use (loading the lexicon takes ~50 ms)."""
    return VaderKernel()


def score_texts(texts: Iterable[str]) -> list[Scores]:
    """VADER's scores for each text, equal to ``polarity_scores`` of vaderSentiment.

    Source: Hutto & Gilbert (2014). Values are vaderSentiment's own, float for float.

    Args:
        texts: Sentences (or any strings).

    Returns:
        One ``{"neg", "neu", "pos", "compound"}`` dict per text, in order.

    Example:
        >>> [scores["compound"] for scores in score_texts(["Not bad at all.", ""])]
        [0.431, 0.0]
    """
    return load_kernel().polarity_scores_many(texts)
