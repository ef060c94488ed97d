"""Scoring coded sheets: the coders against each other and framing against them, on the
demo corpus, with the demo's gold annotations as one coder."""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest

import framing
from framing.errors import ArgumentError, SheetError

GOLD = json.loads((framing.DEMO_CORPUS.parent / "gold.json").read_text("utf-8"))


def test_a_coder_who_agrees_with_framing_and_one_who_differs_on_k_units(demo, tmp_path, as_framing):
    sheet = framing.coding_sheet(demo, unit="sentence", n=40, seed=0)
    a = as_framing(sheet)
    b = a.copy()
    flipped = [0, 3, 7]  # units where coder b says the opposite about uncertainty
    b.loc[flipped, "uncertain"] = b.loc[flipped, "uncertain"].map({"yes": "no", "no": "yes"})
    a.to_csv(tmp_path / "a.csv", index=False)
    b.to_csv(tmp_path / "b.csv", index=False)
    result = framing.reliability(sheet, tmp_path / "a.csv", tmp_path / "b.csv", n_boot=200)
    overall = result.agreement.set_index(["code", "outlet"])
    # 37 of 40 units coded alike; sentiment coded alike everywhere
    assert overall.at[("uncertain", "all"), "percent_agreement"] == pytest.approx(37 / 40)
    assert overall.at[("sentiment", "all"), "percent_agreement"] == 1.0
    assert overall.at[("sentiment", "all"), "alpha"] == 1.0
    krippendorff = pytest.importorskip("krippendorff", reason="a test dependency")
    table = [[{"yes": 1, "no": 0}[v] for v in c["uncertain"]] for c in (a, b)]
    expected = krippendorff.alpha(reliability_data=table, level_of_measurement="nominal")
    assert overall.at[("uncertain", "all"), "alpha"] == pytest.approx(expected)
    low, high = (
        overall.at[("uncertain", "all"), "alpha_ci_low"],
        overall.at[("uncertain", "all"), "alpha_ci_high"],
    )
    assert low <= expected <= high
    # Hayes & Krippendorff's pairs by default; the chance alpha falls below each minimum
    assert overall.at[("uncertain", "all"), "interval"] == "pairs"
    assert (result.agreement["alpha_q_800"] >= result.agreement["alpha_q_667"]).all()
    units = framing.reliability(
        sheet, tmp_path / "a.csv", tmp_path / "b.csv", n_boot=50, interval="units"
    ).agreement.set_index(["code", "outlet"])
    assert units.at[("uncertain", "all"), "interval"] == "units"
    assert units.at[("uncertain", "all"), "alpha"] == overall.at[("uncertain", "all"), "alpha"]
    with pytest.raises(ArgumentError, match="interval='cases'"):
        framing.reliability(sheet, tmp_path / "a.csv", interval="cases")  # type: ignore[arg-type]
    # the coders' majority exists where they agree, and framing is that majority
    acc = result.accuracy.set_index(["code", "outlet", "label"])
    assert acc.at[("uncertain", "all", "all"), "support"] == 37
    assert acc.at[("uncertain", "all", "all"), "f1"] == 1.0
    assert result.confusion["uncertain"].to_numpy().trace() == 37
    # against each coder in turn: a agrees with framing everywhere, b on 37 of 40 units
    each = result.accuracy_by_coder.set_index(["coder", "code", "outlet", "label"])
    assert each.at[("a", "uncertain", "all", "all"), "f1"] == 1.0
    assert each.at[("b", "uncertain", "all", "all"), "f1"] == pytest.approx(37 / 40)
    assert each.at[("b", "uncertain", "all", "all"), "support"] == 40
    # every disagreement listed, with both coders' values and framing's
    rows = result.disagreements[result.disagreements["code"] == "uncertain"]
    assert sorted(rows["unit_id"]) == sorted(sheet.units.loc[flipped, "unit_id"])
    assert (rows["a"] == rows["framing"]).all() and (rows["b"] != rows["framing"]).all()
    # per outlet too: each outlet's units add up to the whole
    per_outlet = result.agreement[
        (result.agreement["code"] == "uncertain") & (result.agreement["outlet"] != "all")
    ]
    assert per_outlet["units"].sum() == 40


