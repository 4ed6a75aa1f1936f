"""Distinctive terms of k groups of articles, with article-level statistics."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Sequence
from itertools import permutations
from typing import Literal

import numpy as np
import pandas as pd
import scipy.sparse as sp
from scipy import special, stats
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from ._stats import bh_fdr, check_random_state, check_resampling, percentile_interval
from .._nlp.english import PERSONAL_PRONOUNS
from .._nlp.text import _piece_tokens, fold
from ..corpus import Corpus, _check_by

__all__ = ["distinctive_terms", "term_counts", "PRONOUNS", "STOP_WORDS"]

#: Personal and possessive pronouns: function words that carry framing ("we",
#: "they", "our", "their"), kept by the default stop-word policy.
PRONOUNS = PERSONAL_PRONOUNS
#: The default stop words: scikit-learn's English list without the pronouns.
STOP_WORDS = frozenset(ENGLISH_STOP_WORDS - PRONOUNS)

_METHODS = ("log_odds", "chi2", "g2")
_CORRECTIONS = ("yates", "williams", "none")
_CHUNK = 4096  # with 1,000 resamples, about 4 x _CHUNK terms of blocks held at once

TERM_COLUMNS = (
    "other",
    "term",
    "n",
    "count",
    "total",
    "count_other",
    "total_other",
    "rate",
    "rate_other",
    "prior",
    "alpha0",
    "log_odds",
    "se",
    "z",
    "score",
    "ci_low",
    "ci_high",
    "p_token",
    "p_value",
    "q_value",
    "n_articles",
    "n_articles_using",
    "top_article_share",
    "z_without_top",
    "single_article",
)


# -- counting ---------------------------------------------------------------------


def _stop_set(stop_words) -> frozenset[str]:
    if stop_words is None:
        return frozenset()
    if isinstance(stop_words, str):
        if stop_words != "english":
            raise ValueError(
                f"stop_words must be 'english', None or a collection of words, got {stop_words!r}"
            )
        return STOP_WORDS
    return frozenset(str(w).lower() for w in stop_words)


def _check_ngram_range(ngram_range) -> tuple[int, int]:
    try:
        lo, hi = (int(x) for x in ngram_range)
    except (TypeError, ValueError):
        raise ValueError(
            f"ngram_range must be a pair of integers such as (1, 2), got {ngram_range!r}"
        ) from None
    if not 1 <= lo <= hi:
        raise ValueError(f"ngram_range must satisfy 1 <= min <= max, got {ngram_range!r}")
    return lo, hi


# Joins the sentences of an article into one text to tokenise: the pieces
# "\x00" come back as the empty token, which marks the sentence boundaries.
_SEP = " \x00 "


def _token_stream(corpus: Corpus) -> tuple[list[str], np.ndarray]:
    """Every token of the corpus in order, each sentence followed by ``""``.

    Sentences follow the rows of ``corpus.sentences()`` (headlines included);
    also returned is the article row of each sentence. Reads the corpus
    token cache when an earlier step filled it; otherwise tokenises each
    article once, its sentences joined by ``_SEP``, which gives the tokens of
    its sentences one by one (the tokenizer's pieces never span white space).
    """
    sents = corpus.sentences()
    sent_article = pd.Index(corpus._articles["doc_id"]).get_indexer(sents["doc_id"])
    words: list[str] = []
    cached = corpus.cache.get("sentence_tokens")
    if cached is not None:
        for s in cached:
            words += [w for w, _, _ in s]
            words.append("")
        return words, sent_article
    texts = sents["text"].tolist()
    bounds = np.flatnonzero(np.diff(sent_article, prepend=-1, append=-1)).tolist()
    join = _SEP.join
    for a, b in zip(bounds[:-1], bounds[1:], strict=False):
        block = texts[a:b]
        text = join(block)
        # str.lower() reads context for one letter only (a final capital
        # sigma), and the separators' spaces end that context; fold() of a
        # whole text keeps a letter that grows when lower-cased, so with both
        # in one article fold sentence by sentence
        text = join(map(fold, block)) if "\u03a3" in text else fold(text)
        if text.count("\x00") == b - a - 1:
            words += _piece_tokens(text, mark="\x00")
        else:  # a sentence holds a NUL of its own: one by one
            for t in block[:-1]:
                words += _piece_tokens(fold(t))
                words.append("")
            words += _piece_tokens(fold(block[-1]))
        words.append("")
    return words, sent_article


def _token_numbers(corpus: Corpus):
    """Every token as a number: (numbers, the distinct tokens, the sentence
    row of each token, the article row of each sentence). Read from the
    corpus cache of token numbers when an earlier step made it."""
    sent_article = pd.Index(corpus._articles["doc_id"]).get_indexer(corpus.sentences()["doc_id"])
    cached = corpus.cache.get("token_codes")
    if cached is not None:
        codes, distinct, offsets = cached
        sent_of = np.repeat(np.arange(len(offsets) - 1), np.diff(offsets))
        return codes.astype(np.int64), np.asarray(distinct, dtype=object), sent_of, sent_article
    words, _ = _token_stream(corpus)
    vocab: defaultdict[str, int] = defaultdict()
    vocab.default_factory = vocab.__len__
    tok = np.fromiter(map(vocab.__getitem__, words), np.int64, len(words))
    del words
    names = np.array(list(vocab), dtype=object)
    mark = tok == vocab.get("", -1)
    sent_of = np.cumsum(mark) - mark
    keep = ~mark
    return tok[keep], names, sent_of[keep], sent_article


def _count_matrix(corpus: Corpus, ngram_range, stop_words):
    """Article x term counts (n-grams never cross sentence boundaries), the
    terms in alphabetical order, and the total n-gram count of each article.

    Counts, sentence by sentence, the unigrams that are not stop words and
    the n-grams that neither start nor end with one, after dropping the
    possessive "'s"; n-grams are found on arrays of token numbers.
    """
    lo, hi = _check_ngram_range(ngram_range)
    stop = _stop_set(stop_words)
    tok, names, sent_of, sent_article = _token_numbers(corpus)
    is_stop = np.fromiter((w in stop for w in names), bool, len(names))
    possessive = np.flatnonzero(names == "'s")
    if len(possessive):
        keep = tok != possessive[0]
        tok, sent_of = tok[keep], sent_of[keep]
    rows, cols, term_names = [], [], []
    for n in range(lo, hi + 1):
        if n == 1:
            ok = ~is_stop[tok]
            rows.append(sent_article[sent_of[ok]])
            cols.append(tok[ok])
            term_names.append(names)
            continue
        m = len(tok) - n + 1
        if m <= 0:
            continue
        ok = (sent_of[:m] == sent_of[n - 1 :]) & ~is_stop[tok[:m]] & ~is_stop[tok[n - 1 :]]
        start = np.flatnonzero(ok)
        code = tok[start]
        for j in range(1, n):
            # numbered afresh after each word, so the codes stay small
            _, code = np.unique(code * len(names) + tok[start + j], return_inverse=True)
        where = np.zeros(code.max() + 1 if len(code) else 0, dtype=np.int64)
        where[code] = start
        parts = [names[tok[where + j]] for j in range(n)]
        rows.append(sent_article[sent_of[start]])
        cols.append(code)
        term_names.append(np.array([" ".join(w) for w in zip(*parts, strict=True)], dtype=object))
    offsets = np.cumsum([0] + [len(t) for t in term_names])
    terms = np.concatenate(term_names) if term_names else np.array([], dtype=object)
    col = np.concatenate([c + o for c, o in zip(cols, offsets, strict=False)] or [[]]).astype(
        np.int64
    )
    row = np.concatenate(rows or [[]]).astype(np.int64)
    # the terms that occur, in alphabetical order
    used = np.flatnonzero(np.bincount(col, minlength=len(terms)))
    order = used[np.argsort(terms[used], kind="stable")]
    renumber = np.empty(len(terms), dtype=np.int64)
    renumber[order] = np.arange(len(order))
    X = sp.csr_matrix(
        (np.ones(len(col)), (row, renumber[col])), shape=(len(corpus._articles), len(order))
    )
    X.sum_duplicates()
    lengths = np.asarray(X.sum(axis=1)).ravel()
    return X, terms[order], lengths


def term_counts(
    corpus: Corpus,
    *,
    by: str = "outlet",
    ngram_range: tuple[int, int] = (1, 1),
    min_count: int = 1,
    stop_words: Literal["english"] | Collection[str] | None = "english",
) -> pd.DataFrame:
    """Raw counts of every term in each group.

    Parameters
    ----------
    corpus : Corpus
    by : str, default="outlet"
        Column of ``corpus.articles`` that defines the groups.
    ngram_range : tuple of int, default=(1, 1)
        Lengths of the n-grams counted; n-grams do not cross sentences.
    min_count : int, default=1
        Leave out terms seen fewer times than this in the whole corpus.
    stop_words : "english", collection of str or None, default="english"
        See :func:`distinctive_terms`.

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
    X, terms, _ = _count_matrix(corpus, ngram_range, stop_words)
    keep = np.asarray(X.sum(axis=0)).ravel() >= min_count
    X, terms = X[:, keep], terms[keep]
    levels = corpus.groups(by)
    codes = _codes(corpus, by, levels)
    Y = _group_matrix(codes, len(levels)) @ X
    coo = sp.coo_matrix(Y)
    out = pd.DataFrame(
        {by: np.asarray(levels, dtype=object)[coo.row], "term": terms[coo.col], "count": coo.data}
    )
    out["_g"] = coo.row
    out = out.sort_values(["_g", "count", "term"], ascending=[True, False, True]).drop(columns="_g")
    return out.reset_index(drop=True)


def _codes(corpus: Corpus, by: str, levels: Sequence[str]) -> np.ndarray:
    index = {lv: i for i, lv in enumerate(levels)}
    return np.array(
        [index.get(str(v), -1) for v in corpus._articles[by].astype(str)], dtype=np.int64
    )


def _group_matrix(codes: np.ndarray, k: int) -> sp.csr_matrix:
    ok = codes >= 0
    return sp.csr_matrix(
        (np.ones(ok.sum()), (codes[ok], np.flatnonzero(ok))), shape=(k, len(codes))
    )


# -- statistics -----------------------------------------------------------------


def _log_odds(y_i, n_i, y_j, n_j, prior, alpha0):
    """Monroe et al. (2008), eq. 22 and 23: delta and its variance."""
    delta = np.log((y_i + prior) / (n_i + alpha0 - y_i - prior)) - np.log(
        (y_j + prior) / (n_j + alpha0 - y_j - prior)
    )
    var = 1.0 / (y_i + prior) + 1.0 / (y_j + prior)
    return delta, var


def _keyness(a, b, n_a, n_b, method: str, correction: str):
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


class _Scorer:
    """Computes the score of target-vs-reference counts for one method."""

    def __init__(self, method: str, correction: str, prior: np.ndarray, alpha0: float):
        self.method, self.correction, self.prior, self.alpha0 = method, correction, prior, alpha0

    def __call__(self, y_i, n_i, y_j, n_j, cols=slice(None)):
        if self.method == "log_odds":
            delta, var = _log_odds(y_i, n_i, y_j, n_j, self.prior[cols], self.alpha0)
            return delta / np.sqrt(var)
        return _keyness(y_i, y_j, n_i, n_j, self.method, self.correction)[0]


# -- the public function ------------------------------------------------------------


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
    n_resamples: int = 1000,
    ci: float = 0.95,
    random_state=None,
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
    by : str, default="outlet"
        Column of ``corpus.articles`` that defines the groups.
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
    n_resamples : int, default=1000
        Bootstrap resamples and permutations. 0 skips both (intervals and
        ``p_value`` are NaN).
    ci : float, default=0.95
        Confidence level of the bootstrap interval.
    random_state : None, int or numpy.random.Generator
        Seed for resampling; the same seed gives the same table.

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
          ``single_article``: True when the term is over-used (``z > 1.96``)
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
    if method not in _METHODS:
        raise ValueError(f"method must be one of {list(_METHODS)}, got {method!r}")
    if compare not in ("rest", "pairwise"):
        raise ValueError(f"compare must be 'rest' or 'pairwise', got {compare!r}")
    if correction not in _CORRECTIONS:
        raise ValueError(f"correction must be one of {list(_CORRECTIONS)}, got {correction!r}")
    if alpha0 is not None and not alpha0 > 0:
        raise ValueError(f"alpha0 must be positive, got {alpha0!r}")
    check_resampling(n_resamples, ci)
    _check_by(corpus, by)
    levels = corpus.groups(by)
    if len(levels) < 2:
        raise ValueError(
            f"distinctive terms compare groups, but the corpus has one {by} ({levels[0]!r}); "
            "load articles from two or more outlets"
        )
    rng = check_random_state(random_state)
    X, terms, lengths = _count_matrix(corpus, ngram_range, stop_words)
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
    codes = _codes(corpus, by, levels)
    scorer = _Scorer(method, correction, prior, alpha0)

    if compare == "rest":
        pairs = [(g, None) for g in range(len(levels))]
    else:
        pairs = list(permutations(range(len(levels)), 2))
    frames = [
        _compare(X, lengths, codes, g, h, levels, terms, prior, alpha0, scorer) for g, h in pairs
    ]
    if n_resamples:
        intervals = _bootstrap_log_odds(
            X, lengths, codes, len(levels), pairs, prior, alpha0, n_resamples, ci, rng
        )
        if compare == "rest":
            observed = np.stack([f["score"].to_numpy() for f in frames])
            p_values = list(
                _permutation_rest(X, lengths, codes, observed, scorer, n_resamples, rng)
            )
        else:
            p_values = _permutation_pairs(
                X, lengths, codes, pairs, frames, scorer, n_resamples, rng
            )
        for f, (low, high), p in zip(frames, intervals, p_values, strict=True):
            f["ci_low"], f["ci_high"], f["p_value"], f["q_value"] = low, high, p, bh_fdr(p)
    out = pd.concat(
        [f.iloc[np.lexsort((f["term"].to_numpy(), -f["score"].to_numpy()))] for f in frames],
        ignore_index=True,
    )
    out.insert(0, by, out.pop("_group"))
    return out


def _compare(X, lengths, codes, g, h, levels, terms, prior, alpha0, scorer):
    """One comparison, group g against group h (or the rest when h is None),
    in term order; the resampling columns are NaN until filled."""
    in_g = codes == g
    in_ref = (codes != g) & (codes >= 0) if h is None else codes == h
    Xg, Xr = X[in_g], X[in_ref]
    y_i = np.asarray(Xg.sum(axis=0)).ravel()
    y_j = np.asarray(Xr.sum(axis=0)).ravel()
    n_i, n_j = lengths[in_g].sum(), lengths[in_ref].sum()
    delta, var = _log_odds(y_i, n_i, y_j, n_j, prior, alpha0)
    z = delta / np.sqrt(var)
    if scorer.method == "log_odds":
        score, p_token = z, 2 * stats.norm.sf(np.abs(z))
    else:
        score, p_token = _keyness(y_i, y_j, n_i, n_j, scorer.method, scorer.correction)

    # which article carries the term, and what is left without it
    Xg_csc = Xg.tocsc()
    top_count = np.asarray(Xg_csc.max(axis=0).todense()).ravel()
    top_row = np.asarray(Xg_csc.argmax(axis=0)).ravel()
    top_len = lengths[in_g][top_row]
    d_loo, v_loo = _log_odds(y_i - top_count, n_i - top_len, y_j, n_j, prior, alpha0)
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
            "single_article": (z > 1.96) & (z_loo < 1.96),
        }
    )


