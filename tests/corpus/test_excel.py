"""Excel workbooks: a corpus read from the first sheet, tables written as sheets."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import framing
from framing.cli import main

openpyxl = pytest.importorskip(
    "openpyxl", reason="Excel needs openpyxl: pip install 'framing[excel]'"
)

TEXTS = [p.read_text(encoding="utf-8") for p in sorted(framing.DEMO_CORPUS.glob("*.txt"))][:4]


def _workbook(path: Path, texts: list[str] = TEXTS) -> Path:
    pd.DataFrame(
        {
            "ID": [f"a{i}" for i in range(len(texts))],
            "Headline": [f"Headline {i}" for i in range(len(texts))],
            "Body": texts,
            "Publication": ["Harbour Herald", "Valley Post"] * (len(texts) // 2),
            "Pub_Date": pd.to_datetime(["2026-05-01"] * len(texts)),
            "Lean": ["left", "right"] * (len(texts) // 2),
        }
    ).to_excel(path, index=False)
    return path


def test_an_excel_workbook_loads_like_a_csv(tmp_path):
    corpus = framing.load_corpus(_workbook(tmp_path / "own.xlsx"))
    assert corpus.errors.empty and len(corpus.articles) == 4
    rows = corpus.articles.set_index("doc_id")
    assert rows.loc["a1", "outlet"] == "Valley Post"
    assert rows.loc["a1", "title"] == "Headline 1"
    assert str(rows.loc["a1", "published"].date()) == "2026-05-01"
    assert rows.loc["a1", "Lean"] == "right"  # the researcher's own column, kept
    assert rows.loc["a0", "text"].split()[:3] == TEXTS[0].split()[:3]


def test_a_file_that_is_not_a_workbook_is_refused_naming_it(tmp_path):
    bad = tmp_path / "broken.xlsx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(framing.CorpusError, match=r"broken\.xlsx: not a readable Excel workbook"):
        framing.load_corpus(bad)


def test_the_command_line_writes_articles_and_every_table_as_sheets(tmp_path, capsys):
    source = _workbook(tmp_path / "own.xlsx")
    articles, tables = tmp_path / "articles.xlsx", tmp_path / "tables.xlsx"
    argv = ["analyse", str(source), "--articles", str(articles), "--tables", str(tables)]
    assert main([*argv, "--no-progress", "--jobs", "1"]) == 0
    written = pd.read_excel(articles)
    assert sorted(written["doc_id"]) == ["a0", "a1", "a2", "a3"]
    sheets = pd.read_excel(tables, sheet_name=None)
    assert list(sheets)[:5] == ["articles", "sentences", "errors", "removed", "versions"]
    assert "attributions" in sheets and "hedges" in sheets
    assert len(sheets["sentences"]) == int(written["n_sentences"].sum())


def test_a_text_over_excels_cell_limit_is_cut_with_a_marker_and_a_warning(tmp_path, capsys):
    # one paragraph with no full stop is one sentence of over 40,000 characters
    words = " ".join(f"the ferry {i} and the council of the bridge" for i in range(1_000))
    assert len(words) > 40_000
    source = tmp_path / "long.csv"
    pd.DataFrame({"text": [words, TEXTS[1]], "outlet": ["A", "B"]}).to_csv(source, index=False)
    target = tmp_path / "tables.xlsx"
    code = main(["analyse", str(source), "--tables", str(target), "--no-progress", "--jobs", "1"])
    assert code == 0
    err = capsys.readouterr().err
    assert (
        "framing: warning: sheet sentences, column text: 1 cells over Excel's 32,767 "
        "characters cut there" in err
    )
    sentences = pd.read_excel(target, sheet_name="sentences")
    longest = sentences.loc[sentences["text"].str.len().idxmax(), "text"]
    assert len(longest) == 32_767 and longest.endswith("the full text is in CSV or Parquet]")
    assert longest.startswith(words[:1000])
