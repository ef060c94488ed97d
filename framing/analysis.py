"""Step 4 of the flow: run every registered feature over a corpus into tidy tables.

Each article is segmented once (:func:`framing.text.segment`); every feature reads
that one segmentation. An article that fails (too long, not English, a feature
raising) becomes a row in ``Analysis.errors`` and the run goes on, so that always
``len(corpus.articles) + len(corpus.errors) == len(analysis.articles) +
len(analysis.errors)``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from os import PathLike
from pathlib import Path
from typing import Any

import pandas as pd

from .corpus import ERROR_COLUMNS, Corpus
from .errors import ArgumentError, ColumnError, FramingError
from .features import FEATURES, ArticleInput, Feature
from .features.actors import load_actor_aliases
from .features.attribution import load_attribution_lexicons
from .features.emphasis._lexicon import load_angles
from .features.hedging import load_hedge_lexicons
from .text import Segmented, segment

__all__ = ["Analysis", "analyse"]

#: Metadata carried from the corpus into ``Analysis.articles``.
META_COLUMNS = (
    "doc_id",
    "outlet",
    "published",
    "title",
    "url",
    "story",
    "language",
    "version_group",
    "is_primary",
    "syndicated",
)
#: Structure columns every article gets, from the segmentation.
STRUCTURE_COLUMNS = {
    "n_paragraphs": "int64",
    "n_sentences": "int64",
    "n_words": "int64",
    "n_quotes": "int64",
}
SENTENCE_BASE_COLUMNS = {
    "doc_id": "str",
    "sentence": "int64",
    "paragraph": "int64",
    "start": "int64",
    "end": "int64",
    "text": "str",
    "n_words": "int64",
}
QUOTE_COLUMNS = {
    "start": "int64",
    "end": "int64",
    "content_start": "int64",
    "content_end": "int64",
    "closed": "bool",
    "text": "str",
}

DEFAULT_MAX_CHARS = 1_000_000

# Frequent English function words. A text of 30+ words where fewer than 8% of the
# words are among them is not English prose (English news runs at 40–50%).
_ENGLISH_FUNCTION_WORDS = frozenset(
    [
        "the",
        "of",
        "and",
        "to",
        "a",
        "in",
        "that",
        "is",
        "was",
        "he",
        "for",
        "it",
        "with",
        "as",
        "his",
        "on",
        "be",
        "at",
        "by",
        "i",
        "this",
        "had",
        "not",
        "are",
        "but",
        "from",
        "or",
        "have",
        "an",
        "they",
        "which",
        "one",
        "you",
        "were",
        "her",
        "all",
        "she",
        "there",
        "would",
        "their",
        "we",
        "him",
        "been",
        "has",
        "when",
        "who",
        "will",
        "more",
        "no",
        "if",
        "out",
        "so",
        "said",
        "what",
        "up",
        "its",
        "about",
        "into",
        "than",
        "them",
        "can",
        "only",
        "other",
        "new",
        "some",
        "could",
        "time",
        "these",
        "two",
        "may",
        "then",
        "do",
        "first",
        "any",
        "my",
        "now",
        "such",
        "like",
        "our",
        "over",
        "man",
        "me",
        "even",
        "most",
        "made",
        "after",
        "also",
        "did",
        "many",
        "before",
        "must",
        "through",
        "back",
        "years",
        "where",
        "much",
        "your",
        "way",
        "well",
        "down",
        "should",
        "because",
        "each",
        "just",
        "those",
        "people",
        "how",
        "too",
        "little",
        "state",
        "good",
        "very",
        "make",
        "world",
        "still",
        "own",
        "see",
        "men",
        "work",
        "long",
        "get",
        "here",
        "between",
        "both",
        "life",
        "being",
        "under",
        "never",
        "day",
        "same",
        "another",
        "know",
        "while",
        "last",
        "might",
        "us",
        "great",
        "old",
        "year",
        "off",
        "come",
        "since",
        "against",
        "go",
        "came",
        "right",
        "used",
        "take",
        "three",
    ]
)
# How many of an article's first word tokens the English check reads.
_LANGUAGE_SAMPLE = 800


def require_column(analysis: Analysis, column: str, doing: str, option: str = "by") -> None:
    """Raise :class:`ColumnError` unless ``analysis.articles`` has ``column``; the message
    says what could not be done ("compare by 'desk'") and lists the columns there are."""
    columns = analysis.articles.columns
    if column not in columns:
        raise ColumnError(
            f"cannot {doing} {option} {column!r}: analysis.articles has no such column; its "
            f"columns are {', '.join(map(repr, columns))}. Pass {option}= one of those "
            "(usually 'outlet' or 'story')."
        )


@dataclass
class Analysis:
    """The result of :func:`analyse`.

    Attributes:
        articles: One row per analysed article: metadata, structure counts
            (``n_sentences``, ``n_words``, …) and every feature's columns.
        sentences: One row per sentence: ``doc_id``, ``sentence`` (index),
            ``paragraph``, ``start``/``end`` in the cleaned text, ``text``, and the
            per-sentence feature values (``sent_compound``, …).
        spans: Evidence tables by name (``quotes``, ``sentiment_evidence``, …), each
            with ``doc_id`` and ``start``/``end`` in the cleaned text; also reachable
            as attributes (``analysis.quotes``).
        errors: One row per article not analysed (loading or analysis), with the
            stage and the reason.
        corpus: The corpus analysed (cleaned texts, removals, version pairs).
        features: The feature families that ran.
        settings: What the run was given: the researcher's ``lexicons``, ``angles`` and
            ``aliases`` files (absolute paths, or None) and ``max_chars``; the report's
            methods section states them.
    """

    articles: pd.DataFrame
    sentences: pd.DataFrame
    spans: dict[str, pd.DataFrame]
    errors: pd.DataFrame
    corpus: Corpus
    features: tuple[str, ...] = field(default_factory=tuple)
    settings: dict[str, Any] = field(default_factory=dict)

    def __getattr__(self, name: str) -> pd.DataFrame:
        spans = self.__dict__.get("spans", {})
        if name in spans:
            return spans[name]
        raise AttributeError(
            f"Analysis has no attribute or span table {name!r}; span tables: "
            f"{', '.join(sorted(spans))}"
        )

    @property
    def alignment(self) -> pd.DataFrame:
        """Each counted sentence matched to its closest sentence in another outlet's
        article on the same story (see :func:`framing.align_sentences`); computed on
        first use and kept."""
        if "_alignment" not in self.__dict__:
            from .comparison import align_sentences

            self.__dict__["_alignment"] = align_sentences(self)
        return self.__dict__["_alignment"]

    @property
    def counted(self) -> pd.DataFrame:
        """The articles counted in comparisons: one per version group and outlet."""
        return self.articles[self.articles["is_primary"]]

    def evidence(self, table: str, *, counted_only: bool = True) -> pd.DataFrame:
        """A span table with what a reader needs beside each span: the article's
        ``outlet`` and ``story``, and the ``sentence_text`` the span sits in.

        Args:
            table: A span table's name (``attributions``, ``hedges``, ``emphasis_cues``,
                …; see ``analysis.spans``).
            counted_only: Keep only the articles counted in comparisons (one version per
                version group), as :func:`framing.compare` and the report do.

        Returns:
            The span table's rows and columns, after ``doc_id, outlet, story``, with
            ``sentence_text`` last where the table has a ``sentence`` column.

        Raises:
            ArgumentError: ``table`` is not a span table of this analysis.

        Example:
            >>> spans = analysis.evidence("attributions")  # doctest: +SKIP
            >>> spans[spans.source_type == "anonymous"][["outlet", "source", "sentence_text"]]
        """
        if table not in self.spans:
            raise ArgumentError(
                f"no span table {table!r}; choose one of: {', '.join(sorted(self.spans))}"
            )
        spans = self.spans[table]
        articles = self.counted if counted_only else self.articles
        meta = articles[["doc_id", "outlet", "story"]]
        out = meta.merge(spans, on="doc_id", how="inner", sort=False)
        if "sentence" in spans.columns:
            text = self.sentences[["doc_id", "sentence", "text"]].rename(
                columns={"text": "sentence_text"}
            )
            keys = out[["doc_id", "sentence"]].astype({"sentence": "Int64"})
            text = text.astype({"sentence": "Int64"})
            out["sentence_text"] = keys.merge(text, on=["doc_id", "sentence"], how="left")[
                "sentence_text"
            ].to_numpy()
        return out

    def summary(self, by: str = "outlet", *, include_versions: bool = False) -> pd.DataFrame:
        """Per-group article counts and means of the headline figures.

        Args:
            by: The column to group by (``outlet``, ``story``, …).
            include_versions: Count every version instead of one per version group.
        """
        if by not in self.articles.columns:
            raise FramingError(
                f"cannot summarise by {by!r}: no such column in "
                f"analysis.articles; try 'outlet' or 'story'"
            )
        table = self.articles if include_versions else self.counted
        figures = [
            c
            for c in (
                "n_words",
                "attr_anonymous_share",
                "hedge_sentence_share",
                "booster_per_1k_words",
                "sent_compound_mean",
                "sent_negative_share",
                "read_flesch_reading_ease",
                "read_flesch_kincaid_grade",
            )
            if c in table.columns
        ]
        grouped = table.groupby(by, dropna=False)
        out = grouped.agg(articles=("doc_id", "size"), **{f"{c}": (c, "mean") for c in figures})
        if not include_versions:
            everything = self.articles.groupby(by, dropna=False)["doc_id"].size()
            out.insert(1, "versions_not_counted", (everything - out["articles"]).astype(int))
        return out.reset_index()

    def __repr__(self) -> str:
        return (
            f"Analysis({len(self.articles)} articles, {len(self.sentences)} sentences, "
            f"{len(self.errors)} errors; features: {', '.join(self.features)})"
        )

    def _repr_html_(self) -> str:
        head = (
            f"<p><b>{len(self.articles)}</b> articles analysed, "
            f"<b>{len(self.sentences)}</b> sentences, <b>{len(self.errors)}</b> errors; "
            f"span tables: {', '.join(sorted(self.spans))}</p>"
        )
        return head + self.summary().to_html(index=False, escape=True, float_format="%.3f")


@dataclass
class _ArticleResult:
    doc_id: str
    article: dict[str, Any] | None = None
    sentences: dict[str, list[Any]] = field(default_factory=dict)
    spans: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    error: tuple[str, str] | None = None  # (stage, reason)


def _declared_language_problem(declared: Any) -> str | None:
    if isinstance(declared, str) and declared.strip():
        code = declared.strip().lower().replace("_", "-")
        if code.split("-")[0] not in ("en", "eng", "english"):
            return (
                f"language is {declared!r}; framing's lexicons, VADER and readability "
                "formulas are for English. Translate the text or remove the article"
            )
    return None


def _undeclared_language_problem(seg: Segmented) -> str | None:
    """Reads the segmentation's own tokens: the text is tokenized once."""
    text = seg.text
    sample = (text[s:e].lower() for s, e in seg.tokens[:_LANGUAGE_SAMPLE])
    words = [w for w in sample if w.isalpha()]
    if len(words) < 30:
        return None
    share = sum(w in _ENGLISH_FUNCTION_WORDS for w in words) / len(words)
    if share < 0.08:
        return (
            f"the text does not look English (only {share:.0%} of its words are common "
            "English function words); framing's lexicons and formulas are for English. "
            "Set language='en' in the manifest if this is wrong"
        )
    return None


