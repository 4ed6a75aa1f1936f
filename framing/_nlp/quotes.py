"""Rules that find quotations and attributions in one article.

The rules read the article as written: quotation marks paired within a
paragraph (news style reopens a quote that runs on into the next paragraph and
leaves the previous paragraph without a closing mark), reporting verbs from the
bundled ``reporting_verbs`` lexicon, and the noun phrase next to each verb as
its speaker. Everything inside quotation marks is masked before verbs and
speakers are looked for, so a "said" inside a quote never attributes anything.

Public entry points (used by :func:`framing.measures.quotes.quotes` and by other
analyses):

* :func:`quoted_spans` -- character spans of the quoted words of a text;
* :func:`extract` -- every quotation of one text with kind, speaker and verb;
* :func:`inflections` and :func:`reporting_verbs` -- the verb lexicon.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cache, lru_cache

import numpy as np
import pandas as pd

from .segment import NEWS_ABBREVIATIONS, paragraph_spans, segment
from .text import _TOKEN_RE, fold, token_spans, tokenize

__all__ = [
    "KINDS",
    "extract",
    "match_actors",
    "inflections",
    "quoted_spans",
    "reporting_verbs",
    "resolve_pronouns",
]

#: Kinds of quotation, in the order used by every table.
KINDS = ("direct", "partial", "indirect", "according_to", "scare")

#: A quotation without attribution of at most this many words is a scare quote.
SCARE_MAX_WORDS = 2

# --- the verb lexicon ----------------------------------------------------------

_IRREGULAR = {
    "say": ("says", "said", "saying"),
    "tell": ("tells", "told", "telling"),
    "write": ("writes", "wrote", "written", "writing"),
    "swear": ("swears", "swore", "sworn", "swearing"),
    "read": ("reads", "read", "reading"),
    "forecast": ("forecasts", "forecast", "forecasted", "forecasting"),
    "hit": ("hits", "hit", "hitting"),
    "plead": ("pleads", "pleaded", "pled", "pleading"),
    "label": ("labels", "labeled", "labelled", "labeling", "labelling"),
}
# Final consonant doubled before -ed/-ing (stress on the last syllable).
_DOUBLE = frozenset("admit rebut quip snap sob regret commit refer abet".split())


def inflections(lemma: str) -> list[str]:
    """The lemma and its inflected forms (3rd person, past, participles, -ing).

    Multi-word verbs inflect their first word.

    Examples
    --------
    >>> inflections("say")
    ['say', 'says', 'said', 'saying']
    >>> inflections("deny")
    ['deny', 'denies', 'denied', 'denying']
    >>> inflections("point out")
    ['point out', 'points out', 'pointed out', 'pointing out']
    >>> inflections("according to")
    ['according to']
    """
    if lemma == "according to":
        return [lemma]
    head, _, rest = lemma.partition(" ")
    tail = f" {rest}" if rest else ""
    if head in _IRREGULAR:
        forms = _IRREGULAR[head]
    elif head.endswith("e"):
        stem = head if head.endswith("ee") else head[:-1]
        forms = (head + "s", head + "d", stem + "ing")
    elif len(head) > 2 and head.endswith("y") and head[-2] not in "aeiou":
        forms = (head[:-1] + "ies", head[:-1] + "ied", head + "ing")
    elif head.endswith(("s", "sh", "ch", "x", "z")):
        forms = (head + "es", head + "ed", head + "ing")
    elif head in _DOUBLE:
        forms = (head + "s", head + head[-1] + "ed", head + head[-1] + "ing")
    else:
        forms = (head + "s", head + "ed", head + "ing")
    return [lemma] + [f + tail for f in forms]


@dataclass(frozen=True)
class _Verb:
    lemma: str
    category: str
    weight: float


@cache
def reporting_verbs() -> dict[str, _Verb]:
    """Every form of the bundled reporting verbs -> lemma, category, weight."""
    from ..lexicons import load_lexicon

    table = load_lexicon("reporting_verbs")
    out: dict[str, _Verb] = {}
    for term, category, weight in table.itertuples(index=False):
        for form in inflections(term):
            out.setdefault(form, _Verb(term, category, float(weight)))
    return out


@cache
def _multiword() -> dict[str, dict[str, str]]:
    """First word -> second word -> the two-word form, for multi-word verbs."""
    out: dict[str, dict[str, str]] = {}
    for form in reporting_verbs():
        if " " in form:
            a, b = form.split(" ", 1)
            out.setdefault(a, {})[b] = form
    return out


# Verbs that attribute a quotation ('called the strikes "unacceptable"') but do
# not by themselves report speech ("called the minister", "read the report").
_QUOTE_ONLY = frozenset(
    "call describe characterize characterise label dub term read continue brand".split()
)
# Verbs whose object is what was said ("denied the allegation").
_OBJECT = frozenset(
    """accuse blame charge condemn denounce criticise criticize slam blast decry
    lambaste castigate fault rebuke assail berate chide scold deride ridicule attack
    mock deny reject dismiss refute rebut dispute contradict repudiate disavow disown
    downplay urge demand request implore beseech exhort encourage praise hail welcome
    applaud commend laud thank congratulate salute confirm""".split()
) | {"call for", "call on", "hit out", "lash out"}
# Verbs whose first object is the addressee ("told reporters that ...").
_ADDRESSEE = frozenset("tell inform assure remind warn brief ask".split())
# Verbs that report speech only with a "that"/"whether" clause.
_NEEDS_THAT = frozenset("agree grant allow object reason question wonder appeal".split())
# Verbs that take a bare reported clause ("said the talks had failed"); the
# others report speech with "that" or in a final ", X noted." only, since their
# bare object is rarely speech ("reported the attack", "explained the plan").
_BARE = frozenset(
    """say tell add claim insist argue warn allege assert admit concede acknowledge suggest
    hint maintain contend stress emphasise emphasize declare vow promise pledge swear
    complain lament boast predict estimate speculate guess reiterate affirm reaffirm
    counter retort testify forecast""".split()
)

# --- word classes used by the rules ---------------------------------------------

_DETERMINERS = frozenset("the a an his her its their our my your this these those no any every such 's".split())
_PRONOUNS = frozenset("he she they it we i you".split())
_RELATIVE = frozenset("who which that whom".split())
_CLAUSE = frozenset(
    """that and but or because when while where which who whom whose as if since after
    before although though so than nor whether until unless once yet what how why""".split()
)
_PREPOSITIONS = frozenset(
    """on in at during after before since with by from following amid despite over under
    through across within without against into onto upon about like per via""".split()
)
_TIME = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday today yesterday tonight
    tomorrow earlier later recently previously meanwhile now then again also first last
    this next week weekend month year morning afternoon evening night once""".split()
)
_AUX = frozenset(
    """has have had will would could should might may must can did does do is was are were
    be been being not never also later then again once first further still just already
    even only ever often publicly privately separately repeatedly reportedly initially
    finally quickly flatly angrily bluntly sarcastically strongly quietly loudly simply
    plans plan planned expects expected set going went goes go want wants wanted tried
    tries try continued continues appeared appears seemed seems is to""".split()
)
_NOT_LY = frozenset("family ally rally italy supply reply assembly july belly bully fly holy".split())
_ROLE = frozenset(
    """spokesman spokeswoman spokesperson minister president official officer director
    coordinator envoy chief general commander leader secretary senator mayor governor
    lawmaker analyst expert resident farmer doctor witness teacher hydrologist economist
    adviser advisor ambassador lawyer professor shopkeeper man woman mother father son
    daughter husband wife brother sister neighbour neighbor strategist editor reporter
    journalist correspondent chairman chairwoman chair head founder owner worker
    engineer survivor victim student nurse medic prosecutor judge attorney aide
    representative rep sen gov mr mrs ms dr prof sheriff priest pope king queen prince
    candidate nominee voter activist campaigner historian scientist researcher people
    person actress actor""".split()
)
_ORG = frozenset(
    """ministry government army military authority agency group network office council
    committee court party police union bank company firm organisation organization
    department administration campaign commission institute university foundation
    association federation coalition alliance forces force navy board service statement
    report poll survey study spokesman spokeswoman""".split()
)
_HEAD_OK = _ROLE | _ORG | frozenset("of the 's for and a an in".split())

