"""Loading: the seed corpus, BASIL, and every input format and encoding framing reads."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pandas as pd
import pytest

import framing
from framing.corpus import ARTICLE_COLUMNS

SEED = "corpus/uk-officers-gaza-2025-10"
SEED_IDS = ("000_b3acba8742215c2b", "001_c94a21444263d4de", "002_66abed3701f1b670")

BRIDGE = (
    "The Wharfside bridge will reopen to traffic in March after repairs costing £4m, the "
    "county council confirmed on Tuesday.\n\n"
    "Engineers found corrosion in the steel supports during a routine inspection last spring, "
    "and the crossing has been closed since May."
)
FERRY = (
    "Ferry fares to the islands will rise by 5% in April, the operator said on Monday.\n\n"
    "Passenger groups called the increase unjustified after a year of cancellations."
)


# --------------------------------------------------------------------------- seed corpus


@pytest.fixture(scope="module")
def seed(shared_dir: Path) -> framing.Corpus:
    return framing.load_corpus(shared_dir / SEED)


def test_seed_corpus_loads_three_articles_and_skips_readme(seed: framing.Corpus) -> None:
    assert sorted(seed.articles["doc_id"]) == list(SEED_IDS)
    assert seed.errors.empty
    assert not seed.articles["origin"].str.endswith("README.md").any()


def test_seed_outlets_dates_and_language_come_from_the_manifest(seed: framing.Corpus) -> None:
    rows = seed.articles.set_index("doc_id")
    assert set(rows["outlet"]) == {"The Independent", "The National"}
    assert rows.loc[SEED_IDS[0], "outlet"] == "The Independent"
    assert rows.loc[SEED_IDS[1], "outlet"] == "The Independent"
    assert rows.loc[SEED_IDS[2], "outlet"] == "The National"
    assert rows.loc[SEED_IDS[0], "published"] == pd.Timestamp("2025-10-21")
    assert pd.isna(rows.loc[SEED_IDS[2], "published"])  # empty in the manifest
    assert set(rows["language"]) == {"en"}
    assert set(rows["encoding"]) == {"utf-8"}


def test_corpus_articles_have_the_documented_columns_in_order(seed: framing.Corpus) -> None:
    assert tuple(seed.articles.columns) == ARTICLE_COLUMNS


# --------------------------------------------------------------------------- BASIL


@pytest.fixture(scope="module")
def basil_dir(shared_dir: Path) -> Path:
    return shared_dir / "corpus/basil/articles"


@pytest.fixture(scope="module")
def basil(basil_dir: Path) -> framing.Corpus:
    return framing.load_corpus(
        basil_dir,
        text="body-paragraphs",
        outlet="source",
        story="triplet-uuid",
        published="date",
        title="title",
    )


def test_basil_loads_300_articles_about_100_stories(basil: framing.Corpus) -> None:
    assert len(basil.articles) == 300
    assert basil.errors.empty
    assert basil.articles["story"].nunique() == 100
    assert basil.articles["published"].notna().all()


def test_basil_outlet_spellings_merge_into_three_outlets(basil: framing.Corpus) -> None:
    assert set(basil.articles["outlet_raw"]) == {"nyt", "NYT", "fox", "FOX", "hpo", "HPO"}
    assert basil.articles["outlet"].value_counts().to_dict() == {
        "The New York Times": 100,
        "Fox News": 100,
        "HuffPost": 100,
    }


def test_basil_each_story_has_one_article_from_each_outlet(basil: framing.Corpus) -> None:
    per_story = basil.articles.groupby("story").agg(
        articles=("doc_id", "size"), outlets=("outlet", "nunique")
    )
    assert (per_story["articles"] == 3).all()
    assert (per_story["outlets"] == 3).all()


def test_basil_sentences_join_by_space_and_paragraphs_by_blank_line(
    basil: framing.Corpus, basil_dir: Path
) -> None:
    assert basil.articles["text"].str.contains("\n\n").all()
    for row in basil.articles.itertuples():
        data = json.loads((basil_dir / f"{row.doc_id}.json").read_text("utf-8"))
        paragraphs = [" ".join(s.strip() for s in p if s.strip()) for p in data["body-paragraphs"]]
        expected = "\n\n".join(p for p in paragraphs if p)
        assert row.text == unicodedata.normalize("NFC", expected), row.doc_id


# --------------------------------------------------------------------------- tables


def test_csv_columns_map_by_keyword_and_rows_keep_their_origin(tmp_path: Path) -> None:
    table = tmp_path / "articles.csv"
    pd.DataFrame(
        {
            "id": ["bridge", "ferry"],
            "body": [BRIDGE, FERRY],
            "publication": ["Harbour Herald", "Daily Post"],
            "date": ["2025-03-04", "2025-03-05"],
        }
    ).to_csv(table, index=False)
    corpus = framing.load_corpus(table, text="body", outlet="publication")
    rows = corpus.articles.set_index("doc_id")
    assert list(rows.index) == ["bridge", "ferry"]
    assert rows.loc["bridge", "text"] == BRIDGE
    assert rows.loc["ferry", "outlet"] == "Daily Post"
    assert rows.loc["ferry", "published"] == pd.Timestamp("2025-03-05")  # default name "date"
    assert rows.loc["ferry", "origin"] == f"{table} row 2"


def test_tsv_uses_default_column_names(tmp_path: Path) -> None:
    table = tmp_path / "articles.tsv"
    pd.DataFrame(
        {
            "doc_id": ["b"],
            "text": [BRIDGE],
            "outlet": ["Harbour Herald"],
            "headline": ["Bridge to reopen"],
        }
    ).to_csv(table, index=False, sep="\t")
    corpus = framing.load_corpus(table)
    assert corpus.articles[["doc_id", "outlet", "title", "text"]].to_dict("records") == [
        {"doc_id": "b", "outlet": "Harbour Herald", "title": "Bridge to reopen", "text": BRIDGE}
    ]


def test_jsonl_bad_line_becomes_one_error_row_and_other_lines_load(tmp_path: Path) -> None:
    table = tmp_path / "articles.jsonl"
    table.write_text(
        "\n".join(
            [
                json.dumps({"id": "bridge", "text": BRIDGE, "meta": {"outlet": "Harbour Herald"}}),
                '{"id": "broken", "text": "The council said',
                json.dumps({"id": "ferry", "text": FERRY, "meta": {"outlet": "Daily Post"}}),
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    corpus = framing.load_corpus(table, outlet="meta.outlet")
    assert corpus.articles[["doc_id", "outlet"]].to_dict("records") == [
        {"doc_id": "bridge", "outlet": "Harbour Herald"},
        {"doc_id": "ferry", "outlet": "Daily Post"},
    ]
    assert corpus.errors[["doc_id", "origin", "stage"]].to_dict("records") == [
        {"doc_id": "line2", "origin": f"{table} line 2", "stage": "load"}
    ]
    assert corpus.errors["reason"].iloc[0].startswith("not valid JSON")


def test_parquet_list_column_becomes_paragraphs(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    table = tmp_path / "articles.parquet"
    pd.DataFrame(
        {
            "doc_id": ["ferry"],
            "paragraphs": [["Ferry fares will rise by 5% in April.", "Passengers were angry."]],
            "outlet": ["Daily Post"],
        }
    ).to_parquet(table)
    corpus = framing.load_corpus(table, text="paragraphs")
    assert corpus.articles["text"].tolist() == [
        "Ferry fares will rise by 5% in April.\n\nPassengers were angry."
    ]
    assert corpus.articles["origin"].tolist() == [f"{table} row 1"]


def test_dataframe_index_gives_doc_ids_when_there_is_no_id_column() -> None:
    frame = pd.DataFrame(
        {"content": [BRIDGE, FERRY], "publisher": ["Harbour Herald", "Daily Post"]},
        index=["hh-1", "dp-7"],
    )
    corpus = framing.load_corpus(frame)
    assert corpus.source == "DataFrame"
    assert corpus.articles[["doc_id", "outlet", "origin"]].to_dict("records") == [
        {"doc_id": "hh-1", "outlet": "Harbour Herald", "origin": "DataFrame row 1"},
        {"doc_id": "dp-7", "outlet": "Daily Post", "origin": "DataFrame row 2"},
    ]


def test_dataframe_with_default_index_numbers_its_rows_from_zero() -> None:
    frame = pd.DataFrame({"text": [BRIDGE, FERRY], "outlet": ["Harbour Herald", "Daily Post"]})
    assert framing.load_corpus(frame).articles["doc_id"].tolist() == ["0", "1"]


# --------------------------------------------------------------------------- article files


def test_json_files_in_nested_folders_load_with_dotted_keys(write_corpus) -> None:
    folder = write_corpus(
        {
            "2024/jan/bridge.json": json.dumps(
                {
                    "content": {"body": ["The bridge will reopen in March.", "Repairs cost £4m."]},
                    "meta": {"outlet": "fox"},
                }
            ),
            "2024/ferry.json": json.dumps(
                {
                    "content": {
                        "body": [
                            ["Fares will rise.", "The operator said so."],
                            ["Groups objected."],
                        ]
                    },
                    "meta": {"outlet": "NYT"},
                }
            ),
        }
    )
    corpus = framing.load_corpus(folder, text="content.body", outlet="meta.outlet")
    assert corpus.errors.empty
    assert corpus.articles[["doc_id", "outlet", "text"]].to_dict("records") == [
        {
            "doc_id": "2024/ferry",
            "outlet": "The New York Times",
            "text": "Fares will rise. The operator said so.\n\nGroups objected.",
        },
        {
            "doc_id": "2024/jan/bridge",
            "outlet": "Fox News",
            "text": "The bridge will reopen in March.\n\nRepairs cost £4m.",
        },
    ]


def test_single_json_file_loads_as_one_article(tmp_path: Path) -> None:
    path = tmp_path / "bridge.json"
    path.write_text(json.dumps({"text": BRIDGE, "outlet": "Harbour Herald"}), encoding="utf-8")
    corpus = framing.load_corpus(path)
    assert corpus.articles[["doc_id", "outlet", "text"]].to_dict("records") == [
        {"doc_id": "bridge", "outlet": "Harbour Herald", "text": BRIDGE}
    ]


def test_json_file_with_a_manifest_row_loads(write_corpus) -> None:
    folder = write_corpus(
        {"bridge.json": json.dumps({"text": BRIDGE}), "ferry.txt": FERRY},
        manifest=[
            {"file": "bridge.json", "outlet": "Harbour Herald"},
            {"file": "ferry.txt", "outlet": "Daily Post"},
        ],
    )
    corpus = framing.load_corpus(folder)
    assert corpus.errors.empty
    assert sorted(corpus.articles["doc_id"]) == ["bridge", "ferry"]


def test_single_txt_file_takes_its_metadata_from_manifest_argument(tmp_path: Path) -> None:
    path = tmp_path / "bridge.txt"
    path.write_text(BRIDGE, encoding="utf-8")
    manifest = tmp_path / "meta.csv"
    manifest.write_text("file,outlet\nbridge.txt,Harbour Herald\n", encoding="utf-8")
    corpus = framing.load_corpus(path, manifest=manifest)
    assert corpus.articles[["doc_id", "outlet", "text"]].to_dict("records") == [
        {"doc_id": "bridge", "outlet": "Harbour Herald", "text": BRIDGE}
    ]


HTML_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Bridge to reopen in March after £4m repairs | Harbour Herald</title>
<meta property="og:title" content="Bridge to reopen in March after £4m repairs">
<meta property="og:site_name" content="Harbour Herald">
<meta property="article:published_time" content="2025-03-04T09:00:00Z">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/subscribe">Subscribe for £1</a></li></ul></nav>
<main><article>
<h1>Bridge to reopen in March after £4m repairs</h1>
<p class="byline">By Jane Doe</p>
<p>The Wharfside bridge will reopen to traffic in March after repairs costing £4m, the county
council confirmed on Tuesday.</p>
<p>Engineers found corrosion in the steel supports during a routine inspection last spring,
and the crossing has been closed since May.</p>
<p>“We know how much disruption this has caused,” said council leader Amira Patel. “The work
was essential to keep the bridge safe for decades.”</p>
<p>Local businesses said the closure had cut their trade by up to a third over the summer.</p>
</article></main>
<aside><h3>Most popular</h3><ul><li><a href="/a">Council tax to rise by 5%</a></li>
<li><a href="/b">Ferry strike called off</a></li></ul></aside>
<footer><p>Cookie settings</p><p>Contact us | Privacy policy | Terms of use</p>
<p>© 2025 Harbour Herald Media Ltd</p></footer>
</body></html>
"""


