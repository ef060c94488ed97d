"""Where an analysis's stories come from: the researcher's own labels, or
:func:`group_stories` when the corpus has none.

``analyse(stories="auto")`` keeps the labels a corpus gives and groups the articles
itself only where no article has one; ``"given"`` never groups (articles without a label
stay without); ``"grouped"`` groups even a labelled corpus, keeping the given labels in
``story_given`` to set against the grouping. ``story_window`` and ``story_threshold``
set the grouping's window and threshold. A table instead (``doc_id`` and ``story``
columns: :func:`group_stories`'s own output with other settings, a grouping corrected by
hand, labels from another tool) gives every article its story from the table. Every
article says which in ``story_source`` (``given``, ``grouped``, or empty where it has no
story), and the analysis's notes say how many stories were found and with which settings.
"""

from __future__ import annotations

import hashlib
import logging
import math
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, get_args

import numpy as np
import pandas as pd

from ..errors import ArgumentError, ColumnError
from . import _store
from ._stories import DEFAULT_THRESHOLD, DEFAULT_WINDOW, group_stories

if TYPE_CHECKING:
    from ._result import Analysis

__all__ = [
    "StorySource",
    "check_stories",
    "stories_setting",
    "story_columns",
    "with_stories",
]

log = logging.getLogger("framing")

#: How an analysis gets its stories (see the module docstring).
StorySource = Literal["auto", "given", "grouped"]


def _label(value: Any) -> str:
    """A story label as text: 3.0 (a number column read with a gap) as '3'."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def check_stories(stories: Any) -> StorySource | pd.DataFrame:
    """``stories`` if it is one of :data:`StorySource`, or a table of stories as
    ``doc_id`` → ``story`` (two columns, one row per doc id, text ids).

    Raises:
        ArgumentError: It is neither, or the table has a doc id twice.
        ColumnError: The table lacks ``doc_id`` or ``story``.
    """
    if isinstance(stories, pd.DataFrame):
        missing = [c for c in ("doc_id", "story") if c not in stories.columns]
        if missing:
            raise ColumnError(
                f"the stories table has no {' or '.join(repr(c) for c in missing)} column "
                f"(it has {', '.join(map(str, stories.columns[:8]))}); pass a table with "
                "doc_id and story, such as framing.group_stories(corpus)'s"
            )
        labels = stories["story"].to_numpy(dtype=object)
        missing = pd.isna(labels) | np.array([str(v).strip() == "" for v in labels], bool)
        table = pd.DataFrame(
            {
                "doc_id": stories["doc_id"].astype(str).to_numpy(),
                # An empty or missing label is no story, never the story "nan".
                "story": [
                    None if gone else _label(v) for v, gone in zip(labels, missing, strict=True)
                ],
            }
        )
        twice = table["doc_id"][table["doc_id"].duplicated()]
        if len(twice):
            raise ArgumentError(
                f"the stories table gives doc id {twice.iloc[0]!r} more than one row "
                f"({twice.nunique()} doc ids are repeated); give each article one story"
            )
        table.attrs = dict(stories.attrs)
        table.attrs["framing_grouped"] = "joined_by" in stories.columns
        return table
    if not isinstance(stories, str) or stories not in get_args(StorySource):
        raise ArgumentError(
            f"stories={stories!r}: use 'auto' (group only a corpus without story labels), "
            "'given' (never group), 'grouped' (group even a labelled corpus), or a table "
            "with doc_id and story columns (such as framing.group_stories(corpus))"
        )
    return stories  # type: ignore[return-value]


def stories_setting(stories: StorySource | pd.DataFrame, window: float, threshold: float) -> Any:
    """How the stories were set, for a results directory's manifest (a resumed run with
    other settings is refused): the source and grouping settings, or a table's hash."""
    if isinstance(stories, pd.DataFrame):
        digest = hashlib.sha256()
        for doc, story in zip(stories["doc_id"], stories["story"], strict=True):
            digest.update(f"{doc}\t{story}\n".encode("utf-8", "surrogatepass"))
        return {"table": digest.hexdigest(), "rows": len(stories)}
    if window == DEFAULT_WINDOW and threshold == DEFAULT_THRESHOLD:
        return stories
    days = "inf" if math.isinf(window) else window
    return {"source": stories, "window": days, "threshold": threshold}


def story_columns(
    articles: pd.DataFrame,
    groups: pd.DataFrame | None,
    *,
    keep_given: bool = False,
    source: str = "grouped",
) -> pd.DataFrame:
    """``articles`` with ``story`` from the grouping or table (if any; ``source`` names
    it in ``story_source``), the corpus's labels kept in ``story_given``
    (``keep_given``: the corpus had some), and ``story_source``."""
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
        [source if pd.notna(s) else None for s in grouped], index=out.index, dtype=text
    )
    return out


def _needs_grouping(articles: pd.DataFrame, stories: str) -> bool:
    if stories == "given":
        return False
    return stories == "grouped" or articles["story"].isna().all()


def _settings_text(settings: Any) -> str:
    """'window 3 days, threshold 0.2' from group_stories's settings (its table's attrs)."""
    if not isinstance(settings, dict):
        return ""
    days = settings["window"]
    window = "dates ignored" if math.isinf(days) else f"window {days:g} days"
    return f"{window}, threshold {settings['threshold']:g}"


