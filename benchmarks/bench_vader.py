"""Speed of framing's VADER against vaderSentiment 3.3.2 (and NLTK's port).

Scores the same texts with each implementation, in the same process,
alternating the implementations over several repeats, and reports texts
per second and the speed-up over the reference (ratio of the best times, and
of the median times in brackets). It also checks, in the same run,
that framing's output equals the reference's on every text.

Texts: every snippet of the VADER ground-truth files (Hutto & Gilbert 2014),
the sentences of the NewsWCL50 articles, both together, and the 50 NewsWCL50
articles whole (long texts, where the reference's cost grows with the square
of the length), all read from ``../shared/data``. Without that folder the
script stops with a message.

NLTK's port is timed only when it loads offline: NLTK is pointed at the folder
that holds vaderSentiment's ``vader_lexicon.txt`` (no download).

Run from the repository root::

    python benchmarks/bench_vader.py [--repeats 5]
"""

from __future__ import annotations

import argparse
import platform
import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from framing._nlp.segment import segment  # noqa: E402
from framing._nlp.vader import polarity_scores  # noqa: E402
from validation.shared_data import SHARED_DATA, newswcl50_articles  # noqa: E402
from validation.vader_correlations import (  # noqa: E402
    GROUND_TRUTH,
    nltk_analyzer,
    read_ground_truth,
)

COLUMNS = ("neg", "neu", "pos", "compound")


def load_texts() -> dict[str, list[str]]:
    """Benchmark texts by source: sentences, then whole articles (long texts)."""
    snippets = [text for name in GROUND_TRUTH for text in read_ground_truth(name)["text"]]
    articles = newswcl50_articles()["text"].tolist()
    news = [text[s:e] for text in articles for _, s, e, _ in segment(text)]
    return {
        "ground truth snippets": snippets,
        "NewsWCL50 sentences": news,
        "all sentences": snippets + news,
        "NewsWCL50 whole articles": articles,
    }


def reference_scorer():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    analyzer = SentimentIntensityAnalyzer()

    def score(texts):
        return np.array([[d[c] for c in COLUMNS] for d in map(analyzer.polarity_scores, texts)])

    return score


def nltk_scorer():
    """NLTK's port reading vaderSentiment's lexicon, or None if it fails."""
    analyzer = nltk_analyzer()
    if analyzer is None:
        return None

    def score(texts):
        return np.array([[d[c] for c in COLUMNS] for d in map(analyzer.polarity_scores, texts)])

    return score


def run(texts: list[str], scorers: dict, repeats: int) -> dict[str, dict]:
    """Time each scorer on ``texts``, alternating, ``repeats`` times."""
    times: dict[str, list[float]] = {name: [] for name in scorers}
    outputs: dict[str, np.ndarray] = {}
    for _ in range(repeats):
        for name, score in scorers.items():
            start = time.perf_counter()
            outputs[name] = score(texts)
            times[name].append(time.perf_counter() - start)
    return {
        name: {"best": min(t), "median": statistics.median(t), "out": outputs[name]}
        for name, t in times.items()
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args(argv)
    if not SHARED_DATA.exists():
        sys.exit(f"shared data folder not found: {SHARED_DATA}")

    scorers = {"framing": polarity_scores, "vaderSentiment 3.3.2": reference_scorer()}
    nltk_score = nltk_scorer()
    if nltk_score is not None:
        scorers["NLTK port"] = nltk_score
    polarity_scores(["warm up the lexicon"])

    print(
        f"Python {platform.python_version()} on {platform.machine()}, "
        f"{platform.processor() or 'unknown cpu'}; one process; "
        f"{args.repeats} alternating repeats"
    )
    sets = load_texts()
    for label, texts in sets.items():
        res = run(texts, scorers, args.repeats)
        ref = res["vaderSentiment 3.3.2"]
        ours = res["framing"]
        n_diff = int((np.abs(ours["out"] - ref["out"]) >= 1e-9).any(axis=1).sum())
        print(
            f"\n{label}: {len(texts):,} texts, "
            f"{sum(map(len, texts)) / len(texts):.0f} characters on average"
        )
        print(
            f"  {'implementation':<22}{'best s':>9}{'median s':>10}"
            f"{'texts/s':>13}{'speed-up':>10}{'(median)':>10}"
        )
        for name, r in res.items():
            ratio = ref["best"] / r["best"]
            ratio_median = ref["median"] / r["median"]
            print(
                f"  {name:<22}{r['best']:>9.3f}{r['median']:>10.3f}"
                f"{len(texts) / r['best']:>13,.0f}{ratio:>9.2f}x{ratio_median:>9.2f}x"
            )
        print(
            f"  framing vs vaderSentiment: {n_diff} of {len(texts):,} texts differ "
            f"(max abs difference {np.abs(ours['out'] - ref['out']).max():.1g})"
        )
        if "NLTK port" in res:
            nltk_out = res["NLTK port"]["out"]
            same = int((np.abs(nltk_out - ref["out"]) < 1e-9).all(axis=1).sum())
            print(f"  NLTK port vs vaderSentiment: {same:,} of {len(texts):,} texts identical")


if __name__ == "__main__":
    main()
