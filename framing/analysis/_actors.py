"""People merged across a corpus: one actor however the articles name them.

The actors feature merges the names of one article ("Donald Trump", "Mr. Trump" and
"Trump" in one text); it cannot know that a HuffPost piece's "Trump", which never gives
the first name, is The New York Times's "Donald J. Trump". Once every article has run,
the corpus's person actors are merged here:

1. **Full names.** Names with the same first name and surname are one person, whatever
   comes before them (a title or office: "House Minority Leader Nancy Pelosi", "Mr."),
   between (a middle name or initial: "Donald J. Trump", "Hillary Rodham Clinton") or
   after them (a state or weekday: "Jeb Bush of Florida", "Hillary Clinton Wednesday").
   Middle names count by their initials, and two different ones keep two people apart
   ("George W. Bush" and "George H.W. Bush"); "George Bush" without one is then left
   as written. "Jr" and "Sr" are part of the name ("Donald Trump Jr" is someone else).
2. **A surname alone** ("Trump", "Mr. Trump", "President Trump") becomes the one person
   with that surname in the article's story, or, where the story names none with a first
   name, the one person in the corpus. A title with a gender narrows the choice ("Mrs.
   Clinton" is not Bill Clinton). Where two people share the surname, the name is left
   as written and the merge table says who they are.

A person counts as one of those sharing a surname when their first name is in the
first-name list, or they are named in two articles or more, or the actor file names
them: a one-off misread ("Plus Obama", a capitalised word before a surname) does not
keep "Obama" from Barack Obama. Where the actor file names a person, its name is the
merged name.

Every renamed name, and every surname left alone, is a row of the merge table
(:data:`MERGE_COLUMNS`, ``analysis.actor_merges``); ``analysis.actors`` and
``analysis.actor_mentions`` carry the merged ``actor`` and the article's own name in
``article_actor``.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from ..features._names import GROUP_ADJECTIVES
from ..features.actors import ActorAliases
from ..features.attribution import AttributionLexicons

__all__ = ["MERGE_COLUMNS", "merge_actor_tables", "person_merges"]

#: Columns of ``analysis.actor_merges``: one row per name renamed or left alone.
MERGE_COLUMNS: dict[str, str] = {
    "name": "str",  # the name as the articles' actors table had it
    "actor": "str",  # the actor it became (the name itself where left alone)
    "story": "str",  # the story a surname was read in; empty for the whole corpus
    "n_articles": "int64",  # articles with this name (in the story, for a surname)
    "how": "str",  # see MERGE_HOWS
    "reason": "str",  # the evidence, in words
}
#: How a name was merged, or why not.
MERGE_HOWS: tuple[str, ...] = (
    "full name",  # same first name and surname (title, middle name or place aside)
    "surname in story",  # the story's one person with that surname
    "surname in corpus",  # the corpus's one person with that surname
    "left alone",  # two people share the name
)

#: In the corpus at large (not the story), a surname alone is the person named with a
#: first name in this many times as many articles as the next person of that surname:
#: "Obama" is Barack Obama where Sasha Obama is named in two articles, while "Clinton"
#: (Hillary in 62 articles, Bill in 12) is left alone.
DOMINANT = 10

_WEEKDAYS = frozenset(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
)
# what comes before a name without being a title in the lexicon ('Former FBI Director')
_LEADERS = frozenset(
    ["former", "acting", "late", "then", "ex", "incoming", "outgoing", "whip", "counsel", "agent"]
)
# first words of places the name finder can take for a person ('West Virginia')
_PLACE_WORDS = frozenset(["west", "east", "north", "south", "new", "central", "united", "saint"])
_AFTER = frozenset(["of", "for", "from", "at", "in"])  # 'Jeb Bush of Florida'
# capitalised in news, typed a person by the name finder, and no one's surname
_NOT_SURNAMES = frozenset(["house", "america", "congress", "district", "state", "states"])
# familiar forms of a first name that stand for one formal name only ('Joe Biden' and
# 'Joseph R. Biden Jr'); 'Ted', 'Pat', 'Sam', 'Chris' and 'Alex' stand for several
_FAMILIAR = {
    "joe": "joseph",
    "bill": "william",
    "bob": "robert",
    "rob": "robert",
    "mike": "michael",
    "jim": "james",
    "chuck": "charles",
    "dick": "richard",
    "tom": "thomas",
    "ben": "benjamin",
    "dan": "daniel",
    "dave": "david",
    "tony": "anthony",
    "matt": "matthew",
    "jeff": "jeffrey",
    "andy": "andrew",
    "mitch": "mitchell",
}
_SUFFIXES = frozenset(["jr", "sr", "ii", "iii", "iv"])
_PARTICLES = frozenset(["de", "van", "von", "der", "den", "da", "di", "del", "la", "le", "al"])


@dataclass(frozen=True, slots=True)
class _Name:
    first: str  # lowercase; empty for a surname alone
    middle: str  # the middle names' initials, lowercase
    surname: str  # lowercase, with particles ('van hollen')
    suffix: str  # 'jr', or empty
    shown: str  # the name without title, place or weekday: 'Nancy Pelosi'
    gender: str  # from a title before it ('Mrs.'), or empty


def _parse(name: str, lex: AttributionLexicons, title_words: frozenset[str]) -> _Name | None:
    """A person's name in parts, or None where no name is left."""
    tokens = name.replace("’", "'").split()
    for i, token in enumerate(tokens):  # "Barack Obama's U.S": the name ends at the 's
        if token.endswith("'s") and len(token) > 2:
            tokens = [*tokens[:i], token[:-2]]
            break
    cut = next((i for i, t in enumerate(tokens) if i > 0 and t.lower() in _AFTER), None)
    if cut is not None:
        # 'Director of National Intelligence Dan Coats': the name after the body;
        # 'Jeb Bush of Florida': the place after the name
        after = [i for i in range(cut + 1, len(tokens) - 1) if tokens[i].lower() in lex.first_names]
        tokens = tokens[after[0] :] if after else tokens[:cut]
    while len(tokens) > 1 and tokens[-1].lower().rstrip(".,") in _WEEKDAYS:
        tokens.pop()
    gender = ""
    last_title = -1
    for i, token in enumerate(tokens[:-1]):
        word = token.lower().rstrip(".,")
        if word in title_words or any(p in title_words for p in word.split("-")):
            last_title = i
            gender = lex.titles.get(word, lex.titles.get(word + ".", ("", "")))[0] or gender
    tokens = [t.rstrip(",") for t in tokens[last_title + 1 :]]
    if not tokens or not tokens[0][:1].isupper() or _no_name(tokens[-1], lex, title_words):
        return None
    suffix = written = ""
    if len(tokens) > 1 and tokens[-1].lower().rstrip(".") in _SUFFIXES:
        written = tokens.pop()
        suffix = written.lower().rstrip(".")
    k = len(tokens) - 1
    while k > 1 and tokens[k - 1].lower() in _PARTICLES:
        k -= 1
    surname = " ".join(tokens[k:]).lower()
    shown = " ".join([*tokens, written] if written else tokens)
    if k == 0:
        return _Name("", "", surname, suffix, shown, gender)
    first = tokens[0].lower().rstrip(".")
    first = _FAMILIAR.get(first, first)
    middle = "".join(
        part[0] for token in tokens[1:k] for part in token.replace("-", ".").split(".") if part
    ).lower()
    return _Name(first, middle, surname, suffix, shown, gender)


