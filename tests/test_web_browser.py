"""The web page as a person uses it, in headless Chromium (Debian's package, driven by Playwright).

Open the page, upload a sample plan, see the report, choose a finding and see its quote
marked in the plan's text; the same without JavaScript; drop a file on the drop zone.
Skips only when no Chromium binary is installed (`.ci/run` installs it).
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from web_helpers import running_server  # noqa: E402

from plansjekk.web.app import ServeConfig  # noqa: E402

CHROMIUM = next((p for p in ("/usr/bin/chromium", shutil.which("chromium") or "",
                             shutil.which("chromium-browser") or "") if p and Path(p).exists()), None)
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
PLAN = Path(__file__).resolve().parents[1] / "samples" / "planer" / "lunner-plan-forebygging-2024-2028.pdf"

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Chromium er ikke installert (apt-get install chromium)")


@pytest.fixture(scope="module")
def server():
    with running_server(ServeConfig(jobs=1, timeout=120)) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


def upload_plan(page, server: str) -> None:
    page.goto(server + "/")
    page.get_by_label("Velg én eller flere filer").set_input_files(str(PLAN))
    page.get_by_role("button", name="Sjekk planene").click()
    page.wait_for_selector("article.regelkort", timeout=120_000)


def test_upload_see_report_choose_finding_see_marked_quote(browser, server):
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    upload_plan(page, server)
    assert "/rapport/" in page.url  # the script moved on to the finished report
    assert page.locator("article.regelkort").count() == 17
    assert page.locator("h1").first.inner_text().startswith("Plan for forebygging")
    card = page.locator('article.regelkort[data-code="BV103"]')
    quote = card.locator("blockquote").first.inner_text().strip("«»")
    assert page.locator("mark.valgt").count() == 0
    card.get_by_role("link", name="Vis i teksten").first.click()
    chosen = page.locator("mark.valgt")
    assert chosen.count() >= 1
    assert all("BV103" in chosen.nth(i).get_attribute("data-funn").split() for i in range(chosen.count()))
    first = page.locator("mark:has(#sitat-BV103-1)")
    assert "valgt" in first.get_attribute("class")
    assert quote.startswith(first.inner_text().strip())
    assert first.evaluate("m => document.activeElement === m")  # keyboard users land on it
    # it is scrolled into view inside the text column
    box, pane = first.bounding_box(), page.locator("#planteksten").bounding_box()
    assert pane["y"] <= box["y"] and box["y"] + box["height"] <= pane["y"] + pane["height"]
    assert page.evaluate("location.hash") == "#sitat-BV103-1"
    assert "valgt" in card.get_attribute("class")
    # by keyboard: focus another finding's link and press Enter
    link = page.locator('article.regelkort[data-code="BV101"] a.til-sitat').first
    link.focus()
    page.keyboard.press("Enter")
    assert "valgt" in page.locator("mark:has(#sitat-BV101-1)").get_attribute("class")
    assert "valgt" not in (first.get_attribute("class") or "") or "BV101" in first.get_attribute("data-funn")
    page.close()


def test_basic_path_works_without_javascript(browser, server):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1400, "height": 900})
    page = context.new_page()
    upload_plan(page, server)
    assert page.url.endswith("/sjekk?lang=nb")  # a plain form post
    assert page.locator("article.regelkort").count() == 17
    page.locator('article.regelkort[data-code="BV101"] a.til-sitat').first.click()
    assert page.evaluate("document.querySelector(':target').id") == "sitat-BV101-1"
    background = page.locator("mark:has(#sitat-BV101-1)").evaluate("m => getComputedStyle(m).backgroundColor")
    assert background == "rgb(255, 179, 71)"  # :target's mark is highlighted by CSS alone
    context.close()


def test_dropping_a_file_on_the_page_chooses_it(browser, server):
    page = browser.new_page()
    page.goto(server + "/?lang=en")
    assert page.get_by_role("button", name="Check the plans").is_visible()
    page.evaluate("""() => {
        const data = new DataTransfer();
        data.items.add(new File(["# Plan for forebygging"], "dropped-plan.md", {type: "text/markdown"}));
        document.getElementById("slippsone").dispatchEvent(new DragEvent("drop", {dataTransfer: data, bubbles: true}));
    }""")
    assert page.locator("#valgte li").all_inner_texts() == ["dropped-plan.md"]
    assert page.evaluate("document.getElementById('fil').files[0].name") == "dropped-plan.md"
    page.close()
