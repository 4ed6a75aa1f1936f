import gzip
import json

import numpy as np
import pandas as pd
import pytest
from sklearn.base import clone
from sklearn.exceptions import NotFittedError
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.model_selection import GridSearchCV, KFold, StratifiedKFold, cross_val_predict

import framing
from framing import load_corpus
from framing._nlp.text import tokenize
from framing.lexicons import load_lexicon
from framing.measures import _text_features as tf
from framing.measures import classifier as clf_module
from framing.measures._classifier_frames import (
    CLASSIFIER_ARTICLE_COLUMNS,
    CLASSIFIER_GROUP_COLUMNS,
    CLASSIFIER_MENTION_COLUMNS,
    CLASSIFIER_SENTENCE_COLUMNS,
)
from framing.measures.classifier import FrameClassifier
from framing.measures.frames import frames
from framing.measures.reliability import reliability
from tests.conftest import needs_shared_data

ECONOMIC = [
    "Taxes and jobs dominate the budget debate.",
    "Prices rose while wages fell again.",
    "The economy lost jobs as costs grew.",
    "Investors fear the market will slump.",
    "Unemployment climbed and spending dropped.",
    "The tariff raised the price of imported goods.",
    "Firms cut wages to save money.",
    "Inflation erodes the savings of workers.",
]
LEGAL = [
    "The court ruled the law unconstitutional.",
    "Judges blocked the order in court.",
    "A lawsuit challenges the statute.",
    "The appeal reached the supreme court.",
    "Lawyers argued the ruling violates the constitution.",
    "The judge dismissed the case on procedural grounds.",
    "Prosecutors filed charges in federal court.",
    "The verdict was overturned on appeal.",
]
HEALTH = [
    "Hospitals treated hundreds of patients with the virus.",
    "Doctors warned the disease spreads quickly.",
    "The vaccine protects children from illness.",
    "Nurses are exhausted after treating patients.",
    "Patients waited hours for medical care.",
    "The outbreak infected thousands of people.",
    "Health officials urged people to get vaccinated.",
    "The clinic ran out of medicine for the sick.",
]
TEXTS = ECONOMIC + LEGAL + HEALTH
LABELS = ["economic"] * 8 + ["legal"] * 8 + ["health"] * 8


@pytest.fixture(scope="module")
def fitted():
    return FrameClassifier(random_state=0).fit(TEXTS, LABELS)


def _multi():
    y = [[lab] for lab in LABELS]
    # a few texts with two frames
    extra = [
        ("The court ruled the tax unconstitutional and prices fell.", ["economic", "legal"]),
        ("Hospitals sued the state over unpaid medical bills.", ["health", "legal"]),
        ("The virus cost the economy millions of jobs.", ["economic", "health"]),
        ("A judge ordered the clinic to reopen for patients.", ["health", "legal"]),
        ("Nothing much happened at the ceremony.", []),
        ("The parade went down the main street.", []),
    ]
    return TEXTS + [t for t, _ in extra], y + [labs for _, labs in extra]


# -- the estimator contract ---------------------------------------------------------


def test_init_only_assigns_and_bad_params_fail_in_fit():
    bad = FrameClassifier(C=-1, ngram_range=(2, 1), class_weight="weird", cv=1)
    assert bad.get_params()["C"] == -1
    with pytest.raises(ValueError, match="ngram_range"):
        bad.fit(TEXTS, LABELS)
    for params, msg in [
        ({"C": -1}, "C must be"),
        ({"class_weight": "weird"}, "class_weight"),
        ({"cv": 1}, "cv must be"),
        ({"subwords": (0, 3)}, "subwords"),
        ({"min_df": 0}, "min_df"),
        ({"max_df": 1.5}, "max_df"),
        ({"dictionary_weight": -0.1}, "dictionary_weight"),
    ]:
        with pytest.raises(ValueError, match=msg):
            FrameClassifier(**params).fit(TEXTS, LABELS)


def test_clone_get_set_params(fitted):
    c = clone(fitted)
    assert c.get_params() == fitted.get_params()
    assert not hasattr(c, "coef_")
    c.set_params(C=1.0, subwords=None)
    assert c.C == 1.0 and c.subwords is None


def test_not_fitted_errors():
    clf = FrameClassifier()
    for method in (clf.predict, clf.predict_proba, clf.decision_function):
        with pytest.raises(NotFittedError):
            method(["text"])
    with pytest.raises(NotFittedError):
        clf.save("never.json")


