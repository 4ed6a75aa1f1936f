"""Train the target-sentiment model shipped in ``framing/models/``.

Reads NewsMTSC ``train.jsonl`` (Hamborg & Donnay 2021, MIT) from the shared data
folder, fits a multinomial logistic regression on the features of
:mod:`framing._nlp.target` and writes ``framing/models/target_sentiment.json``.
The output is deterministic: the same data give the same file, byte for byte.

    python -m validation.train_target_sentiment            # write the model
    python -m validation.train_target_sentiment --check    # compare with the shipped file
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

from framing._nlp import target as tgt
from validation.shared_data import SHARED_DATA

NEWSMTSC = SHARED_DATA / "newsmtsc" / "train.jsonl"
MODEL_PATH = Path(tgt.__file__).parent.parent / "models" / tgt._MODEL_FILE
POLARITY = {2.0: 0, 4.0: 1, 6.0: 2}  # negative, neutral, positive

# The shipped configuration (chosen by the grouped cross-validation in
# validation/target_sentiment_eval.py).
C = 0.1
MIN_DF = 2
DECIMALS = 4  # coefficients are stored rounded
FEATURES = {"stems": True}  # changes to framing._nlp.target.DEFAULT_FEATURES
N_SPLITS = 5
RANDOM_STATE = 0


def load_newsmtsc(path: Path = NEWSMTSC) -> tuple[list[str], list[tuple[int, int]], np.ndarray, np.ndarray]:
    """Sentences, target spans, labels (0 neg, 1 neu, 2 pos) and sentence groups."""
    sentences, spans, labels, groups = [], [], [], []
    group_of: dict[str, int] = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            text = row["sentence_normalized"]
            g = group_of.setdefault(text, len(group_of))
            for t in row["targets"]:
                sentences.append(text)
                spans.append((int(t["from"]), int(t["to"])))
                labels.append(POLARITY[float(t["polarity"])])
                groups.append(g)
    return sentences, spans, np.asarray(labels), np.asarray(groups)


def build_vocabulary(names: list[str], rows: np.ndarray, min_df: int = MIN_DF) -> dict[str, int]:
    """Features seen in at least ``min_df`` targets, sorted by name."""
    df = Counter(set(zip(rows.tolist(), names)))
    per_feature = Counter(name for _, name in df)
    kept = sorted(f for f, c in per_feature.items() if c >= min_df)
    return {f: i for i, f in enumerate(kept)}


class FeatureData:
    """Features of a set of targets, computed once and sliced by row."""

    def __init__(self, sentences, spans, families):
        self.n = len(sentences)
        self.names, self.values, self.rows, self.tokens = tgt._feature_table(
            sentences, spans, families
        )
        self.names = np.asarray(self.names, dtype=object)
        order = np.argsort(self.rows, kind="stable")
        self.bounds = np.searchsorted(self.rows[order], np.arange(self.n + 1))
        self.order = order

    def subset(self, idx: np.ndarray):
        """Names, values and new row numbers of the targets ``idx``."""
        parts = [self.order[self.bounds[i] : self.bounds[i + 1]] for i in idx]
        sel = np.concatenate(parts) if parts else np.array([], dtype=np.int64)
        lengths = [len(p) for p in parts]
        new_rows = np.repeat(np.arange(len(idx)), lengths)
        return self.names[sel].tolist(), self.values[sel], new_rows


def fit(data: FeatureData, idx: np.ndarray, y: np.ndarray, *, C: float = C, min_df: int = MIN_DF, class_weight=None):
    """Fit on the targets ``idx``: vocabulary, coefficients (3 x p), intercepts."""
    names, values, rows = data.subset(idx)
    vocab = build_vocabulary(names, rows, min_df)
    X, _ = tgt._design_matrix(names, values, rows, vocab, len(idx))
    clf = LogisticRegression(C=C, max_iter=2000, class_weight=class_weight)
    clf.fit(X, y[idx])
    # rounded as stored in the model file, so that validation scores what ships
    return vocab, np.round(clf.coef_, DECIMALS), np.round(clf.intercept_, DECIMALS)


def decision(data: FeatureData, idx: np.ndarray, vocab, coef, intercept) -> np.ndarray:
    """Logits (n x 3) of the targets ``idx``."""
    names, values, rows = data.subset(idx)
    X, _ = tgt._design_matrix(names, values, rows, vocab, len(idx))
    return np.asarray(X @ coef.T) + intercept


def softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    p = np.exp(z)
    return p / p.sum(axis=1, keepdims=True)


def predict_proba(data: FeatureData, idx: np.ndarray, vocab, coef, intercept) -> np.ndarray:
    return softmax(decision(data, idx, vocab, coef, intercept))


def grouped_folds(y: np.ndarray, groups: np.ndarray) -> list[tuple[np.ndarray, np.ndarray]]:
    """The 5 folds of every figure: StratifiedGroupKFold by sentence, shuffled, random_state=0."""
    from sklearn.model_selection import StratifiedGroupKFold

    cv = StratifiedGroupKFold(n_splits=N_SPLITS, shuffle=True, random_state=RANDOM_STATE)
    return list(cv.split(np.zeros(len(y)), y, groups))


def out_of_fold_logits(data: FeatureData, y, splits, **fit_kw) -> np.ndarray:
    """Logits of every target from the model trained without its fold."""
    z = np.zeros((len(y), 3))
    for tr, te in splits:
        vocab, coef, intercept = fit(data, tr, y, **fit_kw)
        z[te] = decision(data, te, vocab, coef, intercept)
    return z


def fit_temperature(z: np.ndarray, y: np.ndarray) -> float:
    """The temperature T that minimises the log loss of softmax(z / T)
    (Guo et al. 2017), on a grid of 0.01 from 0.5 to 2."""
    grid = np.round(np.arange(0.5, 2.0001, 0.01), 2)
    losses = [-np.log(softmax(z / t)[np.arange(len(y)), y] + 1e-12).mean() for t in grid]
    return float(grid[int(np.argmin(losses))])


def model_json(vocab, coef, intercept, families, *, n_targets: int, cv: str, temperature: float = 1.0) -> str:
    """The model file's text: header, configuration, vocabulary and coefficients."""
    names = sorted(vocab, key=vocab.get)
    coef = np.round(coef, DECIMALS)
    keep = np.abs(coef).max(axis=0) > 0  # features whose rounded weights are all zero add nothing
    doc = {
        "about": (
            "Target-level sentiment model of framing.target_sentiment: multinomial "
            "logistic regression (negative, neutral, positive) over the content words "
            "of the sentence by their relation to the target, lexicon valences, cue "
            "words and the target's clause role; coefficients divided by the "
            "temperature (calibration on out-of-fold predictions)."
        ),
        "trained_on": (
            "NewsMTSC train.jsonl (Hamborg & Donnay 2021, EACL; MIT licence; "
            "github.com/fhamborg/NewsMTSC commit b9d9b79704ed1b35cecaf1d7c2343dc1bd734fb7), "
            f"{n_targets} targets"
        ),
        "command": "python -m validation.train_target_sentiment",
        "cross_validation": cv,
        "labels": list(tgt.LABELS),
        "features": families,
        "near": tgt.NEAR,
        "C": C,
        "min_df": MIN_DF,
        "temperature": temperature,
        "intercept": [round(float(v), DECIMALS) for v in intercept],
        "vocabulary": [n for n, k in zip(names, keep) if k],
        "coef": [[float(v) for v in row[keep]] for row in coef],
    }
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":"), sort_keys=False) + "\n"


