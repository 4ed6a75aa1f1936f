"""Writing the results of a comparison to a folder: tables, charts, report."""

from __future__ import annotations

import html
import warnings
from pathlib import Path
from typing import Any

import pandas as pd

from .corpus import Corpus, load_corpus

__all__ = ["overview", "write_report"]


def overview(corpus: Corpus, *, by: str = "outlet") -> pd.DataFrame:
    """One row per group: articles, words, sentences and headlines.

    Examples
    --------
    >>> from framing import load_corpus
    >>> c = load_corpus([{"outlet": "A", "text": "One two. Three."}, {"outlet": "B", "text": "Four."}])
    >>> overview(c)[["outlet", "articles", "words", "sentences"]].values.tolist()
    [['A', 1, 3, 2], ['B', 1, 1, 1]]
    """
    from ._mentions import sentence_tokens
    from .corpus import _check_by

    _check_by(corpus, by)
    sents = corpus.sentences()
    words = pd.Series([len(t) for t in sentence_tokens(corpus)], index=sents.index)
    body = sents["section"].astype(str) != "headline"
    arts = corpus.articles
    per_doc = pd.DataFrame(
        {
            "doc_id": arts["doc_id"],
            by: arts[by].astype(str),
            "headline": arts["has_headline"].astype(int),
        }
    )
    per_doc["words"] = (
        per_doc["doc_id"]
        .map(words[body].groupby(sents.loc[body, "doc_id"]).sum())
        .fillna(0)
        .astype(int)
    )
    per_doc["sentences"] = (
        per_doc["doc_id"].map(sents[body].groupby("doc_id").size()).fillna(0).astype(int)
    )
    levels = corpus.groups(by)
    g = per_doc.groupby(by)
    out = pd.DataFrame(
        {
            by: levels,
            "articles": g.size().reindex(levels).to_numpy(),
            "words": g["words"].sum().reindex(levels).to_numpy(),
            "sentences": g["sentences"].sum().reindex(levels).to_numpy(),
            "headlines": g["headline"].sum().reindex(levels).to_numpy(),
        }
    )
    out["words_per_article"] = (out["words"] / out["articles"]).round(1)
    return out


def _save(fig, out: Path, name: str) -> list[str]:
    files = []
    for ext in ("png", "svg"):
        path = out / f"{name}.{ext}"
        fig.savefig(path, dpi=150 if ext == "png" else None, bbox_inches="tight")
        files.append(path.name)
    return files


def write_report(
    source: Any,
    out: Path,
    *,
    actors: Any = None,
    concepts: Any = None,
    by: str = "outlet",
    columns: dict[str, str] | None = None,
    encoding: str = "utf-8",
    random_state: int | None = 0,
) -> Path:
    """Load ``source``, analyse it and write the results into ``out``.

    Returns the path of ``report.html``.
    """
    import matplotlib

    matplotlib.use("Agg", force=False)
    import matplotlib.pyplot as plt

    with warnings.catch_warnings(record=True):
        warnings.simplefilter("always")
        corpus = (
            source
            if isinstance(source, Corpus)
            else load_corpus(source, encoding=encoding, **(columns or {}))
        )
    out.mkdir(parents=True, exist_ok=True)
    table = overview(corpus, by=by)
    table.to_csv(out / "overview.csv", index=False)
    corpus.skipped.to_csv(out / "skipped.csv", index=False)
    dups = corpus.duplicates()
    dups.to_csv(out / "duplicates.csv", index=False)

    fig, ax = plt.subplots(figsize=(6, 0.4 * len(table) + 1.2), layout="constrained")
    ax.barh(table[by], table["words"], color=[f"C{i % 10}" for i in range(len(table))])
    ax.invert_yaxis()
    ax.set(xlabel="words in the corpus", title="How much each outlet wrote")
    images = _save(fig, out, "overview")
    plt.close(fig)

    body = [
        "<h1>framing report</h1>",
        f"<p>{len(corpus)} articles from {len(corpus.groups(by))} groups ({html.escape(by)}).</p>",
        table.to_html(index=False),
        *[f'<img src="{img}" alt="overview chart">' for img in images if img.endswith(".png")],
    ]
    path = out / "report.html"
    path.write_text(
        "<!doctype html><meta charset='utf-8'><title>framing report</title>" + "\n".join(body),
        encoding="utf-8",
    )
    return path
