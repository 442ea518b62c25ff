"""`build`'s reports: notebooks run against a corpus, exported to static HTML that runs and loads nothing,
the data behind every chart, index.html, caching, failures, determinism (issue 10).

The notebooks here are small ones written by the tests (one charting and quoting a hostile article,
carelessly too; one failing), so the checks do not depend on the analysis notebooks, which
tests/test_browser.py builds and opens in Chromium.
"""

import csv
import html.parser
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from analysis.build.notebooks import find_notebooks, notebook_title, package_fingerprint, with_parameters
from analysis.build.sanitize import clean_html
from conftest import ROOT, SEEDS

#: A hostile article: markup that would run, load or frame something if it reached a page unescaped.
HOSTILE = """\
xAI גייסה <script>window.__pwned = 1; alert("script")</script> 6 מיליארד דולר בסבב גיוס, כך נמסר היום.
לפי הדיווח, <img src=x onerror="window.__pwned = 2; alert('img')"> שווי החברה xAI הגיע ל-50 מיליארד דולר.
OpenAI <a href="javascript:window.__pwned = 3">לחצו כאן</a> גייסה 40 מיליארד דולר <iframe src="https://example.com/"></iframe> לפי הדיווח.
<style>body { background: url(https://example.com/track.png) }</style><link rel="stylesheet" href="https://example.com/x.css">
"""
HOSTILE_ID = "900_hostile"
#: The seeds copied into the small corpus: one Hebrew, one Arabic.
SMALL_SEEDS = ("000_013a6d9f286b6fec", "003_dc27bdc87947ed81")


