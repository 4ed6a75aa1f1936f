"""Cross-validate the narrative-role model on the climate articles.

Five folds grouped by article (StratifiedGroupKFold, shuffled, random_state=0:
an article's entities are never in both parts of a fold). In the same run and
on the same folds: the shipped configuration, its variants (feature groups left
out), a majority guess and the target-sentiment mappings (the mean target
sentiment over the entity's mentions in its article: negative = villain,
positive = hero, and neutral = victim or, in the two-way mapping, the sign of
the score alone). Prints macro-F1 per model (mean ± sd over folds), the pooled
confusion matrix and per-class F1 of the shipped model, calibration and speed.

    python -m validation.entity_roles_eval              # everything
    python -m validation.entity_roles_eval --write-cv   # and record the CV line for the model file
"""

from __future__ import annotations

import argparse
import sys
import time

import numpy as np
from sklearn.metrics import confusion_matrix, f1_score

from framing._nlp import roles as rl
from validation import train_entity_roles as train

_F = rl.FEATURES
_GROUPS = {
    "clause roles (agent, patient, passives, intransitive harm)": (
        "agent", "patient", "passive_subject", "passive_subject_with_agent", "intransitive_harm"),
    "harm verbs by role": ("agent_of_harm", "patient_of_harm", "passive_subject_of_harm"),
    "help, opposing, harmful-act, blame and suffering verbs": (
        "agent_of_help", "patient_of_help", "agent_of_opposing", "agent_of_harmful_act",
        "patient_of_blame", "opposed", "agent_of_suffering"),
    "emotive words tied to the mention": ("emotive_victim", "emotive_villain", "emotive_hero"),
    "VADER words tied to the mention": ("positive_words", "negative_words"),
    "target sentiment": ("sentiment_negative", "sentiment_positive"),
    "quotation voice (in quote)": ("in_quote",),
    "vulnerable-group nouns": ("vulnerable_group",),
    "words of the mention (negative, positive, harmful; policy, plural)": (
        "mention_negative", "mention_positive", "mention_harmful", "policy", "plural"),
}


def _without(raw, names: tuple[str, ...]) -> np.ndarray:
    """The design matrix with the features ``names`` set to zero in every mention."""
    idx = [rl.FEATURES.index(n) for n in names]
    rows = []
    for own, mean, n in raw:
        own, mean = own.copy(), mean.copy()
        own[idx] = 0.0
        mean[idx] = 0.0
        rows.append(rl.design_row(own, mean, n))
    return np.asarray(rows)


def macro(y, pred, splits) -> np.ndarray:
    return np.array([f1_score(y[te], pred[te], average="macro", labels=[0, 1, 2]) for _, te in splits])


