"""Who is quoted, how, and with which reporting verb, per outlet: :func:`quotes`."""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Literal

import numpy as np
import pandas as pd
import scipy.sparse as sp

from .._nlp import english as en
from .._nlp.bulk import paused_gc
from .._nlp.match import PatternSet
from .._nlp.quotes import KINDS, extract, match_actors
from .._nlp.quotes.doc import _n_tokens
from .._nlp.text import fold
from ..corpus import Corpus, _check_by
from ..lexicons import load_lexicon
from ._docs import fill_doc
from ._ladder import finish, strata_of, within_strata
from ._mentions import attach_groups, quote_pairs, read_mapping, sentence_tokens
from ._stats import group_bootstrap

__all__ = ["quotes", "QUOTE_COLUMNS"]

#: Columns of ``quotes(..., level="mention")`` after ``doc_id`` and the ``by`` column.
QUOTE_COLUMNS = (
    "sent_id",
    "last_sent_id",
    "section",
    "kind",
    "start",
    "end",
    "quote",
    "n_words",
    "quoted_words",
    "speaker",
    "speaker_entity",
    "speaker_source",
    "actor",
    "verb",
    "lemma",
    "category",
    "pronoun",
    "unresolved",
    "unclosed",
    "sentence",
)
_LEVELS = ("mention", "article", "group", "speaker")
_WHATS = ("share", "speakers", "verbs")
_SHARE_KINDS = ("direct", "partial")
_ATTRIBUTED_KINDS = ("direct", "partial", "indirect", "according_to")
OTHER, UNATTRIBUTED, NO_VERB = "(other)", "(unattributed)", "(none)"
_HONORIFICS = en.SPEAKER_HONORIFICS
# columns of the cached mention table that quotes() does not return
_INTERNAL = ("appositive", "quoted", "entity_key", "entity_kind", "entity_gender")


