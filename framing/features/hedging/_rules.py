"""Matching hedge and booster cues in a token view, and the context rules that keep
precision.

A cue matches a run of tokens in one sentence with only spaces between them. Then the
context rules decide whether that occurrence is a hedge (or booster) at all:

* **may**: not the month or a name ("in May", "Theresa May": capitalised inside a
  sentence), not permission ("residents may return home", "may be required to");
* **might**: not the noun ("military might");
* **could**: not inability or past ability ("could not", "could see", "could afford",
  "as fast as he could");
* **would**: a conditional or hypothetical ("would have helped", "I would bring back",
  "it would cost more"), not a wish ("would like to"), narration's future ("would later
  become", "would go on to") or reported speech's future after a verb of saying,
  knowing or deciding in the sentence ("he said the UK would send");
* **accuse**, **allege**: not after a named subject ("Pelosi accused Republicans of
  …", "NGO Monitor has accused …": a speech act the attribution table reports); a vague
  subject ("critics allege", "some accuse"), a passive ("was accused of") or an
  attributive use ("the alleged affair") is a hedge;
* **appear**: only "appear to (be)", "it appears", "appears likely" and the like, not
  "appeared before the committee" or "appeared in the film";
* **think/thought**: not "think tank" or the noun ("political thought");
* **assume**: not "assumed office/command/the role";
* **expect**: not "as expected" or "than expected";
* **suspect**: not the noun ("the suspect", "two suspects");
* **possible**: not "as soon as possible", "made possible";
* approximators (about, around, some, nearly, up to …): only before a quantity ("around
  200", "about £5m", "nearly half"); "or so" only after one;
* **will** (booster): only the modal of prediction: not "the will of", "political will",
  a name ("Will Smith"), a question ("Will the ceasefire hold?") or a scheduled event
  (a weekday, date, "tomorrow", "next week" or a clock time after it: "will visit Ohio on
  Thursday");
* a negated booster is no booster, and "not clear", "not certain", "not sure" (also
  "isn't clear") are hedges.

Overlapping matches: the longest wins ("almost certainly" is one hedge, not a hedge and
a booster; "it is believed" one impersonal hedge, not also the verb "believed").
"""

from __future__ import annotations

from dataclasses import dataclass

from .._view import View
from ._lexicon import BE, Cue, HedgeLexicons

__all__ = ["Match", "find_cues"]


def _words(words: str) -> frozenset[str]:
    return frozenset(words.split())


# 'would like to', 'would rather': a wish, not doubt
_WOULD_WISH = _words("like love prefer rather")
# 'would later become', 'would go on to': the future of narration
_WOULD_NARRATION = _words("later eventually soon go become subsequently never")
# between a named subject and 'accused' ('has repeatedly accused')
_AUX_BEFORE_ACCUSE = _words("has have had also repeatedly publicly previously once often")
# capitalised subjects that name no one ('Some allege', 'Critics accuse', 'They allege')
_VAGUE_ACCUSERS = _words(
    "some many critics others they few several most all opponents people we i he she it"
)
# a time that makes 'will' a schedule ('will visit on Thursday', 'will resume next week')
_SCHEDULE = _words(
    """monday tuesday wednesday thursday friday saturday sunday tomorrow tonight next
    january february march april june july august september october november december
    pm am p.m a.m noon midnight"""
)
# a pronoun between 'than' and the verb ('more work than he expected')
_THAN_SUBJECTS = _words("he she they we i you it anyone anybody most many")
# before a 'could' of ability or purpose ('so that he could', 'before she could')
_COULD_PURPOSE = _words("so before until once")
# words that make a 'would' conditional in the sentence ('if', 'unless', 'without')
_WOULD_CONDITION = _words("if unless without otherwise should")
# subjects of a hypothetical 'would be' ('it would be expensive', 'this would not')
_WOULD_SUBJECTS = _words("it this that which such")
# verbs of saying, knowing and deciding before a backshifted 'would' ('said it would')
_WOULD_REPORTED = _words(
    """said says say told tells announced stated claimed promised pledged vowed warned
    added insisted argued explained noted reported confirmed decided knew agreed wrote
    declared acknowledged admitted signaled signalled indicated predicted ruled learned"""
)


