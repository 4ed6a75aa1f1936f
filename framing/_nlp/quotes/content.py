"""What indirect speech reports: the clause after (or before) a reporting verb."""

from __future__ import annotations

import bisect

from .. import english as en
from .doc import _MASK, _Attr, _Doc, _strip_span


def _complement(doc: _Doc, attr: _Attr) -> tuple[int, int] | None:
    """Character span of the reported clause of an unused reporting verb."""
    a, b = doc.sent_tok[attr.sent]
    lemma = attr.info.lemma
    if lemma in en.NAMING_VERBS or attr.speaker is None:
        return None
    i = attr.tok_end
    # Sentence-final or parenthetical attribution: "..., police said." /
    # "..., he said, and ..."
    sp_tok = bisect.bisect_left(doc.tok_starts, attr.speaker[0])
    first = min(sp_tok, attr.tok)
    after = max(i, bisect.bisect_left(doc.tok_starts, attr.speaker[1])) if attr.inverted else i
    rest = _skip_adjuncts(doc, after, b)
    at_end = rest >= b or doc.boundary_before(rest) and "," in doc.gap(rest)
    if first > a and "," in doc.gap(first) and at_end and lemma not in en.OBJECT_SPEECH_VERBS:
        s = doc.sents[attr.sent][1]
        lo = a
        while lo < first and doc.masked[doc.toks[lo][1]] == _MASK:
            lo += 1
        e = doc.toks[first - 1][2]
        if first - lo >= 2:
            return _strip_span(doc, doc.toks[lo][1] if lo < first else s, e)
        return None
    if attr.inverted:
        return None
    k = i
    if lemma in en.ADDRESSEE_VERBS:
        k = _skip_addressee(doc, k, b)
    k = _skip_adjuncts(doc, k, b)
    if k >= b:
        return None
    w = doc.word(k)
    if w == "that" and k + 1 < b and not doc.boundary_before(k + 1):
        end = _clause_end(doc, k + 1, b)
        if end - (k + 1) >= 2:
            k += 1
        return _strip_span(doc, doc.toks[k][1], doc.toks[end - 1][2])
    if lemma == "ask" or lemma in ("question", "wonder", "inquire", "enquire", "query"):
        while k < b and doc.word(k) not in ("whether", "if", "why", "how", "what", "when", "who", "about", "to", "for"):
            k += 1
        if k >= b:
            return None
    elif lemma not in en.BARE_CLAUSE_VERBS and lemma not in en.OBJECT_SPEECH_VERBS:
        return None
    if w in ("at", "in", "on", "to", "with", "from", "into", "by", "as"):
        return None  # "snapped at him", "swore at them"
    if doc.boundary_before(k) and doc.gap(k).strip(" ,") and not doc.gap(k).strip().startswith("("):
        return None
    end = _clause_end(doc, k, b, object_=lemma in en.OBJECT_SPEECH_VERBS)
    if end - k < 2:
        return None
    return _strip_span(doc, doc.toks[k][1], doc.toks[end - 1][2])


def _skip_addressee(doc: _Doc, k: int, b: int) -> int:
    """Skip the person told: "reporters", "the BBC", "Boehner", "The Huffington Post"."""
    if k >= b or doc.word(k) in ("that", "whether", "if"):
        return k
    start = k
    while k < b and doc.word(k) in ("the", "a", "an") and k - start < 2:
        k += 1
    if k < b and (doc.word(k) in en.ADDRESSEE_NOUNS or doc.word(k) in ("him", "her", "them", "us", "me")):
        return k + 1
    e = k
    while e < b and doc.cap(e) and (e == k or not doc.boundary_before(e)) and e - k < 5:
        e += 1
    if e < b and doc.word(e) == "'s":
        e += 1
        while e < b and not doc.cap(e) and doc.word(e) in en.ADDRESSEE_NOUNS:
            e += 1
    return e if e > k else start




def _skip_adjuncts(doc: _Doc, k: int, b: int) -> int:
    """Skip "on Monday", "in a statement", "to reporters", "Thursday" after a verb."""
    while k < b:
        w = doc.word(k)
        if w in en.TIME_WORDS and not doc.cap(k) or w in ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday"):
            k += 1
            continue
        if w in ("also", "again", "repeatedly", "publicly", "privately", "later", "earlier"):
            k += 1
            continue
        if w in ("in", "on", "at", "during", "to", "through", "via", "over", "after") and k + 1 < b:
            m = k + 1
            while m < b and m - k < 8 and not doc.boundary_before(m) and doc.word(m) not in ("that", "he", "she", "they", "it", "we", "i"):
                m += 1
            nxt = doc.word(k + 1)
            if nxt in ("a", "an", "the", "his", "her", "their", "its") or doc.cap(k + 1) or nxt in en.TIME_WORDS or nxt in en.ADDRESSEE_NOUNS:
                if m >= b or doc.word(m) == "that" or doc.word(m) in en.SPEAKER_PRONOUNS or doc.boundary_before(m):
                    k = m
                    continue
        break
    return k


def _clause_end(doc: _Doc, k: int, b: int, object_: bool = False) -> int:
    """End token (exclusive) of a reported clause starting at k."""
    e = k
    while e < b:
        if e > k:
            g = doc.gap(e)
            if ";" in g or _MASK in g or "--" in g or " — " in g or " – " in g:
                break
            if "," in g and doc.word(e) in ("but", "while", "whereas", "according"):
                break
            if object_ and "," in g and doc.word(e) in ("and", "saying", "adding", "which", "calling"):
                break
            if object_ and doc.word(e) in en.OBJECT_STOPS and not doc.cap(e):
                break
        e += 1
    return e




def _according_content(doc: _Doc, attr: _Attr) -> tuple[int, int] | None:
    if attr.speaker is None:
        return None
    _, s, e = doc.sents[attr.sent]
    a, b = doc.sent_tok[attr.sent]
    vstart = doc.toks[attr.tok][1]
    sp_end_tok = bisect.bisect_left(doc.tok_starts, attr.speaker[1])
    lead = [k for k in range(a, attr.tok)]
    if not lead or (len(lead) <= 3 and all(doc.word(k) in ("but", "and", "yet", "so", "also") for k in lead)):
        # "According to X, ..."
        if sp_end_tok >= b:
            return None
        return _strip_span(doc, doc.toks[sp_end_tok][1], e)
    if sp_end_tok >= b:
        return _strip_span(doc, s, vstart)
    return _strip_span(doc, s, e)
