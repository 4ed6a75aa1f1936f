"""framing: compare how news outlets frame one event.

Load several articles about the same event from different outlets and get,
per article and per outlet, word-choice, labelling, sentiment, agency, quote
and frame features, with article-level statistics and the sentences behind
every number, plus publication-ready comparison charts.
"""

from __future__ import annotations

from .measures.actors import actor_sentiment
from .comparison import Comparison, compare
from ._readers import load_corpus
from .corpus import Corpus, CorpusError
from .datasets import load_example, load_example_lists
from .measures.loaded import emotive_terms, loaded_language
from .features import article_features
from .measures.frames import frames
from .measures.labels import kwic, label_choices, suggest_labels
from .measures.quotes import quotes
from .measures.agency import agency, passive_voice
from .measures.sentiment import score_sentiment, sentiment_profile
from ._nlp.target import target_sentiment
from .measures.terms import distinctive_terms

from ._version import __version__


def __getattr__(name: str):
    # Submodules loaded on first use: framing.plot imports matplotlib.pyplot,
    # framing.stream joblib, framing.lexicons the word lists.
    if name in ("plot", "stream", "lexicons"):
        import importlib

        return importlib.import_module(f".{name}", __name__)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "Comparison",
    "actor_sentiment",
    "agency",
    "article_features",
    "Corpus",
    "compare",
    "CorpusError",
    "distinctive_terms",
    "emotive_terms",
    "frames",
    "kwic",
    "label_choices",
    "load_corpus",
    "load_example",
    "load_example_lists",
    "loaded_language",
    "passive_voice",
    "plot",
    "quotes",
    "score_sentiment",
    "suggest_labels",
    "sentiment_profile",
    "target_sentiment",
    "__version__",
]
