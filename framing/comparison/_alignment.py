"""Sentence alignment across outlets: what each outlet says that no other outlet says.

Within a story, every sentence of every counted article is compared with the sentences
of the other outlets' articles on the same story and gets its best match. A sentence
whose best match scores below the threshold is *unique*: no other outlet in the story
reports that information in words close enough to be recognised.

Similarity is a TF-IDF cosine over bags of terms, computed here without scikit-learn:

* Terms are lowercased word tokens (the tokens of :func:`framing.segment`) with a compact
  list of English function words removed (plus speech-tag verbs such as *said*, honorifics
  and weekday names, which say who or when but not what). Tokens are read as in
  :func:`framing.distinctive_words` (one shared normaliser): curly and straight
  apostrophes and the Unicode and non-breaking hyphens are unified, the dots of an
  initialism are removed (*F.B.I.* and *FBI* are one term, ``fbi``), and a word written
  in capitals is never taken for a function word (*US* is the country, not *us*). A
  possessive ``'s`` is dropped and the Snowball English stemmer (Porter 2001,
  :func:`framing._words.stem`) maps inflections and derivations together
  (*breaches*/*breaching* → ``breach``, *accused*/*accusations* → ``accus``,
  *officers*/*officer* → ``offic``, *offer*/*offers*/*offered* → ``offer``) and keeps
  apart words that only look alike (*statement* and *state*, *question* and *quest*).
  Distinctive words do not stem: they count word forms. A hyphenated token contributes
  its joined form and its parts (*co-ordination* → ``coordin``, ``co``, ``ordin``), so
  spelling variants (*co-ordination*/*coordination*, *civil-military*/*civilian-military*)
  still share terms.
* Adjacent content words also form a bigram term (``plan offic`` for *planning officers*)
  at half the weight of a unigram, which rewards the same phrase over the same words
  scattered across the sentence.
* Weights are ``(1 + log tf) * idf`` with a smoothed ``idf = 1 + log((1 + n) / (1 + df))``
  where ``n`` and ``df`` count the sentences of the story (every counted article of the
  story, all outlets), so the words the whole story uses (its topic words) count for
  little and the rarer details count for a lot.
* Vectors are L2-normalised dictionaries; dot products are accumulated through an
  inverted index (term → sentences holding it), so only pairs of sentences that share a
  term are ever scored, never all pairs.

The default threshold, 0.2, comes from two measurements, repeated when the stemmer became
Snowball. On the seed corpus (the UK officers and the Gaza ceasefire, The Independent
against The National, 52 sentences; the hand labels are
``evaluation/seed_alignment_labels.csv``) 16 sentences were labelled by hand as reporting
the same information as a sentence of the other outlet, 3 as partly so and 33 as unique.
At 0.2, 13 of the 16 are matched, each to a right partner, all at 0.217 or more; the three
misses are paraphrases with little shared vocabulary (0.15 to 0.19); the 3 partial ones
are not matched (0.15 to 0.19); and 1 of the 33 is matched (0.206: a British deputy to US
commanders in Iraq, matched to a British two-star deputy commander), the next unique one
scoring 0.195. On BASIL (100 stories, three US outlets each), 56 matched pairs between
0.17 and 0.27 were read with the earlier stemmer: about one in three is the same fact
between 0.17 and 0.20 (the rest share a name or a phrase but not a fact), three in five
between 0.20 and 0.23 and four in five between 0.23 and 0.27, so 0.2 is about where a
match becomes more often right than wrong. With Snowball, 15 pairs read at random in each
band give 4 same facts between 0.17 and 0.20 and 7 between 0.20 and 0.23; the scores near
0.2 hardly move (768 best matches between 0.17 and 0.20 before, 797 after; 571 and 588
between 0.20 and 0.23).
"""

from __future__ import annotations

import math
import warnings
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Sequence
from itertools import pairwise

import pandas as pd

from .._words import is_all_caps, stem, tokens, word_form
from ..analysis import Analysis, require_column
from ..errors import ArgumentError
from ..features import content_stop_words

