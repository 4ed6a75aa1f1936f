"""FrameClassifier against TF-IDF + logistic regression on human-coded frames.

Two datasets from ``../shared/data`` (read in place, never copied):

* FrAC (Guida et al. 2025, CC BY 4.0): 523 sentences of news articles and
  reader comments, one of 10 frames each (single-label; macro-F1);
* narrative frames of climate-change news (Frermann et al. 2023, MIT): 428
  articles, five frames each present or absent (multi-label; micro-F1,
  macro-F1 and the mean per-frame ROC AUC of the predicted probabilities).

Every model is scored on the same 5-fold split (stratified for FrAC), for
each seed of ``--seeds``; the table gives the mean over seeds and, in
brackets, the range. FrameClassifier makes every choice (C, the calibration,
the multi-label thresholds) by cross-validation inside each training fold, so
the test fold never informs it. Rows:

* ``TF-IDF + LogisticRegression``: scikit-learn defaults (``TfidfVectorizer()``,
  ``LogisticRegression(max_iter=1000)``; one-vs-rest for multi-label), the
  baseline of the done criteria;
* the same with ``class_weight="balanced"`` (a stronger baseline: rare frames
  are otherwise hardly ever predicted);
* ``FrameClassifier()`` with its defaults, and ablations: without the frame
  dictionary, without subwords, without both, with ``C`` fixed at 0.3 instead
  of chosen by internal cross-validation, and with the frame dictionary of
  framing 0.1.0 (``validation/data/frames_mfc_v0.1.0.tsv``, before the
  FrAC-guided additions; it shows how much of the gain comes from edits made
  while looking at FrAC sentences).

Run from the repository root (about 10 minutes with three seeds)::

    python -m validation.frames_classifier_eval [--seeds 0 1 2] [--quick]

``--quick`` runs only the baselines and the default FrameClassifier.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score, roc_auc_score
from sklearn.model_selection import KFold, StratifiedKFold
from sklearn.multiclass import OneVsRestClassifier
from sklearn.pipeline import make_pipeline

from framing.measures.classifier import FrameClassifier
from tests.frames_data import CLIMATE_FRAMES, climate_articles, frac_sentences
from tests.shared_data import SHARED_DATA

OLD_DICTIONARY = Path(__file__).resolve().parent / "data" / "frames_mfc_v0.1.0.tsv"


def models(multilabel: bool, quick: bool) -> dict:
    def lr(**kw):
        m = LogisticRegression(max_iter=1000, **kw)
        return make_pipeline(TfidfVectorizer(), OneVsRestClassifier(m) if multilabel else m)

    out = {
        "TF-IDF + LogisticRegression (defaults)": lambda s: lr(),
        'TF-IDF + LogisticRegression (class_weight="balanced")': lambda s: lr(
            class_weight="balanced"
        ),
        "FrameClassifier()": lambda s: FrameClassifier(random_state=s),
    }
    if quick:
        return out
    old = pd.read_csv(OLD_DICTIONARY, sep="\t", comment="#")
    out.update(
        {
            "FrameClassifier(dictionary=None)": lambda s: FrameClassifier(
                dictionary=None, random_state=s
            ),
            "FrameClassifier(subwords=None)": lambda s: FrameClassifier(
                subwords=None, random_state=s
            ),
            "FrameClassifier(dictionary=None, subwords=None)": lambda s: FrameClassifier(
                dictionary=None, subwords=None, random_state=s
            ),
            "FrameClassifier(C=0.3)": lambda s: FrameClassifier(C=0.3, random_state=s),
            "FrameClassifier(dictionary=<framing 0.1.0 MFC dictionary>)": lambda s: FrameClassifier(
                dictionary=old, random_state=s
            ),
        }
    )
    return out


def evaluate_frac(seeds, quick) -> pd.DataFrame:
    f = frac_sentences()
    X = np.asarray(f["sentence"].tolist(), dtype=object)
    y = f["label"].to_numpy()
    rows = []
    for name, make in models(False, quick).items():
        t0 = time.perf_counter()
        for seed in seeds:
            pred = np.empty(len(y), dtype=object)
            for tr, te in StratifiedKFold(5, shuffle=True, random_state=seed).split(X, y):
                pred[te] = make(seed).fit(list(X[tr]), y[tr]).predict(list(X[te]))
            pred = pred.astype(str)
            rows.append(
                {
                    "model": name,
                    "seed": seed,
                    "macro_f1": f1_score(y, pred, average="macro"),
                    "accuracy": float(np.mean(pred == y)),
                }
            )
        print(f"  FrAC {name}: {time.perf_counter() - t0:.0f} s", file=sys.stderr, flush=True)
    return pd.DataFrame(rows)


def evaluate_climate(seeds, quick) -> pd.DataFrame:
    c = climate_articles()
    X = np.asarray(c["text"].tolist(), dtype=object)
    names = list(CLIMATE_FRAMES.values())
    Y = c[names].astype(int)
    rows = []
    for name, make in models(True, quick).items():
        t0 = time.perf_counter()
        for seed in seeds:
            pred = np.zeros(Y.shape, dtype=int)
            proba = np.zeros(Y.shape)
            for tr, te in KFold(5, shuffle=True, random_state=seed).split(X):
                model = make(seed).fit(
                    list(X[tr]), Y.iloc[tr] if "Frame" in name else Y.to_numpy()[tr]
                )
                pred[te] = model.predict(list(X[te]))
                proba[te] = model.predict_proba(list(X[te]))
            rows.append(
                {
                    "model": name,
                    "seed": seed,
                    "micro_f1": f1_score(Y, pred, average="micro"),
                    "macro_f1": f1_score(Y, pred, average="macro"),
                    "macro_auc": float(
                        np.mean(
                            [roc_auc_score(Y.iloc[:, j], proba[:, j]) for j in range(len(names))]
                        )
                    ),
                }
            )
        print(f"  climate {name}: {time.perf_counter() - t0:.0f} s", file=sys.stderr, flush=True)
    return pd.DataFrame(rows)


def summary(results: pd.DataFrame, metrics: list[str]) -> str:
    order = list(dict.fromkeys(results["model"]))
    lines = ["| model | " + " | ".join(metrics) + " |", "| --- |" + " ---: |" * len(metrics)]
    for name in order:
        r = results[results["model"] == name]
        cells = []
        for m in metrics:
            v = r[m]
            cells.append(
                f"{v.mean():.3f}" + (f" [{v.min():.3f}, {v.max():.3f}]" if len(v) > 1 else "")
            )
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2])
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args(argv)
    if not SHARED_DATA.exists():
        print(f"needs {SHARED_DATA}", file=sys.stderr)
        return 2
    frac = evaluate_frac(args.seeds, args.quick)
    clim = evaluate_climate(args.seeds, args.quick)
    print(f"FrAC, 5-fold, seeds {args.seeds} (mean [min, max]):\n")
    print(summary(frac, ["macro_f1", "accuracy"]))
    print(f"\nClimate narrative frames, 5-fold multi-label, seeds {args.seeds}:\n")
    print(summary(clim, ["micro_f1", "macro_f1", "macro_auc"]))
    base_f = frac[frac["model"].str.startswith("TF-IDF") & frac["model"].str.contains("defaults")]
    ours_f = frac[frac["model"] == "FrameClassifier()"]
    base_c = clim[clim["model"].str.startswith("TF-IDF") & clim["model"].str.contains("defaults")]
    ours_c = clim[clim["model"] == "FrameClassifier()"]
    gain_f = ours_f["macro_f1"].to_numpy() - base_f["macro_f1"].to_numpy()
    gain_c = ours_c["micro_f1"].to_numpy() - base_c["micro_f1"].to_numpy()
    print(
        f"\nFrAC macro-F1 gain over the default baseline, per seed: {np.round(gain_f, 3).tolist()} (needed: 0.05)"
    )
    print(
        f"Climate micro-F1 gain over the default baseline, per seed: {np.round(gain_c, 3).tolist()} (needed: 0.03)"
    )
    for strong in ('TF-IDF + LogisticRegression (class_weight="balanced")',):
        sf = frac.loc[frac["model"] == strong, "macro_f1"].to_numpy()
        sc = clim.loc[clim["model"] == strong, "micro_f1"].to_numpy()
        print(
            f"over {strong}: FrAC {np.round(ours_f['macro_f1'].to_numpy() - sf, 3).tolist()}, "
            f"climate {np.round(ours_c['micro_f1'].to_numpy() - sc, 3).tolist()}"
        )
    ok = (gain_f >= 0.05).all() and (gain_c >= 0.03).all()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
