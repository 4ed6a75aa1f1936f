import numpy as np
import pandas as pd
import pytest

from framing.measures.reliability import RELIABILITY_COLUMNS, reliability

krippendorff = pytest.importorskip("krippendorff")

# Krippendorff (2011), "Computing Krippendorff's alpha-reliability", section C:
# nominal data, four observers, twelve units, missing values.
KRIPPENDORFF_2011 = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
    [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
]


def _reference(codings):
    data = np.array([[np.nan if v is None else v for v in c] for c in codings], dtype=float)
    return krippendorff.alpha(reliability_data=data, level_of_measurement="nominal")


def test_worked_example_of_krippendorff_2011():
    r = reliability(*KRIPPENDORFF_2011, n_resamples=0)
    assert list(r.columns) == list(RELIABILITY_COLUMNS)
    assert len(r) == 1
    row = r.iloc[0]
    assert row["label"] is None
    # the paper: alpha = 1 - (n - 1) * (sum of off-diagonal coincidences) / ... = 0.743
    assert row["alpha"] == pytest.approx(0.743, abs=5e-4)
    assert row["alpha"] == pytest.approx(0.743421052631579, abs=1e-12)
    # unit 12 has a single value and is not pairable
    assert row["n_units"] == 11
    assert row["n_values"] == 40
    assert row["n_coders"] == 4
    assert np.isnan(row["ci_low"]) and np.isnan(row["ci_high"])


def test_hand_computed_two_coders():
    # coincidences: o11 = 2, o22 = 4, o12 = o21 = 1; n1 = 3, n2 = 5, n = 8
    # alpha = 1 - (n - 1) * 2 / (2 * n1 * n2) = 1 - 14 / 30
    r = reliability([1, 1, 2, 2], [1, 2, 2, 2], n_resamples=0)
    assert r.loc[0, "alpha"] == pytest.approx(1 - 14 / 30)
    assert r.loc[0, "agreement"] == pytest.approx(0.75)


def test_percent_agreement_counts_pairs_of_coders():
    # unit 1: 3 coders agree (3 of 3 pairs); unit 2: two of three agree (1 of 3 pairs)
    r = reliability(["x", "y"], ["x", "y"], ["x", "z"], n_resamples=0)
    assert r.loc[0, "agreement"] == pytest.approx(4 / 6)


@pytest.mark.parametrize("seed", range(12))
def test_matches_the_krippendorff_package_on_random_codings(seed):
    rng = np.random.default_rng(seed)
    n_coders = int(rng.integers(2, 6))
    n_units = int(rng.integers(5, 60))
    n_values = int(rng.integers(2, 6))
    truth = rng.integers(0, n_values, n_units)
    codings = []
    for _ in range(n_coders):
        c = np.where(rng.random(n_units) < 0.7, truth, rng.integers(0, n_values, n_units))
        codings.append([None if rng.random() < 0.2 else int(v) for v in c])
    ours = reliability(*codings, n_resamples=0).loc[0, "alpha"]
    ref = _reference(codings)
    if np.isnan(ref):
        assert np.isnan(ours)
    else:
        assert ours == pytest.approx(ref, abs=1e-10)


@pytest.mark.parametrize("seed", range(5))
def test_multilabel_rows_are_binary_alphas(seed):
    rng = np.random.default_rng(seed)
    labels = ["economic", "legality", "morality"]
    n_units = 40
    truth = rng.random((n_units, 3)) < 0.4
    codings = []
    for _ in range(3):
        noisy = truth ^ (rng.random((n_units, 3)) < 0.15)
        coding = [[lab for lab, on in zip(labels, row) if on] for row in noisy]
        coding[int(rng.integers(n_units))] = None  # a unit this coder skipped
        codings.append(coding)
    r = reliability(*codings, n_resamples=0)
    assert r["label"].tolist() == labels
    for j, lab in enumerate(labels):
        binary = [[None if c is None else int(lab in c) for c in coding] for coding in codings]
        assert r.loc[j, "alpha"] == pytest.approx(_reference(binary), abs=1e-10)
        values = [v for b in binary for v in b if v is not None]
        assert r.loc[j, "prevalence"] == pytest.approx(np.mean(values))


