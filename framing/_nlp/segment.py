"""Sentence segmentation of news articles, offline.

NLTK's Punkt algorithm (Kiss & Strunk 2006) runs without downloaded data; what
it lacks untrained is knowledge of abbreviations, so the defaults here give it
a list of the abbreviations news copy uses (titles, ranks, months, states,
dotted country names) and the words that commonly start a sentence after one.
Paragraphs are segmented one at a time, so a headline or a line without a full
stop never runs into the next paragraph, and a dateline ("WASHINGTON —") is
kept out of the first sentence.

The sentence boundaries are those of NLTK's ``PunktSentenceTokenizer``
(NLTK 3.10, Apache License 2.0) with the parameters below; :func:`_punkt_spans`
re-implements its decisions for these fixed parameters (no collocations, no
orthographic statistics) with the same regular expressions, run on the same
``regex`` engine, without building a token object per word. It is several
times faster and gives the same spans (the tests compare both on real and
generated news text).
"""

from __future__ import annotations

import re
from functools import cache

import regex  # NLTK's regular-expression engine, as Punkt uses it

from .english import NEWS_ABBREVIATIONS, SENTENCE_STARTERS
from .text import find_dateline

__all__ = ["NEWS_ABBREVIATIONS", "paragraph_spans", "segment", "sentence_spans"]

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


# -- Punkt's sentence boundaries, for the parameters above --------------------
# The patterns are NLTK's (nltk/tokenize/punkt.py, PunktLanguageVars and
# PunktToken), compiled with the ``regex`` engine as NLTK compiles them.

_NON_WORD = r"(?:[)\";}\]\*:@\'\({\[\u2018\u2019\u201c\u201d\xab\xbb\?!])"
_MULTI_CHAR = r"(?:\-{2,}|\.{2,}|(?:\.\s){2,}\.)"
_WORD_START = r"[^\(\"\`{\[:;&\#\*@\)}\]\-,]"
_PUNKT_WORD = r"""(
        %(MultiChar)s
        |
        (?=%(WordStart)s)\S+?  # Accept word characters until end is found
        (?= # Sequences marking a word's end
            \s|                                 # White-space
            $|                                  # End-of-string
            %(NonWord)s|%(MultiChar)s|          # Punctuation
            ,(?=$|\s|%(NonWord)s|%(MultiChar)s) # Comma if at end of word
        )
        |
        \S
    )""" % {"NonWord": _NON_WORD, "MultiChar": _MULTI_CHAR, "WordStart": _WORD_START}  # noqa: UP031 (NLTK's text)
_PUNKT_CONTEXT = r"""
        [\.\?!]             # a potential sentence ending
        (?=(?P<after_tok>
            %(NonWord)s              # either other punctuation
            |
            \s+(?P<next_tok>\S+)     # or whitespace and some other token
        ))""" % {"NonWord": _NON_WORD}  # noqa: UP031 (NLTK's text)
_PUNKT_REALIGN = r'["\')\]}\u2018\u2019\u201c\u201d\xab\xbb]+?(?:\s+|(?=--)|$)'
_PUNKT_NUMERIC = r"^-?[\.,]?\d[\d,\.-]*\.?$"
_PUNKT_INITIAL = r"[^\W\d]\.$"
_PUNKT_ELLIPSIS = r"\.\.+$"
_PUNCTUATION = (";", ":", ",", ".", "!", "?")
_WHITESPACE = " \t\n\r\x0b\x0c"  # string.whitespace, as Punkt looks back for a word


@cache
def _punkt_regexes():
    return {
        "word": regex.compile(_PUNKT_WORD, regex.UNICODE | regex.VERBOSE).findall,
        "context": regex.compile(_PUNKT_CONTEXT, regex.UNICODE | regex.VERBOSE).finditer,
        "realign": regex.compile(_PUNKT_REALIGN, regex.UNICODE | regex.MULTILINE).match,
        "numeric": regex.compile(_PUNKT_NUMERIC, regex.UNICODE).sub,
        "initial": regex.compile(_PUNKT_INITIAL, regex.UNICODE).match,
        "ellipsis": regex.compile(_PUNKT_ELLIPSIS, regex.UNICODE).match,
    }


_ABBREVIATIONS = _Abbreviations(NEWS_ABBREVIATIONS)


