"""A name and a colon opening a paragraph is its speaker (issue 17: PolNeAR's
transcripts and 'Name: words' headlines were missed). Invented text."""

from __future__ import annotations

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
