"""Story grouping: which articles of a corpus report the same event.

framing's strongest comparison holds the event constant (outlets compared within the
same story, paired), which needs a ``story`` for every article. A scraped corpus has none;
:func:`group_stories` assigns one from the articles' content and dates.

The method is retrospective event detection as Yang, Pierce & Carbonell (1998, "A study
of retrospective and on-line event detection", SIGIR) describe it, TF-IDF vectors joined
by group-average similarity, with the time window of on-line detection (Allan, Papka &
Lavrenko 1998, "On-line new event detection and tracking", SIGIR: an event's articles
come close together in time, so far-apart articles are never compared):

1. **Terms.** Each article's headline (counted twice: it states the event) and text are
   read into the word forms alignment uses (:mod:`framing._words`: unified apostrophes
   and hyphens, initialisms without dots, Snowball stems; framing's function words and
   alignment's stop words left out, numbers left out). A word capitalised inside a
   sentence (a proper noun: "Marrowick", "Brennock") counts three times, because the
   people and places of an event tell it from another event on the same topic, and an
   event's articles that each take a different angle share little else (Kumaran & Allan
   2004, "Text classification and named entities for new event detection", SIGIR).
   Runs of two or more capitalised words ("Defence Secretary John Healey") are one
   term each too. An article keeps its 64 terms most used (ties: first used first, as
   news puts the event first).
2. **Weights.** ``(1 + log tf) * idf`` (Manning, Raghavan & Schütze 2008, ch. 6) with
   ``idf = 1 + log((1 + n + 100) / (1 + df))``: the document frequencies of the corpus
   plus 100 documents that hold none of its terms. A corpus of a few articles about one
   event would otherwise weigh the event's own words (in every article) least and each
   article's asides most; the 100 stand for the news at large, where an event's words
   are rare, and stop mattering as the corpus grows (Allan, Papka & Lavrenko 1998 take
   idf from an auxiliary corpus for the same reason). Vectors are L2-normalised.
3. **Links.** Each article's 10 nearest articles by cosine, among those published within
   ``window`` days of it (articles sorted by date and compared a block at a time with
   the block's date window, through the terms they share: never all pairs). An article
   without a date is compared with every article, by content alone.
4. **Stories.** Links at or above ``threshold`` are taken strongest first, and two groups
   join only if their group-average similarity (the mean cosine over every pair of a
   member of one and a member of the other, computed from the sums of their vectors)
   is at or above ``threshold`` too: a guarded single link that behaves as
   group-average clustering (Yang et al. 1998), so that one loose link cannot chain two
   stories. Versions of one article (the corpus's ``version_group``) start as one group.
   A link of an article without a date joins two groups only if their dated articles
   lie within the window of each other: it is grouped by content, but never bridges
   two stories the window keeps apart.

Stories are numbered ``story-0001``… by their first date (undated stories last), then
their first doc id.

Texts are read a chunk at a time (the corpus's articles in slices; a corpus not yet read
streamed from its source as :func:`framing.analyse` streams it, with versions decided
across the corpus as it decides them; an analysis written to a results directory read
part by part), and each article's terms are kept in a temporary file: what stays in
memory is its date, ids and a few numbers, and the window's vectors. Comparing takes a
block's articles a few at a time (at most ``_MATCHES`` shared-term matches at once), and
clustering keeps the sums of the ``_CENTROIDS`` groups used most recently, the others in
a file beside the terms.
"""

from __future__ import annotations

import math
import tempfile
from collections import OrderedDict
from itertools import pairwise
from pathlib import Path

import numpy as np
import pandas as pd

from .._defaults import DEFAULT_STORY_THRESHOLD, DEFAULT_STORY_WINDOW
from ..corpus import Corpus
from ..errors import ArgumentError
from ._result import Analysis
from ._story_terms import _NO_DATE, _Meta, _Source, _TermStore

__all__ = [
    "DEFAULT_THRESHOLD",
    "DEFAULT_WINDOW",
    "STORY_COLUMNS",
    "check_grouping",
    "group_stories",
]

#: Days two linked articles may lie apart.
DEFAULT_WINDOW = DEFAULT_STORY_WINDOW
#: Cosine at or above which two articles (and two stories, on average) are joined.
DEFAULT_THRESHOLD = DEFAULT_STORY_THRESHOLD

#: The columns :func:`group_stories` returns.
STORY_COLUMNS = (
    "doc_id",
    "story",
    "outlet",
    "published",
    "version_group",
    "story_n_articles",
    "nearest_doc_id",
    "nearest_similarity",
    "joined_by",
)


