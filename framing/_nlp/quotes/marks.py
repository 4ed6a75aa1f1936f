"""Quotation marks: pairing them within and across paragraphs.

Double and single marks, straight and curly, are read by their context (a mark
after a space and before a letter opens); an apostrophe ("don't", "the
soldiers' rest", "'90s") is not a mark. News style reopens a quotation that
runs on into the next paragraph and leaves the previous paragraph without a
closing mark: such a quotation is one :class:`Quote` with one piece per
paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..segment import paragraph_spans

__all__ = ["Quote", "pair_quotes", "quoted_spans"]

_ELISION = re.compile(r"(?:(?:em|til|tis|twas|n|cause|bout)\b|\d)", re.IGNORECASE)
_DOUBLE_MARKS = "\"“”„«»"
_SINGLE_MARKS = "'‘’‚‹›"
_OPEN_GLYPHS = "“„«‘‚‹"
_CLOSE_GLYPHS = "”»’›"
_LEFT_CONTEXT = "([{—–-/\"“”„«»'‘’‚‹›"
_RIGHT_CONTEXT = ".,;:!?)]}—–-…\"“”„«»'‘’‚‹›"
_MARK_RE = re.compile("[" + re.escape(_DOUBLE_MARKS + _SINGLE_MARKS) + "]")

@dataclass
class Quote:
    """One pair of quotation marks (or one unbalanced mark) in a text."""

    start: int  # first quoted character
    end: int  # after the last quoted character
    outer_start: int  # the opening mark (or start when there is none)
    outer_end: int  # after the closing mark (or end when there is none)
    mark: str  # '"' or "'"
    unclosed: bool = False
    pieces: list[tuple[int, int]] = field(default_factory=list)  # per paragraph


def _classify(text: str, i: int, lo: int, hi: int) -> str:
    """'open', 'close', 'either' or '' (an apostrophe) for the mark at ``i``."""
    c = text[i]
    prev = text[i - 1] if i > lo else " "
    nxt = text[i + 1] if i + 1 < hi else " "
    left = prev.isspace() or prev in _LEFT_CONTEXT
    right = nxt.isspace() or nxt in _RIGHT_CONTEXT
    if c in _SINGLE_MARKS:
        if left and nxt.isalnum():
            return "" if _ELISION.match(text, i + 1) else "open"
        if not prev.isspace() and not nxt.isalnum():
            return "close"
        return ""
    if left and not right:
        return "open"
    if right and not left:
        return "close"
    if c in _OPEN_GLYPHS:
        return "open"
    if c in _CLOSE_GLYPHS:
        return "close"
    return "either"


def _starts_with_open(text: str, pos: int, hi: int, mark: str) -> bool:
    if pos >= hi:
        return False
    c = text[pos]
    marks = _DOUBLE_MARKS if mark == '"' else _SINGLE_MARKS
    return c in marks and _classify(text, pos, pos, hi) in ("open", "either")


def _last_double(text: str, lo: int, hi: int) -> int:
    """The position of the paragraph's last double mark (-1 when it has none); asked
    only at a single mark that may close a double quote, rarely."""
    return max(text.rfind(m, lo, hi) for m in _DOUBLE_MARKS)


def pair_quotes(text: str, paragraphs: list[tuple[int, int]] | None = None) -> list[Quote]:
    """Pair the quotation marks of ``text`` paragraph by paragraph.

    Double and single marks are both read: whichever opens first is the
    quotation, marks of the other kind inside it are nested quotes or
    apostrophes. A quote still open at the end of a paragraph continues when
    the next paragraph opens with a quotation mark (news convention), and is
    otherwise closed at the paragraph end with ``unclosed=True``. A closing mark
    that opens nothing, met before any other mark of its paragraph, closes a
    quote that started at the paragraph start (also ``unclosed``).
    """
    paragraphs = paragraph_spans(text) if paragraphs is None else paragraphs
    out: list[Quote] = []
    current: Quote | None = None
    next_mark = _MARK_RE.search
    for k, (lo, hi) in enumerate(paragraphs):
        seen_mark = False
        nested = 0
        piece_start = lo if current is not None else None
        i = lo
        if current is not None:
            i = lo + 1  # skip the reopening mark
            piece_start = i
        while True:
            # jump to the next quotation mark of the paragraph
            mark = next_mark(text, i, hi)
            if mark is None:
                break
            i = mark.start()
            c = text[i]
            kind = '"' if c in _DOUBLE_MARKS else "'"
            role = _classify(text, i, lo, hi)
            if not role:
                i += 1
                continue
            if current is None:
                if role in ("open", "either"):
                    current = Quote(i + 1, -1, i, -1, kind)
                    piece_start = i + 1
                elif kind == '"' and not seen_mark:
                    q = Quote(lo, i, lo, i + 1, kind, unclosed=True, pieces=[(lo, i)])
                    out.append(_trim(text, q))
                seen_mark = True
            elif kind == "'" and current.mark == '"':
                # nested single quotes; a lone closing one right after the
                # quote's last words ('"Twitter is terrible,' he said) stands
                # for the missing double mark
                if role == "open":
                    nested += 1
                elif nested:
                    nested -= 1
                elif text[i - 1] in ",.!?" and i + 1 < hi and text[i + 1] == " " and i > _last_double(text, lo, hi):
                    current.pieces.append((piece_start, i))
                    current.end, current.outer_end = i, i + 1
                    out.append(_trim(text, current))
                    current = None
            elif kind == current.mark:
                if role in ("close", "either"):
                    current.pieces.append((piece_start, i))
                    current.end, current.outer_end = i, i + 1
                    out.append(_trim(text, current))
                    current = None
                elif kind == '"':
                    # A new opening mark while a quote is open: the first one was
                    # never closed.
                    end = i
                    current.pieces.append((piece_start, end))
                    current.end = current.outer_end = end
                    current.unclosed = True
                    out.append(_trim(text, current))
                    current = Quote(i + 1, -1, i, -1, kind)
                    piece_start = i + 1
                seen_mark = True
            i += 1
        if current is not None:
            current.pieces.append((piece_start, hi))
            nxt = paragraphs[k + 1][0] if k + 1 < len(paragraphs) else None
            if nxt is not None and _starts_with_open(text, nxt, paragraphs[k + 1][1], current.mark):
                continue  # the quote runs on into the next paragraph
            current.end = current.outer_end = hi
            current.unclosed = True
            out.append(_trim(text, current))
            current = None
    return out


def _trim(text: str, q: Quote) -> Quote:
    s, e = q.start, q.end
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    q.start, q.end = s, e
    return q


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the words inside quotation marks in ``text``.

    One span per quotation, from its first to its last quoted character
    (without the marks); a quote continued over several paragraphs is one span.
    Scare quotes are included: use :func:`extract` to tell them apart.

    Examples
    --------
    >>> text = '“We will not stop,” he said of the “operation”.'
    >>> [text[s:e] for s, e in quoted_spans(text)]
    ['We will not stop,', 'operation']
    """
    return [(q.start, q.end) for q in pair_quotes(text)]
