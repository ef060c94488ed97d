"""Story grouping: group_stories on the demo, BASIL and hand-made corpora, and the
pairwise F1 and adjusted Rand index it is scored with (evaluation/basil_stories.py)."""

from __future__ import annotations

import math

import pandas as pd
import pytest

import framing
from evaluation.basil_stories import (
    adjusted_rand_index,
    basil_truth,
    load_basil_hidden,
    pair_counts,
    pairwise_scores,
    score,
)
from framing.analysis._stories import STORY_COLUMNS, group_stories
from framing.errors import ArgumentError

FLOOD = (
    "Floodwater from the Tarrow river swept through Keldon village overnight, and "
    "Mayor Ingrid Sollis ordered the evacuation of the low streets. Rescue crews "
    "pulled stranded residents from flooded cottages as the Tarrow burst its banks."
)
FLOOD_2 = (
    "Residents of Keldon counted the cost after the Tarrow flood. Mayor Ingrid Sollis "
    "said the evacuation saved lives, while rescue crews searched flooded cottages."
)
FLOOD_3 = (
    "Keldon's low streets were evacuated as the Tarrow rose; Mayor Ingrid Sollis thanked "
    "rescue crews who reached flooded cottages by boat."
)
TRADE = (
    "Finance ministers agreed a tariff deal in Brellport on Monday, cutting duties on "
    "steel and grain. Minister Pavel Orrin said the tariff agreement would lift exports."
)
TRADE_2 = (
    "The Brellport tariff deal cuts steel and grain duties, Minister Pavel Orrin told "
    "reporters, predicting that exports would rise under the agreement."
)


def _corpus(rows: list[dict]) -> framing.Corpus:
    return framing.load_corpus(pd.DataFrame(rows))


def _row(doc_id: str, text: str, published: str | None = "2024-05-01", outlet: str = "A"):
    return {
        "doc_id": doc_id,
        "text": text,
        "outlet": outlet,
        "published": published,
        "title": None,
    }


def _same(stories: pd.DataFrame, *ids: str) -> bool:
    by_id = stories.set_index("doc_id")["story"]
    return by_id[list(ids)].nunique() == 1


# --------------------------------------------------------------------------- the scores


def test_pair_scores_match_a_hand_worked_example():
    # truth {1,2,3} {4,5}; predicted {1,2} {3,4,5}. Pairs together in both: (1,2), (4,5)
    # = 2; in truth 3 + 1 = 4; predicted 1 + 3 = 4; all pairs C(5,2) = 10.
    truth = ["a", "a", "a", "b", "b"]
    predicted = [1, 1, 2, 2, 2]
    assert pair_counts(truth, predicted) == {"both": 2, "truth": 4, "predicted": 4, "total": 10}
    assert pairwise_scores(truth, predicted) == (0.5, 0.5, 0.5)
    # ARI = (2 - 4*4/10) / ((4 + 4)/2 - 4*4/10) = 0.4 / 2.4
    assert adjusted_rand_index(truth, predicted) == pytest.approx(1 / 6)


@pytest.mark.parametrize(
    ("truth", "predicted", "f1", "ari"),
    [
        (["a", "a", "b", "b"], [7, 7, 9, 9], 1.0, 1.0),  # the same partition, renamed
        (["a", "a", "b", "b"], [1, 1, 1, 1], 2 * (2 / 6) / (1 + 2 / 6), 0.0),  # one lump
        # truth {1,2}{3,4}, predicted {1,3}{2,4}: no pair agrees; expected 2*2/6, so
        # ARI = (0 - 2/3) / (2 - 2/3) = -0.5
        (["a", "a", "b", "b"], [1, 2, 1, 2], 0.0, -0.5),
    ],
)
def test_pair_scores_on_small_partitions(truth, predicted, f1, ari):
    assert pairwise_scores(truth, predicted)[2] == pytest.approx(f1)
    assert adjusted_rand_index(truth, predicted) == pytest.approx(ari)


