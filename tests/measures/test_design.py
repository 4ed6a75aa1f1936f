"""The design-based term test: exact permutation moments, within-event shuffles, the stratified log-odds."""

import itertools

import numpy as np
import pandas as pd
import pytest
import scipy.sparse as sp

import framing
from framing.measures._design import (
    Comparison,
    design_test,
    event_bootstrap,
    permutation_p,
    standardised_log_odds,
)
from framing.measures._keyness import log_odds
from framing.measures._stats import within_shuffles


def _toy():
    # 6 articles, 2 events of 3; term counts y and lengths l; group 0 = outlet A
    y = np.array([[3.0], [0.0], [1.0], [2.0], [2.0], [0.0]])
    lengths = np.array([10.0, 20.0, 10.0, 30.0, 10.0, 20.0])
    codes = np.array([0, 1, 1, 0, 1, 1])
    strata = np.array([0, 0, 0, 1, 1, 1])
    return sp.csr_matrix(y), lengths, codes, strata


def _statistic(y, lengths, in_g, strata):
    """T = sum_e (Y_ge - r_e L_ge), written out."""
    T = 0.0
    for e in np.unique(strata):
        s = strata == e
        r = y[s].sum() / lengths[s].sum()
        T += y[s & in_g].sum() - r * lengths[s & in_g].sum()
    return T


def test_moments_are_those_of_every_relabelling_within_events():
    X, lengths, codes, strata = _toy()
    c = Comparison.of(codes, 0, None, strata)
    test = design_test(X, lengths, c)
    y = X.toarray()[:, 0]
    # every relabelling that keeps one A article in each event
    values = []
    for a0, a1 in itertools.product([0, 1, 2], [3, 4, 5]):
        in_g = np.zeros(6, bool)
        in_g[[a0, a1]] = True
        values.append(_statistic(y, lengths, in_g, strata))
    values = np.array(values)
    assert test.T[0] == pytest.approx(_statistic(y, lengths, codes == 0, strata))
    assert values.mean() == pytest.approx(0.0, abs=1e-12)
    assert test.var[0] == pytest.approx(values.var())  # the exact permutation variance
    assert test.n_eff[0] == pytest.approx(8**2 / 18)  # (sum y)^2 / sum y^2


def test_without_events_one_stratum_holds_every_article():
    X, lengths, codes, _ = _toy()
    c = Comparison.of(codes, 0, None, None)
    test = design_test(X, lengths, c)
    y = X.toarray()[:, 0]
    values = [_statistic(y, lengths, np.isin(np.arange(6), idx), np.zeros(6, int))
              for idx in itertools.combinations(range(6), 2)]
    assert test.var[0] == pytest.approx(np.var(values))


def test_permutation_p_converges_to_the_exact_p():
    X, lengths, codes, strata = _toy()
    c = Comparison.of(codes, 0, None, strata)
    test = design_test(X, lengths, c)
    y = X.toarray()[:, 0]
    observed = abs(test.T[0])
    values = [abs(_statistic(y, lengths, np.isin(np.arange(6), [a0, a1]), strata))
              for a0, a1 in itertools.product([0, 1, 2], [3, 4, 5])]
    exact = np.mean([v >= observed - 1e-9 for v in values])
    p = permutation_p(X, lengths, c, test, np.array([0]), 4000, np.random.default_rng(0), stop_after=10**9)
    assert p[0] == pytest.approx(exact, abs=0.02)


def test_shuffles_stay_inside_events():
    codes = np.array([0, 1, 2, 0, 1, 1, 2])
    strata = np.array([0, 0, 0, 1, 1, 2, 2])
    perms = within_shuffles(codes, strata, 200, np.random.default_rng(1))
    for e in range(3):
        s = strata == e
        assert (np.sort(perms[:, s], axis=1) == np.sort(codes[s])).all()
    assert len({tuple(p) for p in perms}) > 1


def test_standardised_log_odds_by_hand():
    # two events; the group's count against the others' rates on the same events
    X, lengths, codes, strata = _toy()
    c = Comparison.of(codes, 0, None, strata)
    prior, alpha0 = np.array([0.5]), 4.0
    s = standardised_log_odds(X, lengths, c, prior, alpha0)
    # event 0: A has y=3 in 10 tokens; others 1 in 30 -> expected 10 * 1/30
    # event 1: A has y=2 in 30 tokens; others 2 in 30 -> expected 30 * 2/30
    expected = 10 / 30 + 30 * 2 / 30
    assert s.count[0] == 5 and s.total == 40
    assert s.expected[0] == pytest.approx(expected)
    delta, var = log_odds(np.array([5.0]), 40, np.array([expected]), 40, prior, alpha0)
    assert s.delta[0] == pytest.approx(delta[0]) and s.var[0] == pytest.approx(var[0])
    low, high = event_bootstrap(s, prior, alpha0, 200, 0.95, np.random.default_rng(0))
    assert low[0] <= s.delta[0] <= high[0] or np.isclose(low[0], high[0])


def test_events_covered_by_one_side_are_left_out():
    codes = np.array([0, 1, 0, 0])
    strata = np.array([0, 0, 1, 1])  # event 1 has only group 0
    c = Comparison.of(codes, 0, None, strata)
    assert c.rows.tolist() == [0, 1] and c.n_strata == 1


def test_distinctive_terms_within_events_compares_outlets_on_the_same_events():
    # outlet A covers the crime event five times as often; crime words are the event's, not A's
    docs = []
    for i in range(20):
        docs.append({"outlet": "A", "event": "crime", "text": f"Police arrested suspects after the robbery {i}."})
        docs.append({"outlet": "B", "event": "budget", "text": f"Lawmakers debated the budget deficit {i}."})
    for i in range(4):
        docs.append({"outlet": "B", "event": "crime", "text": f"Police arrested suspects after the robbery {i}."})
        docs.append({"outlet": "A", "event": "budget", "text": f"Lawmakers debated the budget deficit {i}."})
    corpus = framing.load_corpus(pd.DataFrame(docs))
    plain = framing.distinctive_terms(corpus, min_count=2, n_resamples=100)
    within = framing.distinctive_terms(corpus, min_count=2, n_resamples=100, within="event")
    row = lambda t, term: t[(t["outlet"] == "A") & (t["term"] == term)].iloc[0]  # noqa: E731
    assert row(plain, "police")["q_value"] < 0.05  # topic confounds outlet
    assert row(within, "police")["p_value"] > 0.5  # inside each event A and B write alike
    assert row(within, "police")["log_odds"] == pytest.approx(0.0, abs=1e-9)
    assert within.attrs["within"] == "event"
    with pytest.raises(ValueError, match="value for `within` must differ from `by`"):
        framing.distinctive_terms(corpus, within="outlet")
