"""Krippendorff's α against its published worked example, a hand computation and an
independent implementation."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

import framing
from framing import AlphaBootstrap, bootstrap_alpha
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
@pytest.mark.parametrize("function", ["krippendorff_alpha", "bootstrap_alpha"])
def test_bad_tables_are_refused_with_the_reason(data, level, message, function):
    # the bootstrap refuses exactly the tables alpha refuses
    with pytest.raises(ArgumentError, match=message):
        getattr(framing, function)(data, level=level)


# Bootstrap of α (Hayes & Krippendorff 2007, KALPHA)

#: Hayes & Krippendorff (2007), the example data: 40 units (rows) coded 0-3 by five
#: observers (columns), None where an observer did not code the unit; ordinal α = .7598
#: from 239 pairs of judgments.
HAYES_KRIPPENDORFF_2007_UNITS = [
    [1, 1, 2, None, 2], [1, 1, 0, 1, None], [2, 3, 3, 3, None], [None, 0, 0, None, 0],
    [0, 0, 0, None, 0], [0, 0, 0, None, 0], [1, 0, 2, None, 1], [1, None, 2, 0, None],
    [2, 2, 2, None, 2], [2, 1, 1, 1, None], [None, 1, 0, 0, None], [0, 0, 0, 0, None],
    [1, 2, 2, 2, None], [3, 3, 2, 2, 3], [1, 1, 1, None, 1], [1, 1, 1, None, 1],
    [2, 1, 2, None, 2], [1, 2, 3, 3, None], [1, 1, 0, 1, None], [0, 0, 0, None, 0],
    [0, 0, 1, 1, None], [0, 0, None, 0, 0], [2, 3, 3, 3, None], [0, 0, 0, 0, None],
    [1, 2, None, 2, 2], [0, 1, 1, 1, None], [0, 0, 0, 1, 0], [1, 2, 1, 2, None],
    [1, 1, 2, 2, None], [1, 1, 2, None, 2], [1, 1, 0, None, 0], [2, 1, 2, 1, None],
    [2, 2, None, 2, 2], [3, 2, 2, 2, None], [2, 2, 2, None, 2], [2, 2, 3, None, 2],
    [2, 2, 2, None, 2], [2, 2, None, 1, 2], [2, 2, 2, 2, None], [1, 1, 1, None, 1],
]  # fmt: skip
HAYES_KRIPPENDORFF_2007 = [
    list(coder) for coder in zip(*HAYES_KRIPPENDORFF_2007_UNITS, strict=True)
]


def _random_table(seed: int = 11) -> list[list[float]]:
    rng = np.random.default_rng(seed)
    truth = rng.integers(1, 6, size=80)
    # four coders who mostly agree with the unit's value, a fifth of codes missing
    data = np.where(rng.random((4, 80)) < 0.7, truth, rng.integers(1, 6, size=(4, 80)))
    data = data.astype(float)
    data[rng.random(data.shape) < 0.2] = np.nan
    return data.tolist()


def test_the_bootstrap_draws_as_many_pairs_as_the_published_example_holds():
    boot = bootstrap_alpha(HAYES_KRIPPENDORFF_2007, level="ordinal", n_boot=10)
    assert round(boot.alpha, 4) == 0.7598
    assert boot.pairs == 239
    assert boot.alpha == framing.krippendorff_alpha(HAYES_KRIPPENDORFF_2007, level="ordinal")


def test_the_same_seed_gives_the_same_draws_and_another_seed_others():
    first = bootstrap_alpha(KRIPPENDORFF_2011, n_boot=500, seed=3)
    again = bootstrap_alpha(KRIPPENDORFF_2011, n_boot=500, seed=3)
    other = bootstrap_alpha(KRIPPENDORFF_2011, n_boot=500, seed=4)
    from_generator = bootstrap_alpha(KRIPPENDORFF_2011, n_boot=500, seed=np.random.default_rng(3))
    np.testing.assert_array_equal(first.draws, again.draws)
    np.testing.assert_array_equal(first.draws, from_generator.draws)
    assert not np.array_equal(first.draws, other.draws)


@pytest.mark.parametrize(
    ("data", "level"),
    [
        (KRIPPENDORFF_2011, "nominal"),
        (KRIPPENDORFF_2011, "ordinal"),
        (KRIPPENDORFF_2011, "interval"),
        (KRIPPENDORFF_2011, "ratio"),
        (HAYES_KRIPPENDORFF_2007, "ordinal"),
        (_random_table(), "nominal"),
        (_random_table(), "interval"),
    ],
)
def test_the_draws_are_centred_on_alpha(data, level):
    # A draw's observed disagreement is the mean difference of pairs drawn with the
    # probabilities o_ck / n, whose expectation is the data's D_o, and D_e is held fixed:
    # the draws' mean is alpha, up to Monte-Carlo error. The tolerance is four standard
    # errors of a mean of n_boot independent draws (a false alarm about once in 16,000).
    # The two corrections (below -1 set to -1, a single repeated value set to 0) have
    # probabilities of order 1e-15 or less on these tables.
    boot = bootstrap_alpha(data, level=level, n_boot=20_000, seed=7)
    standard_error = boot.draws.std() / math.sqrt(len(boot.draws))
    assert abs(boot.draws.mean() - boot.alpha) < 4 * standard_error
    assert boot.draws.std() > 0


def test_a_small_table_gives_the_distribution_worked_by_hand():
    # Units (a, a), (a, b), (b, b): o_aa = o_bb = 2, o_ab = o_ba = 1, n = 6, so a drawn
    # pair is aa, bb or ab with probability 1/3 each; D_e = 2 * 3 * 3 / (6 * 5) = 0.6;
    # M = 3 pairs. With j pairs ab, alpha* = 1 - (j / 3) / 0.6, j ~ Binomial(3, 1/3):
    # j = 3: -2/3 (1/27), j = 2: -1/9 (6/27), j = 1: 4/9 (12/27), j = 0: 1 (8/27), except
    # that three aa or three bb (2/27) hold one value only and count as 0.
    data = [["a", "a", "b"], ["a", "b", "b"]]
    boot = bootstrap_alpha(data, n_boot=40_000, seed=1)
    expected = {1.0: 6 / 27, 4 / 9: 12 / 27, 0.0: 2 / 27, -1 / 9: 6 / 27, -2 / 3: 1 / 27}
    values, counts = np.unique(boot.draws.round(12), return_counts=True)
    assert values.tolist() == pytest.approx(sorted(expected))
    for value, count in zip(values, counts, strict=True):
        p = expected[min(expected, key=lambda v: abs(v - value))]
        # four binomial standard errors of a share of 40,000 draws
        assert count / 40_000 == pytest.approx(p, abs=4 * math.sqrt(p * (1 - p) / 40_000))


@pytest.mark.parametrize("level", ["nominal", "ordinal", "interval", "ratio"])
def test_perfect_agreement_gives_one_in_every_draw(level):
    # 30 units coded alike by three coders, values 1-5 in turn: all pairs lie on the
    # diagonal, so every draw has D_o* = 0; that all 90 pairs drawn hold one value has
    # probability 5 * (1/5)^90.
    data = [[1 + u % 5 for u in range(30)] for _ in range(3)]
    boot = bootstrap_alpha(data, level=level, n_boot=2_000)
    assert boot.alpha == 1.0
    assert (boot.draws == 1.0).all()
    assert boot.interval(0.95) == (1.0, 1.0)
    assert boot.q(0.8) == 0.0


def test_a_resample_of_one_value_only_counts_as_zero():
    # Two units coded alike, one a and one b: the two pairs drawn are aa, bb or one of
    # each, each pair with probability 1/2. Both alike (probability 1/2) leave no
    # variation, alpha undefined, counted 0 as in KALPHA; one of each gives 1.
    boot = bootstrap_alpha([["a", "b"], ["a", "b"]], n_boot=20_000, seed=2)
    assert set(boot.draws.tolist()) == {0.0, 1.0}
    assert (boot.draws == 0.0).mean() == pytest.approx(0.5, abs=4 * math.sqrt(0.25 / 20_000))


def test_more_pairs_per_resample_narrow_the_draws_by_the_square_root():
    # alpha* = 1 - mean of M independent differences / D_e: its variance is
    # Var(delta^2) / (M * D_e^2), so twice the pairs give 1/sqrt(2) of the spread. The
    # sample standard deviations of 20,000 draws are within about 1% of the truth.
    few = bootstrap_alpha(HAYES_KRIPPENDORFF_2007, "ordinal", n_boot=20_000, seed=5)
    many = bootstrap_alpha(HAYES_KRIPPENDORFF_2007, "ordinal", n_boot=20_000, seed=6, pairs=2 * 239)
    assert many.pairs == 478
    assert many.draws.std() / few.draws.std() == pytest.approx(1 / math.sqrt(2), rel=0.05)


def test_the_interval_takes_kalphas_order_statistics_and_q_the_share_below():
    boot = AlphaBootstrap(alpha=0.5, draws=np.arange(1000) / 1000, pairs=10, level="nominal")
    # of 1,000 sorted draws, the 25th and the 976th (0.024 and 0.975)
    assert boot.interval(0.95) == (0.024, 0.975)
    assert boot.interval(0.90) == (0.049, 0.950)
    assert boot.q(0.8) == 0.8
    assert boot.q(0.0) == 0.0


def test_missing_values_as_none_nan_or_pd_na_give_the_same_draws():
    frame = pd.DataFrame(
        {"u1": [1, 1, None], "u2": [2, 2, 2], "u3": [1, pd.NA, 2], "u4": [3, 3, 3]},
        index=["coder_a", "coder_b", "coder_c"],
        dtype=object,
    )
    lists = [[1, 2, 1, 3], [1, 2, NAN, 3], [None, 2, 2, 3]]
    np.testing.assert_array_equal(
        bootstrap_alpha(frame, "interval", n_boot=300).draws,
        bootstrap_alpha(lists, "interval", n_boot=300).draws,
    )


def test_no_variation_leaves_alpha_and_every_draw_undefined():
    boot = bootstrap_alpha([["x", "x"], ["x", "x"]], n_boot=50)
    assert math.isnan(boot.alpha)
    assert np.isnan(boot.draws).all()
    assert all(math.isnan(limit) for limit in boot.interval())
    assert math.isnan(boot.q(0.8))


@pytest.mark.parametrize(
    ("options", "message"),
    [({"n_boot": 0}, "n_boot=0"), ({"pairs": 0}, "pairs=0"), ({"n_boot": 2.5}, "n_boot=2.5")],
)
def test_the_bootstrap_refuses_fewer_than_one_resample_or_pair(options, message):
    with pytest.raises(ArgumentError, match=message):
        bootstrap_alpha(KRIPPENDORFF_2011, **options)


def test_draws_below_minus_one_are_set_to_minus_one():
    # Units (a, b), (a, a), (a, a), (a, a): o_aa = 6, o_ab = o_ba = 1, n = 8, so a drawn
    # pair is aa with probability 3/4 and ab with 1/4; D_e = 2 * 7 * 1 / (8 * 7) = 1/4,
    # M = 4. With j pairs ab, alpha* = 1 - (j / 4) / (1/4) = 1 - j: j = 0 is four aa, one
    # value only, so 0; j = 1 gives 0; j = 2, 3, 4 give -1, -2, -3, all set to -1.
    data = [["a", "a", "a", "a"], ["b", "a", "a", "a"]]
    boot = bootstrap_alpha(data, n_boot=20_000, seed=3)
    assert set(boot.draws.tolist()) == {0.0, -1.0}
    below = 1 - 0.75**4 - 4 * 0.25 * 0.75**3  # P(j >= 2)
    share = (boot.draws == -1.0).mean()
    assert share == pytest.approx(below, abs=4 * math.sqrt(below * (1 - below) / 20_000))
