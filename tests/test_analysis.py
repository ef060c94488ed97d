from __future__ import annotations

import pandas as pd
import pytest
import textstat
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

import framing
from framing.features import FEATURES, Feature, FeatureOutput
from framing.features.readability import INDICES


@pytest.fixture(scope="module")
def seed(shared_dir):
    corpus = framing.load_corpus(shared_dir / "corpus" / "uk-officers-gaza-2025-10")
    return framing.analyse(corpus)


def test_seed_corpus_is_analysed_whole(seed):
    assert len(seed.articles) == 3
    assert seed.errors.empty
    assert set(seed.articles["outlet"]) == {"The Independent", "The National"}
    counted = seed.summary().set_index("outlet")
    assert counted.loc["The Independent", "articles"] == 1
    assert counted.loc["The Independent", "versions_not_counted"] == 1
    assert counted.loc["The National", "articles"] == 1


def test_seed_sentence_sentiment_equals_vader_on_each_sentence(seed):
    vader = SentimentIntensityAnalyzer()
    for row in seed.sentences.itertuples():
        scores = vader.polarity_scores(row.text)
        assert (row.sent_compound, row.sent_positive, row.sent_negative, row.sent_neutral) == (
            scores["compound"],
            scores["pos"],
            scores["neg"],
            scores["neu"],
        ), row.text


def test_seed_readability_equals_textstat_on_the_cleaned_text(seed):
    texts = seed.corpus.articles.set_index("doc_id")["text"]
    for row in seed.articles.itertuples():
        for column, function in INDICES.items():
            assert getattr(row, column) == getattr(textstat, function)(texts[row.doc_id])


def test_sentence_offsets_index_the_cleaned_text(seed):
    texts = seed.corpus.articles.set_index("doc_id")["text"]
    for row in seed.sentences.itertuples():
        assert texts[row.doc_id][row.start : row.end] == row.text
    for row in seed.quotes.itertuples():
        assert texts[row.doc_id][row.start : row.end] == row.text


def test_article_figures_are_computed_from_the_sentence_table(seed):
    means = seed.sentences.groupby("doc_id")["sent_compound"].mean()
    for row in seed.articles.itertuples():
        assert row.sent_compound_mean == pytest.approx(means[row.doc_id])
        assert row.n_sentences == (seed.sentences["doc_id"] == row.doc_id).sum()


def test_evidence_sentences_are_the_extremes_of_the_sentence_table(seed):
    evidence = seed.sentiment_evidence.set_index(["doc_id", "role"])
    for doc_id, group in seed.sentences.groupby("doc_id"):
        assert evidence.loc[(doc_id, "most_negative"), "compound"] == group["sent_compound"].min()
        assert evidence.loc[(doc_id, "most_positive"), "compound"] == group["sent_compound"].max()


def test_basil_is_analysed_with_no_errors(shared_dir):
    corpus = framing.load_corpus(
        shared_dir / "corpus" / "basil" / "articles",
        text="body-paragraphs",
        outlet="source",
        story="triplet-uuid",
        published="date",
        title="title",
    )
    analysis = framing.analyse(corpus, features=["sentiment"])
    assert len(analysis.articles) == 300
    assert analysis.errors.empty
    assert analysis.articles["outlet"].nunique() == 3
    assert analysis.articles["story"].nunique() == 100
    assert analysis.sentences["doc_id"].nunique() == 300


def _toy_corpus() -> framing.Corpus:
    frame = pd.DataFrame(
        {
            "doc_id": ["a", "b", "c"],
            "outlet": ["Herald", "Herald", "Dispatch"],
            "text": [
                "Officials praised the rescue teams. The river is calm.",
                "Residents were furious about the leak. Nobody came to help them.",
                "The council meets on Tuesday. It will discuss the port.",
            ],
        }
    )
    return framing.load_corpus(frame)


def test_a_registered_feature_runs_without_changing_the_orchestration():
    def exclamations(article):
        marks = [i for i, ch in enumerate(article.text) if ch == "!"]
        return FeatureOutput(
            article={"excl_count": len(marks)},
            spans={"exclamations": [{"start": i, "end": i + 1} for i in marks]},
        )

    feature = Feature(
        "exclamation",
        {"excl_count": "int64"},
        exclamations,
        span_tables={"exclamations": {"start": "int64", "end": "int64"}},
    )
    framing.register_feature(feature)
    try:
        frame = pd.DataFrame({"outlet": ["X", "X"], "text": ["Stop! Now!", "Calm words."]})
        analysis = framing.analyse(framing.load_corpus(frame))
    finally:
        del FEATURES["exclamation"]
    assert analysis.articles.set_index("doc_id")["excl_count"].to_dict() == {"0": 2, "1": 0}
    assert analysis.exclamations["start"].tolist() == [4, 9]


def test_a_feature_that_raises_turns_its_article_into_an_error_row():
    def fragile(article):
        if "leak" in article.text:
            raise RuntimeError("cannot cope with leaks")
        return FeatureOutput(article={"frag_ok": 1})

    framing.register_feature(Feature("fragile", {"frag_ok": "int64"}, fragile))
    try:
        corpus = _toy_corpus()
        analysis = framing.analyse(corpus)
    finally:
        del FEATURES["fragile"]
    assert sorted(analysis.articles["doc_id"]) == ["a", "c"]
    error = analysis.errors.set_index("doc_id").loc["b"]
    assert error["stage"] == "fragile"
    assert "cannot cope with leaks" in error["reason"]
    assert len(analysis.articles) + len(analysis.errors) == len(corpus.articles)


