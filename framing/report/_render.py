"""The report: one self-contained HTML page (styles inline, plots embedded as data: PNGs,
no script, a Content-Security-Policy that forbids any request), and the same page as a
PDF through WeasyPrint.

Every piece of article text and metadata reaches the page through Jinja2's autoescaping
or :func:`markupsafe.escape`; an article that contains ``<script>`` shows that text.
"""

from __future__ import annotations

import base64
import io
import re
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from .._defaults import DEFAULT_MAX_ARTICLES
from .._progress import Stages
from .._version import __version__
from ..comparison import (
    BETWEEN,
    DEFAULT_THRESHOLD,
    WITHIN,
    Measure,
    compare,
    groups_of,
    measure_table,
    measures_for,
    with_outlet_column,
)
from ..errors import ArgumentError, MissingDependencyError
from ..features import LEDE_SENTENCES, option_labels
from ..features.sentiment import NEGATIVE_THRESHOLD, POSITIVE_THRESHOLD
from ..validation import Reliability, corrected_comparison
from . import _format, _plot_emphasis, _plot_story, _plot_tone, _plot_voices
from ._annotate import article_view, unique_by_sentence
from ._evidence import EXAMPLES_PER_OUTLET, EvidenceBuilder
from ._findings import Finding, findings
from ._format import Q_MARK
from ._labels import story_labels
from ._methods import collect, relative_origin
from ._over_time import over_time

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from ..analysis import Analysis


def _shown_alignment(analysis: Analysis, shown: pd.DataFrame) -> pd.DataFrame | None:
    """The alignment of the stories of the articles shown, not of the whole corpus; none
    for unlabelled articles too many to be one story (see ``_plot_story.UNLABELLED_MAX``)."""
    if shown.empty:
        return None
    counted = analysis.counted
    has_story = "story" in counted.columns
    stories = set(shown["story"].dropna()) if has_story else set()
    unlabelled = int(counted["story"].isna().sum()) if has_story else len(counted)
    if (not has_story or shown["story"].isna().any()) and unlabelled <= _plot_story.UNLABELLED_MAX:
        stories.add(None)
    if not stories:
        return None
    return _plot_story.story_alignment(analysis, list(stories))


@dataclass
class _Figure:
    png: str
    caption: str


