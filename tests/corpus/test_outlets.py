"""Outlet names: aliases first, then case and spacing variants merged."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import framing


def _outlets(spellings: list[str], **options) -> list[str]:
    frame = pd.DataFrame(
        {
            "text": [f"Report number {i} on the harbour strike." for i in range(len(spellings))],
            "outlet": spellings,
        }
    )
    corpus = framing.load_corpus(frame, version_threshold=None, **options)
    assert corpus.articles["outlet_raw"].tolist() == spellings  # as given, untouched
    return corpus.articles["outlet"].tolist()


@pytest.mark.parametrize(
    ("spelling", "outlet"),
    [
        ("nyt", "The New York Times"),
        ("NYT", "The New York Times"),
        (" Nyt ", "The New York Times"),
        ("New York Times", "The New York Times"),
        ("fox", "Fox News"),
        ("FOX", "Fox News"),
        ("hpo", "HuffPost"),
        ("The Huffington Post", "HuffPost"),
        ("independent", "The Independent"),
        ("the  national", "The National"),
    ],
)
def test_default_alias_table_maps_spelling_to_outlet(spelling: str, outlet: str) -> None:
    assert _outlets([spelling]) == [outlet]


def test_user_mapping_extends_the_default_table() -> None:
    mapping = {"HH": "Harbour Herald", "the herald": "Harbour Herald"}
    assert _outlets(["hh", "The Herald", "nyt"], outlet_aliases=mapping) == [
        "Harbour Herald",
        "Harbour Herald",
        "The New York Times",
    ]


def test_user_mapping_overrides_a_default_alias() -> None:
    assert _outlets(["independent"], outlet_aliases={"Independent": "The Independent (UK)"}) == [
        "The Independent (UK)"
    ]


def test_user_alias_file_extends_the_default_table(tmp_path: Path) -> None:
    aliases = tmp_path / "outlets.toml"
    aliases.write_text(
        '[aliases]\n"dp" = "Daily Post"\n"the daily post" = "Daily Post"\n', encoding="utf-8"
    )
    assert _outlets(["DP", "The Daily Post", "FOX"], outlet_aliases=aliases) == [
        "Daily Post",
        "Daily Post",
        "Fox News",
    ]


def test_case_variants_without_alias_merge_under_the_most_frequent_spelling() -> None:
    spellings = ["harbour herald", "Harbour Herald", "HARBOUR  HERALD", "Harbour Herald"]
    assert _outlets(spellings) == ["Harbour Herald"] * 4


def test_case_variants_tied_in_frequency_take_the_first_spelling_seen() -> None:
    assert _outlets(["Daily post", "Daily Post"]) == ["Daily post", "Daily post"]


def test_distinct_outlets_without_alias_keep_their_spelling() -> None:
    assert _outlets(["Harbour Herald", "Daily Post"]) == ["Harbour Herald", "Daily Post"]


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ('[aliases\n"dp" = "Daily Post"\n', "not valid TOML"),
        ('"dp" = "Daily Post"\n', "needs an [aliases] table"),
    ],
    ids=["bad-toml", "no-aliases-table"],
)
def test_bad_alias_file_raises_config_error_naming_it(
    tmp_path: Path, content: str, words: str
) -> None:
    aliases = tmp_path / "my_outlets.toml"
    aliases.write_text(content, encoding="utf-8")
    with pytest.raises(framing.ConfigError) as raised:
        _outlets(["dp"], outlet_aliases=aliases)
    assert str(aliases) in str(raised.value)
    assert words in str(raised.value)


def test_missing_alias_file_raises_config_error(tmp_path: Path) -> None:
    with pytest.raises(framing.ConfigError, match=r"outlet alias file .*nope\.toml does not exist"):
        _outlets(["dp"], outlet_aliases=tmp_path / "nope.toml")
