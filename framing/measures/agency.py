"""Who acts, who suffers, who is made invisible: actor roles and passive voice.

Two questions about how outlets tell the same event:

* Who is the grammatical agent? When an outlet writes "Israeli strikes killed
  12 people" the strikes act; "12 people were killed" names nobody; "12
  people died" names no cause at all. :func:`agency` reads, for every
  sentence that mentions an actor, the role the actor is given (agent,
  patient, subject of a passive with or without an agent, subject of an
  intransitive harm verb) and compares the shares of those roles across
  outlets.
* How much does each outlet write in the agentless passive, and how often
  does it tell harm with "died" rather than "killed"?
  :func:`passive_voice` counts passives, agentless passives, reduced
  relatives and harm verbs by voice per sentence, article and outlet.

Both rest on the hand-written clause rules of :mod:`framing._nlp.grammar`
(framing has no statistical parser); their measured precision and recall are
in ``docs/validation.md``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Literal

import numpy as np
import pandas as pd

from .._nlp.english import lemma_of
from .._nlp.grammar import ROLES, Parse, harm_category, mention_roles, parse
from .._nlp.grammar.gate import may_hold_counted_group
from .._nlp.match import PatternSet
from ..corpus import SECTIONS
from ._docs import fill_doc
from ._ladder import (
    article_index,
    check_level_and_sections,
    finish,
    group_labels,
    test_text,
    within_strata,
)
from ._mentions import _corpus_spans, find_mentions, mark_in_quote, read_mapping, sentence_tokens
from ._parses import sentence_parses
from ._stats import (
    bh_fdr,
    check_random_state,
    check_resampling,
    group_bootstrap,
    no_test_reason,
    permutation_pvalue,
)

__all__ = ["ROLES", "MEASURES", "VOICES", "agency", "passive_voice"]

#: Measures of :func:`passive_voice`, in display order.
MEASURES = (
    "passive",
    "agentless_passive",
    "agentless_share",
    "reduced_relative",
    "evidential_passive",
    "intransitive_harm",
    "harm_active",
    "harm_passive",
    "intransitive_harm_share",
)
_COUNTS = (
    "passive",
    "agentless_passive",
    "reduced_relative",
    "intransitive_harm",
    "harm_active",
    "harm_passive",
    "evidential_passive",
)
#: Values of ``voice=``: whose words are counted.
VOICES = ("outlet", "quoted", "all")


# -- shared pieces -------------------------------------------------------------------




def _passive_counts(corpus, rows: np.ndarray) -> np.ndarray:
    """:func:`_sentence_counts` of every sentence (zero outside ``rows``),
    shape ``(n_sentences, 2, len(_COUNTS))``: outside quotations, inside.

    The counts are kept in ``corpus.cache``; parses are read from the parse
    cache when there, otherwise made and dropped (a parse takes far more
    memory than its counts).
    """
    n = len(corpus.sentences())
    done = corpus.cache.get("passive_counts")
    if done is None or done[0].shape != (n, 2, len(_COUNTS)):
        done = (np.zeros((n, 2, len(_COUNTS))), np.zeros(n, dtype=bool))
        corpus.cache.put("passive_counts", done)
    counts, have = done
    missing = rows[~have[rows]]
    if len(missing):
        parses = corpus.cache.get("grammar_parses") or {}
        sents = corpus.sentences()
        texts, heads = sents["text"].to_numpy(), (sents["section"].astype(str) == "headline").to_numpy()
        toks = sentence_tokens(corpus)
        quoted = _sentence_quotes(corpus, missing)
        for r in missing.tolist():
            p = parses.get(r)
            if p is None:
                if not may_hold_counted_group([t for t, _, _ in toks[r]]):
                    continue  # every count stays zero
                p = parse(texts[r], headline=bool(heads[r]), tokens=toks[r])
            c = _count_rows(p, quoted[r])
            if c is not None:
                counts[r] = c
        have[missing] = True
    out = np.zeros((n, 2, len(_COUNTS)))
    out[rows] = counts[rows]
    return out


def _sentence_quotes(corpus, rows) -> dict[int, list[tuple[int, int]]]:
    """Quoted character spans of the sentences ``rows``, relative to each
    sentence (clipped to it), from the article's quotation marks."""
    sents = corpus.sentences()
    spans = _corpus_spans(corpus)
    doc, start, end = sents["doc_id"].to_numpy(), sents["start"].to_numpy(), sents["end"].to_numpy()
    head = (sents["section"].astype(str) == "headline").to_numpy()
    out = {}
    for r in np.asarray(rows).tolist():
        s0, e0 = int(start[r]), int(end[r])
        out[r] = [
            (max(s, s0) - s0, min(e, e0) - s0)
            for s, e in spans.get((doc[r], bool(head[r])), [])
            if s < e0 and e > s0
        ]
    return out


