"""The speaker of each reporting verb: the noun phrase before or after it."""

from __future__ import annotations

import bisect

from .. import english as en
from .doc import _MASK, _Attr, _Doc
from .phrases import (
    _appositive_like,
    _chunk_back,
    _clause_tail,
    _name_like,
    _np_after,
    _role_like,
    _skip_back,
    _subject_end,
    _trim_np,
)

_RELATIVES = frozenset("who which that whom".split())

# adverbs of time and frequency that sit inside the verb group ("have long
# argued", "has always said") and are not part of the subject
_POSSESSIVES = frozenset("his her their its our my".split())
_INNER_ADVERBS = frozenset("long always sometimes usually now since".split())


def _find_speaker(doc: _Doc, attr: _Attr, before: list[_Attr]) -> None:
    a, b = doc.sent_tok[attr.sent]
    i = attr.tok
    if attr.info.lemma == "according to":
        attr.speaker = _np_after(doc, attr.tok_end, b, according=True)
        attr.inverted = True
        return
    clause_start = i == a or doc.boundary_before(i)
    gap = doc.gap(i) if i > a else doc.masked[doc.sents[attr.sent][1] : doc.toks[i][1]]
    # '"...," said Hanne Lind, the network's coordinator.'
    if (
        (i == a or "," in gap or _MASK in gap)
        and (attr.info.lemma in en.INVERTING_VERBS or _MASK in gap)
        and not attr.verb.split()[0].lower().endswith("ing")
    ):
        # (right after a quotation any reporting verb may come first: '"...," fumed X')
        sp = _np_after(doc, attr.tok_end, b, inverted=True)
        if sp is not None:
            attr.speaker, attr.inverted = sp, True
            appos = _appositive_after(doc, sp, b)
            attr.appositive = appos
            return
    if attr.verb.split()[0].lower().endswith("ing") and (
        clause_start or doc.word(i - 1) in en.PARTICIPLE_OPENERS or doc.word(i - 1) in en.DOCUMENT_NOUNS
    ):
        # ", adding ...", "before adding", "a statement saying": the subject of
        # the main clause speaks
        _fallback_speaker(doc, attr, before)
        return
    j = _skip_back(doc, i - 1, a)
    while j > a and doc.word(j) in _INNER_ADVERBS and not doc.cap(j):
        j = _skip_back(doc, j - 1, a)
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
    if w in _RELATIVES and not doc.cap(j):
        # "Stormy Daniels, who alleges" / "Mnuchin -- who agreed"
        k = j - 1
        if k >= a:
            np_ = _trim_np(doc, _chunk_back(doc, k, a), k + 1, check_subject=False)
            if np_ is not None:
                # "the vote came from Councilwoman Janet Sorensen, who said":
                # the antecedent is the name that ends the phrase
                n0 = np_[1]
                while n0 > np_[0] and (doc.cap(n0 - 1) or doc.word(n0 - 1) in en.PERSON_NOUNS) and doc.word(n0 - 1) not in en.QUOTE_TIME_WORDS:
                    n0 -= 1
                if n0 < np_[1] and any(doc.cap(m) for m in range(n0, np_[1])):
                    np_ = (n0, np_[1])
                attr.speaker = doc.span(*np_)
                return
        _fallback_speaker(doc, attr, before)
        return
    if w in en.CLAUSE_WORDS or w in ("then", "by") or w in en.ADJUNCT_PREPOSITIONS and w not in ("of",):
        _fallback_speaker(doc, attr, before)
        return
    # a past form is a verb whatever its subject ("her friend said"); a present
    # form needs a subject that looks like one ("labor disputes" is a noun)
    # (a naming verb after a noun is often a reduced relative: "the home called a
    # 'house of horrors'", so it keeps the check)
    if attr.info.lemma in en.NAMING_VERBS and not _subject_end(doc, j):
        return
    np_ = _trim_np(doc, _chunk_back(doc, j, a), j + 1, check_subject=not _past_form(attr.verb))
    if np_ is None:
        return
    n0 = np_[0]
    if n0 - 2 > a and doc.word(n0 - 1) in ("is", "was", "are", "were") and doc.word(n0 - 2) in ("who", "which"):
        # "Katie Packer, who is chairman of the PAC said": the name before the relative
        k = n0 - 3
        if "," in doc.gap(n0 - 2) and k >= a:
            named = _trim_np(doc, _chunk_back(doc, k, a), k + 1, check_subject=False)
            if named is not None:
                attr.speaker, attr.appositive = doc.span(*named), doc.span(*np_)
                return
    if attr.verb.split()[0].lower().endswith("ing"):
        # "The town released a statement Wednesday saying ...": a participle
        # speaks for the subject of the clause it closes, before its verb
        for m in range(n0 + 1, np_[1]):
            w = doc.word(m)
            if not doc.cap(m) and (w.endswith("ed") or "past" in en.known_forms(w)) and "s" not in en.known_forms(w):
                prev = doc.word(m - 1)
                if prev not in en.NP_DETERMINERS and prev not in en.ADJUNCT_PREPOSITIONS and prev not in ("of", "by"):
                    np_ = (n0, m)
                break
    attr.speaker = doc.span(*np_)


