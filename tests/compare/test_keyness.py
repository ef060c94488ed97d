from __future__ import annotations

import math
import time
from pathlib import Path

import pandas as pd
import pytest

import framing
from framing.compare._keyness import distinctive_words, word_counts


def _analysis(rows: list[tuple[str, str, str]]) -> framing.Analysis:
    frame = pd.DataFrame(rows, columns=["doc_id", "outlet", "text"])
    return framing.analyse(framing.load_corpus(frame), features=[])


def _row(table: pd.DataFrame, group: str, word: str) -> pd.Series:
    hit = table[(table["group"] == group) & (table["word"] == word)]
    assert len(hit) == 1, f"no single row for {group!r}, {word!r}"
    return hit.iloc[0]


# North counts storm 3, rain 1 (4 words); South counts storm 1, rain 3, wind 2 (6 words).
# "and" is a function word and is not counted.
TINY = [
    ("n1", "North Herald", "Storm, storm and storm."),
    ("n2", "North Herald", "Rain."),
    ("s1", "South Courier", "Rain and rain and rain."),
    ("s2", "South Courier", "Wind and storm. Wind."),
]


@pytest.fixture(scope="module")
def tiny() -> framing.Analysis:
    return _analysis(TINY)


def test_word_counts_are_the_hand_counts(tiny):
    counts = word_counts(tiny)
    got = {(g, w): c for g, w, c in counts.itertuples(index=False)}
    assert got == {
        ("North Herald", "storm"): 3,
        ("North Herald", "rain"): 1,
        ("South Courier", "rain"): 3,
        ("South Courier", "wind"): 2,
        ("South Courier", "storm"): 1,
    }


def test_log_odds_and_z_match_monroe_et_al_by_hand(tiny):
    table = distinctive_words(tiny, min_count=1, prior_size=10)
    storm = _row(table, "North Herald", "storm")
    # Whole corpus: storm 4 of N = 10 words, so alpha = a0 * 4 / 10 = 10 * 0.4 = 4.
    # Group i = North (y_i = 3, n_i = 4), rest j = South (y_j = 1, n_j = 6), a0 = 10.
    log_odds = math.log((3 + 4) / (4 + 10 - 3 - 4)) - math.log((1 + 4) / (6 + 10 - 1 - 4))
    z = log_odds / math.sqrt(1 / (3 + 4) + 1 / (1 + 4))
    assert storm["log_odds"] == pytest.approx(log_odds)  # = ln(11/5) = 0.788
    assert storm["z"] == pytest.approx(z)  # = 1.347
    assert (storm["count"], storm["count_rest"]) == (3, 1)
    assert storm["rate_per_1k"] == pytest.approx(1000 * 3 / 4)
    assert storm["rate_rest_per_1k"] == pytest.approx(1000 * 1 / 6)
    # Two groups: South's score for storm is the same comparison seen from the other side.
    assert _row(table, "South Courier", "storm")["log_odds"] == pytest.approx(-log_odds)


def test_g2_matches_dunning_by_hand(tiny):
    table = distinctive_words(tiny, method="g2", min_count=1)
    storm = _row(table, "North Herald", "storm")
    # 2x2 table: storm 3 (North) / 1 (South); other words 1 / 5; N = 10.
    # Expected from the margins: 4*4/10, 6*4/10, 4*6/10, 6*6/10.
    g2 = 2 * (
        3 * math.log(3 / 1.6)
        + 1 * math.log(1 / 2.4)
        + 1 * math.log(1 / 2.4)
        + 5 * math.log(5 / 3.6)
    )
    assert storm["g2"] == pytest.approx(g2)  # = 3.555
    assert storm["p"] == pytest.approx(math.erfc(math.sqrt(g2 / 2)))  # = 0.059
    # Under-represented in South: same G², negative sign.
    assert _row(table, "South Courier", "storm")["g2"] == pytest.approx(-g2)
    # Wind in South: 2 (South) / 0 (North); other words 4 / 4. Expected: 6*2/10, 4*2/10,
    # 6*8/10, 4*8/10. The zero cell (expected 0.8) contributes nothing.
    wind_g2 = 2 * (2 * math.log(2 / 1.2) + 4 * math.log(4 / 4.8) + 4 * math.log(4 / 3.2))
    assert _row(table, "South Courier", "wind")["g2"] == pytest.approx(wind_g2)


