"""framing: compare how news outlets frame one event.

Load several articles about the same event from different outlets and get,
per article and per outlet, word-choice, labelling, sentiment, agency, quote
and frame features, with article-level statistics and the sentences behind
every number, plus publication-ready comparison charts.

Each public name answers one question a researcher asks (see the README's
table); secondary functions live in the submodules: ``framing.plot`` (the
charts), ``framing.stream`` (corpora larger than memory),
``framing.datasets`` (the demo corpora and their actor and concept lists),
``framing.lexicons`` (the bundled word lists) and ``framing.comparison``
(:class:`~framing.comparison.Comparison`, what :func:`compare` returns).
"""

from __future__ import annotations

from . import datasets, lexicons, plot, stream  # noqa: F401  (submodules: framing.stream, ...)
from ._nlp.roles import entity_roles
from ._nlp.target import target_sentiment
from ._readers import load_corpus
from ._version import __version__ as __version__
from .comparison import compare
from .corpus import Corpus, CorpusError
from .datasets import load_example
from .features import article_features
from .measures.actors import actor_sentiment
from .measures.agency import agency, passive_voice
from .measures.classifier import FrameClassifier
from .measures.frames import frames
from .measures.kwic import kwic
from .measures.labels import label_choices, suggest_labels
from .measures.loaded import emotive_terms, loaded_language
from .measures.narrative import actor_roles
from .measures.omissions import omissions
from .measures.quotes import quotes
from .measures.reliability import reliability
from .measures.sentiment import score_sentiment, sentiment_profile
from .measures.terms import distinctive_terms

__all__ = [
    # the corpus
    "Corpus",
    "CorpusError",
    "load_corpus",
    "load_example",
    # everything at once
    "compare",
    "article_features",
    "plot",
    # word choice
    "distinctive_terms",
    "kwic",
    "label_choices",
    "suggest_labels",
    "loaded_language",
    "emotive_terms",
    # sentiment
    "score_sentiment",
    "sentiment_profile",
    "target_sentiment",
    "actor_sentiment",
    "entity_roles",
    "actor_roles",
    "omissions",
    # who acts, who speaks
    "agency",
    "passive_voice",
    "quotes",
    # frames
    "frames",
    "FrameClassifier",
    "reliability",
]