__all__ = ["DEFAULT_THRESHOLD", "align_sentences", "sentence_similarity"]

#: Default score below which a sentence counts as unique to its outlet.
DEFAULT_THRESHOLD = 0.2

#: Weight of a bigram term relative to a unigram with the same tf-idf.
_BIGRAM_WEIGHT = 0.5

# Words that never tell what happened: matching on them alone pairs sentences that share
# no information.
_STOPWORDS = content_stop_words()


def _stem(word: str) -> str:
    """The Snowball stem of a lowercase word with apostrophes unified.

    A possessive ``'s`` and a trailing apostrophe (*hostages'*) go first, so the
    stemmer sees the word itself; then :func:`framing._words.stem` (Snowball English,
    Porter 2001), which maps *coordinate*, *coordinating* and *coordination* together
    (``coordin``) and leaves numbers and times (``9pm``) as they are.
    """
    if word.endswith("'s"):
        word = word[:-2]
    return stem(word.rstrip("'"))


def _content_words(text: str) -> tuple[list[str], list[str]]:
    """A sentence's content-word stems and the stems of its hyphenated words' parts."""
    words: list[str] = []
    parts: list[str] = []
    for match in tokens(text):
        form = word_form(match.group())
        capitals = is_all_caps(form)  # US, WHO, IT: never a function word
        raw = form.lower()
        if raw in _STOPWORDS and not capitals:
            continue
        if "-" in raw:
            pieces = [p for p in raw.split("-") if p]
            parts.extend(_stem(p) for p in pieces if len(p) > 1 and p not in _STOPWORDS)
            raw = "".join(pieces)
        word = _stem(raw)
        if word and (capitals or word not in _STOPWORDS):
            words.append(word)
    return words, parts


def _terms(text: str) -> list[str]:
    """The terms of a sentence: content-word stems, hyphen parts, then bigrams."""
    words, parts = _content_words(text)
    return words + parts + [f"{a} {b}" for a, b in pairwise(words)]


def _vectors(sentences: Sequence[list[str]]) -> list[dict[str, float]]:
    """L2-normalised tf-idf vectors of term lists, idf taken over ``sentences`` themselves."""
    n = len(sentences)
    df: dict[str, int] = defaultdict(int)
    for terms in sentences:
        for term in set(terms):
            df[term] += 1
    idf = {term: 1.0 + math.log((1 + n) / (1 + count)) for term, count in df.items()}
    vectors: list[dict[str, float]] = []
    for terms in sentences:
        tf: dict[str, int] = defaultdict(int)
        for term in terms:
            tf[term] += 1
        vector = {
            term: (1.0 + math.log(count)) * idf[term] * (_BIGRAM_WEIGHT if " " in term else 1.0)
            for term, count in tf.items()
        }
        norm = math.sqrt(sum(w * w for w in vector.values()))
        vectors.append({t: w / norm for t, w in vector.items()} if norm else {})
    return vectors


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    """The dot product of two normalised vectors, clipped to 1.0 against rounding."""
    if len(b) < len(a):
        a, b = b, a
    return min(1.0, sum(w * b.get(t, 0.0) for t, w in a.items()))


def sentence_similarity(texts: Sequence[str]) -> list[list[float]]:
    """Pairwise similarity of ``texts`` as :func:`align_sentences` measures it in a story.

    The idf is taken over ``texts``, as it is over the sentences of a story. This is all
    pairs, meant for inspecting a handful of sentences, not for a corpus.

    Args:
        texts: The sentences.

    Returns:
        A square list of rows; ``result[i][j]`` is the cosine of sentences ``i`` and
        ``j``, in ``[0, 1]``: 1.0 for two identical sentences with at least one content
        word, 0.0 when they share no term (or one has no content word at all).
    """
    vectors = _vectors([_terms(t) for t in texts])
    return [[_cosine(a, b) for b in vectors] for a in vectors]