@fill_doc
def quotes(
    corpus: Corpus,
    *,
    actors: Mapping[str, Sequence[str]] | str | Path | None = None,
    by: str = "outlet",
    level: Literal["mention", "article", "group", "speaker"] = "group",
    what: Literal["share", "speakers", "verbs"] = "share",
    kinds: Sequence[str] | None = None,
    within: str | None = None,
    n_resamples: int = 1000,
    ci: float = 0.95,
    random_state=0,
) -> pd.DataFrame:
    """Quotations and attributions: who is quoted, how much, with which verb.

    Every article is read for direct quotations (in double or single
    quotation marks, across sentences and paragraphs), partial quotations
    (a reported clause with quoted words in it: 'X said the plan was "a
    disaster"' is one attribution), scare quotes (quoted words that nobody is
    said to have said, quoted titles and names), indirect speech ("X said
    (that) ...", "..., X said.", "X said: ...") and "according to X". Each
    gets its speaker as written and as an entity (name variants merged,
    pronouns and titles resolved), its reporting verb with the verb's
    category from the bundled ``reporting_verbs`` lexicon, and optionally the
    actor the speaker belongs to.

    Parameters
    ----------
    corpus : Corpus
        Articles to read.
    actors : mapping of str to list of str, or path, optional
        Actor names and their aliases (``{"Hamas": ["Hamas", "the group"]}``,
        or a JSON/YAML file holding one). Speakers are matched to actors by
        their aliases; the longest alias found in the speaker wins.
    by : str, default="outlet"
        Column of ``corpus.articles`` that defines the groups.
    level : {"mention", "article", "group", "speaker"}, default="group"
        ``"mention"``: one row per quotation (the evidence behind every
        number); ``"article"``: per article; ``"group"``: per group with
        bootstrap intervals over articles; ``"speaker"``: per group and
        speaker entity, who is given voice (``what`` is then ignored).
    what : {"share", "speakers", "verbs"}, default="share"
        What ``"article"`` and ``"group"`` levels measure: ``"share"``, the
        share of the words inside quotation marks; ``"speakers"``, how often
        each speaker (or each actor, when ``actors`` is given) is quoted;
        ``"verbs"``, how often each category of reporting verb is used.
        Ignored at ``level="mention"``.
    kinds : sequence of str, optional
        Kinds of quotation counted, among ``"direct"``, ``"partial"``,
        ``"indirect"``, ``"according_to"`` and ``"scare"``. Defaults to
        direct and partial quotations for ``"share"`` and to all but scare
        quotes for ``"speakers"``, ``"verbs"`` and ``level="speaker"``. At
        ``level="mention"``, keep only these kinds (default: all).
    %(ladder)s

    Returns
    -------
    pandas.DataFrame
        With a fresh RangeIndex. At ``level="mention"``, one row per
        quotation in corpus order then text order: ``doc_id``, the ``by``
        column, then :data:`QUOTE_COLUMNS`:

        * ``sent_id`` / ``last_sent_id``: sentences of :meth:`Corpus.sentences`
          where the quotation starts and ends; ``section`` (headline, lede,
          body) of the first;
        * ``kind``: direct, partial, indirect, according_to or scare;
        * ``start``, ``end``: character offsets of what is attributed in the
          article's ``text`` (in its ``title`` for headline rows): the quoted
          words of a direct quotation (marks excluded), the reported clause
          of a partial quotation or of indirect speech;
        * ``quote``: those words (a quote continued over paragraphs is joined
          with a space where a paragraph break and reopening mark stand);
          ``n_words``: its number of tokens; ``quoted_words``: the tokens of
          it inside quotation marks;
        * ``speaker``: as written next to the verb ("Tomas Brandt", "a
          spokesman for the ministry"); a pronoun is replaced by its named
          antecedent when one is found, and ``pronoun`` then keeps what was
          written; ``unresolved`` is True when the speaker is still a pronoun;
          None when no speaker is named;
        * ``speaker_entity``: the speaker as one entity of the corpus
          ("Hillary Clinton" for "Mrs. Clinton", "Clinton" and "she"), None
          without a (resolved) speaker; ``speaker_source``: how it was found,
          ``"name"`` (written at the attribution), ``"pronoun"`` (he, she,
          they, it resolved to an earlier speaker or named person),
          ``"title"`` ("the senator": the person the article gave that
          title), ``"previous"`` (a quotation without attribution that
          follows one, or a sentence reporting someone's words), None without
          a speaker;
        * ``actor``: the actor of ``actors`` the speaker (or its appositive,
          "Ms Lind, the network's coordinator") matches, else None;
        * ``verb`` as written ("insisted", "according to"), its ``lemma`` and
          ``category`` (None without a verb);
        * ``unclosed``: the quotation marks were unbalanced, so the quote was
          closed at the end of its paragraph (or opened at its start);
        * ``sentence``: the text of the sentence ``sent_id``.

        At ``level="article"``:

        * ``what="share"``: one row per article with ``doc_id``, ``by``,
          ``n_words`` (tokens of headline and body), ``quoted_words`` (tokens
          inside the counted quotations), ``share`` (their ratio),
          ``n_quotes`` (direct and partial quotations), ``n_indirect``
          (indirect and according_to), ``n_scare`` and ``n_speakers``
          (distinct speakers of attributed quotations);
        * ``what="speakers"``: ``doc_id``, ``by``, ``speaker`` (or
          ``actor``), ``count``: one row per article and actor (including
          ``"(other)"`` and ``"(unattributed)"``) with ``actors``, else one
          row per speaker quoted in the article;
        * ``what="verbs"``: ``doc_id``, ``by``, ``category``, ``count``: one
          row per article and verb category (``"(none)"``: no verb).

        At ``level="group"``: one row per group (``what="share"``: ``by``,
        ``n_articles``, ``n_words``, ``quoted_words``, ``n_quotes``,
        ``estimate``, ``ci_low``, ``ci_high``) or per group and item
        (``what="speakers"``/``"verbs"``: ``by``, ``speaker``/``actor``/
        ``category``, ``count``, ``total`` (counted quotations of the group),
        ``estimate`` (= count / total), ``ci_low``, ``ci_high``,
        ``n_articles``). Groups follow ``corpus.groups(by)``; items follow
        the ``actors`` order then ``"(other)"`` and ``"(unattributed)"``,
        the lexicon's category order then ``"(none)"``, or (speakers without
        ``actors``) the number of quotations overall, most quoted first, then
        ``"(unattributed)"``.

        At ``level="speaker"``: one row per group and speaker entity quoted
        in it: ``by``, ``speaker`` (the entity's name, or ``"(unattributed)"``
        for quotations without a resolved speaker), ``actor`` (with
        ``actors``: the actor the speaker maps to, ``"(other)"`` if none),
        ``count`` (the speaker's quotations), ``quoted_words`` (their words
        in quotation marks), ``total`` (the group's quotations),
        ``word_share`` (= quoted_words over the group's quoted words),
        ``estimate`` (= count / total, the share of the group's quotations),
        ``ci_low``, ``ci_high`` (percentile bootstrap over the group's
        articles), ``n_articles_quoting`` and ``n_articles``. Rows follow
        the groups, then the most quoted speakers first, then the name;
        ``"(unattributed)"`` last.

    Raises
    ------
    ValueError
        If ``level``, ``what``, ``kinds`` or ``by`` is not valid (the message
        lists the valid options), or ``actors`` cannot be read.

    See Also
    --------
    framing.lexicons.load_lexicon : ``load_lexicon("reporting_verbs")``, the
        verb categories.

    Notes
    -----
    Quotation marks are paired paragraph by paragraph; a quote still open at
    a paragraph end continues when the next paragraph opens with a quotation
    mark (news style) and is otherwise closed there and flagged ``unclosed``.
    Speakers are the noun phrase next to a reporting verb found outside
    quotation marks ("X said", "said X", "X, a spokesman for Y, said", "X told
    reporters", "according to X", '"..." -- X'); "he"/"she" take the most
    recent person of a fitting gender (known from honorifics, gendered nouns
    and common first names) quoted or named at the start of a sentence before
    them, "they" the most recent group or organisation, "it" the most recent
    organisation. Speakers of one person are merged within an article (a
    surname joins the full name written there) and across the corpus (a
    surname no article gives in full joins the most quoted full name with that
    surname). A speaker maps to an actor only through what names it or whom
    it speaks for ("a spokeswoman for X", "X's aide", "the X campaign"), never
    through what it is said about ("a critic of X"). The rules and their
    measured precision and recall, on the project's labelled set and on the
    PolNeAR attribution corpus, are in ``docs/validation.md`` (section
    "Quotations and reporting verbs").

    Shares at the group level are ratios of sums over the group's articles
    (pooled shares); the interval is the percentile bootstrap over articles
    resampled within the group (NaN for groups of one article). Reporting
    verb categories follow journalism style guidance: "said" is the neutral
    attribution, while "claimed" casts doubt on the speaker and "admitted"
    implies a concession (see ``framing/lexicons/data/SOURCES.md``).

    Examples
    --------
    >>> from framing import load_corpus
    >>> corpus = load_corpus([
    ...     {"outlet": "A", "text": '"We will rebuild," the mayor said. Aid arrived.'},
    ...     {"outlet": "B", "text": 'The mayor claimed the city was "safe". Aid arrived.'},
    ... ])
    >>> m = quotes(corpus, level="mention")
    >>> m[["outlet", "kind", "quote", "speaker", "verb", "category"]]
      outlet     kind                quote    speaker     verb category
    0      A   direct     We will rebuild,  the mayor     said  neutral
    1      B  partial  the city was "safe"  The mayor  claimed    doubt
    >>> quotes(corpus, what="share", n_resamples=0)[["outlet", "quoted_words", "n_words", "estimate"]]
      outlet  quoted_words  n_words  estimate
    0      A             3        8  0.375000
    1      B             1        9  0.111111
    """
    if not isinstance(corpus, Corpus):
        raise TypeError(f"corpus must be a framing.Corpus, got {type(corpus).__name__}; use framing.load_corpus")
    if level not in _LEVELS:
        raise ValueError(f"level must be one of {list(_LEVELS)}, got {level!r}")
    if what not in _WHATS:
        raise ValueError(f"what must be one of {list(_WHATS)}, got {what!r}")
    _check_by(corpus, by)
    kinds = _check_kinds(kinds, level, what)
    patterns = None
    if actors is not None:
        patterns = PatternSet(read_mapping(actors, what="actors"), what="alias")
    table = _mentions(corpus, patterns)
    table = attach_groups(table, corpus, by)
    if level == "mention":
        out = table[table["kind"].isin(kinds)]
        return out[["doc_id", by, *QUOTE_COLUMNS]].reset_index(drop=True)
    table = table[table["kind"].isin(kinds)]
    arts = corpus._articles
    strata = within_strata(corpus, by, within)
    boot = {"n_resamples": n_resamples, "ci": ci, "random_state": random_state, "strata": strata}
    if level == "speaker":
        out = _speaker_table(corpus, table, by, patterns is not None, boot)
    elif what == "share":
        per_article = _share_table(corpus, table, by, kinds)
        if level == "article":
            return per_article
        out = _share_groups(corpus, per_article, by, boot)
    else:
        item, levels, keys = _items(table, what, patterns)
        counts = _count_matrix(arts["doc_id"], table["doc_id"], keys, levels)
        if level == "article":
            return _article_items(corpus, counts, levels, item, by, dense=what == "verbs" or patterns is not None)
        out = _item_groups(corpus, counts, levels, item, by, boot)
    return finish(out, ci=ci, n_resamples=n_resamples, within=within, level=level)


