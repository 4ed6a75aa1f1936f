"""Sentiment toward each actor, per outlet, in the outlet's own voice and in quotations."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Literal

import numpy as np
import pandas as pd

from .._nlp.match import PatternSet
from .._nlp.target import _score_targets
from ..corpus import Corpus
from ._docs import fill_doc
from ._ladder import finish, require_groups, strata_of, within_strata
from ._mentions import find_mentions, mark_in_quote, sentence_tokens, sort_articles, voiced_mentions
from ._parses import sentence_parses
from ._stats import (
    bh_fdr,
    bootstrap_weights,
    check_random_state,
    group_bootstrap,
    percentile_interval,
    permutation_pvalue,
)

__all__ = ["actor_sentiment"]



def _scored_mentions(corpus: Corpus, actors: dict[str, list[str]]) -> pd.DataFrame:
    """Every actor mention with its voice and target sentiment (computed once per corpus)."""
    key = tuple((a, tuple(v)) for a, v in actors.items())
    cached = corpus.cache.get("actor_mentions", key=key)
    if cached is not None:
        return cached
    patterns = PatternSet(actors, what="alias")
    m = find_mentions(corpus, patterns, merge_adjacent=True)
    m = mark_in_quote(m, corpus)
    m = m.rename(columns={"group": "actor"}).drop(columns=["phrase", "tok_start", "tok_end"])
    if len(m):
        # clause parses shared with the agency and role measures (corpus cache)
        sents = corpus.sentences()
        row_of = {(d, s): i for i, (d, s) in enumerate(zip(sents["doc_id"], sents["sent_id"], strict=True))}
        rows = [row_of[(d, s)] for d, s in zip(m["doc_id"], m["sent_id"], strict=True)]
        parses = sentence_parses(corpus, np.unique(rows))
        toks = sentence_tokens(corpus)
        labels, scores, probs, evidence = _score_targets(
            m["sentence"].tolist(), list(zip(m["start"], m["end"], strict=True)),
            parses=[parses[r] for r in rows], tokens_of=[toks[r] for r in rows],
        )
    else:
        labels, scores, probs, evidence = np.array([], dtype=object), np.array([]), np.zeros((0, 3)), []
    m["voice"] = np.where(m["in_quote"].to_numpy(bool), "quoted", "outlet")
    m["label"] = labels
    m["score"] = scores
    m["p_negative"], m["p_neutral"], m["p_positive"] = probs[:, 0], probs[:, 1], probs[:, 2]
    m["evidence"] = evidence
    columns = ["doc_id", "outlet", "sent_id", "section", "actor", "match", "start", "end", "in_quote", "voice",
               "label", "score", "p_negative", "p_neutral", "p_positive", "evidence", "sentence"]
    m = m[columns]
    corpus.cache.put("actor_mentions", m, key=key)
    return m


def relative_to_mean(
    numer: np.ndarray,
    denom: np.ndarray,
    groups: np.ndarray,
    levels: Sequence[str],
    *,
    strata: np.ndarray | None = None,
    n_resamples: int = 1000,
    ci: float = 0.95,
    random_state=0,
) -> dict[str, np.ndarray]:
    """Each group's estimate minus the mean of all groups' estimates.

    The estimate of a group is the ratio of sums ``sum(numer) / sum(denom)``
    over its articles (the mean score of its mentions). Within each stratum
    (an event, when ``strata`` is given; the whole corpus otherwise) every
    group's estimate is compared with the unweighted mean of the estimates of
    the groups present there, so each outlet counts once whatever its size;
    a stratum with fewer than two groups says nothing and is left out. The
    differences are pooled across strata weighted by the group's articles
    there. Intervals: percentile bootstrap, articles resampled within each
    (group, stratum) cell, the whole computation repeated per resample.

    Returns
    -------
    dict
        ``relative``, ``ci_low``, ``ci_high`` (NaN for a group with fewer
        than two articles in the compared strata, or absent), and ``mean``:
        the mean of all groups' estimates (pooled over strata like the
        differences, the same for every group).

    Examples
    --------
    >>> r = relative_to_mean(np.array([-1.0, -0.5, 0.5, 0.0]), np.ones(4),
    ...                      np.array(["A", "A", "B", "B"]), ["A", "B"], n_resamples=0)
    >>> r["relative"].tolist(), r["mean"].tolist()
    ([-0.5, 0.5], [-0.25, -0.25])
    """
    rng = check_random_state(random_state)
    groups = np.asarray(groups)
    strata = np.zeros(len(groups), dtype=np.int64) if strata is None else pd.factorize(np.asarray(strata))[0]
    L = len(levels)
    index = {g: i for i, g in enumerate(levels)}
    gcode = np.array([index.get(g, -1) for g in groups], dtype=np.int64)
    n_strata = int(strata.max()) + 1 if len(strata) else 0
    B = int(n_resamples)
    # per (stratum, group): observed sums and bootstrap sums (B of them)
    num = np.zeros((n_strata, L))
    den = np.zeros((n_strata, L))
    arts = np.zeros((n_strata, L))
    bnum = np.zeros((B, n_strata, L))
    bden = np.zeros((B, n_strata, L))
    for s in range(n_strata):
        for g in range(L):
            idx = np.flatnonzero((strata == s) & (gcode == g))
            if not len(idx):
                continue
            num[s, g], den[s, g], arts[s, g] = numer[idx].sum(), denom[idx].sum(), len(idx)
            if B:
                W = bootstrap_weights(len(idx), B, rng)
                bnum[:, s, g], bden[:, s, g] = W @ numer[idx], W @ denom[idx]

    def pooled(nm, dn):
        with np.errstate(invalid="ignore", divide="ignore"):
            est = nm / dn
        present = dn > 0
        k = present.sum(axis=-1, keepdims=True)
        use = present & (k >= 2)
        mean = np.where(k >= 2, np.nansum(np.where(present, est, 0.0), axis=-1, keepdims=True) / np.maximum(k, 1), np.nan)
        rel = np.where(use, est - mean, 0.0)
        w = np.where(use, arts, 0.0)
        wsum = w.sum(axis=-2)
        with np.errstate(invalid="ignore", divide="ignore"):
            out = (rel * w).sum(axis=-2) / wsum
            m = (np.where(use, mean, 0.0) * w).sum(axis=-2).sum(axis=-1) / wsum.sum(axis=-1)
        return np.where(wsum > 0, out, np.nan), m, wsum

    rel, mean, wsum = pooled(num, den)
    low = np.full(L, np.nan)
    high = np.full(L, np.nan)
    if B:
        samples, _, _ = pooled(bnum, bden)
        ok = wsum >= 2
        if ok.any():
            lo, hi = percentile_interval(samples[:, ok], ci)
            low[ok], high[ok] = lo, hi
    return {"relative": rel, "ci_low": low, "ci_high": high, "mean": np.full(L, float(mean))}


@fill_doc
def actor_sentiment(
    corpus: Corpus,
    actors: Mapping[str, Sequence[str]] | str | Path,
    *,
    by: str = "outlet",
    level: Literal["group", "article", "mention"] = "group",
    voice: Literal["outlet", "quoted", "all"] = "outlet",
    within: str | None = None,
    test: bool = True,
    n_resamples: int = 1000,
    ci: float = 0.95,
    random_state=0,
) -> pd.DataFrame:
    """How each outlet writes about each actor: target-level sentiment of every mention.

    Every mention of an actor (one of its aliases; adjacent aliases such as
    "Hamas fighters" are one mention) is scored with
    :func:`framing.target_sentiment`, which reads the words around the
    mention, not the whole sentence's tone. Mentions inside quotation marks
    are kept apart: a quoted speaker's sentiment is not the outlet's.

    Parameters
    ----------
    corpus : Corpus
    actors : mapping or path
        Actor name -> aliases, or a JSON/YAML file of that shape. When
        aliases overlap, the longest match wins.
    %(by)s
    level : {"group", "article", "mention"}, default="group"
        ``"mention"``: every mention with its score and the words that drove
        it (the evidence); ``"article"``: per article and actor;
        ``"group"``: per group and actor, with intervals over articles.
    voice : {"outlet", "quoted", "all"}, default="outlet"
        Which mentions to summarise at the article and group levels: the
        outlet's own voice (outside quotation marks), quotations, or all.
    test : bool, default=True
        At the group level, test per actor whether the groups differ
        (needs two or more groups).
    %(ladder)s

    Returns
    -------
    pandas.DataFrame
        ``level="mention"``: ``doc_id``, ``<by>``, ``sent_id``, ``section``,
        ``actor``, ``match`` (as written), ``start``, ``end`` (offsets in the
        sentence), ``in_quote``, ``voice`` ("outlet" or "quoted"),
        ``label`` (negative, neutral, positive), ``score`` (P(positive) -
        P(negative)), the three probabilities, ``evidence`` and ``sentence``.

        ``level="article"``: ``doc_id``, ``<by>``, ``actor``,
        ``n_mentions``, ``estimate`` (mean score), ``share_negative``,
        ``share_positive``.

        ``level="group"``: ``<by>``, ``actor``, ``voice``, ``n_mentions``,
        ``n_articles`` (articles mentioning the actor), ``estimate`` (mean
        score of the mentions), ``ci_low``, ``ci_high`` (bootstrap over
        articles), ``share_negative``, ``share_positive``,
        ``all_outlets_mean`` (the unweighted mean of every group's estimate
        for the actor), ``relative`` (the group's estimate minus that mean:
        how much warmer or colder than the other outlets it writes about the
        actor, on the same -1 to +1 score scale, so a story that is negative
        everywhere does not make every outlet look hostile), its interval
        ``relative_ci_low``, ``relative_ci_high`` (bootstrap over articles,
        the mean recomputed in every resample) and, with ``test``,
        ``p_value`` (permutation of group labels across the
        articles that mention the actor) and ``q_value`` (Benjamini-Hochberg
        over actors). Every (group, actor) pair is present; an actor a group
        never mentions has ``n_mentions`` 0 and NaN estimates. Rows by group
        (corpus order) then actor (input order).

    Raises
    ------
    ValueError
        For an unknown ``by``, ``level`` or ``voice``, an actor without
        aliases, or ``test`` with a single group.

    Notes
    -----
    The target model is a logistic regression over the content words of the
    sentence by their relation to the mention (its predicate, modifiers,
    what it does and suffers, read with framing's clause rules), negation,
    contrast, VADER valences and cue words, trained on NewsMTSC (Hamborg &
    Donnay 2021); figures in docs/validation.md. Aliases match as written
    ("the president" never matches "the presidents"). ``relative`` answers
    the comparative question: on coverage of a war every actor is spoken of
    negatively in every outlet, and the mean score says so; the difference
    from all outlets' mean says which outlet is harsher or milder than the
    others toward the same actor (:func:`framing.plot.plot_relative_sentiment`).

    Examples
    --------
    >>> from framing import load_corpus
    >>> c = load_corpus([
    ...     {"outlet": "A", "text": "Critics condemned the mayor for the scandal. The mayor lied again."},
    ...     {"outlet": "B", "text": "Residents praised the mayor for the new park."}])
    >>> res = actor_sentiment(c, {"Mayor": ["mayor"]}, test=False)
    >>> res[["outlet", "actor", "n_mentions"]].values.tolist()
    [['A', 'Mayor', 2], ['B', 'Mayor', 1]]
    >>> bool(res["estimate"].iat[0] < res["estimate"].iat[1])
    True
    """
    m, actors = voiced_mentions(
        corpus, actors, _scored_mentions, by=by, level=level, voice=voice, n_resamples=n_resamples, ci=ci
    )
    if level == "mention":
        return m
    m = m.assign(_neg=(m["label"] == "negative").astype(float), _pos=(m["label"] == "positive").astype(float))
    if level == "article":
        g = m.groupby(["doc_id", "actor"], sort=False)
        out = pd.DataFrame({
            "n_mentions": g.size(), "estimate": g["score"].mean(),
            "share_negative": g["_neg"].mean(), "share_positive": g["_pos"].mean(),
        }).reset_index()
        out = sort_articles(out, corpus, by, actors)
        return out[["doc_id", by, "actor", "n_mentions", "estimate", "share_negative", "share_positive"]].reset_index(
            drop=True
        )
    levels = corpus.groups(by)
    if test:
        require_groups(levels, by, hint="Pass test=False for estimates only.")
    strata = within_strata(corpus, by, within)
    rng = check_random_state(random_state)
    frames, pvals = [], []
    group_of = dict(zip(corpus._articles["doc_id"], corpus._articles[by].astype(str), strict=True))
    for actor in actors:
        part = m[m["actor"] == actor]
        per_doc = part.groupby("doc_id", sort=False).agg(
            s=("score", "sum"), n=("score", "size"), neg=("_neg", "sum"), pos=("_pos", "sum")
        )
        groups = np.array([group_of[d] for d in per_doc.index], dtype=object)
        s_doc = strata_of(corpus, strata, per_doc.index)
        res = group_bootstrap(per_doc["s"].to_numpy(), groups, levels, denom=per_doc["n"].to_numpy(),
                              n_resamples=n_resamples, ci=ci, random_state=rng, strata=s_doc)
        counts = per_doc.groupby(groups)[["n", "neg", "pos"]].sum().reindex(levels).fillna(0)
        with np.errstate(invalid="ignore", divide="ignore"):
            frame = pd.DataFrame({
                by: levels, "actor": actor, "voice": voice, "n_mentions": counts["n"].astype(int).to_numpy(),
                "n_articles": res["n_articles"], "estimate": res["estimate"], "ci_low": res["ci_low"],
                "ci_high": res["ci_high"],
                "share_negative": (counts["neg"] / counts["n"]).to_numpy(),
                "share_positive": (counts["pos"] / counts["n"]).to_numpy(),
            })
        rel = relative_to_mean(per_doc["s"].to_numpy(float), per_doc["n"].to_numpy(float), groups, levels,
                               strata=s_doc, n_resamples=n_resamples, ci=ci, random_state=rng)
        frame["all_outlets_mean"] = rel["mean"]
        frame["relative"] = rel["relative"]
        frame["relative_ci_low"] = rel["ci_low"]
        frame["relative_ci_high"] = rel["ci_high"]
        if test:
            values = (per_doc["s"] / per_doc["n"]).to_numpy()
            present = len(set(groups)) >= 2
            p = (permutation_pvalue(values, groups, levels, n_resamples=n_resamples, random_state=rng, strata=s_doc)[0]
                 if present and n_resamples else np.nan)
            frame["p_value"] = p
            pvals.append(p)
        frames.append(frame)
    out = pd.concat(frames, ignore_index=True)
    if test:
        q = dict(zip(actors, bh_fdr(pvals), strict=True))
        out["q_value"] = out["actor"].map(q)
    order = {g: i for i, g in enumerate(levels)}
    out = out.sort_values(by, key=lambda s: s.map(order), kind="stable", ignore_index=True)
    return finish(out, ci=ci, n_resamples=n_resamples, voice=voice, within=within, level="group")
