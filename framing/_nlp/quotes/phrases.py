"""Noun phrases around a reporting verb: where a speaker's phrase starts and ends."""

from __future__ import annotations

import re

from .. import english as en
from .doc import _MASK, _Doc


def _subject_end(doc: _Doc, j: int) -> bool:
    """Can token j end the subject of a verb (a name, pronoun, person or plural noun)?"""
    w = doc.words[j]
    if w in en.SPEAKER_PRONOUNS or doc.caps[j] or w in en.PERSON_NOUNS or w in en.BODY_NOUNS or w == "'s":
        return True
    if w[0].isdigit() or w in en.QUANTITY_SUBJECTS:
        return True  # "42% say", "nine in 10 said", "a majority said"
    if w in en.POLLED and j > 0 and (doc.words[j - 1] in ("those", "people") or _subject_end(doc, j - 1)):
        return True  # "those surveyed say", "voters polled said"
    return w.endswith("s") and not w.endswith(("ss", "us", "ous")) and w not in en.VERB_GROUP_WORDS and w not in en.CLAUSE_WORDS


def _skip_back(doc: _Doc, j: int, a: int) -> int:
    """Skip auxiliaries, adverbs and time words right before a verb."""
    while j >= a:
        w = doc.words[j]
        low = not doc.caps[j]
        if j + 1 < len(doc.toks) and doc.boundary_before(j + 1):
            break
        if w == "to":
            if j - 1 >= a and doc.words[j - 1] in en.CATENATIVE_FORMS:
                j -= 2
                continue
            if j - 2 >= a and doc.words[j - 1] == "on" and doc.words[j - 2] in en.CATENATIVE_FORMS:
                j -= 3  # "went on to call"
                continue
            break
        if (w in en.VERB_GROUP_WORDS and low) or (low and w.endswith("ly") and w not in en.LY_NOUNS) or w in en.QUOTE_TIME_WORDS:
            j -= 1
            continue
        if w in ("on", "last", "this", "late", "early") and j + 1 < len(doc.toks) and doc.words[j + 1] in en.QUOTE_TIME_WORDS:
            j -= 1
            continue
        break
    return j




def _chunk_back(doc: _Doc, j: int, a: int, limit: int = 9) -> int:
    """Start token of the noun phrase that ends at token j (inclusive)."""
    if doc.words[j] in en.SPEAKER_PRONOUNS:
        return j  # "strikes they allege": the pronoun is the subject
    k = j
    while k > a and j - k + 1 < limit and not doc.boundary_before(k):
        w = doc.words[k - 1]
        if w == "and" and doc.caps[k] and doc.caps[k - 2] if k - 2 >= a else False:
            k -= 1  # "Crump and Rogers", "the White House and Cohen"
            continue
        if w in en.CLAUSE_WORDS or w == "to" or w in en.AUXILIARIES:
            break
        if w in doc.verbs and not doc.caps[k - 1] and w not in en.DOCUMENT_NOUNS and not (
            k - 2 >= a and doc.words[k - 2] in en.NP_DETERMINERS
        ):
            break  # (but "the state party": a noun after a determiner)
        if w in en.ADJUNCT_PREPOSITIONS and w not in ("of", "for", "at", "from", "in") and not doc.caps[k - 1]:
            break
        k -= 1
    return k


def _trim_np(doc: _Doc, a: int, b: int, check_subject: bool = True) -> tuple[int, int] | None:
    """Drop leading prepositional, time and clause words; None if nothing is left."""
    while a < b and (doc.words[a] in en.CLAUSE_WORDS or doc.words[a] in en.QUOTE_TIME_WORDS or doc.words[a] in ("and", "but", "then", "so")):
        if doc.words[a] == "first" and doc.caps[a] and a + 1 < b and doc.caps[a + 1]:
            break  # "First Liberty, the group ...": part of a name
        a += 1
    while b > a + 1 and doc.words[b - 1] in en.VERB_GROUP_WORDS and not doc.caps[b - 1]:
        b -= 1  # "The Trump team had, until ..., never mentioned"
    if a < b and doc.words[a] in en.ADJUNCT_PREPOSITIONS:
        k = a + 1
        while k < b and (doc.words[k] in en.QUOTE_TIME_WORDS or doc.words[k][0].isdigit()):
            k += 1
        det = next((m for m in range(k, b) if doc.words[m] in ("the", "a", "an")), None)
        if k < b and (doc.caps[k] or doc.words[k] in en.NP_DETERMINERS):
            a = k
        elif det is not None:
            a = det
        else:
            return None
    if a >= b:
        return None
    words = [doc.words[k] for k in range(a, b)]
    if all(w in en.NP_DETERMINERS or w in en.CLAUSE_WORDS or w in en.QUOTE_TIME_WORDS or w in en.VERB_GROUP_WORDS for w in words):
        return None
    if b - a == 1 and words[0].endswith("ly") and words[0] not in en.LY_NOUNS and not doc.caps[a]:
        return None
    if check_subject and not any(_subject_end(doc, k) for k in range(a, b)):
        return None
    return a, b


