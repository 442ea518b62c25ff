"""The reports ``build`` writes beside its tables: one HTML page per notebook, the data behind every
chart, and ``index.html``.

:func:`build_reports` runs every notebook of :func:`~analysis.build.notebooks.find_notebooks` against
the corpus (in parallel, up to ``jobs`` at once, each in a fresh kernel), exports each to one static
page (:mod:`analysis.build.export`), and writes into the build's staging folder:

* ``NAME.html``: the report of ``notebooks/NAME.ipynb`` (a failing notebook's report shows the error);
* ``charts/NAME/NN-title.csv``: the table behind each chart, one row per number drawn, with its source
  span (``claim_id, doc_id, start, end, text``), written by :func:`analysis.present.charts.register`;
* ``index.html``: every report with a one-line summary, its size and links to its charts' data, the
  tables, and the one line that differs between two builds of the same inputs, the build stamp
  (``SOURCE_DATE_EPOCH`` fixes it);
* ``build.json``: what each report was built from (its cache key), its charts and its status.

A report whose cache key (corpus hash, notebook file, corpus path, the pack's code, data, templates and
library versions: :func:`~analysis.build.notebooks.cache_key`) is the one in the previous
``build.json`` of the output folder, and whose files are still there, is copied from it instead of run
again, unless ``force``. Every link is relative: the folder can be zipped and mailed.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from .export import CSP, TEMPLATES, report_css
from .notebooks import (Job, Result, cache_key, corpus_hash, find_notebooks, notebook_title,
                        package_fingerprint)
from .tables import TABLES

__all__ = ["MANIFEST", "SIZE_TARGET", "Report", "previous_files", "build_reports", "write_index", "build_stamp",
           "human_size"]

#: The build's own record in the output folder.
MANIFEST = "build.json"
#: A report above this size is reported (bytes).
SIZE_TARGET = 2_000_000
_FORMAT = 1


@dataclass
class Report:
    """One report of a build, as :func:`build_reports` returns it."""

    name: str
    notebook: Path
    title: str = ""
    summary: str = ""
    status: str = "ok"  # ok | failed
    cell: int | None = None
    error: str = ""
    cached: bool = False
    seconds: float = 0.0
    charts: list[dict] = field(default_factory=list)
    size: int = 0
    key: str = ""

    @property
    def html(self) -> str:
        return f"{self.name}.html"


def previous_files(out: Path) -> set[str]:
    """The names a previous build wrote at the top of ``out`` besides its tables (from its ``build.json``):
    a build may replace them."""
    manifest = _read_manifest(Path(out))
    return {MANIFEST, *manifest.get("files", [])} if manifest else set()


def _read_manifest(out: Path) -> dict:
    try:
        manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return manifest if isinstance(manifest, dict) and manifest.get("format") == _FORMAT else {}


def build_stamp() -> str:
    """When the build ran (UTC), or ``SOURCE_DATE_EPOCH`` when set: the one line two builds differ by."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    moment = datetime.fromtimestamp(int(epoch), timezone.utc) if epoch.isdigit() else datetime.now(timezone.utc)
    return moment.strftime("%Y-%m-%d %H:%M UTC")


def _relative(target: Path, start: Path) -> str:
    return Path(os.path.relpath(target.resolve(), start.resolve())).as_posix()


def _cached(old: dict, report: Report, out: Path) -> bool:
    """Whether the previous build holds this report, built from the same inputs, whole and successful."""
    entry = old.get("reports", {}).get(report.name)
    if not entry or entry.get("key") != report.key or entry.get("status") != "ok":
        return False
    charts = out / "charts" / report.name
    return (out / report.html).is_file() and all((charts / c["file"]).is_file() for c in entry.get("charts", []))


