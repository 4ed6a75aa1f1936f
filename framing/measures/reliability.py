"""Agreement between codings: Krippendorff's alpha and percent agreement.

The first step of a frame analysis by hand is to check that the coding can be
repeated: two or more coders code the same sample of texts and their
agreement is measured. :func:`reliability` does this for any number of
codings (human against human, or human against a classifier), with one label
per text or several, and with texts a coder left out.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from typing import Any

import numpy as np
import pandas as pd

from ._stats import bootstrap_weights, check_random_state, check_resampling, percentile_interval

__all__ = ["reliability", "RELIABILITY_COLUMNS"]

RELIABILITY_COLUMNS = (
    "label",
    "n_units",
    "n_coders",
    "n_values",
    "prevalence",
    "alpha",
    "ci_low",
    "ci_high",
    "agreement",
)

_COLLECTIONS = (list, tuple, set, frozenset, np.ndarray, pd.Series)


def _is_missing(value: Any) -> bool:
    if value is None:
        return True
    try:
        return bool(pd.isna(value)) if np.ndim(value) == 0 else False
    except (TypeError, ValueError):
        return False


def _codings_table(codings: tuple, names: Sequence[str] | None) -> pd.DataFrame:
    """The codings as one object table: a row per unit, a column per coder."""
    if len(codings) == 1 and isinstance(codings[0], pd.DataFrame):
        table = codings[0]
        if table.shape[1] < 2:
            raise ValueError(
                "a DataFrame of codings needs one column per coder and at least two columns; "
                f"got columns {list(table.columns)}"
            )
        out = table.astype(object).copy()
        out.columns = [str(c) for c in table.columns] if names is None else list(names)
        return out
    if len(codings) < 2:
        raise ValueError(
            "reliability needs at least two codings of the same units, e.g. "
            "reliability(coder_a, coder_b), or one DataFrame with a column per coder"
        )
    if names is None:
        names = [f"coder_{i + 1}" for i in range(len(codings))]
    elif len(names) != len(codings):
        raise ValueError(f"names has {len(names)} entries for {len(codings)} codings")
    for i, c in enumerate(codings):
        if isinstance(c, (str, bytes)) or not isinstance(c, Iterable):
            raise TypeError(
                f"coding {i + 1} ({names[i]!r}) must be a sequence with one value per unit "
                f"(a label, a list of labels, or None when not coded); got {type(c).__name__}"
            )
    if all(isinstance(c, pd.Series) for c in codings):
        # Series are aligned on their index: a coder who did not code a unit
        # simply lacks it (the classifier codes everything, humans a sample)
        series = [pd.Series(c.to_numpy(dtype=object), index=c.index) for c in codings]
        for name, s in zip(names, series, strict=True):
            if s.index.has_duplicates:
                dup = s.index[s.index.duplicated()][0]
                raise ValueError(f"coding {name!r} has the unit {dup!r} more than once")
        index = series[0].index
        for s in series[1:]:
            index = index.union(s.index, sort=False)
        return pd.DataFrame(
            {n: s.reindex(index) for n, s in zip(names, series, strict=True)},
            index=index,
            dtype=object,
        )
    lists = [
        list(c.to_numpy(dtype=object)) if isinstance(c, pd.Series) else list(c) for c in codings
    ]
    lengths = {len(c) for c in lists}
    if len(lengths) > 1:
        detail = ", ".join(f"{n!r}: {len(c)}" for n, c in zip(names, lists, strict=True))
        raise ValueError(
            f"the codings must give one value per unit for the same units; lengths differ "
            f"({detail}). Use None for a unit a coder did not code, or give pandas Series "
            "indexed by unit to align them"
        )
    return pd.DataFrame(dict(zip(names, lists, strict=True)), dtype=object)


def _is_multilabel(table: pd.DataFrame) -> bool:
    kinds = set()
    for name in table.columns:
        for unit, value in table[name].items():
            if _is_missing(value):
                continue
            multi = isinstance(value, _COLLECTIONS)
            kinds.add(multi)
            if len(kinds) > 1:
                raise ValueError(
                    f"coding {name!r}, unit {unit!r}: {value!r} mixes single labels and lists "
                    "of labels; give every coded unit one label, or every coded unit a list "
                    "of labels (an empty list for none)"
                )
    return kinds == {True}


def _check_label(value: Any, where: str) -> Hashable:
    if not isinstance(value, Hashable) or isinstance(value, float) and np.isnan(value):
        raise ValueError(f"{where}: {value!r} is not a usable label (labels must be hashable)")
    return value


def _unit_counts(codes: np.ndarray, n_categories: int) -> np.ndarray:
    """``counts[u, c]``: how many coders gave unit ``u`` the value ``c`` (-1 = missing)."""
    counts = np.zeros((codes.shape[0], n_categories))
    rows, cols = np.nonzero(codes >= 0)
    np.add.at(counts, (rows, codes[rows, cols]), 1.0)
    return counts


def _contributions(counts: np.ndarray) -> dict[str, np.ndarray]:
    """Per-unit terms whose sums over units give alpha and agreement.

    For unit ``u`` with ``m_u >= 2`` values, the coincidences of value ``c``
    with itself are ``n_uc (n_uc - 1) / (m_u - 1)`` and the unit adds
    ``n_uc`` to the margin of ``c`` (Krippendorff 2011). Units with fewer
    than two values are not pairable and contribute nothing.
    """
    m = counts.sum(axis=1)
    ok = m >= 2
    c = counts[ok]
    mu = m[ok]
    same = (c * (c - 1)).sum(axis=1)
    return {
        "margins": c,  # (units, categories)
        "diag": same / (mu - 1),  # matching coincidences per unit
        "agree_pairs": same,  # ordered agreeing pairs of values
        "pairs": mu * (mu - 1),  # ordered pairs of values
    }


def _alpha_from_sums(margins: np.ndarray, diag: np.ndarray) -> np.ndarray:
    """Nominal alpha from summed margins ``(..., categories)`` and matching coincidences."""
    n = margins.sum(axis=-1)
    expected = n**2 - (margins**2).sum(axis=-1)  # sum over c != k of n_c n_k
    observed = n - diag  # sum over c != k of o_ck
    with np.errstate(invalid="ignore", divide="ignore"):
        alpha = 1.0 - (n - 1) * observed / expected
    return np.where(expected > 0, alpha, np.nan)


def _row(
    label, codes: np.ndarray, n_categories: int, weights: np.ndarray | None, ci: float, binary: bool
) -> dict[str, Any]:
    counts = _unit_counts(codes, n_categories)
    parts = _contributions(counts)
    margins, diag = parts["margins"], parts["diag"]
    n_values = margins.sum()
    alpha = _alpha_from_sums(margins.sum(axis=0), diag.sum())
    pairs = parts["pairs"].sum()
    agreement = parts["agree_pairs"].sum() / pairs if pairs else np.nan
    low = high = np.nan
    if weights is not None and len(diag):
        # resample the pairable units: weights is (B, all units) -> keep the pairable ones
        w = weights[:, counts.sum(axis=1) >= 2]
        boot = _alpha_from_sums(w @ margins, w @ diag)
        low, high = percentile_interval(boot, ci)
    return {
        "label": label,
        "n_units": int(len(diag)),
        "n_coders": int(codes.shape[1]),
        "n_values": int(n_values),
        "prevalence": float(margins[:, 1].sum() / n_values) if binary and n_values else np.nan,
        "alpha": float(alpha),
        "ci_low": float(low),
        "ci_high": float(high),
        "agreement": float(agreement),
    }


def reliability(
    *codings,
    names: Sequence[str] | None = None,
    labels: Sequence[Hashable] | None = None,
    per_label: bool = False,
    n_resamples: int = 1000,
    ci: float = 0.95,
    random_state=None,
) -> pd.DataFrame:
    """Krippendorff's alpha and percent agreement between two or more codings.

    Each coding gives one value per unit (a text): a label, or a list of
    labels when a text may carry several frames. ``None`` (or NaN) marks a
    unit the coder did not code; an empty list is a coded unit with no label.
    Use it for human against human (intercoder reliability) and for human
    against model (a :class:`~framing.measures.classifier.FrameClassifier`'s
    ``predict`` output is a valid coding).

    Parameters
    ----------
    *codings : sequences, pandas.Series or one pandas.DataFrame
        Two or more codings of the same units, each a sequence with one value
        per unit in the same order; or pandas Series indexed by unit, which
        are aligned on their index (a unit missing from a Series is not coded
        by that coder); or a single DataFrame with one column per coder and
        one row per unit.
    names : sequence of str, optional
        Names of the codings, used in error messages (default ``coder_1``,
        ``coder_2`` ..., or the DataFrame's columns).
    labels : sequence, optional
        For multi-label codings, the labels to report and their order
        (default: every label used, sorted). A label nobody used gets
        ``alpha`` NaN.
    per_label : bool, default=False
        For single-label codings, also report each label against all the
        others (a binary coding per label), after the row for the whole
        coding. Multi-label codings are always reported per label.
    n_resamples : int, default=1000
        Bootstrap resamples of the units for the interval of ``alpha``; 0
        gives no interval (NaN).
    ci : float, default=0.95
        Confidence level of the percentile interval.
    random_state : None, int or numpy.random.Generator, default=None
        Seed of the bootstrap.

    Returns
    -------
    pandas.DataFrame
        One row for a single-label coding (``label`` is None: all labels at
        once), then with ``per_label=True`` one row per label; one row per
        label for multi-label codings. Columns:

        * ``label``: the label (None on the row of the whole coding);
        * ``n_units``: units with at least two values (the pairable units;
          the others cannot show agreement and are left out);
        * ``n_coders``: number of codings;
        * ``n_values``: values in the pairable units;
        * ``prevalence``: on per-label rows, the share of those values that
          give the label (alpha is unstable for rare labels); NaN otherwise;
        * ``alpha``: Krippendorff's alpha for nominal data; NaN when every
          value is the same (no variation to agree on);
        * ``ci_low``, ``ci_high``: percentile bootstrap interval of alpha,
          resampling units;
        * ``agreement``: percent agreement, the share of pairs of values
          given to the same unit by two different coders that are equal.

    Raises
    ------
    ValueError
        Fewer than two codings, codings of different lengths, a unit coded
        more than once in a Series, single labels mixed with lists of labels,
        or unhashable labels.
    TypeError
        A coding that is not a sequence (for example a single string).

    Notes
    -----
    Krippendorff's alpha is ``1 - D_o / D_e``, observed over expected
    disagreement. With the coincidence matrix ``o_ck`` (each pair of values
    ``c, k`` given to a unit with ``m_u`` values counts ``1 / (m_u - 1)``),
    its margins ``n_c`` and ``n = sum n_c``, the nominal alpha is

    ``alpha = 1 - (n - 1) * sum_{c != k} o_ck / sum_{c != k} n_c n_k``.

    It allows any number of coders, missing values and unequal numbers of
    coders per unit, and corrects for the agreement expected by chance from
    how often each value is used (Krippendorff 2011; Hayes & Krippendorff
    2007). Krippendorff suggests relying on codings with alpha >= 0.8 and
    drawing tentative conclusions from 0.667 <= alpha < 0.8.

    A multi-label coding is split into one binary coding per label (does the
    coder give the unit this label?), with the unit missing wherever the
    coder did not code it. The interval resamples units with replacement
    (all rows of one call share the same resamples).

    References
    ----------
    .. [1] Krippendorff, K. (2011). Computing Krippendorff's alpha-reliability.
       University of Pennsylvania, Annenberg School for Communication,
       Departmental Papers 43.
    .. [2] Hayes, A. F. and Krippendorff, K. (2007). Answering the call for a
       standard reliability measure for coding data. Communication Methods
       and Measures 1(1), 77-89.

    Examples
    --------
    The worked example of Krippendorff (2011): four coders, twelve units,
    missing values (None).

    >>> a = [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None]
    >>> b = [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3]
    >>> c = [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None]
    >>> d = [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None]
    >>> r = reliability(a, b, c, d, random_state=0)
    >>> r[["n_units", "n_values", "alpha"]].round(3)
       n_units  n_values  alpha
    0       11        40  0.743

    Multi-label codings are reported per label:

    >>> human = [["economic"], ["economic", "legality"], [], ["legality"]]
    >>> model = [["economic"], ["economic"], [], ["legality"]]
    >>> reliability(human, model, n_resamples=0)[["label", "alpha", "agreement"]].round(3)
          label  alpha  agreement
    0  economic    1.0       1.00
    1  legality    0.6       0.75
    """
    check_resampling(n_resamples, ci)
    rng = check_random_state(random_state)
    table = _codings_table(codings, names)
    multi = _is_multilabel(table)
    n_units = len(table)
    weights = bootstrap_weights(n_units, n_resamples, rng) if n_resamples else None
    rows = []
    if multi:
        sets = {}
        used: set = set()
        for name in table.columns:
            col = []
            for unit, value in table[name].items():
                if _is_missing(value):
                    col.append(None)
                    continue
                s = {_check_label(v, f"coding {name!r}, unit {unit!r}") for v in value}
                used |= s
                col.append(s)
            sets[name] = col
        order = list(labels) if labels is not None else _sorted(used)
        for label in order:
            codes = np.array(
                [[-1 if s is None else int(label in s) for s in sets[n]] for n in table.columns],
                dtype=int,
            ).T.reshape(n_units, table.shape[1])
            rows.append(_row(label, codes, 2, weights, ci, binary=True))
    else:
        values: dict[Hashable, int] = {}
        codes = np.full(table.shape, -1, dtype=int)
        for j, name in enumerate(table.columns):
            for i, (unit, value) in enumerate(table[name].items()):
                if not _is_missing(value):
                    value = _check_label(value, f"coding {name!r}, unit {unit!r}")
                    codes[i, j] = values.setdefault(value, len(values))
        rows.append(_row(None, codes, max(len(values), 1), weights, ci, binary=False))
        if per_label:
            for label in labels if labels is not None else _sorted(values):
                code = values.get(label, -2)
                binary = np.where(codes < 0, -1, (codes == code).astype(int))
                rows.append(_row(label, binary, 2, weights, ci, binary=True))
    out = pd.DataFrame(rows, columns=list(RELIABILITY_COLUMNS))
    # object dtype keeps the None of the whole-coding row (a string column would make it NaN)
    out["label"] = pd.Series([r["label"] for r in rows], index=out.index, dtype=object)
    return out


def _sorted(values: Iterable[Hashable]) -> list:
    values = list(values)
    try:
        return sorted(values)
    except TypeError:  # labels of mixed types
        return sorted(values, key=lambda v: (type(v).__name__, str(v)))
