"""Step 3 of the flow: feature families, each a pure function of a segmented article.

The registry below is the one place features are listed. A family declares its
columns, so tables (and Dask ``meta``) can be built without running it; the
orchestrator in ``framing.analysis`` runs whatever is registered.
"""

from __future__ import annotations

from collections.abc import Mapping
from os import PathLike
from pathlib import Path

from ..errors import ArgumentError
from ._base import ArticleInput, Feature, FeatureOutput, Option
from ._lexicons import content_stop_words, function_words
from ._measures import (
    Coded,
    Condition,
    Evidence,
    FamilyReport,
    Highlight,
    Measure,
    SpanValue,
    Unit,
    above,
    at_least,
    at_most,
    below,
    equals,
    one_of,
    present,
)
from ._position import LEDE_SENTENCES, position_weight
from ._table import Table, as_table
from .actors import ACTORS
from .attribution import ATTRIBUTION
from .emphasis import EMPHASIS
from .hedging import HEDGING
from .readability import READABILITY
from .sentiment import SENTIMENT

__all__ = [
    "BASE_MEASURES",
    "FEATURES",
    "LEDE_SENTENCES",
    "ArticleInput",
    "Coded",
    "Condition",
    "Evidence",
    "FamilyReport",
    "Feature",
    "FeatureOutput",
    "Highlight",
    "Measure",
    "Option",
    "SpanValue",
    "Table",
    "Unit",
    "above",
    "as_table",
    "at_least",
    "at_most",
    "below",
    "check_options",
    "content_stop_words",
    "equals",
    "function_words",
    "one_of",
    "option_labels",
    "option_names",
    "position_weight",
    "present",
    "register_feature",
    "renamed_columns",
]

#: Registered families by name, in the order they run (and reports show them).
FEATURES: dict[str, Feature] = {}

#: Figures every article has whatever families run: its length, from segmentation.
BASE_MEASURES: tuple[Measure, ...] = (
    Measure(
        "n_words",
        "words per article",
        "count",
        "higher = longer articles",
        summary=True,
        family="structure",
    ),
)


def renamed_columns(table: str | None = None) -> dict[str, str]:
    """The columns registered families renamed, old name → new (``Feature.renamed``):
    all of them, or those of one table (a span table's own family's; every family's for
    ``articles`` and ``sentences``)."""
    owners = [
        f
        for f in FEATURES.values()
        if table is None or table in ("articles", "sentences") or table in f.span_tables
    ]
    return {old: new for f in owners for old, new in f.renamed.items()}


def option_names() -> tuple[str, ...]:
    """Every option the registered families read, in the registry's order."""
    return tuple(dict.fromkeys(o.name for f in FEATURES.values() for o in f.options))


def option_labels() -> dict[str, str]:
    """Each option's label ("angles file"), by name, for the report's methods."""
    labels: dict[str, str] = {}
    for feature in FEATURES.values():
        for o in feature.options:
            labels.setdefault(o.name, o.label)
    return labels


def check_options(options: Mapping[str, str | PathLike[str] | None]) -> dict[str, str | None]:
    """The researcher's files, checked by every family that reads them, as absolute paths.

    Every option a registered family declares is in the result (None where not given), so
    a run's settings name them all.

    Raises:
        ArgumentError: An option no registered family reads.
        ConfigError: A family's check found the file wrong (the message names it).
    """
    known = option_names()
    unknown = [name for name in options if name not in known]
    if unknown:
        raise ArgumentError(
            f"unknown option {', '.join(map(repr, unknown))}: the registered feature "
            f"families read {', '.join(known)}; check the spelling"
        )
    out: dict[str, str | None] = dict.fromkeys(known)
    for feature in FEATURES.values():
        for o in feature.options:
            value = options.get(o.name)
            if value is not None:
                o.check(str(value))
                out[o.name] = str(Path(value).resolve())
    return out


def register_feature(feature: Feature, *, replace: bool = False) -> Feature:
    """Add a feature family to the registry (``analyse`` runs every registered one).

    Raises:
        ArgumentError: A family of that name is registered and ``replace`` is False, or
            its columns clash with another family's.
    """
    if feature.name in FEATURES and not replace:
        raise ArgumentError(f"feature {feature.name!r} is already registered; pass replace=True")
    taken = {
        col: other.name
        for other in FEATURES.values()
        if other.name != feature.name
        for col in [*other.article_columns, *other.sentence_columns]
    }
    clashes = [c for c in [*feature.article_columns, *feature.sentence_columns] if c in taken]
    if clashes:
        raise ArgumentError(
            f"feature {feature.name!r} declares columns already declared: "
            + ", ".join(f"{c} (by {taken[c]})" for c in clashes)
        )
    FEATURES[feature.name] = feature
    return feature


# The order of the questions a report answers: who speaks, how sure, how it feels,
# what it puts first, how hard it reads.
for _feature in (ATTRIBUTION, ACTORS, HEDGING, SENTIMENT, EMPHASIS, READABILITY):
    register_feature(_feature)
