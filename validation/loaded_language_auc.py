"""How well framing's loaded-language lexicon finds the words annotators mark as biased.

BABE (Spinde et al. 2021; ``final_labels_SG2.csv``, 3,674 news sentences
labelled by experts) lists for every sentence the words that make it biased.
Every token of every sentence is a positive if it is one of its sentence's
biased words, else a negative; each token is scored by

* ``emotive`` (weighted): the weight (1-3) of the bundled ``emotive`` entry
  that covers it, 0 if none;
* ``emotive`` (in lexicon): 1 if an entry covers it, else 0;
* VADER |valence|: the absolute mean valence of the token in
  ``vader_lexicon.txt`` (Hutto & Gilbert 2014, shipped with vaderSentiment);
* the three bundled lexicons together, and the ``emotive`` weight with VADER
  for the tokens outside it;
* ``emotive`` + BABE calibration (not shipped, for comparison): each entry's
  share of biased tokens learned on 4/5 of the sentences and applied to the
  other fifth (5 folds by sentence), unmatched tokens scored by the training
  base rate, so the number is out-of-sample.

The ROC AUC is reported over all tokens and over content words (not in
scikit-learn's English stop-word list, with a letter), with a 95% percentile
bootstrap interval that resamples sentences.

The bundled lexicon is written by hand and was fixed before this measurement;
nothing in it is learned from BABE (see ``framing/lexicons/data/SOURCES.md``).

Run: ``python -m validation.loaded_language_auc`` from the repository root
(``--rows 1500 --n-resamples 50 --json``: the weighted lexicon's and VADER's AUC
on the first sentences as one JSON line, read by tests/measures/test_loaded.py).
"""

from __future__ import annotations

import argparse
import ast
import json
import re
from pathlib import Path

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS
from sklearn.model_selection import KFold

from framing._nlp.text import tokenize
from framing.measures._lexmatch import find_terms, resolve_lexicon
from framing.measures._stats import bootstrap_weights, percentile_interval
from tests.shared_data import SHARED_DATA

BABE = SHARED_DATA / "babe_mbic" / "data" / "final_labels_SG2.csv"


def load_babe(path: Path = BABE) -> pd.DataFrame:
    """BABE sentences with their biased words as lists."""
    frame = pd.read_csv(path, sep=";", encoding="utf-8-sig")
    frame["biased_words"] = [
        ast.literal_eval(w) if isinstance(w, str) else [] for w in frame["biased_words"]
    ]
    return frame


def token_table(frame: pd.DataFrame, lexicon: str = "emotive") -> pd.DataFrame:
    """One row per token: sentence, token, label, lexicon weight and entry."""
    lex = resolve_lexicon(lexicon)
    weight = lex.table["weight"].to_numpy(dtype=float)
    rows = []
    for s, (text, words) in enumerate(zip(frame["text"], frame["biased_words"])):
        toks = tokenize(text)
        biased = {t for w in words for t in tokenize(w)} - {"'s"}
        score = np.zeros(len(toks))
        entry = np.full(len(toks), -1)
        for k, ts, te in find_terms(lex, toks):
            score[ts:te] = weight[lex.rows_of[k]].max()
            entry[ts:te] = k
        for i, t in enumerate(toks):
            rows.append((s, t, t in biased, score[i], entry[i]))
    out = pd.DataFrame(rows, columns=["sentence", "token", "label", "emotive", "entry"])
    out["content"] = [
        t not in ENGLISH_STOP_WORDS and t != "'s" and re.search("[a-z]", t) is not None
        for t in out["token"]
    ]
    return out


def vader_valence() -> dict[str, float]:
    """Absolute mean valence of each word of VADER's lexicon."""
    import vaderSentiment

    path = Path(vaderSentiment.__file__).with_name("vader_lexicon.txt")
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 2:
                out[parts[0].lower()] = abs(float(parts[1]))
    return out


def calibrated_scores(tokens: pd.DataFrame, n_splits: int = 5, prior: float = 2.0) -> np.ndarray:
    """Out-of-sample per-entry share of biased tokens (folds by sentence)."""
    score = np.zeros(len(tokens))
    sentences = tokens["sentence"].to_numpy()
    entry, label = tokens["entry"].to_numpy(), tokens["label"].to_numpy(dtype=float)
    folds = KFold(n_splits=n_splits, shuffle=True, random_state=0)
    ids = np.unique(sentences)
    for train_s, _ in folds.split(ids):
        train = np.isin(sentences, ids[train_s])
        test = ~train
        matched = train & (entry >= 0)
        base = label[matched].mean() if matched.any() else 0.0
        hits = pd.Series(label[matched]).groupby(entry[matched]).agg(["sum", "count"])
        share = (hits["sum"] + prior * base) / (hits["count"] + prior)  # shrunk to the mean
        lookup = share.reindex(entry[test]).to_numpy()
        outside = label[train & (entry < 0)].mean()
        score[test] = np.where(entry[test] >= 0, np.nan_to_num(lookup, nan=base), outside)
    return score


def auc_with_interval(tokens, score, n_resamples=1000, ci=0.95, random_state=0):
    """ROC AUC of ``score`` for ``tokens.label``, with a sentence bootstrap interval."""
    levels, code = np.unique(score, return_inverse=True)
    sent = tokens["sentence"].to_numpy()
    n_sent = sent.max() + 1
    y = tokens["label"].to_numpy(dtype=bool)
    shape = (n_sent, len(levels))
    pos = sp.csr_matrix((y.astype(float), (sent, code)), shape=shape)
    neg = sp.csr_matrix(((~y).astype(float), (sent, code)), shape=shape)

    def auc(p, n):  # p, n: (B, L) weighted counts per score level, ascending
        below = np.cumsum(n, axis=1) - n
        num = (p * (below + 0.5 * n)).sum(axis=1)
        return num / (p.sum(axis=1) * n.sum(axis=1))

    ones = np.ones((1, n_sent))
    point = auc(np.asarray(ones @ pos), np.asarray(ones @ neg))[0]
    W = bootstrap_weights(n_sent, n_resamples, np.random.default_rng(random_state))
    samples = auc(np.asarray((pos.T @ W.T).T), np.asarray((neg.T @ W.T).T))
    low, high = percentile_interval(samples, ci)
    return point, float(low), float(high)


