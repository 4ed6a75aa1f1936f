"""Hero, villain, victim: who each outlet casts in which narrative role."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Literal

import numpy as np
import pandas as pd

from .._nlp.match import PatternSet
from .._nlp.roles import (
    FEATURES,
    ROLE_LABELS,
    _evidence,
    _model,
    _predict,
    design_row,
    entity_summary,
    mention_features,
)
from .._nlp.target import _score_targets
from ._docs import fill_doc
from ._ladder import finish, strata_of, within_strata
from ._mentions import find_mentions, mark_in_quote, sentence_tokens, sort_articles, voiced_mentions
from ._parses import sentence_parses
from ._stats import (
    bh_fdr,
    check_random_state,
    group_bootstrap,
    permutation_pvalue,
)

__all__ = ["actor_roles"]

#: Per-mention features reported as per-article columns (share of mentions).
ARTICLE_FEATURES = (
    "agent_of_harm",
    "patient_of_harm",
    "passive_subject_of_harm",
    "intransitive_harm",
    "agent_of_help",
    "patient_of_help",
    "agent_of_harmful_act",
    "patient_of_blame",
    "agent_of_suffering",
    "emotive_victim",
    "emotive_villain",
    "emotive_hero",
    "speaker",
)


def _role_mentions(corpus, actors: dict[str, list[str]]) -> pd.DataFrame:
    """Every actor mention with its narrative-role probabilities (computed once per corpus)."""
    key = tuple((a, tuple(v)) for a, v in actors.items())
    cached = corpus.cache.get("actor_roles", key=key)
    if cached is not None:
        return cached
    m = find_mentions(corpus, PatternSet(actors, what="alias"), merge_adjacent=True)
    m = mark_in_quote(m, corpus).rename(columns={"group": "actor"})
    sents = corpus.sentences()
    row_of = {(d, s): i for i, (d, s) in enumerate(zip(sents["doc_id"], sents["sent_id"], strict=True))}
    rows = np.array([row_of[(d, s)] for d, s in zip(m["doc_id"], m["sent_id"], strict=True)], dtype=np.int64)
    toks = sentence_tokens(corpus)
    parses = sentence_parses(corpus, np.unique(rows))
    n = len(m)
    if n:
        sent_list = m["sentence"].tolist()
        spans = list(zip(m["start"], m["end"], strict=True))
        _, scores, probs, _ = _score_targets(
            sent_list, spans, top_n=0, parses=[parses[int(r)] for r in rows], tokens_of=[toks[int(r)] for r in rows]
        )
        # the first sentence of an article's body, or its headline
        first = sents.groupby("doc_id", sort=False)["sent_id"].transform("min").to_numpy()
        lead = (sents["section"].astype(str).to_numpy() == "headline") | (sents["sent_id"].to_numpy() == first)
        own = np.zeros((n, len(FEATURES)))
        words = []
        for i, (r, text, (s, e)) in enumerate(zip(rows.tolist(), sent_list, spans, strict=True)):
            x, w = mention_features(text, int(s), int(e), sentiment=(float(probs[i, 0]), float(probs[i, 2])),
                                    lead=bool(lead[r]), p=parses[r], toks=toks[r])
            own[i] = x
            words.append(w)
        # the other mentions of the same actor in the same article
        key_codes = pd.factorize(pd.MultiIndex.from_arrays([m["doc_id"], m["actor"]]))[0]
        counts = np.bincount(key_codes)
        order = np.argsort(key_codes, kind="stable")
        bounds = np.searchsorted(key_codes[order], np.arange(counts.size + 1))
        summary = np.array([entity_summary(own[order[bounds[k] : bounds[k + 1]]]) for k in range(counts.size)])
        X = np.array([design_row(own[i], summary[key_codes[i]], int(counts[key_codes[i]])) for i in range(n)])
        model = _model()
        p = _predict(X, model)
        evidence = _evidence(X, p, words, model["coef"], 3)
    else:
        own, p, evidence, scores = np.zeros((0, len(FEATURES))), np.zeros((0, 3)), [], np.zeros(0)
    out = m[["doc_id", "outlet", "sent_id", "section", "actor", "match", "start", "end", "in_quote"]].copy()
    out["voice"] = np.where(out["in_quote"].to_numpy(bool), "quoted", "outlet")
    out["role"] = np.asarray(ROLE_LABELS, dtype=object)[p.argmax(axis=1)] if n else pd.Series(dtype=object)
    out["p_hero"], out["p_villain"], out["p_victim"] = p[:, 0], p[:, 1], p[:, 2]
    out["sentiment"] = scores
    for f in ARTICLE_FEATURES:
        out[f] = own[:, FEATURES.index(f)] > 0
    out["evidence"] = evidence
    out["sentence"] = m["sentence"].to_numpy()
    corpus.cache.put("actor_roles", out, key=key)
    return out


@fill_doc
def actor_roles(
    corpus,
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
    """Who each outlet casts as hero, villain or victim.

    Every mention of an actor (one of its aliases, matched as written) is
    given the narrative role :func:`framing.entity_roles` reads for it, with
    the other mentions of the same actor in the same article as context: an
    actor that kills, shells or blocks reads as a villain, one that is killed,
    displaced or suffers as a victim, one that helps, rescues or negotiates as
    a hero. Mentions inside quotation marks are kept apart (``voice``).

    Parameters
    ----------
    corpus : Corpus
    actors : mapping or path
        Actor name -> aliases, or a JSON/YAML file of that shape.
    %(by)s
    level : {"group", "article", "mention"}, default="group"
        ``"mention"``: every mention with its role, probabilities, evidence
        and feature flags; ``"article"``: per article and actor;
        ``"group"``: per group, actor and role, with intervals over articles.
    voice : {"outlet", "quoted", "all"}, default="outlet"
        Which mentions to summarise at the article and group levels.
    %(within)s
    test : bool, default=True
        At the group level, test per actor and role whether the groups differ.
    %(resampling)s

    Returns
    -------
    pandas.DataFrame
        ``level="mention"``: ``doc_id``, ``<by>``, ``sent_id``, ``section``,
        ``actor``, ``match``, ``start``, ``end``, ``in_quote``, ``voice``,
        ``role``, ``p_hero``, ``p_villain``, ``p_victim``, ``sentiment`` (the
        target-sentiment score), one boolean column per feature of
        :data:`ARTICLE_FEATURES` (``agent_of_harm``, ``patient_of_harm``, ...),
        ``evidence`` and ``sentence``.

        ``level="article"``: ``doc_id``, ``<by>``, ``actor``, ``n_mentions``,
        ``share_hero``, ``share_villain``, ``share_victim`` (shares of the
        mentions cast in each role), ``mean_p_hero``, ``mean_p_villain``,
        ``mean_p_victim`` and the share of mentions with each feature of
        :data:`ARTICLE_FEATURES`.

        ``level="group"``: one row per group, actor and role (hero, villain,
        victim): ``<by>``, ``actor``, ``role``, ``voice``, ``n_mentions``
        (all mentions of the actor by the group), ``n_role`` (those cast in
        the role), ``n_articles``, ``share`` (``n_role / n_mentions``),
        ``ci_low``, ``ci_high`` (bootstrap over articles) and, with ``test``,
        ``p_value`` (permutation of group labels over the articles that
        mention the actor, on the article shares of the role) and ``q_value``
        (Benjamini-Hochberg over actors and roles). Rows by group (corpus
        order), actor (input order), role.

    Raises
    ------
    ValueError
        For an unknown ``by``, ``level`` or ``voice``, an actor without
        aliases, or ``test`` with a single group.

    See Also
    --------
    entity_roles : The role of targets in texts.
    agency : Grammatical roles (agent, patient, passive subject) per outlet.

    Examples
    --------
    >>> from framing import load_corpus
    >>> c = load_corpus([
    ...     {"outlet": "A", "text": "Militants shelled the village. Militants killed four residents."},
    ...     {"outlet": "B", "text": "Rescue teams treated the wounded residents."}])
    >>> res = actor_roles(c, {"Militants": ["militants"], "Residents": ["residents"]}, test=False)
    >>> res.columns.tolist()[:6]
    ['outlet', 'actor', 'role', 'voice', 'n_mentions', 'n_role']
    >>> res.query("outlet == 'A' and actor == 'Militants' and role == 'villain'")["share"].item()
    1.0
    """
    m, actors = voiced_mentions(
        corpus, actors, _role_mentions, by=by, level=level, voice=voice, n_resamples=n_resamples, ci=ci
    )
    if level == "mention":
        return m
    roles = {r: (m["role"] == r).to_numpy(float) for r in ROLE_LABELS}
    m = m.assign(**{f"_is_{r}": v for r, v in roles.items()})
    if level == "article":
        g = m.groupby(["doc_id", "actor"], sort=False)
        cols = {"n_mentions": g.size()}
        for r in ROLE_LABELS:
            cols[f"share_{r}"] = g[f"_is_{r}"].mean()
        for r in ROLE_LABELS:
            cols[f"mean_p_{r}"] = g[f"p_{r}"].mean()
        for f in ARTICLE_FEATURES:
            cols[f] = g[f].mean()
        out = pd.DataFrame(cols).reset_index()
        out = sort_articles(out, corpus, by, actors)
        return out[["doc_id", by, "actor", *cols]].reset_index(drop=True)
    levels = corpus.groups(by)
    if test and len(levels) < 2:
        raise ValueError(
            f"testing whether outlets differ needs two or more groups; the corpus has one {by} "
            f"({levels[0]!r}); pass test=False for estimates only"
        )
    rng = check_random_state(random_state)
    strata = within_strata(corpus, by, within)
    group_of = dict(zip(corpus._articles["doc_id"], corpus._articles[by].astype(str), strict=True))
    frames, pvals = [], []
    for actor in actors:
        part = m[m["actor"] == actor]
        per_doc = part.groupby("doc_id", sort=False).agg(
            n=("role", "size"), **{r: (f"_is_{r}", "sum") for r in ROLE_LABELS}
        )
        groups = np.array([group_of[d] for d in per_doc.index], dtype=object)
        numer = per_doc[list(ROLE_LABELS)].to_numpy(float)
        denom = np.repeat(per_doc["n"].to_numpy(float)[:, None], len(ROLE_LABELS), axis=1)
        st = strata_of(corpus, strata, per_doc.index)
        res = group_bootstrap(numer, groups, levels, denom=denom, n_resamples=n_resamples, ci=ci,
                              random_state=rng, strata=st)
        counts = per_doc.groupby(groups)[["n", *ROLE_LABELS]].sum().reindex(levels).fillna(0)
        if test:
            present = len(set(groups)) >= 2
            p = (permutation_pvalue(numer / denom, groups, levels, n_resamples=n_resamples, random_state=rng,
                                    strata=st)
                 if present and n_resamples else np.full(len(ROLE_LABELS), np.nan))
            pvals.extend(p.tolist())
        for k, role in enumerate(ROLE_LABELS):
            frame = pd.DataFrame({
                by: levels, "actor": actor, "role": role, "voice": voice,
                "n_mentions": counts["n"].astype(int).to_numpy(), "n_role": counts[role].astype(int).to_numpy(),
                "n_articles": res["n_articles"], "share": res["estimate"][:, k],
                "ci_low": res["ci_low"][:, k], "ci_high": res["ci_high"][:, k],
            })
            if test:
                frame["p_value"] = p[k]
            frames.append(frame)
    out = pd.concat(frames, ignore_index=True)
    if test:
        q = bh_fdr(pvals)
        qmap = {(a, r): q[i * len(ROLE_LABELS) + k] for i, a in enumerate(actors) for k, r in enumerate(ROLE_LABELS)}
        out["q_value"] = [qmap[(a, r)] for a, r in zip(out["actor"], out["role"], strict=True)]
    order = {g: i for i, g in enumerate(levels)}
    role_order = {r: i for i, r in enumerate(ROLE_LABELS)}
    actor_order = {a: i for i, a in enumerate(actors)}
    out = out.sort_values([by, "actor", "role"], kind="stable", ignore_index=True,
                          key=lambda s: s.map(order if s.name == by else actor_order if s.name == "actor"
                                              else role_order))
    return finish(out, ci=ci, n_resamples=n_resamples, voice=voice, within=within, level=level)
