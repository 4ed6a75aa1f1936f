"""Quotations assigned to their attributions: one row per quotation of a text."""

from __future__ import annotations

import bisect
import re

from .. import english as en
from ..segment import segment
from .content import _according_content, _complement, _skip_adjuncts
from .doc import _MASK, _Attr, _Doc, _n_tokens, _tokens_between
from .entities import _subject_names, resolve_pronouns
from .marks import Quote
from .verbs import _find_verbs

__all__ = ["KINDS", "SCARE_MAX_WORDS", "extract"]

#: Kinds of quotation, in the order used by every table.
KINDS = ("direct", "partial", "indirect", "according_to", "scare")

#: A quotation without attribution of at most this many words is a scare quote.
SCARE_MAX_WORDS = 2

_HEAD_OK = en.PERSON_NOUNS | en.BODY_NOUNS | frozenset("of the 's for and a an in".split())



def _after_attr(doc: _Doc, q: Quote, attrs: list[_Attr], partial: bool = False) -> _Attr | None:
    """'"...," she said' -- a verb right after the closing mark, in its sentence or the next.

    For a partial quote, also a final attribution later in the sentence:
    'Ostrava is "ready to talk" if ..., Brandt said on Wednesday.'
    """
    sent = doc.sentence_of(max(q.outer_end - 1, 0))
    candidates = [t for t in attrs if t.sent in (sent, sent + 1) and doc.toks[t.tok][1] >= q.outer_end]
    if not candidates:
        return None
    t = candidates[0]
    if partial and t.sent == sent and t.speaker is not None and _final_attribution(doc, t):
        return t
    between = _tokens_between(doc, q.outer_end, doc.toks[t.tok][1])
    if t.sent == sent + 1:
        # the next sentence must be a bare attribution: "Smith said."
        a, b = doc.sent_tok[t.sent]
        if doc.sents[t.sent][0] != doc.sents[sent][0] or b - a > 12:
            return None
        text_before = doc.masked[doc.sents[sent][1] : doc.sents[sent][2]]
        if text_before.replace(_MASK, "").strip(" .,!?\n"):
            return None
    if t.speaker is None:
        return None
    sp_tok = bisect.bisect_left(doc.tok_starts, t.speaker[0])
    allowed = set(range(sp_tok, bisect.bisect_left(doc.tok_starts, t.speaker[1])))
    extra = [k for k in between if k not in allowed and not (doc.word(k) in en.VERB_GROUP_WORDS or doc.word(k) in en.TIME_WORDS or doc.word(k).endswith("ly"))]
    if len(extra) > 1:
        return None
    return t


def _says(lemma: str) -> bool:
    """A verb of saying (not an act on an object, a naming or a question)."""
    return lemma not in en.OBJECT_SPEECH_VERBS and lemma not in en.NAMING_VERBS and lemma not in (
        "ask", "question", "wonder", "query", "inquire", "enquire", "according to"
    )


def _final_attribution(doc: _Doc, t: _Attr) -> bool:
    """Is ``t`` a closing ", X said [on Monday]." or an inverted ", said X."?"""
    a, b = doc.sent_tok[t.sent]
    sp_tok = bisect.bisect_left(doc.tok_starts, t.speaker[0])
    first = min(sp_tok, t.tok)
    if first <= a or not ("," in doc.gap(first) or _MASK in doc.gap(first)):
        return False
    if t.inverted:
        return True
    rest = _skip_adjuncts(doc, t.tok_end, b)
    return rest >= b or ("," in doc.gap(rest) and doc.boundary_before(rest))