def render_report_html(
    analysis: Analysis,
    *,
    title: str | None = None,
    by: str = "outlet",
    reference: str | None = None,
    comparison: pd.DataFrame | None = None,
    max_articles: int | None = DEFAULT_MAX_ARTICLES,
    story: str | None = None,
    seed: int = 0,
    min_n: int = 5,
    level: float = 0.95,
    progress: bool = False,
    validation: Reliability | Sequence[Reliability] | None = None,
) -> str:
    """The report as one self-contained HTML page.

    Args:
        analysis: From :func:`framing.analyse`.
        title: The page's title (default: "How <n> outlets covered <corpus>").
        by: The column naming the groups compared.
        reference: The group the others are compared with (default: each against the
            pooled rest); see :func:`framing.compare`.
        comparison: A table from :func:`framing.compare` to report instead of computing
            one with the defaults; the page then takes ``by`` and ``reference`` from it.
        max_articles: Most counted articles shown annotated (None or 0: all). Tables,
            plots and evidence always cover every counted article.
        story: The story drawn in the story map (default: the one most outlets cover).
        seed: Seed of the bootstrap and permutation draws.
        min_n: Fewest articles a side for inference (see :func:`framing.compare`).
        level: Confidence level of the intervals.
        progress: Show a progress bar over the report's stages (comparison, evidence,
            plots, annotated articles).
        validation: Scores of coded sheets (:func:`framing.reliability`), one or
            several (a sentence sheet and an attribution sheet): the page then has a
            section with the coders' agreement, framing's accuracy overall and per
            outlet, and the differences the coders checked corrected by their findings
            (:func:`framing.corrected_comparison`); each finding whose measure they
            checked says so, and is marked where the measured error could explain it.

    Returns:
        The HTML text.

    Raises:
        ArgumentError: ``max_articles`` is negative, or ``reference`` or ``story`` is
            not in the analysis.
    """
    if max_articles is not None and max_articles < 0:
        raise ArgumentError(
            f"max_articles={max_articles}: give 0 or more (0 or None shows every article)"
        )
    stages = Stages(progress, _STAGES, "report")
    stages.start("comparing")
    if comparison is None:
        table = compare(analysis, by=by, reference=reference, seed=seed, min_n=min_n, level=level)
    else:
        table = comparison
        # The page describes the table it shows: its grouping and reference.
        by = table.attrs.get("by", by)
        reference = table.attrs.get("reference", reference)
    results = _results(validation)
    corrected = (
        corrected_comparison(analysis, results, table, level=level, seed=seed) if results else None
    )
    table = with_outlet_column(table)  # the page reads every grouping alike
    measures = measure_table(analysis, by)
    by_feature = {m.feature: m for m in measures_for(analysis)}
    groups = groups_of(measures, by)
    counted = analysis.counted.copy()
    counted["_order"] = counted[by].astype("string")
    shown = counted.sort_values(
        [c for c in ("story", "_order", "doc_id") if c in counted.columns], kind="stable"
    )
    if max_articles:
        shown = shown.head(max_articles)
    anchors = {doc: f"doc-{i + 1}" for i, doc in enumerate(shown["doc_id"])}
    stages.done()
    stages.start("main differences and their evidence")
    summary = findings(table, measures, by_feature, EvidenceBuilder(analysis, by, anchors))
    if corrected is not None:
        _mark_checked(summary, corrected, by_feature, level)
    stages.done()
    attrs = table.attrs or {}
    level = float(attrs.get("level", 0.95))
    min_n = int(attrs.get("min_n", 5))
    n_boot = int(attrs.get("n_boot", 2000))
    plural = _plural(by)
    reference_text = f"the {by} {reference}" if reference else f"all other {plural} pooled"
    thresholds = {
        "one version per version group counted": "yes",
        "lede (sentences weighted 1 with the headline)": LEDE_SENTENCES,
        "later sentence i weighs": "1 / (1 + i)",
        "VADER positive / negative sentence": f"≥ {POSITIVE_THRESHOLD} / ≤ {NEGATIVE_THRESHOLD}",
        "alignment: shared when best match scores ≥": DEFAULT_THRESHOLD,
        "inference needs at least (values a side)": min_n,
        "bootstrap resamples and permutations": n_boot,
        "confidence level": level,
        "random seed": attrs.get("seed", seed),
        "reference": reference_text,
        "▲/▼ and main differences: q below": Q_MARK,
        **{
            ("researcher's lexicon file" if label == "lexicon file" else label): _file_name(
                analysis.settings.get(name)
            )
            for name, label in option_labels().items()
        },
        "stories": _stories_line(analysis),
        "people merged across the corpus (table actor_merges)": _merges_line(analysis),
        "longest article analysed (characters)": analysis.settings.get("max_chars"),
        "CPU seconds an article may take": analysis.settings.get("max_seconds"),
    }
    stories = counted["story"].dropna().nunique() if "story" in counted.columns else 0
    inferential = (table["basis"] == "inferential").any()
    sizes = {g: int((measures[by] == g).sum()) for g in groups}
    context = {
        "title": title or _default_title(analysis, groups, by),
        # framing's own stylesheet, not data: the one string the page takes unescaped.
        "css": Markup(
            resources.files("framing.report").joinpath("templates/report.css").read_text()
        ),
        "version": _framing_version(),
        "generated": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "groups": groups,
        "by": by,
        "by_plural": plural,
        "n_counted": len(counted),
        "n_stories": stories,
        "min_n": min_n,
        "level_pct": f"{level * 100:g}",
        "n_boot": n_boot,
        "q_mark": Q_MARK,
        "reference_text": reference_text,
        "within_reference": (
            f"{reference} in the same story"
            if reference
            else f"the mean of the other {plural} in the same story"
        ),
        "counted_note": "one version per version group counted",
        "descriptive_only": not inferential,
        # one group: nothing to compare it with, said plainly
        "single": str(groups[0]) if len(groups) == 1 else None,
        "small_groups": [(g, n) for g, n in sizes.items() if n < min_n],
        "inferential": inferential,
        "findings": summary,
        "examples": EXAMPLES_PER_OUTLET,
        "side_by_side": _side_by_side(table, groups, by_feature),
        "within": _within_rows(table, groups, by_feature),
        "figures": _staged(stages, "plots", lambda: _figures(analysis, by, story)),
        "over_time": _staged(
            stages, "over time", lambda: _over_time(analysis, by, min_n, level, seed)
        ),
        "articles": _staged(
            stages, "annotated articles", lambda: _articles(analysis, shown, anchors)
        ),
        "articles_total": len(counted),
        "articles_hidden": len(shown) < len(counted),
        "threshold": DEFAULT_THRESHOLD,
        "methods": collect(analysis, thresholds),
        "source": _file_name(getattr(analysis.corpus, "source", None), "a table given in Python"),
        "errors": [
            {
                **e,
                "origin": relative_origin(
                    e.get("origin"), getattr(analysis.corpus, "source", None)
                ),
            }
            for e in analysis.errors.to_dict("records")
        ],
        "validation": _validation(results, corrected, by_feature),
        "full_columns": _FULL_COLUMNS,
        "full_rows": _full_rows(table),
    }
    stages.start("page")
    page = _environment().get_template("report.html.j2").render(**context)
    stages.done()
    stages.close()
    return page


