"""What indirect speech reports: the clause after (or before) a reporting verb."""

from __future__ import annotations

import bisect

from .. import english as en
from .doc import _MASK, _Attr, _Doc, _strip_span


def _complement(doc: _Doc, attr: _Attr, through_quotes: bool = False) -> tuple[int, int] | None:
    """Character span of the reported clause of a reporting verb.

    ``through_quotes``: the clause may run over quoted words ('said Duterte's
    comments showed "a lack of respect" for the country'); otherwise it ends
    where a quotation starts.
    """
    a, b = doc.sent_tok[attr.sent]
    lemma = attr.info.lemma
    if attr.speaker is None:
        return None
    if lemma == "call" and not attr.inverted:
        return _calling_content(doc, attr.tok_end, b)
    if lemma in en.NAMING_VERBS and lemma not in en.TOPIC_VERBS:
        return None  # (a naming verb reports only with a quote: 'called the plan "reckless"')
    i = attr.tok_end
    # Sentence-final or parenthetical attribution: "..., police said." /
    # "..., he said, and ..."
    sp_tok = bisect.bisect_left(doc.tok_starts, attr.speaker[0])
    first = min(sp_tok, attr.tok)
    after = max(i, bisect.bisect_left(doc.tok_starts, attr.speaker[1])) if attr.inverted else i
    if attr.inverted and attr.appositive is not None and attr.appositive[0] >= attr.speaker[1]:
        after = max(after, bisect.bisect_left(doc.tok_starts, attr.appositive[1]))
    if lemma in en.ADDRESSEE_VERBS and not attr.inverted:
        after = _skip_addressee(doc, after, b, final=True)  # ", an official told The New York Times."
    rest = _skip_adjuncts(doc, after, b)
    at_end = rest >= b or doc.boundary_before(rest) and "," in doc.gap(rest)
    participle = attr.verb.split()[0].lower().endswith("ing")
    as_clause = first > a and doc.words[first - 1] == "as" and at_end and not participle
    if as_clause:
        first -= 1  # "..., as David Dayen noted in The Intercept."
    comma = "," in doc.gap(first) or (_MASK in doc.gap(first) and doc.text[doc.toks[first][1] - 3 : doc.toks[first][1]].strip(" ")[-1:] in "”\"'’")
    if first > a and comma and at_end and lemma not in en.OBJECT_SPEECH_VERBS and not participle:
        s = doc.sents[attr.sent][1]
        lo = a
        while lo < first and doc.masked[doc.toks[lo][1]] == _MASK:
            lo += 1
        e = doc.toks[first - 1][2]
        if (
            rest < b
            and not as_clause
            and doc.words[rest] not in doc.verbs
            and not doc.words[rest].endswith("ing")
            and doc.words[rest] not in ("according", "who", "which")
        ):
            # "Even then, he said, he's learned enough ...": the attribution
            # interrupts the clause it reports, which goes on after it
            e = doc.toks[_clause_end(doc, rest, b, through_quotes=through_quotes) - 1][2]
        if first - lo >= 2 or (first - lo >= 1 and rest < b):
            return _strip_span(doc, doc.toks[lo][1] if lo < first else s, e)
        return None
    if attr.inverted:
        return None
    k = i
    if lemma in en.ADDRESSEE_VERBS:
        k = _skip_addressee(doc, k, b)
    at_object = k + 1 < b and _AT_VERBS.get(lemma) == doc.words[k] and not doc.boundary_before(k + 1)
    if at_object:
        k += 1  # "lashed out at the governor", "railed against the ruling": the target is the object
    else:
        k = _skip_adjuncts(doc, k, b)
    if k >= b:
        return None
    w = doc.words[k]
    gap = doc.gap(k)
    if gap.strip() == ":" and k > i - 1:
        # 'Former employees said: Many days she would stay ...' -- a colon
        # before an unquoted clause introduces indirect speech
        end = _clause_end(doc, k, b, through_quotes=through_quotes)
        return _strip_span(doc, doc.toks[k][1], doc.toks[end - 1][2]) if end - k >= 3 else None
    if w == "that" and k + 1 < b and not doc.boundary_before(k + 1):
        end = _clause_end(doc, k + 1, b, through_quotes=through_quotes)
        if end - (k + 1) >= 2:
            k += 1
        return _strip_span(doc, doc.toks[k][1], doc.toks[end - 1][2])
    asking = lemma == "ask" or lemma in ("question", "wonder", "inquire", "enquire", "query")
    if asking:
        while k < b and doc.words[k] not in (
            "whether", "if", "why", "how", "what", "when", "who", "where", "which", "about", "to", "for"
        ):
            k += 1
        if k >= b:
            return None
        w = doc.words[k]
    elif at_object or lemma in en.OBJECT_SPEECH_VERBS or lemma in en.TOPIC_VERBS or lemma == "say":
        pass  # the object is what was said: "denied the allegation", "described the plan", "said so"
    elif lemma in en.PROMISE_VERBS and w == "to":
        pass  # "vowed to fight on"
    elif not _clause_follows(doc, k, b):
        # "declared a national emergency", "announced his resignation",
        # "reported the attack": an act or an event, not reported speech
        return None
    if w in en.CLAUSE_WORDS and w not in ("that", "what", "how", "why", "whether", "if", "when", "who", "where", "which") and not (
        lemma == "say" and w == "so"
    ):
        return None  # "responded to the remarks, although ..."
    at_least = w == "at" and k + 1 < b and doc.words[k + 1] in ("least", "most")
    if not asking and (
        (w in ("at", "in", "on", "with", "from", "into", "by", "as", "of", "about") and not at_least)
        or (w == "to" and lemma not in en.PROMISE_VERBS)
    ):
        return None  # "snapped at him", "swore at them"
    if doc.boundary_before(k) and gap.strip(" ,") and not gap.strip().startswith("("):
        return None
    object_ = at_object or lemma in en.OBJECT_SPEECH_VERBS or lemma in en.TOPIC_VERBS and not (
        w in en.WH_WORDS or _clause_follows(doc, k, b)
    )  # ("noted it was surprising because ...", "noted what the panel found" report a clause)
    end = _clause_end(doc, k, b, object_=object_, through_quotes=through_quotes)
    if end - k < 2 and not at_object and not (lemma == "say" and (doc.words[k] in ("so", "no", "yes") or doc.caps[k] and end >= b)):
        return None  # (but "said so", "he said Ryan.")
    return _strip_span(doc, doc.toks[k][1], doc.toks[end - 1][2])


