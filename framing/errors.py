"""framing's exceptions.

One root, :class:`FramingError`; each subclass also inherits the built-in exception
it refines, so ``except ValueError`` or ``except FileNotFoundError`` keeps working.
Messages name the file, column or value at fault and say how to fix it.

Article-level problems never raise: they become rows in an errors table.
"""

from __future__ import annotations

__all__ = [
    "ArgumentError",
    "ColumnError",
    "ConfigError",
    "CorpusError",
    "CorpusNotFoundError",
    "FramingError",
    "MissingDependencyError",
    "ResultsError",
    "SheetError",
    "UsageError",
]


class FramingError(Exception):
    """Root of every error framing raises on purpose.

    Attributes:
        cli: The same message in the command line's terms (``--field outlet=…`` where
            Python says ``outlet=…``), or None where both say the same; the ``framing``
            command prints it instead.
    """

    def __init__(self, *args: object, cli: str | None = None) -> None:
        super().__init__(*args)
        self.cli = cli


class CorpusError(FramingError, ValueError):
    """A corpus-level argument cannot be used (bad source, bad option)."""


class CorpusNotFoundError(CorpusError, FileNotFoundError):
    """The corpus folder or file does not exist."""


class ColumnError(CorpusError):
    """A field mapping names a column or key the source does not have."""


class ConfigError(FramingError, ValueError):
    """A rules, lexicon or alias file cannot be read or is malformed."""


class MissingDependencyError(FramingError, ImportError):
    """An optional dependency is needed for this input; the message names the extra."""


class ArgumentError(FramingError, ValueError):
    """An argument to a comparison, plot or report names a value the analysis does not
    have (an outlet, a story) or is out of range; the message lists the valid ones."""


class ResultsError(FramingError, ValueError):
    """A results directory cannot be written, resumed or opened as asked (unfinished,
    written with other settings, not a results directory); the message says why and
    what to do."""


class SheetError(FramingError, ValueError):
    """A filled coding sheet cannot be scored: it is from another sample, or rows hold
    unknown unit ids, values outside the allowed ones, or empty codes. The message names
    the file, the rows (as a spreadsheet numbers them) and the fix."""


class UsageError(FramingError, ValueError):
    """Options that do not go together, or one that is missing (on the command line: no
    corpus given, ``--resume`` without ``--out``)."""
