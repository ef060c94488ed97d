"""framing: how news outlets frame the same story, side by side, with the evidence.

The flow is corpus → segmented articles → features → tables → comparison → report::

    import framing
    corpus = framing.load_corpus("articles/")        # folder, table or DataFrame
    analysis = framing.analyse(corpus)               # tidy tables with evidence
    analysis.articles, analysis.sentences, analysis.errors
    framing.compare(analysis)                        # outlet against outlet, with CIs
    framing.trend(analysis, freq="M")                # every figure per outlet and month
    framing.render_report(analysis, "reports/story.html")   # or .pdf
"""

from __future__ import annotations

import importlib
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import (
    ArgumentError,
    ColumnError,
    ConfigError,
    CorpusError,
    CorpusNotFoundError,
    FramingError,
    MissingDependencyError,
    ResultsError,
    SheetError,
    UsageError,
)

#: Where each name of the public API lives. They are imported on first use (PEP 562),
#: so that ``import framing`` and the ``framing`` command start at once and pandas,
#: matplotlib and the lexicons load only when something needs them.
_LAZY = {
    "Analysis": "analysis",
    "analyse": "analysis",
    "open_analysis": "analysis",
    "group_stories": "analysis",
    "align_sentences": "comparison",
    "compare": "comparison",
    "compare_periods": "comparison",
    "find_distinctive_words": "comparison",
    "distinctive_words": "comparison",  # deprecated: find_distinctive_words
    "trend": "comparison",
    "CleaningRule": "corpus",
    "Corpus": "corpus",
    "load_cleaning_rules": "corpus",
    "load_corpus": "corpus",
    "FEATURES": "features",
    "Feature": "features",
    "FeatureOutput": "features",
    "Evidence": "features",
    "FamilyReport": "features",
    "Highlight": "features",
    "Measure": "features",
    "SpanValue": "features",
    "register_feature": "features",
    "extract_actors": "features.actors",
    "load_actor_aliases": "features.actors",
    "AttributionLexicons": "features.attribution",
    "extract_attributions": "features.attribution",
    "load_attribution_lexicons": "features.attribution",
    "extract_emphasis": "features.emphasis",
    "HedgeLexicons": "features.hedging",
    "extract_boosters": "features.hedging",
    "extract_hedges": "features.hedging",
    "load_hedge_lexicons": "features.hedging",
    "plot_actor_prominence": "report",
    "plot_distinctive_words": "report",
    "plot_emphasis": "report",
    "plot_hedges_boosters": "report",
    "plot_sentiment": "report",
    "plot_source_mix": "report",
    "plot_story_map": "report",
    "plot_trend": "report",
    "render_report": "report",
    "render_report_html": "report",
    "report_html": "report",  # deprecated: render_report_html
    "krippendorff_alpha": "validation",
    "bootstrap_alpha": "validation",
    "AlphaBootstrap": "validation",
    "coding_sheet": "validation",
    "CodingSheet": "validation",
    "read_codes": "validation",
    "reliability": "validation",
    "score_sheets": "validation",
    "corrected_shares": "validation",
    "corrected_comparison": "validation",
    "Reliability": "validation",
    "Quote": "text",
    "Segmented": "text",
    "segment": "text",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'framing' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value  # found once, then an ordinary attribute
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


if TYPE_CHECKING:  # what type checkers and editors see
    from .analysis import Analysis, analyse, group_stories, open_analysis
    from .comparison import (
        align_sentences,
        compare,
        compare_periods,
        distinctive_words,
        find_distinctive_words,
        trend,
    )
    from .corpus import CleaningRule, Corpus, load_cleaning_rules, load_corpus
    from .features import (
        FEATURES,
        Evidence,
        FamilyReport,
        Feature,
        FeatureOutput,
        Highlight,
        Measure,
        SpanValue,
        register_feature,
    )
    from .features.actors import extract_actors, load_actor_aliases
    from .features.attribution import (
        AttributionLexicons,
        extract_attributions,
        load_attribution_lexicons,
    )
    from .features.emphasis import extract_emphasis
    from .features.hedging import (
        HedgeLexicons,
        extract_boosters,
        extract_hedges,
        load_hedge_lexicons,
    )
    from .report import (
        plot_actor_prominence,
        plot_distinctive_words,
        plot_emphasis,
        plot_hedges_boosters,
        plot_sentiment,
        plot_source_mix,
        plot_story_map,
        plot_trend,
        render_report,
        render_report_html,
        report_html,
    )
    from .text import Quote, Segmented, segment
    from .validation import (
        AlphaBootstrap,
        CodingSheet,
        Reliability,
        bootstrap_alpha,
        coding_sheet,
        corrected_comparison,
        corrected_shares,
        krippendorff_alpha,
        read_codes,
        reliability,
        score_sheets,
    )

# Library logging: silent unless the application (or the CLI's -v) configures it.
logging.getLogger(__name__).addHandler(logging.NullHandler())

from ._version import __version__  # noqa: E402

#: The bundled demo corpus: a fictional event covered by three fictional outlets.
DEMO_CORPUS: Path = Path(__file__).parent / "data" / "demo" / "articles"
#: The angles file of the demo story, one angle per tag of its gold annotations.
DEMO_ANGLES: Path = Path(__file__).parent / "data" / "demo" / "angles.toml"
#: The actor file of the demo story: the names the demo articles use without a full name.
DEMO_ACTORS: Path = Path(__file__).parent / "data" / "demo" / "actors.toml"
#: An example angles file: the seed story (UK officers join the US-led Gaza centre).
EXAMPLE_ANGLES: Path = Path(__file__).parent / "data" / "angles" / "uk-officers-gaza-2025-10.toml"
#: An example actor file: the seed story's actors, merged across its outlets.
EXAMPLE_ACTORS: Path = Path(__file__).parent / "data" / "actors" / "uk-officers-gaza-2025-10.toml"

__all__ = [
    "DEMO_ACTORS",
    "DEMO_ANGLES",
    "DEMO_CORPUS",
    "EXAMPLE_ACTORS",
    "EXAMPLE_ANGLES",
    "FEATURES",
    "AlphaBootstrap",
    "Analysis",
    "ArgumentError",
    "AttributionLexicons",
    "CleaningRule",
    "CodingSheet",
    "ColumnError",
    "ConfigError",
    "Corpus",
    "CorpusError",
    "CorpusNotFoundError",
    "Evidence",
    "FamilyReport",
    "Feature",
    "FeatureOutput",
    "FramingError",
    "HedgeLexicons",
    "Highlight",
    "Measure",
    "MissingDependencyError",
    "Quote",
    "Reliability",
    "ResultsError",
    "Segmented",
    "SheetError",
    "SpanValue",
    "UsageError",
    "__version__",
    "align_sentences",
    "analyse",
    "bootstrap_alpha",
    "coding_sheet",
    "compare",
    "compare_periods",
    "corrected_comparison",
    "corrected_shares",
    "distinctive_words",
    "extract_actors",
    "extract_attributions",
    "extract_boosters",
    "extract_emphasis",
    "extract_hedges",
    "find_distinctive_words",
    "group_stories",
    "krippendorff_alpha",
    "load_actor_aliases",
    "load_attribution_lexicons",
    "load_cleaning_rules",
    "load_corpus",
    "load_hedge_lexicons",
    "open_analysis",
    "plot_actor_prominence",
    "plot_distinctive_words",
    "plot_emphasis",
    "plot_hedges_boosters",
    "plot_sentiment",
    "plot_source_mix",
    "plot_story_map",
    "plot_trend",
    "read_codes",
    "register_feature",
    "reliability",
    "render_report",
    "render_report_html",
    "report_html",
    "score_sheets",
    "segment",
    "trend",
]
