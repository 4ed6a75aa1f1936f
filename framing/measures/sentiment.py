"""Sentiment of texts, sentences, articles and outlets: VADER scores.

Scores come from :mod:`framing._nlp.vader`, an exact, faster re-implementation of
``vaderSentiment`` 3.3.2, the authors' own release of VADER and a dependency of
framing that ships the lexicons (MIT licence). NLTK's port of VADER differs from
it on some texts and needs a download, so it is not the reference.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Literal

import numpy as np
import pandas as pd

from .._nlp.vader import polarity_scores
from .._validate import check_option
from ..corpus import Corpus, _check_by
from ._docs import fill_doc
from ._ladder import finish, metric_table, require_groups, within_strata
from ._mentions import attach_groups
from ._stats import (
    check_random_state,
    check_resampling,
    group_bootstrap,
)

__all__ = ["score_sentiment", "sentence_scores", "sentiment_profile", "SENTIMENT_METRICS"]

_COLUMNS = ["neg", "neu", "pos", "compound"]


def _as_text_list(texts: str | Iterable[str | None]) -> list[str]:
    """Validate ``texts`` and return a list of str (missing values as "")."""
    if isinstance(texts, str):
        return [texts]
    if isinstance(texts, (bytes, bytearray)):
        raise TypeError(
            "texts must be a str or a sequence of str, got bytes; "
            "decode it first, e.g. texts.decode('utf-8')"
        )
    if isinstance(texts, pd.DataFrame):
        raise TypeError(
            "texts must be a str or a sequence of str, got a DataFrame; "
            "pass one column, e.g. df['text']"
        )
    if isinstance(texts, (Mapping, set, frozenset)):
        raise TypeError(
            f"texts must be a str or a sequence of str, got {type(texts).__name__} "
            "(no fixed order); pass a list"
        )
    if isinstance(texts, np.ndarray) and texts.ndim != 1:
        raise ValueError(
            f"texts must be one-dimensional, got an array of shape {texts.shape}; "
            "flatten it or pass one column"
        )
    if not isinstance(texts, Iterable):
        raise TypeError(f"texts must be a str or a sequence of str, got {type(texts).__name__}")
    if isinstance(texts, (np.ndarray, pd.Series, pd.Index)):
        items = texts.tolist()
    else:
        items = list(texts)
    for pos, item in enumerate(items):
        if isinstance(item, str):
            continue
        if item is None or item is pd.NA or (isinstance(item, float) and math.isnan(item)):
            items[pos] = ""
            continue
        raise TypeError(
            f"texts[{pos}] is {type(item).__name__} ({item!r:.40}), not str; "
            "convert the items to str first (e.g. series.astype(str)), or use "
            "None for a missing text"
        )
    return items


def score_sentiment(texts: str | Iterable[str | None]) -> pd.DataFrame:
    """Score the sentiment of each text with VADER.

    Gives, for every input string, the four numbers of VADER (Hutto & Gilbert
    2014), identical to ``vaderSentiment`` 3.3.2's
    ``SentimentIntensityAnalyzer.polarity_scores``, computed offline and
    faster.

    Parameters
    ----------
    texts : str or sequence of str
        One text, or a list, tuple, numpy array or pandas Series of texts.
        VADER was built for sentences and short posts; score an article
        sentence by sentence. ``None`` and ``NaN`` stand for a missing text and
        score like the empty string.

    Returns
    -------
    pandas.DataFrame
        One row per input text, in input order, with a fresh ``RangeIndex``
        and float columns:

        * ``neg``, ``neu``, ``pos``: shares of the text's sentiment mass that
          are negative, neutral and positive (each rounded to 3 decimals;
          they sum to about 1);
        * ``compound``: the normalised sum of the word valences, in [-1, 1]
          (rounded to 4 decimals). Common cut-offs are >= 0.05 positive and
          <= -0.05 negative.

        A text without words (empty, whitespace only, ``None``, ``NaN``)
        scores 0 in all four columns, as in the reference; a text with words
        but no sentiment-bearing word scores ``neu`` = 1.

    Raises
    ------
    TypeError
        If ``texts`` is not a str or a sequence of str, or if an item is
        neither a str nor a missing value; the message gives the position and
        type of the first bad item.
    ValueError
        If ``texts`` is an array with more than one dimension.

    Notes
    -----
    VADER sums the lexicon valence of each word (-4 to +4, mean ratings of ten
    raters) after rules for booster words, ALL-CAPS emphasis, negation in the
    three preceding words, contrast after "but", idioms and trailing "!" and
    "?"; emojis are replaced by their descriptions. The compound score is
    ``x / sqrt(x**2 + 15)`` for that sum ``x``. Every rule and rounding of
    ``vaderSentiment`` 3.3.2 is reproduced, its quirks included; the
    validation scripts check the scores text by text against it.

    References
    ----------
    Hutto, C. J., & Gilbert, E. (2014). VADER: A parsimonious rule-based model
    for sentiment analysis of social media text. *Proceedings of the Eighth
    International AAAI Conference on Weblogs and Social Media (ICWSM-14)*,
    216-225.

    Examples
    --------
    >>> from framing import score_sentiment
    >>> score_sentiment(["The book was good.", "The book was not good!", None])
         neg    neu    pos  compound
    0  0.000  0.508  0.492    0.4404
    1  0.403  0.597  0.000   -0.4015
    2  0.000  0.000  0.000    0.0000
    >>> score_sentiment("VADER is smart, handsome, and funny.")["compound"].item()
    0.8316
    """
    items = _as_text_list(texts)
    return pd.DataFrame(polarity_scores(items), columns=_COLUMNS)


#: Article-level measures of :func:`sentiment_profile`, in display order.
SENTIMENT_METRICS = (
    "mean_compound",
    "share_negative",
    "share_positive",
    "headline_compound",
    "lede_compound",
)
_THRESHOLD = 0.05  # VADER's own neutral band (Hutto & Gilbert 2014)


def sentence_scores(corpus: Corpus) -> pd.DataFrame:
    """VADER scores of every sentence of ``corpus`` (headlines included).

    Returns
    -------
    pandas.DataFrame
        ``corpus.sentences()`` with the columns ``neg``, ``neu``, ``pos``,
        ``compound`` and ``position`` (the sentence's place in the article
        body, 0 for the first body sentence to 1 for the last; NaN for the
        headline). Computed once per corpus.
    """
    cached = corpus.cache.get("sentence_scores")
    if cached is None:
        sents = corpus.sentences()
        scores = polarity_scores(sents["text"].tolist())
        cached = sents.assign(
            neg=scores[:, 0], neu=scores[:, 1], pos=scores[:, 2], compound=scores[:, 3]
        )
        body = cached["section"].astype(str) != "headline"
        rank = cached[body].groupby("doc_id").cumcount()
        size = cached[body].groupby("doc_id")["sent_id"].transform("size")
        cached["position"] = np.nan
        cached.loc[body, "position"] = np.where(size > 1, rank / (size - 1).clip(lower=1), 0.0)
        corpus.cache.put("sentence_scores", cached)
    return cached.copy()


def _article_table(corpus: Corpus, by: str) -> pd.DataFrame:
    scores = sentence_scores(corpus)
    section = scores["section"].astype(str)
    body = scores[section != "headline"]
    grouped = body.groupby("doc_id", sort=False)["compound"]
    arts = corpus._articles[["doc_id", by]].copy()
    arts[by] = arts[by].astype(str)
    arts["n_sentences"] = arts["doc_id"].map(grouped.size()).fillna(0).astype(int)
    arts["mean_compound"] = arts["doc_id"].map(grouped.mean())
    # shares as means of booleans: sums of 0/1 are exact, so these equal the
    # per-article (c <= -0.05).mean() without a Python call per article
    negative = (body["compound"] <= -_THRESHOLD).astype(float)
    positive = (body["compound"] >= _THRESHOLD).astype(float)
    arts["share_negative"] = arts["doc_id"].map(
        negative.groupby(body["doc_id"], sort=False).mean()
    )
    arts["share_positive"] = arts["doc_id"].map(
        positive.groupby(body["doc_id"], sort=False).mean()
    )
    heads = scores[section == "headline"].groupby("doc_id")["compound"].mean()
    ledes = scores[section == "lede"].groupby("doc_id")["compound"].mean()
    arts["headline_compound"] = arts["doc_id"].map(heads)
    arts["lede_compound"] = arts["doc_id"].map(ledes)
    return arts.reset_index(drop=True)


@fill_doc
def sentiment_profile(
    corpus: Corpus,
    *,
    by: str = "outlet",
    level: Literal["group", "article", "sentence", "arc"] = "group",
    within: str | None = None,
    bins: int = 5,
    n_resamples: int = 1000,
    ci: float = 0.95,
    random_state=0,
) -> pd.DataFrame:
    """How positive or negative each outlet's sentences, headlines and ledes are.

    Every sentence is scored with VADER (:func:`framing.score_sentiment`).
    Articles are then summarised, and outlets compared over their articles.

    Parameters
    ----------
    corpus : Corpus
    %(by)s
    level : {"group", "article", "sentence", "arc"}, default="group"
        ``"sentence"``: one row per sentence with its scores (the evidence);
        ``"article"``: one row per article with the measures below;
        ``"group"``: one row per (group, measure) with the mean over the
        group's articles, a bootstrap interval over articles and a permutation
        test of whether the groups differ; ``"arc"``: the mean compound of
        body sentences per group and position bin (the sentiment arc: how the
        tone changes from the top of an article to its end).
    %(within)s
    bins : int, default=5
        Position bins of the arc (``level="arc"``).
    %(resampling)s

    Returns
    -------
    pandas.DataFrame
        ``level="article"``: ``doc_id``, ``<by>``, ``n_sentences`` (body
        sentences) and the measures ``mean_compound`` (mean compound of the
        body sentences), ``share_negative`` and ``share_positive`` (share of
        body sentences with compound <= -0.05 or >= 0.05, VADER's own
        thresholds), ``headline_compound`` (NaN without a headline) and
        ``lede_compound`` (mean over the first paragraph).

        ``level="group"``: ``<by>``, ``metric``, ``n_articles``, ``estimate``
        (mean over articles), ``ci_low``, ``ci_high``, and per metric the
        permutation ``p_value`` of the between-group difference (labels
        shuffled across articles) with ``q_value`` adjusted over the metrics
        (Benjamini-Hochberg). Rows by metric, then group.

        ``level="arc"``: ``<by>``, ``bin`` (0 .. bins-1), ``position`` (bin
        centre, 0 = top of the article), ``n_sentences``, ``estimate``,
        ``ci_low``, ``ci_high`` (mean compound with a bootstrap interval over
        articles).

        ``level="sentence"``: see :func:`sentence_scores`.

    Notes
    -----
    VADER (Hutto & Gilbert 2014) was built for short social-media texts; on
    news sentences it responds to emotive vocabulary ("killed", "hope"), which
    is the framing signal of interest, but it does not know whom a sentence is
    about: see :func:`framing.actor_sentiment` for that.

    Examples
    --------
    >>> from framing import load_corpus
    >>> c = load_corpus([
    ...     {"outlet": "A", "title": "Horrific attack", "text": "Families were devastated. Grief spread."},
    ...     {"outlet": "B", "title": "Talks go well", "text": "Leaders praised the progress. Hope grew."}])
    >>> sentiment_profile(c, level="article")[["outlet", "mean_compound"]].round(2).values.tolist()
    [['A', -0.55], ['B', 0.58]]
    """
    check_option("level", level, ("group", "article", "sentence", "arc"))
    _check_by(corpus, by)
    check_resampling(n_resamples, ci)
    if level == "sentence":
        out = sentence_scores(corpus)
        if by != "outlet":
            out = attach_groups(out, corpus, by)
        return out
    arts = _article_table(corpus, by)
    if level == "article":
        return arts
    rng = check_random_state(random_state)
    levels = corpus.groups(by)
    if level == "arc":
        return _arc(corpus, arts, by, levels, bins, n_resamples, ci, rng)
    require_groups(levels, by)
    strata = within_strata(corpus, by, within)
    return finish(metric_table(arts, by, levels, SENTIMENT_METRICS, "metric", n_resamples, ci, rng, strata), ci=ci,
                  n_resamples=n_resamples, within=within, level=level)


def _arc(corpus, arts, by, levels, bins, n_resamples, ci, rng) -> pd.DataFrame:
    if int(bins) != bins or bins < 1:
        raise ValueError(f"bins must be a positive integer, got {bins!r}")
    scores = sentence_scores(corpus)
    body = scores[scores["section"].astype(str) != "headline"].copy()
    body["bin"] = np.minimum((body["position"] * bins).astype(int), bins - 1)
    group_of = dict(zip(arts["doc_id"], arts[by], strict=True))
    rows = []
    for b in range(bins):
        part = body[body["bin"] == b]
        per_doc = part.groupby("doc_id", sort=False)["compound"].agg(["sum", "size"])
        groups = np.array([group_of[d] for d in per_doc.index])
        # the bin's mean over its sentences, resampling articles
        res = group_bootstrap(
            per_doc["sum"].to_numpy(),
            groups,
            levels,
            denom=per_doc["size"].to_numpy(),
            n_resamples=n_resamples,
            ci=ci,
            random_state=rng,
        )
        counts = per_doc.groupby(groups)["size"].sum().reindex(levels).fillna(0).astype(int)
        rows.append(
            pd.DataFrame(
                {
                    by: levels,
                    "bin": b,
                    "position": (b + 0.5) / bins,
                    "n_sentences": counts.to_numpy(),
                    "estimate": res["estimate"],
                    "ci_low": res["ci_low"],
                    "ci_high": res["ci_high"],
                }
            )
        )
    out = pd.concat(rows, ignore_index=True)
    order = {lv: i for i, lv in enumerate(levels)}
    return out.sort_values(
        [by, "bin"], key=lambda s: s.map(order) if s.name == by else s, ignore_index=True
    )
