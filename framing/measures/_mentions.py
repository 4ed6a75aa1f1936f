"""Where the phrases of a mapping (actors, concepts, dictionaries) occur.

Every analysis that starts from a list of names or labels goes through
:func:`find_mentions`, so all of them see the same matches: same tokenizer,
same longest-match rule, same offsets.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from itertools import chain
from operator import itemgetter
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import yaml

from .._nlp.bulk import paused_gc
from .._nlp.match import PatternSet
from .._nlp.quotes import pair_quotes
from .._nlp.text import _TOKEN_RE, fold, token_spans
from .._validate import yaml_error_line
from ..corpus import _check_by
from ._stats import check_resampling

__all__ = [
    "MENTION_COLUMNS",
    "attach_groups",
    "find_mentions",
    "mark_in_quote",
    "quoted_token_mask",
    "quoted_tokens",
    "read_mapping",
    "sentence_tokens",
    "sort_articles",
    "voice_mask",
    "voiced_mentions",
]

_second = itemgetter(1)

#: Columns of :func:`find_mentions`.
MENTION_COLUMNS = (
    "doc_id",
    "outlet",
    "sent_id",
    "section",
    "group",
    "phrase",
    "match",
    "start",
    "end",
    "tok_start",
    "tok_end",
    "sentence",
)


def read_mapping(
    source: Mapping[str, Sequence[str]] | str | Path, *, what: str = "actors"
) -> dict[str, list[str]]:
    """A ``{name: [phrase, ...]}`` mapping from a dict or a JSON/YAML file.

    Parameters
    ----------
    source : mapping or str or pathlib.Path
        The mapping itself, or the path of a ``.json``, ``.yaml`` or ``.yml``
        file holding one.
    what : str, default="actors"
        What the mapping holds, for error messages ("actors", "concepts").

    Raises
    ------
    ValueError
        If the file cannot be parsed (with the line), the mapping is empty, a
        name has no phrases or a phrase is not a string.
    """
    if isinstance(source, (str, Path)):
        path = Path(source).expanduser()
        if not path.exists():
            raise ValueError(f"{what} file {path} does not exist")
        text = path.read_text(encoding="utf-8-sig")
        if not text.strip():
            raise ValueError(
                f"{path} is empty; it should map each name to a list of {_phrases(what)}"
            )
        if path.suffix.lower() in (".yaml", ".yml"):
            try:
                data = yaml.safe_load(text)
            except yaml.YAMLError as e:
                line = yaml_error_line(e)
                raise ValueError(f"{path}{line}: not valid YAML ({getattr(e, 'problem', e)})") from None
        else:
            try:
                data = json.loads(text)
            except json.JSONDecodeError as e:
                raise ValueError(
                    f"{path}, line {e.lineno}, column {e.colno}: not valid JSON ({e.msg})"
                ) from None
        where = str(path)
    else:
        data, where = source, what
    if not isinstance(data, Mapping):
        raise ValueError(
            f"{where} must map each name to a list of {_phrases(what)}, e.g. "
            '{"Hamas": ["Hamas", "the group"]}; got ' + type(data).__name__
        )
    if not data:
        raise ValueError(f"{where} is empty; give at least one name with its {_phrases(what)}")
    out: dict[str, list[str]] = {}
    for name, phrases in data.items():
        if isinstance(phrases, str):
            phrases = [phrases]
        if not isinstance(phrases, Sequence) or isinstance(phrases, bytes):
            raise ValueError(
                f"{where}: {name!r} must have a list of {_phrases(what)}, got {type(phrases).__name__}"
            )
        phrases = list(phrases)
        if not phrases:
            raise ValueError(f"{where}: {name!r} has no {_phrases(what)}; give at least one")
        for p in phrases:
            if not isinstance(p, str) or not p.strip():
                raise ValueError(f"{where}: {name!r} has an empty or non-text entry {p!r}")
        out[str(name)] = phrases
    return out


def _phrases(what: str) -> str:
    return {"actors": "aliases", "concepts": "labels", "dictionary": "terms"}.get(what, "phrases")


@paused_gc
def sentence_tokens(corpus) -> list[list[tuple[str, int, int]]]:
    """Tokens of every sentence of ``corpus`` (offsets within the sentence).

    Computed once per corpus; the list follows the rows of
    ``corpus.sentences()``. Equal token strings and equal offsets are one
    object each, which more than halves the memory of the cache (about 60
    instead of 140 bytes a token).
    """
    cached = corpus.cache.get("sentence_tokens")
    if cached is None:
        words: dict[str, str] = {}
        word = words.setdefault
        ints = _SMALL_INTS
        find = _TOKEN_RE.finditer
        # token_spans(t), with shared strings and offsets
        cached = [
            [(word(m[0], m[0]), ints[m.start()], ints[m.end()]) for m in find(fold(t))]
            if len(t) < _N_INTS
            else [(word(w, w), s, e) for w, s, e in token_spans(t)]
            for t in corpus.sentences()["text"]
        ]
        corpus.cache.put("sentence_tokens", cached)
    return cached


def _token_codes(corpus) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every token of :func:`sentence_tokens` as a code: (codes in sentence
    order, the distinct tokens, offset of each sentence's first code plus the
    total). Computed once per corpus."""
    cached = corpus.cache.get("token_codes")
    if cached is None:
        toks = sentence_tokens(corpus)
        words = np.array([w for spans in toks for w, _, _ in spans], dtype=object)
        codes, distinct = pd.factorize(words)
        offsets = np.zeros(len(toks) + 1, dtype=np.int64)
        np.cumsum(np.fromiter(map(len, toks), dtype=np.int64, count=len(toks)), out=offsets[1:])
        cached = (codes.astype(np.int32), np.asarray(distinct, dtype=object), offsets)
        corpus.cache.put("token_codes", cached)
    return cached