#: Nearest articles linked per article.
_NEIGHBOURS = 10
#: Articles compared per block.
_BLOCK = 500
#: Term matches (a query term found in another article) handled at once when comparing.
_MATCHES = 1 << 18
_DAY_US = 86_400 * 1_000_000
#: Group centroids (vector sums) kept in memory while clustering; the others on disk.
_CENTROIDS = 4096


def _similarities(
    query: tuple[np.ndarray, np.ndarray, np.ndarray],
    other: tuple[np.ndarray, np.ndarray, np.ndarray],
    minimum: float = -np.inf,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Cosines of every query vector with every other vector sharing a term with it, as
    (query position, other position, cosine), those below ``minimum`` left out: a sparse
    product through the terms.

    The query's articles are taken a few at a time so that no step holds more than
    ``_MATCHES`` term matches (a common word matches nearly every other article, and the
    matches of a whole block were most of the memory grouping needed). An article's
    entries are never split, so each pair's products are summed in the same order."""
    q_pos, q_term, q_w = query
    o_pos, o_term, o_w = other
    order = np.argsort(o_term, kind="stable")
    o_pos, o_term, o_w = o_pos[order], o_term[order], o_w[order]
    low = np.searchsorted(o_term, q_term, "left")
    counts = np.searchsorted(o_term, q_term, "right") - low
    width = int(o_pos.max()) + 1 if len(o_pos) else 1
    # Step boundaries: at the start of a query article, once _MATCHES have gathered.
    starts = np.flatnonzero(np.r_[True, q_pos[1:] != q_pos[:-1]]) if len(q_pos) else q_pos
    before = np.r_[0, np.cumsum(counts)][starts]
    cuts, since = [0], 0
    for at, gathered in zip(starts.tolist(), before.tolist(), strict=True):
        if gathered - since > _MATCHES and at > cuts[-1]:
            cuts.append(at)
            since = gathered
    cuts.append(len(q_pos))
    found_a, found_b, found_s = [], [], []
    for lo, hi in pairwise(cuts):
        step_counts = counts[lo:hi]
        total = int(step_counts.sum())
        if total == 0:
            continue
        entry = lo + np.repeat(np.arange(hi - lo), step_counts)
        offset = np.arange(total) - np.repeat(np.cumsum(step_counts) - step_counts, step_counts)
        match = low[entry] + offset
        keys = q_pos[entry].astype(np.int64) * width + o_pos[match]
        pairs, inverse = np.unique(keys, return_inverse=True)
        cosine = np.minimum(np.bincount(inverse, weights=q_w[entry] * o_w[match]), 1.0)
        keep = cosine >= minimum
        found_a.append(pairs[keep] // width)
        found_b.append(pairs[keep] % width)
        found_s.append(cosine[keep])
    if not found_a:
        empty = np.empty(0, np.int64)
        return empty, empty, np.empty(0)
    return np.concatenate(found_a), np.concatenate(found_b), np.concatenate(found_s)


def _nearest(
    store: _TermStore, published: np.ndarray, window: float, threshold: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each article's nearest articles (up to ``_NEIGHBOURS``) at or above ``threshold``,
    among those within ``window`` days (an undated article: among all), as links (a, b,
    cosine) with a < b, each once."""
    n = len(published)
    dated = np.flatnonzero(published != _NO_DATE)
    undated = np.flatnonzero(published == _NO_DATE)
    order = dated[np.argsort(published[dated], kind="stable")]
    stamps = published[order]
    span = np.inf if math.isinf(window) else window * _DAY_US
    found_a, found_b, found_s = [], [], []

    def compare(queries: np.ndarray, others: np.ndarray, check_dates: bool) -> None:
        if not len(queries) or not len(others):
            return
        qa, qb, sim = _similarities(store.vectors(queries), store.vectors(others), threshold)
        a, b = queries[qa], others[qb]
        keep = (a != b) & (sim >= threshold)
        if check_dates and not math.isinf(span):
            gap = np.abs(published[a] - published[b])
            keep &= gap <= span
        a, b, sim = a[keep], b[keep], sim[keep]
        # The nearest few of each query article.
        rank = np.lexsort((b, -sim, a))
        a, b, sim = a[rank], b[rank], sim[rank]
        starts = np.r_[0, np.flatnonzero(np.diff(a)) + 1] if len(a) else np.empty(0, np.int64)
        nth = np.arange(len(a)) - np.repeat(starts, np.diff(np.r_[starts, len(a)]))
        near = nth < _NEIGHBOURS
        found_a.append(a[near])
        found_b.append(b[near])
        found_s.append(sim[near])

    for start in range(0, len(order), _BLOCK):
        block = order[start : start + _BLOCK]
        if math.isinf(span):
            low, high = 0, len(order)
        else:
            low = int(np.searchsorted(stamps, stamps[start] - span, "left"))
            high = int(
                np.searchsorted(stamps, stamps[min(start + _BLOCK, len(order)) - 1] + span, "right")
            )
        # The window's vectors a block at a time, so that a long window stays bounded.
        for w in range(low, high, 4 * _BLOCK):
            compare(block, order[w : min(high, w + 4 * _BLOCK)], True)
    everyone = np.arange(n)
    for start in range(0, len(undated), _BLOCK):
        for w in range(0, n, 4 * _BLOCK):
            compare(undated[start : start + _BLOCK], everyone[w : w + 4 * _BLOCK], False)
    if not found_a:
        empty = np.empty(0, np.int64)
        return empty, empty, np.empty(0)
    a, b, sim = np.concatenate(found_a), np.concatenate(found_b), np.concatenate(found_s)
    low, high = np.minimum(a, b), np.maximum(a, b)
    keys = low * max(n, 1) + high
    _, first = np.unique(keys, return_index=True)
    return low[first], high[first], sim[first]


# --------------------------------------------------------------------------- clustering


class _Centroids:
    """Each group's centroid: the sum of its members' vectors, as sorted (terms, weights).

    Links are joined strongest first over the whole corpus, so any group may be needed
    again at any time, and a sum cannot be rebuilt from its members with the same
    rounding (it was added up in the order the group grew). The ``_CENTROIDS`` used most
    recently are kept in memory and the others written to a file in ``workdir``: memory
    holds a bounded number of sums and three numbers per article. A lone article's
    vector is read again from the terms instead."""

    def __init__(self, store: _TermStore, n: int, workdir: Path) -> None:
        self.store = store
        self.of: OrderedDict[int, tuple[np.ndarray, np.ndarray]] = OrderedDict()
        self.size = np.ones(n, np.int64)
        self.at = np.full(n, -1, np.int64)  # where a group's written sum starts, or -1
        self.length = np.zeros(n, np.int64)  # its number of terms
        self._file = (workdir / "centroids.bin").open("w+b")
        self._end = 0

    def close(self) -> None:
        self._file.close()

    def get(self, root: int) -> tuple[np.ndarray, np.ndarray]:
        if root in self.of:
            self.of.move_to_end(root)
            return self.of[root]
        if self.at[root] >= 0:
            k = int(self.length[root])
            self._file.seek(int(self.at[root]))
            raw = self._file.read(16 * k)
            centroid = (np.frombuffer(raw, np.int64, k), np.frombuffer(raw, np.float64, k, 8 * k))
        else:
            _, terms, weights = self.store.vectors(np.array([root]))
            order = np.argsort(terms)
            centroid = (terms[order], weights[order])
        self._keep(root, centroid)
        return centroid

    def _keep(self, root: int, centroid: tuple[np.ndarray, np.ndarray]) -> None:
        self.of[root] = centroid
        while len(self.of) > _CENTROIDS:
            old, (terms, weights) = self.of.popitem(last=False)
            if self.size[old] > 1 and self.at[old] < 0:
                self._file.seek(self._end)
                self._file.write(terms.tobytes() + weights.tobytes())
                self.at[old], self.length[old] = self._end, len(terms)
                self._end += 16 * len(terms)

    def average(self, a: int, b: int) -> float:
        """The mean cosine over every pair of a member of ``a`` and a member of ``b``:
        the dot product of the two sums over the number of pairs, as group-average
        clustering compares two groups (without computing the pairs)."""
        ta, wa = self.get(a)
        tb, wb = self.get(b)
        _, ia, ib = np.intersect1d(ta, tb, assume_unique=True, return_indices=True)
        return float(wa[ia] @ wb[ib]) / (int(self.size[a]) * int(self.size[b]))

    def merge(self, into: int, other: int) -> None:
        ta, wa = self.get(into)
        tb, wb = self.get(other)
        self.of.pop(other, None)
        terms, inverse = np.unique(np.concatenate([ta, tb]), return_inverse=True)
        self.size[into] += self.size[other]
        self.at[into] = self.at[other] = -1  # a written sum is out of date
        self.of.pop(into, None)
        self._keep(into, (terms, np.bincount(inverse, weights=np.concatenate([wa, wb]))))


def _cluster(
    store: _TermStore,
    groups: np.ndarray,
    links: tuple[np.ndarray, np.ndarray, np.ndarray],
    threshold: float,
    workdir: Path,
    published: np.ndarray | None = None,
    span: float = math.inf,
) -> tuple[np.ndarray, np.ndarray]:
    """Each article's group root, and how it joined (0 alone, 1 version, 2 content).

    A link from an undated article (``published`` is ``_NO_DATE``) joins two groups only
    if their dated articles lie within ``span`` microseconds of each other: an article
    without a date is grouped by content, but never bridges two stories the window keeps
    apart."""
    n = len(groups)
    parent = np.arange(n)
    if published is None:
        published = np.full(n, _NO_DATE, np.int64)
    dated = published != _NO_DATE
    # Each group's first and last date (a group with no dated article: none).
    first = np.where(dated, published, np.iinfo(np.int64).max)
    last = np.where(dated, published, np.iinfo(np.int64).min)

    def find(i: int) -> int:
        root = i
        while parent[root] != root:
            root = parent[root]
        while parent[i] != root:
            parent[i], i = root, parent[i]
        return root

    def dated_group(root: int) -> bool:
        return bool(first[root] <= last[root])

    centroids = _Centroids(store, n, workdir)
    how = np.zeros(n, np.int8)

    def join(ra: int, rb: int) -> None:
        into, other = min(ra, rb), max(ra, rb)
        centroids.merge(into, other)
        parent[other] = into
        first[into] = min(first[into], first[other])
        last[into] = max(last[into], last[other])

    # Versions of one article start as one group: each joins its group's first article.
    _, leaders, inverse = np.unique(groups, return_index=True, return_inverse=True)
    leader = leaders[inverse.reshape(-1)]
    for i in np.flatnonzero(leader != np.arange(n)).tolist():
        ra, rb = find(int(leader[i])), find(i)
        if ra != rb:
            join(ra, rb)
        how[i] = how[leader[i]] = 1
    a, b, sim = links
    for k in np.lexsort((b, a, -sim)).tolist():
        ra, rb = find(int(a[k])), find(int(b[k]))
        if ra == rb:
            continue
        if not (dated[a[k]] and dated[b[k]]) and not math.isinf(span):
            # the gap between the two groups' dates, where both have dated articles
            low, high = max(first[ra], first[rb]), min(last[ra], last[rb])
            if dated_group(ra) and dated_group(rb) and low - high > span:
                continue
        if centroids.average(ra, rb) < threshold:
            continue
        join(ra, rb)
        for i in (int(a[k]), int(b[k])):
            how[i] = max(how[i], 2)
    centroids.close()
    return np.fromiter((find(i) for i in range(n)), np.int64, n), how


def check_grouping(window: object, threshold: object, prefix: str = "") -> tuple[float, float]:
    """The grouping's window (days) and threshold (a cosine), as numbers; ``prefix`` is
    how the caller names them (``story_`` in :func:`framing.analyse`).

    Raises:
        ArgumentError: Either is unusable.
    """
    if isinstance(window, bool) or not isinstance(window, int | float) or not window >= 0:
        raise ArgumentError(
            f"{prefix}window={window!r}: pass days (a number ≥ 0, or math.inf to ignore dates)"
        )
    if isinstance(threshold, bool) or not isinstance(threshold, int | float):
        raise ArgumentError(f"{prefix}threshold={threshold!r}: pass a cosine in (0, 1]")
    if not 0 < threshold <= 1:
        raise ArgumentError(f"{prefix}threshold={threshold!r}: pass a cosine in (0, 1]")
    return float(window), float(threshold)


def group_stories(
    source: Corpus | Analysis,
    *,
    window: float = DEFAULT_WINDOW,
    threshold: float = DEFAULT_THRESHOLD,
    workdir: str | Path | None = None,
) -> pd.DataFrame:
    """Group a corpus's articles into stories: articles about the same event, published
    within ``window`` days of each other, by the similarity of their content.

    See the module docstring for the method (retrospective event detection, Yang, Pierce
    & Carbonell 1998, with Allan, Papka & Lavrenko's 1998 time window). Versions of one
    article are one story; an article without a date is grouped by content alone.

    Args:
        source: A corpus (:func:`framing.load_corpus`; one not yet read is streamed from
            its source) or an analysis (its analysed articles, texts from its corpus or
            results directory).
        window: Days two linked articles may lie apart (``math.inf``: dates ignored).
        threshold: TF-IDF cosine (0–1) at or above which two articles are linked, and
            two groups' mean pairwise cosine must reach to be joined; higher = smaller stories.
        workdir: Where the articles' terms are kept while grouping (default: a
            temporary folder, removed after).

    Returns:
        One row per article, in the corpus's order: ``doc_id``, ``story``
        (``story-0001``… by first date, then first doc id), ``outlet``, ``published``,
        ``version_group``, ``story_n_articles``, ``nearest_doc_id`` and
        ``nearest_similarity`` (the most similar other article of its story among its
        links, empty if none), ``joined_by`` (``content``, ``version`` or ``alone``).

    Raises:
        ArgumentError: ``source``, ``window`` or ``threshold`` unusable.

    Example:
        >>> stories = group_stories(framing.load_corpus("articles/"))  # doctest: +SKIP
        >>> stories.groupby("story").size()  # doctest: +SKIP
    """
    if not isinstance(source, Corpus | Analysis):
        raise ArgumentError(
            "group_stories() takes a Corpus (framing.load_corpus) or an Analysis "
            f"(framing.analyse), got {type(source).__name__}"
        )
    window, threshold = check_grouping(window, threshold)
    with tempfile.TemporaryDirectory(prefix="framing-stories-", dir=workdir) as tmp:
        reader = _Source(source, Path(tmp))
        store = _TermStore(Path(tmp))
        for chunk in reader.chunks():
            store.add(chunk["title"].tolist(), chunk["text"].tolist())
        store.finish()
        meta = reader.meta()
        keep = getattr(reader, "keep", None)
        published = meta.published.copy()
        groups = meta.version_group.copy()
        if keep is not None and not keep.all():
            # A doc id used twice: the later article is not part of the corpus; it is
            # left out of every link, then dropped.
            published[~keep] = _NO_DATE
        links = _nearest(store, published, float(window), float(threshold))
        if keep is not None and not keep.all():
            fine = keep[links[0]] & keep[links[1]]
            links = (links[0][fine], links[1][fine], links[2][fine])
        span = math.inf if math.isinf(window) else window * _DAY_US
        roots, how = _cluster(store, groups, links, threshold, Path(tmp), published, span)
        store.close()
    table = _table(meta, roots, how, links, keep)
    # The settings, for analyse(stories=table)'s note.
    table.attrs["group_stories"] = {"window": float(window), "threshold": float(threshold)}
    return table


def _table(meta: _Meta, roots, how, links, keep) -> pd.DataFrame:
    n = len(roots)
    published = pd.Series(meta.published).where(meta.published != _NO_DATE)
    published = pd.to_datetime(published, unit="us").astype("datetime64[us]")
    frame = pd.DataFrame(
        {
            "doc_id": meta.doc_id,
            "root": roots,
            "outlet": meta.outlet,
            "published": published,
            "version_group": meta.version_group,
        }
    )
    if keep is not None:
        frame = frame[keep]
    first = frame.groupby("root").agg(first_date=("published", "min"), first_id=("doc_id", "min"))
    first = first.sort_values(["first_date", "first_id"], na_position="last")
    width = max(4, len(str(len(first))))
    names = {root: f"story-{i:0{width}d}" for i, root in enumerate(first.index, 1)}
    frame["story"] = frame["root"].map(names)
    frame["story_n_articles"] = frame.groupby("root")["doc_id"].transform("size").astype("int64")
    # Each article's most similar linked article in its own story.
    a, b, sim = links
    same = roots[a] == roots[b] if len(a) else np.zeros(0, bool)
    best_doc = np.full(n, -1, np.int64)
    best_sim = np.full(n, np.nan)
    for x, y, s in zip(
        np.r_[a[same], b[same]], np.r_[b[same], a[same]], np.r_[sim[same], sim[same]], strict=True
    ):
        if not s <= best_sim[x]:
            best_sim[x], best_doc[x] = s, y
    nearest = np.where(best_doc >= 0, meta.doc_id[np.maximum(best_doc, 0)], None)
    frame["nearest_doc_id"] = pd.Series(nearest, dtype="str").where(best_doc >= 0)[frame.index]
    frame["nearest_similarity"] = best_sim[frame.index]
    frame["joined_by"] = pd.Series(np.array(["alone", "version", "content"])[how])[frame.index]
    frame.loc[(frame["story_n_articles"] == 1), "joined_by"] = "alone"
    return frame[list(STORY_COLUMNS)].reset_index(drop=True)
