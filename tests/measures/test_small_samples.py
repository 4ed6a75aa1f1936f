"""Honest small samples: no p-value where no test is possible, no interval from one article."""

import numpy as np
import pytest

import framing
from framing.measures._ladder import summarise
from framing.measures._stats import (
    IDENTICAL,
    ONE_ARTICLE,
    group_bootstrap,
    no_test_reason,
    permutation_pvalue,
)

ONE_EACH = [
    {"outlet": "A", "text": "Police killed two protesters. The crowd was angry and sad."},
    {"outlet": "B", "text": "Two protesters died. The march was calm and hopeful."},
    {"outlet": "C", "text": "Protesters clashed with police. Officials praised the response."},
]


@pytest.fixture(scope="module")
def one_each():
    return framing.load_corpus(ONE_EACH)


def test_one_article_per_outlet_gives_no_p_value(one_each):
    s = framing.sentiment_profile(one_each, n_resamples=200, random_state=0)
    assert s["p_value"].isna().all() and s["q_value"].isna().all()
    body = s["metric"] != "headline_compound"  # the texts have no headlines: no outlet has a value
    assert s.loc[body, "test"].eq("no test possible: a group has one article").all()
    assert s.loc[~body, "test"].eq("no test possible: fewer than two groups have a value").all()
    assert s["ci_low"].isna().all() and s["ci_high"].isna().all()
    assert s.loc[body, "ci_note"].eq(ONE_ARTICLE).all()
    v = framing.passive_voice(one_each, n_resamples=200, random_state=0)
    assert v["p_value"].isna().all() and v["test"].str.startswith("no test possible").all()
    f = framing.frames(one_each, n_resamples=200, random_state=0)
    assert f["p_value"].isna().all() and f["test"].str.startswith("no test possible").all()


def test_sentiment_chart_says_no_test_possible(one_each):
    import matplotlib.pyplot as plt

    s = framing.sentiment_profile(one_each, n_resamples=200, random_state=0)
    ax = framing.plot.plot_sentiment(s)
    title = ax.get_title()
    plt.close(ax.figure)
    assert "no test possible" in title and "p =" not in title


@pytest.mark.parametrize(
    ("groups", "strata", "reason"),
    [
        (["A", "B"], None, "no test possible: a group has one article"),
        (["A", "A", "A"], None, "no test possible: fewer than two groups have a value"),
        (["A", "A", "B", "B"], None, "no test possible: only 6 distinct arrangements of the articles"),
        (["A", "A", "A", "B", "B", "B"], None, ""),  # 20 arrangements: p can reach 1/20
        (["A", "A", "B", "B", "C", "C"], None, ""),  # 90
        # one article per outlet and event: 2 arrangements per event, 2**5 = 32 across five events
        (["A", "B"] * 5, [0, 0, 1, 1, 2, 2, 3, 3, 4, 4], ""),
        (["A", "B"] * 4, [0, 0, 1, 1, 2, 2, 3, 3], "no test possible: only 16 distinct arrangements of the articles"),
    ],
)
def test_no_test_reason_known_answers(groups, strata, reason):
    g = np.array(groups, dtype=object)
    s = None if strata is None else np.array(strata)
    assert no_test_reason(g, sorted(set(groups)), s) == reason
    p = permutation_pvalue(np.arange(len(g), dtype=float), g, sorted(set(groups)), n_resamples=50,
                           random_state=0, strata=s)
    assert np.isnan(p[0]) == bool(reason)


def test_summarise_test_column_and_interval_notes():
    values = np.array([1.0, 1.0, 1.0, 2.0, 5.0, 9.0, 4.0])
    groups = np.array(["a", "a", "a", "b", "b", "b", "c"], dtype=object)
    res = summarise(values, groups, ["a", "b", "c"], n_resamples=200, random_state=0)
    assert np.isnan(res.p_value[0]) and res.test[0] == "no test possible: a group has one article"
    assert res.ci_note.tolist() == [IDENTICAL, "", ONE_ARTICLE]
    assert res.ci_low[0] == res.ci_high[0] == 1.0  # zero width, flagged
    assert np.isnan(res.ci_low[2])
    res = summarise(values[:6], groups[:6], ["a", "b"], n_resamples=200, random_state=0)
    assert 0 < res.p_value[0] <= 1 and res.test[0] == "permutation"
    res = summarise(values[:6], groups[:6], ["a", "b"], n_resamples=200, random_state=0, test=False)
    assert res.test[0] == "not tested"


def test_pooled_ratio_resting_on_one_article_has_no_interval():
    # only the first article of "a" has a denominator: every resample gives its ratio, 0.81
    numer = np.array([81.0, 0.0, 0.0, 1.0, 2.0])
    denom = np.array([100.0, 0.0, 0.0, 4.0, 4.0])
    groups = np.array(["a", "a", "a", "b", "b"])
    r = group_bootstrap(numer, groups, ["a", "b"], denom=denom, n_resamples=200, random_state=0)
    assert r["estimate"][0] == pytest.approx(0.81)
    assert np.isnan(r["ci_low"][0]) and np.isnan(r["ci_high"][0])
    assert r["n_used"].tolist() == [1, 2]
    assert r["ci_note"].tolist() == [ONE_ARTICLE, ""]


def test_large_groups_are_counted_without_overflow():
    g = np.array(["A"] * 5000 + ["B"] * 5000, dtype=object)
    assert no_test_reason(g, ["A", "B"]) == ""