def candidate_positions(corpus, patterns: PatternSet):
    """The sentences where a pattern may start, with where.

    Yields ``(row, words, positions)`` in row order for every sentence row of
    ``corpus.sentences()`` with at least one token where
    :meth:`PatternSet.can_start` is True: its tokens and those tokens'
    positions, ready for ``patterns.find(words, positions)``. Every other
    sentence has no match. The test runs once per distinct token of the
    corpus instead of once per token.
    """
    codes, distinct, offsets = _token_codes(corpus)
    kind = np.fromiter((patterns.can_start(w) for w in distinct), dtype=np.int8, count=len(distinct))
    pos = np.flatnonzero(kind[codes])
    if not len(pos):
        return
    row = np.searchsorted(offsets, pos, side="right") - 1
    pair = kind[codes[pos]] == 2
    if pair.any():
        # a word that only opens longer patterns ("the" of "the west"): keep
        # it where some pattern takes the next word, tested once per pair
        at = pos[pair]
        last = at + 1 == offsets[row[pair] + 1]
        nxt = np.where(last, -1, codes[np.minimum(at + 1, len(codes) - 1)])
        keys, inverse = np.unique(codes[at].astype(np.int64) * (len(distinct) + 1) + nxt + 1, return_inverse=True)
        width = len(distinct) + 1
        ok = np.fromiter(
            (
                patterns.can_start_pair(distinct[k // width], distinct[k % width - 1] if k % width else None)
                for k in keys.tolist()
            ),
            dtype=bool,
            count=len(keys),
        )
        keep = np.ones(len(pos), dtype=bool)
        keep[pair] = ok[inverse.reshape(-1)]
        pos, row = pos[keep], row[keep]
        if not len(pos):
            return
    local = (pos - offsets[row]).tolist()
    cut = (np.flatnonzero(np.diff(row)) + 1).tolist()
    bounds = [0, *cut, len(pos)]
    for k, r in enumerate(row[bounds[:-1]].tolist()):
        yield r, distinct[codes[offsets[r] : offsets[r + 1]]], local[bounds[k] : bounds[k + 1]]


# Shared int objects for offsets (CPython makes a new object for each int
# above 256; sentences are rarely longer than this).
_N_INTS = 4096
_SMALL_INTS = list(range(_N_INTS))


def find_mentions(
    corpus,
    patterns: PatternSet,
    *,
    sections: Sequence[str] | None = None,
    merge_adjacent: bool = False,
) -> pd.DataFrame:
    """Every match of ``patterns`` in the sentences of ``corpus``.

    With ``merge_adjacent=True``, consecutive matches of the same group
    ("Hamas fighters" when both words are aliases of one actor) count as one
    mention spanning both.

    Returns
    -------
    pandas.DataFrame
        One row per match, columns :data:`MENTION_COLUMNS`: the sentence
        (``doc_id``, ``outlet``, ``sent_id``, ``section``, its ``sentence``
        text), the phrase's ``group`` (actor or concept) and ``phrase`` as
        given, the ``match`` as written in the text, its character ``start``
        and ``end`` within the sentence and its token positions
        ``tok_start``/``tok_end``. Rows follow the corpus order.
    """
    sents = corpus.sentences()
    toks = sentence_tokens(corpus)
    cols: dict[str, list[Any]] = {c: [] for c in MENTION_COLUMNS}
    rows: list[int] = []
    allowed = None if sections is None else set(sections)
    section = sents["section"].astype(str).to_numpy()
    texts = sents["text"].to_numpy()
    acronyms = patterns.acronyms
    for i, words, positions in candidate_positions(corpus, patterns):
        if allowed is not None and section[i] not in allowed:
            continue
        spans = toks[i]
        found = patterns.find(words, positions)
        if merge_adjacent and len(found) > 1:
            merged = [found[0]]
            for k, ts, te in found[1:]:
                pk, ps, pe = merged[-1]
                if ts == pe and patterns.groups[k] == patterns.groups[pk]:
                    merged[-1] = (pk, ps, te)
                else:
                    merged.append((k, ts, te))
            found = merged
        for k, ts, te in found:
            marks = acronyms[k]
            if marks is not None and not all(
                _in_capitals(texts[i][spans[ts + j][1] : spans[ts + j][2]]) for j, m in enumerate(marks) if m
            ):
                continue  # "US" (the country) is not "us"
            s, e = spans[ts][1], spans[te - 1][2]
            rows.append(i)
            cols["group"].append(patterns.groups[k])
            cols["phrase"].append(patterns.phrases[k])
            cols["match"].append(texts[i][s:e])
            cols["start"].append(s)
            cols["end"].append(e)
            cols["tok_start"].append(ts)
            cols["tok_end"].append(te)
    idx = np.asarray(rows, dtype=int)
    for c in ("doc_id", "outlet", "sent_id", "section"):
        cols[c] = sents[c].to_numpy()[idx] if len(idx) else []
    cols["sentence"] = texts[idx] if len(idx) else []
    out = pd.DataFrame(cols, columns=list(MENTION_COLUMNS))
    for c in ("sent_id", "start", "end", "tok_start", "tok_end"):
        out[c] = out[c].astype("int64")
    out["section"] = pd.Categorical(out["section"], categories=["headline", "lede", "body"])
    return out


def _in_capitals(written: str) -> bool:
    """Whether a token as written has no lower-case letter ("US", "U.S.", not "us" or "Us")."""
    return not any(c.islower() for c in written)


def attach_groups(frame: pd.DataFrame, corpus, by: str) -> pd.DataFrame:
    """Add the article column ``by`` to a frame with a ``doc_id`` column."""
    if by in frame.columns:
        return frame
    lookup = corpus._articles.set_index("doc_id")[by]
    out = frame.copy()
    out.insert(1, by, lookup.reindex(out["doc_id"]).to_numpy())
    return out


_ACTOR_LEVELS = ("group", "article", "mention")
_VOICES = ("outlet", "quoted", "all")


def voiced_mentions(
    corpus, actors, mentions, *, by: str, level: str, voice: str, n_resamples: int, ci: float
):
    """Check the arguments of a per-actor measure and return its mentions and its actors.

    ``mentions(corpus, actors)`` gives every mention of the actors read from
    ``actors`` (a mapping or a JSON/YAML file). The mentions come with the
    column ``by``; at ``level="mention"`` they are all of them, renumbered,
    otherwise only those of ``voice`` (all of them with ``"all"``).
    """
    if level not in _ACTOR_LEVELS:
        raise ValueError(f"level={level!r} is not valid; choose one of {list(_ACTOR_LEVELS)}")
    if voice not in _VOICES:
        raise ValueError(f"voice={voice!r} is not valid; choose one of {list(_VOICES)}")
    _check_by(corpus, by)
    check_resampling(n_resamples, ci)
    actors = read_mapping(actors, what="actors")
    m = attach_groups(mentions(corpus, actors), corpus, by)
    if by != "outlet":
        m = m.drop(columns=["outlet"])
    if level == "mention":
        return m.reset_index(drop=True), actors
    if voice != "all":
        m = m[m["voice"] == voice]
    return m, actors


def sort_articles(out: pd.DataFrame, corpus, by: str, actors) -> pd.DataFrame:
    """Add the column ``by`` to per-(article, actor) rows and sort them by article, then actor, as given."""
    out = attach_groups(out, corpus, by)
    order = {d: i for i, d in enumerate(corpus._articles["doc_id"])}
    actor_order = {a: i for i, a in enumerate(actors)}
    return out.sort_values(["doc_id", "actor"], key=lambda s: s.map(order if s.name == "doc_id" else actor_order))


# -- mentions inside quotation marks -------------------------------------------------------


def quote_pairs(corpus) -> dict[tuple[str, bool], list]:
    """``pair_quotes`` of every body, and of every real headline, per (doc_id,
    is_headline): the quotation marks of the corpus, paired once for the quoted
    spans and for the quotation rules."""
    cached = corpus.cache.get("quote_pairs")
    if cached is None:
        cached = {}
        arts = corpus._articles
        for doc_id, title, text, has_headline in zip(
            arts["doc_id"], arts["title"], arts["text"], arts["has_headline"], strict=True
        ):
            cached[(doc_id, False)] = pair_quotes(text)
            if has_headline and title:
                cached[(doc_id, True)] = pair_quotes(title)
        corpus.cache.put("quote_pairs", cached)
    return cached


def _corpus_spans(corpus) -> dict[tuple[str, bool], list[tuple[int, int]]]:
    cached = corpus.cache.get("quoted_spans")
    if cached is None:
        # quoted_spans(text) of every body and real headline
        cached = {key: [(q.start, q.end) for q in pairs] for key, pairs in quote_pairs(corpus).items()}
        corpus.cache.put("quoted_spans", cached)
    return cached


def mark_in_quote(frame: pd.DataFrame, corpus) -> pd.DataFrame:
    """Add a boolean ``in_quote`` column to a mention frame.

    ``frame`` needs the columns ``doc_id``, ``sent_id``, ``start`` and
    ``end`` with offsets within the sentence, as returned by
    :func:`framing.measures._mentions.find_mentions`. A mention is in a quote when its
    first character lies between a pair of quotation marks of its article
    (the headline's marks for headline rows); scare quotes count.

    Returns
    -------
    pandas.DataFrame
        A copy of ``frame`` with ``in_quote`` appended.

    Examples
    --------
    >>> from framing import load_corpus
    >>> from framing._nlp.match import PatternSet
    >>> corpus = load_corpus([{"outlet": "A", "text": 'The army said "the army will stay". The army left.'}])
    >>> m = find_mentions(corpus, PatternSet({"army": ["army"]}))
    >>> mark_in_quote(m, corpus)["in_quote"].tolist()
    [False, True, False]
    """
    missing = [c for c in ("doc_id", "sent_id", "start") if c not in frame.columns]
    if missing:
        raise ValueError(
            f"frame lacks column(s) {missing}; pass the output of find_mentions "
            "(doc_id, sent_id and start offsets within the sentence)"
        )
    out = frame.copy()
    if len(out) == 0:
        out["in_quote"] = pd.Series(dtype=bool)
        return out
    sents = corpus.sentences()[["doc_id", "sent_id", "section", "start"]].rename(
        columns={"start": "_sent_start", "section": "_section"}
    )
    merged = out[["doc_id", "sent_id", "start"]].merge(sents, on=["doc_id", "sent_id"], how="left")
    if merged["_sent_start"].isna().any():
        bad = merged.loc[merged["_sent_start"].isna(), ["doc_id", "sent_id"]].iloc[0].tolist()
        raise ValueError(f"frame row (doc_id, sent_id) = {tuple(bad)} is not a sentence of corpus")
    pos = (merged["_sent_start"].to_numpy() + merged["start"].to_numpy()).astype(np.int64)
    is_head = (merged["_section"].astype(str) == "headline").to_numpy()
    spans = _corpus_spans(corpus)
    keys = list(zip(merged["doc_id"].to_numpy(), is_head, strict=True))
    # One searchsorted over all articles: offset each article's spans by a
    # per-(article, section) base larger than any text.
    uniq = {k: n for n, k in enumerate(dict.fromkeys(keys))}
    base = int(max(len(t) for t in corpus._articles["text"]) + max(len(t) for t in corpus._articles["title"]) + 2)
    starts, ends = [], []
    for k, n in uniq.items():
        for s, e in spans.get(k, []):
            starts.append(n * base + s)
            ends.append(n * base + e)
    if not starts:
        out["in_quote"] = False
        return out
    order = np.argsort(starts)
    starts_a = np.asarray(starts, dtype=np.int64)[order]
    ends_a = np.asarray(ends, dtype=np.int64)[order]
    key_codes = np.fromiter((uniq[k] for k in keys), dtype=np.int64, count=len(keys))
    gpos = key_codes * base + pos
    idx = np.searchsorted(starts_a, gpos, side="right") - 1
    inside = (idx >= 0) & (gpos < ends_a[np.clip(idx, 0, None)])
    out["in_quote"] = inside
    return out


def quoted_tokens(corpus) -> list[np.ndarray]:
    """For every sentence of ``corpus.sentences()``, a boolean array over its tokens
    (:func:`sentence_tokens`): True inside quotation marks. Computed once per corpus."""

    def compute() -> list[np.ndarray]:
        inside, lens = quoted_token_mask(corpus)
        return np.split(inside, np.cumsum(lens)[:-1]) if len(lens) else []

    return corpus.cache.fetch("quoted_tokens", compute)


def quoted_token_mask(corpus) -> tuple[np.ndarray, np.ndarray]:
    """:func:`quoted_tokens` as one array over every token of the corpus in sentence
    order, with the number of tokens of each sentence. Computed once per corpus."""

    def compute() -> tuple[np.ndarray, np.ndarray]:
        # one searchsorted over the whole corpus: a token's key is its sentence's
        # (doc, headline) group number times a bound on the offsets, plus its offset
        sents = corpus.sentences()
        spans = _corpus_spans(corpus)
        toks = sentence_tokens(corpus)
        heads = (sents["section"].astype(str) == "headline").to_numpy()
        group = {key: i for i, key in enumerate(spans)}
        lens = np.fromiter(map(len, toks), dtype=np.int64, count=len(toks))
        starts = np.fromiter(map(_second, chain.from_iterable(toks)), dtype=np.int64, count=int(lens.sum()))
        ends = np.zeros(len(toks), dtype=np.int64)  # each sentence's last token's end
        has = lens > 0
        ends[has] = [toks[i][-1][2] for i in np.flatnonzero(has).tolist()]
        sent_start = sents["start"].to_numpy(dtype=np.int64)
        bound = 1 + max(
            [b for sp_ in spans.values() for _, b in sp_]
            + [int((sent_start + ends).max()) if len(toks) else 0]
            + [0]
        )
        gid = np.fromiter(
            (group.get((doc, head), -1) for doc, head in zip(sents["doc_id"].tolist(), heads.tolist(), strict=True)),
            dtype=np.int64,
            count=len(toks),
        )
        key = starts + np.repeat(sent_start + gid * bound, lens)
        lo = np.fromiter((i * bound + a for i, sp_ in enumerate(spans.values()) for a, _ in sp_), dtype=np.int64)
        hi = np.fromiter((i * bound + b for i, sp_ in enumerate(spans.values()) for _, b in sp_), dtype=np.int64)
        k = np.searchsorted(lo, key, side="right") - 1
        inside = (k >= 0) & (key < hi[np.clip(k, 0, None)]) if len(lo) else np.zeros(len(key), dtype=bool)
        inside &= np.repeat(gid >= 0, lens)
        return inside, lens

    return corpus.cache.fetch("quoted_tokens", compute, key="flat")


def voice_mask(in_quote: np.ndarray, voice: str) -> np.ndarray:
    """Which items count for ``voice``: "outlet" (outside quotation marks), "quoted" or "all"."""
    in_quote = np.asarray(in_quote, dtype=bool)
    if voice == "all":
        return np.ones(len(in_quote), dtype=bool)
    return ~in_quote if voice == "outlet" else in_quote
