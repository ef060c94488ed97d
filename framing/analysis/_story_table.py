"""The corpus's stories as a table: when each ran, who covered it and who did not, and
what it is about in words a reader can take in at a glance.

A story's label is its most distinctive terms: the content words of its articles'
headlines and first sentences (news puts the event there), weighted by how often the
story uses them against how many stories use them at all (tf-idf over stories, Salton &
Buckley 1988), each shown in the form its articles most often write it ("Steele", not
"steel"). Which outlets did *not* cover a story is as telling as what an outlet leaves
out of an article: with three outlets and a story two of them ran, the third's silence is
a choice a reader should see.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from typing import TYPE_CHECKING

import pandas as pd

from .._words import is_all_caps, stem, tokens, word_form
from ..features import LEDE_SENTENCES, content_stop_words

if TYPE_CHECKING:
    from ._result import Analysis

__all__ = ["STORY_COLUMNS", "story_table"]

#: The columns of ``analysis.stories``.
STORY_COLUMNS = (
    "story",
    "label",
    "headline",
    "first_published",
    "last_published",
    "n_articles",
    "n_outlets",
    "outlets",
    "outlets_missing",
)

#: Terms in a story's label.
LABEL_TERMS = 4

# They say who said it or when, not what happened.
_STOP = content_stop_words()


def story_table(analysis: Analysis, by: str = "outlet") -> pd.DataFrame:
    """One row per story of the counted articles (one version per version group).

    Args:
        analysis: From :func:`framing.analyse`.
        by: The column whose groups count as covering a story (``outlet``).

    Returns:
        The columns of :data:`STORY_COLUMNS`: ``label`` (its most distinctive terms),
        ``headline`` (its first article's), its first and last dates, how many
        articles and groups covered it, which (``outlets``, ``; ``-joined) and which of
        the corpus's groups did not (``outlets_missing``). Empty where no article has a
        story.
    """
    counted = analysis.counted
    if "story" not in counted.columns or counted["story"].isna().all():
        return pd.DataFrame(columns=list(STORY_COLUMNS))
    articles = counted[counted["story"].notna()].copy()
    articles["story"] = articles["story"].astype(str)
    groups = sorted(str(g) for g in counted[by].dropna().unique())
    labels = _labels(analysis, articles)
    ordered = articles.assign(
        _when=pd.to_datetime(articles["published"], errors="coerce"), _row=range(len(articles))
    ).sort_values(["_when", "_row"], kind="stable", na_position="last")
    rows = []
    for story, mine in ordered.groupby("story", sort=False):
        covering = sorted({str(g) for g in mine[by].dropna()})
        titles = [t.strip() for t in mine["title"] if isinstance(t, str) and t.strip()]
        rows.append(
            {
                "story": story,
                "label": labels.get(story, ""),
                "headline": titles[0] if titles else "",
                "first_published": mine["_when"].min(),
                "last_published": mine["_when"].max(),
                "n_articles": len(mine),
                "n_outlets": len(covering),
                "outlets": "; ".join(covering),
                "outlets_missing": "; ".join(g for g in groups if g not in covering),
            }
        )
    table = pd.DataFrame(rows, columns=list(STORY_COLUMNS))
    return table.sort_values(
        ["first_published", "story"], kind="stable", na_position="last"
    ).reset_index(drop=True)


def _labels(analysis: Analysis, articles: pd.DataFrame) -> dict[str, str]:
    """Each story's most distinctive headline-and-lede terms, in their usual form."""
    sentences = analysis.sentences
    lede = sentences[
        sentences["doc_id"].isin(articles["doc_id"]) & (sentences["sentence"] < LEDE_SENTENCES)
    ]
    text: dict[str, list[str]] = defaultdict(list)
    for doc_id, sentence in zip(lede["doc_id"], lede["text"], strict=True):
        text[doc_id].append(str(sentence))
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    for doc_id, story, title in zip(
        articles["doc_id"], articles["story"], articles["title"], strict=True
    ):
        parts = [title if isinstance(title, str) else "", *text.get(doc_id, [])]
        for match in tokens(" ".join(parts)):
            form = word_form(match.group())
            low = form.lower()
            if len(low) < 3 or not low.isalpha() or (low in _STOP and not is_all_caps(form)):
                continue
            term = stem(low)
            counts[story][term] += 1
            forms[term][form] += 1
    n_stories = len(counts)
    df = Counter(term for terms in counts.values() for term in terms)
    labels = {}
    for story, terms in counts.items():
        # a term every story uses says nothing of this one (unless there is one story)
        scored = [
            (tf * math.log((1 + n_stories) / (1 + df[t])) if n_stories > 1 else tf, t)
            for t, tf in terms.items()
        ]
        top = sorted(scored, key=lambda st: (-st[0], st[1]))[:LABEL_TERMS]
        labels[story] = " · ".join(_shown(forms[t]) for _, t in top)
    return labels


def _shown(forms: Counter[str]) -> str:
    """A term as its articles most often write it; a capitalised name stays capitalised,
    a word capitalised only at the start of a headline does not."""
    lower = sum(n for f, n in forms.items() if f.islower())
    best = max(forms.items(), key=lambda fn: (fn[1], fn[0]))[0]
    return best.lower() if lower * 2 >= sum(forms.values()) else best
