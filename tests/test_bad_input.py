"""Bad input: each bad article becomes one row in ``.errors`` and the run goes on.

Two invariants hold throughout: every input (file, manifest row, table row) is either an
article or an error row of the corpus, and ``analyse`` keeps every corpus article as an
analysed article or an error row.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pandas as pd
import pytest

import framing

HERALD = """\
The Wharfside bridge will reopen to traffic in March after repairs costing £4m, the county \
council confirmed on Tuesday.

Engineers found corrosion in the steel supports during a routine inspection last spring, and \
the crossing has been closed since May.

"We know how much disruption this has caused," said council leader Amira Patel."""

POST = """\
Ferry fares to the islands will rise by 5% in April, the operator said on Monday.

Passenger groups called the increase unjustified after a year of cancellations and delays, \
and said they would ask the transport minister to intervene."""

NO_PUNCTUATION = """\
Harbour workers walk out over pay in the first strike at the port for a decade

Union leaders say the dispute could last into the summer unless the port authority returns to \
talks

Ferry services to the islands were cancelled on Monday and freight was diverted to Southampton"""

FRENCH = (
    "Le conseil municipal a confirmé mardi que le pont de Wharfside rouvrira à la circulation "
    "en mars, après des travaux de réparation d'un coût de quatre millions de livres. Les "
    "ingénieurs ont découvert de la corrosion dans les supports en acier lors d'une inspection "
    "de routine au printemps dernier, et le passage est fermé depuis le mois de mai. Les "
    "commerçants du quartier affirment que la fermeture a réduit leur chiffre d'affaires d'un "
    "tiers pendant l'été."
)
GERMAN = (
    "Der Stadtrat hat am Dienstag bestätigt, dass die Brücke im März wieder für den Verkehr "
    "geöffnet wird, nachdem Reparaturen im Wert von vier Millionen Pfund abgeschlossen sind. "
    "Ingenieure hatten bei einer routinemäßigen Inspektion im vergangenen Frühjahr Korrosion an "
    "den Stahlträgern entdeckt, und die Brücke ist seit Mai gesperrt. Die örtlichen Geschäfte "
    "sagen, dass die Schließung ihren Umsatz im Sommer um bis zu ein Drittel verringert hat."
)
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00"
    b"\x00\x1f\xf3\xffa\x00\x00\x00\x04gAMA\x00\x00\xb1\x8f\x0b\xfca\x05"
)
# 0x81, 0x8d, 0x8f, 0x90 and 0x9d are undefined in cp1252 and invalid starts in UTF-8.
UNDECODABLE = b"The council said \x81\x8d\x8f\x90\x9d the port would reopen on Monday."


def _long_article(n_chars: int) -> str:
    """English paragraphs of two sentences each, numbered so that none repeats."""
    paragraphs: list[str] = []
    size = 0
    while size < n_chars:
        i = len(paragraphs)
        paragraphs.append(
            f"On day {i} of the ferry inquiry, witness {i} told the panel that the records for "
            f"week {i % 52} had been checked twice. The chair said item {i * 7} would be "
            "published later."
        )
        size += len(paragraphs[-1]) + 2
    return "\n\n".join(paragraphs)


def _huge_article() -> str:
    line = (
        "Entry {i} of the harbour ledger records that vessel {i} docked at berth {b} and paid "
        "dues of {d} pounds."
    )
    return "\n\n".join(line.format(i=i, b=i % 40, d=i * 3) for i in range(52_000))


GOOD_FILES = {"herald.txt": HERALD, "post.txt": POST}
GOOD_ROWS = [
    {"file": "herald.txt", "outlet": "Harbour Herald", "language": "en"},
    {"file": "post.txt", "outlet": "Daily Post"},
]


def _assert_every_input_accounted_for(
    corpus: framing.Corpus, analysis: framing.Analysis, inputs: int
) -> None:
    assert len(corpus.articles) + len(corpus.errors) == inputs
    assert len(analysis.articles) + len(analysis.errors) == inputs


# --------------------------------------------------------------------------- load stage


@pytest.mark.parametrize(
    ("files", "rows", "doc_id", "words"),
    [
        pytest.param(
            {"empty.txt": b""},
            [{"file": "empty.txt", "outlet": "Daily Post"}],
            "empty",
            ["empty file (0 bytes)"],
            id="empty-file",
        ),
        pytest.param(
            {"blank.txt": " \n\n\t  \n"},
            [{"file": "blank.txt", "outlet": "Daily Post"}],
            "blank",
            ["whitespace-only file"],
            id="whitespace-only",
        ),
        pytest.param(
            {"photo.txt": PNG},
            [{"file": "photo.txt", "outlet": "Daily Post"}],
            "photo",
            ["looks like a binary file", "NUL byte at offset 8"],
            id="binary",
        ),
        pytest.param(
            {"garbled.txt": UNDECODABLE},
            [{"file": "garbled.txt", "outlet": "Daily Post"}],
            "garbled",
            ["undecodable bytes", "not UTF-8", "not cp1252", "byte 0x81", "encoding="],
            id="undecodable",
        ),
        pytest.param(
            {},
            [{"file": "missing.txt", "outlet": "Daily Post"}],
            "missing",
            [
                "manifest.csv line 4 names missing.txt, which is not in",
                "add the file or remove the row",
            ],
            id="row-without-file",
        ),
        pytest.param(
            {"stray.txt": "The harbour master resigned on Friday."},
            [],
            "stray",
            ["stray.txt has no row in manifest.csv"],
            id="file-without-row",
        ),
        pytest.param(
            {
                "dup-a.txt": "The harbour master resigned on Friday.",
                "dup-b.txt": "The harbour master resigned on Friday after a row.",
            },
            [
                {"file": "dup-a.txt", "outlet": "Daily Post", "doc_id": "wharf"},
                {"file": "dup-b.txt", "outlet": "Daily Post", "doc_id": "wharf"},
            ],
            "wharf",
            ["duplicate doc_id 'wharf'", "dup-a.txt", "must be unique"],
            id="duplicate-id",
        ),
    ],
)
def test_bad_file_becomes_one_error_row_and_the_good_articles_load(
    write_corpus, files: dict, rows: list, doc_id: str, words: list[str]
) -> None:
    folder = write_corpus({**GOOD_FILES, **files}, manifest=[*GOOD_ROWS, *rows])
    inputs = len({*GOOD_FILES, *files, *(r["file"] for r in rows)})
    corpus = framing.load_corpus(folder)
    analysis = framing.analyse(corpus)

    assert corpus.errors[["doc_id", "stage"]].values.tolist() == [[doc_id, "load"]]
    reason = corpus.errors["reason"].iloc[0]
    for word in words:
        assert word in reason
    assert {"herald", "post"} <= set(analysis.articles["doc_id"])
    assert len(corpus.articles) == inputs - 1
    _assert_every_input_accounted_for(corpus, analysis, inputs)


def test_duplicate_ids_in_a_csv_keep_the_first_row_and_report_the_second(tmp_path: Path) -> None:
    table = tmp_path / "articles.csv"
    pd.DataFrame(
        {
            "id": ["bridge", "ferry", "bridge"],
            "text": [HERALD, POST, "The harbour master resigned on Friday."],
            "outlet": ["Harbour Herald", "Daily Post", "Harbour Herald"],
        }
    ).to_csv(table, index=False)
    corpus = framing.load_corpus(table)
    analysis = framing.analyse(corpus)
    assert corpus.articles["doc_id"].tolist() == ["bridge", "ferry"]
    assert corpus.articles["text"].iloc[0] == HERALD
    assert corpus.errors[["doc_id", "origin", "stage"]].values.tolist() == [
        ["bridge", f"{table} row 3", "load"]
    ]
    assert (
        corpus.errors["reason"]
        .iloc[0]
        .startswith(f"duplicate doc_id 'bridge' (first used by {table} row 1)")
    )
    _assert_every_input_accounted_for(corpus, analysis, 3)


def test_folder_where_every_article_fails_returns_only_error_rows(write_corpus) -> None:
    folder = write_corpus(
        {"empty.txt": b"", "photo.txt": PNG},
        manifest=[
            {"file": "empty.txt", "outlet": "Daily Post"},
            {"file": "photo.txt", "outlet": "Daily Post"},
        ],
    )
    corpus = framing.load_corpus(folder)
    assert corpus.articles.empty
    assert sorted(corpus.errors["doc_id"]) == ["empty", "photo"]


# --------------------------------------------------------------------------- analyse stage


@pytest.mark.parametrize(
    ("name", "content", "language", "stage", "words"),
    [
        pytest.param(
            "french.txt",
            FRENCH,
            "",
            "language",
            ["does not look English", "Set language='en' in the manifest"],
            id="french-language-unset",
        ),
        pytest.param(
            "german.txt",
            GERMAN,
            "de",
            "language",
            ["language is 'de'", "are for English"],
            id="german-declared",
        ),
        pytest.param(
            "huge.txt",
            _huge_article(),
            "en",
            "analyse",
            ["over max_chars=1,000,000", "pass max_chars=None"],
            id="5MB",
        ),
    ],
)
def test_article_that_analyse_refuses_becomes_one_error_row(
    write_corpus, name: str, content: str, language: str, stage: str, words: list[str]
) -> None:
    folder = write_corpus(
        {**GOOD_FILES, name: content},
        manifest=[*GOOD_ROWS, {"file": name, "outlet": "Daily Post", "language": language}],
    )
    corpus = framing.load_corpus(folder)
    analysis = framing.analyse(corpus)
    doc_id = name.removesuffix(".txt")

    assert corpus.errors.empty  # loading is fine; analysing is not
    assert sorted(analysis.articles["doc_id"]) == ["herald", "post"]
    assert analysis.errors[["doc_id", "stage"]].values.tolist() == [[doc_id, stage]]
    reason = analysis.errors["reason"].iloc[0]
    for word in words:
        assert word in reason
    _assert_every_input_accounted_for(corpus, analysis, 3)


def test_huge_article_reason_gives_its_length() -> None:
    text = _huge_article()
    assert len(text) > 5_000_000
    corpus = framing.load_corpus(
        pd.DataFrame({"text": [text], "outlet": ["Daily Post"]}), version_threshold=None
    )
    reason = framing.analyse(corpus).errors["reason"].iloc[0]
    assert reason.startswith(f"the article is {len(corpus.articles['text'].iloc[0]):,} characters")


def test_article_without_sentence_punctuation_is_one_sentence_per_paragraph(
    write_corpus,
) -> None:
    folder = write_corpus(
        {**GOOD_FILES, "nopunct.txt": NO_PUNCTUATION},
        manifest=[*GOOD_ROWS, {"file": "nopunct.txt", "outlet": "Daily Post"}],
    )
    analysis = framing.analyse(framing.load_corpus(folder))
    assert analysis.errors.empty
    row = analysis.articles.set_index("doc_id").loc["nopunct"]
    assert (row["n_paragraphs"], row["n_sentences"]) == (3, 3)
    sentences = analysis.sentences[analysis.sentences["doc_id"] == "nopunct"]["text"].tolist()
    assert sentences == [" ".join(p.split()) for p in NO_PUNCTUATION.split("\n\n")]


def test_article_of_200_kb_is_analysed_whole() -> None:
    text = _long_article(200_000)
    n_paragraphs = text.count("\n\n") + 1
    corpus = framing.load_corpus(pd.DataFrame({"text": [text], "outlet": ["Daily Post"]}))
    analysis = framing.analyse(corpus)
    assert analysis.errors.empty
    row = analysis.articles.iloc[0]
    assert (row["n_paragraphs"], row["n_sentences"]) == (n_paragraphs, 2 * n_paragraphs)


# --------------------------------------------------------------------------- one mixed folder

MIXED_ANALYSED = ["herald", "long", "nopunct", "post", "wharf"]
MIXED_ERRORS = {
    "empty": ("load", ["empty file (0 bytes)"]),
    "blank": ("load", ["whitespace-only file"]),
    "photo": ("load", ["looks like a binary file"]),
    "garbled": ("load", ["undecodable bytes"]),
    "missing": ("load", ["names missing.txt, which is not in"]),
    "stray": ("load", ["stray.txt has no row in manifest.csv"]),
    "wharf": ("load", ["duplicate doc_id 'wharf'"]),
    "huge": ("analyse", ["max_chars=1,000,000", "max_chars=None"]),
    "french": ("language", ["does not look English"]),
    "german": ("language", ["language is 'de'"]),
}


@pytest.fixture(scope="module")
def mixed(write_corpus) -> tuple[framing.Corpus, framing.Analysis]:
    files = {
        **GOOD_FILES,
        "empty.txt": b"",
        "blank.txt": "\n   \n\t\n",
        "photo.txt": PNG,
        "garbled.txt": UNDECODABLE,
        "stray.txt": "The harbour master resigned on Friday.",
        "dup-a.txt": "The harbour master resigned on Friday.",
        "dup-b.txt": "The harbour master resigned on Friday after a row with the council.",
        "nopunct.txt": NO_PUNCTUATION,
        "long.txt": _long_article(200_000),
        "huge.txt": _huge_article(),
        "french.txt": FRENCH,
        "german.txt": GERMAN,
    }
    rows = [*GOOD_ROWS, {"file": "missing.txt", "outlet": "Daily Post"}]
    rows += [
        {"file": name, "outlet": "Daily Post"}
        for name in (
            "empty.txt",
            "blank.txt",
            "photo.txt",
            "garbled.txt",
            "nopunct.txt",
            "long.txt",
            "huge.txt",
            "french.txt",
        )
    ]
    rows += [
        {"file": "german.txt", "outlet": "Daily Post", "language": "de"},
        {"file": "dup-a.txt", "outlet": "Daily Post", "doc_id": "wharf"},
        {"file": "dup-b.txt", "outlet": "Daily Post", "doc_id": "wharf"},
    ]
    corpus = framing.load_corpus(write_corpus(files, manifest=rows))
    return corpus, framing.analyse(corpus)


def test_mixed_folder_accounts_for_every_file_and_manifest_row(mixed) -> None:
    corpus, analysis = mixed
    # 14 files plus one manifest row naming a file that is not there
    assert (len(corpus.articles), len(corpus.errors)) == (8, 7)
    assert (len(analysis.articles), len(analysis.errors)) == (5, 10)
    _assert_every_input_accounted_for(corpus, analysis, 15)


def test_mixed_folder_analyses_every_good_article(mixed) -> None:
    _, analysis = mixed
    assert sorted(analysis.articles["doc_id"]) == MIXED_ANALYSED
    assert analysis.articles["n_sentences"].gt(0).all()


@pytest.mark.parametrize("doc_id", sorted(MIXED_ERRORS))
def test_mixed_folder_bad_article_has_exactly_one_error_row(mixed, doc_id: str) -> None:
    _, analysis = mixed
    stage, words = MIXED_ERRORS[doc_id]
    rows = analysis.errors[analysis.errors["doc_id"] == doc_id]
    assert rows["stage"].tolist() == [stage]
    for word in words:
        assert word in rows["reason"].iloc[0]


# --------------------------------------------------------------------------- corpus level


def test_missing_folder_raises_corpus_not_found_naming_the_path(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-articles"
    with pytest.raises(framing.CorpusNotFoundError) as raised:
        framing.load_corpus(missing)
    assert isinstance(raised.value, FileNotFoundError)
    assert str(raised.value).startswith(f"{missing} does not exist")


@pytest.fixture
def sources(tmp_path: Path, write_corpus) -> dict[str, Path]:
    table = tmp_path / "articles.csv"
    pd.DataFrame({"id": ["a"], "text": [HERALD], "outlet": ["Harbour Herald"]}).to_csv(
        table, index=False
    )
    return {
        "csv": table,
        "manifest": write_corpus(GOOD_FILES, manifest=GOOD_ROWS),
        "json": write_corpus({"a.json": json.dumps({"text": HERALD, "outlet": "Harbour Herald"})}),
    }


@pytest.mark.parametrize(
    ("source", "available"),
    [
        ("csv", "'id', 'text', 'outlet'"),
        ("manifest", "'file', 'outlet', 'language'"),
        ("json", "'outlet', 'text'"),
    ],
)
def test_unknown_column_raises_column_error_listing_the_columns(
    sources: dict[str, Path], source: str, available: str
) -> None:
    with pytest.raises(framing.ColumnError) as raised:
        framing.load_corpus(sources[source], outlet="publication")
    assert isinstance(raised.value, ValueError)
    message = str(raised.value)
    assert "'publication'" in message
    assert available in message


HTML_PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Bridge to reopen</title><meta property="og:site_name" content="Harbour Herald"></head>
<body><article><h1>Bridge to reopen</h1>
<p>The Wharfside bridge will reopen to traffic in March after repairs costing four million
pounds, the county council confirmed on Tuesday.</p>
<p>Engineers found corrosion in the steel supports during a routine inspection last spring,
and the crossing has been closed since May.</p></article></body></html>
"""


