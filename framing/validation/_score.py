"""Codes in: the coders' agreement with each other, and framing's with the coders, per
code and per outlet.

For each code of a sheet:

* agreement among the coders: Krippendorff's α (nominal; interval for sentiment, whose
  values are ordered: negative −1, neutral 0, positive 1) with a percentile bootstrap
  interval over units (units drawn with replacement, α recomputed; Zapf, Castell,
  Morawietz & Karch 2016, BMC Medical Research Methodology 16:93, recommend it for α),
  and the percent agreement (the share of pairs of coders of a unit who gave it the
  same value, over all such pairs);
* framing against the coders: each unit's majority value (the value most coders gave;
  no majority on a tie) is the reference, framing's label the prediction; per label,
  precision (of the units framing gave the label, the share the coders gave it too),
  recall (of the units the coders gave the label, the share framing gave it too) and F1
  (their harmonic mean), with the confusion matrix; and α with framing counted as one
  more coder.

Everything is computed overall and per outlet: an extractor that is right for one
outlet's style and wrong for another's biases the comparison between them.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import numpy as np
import pandas as pd

from ..errors import ArgumentError, SheetError
from ._alpha import bootstrap_alpha, krippendorff_alpha
from ._sheets import (
    SAMPLE_COLUMN,
    CodingSheet,
    coding_sheet,
    read_codes,
    read_sheet_file,
)

if TYPE_CHECKING:
    from ..analysis import Analysis

__all__ = ["Reliability", "reliability", "score_sheets"]

#: Codes whose values are ordered, and the numbers α reads them as (interval level).
ORDERED: dict[str, dict[str, float]] = {
    "sentiment": {"negative": -1.0, "neutral": 0.0, "positive": 1.0},
}
#: Bootstrap resamples for α's interval.
N_BOOT = 1000
#: How α's interval is bootstrapped: Hayes & Krippendorff's pairs of values, or units.
Interval = Literal["pairs", "units"]
#: Krippendorff's (2004, Content Analysis, 2nd ed., p. 241) lowest α for tentative
#: conclusions and for relying on the data; ``q`` is the chance α falls below each.
ALPHA_MINIMA = (0.667, 0.800)


@dataclass
class Reliability:
    """The scores of a coded sample.

    Attributes:
        agreement: Per code and outlet (``all`` first): α's level of measurement
            (``measurement``: nominal, interval), units, coders, α among the
            coders with its interval (and how it was drawn), ``alpha_q_667`` and
            ``alpha_q_800`` (the share of bootstrap draws below Krippendorff's minima),
            percent agreement, and α with framing as one more coder.
        accuracy: Per code, outlet and label: how often the coders' majority gave it
            (``support``), how often framing did (``predicted``), precision, recall and
            F1; the row with label ``all`` is their micro-average over the units with a
            majority, which for one label per unit is the share framing got right.
        confusion: Per code: the coders' majority (rows) against framing (columns),
            counts over units with a majority.
        accuracy_by_coder: As ``accuracy``, with framing set against each coder in
            turn rather than their majority (column ``coder``): a coder framing agrees
            with far less than with the others is worth a look.
        disagreements: Every unit and code where the coders differ, with each coder's
            value and framing's.
        coders: The coders' names (their files' names, without the suffix).
        sample_id: The sample scored.
        level: The confidence level of α's interval.
        coded: Per code, every unit's value from every coder (units × coders).
        unit: What the sheet's units are (sentence, attribution, article).
        units: The units scored: ``unit_id``, ``doc_id``, ``outlet`` (the value of
            ``by``) and framing's label of each code (``framing_<code>``).
        by: The column the sample was stratified by.
    """

    agreement: pd.DataFrame
    accuracy: pd.DataFrame
    confusion: dict[str, pd.DataFrame]
    disagreements: pd.DataFrame
    coders: list[str]
    sample_id: str
    level: float = 0.95
    coded: dict[str, pd.DataFrame] = field(default_factory=dict)
    unit: str = ""
    units: pd.DataFrame = field(default_factory=pd.DataFrame)
    by: str = "outlet"
    accuracy_by_coder: pd.DataFrame = field(default_factory=pd.DataFrame)

    def majority(self, code: str) -> pd.Series:
        """Each unit's majority value of ``code`` (None where the coders tie), by unit id.

        Raises:
            ArgumentError: The sheet has no such code.
        """
        values = self.coded.get(code)
        if values is None:
            raise ArgumentError(
                f"code={code!r}: this result scored {', '.join(self.coded) or 'no code'}"
            )
        return values.apply(_majority, axis=1)


def reliability(
    sheet: CodingSheet | Analysis,
    *coders: str | PathLike[str],
    level: float = 0.95,
    n_boot: int = N_BOOT,
    seed: int = 0,
    interval: Interval = "pairs",
) -> Reliability:
    """Score filled coding sheets: the coders against each other, framing against them.

    Args:
        sheet: The :class:`CodingSheet` the coders filled, or the analysis it was drawn
            from (the sheet is then drawn again from the sample's id, unit, seed and
            size, and must match).
        *coders: The filled sheets (.xlsx or .csv), one per coder; one coder gives
            framing's accuracy but no agreement among coders.
        level: Confidence level of α's bootstrap interval.
        n_boot: Bootstrap resamples (0: no interval).
        seed: Seed of the bootstrap.
        interval: How α's interval is drawn: ``"pairs"``, Hayes & Krippendorff's
            (2007) resampling of pairs of values (:func:`bootstrap_alpha`, as their
            KALPHA macro does), or ``"units"``, a bootstrap of units (wider: it keeps
            a unit's values together; Zapf et al. 2016 recommend it).

    Returns:
        A :class:`Reliability` with ``agreement``, ``accuracy``, ``confusion`` and
        ``disagreements``.

    Raises:
        ArgumentError: No coder's file, a level outside (0, 1), or a file that does not
            exist.
        SheetError: A file is from another sample or holds rows that cannot be scored
            (see :func:`read_codes`).
    """
    if not coders:
        raise ArgumentError("give at least one coder's filled sheet (.xlsx or .csv)")
    if not 0 < level < 1:
        raise ArgumentError(f"level={level}: give a confidence level between 0 and 1")
    if interval not in ("pairs", "units"):
        raise ArgumentError(f"interval={interval!r}: use 'pairs' or 'units'")
    if not isinstance(sheet, CodingSheet):
        sheet = _sheet_of(sheet, Path(coders[0]))
    names = _names(coders)
    codes = {name: read_codes(sheet, path) for name, path in zip(names, coders, strict=True)}
    units = sheet.units.set_index("unit_id")
    outlets = units["outlet"].astype("string")
    rng = np.random.default_rng(seed)
    agreement, accuracy, by_coder, disagreements = [], [], [], []
    confusion: dict[str, pd.DataFrame] = {}
    coded: dict[str, pd.DataFrame] = {}
    for code, allowed in sheet.codes.items():
        table = pd.DataFrame({name: c.set_index("unit_id")[code] for name, c in codes.items()})
        table = table.reindex(units.index)
        framing_labels = units[f"framing_{code}"]
        coded[code] = table
        majority = table.apply(_majority, axis=1)
        for outlet in ["all", *sorted(outlets.dropna().unique())]:
            mine = outlets.index if outlet == "all" else outlets.index[outlets == outlet]
            agreement.append(
                _agreement(
                    code,
                    outlet,
                    table.loc[mine],
                    framing_labels.loc[mine],
                    level,
                    n_boot,
                    rng,
                    interval,
                )
            )
            accuracy += _accuracy(
                code, outlet, allowed, majority.loc[mine], framing_labels.loc[mine]
            )
            for name in names:
                by_coder += [
                    {"coder": name, **row}
                    for row in _accuracy(
                        code, outlet, allowed, table.loc[mine, name], framing_labels.loc[mine]
                    )
                ]
        known = majority.notna()
        confusion[code] = pd.crosstab(
            pd.Categorical(majority[known], categories=allowed),
            pd.Categorical(framing_labels[known], categories=allowed),
            rownames=["coders"],
            colnames=["framing"],
            dropna=False,
        )
        differ = table.nunique(axis=1) > 1
        for unit_id, row in table[differ].iterrows():
            disagreements.append(
                {
                    "unit_id": unit_id,
                    "outlet": outlets.get(unit_id),
                    "code": code,
                    **row.to_dict(),
                    "framing": framing_labels.get(unit_id),
                }
            )
    return Reliability(
        pd.DataFrame(agreement),
        pd.DataFrame(accuracy),
        confusion,
        pd.DataFrame(disagreements, columns=["unit_id", "outlet", "code", *names, "framing"]),
        names,
        sheet.sample_id,
        level,
        coded,
        sheet.unit,
        sheet.units[["unit_id", "doc_id", "outlet", *(f"framing_{c}" for c in sheet.codes)]].copy(),
        sheet.by,
        pd.DataFrame(by_coder),
    )


def score_sheets(
    analysis: Analysis,
    files: Sequence[str | PathLike[str]],
    *,
    level: float = 0.95,
    n_boot: int = N_BOOT,
    seed: int = 0,
    interval: Interval = "pairs",
) -> list[Reliability]:
    """Score coders' files of one or several samples (a sentence sheet and an attribution
    sheet, say): the files are grouped by the sample they carry, and each sample is
    scored with :func:`reliability`, in the order its first file is given.

    Raises:
        ArgumentError: No file.
        SheetError: A file carries no sample id, or one this analysis does not give.
    """
    if not files:
        raise ArgumentError("give at least one coder's filled sheet (.xlsx or .csv)")
    samples: dict[str, list[str | PathLike[str]]] = {}
    for path in files:
        frame = read_sheet_file(Path(path))
        ids = [v for v in frame.get(SAMPLE_COLUMN, pd.Series(dtype=str)) if v]
        if not ids:
            raise SheetError(
                f"{Path(path).name}: no {SAMPLE_COLUMN} column; fill in the sheet framing "
                "wrote without deleting its columns"
            )
        samples.setdefault(ids[0], []).append(path)
    return [
        reliability(analysis, *paths, level=level, n_boot=n_boot, seed=seed, interval=interval)
        for paths in samples.values()
    ]


def _names(paths: Sequence[str | PathLike[str]]) -> list[str]:
    names = [Path(p).stem for p in paths]
    counts = Counter(names)
    seen: Counter[str] = Counter()
    out = []
    for name in names:  # two coders' files of one name in different folders
        seen[name] += 1
        out.append(name if counts[name] == 1 else f"{name}_{seen[name]}")
    return out


def _sheet_of(analysis: Analysis, first: Path) -> CodingSheet:
    """The sheet a coder's file was drawn in, drawn again from the analysis."""
    frame = read_sheet_file(first)
    ids = [v for v in frame.get(SAMPLE_COLUMN, pd.Series(dtype=str)) if v]
    if not ids:
        raise SheetError(
            f"{first.name}: no {SAMPLE_COLUMN} column; score it with the CodingSheet it "
            "was drawn in (framing.reliability(sheet, ...))"
        )
    unit, seed, _ = ids[0].split("-", 2)
    n = int((frame["unit_id"].str.strip() != "").sum())
    sheet = coding_sheet(analysis, unit=unit, n=n, seed=int(seed))  # type: ignore[arg-type]
    if sheet.sample_id != ids[0]:
        raise SheetError(
            f"{first.name} is from sample {ids[0]}, which this analysis does not give "
            f"(it gives {sheet.sample_id} for the same unit, size and seed); score it with "
            "the analysis, or the CodingSheet, it was drawn from"
        )
    return sheet


