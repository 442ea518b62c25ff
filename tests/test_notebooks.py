"""The notebooks (issue 9): their shape, no figure typed in by hand, and that they run on any corpus.

* every notebook in ``notebooks/`` has a title and a three-line reading guide (cell 1), the
  papermill ``parameters`` cell (cell 2, ``CORPUS = "../seeds"``) and the load cell (cell 3); no ``$``
  in Markdown; a cell that draws ends with ``plt.show()``; stored outputs hold no error, no stderr and
  no memory address (``notebooks/README.md`` lists the rules);
* a scan of every cell's *source* fails on a numeric literal equal to a value reported in the seeds
  or in the test article (:func:`reported_values`), naming the notebook, the cell and the literal; the
  scanner has tests of its own, one of them on a real notebook with a literal planted in it;
* every numbered notebook is executed with nbclient on an empty folder and on the seeds plus one
  article written for these tests (``tests/data/notebooks/``): no cell may fail; on the empty folder
  nothing is drawn and "nothing reported" lines stand in; with the test article its outlet and
  document appear in the outputs. Each notebook gets one kernel for both runs (the namespace reset
  in between), a few notebooks run at once, and the tests read the results.
"""

from __future__ import annotations

import ast
import asyncio
import io
import math
import os
import re
import shutil
import tokenize
import warnings
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from analysis.present.narrative import md_escape
from conftest import ROOT, SEEDS

NOTEBOOKS = ROOT / "notebooks"
FIXTURE = ROOT / "tests" / "data" / "notebooks"
ALL = sorted(NOTEBOOKS.glob("*.ipynb"))
NUMBERED = sorted(NOTEBOOKS.glob("[0-9]*.ipynb"))
PARAMETERS = 'CORPUS = "../seeds"'
#: Kinds of claim whose values a notebook must not type in (dates and years are not figures).
KINDS = ("money", "percent", "count", "multiplier", "duration")
_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"), (1e3, "thousand"))


# ---------------------------------------------------------------- the scanner

#: Scale words after a number, in English, Hebrew and Arabic (as a notebook author might write them).
SCALE_WORDS = {
    "thousand": 1e3, "k": 1e3, "אלף": 1e3, "אלפים": 1e3, "ألف": 1e3, "الف": 1e3, "آلاف": 1e3, "الاف": 1e3,
    "million": 1e6, "millions": 1e6, "mn": 1e6, "m": 1e6, "מיליון": 1e6, "מיליוני": 1e6, "مليون": 1e6,
    "ملايين": 1e6,
    "billion": 1e9, "billions": 1e9, "bn": 1e9, "b": 1e9, "מיליארד": 1e9, "מיליארדי": 1e9, "مليار": 1e9,
    "مليارات": 1e9,
    "trillion": 1e12, "trillions": 1e12, "tn": 1e12, "טריליון": 1e12, "تريليون": 1e12,
}
_LITERAL = re.compile(
    r"(?<![A-Za-z0-9_.#])"  # not the end of a name (log10, h1), of a longer number, or a colour (#009E73)
    r"(?P<num>(?:\d{1,3}(?:,\d{3})+|\d+(?:_\d+)*)(?:\.\d+)?(?:[eE][-+]?\d+)?|\.\d+)"
    r"(?:\s?(?P<pct>%))?"
    r"(?:[\s\-]?(?P<scale>" + "|".join(sorted(map(re.escape, SCALE_WORDS), key=len, reverse=True)) + r")(?!\w))?",
    re.IGNORECASE)
#: ISO dates and months (2025-02, 2024-12-26) are not read as numbers.
_DATE = re.compile(r"(?<!\d)\d{4}-\d{2}(?:-\d{2})?(?!\d)")


def _key(x: float) -> float:
    """A value as compared: absolute, to nine significant digits."""
    return float(f"{abs(x):.9g}")


def text_literals(text: str) -> list[tuple[str, tuple[float, ...]]]:
    """Numbers written in text (Markdown, a string, a comment): each as printed, with the values it may
    stand for (the number, and the number times its scale word: ``5 billion`` is 5 and 5e9).

    >>> text_literals("a 1,500-strong staff, 5 billion USD, 34% and 2025-02")
    [('1,500', (1500.0,)), ('5 billion', (5.0, 5000000000.0)), ('34%', (34.0,))]
    """
    found = []
    for m in _LITERAL.finditer(_DATE.sub(lambda d: " " * len(d[0]), text)):
        number = float(m["num"].replace(",", "").replace("_", ""))
        scaled = (number * SCALE_WORDS[m["scale"].lower()],) if m["scale"] else ()
        found.append((m[0].strip(), (number, *scaled)))
    return found