def test_html_page_yields_article_paragraphs_without_page_furniture(tmp_path: Path) -> None:
    pytest.importorskip("trafilatura")
    page = tmp_path / "bridge.html"
    page.write_text(HTML_PAGE, encoding="utf-8")
    corpus = framing.load_corpus(page)
    assert corpus.errors.empty
    article = corpus.articles.iloc[0]
    assert article["title"] == "Bridge to reopen in March after £4m repairs"
    assert article["outlet"] == "Harbour Herald"
    assert article["published"] == pd.Timestamp("2025-03-04")
    assert article["text"].startswith("The Wharfside bridge will reopen")  # headline is metadata
    for sentence in (
        "Engineers found corrosion in the steel supports",
        "“We know how much disruption this has caused,” said council leader",
        "cut their trade by up to a third over the summer.",
    ):
        assert sentence in article["text"]
    for junk in (
        "Home",
        "Sport",
        "Subscribe for £1",
        "Most popular",
        "Council tax to rise",
        "Cookie settings",
        "Privacy policy",
        "Harbour Herald Media Ltd",
        "By Jane Doe",
    ):
        assert junk not in article["text"]
    assert "text extracted from HTML by trafilatura" in article["notes"]


# --------------------------------------------------------------------------- encodings

CAFE = "The café’s owner said “we will reopen” on Monday, and the council agreed."
ORLEANS = "The café owner in Orléans said the façade would be repaired by Monday."