#: Words that cannot stand in the object of "called X a Y".
_NOT_IN_OBJECT = en.PREPOSITIONS | en.CLAUSE_WORDS | {"a", "an", "to", "and", "or", "back", "up", "off", "out"}
#: Heads after "a" that make a time or a measure, not a name: "called him a day later".
_NOT_A_NAME = en.TIME_WORDS | frozenset("day days week weeks month months year years few couple minute hour second time number lot".split())


#: Verbs of attack whose target follows "at" or "against".
_AT_VERBS = {"lash out": "at", "hit out": "at", "rail": "against"}


def _calling_content(doc: _Doc, k: int, b: int) -> tuple[int, int] | None:
    """'called the plan a betrayal': the object and what it was called.

    Only an object of one to five words followed by "a"/"an" and a noun is
    read (unquoted names are otherwise ambiguous: "called a press
    conference", "called him to ask").
    """
    j = k
    while j < b and j - k <= 5 and doc.words[j] not in ("a", "an"):
        if doc.words[j] in _NOT_IN_OBJECT or (j > k and doc.boundary_before(j)):
            return None
        j += 1
    if j == k or j >= b - 1 or doc.words[j] not in ("a", "an") or doc.boundary_before(j):
        return None
    if doc.words[j + 1] in _NOT_A_NAME or doc.boundary_before(j + 1):
        return None
    end = _clause_end(doc, j, b, object_=True)
    comma = next((e for e in range(j + 2, end) if "," in doc.gap(e)), end)
    end = comma  # "calling Mayor Rudd a coward, left the stage"
    if end - j < 2:
        return None
    return _strip_span(doc, doc.toks[k][1], doc.toks[end - 1][2])