def _contains_sentbreak(context: str, rx) -> bool:
    """Punkt's ``text_contains_sentbreak``: does a token other than the last
    of ``context`` end a sentence after both annotation passes?"""
    toks: list[str] = []
    for line in context.split("\n"):
        if line.strip():
            toks += rx["word"](line)
    n = len(toks)
    if n < 2:
        return False
    # first pass: sentence-final punctuation, ellipses, abbreviations
    brk = [False] * n
    abbr = [False] * n
    ell = [False] * n
    for i, tok in enumerate(toks):
        if tok in (".", "?", "!"):
            brk[i] = True
        elif rx["ellipsis"](tok):
            ell[i] = True
        elif tok.endswith(".") and not tok.endswith(".."):
            low = tok[:-1].lower()
            if low in _ABBREVIATIONS or low.split("-")[-1] in _ABBREVIATIONS:
                abbr[i] = True
            else:
                brk[i] = True
    # second pass on each pair (token, next token); the last token never counts
    for i in range(n - 1):
        tok = toks[i]
        if tok.endswith("."):
            nxt = toks[i + 1]
            typ = _type_no_period(rx["numeric"]("##number##", tok.lower()))
            next_typ = rx["numeric"]("##number##", nxt.lower())
            if brk[i + 1]:
                next_typ = _type_no_period(next_typ)
            initial = rx["initial"](tok) is not None
            # orthographic heuristic without orthographic statistics: a
            # punctuation mark or a lower-case word does not start a sentence
            not_starter = nxt in _PUNCTUATION or nxt[0].islower()
            decided = False
            if (abbr[i] or ell[i]) and not initial:
                if nxt[0].isupper() and next_typ in SENTENCE_STARTERS:
                    brk[i] = True
                    decided = True
            if not decided and (initial or typ == "##number##"):
                if not_starter or (initial and nxt[0].isupper()):
                    brk[i] = False
                    abbr[i] = True
        if brk[i]:
            return True
    return False


def _type_no_period(typ: str) -> str:
    return typ[:-1] if len(typ) > 1 and typ[-1] == "." else typ


def _last_whitespace(text: str) -> int:
    """Index of the last white-space character of ``text``; 0 if none."""
    i = max(text.rfind(" "), text.rfind("\n"))
    tail = text[i + 1 :]
    if not tail.isprintable():  # a tab, carriage return, ... after the last space
        i = max(text.rfind(c) for c in _WHITESPACE)
    return max(i, 0)


def _punkt_spans(text: str) -> list[tuple[int, int]]:
    """``PunktSentenceTokenizer(params).span_tokenize(text)`` for our parameters."""
    rx = _punkt_regexes()
    # candidate breaks and their contexts (word before, mark, what follows);
    # a candidate whose word overlaps the previous candidate's replaces it
    cands = []
    prev = None
    prev_start = prev_stop = 0
    for m in rx["context"](text):
        ms = m.start()
        idx = _last_whitespace(text[prev_stop:ms])
        idx = idx + prev_stop + 1 if idx else prev_start
        if prev is not None and prev_stop <= idx:
            cands.append((prev, text[prev_start:prev_stop] + prev.group() + prev.group("after_tok")))
        prev, prev_start, prev_stop = m, idx, ms
    if prev is not None:
        cands.append((prev, text[prev_start:prev_stop] + prev.group() + prev.group("after_tok")))
    slices = []
    last = 0
    for m, context in cands:
        if _contains_sentbreak(context, rx):
            slices.append((last, m.end()))
            last = m.start("next_tok") if m.group("next_tok") else m.end()
    slices.append((last, len(text.rstrip())))
    # closing quotes and brackets after the mark belong to the sentence
    out = []
    realign = 0
    for k, (s1, e1) in enumerate(slices):
        s1 += realign
        if k + 1 == len(slices):
            if text[s1:e1]:
                out.append((s1, e1))
            continue
        s2, e2 = slices[k + 1]
        m = rx["realign"](text[s2:e2])
        if m:
            out.append((s1, s2 + len(m.group(0).rstrip())))
            realign = m.end()
        else:
            realign = 0
            if text[s1:e1]:
                out.append((s1, e1))
    return out


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
    for s, e in _punkt_spans(chunk):
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
        Cleaned article text (see :func:`framing._nlp.text.clean_text`).

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
