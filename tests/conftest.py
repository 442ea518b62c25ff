"""Shared fixtures: the project root, the seeds folder and the loaded seed corpus."""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def seed_corpus():
    from analysis import load_corpus

    return load_corpus(SEEDS, strict=True)