def test_single_label_outputs(fitted):
    assert fitted.classes_.tolist() == ["economic", "health", "legal"]
    new = [
        "Wages and prices keep rising.",
        "The supreme court heard the appeal.",
        "Patients filled the hospital.",
    ]
    pred = fitted.predict(new)
    assert pred.tolist() == ["economic", "legal", "health"]
    proba = fitted.predict_proba(new)
    assert proba.shape == (3, 3)
    np.testing.assert_allclose(proba.sum(axis=1), 1.0)
    assert (proba.argmax(axis=1) == [0, 2, 1]).all()
    assert fitted.decision_function(new).shape == (3, 3)
    assert not fitted.multilabel_ and fitted.thresholds_ is None
    assert fitted.C_ in clf_module.C_GRID
    assert 0 <= fitted.cv_score_ <= 1
    assert fitted.n_samples_fit_ == 24
    assert fitted.score(new, ["economic", "legal", "health"]) == 1.0


def test_integer_labels_keep_their_type():
    y = [1] * 8 + [5] * 8 + [9] * 8
    clf = FrameClassifier(random_state=0, C=0.3).fit(TEXTS, y)
    assert clf.classes_.tolist() == [1, 5, 9]
    assert clf.predict(["The court ruled."])[0] == 5


def test_multilabel_lists():
    texts, y = _multi()
    clf = FrameClassifier(random_state=0).fit(texts, y)
    assert clf.multilabel_
    assert clf.classes_.tolist() == ["economic", "health", "legal"]
    pred = clf.predict(["The court fined the hospital for overcharging patients.", "Prices rose."])
    assert isinstance(pred, np.ndarray) and pred.dtype == object and len(pred) == 2
    assert all(isinstance(p, list) for p in pred)
    assert "economic" in pred[1]
    proba = clf.predict_proba(["Prices rose."])
    assert proba.shape == (1, 3) and ((proba >= 0) & (proba <= 1)).all()
    assert clf.thresholds_.shape == (3,)


def test_multilabel_indicator_dataframe_keeps_its_form():
    texts, y = _multi()
    labels = ["economic", "health", "legal"]
    Y = pd.DataFrame([[int(lab in row) for lab in labels] for row in y], columns=labels)
    clf = FrameClassifier(random_state=0).fit(texts, Y)
    assert clf.classes_.tolist() == labels
    pred = clf.predict(texts[:3])
    assert pred.shape == (3, 3) and set(np.unique(pred)) <= {0, 1}


def test_cross_val_predict_and_grid_search():
    y = np.array(LABELS)
    pred = cross_val_predict(
        FrameClassifier(random_state=0),
        TEXTS,
        y,
        cv=StratifiedKFold(4, shuffle=True, random_state=0),
    )
    assert pred.shape == y.shape
    assert (pred == y).mean() > 0.5  # chance: 1/3; 6 training texts per frame
    proba = cross_val_predict(
        FrameClassifier(random_state=0, C=0.3), TEXTS, y, cv=4, method="predict_proba"
    )
    assert proba.shape == (24, 3)
    texts, lists = _multi()
    pred = cross_val_predict(
        FrameClassifier(random_state=0, C=0.3),
        texts,
        lists,
        cv=KFold(3, shuffle=True, random_state=0),
    )
    assert len(pred) == len(lists) and all(isinstance(p, list) for p in pred)
    search = GridSearchCV(
        FrameClassifier(random_state=0), {"C": [0.1, 1.0], "subwords": [None, (3, 5)]}, cv=3
    ).fit(TEXTS, y)
    assert search.best_params_["C"] in (0.1, 1.0)
    assert search.best_estimator_.predict(["The judge ruled."])[0] == "legal"


def test_reproducible(fitted):
    again = FrameClassifier(random_state=0).fit(TEXTS, LABELS)
    np.testing.assert_array_equal(again.coef_, fitted.coef_)
    np.testing.assert_array_equal(again.predict_proba(TEXTS), fitted.predict_proba(TEXTS))


def test_dual_and_primal_solvers_agree(monkeypatch, fitted):
    monkeypatch.setattr(clf_module, "_KERNEL_MAX", 0)  # force liblinear
    primal = FrameClassifier(random_state=0, C=fitted.C_).fit(TEXTS, LABELS)
    a = fitted.decision_function(TEXTS).ravel()
    b = primal.decision_function(TEXTS).ravel()
    assert np.corrcoef(a, b)[0, 1] > 0.99
    assert (primal.predict(TEXTS) == fitted.predict(TEXTS)).mean() > 0.95


