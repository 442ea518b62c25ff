"""Analysis pack for Hebrew and Arabic news about the AI industry.

Load a folder of articles with :func:`load_corpus` and read every reported
number as a traceable claim with :func:`extract_claims` or ``Corpus.claims``;
:func:`iter_claims` streams the claims of an archive a chunk at a time.
"""

from .claims import counted, extract_claims
from .compare import compare_sources
from .corpus.loader import Corpus, CorpusError, CorpusWarning, load_corpus
from .present import describe_claim, describe_finding, select, show
from .build.scale import iter_claims

__all__ = ["Corpus", "CorpusError", "CorpusWarning", "load_corpus", "extract_claims", "counted", "compare_sources",
           "select", "describe_claim", "describe_finding", "show", "iter_claims"]