def analyse_article(
    doc_id: str,
    title: str | None,
    text: str,
    language: Any,
    features: Sequence[Feature],
    max_chars: int | None = DEFAULT_MAX_CHARS,
    lexicons: str | None = None,
    angles: str | None = None,
    aliases: str | None = None,
) -> _ArticleResult:
    """Segment one article once and run every feature on it. Never raises."""
    if max_chars is not None and len(text) > max_chars:
        return _ArticleResult(
            doc_id,
            error=(
                "analyse",
                (
                    f"the article is {len(text):,} characters, over max_chars={max_chars:,}; "
                    "a news article is rarely over 100,000. Split the file if it holds "
                    "several articles, or pass max_chars=None to analyse it whole"
                ),
            ),
        )
    declared = isinstance(language, str) and bool(language.strip())
    problem = _declared_language_problem(language)
    if problem:
        return _ArticleResult(doc_id, error=("language", problem))
    try:
        seg = segment(text)
    except Exception as exc:  # one bad article must not stop a corpus run
        return _ArticleResult(doc_id, error=("segment", f"{type(exc).__name__}: {exc}"))
    problem = None if declared else _undeclared_language_problem(seg)
    if problem:
        return _ArticleResult(doc_id, error=("language", problem))
    if not seg.sentences:
        return _ArticleResult(doc_id, error=("segment", "no sentences found in the text"))
    article_input = ArticleInput(doc_id, title, seg, lexicons, angles, aliases)
    result = _ArticleResult(doc_id)
    row: dict[str, Any] = {
        "n_paragraphs": len(seg.paragraphs),
        "n_sentences": len(seg.sentences),
        "n_words": len(seg.tokens),
        "n_quotes": len(seg.quotes),
    }
    sentence_values: dict[str, Sequence[Any]] = {}
    for feature in features:
        try:
            output = feature.compute(article_input)
        except Exception as exc:
            return _ArticleResult(doc_id, error=(feature.name, f"{type(exc).__name__}: {exc}"))
        row.update(output.article)
        sentence_values.update(output.sentences)
        for table, rows in output.spans.items():
            result.spans.setdefault(table, []).extend(rows)
    result.article = row
    n = len(seg.sentences)
    result.sentences = {
        "doc_id": [doc_id] * n,
        "sentence": list(range(n)),
        "paragraph": list(seg.sentence_paragraph),
        "start": [s for s, _ in seg.sentences],
        "end": [e for _, e in seg.sentences],
        "text": [text[s:e] for s, e in seg.sentences],
        "n_words": [t1 - t0 for t0, t1 in seg.sentence_tokens],
    }
    for column, values in sentence_values.items():
        if len(values) != n:
            return _ArticleResult(
                doc_id,
                error=(
                    "analyse",
                    (f"feature column {column} has {len(values)} values for {n} sentences"),
                ),
            )
        result.sentences[column] = list(values)
    result.spans["quotes"] = [
        {
            "start": q.start,
            "end": q.end,
            "content_start": q.content_start,
            "content_end": q.content_end,
            "closed": q.closed,
            "text": text[q.start : q.end],
        }
        for q in seg.quotes
    ]
    return result


