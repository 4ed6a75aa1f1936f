import math

import numpy as np
import pandas as pd
import pytest

from framing import load_corpus
from framing.measures.terms import PRONOUNS, STOP_WORDS, distinctive_terms, term_counts
from tests.conftest import needs_shared_data


@pytest.fixture
def tiny():
    # A: war 3, peace 1, talks 1 (n=5); B: peace 3, talks 1 (n=4); corpus N=9
    return load_corpus(
        [
            {"doc_id": "a1", "outlet": "A", "text": "War war peace."},
            {"doc_id": "a2", "outlet": "A", "text": "War talks."},
            {"doc_id": "b1", "outlet": "B", "text": "Peace peace talks."},
            {"doc_id": "b2", "outlet": "B", "text": "Peace."},
        ]
    )


def row(result, group, term, other="rest"):
    r = result[(result["outlet"] == group) & (result["term"] == term) & (result["other"] == other)]
    assert len(r) == 1
    return r.iloc[0]


def test_log_odds_and_z_by_hand(tiny):
    res = distinctive_terms(tiny, min_count=1, stop_words=None, alpha0=9, n_resamples=0)
    war = row(res, "A", "war")
    # prior = 9 * 3/9 = 3; delta = log(6/8) - log(3/10); var = 1/6 + 1/3
    assert war["prior"] == pytest.approx(3.0)
    assert war["log_odds"] == pytest.approx(math.log(6 / 8) - math.log(3 / 10))
    assert war["se"] == pytest.approx(math.sqrt(0.5))
    assert war["z"] == pytest.approx(math.log(2.5) / math.sqrt(0.5))
    assert (war["count"], war["total"], war["count_other"], war["total_other"]) == (3, 5, 0, 4)
    assert war["rate"] == pytest.approx(600.0)
    # B vs rest for "war" mirrors it
    assert row(res, "B", "war")["log_odds"] == pytest.approx(-war["log_odds"])
    peace = row(res, "B", "peace")
    # prior 4: delta = log((3+4)/(4+9-3-4)) - log((1+4)/(5+9-1-4))
    assert peace["log_odds"] == pytest.approx(math.log(7 / 6) - math.log(5 / 9))
    assert peace["z"] == pytest.approx(peace["log_odds"] / math.sqrt(1 / 7 + 1 / 5))


def test_chi2_and_g2_as_quanteda(tiny):
    # "war", A as target: a=3, b=0, c=2, d=4, N=9, E=5/3 (< 5, so Yates applies)
    a, b, c, d, N = 3, 0, 2, 4, 9
    denom = (a + b) * (c + d) * (a + c) * (b + d)
    chi_yates = N * (abs(a * d - b * c) - N / 2) ** 2 / denom
    chi_none = N * (a * d - b * c) ** 2 / denom
    res = distinctive_terms(tiny, method="chi2", min_count=1, stop_words=None, n_resamples=0)
    assert row(res, "A", "war")["score"] == pytest.approx(chi_yates)
    res = distinctive_terms(
        tiny, method="chi2", correction="none", min_count=1, stop_words=None, n_resamples=0
    )
    assert row(res, "A", "war")["score"] == pytest.approx(chi_none)
    # G2 with Yates: cells move 0.5 towards independence
    ay, by, cy, dy = 2.5, 0.5, 2.5, 3.5
    e11, e12, e21, e22 = 3 * 5 / 9, 3 * 4 / 9, 5 * 6 / 9, 4 * 6 / 9
    g2 = 2 * (
        ay * math.log(ay / e11)
        + by * math.log(by / e12)
        + cy * math.log(cy / e21)
        + dy * math.log(dy / e22)
    )
    res = distinctive_terms(tiny, method="g2", min_count=1, stop_words=None, n_resamples=0)
    assert row(res, "A", "war")["score"] == pytest.approx(g2, rel=1e-6)
    g2_plain = 2 * (3 * math.log(3 / e11) + 2 * math.log(2 / e21) + 4 * math.log(4 / e22))
    res = distinctive_terms(
        tiny, method="g2", correction="none", min_count=1, stop_words=None, n_resamples=0
    )
    assert row(res, "A", "war")["score"] == pytest.approx(g2_plain, rel=1e-6)
    # under-use is negative
    assert row(res, "B", "war")["score"] < 0