def _note(groups: pd.DataFrame, given: bool) -> str:
    n = groups["story"].nunique()
    why = (
        "stories='grouped': the given labels are kept in story_given"
        if given
        else "no article has a story label"
    )
    settings = groups.attrs.get("group_stories") or {}
    dated = groups["published"].notna().any() and not math.isinf(settings.get("window", 0))
    by = "content and date" if dated else "content"
    articles = "article" if len(groups) == 1 else "articles"
    return (
        f"{len(groups)} {articles} grouped into {n} {'story' if n == 1 else 'stories'} by "
        f"{by} ({why}; framing.group_stories, "
        f"{_settings_text(groups.attrs.get('group_stories'))}; story_source = 'grouped'). "
        "Give your own with load_corpus(..., story=COLUMN) (--field story=COLUMN) or "
        "stories=TABLE (--stories FILE.csv), or turn grouping off with stories='given' "
        "(--stories given)"
    )


def _some(values: pd.Series, n: int = 3) -> str:
    """The first ``n`` values, quoted, and how many more."""
    shown = ", ".join(repr(v) for v in values.iloc[:n])
    return shown + (f" and {len(values) - n} more" if len(values) > n else "")


def _table_note(table: pd.DataFrame, doc_ids: pd.Series, given: bool) -> str:
    """What a stories table passed to analyse did: how many articles it gave a story,
    which it left without one, and which of its doc ids are no article here."""
    stories = table.set_index("doc_id")["story"]
    listed = doc_ids.isin(set(table["doc_id"]))
    found = doc_ids.map(stories)
    n_stories = found.dropna().nunique()
    settings = _settings_text(table.attrs.get("group_stories"))
    what = f"framing.group_stories, {settings}" if settings else "the table passed to analyse"
    note = (
        f"{int(found.notna().sum())} of {len(doc_ids)} articles given their story from a "
        f"table ({what}): {n_stories} {'story' if n_stories == 1 else 'stories'}"
    )
    if not listed.any() and len(table) and len(doc_ids):
        note += (
            f" — none of its doc ids is an article here (its first: "
            f"{table['doc_id'].iloc[0]!r}; this analysis's first: {doc_ids.iloc[0]!r}); "
            "take the doc ids from analysis.articles or framing.group_stories"
        )
    empty = int((listed & found.isna()).sum())
    if empty:
        note += f"; {empty} {'article has' if empty == 1 else 'articles have'} an empty story in it"
    absent = int((~listed).sum())
    if absent:
        note += f"; {absent} {'article is' if absent == 1 else 'articles are'} not in it"
    if empty or absent:
        note += ", so without a story"
    unknown = table["doc_id"][~table["doc_id"].isin(set(doc_ids))]
    if len(unknown) and listed.any():
        are = "is" if len(unknown) == 1 else "are"
        note += f"; {len(unknown)} of its doc ids {are} not an article here: {_some(unknown)}"
    if given:
        note += "; the corpus's own labels are kept in story_given"
    return note


def with_stories(
    analysis: Analysis,
    stories: StorySource | pd.DataFrame,
    window: float = DEFAULT_WINDOW,
    threshold: float = DEFAULT_THRESHOLD,
) -> Analysis:
    """The analysis with its stories in place: grouped where ``stories`` asks for it
    (with ``window`` and ``threshold``), or taken from a table, and ``story_source`` on
    every article. An analysis in memory is changed in place; one in a results directory
    has its articles table rewritten part by part and is opened again. Returns the
    analysis to use."""
    labels = analysis._article_columns(["doc_id", "story", "story_source"])
    if "story_source" in labels.columns:  # a results directory done already
        return analysis
    given = bool(labels["story"].notna().any())
    groups = None
    source = "grouped"
    noted = len(analysis.notes)
    if isinstance(stories, pd.DataFrame):
        groups = stories
        source = "grouped" if stories.attrs.get("framing_grouped") else "given"
        analysis.notes.append(_table_note(stories, labels["doc_id"], given))
        log.info(analysis.notes[-1])
    elif _needs_grouping(labels, stories) and len(labels):
        groups = group_stories(analysis, window=window, threshold=threshold)
        analysis.notes.append(_note(groups, given))
        log.info(analysis.notes[-1])
    elif given and labels["story"].isna().any():
        missing = int(labels["story"].isna().sum())
        analysis.notes.append(
            f"{missing} of {len(labels)} articles {'has' if missing == 1 else 'have'} no "
            "story label: they count in the "
            "comparisons between outlets, not in the paired ones within stories. Label "
            "them, or group every article with stories='grouped' (--stories grouped; "
            "the labels are kept in story_given)"
        )
        log.info(analysis.notes[-1])
    keep = groups is not None and given
    if analysis.directory is None:
        analysis.articles = story_columns(analysis.articles, groups, keep_given=keep, source=source)
        return analysis
    return _rewrite(analysis, groups, keep, source, analysis.notes[noted:])


def _rewrite(
    analysis: Analysis,
    groups: pd.DataFrame | None,
    keep_given: bool,
    source: str,
    notes: list[str],
) -> Analysis:
    """Write ``story``, ``story_given`` and ``story_source`` into a results directory's
    articles table, one part at a time (each written beside, then renamed over)."""
    root = analysis.directory
    assert root is not None and analysis.manifest is not None
    manifest = _store.read_manifest(root)
    declared: dict[str, Any] = dict(manifest["tables"]["articles"]["columns"])
    folder = _store.table_dir(root, "articles")
    for part in sorted(folder.glob("part-*.parquet")):
        frame = story_columns(pd.read_parquet(part), groups, keep_given=keep_given, source=source)
        with tempfile.NamedTemporaryFile(dir=folder, suffix=".tmp", delete=False) as handle:
            staging = Path(handle.name)
        _store.write_parquet(frame, staging)
        os.replace(staging, part)
    if keep_given:
        declared["story_given"] = "str"
    declared["story_source"] = "str"
    manifest["tables"]["articles"]["columns"] = declared
    if notes:
        manifest["notes"] = [*manifest.get("notes", []), *notes]
    _store.write_json(manifest, root / _store.MANIFEST)
    return _store.reopen(root)
