"""Who is mentioned: the names the attribution pass found, kept as actors where there is
evidence, and merged within the article.

An actor is a person, an organisation or a country. The names come from the name finder
attribution shares (:mod:`framing.features._names`), which types each capitalised name
from the gazetteers. On top of it:

* a person needs evidence to count: a title or office ("Mr", "Cllr", "Defence
  Secretary"), a first name from the first-name list, a role ("Declan Moss, the chief
  fire officer,"), or being the source of an attribution. A capitalised word with
  none of these ("Wharfside", "Cable Street", "Gaza") is more often a place and is not
  counted; name it in an actor file to count it;
* a person's mentions merge by surname ("John Healey", "Mr Healey", "Healey") and a
  role they were given stands for them ("the defence secretary", "the minister");
* an organisation's acronym ("ISE" after "Industrial Safety Executive"), its first
  word ("Brennock" after "Brennock Chemical Storage") and "the" with its head noun
  after it was named ("the council", "the union") merge into it;
* news outlets are not actors (they are sources: see the attribution table), and
  nationality adjectives ("Israeli", "British") are not mentions of a country.

Every mention keeps how it was resolved (``how``), so each merge can be checked.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import accumulate, pairwise
from typing import Any

from .._names import AttributionLexicons, NameIndex
from .._view import View, without_possessive
from ._aliases import ActorAliases

__all__ = ["MENTION_HOWS", "ActorIndex", "find_mentions"]

#: How a mention was tied to its actor.
MENTION_HOWS: tuple[str, ...] = (
    "name",  # the full name, or a gazetteer name ("Washington" for the United States)
    "surname",  # a shorter form of a person's name ("Mr Healey", "Healey")
    "role",  # "the defence secretary" after "Defence Secretary John Healey"
    "acronym",  # "ISE" after "Industrial Safety Executive"
    "short name",  # "Brennock" after "Brennock Chemical Storage"
    "head noun",  # "the council" after "Tanseyside County Council"
    "alias file",  # the researcher's actor file
    "source",  # a body named only as an attribution's source ("the defence ministry said")
)

# what a body is called after "the" once named ('the council', 'the union'); not the
# trade words of company names ('the storage of chemicals')
_DEFINITE_HEADS = frozenset(
    [
        "council",
        "authority",
        "union",
        "club",
        "hospital",
        "association",
        "department",
        "ministry",
        "agency",
        "committee",
        "commission",
        "police",
        "service",
        "government",
        "party",
        "company",
        "firm",
        "group",
        "court",
        "school",
        "college",
        "academy",
        "university",
        "board",
        "trust",
        "charity",
        "foundation",
        "institute",
        "society",
        "executive",
        "office",
        "bank",
        "army",
        "navy",
        "force",
        "regiment",
        "brigade",
        "parliament",
        "assembly",
        "senate",
        "federation",
        "league",
        "network",
        "corporation",
        "organisation",
        "organization",
        "coalition",
        "alliance",
        "centre",
        "center",
        "inquiry",
        "regulator",
        "watchdog",
        "tribunal",
    ]
)
# words of a description rather than a name ('the company at the centre of the leak')
_DESCRIBING = frozenset(["of", "at", "for", "in", "on", "to", "with", "by", "from", "that", "who"])
_PRONOUNS = frozenset(["it", "they", "we", "he", "she", "i", "you", "them", "us"])
_CONNECTORS = frozenset(["of", "for", "and", "&", "the", "de", "al", "on", "in", "to"])
_PREPS = frozenset(["of", "for", "at", "in", "on", "to", "with"])
# role nouns besides person_titles.tsv ones ('harbour master', 'regional organiser')
_ROLE_HEADS = frozenset(
    [
        "officer",
        "director",
        "master",
        "manager",
        "organiser",
        "organizer",
        "secretary",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "head",
        "chief",
        "executive",
        "adviser",
        "advisor",
        "minister",
        "leader",
        "chair",
        "chairman",
        "chairwoman",
        "president",
        "commander",
        "commissioner",
        "superintendent",
        "inspector",
        "constable",
        "editor",
        "correspondent",
        "founder",
        "owner",
    ]
)


@dataclass(slots=True)
class ActorIndex:
    """The actors of an article by the forms that refer to them, for its headline."""

    people: dict[str, str] = field(default_factory=dict)  # surname -> actor
    bodies: dict[str, tuple[str, str]] = field(default_factory=dict)  # name -> actor, type
    roles: dict[str, str] = field(default_factory=dict)  # role phrase -> actor
    short: dict[str, tuple[str, str, str]] = field(default_factory=dict)  # form -> actor...


def _initials(name: str) -> str:
    words = name.replace("-", " ").split()
    return "".join(w[0] for w in words if w[:1].isupper() and w.lower() not in _CONNECTORS)


def _role_forms(role: str) -> list[str]:
    """'minister for ports and maritime safety' -> itself and 'minister'."""
    words = role.split()
    if (
        not words
        or words[0] in ("who", "which", "that", "whose")
        or not all(w.replace("-", "").isalpha() for w in words)
    ):
        return []
    cut = next((i for i, w in enumerate(words) if i > 0 and w in _PREPS), len(words))
    head = words[cut - 1]
    return [role, " ".join(words[:cut])] if head in _ROLE_HEADS else []


def _good_role(role: str, lex: AttributionLexicons) -> bool:
    forms = _role_forms(role)
    return bool(forms) or lex.titles.get(role, ("", ""))[1] in ("role", "office")


def _head_phrases(actor: str) -> set[str]:
    """The phrases "the …" can name a body by: its last words ('county council',
    'council') and the last words before its first preposition ('department' for
    'Department for Maritime Affairs')."""
    words = actor.lower().replace("'", " ").split()
    cut = next((i for i, w in enumerate(words) if i > 0 and w in _PREPS), len(words))
    phrases = {" ".join(words[-n:]) for n in range(1, len(words) + 1)}
    phrases.update(" ".join(words[cut - n : cut]) for n in range(1, cut + 1))
    return phrases


class _BodiesByHead:
    """The organisations of the rows by the phrases that name them (:func:`_head_phrases`),
    for "the council": the body named last before a position, without a pass over every
    row. Rows are numbered by their place in the finder's list; rows added later (by the
    definite phrases, read left to right) all start before the positions asked about."""

    def __init__(self, rows: list[dict[str, Any]]) -> None:
        self.rows: dict[int, dict[str, Any]] = {}
        self.first: dict[str, list[int]] = {}  # phrase -> the rows there at the start
        self.later: dict[str, int] = {}  # phrase -> the last row added since
        # The rows there at the start come from the name finder in text order; if they
        # are not in order (a headline's known words), look through them all.
        starts = [row["start"] for row in rows]
        self.ordered = all(a <= b for a, b in pairwise(starts))
        for k, row in enumerate(rows):
            if row["actor_type"] == "organisation":
                self.rows[k] = row
                for phrase in _head_phrases(row["actor"]):
                    self.first.setdefault(phrase, []).append(k)
        self.first_starts = {
            phrase: [self.rows[k]["start"] for k in at] for phrase, at in self.first.items()
        }

    def add(self, k: int, row: dict[str, Any]) -> None:
        self.rows[k] = row
        for phrase in _head_phrases(row["actor"]):
            self.later[phrase] = k

    def last_before(self, phrase: str, before: int) -> dict[str, Any] | None:
        """The last row (in list order) of a body named by ``phrase`` starting before
        ``before``."""
        if phrase in self.later:
            return self.rows[self.later[phrase]]
        at = self.first.get(phrase)
        if not at:
            return None
        if self.ordered:
            n = bisect_left(self.first_starts[phrase], before)
            return self.rows[at[n - 1]] if n else None
        return next((self.rows[k] for k in reversed(at) if self.rows[k]["start"] < before), None)


class _Spans:
    """Spans taken already, asked whether a new span overlaps one of them."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans = sorted(spans)
        self.starts = [a for a, _ in spans]
        self.max_end = list(accumulate((b for _, b in spans), max))  # the furthest end so far

    def overlaps(self, start: int, end: int) -> bool:
        n = bisect_left(self.starts, end)  # the spans starting before ``end``
        return n > 0 and self.max_end[n - 1] > start


