"""Where an analysis's stories come from: the researcher's own labels, or
:func:`group_stories` when the corpus has none.

``analyse(stories="auto")`` keeps the labels a corpus gives and groups the articles
itself only where no article has one; ``"given"`` never groups (articles without a label
stay without); ``"grouped"`` groups even a labelled corpus, keeping the given labels in
``story_given`` to set against the grouping. Every article says which in
``story_source`` (``given``, ``grouped``, or empty where it has no story), and the
analysis's notes say how many stories were found and with which settings.
"""

from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, get_args

import pandas as pd

from ..errors import ArgumentError
from . import _store
from ._stories import DEFAULT_THRESHOLD, DEFAULT_WINDOW, group_stories

if TYPE_CHECKING:
    from ._result import Analysis

__all__ = ["StorySource", "check_stories", "story_columns", "with_stories"]

log = logging.getLogger("framing")

#: How an analysis gets its stories (see the module docstring).
StorySource = Literal["auto", "given", "grouped"]


def check_stories(stories: str) -> StorySource:
    """``stories`` if it is one of :data:`StorySource`.

    Raises:
        ArgumentError: It is not.
    """
    if stories not in get_args(StorySource):
        raise ArgumentError(
            f"stories={stories!r}: use 'auto' (group only a corpus without story labels), "
            "'given' (never group) or 'grouped' (group even a labelled corpus)"
        )
    return stories  # type: ignore[return-value]


def story_columns(
    articles: pd.DataFrame, groups: pd.DataFrame | None, *, keep_given: bool = False
) -> pd.DataFrame:
    """``articles`` with ``story`` from the grouping (if any), the given labels kept in
    ``story_given`` (``keep_given``: the corpus had some), and ``story_source``."""
    out = articles.copy()
    text = out["story"].dtype  # the articles table's text type, kept for the new columns
    given = out["story"]
    if groups is None:
        out["story_source"] = pd.Series(
            ["given" if pd.notna(s) else None for s in given], index=out.index, dtype=text
        )
        return out
    grouped = out["doc_id"].map(dict(zip(groups["doc_id"], groups["story"], strict=True)))
    if keep_given:
        out["story_given"] = given
    out["story"] = grouped.astype(text)
    out["story_source"] = pd.Series(
        ["grouped" if pd.notna(s) else None for s in grouped], index=out.index, dtype=text
    )
    return out


def _needs_grouping(articles: pd.DataFrame, stories: StorySource) -> bool:
    if stories == "given":
        return False
    return stories == "grouped" or articles["story"].isna().all()


def _note(groups: pd.DataFrame, given: bool) -> str:
    n = groups["story"].nunique()
    why = (
        "stories='grouped': the given labels are kept in story_given"
        if given
        else "no article has a story label"
    )
    return (
        f"{len(groups)} articles grouped into {n} {'story' if n == 1 else 'stories'} by "
        f"content and date ({why}; framing.group_stories, window {DEFAULT_WINDOW:g} days, "
        f"threshold {DEFAULT_THRESHOLD:g}; story_source = 'grouped'). Give your own with "
        "load_corpus(..., story=COLUMN), or turn grouping off with stories='given'"
    )


def with_stories(analysis: Analysis, stories: StorySource) -> Analysis:
    """The analysis with its stories in place: grouped where ``stories`` asks for it, and
    ``story_source`` on every article. An analysis in memory is changed in place; one in
    a results directory has its articles table rewritten part by part and is opened
    again. Returns the analysis to use."""
    labels = analysis._article_columns(["story", "story_source"])
    if "story_source" in labels.columns:  # a results directory done already
        return analysis
    given = bool(labels["story"].notna().any())
    groups = None
    if _needs_grouping(labels, stories) and len(labels):
        groups = group_stories(analysis)
        analysis.notes.append(_note(groups, given))
        log.info(analysis.notes[-1])
    keep = groups is not None and given
    if analysis.directory is None:
        analysis.articles = story_columns(analysis.articles, groups, keep_given=keep)
        return analysis
    return _rewrite(analysis, groups, keep)


def _rewrite(analysis: Analysis, groups: pd.DataFrame | None, keep_given: bool) -> Analysis:
    """Write ``story``, ``story_given`` and ``story_source`` into a results directory's
    articles table, one part at a time (each written beside, then renamed over)."""
    root = analysis.directory
    assert root is not None and analysis.manifest is not None
    manifest = _store.read_manifest(root)
    declared: dict[str, Any] = dict(manifest["tables"]["articles"]["columns"])
    folder = _store.table_dir(root, "articles")
    for part in sorted(folder.glob("part-*.parquet")):
        frame = story_columns(pd.read_parquet(part), groups, keep_given=keep_given)
        with tempfile.NamedTemporaryFile(dir=folder, suffix=".tmp", delete=False) as handle:
            staging = Path(handle.name)
        _store.write_parquet(frame, staging)
        os.replace(staging, part)
    if keep_given:
        declared["story_given"] = "str"
    declared["story_source"] = "str"
    manifest["tables"]["articles"]["columns"] = declared
    if groups is not None:
        manifest["notes"] = [*manifest.get("notes", []), analysis.notes[-1]]
    _store.write_json(manifest, root / _store.MANIFEST)
    return _store.open_analysis(root)
