"""A researcher's actor file: canonical names, the other names each actor goes by, and
optionally its type. It merges actors across a corpus ("Trump" in one outlet, "Donald
Trump" in another) and names actors framing cannot find alone ("the militant group")::

    [actors."Donald Trump"]
    aliases = ["Trump", "President Trump", "the US president"]
    type = "person"            # person, organisation, country or other; optional

    [actors."Hamas"]
    aliases = ["the militant group"]

A word of an alias written in lowercase matches in any case ("the US president" also
matches "The US president"); a word with a capital matches only as written ("US", not
"us"). The canonical name is
an alias of itself, so listing an actor with no aliases still makes framing count it
("Gaza"). Where an alias overlaps a name framing found, the alias file wins.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from os import PathLike

from ...errors import ConfigError
from ...text import segment
from .._lexicons import story_file, story_table

__all__ = ["ACTOR_TYPES", "ActorAliases", "load_actor_aliases"]

#: What an actor can be.
ACTOR_TYPES: tuple[str, ...] = ("person", "organisation", "country", "other")


@dataclass(frozen=True, slots=True)
class ActorAliases:
    """A parsed actor file."""

    names: dict[str, str]  # casefolded canonical name or alias -> canonical name
    types: dict[str, str]  # canonical name -> type, where the file gives one
    patterns: tuple[tuple[tuple[str, ...], str], ...]  # words (lowercase: any case), name
    digest: str

    def rename(self, name: str) -> str:
        """The canonical name for ``name`` if the file lists it, else ``name``."""
        return self.names.get(name.casefold(), name)


def _words(phrase: str) -> tuple[str, ...]:
    seg = segment(phrase)
    return tuple(seg.text[s:e].replace("’", "'") for s, e in seg.tokens)


def load_actor_aliases(path: str | PathLike[str] | None) -> ActorAliases | None:
    """A researcher's actor file (see the module docstring); None for None.

    Raises:
        ConfigError: The file is missing or not TOML, has no ``[actors]`` table, an
            unknown key or type, or gives one alias to two actors.
    """
    if path is None:
        return None
    hint = '[actors."Name"] tables with aliases = [...] (see framing.EXAMPLE_ACTORS)'
    return _load(*story_file(path, "actor file", hint))


@lru_cache(maxsize=8)
def _load(path: str, mtime: float) -> ActorAliases:
    table, raw = story_table(
        path, "actors", '[actors."Name"] with aliases = [...] (see framing.EXAMPLE_ACTORS)'
    )
    names: dict[str, str] = {}
    types: dict[str, str] = {}
    patterns: list[tuple[tuple[str, ...], str]] = []
    for canonical, spec in table.items():
        where = f'{path}: [actors."{canonical}"]'
        if not isinstance(spec, dict):
            raise ConfigError(f"{where} must be a table with aliases = [...]")
        unknown = sorted(set(spec) - {"aliases", "type"})
        if unknown:
            raise ConfigError(f"{where} has unknown key(s) {', '.join(unknown)}; use aliases, type")
        aliases = spec.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise ConfigError(f'{where}: aliases must be a list of strings, e.g. ["Healey"]')
        kind = spec.get("type")
        if kind is not None:
            if kind not in ACTOR_TYPES:
                raise ConfigError(f"{where}: type {kind!r} is not one of {', '.join(ACTOR_TYPES)}")
            types[canonical] = kind
        for alias in [canonical, *aliases]:
            key = alias.strip().casefold()
            if not key:
                raise ConfigError(f"{where}: an alias is empty")
            if names.get(key, canonical) != canonical:
                raise ConfigError(
                    f"{where}: alias {alias!r} is also given to {names[key]!r}; "
                    "give each alias to one actor"
                )
            names[key] = canonical
            words = _words(alias)
            if words:
                patterns.append((words, canonical))
    digest = hashlib.sha256(raw).hexdigest()[:16]
    return ActorAliases(names, types, tuple(patterns), digest)
