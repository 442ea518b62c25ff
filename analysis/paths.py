"""Where things live in the project (one place for paths, so notebooks run from any folder)."""

from pathlib import Path

__all__ = ["PROJECT_ROOT", "SEEDS", "REPORTS"]

#: The repository root (the package is installed in editable mode from it).
PROJECT_ROOT = Path(__file__).resolve().parents[1]
#: The articles and their manifest.
SEEDS = PROJECT_ROOT / "seeds"
#: Where ``python -m analysis build`` writes its tables.
REPORTS = PROJECT_ROOT / "reports"
