"""The attribution lexicons and gazetteers: data files shipped in ``features/lexicons``,
extended from a user's TOML file.

Every file is tab-separated with ``#`` comment lines (each file's header says where its
entries come from). A user's TOML file adds to them (it never silently replaces them)::

    [attribution.reporting_verbs.grumble]
    category = "speech"            # speech, writing, cognition, intention, evidence, stance
    stance = "loaded"              # or "neutral"
    forms = ["grumble", "grumbles", "grumbled", "grumbling"]
    note = "presents the content as a complaint"

    [attribution]
    reporting_phrases = { "set out" = "speech" }
    anonymous_heads = ["mandarin", "mandarins"]
    organisation_heads = ["directorate"]
    voice_heads = ["press officer"]
    organisations = { "Tanseyside County Council" = ["the county council"] }
    media_outlets = { "Tansey Evening Star" = ["the Evening Star"] }
    media_heads = ["newsletter"]
    remove_verbs = ["urge"]        # lemmas to stop treating as cues
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache, lru_cache
from os import PathLike
from pathlib import Path
from typing import Literal

from ...errors import ConfigError
from .._lexicons import check_sections, data_file, read_toml, read_tsv

__all__ = [
    "CATEGORIES",
    "AttributionLexicons",
    "VerbEntry",
    "default_lexicons",
    "first_words",
    "load_attribution_lexicons",
    "word_lists",
    "word_table",
]

Category = Literal["speech", "writing", "cognition", "intention", "evidence", "stance"]
CATEGORIES: tuple[str, ...] = ("speech", "writing", "cognition", "intention", "evidence", "stance")


@dataclass(frozen=True, slots=True)
class VerbEntry:
    """One reporting-verb lemma: its category and, for loaded verbs, what they imply."""

    lemma: str
    category: str
    loaded: bool
    note: str
    noun_forms: frozenset[str] = frozenset()  # forms that are usually nouns ("attacks")


@dataclass(frozen=True)
class AttributionLexicons:
    """Everything the attribution rules look words up in (all keys lowercase)."""

    verbs: Mapping[str, VerbEntry]  # inflected form -> entry
    phrases: Mapping[str, VerbEntry]  # multiword cue ("pointed out") -> entry
    frames: Mapping[str, str]  # "in a statement" -> statement / recipient_marker / impersonal
    anonymous_heads: Mapping[str, str]  # word or phrase -> singular / plural / mass
    organisation_heads: frozenset[str]
    voice_heads: frozenset[str]
    organisations: Mapping[str, str]  # lowercase alias -> canonical name
    media: Mapping[str, str]  # lowercase alias -> canonical outlet name
    media_heads: frozenset[str]
    titles: Mapping[str, tuple[str, str]]  # lowercase title -> (gender, kind)
    first_names: Mapping[str, str]  # lowercase first name -> m / f
    demonyms: frozenset[str] = frozenset()  # "israeli", "british": adjectives, not names
    countries: frozenset[str] = frozenset()  # canonical names of countries.tsv
    sources: tuple[str, ...] = field(default_factory=tuple)  # files read, for the methods
    digest: str = ""  # hash of everything read, for the report's methods section

    def speech_forms(self) -> frozenset[str]:
        """Lowercase forms of the verbs of speech and writing."""
        return frozenset(
            form for form, e in self.verbs.items() if e.category in ("speech", "writing")
        )


@dataclass(frozen=True, slots=True)
class _FirstWords:
    """First words of the lexicon's phrases: fast filters before joining tokens into
    phrases to look up."""

    frames: frozenset[str]  # impersonal frames
    phrases: frozenset[str]  # multiword reporting phrases
    cues: frozenset[str]  # any cue: "according", those two and every verb form
    recipients: frozenset[str]  # 'speaking to', 'in an interview with'
    titles: frozenset[str]  # person titles ('mr', 'defence secretary')
    role_ends: frozenset[str]  # last words of the titles that are roles or offices
    longest_phrase: int = 4  # words in the longest multiword reporting phrase


def _verb_entry(lemma: str, category: str, stance: str, note: str, origin: str) -> VerbEntry:
    if category not in CATEGORIES:
        raise ConfigError(
            f"{origin}: reporting verb {lemma!r} has category {category!r}; use one of "
            + ", ".join(CATEGORIES)
        )
    if stance not in ("neutral", "loaded"):
        raise ConfigError(
            f"{origin}: reporting verb {lemma!r} has stance {stance!r}; use neutral or loaded"
        )
    return VerbEntry(lemma, category, stance == "loaded", note)


def _noun_forms(lemma: str, forms: Iterable[str]) -> frozenset[str]:
    """The base and -s forms of a verb that is also a noun (not its -ed, -ing or -t forms)."""
    return frozenset(
        f
        for f in forms
        if f in (lemma, lemma + "s", lemma + "es")
        or (not f.endswith(("ed", "ing", "t")) and len(f) <= len(lemma) + 2 and f[:3] == lemma[:3])
    )


def _aliases(rows: Iterable[list[str]]) -> dict[str, str]:
    out: dict[str, str] = {}
    for row in rows:
        name = row[0]
        for alias in [name, *(a for a in row[1].split("|") if a.strip())]:
            out[alias.strip().casefold()] = name
    return out


def _as_list(value: object, key: str, origin: str) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    raise ConfigError(f"{origin}: [attribution] {key} must be a list of strings")


def _as_alias_table(value: object, key: str, origin: str) -> dict[str, list[str]]:
    if not isinstance(value, dict):
        raise ConfigError(f'{origin}: [attribution] {key} must be a table of "Name" = [aliases]')
    return {str(k): _as_list(v, f"{key}.{k}", origin) for k, v in value.items()}


def _base_tables() -> dict[str, object]:
    digest = hashlib.sha256()
    tables: dict[str, object] = {}

    def read(name: str) -> tuple[list[str], list[list[str]]]:
        text, origin = data_file(name)
        digest.update(text.encode())
        return read_tsv(text, origin)

    _, verb_rows = read("reporting_verbs.tsv")
    verbs: dict[str, VerbEntry] = {}
    for lemma, category, stance, forms, note, also_noun in verb_rows:
        entry = _verb_entry(lemma, category, stance, note, "reporting_verbs.tsv")
        all_forms = {f.strip().casefold() for f in {lemma, *forms.split(",")} if f.strip()}
        if also_noun == "yes":
            entry = VerbEntry(
                entry.lemma, entry.category, entry.loaded, entry.note, _noun_forms(lemma, all_forms)
            )
        for form in all_forms:
            verbs[form] = entry
    tables["verbs"] = verbs
    _, phrase_rows = read("reporting_phrases.tsv")
    tables["phrases"] = {
        p.casefold(): _verb_entry(p, c, s, n, "reporting_phrases.tsv") for p, c, s, n in phrase_rows
    }
    tables["frames"] = {p.casefold(): role for p, role in read("attribution_frames.tsv")[1]}
    tables["anonymous_heads"] = {p.casefold(): n for p, n in read("anonymous_heads.tsv")[1]}
    org_rows = read("organisation_heads.tsv")[1]
    tables["organisation_heads"] = {w.casefold() for w, k in org_rows if k == "body"}
    tables["voice_heads"] = {w.casefold() for w, k in org_rows if k == "voice"}
    country_rows = read("countries.tsv")[1]
    tables["demonyms"] = {d.strip().casefold() for r in country_rows for d in r[2].split("|") if d}
    tables["countries"] = {r[0] for r in country_rows}
    organisations = _aliases(r[:2] for r in country_rows)
    organisations.update(_aliases(r[:2] for r in read("organisations.tsv")[1]))
    tables["organisations"] = organisations
    tables["media"] = _aliases(r[:2] for r in read("media_outlets.tsv")[1])
    tables["media_heads"] = {r[0].casefold() for r in read("media_heads.tsv")[1]}
    tables["titles"] = {t.casefold(): (g, k) for t, g, k in read("person_titles.tsv")[1]}
    tables["first_names"] = {n.casefold(): g for n, g in read("first_names.tsv")[1]}
    tables["digest"] = digest
    return tables


def _extend(tables: dict[str, object], data: Mapping[str, object], origin: str) -> None:
    if "attribution" not in data:
        return  # a lexicon file for other feature families only
    section = data["attribution"]
    if not isinstance(section, dict):
        raise ConfigError(
            f"{origin}: [attribution] must be a table (see the README, 'Extending the "
            "attribution lexicons')"
        )
    known = {
        "reporting_verbs",
        "reporting_phrases",
        "anonymous_heads",
        "organisation_heads",
        "voice_heads",
        "organisations",
        "media_outlets",
        "media_heads",
        "remove_verbs",
    }
    unknown = sorted(set(section) - known)
    if unknown:
        raise ConfigError(
            f"{origin}: unknown key(s) in [attribution]: {', '.join(unknown)}; "
            f"known: {', '.join(sorted(known))}"
        )
    verbs = tables["verbs"]
    assert isinstance(verbs, dict)
    for lemma, spec in dict(section.get("reporting_verbs", {})).items():
        if not isinstance(spec, dict):
            raise ConfigError(f"{origin}: [attribution.reporting_verbs.{lemma}] must be a table")
        entry = _verb_entry(
            lemma,
            str(spec.get("category", "speech")),
            str(spec.get("stance", "neutral")),
            str(spec.get("note", "")),
            origin,
        )
        for form in {lemma, *_as_list(spec.get("forms", []), f"reporting_verbs.{lemma}", origin)}:
            verbs[form.casefold()] = entry
    remove = {
        r.casefold() for r in _as_list(section.get("remove_verbs", []), "remove_verbs", origin)
    }
    for form in [f for f, e in verbs.items() if e.lemma.casefold() in remove]:
        del verbs[form]
    phrases = tables["phrases"]
    assert isinstance(phrases, dict)
    for phrase, category in dict(section.get("reporting_phrases", {})).items():
        phrases[phrase.casefold()] = _verb_entry(phrase, str(category), "neutral", "", origin)
    for key, target in (
        ("anonymous_heads", "anonymous_heads"),
        ("organisation_heads", "organisation_heads"),
        ("voice_heads", "voice_heads"),
        ("media_heads", "media_heads"),
    ):
        words = [w.casefold() for w in _as_list(section.get(key, []), key, origin)]
        table = tables[target]
        if isinstance(table, dict):
            table.update({w: "plural" if w.endswith("s") else "singular" for w in words})
        else:
            assert isinstance(table, set)
            table.update(words)
    for key, target in (("organisations", "organisations"), ("media_outlets", "media")):
        table = tables[target]
        assert isinstance(table, dict)
        for name, aliases in _as_alias_table(section.get(key, {}), key, origin).items():
            for alias in [name, *aliases]:
                table[alias.casefold()] = name


def _freeze(tables: dict[str, object], sources: tuple[str, ...]) -> AttributionLexicons:
    digest = tables.pop("digest")
    assert hasattr(digest, "hexdigest")
    return AttributionLexicons(
        verbs=dict(tables["verbs"]),  # type: ignore[call-overload]
        phrases=dict(tables["phrases"]),  # type: ignore[call-overload]
        frames=dict(tables["frames"]),  # type: ignore[call-overload]
        anonymous_heads=dict(tables["anonymous_heads"]),  # type: ignore[call-overload]
        organisation_heads=frozenset(tables["organisation_heads"]),  # type: ignore[arg-type]
        voice_heads=frozenset(tables["voice_heads"]),  # type: ignore[arg-type]
        organisations=dict(tables["organisations"]),  # type: ignore[call-overload]
        media=dict(tables["media"]),  # type: ignore[call-overload]
        media_heads=frozenset(tables["media_heads"]),  # type: ignore[arg-type]
        titles=dict(tables["titles"]),  # type: ignore[call-overload]
        first_names=dict(tables["first_names"]),  # type: ignore[call-overload]
        demonyms=frozenset(tables["demonyms"]),  # type: ignore[arg-type]
        countries=frozenset(tables["countries"]),  # type: ignore[arg-type]
        sources=sources,
        digest=digest.hexdigest()[:16],
    )


@lru_cache(maxsize=1)
def default_lexicons() -> AttributionLexicons:
    """framing's own lexicons and gazetteers, read once per process."""
    return _freeze(_base_tables(), ("framing",))


