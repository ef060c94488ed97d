"""Keyness: the words each outlet (or story, or any group) uses more than the others.

Every counted article (``analysis.counted``: one version per version group and outlet)
is reduced to a bag of words, the bags are summed per group, and each group is compared
with all the other groups pooled ("the rest").

Words
    Tokens are framing's own word tokens (:data:`framing.text._TOKEN`, the pattern
    behind :func:`framing.segment`), so the words match the rest of the toolkit. Each is
    lowercased, curly apostrophes and the Unicode hyphen are unified with ``'`` and
    ``-``, and a possessive ``'s`` is stripped (``Trump’s`` → ``trump``). Dropped:

    * tokens without a letter (``2016``, ``3.5``, ``1,000``);
    * English function words (:data:`FUNCTION_WORDS`: articles and determiners,
      pronouns, auxiliaries and modals, prepositions, conjunctions, a few adverbial
      particles) and contractions built on them (``don't``, ``they're``, ``we've``);
    * boilerplate of scraped news pages (:data:`BOILERPLATE_WORDS`: *subscribe*,
      *newsletter*, *advertisement*, ...);
    * outlet self-names: every word of every value of ``analysis.articles["outlet"]``
      (``"The New York Times"`` → *new*, *york*, *times*; ``"Fox News"`` → *fox*,
      *news*), of the spellings the corpus gave before normalisation (its
      ``outlet_raw`` column) and of framing's outlet aliases for those outlets
      (``"huffington post"`` for HuffPost), but only where the token is capitalised in
      the text. An outlet names
      itself ("Fox News reported", "a New York Times analysis") far more than its
      rivals do, which would put its own name at the top of its list and say nothing
      about framing; the capital keeps common-noun uses (*national security* against
      *The National*, *fox hunting* against *Fox*). Sentence-initial uses of those
      words are lost too, a small price.

Rates are per 1,000 *counted* words (the words left after the drops above), the same
totals the statistics use.

Statistics
    ``log_odds`` follows Monroe, Colaresi & Quinn (2008, "Fightin' Words: Lexical
    Feature Selection and Evaluation for Identifying the Content of Political
    Conflict", *Political Analysis* 16(4): 372-403, sec. 3.5, eqs. 16-22): the log-odds
    ratio of a word in the group against the rest, smoothed by an informative
    Dirichlet prior, divided by its approximate standard deviation. ``g2`` is Dunning's
    (1993, "Accurate Methods for the Statistics of Surprise and Coincidence",
    *Computational Linguistics* 19(1): 61-74) log-likelihood ratio on the 2×2 table of
    the word's counts, the keyness statistic of corpus linguistics (Rayson & Garside
    2000, "Comparing Corpora using Frequency Profiling", WCC workshop, ACL).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Literal

import numpy as np
import pandas as pd

from ..analysis import Analysis
from ..corpus import load_outlet_aliases
from ..errors import ColumnError
from ..text import _TOKEN

__all__ = [
    "BOILERPLATE_WORDS",
    "DEFAULT_PRIOR_SIZE",
    "FUNCTION_WORDS",
    "distinctive_words",
    "word_counts",
]

KeynessMethod = Literal["log_odds", "g2"]
_METHODS: tuple[str, ...] = ("log_odds", "g2")

#: Total pseudo-count a0 of the informative Dirichlet prior (see :func:`distinctive_words`).
DEFAULT_PRIOR_SIZE = 1000.0

#: English function words, never counted (lowercase, apostrophes straight).
FUNCTION_WORDS: frozenset[str] = frozenset(
    """
    a an the this that these those each every either neither some any no all both half
    few many much more most less least other another such own same several enough

    i me my mine myself we us our ours ourselves you your yours yourself yourselves
    he him his himself she her hers herself it its itself they them their theirs
    themselves one ones who whom whose which what whatever whoever whichever

    be am is are was were been being have has had having do does did doing
    will would shall should can could may might must ought

    of in on at by for with from to into onto upon about above below over under after
    before between among amid through throughout during without within along across
    against around behind beyond toward towards despite near off out up down via per
    than like unlike

    and or but nor so yet if because although though while whereas unless until since
    whether as once

    not also just very too only then there here when where why how now again still
    even ever never else rather quite thus
    """.split()  # noqa: SIM905 - a word list is easier to read and edit as prose
)

#: Words of scraped news pages' furniture rather than of the story: subscription and
#: newsletter prompts, ad slots, cookie banners and copyright lines that cleaning missed.
BOILERPLATE_WORDS: frozenset[str] = frozenset(
    """
    advertisement advertisements subscribe subscribed subscriber subscribers subscription
    unsubscribe newsletter newsletters copyright click cookie cookies signup sign-up
    """.split()  # noqa: SIM905 - as above
)

_LETTER = re.compile(r"[^\W\d_]")
# A contraction of a function word: n't, 're, 've, 'll, 'd, 'm ('s is stripped first).
_CONTRACTION = re.compile(r"'(?:t|re|ve|ll|d|m)$")
_NORMALISE = str.maketrans({"’": "'", "‘": "'", "‐": "-"})


def _normalise(token: str) -> str:
    word = token.lower().translate(_NORMALISE)
    if word.endswith("'s"):
        word = word[:-2]
    return word


def _self_names(analysis: Analysis) -> frozenset[str]:
    """Every word of every name the corpus's outlets go by (see the module docstring)."""
    outlets = set(analysis.articles["outlet"].dropna())
    spellings = set(outlets)
    if "outlet_raw" in analysis.corpus.articles.columns:
        spellings.update(analysis.corpus.articles["outlet_raw"].dropna())
    spellings.update(alias for alias, name in load_outlet_aliases().items() if name in outlets)
    names: set[str] = set()
    for spelling in spellings:
        if isinstance(spelling, str):
            names.update(_normalise(m.group()) for m in _TOKEN.finditer(spelling))
    return frozenset(names)