def _majority(values: pd.Series) -> object:
    counts = Counter(v for v in values if isinstance(v, str) and v)
    if not counts:
        return None
    (top, n), *rest = counts.most_common()
    return None if rest and rest[0][1] == n else top


def _as_alpha_data(table: pd.DataFrame, code: str) -> list[list[object]]:
    mapping = ORDERED.get(code)
    rows = []
    for column in table.columns:
        values = table[column].tolist()
        rows.append([mapping.get(v) if mapping else v for v in values])
    return rows


def _alpha(table: pd.DataFrame, code: str) -> float:
    try:
        return krippendorff_alpha(_as_alpha_data(table, code), level=_level(code))
    except ArgumentError:  # fewer than two coders, or no unit two of them coded
        return math.nan


def _agreement(
    code: str,
    outlet: str,
    table: pd.DataFrame,
    framing_labels: pd.Series,
    level: float,
    n_boot: int,
    rng: np.random.Generator,
    interval: Interval,
) -> dict[str, object]:
    alpha = _alpha(table, code) if table.shape[1] >= 2 else math.nan
    draws = np.array([])
    low = high = math.nan
    if n_boot and not math.isnan(alpha) and len(table) >= 2:
        if interval == "pairs":
            boot = bootstrap_alpha(
                _as_alpha_data(table, code), _level(code), n_boot=n_boot, seed=rng
            )
            draws = boot.draws
            low, high = boot.interval(level)  # KALPHA's order statistics
        else:
            picked = (table.iloc[rng.integers(0, len(table), len(table))] for _ in range(n_boot))
            draws = np.array([_alpha(p, code) for p in picked])
            draws = draws[~np.isnan(draws)]
            if len(draws):
                low, high = np.quantile(draws, [(1 - level) / 2, (1 + level) / 2])
    with_framing = table.assign(framing=framing_labels)
    return {
        "code": code,
        "outlet": outlet,
        "measurement": _level(code),
        "units": len(table),
        "coders": table.shape[1],
        "alpha": alpha,
        "alpha_ci_low": float(low),
        "alpha_ci_high": float(high),
        "interval": interval if len(draws) else "",
        **{
            f"alpha_q_{round(m * 1000):03d}": float(np.mean(draws < m)) if len(draws) else math.nan
            for m in ALPHA_MINIMA
        },
        "percent_agreement": _percent_agreement(table),
        "alpha_with_framing": _alpha(with_framing, code),
    }


