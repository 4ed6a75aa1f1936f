"""A frame classifier trained on the researcher's own coding.

:class:`FrameClassifier` learns frames from texts coded by hand (one frame
per text, or a list of frames per text) and applies them to new texts. It is
a scikit-learn estimator, so it can be cross-validated against the coders
(:func:`sklearn.model_selection.cross_val_predict`), tuned
(:class:`~sklearn.model_selection.GridSearchCV`) and compared with the humans
with :func:`framing.measures.reliability.reliability`.
:func:`framing.frames` applies a fitted classifier to a corpus
(``frames(corpus, classifier=clf)``).
"""

from __future__ import annotations

import warnings
from collections.abc import Hashable, Sequence
from pathlib import Path

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score
from sklearn.model_selection import KFold, StratifiedKFold
from sklearn.svm import SVC, LinearSVC
from sklearn.utils import check_random_state
from sklearn.utils.validation import check_is_fitted

from ._classifier_frames import classifier_frames
from ._classifier_io import read, write
from ._text_features import DictionaryScores, NgramTfidf, SubwordTfidf, tokenize_all
from .frames import _dictionary_table

__all__ = ["FrameClassifier"]

#: Values of ``C`` tried by the internal cross-validation when ``C=None``.
C_GRID = (0.1, 0.3, 1.0)
#: Up to this many training texts the SVMs are solved through their Gram matrix.
_KERNEL_MAX = 5000


# -- inputs -----------------------------------------------------------------------


def _check_texts(X, where: str = "X") -> list[str]:
    if isinstance(X, (str, bytes)):
        raise TypeError(
            f"{where} must be a sequence of texts, got a single string; wrap it in a list"
        )
    if isinstance(X, pd.DataFrame):
        raise TypeError(
            f"{where} must be a sequence of texts (a list or a pandas Series of str), got a "
            "DataFrame; pass the text column, e.g. df['text']"
        )
    try:
        texts = list(X)
    except TypeError:
        raise TypeError(f"{where} must be a sequence of texts, got {type(X).__name__}") from None
    for i, t in enumerate(texts):
        if not isinstance(t, str):
            raise TypeError(
                f"{where}[{i}] is {type(t).__name__} ({t!r}), not a text; every item must be a "
                "str (use '' for an empty text)"
            )
    return texts


def _is_missing(v) -> bool:
    return v is None or (np.ndim(v) == 0 and isinstance(v, float) and np.isnan(v))


def _parse_y(y, n: int) -> tuple[str, np.ndarray, np.ndarray]:
    """(kind, classes, target): codes (n,) for labels, an indicator (n, k) otherwise."""
    if isinstance(y, pd.DataFrame) or (isinstance(y, np.ndarray) and y.ndim == 2):
        if isinstance(y, pd.DataFrame):
            classes = np.asarray(list(y.columns))
            values = y.to_numpy()
        else:
            values = np.asarray(y)
            classes = np.arange(values.shape[1])
        if values.shape[0] != n:
            raise ValueError(f"y has {values.shape[0]} rows for {n} texts")
        try:
            ind = values.astype(float)
        except (TypeError, ValueError):
            raise ValueError(
                "a 2-D y must be an indicator matrix (one column per frame, 1/True where the "
                "text has the frame, 0/False where it does not)"
            ) from None
        if np.isnan(ind).any() or not np.isin(ind, (0.0, 1.0)).all():
            bad = np.argwhere(np.isnan(ind) | ~np.isin(ind, (0.0, 1.0)))[0]
            raise ValueError(
                f"y row {bad[0]}, column {classes.tolist()[bad[1]]!r}: {np.asarray(values[bad[0], bad[1]]).tolist()!r} is not 0/1; "
                "an indicator y holds 0/False or 1/True only (drop texts that were not coded)"
            )
        return "indicator", classes, ind.astype(int)
    if isinstance(y, (str, bytes)):
        raise TypeError(
            "y must give one label (or one list of labels) per text, got a single string"
        )
    items = list(y.to_numpy(dtype=object) if isinstance(y, pd.Series) else y)
    if len(items) != n:
        raise ValueError(
            f"y has {len(items)} entries for {n} texts; give one label (or list) per text"
        )
    multi = [isinstance(v, (list, tuple, set, frozenset, np.ndarray)) for v in items]
    for i, v in enumerate(items):
        if not multi[i] and _is_missing(v):
            raise ValueError(
                f"y[{i}] is missing ({v!r}): every training text needs its coding; drop texts "
                "that were not coded (for multi-label coding an empty list means no frame)"
            )
    if any(multi) and not all(multi):
        i = multi.index(not multi[0])
        raise ValueError(
            f"y mixes single labels and lists of labels (y[0] is {items[0]!r}, y[{i}] is "
            f"{items[i]!r}); give every text one label, or every text a list of labels"
        )
    if all(multi) and n:
        sets = []
        for i, v in enumerate(items):
            labels = list(v)
            for lab in labels:
                if not isinstance(lab, Hashable) or _is_missing(lab):
                    raise ValueError(f"y[{i}] holds {lab!r}, which is not a usable label")
            sets.append(set(labels))
        classes = np.asarray(_sorted(set().union(*sets)))
        if len(classes) == 0:
            raise ValueError(
                "no text of y has a label; a multi-label coding needs at least one label"
            )
        index = {c: j for j, c in enumerate(classes.tolist())}
        ind = np.zeros((n, len(classes)), dtype=int)
        for i, s in enumerate(sets):
            ind[i, [index[c] for c in s]] = 1
        return "lists", classes, ind
    for i, v in enumerate(items):
        if not isinstance(v, Hashable):
            raise ValueError(f"y[{i}] is {v!r}, which is not a usable label")
    classes, codes = np.unique(np.asarray(items), return_inverse=True)
    return "labels", classes, codes.ravel()


