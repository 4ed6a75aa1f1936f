"""framing: compare how news outlets frame one event.

Load several articles about the same event from different outlets and get,
per article and per outlet, word-choice, labelling, sentiment, agency, quote
and frame features, with article-level statistics and the sentences behind
every number, plus publication-ready comparison charts.
"""

from __future__ import annotations

from .actors import actor_sentiment
from .comparison import Comparison, compare
from .corpus import Corpus, CorpusError, load_corpus
from .datasets import load_example, load_example_lists
from .emotive import emotive_terms, loaded_language
from .features import article_features
from .framedims import frames
from .labels import kwic, label_choices, suggest_labels
from .quotations import quotes
from .roles import agency, passive_voice
from .sentiment import score_sentiment, sentiment_profile
from .target import target_sentiment
from .terms import distinctive_terms

__version__ = "0.1.0"


def __getattr__(name: str):
    # framing.plot imports matplotlib.pyplot, so it is loaded on first use.
    if name == "plot":
        import importlib

        return importlib.import_module(".plot", __name__)
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
