"""The HTML and PDF reports: content, links to evidence, hashes and escaping."""

from __future__ import annotations

import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest

import framing
from framing.errors import ArgumentError


@pytest.fixture(scope="module")
def demo() -> framing.Analysis:
    corpus = framing.load_corpus(framing.DEMO_CORPUS)
    return framing.analyse(corpus, angles=framing.DEMO_ANGLES, aliases=framing.DEMO_ACTORS)


@pytest.fixture(scope="module")
def demo_html(demo) -> str:
    return framing.render_report_html(demo)


class _Page(HTMLParser):
    """Every tag with its attributes, and the text outside tags."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def _parse(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    return page


def test_report_has_every_section_and_outlet(demo_html):
    page = _parse(demo_html)
    ids = {a.get("id") for _, a in page.tags}
    for section in ("summary", "tables", "plots", "evidence", "articles", "methods"):
        assert section in ids
    text = " ".join(page.text)
    for outlet in ("Estuary Observer", "Marrowick Courier", "Northgate Dispatch"):
        assert outlet in text


def test_the_demo_spans_too_few_days_for_an_over_time_section(demo_html):
    # Ten counted articles over four days of May 2026: no day, week or month gives an
    # outlet five articles in four periods (tests/report/test_over_time.py).
    assert "over-time" not in demo_html and "Over time" not in demo_html


def test_every_link_in_the_report_points_at_an_element_of_it(demo_html):
    page = _parse(demo_html)
    ids = {a["id"] for _, a in page.tags if a.get("id")}
    links = [a["href"] for t, a in page.tags if t == "a" and a.get("href")]
    assert links
    assert all(h.startswith("#") for h in links), "a report links only within itself"
    assert {h[1:] for h in links} <= ids


def test_each_summary_sentence_links_to_its_evidence(demo, demo_html):
    page = _parse(demo_html)
    findings = [a["id"] for _, a in page.tags if a.get("id", "").endswith("-summary")]
    assert len(findings) >= 4
    ids = {a.get("id") for _, a in page.tags}
    for anchor in findings:
        assert anchor.removesuffix("-summary") in ids
    # The demo's Northgate Dispatch leans on anonymous sources (about two thirds of its
    # attributions), and the summary says so with the figure of the article table.
    share = demo.articles.groupby("outlet")["attr_anonymous_share"].mean()["Northgate Dispatch"]
    assert 0.55 < share < 0.75
    assert f"Northgate Dispatch: anonymous sources, share of attributions {share:.0%}" in demo_html


def test_evidence_lists_the_anonymous_attributions_with_their_offsets(demo, demo_html):
    attributions = demo.attributions
    counted = set(demo.counted.doc_id)
    anonymous = attributions[
        (attributions.source_type == "anonymous") & attributions.doc_id.isin(counted)
    ]
    first = anonymous.sort_values(["doc_id", "start"]).iloc[0]
    article = demo.counted.set_index("doc_id").loc[first.doc_id]
    published = article["published"]
    # named as a reader knows it (date and headline: the list is under its outlet), with
    # the id beside the name for the span tables
    where = (
        f"{published.day} {published:%b %Y}, “{article['title']}”, "
        f"sentence {first.sentence}, chars {first.start}–{first.end}"
    )
    text = "".join(_parse(demo_html).text)
    assert f"{where} {first.doc_id}:" in " ".join(text.split())


def test_report_embeds_its_plots_and_makes_no_request(demo_html):
    page = _parse(demo_html)
    sources = [a.get("src", "") for t, a in page.tags if t == "img"]
    assert len(sources) >= 7
    assert all(s.startswith("data:image/png;base64,") for s in sources)
    assert not [t for t, _ in page.tags if t in ("script", "link", "iframe", "object")]
    assert "default-src 'none'" in demo_html
    style = demo_html.split("<style>", 1)[1].split("</style>", 1)[0]
    assert '"DejaVu Sans"' in style and "&#34;" not in style, "the stylesheet is not escaped"


def test_methods_state_a_hash_of_each_input(demo, demo_html):
    for row in demo.corpus.articles.itertuples():
        digest = hashlib.sha256(row.raw_text.encode("utf-8")).hexdigest()
        assert digest in demo_html
    shipped = framing.DEMO_ANGLES.read_bytes()
    assert hashlib.sha256(shipped).hexdigest() in demo_html
    assert f"framing {framing.__version__}" in demo_html


def test_methods_state_how_many_people_the_corpus_merge_renamed():
    corpus = framing.load_corpus(
        pd.DataFrame(
            {
                "doc_id": ["a", "b"],
                "outlet": ["Herald", "Dispatch"],
                "text": [
                    "Donald J. Trump spoke in Ohio. He said the plan would work.",
                    "Trump said the plan would fail, speaking in Ohio on Monday.",
                ],
            }
        )
    )
    analysis = framing.analyse(corpus, features=["attribution", "actors"])
    merges = analysis.actor_merges
    # the one full name keeps its form; the bare surname joins it
    assert merges[["name", "actor"]].values.tolist() == [["Trump", "Donald J. Trump"]]
    text = " ".join(_parse(framing.render_report_html(analysis)).text)
    assert "1 name renamed; 0 left alone" in " ".join(text.split())


def test_annotated_article_marks_attributions_hedges_and_unique_sentences(demo, demo_html):
    assert 'class="attr attr-anonymous' in demo_html
    assert '<span class="hedge" title="hedge (' in demo_html
    unique = framing.align_sentences(demo)["unique"].eq(True).sum()
    assert demo_html.count('class="s unique"') + demo_html.count('class="s para unique"') == unique


HOSTILE = "<script>alert('x')</script>"
IMG = '<img src=x onerror="alert(1)">'


@pytest.fixture(scope="module")
def hostile_html() -> str:
    corpus = framing.load_corpus(
        pd.DataFrame(
            {
                "doc_id": ["a1", "b1"],
                "outlet": [f"Evil {HOSTILE} Times", "Plain Post"],
                "title": [f"Headline {IMG}", "A quiet headline"],
                "url": ['javascript:alert("u")', "https://example.org/b"],
                "text": [
                    f"The minister said {HOSTILE} was not true. Officials said {IMG} could "
                    "follow, according to a source.",
                    "The council said the road would reopen. Residents said they were relieved.",
                ],
            }
        )
    )
    return framing.render_report_html(framing.analyse(corpus))


def test_report_escapes_article_text_and_metadata(hostile_html):
    page = _parse(hostile_html)
    assert not [t for t, _ in page.tags if t == "script"]
    assert all(a.get("src", "").startswith("data:") for t, a in page.tags if t == "img")
    assert not any(k.startswith("on") for _, a in page.tags for k in a)
    text = " ".join(page.text)
    assert "alert('x')" in text and 'onerror="alert(1)"' in text
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in hostile_html


def test_render_report_refuses_other_suffixes(demo, tmp_path):
    with pytest.raises(ArgumentError, match=r"\.html or \.pdf"):
        framing.render_report(demo, tmp_path / "report.docx")


def test_report_shows_at_most_max_articles(demo):
    html = framing.render_report_html(demo, max_articles=2)
    assert len(re.findall(r'<article id="doc-\d+"', html)) == 2
    assert "2 of 10 counted articles shown" in html


def test_pdf_report_has_the_outlets_and_sections(demo, tmp_path):
    pytest.importorskip("weasyprint", reason="the PDF report needs framing[pdf] (WeasyPrint)")
    pypdf = pytest.importorskip("pypdf", reason="reading the PDF back needs pypdf")
    path = framing.render_report(demo, tmp_path / "demo.pdf", max_articles=3)
    reader = pypdf.PdfReader(path)
    text = "\n".join(page.extract_text() for page in reader.pages)
    for heading in ("Main differences", "Side by side", "Plots", "Evidence", "Methods"):
        assert heading in text
    for outlet in ("Estuary Observer", "Marrowick Courier", "Northgate Dispatch"):
        assert outlet in text
    # Print starts every annotated article on a page of its own, after the sections.
    assert len(reader.pages) >= 3 + 5
    assert f"page 1 of {len(reader.pages)}" in reader.pages[0].extract_text()


def test_seed_story_report_sets_the_national_against_the_independent(shared_dir):
    corpus = framing.load_corpus(shared_dir / "corpus" / "uk-officers-gaza-2025-10")
    analysis = framing.analyse(
        corpus, angles=framing.EXAMPLE_ANGLES, aliases=framing.EXAMPLE_ACTORS
    )
    html = framing.render_report_html(analysis)
    page = _parse(html)
    text = " ".join(page.text)
    # One counted article per outlet: described, never tested.
    assert "Descriptive only." in text
    # The National leans on anonymous sources (about a third of its attributions against
    # about a tenth), and the summary says so with the article table's figures.
    shares = analysis.counted.set_index("outlet")["attr_anonymous_share"]
    national, independent = shares["The National"], shares["The Independent"]
    assert 0.30 < national < 0.40 and 0.05 < independent < 0.15
    row = (
        '<td class="l">anonymous sources, share of attributions</td>'
        f"<td>{independent:.0%} (n=1)</td><td>{national:.0%} (n=1)</td>"
    )
    assert row in html  # side by side: The Independent, then The National
    # the summary's attribution findings set the two against each other on who speaks
    # (anonymous and person shares differ by about 25 points either way: either leads)
    persons = analysis.counted.set_index("outlet")["attr_person_share"]
    anonymous_finding = (
        f"The National: anonymous sources, share of attributions {national:.0%}, against "
        f"{independent:.0%} for The Independent"
    )
    person_finding = (
        "The Independent: person sources, share of attributions "
        f"{persons['The Independent']:.0%}, against {persons['The National']:.0%} for "
        "The National"
    )
    assert anonymous_finding in text or person_finding in text
    leader, kind = (
        ("The National", "anonymous")
        if anonymous_finding in text
        else ("The Independent", "person")
    )
    assert "The National: UK–Israel relations (angle)" in text
    for family in ("attribution", "hedging", "sentiment", "emphasis"):
        assert f'<span class="pill">{family}</span>' in html
    # The evidence names the finding's attributions, with sentence and offsets.
    doc = analysis.counted[analysis.counted.outlet == leader].doc_id.iloc[0]
    spans = analysis.attributions
    chosen = spans[(spans.doc_id == doc) & (spans.source_type == kind)]
    first = chosen.sort_values("start").iloc[0]
    assert f"{doc}, sentence {first.sentence}, chars {first.start}–{first.end}" in html
    assert html.count("<article ") == 2  # the second Independent capture is not counted


def test_basil_report_compares_three_outlets_within_100_stories(shared_dir):
    corpus = framing.load_corpus(
        shared_dir / "corpus" / "basil" / "articles",
        text="body-paragraphs",
        outlet="source",
        story="triplet-uuid",
    )
    analysis = framing.analyse(corpus, n_jobs=2)
    html = framing.render_report_html(analysis, max_articles=6)
    text = " ".join(" ".join(_parse(html).text).split())
    assert (
        "300 articles counted from 3 outlets (Fox News, HuffPost, The New York Times), "
        "100 stories" in text
    )
    assert "Within the same stories (paired)" in text
    assert "(100 stories)" in text
    assert "6 of 300 counted articles shown" in text
    assert "Hedges' g" in text and "d_z" in text
    # Ten stories a year, 2010 to 2019: the over-time section, by year.
    assert '<a href="#over-time">Over time</a>' in html
    assert "(20 Feb 2010 to 28 Mar 2019), so they are charted by year" in text
    assert "All 30 outlet-years with articles have 5 or more" in text


def test_summary_states_the_confidence_level_and_reference_of_the_table_given(demo):
    table = framing.compare(demo, reference="Estuary Observer", level=0.9, min_n=2)
    html = framing.render_report_html(demo, comparison=table)
    assert "90% CI" in html and "95% CI" not in html
    assert "higher/lower than the outlet Estuary Observer" in " ".join(html.split())


def test_evidence_shows_the_whole_of_a_span_that_crosses_sentences(demo):
    from framing.report._evidence import EvidenceBuilder

    builder = EvidenceBuilder(demo, "outlet", {"estuary-observer-1": "doc-1"})
    sentences = demo.sentences[demo.sentences.doc_id == "estuary-observer-1"]
    second, third = sentences.iloc[2], sentences.iloc[3]
    start, end = int(second.end) - 10, int(third.start) + 10
    item = builder._item("estuary-observer-1", start, end, [(start, end)])
    text = demo.corpus.articles.set_index("doc_id").text["estuary-observer-1"]
    shown = "".join(_parse(str(item.html)).text)
    assert second.text in shown and third.text in shown
    assert text[start:end] in shown
    assert item.link == "doc-1-s2" and item.doc_id == "estuary-observer-1"
    assert item.where.startswith("12 May 2026, “'We had minutes': Wharfside families")
    assert item.where.endswith(f", sentence 2, chars {start}–{end}")


def test_a_family_with_no_clear_difference_says_so_and_shows_its_largest(demo):
    # With min_n=2 every demo outlet is compared inferentially; little is supported.
    html = framing.render_report_html(demo, min_n=2)
    text = " ".join(" ".join(_parse(html).text).split())
    assert "No clear difference in " in text
    assert "(none supported by the corpus); the largest, with its evidence:" in text


def test_a_one_outlet_corpus_gets_a_report_that_says_there_is_nothing_to_compare(tmp_path):
    import warnings

    texts = [p.read_text(encoding="utf-8") for p in sorted(framing.DEMO_CORPUS.glob("*.txt"))]
    frame = pd.DataFrame(
        {"text": texts, "outlet": ["Solo Times"] * len(texts), "title": ["A headline"] * len(texts)}
    )
    analysis = framing.analyse(framing.load_corpus(frame), n_jobs=1, stories="given")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no warning about aligning one outlet with itself
        path = framing.render_report(analysis, tmp_path / "solo.html", progress=False)
    page = Path(path).read_text(encoding="utf-8")
    assert len(analysis.counted) == 10  # 11 demo texts, two of them versions of one
    assert "<title>How Solo Times covered 10 articles</title>" in page
    assert "<strong>One outlet only.</strong> Every counted article here" in page
    assert "and here\n." not in page and "and here ." not in page
    assert "Solo Times" in page and "words per article" in page  # still described
