"""Tests for framing.text: paragraphs, sentences, direct quotes and tokens, with offsets."""

from __future__ import annotations

import textwrap
from bisect import bisect_right
from pathlib import Path

import pytest

from framing.text import Quote, Segmented, segment

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "uk-officers-gaza-2025-10"

CLOSING_MARKS = "”’\"'“"


# ------------------------------------------------------------------------ helpers


def sentences(text: str) -> list[str]:
    seg = segment(text)
    return [seg.sentence_text(i) for i in range(seg.n_sentences)]


def paragraphs(text: str) -> list[str]:
    seg = segment(text)
    return [seg.paragraph_text(i) for i in range(seg.n_paragraphs)]


def quotes(text: str) -> list[tuple[str, bool]]:
    seg = segment(text)
    return [(seg.quote_text(i, content=False), q.closed) for i, q in enumerate(seg.quotes)]


def assert_consistent(seg: Segmented) -> None:
    """Every structural promise of Segmented: offsets valid, stripped, nested, sorted."""
    text = seg.text
    n_s = len(seg.sentences)
    assert len(seg.sentence_paragraph) == n_s
    assert len(seg.sentence_tokens) == n_s

    prev_end = 0
    for start, end in seg.paragraphs:
        assert prev_end <= start < end <= len(text)
        assert not text[start].isspace() and not text[end - 1].isspace()
        assert text[prev_end:start].strip() == ""  # nothing lost between paragraphs
        prev_end = end
    assert text[prev_end:].strip() == ""

    prev_end, prev_para = 0, -1
    for i, (start, end) in enumerate(seg.sentences):
        p = seg.sentence_paragraph[i]
        p_start, p_end = seg.paragraphs[p]
        assert p_start <= start < end <= p_end  # inside its paragraph
        assert prev_end <= start
        assert not text[start].isspace() and not text[end - 1].isspace()
        if p == prev_para:
            assert text[prev_end:start].strip() == ""  # sentences tile the paragraph
        else:
            assert p == prev_para + 1 and start == p_start  # every paragraph has sentences
            if i:
                assert seg.sentences[i - 1][1] == seg.paragraphs[prev_para][1]
        prev_end, prev_para = end, p
    if seg.paragraphs:
        assert prev_para == len(seg.paragraphs) - 1
        assert prev_end == seg.paragraphs[-1][1]

    next_token = 0
    for (start, end), (t0, t1) in zip(seg.sentences, seg.sentence_tokens, strict=True):
        assert t0 == next_token and t0 <= t1
        next_token = t1
        for t_start, t_end in seg.tokens[t0:t1]:
            assert start <= t_start < t_end <= end
    assert next_token == len(seg.tokens)
    assert all(a[1] <= b[0] for a, b in zip(seg.tokens, seg.tokens[1:], strict=False))

    paragraph_starts = [s for s, _ in seg.paragraphs]
    prev_end = 0
    for q in seg.quotes:
        assert prev_end <= q.start < q.content_start <= q.content_end <= q.end
        assert q.content_start < q.content_end
        assert text[q.start] in "“‘\"'"
        assert not text[q.content_start].isspace() and not text[q.content_end - 1].isspace()
        if q.closed:
            assert q.end == q.content_end + 1 or text[q.content_end : q.end - 1].isspace()
            assert text[q.end - 1] in CLOSING_MARKS
        else:
            assert q.end == q.content_end
        p = bisect_right(paragraph_starts, q.start) - 1
        assert q.end <= seg.paragraphs[p][1]  # a quote never crosses a paragraph
        prev_end = q.end


# ---------------------------------------------------------------------- sentences

