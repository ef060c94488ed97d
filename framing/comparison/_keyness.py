"""Keyness: the words each outlet (or story, or any group) uses more than the others.

Every counted article (``analysis.counted``: one version per version group and outlet)
is reduced to a bag of words, the bags are summed per group, and each group is compared
with all the other groups pooled ("the rest").

Words
    Tokens are framing's own word tokens (:data:`framing.text._TOKEN`, the pattern
    behind :func:`framing.segment`), so the words match the rest of the toolkit, read the
    same way as in :func:`framing.align_sentences`: curly apostrophes, the Unicode hyphen
    and the non-breaking hyphen (U+2011) are unified with ``'`` and ``-``, a possessive
    ``'s`` is stripped (``Trump’s`` → ``trump``) and the dots of an initialism are
    removed (``F.B.I.`` → ``FBI``, ``U.S.`` → ``US``, ``D.C.`` → ``DC``; the ``s`` of
    ``F.B.I.’s`` is a separate single letter and dropped). Then:

    * a word written in capitals with two letters or more (``US``, ``WHO``, ``FBI``,
      ``GOP``, and so ``F.B.I.``) is counted in capitals, so the country ``US`` is never
      merged with, or dropped as, the pronoun *us* (nor ``WHO`` with *who*, ``IT`` with
      *it*). Capitals are kept for all such words, acronym or not: a shouted ``FAST``
      in a quoted post, or a dateline such as ``WASHINGTON —``, is counted apart from
      *fast* and *washington*;
    * every other word is lowercased, except the month or surname *May*, which is
      counted as ``May`` when capitalised anywhere but at the start of a sentence (at
      the start it cannot be told from the modal and is dropped with it);
    * the title abbreviations *Sen.*, *Rep.* and *Gov.* (capitalised, and their plurals)
      are counted as *senator*, *representative* and *governor*, the words house styles
      that spell titles out use, so the abbreviation is not a house-style marker.

    Dropped:

    * tokens without a letter (``2016``, ``3.5``, ``1,000``) and single letters (middle
      initials, the ``s`` above);
    * English function words (:data:`FUNCTION_WORDS`: articles and determiners,
      pronouns, auxiliaries and modals, prepositions, conjunctions, a few adverbial
      particles) and contractions built on them (``don't``, ``they're``, ``we've``),
      unless written in capitals as above;
    * boilerplate of scraped news pages (:data:`BOILERPLATE_WORDS`: *subscribe*,
      *newsletter*, *advertisement*, ..., in any case);
    * honorifics (:data:`HONORIFICS`: *Mr*, *Mrs*, *Ms*, *Miss*, *Dr*; with or without
      the period, which is never part of a token) when capitalised, unless
      ``honorifics=True``. Whether an outlet writes "Mr. Obama" is house style (the New
      York Times uses *Mr.* over a thousand times in BASIL, the others a dozen), not
      framing. The lowercase verb *miss* and the all-capitals ``MS`` are kept. Office
      titles (*senator*, *representative*, *governor*) are kept;
    * outlet self-names, as whole names: each value of ``analysis.articles["outlet"]``,
      each spelling the corpus gave before normalisation (its ``outlet_raw`` column) and
      each of framing's outlet aliases for those outlets. A name of several words is
      dropped only where all its words occur in a row, capitalised (a leading *the* in
      any case), longest name first: *New York Times* goes but *New York* and *New
      Jersey* stay; *Washington Post* and *Fox News Sunday* keep *Washington* and
      *Sunday*. A name of one word after *The* (*The National*, *The Independent*) is
      dropped only with its *The* and when the next word is not capitalised, so *the
      National Guard* and *an Independent senator* keep their words. A single word is
      dropped on its own only where a name or alias is that one word (``HuffPost``,
      ``NYT``), and only capitalised. A one-word alias that is just a word of the
      outlet's longer name (``fox`` for Fox News, ``independent`` for The Independent:
      shorthand in metadata columns) is not dropped on its own, because in running text
      that word is mostly something else (Vicente Fox, a Fox affiliate, an independent
      candidate). An outlet names itself ("Fox News reported", "a New York Times
      analysis") far more than its rivals do, which would put its own name at the top
      of its list and say nothing about framing; the capital keeps common-noun uses
      (*national security*, *fox hunting*).

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
import warnings
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Literal

import numpy as np
import pandas as pd

from .._words import is_all_caps, unify, word_form
from ..analysis import Analysis, require_column
from ..corpus import load_outlet_aliases
from ..errors import ArgumentError
from ..features import function_words
from ..text import _TOKEN

__all__ = [
    "BOILERPLATE_WORDS",
    "DEFAULT_PRIOR_SIZE",
    "FUNCTION_WORDS",
    "HONORIFICS",
    "find_distinctive_words",
    "word_counts",
]

KeynessMethod = Literal["log_odds", "g2"]
_METHODS: tuple[str, ...] = ("log_odds", "g2")

#: Total pseudo-count a0 of the informative Dirichlet prior (see :func:`find_distinctive_words`).
DEFAULT_PRIOR_SIZE = 1000.0

#: English function words, never counted (lowercase, apostrophes straight): framing's one
#: list of them, ``features/lexicons/function_words.tsv``.
FUNCTION_WORDS: frozenset[str] = function_words()

#: Words of scraped news pages' furniture rather than of the story: subscription and
#: newsletter prompts, ad slots, cookie banners and copyright lines that cleaning missed.
BOILERPLATE_WORDS: frozenset[str] = frozenset(
    """
    advertisement advertisements subscribe subscribed subscriber subscribers subscription
    unsubscribe newsletter newsletters copyright click cookie cookies signup sign-up
    """.split()  # noqa: SIM905 - as above
)

#: Honorifics, dropped when capitalised unless ``honorifics=True`` (house style, not
#: framing; see the module docstring). Tokens never include the period (``Mr.`` is ``Mr``).
HONORIFICS: frozenset[str] = frozenset({"mr", "mrs", "ms", "miss", "dr"})

# Capitalised title abbreviations, counted as the words they stand for.
_TITLE_ABBREVIATIONS: dict[str, str] = {
    "sen": "senator",
    "sens": "senators",
    "rep": "representative",
    "reps": "representatives",
    "gov": "governor",
    "govs": "governors",
}

_LETTER = re.compile(r"[^\W\d_]")
# A contraction of a function word: n't, 're, 've, 'll, 'd, 'm ('s is stripped first).
_CONTRACTION = re.compile(r"'(?:t|re|ve|ll|d|m)$")
# What may stand between a sentence's end and its first word: spaces, opening quotes and
# brackets (apostrophes are unified, so ‘ is ').
_SENTENCE_OPENERS = " \t\"'“«([—–-"
_SENTENCE_ENDS = ".!?:;\n\r"

# A self-name: its words (lowercase) and whether it is dropped only when the next word is
# not capitalised (a name of one word after "The": "The National" but not "the National
# Guard"). Indexed by first word, longest name first.
_SelfNames = Mapping[str, list[tuple[tuple[str, ...], bool]]]


def _lower_words(name: str) -> tuple[str, ...]:
    return tuple(word_form(m.group()).lower() for m in _TOKEN.finditer(unify(name)))


def _self_names(analysis: Analysis) -> _SelfNames:
    """The names the corpus's outlets go by, as word sequences (see the module docstring)."""
    outlets = set(analysis.articles["outlet"].dropna())
    spellings: dict[str, set[str]] = {outlet: {outlet} for outlet in outlets}
    loaded = analysis.corpus.articles
    if "outlet_raw" in loaded.columns:
        for raw, outlet in zip(loaded["outlet_raw"], loaded["outlet"], strict=True):
            if isinstance(raw, str) and outlet in spellings:
                spellings[outlet].add(raw)
    for alias, outlet in load_outlet_aliases().items():
        if outlet in spellings:
            spellings[outlet].add(alias)
    sequences: set[tuple[tuple[str, ...], bool]] = set()
    for names in spellings.values():
        strings = (name for name in names if isinstance(name, str))
        word_lists = {words for words in map(_lower_words, strings) if words}
        in_longer = {word for words in word_lists if len(words) > 1 for word in words}
        for words in word_lists:
            content = [w for w in words if w not in FUNCTION_WORDS]
            if len(words) == 1:
                if words[0] not in in_longer:
                    sequences.add((words, False))
            elif len(content) == 1:
                sequences.add((words, True))
            elif content:
                # A leading "the" is a function word and dropped anyway.
                sequences.add((words[1:] if words[0] == "the" else words, False))
    for outlet in outlets:  # 'told the Dispatch', 'the Times reported': the masthead word
        words = _lower_words(outlet) if isinstance(outlet, str) else ()
        if len([w for w in words if w not in FUNCTION_WORDS]) > 1:
            sequences.add((("the", words[-1]), True))
    table: defaultdict[str, list[tuple[tuple[str, ...], bool]]] = defaultdict(list)
    for words, guarded in sorted(sequences, key=lambda item: (-len(item[0]), item)):
        table[words[0]].append((words, guarded))
    return dict(table)


