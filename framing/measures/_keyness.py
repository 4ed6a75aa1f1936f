"""The statistics of distinctive terms: keyness scores and their article-level uncertainty.

* :func:`log_odds`: the log-odds ratio with an informative Dirichlet prior and
  its variance (Monroe, Colaresi & Quinn 2008);
* :func:`keyness`: chi-squared and G2 keyness as in quanteda's
  ``textstat_keyness`` (with Yates' or Williams' correction);
* the bootstrap of the log-odds over articles, sparse and vectorised (the
  tests are in :mod:`framing.measures._design`);
* :func:`clustered_log_odds`: the same comparison from per-group sums only,
  with article-clustered (delta-method) variances, for corpora streamed in
  chunks.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import scipy.sparse as sp
from scipy import special, stats

from ._stats import bh_fdr, percentile_interval

__all__ = ["Scorer", "clustered_log_odds", "keyness", "log_odds"]


_CHUNK = 4096  # with 1,000 resamples, about 4 x _CHUNK terms of blocks held at once


def log_odds(y_i, n_i, y_j, n_j, prior, alpha0):
    """Monroe et al. (2008), eq. 22 and 23: delta and its variance."""
    delta = np.log((y_i + prior) / (n_i + alpha0 - y_i - prior)) - np.log(
        (y_j + prior) / (n_j + alpha0 - y_j - prior)
    )
    var = 1.0 / (y_i + prior) + 1.0 / (y_j + prior)
    return delta, var


def keyness(a, b, n_a, n_b, method: str, correction: str):
    """Signed chi-squared or G2 of the 2x2 table as quanteda's textstat_keyness.

    ``a``/``b``: counts of the term in target/reference; ``n_a``/``n_b``:
    their totals. Returns (statistic, p-value).
    """
    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    c = n_a - a
    d = n_b - b
    N = a + b + c + d
    E = (a + b) * (a + c) / N
    small = (
        ((a + b) * (a + c) / N < 5)
        | ((a + b) * (b + d) / N < 5)
        | ((a + c) * (c + d) / N < 5)
        | ((c + d) * (b + d) / N < 5)
    )
    ad_bc = a * d - b * c
    denom = (a + b) * (c + d) * (a + c) * (b + d)
    with np.errstate(divide="ignore", invalid="ignore"):
        if method == "chi2":
            if correction == "yates":
                apply = small & (np.abs(ad_bc) >= N / 2)
                num = np.where(apply, (np.abs(ad_bc) - N * 0.5) ** 2, ad_bc**2)
                stat = N * num / denom
            else:
                stat = N * ad_bc**2 / denom
                if correction == "williams":
                    stat = stat / _williams_q(a, b, c, d, N)
            stat = stat * np.where(a > E, 1.0, -1.0)
        else:
            if correction == "yates":
                apply = small & (np.abs(ad_bc) > N / 2)
                shift = np.where(apply, np.where(ad_bc > 0, -0.5, 0.5), 0.0)
                a, d, b, c = a + shift, d + shift, b - shift, c - shift
            eps = 1e-9
            g2 = 2 * (
                _xlogy(a, a / E + eps)
                + _xlogy(b, b / ((a + b) * (b + d) / N) + eps)
                + _xlogy(c, c / ((a + c) * (c + d) / N) + eps)
                + _xlogy(d, d / ((b + d) * (c + d) / N) + eps)
            )
            if correction == "williams":
                g2 = g2 / _williams_q(a, b, c, d, N)
            stat = g2 * np.where(a > E, 1.0, -1.0)
    stat = np.nan_to_num(stat, nan=0.0)
    return stat, stats.chi2.sf(np.abs(stat), 1)


def _xlogy(x, y):
    # quanteda computes x * log(y); R gives 0 * log(eps) = 0 as here
    return special.xlogy(x, y)


def _williams_q(a, b, c, d, N):
    with np.errstate(divide="ignore", invalid="ignore"):
        q = 1 + (N / (a + b) + N / (c + d) - 1) * (N / (a + c) + N / (b + d) - 1) / (6 * N)
    return np.where(a * b * c * d == 0, 1.0, q)


class Scorer:
    """Computes the score of target-vs-reference counts for one method."""

    def __init__(self, method: str, correction: str, prior: np.ndarray, alpha0: float):
        self.method, self.correction, self.prior, self.alpha0 = method, correction, prior, alpha0

    def __call__(self, y_i, n_i, y_j, n_j, cols=slice(None)):
        if self.method == "log_odds":
            delta, var = log_odds(y_i, n_i, y_j, n_j, self.prior[cols], self.alpha0)
            return delta / np.sqrt(var)
        return keyness(y_i, y_j, n_i, n_j, self.method, self.correction)[0]


def bootstrap_log_odds(X, lengths, codes, k, pairs, prior, alpha0, B, ci, rng):
    """Percentile intervals of delta for every comparison, resampling articles
    within each group.

    One set of multinomial article weights per group and resample serves
    every comparison: a group's resampled counts are one sparse-times-dense
    product, and the rest's are the total of all groups' minus the group's.
    Counts and weights are whole numbers, so the sums are exact. A comparison
    whose group or reference has fewer than two articles gets NaN.
    """
    rows = [np.flatnonzero(codes == g) for g in range(k)]
    sizes = np.array([len(r) for r in rows])
    # float32 holds every resampled sum exactly when none can reach 2**24
    exact32 = X.nnz == 0 or X.data.max() * sizes.max() < 2**24
    dtype = np.float32 if exact32 else np.float64
    W = [_multinomial_weights(len(r), B, rng, dtype) for r in rows]  # n_g x B
    N = np.stack([lengths[r] @ w for r, w in zip(rows, W, strict=True)]).astype(float)  # k x B
    todo = []
    for i, (g, h) in enumerate(pairs):
        n_ref = sizes.sum() - sizes[g] if h is None else sizes[h]
        if sizes[g] >= 2 and n_ref >= 2:
            todo.append(i)
    V = X.shape[1]
    out = [(np.full(V, np.nan), np.full(V, np.nan)) for _ in pairs]
    if not todo:
        return out
    Xt = [X[r].T.tocsr().astype(dtype) for r in rows]  # terms x articles of each group
    chunk = max(1, _CHUNK * 4 * 1000 // ((k + 4) * B))  # k group blocks, total, 3 temporaries
    for start in range(0, V, chunk):
        cols = slice(start, min(start + chunk, V))
        Y = [xt[cols] @ w for xt, w in zip(Xt, W, strict=True)]  # k blocks, terms x B
        total = np.sum(Y, axis=0) if any(h is None for _, h in pairs) else None
        a = prior[cols][:, None]
        for i in todo:
            g, h = pairs[i]
            y_j = total - Y[g] if h is None else Y[h]
            n_j = N.sum(axis=0) - N[g] if h is None else N[h]
            low, high = _log_ratio_interval(Y[g], N[g] + alpha0, y_j, n_j + alpha0, a, ci)
            out[i][0][cols], out[i][1][cols] = low, high
    return out


def _multinomial_weights(n: int, B: int, rng, dtype) -> np.ndarray:
    """n x B article weights of B resamples with replacement (multinomial
    counts of n draws among n articles)."""
    if n == 0:
        return np.zeros((0, B), dtype=dtype)
    draws = rng.integers(0, n, size=(B, n))
    draws += np.arange(B)[:, None] * n
    counts = np.bincount(draws.ravel(), minlength=B * n).reshape(B, n)
    return np.ascontiguousarray(counts.T, dtype=dtype)


def _log_ratio_interval(y_i, a_i, y_j, a_j, prior, ci):
    """Percentile interval along rows of :func:`log_odds`'s delta.

    delta is the log of ``r = (y_i + a)(a_j - y_j - a) / ((a_i - y_i - a)(y_j + a))``
    (``a_* = n_* + alpha0``); the log is monotonic, so the order statistics
    of delta are the logs of those of ``r``: only the two or four of them that
    the interpolation reads are logged (the linear interpolation of
    :func:`numpy.quantile`). Blocks with an infinite or NaN ratio take
    :func:`percentile_interval` on delta itself.
    """
    num = y_i + prior
    den = a_i - y_i
    den -= prior
    tmp = a_j - y_j
    tmp -= prior
    num *= tmp
    np.add(y_j, prior, out=tmp)
    den *= tmp
    with np.errstate(divide="ignore", invalid="ignore"):
        num /= den
    if not np.isfinite(num).all():
        with np.errstate(divide="ignore", invalid="ignore"):
            delta, _ = log_odds(y_i, a_i, y_j, a_j, prior, 0.0)
        return percentile_interval(delta, ci, axis=1)
    B = num.shape[1]
    alpha = (1 - ci) / 2
    where = np.array([alpha, 1 - alpha]) * (B - 1)
    below = np.floor(where).astype(int)
    # one partition at the upper of the two order statistics each end needs:
    # the lower one is then the largest value before it (low end) and the
    # upper one at the high end the smallest value after it
    lo_k, hi_k = min(below[0] + 1, B - 1), below[1]
    num.partition(sorted({lo_k, hi_k}), axis=1)
    x = [
        num[:, :lo_k].max(axis=1) if lo_k > below[0] else num[:, lo_k],
        num[:, lo_k],
        num[:, hi_k],
        num[:, hi_k + 1 :].min(axis=1) if hi_k < B - 1 else num[:, hi_k],
    ]
    x = np.log(np.stack(x))
    out = []
    for q, x0, x1 in ((where[0] - below[0], x[0], x[1]), (where[1] - below[1], x[2], x[3])):
        diff = x1 - x0
        # numpy.quantile's interpolation
        out.append(x1 - diff * (1 - q) if q >= 0.5 else x0 + diff * q)
    return out[0], out[1]


def clustered_log_odds(
    sums: dict[str, sp.spmatrix],
    lengths: dict[str, np.ndarray],
    vocabulary: np.ndarray,
    stored: list[str],
    groups: list[str],
    *,
    by: str,
    min_count: int,
    alpha0: float | None,
    ci: float,
) -> pd.DataFrame:
    """Log-odds of each group against the rest from per-group sums, with article-clustered errors.

    ``sums`` holds groups x terms sparse sums over articles of the counts
    (``"count"``), squared counts (``"square"``) and count x article length
    (``"cross"``); ``lengths`` the per-group number of articles (``"n"``),
    sum of lengths (``"sum"``) and sum of squared lengths (``"square"``), rows
    in the order ``stored``; ``groups`` are reported in the order given. See
    :meth:`framing.stream.StreamResult.distinctive_terms` for the columns.
    """
    total_counts = np.asarray(sums["count"].sum(axis=0)).ravel()
    keep = np.flatnonzero(total_counts >= min_count)
    if not len(keep):
        raise ValueError(f"min_count={min_count} leaves no terms; lower min_count")
    # dense only for the terms kept
    count, square, cross = (sums[k][:, keep].toarray() for k in ("count", "square", "cross"))
    total_counts = total_counts[keep]
    terms = vocabulary[keep]
    n_art, len_sum, len_sq = lengths["n"], lengths["sum"], lengths["square"]
    N = len_sum.sum()
    if alpha0 is None:
        alpha0 = float(N / n_art.sum())
    prior = alpha0 * total_counts / N
    # variances of group sums when the group's articles are resampled
    with np.errstate(invalid="ignore", divide="ignore"):
        var_y = np.maximum(square - count**2 / n_art[:, None], 0)
        var_n = np.maximum(len_sq - len_sum**2 / n_art, 0)
        cov_yn = cross - count * (len_sum / n_art)[:, None]
    zq = stats.norm.ppf(0.5 + ci / 2)
    frames = []
    order = {g: i for i, g in enumerate(stored)}
    for g in groups:
        i = order[g]
        rest = [order[h] for h in groups if h != g]
        y_i, n_i = count[i], len_sum[i]
        y_j, n_j = count[rest].sum(axis=0), len_sum[rest].sum()
        delta, var = log_odds(y_i, n_i, y_j, n_j, prior, alpha0)
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
        p = 2 * stats.norm.sf(np.abs(z_article))
        frame = pd.DataFrame({
            by: g, "other": "rest", "term": terms, "count": y_i, "total": n_i, "count_other": y_j,
            "total_other": n_j, "prior": prior, "alpha0": alpha0, "log_odds": delta, "se": np.sqrt(var),
            "z": delta / np.sqrt(var), "se_article": se_article, "ci_low": delta - zq * se_article,
            "ci_high": delta + zq * se_article, "z_article": z_article, "p_value": p,
            "q_value": bh_fdr(p), "n_articles": int(n_art[i]),
        })
        frame["score"] = frame["z"]
        frames.append(frame.iloc[np.lexsort((terms, -frame["z"].to_numpy()))])
    return pd.concat(frames, ignore_index=True)
