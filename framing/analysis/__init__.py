"""Step 4 of the flow: run every registered feature over a corpus into tidy tables.

Each article is segmented once (:func:`framing.text.segment`); every feature reads
that one segmentation. An article that fails (too long, not English, a feature
raising) becomes a row in ``Analysis.errors`` and the run goes on, so that always
``len(corpus.articles) + len(corpus.errors) == len(analysis.articles) +
len(analysis.errors)``.

A corpus runs in chunks (``_run``: :func:`analyse`; ``_chunk``: one chunk's task;
``_executors``: in this process, in worker processes or on a Dask cluster; ``_assemble``:
the chunks' tables put together), into memory or into a results directory of Parquet
tables (``_store``) that :func:`open_analysis` reads back. Where the corpus gives no
stories, the articles are grouped into stories by content and date (``_stories``:
:func:`group_stories`; ``_story_source``), and ``Analysis.stories`` describes them
(``_story_table``).
"""

from __future__ import annotations

from ._article import DEFAULT_MAX_CHARS, analyse_article
from ._result import Analysis, Tables, require_column
from ._run import analyse
from ._store import open_analysis
from ._stories import group_stories

__all__ = [
    "DEFAULT_MAX_CHARS",
    "Analysis",
    "Tables",
    "analyse",
    "analyse_article",
    "group_stories",
    "open_analysis",
    "require_column",
]
