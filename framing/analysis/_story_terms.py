"""Story grouping's reading side: each article's terms (headline and text as alignment
reads them, names counted more), read a chunk at a time from a corpus, a streamed
source or a results directory, and kept in a temporary file with their document
frequencies (:class:`_TermStore`), from which :mod:`._stories` builds the vectors it
compares. See :mod:`._stories` for the method."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .._words import is_all_caps, stem, tokens, word_form
from ..corpus import Corpus
from ..errors import ArgumentError
from ..features import content_stop_words
from ._result import Analysis

#: Terms kept per article on disk, and in its vector.
_STORED_TERMS = 64
#: Articles read per chunk.
_CHUNK = 500
#: Term weight of a headline's words relative to the body's.
_TITLE_TF = 2
#: Term weight of a proper noun's occurrence (capitalised inside a sentence).
_PROPER_TF = 3
#: Pseudo-documents added to the corpus for idf, containing none of its terms.
_IDF_PRIOR_DOCS = 100
#: An article's record in the terms file: its kept terms' ids (0: none) and counts.
_RECORD = np.dtype([("ids", np.int64, _STORED_TERMS), ("tf", np.float32, _STORED_TERMS)])
#: Term ids gathered for document frequencies before they are merged into the counts.
_PENDING_TERMS = 1 << 19

_STOPWORDS = content_stop_words()


def _term_id(term: str) -> int:
    """A stable 63-bit id for a term (the same in every process and run)."""
    digest = hashlib.blake2b(term.encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(digest, "little") >> 1 or 1  # 0 pads a row


def _word(form: str) -> str | None:
    """A content word's term, or None for a function word, number or single letter."""
    capitals = is_all_caps(form)
    raw = form.lower()
    if (raw in _STOPWORDS and not capitals) or not any(c.isalpha() for c in raw):
        return None
    if any(c.isdigit() for c in raw):
        return None
    raw = "".join(p for p in raw.replace("'", "-").split("-") if p)
    if len(raw) < 2 or (raw in _STOPWORDS and not capitals):
        return None
    return stem(raw)


@lru_cache(maxsize=1 << 16)
def _token(token: str) -> tuple[str | None, bool, str]:
    """A token's term (:func:`_word` of its form), whether it is capitalised as a name
    is (a capital, and not a function word unless in capitals) and its lowercase form."""
    form = word_form(token)
    lower = form.lower()
    capitalised = form[:1].isupper() and (lower not in _STOPWORDS or is_all_caps(form))
    return _word(form), capitalised, lower


def article_terms(title: str | None, text: str | None) -> dict[str, tuple[int, int]]:
    """An article's terms: each stemmed content word and each name, with its count and the
    position it is first used at (the headline's words count twice and come first).

    >>> terms = article_terms("Leak at port", "Defence Secretary John Healey said.")
    >>> terms["leak"], terms["healey"], terms["@defence secretary john healey"]
    ((2, 0), (3, 6), (1, 7))
    """
    out: dict[str, list[int]] = {}
    position = 0

    def add(term: str, tf: int) -> None:
        seen = out.get(term)
        if seen is None:
            out[term] = [tf, position]
        else:
            seen[0] += tf

    for match in tokens(title or ""):
        term = _token(match.group())[0]
        if term:
            add(term, _TITLE_TF)
        position += 1
    body = text or ""
    run: list[str] = []
    end = -1
    for match in tokens(body):
        term, capitalised, lower = _token(match.group())
        if term:
            before = body[max(0, match.start() - 3) : match.start()].rstrip(" \"'“‘(")
            proper = capitalised and before[-1:] not in ("", ".", "!", "?", "\n", ":")
            add(term, _PROPER_TF if proper else 1)
        # Names: capitalised words next to each other (only spaces between them).
        adjacent = end >= 0 and body[end : match.start()].isspace()
        if capitalised and (adjacent or not run):
            run.append(lower)
        else:
            if len(run) >= 2:
                add("@" + " ".join(run), 1)
            run = [lower] if capitalised else []
        end = match.end()
        position += 1
    if len(run) >= 2:
        add("@" + " ".join(run), 1)
    return {t: (v[0], v[1]) for t, v in out.items()}


