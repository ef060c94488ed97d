from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest

import framing
from framing.comparison import HONORIFICS
from framing.comparison._keyness import find_distinctive_words, word_counts
from framing.errors import ArgumentError


def _analysis(rows: list[tuple[str, str, str]]) -> framing.Analysis:
    frame = pd.DataFrame(rows, columns=["doc_id", "outlet", "text"])
    return framing.analyse(framing.load_corpus(frame), features=[])


def _counts(analysis: framing.Analysis, **options) -> dict[tuple[str, str], int]:
    return {(g, w): c for g, w, c in word_counts(analysis, **options).itertuples(index=False)}


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
    table = find_distinctive_words(tiny, min_count=1, prior_size=10)
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
    table = find_distinctive_words(tiny, method="g2", min_count=1)
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
    table = find_distinctive_words(tiny, min_count=1)
    assert _row(table, "South Courier", "wind")["z"] > 0
    north = _row(table, "North Herald", "wind")
    assert north["count"] == 0
    assert north["z"] < 0


def test_rows_sorted_by_group_then_descending_score(tiny):
    table = find_distinctive_words(tiny, min_count=1)
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
    table = find_distinctive_words(tiny, min_count=1, top=1)
    assert list(zip(table["group"], table["word"], strict=True)) == [
        ("North Herald", "storm"),
        ("South Courier", "wind"),
    ]


def test_min_count_drops_words_rare_in_the_whole_corpus(tiny):
    # Totals: storm 4, rain 4, wind 2.
    table = find_distinctive_words(tiny, min_count=3)
    assert set(table["word"]) == {"storm", "rain"}


def test_self_names_dropped_only_when_capitalised():
    analysis = _analysis(
        [
            ("h1", "The Harbour Times", "Harbour officials met at the harbour. Harbour Times."),
            ("h2", "The Harbour Times", "At times the ferry waits for the tide."),
            ("v1", "Valley Post", "Valley Post reporters walked the valley to the post office."),
        ]
    )
    got = _counts(analysis)
    # "Harbour Times." is the name and goes; "Harbour officials" is not the name.
    assert got[("The Harbour Times", "harbour")] == 2
    assert got[("The Harbour Times", "times")] == 1
    assert got[("Valley Post", "valley")] == 1
    assert got[("Valley Post", "post")] == 1
    assert got[("Valley Post", "reporters")] == 1


def test_self_names_are_dropped_as_whole_names_not_word_by_word():
    analysis = _analysis(
        [
            (
                "t1",
                "The New York Times",
                "The New York Times sent reporters to New Jersey. A New York Times poll "
                "in New York found voters angry.",
            ),
            (
                "h1",
                "HuffPost",
                "The Washington Post and HuffPost cited Huffington Post readers.",
            ),
            ("n1", "The National", "The National Guard arrived, The National reported."),
            ("i1", "The Independent", "An Independent senator told The Independent so."),
            ("f1", "Fox News", "Vicente Fox spoke on Fox News Sunday."),
        ]
    )
    got = _counts(analysis)
    times = {w: c for (g, w), c in got.items() if g == "The New York Times"}
    # Only the two "New York Times" go: New Jersey and New York (the place) stay.
    assert times == {
        "sent": 1, "reporters": 1, "new": 2, "jersey": 1, "poll": 1, "york": 1,
        "found": 1, "voters": 1, "angry": 1,
    }  # fmt: skip
    huff = {w: c for (g, w), c in got.items() if g == "HuffPost"}
    assert huff == {"washington": 1, "post": 1, "cited": 1, "readers": 1}
    national = {w: c for (g, w), c in got.items() if g == "The National"}
    # "The National" before a capitalised word is another name (the National Guard).
    assert national == {"national": 1, "guard": 1, "arrived": 1, "reported": 1}
    independent = {w: c for (g, w), c in got.items() if g == "The Independent"}
    assert independent == {"independent": 1, "senator": 1, "told": 1}
    fox = {w: c for (g, w), c in got.items() if g == "Fox News"}
    # The alias "fox" is only shorthand for Fox News: Vicente Fox keeps his name.
    assert fox == {"vicente": 1, "fox": 1, "spoke": 1, "sunday": 1}


def test_the_masthead_word_after_the_is_a_self_name():
    analysis = _analysis(
        [
            ("d1", "Northgate Dispatch", "A source told the Dispatch that a dispatch rider came."),
            ("c1", "Marrowick Courier", "The Dispatch Box was quiet, the Courier heard."),
        ]
    )
    got = _counts(analysis)
    # 'the Dispatch' and 'the Courier' go; the lowercase noun stays, and so does 'the
    # Dispatch Box' (a capitalised word follows: another name).
    assert got[("Northgate Dispatch", "dispatch")] == 1
    assert ("Marrowick Courier", "courier") not in got
    assert got[("Marrowick Courier", "dispatch")] == 1
    assert got[("Marrowick Courier", "box")] == 1


