"""Time of ``framing.quotes`` against the length of one article.

The quotation rules read an article as a whole (quotation marks that run over
paragraphs, speakers named sentences earlier, pronouns resolved to earlier
speakers), so their cost must stay linear in the article's length: a 2 MB
article must take less than 12 times a 0.2 MB one. The articles are built from
the paragraphs of the bundled demo corpora, in their order and repeated until
the wanted size, so they hold direct, partial and indirect quotations, pronoun
speakers and appositives at the density of real news copy.

Run from the repository root::

    python benchmarks/bench_quotes.py                   # 0.2 MB and 2 MB
    python benchmarks/bench_quotes.py --sizes 0.2 2 5   # sizes in MB
    python benchmarks/bench_quotes.py --repeats 1       # one run per size (default: fastest of 3)

Prints one line per size (seconds, rows found, seconds per MB) and the ratio of
the largest to the smallest; exits with status 1 when the 10x size takes 12x
the time or more. A small article is read first, untimed, so that loading the
lexicons and word indexes (once per process) is not counted.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

LIMIT = 12.0  # a 10x longer article may take at most this many times as long


def paragraphs() -> list[str]:
    """The body paragraphs of the demo corpora, article after article."""
    from framing import load_example

    out = []
    for name in ("rafah", "plant-closure"):
        for text in load_example(name).articles["text"]:
            out += [p.strip() for p in text.split("\n\n") if p.strip()]
    return out


def article(size_mb: float, pool: list[str]) -> str:
    """A text of about ``size_mb`` megabytes made of ``pool``'s paragraphs in turn."""
    target = int(size_mb * 1_000_000)
    parts, n, i = [], 0, 0
    while n < target:
        p = pool[i % len(pool)]
        parts.append(p)
        n += len(p.encode("utf-8")) + 2
        i += 1
    return "\n\n".join(parts)


def time_quotes(text: str) -> tuple[float, int]:
    """Seconds for ``quotes(level="mention")`` on a one-article corpus, and its rows."""
    from framing import load_corpus, quotes

    corpus = load_corpus([{"outlet": "A", "title": "", "text": text}])
    corpus.sentences()  # segmentation is not what is measured
    t0 = time.perf_counter()
    rows = quotes(corpus, level="mention")
    return time.perf_counter() - t0, len(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[0.2, 2.0], help="article sizes in MB")
    parser.add_argument("--repeats", type=int, default=3, help="runs per size; the fastest counts")
    args = parser.parse_args(argv)
    pool = paragraphs()
    time_quotes(article(0.01, pool))  # load the lexicons and word indexes once, untimed
    results = []
    for size in sorted(args.sizes):
        text = article(size, pool)
        runs = [time_quotes(text) for _ in range(max(args.repeats, 1))]
        seconds, n = min(runs)
        mb = len(text.encode("utf-8")) / 1e6
        results.append((mb, seconds))
        print(f"{mb:6.2f} MB  {seconds:8.2f} s  {n:7d} rows  {seconds / mb:6.2f} s/MB", flush=True)
    (mb0, t0), (mb1, t1) = results[0], results[-1]
    ratio = t1 / t0
    allowed = LIMIT * (mb1 / mb0) / 10
    print(f"{mb1 / mb0:.1f}x the length took {ratio:.1f}x the time (allowed: {allowed:.1f}x)")
    return 0 if ratio < allowed else 1


if __name__ == "__main__":
    sys.exit(main())
