"""People merged across a corpus (framing/analysis/_actors.py): one actor however the
articles name them, a surname alone read against the story, and a merge table that says
why."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import framing
from framing.analysis._actors import MERGE_COLUMNS, person_merges
from framing.features.attribution import load_attribution_lexicons

SEED = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "uk-officers-gaza-2025-10"
LEX = load_attribution_lexicons(None)


def _analyse(texts: list[tuple[str, str, str]]) -> framing.Analysis:
    """Articles as (outlet, story, text)."""
    frame = pd.DataFrame(
        {
            "doc_id": [f"d{i}" for i in range(len(texts))],
            "outlet": [t[0] for t in texts],
            "story": [t[1] for t in texts],
            "text": [t[2] for t in texts],
        }
    )
    return framing.analyse(framing.load_corpus(frame), features=["attribution", "actors"])


def _merges(names_by_doc: dict[str, list[str]], stories: dict[str, str]) -> pd.DataFrame:
    people = pd.DataFrame(
        [(doc, name) for doc, names in names_by_doc.items() for name in names],
        columns=["doc_id", "actor"],
    )
    return person_merges(people, stories, LEX).set_index(["name", "story"])


def test_titles_middle_initials_and_places_aside_a_full_name_is_one_person():
    merges = _merges(
        {
            "a": ["Donald J. Trump"],
            "b": ["Donald Trump"],
            "c": ["Donald Trump"],
            "d": ["House Minority Leader Nancy Pelosi"],
            "e": ["Nancy Pelosi of California"],
            "f": ["Hillary Rodham Clinton", "Ted Cruz of Texas"],
        },
        {},
    )
    assert merges.loc[("Donald J. Trump", ""), "actor"] == "Donald Trump"  # 2 articles to 1
    assert merges.loc[("Donald J. Trump", ""), "how"] == "full name"
    assert merges.loc[("House Minority Leader Nancy Pelosi", ""), "actor"] == "Nancy Pelosi"
    assert merges.loc[("Nancy Pelosi of California", ""), "actor"] == "Nancy Pelosi"
    # a lone name with a known first name loses its place or title too
    assert merges.loc[("Ted Cruz of Texas", ""), "actor"] == "Ted Cruz"
    assert ("Hillary Rodham Clinton", "") not in merges.index  # a middle name is a name
    assert set(merges.reset_index().columns) == set(MERGE_COLUMNS)


def test_different_middle_initials_are_two_people_and_the_bare_name_is_left_alone():
    merges = _merges({"a": ["George W. Bush"], "b": ["George H.W. Bush"], "c": ["George Bush"]}, {})
    assert ("George W. Bush", "") not in merges.index  # kept as written
    assert ("George H.W. Bush", "") not in merges.index
    row = merges.loc[("George Bush", "")]
    assert (row["actor"], row["how"]) == ("George Bush", "left alone")
    assert "George H.W. Bush" in row["reason"] and "George W. Bush" in row["reason"]


def test_a_surname_alone_is_the_one_person_so_named_in_its_story():
    merges = _merges(
        {
            "a1": ["Bill Clinton"],
            "a2": ["Clinton"],
            "b1": ["Hillary Clinton"],
            "b2": ["Clinton"],
            "c1": ["Bill Clinton", "Hillary Clinton"],
            "c2": ["Clinton", "Mrs. Clinton"],
        },
        {"a1": "A", "a2": "A", "b1": "B", "b2": "B", "c1": "C", "c2": "C"},
    )
    assert merges.loc[("Clinton", "A"), "actor"] == "Bill Clinton"
    assert merges.loc[("Clinton", "A"), "how"] == "surname in story"
    assert merges.loc[("Clinton", "B"), "actor"] == "Hillary Clinton"
    left = merges.loc[("Clinton", "C")]
    assert left["how"] == "left alone"
    assert left["reason"] == "Clinton may be any of Bill Clinton, Hillary Clinton (in the story)"
    # a title with a gender tells the two apart
    assert merges.loc[("Mrs. Clinton", "C"), "actor"] == "Hillary Clinton"
    assert "a woman" in merges.loc[("Mrs. Clinton", "C"), "reason"]


def test_outside_any_story_a_surname_goes_to_a_far_more_named_person_only():
    names = {f"o{i}": ["Barack Obama"] for i in range(10)}
    names |= {"s": ["Michelle Obama"], "x": ["Obama"]}
    names |= {f"h{i}": ["Hillary Clinton"] for i in range(5)}
    names |= {"b": ["Bill Clinton"], "y": ["Clinton"]}
    merges = _merges(names, {})
    assert merges.loc[("Obama", ""), "actor"] == "Barack Obama"  # 10 articles against 1
    assert "10 articles against 1 for Michelle Obama" in merges.loc[("Obama", ""), "reason"]
    assert merges.loc[("Clinton", ""), "how"] == "left alone"  # 5 against 1: not enough


def test_junior_is_someone_else():
    merges = _merges({"a": ["Donald Trump"], "b": ["Donald Trump Jr"], "c": ["Trump"]}, {})
    assert ("Donald Trump Jr", "") not in merges.index
    assert merges.loc[("Trump", ""), "how"] == "left alone"


def test_the_analysis_tables_carry_the_merged_actor_and_the_articles_own_name(tmp_path):
    analysis = _analyse(
        [
            ("Herald", "s1", "Donald J. Trump arrived in Ohio. Mr. Trump said he was glad."),
            ("Dispatch", "s1", "Trump said he was glad to be in Ohio, speaking on Monday."),
            ("Post", "s1", "President Donald Trump arrived in Ohio on Monday."),
        ]
    )
    actors = analysis.actors[analysis.actors.actor_type == "person"]
    assert set(actors.actor) == {"Donald Trump"}
    assert set(actors.article_actor) == {"Donald J. Trump", "Trump", "Donald Trump"}
    mentions = analysis.actor_mentions
    people = mentions[mentions.actor_type == "person"]
    assert set(people.actor) == {"Donald Trump"}
    merges = analysis.actor_merges.set_index("name")
    assert merges.loc["Trump", "how"] == "surname in story"
    assert merges.loc["Trump", "story"] == "s1"
    assert merges.loc["Donald J. Trump", "how"] == "full name"
    # saved and reopened: the same tables, not merged twice
    reopened = framing.open_analysis(analysis.save(tmp_path / "out"))
    pd.testing.assert_frame_equal(
        reopened.actors[["doc_id", "actor", "article_actor"]].reset_index(drop=True),
        analysis.actors[["doc_id", "actor", "article_actor"]].reset_index(drop=True),
        check_dtype=False,
    )
    assert len(reopened.actor_merges) == len(analysis.actor_merges)


def test_a_body_named_only_as_a_source_is_an_actor():
    mentions, actors = framing.extract_actors(
        "The defence ministry said troops would go. It said ten would go. "
        "The UK defence ministry said in a statement that they would leave on Friday."
    )
    bodies = mentions[mentions.how == "source"]
    assert list(bodies.mention) == ["The defence ministry", "defence ministry"]
    assert set(bodies.actor) == {"UK defence ministry"}  # the fullest form the article gives
    assert "United Kingdom" in set(actors.actor)  # the UK stays a mention of its own
    assert "It" not in set(mentions.mention)


@pytest.mark.skipif(not SEED.is_dir(), reason=f"the seed story is not at {SEED}")
def test_seed_story_with_the_actor_file_has_the_ministry_of_defence_for_both_outlets():
    corpus = framing.load_corpus(SEED)
    analysis = framing.analyse(corpus, aliases=framing.EXAMPLE_ACTORS)
    actors = analysis.evidence("actors")
    mod = actors[actors.actor == "Ministry of Defence"]
    assert set(mod.outlet) == {"The Independent", "The National"}
    assert analysis.actors.actor.str.contains("defence ministry").sum() == 0


def test_a_one_off_name_without_a_known_first_name_does_not_claim_a_surname():
    # 'Plus Obama' (a capitalised word before a surname), in one article: no one's name
    names = {f"o{i}": ["Barack Obama"] for i in range(3)}
    names |= {"p": ["Plus Obama"], "x": ["Obama"]}
    merges = _merges(names, {})
    assert merges.loc[("Obama", ""), "actor"] == "Barack Obama"
    assert merges.loc[("Obama", ""), "reason"] == "the one person named Obama in the corpus"
    assert ("Plus Obama", "") not in merges.index  # left as the article had it