SENTENCE_CASES = [
    # Titles before names are never a boundary.
    pytest.param(
        "Mr. Smith met Dr. Jones and Mrs. Brown. They talked with Ms. Lee.",
        ["Mr. Smith met Dr. Jones and Mrs. Brown.", "They talked with Ms. Lee."],
        id="titles-mr-dr-mrs-ms",
    ),
    pytest.param(
        "Gen. Mark Milley met Lt. Col. Ann Ross, Sgt. Lee and Capt. Roe. "
        "Prof. Kay, Rev. Al Green, Gov. Newsom, Sen. Warren and Rep. Ocasio-Cortez agreed.",
        [
            "Gen. Mark Milley met Lt. Col. Ann Ross, Sgt. Lee and Capt. Roe.",
            "Prof. Kay, Rev. Al Green, Gov. Newsom, Sen. Warren and Rep. Ocasio-Cortez agreed.",
        ],
        id="titles-military-political",
    ),
    pytest.param("Dr. He Jiankui spoke.", ["Dr. He Jiankui spoke."], id="title-before-name-he"),
    pytest.param(
        "Mr Healey and Dr Jones met. They talked.",
        ["Mr Healey and Dr Jones met.", "They talked."],
        id="british-titles-without-dots",
    ),
    # Other abbreviations: a boundary only before a clear sentence start.
    pytest.param(
        "Martin Luther King Jr. He led marches. Sammy Davis Sr. Jones sang.",
        ["Martin Luther King Jr.", "He led marches.", "Sammy Davis Sr. Jones sang."],
        id="jr-sr",
    ),
    pytest.param(
        "Apple Inc. Chief Executive Tim Cook spoke. Acme Ltd. The firm failed.",
        ["Apple Inc. Chief Executive Tim Cook spoke.", "Acme Ltd.", "The firm failed."],
        id="inc-ltd",
    ),
    pytest.param(
        "Smith & Co. Bankers and Ford Motor Corp. Europe merged. It was big.",
        ["Smith & Co. Bankers and Ford Motor Corp. Europe merged.", "It was big."],
        id="co-corp",
    ),
    pytest.param(
        "He lives on St. Mark's Place and climbed Mt. Everest. She shops on Fifth Ave. "
        "The prices are high.",
        [
            "He lives on St. Mark's Place and climbed Mt. Everest.",
            "She shops on Fifth Ave.",
            "The prices are high.",
        ],
        id="st-mt-ave",
    ),
    pytest.param(
        "Arsenal vs. Chelsea ended 2-1. Fans cheered.",
        ["Arsenal vs. Chelsea ended 2-1.", "Fans cheered."],
        id="vs",
    ),
    pytest.param(
        "They sold apples, pears, etc. The market closed. Fruit, nuts etc. Tasty.",
        ["They sold apples, pears, etc.", "The market closed.", "Fruit, nuts etc. Tasty."],
        id="etc",
    ),
    pytest.param(
        "Some outlets, e.g. The Guardian, agreed. The lead nation, i.e. Britain, decides.",
        ["Some outlets, e.g. The Guardian, agreed.", "The lead nation, i.e. Britain, decides."],
        id="eg-ie",
    ),
    pytest.param(
        "He lives at No. 10 Downing Street. He said no. Police left.",
        ["He lives at No. 10 Downing Street.", "He said no.", "Police left."],
        id="no-before-number",
    ),
    pytest.param(
        "Talks began on Jan. 5 and ended on Feb. 12. A deal came in Sept. The war ended.",
        [
            "Talks began on Jan. 5 and ended on Feb. 12.",
            "A deal came in Sept.",
            "The war ended.",
        ],
        id="months",
    ),
    # Initialisms.
    pytest.param(
        "The U.S. Army said so. He lives in the U.S. The weather is fine.",
        ["The U.S. Army said so.", "He lives in the U.S.", "The weather is fine."],
        id="us-initialism",
    ),
    pytest.param(
        "U.K. and U.N. officials met E.U. envoys in Washington, D.C. on Monday. They agreed.",
        [
            "U.K. and U.N. officials met E.U. envoys in Washington, D.C. on Monday.",
            "They agreed.",
        ],
        id="uk-un-eu-dc",
    ),
    pytest.param(
        "It began at 9 a.m. and ended at 5 p.m. on Monday. It started at 9 a.m. The hall was full.",
        [
            "It began at 9 a.m. and ended at 5 p.m. on Monday.",
            "It started at 9 a.m.",
            "The hall was full.",
        ],
        id="am-pm",
    ),
    # Numbers and initials.
    pytest.param(
        "Prices rose 3.5 percent to $1,000.50 on Monday. Analysts were surprised.",
        ["Prices rose 3.5 percent to $1,000.50 on Monday.", "Analysts were surprised."],
        id="decimals",
    ),
    pytest.param(
        "The toll rose to 13. Mr Vance left.",
        ["The toll rose to 13.", "Mr Vance left."],
        id="number-ends-sentence",
    ),
    pytest.param(
        "John K. Mbeki spoke. J. R. R. Tolkien wrote books. George W. Bush agreed.",
        ["John K. Mbeki spoke.", "J. R. R. Tolkien wrote books.", "George W. Bush agreed."],
        id="middle-and-leading-initials",
    ),
    pytest.param(
        "They chose Plan B. The rest failed.",
        ["They chose Plan B.", "The rest failed."],
        id="single-letter-then-function-word",
    ),
    pytest.param(
        "1. Introduction to the topic.",
        ["1. Introduction to the topic."],
        id="list-marker",
    ),
    # Ellipses.
    pytest.param(
        "We don't expect to be leading... but we will play our part.",
        ["We don't expect to be leading... but we will play our part."],
        id="ellipsis-lowercase",
    ),
    pytest.param(
        "We don’t expect to be leading … we will play our part.",
        ["We don’t expect to be leading … we will play our part."],
        id="ellipsis-char-lowercase",
    ),
    pytest.param(
        "We waited... Then it came. It was late… The vote followed.",
        ["We waited...", "Then it came.", "It was late…", "The vote followed."],
        id="ellipsis-then-capital",
    ),
    # Question and exclamation marks, quotes.
    pytest.param(
        '"Why now?" she asked. Nobody answered. "Enough!" he shouted.',
        ['"Why now?" she asked.', "Nobody answered.", '"Enough!" he shouted.'],
        id="question-in-quote-lowercase-tag",
    ),
    pytest.param(
        "“Why now?” Smith asked. “Why not?” Mr. Jones replied. “Who?” The room fell silent.",
        [
            "“Why now?” Smith asked.",
            "“Why not?” Mr. Jones replied.",
            "“Who?”",
            "The room fell silent.",
        ],
        id="question-in-quote-named-speaker",
    ),
    pytest.param(
        "Wait! What? Nothing.",
        ["Wait!", "What?", "Nothing."],
        id="exclamation-question",
    ),
    pytest.param(
        'He said: "We will. Soon." Then he left.',
        ['He said: "We will.', 'Soon."', "Then he left."],
        id="quote-over-sentences-straight",
    ),
    pytest.param(
        "He said: “We will. Soon.” Then he left.",
        ["He said: “We will.", "Soon.”", "Then he left."],
        id="quote-over-sentences-curly",
    ),
    pytest.param(
        "She called it ‘madness.’ Then she left.",
        ["She called it ‘madness.’", "Then she left."],
        id="closing-single-quote-after-period",
    ),
    pytest.param(
        "(He declined to comment.) The talks continued [as planned.] It ended.",
        ["(He declined to comment.)", "The talks continued [as planned.]", "It ended."],
        id="closing-brackets",
    ),
    pytest.param(
        "Visit www.example.com/news.html for details. Or email info@example.co.uk today. "
        "See https://example.org/a.b?c=d. It works.",
        [
            "Visit www.example.com/news.html for details.",
            "Or email info@example.co.uk today.",
            "See https://example.org/a.b?c=d.",
            "It works.",
        ],
        id="urls-emails",
    ),
    pytest.param(
        "Sales of the old model fell. iPhone sales rose.",
        ["Sales of the old model fell.", "iPhone sales rose."],
        id="lowercase-brand-starts-sentence",
    ),
    pytest.param(
        "The plan was agreed. the rest is lowercase and stays.",
        ["The plan was agreed. the rest is lowercase and stays."],
        id="lowercase-after-period-no-boundary",
    ),
    pytest.param(
        "The U.S.-led plan worked. It held.",
        ["The U.S.-led plan worked.", "It held."],
        id="initialism-inside-word",
    ),
    pytest.param("no punctuation at all here", ["no punctuation at all here"], id="no-punctuation"),
    pytest.param("Hello.", ["Hello."], id="one-sentence"),
]


