"""framing: how news outlets frame the same story, side by side, with the evidence.

The flow is corpus → segmented articles → features → tables → comparison → report::

    import framing
    corpus = framing.load_corpus("articles/")        # folder, table or DataFrame
    analysis = framing.analyse(corpus)               # tidy tables with evidence
    analysis.articles, analysis.sentences, analysis.errors
    framing.compare(analysis)                        # outlet against outlet, with CIs
    framing.render_report(analysis, "reports/story.html")   # or .pdf
"""

from __future__ import annotations

import logging
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from .analysis import Analysis, analyse, open_analysis
from .comparison import align_sentences, compare, distinctive_words
from .corpus import CleaningRule, Corpus, load_cleaning_rules, load_corpus
from .errors import (
    ArgumentError,
    ColumnError,
    ConfigError,
    CorpusError,
    CorpusNotFoundError,
    FramingError,
    MissingDependencyError,
    ResultsError,
    UsageError,
)
from .features import FEATURES, Feature, FeatureOutput, register_feature
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
    render_report,
    report_html,
)
from .text import Quote, Segmented, segment

# Library logging: silent unless the application (or the CLI's -v) configures it.
logging.getLogger(__name__).addHandler(logging.NullHandler())

try:
    __version__ = version("framing")
except PackageNotFoundError:  # running from a source tree
    __version__ = "0+unknown"

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
    "Analysis",
    "ArgumentError",
    "AttributionLexicons",
    "CleaningRule",
    "ColumnError",
    "ConfigError",
    "Corpus",
    "CorpusError",
    "CorpusNotFoundError",
    "Feature",
    "FeatureOutput",
    "FramingError",
    "HedgeLexicons",
    "MissingDependencyError",
    "Quote",
    "ResultsError",
    "Segmented",
    "UsageError",
    "__version__",
    "align_sentences",
    "analyse",
    "compare",
    "distinctive_words",
    "extract_actors",
    "extract_attributions",
    "extract_boosters",
    "extract_emphasis",
    "extract_hedges",
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
    "register_feature",
    "render_report",
    "report_html",
    "segment",
]
