"""Actors: who is mentioned, merged within an article and across a corpus.

Sentences here are written for these tests; the demo gold is framing's own fiction and the
seed corpus is read from ../shared."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

import framing
from framing.errors import ConfigError

GOLD = json.loads((framing.DEMO_CORPUS.parent / "gold.json").read_text("utf-8"))
SEED = "corpus/uk-officers-gaza-2025-10"


@pytest.fixture(scope="module")
def demo() -> framing.Analysis:
    corpus = framing.load_corpus(framing.DEMO_CORPUS)
    return framing.analyse(corpus, features=["actors"], aliases=framing.DEMO_ACTORS)


@pytest.fixture(scope="module")
def demo_plain() -> framing.Analysis:
    return framing.analyse(framing.load_corpus(framing.DEMO_CORPUS), features=["actors"])


def _found(analysis: framing.Analysis, doc_id: str) -> list[str]:
    rows = analysis.actors[analysis.actors.doc_id == doc_id].sort_values("rank")
    return list(rows.actor)


def test_demo_gold_actors_are_found_in_order_of_first_mention(demo):
    for name, gold in GOLD["articles"].items():
        found = _found(demo, name.removesuffix(".txt"))
        assert [a for a in found if a in gold["actors"]] == gold["actors"], name


def test_demo_extra_actors_are_only_the_named_evacuation_centres(demo):
    """The gold leaves out places; these two are organisation names used as places."""
    gold = {a for g in GOLD["articles"].values() for a in g["actors"]}
    extra = set(demo.actors.actor) - gold
    assert extra == {"Greyfield Leisure Centre", "Marrowick Academy"}


def test_without_the_actor_file_only_names_never_written_in_full_are_missed(demo_plain):
    missed = {
        (name.removesuffix(".txt"), actor)
        for name, gold in GOLD["articles"].items()
        for actor in gold["actors"]
        if actor not in _found(demo_plain, name.removesuffix(".txt"))
    }
    assert missed == {
        ("estuary-observer-1", "Tanseyside County Council"),  # only "the county council"
        ("estuary-observer-4", "Tanseyside County Council"),  # only "the council"
        ("northgate-dispatch-3", "Brennock Chemical Storage"),  # only "Brennock"
    }


def test_every_mention_is_the_text_at_its_offsets(demo):
    corpus = demo.counted.set_index("doc_id")
    texts = demo.corpus.articles.set_index("doc_id")
    for row in demo.actor_mentions.itertuples():
        source = texts.at[row.doc_id, "title" if row.field == "headline" else "text"]
        assert source[row.start : row.end] == row.mention
    assert len(corpus)  # the counted table is there to join outlets


def test_mentions_merge_through_title_surname_and_role():
    text = (
        "Defence Secretary John Healey arrived in Cyprus on Monday. "
        "Mr Healey met officers at the base. "
        "The defence secretary said the mission was vital."
    )
    mentions, actors = framing.extract_actors(text)
    healey = mentions[mentions.actor == "John Healey"]
    assert list(healey.mention) == [
        "Defence Secretary John Healey",
        "Mr Healey",
        "The defence secretary",
    ]
    assert list(healey.how) == ["name", "surname", "role"]
    row = actors.set_index("actor").loc["John Healey"]
    assert (row.n, row.actor_type, row["rank"]) == (3, "person", 1)
    assert actors.set_index("actor").loc["Cyprus", "actor_type"] == "country"


def test_bodies_merge_through_acronym_short_name_and_head_noun():
    text = (
        "The Harbour Safety Executive said Quayline Bulk Storage had broken the rules. "
        "The HSE will publish its report. Quayline said it would comply. "
        "The executive gave the firm a month."
    )
    mentions, _ = framing.extract_actors(text)
    got = list(zip(mentions.mention, mentions.actor, mentions.how, strict=True))
    assert got == [
        ("Harbour Safety Executive", "Harbour Safety Executive", "name"),
        ("Quayline Bulk Storage", "Quayline Bulk Storage", "name"),
        ("HSE", "Harbour Safety Executive", "acronym"),
        ("Quayline", "Quayline Bulk Storage", "short name"),
        ("The executive", "Harbour Safety Executive", "head noun"),
    ]


def test_places_stray_capitals_and_outlets_are_not_actors():
    text = (
        "Residents of Cable Street were moved to the River Tansey footpath. "
        '"Leave NOW," a notice said, according to the Tansey Evening Star.'
    )
    _, actors = framing.extract_actors(text)
    assert actors.empty


def test_a_lone_word_without_evidence_is_not_a_person_but_a_speaker_is():
    _, actors = framing.extract_actors("Marrowick was quiet. Tulloch said the docks were shut.")
    assert list(actors.actor) == ["Tulloch"]
    assert actors.iloc[0]["quoted"] == 1


def test_headline_mentions_resolve_to_the_body_actor():
    mentions, actors = framing.extract_actors(
        "Defence Secretary John Healey said the deployment was small.",
        title="Healey defends Gaza deployment",
    )
    head = mentions[mentions.field == "headline"]
    assert list(zip(head.mention, head.actor, strict=True)) == [("Healey", "John Healey")]
    assert head.sentence.isna().all()
    assert bool(actors.set_index("actor").loc["John Healey", "in_headline"])


def test_a_headline_word_the_body_resolved_is_that_actor():
    """'Healey in Cyprus': alone, a headline's first word could be a common noun."""
    mentions, actors = framing.extract_actors(
        "Defence Secretary John Healey arrived. Mr Healey spoke.", title="Healey in Cyprus"
    )
    head = mentions[mentions.field == "headline"]
    assert list(zip(head.mention, head.actor, head.how, strict=True)) == [
        ("Healey", "John Healey", "surname"),
        ("Cyprus", "Cyprus", "name"),
    ]
    assert bool(actors.set_index("actor").loc["John Healey", "in_headline"])


