"""Correlation of VADER's compound score with human sentiment ratings.

Hutto & Gilbert (2014) had at least 20 human raters score each of 4,200
tweets, 10,605 movie-review snippets and 3,708 Amazon-review snippets (scale
-4 to +4), and reported the Pearson correlation of VADER's compound score with
the mean rating. This script recomputes those correlations for framing's
:func:`framing.score_sentiment`, for vaderSentiment 3.3.2 (the reference it
reproduces) and, when it loads offline, for NLTK's port, and prints them next
to the published figures. It also counts the texts on which framing and the
reference disagree (there should be none).

The ground-truth files are read from ``../shared/data/vader_icwsm2014`` and are
not copied into the project.

Run from the repository root::

    python -m validation.vader_correlations
"""

from __future__ import annotations

import sys
from importlib import resources

import numpy as np
import pandas as pd

from framing.measures.sentiment import score_sentiment
from tests.shared_data import GROUND_TRUTH, GROUND_TRUTH_DIR, read_ground_truth

__all__ = [
    "GROUND_TRUTH",
    "PAPER_CORRELATIONS",
    "GROUND_TRUTH_DIR",
    "nltk_analyzer",
    "read_ground_truth",
]

# Correlation of VADER with the mean rating published in Hutto & Gilbert (2014).
PAPER_CORRELATIONS = {"tweets": 0.881, "movie": 0.451, "amazon": 0.565}


def nltk_analyzer():
    """NLTK's VADER port reading vaderSentiment's lexicon (no download).

    Returns None, after printing why, when it cannot be built.
    """
    try:
        import nltk
        from nltk.sentiment.vader import SentimentIntensityAnalyzer

        folder = str(resources.files("vaderSentiment"))
        if folder not in nltk.data.path:
            nltk.data.path.append(folder)
        analyzer = SentimentIntensityAnalyzer(lexicon_file="vader_lexicon.txt")
        analyzer.polarity_scores("a good test")
    except Exception as exc:  # noqa: BLE001 - report any failure and go on
        print(f"NLTK's port unavailable: {type(exc).__name__}: {exc}")
        return None
    return analyzer


def correlations() -> pd.DataFrame:
    """Pearson r of compound with the mean human rating, per ground-truth file."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    reference = SentimentIntensityAnalyzer()
    nltk_port = nltk_analyzer()
    rows = []
    for name in GROUND_TRUTH:
        data = read_ground_truth(name)
        ours = score_sentiment(data["text"])["compound"].to_numpy()
        ref = np.array([reference.polarity_scores(t)["compound"] for t in data["text"]])
        row = {
            "file": name,
            "n": len(data),
            "paper": PAPER_CORRELATIONS[name],
            "vaderSentiment": np.corrcoef(ref, data["rating"])[0, 1],
            "framing": np.corrcoef(ours, data["rating"])[0, 1],
            "n_differ": int((np.abs(ours - ref) >= 1e-9).sum()),
        }
        if nltk_port is not None:
            port = np.array([nltk_port.polarity_scores(t)["compound"] for t in data["text"]])
            row["nltk_port"] = np.corrcoef(port, data["rating"])[0, 1]
        rows.append(row)
    return pd.DataFrame(rows)


def main() -> None:
    if not GROUND_TRUTH_DIR.exists():
        sys.exit(f"VADER ground truth not found: {GROUND_TRUTH_DIR}")
    table = correlations()
    print(
        "Pearson r of VADER compound with the mean human rating (Hutto & Gilbert 2014 ground truth)"
    )
    print(table.to_string(index=False, float_format=lambda x: f"{x:.3f}"))
    print("n_differ: texts whose framing compound differs from vaderSentiment's")


if __name__ == "__main__":
    main()
