"""Reporting verbs in use: a form of the lexicon read as a verb, not a noun or a name."""

from __future__ import annotations

from functools import cache

from .. import english as en
from .doc import _MASK, _Attr, _Doc
from .phrases import _skip_back, _subject_end
from .speakers import _find_speaker


@cache
def _multiword() -> dict[str, dict[str, str]]:
    """First word -> second word -> the two-word form, for multi-word verbs."""
    out: dict[str, dict[str, str]] = {}
    for form in en.reporting_verbs():
        if " " in form:
            a, b = form.split(" ", 1)
            out.setdefault(a, {})[b] = form
    return out



@cache
def _verb_starts() -> frozenset[str]:
    """Tokens that can open a reporting verb (one word or several)."""
    return frozenset(en.reporting_verbs()) | frozenset(_multiword())


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
        w = doc.words[i]
        form, end = None, i + 1
        if w in multi and i + 1 < n and not doc.boundary_before(i + 1):
            second = multi[w].get(doc.words[i + 1])
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
    same: list[_Attr] = []  # the attributions found so far in the current sentence
    for attr in out:
        if same and same[-1].sent != attr.sent:
            same = []
        _find_speaker(doc, attr, same)
        same.append(attr)
    for k, attr in enumerate(out):
        # "Citing the attack, Will urged ...", "In describing Trump, Cuban said ...":
        # an opening participle clause has the subject of the clause it opens
        if attr.speaker is None and attr.verb.split()[0].lower().endswith("ing"):
            a, _ = doc.sent_tok[attr.sent]
            if attr.tok - a <= 2 and k + 1 < len(out) and out[k + 1].sent == attr.sent:
                attr.speaker, attr.appositive = out[k + 1].speaker, out[k + 1].appositive
    return [t for t in out if t.speaker is not None or t.info.lemma == "according to"]



def _past(form: str) -> bool:
    """A past tense or participle form ("noted", "said", "wrote")."""
    head = form.split()[0]
    kinds = en.known_forms(head)
    return head.endswith("ed") or "past" in kinds or "participle" in kinds


def _is_verb_use(doc: _Doc, i: int, end: int, form: str) -> bool:
    a, b = doc.sent_tok[doc.tok_sent[i]]
    if form == "according to":
        return True
    lemma = doc.verbs[form].lemma
    if doc.caps[i] and i > a and not doc.headline:
        return False  # part of a name: "United States", "Press Association"
    if doc.headline and _past(form) and lemma != "according to":
        nxt_word = doc.words[end] if end < b else ""
        if nxt_word != "that" and not (end < b and _MASK in doc.gap(end)):
            return False  # headlines drop "is": "Steele Criticized for Role in Dossier" is passive
    if i > a and ("'" in doc.gap(i) or "’" in doc.gap(i)) and not doc.boundary_before(i):
        return False  # after a possessive: "30 minutes' warning"
    prev = doc.words[i - 1] if i > a else ""
    if prev in en.NP_DETERMINERS and not doc.boundary_before(i):
        return False  # a noun: "the report", "his claims"
    if prev in ("united", "so"):
        return False
    if prev == "to" and i > a:
        before_to = doc.words[i - 2] if i - 1 > a else ""
        if before_to == "on" and i - 2 > a:
            before_to = doc.words[i - 3]  # "went on to say"
        if before_to not in en.CATENATIVE_FORMS:
            return False  # "failure to mention", "not to charge"
    nxt = doc.words[end] if end < b and _MASK not in doc.gap(end) else ""
    if nxt in en.FINITE_AUXILIARIES and not doc.boundary_before(end) and not _past(form):
        return False  # a noun before its verb: "labor disputes were common", "claims are"
    if form.endswith("ed") and nxt in ("of", "by") and lemma not in ("say", "tell"):
        return False  # "the judge accused of ...", "was criticised by"
    # Passive participles name no speaker: "was accused of", "is said to".
    j = i - 1
    while j >= a and (doc.words[j] in ("not", "also", "widely", "reportedly", "often") or doc.words[j].endswith("ly")):
        j -= 1
    if j >= a and doc.words[j] in ("was", "were", "is", "are", "been", "being", "be", "get", "got") and (
        form.endswith("ed") or form in ("said", "told", "written", "sworn", "read", "hit", "forecast")
    ):
        return False
    if form.split()[0].endswith("ing"):
        # a participle clause (", adding"), a progressive ("is saying") or
        # "before adding"; otherwise a noun ("sharp questioning")
        if i > a and _MASK in doc.gap(i):
            return True  # right after a quotation: 'was "a mistake," adding ...'
        if prev in en.VERB_GROUP_WORDS and lemma in ("add", "continue", "post", "call", "note", "state", "report", "charge", "attack", "mock", "read", "term", "label", "brand"):
            return False  # "the company is adding jobs"
        if not (
            i == a
            or doc.boundary_before(i)
            or prev in en.PARTICIPLE_OPENERS
            or prev in en.VERB_GROUP_WORDS
            or prev in en.CATENATIVE_FORMS
            or prev in en.DOCUMENT_NOUNS
            or _subject_end(doc, i - 1)
        ):
            return False
    elif lemma in en.NOUN_LIKE_VERBS and i > a and not doc.boundary_before(i) and not _past(form):
        # (a past form is no noun: "The star noted ...", "the secretary of state mocked ...")
        j = _skip_back(doc, i - 1, a)
        if j == i - 1 and not _subject_end(doc, j) and doc.words[j] not in en.RELATIVES:
            return False
    return True


_QUESTION_OPENERS = en.WH_WORDS | {"whether", "if", "about"}


def _find_questions(doc: _Doc) -> list[tuple[_Attr, bool]]:
    """Questions put by an unnamed asker: "Asked whether he would run, Cole said ...",
    "Cole was asked if the plan would pass". The asker is not in the text (the
    subject is the one asked), so the attribution has no speaker. Each with
    whether it opens its sentence (its question then ends at the first comma)."""
    out: list[tuple[_Attr, bool]] = []
    info = doc.verbs.get("asked")
    if info is None:
        return out
    for k, (w, _, _) in enumerate(doc.toks):
        if w != "asked":
            continue
        a, b = doc.sent_tok[doc.tok_sent[k]]
        j = k - 1
        while j >= a and doc.words[j] in ("also", "again", "later", "repeatedly", "often", "then", "not"):
            j -= 1
        opening = j < a or (j == a and doc.words[j] in ("when", "once", "after", "if"))
        passive = j >= a and doc.words[j] in ("was", "were", "is", "are", "been", "being", "be")
        if not (opening or passive):
            continue
        m = k + 1
        if m + 1 < b and doc.words[m] == "by" and not doc.boundary_before(m):
            m += 2  # "was asked by reporters whether ..."
            while m < b and doc.caps[m] and not doc.boundary_before(m):
                m += 1  # "was asked by CNN's Jake Tapper whether"
        if m >= b or doc.boundary_before(m) or doc.words[m] not in _QUESTION_OPENERS:
            continue
        out.append((_Attr(k, m, doc.text[doc.toks[k][1] : doc.toks[k][2]], info, doc.tok_sent[k]), opening))
    return out
