"""Every analysis at once: ``framing.compare`` and the :class:`Comparison` it returns."""

from __future__ import annotations

import sys
import zlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import numpy as np
import pandas as pd

from .measures._mentions import read_mapping
from .measures._stats import check_random_state
from ._parallel import interactive
from .corpus import Corpus, _check_by

__all__ = ["Comparison", "compare"]


@dataclass
class _Step:
    name: str
    title: str
    needs: tuple[str, ...]
    run: Callable[..., dict[str, pd.DataFrame]]


def _overview(c: Comparison, rng) -> dict[str, pd.DataFrame]:
    from .report import overview

    return {"overview": overview(c.corpus, by=c.by), "duplicates": c.corpus.duplicates(), "skipped": c.corpus.skipped}


def _terms(c: Comparison, rng) -> dict[str, pd.DataFrame]:
    from .measures.terms import distinctive_terms

    n_articles = len(c.corpus)
    min_count = 3 if n_articles < 100 else 5
    return {
        "terms": distinctive_terms(
            c.corpus, by=c.by, ngram_range=(1, 2), min_count=min_count, n_resamples=c.n_resamples, random_state=rng
        )
    }


def _sentiment(c: Comparison, rng) -> dict[str, pd.DataFrame]:
    from .measures.sentiment import sentiment_profile

    kw = {"by": c.by, "n_resamples": c.n_resamples, "random_state": rng}
    return {
        "sentiment": sentiment_profile(c.corpus, **kw),
        "sentiment_articles": sentiment_profile(c.corpus, level="article", by=c.by),
        "sentiment_arc": sentiment_profile(c.corpus, level="arc", **kw),
    }


def _loaded(c: Comparison, rng) -> dict[str, pd.DataFrame]:
    from .measures.loaded import loaded_language

    kw = {"by": c.by, "n_resamples": c.n_resamples, "random_state": rng}
    out = {}
    for name, lexicon in (("loaded_language", "emotive"), ("hedges", "hedges"), ("intensifiers", "intensifiers")):
        out[name] = loaded_language(c.corpus, lexicon=lexicon, **kw)
        out[f"{name}_articles"] = loaded_language(c.corpus, lexicon=lexicon, by=c.by, level="article")
    return out


def _emotive(c: Comparison, rng) -> dict[str, pd.DataFrame]:
    from .measures.loaded import emotive_terms

    kw = {"by": c.by, "n_resamples": c.n_resamples, "random_state": rng}
    return {
        "emotive_actors": emotive_terms(c.corpus, c.actors, unit="category", **kw),
        "emotive_terms": emotive_terms(c.corpus, c.actors, unit="term", **kw),
    }


def _frames(c: Comparison, rng) -> dict[str, pd.DataFrame]:
    from .measures.frames import frames

    return {
        "frames": frames(c.corpus, by=c.by, n_resamples=c.n_resamples, random_state=rng),
        "frames_articles": frames(c.corpus, by=c.by, level="article"),
    }


def _quotes(c: Comparison, rng) -> dict[str, pd.DataFrame]:
    from .measures.quotes import quotes

    kw = {"by": c.by, "actors": c.actors, "n_resamples": c.n_resamples, "random_state": rng}
    return {
        "quotes": quotes(c.corpus, by=c.by, actors=c.actors, level="mention"),
        "quote_share": quotes(c.corpus, level="group", what="share", **kw),
        "quote_speakers": quotes(c.corpus, level="group", what="speakers", **kw),
        "quote_verbs": quotes(c.corpus, level="group", what="verbs", **kw),
        "quote_articles": quotes(c.corpus, by=c.by, actors=c.actors, level="article", what="share"),
    }


def _actor_sentiment(c: Comparison, rng) -> dict[str, pd.DataFrame]:
    from .measures.actors import actor_sentiment

    kw = {"by": c.by, "n_resamples": c.n_resamples, "random_state": rng}
    return {
        "actor_sentiment": actor_sentiment(c.corpus, c.actors, **kw),
        "actor_sentiment_quoted": actor_sentiment(c.corpus, c.actors, voice="quoted", test=False, **kw),
    }


def _agency(c: Comparison, rng) -> dict[str, pd.DataFrame]:
    from .measures.agency import agency

    return {"agency": agency(c.corpus, c.actors, by=c.by, n_resamples=c.n_resamples, random_state=rng)}


