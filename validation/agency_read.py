"""Print predicted constructions in random sentences of real articles, to read them.

Run from the repository root::

    python -m validation.agency_read reduced 40 --seed 1
    python -m validation.agency_read evidential 25 --seed 5
    python -m validation.agency_read passive 25 --seed 6

Sentences come from ``../shared/data/allsides_abp`` (up to three random sentences
per random article, each under 300 characters and without line breaks); each line
shows the outlet and the construction in double brackets with its context. Nothing
is stored: the output is for reading against the text.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random

from framing._nlp.grammar import parse
from framing._nlp.segment import segment

from .shared_data import SHARED_DATA

KINDS = {
    "reduced": lambda g: g.voice == "passive" and g.kind == "reduced",
    "passive": lambda g: g.voice == "passive" and g.kind != "reduced",
    "evidential": lambda g: g.voice == "evidential",
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("kind", choices=sorted(KINDS))
    parser.add_argument("n", type=int)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    with gzip.open(SHARED_DATA / "allsides_abp" / "articles.jsonl.gz", "rt", encoding="utf-8") as f:
        articles = [json.loads(line) for line in f]
    rng.shuffle(articles)
    shown = 0
    for art in articles:
        text = art["text"]
        sentences = [text[s:e] for _, s, e, _ in segment(text)]
        rng.shuffle(sentences)
        for sent in sentences[:3]:
            if len(sent) > 300 or "\n" in sent:
                continue
            p = parse(sent)
            g = next((g for g in p.groups if KINDS[args.kind](g)), None)
            if g is None:
                continue
            s, e = p.spans[g.start][0], p.spans[g.end - 1][1]
            print(f"[{art['outlet'][:18]}] ...{sent[max(0, s - 70):s]}[[{sent[s:e]}]]{sent[e:e + 50]}")
            shown += 1
            if shown == args.n:
                return 0
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