def load_attribution_lexicons(
    extra: str | PathLike[str] | Mapping[str, object] | AttributionLexicons | None = None,
) -> AttributionLexicons:
    """framing's attribution lexicons, extended from a TOML file or a mapping.

    Args:
        extra: A TOML file path, or the parsed mapping, with an ``[attribution]`` table
            (see this module's docstring); None gives the defaults.

    Raises:
        ConfigError: The file is missing, not TOML, or has an unknown key or category.
    """
    if extra is None:
        return default_lexicons()
    if isinstance(extra, AttributionLexicons):
        return extra
    return _load_extended(extra if isinstance(extra, Mapping) else str(Path(extra)))


def _load_extended(extra: str | Mapping[str, object]) -> AttributionLexicons:
    if isinstance(extra, Mapping):
        check_sections(extra, "lexicon mapping")
        return _build(extra, "lexicon mapping", repr(sorted(extra.items(), key=str)).encode())
    _, raw = read_toml(extra)
    return _build_file(extra, raw)


@lru_cache(maxsize=8)
def _build_file(path: str, raw: bytes) -> AttributionLexicons:
    return _build(read_toml(path)[0], path, raw)


def _build(data: Mapping[str, object], origin: str, raw: bytes) -> AttributionLexicons:
    tables = _base_tables()
    _extend(tables, data, origin)
    digest = tables["digest"]
    assert hasattr(digest, "update")
    digest.update(raw)
    return _freeze(tables, ("framing", origin))


