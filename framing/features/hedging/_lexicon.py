"""The hedge, booster and weasel lexicons: data files shipped in ``features/lexicons``,
extended from the ``[hedging]`` table of a user's lexicon TOML file::

    [hedging]
    conditionals = false           # stop counting "if", "unless", "whether"
    weasels = true                 # count the opt-in weasel tier
    remove = ["potential"]         # lemmas to stop counting

    [hedging.hedges]
    "in all likelihood" = "adverb" # pattern = category
    [hedging.boosters]
    "beyond question" = "adverb"
    [hedging.weasels]
    "pundits say" = "weasel"

A pattern is lowercase words separated by spaces; ``a|b`` matches either word and
``{be}`` a form of "be" followed by up to two adverbs (see ``hedges.tsv``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from os import PathLike
from pathlib import Path
from typing import Literal

from ...errors import ConfigError
from .._lexicons import check_sections, data_file, read_toml, read_tsv

__all__ = [
    "BOOSTER_CATEGORIES",
    "HEDGE_CATEGORIES",
    "Cue",
    "HedgeLexicons",
    "load_hedge_lexicons",
]

Tier = Literal["hedge", "booster", "weasel"]

#: Hedge categories, in the order the article table lists them.
HEDGE_CATEGORIES: tuple[str, ...] = (
    "modal",
    "adverb",
    "adjective",
    "noun",
    "verb",
    "impersonal",
    "approximator",
    "conditional",
    "weasel",
)
#: Booster categories.
BOOSTER_CATEGORIES: tuple[str, ...] = ("adverb", "adjective", "verb", "modal")
_CLASSES = ("epistemic", "doxastic", "investigation", "condition", "-")
BE = "{be}"


@dataclass(frozen=True, slots=True)
class Cue:
    """One lexicon row: a pattern compiled to steps (word sets, or ``BE``)."""

    pattern: str
    lemma: str
    category: str
    uncertainty_class: str | None
    tier: Tier
    steps: tuple[frozenset[str] | str, ...]


@dataclass(frozen=True)
class HedgeLexicons:
    """Every cue, indexed by the first word it can start with."""

    cues: tuple[Cue, ...]
    conditionals: bool = True
    weasels: bool = False
    sources: tuple[str, ...] = ("framing",)
    digest: str = ""

    def __post_init__(self) -> None:
        index: dict[str, list[Cue]] = {}
        for cue in self.cues:
            first = cue.steps[0]
            words = set(_BE_FORMS if first == BE else first)
            if first != BE and len(cue.steps) > 1 and cue.steps[1] == BE:
                words |= {w + "'s" for w in first} | {w + "'re" for w in first}  # "it's"
            for word in words:
                index.setdefault(word, []).append(cue)
        object.__setattr__(self, "_index", index)
        # The search's own index, of the cues the options switch on: cues of two words or
        # more that begin with two plain words are found by that pair ("in fact" only
        # where "in" is followed by "fact"), the others by their first word. Most tokens
        # then cost one or two dictionary lookups.
        order = {id(cue): n for n, cue in enumerate(self.cues)}
        by_word: dict[str, list[Cue]] = {}
        by_pair: dict[tuple[str, str], list[Cue]] = {}
        after_be: dict[str, list[Cue]] = {}
        for word, cues in index.items():
            for cue in cues:
                if not self.active(cue):
                    continue
                steps = cue.steps
                if len(steps) > 1 and steps[0] != BE and steps[1] != BE:
                    assert isinstance(steps[1], frozenset)
                    for second in steps[1]:
                        by_pair.setdefault((word, second), []).append(cue)
                elif len(steps) > 1 and steps[0] == BE and isinstance(steps[1], frozenset):
                    # "{be} expected to": found by the word after the form of "be"
                    # (and the adverbs it may take), once, not at every "is".
                    if word == "is":
                        for second in steps[1]:
                            after_be.setdefault(second, []).append(cue)
                else:
                    by_word.setdefault(word, []).append(cue)
        object.__setattr__(self, "_order", order)
        object.__setattr__(self, "_by_word", by_word)
        object.__setattr__(self, "_by_pair", by_pair)
        object.__setattr__(self, "_after_be", after_be)

    def search_index(
        self,
    ) -> tuple[
        dict[str, list[Cue]],
        dict[tuple[str, str], list[Cue]],
        dict[str, list[Cue]],
        dict[int, int],
    ]:
        """The active cues by first word, by first two words, and (those starting with a
        form of "be") by the word after it; and each cue's place in the lexicon
        (candidates at one token are tried in that order)."""
        return self._by_word, self._by_pair, self._after_be, self._order  # type: ignore[attr-defined]

    def starting_with(self, word: str) -> list[Cue]:
        """The cues whose first step matches ``word`` (lowercase)."""
        return self._index.get(word, [])  # type: ignore[attr-defined]

    def active(self, cue: Cue) -> bool:
        """Whether the options switch this cue on."""
        if cue.tier == "weasel":
            return self.weasels
        return self.conditionals or cue.category != "conditional"


_BE_FORMS = frozenset(["is", "are", "was", "were", "be", "been", "being", "am", "'s", "'re"])


def _compile(pattern: str, origin: str) -> tuple[frozenset[str] | str, ...]:
    steps: list[frozenset[str] | str] = []
    for part in pattern.casefold().replace("’", "'").split():
        if part == BE:
            steps.append(BE)
        elif "{" in part or "}" in part:
            raise ConfigError(f"{origin}: pattern {pattern!r}: the only slot is {{be}}")
        else:
            steps.append(frozenset(w for w in part.split("|") if w))
    if not steps:
        raise ConfigError(f"{origin}: an empty pattern")
    return tuple(steps)


def _cue(pattern: str, lemma: str, category: str, klass: str, tier: Tier, origin: str) -> Cue:
    allowed = HEDGE_CATEGORIES if tier != "booster" else BOOSTER_CATEGORIES
    if category not in allowed:
        raise ConfigError(
            f"{origin}: {tier} {pattern!r} has category {category!r}; use one of "
            + ", ".join(allowed)
        )
    if klass not in _CLASSES:
        raise ConfigError(f"{origin}: {pattern!r} has class {klass!r}; use one of {_CLASSES}")
    return Cue(
        pattern,
        lemma or pattern,
        category,
        None if klass == "-" else klass,
        tier,
        _compile(pattern, origin),
    )


def _base_cues(digest: hashlib._Hash) -> list[Cue]:
    cues: list[Cue] = []
    for name, tier in (
        ("hedges.tsv", "hedge"),
        ("boosters.tsv", "booster"),
        ("weasels.tsv", "weasel"),
    ):
        text, origin = data_file(name)
        digest.update(text.encode())
        header, rows = read_tsv(text, origin)
        for row in rows:
            cell = dict(zip(header, row, strict=True))
            cues.append(
                _cue(
                    cell["pattern"],
                    cell["lemma"],
                    cell["category"],
                    cell.get("class", "-") or "-",
                    tier,  # type: ignore[arg-type]
                    origin,
                )
            )
    return cues


def _extend(
    cues: list[Cue], section: Mapping[str, object], origin: str
) -> tuple[list[Cue], bool, bool]:
    known = {"conditionals", "weasels", "remove", "hedges", "boosters", "weasel_phrases"}
    unknown = sorted(set(section) - known)
    if unknown:
        raise ConfigError(
            f"{origin}: unknown key(s) in [hedging]: {', '.join(unknown)}; "
            f"known: {', '.join(sorted(known))}"
        )
    flags = {}
    for key, default in (("conditionals", True), ("weasels", False)):
        value = section.get(key, default)
        if not isinstance(value, bool):
            raise ConfigError(f"{origin}: [hedging] {key} must be true or false, not {value!r}")
        flags[key] = value
    remove = section.get("remove", [])
    if not isinstance(remove, list) or not all(isinstance(r, str) for r in remove):
        raise ConfigError(f"{origin}: [hedging] remove must be a list of lemmas")
    dropped = {r.casefold() for r in remove}
    out = [c for c in cues if c.lemma.casefold() not in dropped]
    for key, tier in (("hedges", "hedge"), ("boosters", "booster"), ("weasel_phrases", "weasel")):
        table = section.get(key, {})
        if not isinstance(table, dict):
            raise ConfigError(
                f'{origin}: [hedging.{key}] must be a table of "pattern" = "category"'
            )
        for pattern, category in table.items():
            # A user's cue comes first, so it wins a tie with a built-in one of equal length.
            out.insert(0, _cue(pattern, pattern, str(category), "-", tier, origin))  # type: ignore[arg-type]
    return out, flags["conditionals"], flags["weasels"]


@lru_cache(maxsize=1)
def default_hedge_lexicons() -> HedgeLexicons:
    """framing's own hedge, booster and weasel cues, read once per process."""
    digest = hashlib.sha256()
    return HedgeLexicons(tuple(_base_cues(digest)), digest=digest.hexdigest()[:16])


