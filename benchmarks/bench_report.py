"""Size and time of the report (``Comparison.report``) on generated corpora.

The report embeds every chart (PNG) and the explorer's sentences (JSON, at
most ``--max-sentences`` per outlet, every article's first sentences first),
so its size must stay bounded as the corpus grows: 2,000 articles must give a
report.html under 25 MB.

Run from the repository root::

    python benchmarks/bench_report.py                      # 2,000 and 10,000 articles
    python benchmarks/bench_report.py --sizes 2000 --n-resamples 200

Articles come from ``benchmarks/generate.py`` (10 outlets, drawn in memory,
deterministic), analysed with the rafah demo's actors and concepts. Prints
one line per size: seconds of ``compare`` and of ``report``, the size of
report.html and of the whole folder, and the sentences the explorer keeps;
exits with status 1 when 2,000 articles give a report.html of 25 MB or more.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

import matplotlib  # noqa: E402

matplotlib.use("Agg")

import pandas as pd  # noqa: E402
from generate import iter_articles, load_pool  # noqa: E402

import framing  # noqa: E402
from framing.report import explorer_data  # noqa: E402

LIMIT_MB = 25.0


def run(n: int, n_resamples: int, max_sentences: int) -> dict:
    pool = load_pool()
    corpus = framing.load_corpus(pd.DataFrame(list(iter_articles(n, pool))))
    actors, concepts = framing.datasets.load_example_lists("rafah")
    t0 = time.perf_counter()
    result = framing.compare(corpus, actors, concepts, n_resamples=n_resamples, random_state=0, progress=False)
    t1 = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        path = framing.report.write_report(result, Path(tmp) / "report", max_sentences=max_sentences)
        t2 = time.perf_counter()
        html = path.stat().st_size / 1e6
        folder = sum(p.stat().st_size for p in path.parent.rglob("*") if p.is_file()) / 1e6
    kept = sum(len(s) for s in explorer_data(result, max_sentences=max_sentences)["sentences"])
    return {"articles": n, "compare_s": t1 - t0, "report_s": t2 - t1, "html_mb": html, "folder_mb": folder,
            "sentences": len(corpus.sentences()), "kept": kept}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 10000])
    parser.add_argument("--n-resamples", type=int, default=1000)
    parser.add_argument("--max-sentences", type=int, default=2000)
    args = parser.parse_args(argv)
    status = 0
    print("| articles | compare (s) | report (s) | report.html (MB) | folder (MB) | sentences kept / all |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: |")
    for n in args.sizes:
        r = run(n, args.n_resamples, args.max_sentences)
        print(f"| {n:,} | {r['compare_s']:.0f} | {r['report_s']:.0f} | {r['html_mb']:.1f} | {r['folder_mb']:.1f} "
              f"| {r['kept']:,} / {r['sentences']:,} |", flush=True)
        if n <= 2000 and r["html_mb"] >= LIMIT_MB:
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