@pytest.mark.parametrize(
    ("data", "text", "encoding", "note"),
    [
        pytest.param(CAFE.encode("utf-8"), CAFE, "utf-8", "", id="utf-8"),
        pytest.param(b"\xef\xbb\xbf" + CAFE.encode("utf-8"), CAFE, "utf-8-sig", "", id="utf-8-bom"),
        pytest.param(CAFE.encode("cp1252"), CAFE, "cp1252", "decoded as cp1252", id="cp1252"),
        # latin-1 bytes are read as cp1252, which agrees with latin-1 on printable bytes
        pytest.param(
            ORLEANS.encode("latin-1"), ORLEANS, "cp1252", "decoded as cp1252", id="latin-1"
        ),
        pytest.param(CAFE.encode("utf-16"), CAFE, "utf-16", "decoded as utf-16", id="utf-16-bom"),
    ],
)
def test_article_file_encoding_is_detected_and_recorded(
    write_corpus, data: bytes, text: str, encoding: str, note: str
) -> None:
    folder = write_corpus({"cafe.txt": data}, manifest=[{"file": "cafe.txt", "outlet": "X"}])
    article = framing.load_corpus(folder).articles.iloc[0]
    assert article["text"] == text
    assert "\ufeff" not in article["raw_text"]
    assert article["encoding"] == encoding
    assert article["notes"] == note


