"""The ``framing`` command: parses arguments and calls the library, nothing more."""

from __future__ import annotations

import argparse
import json
import logging
import os
import shutil
import signal
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from . import DEMO_ACTORS, DEMO_ANGLES, DEMO_CORPUS, __version__
from ._defaults import DEFAULT_MAX_ARTICLES
from .errors import FramingError, MissingDependencyError, UsageError

# The commands import what they use when they run: 'framing --help' and a mistyped
# option answer at once, without loading pandas, matplotlib and the lexicons.
if TYPE_CHECKING:
    import pandas as pd

    from .analysis import Analysis


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
        choices=["auto", "given", "grouped"],
        default="auto",
        help="where stories come from: auto (the corpus's story labels; where no article "
        "has one, framing groups the articles by content and date), given (never group), "
        "grouped (group even a labelled corpus); default auto",
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


def _load(args: argparse.Namespace):
    if args.demo and args.path:
        raise UsageError("give PATH or --demo, not both")
    if not args.demo and not args.path:
        raise UsageError("give the corpus PATH (or --demo for the bundled corpus)")
    from .corpus import load_corpus

    clean: bool | Path = False if args.no_clean else (args.clean_rules or True)
    return load_corpus(
        DEMO_CORPUS if args.demo else args.path,
        manifest=args.manifest,
        clean=clean,
        outlet_aliases=args.outlet_aliases,
        encoding=args.encoding,
        repair_mojibake=not args.keep_mojibake,
        **dict(args.field),
    )


def _write(frame: pd.DataFrame, path: Path) -> None:
    from ._export import write_table

    for warning in write_table(frame, path):
        print(f"framing: warning: {warning}", file=sys.stderr)


def _write_tables(analysis: Analysis, target: Path, quiet: bool = False) -> None:
    """--tables: the sentence, span, error, removal and version tables, as CSV files in a
    folder, or as the sheets of one Excel workbook where ``target`` ends in .xlsx."""
    tables = {
        "sentences": analysis.sentences,
        "errors": analysis.errors,
        "removed": analysis.corpus.removed,
        "versions": analysis.corpus.versions,
        **dict(analysis.spans.items()),
    }
    if "actors" in analysis.spans:
        tables["actor_merges"] = analysis.actor_merges
    if not analysis.stories.empty:
        tables["stories"] = analysis.stories
    if target.suffix.lower() == ".xlsx":
        from ._export import write_workbook

        for warning in write_workbook({"articles": analysis.articles, **tables}, target):
            print(f"framing: warning: {warning}", file=sys.stderr)
        if not quiet:
            print(
                f"wrote the articles, sentences, span tables and errors to {target}, one sheet each"
            )
        return
    target.mkdir(parents=True, exist_ok=True)
    for name, table in tables.items():
        table.to_csv(target / f"{name}.csv", index=False)
    if not quiet:
        print(f"wrote sentences, span tables and errors to {target}/")


