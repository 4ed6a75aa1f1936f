"""The bundled MFC frame dictionary against FrAC's human-coded sentence frames.

FrAC (Guida, Otmakhova, Hovy & Frermann 2025; CC BY 4.0; read in place from
``../shared/data/frac_sentence_frames``) gives 523 news and comment sentences
one of 10 frames derived from the Media Frames Corpus. Each sentence is
scored for each FrAC frame by the summed weight of the dictionary terms it
contains for the matching dimensions (two dimensions for FrAC's merged
classes, see ``tests.frames_data.FRAC_TO_MFC``; for "other", minus the summed
weight of all dimensions), and the ROC AUC says how well that score ranks the
sentences of the frame above the others.

The sentences are split in two halves by a hash of their text. The
additions made to the dictionary after framing 0.1.0 were chosen by reading the
misses of the *development* half only; the *held-out* half was never looked
at, so its AUC is the out-of-sample measure of the change. ``before`` is the
dictionary of framing 0.1.0 (``validation/data/frames_mfc_v0.1.0.tsv``),
``after`` the bundled one. Intervals: percentile bootstrap over sentences
(1,000 resamples, seed 0).

Run from the repository root::

    python -m validation.frames_dictionary_auc
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.metrics import roc_auc_score

from framing.lexicons import load_lexicon
from framing.measures._text_features import DictionaryScores, tokenize_all
from tests.frames_data import FRAC_TO_MFC, frac_sentences
from tests.shared_data import SHARED_DATA

OLD_DICTIONARY = Path(__file__).resolve().parent / "data" / "frames_mfc_v0.1.0.tsv"


def development_half(sentences: pd.Series) -> np.ndarray:
    """True for the sentences of the development half (md5 of the text, even)."""
    return np.array(
        [int(hashlib.md5(s.encode("utf-8")).hexdigest(), 16) % 2 == 0 for s in sentences]
    )


def frame_scores(table: pd.DataFrame, sentences: list[str]) -> dict[str, np.ndarray]:
    block = DictionaryScores(table)
    weights = np.expm1(block.raw(tokenize_all(sentences)))  # summed term weights
    index = {f: i for i, f in enumerate(block.frames)}
    out = {}
    for label, dims in FRAC_TO_MFC.items():
        out[label] = (
            weights[:, [index[d] for d in dims]].sum(axis=1) if dims else -weights.sum(axis=1)
        )
    return out


def auc_with_interval(y: np.ndarray, s: np.ndarray, rng: np.random.Generator, n: int = 1000):
    auc = roc_auc_score(y, s)
    boot = []
    for _ in range(n):
        i = rng.integers(0, len(y), len(y))
        if y[i].min() != y[i].max():
            boot.append(roc_auc_score(y[i], s[i]))
    low, high = np.quantile(boot, [0.025, 0.975])
    return auc, low, high


def table() -> pd.DataFrame:
    f = frac_sentences()
    dev = development_half(f["sentence"])
    old = pd.read_csv(OLD_DICTIONARY, sep="\t", comment="#")
    rows = []
    for version, lex in (("before", old), ("after", load_lexicon("frames_mfc"))):
        scores = frame_scores(lex, f["sentence"].tolist())
        for label in FRAC_TO_MFC:
            y = (f["label"] == label).to_numpy()
            rng = np.random.default_rng(0)
            row = {"version": version, "frame": label, "n": int(y.sum())}
            for part, mask in (
                ("all", np.ones(len(y), bool)),
                ("development", dev),
                ("held_out", ~dev),
            ):
                auc, low, high = auc_with_interval(y[mask], scores[label][mask], rng)
                row[part] = auc
                row[f"{part}_ci"] = f"[{low:.2f}, {high:.2f}]"
            if label != "other":
                row["coverage"] = float((scores[label][y] > 0).mean())
            rows.append(row)
    return pd.DataFrame(rows)


def main() -> int:
    if not SHARED_DATA.exists():
        print(f"needs {SHARED_DATA}", file=sys.stderr)
        return 2
    t = table()
    f = frac_sentences()
    dev = development_half(f["sentence"])
    print(f"FrAC: {len(f)} sentences; development half {dev.sum()}, held-out half {(~dev).sum()}\n")
    wide = t.pivot(index="frame", columns="version")
    order = list(FRAC_TO_MFC)
    print(
        "| frame | n | AUC before (all) | AUC after (all) | held-out before | held-out after | development before | development after | share of the frame's sentences with a term, before / after |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for frame in order:
        r = wide.loc[frame]
        cov = (
            f"{r[('coverage', 'before')]:.2f} / {r[('coverage', 'after')]:.2f}"
            if frame != "other"
            else ""
        )
        print(
            f"| {frame} | {int(r[('n', 'after')])} | {r[('all', 'before')]:.3f} | **{r[('all', 'after')]:.3f}** "
            f"{r[('all_ci', 'after')]} | {r[('held_out', 'before')]:.3f} | {r[('held_out', 'after')]:.3f} | "
            f"{r[('development', 'before')]:.3f} | {r[('development', 'after')]:.3f} | {cov} |"
        )
    means = t.groupby("version")[["all", "held_out", "development"]].mean()
    print(
        "| macro | | {:.3f} | **{:.3f}** | {:.3f} | {:.3f} | {:.3f} | {:.3f} | |".format(
            means.loc["before", "all"],
            means.loc["after", "all"],
            means.loc["before", "held_out"],
            means.loc["after", "held_out"],
            means.loc["before", "development"],
            means.loc["after", "development"],
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
