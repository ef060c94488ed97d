"""framing's version, at the bottom of the flow so that every step may state it."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("framing")
except PackageNotFoundError:  # running from a source tree
    __version__ = "0+unknown"
