"""A family's files are declared and checked by the family; analyse passes them through."""

from __future__ import annotations

from pathlib import Path

import pytest

import framing
from framing import Feature, FeatureOutput
from framing.errors import ArgumentError, ConfigError
from framing.features import FEATURES, Option


def _read_words(path: str) -> list[str]:
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    words = [w.strip() for w in lines if w.strip()]
    if not words:
        raise ConfigError(f"{path}: no words; write one word per line")
    return words


def watched(article):
    words = {w.lower() for w in _read_words(article.option("watchlist"))}
    hits = sum(article.text[a:b].lower() in words for a, b in article.seg.tokens)
    return FeatureOutput(article={"watch_n": hits})


WATCH = Feature(
    name="watch",
    article_columns={"watch_n": "int64"},
    compute=watched,
    options=(Option("watchlist", _read_words, "watch list"),),
)


@pytest.fixture()
def registered():
    framing.register_feature(WATCH)
    yield
    FEATURES.pop("watch", None)


def test_a_family_option_reaches_its_articles(registered, tmp_path):
    listing = tmp_path / "watch.txt"
    listing.write_text("ammonia\nevacuated\n", encoding="utf-8")
    corpus = framing.load_corpus(framing.DEMO_CORPUS)
    analysis = framing.analyse(corpus, features=["watch"], watchlist=listing)
    texts = corpus.articles.set_index("doc_id")["text"]
    for doc_id, n in zip(analysis.articles["doc_id"], analysis.articles["watch_n"], strict=True):
        words = texts[doc_id].lower().replace(".", " ").replace(",", " ").split()
        assert n == sum(w in ("ammonia", "evacuated") for w in words), doc_id
    assert analysis.settings["watchlist"] == str(listing.resolve())


def test_the_family_checks_its_file_before_the_run(registered, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"empty\.txt: no words"):
        framing.analyse(framing.load_corpus(framing.DEMO_CORPUS), watchlist=empty)


def test_an_option_no_family_reads_is_refused_by_name():
    with pytest.raises(ArgumentError, match=r"unknown option 'angels'.*angles"):
        framing.analyse(framing.load_corpus(framing.DEMO_CORPUS), angels="angles.toml")
