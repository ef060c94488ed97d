"""The SUC Wikipedia evaluation script's parsing and scoring (evaluation/suc_wiki.py).

The XML here is hand-written in the corpus's format; no corpus text is copied in. One
test reads the real corpus from ../shared when it is there.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from evaluation.suc_wiki import load_corpus, main, parse_sentence, predict, score

XML = """<?xml version="1.0" encoding="UTF-8"?>
<Annotation><DocumentSet>
<Document type="Wikipedia_text_weasel"><DocID type="WIKIPEDIA_ARTICLE_ID">Doc_1</DocID>
<DocumentPart type="Text">
<Sentence id="S1.1">The bridge <ccue type="speculation_modal_probable_">may</ccue> close.</Sentence>
<Sentence id="S1.2">The bridge opened in 1990.</Sentence>
<Sentence id="S1.3">It is <ccue type="speculation_hypo_doxastic _">believed</ccue> lost.</Sentence>
<Sentence id="S1.4">The tower could be seen for miles.</Sentence>
</DocumentPart></Document>
<Document type="Wikipedia_text_weasel"><DocID type="WIKIPEDIA_ARTICLE_ID">Doc_2</DocID>
<DocumentPart type="Text">
<Sentence id="S1.1">Nobody knows <ccue type="speculation_hypo_investigation _">whether</ccue>
 it rained.</Sentence>
<Sentence id="S1.2">Around 200 people came.</Sentence>
</DocumentPart></Document>
</DocumentSet></Annotation>
"""


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    path = tmp_path / "wiki.xml"
    path.write_text(XML, encoding="utf-8")
    return path


def test_cue_spans_index_the_sentence_text():
    element = ET.fromstring(
        '<Sentence id="S1">A <ccue type="x">may</ccue> or <ccue type="y">might</ccue>.</Sentence>'
    )
    s = parse_sentence(element, "d")
    assert s.text == "A may or might."
    assert [s.text[a:b] for a, b, _ in s.cues] == ["may", "might"]
    assert s.uncertain


def test_predictions_fall_in_the_right_sentences(corpus):
    docs = load_corpus(corpus)
    assert [len(d) for d in docs] == [4, 2]
    rows = predict(docs[0], ["modal", "impersonal", "verb"])
    assert [[lemma for _, _, lemma in r] for r in rows] == [["may"], [], ["it is [verb]ed"], []]
    start, end, _ = rows[0][0]
    assert docs[0][0].text[start:end] == "may"


def test_sentence_scores_count_the_uncertain_class(corpus):
    result = score(load_corpus(corpus))
    # Gold uncertain: S1.1, S1.3, Doc_2 S1.1. Predicted: the same three; approximators
    # ("Around 200") are not counted by default, so S1.2 of Doc_2 is not a false alarm.
    assert (result["gold_uncertain"], result["predicted_uncertain"]) == (3, 3)
    assert result["precision"] == result["recall"] == 1.0
    # Without impersonal forms "It is believed" no longer counts; with approximators
    # "Around 200" does: predicted S1.1 (may) and Doc_2 S1.2 (Around), one of them right.
    narrower = score(load_corpus(corpus), ["modal", "approximator"])
    assert narrower["predicted_uncertain"] == 2
    assert narrower["precision"] == pytest.approx(1 / 2)
    assert narrower["recall"] == pytest.approx(1 / 3)


def test_missing_corpus_exits_2(tmp_path, capsys):
    assert main(["--shared", str(tmp_path)]) == 2
    assert "wiki.xml not found" in capsys.readouterr().err


def test_the_real_corpus_parses_to_its_published_size(shared_dir):
    docs = load_corpus(shared_dir / "eval" / "suc-wiki" / "wiki.xml")
    sentences = [s for d in docs for s in d]
    assert len(sentences) == 20748
    assert sum(s.uncertain for s in sentences) == 2606