def test_unknown_column_for_a_folder_without_manifest_raises_column_error(write_corpus) -> None:
    pytest.importorskip("trafilatura")
    folder = write_corpus({"bridge.html": HTML_PAGE})
    with pytest.raises(framing.ColumnError, match="'publication'"):
        framing.load_corpus(folder, outlet="publication")


def test_unknown_field_name_raises_corpus_error_listing_the_fields(
    sources: dict[str, Path],
) -> None:
    with pytest.raises(framing.CorpusError) as raised:
        framing.load_corpus(sources["csv"], txt="body")
    assert str(raised.value).startswith(
        "unknown field 'txt'; the fields are doc_id, text, outlet, published"
    )


def test_manifest_without_file_column_raises_column_error(write_corpus) -> None:
    folder = write_corpus(
        GOOD_FILES,
        manifest=[
            {"filename": "herald.txt", "outlet": "Harbour Herald"},
            {"filename": "post.txt", "outlet": "Daily Post"},
        ],
    )
    with pytest.raises(framing.ColumnError) as raised:
        framing.load_corpus(folder)
    assert str(raised.value) == (
        f"{folder / 'manifest.csv'}: no 'file' column; a manifest needs a file column naming "
        "each article file (its columns are 'filename', 'outlet')"
    )
    # and naming the column fixes it
    assert sorted(framing.load_corpus(folder, file="filename").articles["doc_id"]) == [
        "herald",
        "post",
    ]


