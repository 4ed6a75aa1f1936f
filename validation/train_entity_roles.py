"""Train the narrative-role model shipped in ``framing/models/entity_roles.json``.

Reads the narrative-framing climate articles (Frermann, Li, Khanehzar &
Mikolajczak 2023, MIT) from the shared data folder: 1,944 entity mentions of 428
articles labelled hero, villain or victim. Each labelled entity is looked up in
its article (the first case-insensitive whole-word occurrence of the annotated
string, else of the string without a leading "the"); entities not written in the
article as annotated are left out and counted. The features of
:mod:`framing._nlp.roles` (the entity's first mention and the mean over all its
mentions in the article) go into a multinomial logistic regression; the
coefficients are divided by a temperature fitted on out-of-fold predictions
(5 folds grouped by article), then written as JSON. Deterministic.

    python -m validation.train_entity_roles            # write the model
    python -m validation.train_entity_roles --check    # compare with the shipped file
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedGroupKFold

from framing._nlp import roles as rl
from framing._nlp.target import _find_mention
from validation.shared_data import SHARED_DATA

CLIMATE = SHARED_DATA / "narrative_framing_climate" / "data"
MODEL_PATH = Path(rl.__file__).parent.parent / "models" / rl._MODEL_FILE
CV_SUMMARY_PATH = Path(__file__).with_name("entity_roles_cv.txt")
C = 0.3
DECIMALS = 4
N_SPLITS = 5
RANDOM_STATE = 0


def load_climate(folder: Path = CLIMATE):
    """Articles' texts, the located entities and their labels.

    Returns ``texts`` (one per entity: its article), ``spans`` (the entity's
    first occurrence), ``y`` (0 hero, 1 villain, 2 victim), ``groups``
    (article ids) and the number of entities not found in their article.
    """
    csv.field_size_limit(1 << 24)
    with open(folder / "articles_metadata.tsv", encoding="utf-8", newline="") as f:
        articles = {row["ID"]: row["text"] for row in csv.DictReader(f, delimiter="\t")}
    texts, spans, y, groups = [], [], [], []
    missing = 0
    with open(folder / "role_and_frame_annoations.tsv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            text = articles.get(row["ID"], "")
            entity = (row["entity"] or "").strip()
            span = _find_mention(text, entity) if entity and text else None
            if span is None and entity.lower().startswith("the "):
                span = _find_mention(text, entity[4:].strip())
            if span is None:
                missing += 1
                continue
            texts.append(text)
            spans.append(span)
            y.append(rl.ROLE_LABELS.index(row["role"]))
            groups.append(row["ID"])
    return texts, spans, np.asarray(y), np.asarray(groups), missing


def design(texts, spans, *, return_raw: bool = False):
    """Model inputs of every located entity (its first mention, article context)."""
    return rl._score_plan(rl._text_rows(list(texts), list(spans)), top_n=0, return_raw=return_raw)


def folds(y, groups):
    cv = StratifiedGroupKFold(n_splits=N_SPLITS, shuffle=True, random_state=RANDOM_STATE)
    return list(cv.split(np.zeros(len(y)), y, groups))


def fit(X, y, *, C: float = C, class_weight="balanced"):
    clf = LogisticRegression(C=C, max_iter=5000, class_weight=class_weight)
    clf.fit(X, y)
    return np.round(clf.coef_, DECIMALS), np.round(clf.intercept_, DECIMALS)


def logits(X, coef, intercept):
    return X @ coef.T + intercept


def softmax(z):
    z = z - z.max(axis=1, keepdims=True)
    p = np.exp(z)
    return p / p.sum(axis=1, keepdims=True)


def out_of_fold_logits(X, y, splits, **kw) -> np.ndarray:
    z = np.zeros((len(y), 3))
    for tr, te in splits:
        coef, intercept = fit(X[tr], y[tr], **kw)
        z[te] = logits(X[te], coef, intercept)
    return z


def fit_temperature(z, y) -> float:
    grid = np.round(np.arange(0.5, 2.0001, 0.01), 2)
    losses = [-np.log(softmax(z / t)[np.arange(len(y)), y] + 1e-12).mean() for t in grid]
    return float(grid[int(np.argmin(losses))])


def read_cv_summary() -> str:
    if CV_SUMMARY_PATH.exists():
        return CV_SUMMARY_PATH.read_text(encoding="utf-8").strip()
    return "not measured"


def train() -> str:
    texts, spans, y, groups, missing = load_climate()
    X, _ = design(texts, spans)
    t = fit_temperature(out_of_fold_logits(X, y, folds(y, groups)), y)
    coef, intercept = fit(X, y)
    coef, intercept = np.round(coef / t, DECIMALS), np.round(intercept / t, DECIMALS)
    doc = {
        "about": (
            "Narrative-role model of framing.entity_roles: multinomial logistic regression "
            "(hero, villain, victim) over clause-role, verb-class, emotive, sentiment and "
            "quotation features of a mention and of all mentions of its entity in the text; "
            "class_weight=balanced; coefficients divided by the temperature."
        ),
        "trained_on": (
            "narrative-framing climate articles (Frermann, Li, Khanehzar & Mikolajczak 2023, "
            "ACL; MIT licence, Copyright (c) 2023 Lea Frermann; "
            "phenixace/narrative-framing commit 197314dfe86838e20420894bc3dfa285814dc04c): "
            f"{len(y)} entities located in their article of 1944 annotated ({missing} not "
            "written in the article as annotated)"
        ),
        "command": "python -m validation.train_entity_roles",
        "cross_validation": read_cv_summary(),
        "labels": list(rl.ROLE_LABELS),
        "mention_features": list(rl.FEATURES),
        "columns": rl.columns(),
        "C": C,
        "temperature": t,
        "intercept": [float(v) for v in intercept],
        "coef": [[float(v) for v in row] for row in coef],
    }
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the shipped file")
    args = parser.parse_args(argv)
    if not CLIMATE.exists():
        print(f"narrative_framing_climate not found at {CLIMATE}", file=sys.stderr)
        return 2
    text = train()
    if args.check:
        same = MODEL_PATH.exists() and MODEL_PATH.read_text(encoding="utf-8") == text
        print("identical" if same else "DIFFERENT")
        return 0 if same else 1
    MODEL_PATH.write_text(text, encoding="utf-8")
    print(f"wrote {MODEL_PATH} ({MODEL_PATH.stat().st_size / 1e3:.1f} kB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
