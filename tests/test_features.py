import numpy as np
import pandas as pd
import pytest

import framing
from framing.analyses import ANALYSES
from framing.features import PARTS


@pytest.fixture(scope="module")
def toy():
    return framing.load_corpus([
        {"doc_id": "a", "outlet": "A", "title": "Homes destroyed",
         "text": "Civilians were killed in the night. Troops advanced.\n\n\"We are afraid,\" a resident said."},
        {"doc_id": "b", "outlet": "B", "text": "The army said it hit targets. Three people died."},
    ])


def test_known_values(toy):
    f = framing.article_features(toy).set_index("doc_id")
    # a: body sentences "Civilians were killed in the night." (6 tokens), "Troops advanced." (2),
    #    "\"We are afraid,\" a resident said." (6): 14 words, 3 sentences, 2 paragraphs
    assert f.loc["a", ["n_words", "n_sentences", "n_paragraphs"]].tolist() == [14, 3, 2]
    # one agentless passive ("were killed") among 3 body sentences and the headline ("Homes destroyed")
    assert f.loc["a", "agentless_share"] == 1.0
    assert f.loc["a", "passive_rate"] == pytest.approx(f.loc["a", "agentless_passive_rate"])
    # "We are afraid," is 3 of the article's words inside quotation marks
    assert f.loc["a", "n_quotes"] == 1
    assert 0 < f.loc["a", "quote_share"] < 0.5
    assert f.loc["a", "verb_share_neutral"] == 1.0
    assert np.isnan(f.loc["b", "headline_compound"])
    assert f.loc["b", "intransitive_harm_share"] > 0  # "died"
    assert f.loc["b", "quote_share"] == 0


def test_columns_and_sources(toy):
    f = framing.article_features(toy)
    assert f.columns[:2].tolist() == ["doc_id", "outlet"]
    assert f["doc_id"].tolist() == ["a", "b"]
    sources = f.attrs["sources"]
    assert set(sources) == set(f.columns) - {"doc_id", "outlet"}
    assert all(s.startswith("framing.") for s in sources.values())
    assert {"frame_security_and_defense", "dominant_frame", "verb_share_doubt"} <= set(f.columns)
    assert "mean_compound" in {k for a in ANALYSES if a.features for k in a.features.sources}
    assert PARTS == ("length", "sentiment", "loaded", "passive", "quotes", "frames")


def test_agrees_with_the_functions_that_explain_it():
    corpus = framing.load_example("rafah")
    f = framing.article_features(corpus).set_index("doc_id")
    s = framing.sentiment_profile(corpus, level="article").set_index("doc_id")
    pd.testing.assert_series_equal(f["mean_compound"], s["mean_compound"], check_names=False)
    loaded = framing.loaded_language(corpus, level="article")
    loaded = loaded[loaded["category"] == "all"].set_index("doc_id")["rate"]
    pd.testing.assert_series_equal(f["loaded_rate"], loaded, check_names=False)


def test_include_and_errors(toy):
    f = framing.article_features(toy, include=["length"])
    assert f.columns.tolist() == ["doc_id", "outlet", "n_words", "n_sentences", "n_paragraphs"]
    with pytest.raises(ValueError, match="values for `include` must be among"):
        framing.article_features(toy, include=["colour"])
    with pytest.raises(ValueError, match="value for `by` must be a column.*'x' was passed"):
        framing.article_features(toy, by="x")
