"""What a report's methods section states: software versions, every lexicon with its
SHA-256, the thresholds used, and a hash of every input article, so a reader can tell
whether two reports were made from the same data with the same tools."""

from __future__ import annotations

import hashlib
import platform
from dataclasses import dataclass
from importlib import resources
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from ..features import option_labels

if TYPE_CHECKING:
    from ..analysis import Analysis

_PACKAGES = ("framing", "pandas", "numpy", "vaderSentiment", "textstat", "matplotlib")


@dataclass(frozen=True)
class Methods:
    """What the methods section states."""

    software: list[tuple[str, str]]
    lexicons: list[tuple[str, str, str]]  # name, where from, sha256
    thresholds: list[tuple[str, str]]
    inputs: pd.DataFrame  # doc_id, outlet, origin, counted, sha256


def sha256(data: bytes) -> str:
    """The SHA-256 of ``data``, in hex."""
    return hashlib.sha256(data).hexdigest()


def relative_origin(origin: object, source: object) -> str:
    """Where an article came from, relative to the corpus it was loaded from: a report
    that travels should not carry the researcher's home folder."""
    text = "" if origin is None or origin != origin else str(origin)
    if source:
        root = Path(str(source))
        base = str(root.parent if root.suffix else root)  # a table: its folder
        if base not in (".", "/") and text.startswith(base):
            return text[len(base) :].lstrip("/\\")
    return text


def _version(package: str) -> str:
    try:
        return version(package)
    except PackageNotFoundError:
        return "not installed"


def collect(analysis: Analysis, thresholds: dict[str, Any]) -> Methods:
    """Versions, lexicon hashes, the thresholds given, and a hash of every input."""
    software = [("Python", platform.python_version())]
    software += [(p, _version(p)) for p in _PACKAGES]
    shipped = f"shipped with framing {_version('framing')}"
    lexicons = [
        (entry.name, shipped, sha256(entry.read_bytes()))
        for entry in sorted(
            resources.files("framing.features.lexicons").iterdir(), key=lambda e: e.name
        )
        if entry.name.endswith(".tsv")
    ]
    for role, label in option_labels().items():
        path = analysis.settings.get(role)
        if path:
            lexicons.append((Path(path).name, f"the researcher's {label}", _file_hash(path)))
    counted = set(analysis.counted["doc_id"])
    source = getattr(analysis.corpus, "source", None)
    arts = analysis.corpus.articles if analysis.corpus is not None else analysis.articles
    raw = arts["raw_text"] if "raw_text" in arts.columns else arts.get("text")
    inputs = pd.DataFrame(
        {
            "doc_id": arts["doc_id"],
            "outlet": arts["outlet"],
            "origin": [relative_origin(o, source) for o in arts["origin"]]
            if "origin" in arts.columns
            else "",
            "counted": arts["doc_id"].isin(counted),
            "sha256": [sha256(str(t).encode("utf-8")) if t is not None else "" for t in raw],
        }
    )
    listed = [(k, str(v)) for k, v in thresholds.items()]
    return Methods(software, lexicons, listed, inputs)


def _file_hash(path: str) -> str:
    try:
        return sha256(Path(path).read_bytes())
    except OSError as exc:
        return f"unreadable now ({exc.strerror})"