def make_corpus(folder: Path) -> Path:
    """Two seeds (Hebrew, Arabic) and the hostile article, with their manifest rows (the hostile
    article's outlet is markup too)."""
    folder.mkdir(parents=True)
    with (SEEDS / "SOURCES.csv").open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        fields, rows = reader.fieldnames, [r for r in reader if r["doc_id"] in SMALL_SEEDS]
    for r in rows:
        shutil.copy(SEEDS / r["file"], folder / r["file"])
    (folder / f"{HOSTILE_ID}.txt").write_text(HOSTILE, encoding="utf-8")
    rows.append({k: "" for k in fields} | {"doc_id": HOSTILE_ID, "file": f"{HOSTILE_ID}.txt", "lang": "he",
                                           "outlet": "<b onmouseover=alert(1)>Evil</b> Times", "published": "2025-03",
                                           "country": "IL"})
    with (folder / "SOURCES.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return folder


def _notebook(cells) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook(metadata={"kernelspec": {"name": "python3", "display_name": "Python 3",
                                                           "language": "python"}})
    for i, (kind, source, *tags) in enumerate(cells):
        make = nbformat.v4.new_markdown_cell if kind == "md" else nbformat.v4.new_code_cell
        nb.cells.append(make(source, metadata={"tags": tags} if tags else {}, id=f"cell-{i}"))
    return nb


CHARTS_NOTEBOOK = [
    ("md", "# Charts and quotes\n\nFunding and valuations as the test articles report them.\n\nA second paragraph."),
    ("code", 'CORPUS = "../seeds"', "parameters"),
    ("code", "import matplotlib.pyplot as plt\nfrom IPython.display import HTML, Markdown, display\n"
             "from analysis import load_corpus, select\nfrom analysis.present import describe_claims, html_table, show\n"
             "from analysis.present.charts import bars, register, use_style\n"
             "use_style()\ncorpus = load_corpus(CORPUS)\nmoney = select(corpus.claims)\nmoney = money[money['kind'] == 'money']"),
    ("md", "## Money\n\nEvery amount, one bar each."),
    ("code", "fig, data = bars(money, title='Amounts reported')\nplt.show()"),
    ("code", "table = corpus.mentions.groupby('doc_id').size().reset_index(name='mentions')\n"
             "fig, ax = plt.subplots(figsize=(4, 2))\nax.bar(table['doc_id'].str[:3], table['mentions'])\n"
             "register((fig, table), 'Mentions per document')\nplt.show()"),
    ("code", "html_table(money[['claim_id', 'outlet', 'text', 'sentence']])"),
    ("code", "display(Markdown(describe_claims(money)))"),
    ("code", f"show(corpus, {HOSTILE_ID!r})"),
    ("md", "## Careless cells\n\nRaw article text displayed as HTML and Markdown, and printed."),
    ("code", f"text = corpus.text({HOSTILE_ID!r})\ndisplay(HTML(text))\ndisplay(Markdown(text))\nprint(text)"),
    ("code", "corpus.documents[['doc_id', 'outlet', 'lang']]"),
]
FAILING_NOTEBOOK = [
    ("md", "# Fails on purpose\n\nThe third cell divides by zero."),
    ("code", 'CORPUS = "../seeds"', "parameters"),
    ("code", "1 / 0"),
    ("code", "print('never reached')"),
]


def make_notebooks(folder: Path, failing: bool = True) -> Path:
    folder.mkdir(parents=True)
    nbformat.write(_notebook(CHARTS_NOTEBOOK), folder / "01-charts.ipynb")
    if failing:
        nbformat.write(_notebook(FAILING_NOTEBOOK), folder / "02-fails.ipynb")
    (folder / "scratch.ipynb").write_text(nbformat.writes(_notebook([("md", "# not numbered")])), encoding="utf-8")
    return folder


def run(*args, cwd=ROOT, env=None):
    return subprocess.run([sys.executable, "-m", "analysis", *map(str, args)], cwd=cwd, capture_output=True,
                          text=True, timeout=900, env=env)


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    base = tmp_path_factory.mktemp("reports")
    return {"corpus": make_corpus(base / "corpus"), "notebooks": make_notebooks(base / "notebooks"), "base": base}


@pytest.fixture(scope="module")
def built(project):
    project["fingerprint"] = package_fingerprint()
    out = project["base"] / "out"
    result = run("build", project["corpus"], "--out", out, "--notebooks", project["notebooks"], "--jobs", "2")
    return out, result


def same_code(project) -> None:
    """Skip when the pack's own files changed since the first build (an edit in progress): every cache key
    then changes, by design, and so does build.json."""
    if package_fingerprint() != project["fingerprint"]:
        pytest.skip("files under analysis/ changed while these tests ran: the cache keys differ by design")


def files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


class Page(html.parser.HTMLParser):
    """Every tag and attribute of a page, and its text."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.tags, self.text = [], []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


# --- the build -----------------------------------------------------------------------------------------------------

def test_build_writes_a_report_per_numbered_notebook_and_an_index(built, project):
    out, result = built
    assert result.returncode == 3, result.stderr  # a notebook failed: the exit code says so
    names = set(files(out))
    assert {"index.html", "build.json", "01-charts.html", "02-fails.html", "claims.csv", "comparison.parquet"} <= names
    assert "scratch.html" not in names  # numbered notebooks only, when there are any
    assert "reports: 2 (2 run, 0 unchanged and reused, 1 failed)" in result.stdout
    assert re.search(r"01-charts\.html +\d+ KB +2 charts +run", result.stdout)
    assert "build: 100%" in result.stderr and "Traceback" not in result.stderr
    assert "without encryption" not in result.stderr  # the kernels' own chatter is kept out


def test_a_failing_notebook_is_named_with_its_cell_and_error(built, project):
    out, result = built
    nb = project["notebooks"] / "02-fails.ipynb"
    assert f"error: {nb}: cell 3: ZeroDivisionError: division by zero (its report shows the error)" in result.stderr
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "failed at cell 3: ZeroDivisionError: division by zero" in index
    assert "ZeroDivisionError" in (out / "02-fails.html").read_text(encoding="utf-8")
    manifest = json.loads((out / "build.json").read_text(encoding="utf-8"))
    assert manifest["reports"]["02-fails"]["status"] == "failed" and manifest["reports"]["01-charts"]["status"] == "ok"


def test_index_lists_reports_with_summaries_and_chart_data(built):
    out, _ = built
    page = (out / "index.html").read_text(encoding="utf-8")
    assert "Charts and quotes" in page and "Funding and valuations as the test articles report them." in page
    links = [a["href"] for tag, a in Page(page).tags if tag == "a"]
    assert "01-charts.html" in links and "charts/01-charts/01-amounts-reported.csv" in links
    assert "charts/01-charts/02-mentions-per-document.csv" in links and "claims.csv" in links
    for href in links:  # relative, and each one is there: the folder can be zipped and mailed
        assert not re.match(r"^[a-z]+:|^/", href), href
        assert (out / href).is_file(), href


def test_every_chart_csv_traces_its_numbers_to_source_spans(built, project):
    out, _ = built
    path = out / "charts" / "01-charts" / "01-amounts-reported.csv"
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    data = pd.read_csv(path, encoding="utf-8-sig", keep_default_na=False, dtype=str)
    assert list(data.columns[:5]) == ["claim_id", "doc_id", "start", "end", "text"]
    texts = {p.stem: p.read_text(encoding="utf-8") for p in project["corpus"].glob("*.txt")}
    assert len(data) >= 3 and HOSTILE_ID in set(data["doc_id"])
    for r in data.itertuples():
        assert texts[r.doc_id][int(r.start):int(r.end)] == r.text
    report = (out / "01-charts.html").read_text(encoding="utf-8")
    assert 'href="charts/01-charts/01-amounts-reported.csv"' in report  # linked under the chart too


def test_reports_are_static_self_contained_and_escape_the_corpus(built):
    out, _ = built
    for name in ("01-charts.html", "02-fails.html", "index.html"):
        text = (out / name).read_text(encoding="utf-8")
        page = Page(text)
        tags = {tag for tag, _ in page.tags}
        assert not tags & {"script", "iframe", "object", "embed", "base", "form", "frame", "svg", "math"}
        assert [a for tag, a in page.tags if tag == "link"] in ([], [{"rel": "icon", "href": "data:,"}])
        csp = [a["content"] for tag, a in page.tags if tag == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
        assert csp and "default-src 'none'" in csp[0] and "script-src" not in csp[0]
        for tag, attrs in page.tags:
            assert not any(k.startswith("on") for k in attrs), (name, tag, attrs)
            if "src" in attrs:
                assert attrs["src"].startswith("data:image/"), (name, tag)
            if "href" in attrs:
                assert not re.match(r"\s*(javascript|data|vbscript):", attrs["href"], re.I) or attrs["href"] == "data:,"
            assert "url(" not in attrs.get("style", "")
        assert "example.com" not in "".join(f"{a}" for _, a in page.tags)
        assert not re.search(r"require\.js|mathjax|mermaid|cdn\.|unpkg|jsdelivr", text, re.I)
    report = (out / "01-charts.html").read_text(encoding="utf-8")
    assert report.count("&lt;script&gt;") >= 2  # the article's markup is shown as text: viewer, print
    assert "window.__pwned = 1" in report  # … as text only
    images = [a for tag, a in Page(report).tags if tag == "img"]
    assert len(images) == 2 and all(a["src"].startswith("data:image/png;base64,") for a in images)
    assert 'class="source"' in report and "<details" in report and "<details open" not in report  # code hidden


def test_text_blocks_read_in_their_own_direction(built):
    out, _ = built
    report = (out / "01-charts.html").read_text(encoding="utf-8")
    assert "unicode-bidi: plaintext; text-align: start" in report
    blocks = [(tag, a) for tag, a in Page(report).tags if tag in ("p", "td", "th", "li", "blockquote")]
    assert blocks and all(a.get("dir") for _, a in blocks)


def test_sizes_are_printed_and_small(built):
    out, result = built
    assert re.search(r"open .*index\.html \(folder: [\d.]+ (KB|MB)", result.stdout)
    for page in out.glob("*.html"):
        assert page.stat().st_size < 2_000_000, page


# --- determinism and caching ---------------------------------------------------------------------------------------

def test_two_builds_are_byte_identical_but_the_stamp(built, project):
    out, _ = built
    again = project["base"] / "again"
    result = run("build", project["corpus"], "--out", again, "--notebooks", project["notebooks"], "--jobs", "1")
    assert result.returncode == 3
    same_code(project)
    first, second = files(out), files(again)
    assert sorted(first) == sorted(second)
    different = [name for name in first if first[name] != second[name]]
    assert different in ([], ["index.html"])
    a, b = (x["index.html"].decode().splitlines() for x in (first, second))
    assert [i for i, (x, y) in enumerate(zip(a, b)) if x != y] in ([], [a.index(next(l for l in a if 'class="stamp"' in l))])


def test_unchanged_notebooks_are_reused_and_changed_ones_run(built, project, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(built[0], out)
    before = files(out)
    result = run("build", project["corpus"], "--out", out, "--notebooks", project["notebooks"])
    assert result.returncode == 3, result.stderr
    same_code(project)
    assert re.search(r"01-charts\.html .* reused", result.stdout)
    assert re.search(r"02-fails\.html .* failed", result.stdout)  # a failure is never reused
    assert "(1 run, 1 unchanged and reused, 1 failed)" in result.stdout
    after = files(out)
    assert {k for k in after if after[k] != before.get(k)} <= {"index.html"}
    forced = run("build", project["corpus"], "--out", out, "--notebooks", project["notebooks"], "--force")
    assert "(2 run, 0 unchanged and reused, 1 failed)" in forced.stdout
    notebooks = tmp_path / "notebooks"
    shutil.copytree(project["notebooks"], notebooks)
    (notebooks / "02-fails.ipynb").unlink()
    # relative paths, as typed in the project folder (the kernels run in the notebooks' folder)
    changed = run("build", project["corpus"], "--out", "out", "--notebooks", "notebooks", cwd=tmp_path)
    assert changed.returncode == 0, changed.stderr  # another notebook folder: the path given to it changed
    assert "(1 run, 0 unchanged and reused)" in changed.stdout and not (out / "02-fails.html").exists()
    assert (out / "charts" / "01-charts" / "01-amounts-reported.csv").is_file()
    assert sorted(p.name for p in notebooks.iterdir()) == ["01-charts.ipynb", "scratch.ipynb"]  # nothing left there


def test_tables_only_and_bad_arguments(tmp_path, project):
    out = tmp_path / "tables"
    result = run("build", project["corpus"], "--out", out, "--tables-only")
    assert result.returncode == 0, result.stderr
    assert sorted(p.suffix for p in out.iterdir()) == [".csv"] * 8 + [".parquet"] * 8
    assert "%|" not in result.stderr  # no steps, no bar (a small folder: no loading bar either)
    bad = run("build", project["corpus"], "--out", tmp_path / "x", "--notebooks", tmp_path / "nowhere")
    assert bad.returncode == 2 and bad.stderr == f"error: {tmp_path / 'nowhere'}: no such folder (--notebooks)\n"
    jobs = run("build", project["corpus"], "--jobs", "0")
    assert jobs.returncode == 2 and "--jobs" in jobs.stderr and "Traceback" not in jobs.stderr


def test_a_build_replaces_its_own_reports_but_not_foreign_files(built, tmp_path, project):
    out = tmp_path / "out"
    shutil.copytree(built[0], out)
    (out / "notes.md").write_text("mine", encoding="utf-8")
    result = run("build", project["corpus"], "--out", out, "--tables-only")
    assert result.returncode == 2 and "holds files a build does not write (notes.md)" in result.stderr
    (out / "notes.md").unlink()
    result = run("build", project["corpus"], "--out", out, "--tables-only")
    assert result.returncode == 0, result.stderr  # the reports of a build are its own: replaced
    assert not (out / "index.html").exists()


# --- the pieces ----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("attack", [
    '<script>alert(1)</script>', '<SCRIPT SRC=//x.js></SCRIPT>', '<img src=x onerror=alert(1)>',
    '<img src="https://example.com/x.png">', '<a href="javascript:alert(1)">x</a>', '<a href=" jav&#x09;ascript:alert(1)">x</a>',
    '<a href="//example.com">x</a>', '<iframe src="https://example.com"></iframe>', '<svg onload=alert(1)><circle/></svg>',
    '<p style="background:url(https://example.com/x)">x</p>', '<style>@import "https://example.com/x.css";</style>',
    '<object data="x.swf"></object>', '<base href="https://example.com/">', '<form action="https://e.com"><input></form>',
    '<math><mi xlink:href="javascript:alert(1)">x</mi></math>', '<!-- <script>alert(1)</script> -->',
    '<div onmouseover="alert(1)">x</div>', '<p style="color:red;behavior:url(x.htc)">x</p>', '<meta http-equiv="refresh" content="0;url=https://e.com">',
])
def test_clean_html_leaves_nothing_that_runs_or_loads(attack):
    cleaned = clean_html(attack).lower()
    page = Page(cleaned)
    assert not {t for t, _ in page.tags} & {"script", "iframe", "svg", "object", "style", "base", "form", "input", "meta", "math"}
    for _, attrs in page.tags:
        assert not any(k.startswith("on") for k in attrs)
        assert "src" not in attrs and "url(" not in attrs.get("style", "")
        assert not attrs.get("href", "").replace("\t", "").strip().startswith(("javascript", "//"))
    assert "example.com" not in cleaned.replace("&", " ") or "<a" not in cleaned


def test_clean_html_keeps_tables_text_and_direction():
    table = '<table class="dataframe" border="1"><tr><th>שם</th><td style="color:red">5 &amp; 6</td></tr></table>'
    assert clean_html(table) == ('<table class="dataframe"><tr><th dir="auto">שם</th>'
                                 '<td dir="auto" style="color:red">5 &amp; 6</td></tr></table>')
    assert clean_html('<p dir="rtl">x</p><b>unclosed') == '<p dir="rtl">x</p><b>unclosed</b>'


def test_parameters_cell_is_set_and_titles_read(tmp_path):
    nb = _notebook(CHARTS_NOTEBOOK)
    with_parameters(nb, "../../corpus")
    assert nb.cells[1].source == 'CORPUS = "../../corpus"'
    bare = _notebook([("md", "# Title *here*\n\n**What:** a [summary](x.md) line.\n\nmore"), ("code", "x = 1")])
    with_parameters(bare, "c")
    assert bare.cells[0].source == 'CORPUS = "c"' and "injected-parameters" in bare.cells[0].metadata["tags"]
    assert notebook_title(bare, "x") == ("Title here", "A summary line.")
    folder = make_notebooks(tmp_path / "nb")
    assert [p.name for p in find_notebooks(folder)] == ["01-charts.ipynb", "02-fails.ipynb"]
    (folder / "01-charts.ipynb").unlink()
    (folder / "02-fails.ipynb").unlink()
    assert [p.name for p in find_notebooks(folder)] == ["scratch.ipynb"]


def test_register_writes_chart_data_only_in_a_build(tmp_path, monkeypatch, seed_corpus):
    import matplotlib.pyplot as plt

    from analysis.present import charts

    monkeypatch.setattr(charts, "REGISTERED", [])
    monkeypatch.setattr(charts, "_SEEN", {})
    claims = seed_corpus.claims[seed_corpus.claims["kind"] == "money"].head(5)
    monkeypatch.delenv(charts.CHART_DATA_ENV, raising=False)
    chart = charts.bars(claims)
    assert charts.register(chart) is chart and charts.REGISTERED == []  # outside a build: nothing happens
    monkeypatch.setenv(charts.CHART_DATA_ENV, str(tmp_path))
    assert charts.register(chart, "Money, in USD") is chart
    assert charts.register(chart) is chart  # registered once
    nothing = (None, claims.iloc[:0])
    assert charts.register(nothing) is nothing  # nothing drawn: nothing written
    assert [p.name for p in sorted(tmp_path.iterdir())] == ["01-money-in-usd.csv", "charts.json"]
    listed = json.loads((tmp_path / "charts.json").read_text(encoding="utf-8"))
    assert listed == [{"file": "01-money-in-usd.csv", "title": "Money, in USD", "rows": 5, "left_out": 0}]
    with (tmp_path / "01-money-in-usd.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["claim_id"] for r in rows] == list(chart[1]["claim_id"])
    assert all(r["value"] and not r["value"].endswith(".0") for r in rows)
    # in a build the module's chart functions register themselves (restored after the test)
    for name in ("slope_chart", "dot_timeline", "bars", "event_timeline"):
        monkeypatch.setattr(charts, name, getattr(charts, name))
    assert {"slope_chart", "dot_timeline", "bars", "event_timeline"} <= set(charts.collect())
    assert "use_style" not in charts.collect()  # not a chart function; and nothing is wrapped twice
    charts.bars(claims.head(2))
    assert [e["file"] for e in charts.REGISTERED] == ["01-money-in-usd.csv", "02-funding-round-valuation.csv"] or \
        len(charts.REGISTERED) == 2
    plt.close("all")
