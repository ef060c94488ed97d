"""Are BASIL's informational-bias sentences more often unique to their outlet?

BASIL (Fan et al., EMNLP 2019) holds 300 articles: 100 stories, each covered by Fox
News, HuffPost and The New York Times. Annotators marked *informational* bias (``inf``:
content chosen to cast an entity in a good or bad light) and *lexical* bias (``lex``:
loaded wording) as spans. ``framing.align_sentences`` matches every sentence with its
closest sentence in the other outlets' articles on the same story and calls it *unique*
when the best match scores below the threshold. If informational bias is selective
reporting, inf-bias sentences should be unique more often than the other sentences; lex
sentences are the comparison (loaded words on a shared fact need not be unique). The
corpus is read from ``<shared>/corpus/basil/`` and never copied into the repository.

Corpus
    ``framing.load_corpus(<basil>/articles, text="body-paragraphs", outlet="source",
    story="triplet-uuid")``, then ``framing.analyse`` with no feature family (alignment
    needs only the segmentation) and ``framing.align_sentences``. Sentences whose story
    has no other outlet to compare with (``compared`` False), and sentences with no
    content word (``unique`` empty), are left out of the rates and counted apart. The
    script also computes each outlet's distinctive words within every story
    (``framing.find_distinctive_words(analysis, within="story")``) and reports how many
    stories each outlet has them for.

Mapping the annotations
    ``annotations/<year>/<stem>_ann.json`` belongs to ``articles/<year>/<stem>.json``
    (framing's doc_id is ``<year>/<stem>``). The file name is used, not the ``uuid``
    field, which is ``"empty"`` in a few files. A phrase annotation's ``id`` ``pN`` names
    the N-th body sentence (0-based, counting through the paragraphs) and ``start``/
    ``end`` are character offsets in that sentence, end exclusive; ``id`` ``title`` marks
    the headline. Each BASIL sentence is found in framing's article text (stripped, NFC,
    searched in order from the end of the previous one) and the span is moved by the
    sentence's start. When the text at the offsets differs from the annotation's ``txt``,
    ``txt`` is searched in the sentence, then in the whole article (a unique hit only).
    A span marks every framing sentence it overlaps (framing's segmentation may differ
    from BASIL's). Spans that cannot be placed are counted by reason, never dropped
    silently: headline spans (headlines are not aligned), empty spans, unknown sentence
    ids, text not found, articles missing from the alignment.

Rates
    For each label (``inf``, ``lex``) a framing sentence is *labelled* when some span of
    that label overlaps it, *other* otherwise (so the other sentences of the ``inf`` row
    include the lex-only ones). Unique share = unique sentences / sentences, overall and
    per outlet, with a two-sided two-proportion z-test (pooled) and a two-sided Fisher
    exact test, both implemented here. Both treat sentences as independent, which they
    are not (sentences cluster in articles and stories), so the table also gives a sign
    test over articles: among articles with labelled and other sentences, how many have
    the higher unique share on the labelled side (+), on the other side (-), ties
    excluded.

Usage (from the repository root)::

    python evaluation/basil_alignment.py [--shared PATH] [--threshold T] [--verbose]
        [--examples N]

Exit codes: 0 done; 2 the BASIL folder is missing or holds no articles.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
import time
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import framing  # noqa: E402
from framing.comparison import DEFAULT_THRESHOLD  # noqa: E402

BASIL_SUBDIR = Path("corpus") / "basil"
LABELS = ("inf", "lex")
_SENTENCE_ID = re.compile(r"^p(\d+)$")

Key = tuple[str, int]  # (doc_id, framing sentence index)


# --------------------------------------------------------------------------- records


@dataclass
class Span:
    """One BASIL phrase annotation and where it ended up."""

    doc_id: str
    ann_id: str
    bias: str
    txt: str
    start: int
    end: int
    how: str = ""  # "offsets" or "text search" when mapped, else the reason it is not
    sentences: tuple[int, ...] = ()

    @property
    def mapped(self) -> bool:
        return bool(self.sentences)


@dataclass
class Mapping:
    """Every span read, and the per-sentence labels they give."""

    spans: list[Span] = field(default_factory=list)
    labels: dict[Key, set[str]] = field(default_factory=lambda: defaultdict(set))
    files: int = 0
    uuid_unusable: int = 0
    sentences_not_found: int = 0
    sentences_empty: int = 0
    basil_sentences: int = 0


def _norm(text: str) -> str:
    """Text as framing's reader stores it: NFC, Unix newlines, no BOM or NUL."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "").replace("\x00", "")
    return unicodedata.normalize("NFC", text)


