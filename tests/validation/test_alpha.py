"""Krippendorff's α against its published worked example, a hand computation and an
independent implementation."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

import framing
from framing.errors import ArgumentError

NAN = float("nan")

#: Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: four
#: observers, twelve units, values 1-5, missing values where an observer coded nothing.
KRIPPENDORFF_2011 = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, NAN, NAN, NAN],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, NAN, 3],
    [NAN, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, NAN],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, NAN],
]


@pytest.mark.parametrize(
    ("level", "published"),
    [("nominal", 0.743), ("ordinal", 0.815), ("interval", 0.849), ("ratio", 0.797)],
)
def test_the_published_example_gives_the_published_alphas(level, published):
    assert round(framing.krippendorff_alpha(KRIPPENDORFF_2011, level=level), 3) == published


def test_a_small_nominal_table_worked_by_hand():
    # Units (a, a), (a, b), (b, b): o_aa = 2, o_ab = o_ba = 1, o_bb = 2; n_a = n_b = 3,
    # n = 6; alpha = 1 - (n - 1) * 2 / (2 * 3 * 3) = 1 - 10/18
    data = [["a", "a", "b"], ["a", "b", "b"]]
    assert framing.krippendorff_alpha(data) == pytest.approx(1 - 10 / 18)


def test_a_dataframe_with_none_and_pd_na_as_missing():
    frame = pd.DataFrame(
        {"u1": ["yes", "yes", None], "u2": ["no", "no", "no"], "u3": ["yes", pd.NA, "no"]},
        index=["coder_a", "coder_b", "coder_c"],
    )
    lists = [["yes", "no", "yes"], ["yes", "no", None], [None, "no", "no"]]
    assert framing.krippendorff_alpha(frame) == pytest.approx(framing.krippendorff_alpha(lists))


def test_perfect_agreement_is_one_and_no_variation_is_undefined():
    assert framing.krippendorff_alpha([[1, 2, 3], [1, 2, 3]], level="interval") == 1.0
    assert math.isnan(framing.krippendorff_alpha([["x", "x"], ["x", "x"]]))


def test_agrees_with_an_independent_implementation_on_random_tables():
    krippendorff = pytest.importorskip(
        "krippendorff", reason="the krippendorff package is a test dependency (framing[test])"
    )
    rng = np.random.default_rng(2007)
    for trial in range(40):
        coders, units = rng.integers(2, 6), rng.integers(3, 40)
        data = rng.integers(1, 6, size=(coders, units)).astype(float)
        data[rng.random(data.shape) < 0.2] = np.nan
        if (np.sum(~np.isnan(data), axis=0) >= 2).sum() == 0:
            continue
        for level in ("nominal", "ordinal", "interval", "ratio"):
            ours = framing.krippendorff_alpha(data.tolist(), level=level)
            theirs = krippendorff.alpha(reliability_data=data, level_of_measurement=level)
            if math.isnan(ours):
                assert math.isnan(theirs), (trial, level)
            else:
                assert ours == pytest.approx(theirs, abs=1e-9), (trial, level)


@pytest.mark.parametrize(
    ("data", "level", "message"),
    [
        ([[1, 2]], "nominal", "two or more coders"),
        ([[1, 2], [1]], "nominal", "different lengths"),
        ([[1, None], [None, 2]], "nominal", "no unit has values from two coders"),
        ([["a", "b"], ["a", "b"]], "interval", "'a' is not a number"),
        ([[1, 2], [1, 2]], "cardinal", "level='cardinal'"),
    ],
)
def test_bad_tables_are_refused_with_the_reason(data, level, message):
    with pytest.raises(ArgumentError, match=message):
        framing.krippendorff_alpha(data, level=level)
