"""An executed notebook → one self-contained, static HTML page (the project's nbconvert template).

The template (``templates/report/index.html.j2``, style sheet ``report.css``) writes a page that loads
nothing from anywhere and runs no JavaScript: figures are embedded PNGs, HTML from cells goes through
:func:`analysis.build.sanitize.clean_html`, text outputs are escaped, code sits in a closed
``<details>`` element, and :data:`CSP` (a ``Content-Security-Policy`` meta tag) forbids scripts,
frames, fonts, styles from files and every remote load. Cells tagged ``remove-cell`` are left out,
``remove-input`` (or ``hide-input``) keep only their outputs, ``remove-output`` only their code.
"""

from __future__ import annotations

import base64
from pathlib import Path

__all__ = ["CSP", "TEMPLATES", "export_html", "report_css"]

#: Where the project's templates live (``report/`` is the nbconvert template).
TEMPLATES = Path(__file__).with_name("templates")
#: The policy of every page: nothing but embedded pictures and inline styles.
CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"
#: What is shown, best first: HTML (tables, the claim viewer), Markdown (narrative), pictures, text.
#: Scripts, widgets, LaTeX for MathJax and mermaid diagrams are never chosen when anything else is there.
PRIORITY = ["text/html", "text/markdown", "image/png", "image/jpeg", "image/svg+xml", "text/plain", "text/latex",
            "text/vnd.mermaid", "application/javascript", "application/vnd.jupyter.widget-view+json"]

_exporter = None


def report_css() -> str:
    """The reports' style sheet (inlined in every page)."""
    return (TEMPLATES / "report" / "report.css").read_text(encoding="utf-8")


def _svg_data_uri(svg) -> str:
    """An SVG output as an embedded picture (an ``<img>`` runs none of its scripts)."""
    svg = "".join(svg) if isinstance(svg, list) else str(svg)
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")


def _get_exporter():
    global _exporter
    if _exporter is None:
        from nbconvert import HTMLExporter
        from traitlets.config import Config

        from .sanitize import clean_html

        config = Config()
        config.NbConvertBase.display_data_priority = PRIORITY
        config.TagRemovePreprocessor.enabled = True
        config.TagRemovePreprocessor.remove_cell_tags = {"remove-cell", "remove_cell"}
        config.TagRemovePreprocessor.remove_input_tags = {"remove-input", "remove_input", "hide-input"}
        config.TagRemovePreprocessor.remove_all_outputs_tags = {"remove-output", "remove_output"}
        # Not embed_images: it re-parses each inline tag alone and so empties every <bdi> of the narrative
        # (a picture in a Markdown cell that is not embedded is dropped by clean_html: nothing is linked).
        config.HTMLExporter.embed_images = False
        exporter = HTMLExporter(config=config, extra_template_basedirs=[str(TEMPLATES)], template_name="report")
        exporter.register_filter("clean_html", clean_html)
        exporter.register_filter("svg_data_uri", _svg_data_uri)
        _exporter = exporter
    return _exporter


def export_html(nb, title: str, footer: str = "", links: list[dict] | None = None, path: str = "") -> str:
    """The notebook ``nb`` (a ``NotebookNode``, executed) as one static HTML page.

    ``title`` names the page; ``footer`` is a line of plain text at its foot; ``links`` are extra
    navigation links (``{"href", "text"}``, relative); ``path`` is the notebook's folder (pictures in
    Markdown cells are read from it and embedded).
    """
    exporter = _get_exporter()
    resources = {
        "metadata": {"path": path, "name": title},
        "report": {"title": title, "footer": footer, "links": links or [], "csp": CSP,
                   "alt": f"chart from the report {title}"},
    }
    body, _ = exporter.from_notebook_node(nb, resources=resources)
    return body