def _clause_follows(doc: _Doc, k: int, b: int) -> bool:
    """Does a finite clause start at token k ("the talks had failed", "he would
    run"), rather than a noun phrase ("a national emergency", "his resignation")?"""
    w = doc.words[k]
    if w in en.CLAUSE_SUBJECTS:
        return True
    for m in range(k + 1, min(b, k + 12)):
        if doc.boundary_before(m) and "," not in doc.gap(m):
            return False
        v = doc.words[m]
        if v == "to" and m + 1 < b and ("base" in en.known_forms(doc.words[m + 1]) and not doc.caps[m + 1]):
            return False  # "plans to expand": a noun phrase with an infinitive
        if v in en.ADJUNCT_PREPOSITIONS and v not in ("of", "for", "in", "at", "from", "with", "to", "on", "about"):
            return False
        if doc.caps[m]:
            continue
        if v in en.FINITE_AUXILIARIES:
            return True
        prev = doc.words[m - 1]
        if (
            "base" in en.known_forms(v)
            and prev.endswith("s")
            and not prev.endswith(("ss", "'s"))
            and m + 1 < b
            and (doc.words[m + 1] in ("to", "that") or doc.words[m + 1] in en.NP_DETERMINERS)
        ):
            return True  # "said campaign strategists plan to ..."
        forms = en.known_forms(v)
        if "past" in forms and (doc.caps[m - 1] or doc.words[m - 1] not in en.NP_DETERMINERS):
            return True
        if "s" in forms and "base" not in forms and doc.caps[m - 1] and not v.endswith("'s"):
            return True  # "the poll shows Trump leads"
    return False


def _skip_addressee(doc: _Doc, k: int, b: int, final: bool = False) -> int:
    """Skip the person told: "reporters", "the BBC", "Boehner", "The Huffington Post".

    ``final``: after a closing attribution, the whole noun phrase up to the
    end of the clause (", an official told The Wall Street Journal.").
    """
    if k >= b or doc.words[k] in ("that", "whether", "if", "how", "why", "what"):
        return k
    if final:
        # ", an official told The New York Times." -- a short noun phrase, then the end
        m = k
        while m < b and m - k < 7 and (m == k or not doc.boundary_before(m)):
            if doc.words[m] in en.CLAUSE_SUBJECTS or doc.words[m] in en.FINITE_AUXILIARIES or doc.words[m] == "that":
                return k
            m += 1
        return m if m >= b or doc.boundary_before(m) else k
    for m in range(k + 1, min(b, k + 15)):
        # "told a crowded banquet hall at a hotel in Baltimore that ..."
        if doc.boundary_before(m):
            break
        if doc.words[m] in ("that", "how", "why", "what", "whether"):
            return m
        if doc.words[m] in en.CLAUSE_WORDS:
            break
    start = k
    while k < b and doc.words[k] in ("the", "a", "an") and k - start < 2:
        k += 1
    if k < b and (doc.words[k] in en.ADDRESSEE_NOUNS or doc.words[k] in ("him", "her", "them", "us", "me")):
        return k + 1
    e = k
    while e < b and doc.caps[e] and (e == k or not doc.boundary_before(e)) and e - k < 5:
        e += 1
    if e < b and doc.words[e] == "'s":
        e += 1
        while e < b and not doc.caps[e] and doc.words[e] in en.ADDRESSEE_NOUNS:
            e += 1
    return e if e > k else start




def _skip_adjuncts(doc: _Doc, k: int, b: int) -> int:
    """Skip "on Monday", "in a statement", "to reporters", "Thursday" after a verb."""
    while k < b:
        w = doc.words[k]
        if w in en.QUOTE_TIME_WORDS and not doc.caps[k] or w in ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday"):
            k += 1
            continue
        if w in ("also", "again", "repeatedly", "publicly", "privately", "later", "earlier"):
            k += 1
            continue
        if w in ("in", "on", "at", "during", "to", "through", "via", "over", "after") and k + 1 < b:
            m = k + 1
            while m < b and m - k < 13 and not doc.boundary_before(m) and doc.words[m] not in en.CLAUSE_SUBJECTS and doc.words[m] != "that":
                m += 1
            nxt = doc.words[k + 1]
            if (
                nxt in ("a", "an", "the", "his", "her", "their", "its")
                or doc.caps[k + 1]
                or nxt in en.QUOTE_TIME_WORDS
                or nxt in en.ADDRESSEE_NOUNS
                or nxt[0].isdigit()
            ):
                if m >= b or doc.words[m] == "that" or doc.words[m] in en.SPEAKER_PRONOUNS or doc.boundary_before(m):
                    k = m
                    continue
            elif m - k <= 3 and m < b and doc.words[m] in en.CLAUSE_SUBJECTS and not doc.boundary_before(m):
                k = m  # "said in politics it takes time"
                continue
        if k > 0 and k < b and ("--" in doc.gap(k) or " — " in doc.gap(k) or " – " in doc.gap(k)):
            closing = _closing_dash(doc, k, b)
            if closing is not None and closing < b:
                k = closing  # "said — on Twitter, as it happens — that ..."
                continue
        break
    return k