_BE_FORMS = _words("is are was were be been being am 's 're")
_ADVERBS = _words(
    """also still now not long already often widely generally commonly increasingly yet
    once initially previously largely mostly broadly privately"""
)
_DETERMINERS = _words(
    "the a an this that these those his her their its our my your whose no any every"
)
_NUMBER_WORDS = _words(
    """one two three four five six seven eight nine ten eleven twelve thirteen fourteen
    fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy
    eighty ninety hundred hundreds thousand thousands million millions billion billions
    trillion dozen dozens half third thirds quarter quarters fifth tenth percent per cent
    double twice"""
)
_A_QUANTITY = _words("dozen hundred thousand million billion third quarter half fifth")
_CURRENCY_GAP = frozenset(" $£€¥#~")
_NEGATIONS = _words("not never no hardly scarcely nor")
_PERMISSION_VERBS = _words(
    """return apply enter leave use vote attend request submit choose opt keep stay visit
    park bring travel access appeal withdraw proceed carry wear purchase buy sell ask
    contact resume register join reapply resubmit redeem cancel exit remain"""
)
_COULD_NOT_HEDGE = _words("not never hardly barely scarcely only see hear feel smell taste afford")
_APPEAR_NEXT = _words(
    """that likely unlikely certain set poised ready close determined keen eager confident
    unaware aware reluctant unwilling willing intent resigned bent increasingly"""
)
_ASSUME_OBJECTS = _words(
    """office command control power the responsibility responsibilities role duties post
    charge leadership presidency name identity position throne mantle ownership his her
    their its"""
)
_SUSPECT_SUBJECTS = _words("i we you they police investigators officials he she")
_NOUN_BEFORE_MIGHT = _words(
    "military economic naval industrial full all with its his her their our the"
)
_NOUN_BEFORE_THOUGHT = _DETERMINERS | _words("of political religious western critical economic")
_NOUN_BEFORE_WILL = _words(
    """the a his her their its our my your whose political free good ill own popular
    people's public against sheer iron collective national"""
)
_PERCEIVED = _words("seen heard felt smelled smelt spotted glimpsed observed")
_DELIBERATION = _words("whether if how what when why which who for options proposals")
_ONCE = _words("first previously initially originally once")
_MODAL_AFTER_MAY = _words("be have not well also never only")
_ATTRIBUTIVE = _words("a an one another the his her their its")
_NOT_EPISTEMIC_POSSIBLE = _words("to for by from in without")
_CONDITIONAL_OPENERS = _words("if unless whether")
_NEGATABLE_WORDS = _words("clear certain sure")
_NEGATABLE = frozenset(
    {"is clear", "clear that", "certain that", "is certain to", "sure that", "is sure to"}
)


@dataclass(frozen=True, slots=True)
class Match:
    """A kept cue occurrence: tokens ``first`` to ``last - 1`` of the view."""

    cue: Cue
    first: int
    last: int
    lemma: str
    category: str
    tier: str
    uncertainty_class: str | None


def _adverb_ends(view: View, k: int, sent: int) -> list[int]:
    """``k`` and the positions after up to two adverbs from ``k`` ("is widely believed")."""
    ends = [k]
    while len(ends) < 3 and k < len(view.low) and view.sent[k] == sent:
        w = view.low[k]
        if not (w in _ADVERBS or (w.endswith("ly") and len(w) > 4)):
            break
        k += 1
        ends.append(k)
    return ends


def _step_ends(view: View, step: frozenset[str] | str, j: int, sent: int, first: bool) -> list[int]:
    """Token indices just after ``step`` matched at ``j`` (several for ``{be}``)."""
    if j >= len(view.low) or view.sent[j] != sent:
        return []
    if not first and not view.gap(j).isspace():
        return []
    word = view.low[j]
    if step == BE:
        return _adverb_ends(view, j + 1, sent) if word in _BE_FORMS else []
    assert isinstance(step, frozenset)
    return [j + 1] if word in step else []


def _ends(
    view: View, steps: tuple[frozenset[str] | str, ...], n: int, j: int, sent: int
) -> set[int]:
    """Every token index where a match of ``steps[n:]`` starting at ``j`` can end."""
    if n == len(steps):
        return {j}
    step = steps[n]
    out: set[int] = set()
    # "it's understood": the pronoun's token carries the form of "be" itself.
    if (
        isinstance(step, frozenset)
        and n + 1 < len(steps)
        and steps[n + 1] == BE
        and j < len(view.low)
        and view.sent[j] == sent
        and view.low[j].endswith(("'s", "'re"))
        and view.low[j].rsplit("'", 1)[0] in step
    ):
        for k in _adverb_ends(view, j + 1, sent):
            out |= _ends(view, steps, n + 2, k, sent)
    for k in _step_ends(view, step, j, sent, n == 0):
        out |= _ends(view, steps, n + 1, k, sent)
    return out