_ELISION = re.compile(r"(?:(?:em|til|tis|twas|n|cause|bout)\b|\d)", re.IGNORECASE)
_DOUBLE_MARKS = "\"“”„«»"
_SINGLE_MARKS = "'‘’‚‹›"
_OPEN_GLYPHS = "“„«‘‚‹"
_CLOSE_GLYPHS = "”»’›"
_LEFT_CONTEXT = "([{—–-/\"“”„«»'‘’‚‹›"
_RIGHT_CONTEXT = ".,;:!?)]}—–-…\"“”„«»'‘’‚‹›"
_MASK = "\x00"
_MARK_RE = re.compile("[" + re.escape(_DOUBLE_MARKS + _SINGLE_MARKS) + "]")
_NOT_NEWLINE = re.compile(r"[^\n]")
_BOUNDARY_CHARS = ",;:()[]{}—–\x00"


# --- pairing quotation marks ------------------------------------------------------


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
        last_double = max(text.rfind(m, lo, hi) for m in _DOUBLE_MARKS)
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
                elif i > last_double and text[i - 1] in ",.!?" and i + 1 < hi and text[i + 1] == " ":
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


# --- the article model --------------------------------------------------------------


@dataclass
class _Attr:
    """A reporting verb with its speaker."""

    tok: int  # index of the verb's first token
    tok_end: int
    verb: str  # as written
    info: _Verb
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


