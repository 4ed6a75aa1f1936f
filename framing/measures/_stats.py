"""Statistics over articles: bootstrap intervals, permutation tests, FDR.

The unit of every resampling in framing is the article, never the token: an
outlet's figure is uncertain because another week would have brought other
articles, and one article that repeats a word twenty times is one article.
Resampling is done with multinomial weights, so that a resample of every group
is one matrix product with the article-level values (dense or sparse) and all
features are handled at once.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Sequence

import numpy as np
import scipy.sparse as sp
from scipy import stats

from .._validate import check_ci, check_n_resamples, check_random_state

__all__ = [
    "IDENTICAL",
    "MIN_ARRANGEMENTS",
    "ONE_ARTICLE",
    "bh_fdr",
    "interval_notes",
    "no_test_reason",
    "check_resampling",
    "bootstrap_weights",
    "check_random_state",
    "contain_estimate",
    "group_bootstrap",
    "permutation_pvalue",
    "percentile_interval",
]


#: Fewer distinct arrangements of the group labels than this and no test is made:
#: the smallest p-value a permutation test could give, 1 / arrangements, would be
#: above 0.05, so "p = 1" would say nothing about the groups.
MIN_ARRANGEMENTS = 20
#: The note of an estimate that rests on one article (no interval over articles).
ONE_ARTICLE = "one article: no interval"
#: The note of an interval of zero width (every article gives the same value).
IDENTICAL = "every article identical"


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
    strata: np.ndarray | None = None,
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
    strata : array of int, shape (n_articles,), optional
        The event of each article (-1: none). With strata the resampling unit
        is the event: each resample draws events with replacement and keeps
        all their articles, one draw shared by every group (with one article
        per outlet and event, resampling inside events would have nothing to
        resample). Articles without an event are left out. With a single
        event the articles in it are resampled, as without strata.

    Returns
    -------
    dict
        ``estimate``, ``ci_low``, ``ci_high`` of shape (n_levels, k) and
        ``n_articles`` of shape (n_levels,); ``n_used`` (the articles, or
        events, each estimate rests on: those with a non-zero denominator)
        and ``ci_note`` (:func:`interval_notes`) shaped like ``estimate``.
        Intervals are NaN where an estimate rests on fewer than two articles
        (two events with strata), where resampling says nothing.
    """
    check_resampling(n_resamples, ci)
    rng = check_random_state(random_state)
    if strata is not None:
        strata = np.asarray(strata)
        if len(np.unique(strata[strata >= 0])) >= 2:
            return _event_bootstrap(numer, np.asarray(groups), levels, denom, n_resamples, ci, rng, strata)
        # one event: comparing inside it is the plain comparison of its articles
        groups = np.where(strata >= 0, np.asarray(groups, dtype=object), None)
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
    n_used = np.zeros((L, k), dtype=int)
    for g, level in enumerate(levels):
        idx = np.flatnonzero(groups == level)
        n = len(idx)
        n_art[g] = n
        if n == 0:
            continue
        ng = num[idx]
        dg = den[idx] if den is not None else None
        n_used[g] = n if dg is None else np.asarray((dg > 0).sum(axis=0)).reshape(-1)
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
    return _result(est, low, high, n_art, n_used, one_d)


def _result(est, low, high, n_art, n_used, one_d) -> dict[str, np.ndarray]:
    """The bootstrap's result: no interval where an estimate rests on one article, and the notes."""
    low, high = contain_estimate(est, low, high)
    low, high = np.where(n_used < 2, np.nan, low), np.where(n_used < 2, np.nan, high)
    notes = interval_notes(n_used, low, high)
    if one_d:
        est, low, high, n_used, notes = est[:, 0], low[:, 0], high[:, 0], n_used[:, 0], notes[:, 0]
    return {"estimate": est, "ci_low": low, "ci_high": high, "n_articles": n_art, "n_used": n_used,
            "ci_note": notes}