def test_subwords_carry_unseen_inflections():
    texts = [
        "They deported the family.",
        "Deportation flights resumed.",
        "The deportee was returned.",
        "The band played music.",
        "Music filled the hall.",
        "The musicians played songs.",
    ] * 2
    y = ["migration"] * 3 + ["culture"] * 3
    y = y * 2
    clf = FrameClassifier(dictionary=None, random_state=0, C=1.0, min_df=1).fit(texts, y)
    # "deportations" and "musical" never occur in training
    assert clf.predict(["More deportations.", "A musical evening."]).tolist() == [
        "migration",
        "culture",
    ]


def test_feature_weights(fitted):
    w = fitted.feature_weights(top_n=5)
    assert list(w.columns) == ["label", "feature", "block", "weight"]
    assert len(w) == 15
    assert set(w["block"]) <= {"ngram", "subword", "dictionary"}
    top_econ = w[w["label"] == "economic"]
    assert top_econ["weight"].is_monotonic_decreasing
    words = fitted.feature_weights(top_n=3, block="ngram")
    assert set(words["block"]) == {"ngram"} and len(words) == 9
    assert set(words.loc[words["label"] == "legal", "feature"]) & {
        "court",
        "appeal",
        "judge",
        "the court",
    }
    with pytest.raises(ValueError, match="block must be one of"):
        fitted.feature_weights(block="words")


# -- features: known answers ----------------------------------------------------------


def test_ngram_block_equals_scikit_learn_tfidf():
    docs = TEXTS
    toks = tf.tokenize_all(docs)
    ours = tf.NgramTfidf((1, 2), min_df=2, max_df=0.5).fit(toks)

    def analyzer(text):
        t = tokenize(text)
        return t + [" ".join(p) for p in zip(t, t[1:])]

    ref = TfidfVectorizer(analyzer=analyzer, sublinear_tf=True, min_df=2, max_df=0.5).fit(docs)
    assert sorted(ours.vocabulary) == sorted(ref.vocabulary_)
    order = [ours.vocabulary[t] for t in ref.get_feature_names_out()]
    np.testing.assert_allclose(
        ours.transform(toks)[:, order].toarray(), ref.transform(docs).toarray(), atol=1e-12
    )
    # fit_transform gives what fit then transform gives
    np.testing.assert_allclose(
        tf.NgramTfidf((1, 2), 2, 0.5).fit_transform(toks).toarray(), ours.transform(toks).toarray()
    )


def test_subword_block_equals_scikit_learn_on_the_same_grams():
    toks = tf.tokenize_all(TEXTS)
    ours = tf.SubwordTfidf((3, 5), min_df=2).fit(toks)

    def analyzer(text):
        return [g for w in tokenize(text) for g in tf._char_grams(w, 3, 5)]

    ref = TfidfVectorizer(analyzer=analyzer, sublinear_tf=True, min_df=2).fit(TEXTS)
    assert sorted(ours.vocabulary) == sorted(ref.vocabulary_)
    order = [ours.vocabulary[t] for t in ref.get_feature_names_out()]
    new = ["Unseen deportations and musicians.", ""]
    np.testing.assert_allclose(
        ours.transform(tf.tokenize_all(new))[:, order].toarray(),
        ref.transform(new).toarray(),
        atol=1e-12,
    )


def test_dictionary_block_known_answer():
    table = pd.DataFrame(
        {
            "term": ["tax", "court", "judge", "budget"],
            "category": ["econ", "law", "law", "econ"],
            "weight": [1, 1, 0.5, 1],
        }
    )
    block = tf.DictionaryScores(table)
    raw = block.raw(
        tf.tokenize_all(["Taxes, the budget and the court.", "A judge and a judge.", "Nothing."])
    )
    # econ: tax(es) + budget = 2; law: court = 1 | law: 0.5 + 0.5 | nothing
    np.testing.assert_allclose(raw, np.log1p([[2, 1], [0, 1], [0, 0]]))


# -- saving -------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["model.json", "model.json.gz"])
def test_save_and_load_round_trip(tmp_path, fitted, name):
    path = fitted.save(tmp_path / name)
    raw = path.read_bytes()
    doc = json.loads(gzip.decompress(raw) if name.endswith(".gz") else raw)
    assert doc["framing_version"] == framing.__version__
    assert doc["labels"] == ["economic", "health", "legal"]
    back = FrameClassifier.load(path)
    assert back.get_params() == fitted.get_params()
    assert (back.n_samples_fit_, back.C_, back.cv_score_) == (
        fitted.n_samples_fit_,
        fitted.C_,
        fitted.cv_score_,
    )
    np.testing.assert_array_equal(back.predict_proba(TEXTS), fitted.predict_proba(TEXTS))
    np.testing.assert_array_equal(back.predict(TEXTS), fitted.predict(TEXTS))
    back = FrameClassifier.load(path, labels=["legal", "health", "economic"])
    assert back.classes_.tolist() == fitted.classes_.tolist()