def _level(code: str) -> str:
    return "interval" if code in ORDERED else "nominal"


def _percent_agreement(table: pd.DataFrame) -> float:
    """Pairs of coders of a unit who gave it the same value, over all such pairs."""
    same = pairs = 0
    for values in table.itertuples(index=False, name=None):
        counts = Counter(v for v in values if isinstance(v, str) and v)
        m = sum(counts.values())
        pairs += m * (m - 1) // 2
        same += sum(c * (c - 1) // 2 for c in counts.values())
    return same / pairs if pairs else math.nan


def _accuracy(
    code: str,
    outlet: str,
    allowed: Sequence[str],
    majority: pd.Series,
    framing_labels: pd.Series,
) -> list[dict[str, object]]:
    known = majority.notna()
    truth, guess = majority[known], framing_labels[known]
    rows = []
    for label in allowed:
        tp = int(((truth == label) & (guess == label)).sum())
        support = int((truth == label).sum())
        predicted = int((guess == label).sum())
        precision = tp / predicted if predicted else math.nan
        recall = tp / support if support else math.nan
        f1 = (
            2 * precision * recall / (precision + recall)
            if predicted and support and (precision + recall) > 0
            else (0.0 if predicted and support else math.nan)
        )
        rows.append(
            {
                "code": code,
                "outlet": outlet,
                "label": label,
                "support": support,
                "predicted": predicted,
                "precision": precision,
                "recall": recall,
                "f1": f1,
            }
        )
    n = int(known.sum())
    rows.append(
        {
            "code": code,
            "outlet": outlet,
            "label": "all",
            "support": n,
            "predicted": n,
            "precision": float((truth == guess).mean()) if n else math.nan,
            "recall": float((truth == guess).mean()) if n else math.nan,
            "f1": float((truth == guess).mean()) if n else math.nan,
        }
    )
    return rows
