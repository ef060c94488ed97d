"""The ``framing`` command: parses arguments and calls the library, nothing more."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from . import DEMO_ACTORS, DEMO_ANGLES, DEMO_CORPUS, __version__
from .analysis import analyse
from .corpus import load_corpus
from .errors import FramingError
from .features import FEATURES


def _field(value: str) -> tuple[str, str]:
    name, sep, column = value.partition("=")
    if not sep or not name or not column:
        raise argparse.ArgumentTypeError(
            f"--field takes name=column, e.g. outlet=source; got {value!r}"
        )
    return name.strip(), column.strip()


def _corpus_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "path",
        nargs="?",
        type=Path,
        help="folder of articles (.txt/.html/.json, with manifest.csv), or a "
        ".csv/.tsv/.jsonl/.parquet table",
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
        "--outlet-aliases",
        type=Path,
        metavar="FILE",
        help="TOML file with an [aliases] table of outlet spellings",
    )
    parser.add_argument("--encoding", help="decode every file with this encoding")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="framing",
        description="Compare how news outlets frame the same story: who speaks, how sure it "
        "sounds, how it feels, what it puts first. Every figure keeps its evidence.",
        epilog="Run 'framing COMMAND --help' for a command's options.",
    )
    parser.add_argument("--version", action="version", version=f"framing {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    run = commands.add_parser(
        "analyse",
        aliases=["analyze"],
        help="analyse a corpus and write the article table",
        description="Load, clean and segment a corpus, score every feature, write the "
        "article table and print a per-outlet summary.",
        epilog="Example: framing analyse articles/ --field outlet=publication --out "
        "reports/articles.csv",
    )
    _corpus_options(run)
    run.add_argument(
        "--out",
        type=Path,
        metavar="FILE",
        help="write the article table to FILE (.csv or .parquet)",
    )
    run.add_argument(
        "--tables",
        type=Path,
        metavar="DIR",
        help="also write sentences, every span table and errors as CSV to DIR",
    )
    run.add_argument(
        "--lexicons",
        type=Path,
        metavar="TOML",
        help="extend framing's lexicons (reporting verbs, gazetteers, hedges) from TOML",
    )
    run.add_argument(
        "--angles",
        type=Path,
        metavar="TOML",
        help="the story's angles to score (with --demo: the demo's own angles file)",
    )
    run.add_argument(
        "--aliases",
        type=Path,
        metavar="TOML",
        help="the story's actors and their other names (with --demo: the demo's own file)",
    )
    run.add_argument("--jobs", type=int, default=1, metavar="N", help="worker processes")
    run.add_argument(
        "--max-chars",
        type=int,
        default=1_000_000,
        metavar="N",
        help="articles longer than N characters become errors (default 1000000)",
    )
    bar = run.add_mutually_exclusive_group()
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

    commands.add_parser(
        "features",
        help="list the feature families and their columns",
        description="List the registered feature families and the columns each adds.",
    )
    return parser


def _load(args: argparse.Namespace):
    if args.demo and args.path:
        raise SystemExit("framing: give PATH or --demo, not both")
    if not args.demo and not args.path:
        raise SystemExit("framing: give the corpus PATH (or --demo for the bundled corpus)")
    clean: bool | Path = False if args.no_clean else (args.clean_rules or True)
    return load_corpus(
        DEMO_CORPUS if args.demo else args.path,
        manifest=args.manifest,
        clean=clean,
        outlet_aliases=args.outlet_aliases,
        encoding=args.encoding,
        **dict(args.field),
    )


def _write(frame: pd.DataFrame, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix.lower() == ".parquet":
        frame.to_parquet(path, index=False)
    elif path.suffix.lower() == ".csv":
        frame.to_csv(path, index=False)
    else:
        raise SystemExit(f"framing: --out {path}: use a .csv or .parquet file name")


def cmd_analyse(args: argparse.Namespace) -> int:
    corpus = _load(args)
    progress = args.progress if args.progress is not None else sys.stderr.isatty()
    analysis = analyse(
        corpus,
        max_chars=args.max_chars,
        n_jobs=args.jobs,
        progress=progress,
        lexicons=args.lexicons,
        angles=args.angles or (DEMO_ANGLES if args.demo else None),
        aliases=args.aliases or (DEMO_ACTORS if args.demo else None),
    )
    if args.out:
        _write(analysis.articles, args.out)
        print(f"wrote {len(analysis.articles)} articles to {args.out}")
    if args.tables:
        args.tables.mkdir(parents=True, exist_ok=True)
        analysis.sentences.to_csv(args.tables / "sentences.csv", index=False)
        analysis.errors.to_csv(args.tables / "errors.csv", index=False)
        analysis.corpus.removed.to_csv(args.tables / "removed.csv", index=False)
        analysis.corpus.versions.to_csv(args.tables / "versions.csv", index=False)
        for name, table in analysis.spans.items():
            table.to_csv(args.tables / f"{name}.csv", index=False)
        print(f"wrote sentences, span tables and errors to {args.tables}/")
    with pd.option_context(
        "display.width", 120, "display.max_columns", 20, "display.float_format", "{:.3f}".format
    ):
        print(
            f"\n{len(analysis.articles)} articles analysed, {len(analysis.errors)} errors; "
            "one version per group counted\n"
        )
        print(analysis.summary().to_string(index=False))
    if len(analysis.errors):
        print(f"\n{len(analysis.errors)} articles not analysed:")
        for row in analysis.errors.head(10).itertuples():
            print(f"  {row.doc_id}: {row.reason}")
        if len(analysis.errors) > 10:
            print("  … (write them all with --tables DIR)")
    return 0


def cmd_features(args: argparse.Namespace) -> int:
    for feature in FEATURES.values():
        print(f"{feature.name}: {feature.description}")
        print(f"  article columns: {', '.join(feature.article_columns)}")
        if feature.sentence_columns:
            print(f"  sentence columns: {', '.join(feature.sentence_columns)}")
        if feature.span_tables:
            print(f"  span tables: {', '.join(feature.span_tables)}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 2
    handlers = {"analyse": cmd_analyse, "analyze": cmd_analyse, "features": cmd_features}
    try:
        return handlers[args.command](args)
    except FramingError as exc:
        print(f"framing: error: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # 'framing analyse … | head': the reader stopped; no traceback
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