def _run_chunk(
    rows: list[tuple[str, str | None, str, Any]],
    names: tuple[str, ...],
    max_chars: int | None,
    lexicons: str | None = None,
    angles: str | None = None,
    aliases: str | None = None,
) -> list[_ArticleResult]:
    features = [FEATURES[n] for n in names]
    return [analyse_article(*row, features, max_chars, lexicons, angles, aliases) for row in rows]


def _select(features: Iterable[str] | None) -> tuple[Feature, ...]:
    if features is None:
        return tuple(FEATURES.values())
    names = list(features)
    unknown = [n for n in names if n not in FEATURES]
    if unknown:
        raise FramingError(
            f"unknown feature {', '.join(map(repr, unknown))}; registered: {', '.join(FEATURES)}"
        )
    return tuple(FEATURES[n] for n in names)


def analyse(
    corpus: Corpus,
    *,
    features: Iterable[str] | None = None,
    max_chars: int | None = DEFAULT_MAX_CHARS,
    n_jobs: int = 1,
    progress: bool = False,
    lexicons: str | PathLike[str] | None = None,
    angles: str | PathLike[str] | None = None,
    aliases: str | PathLike[str] | None = None,
) -> Analysis:
    """Run every registered feature family over a corpus.

    Args:
        corpus: From :func:`framing.load_corpus`.
        features: Names of the families to run (default: all registered).
        max_chars: Articles longer than this become errors instead of being
            analysed; None analyses everything.
        n_jobs: Worker processes (1 runs in this process).
        progress: Show a progress bar.
        lexicons: A TOML file extending framing's lexicons (attribution verbs,
            anonymous heads, organisation and media gazetteers, hedges and boosters;
            see the README).
        angles: A TOML file of the angles a researcher looks for in this story
            (``framing.EXAMPLE_ANGLES`` is one); scored in ``analysis.emphasis``.
        aliases: A TOML actor file naming the story's actors and the other names they
            go by (``framing.EXAMPLE_ACTORS`` is one); merges actors across the corpus
            in ``analysis.actors`` and ``analysis.actor_mentions``.

    Returns:
        An :class:`Analysis` with ``articles``, ``sentences``, span tables and
        ``errors``. Every article appears once, in ``articles`` or in ``errors``.

    Example:
        >>> analysis = framing.analyse(framing.load_corpus("articles/"))  # doctest: +SKIP
        >>> analysis.articles[["outlet", "sent_compound_mean"]]  # doctest: +SKIP
    """
    if not isinstance(corpus, Corpus):
        raise FramingError(
            f"analyse() takes a Corpus from framing.load_corpus(), got {type(corpus).__name__}"
        )
    chosen = _select(features)
    names = tuple(f.name for f in chosen)
    arts = corpus.articles
    rows = list(zip(arts["doc_id"], arts["title"], arts["text"], arts["language"], strict=True))
    lexicon_path = None
    if lexicons is not None:
        load_attribution_lexicons(lexicons)  # a bad file fails here, before the run
        load_hedge_lexicons(lexicons)
        lexicon_path = str(Path(lexicons).resolve())
    angles_path = None
    if angles is not None:
        load_angles(angles)
        angles_path = str(Path(angles).resolve())
    aliases_path = None
    if aliases is not None:
        load_actor_aliases(aliases)
        aliases_path = str(Path(aliases).resolve())
    files = (lexicon_path, angles_path, aliases_path)
    results = _execute(rows, names, max_chars, n_jobs, progress, files)
    analysis = _tables(corpus, chosen, results)
    analysis.settings = {
        "lexicons": lexicon_path,
        "angles": angles_path,
        "aliases": aliases_path,
        "max_chars": max_chars,
    }
    return analysis