def evaluate(n_resamples: int = 1000) -> tuple[pd.DataFrame, dict]:
    frame = load_babe()
    tokens = token_table(frame)
    vader = vader_valence()
    scores = {
        "emotive lexicon (weights 1-3)": tokens["emotive"].to_numpy(),
        "emotive lexicon (in lexicon: 0/1)": (tokens["emotive"] > 0).to_numpy(dtype=float),
        "VADER |valence|": np.array([vader.get(t, 0.0) for t in tokens["token"]]),
        "emotive lexicon + BABE calibration (5-fold CV)": calibrated_scores(tokens),
    }
    extra = [token_table(frame, name)["emotive"].to_numpy() for name in ("hedges", "intensifiers")]
    scores["all three lexicons (emotive, hedges, intensifiers)"] = np.maximum.reduce(
        [tokens["emotive"].to_numpy(), *extra]
    )
    vad = scores["VADER |valence|"]
    scores["emotive weight, then VADER for other tokens"] = 10 * tokens["emotive"] + vad
    rows = []
    for name, score in scores.items():
        row = {"score": name}
        for subset, mask in (("all tokens", None), ("content words", tokens["content"].to_numpy())):
            sub = tokens if mask is None else tokens[mask]
            s = score if mask is None else score[mask]
            sub = sub.assign(sentence=pd.factorize(sub["sentence"])[0])
            a, lo, hi = auc_with_interval(sub, s, n_resamples=n_resamples)
            row[subset] = f"{a:.3f} [{lo:.3f}, {hi:.3f}]"
        rows.append(row)
    y = tokens["label"].to_numpy(dtype=bool)
    hit = tokens["emotive"].to_numpy() > 0
    stats = {
        "sentences": len(frame),
        "tokens": len(tokens),
        "content tokens": int(tokens["content"].sum()),
        "biased tokens": int(y.sum()),
        "tokens in lexicon": int(hit.sum()),
        "precision (biased share of lexicon tokens)": float(y[hit].mean()),
        "recall (share of biased tokens in lexicon)": float(hit[y].mean()),
        "base rate (biased share of all tokens)": float(y.mean()),
        "tokens in VADER lexicon": int((scores["VADER |valence|"] > 0).sum()),
        "recall of VADER": float((scores["VADER |valence|"] > 0)[y].mean()),
        "precision of VADER": float(y[scores["VADER |valence|"] > 0].mean()),
    }
    missed = tokens.loc[y & ~hit, "token"].value_counts()
    stats["distinct biased words outside the lexicon"] = len(missed)
    stats["... of which marked only once"] = int((missed == 1).sum())
    return pd.DataFrame(rows), stats, by_category(tokens)


def quick_check(rows: int, n_resamples: int) -> dict[str, float]:
    """AUC of the weighted lexicon (with its interval) and of VADER on the first ``rows`` sentences."""
    tokens = token_table(load_babe().iloc[:rows])
    ours, low, high = auc_with_interval(tokens, tokens["emotive"].to_numpy(), n_resamples=n_resamples)
    vader = vader_valence()
    theirs, _, _ = auc_with_interval(
        tokens, np.array([vader.get(t, 0.0) for t in tokens["token"]]), n_resamples=n_resamples
    )
    hit = tokens["emotive"] > 0
    return {
        "auc": ours, "low": low, "high": high, "vader_auc": theirs,
        "biased_share_in_lexicon": float(tokens.loc[hit, "label"].mean()),
        "biased_share": float(tokens["label"].mean()),
    }


def by_category(tokens: pd.DataFrame) -> pd.DataFrame:
    """Tokens covered by each category of the emotive lexicon and their biased share."""
    lex = resolve_lexicon("emotive")
    hit = tokens[tokens["entry"] >= 0]
    rows = []
    for k, label in zip(hit["entry"], hit["label"]):
        for r in lex.rows_of[k]:
            rows.append((lex.table["category"].iat[r], label))
    frame = pd.DataFrame(rows, columns=["category", "label"])
    out = frame.groupby("category", sort=False)["label"].agg(tokens="size", precision="mean")
    return out.reindex(lex.categories).fillna({"tokens": 0}).reset_index()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n-resamples", type=int, default=1000)
    parser.add_argument("--rows", type=int, default=None, help="with --json: the first sentences only")
    parser.add_argument("--json", action="store_true", help="the quick check as one JSON line")
    args = parser.parse_args()
    if not BABE.exists():
        raise SystemExit(f"BABE not found at {BABE}; set FRAMING_SHARED_DATA")
    if args.json:
        print(json.dumps(quick_check(args.rows, args.n_resamples)))
        return
    table, stats, cats = evaluate(args.n_resamples)
    for k, v in stats.items():
        print(f"{k}: {v:.3f}" if isinstance(v, float) else f"{k}: {v:,}")
    print()
    show = (
        (lambda t: t.to_markdown(index=False))
        if _has_tabulate()
        else (lambda t: t.to_string(index=False))
    )
    print(show(table))
    print()
    print(show(cats.round(3)))


def _has_tabulate() -> bool:
    try:
        import tabulate  # noqa: F401
    except ImportError:
        return False
    return True


if __name__ == "__main__":
    main()