def test_encoding_argument_overrides_detection(write_corpus) -> None:
    folder = write_corpus(
        {"cafe.txt": ORLEANS.encode("latin-1")}, manifest=[{"file": "cafe.txt", "outlet": "X"}]
    )
    article = framing.load_corpus(folder, encoding="latin-1").articles.iloc[0]
    assert (article["text"], article["encoding"], article["notes"]) == (
        ORLEANS,
        "latin-1",
        "decoded as latin-1",
    )


def test_cp1252_csv_rows_record_their_encoding(tmp_path: Path) -> None:
    table = tmp_path / "articles.csv"
    pd.DataFrame({"text": [CAFE], "outlet": ["X"]}).to_csv(table, index=False, encoding="cp1252")
    article = framing.load_corpus(table).articles.iloc[0]
    assert article["text"] == CAFE  # decoded right
    assert article["encoding"] == "cp1252"
    assert "decoded as cp1252" in article["notes"]


def test_published_value_that_is_not_a_date_is_left_empty_with_a_note() -> None:
    frame = pd.DataFrame({"text": [BRIDGE], "outlet": ["X"], "published": ["last Tuesday"]})
    article = framing.load_corpus(frame).articles.iloc[0]
    assert pd.isna(article["published"])
    assert article["notes"] == "published 'last Tuesday' is not a date; left empty"
