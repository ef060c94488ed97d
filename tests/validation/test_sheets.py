"""Coding sheets: drawn seeded and stratified, written as a workbook and CSV a coder can
fill in, read back with every problem named by its row."""

from __future__ import annotations

import pandas as pd
import pytest

import framing
from framing.errors import ArgumentError, SheetError
from framing.validation import CODES


def test_a_sheet_is_seeded_and_keeps_every_stratum(demo):
    a = framing.coding_sheet(demo, unit="attribution", n=30, seed=7)
    b = framing.coding_sheet(demo, unit="attribution", n=30, seed=7)
    c = framing.coding_sheet(demo, unit="attribution", n=30, seed=8)
    assert a.units.equals(b.units) and a.sample_id == b.sample_id
    assert a.sample_id != c.sample_id
    assert len(a.units) == 30 and a.units["unit_id"].is_unique
    # every outlet and source type framing found in the corpus is in the sample, at
    # least MIN_PER_STRATUM times (or as often as it occurs)
    spans = demo.evidence("attributions")
    found = spans.groupby(["outlet", "source_type"]).size()
    drawn = a.units.groupby(["outlet", "framing_source_type"]).size()
    for key, size in found.items():
        assert drawn.get(key, 0) >= min(size, 3), key


def test_units_carry_their_text_and_framings_labels(demo):
    sheet = framing.coding_sheet(demo, unit="attribution", n=20, seed=0)
    spans = demo.attributions.set_index(["doc_id", "start", "end"])
    texts = demo.corpus.articles.set_index("doc_id")["text"]
    for r in sheet.units.itertuples(index=False):
        doc, span = r.unit_id.rsplit("#", 1)
        start, end = map(int, span.split("-"))
        row = spans.loc[(doc, start, end)]
        if pd.isna(row["source_start"]):  # an impersonal attribution has no source
            assert "[[" not in r.text
        else:
            source = texts[doc][int(row["source_start"]) : int(row["source_end"])]
            assert f"[[{source}]]" in r.text
        assert r.framing_source_type == row["source_type"]
    sentences = framing.coding_sheet(demo, unit="sentence", n=40, seed=0).units
    by_id = demo.sentences.assign(
        unit_id=demo.sentences["doc_id"] + "#s" + demo.sentences["sentence"].astype(str)
    ).set_index("unit_id")
    for r in sentences.itertuples(index=False):
        assert r.text == by_id.at[r.unit_id, "text"]
        assert r.framing_uncertain == ("yes" if by_id.at[r.unit_id, "hedge_any"] else "no")


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_a_filled_sheet_round_trips(demo, tmp_path, suffix):
    sheet = framing.coding_sheet(demo, unit="sentence", n=25, seed=3)
    path = tmp_path / f"coder{suffix}"
    (sheet.to_excel if suffix == ".xlsx" else sheet.to_csv)(path)
    # a coder fills the code columns (here: as framing would) and saves
    blank = (
        pd.read_excel(path, dtype=str, keep_default_na=False)
        if suffix == ".xlsx"
        else pd.read_csv(path, dtype=str, keep_default_na=False)
    )
    assert (blank[list(CODES["sentence"])] == "").all().all()
    filled = blank.copy()
    for code in sheet.codes:
        filled[code] = filled[f"framing_{code}"]
    if suffix == ".xlsx":
        filled.to_excel(path, index=False)
    else:
        filled.to_csv(path, index=False)
    codes = framing.read_codes(sheet, path)
    assert codes["unit_id"].tolist() == sheet.units["unit_id"].tolist()
    for code in sheet.codes:
        assert codes[code].tolist() == sheet.units[f"framing_{code}"].tolist()


