"""Finding cues: a reporting verb (or phrase), whether it reports anything here, and
where to look for its source.

A verb preceded by a determiner or a possessive ("his plans", "the said product") is a
noun or adjective and gives nothing; phrasal and idiomatic uses ("show up", "back
down") report nothing. "and"/"but" before a verb share the previous attribution's
source in the sentence ("…praised the plan and said…").
"""

from __future__ import annotations

from .._names import SUBJECT_PRONOUNS, VerbEntry, word_lists
from ._common import (
    _ADVERBS,
    _COORD,
    _FRONTED,
    _IRREGULAR_PARTICIPLES,
    _IRREGULAR_PAST,
    _NOUN_FOLLOWERS,
    _PRONOUN_BE,
    _QUANTITY_SUBJECTS,
    _QUOTE_COMMAS,
    Candidate,
    Stage,
    _before_stripped,
    _comma_like,
    _finite_verb,
    _is_adverb,
    _paren_only,
    _Sentence,
)
from ._phrases import (
    _AUX,
    _BE,
    _DETERMINERS,
    _SOURCE_LIKE,
    _STOP,
    _has_punct,
    _np_back,
    _np_forward,
    _number,
    _of_parents,
    _open_gap,
    _plausible_source,
    _verb_form,
)

_RULE_WORDS = word_lists("attribution_rule_words.tsv")
# participles of publishing: ', first published by Politico,' names the outlet
_PUBLISHED = _RULE_WORDS["published"]
# prepositions that never open a speaker's phrase ('in a lengthy expose')
_SETTING_PREPS = frozenset(["in", "on", "at", "into", "during", "despite", "through"])
_NEG_BE = frozenset(f"{v}n{a}t" for v in ("is", "are", "was", "were") for a in "'’")
_PERSONAL_SUBJECTS = frozenset(["he", "she", "they", "we", "i", "who"])
# words before an -ing cue that make it the sentence subject's ('responded by saying')
_PARTICIPLE_LINKS = frozenset(["and", "by", "before", "while", "without", "then"])
# words after a verb that make a phrasal verb reporting nothing ('show up', 'back down')
_PHRASAL_NOT: dict[str, frozenset[str]] = {
    "show": frozenset(["up", "off"]),
    "back": frozenset(["down", "off", "away", "out", "up"]),
    "write": frozenset(["off", "down"]),
    "find": frozenset(["himself", "herself", "themselves", "itself", "myself", "ourselves"]),
    "add": frozenset(["to", "up"]),
    "point": frozenset(["to", "at"]),
    "call": frozenset(["off", "in", "into"]),
    "report": frozenset(["from"]),
}
# words that make 'asked not to be …' a condition of anonymity, not a report
_ANONYMITY = frozenset(["named", "identified", "anonymous", "anonymity", "quoted"])
# verbs after which a bare verb is an infinitive, not a report ('helped found the group')
_BARE_INFINITIVE = frozenset(["help", "helps", "helped", "helping"])
_LET = frozenset(["let", "lets", "letting"])
# verbs that take 'to' + a reporting verb: 'refused to admit', 'wants to say'
_CONTROL = _RULE_WORDS["control"]
# documents a sender issues: 'sent a letter saying …', 'posted a message reading …'
_DOCUMENT_NOUNS = _RULE_WORDS["document_nouns"]
# 'in fact', 'in particular' inside a verb group ('have in fact reported')
_ASIDES = frozenset(["fact", "particular", "turn", "private", "public", "recent", "effect"])
# 'said by telephone': a channel, not a passive agent
_BY_CHANNELS = _RULE_WORDS["by_channels"]