def _build(data: Mapping[str, object], origin: str, raw: bytes) -> HedgeLexicons:
    digest = hashlib.sha256()
    cues = _base_cues(digest)
    section = data.get("hedging", {})
    if not isinstance(section, dict):
        raise ConfigError(f"{origin}: [hedging] must be a table (see the README)")
    cues, conditionals, weasels = _extend(cues, section, origin)
    digest.update(raw)
    return HedgeLexicons(
        tuple(cues), conditionals, weasels, ("framing", origin), digest.hexdigest()[:16]
    )


@lru_cache(maxsize=8)
def _build_file(path: str, raw: bytes) -> HedgeLexicons:
    return _build(read_toml(path)[0], path, raw)


def load_hedge_lexicons(
    extra: str | PathLike[str] | Mapping[str, object] | HedgeLexicons | None = None,
) -> HedgeLexicons:
    """framing's hedge and booster lexicons, extended from a TOML file or a mapping.

    Args:
        extra: A TOML file path, or the parsed mapping, with a ``[hedging]`` table (see
            this module's docstring); None gives the defaults.

    Raises:
        ConfigError: The file is missing, not TOML, or has an unknown key or category.
    """
    if extra is None:
        return default_hedge_lexicons()
    if isinstance(extra, HedgeLexicons):
        return extra
    if isinstance(extra, Mapping):
        check_sections(extra, "lexicon mapping")
        return _build(extra, "lexicon mapping", repr(sorted(extra.items(), key=str)).encode())
    path = str(Path(extra))
    _, raw = read_toml(path)
    return _build_file(path, raw)