def _no_name(word: str, lex: AttributionLexicons, title_words: frozenset[str]) -> bool:
    """A last word no one's name ends in: a party ('Republicans'), a place or people
    ('America', 'Israeli'), a body ('House', 'District') or a title ('Director')."""
    low = word.lower().rstrip(".")
    return (
        low in GROUP_ADJECTIVES
        or low in lex.demonyms
        or low in lex.organisations
        or low in lex.organisation_heads
        or low in title_words
        or low in _NOT_SURNAMES
        or word in lex.countries
    )


def _title_words(lex: AttributionLexicons) -> frozenset[str]:
    words = {w.rstrip(".") for title in lex.titles for w in title.split()}
    return frozenset(words | _LEADERS)


@dataclass(slots=True)
class _Person:
    names: list[str]  # the raw names
    docs: set[str]
    shown: str = ""
    gender: str = ""
    confirmed: bool = False
    stories: set[str] = field(default_factory=set)  # the stories of its articles


def person_merges(
    people: pd.DataFrame,
    stories: Mapping[str, str],
    lex: AttributionLexicons,
    aliases: ActorAliases | None = None,
) -> pd.DataFrame:
    """The merge table of a corpus's person actors (see the module docstring).

    Args:
        people: ``doc_id`` and ``actor`` of the person actors, one row per article and
            name.
        stories: ``doc_id`` -> story (articles without one are read against the corpus).
        lex: The attribution lexicons (titles and first names).
        aliases: The researcher's actor file, whose names win.

    Returns:
        The rows of :data:`MERGE_COLUMNS`.
    """
    title_words = _title_words(lex)
    docs: dict[str, set[str]] = defaultdict(set)
    for doc, name in zip(people["doc_id"], people["actor"], strict=True):
        docs[name].add(doc)
    parsed = {name: _parse(name, lex, title_words) for name in docs}
    canon = set(aliases.types) | set(aliases.names.values()) if aliases else set()

    # 1. full names: one person per first name, surname and suffix, unless the middle
    # initials tell two apart
    groups: dict[tuple[str, str], list[str]] = defaultdict(list)
    for name, p in parsed.items():
        if p is not None and p.first:
            groups[(p.first, p.surname)].append(name)
    persons: list[_Person] = []
    rows: list[dict[str, Any]] = []
    for names in groups.values():
        parts, bare = _people_of(names, parsed)
        if bare:
            shared = ", ".join(sorted(parsed[p[0]].shown for p in parts))  # type: ignore[union-attr]
            for n in bare:
                rows.append(
                    _row(n, n, "", len(docs[n]), "left alone", f"middle names tell apart {shared}")
                )
        for part in parts:
            person = _Person(part, set().union(*(docs[n] for n in part)))
            person.stories = {stories.get(d, "") for d in person.docs}
            person.shown = _shown(part, parsed, docs, canon)
            first = parsed[part[0]].first  # type: ignore[union-attr]
            person.gender = lex.first_names.get(first, "")
            person.confirmed = (
                first in lex.first_names
                or bool(canon & set(part))
                or (len(person.docs) > 1 and first not in _PLACE_WORDS)
            )
            if len(part) == 1 and first not in lex.first_names:
                person.shown = part[0]  # a lone unknown name keeps its form: maybe no one's
            persons.append(person)
            for n in part:
                if n != person.shown:
                    rows.append(
                        _row(n, person.shown, "", len(docs[n]), "full name", _why_full(n, person))
                    )

    # 2. a surname alone: the one person so named in the story, else in the corpus
    by_surname: dict[str, list[_Person]] = defaultdict(list)
    for person in persons:
        by_surname[parsed[person.names[0]].surname].append(person)  # type: ignore[union-attr]
    for name, p in parsed.items():
        if p is None or p.first or name in canon:
            continue
        candidates = by_surname.get(p.surname, [])
        surname = p.shown.split()[-1]
        in_story: dict[str, set[str]] = defaultdict(set)
        for doc in docs[name]:
            in_story[stories.get(doc, "")].add(doc)
        for story, story_docs in sorted(in_story.items()):
            here = [c for c in candidates if story and story in c.stories]
            # in the corpus at large only people named with a known first name, or
            # in two articles, can take a surname
            scope, pool = ("story", here) if here else ("corpus", _confirmed(candidates))
            found, how = _one(pool, p.gender, dominant=scope == "corpus")
            if found is not None:
                why = f"the one person named {surname} in the {scope}{how}"
                if how.startswith(","):
                    why = f"the person most named {surname} in the corpus{how}"
                rows.append(
                    _row(name, found.shown, story, len(story_docs), f"surname in {scope}", why)
                )
            elif len(_sure(pool)) > 1:
                who = ", ".join(sorted({c.shown for c in _sure(pool)}))
                rows.append(
                    _row(
                        name,
                        name,
                        story,
                        len(story_docs),
                        "left alone",
                        f"{surname} may be any of {who} (in the {scope})",
                    )
                )
    return pd.DataFrame(rows, columns=list(MERGE_COLUMNS))


