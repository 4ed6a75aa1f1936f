"""Design-based tests of term use: articles as the sampled units, events as strata.

The question "does outlet *g* use term *w* more than the other outlets?" is
answered by the randomisation design: were outlet labels exchangeable among
the articles of each event (stratum), how unusual would the observed count be?
For group *g* the statistic is the term's count in *g* minus what the
event's pooled rate would give *g*'s articles::

    T = sum_e (Y_ge - r_e L_ge),    r_e = Y_e / L_e

(``Y`` term counts, ``L`` token totals, ``e`` the events where both sides of
the comparison have articles; without strata there is one event). Under
random relabelling of articles within events, ``T`` has mean 0 and the exact
variance of a sample drawn without replacement::

    Var T = sum_e n_ge n_re / (n_e (n_e - 1)) * sum_{a in e} (y_a - r_e l_a)^2

(``n`` article counts, ``r`` the reference side), so ``z = T / sqrt(Var T)``
is an article-clustered z whose first two moments are exactly those of the
permutation distribution. Its normal p-value reaches any
Benjamini-Hochberg threshold; where the normal approximation is doubtful (a
term carried by few articles: effective number of articles
``(sum y)^2 / sum y^2`` below :data:`MIN_EFFECTIVE_ARTICLES`) the p-value is
instead the Monte Carlo permutation p-value of the same ``T`` with the same
within-event relabelling (Besag & Clifford 1991 sequential stopping). The
choice depends on the counts only, never on the labels, so each p-value is a
valid test.

With events, the effect size is the *standardised* log-odds: the group's
count against the count the other outlets' rates on the same events would
give the group's articles (indirect standardisation), with the Monroe et al.
(2008) informative Dirichlet prior; its interval resamples events (with all
their articles), because with one article per outlet and event there is
nothing to resample inside an event.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from scipy import stats

from ._keyness import _log_ratio_interval, _multinomial_weights, log_odds

__all__ = ["MIN_EFFECTIVE_ARTICLES", "Comparison", "design_test", "event_bootstrap", "permutation_p"]

#: Terms carried by fewer effective articles than this get a permutation p-value.
MIN_EFFECTIVE_ARTICLES = 20


@dataclass
class Comparison:
    """The articles of one comparison (group ``g`` against its reference) and their strata.

    ``rows`` are the articles that take part (both sides, in events where both
    sides have articles), ``in_g`` marks the group's among them, ``strata``
    the event code of each (0 .. n_strata - 1).
    """

    rows: np.ndarray
    in_g: np.ndarray
    strata: np.ndarray
    n_strata: int

    @classmethod
    def of(cls, codes: np.ndarray, g: int, h: int | None, strata: np.ndarray | None) -> Comparison:
        side = np.where(codes == g, 1, np.where((codes >= 0) & ((codes != g) if h is None else (codes == h)), 0, -1))
        s = np.zeros(len(codes), dtype=np.int64) if strata is None else strata
        ok = (side >= 0) & (s >= 0)
        if strata is not None:
            n = int(s.max()) + 1 if len(s) else 0
            has_g = np.bincount(s[ok & (side == 1)], minlength=n) > 0
            has_r = np.bincount(s[ok & (side == 0)], minlength=n) > 0
            ok &= (has_g & has_r)[np.clip(s, 0, None)]
        rows = np.flatnonzero(ok)
        used, dense = np.unique(s[rows], return_inverse=True)
        return cls(rows, side[rows] == 1, dense.astype(np.int64), len(used))

    def onehot(self, weights: np.ndarray | None = None, mask: np.ndarray | None = None) -> sp.csr_matrix:
        """strata x articles matrix (of ``weights``, on the articles of ``mask``)."""
        n = len(self.rows)
        w = np.ones(n) if weights is None else np.asarray(weights, dtype=float)
        if mask is not None:
            w = np.where(mask, w, 0.0)
        return sp.csr_matrix((w, (self.strata, np.arange(n))), shape=(self.n_strata, n))


@dataclass
class DesignTest:
    """Per term: the statistic ``T``, its variance, z, normal p, effective articles, and
    the per-stratum pieces the permutations reuse."""

    T: np.ndarray
    var: np.ndarray
    z: np.ndarray
    p_normal: np.ndarray
    n_eff: np.ndarray
    rate: sp.csr_matrix  # strata x terms: the pooled rate r_e


def design_test(X: sp.csr_matrix, lengths: np.ndarray, c: Comparison) -> DesignTest:
    """The design-based z of every term (columns of ``X``) for comparison ``c``."""
    Xc = X[c.rows]
    ln = lengths[c.rows].astype(float)
    A = c.onehot()
    Y_e = (A @ Xc).tocsr()
    Q_e = (A @ Xc.multiply(Xc)).tocsr()
    C_e = (A @ sp.diags(ln) @ Xc).tocsr()
    L_e = A @ ln
    M_e = A @ ln**2
    n_e = A @ np.ones(len(ln))
    n_g = c.onehot(mask=c.in_g) @ np.ones(len(ln))
    L_g = c.onehot(mask=c.in_g) @ ln
    with np.errstate(divide="ignore", invalid="ignore"):
        inv_L = np.where(L_e > 0, 1.0 / L_e, 0.0)
        f = np.where(n_e > 1, n_g * (n_e - n_g) / (n_e * (n_e - 1)), 0.0)
    rate = (sp.diags(inv_L) @ Y_e).tocsr()
    Y_g = np.asarray(Xc[c.in_g].sum(axis=0)).ravel()
    T = Y_g - Y_e.T @ (L_g * inv_L)
    var = (
        Q_e.T @ f
        - 2 * Y_e.multiply(C_e).tocsr().T @ (f * inv_L)
        + Y_e.multiply(Y_e).tocsr().T @ (f * M_e * inv_L**2)
    )
    var = np.maximum(var, 0.0)
    with np.errstate(divide="ignore", invalid="ignore"):
        z = np.where(var > 0, T / np.sqrt(var), 0.0)
        total = np.asarray(Y_e.sum(axis=0)).ravel()
        squares = np.asarray(Q_e.sum(axis=0)).ravel()
        n_eff = np.where(squares > 0, total**2 / squares, 0.0)
    return DesignTest(T, var, z, 2 * stats.norm.sf(np.abs(z)), n_eff, rate)


def _order_by_stratum(keys: np.ndarray, strata: np.ndarray, base: np.ndarray) -> np.ndarray | None:
    """The order of each row of ``keys`` (stratum code plus a uniform draw), sorted
    stratum by stratum (``base``: the articles in stable stratum order), or None for a
    single stratum or when the sorted rows are not strictly increasing (a tie, or a
    draw rounded up to the next stratum's code). A strictly increasing row has one
    order, the one a sort of the whole row gives, and short sorts are faster."""
    s = strata[base]
    cuts = np.flatnonzero(s[1:] != s[:-1]) + 1
    if not len(cuts):
        return None
    grouped = keys[:, base]
    order = np.empty(keys.shape, dtype=np.intp)
    ranked = np.empty(keys.shape)
    for a, b in zip([0, *cuts], [*cuts, len(base)], strict=True):
        local = np.argsort(grouped[:, a:b], axis=1)
        ranked[:, a:b] = np.take_along_axis(grouped[:, a:b], local, axis=1)
        order[:, a:b] = base[a + local]
    if (ranked[:, 1:] <= ranked[:, :-1]).any():
        return None
    return order


def _shuffles(c: Comparison, m: int, rng: np.random.Generator) -> np.ndarray:
    """m relabellings (m x articles of ``c``): the group's labels shuffled within each stratum."""
    n = len(c.rows)
    base = np.argsort(c.strata, kind="stable")
    keys = c.strata[None, :] + rng.random((m, n))
    order = _order_by_stratum(keys, c.strata, base)
    if order is None:
        # the stable order of the keys; with no two keys of a row equal (nearly always)
        # every sort gives it, and the default sort is several times faster than the stable one
        order = np.argsort(keys, axis=1)
        ranked = np.take_along_axis(keys, order, axis=1)
        if (ranked[:, 1:] == ranked[:, :-1]).any():
            order = np.argsort(keys, axis=1, kind="stable")
    out = np.empty((m, n), dtype=bool)
    np.put_along_axis(out, order, np.broadcast_to(c.in_g[base], (m, n)), axis=1)
    return out


def permutation_p(
    X: sp.csr_matrix,
    lengths: np.ndarray,
    c: Comparison,
    test: DesignTest,
    terms: np.ndarray,
    B: int,
    rng: np.random.Generator,
    stop_after: int = 10,
) -> np.ndarray:
    """Monte Carlo permutation p-values of ``|T|`` for the columns ``terms``, labels
    shuffled within strata; a term stops once ``stop_after`` relabellings beat it
    (``p = stop_after / relabellings run``), else ``p = (1 + exceedances) / (1 + B)``."""
    k = len(terms)
    if k == 0 or B == 0:
        return np.full(k, np.nan)
    Xt = X[c.rows][:, terms].T.tocsr()  # terms x articles
    ln = lengths[c.rows].astype(float)
    R = test.rate[:, terms].T.tocsr()  # terms x strata
    A = c.onehot(weights=ln)  # strata x articles, lengths
    observed = np.abs(test.T[terms])
    tol = 1e-9 * np.maximum(1.0, observed)
    exceed = np.zeros(k, dtype=np.int64)
    done = np.zeros(k, dtype=np.int64)
    active = np.arange(k)
    b, batch = 0, 25
    while b < B and len(active):
        m = min(batch, B - b)
        M = _shuffles(c, m, rng).T.astype(float)  # articles x m
        Y = Xt[active] @ M
        T = Y - R[active] @ (A @ M)
        exceed[active] += (np.abs(T) >= (observed[active] - tol[active])[:, None]).sum(axis=1)
        done[active] += m
        active = active[exceed[active] < stop_after]
        b += m
        batch = min(2 * batch, 400)
    return np.where(done >= B, (1 + exceed) / (1 + B), exceed / np.maximum(done, 1))


@dataclass
class Standardised:
    """The standardised log-odds of one comparison and what its event bootstrap needs."""

    delta: np.ndarray
    var: np.ndarray
    count: np.ndarray  # the group's count Y_g
    expected: np.ndarray  # E_g: the reference's rates applied to the group's articles
    total: float  # the group's tokens in the events compared
    Y_ge: sp.csr_matrix  # strata x terms
    Y_re_scaled: sp.csr_matrix  # strata x terms: (L_ge / L_re) Y_re
    L_ge: np.ndarray


def standardised_log_odds(
    X: sp.csr_matrix, lengths: np.ndarray, c: Comparison, prior: np.ndarray, alpha0: float
) -> Standardised:
    """Log-odds of the group's count against the reference's rates on the same events."""
    Xc = X[c.rows]
    ln = lengths[c.rows].astype(float)
    Y_ge = (c.onehot(mask=c.in_g) @ Xc).tocsr()
    Y_re = (c.onehot(mask=~c.in_g) @ Xc).tocsr()
    L_ge = c.onehot(mask=c.in_g) @ ln
    L_re = c.onehot(mask=~c.in_g) @ ln
    with np.errstate(divide="ignore", invalid="ignore"):
        scale = np.where(L_re > 0, L_ge / L_re, 0.0)
    scaled = (sp.diags(scale) @ Y_re).tocsr()
    y = np.asarray(Y_ge.sum(axis=0)).ravel()
    e = np.asarray(scaled.sum(axis=0)).ravel()
    n = float(L_ge.sum())
    delta, var = log_odds(y, n, e, n, prior, alpha0)
    return Standardised(delta, var, y, e, n, Y_ge, scaled, L_ge)


def event_bootstrap(s: Standardised, prior: np.ndarray, alpha0: float, B: int, ci: float,
                    rng: np.random.Generator, chunk: int = 4096) -> tuple[np.ndarray, np.ndarray]:
    """Percentile interval of the standardised log-odds, resampling events with their articles."""
    n_strata, V = s.Y_ge.shape
    if n_strata < 2 or B == 0:
        return np.full(V, np.nan), np.full(V, np.nan)
    W = _multinomial_weights(n_strata, B, rng, np.float64)  # strata x B
    N = s.L_ge @ W + alpha0  # B
    Yt, Et = s.Y_ge.T.tocsr(), s.Y_re_scaled.T.tocsr()  # terms x strata
    low, high = np.full(V, np.nan), np.full(V, np.nan)
    for start in range(0, V, chunk):
        cols = slice(start, min(start + chunk, V))
        y = Yt[cols] @ W
        e = Et[cols] @ W
        low[cols], high[cols] = _log_ratio_interval(y, N, e, N, prior[cols][:, None], ci)
    return low, high
