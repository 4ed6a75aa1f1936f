"""Cross-validate target-level sentiment on NewsMTSC.

Five folds grouped by sentence (StratifiedGroupKFold, shuffled, random_state=0:
a sentence never sits in both the training and the test part), macro-F1 per
fold for the shipped model and its variants, next to the baseline that labels
every target with its sentence's VADER label (compound >= 0.05 positive,
<= -0.05 negative, else neutral). Also prints the pooled out-of-fold confusion
matrix and accuracy of the shipped model, macro-F1 on the targets of sentences
with two or more targets, the speed of ``target_sentiment`` and the size of
the model file.

    python -m validation.target_sentiment_eval              # shipped model + baseline
    python -m validation.target_sentiment_eval --variants   # and the variants table
    python -m validation.target_sentiment_eval --write-cv   # record the CV line for the model file
"""

from __future__ import annotations

import argparse
import sys
import time

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import accuracy_score, confusion_matrix, f1_score
from sklearn.model_selection import StratifiedGroupKFold

from framing._nlp import target as tgt
from validation import train_target_sentiment as train

N_SPLITS = 5
RANDOM_STATE = 0

# name -> changes to the shipped configuration
SHIPPED = "shipped model (C=0.05)"
_POSITIONAL = ("side", "clause", "neighbours")
VARIANTS: dict[str, dict] = {
    "words only (target masked), C=0.05": {
        "features": {f: False for f in tgt.DEFAULT_FEATURES if f != "words"}
    },
    "words + VADER lexicon sums": {
        "features": {f: f in ("words", "lexicon") for f in tgt.DEFAULT_FEATURES}
    },
    "shipped without position (side, clause, neighbours)": {
        "features": dict.fromkeys(_POSITIONAL, False)
    },
    "shipped without lexicon": {"features": {"lexicon": False}},
    "shipped without cue words": {"features": {"cues": False}},
    "shipped without negation marking": {"features": {"negation": False}},
    "shipped without context flags": {"features": {"context": False}},
    SHIPPED: {},
    "shipped, C=0.02": {"C": 0.02},
    "shipped, C=0.1": {"C": 0.1},
    "shipped, class_weight=balanced": {"class_weight": "balanced"},
    "shipped + word bigrams": {"features": {"bigrams": True}},
    "shipped + Porter stems": {"features": {"stems": True}},
    "shipped + sentence VADER compound": {"features": {"sentence_vader": True}},
    "shipped + target mention words (not shipped: name priors)": {
        "features": {"mention": True}
    },
    "gradient boosting on lexicon, cue and context features only": {
        "features": {f: f in ("negation", "lexicon", "cues", "context", "sentence_vader")
                     for f in tgt.DEFAULT_FEATURES},
        "estimator": "hgb",
    },
}


def vader_labels(sentences: list[str]) -> np.ndarray:
    """Label of each sentence from its VADER compound (0 neg, 1 neu, 2 pos)."""
    compound = tgt._sentence_compound(sentences)
    return np.where(compound >= 0.05, 2, np.where(compound <= -0.05, 0, 1))


def folds(y: np.ndarray, groups: np.ndarray) -> list[tuple[np.ndarray, np.ndarray]]:
    cv = StratifiedGroupKFold(n_splits=N_SPLITS, shuffle=True, random_state=RANDOM_STATE)
    return list(cv.split(np.zeros(len(y)), y, groups))


def cross_validate(sentences, spans, y, splits, spec: dict) -> np.ndarray:
    """Out-of-fold predicted labels of one model variant."""
    families = dict(tgt.DEFAULT_FEATURES)
    families.update(spec.get("features", {}))
    data = train.FeatureData(sentences, spans, families)
    pred = np.empty(len(y), dtype=int)
    for tr, te in splits:
        if spec.get("estimator") == "hgb":
            pred[te] = _hgb_fold(data, tr, te, y)
            continue
        vocab, coef, intercept = train.fit(
            data, tr, y, C=spec.get("C", train.C), class_weight=spec.get("class_weight")
        )
        pred[te] = train.predict_proba(data, te, vocab, coef, intercept).argmax(axis=1)
    return pred


def _hgb_fold(data, tr, te, y) -> np.ndarray:
    """Gradient boosting on the (few, dense) non-word features."""
    names, values, rows = data.subset(tr)
    vocab = train.build_vocabulary(names, rows, train.MIN_DF)
    X, _ = tgt._design_matrix(names, values, rows, vocab, len(tr))
    clf = HistGradientBoostingClassifier(random_state=RANDOM_STATE, max_iter=300,
                                         learning_rate=0.05)
    clf.fit(X.toarray(), y[tr])
    names, values, rows = data.subset(te)
    Xt, _ = tgt._design_matrix(names, values, rows, vocab, len(te))
    return clf.predict(Xt.toarray())


