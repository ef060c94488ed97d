"""A run killed at any moment resumes to the same results; changed input is refused.

Each killed run is a subprocess that SIGKILLs itself at a chosen call (a chunk being
written, the tables being put together, the manifest being finished), as a power cut
would stop it: no cleanup runs.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pandas as pd
import pytest

import framing
from framing.analysis._store import CHUNKS, MANIFEST

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")

CHUNK = 2  # the demo's 11 articles in 6 chunks of 2 (15 Parquet files each)

KILLER = textwrap.dedent(
    """
    import os, signal, sys
    import framing
    from framing.analysis import _store

    out, target, when = sys.argv[1], sys.argv[2], int(sys.argv[3])
    owner, _, name = target.rpartition(".")
    holder = getattr(_store, owner) if owner else _store
    original = getattr(holder, name)
    calls = [0]

    def killing(*args, **kwargs):
        calls[0] += 1
        if calls[0] == when:
            os.kill(os.getpid(), signal.SIGKILL)
        return original(*args, **kwargs)

    setattr(holder, name, killing)
    framing.analyse(
        framing.load_corpus(sys.argv[4]), out=out, chunk_size=int(sys.argv[5]),
        angles=framing.DEMO_ANGLES, aliases=framing.DEMO_ACTORS,
    )
    print("finished without being killed")
    """
)


def _killed_run(out: Path, target: str, when: int, corpus: Path = framing.DEMO_CORPUS) -> None:
    done = subprocess.run(
        [sys.executable, "-c", KILLER, str(out), target, str(when), str(corpus), str(CHUNK)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == -signal.SIGKILL, done.stdout + done.stderr


def _resume(out: Path, corpus: Path = framing.DEMO_CORPUS) -> framing.Analysis:
    return framing.analyse(
        framing.load_corpus(corpus),
        out=out,
        resume=True,
        angles=framing.DEMO_ANGLES,
        aliases=framing.DEMO_ACTORS,
    )


@pytest.fixture(scope="module")
def uninterrupted(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("whole") / "demo"
    framing.analyse(
        framing.load_corpus(framing.DEMO_CORPUS),
        out=out,
        chunk_size=CHUNK,
        angles=framing.DEMO_ANGLES,
        aliases=framing.DEMO_ACTORS,
    )
    return out


def _tables(root: Path) -> dict[str, pd.DataFrame]:
    out = {}
    for folder in sorted(p for p in root.rglob("*") if p.is_dir() and any(p.glob("*.parquet"))):
        out[folder.relative_to(root).as_posix()] = pd.read_parquet(folder)
    return out


def _files(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


@pytest.mark.parametrize(
    ("target", "when", "moment"),
    [
        ("write_parquet", 5, "inside the first chunk, between two of its tables"),
        ("write_chunk", 4, "after three chunks were written"),
        ("write_parquet", 6 * 15 + 3, "putting the tables together"),
        ("StagedTables.commit", 1, "before the tables are moved into place"),
        ("finish_manifest", 1, "after the tables are in place, before the manifest says so"),
    ],
)
def test_a_run_killed_at_any_moment_resumes_to_the_same_directory(
    tmp_path, uninterrupted, target, when, moment
):
    out = tmp_path / "demo"
    _killed_run(out, target, when)
    # Nothing a reader could take for a whole table: unfinished runs do not open.
    with pytest.raises(framing.ResultsError, match="unfinished run"):
        framing.open_analysis(out)
    _resume(out)
    assert _files(out) == _files(uninterrupted), moment
    whole, resumed = _tables(uninterrupted), _tables(out)
    assert list(whole) == list(resumed)
    for name, table in whole.items():
        pd.testing.assert_frame_equal(table, resumed[name], obj=f"{name} ({moment})")


def test_resume_skips_the_chunks_already_written(tmp_path, monkeypatch):
    out = tmp_path / "demo"
    _killed_run(out, "write_chunk", 4)
    written = sorted(p.name for p in (out / CHUNKS).iterdir() if not p.name.startswith("."))
    assert written == ["000000", "000001", "000002"]
    from framing.analysis import _executors

    ran: list[int] = []
    original = _executors.run_chunk

    def counting(index, *args):
        ran.append(index)
        return original(index, *args)

    monkeypatch.setattr(_executors, "run_chunk", counting)  # where _execute looks it up
    _resume(out)
    assert ran == [3, 4, 5]


def test_resume_after_the_input_changed_says_which_articles(tmp_path):
    corpus = tmp_path / "articles"
    shutil.copytree(framing.DEMO_CORPUS, corpus)
    out = tmp_path / "demo"
    _killed_run(out, "write_chunk", 3, corpus)
    first = corpus / "estuary-observer-1.txt"
    first.write_text(first.read_text(encoding="utf-8") + "\n\nA late correction.", "utf-8")
    with pytest.raises(framing.ResultsError) as refused:
        _resume(out, corpus)
    message = str(refused.value)
    assert "the input changed since the first attempt" in message
    assert "chunk 0: changed: 'estuary-observer-1'" in message


def test_resume_of_a_run_given_fewer_articles_is_refused(tmp_path):
    corpus = tmp_path / "articles"
    shutil.copytree(framing.DEMO_CORPUS, corpus)
    out = tmp_path / "demo"
    _killed_run(out, "finish_manifest", 1, corpus)
    for name in ("northgate-dispatch-1", "northgate-dispatch-2", "northgate-dispatch-3"):
        (corpus / f"{name}.txt").unlink()
    manifest = (corpus / "manifest.csv").read_text(encoding="utf-8").splitlines()
    kept = [line for line in manifest if not line.startswith("northgate-dispatch")]
    (corpus / "manifest.csv").write_text("\n".join(kept) + "\n", encoding="utf-8")
    with pytest.raises(framing.ResultsError, match="input changed"):
        _resume(out, corpus)


def test_the_command_line_stops_on_sigterm_and_says_how_to_resume(tmp_path, demo_table):
    table = demo_table(400)
    out = tmp_path / "results"
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "framing.cli",
            "analyse",
            str(table),
            "--out",
            str(out),
            "--jobs",
            "1",
            "--chunk-size",
            "5",
            "--no-progress",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    chunks = out / CHUNKS
    # Wait for the first chunk, up to 5 minutes: on a loaded machine starting Python and
    # the first chunk can take long, and a signal sent before framing handles it (while
    # it still imports) would kill the process instead of stopping the run.
    for _ in range(3000):
        if chunks.is_dir() and any(p.name[0].isdigit() for p in chunks.iterdir()):
            break
        if process.poll() is not None:
            break
        import time

        time.sleep(0.1)
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=120)
    assert process.returncode == 130, err
    assert f"the chunks written to {out} are kept" in err
    assert "--resume" in err
    assert (out / MANIFEST).is_file()
    assert os.path.isdir(chunks)


def test_resume_after_a_table_file_changed_names_the_file(tmp_path, monkeypatch):
    import json

    from framing.analysis import _store

    texts = [p.read_text(encoding="utf-8") for p in sorted(framing.DEMO_CORPUS.glob("*.txt"))]
    table = tmp_path / "demo.jsonl"
    lines = [
        json.dumps({"id": f"d{i}", "text": t, "outlet": "Herald"}) for i, t in enumerate(texts)
    ]
    table.write_text("\n".join(lines) + "\n", encoding="utf-8")
    written = _store.write_chunk
    calls = []

    def stopping(*args, **kwargs):
        calls.append(1)
        if len(calls) == 3:
            raise KeyboardInterrupt  # as Ctrl-C would, after two chunks
        return written(*args, **kwargs)

    monkeypatch.setattr(_store, "write_chunk", stopping)
    with pytest.raises(KeyboardInterrupt):
        framing.analyse(framing.load_corpus(table), out=tmp_path / "out", chunk_size=3)
    monkeypatch.setattr(_store, "write_chunk", written)
    with table.open("a", encoding="utf-8") as more:
        more.write(json.dumps({"id": "late", "text": texts[0], "outlet": "Herald"}) + "\n")
    with pytest.raises(framing.ResultsError) as refused:
        framing.analyse(framing.load_corpus(table), out=tmp_path / "out", resume=True)
    assert f"the input file {table} is not the file it was" in str(refused.value)
