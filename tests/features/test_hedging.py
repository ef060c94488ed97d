"""Hedges and boosters: cues, context rules, voice, options, lexicon files, article figures.

Every sentence here is written for these tests; the demo gold is framing's own fiction
and the seed corpus is read from ../shared.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

import framing
from framing.errors import ConfigError

GOLD = json.loads((framing.DEMO_CORPUS.parent / "gold.json").read_text("utf-8"))
SEED = "corpus/uk-officers-gaza-2025-10"


def hedges(text: str, **options) -> list[tuple[str, str]]:
    frame = framing.extract_hedges(text, **options)
    return list(zip(frame["cue"], frame["cue_category"], strict=True))


def boosters(text: str) -> list[str]:
    return framing.extract_boosters(text)["cue"].tolist()


# ------------------------------------------------------------------ what is a hedge


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The talks may collapse.", [("may", "modal")]),
        ("Officers might be deployed next week.", [("might", "modal")]),
        ("The plan could be under consideration.", [("could", "modal")]),
        ("The list is likely to include Jordan.", [("likely", "adjective")]),
        ("It is unclear who will lead it.", [("unclear", "adjective")]),
        ("The truce is not clear to everyone.", [("not clear", "adjective")]),
        ("Nobody is sure. It isn't clear that he knew.", [("isn't clear", "adjective")]),
        ("The minister reportedly objected.", [("reportedly", "adverb")]),
        ("He allegedly paid the bribe.", [("allegedly", "adverb")]),
        ("Traders are guessing that rates will fall.", [("guessing", "verb")]),
        ("The coach hinted that he would stay.", [("hinted that", "verb")]),
        ("Engineers raised concerns that the levee will fail.", [("concerns that", "noun")]),
        ("It will almost certainly pass.", [("almost certainly", "adverb")]),
        ("The figures suggest that prices fell.", [("suggest", "verb")]),
        ("He appeared to be tired.", [("appeared", "verb")]),
        ("The deal seems fragile.", [("seems", "verb")]),
        ("It is understood the UK will send officers.", [("It is understood", "impersonal")]),
        ("It's understood the UK will send officers.", [("It's understood", "impersonal")]),
        ("Two men are thought to have fled.", [("are thought to", "impersonal")]),
        ("He is widely believed to have won.", [("is widely believed to", "impersonal")]),
        ("The envoy is expected to arrive today.", [("is expected to", "impersonal")]),
        ("Around 200 troops will go.", [("Around", "approximator")]),
        ("It costs about £5m a year.", [("about", "approximator")]),
        ("Up to 2,000 people left.", [("Up to", "approximator")]),
        ("Nearly half of them voted.", [("Nearly", "approximator")]),
        ("They waited ten minutes or so.", [("or so", "approximator")]),
        ("An estimated 3.5 tonnes escaped.", [("estimated", "verb")]),
        ("If Hamas refuses, the deal ends.", [("If", "conditional")]),
        ("They asked whether it was safe.", [("whether", "conditional")]),
        ("Councillors will consider whether to recall him.", [("whether", "conditional")]),
        ("There is no evidence of a breach.", [("no evidence", "noun")]),
    ],
)
def test_hedge_cues_are_found_with_their_category(text, expected):
    assert hedges(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The leak began on 12 May.",  # the month
        "Theresa May spoke first.",  # a name
        "Residents may return home from 6pm.",  # permission
        "The company could not comment.",  # inability
        "Police cannot confirm it.",
        "The fish could be seen from the bank.",  # perception, ability
        "Ministers must act and can act.",  # obligation and ability
        "Mr Halloran appeared before the committee.",  # attended
        "A heron appeared on the far bank.",  # came into view
        "They asked questions about the valve.",  # about = concerning
        "The cordon remains in place around Quay 4.",  # spatial
        "The vote went as expected.",
        "Losses were worse than first thought.",  # a comparison, not a hedge
        "Nobody thought to tell them.",  # thought to = considered doing
        "He said the company would pay for the review.",  # future of reported speech
        "She assumed office in May 2019.",
        "The suspect was arrested.",
        "Finish it as soon as possible.",
        "He felt as if he was flying.",
        "She is heir apparent to the throne.",
    ],
)
def test_context_rules_reject_non_hedges(text):
    assert hedges(text) == []


# --------------------------------------------------------------------------- boosters


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The situation is clearly under control.", ["clearly"]),
        ("The data certainly support that.", ["certainly"]),
        ("There is no doubt about it.", ["There is no doubt"]),
        ("It is clear that the plan failed.", ["is clear"]),
        ("The UK will send officers.", ["will"]),
        ("We'll get there.", ["We'll"]),
        ("Hamas won't disarm.", ["won't"]),
        ("Tests showed that the valve failed.", ["showed that"]),
        ("In fact, the valve had failed.", ["In fact"]),
    ],
)
def test_booster_cues_are_found(text, expected):
    assert boosters(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "It was the will of the people.",  # the noun
        "There is no political will to act.",
        "Will Smith arrived late.",  # a name
        "Will the ceasefire hold?",  # a question
        "It is not clear whether Hamas will disarm.",  # "will" inside a whether-clause
    ],
)
def test_non_boosters_are_not_boosters(text):
    assert boosters(text) == []


def test_a_negated_booster_is_a_hedge():
    assert hedges("It is not certain that he knew.") == [("not certain", "adjective")]
    assert boosters("It is not certain that he knew.") == []


def test_will_after_a_conditional_clause_is_still_a_prediction():
    # "will" in the main clause after "If …," predicts; inside the if-clause it does not.
    assert boosters("If the talks fail, they will leave.") == ["will"]
    assert boosters("They leave if the talks will fail.") == []


# ------------------------------------------------------------------------- evidence


def test_offsets_index_the_text_and_sentences_are_counted():
    text = 'Talks resume today. "It might fail," he said. Officials believe it could fail.'
    frame = framing.extract_hedges(text)
    assert [text[s:e] for s, e in zip(frame["start"], frame["end"], strict=True)] == list(
        frame["cue"]
    )
    assert frame["sentence"].tolist() == [1, 2, 2]
    assert frame["voice"].tolist() == ["quote", "outlet", "outlet"]
    assert frame["uncertainty_class"].tolist() == ["epistemic", "doxastic", "epistemic"]


def test_conditionals_can_be_switched_off_and_weasels_on():
    text = "If it rains, some experts say the match may be moved."
    assert [c for c, _ in hedges(text)] == ["If", "may"]
    assert [c for c, _ in hedges(text, conditionals=False)] == ["may"]
    assert hedges(text, weasels=True) == [
        ("If", "conditional"),
        ("some experts say", "weasel"),
        ("may", "modal"),
    ]


def test_a_lexicon_file_extends_and_switches_tiers(tmp_path):
    extra = tmp_path / "lexicons.toml"
    extra.write_text(
        "[hedging]\nconditionals = false\nweasels = true\nremove = ['may']\n"
        '[hedging.hedges]\n"on the cards" = "adjective"\n'
        '[hedging.boosters]\n"beyond question" = "adverb"\n',
        encoding="utf-8",
    )
    text = "If so, a deal may be on the cards, and it is beyond question that critics say no."
    assert hedges(text, lexicons=extra) == [
        ("on the cards", "adjective"),
        ("critics say", "weasel"),
    ]
    assert framing.extract_boosters(text, lexicons=extra)["cue"].tolist() == ["beyond question"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[hedging]\nweasel = true\n", "unknown key"),
        ("[hedging]\nweasels = 'yes'\n", "must be true or false"),
        ('[hedging.hedges]\n"sort of" = "vague"\n', "category 'vague'"),
        ('[hedging.hedges]\n"{maybe} so" = "adverb"\n', r"the only slot is \{be\}"),
        ("[hedge]\nx = 1\n", r"unknown table\(s\) hedge"),
    ],
)
def test_a_bad_hedging_table_names_the_problem(tmp_path, content, message):
    extra = tmp_path / "bad.toml"
    extra.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        framing.extract_hedges("It may rain.", lexicons=extra)


# ------------------------------------------------------------------- corpus figures


@pytest.fixture(scope="module")
def demo() -> framing.Analysis:
    return framing.analyse(framing.load_corpus(framing.DEMO_CORPUS), features=["hedging"])


def test_article_figures_are_computed_from_the_span_tables(demo):
    arts = demo.articles.set_index("doc_id")
    per_doc = demo.hedges.groupby("doc_id").size().reindex(arts.index, fill_value=0)
    assert (arts["hedge_n"] == per_doc).all()
    boost = demo.boosters.groupby("doc_id").size().reindex(arts.index, fill_value=0)
    assert (arts["booster_n"] == boost).all()
    hedged = demo.sentences.groupby("doc_id")["hedge_any"].mean()
    assert (arts["hedge_sentence_share"] - hedged.reindex(arts.index)).abs().max() < 1e-12
    rate = 1000 * arts["hedge_n"] / arts["n_words"]
    assert (arts["hedge_per_1k_words"] - rate).abs().max() < 1e-9
    modal = demo.hedges[demo.hedges["cue_category"] == "modal"].groupby("doc_id").size()
    assert (arts["hedge_n_modal"] == modal.reindex(arts.index, fill_value=0)).all()
    outlet_voice = (demo.hedges["voice"] == "outlet").groupby(demo.hedges["doc_id"]).mean()
    assert (arts["hedge_own_voice_share"].dropna() - outlet_voice).abs().max() < 1e-12
    assert arts["hedge_n_weasel"].isna().all()  # the tier is off: not counted, not zero


def test_demo_gold_hedges_and_boosters_are_found(demo):
    """Every gold hedge is found with its category, no gold non-hedge is reported, and
    every gold booster is found (the gold lists lexical boosters, not 'will')."""
    for name, gold in GOLD["articles"].items():
        text = (framing.DEMO_CORPUS / name).read_text("utf-8")
        found = framing.extract_hedges(text)
        found_boosters = framing.extract_boosters(text)
        for kind, entries in (("hedge", gold["hedges"]), ("non_hedge", gold["non_hedges"])):
            for entry in entries:
                lo = text.index(entry["context"])
                hi = lo + len(entry["context"])
                rows = found[
                    (found["start"] >= lo)
                    & (found["end"] <= hi)
                    & (found["cue"].str.lower() == entry["cue"].lower())
                ]
                if kind == "hedge":
                    assert rows["cue_category"].tolist() == [entry["category"]], (name, entry)
                else:
                    assert rows.empty, (name, entry)
        for entry in gold["boosters"]:
            lo = text.index(entry["context"])
            hi = lo + len(entry["context"])
            assert ((found_boosters["start"] >= lo) & (found_boosters["end"] <= hi)).any()
        assert len(found) == len(gold["hedges"]), name  # nothing beyond the gold


def test_demo_outlet_designed_to_hedge_hedges_most(demo):
    share = demo.articles.groupby("outlet")["hedge_sentence_share"].mean()
    assert share.idxmax() == "Northgate Dispatch"


@pytest.fixture(scope="module")
def seed(shared_dir: Path) -> framing.Analysis:
    return framing.analyse(framing.load_corpus(shared_dir / SEED), features=["hedging"])


def test_seed_the_national_hedges_more_than_the_independent(seed):
    share = seed.counted.groupby("outlet")["hedge_sentence_share"].mean()
    assert share["The National"] > share["The Independent"]
    national = seed.hedges[seed.hedges["doc_id"].str.startswith("002")]
    assert "It is understood" in national["cue"].tolist()
    assert {"could", "likely"} <= set(national["cue"])


def test_hedge_tables_have_the_declared_dtypes(demo):
    assert isinstance(demo.hedges, pd.DataFrame)
    assert list(demo.hedges.columns) == ["doc_id", *framing.features.hedging.HEDGE_COLUMNS]
    assert demo.sentences["hedge_any"].dtype == bool


def _hedge_lemmas(text: str) -> list[str]:
    return framing.extract_hedges(text)["cue_lemma"].tolist()


@pytest.mark.parametrize(
    ("text", "lemmas"),
    [
        # 'would' of a speaker's hypothetical, a condition or a counterfactual 'it would'
        ("“I would bring back waterboarding,” he said.", ["would"]),
        ("Without this rule, the amendment would be meaningless.", ["would"]),
        ("Doing so, it would be expensive to install.", ["would"]),
        # not reported speech's future, narration or a wish
        ("He said the UK would send troops.", []),
        ("In 1539 there would be another revolt.", []),
        ("Wilson would never play another game.", []),
        ("“I would like to thank my team,” she said.", []),
        # 'could' of purpose or ability in narration
        ("He moved so that his father could work in the North Sea.", []),
        ("The talks could collapse next week.", ["could"]),
        # an accusation by a named source is its speech act; by a vague one, a hedge
        ("Pelosi accused Republicans of holding workers hostage.", []),
        ("NGO Monitor has accused the group of bias.", []),
        ("Critics allege that the tests caused damage.", ["allege"]),
        ("He was accused of fraud.", ["accuse"]),
        ("The alleged affair ended in 2010.", ["alleged"]),
        # 'not necessarily'; a comparison with what someone expected
        ("That didn’t necessarily help Christie.", ["not necessarily"]),
        ("It was more work than he expected.", []),
    ],
)
def test_news_context_rules(text, lemmas):
    assert _hedge_lemmas(text) == lemmas


@pytest.mark.parametrize(
    ("text", "boosted"),
    [
        ("The plan will fail.", True),
        ("The president will visit Ohio on Thursday.", False),
        ("Talks will resume next week.", False),
        ("He will speak at 3 p.m. tomorrow.", False),
    ],
)
def test_will_of_a_scheduled_event_is_no_booster(text, boosted):
    assert (not framing.extract_boosters(text).empty) is boosted


@pytest.mark.parametrize(
    ("text", "lemmas"),
    [
        ("Ailes reined in hosts when he worried they would hurt the brand.", ["worry that"]),
        ("Voters worry that prices will rise.", ["worry that"]),
        ("It looks like the president is changing his mind.", ["it looks like"]),
        ("The building looks like a ship.", []),  # a likeness, not doubt
    ],
)
def test_worry_and_it_looks_like_are_hedges(text, lemmas):
    assert _hedge_lemmas(text) == lemmas
