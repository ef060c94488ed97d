"""Names a reader knows articles and stories by, in place of ids.

A researcher's ids are file paths and UUIDs (BASIL's ``2010/2b95d2cf-…_2``); a reader
knows an article by its outlet, date and headline, and a story by what it is about. The
report names them so, and keeps the id beside the name for looking an article up in the
tables (every span table is keyed by ``doc_id``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from typing import Any

import pandas as pd

__all__ = ["ArticleNames", "is_opaque", "shorten", "story_labels"]

#: Longest headline shown in a name before it is cut at a word, with an ellipsis.
HEADLINE_CHARS = 70
#: Longest headline standing for a story.
STORY_CHARS = 60

# An id no reader can read: hex digits, digits and separators only (UUIDs, hashes,
# numbers, dates), a story numbered by framing.group_stories, or a path.
_OPAQUE = re.compile(r"[0-9a-fA-F\s_.:-]+|story-\d+")
_PATH = re.compile(r"[/\\]|\.(?:txt|json|jsonl|html?|xml|csv)$", re.IGNORECASE)


def is_opaque(value: str) -> bool:
    """Whether a story or document id says nothing to a reader (``'005a2961-0c2e-…'``,
    ``'2010/x.json'``, ``'4417'``, ``'story-0012'``); ``'uk-officers-gaza-2025-10'`` or
    ``'Mosque row'`` do."""
    value = value.strip()
    return not value or bool(_OPAQUE.fullmatch(value) or _PATH.search(value))


def shorten(text: str, limit: int) -> str:
    """``text`` on one line, cut at the last word that fits in ``limit`` characters."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit].rstrip(" ,;:—–-") + "…"


def _date(value: Any) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    try:
        stamp = pd.Timestamp(value)
    except (ValueError, TypeError, OverflowError):
        return str(value)
    return f"{stamp.day} {stamp:%b %Y}"


def _headline(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


class ArticleNames:
    """Outlet, date and headline of each article, falling back to its id.

    ``full(doc_id)``: "Fox News, 7 Apr 2011: “Trump sends investigators to Hawaii”";
    ``short(doc_id)``: the same without the outlet, for lists already under the outlet.
    An article with no headline is named by its id after the outlet and date; two
    articles that would bear the same name carry their ids too.
    """

    def __init__(self, articles: pd.DataFrame, by: str = "outlet") -> None:
        self._parts: dict[str, tuple[str, str, str]] = {}
        for row in articles.to_dict("records"):
            doc_id = str(row["doc_id"])
            headline = _headline(row.get("title"))
            shown = f"“{shorten(headline, HEADLINE_CHARS)}”" if headline else doc_id
            self._parts[doc_id] = (str(row.get(by, "")), _date(row.get("published")), shown)
        twice = Counter(self._parts.values())
        self._twice = {d for d, parts in self._parts.items() if twice[parts] > 1}

    def full(self, doc_id: str) -> str:
        outlet, date, shown = self._parts.get(doc_id, ("", "", doc_id))
        head = ", ".join(p for p in (outlet, date) if p)
        return self._with_id(doc_id, f"{head}: {shown}" if head else shown)

    def short(self, doc_id: str) -> str:
        _, date, shown = self._parts.get(doc_id, ("", "", doc_id))
        return self._with_id(doc_id, f"{date}, {shown}" if date else shown)

    def date(self, doc_id: str) -> str:
        return self._parts.get(doc_id, ("", "", ""))[1]

    def _with_id(self, doc_id: str, name: str) -> str:
        if doc_id in self._twice and not name.endswith(doc_id):
            return f"{name} ({doc_id})"
        return name


def story_labels(articles: pd.DataFrame, stories: Iterable[Any] | None = None) -> dict[str, str]:
    """A readable label for each story: its own name where it has one, else the
    headline of its first article (by date, then order), else its id.

    Two stories that would share a label are told apart by their ids.
    """
    if "story" not in articles.columns:
        return {}
    labelled = articles[articles["story"].notna()]
    wanted = (
        {str(s) for s in stories} if stories is not None else set(labelled["story"].astype(str))
    )
    labels: dict[str, str] = {}
    order = labelled.assign(_story=labelled["story"].astype(str), _row=range(len(labelled)))
    if "published" in order.columns:
        order = order.assign(_when=pd.to_datetime(order["published"], errors="coerce", utc=True))
        order = order.sort_values(["_when", "_row"], kind="stable", na_position="last")
    firsts: dict[str, str] = {}
    for story, title in zip(order["_story"], order.get("title", [None] * len(order)), strict=True):
        headline = _headline(title)
        if story in wanted and headline and story not in firsts:
            firsts[story] = headline
    for story in sorted(wanted):
        if not is_opaque(story) or story not in firsts:
            labels[story] = story
        else:
            labels[story] = f"“{shorten(firsts[story], STORY_CHARS)}”"
    twice = Counter(labels.values())
    return {s: (f"{v} ({s})" if twice[v] > 1 and v != s else v) for s, v in labels.items()}
