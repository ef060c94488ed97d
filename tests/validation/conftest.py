"""What the validation tests share: the analysed demo corpus, and a coder who agrees with
framing on every unit."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import pytest

import framing


@pytest.fixture(scope="package")
def demo() -> framing.Analysis:
    return framing.analyse(framing.load_corpus(framing.DEMO_CORPUS))


def _as_framing(sheet: framing.CodingSheet) -> pd.DataFrame:
    out = sheet.units.copy()
    for code in sheet.codes:
        out[code] = out[f"framing_{code}"]
    return out


@pytest.fixture(scope="package")
def as_framing() -> Callable[[framing.CodingSheet], pd.DataFrame]:
    """Fills a sheet as a coder who agrees with framing on every unit would."""
    return _as_framing
