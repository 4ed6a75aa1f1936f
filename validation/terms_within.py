"""Distinctive terms on real multi-outlet coverage: within events, house style apart, FDR with power.

    python -m validation.terms_within            # allsides_abp (left / center / right) and NewsWCL50
    python -m validation.terms_within --quick    # fewer resamples

For each corpus it prints the top 20 non-style terms of each group, the number
of terms over-used by each group at q < 0.05, the house-style terms set apart
and, with the outlet labels shuffled inside each event, the share of rows with
p < 0.05 and q < 0.05 (the level of the tests). Real texts stay in
``../shared/data``; nothing is written into the project.
"""

from __future__ import annotations

import argparse
import gzip
import json
import time

import numpy as np
import pandas as pd

import framing
from tests.shared_data import SHARED_DATA, newswcl50_articles


def allsides() -> framing.Corpus:
    path = SHARED_DATA / "allsides_abp" / "articles.jsonl.gz"
    rows = [json.loads(line) for line in gzip.open(path, "rt", encoding="utf-8")]
    df = pd.DataFrame(rows)[["id", "group_id", "outlet", "bias", "title", "text"]]
    return framing.load_corpus(df, doc_id="id")


def newswcl50() -> framing.Corpus:
    return framing.load_corpus(newswcl50_articles().drop(columns=["gold_starts"]))


def shuffled(corpus: framing.Corpus, by: str, within: str, seed: int) -> framing.Corpus:
    rng = np.random.default_rng(seed)
    arts = corpus.articles
    arts[by] = arts.groupby(within)[by].transform(lambda s: rng.permutation(s.to_numpy()))
    return framing.Corpus(arts.drop(columns=["has_headline"]))


def report(name, corpus, by, within, min_count, n_resamples, n_shuffles):
    t0 = time.perf_counter()
    res = framing.distinctive_terms(corpus, by=by, within=within, min_count=min_count, n_resamples=n_resamples,
                                    ngram_range=(1, 2))
    print(f"\n## {name}: by={by}, within={within} ({len(corpus)} articles, {time.perf_counter() - t0:.0f} s)")
    print("house style set apart:", res[res["style"]].drop_duplicates("term")["style_reason"].value_counts().to_dict())
    for group in corpus.groups(by):
        mine = res[(res[by] == group) & (res["z_article"] > 0)].sort_values(["p_value", "z_article"],
                                                                           ascending=[True, False])
        plain = mine[~mine["style"]]
        print(f"- {group}: {int((plain['q_value'] < 0.05).sum())} non-style terms over-used at q < 0.05; top 20: "
              + ", ".join(plain.head(20)["term"]))
        print("  style: " + ", ".join(f"{t} ({r})" for t, r in mine[mine["style"]].head(8)[["term", "style_reason"]].values))
    for seed in range(n_shuffles):
        sh = framing.distinctive_terms(shuffled(corpus, by, within, seed), by=by, within=within, min_count=min_count,
                                       n_resamples=n_resamples, ngram_range=(1, 2))
        print(f"  labels shuffled within {within} (seed {seed}): p < 0.05 in {(sh['p_value'] < 0.05).mean():.3%} "
              f"of {len(sh)} rows, q < 0.05 in {(sh['q_value'] < 0.05).mean():.3%}")


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true")
    args = ap.parse_args(argv)
    B, shuffles = (100, 1) if args.quick else (1000, 3)
    report("allsides_abp", allsides(), "bias", "group_id", 20, B, shuffles)
    report("NewsWCL50", newswcl50(), "outlet", "event", 5, B, shuffles)


if __name__ == "__main__":
    main()
