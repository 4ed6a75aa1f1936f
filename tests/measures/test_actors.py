import numpy as np
import pandas as pd
import pytest

import framing


@pytest.fixture(scope="module")
def toy():
    return framing.load_corpus([
        {"doc_id": "a1", "outlet": "A", "text": "Critics condemned the mayor for the scandal. The mayor lied again."},
        {"doc_id": "a2", "outlet": "A", "text": "The mayor was accused of fraud and corruption."},
        {"doc_id": "b1", "outlet": "B", "text": "Residents praised the mayor for the beautiful new park."},
        {"doc_id": "b2", "outlet": "B",
         "text": "The mayor won an award. \"The mayor is a liar and a fraud,\" a rival said."},
    ])


ACTORS = {"Mayor": ["mayor", "the mayor"], "Council": ["city council"]}


def test_mentions_carry_voice_score_and_evidence(toy):
    m = framing.actor_sentiment(toy, ACTORS, level="mention")
    assert list(m.columns) == ["doc_id", "outlet", "sent_id", "section", "actor", "match", "start", "end",
                               "in_quote", "voice", "label", "score", "p_negative", "p_neutral", "p_positive",
                               "evidence", "sentence"]
    assert len(m) == 6
    quoted = m[m["in_quote"]]
    assert quoted["doc_id"].tolist() == ["b2"] and quoted["voice"].tolist() == ["quoted"]
    for row in m.itertuples():
        assert row.sentence[row.start:row.end].lower() == row.match.lower()
    assert np.allclose(m[["p_negative", "p_neutral", "p_positive"]].sum(axis=1), 1)
    first = m.iloc[0]
    assert first["label"] == "negative" and "condemned" in first["evidence"]


def test_quoted_speakers_do_not_count_as_the_outlet(toy):
    own = framing.actor_sentiment(toy, ACTORS, test=False).set_index(["outlet", "actor"])
    everything = framing.actor_sentiment(toy, ACTORS, voice="all", test=False).set_index(["outlet", "actor"])
    assert own.loc[("B", "Mayor"), "n_mentions"] == 2
    assert everything.loc[("B", "Mayor"), "n_mentions"] == 3
    assert own.loc[("B", "Mayor"), "estimate"] > everything.loc[("B", "Mayor"), "estimate"]
    assert own.loc[("A", "Mayor"), "estimate"] < own.loc[("B", "Mayor"), "estimate"]


def test_group_rows_by_hand(toy):
    g = framing.actor_sentiment(toy, ACTORS, test=False)
    m = framing.actor_sentiment(toy, ACTORS, level="mention")
    m = m[m["voice"] == "outlet"]
    a = g[(g["outlet"] == "A") & (g["actor"] == "Mayor")].iloc[0]
    assert a["estimate"] == pytest.approx(m.loc[m["outlet"] == "A", "score"].mean())
    assert a["n_articles"] == 2
    assert a["share_negative"] == pytest.approx((m.loc[m["outlet"] == "A", "label"] == "negative").mean())
    # an actor no outlet mentions is reported, not dropped
    council = g[g["actor"] == "Council"]
    assert council["n_mentions"].tolist() == [0, 0] and council["estimate"].isna().all()
    assert g["outlet"].tolist() == ["A", "A", "B", "B"]


def test_article_level(toy):
    art = framing.actor_sentiment(toy, ACTORS, level="article")
    assert art.columns.tolist() == ["doc_id", "outlet", "actor", "n_mentions", "estimate", "share_negative",
                                    "share_positive"]
    assert art["doc_id"].tolist() == ["a1", "a2", "b1", "b2"]


def test_test_and_determinism(toy):
    a = framing.actor_sentiment(toy, ACTORS, n_resamples=200, random_state=1)
    b = framing.actor_sentiment(toy, ACTORS, n_resamples=200, random_state=1)
    pd.testing.assert_frame_equal(a, b)
    assert {"p_value", "q_value"} <= set(a.columns)


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"level": "outlet"}, "level='outlet' is not valid"),
        ({"voice": "own"}, "voice='own' is not valid"),
        ({"by": "side"}, "value for `by` must be a column.*'side' was passed"),
    ],
)
def test_bad_arguments(toy, kwargs, message):
    with pytest.raises(ValueError, match=message):
        framing.actor_sentiment(toy, ACTORS, **kwargs)


def test_actor_without_aliases_and_single_outlet(toy):
    with pytest.raises(ValueError, match="'Mayor' has no aliases"):
        framing.actor_sentiment(toy, {"Mayor": []})
    one = toy.filter(outlets=["A"])
    with pytest.raises(ValueError, match="(?i)pass test=False"):
        framing.actor_sentiment(one, ACTORS)
    assert len(framing.actor_sentiment(one, ACTORS, test=False)) == 2