@pytest.mark.parametrize(("text", "expected"), SENTENCE_CASES)
def test_sentence_boundaries(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected
    assert_consistent(segment(text))


def test_long_single_line_paragraph_splits_into_sentences() -> None:
    block = (
        "Mr. Healey said the U.S. Army had 3.5 times more troops. "
        "“We will play our part,” he added. "
        "The talks, e.g. those in Washington, D.C. on Jan. 5, went well. "
    )
    text = (block * 40).strip()
    assert len(text) > 4000 and "\n" not in text
    got = sentences(text)
    assert len(got) == 120
    assert got[:3] == [
        "Mr. Healey said the U.S. Army had 3.5 times more troops.",
        "“We will play our part,” he added.",
        "The talks, e.g. those in Washington, D.C. on Jan. 5, went well.",
    ]


def test_sentence_never_crosses_paragraph_boundary() -> None:
    seg = segment("He said\n\nthe plan would work. It did.")
    assert [seg.sentence_text(i) for i in range(seg.n_sentences)] == [
        "He said",
        "the plan would work.",
        "It did.",
    ]
    assert seg.sentence_paragraph == (0, 1, 1)


@pytest.mark.parametrize("text", ["", " ", "   \n\n  \t\r\n"], ids=["empty", "space", "blank"])
def test_empty_and_whitespace_text_give_nothing(text: str) -> None:
    seg = segment(text)
    assert seg.text == text
    assert seg.paragraphs == seg.sentences == seg.tokens == ()
    assert seg.quotes == () and seg.sentence_paragraph == () and seg.sentence_tokens == ()


def test_punctuation_only_sentence_has_no_tokens() -> None:
    seg = segment("— , . ! ?")
    assert seg.sentences == ((0, 9),)
    assert seg.tokens == () and seg.sentence_tokens == ((0, 0),)


# --------------------------------------------------------------------- paragraphs

WRAPPED_ONE = (
    "The British army will send a senior commander and a small number of troops to "
    "support ceasefire enforcement efforts led by the US, the defence ministry has said. "
    "Attempts to stabilise a fragile ceasefire have been stepped up by mediators."
)
WRAPPED_TWO = (
    "Mr Healey said the UK has specialist experience and skills that it has offered to "
    "contribute to the effort. He said more would follow in the coming weeks."
)


PARAGRAPH_CASES = [
    pytest.param("One sentence. Two sentences.", ["One sentence. Two sentences."], id="no-newline"),
    pytest.param(
        "First para.\n\nSecond para. More.\n\n\nThird.",
        ["First para.", "Second para. More.", "Third."],
        id="blank-lines",
    ),
    pytest.param(
        "First paragraph is here.\nSecond paragraph is here.\nThird.\n",
        ["First paragraph is here.", "Second paragraph is here.", "Third."],
        id="single-newlines",
    ),
    pytest.param(
        "One.\nTwo.\n\nThree.\nFour.\n\n\n",
        ["One.", "Two.", "Three.", "Four."],
        id="mixed-single-and-blank",
    ),
    pytest.param(
        "UK sends officers to Israel\nThe unit is small. It left.\nMore later.",
        ["UK sends officers to Israel", "The unit is small. It left.", "More later."],
        id="headline-line-then-single-newline-paragraphs",
    ),
    pytest.param(
        "A one.\r\n\r\nB two.\r\nC three.",
        ["A one.", "B two.", "C three."],
        id="crlf",
    ),
    pytest.param(
        "  Indented first.  \n\t Second.\t",
        ["Indented first.", "Second."],
        id="stripped",
    ),
    pytest.param(
        "The minister said the\nplan would work. Then left.\nNext para.",
        ["The minister said the\nplan would work. Then left.", "Next para."],
        id="broken-line-rejoined-before-lowercase",
    ),
]


@pytest.mark.parametrize(("text", "expected"), PARAGRAPH_CASES)
def test_paragraphs(text: str, expected: list[str]) -> None:
    assert paragraphs(text) == expected
    assert_consistent(segment(text))


def test_hard_wrapped_text_joins_lines_within_blank_line_paragraphs() -> None:
    text = textwrap.fill(WRAPPED_ONE, 72) + "\n\n" + textwrap.fill(WRAPPED_TWO, 72) + "\n"
    assert text.count("\n") > 4
    seg = segment(text)
    assert [" ".join(p.split()) for p in paragraphs(text)] == [WRAPPED_ONE, WRAPPED_TWO]
    assert [" ".join(seg.sentence_text(i).split()) for i in range(seg.n_sentences)] == [
        "The British army will send a senior commander and a small number of troops to "
        "support ceasefire enforcement efforts led by the US, the defence ministry has said.",
        "Attempts to stabilise a fragile ceasefire have been stepped up by mediators.",
        "Mr Healey said the UK has specialist experience and skills that it has offered to "
        "contribute to the effort.",
        "He said more would follow in the coming weeks.",
    ]
    assert seg.sentence_paragraph == (0, 0, 1, 1)
    assert_consistent(seg)


def test_hard_wrapped_text_keeps_short_heading_line_apart() -> None:
    text = "UK sends officers\n" + textwrap.fill(WRAPPED_ONE + " " + WRAPPED_TWO, 70)
    got = [" ".join(p.split()) for p in paragraphs(text)]
    assert got == ["UK sends officers", WRAPPED_ONE + " " + WRAPPED_TWO]


def test_long_unwrapped_lines_are_paragraphs_even_without_final_punctuation() -> None:
    line = "Word " + "word " * 30  # 155 characters: too long for a hard-wrapped line
    text = f"{line}first\n{line}second\n{line}third"
    assert [p.split()[-1] for p in paragraphs(text)] == ["first", "second", "third"]


# ------------------------------------------------------------------------- quotes

QUOTE_CASES = [
    pytest.param("He said “we will” and left.", [("“we will”", True)], id="curly-double"),
    pytest.param('He said "we will" and left.', [('"we will"', True)], id="straight-double"),
    pytest.param(
        '“We can contribute," Mr Healey added.',
        [('“We can contribute,"', True)],
        id="curly-open-straight-close",
    ),
    pytest.param(
        '"We have also acted,” he added.',
        [('"We have also acted,”', True)],
        id="straight-open-curly-close",
    ),
    pytest.param(
        'A “small number” of (“planning”) officers, "embedded" -"led by others".',
        [
            ("“small number”", True),
            ("“planning”", True),
            ('"embedded"', True),
            ('"led by others"', True),
        ],
        id="several-in-one-sentence",
    ),
    pytest.param(
        "Hamas needs to ‘behave’ or face ‘severe repercussions’.",
        [("‘behave’", True), ("‘severe repercussions’", True)],
        id="british-single-curly",
    ),
    pytest.param(
        "our documentary, 'The A Word', which shines",
        [("'The A Word'", True)],
        id="straight-single",
    ),
    pytest.param(
        "Don’t worry about Trump’s ’90s deals, the ‘90s or the hostages’ bodies.",
        [],
        id="curly-apostrophes-are-not-quotes",
    ),
    pytest.param(
        "It's Musk's PAC and the players' union, rock 'n roll.",
        [],
        id="straight-apostrophes-are-not-quotes",
    ),
    pytest.param(
        "“He called it ‘madness’, and left,” she said.",
        [("“He called it ‘madness’, and left,”", True)],
        id="single-nested-in-double",
    ),
    pytest.param(
        "\"People say, 'It does not matter,'\" said Mr. King. \"'Why?' they ask.\"",
        [("\"People say, 'It does not matter,'\"", True), ("\"'Why?' they ask.\"", True)],
        id="straight-single-nested-ends-before-the-double",
    ),
    pytest.param(
        '“He said "no" to me,” she said.',
        [('“He said "no" to me,”', True)],
        id="straight-nested-in-curly",
    ),
    pytest.param(
        "‘He said “no” to me,’ she said.",
        [("‘He said “no” to me,’", True)],
        id="double-nested-in-british-single",
    ),
    pytest.param(
        'He said: "We will. Soon." Then he left.',
        [('"We will. Soon."', True)],
        id="quote-over-sentences",
    ),
    pytest.param(
        "He said: “We will fight on. We will not stop\n\n“We will win,” he added.",
        [("“We will fight on. We will not stop", False), ("“We will win,”", True)],
        id="unclosed-ends-at-paragraph-end",
    ),
    pytest.param(
        "“We will fight on.\n“We will win.\n“We will prevail,” he said.",
        [("“We will fight on.", False), ("“We will win.", False), ("“We will prevail,”", True)],
        id="news-style-multi-paragraph-quote",
    ),
    pytest.param("“It never ends", [("“It never ends", False)], id="unclosed-at-text-end"),
    pytest.param(
        "He said” nothing. “Then a real one.”",
        [("“Then a real one.”", True)],
        id="stray-curly-close-ignored",
    ),
    pytest.param("He is 6'2\" tall.", [], id="stray-straight-close-ignored"),
    pytest.param(
        "He said “yes,“ then left. “Sure.”",
        [("“yes,“", True), ("“Sure.”", True)],
        id="mistyped-opening-mark-as-close",
    ),
    pytest.param(
        "“First, we will act. “Then we will talk.”",
        [("“First, we will act.", False), ("“Then we will talk.”", True)],
        id="missing-close-before-reopen",
    ),
    pytest.param('He said "" nothing.', [], id="empty-quote-dropped"),
    pytest.param(
        "They loved rock ‘n roll back then.", [], id="unclosed-single-mid-paragraph-dropped"
    ),
    pytest.param(
        "‘We will go on.\n‘And on,’ he said.",
        [("‘We will go on.", False), ("‘And on,’", True)],
        id="unclosed-single-opening-paragraph-kept",
    ),
]


@pytest.mark.parametrize(("text", "expected"), QUOTE_CASES)
def test_quotes(text: str, expected: list[tuple[str, bool]]) -> None:
    assert quotes(text) == expected
    assert_consistent(segment(text))


def test_quote_content_excludes_marks_and_surrounding_space() -> None:
    text = 'He said “ we will ” and "then," she said.'
    seg = segment(text)
    assert seg.quotes == (Quote(8, 19, 10, 17, True), Quote(24, 31, 25, 30, True))
    assert [seg.quote_text(i) for i in range(len(seg.quotes))] == ["we will", "then,"]


def test_quotes_are_sorted_and_linear_time_on_many_marks() -> None:
    text = " ".join(f"“q{i}”" for i in range(50_000))
    seg = segment(text)
    assert len(seg.quotes) == 50_000
    assert [q.start for q in seg.quotes] == sorted(q.start for q in seg.quotes)


# ------------------------------------------------------------------------- tokens


def test_tokens_keep_apostrophes_hyphens_and_dots() -> None:
    text = "Don't go, Trump’s ceasefire-related U.S. plan rose 3.5% to 1,000.50 points!"
    seg = segment(text)
    assert [seg.token_text(i) for i in range(seg.n_words)] == [
        "Don't", "go", "Trump’s", "ceasefire-related", "U.S", "plan", "rose", "3.5", "to",
        "1,000.50", "points",
    ]  # fmt: skip


def test_sentence_tokens_are_index_ranges() -> None:
    seg = segment("One two. Three four five. “Six!”")
    assert seg.sentence_tokens == ((0, 2), (2, 5), (5, 6))
    assert seg.sentence_words(1) == ["Three", "four", "five"]
    assert seg.n_words == 6


# ---------------------------------------------------------------- helper methods


def test_helper_methods() -> None:
    text = "Title line\n“We will act. Soon,” he said. Then he left.\n\nLast one."
    seg = segment(text)
    assert seg.n_paragraphs == 3 and seg.n_sentences == 5
    assert seg.paragraph_text(1) == "“We will act. Soon,” he said. Then he left."
    assert list(seg.paragraph_sentences(1)) == [1, 2, 3]
    assert list(seg.paragraph_sentences(2)) == [4]
    assert seg.quote_text(0, content=False) == "“We will act. Soon,”"
    assert seg.sentence_quotes(1) == seg.sentence_quotes(2) == (seg.quotes[0],)
    assert seg.sentence_quotes(0) == seg.sentence_quotes(3) == ()


def test_docstring_example() -> None:
    seg = segment('Mr. Smith went to Washington. "Why now?" she asked.')
    assert [seg.sentence_text(i) for i in range(seg.n_sentences)] == [
        "Mr. Smith went to Washington.",
        '"Why now?" she asked.',
    ]


@pytest.mark.parametrize(
    "text",
    [p.values[0] for p in SENTENCE_CASES + PARAGRAPH_CASES + QUOTE_CASES]
    + [
        '"',
        "“",
        "”’‘'\"",
        ". . . ! ?",
        "...",
        "a\n\n\n\nb\r\rc\u2028d",
        "Mr.",
        "“‘\"'(«",
        "x" * 1000 + ". " + "Y" * 1000,
    ],
)
def test_offsets_round_trip_and_spans_nest(text: str) -> None:
    assert_consistent(segment(text))


# --------------------------------------------------------------------- real news


def _corpus_text(name: str) -> str:
    path = CORPUS / name
    if not path.exists():
        pytest.skip(f"shared corpus not available: {path} is missing")
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def independent() -> Segmented:
    return segment(_corpus_text("001_c94a21444263d4de.txt"))


@pytest.fixture(scope="module")
def national() -> Segmented:
    return segment(_corpus_text("002_66abed3701f1b670.txt"))


def _all_sentences(seg: Segmented) -> list[str]:
    return [seg.sentence_text(i) for i in range(seg.n_sentences)]


def _sentence_starting(seg: Segmented, prefix: str) -> int:
    hits = [i for i in range(seg.n_sentences) if seg.sentence_text(i).startswith(prefix)]
    assert len(hits) == 1, f"expected one sentence starting {prefix!r}, got {len(hits)}"
    return hits[0]


def test_independent_one_line_capture_paragraphs(independent: Segmented) -> None:
    assert independent.n_paragraphs == 2  # the copyright line, then the article on one line
    assert independent.paragraphs[1][1] - independent.paragraphs[1][0] > 4000
    assert independent.sentence_text(0) == "Copyright independent"
    assert independent.n_sentences == 29
    assert_consistent(independent)


def test_independent_attributed_quote_sentence_is_whole(independent: Segmented) -> None:
    i = _sentence_starting(independent, "“We have also, in response to the American request,")
    assert independent.sentence_text(i).endswith("as the deputy commander,” he added.")
    (q,) = independent.sentence_quotes(i)
    content = independent.text[q.content_start : q.content_end]
    assert q.closed and content.startswith("We have also,")
    assert content.endswith("as the deputy commander,")


@pytest.mark.parametrize(
    "expected",
    [
        "US vice-president JD Vance landed in Israel for a two-day visit.",
        "We don’t expect to be leading... but we will play our part.”",
        "I would like to thank all of those countries that called to help.”",
        "Hamas said it would hand over the bodies of two more deceased hostages at 9pm local "
        "time on Tuesday (7pm BST).",
        "If completed, the handover will bring the number of deceased captives and hostages "
        "remaining in Gaza down to 13.",
        "“Both sides are transitioning from two years of very intense warfare to now a "
        "peacetime posture,” he said in the press conference.",
    ],
)
def test_independent_sentences_come_out_whole(independent: Segmented, expected: str) -> None:
    assert expected in _all_sentences(independent)


def test_independent_mr_healey_sentence_is_not_split(independent: Segmented) -> None:
    i = _sentence_starting(independent, "A “small number of UK planning officers” have joined")
    assert independent.sentence_text(i).endswith(
        "Mr Healey told business leaders at an event in London, according to Sky News."
    )


def test_independent_quotes_multi_sentence_and_no_apostrophes(independent: Segmented) -> None:
    texts = [independent.quote_text(i) for i in range(len(independent.quotes))]
    assert len(texts) == 15 and all(q.closed for q in independent.quotes)
    assert all(independent.text[q.start] == "“" for q in independent.quotes)
    assert "behave" in texts and "severe repercussions" in texts
    trump = next(t for t in texts if t.startswith("If they do not"))
    assert trump.endswith(
        "FAST, FURIOUS, & BRUTAL! I would like to thank all of those countries that called to help."
    )


@pytest.mark.parametrize(
    "expected",
    [
        "“It’s quite early days, but we’ll see,” the source added.",
        "“We can contribute to monitoring the ceasefire, but that’s likely to be led by "
        'others," Mr Healey added.',
        "We don’t expect to be leading … we will play our part.”",
        "He added that the move was a response to a request from the US.",
    ],
)
def test_national_sentences_come_out_whole(national: Segmented, expected: str) -> None:
    assert expected in _all_sentences(national)


def test_national_single_newline_paragraphs(national: Segmented) -> None:
    assert national.n_paragraphs == 14  # one line per paragraph, one stray blank line
    assert national.paragraph_text(4).startswith("“It’s quite early days")
    assert_consistent(national)


def test_national_mixed_curly_and_straight_marks_pair(national: Segmented) -> None:
    texts = [national.quote_text(i, content=False) for i in range(len(national.quotes))]
    assert len(texts) == 9 and all(q.closed for q in national.quotes)
    long_quote = next(t for t in texts if t.startswith("“This small deployment"))
    assert long_quote.endswith('help advise on logistics and planning."')
    assert (
        "“remains integrated into the US-led planning efforts for Gaza post-conflict "
        'stability"' in texts
    )


def test_all_corpus_files_segment_consistently() -> None:
    if not CORPUS.exists():
        pytest.skip(f"shared corpus not available: {CORPUS} is missing")
    for path in sorted(CORPUS.glob("*.txt")):
        assert_consistent(segment(path.read_text(encoding="utf-8")))


# ---------------------------------------------------------------------- big text


def test_five_megabyte_text_segments() -> None:
    block = (
        "Mr. Healey said the U.S. Army had 3.5 times more troops in Washington, D.C. "
        "than expected. “We will play our part. We don’t expect to be leading... but we "
        "will,” he added. “Why now?” she asked.\n"
        "The talks, e.g. those on Jan. 5 at 9 a.m., went well. J. R. R. Tolkien’s heirs "
        "said ‘behave’ to the hostages’ families! Prices rose 1,000.50 points\n\n"
    )
    text = block * (5_000_000 // len(block) + 1)
    assert len(text) >= 5_000_000
    seg = segment(text)
    reps = text.count(block)
    assert seg.n_paragraphs == 2 * reps
    assert seg.n_sentences == 7 * reps
    assert len(seg.quotes) == 3 * reps
    assert seg.sentence_text(2) == "We don’t expect to be leading... but we will,” he added."
    assert_consistent(seg)