def code_literals(source: str) -> list[tuple[str, tuple[float, ...]]]:
    """Numbers in a code cell: its number tokens, and numbers written in its strings and comments.

    >>> code_literals('x = rows.head(12)  # the top 1_000\\nlabel = "5 billion"')
    [('12', (12.0,)), ('1_000', (1000.0,)), ('5 billion', (5.0, 5000000000.0))]
    """
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    except (tokenize.TokenError, IndentationError, SyntaxError):
        return text_literals(source)
    found = []
    for tok in tokens:
        if tok.type == tokenize.NUMBER:
            try:
                value = ast.literal_eval(tok.string)
            except (ValueError, SyntaxError):
                continue
            found.append((tok.string, (float(abs(value.imag if isinstance(value, complex) else value)),)))
        elif tok.type in (tokenize.STRING, tokenize.COMMENT):
            found += text_literals(tok.string)
    return found


def reported_values(claims: pd.DataFrame) -> dict[float, str]:
    """Every value a notebook must not type in → one claim that reports it (``claim_id 'as printed'``):
    ``value`` and ``value_max`` of the money, percent, count, multiplier and duration claims inside the
    analysis (repeats included), and the figure as printed before its scale word (5 of 5 billion)."""
    rows = claims[claims["in_analysis"].fillna(False).astype(bool) & claims["kind"].isin(KINDS)]
    out: dict[float, str] = {}
    for r in rows.sort_values("claim_id").itertuples():
        for v in (r.value, r.value_max):
            try:
                x = abs(float(v))
            except (TypeError, ValueError):
                continue
            if not math.isfinite(x):
                continue
            shown = f"{r.claim_id} {r.text!r}"
            out.setdefault(_key(x), shown)
            scale = next((s for s, _ in _SCALES if x >= s), None)
            if scale:
                out.setdefault(_key(x / scale), shown)
    return out


def scan(nb, values: dict[float, str], name: str) -> list[str]:
    """One message per literal in a cell's source equal to a reported value (outputs are not read)."""
    problems = []
    for i, cell in enumerate(nb.cells, start=1):
        if cell.cell_type == "code":
            found = code_literals(cell.source)
        elif cell.cell_type == "markdown":
            found = text_literals(cell.source)
        else:
            continue
        for literal, candidates in found:
            hits = sorted(values[_key(c)] for c in candidates if _key(c) in values)
            if hits:
                problems.append(f"{name}, cell {i} ({cell.cell_type}): literal {literal!r} equals a reported "
                                f"value (claim {hits[0]}); compute it from the claims table")
    return problems


# ---------------------------------------------------------------- corpora and values


def _fixture_corpus(folder: Path) -> Path:
    """The seeds plus the test article, with its manifest row appended to a copy of SOURCES.csv."""
    folder.mkdir(parents=True, exist_ok=True)
    for p in SEEDS.iterdir():
        if p.is_file():
            shutil.copy2(p, folder / p.name)
    rows = (FIXTURE / "SOURCES.csv").read_text(encoding="utf-8").splitlines(keepends=True)[1:]
    with open(folder / "SOURCES.csv", "a", encoding="utf-8", newline="") as f:
        f.writelines(rows)
    for p in FIXTURE.glob("*.txt"):
        shutil.copy2(p, folder / p.name)
    return folder


@pytest.fixture(scope="module")
def corpora(tmp_path_factory):
    """``{"empty": folder, "seeds + test article": folder}``."""
    base = tmp_path_factory.mktemp("notebook_corpora")
    empty = base / "empty"
    empty.mkdir()
    return {"empty": empty, "seeds + test article": _fixture_corpus(base / "fixture")}


@pytest.fixture(scope="module")
def fixture_corpus(corpora):
    from analysis import load_corpus

    with warnings.catch_warnings():
        warnings.simplefilter("error")  # the test article and its manifest row load cleanly
        return load_corpus(corpora["seeds + test article"])


