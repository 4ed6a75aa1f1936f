"""One row per article: every framing measure side by side."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from ._parallel import chunks_of, map_chunks
from .corpus import Corpus, _check_by

__all__ = ["article_features", "FEATURE_SOURCES"]

_PARTS = ("length", "sentiment", "loaded", "passive", "quotes", "frames")
_VERB_CATEGORIES = ("neutral", "doubt", "concession", "emphasis", "accusation", "denial")

#: Column (or column prefix ending in "_") -> the function whose output explains it.
FEATURE_SOURCES = {
    "n_words": "framing.Corpus.sentences (tokens of body sentences)",
    "n_sentences": "framing.Corpus.sentences",
    "n_paragraphs": "framing.Corpus.sentences",
    "mean_compound": "framing.sentiment_profile(level='article')",
    "share_negative": "framing.sentiment_profile(level='article')",
    "share_positive": "framing.sentiment_profile(level='article')",
    "headline_compound": "framing.sentiment_profile(level='article')",
    "lede_compound": "framing.sentiment_profile(level='article')",
    "loaded_rate": "framing.loaded_language(level='article')",
    "hedge_rate": "framing.loaded_language(lexicon='hedges', level='article')",
    "intensifier_rate": "framing.loaded_language(lexicon='intensifiers', level='article')",
    "passive_rate": "framing.passive_voice(level='article'), measure 'passive'",
    "agentless_passive_rate": "framing.passive_voice(level='article'), measure 'agentless_passive'",
    "agentless_share": "framing.passive_voice(level='article'), measure 'agentless_share'",
    "intransitive_harm_share": "framing.passive_voice(level='article'), measure 'intransitive_harm_share'",
    "quote_share": "framing.quotes(level='article')",
    "n_quotes": "framing.quotes(level='article')",
    "n_indirect": "framing.quotes(level='article')",
    "verb_share_": "framing.quotes(level='mention'), column 'category'",
    "frame_": "framing.frames(level='article'), column 'share'",
    "dominant_frame": "framing.frames(level='article'), column 'dominant'",
}


def article_features(
    corpus: Corpus,
    *,
    by: str = "outlet",
    include: Sequence[str] = _PARTS,
    dictionary="mfc",
    n_jobs: int = 1,
    backend: str | None = None,
    chunksize: int = 500,
) -> pd.DataFrame:
    """Every per-article measure of framing in one table.

    Parameters
    ----------
    corpus : Corpus
    by : str, default="outlet"
        Article column copied next to ``doc_id``.
    include : sequence of str, default=all
        Which families of features to compute: ``"length"``,
        ``"sentiment"``, ``"loaded"``, ``"passive"``, ``"quotes"``,
        ``"frames"``.
    dictionary : str, pandas.DataFrame, mapping or path, default="mfc"
        Frame dictionary passed to :func:`framing.frames`.
    n_jobs : int, default=1
        Processes computing chunks of articles at once (joblib; -1 for all
        cores). The result is identical to ``n_jobs=1``.
    backend : {"loky", "threading", "dask"}, optional
        joblib backend; ``"dask"`` uses the workers of the current
        ``dask.distributed`` client.
    chunksize : int, default=500
        Articles per chunk when ``n_jobs`` is not 1 or a backend is given.

    Returns
    -------
    pandas.DataFrame
        One row per article in corpus order, with ``doc_id``, ``<by>`` and

        * length: ``n_words`` (tokens in the body), ``n_sentences`` (body
          sentences), ``n_paragraphs``;
        * sentiment (VADER): ``mean_compound``, ``share_negative``,
          ``share_positive``, ``headline_compound``, ``lede_compound``;
        * loaded language, per 1,000 tokens: ``loaded_rate`` (emotive or
          loaded terms), ``hedge_rate``, ``intensifier_rate``;
        * voice: ``passive_rate`` and ``agentless_passive_rate`` (per
          sentence), ``agentless_share`` (agentless among passives),
          ``intransitive_harm_share`` ("died" among harm verbs);
        * quotations: ``quote_share`` (words inside quotation marks),
          ``n_quotes``, ``n_indirect`` and ``verb_share_<category>`` for the
          main reporting-verb categories (share of the article's
          attributions);
        * frames: ``frame_<dimension>`` (share of sentences evoking it) and
          ``dominant_frame``.

        ``result.attrs["sources"]`` maps every column to the function that
        explains it, where its evidence sentences are (see
        :data:`FEATURE_SOURCES`). Values are NaN where a measure is undefined
        (no headline, no passives, no quotations).

    Examples
    --------
    >>> import framing
    >>> f = framing.article_features(framing.load_example("plant-closure"))
    >>> f[["doc_id", "n_words", "mean_compound", "dominant_frame"]].shape
    (7, 4)
    """
    _check_by(corpus, by)
    unknown = [p for p in include if p not in _PARTS]
    if unknown:
        raise ValueError(f"include has unknown part(s) {unknown}; choose among {list(_PARTS)}")
    if n_jobs != 1 or backend is not None:
        parts = list(map_chunks(article_features, chunks_of(corpus, chunksize), by=by, include=include,
                                dictionary=dictionary, n_jobs=n_jobs, backend=backend, progress=False))
        out = pd.concat(parts, ignore_index=True)
        out.attrs["sources"] = parts[0].attrs["sources"]
        return out
    arts = corpus._articles
    out = pd.DataFrame({"doc_id": arts["doc_id"].to_numpy(), by: arts[by].to_numpy()})
    sources: dict[str, str] = {}

    def join(frame: pd.DataFrame) -> None:
        nonlocal out
        out = out.merge(frame, on="doc_id", how="left")

    if "length" in include:
        from .measures._mentions import sentence_tokens

        sents = corpus.sentences()
        body = (sents["section"].astype(str) != "headline").to_numpy()
        n_tok = np.array([len(t) for t in sentence_tokens(corpus)])
        frame = pd.DataFrame({"doc_id": sents["doc_id"][body], "tok": n_tok[body], "p": sents["paragraph"][body]})
        g = frame.groupby("doc_id", sort=False)
        join(pd.DataFrame({"n_words": g["tok"].sum(), "n_sentences": g.size(), "n_paragraphs": g["p"].nunique()})
             .reset_index())
    if "sentiment" in include:
        from .measures.sentiment import SENTIMENT_METRICS, sentiment_profile

        s = sentiment_profile(corpus, level="article", by=by)
        join(s[["doc_id", *SENTIMENT_METRICS]])
    if "loaded" in include:
        from .measures.loaded import loaded_language

        for lexicon, column in (("emotive", "loaded_rate"), ("hedges", "hedge_rate"),
                                ("intensifiers", "intensifier_rate")):
            t = loaded_language(corpus, lexicon=lexicon, level="article", by=by)
            t = t[t["category"] == "all"][["doc_id", "rate"]].rename(columns={"rate": column})
            join(t)
    if "passive" in include:
        from .measures.agency import passive_voice

        p = passive_voice(corpus, level="article", by=by)
        wide = p.pivot_table(index="doc_id", columns="measure", values="rate", aggfunc="first", sort=False)
        names = {"passive": "passive_rate", "agentless_passive": "agentless_passive_rate",
                 "agentless_share": "agentless_share", "intransitive_harm_share": "intransitive_harm_share"}
        join(wide.reindex(columns=list(names)).rename(columns=names).reset_index())
    if "quotes" in include:
        from .measures.quotes import quotes

        q = quotes(corpus, level="article", what="share", by=by)
        join(q[["doc_id", "share", "n_quotes", "n_indirect"]].rename(columns={"share": "quote_share"}))
        m = quotes(corpus, level="mention", by=by)
        verbs = m[m["category"].notna()]
        counts = verbs.groupby(["doc_id", "category"]).size().unstack(fill_value=0)
        counts = counts.reindex(columns=list(_VERB_CATEGORIES), fill_value=0)
        totals = verbs.groupby("doc_id").size()
        shares = counts.div(totals, axis=0).add_prefix("verb_share_").reset_index()
        join(shares)
    if "frames" in include:
        from .measures.frames import frames

        f = frames(corpus, dictionary, level="article", by=by)
        wide = f.pivot_table(index="doc_id", columns="frame", values="share", aggfunc="first", sort=False)
        wide = wide[[c for c in dict.fromkeys(f["frame"]) if c in wide.columns]].add_prefix("frame_")
        dominant = f[f["dominant"]].drop_duplicates("doc_id").set_index("doc_id")["frame"].rename("dominant_frame")
        join(wide.join(dominant).reset_index())
    for column in out.columns:
        for key, source in FEATURE_SOURCES.items():
            if column == key or (key.endswith("_") and column.startswith(key)):
                sources[column] = source
    out.attrs["sources"] = sources
    return out