_PARTY_CODE = re.compile(r"[RDI]-[A-Z][\w.]*$")


def _appositive_like(doc: _Doc, a: int, b: int) -> bool:
    w = doc.words[a]
    if b - a <= 2 and _PARTY_CODE.match(doc.text[doc.toks[a][1] : doc.toks[b - 1][2]]):
        return True  # "Jason Chaffetz, R-Utah, said"
    return (not doc.caps[a]) or w in ("the", "a", "an") or w[0].isdigit() or w in en.NP_DETERMINERS


def _role_like(doc: _Doc, a: int, b: int) -> bool:
    return any(doc.words[k] in en.PERSON_NOUNS or doc.words[k] in en.BODY_NOUNS for k in range(a, b)) or not doc.caps[a]


def _name_like(doc: _Doc, a: int, b: int) -> bool:
    return all(doc.caps[k] or doc.words[k] in ("'s", "of", "de", "van", "von", "al") for k in range(a, b))



def _clause_tail(doc: _Doc, a: int, b: int) -> tuple[int, int]:
    """The part of tokens a..b-1 after the last clause word ("when X" -> "X")."""
    k = b - 1
    while k > a:
        w = doc.words[k - 1]
        if w == "and" and doc.caps[k] and k - 2 >= a and doc.caps[k - 2]:
            k -= 1  # "state Senate leader Phil Berger and House Speaker Tim Moore"
            continue
        if (w in en.CLAUSE_WORDS or w in doc.verbs) and not (doc.caps[k - 1] and k - 1 > a):
            return k, b
        k -= 1
    return a, b


_AFTER_STOP = en.CLAUSE_WORDS | {
    "in", "on", "at", "during", "after", "before", "to", "with", "told", "according", "when",
    "while", "via", "from",
}
_ACCORDING_STOP = en.CLAUSE_WORDS | {"on", "in", "during", "after", "before", "when", "while"}


def _verb_after_noun(doc: _Doc, m: int) -> bool:
    """A finite verb at token m after a noun ("the numbers speak", "the plan failed")."""
    if doc.caps[m]:
        return False
    w, prev = doc.words[m], doc.words[m - 1]
    forms = en.known_forms(w)
    if "past" in forms and "participle" not in forms:
        return True
    return ("base" in forms or "s" in forms) and prev.endswith("s") and not prev.endswith(("ss", "'s")) and not doc.caps[m - 1]


def _finite_ahead(doc: _Doc, k: int, b: int) -> bool:
    """A finite auxiliary in the rest of the clause that goes on at token k."""
    if k >= b or doc.boundary_before(k):
        return False
    for m in range(k, min(b, k + 25)):
        if m > k and doc.boundary_before(m):
            return False
        if doc.words[m] in en.FINITE_AUXILIARIES and not doc.caps[m]:
            return True
    return False


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
        w = doc.words[k]
        if k > i and not doc.caps[k] and (
            w in stop
            or w in en.FINITE_AUXILIARIES
            or (w in doc.verbs and w not in en.DOCUMENT_NOUNS)
            or (w.endswith("ed") and w not in ("red",))
            or w in ("seen", "issued", "released", "published", "obtained", "sent", "made", "cited")
        ):
            break
        k += 1
    first = doc.words[i]
    if inverted:
        if first in en.SPEAKER_PRONOUNS and k - i > 1:
            return None
        if not (doc.caps[i] or first in ("the", "a", "an", "one", "two", "three") or first in en.SPEAKER_PRONOUNS or first in en.PERSON_NOUNS):
            return None
        # After the phrase: the end of the clause, not more words of a clause
        # ("said the chamber will vote", "said the group is ...").
        if k < b and not doc.boundary_before(k) and (doc.words[k] not in stop or doc.words[k] in en.FINITE_AUXILIARIES):
            return None
        if k + 1 < b and doc.words[k] == "to" and not doc.caps[k + 1] and "base" in en.known_forms(doc.words[k + 1]):
            return None  # "said campaign strategists plan to secure ...": a clause, not a speaker
        if not (i > 0 and _MASK in doc.gap(i - 1)) and _finite_ahead(doc, k, b):
            return None  # "X, a supporter, said Clinton's acceptance of donations ... was akin to extortion"
    if inverted and any(_verb_after_noun(doc, m) for m in range(i + 1, k)):
        return None  # "say the numbers speak for themselves": a clause, not a speaker
    if inverted and (k - i > 7 or any(doc.words[m].split("'")[0] in en.SPEAKER_PRONOUNS for m in range(i + 1, k))):
        return None
    after_quote = inverted and i > 0 and _MASK in doc.gap(i - 1)
    np_ = _trim_np(doc, i, k, check_subject=not according and not after_quote)
    return None if np_ is None else doc.span(*np_)
