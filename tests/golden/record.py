"""Golden tables: every public function's output on the demo corpora and NewsWCL50.

A refactor must leave these identical. Each table is stored as a digest (shape,
columns and a SHA-256 of its canonical CSV), never as text: NewsWCL50's articles
belong to their outlets and stay in ``../shared/data``.

    python -m tests.golden.record            # compare with the stored digests
    python -m tests.golden.record --update   # store new digests (say why in the commit)
    python -m tests.golden.record --dump DIR # write every table as CSV, to diff two versions
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import tempfile
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

HERE = Path(__file__).resolve().parent
NAMES = ("rafah", "plant-closure", "newswcl50")

# Actors and concepts for NewsWCL50, written for these tests (the dataset's
# annotations are not copied).
NEWSWCL50_ACTORS = {
    "Trump": ["Donald Trump", "Trump", "the president", "President Trump"],
    "Democrats": ["Democrats", "Democratic Party", "Democratic lawmakers"],
    "Republicans": ["Republicans", "GOP", "Republican Party"],
    "Kim Jong Un": ["Kim Jong Un", "Kim", "North Korean leader"],
    "immigrants": ["immigrants", "migrants", "refugees", "asylum seekers"],
}
NEWSWCL50_CONCEPTS = {
    "immigrants": ["immigrants", "illegal immigrants", "illegals", "migrants", "undocumented immigrants", "aliens"],
    "the wall": ["wall", "border wall", "barrier", "fence"],
    "tariffs": ["tariffs", "trade war", "duties", "taxes"],
}


def canonical(frame: pd.DataFrame) -> str:
    """A table as CSV text that does not depend on dtypes or index."""
    out = frame.reset_index(drop=True).copy()
    for column in out.columns:
        values = out[column]
        if isinstance(values.dtype, pd.CategoricalDtype):
            out[column] = values.astype(object)
        if values.dtype == object:
            out[column] = values.map(lambda v: repr(v) if isinstance(v, (list, tuple, dict, set, np.ndarray)) else v)
    return out.to_csv(index=False, float_format="%.12g", lineterminator="\n")


def digest(frame: pd.DataFrame) -> dict:
    text = canonical(frame)
    return {
        "shape": list(frame.shape),
        "columns": [str(c) for c in frame.columns],
        "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
    }


def _newswcl50():
    import framing
    from tests.shared_data import newswcl50_articles

    arts = newswcl50_articles().drop(columns=["gold_starts"])
    return framing.load_corpus(arts), NEWSWCL50_ACTORS, NEWSWCL50_CONCEPTS


def corpus_and_lists(name: str):
    import framing

    if name == "newswcl50":
        return _newswcl50()
    actors, concepts = framing.datasets.load_example_lists(name)
    return framing.load_example(name), actors, concepts


def tables(name: str) -> dict[str, pd.DataFrame]:
    """Every golden table of one corpus, by name."""
    import framing
    import framing.stream

    corpus, actors, concepts = corpus_and_lists(name)
    rs = {"n_resamples": 200, "random_state": 0}
    out: dict[str, pd.DataFrame] = {
        "articles": corpus.articles,
        "sentences": corpus.sentences(),
        "duplicates": corpus.duplicates(),
    }
    result = framing.compare(corpus, actors, concepts, progress=False, **rs)
    for key in result.names:
        out[f"compare/{key}"] = result[key]
    out["compare/summary"] = result.summary()

    out["terms/default"] = framing.distinctive_terms(corpus, **rs)
    out["terms/pairwise"] = framing.distinctive_terms(corpus, compare="pairwise", min_count=3, **rs)
    out["terms/chi2"] = framing.distinctive_terms(corpus, method="chi2", min_count=3, **rs)
    out["terms/g2"] = framing.distinctive_terms(corpus, method="g2", min_count=3, ngram_range=(1, 2), **rs)
    from framing.measures.terms import term_counts

    out["term_counts"] = term_counts(corpus, ngram_range=(1, 2))

    for level in ("article", "mention"):
        out[f"labels/{level}"] = framing.label_choices(corpus, concepts, level=level, **rs)
        out[f"actor_sentiment/{level}"] = framing.actor_sentiment(corpus, actors, level=level, **rs)
        out[f"agency/{level}"] = framing.agency(corpus, actors, level=level, **rs)
        out[f"emotive_terms/{level}"] = framing.emotive_terms(corpus, actors, level=level, **rs)
        out[f"emotive_categories/{level}"] = framing.emotive_terms(corpus, actors, unit="category", level=level, **rs)
    out["labels/no_inflect"] = framing.label_choices(corpus, concepts, inflect=False, **rs)
    out["actor_sentiment/all"] = framing.actor_sentiment(corpus, actors, voice="all", **rs)
    for level in ("sentence", "mention"):
        out[f"loaded/{level}"] = framing.loaded_language(corpus, level=level, **rs)
        out[f"frames/{level}"] = framing.frames(corpus, level=level, **rs)
    out["passive/mention"] = framing.passive_voice(corpus, level="mention", **rs)
    out["passive/sentence"] = framing.passive_voice(corpus, level="sentence", **rs)
    out["loaded/weighted"] = framing.loaded_language(corpus, weighted=True, **rs)
    out["sentiment/sentence"] = framing.sentiment_profile(corpus, level="sentence", **rs)
    for what in ("speakers", "verbs"):
        out[f"quotes/article_{what}"] = framing.quotes(corpus, actors=actors, level="article", what=what, **rs)
    first = {c: labels[:1] for c, labels in concepts.items()}
    out["suggest_labels"] = framing.suggest_labels(corpus, first)
    out["kwic"] = framing.kwic(corpus, list(concepts.values())[0])

    sents = corpus.sentences()
    out["score_sentiment"] = framing.score_sentiment(sents["text"].tolist())
    texts, targets = [], []
    for text in sents["text"]:
        for aliases in actors.values():
            hit = next((m for a in aliases if (m := re.search(rf"\b{re.escape(a)}\b", text))), None)
            if hit is not None:
                texts.append(text)
                targets.append(hit.span())
                break
    out["target_sentiment"] = framing.target_sentiment(texts, targets)

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "corpus.jsonl"
        arts = corpus.articles
        arts["date"] = arts["date"].astype(str) if "date" in arts.columns else None
        arts.drop(columns=[c for c in ("has_headline",) if c in arts.columns]).to_json(
            path, orient="records", lines=True, force_ascii=False, default_handler=str
        )
        stream = framing.load_corpus(path, chunksize=5)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            res = framing.stream.analyze_stream(stream, actors, concepts, progress=False)
        out["stream/summary"] = res.summary(random_state=0, n_resamples=200)
        out["stream/terms"] = res.distinctive_terms(min_count=3)
        out["stream/articles"] = res.articles
    return out


def record(name: str) -> dict:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return {key: digest(frame) for key, frame in tables(name).items()}


def stored(name: str) -> dict:
    return json.loads((HERE / f"{name}.json").read_text(encoding="utf-8"))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update", action="store_true")
    parser.add_argument("--dump", type=Path)
    parser.add_argument("names", nargs="*", default=list(NAMES))
    args = parser.parse_args(argv)
    status = 0
    for name in args.names:
        if args.dump:
            folder = args.dump / name
            folder.mkdir(parents=True, exist_ok=True)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                for key, frame in tables(name).items():
                    (folder / (key.replace("/", "__") + ".csv")).write_text(canonical(frame), encoding="utf-8")
            continue
        now = record(name)
        if args.update:
            (HERE / f"{name}.json").write_text(json.dumps(now, indent=1, sort_keys=True) + "\n", encoding="utf-8")
            print(f"{name}: {len(now)} tables stored")
            continue
        old = stored(name)
        changed = sorted(k for k in set(old) | set(now) if old.get(k) != now.get(k))
        print(f"{name}: {len(now)} tables, {len(changed)} changed" + (": " + ", ".join(changed) if changed else ""))
        status |= bool(changed)
    return status


if __name__ == "__main__":
    sys.exit(main())
