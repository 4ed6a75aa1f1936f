"""Corpora larger than memory: read in chunks, analyse chunk by chunk, merge sums.

A corpus of a million articles does not fit in memory as text, and does not
need to: every figure framing reports per outlet is built from per-article
summaries (an article's sentiment, its rate of loaded words, its label
counts, its term counts) and from sums over articles. This module reads a
``.jsonl`` or ``.csv`` file lazily (:class:`CorpusStream`), runs the
per-article work on one chunk at a time, in parallel with joblib (``n_jobs``)
or on a Dask cluster (``backend="dask"``), and keeps only

* one row of features per article (:func:`framing.article_features`), from
  which every per-outlet estimate, interval and test is computed by resampling
  articles, exactly as for a corpus in memory;
* per-outlet sums for the term statistics (counts, squared counts and
  count-length products per term), which merge by addition, so the result
  does not depend on how the corpus was split.

The results are identical whatever the chunk size, ``n_jobs`` or backend.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import numpy as np
import pandas as pd
import scipy.sparse as sp

from ._parallel import chunks_of, map_chunks
from ._readers import CorpusStream
from ._validate import check_options, check_random_state
from .analyses import ANALYSES
from .corpus import Corpus, CorpusError
from .features import PARTS, article_features
from .measures._counting import count_matrix
from .measures._keyness import clustered_log_odds
from .measures._ladder import finish, metric_table
from .measures._mentions import read_mapping

__all__ = ["CorpusStream", "StreamResult", "analyze_stream"]




# -- the work on one chunk -------------------------------------------------------------------


@dataclass
class _ChunkSummary:
    """What one chunk contributes: article rows and mergeable term sums."""

    articles: pd.DataFrame
    terms: np.ndarray  # vocabulary of the chunk
    groups: list[str]
    stats: dict[str, sp.csr_matrix]  # "count", "square", "cross": groups x terms
    lengths: dict[str, np.ndarray]  # "n", "sum", "square": per group
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)


def _summarise(corpus: Corpus, by: str, actors, concepts, ngram_range, stop_words, include) -> _ChunkSummary:
    """The per-article work: features, term statistics, label counts, actor sentiment."""
    arts = article_features(corpus, by=by, include=include)
    X, terms, lengths = count_matrix(corpus, ngram_range, stop_words, voice="outlet")
    groups = corpus.groups(by)
    index = {g: i for i, g in enumerate(groups)}
    codes = np.array([index[str(v)] for v in corpus._articles[by].astype(str)])
    G = sp.csr_matrix((np.ones(len(codes)), (codes, np.arange(len(codes)))), shape=(len(groups), len(codes)))
    stats = {
        "count": (G @ X).tocsr(),
        "square": (G @ X.multiply(X)).tocsr(),
        "cross": (G @ sp.diags(lengths) @ X).tocsr(),
    }
    length_stats = {"n": np.bincount(codes, minlength=len(groups)).astype(float),
                    "sum": np.bincount(codes, weights=lengths, minlength=len(groups)),
                    "square": np.bincount(codes, weights=lengths**2, minlength=len(groups))}
    given = _Given(actors, concepts)
    tables = {a.name: a.per_article(corpus, by, given) for a in ANALYSES
              if a.per_article is not None and all(getattr(given, need) is not None for need in a.needs)}
    return _ChunkSummary(arts, np.asarray(terms, dtype=object), groups, stats, length_stats, tables)


@dataclass(frozen=True)
class _Given:
    """What the per-article tables of the registry may need."""

    actors: dict[str, list[str]] | None
    concepts: dict[str, list[str]] | None


class _Accumulator:
    """Running sums of chunk summaries.

    The per-group term sums are kept sparse (an outlet uses a small part of
    a large corpus's vocabulary): each chunk's non-zeros are appended to a
    buffer, and the buffer is merged into the totals (duplicates summed)
    whenever it holds more entries than the totals, so merging costs
    amortised constant time per entry and memory stays within about twice
    the non-zeros of the result. The sums are of integers and kept as
    integers, so their order does not change them, and the result is put in
    one order of groups and terms (:meth:`canonical`).
    """

    def __init__(self) -> None:
        self.vocab: dict[str, int] = {}
        self.groups: dict[str, int] = {}
        self._totals: tuple[np.ndarray, np.ndarray, dict[str, np.ndarray]] | None = None
        self._pending: list[tuple[np.ndarray, np.ndarray, dict[str, np.ndarray]]] = []
        self._n_pending = 0
        self.lengths: dict[str, np.ndarray] = {k: np.zeros(0, dtype=np.int64) for k in ("n", "sum", "square")}
        self.articles: list[dict[str, Any]] = []
        self._strings: dict[str, str] = {}  # one object per distinct outlet, frame, ... name
        self.tables: dict[str, list[pd.DataFrame]] = {}

    def add(self, s: _ChunkSummary) -> None:
        for g in s.groups:
            self.groups.setdefault(g, len(self.groups))
        for t in s.terms:
            self.vocab.setdefault(t, len(self.vocab))
        rows = np.array([self.groups[g] for g in s.groups], dtype=np.int64)
        cols = np.fromiter((self.vocab[t] for t in s.terms), dtype=np.int64, count=len(s.terms))
        count = s.stats["count"].tocoo()
        # the three statistics share one sparsity pattern (a term counted in a group)
        values = {k: np.asarray(m.tocsr()[count.row, count.col]).ravel() for k, m in s.stats.items()}
        self._pending.append((rows[count.row], cols[count.col], values))
        self._n_pending += count.nnz
        if self._n_pending > max(len(self._totals[0]) if self._totals else 0, 1 << 16):
            self._merge()
        for k, v in s.lengths.items():
            grown = np.zeros(len(self.groups), dtype=np.int64)
            grown[: len(self.lengths[k])] = self.lengths[k]
            grown[rows] += np.rint(v).astype(np.int64)
            self.lengths[k] = grown
        self.articles.append(_columns(s.articles, self._strings))
        for name, table in s.tables.items():
            self.tables.setdefault(name, []).append(table)

    def article_table(self) -> pd.DataFrame:
        """The article rows of every chunk, in order, built one column at a time.

        Each column's chunk pieces are freed as it is built, and the float
        columns are written straight into the one 2-D block pandas keeps
        them in, so the table is never held twice.
        """
        dtypes = self.articles[0]["__dtypes__"]
        n = sum(len(chunk["doc_id"]) for chunk in self.articles)
        floats = [c for c, t in dtypes.items() if t == np.float64]
        block = np.empty((len(floats), n))
        at = 0
        for chunk in self.articles:  # each chunk's block is freed once copied
            piece = chunk.pop("__floats__")
            block[:, at : at + piece.shape[1]] = piece
            at += piece.shape[1]
            del piece
        out = pd.DataFrame(block.T, columns=floats, copy=False)
        for loc, (col, dtype) in enumerate(dtypes.items()):
            if col not in out.columns:
                values = np.concatenate([chunk.pop(col) for chunk in self.articles])
                out.insert(loc, col, pd.array(values, dtype=dtype))
        self.articles = []
        return out

    def _merge(self) -> None:
        parts = ([self._totals] if self._totals else []) + self._pending
        r = np.concatenate([p[0] for p in parts])
        c = np.concatenate([p[1] for p in parts])
        key = r * max(len(self.vocab), 1) + c
        uniq, inverse = np.unique(key, return_inverse=True)
        # counts, squared counts and count x length products are whole numbers: summed as
        # integers they are exact in any order (float sums of large ones need not be)
        values = {}
        for k in ("count", "square", "cross"):
            v = np.rint(np.concatenate([p[2][k] for p in parts])).astype(np.int64)
            total = np.zeros(len(uniq), dtype=np.int64)
            np.add.at(total, inverse, v)
            values[k] = total
        n_terms = max(len(self.vocab), 1)
        self._totals = (uniq // n_terms, uniq % n_terms, values)
        self._pending, self._n_pending = [], 0

    def stats(self) -> dict[str, sp.csc_matrix]:
        """The summed statistics, groups x terms (sparse, by column)."""
        self._merge()
        rows, cols, values = self._totals
        shape = (len(self.groups), len(self.vocab))
        return {k: sp.csc_matrix((v, (rows, cols)), shape=shape) for k, v in values.items()}

    def canonical(self) -> tuple[np.ndarray, list[str], dict[str, sp.csc_matrix], dict[str, np.ndarray]]:
        """Terms, groups, term sums and length sums with groups and terms sorted.

        The accumulator numbers groups and terms in the order the chunks
        bring them, which depends on how the corpus was split; every later
        computation sums over groups or terms in that order, so the result is
        put in one order (sorted) to be the same whatever the chunks.
        """
        terms = np.array(list(self.vocab), dtype=object)
        groups = list(self.groups)
        t_order = np.argsort(terms, kind="stable") if len(terms) else np.zeros(0, dtype=np.int64)
        g_order = sorted(range(len(groups)), key=lambda i: groups[i])
        stats = {k: m[g_order][:, t_order].tocsc() for k, m in self.stats().items()}
        for m in stats.values():
            m.sort_indices()
        lengths = {k: np.asarray(v, dtype=float)[g_order] for k, v in self.lengths.items()}
        return terms[t_order], [groups[i] for i in g_order], stats, lengths


def _columns(frame: pd.DataFrame, strings: dict[str, str]) -> dict[str, Any]:
    """A chunk's article rows as plain arrays: the float columns as one 2-D
    array, text values other than ``doc_id`` shared across chunks (an outlet
    name is stored once, not once per article)."""
    dtypes = frame.dtypes.to_dict()
    floats = [c for c, t in dtypes.items() if t == np.float64]
    out: dict[str, Any] = {"__dtypes__": dtypes, "__floats__": frame[floats].to_numpy(dtype=float).T.copy()}
    for col in frame.columns:
        if col in floats:
            continue
        values = frame[col].to_numpy()
        if values.dtype == object and col != "doc_id":
            values = np.array([strings.setdefault(v, v) if isinstance(v, str) else v for v in values], dtype=object)
        out[col] = values
    return out


# -- results -----------------------------------------------------------------------------------


@dataclass
class StreamResult:
    """The merged per-article rows and sums of a streamed analysis.

    Attributes
    ----------
    articles : pandas.DataFrame
        :func:`framing.article_features` of every article, in file order.
    skipped : pandas.DataFrame
        Articles skipped while reading, with the reason.
    tables : dict of str to pandas.DataFrame
        The article-level tables of the analyses that keep one (see
        ``per_article`` in :mod:`framing.analyses`): ``"labels"`` (label
        counts, when concepts were given) and ``"actor_sentiment"`` (when
        actors were given).
    labels, actors : pandas.DataFrame or None
        ``tables["labels"]`` and ``tables["actor_sentiment"]``.
    """

    by: str
    articles: pd.DataFrame
    skipped: pd.DataFrame
    tables: dict[str, pd.DataFrame]
    _terms: np.ndarray = field(repr=False)
    _groups: list[str] = field(repr=False)
    _stats: dict[str, sp.csc_matrix] = field(repr=False)
    _lengths: dict[str, np.ndarray] = field(repr=False)

    @property
    def labels(self) -> pd.DataFrame | None:
        """Per-article label counts (``tables["labels"]``), when concepts were given."""
        return self.tables.get("labels")

    @property
    def actors(self) -> pd.DataFrame | None:
        """Per-article actor sentiment (``tables["actor_sentiment"]``), when actors were given."""
        return self.tables.get("actor_sentiment")

    @property
    def groups(self) -> list[str]:
        """The groups (outlets), sorted."""
        return sorted(self._groups)

    def __repr__(self) -> str:
        return f"StreamResult({len(self.articles)} articles, {len(self._groups)} {self.by}s)"

    def summary(
        self,
        features: Sequence[str] | None = None,
        *,
        n_resamples: int = 1000,
        ci: float = 0.95,
        random_state=0,
    ) -> pd.DataFrame:
        """Per group and feature: mean over articles, bootstrap interval, permutation test.

        Returns one row per (feature, group) with ``n_articles``,
        ``estimate`` (mean of the article values), ``ci_low``, ``ci_high``,
        ``p_value`` (do the groups differ; labels shuffled across articles)
        and ``q_value`` (Benjamini-Hochberg over the features).
        """
        rng = check_random_state(random_state)
        numeric = [c for c in self.articles.columns if c not in ("doc_id", self.by)
                   and pd.api.types.is_numeric_dtype(self.articles[c])]
        features = numeric if features is None else list(features)
        unknown = [f for f in features if f not in numeric]
        if unknown:
            raise ValueError(f"The values for `features` must be among {numeric}, but {unknown} was passed.")
        out = metric_table(self.articles, self.by, self.groups, features, "feature", n_resamples, ci, rng)
        out = out[["feature", *[c for c in out.columns if c != "feature"]]]
        return finish(out, ci=ci, n_resamples=n_resamples, level="group")

    def distinctive_terms(self, *, min_count: int = 5, alpha0: float | None = None,
                          ci: float = 0.95) -> pd.DataFrame:
        """Log-odds with informative Dirichlet prior per group vs the rest, from the merged sums.

        The columns of :func:`framing.distinctive_terms` that need only sums
        (counts, totals, prior, ``log_odds``, ``se``, ``z``), counted in the
        outlet's own words (outside quotation marks, as the in-memory
        function's default ``voice="outlet"``), plus an
        article-clustered standard error of the log-odds, ``se_article``:
        the delta-method variance of the group sums when articles (not
        tokens) are the sampled units, from per-group sums of squared counts
        and of count x article-length products. ``ci_low``/``ci_high`` are
        the normal interval ``log_odds ± z * se_article``. ``z_article`` and
        ``p_value`` test the difference between the term's rates in the
        group and in the rest with the same article-clustered variances
        (ratio estimators, as in survey sampling; a linearised log is
        unreliable when a term's count sits in a few articles), and
        ``q_value`` adjusts them (Benjamini-Hochberg) per group. It is the large-sample counterpart of the bootstrap and
        permutation test of the in-memory function, and needs no per-article
        counts, so it scales to any number of articles.
        """
        return clustered_log_odds(self._stats, self._lengths, self._terms, self._groups, self.groups, by=self.by,
                                  min_count=min_count, alpha0=alpha0, ci=ci)


def analyze_stream(
    source: CorpusStream | Sequence[Corpus] | Corpus,
    actors: Mapping[str, Sequence[str]] | str | Path | None = None,
    concepts: Mapping[str, Sequence[str]] | str | Path | None = None,
    *,
    by: str = "outlet",
    ngram_range: tuple[int, int] = (1, 1),
    stop_words: Literal["english"] | Sequence[str] | None = "english",
    include: Sequence[str] | None = None,
    chunksize: int = 2000,
    n_jobs: int = 1,
    backend: Literal["loky", "threading", "dask"] | None = None,
    progress: bool | None = None,
) -> StreamResult:
    """Analyse a corpus chunk by chunk, in parallel, keeping only per-article rows and sums.

    Parameters
    ----------
    source : CorpusStream, sequence of Corpus or Corpus
        A stream from ``load_corpus(path, chunksize=...)``, chunks you made,
        or a corpus in memory (split into chunks of ``chunksize`` articles).
    actors, concepts : mapping or path, optional
        As for :func:`framing.compare`: adds per-article actor sentiment and
        label counts.
    by : str, default="outlet"
    ngram_range : tuple of int, default=(1, 1)
        N-grams of the term statistics.
    stop_words : "english", collection of str or None, default="english"
        As for :func:`framing.distinctive_terms`.
    include : sequence of str, optional
        Families of per-article features, as for
        :func:`framing.article_features` (default: all of them). Leaving out
        the costly ones (``"quotes"``, ``"passive"``) speeds a first pass
        over a very large corpus.
    chunksize : int, default=2000
        Articles per chunk when ``source`` is a Corpus.
    n_jobs : int, default=1
        Processes working on chunks at once (joblib; -1 for all cores).
    backend : {"loky", "threading", "dask"}, optional
        joblib backend. ``"dask"`` sends the chunks to the workers of the
        current ``dask.distributed`` client (``pip install framing[dask]``).
    progress : bool, optional
        Show a progress bar (default: only in Jupyter or a terminal).

    Returns
    -------
    StreamResult

    Notes
    -----
    Only one chunk per worker (plus a few in flight) is held in memory at a
    time; what is kept is one row of features per article and per-group term
    sums, so memory grows with the number of articles by about one row, not
    by their text. Results do not depend on ``chunksize``, ``n_jobs`` or
    ``backend``.

    Examples
    --------
    >>> import framing
    >>> res = analyze_stream(framing.load_example("rafah"), chunksize=5)
    >>> len(res.articles), res.groups[:2]
    (12, ['Ardmoor Valley Gazette', 'Harbor Lantern'])
    """
    actors = read_mapping(actors, what="actors") if actors is not None else None
    concepts = read_mapping(concepts, what="concepts") if concepts is not None else None
    include = PARTS if include is None else check_options("include", include, PARTS)
    chunks = chunks_of(source, chunksize) if isinstance(source, Corpus) else iter(source)
    acc = _Accumulator()
    for summary in map_chunks(_summarise, chunks, by, actors, concepts, ngram_range, stop_words, include,
                              n_jobs=n_jobs, backend=backend, progress=progress):
        acc.add(summary)  # in chunk order, so the sums do not depend on scheduling
    if not acc.articles:
        raise CorpusError("the source holds no articles")
    skipped = source.skipped if isinstance(source, (CorpusStream, Corpus)) else pd.DataFrame(
        columns=["doc_id", "outlet", "source", "reason"])
    terms, groups, stats, lengths = acc.canonical()
    return StreamResult(
        by,
        acc.article_table(),
        skipped,
        {name: pd.concat(parts, ignore_index=True) for name, parts in acc.tables.items()},
        terms,
        groups,
        {k: m.astype(float) for k, m in stats.items()},
        lengths,
    )
