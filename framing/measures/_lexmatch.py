"""Lexicon entries found in the sentences of a corpus.

A lexicon (a bundled name, a DataFrame with ``term``, ``category`` and
optionally ``weight``, or a ``{category: [term, ...]}`` mapping) is compiled
once into a :class:`~framing._nlp.match.PatternSet` over its distinct terms; its
matches in every sentence are cached on the corpus, so that rates, per-actor
counts and evidence tables all see the same matches.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .._nlp.english import MAY_NOT_MODAL_BEFORE
from .._nlp.match import PatternSet
from .._nlp.text import tokenize_pattern
from ..lexicons import load_lexicon
from ._mentions import candidate_positions, find_mentions, sentence_tokens

__all__ = [
    "Lexicon",
    "actor_mentions",
    "attribute",
    "expand",
    "find_terms",
    "lexicon_matches",
    "resolve_lexicon",
]


@dataclass(frozen=True)
class Lexicon:
    """A lexicon table with its compiled matcher."""

    table: pd.DataFrame  # term, category, weight; one row per (term, category)
    categories: list[str]  # in order of first appearance
    cat_code: np.ndarray  # category index of each table row
    patterns: PatternSet  # one phrase per distinct normalised term
    rows_of: list[np.ndarray]  # table rows of each distinct term
    exact: dict[str, int]  # normalised glob-free term -> distinct term index
    key: str  # content hash, for the per-corpus cache


def resolve_lexicon(lexicon) -> Lexicon:
    """Compile a bundled name, a DataFrame or a ``{category: [terms]}`` mapping."""
    if isinstance(lexicon, str):
        table = load_lexicon(lexicon)  # ValueError listing the bundled names
    elif isinstance(lexicon, pd.DataFrame):
        table = _check_table(lexicon)
    elif isinstance(lexicon, Mapping):
        pairs = []
        for category, terms in lexicon.items():
            terms = [terms] if isinstance(terms, str) else list(terms or [])
            if not terms:
                raise ValueError(f"lexicon category {category!r} has no terms; give at least one")
            pairs += [(t, str(category)) for t in terms]
        if not pairs:
            raise ValueError("the lexicon mapping is empty; give {category: [term, ...]}")
        table = _check_table(pd.DataFrame(pairs, columns=["term", "category"]))
    else:
        raise TypeError(
            "lexicon must be a bundled lexicon name (see framing.lexicons.list_lexicons()), "
            "a DataFrame with columns term, category[, weight] or a {category: [terms]} "
            f"mapping; got {type(lexicon).__name__}"
        )
    table = table.reset_index(drop=True)
    norm = [" ".join(tokenize_pattern(t)) for t in table["term"]]
    distinct: dict[str, int] = {}
    rows: list[list[int]] = []
    for i, n in enumerate(norm):
        if n not in distinct:
            distinct[n] = len(rows)
            rows.append([])
        rows[distinct[n]].append(i)
    first = [table["term"].iat[r[0]] for r in rows]
    cats = list(dict.fromkeys(table["category"]))
    code = {c: i for i, c in enumerate(cats)}
    blob = "\n".join(f"{t}\t{c}\t{w!r}" for t, c, w in table.itertuples(index=False))
    return Lexicon(
        table=table,
        categories=cats,
        cat_code=np.array([code[c] for c in table["category"]], dtype=int),
        patterns=PatternSet([(t, t) for t in first], what="term"),
        rows_of=[np.array(r, dtype=int) for r in rows],
        exact={n: i for n, i in distinct.items() if not any(c in n for c in "*?")},
        key="lexicon_matches:" + hashlib.sha1(blob.encode()).hexdigest(),
    )


def _check_table(frame: pd.DataFrame) -> pd.DataFrame:
    missing = [c for c in ("term", "category") if c not in frame.columns]
    if missing:
        raise ValueError(
            f"a lexicon DataFrame needs the columns 'term' and 'category' (and optionally "
            f"'weight'); missing {missing}, it has {list(frame.columns)}"
        )
    out = pd.DataFrame({"term": frame["term"].to_numpy(), "category": frame["category"].to_numpy()})
    for i, (t, c) in enumerate(zip(out["term"], out["category"], strict=True)):
        if not isinstance(t, str) or not tokenize_pattern(t):
            raise ValueError(f"lexicon row {i}: term {t!r} is empty or has no words to match")
        if not isinstance(c, str) or not c.strip():
            raise ValueError(f"lexicon row {i}: category {c!r} must be a non-empty string")
    if "weight" in frame.columns:
        w = pd.to_numeric(frame["weight"], errors="coerce").to_numpy(dtype=float)
        bad = np.flatnonzero(~np.isfinite(w))
        if len(bad):
            raise ValueError(
                f"lexicon row {bad[0]}: weight {frame['weight'].iat[bad[0]]!r} is not a number"
            )
    else:
        w = np.ones(len(out))
    out["weight"] = w
    key = pd.Series([" ".join(tokenize_pattern(t)) for t in out["term"]]) + "\t" + out["category"]
    dup = key.duplicated(keep=False).to_numpy()
    if dup.any():
        shown = sorted(set(zip(out["term"][dup], out["category"][dup], strict=True)))[:5]
        raise ValueError(f"lexicon has repeated (term, category) pairs: {shown}; keep one of each")
    return out


# -- matching -------------------------------------------------------------------


def find_terms(lex: Lexicon, words: Sequence[str], positions=None) -> list[tuple[int, int, int]]:
    """Matches ``(distinct term, token start, token end)`` of ``lex`` in ``words``.

    Non-overlapping, longest first (:meth:`PatternSet.find`); when the words
    matched are exactly another glob-free entry, that entry is used, so that
    "savages" counts as its own entry and not as an inflection of "savage".
    ``positions``: see :meth:`PatternSet.find`.
    """
    found = lex.patterns.find(words, positions)
    return [(lex.exact.get(" ".join(words[s:e]), k), s, e) for k, s, e in found]


def _may_is_name(text: str, spans, i: int, headline: bool) -> bool:
    """True when the token "may" at ``i`` is the month or the name, not the modal."""
    raw = text[spans[i][1] : spans[i][2]]
    if not raw.startswith("M"):
        return False
    nxt = spans[i + 1][0] if i + 1 < len(spans) else ""
    prv = spans[i - 1][0] if i > 0 else ""
    if nxt[:1].isdigit() or nxt == "'s" or prv in MAY_NOT_MODAL_BEFORE:
        return True
    return i > 0 and not headline and not raw.isupper()


def lexicon_matches(corpus, lex: Lexicon) -> dict[str, np.ndarray]:
    """Every lexicon match in every sentence (cached per corpus and lexicon).

    Arrays ``row`` (sentence row), ``term`` (distinct term), ``ts``/``te``
    (token span) and ``start``/``end`` (characters within the sentence).
    """
    cached = corpus.cache.get("lexicon_matches", key=lex.key)
    if cached is not None:
        return cached
    sents = corpus.sentences()
    texts = sents["text"].to_numpy()
    headline = (sents["section"] == "headline").to_numpy()
    out: dict[str, list[int]] = {k: [] for k in ("row", "term", "ts", "te", "start", "end")}
    toks = sentence_tokens(corpus)
    for r, words, positions in candidate_positions(corpus, lex.patterns):
        spans = toks[r]
        for k, ts, te in find_terms(lex, words, positions):
            if (
                words[ts] == "may"
                and te == ts + 1
                and _may_is_name(texts[r], spans, ts, headline[r])
            ):
                continue
            for key, v in zip(out, (r, k, ts, te, spans[ts][1], spans[te - 1][2]), strict=True):
                out[key].append(v)
    arrays = {k: np.asarray(v, dtype=np.int64) for k, v in out.items()}
    corpus.cache.put("lexicon_matches", arrays, key=lex.key)
    return arrays


def expand(m: dict[str, np.ndarray], lex: Lexicon) -> tuple[np.ndarray, np.ndarray]:
    """(match index, lexicon row) for every category of every match."""
    rows = [lex.rows_of[t] for t in m["term"]]
    counts = np.array([len(r) for r in rows], dtype=int)
    match = np.repeat(np.arange(len(rows)), counts)
    lexrow = np.concatenate(rows) if rows else np.zeros(0, dtype=int)
    return match, lexrow


def actor_mentions(corpus, patterns: PatternSet, keep: np.ndarray) -> dict[str, np.ndarray]:
    """Actor mentions in the sentences where ``keep`` is True.

    Adjacent aliases of one actor are one mention. Arrays ``row`` (sentence
    row), ``actor`` (index of the group in ``patterns``), ``ts``/``te``,
    ``start``/``end`` and ``match`` (the text).
    """
    found = find_mentions(corpus, patterns, merge_adjacent=True)
    first: dict[str, int] = {}
    for i, d in enumerate(corpus.sentences()["doc_id"]):
        first.setdefault(d, i)
    row = np.array([first[d] for d in found["doc_id"]], dtype=np.int64)
    row = row + found["sent_id"].to_numpy(dtype=np.int64)
    code = {g: i for i, g in enumerate(dict.fromkeys(patterns.groups))}
    sel = keep[row] if len(row) else np.zeros(0, dtype=bool)
    return {
        "row": row[sel],
        "actor": np.array([code[g] for g in found["group"]], dtype=np.int64)[sel],
        "ts": found["tok_start"].to_numpy()[sel],
        "te": found["tok_end"].to_numpy()[sel],
        "start": found["start"].to_numpy()[sel],
        "end": found["end"].to_numpy()[sel],
        "match": found["match"].to_numpy(dtype=object)[sel],
    }


def attribute(m, men, *, window: int | None, attribution: str) -> pd.DataFrame:
    """Attribute lexicon matches ``m`` to the actors mentioned in their sentence.

    The distance of a match from a mention is 0 when they overlap, otherwise
    the tokens from the end of one to the start of the other plus one. Each
    actor is represented by its nearest mention; ``window`` drops mentions
    farther away; ``attribution="nearest"`` keeps only the actor(s) at the
    smallest distance. Returns one row per (match, actor) sorted by match then
    actor, columns ``match``, ``actor``, ``mention``, ``distance`` and
    ``shared`` (the match went to more than one actor).
    """
    left = pd.DataFrame(
        {"match": np.arange(len(m["row"])), "row": m["row"], "ts": m["ts"], "te": m["te"]}
    )
    right = pd.DataFrame(
        {
            "mention": np.arange(len(men["row"])),
            "row": men["row"],
            "actor": men["actor"],
            "ms": men["ts"],
            "me": men["te"],
        }
    )
    pairs = left.merge(right, on="row")
    ts, te, ms, me = (pairs[c].to_numpy() for c in ("ts", "te", "ms", "me"))
    after = np.where(te <= ms, ms - te + 1, ts - me + 1)
    pairs["distance"] = np.where((ts < me) & (ms < te), 0, after)
    if window is not None:
        pairs = pairs[pairs["distance"] <= window]
    pairs = pairs.sort_values(["match", "actor", "distance", "mention"], kind="stable")
    pairs = pairs.drop_duplicates(["match", "actor"])
    if attribution == "nearest":
        nearest = pairs.groupby("match")["distance"].transform("min")
        pairs = pairs[pairs["distance"] == nearest]
    pairs = pairs.reset_index(drop=True)
    pairs["shared"] = pairs.groupby("match")["actor"].transform("size").to_numpy() > 1
    return pairs[["match", "actor", "mention", "distance", "shared"]]