def _before_attr(doc: _Doc, q: Quote, attrs: list[_Attr], direct: bool) -> _Attr | None:
    """'X said: "..."' / 'X called it "..."' -- the last verb before the opening mark."""
    sent = doc.sentence_of(q.outer_start)
    cands = [t for t in attrs if t.sent == sent and doc.toks[t.tok][1] < q.outer_start and t.speaker is not None]
    if cands and not direct:
        # 'Trump said both leaders had assured him they were ready to "..."':
        # the outermost verb of saying quotes, not one inside its clause.
        outer = [t for t in cands if _says(t.info.lemma) and not t.used]
        return outer[0] if outer else cands[-1]
    if cands:
        return cands[-1]
    if direct and sent > 0:
        # "In a statement, the ministry said:" ends the previous sentence
        prev = sent - 1
        ptext = doc.masked[doc.sents[prev][1] : doc.sents[prev][2]].rstrip()
        if ptext.endswith(":"):
            cands = [t for t in attrs if t.sent == prev and t.speaker is not None]
            if cands:
                return cands[-1]
    return None


def _kind(doc: _Doc, q: Quote, prev_q: Quote | None, prev_kind: str | None) -> str:
    sent = doc.sentence_of(q.outer_start)
    s = doc.sents[sent][1]
    para_start = _para_start(doc, q.outer_start)
    s = max(s, para_start)
    before = doc.masked[s : q.outer_start].strip()
    first = doc.text[q.start : q.start + 1]
    if not before:
        return "direct"
    if before.endswith(":"):
        return "direct"
    if prev_q is not None and prev_q.outer_end > s and prev_kind == "direct":
        between = doc.masked[prev_q.outer_end : q.outer_start]
        if len(between.split()) <= 10 and any(
            w.strip(",.").lower() in doc.verbs for w in between.split()
        ):
            return "direct"
    if before.endswith(",") and first.isupper():
        return "direct"
    last = re.findall(r"[A-Za-z]+", before[-20:])
    if last and last[-1].lower() in doc.verbs and first.isupper() and len(doc.text[q.start : q.end].split()) > 2:
        return "direct"
    return "partial"


def _para_start(doc: _Doc, pos: int) -> int:
    k = doc.text.rfind("\n", 0, pos)
    return 0 if k < 0 else k + 1