# --------------------------------------------------------------------------- tables and JSON


def test_lone_surrogates_are_replaced_with_a_note(tmp_path):
    # "\ud800" is legal as a JSON escape but is half of a UTF-16 pair, not a character
    lines = [
        json.dumps(
            {
                "id": "bridge",
                "text": HERALD[:120] + "\ud800 " + HERALD[120:],
                "outlet": "Harbour Herald",
                "title": "Bridge \udc80 reopens",
            }
        ),
        json.dumps({"id": "ferry", "text": POST, "outlet": "Daily Post"}),
    ]
    source = tmp_path / "articles.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    corpus = framing.load_corpus(source)
    analysis = framing.analyse(corpus, n_jobs=1)
    _assert_every_input_accounted_for(corpus, analysis, 2)
    rows = corpus.articles.set_index("doc_id")
    assert rows.loc["bridge", "notes"] == (
        "2 lone surrogates (half of a UTF-16 pair, not a character) replaced by U+FFFD"
    )
    assert rows.loc["bridge", "text"][120] == "\ufffd"
    assert rows.loc["bridge", "title"] == "Bridge \ufffd reopens"
    assert rows.loc["ferry", "notes"] == ""
    assert len(analysis.sentences) > 0


def test_lone_surrogates_in_a_dataframe_of_objects_are_replaced(tmp_path):
    frame = pd.DataFrame(
        {"text": pd.Series([POST + "\udc80"], dtype=object), "outlet": ["Daily Post"]}
    )
    corpus = framing.load_corpus(frame)
    analysis = framing.analyse(corpus, n_jobs=1)
    _assert_every_input_accounted_for(corpus, analysis, 1)
    assert corpus.articles["text"].iloc[0].endswith("\ufffd")
    assert "1 lone surrogate " in corpus.articles["notes"].iloc[0]