class _Sources:
    """Which articles of a story may be compared: another source and another version
    group. Held as each article's source and group, not as a set per article of the
    others (which grows with the square of a story's articles: 5,000 unlabelled
    articles aligned as one story took 1.4 GB)."""

    def __init__(self, sources: Sequence[object], groups: Sequence[object]) -> None:
        # Two missing sources count as the same source: one key for them.
        self.source = [_MISSING if pd.isna(s) else s for s in sources]
        self.group = list(groups)
        # each source's version groups, up to two distinct ones: enough to tell whether
        # any article of that source is in a group other than a given one
        seen: dict[object, list[object]] = {}
        for source, group in zip(self.source, self.group, strict=True):
            held = seen.setdefault(source, [])
            if len(held) < 2 and all(g != group for g in held):
                held.append(group)
        self._groups = seen

    def compatible(self, k: int, other: int) -> bool:
        return self.source[k] != self.source[other] and self.group[k] != self.group[other]

    def any_compatible(self, k: int) -> bool:
        """Whether article ``k`` has any article it may be compared with."""
        mine, group = self.source[k], self.group[k]
        return any(
            any(g != group for g in held) for source, held in self._groups.items() if source != mine
        )


class _Missing:
    def __repr__(self) -> str:
        return "<missing source>"


_MISSING = _Missing()


def _best_matches(
    vectors: Sequence[dict[str, float]],
    article: Sequence[int],
    sources: _Sources,
    comparable: Sequence[bool],
) -> list[tuple[int, float]]:
    """For each sentence, the best-scoring sentence of a compatible article.

    Args:
        vectors: The normalised sentence vectors of one story.
        article: For each sentence, the index of its article within the story.
        sources: Which articles of the story may be compared.
        comparable: For each article, whether it has any article to be compared with.

    Returns:
        ``(index, score)`` per sentence, with index ``-1`` and score 0.0 when no sentence
        of a compatible article shares a term. Ties go to the earlier sentence.
    """
    postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for i, vector in enumerate(vectors):
        for term, weight in vector.items():
            postings[term].append((i, weight))
    best: list[tuple[int, float]] = []
    source, group = sources.source, sources.group
    for i, vector in enumerate(vectors):
        k = article[i]
        scores: dict[int, float] = defaultdict(float)
        if comparable[k]:
            mine, my_group = source[k], group[k]
            for term, weight in vector.items():
                for j, other in postings[term]:
                    a = article[j]
                    if source[a] != mine and group[a] != my_group:
                        scores[j] += weight * other
        if scores:
            j = max(scores, key=lambda k: (scores[k], -k))
            best.append((j, min(1.0, scores[j])))
        else:
            best.append((-1, 0.0))
    return best


# The result's columns, in order, with their types.
_DTYPES: dict[str, str | type] = {
    "doc_id": object,
    "sentence": "int64",
    "story": object,
    "outlet": object,
    "compared": bool,
    "n_terms": "int64",
    "unique": "boolean",
    "match_doc_id": object,
    "match_sentence": "Int64",
    "match_score": float,
    "text": object,
    "match_text": object,
}


def _warn_unlabelled(n_unlabelled: int, n_articles: int, busiest: tuple[object, int]) -> None:
    """Warn that unlabelled articles, some from the same outlet, are aligned as one story."""
    outlet, count = busiest
    if n_unlabelled == n_articles:
        what = (
            f"the corpus has no story labels, so all {n_articles} counted articles are "
            "aligned as one story"
        )
    else:
        what = (
            f"{n_unlabelled} of the {n_articles} counted articles have no story label and "
            "are aligned with each other as one story"
        )
    warnings.warn(
        f"align_sentences: {what}, yet {outlet!r} alone has {count} of them, so they "
        "probably cover several stories and sentences of different stories will be "
        "matched. Give each article its story when loading, e.g. "
        "framing.load_corpus(..., story='<column naming the story>'), or fill in the "
        "missing labels.",
        UserWarning,
        stacklevel=4,
    )