def report_html(*args: Any, **kwargs: Any) -> str:
    """Deprecated name of :func:`render_report_html` (public functions are verbs); it
    goes in framing 0.3."""
    warnings.warn(
        "framing.report_html is now framing.render_report_html; the old name goes in framing 0.3",
        DeprecationWarning,
        stacklevel=2,
    )
    return render_report_html(*args, **kwargs)


_STAGES = [
    "comparing",
    "main differences and their evidence",
    "plots",
    "over time",
    "annotated articles",
    "page",
]


def _staged(stages: Stages, name: str, make: Callable[[], Any]) -> Any:
    stages.start(name)
    value = make()
    stages.done()
    return value


def render_report(
    analysis: Analysis,
    path: str | PathLike[str],
    **options: Any,
) -> Path:
    """Write the report to ``path``: HTML for ``.html``, PDF for ``.pdf``.

    The PDF is the HTML page laid out for print by WeasyPrint (``pip install
    "framing[pdf]"``; it needs the Pango library, see the README).

    Args:
        analysis: From :func:`framing.analyse`.
        path: Where to write; the folder is created if needed.
        **options: Passed to :func:`render_report_html` (``title``, ``reference``,
            ``progress``, …).

    Returns:
        The path written.

    Raises:
        ArgumentError: The suffix is neither ``.html`` nor ``.pdf``.
        MissingDependencyError: A PDF is asked for and WeasyPrint is not installed.

    Example:
        >>> framing.render_report(analysis, "reports/gaza.html")  # doctest: +SKIP
    """
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in (".html", ".htm", ".pdf"):
        raise ArgumentError(
            f"{target}: a report is written as .html or .pdf; change the file name's suffix"
        )
    write_pdf = _pdf_writer() if suffix == ".pdf" else None
    html = render_report_html(analysis, **options)
    target.parent.mkdir(parents=True, exist_ok=True)
    if write_pdf is None:
        target.write_text(html, encoding="utf-8")
    else:
        stages = Stages(bool(options.get("progress")), ["laying out the PDF"], "report")
        stages.start("laying out the PDF (a minute for a few hundred pages)")
        write_pdf(html, target)
        stages.done()
        stages.close()
    return target


def _pdf_writer() -> Callable[[str, Path], None]:
    try:
        from weasyprint import HTML, URLFetcher
    except ImportError as exc:  # missing package, or Pango missing under it
        raise MissingDependencyError(
            f"a PDF report needs WeasyPrint ({exc}); install it with "
            "'pip install \"framing[pdf]\"' (it needs the Pango library: see the README), "
            "or write .html"
        ) from exc

    def write(html: str, target: Path) -> None:
        # The page embeds everything as data: URLs; any other would be a request.
        offline = URLFetcher(allowed_protocols={"data"}, fail_on_errors=True)
        HTML(string=html, url_fetcher=offline).write_pdf(target)

    return write


def _results(validation: Reliability | Sequence[Reliability] | None) -> list[Reliability]:
    if validation is None:
        return []
    return [validation] if isinstance(validation, Reliability) else list(validation)


def _mark_checked(
    summary: list[Finding], corrected: pd.DataFrame, by_feature: dict, level: float
) -> None:
    """Each finding whose measure coders checked: its difference corrected by what they
    found, and whether the measured error could explain it."""
    group = corrected.columns[0]
    rows = corrected.set_index(["feature", group])
    for f in summary:
        if (f.feature, f.outlet) not in rows.index:
            continue
        r = rows.loc[(f.feature, f.outlet)]
        unit = by_feature[f.feature].unit
        bounds = _format.interval(
            r["diff_corrected_ci_low"], r["diff_corrected_ci_high"], unit, signed=True
        )
        f.within_error = bool(r["error_could_explain"])
        f.checked = (
            f"Checked by coders ({r['code']}, {r['coded_units']} units): corrected by what "
            f"they found framing's labels to hold, the difference is "
            f"{_format.difference(r['diff_corrected'], unit)}"
            + (f" ({level * 100:g}% interval of the correction {bounds})" if bounds else "")
            + (
                "; the measured error could explain it."
                if f.within_error
                else "; it stands beyond the measured error."
            )
        )


