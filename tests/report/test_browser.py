"""The HTML report as a person sees it: opened in headless Chromium (Debian's package,
driven by Playwright), with no console error, no request beyond the file itself, every
plot drawn, nothing executed from a hostile article, and a screenshot saved."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pandas as pd
import pytest

import framing

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# Flags for a machine with no network: without the background ones, Chromium's own
# update and sync connections would show up as requests (and fail).
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "reports" / "screenshots"


@pytest.fixture(scope="module")
def browser():
    if CHROMIUM is None:
        if os.environ.get("CI"):
            pytest.fail("CI must install Debian's chromium (see .ci/run)")
        pytest.skip("no chromium on this machine: apt-get install chromium to run browser tests")
    playwright = pytest.importorskip("playwright.sync_api", reason="pip install playwright")
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield browser
        browser.close()


def _open(browser, path: Path):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    seen = {"console": [], "requests": [], "dialogs": [], "errors": []}
    page.on("console", lambda m: seen["console"].append((m.type, m.text)))
    page.on("request", lambda r: seen["requests"].append(r.url))
    page.on("pageerror", lambda e: seen["errors"].append(str(e)))

    def dialog(d):
        seen["dialogs"].append(d.message)
        d.dismiss()

    page.on("dialog", dialog)
    page.goto(path.as_uri(), wait_until="load")
    return page, seen


def test_demo_report_opens_cleanly_in_chromium(browser, tmp_path):
    analysis = framing.analyse(
        framing.load_corpus(framing.DEMO_CORPUS),
        angles=framing.DEMO_ANGLES,
        aliases=framing.DEMO_ACTORS,
    )
    path = framing.render_report(analysis, tmp_path / "demo.html")
    page, seen = _open(browser, path)
    assert seen["console"] == [] and seen["errors"] == []
    assert seen["requests"] == [path.as_uri()], "the report asked for something besides itself"
    drawn = page.evaluate("Array.from(document.images).map(i => i.complete && i.naturalWidth > 0)")
    assert len(drawn) >= 7 and all(drawn)
    assert page.title() == (
        "How Estuary Observer, Marrowick Courier and Northgate Dispatch covered 2 stories"
    )
    # Clicking a summary sentence's evidence link lands on its evidence.
    page.click("ol.findings li:first-child a.evidence")
    assert page.evaluate("location.hash") == "#finding-1"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    shot = SCREENSHOTS / "demo-report.png"
    page.goto(path.as_uri())
    page.screenshot(path=str(shot), full_page=False)
    assert shot.stat().st_size > 10_000
    article = page.locator("#doc-1")
    assert article.locator(".attr").count() > 0 and article.locator(".s").count() > 10
    article.screenshot(path=str(SCREENSHOTS / "demo-article.png"))


def test_hostile_article_runs_nothing_in_chromium(browser, tmp_path):
    hostile = "<script>alert('x')</script><img src=x onerror=\"alert('y')\">"
    corpus = framing.load_corpus(
        pd.DataFrame(
            {
                "doc_id": ["a1", "b1"],
                "outlet": [f"Evil {hostile}", "Plain Post"],
                "title": [hostile, "A quiet headline"],
                "text": [
                    f"The minister said {hostile} was not true, according to officials.",
                    "The council said the road would reopen.",
                ],
            }
        )
    )
    path = framing.render_report(framing.analyse(corpus), tmp_path / "hostile.html")
    page, seen = _open(browser, path)
    assert seen["dialogs"] == [] and seen["errors"] == []
    assert seen["requests"] == [path.as_uri()]
    assert page.evaluate("document.scripts.length") == 0
    assert "<script>alert('x')</script>" in page.inner_text("article")
