"""The report's "Over time" section: when it appears, at which period, and what it says."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest

import framing
from framing.report._over_time import choose_freq


def _dates(spec: list[tuple[str, int]], outlet: str = "A") -> tuple[pd.Series, pd.Series]:
    """``count`` articles on each date of ``spec``, all from ``outlet``."""
    days = [pd.Timestamp(day) for day, count in spec for _ in range(count)]
    return pd.Series(days, dtype="datetime64[us]"), pd.Series([outlet] * len(days))


@pytest.mark.parametrize(
    ("spec", "freq"),
    [
        # four days with five articles each: by day
        ([("2024-01-01", 5), ("2024-01-02", 5), ("2024-01-03", 5), ("2024-01-04", 5)], "D"),
        # four weeks over seven weeks (a span of days too long to show by day)
        ([("2024-01-01", 5), ("2024-01-15", 5), ("2024-01-29", 5), ("2024-02-19", 5)], "W"),
        # four months over a year
        ([("2024-01-05", 5), ("2024-04-05", 5), ("2024-08-05", 5), ("2024-12-05", 5)], "M"),
        # ten years, one article a month: months are too thin, years carry 12 each
        ([(f"{y}-{m:02d}-10", 1) for y in range(2010, 2020) for m in range(1, 13)], "Y"),
        # two days a week apart: too few days with five, then too few weeks and months
        ([("2024-01-01", 5), ("2024-01-09", 5)], None),
    ],
)
def test_the_period_is_the_finest_the_span_and_the_counts_allow(spec, freq):
    chosen = choose_freq(*_dates(spec), min_n=5)
    assert (chosen[0] if chosen else None) == freq


def test_the_period_counts_articles_of_one_group_not_the_pool():
    # Five articles a day over four days, but from five outlets, one each: no outlet
    # has enough on any day, nor on the one week or month.
    days, _ = _dates([(f"2024-01-0{d}", 5) for d in range(1, 5)])
    outlets = pd.Series([f"O{i % 5}" for i in range(len(days))])
    assert choose_freq(days, outlets, min_n=5) is None
    assert choose_freq(days, outlets, min_n=2) is None  # 4 a day each: still 1 a day
    assert choose_freq(days, pd.Series(["A"] * len(days)), min_n=5)[0] == "D"


def test_undated_articles_leave_no_section():
    days = pd.Series([pd.NaT] * 3, dtype="datetime64[us]")
    assert choose_freq(days, pd.Series(["A"] * 3), min_n=5) is None


@pytest.fixture(scope="module")
def four_days_html() -> str:
    """Two outlets, five articles each on each of four days: a report with a section by
    day. The texts are random words, so no two are versions of each other."""
    rng = np.random.default_rng(0)
    words = ["council", "budget", "river", "bridge", "school", "police", "harbour", "mayor"]
    words += ["union", "strike", "hospital", "rail", "festival", "good", "bad", "angry"]
    words += ["farmers", "doctors", "nurses", "teachers", "drivers", "miners", "pilots", "judges"]
    words += ["market", "airport", "factory", "stadium", "prison", "garden", "forest", "tower"]

    def text() -> str:
        return " ".join(
            f"The {' '.join(rng.choice(words, 8))} may fall, officials said." for _ in range(3)
        )

    rows = [
        {
            "doc_id": f"{outlet[0]}{day}{k}",
            "outlet": outlet,
            "published": f"2024-01-0{day + 1}T10:00:00Z",
            "language": "en",
            "text": text(),
        }
        for day in range(4)
        for outlet in ("North Post", "South Star")
        for k in range(5)
    ]
    analysis = framing.analyse(framing.load_corpus(pd.DataFrame(rows)), n_jobs=1)
    assert len(analysis.counted) == 40
    with warnings.catch_warnings():  # no story labels: the story map warns, as it should
        warnings.simplefilter("ignore", UserWarning)
        return framing.render_report_html(analysis, max_articles=1)


def test_a_corpus_over_several_periods_gets_an_over_time_section(four_days_html):
    html = four_days_html
    assert '<li><a href="#over-time">Over time</a></li>' in html
    section = html[html.index('<section id="over-time">') :]
    section = section[: section.index("</section>")]
    assert "<h2>Over time</h2>" in section
    assert "span 4 days (1 Jan 2024 to 4 Jan 2024), so they are charted by day, in UTC" in section
    assert section.count("<figure") == 3  # articles, sentiment, anonymous sources
    assert "Attention: the articles counted per day." in section
    assert "All 8 outlet-days with articles have 5 or more" in section
    # after the plots, before the evidence, in the contents' order
    assert html.index('id="plots"') < html.index('id="over-time"') < html.index('id="evidence"')