def _execute(rows, names, max_chars, n_jobs, progress, files) -> list[_ArticleResult]:
    bar = None
    if progress:
        from tqdm.auto import tqdm

        bar = tqdm(total=len(rows), unit="article", desc="analysing")
    results: list[_ArticleResult] = []
    chunk = 25
    chunks = [rows[i : i + chunk] for i in range(0, len(rows), chunk)]
    if n_jobs > 1 and len(chunks) > 1:
        with ProcessPoolExecutor(max_workers=n_jobs) as pool:
            for done in pool.map(
                _run_chunk,
                chunks,
                [names] * len(chunks),
                [max_chars] * len(chunks),
                *([f] * len(chunks) for f in files),
            ):
                results.extend(done)
                if bar:
                    bar.update(len(done))
    else:
        for part in chunks:
            done = _run_chunk(part, names, max_chars, *files)
            results.extend(done)
            if bar:
                bar.update(len(done))
    if bar:
        bar.close()
    return results


def _typed(frame: pd.DataFrame, dtypes: dict[str, str]) -> pd.DataFrame:
    for column, dtype in dtypes.items():
        if column not in frame.columns or (dtype == "str" and frame[column].isna().all()):
            frame[column] = pd.Series(dtype=dtype, index=frame.index)
        elif dtype == "int64" and frame[column].isna().any():
            frame[column] = frame[column].astype("Int64")
        elif dtype != "str":
            frame[column] = frame[column].astype(dtype)
    return frame