def _n_tokens(text: str) -> int:
    """``len(token_spans(text))`` without building the spans."""
    return len(_TOKEN_RE.findall(fold(text)))


class _Doc:
    """One text with its sentences, quotes, masked copy and tokens."""

    def __init__(self, text: str, sentences: list[tuple[int, int, int]], headline: bool) -> None:
        self.text = text
        self.headline = headline
        self.sents = sentences  # (paragraph, start, end)
        paragraphs = paragraph_spans(text)
        self.quotes = pair_quotes(text, paragraphs)
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
        self.verbs = reporting_verbs()

    # token helpers ---------------------------------------------------------------
    def word(self, i: int) -> str:
        return self.toks[i][0]

    def cap(self, i: int) -> bool:
        return self.text[self.toks[i][1]].isupper()

    def gap(self, i: int) -> str:
        """Characters between token i-1 (or the sentence start) and token i."""
        s = self.toks[i][1]
        a, _ = self.sent_tok[self.tok_sent[i]]
        lo = self.toks[i - 1][2] if i > a else self.sents[self.tok_sent[i]][1]
        return self.masked[lo:s]

    def boundary_before(self, i: int) -> bool:
        g = self.gap(i)
        if g == " ":
            return False
        kind = _gap_class(g)
        if kind == 2:
            prev = self.word(i - 1) if i > 0 else ""
            return not (prev in NEWS_ABBREVIATIONS or len(prev) == 1)
        return kind == 1

    def sentence_of(self, pos: int) -> int:
        return max(bisect.bisect_right(self.sent_starts, pos) - 1, 0)

    def span(self, a: int, b: int) -> tuple[int, int]:
        """Character span of tokens a..b-1."""
        return self.toks[a][1], self.toks[b - 1][2]


# --- reporting verbs and their speakers --------------------------------------------


@cache
def _verb_starts() -> frozenset[str]:
    """Tokens that can open a reporting verb (one word or several)."""
    return frozenset(reporting_verbs()) | frozenset(_multiword())


def _find_verbs(doc: _Doc) -> list[_Attr]:
    out: list[_Attr] = []
    multi = _multiword()
    n = len(doc.toks)
    # only tokens that can open a reporting verb need the rules below
    first = _verb_starts()
    candidates = [k for k, (w, _, _) in enumerate(doc.toks) if w in first]
    i = 0
    for k in candidates:
        if k < i:
            continue
        i = k
        w = doc.word(i)
        form, end = None, i + 1
        if w in multi and i + 1 < n and not doc.boundary_before(i + 1):
            second = multi[w].get(doc.word(i + 1))
            if second is not None:
                form, end = second, i + 2
        if form is None and w in doc.verbs and " " not in w:
            form = w
        if form is None or not _is_verb_use(doc, i, end, form):
            i += 1
            continue
        out.append(
            _Attr(i, end, doc.text[doc.toks[i][1] : doc.toks[end - 1][2]], doc.verbs[form], doc.tok_sent[i])
        )
        i = end
    for k, attr in enumerate(out):
        _find_speaker(doc, attr, out[:k])
    return [t for t in out if t.speaker is not None or t.info.lemma == "according to"]


# Lemmas that are also common nouns ("an attack", "labor disputes", "sharp
# questioning"): read as verbs only right after a plausible subject.
_NOUN_TOO = frozenset(
    """report claim charge call comment answer reply request demand appeal promise pledge
    vow estimate forecast praise welcome guess note remark mention post tweet boast
    attack dispute warning question ridicule mock blame plea quote rebuke counter
    reason object continue state label brand term hail""".split()
)
_PARTICIPLE_OK = frozenset("before after while by when without as also on upon".split())
_DOC_NOUNS = frozenset(
    "statement letter tweet post message note email video interview speech report release".split()
)
_TO_VERBS = frozenset(
    """plan plans planned planning expect expects expected set going want wants wanted try
    tries tried continue continues continued appear appears appeared seem seems seemed
    refuse refuses refused decline declines declined went go goes hope hopes hoped
    intend intends intended""".split()
)