class _Finder:
    def __init__(
        self,
        view: View,
        resolver: NameIndex,
        lex: AttributionLexicons,
        speakers: Iterable[str],
        context: ActorIndex | None,
    ) -> None:
        self.view, self.resolver, self.lex = view, resolver, lex
        self.speakers = set(speakers)
        self.context = context
        self.index = ActorIndex()
        self.rows: list[dict[str, Any]] = []
        # What the evidence checks ask of all the article's names, gathered once: each
        # check used to scan every mention or role, so the finder grew with the square of
        # the article's length.
        mentions = resolver.mentions
        self._titled = {m.key for m in mentions if m.kind == "person" and m.titled}
        self._role_surnames = {s for role, s in resolver.roles.items() if _good_role(role, lex)}
        self._uses = Counter(m.text for m in mentions)
        self._first_end: dict[str, int] = {}  # canonical name -> end of its first mention
        self._owners: dict[str, set[str]] = {}  # first word(s) -> the names starting so
        for m in mentions:
            first = self._first_end.get(m.canonical)
            self._first_end[m.canonical] = m.end if first is None else min(first, m.end)
        for name in self._first_end:
            k = name.find(" ")
            while k >= 0:
                self._owners.setdefault(name[:k], set()).add(name)
                k = name.find(" ", k + 1)

    # -- evidence ---------------------------------------------------------------------

    def _person_ok(self, key: str) -> bool:
        r = self.resolver
        person = r.people.get(key)
        if person is None:
            return False
        words = person.canonical.split()
        return (
            key in self._titled
            or (len(words) > 1 and words[0].lower() in self.lex.first_names)
            or person.canonical in self.speakers
            or key in self._role_surnames
        )

    # -- names --------------------------------------------------------------------------

    def names(self) -> None:
        r, lex, ctx = self.resolver, self.lex, self.context
        bodies = [m for m in r.mentions if m.kind == "organisation"]
        for m in bodies:
            kind = "country" if m.canonical in lex.countries else "organisation"
            if ctx is not None and m.canonical in ctx.bodies:
                actor, kind = ctx.bodies[m.canonical]
                self.index.bodies[m.canonical] = (actor, kind)
            self.index.bodies.setdefault(m.canonical, (m.canonical, kind))
        full = [name for name, (_, t) in self.index.bodies.items() if t == "organisation"]
        initials = {_initials(n): n for n in full if len(_initials(n)) > 1}
        full_names = set(full)
        for m in r.mentions:
            if m.kind == "media":
                continue
            if m.kind == "organisation":
                actor, kind = self.index.bodies[m.canonical]
                how = "name"
                bare = m.text.removeprefix("the ").removeprefix("The ")
                if bare.isupper() and bare in initials and initials[bare] != m.canonical:
                    actor, kind = self.index.bodies[initials[bare]]
                    how = "acronym"
                elif ctx is not None and bare in ctx.short and ctx.short[bare][2] == "acronym":
                    actor, kind, how = ctx.short[bare]
                elif self._stray_capitals(m.text):
                    continue
                self._add(m.start, m.end, actor, kind, how)
                if how == "acronym":
                    self.index.short[bare] = (actor, kind, how)
                continue
            person = r.people.get(m.key)
            canonical = person.canonical if person else m.canonical
            if ctx is not None and m.key in ctx.people:
                actor = ctx.people[m.key]
                self._add(m.start, m.end, actor, "person", self._how_person(m.text, actor))
            elif not m.titled and self._short_name(m.start, m.end, m.text, full_names):
                continue
            elif self._person_ok(m.key):
                self.index.people[m.key] = canonical
                self._add(m.start, m.end, canonical, "person", self._how_person(m.text, canonical))

    def keep_known(self) -> None:
        """In a headline set in title case ("Michael Steele Criticized for Afghanistan
        Comments"), capitals do not mark names, so the name finder runs words together:
        keep only the actors the body has, and countries."""
        ctx = self.context
        assert ctx is not None
        known = set(ctx.people.values())
        known |= {actor for actor, _ in ctx.bodies.values()}
        known |= {actor for actor, _, _ in ctx.short.values()}
        self.rows = [r for r in self.rows if r["actor"] in known or r["actor_type"] == "country"]

    def known_words(self) -> None:
        """In a headline, a capitalised word the body resolved ('Healey in Cyprus', where
        the name finder cannot tell a lone headline word from a common noun)."""
        ctx, view = self.context, self.view
        assert ctx is not None
        taken = [(row["start"], row["end"]) for row in self.rows]
        for i, word in enumerate(view.words):
            start, end = view.starts[i], view.ends[i]
            if not view.capitalised(i) or any(a < end and start < b for a, b in taken):
                continue
            body = self._known_body(i)
            if body is not None:
                j, (actor, kind) = body
                self._add(start, view.ends[j - 1], actor, kind, "name")
                taken.append((start, view.ends[j - 1]))
                continue
            bare = without_possessive(word)
            if view.base(i) in ctx.people:
                self._add(start, start + len(bare), ctx.people[view.base(i)], "person", "surname")
            elif bare in ctx.short:
                actor, kind, how = ctx.short[bare]
                self._add(start, start + len(bare), actor, kind, how)

    def _known_body(self, i: int) -> tuple[int, tuple[str, str]] | None:
        """The longest run of words from token ``i`` that names a body of the article
        ("Republican National Committee", "Afghanistan"), with the token after it."""
        ctx, view = self.context, self.view
        assert ctx is not None
        for j in range(min(len(view.words), i + 6), i, -1):
            if any(_has_break(view.gap(t)) for t in range(i + 1, j)):
                continue
            words = [*view.words[i : j - 1], without_possessive(view.words[j - 1])]
            found = ctx.bodies.get(" ".join(words))
            if found is not None:
                return j, found
        return None

    def _stray_capitals(self, text: str) -> bool:
        """A capitalised word typed a body only for its capitals ('FAST, FURIOUS', 'BST'):
        not in a gazetteer, used once, and no attribution's source."""
        if not text.isupper() or text.casefold() in self.lex.organisations:
            return False
        return self._uses[text] < 2 and text not in self.speakers

    def _how_person(self, text: str, actor: str) -> str:
        return "name" if text.endswith(actor) else "surname"

    def _short_name(self, start: int, end: int, text: str, full: set[str]) -> bool:
        """'Brennock' after 'Brennock Chemical Storage': the first word(s) of the one
        body whose name starts so, named earlier in the text; True if it was."""
        ctx = self.context
        if ctx is not None:
            if text not in ctx.short:
                return False
            actor, kind, how = ctx.short[text]
            self._add(start, end, actor, kind, how)
            return True
        owners = list(self._owners.get(text, ()))  # the names that start with text + " "
        if len(owners) != 1 or owners[0] not in full:
            return False
        if self._first_end[owners[0]] > start:  # not named before
            return False
        actor, kind = self.index.bodies[owners[0]]
        self.index.short[text] = (actor, kind, "short name")
        self._add(start, end, actor, kind, "short name")
        return True

    # -- "the …" ------------------------------------------------------------------------

    def definites(self) -> None:
        """'the defence secretary' (a person's role) and 'the council' (a body's head)."""
        view, r, lex = self.view, self.resolver, self.lex
        roles: dict[str, set[str]] = {}
        for role, surname in r.roles.items():
            actor = self.index.people.get(surname)
            if actor is None:
                continue
            for form in _role_forms(role) or ([role] if _good_role(role, lex) else []):
                roles.setdefault(form, set()).add(actor)
        if self.context is not None:
            for form, actor in self.context.roles.items():
                roles.setdefault(form, set()).add(actor)
        usable = {form: next(iter(a)) for form, a in roles.items() if len(a) == 1}
        self.index.roles.update(usable)
        taken = _Spans([(row["start"], row["end"]) for row in self.rows])
        self._bodies = _BodiesByHead(self.rows)
        n = len(view.words)
        i = -1
        while True:
            try:  # the next "the" (a scan in C, not a Python loop over every word)
                i = view.low.index("the", i + 1, n - 1)
            except ValueError:
                break
            t1 = view.sent_t1[i]
            best: tuple[int, str, str, str] | None = None
            for j in range(i + 2, min(i + 8, t1) + 1):
                if view.marks[j - 1] or not view.words[j - 1].islower():
                    break
                if j < t1 and view.capitalised(j) and not view.marks[j]:
                    continue  # 'the defence secretary John Healey': part of a name
                phrase = " ".join(view.low[i + 1 : j])
                if phrase in usable:
                    best = (j, usable[phrase], "person", "role")
                elif view.base(j - 1) in _DEFINITE_HEADS and self._ends_phrase(j, t1):
                    body = self._body_by_head(phrase, view.starts[i])
                    if body is not None:
                        best = (j, *body, "head noun")
            if best is None:
                continue
            start, end = view.starts[i], view.ends[best[0] - 1]
            if taken.overlaps(start, end):
                continue
            self._add(start, end, best[1], best[2], best[3])
            if best[2] == "organisation":
                self._bodies.add(len(self.rows) - 1, self.rows[-1])

    def _ends_phrase(self, j: int, t1: int) -> bool:
        """The phrase ending at token ``j - 1`` is not the head of an 'of' phrase."""
        view = self.view
        if j >= t1 or view.marks[j] or not view.words[j].islower():
            return True
        return view.low[j] != "of"  # 'the storage of chemicals' names no body

    def _body_by_head(self, phrase: str, before: int) -> tuple[str, str] | None:
        """The body named last before ``before`` whose name ends in (or is headed by)
        ``phrase``: 'county council', 'department' ('Department for Maritime Affairs')."""
        row = self._bodies.last_before(phrase, before)
        if row is not None:
            return row["actor"], row["actor_type"]
        if self.context is not None:  # the headline: any body of the article
            for actor, kind in self.context.bodies.values():
                if kind == "organisation" and actor.lower().endswith(" " + phrase):
                    return actor, kind
        return None

    # -- bodies named only as sources ---------------------------------------------------

    def source_bodies(self, attributions: Iterable[Mapping[str, Any]]) -> None:
        """A body the name finder did not see, named as an attribution's source ('the
        defence ministry said'): an actor under the fullest form the article gives
        ('UK defence ministry' over 'defence ministry', a country before it aside)."""
        taken = _Spans([(row["start"], row["end"]) for row in self.rows])
        countries = sorted(
            (row["start"], row["end"]) for row in self.rows if row["actor_type"] == "country"
        )
        country_starts = [a for a, _ in countries]
        found: list[tuple[int, int, str]] = []
        for row in attributions:
            start, end = row.get("source_start"), row.get("source_end")
            if row.get("source_type") != "organisation" or start is None or end is None:
                continue
            start = self._after_country(start, end, countries, country_starts)
            if taken.overlaps(start, end) or self.view.text[start:end].lower() in _PRONOUNS:
                continue  # 'it said': the body is counted where it was named
            name = str(row.get("resolved_source") or row.get("source") or "")
            name = name.removeprefix("the ").removeprefix("The ").strip()
            words = name.lower().split()
            if 1 < len(words) <= 4 and not _DESCRIBING.intersection(words):
                # a name ('defence ministry'), not a description or a bare 'company'
                found.append((start, end, name))
        fullest: dict[str, str] = {}
        for _, _, name in found:
            key = self._without_country(name)
            if len(name) > len(fullest.get(key, "")):
                fullest[key] = name
        added_end = -1  # the spans found are taken in text order: none may overlap another
        for start, end, name in sorted(found):
            if start >= added_end:
                self._add(
                    start, end, fullest[self._without_country(name)], "organisation", "source"
                )
                added_end = end

    def _after_country(
        self, start: int, end: int, countries: list[tuple[int, int]], starts: list[int]
    ) -> int:
        """'The UK defence ministry': the body's span starts after the country, which
        stays a mention of its own (``countries``: the country rows' spans, by start)."""
        text = self.view.text
        for k in range(bisect_left(starts, start), len(countries)):
            c_start, c_end = countries[k]
            if c_start >= end:
                break
            if c_end < end and text[start:c_start].strip(" ").lower() in ("", "the"):
                return c_end + 1 if text[c_end : c_end + 1] == " " else c_end
        return start

    def _without_country(self, name: str) -> str:
        words = name.lower().split()
        lex = self.lex
        while len(words) > 1 and (words[0] in lex.demonyms or words[0] in lex.organisations):
            words = words[1:]
        return " ".join(words)

    # -- the actor file -----------------------------------------------------------------

    def aliases(self, aliases: ActorAliases) -> None:
        """Rename actors the file lists; count its aliases, over any name they overlap."""
        view = self.view
        for row in self.rows:
            actor = aliases.rename(row["actor"])
            if actor == row["actor"]:
                actor = aliases.names.get(row["mention"].casefold(), actor)
            if actor != row["actor"]:
                row["actor"] = actor
                row["actor_type"] = aliases.types.get(actor, row["actor_type"])
        by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for words, actor in aliases.patterns:
            by_first.setdefault(words[0].lower(), []).append((words, actor))
        found: list[tuple[int, int, str]] = []
        i, n = 0, len(view.words)
        while i < n:
            best = None
            for words, actor in by_first.get(view.low[i], ()):
                k = len(words)
                if i + k > n or view.sent[i + k - 1] != view.sent[i]:
                    continue
                have = [*view.words[i : i + k - 1], without_possessive(view.words[i + k - 1])]
                same = all(
                    h == w or (w.islower() and h.lower() == w)
                    for h, w in zip(have, words, strict=True)
                )  # "the council's"; a lowercase word in any case
                if same and (best is None or k > best[0]):
                    best = (k, actor)
            if best is None:
                i += 1
                continue
            found.append((view.starts[i], view.ends[i + best[0] - 1], best[1]))
            i += best[0]
        known = {row["actor"]: row["actor_type"] for row in self.rows}
        # The aliases found are in text order and never overlap, so one sweep over the
        # rows by start finds the rows under each; a row an alias replaces lies inside
        # it, so it is under no later alias.
        rows, self.rows = self.rows, []
        by_start = sorted(rows, key=lambda r: r["start"])
        replaced: set[int] = set()
        active: list[dict[str, Any]] = []  # rows starting before the alias's end
        k = 0
        for start, end, actor in found:
            while k < len(by_start) and by_start[k]["start"] < end:
                active.append(by_start[k])
                k += 1
            active = [r for r in active if r["end"] > start]  # none ends later for the rest
            under = active
            if any(r["start"] < start or r["end"] > end for r in under):
                continue  # 'Brennock' inside 'H.J. Brennock Group'
            if under and all(r["actor"] == actor for r in under):
                continue  # found already: keep how framing found it
            replaced.update(id(r) for r in under)
            kind = aliases.types.get(actor) or known.get(actor, "other")
            self._add(start, end, actor, kind, "alias file")
        self.rows = [r for r in rows if id(r) not in replaced] + self.rows

    # -- rows ---------------------------------------------------------------------------

    def _add(self, start: int, end: int, actor: str, kind: str, how: str) -> None:
        actor = actor.replace("’", "'")  # one name however an outlet sets its apostrophes
        self.rows.append(
            {
                "start": start,
                "end": end,
                "mention": self.view.text[start:end],
                "actor": actor,
                "actor_type": kind,
                "how": how,
            }
        )