def _sorted(values) -> list:
    values = list(values)
    try:
        return sorted(values)
    except TypeError:
        return sorted(values, key=lambda v: (type(v).__name__, str(v)))


def _best_threshold(scores: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """The cut on ``scores`` with the highest F1 for ``y`` (midpoint between values)."""
    order = np.argsort(-scores, kind="stable")
    s, t = scores[order], y[order]
    tp = np.cumsum(t)
    k = np.arange(1, len(s) + 1)
    f1 = 2 * tp / (k + t.sum())
    last = np.r_[s[1:] != s[:-1], True]  # only cut between distinct scores
    f1 = np.where(last, f1, -1.0)
    i = int(np.argmax(f1))
    below = s[i + 1] if i + 1 < len(s) else s[i] - 1.0
    return float((s[i] + below) / 2), float(max(f1[i], 0.0))


def _macro_f1(y: np.ndarray, pred: np.ndarray, k: int) -> float:
    f = []
    for c in range(k):
        tp = np.sum((pred == c) & (y == c))
        denom = np.sum(pred == c) + np.sum(y == c)
        f.append(2 * tp / denom if denom else 0.0)
    return float(np.mean(f))


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


# -- the estimator ------------------------------------------------------------------


class FrameClassifier(ClassifierMixin, BaseEstimator):
    """Frames learned from texts coded by hand.

    A linear classifier over three kinds of features: word and phrase
    TF-IDF (word n-grams), subword TF-IDF (character n-grams inside words,
    so that unseen inflections of known words count) and the scores of a
    frame dictionary (by default framing's Media Frames Corpus dictionary,
    which brings vocabulary that a few hundred coded texts cannot). Its
    decision scores are turned into calibrated probabilities, and for
    multi-label coding each frame gets its own decision threshold, both
    learned by internal cross-validation on the training texts.

    Parameters
    ----------
    dictionary : str, dict, pandas.DataFrame, path or None, default="mfc"
        Frame dictionary whose scores are features (anything
        :func:`framing.frames` accepts as ``dictionary``); None leaves them
        out. The dictionary is stored in the fitted model.
    ngram_range : tuple of int, default=(1, 2)
        Lengths of the word n-grams (1: words, 2: two-word phrases).
    subwords : tuple of int or None, default=(3, 5)
        Lengths of the character n-grams inside words; None leaves them out.
    min_df : int, default=2
        An n-gram or subword is a feature when it occurs in at least this
        many training texts.
    max_df : float, default=0.5
        ... and in at most this share of them (words such as "the" that
        occur almost everywhere say nothing about a frame).
    dictionary_weight : float, default=0.1
        Scale of the standardised dictionary scores relative to the TF-IDF
        blocks (whose rows have unit length).
    C : float or None, default=None
        Inverse regularisation strength of the linear model; None chooses it
        from (0.1, 0.3, 1.0) by internal cross-validation (macro-F1 for
        single-label coding, micro-F1 for multi-label coding).
    class_weight : {"balanced", None}, default="balanced"
        "balanced" weighs every frame equally however rare it is, in
        training and in :meth:`predict`; None follows the frames' frequencies.
    cv : int, default=5
        Folds of the internal cross-validation (fewer when a frame has fewer
        texts).
    random_state : None, int or numpy.random.RandomState, default=None
        Seed of the internal folds and of the solver; an int makes the fit
        reproducible.

    Attributes
    ----------
    classes_ : numpy.ndarray
        The frames, in the column order of :meth:`predict_proba`.
    multilabel_ : bool
        Whether ``y`` gave several frames per text.
    C_ : float
        The regularisation strength used.
    n_samples_fit_ : int
        Number of coded texts the classifier was trained on.
    thresholds_ : numpy.ndarray or None
        Multi-label: the probability above which :meth:`predict` gives each
        frame. None for single-label coding.
    cv_score_ : float
        Internal cross-validated macro-F1 (single-label) or micro-F1
        (multi-label) of the chosen ``C``. It is slightly optimistic (the same
        folds chose ``C`` and the thresholds); measure agreement with
        :func:`~sklearn.model_selection.cross_val_predict` and
        :func:`~framing.measures.reliability.reliability`.
    coef_ : numpy.ndarray, shape (n_classes, n_features)
        Weights of the linear model (one row per frame).
    intercept_ : numpy.ndarray, shape (n_classes,)
    prior_ : numpy.ndarray, shape (n_classes,)
        Share of the training texts with each frame.

    See Also
    --------
    framing.measures.reliability.reliability : Agreement with human coders.
    framing.frames : Apply a fitted classifier to a corpus.

    Notes
    -----
    *Model.* One linear support vector machine (hinge loss, L2 penalty) per
    frame, one-vs-rest, on the features above. Up to 5,000 training texts it
    is solved in its dual through the texts' Gram matrix (libsvm; Chang &
    Lin 2011), beyond that in the primal (liblinear; Fan et al. 2008); the
    fitted model is linear either way. Out-of-fold decision scores from
    the internal cross-validation are mapped to probabilities by a logistic
    regression (multinomial over the frames for single-label coding, one
    Platt (1999) sigmoid per frame for multi-label coding), fitted once and
    applied to the scores of the model trained on all texts.

    *Predictions.* Single-label: the frame with the highest decision score
    (with ``class_weight="balanced"`` the machines were trained to give rare
    frames the same chance as common ones, so this is not always the frame
    with the highest probability, which follows the frames' frequencies in
    the coding). Multi-label: every frame whose probability reaches its
    threshold, chosen to maximise that frame's F1 on the out-of-fold
    probabilities. :meth:`predict_proba` estimates how likely each frame is;
    average it to estimate how common a frame is.

    The vocabulary, idf weights and dictionary standardisation use no
    labels and are learned once from all training texts.

    References
    ----------
    .. [1] Chang, C.-C. and Lin, C.-J. (2011). LIBSVM: a library for support
       vector machines. ACM TIST 2(3), 27.
    .. [2] Fan, R.-E., Chang, K.-W., Hsieh, C.-J., Wang, X.-R. and Lin, C.-J.
       (2008). LIBLINEAR: A library for large linear classification. JMLR 9,
       1871-1874.
    .. [3] Platt, J. (1999). Probabilistic outputs for support vector
       machines. Advances in Large Margin Classifiers, 61-74.

    Examples
    --------
    >>> texts = ["Taxes and jobs dominate the budget debate.",
    ...          "The court ruled the law unconstitutional.",
    ...          "Prices rose and wages fell.",
    ...          "Judges blocked the order in court.",
    ...          "The economy lost jobs as costs grew.",
    ...          "A lawsuit challenges the statute."] * 2
    >>> y = ["economic", "legal", "economic", "legal", "economic", "legal"] * 2
    >>> clf = FrameClassifier(random_state=0).fit(texts, y)
    >>> clf.classes_.tolist()
    ['economic', 'legal']
    >>> clf.predict(["Unemployment and inflation hit the economy.", "An appeal to the supreme court."]).tolist()
    ['economic', 'legal']
    >>> clf.predict_proba(["Unemployment and inflation hit the economy."]).shape
    (1, 2)
    """

    def __init__(
        self,
        dictionary="mfc",
        *,
        ngram_range=(1, 2),
        subwords=(3, 5),
        min_df=2,
        max_df=0.5,
        dictionary_weight=0.1,
        C=None,
        class_weight="balanced",
        cv=5,
        random_state=None,
    ):
        self.dictionary = dictionary
        self.ngram_range = ngram_range
        self.subwords = subwords
        self.min_df = min_df
        self.max_df = max_df
        self.dictionary_weight = dictionary_weight
        self.C = C
        self.class_weight = class_weight
        self.cv = cv
        self.random_state = random_state

    # -- checks ---------------------------------------------------------------------

    def _check_params(self) -> None:
        def ngrams(value, name, allow_none):
            if value is None and allow_none:
                return
            ok = (
                isinstance(value, (tuple, list))
                and len(value) == 2
                and all(isinstance(v, (int, np.integer)) and not isinstance(v, bool) for v in value)
                and 1 <= value[0] <= value[1]
            )
            if not ok:
                raise ValueError(
                    f"{name} must be a pair (low, high) of integers with 1 <= low <= high"
                    f"{' or None' if allow_none else ''}; got {value!r}"
                )

        ngrams(self.ngram_range, "ngram_range", False)
        ngrams(self.subwords, "subwords", True)
        if not isinstance(self.min_df, (int, np.integer)) or self.min_df < 1:
            raise ValueError(f"min_df must be a positive integer, got {self.min_df!r}")
        if not (isinstance(self.max_df, (int, float)) and 0 < self.max_df <= 1):
            raise ValueError(f"max_df must be a share of the texts in (0, 1], got {self.max_df!r}")
        if not (isinstance(self.dictionary_weight, (int, float)) and self.dictionary_weight >= 0):
            raise ValueError(
                f"dictionary_weight must be a number >= 0, got {self.dictionary_weight!r}"
            )
        if self.C is not None and not (isinstance(self.C, (int, float)) and self.C > 0):
            raise ValueError(
                f"C must be a positive number or None (chosen by cross-validation), got {self.C!r}"
            )
        if self.class_weight not in ("balanced", None):
            raise ValueError(f"class_weight must be 'balanced' or None, got {self.class_weight!r}")
        if not isinstance(self.cv, (int, np.integer)) or isinstance(self.cv, bool) or self.cv < 2:
            raise ValueError(
                f"cv must be an integer >= 2 (internal cross-validation folds), got {self.cv!r}"
            )

    # -- features -------------------------------------------------------------------

    def _fit_features(self, tokens: list[list[str]]) -> sp.csr_matrix:
        self.ngrams_ = NgramTfidf(tuple(self.ngram_range), int(self.min_df), float(self.max_df))
        blocks = [self.ngrams_.fit_transform(tokens)]
        self.subwords_ = None
        if self.subwords:
            self.subwords_ = SubwordTfidf(
                tuple(self.subwords), int(self.min_df), float(self.max_df)
            )
            blocks.append(self.subwords_.fit_transform(tokens))
        self.dictionary_ = None
        if self.dictionary is not None:
            self.dictionary_ = DictionaryScores(_dictionary_table(self.dictionary))
            scores = self.dictionary_.fit_transform(tokens)
            blocks.append(sp.csr_matrix(scores * float(self.dictionary_weight)))
        return sp.csr_matrix(sp.hstack(blocks, format="csr"))

    def _features(self, tokens: list[list[str]]) -> sp.csr_matrix:
        blocks = [self.ngrams_.transform(tokens)]
        if self.subwords_ is not None:
            blocks.append(self.subwords_.transform(tokens))
        if self.dictionary_ is not None:
            blocks.append(
                sp.csr_matrix(self.dictionary_.transform(tokens) * float(self.dictionary_weight))
            )
        return sp.csr_matrix(sp.hstack(blocks, format="csr"))

    def _feature_names(self) -> tuple[list[str], list[str]]:
        names, blocks = [], []
        words = sorted(self.ngrams_.vocabulary, key=self.ngrams_.vocabulary.get)
        names += words
        blocks += ["ngram"] * len(words)
        if self.subwords_ is not None:
            grams = sorted(self.subwords_.vocabulary, key=self.subwords_.vocabulary.get)
            names += grams
            blocks += ["subword"] * len(grams)
        if self.dictionary_ is not None:
            names += list(self.dictionary_.frames)
            blocks += ["dictionary"] * len(self.dictionary_.frames)
        return names, blocks

    # -- fitting --------------------------------------------------------------------

    def _linear_fit(
        self, F, K: np.ndarray | None, target: np.ndarray, C: float, seed: int
    ) -> tuple[np.ndarray, np.ndarray]:
        """(coef (k, p), intercept (k,)): one SVM per column of the indicator ``target``.

        With the Gram matrix ``K = F F'`` of the rows of ``F`` the machines
        are solved in their dual by libsvm, which is much faster than the
        primal when there are fewer texts than features; the weights are
        then recovered as ``coef = dual_coef @ F[support]``. Without ``K``
        (many texts) liblinear solves the same hinge-loss problem.
        """
        k = target.shape[1]
        coef = np.zeros((k, F.shape[1]))
        intercept = np.zeros(k)
        for j in range(k):
            t = target[:, j]
            if t.min() == t.max():  # a fold without one of the two classes
                intercept[j] = 1.0 if t[0] else -1.0
                continue
            if K is not None:
                m = SVC(C=C, kernel="precomputed", class_weight=self.class_weight).fit(K, t)
                coef[j] = np.asarray(F[m.support_].T @ m.dual_coef_.ravel()).ravel()
                intercept[j] = m.intercept_[0]
            else:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore", ConvergenceWarning)
                    m = LinearSVC(
                        C=C,
                        loss="hinge",
                        class_weight=self.class_weight,
                        dual=True,
                        max_iter=5000,
                        random_state=seed,
                    ).fit(F, t)
                coef[j] = m.coef_.ravel()
                intercept[j] = m.intercept_[0]
        return coef, intercept

    def fit(self, X, y) -> FrameClassifier:
        """Learn the frames of the coded texts ``X``.

        Parameters
        ----------
        X : sequence of str
            The coded texts (headlines, sentences, paragraphs or articles).
        y : sequence, sequence of lists, or 2-D indicator
            The coding: one label per text; or a list (tuple, set) of labels
            per text, empty for a text with none of the frames; or an
            indicator matrix (n_texts, n_frames) of 0/1, whose column names
            name the frames when it is a DataFrame.

        Returns
        -------
        FrameClassifier
            The fitted classifier.

        Raises
        ------
        ValueError
            Bad parameters, texts and coding of different lengths, a text
            without coding, a frame with fewer than two texts (or, for
            multi-label coding, one given to all texts but one or more).
        TypeError
            Texts that are not strings.
        """
        self._check_params()
        texts = _check_texts(X)
        kind, classes, target = _parse_y(y, len(texts))
        if len(texts) < 4:
            raise ValueError(f"training needs at least 4 coded texts, got {len(texts)}")
        self.y_kind_ = kind
        self.multilabel_ = kind != "labels"
        self.classes_ = classes
        k = len(classes)
        if self.multilabel_:
            indicator = target
            pos = indicator.sum(axis=0)
            for j in range(k):
                if pos[j] < 2 or len(texts) - pos[j] < 2:
                    raise ValueError(
                        f"frame {classes.tolist()[j]!r} is given to {int(pos[j])} of {len(texts)} texts; each "
                        "frame needs at least two texts with it and two without to be learned"
                    )
            n_splits = int(min(self.cv, pos.min(), (len(texts) - pos).min()))
        else:
            if k < 2:
                raise ValueError(
                    f"y has a single label ({classes.tolist()[0]!r}); a classifier needs two or more"
                )
            counts = np.bincount(target, minlength=k)
            if counts.min() < 2:
                rare = classes.tolist()[int(np.argmin(counts))]
                raise ValueError(
                    f"label {rare!r} is given to only {counts.min()} text; each label needs at least "
                    "two coded texts (merge or drop the rarest labels)"
                )
            indicator = np.eye(k, dtype=int)[target]
            n_splits = int(min(self.cv, counts.min()))
        rng = check_random_state(self.random_state)
        seed = int(rng.randint(np.iinfo(np.int32).max))
        tokens = tokenize_all(texts)
        F = self._fit_features(tokens)
        if self.multilabel_:
            folds = list(KFold(n_splits, shuffle=True, random_state=seed).split(F))
        else:
            folds = list(
                StratifiedKFold(n_splits, shuffle=True, random_state=seed).split(F, target)
            )
        # the Gram matrix in single precision: twice as fast, and the weights are
        # recovered from the dual solution in double precision
        F32 = F.astype(np.float32)
        K = (F32 @ F32.T).toarray().astype(float) if len(texts) <= _KERNEL_MAX else None
        grid = C_GRID if self.C is None else (float(self.C),)
        best = None
        for C in grid:
            oof = np.zeros((len(texts), k))
            for tr, te in folds:
                Ktr = None if K is None else K[np.ix_(tr, tr)]
                coef, b = self._linear_fit(F[tr], Ktr, indicator[tr], C, seed)
                oof[te] = F[te] @ coef.T + b
            score = self._oof_score(oof, target, indicator)
            if best is None or score > best[0] + 1e-12:
                best = (score, C, oof)
        self.cv_score_, self.C_, oof = best
        self.n_samples_fit_ = len(texts)
        self._fit_calibration(oof, target, indicator)
        self.coef_, self.intercept_ = self._linear_fit(F, K, indicator, self.C_, seed)
        return self

    def _oof_score(self, oof: np.ndarray, target: np.ndarray, indicator: np.ndarray) -> float:
        if self.multilabel_:
            tp = fp_fn = 0.0
            for j in range(oof.shape[1]):
                t, _ = _best_threshold(oof[:, j], indicator[:, j])
                pred = oof[:, j] >= t
                tp += np.sum(pred & (indicator[:, j] == 1))
                fp_fn += np.sum(pred != (indicator[:, j] == 1))
            return float(2 * tp / (2 * tp + fp_fn)) if tp + fp_fn else 0.0
        return _macro_f1(target, oof.argmax(axis=1), oof.shape[1])

    def _fit_calibration(self, oof: np.ndarray, target: np.ndarray, indicator: np.ndarray) -> None:
        k = oof.shape[1]
        if self.multilabel_:
            a, b, thr = np.zeros(k), np.zeros(k), np.zeros(k)
            for j in range(k):
                m = LogisticRegression(C=100.0).fit(oof[:, j : j + 1], indicator[:, j])
                a[j], b[j] = m.coef_[0, 0], m.intercept_[0]
                prob = 1 / (1 + np.exp(-(a[j] * oof[:, j] + b[j])))
                thr[j] = _best_threshold(prob, indicator[:, j])[0]
            self.calibration_coef_, self.calibration_intercept_ = a, b
            self.thresholds_ = np.clip(thr, 0.0, 1.0)
            self.prior_ = indicator.mean(axis=0)
        else:
            m = LogisticRegression(C=1.0, max_iter=1000).fit(oof, target)
            coef, inter = m.coef_, m.intercept_
            if k == 2:  # binary: scikit-learn gives one row for the second class
                coef = np.vstack([-coef / 2, coef / 2])
                inter = np.array([-inter[0] / 2, inter[0] / 2])
            self.calibration_coef_, self.calibration_intercept_ = coef, inter
            self.thresholds_ = None
            self.prior_ = np.bincount(target, minlength=k) / len(target)

    # -- prediction -----------------------------------------------------------------

    def decision_function(self, X) -> np.ndarray:
        """Scores of the linear model, shape (n_texts, n_classes)."""
        check_is_fitted(self, "coef_")
        F = self._features(tokenize_all(_check_texts(X)))
        return np.asarray(F @ self.coef_.T) + self.intercept_

    def predict_proba(self, X) -> np.ndarray:
        """Calibrated probability of each frame, shape (n_texts, n_classes).

        Single-label: each row sums to 1. Multi-label: each column is the
        probability that the text has that frame.
        """
        return self._proba(self.decision_function(X))

    def _proba(self, d: np.ndarray) -> np.ndarray:
        if self.multilabel_:
            return 1 / (1 + np.exp(-(d * self.calibration_coef_ + self.calibration_intercept_)))
        return _softmax(d @ self.calibration_coef_.T + self.calibration_intercept_)

    def _decide(self, d: np.ndarray) -> np.ndarray:
        """Indicator of the predicted frames (n_texts, n_classes) from decision scores."""
        if self.multilabel_:
            return (self._proba(d) >= self.thresholds_).astype(int)
        out = np.zeros(d.shape, dtype=int)
        out[np.arange(len(d)), d.argmax(axis=1)] = 1
        return out

    def predict(self, X):
        """The frames of each text, in the form of the ``y`` given to :meth:`fit`.

        Returns
        -------
        numpy.ndarray
            One label per text (single-label ``y``); an object array holding
            one list of labels per text (``y`` of lists); or an indicator
            matrix of 0/1 (indicator ``y``).
        """
        return self._as_y(self._decide(self.decision_function(X)))

    def _as_y(self, ind: np.ndarray):
        if self.y_kind_ == "labels":
            return self.classes_[ind.argmax(axis=1)]
        if self.y_kind_ == "indicator":
            return ind
        out = np.empty(len(ind), dtype=object)
        for i, row in enumerate(ind):
            out[i] = self.classes_[row.astype(bool)].tolist()
        return out

    def score(self, X, y, sample_weight=None) -> float:
        """Accuracy (single-label) or subset accuracy (multi-label) on ``(X, y)``."""
        check_is_fitted(self, "coef_")
        kind, classes, target = _parse_y(y, len(_check_texts(X)))
        pred = self._decide(self.decision_function(X))
        if kind == "labels":
            truth = (
                np.asarray(y, dtype=object)
                if not isinstance(y, pd.Series)
                else y.to_numpy(dtype=object)
            )
            return float(
                accuracy_score(truth, self._as_y(pred).astype(object), sample_weight=sample_weight)
            )
        index = {c: j for j, c in enumerate(self.classes_.tolist())}
        truth = np.zeros_like(pred)
        for j, c in enumerate(classes.tolist()):
            if c in index:
                truth[:, index[c]] = target[:, j]
        return float(accuracy_score(truth, pred, sample_weight=sample_weight))

    def feature_weights(self, top_n: int = 10, *, block: str | None = None) -> pd.DataFrame:
        """The features with the largest weights for each frame.

        Parameters
        ----------
        top_n : int, default=10
            Features per frame.
        block : {"ngram", "subword", "dictionary"}, optional
            Only features of this kind. Weights are comparable within a
            block; the dictionary scores are standardised and scaled by
            ``dictionary_weight``, so their weights are on another scale than
            the TF-IDF features'.

        Returns
        -------
        pandas.DataFrame
            Columns ``label``, ``feature`` (an n-gram, a character n-gram or a
            dictionary dimension), ``block`` and ``weight``; per label, weights
            descending.
        """
        check_is_fitted(self, "coef_")
        blocks_ = ("ngram", "subword", "dictionary")
        if block is not None and block not in blocks_:
            raise ValueError(
                f"block must be one of {', '.join(map(repr, blocks_))} or None; got {block!r}"
            )
        names, blocks = self._feature_names()
        keep = np.array([block is None or b == block for b in blocks], dtype=bool)
        rows = []
        for j, label in enumerate(self.classes_.tolist()):
            w = np.where(keep, self.coef_[j], -np.inf)
            order = np.argsort(-w, kind="stable")[: min(top_n, int(keep.sum()))]
            rows += [(label, names[i], blocks[i], float(self.coef_[j, i])) for i in order]
        return pd.DataFrame(rows, columns=["label", "feature", "block", "weight"])

    def _frame_tables(self, corpus, **kwargs) -> pd.DataFrame:
        """The tables of ``framing.frames(corpus, classifier=self, ...)``."""
        return classifier_frames(corpus, self, **kwargs)

    # -- saving -----------------------------------------------------------------------

    def save(self, path: str | Path) -> Path:
        """Write the fitted classifier to a JSON file (gzip-compressed if it ends in ``.gz``).

        The file records framing's version, the parameters and the label set,
        and holds arrays as base64 text; nothing in it is executable, so a
        file from elsewhere can be read safely with :meth:`load`.

        Returns
        -------
        pathlib.Path
            The path written.
        """
        check_is_fitted(self, "coef_")
        return write(self, path)

    @classmethod
    def load(cls, path: str | Path, *, labels: Sequence[Hashable] | None = None) -> FrameClassifier:
        """Read a classifier written by :meth:`save`.

        Parameters
        ----------
        path : str or pathlib.Path
            The file (``.json`` or ``.json.gz``).
        labels : sequence, optional
            The labels the classifier must have (in any order); a file with
            another label set raises an error.

        Raises
        ------
        ValueError
            The file is not a saved FrameClassifier, is damaged, was written
            by a newer format, or has another label set than ``labels``.
        """
        return read(cls, path, labels)
