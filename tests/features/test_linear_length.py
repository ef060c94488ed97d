"""Every extractor's work grows linearly with the article's length.

Work is counted, not timed: the number of Python lines executed (``sys.settrace`` line
events, in framing and in the libraries it calls), which is deterministic up to set
ordering and does not depend on the machine's load. The articles are the demo
paragraphs repeated with new surnames and places each time (``benchmarks/long_article``),
at N and 2N paragraphs; a linear extractor does about twice the work at 2N, a quadratic
one about four times. The bar is 1.5 x 2 = 3 per doubling.

N = 200 is large enough for the quadratic terms there were (every mention scanned per
source, every pair of attributions compared, every quote scanned per sentence) to show:
the attribution pass did 3.7 times the work at 400 paragraphs as at 200 (6.8 million lines
against 1.9 million), the actor finder 3.3; with the indexes both do 2.0 (0.52 million
lines for attribution at 400 paragraphs).
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import Any

import pandas as pd
import pytest

import framing
from framing.features import FEATURES, ArticleInput

N = 200
MAX_RATIO = 1.5 * 2

_PATH = Path(__file__).resolve().parents[2] / "benchmarks" / "long_article.py"
_spec = importlib.util.spec_from_file_location("long_article", _PATH)
assert _spec is not None and _spec.loader is not None
long_article_module = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(long_article_module)
long_article: Callable[..., str] = long_article_module.long_article


def lines_executed(fn: Callable[[], Any]) -> int:
    """How many Python lines ``fn()`` executes (loops count once per iteration)."""
    count = 0

    def local(frame: FrameType, event: str, arg: Any) -> Any:
        nonlocal count
        if event == "line":
            count += 1
        return local

    def start(frame: FrameType, event: str, arg: Any) -> Any:
        return local

    previous = sys.gettrace()
    sys.settrace(start)
    try:
        fn()
    finally:
        sys.settrace(previous)
    return count


def _stages(text: str) -> dict[str, int]:
    """Lines executed by each step of one article's analysis and by each public extractor."""
    out: dict[str, int] = {}
    holder: list[framing.Segmented] = []
    out["segment"] = lines_executed(lambda: holder.append(framing.segment(text)))
    article = ArticleInput("long", None, holder[0])
    out["view"] = lines_executed(lambda: article.view)
    for name, feature in FEATURES.items():  # in registry order, as analyse runs them
        out[f"feature:{name}"] = lines_executed(lambda f=feature: f.compute(article))
    out["extract_attributions"] = lines_executed(lambda: framing.extract_attributions(text))
    out["extract_actors"] = lines_executed(lambda: framing.extract_actors(text))
    out["extract_hedges"] = lines_executed(lambda: framing.extract_hedges(text))
    out["extract_boosters"] = lines_executed(lambda: framing.extract_boosters(text))
    out["extract_emphasis"] = lines_executed(lambda: framing.extract_emphasis(text))
    # with a headline and the researcher's files: the actor file's aliases, the angles
    title = "Hundreds evacuated as ammonia leaks at Marrowick Port"
    out["extract_actors+aliases"] = lines_executed(
        lambda: framing.extract_actors(text, title=title, aliases=framing.DEMO_ACTORS)
    )
    out["extract_emphasis+angles"] = lines_executed(
        lambda: framing.extract_emphasis(text, title=title, angles=framing.DEMO_ANGLES)
    )
    corpus = framing.load_corpus(pd.DataFrame({"text": [text], "outlet": ["Outlet"]}))
    out["analyse"] = lines_executed(lambda: framing.analyse(corpus, max_chars=None))
    return out


STAGES = [
    "segment",
    "view",
    *(f"feature:{name}" for name in FEATURES),
    "extract_attributions",
    "extract_actors",
    "extract_hedges",
    "extract_boosters",
    "extract_emphasis",
    "extract_actors+aliases",
    "extract_emphasis+angles",
    "analyse",
]


@pytest.fixture(scope="module")
def work() -> dict[int, dict[str, int]]:
    _stages(long_article(20))  # load the lexicons, VADER and the CMU dictionary first
    return {n: _stages(long_article(n)) for n in (N, 2 * N)}


@pytest.mark.parametrize("stage", STAGES)
def test_work_grows_linearly_with_article_length(
    work: dict[int, dict[str, int]], stage: str
) -> None:
    small, large = work[N][stage], work[2 * N][stage]
    assert small > 0
    ratio = large / small
    assert ratio <= MAX_RATIO, (
        f"{stage}: {small:,} lines at {N} paragraphs, {large:,} at {2 * N} "
        f"(x{ratio:.2f} for twice the text; linear is about x2, the bar x{MAX_RATIO:g})"
    )


def test_long_articles_vary_their_names() -> None:
    """The generator gives each repetition its own people, so they do not all merge."""

    def people(n_paragraphs: int) -> int:
        _, actors = framing.extract_actors(long_article(n_paragraphs))
        return int((actors["actor_type"] == "person").sum())

    # the demo's 135 paragraphs three times over: three times the people
    assert people(3 * 135) >= 2.5 * people(135)