def align_sentences(
    analysis: Analysis,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    by: str = "outlet",
    stories: Iterable[Hashable] | None = None,
) -> pd.DataFrame:
    """Align every sentence with its closest sentence from another outlet on the story.

    Only counted articles take part (``analysis.counted``: one per version group and
    outlet); two articles of the same version group are never compared (a syndicated
    copy is not another outlet saying the same thing independently), and neither are two
    articles with the same ``by`` value (the question is what *other* outlets say).
    Sentences are compared only within a story (the ``story`` column of
    ``analysis.articles``, set by ``framing.load_corpus(..., story="<column>")``).
    Headlines are not sentences and take no part.

    Articles with no story label are aligned together as one group of unlabelled
    articles: in a corpus without labels that is the whole corpus, as one story (right
    for a corpus of one story, such as two outlets' articles on one event); in a
    labelled corpus the unlabelled articles are compared with each other but never with
    a labelled story, and their ``story`` is missing in the result. When some outlet has
    more than one counted article in that unlabelled group, the group probably spans
    several stories, and a ``UserWarning`` says so and how to pass the story column.

    Args:
        analysis: The result of :func:`framing.analyse`.
        threshold: The score (a cosine, 0 to 1) at or above which a sentence counts as
            reported by another outlet too. The default, 0.2, was tuned on hand-labelled
            pairs (see the module notes); raise it to count only close rewordings as
            shared, lower it to also count loose paraphrases (and more chance overlaps).
        by: The article column naming the source: articles with the same value are not
            compared with each other (two missing values count as the same source).
        stories: Align only these stories (values of the ``story`` column; ``None``
            stands for the articles without a label); each story is aligned on its own,
            so its rows are those of a whole run. Default: every story.

    Returns:
        One row per sentence of each counted article, in article order (as in
        ``analysis.articles``) then sentence order, with columns:

        * ``doc_id``, ``sentence`` (index within the article), ``story``, ``outlet``
          (and the ``by`` column after it, when ``by`` is another article column; when
          ``by`` is ``doc_id`` or ``story`` the column is already there and is not
          repeated, and a ``by`` that names any other column of the result is added as
          ``by_<name>``);
        * ``compared`` (bool): whether the story had at least one article the sentence
          could be compared with (another source, another version group). A story
          covered by one outlet only gives ``compared=False`` everywhere;
        * ``n_terms`` (int): the sentence's content words after stop-listing (function
          words, speech verbs, honorifics, weekdays). A sentence with none ("How are
          you?") has nothing to match on;
        * ``unique`` (nullable ``boolean``): the best match scores below ``threshold``
          -- no other outlet says it. True whenever ``compared`` is False, so filter on
          ``compared`` to keep only the sentences where uniqueness was testable; NA
          when ``n_terms`` is 0, since a sentence without content says nothing that
          could be unique (``unique.mean()`` skips these; filter with
          ``unique.fillna(False)`` or ``unique == True``);
        * ``match_doc_id``, ``match_sentence`` (nullable ``Int64``), ``match_score``
          (float) and ``match_text``: the best match, reported whether or not it
          passes the threshold; missing (score 0.0) when no comparable sentence shares
          a term;
        * ``text``: the sentence.

    Raises:
        FramingError: If ``threshold`` is outside ``[0, 1]``.
        ColumnError: If ``by`` is not a column of ``analysis.articles`` (a
            :class:`FramingError` too).

    Warns:
        UserWarning: Unlabelled articles that probably span several stories are aligned
            as one story (see above).
    """
    if not 0.0 <= threshold <= 1.0:
        raise ArgumentError(f"threshold must be between 0 and 1, got {threshold!r}")
    whole = threshold == DEFAULT_THRESHOLD and by == "outlet" and stories is None
    if whole and "_alignment" in analysis.__dict__:
        return analysis.__dict__["_alignment"]
    if whole:
        # Kept on the analysis: the report's articles and its story map read it too.
        analysis.__dict__["_alignment"] = _align(analysis, threshold, by, None)
        return analysis.__dict__["_alignment"]
    return _align(analysis, threshold, by, stories)


