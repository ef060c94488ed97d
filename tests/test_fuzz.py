"""Any string in, no exception out: property-based tests (hypothesis) for segmentation,
every extractor and a whole analysis. Each span's offsets lie inside its text and
``text[start:end]`` is the span's own text; articles in = analysed + error rows.

The strategies mix what real corpora hold with what breaks code: random unicode
(control characters, right-to-left text, combining marks, emoji, lone surrogates),
unbalanced and repeated quotation marks, no punctuation, very long tokens, and news-like
sentences. ``benchmarks/fuzz.py`` runs 10,000 seeded documents for crashes and speed.
"""

from __future__ import annotations

import pandas as pd
import pytest

hypothesis = pytest.importorskip("hypothesis", reason="pip install 'framing[test]'")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

import framing  # noqa: E402
from framing._unicode import replace_surrogates  # noqa: E402

#: Pieces that news text and broken text are made of.
PIECES = [
    "The council said",
    '"We will act,"',
    "said Defence Secretary John Healey.",
    "It is understood that officials could meet,",
    "according to Reuters",
    "a spokesman told the BBC:",
    "“",
    "”",
    '"',
    "‘",
    "’",
    "'",
    "\n\n",
    "\n",
    ". ",
    "?",
    "!",
    ":",
    "Mr.",
    "U.S.",
    "—",
    "…",
    "(",
    ")",
    "\u200f",  # right-to-left mark
    "\u0301",  # combining acute accent
    "مرحبا",
    "שלום",
    "😀👍🏽",
    "\x00",
    "\x1b[31m",
    "\ud800",  # a lone surrogate
    "x" * 300,  # a very long token
    "ALL CAPS HEADLINE",
    "may well be",
    "clearly",
]

news_like = st.lists(st.sampled_from(PIECES), max_size=40).map(" ".join)
texts = st.one_of(st.text(max_size=400), news_like, st.text(alphabet="\"“”'‘’ .\n", max_size=200))

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _inside(text: str, start: object, end: object) -> bool:
    return 0 <= int(start) <= int(end) <= len(text)


def _spans_hold(frame: pd.DataFrame, text: str, pairs: list[tuple[str, str, str]]) -> None:
    text, _ = replace_surrogates(text)  # U+FFFD for each, one for one: offsets hold
    for value, start, end in pairs:
        for row in frame[[value, start, end]].itertuples(index=False):
            if pd.isna(row[1]):
                continue
            assert _inside(text, row[1], row[2]), (value, row)
            assert text[int(row[1]) : int(row[2])] == row[0], (value, row)


@FAST
@given(texts)
def test_segment_never_fails_and_its_offsets_are_inside(text):
    seg = framing.segment(text)
    for start, end in [*seg.sentences, *seg.paragraphs, *seg.tokens]:
        assert _inside(seg.text, start, end)
    for quote in seg.quotes:
        assert _inside(seg.text, quote.start, quote.end)
        assert quote.start <= quote.content_start <= quote.content_end <= quote.end


@FAST
@given(texts)
def test_attributions_never_fail_and_every_span_is_its_text(text):
    found = framing.extract_attributions(text)
    _spans_hold(
        found,
        text,
        [
            ("cue", "cue_start", "cue_end"),
            ("source", "source_start", "source_end"),
            ("content", "content_start", "content_end"),
            ("recipient", "recipient_start", "recipient_end"),
        ],
    )
    for row in found.itertuples():
        assert _inside(text, row.start, row.end)


@FAST
@given(texts)
def test_hedges_and_boosters_never_fail_and_every_cue_is_its_text(text):
    for extract in (framing.extract_hedges, framing.extract_boosters):
        _spans_hold(extract(text), text, [("cue", "start", "end")])


@FAST
@given(texts, st.one_of(st.none(), texts))
def test_emphasis_and_actors_never_fail_and_every_span_is_its_text(text, title):
    cues, _ = framing.extract_emphasis(text, title=title)
    mentions, _ = framing.extract_actors(text, title=title)
    for frame, column in ((cues, "cue"), (mentions, "mention")):
        for field, part in (("body", text), ("headline", title or "")):
            _spans_hold(frame[frame["field"] == field], part, [(column, "start", "end")])


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(texts, min_size=1, max_size=6))
def test_a_whole_analysis_keeps_every_article_as_a_row_or_an_error(documents):
    frame = pd.DataFrame(
        {
            "id": [f"d{i}" for i in range(len(documents))],
            "text": pd.Series(documents, dtype=object),
            "outlet": ["A", "B"] * (len(documents) // 2) + ["A"] * (len(documents) % 2),
        }
    )
    corpus = framing.load_corpus(frame)
    assert len(corpus.articles) + len(corpus.errors) == len(documents)
    analysis = framing.analyse(corpus, n_jobs=1)
    assert len(analysis.articles) + len(analysis.errors) == len(documents)
    texts_by_id = dict(zip(corpus.articles["doc_id"], corpus.articles["text"], strict=True))
    for row in analysis.sentences.itertuples():
        assert texts_by_id[row.doc_id][row.start : row.end] == row.text
    for row in analysis.hedges.itertuples():
        assert texts_by_id[row.doc_id][row.start : row.end] == row.cue