# --------------------------------------------------------------------------- reading


@dataclass
class _Meta:
    """What is kept of every article: its id, outlet, date and version group."""

    doc_id: np.ndarray
    outlet: np.ndarray
    published: np.ndarray  # int64 microseconds, NaT as _NO_DATE
    version_group: np.ndarray

    def __post_init__(self) -> None:
        # One string per outlet, and an article's own doc id as its version group, instead
        # of a string per article each (read from Arrow, every value is a new string).
        if len(self.doc_id):
            shared: dict[Any, Any] = {}
            self.outlet = np.array([shared.setdefault(o, o) for o in self.outlet], dtype=object)
            own = self.version_group == self.doc_id
            self.version_group = np.where(own, self.doc_id, self.version_group)


_NO_DATE = np.iinfo(np.int64).min


def _stamps(values: Any) -> np.ndarray:
    when = pd.to_datetime(pd.Series(values), errors="coerce")
    if getattr(when.dt, "tz", None) is not None:
        when = when.dt.tz_convert("UTC").dt.tz_localize(None)
    out = when.astype("datetime64[us]").to_numpy().astype(np.int64)
    out[when.isna().to_numpy()] = _NO_DATE
    return out


def _frame_chunks(frame: pd.DataFrame, size: int) -> Iterator[pd.DataFrame]:
    for start in range(0, len(frame), size):
        yield frame.iloc[start : start + size]


def _meta_of(frame: pd.DataFrame) -> _Meta:
    groups = frame["version_group"] if "version_group" in frame else frame["doc_id"]
    groups = groups.where(groups.notna(), frame["doc_id"])
    outlets = frame["outlet"] if "outlet" in frame else pd.Series([None] * len(frame))
    published = frame["published"] if "published" in frame else [None] * len(frame)
    return _Meta(
        frame["doc_id"].astype(str).to_numpy(dtype=object),
        outlets.to_numpy(dtype=object),
        _stamps(published),
        groups.astype(str).to_numpy(dtype=object),
    )