def _validation(
    results: list[Reliability], corrected: pd.DataFrame | None, by_feature: dict
) -> dict[str, Any] | None:
    """The validation section's rows, numbers written as a reader wants them."""
    if not results:
        return None

    def num(value: object) -> str:
        return "–" if value is None or pd.isna(value) else f"{float(value):.2f}"

    agreement, labels = [], []
    for result in results:
        right = result.accuracy[result.accuracy["label"] == "all"].set_index(["code", "outlet"])
        for r in result.agreement.itertuples(index=False):
            interval = (
                f" [{num(r.alpha_ci_low)}, {num(r.alpha_ci_high)}]"
                if not pd.isna(r.alpha_ci_low)
                else ""
            )
            share = right["f1"].get((r.code, r.outlet))
            support = right["support"].get((r.code, r.outlet))
            agreement.append(
                {
                    "code": r.code,
                    "outlet": r.outlet,
                    "units": r.units,
                    "coders": r.coders,
                    "alpha": num(r.alpha) + interval,
                    "agreement": num(r.percent_agreement),
                    "with_framing": num(r.alpha_with_framing),
                    "right": f"{num(share)} of {support}" if support else "–",
                }
            )
        labels += [
            {
                "code": r.code,
                "label": r.label,
                "support": r.support,
                "predicted": r.predicted,
                "precision": num(r.precision),
                "recall": num(r.recall),
                "f1": num(r.f1),
            }
            for r in result.accuracy.itertuples(index=False)
            if r.outlet == "all" and r.label != "all"
        ]
    checked = []
    if corrected is not None:
        group = corrected.columns[0]
        for r in corrected.to_dict("records"):
            unit = by_feature[r["feature"]].unit
            checked.append(
                {
                    "outlet": r[group],
                    "label": r["label"],
                    "reference": r["reference"],
                    "diff": _format.difference(r["diff"], unit),
                    "corrected": _format.difference(r["diff_corrected"], unit),
                    "interval": _format.interval(
                        r["diff_corrected_ci_low"], r["diff_corrected_ci_high"], unit, signed=True
                    ),
                    "within_error": bool(r["error_could_explain"]),
                }
            )
    return {
        "sample_id": ", ".join(r.sample_id for r in results),
        "coders": list(dict.fromkeys(c for r in results for c in r.coders)),
        "level_pct": f"{results[0].level * 100:g}",
        "interval": _interval_text(results),
        "agreement": agreement,
        "labels": labels,
        "checked": checked,
    }


def _interval_text(results: list[Reliability]) -> str:
    """How α's intervals were drawn, in words."""
    kinds = {kind for r in results for kind in r.agreement.get("interval", pd.Series()) if kind}
    words = {
        "pairs": "pairs of values resampled as Hayes & Krippendorff 2007 do",
        "units": "units resampled",
    }
    return "; ".join(words[k] for k in sorted(kinds)) or "none drawn"


def _plural(word: str) -> str:
    return word[:-1] + "ies" if word.endswith("y") else word + "s"


#: The grouping's settings as the analysis's notes state them.
_GROUPING_SETTINGS = re.compile(r"(?:window [\d.]+ days|dates ignored), threshold [\d.]+")


def _stories_line(analysis: Analysis) -> str:
    """Where the stories come from, for the methods."""
    counted = analysis.counted
    source = counted.get("story_source", pd.Series(dtype="string")).dropna()
    n = counted["story"].dropna().nunique() if "story" in counted.columns else 0
    if not n:
        return "none: every counted article compared as one pool, no paired comparison"
    # The analysis's notes say how (framing's own words: the settings, or a table).
    settings = [
        m.group() for note in analysis.notes for m in [_GROUPING_SETTINGS.search(note)] if m
    ]
    table = any("given their story from a table" in note for note in analysis.notes)
    if (source == "grouped").any():
        how = f"framing.group_stories, {settings[-1]}" if settings else "framing.group_stories"
        how += "; the grouping passed to analyse" if table else ""
        by = "content" if "dates ignored" in how else "content and date"
        return f"{n} grouped by framing from {by} ({how})"
    return f"{n} given by {'a table passed to analyse' if table else 'the corpus'}"


