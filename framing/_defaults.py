"""Defaults the command line shows in its help, kept apart from the modules that use
them so that ``framing --help`` imports nothing heavy."""

from __future__ import annotations

__all__ = ["DEFAULT_MAX_ARTICLES"]

#: Counted articles shown annotated in a report by default; the rest are in its tables.
DEFAULT_MAX_ARTICLES = 60