def _words(text: str, dropped: frozenset[str], self_names: frozenset[str]) -> Iterator[str]:
    """The counted words of one text, in order (see the module docstring)."""
    for match in _TOKEN.finditer(text):
        token = match.group()
        word = _normalise(token)
        if word in dropped or not _LETTER.search(word) or _CONTRACTION.search(word):
            continue
        if word in self_names and token[0].isupper():
            continue
        yield word


def _group_counters(
    analysis: Analysis, by: str, stop_words: Iterable[str] | None
) -> tuple[list[object], list[Counter[str]]]:
    """Word counters per group of counted articles, groups sorted, empty groups left out."""
    columns = analysis.articles.columns
    if by not in columns:
        raise ColumnError(
            f"cannot find distinctive words by {by!r}: analysis.articles has no such column; "
            f"its columns are {', '.join(map(repr, columns))}. Pass by= one of those "
            "(usually 'outlet' or 'story')."
        )
    dropped = FUNCTION_WORDS | BOILERPLATE_WORDS
    if stop_words is not None:
        if isinstance(stop_words, str):
            stop_words = [stop_words]
        dropped = dropped | {_normalise(w) for w in stop_words}
    self_names = _self_names(analysis)
    texts = analysis.corpus.articles.set_index("doc_id")["text"]
    counted = pd.DataFrame(
        {"doc_id": analysis.counted["doc_id"].to_numpy(), "group": analysis.counted[by].to_numpy()}
    ).dropna(subset=["group"])
    groups: list[object] = []
    counters: list[Counter[str]] = []
    for group, docs in counted.groupby("group", sort=True)["doc_id"]:
        counter: Counter[str] = Counter()
        for text in texts.reindex(docs.to_numpy()).dropna():
            counter.update(_words(text, dropped, self_names))
        if counter:
            groups.append(group)
            counters.append(counter)
    return groups, counters


def word_counts(
    analysis: Analysis, by: str = "outlet", *, stop_words: Iterable[str] | None = None
) -> pd.DataFrame:
    """Counts of each word per group, over the counted articles.

    Words are tokenised and filtered exactly as in :func:`distinctive_words` (function
    words, boilerplate, numbers and capitalised outlet self-names dropped).

    Args:
        analysis: From :func:`framing.analyse`.
        by: Column of ``analysis.articles`` to group by (``outlet``, ``story``, ...).
            Articles with no value in it are left out.
        stop_words: Extra words to drop (matched after lowercasing).

    Returns:
        A DataFrame with columns ``group``, ``word`` and ``count`` (> 0), one row per
        word a group uses, sorted by group, then descending count, then word.

    Raises:
        ColumnError: ``by`` is not a column of ``analysis.articles``.

    Example:
        >>> word_counts(analysis).head()  # doctest: +SKIP
    """
    groups, counters = _group_counters(analysis, by, stop_words)
    rows = [
        (group, word, count)
        for group, counter in zip(groups, counters, strict=True)
        for word, count in sorted(counter.items(), key=lambda item: (-item[1], item[0]))
    ]
    out = pd.DataFrame(rows, columns=["group", "word", "count"])
    out["count"] = out["count"].astype("int64")
    return out


