"""Verb groups of one sentence: auxiliary chains, passives and their agents."""

from __future__ import annotations

from collections.abc import Sequence

from .. import english as en
from .bare import _BareVerbs
from .words import (
    _NAME,
    _NOMINAL,
    Parse,
    VerbGroup,
    _free_class,
    _readings,
    _title_case,
    _tokens,
    _word_class,
    harm_category,
)

# -- verb groups ---------------------------------------------------------------------


class _Builder(_BareVerbs):
    """Finds the verb groups of one sentence, left to right."""

    def __init__(
        self, text: str, headline: bool, tokens: Sequence[tuple[str, int, int]] | None = None
    ) -> None:
        words, spans, raws, brk = _tokens(text, tokens)
        self.text, self.w, self.spans, self.brk = text, words, spans, brk
        self.n = len(words)
        self.headline = headline
        self.question = text.rstrip(" \"'\u201d\u2019").endswith("?")
        title = _title_case(raws)
        # a capitalised word inside a sentence (not a headline in title case)
        # is a name, not a verb
        readings = [
            _NAME if i and not title and raw[:1].isupper() and b != "strong" else _readings(w)
            for i, (raw, w, b) in enumerate(zip(raws, words, brk, strict=True))
        ]
        self.kinds: list[dict[str, str]] = [{} if kinds is None else kinds for kinds, _ in readings]
        self.tags: list[str] = [tag for _, tag in readings]
        for i in [i for i, tag in enumerate(self.tags) if tag is None]:
            # a name, or a word whose class depends on its neighbours
            w = words[i]
            self.tags[i] = _word_class(words, i, self.kinds[i]) if w in ("'s", "her") else _free_class(w, False)
            if w in ("may", "march") and raws[i][:1].isupper() and self.kinds[i] == {}:
                self.tags[i] = "N"  # the month or a name ("in May", "Theresa May"), no modal
        self.groups: list[VerbGroup] = []
        self.used = [False] * self.n

    # small predicates ------------------------------------------------------------
    def joined(self, i: int) -> bool:
        """Token ``i`` exists and continues the clause of token ``i - 1``."""
        return 0 < i < self.n and self.brk[i] is None

    def word(self, i: int) -> str:
        return self.w[i] if 0 <= i < self.n else ""

    def is_adv(self, i: int) -> bool:
        return self.tags[i] in ("ADV", "NEG")

    def verb(self, i: int, *kinds: str) -> bool:
        return 0 <= i < self.n and self.tags[i] == "V" and any(k in self.kinds[i] for k in kinds)

    def nominal(self, i: int) -> bool:
        """Noun-like token not taken by a verb group."""
        if i < 0 or i >= self.n or self.used[i]:
            return False
        return self.tags[i] in _NOMINAL or self.tags[i] == "V"

    def adjective_like(self, i: int) -> bool:
        w = self.w[i]
        return self.tags[i] == "N" and (w.endswith(en.ADJECTIVE_SUFFIXES) or w in en.I_ADJECTIVES)

    def np_start(self, i: int) -> bool:
        """Token ``i`` continues the clause and can open an object noun phrase."""
        if not self.joined(i):
            return False
        w, tag = self.w[i], self.tags[i]
        if w in en.RESULTATIVES or self.time_phrase(i):
            return False
        if w in en.QUANTIFIERS:
            k = i
            while k < self.n and self.w[k] in en.QUANTIFIERS:
                k += 1
            if k < self.n and self.tags[k] == "NUM":
                return True
        if tag in ("DET", "NUM", "N", "POS"):
            return True
        if tag == "PRON":
            return w not in en.SUBJECT_PRONOUNS or w in en.OBJECT_PRONOUNS
        if tag == "V":
            kinds = self.kinds[i]
            if "participle" in kinds and self.joined(i + 1) and self.tags[i + 1] == "N":
                return True  # a participle before a noun: "classified material"
            return bool({"s", "base"} & set(kinds)) and "past" not in kinds
        return False

    def time_phrase(self, i: int) -> bool:
        """A time adverbial starts at ``i``: "Tuesday", "last month", "two days
        later", "months earlier" (after a verb, no object)."""
        w, nxt = self.w[i], self.word(i + 1) if self.joined(i + 1) else ""
        if w in en.TIME_WORDS:
            return True
        if w in en.TIME_LEADS:
            return nxt in en.TIME_UNITS or nxt in en.TIME_WORDS
        if self.tags[i] == "NUM" and nxt in en.TIME_UNITS:
            return self.joined(i + 2) and self.w[i + 2] in en.TIME_CLOSERS
        return w in en.TIME_UNITS and nxt in en.TIME_CLOSERS

    def finite_at(self, i: int) -> bool:
        """A finite verb is certain or likely at ``i``."""
        tag, w = self.tags[i], self.w[i]
        if tag in ("BE", "HAVE", "MODAL", "DO") and w not in ("be", "being", "been", "having"):
            return True
        if tag == "GET" and w in ("gets", "got"):
            return True
        if tag == "V" and i > 0:
            prev = self.tags[i - 1]
            if "past" in self.kinds[i] and prev not in ("DET", "POS", "PREP", "TO", "NUM"):
                return True
            if "s" in self.kinds[i] and prev in ("N", "PRON") and not self.w[i - 1].endswith("s"):
                return True
        return False

    def prev_index(self, i: int) -> int | None:
        """Previous token of the clause, skipping adverbs; None at a boundary."""
        p = i - 1
        while p >= 0 and self.joined(p + 1) and self.is_adv(p):
            p -= 1
        if p < 0 or not self.joined(p + 1):
            return None
        return p

    def lemma(self, i: int) -> str:
        for kind in ("participle", "past", "s", "ing", "base"):
            if kind in self.kinds[i]:
                return self.kinds[i][kind]
        return self.w[i]

    def add(self, g: VerbGroup) -> int:
        self.groups.append(g)
        for k in range(g.start, g.end):
            self.used[k] = True
        return g.end

    def active(self, start: int, head: int, kind: str) -> VerbGroup:
        lemma = self.lemma(head)
        voice = "copula" if lemma in en.COPULAS else "active"
        return VerbGroup(start, head + 1, head, voice, kind, lemma, harm=harm_category(lemma))

    # driver -------------------------------------------------------------------------
    def build(self) -> list[VerbGroup]:
        i = 0
        while i < self.n:
            tag = self.tags[i]
            if self.used[i]:
                j = i + 1
            elif tag in ("BE", "GET", "HAVE", "MODAL", "DO"):
                j = self.aux_group(i)
            elif tag == "V":
                j = self.main_verb(i)
            else:
                j = i + 1
            i = max(j, i + 1)
        self.groups.sort(key=lambda g: g.start)
        self.mark_harm()
        return self.groups

    # auxiliary chains ----------------------------------------------------------------
    def aux_group(self, i: int) -> int:
        j, auxes, advs = i, [], 0
        while j < self.n and (j == i or self.joined(j)):
            tag = self.tags[j]
            if tag in ("BE", "GET", "HAVE", "MODAL", "DO") and not (
                tag == "GET" and auxes and self.tags[auxes[-1]] == "GET"
            ):
                auxes.append(j)
            elif self.is_adv(j) and advs < 3:
                advs += 1
            else:
                break
            j += 1
        while j - 1 > auxes[-1] and self.is_adv(j - 1) and not self.joined(j):
            j -= 1
        last = auxes[-1]
        first = self.w[auxes[0]]
        nonfinite = first in ("be", "being", "been", "get", "getting", "gotten", "having") or (
            self.word(i - 1) == "to"
        )
        kind = "nonfinite" if nonfinite else "finite"
        tag = self.tags[last]
        if not self.joined(j):
            if tag == "BE" and self.question_inversion(i, last, kind):
                return last + 1
            return self.bare_aux(i, last, kind)
        if tag in ("BE", "GET"):
            if self.verb(j, "participle") and self.passive_ok(j):
                role_noun = (  # "if she's elected president": a noun without a determiner
                    self.w[j] in ("elected", "named", "appointed", "crowned", "sworn")
                    and self.joined(j + 1)
                    and self.tags[j + 1] == "N"
                )
                if self.w[last] == "'s" and not role_noun and (
                    self.np_start(j + 1) or (self.word(j + 1) == "to" and self.verb(j + 2, "base"))
                ):
                    return self.add(self.active(i, j, kind))  # "she's begun to ..." (has)
                return self.passive(i, j, kind)
            if self.verb(j, "ing"):
                return self.add(self.active(i, j, kind))
            if tag == "BE" and self.question_inversion(i, last, kind):
                return last + 1
            return self.bare_aux(i, last, kind)
        if tag == "HAVE" and self.verb(j, "participle"):
            return self.add(self.active(i, j, kind))
        if (
            tag == "HAVE"
            and self.w[j] in ("himself", "herself", "itself", "themselves")
            and self.verb(j + 1, "participle")
            and self.joined(j + 1)
        ):
            return self.add(self.active(i, j + 1, kind))  # "before Obama had himself announced"
        if tag == "HAVE" and self.tags[j] == "PREP":
            v = self.participle_after_phrase(j)
            if v is not None:
                return self.add(self.active(i, v, kind))  # "has for years advocated"
        if tag in ("MODAL", "DO") and self.verb(j, "base"):
            return self.add(self.active(i, j, kind))
        return self.bare_aux(i, last, kind)

    def participle_after_phrase(self, j: int) -> int | None:
        """A participle right after the short phrase of time that starts at
        ``j`` ("has for years advocated", "had by then left", "has on several
        occasions said"); not "has in custody men detained"."""
        k = j + 1
        while self.joined(k) and k - j <= 3 and self.tags[k] in ("DET", "NUM", "N", "ADV", "POS"):
            k += 1
        if k == j + 1 or not self.joined(k) or self.tags[k] != "V":
            return None
        last = self.w[k - 1]
        if not (
            self.tags[k - 1] == "NUM"
            or last in en.BY_TIME
            or last in en.TIME_UNITS
            or last in ("past", "occasions", "occasion", "times", "then")
        ):
            return None
        kinds = self.kinds[k]
        return k if "participle" in kinds and "ing" not in kinds and "s" not in kinds else None

    def bare_aux(self, i: int, last: int, kind: str) -> int:
        tag = self.tags[last]
        if tag == "BE":
            return self.add(VerbGroup(i, last + 1, last, "copula", kind, "be"))
        lemma = {"HAVE": "have", "GET": "get", "DO": "do"}.get(tag, self.w[last])
        return self.add(VerbGroup(i, last + 1, last, "active", kind, lemma))

    def passive_ok(self, j: int) -> bool:
        """Is the participle at ``j`` verbal (a passive) after be/get?"""
        w = self.w[j]
        nxt = self.word(j + 1) if self.joined(j + 1) else ""
        if w in en.INTRANSITIVE_PARTICIPLES:
            return False
        if w == "used" and nxt == "to":
            # "was used to smuggle" (passive) / "is used to the noise" (adjectival)
            if not self.joined(j + 2):
                return False
            unknown = (
                self.tags[j + 2] == "N"
                and not self.kinds[j + 2]
                and self.w[j + 2] not in en.PRONOUNS
            )
            return (self.verb(j + 2, "base") or unknown) and not self.verb(j + 2, "ing")
        if w in en.ADJECTIVAL_BEFORE_TO and nxt == "to":
            return False
        if nxt == "by" and self.by_agent(j + 1) is not None:
            return True
        if (
            nxt in ("and", "or")
            and self.verb(j + 2, "participle")
            and self.word(j + 3) == "by"
            and self.joined(j + 3)
            and self.by_agent(j + 3) is not None
        ):
            return True  # "are shocked and surprised by what he did"
        if w in en.ADJECTIVAL_PARTICIPLES:
            return False
        if w.startswith("un") and w.endswith("ed") and w not in en.UN_VERBS:
            return False
        return self.word(j - 1) not in en.DEGREE_ADVERBS

    def passive(self, start: int, j: int, kind: str, subject=None) -> int:
        parts = [j]
        end = self.coordinated_participles(j, parts)
        m = self.later_coordinate(end)
        if m is not None:
            parts.append(m)
            end = m + 1
        lemma = self.lemma(j)
        if len(parts) == 1 and self.evidential(start, j):
            return self.add(VerbGroup(start, j + 1, j, "evidential", kind, lemma, (j,), subject=subject))
        return self.add(
            VerbGroup(
                start,
                end,
                j,
                "passive",
                kind,
                lemma,
                tuple(parts),
                self.find_agent(end),
                harm=harm_category(lemma),
                subject=subject,
            )
        )

    def evidential(self, start: int, j: int) -> bool:
        """The participle at ``j`` is an evidential or hedging passive: "is said
        to control", "was reported to have fled", "it is believed that", "are
        feared dead" (``start``: the first token of the verb group)."""
        if self.lemma(j) not in en.EVIDENTIAL_VERBS or not self.joined(j + 1):
            return False
        nxt = self.w[j + 1]
        if nxt == "to":
            k = j + 2
            while self.joined(k) and self.is_adv(k):
                k += 1
            if not self.joined(k):
                return False
            unknown = self.tags[k] == "N" and not self.kinds[k] and self.w[k] not in en.PRONOUNS
            return self.verb(k, "base") or self.w[k] in ("be", "have", "get") or unknown
        if nxt == "that":
            return self.word(start - 1) == "it" or self.word(start) in ("it's", "it")
        return nxt in en.EVIDENTIAL_STATES

    def quote_before(self, k: int) -> bool:
        """A quotation mark stands between tokens ``k - 1`` and ``k``."""
        gap = self.text[self.spans[k - 1][1] : self.spans[k][0]]
        return any(q in gap for q in "\"\u201c\u201d'\u2018\u2019")

    def coordinated_participles(self, j: int, parts: list[int]) -> int:
        """Extend ``parts`` with participles joined by "and"/"or" or commas:
        "were killed and wounded", "was shelled, bombed and set on fire"."""
        k = j + 1
        while k < self.n:
            if (
                self.brk[k] == "comma"
                and self.verb(k, "participle")
                and self.passive_ok(k)
                and not self.quote_before(k)  # '"... it is squeezed," said Brenner'
                and not (self.lemma(k) in en.REPORTING_VERBS and self.np_start(k + 1))
            ):  # "were killed, raped and abducted, said the report": inverted reporting
                parts.append(k)
                k += 1
                continue
            if self.joined(k) and self.w[k] in ("and", "or") and k + 1 < self.n:
                m = k + 1
                while self.joined(m) and self.is_adv(m):
                    m += 1
                lemma = self.lemma(m) if m < self.n else ""
                if (
                    self.joined(m)
                    and self.verb(m, "participle")
                    and self.passive_ok(m)
                    and (not self.np_start(m + 1) or lemma in en.DITRANSITIVE_VERBS)
                ):
                    parts.append(m)
                    k = m + 1
                    continue
            break
        return parts[-1] + 1

    def later_coordinate(self, k: int) -> int | None:
        """A participle coordinated after a short phrase: "closed on Sunday and
        reopened on Monday"."""
        for m in range(k, min(self.n, k + 6)):
            if m > k and not self.joined(m):
                return None
            if self.w[m] in ("and", "but"):
                c = m + 1
                while self.joined(c) and self.is_adv(c):
                    c += 1
                ok = (
                    self.joined(c)
                    and self.verb(c, "participle")
                    and "s" not in self.kinds[c]
                    and self.w[c].endswith("ed")
                    and not self.np_start(c + 1)
                )
                return c if ok else None
            if self.tags[m] in ("V", "BE", "HAVE", "MODAL", "DO", "SUB", "REL", "CONJ"):
                return None
        return None

    def question_inversion(self, i: int, be: int, kind: str) -> bool:
        """Questions: "Was the hospital hit?", "Why were civilians targeted?"."""
        if not self.question or (self.joined(i) and self.tags[i - 1] not in ("WH", "REL")):
            return False
        k = be + 1
        while self.joined(k) and k - be <= 6:
            if k > be + 1 and self.verb(k, "participle") and self.passive_ok(k):
                if self.tags[k - 1] in ("DET", "POS"):
                    return False
                self.passive(i, k, kind, subject=(be + 1, k))
                return True
            if self.tags[k] not in ("DET", "N", "NUM", "PRON", "POS", "ADV"):
                return False
            k += 1
        return False

    # agents ------------------------------------------------------------------------------
    def find_agent(self, k: int) -> tuple[int, int] | None:
        """The agent of a by-phrase that follows a passive ending at ``k``."""
        for _ in range(10):
            if not self.joined(k):
                return None
            tag = self.tags[k]
            if self.w[k] == "by":
                span = self.by_agent(k)
                if span is not None:
                    return span
            elif (
                tag in ("BE", "HAVE", "MODAL", "DO", "SUB", "REL", "WH")
                or self.verb(k, "past", "ing")
                or (self.verb(k, "participle") and self.tags[k - 1] in ("N", "PRON"))
            ):
                return None
            k += 1
        return None

    def by_agent(self, by: int) -> tuple[int, int] | None:
        """The noun phrase after "by" if it names an agent (not a time, means,
        place or amount)."""
        k = by + 1
        if self.joined(k) and self.w[k] in ("what", "whatever", "whoever") and self.joined(k + 1):
            return (k, k + 1)  # "shocked by what he saw": a free relative names the cause
        m = k
        while self.joined(m) and self.w[m] in en.QUANTIFIERS:
            m += 1
        if not self.joined(m) or self.verb(m, "ing") and self.tags[m - 1] != "DET":
            return None
        if self.tags[m] == "NUM":
            while self.joined(m) and self.tags[m] == "NUM":
                m += 1
            head = self.word(m) if self.joined(m) else ""
            if not head or head in en.BY_AMOUNT or head in en.BY_TIME or self.tags[m] != "N":
                return None
        content = m
        while self.joined(content) and (
            self.tags[content] in ("DET", "POS") or self.w[content] in en.POSSESSIVES
        ):
            content += 1
        if not self.joined(content):
            return None
        cw = self.w[content]
        if cw in en.BY_TIME or cw in en.BY_PLACE or (cw in en.BY_MEANS and content == k):
            return None
        end = k
        while end < self.n and (end == k or self.joined(end)):
            tag = self.tags[end]
            after_det = self.tags[end - 1] in ("DET", "POS")
            nominal_verb = (
                tag == "V"
                and not self.used[end]
                and ("ing" not in self.kinds[end] or after_det)  # "by the fighting"
                and ("past" not in self.kinds[end] or after_det)
            )
            if (
                tag in ("DET", "N", "NUM", "POS")
                or nominal_verb
                or self.w[end] in en.POSSESSIVES
                or (tag == "PRON" and end == k)
                or (tag == "ADV" and end == k)
                or self.w[end] in en.QUANTIFIERS
            ):
                end += 1
            elif self.w[end] == "of" and self.joined(end + 1):
                end += 1
            else:
                break
        while end > k and self.w[end - 1] in ("of", "'s"):
            end -= 1
        if self.w[end - 1] in en.BY_AMOUNT or end <= k:
            return None
        return (k, end)


