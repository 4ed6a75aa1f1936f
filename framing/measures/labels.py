"""Word choice and labelling: which label each outlet gives the same concept.

The same actor, group or action is named differently by different outlets
("militants" / "fighters" / "terrorists"; "operation" / "incursion" /
"invasion"). Hamborg, Zhukova & Gipp (2019) call this bias by word choice and
labelling and annotated it in NewsWCL50. This module counts the labels a user
gives for each concept (:func:`label_choices`), tests whether outlets differ
in their label mix (:func:`label_differences`), proposes further labels from
the corpus itself (:func:`suggest_labels`) and shows the sentences behind any
term (:func:`kwic`).
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Literal

import numpy as np
import pandas as pd

from .._nlp.match import PatternSet, singular
from .._nlp.stance import STANCES, label_stance
from .._nlp.text import tokenize, tokenize_pattern
from .._validate import check_option, check_options
from . import _suggest
from ._docs import fill_doc
from ._labelstats import _article_groups, _order_mentions, _test_concept, _with_by
from ._ladder import VOICES, check_sections, finish, require_groups, summarise, within_strata
from ._mentions import find_mentions, mark_in_quote, read_mapping, sentence_tokens
from ._stats import bh_fdr, check_random_state, check_resampling, within_shuffles

__all__ = ["label_choices", "label_differences", "label_table", "suggest_labels"]

_LEVELS = ("group", "article", "mention")


# --- shared helpers --------------------------------------------------------------


def _concepts(concepts) -> dict[str, list[str]]:
    if isinstance(concepts, Mapping) and not concepts:
        raise ValueError(
            "concepts is empty; give at least one concept with its labels, "
            'e.g. {"armed group": ["militants", "fighters", "terrorist*"]}'
        )
    return read_mapping(concepts, what="concepts")


def _signature(label: str, inflect: bool) -> tuple[str, ...]:
    toks = tokenize_pattern(label)
    if inflect and toks and not any(c in toks[-1] for c in "*?"):
        toks = toks[:-1] + (singular(toks[-1]),)
    return toks


def _patterns(
    mapping: dict[str, list[str]], inflect: bool, what: str = "label"
) -> tuple[PatternSet, dict[tuple[str, str], list[str]]]:
    """One PatternSet for all concepts, and the inflection variants listed apart.

    The same words may not be two labels, except the singular and plural of
    one concept's label listed separately ("terrorist", "terrorists"): each
    then counts its own form. Returns the pattern set and, for each
    (concept, first-listed label) with such variants, the variants.
    """
    seen: dict[tuple[str, ...], tuple[str, str]] = {}
    variants: dict[tuple[str, str], list[str]] = {}
    for concept, labels in mapping.items():
        for label in labels:
            sig = _signature(label, inflect)
            if sig in seen:
                other_concept, other = seen[sig]
                if other_concept == concept and tokenize_pattern(other) != tokenize_pattern(label):
                    variants.setdefault((concept, other), [other]).append(label)
                    continue
                where = (
                    f"concept {concept!r}"
                    if other_concept == concept
                    else f"concepts {other_concept!r} and {concept!r}"
                )
                raise ValueError(
                    f"{what}s {other!r} and {label!r} of {where} match the same words"
                    + (" (inflect=True merges singular and plural)" if inflect else "")
                    + "; give each label once"
                )
            seen[sig] = (concept, label)
    return PatternSet(mapping, inflect=inflect, what=what), variants


def _assign_variants(found: pd.DataFrame, variants) -> pd.DataFrame:
    """Give a match to the listed variant written exactly so ("terrorists")."""
    if not variants or not len(found):
        return found
    labels = found["label"].to_numpy(dtype=object).copy()
    for i, (concept, label, match) in enumerate(zip(found["concept"], labels, found["match"], strict=True)):
        forms = variants.get((concept, label))
        if forms:
            written = tokenize(match)
            labels[i] = next((f for f in forms if list(tokenize_pattern(f)) == written), label)
    return found.assign(label=labels)


def _label_mentions(corpus, mapping, inflect, sections) -> tuple[pd.DataFrame, list[tuple[str, str]]]:
    """Every match of a label, with ``in_quote``, ``voice`` and ``stance`` (see :func:`label_choices`)."""
    ps, variants = _patterns(mapping, inflect)
    found = find_mentions(corpus, ps, sections=sections)
    found = found.rename(columns={"group": "concept", "phrase": "label"})
    found = _assign_variants(found, variants)
    _warn_broad(corpus, found, mapping)
    found = mark_in_quote(found, corpus)
    found["voice"] = np.where(found["in_quote"].to_numpy(bool), "quoted", "outlet")
    sents = corpus.sentences()
    row = pd.MultiIndex.from_frame(sents[["doc_id", "sent_id"]]).get_indexer(
        pd.MultiIndex.from_frame(found[["doc_id", "sent_id"]])) if len(found) else np.array([], dtype=int)
    toks = sentence_tokens(corpus)
    found["stance"] = [label_stance([w for w, _, _ in toks[r]], s) for r, s in zip(row, found["tok_start"], strict=True)]
    items = [(c, lab) for c, labs in mapping.items() for lab in labs]
    return found, items


#: A glob label matching more than this share of the corpus's words is too broad to be a label.
BROAD_SHARE = 0.02


def _warn_broad(corpus, found: pd.DataFrame, mapping) -> None:
    globs = [(c, lab) for c, labs in mapping.items() for lab in labs if any(ch in lab for ch in "*?")]
    if not globs or not len(found):
        return
    n_words = sum(len(t) for t in sentence_tokens(corpus))
    hits = found.groupby(["concept", "label"]).size()
    for concept, label in globs:
        n = int(hits.get((concept, label), 0))
        if n_words and n > BROAD_SHARE * n_words and n > 20:
            warnings.warn(
                f"label {label!r} of {concept!r} matches {n:,} of the corpus's {n_words:,} words "
                f"({n / n_words:.1%}): a glob this broad is no label; write the words out or narrow it",
                UserWarning, stacklevel=4,
            )


def _counted(found: pd.DataFrame, voice: str, stance) -> pd.DataFrame:
    """The matches that count: of the chosen voice and stance."""
    keep = np.ones(len(found), dtype=bool)
    if voice != "all":
        keep &= (found["voice"] == voice).to_numpy()
    if stance != "all":
        keep &= found["stance"].isin([stance] if isinstance(stance, str) else list(stance)).to_numpy()
    return found[keep]


def _count_matrix(corpus, found: pd.DataFrame, items: list[tuple[str, str]]) -> np.ndarray:
    """Article x (concept, label) counts, articles in corpus order."""
    doc_pos = {d: i for i, d in enumerate(corpus._articles["doc_id"])}
    col = {item: j for j, item in enumerate(items)}
    counts = np.zeros((len(doc_pos), len(items)))
    if len(found):
        rows = found["doc_id"].map(doc_pos).to_numpy()
        cols = np.array([col[(c, lab)] for c, lab in zip(found["concept"], found["label"], strict=True)])
        np.add.at(counts, (rows, cols), 1.0)
    return counts


# --- label_choices ---------------------------------------------------------------


@fill_doc
def label_choices(
    corpus,
    concepts: Mapping[str, Sequence[str]] | str | Path,
    *,
    by: str = "outlet",
    level: Literal["group", "article", "mention"] = "group",
    voice: Literal["outlet", "quoted", "all"] = "outlet",
    stance: Literal["used", "rejected", "attributed", "all"] | Sequence[str] = "used",
    within: str | None = None,
    inflect: bool = False,
    sections: Sequence[str] | None = None,
    n_resamples: int = 1000,
    ci: float = 0.95,
    random_state=0,
) -> pd.DataFrame:
    """How often each outlet uses each label of a concept, with shares and intervals.

    Parameters
    ----------
    %(corpus)s
    concepts : dict or str or pathlib.Path
        Each concept mapped to its variant labels, e.g. ``{"armed group":
        ["militants", "fighters", "terror*"]}``, or the path of a JSON/YAML
        file holding such a mapping. A label matches as written, plus its
        possessive ("Hamas" finds "Hamas's", never "illegals" for
        "illegal"); other forms only when declared: a ``*``/``?`` glob
        inside a word ("kill*"), or ``inflect=True``. A glob that matches a
        large share of all words warns.
    %(by)s
    level : {"group", "article", "mention"}, default="group"
        ``"group"``: one row per (concept, group, label); ``"article"``: one
        row per (concept, article, label); ``"mention"``: one row per match
        (the evidence, every voice and stance, with those columns).
    voice : {"outlet", "quoted", "all"}, default="outlet"
        Whose words count: the outlet's own (matches outside quotation
        marks), the words it quotes, or all.
    stance : {"used", "rejected", "attributed", "all"} or list, default="used"
        Which matches count: a label the text uses as its own word
        (``"used"``), names to reject ("rather than an invasion", "not a
        massacre": ``"rejected"``) or hands to others ("what critics call an
        invasion", "the so-called invasion": ``"attributed"``); see
        :func:`framing._nlp.stance.label_stance`.
    within : str, optional
        An article column of events (``"event"``): the intervals resample
        events instead of articles, so that outlets are compared on the
        stories they share (the shares themselves pool all articles).
    inflect : bool, default=False
        Also match the singular and plural of the last word of each label.
    %(sections)s
    %(resampling)s

    Returns
    -------
    pandas.DataFrame
        ``level="group"``: columns ``concept``, the ``by`` column, ``label``,
        ``count`` (matches in the group), ``share`` (count / matches of all
        labels of the concept in the group; NaN when the group never names
        the concept), ``ci_low``, ``ci_high`` (bootstrap interval of the
        share), ``n_articles`` (articles of the group) and
        ``n_articles_using`` (articles with at least one match of the label).
        Rows are ordered by concept (input order), group
        (``corpus.groups(by)``), label (input order); a label never used is
        reported with count 0.

        ``level="article"``: ``doc_id``, ``outlet`` (and the ``by`` column
        when it differs), ``concept``, ``label``, ``count``, ``share`` (within
        the article; NaN when the article never names the concept); ordered
        by concept, group, article, label.

        ``level="mention"``: ``doc_id``, ``outlet`` (and ``by``),
        ``sent_id``, ``section``, ``concept``, ``label`` (as given),
        ``match`` (as written), ``start``, ``end`` (character offsets in the
        sentence) and ``sentence``; ordered by concept, group, article,
        sentence, offset.

    Raises
    ------
    ValueError
        If ``concepts`` is empty or a concept has no labels, two labels match
        the same words (the same label twice, or in two concepts), ``by`` is not a column, or ``level`` or ``sections``
        is not one of the options.

    See Also
    --------
    label_table : The group-level result as a group x label table.
    label_differences : Do the groups differ in their label mix?
    suggest_labels : Find further labels of a concept in the corpus.
    kwic : Concordance lines of any term.

    Notes
    -----
    Labels are matched with the shared tokenizer (lower-cased, curly quotes
    folded, hyphenated words whole). Matches never overlap: scanning each
    sentence left to right, the longest label that starts at a word wins,
    across all concepts ("Hamas fighters" as a label of one concept is not
    also "fighters" of another); at equal length an exact label beats a glob,
    then the earlier label wins. A stretch of text is therefore never
    counted for two labels. When both the singular and the plural of a label
    are listed ("terrorist", "terrorists"), each counts its own form; listed
    once, a label counts both (with ``inflect=True``).

    The share of a label is a ratio of sums over the articles of the group.
    Its interval is a percentile bootstrap that resamples the group's
    articles (not its sentences or words), so an article that repeats one
    label many times counts as one article; groups with fewer than two
    articles get no interval.

    The method follows the word-choice and labelling analysis of Hamborg et
    al. (2019), with the concepts and their labels given by the user.

    References
    ----------
    Hamborg, F., Zhukova, A., & Gipp, B. (2019). Automated identification of
    media bias by word choice and labeling in news articles. JCDL 2019.

    Examples
    --------
    >>> from framing import load_corpus
    >>> corpus = load_corpus([
    ...     {"outlet": "Daily", "text": "Militants attacked the post. Two militants died."},
    ...     {"outlet": "Herald", "text": "Fighters attacked the post. Terrorists fled."},
    ... ])
    >>> concepts = {"attackers": ["militants", "fighters", "terror*"]}
    >>> res = label_choices(corpus, concepts, random_state=0)
    >>> res[["outlet", "label", "count", "share"]]
       outlet      label  count  share
    0   Daily  militants      2    1.0
    1   Daily   fighters      0    0.0
    2   Daily    terror*      0    0.0
    3  Herald  militants      0    0.0
    4  Herald   fighters      1    0.5
    5  Herald    terror*      1    0.5
    """
    check_option("level", level, _LEVELS)
    check_option("voice", voice, VOICES)
    _check_stance(stance)
    check_resampling(n_resamples, ci)
    mapping = _concepts(concepts)
    groups, levels = _article_groups(corpus, by)
    strata = within_strata(corpus, by, within)
    found, items = _label_mentions(corpus, mapping, inflect, check_sections(sections))
    if level == "mention":
        out = found.drop(columns=["tok_start", "tok_end"])
        out = out[[c for c in out.columns if c != "sentence"] + ["sentence"]]
        out["concept"] = pd.Categorical(out["concept"], categories=list(mapping))
        out = _order_mentions(out, corpus, by, first="concept")
        out["concept"] = out["concept"].astype(str)
        return _with_by(out, corpus, by)
    counts = _count_matrix(corpus, _counted(found, voice, stance), items)
    concept_of = np.array([list(mapping).index(c) for c, _ in items])
    totals = np.stack(
        [counts[:, concept_of == k].sum(axis=1) for k in range(len(mapping))], axis=1
    )
    denom = totals[:, concept_of]
    if level == "article":
        return _article_rows(corpus, by, groups, levels, mapping, items, counts, denom)
    res = summarise(counts, groups, levels, denom=denom, n_resamples=n_resamples, ci=ci,
                    random_state=random_state, test=False, strata=strata)
    rows = []
    for k, concept in enumerate(mapping):
        cols = np.flatnonzero(concept_of == k)
        for g, level_name in enumerate(levels):
            in_group = groups == level_name
            for j in cols:
                used = counts[in_group, j]
                rows.append(
                    {
                        "concept": concept,
                        by: level_name,
                        "label": items[j][1],
                        "count": int(used.sum()),
                        "share": res.estimate[g, j],
                        "ci_low": res.ci_low[g, j],
                        "ci_high": res.ci_high[g, j],
                        "ci_note": res.ci_note[g, j],
                        "n_articles": int(res.n_articles[g]),
                        "n_articles_using": int((used > 0).sum()),
                    }
                )
    out = pd.DataFrame(
        rows,
        columns=["concept", by, "label", "count", "share", "ci_low", "ci_high", "ci_note",
                 "n_articles", "n_articles_using"],
    )
    return finish(out, ci=ci, n_resamples=n_resamples, voice=voice, within=within, level="group")


def _check_stance(stance) -> None:
    if isinstance(stance, str):
        check_option("stance", stance, (*STANCES, "all"))
    else:
        check_options("stance", stance, STANCES)


def _article_rows(corpus, by, groups, levels, mapping, items, counts, denom) -> pd.DataFrame:
    rank = {lv: i for i, lv in enumerate(levels)}
    order = sorted(range(len(groups)), key=lambda i: rank.get(groups[i], len(levels)))
    arts = corpus._articles
    with np.errstate(invalid="ignore", divide="ignore"):
        share = counts / denom
    rows = []
    for concept in mapping:
        cols = [j for j, (c, _) in enumerate(items) if c == concept]
        for i in order:
            for j in cols:
                row = {"doc_id": arts["doc_id"].iat[i], "outlet": arts["outlet"].iat[i]}
                if by != "outlet":
                    row[by] = arts[by].iat[i]
                row.update(concept=concept, label=items[j][1], count=int(counts[i, j]),
                           share=share[i, j])
                rows.append(row)
    cols = ["doc_id", "outlet"] + ([by] if by != "outlet" else [])
    return pd.DataFrame(rows, columns=cols + ["concept", "label", "count", "share"])


def label_table(
    result: pd.DataFrame, *, concept: str | None = None, values: str = "share"
) -> pd.DataFrame:
    """The group-level result of :func:`label_choices` as a group x label table.

    Parameters
    ----------
    result : pandas.DataFrame
        Output of ``label_choices(..., level="group")``.
    concept : str, optional
        The concept to show; may be left out when ``result`` has only one.
    values : str, default="share"
        Column to spread: ``"share"``, ``"count"``, ``"ci_low"``, ...

    Returns
    -------
    pandas.DataFrame
        One row per group (in the order of ``result``), one column per label
        (in input order); ready for ``DataFrame.plot.barh(stacked=True)`` or
        a heat map.

    Raises
    ------
    ValueError
        If ``result`` is not a group-level result, ``values`` is not one of
        its columns, or ``concept`` is missing or unknown.

    Examples
    --------
    >>> from framing import load_corpus
    >>> corpus = load_corpus([
    ...     {"outlet": "Daily", "text": "Militants attacked. Two militants died."},
    ...     {"outlet": "Herald", "text": "Fighters attacked. Terrorists fled."},
    ... ])
    >>> res = label_choices(corpus, {"attackers": ["militants", "fighters", "terror*"]})
    >>> label_table(res, values="count")
    label   militants  fighters  terror*
    outlet
    Daily           2         0        0
    Herald          0         1        1
    """
    needed = {"concept", "label", "count", "share", "n_articles"}
    if not needed <= set(result.columns):
        raise ValueError(
            "result must be the output of label_choices(..., level='group'); "
            f"it lacks the column(s) {sorted(needed - set(result.columns))}"
        )
    if values not in result.columns:
        raise ValueError(f"values={values!r} is not a column of result; choose from {list(result.columns)}")
    by = result.columns[1]
    names = list(dict.fromkeys(result["concept"]))
    if concept is None:
        if len(names) != 1:
            raise ValueError(f"result has several concepts; choose one with concept=, from {names}")
        concept = names[0]
    if concept not in names:
        raise ValueError(f"concept {concept!r} is not in result; choose from {names}")
    part = result[result["concept"] == concept]
    table = part.pivot(index=by, columns="label", values=values)
    return table.reindex(
        index=list(dict.fromkeys(part[by])), columns=list(dict.fromkeys(part["label"]))
    )


# --- label_differences -----------------------------------------------------------


@fill_doc
def label_differences(
    corpus,
    concepts: Mapping[str, Sequence[str]] | str | Path,
    *,
    by: str = "outlet",
    voice: Literal["outlet", "quoted", "all"] = "outlet",
    stance: Literal["used", "rejected", "attributed", "all"] | Sequence[str] = "used",
    within: str | None = None,
    inflect: bool = False,
    sections: Sequence[str] | None = None,
    n_resamples: int = 1000,
    random_state=0,
) -> pd.DataFrame:
    """Do the groups differ in which labels they use for each concept?

    Parameters
    ----------
    %(corpus)s
    concepts : dict or str or pathlib.Path
        Concepts and their labels, as in :func:`label_choices`.
    %(by)s
    inflect : bool, default=False
        Match singular and plural of the last word of each label.
    sections : list of {"headline", "lede", "body"}, optional
        Count only these parts of the articles.
    %(n_resamples)s
    %(random_state)s

    Returns
    -------
    pandas.DataFrame
        One row per concept (input order): ``concept``, ``n_mentions``,
        ``n_labels`` (labels used at least once), ``n_groups`` (groups that
        name the concept), ``statistic`` (Pearson chi-squared of the group x
        label table), ``dof`` ((n_groups - 1) x (n_labels - 1)),
        ``cramers_v`` (effect size, 0 to 1), ``p_value`` (permutation) and
        ``q_value`` (Benjamini-Hochberg over the concepts). A concept never
        named has NaN statistics; one named with a single label has
        statistic 0 and p-value 1.

    Raises
    ------
    ValueError
        If the corpus has fewer than two groups, or as in
        :func:`label_choices`.

    Notes
    -----
    The chi-squared statistic is computed on the table of label counts by
    group, but its null distribution comes from permuting whole articles:
    the ``by`` labels are shuffled across articles ``n_resamples`` times and
    ``p = (1 + #{chi2* >= chi2}) / (1 + n_resamples)``. Mentions in one
    article are not independent (an outlet's house style repeats a label),
    so the asymptotic chi-squared p-value would be far too small; the
    permutation keeps each article's mentions together.

    Examples
    --------
    >>> from framing import load_corpus
    >>> corpus = load_corpus([
    ...     {"outlet": "Daily", "text": "Militants attacked. Militants fled."},
    ...     {"outlet": "Daily", "text": "Militants returned."},
    ...     {"outlet": "Herald", "text": "Fighters attacked. Fighters fled."},
    ...     {"outlet": "Herald", "text": "Fighters returned."},
    ... ])
    >>> res = label_differences(corpus, {"attackers": ["militants", "fighters"]},
    ...                         random_state=0)
    >>> res[["concept", "n_mentions", "statistic", "dof", "cramers_v"]]
         concept  n_mentions  statistic  dof  cramers_v
    0  attackers           6        6.0    1        1.0
    """
    mapping = _concepts(concepts)
    groups, levels = _article_groups(corpus, by)
    require_groups(levels, by)
    check_resampling(n_resamples, 0.95)
    rng = check_random_state(random_state)
    check_option("voice", voice, VOICES)
    _check_stance(stance)
    strata = within_strata(corpus, by, within)
    found, items = _label_mentions(corpus, mapping, inflect, check_sections(sections))
    counts = _count_matrix(corpus, _counted(found, voice, stance), items)
    index = {lv: i for i, lv in enumerate(levels)}
    keep = np.array([g in index for g in groups])
    if strata is not None:
        keep &= strata >= 0
    codes = np.array([index[g] for g in groups[keep]], dtype=int)
    if not n_resamples:
        perms = None
    elif strata is None:
        perms = np.stack([rng.permutation(codes) for _ in range(n_resamples)])
    else:
        perms = within_shuffles(codes, strata[keep], n_resamples, rng)
    rows = []
    for concept in mapping:
        cols = [j for j, (c, _) in enumerate(items) if c == concept]
        x = counts[keep][:, cols]
        rows.append(_test_concept(concept, x, codes, perms, len(levels)))
    out = pd.DataFrame(rows)
    out["q_value"] = bh_fdr(out["p_value"].to_numpy())
    return out


# --- suggest_labels ----------------------------------------------------------------


@fill_doc
def suggest_labels(
    corpus,
    seeds: str | Sequence[str] | Mapping[str, str | Sequence[str]] | Path,
    *,
    top_n: int = 10,
    method: Literal[
        "combined", "surface", "contexts", "distributional", "substitution", "frequency"
    ] = "combined",
    max_len: int = 4,
    min_count: int = 1,
    inflect: bool = True,
) -> pd.DataFrame:
    """Propose variant labels of a concept from the corpus itself, ranked, with evidence.

    Parameters
    ----------
    %(corpus)s
    seeds : str, list of str, dict or path
        Known label(s) of one concept (``"militants"`` or ``["militants",
        "terrorists"]``), or a mapping (or JSON/YAML file) of several
        concepts to their known labels, e.g. the ``concepts`` given to
        :func:`label_choices`.
    top_n : int, default=10
        Candidates per concept.
    method : str, default="combined"
        ``"combined"`` (all cues below, weighted), ``"surface"`` (contains
        the seed, same head, title/apposition), ``"contexts"`` (shared
        slots), ``"distributional"`` (PPMI + SVD similarity),
        ``"substitution"`` (replaces the seed in similar sentences of other
        articles) or ``"frequency"`` (most frequent phrases: a baseline).
    max_len : int, default=4
        Longest candidate, in tokens.
    min_count : int, default=1
        Fewest occurrences of a candidate.
    inflect : bool, default=True
        Seeds match their singular and plural (as in :func:`label_choices`);
        candidates are always merged across singular and plural.

    Returns
    -------
    pandas.DataFrame
        One row per candidate: ``concept`` (the mapping key, or the first
        seed), ``candidate`` (its most frequent written form), ``score``,
        ``rank`` (1 = best, per concept), ``count`` (occurrences),
        ``outlets`` (how many outlets use it), ``cues`` (which cues fired),
        ``evidence`` (what links it to the seed: e.g. the shared slots) and
        ``example`` (a sentence using it). Ordered by concept, then rank.

    Raises
    ------
    ValueError
        If no seed is given, a seed has no words, or ``method``,
        ``top_n``, ``max_len`` or ``min_count`` is invalid.

    Notes
    -----
    Candidates are noun-phrase-like n-grams of the corpus found without a
    part-of-speech tagger: runs of up to ``max_len`` tokens inside a
    sentence, not broken by punctuation, starting and ending with a content
    word (not starting with a number), with no function word inside but
    "'s", "of", "and". Each is scored
    with cues that tie it to the seed:

    * contains: it contains the seed or lies inside it ("Mr. Abe" ~ "Abe"),
      full weight when both have the same head word, less otherwise;
    * same head: its head word is the seed's ("detailed memos" ~ "memos");
    * apposition: it stands next to the seed as a title ("Prime Minister
      Abe") or an apposition ("Kim Jong Un, North Korea's leader");
    * contexts: it fills the seed's slots (same word to its left, right, or
      both), each slot weighted by its inverse document frequency: the
      places where different outlets put different labels;
    * distributional: cosine similarity of ±5-word context vectors
      weighted by positive pointwise mutual information and reduced with
      truncated SVD (Levy, Goldberg & Dagan 2015);
    * substitution: it occurs, instead of the seed, in a sentence of another
      article that is similar to a sentence with the seed (TF-IDF cosine).

    Scores are multiplied by how noun-phrase-like the candidate's
    occurrences are and by how little its words look like verbs, both
    estimated from the words around them. Small corpora give noisy context
    cues; the suggestions are a list to read, not labels to accept blindly.
    On NewsWCL50 (5 articles per event) the combined method recovers about
    one in five annotated labels of a concept in its top 10 (see
    ``docs/validation.md``).

    References
    ----------
    Hamborg, F., Zhukova, A., & Gipp, B. (2019). Automated identification of
    media bias by word choice and labeling in news articles. JCDL 2019.
    Levy, O., Goldberg, Y., & Dagan, I. (2015). Improving distributional
    similarity with lessons learned from word embeddings. TACL 3.

    Examples
    --------
    >>> from framing import load_corpus
    >>> corpus = load_corpus([
    ...     {"outlet": "A", "text": "Militants attacked the base. The militants fled north."},
    ...     {"outlet": "B", "text": "Gunmen attacked the base. The gunmen fled north."},
    ...     {"outlet": "C", "text": "Fighters attacked the base. The fighters fled north."},
    ... ])
    >>> suggest_labels(corpus, "militants", top_n=2)[["candidate", "rank", "outlets"]]
      candidate  rank  outlets
    0    Gunmen     1        1
    1  Fighters     2        1
    """
    if method not in _suggest.METHODS:
        check_option("method", method, _suggest.METHODS)
    for name, value, low in (("top_n", top_n, 1), ("max_len", max_len, 1), ("min_count", min_count, 1)):
        if not isinstance(value, (int, np.integer)) or value < low:
            raise ValueError(f"{name} must be an integer >= {low}, got {value!r}")
    if isinstance(seeds, str):
        mapping = {seeds: [seeds]}
    elif isinstance(seeds, (Mapping, Path)):
        mapping = _concepts(seeds)
    else:
        seeds = list(seeds)
        if not seeds:
            raise ValueError("seeds is empty; give at least one known label, e.g. 'militants'")
        mapping = {seeds[0]: seeds}
    for concept, labels in mapping.items():
        for label in labels:
            if not isinstance(label, str) or not tokenize_pattern(label):
                raise ValueError(f"seed {label!r} of {concept!r} has no words to match")
    frames = [
        _suggest.rank_candidates(
            corpus, concept, labels, method=method, top_n=top_n, max_len=max_len,
            min_count=min_count, inflect=inflect,
        )
        for concept, labels in mapping.items()
    ]
    return pd.concat(frames, ignore_index=True)


# --- kwic --------------------------------------------------------------------------