class _Source:
    """Texts a chunk at a time (``chunks``), then every article's metadata (``meta``)."""

    def __init__(self, source: Corpus | Analysis, workdir: Path) -> None:
        self.source = source
        self.workdir = workdir
        self._meta: _Meta | None = None

    def chunks(self) -> Iterator[pd.DataFrame]:
        """Frames of ``doc_id``, ``title``, ``text`` in the order :meth:`meta` gives."""
        source = self.source
        if isinstance(source, Analysis):
            yield from self._analysis_chunks(source)
        elif source.plan is None or source.loaded:
            articles = source.articles
            self._meta = _meta_of(articles)
            yield from _frame_chunks(articles[["doc_id", "title", "text"]], _CHUNK)
        else:
            yield from self._streamed(source)

    def meta(self) -> _Meta:
        assert self._meta is not None, "chunks() first"
        return self._meta

    def _analysis_chunks(self, analysis: Analysis) -> Iterator[pd.DataFrame]:
        columns = ["doc_id", "outlet", "published", "version_group"]
        articles = analysis._article_columns(columns)
        self._meta = _meta_of(articles)
        wanted = pd.Index(self._meta.doc_id)
        corpus = analysis.corpus
        if analysis.directory is not None and (corpus is None or not corpus.loaded):
            import pyarrow.dataset as ds

            parts = sorted((Path(analysis.directory) / "corpus").glob("part-*.parquet"))
            data = ds.dataset([str(p) for p in parts], format="parquet")
            frames = (
                batch.to_pandas()
                for batch in data.to_batches(columns=["doc_id", "title", "text"], batch_size=_CHUNK)
            )
        elif corpus is not None:
            frames = _frame_chunks(corpus.articles[["doc_id", "title", "text"]], _CHUNK)
        else:
            raise ArgumentError(
                "group_stories(): this analysis keeps no corpus, so its texts cannot be read; "
                "pass the corpus (framing.load_corpus) instead"
            )
        # Only the analysed articles, in the order of analysis.articles.
        texts: dict[int, pd.DataFrame] = {}
        for frame in frames:
            at = wanted.get_indexer(frame["doc_id"].astype(str))
            frame = frame[at >= 0].assign(_at=at[at >= 0])
            if len(frame):
                texts[int(frame["_at"].iloc[0])] = frame
        # Analysis tables are in corpus order, so the parts come in order; sort to be sure.
        ordered = pd.concat([texts[k] for k in sorted(texts)], ignore_index=True) if texts else None
        if ordered is None:
            return
        ordered = ordered.sort_values("_at", kind="stable")
        if len(ordered) != len(wanted):
            missing = len(wanted) - len(ordered)
            raise ArgumentError(
                f"group_stories(): {missing} analysed articles have no text in the corpus "
                "table; pass the corpus instead"
            )
        yield from _frame_chunks(ordered[["doc_id", "title", "text"]], _CHUNK)

    def _streamed(self, corpus: Corpus) -> Iterator[pd.DataFrame]:
        """Stream a corpus not yet read, as analyse() does: prepare each chunk (clean,
        sign), then decide duplicates, outlets and versions over the whole corpus."""
        from itertools import islice

        from ..corpus._prepare import chunk_meta, prepare, resolve, signature_entries

        plan = corpus.plan
        assert plan is not None
        signatures = plan.version_threshold is not None
        metas: list[pd.DataFrame] = []
        readers = []
        items = plan.read()
        index = 0
        while True:
            batch = list(islice(items, _CHUNK))
            if not batch:
                break
            chunk = prepare(
                batch, plan.rules, signatures=signatures, extra=(), repair=plan.repair_mojibake
            )
            metas.append(chunk_meta(chunk))
            if signatures:
                rows, hashes = signature_entries(chunk)
                path = self.workdir / f"signatures-{index}.npz"
                np.savez(path, rows=rows, hashes=hashes)
                readers.append(_npz_reader(path))
            yield chunk.articles[["doc_id", "title", "text"]]
            index += 1
        resolution = resolve(
            metas,
            readers if signatures else None,
            plan.outlet_aliases,
            plan.version_threshold,
            plan.primary,
            workdir=str(self.workdir),
        )
        decided = resolution.decided(-1)
        ids = pd.concat([m["doc_id"] for m in metas], ignore_index=True) if metas else pd.Series()
        published = pd.concat([m["published"] for m in metas], ignore_index=True) if metas else []
        # An id used twice keeps its first article (the corpus makes the others errors).
        first = ~ids.duplicated(keep="first")
        rows = decided.reindex(ids.astype(object))
        self._meta = _Meta(
            ids.astype(str).to_numpy(dtype=object),
            rows["outlet"].to_numpy(dtype=object),
            _stamps(published),
            rows["version_group"]
            .where(rows["version_group"].notna(), ids.to_numpy())
            .to_numpy(dtype=object),
        )
        self.keep = first.to_numpy()


def _npz_reader(path: Path):
    def read() -> tuple[np.ndarray, np.ndarray]:
        with np.load(path) as data:
            return data["rows"], data["hashes"]

    return read


# --------------------------------------------------------------------------- terms on disk


