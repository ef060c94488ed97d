"""Reading framing's lexicon data files and users' lexicon TOML files, for every feature.

The data files in ``features/lexicons`` are tab-separated with ``#`` comment lines (each
file's header says where its entries come from). A user's lexicon file is one TOML file
with a table per feature family (``[attribution]``, ``[hedging]``, ``[emphasis]``); each
family reads its own table and ignores the others.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from functools import cache, lru_cache
from importlib import resources
from os import PathLike
from pathlib import Path

from ..errors import ConfigError

__all__ = [
    "LEXICON_SECTIONS",
    "data_file",
    "function_words",
    "parse_toml",
    "read_toml",
    "read_tsv",
    "word_set",
]

_LEXICON_PACKAGE = "framing.features.lexicons"

#: The tables a user's lexicon file may hold, one per feature family.
LEXICON_SECTIONS: tuple[str, ...] = ("attribution", "hedging", "emphasis")


def read_tsv(text: str, origin: str) -> tuple[list[str], list[list[str]]]:
    """The header and rows of a tab-separated lexicon file (``#`` lines are comments).

    Raises:
        ConfigError: A row has more fields than the header, or there is no header.
    """
    header: list[str] | None = None
    rows: list[list[str]] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if header is None:
            header = cells
            continue
        if len(cells) < len(header):
            cells += [""] * (len(header) - len(cells))
        if len(cells) > len(header):
            raise ConfigError(
                f"{origin} line {number}: {len(cells)} tab-separated fields, the header has "
                f"{len(header)} ({', '.join(header)})"
            )
        rows.append(cells)
    if header is None:
        raise ConfigError(f"{origin}: no header row")
    return header, rows


def data_file(name: str) -> tuple[str, str]:
    """The text of one of framing's lexicon files, and how to name it in messages."""
    text = resources.files(_LEXICON_PACKAGE).joinpath(name).read_text("utf-8")
    return text, f"framing's lexicons/{name}"


@cache
def word_set(name: str) -> frozenset[str]:
    """The ``word`` column of one of framing's data files, as a set (each file read once)."""
    text, origin = data_file(name)
    header, rows = read_tsv(text, origin)
    column = header.index("word")
    return frozenset(row[column] for row in rows)


def function_words() -> frozenset[str]:
    """English function words: the one list framing keeps (``function_words.tsv``)."""
    return word_set("function_words.tsv")


@cache
def content_stop_words() -> frozenset[str]:
    """Words that never tell what happened: the function words, and contractions,
    speech-tag verbs, honorifics and weekdays (``alignment_stop_words.tsv``). Sentence
    alignment, story grouping and story labels all leave them out."""
    return function_words() | word_set("alignment_stop_words.tsv")


def read_toml(path: str) -> tuple[Mapping[str, object], bytes]:
    """A user's lexicon TOML file, parsed (cached while the file is unchanged), and its bytes.

    Raises:
        ConfigError: The file is missing, not UTF-8 TOML, or holds none of the tables in
            ``LEXICON_SECTIONS``.
    """
    p = Path(path)
    if not p.is_file():
        raise ConfigError(
            f"lexicon file {path} does not exist; pass the path of a TOML file with "
            + " / ".join(f"[{s}]" for s in LEXICON_SECTIONS)
            + " tables"
        )
    return _read_toml(str(p), p.stat().st_mtime)


@lru_cache(maxsize=8)
def _read_toml(path: str, mtime: float) -> tuple[Mapping[str, object], bytes]:
    data, raw = parse_toml(path)
    check_sections(data, path)
    return data, raw


def parse_toml(path: str) -> tuple[dict[str, object], bytes]:
    """A TOML file parsed, and its bytes.

    Raises:
        ConfigError: The file is not UTF-8 TOML (the message names it).
    """
    raw = Path(path).read_bytes()
    try:
        return tomllib.loads(raw.decode("utf-8")), raw
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not valid UTF-8 TOML: {exc}") from exc


def check_sections(data: Mapping[str, object], origin: str) -> None:
    """Raise ConfigError unless ``data`` holds at least one known table and no unknown one."""
    unknown = sorted(k for k in data if k not in LEXICON_SECTIONS)
    if unknown or not data:
        raise ConfigError(
            f"{origin}: "
            + (f"unknown table(s) {', '.join(unknown)}; " if unknown else "no tables; ")
            + "a lexicon file holds "
            + ", ".join(f"[{s}]" for s in LEXICON_SECTIONS)
            + " (see the README)"
        )


def story_file(path: str | PathLike[str], what: str, hint: str) -> tuple[str, float]:
    """The resolved path and modification time of a researcher's TOML file (angles,
    actors), for a loader cached on both.

    Raises:
        ConfigError: The file does not exist (the message names it and ``hint``).
    """
    p = Path(path)
    if not p.is_file():
        raise ConfigError(f"{what} {path} does not exist; pass a TOML file with {hint}")
    return str(p.resolve()), p.stat().st_mtime


def story_table(path: str, section: str, hint: str) -> tuple[dict[str, object], bytes]:
    """The non-empty ``[section]`` table of a TOML file, and the file's bytes.

    Raises:
        ConfigError: The file is not TOML or has no such table.
    """
    data, raw = parse_toml(path)
    table = data.get(section)
    if not isinstance(table, dict) or not table:
        raise ConfigError(f"{path}: no [{section}] table; write {hint}")
    return table, raw
