"""Near-duplicate articles: word shingles, exact copies by hash, MinHash LSH, exact verification."""

from __future__ import annotations

import hashlib

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.feature_extraction.text import HashingVectorizer

from .text import tokenize

__all__ = ["near_duplicates"]

_N_PERM = 128
_BANDS = 64  # 64 bands of 2 rows: pairs with Jaccard 0.2 become candidates 93% of the time
_PRIME = np.uint64((1 << 31) - 1)  # > every column index (n_features = 2**30)
#: LSH buckets up to this size give all their pairs as candidates; a larger bucket (many
#: near copies of one story) gives each member paired with the bucket's first and next
#: member, so candidates grow linearly with the copies, not with their square.
_FULL_BUCKET = 32


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
                if len(g) <= _FULL_BUCKET:
                    i, j = np.triu_indices(len(g), k=1)
                else:
                    rest = np.arange(1, len(g))
                    i = np.concatenate([np.zeros(len(g) - 1, dtype=np.int64), rest[:-1]])
                    j = np.concatenate([rest, rest[1:]])
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
    size = np.diff(X.indptr)
    rep = _exact_copies(X, size)
    edges: list[tuple[float, float, int, int]] = [
        (1.0, 1.0, int(rep[i]), i) for i in np.flatnonzero(rep != np.arange(n))
    ]
    heads = np.flatnonzero((rep == np.arange(n)) & (size > 0))
    if len(heads) > 1:
        Xh = X[heads]
        pairs = _candidates(_signatures(Xh, np.random.default_rng(0)))
        if len(pairs):
            ia, ib = pairs[:, 0], pairs[:, 1]
            inter = _shared_shingles(Xh, pairs)
            sh = size[heads]
            union = sh[ia] + sh[ib] - inter
            smaller = np.minimum(sh[ia], sh[ib])
            jac = np.divide(inter, union, out=np.zeros_like(inter, dtype=float), where=union > 0)
            cont = np.divide(inter, smaller, out=np.zeros_like(inter, dtype=float), where=smaller > 0)
            ok = np.flatnonzero(cont >= threshold)
            edges += _forest(rep, heads[ia[ok]], heads[ib[ok]], jac[ok], cont[ok])
    ia = np.array([e[2] for e in edges], dtype=np.int64)
    ib = np.array([e[3] for e in edges], dtype=np.int64)
    ids = articles["doc_id"].to_numpy()
    outlets = articles["outlet"].to_numpy()
    out = pd.DataFrame(
        {
            "doc_id_a": ids[ia],
            "doc_id_b": ids[ib],
            "outlet_a": outlets[ia],
            "outlet_b": outlets[ib],
            "similarity": np.array([e[1] for e in edges], dtype=float),
            "containment": np.array([e[0] for e in edges], dtype=float),
        }
    )
    return out.sort_values(
        ["containment", "doc_id_a", "doc_id_b"], ascending=[False, True, True], ignore_index=True
    )


def _exact_copies(X: sp.csr_matrix, size: np.ndarray) -> np.ndarray:
    """For every row, the first row with the same (non-empty) set of shingles."""
    first: dict[tuple[int, bytes], int] = {}
    rep = np.arange(X.shape[0])
    for i in np.flatnonzero(size > 0):
        cols = X.indices[X.indptr[i] : X.indptr[i + 1]]
        key = (int(size[i]), hashlib.blake2b(cols.tobytes(), digest_size=16).digest())
        rep[i] = first.setdefault(key, int(i))
    return rep


def _forest(rep, ia, ib, jac, cont) -> list[tuple[float, float, int, int]]:
    """The verified near-copy pairs that link clusters, strongest first (a spanning forest).

    Exact copies are already linked to their first article (``rep``); a pair
    is kept only when it joins two clusters not yet linked, so a cluster of k
    articles gives k - 1 pairs however many of its pairs are copies.
    """
    parent = {int(i): int(r) for i, r in enumerate(rep)}

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    kept = []
    for k in np.lexsort((ib, ia, -jac, -cont)):
        a, b = root(int(ia[k])), root(int(ib[k]))
        if a != b:
            parent[max(a, b)] = min(a, b)
            kept.append((float(cont[k]), float(jac[k]), int(ia[k]), int(ib[k])))
    return kept
