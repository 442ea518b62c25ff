"""The claims stage: numbers grammar → quantities → claims with their roles."""

from ..corpus.loader import Corpus
from .counting import counted
from .extract import CLAIM_COLUMNS, corpus_claims, extract_claims

Corpus.claims_builder = corpus_claims

__all__ = ["CLAIM_COLUMNS", "corpus_claims", "counted", "extract_claims"]
