"""Who each attribution's source is: the article's names, resolved.

A source is described from its words and the article's names
(:class:`framing.features._names.NameIndex` finds and types them). Pronouns resolve to
the nearest compatible antecedent before them: the previous attributions' sources and
the person names mentioned, skipping names inside the content of an attribution in the
same or previous sentence ("Healey said Trump was wrong. He added…" is Healey). Gender
comes from titles (Mr, Mrs), the first-name list and earlier resolved pronouns; "they"
goes to an organisation or a group.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Mapping
from dataclasses import dataclass

from .._names import GROUP_ADJECTIVES, SUBJECT_PRONOUNS, Mention, NameIndex, word_lists
from .._names._mentions import _LEADING, _POSSESSIVE
from .._view import View
from ._common import Candidate, SourceType

__all__ = ["Resolver", "SourceInfo"]

_NAME_WORDS = word_lists("name_words.tsv")
_NUMBER = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven)"
_POLL_SHARE = re.compile(
    rf"^(?:\w+\s+){{0,3}}?(?:\d+(?:\.\d+)?\s?%|{_NUMBER}\s+(?:in|out\s+of)\s+{_NUMBER})$",
    re.IGNORECASE,
)
# who speaks for a named person as a spokesperson does ('Flynn's lawyer'): the person
_COUNSEL = frozenset(["lawyer", "lawyers", "attorney", "attorneys", "representative"])
# heads of an office-holder's description ('the head of X', 'the chief executive')
_OFFICES = _NAME_WORDS["offices"]
# possessive pronouns as the source of a noun cue ('his claim that'), read as the subject
_OWNER_PRONOUNS = {"his": "he", "her": "she", "their": "they", "its": "it", "our": "we"}
_DOCUMENT_HEADS = _NAME_WORDS["document_heads"]
_GROUP_NOUNS = _NAME_WORDS["group_nouns"]
#: Members of a party or movement as a group: a vague group ('senior Republicans').
_PARTISANS = frozenset(w for w in GROUP_ADJECTIVES if w.endswith("s"))
_PREPS = _NAME_WORDS["preps"]
#: Participles after which 'by' names a pollster, not the source ('economists polled by').
_POLLED = frozenset(["polled", "surveyed", "interviewed", "questioned", "consulted"])


@dataclass(slots=True)
class SourceInfo:
    """What a source turned out to be."""

    text: str | None
    span: tuple[int, int] | None
    source_type: SourceType
    resolved: str | None
    gender: str = ""
    plural: bool = False
    human: bool = True


class _History:
    """Of the sources resolved so far, as (position, info), the latest one each pronoun
    can take, kept as they come, so a pronoun finds its antecedent without walking back
    over the article's sources."""

    __slots__ = ("he", "it", "she", "they")

    def __init__(self) -> None:
        self.they: tuple[int, SourceInfo] | None = None  # plural, or a body
        self.it: tuple[int, SourceInfo] | None = None  # a body
        self.he: tuple[int, SourceInfo] | None = None  # one human, not known female
        self.she: tuple[int, SourceInfo] | None = None  # one human, not known male

    def append(self, pos: int, info: SourceInfo) -> None:
        item = (pos, info)
        body = info.source_type in ("organisation", "media")
        if info.plural or body:
            self.they = item
        if body:
            self.it = item
        if not info.plural and info.human and not body:
            if not info.gender or info.gender == "m":
                self.he = item
            if not info.gender or info.gender == "f":
                self.she = item


class _Contents:
    """The contents of an article's attributions, by where they end, with their
    attribution's sentence: the ones a pronoun's antecedent may not sit in."""

    def __init__(self, view: View, candidates: list[Candidate]) -> None:
        self.sentence_starts = [s for s, _ in view.seg.sentences]
        items = sorted((c.content[1], c.content[0], c.sentence) for c in candidates if c.content)
        self.items = items
        self.ends = [b for b, _, _ in items]
        # How many sentences before its attribution's sentence a content may end (a
        # quote closing the previous sentence: 1): bounds the window a query reads.
        self.lag = max(
            (s - (bisect_right(self.sentence_starts, b - 1) - 1) for b, _, s in items),
            default=0,
        )

    def blocks(self, sentence: int, before: int, place: int) -> bool:
        """Whether ``place`` is in the content of an attribution in ``sentence`` or
        later that ends by ``before``. Only the contents ending after ``place`` are read
        (few, for a place near ``before``: the nearest antecedents are tried first)."""
        first = sentence - max(self.lag, 0)
        lower = self.sentence_starts[first] if first >= 0 else 0
        lo = max(bisect_left(self.ends, lower), bisect_right(self.ends, place))
        hi = bisect_right(self.ends, before)
        return any(a <= place and s >= sentence for _, a, s in self.items[lo:hi])