def test_chi2_p_token_is_chi_squared_tail(tiny):
    from scipy import stats

    res = distinctive_terms(
        tiny, method="chi2", correction="none", min_count=1, stop_words=None, n_resamples=0
    )
    r = row(res, "A", "war")
    assert r["p_token"] == pytest.approx(stats.chi2.sf(abs(r["score"]), 1))


def test_contract_columns_order_and_determinism(tiny):
    a = distinctive_terms(tiny, min_count=1, stop_words=None, n_resamples=50, random_state=3)
    b = distinctive_terms(tiny, min_count=1, stop_words=None, n_resamples=50, random_state=3)
    pd.testing.assert_frame_equal(a, b)
    assert list(a.columns)[:3] == ["outlet", "other", "term"]
    assert "q_value" in a.columns and "rests_on_one_article" in a.columns
    assert a["outlet"].tolist() == ["A"] * 3 + ["B"] * 3
    assert a.index.equals(pd.RangeIndex(len(a)))
    scores_a = a.loc[a["outlet"] == "A", "score"].to_numpy()
    assert (np.diff(scores_a) <= 0).all()
    assert ((a["ci_low"] <= a["log_odds"] + 1e-9) | a["ci_low"].isna()).all()


def test_pairwise_has_both_directions(tiny):
    three = load_corpus(
        tiny.articles.to_dict("records") + [{"doc_id": "c1", "outlet": "C", "text": "War peace."}]
    )
    res = distinctive_terms(three, compare="pairwise", min_count=1, stop_words=None, n_resamples=0)
    assert set(zip(res["outlet"], res["other"])) == {
        ("A", "B"),
        ("A", "C"),
        ("B", "A"),
        ("B", "C"),
        ("C", "A"),
        ("C", "B"),
    }
    ab, ba = row(res, "A", "war", "B"), row(res, "B", "war", "A")
    assert ab["log_odds"] == pytest.approx(-ba["log_odds"])
    assert ab["count_other"] == 0


def test_one_article_repeating_a_word_is_not_an_outlet_pattern():
    docs = [{"outlet": "A", "text": "The massacre. " * 20 + "Officials met."}]
    docs += [{"outlet": "A", "text": f"Officials met on day {i}. Talks went on."} for i in range(5)]
    docs += [{"outlet": "B", "text": f"Officials met on day {i}. Talks went on."} for i in range(6)]
    res = distinctive_terms(load_corpus(docs), min_count=2, n_resamples=500, random_state=0)
    m = row(res, "A", "massacre")
    assert m["p_token"] < 0.01  # token counting calls it significant
    assert m["p_value"] > 0.1  # articles do not
    assert m["n_articles_using"] == 1 and m["top_article_share"] == 1.0
    assert bool(m["rests_on_one_article"])


def test_stop_word_policy_keeps_pronouns_and_inner_stop_words():
    c = load_corpus(
        [
            {"outlet": "A", "text": "We have the right to defend ourselves."},
            {"outlet": "B", "text": "They have the right to defend them."},
        ]
    )
    counts = term_counts(c, ngram_range=(1, 3))
    terms = set(counts["term"])
    assert {"we", "they", "right to defend", "defend ourselves"} <= terms
    assert "the" not in terms and "the right" not in terms and "to defend" not in terms
    assert "we" in PRONOUNS and "we" not in STOP_WORDS and "the" in STOP_WORDS
    assert "have" not in set(term_counts(c, stop_words=["have"], ngram_range=(1, 1))["term"])


def test_ngrams_do_not_cross_sentences():
    c = load_corpus(
        [
            {"outlet": "A", "text": "Troops advanced. Civilians fled."},
            {"outlet": "B", "text": "Nothing."},
        ]
    )
    terms = set(term_counts(c, ngram_range=(2, 2))["term"])
    assert terms == {"troops advanced", "civilians fled"}