def _bootstrap_log_odds(X, lengths, codes, k, pairs, prior, alpha0, B, ci, rng):
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
    """Percentile interval along rows of :func:`_log_odds`'s delta.

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
            delta, _ = _log_odds(y_i, a_i, y_j, a_j, prior, 0.0)
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


def _permutation_rest(X, lengths, codes, observed, scorer, B, rng, stop_after=10):
    """Two-sided permutation p-values of every group against the rest, with
    Besag-Clifford sequential stopping.

    One permutation of the article labels serves every group: with the
    articles listed group by group, a random order of the articles hands
    group g the articles at its block's positions. A group's permuted counts
    are a sparse product over its own permuted articles only, for the terms
    still running in that comparison; the rest's are the total minus them.
    The largest group's are the total minus the other groups' where all of
    those were computed.
    """
    k, V = observed.shape
    pool = np.flatnonzero(codes >= 0)
    sizes = np.bincount(codes[pool], minlength=k)
    bounds = np.concatenate([[0], np.cumsum(sizes)])
    Xa = X[pool].T.tocsr()  # terms x articles
    len_p = lengths[pool]
    total_y = np.asarray(Xa.sum(axis=1)).ravel()
    total_n = len_p.sum()
    exceed = np.zeros((k, V), dtype=np.int64)
    done = np.zeros((k, V), dtype=np.int64)
    active = [np.arange(V) for _ in range(k)]
    # the terms x articles rows each comparison multiplies: its running terms,
    # and terms stopped since the last copy while that copy is still mostly
    # running terms (copying the rows costs about as much as multiplying them)
    X_act = [Xa] * k
    X_terms = [np.arange(V) for _ in range(k)]
    tol = 1e-9 * np.maximum(1.0, np.abs(observed))
    n = len(pool)
    order = np.arange(n, dtype=np.int32 if n < 2**31 else np.int64)
    # the largest group's counts are the total minus the others' wherever
    # those were computed (exact: whole numbers), if that fits in memory
    last = int(np.argmax(sizes))
    groups = [g for g in range(k) if g != last] + [last]
    batch, b = 25, 0
    while b < B and any(len(act) for act in active):
        m = min(batch, B - b)
        perm = rng.permuted(np.broadcast_to(order, (m, n)), axis=1)
        sums = np.zeros((m, V)) if m * V <= 2**23 else None
        covered = np.full(V, sums is not None)
        for g in groups:
            act = active[g]
            if not len(act):
                covered[:] = False
                continue
            members = perm[:, bounds[g] : bounds[g + 1]]  # m x n_g
            M = sp.csc_matrix(
                (np.ones(members.size), members.ravel(), np.arange(m + 1) * sizes[g]), shape=(n, m)
            ).tocsr()
            pos = np.searchsorted(X_terms[g], act)
            if g == last:
                y_i = np.empty((m, len(act)))
                cov = covered[act]
                y_i[:, cov] = total_y[act[cov]] - sums[:, act[cov]] if cov.any() else 0.0
                if not cov.all():
                    y_i[:, ~cov] = _dense_product(X_act[g][pos[~cov]], M).T
            else:
                full = _dense_product(X_act[g], M).T  # m x rows of X_act[g]
                y_i = full[:, pos]  # m x active
                if sums is not None:
                    sums[:, X_terms[g]] += full
                    covered[np.setdiff1d(np.arange(V), X_terms[g], assume_unique=True)] = False
            n_i = len_p[members].sum(axis=1)
            s = scorer(y_i, n_i[:, None], total_y[act] - y_i, (total_n - n_i)[:, None], cols=act)
            hit = np.abs(s) >= (np.abs(observed[g, act]) - tol[g, act])[None, :]
            exceed[g, act] += hit.sum(axis=0)
            done[g, act] += m
            still = exceed[g, act] < stop_after
            if not still.all():
                active[g] = act[still]
                row_nnz = np.diff(X_act[g].indptr)
                if row_nnz[pos[still]].sum() < 0.8 * X_act[g].nnz:
                    X_act[g] = X_act[g][pos[still]]
                    X_terms[g] = active[g]
        b += m
        batch = min(2 * batch, 200)
    for g in range(k):
        yield _besag_clifford(exceed[g], done[g], B)


def _dense_product(A: sp.csr_matrix, B: sp.csr_matrix) -> np.ndarray:
    """``(A @ B).toarray()`` for a product known to be nearly dense.

    SciPy's sparse product first counts the non-zeros of the result in a
    symbolic pass as long as the product itself; here the result cannot hold
    more than rows x columns values, so the numeric pass runs alone, into
    arrays of that size (scipy.sparse's own routine; the public product
    where it is not available).
    """
    try:
        from scipy.sparse._sparsetools import csr_matmat
    except ImportError:  # pragma: no cover - other SciPy layouts
        return (A @ B).toarray()
    n_row, n_col = A.shape[0], B.shape[1]
    bound = n_row * n_col
    if bound == 0:
        return np.zeros((n_row, n_col))
    big = max(bound, A.nnz, B.nnz, A.shape[1]) >= 2**31 - 1
    idx = np.int64 if big else np.int32
    indptr = np.empty(n_row + 1, dtype=idx)
    indices = np.empty(bound, dtype=idx)
    dtype = np.result_type(A.dtype, B.dtype)
    data = np.empty(bound, dtype=dtype)
    csr_matmat(
        n_row, n_col,
        A.indptr.astype(idx, copy=False), A.indices.astype(idx, copy=False),
        A.data.astype(dtype, copy=False),
        B.indptr.astype(idx, copy=False), B.indices.astype(idx, copy=False),
        B.data.astype(dtype, copy=False),
        indptr, indices, data,
    )  # fmt: skip
    nnz = int(indptr[-1])
    return sp.csr_matrix((data[:nnz], indices[:nnz], indptr), shape=(n_row, n_col)).toarray()


def _besag_clifford(exceed, done, B):
    """p = (1 + exceedances) / (1 + B) after all B permutations, and
    exceedances / permutations run for a term stopped early."""
    p = np.where(done >= B, (1 + exceed) / (1 + B), exceed / np.maximum(done, 1))
    return np.minimum(p, 1.0)


def _permutation_pairs(X, lengths, codes, pairs, frames, scorer, B, rng):
    """Permutation p-values of pairwise comparisons: the labels of the two
    groups are shuffled between them. The test of (g, h) is the test of
    (h, g) (the score only changes sign), so each pair of groups runs once."""
    done = {}
    out = []
    for (g, h), f in zip(pairs, frames, strict=True):
        key = (min(g, h), max(g, h))
        if key not in done:
            observed = f["score"].to_numpy()
            done[key] = _permutation_pvalues(X, lengths, codes, g, h, observed, scorer, B, rng)
        out.append(done[key])
    return out


def _permutation_pvalues(X, lengths, codes, g, h, observed, scorer, B, rng, stop_after=10):
    """Two-sided permutation p-values with Besag-Clifford sequential stopping."""
    pool = np.flatnonzero(codes >= 0) if h is None else np.flatnonzero((codes == g) | (codes == h))
    labels = codes[pool]
    Xp = X[pool].tocsc()
    len_p = lengths[pool]
    V = X.shape[1]
    exceed = np.zeros(V, dtype=np.int64)
    done = np.zeros(V, dtype=np.int64)
    active = np.arange(V)
    total_y = np.asarray(Xp.sum(axis=0)).ravel()
    total_n = len_p.sum()
    tol = 1e-9 * np.maximum(1.0, np.abs(observed))
    Xa = Xp.T.tocsr()  # terms x articles, rows sliced as terms drop out
    batch = 25
    b = 0
    while b < B and len(active):
        m = min(batch, B - b)
        member = np.stack([rng.permutation(labels) == g for _ in range(m)]).astype(float)  # m x n
        # only the group's articles count: a sparse membership matrix skips
        # the others (whole-number sums, so the same numbers as a dense product)
        y_i = (Xa @ sp.csr_matrix(member.T)).toarray().T  # m x active
        n_i = member @ len_p
        y_j = total_y[active][None, :] - y_i
        n_j = total_n - n_i
        s = scorer(y_i, n_i[:, None], y_j, n_j[:, None], cols=active)
        hit = np.abs(s) >= np.abs(observed[active])[None, :] - tol[active][None, :]
        exceed[active] += hit.sum(axis=0)
        done[active] += m
        b += m
        still = exceed[active] < stop_after
        if not still.all():
            active = active[still]
            Xa = Xa[still]
        batch = min(2 * batch, 200)
    return _besag_clifford(exceed, done, B)