@cache
def word_lists(name: str) -> dict[str, frozenset[str]]:
    """The word sets of one of the rules' data files (columns ``list`` and ``word``), by
    list name; each file is read once."""
    text, origin = data_file(name)
    lists: dict[str, list[str]] = {}
    for list_name, word in read_tsv(text, origin)[1]:
        lists.setdefault(list_name, []).append(word)
    return {list_name: frozenset(words) for list_name, words in lists.items()}


@cache
def word_table(name: str) -> dict[str, str]:
    """The first column of one of the rules' two-column data files mapped to the second;
    each file is read once."""
    text, origin = data_file(name)
    return {key: value for key, value in read_tsv(text, origin)[1]}


_FIRST_WORDS: list[tuple[AttributionLexicons, _FirstWords]] = []


def first_words(lex: AttributionLexicons) -> _FirstWords:
    """The first words of ``lex``'s phrases, kept for the last lexicon object seen."""
    if not _FIRST_WORDS or _FIRST_WORDS[0][0] is not lex:
        frames = frozenset(p.split()[0] for p, role in lex.frames.items() if role == "impersonal")
        phrases = frozenset(p.split()[0] for p in lex.phrases)
        recipients = frozenset(
            p.split()[0] for p, role in lex.frames.items() if role == "recipient_marker"
        )
        cues = frames | phrases | frozenset(lex.verbs) | {"according"}
        titles = frozenset(p.split(" ")[0] for p in lex.titles)
        role_ends = frozenset(
            p.split(" ")[-1] for p, (_, kind) in lex.titles.items() if kind in ("role", "office")
        )
        longest = max((len(p.split()) for p in lex.phrases), default=0)
        _FIRST_WORDS[:] = [
            (lex, _FirstWords(frames, phrases, cues, recipients, titles, role_ends, longest))
        ]
    return _FIRST_WORDS[0][1]
