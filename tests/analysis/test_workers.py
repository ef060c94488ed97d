"""Worker processes and Dask: the same tables, features registered at run time, and no
worker left behind when the parent dies."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pandas as pd
import pytest

import framing
from framing.analysis._executors import _workers, cores
from framing.features import FEATURES, Feature, FeatureOutput

DEMO_OPTIONS = {"angles": framing.DEMO_ANGLES, "aliases": framing.DEMO_ACTORS}


def exclamations(article) -> FeatureOutput:
    """A feature a researcher might register in a module of their own."""
    return FeatureOutput(article={"excl_n": article.text.count("!") + len(article.doc_id)})


EXCLAMATIONS = Feature("exclamations", {"excl_n": "int64"}, exclamations)


@pytest.fixture()
def registered():
    framing.register_feature(EXCLAMATIONS)
    yield
    del FEATURES["exclamations"]


def test_n_jobs_minus_one_means_every_core():
    assert _workers(-1) == cores()
    assert _workers(2) == 2
    with pytest.raises(framing.ArgumentError, match="n_jobs=0"):
        _workers(0)


@pytest.mark.parametrize("start_method", ["fork", "spawn"])
def test_workers_give_the_tables_of_one_process_on_every_start_method(registered, start_method):
    corpus = framing.load_corpus(framing.DEMO_CORPUS)
    one = framing.analyse(corpus, features=["sentiment", "exclamations"], chunk_size=3)
    two = framing.analyse(
        framing.load_corpus(framing.DEMO_CORPUS),
        features=["sentiment", "exclamations"],
        n_jobs=2,
        chunk_size=3,
        start_method=start_method,
    )
    pd.testing.assert_frame_equal(one.articles, two.articles)
    pd.testing.assert_frame_equal(one.sentences, two.sentences)
    assert (one.articles["excl_n"] > 0).all()


NOTEBOOK = textwrap.dedent(
    """
    import framing
    from framing.features import Feature, FeatureOutput

    def shouting(article):
        return FeatureOutput(article={"shout_n": article.text.count("!")})

    framing.register_feature(Feature("shouting", {"shout_n": "int64"}, shouting))
    try:
        framing.analyse(
            framing.load_corpus(framing.DEMO_CORPUS), features=["shouting"], n_jobs=2,
            start_method="spawn",
        )
    except framing.FramingError as exc:
        print("REFUSED:", exc)
    """
)


def test_a_notebook_feature_under_spawn_fails_at_once_with_the_fix():
    done = subprocess.run(
        [sys.executable, "-c", NOTEBOOK], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert "REFUSED: feature 'shouting' is defined in __main__" in done.stdout
    assert "put it in a module of its own" in done.stdout
    assert "KeyError" not in done.stdout + done.stderr


def test_a_feature_workers_cannot_receive_is_refused_naming_it():
    feature = Feature("anonymous", {"anon_n": "int64"}, lambda a: FeatureOutput({"anon_n": 1}))
    framing.register_feature(feature)
    try:
        with pytest.raises(framing.FramingError, match="feature 'anonymous' cannot be sent"):
            framing.analyse(
                framing.load_corpus(framing.DEMO_CORPUS), features=["anonymous"], n_jobs=2
            )
    finally:
        del FEATURES["anonymous"]


def _children(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.add(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc (Linux)")
def test_workers_end_when_the_parent_is_killed(tmp_path, demo_table):
    table = demo_table(2000)
    parent = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "framing.cli",
            "analyse",
            str(table),
            "--out",
            str(tmp_path / "out"),
            "--jobs",
            "2",
            "--chunk-size",
            "20",
            "--no-progress",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    workers: set[int] = set()
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and len(workers) < 2 and parent.poll() is None:
        workers = _children(parent.pid)
        time.sleep(0.2)
    assert len(workers) >= 2, "the workers did not start"
    os.kill(parent.pid, signal.SIGKILL)
    parent.wait()
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and any(_alive(w) for w in workers):
        time.sleep(0.2)
    assert not any(_alive(w) for w in workers)


def test_a_dask_local_cluster_reads_its_own_slices_and_writes_the_tables_of_one_process(
    tmp_path,
):
    pytest.importorskip("distributed")
    demo = framing.load_corpus(framing.DEMO_CORPUS).articles
    table = tmp_path / "demo.parquet"
    demo[["doc_id", "raw_text", "outlet_raw", "title", "story"]].to_parquet(
        table, index=False, row_group_size=3
    )
    fields = {"text": "raw_text", "outlet": "outlet_raw"}
    one = framing.analyse(framing.load_corpus(table, **fields), **DEMO_OPTIONS)
    on_dask = framing.analyse(
        framing.load_corpus(table, **fields),
        out=tmp_path / "dask",
        dask="local",
        n_jobs=2,
        chunk_size=3,
        **DEMO_OPTIONS,
    )
    assert on_dask.manifest["settings"]["chunk_size"] == 3
    assert len(on_dask.articles) == len(demo)
    pd.testing.assert_frame_equal(one.articles, on_dask.articles)
    pd.testing.assert_frame_equal(one.sentences, on_dask.sentences)
    for name in one.spans:
        pd.testing.assert_frame_equal(one.spans[name], on_dask.spans[name], obj=name)
    pd.testing.assert_frame_equal(one.corpus.versions, on_dask.corpus.versions)
