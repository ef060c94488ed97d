"""analysis.stories: each story's dates, coverage, the outlets that left it out, and a
label of its most distinctive terms."""

from __future__ import annotations

import pandas as pd

import framing


def _corpus() -> framing.Corpus:
    rows = [
        ("a1", "Alpha", "flood", "2024-03-01", "Riverton flood forces hundreds from homes"),
        ("b1", "Beta", "flood", "2024-03-02", "Flood waters rise in Riverton"),
        ("c1", "Gamma", "flood", "2024-03-02", "Riverton counts the cost of the flood"),
        ("a2", "Alpha", "mayor", "2024-04-10", "Hillford mayor resigns over contracts"),
        ("b2", "Beta", "mayor", "2024-04-09", "Mayor of Hillford quits amid contracts row"),
    ]
    frame = pd.DataFrame(
        {
            "doc_id": [r[0] for r in rows],
            "outlet": [r[1] for r in rows],
            "story": [r[2] for r in rows],
            "published": [r[3] for r in rows],
            "title": [r[4] for r in rows],
            "text": [
                f"{r[4]}. Officials spoke on Tuesday about what happened next.\n\n"
                "Residents were told to wait for news."
                for r in rows
            ],
        }
    )
    return framing.load_corpus(frame, version_threshold=None)


def test_each_story_its_dates_its_coverage_and_who_left_it_out():
    analysis = framing.analyse(_corpus(), features=["sentiment"])
    stories = analysis.stories.set_index("story")
    assert list(analysis.stories["story"]) == ["flood", "mayor"]  # by first date
    flood, mayor = stories.loc["flood"], stories.loc["mayor"]
    assert (flood["n_articles"], flood["n_outlets"]) == (3, 3)
    assert flood["outlets"] == "Alpha; Beta; Gamma" and flood["outlets_missing"] == ""
    assert (mayor["n_articles"], mayor["n_outlets"]) == (2, 2)
    assert mayor["outlets_missing"] == "Gamma"
    # dates out of order in the corpus: first and last by date, the headline the first's
    assert mayor["first_published"] == pd.Timestamp("2024-04-09")
    assert mayor["last_published"] == pd.Timestamp("2024-04-10")
    assert mayor["headline"] == "Mayor of Hillford quits amid contracts row"
    # the label: the story's own words first, a name kept capitalised; the words both
    # stories share (officials, residents, news) are not distinctive of either
    flood_terms = flood["label"].split(" · ")
    assert set(flood_terms[:2]) == {"Riverton", "flood"}
    assert {"Hillford", "contracts", "mayor"} <= set(mayor["label"].split(" · "))
    for shared in ("officials", "residents", "news"):
        assert shared not in flood["label"] and shared not in mayor["label"]


def test_the_demo_stories():
    analysis = framing.analyse(framing.load_corpus(framing.DEMO_CORPUS))
    stories = analysis.stories.set_index("story")
    assert sorted(stories.index) == ["marrowick-ammonia-leak", "marrowick-leak-inquiry"]
    # ten articles counted (one of the eleven is a later version of another)
    assert stories["n_articles"].sum() == len(analysis.counted) == 10
    assert (stories["n_outlets"] == 3).all() and (stories["outlets_missing"] == "").all()
    assert stories.at["marrowick-leak-inquiry", "first_published"] == pd.Timestamp("2026-05-20")


def test_no_story_no_rows():
    frame = pd.DataFrame({"doc_id": ["x"], "outlet": ["Alpha"], "text": ["One sentence here."]})
    corpus = framing.load_corpus(frame)
    analysis = framing.analyse(corpus, features=["sentiment"], stories="given")
    assert analysis.stories.empty
    assert list(analysis.stories.columns)[:3] == ["story", "label", "headline"]
    # grouped by framing, the one article is one story
    grouped = framing.analyse(corpus, features=["sentiment"]).stories
    assert len(grouped) == 1 and grouped.at[0, "n_articles"] == 1