def _is_verb_use(doc: _Doc, i: int, end: int, form: str) -> bool:
    a, b = doc.sent_tok[doc.tok_sent[i]]
    if form == "according to":
        return True
    lemma = doc.verbs[form].lemma
    if doc.cap(i) and i > a and not doc.headline:
        return False  # part of a name: "United States", "Press Association"
    if i > a and ("'" in doc.gap(i) or "’" in doc.gap(i)) and not doc.boundary_before(i):
        return False  # after a possessive: "30 minutes' warning"
    prev = doc.word(i - 1) if i > a else ""
    if prev in _DETERMINERS and not doc.boundary_before(i):
        return False  # a noun: "the report", "his claims"
    if prev in ("united", "so"):
        return False
    if prev == "to" and i > a:
        before_to = doc.word(i - 2) if i - 1 > a else ""
        if before_to not in _TO_VERBS:
            return False  # "failure to mention", "not to charge"
    nxt = doc.word(end) if end < b else ""
    if form.endswith("ed") and nxt in ("of", "by") and lemma not in ("say", "tell"):
        return False  # "the judge accused of ...", "was criticised by"
    # Passive participles name no speaker: "was accused of", "is said to".
    j = i - 1
    while j >= a and (doc.word(j) in ("not", "also", "widely", "reportedly", "often") or doc.word(j).endswith("ly")):
        j -= 1
    if j >= a and doc.word(j) in ("was", "were", "is", "are", "been", "being", "be", "get", "got") and (
        form.endswith("ed") or form in ("said", "told", "written", "sworn", "read", "hit", "forecast")
    ):
        return False
    if form.split()[0].endswith("ing"):
        # a participle clause (", adding"), a progressive ("is saying") or
        # "before adding"; otherwise a noun ("sharp questioning")
        if prev in _AUX and lemma in ("add", "continue", "post", "call", "note", "state", "report", "charge", "attack", "mock", "read", "term", "label", "brand"):
            return False  # "the company is adding jobs"
        if not (
            i == a
            or doc.boundary_before(i)
            or prev in _PARTICIPLE_OK
            or prev in _AUX
            or prev in _DOC_NOUNS
            or _subject_end(doc, i - 1)
        ):
            return False
    elif lemma in _NOUN_TOO and i > a and not doc.boundary_before(i):
        j = _skip_back(doc, i - 1, a)
        if j == i - 1 and not _subject_end(doc, j):
            return False
    return True


def _subject_end(doc: _Doc, j: int) -> bool:
    """Can token j end the subject of a verb (a name, pronoun, person or plural noun)?"""
    w = doc.word(j)
    if w in _PRONOUNS or doc.cap(j) or w in _ROLE or w in _ORG or w == "'s":
        return True
    return w.endswith("s") and not w.endswith(("ss", "us", "ous")) and w not in _AUX and w not in _CLAUSE


def _skip_back(doc: _Doc, j: int, a: int) -> int:
    """Skip auxiliaries, adverbs and time words right before a verb."""
    while j >= a:
        w = doc.word(j)
        low = not doc.cap(j)
        if j + 1 < len(doc.toks) and doc.boundary_before(j + 1):
            break
        if w == "to":
            if j - 1 >= a and doc.word(j - 1) in _TO_VERBS:
                j -= 2
                continue
            break
        if (w in _AUX and low) or (low and w.endswith("ly") and w not in _NOT_LY) or w in _TIME:
            j -= 1
            continue
        if w in ("on", "last", "this", "late", "early") and j + 1 < len(doc.toks) and doc.word(j + 1) in _TIME:
            j -= 1
            continue
        break
    return j


_MODALS = frozenset("will would could should might may must can has have had is was are were".split())


def _chunk_back(doc: _Doc, j: int, a: int, limit: int = 9) -> int:
    """Start token of the noun phrase that ends at token j (inclusive)."""
    if doc.word(j) in _PRONOUNS:
        return j  # "strikes they allege": the pronoun is the subject
    k = j
    while k > a and j - k + 1 < limit and not doc.boundary_before(k):
        w = doc.word(k - 1)
        if w == "and" and doc.cap(k) and doc.cap(k - 2) if k - 2 >= a else False:
            k -= 1  # "Crump and Rogers", "the White House and Cohen"
            continue
        if w in _CLAUSE or w == "to" or w in _MODALS:
            break
        if w in doc.verbs and not doc.cap(k - 1) and w not in _DOC_NOUNS:
            break
        if w in _PREPOSITIONS and w not in ("of", "for", "at", "from", "in") and not doc.cap(k - 1):
            break
        k -= 1
    return k


