import math

import numpy as np
import pandas as pd
import pytest

from framing import load_corpus
from framing.measures.sentiment import sentence_scores, sentiment_profile


def vader_one_word(valence):
    # VADER's normalisation of a single lexicon word: v / sqrt(v^2 + 15)
    return valence / math.sqrt(valence**2 + 15)


GOOD, BAD, TRAGIC = vader_one_word(1.9), vader_one_word(-2.5), vader_one_word(-2.0)


@pytest.fixture
def toy():
    return load_corpus(
        [
            {
                "doc_id": "a1",
                "outlet": "A",
                "title": "Tragic",
                "text": "Bad.\n\nTables stood there. Good.",
            },
            {"doc_id": "a2", "outlet": "A", "title": "Chairs", "text": "Bad. Bad."},
            {"doc_id": "b1", "outlet": "B", "title": "Good", "text": "Good. Tables stood there."},
            {"doc_id": "b2", "outlet": "B", "text": "Good."},
        ]
    )


def test_sentence_scores_and_positions(toy):
    s = sentence_scores(toy)
    a1 = s[s["doc_id"] == "a1"]
    assert a1["compound"].round(4).tolist() == [
        round(TRAGIC, 4),
        round(BAD, 4),
        0.0,
        round(GOOD, 4),
    ]
    assert np.isnan(a1["position"].iloc[0])
    assert a1["position"].iloc[1:].tolist() == [0.0, 0.5, 1.0]
    assert s.loc[s["doc_id"] == "b2", "position"].tolist() == [0.0]


def test_article_measures_by_hand(toy):
    arts = sentiment_profile(toy, level="article").set_index("doc_id")
    assert arts.loc["a1", "mean_compound"] == pytest.approx((BAD + 0 + GOOD) / 3, abs=1e-4)
    assert arts.loc["a1", "share_negative"] == pytest.approx(1 / 3)
    assert arts.loc["a1", "share_positive"] == pytest.approx(1 / 3)
    assert arts.loc["a1", "headline_compound"] == pytest.approx(TRAGIC, abs=1e-4)
    assert arts.loc["a1", "lede_compound"] == pytest.approx(BAD, abs=1e-4)
    assert arts.loc["a2", "headline_compound"] == 0
    assert np.isnan(arts.loc["b2", "headline_compound"])
    assert arts.loc["b1", "lede_compound"] == pytest.approx(GOOD / 2, abs=1e-4)
    assert arts["n_sentences"].tolist() == [3, 2, 2, 1]


def test_group_means_over_articles(toy):
    g = sentiment_profile(toy, n_resamples=200, random_state=0)
    m = g[g["metric"] == "mean_compound"].set_index("outlet")
    assert m.loc["A", "estimate"] == pytest.approx(((BAD + GOOD) / 3 + BAD) / 2, abs=1e-4)
    assert m.loc["B", "estimate"] == pytest.approx((GOOD / 2 + GOOD) / 2, abs=1e-4)
    assert (m["n_articles"] == 2).all()
    assert m.loc["A", "ci_low"] <= m.loc["A", "estimate"] <= m.loc["A", "ci_high"]
    assert list(g.columns) == [
        "outlet",
        "metric",
        "n_articles",
        "estimate",
        "ci_low",
        "ci_high",
        "ci_note",
        "p_value",
        "test",
        "q_value",
    ]
    # with two articles per outlet there are only 6 ways to split 4 articles 2/2: the smallest p-value a
    # permutation test could give is 1/6, so no test is made (NaN, and the reason)
    assert np.isnan(m["p_value"].iat[0])
    assert m["test"].iat[0] == "no test possible: only 6 distinct arrangements of the articles"


def test_outlets_that_differ_are_detected():
    docs = [{"outlet": "A", "text": "Bad. Bad. Tables stood."} for _ in range(8)]
    docs += [{"outlet": "B", "text": "Good. Good. Tables stood."} for _ in range(8)]
    g = sentiment_profile(load_corpus(docs), n_resamples=500, random_state=1)
    assert g.loc[g["metric"] == "mean_compound", "p_value"].iat[0] < 0.01


def test_arc_bins(toy):
    arc = sentiment_profile(toy, level="arc", bins=2, n_resamples=50, random_state=0)
    assert list(arc.columns) == [
        "outlet",
        "bin",
        "position",
        "n_sentences",
        "estimate",
        "ci_low",
        "ci_high",
    ]
    a = arc[arc["outlet"] == "A"].set_index("bin")
    # A, first half (positions < 0.5): a1 "Bad.", a2 "Bad." ; second half: a1 "Tables", "Good.", a2 "Bad."
    assert a.loc[0, "n_sentences"] == 2 and a.loc[0, "estimate"] == pytest.approx(BAD, abs=1e-4)
    assert a.loc[1, "estimate"] == pytest.approx((0 + GOOD + BAD) / 3, abs=1e-4)


def test_deterministic_and_errors(toy):
    a = sentiment_profile(toy, n_resamples=100, random_state=5)
    b = sentiment_profile(toy, n_resamples=100, random_state=5)
    pd.testing.assert_frame_equal(a, b)
    with pytest.raises(ValueError, match="value for `level` must be"):
        sentiment_profile(toy, level="outlet")
    with pytest.raises(ValueError, match="two or more values of `by`"):
        sentiment_profile(toy.filter(outlets=["A"]))
    with pytest.raises(ValueError, match="value for `by` must be a column.*'x' was passed"):
        sentiment_profile(toy, by="x")