def _select_voice(values: np.ndarray, voice: str) -> np.ndarray:
    """The outlet's own words (axis 1 index 0), quotations (1) or both."""
    if voice == "outlet":
        return values[:, 0]
    if voice == "quoted":
        return values[:, 1]
    return values.sum(axis=1)


def _check_voice(voice: str) -> None:
    if voice not in VOICES:
        raise ValueError(
            f"The value for `voice` must be one of {', '.join(map(repr, VOICES))}, "
            f"but {voice!r} was passed."
        )


def _by_values(corpus, by: str, doc_ids) -> np.ndarray:
    return corpus._articles.set_index("doc_id")[by].reindex(doc_ids).to_numpy()






def _need_groups(corpus, by: str, test: bool) -> list[str]:
    levels = corpus.groups(by)
    if test and len(levels) < 2:
        raise ValueError(
            f"comparing groups needs at least two levels of by={by!r}; the corpus has "
            f"{levels}. Pass test=False to get the estimates without a test, or add articles "
            "from other groups."
        )
    return levels


def _p_values(values, totals, groups, levels, n_resamples, rng, strata=None) -> np.ndarray:
    """Permutation p-value per column, over the articles with a non-zero total."""
    return _tests(values, totals, groups, levels, n_resamples, rng, strata)[0]


def _tests(values, totals, groups, levels, n_resamples, rng, strata=None) -> tuple[np.ndarray, np.ndarray]:
    """Permutation p-value per column, over the articles with a non-zero total, and the ``test`` column."""
    p = np.full(values.shape[1], np.nan)
    notes = np.full(values.shape[1], test_text("", bool(n_resamples)), dtype=object)
    for j in range(values.shape[1]):
        ok = totals[:, j] > 0
        notes[j] = test_text(no_test_reason(groups[ok], levels, None if strata is None else strata[ok]),
                             bool(n_resamples))
        if ok.sum() < 2 or len(set(groups[ok])) < 2:
            continue
        rates = values[ok, j] / totals[ok, j]
        p[j] = permutation_pvalue(
            rates, groups[ok], levels, n_resamples=n_resamples, random_state=rng,
            strata=None if strata is None else strata[ok],
        )[0]
    return p, notes


# -- passive voice -------------------------------------------------------------------


def _sentence_counts(p: Parse, quoted: Sequence[tuple[int, int]] = ()) -> np.ndarray:
    """Counts of the counted measures (:data:`_COUNTS`) in one parsed sentence,
    shape ``(2, len(_COUNTS))``: constructions whose first character lies
    outside the ``quoted`` character spans, and inside them."""
    c = np.zeros((2, len(_COUNTS)))
    for g in p.groups:
        at = p.spans[g.start][0]
        row = c[int(any(s <= at < e for s, e in quoted))]
        if g.voice == "passive":
            n = len(g.participles)
            if g.kind == "reduced":
                row[2] += n
            else:
                row[0] += n
                row[1] += n if g.agent is None else 0
            row[5] += sum(harm_category(lemma_of(p.words[k])) is not None for k in g.participles)
        elif g.voice == "evidential":
            row[6] += 1
        if g.intransitive_harm:
            row[3] += 1
        elif g.voice == "active" and g.harm is not None:
            row[4] += 1
    return c


