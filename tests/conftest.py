"""Shared fixtures (the seed corpus) and the figures printed at the end of a run."""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
_REPORTS: dict[str, dict] = {}


def report(title: str, figures: dict) -> None:
    """Record figures to print in the terminal summary (quality measures, pass rates)."""
    _REPORTS[title] = figures


def pytest_terminal_summary(terminalreporter):
    for title, figures in _REPORTS.items():
        terminalreporter.write_sep("-", title)
        for key, value in figures.items():
            shown = f"{value:.3f}" if isinstance(value, float) else str(value)
            terminalreporter.write_line(f"{key:>28}: {shown}")


@pytest.fixture(scope="session")
def seed_corpus():
    from analysis import load_corpus

    return load_corpus(SEEDS, strict=True)