def test_json_nested_too_deeply_is_an_error_row(tmp_path):
    deep = "[" * 20_000 + "]" * 20_000
    source = tmp_path / "articles.jsonl"
    source.write_text(
        json.dumps({"id": "ferry", "text": POST, "outlet": "Daily Post"})
        + '\n{"id": "deep", "text": "A sentence.", "outlet": "Daily Post", "x": '
        + deep
        + "}\n",
        encoding="utf-8",
    )
    corpus = framing.load_corpus(source)
    analysis = framing.analyse(corpus, n_jobs=1)
    _assert_every_input_accounted_for(corpus, analysis, 2)
    assert corpus.errors["origin"].tolist() == [f"{source} line 2"]
    assert corpus.errors["reason"].iloc[0].startswith("JSON nested too deeply to read")

    folder = tmp_path / "files"
    folder.mkdir()
    (folder / "ferry.json").write_text(
        json.dumps({"text": POST, "outlet": "Daily Post"}), encoding="utf-8"
    )
    (folder / "deep.json").write_text('{"text": "A.", "outlet": "P", "x": ' + deep + "}")
    corpus = framing.load_corpus(folder)
    assert corpus.articles["doc_id"].tolist() == ["ferry"]
    assert corpus.errors[["doc_id", "reason"]].to_dict("records") == [
        {"doc_id": "deep", "reason": corpus.errors["reason"].iloc[0]}
    ]
    assert "nested too deeply" in corpus.errors["reason"].iloc[0]


