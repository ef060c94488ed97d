"""Coding sheets: a seeded sample of framing's units for human coders, written as a
workbook (and CSV) a coder fills in without framing, and read back with every problem
named by its row.

A sheet holds one row per unit: a sentence (hedging and sentiment), an attribution (its
source type) or an article (its dominant frame). Coders see the unit's id, its text
(for an attribution, its paragraph with the source between ``[[`` and ``]]``) and one
empty column per code; framing's own label for each code and the outlet are there too,
in hidden columns, so that coders are not led by them (and blind to the outlet) while
the scoring can read them. Every sheet carries its sample's id, so that a coder's file
from another sample is refused rather than scored.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass, field
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING, Literal, get_args

import numpy as np
import pandas as pd

from ..analysis import require_column
from ..errors import ArgumentError, MissingDependencyError, SheetError
from ..features import FEATURES
from ..features.attribution import SOURCE_TYPES
from ..features.emphasis._lexicon import FRAMES
from ..features.sentiment import NEGATIVE_THRESHOLD, POSITIVE_THRESHOLD
from ._codebook import codebook_html

if TYPE_CHECKING:
    from ..analysis import Analysis

__all__ = ["CODES", "CodingSheet", "Unit", "coding_sheet", "read_codes"]

#: What a sheet's rows are.
Unit = Literal["sentence", "attribution", "article"]
_UNITS: tuple[str, ...] = get_args(Unit)

#: The codes of each kind of unit, each with the values a coder may give.
CODES: dict[str, dict[str, tuple[str, ...]]] = {
    "sentence": {
        "uncertain": ("yes", "no"),
        "sentiment": ("negative", "neutral", "positive"),
    },
    "attribution": {"source_type": (*SOURCE_TYPES, "not an attribution")},
    "article": {"dominant_frame": (*(f.replace("_", " ") for f in FRAMES), "none")},
}

#: Columns a coder sees, before the codes.
_SHOWN = ("unit_id", "doc_id", "text")
#: Where a sample's id is kept in a sheet: a column of its own, on every row.
SAMPLE_COLUMN = "sample_id"
#: The fewest units drawn from each stratum (outlet and framing's label) that has them.
MIN_PER_STRATUM = 3


@dataclass
class CodingSheet:
    """A sample of units for coders.

    Attributes:
        unit: What the rows are.
        units: One row per unit: ``sample_id``, ``unit_id``, ``doc_id``, ``text``, an
            empty column per code, then ``outlet`` and ``framing_<code>`` (framing's
            own label), which the workbook hides.
        codes: Each code and the values a coder may give.
        seed: The seed the sample was drawn with.
        sample_id: The sample's id, written on every row of the files.
        by: The column whose values the ``outlet`` column holds (the sample's strata).
    """

    unit: str
    units: pd.DataFrame
    codes: dict[str, tuple[str, ...]]
    seed: int
    sample_id: str = field(default="")
    by: str = "outlet"

    def hidden_columns(self) -> list[str]:
        """The columns a coder is not shown."""
        return [SAMPLE_COLUMN, "outlet", *(f"framing_{c}" for c in self.codes)]

    def to_csv(self, path: str | PathLike[str]) -> Path:
        """Write the sheet as CSV (UTF-8; every column, framing's labels last)."""
        target = Path(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        self.units.to_csv(target, index=False, encoding="utf-8")
        return target

    def to_codebook(self, path: str | PathLike[str]) -> Path:
        """Write the codebook coders read beside the sheet: each code's question, the
        meaning of every allowed value and worked examples, as one self-contained HTML
        page."""
        target = Path(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(codebook_html(self.unit), encoding="utf-8")
        return target

    def to_excel(self, path: str | PathLike[str], *, show_labels: bool = False) -> Path:
        """Write the sheet as an .xlsx workbook: one row per unit, a drop-down of the
        allowed values in each code's column, the text wrapped, framing's labels and the
        outlet in hidden columns (``show_labels=True`` shows them).

        Raises:
            MissingDependencyError: openpyxl is not installed (``framing[excel]``).
        """
        try:
            from openpyxl import Workbook
            from openpyxl.styles import Alignment, Font
            from openpyxl.utils import get_column_letter
            from openpyxl.worksheet.datavalidation import DataValidation
        except ImportError as exc:
            raise MissingDependencyError(
                "a coding workbook needs openpyxl: pip install 'framing[excel]', or "
                "write the sheet as CSV (CodingSheet.to_csv)"
            ) from exc
        target = Path(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        book = Workbook()
        sheet = book.active
        sheet.title = f"{self.unit}s"
        columns = list(self.units.columns)
        sheet.append(columns)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in self.units.itertuples(index=False, name=None):
            sheet.append([None if _blank(v) else v for v in row])
        last = len(self.units) + 1
        for i, name in enumerate(columns, 1):
            letter = get_column_letter(i)
            if name == "text":
                sheet.column_dimensions[letter].width = 90
                for (cell,) in sheet.iter_rows(min_row=2, min_col=i, max_col=i):
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
            elif name in self.codes:
                sheet.column_dimensions[letter].width = 20
                allowed = ",".join(self.codes[name])
                check = DataValidation(
                    type="list",
                    formula1=f'"{allowed}"',
                    allow_blank=True,
                    showErrorMessage=True,
                    errorTitle="Not an allowed value",
                    error=f"Choose one of: {', '.join(self.codes[name])}",
                )
                sheet.add_data_validation(check)
                check.add(f"{letter}2:{letter}{last}")
            else:
                sheet.column_dimensions[letter].width = 16
            if name in self.hidden_columns() and not show_labels:
                sheet.column_dimensions[letter].hidden = True
        sheet.freeze_panes = "C2"
        book.save(target)
        return target


def coding_sheet(
    analysis: Analysis,
    *,
    unit: Unit = "sentence",
    n: int = 200,
    seed: int = 0,
    by: str = "outlet",
) -> CodingSheet:
    """A seeded sample of units for coders, stratified by outlet and framing's label.

    Every stratum (a value of ``by`` with one of framing's labels for the sheet's first
    code) that has units gives at least ``MIN_PER_STRATUM`` of them (or all it has), so
    rare labels are coded too; the rest of ``n`` is shared in proportion to the strata's
    sizes. Only counted articles (one version per version group) are sampled.

    Args:
        analysis: From :func:`framing.analyse`.
        unit: ``"sentence"`` (codes: uncertain, sentiment), ``"attribution"`` (the
            source's type) or ``"article"`` (the dominant frame).
        n: Units to draw (fewer where the analysis has fewer).
        seed: Seed of the draw: the same analysis, unit, n and seed give the same sheet.
        by: The column the sample is stratified by besides framing's label.

    Returns:
        The sheet; write it with :meth:`CodingSheet.to_excel` and
        :meth:`CodingSheet.to_csv`.

    Raises:
        ArgumentError: An unknown unit, ``n`` below 1, a family the unit needs that did
            not run, or no unit to draw.
        ColumnError: ``by`` is not a column of the articles.
    """
    if unit not in _UNITS:
        raise ArgumentError(f"unit={unit!r}: use one of {', '.join(map(repr, _UNITS))}")
    if n < 1:
        raise ArgumentError(f"n={n}: draw at least one unit")
    require_column(analysis, by, "draw a coding sheet")
    pool = _pool(analysis, unit, by)
    if pool.empty:
        raise ArgumentError(f"the analysis has no {unit} to sample among its counted articles")
    codes = CODES[unit]
    first = next(iter(codes))
    chosen = _stratified(pool, ["_group", f"framing_{first}"], n, seed)
    chosen = chosen.sort_values(["_order"], kind="stable").reset_index(drop=True)
    sample_id = _sample_id(unit, seed, chosen["unit_id"])
    units = pd.DataFrame(
        {
            SAMPLE_COLUMN: sample_id,
            "unit_id": chosen["unit_id"],
            "doc_id": chosen["doc_id"],
            "text": chosen["text"],
            **{c: pd.Series([None] * len(chosen), dtype=object) for c in codes},
            "outlet": chosen["_group"],
            **{f"framing_{c}": chosen[f"framing_{c}"] for c in codes},
        }
    )
    return CodingSheet(unit, units, dict(codes), seed, sample_id, by)


def _pool(analysis: Analysis, unit: str, by: str) -> pd.DataFrame:
    """Every unit of the counted articles, with its text, group and framing's labels."""
    counted = analysis.counted
    group = dict(zip(counted["doc_id"], counted[by].astype("string"), strict=True))
    order = {d: i for i, d in enumerate(counted["doc_id"])}
    if unit == "article":
        _need(analysis, "emphasis", unit)
        texts = analysis.corpus.articles.set_index("doc_id")["text"]
        frame = counted.get("frame_dominant")
        rows = pd.DataFrame(
            {
                "unit_id": counted["doc_id"].astype(str),
                "doc_id": counted["doc_id"],
                "text": [
                    _article_text(t, texts.get(d, ""))
                    for d, t in zip(counted["doc_id"], counted["title"], strict=True)
                ],
                "framing_dominant_frame": [
                    "none" if _blank(f) else str(f).replace("_", " ")
                    for f in (frame if frame is not None else [None] * len(counted))
                ],
            }
        )
        rows["_order"] = rows["doc_id"].map(order) * 1_000_000
    elif unit == "sentence":
        _need(analysis, "sentiment", unit)
        _need(analysis, "hedging", unit)
        s = analysis.sentences
        s = s[s["doc_id"].isin(group)]
        compound = s["sent_compound"].astype(float)
        rows = pd.DataFrame(
            {
                "unit_id": s["doc_id"].astype(str) + "#s" + s["sentence"].astype(str),
                "doc_id": s["doc_id"],
                "text": s["text"],
                "framing_uncertain": np.where(s["hedge_any"].astype(bool), "yes", "no"),
                "framing_sentiment": np.select(
                    [compound <= NEGATIVE_THRESHOLD, compound >= POSITIVE_THRESHOLD],
                    ["negative", "positive"],
                    "neutral",
                ),
            }
        )
        rows["_order"] = rows["doc_id"].map(order) * 1_000_000 + s["sentence"].astype(int)
    else:
        _need(analysis, "attribution", unit)
        a = analysis.evidence("attributions")
        a = a[a["doc_id"].isin(group)]
        texts = analysis.corpus.articles.set_index("doc_id")["text"]
        rows = pd.DataFrame(
            {
                "unit_id": a["doc_id"].astype(str)
                + "#"
                + a["start"].astype(str)
                + "-"
                + a["end"].astype(str),
                "doc_id": a["doc_id"],
                "text": [
                    _marked(str(texts.get(r.doc_id, "")), r) for r in a.itertuples(index=False)
                ],
                "framing_source_type": a["source_type"].fillna("not an attribution"),
            }
        )
        rows["_order"] = rows["doc_id"].map(order) * 1_000_000 + a["start"].astype(int)
    rows["_group"] = rows["doc_id"].map(group)
    return rows.drop_duplicates("unit_id").reset_index(drop=True)


def _need(analysis: Analysis, family: str, unit: str) -> None:
    if analysis.features and family not in analysis.features:
        raise ArgumentError(
            f"a {unit} sheet needs the {family} family, which this analysis did not run; "
            f"analyse with features including {family!r}"
            + ("" if family in FEATURES else " (register it first)")
        )


def _article_text(title: object, text: str) -> str:
    return f"{title}\n\n{text}" if isinstance(title, str) and title.strip() else text


def _marked(text: str, row: object) -> str:
    """The paragraph of an attribution, its source between [[ and ]]."""
    start, end = int(row.start), int(row.end)  # type: ignore[attr-defined]
    left = text.rfind("\n", 0, start) + 1
    right = text.find("\n", end)
    right = len(text) if right < 0 else right
    s0, s1 = row.source_start, row.source_end  # type: ignore[attr-defined]
    if _blank(s0) or _blank(s1):
        return text[left:right]
    s0, s1 = int(s0), int(s1)
    return f"{text[left:s0]}[[{text[s0:s1]}]]{text[s1:right]}"


def _blank(value: object) -> bool:
    if value is None or value is pd.NA:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return isinstance(value, str) and not value.strip()


def _stratified(pool: pd.DataFrame, strata: list[str], n: int, seed: int) -> pd.DataFrame:
    """``n`` rows of ``pool``: each stratum at least MIN_PER_STRATUM (or all it has),
    the rest in proportion to the strata's sizes (largest remainders), drawn at random
    within each stratum."""
    rng = np.random.default_rng(seed)
    groups = {key: rows for key, rows in pool.groupby(strata, dropna=False, sort=True)}
    sizes = {key: len(rows) for key, rows in groups.items()}
    total = sum(sizes.values())
    if n >= total:
        return pool
    take = {key: min(size, MIN_PER_STRATUM) for key, size in sizes.items()}
    left = n - sum(take.values())
    if left < 0:  # n too small for the minimum: an even share, then the largest first
        take = {key: min(size, n // len(sizes)) for key, size in sizes.items()}
        remaining = n - sum(take.values())
        while remaining > 0:
            for key in sorted(sizes, key=lambda k: (-sizes[k], str(k))):
                if remaining and take[key] < sizes[key]:
                    take[key] += 1
                    remaining -= 1
    else:
        room = {key: sizes[key] - take[key] for key in sizes}
        spare = sum(room.values())
        quotas = {key: left * room[key] / spare for key in sizes} if spare else {}
        for key, quota in quotas.items():
            take[key] += int(quota)
        remaining = n - sum(take.values())
        by_remainder = sorted(quotas, key=lambda k: (-(quotas[k] - int(quotas[k])), str(k)))
        for key in by_remainder:
            if remaining == 0:
                break
            if take[key] < sizes[key]:
                take[key] += 1
                remaining -= 1
    parts = []
    for key, rows in groups.items():
        if take[key]:
            picked = rng.choice(len(rows), size=take[key], replace=False)
            parts.append(rows.iloc[np.sort(picked)])
    return pd.concat(parts)


def _sample_id(unit: str, seed: int, unit_ids: pd.Series) -> str:
    digest = hashlib.sha256("\n".join([unit, str(seed), *map(str, unit_ids)]).encode())
    return f"{unit}-{seed}-{digest.hexdigest()[:12]}"


def read_codes(sheet: CodingSheet, path: str | PathLike[str]) -> pd.DataFrame:
    """A coder's filled sheet (.xlsx or .csv), checked against the sample it came from.

    Returns:
        One row per unit of the sample: ``unit_id`` and one column per code.

    Raises:
        SheetError: The file is from another sample, or rows hold unknown unit ids,
            duplicate ones, values outside the allowed set, or empty codes; the message
            names the file, the rows and the fix.
        ArgumentError: The file does not exist or is neither .xlsx nor .csv.
    """
    source = Path(path)
    filled = read_sheet_file(source)
    name = source.name
    missing = [c for c in ("unit_id", *sheet.codes) if c not in filled.columns]
    if missing:
        raise SheetError(
            f"{name}: no column {', '.join(map(repr, missing))}; fill in the sheet framing "
            "wrote without renaming or deleting its columns"
        )
    if SAMPLE_COLUMN in filled.columns:
        others = sorted({v for v in filled[SAMPLE_COLUMN] if v and v != sheet.sample_id})
        if others:
            raise SheetError(
                f"{name} is from sample {others[0]}, not {sheet.sample_id}; score it with "
                "the sheet it was drawn in (same analysis, unit, n and seed)"
            )
    rows = filled.assign(_row=range(2, len(filled) + 2))  # as a spreadsheet numbers rows
    rows = rows[~(rows["unit_id"].str.strip() == "")]
    known = set(sheet.units["unit_id"])
    problems: list[str] = []
    unknown = rows[~rows["unit_id"].isin(known)]
    if len(unknown):
        problems.append(
            f"unknown unit ids in rows {_rows(unknown['_row'])} "
            f"({', '.join(map(repr, unknown['unit_id'].head(3)))}); keep the ids framing wrote"
        )
    twice = rows[rows["unit_id"].duplicated(keep="first")]
    if len(twice):
        problems.append(f"unit ids given twice in rows {_rows(twice['_row'])}")
    absent = sorted(known - set(rows["unit_id"]))
    if absent:
        problems.append(
            f"{len(absent)} unit(s) of the sample missing ({', '.join(map(repr, absent[:3]))}"
            f"{', …' if len(absent) > 3 else ''}); keep every row framing wrote"
        )
    for code, allowed in sheet.codes.items():
        values = rows[code].str.strip()
        empty = rows[values == ""]
        if len(empty):
            problems.append(f"{code} is empty in rows {_rows(empty['_row'])}; code every unit")
        wrong = rows[(values != "") & ~values.isin(allowed)]
        if len(wrong):
            problems.append(
                f"{code} is {wrong[code].iloc[0]!r} in rows {_rows(wrong['_row'])}; "
                f"allowed: {', '.join(allowed)}"
            )
    if problems:
        raise SheetError(f"{name}: " + "; ".join(problems))
    out = rows[["unit_id", *sheet.codes]].copy()
    for code in sheet.codes:
        out[code] = out[code].str.strip()
    order = {u: i for i, u in enumerate(sheet.units["unit_id"])}
    return out.sort_values("unit_id", key=lambda s: s.map(order)).reset_index(drop=True)


def read_sheet_file(source: Path) -> pd.DataFrame:
    """A sheet file (.xlsx or .csv) as text cells, an empty cell as ``""``.

    Raises:
        ArgumentError: The file does not exist or is neither .xlsx nor .csv.
        MissingDependencyError: A workbook, and openpyxl is not installed.
    """
    if not source.is_file():
        raise ArgumentError(f"{source}: no such coding sheet; give the path of a filled sheet")
    suffix = source.suffix.lower()
    if suffix == ".csv":
        return pd.read_csv(source, dtype=str, keep_default_na=False)
    if suffix in (".xlsx", ".xlsm"):
        try:
            return pd.read_excel(source, dtype=str, keep_default_na=False)
        except ImportError as exc:
            raise MissingDependencyError(
                f"{source}: reading a workbook needs openpyxl: pip install 'framing[excel]'"
            ) from exc
    raise ArgumentError(f"{source}: a coding sheet is .xlsx or .csv, not {suffix or 'none'}")


def _rows(numbers: pd.Series, most: int = 5) -> str:
    shown = [str(int(v)) for v in numbers.head(most)]
    more = len(numbers) - len(shown)
    return ", ".join(shown) + (f" and {more} more" if more > 0 else "")
