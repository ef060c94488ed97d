"""Who is mentioned: the names the attribution pass found, kept as actors where there is
evidence, and merged within the article.

An actor is a person, an organisation or a country. The names come from the attribution
module's name finder (:mod:`framing.features.attribution._names`), which types each
capitalised name from the gazetteers. On top of it:

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

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from .._view import View, without_possessive
from ..attribution._lexicon import AttributionLexicons
from ..attribution._names import Resolver
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


class _Finder:
    def __init__(
        self,
        view: View,
        resolver: Resolver,
        lex: AttributionLexicons,
        speakers: Iterable[str],
        context: ActorIndex | None,
    ) -> None:
        self.view, self.resolver, self.lex = view, resolver, lex
        self.speakers = set(speakers)
        self.context = context
        self.index = ActorIndex()
        self.rows: list[dict[str, Any]] = []

    # -- evidence ---------------------------------------------------------------------

    def _person_ok(self, key: str) -> bool:
        r = self.resolver
        person = r.people.get(key)
        if person is None:
            return False
        words = person.canonical.split()
        return (
            any(m.key == key and m.titled for m in r.mentions if m.kind == "person")
            or (len(words) > 1 and words[0].lower() in self.lex.first_names)
            or person.canonical in self.speakers
            or any(s == key and _good_role(role, self.lex) for role, s in r.roles.items())
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
            elif not m.titled and self._short_name(m.start, m.end, m.text, full):
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
        uses = sum(m.text == text for m in self.resolver.mentions)
        return uses < 2 and text not in self.speakers

    def _how_person(self, text: str, actor: str) -> str:
        return "name" if text.endswith(actor) else "surname"

    def _short_name(self, start: int, end: int, text: str, full: list[str]) -> bool:
        """'Brennock' after 'Brennock Chemical Storage': the first word(s) of the one
        body whose name starts so, named earlier in the text; True if it was."""
        ctx = self.context
        if ctx is not None:
            if text not in ctx.short:
                return False
            actor, kind, how = ctx.short[text]
            self._add(start, end, actor, kind, how)
            return True
        names = {m.canonical for m in self.resolver.mentions}
        owners = [n for n in names if n.startswith(text + " ")]
        if len(owners) != 1 or owners[0] not in full:
            return False
        if not any(m.canonical == owners[0] and m.end <= start for m in self.resolver.mentions):
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
        taken = [(row["start"], row["end"]) for row in self.rows]
        n = len(view.words)
        for i in range(n - 1):
            if view.low[i] != "the":
                continue
            t1 = view.seg.sentence_tokens[view.sent[i]][1]
            best: tuple[int, str, str, str] | None = None
            for j in range(i + 2, min(i + 8, t1) + 1):
                if view.gap(j - 1).strip() or not view.words[j - 1].islower():
                    break
                if j < t1 and view.capitalised(j) and not view.gap(j).strip():
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
            if any(a < end and start < b for a, b in taken):
                continue
            self._add(start, end, best[1], best[2], best[3])

    def _ends_phrase(self, j: int, t1: int) -> bool:
        """The phrase ending at token ``j - 1`` is not the head of an 'of' phrase."""
        view = self.view
        if j >= t1 or view.gap(j).strip() or not view.words[j].islower():
            return True
        return view.low[j] != "of"  # 'the storage of chemicals' names no body

    def _body_by_head(self, phrase: str, before: int) -> tuple[str, str] | None:
        """The body named last before ``before`` whose name ends in (or is headed by)
        ``phrase``: 'county council', 'department' ('Department for Maritime Affairs')."""
        for row in reversed(self.rows):
            if row["start"] >= before or row["actor_type"] != "organisation":
                continue
            words = row["actor"].lower().replace("'", " ").split()
            cut = next((i for i, w in enumerate(words) if i > 0 and w in _PREPS), len(words))
            n = len(phrase.split())
            if " ".join(words[-n:]) == phrase or " ".join(words[cut - n : cut]) == phrase:
                return row["actor"], row["actor_type"]
        if self.context is not None:  # the headline: any body of the article
            for actor, kind in self.context.bodies.values():
                if kind == "organisation" and actor.lower().endswith(" " + phrase):
                    return actor, kind
        return None

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
        for start, end, actor in found:
            under = [r for r in self.rows if start < r["end"] and r["start"] < end]
            if any(r["start"] < start or r["end"] > end for r in under):
                continue  # 'Brennock' inside 'H.J. Brennock Group'
            if under and all(r["actor"] == actor for r in under):
                continue  # found already: keep how framing found it
            self.rows = [r for r in self.rows if not any(r is u for u in under)]
            kind = aliases.types.get(actor) or known.get(actor, "other")
            self._add(start, end, actor, kind, "alias file")

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
    resolver: Resolver,
    lex: AttributionLexicons,
    *,
    speakers: Iterable[str] = (),
    aliases: ActorAliases | None = None,
    context: ActorIndex | None = None,
) -> tuple[list[dict[str, Any]], ActorIndex]:
    """Actor mentions of one text, in text order, and the forms that refer to each.

    ``speakers`` are the resolved sources of the text's attributions (evidence that a
    name is a person); ``context`` is the index of the article body when ``view`` is
    its headline, so that "Healey" in a headline is the body's John Healey.
    """
    finder = _Finder(view, resolver, lex, speakers, context)
    finder.names()
    if context is not None:
        if title_case(view):
            finder.keep_known()
        finder.known_words()
    finder.definites()
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
