"""Large synthetic corpora for the throughput benchmarks.

Articles are recombined from the sentences of the demo corpora (``rafah``,
``plant-closure``) and of NewsWCL50 (read from ``../shared/data`` at run time
when it is there; the output never goes into the repository). Each article has
a headline, 15 to 40 sentences and 400 to 900 words in paragraphs of one to
three sentences, sometimes opened by a dateline. Each generated outlet takes
40% of its sentences from one source outlet (its "home") and the rest from all
of them, so outlets keep different vocabularies and
:func:`framing.distinctive_terms` has something to find, while two articles of
one outlet share few sentences (they are not near-duplicates).

Generation is deterministic: article ``i`` depends only on the seed and on
``i`` (articles are drawn in blocks of 1,000 with one random generator per
block), so the first 10,000 articles of a 100,000-article corpus are the
10,000-article corpus. Articles are written as they are drawn, so a corpus of
a million articles does not need to fit in memory.

Run from the repository root::

    python benchmarks/generate.py [--sizes 10000 100000] [--out benchmarks/data]
        [--outlets 10] [--seed 0] [--formats jsonl csv]

Files: ``<out>/articles-<n>.jsonl`` (one JSON object per line with
``doc_id``, ``outlet``, ``title``, ``date``, ``text``) and
``<out>/articles-<n>.csv`` with the same columns.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

BLOCK = 1000
HOME_SHARE = 0.4  # share of an article's sentences drawn from its outlet's home source
MIN_SENTENCES, MAX_SENTENCES = 15, 40
MIN_WORDS, MAX_WORDS = 400, 900
DATELINE_SHARE = 0.3
# Invented datelines (place names are public facts; no text is copied).
DATELINES = (
    "WASHINGTON —",
    "NEW YORK —",
    "LONDON (Wire) —",
    "CAIRO —",
    "JERUSALEM —",
    "CALDER FALLS —",
    "BRUSSELS, May 8 —",
    "GENEVA (Wire) -",
)
COLUMNS = ("doc_id", "outlet", "title", "date", "text")


@dataclass
class Pool:
    """Body sentences of the source corpora, grouped by source outlet."""

    sentences: list[str]
    words: np.ndarray  # words per sentence
    source: np.ndarray  # index into ``sources``
    sources: list[str]

    def by_source(self) -> list[np.ndarray]:
        return [np.flatnonzero(self.source == k) for k in range(len(self.sources))]


def load_pool(use_shared: bool = True) -> Pool:
    """Sentences of the demo corpora and, if available, NewsWCL50."""
    from framing import load_corpus, load_example

    frames = []
    for name in ("rafah", "plant-closure"):
        s = load_example(name).sentences()
        frames.append((name, s[s["section"].astype(str) != "headline"]))
    if use_shared:
        from validation.shared_data import SHARED_DATA, newswcl50_articles

        if SHARED_DATA.exists():
            s = load_corpus(newswcl50_articles()).sentences()
            frames.append(("newswcl50", s))
        else:
            print(f"note: {SHARED_DATA} not found; using the demo corpora only", file=sys.stderr)
    sentences: list[str] = []
    source: list[str] = []
    for name, s in frames:
        for outlet, text in zip(s["outlet"], s["text"]):
            if len(text.split()) >= 3:
                sentences.append(text)
                source.append(f"{name}:{outlet}")
    sources = sorted(set(source))
    index = {k: i for i, k in enumerate(sources)}
    return Pool(
        sentences=sentences,
        words=np.array([len(t.split()) for t in sentences]),
        source=np.array([index[k] for k in source]),
        sources=sources,
    )


def outlet_names(k: int) -> list[str]:
    return [f"Outlet {i + 1:02d}" for i in range(k)]


def _headline(rng: np.random.Generator, sentence: str) -> str:
    words = sentence.rstrip(".!?\"'”’ ").split()
    n = min(len(words), int(rng.integers(6, 15)))
    head = " ".join(words[:n]).rstrip(",;:—-– ")
    return head[:1].upper() + head[1:]


def _article(rng, pool: Pool, home: np.ndarray) -> tuple[str, str]:
    """(title, text) of one article."""
    target = int(rng.integers(MIN_WORDS, MAX_WORDS + 1))
    from_home = rng.random(MAX_SENTENCES) < HOME_SHARE
    picks = np.where(
        from_home,
        home[rng.integers(0, len(home), MAX_SENTENCES)],
        rng.integers(0, len(pool.sentences), MAX_SENTENCES),
    )
    cum = np.cumsum(pool.words[picks])
    n = int(np.searchsorted(cum, target) + 1)
    n = min(max(n, MIN_SENTENCES), MAX_SENTENCES)
    picks = picks[:n]
    paragraphs: list[str] = []
    i = 0
    while i < n:
        size = int(rng.choice((1, 2, 3), p=(0.35, 0.45, 0.2)))
        paragraphs.append(" ".join(pool.sentences[j] for j in picks[i : i + size]))
        i += size
    if rng.random() < DATELINE_SHARE:
        paragraphs[0] = f"{DATELINES[int(rng.integers(len(DATELINES)))]} {paragraphs[0]}"
    title = _headline(rng, pool.sentences[int(home[rng.integers(len(home))])])
    return title, "\n\n".join(paragraphs)


def iter_articles(n: int, pool: Pool, n_outlets: int = 10, seed: int = 0):
    """Yield ``n`` article dicts; article ``i`` depends only on ``seed`` and ``i``."""
    names = outlet_names(n_outlets)
    groups = pool.by_source()
    homes = [groups[i % len(groups)] for i in range(n_outlets)]
    start = dt.date(2024, 5, 1)
    for b in range(0, n, BLOCK):
        rng = np.random.default_rng([seed, b // BLOCK])
        outlets = rng.integers(0, n_outlets, BLOCK)
        days = rng.integers(0, 28, BLOCK)
        for i in range(b, min(b + BLOCK, n)):
            o = int(outlets[i - b])
            title, text = _article(rng, pool, homes[o])
            yield {
                "doc_id": f"a{i:07d}",
                "outlet": names[o],
                "title": title,
                "date": (start + dt.timedelta(days=int(days[i - b]))).isoformat(),
                "text": text,
            }


def write(n: int, out: Path, pool: Pool, n_outlets: int, seed: int, formats) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    paths = {fmt: out / f"articles-{n}.{fmt}" for fmt in formats}
    files = {fmt: p.open("w", encoding="utf-8", newline="") for fmt, p in paths.items()}
    try:
        writer = csv.writer(files["csv"]) if "csv" in files else None
        if writer:
            writer.writerow(COLUMNS)
        for art in iter_articles(n, pool, n_outlets, seed):
            if "jsonl" in files:
                files["jsonl"].write(json.dumps(art, ensure_ascii=False) + "\n")
            if writer:
                writer.writerow([art[c] for c in COLUMNS])
    finally:
        for f in files.values():
            f.close()
    return list(paths.values())


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "data")
    ap.add_argument("--outlets", type=int, default=10)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--formats", nargs="+", choices=("jsonl", "csv"), default=["jsonl", "csv"])
    ap.add_argument("--no-shared", action="store_true", help="use the demo corpora only")
    args = ap.parse_args(argv)
    pool = load_pool(not args.no_shared)
    print(
        f"pool: {len(pool.sentences)} sentences from {len(pool.sources)} source outlets",
        file=sys.stderr,
    )
    for n in args.sizes:
        t0 = time.perf_counter()
        paths = write(n, args.out, pool, args.outlets, args.seed, args.formats)
        size = sum(p.stat().st_size for p in paths) / 2**20
        print(
            f"{n:>9,} articles -> {', '.join(map(str, paths))} "
            f"({size:,.0f} MiB, {time.perf_counter() - t0:.1f} s)",
            file=sys.stderr,
        )


if __name__ == "__main__":
    main()