def test_the_workbook_hides_framings_labels_and_offers_the_allowed_values(demo, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    sheet = framing.coding_sheet(demo, unit="attribution", n=10, seed=0)
    book = openpyxl.load_workbook(sheet.to_excel(tmp_path / "a.xlsx"))
    ws = book.active
    header = [c.value for c in ws[1]]
    letter = {name: openpyxl.utils.get_column_letter(i + 1) for i, name in enumerate(header)}
    assert ws.column_dimensions[letter["framing_source_type"]].hidden
    assert ws.column_dimensions[letter["outlet"]].hidden
    assert not ws.column_dimensions[letter["source_type"]].hidden
    rules = ws.data_validations.dataValidation
    assert (
        len(rules) == 1
        and str(rules[0].sqref) == f"{letter['source_type']}2:{letter['source_type']}11"
    )
    assert rules[0].formula1 == '"person,organisation,anonymous,media,not an attribution"'


def _write(frame: pd.DataFrame, path) -> None:
    frame.to_csv(path, index=False)


@pytest.mark.parametrize(
    ("spoil", "message"),
    [
        (
            lambda f: f.assign(uncertain=f["uncertain"].where(f.index != 2, "")),
            "uncertain is empty in rows 4",
        ),
        (
            lambda f: f.assign(sentiment=f["sentiment"].where(f.index != 0, "angry")),
            "sentiment is 'angry' in rows 2; allowed: negative, neutral, positive",
        ),
        (
            lambda f: f.assign(unit_id=f["unit_id"].where(f.index != 5, "nope#s1")),
            r"unknown unit ids in rows 7 \('nope#s1'\)",
        ),
        (
            lambda f: f.assign(sample_id="sentence-9-abcdef123456"),
            "is from sample sentence-9-abcdef123456",
        ),
        (lambda f: f.drop(columns=["sentiment"]), "no column 'sentiment'"),
        (lambda f: f.drop(index=[1]), r"1 unit\(s\) of the sample missing"),
        (lambda f: pd.concat([f, f.iloc[[0]]]), "unit ids given twice in rows 12"),
    ],
)
def test_a_bad_sheet_is_refused_naming_the_row(demo, tmp_path, spoil, message, as_framing):
    sheet = framing.coding_sheet(demo, unit="sentence", n=10, seed=0)
    path = tmp_path / "coder_b.csv"
    _write(spoil(as_framing(sheet)), path)
    with pytest.raises(SheetError, match=message):
        framing.read_codes(sheet, path)


def test_bad_requests_are_refused(demo, tmp_path):
    with pytest.raises(ArgumentError, match="unit='paragraph'"):
        framing.coding_sheet(demo, unit="paragraph")
    with pytest.raises(ArgumentError, match="n=0"):
        framing.coding_sheet(demo, n=0)
    only = framing.analyse(framing.load_corpus(framing.DEMO_CORPUS), features=["sentiment"])
    with pytest.raises(ArgumentError, match="needs the attribution family"):
        framing.coding_sheet(only, unit="attribution")
    sheet = framing.coding_sheet(demo, n=5)
    with pytest.raises(ArgumentError, match="no such coding sheet"):
        framing.read_codes(sheet, tmp_path / "missing.xlsx")


@pytest.mark.parametrize("n", [1, 4, 7, 10, 50])
def test_a_sheet_has_n_units_where_the_analysis_has_them(demo, n):
    sheet = framing.coding_sheet(demo, unit="sentence", n=n, seed=0)
    assert len(sheet.units) == n and sheet.units["unit_id"].is_unique


@pytest.mark.parametrize("unit", ["sentence", "attribution", "article"])
def test_the_codebook_defines_every_allowed_value_with_examples(demo, tmp_path, unit):
    from framing.validation._codebook import CODEBOOK

    sheet = framing.coding_sheet(demo, unit=unit, n=5, seed=0)
    page = sheet.to_codebook(tmp_path / "codebook.html").read_text(encoding="utf-8")
    assert set(CODEBOOK[unit]) == set(sheet.codes)
    for code, allowed in sheet.codes.items():
        assert tuple(CODEBOOK[unit][code].values) == allowed
        assert f"<code>{code}</code>" in page
        for value in allowed:
            assert f"<td><code>{value}</code></td>" in page
        assert CODEBOOK[unit][code].examples
    # self-contained: no script, nothing fetched
    assert (
        "<script" not in page
        and "src=" not in page
        and "http" not in page.lower().replace("http-equiv", "")
    )