def test_a_title_case_headline_keeps_only_the_actors_the_body_names():
    """In title case, capitals do not mark names: 'Michael Steele Criticized for
    Afghanistan Comments' is not one person."""
    mentions, _ = framing.extract_actors(
        "Michael Steele said on Friday that the war in Afghanistan was a mistake. "
        "Steele later said he supported the troops.",
        title="Michael Steele Criticized for Afghanistan Comments",
    )
    head = mentions[mentions.field == "headline"]
    assert list(zip(head.mention, head.actor, strict=True)) == [
        ("Steele", "Michael Steele"),
        ("Afghanistan", "Afghanistan"),
    ]


def test_position_figures_are_what_the_mentions_say():
    text = (
        "Cllr Ann Robb opened the meeting. It was long. Nobody spoke. "
        "Then Dr Ravi Mehta asked a question. Cllr Robb answered."
    )
    _, actors = framing.extract_actors(text)
    robb, mehta = (actors.set_index("actor").loc[a] for a in ("Ann Robb", "Ravi Mehta"))
    assert (robb.n, robb.first_sentence, robb["rank"]) == (2, 0, 1)
    assert robb.weighted == pytest.approx(1 + 1 / 5)  # sentence 0 (lede) and sentence 4
    assert robb.lede_share == 0.5 and robb.in_lede
    assert (mehta.first_sentence, mehta["rank"], mehta.in_lede) == (3, 2, False)
    assert mehta.first_share == pytest.approx(text.index("Dr Ravi") / len(text))


def test_quoted_counts_the_attributions_resolved_to_the_actor(demo):
    attributions = framing.analyse(
        framing.load_corpus(framing.DEMO_CORPUS), features=["attribution"]
    ).attributions
    said = attributions.groupby(["doc_id", "resolved_source"]).size()
    moss = demo.actors[(demo.actors.doc_id == "marrowick-courier-1")].set_index("actor")
    assert moss.loc["Declan Moss", "quoted"] == said[("marrowick-courier-1", "Declan Moss")]
    assert moss.loc["Declan Moss", "quoted"] >= 3


@pytest.fixture
def actor_file(tmp_path: Path) -> Path:
    path = tmp_path / "actors.toml"
    path.write_text(
        '[actors."Donald Trump"]\naliases = ["Trump", "the US president"]\n'
        'type = "person"\n'
        '[actors."Gaza"]\ntype = "other"\n',
        encoding="utf-8",
    )
    return path


