"""Step 6 of the flow: framing's figures checked against human coders. Agreement
among coders, Krippendorff's α (:func:`krippendorff_alpha`), usable on any coding
data."""

from __future__ import annotations

from ._alpha import Level, krippendorff_alpha

__all__ = ["Level", "krippendorff_alpha"]
