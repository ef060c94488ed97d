from __future__ import annotations

import pandas as pd
import pytest

from framing.cli import main


@pytest.mark.parametrize("argv", [["--help"], ["analyse", "--help"], ["features", "--help"]])
def test_help_is_printed_and_exits_cleanly(argv, capsys):
    with pytest.raises(SystemExit) as stop:
        main(argv)
    assert stop.value.code == 0
    out = capsys.readouterr().out
    assert "usage: framing" in out


def test_analyse_help_lists_the_corpus_options(capsys):
    with pytest.raises(SystemExit):
        main(["analyse", "--help"])
    out = capsys.readouterr().out
    for option in ("--manifest", "--field", "--out", "--demo", "--no-progress"):
        assert option in out


def test_analyse_writes_the_article_table_and_prints_per_outlet_summary(tmp_path, capsys):
    frame = pd.DataFrame(
        {
            "id": ["a", "b", "c"],
            "publication": ["Herald", "Herald", "Dispatch"],
            "body": [
                "Officials praised the rescue teams. The river is calm.",
                "Residents were furious about the leak. Nobody came to help.",
                "The council meets on Tuesday. It will discuss the port.",
            ],
        }
    )
    source = tmp_path / "articles.csv"
    frame.to_csv(source, index=False)
    out = tmp_path / "out" / "articles.csv"
    code = main(
        [
            "analyse",
            str(source),
            "--field",
            "outlet=publication",
            "--field",
            "text=body",
            "--field",
            "doc_id=id",
            "--out",
            str(out),
            "--no-progress",
        ]
    )
    assert code == 0
    written = pd.read_csv(out)
    assert sorted(written["doc_id"]) == ["a", "b", "c"]
    assert "sent_compound_mean" in written.columns
    printed = capsys.readouterr().out
    assert "Herald" in printed and "Dispatch" in printed


def test_missing_folder_is_a_one_line_error_not_a_traceback(tmp_path, capsys):
    code = main(["analyse", str(tmp_path / "nowhere"), "--no-progress"])
    assert code == 1
    err = capsys.readouterr().err
    assert err.startswith("framing: error:") and "nowhere" in err


def test_bad_field_syntax_is_refused_by_the_parser(capsys):
    with pytest.raises(SystemExit) as stop:
        main(["analyse", "x", "--field", "outlet"])
    assert stop.value.code == 2
    assert "name=column" in capsys.readouterr().err


def test_output_piped_to_a_reader_that_stops_early_gives_no_traceback():
    """'framing analyse … | head': a reader that has gone ends the command quietly
    ('true' exits before framing has imported, so every write meets a closed pipe)."""
    import subprocess
    import sys

    done = subprocess.run(
        f"{sys.executable} -m framing.cli features | true",
        shell=True,
        capture_output=True,
        text=True,
        check=False,
    )
    assert "Traceback" not in done.stderr and "BrokenPipe" not in done.stderr
