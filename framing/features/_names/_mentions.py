"""Names in an article: finding them, typing them and merging a person's mentions.

Name finding is capitalisation-based: a run of capitalised tokens (joined by "of",
"for", "de", "al" … where both sides are capitalised) is a name. A capitalised word
that opens a sentence counts only when the article never uses it in lowercase
("Officials said" opens with a common noun; "Healey said" with a name). Each name is
typed from the gazetteers: a media outlet, an organisation (gazetteer, country or a
word such as Ministry, Council, Police), else a person. Person names are merged
within the article by surname ("John Healey", "Mr Healey", "Healey"), and a title or
apposition gives a role alias ("Defence Secretary John Healey", "Declan Moss, the
chief fire officer,") so that "the defence secretary" resolves to the name.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from itertools import compress, pairwise

from .._view import View
from ._lexicon import AttributionLexicons, first_words, word_lists

__all__ = ["GROUP_ADJECTIVES", "SUBJECT_PRONOUNS", "Mention", "NameIndex", "Person"]

_NAME_WORDS = word_lists("name_words.tsv")
_CONNECTORS = _NAME_WORDS["connectors"]
_LEADING = re.compile(r"^(?:the|a|an|one|some|several|two|three|many)\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s$")
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
#: Parties, their members and regions, capitalised in news but no one's name.
GROUP_ADJECTIVES = _NAME_WORDS["group_adjectives"]
SUBJECT_PRONOUNS = word_lists("attribution_rule_words.tsv")["subject_pronouns"]


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


class NameIndex:
    """The names of one article, typed, and each person's mentions (attribution's
    ``Resolver`` resolves its sources over them)."""

    view: View
    lex: AttributionLexicons
    lower_words: set[str]
    people: dict[str, Person]
    roles: dict[str, str]
    mentions: list[Mention]
    _kinds: dict[tuple[str, ...], tuple[str, str]]
    _titles: dict[tuple[str, ...], tuple[int, str]]

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
