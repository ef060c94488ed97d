"""Removing capture debris, with a record of every removal.

The rules are data (``cleaning_rules.toml`` beside this module); this module only
applies them. A removal is recorded with its rule and its offsets in ``raw_text``.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from os import PathLike
from pathlib import Path

from ..errors import ConfigError

__all__ = ["CleaningRule", "Removal", "clean_text", "load_cleaning_rules"]


@dataclass(frozen=True, slots=True)
class CleaningRule:
    """One debris pattern: every match of ``pattern`` up to ``max_chars`` long is removed."""

    name: str
    category: str
    pattern: re.Pattern[str]
    max_chars: int
    description: str = ""


@dataclass(frozen=True, slots=True)
class Removal:
    rule: str
    category: str
    start: int
    end: int
    text: str


def _parse_rules(data: dict, origin: str) -> list[CleaningRule]:
    entries = data.get("rules")
    if not isinstance(entries, list):
        raise ConfigError(f"{origin}: no [[rules]] tables; see framing/corpus/cleaning_rules.toml")
    rules = []
    for i, entry in enumerate(entries, start=1):
        missing = [key for key in ("name", "pattern") if key not in entry]
        if missing:
            raise ConfigError(
                f"{origin}: rule {i} lacks {', '.join(missing)}; every rule needs a "
                "name and a pattern"
            )
        try:
            pattern = re.compile(entry["pattern"])
        except re.error as exc:
            raise ConfigError(f"{origin}: rule {entry['name']!r} has a bad pattern: {exc}") from exc
        rules.append(
            CleaningRule(
                name=str(entry["name"]),
                category=str(entry.get("category", "custom")),
                pattern=pattern,
                max_chars=int(entry.get("max_chars", 300)),
                description=str(entry.get("description", "")),
            )
        )
    return rules


def load_cleaning_rules(
    path: str | PathLike[str] | None = None, *, include_defaults: bool = True
) -> list[CleaningRule]:
    """Read cleaning rules: framing's defaults, then those in ``path`` (a TOML file).

    Args:
        path: A TOML file with ``[[rules]]`` tables (name, category, pattern,
            max_chars, description), or None for the defaults only.
        include_defaults: Start from framing's rules; False uses ``path`` alone.

    Returns:
        The rules, in the order they are applied.

    Raises:
        ConfigError: The file is missing, is not TOML, or a rule is malformed.
    """
    rules: list[CleaningRule] = []
    if include_defaults:
        text = resources.files(__package__).joinpath("cleaning_rules.toml").read_text("utf-8")
        rules.extend(_parse_rules(tomllib.loads(text), "framing's cleaning_rules.toml"))
    if path is not None:
        p = Path(path)
        if not p.is_file():
            raise ConfigError(
                f"cleaning rules file {p} does not exist; pass the path of a TOML "
                "file with [[rules]] tables"
            )
        try:
            data = tomllib.loads(p.read_text("utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{p}: not valid TOML: {exc}") from exc
        rules.extend(_parse_rules(data, str(p)))
    names = [r.name for r in rules]
    dupes = sorted({n for n in names if names.count(n) > 1})
    if dupes:
        where = f" (in {path} and framing's defaults)" if path is not None else ""
        raise ConfigError(
            f"cleaning rule names must be unique; repeated{where}: {', '.join(dupes)}; "
            "rename your rule"
        )
    return rules


_BLANK_RUN = re.compile(r"\n{3,}")


def clean_text(raw: str, rules: Sequence[CleaningRule]) -> tuple[str, list[Removal], list[str]]:
    """Apply ``rules`` to ``raw``.

    Returns:
        The cleaned text (lines stripped, at most one blank line in a row), the
        removals with offsets into ``raw``, and notes on matches refused for length.
    """
    found: list[Removal] = []
    notes: list[str] = []
    for rule in rules:
        for m in rule.pattern.finditer(raw):
            if m.end() == m.start():
                continue
            if m.end() - m.start() > rule.max_chars:
                notes.append(
                    f"cleaning rule {rule.name} matched {m.end() - m.start()} chars at "
                    f"{m.start()}, more than its max_chars={rule.max_chars}; left in place"
                )
                continue
            found.append(Removal(rule.name, rule.category, m.start(), m.end(), m.group()))
    found.sort(key=lambda r: (r.start, -r.end))
    pieces: list[str] = []
    cursor = 0
    for removal in found:
        if removal.start > cursor:
            pieces.append(raw[cursor : removal.start])
        cursor = max(cursor, removal.end)
    pieces.append(raw[cursor:])
    cleaned = _tidy("".join(pieces))
    return cleaned, found, notes


def _tidy(text: str) -> str:
    lines = [line.strip() for line in text.split("\n")]
    return _BLANK_RUN.sub("\n\n", "\n".join(lines)).strip()
