"""framing.score_sentiment: contract, input handling and errors."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from framing import score_sentiment
from framing.measures.sentiment import __all__ as sentiment_all

COLUMNS = ["neg", "neu", "pos", "compound"]
ZEROS = [0.0, 0.0, 0.0, 0.0]


def test_public_names():
    assert "score_sentiment" in sentiment_all


def test_contract():
    out = score_sentiment(["The book was good.", "The book was not good!", "The cat sat."])
    assert list(out.columns) == COLUMNS
    assert isinstance(out.index, pd.RangeIndex)
    assert out.index.tolist() == [0, 1, 2]
    assert (out.dtypes == np.float64).all()
    assert out.loc[0, "compound"] == round(1.9 / math.sqrt(1.9**2 + 15), 4)
    assert out.loc[1, "compound"] < 0
    assert out.loc[2].tolist() == [0.0, 1.0, 0.0, 0.0]


def test_single_string_gives_one_row():
    out = score_sentiment("good")
    assert out.shape == (1, 4)
    assert out.iloc[0].tolist() == [0.0, 0.0, 1.0, 0.4404]


def test_empty_input_gives_empty_frame():
    out = score_sentiment([])
    assert out.shape == (0, 4)
    assert list(out.columns) == COLUMNS


@pytest.mark.parametrize(
    "container",
    [
        list,
        tuple,
        np.array,
        lambda x: pd.Series(x, index=[10, 5, 7]),
        pd.Index,
        lambda x: (t for t in x),
        lambda x: pd.Series(x, dtype="string"),
    ],
    ids=["list", "tuple", "ndarray", "series", "index", "generator", "string-dtype"],
)
def test_containers_give_the_same_rows(container):
    texts = ["good", "bad", "not bad at all"]
    expected = score_sentiment(list(texts))
    out = score_sentiment(container(texts))
    pd.testing.assert_frame_equal(out, expected)


@pytest.mark.parametrize("missing", [None, float("nan"), np.nan, np.float64("nan"), pd.NA])
def test_missing_values_score_like_empty_text(missing):
    out = score_sentiment(["good", missing, ""])
    assert out.loc[1].tolist() == ZEROS
    assert out.loc[2].tolist() == ZEROS
    assert out.loc[0, "pos"] == 1.0


def test_missing_values_in_series():
    out = score_sentiment(pd.Series(["bad", None, np.nan], dtype=object))
    assert out.loc[1:].to_numpy().tolist() == [ZEROS, ZEROS]
    out = score_sentiment(pd.Series(["bad", None], dtype="string"))
    assert out.loc[1].tolist() == ZEROS


def test_whitespace_only_text_scores_zero():
    assert score_sentiment(" \n\t ").iloc[0].tolist() == ZEROS


@pytest.mark.parametrize(
    ("item", "type_name"),
    [
        (5, "int"),
        (2.5, "float"),
        (b"good", "bytes"),
        (["good"], "list"),
        (True, "bool"),
    ],
)
def test_non_string_item_is_refused_with_position(item, type_name):
    with pytest.raises(TypeError, match=rf"texts\[2\] is {type_name} .*not str.*astype\(str\)"):
        score_sentiment(["good", None, item, 7])


@pytest.mark.parametrize(
    ("texts", "message"),
    [
        (b"good", "got bytes; decode it first"),
        (pd.DataFrame({"text": ["good"]}), "got a DataFrame; pass one column"),
        ({"a": "good"}, "got dict"),
        ({"good", "bad"}, "got set"),
        (3, "got int"),
        (None, "got NoneType"),
    ],
)
def test_bad_containers_are_refused(texts, message):
    with pytest.raises(TypeError, match=message):
        score_sentiment(texts)


def test_two_dimensional_array_is_refused():
    with pytest.raises(ValueError, match=r"one-dimensional, got an array of shape \(1, 2\)"):
        score_sentiment(np.array([["good", "bad"]]))


def test_scores_equal_reference():
    reference = pytest.importorskip("vaderSentiment.vaderSentiment")
    analyzer = reference.SentimentIntensityAnalyzer()
    texts = [
        "VADER is VERY SMART, uber handsome, and FRIGGIN FUNNY!!!",
        "Catch utf-8 emoji such as 💘 and 💋 and 😁",
        "",
        "At least it isn't a horrible book.",
    ]
    out = score_sentiment(texts)
    expected = pd.DataFrame([analyzer.polarity_scores(t) for t in texts])[COLUMNS]
    pd.testing.assert_frame_equal(out, expected)
