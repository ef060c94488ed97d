"""Names in an article, and who each attribution's source is.

Name finding is capitalisation-based: a run of capitalised tokens (joined by "of",
"for", "de", "al" … where both sides are capitalised) is a name. A capitalised word
that opens a sentence counts only when the article never uses it in lowercase
("Officials said" opens with a common noun; "Healey said" with a name). Each name is
typed from the gazetteers: a media outlet, an organisation (gazetteer, country or a
word such as Ministry, Council, Police), else a person. Person names are merged
within the article by surname ("John Healey", "Mr Healey", "Healey"), and a title or
apposition gives a role alias ("Defence Secretary John Healey", "Declan Moss, the
chief fire officer,") so that "the defence secretary" resolves to the name.

Pronouns resolve to the nearest compatible antecedent before them: the previous
attributions' sources and the person names mentioned, skipping names inside the
content of an attribution in the same or previous sentence ("Healey said Trump was
wrong. He added…" is Healey). Gender comes from titles (Mr, Mrs), the first-name list
and earlier resolved pronouns; "they" goes to an organisation or a group.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Mapping
from dataclasses import dataclass
from itertools import compress, pairwise

from .._view import View
from ._common import SUBJECT_PRONOUNS, Candidate
from ._lexicon import AttributionLexicons, word_lists
from ._rules import first_words

__all__ = ["Resolver", "SourceInfo"]

_NAME_WORDS = word_lists("name_words.tsv")

_CONNECTORS = _NAME_WORDS["connectors"]
_NUMBER = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven)"
_POLL_SHARE = re.compile(
    rf"^(?:\w+\s+){{0,3}}?(?:\d+(?:\.\d+)?\s?%|{_NUMBER}\s+(?:in|out\s+of)\s+{_NUMBER})$",
    re.IGNORECASE,
)
_LEADING = re.compile(r"^(?:the|a|an|one|some|several|two|three|many)\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s$")
# who speaks for a named person as a spokesperson does ('Flynn's lawyer'): the person
_COUNSEL = frozenset(["lawyer", "lawyers", "attorney", "attorneys", "representative"])
# heads of an office-holder's description ('the head of X', 'the chief executive')
_OFFICES = _NAME_WORDS["offices"]
# possessive pronouns as the source of a noun cue ('his claim that'), read as the subject
_OWNER_PRONOUNS = {"his": "he", "her": "she", "their": "they", "its": "it", "our": "we"}
_DOCUMENT_HEADS = _NAME_WORDS["document_heads"]
_GROUP_NOUNS = _NAME_WORDS["group_nouns"]
#: Parties, their members and regions, capitalised in news but no one's name.
_GROUP_ADJECTIVES = _NAME_WORDS["group_adjectives"]
#: Members of a party or movement as a group: a vague group ('senior Republicans').
_PARTISANS = frozenset(w for w in _GROUP_ADJECTIVES if w.endswith("s"))
_PREPS = _NAME_WORDS["preps"]
#: Participles after which 'by' names a pollster, not the source ('economists polled by').
_POLLED = frozenset(["polled", "surveyed", "interviewed", "questioned", "consulted"])
# last words of newspaper and broadcaster names ('Evening Star', 'Daily Courier')
_MASTHEADS = _NAME_WORDS["mastheads"]
_NOT_NAMES = _NAME_WORDS["not_names"]
# capitalised only because they open a sentence or a quote ('So Britain', 'Along
# Harbour Parade', 'Nearly 400'): adverbs, prepositions, quantifiers and pronouns
_OPENERS = _NAME_WORDS["openers"]
# names of places, not of anyone who acts or speaks ('Cable Street', 'River Tansey');
# a first name or a title before them makes a person ('Andy Street', 'Fiona Hill')
_PLACE_LAST = _NAME_WORDS["place_last"]
_PLACE_FIRST = _NAME_WORDS["place_first"]
# lowercase words that can follow a one-word name ('Healey has said', 'Smith also')
_FUNCTION_AFTER_NAME = _NAME_WORDS["function_after_name"]


@dataclass(slots=True)
class Person:
    canonical: str
    gender: str = ""


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    text: str
    kind: str  # person / organisation / media
    canonical: str
    key: str  # entity key
    titled: bool = False  # a title or office came with the name ('Mr', 'Defence Secretary')


@dataclass(slots=True)
class SourceInfo:
    """What a source turned out to be."""

    text: str | None
    span: tuple[int, int] | None
    source_type: str
    resolved: str | None
    gender: str = ""
    plural: bool = False
    human: bool = True


def _strip_title(tokens: list[str], lex: AttributionLexicons) -> tuple[list[str], str]:
    """Drop leading titles ("Defence Secretary", "Mr", "Dr."); return the rest and gender."""
    gender = ""
    i = 0
    # a body or demonym before the title: 'Israeli Prime Minister …', 'White House Press
    # Secretary Josh Earnest', 'Senate Majority Leader …'
    for n in (3, 2, 1):
        if len(tokens) - n < 2:
            continue
        lead = " ".join(tokens[:n]).lower()
        if lead in lex.demonyms or lead in lex.organisations or f"the {lead}" in lex.organisations:
            rest, g = _strip_title(tokens[n:], lex)
            if len(rest) < len(tokens) - n:
                return rest, g
    while i < len(tokens) - 1:
        matched = False
        for n in (3, 2, 1):
            if i + n > len(tokens) - 1:
                continue
            title = " ".join(t.lower().rstrip(".") for t in tokens[i : i + n])
            for key in (title, title + "."):
                if key in lex.titles:
                    g, _ = lex.titles[key]
                    gender = gender or g
                    i += n
                    matched = True
                    break
            if matched:
                break
        if not matched:
            break
    return tokens[i:], gender


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


class Resolver:
    """Names of one article and the resolution of its attributions' sources."""

    def __init__(self, view: View, lex: AttributionLexicons) -> None:
        self.view = view
        self.lex = lex
        self.lower_words = set(compress(view.low, map(str.islower, view.words)))
        self.people: dict[str, Person] = {}
        self.roles: dict[str, str] = {}
        self.mentions: list[Mention] = []
        # classify_name by the words: a name is typed several times while it is found
        # ('Priya Vand of Tanseyside Police' whole, then in parts) and comes back
        self._kinds: dict[tuple[str, ...], tuple[str, str]] = {}
        self._titles: dict[tuple[str, ...], tuple[int, str]] = {}  # words -> (title words, gender)
        self._find_names()
        self._index_mentions()

    # -- names --------------------------------------------------------------------------

    def _sentence_initial_name(self, i: int) -> bool:
        """A capitalised word opening a sentence is a name only if nothing says otherwise."""
        view, lex = self.view, self.lex
        low = view.base(i)
        if low in self.lower_words or low in lex.verbs or low in SUBJECT_PRONOUNS:
            return False
        if (
            low in lex.anonymous_heads
            or low in lex.organisation_heads
            or low in lex.voice_heads
            or low in lex.media_heads
            or low in _NOT_NAMES
            or low in _OPENERS
        ):
            return False
        # 'Defence sources said': a modifier of a lowercase noun, not a one-word name
        nxt = i + 1
        t1 = view.sent_t1[i]
        if nxt < t1 and not view.marks[nxt] and view.words[nxt].islower():
            w = view.low[nxt]
            if w not in lex.verbs and w not in _FUNCTION_AFTER_NAME:
                return False
        return True

    def _find_names(self) -> None:
        view = self.view
        caps, words, low = view.caps, view.words, view.low
        title_first = first_words(self.lex).titles  # a title starts with one of these
        n = len(words)
        i = 0
        while i < n:
            if not caps[i] or (len(words[i]) == 1 and words[i].isupper()) or low[i] in _NOT_NAMES:
                i += 1
                continue
            t0, t1 = view.sent_t0[i], view.sent_t1[i]
            opener = view.marks[i][-1:]
            first_token = i == t0 or (bool(opener) and opener in "“\"‘'")
            titled = low[i] in title_first and any(
                " ".join(low[i : i + n]) in self.lex.titles for n in (2, 3)
            )
            if (
                first_token
                and not titled
                and not self._sentence_initial_name(i)
                and not (  # 'Friends of the Tansey, a charity,' ('Residents of the …' is not)
                    view.low[i] not in self.lower_words and self._body_after_of_the(i, i + 1, t1)
                )
            ):
                i += 1
                continue
            j = i + 1
            while j < t1:
                gap = view.marks[j]
                if gap and not (gap == "." and len(view.words[j - 1]) <= 4) and gap not in "'’":
                    break  # an abbreviation's dot or a plural possessive stays inside
                if view.capitalised(j):
                    j += 1
                elif (
                    view.low[j] in _CONNECTORS
                    and j + 1 < t1
                    and view.capitalised(j + 1)
                    and not view.marks[j + 1]
                ):
                    j += 2
                elif (
                    view.low[j] in ("and", "&")
                    and view.base(j - 1) not in self.lex.organisation_heads
                    and self._joined_body(j, t1)
                ):
                    j += 2  # 'Rivers and Coast Authority'
                elif e := self._body_after_of_the(i, j, t1):
                    j = e  # 'Friends of the Earth'
                else:
                    break
            k = self._person_of_body(i, j)
            if k:  # 'Priya Vand of Tanseyside Police': a person and a body
                self._add_mention(i, k)
                self._add_mention(k + 1, j)
            else:
                self._add_mention(i, j)
            i = j

    def _capitalised_run(self, e: int, t1: int) -> int:
        """The end of the run of capitalised words from ``e`` ('Harbour Workers' Union')."""
        view = self.view
        while e < t1 and view.capitalised(e) and view.marks[e] in ("", "'", "’"):
            e += 1
        return e

    def _joined_body(self, j: int, t1: int) -> bool:
        """'and' inside a body's name: capitalised words after it end in a body word."""
        e = self._capitalised_run(j + 1, t1)
        return e > j + 1 and self.view.base(e - 1) in self.lex.organisation_heads

    def _body_after_of_the(self, i: int, j: int, t1: int) -> int:
        """'Friends of the Earth': the end of the name if 'of the' joins a body's name."""
        view = self.view
        if j + 2 >= t1 or view.low[j] != "of" or view.low[j + 1] != "the":
            return 0
        if not view.capitalised(j + 2):
            return 0
        if view.marks[j + 1] or view.marks[j + 2]:
            return 0
        e = self._capitalised_run(j + 2, t1)
        kind, _ = self.classify_name(view.words[i:e])
        return e if kind in ("organisation", "media") else 0

    def _person_of_body(self, i: int, j: int) -> int:
        """The index of 'of'/'for' in a person's name followed by a body's name, or 0."""
        view = self.view
        if self.classify_name(view.words[i:j])[0] != "person":
            return 0
        for k in range(i + 1, j - 1):
            if view.low[k] in ("of", "for"):
                kind, _ = self.classify_name(view.words[k + 1 : j])
                if kind in ("organisation", "media"):
                    return k
        return 0

    def _add_mention(self, a: int, b: int) -> None:
        view, lex = self.view, self.lex
        words = view.words[a:b]
        words[-1] = _POSSESSIVE.sub("", words[-1])
        start, end = view.starts[a], view.ends[b - 1]
        if words[-1] != view.words[b - 1]:
            end -= len(view.words[b - 1]) - len(words[-1])
        text = view.text[start:end]
        kind, canonical = self.classify_name(words)
        if kind in ("demonym", "place"):
            return
        key = canonical
        if kind == "person":
            rest, gender = self._strip_title(words)
            if not rest or not rest[0][:1].isupper():
                return  # a title alone, or before a place ('MP for Marrowick')
            surname = rest[-1].lower()
            first = rest[0].lower() if len(rest) > 1 else ""
            gender = gender or lex.first_names.get(first, "")
            key = surname
            person = self.people.get(surname)
            full = view.text[view.starts[b - len(rest)] : end]  # 'Martin J. Halloran'
            if person is None:
                person = self.people[surname] = Person(full, gender)
            elif len(rest) > len(person.canonical.split()):
                person.canonical = full
            person.gender = person.gender or gender
            canonical = person.canonical
            if len(rest) < len(words):  # a title: "Defence Secretary John Healey"
                role = " ".join(words[: len(words) - len(rest)]).lower().rstrip(".")
                if role not in lex.titles or lex.titles[role][1] != "honorific":
                    self.roles[role] = surname
            self._apposition_role(b, surname)
            self._role_before(a, surname)
            titled = len(rest) < len(words)
        else:
            titled = False
            if canonical == " ".join(words):
                canonical = key = text  # as written: "St. Aldric's Hospital"
        self.mentions.append(Mention(start, end, text, kind, canonical, key, titled))

    def _role_before(self, a: int, surname: str) -> None:
        """'US president Donald Trump', 'the vice-president, JD Vance': a role before."""
        view, lex = self.view, self.lex
        t0 = view.sent_t0[a]
        if a - 1 < t0 or view.low[a - 1] not in first_words(lex).role_ends:
            return  # no role or office ends right before the name: none to find
        for n in (3, 2, 1):
            if a - n < t0 or any(view.marks[t] for t in range(a - n + 1, a + 1)):
                continue
            words = [view.low[t] for t in range(a - n, a)]
            if words[0] in lex.demonyms or words[0] in lex.organisations:
                words = words[1:]
            role = " ".join(words)
            if role and lex.titles.get(role, ("", ""))[1] in ("role", "office"):
                self.roles[role] = surname
                return

    def _apposition_role(self, b: int, surname: str) -> None:
        """'Declan Moss, Tanseyside's chief fire officer,' makes a role alias."""
        view = self.view
        if b >= len(view.words) or view.sent[b] != view.sent[b - 1]:
            return
        if view.marks[b] != ",":
            return
        t1 = view.sent_t1[b]
        e = b
        while e < t1 and e - b < 8 and (e == b or not view.marks[e]):
            e += 1
        if e >= t1 or view.marks[e] != ",":
            return
        words = view.low[b:e]
        while words and (words[0] in ("the", "a", "an") or words[0].endswith(("'s", "’s"))):
            words = words[1:]
        if words and all(w.isalpha() for w in words):
            self.roles[" ".join(words)] = surname

    def _strip_title(self, words: list[str]) -> tuple[list[str], str]:
        """:func:`_strip_title`, once per word sequence (a name is typed, then added)."""
        key = tuple(words)
        found = self._titles.get(key)
        if found is None:
            rest, gender = _strip_title(words, self.lex)
            found = self._titles[key] = (len(words) - len(rest), gender)
        return words[found[0] :], found[1]

    def classify_name(self, words: list[str]) -> tuple[str, str]:
        """Type a capitalised name: (kind, canonical name)."""
        key = tuple(words)
        found = self._kinds.get(key)
        if found is None:
            found = self._kinds[key] = self._classify_name(words)
        return found

    def _classify_name(self, words: list[str]) -> tuple[str, str]:
        lex = self.lex
        text = " ".join(words)
        key = text.lower()
        bare = _LEADING.sub("", key)
        for k in (key, bare, "the " + bare):
            if k in lex.media:
                return "media", lex.media[k]
        for k in (key, bare, "the " + bare):
            if k in lex.organisations:
                return "organisation", lex.organisations[k]
        if key in lex.demonyms or all(w.lower() in lex.demonyms for w in words):
            return "demonym", text
        rest, _ = self._strip_title(words)
        if len(rest) < len(words) and rest:
            return "person", " ".join(rest)
        lows = [w.lower().rstrip(".") for w in words]
        if lows[-1] in _MASTHEADS or lows[0] in ("radio", "tv"):
            return "media", text  # 'Tansey Evening Star', 'Radio Tanseyside'
        if any(w in lex.organisation_heads for w in lows):
            return "organisation", text
        if any(w in lex.media_heads for w in lows):
            return "media", text
        acronym = len(words) == 1 and words[0].isupper() and len(words[0]) > 1
        if acronym and lows[0] not in lex.titles:
            return "organisation", text  # an acronym: 'ISE', 'CMCC' (not a title: 'MP')
        if len(words) >= 3 and lows[0] in lex.anonymous_heads and lows[1] in _CONNECTORS:
            return "organisation", text  # 'Friends of the Earth'
        placed = lows[-1] in _PLACE_LAST or lows[0] in _PLACE_FIRST
        if len(words) > 1 and placed and lows[0] not in lex.first_names:
            return "place", text
        return "person", text

    def _index_mentions(self) -> None:
        """Indexes over the names found, so that a source looks up the names near it
        instead of scanning the article's (the cost per source was the article's length).

        The name finder adds mentions left to right and never overlapping, so their
        starts and ends are both in order; anything else falls back to the scans.
        """
        mentions = self.mentions
        self._starts = [m.start for m in mentions]
        self._ends = [m.end for m in mentions]
        self._ordered = all(a.end <= b.start for a, b in pairwise(mentions))
        # the persons, and the organisations and media, by position
        self._person_at = [k for k, m in enumerate(mentions) if m.kind == "person"]
        self._body_at = [k for k, m in enumerate(mentions) if m.kind in ("organisation", "media")]
        self._body_starts = [mentions[k].start for k in self._body_at]
        self._person_starts = [mentions[k].start for k in self._person_at]
        # the organisations by each word of their name, by position
        self._org_words: dict[str, list[int]] = {}
        for k, m in enumerate(mentions):
            if m.kind == "organisation":
                for word in set(m.canonical.lower().split()):
                    self._org_words.setdefault(word, []).append(k)
        self._role_suffixes: dict[str, int] | None = None  # built on first use
        self._org_first_words: dict[str, list[tuple[int, str]]] | None = None
        self._lower_words: frozenset[str] | None = None
        self._role_list: list[tuple[str, str]] = []
        self._role_order: dict[str, int] = {}

    def _mentions_within(self, start: int, end: int) -> list[Mention]:
        """The mentions inside ``start``..``end``, in text order."""
        if not self._ordered:
            return [m for m in self.mentions if m.start >= start and m.end <= end]
        out = []
        for k in range(bisect_left(self._starts, start), len(self.mentions)):
            m = self.mentions[k]
            if m.start >= end:
                break  # every later mention starts (and ends) after the span
            if m.end <= end:
                out.append(m)
        return out

    def _role_alias(self, role: str) -> str | None:
        """The surname of the first role (in the order they were found) that ends with
        ``role``, or that ``role`` ends with, word for word ('secretary' ~ 'defence
        secretary'); None if there is none."""
        if not role:
            return None
        if self._role_suffixes is None:
            # The roles are all known once the names are found. Each role's proper word
            # suffixes map to the first role ending so: one lookup per source instead of
            # a pass over every role of the article.
            self._role_list = list(self.roles.items())
            self._role_order = {r: n for n, (r, _) in enumerate(self._role_list)}
            self._role_suffixes = {}
            for n, (r, _) in enumerate(self._role_list):
                words = r.split(" ")
                for k in range(1, len(words)):
                    self._role_suffixes.setdefault(" ".join(words[k:]), n)
        found = self._role_suffixes.get(role, len(self._role_list))  # r ends with role
        words = role.split(" ")
        for k in range(1, len(words)):  # role ends with r
            found = min(found, self._role_order.get(" ".join(words[k:]), found))
        return self._role_list[found][1] if found < len(self._role_list) else None

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
            and bare_low not in _GROUP_ADJECTIVES
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
            if m.kind != "person" or m.canonical.lower().split()[-1] not in _GROUP_ADJECTIVES
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
