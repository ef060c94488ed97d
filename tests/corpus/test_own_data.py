"""A researcher's own table, first time: its fields are found, or the error says how to
name them, in Python's terms from Python and in the command line's from the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

import framing
from framing.cli import main
from framing.errors import ColumnError

#: Three of framing's own demo articles, as a researcher's table would hold them.
DEMO_TEXTS = [p.read_text(encoding="utf-8") for p in sorted(framing.DEMO_CORPUS.glob("*.txt"))][:3]


def _own_csv(path: Path, columns: dict[str, str]) -> Path:
    """A CSV of the three demo texts under the researcher's column names:
    ``columns`` maps framing's field to the name the researcher used."""
    values = {
        "doc_id": ["a1", "a2", "a3"],
        "title": ["Flood plan", "Council vote", "Harbour works"],
        "text": DEMO_TEXTS,
        "outlet": ["Harbour Herald", "Valley Post", "Harbour Herald"],
        "published": ["2026-05-01", "2026-05-02", "2026-05-03"],
        "story": ["flood", "flood", "harbour"],
    }
    frame = pd.DataFrame({columns[f]: v for f, v in values.items() if f in columns})
    frame["lean"] = ["left", "right", "left"]
    frame.to_csv(path, index=False)
    return path


def test_the_usual_names_of_a_news_table_are_found(tmp_path):
    names = {
        "doc_id": "id",
        "title": "headline",
        "text": "body",
        "outlet": "publication",
        "published": "pub_date",
        "story": "event",
    }
    corpus = framing.load_corpus(_own_csv(tmp_path / "my.csv", names))
    rows = corpus.articles.set_index("doc_id")
    assert list(rows.index) == ["a1", "a2", "a3"] and corpus.errors.empty
    assert rows.loc["a2", "outlet"] == "Valley Post"
    assert rows.loc["a2", "title"] == "Council vote"
    assert rows.loc["a3", "story"] == "harbour"
    assert str(rows.loc["a1", "published"].date()) == "2026-05-01"


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("Text", "Outlet"),
        ("article_text", "publisher"),
        ("CONTENT", "Source"),
        ("story_text", "media"),
    ],
)
def test_columns_are_found_whatever_their_case(tmp_path, text, outlet):
    corpus = framing.load_corpus(_own_csv(tmp_path / "t.csv", {"text": text, "outlet": outlet}))
    assert len(corpus.articles) == 3 and corpus.errors.empty
    assert corpus.articles["text"].iloc[0].startswith(DEMO_TEXTS[0].split()[0])


def test_a_table_without_an_outlet_column_is_refused_at_once(tmp_path):
    source = _own_csv(tmp_path / "no-outlet.csv", {"doc_id": "id", "text": "body"})
    with pytest.raises(ColumnError) as refused:
        framing.load_corpus(source)  # refused when loading, not as three error rows
    message = str(refused.value)
    assert "no-outlet.csv" in message and "no column for outlet" in message
    assert "'id', 'body', 'lean'" in message  # the columns there are
    assert "outlet='lean'" in message  # the fix, in Python's terms
    assert "--field" not in message


def test_the_command_line_says_the_fix_in_its_own_terms(tmp_path, capsys):
    source = _own_csv(tmp_path / "no-outlet.csv", {"doc_id": "id", "text": "body"})
    for command in ("analyse", "compare", "report"):
        assert main([command, str(source), "--no-progress"]) == 2, command
        err = capsys.readouterr().err
        assert err.startswith("framing: error: ") and err.count("\n") == 1, err
        assert "--field outlet=lean" in err and "outlet='" not in err
        assert "Traceback" not in err


def test_a_table_without_a_text_column_is_refused_with_the_fix(tmp_path, capsys):
    source = _own_csv(tmp_path / "no-text.csv", {"doc_id": "id", "outlet": "paper"})
    with pytest.raises(ColumnError, match="no column for text, the article text"):
        framing.load_corpus(source)
    assert main(["analyse", str(source), "--no-progress"]) == 2
    assert "--field text=" in capsys.readouterr().err


def test_a_mapped_column_that_is_not_there_is_named_with_the_columns(tmp_path, capsys):
    source = _own_csv(tmp_path / "t.csv", {"text": "body", "outlet": "paper"})
    with pytest.raises(ColumnError, match="no column 'publication' for outlet='publication'"):
        framing.load_corpus(source, outlet="publication")
    code = main(["analyse", str(source), "--field", "outlet=publication", "--no-progress"])
    assert code == 2
    err = capsys.readouterr().err
    assert "--field outlet=publication" in err and "'body', 'paper', 'lean'" in err


def test_json_lines_without_an_outlet_key_are_refused_at_once(tmp_path):
    source = tmp_path / "articles.jsonl"
    source.write_text(
        "".join(json.dumps({"id": f"a{i}", "body": t}) + "\n" for i, t in enumerate(DEMO_TEXTS)),
        encoding="utf-8",
    )
    with pytest.raises(ColumnError, match="no key for outlet") as refused:
        framing.load_corpus(source)
    assert refused.value.cli is not None and "--field outlet=" in refused.value.cli


def test_options_that_do_not_go_together_are_one_line_and_exit_2(tmp_path, capsys):
    source = _own_csv(tmp_path / "t.csv", {"text": "body", "outlet": "paper"})
    assert main(["analyse", str(source), "--resume", "--no-progress"]) == 2
    err = capsys.readouterr().err
    assert (
        err == "framing: error: --resume finishes a run into a results directory: add --out DIR\n"
    )
    assert main(["analyse", "--no-progress"]) == 2
    assert "give the corpus PATH" in capsys.readouterr().err
