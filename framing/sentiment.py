"""Sentiment of texts: VADER scores.

Scores come from :mod:`framing._vader`, an exact, faster re-implementation of
``vaderSentiment`` 3.3.2, the authors' own release of VADER and a dependency of
framing that ships the lexicons (MIT licence). NLTK's port of VADER differs from
it on some texts and needs a download, so it is not the reference.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd

from ._vader import polarity_scores

__all__ = ["score_sentiment"]

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
