"""Differences between outlets corrected by what coders found framing's labels to hold,
and the report's mark on findings the measured error could explain."""

from __future__ import annotations

import re

import numpy as np
import pytest

import framing
from framing.features.attribution import SOURCE_TYPES


def _score(demo, tmp_path, coder, sheet, name="coder"):
    path = tmp_path / f"{name}.csv"
    coder.to_csv(path, index=False)
    return framing.reliability(sheet, path, n_boot=0)


def _by_hand(demo, columns):
    """Per outlet, the difference against the pooled rest of the article means of the
    sum of ``columns`` (articles where the measure exists)."""
    counted = demo.counted
    values = counted[columns].sum(axis=1, min_count=1)
    present = values.notna() & counted[columns[0]].notna()
    out = {}
    for outlet in counted["outlet"].unique():
        mine = present & (counted["outlet"] == outlet)
        rest = present & (counted["outlet"] != outlet)
        out[outlet] = values[mine].mean() - values[rest].mean()
    return out


def test_coders_who_agree_with_framing_leave_every_difference_as_it_is(demo, tmp_path, as_framing):
    sheet = framing.coding_sheet(demo, unit="attribution", n=40, seed=3)
    result = _score(demo, tmp_path, as_framing(sheet), sheet)
    table = framing.corrected_comparison(demo, result, n_boot=50)
    # one row per outlet for each attribution share the coders check: named, and the four types
    assert sorted(table["feature"].unique()) == sorted(
        ["attr_named_share", *(f"attr_{t}_share" for t in SOURCE_TYPES)]
    )
    assert len(table) == 5 * 3
    assert np.allclose(table["error_shift"], 0)
    assert np.allclose(table["diff_corrected"], table["diff"])
    assert np.allclose(table["diff_corrected_ci_low"], table["diff"])
    assert not table.loc[table["diff"].abs() > 1e-12, "error_could_explain"].any()
    compared = framing.compare(demo).set_index(["feature", "outlet", "comparison"])
    for r in table.itertuples():
        assert r.diff == compared.at[(r.feature, r.outlet, "between outlets"), "diff"]


def test_a_coder_who_reads_anonymous_sources_as_people_moves_the_differences(
    demo, tmp_path, as_framing
):
    sheet = framing.coding_sheet(demo, unit="attribution", n=60, seed=3)
    coder = as_framing(sheet)
    coder.loc[coder["framing_source_type"] == "anonymous", "source_type"] = "person"
    table = framing.corrected_comparison(
        demo, _score(demo, tmp_path, coder, sheet), n_boot=0
    ).set_index(["feature", "outlet"])
    person = _by_hand(demo, ["attr_person_share", "attr_anonymous_share"])
    named = _by_hand(demo, ["attr_named_share", "attr_anonymous_share"])
    for outlet in person:
        # no source is anonymous once corrected, so no outlet differs in that share ...
        assert table.at[("attr_anonymous_share", outlet), "diff_corrected"] == pytest.approx(0)
        assert table.at[("attr_anonymous_share", outlet), "error_could_explain"]
        # ... and each article's person (and named) share takes its anonymous share
        assert table.at[("attr_person_share", outlet), "diff_corrected"] == pytest.approx(
            person[outlet]
        )
        assert table.at[("attr_named_share", outlet), "diff_corrected"] == pytest.approx(
            named[outlet]
        )
        # organisations and media are untouched
        row = table.loc[("attr_media_share", outlet)]
        assert row["diff_corrected"] == pytest.approx(row["diff"])


def test_sentence_and_attribution_sheets_check_their_own_measures(demo, tmp_path, as_framing):
    sentences = framing.coding_sheet(demo, unit="sentence", n=40, seed=1)
    coder = as_framing(sentences)
    coder["uncertain"] = "no"  # a coder who finds no sentence uncertain
    on_sentences = _score(demo, tmp_path, coder, sentences, "sentences")
    attributions = framing.coding_sheet(demo, unit="attribution", n=30, seed=1)
    on_attributions = _score(demo, tmp_path, as_framing(attributions), attributions, "attr")
    table = framing.corrected_comparison(demo, [on_sentences, on_attributions], n_boot=0)
    assert set(table["code"]) == {"uncertain", "sentiment", "source_type"}
    hedged = table[table["feature"] == "hedge_sentence_share"]
    assert len(hedged) == 3
    assert np.allclose(hedged["diff_corrected"], 0)
    assert hedged["error_could_explain"].all()
    tone = table[table["code"] == "sentiment"]
    assert set(tone["feature"]) == {"sent_negative_share", "sent_positive_share"}
    assert np.allclose(tone["diff_corrected"], tone["diff"])


def test_the_interval_of_a_noisy_coder_holds_its_point(demo, tmp_path, as_framing):
    sheet = framing.coding_sheet(demo, unit="attribution", n=60, seed=5)
    coder = as_framing(sheet)
    every_other = coder.index[coder["framing_source_type"] == "person"][::2]
    coder.loc[every_other, "source_type"] = "organisation"
    table = framing.corrected_comparison(demo, _score(demo, tmp_path, coder, sheet), n_boot=300)
    row = table.set_index(["feature", "outlet"]).loc[("attr_person_share", "Northgate Dispatch")]
    assert row["diff_corrected_ci_low"] < row["diff_corrected_ci_high"]
    assert row["diff_corrected_ci_low"] <= row["diff_corrected"] <= row["diff_corrected_ci_high"]
    assert row["error_shift"] == pytest.approx(row["diff_corrected"] - row["diff"])


def _summary_items(page: str) -> list[str]:
    items = re.findall(r'<li id="finding-\d+-summary">(.*?)</li>', page, flags=re.S)
    return [re.sub(r"<[^>]+>", "", item) for item in items]


def test_the_report_marks_a_finding_the_measured_error_could_explain(demo, tmp_path, as_framing):
    sheet = framing.coding_sheet(demo, unit="attribution", n=60, seed=3)
    agreeing = _score(demo, tmp_path, as_framing(sheet), sheet, "agreeing")
    coder = as_framing(sheet)
    coder.loc[coder["framing_source_type"] == "anonymous", "source_type"] = "person"
    relabelling = _score(demo, tmp_path, coder, sheet, "relabelling")

    plain = _summary_items(framing.render_report_html(demo, max_articles=1, validation=agreeing))
    anonymous = [i for i in plain if "anonymous sources, share" in i]
    assert len(anonymous) == 1
    assert "Checked by coders (source_type, 60 units)" in anonymous[0]
    assert "beyond the measured error" in anonymous[0]
    assert not any("⚠" in item for item in plain)
    # measures the coders did not code carry no check
    assert all("Checked by coders" not in i for i in plain if "hedges per 1,000" in i)

    page = framing.render_report_html(demo, max_articles=1, validation=relabelling)
    marked = [i for i in _summary_items(page) if "⚠ within the measured error" in i]
    assert len(marked) == 1 and "anonymous sources, share" in marked[0]
    assert "the difference is 0 points" in marked[0]
    section = page[page.index('<section id="validation">') : page.index('<section id="plots">')]
    assert "Differences checked against the coders" in section
    # every outlet's anonymous-share row in the table is marked
    rows = re.findall(
        r"<tr><td class=\"l\">[^<]*</td><td class=\"l\">anonymous sources[^\n]*", section
    )
    assert len(rows) == 3 and all(row.endswith("<td>⚠</td></tr>") for row in rows)