# -- public helpers ------------------------------------------------------------------------


def parse(
    text: str, *, headline: bool = False, tokens: Sequence[tuple[str, int, int]] | None = None
) -> Parse:
    """Tokens and verb groups of one sentence.

    Parameters
    ----------
    text : str
        One sentence (or headline).
    headline : bool, default=False
        Read the text as a headline: a bare participle after a noun phrase
        is a passive with an elided auxiliary ("12 killed in strike").
    tokens : list of (token, start, end), optional
        ``token_spans(text)`` when already known (the corpus token cache).

    Examples
    --------
    >>> p = parse("Three civilians were killed by Israeli forces.")
    >>> [(g.voice, g.lemma, p.group_text(g)) for g in p.groups]
    [('passive', 'kill', 'were killed')]
    >>> g = p.groups[0]
    >>> p.words[g.agent[0]:g.agent[1]]
    ['israeli', 'forces']
    """
    b = _Builder(text, headline, tokens)
    groups = b.build()
    return Parse(text, b.w, b.spans, b.tags, b.brk, headline, groups)


def passive_spans(text: str, *, headline: bool = False, reduced: bool = True) -> list[VerbGroup]:
    """The passive verb groups of one sentence.

    Full passives (with *be*/*get*, or headline passives) come with ``kind``
    "finite", "nonfinite" or "headline"; reduced relatives and participle
    clauses with ``kind="reduced"`` (left out with ``reduced=False``).
    ``agent`` is the token span of the by-agent, or None.

    Examples
    --------
    >>> [(g.lemma, g.agentless) for g in passive_spans("The hospital was reportedly not targeted.")]
    [('target', True)]
    >>> [(g.kind, g.lemma) for g in passive_spans("12 killed in strike on Rafah camp", headline=True)]
    [('headline', 'kill')]
    >>> passive_spans("The children were tired and hungry.")
    []
    """
    groups = parse(text, headline=headline).groups
    return [g for g in groups if g.voice == "passive" and (reduced or g.kind != "reduced")]