def _trim_np(doc: _Doc, a: int, b: int, check_subject: bool = True) -> tuple[int, int] | None:
    """Drop leading prepositional, time and clause words; None if nothing is left."""
    while a < b and (doc.word(a) in _CLAUSE or doc.word(a) in _TIME or doc.word(a) in ("and", "but", "then", "so")):
        a += 1
    if a < b and doc.word(a) in _PREPOSITIONS:
        k = a + 1
        while k < b and (doc.word(k) in _TIME or doc.word(k)[0].isdigit()):
            k += 1
        det = next((m for m in range(k, b) if doc.word(m) in ("the", "a", "an")), None)
        if k < b and (doc.cap(k) or doc.word(k) in _DETERMINERS):
            a = k
        elif det is not None:
            a = det
        else:
            return None
    if a >= b:
        return None
    words = [doc.word(k) for k in range(a, b)]
    if all(w in _DETERMINERS or w in _CLAUSE or w in _TIME or w in _AUX for w in words):
        return None
    if b - a == 1 and words[0].endswith("ly") and words[0] not in _NOT_LY and not doc.cap(a):
        return None
    if check_subject and not any(_subject_end(doc, k) for k in range(a, b)):
        return None
    return a, b


def _appositive_like(doc: _Doc, a: int, b: int) -> bool:
    w = doc.word(a)
    return (not doc.cap(a)) or w in ("the", "a", "an") or w[0].isdigit() or w in _DETERMINERS


def _role_like(doc: _Doc, a: int, b: int) -> bool:
    return any(doc.word(k) in _ROLE or doc.word(k) in _ORG for k in range(a, b)) or not doc.cap(a)


def _name_like(doc: _Doc, a: int, b: int) -> bool:
    return all(doc.cap(k) or doc.word(k) in ("'s", "of", "de", "van", "von", "al") for k in range(a, b))


_INVERTS = frozenset(
    """say add write ask reply respond continue explain note warn insist argue claim
    conclude counter retort complain admit concede acknowledge declare recall""".split()
)


def _find_speaker(doc: _Doc, attr: _Attr, before: list[_Attr]) -> None:
    a, b = doc.sent_tok[attr.sent]
    i = attr.tok
    if attr.info.lemma == "according to":
        attr.speaker = _np_after(doc, attr.tok_end, b, according=True)
        attr.inverted = True
        return
    clause_start = i == a or doc.boundary_before(i)
    gap = doc.gap(i) if i > a else ""
    # '"...," said Hanne Lind, the network's coordinator.'
    if (i == a or "," in gap or _MASK in gap) and attr.info.lemma in _INVERTS:
        sp = _np_after(doc, attr.tok_end, b, inverted=True)
        if sp is not None:
            attr.speaker, attr.inverted = sp, True
            appos = _appositive_after(doc, sp, b)
            attr.appositive = appos
            return
    if attr.verb.split()[0].lower().endswith("ing") and (
        clause_start or doc.word(i - 1) in _PARTICIPLE_OK or doc.word(i - 1) in _DOC_NOUNS
    ):
        # ", adding ...", "before adding", "a statement saying": the subject of
        # the main clause speaks
        _fallback_speaker(doc, attr, before)
        return
    j = _skip_back(doc, i - 1, a)
    if j < a:
        _fallback_speaker(doc, attr, before)
        return
    if doc.boundary_before(j + 1) and "," in doc.gap(j + 1):
        # "X, a spokesman for Y, said" / "Ostrava's minister, Tomas Brandt, said"
        if not _comma_speaker(doc, attr, j, a):
            _fallback_speaker(doc, attr, before)
        return
    if doc.boundary_before(j + 1):
        # "(D-Calif.) told", "-- who": look before the parenthesis or dash
        _fallback_speaker(doc, attr, before)
        return
    w = doc.word(j)
    if w in _RELATIVE and not doc.cap(j):
        # "Stormy Daniels, who alleges" / "Mnuchin -- who agreed"
        k = j - 1
        if k >= a:
            np_ = _trim_np(doc, _chunk_back(doc, k, a), k + 1)
            if np_ is not None:
                # "the vote came from Councilwoman Janet Sorensen, who said":
                # the antecedent is the name that ends the phrase
                n0 = np_[1]
                while n0 > np_[0] and (doc.cap(n0 - 1) or doc.word(n0 - 1) in _ROLE) and doc.word(n0 - 1) not in _TIME:
                    n0 -= 1
                if n0 < np_[1] and any(doc.cap(m) for m in range(n0, np_[1])):
                    np_ = (n0, np_[1])
                attr.speaker = doc.span(*np_)
                return
        _fallback_speaker(doc, attr, before)
        return
    if w in _CLAUSE or w in ("then", "by") or w in _PREPOSITIONS and w not in ("of",):
        _fallback_speaker(doc, attr, before)
        return
    np_ = _trim_np(doc, _chunk_back(doc, j, a), j + 1)
    if np_ is None:
        return
    attr.speaker = doc.span(*np_)


def _appositive_after(doc: _Doc, sp: tuple[int, int], b: int) -> tuple[int, int] | None:
    """', the network's coordinator' after an inverted speaker."""
    k = bisect.bisect_left(doc.tok_starts, sp[1])
    if k >= b or "," not in doc.gap(k):
        return None
    e = k + 1
    while e < b and not doc.boundary_before(e):
        e += 1
    return doc.span(k, e) if _appositive_like(doc, k, e) else None