def mapping_predictions(texts, spans) -> tuple[np.ndarray, np.ndarray]:
    """Target-sentiment mappings of every entity: the mean over its mentions of
    p_positive - p_negative and the most probable class of the mean probabilities."""
    plan = rl._text_rows(list(texts), list(spans))
    flat = [m for mentions, _ in plan for m in mentions]
    from framing._nlp.target import _score_targets

    _, _, probs, _ = _score_targets([m[0] for m in flat], [(m[1], m[2]) for m in flat], top_n=0)
    three = np.empty(len(plan), dtype=int)
    two = np.empty(len(plan), dtype=int)
    k = 0
    for i, (mentions, _) in enumerate(plan):
        p = probs[k : k + len(mentions)].mean(axis=0)
        k += len(mentions)
        cls = int(p.argmax())  # 0 negative, 1 neutral, 2 positive
        three[i] = {0: 1, 1: 2, 2: 0}[cls]  # negative villain, neutral victim, positive hero
        two[i] = 1 if p[0] >= p[2] else 0  # negative villain, else hero
    return three, two


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write-cv", action="store_true")
    args = parser.parse_args(argv)
    if not train.CLIMATE.exists():
        print(f"narrative_framing_climate not found at {train.CLIMATE}", file=sys.stderr)
        return 2
    texts, spans, y, groups, missing = train.load_climate()
    splits = train.folds(y, groups)
    t0 = time.perf_counter()
    X, _, raw = train.design(texts, spans, return_raw=True)
    t_design = time.perf_counter() - t0
    print(f"climate set: {len(y)} entities located in {len(set(groups))} articles "
          f"({missing} of {len(y) + missing} annotated entities not written in their article as annotated); "
          f"hero {np.sum(y == 0)}, villain {np.sum(y == 1)}, victim {np.sum(y == 2)}; "
          f"{train.N_SPLITS}-fold StratifiedGroupKFold by article, random_state={train.RANDOM_STATE}\n")
    print("| model | macro-F1 (mean ± sd over folds) |")
    print("| --- | --- |")
    rows = {}
    majority = np.empty(len(y), dtype=int)
    for tr, te in splits:
        majority[te] = np.bincount(y[tr]).argmax()
    rows["majority guess"] = macro(y, majority, splits)
    three, two = mapping_predictions(texts, spans)
    rows["target-sentiment mapping: negative villain, neutral victim, positive hero"] = macro(y, three, splits)
    rows["target-sentiment mapping: negative villain, else hero"] = macro(y, two, splits)
    for name, f1s in rows.items():
        print(f"| {name} | {f1s.mean():.3f} ± {f1s.std():.3f} |", flush=True)
    best_mapping = max(v.mean() for k, v in rows.items() if k.startswith("target-sentiment"))
    z = train.out_of_fold_logits(X, y, splits)
    pred = z.argmax(axis=1)
    shipped = macro(y, pred, splits)
    print(f"| **shipped (C={train.C}, balanced classes)** | **{shipped.mean():.3f} ± {shipped.std():.3f}** |")
    for name, cols in _GROUPS.items():
        zz = train.out_of_fold_logits(_without(raw, cols), y, splits)
        f1s = macro(y, zz.argmax(axis=1), splits)
        print(f"| without {name} | {f1s.mean():.3f} ± {f1s.std():.3f} |", flush=True)
    own = np.array([not c.startswith("entity_") and c != "log_mentions" for c in rl.columns()])
    zz = train.out_of_fold_logits(X[:, own], y, splits)
    f1s = macro(y, zz.argmax(axis=1), splits)
    print(f"| first mention only (no article context) | {f1s.mean():.3f} ± {f1s.std():.3f} |")
    for c in (0.1, 1.0):
        zz = train.out_of_fold_logits(X, y, splits, C=c)
        f1s = macro(y, zz.argmax(axis=1), splits)
        print(f"| shipped, C={c} | {f1s.mean():.3f} ± {f1s.std():.3f} |", flush=True)
    print(f"\nshipped minus the best target-sentiment mapping: {shipped.mean() - best_mapping:+.3f} macro-F1")
    print("per fold:", " ".join(f"{v:.3f}" for v in shipped))
    cm = confusion_matrix(y, pred, labels=[0, 1, 2])
    print("\n| true \\ predicted | " + " | ".join(rl.ROLE_LABELS) + " |")
    print("| --- | --- | --- | --- |")
    for label, row in zip(rl.ROLE_LABELS, cm):
        print(f"| {label} | " + " | ".join(str(v) for v in row) + " |")
    per = f1_score(y, pred, average=None, labels=[0, 1, 2])
    print("per-class F1:", ", ".join(f"{lab} {v:.3f}" for lab, v in zip(rl.ROLE_LABELS, per)))
    t = train.fit_temperature(z, y)
    raw, cal = train.softmax(z), train.softmax(z / t)
    ll = lambda p: -np.log(p[np.arange(len(y)), y] + 1e-12).mean()  # noqa: E731
    print(f"calibration: temperature {t:.2f}; log loss {ll(raw):.3f} before, {ll(cal):.3f} after")
    print(f"speed: {len(y) / t_design:,.0f} entities/s with their article context "
          f"({sum(len(m) for m, _ in rl._text_rows(texts, spans))} mentions)")
    if args.write_cv:
        line = (f"5-fold StratifiedGroupKFold by article (random_state={train.RANDOM_STATE}) macro-F1 "
                f"{shipped.mean():.3f} ± {shipped.std():.3f}; best target-sentiment mapping "
                f"{best_mapping:.3f}; majority guess {rows['majority guess'].mean():.3f}; "
                "python -m validation.entity_roles_eval")
        train.CV_SUMMARY_PATH.write_text(line + "\n", encoding="utf-8")
        print(f"wrote {train.CV_SUMMARY_PATH}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
