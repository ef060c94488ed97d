"""The notebooks run top to bottom, show what their prose promises, and are stored clean.

The tests that execute a notebook are named ``test_notebook_*``: select them with
``-k test_notebook_`` or leave them out with ``-k "not test_notebook_"``. The seed-story,
BASIL and validation notebooks read ``../shared`` and skip, with a message, where it is
absent.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pandas as pd
import pytest
from nbclient import NotebookClient

REPO = Path(__file__).resolve().parents[1]
NOTEBOOKS = REPO / "notebooks"
# Seconds per cell; the slowest cell, BASIL's analysis, takes well under a minute.
CELL_TIMEOUT = 600
DEMO_OUTLETS = ("Estuary Observer", "Marrowick Courier", "Northgate Dispatch")
BASIL_OUTLETS = ("Fox News", "HuffPost", "The New York Times")


def execute(name: str) -> nbformat.NotebookNode:
    """Run notebooks/``name`` as Jupyter does, from the notebooks folder; a failing cell raises."""
    notebook = nbformat.read(NOTEBOOKS / name, as_version=4)
    client = NotebookClient(
        notebook,
        timeout=CELL_TIMEOUT,
        kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOKS)}},
    )
    client.execute()
    return notebook


def outputs(notebook: nbformat.NotebookNode) -> list[nbformat.NotebookNode]:
    return [output for cell in notebook.cells for output in cell.get("outputs", [])]


def shown_text(notebook: nbformat.NotebookNode) -> str:
    """Everything the notebook printed or displayed as text: streams, reprs, HTML tables."""
    parts = []
    for output in outputs(notebook):
        if output.output_type == "stream":
            parts.append(output.text)
        elif output.output_type in ("execute_result", "display_data"):
            parts.append(output.data.get("text/plain", ""))
            parts.append(output.data.get("text/html", ""))
    return "\n".join(parts)


def shown_by_cell(notebook: nbformat.NotebookNode, snippet: str) -> str:
    """What the one code cell whose source holds ``snippet`` printed or displayed."""
    (cell,) = [c for c in notebook.cells if c.cell_type == "code" and snippet in c.source]
    return shown_text(nbformat.v4.new_notebook(cells=[cell]))


def files_under(folder: Path) -> dict[Path, int]:
    """Every file under ``folder`` with its modification time: to see that none changed."""
    return {p: p.stat().st_mtime_ns for p in folder.rglob("*") if p.is_file()}


def n_figures(notebook: nbformat.NotebookNode) -> int:
    return sum("image/png" in output.get("data", {}) for output in outputs(notebook))


def assert_figures_drawn(notebook: nbformat.NotebookNode, expected: int) -> None:
    """Every figure a cell returns is drawn as an image, once; not shown as "<Figure …>"."""
    as_text = [
        cell.source
        for cell in notebook.cells
        for output in cell.get("outputs", [])
        if output.get("data", {}).get("text/plain", "").startswith("<Figure")
        and "image/png" not in output.data
    ]
    # In a fresh kernel IPython draws a matplotlib Figure only once a PNG formatter for it
    # is registered (pyplot's inline backend does that); a bare Figure prints as text.
    assert as_text == [], "these cells show their figure as text, not as an image"
    assert n_figures(notebook) == expected


def assert_ran_cleanly(notebook: nbformat.NotebookNode) -> None:
    errors = [output for output in outputs(notebook) if output.output_type == "error"]
    assert errors == []
    unrun = [
        index
        for index, cell in enumerate(notebook.cells)
        if cell.cell_type == "code" and cell.execution_count is None
    ]
    assert unrun == []


def code_cells(name: str) -> list[nbformat.NotebookNode]:
    notebook = nbformat.read(NOTEBOOKS / name, as_version=4)
    return [cell for cell in notebook.cells if cell.cell_type == "code"]


@pytest.mark.parametrize("path", sorted(NOTEBOOKS.glob("*.ipynb")), ids=lambda path: path.name)
def test_stored_notebook_has_no_outputs_or_execution_counts(path: Path) -> None:
    notebook = nbformat.read(path, as_version=4)
    nbformat.validate(notebook)
    dirty = [
        index
        for index, cell in enumerate(notebook.cells)
        if cell.cell_type == "code" and (cell.outputs or cell.execution_count is not None)
    ]
    assert dirty == [], f"{path.name}: clear the outputs of cells {dirty} before committing"


def test_quickstart_has_exactly_ten_code_cells() -> None:
    assert len(code_cells("01-quickstart.ipynb")) == 10


@pytest.mark.parametrize(
    "name",
    [
        "02-uk-officers-gaza.ipynb",
        "03-basil-paired.ipynb",
        "04-validation.ipynb",
        "05-stories-and-time.ipynb",
    ],
)
def test_first_code_cell_is_tagged_parameters(name: str) -> None:
    assert "parameters" in code_cells(name)[0].metadata.get("tags", [])


def test_notebook_quickstart_writes_the_demo_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FRAMING_REPORTS", str(tmp_path))
    in_repo = REPO / "reports" / "demo.html"
    before = in_repo.stat().st_mtime_ns if in_repo.exists() else None

    notebook = execute("01-quickstart.ipynb")

    assert_ran_cleanly(notebook)
    report = tmp_path / "demo.html"
    assert report.is_file()
    html = report.read_text(encoding="utf-8")
    assert all(outlet in html for outlet in DEMO_OUTLETS)
    after = in_repo.stat().st_mtime_ns if in_repo.exists() else None
    assert after == before, "the quickstart wrote into reports/ despite FRAMING_REPORTS"
    text = shown_text(notebook)
    assert "11 articles" in text and "0 errors" in text
    assert all(outlet in text for outlet in DEMO_OUTLETS)
    # The anonymous attributions of Northgate Dispatch, listed by article.
    assert "northgate-dispatch-1" in text
    assert f"Report written to {report}" in text
    # Two plots, each displayed once.
    assert_figures_drawn(notebook, 2)


def test_notebook_uk_officers_gaza_sets_the_two_outlets_side_by_side(shared_dir: Path) -> None:
    notebook = execute("02-uk-officers-gaza.ipynb")

    assert_ran_cleanly(notebook)
    text = shown_text(notebook)
    assert "The Independent" in text and "The National" in text
    # Two captures of one Independent article: three analysed, one per outlet counted.
    assert "3 articles analysed, 2 counted:" in text
    counted = re.findall(r"^  (The Independent|The National): (\w+)$", text, flags=re.MULTILINE)
    assert sorted(outlet for outlet, _ in counted) == ["The Independent", "The National"]
    assert "descriptive only" in text
    # Source mix, hedges and boosters, sentiment, angles, actor prominence.
    assert_figures_drawn(notebook, 5)


def test_notebook_basil_paired_covers_100_three_outlet_stories(shared_dir: Path) -> None:
    notebook = execute("03-basil-paired.ipynb")

    assert_ran_cleanly(notebook)
    text = shown_text(notebook)
    assert "articles: 300" in text
    assert f"outlets: {', '.join(BASIL_OUTLETS)}" in text
    assert "stories: 100, covered by all 3 outlets: 100" in text
    assert "within stories" in text
    assert "0 errors" in text
    # The paired differences with their intervals.
    assert_figures_drawn(notebook, 1)


def test_notebook_stories_groups_basil_without_its_labels_and_follows_it_over_time(
    shared_dir: Path,
) -> None:
    before = files_under(REPO / "reports") | files_under(NOTEBOOKS)

    notebook = execute("05-stories-and-time.ipynb")

    assert_ran_cleanly(notebook)
    assert files_under(REPO / "reports") | files_under(NOTEBOOKS) == before
    text = shown_text(notebook)
    assert "300 articles; with a story label: 0" in text
    assert "300 articles grouped into 98 stories by content and date" in text
    # Against BASIL's triplets: the README's figures (precision 0.943, recall 1) are two
    # pairs of triplets merged and none split: 96 x 3 + 2 x 15 pairs claimed, 300 true.
    check = shown_by_cell(notebook, "triplets_per_story = ")
    assert "98 stories found for 100 triplets" in check
    assert "exactly one triplet: 96" in check
    assert "stories that merged triplets: 2" in check
    assert "triplets split over stories: 0" in check
    # The paired rows exist on the grouped stories, and the time figures are drawn.
    # (a row per outlet, shown as text and as HTML)
    within = shown_by_cell(notebook, "within = comparison[")
    assert within.count("anonymous sources, share of attributions") == 2 * 3
    assert within.count("hedged sentences, share of sentences") == 2 * 3
    assert_figures_drawn(notebook, 2)
    tone = shown_by_cell(notebook, "tone = yearly")
    assert "2010" in tone and "2019" in tone
    assert (
        "given their story from a table (framing.group_stories, window 3 days, "
        "threshold 0.3)" in text
    )


def test_notebook_validation_draws_sheets_scores_two_coders_and_reports(
    shared_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FRAMING_REPORTS", str(tmp_path))
    # Everything goes to FRAMING_REPORTS: nothing to reports/, nor beside the notebook.
    before = files_under(REPO / "reports") | files_under(NOTEBOOKS)

    notebook = execute("04-validation.ipynb")

    assert_ran_cleanly(notebook)
    assert files_under(REPO / "reports") | files_under(NOTEBOOKS) == before
    # A workbook, its rows as CSV and a codebook for each of the three BASIL sheets.
    coding = tmp_path / "basil-coding"
    written = sorted(path.name for path in coding.iterdir())
    assert written == sorted(
        f"{unit}s{suffix}"
        for unit in ("sentence", "attribution", "article")
        for suffix in (".xlsx", ".csv", "-codebook.html")
    )
    text = shown_text(notebook)
    assert "Analysis(300 articles" in text and "0 errors" in text
    # Coders are blind to framing's labels and to the outlet: the preview shows neither.
    preview = shown_by_cell(notebook, 'attribution_sheet.units[["text"')
    assert "[[" in preview and "source_type" in preview
    assert "framing_" not in preview and "outlet" not in preview
    # The demo: 11 articles, 60 attributions drawn, filled from the gold and a copy of it.
    assert "Analysis(11 articles" in text and "60 attributions drawn" in text
    gold_coder = pd.read_csv(tmp_path / "demo-coding" / "coder_gold.csv")
    coder_b = pd.read_csv(tmp_path / "demo-coding" / "coder_b.csv")
    assert (gold_coder["source_type"] != coder_b["source_type"]).sum() == 2
    # framing types every gold attribution as the gold does: recall 1 for every type the
    # gold gives; "not an attribution" is framing's false attributions, recall 0.
    recalls = dict(re.findall(r"^(.+): recall (\d\.\d\d) of \d+ coded$", text, flags=re.M))
    gold_types = set(gold_coder["source_type"]) - {"not an attribution"}
    assert gold_types == {"person", "organisation", "anonymous", "media"}
    assert {t: recalls[t] for t in gold_types} == dict.fromkeys(gold_types, "1.00")
    assert recalls["not an attribution"] == "0.00"
    # Krippendorff's alpha of the hand-made table of frames.
    assert "alpha = 0.671" in text
    report = tmp_path / "demo-validated.html"
    assert "Validation against coders" in report.read_text(encoding="utf-8")
    assert f"Report written to {report}" in text