def _match_end(view: View, cue: Cue, i: int) -> int | None:
    """The end of the longest match of ``cue`` starting at token ``i``, or None."""
    steps = cue.steps
    if BE not in steps:
        # Words only ("probably", "it is understood" spelt out): one way to match, token
        # by token; the search over forms of "be" and their adverbs is for the rest.
        # ``i`` is a token the cue starts with (the lexicon's index said so).
        sent, low, sents, gaps = view.sent[i], view.low, view.sent, view.gaps
        j = i + 1
        for step in steps[1:]:
            if j >= len(low) or sents[j] != sent or not gaps[j].isspace() or low[j] not in step:
                return None
            j += 1
        return j
    ends = _ends(view, steps, 0, i, view.sent[i])
    return max(ends) if ends else None


def _candidates(view: View, lex: HedgeLexicons) -> list[tuple[Cue, int, int]]:
    out: list[tuple[Cue, int, int]] = []
    low, sents = view.low, view.sent
    last = len(low) - 1
    by_word, by_pair, after_be, order = lex.search_index()
    for i, word in enumerate(low):
        if word.endswith("'ll"):
            out.append((_WILL, i, i + 1))
        found = []
        cues = by_word.get(word)
        if cues:
            found.append(cues)
        if i < last:
            cues = by_pair.get((word, low[i + 1]))
            if cues:
                found.append(cues)
            if word in _BE_FORMS:
                for k in _adverb_ends(view, i + 1, sents[i]):
                    cues = after_be.get(low[k]) if k <= last else None
                    if cues:
                        found.append(cues)
        if not found:
            continue
        if len(found) == 1:
            tried = found[0]
        else:  # in the lexicon's order, each once
            tried = sorted(
                {id(c): c for cues in found for c in cues}.values(), key=lambda c: order[id(c)]
            )
        for cue in tried:
            end = _match_end(view, cue, i)
            if end is not None:
                out.append((cue, i, end))
    return out


_WILL = Cue("'ll", "will", "modal", None, "booster", (frozenset(),))


# ------------------------------------------------------------------------ context


def _word(view: View, j: int, sent: int) -> str | None:
    if 0 <= j < len(view.low) and view.sent[j] == sent:
        return view.low[j]
    return None


def _is_quantity(view: View, j: int, sent: int) -> bool:
    w = _word(view, j, sent)
    if w is None or not set(view.gap(j)) <= _CURRENCY_GAP:
        return False
    if w[0].isdigit() or w in _NUMBER_WORDS:
        return True
    return w in ("a", "an") and _word(view, j + 1, sent) in _A_QUANTITY


def _negation(view: View, cue: Cue, first: int, last: int, sent: int) -> int | None:
    """The token negating a match ("not", "isn't", "never" up to two tokens before it or
    among the adverbs inside it), or None. Words of the pattern itself ("no doubt") are
    not negations of it."""
    literal = frozenset().union(*(s for s in cue.steps if isinstance(s, frozenset)))
    for j in range(max(first - 2, 0), last):
        w = _word(view, j, sent)
        if w is not None and w not in literal and (w in _NEGATIONS or w.endswith("n't")):
            return j
    return None


