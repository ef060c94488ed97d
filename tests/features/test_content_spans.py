"""What a source says starts at the reported clause, not at where or when it was said
(issue 17: 'Mr Healey told business leaders at an event in London' gave the content
'in London'). Invented sentences."""

from __future__ import annotations

import pytest

import framing


@pytest.mark.parametrize(
    ("text", "source", "recipient", "content"),
    [
        (
            "Mr Healey told business leaders at an event in London that the UK would "
            "play an anchor role.",
            "Mr Healey",
            "business leaders",
            "the UK would play an anchor role",
        ),
        (
            "The Defence Secretary said at a press conference in Washington on Tuesday "
            "that troops would stay.",
            "The Defence Secretary",
            None,
            "troops would stay",
        ),
        ("She said in the past that she would run.", "She", None, "she would run"),
    ],
)
def test_the_content_starts_after_the_setting(text, source, recipient, content):
    rows = framing.extract_attributions(text)
    assert rows[["source", "recipient", "content"]].values.tolist() == [
        [source, recipient, content]
    ]


def test_a_that_after_the_setting_of_a_verb_that_takes_no_clause_is_no_content():
    # 'spoke in a hall … that overlooks': a relative clause, and nothing was reported
    assert framing.extract_attributions(
        "The mayor spoke in a hall on the quay that overlooks the harbour."
    ).empty


def test_a_quote_before_a_source_that_says_its_own_clause_is_not_that_sources():
    """Issue 17: the seed story gave Healey's quote to 'The US', whose sentence after it
    says its own clause."""
    text = (
        'Defence Secretary Martin Ashworth said the UK would help. "We have put a '
        'two-star officer into the command," he added. "So Britain will play an anchor '
        'role." The US has said it will provide up to 200 troops.'
    )
    rows = framing.extract_attributions(text)
    anchor = rows[rows["content"].str.contains("anchor role", na=False)]
    assert anchor["resolved_source"].tolist() == ["Martin Ashworth"]
    us = rows[rows["source"] == "The US"]
    assert us["content"].tolist() == ["it will provide up to 200 troops"]


def _continued(text: str) -> list[tuple[str, str | None, str]]:
    rows = framing.extract_attributions(text)
    return [(r.rule, r.resolved_source, r.content) for r in rows.itertuples()]


def test_a_quote_only_paragraph_continues_the_last_speaker():
    text = "“We will rebuild,” Mary Smith said.\n\n“It will take years.”\n\n“And we will.”"
    assert _continued(text)[1:] == [
        ("quote_paragraph", "Mary Smith", "It will take years."),
        ("quote_paragraph", "Mary Smith", "And we will."),
    ]


def test_someone_else_named_in_the_narration_ends_the_speakers_turn():
    text = (
        "“We will rebuild,” Smith said. Jones, the mayor, had left the hall by then.\n\n"
        "“It will take years.”\n\n“And we will.”"
    )
    assert _continued(text) == [("subject", "Smith", "We will rebuild,")]


def test_the_speaker_named_again_or_a_name_inside_the_quote_keeps_the_turn():
    again = "“We will rebuild,” Mary Smith said. Smith had visited twice.\n\n“It will take years.”"
    assert _continued(again)[-1] == ("quote_paragraph", "Mary Smith", "It will take years.")
    quoted = "“We will rebuild,” Smith said. “Jones will help.”\n\n“It will take years.”"
    assert _continued(quoted)[-1] == ("quote_paragraph", "Smith", "It will take years.")


def test_another_quoted_speaker_takes_the_turn():
    text = "“We will rebuild,” Smith said. “No one leaves,” Jones said.\n\n“It will take years.”"
    assert _continued(text)[-1] == ("quote_paragraph", "Jones", "It will take years.")


def test_a_quote_signed_after_a_no_break_space_is_the_signers():
    text = "“Maybe we can build a wall around him.” ―\xa0Steve Quinlan.\n\nGetty/Instagram."
    assert _continued(text) == [
        ("signature", "Steve Quinlan", "Maybe we can build a wall around him.")
    ]


@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        # the setting after a cue-final verb is where or when, not what was said
        ("The plan will fail, Mr. Smith said on Tuesday.", "Mr. Smith", "The plan will fail"),
        ("The plan will fail, he said Tuesday.", "he", "The plan will fail"),
        ("The plan will fail, she told reporters in Ohio.", "she", "The plan will fail"),
        # 'that' ends the clause before a comma, not a relative clause ('what he said')
        ("States can do that, they said.", "they", "States can do that"),
    ],
)
def test_a_cue_final_verb_reports_the_clause_before_it(text, source, content):
    rows = framing.extract_attributions(text)
    assert list(zip(rows.source, rows.content, strict=True)) == [(source, content)]


def test_a_clause_that_goes_on_after_the_setting_is_not_cut_at_the_comma():
    rows = framing.extract_attributions("These employees, Stumpf said in the hearing, were paid.")
    (content,) = rows.content.tolist()
    assert content.endswith("were paid")  # the clause's verb is kept, not cut at the comma


def test_insist_on_is_no_setting():
    rows = framing.extract_attributions("No matter the stakes, Trump will insist on being Trump.")
    assert rows.content.tolist() == ["on being Trump"]


def test_an_inverted_source_with_an_apposition_reports_the_clause_before():
    rows = framing.extract_attributions(
        "Clinton will win the state, said Brad Bannon, a Democratic pollster and consultant."
    )
    assert list(zip(rows.source, rows.content, strict=True)) == [
        ("Brad Bannon", "Clinton will win the state")
    ]
