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


# --------------------------------------------------------------------------- metadata kept


def _metadata_csv(path: Path) -> Path:
    texts = [p.read_text(encoding="utf-8") for p in sorted(framing.DEMO_CORPUS.glob("*.txt"))]
    pd.DataFrame(
        {
            "id": [f"a{i}" for i in range(len(texts))],
            "body": texts,
            "publication": ["Harbour Herald", "Valley Post"] * 5 + ["Harbour Herald"],
            "lean": ["left", "right", "left", "centre"] * 2 + ["left", "right", "left"],
            "author": [f"Writer {i}" for i in range(len(texts))],
            "n_words": list(range(len(texts))),  # a name framing uses itself
        }
    ).to_csv(path, index=False)
    return path


def test_the_tables_other_columns_are_kept_on_the_articles(tmp_path):
    corpus = framing.load_corpus(_metadata_csv(tmp_path / "own.csv"))
    # the corpus keeps the CSV's own names; the analysis, which writes n_words itself,
    # keeps the CSV's as meta_n_words
    assert corpus.extra_columns == ("lean", "author", "n_words")
    analysis = framing.analyse(corpus, n_jobs=1)
    for table, own in ((corpus.articles, "n_words"), (analysis.articles, "meta_n_words")):
        rows = table.set_index("doc_id")
        assert rows.loc["a3", "lean"] == "centre"
        assert rows.loc["a10", "author"] == "Writer 10"
        assert rows.loc["a4", own] == "4"  # as the CSV wrote it
    assert analysis.articles.set_index("doc_id").loc["a4", "n_words"] > 100  # framing's count


def test_compare_and_the_report_group_by_a_metadata_column(tmp_path):
    analysis = framing.analyse(framing.load_corpus(_metadata_csv(tmp_path / "own.csv")), n_jobs=1)
    table = framing.compare(analysis, by="lean")
    assert table.attrs["group_column"] == "lean"
    assert set(table["lean"]) == {"left", "right", "centre"}
    left = table[(table.lean == "left") & (table.feature == "n_words")].iloc[0]
    assert left["n"] == 6
    target = framing.render_report(analysis, tmp_path / "lean.html", by="lean", progress=False)
    assert "centre" in Path(target).read_text(encoding="utf-8")


def test_metadata_streams_into_a_results_directory_as_in_memory(tmp_path):
    source = _metadata_csv(tmp_path / "own.csv")
    fresh = framing.analyse(framing.load_corpus(source), n_jobs=1)
    framing.analyse(framing.load_corpus(source), out=tmp_path / "r", chunk_size=3, n_jobs=1)
    opened = framing.open_analysis(tmp_path / "r")
    pd.testing.assert_frame_equal(opened.articles, fresh.articles)
    pd.testing.assert_frame_equal(opened.corpus.articles, fresh.corpus.articles)


def test_a_manifests_other_columns_are_kept(tmp_path):
    for i, text in enumerate(DEMO_TEXTS):
        (tmp_path / f"a{i}.txt").write_text(text, encoding="utf-8")
    pd.DataFrame(
        {
            "file": [f"a{i}.txt" for i in range(3)],
            "outlet": ["Harbour Herald", "Valley Post", "Harbour Herald"],
            "desk": ["home", "world", None],
        }
    ).to_csv(tmp_path / "manifest.csv", index=False)
    corpus = framing.load_corpus(tmp_path)
    assert corpus.extra_columns == ("desk",)
    rows = corpus.articles.set_index("doc_id")
    assert rows.loc["a1", "desk"] == "world" and pd.isna(rows.loc["a2", "desk"])


def test_the_command_line_compares_by_a_metadata_column(tmp_path, capsys):
    source = _metadata_csv(tmp_path / "own.csv")
    out = tmp_path / "by-lean.csv"
    assert main(["compare", str(source), "--by", "lean", "--no-progress", "--out", str(out)]) == 0
    written = pd.read_csv(out)
    assert "lean" in written.columns and set(written["lean"]) == {"left", "right", "centre"}


# ----------------------------------------------------------- folders without a manifest


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_files_in_per_outlet_subfolders_take_the_subfolder_as_outlet(tmp_path):
    _write(tmp_path / "Harbour Herald" / "flood.txt", DEMO_TEXTS[0])
    _write(tmp_path / "Harbour Herald" / "2026" / "vote.txt", DEMO_TEXTS[1])
    _write(tmp_path / "Valley Post" / "works.json", json.dumps({"text": DEMO_TEXTS[2]}))
    corpus = framing.load_corpus(tmp_path)
    assert corpus.errors.empty
    assert dict(zip(corpus.articles["doc_id"], corpus.articles["outlet"], strict=True)) == {
        "Harbour Herald/2026/vote": "Harbour Herald",
        "Harbour Herald/flood": "Harbour Herald",
        "Valley Post/works": "Valley Post",
    }


def test_a_folder_of_text_files_with_no_outlet_anywhere_is_one_error(tmp_path, capsys):
    for i, text in enumerate(DEMO_TEXTS):
        _write(tmp_path / f"a{i}.txt", text)
    with pytest.raises(framing.CorpusError) as refused:
        framing.load_corpus(tmp_path)  # one error for the corpus, not three error rows
    message = str(refused.value)
    assert "3 text files and no manifest.csv" in message
    assert "subfolder named after it" in message and "manifest.csv" in message
    assert main(["analyse", str(tmp_path), "--no-progress"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("framing: error: ") and err.count("\n") == 1


def test_a_file_outside_the_outlet_subfolders_is_an_error_row_saying_where_to_put_it(tmp_path):
    _write(tmp_path / "Harbour Herald" / "flood.txt", DEMO_TEXTS[0])
    _write(tmp_path / "stray.txt", DEMO_TEXTS[1])
    corpus = framing.load_corpus(tmp_path)
    assert corpus.articles["doc_id"].tolist() == ["Harbour Herald/flood"]
    assert corpus.errors["doc_id"].tolist() == ["stray"]
    assert "subfolder named after its outlet" in corpus.errors["reason"].iloc[0]


def test_a_json_articles_other_keys_are_kept(tmp_path):
    source = tmp_path / "articles.jsonl"
    rows = [
        {
            "id": "a0",
            "text": DEMO_TEXTS[0],
            "outlet": "Harbour Herald",
            "lean": "left",
            "meta": {"desk": "home"},
            "tags": ["flood", "council"],
            "words": 385,
        },
        {"id": "a1", "text": DEMO_TEXTS[1], "outlet": "Valley Post", "section": "world"},
    ]
    source.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    corpus = framing.load_corpus(source)
    # every key no field reads, in the order the articles first give them
    assert corpus.extra_columns == ("lean", "meta", "tags", "words", "section")
    rows_by_id = corpus.articles.set_index("doc_id")
    assert rows_by_id.loc["a0", "tags"] == '["flood", "council"]'
    assert rows_by_id.loc["a0", "meta"] == '{"desk": "home"}'
    assert rows_by_id.loc["a0", "words"] == "385"
    assert pd.isna(rows_by_id.loc["a0", "section"]) and rows_by_id.loc["a1", "section"] == "world"
    nested = framing.load_corpus(source, outlet="outlet", title="meta.desk")
    assert "meta" not in nested.extra_columns  # a key a field reads, even in part, is not kept
