"""A report on a corpus of many short articles aligns only what it shows: the stories
of the articles it annotates and of its story map, and never some hundreds of unlabelled
articles as one story (5,000 such articles took 3 minutes and 1.4 GB)."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from matplotlib.text import Text

import framing
from framing.report import _plot_story

OUTLETS = ("Herald", "Post", "Courier")


def _tiny(n: int, stories: bool) -> pd.DataFrame:
    rows = []
    for i in range(n):
        row = {
            "doc_id": f"d{i}",
            "outlet": OUTLETS[i % 3],
            "title": f"Council plan {i // 3}",
            "text": (
                f"Officials said plan {i // 3} could fail. The council may act on item "
                f"{i % 97} soon, according to sources."
            ),
        }
        if stories:
            row["story"] = f"plan-{i // 3}"
        rows.append(row)
    return pd.DataFrame(rows)


def test_aligning_some_stories_gives_their_rows_of_the_whole_alignment():
    analysis = framing.analyse(framing.load_corpus(framing.DEMO_CORPUS))
    whole = framing.align_sentences(analysis)
    story = whole["story"].dropna().iloc[0]
    some = framing.align_sentences(analysis, stories=[story])
    expected = whole[whole["story"] == story].reset_index(drop=True)
    pd.testing.assert_frame_equal(some, expected)


def test_many_unlabelled_articles_get_a_map_that_asks_for_story_labels(monkeypatch):
    monkeypatch.setattr(_plot_story, "UNLABELLED_MAX", 20)
    analysis = framing.analyse(framing.load_corpus(_tiny(30, stories=False)), stories="given")
    html = framing.render_report_html(analysis, max_articles=6)
    assert "_alignment" not in analysis.__dict__  # nothing aligned as one story
    fig = framing.plot_story_map(analysis)
    words = " ".join(" ".join(t.get_text().split()) for t in fig.findobj(Text))
    assert "The 30 articles have no story labels" in words
    # the articles are shown without unique/shared marks
    assert not re.search(r'class="s[^"]*\b(unique|shared)\b', html)


def test_a_few_unlabelled_articles_are_still_aligned_as_one_story():
    analysis = framing.analyse(framing.load_corpus(_tiny(6, stories=False)), stories="given")
    with pytest.warns(UserWarning, match="no story labels"):
        html = framing.render_report_html(analysis)
    assert re.search(r'class="s[^"]*\b(unique|shared)\b', html)


def test_a_report_aligns_only_the_stories_it_shows():
    analysis = framing.analyse(framing.load_corpus(_tiny(60, stories=True)))
    html = framing.render_report_html(analysis, max_articles=6)
    assert "_alignment" not in analysis.__dict__
    shown = set(re.findall(r"Story: (plan-\d+)<", html))
    assert 1 <= len(shown) <= 3
    assert re.search(r'class="s[^"]*\b(unique|shared)\b', html)
