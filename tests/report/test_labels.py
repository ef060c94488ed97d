"""Reports name articles by outlet, date and headline and stories by a readable label,
not by the ids a researcher's files carry (paths, UUIDs); the id stays beside the name."""

from __future__ import annotations

import re

import pandas as pd
import pytest

import framing
from framing.report._labels import ArticleNames, is_opaque, shorten, story_labels

STORY_A = "2b95d2cf-e979-4f9c-ae27-9a5370934f23"
STORY_B = "45bd61bc-c356-4450-9e3a-cbfc862b09fd"

BODY = {
    "Herald": (
        'Council leader Amira Patel said: "We will reopen the bridge in March." Engineers '
        "found corrosion in the supports, officials said, and the crossing may stay shut."
    ),
    "Post": (
        "The bridge could stay closed for months, according to sources at the council. "
        "Traders said the closure had cost them a third of their takings."
    ),
}


def _frame() -> pd.DataFrame:
    rows = []
    for story, (headline_h, headline_p, day) in {
        STORY_A: ("Bridge to reopen in March, council says", "Bridge closure drags on", 3),
        STORY_B: ("Ferry fares rise by 5%", "Fare rise angers islanders", 9),
    }.items():
        for outlet, headline, hour in (("Herald", headline_h, 9), ("Post", headline_p, 7)):
            rows.append(
                {
                    "doc_id": f"2024/{story}_{outlet[0]}.json",
                    "outlet": outlet,
                    "title": headline,
                    "published": f"2024-03-{day:02d} {hour:02d}:00",
                    "story": story,
                    "text": BODY[outlet],
                }
            )
    return pd.DataFrame(rows)


@pytest.mark.parametrize(
    ("value", "opaque"),
    [
        (STORY_A, True),
        ("2010/2b95d2cf_2.json", True),
        ("4417", True),
        ("2025-10", True),
        ("uk-officers-gaza-2025-10", False),
        ("Mosque row", False),
    ],
)
def test_ids_that_say_nothing_to_a_reader_are_told_from_names(value, opaque):
    assert is_opaque(value) is opaque


def test_a_long_headline_is_cut_at_a_word_with_an_ellipsis():
    headline = "Jim Mattis, Defense Secretary, Resigns in Rebuke of Trump’s Worldview on Tuesday"
    assert shorten(headline, 60) == "Jim Mattis, Defense Secretary, Resigns in Rebuke of Trump’s…"
    assert shorten("Short one", 60) == "Short one"


def test_articles_are_named_by_outlet_date_and_headline_else_their_id():
    frame = pd.DataFrame(
        {
            "doc_id": ["2024/a.json", "2024/b.json", "2024/c.json", "2024/d.json"],
            "outlet": ["Herald", "Herald", "Post", "Post"],
            "title": ["Bridge to reopen", None, "Same words", "Same words"],
            "published": [pd.Timestamp("2024-03-03 09:00"), pd.NaT, pd.NaT, pd.NaT],
        }
    )
    names = ArticleNames(frame)
    assert names.full("2024/a.json") == "Herald, 3 Mar 2024: “Bridge to reopen”"
    assert names.short("2024/a.json") == "3 Mar 2024, “Bridge to reopen”"
    assert names.full("2024/b.json") == "Herald: 2024/b.json"  # no headline: its id
    # two articles that would bear one name carry their ids
    assert names.full("2024/c.json") == "Post: “Same words” (2024/c.json)"
    assert names.full("2024/d.json") == "Post: “Same words” (2024/d.json)"


def test_a_story_is_labelled_by_its_first_headline_unless_it_has_a_name():
    frame = _frame()
    labels = story_labels(frame)
    # the Post's article came out two hours before the Herald's
    assert labels == {STORY_A: "“Bridge closure drags on”", STORY_B: "“Fare rise angers islanders”"}
    named = frame.assign(story=frame["story"].map({STORY_A: "bridge-closure", STORY_B: "fares"}))
    assert story_labels(named) == {"bridge-closure": "bridge-closure", "fares": "fares"}
    untitled = frame.assign(title=None)
    assert story_labels(untitled) == {STORY_A: STORY_A, STORY_B: STORY_B}
    same = frame.assign(title="Council news")
    assert story_labels(same) == {
        STORY_A: f"“Council news” ({STORY_A})",
        STORY_B: f"“Council news” ({STORY_B})",
    }


@pytest.fixture(scope="module")
def analysis() -> framing.Analysis:
    return framing.analyse(framing.load_corpus(_frame(), version_threshold=None))


def _visible(html: str) -> str:
    """The report's text outside tags, styles and embedded images."""
    html = re.sub(r"<style>.*?</style>", "", html, flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_the_report_names_stories_and_articles_as_a_reader_knows_them(analysis):
    html = framing.render_report_html(analysis)
    text = _visible(html)
    assert "Story: “Bridge closure drags on”" in text
    assert "Story: “Fare rise angers islanders”" in text
    herald_a = f"2024/{STORY_A}_H.json"
    # the article's line: outlet, date, story by its label, and the id last
    assert (
        f"Herald · published: 2024-03-03 09:00:00 · story: “Bridge closure drags on” · "
        f"words: 26 · {herald_a}" in text
    )
    # evidence: under the outlet, each article by date and headline, its id beside it
    where = "3 Mar 2024, “Bridge to reopen in March, council says”, sentence 0, chars 0–70"
    assert f"{where} {herald_a}" in text
    assert STORY_A not in text.replace(f"2024/{STORY_A}_", "")  # the story's own id: nowhere


def test_a_one_story_report_is_titled_by_the_story(analysis):
    one = framing.analyse(
        framing.load_corpus(_frame().query("story == @STORY_A"), version_threshold=None)
    )
    html = framing.render_report_html(one)
    assert "<h1>How Herald and Post covered “Bridge closure drags on”</h1>" in html


def test_the_story_map_names_its_story_and_columns_by_outlet_and_date(analysis):
    fig = framing.plot_story_map(analysis, story=STORY_B)
    ax = fig.axes[0]
    assert ax.get_title().endswith("story: “Fare rise angers islanders”")
    columns = [t.get_text().split("\n")[:2] for t in ax.get_xticklabels()]
    assert columns == [["Herald", "9 Mar 2024"], ["Post", "9 Mar 2024"]]