def _clause_end(doc: _Doc, k: int, b: int, object_: bool = False, through_quotes: bool = False) -> int:
    """End token (exclusive) of a reported clause starting at k."""
    e = k
    while e < b:
        if e > k:
            g = doc.gap(e)
            if "--" in g or " — " in g or " – " in g:
                closing = _closing_dash(doc, e, b)
                if closing is None:
                    break
                e = closing  # "communities of color -- mainly African-Americans -- and the police"
                continue
            if ";" in g or (_MASK in g and not through_quotes):
                break
            if "," in g and doc.words[e] in ("but", "while", "whereas", "according"):
                if not (doc.words[e] == "but" and e + 1 < b and not _finite(doc, e + 1, verb_only=True)):
                    break  # (", but that he would not ...", ", but a judge refused ..." go on reporting)
            if object_ and "," in g and doc.words[e] in ("saying", "adding", "which", "calling"):
                break
            if doc.words[e] in ("and", "but") and e + 1 < b and _finite(doc, e + 1, verb_only=True):
                nxt = doc.words[e + 1]
                if object_ or nxt in doc.verbs or nxt in ("did", "didn't", "declined", "refused"):
                    break  # "attacked Cruz and said ...", "would offer a prayer but did not say ..."
            if object_ and doc.words[e] in en.OBJECT_STOPS and not doc.caps[e]:
                break
        e += 1
    return e




def _closing_dash(doc: _Doc, e: int, b: int) -> int | None:
    """The token after the dash that closes the aside opened before token e, if any."""
    for m in range(e + 1, min(b, e + 16)):
        g = doc.gap(m)
        if "--" in g or " — " in g or " – " in g:
            return m
        if ";" in g:
            return None
    return None


def _finite(doc: _Doc, k: int, verb_only: bool = False) -> bool:
    """A finite verb (or, unless ``verb_only``, a subject pronoun) at token k: a new
    clause or verb phrase after "and"."""
    w = doc.words[k]
    if doc.caps[k]:
        return False
    if (w in en.CLAUSE_SUBJECTS and not verb_only) or w in en.FINITE_AUXILIARIES:
        return True
    forms = en.known_forms(w)
    return "past" in forms or ("s" in forms and "base" not in forms)


def _according_content(doc: _Doc, attr: _Attr) -> tuple[int, int] | None:
    if attr.speaker is None:
        return None
    _, s, e = doc.sents[attr.sent]
    a, b = doc.sent_tok[attr.sent]
    vstart = doc.toks[attr.tok][1]
    sp_end_tok = bisect.bisect_left(doc.tok_starts, attr.speaker[1])
    lead = [k for k in range(a, attr.tok)]
    if not lead or (len(lead) <= 3 and all(doc.words[k] in ("but", "and", "yet", "so", "also") for k in lead)):
        # "According to X, ..."
        if sp_end_tok >= b:
            return None
        return _strip_span(doc, doc.toks[sp_end_tok][1], e)
    if sp_end_tok >= b:
        return _strip_span(doc, s, vstart)
    return _strip_span(doc, s, e)


def _question_content(doc: _Doc, attr: _Attr, opening: bool) -> tuple[int, int] | None:
    """The question of "Asked whether he would run, ..." / "was asked if ...": from the
    question word (after "about", its object) to the end of the clause; an opening
    question ends at the first comma, where the clause it opens begins."""
    _, b = doc.sent_tok[attr.sent]
    k = attr.tok_end
    if doc.words[k] == "about":
        k += 1
        if k < b and doc.words[k] in ("it", "them", "him", "us", "me"):
            return None  # "asked about it": the question is elsewhere
    if k >= b or _MASK in doc.gap(k):
        return None
    a = doc.sent_tok[attr.sent][0]
    while a < attr.tok and doc.words[a] in ("but", "and", "yet", "so"):
        a += 1
    if doc.words[a] in ("when", "once", "after", "if") and all("," not in doc.gap(m) for m in range(a + 1, attr.tok + 1)):
        opening = True  # "But when voters were asked who ..., Cole led": a clause that opens the sentence
    if opening:
        end = k + 1
        while end < b and not (doc.boundary_before(end) and "," in doc.gap(end)) and _MASK not in doc.gap(end):
            end += 1
        if end >= b:
            return None  # no clause follows: not an opening question
    else:
        end = _clause_end(doc, k, b)
    if end - k < 2 and not doc.caps[k]:
        return None
    return _strip_span(doc, doc.toks[k][1], doc.toks[end - 1][2])