def test_two_worker_processes_give_the_same_tables_as_one():
    frame = pd.DataFrame(
        {
            "doc_id": [f"d{i}" for i in range(60)],
            "outlet": ["Herald", "Dispatch", "Voice"] * 20,
            "text": [
                f"Story number {i} is here. Officials praised the rescue teams on day {i}."
                f" Residents were angry about the leak."
                for i in range(60)
            ],
        }
    )
    corpus = framing.load_corpus(frame, version_threshold=None)
    one = framing.analyse(corpus)
    two = framing.analyse(corpus, n_jobs=2)
    pd.testing.assert_frame_equal(one.articles, two.articles)
    pd.testing.assert_frame_equal(one.sentences, two.sentences)


def test_selecting_an_unknown_feature_names_the_registered_ones():
    with pytest.raises(framing.FramingError, match=r"unknown feature 'tone'.*sentiment"):
        framing.analyse(_toy_corpus(), features=["tone"])


def test_declared_columns_are_present_with_declared_dtypes():
    analysis = framing.analyse(_toy_corpus())
    for feature in FEATURES.values():
        for column, dtype in feature.article_columns.items():
            assert str(analysis.articles[column].dtype) == dtype, column
        for column, dtype in feature.sentence_columns.items():
            assert str(analysis.sentences[column].dtype) == dtype, column


def test_evidence_puts_outlet_story_and_sentence_beside_each_span():
    analysis = framing.analyse(framing.load_corpus(framing.DEMO_CORPUS))
    spans = analysis.evidence("hedges")
    counted = set(analysis.counted.doc_id)
    hedges = analysis.hedges
    assert len(spans) == hedges.doc_id.isin(counted).sum()
    assert set(spans.doc_id) <= counted
    text = analysis.corpus.articles.set_index("doc_id").text
    for row in spans.itertuples():
        assert text[row.doc_id][row.start : row.end] == row.cue
        assert row.cue in row.sentence_text
        assert row.outlet == analysis.articles.set_index("doc_id").outlet[row.doc_id]
    everything = analysis.evidence("hedges", counted_only=False)
    assert len(everything) == len(hedges)


def test_evidence_names_the_span_tables_when_asked_for_another():
    analysis = framing.analyse(framing.load_corpus(framing.DEMO_CORPUS), features=["sentiment"])
    with pytest.raises(framing.ArgumentError, match="no span table 'hedges'; choose one of"):
        analysis.evidence("hedges")


def test_old_column_names_still_read_their_columns_with_a_warning():
    analysis = framing.analyse(framing.load_corpus(framing.DEMO_CORPUS))
    pairs = [
        (analysis.articles, "actors_n", "actor_n"),
        (analysis.sentences, "hedge_count", "hedge_n"),
        (analysis.sentences, "sent_pos", "sent_positive"),
        (analysis.sentences, "frame_conflict", "frame_conflict_n"),
        (analysis.hedges, "lemma", "cue_lemma"),
        (framing.extract_boosters("He will certainly win."), "category", "cue_category"),
    ]
    for table, old, new in pairs:
        assert old not in table.columns
        with pytest.warns(DeprecationWarning, match=f"'{old}' is called '{new}'"):
            values = table[old]
        assert values.equals(table[new])
    # a name that was never a column is still a KeyError
    with pytest.raises(KeyError):
        analysis.articles["actors_total"]


def test_a_results_directory_written_with_old_names_opens_with_the_new(tmp_path):
    import json

    import pyarrow.parquet as pq

    analysis = framing.analyse(framing.load_corpus(framing.DEMO_CORPUS), features=["actors"])
    root = analysis.save(tmp_path / "results")
    old = {"actor_n": "actors_n", "actor_quoted_share": "actors_quoted_share"}
    for part in root.rglob("*.parquet"):
        table = pq.read_table(part)
        if "actor_n" in table.column_names:
            names = [old.get(c, c) for c in table.column_names]
            pq.write_table(table.rename_columns(names), part)
    manifest_path = root / "manifest.json"
    manifest = json.loads(manifest_path.read_text())
    columns = manifest["tables"]["articles"]["columns"]
    manifest["tables"]["articles"]["columns"] = {old.get(c, c): t for c, t in columns.items()}
    manifest_path.write_text(json.dumps(manifest))
    opened = framing.open_analysis(root)
    assert "actor_n" in opened.articles.columns and "actors_n" not in opened.articles.columns
    assert opened.articles["actor_n"].tolist() == analysis.articles["actor_n"].tolist()
    table = framing.compare(opened, n_boot=200)
    assert "actor_per_1k_words" in set(table["feature"])


def test_old_function_names_still_work_with_a_warning():
    analysis = framing.analyse(framing.load_corpus(framing.DEMO_CORPUS), features=["sentiment"])
    with pytest.warns(DeprecationWarning, match="find_distinctive_words"):
        old = framing.distinctive_words(analysis, top=5)
    assert old.equals(framing.find_distinctive_words(analysis, top=5))
    with pytest.warns(DeprecationWarning, match="render_report_html"):
        page = framing.report_html(analysis, max_articles=1)
    assert page.startswith("<!DOCTYPE html>")
