"""A name and a colon opening a paragraph is its speaker (issue 17: PolNeAR's
transcripts and 'Name: words' headlines were missed). Invented text."""

from __future__ import annotations

import pytest

import framing

TRANSCRIPT = (
    "Radio host Dana Pruitt interviewed Governor Tom Halvorsen on Sunday.\n\n"
    '"PRUITT: Will the ferry run this winter?\n\n'
    '"HALVORSEN: Well, look, it will run. The money is there.\n\n'
    "UPDATE: The interview was cut short."
)


def test_a_transcripts_speakers_are_sources_of_what_follows_their_label():
    rows = framing.extract_attributions(TRANSCRIPT)
    labels = rows[rows["rule"] == "speaker_label"]
    assert labels["source"].tolist() == ["PRUITT", "HALVORSEN"]
    assert labels["resolved_source"].tolist() == ["Dana Pruitt", "Tom Halvorsen"]
    assert labels["source_type"].tolist() == ["person", "person"]
    assert labels["cue"].tolist() == [":", ":"]
    assert labels["content"].tolist() == [
        "Will the ferry run this winter?",
        "Well, look, it will run. The money is there.",
    ]


def test_a_named_headline_speaker_is_a_source_but_a_heading_is_not():
    named = framing.extract_attributions("Tom Halvorsen: Ferry Will Run All Winter")
    assert list(zip(named["source"], named["rule"], strict=True)) == [
        ("Tom Halvorsen", "speaker_label")
    ]
    for heading in ("The Latest: Ferry Will Run All Winter", "Stealth Over Health: A Ferry Row"):
        assert framing.extract_attributions(heading).empty, heading


def test_a_headline_surname_before_a_colon_is_the_speaker_the_article_names_in_full():
    text = (
        "Lynch: No outside influence on the inquiry.\n\n"
        "Attorney General Loretta Lynch is reaffirming that the inquiry is independent."
    )
    rows = framing.extract_attributions(text)
    first = rows.iloc[0]
    assert (first.rule, first.source, first.source_type) == ("speaker_label", "Lynch", "person")
    assert first.content == "No outside influence on the inquiry."


@pytest.mark.parametrize(
    "text",
    [
        # no one of that surname in the article
        "Lynch: No outside influence on the inquiry.\n\nThe inquiry is independent.",
        # a poll is no speaker, whoever the article names ('Quinnipiac Poll')
        "Poll: Clinton leads.\n\nThe Quinnipiac Poll found Clinton ahead by four points.",
        # inside a quote another cue takes: the tweet is the prince's
        '"Trump: You base your statements on fakes?" tweeted Prince Alwaleed. Donald Trump '
        "replied.",
    ],
)
def test_a_colon_after_a_word_is_no_label_without_evidence_it_names_the_speaker(text):
    rows = framing.extract_attributions(text)
    assert "speaker_label" not in set(rows.rule)


@pytest.mark.parametrize(
    ("text", "source", "source_type"),
    [
        ("Dr. Ben Carson: Clinton Not Fit To Serve.\n\nText.", "Dr. Ben Carson", "person"),
        ("NY Daily News: Attacks Highlight Threat.\n\nText.", "NY Daily News", "media"),
    ],
)
def test_a_headline_label_may_be_a_titled_name_or_an_outlet(text, source, source_type):
    rows = framing.extract_attributions(text)
    assert rows[["rule", "source", "source_type"]].values.tolist()[0] == [
        "speaker_label",
        source,
        source_type,
    ]