def _check_kinds(kinds, level: str, what: str) -> tuple[str, ...]:
    if kinds is None:
        if level == "mention":
            return KINDS
        if level == "speaker":
            return _ATTRIBUTED_KINDS
        return _SHARE_KINDS if what == "share" else _ATTRIBUTED_KINDS
    if isinstance(kinds, str):
        kinds = [kinds]
    bad = [k for k in kinds if k not in KINDS]
    if bad or not kinds:
        raise ValueError(f"kinds must be a non-empty list among {list(KINDS)}, got {list(kinds)!r}")
    return tuple(dict.fromkeys(kinds))


# --- the mention table ----------------------------------------------------------------


def _mentions(corpus: Corpus, patterns: PatternSet | None) -> pd.DataFrame:
    table = corpus.cache.fetch("quotes", lambda: _extract_corpus(corpus)).copy()
    if patterns is not None and len(table):
        rows = table[["speaker", "appositive"]].to_dict("records")
        match_actors(rows, patterns)
        table["actor"] = pd.Series([r["actor"] for r in rows], index=table.index, dtype=object)
    return table


@paused_gc
def _extract_corpus(corpus: Corpus) -> pd.DataFrame:
    sents = corpus.sentences()
    arts = corpus._articles
    s_doc = sents["doc_id"].to_numpy()
    s_head = (sents["section"].astype(str) == "headline").to_numpy()
    s_para = np.maximum(sents["paragraph"].to_numpy(), 0).tolist()
    s_start, s_end = sents["start"].tolist(), sents["end"].tolist()
    s_ids = sents["sent_id"].tolist()
    s_secs = sents["section"].astype(str).tolist()
    s_texts = sents["text"].tolist()
    rows_of: dict = {}
    for r, d in enumerate(s_doc.tolist()):
        rows_of.setdefault(d, []).append(r)
    records: list[dict] = []
    pairs_of = quote_pairs(corpus)  # shared with the quoted spans
    for doc_id, outlet, title, text in zip(arts["doc_id"], arts["outlet"], arts["title"], arts["text"], strict=True):
        g = rows_of.get(doc_id)
        if g is None:
            continue
        head = [r for r in g if s_head[r]]
        body = [r for r in g if not s_head[r]]
        for source, part, is_head in ((title, head, True), (text, body, False)):
            if not part:
                continue
            spans = [(s_para[r], s_start[r], s_end[r]) for r in part]
            for row in extract(source, spans, headline=is_head, quotes=pairs_of.get((doc_id, is_head))):
                first, last = part[row["sent"]], part[row["last_sent"]]
                records.append(
                    {
                        "doc_id": doc_id,
                        "outlet": outlet,
                        "sent_id": s_ids[first],
                        "last_sent_id": s_ids[last],
                        "section": s_secs[first],
                        "kind": row["kind"],
                        "start": row["start"],
                        "end": row["end"],
                        "quote": row["quote"],
                        "n_words": row["n_words"],
                        "quoted_words": sum(_n_tokens(source[a:b]) for a, b in row["quoted"]),
                        "speaker": row["speaker"],
                        "speaker_entity": row["speaker_entity"],
                        "speaker_source": row["speaker_source"],
                        "actor": None,
                        "verb": row["verb"],
                        "lemma": row["lemma"],
                        "category": row["category"],
                        "pronoun": row["pronoun"],
                        "unresolved": row["unresolved"],
                        "unclosed": row["unclosed"],
                        "sentence": s_texts[first],
                        "appositive": row["appositive"],
                        "quoted": row["quoted"],
                        "entity_key": row["entity_key"],
                        "entity_kind": row["entity_kind"],
                        "entity_gender": row["entity_gender"],
                    }
                )
    cols = ["doc_id", "outlet", *QUOTE_COLUMNS, *_INTERNAL]
    # optional text columns keep None (not NaN) for "absent"
    optional = (
        "speaker", "speaker_entity", "speaker_source", "actor", "verb", "lemma", "category", "pronoun",
        *_INTERNAL,
    )
    out = pd.DataFrame(
        {c: pd.Series([r[c] for r in records], dtype=object if c in optional else None) for c in cols},
        columns=cols,
    )
    for c in ("sent_id", "last_sent_id", "start", "end", "n_words", "quoted_words"):
        out[c] = out[c].astype("int64")
    _merge_entities(out)
    for c in ("unresolved", "unclosed"):
        out[c] = out[c].astype(bool)
    out["section"] = pd.Categorical(out["section"], categories=["headline", "lede", "body"])
    return out