class Resolver(NameIndex):
    """Names of one article and the resolution of its attributions' sources."""

    # -- sources ------------------------------------------------------------------------

    def resolve_all(self, candidates: list[Candidate]) -> list[SourceInfo]:
        done: dict[int, SourceInfo] = {}
        history = _History()
        out: list[SourceInfo] = []
        contents = _Contents(self.view, candidates)
        for c in candidates:
            if c.rule == "quote_paragraph" and self._speaker_changed(c, done):
                c.extra["orphan"] = True  # dropped by attribution_pass
                info = done[id(c)] = SourceInfo(None, None, "anonymous", None)
                out.append(info)
                continue
            if c.inherit_from is not None and id(c.inherit_from) in done and c.source is None:
                prev = done[id(c.inherit_from)]
                info = SourceInfo(
                    prev.resolved if c.cue is None else prev.text,
                    None if c.cue is None else prev.span,
                    prev.source_type,
                    prev.resolved,
                    prev.gender,
                    prev.plural,
                )
                if c.cue is None and info.text is None:
                    info.text = prev.text
            elif c.inherit_from is not None and id(c.inherit_from) in done:
                info = done[id(c.inherit_from)]
            elif c.source is None:
                info = SourceInfo(None, None, "anonymous", None)
            else:
                info = self._resolve(c, history, contents)
            done[id(c)] = info
            out.append(info)
            if info.span is not None or info.resolved:
                history.append(info.span[0] if info.span else c.anchor, info)
        return out

    def _speaker_changed(self, c: Candidate, done: Mapping[int, SourceInfo]) -> bool:
        """A quote-only paragraph carries on the last speaker only where the narration
        named no one else since: '"…," Smith said. Jones, the mayor, had left.' ends
        Smith's turn, and the next quote-only paragraph is no one's."""
        prev = c.inherit_from
        if prev is None or id(prev) not in done:
            return False
        if prev.extra.get("orphan"):
            return True
        info = done[id(prev)]
        after = self.view.seg.sentences[prev.sentence][1]
        quotes = [(q.start, q.end) for q in self.view.seg.quotes if q.end > after]
        for m in self._mentions_within(after, c.anchor):
            if m.kind != "person" or any(a <= m.start and m.end <= b for a, b in quotes):
                continue  # a name the speaker says is no change of speaker
            person = self.people.get(m.key)
            name = person.canonical if person else m.canonical
            if info.source_type != "person" or name != info.resolved:
                return True
        return False

    def _resolve(
        self,
        c: Candidate,
        history: _History,
        contents: _Contents,
    ) -> SourceInfo:
        view = self.view
        assert c.source is not None
        start, end = c.source
        text = view.text[start:end]
        low = text.lower()
        if low in _OWNER_PRONOUNS:  # 'his claim that …'
            return self._pronoun(_OWNER_PRONOUNS[low], start, end, c, history, contents)
        if low == "that" or low in SUBJECT_PRONOUNS or _POSSESSIVE.sub("", low) in SUBJECT_PRONOUNS:
            return self._pronoun(_POSSESSIVE.sub("", low), start, end, c, history, contents)
        return self.describe(start, end)

    def _lowercase(self) -> frozenset[str]:
        """The words the article writes in lowercase somewhere (common nouns)."""
        if self._lower_words is None:
            self._lower_words = frozenset(w for w in self.view.words if w.islower())
        return self._lower_words

    def _named_next(self, start: int, pre_lows: list[str]) -> Mention | None:
        """Delayed identification: an office-holder without a name in the lede ('the head
        of X', 'the chief executive of …'), whose name opens the next paragraph."""
        if len(pre_lows) < 2 or pre_lows[0] not in ("the", "a", "an"):
            return None
        if pre_lows[-1] not in _OFFICES:
            return None
        paragraphs = self.view.seg.paragraphs
        p = bisect_right([a for a, _ in paragraphs], start) - 1
        if p > 1 or p + 1 >= len(paragraphs):
            return None  # the lede only (a headline may come first)
        opens = paragraphs[p + 1][0]
        for m in self._mentions_within(opens, opens + 60):
            if m.start > opens + 1:
                break
            person = self.people.get(m.key)
            if m.kind == "person" and person is not None and len(person.canonical.split()) > 1:
                return m
        return None

    def _short_body(self, word: str, before: int) -> str | None:
        """The one body named before ``before`` whose name starts with the single word
        ``word`` ('Brennock' for 'Brennock Chemical Storage'), unless a person of the
        article has that surname with a first name."""
        if not word or " " in word or not word[:1].isupper():
            return None
        person = self.people.get(word.lower())
        if person is not None and len(person.canonical.split()) > 1:
            return None
        if self._org_first_words is None:  # built once: first word -> (start, name)
            self._org_first_words = {}
            for m in self.mentions:
                first, space, _ = m.canonical.partition(" ")
                if m.kind == "organisation" and space:
                    self._org_first_words.setdefault(first, []).append((m.start, m.canonical))
        owners = {name for at, name in self._org_first_words.get(word, ()) if at < before}
        return owners.pop() if len(owners) == 1 else None

    def describe(self, start: int, end: int) -> SourceInfo:
        """Type and resolve a noun-phrase source spanning ``start``..``end``."""
        lex = self.lex
        text = self.view.text[start:end]
        names = self._mentions_within(start, end)
        view = self.view
        starts, ends = view.starts, view.ends
        toks = []
        for t in range(bisect_left(starts, start), len(starts)):
            if starts[t] >= end:
                break  # tokens are in order: none after this one ends by ``end``
            if ends[t] <= end:
                toks.append(t)
        lows = [view.base(t) for t in toks]
        # split off a trailing prepositional phrase ("a spokesman for the Ministry"), but
        # not inside a name ("Ministry of Defence")
        cut = next(
            (
                n
                for n, t in enumerate(toks)
                if n > 0
                and (lows[n] in _PREPS or (lows[n] == "by" and lows[n - 1] in _POLLED))
                and not any(m.start < view.starts[t] < m.end for m in names)
            ),
            len(toks),
        )
        pre_lows = lows[:cut]
        pre_end = view.starts[toks[cut]] if cut < len(toks) else end
        pre_names = [m for m in names if m.end <= pre_end]
        post_names = [m for m in names if m.start >= pre_end]
        bare = _LEADING.sub("", text).strip()
        bare_low = bare.lower()
        shown = self._display(start + len(text) - len(_LEADING.sub("", text)), end)
        if (
            " " not in bare
            and bare[:1].isupper()
            and bare_low in self.people
            and (bare.isupper() or len(self.people[bare_low].canonical.split()) > 1)
            and bare_low not in lex.media
            and bare_low not in lex.organisations
            and bare_low not in GROUP_ADJECTIVES
        ):
            # 'PENCE:' in a transcript, 'Kerpen, saying …' or a headline's 'Maher Tells …'
            # where the article names Mike Pence, Phil Kerpen, Bill Maher: the person,
            # wherever the name finder missed the word (not an acronym, not a common noun)
            person = self.people[bare.lower()]
            return SourceInfo(text, (start, end), "person", person.canonical, person.gender)
        if _POLL_SHARE.search(text):
            # 'Nine in 10', 'About 40%', 'one out of three': a share of those polled
            return SourceInfo(text, (start, end), "anonymous", text.lower())
        for n in range(len(pre_lows)):
            # a body the gazetteer knows, whatever the name finder made of its words
            # ('the charity Save the Children': not people called Save and Children)
            known = lex.organisations.get(" ".join(pre_lows[n:]))
            opener = n == 0 or pre_lows[n - 1] in ("the", "a", "an")
            if known is not None and (opener or pre_lows[n - 1] in lex.organisation_heads):
                return SourceInfo(text, (start, end), "organisation", known, plural=True)
        whole = pre_names[-1] if pre_names else None
        if (
            whole is not None
            and whole.kind in ("organisation", "media")
            and whole.end >= pre_end - 1
            and not _LEADING.sub("", view.text[start : whole.start]).strip()
        ):
            # the phrase is a body's name: 'Friends of the Tansey' (not friends)
            return SourceInfo(text, (start, end), whole.kind, whole.canonical, plural=True)
        # 'Republican', 'Democrats', 'Western': a party or region before a head, or a
        # group on its own, is no person's name ('Some Republican leaders', 'Senior
        # Republicans' are vague groups)
        pre_names = [
            m
            for m in pre_names
            if m.kind != "person" or m.canonical.lower().split()[-1] not in GROUP_ADJECTIVES
        ]
        person_names = [m for m in pre_names if m.kind == "person"]
        first = person_names[0] if person_names else None
        if (
            first is not None
            and not _LEADING.sub("", view.text[start : first.start]).strip()
            and view.text[first.end : first.end + 1] == ","
            and first.key in self.people
            and len(self.people[first.key].canonical.split()) > 1
        ):
            # 'Robert Mercer, the GOP mega-donor and co-founder of …,': the name, then
            # what he is
            return self._as_person(first, start, end)
        if (
            len(toks) == 1
            and bare[:1].isupper()
            and not bare.isupper()
            and (
                self._anonymous_head(pre_lows) is not None
                or bare_low in self._lowercase()
                or bare_low in ("polls", "surveys")
            )
            and not (bare_low in self.people and len(self.people[bare_low].canonical.split()) > 1)
        ):
            # 'Polls show', 'Associates said': a common noun capitalised to open the
            # sentence (the article writes it in lowercase elsewhere), no one's name
            return SourceInfo(
                text, (start, end), "anonymous", bare_low, plural=bare_low.endswith("s")
            )
        named = self._named_next(start, pre_lows)
        if named is not None:
            # 'The head of Brennock Chemical Storage has admitted …' in the lede, then
            # 'Martin J. Halloran appeared before …': news names the office-holder next
            return self._as_person(named, start, end)
        body = self._short_body(bare, start)
        if body is not None:
            # 'Brennock said' after 'Brennock Chemical Storage': the body's short name
            return SourceInfo(text, (start, end), "organisation", body, plural=True)
        if person_names and person_names[-1].end >= pre_end - 1:
            # the phrase ends in a person's name: 'White House Press Secretary Josh
            # Earnest', 'Club spokesman Tom Reed' (a named person, whatever their office)
            m = person_names[-1]
            return self._as_person(m, start, m.end if m.end < end and cut < len(toks) else end)
        if pre_lows and pre_lows[-1] in lex.organisation_heads and person_names:
            # 'the Trump campaign', 'Clinton's campaign', 'the Obama administration': a
            # body named after a person
            return SourceInfo(text, (start, end), "organisation", shown, plural=True)
        if pre_lows and pre_lows[-1] in _PARTISANS:
            plural = pre_lows[-1].endswith("s")
            return SourceInfo(text, (start, end), "anonymous", bare_low, plural=plural)
        if (
            any(w in lex.voice_heads for w in pre_lows)
            or " ".join(pre_lows[-2:]) in lex.voice_heads
        ):
            owner = next(
                (m for m in post_names + pre_names if m.kind in ("organisation", "media")), None
            ) or next((m for m in post_names + pre_names), None)
            if owner is not None and owner.kind == "person":
                # 'a spokeswoman for Senator Patty Murray': she speaks for Murray
                return self._as_person(owner, start, end)
            if owner is not None:
                return SourceInfo(text, (start, end), "organisation", owner.canonical)
            modifiers = [
                w for w in pre_lows if w not in lex.voice_heads and w not in ("a", "an", "the")
            ]
            resolved = " ".join(modifiers) if modifiers else bare_low
            return SourceInfo(text, (start, end), "organisation", resolved)
        if any(m.kind == "media" for m in pre_names) or self._media_phrase(pre_lows):
            media = next((m for m in pre_names if m.kind == "media"), None)
            return SourceInfo(text, (start, end), "media", media.canonical if media else shown)
        anonymous = self._anonymous_head(pre_lows)
        if (
            anonymous
            and len(pre_lows) > 1
            and pre_lows[-1] in lex.organisation_heads
            and self._anonymous_head(pre_lows[-1:]) is None
        ):
            anonymous = None  # "the Wharfside Residents' Association" is a body, not residents
        if anonymous and (
            not person_names
            or (person_names[-1].end < pre_end - 1 and pre_lows[-1] not in _COUNSEL)
        ):
            # 'officials'; 'a Warren adviser', 'one Clinton aide': the name only says
            # whose aide, and the aide is unnamed
            return SourceInfo(
                text, (start, end), "anonymous", bare_low, plural=anonymous == "plural"
            )
        if person_names:
            m = person_names[-1]
            # "Chief Superintendent Priya Vand of Tanseyside Police": the person
            return self._as_person(m, start, m.end if m.end < end and cut < len(toks) else end)
        head = pre_lows[-1] if pre_lows else ""
        if pre_names and pre_names[-1].end >= pre_end - 1:
            m = pre_names[-1]
            return SourceInfo(text, (start, end), m.kind, m.canonical, plural=True)
        # a name only modifies the head ('the UK defence ministry', 'the US president')
        if head in lex.media_heads:
            return SourceInfo(text, (start, end), "media", shown)
        if head in _DOCUMENT_HEADS:
            owner = next((m for m in post_names), None)
            if owner is not None:
                return SourceInfo(
                    text,
                    (start, end),
                    owner.kind if owner.kind != "person" else "organisation",
                    owner.canonical,
                )
            return SourceInfo(text, (start, end), "organisation", shown)
        if head in lex.organisation_heads:
            entity = self._organisation_by_head(head, start)
            return SourceInfo(text, (start, end), "organisation", entity or shown, plural=True)
        role = " ".join(w for w in pre_lows if w not in ("the", "a", "an"))
        if role in self.roles:
            person = self.people[self.roles[role]]
            return SourceInfo(text, (start, end), "person", person.canonical, person.gender)
        surname = self._role_alias(role)
        if surname is not None:
            person = self.people[surname]
            return SourceInfo(text, (start, end), "person", person.canonical, person.gender)
        if role in lex.titles or head in lex.titles:
            return SourceInfo(text, (start, end), "person", role)
        if post_names and post_names[0].kind != "person":
            return SourceInfo(text, (start, end), "anonymous", bare_low, plural=True)
        return SourceInfo(
            text,
            (start, end),
            "anonymous",
            bare_low,
            plural=head.endswith("s") or head in _GROUP_NOUNS,
            human=head in _GROUP_NOUNS,
        )

    def _as_person(self, m: Mention, start: int, end: int) -> SourceInfo:
        """The source ``start``..``end`` as the person mention ``m`` names."""
        person = self.people.get(m.key)
        return SourceInfo(
            self.view.text[start:end],
            (start, end),
            "person",
            person.canonical if person else m.canonical,
            person.gender if person else "",
        )

    def _display(self, start: int, end: int) -> str:
        """The phrase as a name: a capital is kept unless the word only has it because it
        opens the sentence ('Residents' -> 'residents', 'British media' stays)."""
        view, lex = self.view, self.lex
        pieces: list[str] = []
        pos = start
        for t in range(bisect_left(view.starts, start), len(view.starts)):
            if view.ends[t] > end:
                break
            word = view.words[t]
            low = word.lower()
            s0 = view.sent_t0[t]
            initial = t == s0 or (t == s0 + 1 and view.low[s0] in ("the", "a", "an"))
            common = initial and (
                view.low[t] in self.lower_words
                or view.base(t) in lex.organisation_heads
                or view.base(t) in lex.anonymous_heads
                or view.base(t) in lex.media_heads
                or view.base(t) in lex.voice_heads
            )
            pieces += [view.text[pos : view.starts[t]], low if common else word]
            pos = view.ends[t]
        pieces.append(view.text[pos:end])
        return "".join(pieces).strip()

    def _media_phrase(self, lows: list[str]) -> bool:
        heads = self.lex.media_heads
        return any(
            " ".join(lows[a:b]) in heads
            for a in range(len(lows))
            for b in range(a + 1, len(lows) + 1)
        )

    def _anonymous_head(self, lows: list[str]) -> str | None:
        heads = self.lex.anonymous_heads
        for a in range(len(lows)):
            for b in range(len(lows), a, -1):
                phrase = " ".join(lows[a:b])
                if phrase in heads:
                    return heads[phrase]
        return None

    def _organisation_by_head(self, head: str, before: int) -> str | None:
        if self._ordered:
            # the last organisation before ``before`` with ``head`` among its words
            at = self._org_words.get(head, [])
            n = bisect_left(at, bisect_left(self._starts, before))
            return self.mentions[at[n - 1]].canonical if n else None
        for m in reversed(self.mentions):
            if (
                m.start < before
                and m.kind == "organisation"
                and head in m.canonical.lower().split()
            ):
                return m.canonical
        return None

    def _pronoun(
        self,
        word: str,
        start: int,
        end: int,
        c: Candidate,
        history: _History,
        contents: _Contents,
    ) -> SourceInfo:
        text = self.view.text[start:end]
        span = (start, end)
        if word in ("who", "which", "that"):
            return self._relative(text, span, start)
        if word in ("i", "you", "we"):
            return SourceInfo(text, span, "person" if word == "i" else "anonymous", None)
        if word in ("he", "she"):
            return self._he_she(word, text, span, history, contents, c.sentence - 1)
        # they / it: the latest source that can be one, else the last body named before
        latest = history.they if word == "they" else history.it
        if latest is not None:
            info = latest[1]
            if word == "they":
                return SourceInfo(text, span, info.source_type, info.resolved, plural=True)
            return SourceInfo(text, span, info.source_type, info.resolved)
        m = self._last_before(self._body_at, self._body_starts, start)
        if m is not None:
            return SourceInfo(text, span, m.kind, m.canonical, plural=word == "they")
        return SourceInfo(text, span, "anonymous", None, plural=word == "they")

    def _last_before(self, at: list[int], starts: list[int], pos: int) -> Mention | None:
        """The last of the mentions ``at`` (indices, with their ``starts``) starting
        before ``pos``."""
        if not self._ordered:
            mentions = self.mentions
            return next((mentions[k] for k in reversed(at) if mentions[k].start < pos), None)
        n = bisect_left(starts, pos)
        return self.mentions[at[n - 1]] if n else None

    def _he_she(
        self,
        word: str,
        text: str,
        span: tuple[int, int],
        history: _History,
        contents: _Contents,
        sentence: int,
    ) -> SourceInfo:
        want = "m" if word == "he" else "f"
        start = span[0]
        found: list[tuple[int, SourceInfo]] = []
        latest = history.he if word == "he" else history.she
        if latest is not None:
            found.append(latest)
        # the nearest person named before the pronoun that can be its antecedent: a walk
        # back over the persons only, from the pronoun, as long as the distance to it
        mentions, at = self.mentions, self._person_at
        n = bisect_left(self._person_starts, start) if self._ordered else len(at)
        for k in range(n - 1, -1, -1):
            m = mentions[at[k]]
            if m.start >= start:
                continue
            person = self.people.get(m.key)
            if person is None or (person.gender and person.gender != want):
                continue
            if not person.gender and len(person.canonical.split()) < 2:
                continue  # a lone capitalised word ('Gaza', 'CMCC') is rarely a person
            if contents.blocks(sentence, start, m.start):
                continue  # in what another source says
            found.append((m.start, SourceInfo(m.text, None, "person", person.canonical)))
            break
        if not found:
            return SourceInfo(text, span, "person", None, want)
        _, info = max(found, key=lambda f: f[0])
        if info.source_type == "person" and info.resolved:
            person = self.people.get(info.resolved.split()[-1].lower())
            if person is not None and not person.gender:
                person.gender = want
        return SourceInfo(text, span, info.source_type, info.resolved, want)

    def _relative(self, text: str, span: tuple[int, int], start: int) -> SourceInfo:
        """'Trump, who said …': the name right before the comma."""
        full = self.view.text
        comma = start  # the comma the pronoun follows, past whitespace
        while comma > 0 and full[comma - 1].isspace():
            comma -= 1
        comma -= 1
        if comma < 0 or full[comma] != ",":
            return SourceInfo(text, span, "anonymous", None)
        name_end = comma  # a name ending here, or before whitespace only, is the one
        while name_end > 0 and full[name_end - 1].isspace():
            name_end -= 1
        if self._ordered:
            # mentions end in order: only the last one ending by the comma can be it
            k = bisect_right(self._ends, comma) - 1
            candidates = [self.mentions[k]] if k >= 0 else []
        else:
            candidates = list(reversed(self.mentions))
        for m in candidates:
            if name_end <= m.end <= comma:
                info = self.describe(m.start, m.end)
                return SourceInfo(
                    text, span, info.source_type, info.resolved, info.gender, info.plural
                )
        return SourceInfo(text, span, "anonymous", None)
