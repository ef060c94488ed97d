"""The PolNeAR evaluation script's parsing and scoring (evaluation/polnear.py).

Every brat string and text here is hand-written; no PolNeAR text is copied in. One test
reads the real corpus from ../shared when it is there.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from evaluation.polnear import (
    Attribution,
    Doc,
    aggregate,
    exact_key,
    is_speech,
    load_split,
    main,
    overlaps,
    parse_ann,
    per_publisher,
    pick_annotator,
    predicted_spans,
    score,
    score_document,
    source_errors,
    split_ann_name,
    trim_span,
)

SPEECH = frozenset({"said", "says", "told"})

# ----------------------------------------------------------------------------- parsing

ANN = (
    # The event comes first; the T lines it names follow.
    "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
    "T1\tSource 0 9\tThe mayor\n"
    # A discontinuous cue.
    "T2\tCue 10 13;20 24\tdid say\n"
    # Content whose text field runs over three physical lines; the continuation lines
    # (one starting with a capital E, one with a T) must be ignored.
    "T3\tContent 30 90\tfirst line of the quote\n"
    "Everyone knew the rest\n"
    "Then it ended\n"
    "T4\tAttribution 10 13;20 24\tdid say\n"
    "#1\tAnnotatorNotes T3\tannotator wondered about this one\n"
    # An attribution without a Source, with a second content fragment (Content2).
    "E2\tAttribution-no-source:T8 Content:T7 Cue:T6 Content2:T9\n"
    "T6\tCue 100 108\tis hoped\n"
    "T7\tContent 95 99\tRain\n"
    "T8\tAttribution 100 108\tis hoped\n"
    "T9\tContent 109 120\tto fall soon\n"
    "T10\tDiscard 130 140\tRead more\n"
    # A role naming a T id that does not exist is dropped.
    "E3\tAttribution:T12 Cue:T11 Source:T99\n"
    "T11\tCue 150 154\tsaid\n"
    "T12\tAttribution 150 154\tsaid\n"
)


def test_parse_ann_event_before_t_and_discontinuous_spans():
    first = parse_ann(ANN)[0]
    assert first == Attribution(
        id="E1", kind="Attribution", source=((0, 9),), cue=((10, 13), (20, 24)), content=((30, 90),)
    )
    assert first.has_source


def test_parse_ann_skips_continuation_lines_notes_and_other_kinds():
    attributions = parse_ann(ANN)
    assert [a.id for a in attributions] == ["E1", "E2", "E3"]
    assert attributions[0].content == ((30, 90),)  # offsets, not the 3-line text field


def test_parse_ann_attribution_without_source_and_merged_content():
    second = parse_ann(ANN)[1]
    assert second.kind == "Attribution-no-source"
    assert second.source == ()
    assert not second.has_source
    assert second.cue == ((100, 108),)
    assert second.content == ((95, 99), (109, 120))  # Content + Content2, sorted


def test_parse_ann_drops_a_role_with_an_unknown_reference():
    third = parse_ann(ANN)[2]
    assert third.cue == ((150, 154),)
    assert not third.has_source


def test_annotator_choice_is_the_smallest_suffix(tmp_path: Path):
    assert pick_annotator(["ef2d", "4b22", "5fec"]) == "4b22"
    assert split_ann_name("nyt_2016-10-01_a-b_c_4b22.ann") == ("nyt_2016-10-01_a-b_c", "4b22")

    data = tmp_path / "data"
    (data / "dev" / "text").mkdir(parents=True)
    (data / "dev" / "attributions").mkdir()
    text = "The mayor said it would rain."
    (data / "dev" / "text" / "pub_2016-01-01_rain_story.txt").write_text(text, "utf-8")
    (data / "dev" / "text" / "pub_2016-01-02_no-gold.txt").write_text("No annotation.", "utf-8")
    one = "T1\tSource 0 9\tThe mayor\nT2\tCue 10 14\tsaid\nE1\tAttribution:T2 Cue:T2 Source:T1\n"
    two = one + "T3\tCue 20 25\twould\nE2\tAttribution-no-source:T3 Cue:T3\n"
    (data / "dev" / "attributions" / "pub_2016-01-01_rain_story_5fec.ann").write_text(two)
    (data / "dev" / "attributions" / "pub_2016-01-01_rain_story_4b22.ann").write_text(one)
    (data / "metadata.tsv").write_text(
        "compartment\tfilename\tpublisher\ndev\tpub_2016-01-01_rain_story\tpub\n", "utf-8"
    )

    docs = load_split(tmp_path, "dev")
    assert len(docs) == 1  # the text without an .ann file has no gold and is left out
    (doc,) = docs
    assert (doc.base, doc.annotator, doc.annotators) == (
        "pub_2016-01-01_rain_story",
        "4b22",
        ("4b22", "5fec"),
    )
    assert len(doc.attributions) == 1  # from 4b22's file, not 5fec's
    assert doc.publisher == "pub"
    assert doc.words == 6


# ----------------------------------------------------------------------------- spans


def test_overlap_is_at_least_one_shared_character_with_any_fragment():
    assert overlaps(((0, 5),), ((4, 8),))
    assert not overlaps(((0, 5),), ((5, 8),))  # ends are exclusive
    gold = ((0, 3), (10, 15))
    assert overlaps(((12, 13),), gold)
    assert not overlaps(((4, 9),), gold)  # falls in the gap


def test_exact_match_trims_whitespace_and_trailing_punctuation():
    text = ' Mr. Lee, the mayor, said "soon."'
    gold = ((0, 20),)  # ' Mr. Lee, the mayor,'
    assert exact_key(text, gold) == (1, 19)  # 'Mr. Lee, the mayor'
    assert trim_span(text, 1, 19) == (1, 19)
    assert trim_span(text, 1, 21) == (1, 19)  # 'Mr. Lee, the mayor, '
    assert trim_span(text, 0, 3) == (1, 3)  # the trailing '.' of 'Mr.' goes too
    # A discontinuous gold span is compared as (min start, max end).
    assert exact_key(text, ((1, 8), (14, 20))) == (1, 19)


# ----------------------------------------------------------------------------- speech


def _attr(text: str, cue: str | None = None, content: str | None = None) -> Attribution:
    def span(part: str | None) -> tuple[tuple[int, int], ...]:
        if part is None:
            return ()
        start = text.index(part)
        return ((start, start + len(part)),)

    return Attribution("E1", "Attribution", cue=span(cue), content=span(content))


def test_speech_subset_membership():
    t = "He Said, loudly. Rain,   According\nto Ms. Ray. He believes it. She wrote:  “Go.” 'No'"
    assert is_speech(_attr(t, cue="Said,"), t, SPEECH)  # lowercased, punctuation stripped
    assert is_speech(_attr(t, cue="According\nto"), t, SPEECH)  # whitespace collapsed
    assert not is_speech(_attr(t, cue="believes", content="it"), t, SPEECH)
    # "wrote" is not in this test lexicon, but the content opens with a quote mark.
    assert is_speech(_attr(t, cue="wrote", content="  “Go.”"), t, SPEECH)
    assert is_speech(_attr(t, content="'No'"), t, SPEECH)  # no cue at all
    assert not is_speech(_attr(t, cue="wrote", content="Go."), t, SPEECH)
    # A discontinuous cue: any of its tokens.
    disc = Attribution("E2", "Attribution", cue=((0, 2), (3, 8)))
    assert is_speech(disc, t, SPEECH)


# ----------------------------------------------------------------------------- scoring

TEXT = (
    "Mr. Lee, the mayor, said the road will close. "
    '"It is over," a spokesman told reporters. '
    "Critics, according to the survey, disagree. "
    "The vote is expected to pass."
)


def _s(part: str) -> tuple[int, int]:
    start = TEXT.index(part)
    return start, start + len(part)


GOLD = [
    # A1: speech (said); its gold source keeps the trailing comma.
    Attribution(
        "E1", "Attribution", (_s("Mr. Lee, the mayor,"),), (_s("said"),), (_s("the road"),)
    ),
    # A2: speech (told, and a quoted content).
    Attribution("E2", "Attribution", (_s("a spokesman"),), (_s("told"),), (_s('"It is'),)),
    # A3: speech (according to).
    Attribution("E3", "Attribution", (_s("the survey"),), (_s("according to"),), (_s("Critics"),)),
    # A4: no source, not speech, discontinuous content.
    Attribution(
        "E4", "Attribution-no-source", (), (_s("is expected"),), (_s("The vote"), _s("to pass"))
    ),
]


def _row(cue: str | None, source: str | None, kind: str = "reported") -> dict:
    cs, ce = _s(cue) if cue else (None, None)
    ss, se = _s(source) if source else (None, None)
    return {
        "kind": kind,
        "cue_start": cs,
        "cue_end": ce,
        "source_start": ss,
        "source_end": se,
    }


PRED = pd.DataFrame(
    [
        _row("said", "Mr. Lee, the mayor"),  # P1
        _row("told reporters", "spokesman"),  # P2
        _row("disagree", "Critics"),  # P3
        _row(None, None, kind="quote"),  # P4: neither a cue nor a source span
        _row("said", "Mr. Lee, the mayor"),  # P5: P1's spans again, counted once
    ]
).astype({c: "Int64" for c in ("cue_start", "cue_end", "source_start", "source_end")})


def test_precision_recall_arithmetic_on_a_hand_computed_example():
    # Detection: predicted distinct cues {said, told reporters, disagree} -> 3, of which
    #   said and told reporters overlap a gold cue -> P = 2/3. Gold cues {said, told,
    #   according to, is expected} -> 4, of which said and told are hit -> R = 2/4;
    #   F1 = 2 * (2/3) * (1/2) / (2/3 + 1/2) = 4/7. Speech gold = the first three cues,
    #   two hit -> R = 2/3, F1 with the all-predictions P = 2/3 -> 2/3.
    # Source, any overlap: predicted {Mr. Lee, the mayor; spokesman; Critics} -> 3, two
    #   overlap a gold source -> P = 2/3; gold {Mr. Lee, the mayor,; a spokesman; the
    #   survey} -> 3, two hit -> R = 2/3, F1 = 2/3. All three are speech -> same recall.
    # Source, exact: only "Mr. Lee, the mayor" equals a gold span once the gold's trailing
    #   comma is stripped ("spokesman" lacks the "a ") -> P = 1/3, R = 1/3, F1 = 1/3.
    counts = score_document(TEXT, GOLD, PRED, SPEECH)
    assert counts["detection"] == {
        "pred": 3,
        "pred_ok": 2,
        "gold": 4,
        "gold_found": 2,
        "gold_speech": 3,
        "gold_speech_found": 2,
    }
    assert counts["source_exact"]["pred_ok"] == counts["source_exact"]["gold_found"] == 1
    assert (counts["gold_attributions"], counts["gold_with_source"]) == (4, 3)
    assert (counts["gold_speech_attributions"], counts["predictions"]) == (3, 5)

    m = aggregate([counts])["metrics"]
    approx = pytest.approx
    assert m["detection"]["all"]["precision"] == approx(2 / 3)
    assert m["detection"]["all"]["recall"] == approx(1 / 2)
    assert m["detection"]["all"]["f1"] == approx(4 / 7)
    assert m["detection"]["speech"]["precision"] == m["detection"]["all"]["precision"]
    assert m["detection"]["speech"]["recall"] == approx(2 / 3)
    assert m["detection"]["speech"]["f1"] == approx(2 / 3)
    for subset in ("all", "speech"):
        got = m["source_any"][subset]
        assert [got["precision"], got["recall"], got["f1"]] == approx([2 / 3, 2 / 3, 2 / 3])
    got = m["source_exact"]["all"]
    assert [got["precision"], got["recall"], got["f1"]] == approx([1 / 3, 1 / 3, 1 / 3])


def test_counts_are_summed_over_documents_before_dividing():
    # Doc 1 is the example above (detection 2/3 correct, 2/4 found); doc 2 has one gold
    # attribution and no predictions. Micro: P = 2/3, R = 2/(4 + 1) = 0.4.
    empty = PRED.iloc[0:0]
    other = "Officials said nothing."
    gold2 = [Attribution("E1", "Attribution", ((0, 9),), ((10, 14),), ((15, 22),))]
    docs = [
        Doc("a", TEXT, tuple(GOLD), "4b22", publisher="p1"),
        Doc("b", other, tuple(gold2), "4b22", publisher="p2"),
    ]
    result = score(docs, {"a": PRED, "b": empty}, SPEECH)
    assert result["metrics"]["detection"]["all"]["precision"] == pytest.approx(2 / 3)
    assert result["metrics"]["detection"]["all"]["recall"] == pytest.approx(0.4)
    assert result["totals"] == {
        "gold_attributions": 5,
        "gold_with_source": 4,
        "gold_speech_attributions": 4,
        "predictions": 5,
        "words": len(TEXT.split()) + 3,
        "documents": 2,
    }
    assert result["predicted_kinds"] == {"quote": 1, "reported": 4}
    # p2: 1 gold and 0 predicted over 3 words.
    assert result["publishers"]["p2"] == {
        "docs": 1,
        "words": 3,
        "gold": 1,
        "predicted": 0,
        "gold_per_1000_words": pytest.approx(1000 / 3),
        "predicted_per_1000_words": 0.0,
    }


def test_per_publisher_rates():
    docs = [
        Doc("a", "one two three four five", (GOLD[0],), "x", publisher="p"),
        Doc("b", "six seven eight nine ten", (GOLD[1], GOLD[2]), "x", publisher="p"),
    ]
    # 3 gold and 4 predicted over 10 words -> 300 and 400 per 1,000 words.
    out = per_publisher(docs, {"a": 1, "b": 3})
    assert out["p"]["docs"] == 2
    assert out["p"]["gold_per_1000_words"] == pytest.approx(300)
    assert out["p"]["predicted_per_1000_words"] == pytest.approx(400)


def test_predicted_spans_ignores_missing_and_empty_spans():
    frame = pd.DataFrame({"cue_start": [1, 5, None], "cue_end": [3, 5, None]}).astype("Int64")
    frame["source_start"] = frame["cue_start"]
    frame["source_end"] = frame["cue_end"]
    pred = predicted_spans(frame, "abcdefgh")
    assert pred.rows == 3
    assert pred.cues == pred.sources == [(1, 3)]
    with pytest.raises(ValueError, match="source_end"):
        predicted_spans(frame.drop(columns="source_end"), "abcdefgh")


def test_source_errors_list_false_negatives_and_false_positives():
    doc = Doc("a", TEXT, tuple(GOLD), "4b22")
    rows = source_errors(doc, predicted_spans(PRED, TEXT), SPEECH)
    assert [(r["kind"], r["span"], r["cue"], r["speech"]) for r in rows] == [
        ("fp", "Critics", "disagree", ""),
        ("fn", "the survey", "according to", "yes"),
    ]
    assert "[[Critics]]" in rows[0]["context"]


def test_missing_shared_folder_exits_2(tmp_path: Path, capsys):
    assert main(["--shared", str(tmp_path / "nowhere")]) == 2
    assert "PolNeAR not found" in capsys.readouterr().err


# ----------------------------------------------------------------------------- real data


def test_real_dev_split_parses_as_measured(shared_dir: Path):
    root = shared_dir / "eval" / "polnear"
    if not (root / "data" / "dev").is_dir():
        pytest.skip(f"PolNeAR not found under {root}")
    docs = load_split(root, "dev")
    attributions = [a for d in docs for a in d.attributions]
    assert len(docs) == 84
    assert len(attributions) == 2193
    assert sum(a.has_source for a in attributions) == 2066
    assert all(
        0 <= s < e <= len(d.text)
        for d in docs
        for a in d.attributions
        for frags in (a.source, a.cue, a.content)
        for s, e in frags
    )
    assert {d.publisher for d in docs} != {"unknown"}