def _voice(c: Comparison, rng) -> dict[str, pd.DataFrame]:
    from .measures.agency import passive_voice

    return {
        "passive_voice": passive_voice(c.corpus, by=c.by, n_resamples=c.n_resamples, random_state=rng),
        "passive_voice_articles": passive_voice(c.corpus, by=c.by, level="article"),
    }


def _features(c: Comparison, rng) -> dict[str, pd.DataFrame]:
    from .features import article_features

    return {"article_features": article_features(c.corpus, by=c.by)}


def _labels(c: Comparison, rng) -> dict[str, pd.DataFrame]:
    from .measures.labels import label_choices, label_differences

    kw = {"by": c.by, "n_resamples": c.n_resamples, "random_state": rng}
    return {
        "labels": label_choices(c.corpus, c.concepts, **kw),
        "label_differences": label_differences(c.corpus, c.concepts, **kw),
    }


#: The analyses run by :func:`compare`, in order.
STEPS: list[_Step] = [
    _Step("overview", "Corpus overview", (), _overview),
    _Step("terms", "Distinctive terms", (), _terms),
    _Step("sentiment", "Sentiment", (), _sentiment),
    _Step("labels", "Labels for the same concept", ("concepts",), _labels),
    _Step("loaded", "Loaded language, hedges and intensifiers", (), _loaded),
    _Step("emotive", "Emotive words by actor", ("actors",), _emotive),
    _Step("actor_sentiment", "Sentiment toward actors", ("actors",), _actor_sentiment),
    _Step("frames", "Frame dimensions", (), _frames),
    _Step("quotes", "Quotations and reporting verbs", (), _quotes),
    _Step("voice", "Passive voice and agentless harm", (), _voice),
    _Step("agency", "Who acts and who suffers", ("actors",), _agency),
    _Step("features", "Article features", (), _features),
]


@dataclass
class Comparison:
    """The results of :func:`compare`: tables, charts, evidence and a report.

    Attributes
    ----------
    corpus : Corpus
        The articles analysed.
    by : str
        The grouping column.
    actors, concepts : dict or None
        The actors (name -> aliases) and concepts (name -> labels) used.
    tables : dict of str to pandas.DataFrame
        Every result table by name (see :attr:`names`).
    """

    corpus: Corpus
    by: str = "outlet"
    actors: dict[str, list[str]] | None = None
    concepts: dict[str, list[str]] | None = None
    n_resamples: int = 1000
    random_state: Any = 0
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)

    @property
    def names(self) -> list[str]:
        """Names of the result tables."""
        return list(self.tables)

    @property
    def groups(self) -> list[str]:
        """The compared groups (outlets) in display order."""
        return self.corpus.groups(self.by)

    def __getitem__(self, name: str) -> pd.DataFrame:
        if name not in self.tables:
            raise KeyError(f"no table {name!r}; tables: {self.names}")
        return self.tables[name].copy()

    def __repr__(self) -> str:
        return f"Comparison({len(self.corpus)} articles, {len(self.groups)} {self.by}s, tables: {', '.join(self.names)})"

    def summary(self) -> pd.DataFrame:
        """The per-outlet table a researcher would put in a paper.

        One row per group with the number of articles and words, and for each
        measure available the estimate with its 95% interval over articles
        (as "estimate [low, high]" text in the ``*_ci`` columns, numbers in
        the others).
        """
        from .report import summary_table

        return summary_table(self)

    def evidence(self, what: str, **where: Any) -> pd.DataFrame:
        """The sentences behind a figure.

        Parameters
        ----------
        what : str
            ``"term"`` (``term=...``), ``"sentiment"`` (the most negative and
            positive sentences, ``sort="negative"|"positive"``),
            ``"emotive"`` (``actor=...``, ``term=...`` or ``category=...``),
            ``"loaded"`` (``category=...``).
        **where
            Filters on the columns of the evidence table, e.g.
            ``outlet="Harbor Lantern"``; a list keeps any of its values.

        Returns
        -------
        pandas.DataFrame
            One row per sentence (or match) with ``doc_id``, the group, the
            sentence and what was found in it.
        """
        from .report import EVIDENCE

        if what not in EVIDENCE:
            raise ValueError(f"what={what!r} is not known; choose one of {sorted(EVIDENCE)}")
        return EVIDENCE[what](self, **where)

    def plot(self, name: str = "dashboard", **kwargs: Any):
        """Draw one of the charts (a matplotlib Figure).

        ``name`` is one of :attr:`charts`; keyword arguments go to the
        plotting function.
        """
        from .report import CHARTS

        if name not in self.charts:
            raise ValueError(f"no chart {name!r} for this comparison; charts: {self.charts}")
        return CHARTS[name](self, **kwargs)

    @property
    def charts(self) -> list[str]:
        """Names of the charts this comparison can draw."""
        from .report import CHARTS, chart_available

        return [n for n in CHARTS if chart_available(self, n)]

    def report(self, path: str | Path) -> Path:
        """Write charts (PNG and SVG), CSV tables and ``report.html`` into ``path``.

        Returns the path of ``report.html``, a single self-contained file
        (images embedded) that opens in any browser.
        """
        from .report import write_report

        return write_report(self, Path(path))

    def _repr_html_(self) -> str:
        from .report import comparison_html

        return comparison_html(self)


