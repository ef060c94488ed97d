"""What every reader yields, and how a source's columns are matched to the fields.

Each reader (:mod:`._read_tables`, :mod:`._read_json`, :mod:`._read_folders`, and
:mod:`._read_slices` for the parts of a table read by workers) yields :class:`Record`
objects (one per article, with the raw text and whatever metadata the source gives) and
:class:`LoadProblem` objects (one per article that could not be read). Nothing is
dropped: every file, row or line becomes one or the other.

Readers stream: they hold one file, one batch of table rows or one line at a time, so
a corpus of any size is read in flat memory. Where a source must be looked at before
its columns are known (the keys of JSON objects), they look at the first
:data:`._read_json.KEY_SAMPLE` articles, and read on only while a key the user named is
still missing. HTML pages are decoded when read but their article text is extracted
later (:func:`._read_folders.extract_html`), in the worker that analyses them, because
extraction is the slow part of reading HTML.

This module holds the article fields and the usual column names for them, the file
suffixes read, :class:`Record` and :class:`LoadProblem`, the matching of columns (or
JSON keys) to fields, and the making of a record from one row's values.
"""

from __future__ import annotations

import json
import math
import numbers
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from ..errors import ColumnError
from ._decode import normalise_text, replace_surrogates

__all__ = ["ARTICLE_SUFFIXES", "FIELDS", "LoadProblem", "Record"]


#: The fields of an article, in column order. Users map them to their own names.
FIELDS = ("doc_id", "text", "outlet", "published", "title", "url", "story", "language")

#: Column names looked for, in this order and whatever their case, when a field is not
#: mapped explicitly: the names news datasets and scrapers commonly use.
_DEFAULT_COLUMNS: dict[str, tuple[str, ...]] = {
    "doc_id": ("doc_id", "id", "article_id", "uuid", "guid"),
    "text": ("text", "body", "content", "article_text", "story_text", "full_text", "article"),
    "outlet": ("outlet", "source", "publication", "publisher", "media", "site", "newspaper"),
    "published": (
        "published",
        "date",
        "pub_date",
        "publish_date",
        "published_at",
        "publication_date",
        "timestamp",
        "datetime",
    ),
    "title": ("title", "headline"),
    "url": ("url", "link"),
    "story": ("story", "story_id", "event", "topic_id", "event_id"),
    "language": ("language", "lang"),
}
#: What each required field is, for the message when a source has no column for it.
_REQUIRED = {
    "text": "the article text",
    "outlet": "each article's outlet (the newspaper, site or channel)",
}

