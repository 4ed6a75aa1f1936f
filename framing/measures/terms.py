"""Distinctive terms of k groups of articles, with article-level statistics."""

from __future__ import annotations

from collections.abc import Collection
from itertools import permutations
from typing import Literal

import numpy as np
import pandas as pd
import scipy.sparse as sp
from scipy import stats

from .._nlp.bulk import paused_gc
from .._validate import check_option
from ..corpus import Corpus, _check_by
from ._counting import (
    PRONOUNS,
    STOP_WORDS,
    column_max,
    count_matrix,
    group_codes,
    group_matrix,
)
from ._design import (
    MIN_EFFECTIVE_ARTICLES,
    Comparison,
    design_test,
    event_bootstrap,
    permutation_p,
    standardised_log_odds,
)
from ._docs import fill_doc
from ._keyness import (
    Scorer,
    bootstrap_log_odds,
    keyness,
    log_odds,
)
from ._ladder import VOICES, finish, require_groups, stratum_codes
from ._mentions import sentence_tokens
from ._stats import bh_fdr, check_random_state, check_resampling
from ._style import style_terms

__all__ = ["distinctive_terms", "term_counts", "PRONOUNS", "STOP_WORDS"]


_METHODS = ("log_odds", "chi2", "g2")
_CORRECTIONS = ("yates", "williams", "none")






# Joins the sentences of an article into one text to tokenise: the pieces
# "\x00" come back as the empty token, which marks the sentence boundaries.








@fill_doc
def term_counts(
    corpus: Corpus,
    *,
    by: str = "outlet",
    ngram_range: tuple[int, int] = (1, 1),
    min_count: int = 1,
    stop_words: Literal["english"] | Collection[str] | None = "english",
    voice: Literal["outlet", "quoted", "all"] = "outlet",
) -> pd.DataFrame:
    """Raw counts of every term in each group.

    Parameters
    ----------
    corpus : Corpus
    %(by)s
    ngram_range : tuple of int, default=(1, 1)
        Lengths of the n-grams counted; n-grams do not cross sentences.
    min_count : int, default=1
        Leave out terms seen fewer times than this in the whole corpus.
    stop_words : "english", collection of str or None, default="english"
        See :func:`distinctive_terms`.
    %(voice)s

    Returns
    -------
    pandas.DataFrame
        Columns ``<by>``, ``term``, ``count`` (non-zero counts only), sorted by
        group then count (descending) then term.

    Examples
    --------
    >>> from framing import load_corpus
    >>> c = load_corpus([{"outlet": "A", "text": "Strikes hit Rafah. Strikes continue."},
    ...                  {"outlet": "B", "text": "Talks continue."}])
    >>> term_counts(c).values.tolist()
    [['A', 'strikes', 2.0], ['A', 'continue', 1.0], ['A', 'hit', 1.0], ['A', 'rafah', 1.0], ['B', 'continue', 1.0], ['B', 'talks', 1.0]]
    """
    _check_by(corpus, by)
    check_option("voice", voice, VOICES)
    X, terms, _ = count_matrix(corpus, ngram_range, stop_words, voice=voice)
    keep = np.asarray(X.sum(axis=0)).ravel() >= min_count
    X, terms = X[:, keep], terms[keep]
    levels = corpus.groups(by)
    codes = group_codes(corpus, by, levels)
    Y = group_matrix(codes, len(levels)) @ X
    coo = sp.coo_matrix(Y)
    out = pd.DataFrame(
        {by: np.asarray(levels, dtype=object)[coo.row], "term": terms[coo.col], "count": coo.data}
    )
    out["_g"] = coo.row
    out = out.sort_values(["_g", "count", "term"], ascending=[True, False, True]).drop(columns="_g")
    return out.reset_index(drop=True)






# -- statistics -----------------------------------------------------------------












# -- the public function ------------------------------------------------------------