def is_results_dir(path: Path | None) -> bool:
    """Whether ``path`` is a results directory (a manifest.json written by framing)."""
    if path is None or not (path / "manifest.json").is_file():
        return False
    try:
        manifest = json.loads((path / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(manifest, dict) and manifest.get("format") == "framing-results"


#: Options that shape an analysis, refused when the analysis is read from a directory.
_ANALYSIS_ONLY = (
    "manifest",
    "clean_rules",
    "outlet_aliases",
    "encoding",
    "lexicons",
    "angles",
    "aliases",
    "dask",
    "chunk_size",
)


def _progress(args: argparse.Namespace) -> bool:
    """Progress bars on a terminal, unless --no-progress or -q; always with --progress."""
    if args.progress is not None:
        return bool(args.progress)
    return sys.stderr.isatty() and not args.quiet


def _analyse(args: argparse.Namespace) -> Analysis:
    from .analysis import analyse, open_analysis

    if not args.demo and is_results_dir(args.path):
        given = [f"--{o.replace('_', '-')}" for o in _ANALYSIS_ONLY if getattr(args, o, None)]
        if args.field or args.no_clean or args.keep_mojibake:
            given.append("--field/--no-clean/--keep-mojibake")
        if given:
            raise UsageError(
                f"{args.path} is a results directory, analysed already with its "
                f"own settings; {', '.join(given)} apply only to a corpus. Run 'framing "
                "analyse CORPUS --out DIR' with them, then point this command at DIR"
            )
        return open_analysis(args.path)
    corpus = _load(args)
    analysis = analyse(
        corpus,
        max_chars=args.max_chars,
        max_seconds=args.max_seconds or None,
        n_jobs=args.jobs,
        progress=_progress(args),
        lexicons=args.lexicons,
        angles=args.angles or (DEMO_ANGLES if args.demo else None),
        aliases=args.aliases or (DEMO_ACTORS if args.demo else None),
        out=getattr(args, "results", None),
        resume=getattr(args, "resume", False),
        overwrite=getattr(args, "overwrite", False),
        dask=args.dask,
        chunk_size=args.chunk_size,
        stories=args.stories,
    )
    if not getattr(args, "quiet", False):
        for note in analysis.notes:  # what the run decided for the researcher (stories)
            print(f"framing: {note}", file=sys.stderr)
    return analysis


def cmd_analyse(args: argparse.Namespace) -> int:
    if is_results_dir(args.path):
        raise UsageError(
            f"{args.path} is a results directory already; read it with "
            f"'framing compare {args.path}' or 'framing report {args.path}'"
        )
    args.results = None
    if args.out is not None and args.out.suffix.lower() in (".csv", ".parquet", ".xlsx"):
        # Before results directories, --out named the article table's file.
        print(
            f"framing: note: --out {args.out} writes the article table alone, as it used to; "
            "--articles FILE says so, and --out DIR writes a results directory",
            file=sys.stderr,
        )
        args.articles = args.articles or args.out
    elif args.out is not None:
        args.results = args.out
    if args.resume and args.results is None:
        raise UsageError("--resume finishes a run into a results directory: add --out DIR")
    analysis = _analyse(args)
    if args.results is not None and not args.quiet:
        print(f"wrote the results directory {args.results}")
    if args.articles:
        _write(analysis.articles, args.articles)
        if not args.quiet:  # -q: errors only
            print(f"wrote {len(analysis.articles)} articles to {args.articles}")
    if args.tables:
        _write_tables(analysis, args.tables, quiet=args.quiet)
    if args.quiet:
        return 0
    import pandas as pd

    with pd.option_context(
        "display.width", 120, "display.max_columns", 20, "display.float_format", "{:.3f}".format
    ):
        # The summary reads only the columns it shows, not a whole results directory's
        # article table; its counts add up to every article analysed.
        summary = analysis.summary()
        analysed = int(summary["articles"].sum() + summary["versions_not_counted"].sum())
        print(
            f"\n{_count(analysed, 'article')} analysed, {_count(len(analysis.errors), 'error')}; "
            "one version per group counted\n"
        )
        print(summary.to_string(index=False))
    if len(analysis.errors):
        print(f"\n{_count(len(analysis.errors), 'article')} not analysed:")
        for row in analysis.errors.head(10).itertuples():
            print(f"  {row.doc_id}: {row.reason}")
        if len(analysis.errors) > 10:
            more = (
                "analysis.errors, or the errors table in --out DIR"
                if args.results
                else ("write them all with --tables DIR")
            )
            print(f"  … ({more})")
    return 0


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}" + ("" if n == 1 else "s")


def cmd_compare(args: argparse.Namespace) -> int:
    from .comparison import compare, format_comparison

    analysis = _analyse(args)
    table = compare(
        analysis,
        by=args.by,
        reference=args.reference,
        seed=args.seed,
        min_n=args.min_n,
        level=args.level,
        progress=_progress(args),
    )
    if args.out:
        _write(table, args.out)
        print(f"wrote {len(table)} rows to {args.out}")
    width = shutil.get_terminal_size((120, 40)).columns
    print(format_comparison(table, width=width, per_family=None if args.all else 3))
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from .report import corpus_name, render_report
    from .validation import score_sheets

    analysis = _analyse(args)
    validation = score_sheets(analysis, args.coder, seed=args.seed) if args.coder else None
    out = args.out
    if out is None:
        name = "demo" if args.demo else corpus_name(args.path)
        out = Path("reports") / f"{name}.html"
    written = render_report(
        analysis,
        out,
        title=args.title,
        by=args.by,
        reference=args.reference,
        max_articles=args.max_articles or None,
        story=args.story,
        seed=args.seed,
        min_n=args.min_n,
        level=args.level,
        progress=_progress(args),
        validation=validation,
    )
    counted = len(analysis.counted)
    print(f"wrote {written}: {counted} articles counted, {len(analysis.errors)} errors")
    return 0


def cmd_trend(args: argparse.Namespace) -> int:
    import pandas as pd

    from .comparison import compare_periods, format_trend, trend

    analysis = _analyse(args)
    if args.between:
        change = compare_periods(
            analysis,
            *args.between,
            freq=args.freq,
            outlet=args.outlet,
            by=args.by,
            seed=args.seed,
            min_n=args.min_n,
            level=args.level,
        )
        if args.out:
            _write(change, args.out)
            print(f"wrote {len(change)} rows to {args.out}")
        shown = change[["label", "reference", "mean", "reference_mean", "diff", "q_value", "basis"]]
        with pd.option_context("display.width", shutil.get_terminal_size((120, 40)).columns):
            print(shown.round(3).to_string(index=False))
        return 0
    table = trend(
        analysis,
        freq=args.freq,
        by=args.by,
        features=None if args.out else [args.measure],
        seed=args.seed,
        min_n=args.min_n,
        level=args.level,
    )
    if args.out:
        _write(table, args.out)
        print(f"wrote {len(table)} rows to {args.out}")
    if args.plot:
        from .report._plot_trend import trend_figure

        args.plot.parent.mkdir(parents=True, exist_ok=True)
        trend_figure(table, args.measure).savefig(
            args.plot, dpi=200, bbox_inches="tight", facecolor="white"
        )
        print(f"wrote the figure to {args.plot}")
    width = shutil.get_terminal_size((120, 40)).columns
    print(format_trend(table, args.measure, width=width))
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    from .validation import coding_sheet, corrected_comparison, corrected_shares, score_sheets

    analysis = _analyse(args)
    if args.step == "sample":
        sheet = coding_sheet(analysis, unit=args.unit, n=args.n, seed=args.seed)
        # the CSV and the codebook first: without openpyxl they are written all the same
        table = sheet.to_csv(args.out.with_suffix(".csv"))
        guide = sheet.to_codebook(args.out.with_name(f"{args.out.stem}-codebook.html"))
        try:
            book = sheet.to_excel(args.out.with_suffix(".xlsx"))
        except MissingDependencyError as exc:
            raise MissingDependencyError(
                f"wrote {table} and {guide}; the workbook needs openpyxl: "
                "pip install 'framing[excel]'"
            ) from exc
        print(
            f"wrote {book}, {table} and the codebook {guide}: {len(sheet.units)} "
            f"{args.unit}s, sample {sheet.sample_id}"
        )
        return 0
    results = score_sheets(analysis, args.coder, seed=args.seed, interval=args.interval)
    for result in results:
        print(f"sample {result.sample_id}, coders: {', '.join(result.coders)}\n")
        print(result.agreement.round(3).to_string(index=False))
        overall = result.accuracy[result.accuracy["label"] == "all"]
        print("\nframing against the coders' majority (share right, units with a majority):")
        print(overall[["code", "outlet", "support", "f1"]].round(3).to_string(index=False))
        print()
    corrected = corrected_comparison(analysis, results, seed=args.seed)
    if len(corrected):
        shown = corrected[["outlet", "feature", "diff", "diff_corrected"]].round(3)
        shown["mark"] = corrected["error_could_explain"].map({True: "within error", False: ""})
        print("differences checked by the coders, corrected by their findings:")
        print(shown.to_string(index=False))
    if args.out is not None:
        args.out.mkdir(parents=True, exist_ok=True)
        several = len(results) > 1
        for result in results:
            prefix = f"{result.unit}_" if several else ""
            result.agreement.to_csv(args.out / f"{prefix}agreement.csv", index=False)
            result.accuracy.to_csv(args.out / f"{prefix}accuracy.csv", index=False)
            result.disagreements.to_csv(args.out / f"{prefix}disagreements.csv", index=False)
            result.accuracy_by_coder.to_csv(
                args.out / f"{prefix}accuracy_by_coder.csv", index=False
            )
            for code, table in result.confusion.items():
                table.to_csv(args.out / f"confusion_{code}.csv")
            for code in result.coded:
                shares = corrected_shares(result, analysis, code=code, seed=args.seed)
                shares.to_csv(args.out / f"corrected_shares_{code}.csv", index=False)
        corrected.to_csv(args.out / "corrected_comparison.csv", index=False)
        print(f"\nwrote the score tables to {args.out}")
    return 0


def cmd_features(args: argparse.Namespace) -> int:
    from .features import FEATURES

    for feature in FEATURES.values():
        print(feature.describe())
    return 0


def _logging(verbose: int, quiet: bool) -> None:
    level = (
        logging.ERROR if quiet else (logging.WARNING, logging.INFO, logging.DEBUG)[min(verbose, 2)]
    )
    logger = logging.getLogger("framing")
    logger.setLevel(level)
    if not any(getattr(h, "_framing_cli", False) for h in logger.handlers):
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("framing: %(message)s"))
        handler._framing_cli = True  # type: ignore[attr-defined]
        logger.addHandler(handler)