def build_reports(corpus_path: Path, staging: Path, out: Path, notebooks: Path, jobs: int | None = None,
                  force: bool = False, step: Callable[[str], None] | None = None) -> list[Report]:
    """Run (or reuse) every notebook's report into ``staging``; ``out`` is the previous output (the cache).

    ``step(name)`` is called as each notebook's report is done (for a progress bar). Returns the reports
    in notebook order; a failing notebook has ``status == "failed"``, its cell and error.
    """
    from concurrent.futures import ProcessPoolExecutor, as_completed
    from multiprocessing import get_context

    import nbformat

    from .notebooks import run_notebook

    # absolute: each kernel runs in its notebook's folder
    corpus_path, staging, out = Path(corpus_path).resolve(), Path(staging).resolve(), Path(out).resolve()
    step = step or (lambda _name: None)
    old = {} if force else _read_manifest(out)
    fingerprint, corpus = package_fingerprint(), corpus_hash(corpus_path)
    reports, todo = [], []
    for path in find_notebooks(notebooks):
        report = Report(path.stem, path)
        parameter = _relative(corpus_path, path.parent)
        report.key = cache_key(path, corpus, parameter, fingerprint)
        try:
            report.title, report.summary = notebook_title(nbformat.read(path, as_version=4), path.stem)
        except Exception:  # an unreadable notebook fails in its run, with the reason
            report.title = path.stem
        reports.append(report)
        if not force and _cached(old, report, out):
            entry = old["reports"][report.name]
            shutil.copy2(out / report.html, staging / report.html)
            if entry.get("charts"):
                shutil.copytree(out / "charts" / report.name, staging / "charts" / report.name)
            report.charts, report.cached = entry["charts"], True
            step(report.name)
            continue
        footer = (f"The report of {notebooks.name}/{path.name} on the corpus {corpus_path.resolve().name}/, "
                  "built by python -m analysis build")
        todo.append(Job(report.name, str(path), parameter, str(staging / report.html),
                        str(staging / "charts" / report.name), f"charts/{report.name}", footer))
    if todo:
        by_name = {r.name: r for r in reports}
        workers = max(1, min(jobs or os.cpu_count() or 1, len(todo)))
        with ProcessPoolExecutor(max_workers=workers, mp_context=get_context("spawn")) as pool:
            futures = {pool.submit(run_notebook, job): job for job in todo}
            for future in as_completed(futures):
                job = futures[future]
                try:
                    result = future.result()
                except Exception as exc:  # the worker itself died
                    result = Result(job.name, "failed", error=f"{type(exc).__name__}: {exc}")
                report = by_name[result.name]
                report.status, report.cell, report.error = result.status, result.cell, result.error
                report.charts, report.seconds = result.charts, result.seconds
                step(report.name)
    charts = staging / "charts"
    for folder in sorted(charts.iterdir()) if charts.is_dir() else []:
        if folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
    if charts.is_dir() and not any(charts.iterdir()):
        charts.rmdir()
    for report in reports:
        page = staging / report.html
        report.size = page.stat().st_size if page.is_file() else 0
    return reports


def human_size(n: int) -> str:
    """``412 KB``, ``1.3 MB``."""
    return f"{n / 1e6:.1f} MB" if n >= 1e6 else f"{max(1, round(n / 1e3))} KB"


def write_index(staging: Path, reports: list[Report], corpus, corpus_path: Path, stamp: str) -> None:
    """``index.html`` and ``build.json`` in ``staging`` (the tables must already be there)."""
    import jinja2

    from ..claims import counted

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True,
                             keep_trailing_newline=True, undefined=jinja2.StrictUndefined)
    env.filters["size"] = human_size
    langs = corpus.documents["lang"].value_counts().sort_index()
    claims = corpus.claims
    tables = []
    for name in TABLES:
        if (staging / f"{name}.csv").is_file():
            tables.append({"name": name, "rows": len(getattr(corpus, name)),
                           "csv": f"{name}.csv", "parquet": f"{name}.parquet"})
    facts = {
        "documents": len(corpus.documents),
        "languages": ", ".join(f"{lang} {n}" for lang, n in langs.items()),
        "claims": len(claims), "counted": len(counted(claims)),
        "findings": len(corpus.comparison), "skipped": len(corpus.skipped),
    }
    page = env.get_template("index.html.j2").render(
        css=report_css(), csp=CSP, corpus=corpus_path.resolve().name, facts=facts, reports=reports,
        tables=tables, stamp=stamp)
    (staging / "index.html").write_text(page, encoding="utf-8")
    files = sorted({"index.html", *(r.html for r in reports if (staging / r.html).exists())}
                   | ({"charts"} if (staging / "charts").is_dir() else set()))
    manifest = {
        "format": _FORMAT,
        "files": files,
        "reports": {r.name: {"key": r.key, "status": r.status, "title": r.title, "charts": r.charts,
                             **({"cell": r.cell, "error": r.error} if r.status != "ok" else {})}
                    for r in reports},
    }
    (staging / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                                    encoding="utf-8")

