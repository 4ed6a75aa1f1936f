"""Every analysis at once: ``framing.compare`` and the :class:`Comparison` it returns."""

from __future__ import annotations

import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

import numpy as np
import pandas as pd
from matplotlib.colors import is_color_like
from tqdm.auto import tqdm

from ._parallel import interactive
from .analyses import ANALYSES, Chart
from .corpus import Corpus, _check_by, grouped_by
from .features import article_features
from .measures._mentions import read_mapping
from .measures._stats import check_random_state
from .report import (
    Explorer,
    comparison_html,
    explorer_html,
    latex_table,
    markdown_table,
    write_report,
)

__all__ = ["Comparison", "compare"]


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
    n_resamples : int
        Bootstrap resamples and permutations of every analysis.
    random_state : int, numpy.random.Generator or None
        The seed the comparison was run with.
    ci : float
        Confidence level of every interval.
    within : str or None
        The article column of the events outlets are compared inside (None:
        compared over all their articles).
    options : dict
        Further settings of the analyses (``dictionary``: the frame dictionary).
    palette : dict or None
        Outlet colours given to :func:`compare`, honoured by every chart and
        the report (None: :func:`framing.plot.outlet_colors`).
    tables : dict of str to pandas.DataFrame
        Every result table by name (see :attr:`names`).
    """

    corpus: Corpus
    by: str = "outlet"
    actors: dict[str, list[str]] | None = None
    concepts: dict[str, list[str]] | None = None
    n_resamples: int = 1000
    random_state: Any = 0
    ci: float = 0.95
    within: str | None = None
    options: dict[str, Any] = field(default_factory=dict)
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    palette: dict[str, Any] | None = None

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
        """The per-outlet numbers a researcher would put in a paper, numbers only.

        One row per group with the number of articles and words and, for each
        measure available (in the order of the analyses), the estimate ``x``
        with its interval over articles as ``x_ci_low`` and ``x_ci_high`` and
        the test of whether the outlets differ, ``x_p_value`` and
        ``x_q_value`` (the same on every row; NaN where no test was
        possible). :meth:`to_latex` and :meth:`to_markdown` write it as a
        paper table.
        """
        out = self._summary_columns()
        return out[[c for c in out.columns if c == self.by or pd.api.types.is_numeric_dtype(out[c])]]

    def _summary_columns(self) -> pd.DataFrame:
        """The summary with the registry's text columns (distinctive terms, main frame) too."""
        out = self["overview"][[self.by, "articles", "words"]].copy()
        out[self.by] = out[self.by].astype(str)
        for a in ANALYSES:
            if a.summary is None or not self._ran(a):
                continue
            for name, column in a.summary(self).items():
                values = column.reindex(out[self.by]).to_numpy()
                out[name] = values if column.dtype == object else pd.to_numeric(values)
        return out

    def to_latex(self, path: str | Path | None = None) -> str:
        """The summary as a LaTeX table (booktabs): "estimate [low, high]" per measure, tests last.

        The caption gives the articles, the confidence level, the resamples,
        the voice and the events compared within. With ``path`` the table is
        also written there. Returns the LaTeX text.
        """
        text = latex_table(self)
        if path is not None:
            Path(path).write_text(text, encoding="utf-8")
        return text

    def to_markdown(self, path: str | Path | None = None) -> str:
        """The summary as a Markdown (pipe) table with its caption; see :meth:`to_latex`."""
        text = markdown_table(self)
        if path is not None:
            Path(path).write_text(text, encoding="utf-8")
        return text

    def explore(self, max_sentences: int = 200):
        """The report's sentence explorer, inline in Jupyter (no widget server).

        Search a term, label or actor and read each outlet's sentences side
        by side, the match highlighted, with counts per outlet; click a
        distinctive term to open its sentences. Returns an object Jupyter
        shows as HTML (``_repr_html_``); ``max_sentences`` caps the sentences
        kept per outlet.
        """
        return Explorer(explorer_html(self, max_sentences=max_sentences))

    def evidence(self, what: str, **where: Any) -> pd.DataFrame:
        """The sentences behind a figure.

        Parameters
        ----------
        what : str
            One of :attr:`evidence_kinds`: ``"term"`` (``term=...``),
            ``"label"``, ``"sentiment"`` (the most negative and positive
            sentences, ``sort="negative"|"positive"``), ``"loaded"``
            (``lexicon=...``), ``"actor_sentiment"``, ``"emotive"``,
            ``"quotes"``, ``"agency"``, ``"passive"``, ``"frames"``.
        **where
            Filters on the columns of the evidence table, e.g.
            ``outlet="Harbor Lantern"``; a list keeps any of its values.

        Returns
        -------
        pandas.DataFrame
            One row per sentence (or match) with ``doc_id``, the group, the
            sentence and what was found in it.
        """
        kinds = self._evidence()
        if what not in kinds:
            raise ValueError(f"The value for `what` must be one of {sorted(kinds)}, but {what!r} was passed.")
        return kinds[what](self, **where)

    @property
    def evidence_kinds(self) -> list[str]:
        """The kinds of evidence :meth:`evidence` can return."""
        return sorted(self._evidence())

    def plot(self, name: str = "dashboard", **kwargs: Any):
        """Draw one of the charts (a matplotlib Figure).

        ``name`` is one of :attr:`charts`; keyword arguments go to the
        plotting function (``palette=``: outlet colours for this chart).
        """
        charts = self._charts()
        if name not in charts:
            raise ValueError(f"The value for `name` must be one of {list(charts)}, but {name!r} was passed.")
        if "palette" in kwargs:  # outlet colours for this chart, over the comparison's own
            view = replace(self, palette={**(self.palette or {}), **_check_palette(kwargs.pop("palette"))})
            return charts[name].draw(view, **kwargs)
        return charts[name].draw(self, **kwargs)

    @property
    def charts(self) -> list[str]:
        """Names of the charts this comparison can draw."""
        return list(self._charts())

    def report(self, path: str | Path) -> Path:
        """Write charts (PNG and SVG), CSV tables and ``report.html`` into ``path``.

        Returns the path of ``report.html``, a single self-contained file
        (images embedded) that opens in any browser. In the CSV tables a text
        cell that a spreadsheet would evaluate as a formula (beginning with
        ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) is written
        with a ``'`` in front (see :func:`framing.report.safe_cell`).
        """
        return write_report(self, Path(path))

    def _repr_html_(self) -> str:
        return comparison_html(self)

    # -- the registry, as far as this comparison has run it

    def _ran(self, a) -> bool:
        return all(getattr(self, need) is not None for need in a.needs)

    def _charts(self) -> dict[str, Chart]:
        # the dashboard first, as the report shows it
        charts = [ch for a in ANALYSES if self._ran(a) for ch in a.charts
                  if all(t in self.tables for t in ch.needs)]
        charts.sort(key=lambda ch: ch.place != "summary")
        return {ch.name: ch for ch in charts}

    def _evidence(self) -> dict[str, Any]:
        return {kind: fn for a in ANALYSES for kind, fn in a.evidence.items()}


