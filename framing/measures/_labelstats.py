"""Private helpers of :mod:`framing.measures.labels`: evidence order and the label-mix test."""

from __future__ import annotations

import numpy as np
import pandas as pd
import scipy.sparse as sp

from ..corpus import _check_by


def _article_groups(corpus, by: str) -> tuple[np.ndarray, list[str]]:
    _check_by(corpus, by)
    values = corpus._articles[by]
    groups = np.array([None if pd.isna(v) else str(v) for v in values], dtype=object)
    return groups, corpus.groups(by)


def _order_mentions(frame: pd.DataFrame, corpus, by: str, first: str | None = None) -> pd.DataFrame:
    """Sort evidence rows by (first key), group, article, sentence and offset."""
    groups, levels = _article_groups(corpus, by)
    rank = {lv: i for i, lv in enumerate(levels)}
    doc_pos = {d: i for i, d in enumerate(corpus._articles["doc_id"])}
    doc_group = dict(zip(corpus._articles["doc_id"], groups, strict=True))
    keys = pd.DataFrame(
        {
            "g": [rank.get(doc_group[d], len(levels)) for d in frame["doc_id"]],
            "d": [doc_pos[d] for d in frame["doc_id"]],
            "s": frame["sent_id"].to_numpy(),
            "o": frame["start"].to_numpy(),
        }
    )
    cols = ["g", "d", "s", "o"]
    if first is not None:
        keys.insert(0, "f", np.asarray(frame[first].cat.codes))
        cols = ["f", *cols]
    order = keys.sort_values(cols, kind="stable").index.to_numpy()
    return frame.iloc[order].reset_index(drop=True)


def _with_by(frame: pd.DataFrame, corpus, by: str, after: str = "outlet") -> pd.DataFrame:
    if by in frame.columns:
        return frame
    lookup = corpus._articles.set_index("doc_id")[by]
    out = frame.copy()
    out.insert(out.columns.get_loc(after) + 1, by, lookup.reindex(out["doc_id"]).to_numpy())
    return out


# --- label-mix test ------------------------------------------------------------


def _chi2(tables: np.ndarray) -> np.ndarray:
    """Pearson chi-squared of a stack of contingency tables (B, groups, labels)."""
    n = tables.sum(axis=(1, 2), keepdims=True)
    expected = tables.sum(axis=2, keepdims=True) * tables.sum(axis=1, keepdims=True)
    with np.errstate(invalid="ignore", divide="ignore"):
        expected = expected / n
        cells = np.where(expected > 0, (tables - expected) ** 2 / expected, 0.0)
    return cells.sum(axis=(1, 2))


def _tables(x: np.ndarray, codes: np.ndarray, n_levels: int) -> np.ndarray:
    codes = np.atleast_2d(codes)
    B, n = codes.shape
    rows = (np.arange(B)[:, None] * n_levels + codes).ravel()
    onehot = sp.csr_matrix((np.ones(B * n), (rows, np.tile(np.arange(n), B))), shape=(B * n_levels, n))
    return np.asarray(onehot @ x).reshape(B, n_levels, x.shape[1])


def _test_concept(concept, x, codes, perms, n_levels) -> dict:
    table = _tables(x, codes, n_levels)[0]
    n = table.sum()
    n_labels = int((table.sum(axis=0) > 0).sum())
    n_groups = int((table.sum(axis=1) > 0).sum())
    row = {"concept": concept, "n_mentions": int(n), "n_labels": n_labels, "n_groups": n_groups}
    if n == 0:
        return row | {"statistic": np.nan, "dof": 0, "cramers_v": np.nan, "p_value": np.nan}
    stat = float(_chi2(table[None])[0])
    k = min(n_labels, n_groups) - 1
    v = float(np.sqrt(stat / (n * k))) if k > 0 else np.nan
    if perms is None:
        p = np.nan
    elif n_labels < 2:
        p = 1.0
    else:
        null = _chi2(_tables(x, perms, n_levels))
        p = float((1 + (null >= stat - 1e-9 * max(1.0, stat)).sum()) / (1 + len(null)))
    dof = (n_groups - 1) * (n_labels - 1)
    return row | {"statistic": stat, "dof": dof, "cramers_v": v, "p_value": p}
