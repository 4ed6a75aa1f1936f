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
import scipy.sparse as sp
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
OMISSION_COLUMNS = ("kind", "item", "n_events", "n_articles", "n_mentioning", "share", "n_other", "n_other_mentioning",
                    "share_other", "difference", "p_value", "q_value", "omitted", "basis")

#: With several events, a word counts as one the others mention on an event only when it is this many
#: times more common in the others' articles on the event than in the articles of the other events.
TOPICAL = 3.0

#: The fewest articles of the other groups that must mention an item for its absence to be an omission.
MIN_OTHERS = 3


@fill_doc
def omissions(
    corpus: Corpus,
    actors: Mapping[str, Sequence[str]] | str | Path | None = None,
    concepts: Mapping[str, Sequence[str]] | str | Path | None = None,
    *,
    by: str = "outlet",
    within: str | None = None,
    terms: bool = False,
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
        events it covered, and each item on the events where the other
        outlets mention it in most of their articles (an item one event is
        about is left out there, not diluted over every event).
    terms : bool, default=False
        Also test content words (not stop, function or reporting words, not
        numbers) that the other groups use: a
        word is tested for a group when, in at least one of its events, more
        than ``majority`` of the other groups' articles contain it and at
        least two other groups use it (so one outlet's house style is never
        what the others "mention"); with several events, the word must
        also be at least three times as common there as in the other
        events' articles (a word of the story, not of the language).
        Words are many: with one article per outlet and event, most flagged
        words are chance; read them with :func:`framing.kwic` and rest
        claims on actors and concepts.
    voice : {"outlet", "quoted", "all"}, default="all"
        Which words count as a mention: all (an item mentioned only in a
        quotation is still mentioned), the outlet's own, or the quoted.
    level : {"group", "mention"}, default="group"
        ``"mention"``: every mention of every actor and concept (the evidence:
        the other outlets' sentences about an item an outlet leaves out).
    majority : float, default=0.5
        The share of the other groups' articles above which an item counts as
        one "the others mention" ("most of their articles"). An omission also
        needs three or more of the others' articles to mention the item, so
        that two articles that happen to share a word are no consensus.
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
        ``item``, ``n_events`` (the events the row compares: those where
        the others mention the item in most of their articles, or all the
        group's events when there are none; 1 without ``within``),
        ``n_articles`` of the group on those events, ``n_mentioning`` and ``share`` of them that
        mention the item, ``n_other``, ``n_other_mentioning`` and
        ``share_other`` for the other groups' articles on the same events, ``difference`` (``share - share_other``),
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
    >>> res = omissions(corpus, {"civilians": ["civilians"]})
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
    events = strata if strata is not None else np.where(groups != "", 0, -1)
    out = []
    for level_ in levels:
        side = _Side(groups, events, level_)
        block = [_rows(by, level_, kinds, labels, side.qualify(present, majority, keep_all=True), present, side)]
        if terms and t_present.shape[1]:
            cand, q = side.qualify(t_present, majority, keep_all=False)
            block.append(_rows(by, level_, ["term"] * len(cand), t_names[cand].tolist(), (cand, q), t_present,
                               side, sort=True))
        out.extend(b for b in block if len(b))
    cols = [by, *OMISSION_COLUMNS]
    table = pd.concat(out, ignore_index=True) if out else pd.DataFrame(columns=cols)
    table["q_value"] = bh_fdr(table["p_value"].to_numpy(float)) if len(table) else []
    many = (table["share_other"] > majority) & (table["n_other_mentioning"] >= MIN_OTHERS)
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


class _Side:
    """A group's articles and the other groups', event by event (one event without ``within``)."""

    def __init__(self, groups, events, level):
        mine = (groups == level) & (events >= 0)
        self.codes = np.unique(events[mine])  # the group's events
        pos = {e: i for i, e in enumerate(self.codes)}
        row = np.array([pos.get(e, -1) for e in events], dtype=np.int64)
        other = (groups != level) & (groups != "") & (row >= 0)
        self.E = len(self.codes)
        self.grouped = np.flatnonzero((groups != "") & (events >= 0))
        self.n_all = len(self.grouped)
        self.mine_by_event = self._indicator(row, mine)
        self.other_by_event = self._indicator(row, other)
        self.by_group = [self._indicator(row, other & (groups == g)) for g in dict.fromkeys(groups[other])]
        self.n_mine = np.asarray(self.mine_by_event.sum(axis=1)).ravel()
        self.n_other = np.asarray(self.other_by_event.sum(axis=1)).ravel()
        self.n_groups = sum((np.asarray(m.sum(axis=1)).ravel() > 0).astype(int) for m in self.by_group) \
            if self.by_group else np.zeros(self.E, dtype=int)

    def _indicator(self, row, mask):
        idx = np.flatnonzero(mask)
        return sp.csr_matrix((np.ones(len(idx)), (row[idx], idx)), shape=(self.E, len(row)))

    def qualify(self, present, majority, keep_all):
        """The events where the other groups mention each item in most of their articles (events x items).

        With ``keep_all`` every item is kept (an item the others never mostly mention is compared
        on all the group's events); otherwise only items that qualify somewhere, as (columns, mask).
        """
        P = sp.csr_matrix(present, dtype=float)
        K = (self.other_by_event @ P).tocsr()
        users = sum(((m @ P) > 0).astype(int) for m in self.by_group) if self.by_group else K * 0
        inv = sp.diags(np.where(self.n_other > 0, 1.0 / np.maximum(self.n_other, 1), 0.0))
        share = (inv @ K).tocsr()
        q = (share > majority).astype(int).multiply(_at_least(users, np.minimum(2, self.n_groups)))
        q = sp.csc_matrix(q > 0)
        if keep_all:
            any_q = np.asarray(q.sum(axis=0)).ravel() > 0
            full = q.toarray()
            full[:, ~any_q] = True
            return np.arange(present.shape[1]), full
        cols = np.flatnonzero(np.asarray(q.sum(axis=0)).ravel() > 0)
        q = q[:, cols].toarray()
        if self.E and self.n_all > self.n_mine.sum() + self.n_other.max(initial=0):
            # a word of the event, not of the language: far more common in the event's articles
            # than in the other events' (where there are other events)
            Pc = sp.csr_matrix(present[:, cols], dtype=float)
            in_e = ((self.other_by_event + self.mine_by_event) @ Pc).toarray()
            n_e = (self.n_mine + self.n_other)[:, None]
            outside = np.asarray(Pc[self.grouped].sum(axis=0)).ravel()[None, :] - in_e
            with np.errstate(invalid="ignore", divide="ignore"):
                background = outside / np.maximum(self.n_all - n_e, 1)
                q &= (K[:, cols].toarray() / np.maximum(self.n_other, 1)[:, None]) >= TOPICAL * background
            keep = q.any(axis=0)
            cols, q = cols[keep], q[:, keep]
        return cols, q


def _at_least(users, need):
    """Sparse mask of ``users[e, j] >= need[e]`` (need >= 1)."""
    users = users.tocoo()
    ok = users.data >= need[users.row]
    return sp.csr_matrix((np.ones(int(ok.sum())), (users.row[ok], users.col[ok])), shape=users.shape)


def _rows(by, level, kinds, labels, selection, present, side, sort=False) -> pd.DataFrame:
    cols, q = selection
    if not len(cols) or not side.E:
        return pd.DataFrame()
    P = sp.csr_matrix(present[:, cols], dtype=float)
    Kg = (side.mine_by_event @ P).toarray()  # events x items: the group's mentioning articles
    Ko = (side.other_by_event @ P).toarray()
    qf = q.astype(float)
    n = qf.T @ side.n_mine
    n_o = qf.T @ side.n_other
    x = (qf * Kg).sum(axis=0)
    x_o = (qf * Ko).sum(axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        share = np.where(n > 0, x / n, np.nan)
        share_o = np.where(n_o > 0, x_o / n_o, np.nan)
    p = _lower_tail(q, side.n_mine, side.n_mine + side.n_other, Kg + Ko, x)
    frame = pd.DataFrame({
        by: level, "kind": kinds, "item": labels, "n_events": q.sum(axis=0).astype(np.int64),
        "n_articles": n.astype(np.int64), "n_mentioning": x.astype(np.int64), "share": share,
        "n_other": n_o.astype(np.int64), "n_other_mentioning": x_o.astype(np.int64), "share_other": share_o,
        "difference": share - share_o, "p_value": p})
    if sort:
        frame = frame.sort_values(["share_other", "item"], ascending=[False, True], kind="stable")
    return frame


#: Above this many articles of a group the stratified test uses its normal approximation.
EXACT_MAX = 200


def _lower_tail(q, n_e, N_e, K_e, x) -> np.ndarray:
    """P(X <= x) for each item's count of the group's mentioning articles over its events ``q``.

    X is the sum over the events of hypergeometric counts (each event's articles and
    mentioning articles fixed): exact up to :data:`EXACT_MAX` articles of the group,
    beyond that the Cochran-Mantel-Haenszel normal approximation with continuity correction.
    """
    k = q.shape[1]
    p = np.full(k, np.nan)
    for j in range(k):
        ev = np.flatnonzero(q[:, j] & (N_e > n_e))  # events with other articles
        if not len(ev):
            continue
        n, N, K = n_e[ev].astype(int), N_e[ev].astype(int), K_e[ev, j].astype(int)
        if len(ev) == 1:
            p[j] = stats.hypergeom.cdf(x[j], N[0], K[0], n[0])
        elif n.sum() > EXACT_MAX:
            mean = (n * K / N).sum()
            var = np.where(N > 1, n * K * (N - K) * (N - n) / (N**2 * np.maximum(N - 1, 1)), 0.0).sum()
            p[j] = stats.norm.cdf((x[j] + 0.5 - mean) / np.sqrt(var)) if var > 0 else float(x[j] >= mean)
        else:
            dist = np.ones(1)
            for n_, N_, K_ in zip(n, N, K, strict=True):
                dist = np.convolve(dist, stats.hypergeom.pmf(np.arange(n_ + 1), N_, K_, n_))
            p[j] = dist[: int(x[j]) + 1].sum()
    return np.minimum(p, 1.0)
