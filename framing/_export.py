"""Tables written to the files researchers hand round: CSV, Parquet and Excel.

Excel holds at most 32,767 characters a cell and no control characters; a text longer is
cut there with a marker saying so, a control character becomes U+FFFD, and each such
change is counted in the warnings returned (the command line prints them), never made
silently. CSV and Parquet keep every character.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from os import PathLike
from pathlib import Path

import pandas as pd

from .errors import MissingDependencyError, UsageError

__all__ = ["EXCEL_CELL_LIMIT", "write_table", "write_workbook"]

#: The most characters an Excel cell holds (Microsoft's "Excel specifications and limits").
EXCEL_CELL_LIMIT = 32_767
#: What ends a cut cell, within the limit.
_CUT = " […cut: Excel holds 32,767 characters a cell; the full text is in CSV or Parquet]"
#: How much of a cut text is kept, so that with the marker it fills the cell exactly.
_KEEP = EXCEL_CELL_LIMIT - len(_CUT)
#: Characters Excel's XML cannot hold (C0 controls but tab, newline, carriage return).
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
#: Excel's own limit on a sheet name.
_SHEET_NAME_CHARS = 31


def write_table(frame: pd.DataFrame, path: str | PathLike[str]) -> list[str]:
    """Write ``frame`` as CSV, Parquet or Excel, by the file's suffix.

    Returns:
        Warnings about what Excel could not hold (empty for CSV and Parquet).

    Raises:
        UsageError: The suffix is not .csv, .parquet or .xlsx.
        MissingDependencyError: .xlsx without openpyxl (``pip install 'framing[excel]'``).
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    suffix = target.suffix.lower()
    if suffix == ".parquet":
        frame.to_parquet(target, index=False)
        return []
    if suffix == ".csv":
        frame.to_csv(target, index=False)
        return []
    if suffix == ".xlsx":
        return write_workbook({"articles": frame}, target)
    raise UsageError(f"{target}: write a .csv, .parquet or .xlsx file")


def write_workbook(tables: Mapping[str, pd.DataFrame], path: str | PathLike[str]) -> list[str]:
    """Write each table as a sheet of one Excel workbook, in the given order.

    Returns:
        One warning per sheet and column where a text was cut at Excel's 32,767
        characters or a control character replaced, with how many cells.
    """
    try:
        import openpyxl  # noqa: F401
    except ImportError as exc:
        raise MissingDependencyError(
            f"{path}: writing Excel workbooks needs openpyxl: pip install 'framing[excel]'"
        ) from exc
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    warnings: list[str] = []
    with pd.ExcelWriter(target, engine="openpyxl") as writer:
        for name, frame in tables.items():
            sheet = name[:_SHEET_NAME_CHARS]
            fitted, said = _fit_for_excel(frame, sheet)
            warnings.extend(said)
            fitted.to_excel(writer, sheet_name=sheet, index=False)
    return warnings


def _fit_for_excel(frame: pd.DataFrame, sheet: str) -> tuple[pd.DataFrame, list[str]]:
    out = frame.copy()
    said = []
    for column in frame.columns:
        values = frame[column]
        if not (values.dtype == object or pd.api.types.is_string_dtype(values)):
            continue
        text = values.astype(object)
        is_text = text.map(lambda v: isinstance(v, str))
        if not is_text.any():
            continue
        illegal = is_text & text.map(lambda v: isinstance(v, str) and bool(_ILLEGAL.search(v)))
        if illegal.any():
            text = text.where(~illegal, text[illegal].map(lambda v: _ILLEGAL.sub("\ufffd", v)))
            said.append(
                f"sheet {sheet}, column {column}: control characters in {int(illegal.sum())} "
                "cells replaced by U+FFFD (Excel cannot hold them)"
            )
        long = is_text & text.map(lambda v: isinstance(v, str) and len(v) > EXCEL_CELL_LIMIT)
        if long.any():
            text = text.where(~long, text[long].map(lambda v: v[:_KEEP] + _CUT))
            said.append(
                f"sheet {sheet}, column {column}: {int(long.sum())} cells over Excel's "
                f"{EXCEL_CELL_LIMIT:,} characters cut there, marked in the cell; write .csv "
                "or .parquet for the full texts"
            )
        if illegal.any() or long.any():
            out[column] = text
    return out, said