def contain_estimate(est: np.ndarray, low: np.ndarray, high: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Widen intervals that miss their estimate by rounding (NaN stays NaN).

    A group of identical values (republished copies) has the same value in
    every resample, but a resampled sum is added in another order than the
    estimate's and can differ from it by one unit in the last place. The
    interval is widened to hold the estimate, so that ``ci_low <= estimate <=
    ci_high`` wherever all three are defined.

    Examples
    --------
    >>> contain_estimate(np.array([0.3]), np.array([0.30000000000000004]), np.array([0.4]))
    (array([0.3]), array([0.4]))
    """
    est, low, high = (np.asarray(a, dtype=float) for a in (est, low, high))
    ok = ~(np.isnan(est) | np.isnan(low) | np.isnan(high))
    return np.where(ok, np.minimum(low, est), low), np.where(ok, np.maximum(high, est), high)


def _event_bootstrap(numer, groups, levels, denom, n_resamples, ci, rng, strata) -> dict[str, np.ndarray]:
    """:func:`group_bootstrap` resampling events (clusters of articles) instead of articles."""
    one_d = not sp.issparse(numer) and np.ndim(numer) == 1
    num = sp.csr_matrix(numer) if sp.issparse(numer) else _column_matrix(numer)
    ok = strata >= 0
    events, code = np.unique(strata[ok], return_inverse=True)
    E, k, L = len(events), num.shape[1], len(levels)
    rows = np.flatnonzero(ok)
    est, low, high = (np.full((L, k), np.nan) for _ in range(3))
    n_art = np.zeros(L, dtype=int)
    n_used = np.zeros((L, k), dtype=int)
    W = bootstrap_weights(E, n_resamples, rng) if n_resamples and E >= 2 else None  # B x E
    for g, level in enumerate(levels):
        in_g = groups[rows] == level
        idx = rows[in_g]
        n_art[g] = len(idx)
        if not len(idx):
            continue
        A = sp.csr_matrix((np.ones(len(idx)), (code[in_g], np.arange(len(idx)))), shape=(E, len(idx)))
        s_num = _dense(A @ num[idx])  # E x k
        if denom is None:
            s_den = np.asarray(A.sum(axis=1)).reshape(-1, 1) * np.ones((1, k))
        else:
            den = denom if sp.issparse(denom) else _column_matrix(denom)
            s_den = _dense(A @ den[idx])
            if s_den.shape[1] == 1 and k > 1:
                s_den = s_den * np.ones((1, k))
        # the estimate rests on the events where it has a denominator (one: no interval)
        n_used[g] = (s_den > 0).sum(axis=0)
        with np.errstate(invalid="ignore", divide="ignore"):
            est[g] = s_num.sum(axis=0) / s_den.sum(axis=0)
            if W is not None and (s_den.sum(axis=1) > 0).sum() >= 2:
                low[g], high[g] = percentile_interval((W @ s_num) / (W @ s_den), ci)
    return _result(est, low, high, n_art, n_used, one_d)


def within_shuffles(codes: np.ndarray, strata: np.ndarray, m: int, rng: np.random.Generator) -> np.ndarray:
    """m relabellings of ``codes`` (m x n), each shuffling the labels inside every stratum."""
    n = len(codes)
    base = np.argsort(strata, kind="stable")
    order = np.argsort(strata[None, :] + rng.random((m, n)), axis=1, kind="stable")
    out = np.empty((m, n), dtype=np.asarray(codes).dtype)
    np.put_along_axis(out, order, np.broadcast_to(np.asarray(codes)[base], (m, n)), axis=1)
    return out


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


def _arrangements(sizes) -> int:
    """Distinct labellings of articles with group sizes ``sizes`` (a multinomial coefficient),
    counted up to :data:`MIN_ARRANGEMENTS` (a larger count is returned as that bound)."""
    n, total = 1, 0
    for x in (int(x) for x in sizes if x):
        total += x
        n *= math.comb(total, x)
        if n >= MIN_ARRANGEMENTS:  # enough: stop before the numbers grow
            return MIN_ARRANGEMENTS
    return n


def no_test_reason(groups: np.ndarray, levels: Sequence[str], strata: np.ndarray | None = None) -> str:
    """Why the groups cannot be tested for a difference ("" when they can).

    No test is possible when fewer than two groups have a value, when a
    group has a single article (its one value is all there is: any difference
    could be that article's), or when the labels can be arranged in fewer
    than :data:`MIN_ARRANGEMENTS` distinct ways (inside each event with
    ``strata``), so that no arrangement could be unusual.

    Examples
    --------
    >>> no_test_reason(np.array(["A", "B"]), ["A", "B"])
    'no test possible: a group has one article'
    >>> no_test_reason(np.array(["A", "A", "B", "B"]), ["A", "B"])
    'no test possible: only 6 distinct arrangements of the articles'
    >>> no_test_reason(np.array(["A"] * 5 + ["B"] * 5), ["A", "B"])
    ''
    """
    groups = np.asarray(groups)
    keep = np.isin(groups, list(levels))
    if strata is not None:
        strata = np.asarray(strata)
        keep &= strata >= 0
    g = groups[keep]
    labels, sizes = np.unique(g, return_counts=True)
    if len(labels) < 2:
        return "no test possible: fewer than two groups have a value"
    if sizes.min() < 2:
        return "no test possible: a group has one article"
    if strata is None:
        n = _arrangements(sizes)
    else:
        s = strata[keep]
        n = 1
        for event in np.unique(s):
            n = min(n * _arrangements(np.unique(g[s == event], return_counts=True)[1]), MIN_ARRANGEMENTS)
            if n >= MIN_ARRANGEMENTS:
                break
    if n < MIN_ARRANGEMENTS:
        return f"no test possible: only {int(n)} distinct arrangements of the articles"
    return ""


def interval_notes(n_used, ci_low, ci_high) -> np.ndarray:
    """Per estimate: :data:`ONE_ARTICLE`, :data:`IDENTICAL` (zero width) or "".

    ``n_used`` counts the articles an estimate rests on (those with a
    non-zero denominator for a pooled ratio).
    """
    n_used = np.asarray(n_used)
    low, high = np.asarray(ci_low, dtype=float), np.asarray(ci_high, dtype=float)
    n_used = np.broadcast_to(n_used.reshape(n_used.shape + (1,) * (low.ndim - n_used.ndim)), low.shape)
    out = np.full(low.shape, "", dtype=object)
    out[n_used == 1] = ONE_ARTICLE
    with np.errstate(invalid="ignore"):
        out[(n_used >= 2) & np.isclose(low, high, rtol=0, atol=1e-12)] = IDENTICAL
    return out


def permutation_pvalue(
    values,
    groups: np.ndarray,
    levels: Sequence[str],
    *,
    n_resamples: int = 1000,
    random_state=None,
    strata: np.ndarray | None = None,
) -> np.ndarray:
    """Do the groups differ? Permutation p-value of the between-group statistic.

    Group labels are shuffled across articles; the statistic is the
    between-group sum of squares of the article values (equivalent to the
    one-way ANOVA F for a fixed total). ``p = (1 + #{T* >= T}) / (1 + B)``.
    With ``strata`` (the event of each article; -1: none, left out) the
    labels are shuffled inside each event, and the values are centred on
    their event's mean first, so that what an event is about does not count
    as a difference between the groups.

    Returns an array of shape (k,) (one p-value per column of ``values``),
    NaN where no test is possible (:func:`no_test_reason` says why).
    """
    rng = check_random_state(random_state)
    values = np.asarray(values, dtype=float)
    if values.ndim == 1:
        values = values[:, None]
    if no_test_reason(groups, levels, strata):
        return np.full(values.shape[1], np.nan)
    index = {lv: i for i, lv in enumerate(levels)}
    keep = np.array([g in index for g in groups])
    if strata is not None:
        strata = np.asarray(strata)
        keep &= strata >= 0
        if len(np.unique(strata[keep])) < 2:
            strata = None  # one event: the plain test of its articles
    codes = np.array([index[g] for g in np.asarray(groups)[keep]], dtype=np.int64)
    vals = values[keep]
    if strata is not None:
        s = strata[keep]
        _, s = np.unique(s, return_inverse=True)
        sums = np.zeros((s.max() + 1 if len(s) else 0, vals.shape[1]))
        np.add.at(sums, s, vals)
        vals = vals - (sums / np.bincount(s)[:, None])[s]
    observed = between_group_statistic(vals, codes, len(levels))[0]
    if strata is not None and n_resamples:
        perms = within_shuffles(codes, s, n_resamples, rng)
    else:
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