def _comma_speaker(doc: _Doc, attr: _Attr, j: int, a: int) -> bool:
    """Speaker of a verb preceded by ', APPOSITIVE,'."""
    chunks: list[tuple[int, int]] = []
    end = j + 1
    while end > a and len(chunks) < 4:
        start = end - 1
        while start > a and not doc.boundary_before(start):
            start -= 1
        chunks.append((start, end))
        if start == a or "," not in doc.gap(start) or _MASK in doc.gap(start):
            break
        end = start
    idx = 0
    appos = None
    while idx + 1 < len(chunks) and _appositive_like(doc, *chunks[idx]):
        appos = chunks[idx] if appos is None else appos
        idx += 1
    np_ = _trim_np(doc, *_clause_tail(doc, *chunks[idx]))
    if np_ is None:
        return False
    if idx == 0 and len(chunks) > 1:
        # The nearest chunk is a name: "Ostrava's foreign minister, Tomas Brandt,"
        outer = _trim_np(doc, *_clause_tail(doc, *chunks[1]))
        if outer is not None and _name_like(doc, *np_) and _role_like(doc, *outer):
            attr.speaker, attr.appositive = doc.span(*np_), doc.span(*outer)
            return True
        if not _name_like(doc, *np_) and not any(doc.word(k) in _PRONOUNS for k in range(*np_)):
            return False  # "..., the officer then placed Wall under arrest, said"
    attr.speaker = doc.span(*np_)
    if appos is not None:
        attr.appositive = doc.span(*appos)
    return True


def _clause_tail(doc: _Doc, a: int, b: int) -> tuple[int, int]:
    """The part of tokens a..b-1 after the last clause word ("when X" -> "X")."""
    k = b - 1
    while k > a:
        w = doc.word(k - 1)
        if (w in _CLAUSE or w in doc.verbs) and not (doc.cap(k - 1) and k - 1 > a):
            return k, b
        k -= 1
    return a, b


_AFTER_STOP = _CLAUSE | {
    "in", "on", "at", "during", "after", "before", "to", "with", "told", "according", "when",
    "while", "via", "from",
}
_ACCORDING_STOP = _CLAUSE | {"on", "in", "during", "after", "before", "when", "while"}


def _np_after(
    doc: _Doc, i: int, b: int, inverted: bool = False, according: bool = False
) -> tuple[int, int] | None:
    """Noun phrase starting at token i ("said [Rob Atkinson], president of ...")."""
    if i >= b:
        return None
    stop = _ACCORDING_STOP if according else _AFTER_STOP
    k = i
    while k < b and k - i < 10:
        if k > i and doc.boundary_before(k):
            break
        w = doc.word(k)
        if k > i and not doc.cap(k) and (
            w in stop
            or (w in doc.verbs and w not in _DOC_NOUNS)
            or (w.endswith("ed") and w not in ("red",))
            or w in ("seen", "issued", "released", "published", "obtained", "sent", "made", "cited")
        ):
            break
        k += 1
    first = doc.word(i)
    if inverted:
        if first in _PRONOUNS and k - i > 1:
            return None
        if not (doc.cap(i) or first in ("the", "a", "an", "one", "two", "three") or first in _PRONOUNS or first in _ROLE):
            return None
        # After the phrase: the end of the clause, not more words of a clause.
        if k < b and not doc.boundary_before(k) and doc.word(k) not in stop:
            return None
    if inverted and (k - i > 7 or any(doc.word(m).split("'")[0] in _PRONOUNS for m in range(i + 1, k))):
        return None
    np_ = _trim_np(doc, i, k, check_subject=not according)
    return None if np_ is None else doc.span(*np_)


def _fallback_speaker(doc: _Doc, attr: _Attr, before: list[_Attr]) -> None:
    """Subject of a verb that opens its clause: the previous speaker, else a clause subject."""
    for prev in reversed(before):
        if prev.sent == attr.sent and prev.speaker is not None and prev.info.lemma != "according to":
            attr.speaker, attr.appositive = prev.speaker, prev.appositive
            return
    a, _ = doc.sent_tok[attr.sent]
    # chunks between commas before the verb, nearest first
    end = attr.tok
    while end > a:
        start = end - 1
        while start > a and not ("," in doc.gap(start) or _MASK in doc.gap(start)):
            start -= 1
        sp = _subject_at(doc, start, end)
        if sp is not None:
            attr.speaker = sp
            return
        end = start