def compare(
    corpus: Corpus,
    actors: Mapping[str, Sequence[str]] | str | Path | None = None,
    concepts: Mapping[str, Sequence[str]] | str | Path | None = None,
    *,
    by: str = "outlet",
    n_resamples: int = 1000,
    random_state: int | np.random.Generator | None = 0,
    duplicates: Literal["keep", "drop"] = "keep",
    progress: bool | None = None,
) -> Comparison:
    """Run every analysis once and keep the results together.

    Parameters
    ----------
    corpus : Corpus
        Articles from two or more groups (outlets).
    actors : mapping or path, optional
        Actor name -> aliases (or a JSON/YAML file): enables the actor
        analyses (emotive words, sentiment toward actors, agency).
    concepts : mapping or path, optional
        Concept -> label variants (or a JSON/YAML file): enables the label
        analysis.
    by : str, default="outlet"
        Column of ``corpus.articles`` that defines the groups.
    n_resamples : int, default=1000
        Bootstrap resamples and permutations of every analysis.
    random_state : int, numpy.random.Generator or None, default=0
        Seed: the same seed gives the same results.
    duplicates : {"keep", "drop"}, default="keep"
        ``"drop"`` analyses the corpus without republished copies (see
        :meth:`Corpus.drop_duplicates`); the dropped articles are listed in
        the report with the article they copy.
    progress : bool, optional
        Show a progress bar (default: only in Jupyter or a terminal).

    Returns
    -------
    Comparison

    Raises
    ------
    ValueError
        If the corpus has fewer than two groups, or ``actors``/``concepts``
        cannot be read.

    Examples
    --------
    >>> import framing
    >>> corpus = framing.load_example("rafah")
    >>> actors, concepts = framing.load_example_lists("rafah")
    >>> result = framing.compare(corpus, actors, concepts, n_resamples=50)
    >>> "terms" in result.names and len(result.summary()) == len(corpus.outlets)
    True
    """
    from tqdm.auto import tqdm

    if not isinstance(corpus, Corpus):
        raise TypeError(f"corpus must be a framing.Corpus (see framing.load_corpus), got {type(corpus).__name__}")
    if duplicates not in ("keep", "drop"):
        raise ValueError(f"duplicates must be 'keep' or 'drop', got {duplicates!r}")
    if duplicates == "drop":
        corpus = corpus.drop_duplicates()
    _check_by(corpus, by)
    groups = corpus.groups(by)
    if len(groups) < 2:
        raise ValueError(
            f"a comparison needs articles from two or more {by}s; this corpus has only {groups[0]!r}"
        )
    result = Comparison(
        corpus=corpus,
        by=by,
        actors=read_mapping(actors, what="actors") if actors is not None else None,
        concepts=read_mapping(concepts, what="concepts") if concepts is not None else None,
        n_resamples=n_resamples,
        random_state=random_state,
    )
    base = int(check_random_state(random_state).integers(2**63))
    steps = [s for s in STEPS if all(getattr(result, need) is not None for need in s.needs)]
    show = interactive() if progress is None else progress
    for step in tqdm(steps, desc="framing", disable=not show, leave=False):
        # each step has its own random stream, named after it, so that adding
        # or skipping a step never changes the results of the others
        step_rng = np.random.default_rng([base, zlib.crc32(step.name.encode())])
        result.tables.update(step.run(result, step_rng))
    return result
