"""Near-duplicate articles: word shingles, MinHash LSH, exact verification."""

from __future__ import annotations

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.feature_extraction.text import HashingVectorizer

from .text import tokenize

__all__ = ["near_duplicates"]

_N_PERM = 128
_BANDS = 64  # 64 bands of 2 rows: pairs with Jaccard 0.2 become candidates 93% of the time
_PRIME = np.uint64((1 << 31) - 1)  # > every column index (n_features = 2**30)


def _shingler(k: int):
    def shingles(text: str) -> list[str]:
        toks = tokenize(text)
        if len(toks) <= k:
            return [" ".join(toks)] if toks else []
        return [" ".join(toks[i : i + k]) for i in range(len(toks) - k + 1)]

    return shingles


def _signatures(X: sp.csr_matrix, rng: np.random.Generator, budget: int = 100_000) -> np.ndarray:
    """MinHash signatures (n_docs, _N_PERM) of the binary rows of X."""
    # universal hashing (a x + b) mod p with a, b, x < p < 2**31: no overflow
    a = rng.integers(1, _PRIME, size=_N_PERM, dtype=np.uint64)
    b = rng.integers(0, _PRIME, size=_N_PERM, dtype=np.uint64)
    n = X.shape[0]
    sig = np.full((n, _N_PERM), np.iinfo(np.uint64).max, dtype=np.uint64)
    indptr, cols = X.indptr, X.indices.astype(np.uint64)
    start_doc = 0
    while start_doc < n:
        # whole documents, about `budget` shingles at a time
        stop_doc = int(np.searchsorted(indptr, indptr[start_doc] + budget, side="right")) - 1
        stop_doc = min(max(stop_doc, start_doc + 1), n)
        lo, hi = indptr[start_doc], indptr[stop_doc]
        if hi > lo:
            h = (cols[lo:hi, None] * a[None, :] + b[None, :]) % _PRIME
            counts = np.diff(indptr[start_doc : stop_doc + 1])
            nonempty = counts > 0
            offsets = (indptr[start_doc:stop_doc] - lo)[nonempty]
            sig[start_doc:stop_doc][nonempty] = np.minimum.reduceat(h, offsets, axis=0)
        start_doc = stop_doc
    return sig


def _candidates(sig: np.ndarray) -> np.ndarray:
    """Pairs (i < j) that share at least one LSH band, shape (m, 2).

    Pairs are collected as codes ``i * n + j`` and made unique whenever the
    new ones outnumber those kept, so memory follows the distinct pairs
    rather than the pairs found in all bands together.
    """
    n = sig.shape[0]
    rows = _N_PERM // _BANDS
    kept = np.empty(0, dtype=np.int64)
    new: list[np.ndarray] = []
    n_new = 0
    for band in range(_BANDS):
        block = np.ascontiguousarray(sig[:, band * rows : (band + 1) * rows])
        keys = block.view(np.dtype((np.void, block.dtype.itemsize * rows))).ravel()
        order = np.argsort(keys, kind="stable")
        sorted_keys = keys[order]
        boundaries = np.flatnonzero(sorted_keys[1:] != sorted_keys[:-1]) + 1
        for group in np.split(order, boundaries):
            if len(group) > 1:
                g = np.sort(group).astype(np.int64)
                i, j = np.triu_indices(len(g), k=1)
                new.append(g[i] * n + g[j])
                n_new += len(i)
        if n_new > max(len(kept), 1 << 20):
            kept = np.unique(np.concatenate([kept, *new]))
            new, n_new = [], 0
    codes = np.unique(np.concatenate([kept, *new]))
    return np.stack([codes // n, codes % n], axis=1)


def _shared_shingles(X: sp.csr_matrix, pairs: np.ndarray, batch: int = 20_000) -> np.ndarray:
    """Shingles shared by each pair of rows of the binary matrix X, a batch of pairs at a time."""
    inter = np.empty(len(pairs))
    for start in range(0, len(pairs), batch):
        ia, ib = pairs[start : start + batch, 0], pairs[start : start + batch, 1]
        inter[start : start + batch] = np.asarray(X[ia].multiply(X[ib]).sum(axis=1)).ravel()
    return inter


def near_duplicates(
    articles: pd.DataFrame, *, threshold: float = 0.5, shingle_size: int = 5
) -> pd.DataFrame:
    """See :meth:`framing.Corpus.duplicates`."""
    if not 0 < threshold <= 1:
        raise ValueError(f"threshold must be in (0, 1], got {threshold}")
    if int(shingle_size) != shingle_size or shingle_size < 1:
        raise ValueError(f"shingle_size must be a positive integer, got {shingle_size}")
    columns = ["doc_id_a", "doc_id_b", "outlet_a", "outlet_b", "similarity", "containment"]
    n = len(articles)
    if n < 2:
        return pd.DataFrame(
            {
                c: pd.Series(dtype=float if c in ("similarity", "containment") else object)
                for c in columns
            }
        )
    vec = HashingVectorizer(
        analyzer=_shingler(int(shingle_size)),
        n_features=1 << 30,
        binary=True,
        norm=None,
        alternate_sign=False,
        dtype=np.float32,
    )
    X = vec.transform(articles["text"]).tocsr()
    X.sort_indices()
    sig = _signatures(X, np.random.default_rng(0))
    pairs = _candidates(sig)
    if len(pairs):
        ia, ib = pairs[:, 0], pairs[:, 1]
        inter = _shared_shingles(X, pairs)
        size = np.diff(X.indptr)
        union = size[ia] + size[ib] - inter
        smaller = np.minimum(size[ia], size[ib])
        jac = np.divide(inter, union, out=np.zeros_like(inter, dtype=float), where=union > 0)
        cont = np.divide(inter, smaller, out=np.zeros_like(inter, dtype=float), where=smaller > 0)
        ok = cont >= threshold
        ia, ib, jac, cont = ia[ok], ib[ok], jac[ok], cont[ok]
    else:
        ia = ib = np.empty(0, dtype=np.int64)
        jac = cont = np.empty(0)
    ids = articles["doc_id"].to_numpy()
    outlets = articles["outlet"].to_numpy()
    out = pd.DataFrame(
        {
            "doc_id_a": ids[ia],
            "doc_id_b": ids[ib],
            "outlet_a": outlets[ia],
            "outlet_b": outlets[ib],
            "similarity": jac.astype(float),
            "containment": cont.astype(float),
        }
    )
    return out.sort_values(
        ["containment", "doc_id_a", "doc_id_b"], ascending=[False, True, True], ignore_index=True
    )