class _TermStore:
    """Every article's kept terms (ids and counts, fixed width) in a temporary file, and
    the document frequency of every term of the corpus (a sorted array, merged as the
    chunks come, so it grows with the vocabulary, not with the articles)."""

    def __init__(self, workdir: Path) -> None:
        self.path = workdir / "terms.bin"
        self._file = self.path.open("wb")
        self.n = 0
        self.vocab = np.empty(0, np.int64)
        self.df = np.empty(0, np.int64)
        self._pending: list[np.ndarray] = []
        self._pending_size = 0

    def add(self, titles: list[Any], texts: list[Any]) -> None:
        ids = np.zeros((len(texts), _STORED_TERMS), np.int64)
        tfs = np.zeros((len(texts), _STORED_TERMS), np.float32)
        every: list[int] = []
        # Term ids of this chunk's terms only: a cache over the corpus grows with its
        # vocabulary (names, invented words), and hashing a term again per chunk is cheap.
        known: dict[str, int] = {}
        for row, (title, text) in enumerate(zip(titles, texts, strict=True)):
            terms = article_terms(
                title if isinstance(title, str) else None, text if isinstance(text, str) else None
            )
            hashed = [known.get(t) or known.setdefault(t, _term_id(t)) for t in terms]
            every.extend(set(hashed))
            kept = sorted(
                zip(terms.values(), hashed, strict=True), key=lambda x: (-x[0][0], x[0][1])
            )
            kept = kept[:_STORED_TERMS]
            ids[row, : len(kept)] = [h for _, h in kept]
            tfs[row, : len(kept)] = [tf for (tf, _), _ in kept]
        record = np.empty(len(texts), dtype=_RECORD)
        record["ids"] = ids
        record["tf"] = tfs
        self._file.write(record.tobytes())
        self.n += len(texts)
        self._pending.append(np.array(every, np.int64))
        self._pending_size += len(every)
        if self._pending_size > _PENDING_TERMS:
            self._merge()

    def _merge(self) -> None:
        if not self._pending:
            return
        terms, counts = np.unique(np.concatenate(self._pending), return_counts=True)
        self._pending, self._pending_size = [], 0
        both = np.concatenate([self.vocab, terms])
        weights = np.concatenate([self.df, counts])
        self.vocab, inverse = np.unique(both, return_inverse=True)
        self.df = np.bincount(inverse, weights=weights, minlength=len(self.vocab)).astype(np.int64)

    def finish(self) -> None:
        self._merge()
        self._file.close()
        # Read, not mapped: the pages of a mapped file stay in the process's resident
        # memory once touched, and the file is 768 bytes an article (73 MiB at 100,000).
        self._reader = self.path.open("rb", buffering=0)
        self.idf = (1.0 + np.log((1.0 + self.n + _IDF_PRIOR_DOCS) / (1.0 + self.df))).astype(
            np.float32
        )

    def close(self) -> None:
        self._reader.close()

    def _rows(self, rows: np.ndarray) -> np.ndarray:
        """The stored records of ``rows``, read a run of consecutive rows at a time."""
        order = np.argsort(rows, kind="stable")
        wanted = rows[order]
        records = np.empty(len(rows), _RECORD)
        if not len(rows):
            return records
        runs = np.flatnonzero(np.diff(wanted) != 1) + 1
        for lo, hi in pairwise([0, *runs.tolist(), len(wanted)]):
            self._reader.seek(int(wanted[lo]) * _RECORD.itemsize)
            read = self._reader.readinto(records[lo:hi].view(np.uint8))
            assert read == (hi - lo) * _RECORD.itemsize, "the terms file is shorter than its rows"
        out = np.empty_like(records)
        out[order] = records
        return out

    def vectors(self, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The L2-normalised vectors of ``rows`` as entries (row position, term, weight)."""
        stored = self._rows(rows)
        ids = np.asarray(stored["ids"])
        tf = np.asarray(stored["tf"])
        present = tf > 0
        if not len(self.vocab):  # no article has a word to compare: every vector is empty
            empty = np.array([], dtype=np.int64)
            return empty, empty, np.array([], dtype=np.float64)
        where = np.searchsorted(self.vocab, ids)
        where[~present] = 0
        weight = np.where(present, (1.0 + np.log(np.maximum(tf, 1.0))) * self.idf[where], 0.0)
        norm = np.sqrt((weight**2).sum(axis=1, keepdims=True))
        weight = np.divide(weight, norm, out=np.zeros_like(weight), where=norm > 0)
        position = np.repeat(np.arange(len(rows)), weight.shape[1]).reshape(weight.shape)
        keep = weight > 0
        return position[keep], ids[keep], weight[keep].astype(np.float64)
