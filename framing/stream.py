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

import warnings
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import numpy as np
import pandas as pd
import scipy.sparse as sp

from ._parallel import chunks_of, map_chunks
from ._readers import CorpusStream
from .corpus import Corpus, CorpusError

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
    labels: pd.DataFrame | None = None
    actors: pd.DataFrame | None = None


def _summarise(corpus: Corpus, by: str, actors, concepts, ngram_range, stop_words, include) -> _ChunkSummary:
    """The per-article work: features, term statistics, label counts, actor sentiment."""
    from .features import article_features
    from .measures.terms import _count_matrix

    arts = article_features(corpus, by=by, include=include)
    X, terms, lengths = _count_matrix(corpus, ngram_range, stop_words)
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
    labels = actor_rows = None
    if concepts is not None:
        from .measures.labels import label_choices

        labels = label_choices(corpus, concepts, by=by, level="article")
    if actors is not None:
        from .measures.actors import actor_sentiment

        actor_rows = actor_sentiment(corpus, actors, by=by, level="article")
    return _ChunkSummary(arts, np.asarray(terms, dtype=object), groups, stats, length_stats, labels, actor_rows)


class _Accumulator:
    """Running sums of chunk summaries.

    The per-group term sums are kept sparse (an outlet uses a small part of
    a large corpus's vocabulary): each chunk's non-zeros are appended to a
    buffer, and the buffer is merged into the totals (duplicates summed)
    whenever it holds more entries than the totals, so merging costs
    amortised constant time per entry and memory stays within about twice
    the non-zeros of the result. The sums are of integers, so their order
    does not change them.
    """

    def __init__(self) -> None:
        self.vocab: dict[str, int] = {}
        self.groups: dict[str, int] = {}
        self._totals: tuple[np.ndarray, np.ndarray, dict[str, np.ndarray]] | None = None
        self._pending: list[tuple[np.ndarray, np.ndarray, dict[str, np.ndarray]]] = []
        self._n_pending = 0
        self.lengths: dict[str, np.ndarray] = {k: np.zeros(0) for k in ("n", "sum", "square")}
        self.articles: list[dict[str, Any]] = []
        self._strings: dict[str, str] = {}  # one object per distinct outlet, frame, ... name
        self.labels: list[pd.DataFrame] = []
        self.actors: list[pd.DataFrame] = []

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
            grown = np.zeros(len(self.groups))
            grown[: len(self.lengths[k])] = self.lengths[k]
            grown[rows] += v
            self.lengths[k] = grown
        self.articles.append(_columns(s.articles, self._strings))
        if s.labels is not None:
            self.labels.append(s.labels)
        if s.actors is not None:
            self.actors.append(s.actors)

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
        values = {k: np.bincount(inverse, weights=np.concatenate([p[2][k] for p in parts]), minlength=len(uniq))
                  for k in ("count", "square", "cross")}
        n_terms = max(len(self.vocab), 1)
        self._totals = (uniq // n_terms, uniq % n_terms, values)
        self._pending, self._n_pending = [], 0

    def stats(self) -> dict[str, sp.csc_matrix]:
        """The summed statistics, groups x terms (sparse, by column)."""
        self._merge()
        rows, cols, values = self._totals
        shape = (len(self.groups), len(self.vocab))
        return {k: sp.csc_matrix((v, (rows, cols)), shape=shape) for k, v in values.items()}


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
    labels, actors : pandas.DataFrame or None
        Per-article label counts and actor sentiment, when concepts or
        actors were given.
    """

    by: str
    articles: pd.DataFrame
    skipped: pd.DataFrame
    labels: pd.DataFrame | None
    actors: pd.DataFrame | None
    _terms: np.ndarray = field(repr=False)
    _groups: list[str] = field(repr=False)
    _stats: dict[str, sp.csc_matrix] = field(repr=False)
    _lengths: dict[str, np.ndarray] = field(repr=False)

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
        random_state=None,
    ) -> pd.DataFrame:
        """Per group and feature: mean over articles, bootstrap interval, permutation test.

        Returns one row per (feature, group) with ``n_articles``,
        ``estimate`` (mean of the article values), ``ci_low``, ``ci_high``,
        ``p_value`` (do the groups differ; labels shuffled across articles)
        and ``q_value`` (Benjamini-Hochberg over the features).
        """
        from .measures._stats import bh_fdr, check_random_state, group_bootstrap, permutation_pvalue

        rng = check_random_state(random_state)
        numeric = [c for c in self.articles.columns if c not in ("doc_id", self.by)
                   and pd.api.types.is_numeric_dtype(self.articles[c])]
        features = numeric if features is None else list(features)
        unknown = [f for f in features if f not in numeric]
        if unknown:
            raise ValueError(f"unknown feature(s) {unknown}; numeric features: {numeric}")
        groups_all = self.articles[self.by].astype(str).to_numpy()
        frames, pvals = [], []
        for name in features:
            values = self.articles[name].to_numpy(dtype=float)
            ok = ~np.isnan(values)
            res = group_bootstrap(values[ok], groups_all[ok], self.groups, n_resamples=n_resamples, ci=ci,
                                  random_state=rng)
            p = (permutation_pvalue(values[ok], groups_all[ok], self.groups, n_resamples=n_resamples,
                                    random_state=rng)[0] if n_resamples and len(set(groups_all[ok])) > 1 else np.nan)
            pvals.append(p)
            frames.append(pd.DataFrame({"feature": name, self.by: self.groups, "n_articles": res["n_articles"],
                                        "estimate": res["estimate"], "ci_low": res["ci_low"],
                                        "ci_high": res["ci_high"], "p_value": p}))
        out = pd.concat(frames, ignore_index=True)
        out["q_value"] = out["feature"].map(dict(zip(features, bh_fdr(pvals), strict=True)))
        return out

    def distinctive_terms(self, *, min_count: int = 5, alpha0: float | None = None,
                          ci: float = 0.95) -> pd.DataFrame:
        """Log-odds with informative Dirichlet prior per group vs the rest, from the merged sums.

        The columns of :func:`framing.distinctive_terms` that need only sums
        (counts, totals, prior, ``log_odds``, ``se``, ``z``), plus an
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
        from scipy import stats as st

        from .measures._stats import bh_fdr
        from .measures.terms import _log_odds

        total_counts = np.asarray(self._stats["count"].sum(axis=0)).ravel()
        keep = np.flatnonzero(total_counts >= min_count)
        if not len(keep):
            raise ValueError(f"min_count={min_count} leaves no terms; lower min_count")
        # dense only for the terms kept
        count, square, cross = (self._stats[k][:, keep].toarray() for k in ("count", "square", "cross"))
        total_counts = total_counts[keep]
        terms = self._terms[keep]
        n_art, len_sum, len_sq = self._lengths["n"], self._lengths["sum"], self._lengths["square"]
        N = len_sum.sum()
        if alpha0 is None:
            alpha0 = float(N / n_art.sum())
        prior = alpha0 * total_counts / N
        # variances of group sums when the group's articles are resampled
        with np.errstate(invalid="ignore", divide="ignore"):
            var_y = np.maximum(square - count**2 / n_art[:, None], 0)
            var_n = np.maximum(len_sq - len_sum**2 / n_art, 0)
            cov_yn = cross - count * (len_sum / n_art)[:, None]
        zq = st.norm.ppf(0.5 + ci / 2)
        frames = []
        order = {g: i for i, g in enumerate(self._groups)}
        for g in self.groups:
            i = order[g]
            rest = [order[h] for h in self.groups if h != g]
            y_i, n_i = count[i], len_sum[i]
            y_j, n_j = count[rest].sum(axis=0), len_sum[rest].sum()
            delta, var = _log_odds(y_i, n_i, y_j, n_j, prior, alpha0)
            a_i = y_i + prior
            b_i = n_i + alpha0 - y_i - prior
            a_j = y_j + prior
            b_j = n_j + alpha0 - y_j - prior
            # d delta / d y = 1/a + 1/b, d delta / d n = -1/b (the rest with the opposite sign)
            gy_i, gn_i = 1 / a_i + 1 / b_i, -1 / b_i
            gy_j, gn_j = 1 / a_j + 1 / b_j, -1 / b_j
            v_i = gy_i**2 * var_y[i] + gn_i**2 * var_n[i] + 2 * gy_i * gn_i * cov_yn[i]
            v_j = sum(gy_j**2 * var_y[r] + gn_j**2 * var_n[r] + 2 * gy_j * gn_j * cov_yn[r] for r in rest)
            se_article = np.sqrt(np.maximum(v_i + v_j, 0))
            # the test compares the raw rates (ratio estimators with articles as clusters), which
            # stays sound when a term's count sits in a few articles, where a linearised log does not
            with np.errstate(invalid="ignore", divide="ignore"):
                r_i, r_j = y_i / n_i, y_j / n_j
                var_ri = (var_y[i] - 2 * r_i * cov_yn[i] + r_i**2 * var_n[i]) / n_i**2
                var_rj = (var_y[rest].sum(axis=0) - 2 * r_j * cov_yn[rest].sum(axis=0)
                          + r_j**2 * var_n[rest].sum()) / n_j**2
                se_rate = np.sqrt(np.maximum(var_ri, 0) + np.maximum(var_rj, 0))
                z_article = np.where(se_rate > 0, (r_i - r_j) / se_rate, np.nan)
            p = 2 * st.norm.sf(np.abs(z_article))
            frame = pd.DataFrame({
                self.by: g, "other": "rest", "term": terms, "count": y_i, "total": n_i, "count_other": y_j,
                "total_other": n_j, "prior": prior, "alpha0": alpha0, "log_odds": delta, "se": np.sqrt(var),
                "z": delta / np.sqrt(var), "se_article": se_article, "ci_low": delta - zq * se_article,
                "ci_high": delta + zq * se_article, "z_article": z_article, "p_value": p,
                "q_value": bh_fdr(p), "n_articles": int(n_art[i]),
            })
            frame["score"] = frame["z"]
            frames.append(frame.iloc[np.lexsort((terms, -frame["z"].to_numpy()))])
        return pd.concat(frames, ignore_index=True)


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
    from .measures._mentions import read_mapping

    actors = read_mapping(actors, what="actors") if actors is not None else None
    concepts = read_mapping(concepts, what="concepts") if concepts is not None else None
    from .features import _PARTS

    include = _PARTS if include is None else ((include,) if isinstance(include, str) else tuple(include))
    unknown = [p for p in include if p not in _PARTS]
    if unknown:
        raise ValueError(f"include has unknown part(s) {unknown}; choose among {list(_PARTS)}")
    chunks = chunks_of(source, chunksize) if isinstance(source, Corpus) else iter(source)
    acc = _Accumulator()
    for summary in map_chunks(_summarise, chunks, by, actors, concepts, ngram_range, stop_words, include,
                              n_jobs=n_jobs, backend=backend, progress=progress):
        acc.add(summary)  # in chunk order, so the sums do not depend on scheduling
    if not acc.articles:
        raise CorpusError("the source holds no articles")
    skipped = source.skipped if isinstance(source, (CorpusStream, Corpus)) else pd.DataFrame(
        columns=["doc_id", "outlet", "source", "reason"])
    return StreamResult(
        by,
        acc.article_table(),
        skipped,
        pd.concat(acc.labels, ignore_index=True) if acc.labels else None,
        pd.concat(acc.actors, ignore_index=True) if acc.actors else None,
        np.array(list(acc.vocab), dtype=object),
        list(acc.groups),
        acc.stats(),
        acc.lengths,
    )