def _self_name_length(
    text: str,
    matches: list[re.Match[str]],
    lowers: list[str],
    i: int,
    self_names: _SelfNames,
) -> int:
    """How many tokens from ``i`` on form an outlet self-name (0 if none)."""

    def adjacent(j: int) -> bool:  # token j follows token j - 1 across spaces only
        gap = text[matches[j - 1].end() : matches[j].start()]
        return bool(gap) and gap.isspace()

    for words, guarded in self_names.get(lowers[i], ()):
        end = i + len(words)
        if end > len(matches) or tuple(lowers[i:end]) != words:
            continue
        if not all(adjacent(j) for j in range(i + 1, end)):
            continue
        content = [j for j in range(i, end) if lowers[j] not in FUNCTION_WORDS]
        if not all(matches[j].group()[0].isupper() for j in content):
            continue
        if guarded and end < len(matches) and adjacent(end) and matches[end].group()[0].isupper():
            continue
        return len(words)
    return 0


def _starts_sentence(text: str, start: int) -> bool:
    """Whether the token at ``start`` opens a sentence, paragraph or the text."""
    i = start
    while i > 0 and text[i - 1] in _SENTENCE_OPENERS:
        i -= 1
    return i == 0 or text[i - 1] in _SENTENCE_ENDS


def _counted_form(form: str, text: str, start: int, honorifics: bool) -> str | None:
    """The counted word of one token's written form, or None when it is dropped."""
    if len(form) < 2 or not _LETTER.search(form):
        return None
    lower = form.lower()
    if lower in BOILERPLATE_WORDS or _CONTRACTION.search(lower):
        return None
    if is_all_caps(form):
        return form
    if lower in FUNCTION_WORDS:
        if lower == "may" and form == "May" and not _starts_sentence(text, start):
            return "May"
        return None
    if form[0].isupper():
        if lower in HONORIFICS and not honorifics:
            return None
        return _TITLE_ABBREVIATIONS.get(lower, lower)
    return lower