def _flat_sentences(article: dict) -> list[str]:
    """BASIL's body sentences in order, through the paragraphs (the ``pN`` numbering)."""
    return [str(s) for paragraph in article.get("body-paragraphs") or [] for s in paragraph]


def _locate_sentences(sentences: Sequence[str], text: str) -> list[int | None]:
    """Start of each BASIL sentence (stripped, normalised) in ``text``, searched in order."""
    found: list[int | None] = []
    cursor = 0
    for sentence in sentences:
        needle = _norm(sentence.strip())
        at = text.find(needle, cursor) if needle else -1
        if at < 0:
            found.append(None)
            continue
        found.append(at)
        cursor = at + len(needle)
    return found


def _place(span: Span, sentence: str, start_in_text: int | None, text: str) -> tuple[int, int]:
    """Character span of ``span`` in framing's ``text``, or ``(-1, -1)``; sets ``span.how``."""
    lead = len(sentence) - len(sentence.lstrip())
    want = _norm(span.txt.strip())
    if start_in_text is not None and sentence[span.start : span.end].strip() == span.txt.strip():
        piece = sentence[span.start : span.end]
        offset = max(0, span.start - lead) + (len(piece) - len(piece.lstrip()))
        a = start_in_text + len(_norm(sentence[lead : lead + offset]))
        if text[a : a + len(want)] == want:
            span.how = "offsets"
            return a, a + len(want)
    if start_in_text is not None:
        stop = start_in_text + len(_norm(sentence.strip()))
        at = text.find(want, start_in_text, stop)
        if at >= 0:
            span.how = "text search (in sentence)"
            return at, at + len(want)
    hits = [m.start() for m in re.finditer(re.escape(want), text)]
    if len(hits) == 1:
        span.how = "text search (in article)"
        return hits[0], hits[0] + len(want)
    span.how = (
        "span text not found in framing's text"
        if not hits
        else "span text found several times, sentence not located"
    )
    return -1, -1


def map_annotations(
    basil: Path, texts: dict[str, str], bounds: dict[str, list[tuple[int, int]]]
) -> Mapping:
    """Read every annotation file and map its spans to framing sentences.

    Args:
        basil: The BASIL folder (``articles/`` and ``annotations/`` inside).
        texts: framing's text of each analysed article, by doc_id.
        bounds: ``(start, end)`` of each framing sentence of each aligned article, by
            doc_id, in sentence order.
    """
    result = Mapping()
    article_uuids = Counter(
        json.loads(p.read_text(encoding="utf-8")).get("uuid")
        for p in (basil / "articles").glob("*/*.json")
    )
    for path in sorted((basil / "annotations").glob("*/*_ann.json")):
        result.files += 1
        stem = path.name.removesuffix("_ann.json")
        doc_id = f"{path.parent.name}/{stem}"
        annotation = json.loads(path.read_text(encoding="utf-8"))
        article_path = basil / "articles" / path.parent.name / f"{stem}.json"
        phrases = annotation.get("phrase-level-annotations") or []
        spans = [
            Span(
                doc_id,
                str(p.get("id", "")),
                str(p.get("bias", "")),
                str(p.get("txt", "")),
                int(p.get("start", 0)),
                int(p.get("end", 0)),
            )
            for p in phrases
        ]
        result.spans.extend(spans)
        if not article_path.is_file():
            for span in spans:
                span.how = "no article file for the annotation file"
            continue
        article = json.loads(article_path.read_text(encoding="utf-8"))
        uuid = annotation.get("uuid")
        if uuid != article.get("uuid") or article_uuids[uuid] != 1:
            result.uuid_unusable += 1
        sentences = _flat_sentences(article)
        if doc_id not in texts or doc_id not in bounds:
            for span in spans:
                span.how = "article not in framing's alignment"
            continue
        text = texts[doc_id]
        starts = _locate_sentences(sentences, text)
        result.basil_sentences += len(sentences)
        empty = [not s.strip() for s in sentences]
        result.sentences_empty += sum(empty)
        result.sentences_not_found += sum(
            s is None and not e for s, e in zip(starts, empty, strict=True)
        )
        for span in spans:
            match = _SENTENCE_ID.match(span.ann_id)
            if span.ann_id == "title":
                span.how = "headline span (headlines are not aligned)"
                continue
            if not match or int(match.group(1)) >= len(sentences):
                span.how = f"sentence id {span.ann_id!r} not in the article"
                continue
            if not span.txt.strip() or span.end <= span.start:
                span.how = "empty span"
                continue
            index = int(match.group(1))
            a, b = _place(span, sentences[index], starts[index], text)
            if a < 0:
                continue
            span.sentences = tuple(i for i, (s, e) in enumerate(bounds[doc_id]) if s < b and a < e)
            if not span.sentences:
                span.how = "no framing sentence overlaps the span"
                continue
            for i in span.sentences:
                result.labels[(doc_id, i)].add(span.bias)
    return result


