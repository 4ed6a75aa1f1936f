"""Time to fit and apply a FrameClassifier on 1,000 articles.

Articles come from ``generate.py`` (recombined sentences of the demo corpora
and, when ``../shared/data`` is there, of NewsWCL50; 400 to 900 words each).
Two codings are timed:

* single-label: each article's outlet (10 labels);
* multi-label: five MFC dimensions, an article having a dimension when the
  share of its sentences that evoke it (``framing.frames``, bundled
  dictionary) is above that dimension's median share.

For reference the same run times scikit-learn's ``TfidfVectorizer`` +
``LogisticRegression`` (one-vs-rest for the multi-label coding) on the same
texts. When ``../shared/data`` is present, the 428 real climate-change
articles (narrative frames) are timed too. Reports the best of ``--repeats``
fits.

Run from the repository root::

    python benchmarks/bench_frame_classifier.py [--n 1000] [--repeats 3]
"""

from __future__ import annotations

import argparse
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

from benchmarks.generate import iter_articles, load_pool  # noqa: E402
from framing import load_corpus  # noqa: E402
from framing.measures.classifier import FrameClassifier  # noqa: E402
from framing.measures.frames import frames  # noqa: E402

DIMENSIONS = ["economic", "political", "legality", "security_and_defense", "health_and_safety"]


def best_time(fn, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def codings(n: int) -> tuple[list[str], np.ndarray, pd.DataFrame]:
    articles = pd.DataFrame(list(iter_articles(n, load_pool(), seed=0)))
    texts = (articles["title"] + "\n\n" + articles["text"]).tolist()
    shares = frames(load_corpus(articles), level="article").pivot(
        index="doc_id", columns="frame", values="share"
    )
    shares = shares.loc[articles["doc_id"], DIMENSIONS]
    multi = (shares > shares.median()).astype(int).reset_index(drop=True)
    return texts, articles["outlet"].to_numpy(), multi


def baseline(texts, y):
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.multiclass import OneVsRestClassifier
    from sklearn.pipeline import make_pipeline

    model = LogisticRegression(max_iter=1000)
    if np.ndim(y) == 2:
        model = OneVsRestClassifier(model)
    return make_pipeline(TfidfVectorizer(), model).fit(texts, y)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)
    texts, single, multi = codings(args.n)
    words = sum(len(t.split()) for t in texts)
    print(f"{args.n} articles, {words:,} words; Python {platform.python_version()}")
    rows = []
    for name, y in (("single-label (10 outlets)", single), ("multi-label (5 dimensions)", multi)):
        clf = FrameClassifier(random_state=0)
        fit = best_time(lambda y=y, clf=clf: clf.fit(texts, y), args.repeats)
        apply = best_time(lambda clf=clf: clf.predict_proba(texts), args.repeats)
        base = best_time(lambda y=y: baseline(texts, y), args.repeats)
        rows.append((name, fit, apply, base, clf.C_))
    try:
        from tests.frames_data import CLIMATE_FRAMES, climate_articles
        from tests.shared_data import SHARED_DATA

        if SHARED_DATA.exists():
            clim = climate_articles()
            y = clim[list(CLIMATE_FRAMES.values())].astype(int)
            clf = FrameClassifier(random_state=0)
            fit = best_time(lambda: clf.fit(clim["text"].tolist(), y), args.repeats)
            apply = best_time(lambda: clf.predict_proba(clim["text"].tolist()), args.repeats)
            base = best_time(lambda: baseline(clim["text"].tolist(), y), args.repeats)
            rows.append(
                (f"climate narrative frames ({len(clim)} real articles)", fit, apply, base, clf.C_)
            )
    except ImportError:
        pass
    print(
        "| coding | FrameClassifier fit (s) | predict_proba, all texts (s) | TF-IDF + LogisticRegression fit (s) | C chosen |"
    )
    print("| --- | ---: | ---: | ---: | ---: |")
    for name, fit, apply, base, C in rows:
        print(f"| {name} | {fit:.1f} | {apply:.1f} | {base:.1f} | {C:g} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
