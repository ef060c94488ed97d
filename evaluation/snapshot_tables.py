"""Every table framing computes, written to a folder, and two such folders compared: the
before/after check of a refactoring ("all figures unchanged").

For the demo corpus, the seed story (``<shared>/corpus/uk-officers-gaza-2025-10``) and
BASIL (``<shared>/corpus/basil/articles``) it writes ``analysis.articles``,
``analysis.sentences``, every span table, ``analysis.actor_merges``,
``analysis.summary()``, ``framing.compare(analysis)``, the sentence alignment
(``framing.align_sentences(analysis)``) and the distinctive words (per outlet, and within
each story where two outlets share one) as pickles (exact dtypes and values).
``--against`` then compares a new snapshot with an old one table by table, after
renaming the old columns by ``--rename OLD=NEW`` pairs; columns are compared by name, so
a change of column order alone is reported apart from a change of values.

Usage (from the repository root)::

    python evaluation/snapshot_tables.py OUT_DIR [--shared PATH] [--skip-basil]
    python evaluation/snapshot_tables.py NEW_DIR --against OLD_DIR [--rename a=b ...]

Exit codes: 0 written, or equal; 1 a table differs (each difference is printed);
2 a corpus folder is missing.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import framing  # noqa: E402
from evaluation.basil_compare import load_basil  # noqa: E402
from framing.errors import ArgumentError  # noqa: E402


def corpora(shared: Path, skip_basil: bool) -> dict[str, framing.Corpus]:
    seed = shared / "corpus" / "uk-officers-gaza-2025-10"
    out = {"demo": framing.load_corpus(framing.DEMO_CORPUS)}
    if not seed.is_dir():
        raise SystemExit(f"the seed story is not at {seed}; pass --shared PATH")
    out["seed"] = framing.load_corpus(seed)
    if not skip_basil:
        basil = shared / "corpus" / "basil" / "articles"
        if not basil.is_dir():
            raise SystemExit(f"BASIL is not at {basil}; pass --shared PATH or --skip-basil")
        out["basil"] = load_basil(basil)
    return out


def options(name: str) -> dict[str, object]:
    if name == "demo":
        return {"angles": framing.DEMO_ANGLES, "aliases": framing.DEMO_ACTORS}
    if name == "seed":
        return {"angles": framing.EXAMPLE_ANGLES, "aliases": framing.EXAMPLE_ACTORS}
    return {}


def write(out: Path, shared: Path, skip_basil: bool) -> int:
    out.mkdir(parents=True, exist_ok=True)
    for name, corpus in corpora(shared, skip_basil).items():
        analysis = framing.analyse(corpus, **options(name))
        tables = {
            "articles": analysis.articles,
            "sentences": analysis.sentences,
            "errors": analysis.errors,
            "summary": analysis.summary(),
            "compare": framing.compare(analysis),
            "alignment": framing.align_sentences(analysis),
            "distinctive_words": framing.find_distinctive_words(analysis),
        }
        # no story covered by two outlets (the demo, the seed): no within-story table
        with contextlib.suppress(ArgumentError):
            tables["distinctive_words_story"] = framing.find_distinctive_words(
                analysis, within="story"
            )
        for span in analysis.spans:
            tables[f"spans.{span}"] = analysis.spans[span]
        if "actors" in analysis.spans:
            tables["actor_merges"] = analysis.actor_merges
        for table, frame in tables.items():
            frame.to_pickle(out / f"{name}.{table}.pkl")
        print(f"{name}: {len(tables)} tables, {len(analysis.articles)} articles")
    return 0


def compare(new: Path, old: Path, rename: dict[str, str]) -> int:
    differ = 0
    old_files = {p.name for p in old.glob("*.pkl")}
    new_files = {p.name for p in new.glob("*.pkl")}
    for missing in sorted(old_files ^ new_files):
        side = "old" if missing in old_files else "new"
        print(f"{missing}: only in the {side} snapshot")
        differ += 1
    for name in sorted(old_files & new_files):
        a = pd.read_pickle(old / name)
        b = pd.read_pickle(new / name)
        a = a.rename(columns=rename)
        if "feature" in a.columns:  # compare's rows name the measures
            a["feature"] = a["feature"].map(lambda f: rename.get(f, f))
        if isinstance(a.index, pd.MultiIndex) or a.index.name in rename:
            a.index = a.index.rename([rename.get(n, n) for n in a.index.names])
        if list(a.columns) != list(b.columns):
            if set(a.columns) != set(b.columns):
                print(
                    f"{name}: columns differ: only old {sorted(set(a.columns) - set(b.columns))}, "
                    f"only new {sorted(set(b.columns) - set(a.columns))}"
                )
                differ += 1
                continue
            print(f"{name}: same columns in another order")
            b = b[list(a.columns)]
        try:
            # a Table (framing's DataFrame that reads old column names) equals its frame
            pd.testing.assert_frame_equal(a, b, check_like=False, check_frame_type=False)
        except AssertionError as exc:
            print(f"{name}: values differ: {str(exc).splitlines()[0:6]}")
            differ += 1
    print(f"{len(old_files & new_files)} tables compared, {differ} differ")
    return 1 if differ else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="the snapshot folder to write (or the new one)")
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--skip-basil", action="store_true")
    parser.add_argument("--against", type=Path, help="an older snapshot to compare with")
    parser.add_argument("--rename", nargs="*", default=[], metavar="OLD=NEW")
    args = parser.parse_args(argv)
    if args.against is not None:
        rename = dict(pair.split("=", 1) for pair in args.rename)
        return compare(args.out, args.against, rename)
    return write(args.out, args.shared, args.skip_basil)


if __name__ == "__main__":
    raise SystemExit(main())
