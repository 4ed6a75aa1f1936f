"""Sentence-boundary precision, recall and F1 against NewsWCL50.

NewsWCL50's CoNLL release gives every token a sentence id. The articles are
rebuilt from the tokens, segmented by framing, and the sentence starts are
compared with the dataset's (the start of each article is not counted).

Run: ``python -m validation.segmentation`` from the repository root (``--json``: the
figures as one JSON line, read by tests/_nlp/test_segment.py).
"""

from __future__ import annotations

import json
import sys

import pandas as pd

from framing._nlp.segment import segment
from tests.shared_data import newswcl50_articles


def boundary_scores(gold: set[int], predicted: set[int]) -> tuple[int, int, int]:
    """True positives, false positives, false negatives."""
    tp = len(gold & predicted)
    return tp, len(predicted - gold), len(gold - predicted)


def evaluate(articles: pd.DataFrame, verbose: bool = False) -> dict[str, float]:
    tp = fp = fn = 0
    for row in articles.itertuples():
        # A dateline is counted with the sentence it opens, as the dataset
        # mostly does ("WASHINGTON — The ..." is one sentence there).
        pred = {s - dateline for _, s, _, dateline in segment(row.text)} - {0}
        gold = set(row.gold_starts) - {0}
        a, b, c = boundary_scores(gold, pred)
        tp, fp, fn = tp + a, fp + b, fn + c
        if verbose:
            for s in sorted(pred - gold):
                print(
                    f"FP {row.doc_id}: ...{row.text[max(0, s - 40) : s]!r} | {row.text[s : s + 30]!r}"
                )
            for s in sorted(gold - pred):
                print(
                    f"FN {row.doc_id}: ...{row.text[max(0, s - 40) : s]!r} | {row.text[s : s + 30]!r}"
                )
    if verbose:
        print()
    precision = tp / (tp + fp)
    recall = tp / (tp + fn)
    f1 = 2 * precision * recall / (precision + recall)
    return {
        "boundaries": tp + fn,
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "precision": precision,
        "recall": recall,
        "f1": f1,
    }


def main() -> None:
    articles = newswcl50_articles()
    scores = evaluate(articles, verbose="-v" in sys.argv)
    if "--json" in sys.argv:
        print(json.dumps(scores))
        return
    print(
        f"NewsWCL50 sentence boundaries ({len(articles)} articles, {scores['boundaries']} gold boundaries)"
    )
    print(
        f"precision {scores['precision']:.4f}  recall {scores['recall']:.4f}  F1 {scores['f1']:.4f}"
        f"  (tp {scores['tp']}, fp {scores['fp']}, fn {scores['fn']})"
    )


if __name__ == "__main__":
    main()