def _merges_line(analysis: Analysis) -> str:
    """How many names the corpus merge renamed and left alone, for the methods."""
    if "actors" not in analysis.spans:
        return "not run"
    merges = analysis.actor_merges
    moved = merges[merges["actor"] != merges["name"]]
    alone = merges[merges["how"] == "left alone"]
    n, left = moved["name"].nunique(), alone["name"].nunique()
    return f"{n} {'name' if n == 1 else 'names'} renamed; {left} left alone (two people share them)"


def _file_name(path: object, missing: str = "none") -> str:
    """A file's name, not where it sat on the researcher's machine: reports travel."""
    return Path(str(path)).name if path else missing


def _framing_version() -> str:
    return __version__


def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("framing.report", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return env


def corpus_name(source: object) -> str:
    """A short name for a corpus: its folder or file name, or the folder above a folder
    called "articles" (BASIL's ``basil/articles`` is "basil")."""
    if not source:
        return "the corpus"
    path = Path(str(source))
    return path.parent.name if path.name in ("articles", "texts", "data") else path.stem


def _default_title(analysis: Analysis, groups: list[str], by: str) -> str:
    """The page's title from what the corpus holds, not from where it was stored: who
    (the groups, named where there are up to three) covered what (its stories, or its
    articles)."""
    if len(groups) == 1:
        who = str(groups[0])
    elif len(groups) <= 3:
        names = [str(g) for g in groups]
        who = ", ".join(names[:-1]) + " and " + names[-1]
    else:
        who = f"{len(groups)} {_plural(by)}"
    counted = analysis.counted
    stories = counted["story"].dropna().nunique() if "story" in counted.columns else 0
    if stories == 1:
        story = str(counted["story"].dropna().iloc[0])
        label = story_labels(counted, [story])[story]
        what = label if label != story else f"the story {story}"
    elif stories:
        what = f"{stories} stories"
    else:
        what = f"{len(counted)} article{'s' if len(counted) != 1 else ''}"
    return f"How {who} covered {what}"


def _figures(analysis: Analysis, by: str, story: str | None) -> list[_Figure]:
    has_angles = "emphasis" in analysis.spans and (analysis.emphasis["kind"] == "angle").any()
    plots: list[tuple[Callable[[], Figure], str]] = [
        (
            lambda: _plot_voices.plot_source_mix(analysis, by=by),
            "Who speaks: the share of attributions by source type.",
        ),
        (
            lambda: _plot_tone.plot_hedges_boosters(analysis, by=by),
            "How sure it sounds: hedges and boosters per 1,000 words, per article and mean.",
        ),
        (
            lambda: _plot_tone.plot_sentiment(analysis, by=by),
            "How it feels: VADER compound of every sentence (−1 negative to 1 positive).",
        ),
        (
            lambda: _plot_emphasis.plot_emphasis(analysis, kind="frame", by=by),
            "What it puts first: generic news frames, share of position-weighted cues "
            "(headline and lede weigh most).",
        ),
    ]
    if has_angles:
        plots.append(
            (
                lambda: _plot_emphasis.plot_emphasis(analysis, kind="angle", by=by),
                "The story's angles (the researcher's angles file), share of "
                "position-weighted cues.",
            )
        )
    plots += [
        (
            lambda: _plot_voices.plot_actor_prominence(analysis, by=by),
            "Who is mentioned: the most prominent actors, mean position-weighted mentions per "
            "article.",
        ),
        (
            lambda: _plot_emphasis.plot_distinctive_words(analysis, by=by),
            "What each says: distinctive words (log-odds with an informative Dirichlet prior, "
            "Monroe et al. 2008; z-scores).",
        ),
        (
            lambda: _plot_story.plot_story_map(analysis, story=story),
            "What each leaves out: sentences unique to one outlet (dark) or shared with another "
            "(light), in article order.",
        ),
    ]
    return [_Figure(_png(make()), caption) for make, caption in plots]


def _over_time(
    analysis: Analysis, by: str, min_n: int, level: float, seed: int
) -> dict[str, Any] | None:
    """The "Over time" section, where the counted articles span enough periods (see
    :func:`._over_time.over_time`): its figures as PNG, why its period, its notes."""
    section = over_time(analysis, by, min_n=min_n, level=level, seed=seed)
    if section is None:
        return None
    return {
        "why": section.why,
        "notes": section.notes,
        "figures": [_Figure(_png(fig), caption) for fig, caption in section.figures],
    }


def _png(figure: Figure) -> str:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=170, bbox_inches="tight", facecolor="white")
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def _articles(analysis: Analysis, shown: pd.DataFrame, anchors: dict[str, str]) -> list[Any]:
    texts = analysis.corpus.articles.set_index("doc_id")["text"]
    sentences = analysis.sentences
    by_doc = {d: s for d, s in sentences.groupby("doc_id", sort=False)}
    alignment = _shown_alignment(analysis, shown)
    labels = story_labels(analysis.counted, shown["story"].dropna() if "story" in shown else ())
    views = []
    previous = None
    for _, article in shown.iterrows():
        doc_id = article["doc_id"]
        story = article.get("story")
        story = None if story is None or pd.isna(story) else str(story)
        view = article_view(
            anchors[doc_id],
            article,
            str(texts.get(doc_id, "")),
            by_doc.get(doc_id, sentences.iloc[0:0]),
            analysis.spans,
            unique_by_sentence(alignment, doc_id),
            labels.get(story) if story is not None else None,
        )
        if story is not None and story != previous:
            view.story_heading = labels.get(story, story)
        previous = story
        views.append(view)
    return views


