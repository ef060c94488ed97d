"""One list of English function words, read by distinctive words, alignment and the
language check."""

from __future__ import annotations

from framing.analysis import _article
from framing.comparison import _alignment, _keyness
from framing.features import function_words
from framing.features._lexicons import data_file, read_tsv


def test_the_list_holds_closed_class_words_once_each_with_their_class():
    header, rows = read_tsv(*data_file("function_words.tsv"))
    assert header == ["word", "class"]
    words = [w for w, _ in rows]
    assert len(words) == len(set(words)) == len(function_words())
    classes = {c for _, c in rows}
    assert classes == {"determiner", "pronoun", "auxiliary", "preposition", "conjunction", "adverb"}
    assert {"the", "of", "and", "would", "despite", "never"} <= function_words()
    assert not {"said", "government", "police", "war"} & function_words()
    assert all(w == w.lower() and "’" not in w for w in words)


def test_every_reader_uses_the_one_list():
    assert _keyness.FUNCTION_WORDS is function_words()
    assert _article._ENGLISH_FUNCTION_WORDS is function_words()
    extra = _alignment._STOPWORDS - function_words()
    assert function_words() <= _alignment._STOPWORDS
    assert {"said", "told", "mr", "monday", "don't"} <= extra
