"""Versions and syndicated copies: articles that are, in substance, the same text.

Two captures of one article (a re-scrape, an updated version) and a wire story run by
several outlets share long runs of identical wording. Each article is reduced to its
word 5-grams ("shingles"); a fixed, hash-chosen quarter of them is kept (the same
choice for every article, so shared passages keep shared samples). Candidate pairs
come from an inverted index over those samples, and a pair is a version pair when
the *containment* of the shorter article in the longer one,
|A ∩ B| / min(|A|, |B|), reaches the threshold: containment rather than Jaccard,
because an updated version adds paragraphs and a fuller capture adds furniture.
Pairs are joined into groups transitively (union-find). This is Broder's (1997)
resemblance/containment estimate with modular sampling, kept simple enough to audit.
"""

from __future__ import annotations

import re
import zlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations

__all__ = ["VersionPair", "find_version_pairs", "group_versions"]

_WORD = re.compile(r"\w+")
_SHINGLE = 5
_SAMPLE_MOD = 4
# Shingles found in more than this many articles are boilerplate, not evidence.
_MAX_POSTINGS = 200
_MIN_SHARED = 3


@dataclass(frozen=True, slots=True)
class VersionPair:
    a: int
    b: int
    shared: int
    containment: float


def _sampled_shingles(text: str) -> frozenset[int]:
    # Words become CRC-32 numbers and a 5-gram the hash of their tuple: hashes of
    # ints and tuples of ints are not salted per process, so the sample is the same
    # on every run.
    words = [zlib.crc32(w.encode()) for w in _WORD.findall(text.casefold())]
    grams = zip(*(words[i:] for i in range(_SHINGLE)), strict=False)
    return frozenset(h for h in map(hash, grams) if h % _SAMPLE_MOD == 0)


def find_version_pairs(texts: Sequence[str], threshold: float = 0.5) -> list[VersionPair]:
    """Pairs of texts whose containment reaches ``threshold`` (0–1)."""
    shingles = [_sampled_shingles(t) for t in texts]
    postings: dict[int, list[int]] = {}
    for doc, sample in enumerate(shingles):
        for h in sample:
            postings.setdefault(h, []).append(doc)
    shared: Counter[tuple[int, int]] = Counter()
    for docs in postings.values():
        if 1 < len(docs) <= _MAX_POSTINGS:
            shared.update(combinations(docs, 2))
    pairs = []
    for (a, b), count in shared.items():
        if count < _MIN_SHARED:
            continue
        containment = count / min(len(shingles[a]), len(shingles[b]))
        if containment >= threshold:
            pairs.append(VersionPair(a, b, count, round(containment, 4)))
    pairs.sort(key=lambda p: (p.a, p.b))
    return pairs


def group_versions(n: int, pairs: Sequence[VersionPair]) -> list[int]:
    """Group index per text: the smallest index in its connected group."""
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for pair in pairs:
        ra, rb = find(pair.a), find(pair.b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return [find(i) for i in range(n)]
