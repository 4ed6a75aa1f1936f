"""Parameter paragraphs shared by the docstrings of the measures, written once.

A docstring names a shared paragraph as ``%(random_state)s`` on a line of its
own, indented like the parameter it documents; :func:`fill_doc` puts the
paragraph there (only those names: a ``%`` elsewhere is left alone).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TypeVar

__all__ = ["DOCS", "fill_doc"]

#: Shared parameter paragraphs, numpydoc, without the leading indent.
DOCS = {
    "by": """by : str, default="outlet"
    Column of ``corpus.articles`` that defines the groups compared.""",
    "n_resamples": """n_resamples : int, default=1000
    Bootstrap resamples of each group's articles for the intervals, and
    permutations of the group labels across articles for the tests; 0 gives
    neither (NaN).""",
    "ci": """ci : float, default=0.95
    Confidence level of the percentile bootstrap intervals; recorded in the
    result's ``attrs["ci"]``, where the charts read it.""",
    "random_state": """random_state : int, numpy.random.Generator or None, default=0
    Seed of the resampling. framing's policy: every function that resamples
    takes ``random_state`` with the default 0, so the same call gives the same
    numbers; pass another int to see how much the resampling moves them, a
    Generator to continue its stream, or None for fresh entropy.""",
    "voice": """voice : {"outlet", "quoted", "all"}, default="outlet"
    Whose words count: the outlet's own (outside quotation marks, the
    default), the words it quotes, or all; recorded in ``attrs["voice"]``.
    Mention-level tables hold every match with its ``in_quote`` and
    ``voice``.""",
    "within": """within : str, optional
    An article column of events (for example ``"event"``): compare the
    groups inside each event and pool across events. The test then shuffles
    group labels inside events only and the intervals resample events (with
    all their articles); articles without an event are left out of them.
    Recorded in ``attrs["within"]``.""",
    "sections": """sections : list of {"headline", "lede", "body"}, optional
    Count only these parts of the articles (default: all).""",
    "corpus": """corpus : Corpus
    The articles.""",
    "actors": """actors : mapping or str or pathlib.Path
    ``{actor: [alias, ...]}``, or a JSON/YAML file holding one. Aliases
    may span words and use globs; adjacent aliases of one actor ("Hamas
    fighters") are one mention.""",
    "test": """test : bool, default=True
    At ``level="group"``, test whether the groups differ (needs two or
    more groups); with False, ``p_value`` and ``q_value`` are NaN.""",
}
# The resampling trio that every resampling measure takes, in this order, and
# with ``within`` before it the parameters of the mention-article-group ladder.
DOCS["resampling"] = "\n".join(DOCS[name] for name in ("n_resamples", "ci", "random_state"))
DOCS["ladder"] = "\n".join(DOCS[name] for name in ("within", "resampling"))

_PLACEHOLDER = re.compile(r"^(?P<indent>[ \t]*)%\((?P<name>\w+)\)s[ \t]*$", re.M)

F = TypeVar("F", bound=Callable)


def fill_doc(func: F) -> F:
    """Replace the ``%(name)s`` lines of ``func.__doc__`` by the paragraphs of :data:`DOCS`."""
    if func.__doc__:

        def paragraph(m: re.Match) -> str:
            indent = m.group("indent")
            return "\n".join(indent + line if line else line for line in DOCS[m.group("name")].split("\n"))

        func.__doc__ = _PLACEHOLDER.sub(paragraph, func.__doc__)
    return func