# --------------------------------------------------------------------------- the grouping


def test_articles_about_one_event_share_a_story_and_others_do_not():
    corpus = _corpus(
        [
            _row("flood-a", FLOOD, outlet="A"),
            _row("trade-a", TRADE, outlet="A"),
            _row("flood-b", FLOOD_2, outlet="B"),
            _row("trade-b", TRADE_2, outlet="B"),
        ]
    )
    stories = group_stories(corpus)
    assert list(stories.columns) == list(STORY_COLUMNS)
    assert stories["doc_id"].tolist() == ["flood-a", "trade-a", "flood-b", "trade-b"]
    assert _same(stories, "flood-a", "flood-b") and _same(stories, "trade-a", "trade-b")
    assert stories["story"].nunique() == 2
    assert set(stories["joined_by"]) == {"content"}
    assert (stories["nearest_similarity"] >= 0.2).all()


def test_stories_are_numbered_by_first_date_whatever_the_input_order():
    corpus = _corpus(
        [
            _row("trade-late", TRADE, "2024-06-10"),
            _row("flood-early", FLOOD, "2024-06-01"),
            _row("flood-early-2", FLOOD_2, "2024-06-02"),
        ]
    )
    stories = group_stories(corpus).set_index("doc_id")["story"]
    assert stories["flood-early"] == stories["flood-early-2"] == "story-0001"
    assert stories["trade-late"] == "story-0002"


def test_articles_further_apart_than_the_window_are_never_joined():
    corpus = _corpus([_row("a", FLOOD, "2024-05-01"), _row("b", FLOOD_2, "2024-05-09")])
    assert group_stories(corpus, window=3)["story"].nunique() == 2
    assert group_stories(corpus, window=10)["story"].nunique() == 1
    assert group_stories(corpus, window=math.inf)["story"].nunique() == 1


def test_articles_without_dates_are_grouped_by_content_alone():
    corpus = _corpus(
        [
            _row("flood-dated", FLOOD, "2024-05-01"),
            _row("flood-undated", FLOOD_2, None),
            _row("trade-undated", TRADE, None),
            _row("trade-undated-2", TRADE_2, ""),
        ]
    )
    stories = group_stories(corpus)
    assert len(stories) == 4  # none dropped
    assert stories["published"].isna().sum() == 3
    assert _same(stories, "flood-dated", "flood-undated")
    assert _same(stories, "trade-undated", "trade-undated-2")
    assert stories["story"].nunique() == 2
    # The dated story first; the undated one after it.
    assert stories.set_index("doc_id")["story"]["trade-undated"] == "story-0002"


def test_one_article_is_one_story():
    stories = group_stories(_corpus([_row("only", FLOOD)]))
    assert stories["story"].tolist() == ["story-0001"]
    assert stories["joined_by"].tolist() == ["alone"]
    assert stories["story_n_articles"].tolist() == [1]
    assert stories["nearest_doc_id"].isna().all()


def test_articles_without_a_content_word_are_each_a_story_of_their_own():
    frame = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["X", "Y"], "text": ["A", "The of"]})
    stories = group_stories(framing.load_corpus(frame))
    assert stories["story"].tolist() == ["story-0001", "story-0002"]
    assert stories["joined_by"].tolist() == ["alone", "alone"]


def test_one_outlet_is_grouped_like_many():
    corpus = _corpus([_row("a", FLOOD), _row("b", FLOOD_2), _row("c", TRADE)])
    stories = group_stories(corpus)
    assert _same(stories, "a", "b") and stories["story"].nunique() == 2