def _context(view: View, cue: Cue, i: int, end: int) -> Match | None:
    """Apply the context rules; return the kept match (possibly re-categorised) or None."""
    sent = view.sent[i]
    lemma = cue.lemma
    prev = _word(view, i - 1, sent)
    nxt = _word(view, end, sent)
    keep = Match(cue, i, end, lemma, cue.category, cue.tier, cue.uncertainty_class)
    if cue.category == "approximator":
        if lemma == "or so":
            before = _is_quantity(view, i - 1, sent) or _is_quantity(view, i - 2, sent)
            return keep if before else None
        return keep if _is_quantity(view, end, sent) else None
    if cue.tier == "booster":
        return _booster(view, keep, i, end, sent, prev, nxt)
    if lemma == "may":
        return _may(view, keep, i, end, sent, nxt)
    if lemma == "might":
        noun = prev in _NOUN_BEFORE_MIGHT or nxt in (None, "of", "and", "or")
        return None if noun or not view.gap(end).isspace() else keep
    if lemma == "could":
        seen = nxt == "be" and _word(view, end + 1, sent) in _PERCEIVED
        able = nxt is None or nxt in _COULD_NOT_HEDGE or seen or _could_able(view, i, sent)
        return None if able or not view.gap(end).isspace() else keep
    if lemma == "would":
        return _would(view, keep, i, sent, nxt)
    if lemma in ("accuse", "allege") and _named_accuser(view, i, sent):
        return None  # 'Pelosi accused Republicans of …': a named source's speech act

    if lemma == "appear":
        return _appear(view, keep, end, sent, prev, nxt)
    if lemma in ("think", "expect", "believe", "estimate") and _after_than(view, i, sent):
        return None  # "worse than (first) thought", "better than expected": a comparison
    if lemma == "think":
        noun = view.low[i] in ("thought", "thinking") and prev in _NOUN_BEFORE_THOUGHT
        intended = nxt == "to" and prev not in _BE_FORMS  # "nobody thought to tell them"
        return None if noun or intended or nxt in ("tank", "tanks") else keep
    if lemma == "consider":
        deliberate = nxt in _DELIBERATION or (nxt is not None and nxt.endswith("ing"))
        return None if deliberate else keep  # "consider whether to", "considered calling"
    if lemma == "estimate" and view.low[i] == "estimated":
        measured = _is_quantity(view, end, sent) or prev in _BE_FORMS or nxt in ("that", "at")
        return keep if measured else None
    if lemma == "assume":
        return None if prev not in _BE_FORMS and nxt in _ASSUME_OBJECTS else keep
    if lemma == "expect":
        before = _word(view, i - 2, sent) if prev in _BE_FORMS else prev
        return None if before == "as" else keep
    if lemma == "suspect":
        verb = prev in _SUSPECT_SUBJECTS or nxt in ("that", "he", "she", "it", "they", "this")
        return keep if verb else None
    if lemma == "possible":
        # "possible that" and "a possible deal"; not "possible to do", "as soon as possible".
        return (
            keep
            if nxt == "that"
            or (prev in _ATTRIBUTIVE and nxt is not None and nxt not in _NOT_EPISTEMIC_POSSIBLE)
            else None
        )
    if lemma == "apparent":
        return keep if prev in _ATTRIBUTIVE and nxt not in (None, "heir") else None
    if lemma == "if" and prev == "as":
        return None  # "as if": a comparison
    if lemma == "as long as" and (_is_quantity(view, end, sent) or nxt in ("possible", "ever")):
        return None
    return keep


def _booster(
    view: View, keep: Match, i: int, end: int, sent: int, prev: str | None, nxt: str | None
) -> Match | None:
    lemma = keep.lemma
    if lemma == "will":
        return _will(view, keep, i, end, sent, prev, nxt)
    if (
        lemma == "is clear"
        and nxt not in ("that", "what", "who", "how", "why", "to", "from")
        and prev not in ("it", "this", "that", "what")
        and not view.low[i].startswith(("it'", "that'"))
    ):
        return None  # "the road is clear"
    negation = _negation(view, keep.cue, i, end, sent)
    if negation is None:
        return keep
    if lemma not in _NEGATABLE:
        return None
    # "not clear", "isn't certain": the negation and the adjective are one hedge.
    adjective = next(j for j in range(i, end) if view.low[j] in _NEGATABLE_WORDS)
    first, last = min(negation, adjective), adjective + 1
    return Match(keep.cue, first, last, "not clear", "adjective", "hedge", "epistemic")


def _after_than(view: View, i: int, sent: int) -> bool:
    """'than (first) thought', 'than he expected': a comparison."""
    prev = _word(view, i - 1, sent)
    if prev in _ONCE or prev in _THAN_SUBJECTS:
        prev = _word(view, i - 2, sent)
    return prev == "than"


def _may(view: View, keep: Match, i: int, end: int, sent: int, nxt: str | None) -> Match | None:
    word = view.words[i]
    first_in_sentence = view.seg.sentence_tokens[sent][0] == i
    # "in May", "Theresa May"; only a sentence-opening "May be ..." is the modal.
    if word[:1].isupper() and (not first_in_sentence or nxt not in _MODAL_AFTER_MAY):
        return None
    if nxt is None or nxt[0].isdigit() or not view.gap(end).isspace():
        return None
    after = nxt
    k = end
    while after in ("now", "only", "also", "still", "then", "not"):
        k += 1
        after = _word(view, k, sent)
    if after in _PERMISSION_VERBS:
        return None
    return keep


def _named_accuser(view: View, i: int, sent: int) -> bool:
    """Whether an active 'accused'/'alleges' has a named subject ('Pelosi accused …',
    'NGO Monitor has accused …'): a speech act the attribution table reports. A vague
    subject ('critics allege', 'some accuse'), a passive ('was accused of') or an
    attributive use ('the alleged affair') leaves the claim in doubt: a hedge."""
    t0 = view.seg.sentence_tokens[sent][0]
    k = i - 1
    while k >= t0 and (view.low[k] in _AUX_BEFORE_ACCUSE) and not view.gap(k + 1).strip():
        k -= 1
    if k < t0 or view.gap(k + 1).strip():
        return False
    low = view.low[k]
    return view.words[k][:1].isupper() and low not in _VAGUE_ACCUSERS and low not in _DETERMINERS