def extract(
    text: str,
    sentences: list[tuple[int, int, int]] | None = None,
    *,
    headline: bool = False,
) -> list[dict]:
    """Every quotation and attribution in one text.

    Parameters
    ----------
    text : str
        The article text (or its headline).
    sentences : list of (paragraph, start, end), optional
        Sentence spans of ``text``; by default from :func:`framing._nlp.segment.segment`.
    headline : bool, default=False
        Read ``text`` as a headline: capitalised verbs ("Calvera Accuses") and
        "Speaker: quote" attributions are allowed.

    Returns
    -------
    list of dict
        One dict per quotation in text order with keys ``kind``, ``start``,
        ``end``, ``sent`` (index into ``sentences``), ``last_sent``, ``quote``,
        ``n_words``, ``speaker``, ``speaker_start``, ``speaker_end``,
        ``appositive``, ``verb``, ``lemma``, ``category``, ``unclosed``,
        ``paragraph``.
    """
    if sentences is None:
        sentences = [(p, s, e) for p, s, e, _ in segment(text)]
    if not text or not sentences:
        return []
    doc = _Doc(text, sentences, headline)
    attrs = _find_verbs(doc)
    rows: list[dict] = []
    prev_q: Quote | None = None
    prev_kind: str | None = None
    prev_attr: _Attr | None = None
    prev_para = -10
    for q in doc.quotes:
        if q.end <= q.start:
            continue
        n_words = _n_tokens(text[q.start : q.end])
        kind = _kind(doc, q, prev_q, prev_kind)
        para = doc.sents[doc.sentence_of(q.outer_start)][0]
        attr = None
        if kind == "direct":
            attr = _after_attr(doc, q, attrs) or _before_attr(doc, q, attrs, True)
        else:
            attr = _before_attr(doc, q, attrs, False) or _after_attr(doc, q, attrs, partial=True)
        inherited = False
        if attr is None and kind == "direct" and prev_attr is not None and para - prev_para <= 1 and prev_kind == "direct":
            attr, inherited = prev_attr, True
        headline_speaker = None
        if attr is None and headline:
            headline_speaker = _headline_speaker(doc, q)
        if attr is not None and attr.info.lemma in en.NAMING_VERBS and not inherited:
            # 'a film called "Rafah"': naming, not speech, when nothing sits
            # between the verb and the quote
            if not _tokens_between(doc, doc.toks[attr.tok_end - 1][2], q.outer_start) and attr.info.lemma in ("call", "dub", "term", "label", "brand"):
                attr = None
        if attr is None and headline_speaker is None and n_words <= SCARE_MAX_WORDS:
            kind = "scare"
        if n_words <= SCARE_MAX_WORDS and re.search(r"so-called\W*$", doc.text[max(0, q.outer_start - 12) : q.outer_start], re.I):
            kind, attr = "scare", None
        row = _row(doc, q.start, q.end, kind, attr, n_words, q.unclosed)
        if headline_speaker is not None:
            row["speaker_start"], row["speaker_end"] = headline_speaker
            row["speaker"] = text[headline_speaker[0] : headline_speaker[1]]
        if attr is not None:
            attr.used = True
        rows.append(row)
        if kind in ("direct", "partial"):
            prev_q, prev_kind = q, kind
            if attr is not None:
                prev_attr, prev_para = attr, para
    for attr in attrs:
        if attr.used:
            continue
        if attr.info.lemma == "according to":
            span = _according_content(doc, attr)
            if span is not None and any(
                r["kind"] in ("direct", "partial") and r["verb"] is not None and r["start"] < span[1] and span[0] < r["end"]
                for r in rows
            ):
                continue  # a second source for a quotation: '"...," he said, according to X.'

            kind = "according_to"
        else:
            span = _complement(doc, attr)
            kind = "indirect"
        if span is None:
            continue
        n_words = _n_tokens(text[span[0] : span[1]])
        rows.append(_row(doc, span[0], span[1], kind, attr, n_words, False))
    rows.sort(key=lambda r: (r["start"], r["end"]))
    resolve_pronouns(rows, _subject_names(doc))
    return rows


def _headline_speaker(doc: _Doc, q: Quote) -> tuple[int, int] | None:
    """'Brandt: Ostrava "ready to talk"' -- a short name before a colon."""
    colon = doc.text.find(":", 0, q.outer_start)
    if colon < 0:
        return None
    toks = _tokens_between(doc, 0, colon)
    if not toks or len(toks) > 5:
        return None
    if not doc.cap(toks[0]):
        return None
    if any(not doc.cap(k) and doc.word(k) not in _HEAD_OK for k in toks):
        return None
    return doc.span(toks[0], toks[-1] + 1)


def _row(doc: _Doc, s: int, e: int, kind: str, attr: _Attr | None, n_words: int, unclosed: bool) -> dict:
    text = doc.text
    sent = doc.sentence_of(s)
    last = doc.sentence_of(max(e - 1, s))
    quote = text[s:e]
    if "\n" in quote:
        quote = re.sub(r"\s*\n\s*[\"“„«'‘]?", " ", quote)
    row = {
        "kind": kind,
        "start": s,
        "end": e,
        "sent": sent,
        "last_sent": last,
        "paragraph": doc.sents[sent][0],
        "quote": quote,
        "n_words": n_words,
        "speaker": None,
        "speaker_start": -1,
        "speaker_end": -1,
        "appositive": None,
        "verb": None,
        "lemma": None,
        "category": None,
        "unclosed": unclosed,
    }
    if attr is not None:
        row["verb"] = attr.verb
        row["lemma"] = attr.info.lemma
        row["category"] = attr.info.category
        if attr.speaker is not None:
            row["speaker_start"], row["speaker_end"] = attr.speaker
            row["speaker"] = text[attr.speaker[0] : attr.speaker[1]]
        if attr.appositive is not None:
            row["appositive"] = text[attr.appositive[0] : attr.appositive[1]]
    return row
