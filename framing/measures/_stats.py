"""Statistics over articles: bootstrap intervals, permutation tests, FDR.

The unit of every resampling in framing is the article, never the token: an
outlet's figure is uncertain because another week would have brought other
articles, and one article that repeats a word twenty times is one article.
Resampling is done with multinomial weights, so that a resample of every group
is one matrix product with the article-level values (dense or sparse) and all
features are handled at once.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence

import numpy as np
import scipy.sparse as sp
from scipy import stats

from .._validate import check_ci, check_n_resamples, check_random_state

__all__ = [
    "bh_fdr",
    "check_resampling",
    "bootstrap_weights",
    "check_random_state",
    "group_bootstrap",
    "permutation_pvalue",
    "percentile_interval",
]


def check_resampling(n_resamples: int, ci: float) -> None:
    """Validate ``n_resamples`` and ``ci`` (the wording of :mod:`framing._validate`)."""
    check_n_resamples(n_resamples)
    check_ci(ci)


def bh_fdr(pvalues: Sequence[float] | np.ndarray) -> np.ndarray:
    """Benjamini-Hochberg adjusted p-values (q-values); NaN stays NaN.

    :func:`scipy.stats.false_discovery_control` over the p-values that are not
    NaN (a NaN marks an item where no test was possible; it takes no part in
    the correction).

    Examples
    --------
    >>> bh_fdr([0.01, 0.04, 0.03, 0.20]).round(3).tolist()
    [0.04, 0.053, 0.053, 0.2]
    >>> bh_fdr([0.01, float("nan")]).tolist()
    [0.01, nan]
    """
    p = np.asarray(pvalues, dtype=float)
    q = np.full(p.shape, np.nan)
    ok = ~np.isnan(p)
    if ok.any():
        q[ok] = stats.false_discovery_control(p[ok], method="bh")
    return q


def bootstrap_weights(n: int, n_resamples: int, rng: np.random.Generator) -> np.ndarray:
    """Multinomial resampling weights, shape (n_resamples, n): each row sums to n."""
    if n == 0:
        return np.zeros((n_resamples, 0))
    return rng.multinomial(n, np.full(n, 1.0 / n), size=n_resamples).astype(float)


def percentile_interval(
    samples: np.ndarray, ci: float, axis: int = 0
) -> tuple[np.ndarray, np.ndarray]:
    """Percentile bootstrap interval along ``axis`` (NaN samples ignored).

    Columns without NaN go through :func:`numpy.quantile` in one vectorised
    call (the same linear interpolation as :func:`numpy.nanquantile`, which
    loops over columns in Python); only columns holding NaN take the slow path.
    """
    alpha = (1 - ci) / 2
    samples = np.moveaxis(np.asarray(samples, dtype=float), axis, 0)
    nan = np.isnan(samples).any(axis=0)
    if not nan.any():
        low, high = np.quantile(samples, [alpha, 1 - alpha], axis=0)
        return low, high
    low = np.empty(samples.shape[1:])
    high = np.empty(samples.shape[1:])
    if not nan.all():
        low[~nan], high[~nan] = np.quantile(samples[:, ~nan], [alpha, 1 - alpha], axis=0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # all-NaN columns give NaN
        low[nan] = np.nanquantile(samples[:, nan], alpha, axis=0)
        high[nan] = np.nanquantile(samples[:, nan], 1 - alpha, axis=0)
    return low[()], high[()]


def _column_matrix(x) -> np.ndarray:
    arr = np.asarray(x, dtype=float)
    return arr[:, None] if arr.ndim == 1 else arr


def _dense(x) -> np.ndarray:
    return x.toarray() if sp.issparse(x) else np.asarray(x, dtype=float)


def group_bootstrap(
    numer,
    groups: np.ndarray,
    levels: Sequence[str],
    *,
    denom=None,
    n_resamples: int = 1000,
    ci: float = 0.95,
    random_state=None,
) -> dict[str, np.ndarray]:
    """Per-group estimates with article-level bootstrap intervals.

    Parameters
    ----------
    numer : array-like or sparse matrix, shape (n_articles,) or (n_articles, k)
        Article-level values (k features at once).
    groups : array of str, shape (n_articles,)
        Group of each article.
    levels : sequence of str
        Groups to report, in order.
    denom : array-like, shape like ``numer`` or (n_articles,), optional
        With a denominator the estimate is the ratio of sums
        ``sum(numer) / sum(denom)`` (a pooled rate or share); without one it
        is the mean of ``numer`` over the group's articles.
    n_resamples : int
        Bootstrap resamples of the articles within each group (0: no
        interval).
    ci : float
        Confidence level of the percentile interval.
    random_state : None, int or numpy.random.Generator

    Returns
    -------
    dict
        ``estimate``, ``ci_low``, ``ci_high`` of shape (n_levels, k) and
        ``n_articles`` of shape (n_levels,). Intervals are NaN for groups with
        fewer than two articles, where resampling articles says nothing.
    """
    check_resampling(n_resamples, ci)
    rng = check_random_state(random_state)
    groups = np.asarray(groups)
    one_d = not sp.issparse(numer) and np.ndim(numer) == 1
    num = numer if sp.issparse(numer) else _column_matrix(numer)
    den = None
    if denom is not None:
        den = denom if sp.issparse(denom) else _column_matrix(denom)
    k = num.shape[1]
    L = len(levels)
    est = np.full((L, k), np.nan)
    low = np.full((L, k), np.nan)
    high = np.full((L, k), np.nan)
    n_art = np.zeros(L, dtype=int)
    for g, level in enumerate(levels):
        idx = np.flatnonzero(groups == level)
        n = len(idx)
        n_art[g] = n
        if n == 0:
            continue
        ng = num[idx]
        dg = den[idx] if den is not None else None
        ones = np.ones((1, n))
        s_num = _dense(ones @ ng if not sp.issparse(ng) else ng.sum(axis=0)).reshape(1, -1)
        if dg is None:
            est[g] = s_num[0] / n
        else:
            s_den = _dense(dg.sum(axis=0)).reshape(1, -1)
            with np.errstate(invalid="ignore", divide="ignore"):
                est[g] = (s_num / s_den)[0]
        if n < 2 or n_resamples == 0:
            continue
        W = bootstrap_weights(n, n_resamples, rng)
        b_num = _dense(ng.T @ W.T).T if sp.issparse(ng) else W @ ng
        if dg is None:
            samples = b_num / n
        else:
            b_den = _dense(dg.T @ W.T).T if sp.issparse(dg) else W @ dg
            with np.errstate(invalid="ignore", divide="ignore"):
                samples = b_num / b_den
        low[g], high[g] = percentile_interval(samples, ci)
    if one_d:
        est, low, high = est[:, 0], low[:, 0], high[:, 0]
    return {"estimate": est, "ci_low": low, "ci_high": high, "n_articles": n_art}


def between_group_statistic(values: np.ndarray, codes: np.ndarray, n_levels: int) -> np.ndarray:
    """Between-group sum of squares of the group means (one-way ANOVA numerator).

    ``values`` has shape (n_articles,) or (n_articles, k); ``codes`` may have
    a leading resample axis, shape (B, n_articles), giving B statistics at
    once (one sparse product; group sizes are the same in every row).
    """
    values = np.asarray(values, dtype=float)
    if values.ndim == 1:
        values = values[:, None]
    codes = np.atleast_2d(codes)
    B, n = codes.shape
    counts = np.bincount(codes[0], minlength=n_levels).astype(float)
    rows = (np.arange(B)[:, None] * n_levels + codes).ravel()
    cols = np.tile(np.arange(n), B)
    onehot = sp.csr_matrix((np.ones(B * n), (rows, cols)), shape=(B * n_levels, n))
    sums = (onehot @ values).reshape(B, n_levels, -1)
    grand = values.mean(axis=0)
    present = counts > 0
    means = sums[:, present] / counts[present][None, :, None]
    return (counts[present][None, :, None] * (means - grand) ** 2).sum(axis=1)


def permutation_pvalue(
    values,
    groups: np.ndarray,
    levels: Sequence[str],
    *,
    n_resamples: int = 1000,
    random_state=None,
) -> np.ndarray:
    """Do the groups differ? Permutation p-value of the between-group statistic.

    Group labels are shuffled across articles; the statistic is the
    between-group sum of squares of the article values (equivalent to the
    one-way ANOVA F for a fixed total). ``p = (1 + #{T* >= T}) / (1 + B)``.

    Returns an array of shape (k,) (one p-value per column of ``values``).
    """
    rng = check_random_state(random_state)
    values = np.asarray(values, dtype=float)
    if values.ndim == 1:
        values = values[:, None]
    index = {lv: i for i, lv in enumerate(levels)}
    keep = np.array([g in index for g in groups])
    codes = np.array([index[g] for g in np.asarray(groups)[keep]])
    vals = values[keep]
    observed = between_group_statistic(vals, codes, len(levels))[0]
    perms = (
        np.stack([rng.permutation(codes) for _ in range(n_resamples)])
        if n_resamples
        else np.empty((0, len(codes)), int)
    )
    null = (
        between_group_statistic(vals, perms, len(levels))
        if n_resamples
        else np.empty((0, vals.shape[1]))
    )
    tol = 1e-12 * np.maximum(1.0, np.abs(observed))
    exceed = (null >= observed - tol).sum(axis=0)
    return (1 + exceed) / (1 + n_resamples)
