"""Does the article-level permutation test of ``distinctive_terms`` hold its level?

NewsWCL50's 50 articles keep their texts, and their outlet labels are shuffled
across articles, so no term can be truly distinctive of an outlet. A test that
holds its level then gives p < 0.05 for about 5% of (outlet, term) rows and,
after the Benjamini-Hochberg correction, q < 0.05 for about none. The same
rows are also tested as token-level tools do (``p_token``: a chi-squared test
of the 2 x 2 table of token counts), which treats every token as an
independent draw and so finds "significant" terms in random labels.

Run: ``python -m validation.terms_level`` from the repository root (needs
``../shared/data``). Prints one line per shuffle and the mean.
"""

from __future__ import annotations

import sys

import numpy as np

from framing import distinctive_terms, load_corpus
from validation.shared_data import SHARED_DATA, newswcl50_articles

N_SHUFFLES = 5


def main() -> None:
    if not SHARED_DATA.exists():
        sys.exit(f"{SHARED_DATA} is missing; this check needs NewsWCL50")
    df = newswcl50_articles().drop(columns=["gold_starts"])
    rows = []
    for seed in range(N_SHUFFLES):
        shuffled = df.assign(outlet=np.random.default_rng(seed).permutation(df["outlet"].to_numpy()))
        res = distinctive_terms(load_corpus(shuffled), min_count=5, n_resamples=1000, random_state=seed)
        row = ((res["p_value"] < 0.05).mean(), (res["q_value"] < 0.05).sum(), (res["p_token"] < 0.05).mean())
        rows.append(row)
        print(f"shuffle {seed}: {len(res):,} rows; p < 0.05 {row[0]:.1%}; q < 0.05 {row[1]}; "
              f"token-level p < 0.05 {row[2]:.1%}")
    p, q, tok = np.mean(rows, axis=0)
    print(f"mean of {N_SHUFFLES}: p < 0.05 {p:.1%}; q < 0.05 {q:.1f} rows; token-level p < 0.05 {tok:.1%}")


if __name__ == "__main__":
    main()
