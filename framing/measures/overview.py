"""How much each outlet contributes: articles, words, sentences and headlines."""

from __future__ import annotations

import pandas as pd

from ..corpus import Corpus, _check_by
from ._mentions import sentence_tokens

__all__ = ["overview"]


def overview(corpus: Corpus, *, by: str = "outlet") -> pd.DataFrame:
    """One row per group: articles, words, sentences and headlines.

    Examples
    --------
    >>> from framing import load_corpus
    >>> c = load_corpus([{"outlet": "A", "text": "One two. Three."}, {"outlet": "B", "text": "Four."}])
    >>> overview(c)[["outlet", "articles", "words", "sentences"]].values.tolist()
    [['A', 1, 3, 2], ['B', 1, 1, 1]]
    """
    _check_by(corpus, by)
    sents = corpus.sentences()
    words = pd.Series([len(t) for t in sentence_tokens(corpus)], index=sents.index)
    body = sents["section"].astype(str) != "headline"
    arts = corpus.articles
    per_doc = pd.DataFrame(
        {"doc_id": arts["doc_id"], by: arts[by].astype(str), "headline": arts["has_headline"].astype(int)}
    )
    per_doc["words"] = (
        per_doc["doc_id"].map(words[body].groupby(sents.loc[body, "doc_id"]).sum()).fillna(0).astype(int)
    )
    per_doc["sentences"] = per_doc["doc_id"].map(sents[body].groupby("doc_id").size()).fillna(0).astype(int)
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


