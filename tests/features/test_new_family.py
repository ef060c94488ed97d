"""A family registered from outside the package reaches every table and the report.

The family below is what the README's "Adding a feature family" shows: a function, its
columns, one measure with its evidence. Nothing inside ``framing/`` names it.
"""

from __future__ import annotations

import re

import pytest

import framing
from framing import Evidence, FamilyReport, Feature, FeatureOutput, Highlight, Measure
from framing.features import FEATURES


def numbers(article):
    """Every number written in figures: how much an outlet counts and quantifies."""
    rows = [
        {"start": a, "end": b, "number": article.text[a:b]}
        for a, b in article.seg.tokens
        if article.text[a:b].replace(",", "").replace(".", "").isdigit()
    ]
    words = article.seg.n_words
    return FeatureOutput(
        article={"num_per_1k_words": 1000 * len(rows) / words if words else float("nan")},
        spans={"numbers": rows},
    )


NUMBERS = Feature(
    name="numbers",
    article_columns={"num_per_1k_words": "float64"},
    span_tables={"numbers": {"start": "int64", "end": "int64", "number": "str"}},
    compute=numbers,
    description="numbers written in figures",
    measures=(
        Measure(
            "num_per_1k_words",
            "numbers in figures per 1,000 words",
            "rate",
            "higher = more quantified",
            Evidence("numbers"),
            summary=True,
        ),
    ),
    highlights=(Highlight("numbers", "mark", "number {number}"),),
    report=FamilyReport(core=True),
)


@pytest.fixture(scope="module")
def analysis():
    framing.register_feature(NUMBERS)
    try:
        yield framing.analyse(framing.load_corpus(framing.DEMO_CORPUS))
    finally:
        FEATURES.pop("numbers", None)


def test_the_family_fills_its_columns_and_span_table(analysis):
    assert "num_per_1k_words" in analysis.articles.columns
    spans = analysis.spans["numbers"]
    assert len(spans) > 0
    texts = analysis.corpus.articles.set_index("doc_id")["text"]
    for r in spans.head(20).itertuples(index=False):
        assert texts[r.doc_id][r.start : r.end] == r.number
    per_doc = spans.groupby("doc_id").size()
    one = analysis.articles.set_index("doc_id").loc[per_doc.index[0]]
    assert one["num_per_1k_words"] == pytest.approx(1000 * per_doc.iloc[0] / one["n_words"])


def test_compare_and_summary_read_its_measure(analysis):
    table = framing.compare(analysis, n_boot=200)
    rows = table[table["feature"] == "num_per_1k_words"]
    assert set(rows["family"]) == {"numbers"}
    assert set(rows["label"]) == {"numbers in figures per 1,000 words"}
    assert set(rows["outlet"]) == set(analysis.counted["outlet"])
    summary = analysis.summary()
    assert "num_per_1k_words" in summary.columns
    means = analysis.counted.groupby("outlet")["num_per_1k_words"].mean()
    for r in summary.itertuples(index=False):
        assert r.num_per_1k_words == pytest.approx(means[r.outlet])


def test_the_report_shows_it_in_tables_findings_evidence_and_articles(analysis):
    html = framing.render_report_html(analysis)
    label = "numbers in figures per 1,000 words"
    # the side-by-side table, the finding and its evidence block
    assert html.count(label) >= 2
    summary = html[html.index('class="findings') : html.index('<section id="evidence">')]
    assert '<span class="pill">numbers</span>' in summary  # a core family is always told
    blocks = html.split('<div class="evidence-block"')[1:]
    block = next(b for b in blocks if f". {label}</h3>" in b)
    # each outlet's span count and articles, and links into the annotated articles
    spans = analysis.spans["numbers"]
    outlet_of = dict(zip(analysis.counted["doc_id"], analysis.counted["outlet"], strict=True))
    mine = spans["doc_id"].map(outlet_of)
    for outlet in sorted(set(outlet_of.values())):
        n = int((mine == outlet).sum())
        docs = spans.loc[mine == outlet, "doc_id"].nunique()
        total = sum(v == outlet for v in outlet_of.values())
        assert f"({n} numbers in {docs} of {total})" in block, outlet
    assert re.search(r'<a href="#doc-\d+-s\d+">', block)
    # the annotated articles mark each number
    assert html.count('title="number ') >= min(len(spans), 1)


def test_the_cli_lists_its_measure(analysis, capsys):
    from framing.cli import main

    framing.register_feature(NUMBERS, replace=True)
    assert main(["features"]) == 0
    out = capsys.readouterr().out
    assert "measure num_per_1k_words (rate; higher = more quantified)" in out
    assert "evidence: numbers" in out