def distinctive_words(
    analysis: Analysis,
    by: str = "outlet",
    *,
    method: KeynessMethod = "log_odds",
    prior_size: float = DEFAULT_PRIOR_SIZE,
    min_count: int = 5,
    top: int | None = None,
    stop_words: Iterable[str] | None = None,
) -> pd.DataFrame:
    """The words each group uses more (or less) than all the other groups together.

    Each group's counted articles (``analysis.counted``) are compared with the pooled
    counted articles of every other group. How words are tokenised and which are dropped
    (function words, numbers, page boilerplate, capitalised outlet self-names) is in the
    module docstring.

    ``method="log_odds"`` (Monroe, Colaresi & Quinn 2008, eqs. 16-22). With ``y_w^i`` the
    count of word *w* in group *i*, ``n^i`` the group's total, *j* the rest, and an
    informative Dirichlet prior ``α_w = a0 · y_w / N`` proportional to the word's
    frequency in the whole corpus (``y_w``, ``N``: all groups, before ``min_count``)::

        log_odds = log((y_w^i + α_w) / (n^i + a0 - y_w^i - α_w))
                 - log((y_w^j + α_w) / (n^j + a0 - y_w^j - α_w))
        z        = log_odds / sqrt(1 / (y_w^i + α_w) + 1 / (y_w^j + α_w))

    ``log_odds`` is in natural-log units (0 = same rate as the rest; 0.69 = about twice
    the odds); ``z`` weighs it by its uncertainty, so a word seen three times is not
    ranked above one seen three hundred times at a slightly lower ratio. Higher = more
    distinctive of the group; |z| > 1.96 is the paper's rough 95% yardstick, not a test
    corrected for the thousands of words compared.

    ``method="g2"`` (Dunning 1993): with observed counts ``O`` of the 2×2 table (word /
    other words × group / rest) and expected counts ``E`` from its margins,
    ``G² = 2 Σ O ln(O / E)``, signed positive when the word is over-represented in the
    group and negative when under-represented, as quanteda's ``textstat_keyness``
    reports its ``"lr"`` measure. No continuity correction is applied (quanteda applies
    Williams' by default; ``correction = "none"`` there gives these values). ``p`` is the
    chi-square upper tail with 1 degree of freedom, ``erfc(sqrt(|G²| / 2))``, again not
    corrected for multiple comparisons.

    Choice of ``prior_size`` (a0, in pseudo-words): the prior adds to every word about
    ``a0 / n^i`` of the group's own data, shrinking each group's rate toward the corpus
    rate. 1,000 pseudo-words, about the counted words of three to five news articles,
    is small against an outlet's coverage in a corpus of a few dozen articles or more
    (2-3.5% of the 29,000-43,000 counted words of each BASIL outlet), so frequent
    words are hardly moved, yet it keeps every log defined and damps words that occur
    only a handful of times. On very small corpora it dominates: lower it there, or
    raise it to be more conservative about rare words.

    Args:
        analysis: From :func:`framing.analyse`.
        by: Column of ``analysis.articles`` to group by (``outlet``, ``story``, ...).
            Articles with no value in it are left out.
        method: ``"log_odds"`` (columns ``log_odds``, ``z``) or ``"g2"`` (columns
            ``g2``, ``p``).
        prior_size: Total size a0 of the Dirichlet prior, in pseudo-words (> 0); used
            by ``"log_odds"`` only.
        min_count: Drop words used fewer times than this in all groups together.
        top: Keep only the ``top`` most distinctive (highest-scoring) words per group.
        stop_words: Extra words to drop (matched after lowercasing).

    Returns:
        A DataFrame with one row per (group, word), including words a group never
        uses (count 0, negative score): ``group`` (the value of ``by``), ``word``,
        ``count``, ``count_rest`` (in all other groups), ``rate_per_1k``,
        ``rate_rest_per_1k`` (per 1,000 counted words), then ``log_odds`` and ``z``, or
        ``g2`` and ``p``. Sorted by group, then descending ``z`` (or ``g2``), then word.

    Raises:
        ColumnError: ``by`` is not a column of ``analysis.articles``.
        ValueError: An unknown ``method``, a ``prior_size`` that is not positive, a
            ``top`` below 1, or fewer than two groups with words to compare.

    Example:
        >>> distinctive_words(analysis, "outlet", top=10)  # doctest: +SKIP
    """
    if method not in _METHODS:
        raise ValueError(
            f"unknown keyness method {method!r}; use one of {', '.join(map(repr, _METHODS))}"
        )
    if not prior_size > 0:
        raise ValueError(f"prior_size must be positive (pseudo-words), got {prior_size!r}")
    if top is not None and top < 1:
        raise ValueError(f"top must be at least 1 (or None for every word), got {top!r}")
    groups, counters = _group_counters(analysis, by, stop_words)
    if len(groups) < 2:
        raise ValueError(
            f"distinctive words compare groups, but the counted articles have "
            f"{len(groups)} value(s) of {by!r} with any words: {groups!r}. Group by a "
            "column with at least two values."
        )
    vocabulary = sorted(set().union(*counters))
    # Rows are groups, columns words.
    y = np.array([[c.get(w, 0) for w in vocabulary] for c in counters], dtype=np.int64)
    n = y.sum(axis=1, keepdims=True)
    y_total = y.sum(axis=0, keepdims=True)
    n_total = int(n.sum())
    y_rest = y_total - y
    n_rest = n_total - n

    columns: dict[str, np.ndarray] = {}
    if method == "log_odds":
        alpha = prior_size * y_total / n_total
        a_i = y + alpha
        a_j = y_rest + alpha
        log_odds = np.log(a_i / (n + prior_size - a_i)) - np.log(a_j / (n_rest + prior_size - a_j))
        columns["log_odds"] = log_odds
        columns["z"] = log_odds / np.sqrt(1.0 / a_i + 1.0 / a_j)
        score = "z"
    else:
        g2 = _signed_g2(y, y_rest, n, n_rest)
        columns["g2"] = g2
        columns["p"] = np.vectorize(lambda g: math.erfc(math.sqrt(abs(g) / 2.0)))(g2)
        score = "g2"

    keep = y_total[0] >= min_count
    n_groups, n_words = len(groups), int(keep.sum())
    table = pd.DataFrame(
        {
            "group": np.repeat(np.array(groups, dtype=object), n_words),
            "word": np.tile(np.array(vocabulary, dtype=object)[keep], n_groups),
            "count": y[:, keep].ravel(),
            "count_rest": y_rest[:, keep].ravel(),
            "rate_per_1k": (1000.0 * y / n)[:, keep].ravel(),
            "rate_rest_per_1k": (1000.0 * y_rest / n_rest)[:, keep].ravel(),
            **{name: values[:, keep].ravel() for name, values in columns.items()},
        }
    )
    # Groups are already in sorted order; words alphabetical, so ties break by word.
    group_rank = np.repeat(np.arange(n_groups), n_words)
    order = np.lexsort((-table[score].to_numpy(), group_rank))
    table = table.iloc[order]
    if top is not None:
        table = table.groupby(group_rank[order], sort=False).head(top)
    return table.reset_index(drop=True)


def _signed_g2(y: np.ndarray, y_rest: np.ndarray, n: np.ndarray, n_rest: np.ndarray) -> np.ndarray:
    """Dunning's G² of each word's 2×2 table, signed by over- or under-representation."""
    observed = (y, y_rest, n - y, n_rest - y_rest)
    total = n + n_rest
    word_total = y + y_rest
    other_total = total - word_total
    expected = (
        n * word_total / total,
        n_rest * word_total / total,
        n * other_total / total,
        n_rest * other_total / total,
    )
    g2 = np.zeros(y.shape, dtype=float)
    for o, e in zip(observed, expected, strict=True):
        # O ln(O/E) -> 0 as O -> 0; E > 0 wherever O > 0.
        with np.errstate(divide="ignore", invalid="ignore"):
            g2 += np.where(o > 0, o * np.log(np.where(o > 0, o, 1) / e), 0.0)
    g2 = np.maximum(2.0 * g2, 0.0)  # rounding can leave -1e-12 for a word at par
    return np.where(y >= expected[0], g2, -g2)
