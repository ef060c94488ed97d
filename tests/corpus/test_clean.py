"""Cleaning: debris removed and recorded, article sentences left alone."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import framing

SEED = "corpus/uk-officers-gaza-2025-10"
IND_SCRAPE, IND_CAPTURE, NATIONAL = (
    "000_b3acba8742215c2b",
    "001_c94a21444263d4de",
    "002_66abed3701f1b670",
)

DEFAULT_RULES = [
    "date_line",
    "donation_appeal",
    "subscription_appeal",
    "newsletter_prompt",
    "read_more",
    "copyright_line",
    "photo_credit",
]

BEFORE = (
    "The Wharfside bridge will reopen to traffic in March after repairs costing £4m, the "
    "county council confirmed on Tuesday."
)
AFTER = (
    "Engineers found corrosion in the steel supports during a routine inspection last "
    "spring, and the crossing has been closed since May."
)


def _load_text(raw: str, **options) -> framing.Corpus:
    return framing.load_corpus(
        pd.DataFrame({"text": [raw], "outlet": ["Harbour Herald"]}), **options
    )


# --------------------------------------------------------------------------- seed corpus


@pytest.fixture(scope="module")
def seed(shared_dir: Path) -> framing.Corpus:
    return framing.load_corpus(shared_dir / SEED)


def test_seed_removals_are_the_date_line_the_appeal_and_the_copyright_line(
    seed: framing.Corpus,
) -> None:
    removed = seed.removed
    assert removed[["doc_id", "rule"]].values.tolist() == [
        [IND_SCRAPE, "date_line"],
        [IND_SCRAPE, "donation_appeal"],
        [IND_CAPTURE, "copyright_line"],
    ]
    date_line, appeal, copyright_line = removed["text"]
    assert "date 2025-10-21" in date_line
    assert appeal.startswith("Your support helps us")
    assert appeal.endswith("Your support makes all the difference. Read more")
    assert copyright_line == "Copyright independent"


def test_seed_debris_counts_match_the_debris_lines(seed: framing.Corpus) -> None:
    rows = seed.articles.set_index("doc_id")
    scrape_raw = rows.loc[IND_SCRAPE, "raw_text"]
    # 000's whole first line (date stamp + appeal) is debris; 001 loses one short line.
    assert rows.loc[IND_SCRAPE, "n_chars_removed"] == scrape_raw.index("\n")
    assert rows.loc[IND_CAPTURE, "n_chars_removed"] == len("Copyright independent")
    assert rows.loc[NATIONAL, "n_chars_removed"] == 0


@pytest.mark.parametrize(
    ("doc_id", "first_sentence"),
    [
        (IND_SCRAPE, "The British Army will send a senior commander and a small number of troops"),
        (IND_CAPTURE, "The British army will send a senior commander and a small number of troops"),
        (NATIONAL, "British military officers were sent to Israel at the weekend"),
    ],
)
def test_seed_cleaned_text_starts_with_the_first_article_sentence(
    seed: framing.Corpus, doc_id: str, first_sentence: str
) -> None:
    text = seed.articles.set_index("doc_id").loc[doc_id, "text"]
    assert text.startswith(first_sentence)


@pytest.mark.parametrize(
    ("doc_id", "debris_lines", "last_words"),
    [
        (IND_SCRAPE, 1, "the Israeli government had been “remarkably helpful”."),
        (IND_CAPTURE, 1, "Axios reported on Tuesday, citing US and Israeli officials."),
        (NATIONAL, 0, "which could cause an issue over how its independence is viewed."),
    ],
)
def test_seed_cleaned_text_keeps_every_article_paragraph(
    seed: framing.Corpus, shared_dir: Path, doc_id: str, debris_lines: int, last_words: str
) -> None:
    # Read the file independently of framing: every non-blank line after the debris
    # lines is article text and must survive cleaning, in order.
    raw = (shared_dir / SEED / f"{doc_id}.txt").read_text("utf-8")
    article_lines = [line.strip() for line in raw.splitlines() if line.strip()][debris_lines:]
    text = seed.articles.set_index("doc_id").loc[doc_id, "text"]
    assert [line for line in text.split("\n") if line] == article_lines
    assert text.endswith(last_words)


def test_seed_removal_offsets_index_raw_text(seed: framing.Corpus) -> None:
    raw = seed.articles.set_index("doc_id")["raw_text"]
    for row in seed.removed.itertuples():
        assert raw[row.doc_id][row.start : row.end] == row.text


def test_clean_false_keeps_the_debris(shared_dir: Path) -> None:
    corpus = framing.load_corpus(shared_dir / SEED, clean=False)
    assert corpus.removed.empty
    assert corpus.cleaning_rules == ()
    assert (corpus.articles["n_chars_removed"] == 0).all()
    rows = corpus.articles.set_index("doc_id")
    assert rows.loc[IND_SCRAPE, "text"].startswith("date 2025-10-21 Your support helps us")
    assert rows.loc[IND_CAPTURE, "text"].startswith("Copyright independent\n\nThe British army")


# --------------------------------------------------------------------------- default rules


@pytest.mark.parametrize(
    ("rule", "debris"),
    [
        ("date_line", "Published 21 October 2025 14:05 BST"),
        ("date_line", "Last updated Oct. 21, 2025, 2:05 p.m. EDT"),
        (
            "donation_appeal",
            "Support our journalism with a contribution of any size, however "
            "big or small. Support us",
        ),
        (
            "donation_appeal",
            "Please consider making a donation to keep local news free to read. Donate now",
        ),
        ("subscription_appeal", "Already a subscriber? Log in"),
        ("subscription_appeal", "Subscribe now for unlimited access to the Herald"),
        (
            "newsletter_prompt",
            "Sign up to our free Morning Briefing newsletter for the day's top stories",
        ),
        ("read_more", "Read more: Ferry strike called off after late-night talks"),
        ("read_more", "More on this story"),
        pytest.param(
            "read_more",
            "Related: Ferry strike called off after late-night talks",
        ),
        ("copyright_line", "© 2025 Harbour Herald Media Ltd. All rights reserved."),
        ("copyright_line", "Copyright independent"),
        ("copyright_line", "All rights reserved."),
        ("photo_credit", "Photograph: Jane Doe/Harbour Herald"),
        ("photo_credit", "Engineers inspect the bridge supports on Tuesday (PA Media)"),
    ],
)
def test_default_rule_removes_its_debris_line_and_nothing_else(rule: str, debris: str) -> None:
    raw = f"{BEFORE}\n\n{debris}\n\n{AFTER}"
    corpus = _load_text(raw)
    assert corpus.removed[["rule", "start", "text"]].values.tolist() == [
        [rule, len(BEFORE) + 2, debris]
    ]
    assert corpus.articles.loc[0, "text"] == f"{BEFORE}\n\n{AFTER}"


def test_date_stamp_before_text_on_its_line_is_removed_and_the_rest_kept() -> None:
    corpus = _load_text(f"date 2025-10-21 {BEFORE}\n\n{AFTER}")
    assert corpus.removed[["rule", "start", "end", "text"]].values.tolist() == [
        ["date_line", 0, 16, "date 2025-10-21 "]
    ]
    assert corpus.articles.loc[0, "text"] == f"{BEFORE}\n\n{AFTER}"


@pytest.mark.parametrize(
    "sentence",
    [
        "Copyright law is changing fast, lawyers say.",
        "All rights reserved under the 1998 treaty remain with the islands, the court ruled.",
        "Sign up rates rose by 4% this year, the council said.",
        "Subscribers to the council's newsletter fell by a third last year.",
        "Updated guidance was published on 3 March 2025, the department said.",
        "Published figures show 1,200 people were evacuated from the estate.",
        "Posted to Gaza in 2024, the officer served two tours.",
        "Date night at the harbour restaurant sold out within an hour.",
        "Most readers said they trusted local news more than national news.",
        "Related reports said the talks had stalled.",
        "Support for the policy fell to 31%, a poll found.",
        "Readers who support independent journalism were asked to donate.",
        "The agency's images were supplied by Reuters.",
        "Video footage shared on social media showed smoke over the port.",
        pytest.param(
            "Copyright holders were not consulted.",
        ),
        pytest.param(
            "Published 12 March 2024, the report found that waiting lists had doubled.",
        ),
        pytest.param(
            "Most read the move as a snub to Washington, diplomats said.",
        ),
        pytest.param(
            "Get Britain Out said in its newsletter that the vote had been rigged.",
        ),
    ],
)
def test_article_sentence_resembling_debris_is_kept(sentence: str) -> None:
    raw = f"{BEFORE}\n\n{sentence}\n\n{AFTER}"
    corpus = _load_text(raw)
    assert corpus.removed["text"].tolist() == []
    assert corpus.articles.loc[0, "text"] == raw


# --------------------------------------------------------------------------- user rules

FOLLOW_US_RULES = """
[[rules]]
name = "follow_us"
category = "social"
pattern = '(?im)^follow us on [^\\n]*$'
max_chars = 40
description = "A social-media prompt."
"""


def test_user_rules_from_toml_run_after_the_defaults(tmp_path: Path) -> None:
    rules_file = tmp_path / "rules.toml"
    rules_file.write_text(FOLLOW_US_RULES, encoding="utf-8")
    raw = f"{BEFORE}\n\nFollow us on Twitter @harbourherald\n\n© 2025 Harbour Herald\n\n{AFTER}"
    corpus = _load_text(raw, clean=rules_file)
    assert [r.name for r in corpus.cleaning_rules] == [*DEFAULT_RULES, "follow_us"]
    assert corpus.removed[["rule", "category", "text"]].values.tolist() == [
        ["follow_us", "social", "Follow us on Twitter @harbourherald"],
        ["copyright_line", "copyright", "© 2025 Harbour Herald"],
    ]
    assert corpus.articles.loc[0, "text"] == f"{BEFORE}\n\n{AFTER}"


def test_rule_match_longer_than_max_chars_is_left_in_place_with_a_note(tmp_path: Path) -> None:
    rules_file = tmp_path / "rules.toml"
    rules_file.write_text(FOLLOW_US_RULES, encoding="utf-8")
    long_line = "Follow us on Facebook, Instagram, TikTok, Threads, Bluesky and YouTube for more"
    raw = f"{BEFORE}\n\n{long_line}\n\n{AFTER}"
    corpus = _load_text(raw, clean=rules_file)
    assert corpus.removed.empty
    assert corpus.articles.loc[0, "text"] == raw
    assert corpus.articles.loc[0, "notes"] == (
        f"cleaning rule follow_us matched {len(long_line)} chars at {len(BEFORE) + 2}, more "
        "than its max_chars=40; left in place"
    )


def test_list_of_rules_replaces_the_defaults(tmp_path: Path) -> None:
    rules_file = tmp_path / "rules.toml"
    rules_file.write_text(FOLLOW_US_RULES, encoding="utf-8")
    rules = framing.load_cleaning_rules(rules_file, include_defaults=False)
    raw = f"{BEFORE}\n\nFollow us on X\n\nRead more\n\n{AFTER}"
    corpus = _load_text(raw, clean=rules)
    assert corpus.removed["rule"].tolist() == ["follow_us"]
    assert corpus.articles.loc[0, "text"] == f"{BEFORE}\n\nRead more\n\n{AFTER}"


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("[[rules]\nname = 'x'\n", ["not valid TOML"]),
        (
            "[[rules]]\nname = 'broken_pattern'\npattern = '(unclosed'\n",
            ["'broken_pattern'", "bad pattern"],
        ),
        ("[[rules]]\ncategory = 'social'\npattern = 'x'\n", ["rule 1 lacks name"]),
        ("[[rules]]\nname = 'date_line'\npattern = 'x'\n", ["unique", "date_line"]),
        ("title = 'no rules here'\n", ["no [[rules]] tables"]),
    ],
    ids=["bad-toml", "bad-regex", "no-name", "duplicate-name", "no-rules"],
)
def test_bad_rules_file_raises_config_error_naming_file_and_rule(
    tmp_path: Path, content: str, words: list[str]
) -> None:
    rules_file = tmp_path / "my_rules.toml"
    rules_file.write_text(content, encoding="utf-8")
    with pytest.raises(framing.ConfigError) as raised:
        _load_text(BEFORE, clean=rules_file)
    message = str(raised.value)
    for word in words:
        assert word in message
    if "unique" not in words:  # the duplicate check speaks of the merged rule list
        assert str(rules_file) in message
    assert isinstance(raised.value, ValueError)


def test_missing_rules_file_raises_config_error_naming_it(tmp_path: Path) -> None:
    missing = tmp_path / "nope.toml"
    with pytest.raises(framing.ConfigError, match=r"nope\.toml does not exist"):
        _load_text(BEFORE, clean=missing)


def test_clean_argument_of_the_wrong_kind_raises_corpus_error() -> None:
    with pytest.raises(framing.CorpusError, match="clean= takes True, False"):
        _load_text(BEFORE, clean=["date_line"])
