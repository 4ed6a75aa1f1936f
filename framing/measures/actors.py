"""Sentiment toward each actor, per outlet, in the outlet's own voice and in quotations."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Literal

import numpy as np
import pandas as pd

from .._nlp.match import PatternSet
from .._nlp.target import _score_targets
from ._mentions import attach_groups, find_mentions, mark_in_quote, read_mapping
from ._stats import (
    bh_fdr,
    check_random_state,
    check_resampling,
    group_bootstrap,
    permutation_pvalue,
)
from ..corpus import Corpus, _check_by

__all__ = ["actor_sentiment"]

_LEVELS = ("group", "article", "mention")
_VOICES = ("outlet", "quoted", "all")


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
        labels, scores, probs, evidence = _score_targets(
            m["sentence"].tolist(), list(zip(m["start"], m["end"], strict=True))
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


def actor_sentiment(
    corpus: Corpus,
    actors: Mapping[str, Sequence[str]] | str | Path,
    *,
    by: str = "outlet",
    level: Literal["group", "article", "mention"] = "group",
    voice: Literal["outlet", "quoted", "all"] = "outlet",
    test: bool = True,
    n_resamples: int = 1000,
    ci: float = 0.95,
    random_state=None,
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
    by : str, default="outlet"
        Column of ``corpus.articles`` that defines the groups.
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
    n_resamples : int, default=1000
        Bootstrap resamples and permutations.
    ci : float, default=0.95
        Confidence level of the intervals.
    random_state : None, int or numpy.random.Generator

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
        articles), ``share_negative``, ``share_positive`` and, with
        ``test``, ``p_value`` (permutation of group labels across the
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
    The target model is a logistic regression over words around the mention
    (by side, distance and clause), negation, VADER lexicon sums and cue
    words, trained on NewsMTSC (Hamborg & Donnay 2021); its 5-fold
    cross-validated macro-F1 is 0.66 against 0.52 for labelling each target
    with its sentence's VADER label (docs/validation.md).

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
    if level not in _LEVELS:
        raise ValueError(f"level={level!r} is not valid; choose one of {list(_LEVELS)}")
    if voice not in _VOICES:
        raise ValueError(f"voice={voice!r} is not valid; choose one of {list(_VOICES)}")
    _check_by(corpus, by)
    check_resampling(n_resamples, ci)
    actors = read_mapping(actors, what="actors")
    m = attach_groups(_scored_mentions(corpus, actors), corpus, by)
    if by != "outlet":
        m = m.drop(columns=["outlet"])
    if level == "mention":
        return m.reset_index(drop=True)
    if voice != "all":
        m = m[m["voice"] == voice]
    m = m.assign(_neg=(m["label"] == "negative").astype(float), _pos=(m["label"] == "positive").astype(float))
    if level == "article":
        g = m.groupby(["doc_id", "actor"], sort=False)
        out = pd.DataFrame({
            "n_mentions": g.size(), "estimate": g["score"].mean(),
            "share_negative": g["_neg"].mean(), "share_positive": g["_pos"].mean(),
        }).reset_index()
        out = attach_groups(out, corpus, by)
        order = {d: i for i, d in enumerate(corpus._articles["doc_id"])}
        actor_order = {a: i for i, a in enumerate(actors)}
        out = out.sort_values(["doc_id", "actor"], key=lambda s: s.map(order if s.name == "doc_id" else actor_order))
        return out[["doc_id", by, "actor", "n_mentions", "estimate", "share_negative", "share_positive"]].reset_index(
            drop=True
        )
    levels = corpus.groups(by)
    if test and len(levels) < 2:
        raise ValueError(
            f"testing whether outlets differ needs two or more groups; the corpus has one {by} "
            f"({levels[0]!r}); pass test=False for estimates only"
        )
    rng = check_random_state(random_state)
    frames, pvals = [], []
    group_of = dict(zip(corpus._articles["doc_id"], corpus._articles[by].astype(str), strict=True))
    for actor in actors:
        part = m[m["actor"] == actor]
        per_doc = part.groupby("doc_id", sort=False).agg(
            s=("score", "sum"), n=("score", "size"), neg=("_neg", "sum"), pos=("_pos", "sum")
        )
        groups = np.array([group_of[d] for d in per_doc.index], dtype=object)
        res = group_bootstrap(per_doc["s"].to_numpy(), groups, levels, denom=per_doc["n"].to_numpy(),
                              n_resamples=n_resamples, ci=ci, random_state=rng)
        counts = per_doc.groupby(groups)[["n", "neg", "pos"]].sum().reindex(levels).fillna(0)
        with np.errstate(invalid="ignore", divide="ignore"):
            frame = pd.DataFrame({
                by: levels, "actor": actor, "voice": voice, "n_mentions": counts["n"].astype(int).to_numpy(),
                "n_articles": res["n_articles"], "estimate": res["estimate"], "ci_low": res["ci_low"],
                "ci_high": res["ci_high"],
                "share_negative": (counts["neg"] / counts["n"]).to_numpy(),
                "share_positive": (counts["pos"] / counts["n"]).to_numpy(),
            })
        if test:
            values = (per_doc["s"] / per_doc["n"]).to_numpy()
            present = len(set(groups)) >= 2
            p = (permutation_pvalue(values, groups, levels, n_resamples=n_resamples, random_state=rng)[0]
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
    return out
