"""Run every validation against the datasets in ``../shared/data``, one after another.

Run: ``python validation/run_all.py`` (or ``make validate``) from the
repository root. Each check prints its figures; ``docs/validation.md``
records them. A check that fails stops the run with its exit status.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHECKS = [
    "segmentation",
    "vader_correlations",
    "loaded_language_auc",
    "terms_level",
    "suggest_labels_eval",
    "target_sentiment_eval",
    "quotes_eval",
    "polnear_eval",
    "agency_eval",
    "frames_sanity",
    "frames_dictionary_auc",
    "frames_classifier_eval",
]


def main() -> None:
    for name in CHECKS:
        print(f"\n== validation.{name}", flush=True)
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", f"validation.{name}"], cwd=ROOT, check=True)
        print(f"({time.perf_counter() - t0:.0f} s)", flush=True)


if __name__ == "__main__":
    try:
        main()
    except subprocess.CalledProcessError as exc:
        sys.exit(exc.returncode)