@fill_doc
@paused_gc
def distinctive_terms(
    corpus: Corpus,
    *,
    by: str = "outlet",
    method: Literal["log_odds", "chi2", "g2"] = "log_odds",
    compare: Literal["rest", "pairwise"] = "rest",
    ngram_range: tuple[int, int] = (1, 1),
    min_count: int = 5,
    stop_words: Literal["english"] | Collection[str] | None = "english",
    alpha0: float | None = None,
    correction: Literal["yates", "williams", "none"] = "yates",
    within: str | None = None,
    voice: Literal["outlet", "quoted", "all"] = "outlet",
    n_resamples: int = 1000,
    ci: float = 0.95,
    random_state=0,
) -> pd.DataFrame:
    """Which words and phrases each group of articles uses more than the others.

    Every group (outlet) is compared with the rest of the corpus at once (or
    with every other group, ``compare="pairwise"``), and the uncertainty is
    measured over **articles**: a term that one article repeats twenty times
    is one article's term, not an outlet's.

    Parameters
    ----------
    corpus : Corpus
        Articles to compare; at least two groups.
    %(by)s
    method : {"log_odds", "chi2", "g2"}, default="log_odds"
        ``"log_odds"``: the log-odds ratio with an informative Dirichlet prior
        and its z-score (Monroe, Colaresi & Quinn 2008); ``score`` is the z.
        ``"chi2"``: Pearson's chi-squared of the 2x2 table (term vs other
        terms, group vs reference), signed positive for over-use;
        ``"g2"``: the log-likelihood ratio G2, signed the same way. Both as
        quanteda's ``textstat_keyness`` defines them (see ``correction``).
        ``log_odds``, ``z`` and the bootstrap interval are reported for every
        method.
    compare : {"rest", "pairwise"}, default="rest"
        ``"rest"``: each group against all other articles pooled;
        ``"pairwise"``: each group against each other group (both
        directions).
    ngram_range : tuple of int, default=(1, 1)
        Lengths of the n-grams, between 1 and 3 in practice. N-grams are built
        within sentences, headlines included.
    min_count : int, default=5
        Leave out terms seen fewer times than this in the whole corpus.
    stop_words : "english", collection of str or None, default="english"
        Words that cannot be a unigram nor start or end an n-gram ("right to
        defend" is kept, "of the" is not). ``"english"`` is scikit-learn's
        English list **without the pronouns** (:data:`PRONOUNS`: "we",
        "they", "our" ... carry framing), :data:`STOP_WORDS`; ``None`` keeps
        every word. The possessive "'s" is never counted.
    alpha0 : float, optional
        Strength of the informative Dirichlet prior: term ``w`` gets
        ``prior = alpha0 * count(w) / total`` from the whole corpus. By default
        the prior weighs as much as one average article (``alpha0`` = terms
        counted / articles), which steadies rare terms without drowning the
        evidence of small corpora; the value used is in the ``alpha0`` column.
    correction : {"yates", "williams", "none"}, default="yates"
        For ``chi2``/``g2``. ``"yates"`` is quanteda's default: the continuity
        correction, applied only to tables with an expected count below 5
        (and ``|ad - bc| >= N/2`` for chi2, ``> N/2`` for G2); ``"williams"``
        divides by Williams' q; ``"none"`` is the plain statistic.
    within : str, optional
        An article column of events (``"event"``): compare the groups inside
        each event and pool across events. The test relabels articles inside
        events, ``log_odds`` is standardised (the group's count against the
        count the other groups' rates on the same events give its articles)
        and its interval resamples events; articles without an event, and
        events one side does not cover, are left out of the comparison.
    voice : {"outlet", "quoted", "all"}, default="outlet"
        Whose words count: the outlet's own (outside quotation marks), those
        it quotes, or all.
    %(n_resamples)s
    %(ci)s
    %(random_state)s

    Returns
    -------
    pandas.DataFrame
        One row per (group, other, term) with columns

        * ``<by>``: the group; ``other``: ``"rest"`` or the other group;
        * ``term`` and ``n`` (words in the term);
        * ``count``, ``total``: occurrences of the term and of all terms in
          the group; ``count_other``, ``total_other``: the same for the
          reference; ``rate``, ``rate_other``: per 1,000 terms;
        * ``prior``: the term's Dirichlet prior (``alpha0`` times its corpus
          share), and ``alpha0``;
        * ``log_odds`` (delta), ``se`` and ``z = log_odds / se``: with
          ``y_i, n_i`` the group's count and total, ``y_j, n_j`` the
          reference's, ``a`` the prior:
          ``delta = log((y_i + a) / (n_i + alpha0 - y_i - a))
          - log((y_j + a) / (n_j + alpha0 - y_j - a))``,
          ``se = sqrt(1 / (y_i + a) + 1 / (y_j + a))``;
        * ``score``: ``z``, or the signed chi2 / G2;
        * ``ci_low``, ``ci_high``: percentile bootstrap interval of
          ``log_odds`` with the articles of every group resampled within
          their group; NaN when the group or its reference has fewer than
          two articles;
        * ``p_token``: the textbook p-value that treats tokens as independent
          (normal for ``z``, chi-squared for chi2/G2), for comparison only;
        * ``p_value``: two-sided permutation p-value of ``score``, shuffling
          group labels across articles; ``q_value``: Benjamini-Hochberg
          adjusted over the terms of each comparison;
        * ``n_articles``: articles in the group; ``n_articles_using``: those
          with the term; ``top_article_share``: share of the group's count
          from its one article using the term most;
        * ``z_without_top``: the z-score with that article left out;
          ``rests_on_one_article``: True when the term is over-used (``z > 1.96``)
          only thanks to one article (``z_without_top < 1.96``).

        Rows are sorted by group (in ``corpus.groups(by)`` order), other
        group, ``score`` (descending) and term.

    Raises
    ------
    ValueError
        For an unknown ``by``, ``method``, ``compare`` or ``correction``, a
        single group, or a ``min_count`` that leaves no terms.

    See Also
    --------
    term_counts : The counts alone.
    framing.kwic : The sentences behind a term.

    Notes
    -----
    The permutation p-values use Besag and Clifford's (1991) sequential
    stopping: a term stops being permuted once 10 permutations have beaten
    its observed score (its p-value is then ``10 / permutations run``); terms
    that get that far are far from significant, and the rest receive all
    ``n_resamples`` permutations, ``p = (1 + exceedances) / (1 + n)``.

    Every comparison reads the same resamples: one set of article weights per
    group and bootstrap resample (the rest's counts are the sum of the other
    groups'), and, for ``compare="rest"``, one shuffle of all labels per
    permutation, which hands every group its permuted articles. For
    ``compare="pairwise"`` the labels of the two groups are shuffled between
    them, and the two directions of a pair share their test.

    References
    ----------
    Monroe, B. L., Colaresi, M. P., & Quinn, K. M. (2008). Fightin' words:
    Lexical feature selection and evaluation for identifying the content of
    political conflict. *Political Analysis*, 16(4), 372-403.

    Besag, J., & Clifford, P. (1991). Sequential Monte Carlo p-values.
    *Biometrika*, 78(2), 301-304.

    Examples
    --------
    >>> from framing import load_corpus
    >>> c = load_corpus([
    ...     {"outlet": "A", "text": "Terrorists attacked. Terrorists fled."},
    ...     {"outlet": "A", "text": "The terrorists were stopped."},
    ...     {"outlet": "B", "text": "Fighters attacked. Fighters fled."},
    ...     {"outlet": "B", "text": "The fighters were stopped."}])
    >>> t = distinctive_terms(c, min_count=2, n_resamples=200, random_state=0)
    >>> t.loc[t["outlet"] == "A", ["term", "count", "count_other"]].head(1)
              term  count  count_other
    0  terrorists    3.0          0.0
    """
    check_option("method", method, _METHODS)
    check_option("compare", compare, ("rest", "pairwise"))
    check_option("correction", correction, _CORRECTIONS)
    if alpha0 is not None and not alpha0 > 0:
        raise ValueError(f"The value for `alpha0` must be a positive number, but {alpha0!r} was passed.")
    check_resampling(n_resamples, ci)
    _check_by(corpus, by)
    levels = corpus.groups(by)
    require_groups(levels, by)
    strata = None
    if within is not None:
        _check_by(corpus, within)
        if within == by:
            raise ValueError(f"The value for `within` must differ from `by` ({by!r}), but {within!r} was passed.")
        strata = stratum_codes(corpus, within)
    rng = check_random_state(random_state)
    check_option("voice", voice, VOICES)
    # the token cache, which the house-style pass reads, made first: counting then reads
    # it rather than tokenising the corpus a second time
    sentence_tokens(corpus)
    X, terms, lengths = count_matrix(corpus, ngram_range, stop_words, voice=voice)
    corpus_counts = np.asarray(X.sum(axis=0)).ravel()
    keep = corpus_counts >= min_count
    if not keep.any():
        top = int(corpus_counts.max()) if len(corpus_counts) else 0
        raise ValueError(
            f"min_count={min_count} leaves no terms (the most frequent term occurs {top} times); lower min_count"
        )
    X, terms, corpus_counts = X[:, keep].tocsc().tocsr(), terms[keep], corpus_counts[keep]
    if alpha0 is None:
        alpha0 = float(lengths.sum() / max(len(lengths), 1))
    prior = alpha0 * corpus_counts / lengths.sum()
    codes = group_codes(corpus, by, levels)
    scorer = Scorer(method, correction, prior, alpha0)

    if compare == "rest":
        pairs = [(g, None) for g in range(len(levels))]
    else:
        pairs = list(permutations(range(len(levels)), 2))
    frames = [
        _compare(X, lengths, codes, g, h, levels, terms, prior, alpha0, scorer) for g, h in pairs
    ]
    reason = style_terms(corpus, terms, corpus_counts, ngram_range, stop_words, voice,
                         groups=(X, codes, len(levels)))
    for f, (g, _) in zip(frames, pairs, strict=True):
        f["style"], f["style_reason"] = pd.notna(reason[g]), reason[g]
    designs = [Comparison.of(codes, g, h, strata) for g, h in pairs]
    if strata is not None:
        for f, c in zip(frames, designs, strict=True):
            s = standardised_log_odds(X, lengths, c, prior, alpha0)
            f["log_odds"], f["se"], f["z"] = s.delta, np.sqrt(s.var), s.delta / np.sqrt(s.var)
            if method == "log_odds":
                f["score"] = f["z"]
            f["count"], f["expected"], f["total"] = s.count, s.expected, s.total
            f["rate"] = 1000 * s.count / s.total if s.total else np.nan
            f["n_events"] = c.n_strata
    if n_resamples:
        if strata is None:
            intervals = bootstrap_log_odds(
                X, lengths, codes, len(levels), pairs, prior, alpha0, n_resamples, ci, rng
            )
        else:
            intervals = [event_bootstrap(standardised_log_odds(X, lengths, c, prior, alpha0), prior, alpha0,
                                         n_resamples, ci, rng) for c in designs]
        for f, (low, high) in zip(frames, intervals, strict=True):
            f["ci_low"], f["ci_high"] = low, high
    shared: dict[tuple[int, int], np.ndarray] = {}
    for f, c, (g, h) in zip(frames, designs, pairs, strict=True):
        test = design_test(X, lengths, c)
        small = test.n_eff < MIN_EFFECTIVE_ARTICLES
        if h is not None and (h, g) in shared:
            p = shared[(h, g)]  # both directions of a pair share their test (T changes sign)
        else:
            p = test.p_normal.copy()
            p[small] = permutation_p(X, lengths, c, test, np.flatnonzero(small), n_resamples, rng)
            if h is not None:
                shared[(g, h)] = p
        f["z_article"], f["n_effective"] = test.z, test.n_eff
        f["test"] = np.where(small, "permutation", "clustered")
        f["p_value"], f["q_value"] = p, bh_fdr(p)
    out = pd.concat(
        [f.iloc[np.lexsort((f["term"].to_numpy(), -f["score"].to_numpy()))] for f in frames],
        ignore_index=True,
    )
    out.insert(0, by, out.pop("_group"))
    return finish(out, ci=ci, n_resamples=n_resamples, voice=voice, within=within, level="group")


