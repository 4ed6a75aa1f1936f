"""Loaded and emotive language, hedges and intensifiers: per outlet and per actor.

Two questions a reader of several outlets' accounts of one event asks:

* How much loaded, emotive language does each outlet use, and of which kind
  (violence, suffering, condemnation, derision, euphemism, ...)? How much does
  it hedge ("reportedly", "may", "appears to") or intensify ("utterly",
  "deeply")? :func:`loaded_language` counts the entries of a lexicon per
  sentence, article or outlet, as a rate per 1,000 tokens.
* Which emotive words does each outlet use near each side of a conflict
  ("massacre" for one side's dead and not the other's)?
  :func:`emotive_terms` ties every lexicon match to the actors mentioned in
  the same sentence.

Both accept a bundled lexicon by name (``"emotive"``, ``"hedges"``,
``"intensifiers"``; see :func:`framing.lexicons.list_lexicons`), a DataFrame
with the columns ``term``, ``category`` and optionally ``weight``, or a
``{category: [term, ...]}`` mapping.
"""

from __future__ import annotations

import numbers
from collections.abc import Mapping, Sequence
from typing import Literal

import numpy as np
import pandas as pd
import scipy.sparse as sp

from .._nlp.match import PatternSet
from .._validate import check_option, check_random_state
from ..corpus import SECTIONS
from ._docs import fill_doc
from ._ladder import (
    VOICES,
    article_index,
    check_level_and_sections,
    finish,
    group_labels,
    require_groups,
    summarise,
    within_strata,
)
from ._lexmatch import actor_mentions, attribute, expand, lexicon_matches, resolve_lexicon
from ._mentions import quoted_tokens, read_mapping, sentence_tokens, voice_mask

__all__ = ["loaded_language", "emotive_terms"]

_ALL = "all"
_LEVELS = ("group", "article", "sentence", "mention")


def _select(m: dict[str, np.ndarray], keep: np.ndarray) -> dict[str, np.ndarray]:
    sel = keep[m["row"]]
    return {k: v[sel] for k, v in m.items()}


