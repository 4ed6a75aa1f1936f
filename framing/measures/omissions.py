"""What an outlet leaves out: actors, concepts and terms the others mention and it does not.

Omission is measured over articles. For every group (outlet) and item (an
actor, a concept, or a term the other groups use), the share of the group's
articles that mention the item is set against the share of the other groups'
articles that do, and an exact one-sided test asks whether the group mentions
it less often than its share of the articles would give: Fisher's exact test
without events, and with ``within=`` its stratified form (the sum over events
of hypergeometric counts, each event's articles fixed, Zelen 1971), so that an
outlet is compared with the others on the stories it covered. No resampling:
the p-values are exact (above a group's 200 articles over several events,
the Cochran-Mantel-Haenszel normal approximation of the same test).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Literal

import numpy as np
import pandas as pd
from scipy import stats
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from .._nlp import english as en
from .._nlp.english import lemma_of
from .._nlp.match import PatternSet
from .._validate import check_option
from ..corpus import Corpus
from ._counting import count_matrix
from ._docs import fill_doc
from ._ladder import VOICES, finish, group_labels, require_groups, within_strata
from ._mentions import attach_groups, find_mentions, mark_in_quote, read_mapping, voice_mask
from ._stats import bh_fdr

__all__ = ["OMISSION_COLUMNS", "omissions"]

#: Columns of the group-level table (after the ``by`` column).
OMISSION_COLUMNS = ("kind", "item", "n_articles", "n_mentioning", "share", "n_other", "n_other_mentioning",
                    "share_other", "difference", "p_value", "q_value", "omitted", "basis")

_KINDS = ("actor", "concept", "term")


@fill_doc
def omissions(
    corpus: Corpus,
    actors: Mapping[str, Sequence[str]] | str | Path | None = None,
    concepts: Mapping[str, Sequence[str]] | str | Path | None = None,
    *,
    by: str = "outlet",
    within: str | None = None,
    terms: bool = True,
    voice: Literal["outlet", "quoted", "all"] = "all",
    level: Literal["group", "mention"] = "group",
    majority: float = 0.5,
    ratio: float = 0.5,
    alpha: float = 0.05,
) -> pd.DataFrame:
    """What each outlet leaves out that the others mention.

    For each group and item, the share of the group's articles that mention
    the item (``share``) against the share of the other groups' articles
    (``share_other``), with an exact one-sided test of whether the group
    mentions it less, Benjamini-Hochberg q-values over every row, and
    ``omitted`` where the others mention the item in most of their articles
    and the group never does, or does significantly and substantially less
    (in at most ``ratio`` times the others' share of articles).

    Parameters
    ----------
    corpus : Corpus
    actors : mapping or path, optional
        Actor name -> aliases (as for :func:`framing.actor_sentiment`): an
        article mentions an actor when it contains one of its aliases, matched
        as written.
    concepts : mapping or path, optional
        Concept -> labels (as for :func:`framing.label_choices`): an article
        mentions a concept when it uses any of its labels.
    %(by)s
    %(within)s
        An outlet is then compared with the other outlets' articles on the
        events it covered.
    terms : bool, default=True
        Also test content words (not stop, function or reporting words, not
        numbers) that the other groups use: a
        word is tested for a group when at least ``majority`` of the other
        groups' articles contain it and at least two other groups use it
        (so one outlet's house style is never what the others "mention").
    voice : {"outlet", "quoted", "all"}, default="all"
        Which words count as a mention: all (an item mentioned only in a
        quotation is still mentioned), the outlet's own, or the quoted.
    level : {"group", "mention"}, default="group"
        ``"mention"``: every mention of every actor and concept (the evidence:
        the other outlets' sentences about an item an outlet leaves out).
    majority : float, default=0.5
        The share of the other groups' articles above which an item counts as
        one "the others mention".
    ratio : float, default=0.5
        A group that mentions the item counts as leaving it out only when its
        share is at most this fraction of ``share_other`` (a difference of a
        few points is significant in thousands of articles, and no omission).
    alpha : float, default=0.05
        Level of the q-value below which a lower share counts as omission.

    Returns
    -------
    pandas.DataFrame
        At the group level, one row per group and item: the ``by`` column,
        then :data:`OMISSION_COLUMNS`: ``kind`` (actor, concept or term),
        ``item``, ``n_articles`` of the group (with an event, when
        ``within`` is given), ``n_mentioning`` and ``share`` of them that
        mention the item, ``n_other``, ``n_other_mentioning`` and
        ``share_other`` for the other groups' articles (on the same events
        with ``within``), ``difference`` (``share - share_other``),
        ``p_value`` (exact, one-sided: the group mentions it less),
        ``q_value`` (BH over all rows), ``omitted`` and ``basis`` ("never
        mentions", "mentions less" or ""). Rows: groups in corpus order;
        actors, concepts, then terms by ``share_other``. ``attrs`` records
        ``within``, ``voice``, ``majority``, ``ratio`` and ``alpha``.

    Raises
    ------
    ValueError
        If the corpus has one group, ``by``/``within``/``voice``/``level`` are
        invalid or ``majority``/``ratio``/``alpha`` are not in (0, 1).

    Notes
    -----
    An omission resting on one article (``n_articles == 1``) can never be
    significant (Fisher's test of one article has p at least the share of
    articles that do not mention the item); it is flagged when the article
    never mentions what most of the others' articles do, and ``n_articles``
    says how little it rests on.

    References
    ----------
    Zelen, M. (1971). The analysis of several 2x2 contingency tables.
    *Biometrika* 58(1), 129-137.

    Examples
    --------
    >>> from framing import load_corpus
    >>> corpus = load_corpus([
    ...     {"outlet": "A", "text": "Strikes hit the city. Civilians fled."},
    ...     {"outlet": "A", "text": "Civilians sheltered in schools."},
    ...     {"outlet": "B", "text": "Civilians died in the strikes."},
    ...     {"outlet": "C", "text": "The army praised the precision of the strikes."},
    ... ])
    >>> res = omissions(corpus, {"civilians": ["civilians"]}, terms=False)
    >>> res[["outlet", "item", "share", "share_other", "p_value", "omitted", "basis"]]
      outlet       item  share  share_other  p_value  omitted           basis
    0      A  civilians    1.0     0.500000     1.00    False
    1      B  civilians    1.0     0.666667     1.00    False
    2      C  civilians    0.0     1.000000     0.25     True  never mentions
    """
    check_option("voice", voice, VOICES)
    check_option("level", level, ("group", "mention"))
    for name, value in (("majority", majority), ("ratio", ratio), ("alpha", alpha)):
        if not isinstance(value, (int, float)) or not 0 < value < 1:
            raise ValueError(f"The value for `{name}` must be a number between 0 and 1, but {value!r} was passed.")
    items = _item_patterns(actors, concepts)
    found = _mentions(corpus, items, voice)
    if level == "mention":
        return attach_groups(found, corpus, by) if len(found) else found
    levels = corpus.groups(by)
    require_groups(levels, by)
    strata = within_strata(corpus, by, within)
    groups = group_labels(corpus, by)
    names, present = _presence(corpus, items, found)
    kinds = [k for k, _ in names]
    labels = [n for _, n in names]
    if terms:
        t_present, t_names = _term_presence(corpus, voice)
    out = []
    for level_ in levels:
        mine, other = _sides(groups, strata, level_)
        cols = np.arange(present.shape[1])
        block = [_rows(by, level_, kinds, labels, cols, present, mine, other, strata)]
        if terms and t_present.shape[1]:
            cand = _term_candidates(t_present, groups, other, level_, majority)
            block.append(_rows(by, level_, ["term"] * len(cand), t_names[cand].tolist(), cand, t_present,
                               mine, other, strata, sort=True))
        out.extend(b for b in block if len(b))
    cols = [by, *OMISSION_COLUMNS]
    table = pd.concat(out, ignore_index=True) if out else pd.DataFrame(columns=cols)
    table["q_value"] = bh_fdr(table["p_value"].to_numpy(float)) if len(table) else []
    many = (table["share_other"] >= majority) & (table["n_other_mentioning"] >= 2)
    never = many & (table["n_mentioning"] == 0) & (table["n_articles"] > 0)
    less = many & (table["q_value"] < alpha) & (table["share"] <= ratio * table["share_other"]) & ~never
    table["omitted"] = (never | less).astype(bool)
    table["basis"] = np.where(never, "never mentions", np.where(less, "mentions less", ""))
    table = table[cols]
    table.attrs.update(majority=majority, ratio=ratio, alpha=alpha)
    return finish(table, voice=voice, within=within, level="group")


def _item_patterns(actors, concepts) -> list[tuple[str, PatternSet]]:
    out = []
    if actors is not None:
        out.append(("actor", PatternSet(read_mapping(actors, what="actors"), what="alias")))
    if concepts is not None:
        out.append(("concept", PatternSet(read_mapping(concepts, what="concepts"), what="label")))
    return out


def _mentions(corpus, items, voice) -> pd.DataFrame:
    """Every mention of every actor and concept, with its kind and voice."""
    frames = []
    for kind, ps in items:
        m = find_mentions(corpus, ps)
        if not len(m):
            continue
        m = mark_in_quote(m, corpus)
        m = m[voice_mask(m["in_quote"].to_numpy(bool), voice)]
        frames.append(pd.DataFrame({
            "doc_id": m["doc_id"].to_numpy(), "sent_id": m["sent_id"].to_numpy(), "kind": kind,
            "item": m["group"].to_numpy(), "match": m["match"].to_numpy(), "in_quote": m["in_quote"].to_numpy(),
            "sentence": m["sentence"].to_numpy()}))
    cols = ["doc_id", "sent_id", "kind", "item", "match", "in_quote", "sentence"]
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=cols)


def _presence(corpus, items, found) -> tuple[list[tuple[str, str]], np.ndarray]:
    """(kind, item) of every actor and concept, and which articles mention each (articles x items)."""
    names = [(kind, name) for kind, ps in items for name in dict.fromkeys(ps.groups)]
    present = np.zeros((len(corpus), len(names)), dtype=bool)
    if len(found):
        row = {d: i for i, d in enumerate(corpus._articles["doc_id"])}
        col = {n: j for j, n in enumerate(names)}
        present[[row[d] for d in found["doc_id"]], [col[(k, i)] for k, i in zip(found["kind"], found["item"],
                                                                               strict=True)]] = True
    return names, present


def _term_presence(corpus, voice) -> tuple[np.ndarray, np.ndarray]:
    """Which articles contain each content word (not a stop, function or reporting word, not a number)."""
    X, names, _ = count_matrix(corpus, (1, 1), "english", voice=voice)
    names = np.asarray(names, dtype=object)
    keep = np.array([_content_word(w) for w in names], dtype=bool)
    return (X[:, keep] > 0).tocsc(), names[keep]


def _content_word(word: str) -> bool:
    w = word.lower()
    return (w not in ENGLISH_STOP_WORDS and w not in en.FUNCTION_WORDS and w not in en.PERSONAL_PRONOUNS
            and w not in en.REPORTING_FORMS and lemma_of(w) not in en.REPORTING_VERBS
            and any(c.isalpha() for c in w) and len(w) > 1)


def _sides(groups, strata, level) -> tuple[np.ndarray, np.ndarray]:
    """The group's articles and the others' (on the group's events with strata)."""
    mine = groups == level
    other = (groups != level) & (groups != "")
    if strata is not None:
        mine &= strata >= 0
        other &= np.isin(strata, np.unique(strata[mine]))
    return mine, other


def _term_candidates(present, groups, other, level, majority) -> np.ndarray:
    """Terms at least ``majority`` of the other articles contain, used by two or more other groups."""
    n_other = int(other.sum())
    if not n_other:
        return np.zeros(0, dtype=int)
    share = np.asarray(present[other].sum(axis=0)).ravel() / n_other
    cand = np.flatnonzero(share >= majority)
    if not len(cand):
        return cand
    others = [g for g in dict.fromkeys(groups[other]) if g != level]
    users = np.zeros(len(cand), dtype=int)
    sub = present[:, cand]
    for g in others:
        users += np.asarray(sub[groups == g].sum(axis=0)).ravel() > 0
    return cand[users >= min(2, len(others))]


def _rows(by, level, kinds, labels, cols, present, mine, other, strata, sort=False) -> pd.DataFrame:
    if not len(cols):
        return pd.DataFrame()
    sub = present[:, cols]
    dense = sub.toarray() if hasattr(sub, "toarray") else np.asarray(sub)
    dense = dense.astype(bool)
    n, n_o = int(mine.sum()), int(other.sum())
    x = dense[mine].sum(axis=0)
    x_o = dense[other].sum(axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        share, share_o = x / n if n else np.full(len(cols), np.nan), x_o / n_o if n_o else np.full(len(cols), np.nan)
    p = _lower_tail(dense, mine, other, strata, x)
    frame = pd.DataFrame({
        by: level, "kind": kinds, "item": labels, "n_articles": n, "n_mentioning": x.astype(np.int64),
        "share": share, "n_other": n_o, "n_other_mentioning": x_o.astype(np.int64), "share_other": share_o,
        "difference": share - share_o, "p_value": p})
    if sort:
        frame = frame.sort_values(["share_other", "item"], ascending=[False, True], kind="stable")
    return frame


#: Above this many articles of a group the stratified test uses its normal approximation.
EXACT_MAX = 200


def _lower_tail(dense, mine, other, strata, x) -> np.ndarray:
    """P(X <= x) for the group's count of mentioning articles, each event's articles fixed.

    Exact (a convolution of hypergeometric distributions, one per event) up to
    :data:`EXACT_MAX` articles of the group; beyond, the Cochran-Mantel-Haenszel
    normal approximation with continuity correction.
    """
    k = dense.shape[1]
    if not mine.any() or not other.any():
        return np.full(k, np.nan)
    both = mine | other
    codes = strata[both] if strata is not None else np.zeros(int(both.sum()), dtype=np.int64)
    _, codes = np.unique(codes, return_inverse=True)
    E = codes.max() + 1
    n_e = np.bincount(codes, weights=mine[both], minlength=E).astype(int)  # the group's articles per event
    N_e = np.bincount(codes, minlength=E)
    K_e = np.zeros((E, k))
    np.add.at(K_e, codes, dense[both])
    keep = n_e > 0
    n_e, N_e, K_e = n_e[keep], N_e[keep], K_e[keep]
    if len(n_e) == 1:  # one event (or none given): Fisher's exact test
        return np.minimum(stats.hypergeom.cdf(x, N_e[0], K_e[0], n_e[0]), 1.0)
    if n_e.sum() > EXACT_MAX:
        mean = (n_e[:, None] * K_e / N_e[:, None]).sum(axis=0)
        with np.errstate(invalid="ignore", divide="ignore"):
            var = np.where(N_e[:, None] > 1, n_e[:, None] * K_e * (N_e[:, None] - K_e) * (N_e - n_e)[:, None]
                           / (N_e[:, None] ** 2 * (N_e[:, None] - 1)), 0.0).sum(axis=0)
            z = (x + 0.5 - mean) / np.sqrt(var)
        return np.where(var > 0, stats.norm.cdf(z), np.where(x >= mean, 1.0, 0.0))
    dist = np.ones((k, 1))
    for n, N, K in zip(n_e, N_e, K_e, strict=True):
        pmf = stats.hypergeom.pmf(np.arange(n + 1)[None, :], N, K[:, None], n)  # k x (n + 1)
        new = np.zeros((k, dist.shape[1] + n))
        for s in range(n + 1):
            new[:, s : s + dist.shape[1]] += dist * pmf[:, s : s + 1]
        dist = new
    cdf = np.cumsum(dist, axis=1)
    return np.minimum(cdf[np.arange(k), np.asarray(x, dtype=int)], 1.0)