def _tables(corpus: Corpus, chosen: tuple[Feature, ...], results: list[_ArticleResult]) -> Analysis:
    ok = [r for r in results if r.error is None]
    feature_cols: dict[str, str] = dict(STRUCTURE_COLUMNS)
    sentence_cols: dict[str, str] = dict(SENTENCE_BASE_COLUMNS)
    span_cols: dict[str, dict[str, str]] = {"quotes": dict(QUOTE_COLUMNS)}
    for feature in chosen:
        feature_cols.update(feature.article_columns)
        sentence_cols.update(feature.sentence_columns)
        for table, cols in feature.span_tables.items():
            span_cols[table] = dict(cols)

    meta = corpus.articles.set_index("doc_id")
    figures = pd.DataFrame([r.article for r in ok], index=[r.doc_id for r in ok])
    figures = _typed(figures.reindex(columns=list(feature_cols)), feature_cols)
    articles = meta.loc[figures.index, [c for c in META_COLUMNS if c != "doc_id"]]
    articles = pd.concat([articles, figures], axis=1).rename_axis("doc_id").reset_index()

    sentences = pd.DataFrame(
        {
            column: [
                v for r in ok for v in r.sentences.get(column, [None] * len(r.sentences["doc_id"]))
            ]
            for column in sentence_cols
        },
        columns=list(sentence_cols),
    )
    sentences = _typed(sentences, sentence_cols)
    spans: dict[str, pd.DataFrame] = {}
    for table, cols in span_cols.items():
        frame = pd.DataFrame(
            [{"doc_id": r.doc_id, **row} for r in ok for row in r.spans.get(table, [])],
            columns=["doc_id", *cols],
        )
        spans[table] = _typed(frame, cols)

    failed = [
        {
            "doc_id": r.doc_id,
            "origin": meta.at[r.doc_id, "origin"],
            "stage": r.error[0],
            "reason": r.error[1],
        }
        for r in results
        if r.error is not None
    ]
    errors = (
        pd.concat(
            [corpus.errors, pd.DataFrame(failed, columns=list(ERROR_COLUMNS))], ignore_index=True
        )
        if failed
        else corpus.errors.copy()
    )
    return Analysis(articles, sentences, spans, errors, corpus, tuple(f.name for f in chosen))