def _with_quotes(corpus, m: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """``m`` with ``in_quote``: whether each match starts inside quotation marks."""
    qt = quoted_tokens(corpus)
    return {**m, "in_quote": np.fromiter((qt[r][s] for r, s in zip(m["row"], m["ts"], strict=True)), bool,
                                          count=len(m["row"]))}


def _voiced(m: dict[str, np.ndarray], voice: str) -> dict[str, np.ndarray]:
    sel = voice_mask(m["in_quote"], voice)
    return {k: v[sel] for k, v in m.items()}


def _voiced_tokens(corpus, voice: str) -> np.ndarray:
    """Tokens of every sentence in the chosen voice (the denominator of rates)."""
    if voice == "all":
        return np.array([len(s) for s in sentence_tokens(corpus)], dtype=float)
    return np.array([voice_mask(q, voice).sum() for q in quoted_tokens(corpus)], dtype=float)


# -- validation -------------------------------------------------------------------




def _check_positive(name: str, value) -> None:
    if isinstance(value, bool) or not isinstance(value, numbers.Real) or not value > 0:
        raise ValueError(f"{name} must be a positive number, got {value!r}")






# -- loaded language --------------------------------------------------------------


@fill_doc
def loaded_language(
    corpus,
    *,
    lexicon: str | pd.DataFrame | Mapping[str, Sequence[str]] = "emotive",
    by: str = "outlet",
    level: Literal["group", "article", "sentence", "mention"] = "group",
    sections: Sequence[str] | None = None,
    per: float = 1000,
    weighted: bool = False,
    voice: Literal["outlet", "quoted", "all"] = "outlet",
    within: str | None = None,
    test: bool = True,
    n_resamples: int = 1000,
    ci: float = 0.95,
    random_state=0,
) -> pd.DataFrame:
    """Rate of loaded and emotive language (or hedges, or intensifiers) per outlet.

    Every sentence is searched for the entries of ``lexicon``; matches are
    counted per category and in total (category ``"all"``), and divided by the
    number of tokens, as a rate per ``per`` tokens.

    Parameters
    ----------
    %(corpus)s
    lexicon : str, pandas.DataFrame or mapping, default="emotive"
        A bundled lexicon name (``"emotive"``, ``"hedges"``,
        ``"intensifiers"``), a DataFrame with columns ``term``, ``category``
        and optionally ``weight`` (1 when absent), or a ``{category: [term,
        ...]}`` mapping. Terms may span several words and use ``*``/``?``
        globs inside a word; the last word also matches its simple plural or
        singular.
    %(by)s
    level : {"group", "article", "sentence", "mention"}, default="group"
        Aggregation level of the result (see Returns).
    sections : sequence of {"headline", "lede", "body"}, optional
        Count only these parts of each article (all by default).
    per : float, default=1000
        Rates are per this many tokens.
    weighted : bool, default=False
        Rates sum the entries' weights instead of counting matches (``count``
        stays the number of matches).
    %(test)s
    %(voice)s
    %(ladder)s

    Returns
    -------
    pandas.DataFrame
        ``level="group"``: one row per (group, category), columns ``<by>``,
        ``category``, ``count`` (matches), ``n_tokens``, ``estimate`` (the
        pooled rate per ``per`` tokens), ``ci_low``, ``ci_high``,
        ``n_articles``, ``p_value`` (do the groups differ in this category?)
        and ``q_value`` (Benjamini-Hochberg over the categories).
        ``level="article"``: one row per (article, category), columns
        ``doc_id``, ``<by>``, ``category``, ``count``, ``n_tokens``, ``rate``.
        ``level="sentence"``: the same per sentence, with ``sent_id`` and
        ``section`` after ``<by>``. ``level="mention"``: one row per match and
        category, columns ``doc_id``, ``<by>``, ``sent_id``, ``section``,
        ``category``, ``term`` (the lexicon entry), ``match`` (as written),
        ``weight``, ``start``, ``end`` (characters within the sentence) and
        ``sentence``. Groups follow ``corpus.groups(by)``, articles and
        sentences the corpus order; categories come in lexicon order after
        ``"all"``.

    Raises
    ------
    ValueError
        For an unknown lexicon name (the message lists the bundled ones), a
        DataFrame without ``term``/``category``, an unknown ``by`` or
        ``level``, or a test with fewer than two groups.

    See Also
    --------
    emotive_terms : The same lexicons tied to the actors they describe.
    framing.lexicons.load_lexicon : The bundled lexicons as tables.

    Notes
    -----
    Tokens are those of framing's tokenizer (words and numbers; punctuation
    is not counted). Matches never overlap: the longest entry starting at a
    token wins, an exact entry before a glob. A match counts once in
    ``"all"`` and once in every category listed for its term. The token
    "may" is not counted when it is the month or a name ("in May", "May 7",
    "Theresa May", a capitalised "May" inside a sentence).

    The group estimate is the ratio of sums ``per * sum(count) /
    sum(n_tokens)`` over the group's articles (summed weights in place of
    ``count`` with ``weighted=True``); its interval is a percentile
    bootstrap that resamples articles within the group (Efron & Tibshirani
    1993), NaN for groups with fewer than two articles. The test permutes the
    group labels of the articles and compares the between-group sum of
    squares of the article rates (a permutation one-way ANOVA); p-values are
    adjusted over categories (Benjamini & Hochberg 1995). Loaded-language
    lexicons in media-bias research: Recasens, Danescu-Niculescu-Mizil &
    Jurafsky (2013); Spinde et al. (2021).

    Examples
    --------
    >>> from framing import load_corpus
    >>> corpus = load_corpus([
    ...     {"outlet": "A", "text": "A brutal massacre. Officials reportedly left."},
    ...     {"outlet": "B", "text": "Troops left the town on Monday."},
    ... ])
    >>> lexicon = {"violence": ["massacre*", "brutal"], "hedge": ["reportedly"]}
    >>> loaded_language(corpus, lexicon=lexicon, level="article")
      doc_id outlet  category  count  n_tokens        rate
    0    a-1      A       all      3         6  500.000000
    1    a-1      A  violence      2         6  333.333333
    2    a-1      A     hedge      1         6  166.666667
    3    b-1      B       all      0         6    0.000000
    4    b-1      B  violence      0         6    0.000000
    5    b-1      B     hedge      0         6    0.000000
    >>> loaded_language(corpus, lexicon="hedges", level="mention")[["doc_id", "category", "match"]]
      doc_id     category       match
    0    a-1  attribution  reportedly
    """
    keep = check_level_and_sections(corpus, by, level, _LEVELS, sections)
    check_option("voice", voice, VOICES)
    strata = within_strata(corpus, by, within)
    _check_positive("per", per)
    lex = resolve_lexicon(lexicon)
    m = _with_quotes(corpus, _select(lexicon_matches(corpus, lex), keep))
    if level == "mention":
        match, lexrow = expand(m, lex)
        return _mention_table(corpus, by, m, match, lexrow, lex)
    m = _voiced(m, voice)
    match, lexrow = expand(m, lex)
    sents = corpus.sentences()
    items = [_ALL] + lex.categories
    n_tok = _voiced_tokens(corpus, voice) * keep
    weight = lex.table["weight"].to_numpy(dtype=float)
    w_all = np.array([weight[lex.rows_of[t]].max() for t in m["term"]]) if weighted else 1.0
    w_cat = weight[lexrow] if weighted else 1.0
    counts = np.zeros((len(sents), len(items)))
    values = np.zeros((len(sents), len(items)))
    np.add.at(counts[:, 0], m["row"], 1)
    np.add.at(counts, (m["row"][match], lex.cat_code[lexrow] + 1), 1)
    np.add.at(values[:, 0], m["row"], w_all)
    np.add.at(values, (m["row"][match], lex.cat_code[lexrow] + 1), w_cat)
    if level == "sentence":
        sub = sents.loc[keep, ["doc_id", "outlet", "sent_id", "section"]]
        return _long(corpus, by, sub, items, counts[keep], values[keep], n_tok[keep], per)
    art = article_index(corpus, sents["doc_id"])
    n_art = len(corpus)
    a_counts, a_values = np.zeros((n_art, len(items))), np.zeros((n_art, len(items)))
    np.add.at(a_counts, art, counts)
    np.add.at(a_values, art, values)
    a_tok = np.bincount(art, weights=n_tok, minlength=n_art)
    if level == "article":
        frame = corpus._articles[["doc_id", "outlet"]]
        return _long(corpus, by, frame, items, a_counts, a_values, a_tok, per)
    out = _group_rates(corpus, by, items, a_counts, a_values, a_tok, per, test, n_resamples, ci, random_state, strata)
    return finish(out, ci=ci, n_resamples=n_resamples, voice=voice, within=within, level="group")


def _long(corpus, by, frame, items, counts, values, n_tok, per) -> pd.DataFrame:
    """One row per (row of ``frame``, item)."""
    k = len(items)
    out = frame.loc[frame.index.repeat(k)].reset_index(drop=True)
    if by != "outlet":
        out = out.drop(columns="outlet")
        lookup = corpus._articles.set_index("doc_id")[by]
        out.insert(1, by, lookup.reindex(out["doc_id"]).to_numpy())
    out["category"] = np.tile(np.asarray(items, dtype=object), len(frame))
    out["count"] = counts.reshape(-1).astype(np.int64)
    tok = np.repeat(n_tok, k)
    out["n_tokens"] = tok.astype(np.int64)
    with np.errstate(invalid="ignore", divide="ignore"):
        out["rate"] = per * values.reshape(-1) / tok
    return out


def _group_rates(
    corpus, by, items, counts, values, n_tok, per, test, n_resamples, ci, random_state, strata=None
):
    levels = corpus.groups(by)
    if test:
        require_groups(levels, by, hint="Pass test=False to get the rates without a test.")
    groups = group_labels(corpus, by)
    ok = n_tok > 0
    res = summarise(values, groups, levels, denom=n_tok, n_resamples=n_resamples, ci=ci, random_state=random_state,
                    strata=strata, test=(per * values[ok] / n_tok[ok, None], groups[ok],
                                         None if strata is None else strata[ok]) if test else False)
    g_counts = np.array([counts[groups == lv].sum(axis=0) for lv in levels])
    g_tok = np.array([n_tok[groups == lv].sum() for lv in levels])
    k = len(items)
    return pd.DataFrame(
        {
            by: np.repeat(levels, k),
            "category": np.tile(np.asarray(items, dtype=object), len(levels)),
            "count": g_counts.reshape(-1).astype(np.int64),
            "n_tokens": np.repeat(g_tok, k).astype(np.int64),
            "estimate": per * res.estimate.reshape(-1),
            "ci_low": per * res.ci_low.reshape(-1),
            "ci_high": per * res.ci_high.reshape(-1),
            "ci_note": res.ci_note.reshape(-1),
            "n_articles": np.repeat(res.n_articles, k).astype(np.int64),
            "p_value": np.tile(res.p_value, len(levels)),
            "q_value": np.tile(res.q_value, len(levels)),
            "test": np.tile(res.test, len(levels)),
        }
    )


def _mention_table(corpus, by, m, match, lexrow, lex) -> pd.DataFrame:
    sents = corpus.sentences()
    rows = m["row"][match]
    texts = sents["text"].to_numpy()[rows]
    start, end = m["start"][match], m["end"][match]
    out = pd.DataFrame(
        {
            "doc_id": sents["doc_id"].to_numpy()[rows],
            by: _by_values(corpus, by, sents["doc_id"].to_numpy()[rows]),
            "sent_id": sents["sent_id"].to_numpy()[rows],
            "section": sents["section"].to_numpy()[rows],
            "category": lex.table["category"].to_numpy()[lexrow],
            "term": lex.table["term"].to_numpy()[lexrow],
            "match": [t[s:e] for t, s, e in zip(texts, start, end, strict=True)],
            "weight": lex.table["weight"].to_numpy(dtype=float)[lexrow],
            "start": start,
            "end": end,
            "in_quote": m["in_quote"][match],
            "voice": np.where(m["in_quote"][match], "quoted", "outlet"),
            "sentence": texts,
        }
    )
    out["section"] = pd.Categorical(out["section"], categories=list(SECTIONS))
    return out


def _by_values(corpus, by, doc_ids) -> np.ndarray:
    lookup = corpus._articles.set_index("doc_id")[by]
    return lookup.reindex(doc_ids).to_numpy()


# -- emotive language tied to actors -------------------------------------------------


@fill_doc
def emotive_terms(
    corpus,
    actors: Mapping[str, Sequence[str]] | str,
    *,
    lexicon: str | pd.DataFrame | Mapping[str, Sequence[str]] = "emotive",
    window: int | None = None,
    attribution: Literal["nearest", "all"] = "nearest",
    unit: Literal["term", "category"] = "term",
    by: str = "outlet",
    level: Literal["group", "article", "mention"] = "group",
    sections: Sequence[str] | None = None,
    per: float = 100,
    min_count: int = 1,
    voice: Literal["outlet", "quoted", "all"] = "outlet",
    within: str | None = None,
    n_resamples: int = 1000,
    ci: float = 0.95,
    random_state=0,
) -> pd.DataFrame:
    """Which emotive words each outlet uses near each actor.

    Every lexicon match in a sentence that mentions one or more actors is
    attributed to an actor (see Notes), then counted per group, actor and
    term (or category), and divided by the number of times the group
    mentions the actor: "massacre" near one side's dead and not the other's.

    Parameters
    ----------
    %(corpus)s
    %(actors)s
    lexicon : str, pandas.DataFrame or mapping, default="emotive"
        As in :func:`loaded_language`.
    window : int, optional
        Attribute a match only to actor mentions at most this many tokens
        away (1 = adjacent, 0 = overlapping), within the same sentence. None:
        anywhere in the same sentence.
    attribution : {"nearest", "all"}, default="nearest"
        ``"nearest"``: to the actor whose mention is nearest (all actors tied
        for nearest share it); ``"all"``: to every actor mentioned in the
        window.
    unit : {"term", "category"}, default="term"
        Count lexicon entries, or categories (with ``"all"`` first).
    %(by)s
    level : {"group", "article", "mention"}, default="group"
        Aggregation level of the result (see Returns).
    sections : sequence of {"headline", "lede", "body"}, optional
        Use only these parts of each article (all by default).
    per : float, default=100
        Rates are per this many mentions of the actor.
    min_count : int, default=1
        With ``unit="term"``, keep the entries attributed to some actor at
        least this many times in the whole corpus.
    %(voice)s
    %(ladder)s

    Returns
    -------
    pandas.DataFrame
        ``level="group"``: one row per (group, actor, item), columns
        ``<by>``, ``actor``, ``category``, ``term`` (with ``unit="term"``),
        ``count`` (matches attributed to the actor), ``n_shared`` (of which
        shared with another actor), ``n_mentions`` (mentions of the actor),
        ``estimate`` (``per * count / n_mentions``, pooled over the group's
        articles), ``ci_low``, ``ci_high`` and ``n_articles`` (articles of the
        group that mention the actor). ``level="article"``: one row per
        (article, actor, item) for the articles that mention the actor,
        columns ``doc_id``, ``<by>``, ``actor``, ``category``, [``term``],
        ``count``, ``n_shared``, ``n_mentions`` and ``rate``.
        ``level="mention"``: the evidence, one row per (match, category,
        actor), columns ``doc_id``, ``<by>``, ``sent_id``, ``section``,
        ``actor``, ``category``, ``term``, ``match``, ``start``, ``end``,
        ``actor_match`` (the nearest mention of the actor), ``actor_start``,
        ``actor_end``, ``distance`` (tokens), ``shared`` and ``sentence``.
        Rows follow ``corpus.groups(by)`` (or the corpus order), actors in
        input order, then items in lexicon order.

    Raises
    ------
    ValueError
        For an actor without aliases, an unknown lexicon, ``by``, ``level``,
        ``unit`` or ``attribution``, or a negative ``window``.

    See Also
    --------
    loaded_language : Rates of the same lexicons per outlet.

    Notes
    -----
    The distance between a match and a mention is 0 when they overlap, else
    the number of tokens from the end of the first to the start of the
    second plus one (adjacent words are 1 apart). An actor mentioned twice in
    a sentence counts once per match, at its nearest mention. With
    ``attribution="nearest"`` a match between "Israeli troops" and "Hamas"
    goes to the closer of the two, or to both (``shared``) at equal distance.
    A lexicon entry inside an actor mention (an alias such as "terrorists")
    has distance 0 and is attributed to that actor. Intervals resample the
    articles that mention the actor within each group (percentile bootstrap).
    The hand count this automates is the one of media monitors who tally
    emotive words by which side's victims they describe.

    Examples
    --------
    >>> from framing import load_corpus
    >>> corpus = load_corpus([
    ...     {"outlet": "A", "text": "Rebels carried out a massacre. The army said little."},
    ...     {"outlet": "B", "text": "The army staged a brutal raid far from the rebels."},
    ... ])
    >>> actors = {"army": ["army"], "rebels": ["rebels"]}
    >>> table = emotive_terms(corpus, actors, level="article")
    >>> table[["doc_id", "actor", "term", "count", "n_mentions"]]
      doc_id   actor       term  count  n_mentions
    0    a-1    army  massacre*      0           1
    1    a-1    army     brutal      0           1
    2    a-1  rebels  massacre*      1           1
    3    a-1  rebels     brutal      0           1
    4    b-1    army  massacre*      0           1
    5    b-1    army     brutal      1           1
    6    b-1  rebels  massacre*      0           1
    7    b-1  rebels     brutal      0           1
    >>> evidence = emotive_terms(corpus, actors, level="mention")
    >>> evidence[["doc_id", "actor", "match", "actor_match", "distance", "shared"]]
      doc_id   actor     match actor_match  distance  shared
    0    a-1  rebels  massacre      Rebels         4   False
    1    b-1    army    brutal        army         3   False
    """
    keep = check_level_and_sections(corpus, by, level, ("group", "article", "mention"), sections)
    _check_positive("per", per)
    if attribution not in ("nearest", "all"):
        check_option("attribution", attribution, ("nearest", "all"))
    if unit not in ("term", "category"):
        check_option("unit", unit, ("term", "category"))
    if window is not None and (
        isinstance(window, bool) or not isinstance(window, (int, np.integer)) or window < 0
    ):
        raise ValueError(
            f"window must be None (same sentence) or a non-negative int, got {window!r}"
        )
    mapping = read_mapping(actors, what="actors")
    names = list(mapping)
    check_option("voice", voice, VOICES)
    strata = within_strata(corpus, by, within)
    lex = resolve_lexicon(lexicon)
    m = _select(lexicon_matches(corpus, lex), keep)
    if level != "mention":
        m = _voiced(_with_quotes(corpus, m), voice)
    men = actor_mentions(corpus, PatternSet(mapping, what="alias"), keep)
    pairs = attribute(m, men, window=window, attribution=attribution)
    att, lexrow = expand({"term": m["term"][pairs["match"].to_numpy()]}, lex)
    if level == "mention":
        return _actor_evidence(corpus, by, _with_quotes(corpus, m), men, pairs, att, lexrow, lex, names)
    art_of_row = article_index(corpus, corpus.sentences()["doc_id"])
    n_art, n_act = len(corpus), len(names)
    if unit == "term":
        total = np.bincount(lexrow, minlength=len(lex.table))
        items = np.flatnonzero(total >= max(min_count, 1))
        col_of = np.full(len(lex.table), -1)
        col_of[items] = np.arange(len(items))
        ok = col_of[lexrow] >= 0
        cols, pa = col_of[lexrow][ok], att[ok]
        labels = {"category": lex.table["category"].to_numpy()[items]}
        labels["term"] = lex.table["term"].to_numpy()[items]
    else:  # "all" counts each attribution once, then one count per category
        cols = np.concatenate([np.zeros(len(pairs), dtype=int), lex.cat_code[lexrow] + 1])
        pa = np.concatenate([np.arange(len(pairs)), att])
        labels = {"category": np.asarray([_ALL] + lex.categories, dtype=object)}
    shape = (n_art * n_act, len(labels["category"]))
    key = (
        art_of_row[m["row"][pairs["match"].to_numpy()[pa]]] * n_act + pairs["actor"].to_numpy()[pa]
    )
    counts = sp.csr_matrix((np.ones(len(key)), (key, cols)), shape=shape)
    shared = sp.csr_matrix((pairs["shared"].to_numpy()[pa].astype(float), (key, cols)), shape=shape)
    n_men = np.zeros((n_art, n_act))
    np.add.at(n_men, (art_of_row[men["row"]], men["actor"]), 1)
    if level == "article":
        return _actor_article_rows(corpus, by, names, labels, counts, shared, n_men, per)
    stats = dict(n_resamples=n_resamples, ci=ci, random_state=check_random_state(random_state), test=False)
    out = _actor_group_rows(corpus, by, names, labels, counts, shared, n_men, per, stats, strata)
    return finish(out, ci=ci, n_resamples=n_resamples, voice=voice, within=within, level="group")


def _actor_evidence(corpus, by, m, men, pairs, att, lexrow, lex, names) -> pd.DataFrame:
    sents = corpus.sentences()
    match = pairs["match"].to_numpy()[att]
    mention = pairs["mention"].to_numpy()[att]
    rows = m["row"][match]
    texts = sents["text"].to_numpy()[rows]
    start, end = m["start"][match], m["end"][match]
    doc = sents["doc_id"].to_numpy()[rows]
    return pd.DataFrame(
        {
            "doc_id": doc,
            by: _by_values(corpus, by, doc),
            "sent_id": sents["sent_id"].to_numpy()[rows],
            "section": pd.Categorical(sents["section"].to_numpy()[rows], categories=list(SECTIONS)),
            "actor": np.asarray(names, dtype=object)[pairs["actor"].to_numpy()[att]],
            "category": lex.table["category"].to_numpy()[lexrow],
            "term": lex.table["term"].to_numpy()[lexrow],
            "match": [t[s:e] for t, s, e in zip(texts, start, end, strict=True)],
            "start": start,
            "end": end,
            "actor_match": men["match"][mention],
            "actor_start": men["start"][mention],
            "actor_end": men["end"][mention],
            "distance": pairs["distance"].to_numpy()[att].astype(np.int64),
            "shared": pairs["shared"].to_numpy()[att],
            "in_quote": m["in_quote"][match],
            "voice": np.where(m["in_quote"][match], "quoted", "outlet"),
            "sentence": texts,
        }
    )


def _actor_group_rows(corpus, by, names, labels, counts, shared, n_men, per, stats, strata=None):
    levels, groups = corpus.groups(by), group_labels(corpus, by)
    L, n_act, k = len(levels), len(names), counts.shape[1]
    est, low, high = (np.full((L, n_act, k), np.nan) for _ in range(3))
    c_sum, s_sum = np.zeros((L, n_act, k)), np.zeros((L, n_act, k))
    m_sum, n_articles = np.zeros((L, n_act)), np.zeros((L, n_act), dtype=np.int64)
    for a in range(n_act):
        sub = np.flatnonzero(n_men[:, a] > 0)  # resample the articles that mention the actor
        if not len(sub):
            continue
        rows = sub * n_act + a
        res = summarise(counts[rows], groups[sub], levels, denom=n_men[sub, a],
                        strata=None if strata is None else strata[sub], **stats)
        est[:, a], low[:, a], high[:, a] = res.estimate, res.ci_low, res.ci_high
        n_articles[:, a] = res.n_articles
        for g, lv in enumerate(levels):
            in_g = groups[sub] == lv
            c_sum[g, a] = np.asarray(counts[rows[in_g]].sum(axis=0)).ravel()
            s_sum[g, a] = np.asarray(shared[rows[in_g]].sum(axis=0)).ravel()
            m_sum[g, a] = n_men[sub[in_g], a].sum()
    out = {
        by: np.repeat(levels, n_act * k),
        "actor": np.tile(np.repeat(np.asarray(names, dtype=object), k), L),
        **{c: np.tile(v, L * n_act) for c, v in labels.items()},
        "count": c_sum.reshape(-1).astype(np.int64),
        "n_shared": s_sum.reshape(-1).astype(np.int64),
        "n_mentions": np.repeat(m_sum.reshape(-1), k).astype(np.int64),
        "estimate": per * est.reshape(-1),
        "ci_low": per * low.reshape(-1),
        "ci_high": per * high.reshape(-1),
        "n_articles": np.repeat(n_articles.reshape(-1), k),
    }
    return pd.DataFrame(out)


def _actor_article_rows(corpus, by, names, labels, counts, shared, n_men, per) -> pd.DataFrame:
    k = counts.shape[1]
    art, act = np.nonzero(n_men > 0)  # row-major: article, then actor
    keys = art * len(names) + act
    doc = corpus._articles["doc_id"].to_numpy()[art]
    men = np.repeat(n_men[art, act], k)
    c = counts[keys].toarray().reshape(-1)
    out = {
        "doc_id": np.repeat(doc, k),
        by: np.repeat(_by_values(corpus, by, doc), k),
        "actor": np.repeat(np.asarray(names, dtype=object)[act], k),
        **{col: np.tile(v, len(keys)) for col, v in labels.items()},
        "count": c.astype(np.int64),
        "n_shared": shared[keys].toarray().reshape(-1).astype(np.int64),
        "n_mentions": men.astype(np.int64),
        "rate": per * c / men,
    }
    return pd.DataFrame(out)