# --------------------------------------------------------------------------- statistics


def z_test(x1: int, n1: int, x2: int, n2: int) -> tuple[float, float]:
    """Two-proportion z-test with a pooled variance: ``(z, two-sided p)``; NaN if undefined."""
    if not n1 or not n2:
        return math.nan, math.nan
    pooled = (x1 + x2) / (n1 + n2)
    se = math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
    if se == 0:
        return math.nan, math.nan
    z = (x1 / n1 - x2 / n2) / se
    return z, math.erfc(abs(z) / math.sqrt(2))


def _log_choose(n: int, k: int) -> float:
    return math.lgamma(n + 1) - math.lgamma(k + 1) - math.lgamma(n - k + 1)


def fisher_exact(x1: int, n1: int, x2: int, n2: int) -> float:
    """Two-sided Fisher exact p of the table ``[[x1, n1-x1], [x2, n2-x2]]``.

    The sum of the hypergeometric probabilities of every table with the same margins that
    is no more likely than the observed one (with a small relative tolerance, as R does).
    """
    if not n1 or not n2:
        return math.nan
    col = x1 + x2
    total = n1 + n2
    low, high = max(0, col - n2), min(col, n1)
    denominator = _log_choose(total, col)

    def log_p(k: int) -> float:
        return _log_choose(n1, k) + _log_choose(n2, col - k) - denominator

    observed = log_p(x1)
    p = sum(math.exp(log_p(k)) for k in range(low, high + 1) if log_p(k) <= observed + 1e-7)
    return min(1.0, p)


def sign_test(plus: int, minus: int) -> float:
    """Two-sided exact binomial (p = 1/2) test of ``plus`` against ``minus``."""
    n = plus + minus
    if not n:
        return math.nan
    k = min(plus, minus)
    tail = sum(math.exp(_log_choose(n, i) - n * math.log(2)) for i in range(k + 1))
    return min(1.0, 2 * tail)


@dataclass(frozen=True)
class Row:
    """One comparison: labelled against other sentences in one group of articles."""

    group: str
    n_labelled: int
    unique_labelled: int
    n_other: int
    unique_other: int
    z: float
    p_z: float
    p_fisher: float
    articles_plus: int
    articles_minus: int
    p_sign: float

    @property
    def rate_labelled(self) -> float:
        return self.unique_labelled / self.n_labelled if self.n_labelled else math.nan

    @property
    def rate_other(self) -> float:
        return self.unique_other / self.n_other if self.n_other else math.nan


def compare(group: str, table: pd.DataFrame, column: str) -> Row:
    """Unique shares of the sentences of ``table`` with ``column`` True against False."""
    labelled = table[table[column]]
    other = table[~table[column]]
    x1, n1 = int(labelled["unique"].sum()), len(labelled)
    x2, n2 = int(other["unique"].sum()), len(other)
    z, p = z_test(x1, n1, x2, n2)
    plus = minus = 0
    for _, article in table.groupby("doc_id", sort=False):
        flags = article[column]
        if flags.all() or not flags.any():
            continue
        diff = article.loc[flags, "unique"].mean() - article.loc[~flags, "unique"].mean()
        plus += diff > 0
        minus += diff < 0
    return Row(
        group,
        n1,
        x1,
        n2,
        x2,
        z,
        p,
        fisher_exact(x1, n1, x2, n2),
        plus,
        minus,
        sign_test(plus, minus),
    )


