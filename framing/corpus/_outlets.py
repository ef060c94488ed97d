"""Outlet names: one spelling per outlet, through an alias table the user can extend."""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from collections.abc import Mapping, Sequence
from importlib import resources
from os import PathLike
from pathlib import Path

import pandas as pd

from ..errors import ConfigError

__all__ = ["load_outlet_aliases", "normalise_outlets"]

_SPACE = re.compile(r"\s+")


def _key(name: str) -> str:
    return _SPACE.sub(" ", name).strip().casefold()


def _read_aliases(text: str, origin: str) -> dict[str, str]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{origin}: not valid TOML: {exc}") from exc
    table = data.get("aliases")
    if not isinstance(table, dict):
        raise ConfigError(f'{origin}: needs an [aliases] table of "spelling" = "Outlet Name"')
    return {_key(str(k)): str(v) for k, v in table.items()}


def load_outlet_aliases(
    extra: Mapping[str, str] | str | PathLike[str] | None = None,
) -> dict[str, str]:
    """framing's outlet aliases, extended by ``extra`` (a mapping or a TOML file)."""
    text = resources.files(__package__).joinpath("outlets.toml").read_text("utf-8")
    aliases = _read_aliases(text, "framing's outlets.toml")
    if extra is None:
        return aliases
    if isinstance(extra, Mapping):
        aliases.update({_key(str(k)): str(v) for k, v in extra.items()})
        return aliases
    path = Path(extra)
    if not path.is_file():
        raise ConfigError(
            f"outlet alias file {path} does not exist; pass a mapping or the path "
            "of a TOML file with an [aliases] table"
        )
    aliases.update(_read_aliases(path.read_text("utf-8"), str(path)))
    return aliases


def normalise_outlets(
    raw: pd.Series, aliases: Mapping[str, str], counts: Sequence[int] | None = None
) -> pd.Series:
    """Map each outlet spelling to its canonical name.

    Aliases first; then case and spacing variants of a name without an alias are
    merged under their most frequent spelling (ties: first seen).

    Args:
        raw: The spellings, in the order the corpus gives them.
        aliases: Outlet aliases (:func:`load_outlet_aliases`).
        counts: How many articles give each spelling of ``raw``, where ``raw`` holds
            each spelling once in order of first appearance (default: one each).
    """
    stripped = raw.map(lambda v: _SPACE.sub(" ", v).strip() if isinstance(v, str) else v)
    aliased = stripped.map(lambda v: aliases.get(_key(v), v) if isinstance(v, str) else v)
    spellings: dict[str, Counter[str]] = {}
    weights = counts if counts is not None else [1] * len(aliased)
    for value, weight in zip(aliased, weights, strict=True):
        if isinstance(value, str) and value:
            spellings.setdefault(_key(value), Counter())[value] += int(weight)
    chosen = {key: counts.most_common(1)[0][0] for key, counts in spellings.items()}
    return aliased.map(lambda v: chosen.get(_key(v), v) if isinstance(v, str) and v else v)
