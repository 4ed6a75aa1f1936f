"""Quotations assigned to their attributions: one row per quotation of a text."""

from __future__ import annotations

import bisect
import itertools
import re

from .. import english as en
from ..segment import segment
from .content import _according_content, _clause_end, _complement, _question_content, _skip_adjuncts
from .doc import _MASK, _Attr, _Doc, _n_tokens, _tokens_between
from .entities import _subject_names, speaker_entities
from .marks import Quote
from .verbs import _find_questions, _find_verbs

__all__ = ["KINDS", "SCARE_MAX_WORDS", "extract"]

#: Kinds of quotation, in the order used by every table.
KINDS = ("direct", "partial", "indirect", "according_to", "scare")

#: A quotation without attribution of at most this many words is a scare quote.
SCARE_MAX_WORDS = 2

_HEAD_OK = en.PERSON_NOUNS | en.BODY_NOUNS | frozenset("of the 's for and a an in".split())



class _Index:
    """The attributions of a text by sentence, for lookups that do not scan them all."""

    def __init__(self, doc: _Doc, attrs: list[_Attr]) -> None:
        self.doc = doc
        self.by_sent: dict[int, list[_Attr]] = {}
        for t in attrs:
            self.by_sent.setdefault(t.sent, []).append(t)
        self.starts = {s: [doc.toks[t.tok][1] for t in ts] for s, ts in self.by_sent.items()}

    def after(self, sent: int, pos: int) -> list[_Attr]:
        """Attributions of sentence ``sent`` that start at or after ``pos``."""
        ts = self.by_sent.get(sent, [])
        return ts[bisect.bisect_left(self.starts.get(sent, []), pos) :]

    def before(self, sent: int, pos: int) -> list[_Attr]:
        """Attributions of sentence ``sent`` that start before ``pos``."""
        ts = self.by_sent.get(sent, [])
        return ts[: bisect.bisect_left(self.starts.get(sent, []), pos)]


def _after_attr(doc: _Doc, q: Quote, index: _Index, partial: bool = False) -> _Attr | None:
    """'"...," she said' -- a verb right after the closing mark, in its sentence or the next.

    For a partial quote, also a final attribution later in the sentence:
    'Ostrava is "ready to talk" if ..., Brandt said on Wednesday.'
    """
    sent = doc.sentence_of(max(q.outer_end - 1, 0))
    candidates = index.after(sent, q.outer_end) or index.after(sent + 1, q.outer_end)
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
    if not partial and t.speaker[1] <= q.outer_start and any(doc.words[k] in ("and", "but", "then", "before") for k in between):
        return None  # 'She declared "..." and said that ...': a second verb of her own, not this quote's
    sp_tok = bisect.bisect_left(doc.tok_starts, t.speaker[0])
    allowed = set(range(sp_tok, bisect.bisect_left(doc.tok_starts, t.speaker[1])))
    extra = [
        k
        for k in between
        if k not in allowed
        and not (doc.words[k] in en.VERB_GROUP_WORDS or doc.words[k] in en.QUOTE_TIME_WORDS or doc.words[k].endswith("ly"))
    ]
    opens = {sp_tok}
    if t.appositive is not None:
        opens.add(bisect.bisect_left(doc.tok_starts, t.appositive[0]))
    if len(extra) > 1 and not (between and between[0] in opens and len(between) <= 30 and t.sent == sent):
        # ('"...," Jennifer Palmieri, the campaign's director, said': the speaker
        # opens what follows the quote, its appositive between it and the verb)
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


def _before_attr(doc: _Doc, q: Quote, index: _Index, direct: bool) -> _Attr | None:
    """'X said: "..."' / 'X called it "..."' -- the last verb before the opening mark."""
    sent = doc.sentence_of(q.outer_start)
    cands = [t for t in index.before(sent, q.outer_start) if t.speaker is not None]
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
            cands = [t for t in index.by_sent.get(prev, []) if t.speaker is not None]
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


_TITLE_SMALL = frozenset("a an the of and or in on at to for by with from is are as vs nor but".split())


def _is_title(doc: _Doc, q: Quote) -> bool:
    """A quoted title or name ("Meet the Press", "Gang of Eight"), not speech: every
    word capitalised but the small ones, after a preposition, article, possessive
    or a word that names."""
    words = re.findall(r"[\w'’-]+", doc.text[q.start : q.end])
    if not words or len(words) > 7 or not words[0][0].isupper():
        return False
    if any(not w[0].isupper() and not w[0].isdigit() and w.lower() not in _TITLE_SMALL for w in words):
        return False
    if len(words) == 1 and q.end - q.start < 3:
        return False
    before = re.findall(r"[\w'’]+", doc.text[max(0, q.outer_start - 30) : q.outer_start])
    if not before:
        return False
    prev = before[-1].lower()
    return prev in en.TITLE_OPENERS or prev.endswith(("'s", "’s"))


