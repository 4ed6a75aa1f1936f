"""Sentence segmentation of news articles, offline.

NLTK's Punkt algorithm (Kiss & Strunk 2006) runs without downloaded data; what
it lacks untrained is knowledge of abbreviations, so the defaults here give it
a list of the abbreviations news copy uses (titles, ranks, months, states,
dotted country names) and the words that commonly start a sentence after one.
Paragraphs are segmented one at a time, so a headline or a line without a full
stop never runs into the next paragraph, and a dateline ("WASHINGTON —") is
kept out of the first sentence.
"""

from __future__ import annotations

import re
from functools import cache

from ._text import find_dateline

__all__ = ["NEWS_ABBREVIATIONS", "paragraph_spans", "segment", "sentence_spans"]

# Lower-case, without the final period, as Punkt stores them.
NEWS_ABBREVIATIONS = frozenset(
    """
    mr mrs ms mx dr prof rev fr sr jr st hon messrs mmes msgr res ret
    sen sens rep reps gov govs pres amb atty supt dist insp det
    gen lt col maj capt cpl sgt pvt adm cmdr cmdre brig cdr lt.col ens spc
    jan feb mar apr jun jul aug sep sept oct nov dec
    mon tue tues wed thu thur thurs fri sat sun
    inc corp co ltd llc plc bros dept univ assn assoc intl natl govt
    ave blvd rd hwy mt ft pt sq
    no nos vol vols pp approx est fig figs vs v etc cf al ca
    a.m p.m e.g i.e u.s u.n u.k u.s.a u.a.e e.u d.c n.y l.a s.f
    ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass
    mich minn miss mo mont neb nev n.h n.j n.m n.c n.d okla ore pa r.i s.c
    s.d tenn tex va vt wash wis wyo
    """.split()
)

# Words that, capitalised after an abbreviation, almost always open a sentence.
_SENT_STARTERS = frozenset(
    """
    the a an he she it they we i you his her their its our this that these
    those there here but and or so yet however meanwhile still also in on at
    after before when while as if since although though according during
    what who why how where some many most several both each one two three
    officials israel israeli palestinian
    """.split()
)

# A lower-case word (not "iPhone") after optional opening punctuation.
_CONTINUES = re.compile(r"""["'“‘(\[]?[a-z][a-z'’\-]*\b(?![A-Z])""")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_LINE_BREAK = re.compile(r"\n")


_DOTTED = re.compile(r"[a-z](?:\.[a-z])+")


class _Abbreviations(set):
    """Our abbreviation list, plus any dotted acronym (``f.b.i``, ``d.n.c``)."""

    def __contains__(self, item: object) -> bool:
        return set.__contains__(self, item) or (
            isinstance(item, str) and _DOTTED.fullmatch(item) is not None
        )


@cache
def _punkt():
    # NLTK is imported on first use: importing it costs seconds.
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    params = PunktParameters()
    params.abbrev_types = _Abbreviations(NEWS_ABBREVIATIONS)
    params.sent_starters = set(_SENT_STARTERS)
    return PunktSentenceTokenizer(params)


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the paragraphs of ``text``.

    Paragraphs are separated by blank lines when the text has any; otherwise
    every line is a paragraph (one paragraph per line is how most scraped
    articles arrive).

    Examples
    --------
    >>> paragraph_spans("One.\\nStill one.\\n\\nTwo.")
    [(0, 15), (17, 21)]
    >>> paragraph_spans("One.\\nTwo.")
    [(0, 4), (5, 9)]
    """
    splitter = _PARAGRAPH_BREAK if _PARAGRAPH_BREAK.search(text) else _LINE_BREAK
    spans, pos = [], 0
    for m in splitter.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    out = []
    for start, end in spans:
        chunk = text[start:end]
        stripped = chunk.strip()
        if stripped:
            lead = len(chunk) - len(chunk.lstrip())
            out.append((start + lead, start + lead + len(stripped)))
    return out


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans inside ``text[start:end]`` (one paragraph or line)."""
    end = len(text) if end is None else end
    chunk = text[start:end]
    spans: list[tuple[int, int]] = []
    for s, e in _punkt().span_tokenize(chunk):
        # Single line breaks inside a paragraph are white space to Punkt but
        # a sentence never starts with one.
        seg = chunk[s:e]
        lead = len(seg) - len(seg.lstrip())
        if spans and _CONTINUES.match(seg, lead):
            # '..."Why?" he asked.' and '...the F.B.I. director': a lower-case
            # word never opens a sentence, so the split was wrong.
            spans[-1] = (spans[-1][0], start + e)
        else:
            spans.append((start + s + lead, start + e))
    return spans


def segment(text: str) -> list[tuple[int, int, int, int]]:
    """Split an article body into sentences.

    Parameters
    ----------
    text : str
        Cleaned article text (see :func:`framing._text.clean_text`).

    Returns
    -------
    list of tuple
        ``(paragraph, start, end, dateline)`` per sentence, where
        ``start``/``end`` index ``text``. A sentence that follows a dateline
        starts after it, and ``dateline`` is the dateline's length (0
        elsewhere).

    Examples
    --------
    >>> text = "WASHINGTON — Mr. Biden met Sen. Lee in the U.S. Capitol. They spoke.\\n\\nLater, more."
    >>> [text[s:e] for _, s, e, _ in segment(text)]
    ['Mr. Biden met Sen. Lee in the U.S. Capitol.', 'They spoke.', 'Later, more.']
    """
    out = []
    found = False
    for p, (pstart, pend) in enumerate(paragraph_spans(text)):
        # The dateline opens the first paragraph, or follows a headline or a
        # standfirst that was left in the text.
        skip = find_dateline(text[pstart:pend]) if p < 3 and not found else 0
        found = found or skip > 0
        for i, (s, e) in enumerate(sentence_spans(text, pstart + skip, pend)):
            out.append((p, s, e, skip if i == 0 else 0))
    return out
