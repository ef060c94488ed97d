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
from typing import Any

from ..errors import ConfigError

__all__ = ["CleaningRule", "Removal", "clean_text", "load_cleaning_rules"]


@dataclass(frozen=True, slots=True)
class CleaningRule:
    """One debris pattern: every match of ``pattern`` up to ``max_chars`` long is removed."""

    name: str
    category: str
    pattern: Any  # re.Pattern for framing's rules, regex.Pattern for a researcher's
    max_chars: int
    description: str = ""
    #: CPU-clock seconds the rule may take on one article (a researcher's rules only):
    #: a pattern that backtracks without end makes that article an error row, not a
    #: hung run.
    seconds: float | None = None


#: Seconds a researcher's rule may take on one article unless the rule says otherwise.
DEFAULT_RULE_SECONDS = 2.0


class RuleTimeout(Exception):
    """A researcher's cleaning rule ran over its time on one article."""

    def __init__(self, rule: CleaningRule) -> None:
        super().__init__(
            f"cleaning rule {rule.name} ran over its {rule.seconds:g} s on this article (its "
            "pattern may backtrack without end, as '(a|aa)+$' does); fix the pattern, or "
            "give the rule more time with seconds = N in its [[rules]] table"
        )
        self.rule = rule


@dataclass(frozen=True, slots=True)
class Removal:
    rule: str
    category: str
    start: int
    end: int
    text: str


def _parse_rules(data: dict, origin: str, *, researcher: bool = False) -> list[CleaningRule]:
    """Rules from a TOML table. A researcher's patterns are compiled by the ``regex``
    module (re's syntax; Barnett's library), which can stop a match after a time."""
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
        seconds = None
        if researcher:
            import regex

            compile_, errors = regex.compile, (regex.error, ValueError)
            seconds = float(entry.get("seconds", DEFAULT_RULE_SECONDS))
        else:
            compile_, errors = re.compile, (re.error,)
        try:
            pattern = compile_(entry["pattern"])
        except errors as exc:
            raise ConfigError(f"{origin}: rule {entry['name']!r} has a bad pattern: {exc}") from exc
        rules.append(
            CleaningRule(
                name=str(entry["name"]),
                category=str(entry.get("category", "custom")),
                pattern=pattern,
                max_chars=int(entry.get("max_chars", 300)),
                description=str(entry.get("description", "")),
                seconds=seconds,
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
        rules.extend(_parse_rules(data, str(p), researcher=True))
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
        matches = rule.pattern.finditer(raw) if rule.seconds is None else _timed(rule, raw)
        for m in matches:
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


def _timed(rule: CleaningRule, raw: str) -> list[Any]:
    """A researcher's rule's matches, within its time on this article."""
    try:
        return list(rule.pattern.finditer(raw, timeout=rule.seconds))
    except TimeoutError as exc:
        raise RuleTimeout(rule) from exc


def _tidy(text: str) -> str:
    lines = [line.strip() for line in text.split("\n")]
    return _BLANK_RUN.sub("\n\n", "\n".join(lines)).strip()