class VerbStage(Stage):
    """Reading a reporting verb as a cue and finding its source."""

    # -- verbs --------------------------------------------------------------------------

    def _verb(
        self, sent: _Sentence, i: int, j: int, entry: VerbEntry, first_in_sentence: int
    ) -> Candidate | None:
        """A reporting verb (or phrase) at tokens ``i``..``j-1``."""
        view, lex = self.view, self.lex
        low = view.low
        t0, t1 = sent.t0, sent.t1
        k = i
        passive = False
        while k > t0 and _open_gap(view, k):
            w = low[k - 1]
            if view.capitalised(k - 1) and (
                k - 1 > t0 or not (w in _BE or w in _AUX or w in _ADVERBS)
            ):
                break  # 'Will wrote', 'Jolly said': a name, not a modal or an adverb
            if w in _BE or w in _NEG_BE:
                passive = not low[i].endswith("ing")
            elif w == "to" and k - 2 >= t0 and self._governs(k - 2):
                # 'refused to admit', 'declined to say': the governing verb leads
                k -= 2
                continue
            elif w in _ASIDES and k - 2 > t0 and low[k - 2] == "in" and _open_gap(view, k - 1):
                k -= 2  # 'have in fact reported', 'has in private argued'
                continue
            elif w in ("both", "all", "each") and k - 1 > t0 and low[k - 2] not in _DETERMINERS:
                k -= 1  # 'The senators have both argued', 'Smith and Jones both stressed'
                continue
            elif not (w in _AUX or _is_adverb(w)):
                break
            k -= 1
        if k > t0 and low[k - 1] == "to":
            return None  # an infinitive depending on something else
        if self._not_a_cue(sent, k, i, j, entry):
            return None
        if (
            not passive
            and j == i + 1
            and j < t1
            and low[j] == "by"
            and low[i] in _PUBLISHED
            and k > t0
            and "," in view.gap(k)
        ):
            # 'The minister's remarks, first published by Politico, …': the outlet
            np = _np_forward(view, j + 1, t1, lex)
            if np and _plausible_source(view, *np, lex):
                return self._finish(sent, i, j, entry, np, "passive_by", np[1])
        if (
            not passive
            and j < t1
            and low[j] == "by"
            and j == i + 1
            and not (j + 1 < t1 and low[j + 1] in _BY_CHANNELS)
            and (low[i].endswith(("ed", "en")) or low[i] in _IRREGULAR_PARTICIPLES)
            and not any(low[t] in _AUX for t in range(k, i))
            and not (k > t0 and low[k - 1] in SUBJECT_PRONOUNS)
        ):
            return None  # 'a measure opposed by unions', 'responded by': rarely a report
        k = self._skip_time(k, t0)
        while k > t0 and _open_gap(view, k) and (low[k - 1] in _AUX or low[k - 1] in _ADVERBS):
            k -= 1  # 'have in the past said'
        if (
            j == i + 1
            and low[i].endswith("ing")
            and not any(low[t] in _BE for t in range(k, i))
            and not (k > t0 and low[k - 1] in _PRONOUN_BE)
        ):
            if k > t0 and ("," in view.gap(k) or low[k - 1] in _PARTICIPLE_LINKS):
                return self._participle(sent, i, j, entry, first_in_sentence)
            doc = self._skip_time(k, t0)
            if (
                doc > t0
                and entry.category in ("speech", "writing")
                and view.base(doc - 1).removesuffix("s") in _DOCUMENT_NOUNS
                and _open_gap(view, doc)
            ):
                # 'The team sent out a press release saying …': the sender speaks
                return self._participle(sent, i, j, entry, first_in_sentence)
            absolute = self._with_absolute(sent, k, entry)
            if absolute is not None:
                # 'Fans backed him, with 40 percent saying he should stay'
                return self._finish(sent, i, j, entry, absolute, "participle", j)
            if (
                k > t0
                and entry.category in ("speech", "writing")
                and view.capitalised(k - 1)
                and _open_gap(view, k)
                and self._clause_follows(j, t1)
            ):
                # 'footage of Hillary Clinton asking, “Why …”': the name speaks
                np = _np_back(view, k - 1, t0, lex)
                if np and _plausible_source(view, *np, lex):
                    return self._finish(sent, i, j, entry, np, "participle", j)
            return None  # a gerund ('central planning', 'recalled him saying')
        nouny = j == i + 1 and low[i] in entry.noun_forms
        if nouny and not self._verb_follows(j, t1) and not self._verb_in_context(sent, k, j, entry):
            return None  # 'terror attacks on', 'swing states are': a noun
        source: tuple[int, int] | None = None
        rule = ""
        after = j  # first token after the cue (and its source, when inverted)
        if entry.category not in ("speech", "writing") and self._headline(sent):
            return None  # 'Council approves new cycle lanes': an event, not a stance
        if passive:
            if entry.category not in ("speech", "writing", "evidence"):
                return None  # 'was welcomed by': an event; the speech, if any, follows
            if j < t1 and low[j] == "by":
                np = _np_forward(view, j + 1, t1, lex)
                if np and _plausible_source(view, *np, lex):
                    source, rule, after = np, "passive_by", np[1]
            if source is None:
                return None
        elif k > t0 and _paren_only(view.gap(k)) and view.marks[k].endswith(")"):
            head = self._before_paren(k, t0)
            np = _np_back(view, head, t0, lex) if head >= t0 else None
            if np is None or not _plausible_source(view, *np, lex):
                return None
            source, rule = np, "subject"
        elif k > t0 and _open_gap(view, k):
            head = k - 1
            w = low[head]
            base = view.base(head)
            if (
                w in ("whom", "which")
                and head - 2 >= t0
                and low[head - 1] == "of"
                and (low[head - 2] in _QUANTITY_SUBJECTS or low[head - 2] in ("all", "both"))
                and _open_gap(view, head)
            ):
                source, rule = (head - 2, head + 1), "subject_pronoun"  # 'many of whom say'
            elif (
                w == "that"
                and entry.category in ("speech", "writing")
                and head > t0
                and _open_gap(view, head)
                and not view.capitalised(head - 1)
                and low[head - 1] not in _STOP
                and lex.verbs.get(low[head - 1]) is None
                and (j < t1 and any(c in view.gap(j) for c in "“\"'‘"))
            ):
                # 'T-shirts that said “We won.”': the relative pronoun, like 'which'
                source, rule = (head, head + 1), "subject_pronoun"
            elif (
                w in SUBJECT_PRONOUNS
                or w in _PRONOUN_BE
                or (base in SUBJECT_PRONOUNS and base != w)
            ):
                if w == "you" and (
                    entry.category not in ("speech", "writing")
                    or view.text[sent.start : sent.end].rstrip(" \"”’'").endswith("?")
                ):
                    return None  # generic 'you' ('if you believe', 'Do you support X?')
                source, rule = (head, head + 1), "subject_pronoun"
            elif w in _COORD:
                shared = [c for c in self.out[first_in_sentence:] if c.source is not None]
                if not shared:
                    # 'The AP surveyed the delegates and noted …': the sentence's subject
                    np = None if nouny else self._sentence_subject(sent, k - 1)
                    if np is None:
                        return None
                    return self._finish(sent, i, j, entry, np, "shared_subject", j)
                prev = shared[-1]
                return self._finish(
                    sent,
                    i,
                    j,
                    entry,
                    None,
                    "shared_subject",
                    j,
                    inherit=prev,
                    source_chars=prev.source,
                )
            elif (q := self._quantity(head, k, t0)) is not None:
                source, rule = q, "subject"  # 'One in three said', '26% say', 'Most said'
            elif (w in _DETERMINERS and not (head - 2 >= t0 and _of_parents(low, head))) or (
                w.endswith(("'s", "’s")) and base not in SUBJECT_PRONOUNS
            ):
                return None  # "his plans", "the group's support": a noun, not a verb
            else:
                np = _np_back(view, head, t0, lex)
                tagged = self._tag_after_quote(head, t0)
                if tagged is not None and (np is None or tagged[0] < np[0]):
                    np = tagged  # '“…,” former Florida governor Jeb Bush said'
                elif np is None or not _plausible_source(view, *np, lex):
                    return None
                if (
                    nouny
                    and np[1] - np[0] == 2
                    and low[np[0]] in ("a", "an")
                    and not self._speaker_head(np[1] - 1)
                ):
                    return None  # 'send a clear message that': the noun's adjective
                if nouny and not (
                    (view.capitalised(np[1] - 1) and view.base(np[1] - 1) not in lex.demonyms)
                    or self._speaker_head(np[1] - 1)
                    or (entry.category in ("speech", "writing") and self._clause_follows(j, t1))
                ):
                    return None  # 'rural support', 'the convention planning'
                source, rule = self._past_relative(np, t0), "subject"
                source = self._reduced_relative(source, sent)
                if source[0] == t0 and low[t0] in _FRONTED:
                    start = self._past_setting(source[0], source[1])
                    if start >= source[1]:
                        return None
                    source = (start, source[1])
                if (
                    source[0] - 1 > t0
                    and low[source[0] - 1] == "to"
                    and _open_gap(view, source[0])
                    and (self._governs(source[0] - 2) or low[source[0] - 2] == "not")
                ):
                    return None  # 'plans to make more detailed records': an infinitive
                while (
                    source[0] > t0
                    and low[source[0] - 1] in _SETTING_PREPS
                    and _open_gap(view, source[0])
                ):
                    # 'Some delegates at the convention in Philadelphia said': the phrase
                    # runs back over its settings; 'put it in a lengthy expose' has none
                    if source[0] - 1 == t0 or not _open_gap(view, source[0] - 1):
                        # a fronted setting: 'On Sunday Trump said'
                        start = self._past_setting(source[0] - 1, source[1])
                        if start >= source[1]:
                            return None
                        source = (start, source[1])
                        break
                    prev = _np_back(view, source[0] - 2, t0, lex)
                    if prev is None or not _plausible_source(view, *prev, lex):
                        return None
                    source = (prev[0], source[1])
                if any(
                    low[t] in _IRREGULAR_PAST and not view.capitalised(t) for t in range(*source)
                ):
                    return None  # 'The move took place despite repeated warnings'
        else:
            source, rule, after = self._source_after_punct(sent, k, i, j)
            if source is None:
                return None
        return self._finish(sent, i, j, entry, source, rule, after)

    def _headline(self, sent: _Sentence) -> bool:
        """A paragraph of one sentence without final punctuation: a headline."""
        text = self.view.text
        para = self.view.seg.paragraphs[sent.paragraph]
        return para == (sent.start, sent.end) and text[sent.end - 1] not in ".!?…:\"”’'"

    def _governs(self, t: int) -> bool:
        """Whether token ``t`` is a verb that takes 'to' + a reporting verb."""
        w = self.view.low[t]
        return w in _CONTROL or (
            (w.endswith("ed") and w[:-2] in _CONTROL) or (w.endswith("s") and w[:-1] in _CONTROL)
        )

    def _participle(
        self, sent: _Sentence, i: int, j: int, entry: VerbEntry, first_in_sentence: int
    ) -> Candidate | None:
        """'Trump hit back, saying …': the speaker is the sentence's subject."""
        if entry.lemma == "mean":
            return None  # '…, meaning that the court stays short-handed': a consequence
        k = self._chain_start(i, sent)
        if k > sent.t0 and self.view.low[k - 1] == "each" and _open_gap(self.view, k):
            # 'Trump and Clinton vied for the title, each touting …': 'each' speaks
            return self._finish(sent, i, j, entry, (k - 1, k), "participle", j)
        shared = [c for c in self.out[first_in_sentence:] if c.source is not None]
        if shared:
            prev = shared[-1]
            return self._finish(
                sent, i, j, entry, None, "participle", j, inherit=prev, source_chars=prev.source
            )
        np = self._sentence_subject(sent, i, need_verb=False)
        if np is None:
            return None
        return self._finish(sent, i, j, entry, np, "participle", j)

    def _verb_in_context(self, sent: _Sentence, k: int, j: int, entry: VerbEntry) -> bool:
        """A form that is also a noun, read as a verb from its subject: a pronoun ('he
        notes.', 'she hopes to'), a name before 'to' + verb ('Sanders plans to stay'), or
        a name after a quote at the end of the clause ('“…,” Viguerie notes.')."""
        view = self.view
        low = view.low
        t0, t1 = sent.t0, sent.t1
        nxt = low[j] if j < t1 else ""
        if k > t0 and _comma_like(view.gap(k)) and nxt in ("to", "that"):
            return True  # 'Mr Rubio, a career politician, hopes to win'
        if k <= t0 or not _open_gap(view, k):
            return False
        subj = low[k - 1]
        if subj in _PERSONAL_SUBJECTS:
            return entry.category in ("speech", "writing") or nxt in ("to", "that")
        if (
            entry.lemma in ("show", "find")
            and view.base(k - 1) in _SOURCE_LIKE
            and (j >= t1 or _has_punct(view.gap(j)))
        ):
            return True  # '…, records show.': a document's finding closing the clause
        if not view.capitalised(k - 1) or subj in _DETERMINERS:
            return False
        if nxt == "to" and j + 1 < t1 and not view.capitalised(j + 1):
            return (
                low[j + 1] not in _DETERMINERS
                and not low[j + 1][:1].isdigit()
                and entry.category != "speech"
            )  # 'Sanders plans to stay', not 'percentage points to 4.2'
        if j < t1 and not _has_punct(view.gap(j)):
            return False
        np = _np_back(view, k - 1, t0, self.lex)
        if not np:
            return False
        before = _before_stripped(view.text, view.starts[np[0]], 2)
        if before in _QUOTE_COMMAS:
            return True
        # '…, The Wall Street Journal reports.': a named or speaking subject closing the
        # sentence after a comma
        return (
            j >= t1
            and before.endswith(",")
            and (view.capitalised(k - 1) or self._speaker_head(k - 1))
        )

    def _clause_follows(self, j: int, t1: int) -> bool:
        """'that' or a quote after a cue: what follows is reported content."""
        gap = self.view.gap(j) if j < t1 else ""
        return (j < t1 and self.view.low[j] == "that") or any(c in gap for c in ':“"')

    def _not_a_cue(self, sent: _Sentence, k: int, i: int, j: int, entry: VerbEntry) -> bool:
        """Phrasal and idiomatic uses of reporting verbs that report nothing: 'show up',
        'back down', 'found himself', 'adding to', 'the rate declined', 'time will tell';
        and 'call' without a named or pronoun subject ('a man called John')."""
        view = self.view
        low = view.low
        nxt = low[j] if j < sent.t1 else ""
        if nxt in _PHRASAL_NOT.get(entry.lemma, ()):
            return True
        if (
            entry.lemma in ("add", "appeal")
            and nxt in _DETERMINERS
            and j == i + 1
            and k > sent.t0
            and _open_gap(view, k)
            and _open_gap(view, j)
        ):
            return True  # 'had added the additional week', 'appealed the case': a deed
        if (
            entry.lemma == "went on"
            and nxt == "to"
            and j + 1 < sent.t1
            and low[j + 1] not in self.lex.verbs
        ):
            return True  # 'went on to win' (but 'went on to say')
        if low[i] == "saying" and k > sent.t0 and low[k - 1] == "without":
            return True  # 'it goes without saying'
        if (
            i == sent.t0
            and low[i] == entry.lemma
            and j == i + 1
            and j < sent.t1
            and view.capitalised(j)
            and _open_gap(view, j)
            and not self._title_case(sent)
        ):
            return True  # 'Hope Hicks, a spokeswoman, …': a first name, not a verb
        if (
            (low[i] in entry.noun_forms or (j > i + 1 and low[i].endswith("s")))
            and k > sent.t0
            and (low[k - 1] in ("percentage", "basis") or _number(low[k - 1]))
        ):
            return True  # '0.2 percentage points to 1.9', 'two claims': a counted noun
        if entry.lemma == "read" and not self._next_to_quote(sent, k, j):
            return True  # 'read the report': only '“…,” the sign read' reports words
        if entry.lemma in ("feel", "assume") and (
            not self._clause_after(sent, j) or nxt.endswith("ed")
        ):
            return True  # 'felt squeezed', 'feel stung after …', 'assumed a new role'
        if (
            entry.lemma in ("find", "show")
            and j == i + 1
            and nxt
            and nxt != "that"
            and not self._finding(sent, k, j)
        ):
            return True  # 'found a way', 'Facebook found the posts': finding, not a finding
        if nxt in ("not", "to") and any(
            low[t] in _ANONYMITY for t in range(j, min(sent.t1, j + 5))
        ):
            return True  # 'who asked not to be named': a condition of anonymity
        if k > sent.t0 and low[k - 1] in _BARE_INFINITIVE and _open_gap(view, k):
            return True  # 'helped found the group', 'help assess'
        if (
            k - 1 > sent.t0
            and low[k - 2] in _LET
            and _open_gap(view, k - 1)
            and _open_gap(view, k)
            and not view.capitalised(k - 1)
            and low[k - 1] not in ("me", "us")
        ):
            return True  # 'let them know', 'let editorials tell them' ('let me say' speaks)
        if entry.lemma == "call" and j == i + 1:
            subj = k - 1
            return not (
                subj >= sent.t0
                and _open_gap(view, k)
                and (
                    low[subj] in _PERSONAL_SUBJECTS
                    or (
                        view.capitalised(subj)
                        and low[subj] not in _STOP
                        and low[subj] not in _DETERMINERS
                    )
                )
            ) or nxt in ("it", "off", "back", "up", "out", "in", "to")
        if entry.lemma == "decline" and nxt not in ("to", "comment", "comments") and nxt:
            return True
        if entry.lemma == "tell" and i > sent.t0:
            t = i - 1
            while t > sent.t0 and low[t] in _AUX:
                t -= 1
            return low[t] == "time"
        return False

    def _next_to_quote(self, sent: _Sentence, k: int, j: int) -> bool:
        """The verb group at ``k``..``j-1`` tags a quote: '“…,” the statement read',
        '“…,” reads a notice', 'The sign read: “…”'."""
        view = self.view
        text = view.text
        left = view.starts[k]
        if text[sent.start : left].rstrip()[-2:] in _QUOTE_COMMAS:
            return True  # '“…,” reads a notice'
        quoted = [t for t in range(sent.t0, k) if view.quote[t] >= 0]
        if quoted:
            # '“…,” the statement read': at most a few words after the quote's comma
            end = view.ends[quoted[-1]]
            tagged = text[end : end + 2] in _QUOTE_COMMAS
            if tagged and text[end:left].lstrip(" ,.!?”’\"'").count(" ") <= 4:
                return True
        return j < sent.t1 and (view.quote[j] >= 0 or view.marks[j].startswith(":"))

    def _clause_after(self, sent: _Sentence, j: int) -> bool:
        """A 'that'-clause, a quote or a clause with its own subject and verb follows."""
        view = self.view
        low = view.low
        if j >= sent.t1:
            return False
        if low[j] == "that" or view.quote[j] >= 0 or view.marks[j].startswith(":"):
            return True
        for t in range(j + 1, min(sent.t1, j + 6)):
            if _has_punct(view.gap(t)):
                return False
            w = low[t]
            if w in _AUX or w in _BE or _finite_verb(w) or w in _IRREGULAR_PAST:
                return low[j] not in _STOP or low[j] in SUBJECT_PRONOUNS
        return False

    def _finding(self, sent: _Sentence, k: int, j: int) -> bool:
        """'find' reports a finding when a poll, study or report finds, or when a clause
        follows ('found Clinton leading', 'found the nominee garnered'), not when someone
        finds a thing ('found a way', 'found the posts')."""
        view = self.view
        low = view.low
        t = k - 1
        while t >= sent.t0 and k - t <= 5 and _open_gap(view, t + 1):
            if low[t] in _SOURCE_LIKE or view.base(t) in _SOURCE_LIKE:
                return True
            t -= 1
        if j < sent.t1 and view.quote[j] >= 0:
            return True  # 'found “evidence” that …'
        for t in range(j, min(sent.t1, j + 7)):
            if t > j and _has_punct(view.gap(t)):
                break
            w = low[t]
            if w in ("to", "that") or w.endswith("ing") or (t > j and _finite_verb(w)):
                return True
        return False

    def _verb_follows(self, j: int, t1: int) -> bool:
        """After a verb form that is usually a noun, what comes next must look like a
        verb's complement, not a noun's ('attacks on', 'states are', 'support, and')."""
        view = self.view
        if j >= t1:
            return False
        gap = view.marks[j]
        if gap and gap not in (":", "“", '"', ":“", ': "', ':"', "‘"):
            return False
        if view.low[j] == "that" and j + 1 < t1:
            nxt = view.low[j + 1]
            if nxt in _AUX or nxt in _BE or _finite_verb(nxt):
                return False  # 'emails that were marked': a relative clause on a noun
        if (
            _verb_form(view.low[j], self.lex)
            and not view.low[j].endswith("ing")
            and not (view.capitalised(j - 2) and view.low[j - 2] not in self.lex.demonyms)
        ):
            return False  # 'which advocates say': the noun is the next verb's subject
        return view.low[j] not in _NOUN_FOLLOWERS