def _para_start(doc: _Doc, pos: int) -> int:
    k = doc.text.rfind("\n", 0, pos)
    return 0 if k < 0 else k + 1


def extract(
    text: str,
    sentences: list[tuple[int, int, int]] | None = None,
    *,
    headline: bool = False,
    quotes: list | None = None,
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
    quotes : list of Quote, optional
        ``pair_quotes(text)`` when the caller already has it (read, not changed).

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
    doc = _Doc(text, sentences, headline, quotes)
    attrs = _find_verbs(doc)
    index = _Index(doc, attrs)
    rows: list[dict] = []
    prev_q: Quote | None = None
    prev_kind: str | None = None
    prev_attr: _Attr | None = None
    prev_para = -10
    paraphrase: dict | None = None  # the last row that reports a clause with quoted words
    for q in doc.quotes:
        if q.end <= q.start:
            continue
        if paraphrase is not None and q.outer_start < paraphrase["end"]:
            # another quoted fragment of the same paraphrase
            paraphrase["quoted"].append((q.start, q.end))
            if q.end > paraphrase["end"]:
                _extend(doc, paraphrase, q.end)
            continue
        n_words = _n_tokens(text[q.start : q.end])
        kind = _kind(doc, q, prev_q, prev_kind)
        para = doc.sents[doc.sentence_of(q.outer_start)][0]
        attr = None
        span = None
        if kind == "direct":
            attr = _after_attr(doc, q, index)
            if attr is None:
                attr = _before_attr(doc, q, index, True)
            elif attr.info.lemma == "ask" and not attr.inverted:
                # 'X said, "We will see," when asked whether ...': the question put to
                # the speaker, not the quotation's verb
                before = _before_attr(doc, q, index, True)
                if before is not None and _says(before.info.lemma) and before.sent == attr.sent:
                    attr = before
        else:
            attr, span = _paraphrase(doc, q, index)
            if attr is None:
                attr = _before_attr(doc, q, index, False) or _after_attr(doc, q, index, partial=True)
        inherited = False
        if (
            attr is None
            and kind == "direct"
            and prev_attr is not None
            and para - prev_para <= 1
            and prev_kind in ("direct", "partial")
        ):
            attr, inherited = _continued(doc, q, index, prev_attr), True  # '"...," she said. "..."'
        headline_speaker = None
        if attr is None and kind == "direct" and not headline:
            headline_speaker = _dash_speaker(doc, q)  # '"..." -- Dana Whitfield'
        if attr is None and headline_speaker is None and kind == "direct" and not headline:
            attr = _previous_speaker(doc, q, index)  # 'Whitfield said the vote was a setback.\n\n"..."'
            inherited = attr is not None
        if attr is None and headline:
            headline_speaker = _headline_speaker(doc, q)
        if attr is not None and attr.info.lemma in en.NAMING_VERBS and not inherited:
            # 'a film called "Rafah"': naming, not speech, when nothing sits
            # between the verb and the quote
            if not _tokens_between(doc, doc.toks[attr.tok_end - 1][2], q.outer_start) and attr.info.lemma in (
                "call", "dub", "term", "label", "brand"
            ):
                attr, span = None, None
        if attr is None and headline_speaker is None and n_words <= SCARE_MAX_WORDS:
            kind = "scare"
        if not headline and span is None and _is_title(doc, q):
            kind, attr = "scare", None  # 'on NBC's "Meet the Press"', 'the "Gang of Eight" bill'
        if n_words <= SCARE_MAX_WORDS and re.search(
            r"so-called\W*$", doc.text[max(0, q.outer_start - 12) : q.outer_start], re.I
        ):
            kind, attr, span = "scare", None, None
        if span is not None:
            row = _row(doc, span[0], span[1], kind, attr, _n_tokens(text[span[0] : span[1]]), q.unclosed)
            row["quoted"] = [(q.start, q.end)]
            paraphrase = row
        else:
            row = _row(doc, q.start, q.end, kind, attr, n_words, q.unclosed)
            row["quoted"] = [(q.start, q.end)]
        if inherited:
            row["inherited"] = True
        if headline_speaker is not None:
            row["speaker_start"], row["speaker_end"] = headline_speaker
            row["speaker"] = text[headline_speaker[0] : headline_speaker[1]]
        if attr is not None and not inherited:
            attr.used = True
        rows.append(row)
        if kind in ("direct", "partial"):
            prev_q, prev_kind = q, kind
            if attr is not None:
                prev_attr, prev_para = attr, para
    quoted_rows = [r for r in rows if r["kind"] in ("direct", "partial") and r["verb"] is not None]
    quoted_spans = _Spans([(r["start"], r["end"]) for r in quoted_rows])
    for attr in attrs:
        if attr.used:
            continue
        if attr.info.lemma == "according to":
            span = _according_content(doc, attr)
            if span is not None and quoted_spans.overlaps(span):
                continue  # a second source for a quotation: '"...," he said, according to X.'
            kind = "according_to"
        else:
            span = _complement(doc, attr)
            kind = "indirect"
        if span is None:
            continue
        n_words = _n_tokens(text[span[0] : span[1]])
        row = _row(doc, span[0], span[1], kind, attr, n_words, False)
        row["quoted"] = []
        rows.append(row)
    for attr, opening in _find_questions(doc):
        span = _question_content(doc, attr, opening)
        if span is None or quoted_spans.overlaps(span):
            continue
        row = _row(doc, span[0], span[1], "indirect", attr, _n_tokens(text[span[0] : span[1]]), False)
        row["quoted"] = []
        rows.append(row)
    rows.sort(key=lambda r: (r["start"], r["end"]))
    speaker_entities(rows, text, _subject_names(doc))
    return rows


class _Spans:
    """Sorted spans that answer "does this span overlap one of them?" in log time."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans = sorted(spans)
        self.starts = [s for s, _ in spans]
        self.max_end = list(itertools.accumulate((e for _, e in spans), max))

    def overlaps(self, span: tuple[int, int]) -> bool:
        k = bisect.bisect_left(self.starts, span[1])
        return k > 0 and self.max_end[k - 1] > span[0]


def _paraphrase(doc: _Doc, q: Quote, index: _Index) -> tuple[_Attr | None, tuple[int, int] | None]:
    """The reporting verb whose reported clause holds the quoted words ``q``, and that clause.

    'Trump said Duterte's comments showed "a lack of respect"' is one
    attribution: the clause after "said", quoted fragment included. Among the
    verbs before the quote in its sentence, the outermost verb of saying whose
    clause holds the quote wins; a naming verb ('called the suspension
    "arbitrary"') reports its object and the quote; a closing attribution
    ('Ostrava is "ready to talk", Brandt said.') the clause before it.
    """
    sent = doc.sentence_of(q.outer_start)
    for t in index.before(sent, q.outer_start):
        if t.speaker is None or t.used or t.info.lemma == "according to":
            continue
        if t.info.lemma in en.NAMING_VERBS:
            span = _naming_content(doc, t, q)
        elif _says(t.info.lemma) or t.info.lemma in en.OBJECT_SPEECH_VERBS:
            span = _complement(doc, t, through_quotes=True) or _quote_first(doc, t, q)
        else:
            continue
        if span is not None:
            span = _over_quotes(doc, span)
            if span[0] <= q.outer_start and q.start < span[1]:
                return t, span
    for t in index.after(sent, q.outer_end)[:1]:
        if t.speaker is not None and not t.used and t.info.lemma != "according to" and _final_attribution(doc, t):
            span = _complement(doc, t, through_quotes=True)
            if span is not None:
                span = _over_quotes(doc, span)
                if span[0] <= q.outer_start and q.start < span[1]:
                    return t, span
    return None, None


def _quote_first(doc: _Doc, t: _Attr, q: Quote) -> tuple[int, int] | None:
    """'Obama said "it gets me mad" every time he thinks ...': the reported clause
    opens with the quoted words, right after the verb (and "that")."""
    lead = _tokens_between(doc, doc.toks[t.tok_end - 1][2], q.outer_start)
    if len(lead) > 1 or lead and doc.words[lead[0]] != "that":
        return None
    sent = doc.sentence_of(q.outer_start)
    b = doc.sent_tok[sent][1]
    k = bisect.bisect_left(doc.tok_starts, q.outer_end)
    if k < b and not doc.text[q.outer_end : doc.toks[k][1]].strip():
        return q.outer_start, doc.toks[_clause_end(doc, k, b, through_quotes=True) - 1][2]
    return q.start, q.end  # the quoted words are all that is reported


def _over_quotes(doc: _Doc, span: tuple[int, int]) -> tuple[int, int]:
    """``span`` extended over the quotations that follow its last word ('showed "a lack of
    respect"', 'if the city pulls back, "our rivers ..."'), up to their closing marks."""
    s, e = span
    k = bisect.bisect_left(doc.quote_starts, e)
    sent_end = doc.sents[doc.sentence_of(max(e - 1, s))][2]
    while k < len(doc.quotes) and doc.quotes[k].outer_start < sent_end and _continues(doc, e, doc.quotes[k]):
        e = doc.quotes[k].outer_end if not doc.quotes[k].unclosed else doc.quotes[k].end
        k += 1
    return s, e


def _continues(doc: _Doc, e: int, q: Quote) -> bool:
    """Do the quoted words ``q`` go on the clause that ends at ``e``: right after it, or
    after a comma when they open in lower case ('if the city pulls back, "our rivers
    ..."'; but ', adding, "He lost ..."' opens a quotation of its own)."""
    between = doc.text[e : q.outer_start].strip()
    if not between:
        return True
    return between == "," and q.start < len(doc.text) and doc.text[q.start : q.start + 1].islower()


def _naming_content(doc: _Doc, t: _Attr, q: Quote) -> tuple[int, int] | None:
    """'called the DNC's suspension "arbitrary"': the object named, up to the quote's end."""
    between = _tokens_between(doc, doc.toks[t.tok_end - 1][2], q.outer_start)
    if not between or len(between) > 12:
        return None
    if any(doc.boundary_before(k) for k in between[1:]) or doc.boundary_before(between[0]) and "(" not in doc.gap(between[0]):
        return None
    return doc.toks[between[0]][1], q.outer_end if not q.unclosed else q.end


def _extend(doc: _Doc, row: dict, end: int) -> None:
    row["end"] = end
    row["last_sent"] = doc.sentence_of(max(end - 1, row["start"]))
    row["quote"] = _quote_text(doc.text, row["start"], end)
    row["n_words"] = _n_tokens(doc.text[row["start"] : end])


def _quote_text(text: str, s: int, e: int) -> str:
    quote = text[s:e]
    if "\n" in quote:
        quote = re.sub(r"\s*\n\s*[\"“„«'‘]?", " ", quote)
    return quote


_DASH_NAME = re.compile(r"[ \t]*(?:--|—|–)[ \t]*([A-Z][\w.'’-]*(?:[ \t]+(?:[A-Z][\w.'’-]*|de|van|von|al))*)")


def _dash_speaker(doc: _Doc, q: Quote) -> tuple[int, int] | None:
    """'"We will not back down." -- Dana Whitfield': a name after a dash ends the paragraph
    (or an appositive follows it)."""
    m = _DASH_NAME.match(doc.text, q.outer_end)
    if m is None:
        return None
    rest = doc.text[m.end(1) : m.end(1) + 2]
    if rest[:1] not in ("", "\n", ",", ".", " ") or rest.startswith(" ") and rest[1:2].isalnum():
        return None
    words = m.group(1).split()
    if not 1 <= len(words) <= 5:
        return None
    return m.start(1), m.end(1)


def _continued(doc: _Doc, q: Quote, index: _Index, prev: _Attr) -> _Attr:
    """The attribution a follow-on quotation continues: "add" of the same speaker after
    ``prev`` in its sentence ('"...," Lindqvist said, adding that the state would appeal.
    "This fight is far from over."' continues what she added); else ``prev``. Other
    verbs after it ("noting", "recalling") report an aside, not what the quotation goes on
    with."""
    out = prev
    for t in index.by_sent.get(prev.sent, []):
        if t.tok > out.tok and t.speaker == prev.speaker and t.info.lemma == "add" and doc.toks[t.tok][1] < q.outer_start:
            out = t
    return out


def _previous_speaker(doc: _Doc, q: Quote, index: _Index) -> _Attr | None:
    """The speaker of the sentence before a quotation that stands alone: the quote
    opens its paragraph and the last sentence of the previous paragraph (or the
    previous sentence) reports someone's words."""
    sent = doc.sentence_of(q.outer_start)
    if sent == 0 or doc.masked[doc.sents[sent][1] : q.outer_start].strip():
        return None
    prev = sent - 1
    if doc.sents[sent][0] - doc.sents[prev][0] > 1:
        return None
    cands = [t for t in index.by_sent.get(prev, []) if t.speaker is not None and t.info.lemma != "according to"]
    if not cands:
        return None
    t = cands[-1]
    text = doc.text[t.speaker[0] : t.speaker[1]].lower()
    return t if text not in ("i", "we", "you") else None


def _headline_speaker(doc: _Doc, q: Quote) -> tuple[int, int] | None:
    """'Brandt: Ostrava "ready to talk"' -- a short name before a colon."""
    colon = doc.text.find(":", 0, q.outer_start)
    if colon < 0:
        return None
    toks = _tokens_between(doc, 0, colon)
    if not toks or len(toks) > 5:
        return None
    if not doc.caps[toks[0]]:
        return None
    if any(not doc.caps[k] and doc.words[k] not in _HEAD_OK for k in toks):
        return None
    return doc.span(toks[0], toks[-1] + 1)


def _row(doc: _Doc, s: int, e: int, kind: str, attr: _Attr | None, n_words: int, unclosed: bool) -> dict:
    text = doc.text
    sent = doc.sentence_of(s)
    last = doc.sentence_of(max(e - 1, s))
    quote = _quote_text(text, s, e)
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
    # where the sentence of the speaker (else of the quotation) starts
    row["sent_start"] = doc.sents[doc.sentence_of(max(row["speaker_start"], 0) if row["speaker_start"] >= 0 else s)][1]
    return row