def test_a_text_that_is_a_number_or_has_no_letters_is_an_error_row():
    frame = pd.DataFrame(
        {
            "id": ["ok", "int", "float", "digits"],
            "text": pd.Series([POST, 12345, 3.5, "2024 - 17 / 33"], dtype=object),
            "outlet": ["Daily Post"] * 4,
        }
    )
    corpus = framing.load_corpus(frame)
    analysis = framing.analyse(corpus, n_jobs=1)
    _assert_every_input_accounted_for(corpus, analysis, 4)
    assert corpus.articles["doc_id"].tolist() == ["ok"]
    reasons = dict(zip(corpus.errors["doc_id"], corpus.errors["reason"], strict=True))
    assert reasons["int"].startswith("the text is a number (12345), not an article")
    assert reasons["float"].startswith("the text is a number (3.5)")
    assert reasons["digits"].startswith("the text has no letters ('2024 - 17 / 33')")
    assert all("text=" in r for r in reasons.values())


def _csv(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8", newline="")
    return path


def _q(text: str) -> str:
    """A CSV field, quoted: its quotation marks doubled."""
    return '"' + text.replace('"', '""') + '"'


def test_a_csv_row_with_more_fields_than_the_header_is_an_error_row_naming_its_line(tmp_path):
    # an unquoted comma in line 3 would shift 'Daily Post' into a column of its own
    source = _csv(
        tmp_path / "t.csv",
        f"id,text,outlet\nbridge,{_q(HERALD)},Harbour Herald\n"
        f"ferry,Fares rise, said the operator on Monday.,Daily Post\n"
        f"storm,{_q(POST)},Daily Post\n",
    )
    corpus = framing.load_corpus(source)
    analysis = framing.analyse(corpus, n_jobs=1)
    _assert_every_input_accounted_for(corpus, analysis, 3)
    assert corpus.articles["doc_id"].tolist() == ["bridge", "storm"]
    assert corpus.articles["outlet"].tolist() == ["Harbour Herald", "Daily Post"]
    line = HERALD.count("\n") + 3  # the header, the quoted multi-line article, then ferry
    assert corpus.errors["origin"].tolist() == [f"{source} line {line}"]
    assert corpus.errors["reason"].iloc[0].startswith("4 fields where the header has 3")


def test_every_row_one_field_longer_is_never_read_shifted(tmp_path):
    # pandas would take the first column as the index and shift every other one
    source = _csv(tmp_path / "t.csv", f'text,outlet\n"{POST}",Daily Post,x\n')
    corpus = framing.load_corpus(source)
    assert corpus.articles.empty
    assert corpus.errors["reason"].iloc[0].startswith("3 fields where the header has 2")


def test_a_nul_byte_makes_its_row_an_error_not_the_whole_table(tmp_path):
    source = _csv(
        tmp_path / "t.csv",
        f"id,text,outlet\nbridge,{_q(HERALD[:60] + chr(0) + HERALD[60:])},Harbour Herald\n"
        f"ferry,{_q(POST)},Daily Post\n",
    )
    corpus = framing.load_corpus(source)
    assert corpus.articles["doc_id"].tolist() == ["ferry"]
    assert "NUL byte" in corpus.errors["reason"].iloc[0]
    assert corpus.errors["origin"].iloc[0] == f"{source} line 2"


def test_a_csv_article_longer_than_the_csv_modules_field_limit_is_read(tmp_path):
    long = _long_article(300_000)  # over Python csv's default 131,072 characters a field
    source = _csv(tmp_path / "t.csv", f'text,outlet,outlet\n"{long}",Daily Post,x\n')
    corpus = framing.load_corpus(source)  # a repeated name reads as outlet.1, as in pandas
    assert corpus.errors.empty
    assert len(corpus.articles["text"].iloc[0]) == len(long)
    assert corpus.extra_columns == ("outlet.1",)


MOJIBAKE = (
    "\u00e2\u20ac\u0153We know how much disruption this has caused,\u00e2\u20ac\x9d said "
    "council leader Amira Patel. The caf\u00c3\u00a9 on the quay reopened on Tuesday."
)


def test_mojibake_is_repaired_with_a_note_and_its_quote_is_attributed(tmp_path):
    # UTF-8 decoded as cp1252 before it reached framing: '“' became 'â€œ', 'é' 'Ã©'
    source = tmp_path / "articles.jsonl"
    source.write_text(
        json.dumps({"id": "quay", "text": MOJIBAKE, "outlet": "Harbour Herald"}) + "\n",
        encoding="utf-8",
    )
    corpus = framing.load_corpus(source)
    row = corpus.articles.iloc[0]
    assert row["text"].startswith("\u201cWe know how much disruption this has caused,\u201d")
    assert "The caf\u00e9 on the quay" in row["text"]
    assert row["notes"].startswith("mojibake repaired by ftfy (3 sequences)")
    # the hash is of the article as it was loaded, before the repair
    assert row["sha256"] == hashlib.sha256(MOJIBAKE.encode("utf-8")).hexdigest()
    quotes = framing.analyse(corpus, n_jobs=1).attributions
    direct = quotes[quotes["kind"] == "direct"]
    assert direct["source"].tolist() == ["council leader Amira Patel"]


def test_mojibake_is_kept_when_asked_and_good_text_is_never_touched(tmp_path):
    frame = pd.DataFrame(
        {
            "id": ["bad", "good"],
            "text": [MOJIBAKE, "Residents of S\u00e3o Paulo and the caf\u00e9 owners met."],
            "outlet": ["Harbour Herald", "Daily Post"],
        }
    )
    kept = framing.load_corpus(frame, repair_mojibake=False).articles.set_index("doc_id")
    assert kept.loc["bad", "text"] == MOJIBAKE and kept.loc["bad", "notes"] == ""
    repaired = framing.load_corpus(frame).articles.set_index("doc_id")
    assert repaired.loc["good", "text"] == frame["text"].iloc[1]
    assert repaired.loc["good", "notes"] == ""


def test_dates_from_year_1_to_9999_are_kept_and_others_left_empty_with_a_note(tmp_path):
    # pandas' nanosecond timestamps end in 2262; framing's are microseconds
    source = _csv(
        tmp_path / "t.csv",
        f"id,text,outlet,date\nold,{_q(HERALD)},Harbour Herald,0001-01-01\n"
        f"far,{_q(POST)},Daily Post,9999-12-31\n"
        f"bad,{_q(POST + ' Again.')},Daily Post,year 10000\n",
    )
    corpus = framing.load_corpus(source)
    analysis = framing.analyse(corpus, n_jobs=1)
    _assert_every_input_accounted_for(corpus, analysis, 3)
    rows = analysis.articles.set_index("doc_id")
    assert str(rows.loc["old", "published"]) == "0001-01-01 00:00:00"
    assert str(rows.loc["far", "published"]) == "9999-12-31 00:00:00"
    assert pd.isna(rows.loc["bad", "published"])
    notes = corpus.articles.set_index("doc_id")["notes"]
    assert notes["bad"] == "published 'year 10000' is not a date; left empty"


def _links_supported(tmp_path: Path) -> bool:
    try:
        (tmp_path / "probe-link").symlink_to(tmp_path)
    except (OSError, NotImplementedError):
        return False
    (tmp_path / "probe-link").unlink()
    return True


def test_manifest_rows_for_files_framing_does_not_read_are_error_rows(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "herald.txt").write_text(HERALD, encoding="utf-8")
    (folder / "notes.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "outside.txt").write_text(POST, encoding="utf-8")
    pd.DataFrame(
        {
            "file": ["herald.txt", "../outside.txt", str(tmp_path / "outside.txt"), "notes.pdf"],
            "outlet": ["Harbour Herald", "Daily Post", "Daily Post", "Daily Post"],
        }
    ).to_csv(folder / "manifest.csv", index=False)
    corpus = framing.load_corpus(folder)
    assert corpus.articles["doc_id"].tolist() == ["herald"]
    reasons = corpus.errors["reason"].tolist()
    assert len(reasons) == 3  # 4 rows in: 1 article and 3 error rows, none lost
    assert "line 3 names ../outside.txt, outside the corpus folder" in reasons[0]
    assert "outside the corpus folder" in reasons[1]
    assert "names notes.pdf, which framing does not read" in reasons[2]


def test_symbolic_links_are_followed_or_said(tmp_path):
    if not _links_supported(tmp_path):
        pytest.skip("this file system has no symbolic links")
    folder = tmp_path / "corpus"
    (folder / "Harbour Herald").mkdir(parents=True)
    (folder / "Harbour Herald" / "bridge.txt").write_text(HERALD, encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "ferry.txt").write_text(POST, encoding="utf-8")
    (folder / "Daily Post").symlink_to(elsewhere)  # a folder linked in: followed
    (folder / "Harbour Herald" / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    (folder / "Harbour Herald" / "loop").symlink_to(folder)
    corpus = framing.load_corpus(folder)
    assert dict(zip(corpus.articles["doc_id"], corpus.articles["outlet"], strict=True)) == {
        "Daily Post/ferry": "Daily Post",
        "Harbour Herald/bridge": "Harbour Herald",
    }
    reasons = dict(zip(corpus.errors["doc_id"], corpus.errors["reason"], strict=True))
    assert reasons["Harbour Herald/gone"].startswith("a symbolic link to ")
    assert reasons["Harbour Herald/gone"].endswith("which does not exist")
    assert "a folder read already; not followed again (a loop)" in reasons["Harbour Herald/loop"]


def test_a_cleaning_pattern_that_backtracks_without_end_is_stopped_for_that_article(tmp_path):
    # '^(a|aa)+$' on a long run of a's and one b tries every way to split the run
    rules = tmp_path / "rules.toml"
    rules.write_text(
        '[[rules]]\nname = "greedy"\ncategory = "custom"\npattern = "(?m)^(a|aa)+$"\n'
        "seconds = 0.2\n",
        encoding="utf-8",
    )
    frame = pd.DataFrame(
        {
            "id": ["trap", "ferry"],
            "text": [HERALD + "\n\n" + "a" * 80 + "b", POST],
            "outlet": ["Harbour Herald", "Daily Post"],
        }
    )
    corpus = framing.load_corpus(frame, clean=rules)
    analysis = framing.analyse(corpus, n_jobs=1)
    _assert_every_input_accounted_for(corpus, analysis, 2)
    assert corpus.articles["doc_id"].tolist() == ["ferry"]
    reason = corpus.errors["reason"].iloc[0]
    assert reason.startswith("cleaning rule greedy ran over its 0.2 s on this article")
    assert "seconds = N" in reason


def test_a_link_into_the_tree_never_hides_the_folders_it_points_into(tmp_path):
    if not _links_supported(tmp_path):
        pytest.skip("this file system has no symbolic links")
    folder = tmp_path / "corpus"
    (folder / "Harbour Herald" / "2026" / "may").mkdir(parents=True)
    (folder / "Harbour Herald" / "2026" / "bridge.txt").write_text(HERALD, encoding="utf-8")
    (folder / "Harbour Herald" / "2026" / "may" / "ferry.txt").write_text(POST, encoding="utf-8")
    # read before 'Harbour Herald' (sorted first): a link to a folder deep inside it
    (folder / "Archive").symlink_to(folder / "Harbour Herald" / "2026" / "may")
    corpus = framing.load_corpus(folder)
    ids = corpus.articles["doc_id"].tolist()
    assert "Harbour Herald/2026/bridge" in ids and "Harbour Herald/2026/may/ferry" in ids
    assert len(ids) + len(corpus.errors) == 3  # the linked copy is read too, not lost