def _compare(X, lengths, codes, g, h, levels, terms, prior, alpha0, scorer):
    """One comparison, group g against group h (or the rest when h is None),
    in term order; the resampling columns are NaN until filled."""
    in_g = codes == g
    in_ref = (codes != g) & (codes >= 0) if h is None else codes == h
    Xg, Xr = X[in_g], X[in_ref]
    y_i = np.asarray(Xg.sum(axis=0)).ravel()
    y_j = np.asarray(Xr.sum(axis=0)).ravel()
    n_i, n_j = lengths[in_g].sum(), lengths[in_ref].sum()
    delta, var = log_odds(y_i, n_i, y_j, n_j, prior, alpha0)
    z = delta / np.sqrt(var)
    if scorer.method == "log_odds":
        score, p_token = z, 2 * stats.norm.sf(np.abs(z))
    else:
        score, p_token = keyness(y_i, y_j, n_i, n_j, scorer.method, scorer.correction)

    # which article carries the term, and what is left without it
    Xg_csc = Xg.tocsc()
    top_count, top_row = column_max(Xg_csc)
    top_len = lengths[in_g][top_row]
    d_loo, v_loo = log_odds(y_i - top_count, n_i - top_len, y_j, n_j, prior, alpha0)
    z_loo = d_loo / np.sqrt(v_loo)
    using = np.diff(Xg_csc.indptr)
    with np.errstate(invalid="ignore", divide="ignore"):
        top_share = np.where(y_i > 0, top_count / y_i, np.nan)
    nan = np.full(len(terms), np.nan)
    return pd.DataFrame(
        {
            "_group": levels[g],
            "other": "rest" if h is None else levels[h],
            "term": terms,
            "n": np.char.count(terms.astype(str), " ") + 1 if len(terms) else np.array([], int),
            "count": y_i,
            "total": float(n_i),
            "count_other": y_j,
            "total_other": float(n_j),
            "rate": 1000 * y_i / n_i if n_i else np.nan,
            "rate_other": 1000 * y_j / n_j if n_j else np.nan,
            "prior": prior,
            "alpha0": alpha0,
            "log_odds": delta,
            "se": np.sqrt(var),
            "z": z,
            "score": score,
            "ci_low": nan,
            "ci_high": nan,
            "p_token": p_token,
            "p_value": nan,
            "q_value": nan,
            "n_articles": int(in_g.sum()),
            "n_articles_using": using.astype(int),
            "top_article_share": top_share,
            "z_without_top": z_loo,
            "rests_on_one_article": (z > 1.96) & (z_loo < 1.96),
        }
    )
