def test_headline_is_counted():
    c = load_corpus(
        [
            {"outlet": "A", "title": "Invasion begins", "text": "Troops moved."},
            {"outlet": "B", "text": "Troops moved."},
        ]
    )
    assert "invasion" in set(term_counts(c)["term"])


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"by": "side"}, "value for `by` must be a column.*'side' was passed"),
        ({"method": "tfidf"}, "value for `method` must be one of"),
        ({"compare": "all"}, "value for `compare` must be"),
        ({"correction": "yate"}, "value for `correction` must be one of"),
        ({"min_count": 100}, "min_count=100 leaves no terms"),
        ({"ngram_range": (2, 1)}, "ngram_range must satisfy"),
        ({"alpha0": 0}, "value for `alpha0` must be a positive number"),
        ({"stop_words": "german"}, "stop_words must be"),
    ],
)
def test_bad_arguments(tiny, kwargs, message):
    with pytest.raises(ValueError, match=message):
        distinctive_terms(tiny, **kwargs)


def test_one_group_is_a_clear_error():
    c = load_corpus([{"outlet": "A", "text": "One."}, {"outlet": "A", "text": "Two."}])
    with pytest.raises(ValueError, match="two or more values of `by`"):
        distinctive_terms(c)


@needs_shared_data
def test_permutation_holds_level_with_random_labels():
    from tests.shared_data import newswcl50_articles

    df = newswcl50_articles().drop(columns=["gold_starts"])
    df["outlet"] = np.random.default_rng(0).permutation(df["outlet"].to_numpy())
    res = distinctive_terms(load_corpus(df), min_count=5, n_resamples=500, random_state=0)
    share = (res["p_value"] < 0.05).mean()
    assert 0.03 <= share <= 0.07  # the test holds its level over articles
    assert (res["q_value"] < 0.05).sum() == 0  # and nothing survives the FDR
    assert (res["p_token"] < 0.05).mean() > share  # token counting does not


def test_groups_of_one_article_get_no_interval():
    docs = [
        {"doc_id": "a1", "outlet": "A", "text": "War war peace."},
        {"doc_id": "b1", "outlet": "B", "text": "Peace peace talks."},
        {"doc_id": "b2", "outlet": "B", "text": "Peace war."},
        {"doc_id": "c1", "outlet": "C", "text": "Talks war."},
        {"doc_id": "c2", "outlet": "C", "text": "Talks peace."},
    ]
    c = load_corpus(docs)
    res = distinctive_terms(c, min_count=1, stop_words=None, n_resamples=200, random_state=0)
    a, rest = res[res["outlet"] == "A"], res[res["outlet"] != "A"]
    assert a["ci_low"].isna().all() and a["ci_high"].isna().all()
    assert a["p_value"].notna().all()  # the permutation test still runs
    assert rest["ci_low"].notna().all() and (rest["ci_low"] <= rest["ci_high"]).all()
    pair = distinctive_terms(
        c, compare="pairwise", min_count=1, stop_words=None, n_resamples=200, random_state=0
    )
    with_a = (pair["outlet"] == "A") | (pair["other"] == "A")
    assert pair.loc[with_a, "ci_low"].isna().all()
    assert pair.loc[~with_a, "ci_low"].notna().all()


def test_identical_articles_give_a_point_interval():
    # every resample of identical articles gives the observed counts
    docs = [{"outlet": "A", "text": "War war peace talks."}] * 3
    docs += [{"outlet": "B", "text": "Peace peace talks war."}] * 4
    res = distinctive_terms(load_corpus(docs), min_count=1, n_resamples=100, random_state=0)
    for col in ("ci_low", "ci_high"):
        np.testing.assert_allclose(res[col], res["log_odds"], rtol=0, atol=1e-12)


def test_pairwise_p_values_are_symmetric(tiny):
    three = load_corpus(
        tiny.articles.to_dict("records")
        + [{"doc_id": "c1", "outlet": "C", "text": "War peace."},
           {"doc_id": "c2", "outlet": "C", "text": "Talks talks war."}]
    )
    res = distinctive_terms(
        three, compare="pairwise", min_count=1, stop_words=None, n_resamples=99, random_state=1
    )
    for g, h in [("A", "B"), ("A", "C"), ("B", "C")]:
        for term in ("war", "peace", "talks"):
            assert row(res, g, term, h)["p_value"] == row(res, h, term, g)["p_value"]


