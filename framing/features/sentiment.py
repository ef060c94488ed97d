"""Sentiment: VADER per sentence, aggregated per article.

VADER (Hutto & Gilbert 2014) scores each sentence exactly as ``vaderSentiment``'s
``SentimentIntensityAnalyzer.polarity_scores`` does on that sentence's text: the
scores come from framing's kernel (``_vader.py``), which reads VADER's lexicon from the
installed package and returns the library's values, float for float, about three times
faster (a test compares it with the library on every BASIL sentence). Articles
are not scored as one text: VADER's compound is a normalised sum, x/sqrt(x² + 15),
that saturates towards ±1 on long texts, so an article-level compound says more
about length than tone. Sentences are counted positive at compound ≥ 0.05 and
negative at ≤ -0.05, the thresholds Hutto & Gilbert recommend.

Units and direction: compound in [-1, 1], higher = more positive; shares in [0, 1].
"""

from __future__ import annotations

from ._base import ArticleInput, Feature, FeatureOutput
from ._measures import Coded, Evidence, FamilyReport, Measure, at_least, at_most
from ._vader import score_texts

__all__ = ["NEGATIVE_THRESHOLD", "POSITIVE_THRESHOLD", "SENTIMENT", "sentiment"]

POSITIVE_THRESHOLD = 0.05
NEGATIVE_THRESHOLD = -0.05


def sentiment(article: ArticleInput) -> FeatureOutput:
    """VADER scores per sentence and their article aggregates (see module docstring)."""
    seg = article.seg
    scores = score_texts([seg.text[s:e] for s, e in seg.sentences])
    compound = [sc["compound"] for sc in scores]
    out = FeatureOutput(
        sentences={
            "sent_compound": compound,
            "sent_positive": [sc["pos"] for sc in scores],
            "sent_negative": [sc["neg"] for sc in scores],
            "sent_neutral": [sc["neu"] for sc in scores],
        }
    )
    n = len(compound)
    if n == 0:
        out.article = {c: float("nan") for c in SENTIMENT.article_columns}
        return out
    top = max(range(n), key=lambda i: (compound[i], -i))
    bottom = min(range(n), key=lambda i: (compound[i], i))
    out.article = {
        "sent_compound_mean": sum(compound) / n,
        "sent_positive_share": sum(c >= POSITIVE_THRESHOLD for c in compound) / n,
        "sent_negative_share": sum(c <= NEGATIVE_THRESHOLD for c in compound) / n,
        "sent_compound_max": compound[top],
        "sent_compound_min": compound[bottom],
    }
    out.spans["sentiment_evidence"] = [
        {
            "role": role,
            "sentence": i,
            "start": seg.sentences[i][0],
            "end": seg.sentences[i][1],
            "text": seg.text[seg.sentences[i][0] : seg.sentences[i][1]],
            "compound": compound[i],
        }
        for role, i in (("most_positive", top), ("most_negative", bottom))
    ]
    return out


SENTIMENT = Feature(
    name="sentiment",
    article_columns={
        "sent_compound_mean": "float64",
        "sent_positive_share": "float64",
        "sent_negative_share": "float64",
        "sent_compound_max": "float64",
        "sent_compound_min": "float64",
    },
    sentence_columns={
        "sent_compound": "float64",
        "sent_positive": "float64",
        "sent_negative": "float64",
        "sent_neutral": "float64",
    },
    span_tables={
        "sentiment_evidence": {
            "role": "str",
            "sentence": "int64",
            "start": "int64",
            "end": "int64",
            "text": "str",
            "compound": "float64",
        }
    },
    compute=sentiment,
    description="VADER per sentence (Hutto & Gilbert 2014); article mean and ±0.05 shares",
    measures=(
        Measure(
            "sent_compound_mean",
            "mean sentence sentiment (VADER compound, −1 to 1)",
            "score",
            "higher = more positive",
            Evidence("sentences", order="sent_compound", both_ends=True),
            summary=True,
        ),
        Measure(
            "sent_negative_share",
            f"negative sentences (compound ≤ {NEGATIVE_THRESHOLD}), share",
            "share",
            "higher = more negative",
            Evidence(
                "sentences", (at_most("sent_compound", NEGATIVE_THRESHOLD),), "-sent_compound"
            ),
            summary=True,
            coded=Coded("sentence", "sentiment", ("negative",)),
        ),
        Measure(
            "sent_positive_share",
            f"positive sentences (compound ≥ {POSITIVE_THRESHOLD}), share",
            "share",
            "higher = more positive",
            Evidence(
                "sentences", (at_least("sent_compound", POSITIVE_THRESHOLD),), "sent_compound"
            ),
            coded=Coded("sentence", "sentiment", ("positive",)),
        ),
    ),
    report=FamilyReport(core=True),
    # Before framing 0.2 (kept for one release): VADER's proportions, named in full.
    renamed={"sent_pos": "sent_positive", "sent_neg": "sent_negative", "sent_neu": "sent_neutral"},
)
