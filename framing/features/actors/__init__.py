"""Actors: who each article mentions, how often, how early, and whether in the headline
or lede, and whether it lets them speak.

Actors are people, organisations and countries, found with the attribution module's
name finder and merged within the article (see :mod:`._find`: "John Healey", "Mr
Healey" and "the defence secretary" are one actor) and across a corpus through a
researcher's actor file (:mod:`._aliases`). Two tables:

* ``actor_mentions``: every mention with its offsets (``field`` is ``headline`` or
  ``body``; offsets index the headline or the cleaned text), the actor it was tied to,
  the actor's type, and ``how`` it was tied (name, surname, role, acronym, short name,
  head noun, alias file);
* ``actors``: one row per article and actor: ``n`` mentions, ``weighted`` (the emphasis
  position weights: headline and lede 1, then 1/(1+i) for sentence i), ``rank`` (order of
  first mention in the body), ``first_sentence``, ``first_share`` (where the first body
  mention falls, 0 = the top of the article, 1 = the end), ``in_headline``, ``in_lede``,
  ``lede_share`` and ``quoted`` (attributions whose source resolves to the actor: who is
  talked about against who is let speak).
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections import Counter
from os import PathLike
from typing import Any

import pandas as pd

from ...text import segment
from .._base import ArticleInput, Feature, FeatureOutput, Option, span_frame
from .._measures import Evidence, Measure, above
from .._names import NameIndex
from .._position import LEDE_SENTENCES, position_weight
from ..attribution import article_attributions, load_attribution_lexicons
from ._aliases import ACTOR_TYPES, ActorAliases, load_actor_aliases
from ._find import MENTION_HOWS, find_mentions, speakers_of

__all__ = [
    "ACTORS",
    "ACTOR_COLUMNS",
    "ACTOR_TYPES",
    "MENTION_COLUMNS",
    "MENTION_HOWS",
    "ActorAliases",
    "extract_actors",
    "load_actor_aliases",
]

#: Columns of ``analysis.actor_mentions`` (besides ``doc_id``).
MENTION_COLUMNS: dict[str, str] = {
    "field": "str",
    "sentence": "Int64",
    "start": "int64",
    "end": "int64",
    "mention": "str",
    "actor": "str",
    "actor_type": "str",
    "how": "str",
}
#: Columns of ``analysis.actors`` (besides ``doc_id``).
ACTOR_COLUMNS: dict[str, str] = {
    "actor": "str",
    "actor_type": "str",
    "n": "int64",
    "weighted": "float64",
    "rank": "Int64",
    "first_sentence": "Int64",
    "first_share": "float64",
    "in_headline": "bool",
    "in_lede": "bool",
    "lede_share": "float64",
    "quoted": "int64",
}
ARTICLE_COLUMNS: dict[str, str] = {
    "actor_n": "int64",
    **{f"actor_n_{t}": "int64" for t in ACTOR_TYPES[:3]},
    "actor_mention_n": "int64",
    "actor_first": "str",
    "actor_top": "str",
    "actor_in_headline": "str",
    "actor_quoted_share": "float64",
}
SENTENCE_COLUMNS: dict[str, str] = {"actor_mention_n": "int64"}

#: The columns' names before framing 0.2, for one release (old → new).
RENAMED: dict[str, str] = {
    "actors_n": "actor_n",
    **{f"actors_n_{t}": f"actor_n_{t}" for t in ACTOR_TYPES[:3]},
    "actor_mentions_n": "actor_mention_n",
    "actors_in_headline": "actor_in_headline",
    "actors_quoted_share": "actor_quoted_share",
    "actor_mentions": "actor_mention_n",
}


def actor_mentions(article: ArticleInput) -> list[dict[str, Any]]:
    """Every actor mention of an article, headline first, then the body in text order."""
    lex = load_attribution_lexicons(article.option("lexicons"))
    aliases = load_actor_aliases(article.option("aliases"))
    resolver, attributions = article_attributions(article)
    body, index = find_mentions(
        article.view,
        resolver,
        lex,
        speakers=speakers_of(attributions),
        aliases=aliases,
        sources=attributions,
    )
    for row in body:
        row["field"] = "body"
        row["sentence"] = article.view.sent[_token_at(article, row["start"])]
    rows: list[dict[str, Any]] = []
    headline = article.headline
    if headline is not None:
        found, _ = find_mentions(
            headline, NameIndex(headline, lex), lex, aliases=aliases, context=index
        )
        rows = [{**row, "field": "headline", "sentence": None} for row in found]
    return rows + body


def _token_at(article: ArticleInput, offset: int) -> int:
    return bisect_right(article.view.starts, offset) - 1


def summarise(
    mentions: list[dict[str, Any]],
    attributions: list[dict[str, Any]],
    n_chars: int,
    aliases: ActorAliases | None = None,
) -> list[dict[str, Any]]:
    """One row per actor: counts, position and how often the actor is a source."""
    quoted = Counter(
        aliases.rename(r["resolved_source"]) if aliases else r["resolved_source"]
        for r in attributions
        if r["resolved_source"]
    )
    order: dict[str, list[dict[str, Any]]] = {}
    for row in sorted(mentions, key=lambda r: (r["field"] == "body", r["start"])):
        order.setdefault(row["actor"], []).append(row)
    firsts = sorted(
        (min(r["start"] for r in rows if r["field"] == "body"), actor)
        for actor, rows in order.items()
        if any(r["field"] == "body" for r in rows)
    )
    rank = {actor: i + 1 for i, (_, actor) in enumerate(firsts)}
    out = []
    for actor, rows in order.items():
        body = [r for r in rows if r["field"] == "body"]
        first = min(body, key=lambda r: r["start"]) if body else None
        lede = [r for r in rows if r["sentence"] is None or r["sentence"] < LEDE_SENTENCES]
        out.append(
            {
                "actor": actor,
                "actor_type": rows[0]["actor_type"],
                "n": len(rows),
                "weighted": sum(position_weight(r["sentence"]) for r in rows),
                "rank": rank.get(actor),
                "first_sentence": first["sentence"] if first else None,
                "first_share": first["start"] / n_chars if first and n_chars else math.nan,
                "in_headline": any(r["field"] == "headline" for r in rows),
                "in_lede": any(r["sentence"] is not None for r in lede),
                "lede_share": len(lede) / len(rows),
                "quoted": quoted.get(actor, 0),
            }
        )
    out.sort(key=lambda r: (r["rank"] is None, r["rank"] or 0))
    return out


def article_figures(actors: list[dict[str, Any]], n_mentions: int) -> dict[str, Any]:
    """Per-article actor figures, from the per-actor rows."""
    by_rank = [a for a in actors if a["rank"] is not None]
    top = max(actors, key=lambda a: a["weighted"], default=None)  # ties: the earlier
    return {
        "actor_n": len(actors),
        **{f"actor_n_{t}": sum(a["actor_type"] == t for a in actors) for t in ACTOR_TYPES[:3]},
        "actor_mention_n": n_mentions,
        "actor_first": by_rank[0]["actor"] if by_rank else None,
        "actor_top": top["actor"] if top else None,
        "actor_in_headline": "; ".join(a["actor"] for a in actors if a["in_headline"]) or None,
        "actor_quoted_share": (
            sum(a["quoted"] > 0 for a in actors) / len(actors) if actors else math.nan
        ),
    }


def _compute(article: ArticleInput) -> FeatureOutput:
    mentions = actor_mentions(article)
    _, attributions = article_attributions(article)
    actors = summarise(
        mentions, attributions, len(article.text), load_actor_aliases(article.option("aliases"))
    )
    per_sentence = [0] * article.seg.n_sentences
    for row in mentions:
        if row["sentence"] is not None:
            per_sentence[row["sentence"]] += 1
    return FeatureOutput(
        article=article_figures(actors, len(mentions)),
        sentences={"actor_mention_n": per_sentence},
        spans={"actor_mentions": mentions, "actors": actors},
    )


def extract_actors(
    text: str,
    *,
    title: str | None = None,
    aliases: str | PathLike[str] | None = None,
    lexicons: str | PathLike[str] | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The actors of one article: every mention, and one row per actor.

    Args:
        text: The article body.
        title: Its headline, if any.
        aliases: A TOML actor file (``[actors."Name"] aliases = [...]``) merging names
            framing would keep apart and naming actors it cannot find alone.
        lexicons: A TOML file extending the gazetteers (``[attribution]``
            organisations and media outlets).

    Returns:
        ``(mentions, actors)`` with the columns of ``MENTION_COLUMNS`` and
        ``ACTOR_COLUMNS``.

    Example:
        >>> mentions, actors = framing.extract_actors(
        ...     "Defence Secretary John Healey visited. The defence secretary said it "
        ...     "was vital, Mr Healey added.")  # doctest: +SKIP
    """
    article = ArticleInput(
        "text",
        title,
        segment(text),
        {
            "lexicons": str(lexicons) if lexicons else None,
            "aliases": str(aliases) if aliases else None,
        },
    )
    out = _compute(article)
    return (
        span_frame(out.spans["actor_mentions"], MENTION_COLUMNS),
        span_frame(out.spans["actors"], ACTOR_COLUMNS),
    )


