"""Running the analysis notebooks for ``build``: which notebooks, their inputs, one run, one report.

* :func:`find_notebooks`: the numbered notebooks of a folder (``01-…ipynb``), else all of them;
* :func:`cache_key`: a hash of what a report depends on (the corpus, the notebook file, the pack's
  code, data and templates, and the versions of the libraries that draw and export it), so an
  unchanged report is not run again;
* :func:`with_parameters`: the notebook with its ``parameters`` cell (papermill's convention) set to
  the corpus folder;
* :func:`run_notebook`: execute one notebook with nbclient (kernel ``python3``, working folder the
  notebook's own) in a fresh kernel whose environment asks :mod:`analysis.present.charts` to write
  the data of every chart, then export it with the project's template. Runs in a worker process.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["Job", "Result", "find_notebooks", "corpus_hash", "package_fingerprint", "cache_key", "with_parameters",
           "notebook_title", "run_notebook"]

#: Per-cell time limit of a notebook run, in seconds.
CELL_TIMEOUT = 600
_PACKAGE = Path(__file__).resolve().parents[1]
_FINGERPRINT_SUFFIXES = {".py", ".yaml", ".yml", ".csv", ".json", ".mplstyle", ".j2", ".css", ".txt"}
_LIBRARIES = ("matplotlib", "seaborn", "pandas", "numpy", "nbconvert", "nbclient", "mistune")


def find_notebooks(folder: Path) -> list[Path]:
    """The notebooks a build runs: ``[0-9]*.ipynb`` in ``folder`` when there are any, else every
    ``*.ipynb``; in name order (checkpoints and hidden files left out)."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    every = sorted(p for p in folder.glob("*.ipynb") if p.is_file() and not p.name.startswith("."))
    numbered = [p for p in every if p.name[:1].isdigit()]
    return numbered or every


def _digest(parts) -> str:
    h = hashlib.sha256()
    for part in parts:
        data = part if isinstance(part, bytes) else str(part).encode("utf-8")
        h.update(len(data).to_bytes(8, "big"))
        h.update(data)
    return h.hexdigest()


def corpus_hash(path: Path) -> str:
    """A hash of the corpus: the name and bytes of every file the loader may read (a folder's
    non-hidden files, or the one file given)."""
    path = Path(path)
    files = [path] if path.is_file() else sorted(p for p in path.iterdir() if p.is_file() and not p.name.startswith("."))
    return _digest(x for p in files for x in (p.name, p.read_bytes()))


def package_fingerprint() -> str:
    """A hash of the pack as it runs: its version, every code, data and template file under ``analysis/``,
    and the versions of the libraries that draw and export the reports."""
    from importlib.metadata import PackageNotFoundError, version

    def _version(name: str) -> str:
        try:
            return version(name)
        except PackageNotFoundError:
            return "-"

    files = sorted(p for p in _PACKAGE.rglob("*") if p.is_file() and p.suffix in _FINGERPRINT_SUFFIXES
                   and "__pycache__" not in p.parts)
    parts = [f"analysis {_version('analysis')}"] + [f"{lib} {_version(lib)}" for lib in _LIBRARIES]
    parts += [x for p in files for x in (p.relative_to(_PACKAGE).as_posix(), p.read_bytes())]
    return _digest(parts)


def cache_key(notebook: Path, corpus: str, parameter: str, fingerprint: str) -> str:
    """What a report depends on: the corpus hash, the notebook's bytes, the corpus path it is given,
    and the pack's fingerprint."""
    return _digest([corpus, Path(notebook).read_bytes(), parameter, fingerprint])


def with_parameters(nb, corpus: str):
    """``nb`` with ``CORPUS = "<corpus>"`` in its cell tagged ``parameters`` (the line replaced, or added);
    without such a cell, a cell tagged ``injected-parameters`` is put first. Returns ``nb`` (changed)."""
    import nbformat

    line = f"CORPUS = {json.dumps(corpus, ensure_ascii=False)}"
    for cell in nb.cells:
        if cell.cell_type == "code" and "parameters" in cell.get("metadata", {}).get("tags", []):
            source = cell.source
            if re.search(r"(?m)^CORPUS\s*=.*$", source):
                cell.source = re.sub(r"(?m)^CORPUS\s*=.*$", lambda _: line, source, count=1)
            else:
                cell.source = source.rstrip("\n") + ("\n" if source.strip() else "") + line
            return nb
    cell = nbformat.v4.new_code_cell(line, metadata={"tags": ["injected-parameters", "remove-cell"]})
    cell.pop("id", None)
    nb.cells.insert(0, cell)
    return nb


_LABEL = re.compile(r"^(?:what|summary|about|in short|tl;dr)\s*:\s*", re.IGNORECASE)


def _plain(markdown: str) -> str:
    """Markdown as one line of plain text (links, emphasis, code marks and HTML tags dropped)."""
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", markdown)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"<[^>]+>", "", text)
    text = re.sub(r"[*_`]+", "", text)
    return re.sub(r"\s+", " ", text).strip()


