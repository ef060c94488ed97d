from __future__ import annotations

import pytest
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

import framing
from framing.features import ArticleInput
from framing.features.sentiment import sentiment


@pytest.fixture(scope="module")
def vader() -> SentimentIntensityAnalyzer:
    return SentimentIntensityAnalyzer()


def _article(text: str) -> ArticleInput:
    return ArticleInput("doc", None, framing.segment(text))


def test_sentence_scores_equal_vaders_own_polarity_scores(vader):
    text = (
        "Residents were furious about the leak. The new park is wonderful and everyone "
        "loves it! The council meets on Tuesday."
    )
    out = sentiment(_article(text))
    expected = [
        vader.polarity_scores(s)
        for s in (
            "Residents were furious about the leak.",
            "The new park is wonderful and everyone loves it!",
            "The council meets on Tuesday.",
        )
    ]
    assert out.sentences["sent_compound"] == [e["compound"] for e in expected]
    assert out.sentences["sent_positive"] == [e["pos"] for e in expected]
    assert out.sentences["sent_negative"] == [e["neg"] for e in expected]
    assert out.sentences["sent_neutral"] == [e["neu"] for e in expected]


def test_article_figures_are_means_and_shares_of_sentence_compounds(vader):
    sentences = [
        "Residents were furious about the leak.",
        "The new park is wonderful and everyone loves it!",
        "The council meets on Tuesday.",
        "Officials praised the rescue teams.",
    ]
    compounds = [vader.polarity_scores(s)["compound"] for s in sentences]
    # A reader can check the premise: two positive, one negative, one neutral sentence.
    assert [c >= 0.05 for c in compounds] == [False, True, False, True]
    assert [c <= -0.05 for c in compounds] == [True, False, False, False]
    out = sentiment(_article(" ".join(sentences)))
    assert out.article["sent_compound_mean"] == pytest.approx(sum(compounds) / 4)
    assert out.article["sent_positive_share"] == 0.5
    assert out.article["sent_negative_share"] == 0.25
    assert out.article["sent_compound_max"] == max(compounds)
    assert out.article["sent_compound_min"] == min(compounds)


def test_evidence_names_the_most_positive_and_most_negative_sentences():
    text = (
        "Residents were furious about the leak. The new park is wonderful and everyone "
        "loves it! The council meets on Tuesday."
    )
    evidence = {row["role"]: row for row in sentiment(_article(text)).spans["sentiment_evidence"]}
    assert evidence["most_positive"]["text"] == "The new park is wonderful and everyone loves it!"
    assert evidence["most_negative"]["text"] == "Residents were furious about the leak."
    row = evidence["most_positive"]
    assert text[row["start"] : row["end"]] == row["text"]


def test_long_article_mean_does_not_saturate_like_whole_text_vader(vader):
    # Whole-text VADER pushes a long, mildly positive text to the edge of the scale;
    # the per-sentence mean stays where the sentences are.
    text = " ".join(["The volunteers were kind to the family."] * 60)
    out = sentiment(_article(text))
    whole = vader.polarity_scores(text)["compound"]
    single = vader.polarity_scores("The volunteers were kind to the family.")
    assert whole > 0.99
    assert out.article["sent_compound_mean"] == pytest.approx(single["compound"])
    assert out.article["sent_compound_mean"] < 0.6