def test_save_and_load_multilabel_with_custom_dictionary(tmp_path):
    texts, y = _multi()
    lex = load_lexicon("frames_mfc")
    lex = lex[lex["category"].isin(["economic", "legality", "health_and_safety"])]
    clf = FrameClassifier(dictionary=lex, random_state=0, C=0.3).fit(texts, y)
    back = FrameClassifier.load(clf.save(tmp_path / "m.json"))
    pd.testing.assert_frame_equal(back.dictionary.reset_index(drop=True), clf.dictionary_.table)
    np.testing.assert_array_equal(back.predict_proba(texts), clf.predict_proba(texts))
    assert [list(p) for p in back.predict(texts)] == [list(p) for p in clf.predict(texts)]


def test_load_errors(tmp_path, fitted):
    path = fitted.save(tmp_path / "m.json")
    with pytest.raises(
        ValueError,
        match=r"trained on the labels \['economic', 'health', 'legal'\].*missing \['security'\]",
    ):
        FrameClassifier.load(path, labels=["economic", "legal", "security"])
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    with pytest.raises(ValueError, match="not a readable FrameClassifier file"):
        FrameClassifier.load(bad)
    bad.write_text(json.dumps({"hello": 1}))
    with pytest.raises(ValueError, match="not a FrameClassifier file"):
        FrameClassifier.load(bad)
    doc = json.loads(path.read_text())
    doc["format_version"] = 99
    bad.write_text(json.dumps(doc))
    with pytest.raises(ValueError, match="format version 99"):
        FrameClassifier.load(bad)
    doc = json.loads(path.read_text())
    doc["coef"]["shape"] = [2, 5]
    bad.write_text(json.dumps(doc))
    with pytest.raises(ValueError, match="damaged FrameClassifier file"):
        FrameClassifier.load(bad)
    doc = json.loads(path.read_text())
    del doc["ngrams"]
    bad.write_text(json.dumps(doc))
    with pytest.raises(ValueError, match="damaged FrameClassifier file"):
        FrameClassifier.load(bad)


# -- input errors -------------------------------------------------------------------


@pytest.mark.parametrize(
    "X, y, exc, msg",
    [
        ("one text", ["a"], TypeError, "single string"),
        (TEXTS, LABELS[:-1], ValueError, "23 entries for 24 texts"),
        (TEXTS[:-1] + [None], LABELS, TypeError, r"X\[23\] is NoneType"),
        (TEXTS, LABELS[:-1] + [None], ValueError, r"y\[23\] is missing"),
        (TEXTS, ["a"] * 24, ValueError, "single label"),
        (TEXTS, LABELS[:-1] + ["rare"], ValueError, "'rare' is given to only 1 text"),
        (TEXTS, [["a"]] + LABELS[1:], ValueError, "mixes single labels and lists"),
        (TEXTS, [["a"]] * 24, ValueError, "frame 'a' is given to 24 of 24 texts"),
        (TEXTS[:3], LABELS[:3], ValueError, "at least 4 coded texts"),
        (TEXTS, np.full((24, 2), 2), ValueError, "is not 0/1"),
        (pd.DataFrame({"text": TEXTS}), LABELS, TypeError, "DataFrame"),
    ],
)
def test_fit_errors(X, y, exc, msg):
    with pytest.raises(exc, match=msg):
        FrameClassifier().fit(X, y)


# -- frames(corpus, classifier=...) ------------------------------------------------------


@pytest.fixture(scope="module")
def corpus():
    rows = []
    for i in range(4):
        rows.append(
            {
                "outlet": "Ledger",
                "title": "Prices and jobs",
                "text": f"{ECONOMIC[i]} {ECONOMIC[i + 4]}\n\n{LEGAL[i]}",
            }
        )
        rows.append(
            {
                "outlet": "Clinic Post",
                "title": "Hospitals full",
                "text": f"{HEALTH[i]} {HEALTH[i + 4]}\n\n{LEGAL[i + 4]}",
            }
        )
    return load_corpus(rows)


