"""framing: compare how news outlets frame one event.

Load several articles about the same event from different outlets and get,
per article and per outlet, word-choice, labelling, sentiment, agency, quote
and frame features, with article-level statistics and the sentences behind
every number, plus publication-ready comparison charts.
"""

from __future__ import annotations

from .corpus import Corpus, CorpusError, load_corpus
from .datasets import load_example, load_example_lists
from .sentiment import score_sentiment

__version__ = "0.1.0"

__all__ = [
    "Corpus",
    "CorpusError",
    "load_corpus",
    "load_example",
    "load_example_lists",
    "score_sentiment",
    "__version__",
]