def find_mentions(
    view: View,
    resolver: NameIndex,
    lex: AttributionLexicons,
    *,
    speakers: Iterable[str] = (),
    aliases: ActorAliases | None = None,
    context: ActorIndex | None = None,
    sources: Iterable[Mapping[str, Any]] = (),
) -> tuple[list[dict[str, Any]], ActorIndex]:
    """Actor mentions of one text, in text order, and the forms that refer to each.

    ``speakers`` are the resolved sources of the text's attributions (evidence that a
    name is a person); ``context`` is the index of the article body when ``view`` is
    its headline, so that "Healey" in a headline is the body's John Healey; ``sources``
    are the text's attributions, whose bodies become actors where no name was found.
    """
    finder = _Finder(view, resolver, lex, speakers, context)
    finder.names()
    if context is not None:
        if title_case(view):
            finder.keep_known()
        finder.known_words()
    finder.definites()
    finder.source_bodies(sources)
    if aliases is not None:
        finder.aliases(aliases)
    rows = sorted(finder.rows, key=lambda row: row["start"])
    index = finder.index
    if context is None:
        for surname, actor in index.people.items():
            index.people[surname] = aliases.rename(actor) if aliases else actor
    return rows, index


def _has_break(gap: str) -> bool:
    return any(not c.isspace() for c in gap)


def title_case(view: View) -> bool:
    """Whether a headline capitalises its words as a rule: four in five of its words of
    four letters or more, and at least three of them."""
    long = [i for i, w in enumerate(view.words) if len(w) >= 4 and w[:1].isalpha()]
    if len(long) < 3:
        return False
    return sum(view.capitalised(i) for i in long) >= 0.8 * len(long)


def speakers_of(attributions: Iterable[Mapping[str, Any]]) -> set[str]:
    """The named people and bodies the attributions were resolved to."""
    return {
        row["resolved_source"]
        for row in attributions
        if row["source_type"] in ("person", "organisation") and row["resolved_source"]
    }