def _words(
    text: str,
    self_names: _SelfNames,
    extra_stop_words: frozenset[str] = frozenset(),
    honorifics: bool = False,
) -> Iterator[str]:
    """The counted words of one text, in order (see the module docstring)."""
    text = unify(text)
    matches = list(_TOKEN.finditer(text))
    forms = [word_form(m.group()) for m in matches]
    lowers = [form.lower() for form in forms]
    i = 0
    while i < len(matches):
        length = _self_name_length(text, matches, lowers, i, self_names)
        if length:
            i += length
            continue
        word = _counted_form(forms[i], text, matches[i].start(), honorifics)
        i += 1
        if word is not None and word.lower() not in extra_stop_words:
            yield word


def _group_counters(
    analysis: Analysis,
    by: str,
    stop_words: Iterable[str] | None,
    honorifics: bool,
    within: str | None = None,
) -> tuple[list[object], list[Counter[str]]]:
    """Word counters per group of counted articles, groups sorted, empty groups left out;
    with ``within``, groups are (within, by) pairs."""
    for name, column in (("by", by), ("within", within)):
        if column is not None:
            require_column(analysis, column, "find distinctive words", name)
    extra: frozenset[str] = frozenset()
    if stop_words is not None:
        if isinstance(stop_words, str):
            stop_words = [stop_words]
        extra = frozenset(word_form(unify(w)).lower() for w in stop_words)
    self_names = _self_names(analysis)
    texts = analysis.corpus.articles.set_index("doc_id")["text"]
    keys = [by] if within is None else [within, by]
    counted = pd.DataFrame(
        {"doc_id": analysis.counted["doc_id"].to_numpy()}
        | {k: analysis.counted[k].to_numpy() for k in keys}
    ).dropna(subset=keys)
    groups: list[object] = []
    counters: list[Counter[str]] = []
    for group, docs in counted.groupby(keys if within else by, sort=True)["doc_id"]:
        counter: Counter[str] = Counter()
        for text in texts.reindex(docs.to_numpy()).dropna():
            counter.update(_words(text, self_names, extra, honorifics))
        if counter:
            groups.append(group)
            counters.append(counter)
    return groups, counters


