"""What outlets leave out, on real multi-outlet coverage: flagged omissions and the level of the test.

    python -m validation.omissions_read            # NewsWCL50 (events x outlets) and allsides_abp
    python -m validation.omissions_read --quick    # NewsWCL50 only

For NewsWCL50 the items are the words the other outlets use (no actor lists are
given); for allsides_abp the groups are the AllSides bias ratings compared
inside each day-and-topic group. Prints the omissions flagged, for each a
sentence of another outlet that mentions the item (to read against), and, with
the outlet labels shuffled inside each event, the share of rows with p < 0.05
and q < 0.05 and the number flagged "mentions less". Real texts stay in
``../shared/data``; nothing is written into the project.
"""

from __future__ import annotations

import argparse
import time

import numpy as np

import framing
from validation.terms_within import allsides, newswcl50, shuffled


def report(name, corpus, by, within, n_shuffles, n_read):
    t0 = time.perf_counter()
    res = framing.omissions(corpus, by=by, within=within)
    print(f"\n## {name}: by={by}, within={within} ({len(corpus)} articles, {len(res)} rows, "
          f"{time.perf_counter() - t0:.0f} s)")
    flagged = res[res["omitted"]]
    print("flagged:", flagged.groupby([by, "basis"]).size().to_dict())
    rng = np.random.default_rng(0)
    sents = corpus.sentences()
    arts = corpus.articles.set_index("doc_id")
    for _, row in flagged.sample(min(n_read, len(flagged)), random_state=0).iterrows():
        others = arts.index[arts[by].astype(str) != str(row[by])]
        lines = framing.kwic(corpus, str(row["item"]))
        lines = lines[lines["doc_id"].isin(others)]
        example = lines.iloc[int(rng.integers(len(lines)))]["sentence"] if len(lines) else ""
        print(f"- {row[by]} / {row['item']}: {row['n_mentioning']}/{row['n_articles']} against "
              f"{row['n_other_mentioning']}/{row['n_other']} ({row['basis']}, q={row['q_value']:.3g}); "
              f"another outlet: {example[:160]!r}")
    del sents
    for seed in range(n_shuffles):
        sh = framing.omissions(shuffled(corpus, by, within, seed), by=by, within=within)
        print(f"  labels shuffled within {within} (seed {seed}): p < 0.05 in {(sh['p_value'] < 0.05).mean():.2%} "
              f"of {len(sh)} rows, q < 0.05 in {(sh['q_value'] < 0.05).mean():.2%}, "
              f"'mentions less' flagged {int((sh['basis'] == 'mentions less').sum())}")


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args(argv)
    report("NewsWCL50", newswcl50(), "outlet", "event", 3, 20)
    if not args.quick:
        report("allsides_abp", allsides(), "bias", "group_id", 2, 10)


if __name__ == "__main__":
    main()
