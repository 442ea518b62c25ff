"""The claims stage: numbers grammar → quantities → claims with their roles."""

from ..corpus.loader import Corpus
from .corpus import CORPUS_CLAIM_SCHEMA, corpus_claims, document_claims
from .counting import counted
from .extract import CLAIM_COLUMNS, extract_claims

Corpus.claims_builder = corpus_claims
Corpus.document_claims = document_claims
Corpus.claims_schema = CORPUS_CLAIM_SCHEMA

__all__ = ["CLAIM_COLUMNS", "corpus_claims", "counted", "document_claims", "extract_claims"]
