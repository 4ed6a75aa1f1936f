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
    python -m validation.target_sentiment_eval --quick      # small training run as JSON (tests/_nlp/test_target.py)
"""

from __future__ import annotations

import argparse
import json
import sys
import time

import numpy as np
from sklearn.metrics import accuracy_score, confusion_matrix, f1_score
from sklearn.model_selection import GroupShuffleSplit

from framing._nlp import target as tgt
from validation import train_target_sentiment as train

N_SPLITS = 5
RANDOM_STATE = 0

# name -> changes to the shipped configuration
SHIPPED = "shipped model"
VARIANTS: dict[str, dict] = {
    "content words only (no relations, lexicon, cues, role)": {
        "features": {f: f in ("words", "negation") for f in tgt.DEFAULT_FEATURES}
    },
    "shipped without relations (pred, attr, obj, subj, by, mod, poss)": {"features": {"relations": False}},
    "shipped without clause and near-window words": {"features": {"clause": False, "near": False}},
    "shipped without lexicon": {"features": {"lexicon": False}},
    "shipped without cue words": {"features": {"cues": False}},
    "shipped without the target's role": {"features": {"role": False}},
    "shipped without opposition": {"features": {"opposition": False}},
    "shipped without emotive categories": {"features": {"emotive": False}},
    "shipped without context flags": {"features": {"context": False}},
    "shipped without Porter stems": {"features": {"stems": False}},
    SHIPPED: {},
    "shipped, C=0.05": {"C": 0.05},
    "shipped, C=0.2": {"C": 0.2},
}


def vader_labels(sentences: list[str]) -> np.ndarray:
    """Label of each sentence from its VADER compound (0 neg, 1 neu, 2 pos)."""
    compound = tgt._sentence_compound(sentences)
    return np.where(compound >= 0.05, 2, np.where(compound <= -0.05, 0, 1))


def folds(y: np.ndarray, groups: np.ndarray) -> list[tuple[np.ndarray, np.ndarray]]:
    return train.grouped_folds(y, groups)


def cross_validate(sentences, spans, y, splits, spec: dict) -> np.ndarray:
    """Out-of-fold logits of one model variant."""
    families = train.shipped_families()
    families.update(spec.get("features", {}))
    data = train.FeatureData(sentences, spans, families)
    return train.out_of_fold_logits(data, y, splits, C=spec.get("C", train.C),
                                    class_weight=spec.get("class_weight"))


def expected_calibration_error(p: np.ndarray, y: np.ndarray, bins: int = 10) -> float:
    """ECE of the most probable class: mean |accuracy - confidence| over 10 equal-width bins."""
    conf = p.max(axis=1)
    right = p.argmax(axis=1) == y
    edges = np.linspace(0, 1, bins + 1)
    idx = np.clip(np.digitize(conf, edges) - 1, 0, bins - 1)
    return float(sum(abs(right[idx == b].mean() - conf[idx == b].mean()) * (idx == b).mean()
                     for b in range(bins) if (idx == b).any()))


def closed_class_in_top(k: int = 50) -> list[tuple[str, float]]:
    """Features among the ``k`` largest positive-vs-negative weights of the
    shipped model that are made of a closed-class word."""
    from framing._nlp.relations import is_content

    model = tgt._model()
    names = sorted(model["vocabulary"], key=model["vocabulary"].get)
    pol = model["polarity"]
    top = np.argsort(-np.abs(pol))[:k]
    out = []
    for j in top:
        name = names[j]
        word = name.rsplit(":", 1)[-1].removeprefix("not_") if name.startswith(("w:", "r:", "c", "n")) else None
        if word is not None and not is_content(word):
            out.append((name, float(pol[j])))
    return out


def top_weights(k: int = 50) -> list[tuple[str, float]]:
    model = tgt._model()
    names = sorted(model["vocabulary"], key=model["vocabulary"].get)
    pol = model["polarity"]
    return [(names[j], float(pol[j])) for j in np.argsort(-np.abs(pol))[:k]]


def fold_f1(y, pred, splits) -> np.ndarray:
    return np.array([f1_score(y[te], pred[te], average="macro") for _, te in splits])


def speed(sentences, spans, repeats: int = 3) -> float:
    """Targets per second of the public function (best of ``repeats``)."""
    tgt._model()  # loading the model is paid once per session, not per call
    best = np.inf
    for _ in range(repeats):
        tgt._tokens.cache_clear()
        tgt.sentence_parse.cache_clear()
        t0 = time.perf_counter()
        tgt.target_sentiment(sentences, spans)
        best = min(best, time.perf_counter() - t0)
    return len(sentences) / best


def _row(name, f1s, multi):
    return f"| {name} | {f1s.mean():.3f} ± {f1s.std():.3f} | {multi:.3f} |"


def quick_check(n_train: int = 2000, n_test: int = 1000) -> dict[str, float]:
    """Macro-F1 of a model trained on ``n_train`` targets and of the VADER baseline on ``n_test`` others.

    Train and test targets come from different sentences (one grouped split,
    random_state=0).
    """
    sentences, spans, y, groups = train.load_newsmtsc()
    tr, te = next(GroupShuffleSplit(1, train_size=0.5, random_state=0).split(y, y, groups))
    tr, te = tr[:n_train], te[:n_test]
    data = train.FeatureData([sentences[i] for i in np.r_[tr, te]],
                             [spans[i] for i in np.r_[tr, te]], tgt._model()["families"])
    yy = y[np.r_[tr, te]]
    train_idx, test_idx = np.arange(len(tr)), np.arange(len(tr), len(tr) + len(te))
    vocab, coef, intercept = train.fit(data, train_idx, yy)
    pred = train.predict_proba(data, test_idx, vocab, coef, intercept).argmax(axis=1)
    return {
        "model": float(f1_score(yy[test_idx], pred, average="macro")),
        "vader_baseline": float(f1_score(y[te], vader_labels([sentences[i] for i in te]), average="macro")),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--variants", action="store_true", help="also cross-validate the variants")
    parser.add_argument("--write-cv", action="store_true",
                        help=f"write the shipped CV line to {train.CV_SUMMARY_PATH.name}")
    parser.add_argument("--quick", action="store_true",
                        help="train on 2,000 targets, test on 1,000 others; print macro-F1 as JSON")
    args = parser.parse_args(argv)
    if not train.NEWSMTSC.exists():
        print(f"NewsMTSC not found at {train.NEWSMTSC}", file=sys.stderr)
        return 2
    if args.quick:
        print(json.dumps(quick_check()))
        return 0
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
    logits = {}
    for name in names:
        logits[name] = cross_validate(sentences, spans, y, splits, VARIANTS[name])
        pred = logits[name].argmax(axis=1)
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

    z = logits[SHIPPED]
    t = train.fit_temperature(z, y)
    raw, cal = train.softmax(z), train.softmax(z / t)
    print(f"\ncalibration (pooled out-of-fold): temperature {t:.2f}; expected calibration error "
          f"{expected_calibration_error(raw, y):.3f} before, {expected_calibration_error(cal, y):.3f} after; "
          f"log loss {-np.log(raw[np.arange(len(y)), y]).mean():.3f} before, "
          f"{-np.log(cal[np.arange(len(y)), y]).mean():.3f} after")
    bad = closed_class_in_top(50)
    print(f"closed-class words among the 50 largest weights of the shipped model: {len(bad)} {bad}")
    print("50 largest weights (positive minus negative):",
          ", ".join(f"{n} {v:+.2f}" for n, v in top_weights(50)))

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
