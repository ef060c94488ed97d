"""An article that takes too long becomes an error row (``max_seconds``), and stopping
one leaves nothing behind: the next article, and the same article analysed again without
a limit, come out exactly as in a run that stopped nothing."""

from __future__ import annotations

import threading

import pandas as pd
import pytest

import framing
from framing.analysis._article import analyse_article
from framing.errors import ArgumentError
from framing.features import FEATURES

SHORT = (
    'Council leader Amira Patel said: "We will reopen the bridge in March." Engineers '
    "found corrosion in the supports, and the crossing may stay shut until then."
)


def _long(n_paragraphs: int) -> str:
    """Numbered paragraphs with quotes, names and hedges, none the same as another."""
    return "\n\n".join(
        f'"The records for week {i} were checked twice," said inspector Jo Hale{i}, who '
        f"told the panel that item {i * 7} could be published later, according to officials."
        for i in range(n_paragraphs)
    )


def _frame(texts: dict[str, str]) -> pd.DataFrame:
    return pd.DataFrame(
        {"doc_id": list(texts), "text": list(texts.values()), "outlet": "Daily Post"}
    )


def _tables(analysis: framing.Analysis) -> dict[str, pd.DataFrame]:
    names = ["articles", "sentences", "attributions", "hedges", "emphasis", "actor_mentions"]
    return {n: getattr(analysis, n).reset_index(drop=True) for n in names}


@pytest.fixture(scope="module")
def warm() -> None:
    """Each feature's data loaded, so that the first article here is not charged for it."""
    framing.analyse(framing.load_corpus(_frame({"w": SHORT})), max_seconds=None)


def test_an_article_over_max_seconds_is_an_error_row_naming_its_stage_and_the_fix(warm):
    corpus = framing.load_corpus(_frame({"short": SHORT, "long": _long(2000)}))
    analysis = framing.analyse(corpus, max_seconds=0.2)

    assert analysis.articles["doc_id"].tolist() == ["short"]
    assert analysis.errors["doc_id"].tolist() == ["long"]
    stage, reason = analysis.errors[["stage", "reason"]].iloc[0]
    assert stage in {"segment", "language", "analyse", *FEATURES}
    assert f"stopped in {stage}" in reason
    assert "took over max_seconds=0.2 s of CPU time" in reason
    assert "pass a larger max_seconds (--max-seconds)" in reason
    assert analysis.settings["max_seconds"] == 0.2


def test_stopping_articles_changes_nothing_in_the_articles_analysed_after(warm):
    texts = {"short": SHORT, "long": _long(300)}
    before = _tables(framing.analyse(framing.load_corpus(_frame(texts)), max_seconds=None))
    stopped_in = set()
    for budget in (0.002, 0.005, 0.01, 0.02, 0.04, 0.06, 0.08, 0.1, 0.13, 0.16):
        stopped = framing.analyse(framing.load_corpus(_frame(texts)), max_seconds=budget)
        stopped_in.update(stopped.errors["stage"])
    after = _tables(framing.analyse(framing.load_corpus(_frame(texts)), max_seconds=None))

    assert len(stopped_in) >= 2  # the long article was stopped at several places
    for name, table in before.items():
        pd.testing.assert_frame_equal(after[name], table, obj=name)


def test_in_a_thread_the_budget_is_checked_between_stages(warm):
    """No timer outside the main thread (a Dask worker's threads): the article still
    becomes an error row, after the stage in which its time ran out."""
    results = []
    features = tuple(FEATURES.values())

    def work() -> None:
        results.append(analyse_article("long", None, _long(1000), "en", features, max_seconds=0.05))
        results.append(analyse_article("short", None, SHORT, "en", features, max_seconds=5))

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    stopped, short = results
    assert stopped.error is not None and "max_seconds=0.05 s" in stopped.error[1]
    assert short.error is None and short.article["n_sentences"] == 2


def test_no_limit_analyses_the_long_article(warm):
    corpus = framing.load_corpus(_frame({"long": _long(2000)}))
    analysis = framing.analyse(corpus, max_seconds=None)
    assert analysis.errors.empty
    assert analysis.articles["n_paragraphs"].iloc[0] == 2000


@pytest.mark.parametrize("value", [0, -1, "60", True])
def test_max_seconds_must_be_a_positive_number(value):
    corpus = framing.load_corpus(_frame({"short": SHORT}))
    with pytest.raises(ArgumentError, match=rf"max_seconds={value!r}: pass the CPU seconds"):
        framing.analyse(corpus, max_seconds=value)


def test_cli_max_seconds_makes_the_slow_article_an_error_row(tmp_path, capsys, warm):
    from framing.cli import main

    source = tmp_path / "articles.csv"
    _frame({"short": SHORT, "long": _long(2000)}).to_csv(source, index=False)
    out = tmp_path / "articles-out.csv"
    code = main(["analyse", str(source), "--max-seconds", "0.2", "--out", str(out), "-q"])
    assert code == 0
    assert pd.read_csv(out)["doc_id"].tolist() == ["short"]
