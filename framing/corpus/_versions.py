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

At corpus scale the index is built out of core, so memory stays flat however many
articles there are: each article keeps only its sorted sample (:func:`signature`, a
few hundred 8-byte numbers), written to disk with its chunk of results; the samples
are read back one slice of the hash range at a time, each slice's shared shingles
give candidate pairs, and the pairs are written to partition files by their key, so
that every pair's count is finished within one partition, read back one at a time. A
shingle found in more than :data:`MAX_POSTINGS` articles is boilerplate, not evidence,
and gives no pairs.
"""

from __future__ import annotations

import itertools
import re
import tempfile
import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

__all__ = [
    "ChunkSignatures",
    "VersionPair",
    "find_pairs",
    "find_version_pairs",
    "signature",
]

_WORD = re.compile(r"\w+")
_SHINGLE = 5
_SAMPLE_MOD = 4
#: Shingles found in more than this many articles are boilerplate, not evidence.
MAX_POSTINGS = 200
_MIN_SHARED = 3
# Sample entries read into memory at once, candidate pairs made at once, and articles
# per partition of the pair counts: together they bound the memory of pair finding
# (about 100 MiB however large the corpus).
_SLICE_ENTRIES = 1_000_000
_PAIRS_PER_BATCH = 1 << 19
_DOCS_PER_PARTITION = 500


@dataclass(frozen=True, slots=True)
class VersionPair:
    a: int
    b: int
    shared: int
    containment: float


def _sampled_shingles(text: str) -> frozenset[int]:
    # Words become CRC-32 numbers and a 5-gram the hash of their tuple: hashes of
    # ints and tuples of ints are not salted per process, so the sample is the same
    # on every run and in every worker process.
    words = list(map(zlib.crc32, map(str.encode, _WORD.findall(text.casefold()))))
    grams = zip(*(words[i:] for i in range(_SHINGLE)), strict=False)
    keep = _SAMPLE_MOD - 1  # h % 4 == 0 is h & 3 == 0, negative hashes included
    return frozenset(h for h in map(hash, grams) if not h & keep)


def signature(text: str) -> np.ndarray:
    """The article's sampled shingles as a sorted int64 array (its version signature)."""
    sample = np.fromiter(_sampled_shingles(text), dtype=np.int64)
    sample.sort()
    return sample


@dataclass(frozen=True)
class ChunkSignatures:
    """One chunk's sample entries, sorted by hash, as :func:`find_pairs` reads them.

    Attributes:
        read: Returns ``(rows, hashes)``: each entry's row and shingle hash (the arrays may
            be memory-mapped from disk; only the slice being paired is copied out).
        docs: The global article number of each row, -1 for an article left out (a
            duplicate id); None where the rows are global numbers already.
    """

    read: Callable[[], tuple[np.ndarray, np.ndarray]]
    docs: np.ndarray | None = None