def _align(
    analysis: Analysis, threshold: float, by: str, stories: Iterable[Hashable] | None
) -> pd.DataFrame:
    only = None if stories is None else list(stories)
    require_column(analysis, by, "align sentences")
    counted = analysis.counted
    doc_ids = counted["doc_id"].tolist()
    outlets = counted["outlet"].tolist()
    sources = counted[by].tolist()
    version_groups = counted["version_group"].tolist()
    raw_stories = counted["story"].tolist() if "story" in counted.columns else [None] * len(doc_ids)
    stories: list[Hashable] = [None if pd.isna(s) else s for s in raw_stories]

    # Each counted article's sentences, (index, text), in sentence order.
    wanted = set(doc_ids)
    table = analysis.sentences
    sentences: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for doc, index, text in zip(
        table["doc_id"].tolist(),
        table["sentence"].tolist(),
        table["text"].tolist(),
        strict=True,
    ):
        if doc in wanted:
            sentences[doc].append((int(index), text))
    for rows in sentences.values():
        rows.sort()

    chosen = None if only is None else {None if pd.isna(s) else s for s in only}
    members: dict[Hashable, list[int]] = defaultdict(list)  # story -> article rows
    for position, story in enumerate(stories):
        if sentences.get(doc_ids[position]) and (chosen is None or story in chosen):
            members[story].append(position)
    unlabelled = members.get(None, [])
    per_outlet = Counter(outlets[p] for p in unlabelled if not pd.isna(outlets[p]))
    # with one outlet alone there is nothing to match across outlets, so nothing to warn of
    if len(per_outlet) > 1 and max(per_outlet.values()) > 1:
        _warn_unlabelled(
            len(unlabelled), sum(map(len, members.values())), per_outlet.most_common(1)[0]
        )

    columns: dict[str, list[object]] = {name: [] for name in _DTYPES}
    extra: list[object] = []
    order: list[tuple[int, int]] = []
    for positions in members.values():
        story_sources = _Sources(
            [sources[p] for p in positions], [version_groups[p] for p in positions]
        )
        comparable = [story_sources.any_compatible(k) for k in range(len(positions))]
        article: list[int] = []
        index: list[int] = []
        texts: list[str] = []
        for k, p in enumerate(positions):
            for i, text in sentences[doc_ids[p]]:
                article.append(k)
                index.append(i)
                texts.append(text)
        terms: list[list[str]] = []
        n_terms: list[int] = []
        for text in texts:
            words, parts = _content_words(text)
            terms.append(words + parts + [f"{a} {b}" for a, b in pairwise(words)])
            n_terms.append(len(words))
        best = _best_matches(_vectors(terms), article, story_sources, comparable)
        for i, (j, score) in enumerate(best):
            p = positions[article[i]]
            found = j >= 0
            order.append((p, index[i]))
            columns["doc_id"].append(doc_ids[p])
            columns["sentence"].append(index[i])
            columns["story"].append(stories[p])
            columns["outlet"].append(outlets[p])
            extra.append(sources[p])
            columns["compared"].append(comparable[article[i]])
            columns["n_terms"].append(n_terms[i])
            columns["unique"].append((not found or score < threshold) if n_terms[i] else None)
            columns["match_doc_id"].append(doc_ids[positions[article[j]]] if found else None)
            columns["match_sentence"].append(index[j] if found else None)
            columns["match_score"].append(score)
            columns["text"].append(texts[i])
            columns["match_text"].append(texts[j] if found else None)

    result = pd.DataFrame(
        {name: pd.Series(values, dtype=_DTYPES[name]) for name, values in columns.items()}
    )
    if by not in ("outlet", "doc_id", "story"):
        name = f"by_{by}" if by in result.columns else by
        result.insert(4, name, pd.Series(extra, dtype=object))
    ranks = sorted(range(len(order)), key=order.__getitem__)
    return result.iloc[ranks].reset_index(drop=True)
