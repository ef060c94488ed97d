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

from . import DEMO_ACTORS, DEMO_ANGLES, DEMO_CORPUS
from ._cli_args import build_parser
from .errors import FramingError, MissingDependencyError, UsageError

# The commands import what they use when they run: 'framing --help' and a mistyped
# option answer at once, without loading pandas, matplotlib and the lexicons.
if TYPE_CHECKING:
    import pandas as pd

    from .analysis import Analysis


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
    if analysis.notes:  # what the run decided for the researcher (stories grouped)
        import pandas as pd

        tables["notes"] = pd.DataFrame({"note": analysis.notes})
    if target.suffix.lower() == ".xlsx":
        from ._export import write_workbook

        for warning in write_workbook({"articles": analysis.articles, **tables}, target):
            print(f"framing: warning: {warning}", file=sys.stderr)
        if not quiet:
            print(f"wrote articles, {', '.join(tables)} to {target}, a sheet each")
        return
    target.mkdir(parents=True, exist_ok=True)
    for name, table in tables.items():
        table.to_csv(target / f"{name}.csv", index=False)
    if not quiet:
        print(f"wrote {', '.join(tables)} to {target}/, a CSV file each")


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
    "stories",
    "story_window",
    "story_threshold",
)


def _progress(args: argparse.Namespace) -> bool:
    """Progress bars on a terminal, unless --no-progress or -q; always with --progress."""
    if args.progress is not None:
        return bool(args.progress)
    return sys.stderr.isatty() and not args.quiet


def _analyse(args: argparse.Namespace) -> Analysis:
    from .analysis import analyse, open_analysis

    if not args.demo and is_results_dir(args.path):
        given = [
            f"--{o.replace('_', '-')}" for o in _ANALYSIS_ONLY if getattr(args, o, None) is not None
        ]
        if args.field or args.no_clean or args.keep_mojibake:
            given.append("--field/--no-clean/--keep-mojibake")
        if given:
            raise UsageError(
                f"{args.path} is a results directory, analysed already with its "
                f"own settings; {', '.join(given)} "
                f"{'applies' if len(given) == 1 else 'apply'} only to a corpus. Run 'framing "
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
        stories=_stories(args.stories or "auto"),
        **{
            f"story_{k}": getattr(args, f"story_{k}")
            for k in ("window", "threshold")
            if getattr(args, f"story_{k}") is not None
        },
    )
    if not getattr(args, "quiet", False):
        for note in analysis.notes:  # what the run decided for the researcher (stories)
            print(f"framing: {note}", file=sys.stderr)
    return analysis


def _stories(value: str) -> str | pd.DataFrame:
    """--stories: a source, or a CSV of doc_id and story read as text."""
    if value in ("auto", "given", "grouped"):
        return value
    path = Path(value)
    if not path.is_file():
        raise UsageError(
            f"--stories {value}: not auto, given or grouped, and no such file; give one of "
            "those, or a CSV with doc_id and story columns"
        )
    import pandas as pd

    return pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""])


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