def _past_form(verb: str) -> bool:
    head = verb.split()[0].lower()
    kinds = en.known_forms(head)
    return head.endswith("ed") or "past" in kinds


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
        if not _name_like(doc, *np_) and not any(doc.word(k) in en.SPEAKER_PRONOUNS for k in range(*np_)):
            return False  # "..., the officer then placed Wall under arrest, said"
    attr.speaker = doc.span(*np_)
    if appos is not None:
        attr.appositive = doc.span(*appos)
    return True


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
    if attr.tok > a and doc.word(attr.tok - 1) in ("and", "but", "or") or _skip_back(doc, attr.tok - 1, a) > a and doc.word(
        _skip_back(doc, attr.tok - 1, a)
    ) in ("and", "but"):
        # "The senator paused and recalled ...": the subject of the clause
        sp = _clause_subject(doc, a, attr.tok)
        if sp is not None:
            attr.speaker = sp


def _clause_subject(doc: _Doc, a: int, end: int) -> tuple[int, int] | None:
    """The noun phrase that opens a sentence before its first verb ("The former
    secretary of state mocked ...", "Both Blocher and the party have ...")."""
    k = a
    if doc.word(k) not in en.NP_DETERMINERS and not doc.cap(k) and doc.word(k) not in en.SPEAKER_PRONOUNS:
        return None
    m = k
    while m < end and m - k < 8:
        if m > k and doc.boundary_before(m):
            return None
        w = doc.word(m)
        if m > k and not doc.cap(m) and (
            w in en.FINITE_AUXILIARIES or w in en.VERB_GROUP_WORDS or _is_finite_form(w)
        ):
            break
        m += 1
    if m == k or m >= end or not _subject_end(doc, m - 1):
        return None
    return doc.span(k, m)


def _is_finite_form(w: str) -> bool:
    forms = en.known_forms(w)
    return "past" in forms or ("s" in forms and "base" not in forms)


def _subject_at(doc: _Doc, k: int, end: int) -> tuple[int, int] | None:
    """A pronoun or a capitalised name (with role words) opening tokens k..end-1."""
    while k < end and doc.word(k) in ("and", "but", "then", "so", "also", "yet"):
        k += 1
    if k >= end or doc.word(k) in en.CLAUSE_WORDS or doc.word(k) in en.ADJUNCT_PREPOSITIONS:
        return None
    if doc.word(k) in en.SPEAKER_PRONOUNS:
        return doc.span(k, k + 1)
    if doc.word(k) in _POSSESSIVES:
        # "His office put out a statement saying": the noun the possessive
        # determines speaks, up to the clause's verb
        e = k + 1
        while e < end and e - k < 5 and not doc.boundary_before(e) and not doc.cap(e):
            w = doc.word(e)
            if w in en.FINITE_AUXILIARIES or w in en.VERB_GROUP_WORDS or _is_finite_form(w) or w in en.CLAUSE_WORDS:
                break
            e += 1
        return doc.span(k, e) if e > k + 1 else None
    if not doc.cap(k) or doc.word(k) in en.QUOTE_TIME_WORDS:
        return None
    e = k
    while e < end and (e == k or not doc.boundary_before(e)):
        w = doc.word(e)
        if doc.cap(e) or w in ("'s", "of", "the"):
            e += 1
        elif w in en.PERSON_NOUNS and e + 1 < end and doc.cap(e + 1):
            e += 1
        else:
            break
    while e > k and doc.word(e - 1) in ("of", "the"):
        e -= 1
    return doc.span(k, e) if e > k else None
