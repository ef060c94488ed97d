"""Step 6 of the flow: framing's figures checked against human coders. Agreement
among coders, Krippendorff's α (:func:`krippendorff_alpha`), usable on any coding
data; coding sheets drawn from an analysis for coders to fill in
(:func:`coding_sheet`), and their codes read back, checked row by row
(:func:`read_codes`) and scored: the coders against each other, framing against them
(:func:`reliability`); and framing's figures corrected by what the coders found
(:func:`corrected_shares`, :func:`corrected_comparison`)."""

from __future__ import annotations

from ._alpha import AlphaBootstrap, Level, bootstrap_alpha, krippendorff_alpha
from ._correct import corrected_comparison, corrected_shares
from ._score import Reliability, reliability, score_sheets
from ._sheets import CODES, CodingSheet, Unit, coding_sheet, read_codes

__all__ = [
    "CODES",
    "AlphaBootstrap",
    "CodingSheet",
    "Level",
    "Reliability",
    "Unit",
    "bootstrap_alpha",
    "coding_sheet",
    "corrected_comparison",
    "corrected_shares",
    "krippendorff_alpha",
    "read_codes",
    "reliability",
    "score_sheets",
]