def test_time_zones_are_read_as_utc_and_a_date_without_time_as_midnight():
    corpus = _corpus(
        [
            # 20:00 at UTC-5 is 01:00 UTC the next day: an hour after midnight of 2 May.
            _row("zoned", FLOOD, "2024-05-01T20:00:00-05:00"),
            _row("date-only", FLOOD_2, "2024-05-02"),
            # 20:00 without a zone is 20:00 UTC: four hours before that midnight.
            _row("naive", FLOOD_3, "2024-05-01T20:00:00"),
        ]
    )
    stories = group_stories(corpus, window=0.1)  # 2.4 hours
    published = stories.set_index("doc_id")["published"]
    assert published["zoned"] == pd.Timestamp("2024-05-02 01:00")
    assert published["date-only"] == pd.Timestamp("2024-05-02 00:00")
    assert published["naive"] == pd.Timestamp("2024-05-01 20:00")
    assert _same(stories, "zoned", "date-only")
    assert not _same(stories, "naive", "date-only")


def test_versions_of_one_article_are_one_story_even_days_apart():
    longer = FLOOD + " " + FLOOD_2
    corpus = _corpus(
        [_row("first", longer, "2024-05-01"), _row("update", longer + " More.", "2024-05-20")]
    )
    stories = group_stories(corpus, window=1)
    assert _same(stories, "first", "update")
    assert set(stories["joined_by"]) == {"version"}


LEAK = [  # the demo's marrowick-ammonia-leak, 12-14 May
    "estuary-observer-1",
    "estuary-observer-2",
    "marrowick-courier-1",
    "marrowick-courier-2",
    "marrowick-courier-3",
    "northgate-dispatch-1",
    "northgate-dispatch-2",
]
ANGLERS = "estuary-observer-3"  # also the leak: the fish kill on the Tansey, 14 May
INQUIRY = ["estuary-observer-4", "marrowick-courier-4", "northgate-dispatch-3"]  # 20 May


def test_an_undated_article_never_bridges_stories_the_window_keeps_apart():
    # The flood on 1 May and a flood story a week later are two stories at window 3;
    # an undated flood article, as like both, joins one of them and does not merge them.
    corpus = _corpus(
        [
            _row("flood-1", FLOOD, "2024-05-01"),
            _row("flood-9", FLOOD_3, "2024-05-09"),
            _row("flood-undated", FLOOD_2, None),
        ]
    )
    stories = group_stories(corpus, window=3)
    assert stories["story"].nunique() == 2
    assert _same(stories, "flood-undated", "flood-1") or _same(stories, "flood-undated", "flood-9")
    # with the window wide enough, one story
    assert group_stories(corpus, window=10)["story"].nunique() == 1


def test_the_demo_with_one_date_removed_groups_as_with_it():
    demo = framing.load_corpus(framing.DEMO_CORPUS).articles
    frame = demo[["doc_id", "title", "text", "outlet", "published"]].copy()
    frame["published"] = frame["published"].astype(object)
    frame.loc[frame["doc_id"] == "marrowick-courier-2", "published"] = None
    undated = group_stories(framing.load_corpus(frame, version_threshold=None))
    dated = group_stories(framing.load_corpus(framing.DEMO_CORPUS))
    assert undated["story"].tolist() == dated["story"].tolist()


def test_the_demo_groups_into_its_two_stories_but_for_the_anglers_at_the_default():
    demo = framing.load_corpus(framing.DEMO_CORPUS)
    stories = group_stories(demo)
    by_id = stories.set_index("doc_id")["story"]
    assert by_id[LEAK].nunique() == 1 and by_id[INQUIRY].nunique() == 1
    assert by_id[LEAK[0]] != by_id[INQUIRY[0]]
    # The anglers' article shares with the other leak articles mainly their names
    # (Marrowick, Tansey, Brennock) and "ammonia": its strongest link passes 0.2, but its
    # mean cosine with the group of seven does not, so the guard keeps it apart.
    assert stories["story"].nunique() == 3
    assert by_id[ANGLERS] not in set(by_id[LEAK + INQUIRY])
    figures = score(stories, demo.articles.set_index("doc_id")["story"])
    assert figures["precision"] == 1.0
    assert figures["recall"] == pytest.approx(24 / 31)  # 21 + 3 of the 28 + 3 true pairs