# --- shares of quoted words ---------------------------------------------------------------


def _share_table(corpus: Corpus, table: pd.DataFrame, by: str, kinds: tuple[str, ...]) -> pd.DataFrame:
    """Per article: words, words inside the counted quotations, counts."""
    sents = corpus.sentences()
    toks = sentence_tokens(corpus)
    arts = corpus._articles
    n_words = Counter()
    quoted = Counter()
    spans: dict[tuple[str, bool], list[tuple[int, int]]] = {}
    heads = (table["section"].astype(str) == "headline").tolist()
    # the words inside quotation marks of the counted rows (a paraphrase row
    # reports a whole clause; only its quoted fragments are quoted words)
    for d, h, pieces in zip(table["doc_id"].tolist(), heads, table["quoted"].tolist(), strict=True):
        if pieces:
            spans.setdefault((d, h), []).extend(pieces)
    bounds = {}
    for key in spans:
        spans[key] = _union(spans[key])
        bounds[key] = ([s for s, _ in spans[key]], [e for _, e in spans[key]])
    s_heads = (sents["section"].astype(str) == "headline").tolist()
    for doc_id, head, start, tk in zip(sents["doc_id"].tolist(), s_heads, sents["start"].tolist(), toks, strict=True):
        n_words[doc_id] += len(tk)
        sp = spans.get((doc_id, head))
        if sp and tk:
            starts, ends = bounds[(doc_id, head)]
            j = bisect.bisect_right(ends, start + tk[0][1])
            if j == len(ends) or starts[j] > start + tk[-1][1]:
                continue  # no quotation overlaps the sentence's tokens
            starts, ends = np.array(starts), np.array(ends)
            pos = start + np.array([s for _, s, _ in tk], dtype=np.int64)
            idx = np.searchsorted(starts, pos, side="right") - 1
            quoted[doc_id] += int(((idx >= 0) & (pos < ends[np.clip(idx, 0, None)])).sum())
    full = _mentions(corpus, None)
    kind_counts = full.groupby(["doc_id", "kind"]).size().to_dict()
    attributed = full[full["kind"].isin(_ATTRIBUTED_KINDS) & full["speaker"].notna() & ~full["unresolved"]]
    speakers = attributed["speaker"].tolist()
    key_of = {sp: _speaker_key(sp) for sp in set(speakers)}
    n_speakers = (
        attributed.assign(key=[key_of[sp] for sp in speakers]).groupby("doc_id")["key"].nunique().to_dict()
    )

    def kc(d, ks):
        return int(sum(kind_counts.get((d, k), 0) for k in ks))

    ids = arts["doc_id"].tolist()
    out = pd.DataFrame(
        {
            "doc_id": ids,
            by: arts[by].to_numpy(),
            "n_words": [n_words[d] for d in ids],
            "quoted_words": [quoted[d] for d in ids],
        }
    )
    with np.errstate(invalid="ignore", divide="ignore"):
        out["share"] = out["quoted_words"] / out["n_words"].replace(0, np.nan)
    out["n_quotes"] = [kc(d, ("direct", "partial")) for d in ids]
    out["n_indirect"] = [kc(d, ("indirect", "according_to")) for d in ids]
    out["n_scare"] = [kc(d, ("scare",)) for d in ids]
    out["n_speakers"] = [int(n_speakers.get(d, 0)) for d in ids]
    return out