def _same_source(marked: str, annotated: str) -> bool:
    """One source's words inside the other's: the gold writes "Tansey Evening Star" where
    the text reads "the Tansey Evening Star", and whole descriptions ("two people who
    attended the hearing") where framing marks the head ("two people")."""
    marked, annotated = f" {marked.lower()} ", f" {annotated.lower()} "
    return marked in annotated or annotated in marked


def _gold_type(doc: str, text: str) -> str:
    """The gold type of the attribution a sheet row shows: the gold entry of that article
    whose content is in the row's paragraph and whose source is the marked source (a row
    with no marked source, a continued quote or an impersonal construction, matches an
    entry with no source or no cue); "not an attribution" where none is."""
    marked = re.search(r"\[\[(.*?)\]\]", text)
    plain = text.replace("[[", "").replace("]]", "")
    for entry in GOLD["articles"][f"{doc}.txt"]["attributions"]:
        if entry["content"] not in plain:
            continue
        if marked and entry["source"] and _same_source(marked.group(1), entry["source"]):
            return entry["source_type"]
        if not marked and (entry["source"] is None or entry["cue"] is None):
            return entry["source_type"]
    return "not an attribution"


def test_the_demo_gold_as_a_coder_finds_framings_known_accuracy(demo, tmp_path):
    # every attribution framing finds in the counted articles: 138
    sheet = framing.coding_sheet(demo, unit="attribution", n=10_000, seed=1)
    assert len(sheet.units) == len(
        demo.evidence("attributions").query("doc_id in @demo.counted.doc_id")
    )
    gold = sheet.units.copy()
    gold["source_type"] = [
        _gold_type(d, t) for d, t in zip(gold["doc_id"], gold["text"], strict=True)
    ]
    # six are not gold attributions ("he feared", "declined to comment", two "is expected
    # to" sentences, ...); the gold types every other one as framing does
    missed = gold[gold["source_type"] == "not an attribution"]
    assert len(missed) == 6
    perturbed = gold.copy()
    perturbed.loc[perturbed.index[:5], "source_type"] = "media"
    gold.to_csv(tmp_path / "gold.csv", index=False)
    perturbed.to_csv(tmp_path / "perturbed.csv", index=False)
    result = framing.reliability(demo, tmp_path / "gold.csv", tmp_path / "perturbed.csv", n_boot=0)
    # against the gold coder: recall 1 for every type, share right 132 of 138
    each = result.accuracy_by_coder.set_index(["coder", "code", "outlet", "label"])
    for source_type in ("person", "organisation", "anonymous", "media"):
        assert each.at[("gold", "source_type", "all", source_type), "recall"] == 1.0
    assert each.at[("gold", "source_type", "all", "all"), "f1"] == pytest.approx(
        (len(gold) - 6) / len(gold)
    )
    agreement = result.agreement.set_index(["code", "outlet"])
    assert agreement.at[("source_type", "all"), "percent_agreement"] == pytest.approx(
        (len(gold) - (gold["source_type"].head(5) != "media").sum()) / len(gold)
    )


def test_the_analysis_redraws_the_sheet_its_files_came_from(demo, tmp_path, as_framing):
    sheet = framing.coding_sheet(demo, unit="sentence", n=20, seed=4)
    as_framing(sheet).to_csv(tmp_path / "a.csv", index=False)
    by_sheet = framing.reliability(sheet, tmp_path / "a.csv", n_boot=0)
    by_analysis = framing.reliability(demo, tmp_path / "a.csv", n_boot=0)
    assert by_sheet.sample_id == by_analysis.sample_id
    pd.testing.assert_frame_equal(by_sheet.accuracy, by_analysis.accuracy)


def test_scoring_refuses_what_it_cannot_score(demo, tmp_path, as_framing):
    sheet = framing.coding_sheet(demo, unit="sentence", n=20, seed=4)
    with pytest.raises(ArgumentError, match="at least one coder"):
        framing.reliability(sheet)
    other = framing.coding_sheet(demo, unit="sentence", n=20, seed=5)
    as_framing(other).to_csv(tmp_path / "other.csv", index=False)
    with pytest.raises(SheetError, match="is from sample sentence-5-"):
        framing.reliability(sheet, tmp_path / "other.csv")


