"""Frame cues (``features/lexicons/frames.tsv``) and a researcher's angles (a TOML file).

An angles file names the angles a researcher looks for in one story, each with the terms
and phrases that signal it::

    [angles."UK–Israel relations"]
    terms = ["Israel", "Israeli*", "Netanyahu"]
    phrases = ["repair bridges", "diplomatic fallout"]

A term or phrase is matched case-insensitively as a word sequence; ``a|b`` matches either
word and a trailing ``*`` any word starting so. framing ships the angles of its seed story
as an example (``framing.EXAMPLE_ANGLES``).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from os import PathLike

from ...errors import ConfigError
from .._lexicons import data_file, read_tsv, story_file, story_table

__all__ = ["FRAMES", "CuePattern", "Cues", "default_frames", "load_angles"]

#: Semetko & Valkenburg's (2000) five generic news frames.
FRAMES: tuple[str, ...] = ("conflict", "responsibility", "human_interest", "economic", "morality")

Step = tuple[frozenset[str], tuple[str, ...]]  # exact words, prefixes


@dataclass(frozen=True, slots=True)
class CuePattern:
    """One term or phrase of a frame or an angle, compiled to steps."""

    name: str  # the frame or angle it signals
    pattern: str
    steps: tuple[Step, ...]


@dataclass(frozen=True)
class Cues:
    """Compiled patterns of one kind (frames or angles), indexed for lookup."""

    kind: str
    names: tuple[str, ...]
    patterns: tuple[CuePattern, ...]
    digest: str = ""

    def __post_init__(self) -> None:
        exact: dict[str, list[CuePattern]] = {}
        prefixed: dict[str, list[CuePattern]] = {}
        for p in self.patterns:
            words, prefixes = p.steps[0]
            for w in words:
                exact.setdefault(w, []).append(p)
            for pre in prefixes:
                prefixed.setdefault(pre, []).append(p)
        object.__setattr__(self, "_exact", exact)
        object.__setattr__(self, "_prefixed", prefixed)
        object.__setattr__(self, "_lengths", sorted({len(pre) for pre in prefixed}))
        object.__setattr__(self, "_seen", {})  # word -> its patterns, for repeated words

    @property
    def seen(self) -> dict[str, list[CuePattern]]:
        """The patterns found for each word looked up so far (read before calling
        :meth:`starting_with`, which fills it, to save a call per token)."""
        return self._seen  # type: ignore[attr-defined]

    def starting_with(self, word: str) -> list[CuePattern]:
        """Patterns whose first step matches ``word`` (lowercase)."""
        seen: dict[str, list[CuePattern]] = self._seen  # type: ignore[attr-defined]
        found = seen.get(word)
        if found is None:
            found = list(self._exact.get(word, ()))  # type: ignore[attr-defined]
            prefixed: dict[str, list[CuePattern]] = self._prefixed  # type: ignore[attr-defined]
            for n in self._lengths:  # type: ignore[attr-defined]
                if n > len(word):
                    break
                found.extend(prefixed.get(word[:n], ()))
            if len(seen) < 200_000:
                seen[word] = found
        return found


def compile_steps(pattern: str, origin: str) -> tuple[Step, ...]:
    steps: list[Step] = []
    for part in pattern.casefold().replace("’", "'").split():
        alternatives = [a for a in part.split("|") if a]
        exact = frozenset(a for a in alternatives if not a.endswith("*"))
        prefixes = tuple(a[:-1] for a in alternatives if a.endswith("*") and len(a) > 1)
        if not exact and not prefixes:
            raise ConfigError(f"{origin}: pattern {pattern!r} has an empty word")
        steps.append((exact, prefixes))
    if not steps:
        raise ConfigError(f"{origin}: an empty pattern")
    return tuple(steps)


@lru_cache(maxsize=1)
def default_frames() -> Cues:
    """The five frames' cues from ``frames.tsv``."""
    text, origin = data_file("frames.tsv")
    _, rows = read_tsv(text, origin)
    patterns = []
    for frame, pattern in rows:
        if frame not in FRAMES:
            raise ConfigError(f"{origin}: unknown frame {frame!r}; use one of {FRAMES}")
        patterns.append(CuePattern(frame, pattern, compile_steps(pattern, origin)))
    digest = hashlib.sha256(text.encode()).hexdigest()[:16]
    return Cues("frame", FRAMES, tuple(patterns), digest)


def load_angles(path: str | PathLike[str] | None) -> Cues | None:
    """A researcher's angles from a TOML file (see the module docstring); None for None.

    Raises:
        ConfigError: The file is missing or not TOML, has no ``[angles]`` table, or an
            angle has no terms.
    """
    if path is None:
        return None
    hint = '[angles."Name"] tables with terms = [...] (see framing.EXAMPLE_ANGLES)'
    return _load_angles(*story_file(path, "angles file", hint))


@lru_cache(maxsize=8)
def _load_angles(path: str, mtime: float) -> Cues:
    table, raw = story_table(
        path, "angles", '[angles."Name"] with terms = [...] (see framing.EXAMPLE_ANGLES)'
    )
    patterns: list[CuePattern] = []
    for name, spec in table.items():
        if not isinstance(spec, dict):
            raise ConfigError(f'{path}: [angles."{name}"] must be a table with terms/phrases')
        unknown = sorted(set(spec) - {"terms", "phrases", "description"})
        if unknown:
            raise ConfigError(
                f'{path}: [angles."{name}"] has unknown key(s) {", ".join(unknown)}; '
                "use terms, phrases, description"
            )
        words = [*spec.get("terms", []), *spec.get("phrases", [])]
        if not words or not all(isinstance(w, str) for w in words):
            raise ConfigError(f'{path}: [angles."{name}"] needs terms = ["...", ...]')
        patterns.extend(CuePattern(name, w, compile_steps(w, path)) for w in words)
    digest = hashlib.sha256(raw).hexdigest()[:16]
    return Cues("angle", tuple(table), tuple(patterns), digest)