def shipped_families() -> dict[str, bool]:
    families = dict(tgt.DEFAULT_FEATURES)
    families.update(FEATURES)
    return families


def train(cv_summary: str | None = None) -> str:
    sentences, spans, y, groups = load_newsmtsc()
    families = shipped_families()
    data = FeatureData(sentences, spans, families)
    temperature = fit_temperature(out_of_fold_logits(data, y, grouped_folds(y, groups)), y)
    vocab, coef, intercept = fit(data, np.arange(len(y)), y)
    if cv_summary is None:
        cv_summary = read_cv_summary()
    return model_json(vocab, coef / temperature, intercept / temperature, families,
                      n_targets=len(y), cv=cv_summary, temperature=temperature)


CV_SUMMARY_PATH = Path(__file__).with_name("target_sentiment_cv.txt")


def read_cv_summary() -> str:
    """The cross-validation line recorded by the evaluation script."""
    if CV_SUMMARY_PATH.exists():
        return CV_SUMMARY_PATH.read_text(encoding="utf-8").strip()
    return "not measured"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the shipped file")
    args = parser.parse_args(argv)
    if not NEWSMTSC.exists():
        print(f"NewsMTSC not found at {NEWSMTSC}", file=sys.stderr)
        return 2
    text = train()
    if args.check:
        same = MODEL_PATH.exists() and MODEL_PATH.read_text(encoding="utf-8") == text
        print("identical" if same else "DIFFERENT")
        return 0 if same else 1
    MODEL_PATH.parent.mkdir(parents=True, exist_ok=True)
    MODEL_PATH.write_text(text, encoding="utf-8")
    print(f"wrote {MODEL_PATH} ({MODEL_PATH.stat().st_size / 1e6:.2f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