def _count_rows(p: Parse, quoted: Sequence[tuple[int, int]] = ()) -> list[list[int]] | None:
    """:func:`_sentence_counts` as two lists of ints, or None when every count is
    zero (no array for each of the many sentences without a counted construction)."""
    c = None
    for g in p.groups:
        voice = g.voice
        if voice == "passive":
            n = len(g.participles)
            harmed = sum(harm_category(lemma_of(p.words[k])) is not None for k in g.participles)
        elif voice != "evidential" and not g.intransitive_harm and (voice != "active" or g.harm is None):
            continue
        if c is None:
            c = [[0] * len(_COUNTS), [0] * len(_COUNTS)]
        at = p.spans[g.start][0]
        row = c[int(any(s <= at < e for s, e in quoted))]
        if voice == "passive":
            if g.kind == "reduced":
                row[2] += n
            else:
                row[0] += n
                row[1] += n if g.agent is None else 0
            row[5] += harmed
        elif voice == "evidential":
            row[6] += 1
        if g.intransitive_harm:
            row[3] += 1
        elif voice == "active" and g.harm is not None:
            row[4] += 1
    return c


def _measures(counts: np.ndarray, n_sent: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(count, total) per measure from per-unit counts, shape (n, len(MEASURES))."""
    passive, agentless, reduced, harm_i, harm_a, harm_p, evidential = counts.T
    harm_all = harm_i + harm_a + harm_p
    count = np.column_stack(
        [passive, agentless, agentless, reduced, evidential, harm_i, harm_a, harm_p, harm_i]
    )
    total = np.column_stack(
        [n_sent, n_sent, passive, n_sent, n_sent, n_sent, n_sent, n_sent, harm_all]
    )
    return count, total


@fill_doc
def passive_voice(
    corpus,
    *,
    by: str = "outlet",
    level: Literal["group", "article", "sentence", "mention"] = "group",
    sections: Sequence[str] | None = None,
    voice: Literal["outlet", "quoted", "all"] = "outlet",
    within: str | None = None,
    test: bool = True,
    n_resamples: int = 1000,
    ci: float = 0.95,
    random_state=0,
) -> pd.DataFrame:
    """Passive voice, agentless passives and harm verbs by voice, per outlet.

    Every sentence is read with framing's clause rules (no parser needed):
    full passives ("were killed", "got hit", "could be targeted", headline
    "12 killed in strike"), whether they name an agent ("by Israeli forces";
    not "by Friday", "by truck", "by 20 percent"), reduced relatives
    ("civilians killed in the strike", counted apart), intransitive harm
    ("died", "perished", "lost their lives", "were found dead") and the harm
    verbs of the ``harm_verbs`` lexicon in the active and the passive.

    Parameters
    ----------
    %(corpus)s
    %(by)s
    level : {"group", "article", "sentence", "mention"}, default="group"
        Aggregation level of the result (see Returns).
    sections : sequence of {"headline", "lede", "body"}, optional
        Use only these parts of each article (all by default).
    voice : {"outlet", "quoted", "all"}, default="outlet"
        Whose words are counted: the outlet's own (constructions outside
        quotation marks), those it quotes, or all. A construction is quoted
        when its first character lies between a pair of quotation marks of
        its article. Sentences are counted whatever the voice (``total``).
    %(test)s
    %(ladder)s

    Returns
    -------
    pandas.DataFrame
        The measures (:data:`MEASURES`) are ``passive``, ``agentless_passive``,
        ``reduced_relative``, ``evidential_passive`` (evidential and hedging
        passives, "is said to", "is expected to", "it is believed that",
        "are feared dead", counted apart and never as passives),
        ``intransitive_harm``, ``harm_active`` and ``harm_passive`` (counts
        per sentence: ``total`` is the number of sentences), ``agentless_share`` (agentless passives among passives:
        ``total`` is the number of passives) and ``intransitive_harm_share``
        ("died" among all harm verbs: ``total`` is intransitive plus active
        plus passive harm). Passives are counted per participle ("were
        killed and wounded" is two).

        ``level="group"``: one row per (group, measure), columns ``<by>``,
        ``measure``, ``count``, ``total``, ``estimate`` (``count / total``
        pooled over the group's articles), ``ci_low``, ``ci_high``,
        ``n_articles``, ``p_value`` (do the groups differ?) and ``q_value``
        (Benjamini-Hochberg over the measures). ``level="article"``: one row
        per (article, measure), columns ``doc_id``, ``<by>``, ``measure``,
        ``count``, ``total`` and ``rate``. ``level="sentence"``: the same per
        sentence with ``sent_id`` and ``section``. ``level="mention"``: the
        evidence, one row per construction of the selected ``voice``, columns
        ``doc_id``, ``<by>``, ``sent_id``, ``section``, ``construction``
        ("passive", "reduced_relative", "evidential_passive",
        "intransitive_harm" or "harm_active"), ``in_quote``, ``verb``
        (the verb group as written), ``lemma``, ``agentless``, ``agent`` (the
        by-agent as written, "" if none), ``harm`` (harm-verb category, ""
        if none), ``start``, ``end`` (characters of the verb group within the
        sentence) and ``sentence``. Rows follow ``corpus.groups(by)`` or the
        corpus order, then :data:`MEASURES`.

    Raises
    ------
    ValueError
        For an unknown ``by``, ``level`` or section, bad resampling
        arguments, or a test with fewer than two groups.

    See Also
    --------
    agency : The role each actor is given.

    Notes
    -----
    The clause rules and their known failure modes are described in
    :mod:`framing._nlp.grammar`; precision and recall on labelled sentences are
    reported in ``docs/validation.md``. "were found dead" is both an
    (agentless) passive and an intransitive-harm clause. The group estimate
    is a ratio of sums over the group's articles; its interval is a
    percentile bootstrap over articles (Efron & Tibshirani 1993), NaN for
    groups with fewer than two articles; the test permutes group labels of
    articles with a non-zero ``total`` and compares the between-group sum of
    squares of the article rates; q-values follow Benjamini & Hochberg
    (1995). On agentless passives and "died" for "killed" as ways of leaving
    responsibility unsaid: Trew (1979), Fowler (1991, *Language in the
    News*), Henley, Miller & Beazley (1995); a newsroom-scale count of
    such wording in war reporting: Johnson & Ali (2024, The Intercept).

    Examples
    --------
    >>> from framing import load_corpus
    >>> corpus = load_corpus([
    ...     {"outlet": "A", "title": "12 killed in strike", "text": "Civilians were killed. Troops left."},
    ...     {"outlet": "B", "title": "Army strikes camp", "text": "Soldiers killed 12 civilians."},
    ... ])
    >>> table = passive_voice(corpus, level="article")
    >>> table[table["measure"].isin(["passive", "agentless_passive", "harm_active"])]
       doc_id outlet            measure  count  total      rate
    0     a-1      A            passive      2      3  0.666667
    1     a-1      A  agentless_passive      2      3  0.666667
    6     a-1      A        harm_active      0      3  0.000000
    9     b-1      B            passive      0      2  0.000000
    10    b-1      B  agentless_passive      0      2  0.000000
    15    b-1      B        harm_active      2      2  1.000000
    """
    keep = check_level_and_sections(corpus, by, level, ("group", "article", "sentence", "mention"), sections)
    _check_voice(voice)
    check_resampling(n_resamples, ci)
    sents = corpus.sentences()
    rows = np.flatnonzero(keep)
    if level == "mention":
        table = _construction_table(corpus, by, rows)
        return table if voice == "all" else table[table["in_quote"] == (voice == "quoted")].reset_index(drop=True)
    counts = _select_voice(_passive_counts(corpus, rows), voice)
    if level == "sentence":
        frame = sents.loc[keep, ["doc_id", "sent_id", "section"]].reset_index(drop=True)
        count, total = _measures(counts[keep], np.ones(len(rows)))
        return _long(corpus, by, frame, count, total)
    art = article_index(corpus, sents["doc_id"])
    n_art = len(corpus)
    a_counts = np.zeros((n_art, len(_COUNTS)))
    np.add.at(a_counts, art, counts)
    n_sent = np.bincount(art, weights=keep.astype(float), minlength=n_art)
    count, total = _measures(a_counts, n_sent)
    if level == "article":
        frame = corpus._articles[["doc_id"]].reset_index(drop=True)
        return _long(corpus, by, frame, count, total)
    levels = _need_groups(corpus, by, test)
    rng = check_random_state(random_state)
    groups = group_labels(corpus, by)
    strata = within_strata(corpus, by, within)
    res = group_bootstrap(
        count, groups, levels, denom=total, n_resamples=n_resamples, ci=ci, random_state=rng, strata=strata
    )
    p, notes = (
        _tests(count, total, groups, levels, n_resamples, rng, strata)
        if test
        else (np.full(len(MEASURES), np.nan), np.full(len(MEASURES), "not tested", dtype=object))
    )
    k = len(MEASURES)
    g_count = np.array([count[groups == lv].sum(axis=0) for lv in levels]).reshape(len(levels), k)
    g_total = np.array([total[groups == lv].sum(axis=0) for lv in levels]).reshape(len(levels), k)
    return finish(pd.DataFrame(
        {
            by: np.repeat(np.asarray(levels, dtype=object), k),
            "measure": np.tile(np.asarray(MEASURES, dtype=object), len(levels)),
            "count": g_count.reshape(-1).astype(np.int64),
            "total": g_total.reshape(-1).astype(np.int64),
            "estimate": res["estimate"].reshape(-1),
            "ci_low": res["ci_low"].reshape(-1),
            "ci_high": res["ci_high"].reshape(-1),
            "ci_note": res["ci_note"].reshape(-1),
            "n_articles": np.repeat(res["n_articles"], k).astype(np.int64),
            "p_value": np.tile(p, len(levels)),
            "q_value": np.tile(bh_fdr(p), len(levels)),
            "test": np.tile(notes, len(levels)),
        }
    ), ci=ci, n_resamples=n_resamples, voice=voice, within=within, level="group")


def _long(
    corpus, by: str, frame: pd.DataFrame, count: np.ndarray, total: np.ndarray
) -> pd.DataFrame:
    """One row per (row of ``frame``, measure)."""
    k = len(MEASURES)
    out = frame.loc[frame.index.repeat(k)].reset_index(drop=True)
    out.insert(1, by, _by_values(corpus, by, out["doc_id"]))
    out["measure"] = np.tile(np.asarray(MEASURES, dtype=object), len(frame))
    c, t = count.reshape(-1), total.reshape(-1)
    out["count"] = c.astype(np.int64)
    out["total"] = t.astype(np.int64)
    with np.errstate(invalid="ignore", divide="ignore"):
        out["rate"] = np.where(t > 0, c / np.where(t > 0, t, 1), np.nan)
    return out


def _construction_table(corpus, by: str, rows: np.ndarray) -> pd.DataFrame:
    sents = corpus.sentences()
    recs = []
    for r, p in sentence_parses(corpus, rows).items():
        for g in p.groups:
            kinds = []
            if g.voice == "passive":
                kinds.append("reduced_relative" if g.kind == "reduced" else "passive")
            elif g.voice == "evidential":
                kinds.append("evidential_passive")
            if g.intransitive_harm:
                kinds.append("intransitive_harm")
            elif g.voice == "active" and g.harm is not None:
                kinds.append("harm_active")
            for kind in kinds:
                agent = (
                    ""
                    if g.agent is None
                    else p.text[p.spans[g.agent[0]][0] : p.spans[g.agent[1] - 1][1]]
                )
                recs.append(
                    (
                        r,
                        kind,
                        p.group_text(g),
                        g.lemma,
                        g.voice == "passive" and g.agent is None,
                        agent,
                        g.harm or "",
                        p.spans[g.start][0],
                        p.spans[g.end - 1][1],
                    )
                )
    idx = np.array([x[0] for x in recs], dtype=np.int64)
    doc = sents["doc_id"].to_numpy()[idx]
    out = pd.DataFrame(
        {
            "doc_id": doc,
            by: _by_values(corpus, by, doc),
            "sent_id": sents["sent_id"].to_numpy()[idx].astype(np.int64),
            "section": pd.Categorical(sents["section"].to_numpy()[idx], categories=list(SECTIONS)),
            "construction": np.array([x[1] for x in recs], dtype=object),
            "verb": np.array([x[2] for x in recs], dtype=object),
            "lemma": np.array([x[3] for x in recs], dtype=object),
            "agentless": np.array([x[4] for x in recs], dtype=bool),
            "agent": np.array([x[5] for x in recs], dtype=object),
            "harm": np.array([x[6] for x in recs], dtype=object),
            "start": np.array([x[7] for x in recs], dtype=np.int64),
            "end": np.array([x[8] for x in recs], dtype=np.int64),
            "sentence": sents["text"].to_numpy()[idx],
        }
    )
    quoted = mark_in_quote(out[["doc_id", "sent_id", "start"]], corpus)["in_quote"].to_numpy()
    out.insert(out.columns.get_loc("construction") + 1, "in_quote", quoted.astype(bool))
    return out


# -- actor roles ----------------------------------------------------------------------


def _mention_roles(corpus, mapping, keep) -> pd.DataFrame:
    """Every actor mention in the kept sentences, with its role."""
    men = find_mentions(corpus, PatternSet(mapping, what="alias"), merge_adjacent=True)
    sents = corpus.sentences()
    row_of = {
        (d, s): i for i, (d, s) in enumerate(zip(sents["doc_id"], sents["sent_id"], strict=True))
    }
    rows = np.array(
        [row_of[(d, s)] for d, s in zip(men["doc_id"], men["sent_id"], strict=True)], dtype=np.int64
    )
    men = men[keep[rows] if len(rows) else np.zeros(0, dtype=bool)].reset_index(drop=True)
    rows = rows[keep[rows]] if len(rows) else rows
    role, verb, lemma, voice, harm = [], [], [], [], []
    parses = sentence_parses(corpus, np.unique(rows))
    for r, ts, te in zip(rows, men["tok_start"], men["tok_end"], strict=True):
        p = parses[int(r)]
        ((rl, g),) = mention_roles(p, [(int(ts), int(te))])
        role.append(rl)
        verb.append("" if g is None else p.group_text(g))
        lemma.append("" if g is None else g.lemma)
        voice.append("" if g is None else g.voice)
        harm.append("" if g is None or g.harm is None else g.harm)
    men["role"] = pd.Categorical(role, categories=list(ROLES))
    men["verb"], men["lemma"], men["voice"], men["harm"] = verb, lemma, voice, harm
    men["row"] = rows
    men["in_quote"] = mark_in_quote(men[["doc_id", "sent_id", "start"]], corpus)["in_quote"].to_numpy().astype(bool)
    return men


@fill_doc
def agency(
    corpus,
    actors: Mapping[str, Sequence[str]] | str,
    *,
    by: str = "outlet",
    level: Literal["group", "article", "mention"] = "group",
    sections: Sequence[str] | None = None,
    voice: Literal["outlet", "quoted", "all"] = "outlet",
    within: str | None = None,
    test: bool = True,
    n_resamples: int = 1000,
    ci: float = 0.95,
    random_state=0,
) -> pd.DataFrame:
    """Who acts and who suffers: the grammatical role of each actor, per outlet.

    For every mention of an actor, the clause rules of framing read the role
    the sentence gives it: ``agent`` (subject of an active verb, or the
    "by" phrase of a passive), ``patient`` (object of an active verb),
    ``passive_subject`` (subject of an agentless passive: "civilians were
    killed"), ``passive_subject_with_agent`` ("civilians were killed by
    ..."), ``evidential_subject`` (subject of an evidential or hedging
    passive: "Hamas is said to hold the hostages", "the gunman is believed to
    have acted alone": what is reported or expected of it, counted apart from
    agency), ``intransitive_harm`` (subject of "died", "perished", "lost their
    lives", "were found dead") or ``other`` (object of a preposition,
    subject of a copula, no verb). Shares of the roles are compared across
    outlets with intervals over articles.

    Parameters
    ----------
    %(corpus)s
    %(actors)s
    %(by)s
    level : {"group", "article", "mention"}, default="group"
        Aggregation level of the result (see Returns).
    sections : sequence of {"headline", "lede", "body"}, optional
        Use only these parts of each article (all by default).
    voice : {"outlet", "quoted", "all"}, default="outlet"
        Whose words are read: mentions in the outlet's own words (outside
        quotation marks), in the words it quotes, or all.
    test : bool, default=True
        At ``level="group"``, test whether the groups differ in each role
        share (needs two or more groups); with False, ``p_value`` and
        ``q_value`` are NaN.
    %(ladder)s

    Returns
    -------
    pandas.DataFrame
        ``level="group"``: one row per (group, actor, role), columns
        ``<by>``, ``actor``, ``role``, ``count`` (mentions in the role),
        ``n_mentions`` (mentions of the actor), ``estimate`` (the share
        ``count / n_mentions`` pooled over the group's articles), ``ci_low``,
        ``ci_high``, ``n_articles`` (articles of the group that mention the
        actor), ``p_value`` (do the groups differ in this share?) and
        ``q_value`` (Benjamini-Hochberg over all actors and roles).
        ``level="article"``: one row per (article, actor, role) for the
        articles that mention the actor, columns ``doc_id``, ``<by>``,
        ``actor``, ``role``, ``count``, ``n_mentions`` and ``share``.
        ``level="mention"``: the evidence, one row per mention, columns
        ``doc_id``, ``<by>``, ``sent_id``, ``section``, ``actor``, ``match``
        (as written), ``in_quote`` (the mention lies inside quotation marks;
        only the rows of the selected ``voice`` are returned), ``role``, ``verb`` (the verb group that gives the
        role, as written; "" if none), ``lemma``, ``voice``, ``harm`` (the
        harm-verb category of that verb, "" if none), ``start``, ``end``
        (characters of the mention within the sentence) and ``sentence``.
        Rows follow ``corpus.groups(by)`` (or the corpus order), actors in
        input order, then :data:`ROLES`.

    Raises
    ------
    ValueError
        For an actor without aliases, an unknown ``by``, ``level`` or
        section, bad resampling arguments, or a test with fewer than two
        groups.

    See Also
    --------
    passive_voice : Passives, agentless passives and harm verbs, with no
        actors needed.

    Notes
    -----
    Roles come from shallow rules (:mod:`framing._nlp.grammar`): the noun phrase
    of the mention (with its premodifiers and possessor: "Israel's army"
    gives Israel the army's role; "dozens of Palestinians" gives the
    Palestinians the phrase's role) is a patient when an active verb group
    ends right before it, an agent when it is the by-phrase of a passive,
    the passive subject of a reduced relative that follows it ("civilians
    killed in the strike"), otherwise the subject of the first verb group
    after it in its clause (skipping adverbs, prepositional phrases,
    parentheses and up to two comma-delimited appositions or relative
    clauses). Measured accuracy and the known failure modes are in
    ``docs/validation.md``. The article-level passive statistics (agentless
    passives per sentence, share of passives that are agentless, harm verbs
    by voice) come from :func:`passive_voice` with ``level="article"``.
    Intervals are percentile bootstraps over the articles that mention the
    actor within each group; the test permutes group labels of those
    articles (between-group sum of squares of the article shares), and
    q-values follow Benjamini & Hochberg (1995).

    Examples
    --------
    >>> from framing import load_corpus
    >>> corpus = load_corpus([
    ...     {"outlet": "A", "text": "Three civilians were killed. Soldiers fired."},
    ...     {"outlet": "B", "text": "Soldiers killed three civilians."},
    ... ])
    >>> actors = {"civilians": ["civilians"], "army": ["soldiers"]}
    >>> agency(corpus, actors, level="mention")[["doc_id", "actor", "role", "verb"]]
      doc_id      actor             role         verb
    0    a-1  civilians  passive_subject  were killed
    1    a-1       army            agent        fired
    2    b-1       army            agent       killed
    3    b-1  civilians          patient       killed
    """
    keep = check_level_and_sections(corpus, by, level, ("group", "article", "mention"), sections)
    _check_voice(voice)
    check_resampling(n_resamples, ci)
    mapping = read_mapping(actors, what="actors")
    names = list(mapping)
    men = _mention_roles(corpus, mapping, keep)
    if voice != "all":  # the voice selection: the outlet's words or the quoted ones
        men = men[men["in_quote"] == (voice == "quoted")].reset_index(drop=True)
    if level == "mention":
        out = men[
            [
                "doc_id",
                "sent_id",
                "section",
                "group",
                "match",
                "in_quote",
                "role",
                "verb",
                "lemma",
                "voice",
                "harm",
                "start",
                "end",
                "sentence",
            ]
        ].rename(columns={"group": "actor"})
        out.insert(1, by, _by_values(corpus, by, out["doc_id"]))
        return out.reset_index(drop=True)
    n_art, n_act, k = len(corpus), len(names), len(ROLES)
    art = article_index(corpus, men["doc_id"])
    act = np.array([names.index(a) for a in men["group"]], dtype=np.int64)
    counts = np.zeros((n_art, n_act, k))
    np.add.at(counts, (art, act, men["role"].cat.codes.to_numpy()), 1)
    n_men = counts.sum(axis=2)
    if level == "article":
        return _role_article_rows(corpus, by, names, counts, n_men)
    levels = _need_groups(corpus, by, test)
    rng = check_random_state(random_state)
    out = _role_group_rows(corpus, by, names, levels, counts, n_men, test, n_resamples, ci, rng,
                           within_strata(corpus, by, within))
    return finish(out, ci=ci, n_resamples=n_resamples, voice=voice, within=within, level="group")


def _role_article_rows(corpus, by, names, counts, n_men) -> pd.DataFrame:
    k = len(ROLES)
    art, act = np.nonzero(n_men > 0)  # row-major: article, then actor
    doc = corpus._articles["doc_id"].to_numpy()[art]
    c = counts[art, act].reshape(-1)
    m = np.repeat(n_men[art, act], k)
    return pd.DataFrame(
        {
            "doc_id": np.repeat(doc, k),
            by: np.repeat(_by_values(corpus, by, doc), k),
            "actor": np.repeat(np.asarray(names, dtype=object)[act], k),
            "role": np.tile(np.asarray(ROLES, dtype=object), len(art)),
            "count": c.astype(np.int64),
            "n_mentions": m.astype(np.int64),
            "share": c / m,
        }
    )


def _role_group_rows(corpus, by, names, levels, counts, n_men, test, n_resamples, ci, rng, strata=None):
    groups = group_labels(corpus, by)
    L, n_act, k = len(levels), len(names), len(ROLES)
    est, low, high = (np.full((L, n_act, k), np.nan) for _ in range(3))
    c_sum, m_sum = np.zeros((L, n_act, k)), np.zeros((L, n_act))
    n_articles = np.zeros((L, n_act), dtype=np.int64)
    p = np.full((n_act, k), np.nan)
    for a in range(n_act):
        sub = np.flatnonzero(n_men[:, a] > 0)  # resample the articles that mention the actor
        if not len(sub):
            continue
        num, den = counts[sub, a], np.repeat(n_men[sub, a][:, None], k, axis=1)
        s_sub = None if strata is None else strata[sub]
        res = group_bootstrap(
            num, groups[sub], levels, denom=den, n_resamples=n_resamples, ci=ci, random_state=rng, strata=s_sub
        )
        est[:, a], low[:, a], high[:, a] = res["estimate"], res["ci_low"], res["ci_high"]
        n_articles[:, a] = res["n_articles"]
        for g, lv in enumerate(levels):
            in_g = groups[sub] == lv
            c_sum[g, a] = num[in_g].sum(axis=0)
            m_sum[g, a] = n_men[sub[in_g], a].sum()
        if test:
            p[a] = _p_values(num, den, groups[sub], levels, n_resamples, rng, s_sub)
    q = bh_fdr(p.reshape(-1)).reshape(n_act, k)
    return pd.DataFrame(
        {
            by: np.repeat(np.asarray(levels, dtype=object), n_act * k),
            "actor": np.tile(np.repeat(np.asarray(names, dtype=object), k), L),
            "role": np.tile(np.asarray(ROLES, dtype=object), L * n_act),
            "count": c_sum.reshape(-1).astype(np.int64),
            "n_mentions": np.repeat(m_sum.reshape(-1), k).astype(np.int64),
            "estimate": est.reshape(-1),
            "ci_low": low.reshape(-1),
            "ci_high": high.reshape(-1),
            "n_articles": np.repeat(n_articles.reshape(-1), k),
            "p_value": np.tile(p.reshape(-1), L),
            "q_value": np.tile(q.reshape(-1), L),
        }
    )