def compare(
    corpus: Corpus,
    actors: Mapping[str, Sequence[str]] | str | Path | None = None,
    concepts: Mapping[str, Sequence[str]] | str | Path | None = None,
    *,
    by: str = "outlet",
    n_resamples: int = 1000,
    random_state: int | np.random.Generator | None = 0,
    ci: float = 0.95,
    within: str | None = "auto",
    dictionary: Any = "mfc",
    classifier: Any = None,
    unit: Literal["sentence", "paragraph", "article"] = "sentence",
    duplicates: Literal["keep", "drop"] = "keep",
    min_count: int | None = None,
    palette: Mapping[str, Any] | None = None,
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
    ci : float, default=0.95
        Confidence level of every interval (recorded in each table's
        ``attrs["ci"]`` and printed by the charts).
    within : str or None, default="auto"
        Compare the groups inside the events of this article column and pool
        across events (see ``within=`` of the measures): outlets are then
        compared on the same stories, so that one outlet's covering more crime
        stories does not make it look distinctive for crime words. ``"auto"``
        uses an ``event`` column when two or more of its events are each
        covered by two or more groups (with one event, comparing inside it
        is the plain comparison); None compares over all articles.
    dictionary : str, mapping, DataFrame or path, default="mfc"
        The frame dictionary (see :func:`framing.frames`).
    classifier : FrameClassifier, optional
        A fitted :class:`framing.FrameClassifier` trained on your own frame
        coding: its frames are added beside the dictionary's (tables
        ``classifier_frames``, ``classifier_frames_articles``,
        ``classifier_model``).
    unit : {"sentence", "paragraph", "article"}, default="sentence"
        The units of text the classifier scores (the kind it was trained on).
    duplicates : {"keep", "drop"}, default="keep"
        ``"drop"`` analyses the corpus without republished copies (see
        :meth:`Corpus.drop_duplicates`); the dropped articles are listed in
        the report with the article they copy.
    min_count : int, optional
        Fewest uses in the corpus for a term to be tested as distinctive. By
        default 3 (5 from 100 articles on), lowered for a corpus so small that
        no term is used that often; the value used is in
        ``result.options["min_count"]``.
    palette : mapping, optional
        Outlet name -> colour, honoured by every chart and the report; other
        outlets get their colour from :func:`framing.plot.outlet_colors`
        (the same colour whatever other outlets are present).
    progress : bool, optional
        Show a progress bar (default: only in Jupyter or a terminal).

    Returns
    -------
    Comparison

    Notes
    -----
    Articles with no value in the ``by`` column belong to no group: they are
    left out and listed in ``result.corpus.skipped`` (and the report) with
    the reason. Group values are compared as text, whole numbers without
    ".0" (``7`` and ``7.0`` are one group).

    Raises
    ------
    ValueError
        If the corpus has fewer than two groups, or ``actors``/``concepts``
        cannot be read.

    Examples
    --------
    >>> import framing
    >>> corpus = framing.load_example("rafah")
    >>> actors, concepts = framing.datasets.load_example_lists("rafah")
    >>> result = framing.compare(corpus, actors, concepts, n_resamples=50)
    >>> "terms" in result.names and len(result.summary()) == len(corpus.outlets)
    True
    """
    if not isinstance(corpus, Corpus):
        raise TypeError(f"corpus must be a framing.Corpus (see framing.load_corpus), got {type(corpus).__name__}")
    if duplicates not in ("keep", "drop"):
        raise ValueError(f"duplicates must be 'keep' or 'drop', got {duplicates!r}")
    if min_count is not None and (int(min_count) != min_count or min_count < 1):
        raise ValueError(f"The value for `min_count` must be a positive integer or None, but {min_count!r} was passed.")
    if duplicates == "drop":
        corpus = corpus.drop_duplicates()
    corpus = grouped_by(corpus, by)
    groups = corpus.groups(by)
    if len(groups) < 2:
        raise ValueError(
            f"a comparison needs articles from two or more {by}s; this corpus has only {groups[0]!r}"
        )
    within = _resolve_within(corpus, by, within)
    result = Comparison(
        corpus=corpus,
        by=by,
        actors=read_mapping(actors, what="actors") if actors is not None else None,
        concepts=read_mapping(concepts, what="concepts") if concepts is not None else None,
        n_resamples=n_resamples,
        random_state=random_state,
        ci=ci,
        within=within,
        options={"dictionary": dictionary, "classifier": classifier, "unit": unit, "min_count": min_count},
        palette=_check_palette(palette),
    )
    base = int(check_random_state(random_state).integers(2**63))

    def stream(name: str) -> np.random.Generator:
        # one random stream per name, so that adding or skipping an analysis
        # never changes the results of the others
        return np.random.default_rng([base, zlib.crc32(name.encode())])

    runs = [a for a in ANALYSES if result._ran(a)]
    show = interactive() if progress is None else progress
    for a in tqdm(runs, desc="framing", disable=not show, leave=False):
        result.tables.update(a.run(result, stream))
    result.tables["article_features"] = article_features(corpus, by=by, dictionary=dictionary)
    return result


def _check_palette(palette: Mapping[str, Any] | None) -> dict[str, Any] | None:
    """``palette`` as a dict of outlet -> colour, every colour one matplotlib understands."""
    if palette is None:
        return None
    if not isinstance(palette, Mapping):
        raise TypeError(f"palette must be a mapping of outlet name -> colour, got {type(palette).__name__}")
    bad = [f"{k!r}: {v!r}" for k, v in palette.items() if not is_color_like(v)]
    if bad:
        raise ValueError(f"palette holds values that are not colours: {', '.join(bad)}")
    return {str(k): v for k, v in palette.items()}


def _resolve_within(corpus: Corpus, by: str, within: str | None) -> str | None:
    """The events column a comparison uses: ``within``, or with "auto" an ``event`` column two groups share."""
    if within is None:
        return None
    if within != "auto":
        _check_by(corpus, within)
        if within == by:
            raise ValueError(f"The value for `within` must differ from `by` ({by!r}), but {within!r} was passed.")
        return within
    arts = corpus._articles
    if "event" not in arts.columns or by == "event":
        return None
    shared = arts.dropna(subset=["event"]).groupby("event")[by].nunique()
    return "event" if (shared >= 2).sum() >= 2 else None
