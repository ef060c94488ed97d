"""The word forms and the stem that keyness, alignment and story grouping share."""

from __future__ import annotations

import pytest

from framing._words import stem


def test_stem_gives_offer_offers_and_offered_one_stem():
    # The hand-written stripper it replaces gave "off" (a function word) for two of them.
    assert {stem(w) for w in ("offer", "offers", "offered")} == {"offer"}


@pytest.mark.parametrize(
    ("word", "lookalike"),
    [("question", "quest"), ("statement", "state"), ("statements", "states")],
)
def test_stem_keeps_apart_words_that_only_look_alike(word, lookalike):
    assert stem(word) != stem(lookalike)


def test_stem_of_question_is_not_quest():
    assert stem("question") == stem("questions") == "question"


def test_stem_joins_coordinate_and_coordination():
    assert {stem(w) for w in ("coordinate", "coordinating", "coordination")} == {"coordin"}
