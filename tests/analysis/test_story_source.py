"""Where an analysis's stories come from: the corpus's labels, or framing's grouping when
it has none; said on every article and in the analysis's notes, and kept in a results
directory."""

from __future__ import annotations

import pandas as pd
import pytest

import framing
from framing.errors import ArgumentError, ColumnError


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
    # said where a notebook shows the analysis, too
    assert "0 errors, 1 note (.notes); features" in repr(analysis)
    assert "<i>Note:</i> 4 articles grouped into 2 stories" in analysis._repr_html_()
    # the paired comparison has its stories
    within = framing.compare(analysis)
    assert (within["comparison"] == "within stories").any()


def test_given_stories_are_kept_and_grouping_can_be_asked_for_or_turned_off():
    labelled = _frame(["flood", "flood", "mayor", None])
    analysis = _analyse(labelled)
    articles = analysis.articles.set_index("doc_id")
    assert list(articles["story"].fillna("")) == ["flood", "flood", "mayor", ""]
    assert list(articles["story_source"].fillna("")) == ["given", "given", "given", ""]
    # the one article without a label is not grouped, and that is said
    assert analysis.notes == [
        "1 of 4 articles has no story label: they count in the comparisons between "
        "outlets, not in the paired ones within stories. Label them, or group every "
        "article with stories='grouped' (--stories grouped; the labels are kept in "
        "story_given)"
    ]
    fully = _analyse(_frame(["flood", "flood", "mayor", "mayor"]))
    assert fully.notes == []

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
    # a partly labelled corpus: the note on the unlabelled article is kept too
    partly = _analyse(_frame(["flood", None, "mayor", "mayor"]), out=tmp_path / "partly")
    assert framing.open_analysis(tmp_path / "partly").notes == partly.notes
    assert partly.notes[0].startswith("1 of 4 articles has no story label")


def test_the_report_works_end_to_end_on_a_corpus_without_stories():
    analysis = _analyse(_frame())
    page = framing.render_report_html(analysis, max_articles=0)
    # two grouped stories, named by their first headlines, not by their ids
    assert "How Alpha and Beta covered 2 stories" in page
    assert (
        "grouped by framing from content and date (framing.group_stories, window 3 days, "
        "threshold 0.2)" in page
    )
    # a table of one's own is said to be one
    own = pd.DataFrame({"doc_id": ["a1", "b1", "a2", "b2"], "story": ["f", "f", "m", "m"]})
    page = framing.render_report_html(_analyse(_frame(), stories=own), max_articles=0)
    assert "2 given by a table passed to analyse" in page
    assert "“Riverton flood forces hundreds of Riverton families from their homes”" in page
    assert "story-0001" not in page


def test_a_grouping_of_your_own_settings_or_table_is_used_and_said():
    # a threshold no pair reaches: four stories of one article each
    alone = _analyse(_frame(), story_threshold=0.99)
    assert alone.articles["story"].nunique() == 4
    assert any("threshold 0.99" in note for note in alone.notes)
    # group_stories's own table, settings and all, is passed on as grouped
    groups = framing.group_stories(framing.load_corpus(_frame(), version_threshold=None))
    assert groups.attrs["group_stories"] == {"window": 3.0, "threshold": 0.2}
    used = _analyse(_frame(), stories=groups).articles.set_index("doc_id")
    assert (used["story_source"] == "grouped").all()
    assert used["story"].to_dict() == groups.set_index("doc_id")["story"].to_dict()
    # a table of the researcher's own: given, and what it leaves out is said
    own = pd.DataFrame({"doc_id": ["a1", "b1", "x9"], "story": ["flood", "flood", "other"]})
    analysis = _analyse(_frame(["f", "f", "m", "m"]), stories=own)
    articles = analysis.articles.set_index("doc_id")
    assert list(articles["story"].fillna("")) == ["flood", "flood", "", ""]
    assert list(articles["story_source"].fillna("")) == ["given", "given", "", ""]
    assert list(articles["story_given"]) == ["f", "f", "m", "m"]
    assert analysis.notes == [
        "2 of 4 articles given their story from a table (the table passed to analyse): "
        "1 story; 2 articles are not in it, so without a story; 1 of its doc ids is not an "
        "article here: 'x9'; the corpus's own labels are kept in story_given"
    ]
    # an empty or missing label is no story, never a story called "nan"; 3.0 is '3'
    gaps = pd.DataFrame(
        {"doc_id": ["a1", "b1", "a2", "b2"], "story": [3.0, float("nan"), None, " "]}
    )
    analysis = _analyse(_frame(), stories=gaps)
    assert list(analysis.articles["story"].fillna("")) == ["3", "", "", ""]
    assert list(analysis.articles["story_source"].fillna("")) == ["given", "", "", ""]
    assert analysis.notes[0].startswith(
        "1 of 4 articles given their story from a table (the table passed to analyse): "
        "1 story; 3 articles have an empty story in it, so without a story"
    )


def test_a_bad_stories_table_or_setting_names_the_fix():
    with pytest.raises(ColumnError, match=r"no 'story' column .*group_stories"):
        _analyse(_frame(), stories=pd.DataFrame({"doc_id": ["a1"], "label": ["x"]}))
    twice = pd.DataFrame({"doc_id": ["a1", "a1"], "story": ["x", "y"]})
    with pytest.raises(ArgumentError, match="doc id 'a1' more than one row"):
        _analyse(_frame(), stories=twice)
    with pytest.raises(ArgumentError, match=r"story_threshold=1\.5"):
        _analyse(_frame(), story_threshold=1.5)
    with pytest.raises(ArgumentError, match="story_window=-1"):
        _analyse(_frame(), story_window=-1)


def test_a_results_directory_refuses_to_resume_with_other_story_settings(tmp_path):
    _analyse(_frame(), out=tmp_path / "results")
    with pytest.raises(framing.FramingError, match="stories"):
        _analyse(_frame(), out=tmp_path / "results", resume=True, story_threshold=0.3)


def test_a_run_stopped_while_its_stories_are_written_is_resumed_whole(tmp_path, monkeypatch):
    from framing.analysis import _story_source
    from framing.errors import ResultsError

    clean = _analyse(_frame(), out=tmp_path / "clean", chunk_size=2)
    # stopped after the first of the articles table's parts was rewritten
    real = _story_source.story_columns
    calls = []

    def stop_on_second(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real(*args, **kwargs)

    monkeypatch.setattr(_story_source, "story_columns", stop_on_second)
    with pytest.raises(KeyboardInterrupt):
        _analyse(_frame(), out=tmp_path / "stopped", chunk_size=2)
    monkeypatch.undo()
    # not complete: opening it says how to finish it
    with pytest.raises(ResultsError, match=r"unfinished run .*'stories pending'"):
        framing.open_analysis(tmp_path / "stopped")
    resumed = _analyse(_frame(), out=tmp_path / "stopped", chunk_size=2, resume=True)
    assert list(resumed.articles["story"]) == list(clean.articles["story"])
    assert (resumed.articles["story_source"] == "grouped").all()
    assert resumed.notes == clean.notes
    assert not list((tmp_path / "stopped").rglob("*.tmp"))


def test_a_saved_analysis_keeps_its_notes(tmp_path):
    analysis = _analyse(_frame())
    analysis.save(tmp_path / "saved")
    assert framing.open_analysis(tmp_path / "saved").notes == analysis.notes