def test_empty_list_is_a_coded_unit_and_none_is_missing():
    a = [["x"], [], None]
    b = [["x"], ["x"], ["x"]]
    r = reliability(a, b, n_resamples=0)
    assert r.loc[0, "n_units"] == 2
    assert r.loc[0, "agreement"] == pytest.approx(0.5)


def test_labels_fix_the_rows_and_unused_labels_give_nan():
    r = reliability([["b"], ["a"]], [["b"], ["a"]], labels=["b", "a", "c"], n_resamples=0)
    assert r["label"].tolist() == ["b", "a", "c"]
    assert r.loc[0, "alpha"] == pytest.approx(1.0)
    assert np.isnan(r.loc[2, "alpha"])
    assert r.loc[2, "agreement"] == pytest.approx(1.0)


def test_per_label_rows_for_a_single_label_coding():
    a = ["econ", "law", "law", "econ", "moral", "law"]
    b = ["econ", "law", "econ", "econ", "moral", "moral"]
    r = reliability(a, b, per_label=True, n_resamples=0)
    assert r["label"].tolist() == [None, "econ", "law", "moral"]
    law = [[int(v == "law") for v in a], [int(v == "law") for v in b]]
    assert r.loc[2, "alpha"] == pytest.approx(_reference(law))


def test_series_are_aligned_on_their_index():
    human = pd.Series(["a", "b", "a"], index=["d3", "d1", "d2"])
    model = pd.Series(["b", "a", "a", "b"], index=["d1", "d2", "d3", "d4"])
    r = reliability(human, model, n_resamples=0)
    assert r.loc[0, "n_units"] == 3  # d4 has one value only
    assert r.loc[0, "agreement"] == pytest.approx(1.0)


def test_dataframe_of_coders():
    df = pd.DataFrame(np.array(KRIPPENDORFF_2011, dtype=object).T, columns=list("ABCD"))
    r = reliability(df, n_resamples=0)
    assert r.loc[0, "alpha"] == pytest.approx(0.743421052631579)


def test_no_variation_gives_nan_alpha():
    r = reliability(["a", "a", "a"], ["a", "a", "a"], n_resamples=0)
    assert np.isnan(r.loc[0, "alpha"])
    assert r.loc[0, "agreement"] == 1.0


def test_bootstrap_interval_is_reproducible_and_brackets_alpha():
    rng = np.random.default_rng(3)
    truth = rng.integers(0, 4, 200)
    a = np.where(rng.random(200) < 0.8, truth, rng.integers(0, 4, 200)).tolist()
    b = np.where(rng.random(200) < 0.8, truth, rng.integers(0, 4, 200)).tolist()
    r1 = reliability(a, b, random_state=7)
    r2 = reliability(a, b, random_state=7)
    pd.testing.assert_frame_equal(r1, r2)
    row = r1.iloc[0]
    assert row["ci_low"] < row["alpha"] < row["ci_high"]
    assert 0.05 < row["ci_high"] - row["ci_low"] < 0.3
    r3 = reliability(a, b, random_state=8)
    assert r3.loc[0, "ci_low"] != row["ci_low"]


def test_errors():
    with pytest.raises(ValueError, match="at least two codings"):
        reliability([1, 2])
    with pytest.raises(ValueError, match="lengths differ"):
        reliability([1, 2], [1, 2, 3])
    with pytest.raises(ValueError, match="mixes single labels and lists"):
        reliability(["a", ["b"]], ["a", "b"])
    with pytest.raises(TypeError, match="must be a sequence"):
        reliability("abc", "abd")
    with pytest.raises(ValueError, match="more than once"):
        reliability(pd.Series([1, 2], index=["x", "x"]), pd.Series([1, 2], index=["x", "y"]))
    with pytest.raises(ValueError, match="n_resamples"):
        reliability([1, 2], [1, 2], n_resamples=-1)
    with pytest.raises(ValueError, match="not a usable label"):
        reliability([[["nested"]]], [[["nested"]]])