def _subject_at(doc: _Doc, k: int, end: int) -> tuple[int, int] | None:
    """A pronoun or a capitalised name (with role words) opening tokens k..end-1."""
    while k < end and doc.word(k) in ("and", "but", "then", "so", "also", "yet"):
        k += 1
    if k >= end or doc.word(k) in _CLAUSE or doc.word(k) in _PREPOSITIONS:
        return None
    if doc.word(k) in _PRONOUNS:
        return doc.span(k, k + 1)
    if not doc.cap(k) or doc.word(k) in _TIME:
        return None
    e = k
    while e < end and (e == k or not doc.boundary_before(e)):
        w = doc.word(e)
        if doc.cap(e) or w in ("'s", "of", "the"):
            e += 1
        elif w in _ROLE and e + 1 < end and doc.cap(e + 1):
            e += 1
        else:
            break
    while e > k and doc.word(e - 1) in ("of", "the"):
        e -= 1
    return doc.span(k, e) if e > k else None


# --- complements (what indirect speech reports) ------------------------------------


def _complement(doc: _Doc, attr: _Attr) -> tuple[int, int] | None:
    """Character span of the reported clause of an unused reporting verb."""
    a, b = doc.sent_tok[attr.sent]
    lemma = attr.info.lemma
    if lemma in _QUOTE_ONLY or attr.speaker is None:
        return None
    i = attr.tok_end
    # Sentence-final or parenthetical attribution: "..., police said." /
    # "..., he said, and ..."
    sp_tok = bisect.bisect_left(doc.tok_starts, attr.speaker[0])
    first = min(sp_tok, attr.tok)
    after = max(i, bisect.bisect_left(doc.tok_starts, attr.speaker[1])) if attr.inverted else i
    rest = _skip_adjuncts(doc, after, b)
    at_end = rest >= b or doc.boundary_before(rest) and "," in doc.gap(rest)
    if first > a and "," in doc.gap(first) and at_end and lemma not in _OBJECT:
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
    if lemma in _ADDRESSEE:
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
    elif lemma not in _BARE and lemma not in _OBJECT:
        return None
    if w in ("at", "in", "on", "to", "with", "from", "into", "by", "as"):
        return None  # "snapped at him", "swore at them"
    if doc.boundary_before(k) and doc.gap(k).strip(" ,") and not doc.gap(k).strip().startswith("("):
        return None
    end = _clause_end(doc, k, b, object_=lemma in _OBJECT)
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
    if k < b and (doc.word(k) in _ADDRESS_NOUNS or doc.word(k) in ("him", "her", "them", "us", "me")):
        return k + 1
    e = k
    while e < b and doc.cap(e) and (e == k or not doc.boundary_before(e)) and e - k < 5:
        e += 1
    if e < b and doc.word(e) == "'s":
        e += 1
        while e < b and not doc.cap(e) and doc.word(e) in _ADDRESS_NOUNS:
            e += 1
    return e if e > k else start


_ADDRESS_NOUNS = frozenset(
    """reporters journalists lawmakers senators congress parliament supporters investigators
    members delegates viewers listeners readers crowd audience convention committee court
    jury students them him her us me newspaper agency network broadcaster channel""".split()
)


def _skip_adjuncts(doc: _Doc, k: int, b: int) -> int:
    """Skip "on Monday", "in a statement", "to reporters", "Thursday" after a verb."""
    while k < b:
        w = doc.word(k)
        if w in _TIME and not doc.cap(k) or w in ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday"):
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
            if nxt in ("a", "an", "the", "his", "her", "their", "its") or doc.cap(k + 1) or nxt in _TIME or nxt in _ADDRESS_NOUNS:
                if m >= b or doc.word(m) == "that" or doc.word(m) in _PRONOUNS or doc.boundary_before(m):
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
            if object_ and doc.word(e) in _OBJECT_STOP and not doc.cap(e):
                break
        e += 1
    return e


_OBJECT_STOP = frozenset("during before after while on in at when since because".split())


def _strip_span(doc: _Doc, s: int, e: int) -> tuple[int, int] | None:
    text = doc.text
    while e > s and (text[e - 1].isspace() or text[e - 1] in ".,;:!?"):
        e -= 1
    while s < e and text[s].isspace():
        s += 1
    return (s, e) if e > s else None


# --- assigning quotes to attributions ------------------------------------------------


def _tokens_between(doc: _Doc, s: int, e: int) -> list[int]:
    a = bisect.bisect_left(doc.tok_starts, s)
    b = bisect.bisect_left(doc.tok_starts, e)
    return list(range(a, b))


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
    extra = [k for k in between if k not in allowed and not (doc.word(k) in _AUX or doc.word(k) in _TIME or doc.word(k).endswith("ly"))]
    if len(extra) > 1:
        return None
    return t


