"""The reports in a real browser (issue 10): build them for the seeds plus a hostile article, open each in
headless Chromium (Debian's ``chromium`` package, driven by playwright; no browser is downloaded), and
check that nothing leaves ``file://``, nothing runs, the console is clean, Hebrew and Arabic paragraphs
read right to left, and every chart picture loaded. A screenshot of each page is saved; the paths are
printed at the end of the run.

The notebooks are the analysis notebooks (copied, so their folder holds one more) and a careless one
from tests/test_reports.py that displays the hostile article's raw text as HTML and Markdown.
"""

import csv
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from analysis.build.notebooks import find_notebooks
from conftest import ROOT, SEEDS, report
from test_reports import CHARTS_NOTEBOOK, HOSTILE, HOSTILE_ID, _notebook

CHROMIUM = os.environ.get("ANALYSIS_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
NOTEBOOKS = ROOT / "notebooks"
CARELESS = "90-careless"
PAGES = [p.stem for p in find_notebooks(NOTEBOOKS)] + [CARELESS, "index"]
_SHOTS: dict[str, str] = {}

#: For every text block: the script of its first strong character as ``dir="auto"`` finds it (text
#: inside <bdi>, or inside an element with its own dir, does not count) and its computed direction.
DIRECTIONS_JS = r"""() => {
  const strong = /[A-Za-z\u00C0-\u024F\u0590-\u05FF\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;
  const first = (node, top) => {
    if (node.nodeType === Node.TEXT_NODE) { const m = node.data.match(strong); return m ? m[0] : null; }
    if (node.nodeType !== Node.ELEMENT_NODE) return null;
    if (!top && (['BDI', 'SCRIPT', 'STYLE', 'TEXTAREA'].includes(node.tagName) || node.hasAttribute('dir'))) return null;
    for (const child of node.childNodes) { const c = first(child, false); if (c) return c; }
    return null;
  };
  const out = [];
  for (const el of document.querySelectorAll('p, li, td, th, blockquote, h1, h2, h3, h4, h5, h6, dd, dt, caption, summary')) {
    const c = first(el, true);
    if (!c) continue;
    const script = /[\u0590-\u05FF\uFB1D-\uFB4F]/.test(c) ? 'he' : /[A-Za-z\u00C0-\u024F]/.test(c) ? 'latin' : 'ar';
    out.push({tag: el.tagName, script, direction: getComputedStyle(el).direction, text: el.textContent.trim().slice(0, 60)});
  }
  return out;
}"""
#: What must never be in a report's DOM.
DANGER_JS = r"""() => {
  const found = [];
  for (const el of document.querySelectorAll('script, iframe, frame, object, embed, base, form, link:not([rel=icon])'))
    found.push(el.outerHTML.slice(0, 80));
  for (const el of document.querySelectorAll('*'))
    for (const a of el.attributes)
      if (/^on/i.test(a.name) || /^\s*(javascript|vbscript):/i.test(a.value)) found.push(el.tagName + ' ' + a.name);
  if (window.__pwned !== undefined) found.push('window.__pwned = ' + window.__pwned);
  return found;
}"""
IMAGES_JS = """() => Array.from(document.images).map(i => ({complete: i.complete, width: i.naturalWidth,
                                                          src: i.src.slice(0, 30)}))"""


def _browser_or_skip():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"Debian's chromium is not installed ({CHROMIUM} missing): `apt-get install -y chromium` "
                    "(.ci/run installs it when missing); no browser is downloaded at run time")
    from playwright.sync_api import sync_playwright

    return sync_playwright


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The reports of the analysis notebooks and the careless one, on the seeds plus the hostile article."""
    base = tmp_path_factory.mktemp("browser")
    corpus = base / "corpus"
    shutil.copytree(SEEDS, corpus)
    (corpus / f"{HOSTILE_ID}.txt").write_text(HOSTILE, encoding="utf-8")
    with (corpus / "SOURCES.csv").open(encoding="utf-8", newline="") as fh:
        fields = csv.DictReader(fh).fieldnames
    with (corpus / "SOURCES.csv").open("a", encoding="utf-8", newline="") as fh:
        csv.DictWriter(fh, fieldnames=fields, lineterminator="\n").writerow(
            {k: "" for k in fields} | {"doc_id": HOSTILE_ID, "file": f"{HOSTILE_ID}.txt", "lang": "he",
                                       "outlet": "<b onmouseover=alert(1)>Evil</b> Times", "published": "2025-03",
                                       "country": "IL"})
    notebooks = base / "notebooks"
    notebooks.mkdir()
    for path in find_notebooks(NOTEBOOKS):
        shutil.copy(path, notebooks / path.name)
    nbformat.write(_notebook(CHARTS_NOTEBOOK), notebooks / f"{CARELESS}.ipynb")
    out = base / "reports"
    result = subprocess.run([sys.executable, "-m", "analysis", "build", corpus, "--out", out, "--notebooks", notebooks],
                            cwd=ROOT, capture_output=True, text=True, timeout=1800)
    return {"out": out, "result": result, "shots": base / "screenshots"}


@pytest.fixture(scope="module")
def browser(site):
    sync_playwright = _browser_or_skip()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        yield browser
        browser.close()
    report("report screenshots (open them)", _SHOTS)


def test_every_report_builds(site):
    result = site["result"]
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-3000:]
    assert not [line for line in result.stderr.splitlines() if line.startswith(("error:", "Traceback"))]
    for name in PAGES:
        assert (site["out"] / f"{name}.html").is_file(), name
        assert (site["out"] / f"{name}.html").stat().st_size < 2_000_000, name


@pytest.mark.parametrize("name", PAGES)
def test_report_in_chromium(site, browser, name):
    path = site["out"] / f"{name}.html"
    if not path.is_file():
        pytest.fail(f"{name}.html was not built:\n{site['result'].stderr[-3000:]}")
    url = path.resolve().as_uri()
    context = browser.new_context(viewport={"width": 1100, "height": 1400}, java_script_enabled=True)
    requests, console, dialogs = [], [], []
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(("file:", "data:"))
                  else (requests.append(route.request.url), route.abort()))
    page = context.new_page()
    page.on("request", lambda r: requests.append(r.url))
    page.on("console", lambda m: console.append(f"{m.type}: {m.text}"))
    page.on("pageerror", lambda e: console.append(f"pageerror: {e}"))
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(url, wait_until="load")
    page.wait_for_timeout(300)  # anything that would fire late (an onerror, a timer) has had its chance
    try:
        outside = [u for u in requests if not u.startswith("data:") and u != url]
        assert outside == [], f"requests beyond the page itself: {outside}"
        assert [c for c in console if c.startswith(("error", "pageerror"))] == [], console
        assert dialogs == []
        assert page.evaluate(DANGER_JS) == []
        blocks = page.evaluate(DIRECTIONS_JS)
        wrong = [b for b in blocks if (b["direction"] == "rtl") != (b["script"] in ("he", "ar"))]
        assert wrong == [], f"text blocks in the wrong direction: {wrong[:5]}"
        if name != "index":  # every report quotes the articles (both languages: see the test below)
            assert {"he", "ar"} & {b["script"] for b in blocks}, f"no Hebrew or Arabic paragraph in {name}"
        images = page.evaluate(IMAGES_JS)
        assert all(i["complete"] and i["width"] > 0 for i in images), images
        assert all(i["src"].startswith("data:image/") for i in images)
        if name not in ("index", CARELESS):
            charts = re.findall(r'<img [^>]*class="figure"', path.read_text(encoding="utf-8"))
            assert len(images) == len(charts) > 0
    finally:
        site["shots"].mkdir(exist_ok=True)
        shot = site["shots"] / f"{name}.png"
        page.screenshot(path=str(shot), full_page=True)
        _SHOTS[name] = str(shot)
        print(f"screenshot: {shot}")
        context.close()


def test_hebrew_and_arabic_read_right_to_left_and_hostile_markup_shows_as_text(site, browser):
    """Across the reports, Hebrew and Arabic paragraphs are right to left; the hostile article is quoted
    (so the checks above saw it), as visible text."""
    directions, shown = set(), []
    context = browser.new_context()
    page = context.new_page()
    for name in PAGES:
        page.goto((site["out"] / f"{name}.html").resolve().as_uri())
        directions |= {(b["script"], b["direction"]) for b in page.evaluate(DIRECTIONS_JS)}
        if "window.__pwned = 1" in page.inner_text("body"):
            shown.append(name)
    context.close()
    assert {("he", "rtl"), ("ar", "rtl"), ("latin", "ltr")} <= directions
    assert not {("he", "ltr"), ("ar", "ltr"), ("latin", "rtl")} & directions
    assert CARELESS in shown and len(shown) >= 2, shown


def test_index_links_stay_inside_the_folder(site):
    text = (site["out"] / "index.html").read_text(encoding="utf-8")
    links = re.findall(r'href="([^"]*)"', text)
    assert len(links) > 20
    for href in links:
        if href == "data:,":
            continue
        assert not re.match(r"^[a-z]+:|^/", href), href
        assert (site["out"] / href).is_file(), href
