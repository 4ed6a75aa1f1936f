import numpy as np
import pytest
import scipy.sparse as sp
from scipy import stats

from framing.measures._stats import (
    bh_fdr,
    check_random_state,
    group_bootstrap,
    permutation_pvalue,
)


def test_bh_matches_hand_computation():
    # p sorted: .01 .03 .04 .20 -> p*m/rank = .04 .06 .0533 .20 -> monotone from the top
    q = bh_fdr([0.04, 0.01, 0.20, 0.03])
    np.testing.assert_allclose(q, [0.16 / 3, 0.04, 0.20, 0.16 / 3])


def test_bh_keeps_nan_and_caps_at_one():
    q = bh_fdr([np.nan, 0.9, 0.95])
    assert np.isnan(q[0])
    assert q[1] == pytest.approx(0.95) and q[2] == pytest.approx(0.95)
    assert bh_fdr([]).shape == (0,)


def test_group_bootstrap_mean_and_ratio_known_values():
    values = np.array([1.0, 3.0, 10.0, 20.0, 30.0])
    groups = np.array(["a", "a", "b", "b", "b"])
    r = group_bootstrap(values, groups, ["a", "b", "c"], n_resamples=500, random_state=0)
    np.testing.assert_allclose(r["estimate"][:2], [2.0, 20.0])
    assert np.isnan(r["estimate"][2])
    assert r["n_articles"].tolist() == [2, 3, 0]
    # resampled means of group a lie in [1, 3]
    assert 1.0 <= r["ci_low"][0] <= 2.0 <= r["ci_high"][0] <= 3.0
    # ratio of sums: (1 + 3) / (2 + 2)
    r2 = group_bootstrap(
        values, groups, ["a"], denom=np.array([2.0, 2.0, 1, 1, 1]), n_resamples=10, random_state=0
    )
    assert r2["estimate"][0] == pytest.approx(1.0)


def test_group_bootstrap_rests_on_one_article_has_no_interval():
    r = group_bootstrap(
        np.array([5.0, 1.0, 2.0]),
        np.array(["a", "b", "b"]),
        ["a", "b"],
        n_resamples=100,
        random_state=0,
    )
    assert r["estimate"][0] == 5.0
    assert np.isnan(r["ci_low"][0]) and np.isnan(r["ci_high"][0])
    assert not np.isnan(r["ci_low"][1])


def test_group_bootstrap_sparse_equals_dense_and_is_deterministic():
    rng = np.random.default_rng(1)
    X = sp.random(40, 7, density=0.3, random_state=2, format="csr")
    groups = rng.choice(["x", "y"], size=40)
    a = group_bootstrap(X, groups, ["x", "y"], denom=np.ones(40), n_resamples=200, random_state=3)
    b = group_bootstrap(
        X.toarray(), groups, ["x", "y"], denom=np.ones((40, 1)), n_resamples=200, random_state=3
    )
    for key in ("estimate", "ci_low", "ci_high"):
        np.testing.assert_allclose(a[key], b[key])


def test_permutation_pvalue_matches_anova_and_holds_level():
    rng = np.random.default_rng(0)
    groups = np.repeat(["a", "b", "c"], 15)
    v = rng.normal(size=45)
    p = permutation_pvalue(v, groups, ["a", "b", "c"], n_resamples=2000, random_state=0)[0]
    f_p = stats.f_oneway(v[:15], v[15:30], v[30:]).pvalue
    assert abs(p - f_p) < 0.05
    shifted = v + np.repeat([0, 0, 2.0], 15)
    assert permutation_pvalue(shifted, groups, ["a", "b", "c"], n_resamples=999, random_state=0)[
        0
    ] == pytest.approx(0.001)
    # under the null about 5% of p-values fall below 0.05
    ps = [
        permutation_pvalue(
            rng.normal(size=30),
            np.repeat(["a", "b"], 15),
            ["a", "b"],
            n_resamples=199,
            random_state=i,
        )[0]
        for i in range(400)
    ]
    assert 0.02 <= np.mean(np.array(ps) < 0.05) <= 0.09


def test_bad_arguments():
    with pytest.raises(ValueError, match="value for `ci` must be between 0 and 1"):
        group_bootstrap(np.ones(3), np.array(["a"] * 3), ["a"], ci=95)
    with pytest.raises(ValueError, match="n_resamples"):
        group_bootstrap(np.ones(3), np.array(["a"] * 3), ["a"], n_resamples=-1)
    with pytest.raises(TypeError, match="random_state"):
        check_random_state("seed")