def test_an_actor_file_merges_across_articles_and_adds_actors(actor_file):
    corpus = framing.load_corpus(
        pd.DataFrame(
            {
                "doc_id": ["a", "b"],
                "outlet": ["Herald", "Dispatch"],
                "text": [
                    "President Trump spoke to reporters about Gaza on Monday.",
                    "The US president said Gaza would be rebuilt, Donald Trump added.",
                ],
            }
        )
    )
    plain = framing.analyse(corpus, features=["actors"])
    # without the file, each article keeps its own name, and the corpus step merges the
    # bare surname into the one Trump named with a first name (tests/analysis/
    # test_actor_merges.py)
    assert set(plain.actors.article_actor) == {"Trump", "Donald Trump", "United States"}
    assert set(plain.actors.actor) == {"Donald Trump", "United States"}
    merged = framing.analyse(corpus, features=["actors"], aliases=actor_file)
    table = merged.actors.set_index(["doc_id", "actor"])
    assert table.loc[("a", "Donald Trump"), "n"] == 1
    assert table.loc[("b", "Donald Trump"), "n"] == 2  # the US president, Donald Trump
    assert table.loc[("a", "Gaza"), "actor_type"] == "other"
    assert set(merged.actor_mentions.how) == {"name", "alias file"}
    assert "United States" not in set(merged.actors.actor)  # inside "The US president"


def test_an_alias_inside_a_longer_name_does_not_split_it(tmp_path):
    path = tmp_path / "actors.toml"
    path.write_text('[actors."Brennock Chemical Storage"]\naliases = ["Brennock"]\n', "utf-8")
    mentions, _ = framing.extract_actors(
        "The H.J. Brennock Group owns the site. Brennock said it was safe.", aliases=path
    )
    assert list(zip(mentions.mention, mentions.actor, strict=True)) == [
        ("H.J. Brennock Group", "H.J. Brennock Group"),
        ("Brennock", "Brennock Chemical Storage"),
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[angles.x]\nterms=['a']\n", r"no \[actors\] table"),
        ('[actors."A"]\naliases = "a"\n', "aliases must be a list"),
        ('[actors."A"]\ntype = "place"\n', "type 'place' is not one of"),
        ('[actors."A"]\nalias = ["a"]\n', "unknown key"),
        ('[actors."A"]\naliases = ["x"]\n[actors."B"]\naliases = ["X"]\n', "also given to 'A'"),
    ],
)
def test_a_bad_actor_file_names_the_problem(tmp_path, content, message):
    path = tmp_path / "actors.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        framing.load_actor_aliases(path)


def test_a_missing_actor_file_fails_before_the_run(tmp_path):
    corpus = framing.load_corpus(framing.DEMO_CORPUS)
    with pytest.raises(ConfigError, match=r"nope\.toml does not exist"):
        framing.analyse(corpus, aliases=tmp_path / "nope.toml")


@pytest.fixture(scope="module")
def seed(shared_dir: Path) -> framing.Analysis:
    corpus = framing.load_corpus(shared_dir / SEED)
    return framing.analyse(
        corpus, features=["attribution", "actors"], aliases=framing.EXAMPLE_ACTORS
    )


def test_seed_the_national_puts_israel_first(seed):
    rows = seed.actors.merge(seed.articles[["doc_id", "outlet"]], on="doc_id")
    israel = rows[rows.actor == "Israel"].set_index("outlet")
    national = israel.loc["The National"]
    assert national["rank"] == 1
    independent = rows[(rows.actor == "Israel") & (rows.outlet == "The Independent")]
    assert len(independent) == 2
    assert (independent.weighted < national.weighted / 5).all()
    assert not independent.in_lede.any()


def test_seed_healey_is_one_actor_across_outlets_with_the_example_file(seed):
    healey = seed.actors[seed.actors.actor == "John Healey"]
    assert len(healey) == 3  # every article, though the Independent never writes "John"
    assert (healey.quoted > 0).all()