def word_counts(
    analysis: Analysis,
    by: str = "outlet",
    *,
    stop_words: Iterable[str] | None = None,
    honorifics: bool = False,
) -> pd.DataFrame:
    """Counts of each word per group, over the counted articles.

    Words are tokenised and filtered exactly as in :func:`find_distinctive_words` (function
    words, boilerplate, numbers, single letters, honorifics and capitalised outlet
    self-names dropped; see the module docstring).

    Args:
        analysis: From :func:`framing.analyse`.
        by: Column of ``analysis.articles`` to group by (``outlet``, ``story``, ...).
            Articles with no value in it are left out.
        stop_words: Extra words to drop, matched against the counted word ignoring
            case (``"fbi"`` drops ``FBI``; ``"senator"`` drops *Sen.* too).
        honorifics: Keep the honorifics of :data:`HONORIFICS` (counted as ``mr``, ...).

    Returns:
        A DataFrame with columns ``group``, ``word`` and ``count`` (> 0), one row per
        word a group uses, sorted by group, then descending count, then word.

    Raises:
        ColumnError: ``by`` is not a column of ``analysis.articles``.

    Example:
        >>> word_counts(analysis).head()  # doctest: +SKIP
    """
    groups, counters = _group_counters(analysis, by, stop_words, honorifics)
    rows = [
        (group, word, count)
        for group, counter in zip(groups, counters, strict=True)
        for word, count in sorted(counter.items(), key=lambda item: (-item[1], item[0]))
    ]
    out = pd.DataFrame(rows, columns=["group", "word", "count"])
    out["count"] = out["count"].astype("int64")
    return out