def notebook_title(nb, fallback: str) -> tuple[str, str]:
    """The title (the first ``# heading``) and a one-line summary (the first line of prose after it, or
    ``metadata.analysis.summary``) of a notebook."""
    title, summary = "", ""
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        for raw in cell.source.splitlines():
            line = raw.strip()
            if not line:
                continue
            if not title and line.startswith("# "):
                title = _plain(line[2:])
            elif not summary and not line.startswith("#") and not line.startswith(("|", "```", "---", ">")):
                summary = _LABEL.sub("", _plain(line.lstrip("-*0123456789. ")))
                summary = summary[:1].upper() + summary[1:]
        if title and summary:
            break
    summary = nb.metadata.get("analysis", {}).get("summary", summary)
    if len(summary) > 240:  # the first sentence, else a cut
        first = re.match(r"(.{40,240}?[.!?])(\s|$)", summary)
        summary = first[1] if first else summary[:239].rstrip() + "…"
    return title or fallback, summary


@dataclass
class Job:
    """One notebook to run: where it is, the corpus path to give it, where its report and chart data go."""

    name: str  # the report's name: the notebook's file name without .ipynb
    notebook: str  # path of the notebook
    corpus: str  # the value of CORPUS (relative to the notebook's folder)
    html: str  # path of the report to write
    charts: str  # folder of the chart data
    charts_href: str  # that folder, relative to the report
    footer: str = ""


@dataclass
class Result:
    """What became of a job: ``ok`` or ``failed`` (with the cell and the error), its charts, its time."""

    name: str
    status: str = "ok"
    cell: int | None = None  # 1-based number of the failing cell
    error: str = ""
    charts: list[dict] = field(default_factory=list)
    seconds: float = 0.0


def _failure(nb, exc: BaseException) -> tuple[int | None, str]:
    """The failing cell (1-based, counting every cell) and a one-line error."""
    for i, cell in enumerate(nb.cells, start=1):
        for output in cell.get("outputs", []) if cell.cell_type == "code" else []:
            if output.get("output_type") == "error":
                value = str(output.get("evalue", "")).strip().splitlines()
                return i, f"{output.get('ename', 'Error')}: {value[0] if value else ''}".rstrip(": ")
    index = getattr(exc, "cell_index", None)
    message = str(exc).strip().splitlines()
    text = f"{type(exc).__name__}: {message[-1] if message else ''}".rstrip(": ")
    return (index + 1 if isinstance(index, int) else None), text


def run_notebook(job: Job) -> Result:
    """Execute ``job.notebook`` against ``job.corpus`` and write its report (also when a cell fails: the
    report then shows the error). Never raises for a notebook's own errors."""
    import nbformat
    from nbclient import NotebookClient

    from ..present.charts import CHART_DATA_ENV, CHART_HREF_ENV
    from .export import export_html

    started = time.monotonic()
    result = Result(job.name)
    notebook = Path(job.notebook)
    try:
        nb = nbformat.read(notebook, as_version=4)
    except Exception as exc:  # an unreadable notebook is reported like a failing one
        result.status, result.error = "failed", f"cannot read the notebook: {type(exc).__name__}: {exc}"
        return result
    with_parameters(nb, job.corpus)
    title, _ = notebook_title(nb, job.name)
    saved = {k: os.environ.get(k) for k in (CHART_DATA_ENV, CHART_HREF_ENV, "PYTHONHASHSEED", "MPLBACKEND")}
    os.environ.update({CHART_DATA_ENV: job.charts, CHART_HREF_ENV: job.charts_href, "PYTHONHASHSEED": "0"})
    os.environ.pop("MPLBACKEND", None)  # the kernel's inline backend draws the figures
    log = tempfile.TemporaryFile(mode="w+", encoding="utf-8", errors="replace")  # the kernel's own stderr
    try:
        client = NotebookClient(nb, kernel_name="python3", timeout=CELL_TIMEOUT, record_timing=False,
                                resources={"metadata": {"path": str(notebook.parent)}})
        client.execute(stderr=log)
    except Exception as exc:  # CellExecutionError, a dead kernel, a timeout
        result.status = "failed"
        result.cell, result.error = _failure(nb, exc)
        if result.cell is None:  # the kernel died or never started: its last words say why
            log.seek(0)
            last = [line.strip() for line in log.read().splitlines() if line.strip() and "WARNING" not in line]
            result.error += f" (kernel: {last[-1]})" if last else ""
    finally:
        log.close()
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    manifest = Path(job.charts) / "charts.json"
    if manifest.exists():
        result.charts = json.loads(manifest.read_text(encoding="utf-8"))
        manifest.unlink()
    Path(job.html).write_text(export_html(nb, title, footer=job.footer, path=str(notebook.parent)), encoding="utf-8")
    result.seconds = time.monotonic() - started
    return result