def _could_able(view: View, i: int, sent: int) -> bool:
    """'so that he could work', 'before he could talk', 'until they could': ability or
    purpose, not doubt (the word two or three before 'could', within its clause)."""
    t0 = view.seg.sentence_tokens[sent][0]
    for k in range(i - 1, max(t0, i - 4) - 1, -1):
        if set(view.gap(k + 1)) & set(",;:—–()"):
            return False
        if view.low[k] in _COULD_PURPOSE:
            return k == i - 1 or view.low[k] != "so" or view.low[k + 1] == "that"
    return False


def _would(view: View, keep: Match, i: int, sent: int, nxt: str | None) -> Match | None:
    """'would' as a conditional or hypothetical, not a wish, narration's future or the
    future of reported speech."""
    if nxt is None or nxt in _WOULD_WISH or nxt in _WOULD_NARRATION:
        return None  # 'would like to', 'would later become', 'would go on to'
    t0, t1 = view.seg.sentence_tokens[sent]
    if any(view.low[t] in _WOULD_REPORTED for t in range(t0, i)):
        return None  # 'he said the UK would send': reported speech's future
    words = view.low[t0:t1]
    if any(w.isdigit() and len(w) == 4 for w in words) or _WOULD_NARRATION & set(words):
        return None  # 'in 1539 there would be another revolt': narration of the past
    if view.quote[i] >= 0:
        return keep  # a speaker's hypothetical: '“I would bring back waterboarding”'
    if _WOULD_CONDITION & set(words):
        return keep  # 'without this rule, the amendment would be meaningless'
    prev = view.low[i - 1] if i > t0 else ""
    if prev in _WOULD_SUBJECTS and nxt in ("be", "not", "have"):
        return keep  # 'it would be expensive', 'this would not be possible'
    return None


def _appear(
    view: View, keep: Match, end: int, sent: int, prev: str | None, nxt: str | None
) -> Match | None:
    if prev in ("it", "would", "there") or nxt in _APPEAR_NEXT:
        return keep
    if nxt == "as" and _word(view, end + 1, sent) in ("if", "though"):
        return keep
    if nxt == "to":
        after = _word(view, end + 1, sent)
        if (
            after is not None
            and after not in _DETERMINERS
            and not view.words[end + 1][:1].isupper()
        ):
            return keep
    return None


def _will(
    view: View, keep: Match, i: int, end: int, sent: int, prev: str | None, nxt: str | None
) -> Match | None:
    word = view.words[i]
    contracted = word.lower().endswith(("'ll", "’ll"))
    first_in_sentence = view.seg.sentence_tokens[sent][0] == i
    if word[:1].isupper() and (not first_in_sentence or (nxt and view.words[end][:1].isupper())):
        return None  # "Will Smith"
    if not contracted and (
        prev in _NOUN_BEFORE_WILL or nxt in (None, "of", "to", "and") or not view.gap(end).isspace()
    ):
        return None  # "the will of the people", "political will to"
    s0, s1 = view.seg.sentences[sent]
    if first_in_sentence and view.text[s0:s1].rstrip(" ”’\"')").endswith("?"):
        return None  # a question: "Will the ceasefire hold?"
    t1 = view.seg.sentence_tokens[sent][1]
    if any(view.low[t] in _SCHEDULE for t in range(end, t1)):
        return None  # 'will visit Ohio on Thursday': a scheduled event, not a prediction
    # Inside a conditional clause ("if Hamas will not disarm", "whether it will hold").
    j = i - 1
    while j >= 0 and view.sent[j] == sent and not set(view.gap(j + 1)) & set(",;:—–()"):
        if view.low[j] in _CONDITIONAL_OPENERS:
            return None
        j -= 1
    return keep


def find_cues(view: View, lex: HedgeLexicons) -> list[Match]:
    """Every kept hedge, booster and (when switched on) weasel occurrence, text order."""
    kept = [m for cue, i, end in _candidates(view, lex) if (m := _context(view, cue, i, end))]
    kept.sort(key=lambda m: (-(m.last - m.first), m.first))
    taken: set[int] = set()
    out: list[Match] = []
    for m in kept:
        span = range(m.first, m.last)
        if any(t in taken for t in span):
            continue
        taken.update(span)
        out.append(m)
    out.sort(key=lambda m: m.first)
    return out