# --------------------------------------------------------------------------- report


def _pct(value: float) -> str:
    return "   -  " if math.isnan(value) else f"{100 * value:5.1f}%"


def _p(value: float) -> str:
    if math.isnan(value):
        return "     -"
    return f"{value:6.4f}" if value >= 1e-4 else f"{value:6.0e}"


def format_rows(label: str, rows: Iterable[Row]) -> str:
    """A plain table of the comparisons for one label."""
    head = (
        f"{'outlet':<20} {label + ' n':>7} {'uniq':>5} {'share':>6}   {'other n':>7} {'uniq':>5}"
        f" {'share':>6}   {'diff':>6} {'z':>6} {'p(z)':>6} {'p(Fish)':>7}   {'art +/-':>9}"
        f" {'p(sign)':>7}"
    )
    lines = [head, "-" * len(head)]
    for r in rows:
        diff = r.rate_labelled - r.rate_other
        diff_text = "     -" if math.isnan(diff) else f"{100 * diff:+5.1f}"
        z_text = "     -" if math.isnan(r.z) else f"{r.z:+6.2f}"
        lines.append(
            f"{r.group:<20} {r.n_labelled:>7} {r.unique_labelled:>5} {_pct(r.rate_labelled):>6}"
            f"   {r.n_other:>7} {r.unique_other:>5} {_pct(r.rate_other):>6}"
            f"   {diff_text:>6} {z_text:>6} {_p(r.p_z)} {_p(r.p_fisher):>7}"
            f"   {f'{r.articles_plus}/{r.articles_minus}':>9} {_p(r.p_sign):>7}"
        )
    return "\n".join(lines)


def format_mapping(mapping: Mapping, verbose: bool, examples: int) -> str:
    """Counts of mapped and unmapped spans, by label and by reason."""
    lines = [
        f"Annotation files: {mapping.files} ({mapping.uuid_unusable} whose 'uuid' does not "
        "identify one article; all are matched by file name)",
        f"BASIL body sentences located in framing's text: "
        f"{mapping.basil_sentences - mapping.sentences_not_found - mapping.sentences_empty}/"
        f"{mapping.basil_sentences} ({mapping.sentences_empty} empty strings, "
        f"{mapping.sentences_not_found} not found)",
    ]
    by_label: dict[str, Counter[str]] = defaultdict(Counter)
    for span in mapping.spans:
        by_label[span.bias][span.how if span.mapped else "unmapped"] += 1
    lines.append("Spans by label: mapped (by offsets / by text search) and unmapped")
    for label in sorted(by_label):
        counts = by_label[label]
        mapped = sum(v for k, v in counts.items() if k != "unmapped")
        searched = mapped - counts["offsets"]
        lines.append(
            f"  {label:<4} {sum(counts.values()):>5} spans: {mapped} mapped "
            f"({counts['offsets']} by offsets, {searched} by text search), "
            f"{counts['unmapped']} unmapped"
        )
    multi = sum(len(s.sentences) > 1 for s in mapping.spans)
    lines.append(f"  mapped spans overlapping more than one framing sentence: {multi}")
    reasons = Counter((s.how, s.bias) for s in mapping.spans if not s.mapped)
    if reasons:
        lines.append("Unmapped spans by reason:")
        for (how, bias), count in sorted(reasons.items()):
            lines.append(f"  {count:>5}  {bias:<4} {how}")
    if verbose:
        odd = [s for s in mapping.spans if not s.mapped or s.how != "offsets"]
        if odd:
            lines.append(f"Examples (up to {examples}) of unmapped or text-searched spans:")
        for span in odd[:examples]:
            where = f"sentences {list(span.sentences)}" if span.mapped else "unmapped"
            lines.append(
                f"  {span.doc_id} {span.ann_id} [{span.start}:{span.end}] {span.bias}: "
                f"{span.how}; {where}; txt={span.txt[:70]!r}"
            )
    return "\n".join(lines)