def _people_of(
    names: list[str], parsed: Mapping[str, _Name | None]
) -> tuple[list[list[str]], list[str]]:
    """The people among names with one first name and surname, and the names that
    could be more than one of them.

    Middle initials tell people apart ('George W. Bush', 'George H.W. Bush'); a name
    without them is then left alone. A suffix with a middle initial is the formal
    style of the same person ('Robert S. Mueller III' is 'Robert Mueller'); without
    one, someone else ('Donald Trump Jr')."""
    info = {n: parsed[n] for n in names}
    middles = sorted({p.middle for p in info.values() if p and p.middle})
    juniors: dict[str, list[str]] = defaultdict(list)
    for n, p in info.items():
        if p and p.suffix and not p.middle:
            juniors[p.suffix].append(n)
    plain = [n for n in names if not (info[n] and info[n].suffix and not info[n].middle)]  # type: ignore[union-attr]
    if len(middles) <= 1:
        parts = [plain] if plain else []
        bare: list[str] = []
    else:
        parts = [[n for n in plain if info[n].middle == m] for m in middles]  # type: ignore[union-attr]
        bare = [n for n in plain if not info[n].middle]  # type: ignore[union-attr]
    return parts + list(juniors.values()), bare


def _confirmed(candidates: list[_Person]) -> list[_Person]:
    return [c for c in candidates if c.confirmed]