@dataclass
class _Cell:
    text: str
    css: str = ""


@dataclass
class _Row:
    label: str
    cells: list[_Cell]


@dataclass
class _Family:
    name: str
    rows: list[_Row]


def _mean_cell(row: pd.Series | None, unit: str) -> _Cell:
    if row is None or pd.isna(row["mean"]):
        return _Cell("–")
    text = _format.value(row["mean"], unit)
    if not pd.isna(row["ci_low"]):
        text += f" [{_format.interval(row['ci_low'], row['ci_high'], unit)}]"
    text += f" (n={row['n']})"
    return _Cell(text, _format.mark(row))


def _diff_cell(row: pd.Series | None, unit: str) -> _Cell:
    if row is None:
        return _Cell("–")
    text = _format.difference(row["diff"], unit)
    if row["basis"] == "inferential":
        text += f" [{_format.interval(row['diff_ci_low'], row['diff_ci_high'], unit, signed=True)}]"
        if not pd.isna(row["effect_size"]):
            text += f" d_z {row['effect_size']:.2f}"
    text += f" ({row['n']} stories)"
    return _Cell(text, _format.mark(row))


def _grid(
    table: pd.DataFrame, kind: str, groups: list[str], measures: dict[str, Measure], cell: Any
) -> list[_Family]:
    """One row per feature, one cell per group, grouped by feature family."""
    families: dict[str, _Family] = {}
    for feature, rows in table[table["comparison"] == kind].groupby("feature", sort=False):
        first = rows.iloc[0]
        by_group = {r["outlet"]: r for _, r in rows.iterrows()}
        unit = _format.unit_of(str(feature), measures)
        family = families.setdefault(first["family"], _Family(first["family"], []))
        family.rows.append(_Row(first["label"], [cell(by_group.get(g), unit) for g in groups]))
    return list(families.values())


def _side_by_side(table: pd.DataFrame, groups: list[str], measures: dict) -> list[_Family]:
    return _grid(table, BETWEEN, groups, measures, _mean_cell)


def _within_rows(table: pd.DataFrame, groups: list[str], measures: dict) -> list[_Row]:
    return [row for f in _grid(table, WITHIN, groups, measures, _diff_cell) for row in f.rows]


_FULL_COLUMNS = (
    "feature",
    "comparison",
    "outlet",
    "n",
    "mean",
    "CI",
    "reference",
    "ref. mean",
    "diff",
    "diff CI",
    "effect",
    "p",
    "q",
    "basis",
)


def _full_rows(table: pd.DataFrame) -> list[list[str]]:
    def num(v: float) -> str:
        return "" if pd.isna(v) else f"{v:.3f}"

    def bounds(low: float, high: float) -> str:
        return "" if pd.isna(low) else f"{num(low)} to {num(high)}"

    out = []
    for r in table.itertuples(index=False):
        out.append(
            [
                r.feature,
                r.comparison,
                r.outlet,
                str(r.n),
                num(r.mean),
                bounds(r.ci_low, r.ci_high),
                r.reference,
                num(r.reference_mean),
                num(r.diff),
                bounds(r.diff_ci_low, r.diff_ci_high),
                f"{r.effect_measure} {r.effect_size:.2f}" if r.effect_measure else "",
                "" if pd.isna(r.p_value) else _format.p_value(r.p_value),
                "" if pd.isna(r.q_value) else _format.p_value(r.q_value),
                r.basis,
            ]
        )
    return out