def _merge_entities(table: pd.DataFrame) -> None:
    """One speaker entity per person across the corpus, in place.

    Within an article the rules already merged "Mrs. Clinton" and "Clinton"
    into "Hillary Clinton"; a surname an article never gives in full joins the
    full name with that surname (and a fitting gender) quoted most often in
    the corpus. Every entity is shown by its most frequent name (a person by
    the most frequent full name).
    """
    if not len(table):
        return
    keys = table["entity_key"].tolist()
    kinds = table["entity_kind"].tolist()
    genders = table["entity_gender"].tolist()
    full: Counter = Counter()
    gender_of: dict[str, Counter] = {}
    for k, kind, g in zip(keys, kinds, genders, strict=True):
        if kind == "person" and isinstance(k, str) and " " in k:
            full[k] += 1
            if isinstance(g, str):
                gender_of.setdefault(k, Counter())[g] += 1
    by_last: dict[str, list[str]] = {}
    for k in full:
        by_last.setdefault(k.rsplit(" ", 1)[1], []).append(k)
    merged = []
    for k, kind, g in zip(keys, kinds, genders, strict=True):
        if kind == "person" and isinstance(k, str) and " " not in k and k in by_last:
            fits = [
                f for f in by_last[k]
                if not isinstance(g, str) or f not in gender_of or gender_of[f].most_common(1)[0][0] == g
            ]
            if fits:
                k = max(fits, key=lambda f: (full[f], f))
        merged.append(k)
    shown: dict[str, Counter] = {}
    for k, name in zip(merged, table["speaker_entity"].tolist(), strict=True):
        if isinstance(k, str) and isinstance(name, str):
            # a person is shown by a full name when one was written
            weight = 1000 if " " in k and " " in name else 1
            shown.setdefault(k, Counter())[name] += weight
    table["entity_key"] = pd.Series(merged, index=table.index, dtype=object)
    table["speaker_entity"] = pd.Series(
        [max(shown[k].items(), key=lambda x: (x[1], x[0]))[0] if isinstance(k, str) and k in shown else None for k in merged],
        index=table.index,
        dtype=object,
    )