def test_capitals_keep_us_and_who_apart_from_the_pronouns():
    analysis = _analysis(
        [
            (
                "a1",
                "North Herald",
                "The US told us that WHO officials, who met U.S. envoys, want IT staff "
                "to fix it. Talks resume in May. May they succeed.",
            ),
        ]
    )
    got = _counts(analysis)
    # U.S. and US are one word; "us", "who", "it" are pronouns and dropped; only the
    # mid-sentence May (the month) is kept, the sentence-initial modal is dropped.
    assert got == {
        ("North Herald", w): c
        for w, c in {
            "US": 2, "told": 1, "WHO": 1, "officials": 1, "met": 1, "envoys": 1,
            "want": 1, "IT": 1, "staff": 1, "fix": 1, "talks": 1, "resume": 1, "May": 1,
            "succeed": 1,
        }.items()
    }  # fmt: skip


def test_dotted_initialisms_single_letters_and_possessive_after_a_dot():
    analysis = _analysis(
        [
            (
                "a1",
                "North Herald",
                "The F.B.I.’s director and two FBI agents met Donald J. Trump in "
                "Washington, D.C., and the C.I.A. chief.",
            ),
        ]
    )
    got = {w: c for (_, w), c in _counts(analysis).items()}
    assert got == {
        "FBI": 2, "director": 1, "two": 1, "agents": 1, "met": 1, "donald": 1,
        "trump": 1, "washington": 1, "DC": 1, "CIA": 1, "chief": 1,
    }  # fmt: skip


def test_non_breaking_hyphen_is_a_hyphen():
    analysis = _analysis(
        [
            ("a1", "North Herald", "A civil\u2011military centre opened."),
            ("a2", "North Herald", "The civil-military plan."),
        ]
    )
    got = {w: c for (_, w), c in _counts(analysis).items()}
    assert got == {"civil-military": 2, "centre": 1, "opened": 1, "plan": 1}


HONORIFIC_TEXT = (
    "Mr. Smith and Mrs. Jones met Dr. Lee. Ms. Park will miss Miss Tate. "
    "Sen. Warren, Rep. Ryan and Gov. Brown met Senator Cruz."
)


def test_honorifics_dropped_by_default_and_kept_on_request():
    assert {"mr", "mrs", "ms", "miss", "dr"} == HONORIFICS
    analysis = _analysis([("a1", "North Herald", HONORIFIC_TEXT)])
    default = {w: c for (_, w), c in _counts(analysis).items()}
    # The verb "miss" is kept; the title abbreviations count as the titles.
    assert default == {
        "smith": 1, "jones": 1, "met": 2, "lee": 1, "park": 1, "miss": 1, "tate": 1,
        "senator": 2, "warren": 1, "representative": 1, "ryan": 1, "governor": 1,
        "brown": 1, "cruz": 1,
    }  # fmt: skip
    kept = {w: c for (_, w), c in _counts(analysis, honorifics=True).items()}
    assert kept == default | {"mr": 1, "mrs": 1, "dr": 1, "ms": 1, "miss": 2}


# Three groups, to check each is compared with the other two pooled. Counts:
#   Alpha: storm 3, rain 2 (5 words); Beta: storm 1, rain 4 (5); Gamma: wind 3, rain 2 (5).
THREE = [
    ("a1", "Alpha Gazette", "Storm, storm, storm. Rain, rain."),
    ("b1", "Beta Bulletin", "Storm. Rain, rain, rain, rain."),
    ("c1", "Gamma Courier", "Wind, wind, wind. Rain, rain."),
]


def test_three_groups_each_against_the_other_two_pooled():
    analysis = _analysis(THREE)
    table = find_distinctive_words(analysis, min_count=1, prior_size=15)
    storm = _row(table, "Alpha Gazette", "storm")
    # Whole corpus: storm 4 of N = 15, so alpha = 15 * 4 / 15 = 4. Alpha (y_i = 3,
    # n_i = 5) against Beta + Gamma pooled (y_j = 1 + 0 = 1, n_j = 5 + 5 = 10):
    log_odds = math.log((3 + 4) / (5 + 15 - 3 - 4)) - math.log((1 + 4) / (10 + 15 - 1 - 4))
    assert log_odds == pytest.approx(math.log(28 / 13))  # = 0.767
    assert storm["log_odds"] == pytest.approx(log_odds)
    assert storm["z"] == pytest.approx(log_odds / math.sqrt(1 / 7 + 1 / 5))  # = 1.310
    assert (storm["count"], storm["count_rest"]) == (3, 1)
    assert storm["rate_rest_per_1k"] == pytest.approx(1000 * 1 / 10)
    # Against Beta alone (y_j = 1, n_j = 5) it would be ln(21/13) = 0.480: pooling matters.
    assert storm["log_odds"] != pytest.approx(math.log(21 / 13))
    # Gamma never says storm; its rest is Alpha + Beta (storm 4 of 10).
    gamma = _row(table, "Gamma Courier", "storm")
    assert gamma["log_odds"] == pytest.approx(
        math.log((0 + 4) / (5 + 15 - 0 - 4)) - math.log((4 + 4) / (10 + 15 - 4 - 4))
    )
    g2 = _row(find_distinctive_words(analysis, method="g2", min_count=1), "Alpha Gazette", "storm")
    # 2x2: storm 3 / 1, other words 2 / 9, N = 15; expected 5*4/15, 10*4/15, 5*11/15, 10*11/15.
    expected = (5 * 4 / 15, 10 * 4 / 15, 5 * 11 / 15, 10 * 11 / 15)
    observed = (3, 1, 2, 9)
    assert g2["g2"] == pytest.approx(
        2 * sum(o * math.log(o / e) for o, e in zip(observed, expected, strict=True))
    )


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
        find_distinctive_words(tiny, by="publisher")