def test_word_of_one_outlet_is_positive_there_and_negative_elsewhere(tiny):
    table = distinctive_words(tiny, min_count=1)
    assert _row(table, "South Courier", "wind")["z"] > 0
    north = _row(table, "North Herald", "wind")
    assert north["count"] == 0
    assert north["z"] < 0


def test_rows_sorted_by_group_then_descending_score(tiny):
    table = distinctive_words(tiny, min_count=1)
    assert list(table["group"]) == ["North Herald"] * 3 + ["South Courier"] * 3
    assert list(table["word"][:3]) == ["storm", "rain", "wind"]
    for _, rows in table.groupby("group"):
        assert rows["z"].is_monotonic_decreasing
    assert list(table.columns) == [
        "group",
        "word",
        "count",
        "count_rest",
        "rate_per_1k",
        "rate_rest_per_1k",
        "log_odds",
        "z",
    ]


def test_top_keeps_the_highest_words_per_group(tiny):
    table = distinctive_words(tiny, min_count=1, top=1)
    assert list(zip(table["group"], table["word"], strict=True)) == [
        ("North Herald", "storm"),
        ("South Courier", "wind"),
    ]


def test_min_count_drops_words_rare_in_the_whole_corpus(tiny):
    # Totals: storm 4, rain 4, wind 2.
    table = distinctive_words(tiny, min_count=3)
    assert set(table["word"]) == {"storm", "rain"}


def test_self_names_dropped_only_when_capitalised():
    analysis = _analysis(
        [
            ("h1", "The Harbour Times", "Harbour officials met at the harbour. Harbour Times."),
            ("h2", "The Harbour Times", "At times the ferry waits for the tide."),
            ("v1", "Valley Post", "Valley Post reporters walked the valley to the post office."),
        ]
    )
    counts = word_counts(analysis)
    got = {(g, w): c for g, w, c in counts.itertuples(index=False)}
    assert got[("The Harbour Times", "harbour")] == 1
    assert got[("The Harbour Times", "times")] == 1
    assert got[("Valley Post", "valley")] == 1
    assert got[("Valley Post", "post")] == 1
    assert got[("Valley Post", "reporters")] == 1


def test_numbers_function_words_boilerplate_and_possessives():
    analysis = _analysis(
        [
            (
                "a1",
                "Left Ledger",
                "Trump's plan and Trump’s team don't meet in 2016. Subscribe to our newsletter.",
            ),
            ("b1", "Right Review", "They're waiting for 3,000 more votes."),
        ]
    )
    got = set(word_counts(analysis).itertuples(index=False))
    assert got == {
        ("Left Ledger", "trump", 2),
        ("Left Ledger", "plan", 1),
        ("Left Ledger", "team", 1),
        ("Left Ledger", "meet", 1),
        ("Right Review", "waiting", 1),
        ("Right Review", "votes", 1),
    }
    fewer = word_counts(analysis, stop_words=["Votes", "plan"])
    assert set(fewer["word"]) == {"trump", "team", "meet", "waiting"}


def test_unknown_by_column_names_it_and_lists_the_columns(tiny):
    with pytest.raises(framing.ColumnError, match=r"'publisher'.*'outlet'"):
        distinctive_words(tiny, by="publisher")


def test_unknown_method_is_a_value_error(tiny):
    with pytest.raises(ValueError, match="'chi2'"):
        distinctive_words(tiny, method="chi2")  # type: ignore[arg-type]


def test_one_group_cannot_be_compared():
    analysis = _analysis([("a", "Solo Sentinel", "Bridges and roads.")])
    with pytest.raises(ValueError, match="at least two"):
        distinctive_words(analysis)


def test_basil_outlets_get_rows_and_no_self_names_on_top(shared_dir: Path):
    corpus = framing.load_corpus(
        shared_dir / "corpus/basil/articles",
        text="body-paragraphs",
        outlet="source",
        story="triplet-uuid",
    )
    analysis = framing.analyse(corpus, features=[])
    start = time.perf_counter()
    table = distinctive_words(analysis, top=20)
    seconds = time.perf_counter() - start
    assert seconds < 10
    assert set(table["group"]) == {"Fox News", "HuffPost", "The New York Times"}
    assert (table.groupby("group").size() == 20).all()
    self_names = {"fox", "news", "huffpost", "huffington", "new", "york", "times"}
    assert not set(table["word"]) & self_names
    assert (table["z"] > 0).all()
    # The NYT's house style ("Mr. Obama") is its most distinctive word.
    nyt = table[table["group"] == "The New York Times"]
    assert nyt["word"].iloc[0] == "mr"