def _sure(candidates: list[_Person]) -> list[_Person]:
    sure = [c for c in candidates if c.confirmed]
    return sure or candidates


def _one(
    candidates: list[_Person], gender: str, *, dominant: bool = False
) -> tuple[_Person | None, str]:
    """The one person a surname can be, and how that was decided, or (None, '')."""
    pool = _sure(candidates)
    how = ""
    if gender and len(pool) > 1:
        pool = [c for c in pool if c.gender == gender]
        how = f" who is {'a woman' if gender == 'f' else 'a man'} (the title)"
    if len(pool) == 1:
        return pool[0], how
    if dominant and len(pool) > 1:
        ranked = sorted(pool, key=lambda c: -len(c.docs))
        top, next_ = len(ranked[0].docs), len(ranked[1].docs)
        if top >= DOMINANT * next_:
            return ranked[0], (
                f"{how}, named with a first name in {top} articles against {next_} for "
                f"{ranked[1].shown}, the next"
            )
    return None, ""


def _shown(
    names: list[str],
    parsed: Mapping[str, _Name | None],
    docs: Mapping[str, set[str]],
    canon: set[str],
) -> str:
    """The merged name: the actor file's, else the form most articles use (without
    title or place), the shorter on a tie."""
    named = [n for n in names if n in canon]
    if named:
        return min(named)
    uses: Counter[str] = Counter()
    for n in names:
        uses[parsed[n].shown] += len(docs[n])  # type: ignore[union-attr]
    return min(uses, key=lambda s: (-uses[s], len(s), s))


def _why_full(name: str, person: _Person) -> str:
    return (
        f"same first name and surname as {person.shown} (titles, middle names, places and "
        "familiar forms of a first name aside)"
    )


def _row(name: str, actor: str, story: str, n: int, how: str, reason: str) -> dict[str, Any]:
    return {
        "name": name,
        "actor": actor,
        "story": story,
        "n_articles": n,
        "how": how,
        "reason": reason,
    }


