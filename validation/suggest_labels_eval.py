"""How many annotated labels does ``suggest_labels`` find? NewsWCL50 recall@10.

NewsWCL50 (Hamborg, Zhukova & Gipp 2019) annotates, in 10 events x 5 US
outlets, every mention of each concept (an actor, country, group, event,
action, ...) with the phrase the outlet wrote. For each concept we give
:func:`framing.suggest_labels` ONE seed (the concept's most frequent label)
and the event's five articles, and count how many of the concept's other
annotated labels appear among the top 10 suggestions.

Definitions
-----------
* Concepts: ``(event_id, code_name)`` pairs whose ``code_type`` is not
  ``PROPERTY`` (properties are framing attributes, not concepts).
* Label: a mention normalised with the shared tokenizer (lower-case, curly
  quotes folded, possessive 's split), leading determiners and possessive
  pronouns dropped (the, a, an, this, that, these, those, his, her, its,
  their, our, my, your), every word singularised as the matcher does.
  Mentions that are pronouns only, or longer than 4 tokens (descriptions
  such as "yet to take any tangible steps to give up its nuclear arsenal"
  rather than labels), are left out.
* Concepts kept: those with at least 3 distinct labels.
* Seed: the concept's most frequent label (ties: first in the file).
* Targets: the other labels.
* strict: a target is recovered when a top-10 candidate, normalised the
  same way, equals it.
* lenient: also when a candidate has the same head word (last word) and
  shares at least half of the distinct words of the two (Jaccard >= 0.5):
  "prime minister" recovers "japanese prime minister"; "visit" does not
  recover "full state visit".
* coverage: the share of the concept's target mentions (not labels) whose
  label is strictly recovered.

Scores are macro-averaged over concepts, overall, by ``code_type`` and by
the two halves of the events (0-4 were used while choosing the cue
weights of the combined method; 5-9 were not).

Run: ``python -m validation.suggest_labels_eval`` (about a minute).
"""

from __future__ import annotations

import argparse
import time

import numpy as np
import pandas as pd

from framing import load_corpus
from framing.measures.labels import suggest_labels
from tests.label_gold import gold_concepts, read_annotations, score
from tests.shared_data import newswcl50_articles

METHODS = ("frequency", "substitution", "distributional", "contexts", "surface", "combined")
def evaluate(methods=METHODS, top_n: int = 10) -> pd.DataFrame:
    """One row per (method, concept) with the three scores."""
    articles = newswcl50_articles().drop(columns=["gold_starts"])
    concepts = gold_concepts(read_annotations())
    rows = []
    for event in sorted({c["event"] for c in concepts}):
        corpus = load_corpus(articles[articles["event"] == event])
        todo = [c for c in concepts if c["event"] == event]
        seeds = {f"{i}": c["seed"] for i, c in enumerate(todo)}
        for method in methods:
            found = suggest_labels(corpus, seeds, top_n=top_n, method=method)
            for i, concept in enumerate(todo):
                cands = found.loc[found["concept"] == f"{i}", "candidate"].tolist()
                rows.append(
                    {
                        "method": method,
                        "event": event,
                        "concept": concept["concept"],
                        "code_type": concept["code_type"],
                        "n_targets": len(concept["targets"]),
                        **score(cands, concept),
                    }
                )
    return pd.DataFrame(rows)


def summarise(res: pd.DataFrame) -> dict[str, pd.DataFrame]:
    order = [m for m in METHODS if m in set(res["method"])]
    overall = res.groupby("method")[["strict", "lenient", "coverage"]].mean().reindex(order)
    res = res.assign(half=np.where(res["event"] < 5, "events 0-4", "events 5-9"))
    halves = res.pivot_table(index="method", columns="half", values="strict").reindex(order)
    by_type = res.pivot_table(index="code_type", columns="method", values="strict")[order]
    by_type.insert(0, "concepts", res[res["method"] == order[0]].groupby("code_type").size())
    return {"overall": overall, "halves": halves, "by_type": by_type}


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--methods", default=",".join(METHODS))
    parser.add_argument("--top-n", type=int, default=10)
    args = parser.parse_args(argv)
    start = time.perf_counter()
    res = evaluate(args.methods.split(","), top_n=args.top_n)
    n = res["concept"].groupby(res["method"]).size().iloc[0]
    targets = res[res["method"] == res["method"].iloc[0]]["n_targets"]
    print(f"NewsWCL50: {n} concepts with >= 3 labels; {targets.sum()} target labels "
          f"(mean {targets.mean():.1f} per concept); "
          f"ceiling of strict recall@{args.top_n}: "
          f"{np.mean(np.minimum(args.top_n, targets) / targets):.3f}\n")
    tables = summarise(res)
    print(f"Recall@{args.top_n}, macro-averaged over concepts")
    print(tables["overall"].round(3).to_string(), "\n")
    print("Strict recall by half (weights of 'combined' were chosen on events 0-4)")
    print(tables["halves"].round(3).to_string(), "\n")
    print("Strict recall by code_type")
    print(tables["by_type"].round(3).to_string())
    print(f"\n{time.perf_counter() - start:.0f} s")


if __name__ == "__main__":
    main()