def test_the_report_gets_a_validation_section(demo, tmp_path, as_framing):
    sheet = framing.coding_sheet(demo, unit="attribution", n=30, seed=2)
    a = as_framing(sheet)
    b = a.copy()
    b.loc[[0, 1], "source_type"] = "not an attribution"
    a.to_csv(tmp_path / "coder_a.csv", index=False)
    b.to_csv(tmp_path / "coder_b.csv", index=False)
    result = framing.reliability(sheet, tmp_path / "coder_a.csv", tmp_path / "coder_b.csv")
    page = framing.render_report_html(demo, max_articles=1, validation=result)
    section = page[page.index('<section id="validation">') : page.index('<section id="plots">')]
    assert "coder_a, coder_b" in section and sheet.sample_id in section
    overall = result.agreement.set_index(["code", "outlet"]).loc[("source_type", "all")]
    assert f"<td>{overall['alpha']:.2f} [" in section
    assert f"<td>{overall['percent_agreement']:.2f}</td>" in section
    right = result.accuracy.set_index(["code", "outlet", "label"]).loc[
        ("source_type", "all", "all")
    ]
    assert f"<td>{right['f1']:.2f} of {int(right['support'])}</td>" in section
    assert '<a href="#validation">' in page
    assert (
        "validation"
        not in framing.render_report_html(demo, max_articles=1).split("<nav>")[1].split("</nav>")[0]
    )


def test_corrected_shares_equal_framings_where_the_coders_agree_with_it(demo, tmp_path, as_framing):
    sheet = framing.coding_sheet(demo, unit="attribution", n=40, seed=3)
    as_framing(sheet).to_csv(tmp_path / "a.csv", index=False)
    result = framing.reliability(sheet, tmp_path / "a.csv", n_boot=0)
    shares = framing.corrected_shares(result, demo, n_boot=50)
    assert (shares["corrected"] - shares["observed"]).abs().max() < 1e-12
    assert (shares["corrected_ci_high"] - shares["corrected_ci_low"]).abs().max() < 1e-12
    # the observed shares are framing's over the whole corpus, per outlet
    spans = demo.evidence("attributions")
    mine = spans[spans["outlet"] == "Northgate Dispatch"]
    row = shares[(shares["outlet"] == "Northgate Dispatch") & (shares["value"] == "person")].iloc[0]
    assert row["units"] == len(mine)
    assert row["observed"] == pytest.approx((mine["source_type"] == "person").mean())


def test_corrected_shares_move_what_the_coders_relabel(demo, tmp_path, as_framing):
    sheet = framing.coding_sheet(demo, unit="attribution", n=60, seed=3)
    coder = as_framing(sheet)
    # the coder reads every source framing calls anonymous as a person
    coder.loc[coder["framing_source_type"] == "anonymous", "source_type"] = "person"
    coder.to_csv(tmp_path / "a.csv", index=False)
    result = framing.reliability(sheet, tmp_path / "a.csv", n_boot=0)
    shares = framing.corrected_shares(result, demo, n_boot=0).set_index(["outlet", "value"])
    for outlet in shares.index.get_level_values(0).unique():
        assert shares.at[(outlet, "anonymous"), "corrected"] == 0
        assert shares.at[(outlet, "person"), "corrected"] == pytest.approx(
            shares.at[(outlet, "person"), "observed"] + shares.at[(outlet, "anonymous"), "observed"]
        )
        assert shares.loc[outlet, "corrected"].sum() == pytest.approx(1.0)


def test_score_sheets_scores_each_sample_its_files_carry(demo, tmp_path, as_framing):
    sentences = framing.coding_sheet(demo, unit="sentence", n=12, seed=1)
    attributions = framing.coding_sheet(demo, unit="attribution", n=12, seed=1)
    as_framing(attributions).to_csv(tmp_path / "attr_a.csv", index=False)
    as_framing(sentences).to_csv(tmp_path / "sent_a.csv", index=False)
    as_framing(sentences).to_csv(tmp_path / "sent_b.csv", index=False)
    files = [tmp_path / "attr_a.csv", tmp_path / "sent_a.csv", tmp_path / "sent_b.csv"]
    results = framing.score_sheets(demo, files, n_boot=0)
    assert [r.sample_id for r in results] == [attributions.sample_id, sentences.sample_id]
    assert [r.coders for r in results] == [["attr_a"], ["sent_a", "sent_b"]]
    as_framing(sentences).drop(columns="sample_id").to_csv(tmp_path / "bare.csv", index=False)
    with pytest.raises(SheetError, match=r"bare\.csv: no sample_id column"):
        framing.score_sheets(demo, [tmp_path / "bare.csv"])