_NAMED = Evidence("actors", per=("actor",), per_label="actors named", sums=("weighted", "quoted"))

#: The figures outlets are compared on, in the order reports show them.
MEASURES: tuple[Measure, ...] = (
    Measure(
        "actor_per_1k_words",
        "actors named per 1,000 words",
        "rate",
        "higher = more people and bodies named for the length",
        _NAMED,
        per_1k_of="actor_n",
    ),
    Measure(
        "actor_n",
        "actors named per article",
        "count",
        "higher = more people and bodies named (longer articles have more)",
        _NAMED,
    ),
    Measure(
        "actor_quoted_share",
        "actors quoted, share of actors named",
        "share",
        "higher = more of those it names also let speak",
        Evidence(
            "actors",
            (above("quoted", 0),),
            per=("actor",),
            per_label="actors quoted",
            sums=("quoted", "weighted"),
        ),
    ),
)

ACTORS = Feature(
    name="actors",
    measures=MEASURES,
    renamed=RENAMED,
    options=(
        Option("lexicons", load_attribution_lexicons, "lexicon file"),
        Option("aliases", load_actor_aliases, "actor file"),
    ),
    article_columns=ARTICLE_COLUMNS,
    sentence_columns=SENTENCE_COLUMNS,
    span_tables={"actor_mentions": MENTION_COLUMNS, "actors": ACTOR_COLUMNS},
    compute=_compute,
    description=(
        "who is mentioned: people, organisations and countries, merged through aliases, "
        "with counts, position, headline and lede presence, and how often each is quoted"
    ),
)
