"""The ladder every group-level measure climbs: mentions -> articles -> groups.

A measure finds its mentions (one row per hit, with the article it is in),
sums them per article (a numerator, and a denominator for rates and shares),
and ends here: :func:`summarise` turns the article values into per-group
estimates with intervals over articles, a permutation test of whether the
groups differ and Benjamini-Hochberg q-values across the items tested, and
:func:`finish` records how (confidence level, resamples, voice, within) in the
table's ``attrs``, where the charts read it. The checks every measure shares
(``by``, ``level``, ``sections``, two groups to compare) live here too, each
with one wording.

Articles are the unit of every resampling: an outlet's figure is uncertain
because another week would have brought other articles, and an article that
repeats a word twenty times is one article.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .._validate import check_ci, check_n_resamples, check_option, check_options, check_random_state
from ..corpus import SECTIONS, _check_by
from ._stats import bh_fdr, group_bootstrap, no_test_reason, permutation_pvalue

__all__ = [
    "VOICES",
    "GroupStats",
    "article_index",
    "check_level_and_sections",
    "check_sections",
    "finish",
    "group_labels",
    "metric_table",
    "require_groups",
    "stack_groups",
    "strata_of",
    "stratum_codes",
    "within_strata",
    "summarise",
    "test_text",
]


#: Whose words a measure counts: the outlet's own (outside quotation marks), the
#: words it quotes, or all.
VOICES = ("outlet", "quoted", "all")


# -- checks -------------------------------------------------------------------------------


def check_sections(sections) -> list[str] | None:
    """``sections`` as a list of section names (None: every section)."""
    if sections is None:
        return None
    return list(check_options("sections", sections, SECTIONS))


def check_level_and_sections(corpus, by: str, level: str, levels: Sequence[str], sections) -> np.ndarray:
    """Validate ``by``, ``level`` and ``sections``; the mask of sentences to use."""
    _check_by(corpus, by)
    check_option("level", level, levels)
    sents = corpus.sentences()
    chosen = check_sections(sections)
    if chosen is None:
        return np.ones(len(sents), dtype=bool)
    return sents["section"].isin(chosen).to_numpy()


def require_groups(levels: Sequence[str], by: str, *, hint: str = "") -> None:
    """Raise unless there are two or more groups to compare."""
    if len(levels) < 2:
        have = f"only {levels[0]!r}" if levels else "none"
        raise ValueError(
            f"Comparing needs articles from two or more values of `by` ({by!r}), but the corpus has {have}."
            + (f" {hint}" if hint else "")
        )


def stratum_codes(corpus, within: str) -> np.ndarray:
    """The stratum (event) of every article as a code 0, 1, ...; -1 where ``within`` is missing."""
    values = corpus._articles[within]
    codes, _ = pd.factorize(values.map(lambda v: None if pd.isna(v) else str(v)), use_na_sentinel=True)
    return codes.astype(np.int64)


def within_strata(corpus, by: str, within: str | None) -> np.ndarray | None:
    """The event codes of ``within=`` (None when not given), checked: a column, not ``by``."""
    if within is None:
        return None
    _check_by(corpus, within)
    if within == by:
        raise ValueError(f"The value for `within` must differ from `by` ({by!r}), but {within!r} was passed.")
    return stratum_codes(corpus, within)


def strata_of(corpus, strata: np.ndarray | None, doc_ids) -> np.ndarray | None:
    """The stratum code of each of ``doc_ids`` (None when there are no strata)."""
    if strata is None:
        return None
    lookup = dict(zip(corpus._articles["doc_id"], strata, strict=True))
    return np.array([lookup[d] for d in doc_ids], dtype=np.int64)


def group_labels(corpus, by: str) -> np.ndarray:
    """The ``by`` value of every article as text ("" when missing)."""
    return np.array([str(v) if pd.notna(v) else "" for v in corpus._articles[by]], dtype=object)


def stack_groups(levels: Sequence[str], groups: np.ndarray, by: str, columns) -> pd.DataFrame:
    """One block of rows per group, stacked in the order of ``levels``.

    ``columns(g, idx)`` gives the columns of the block of ``levels[g]``, whose
    articles are ``idx = groups == levels[g]``; the block's first column is
    ``by``, holding ``levels[g]``.
    """
    blocks = [pd.DataFrame({by: level, **columns(g, groups == level)}) for g, level in enumerate(levels)]
    return pd.concat(blocks, ignore_index=True)


def article_index(corpus, doc_ids) -> np.ndarray:
    """Row of each ``doc_id`` in ``corpus.articles``."""
    pos = {d: i for i, d in enumerate(corpus._articles["doc_id"])}
    return np.array([pos[d] for d in doc_ids], dtype=np.int64)


# -- articles -> groups -----------------------------------------------------------------


@dataclass
class GroupStats:
    """Per-group estimates of k items with their intervals, and per-item tests.

    ``estimate``, ``ci_low``, ``ci_high`` and ``ci_note`` (why an interval
    is missing or of zero width: ``"one article: no interval"``, ``"every
    article identical"``, else "") have shape (n_groups, k) (or (n_groups,)
    for a single item given as a 1-d array), ``n_articles`` (n_groups,),
    ``p_value``, ``q_value`` and ``test`` (k,): ``test`` is "permutation"
    where the groups were tested, else why not (``"no test possible: ..."``,
    with a NaN p-value).
    """

    estimate: np.ndarray
    ci_low: np.ndarray
    ci_high: np.ndarray
    n_articles: np.ndarray
    p_value: np.ndarray
    q_value: np.ndarray
    ci_note: np.ndarray
    test: np.ndarray


def test_text(reason: str, tested: bool) -> str:
    """The ``test`` column of a table: "permutation", why no test was possible, or "not tested"."""
    return reason or ("permutation" if tested else "not tested")


def summarise(
    values,
    groups: np.ndarray,
    levels: Sequence[str],
    *,
    denom=None,
    test: bool | tuple[np.ndarray, np.ndarray] = True,
    n_resamples: int = 1000,
    ci: float = 0.95,
    random_state=None,
    strata: np.ndarray | None = None,
) -> GroupStats:
    """From article values to group estimates, intervals over articles and tests.

    Parameters
    ----------
    values : array-like or sparse matrix, shape (n_articles,) or (n_articles, k)
        One value per article and item: the numerator of a ratio when
        ``denom`` is given, else the value whose mean over articles is the
        estimate.
    groups : array of str, shape (n_articles,)
        The group of each article.
    levels : sequence of str
        The groups, in the order of the result.
    denom : array-like, optional
        Denominators (per article, or per article and item): the estimate is
        then the ratio of sums ``sum(values) / sum(denom)`` over the group's
        articles (a pooled rate or share).
    test : bool or tuple, default=True
        Whether to test that the groups differ, by permuting group labels
        across articles (between-group sum of squares of the article values).
        A tuple ``(test_values, test_groups[, test_strata])`` tests those
        article values instead (for example the article rates behind a pooled
        ratio, for the articles where they exist).
    n_resamples : int, default=1000
        Bootstrap resamples of each group's articles and label permutations;
        0 gives neither (NaN intervals and p-values).
    ci : float, default=0.95
    random_state : None, int or numpy.random.Generator
        The bootstrap draws first, then the permutations, from this stream.
    strata : array of int, optional
        The event of each article (:func:`stratum_codes`; -1: none): compare
        the groups inside events (``within=``): the test shuffles labels inside
        events and the intervals resample events.

    Returns
    -------
    GroupStats
        Intervals are NaN where an estimate rests on fewer than two articles
        (``ci_note`` says so); p-values are NaN where no test is possible
        (``test`` says why: a group of one article, or too few distinct
        arrangements of the labels, see :func:`._stats.no_test_reason`).
    """
    n_resamples = check_n_resamples(n_resamples)
    ci = check_ci(ci)
    rng = check_random_state(random_state)
    boot = group_bootstrap(values, groups, levels, denom=denom, n_resamples=n_resamples, ci=ci, random_state=rng,
                           strata=strata)
    k = 1 if np.ndim(boot["estimate"]) == 1 else boot["estimate"].shape[1]
    p = np.full(k, np.nan)
    reason = ""
    if test is not False and n_resamples:
        if test is True:
            test_values, test_groups, test_strata = values, groups, strata
        else:
            test_values, test_groups = test[0], test[1]
            test_strata = test[2] if len(test) > 2 else None
        reason = no_test_reason(test_groups, levels, test_strata)
        p = permutation_pvalue(test_values, test_groups, levels, n_resamples=n_resamples, random_state=rng,
                               strata=test_strata)
    tested = test is not False and bool(n_resamples)
    notes = np.array([test_text(reason, tested and not np.isnan(pk)) for pk in p], dtype=object)
    return GroupStats(boot["estimate"], boot["ci_low"], boot["ci_high"], boot["n_articles"], p, bh_fdr(p),
                      boot["ci_note"], notes)


def metric_table(arts: pd.DataFrame, by: str, levels, metrics, name: str, n_resamples, ci, rng,
                 strata: np.ndarray | None = None) -> pd.DataFrame:
    """Per group and metric (an article column): the mean over articles, its interval and the test.

    Articles where a metric is undefined (NaN) are left out of that metric;
    q-values adjust the metrics' p-values together.
    """
    frames, pvals = [], []
    groups = arts[by].astype(str).to_numpy()
    for metric in metrics:
        values = arts[metric].to_numpy(dtype=float)
        ok = ~np.isnan(values)
        res = summarise(values[ok], groups[ok], levels, n_resamples=n_resamples, ci=ci, random_state=rng,
                        strata=None if strata is None else strata[ok])
        pvals.append(res.p_value[0])
        frames.append(pd.DataFrame({by: levels, name: metric, "n_articles": res.n_articles,
                                    "estimate": res.estimate, "ci_low": res.ci_low, "ci_high": res.ci_high,
                                    "ci_note": res.ci_note, "p_value": res.p_value[0], "test": res.test[0]}))
    out = pd.concat(frames, ignore_index=True)
    out["q_value"] = out[name].map(dict(zip(metrics, bh_fdr(pvals), strict=True)))
    return out


def finish(
    frame: pd.DataFrame,
    *,
    ci: float | None = None,
    n_resamples: int | None = None,
    voice: str | None = None,
    within: str | None = None,
    level: str | None = None,
) -> pd.DataFrame:
    """``frame`` with how it was computed in ``frame.attrs`` (read by the charts and the report)."""
    for key, value in (("ci", ci), ("n_resamples", n_resamples), ("voice", voice), ("within", within),
                       ("level", level)):
        if value is not None:
            frame.attrs[key] = value
    return frame
