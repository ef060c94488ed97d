"""The ``framing`` command's arguments: every command's parser, and the options they
share. ``framing.cli`` parses with :func:`build_parser` and forwards to the library."""

from __future__ import annotations

import argparse
from pathlib import Path

from . import __version__
from ._defaults import DEFAULT_MAX_ARTICLES, DEFAULT_STORY_THRESHOLD, DEFAULT_STORY_WINDOW


def _field(value: str) -> tuple[str, str]:
    name, sep, column = value.partition("=")
    if not sep or not name or not column:
        raise argparse.ArgumentTypeError(
            f"--field takes name=column, e.g. outlet=source; got {value!r}"
        )
    return name.strip(), column.strip()


def _corpus_options(parser: argparse.ArgumentParser, *, results: bool = False) -> None:
    parser.add_argument(
        "path",
        nargs="?",
        type=Path,
        help="folder of articles (.txt/.html/.json, with manifest.csv), a folder of .parquet "
        "files, or a .csv/.tsv/.jsonl/.parquet table"
        + ("; or a results directory written by 'framing analyse --out'" if results else ""),
    )
    parser.add_argument(
        "--demo", action="store_true", help="use the bundled fictional demo corpus instead of PATH"
    )
    parser.add_argument(
        "--manifest", type=Path, metavar="FILE", help="manifest CSV, if not PATH/manifest.csv"
    )
    parser.add_argument(
        "--field",
        type=_field,
        action="append",
        default=[],
        metavar="NAME=COLUMN",
        help="map a field (doc_id, text, outlet, published, title, url, story, "
        "language, file) to your column or JSON key; repeatable",
    )
    parser.add_argument(
        "--clean-rules",
        type=Path,
        metavar="FILE",
        help="TOML file of extra cleaning rules, applied after the defaults",
    )
    parser.add_argument("--no-clean", action="store_true", help="keep capture debris")
    parser.add_argument(
        "--keep-mojibake",
        action="store_true",
        help="do not repair text decoded with the wrong codec ('â€œ' for '“')",
    )
    parser.add_argument(
        "--outlet-aliases",
        type=Path,
        metavar="FILE",
        help="TOML file with an [aliases] table of outlet spellings",
    )
    parser.add_argument("--encoding", help="decode every file with this encoding")


def _analysis_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--lexicons",
        type=Path,
        metavar="TOML",
        help="extend framing's lexicons (reporting verbs, gazetteers, hedges) from TOML",
    )
    parser.add_argument(
        "--angles",
        type=Path,
        metavar="TOML",
        help="the story's angles to score (with --demo: the demo's own angles file)",
    )
    parser.add_argument(
        "--aliases",
        type=Path,
        metavar="TOML",
        help="the story's actors and their other names (with --demo: the demo's own file)",
    )
    parser.add_argument(
        "--jobs",
        type=int,
        default=-1,
        metavar="N",
        help="worker processes (default -1: every core; -2 all but one)",
    )
    parser.add_argument(
        "--dask",
        metavar="ADDRESS",
        help="run on a Dask cluster: a scheduler address (tcp://host:8786) or 'local' for a "
        "LocalCluster of --jobs workers (needs framing[dask])",
    )
    parser.add_argument(
        "--chunk-size",
        type=int,
        metavar="N",
        help="articles per chunk (default: up to 500)",
    )
    parser.add_argument(
        "--stories",
        default=None,
        metavar="auto|given|grouped|FILE.csv",
        help="where stories come from: auto (the corpus's story labels; where no article "
        "has one, framing groups the articles by content and date), given (never group), "
        "grouped (group even a labelled corpus), or a CSV with doc_id and story columns "
        "(a grouping of your own); default auto",
    )
    parser.add_argument(
        "--story-window",
        type=float,
        metavar="DAYS",
        help=f"days two articles of one grouped story may lie apart (default "
        f"{DEFAULT_STORY_WINDOW:g}; inf ignores dates)",
    )
    parser.add_argument(
        "--story-threshold",
        type=float,
        metavar="T",
        help=f"similarity (0-1) at which grouping joins articles into a story; higher "
        f"gives smaller stories (default {DEFAULT_STORY_THRESHOLD:g})",
    )
    parser.add_argument(
        "--max-chars",
        type=int,
        default=1_000_000,
        metavar="N",
        help="articles longer than N characters become errors (default 1000000)",
    )
    parser.add_argument(
        "--max-seconds",
        type=float,
        default=60.0,
        metavar="S",
        help="an article taking more than S seconds of CPU becomes an error row "
        "(default 60; 0 for no limit)",
    )
    bar = parser.add_mutually_exclusive_group()
    bar.add_argument(
        "--progress",
        dest="progress",
        action="store_true",
        default=None,
        help="always show the progress bar",
    )
    bar.add_argument(
        "--no-progress",
        dest="progress",
        action="store_false",
        help="never show the progress bar (default: shown on a terminal)",
    )