# --------------------------------------------------------------------------- main


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument(
        "--threshold",
        type=float,
        default=DEFAULT_THRESHOLD,
        help=f"align_sentences threshold (default {DEFAULT_THRESHOLD})",
    )
    parser.add_argument("--verbose", action="store_true", help="show examples of unmapped spans")
    parser.add_argument("--examples", type=int, default=10, help="examples under --verbose")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    basil = args.shared / BASIL_SUBDIR
    articles_dir = basil / "articles"
    if not articles_dir.is_dir() or not any(articles_dir.glob("*/*.json")):
        print(
            f"{articles_dir} not found or holds no <year>/*.json articles; put the shared "
            "data folder (with corpus/basil/articles and corpus/basil/annotations) beside "
            "the project or pass --shared",
            file=sys.stderr,
        )
        return 2
    if not (basil / "annotations").is_dir():
        print(f"{basil / 'annotations'} not found", file=sys.stderr)
        return 2

    began = time.perf_counter()
    corpus = framing.load_corpus(
        articles_dir, text="body-paragraphs", outlet="source", story="triplet-uuid"
    )
    analysis = framing.analyse(corpus, features=[])
    alignment = framing.align_sentences(analysis, threshold=args.threshold)

    texts = dict(zip(corpus.articles["doc_id"], corpus.articles["text"], strict=True))
    bounds: dict[str, list[tuple[int, int]]] = defaultdict(list)
    aligned = set(alignment["doc_id"])
    sentences = analysis.sentences.sort_values(["doc_id", "sentence"])
    for doc, start, end in zip(
        sentences["doc_id"], sentences["start"], sentences["end"], strict=True
    ):
        if doc in aligned:
            bounds[doc].append((int(start), int(end)))
    mapping = map_annotations(basil, texts, bounds)

    keys = list(zip(alignment["doc_id"], alignment["sentence"], strict=True))
    for label in LABELS:
        alignment[label] = [label in mapping.labels.get(k, ()) for k in keys]
    content_free = alignment[alignment["compared"] & alignment["unique"].isna()]
    compared = alignment[alignment["compared"] & alignment["unique"].notna()].copy()
    compared["unique"] = compared["unique"].astype(bool)
    keyness = framing.find_distinctive_words(analysis, within="story", min_count=2, top=10)
    seconds = time.perf_counter() - began

    print(f"BASIL sentence alignment (threshold {args.threshold}), {seconds:.1f} s")
    print(
        f"Articles: {len(corpus.articles)} loaded, {len(corpus.errors)} load errors, "
        f"{len(analysis.errors)} analysis errors, {alignment['doc_id'].nunique()} aligned "
        f"(counted) in {alignment['story'].nunique()} stories"
    )
    excluded = alignment[~alignment["compared"]]
    print(
        f"Sentences: {len(alignment)} aligned; {len(excluded)} excluded (story with no other "
        f"outlet to compare with: {excluded['doc_id'].nunique()} articles, "
        f"{int(excluded['inf'].sum())} inf, {int(excluded['lex'].sum())} lex); "
        f"{len(compared)} compared, {int(compared['unique'].sum())} unique "
        f"({_pct(compared['unique'].mean() if len(compared) else math.nan).strip()})"
    )
    print(
        f"Left out: {len(content_free)} compared sentences with no content word "
        f"({int(content_free['inf'].sum())} inf, {int(content_free['lex'].sum())} lex), "
        "whose unique flag is empty"
    )
    stories = keyness.groupby("group")["story"].nunique()
    print(
        "Distinctive words within each story (min_count 2, top 10 per outlet): "
        + ", ".join(f"{outlet} {n} stories" for outlet, n in stories.items())
    )
    print()
    print(format_mapping(mapping, args.verbose, args.examples))
    both = int((compared["inf"] & compared["lex"]).sum())
    print(f"Compared sentences with both an inf and a lex span: {both}")
    for label in LABELS:
        rows = [compare("all outlets", compared, label)]
        for outlet in sorted(compared["outlet"].unique()):
            rows.append(compare(outlet, compared[compared["outlet"] == outlet], label))
        print()
        print(f"Unique share: sentences with a {label} span against all other sentences")
        print(format_rows(label, rows))
    print()
    print(
        "share = unique / n; diff in percentage points; p(z) two-proportion z-test, p(Fish) "
        "Fisher exact, both two-sided and treating sentences as independent; art +/- = "
        "articles whose labelled sentences are more / less often unique than their other "
        "sentences (ties left out), p(sign) exact sign test over them."
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
