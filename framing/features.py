"""One row per article: every framing measure side by side."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from ._parallel import chunks_of, map_chunks
from ._validate import check_options
from .analyses import ANALYSES
from .corpus import Corpus, _check_by

__all__ = ["PARTS", "article_features"]

#: The families of per-article features, one per analysis that has them, in registry order.
PARTS = tuple(a.features.part for a in ANALYSES if a.features is not None)


def article_features(
    corpus: Corpus,
    *,
    by: str = "outlet",
    include: Sequence[str] | None = None,
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
    include : sequence of str, optional
        Which families of features to compute (default: all of
        :data:`PARTS`): ``"length"``, ``"sentiment"``, ``"loaded"``,
        ``"quotes"``, ``"passive"``, ``"frames"``.
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
        the ``features`` of :data:`framing.analyses.ANALYSES`). Values are NaN where a measure is undefined
        (no headline, no passives, no quotations).

    Examples
    --------
    >>> import framing
    >>> f = framing.article_features(framing.load_example("plant-closure"))
    >>> f[["doc_id", "n_words", "mean_compound", "dominant_frame"]].shape
    (7, 4)
    """
    _check_by(corpus, by)
    include = PARTS if include is None else check_options("include", include, PARTS)
    if n_jobs != 1 or backend is not None:
        parts = list(map_chunks(article_features, chunks_of(corpus, chunksize), by=by, include=include,
                                dictionary=dictionary, n_jobs=n_jobs, backend=backend, progress=False))
        out = pd.concat(parts, ignore_index=True)
        out.attrs["sources"] = parts[0].attrs["sources"]
        return out
    arts = corpus._articles
    out = pd.DataFrame({"doc_id": arts["doc_id"].to_numpy(), by: arts[by].to_numpy()})
    options = {"dictionary": dictionary}
    sources: dict[str, str] = {}
    for a in ANALYSES:
        if a.features is None or a.features.part not in include:
            continue
        frame = a.features.compute(corpus, by, options)
        out = out.merge(frame, on="doc_id", how="left")
        for column in frame.columns[1:]:
            for key, source in a.features.sources.items():
                if column == key or (key.endswith("_") and column.startswith(key)):
                    sources[column] = source
    out.attrs["sources"] = sources
    return out