def _loudness(parser: argparse.ArgumentParser, *, default: bool = False) -> None:
    # On the command and on each subcommand ('framing -v analyse' and 'framing analyse
    # -v'); a subcommand's unset flags must not reset the command's.
    unset = argparse.SUPPRESS
    loud = parser.add_mutually_exclusive_group()
    loud.add_argument(
        "-v",
        "--verbose",
        action="count",
        default=0 if default else unset,
        help="say what is being done (-vv: more)",
    )
    loud.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        default=False if default else unset,
        help="print errors only, no progress bar",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="framing",
        description="Compare how news outlets frame the same story: who speaks, how sure it "
        "sounds, how it feels, what it puts first. Every figure keeps its evidence.",
        epilog="Run 'framing COMMAND --help' for a command's options.",
    )
    parser.add_argument("--version", action="version", version=f"framing {__version__}")
    _loudness(parser, default=True)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    run = commands.add_parser(
        "analyse",
        aliases=["analyze"],
        help="analyse a corpus, into a results directory",
        description="Load, clean and segment a corpus, score every feature and print a "
        "per-outlet summary. With --out DIR the corpus is streamed into a results directory "
        "(every table as Parquet, and a manifest) that 'framing compare DIR' and "
        "'framing report DIR' read without analysing again.",
        epilog="Example: framing analyse articles/ --field outlet=publication --out "
        "results/articles",
    )
    _corpus_options(run)
    _loudness(run)
    run.add_argument(
        "--out",
        type=Path,
        metavar="DIR",
        help="write a results directory (Parquet tables and manifest.json) to DIR",
    )
    run.add_argument(
        "--resume",
        action="store_true",
        help="finish an interrupted run into --out DIR, skipping the chunks written",
    )
    run.add_argument(
        "--overwrite", action="store_true", help="replace the results already in --out DIR"
    )
    run.add_argument(
        "--articles",
        type=Path,
        metavar="FILE",
        help="also write the article table alone to FILE (.csv, .parquet or .xlsx)",
    )
    run.add_argument(
        "--tables",
        type=Path,
        metavar="DIR|FILE.xlsx",
        help="also write sentences, every span table and errors as CSV files in DIR, or "
        "with the articles as the sheets of one Excel workbook FILE.xlsx",
    )
    _analysis_options(run)

    cmp = commands.add_parser(
        "compare",
        help="compare outlets on every figure and print the table",
        description="Analyse a corpus and compare its outlets on every figure: means with "
        "bootstrap intervals, the difference from a reference outlet (or the pooled rest) with "
        "an effect size, and paired differences within stories.",
        epilog="Example: framing compare articles/ --reference 'The Independent' --out "
        "reports/comparison.csv",
    )
    _corpus_options(cmp, results=True)
    _loudness(cmp)
    _analysis_options(cmp)
    _comparison_options(cmp)
    cmp.add_argument(
        "--out",
        type=Path,
        metavar="FILE",
        help="write the full comparison table (.csv, .parquet or .xlsx)",
    )
    cmp.add_argument(
        "--all",
        action="store_true",
        help="print every row (default: the 3 clearest differences of each family)",
    )

    rep = commands.add_parser(
        "report",
        help="write the side-by-side report (HTML or PDF)",
        description="Analyse a corpus and write a self-contained report: main differences "
        "with their evidence, side-by-side tables, plots, every article annotated, methods.",
        epilog="Example: framing report articles/ --angles angles.toml -o reports/story.pdf",
    )
    _corpus_options(rep, results=True)
    _loudness(rep)
    _analysis_options(rep)
    _comparison_options(rep)
    rep.add_argument(
        "-o",
        "--out",
        type=Path,
        metavar="FILE",
        help="where to write it: .html or .pdf (default: reports/<corpus name>.html)",
    )
    rep.add_argument("--title", help="the report's title")
    rep.add_argument(
        "--max-articles",
        type=int,
        default=DEFAULT_MAX_ARTICLES,
        metavar="N",
        help=f"show at most N articles annotated (default {DEFAULT_MAX_ARTICLES}; 0 = all)",
    )
    rep.add_argument("--story", help="the story drawn in the story map")
    rep.add_argument(
        "--coder",
        type=Path,
        action="append",
        metavar="FILE",
        help="a coder's filled coding sheet (framing validate sample); repeat for every "
        "coder and sheet: the report then has a validation section and marks the "
        "findings the measured error could explain",
    )

    trd = commands.add_parser(
        "trend",
        help="every figure per outlet over time: articles per period, tone, sources …",
        description="Analyse a corpus and print, per period (day, week from Monday, month "
        "or year, in UTC) and outlet, the articles counted, or a figure's mean with its "
        "bootstrap interval; periods with fewer than --min-n articles are described only. "
        "Articles without a published date are left out, and counted.",
        epilog="Example: framing trend articles/ --field published=date --freq M --measure "
        "sent_compound_mean --plot reports/tone.png --out reports/trend.csv",
    )
    _corpus_options(trd, results=True)
    _loudness(trd)
    _analysis_options(trd)
    trd.add_argument(
        "--freq",
        choices=["D", "W", "M", "Y"],
        default="W",
        help="the period: D day, W week (Monday to Sunday), M month, Y year (default W)",
    )
    trd.add_argument(
        "--by", default="outlet", metavar="COLUMN", help="the column naming the groups (outlet)"
    )
    trd.add_argument(
        "--measure",
        default="articles",
        metavar="FEATURE",
        help="the figure printed and plotted, by its feature name as in 'framing compare "
        "--out' (default: articles, the articles counted)",
    )
    trd.add_argument(
        "--out", type=Path, metavar="FILE", help="write every figure's rows (.csv, .parquet, .xlsx)"
    )
    trd.add_argument(
        "--plot", type=Path, metavar="FILE", help="draw the figure to FILE (.png, .pdf, .svg)"
    )
    trd.add_argument("--seed", type=int, default=0, help="seed of the bootstrap (0)")
    trd.add_argument(
        "--min-n",
        type=int,
        default=5,
        metavar="N",
        help="fewest articles in a period for an interval; below it, description only (5)",
    )
    trd.add_argument(
        "--level", type=float, default=0.95, help="confidence level of the intervals (0.95)"
    )
    trd.add_argument(
        "--between",
        nargs=2,
        metavar=("FIRST", "SECOND"),
        help="test the change between two periods (any date in each: 2016, 2016-03, "
        "2016-03-09) on every figure, as compare tests two outlets; with --outlet, one "
        "outlet's change, else all outlets pooled",
    )
    trd.add_argument("--outlet", help="with --between: the outlet whose change is tested")

    val = commands.add_parser(
        "validate",
        help="draw coding sheets for human coders, and score their codes",
        description="Validate framing against human coders on your corpus: 'sample' "
        "writes a seeded, stratified coding sheet (.xlsx and .csv); 'score' reads the "
        "filled sheets and prints the coders' agreement (Krippendorff's alpha) and "
        "framing's precision, recall and F1 against them, overall and per outlet.",
    )
    steps = val.add_subparsers(dest="step", metavar="STEP", required=True)
    sample = steps.add_parser(
        "sample",
        help="write a coding sheet",
        epilog="Example: framing validate sample articles/ --unit attribution --n 200 "
        "-o coding/attributions.xlsx",
    )
    _corpus_options(sample, results=True)
    _loudness(sample)
    _analysis_options(sample)
    sample.add_argument(
        "--unit",
        choices=["sentence", "attribution", "article"],
        default="sentence",
        help="what each row is: a sentence (uncertain, sentiment), an attribution (its "
        "source type) or an article (its dominant frame); default sentence",
    )
    sample.add_argument("--n", type=int, default=200, help="units to draw (200)")
    sample.add_argument("--seed", type=int, default=0, help="seed of the draw (0)")
    sample.add_argument(
        "-o",
        "--out",
        type=Path,
        required=True,
        metavar="FILE.xlsx",
        help="the workbook to write; the same rows go to FILE.csv beside it, the "
        "codebook to FILE-codebook.html",
    )
    score = steps.add_parser(
        "score",
        help="score filled coding sheets",
        epilog="Example: framing validate score articles/ --coder coding/a.xlsx --coder "
        "coding/b.xlsx --out coding/scores",
    )
    _corpus_options(score, results=True)
    _loudness(score)
    _analysis_options(score)
    score.add_argument(
        "--coder",
        type=Path,
        action="append",
        required=True,
        metavar="FILE",
        help="a coder's filled sheet (.xlsx or .csv); repeat for every coder",
    )
    score.add_argument(
        "--out", type=Path, metavar="DIR", help="also write every score table as CSV to DIR"
    )
    score.add_argument(
        "--seed", type=int, default=0, help="seed of the bootstrap of alpha's interval (0)"
    )
    score.add_argument(
        "--interval",
        choices=["pairs", "units"],
        default="pairs",
        help="how alpha's interval is bootstrapped: pairs of values as Hayes & "
        "Krippendorff (2007) do (default), or units (wider)",
    )

    commands.add_parser(
        "features",
        help="list the feature families: their columns, measures and evidence",
        description="List the registered feature families and the columns each adds.",
    )
    return parser


def _comparison_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--by", default="outlet", metavar="COLUMN", help="the column to compare by (outlet)"
    )
    parser.add_argument(
        "--reference",
        metavar="NAME",
        help="compare every outlet with this one (default: each with the pooled rest)",
    )
    parser.add_argument(
        "--seed", type=int, default=0, help="seed of the bootstrap and permutations (0)"
    )
    parser.add_argument(
        "--min-n",
        type=int,
        default=5,
        metavar="N",
        help="fewest articles a side for intervals and tests; below it, description only (5)",
    )
    parser.add_argument(
        "--level", type=float, default=0.95, help="confidence level of the intervals (0.95)"
    )