def test_the_demo_is_exactly_its_two_stories_at_threshold_0_15():
    demo = framing.load_corpus(framing.DEMO_CORPUS)
    stories = group_stories(demo, threshold=0.15)
    by_id = stories.set_index("doc_id")["story"]
    assert by_id[[*LEAK, ANGLERS]].nunique() == 1 and by_id[INQUIRY].nunique() == 1
    assert stories["story"].nunique() == 2
    # Numbered by first date: the leak (12 May) first, the inquiry (20 May) second.
    assert by_id[LEAK[0]] == "story-0001" and by_id[INQUIRY[0]] == "story-0002"


def test_a_corpus_streamed_an_analysis_and_a_corpus_in_memory_group_alike():
    loaded = framing.load_corpus(framing.DEMO_CORPUS)
    loaded.articles  # noqa: B018 - read into memory
    streamed = framing.load_corpus(framing.DEMO_CORPUS)  # not read: streamed
    expected = group_stories(loaded, threshold=0.1)
    assert not streamed.loaded
    pd.testing.assert_frame_equal(group_stories(streamed, threshold=0.1), expected)
    analysis = framing.analyse(loaded)
    pd.testing.assert_frame_equal(group_stories(analysis, threshold=0.1), expected)


def _with_smallest_bounds(monkeypatch):
    """Every memory bound of group_stories at its smallest: one term match per step (an
    article never split), one centroid in memory, term ids merged after every chunk."""
    from framing.analysis import _stories, _story_terms

    for name in ("_MATCHES", "_CENTROIDS"):
        monkeypatch.setattr(_stories, name, 1)
    monkeypatch.setattr(_story_terms, "_PENDING_TERMS", 1)


@pytest.mark.parametrize(("window", "threshold"), [(3.0, 0.2), (math.inf, 0.1)])
def test_the_memory_bounds_do_not_change_the_grouping(monkeypatch, window, threshold):
    demo = framing.load_corpus(framing.DEMO_CORPUS)
    expected = group_stories(demo, window=window, threshold=threshold)
    _with_smallest_bounds(monkeypatch)
    pd.testing.assert_frame_equal(group_stories(demo, window=window, threshold=threshold), expected)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"window": -1}, "window=-1"),
        ({"window": "3"}, "window='3'"),
        ({"threshold": 0}, "threshold=0"),
        ({"threshold": 1.5}, "threshold=1.5"),
    ],
)
def test_unusable_arguments_say_what_to_pass(kwargs, message):
    with pytest.raises(ArgumentError, match=message):
        group_stories(_corpus([_row("a", FLOOD)]), **kwargs)


def test_a_source_other_than_a_corpus_or_analysis_is_refused():
    with pytest.raises(ArgumentError, match="takes a Corpus"):
        group_stories(pd.DataFrame({"text": ["x"]}))  # type: ignore[arg-type]


# --------------------------------------------------------------------------- BASIL


def test_basil_stories_are_recovered_with_the_story_hidden(shared_dir, tmp_path):
    articles = shared_dir / "corpus" / "basil" / "articles"
    if not articles.is_dir():
        pytest.skip(f"BASIL not found: looked for {articles}")
    corpus = load_basil_hidden(articles, tmp_path)
    assert corpus.articles["story"].isna().all()
    figures = score(group_stories(corpus), basil_truth(articles))
    assert figures["f1"] >= 0.90
    assert figures["ari"] >= 0.90


def test_basil_grouping_is_the_same_with_the_smallest_memory_bounds(
    shared_dir, tmp_path, monkeypatch
):
    articles = shared_dir / "corpus" / "basil" / "articles"
    if not articles.is_dir():
        pytest.skip(f"BASIL not found: looked for {articles}")
    corpus = load_basil_hidden(articles, tmp_path)
    # Dates ignored: large groups, merged many times, so centroids go to disk and back.
    expected = group_stories(corpus, window=math.inf)
    _with_smallest_bounds(monkeypatch)
    pd.testing.assert_frame_equal(group_stories(corpus, window=math.inf), expected)