def fold_f1(y, pred, splits) -> np.ndarray:
    return np.array([f1_score(y[te], pred[te], average="macro") for _, te in splits])


def speed(sentences, spans, repeats: int = 3) -> float:
    """Targets per second of the public function (best of ``repeats``)."""
    tgt._model()  # loading the model is paid once per session, not per call
    best = np.inf
    for _ in range(repeats):
        tgt._tokens.cache_clear()
        t0 = time.perf_counter()
        tgt.target_sentiment(sentences, spans)
        best = min(best, time.perf_counter() - t0)
    return len(sentences) / best


def _row(name, f1s, multi):
    return f"| {name} | {f1s.mean():.3f} ± {f1s.std():.3f} | {multi:.3f} |"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--variants", action="store_true", help="also cross-validate the variants")
    parser.add_argument("--write-cv", action="store_true",
                        help=f"write the shipped CV line to {train.CV_SUMMARY_PATH.name}")
    args = parser.parse_args(argv)
    if not train.NEWSMTSC.exists():
        print(f"NewsMTSC not found at {train.NEWSMTSC}", file=sys.stderr)
        return 2
    sentences, spans, y, groups = train.load_newsmtsc()
    splits = folds(y, groups)
    multi = np.bincount(groups)[groups] > 1
    print(f"NewsMTSC train.jsonl: {len(y)} targets in {groups.max() + 1} sentences; "
          f"{N_SPLITS}-fold StratifiedGroupKFold by sentence, random_state={RANDOM_STATE}; "
          f"{multi.sum()} targets in sentences with 2+ targets\n")

    base = vader_labels(sentences)
    base_f1 = fold_f1(y, base, splits)
    print("| model | macro-F1 (mean ± sd over folds) | macro-F1, multi-target sentences |")
    print("| --- | --- | --- |")
    print(_row("baseline: sentence VADER label", base_f1,
               f1_score(y[multi], base[multi], average="macro")))
    names = list(VARIANTS) if args.variants else [SHIPPED]
    results = {}
    for name in names:
        pred = cross_validate(sentences, spans, y, splits, VARIANTS[name])
        results[name] = pred
        print(_row(name, fold_f1(y, pred, splits),
                   f1_score(y[multi], pred[multi], average="macro")), flush=True)

    pred = results[SHIPPED]
    f1s = fold_f1(y, pred, splits)
    print(f"\nshipped model, pooled out-of-fold: macro-F1 {f1_score(y, pred, average='macro'):.3f}, "
          f"accuracy {accuracy_score(y, pred):.3f} (baseline accuracy {accuracy_score(y, base):.3f})")
    print("per fold:", " ".join(f"{v:.3f}" for v in f1s))
    cm = confusion_matrix(y, pred)
    print("\nconfusion matrix (rows: true, columns: predicted)")
    print("| true \\ predicted | " + " | ".join(tgt.LABELS) + " |")
    print("| --- | --- | --- | --- |")
    for label, row in zip(tgt.LABELS, cm):
        print(f"| {label} | " + " | ".join(str(v) for v in row) + " |")
    per_class = f1_score(y, pred, average=None)
    print("per-class F1:", ", ".join(f"{lab} {v:.3f}" for lab, v in zip(tgt.LABELS, per_class)))

    rate = speed(sentences, spans)
    size = train.MODEL_PATH.stat().st_size
    print(f"\nspeed: {rate:,.0f} targets/s (target_sentiment on all {len(y)} targets, one process)")
    print(f"model file: {train.MODEL_PATH.name}, {size / 1e6:.2f} MB")

    if args.write_cv:
        line = (f"5-fold StratifiedGroupKFold by sentence (random_state={RANDOM_STATE}) "
                f"macro-F1 {f1s.mean():.3f} ± {f1s.std():.3f}, accuracy "
                f"{accuracy_score(y, pred):.3f}; sentence-VADER-label baseline macro-F1 "
                f"{base_f1.mean():.3f} ± {base_f1.std():.3f}; "
                "python -m validation.target_sentiment_eval")
        train.CV_SUMMARY_PATH.write_text(line + "\n", encoding="utf-8")
        print(f"wrote {train.CV_SUMMARY_PATH}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
