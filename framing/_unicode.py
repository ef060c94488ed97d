"""Lone surrogates: halves of UTF-16 pairs that JSON escapes and Python strings can hold
but no UTF-8 writer (pandas' string columns, Parquet, a file) accepts."""

from __future__ import annotations

import re

__all__ = ["replace_surrogates"]

_SURROGATE = re.compile("[\ud800-\udfff]")


def replace_surrogates(text: str) -> tuple[str, int]:
    """``text`` with each lone surrogate replaced by U+FFFD, and how many there were.

    One code point for one, so every character offset stays where it was."""
    if not _SURROGATE.search(text):
        return text, 0
    return _SURROGATE.subn("\ufffd", text)