@pytest.fixture(scope="module")
def fixture_doc(fixture_corpus):
    """The test article's document row."""
    manifest = pd.read_csv(FIXTURE / "SOURCES.csv", dtype=str, keep_default_na=False)
    docs = fixture_corpus.documents.set_index("doc_id")
    return docs.loc[manifest["doc_id"].iloc[0]]


@pytest.fixture(scope="module")
def values(seed_corpus, fixture_corpus):
    """Reported values of the seeds and of the test article."""
    return reported_values(fixture_corpus.claims) | reported_values(seed_corpus.claims)


# ---------------------------------------------------------------- the scanner, tested


def test_test_article_is_read(fixture_corpus, fixture_doc):
    """The test article loads with its manifest row and gives the claims the notebooks need."""
    claims = fixture_corpus.claims
    mine = claims[claims["doc_id"] == fixture_doc.name]
    assert fixture_doc["in_manifest"] and fixture_doc["outlet"]
    assert {"funding_round", "valuation", "market_share", "loss", "users", "departures"} <= set(mine["metric"])
    assert mine["change_id"].ne("").sum() == 2  # one market-share change, before and after
    assert mine["counterpart"].str.contains("Nvidia").any()  # investors named


PLANTED = [
    ("code", "top = shares.head(50)", "'50'"),
    ("code", "x = 6_600_000_000", "'6_600_000_000'"),
    ("code", "label = f\"{name}: 13.8 billion\"", "'13.8 billion'"),
    ("code", "# Anthropic doubled from 12%", "'12%'"),
    ("markdown", "OpenAI's share fell to 34%.", "'34%'"),
    ("markdown", "Musk is worth 1,000,000 Americans", "'1,000,000'"),
    ("markdown", "הפסד של 5 מיליארד דולר", "'5 מיליארד'"),
    ("markdown", "خسائر تصل إلى 14 مليار دولار", "'14 مليار'"),
]
CLEAN = [
    ("code", 'rows.head()\ncolors = ["#009E73", "#E69F00"]\nnp.log10(x)\nh1 = "2025-02"'),
    ("markdown", "## Losses\n\nSee `analysis/data/he/cues.yaml`; a period such as 2025-02-20 is not a figure."),
]
_VALUES = {_key(v): "planted" for v in (50, 6.6e9, 6.6, 13.8e9, 13.8, 12, 34, 1e6, 5e9, 5, 14e9, 14)}


