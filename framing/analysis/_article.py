"""One article: segmented once, every feature run on that one segmentation.

:func:`analyse_article` never raises: an article that cannot be analysed (too long,
not English, no sentences, a feature raising) comes back with the stage and the reason,
to become a row of the errors table.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..features import ArticleInput, Feature, function_words
from ..text import segment
from ._budget import ArticleTimeout, Budget

__all__ = ["DEFAULT_MAX_CHARS", "DEFAULT_MAX_SECONDS", "ArticleResult", "analyse_article"]

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
#: CPU seconds one article may take. framing takes about 10 ms for a news article and a
#: few seconds for a million characters; a minute is a text no test has met.
DEFAULT_MAX_SECONDS = 60.0

# A text of 30+ words where fewer than 8% of the words are English function words
# (framing's one list of them) is not English prose (English news runs at 40–50%).
_ENGLISH_FUNCTION_WORDS = function_words()
# How many of an article's first word tokens the English check reads.
_LANGUAGE_SAMPLE = 800


@dataclass
class ArticleResult:
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


def _undeclared_language_problem(low: list[str]) -> str | None:
    """Reads the token view's lowercase words, which the features read too: the text is
    tokenized and lowercased once."""
    words = [w for w in low[:_LANGUAGE_SAMPLE] if w.isalpha()]
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
    options: Mapping[str, str | None] | None = None,
    max_seconds: float | None = DEFAULT_MAX_SECONDS,
) -> ArticleResult:
    """Segment one article once and run every feature on it. Never raises.

    ``options`` are the researcher's files by option name, checked already
    (:func:`framing.features.check_options`).

    An article over ``max_chars`` characters, or taking over ``max_seconds`` of CPU time
    (see :mod:`._budget`), comes back as an error.
    """
    if max_chars is not None and len(text) > max_chars:
        return ArticleResult(
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
        return ArticleResult(doc_id, error=("language", problem))
    budget = Budget(max_seconds)
    try:
        try:
            budget.start()
            return _analyse(doc_id, title, text, declared, features, options or {}, budget)
        finally:
            budget.stop()
    except ArticleTimeout:  # raised by the timer, wherever the article's code was
        budget.stop()
        return ArticleResult(
            doc_id,
            error=(
                budget.stage,
                (
                    f"the analysis took over max_seconds={max_seconds:g} s of CPU time "
                    f"(stopped in {budget.stage}, on {len(text):,} characters); framing "
                    "analyses a news article in well under a second. Look at the text (is "
                    "it one article?), or pass a larger max_seconds (--max-seconds), or "
                    "None (0) for no limit"
                ),
            ),
        )


def _analyse(
    doc_id: str,
    title: str | None,
    text: str,
    declared: bool,
    features: Sequence[Feature],
    options: Mapping[str, str | None],
    budget: Budget,
) -> ArticleResult:
    budget.check("segment")
    try:
        seg = segment(text)
    except Exception as exc:  # one bad article must not stop a corpus run
        return ArticleResult(doc_id, error=("segment", f"{type(exc).__name__}: {exc}"))
    budget.check("language")
    article_input = ArticleInput(doc_id, title, seg, options)
    problem = None if declared else _undeclared_language_problem(article_input.view.low)
    if problem:
        return ArticleResult(doc_id, error=("language", problem))
    if not seg.sentences:
        return ArticleResult(doc_id, error=("segment", "no sentences found in the text"))
    text = seg.text  # what every offset refers to (lone surrogates there become U+FFFD)
    result = ArticleResult(doc_id)
    row: dict[str, Any] = {
        "n_paragraphs": len(seg.paragraphs),
        "n_sentences": len(seg.sentences),
        "n_words": len(seg.tokens),
        "n_quotes": len(seg.quotes),
    }
    sentence_values: dict[str, Sequence[Any]] = {}
    for feature in features:
        budget.check(feature.name)
        try:
            output = feature.compute(article_input)
        except Exception as exc:
            return ArticleResult(doc_id, error=(feature.name, f"{type(exc).__name__}: {exc}"))
        row.update(output.article)
        sentence_values.update(output.sentences)
        for table, rows in output.spans.items():
            result.spans.setdefault(table, []).extend(rows)
    budget.check("analyse")
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
            return ArticleResult(
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