def find_pairs(
    chunks: Sequence[ChunkSignatures],
    sizes: np.ndarray,
    threshold: float,
    workdir: str | Path | None = None,
) -> list[VersionPair]:
    """Version pairs among ``len(sizes)`` articles, in bounded memory.

    Args:
        chunks: Every chunk's sample entries (:class:`ChunkSignatures`).
        sizes: The number of sampled shingles of each article.
        threshold: Containment (0–1) at which two articles are versions.
        workdir: Where to spill candidate pairs (a temporary folder by default).

    Returns:
        The pairs, sorted by (a, b), with a < b.
    """
    n = len(sizes)
    if n < 2:
        return []
    total = int(sizes.sum())
    edges = _slice_edges(total)
    with tempfile.TemporaryDirectory(dir=workdir, prefix="version-pairs-") as spill:
        partitions = _Partitions(Path(spill), max(1, n // _DOCS_PER_PARTITION))
        for low, high in itertools.pairwise(edges):
            docs, hashes = _read_slice(chunks, low, high)
            _emit_pairs(docs, hashes, n, partitions)
        pairs: list[VersionPair] = []
        for keys in partitions.drain():
            unique, counts = np.unique(keys, return_counts=True)
            keep = counts >= _MIN_SHARED
            unique, counts = unique[keep], counts[keep]
            a, b = np.divmod(unique, n)
            containment = counts / np.minimum(sizes[a], sizes[b])
            hit = containment >= threshold
            pairs.extend(
                VersionPair(int(x), int(y), int(c), round(float(r), 4))
                for x, y, c, r in zip(a[hit], b[hit], counts[hit], containment[hit], strict=True)
            )
    pairs.sort(key=lambda p: (p.a, p.b))
    return pairs


def _slice_edges(total: int) -> list[int]:
    """Bounds that cut the int64 hash range into slices of about _SLICE_ENTRIES entries
    (hashes are spread evenly over the range)."""
    count = max(1, -(-total // _SLICE_ENTRIES))
    lo, hi = -(2**63), 2**63
    return [lo + (hi - lo) * i // count for i in range(count + 1)]


def _read_slice(
    chunks: Sequence[ChunkSignatures], low: int, high: int
) -> tuple[np.ndarray, np.ndarray]:
    """The entries of every chunk whose hash is in [low, high), as global article numbers.
    Each chunk is cut to the slice before anything is copied, so memory holds one slice."""
    docs, hashes = [], []
    for chunk in chunks:
        rows, chunk_hashes = chunk.read()
        start = np.searchsorted(chunk_hashes, low, side="left") if low > -(2**63) else 0
        stop = np.searchsorted(chunk_hashes, high, side="left") if high < 2**63 else None
        part = np.asarray(rows[start:stop], dtype=np.int64)
        part_hashes = np.array(chunk_hashes[start:stop], dtype=np.int64)
        if chunk.docs is not None:
            part = chunk.docs[part]
            kept = part >= 0
            part, part_hashes = part[kept], part_hashes[kept]
        docs.append(part)
        hashes.append(part_hashes)
    if not docs:
        return np.empty(0, np.int64), np.empty(0, np.int64)
    return np.concatenate(docs), np.concatenate(hashes)


def _emit_pairs(docs: np.ndarray, hashes: np.ndarray, n: int, partitions: _Partitions) -> None:
    """Every pair of articles sharing a shingle of this slice, once per shingle shared."""
    if len(hashes) < 2:
        return
    order = np.lexsort((docs, hashes))
    docs, hashes = docs[order], hashes[order]
    starts = np.flatnonzero(np.r_[True, hashes[1:] != hashes[:-1]])
    lengths = np.diff(np.r_[starts, len(hashes)])
    useful = (lengths > 1) & (lengths <= MAX_POSTINGS)
    starts, lengths = starts[useful], lengths[useful]
    for size in np.unique(lengths):
        group_starts = starts[lengths == size]
        upper = np.triu_indices(int(size), 1)
        per_group = len(upper[0])
        step = max(1, _PAIRS_PER_BATCH // per_group)
        for i in range(0, len(group_starts), step):
            members = docs[group_starts[i : i + step, None] + np.arange(size)]
            a = members[:, upper[0]].ravel()
            b = members[:, upper[1]].ravel()
            partitions.add(a * n + b)


class _Partitions:
    """Pair keys split by key into partition files, so that counting one partition sees
    every copy of its keys; only one batch of keys is in memory at a time."""

    def __init__(self, folder: Path, count: int) -> None:
        self.folder = folder
        self.count = max(1, min(count, 256))
        self.written = [False] * self.count

    def add(self, keys: np.ndarray) -> None:
        if self.count == 1:
            self._write(0, keys)
            return
        part = keys % self.count
        order = np.argsort(part, kind="stable")
        part, keys = part[order], keys[order]
        bounds = np.searchsorted(part, np.arange(self.count + 1))
        for p in range(self.count):
            if bounds[p] < bounds[p + 1]:
                self._write(p, keys[bounds[p] : bounds[p + 1]])

    def _write(self, p: int, keys: np.ndarray) -> None:
        with (self.folder / f"part-{p}.bin").open("ab") as out:
            keys.astype(np.int64).tofile(out)
        self.written[p] = True

    def drain(self) -> Iterable[np.ndarray]:
        for p in range(self.count):
            if self.written[p]:
                path = self.folder / f"part-{p}.bin"
                yield np.fromfile(path, dtype=np.int64)
                path.unlink()


def find_version_pairs(texts: Sequence[str], threshold: float = 0.5) -> list[VersionPair]:
    """Pairs of texts whose containment reaches ``threshold`` (0–1)."""
    samples = [signature(t) for t in texts]
    sizes = np.array([len(s) for s in samples], dtype=np.int64)
    docs = np.repeat(np.arange(len(samples), dtype=np.int64), sizes)
    hashes = np.concatenate(samples) if samples else np.empty(0, np.int64)
    order = np.argsort(hashes, kind="stable")
    docs, hashes = docs[order], hashes[order]
    return find_pairs([ChunkSignatures(lambda: (docs, hashes))], sizes, threshold)