def _union(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def _share_groups(corpus, per_article, by, boot) -> pd.DataFrame:
    levels = corpus.groups(by)
    groups = per_article[by].astype(str).to_numpy()
    boot = {**boot, "strata": strata_of(corpus, boot["strata"], per_article["doc_id"])}
    res = group_bootstrap(
        per_article["quoted_words"].to_numpy(float),
        groups,
        levels,
        denom=per_article["n_words"].to_numpy(float),
        **boot,
    )
    sums = per_article.groupby(per_article[by].astype(str))[["n_words", "quoted_words", "n_quotes"]].sum()
    sums = sums.reindex(levels).fillna(0).astype("int64")
    return pd.DataFrame(
        {
            by: levels,
            "n_articles": res["n_articles"],
            "n_words": sums["n_words"].to_numpy(),
            "quoted_words": sums["quoted_words"].to_numpy(),
            "n_quotes": sums["n_quotes"].to_numpy(),
            "estimate": res["estimate"],
            "ci_low": res["ci_low"],
            "ci_high": res["ci_high"],
        }
    )


# --- speakers and verb categories --------------------------------------------------------


def _speaker_key(speaker: str) -> str:
    words = fold(speaker).replace("'s", " ").replace(".", " ").split()
    words = ["".join(c for c in w if c.isalnum() or c == "-") for w in words]
    words = [w for w in words if w]
    while words and words[0] in _HONORIFICS:
        words = words[1:]
    return " ".join(words)


def _items(table: pd.DataFrame, what: str, patterns: PatternSet | None) -> tuple[str, list[str], list[str]]:
    """Item column name, item levels in order, and the item of every row."""
    if what == "verbs":
        cats = list(dict.fromkeys(load_lexicon("reporting_verbs")["category"]))
        keys = [c if isinstance(c, str) else NO_VERB for c in table["category"]]
        return "category", cats + [NO_VERB], keys
    known = table["speaker"].notna() & ~table["unresolved"]
    if patterns is not None:
        levels = list(dict.fromkeys(patterns.groups)) + [OTHER, UNATTRIBUTED]
        keys = [
            (a if isinstance(a, str) else OTHER) if k else UNATTRIBUTED
            for a, k in zip(table["actor"], known, strict=True)
        ]
        return "actor", levels, keys
    # Speakers without actors: one item per speaker entity ("Mrs. Clinton" and
    # "Hillary Clinton" are one), shown by its name; most quoted first.
    keys_out = [
        k if ok and isinstance(k, str) else UNATTRIBUTED
        for k, ok in zip(table["entity_key"], known & table["speaker_entity"].notna(), strict=True)
    ]
    shown = {k: n for k, n in zip(keys_out, table["speaker_entity"], strict=True) if k != UNATTRIBUTED}
    totals = Counter(k for k in keys_out if k != UNATTRIBUTED)
    order = sorted(totals, key=lambda k: (-totals[k], shown[k].lower()))
    keys_out = [shown.get(k, k) for k in keys_out]
    levels = [shown[k] for k in order] + [UNATTRIBUTED]
    return "speaker", list(dict.fromkeys(levels)), keys_out


def _speaker_table(corpus, table, by, with_actors, boot) -> pd.DataFrame:
    """Per group and speaker entity: quotations, quoted words, share of the group's quotations."""
    arts = corpus._articles
    glevels = corpus.groups(by)
    known = table["speaker_entity"].notna() & ~table["unresolved"]
    keys = [k if ok else UNATTRIBUTED for k, ok in zip(table["entity_key"], known, strict=True)]
    shown = dict(zip(keys, table["speaker_entity"], strict=True))
    shown[UNATTRIBUTED] = UNATTRIBUTED
    actor_of: dict[str, Counter] = {}
    if with_actors:
        for k, a in zip(keys, table["actor"], strict=True):
            actor_of.setdefault(k, Counter())[a if isinstance(a, str) else OTHER] += 1
    n_of = Counter(keys)
    levels = sorted(set(keys) - {UNATTRIBUTED}, key=lambda k: (-n_of[k], str(shown[k]).lower()))
    levels.append(UNATTRIBUTED)
    col = {k: j for j, k in enumerate(levels)}
    row_of = {d: i for i, d in enumerate(arts["doc_id"])}
    rows_i = np.array([row_of[d] for d in table["doc_id"]], dtype=np.int64)
    cols_j = np.array([col[k] for k in keys], dtype=np.int64)
    shape = (len(arts), len(levels))
    counts = sp.csr_array((np.ones(len(keys)), (rows_i, cols_j)), shape=shape)
    words = sp.csr_array((table["quoted_words"].to_numpy(float), (rows_i, cols_j)), shape=shape)
    total = np.asarray(counts.sum(axis=1)).ravel()
    groups = arts[by].astype(str).to_numpy()
    res = group_bootstrap(counts, groups, glevels, denom=total, **boot)
    out = []
    for g, level in enumerate(glevels):
        idx = np.flatnonzero(groups == level)
        if not len(idx):
            continue
        c = np.asarray(counts[idx].sum(axis=0)).ravel()
        w = np.asarray(words[idx].sum(axis=0)).ravel()
        quoting = np.asarray((counts[idx] > 0).sum(axis=0)).ravel()
        tot, wtot = c.sum(), w.sum()
        for j in np.flatnonzero(c):
            row = {by: level, "speaker": shown[levels[j]]}
            if with_actors:
                row["actor"] = actor_of[levels[j]].most_common(1)[0][0] if levels[j] != UNATTRIBUTED else UNATTRIBUTED
            row.update(
                count=int(c[j]),
                quoted_words=int(w[j]),
                total=int(tot),
                word_share=w[j] / wtot if wtot else np.nan,
                estimate=res["estimate"][g, j],
                ci_low=res["ci_low"][g, j],
                ci_high=res["ci_high"][g, j],
                n_articles_quoting=int(quoting[j]),
                n_articles=int(res["n_articles"][g]),
            )
            out.append(row)
    cols = [by, "speaker", *(["actor"] if with_actors else []), "count", "quoted_words", "total", "word_share",
            "estimate", "ci_low", "ci_high", "n_articles_quoting", "n_articles"]
    frame = pd.DataFrame(out, columns=cols)
    if len(frame):
        order = {g: i for i, g in enumerate(glevels)}
        frame["_g"] = frame[by].map(order)
        frame["_u"] = frame["speaker"] == UNATTRIBUTED
        frame = frame.sort_values(["_g", "_u", "count", "speaker"], ascending=[True, True, False, True], kind="mergesort")
        frame = frame.drop(columns=["_g", "_u"])
    return frame.reset_index(drop=True)


def _count_matrix(doc_ids: pd.Series, row_docs: pd.Series, keys: list[str], levels: list[str]) -> np.ndarray:
    index = {d: i for i, d in enumerate(doc_ids)}
    col = {lv: j for j, lv in enumerate(levels)}
    counts = np.zeros((len(index), len(levels)))
    if len(keys):
        np.add.at(counts, ([index[d] for d in row_docs], [col[k] for k in keys]), 1)
    return counts


def _article_items(corpus, counts, levels, item, by, dense: bool) -> pd.DataFrame:
    arts = corpus._articles
    rows_i, cols_j = np.nonzero(counts) if not dense else np.indices(counts.shape).reshape(2, -1)
    out = pd.DataFrame(
        {
            "doc_id": arts["doc_id"].to_numpy()[rows_i],
            by: arts[by].to_numpy()[rows_i],
            item: np.asarray(levels, dtype=object)[cols_j],
            "count": counts[rows_i, cols_j].astype("int64"),
        }
    )
    return out


def _item_groups(corpus, counts, levels, item, by, boot) -> pd.DataFrame:
    arts = corpus._articles
    glevels = corpus.groups(by)
    groups = arts[by].astype(str).to_numpy()
    total = counts.sum(axis=1)
    res = group_bootstrap(counts, groups, glevels, denom=total, **boot)
    k = len(levels)
    g_counts = np.vstack([counts[groups == g].sum(axis=0) if (groups == g).any() else np.zeros(k) for g in glevels])
    return pd.DataFrame(
        {
            by: np.repeat(glevels, k),
            item: np.tile(np.asarray(levels, dtype=object), len(glevels)),
            "count": g_counts.reshape(-1).astype("int64"),
            "total": np.repeat(g_counts.sum(axis=1), k).astype("int64"),
            "estimate": res["estimate"].reshape(-1),
            "ci_low": res["ci_low"].reshape(-1),
            "ci_high": res["ci_high"].reshape(-1),
            "n_articles": np.repeat(res["n_articles"], k),
        }
    )
