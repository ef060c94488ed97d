"""The tables framing hands researchers: DataFrames in which a column's old name still
reads its renamed column for one release."""

from __future__ import annotations

import warnings
from typing import Any, ClassVar

import pandas as pd

__all__ = ["Table", "as_table"]


class Table(pd.DataFrame):
    """A table of an analysis: a DataFrame in which a column's name from before framing
    0.2 (``Feature.renamed``: ``actors_n``, ``hedge_count``, ``lemma``, …) still reads
    the renamed column, with a ``DeprecationWarning``, for one release. Anything
    computed from it is a plain DataFrame."""

    _metadata: ClassVar[list[str]] = []

    @property
    def _constructor(self) -> type[pd.DataFrame]:
        return pd.DataFrame

    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, str):
            key = self._current(key)
        elif isinstance(key, list) and all(isinstance(k, str) for k in key):
            key = [self._current(k) for k in key]
        return super().__getitem__(key)

    def _current(self, name: str) -> str:
        if name in self.columns:
            return name
        from . import renamed_columns  # the registry, read when a name is missing

        new = renamed_columns().get(name)
        if new is None or new not in self.columns:
            return name
        warnings.warn(
            f"column {name!r} is called {new!r} since framing 0.2; the old name goes in 0.3",
            DeprecationWarning,
            stacklevel=3,
        )
        return new


def as_table(frame: pd.DataFrame) -> Table:
    """``frame`` as a :class:`Table` (sharing its data), once."""
    return frame if isinstance(frame, Table) else Table(frame)