TEXT_SUFFIXES = frozenset({".txt", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSON_SUFFIXES = frozenset({".json"})
ARTICLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES
TABLE_SUFFIXES = frozenset({".csv", ".tsv", ".jsonl", ".ndjson", ".parquet", ".xlsx"})


@dataclass(slots=True)
class Record:
    """One article as read. ``kind`` is ``"html"`` for a page whose article text is
    still to be extracted (``raw_text`` then holds the decoded page)."""

    doc_id: str
    origin: str
    raw_text: str
    encoding: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    kind: str = "text"
    #: The source's other columns (a table's or manifest's), by their names there: the
    #: researcher's metadata, kept on the article as text.
    extra: dict[str, str | None] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class LoadProblem:
    doc_id: str
    origin: str
    reason: str


def _present(value: Any) -> bool:
    if value is None:
        return False
    if isinstance(value, float) and math.isnan(value):
        return False
    return not (isinstance(value, str) and not value.strip())


def join_text(value: Any) -> str | None:
    """Article text from a cell: a string, a list of paragraphs, or a list of lists of
    sentences (BASIL's ``body-paragraphs``); paragraphs are joined by a blank line."""
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "tolist"):  # numpy arrays from Parquet list columns
        value = value.tolist()
    if isinstance(value, list | tuple):
        paragraphs = []
        for item in value:
            if isinstance(item, list | tuple) or hasattr(item, "tolist"):
                item = item.tolist() if hasattr(item, "tolist") else item
                paragraphs.append(" ".join(str(s).strip() for s in item if _present(s)))
            elif _present(item):
                paragraphs.append(str(item).strip())
        return "\n\n".join(p for p in paragraphs if p)
    return str(value)


def _lookup(obj: Mapping[str, Any], key: str) -> tuple[bool, Any]:
    """A key, or a dotted path into nested objects ("meta.outlet")."""
    if key in obj:
        return True, obj[key]
    current: Any = obj
    for part in key.split("."):
        if isinstance(current, Mapping) and part in current:
            current = current[part]
        else:
            return False, None
    return True, current


def resolve_columns(
    available: list[str],
    fields: Mapping[str, str],
    origin: str,
    *,
    has: Callable[[str], bool] | None = None,
    noun: str = "column",
    need_text: bool = True,
    need_outlet: bool = False,
) -> dict[str, str]:
    """Which column (or JSON key) serves each field: the user's mapping, else the first
    of the usual names (:data:`_DEFAULT_COLUMNS`) the source has, whatever its case.

    ``has`` says whether a mapped name exists (default: it is in ``available``; JSON
    passes a test that follows dotted keys). Raises ColumnError naming the missing
    column, the ones there are and the fix, in Python's terms and (``.cli``) the
    command line's.
    """
    exists = has if has is not None else available.__contains__
    listed = ", ".join(map(repr, available)) or "none"
    by_case = {}
    for name in available:
        by_case.setdefault(name.casefold(), name)
    columns: dict[str, str] = {}
    for name in FIELDS:
        if name in fields:
            column = fields[name]
            if not exists(column):
                raise ColumnError(
                    f"{origin}: no {noun} {column!r} for {name}={column!r}; the {noun}s are "
                    f"{listed}. Pass {name}= one of those.",
                    cli=f"{origin}: no {noun} {column!r} for --field {name}={column}; the "
                    f"{noun}s are {listed}. Pass --field {name}= one of those.",
                )
            columns[name] = column
            continue
        for candidate in _DEFAULT_COLUMNS[name]:
            if candidate in by_case:
                columns[name] = by_case[candidate]
                break
    needed = [f for f, on in (("text", need_text), ("outlet", need_outlet)) if on]
    for name in needed:
        if name not in columns:
            raise ColumnError(
                f"{origin}: no {noun} for {name}, {_REQUIRED[name]}; the {noun}s are "
                f"{listed}. Pass {name}='…' naming the {noun} that holds it, e.g. "
                f"load_corpus(..., {name}={_example(available, columns)!r}).",
                cli=f"{origin}: no {noun} for {name}, {_REQUIRED[name]}; the {noun}s are "
                f"{listed}. Add --field {name}=NAME naming the {noun} that holds it, e.g. "
                f"--field {name}={_example(available, columns)}.",
            )
    return columns


def _example(available: list[str], taken: Mapping[str, str]) -> str:
    """A column to show in the fix: the first one no other field took."""
    free = [c for c in available if c not in taken.values()]
    return free[0] if free else "NAME"


def extra_columns(
    available: Sequence[str], columns: Mapping[str, str], *, skip: Sequence[str | None] = ()
) -> list[str]:
    """The source's columns that no field takes: the researcher's own metadata."""
    used = set(columns.values()) | {c for c in skip if c is not None}
    return [c for c in available if c not in used]


def as_text(value: Any) -> str | None:
    """A metadata value as the text kept for it: None where it is missing or empty,
    lists and mappings as JSON, numbers as Python writes them."""
    if hasattr(value, "tolist") and not isinstance(value, str):
        value = value.tolist()
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if value is pd.NaT or (not isinstance(value, str | list | dict | tuple) and pd.isna(value)):
        return None
    if isinstance(value, str):  # an empty cell is a missing value, as in a CSV table
        text, _ = replace_surrogates(value)
        return text if text.strip() else None
    if isinstance(value, list | dict | tuple):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


def _record_from_values(doc_id: str, where: str, values: Mapping[str, Any]) -> Record | LoadProblem:
    given = values.get("text")
    if isinstance(given, numbers.Real) and not math.isnan(given):
        return LoadProblem(
            doc_id,
            where,
            f"the text is a number ({given!r}), not an article: check that text= names the "
            "column that holds the articles",
        )
    text = join_text(given)
    if text is None or not text.strip():
        return LoadProblem(doc_id, where, "empty text: the article has no text")
    if not any(character.isalpha() for character in text):
        return LoadProblem(
            doc_id,
            where,
            f"the text has no letters ({text[:40].strip()!r}), so it is not an article: "
            "check that text= names the column that holds the articles",
        )
    meta = {k: v for k, v in values.items() if k not in ("text", "doc_id") and _present(v)}
    text, replaced = replace_surrogates(text)
    doc_id, in_id = replace_surrogates(doc_id)
    replaced += in_id
    notes = []
    for name, value in meta.items():
        if isinstance(value, str):
            meta[name], in_field = replace_surrogates(value)
            replaced += in_field
    if replaced:
        notes.append(
            f"{replaced} lone surrogate{'s' if replaced > 1 else ''} (half of a UTF-16 pair, "
            "not a character) replaced by U+FFFD"
        )
    return Record(doc_id, where, normalise_text(text), None, meta, notes)