def _stories(articles: pd.DataFrame) -> dict[str, str]:
    if "story" not in articles.columns:
        return {}
    story = articles["story"].astype("string").fillna("")
    return dict(zip(articles["doc_id"], story, strict=True))


def _renamer(merges: pd.DataFrame) -> tuple[dict[str, str], dict[tuple[str, str], str]]:
    moved = merges[merges["actor"] != merges["name"]]
    whole = moved[moved["story"] == ""]
    by_story = moved[moved["story"] != ""]
    keys = zip(by_story["story"], by_story["name"], strict=True)
    return (
        dict(zip(whole["name"], whole["actor"], strict=True)),
        dict(zip(keys, by_story["actor"], strict=True)),
    )


def _renamed(
    table: pd.DataFrame,
    merges: pd.DataFrame,
    stories: Mapping[str, str],
) -> pd.DataFrame:
    """``table`` with ``actor`` merged and the article's name in ``article_actor``."""
    if "article_actor" in table.columns:  # saved merged, reopened
        table = table.assign(actor=table["article_actor"]).drop(columns="article_actor")
    whole, by_story = _renamer(merges)
    names = table["actor"].tolist()
    docs = table["doc_id"].tolist()
    people = (table["actor_type"] == "person").tolist()
    merged = [
        by_story.get((stories.get(d, ""), n), whole.get(n, n)) if person else n
        for d, n, person in zip(docs, names, people, strict=True)
    ]
    out = table.copy()
    out.insert(out.columns.get_loc("actor") + 1, "article_actor", table["actor"])
    out["actor"] = pd.array(merged, dtype=table["actor"].dtype)
    return out


def _collapse(actors: pd.DataFrame) -> pd.DataFrame:
    """One row per article and merged actor, where two of an article's names merged."""
    dup = actors.duplicated(["doc_id", "actor"], keep=False)
    if not dup.any():
        return actors
    keep = actors[~dup]
    rows = []
    for (_, _), group in actors[dup].groupby(["doc_id", "actor"], sort=False):
        first = group.iloc[0].copy()
        n = group["n"].sum()
        first["article_actor"] = "; ".join(group["article_actor"].astype(str))
        first["n"] = n
        first["weighted"] = group["weighted"].sum()
        first["rank"] = group["rank"].min()
        first["first_sentence"] = group["first_sentence"].min()
        first["first_share"] = group["first_share"].min()
        first["in_headline"] = group["in_headline"].any()
        first["in_lede"] = group["in_lede"].any()
        first["lede_share"] = (group["lede_share"] * group["n"]).sum() / n if n else 0.0
        first["quoted"] = group["quoted"].sum()
        rows.append(first)
    merged = pd.DataFrame(rows).astype(actors.dtypes.to_dict())
    order = {doc: i for i, doc in enumerate(dict.fromkeys(actors["doc_id"]))}
    out = pd.concat([keep, merged])
    out = out.assign(_o=out["doc_id"].map(order)).sort_values(["_o", "rank"], kind="stable")
    return out.drop(columns="_o").reset_index(drop=True)


def merge_actor_tables(
    actors: pd.DataFrame,
    mentions: pd.DataFrame | None,
    articles: pd.DataFrame,
    lex: AttributionLexicons,
    aliases: ActorAliases | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame | None, pd.DataFrame]:
    """The actors and mention tables with people merged across the corpus, and the
    merge table."""
    stories = _stories(articles)
    names = actors["article_actor"] if "article_actor" in actors.columns else actors["actor"]
    people = pd.DataFrame({"doc_id": actors["doc_id"], "actor": names})[
        (actors["actor_type"] == "person").to_numpy()
    ]
    merges = person_merges(people, stories, lex, aliases)
    merges = merges.sort_values(["actor", "how", "name", "story"], kind="stable")
    merges = merges.reset_index(drop=True)
    out_actors = _collapse(_renamed(actors, merges, stories))
    out_mentions = _renamed(mentions, merges, stories) if mentions is not None else None
    return out_actors, out_mentions, merges
