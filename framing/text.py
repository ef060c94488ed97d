"""Segmentation: paragraphs, sentences, direct quotes and word tokens, with offsets.

Every offset is a character offset into the text passed to :func:`segment` (for a
corpus, the cleaned article text), end-exclusive, so ``text[start:end]`` is the span.
Paragraph, sentence and quote-content spans are stripped of surrounding whitespace.
Everything is done with compiled regular expressions plus a Python loop per line, per
candidate boundary and per quote mark (never per character), so the cost is linear in
the length of the text.

Paragraphs
    Lines are separated by any line break (``\\n``, ``\\r\\n``, ``\\r``, ``\\u2028`` ...);
    a line holding only whitespace is blank. The text is first classified as a whole:

    * *Hard-wrapped*: at least two "inner" lines (non-blank lines directly followed by
      a non-blank line); their 90th-percentile length, taken as the wrap width, is
      between 40 and 100 characters; at least two thirds of them are longer than 60%
      of that width; and at least half of them do not end in sentence punctuation.
      Lines are then joined within each blank-line-separated block, except that a
      line shorter than 60% of the wrap width ends its paragraph (a heading, or the
      last line of a paragraph in a text with no blank lines at all).
    * Otherwise every non-blank line is a paragraph, whether lines are separated by
      blank lines, single newlines or a mixture of both (scraped captures often use
      one line per paragraph). One repair: a line that does not end in sentence
      punctuation (``.!?…:;``, optionally followed by closing quotes or brackets) and is
      followed by a line starting with a lowercase letter is joined to it (a sentence
      broken by a stray newline).

    A text with no line break is one paragraph; blank text has none.

Sentences
    A sentence never crosses a paragraph boundary. A boundary is a run of sentence-final
    punctuation (``.``, ``!``, ``?``, ``…`` or ``...``), optionally followed by closing
    quotes or brackets (which stay with the sentence that ends there), then whitespace,
    then a plausible sentence start: an uppercase letter, a digit, an opening quote or
    bracket (not followed by a lowercase letter), or a lowercase word with an internal
    capital ("iPhone"). A lowercase continuation is never a boundary, which covers
    ellipses inside a sentence ("leading... but we will") and speaker tags after a
    quoted question (``"Why now?" she asked.``). A ``?``/``!`` closing a quote followed by
    a capitalised name and a speech verb (``"Why now?" Smith asked.``) is not a boundary
    either. After a period, the word before it decides:

    * titles and Latin connectives -- Mr, Mrs, Ms, Dr, Prof, Gen, Lt, Col, Sgt, Capt,
      Gov, Sen, Rep, Rev, ... (capitalised) and vs, e.g., i.e., cf., viz. -- are never a
      boundary;
    * No, Nos, Art, Vol, p, pp, Fig, ... are not a boundary before a number ("No. 10");
    * other known abbreviations (Jr, Sr, Inc, Ltd, Co, Corp, St, Mt, Ave, etc, months
      Jan-Dec, ...), dotted initialisms (U.S., U.K., a.m., p.m., D.C., Ph.D.) and single
      letters (initials: "John K. Mbeki", "J. R. R. Tolkien") are a boundary only when
      the next word is clearly a sentence start: a capitalised function word (The, He,
      She, It, They, We, But, In, ...) or an opening quote;
    * a list marker alone at the start of a sentence ("1.", "a.", "iv.") is not a
      boundary;
    * anything else (ordinary words, numbers, URLs and e-mail addresses, which have no
      whitespace after their inner dots anyway) is a boundary.

    A paragraph without sentence punctuation is one sentence; no sentence is empty.

Direct quotes
    Double marks: ``“`` opens and ``”`` closes (a ``“`` between a non-space character
    and whitespace is taken for a mistyped ``”``); a straight ``"`` opens when preceded
    by the start of the text, whitespace, an opening bracket, a dash, a slash or an
    opening ``“``, ``‘`` or ``'``, and closes otherwise, so ``""`` is an empty quote (one
    with whitespace on both sides only closes an open quote). Curly and straight marks
    pair with each other ("“...," he said" is common in real captures). A double mark of
    the other style (straight inside curly or the reverse) while a quote is open starts
    a nested quote; one of the same style means the previous closing mark was missing:
    the open quote ends there with ``closed=False``. Single marks: ``‘`` (or ``'``) opens
    when preceded as above (or by a straight ``"``) and followed by a non-space,
    non-digit character (a letter for ``'``); ``’`` (or ``'``) closes when preceded by a
    non-space character and not followed by a letter or digit; a second single opener
    replaces an unclosed one. An apostrophe inside a word (don’t, Trump’s), an elided
    leading apostrophe (’90s, ‘90s) and a possessive (hostages’) with no open single
    quote are never quote marks. Quotes are paired within a paragraph. An unclosed
    double quote runs to the end of its paragraph (``closed=False``), so a news-style
    quote over several paragraphs (each paragraph re-opening the quote) gives one
    ``Quote`` per paragraph; an unclosed single quote is kept (to the paragraph end)
    only when it opens the paragraph, otherwise it is taken for an apostrophe and
    dropped. A closing mark with no opener is ignored. Only outermost quotes are
    reported: a quote nested inside another (single inside double, or double inside
    British-style single) is dropped, and where a single and a double quote cross, the
    double one wins. Quotes with empty content are dropped. ``start``/``end`` include
    the marks; ``content_start``/``content_end`` exclude them and are stripped.

Tokens
    Word tokens are runs of letters and digits, joined across an internal apostrophe
    (``'`` or ``’``), hyphen or dot, and a comma between digits: "don't", "Trump’s",
    "ceasefire-related", "U.S" (the final dot is punctuation), "3.5", "1,000.50".
    Punctuation is not a token. Every token lies inside exactly one sentence.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import pairwise

from ._unicode import replace_surrogates

__all__ = ["Quote", "Segmented", "segment"]


@dataclass(frozen=True, slots=True)
class Quote:
    """One direct-quote span.

    ``start``/``end`` include the quote marks; ``content_start``/``content_end`` exclude
    them. ``closed`` is False where no closing mark was found and the quote was ended
    at the paragraph end (news style for quotes running over paragraphs) or at the
    end of the text.
    """

    start: int
    end: int
    content_start: int
    content_end: int
    closed: bool


@dataclass(frozen=True, slots=True)
class Segmented:
    """An article segmented once; every feature reads from this."""

    text: str
    paragraphs: tuple[tuple[int, int], ...]
    sentences: tuple[tuple[int, int], ...]
    sentence_paragraph: tuple[int, ...]
    quotes: tuple[Quote, ...]
    tokens: tuple[tuple[int, int], ...]
    sentence_tokens: tuple[tuple[int, int], ...]

    @property
    def n_paragraphs(self) -> int:
        """Number of paragraphs."""
        return len(self.paragraphs)

    @property
    def n_sentences(self) -> int:
        """Number of sentences."""
        return len(self.sentences)

    @property
    def n_words(self) -> int:
        """Number of word tokens."""
        return len(self.tokens)

    def paragraph_text(self, i: int) -> str:
        """Text of paragraph ``i`` (raw slice: a joined hard-wrapped paragraph keeps its
        newlines)."""
        start, end = self.paragraphs[i]
        return self.text[start:end]

    def sentence_text(self, i: int) -> str:
        """Text of sentence ``i`` (raw slice of the input)."""
        start, end = self.sentences[i]
        return self.text[start:end]

    def token_text(self, i: int) -> str:
        """Text of token ``i``."""
        start, end = self.tokens[i]
        return self.text[start:end]

    def quote_text(self, i: int, *, content: bool = True) -> str:
        """Text of quote ``i``: its content, or with ``content=False`` including the marks."""
        q = self.quotes[i]
        if content:
            return self.text[q.content_start : q.content_end]
        return self.text[q.start : q.end]

    def sentence_words(self, i: int) -> list[str]:
        """Word tokens of sentence ``i`` as strings."""
        i0, i1 = self.sentence_tokens[i]
        text = self.text
        return [text[s:e] for s, e in self.tokens[i0:i1]]

    def paragraph_sentences(self, p: int) -> range:
        """Indices of the sentences in paragraph ``p``."""
        lo = bisect_left(self.sentence_paragraph, p)
        hi = bisect_right(self.sentence_paragraph, p, lo=lo)
        return range(lo, hi)

    def sentence_quotes(self, i: int) -> tuple[Quote, ...]:
        """Quotes overlapping sentence ``i`` (a quote may run over several sentences)."""
        start, end = self.sentences[i]
        quotes = self.quotes
        # Reported quotes never overlap, so their ends are sorted like their starts.
        k = bisect_right(quotes, start, key=lambda q: q.end)
        out: list[Quote] = []
        while k < len(quotes) and quotes[k].start < end:
            out.append(quotes[k])
            k += 1
        return tuple(out)


# --------------------------------------------------------------------------- lexicons


def _words(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Never a sentence boundary after these (capitalised titles before a name).
_TITLES = _words(
    """mr mrs ms messrs mmes mme mlle dr prof gen lt col sgt capt cmdr cdr adm maj brig
    cpl pvt gov sen rep rev hon pres supt insp det fr rt"""
)
# Never a boundary after these, in any case (they always introduce something).
_CONNECTIVES = _words("vs v e.g i.e cf viz")
# Not a boundary before a number.
_BEFORE_NUMBER = _words("no nos art arts vol vols p pp fig figs ch sec para op ex est")
# Not a boundary unless the next word is clearly a sentence start.
_ABBREVIATIONS = _words(
    """jr sr snr jnr inc ltd co corp plc llc bros st mt ft ave blvd rd sq hwy etc al
    approx dept govt assn univ intl natl misc esp incl excl ca circa ph.d vol vols fig
    figs jan feb mar apr jun jul aug sep sept oct nov dec"""
)
# Capitalised words that clearly start a sentence after an abbreviation or initial.
_STARTERS = _words(
    """The A An He She It They We I You His Her Its Their Our My Your This That These
    Those There Here But And Or So Yet Nor In On At As If Of To For From By With Without
    After Before When While Where What Who Whom Whose Why How Which Although Though
    Because Since Despite During Under Over Among Meanwhile However Then Now Still Also
    Some Many Most Both Each All Several Neither Either Not Last Next Earlier Later Today
    Yesterday Tomorrow Instead Indeed Moreover Furthermore Nevertheless Such Once Only
    Even Just Another Other Others Every Nobody None Nothing Everyone Everybody Someone
    Somebody Anyone Few Asked Speaking According"""
)
_SPEECH_VERBS = (
    "said|says|asked|asks|added|adds|told|tells|replied|replies|wrote|writes|shouted|"
    "cried|exclaimed|insisted|continued|explained|wondered|recalled|warned|noted|"
    "declared|demanded|stated|quipped|joked|laughed|argued|admitted|conceded|suggested|"
    "tweeted|posted|posts|responded|remarked|pleaded|urged|yelled|screamed|whispered"
)

# ------------------------------------------------------------------------ expressions

_BREAK_CHARS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_LINE_BREAK = re.compile(rf"\r\n|[{_BREAK_CHARS}]")
# The stripped content of one non-blank line (line breaks are whitespace).
_LINE_CONTENT = re.compile(rf"\S(?:[^{_BREAK_CHARS}]*\S)?")
_CLOSERS = "”’\"'»)]}"
_OPENERS = "“‘\"'«([{"
_SENTENCE_PUNCT = ".!?…"
# Candidate boundary: final punctuation, closing quotes/brackets, whitespace.
_CANDIDATE = re.compile(r"([.!?…]+)([”’\"'»)\]}]*)\s+")
_OPEN_RUN = re.compile(r"[“‘\"'«(\[{]*")
_WORD_AT = re.compile(r"[^\W\d_]+")
_INITIALISM = re.compile(r"[^\W\d_]{1,2}(?:\.[^\W\d_]{1,2})+")
_LIST_MARKER = re.compile(r"\d{1,3}|[^\W\d_]|[ivxlc]+|[IVXLC]+")
_SPEAKER_TAG = re.compile(
    r"(?P<first>[^\W\d_a-z][\w’'.\-]*)(?:\s+[^\W\d_a-z][\w’'.\-]*){0,3}\s+"
    rf"(?:{_SPEECH_VERBS})\b"
)
_TOKEN = re.compile(r"[^\W_]+(?:(?:['’\-‐.]|(?<=\d),(?=\d))[^\W_]+)*")

# Characters after which a straight mark (or ‘) opens a quote ("" is an empty quote).
_OPEN_CONTEXT = r"\s(\[{\-‐‑–—/“‘'«"
_SINGLE_OPEN_CONTEXT = _OPEN_CONTEXT + '"'
# A straight ' before a straight " opens only if it opened itself ('"Why?" he asked');
# after a word or a comma it closed a nested quote ("People say, 'No,'" he said).
_DOUBLE_OPEN_CONTEXT = _OPEN_CONTEXT.replace("'", "")
_QUOTE_MARK = re.compile(
    r"(?P<dq_close>”|(?<=\S)“(?=\s|$))"  # “ between a word and a space: typo for ”
    r"|(?P<dq_open>“)"
    r"|(?P<dq_amb>(?<=\s)\"(?=\s|$))"
    rf"|(?P<dq_sopen>(?:(?<![^{_DOUBLE_OPEN_CONTEXT}])|(?<![^{_OPEN_CONTEXT}]')(?<='))\")"
    r"|(?P<dq_sclose>\")"
    rf"|(?P<sq_open>(?<![^{_SINGLE_OPEN_CONTEXT}])(?:‘(?=[^\s\d])|'(?=[^\W\d_])))"
    r"|(?P<sq_close>(?<=\S)[’'](?![^\W_]))"
)

_QUOTE_CHAR = re.compile("[”“\"‘'’]")
_OPENS_AFTER = re.compile(rf"[{_OPEN_CONTEXT}]")

# ------------------------------------------------------------------------- paragraphs


def _ends_sentence(text: str, start: int, end: int, marks: str = _SENTENCE_PUNCT) -> bool:
    """Whether the stripped span ends in one of ``marks`` (before closing quotes)."""
    tail = text[max(start, end - 8) : end].rstrip(_CLOSERS)
    return bool(tail) and tail[-1] in marks


def _lines(text: str) -> list[tuple[int, int, bool]]:
    """Non-blank lines as (start, end, after_blank), stripped.

    ``after_blank`` is True when at least one blank line separates the line from the
    previous non-blank line.
    """
    out: list[tuple[int, int, bool]] = []
    prev_end = 0
    search = _LINE_BREAK.search
    for m in _LINE_CONTENT.finditer(text):
        start = m.start()
        after_blank = False
        if out:
            first = search(text, prev_end, start)
            after_blank = first is not None and search(text, first.end(), start) is not None
        out.append((start, m.end(), after_blank))
        prev_end = m.end()
    return out


def _wrap_width(text: str, lines: list[tuple[int, int, bool]]) -> int | None:
    """The wrap width if the text looks hard-wrapped, else None."""
    inner = [(s, e) for (s, e, _), nxt in pairwise(lines) if not nxt[2]]
    n = len(inner)
    if n < 2:
        return None
    lengths = sorted(e - s for s, e in inner)
    width = lengths[math.ceil(0.9 * n) - 1]
    if not 40 <= width <= 100:
        return None
    full = n - bisect_left(lengths, 0.6 * width)
    if full * 3 < n * 2:
        return None
    open_ended = sum(not _ends_sentence(text, s, e) for s, e in inner)
    if open_ended * 2 < n:
        return None
    return width


def _paragraphs(text: str) -> list[tuple[int, int]]:
    lines = _lines(text)
    width = _wrap_width(text, lines)
    paras: list[tuple[int, int]] = []
    cur_start = cur_end = -1  # paragraph being built
    prev_start = -1  # start of its last line
    line_end_punct = _SENTENCE_PUNCT + ":;"
    for s, e, after_blank in lines:
        if cur_start >= 0 and not after_blank:
            if width is not None:
                join = cur_end - prev_start >= 0.6 * width
            else:
                join = text[s].islower() and not _ends_sentence(
                    text, prev_start, cur_end, line_end_punct
                )
            if join:
                cur_end, prev_start = e, s
                continue
        if cur_start >= 0:
            paras.append((cur_start, cur_end))
        cur_start, cur_end, prev_start = s, e, s
    if cur_start >= 0:
        paras.append((cur_start, cur_end))
    return paras


# -------------------------------------------------------------------------- sentences


def _clear_start(text: str, pos: int, end: int) -> bool:
    """Whether the text at ``pos`` clearly starts a sentence (after an abbreviation)."""
    m = _OPEN_RUN.match(text, pos, end)
    if m.end() > pos and any(c in "“\"'‘«" for c in m.group()):
        return True
    w = _WORD_AT.match(text, m.end(), end)
    return w is not None and w.group() in _STARTERS


def _plausible_start(text: str, pos: int, end: int) -> bool:
    """Uppercase letter, digit, opening quote/bracket (not before lowercase), or iPhone."""
    m = _OPEN_RUN.match(text, pos, end)
    k = m.end()
    if k >= end:
        return k > pos
    c = text[k]
    if c.isupper() or c.isdigit():
        return True
    if c.islower():
        if k > pos:
            return False
        w = _WORD_AT.match(text, k, end)
        return w is not None and any(ch.isupper() for ch in w.group())
    return k > pos


def _is_boundary(text: str, m: re.Match[str], sent_start: int, para_end: int) -> bool:
    nxt = m.end()
    if not _plausible_start(text, nxt, para_end):
        return False
    punct = m.group(1)
    if "?" in punct or "!" in punct:
        if any(c in "”’\"'" for c in m.group(2)):
            tag = _SPEAKER_TAG.match(text, nxt, para_end)
            if tag is not None and tag.group("first").rstrip(".") not in _STARTERS:
                return False
        return True
    if punct != ".":  # ellipsis: a boundary before a plausible start
        return True
    p = m.start(1)
    j = p
    while j > sent_start and not text[j - 1].isspace():
        j -= 1
    prev = text[j:p].lstrip(_OPENERS)
    if not prev:
        return True
    low = prev.lower()
    if (prev[0].isupper() and low in _TITLES) or low in _CONNECTIVES:
        return False
    if j == sent_start and _LIST_MARKER.fullmatch(prev):
        return False
    if low in _BEFORE_NUMBER:
        k = _OPEN_RUN.match(text, nxt, para_end).end()
        if k < para_end and text[k].isdigit():
            return False
    if (
        low in _ABBREVIATIONS
        or (len(prev) == 1 and prev.isalpha() and prev != "I")
        or _INITIALISM.fullmatch(prev)
    ):
        return _clear_start(text, nxt, para_end)
    return True


def _sentences(text: str, para: tuple[int, int]) -> list[tuple[int, int]]:
    p0, p1 = para
    out: list[tuple[int, int]] = []
    start = p0
    for m in _CANDIDATE.finditer(text, p0, p1):
        if m.end() >= p1:  # trailing whitespace cannot occur (stripped), but be safe
            break
        if _is_boundary(text, m, start, p1):
            out.append((start, m.end(2)))
            start = m.end()
    out.append((start, p1))
    return out


# ----------------------------------------------------------------------------- quotes


def _make_quote(text: str, start: int, close: int | None, limit: int) -> Quote | None:
    """Quote opening at ``start``; closed by the mark at ``close`` or ended at ``limit``."""
    cs = start + (2 if text.startswith("''", start) else 1)
    ce = close if close is not None else limit
    while cs < ce and text[cs].isspace():
        cs += 1
    while ce > cs and text[ce - 1].isspace():
        ce -= 1
    if ce <= cs:
        return None
    if close is not None:
        return Quote(start, close + (2 if text.startswith("''", close) else 1), cs, ce, True)
    return Quote(start, ce, cs, ce, False)


def _paragraph_quotes(
    text: str, para: tuple[int, int], marks: list[tuple[int, str]]
) -> list[Quote]:
    p0, p1 = para
    doubles: list[Quote | None] = []
    singles: list[Quote | None] = []
    stack: list[tuple[int, str]] = []  # open double marks: (position, style)
    single_open: int | None = None
    for pos, kind in marks:
        if kind == "dq_open" or kind == "dq_sopen":
            style = "c" if kind == "dq_open" else "s"
            if stack and stack[-1][1] == style:
                # Same style again while open: the closing mark was missing.
                if len(stack) == 1:
                    doubles.append(_make_quote(text, stack[0][0], None, pos))
                stack.pop()
            stack.append((pos, style))
        elif kind in ("dq_close", "dq_sclose", "dq_amb"):
            if stack:
                doubles.append(_make_quote(text, stack.pop()[0], pos, pos))
        elif kind == "sq_open":
            single_open = pos
        elif single_open is not None:  # sq_close
            singles.append(_make_quote(text, single_open, pos, pos))
            single_open = None
    if stack:
        doubles.append(_make_quote(text, stack[0][0], None, p1))
    if single_open is not None and single_open == p0:
        singles.append(_make_quote(text, single_open, None, p1))
    tagged = [(q, True) for q in doubles if q is not None]
    tagged += [(q, False) for q in singles if q is not None]
    tagged.sort(key=lambda t: (t[0].start, -t[0].end))
    kept: list[tuple[Quote, bool]] = []
    for q, is_double in tagged:
        if kept and q.start < kept[-1][0].end:
            last, last_double = kept[-1]
            if q.end <= last.end:
                continue  # nested
            if is_double and not last_double:
                kept[-1] = (q, is_double)  # crossing: the double quote wins
            continue
        kept.append((q, is_double))
    return [q for q, _ in kept]


def _quotes(text: str, paras: list[tuple[int, int]]) -> list[Quote]:
    out: list[Quote] = []
    # Find candidate characters with a plain character class (fast), then classify
    # each with the full pattern (its lookbehinds see the text before ``pos``).
    classify = _QUOTE_MARK.match
    marks = []
    skip_until = -1
    for candidate in _QUOTE_CHAR.finditer(text):
        pos = candidate.start()
        if pos < skip_until:
            continue
        if text.startswith("''", pos):
            # two apostrophes stand for a straight double mark (''Yes,'' he said)
            skip_until = pos + 2
            opens = (pos == 0 or _OPENS_AFTER.match(text, pos - 1)) and not (
                text[pos + 2 : pos + 3].isspace() or pos + 2 >= len(text)
            )
            marks.append((pos, "dq_sopen" if opens else "dq_sclose"))
            continue
        m = classify(text, pos)
        if m is not None:
            marks.append((m.start(), m.lastgroup or ""))
    k = 0
    n = len(marks)
    for para in paras:
        p0, p1 = para
        while k < n and marks[k][0] < p0:
            k += 1
        k0 = k
        while k < n and marks[k][0] < p1:
            k += 1
        if k > k0:
            out.extend(_paragraph_quotes(text, para, marks[k0:k]))
    return out


# ---------------------------------------------------------------------------- segment


def segment(text: str) -> Segmented:
    """Segment a text into paragraphs, sentences, direct quotes and word tokens.

    The rules are documented in the module docstring. All spans are character offsets
    into ``text``, end-exclusive and stripped of surrounding whitespace. The cost is
    linear in the length of the text.

    Args:
        text: The article text (any newline convention).

    Returns:
        A :class:`Segmented` holding the text and its paragraph, sentence, quote and
        token spans, with the paragraph of each sentence and the token range of each
        sentence.

    Example:
        >>> seg = segment('Mr. Smith went to Washington. "Why now?" she asked.')
        >>> [seg.sentence_text(i) for i in range(seg.n_sentences)]
        ['Mr. Smith went to Washington.', '"Why now?" she asked.']

    A lone surrogate (half of a UTF-16 pair, which no table or file can hold) becomes
    U+FFFD in ``Segmented.text``: one character for one, so every offset still holds.
    """
    text, _ = replace_surrogates(text)
    paras = _paragraphs(text)
    sentences: list[tuple[int, int]] = []
    sentence_paragraph: list[int] = []
    for p, para in enumerate(paras):
        spans = _sentences(text, para)
        sentences.extend(spans)
        sentence_paragraph.extend([p] * len(spans))
    tokens: list[tuple[int, int]] = []
    sentence_tokens: list[tuple[int, int]] = []
    finditer = _TOKEN.finditer
    for s, e in sentences:
        i0 = len(tokens)
        tokens.extend([m.span() for m in finditer(text, s, e)])
        sentence_tokens.append((i0, len(tokens)))
    return Segmented(
        text=text,
        paragraphs=tuple(paras),
        sentences=tuple(sentences),
        sentence_paragraph=tuple(sentence_paragraph),
        quotes=tuple(_quotes(text, paras)),
        tokens=tuple(tokens),
        sentence_tokens=tuple(sentence_tokens),
    )
