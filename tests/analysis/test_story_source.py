"""Where an analysis's stories come from: the corpus's labels, or framing's grouping when
it has none; said on every article and in the analysis's notes, and kept in a results
directory."""

from __future__ import annotations

import pandas as pd
import pytest

import framing
from framing.errors import ArgumentError


def _frame(story: list[str | None] | None = None) -> pd.DataFrame:
    frame = pd.DataFrame(
        {
            "doc_id": ["a1", "b1", "a2", "b2"],
            "outlet": ["Alpha", "Beta", "Alpha", "Beta"],
            "published": ["2024-03-01", "2024-03-01", "2024-06-20", "2024-06-21"],
            "title": [
                "Riverton flood forces hundreds of Riverton families from their homes",
                "Flood waters rise in Riverton as families leave their homes",
                "Hillford mayor resigns over council contracts scandal",
                "Mayor of Hillford quits amid council contracts scandal",
            ],
            "text": [
                "Riverton flood waters forced hundreds of families from homes on Friday.",
                "Flood waters in Riverton forced families from their homes, officials said.",
                "The Hillford mayor resigned over the council contracts scandal.",
                "Hillford's mayor quit as the council contracts scandal grew.",
            ],
        }
    )
    if story is not None:
        frame["story"] = story
    return frame


def _analyse(frame: pd.DataFrame, **options) -> framing.Analysis:
    return framing.analyse(
        framing.load_corpus(frame, version_threshold=None), features=["sentiment"], **options
    )


def test_a_corpus_without_stories_is_grouped_and_says_so():
    analysis = _analyse(_frame())
    articles = analysis.articles.set_index("doc_id")
    assert (articles["story_source"] == "grouped").all()
    # the flood (1 March) and the mayor (June) are two stories, each with both outlets
    assert articles.at["a1", "story"] == articles.at["b1", "story"]
    assert articles.at["a2", "story"] == articles.at["b2", "story"]
    assert articles.at["a1", "story"] != articles.at["a2", "story"]
    assert "story_given" not in articles.columns
    assert any("4 articles grouped into 2 stories" in note for note in analysis.notes)
    # the paired comparison has its stories
    within = framing.compare(analysis)
    assert (within["comparison"] == "within stories").any()


def test_given_stories_are_kept_and_grouping_can_be_asked_for_or_turned_off():
    labelled = _frame(["flood", "flood", "mayor", None])
    analysis = _analyse(labelled)
    articles = analysis.articles.set_index("doc_id")
    assert list(articles["story"].fillna("")) == ["flood", "flood", "mayor", ""]
    assert list(articles["story_source"].fillna("")) == ["given", "given", "given", ""]
    assert analysis.notes == []

    regrouped = _analyse(labelled, stories="grouped").articles.set_index("doc_id")
    assert (regrouped["story_source"] == "grouped").all()
    assert list(regrouped["story_given"].fillna("")) == ["flood", "flood", "mayor", ""]
    assert regrouped.at["a2", "story"] == regrouped.at["b2", "story"]

    never = _analyse(_frame(), stories="given").articles
    assert never["story"].isna().all() and never["story_source"].isna().all()

    with pytest.raises(ArgumentError, match="stories='sometimes'"):
        _analyse(_frame(), stories="sometimes")


def test_a_results_directory_keeps_the_grouping(tmp_path):
    analysis = _analyse(_frame(), out=tmp_path / "results")
    assert (analysis.articles["story_source"] == "grouped").all()
    reopened = framing.open_analysis(tmp_path / "results")
    pd.testing.assert_series_equal(
        reopened.articles["story"], analysis.articles["story"], check_names=False
    )
    assert any("grouped into 2 stories" in note for note in reopened.notes)
    # resumed when complete: opened as it is, not grouped again
    again = _analyse(_frame(), out=tmp_path / "results", resume=True)
    assert list(again.articles["story"]) == list(analysis.articles["story"])


def test_the_report_works_end_to_end_on_a_corpus_without_stories():
    analysis = _analyse(_frame())
    page = framing.render_report_html(analysis, max_articles=0)
    # two grouped stories, named by their first headlines, not by their ids
    assert "How Alpha and Beta covered 2 stories" in page
    assert "grouped by framing from content and date" in page
    assert "“Riverton flood forces hundreds of Riverton families from their homes”" in page
    assert "story-0001" not in page
