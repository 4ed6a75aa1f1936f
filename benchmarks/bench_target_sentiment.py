"""Speed of target-level sentiment against sentence-level VADER.

Times, in the same process and alternating over several repeats, the public
``framing.target_sentiment`` (input checks and a DataFrame), its batch entry
point ``framing._nlp.target._score_targets``, and the reference: vaderSentiment
3.3.2's ``SentimentIntensityAnalyzer`` scoring each target's sentence (the
baseline that labels every target with its sentence's VADER label). Reports
targets per second and the ratio to the reference (best times; median times
in brackets). Texts: the 8,739 targets of NewsMTSC ``train.jsonl`` read from
``../shared/data``; without that folder the script stops with a message.

Run from the repository root::

    python benchmarks/bench_target_sentiment.py [--repeats 3]
"""

from __future__ import annotations

import argparse
import platform
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from framing._nlp import target as tgt  # noqa: E402
from validation.train_target_sentiment import NEWSMTSC, load_newsmtsc  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)
    if not NEWSMTSC.exists():
        print(f"NewsMTSC not found at {NEWSMTSC}", file=sys.stderr)
        return 2
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    sentences, spans, _, _ = load_newsmtsc()
    analyzer = SentimentIntensityAnalyzer()
    tgt._model()  # loaded once per session, not timed

    def fresh(fn):
        def run():
            tgt._tokens.cache_clear()
            fn()
        return run

    runs = {
        "vaderSentiment, sentence of each target (reference)": lambda: [
            analyzer.polarity_scores(s) for s in sentences
        ],
        "framing.target_sentiment": fresh(lambda: tgt.target_sentiment(sentences, spans)),
        "framing._nlp.target._score_targets": fresh(lambda: tgt._score_targets(sentences, spans)),
    }
    times: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(args.repeats):
        for name, run in runs.items():
            t0 = time.perf_counter()
            run()
            times[name].append(time.perf_counter() - t0)
    ref = "vaderSentiment, sentence of each target (reference)"
    print(f"{len(sentences)} targets, Python {platform.python_version()}, "
          f"best of {args.repeats} (median in brackets)\n")
    print("| implementation | targets/s | speed-up over reference |")
    print("| --- | ---: | ---: |")
    for name, ts in times.items():
        best, med = min(ts), statistics.median(ts)
        ratio = min(times[ref]) / best
        ratio_med = statistics.median(times[ref]) / med
        print(f"| {name} | {len(sentences) / best:,.0f} | {ratio:.2f} ({ratio_med:.2f}) |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