def _says(lemma: str) -> bool:
    """A verb of saying (not an act on an object, a naming or a question)."""
    return lemma not in _OBJECT and lemma not in _QUOTE_ONLY and lemma not in (
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
        if attr is not None and attr.info.lemma in _QUOTE_ONLY and not inherited:
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


# --- pronoun speakers ----------------------------------------------------------------

_PERSON_PRONOUNS = frozenset({"he", "she"})


def looks_like_person(speaker: str) -> bool:
    """A named person or a person's role ("Ms Lind", "a spokesman"), not an organisation."""
    words = re.findall(r"[\w'’.-]+", speaker)
    if not words:
        return False
    low = [w.lower().rstrip(".") for w in words]
    if low[0] in _PRONOUNS:
        return False
    if any(w in _ORG and w not in ("spokesman", "spokeswoman") for w in low):
        return any(w in _ROLE for w in low[-2:])
    if low[-1].endswith("s") and low[-1] not in _ROLE and not words[-1][0].isupper():
        return False  # plural: "officials", "residents"
    return words[-1][0].isupper() or any(w in _ROLE for w in low)


def _looks_like_body(speaker: str) -> bool:
    """An organisation or a document, singular ("the ministry", "the report")."""
    low = [w.lower() for w in re.findall(r"[\w'’.-]+", speaker)]
    return bool(low) and low[0] not in _PRONOUNS and any(w in _ORG for w in low) and not looks_like_person(speaker)


def _subject_names(doc: _Doc) -> list[dict]:
    """Named people opening a sentence ("Marta Ilves, 67, had been waiting")."""
    out = []
    for k, (a, b) in enumerate(doc.sent_tok):
        e = a
        while e < b and doc.cap(e) and (e == a or not doc.boundary_before(e)) and doc.word(e) not in _PRONOUNS:
            e += 1
        if e - a >= 2 and doc.word(a) not in _DETERMINERS and (e >= b or not doc.cap(e)):
            s0, s1 = doc.span(a, e)
            name = doc.text[s0:s1]
            if looks_like_person(name) and not any(doc.word(m) in _TIME or doc.word(m) in _CLAUSE for m in range(a, e)):
                out.append({"speaker": name, "speaker_start": s0, "sent": k, "paragraph": doc.sents[k][0], "appositive": None})
    return out


def resolve_pronouns(rows: list[dict], names: list[dict] = (), window: int = 3) -> None:
    """Replace pronoun speakers by their antecedent where it can be found reliably.

    "he"/"she" take the most recent speaker that looks like a person
    (:func:`looks_like_person`), or a named person opening a sentence, in an
    earlier sentence at most ``window`` paragraphs back; "it" takes the most
    recent organisation or document speaker of an earlier sentence in the
    same or the previous paragraph. Other pronouns ("they", "we") and
    pronouns without such an antecedent are kept. Sets ``pronoun`` (the
    pronoun as written, else None) and ``unresolved`` on every row, in place.
    """
    def pos(r):
        return r["speaker_start"] if r["speaker_start"] >= 0 else r["start"]

    cands = sorted(
        [r for r in rows if r["speaker"] and r["speaker"].lower() not in _PRONOUNS] + list(names), key=pos
    )
    for row in rows:
        row["pronoun"], row["unresolved"] = None, False
    for row in sorted(rows, key=pos):
        sp = row["speaker"]
        if not sp or sp.lower() not in _PRONOUNS:
            continue
        low = sp.lower()
        row["pronoun"] = sp
        found = None
        for c in reversed(cands):
            if pos(c) >= pos(row) or c["sent"] >= row["sent"]:
                continue
            if low in _PERSON_PRONOUNS:
                if row["paragraph"] - c["paragraph"] > window:
                    break
                if looks_like_person(c["speaker"]):
                    found = c
                    break
            elif low == "it":
                if row["paragraph"] - c["paragraph"] > 1:
                    break
                if _looks_like_body(c["speaker"]):
                    found = c
                    break
        if found is None:
            row["unresolved"] = True
        else:
            row["speaker"], row["appositive"] = found["speaker"], found.get("appositive")


def match_actors(rows: list[dict], patterns) -> None:
    """Set ``actor`` on every row from its speaker (or the speaker's appositive).

    ``patterns`` is a :class:`framing._nlp.match.PatternSet` of actor aliases. The
    longest alias match in the speaker wins; among equally long matches the
    last one (the head of an English noun phrase comes last: "Calvera's army
    chief" is the army's). When the speaker matches no alias, its appositive
    ("Hanne Lind, the network's coordinator") is tried.
    """
    for row in rows:
        row["actor"] = None
        for text in (row.get("speaker"), row.get("appositive")):
            if not text:
                continue
            found = patterns.find(tokenize(text))
            if found:
                best = max(found, key=lambda m: (m[2] - m[1], m[1]))
                row["actor"] = patterns.groups[best[0]]
                break
