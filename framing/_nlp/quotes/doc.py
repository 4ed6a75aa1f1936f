"""The article model the attribution rules read: sentences, quotes, a masked copy, tokens."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from .. import english as en
from ..segment import NEWS_ABBREVIATIONS, paragraph_spans
from ..text import _TOKEN_RE, fold, token_spans
from .marks import pair_quotes

_MASK = "\x00"
_NOT_NEWLINE = re.compile(r"[^\n]")
_BOUNDARY_CHARS = ",;:()[]{}—–\x00"


@dataclass
class _Attr:
    """A reporting verb with its speaker."""

    tok: int  # index of the verb's first token
    tok_end: int
    verb: str  # as written
    info: en.ReportingVerb
    sent: int
    speaker: tuple[int, int] | None = None  # char span
    appositive: tuple[int, int] | None = None
    inverted: bool = False
    used: bool = False


def _mask(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with every character of ``spans`` but newlines replaced by
    ``_MASK`` (spans may overlap or be empty)."""
    if not spans:
        return text
    merged: list[list[int]] = []
    for a, b in sorted(spans):
        if a >= b:
            continue
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    pieces, pos = [], 0
    for a, b in merged:
        pieces.append(text[pos:a])
        pieces.append(_NOT_NEWLINE.sub(_MASK, text[a:b]))
        pos = b
    pieces.append(text[pos:])
    return "".join(pieces)


@lru_cache(maxsize=4096)
def _gap_class(gap: str) -> int:
    """1: the characters between two tokens end a clause; 2: they hold a
    period, question or exclamation mark (a boundary unless it ends an
    abbreviation); 0: neither."""
    if any(c in _BOUNDARY_CHARS for c in gap) or "--" in gap or " - " in gap or '"' in gap:
        return 1
    if any(c in ".!?" for c in gap):
        return 2
    return 0


def _sentence_of_each(starts: list[int], positions: list[int]) -> list[int]:
    """``max(bisect_right(starts, p) - 1, 0)`` for every ``p`` of ``positions``."""
    if any(b < a for a, b in zip(starts, starts[1:], strict=False)):
        return [max(bisect.bisect_right(starts, p) - 1, 0) for p in positions]
    idx = np.searchsorted(np.asarray(starts, dtype=np.int64), np.asarray(positions, dtype=np.int64), side="right")
    return np.maximum(idx - 1, 0).tolist()


@lru_cache(maxsize=64)
def _n_tokens(text: str) -> int:
    """``len(token_spans(text))`` without building the spans (memoised for the
    article at hand: a quotation's words are counted for its row, then for the
    quoted words)."""
    return len(_TOKEN_RE.findall(fold(text)))


class _Doc:
    """One text with its sentences, quotes, masked copy and tokens."""

    def __init__(
        self, text: str, sentences: list[tuple[int, int, int]], headline: bool, quotes: list | None = None
    ) -> None:
        self.text = text
        self.headline = headline
        self.sents = sentences  # (paragraph, start, end)
        # ``quotes``: pair_quotes(text) when the caller already has it
        self.quotes = pair_quotes(text, paragraph_spans(text)) if quotes is None else quotes
        self.quote_starts = [q.outer_start for q in self.quotes]
        self.masked = _mask(text, [(q.outer_start, q.outer_end) for q in self.quotes])
        self.toks = token_spans(self.masked)
        self.tok_starts = [s for _, s, _ in self.toks]
        starts = [s for _, s, _ in sentences]
        self.sent_starts = starts
        self.tok_sent = _sentence_of_each(starts, self.tok_starts)
        self.sent_tok: list[tuple[int, int]] = []
        for _, s, e in sentences:
            a = bisect.bisect_left(self.tok_starts, s)
            b = bisect.bisect_left(self.tok_starts, e)
            self.sent_tok.append((a, b))
        self.verbs = en.reporting_verbs()
        # per token, computed once: the word, whether it is capitalised, the
        # characters before it (``gap``) and whether they end a clause
        # (``boundary_before``); the rules read these lists directly
        self.words = [w for w, _, _ in self.toks]
        text = self.text
        self.caps = [text[s].isupper() for s in self.tok_starts]
        self.gaps = _gaps(self)
        self.bounds = [
            False if g == " " else _boundary(g, prev)
            for g, prev in zip(self.gaps, ["", *self.words[:-1]], strict=False)
        ]

    # token helpers ---------------------------------------------------------------
    def word(self, i: int) -> str:
        return self.words[i]

    def cap(self, i: int) -> bool:
        return self.caps[i]

    def gap(self, i: int) -> str:
        """Characters between token i-1 (or the sentence start) and token i."""
        if i >= 0:
            return self.gaps[i]
        return _gap_at(self, i)

    def boundary_before(self, i: int) -> bool:
        if i >= 0:
            return self.bounds[i]
        return _boundary(_gap_at(self, i), "")

    def sentence_of(self, pos: int) -> int:
        return max(bisect.bisect_right(self.sent_starts, pos) - 1, 0)

    def span(self, a: int, b: int) -> tuple[int, int]:
        """Character span of tokens a..b-1 (with a "%" right after the last: "42%")."""
        e = self.toks[b - 1][2]
        return self.toks[a][1], e + 1 if self.text[e : e + 1] == "%" else e


def _gap_at(doc: _Doc, i: int) -> str:
    """``doc.gap(i)`` from its definition: the characters between token i-1
    (or, for the first token of a sentence, the sentence start) and token i."""
    s = doc.toks[i][1]
    a, _ = doc.sent_tok[doc.tok_sent[i]]
    lo = doc.toks[i - 1][2] if i > a else doc.sents[doc.tok_sent[i]][1]
    return doc.masked[lo:s]


def _gaps(doc: _Doc) -> list[str]:
    """``[_gap_at(doc, i) for i in range(len(doc.toks))]`` by slices: after the
    previous token's end, but from the sentence start for each token that
    opens its sentence (index not past its sentence's first token)."""
    masked, starts = doc.masked, doc.tok_starts
    n = len(starts)
    if not n or not doc.sent_tok:
        return []
    gaps = [masked[e:s] for (_, _, e), s in zip(doc.toks, starts[1:], strict=False)]
    gaps.insert(0, "")
    first = np.asarray([a for a, _ in doc.sent_tok], dtype=np.int64)[np.asarray(doc.tok_sent, dtype=np.int64)]
    for i in np.flatnonzero(np.arange(n) <= first).tolist():
        gaps[i] = masked[doc.sents[doc.tok_sent[i]][1] : starts[i]]
    return gaps


def _boundary(gap: str, prev: str) -> bool:
    """Do the characters ``gap`` before a token end a clause, ``prev`` the
    word before them ("" at the start of the text)?"""
    if gap == " ":
        return False
    kind = _gap_class(gap)
    if kind == 2:
        return not (prev in NEWS_ABBREVIATIONS or len(prev) == 1)
    return kind == 1


def _tokens_between(doc: _Doc, s: int, e: int) -> list[int]:
    a = bisect.bisect_left(doc.tok_starts, s)
    b = bisect.bisect_left(doc.tok_starts, e)
    return list(range(a, b))


def _strip_span(doc: _Doc, s: int, e: int) -> tuple[int, int] | None:
    text = doc.text
    while e > s and (text[e - 1].isspace() or text[e - 1] in ".,;:!?"):
        e -= 1
    while s < e and text[s].isspace():
        s += 1
    return (s, e) if e > s else None