def find_distinctive_words(
    analysis: Analysis,
    by: str = "outlet",
    *,
    method: KeynessMethod = "log_odds",
    prior_size: float = DEFAULT_PRIOR_SIZE,
    min_count: int = 5,
    top: int | None = None,
    stop_words: Iterable[str] | None = None,
    honorifics: bool = False,
    within: str | None = None,
) -> pd.DataFrame:
    """The words each group uses more (or less) than all the other groups together.

    Each group's counted articles (``analysis.counted``) are compared with the pooled
    counted articles of every other group. How words are tokenised and which are dropped
    (function words, numbers, single letters, page boilerplate, honorifics, capitalised
    outlet self-names) is in the module docstring.

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
    reports its ``"lr"`` measure. No continuity correction is applied: these are the
    values of quanteda.textstats' ``textstat_keyness(measure = "lr", correction =
    "none")`` (up to the 1e-9 that quanteda adds inside the logarithm). Its default,
    ``correction = "default"``, applies Yates' continuity correction instead (each cell
    moved 0.5 toward independence when ``|ad - bc|`` is at least ``N / 2`` and some
    expected count is below 5), and Williams' correction only with ``correction =
    "williams"``; so quanteda's default values differ from these for rare words. ``p`` is
    the chi-square upper tail with 1 degree of freedom, ``erfc(sqrt(|G²| / 2))``, again not
    corrected for multiple comparisons.

    Choice of ``prior_size`` (a0, in pseudo-words): the prior adds to every word about
    ``a0 / n^i`` of the group's own data, shrinking each group's rate toward the corpus
    rate. 1,000 pseudo-words, about the counted words of three to five news articles,
    is small against an outlet's coverage in a corpus of a few dozen articles or more
    (2.4-3.5% of the 29,000-41,000 counted words of each BASIL outlet), so frequent
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
        stop_words: Extra words to drop, matched against the counted word ignoring
            case (``"fbi"`` drops ``FBI``; ``"senator"`` drops *Sen.* too).
        honorifics: Keep the honorifics of :data:`HONORIFICS` (*Mr*, *Mrs*, *Ms*,
            *Miss*, *Dr*), which are dropped by default as house style.
        within: Compare the groups separately inside each value of this column
            (``within="story"``: each outlet against the other outlets' coverage of the
            same story; the prior then comes from that story's articles). The result
            gains a first column of that name; a value with fewer than two groups is
            left out with a warning that counts them.

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
        >>> find_distinctive_words(analysis, "outlet", top=10)  # doctest: +SKIP
    """
    if method not in _METHODS:
        raise ArgumentError(
            f"unknown keyness method {method!r}; use one of {', '.join(map(repr, _METHODS))}"
        )
    if not prior_size > 0:
        raise ArgumentError(f"prior_size must be positive (pseudo-words), got {prior_size!r}")
    if top is not None and top < 1:
        raise ArgumentError(f"top must be at least 1 (or None for every word), got {top!r}")
    if within is not None:
        return _within(
            analysis, by, within, method, prior_size, min_count, top, stop_words, honorifics
        )
    groups, counters = _group_counters(analysis, by, stop_words, honorifics)
    return _keyness(groups, counters, by, method, prior_size, min_count, top)


def distinctive_words(*args: Any, **kwargs: Any) -> pd.DataFrame:
    """Deprecated name of :func:`find_distinctive_words` (public functions are verbs);
    it goes in framing 0.3."""
    warnings.warn(
        "framing.distinctive_words is now framing.find_distinctive_words; the old name "
        "goes in framing 0.3",
        DeprecationWarning,
        stacklevel=2,
    )
    return find_distinctive_words(*args, **kwargs)


def _within(
    analysis: Analysis,
    by: str,
    within: str,
    method: KeynessMethod,
    prior_size: float,
    min_count: int,
    top: int | None,
    stop_words: Iterable[str] | None,
    honorifics: bool,
) -> pd.DataFrame:
    keys, counters = _group_counters(analysis, by, stop_words, honorifics, within)
    parts: dict[object, tuple[list[object], list[Counter[str]]]] = {}
    for key, counter in zip(keys, counters, strict=True):
        outer, group = key  # type: ignore[misc]
        parts.setdefault(outer, ([], []))[0].append(group)
        parts[outer][1].append(counter)
    tables, alone = [], []
    for outer, (groups, group_counters) in parts.items():
        if len(groups) < 2:
            alone.append(outer)
            continue
        table = _keyness(groups, group_counters, by, method, prior_size, min_count, top)
        table.insert(0, within, outer)
        tables.append(table)
    if alone:
        warnings.warn(
            f"{len(alone)} value(s) of {within!r} have articles from one {by!r} only and "
            f"have no distinctive words (e.g. {alone[0]!r})",
            UserWarning,
            stacklevel=3,
        )
    if not tables:
        raise ArgumentError(f"no value of {within!r} has two values of {by!r} to compare")
    return pd.concat(tables, ignore_index=True)


def _keyness(
    groups: list[object],
    counters: list[Counter[str]],
    by: str,
    method: KeynessMethod,
    prior_size: float,
    min_count: int,
    top: int | None,
) -> pd.DataFrame:
    if len(groups) < 2:
        raise ArgumentError(
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