def _terminate(signum: int, frame: object) -> None:
    # A polite kill (SIGTERM, a scheduler's time limit) stops the run as Ctrl-C does:
    # workers are stopped, and the chunks written stay for --resume.
    raise KeyboardInterrupt


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 2
    _logging(args.verbose, args.quiet)
    previous = signal.getsignal(signal.SIGTERM)
    if threading_main():
        signal.signal(signal.SIGTERM, _terminate)
    try:
        return _dispatch(args)
    finally:
        if threading_main():
            signal.signal(signal.SIGTERM, previous)


def threading_main() -> bool:
    import threading

    return threading.current_thread() is threading.main_thread()


def _dispatch(args: argparse.Namespace) -> int:
    handlers = {
        "analyse": cmd_analyse,
        "analyze": cmd_analyse,
        "compare": cmd_compare,
        "report": cmd_report,
        "features": cmd_features,
        "trend": cmd_trend,
        "validate": cmd_validate,
    }
    try:
        return handlers[args.command](args)
    except FramingError as exc:  # a user's mistake: one line, in the command line's terms
        print(f"framing: error: {exc.cli or exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        target = getattr(args, "results", None)
        hint = (
            f"; the chunks written to {target} are kept: run the same command with --resume "
            "to finish"
            if target is not None
            else ""
        )
        print(f"framing: interrupted{hint}", file=sys.stderr)
        return 130
    except BrokenPipeError:  # 'framing analyse … | head': the reader stopped; no traceback
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