def test_frames_with_a_classifier_group(corpus, fitted):
    g = frames(corpus, classifier=fitted, random_state=0, n_resamples=200)
    assert list(g.columns) == ["outlet", *CLASSIFIER_GROUP_COLUMNS]
    assert g["frame"].tolist() == ["economic", "health", "legal"] * 2
    est = g.set_index(["outlet", "frame"])["estimate"]
    assert est["Ledger", "economic"] > est["Clinic Post", "economic"]
    assert est["Clinic Post", "health"] > est["Ledger", "health"]
    # the expected shares of the units sum to one per article, so per outlet too
    np.testing.assert_allclose(g.groupby("outlet")["estimate"].sum(), 1.0)
    assert (g["ci_low"] <= g["estimate"]).all() and (g["estimate"] <= g["ci_high"]).all()
    assert g.loc[g["frame"] == "health", "p_value"].iloc[0] < 0.05
    again = frames(corpus, classifier=fitted, random_state=0, n_resamples=200)
    pd.testing.assert_frame_equal(g, again)


@pytest.mark.parametrize(
    "unit, n_units", [("sentence", 4 * 8), ("paragraph", 3 * 8), ("article", 8)]
)
def test_frames_with_a_classifier_units(corpus, fitted, unit, n_units):
    a = frames(corpus, classifier=fitted, unit=unit, level="article")
    assert list(a.columns) == list(CLASSIFIER_ARTICLE_COLUMNS)
    per_article = a.drop_duplicates("doc_id")
    assert per_article["n_units"].sum() == n_units
    assert (a.groupby("doc_id")["dominant"].sum() == 1).all()
    np.testing.assert_allclose(a.groupby("doc_id")["share"].sum(), 1.0)
    np.testing.assert_allclose(a.groupby("doc_id")["predicted_share"].sum(), 1.0)
    assert (a["units"] == np.round(a["predicted_share"] * a["n_units"])).all()


def test_frames_with_a_classifier_sentences_and_evidence(corpus, fitted):
    s = frames(corpus, classifier=fitted, level="sentence")
    assert list(s.columns) == list(CLASSIFIER_SENTENCE_COLUMNS)
    assert len(s) == 3 * len(corpus.sentences())
    assert (s.groupby(["doc_id", "sent_id"])["evoked"].sum() == 1).all()
    m = frames(corpus, classifier=fitted, level="mention")
    assert list(m.columns) == list(CLASSIFIER_MENTION_COLUMNS)
    assert len(m) == len(corpus.sentences())
    for (_, _), part in m.groupby(["outlet", "frame"], sort=False):
        assert part["probability"].is_monotonic_decreasing
        assert part["rank"].tolist() == list(range(1, len(part) + 1))
    top = m[(m["outlet"] == "Clinic Post") & (m["frame"] == "health") & (m["rank"] == 1)]
    assert top["sentence"].iloc[0] in " ".join(HEALTH)
    by = frames(corpus, classifier=fitted, level="mention", by="doc_id")
    assert list(by.columns) == list(CLASSIFIER_MENTION_COLUMNS)
    assert (by.groupby(["doc_id", "frame"])["rank"].min() == 1).all()


def test_frames_with_a_classifier_errors(corpus, fitted):
    with pytest.raises(ValueError, match="either a dictionary or a classifier"):
        frames(corpus, {"x": ["tax"]}, classifier=fitted)
    with pytest.raises(ValueError, match="applies to a classifier"):
        frames(corpus, unit="article")
    with pytest.raises(ValueError, match="not fitted"):
        frames(corpus, classifier=FrameClassifier())
    with pytest.raises(TypeError, match="fitted framing FrameClassifier"):
        frames(corpus, classifier="model.json")
    with pytest.raises(ValueError, match="unit must be one of"):
        frames(corpus, classifier=fitted, unit="word")


def test_model_against_human_coding_with_reliability(fitted):
    human = ["economic", "legal", "health", "legal"]
    texts = ["Wages fell.", "The judge ruled.", "Patients waited.", "The tax cut passed."]
    r = reliability(human, fitted.predict(texts).tolist(), n_resamples=0)
    assert r.loc[0, "n_units"] == 4
    assert 0 <= r.loc[0, "agreement"] <= 1


# -- on human-coded real data ----------------------------------------------------------


@needs_shared_data
def test_frac_beats_tfidf_logistic_regression_by_a_margin():
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import f1_score
    from sklearn.pipeline import make_pipeline

    from tests.frames_data import frac_sentences

    f = frac_sentences()
    X, y = f["sentence"].tolist(), f["label"].to_numpy()
    cv = StratifiedKFold(5, shuffle=True, random_state=0)
    ours = cross_val_predict(FrameClassifier(random_state=0), X, y, cv=cv)
    base = cross_val_predict(
        make_pipeline(TfidfVectorizer(), LogisticRegression(max_iter=1000)), X, y, cv=cv
    )
    ours_f1, base_f1 = f1_score(y, ours, average="macro"), f1_score(y, base, average="macro")
    assert ours_f1 >= base_f1 + 0.05
    assert ours_f1 > 0.65