def test_unknown_method_is_a_value_error(tiny):
    with pytest.raises(ArgumentError, match="'chi2'"):
        find_distinctive_words(tiny, method="chi2")  # type: ignore[arg-type]


def test_one_group_cannot_be_compared():
    analysis = _analysis([("a", "Solo Sentinel", "Bridges and roads.")])
    with pytest.raises(ArgumentError, match="at least two"):
        find_distinctive_words(analysis)


@pytest.fixture(scope="module")
def basil(shared_dir: Path) -> framing.Analysis:
    corpus = framing.load_corpus(
        shared_dir / "corpus/basil/articles",
        text="body-paragraphs",
        outlet="source",
        story="triplet-uuid",
    )
    return framing.analyse(corpus, features=[])


def test_basil_outlets_get_rows_and_no_self_names_or_honorifics_on_top(basil):
    table = find_distinctive_words(basil, top=20)
    assert set(table["group"]) == {"Fox News", "HuffPost", "The New York Times"}
    assert (table.groupby("group").size() == 20).all()
    assert (table["z"] > 0).all()
    top = {group: set(rows["word"]) for group, rows in table.groupby("group")}
    assert not top["Fox News"] & {"fox", "news"}
    assert not top["HuffPost"] & {"huffpost", "huffington", "post"}
    assert not top["The New York Times"] & {"times", "nyt"}
    for words in top.values():
        assert not {w.lower() for w in words} & HONORIFICS
        assert not {w for w in words if len(w) == 1}
    # Kept on request, the NYT's "Mr." house style is its most distinctive word.
    kept = find_distinctive_words(basil, top=1, honorifics=True)
    assert kept.set_index("group").loc["The New York Times", "word"] == "mr"


def test_basil_within_story_compares_each_outlet_with_the_same_story(basil):
    table = find_distinctive_words(basil, within="story", min_count=2, top=5)
    assert list(table.columns[:3]) == ["story", "group", "word"]
    per_story = table.groupby("story")["group"].nunique()
    assert len(per_story) == 100 and (per_story == 3).all()
    assert (table.groupby(["story", "group"]).size() <= 5).all()


def test_within_compares_inside_each_value_and_warns_for_lone_groups():
    frame = pd.DataFrame(
        [
            ("a1", "North Herald", "Storm storm storm.", "gale"),
            ("a2", "South Courier", "Rain rain storm.", "gale"),
            ("b1", "North Herald", "Wind wind.", "calm"),
        ],
        columns=["doc_id", "outlet", "text", "story"],
    )
    analysis = framing.analyse(framing.load_corpus(frame, story="story"), features=[])
    with pytest.warns(UserWarning, match=r"1 value\(s\) of 'story' have articles from one"):
        table = find_distinctive_words(analysis, within="story", min_count=1)
    assert set(table["story"]) == {"gale"}
    # Inside "gale" alone: North storm 3 of 3 words, South storm 1 of 3.
    assert _row(table, "North Herald", "storm")["count"] == 3
    assert _row(table, "North Herald", "storm")["count_rest"] == 1
    with pytest.raises(framing.ColumnError, match="within 'section'"):
        find_distinctive_words(analysis, within="section")


def test_basil_dotted_and_plain_initialisms_are_one_word(basil):
    counts = word_counts(basil)
    words = set(counts["word"])
    assert {"FBI", "CIA", "IRS", "US"} <= words
    assert not words & {"fbi", "f.b.i", "u.s", "us", "c.i.a", "mr", "j", "s"}
    nyt_fbi = counts[(counts["group"] == "The New York Times") & (counts["word"] == "FBI")]
    assert nyt_fbi["count"].item() > 40  # the NYT writes F.B.I.


def test_seed_keeps_the_seventeen_us(shared_dir: Path):
    corpus = framing.load_corpus(shared_dir / "corpus" / "uk-officers-gaza-2025-10")
    counts = word_counts(framing.analyse(corpus, features=[]))
    us = counts[counts["word"] == "US"].set_index("group")["count"].to_dict()
    assert us == {"The Independent": 10, "The National": 7}
