"""Defaults the command line shows in its help, kept apart from the modules that use
them so that ``framing --help`` imports nothing heavy."""

from __future__ import annotations

__all__ = ["DEFAULT_MAX_ARTICLES", "DEFAULT_STORY_THRESHOLD", "DEFAULT_STORY_WINDOW"]

#: Counted articles shown annotated in a report by default; the rest are in its tables.
DEFAULT_MAX_ARTICLES = 60

#: Story grouping (framing.group_stories): days two linked articles may lie apart.
DEFAULT_STORY_WINDOW = 3.0
#: Story grouping: the cosine at or above which two articles (and two stories, on
#: average) are joined.
DEFAULT_STORY_THRESHOLD = 0.2