@pytest.mark.parametrize("kind, source, literal", PLANTED)
def test_scanner_catches_a_planted_literal(kind, source, literal):
    cell = nbformat.v4.new_code_cell(source) if kind == "code" else nbformat.v4.new_markdown_cell(source)
    problems = scan(nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# T"), cell]), _VALUES, "x.ipynb")
    assert problems and all(p.startswith(f"x.ipynb, cell 2 ({kind}): literal ") for p in problems)
    assert any(f"literal {literal} " in p for p in problems), problems


@pytest.mark.parametrize("kind, source", CLEAN)
def test_scanner_lets_names_colours_and_dates_pass(kind, source):
    cell = nbformat.v4.new_code_cell(source) if kind == "code" else nbformat.v4.new_markdown_cell(source)
    assert scan(nbformat.v4.new_notebook(cells=[cell]), _VALUES, "x.ipynb") == []


def test_reported_values_hold_values_ranges_and_printed_figures(seed_corpus):
    got = reported_values(seed_corpus.claims)
    counted = seed_corpus.claims[seed_corpus.claims["in_analysis"] & seed_corpus.claims["kind"].eq("money")]
    some = float(counted["value"].iloc[0])
    assert _key(some) in got
    assert _key(1.2e9) in got  # the upper end of a range (800 billion to 1.2 billion USD)
    assert _key(13.8) in got  # 13.8 of 13.8 billion USD, as printed
    assert _key(0) not in got  # a comment counter is outside the analysis


def test_scanner_catches_a_literal_planted_in_a_real_notebook(values):
    if not NUMBERED:
        pytest.skip("no numbered notebook")
    nb = nbformat.read(NUMBERED[0], as_version=4)
    value = next(v for v in sorted(values) if v == int(v) and v > 2)
    nb.cells.append(nbformat.v4.new_code_cell(f"rows.head({int(value)})"))
    problems = scan(nb, values, NUMBERED[0].name)
    assert any(p.startswith(f"{NUMBERED[0].name}, cell {len(nb.cells)} (code): literal '{int(value)}'")
               for p in problems), problems


# ---------------------------------------------------------------- the notebooks' shape


def _read(path: Path):
    return nbformat.read(path, as_version=4)


def test_the_old_overview_is_replaced():
    assert not (NOTEBOOKS / "corpus_overview.ipynb").exists()
    assert (NOTEBOOKS / "01-corpus-overview.ipynb").exists()


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
def test_title_guide_parameters_and_load_cell(path):
    cells = _read(path).cells
    assert cells and cells[0].cell_type == "markdown", f"{path.name}: cell 1 must be Markdown"
    lines = [ln for ln in cells[0].source.splitlines() if ln.strip()]
    assert lines[0].startswith("# "), f"{path.name}: cell 1 must start with a '# Title' line"
    assert len(lines) == 4, f"{path.name}: the title must be followed by a three-line reading guide, got {lines[1:]}"
    assert len(cells) > 2 and cells[1].cell_type == "code", f"{path.name}: cell 2 must be the parameters cell"
    assert "parameters" in cells[1].metadata.get("tags", []), f"{path.name}: cell 2 must be tagged 'parameters'"
    assert cells[1].source.strip() == PARAMETERS, f"{path.name}: cell 2 must hold only {PARAMETERS}"
    assert "load_corpus(CORPUS)" in cells[2].source and "use_style()" in cells[2].source, \
        f"{path.name}: cell 3 must load the corpus (load_corpus(CORPUS)) and call charts.use_style()"


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
def test_no_reported_value_typed_in(path, values):
    problems = scan(_read(path), values, path.name)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
def test_markdown_has_no_dollar_sign(path):
    bad = [i for i, c in enumerate(_read(path).cells, start=1) if c.cell_type == "markdown" and "$" in c.source]
    assert not bad, f"{path.name}: '$' in Markdown cell(s) {bad} (JupyterLab reads it as mathematics): write USD"


_DRAWS = re.compile(r"\bplt\.|^\s*fig\b[^=\n]*=", re.MULTILINE)


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
def test_plot_cells_end_with_plt_show(path):
    bad = [i for i, c in enumerate(_read(path).cells, start=1)
           if c.cell_type == "code" and _DRAWS.search(c.source) and not c.source.startswith("import")
           and c.source.strip().splitlines()[-1].strip() != "plt.show()"]
    assert not bad, f"{path.name}: cell(s) {bad} draw and do not end with plt.show()"


_ADDRESS = re.compile(r"\b0x[0-9a-f]{6,}\b")


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
def test_stored_outputs_are_clean(path):
    """Committed with outputs; no error, stderr, warning, memory address or execution timing stored."""
    cells = _read(path).cells
    code = [c for c in cells if c.cell_type == "code"]
    assert any(c.outputs for c in code), f"{path.name}: commit it with its outputs"
    for i, c in enumerate(cells, start=1):
        assert "execution" not in c.metadata, f"{path.name}, cell {i}: strip metadata.execution (timings)"
        for o in c.get("outputs", []):
            assert o.output_type != "error", f"{path.name}, cell {i}: stored error {o.get('ename')}"
            assert not (o.output_type == "stream" and o.name == "stderr"), f"{path.name}, cell {i}: stderr stored"
            text = str(o.get("text", "")) + "".join(str(v) for k, v in o.get("data", {}).items() if k != "image/png")
            assert not _ADDRESS.search(text), f"{path.name}, cell {i}: a memory address in the output"


# ---------------------------------------------------------------- running on other corpora


def _kernel_manager():
    """A kernel of this very Python environment (as nbval's ``--nbval-current-env``)."""
    import ipykernel.kernelspec
    from jupyter_client import AsyncKernelManager
    from jupyter_client.kernelspec import KernelSpecManager

    class CurrentEnv(KernelSpecManager):
        def get_kernel_spec(self, kernel_name):
            return self.kernel_spec_class(resource_dir=ipykernel.kernelspec.RESOURCES,
                                          **ipykernel.kernelspec.get_kernel_dict())

    return AsyncKernelManager(kernel_name="current-env", kernel_spec_manager=CurrentEnv())


#: Run between two corpora in the same kernel: nothing of the first run is left for the second.
_RESET = "%reset -f\nimport matplotlib.pyplot\nmatplotlib.pyplot.close('all')"


async def _run(path: Path, corpora: dict[str, Path], gate: asyncio.Semaphore) -> dict:
    """``path`` executed once per corpus (``CORPUS`` pointing at it) in one kernel, the user namespace
    reset in between: corpus name → the executed notebook, or the exception that stopped the run."""
    from nbclient import NotebookClient

    combined, parts = _read(path), []
    combined.cells = []
    for name, folder in corpora.items():
        nb = _read(path)
        nb.cells[1].source = f"CORPUS = {str(folder)!r}"
        if combined.cells:
            combined.cells.append(nbformat.v4.new_code_cell(_RESET))
        parts.append((name, len(combined.cells), len(combined.cells) + len(nb.cells)))
        combined.cells += nb.cells
    async with gate:
        client = NotebookClient(combined, km=_kernel_manager(), timeout=600, allow_errors=True,
                                resources={"metadata": {"path": str(NOTEBOOKS)}})
        try:
            await client.async_execute()
        except Exception as error:  # noqa: BLE001 - reported by the tests that read it
            return {name: error for name, _, _ in parts}
    out = {}
    for name, a, b in parts:
        out[name] = _read(path)
        out[name].cells = combined.cells[a:b]
    return out


@pytest.fixture(scope="module")
def executed(corpora):
    """Every numbered notebook run on every corpus, a few notebooks at a time (one kernel each)."""

    async def main():
        gate = asyncio.Semaphore(max(2, os.cpu_count() or 2))
        return await asyncio.gather(*(_run(p, corpora, gate) for p in NUMBERED))

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        results = asyncio.run(main())
    return {(p.name, name): nb for p, runs in zip(NUMBERED, results) for name, nb in runs.items()}


def _outputs(nb) -> tuple[str, int, list[str]]:
    """All text of a notebook's outputs, its number of images, and its stderr."""
    text, images, stderr = [], 0, []
    for c in nb.cells:
        for o in c.get("outputs", []):
            if o.output_type == "stream":
                (stderr if o.name == "stderr" else text).append(o.text)
            for mime, v in o.get("data", {}).items():
                if mime == "image/png":
                    images += 1
                else:
                    text.append(v if isinstance(v, str) else str(v))
    return "\n".join(text), images, stderr


_ANSI = re.compile(r"\x1b\[[0-9;]*m")


def _ran(executed, path: Path, corpus: str):
    """The executed notebook; the test fails on the first cell that raised, naming it."""
    nb = executed[(path.name, corpus)]
    if isinstance(nb, Exception):
        pytest.fail(f"{path.name} on {corpus}: {type(nb).__name__}: {str(nb)[-3000:]}")
    for i, c in enumerate(nb.cells, start=1):
        for o in c.get("outputs", []):
            if o.output_type == "error":
                trace = _ANSI.sub("", "\n".join(o.get("traceback", [])))[-3000:]
                pytest.fail(f"{path.name} on {corpus}, cell {i} raised {o.ename}: {o.evalue}\n{c.source}\n{trace}")
    return nb


@pytest.mark.parametrize("path", NUMBERED, ids=lambda p: p.name)
def test_runs_on_an_empty_folder(path, executed):
    """No traceback, no empty axis: every section says nothing of its kind was reported."""
    text, images, stderr = _outputs(_ran(executed, path, "empty"))
    assert not stderr, f"{path.name} on an empty folder wrote to stderr: {stderr}"
    assert images == 0, f"{path.name} drew {images} chart(s) for an empty corpus (an empty axis)"
    assert "was reported in this corpus" in text, f"{path.name}: no 'nothing reported' line on an empty corpus"


@pytest.mark.parametrize("path", NUMBERED, ids=lambda p: p.name)
def test_runs_on_seeds_plus_the_test_article(path, executed, fixture_doc):
    """The article added to the corpus shows in the outputs: its outlet and its document (claim ids)."""
    text, _, stderr = _outputs(_ran(executed, path, "seeds + test article"))
    assert not stderr, f"{path.name} wrote to stderr: {stderr}"
    assert fixture_doc["outlet"] in text, f"{path.name}: the test article's outlet is not in the outputs"
    assert fixture_doc.name in text or md_escape(fixture_doc.name) in text, \
        f"{path.name}: the test article's claims (its document id) are not in the outputs"
