"""Clause rules for English news sentences: verb groups, passive voice, roles.

framing works offline and ships no statistical tagger or parser, so who does
what to whom is read with hand-written rules over the shared tokenizer and the
word lists of :mod:`framing._nlp.english`. The rules are shallow on purpose: they
look at a few tokens on either side and at the punctuation between them.

The unit is the **verb group**: auxiliaries, adverbs and the main verb
("could not be targeted", "have been killed", "killed"). Each group has a
voice:

* ``passive``: a form of *be* or *get*, optional adverbs or negation, then a
  past participle ("were reportedly not killed", "got hit", "were being
  evacuated", "could be targeted"); coordinated participles share it ("were
  killed and wounded"); in questions the subject may come between ("Was the
  hospital hit?"). In headlines the auxiliary is often left out ("12 killed
  in strike"): ``kind="headline"``. In running text, a participle without an
  auxiliary ("civilians killed in the strike were buried", "the attack,
  condemned by ...") is a reduced relative or participle clause:
  ``kind="reduced"``, reported apart and with less confidence;
* ``copula``: *be* (or seem, appear, become, remain) without a participle;
* ``active``: everything else, finite ("killed", "has killed", "will strike")
  or not ("to strike", "killing").

A passive names its agent when a "by" phrase follows the participle in the
same clause, unless the phrase is one of time ("by Friday", "by the end of
the week"), means or manner ("by truck", "by far") or amount ("by 20
percent"). Participles that describe a state ("was tired", "is located",
"are very worried", "were married") are not passives, unless a by-phrase
names who caused the state ("was shocked by the killings").

Intransitive harm is death or injury told without anyone doing it: "died",
"perished", "succumbed to", "drowned", "starved to death", "lost their lives",
"sustained injuries", "were found dead", "are dead" (headline "12 dead").

Known failure modes (measured in ``docs/validation.md``): noun/verb
ambiguity of words such as "strikes" or "attacks" is settled by the
neighbouring words and can be wrong; a bare past form followed by a
preposition ("Troops advanced into the city") is read as active unless the
clause has another main verb, so some reduced relatives are missed; gapped
coordination ("35 were killed and 129 wounded") is missed; relative clauses
and appositions are followed across at most two commas; long-distance
dependencies are not.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache

from . import english as en
from .text import token_spans

__all__ = [
    "ROLES",
    "Parse",
    "VerbGroup",
    "harm_category",
    "mention_roles",
    "parse",
    "passive_spans",
]

#: The roles an actor can have in a clause, in display order.
ROLES = (
    "agent",
    "patient",
    "passive_subject",
    "passive_subject_with_agent",
    "intransitive_harm",
    "other",
)

_STRONG = re.compile(r"[;:()\[\]\u2014\u2013?!\u2026]|--|\s-\s|^-\s|\s-$")
_NOMINAL = ("N", "NUM", "POS")
# verbs after which a noun phrase may open a complement clause
_COMPLEMENT_VERBS = en.REPORTING_VERBS - frozenset("see find feel hear".split())


@dataclass(frozen=True, init=False)
class VerbGroup:
    """One verb group of a sentence (token positions are end-exclusive).

    Attributes
    ----------
    start, end : int
        First token and one past the last token of the group (coordinated
        participles included).
    head : int
        The main verb (the first participle of a passive).
    voice : {"active", "passive", "copula"}
    kind : {"finite", "nonfinite", "headline", "reduced"}
    lemma : str
        Lemma of the head verb.
    participles : tuple of int
        Participles of a passive (several when coordinated).
    agent : tuple of (int, int) or None
        Tokens of the noun phrase of an agentive by-phrase.
    harm : str or None
        Category of the head verb in the ``harm_verbs`` lexicon ("death"
        for the intransitive constructions).
    intransitive_harm : bool
        Death or injury without a doer (died, lost their lives, found dead).
    subject : tuple of (int, int) or None
        Inverted subject of a question ("Was the hospital hit?").
    """

    start: int
    end: int
    head: int
    voice: str
    kind: str
    lemma: str
    participles: tuple[int, ...] = ()
    agent: tuple[int, int] | None = None
    harm: str | None = None
    intransitive_harm: bool = False
    subject: tuple[int, int] | None = None

    def __init__(
        self,
        start: int,
        end: int,
        head: int,
        voice: str,
        kind: str,
        lemma: str,
        participles: tuple[int, ...] = (),
        agent: tuple[int, int] | None = None,
        harm: str | None = None,
        intransitive_harm: bool = False,
        subject: tuple[int, int] | None = None,
    ) -> None:
        # the generated __init__ of a frozen dataclass sets each field through
        # object.__setattr__; writing the instance dict directly is the same
        # (and several times faster: a sentence makes three groups or so)
        d = self.__dict__
        d["start"], d["end"], d["head"], d["voice"], d["kind"], d["lemma"] = start, end, head, voice, kind, lemma
        d["participles"], d["agent"], d["harm"] = participles, agent, harm
        d["intransitive_harm"], d["subject"] = intransitive_harm, subject

    @property
    def is_passive(self) -> bool:
        """A full passive: with an auxiliary, or a headline passive."""
        return self.voice == "passive" and self.kind != "reduced"

    @property
    def agentless(self) -> bool:
        """A passive (full or reduced) without a by-agent."""
        return self.voice == "passive" and self.agent is None


@dataclass
class Parse:
    """Tokens of one sentence, their word-class guesses and verb groups.

    ``brk[i]`` is the punctuation between tokens ``i - 1`` and ``i``: None,
    ``"comma"`` or ``"strong"`` (semicolon, colon, dash, bracket).
    """

    text: str
    words: list[str]
    spans: list[tuple[int, int]]
    tags: list[str]
    brk: list[str | None]
    headline: bool
    groups: list[VerbGroup] = field(default_factory=list)

    def group_text(self, g: VerbGroup) -> str:
        """The text of a verb group as written."""
        return self.text[self.spans[g.start][0] : self.spans[g.end - 1][1]]

    def harm_word(self, g: VerbGroup) -> str:
        """The word that names an intransitive-harm construction ("died", "dead")."""
        if g.end < len(self.words) and self.words[g.end] == "dead":
            return "dead"
        return self.words[g.head]


# -- lexicon -----------------------------------------------------------------------


@cache
def _harm_lemmas() -> dict[str, str]:
    from ..lexicons import load_lexicon

    table = load_lexicon("harm_verbs")
    return dict(zip(table["term"], table["category"], strict=True))


def harm_category(lemma: str) -> str | None:
    """Category of a verb lemma in the ``harm_verbs`` lexicon, or None.

    Examples
    --------
    >>> harm_category("kill"), harm_category("die"), harm_category("say")
    ('killing', 'death', None)
    """
    return _harm_lemmas().get(lemma)


@cache
def _verbs() -> frozenset[str]:
    return en.VERBS | frozenset(_harm_lemmas())


@cache
def _kinds(word: str) -> dict[str, str]:
    """Possible verb readings of ``word`` as ``{kind: lemma}``; kinds are
    ``base``, ``s``, ``past``, ``participle`` and ``ing``."""
    if "-" in word and not word.startswith(en.VERB_PREFIXES):
        return {}  # "empty-handed", "Iranian-backed", "so-called": adjectives
    kinds = dict(en.known_forms(word))
    if not kinds:
        lemma = en.lemma_of(word)
        if lemma != word and lemma in _verbs():
            for kind, forms in en.verb_forms(lemma).items():
                if word in forms:
                    kinds[kind] = lemma
        elif word in _verbs():
            kinds["base"] = word
    if (
        word.endswith("ed")
        and len(word) > 3
        and "participle" not in kinds
        and word not in en.NOT_PARTICIPLES
        and (not word.endswith("eed") or word in en.EED_PARTICIPLES)
    ):
        lemma = en.lemma_of(word)
        kinds["past"] = kinds["participle"] = lemma
    if word.endswith("ing") and len(word) > 4 and word not in en.NOT_GERUNDS and "ing" not in kinds:
        kinds["ing"] = en.lemma_of(word)
    return kinds


# -- tokens and word classes ---------------------------------------------------------


@lru_cache(maxsize=8192)
def _gap_kind(gap: str) -> str | None:
    if not gap.strip():
        return None
    if _STRONG.search(gap):
        return "strong"
    if "," in gap:
        return "comma"
    return None


def _title_case(raws: Sequence[str]) -> bool:
    """At least 3 content words, 70% or more of them capitalised."""
    upper = lower = 0
    n = len(raws)
    for k, r in enumerate(raws):
        if not r[:1].isalpha() or r.lower() in en.TITLE_SMALL_WORDS:
            continue
        if r[0].isupper():
            upper += 1
        else:
            lower += 1
            # even if every later token were a capitalised word, fewer than
            # 70% would be (with a margin far above rounding)
            if 3 * (upper + n - k - 1) < 7 * lower:
                return False
    if upper + lower < 3:
        return False
    return upper >= 0.7 * (upper + lower)


def _title_case_plain(raws: Sequence[str]) -> bool:
    """:func:`_title_case` as first written (kept for the tests)."""
    words = [r for r in raws if r[:1].isalpha() and r.lower() not in en.TITLE_SMALL_WORDS]
    if len(words) < 3:
        return False
    return sum(r[0].isupper() for r in words) >= 0.7 * len(words)


def _tokens(
    text: str, spans: Sequence[tuple[str, int, int]] | None = None
) -> tuple[list[str], list[tuple[int, int]], list[str], list[str | None]]:
    if spans is None:
        spans = token_spans(text)
    words = [t for t, _, _ in spans]
    raws = [text[s:e] for _, s, e in spans]
    brk: list[str | None] = []
    prev = None
    for _, s, e in spans:
        # adjacent tokens and a single space are never a break
        if prev is None or prev == s or (s - prev == 1 and text[prev] == " "):
            brk.append(None)
        else:
            brk.append(_gap_kind(text[prev:s]))
        prev = e
    return words, [(s, e) for _, s, e in spans], raws, brk


_NAME = (None, None)


@cache
def _readings(w: str) -> tuple[dict[str, str], str | None]:
    """``(_kinds(w), its word class)``; the class is None for "'s" and "her"
    (it depends on the neighbours)."""
    kinds = _kinds(w)
    return kinds, None if w in ("'s", "her") else _free_class(w, bool(kinds))


@cache
def _free_class(w: str, verb: bool) -> str:
    """:func:`_word_class` of a word whose class does not depend on its
    neighbours (every word but "'s" and "her"); ``verb``: it has verb readings."""
    return _word_class([w], 0, {"base": w} if verb else {})


def _word_class(words: list[str], i: int, kinds: dict[str, str]) -> str:
    """A context-free guess at the class of ``words[i]``."""
    w = words[i]
    nxt = words[i + 1] if i + 1 < len(words) else ""
    if w == "'s":
        prev = words[i - 1] if i else ""
        if nxt in ("been", "got"):
            return "HAVE"
        if prev in en.SUBJECT_PRONOUNS or prev in ("that", "what", "here", "where", "how"):
            return "BE"
        return "POS"
    for tag, members in (
        ("BE", en.BE_FORMS),
        ("GET", en.GET_FORMS),
        ("HAVE", en.HAVE_FORMS),
        ("MODAL", en.MODALS),
        ("DO", en.DO_FORMS),
        ("NEG", en.NEGATIONS),
    ):
        if w in members:
            return tag
    if w == "to":
        return "TO"
    if w in en.RELATIVES:
        return "REL"
    if w in en.SUBORDINATORS:
        return "SUB"
    if w in ("why", "how", "what"):
        return "WH"
    if w in en.CONJUNCTIONS:
        return "CONJ"
    if w in en.PREPOSITIONS:
        return "PREP"
    if w == "her":
        function = en.PREPOSITIONS | en.CONJUNCTIONS | en.BE_FORMS | en.MODALS | en.RELATIVES
        return "DET" if nxt and nxt not in function and nxt != "to" else "PRON"
    if w == "those":
        return "PRON"
    if w in en.DETERMINERS:
        return "DET"
    if w in en.PRONOUNS:
        return "PRON"
    if w[:1].isdigit() or w in en.NUMBER_WORDS:
        return "NUM"
    if w in en.PARTICLES:
        return "PRT"
    if w in en.ADVERBS or (w.endswith("ly") and len(w) > 4 and w not in en.NOT_LY_ADVERBS):
        return "ADV"
    return "V" if kinds else "N"


# -- verb groups ---------------------------------------------------------------------


class _Builder:
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
        if w in en.RESULTATIVES:
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
            return bool({"s", "base"} & set(self.kinds[i])) and "past" not in self.kinds[i]
        return False

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
                if self.w[last] == "'s" and (
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
        if tag in ("MODAL", "DO") and self.verb(j, "base"):
            return self.add(self.active(i, j, kind))
        return self.bare_aux(i, last, kind)

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

    def coordinated_participles(self, j: int, parts: list[int]) -> int:
        """Extend ``parts`` with participles joined by "and"/"or" or commas:
        "were killed and wounded", "was shelled, bombed and set on fire"."""
        k = j + 1
        while k < self.n:
            if self.brk[k] == "comma" and self.verb(k, "participle") and self.passive_ok(k):
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
            nominal_verb = (
                tag == "V"
                and not self.used[end]
                and "ing" not in self.kinds[end]
                and ("past" not in self.kinds[end] or self.tags[end - 1] == "DET")
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

    # verbs without auxiliaries ----------------------------------------------------------
    def main_verb(self, i: int) -> int:
        k = self.kinds[i]
        p = self.prev_index(i)
        ptag = self.tags[p] if p is not None else None
        if ptag == "TO" and "base" in k:
            return self.add(self.active(p, i, "nonfinite"))
        if p is not None and self.used[p] and any(g.head == p for g in self.groups):
            # right after a verb: "made known", "remains closed", "stop borrowing"
            helped = any(g.head == p and g.lemma == "help" for g in self.groups)
            if "ing" in k or (helped and "base" in k and "past" not in k):
                return self.add(self.active(i, i, "nonfinite"))
            return i + 1
        if ptag in ("DET", "POS") or (ptag == "PREP" and "ing" not in k):
            return i + 1  # a noun or adjective: "the injured", "for displaced people"
        if ptag == "NUM" and self.joined(i + 1) and self.tags[i + 1] == "N":
            return i + 1  # "12 wounded soldiers"
        if set(k) == {"ing"}:
            return self.gerund(i, ptag)
        if "participle" in k or "past" in k:
            return self.bare_past(i, p, ptag)
        return self.present(i, p, ptag)

    def gerund(self, i: int, ptag: str | None) -> int:
        nxt = i + 1
        p = self.prev_index(i)
        nominal_start = p is None or self.adjective_like(p)
        predicate = (
            self.verb(nxt, "past")
            and self.joined(nxt)
            and not (self.joined(nxt + 1) and self.tags[nxt + 1] in ("N", "CONJ"))
        )
        if self.joined(nxt) and (
            (nominal_start and (self.finite_at(nxt) or self.verb(nxt, "past"))) or predicate
        ):
            return i + 1  # a noun: "Israeli shelling killed", "Rafah crossing closed"
        return self.add(self.active(i, i, "nonfinite"))

    def plural_subject(self, p: int) -> bool:
        """The noun phrase ending at ``p`` is plural: "militants", "X and Y"."""
        w = self.w[p]
        if w in ("i", "you", "we", "they") or w in en.NUMBER_WORDS:
            return True
        if w.endswith("s") and not w.endswith(("ss", "us", "is")) and self.tags[p] != "PRON":
            return True
        m = p
        while m > 0 and self.joined(m) and self.nominal(m - 1):
            m -= 1
        if not (m > 1 and self.joined(m) and self.w[m - 1] == "and" and self.nominal(m - 2)):
            return False
        first = self.np_before(m - 2)
        # "blamed Hamas and Fatah leaders": an object, not a subject
        return not (first > 0 and self.joined(first) and self.used[first - 1])

    def present(self, i: int, p: int | None, ptag: str | None) -> int:
        k, lemma = self.kinds[i], self.lemma(i)
        nxt = i + 1
        if p is None:
            lone = (
                self.brk[i] == "comma"
                and "s" in k
                and not any(self.finite_at(m) for m in range(self.n) if m != i)
            )
            return self.add(self.active(i, i, "finite")) if lone else i + 1
        if (
            lemma not in en.LINKING_VERBS
            and self.joined(nxt)
            and (
                (self.tags[nxt] in ("BE", "HAVE", "MODAL", "DO") and self.finite_at(nxt))
                or ("s" in k and self.verb(nxt, "past"))
                or (
                    "s" in k
                    and self.verb(nxt, "base")
                    and not self.verb(nxt, "past")
                    and lemma not in en.REPORTING_VERBS
                )
            )
        ):
            return i + 1  # "Israeli strikes killed": a noun before the verb
        pw = self.w[p]
        if ptag in ("PRON", "REL"):
            ok = (
                "s" in k and pw in ("he", "she", "it", "who", "that", "which", "there", "this")
            ) or ("base" in k and pw in ("i", "you", "we", "they", "who", "that", "which"))
        elif self.nominal(p):
            start = self.np_before(p)
            if self.adjective_like(p) or (
                self.joined(start)
                and self.tags[start - 1] == "PREP"
                and self.w[start - 1] not in en.CLAUSE_PREPOSITIONS
            ):
                ok = False  # "Israeli forces", "by Israeli forces": a noun phrase
            elif "s" in k:
                ok = True
            else:
                ok = self.plural_subject(p) and not (
                    self.joined(nxt) and self.verb(nxt, "s", "base") and not self.verb(nxt, "past")
                )
        else:
            ok = False
        return self.add(self.active(i, i, "finite")) if ok else i + 1

    def np_before(self, p: int) -> int:
        """First token of the noun phrase that ends at ``p``."""
        m = p
        while m > 0 and self.joined(m) and (self.nominal(m - 1) or self.tags[m - 1] == "DET"):
            m -= 1
        return m

    def bare_past(self, i: int, p: int | None, ptag: str | None) -> int:
        """A past or participle form without an auxiliary: active past,
        headline passive or reduced relative."""
        k, lemma = self.kinds[i], self.lemma(i)
        chain = self.coordinated_chain(i)
        after = chain[-1] + 1
        has_object = self.np_start(after) or (
            self.joined(after) and self.tags[after] == "PRT" and self.np_start(after + 1)
        )
        by_agent = (
            self.word(after) == "by" and self.joined(after) and self.by_agent(after) is not None
        )
        if (
            p is not None
            and self.adjective_like(p)
            and ((self.joined(after) and self.tags[after] == "N") or "base" in k)
        ):
            return i + 1  # "Israeli targeted strikes", "a political run"
        if self.clause_initial(i) and self.joined(after) and self.tags[after] == "N":
            return i + 1  # "Detained reporters ..."
        if "participle" not in k or self.used_to(i) or lemma in ("say", "add"):
            return self.add_active(chain)
        if (
            not has_object
            and not by_agent
            and (
                self.w[i] in en.BARE_ADJECTIVAL
                or (self.w[i].startswith("un") and self.w[i] not in en.UN_VERBS)
            )
        ):
            return i + 1  # "figures based on ...", "unintended clashes"
        if lemma in en.REPORTING_VERBS and p is not None and self.after_quote(self.np_before(p)):
            return self.add_active(chain)  # '"...," the minister noted.'
        if (
            has_object
            and "base" in k
            and p is not None
            and self.nominal(p)
            and self.plural_subject(p)
        ):
            return self.add_active(chain)  # "Donors fund some projects"
        if p is not None and self.w[p] in en.SUBJECT_PRONOUNS and self.w[p] != "there":
            return self.add_active(chain)
        if p is not None and self.nominal(p):
            start = self.np_before(p)
            opener = self.word(start - 1) if self.joined(start) else ""
            if (
                opener in en.RELATIVES
                or opener in en.SUBORDINATORS
                or opener in en.CLAUSE_PREPOSITIONS
                or opener in ("why", "how", "what")
            ):
                if not by_agent:
                    return self.add_active(chain)  # "whose family fled to ..."
        passive_kind = "headline" if self.headline else "reduced"
        if by_agent:
            return self.add_passive(chain, passive_kind)
        only_participle = "past" not in k
        if has_object and not only_participle:
            return self.add_active(chain)
        if only_participle and (p is None or self.nominal(p) or ptag == "PRON"):
            return self.add_passive(chain, passive_kind)
        if self.headline:
            if lemma in en.INTRANSITIVE_VERBS or self.earlier_finite(i) is not None:
                return self.add_active(chain)
            return self.add_passive(chain, "headline")
        if lemma in en.OBJECT_CONTROL_VERBS and self.word(after) == "to" and self.joined(after):
            return self.add_passive(chain, "reduced")  # "residents told to move south"
        nxt_tag = self.tags[after] if self.joined(after) else None
        if self.clause_initial(i) and nxt_tag in (None, "PREP", "WH", "SUB", "ADV", "REL"):
            return self.add_passive(chain, "reduced")  # "Asked why ...", "When asked, ..."
        if p is None and self.brk[i] == "comma" and i > 0 and self.nominal(i - 1):
            # "the attack, condemned by ...", "Wilson, ..., accused of"
            if (
                nxt_tag == "PREP"
                and self.word(after) != "to"
                and lemma not in en.INTRANSITIVE_VERBS
            ):
                before = any(self.finite_at(m) for m in range(i))
                if before or not any(self.finite_at(m) for m in range(i + 1, self.n)):
                    return self.add_passive(chain, "reduced")
                if self.apposition_then_verb(after):  # "The offensive, launched on May 6, has"
                    return self.add_passive(chain, "reduced")
        if p is not None and (self.nominal(p) or ptag == "PRON"):
            if self.earlier_finite(i) is not None or self.later_main_verb(after):
                return self.add_passive(chain, "reduced")
            start = self.np_before(p)
            inside = self.joined(start) and self.tags[start - 1] in ("PREP", "V")
            if inside and lemma in en.TRANSITIVE_VERBS and nxt_tag in (None, "PREP", "ADV", "SUB"):
                return self.add_passive(chain, "reduced")  # "in surveys conducted during"
        return self.add_active(chain)

    def apposition_then_verb(self, k: int) -> bool:
        """The comma segment from ``k`` closes with a comma and a finite verb."""
        while k < self.n and self.brk[k] is None:
            k += 1
        return k < self.n and self.brk[k] == "comma" and self.finite_at(k)

    def after_quote(self, i: int) -> bool:
        """A closing quotation mark and a comma come right before token ``i``."""
        if i == 0:
            return False
        gap = self.text[self.spans[i - 1][1] : self.spans[i][0]]
        return "," in gap and any(q in gap for q in "\"\u201d'\u2019")

    def used_to(self, i: int) -> bool:
        """Habitual "used to" + verb without "be": "People used to gather"."""
        return self.w[i] == "used" and self.word(i + 1) == "to" and self.verb(i + 2, "base")

    def coordinated_chain(self, i: int) -> list[int]:
        """Bare past forms in a row: "killed, raped and abducted"."""
        chain = [i]
        k = i + 1
        while k + 1 < self.n and len(chain) < 5:
            if self.brk[k] == "comma" and self.verb(k, "past") and self.verb(k, "participle"):
                chain.append(k)
                k += 1
                continue
            if self.joined(k) and self.w[k] in ("and", "or") and self.joined(k + 1):
                if self.verb(k + 1, "past") and self.verb(k + 1, "participle"):
                    chain.append(k + 1)
                    k += 2
                    continue
            break
        return chain

    def add_active(self, chain: list[int]) -> int:
        for h in chain:
            self.add(self.active(h, h, "finite"))
        return chain[-1] + 1

    def add_passive(self, chain: list[int], kind: str) -> int:
        end = chain[-1] + 1
        lemma = self.lemma(chain[0])
        return self.add(
            VerbGroup(
                chain[0],
                end,
                chain[0],
                "passive",
                kind,
                lemma,
                tuple(chain),
                self.find_agent(end),
                harm=harm_category(lemma),
            )
        )

    def clause_initial(self, i: int) -> bool:
        """At the start of the sentence, or right after a subordinator that
        opens it ("When asked, ...", "If elected, ...")."""
        if i == 0:
            return True
        return self.joined(i) and self.tags[i - 1] == "SUB" and not self.joined(i - 1)

    def earlier_finite(self, i: int) -> int | None:
        """A finite verb earlier in the clause with no clause opener between
        ("regretted any harm caused to civilians")."""
        m = i - 1
        while m >= 0:
            if not self.joined(m + 1):
                return None
            if self.tags[m] in ("SUB", "REL", "CONJ", "WH") or self.w[m] in en.CLAUSE_PREPOSITIONS:
                return None
            for g in self.groups:
                if g.start <= m < g.end and g.kind == "finite" and g.voice != "passive":
                    if m == g.end - 1 and g.lemma in _COMPLEMENT_VERBS:
                        return None  # "said Hamas attacked ..."
                    return m
            m -= 1
        return None

    def later_main_verb(self, k: int) -> bool:
        """Only prepositional phrases and adverbs between ``k`` and a finite
        verb in the same comma segment: "civilians killed in the strike were
        buried"."""
        while self.joined(k) or (
            k < self.n
            and self.brk[k] == "comma"
            and self.tags[k] in ("BE", "HAVE", "MODAL", "DO")
            and self.finite_at(k)
        ):
            tag, w = self.tags[k], self.w[k]
            if tag in ("SUB", "REL", "CONJ", "WH", "TO") or w in en.CLAUSE_PREPOSITIONS:
                return False
            if w in en.SUBJECT_PRONOUNS and w != "it":
                return False
            if tag in ("BE", "HAVE", "MODAL", "DO") and self.finite_at(k):
                return True
            if tag == "V" and self.finite_at(k) and self.tags[k - 1] != "PRON":
                kinds = self.kinds[k]
                if "participle" not in kinds or "s" in kinds:
                    return True  # "took", "says"
                if self.np_start(k + 1) and self.word(k + 1) != "by":
                    return True  # "told residents"
                if self.word(k + 1) == "to" and self.verb(k + 2, "base"):
                    return True  # "returned to find"
            if tag in ("PREP", "DET", "N", "NUM", "ADV", "NEG", "POS", "PRT", "PRON", "V"):
                k += 1
                continue
            return False
        return False

    # intransitive harm -------------------------------------------------------------------
    def mark_harm(self) -> None:
        out = []
        for g in self.groups:
            nxt = g.end if self.joined(g.end) else None
            flag = False
            if g.voice == "active" and g.lemma in en.DEATH_VERBS:
                flag = not (g.lemma == "drown" and nxt is not None and self.np_start(nxt))
            elif g.voice == "active" and g.lemma == "starve" and nxt is not None:
                flag = self.w[nxt : nxt + 2] == ["to", "death"]
            elif g.voice == "active" and g.lemma == "lose" and nxt is not None:
                flag = self.w[nxt] in en.POSSESSIVES and self.word(nxt + 1) in ("life", "lives")
            elif g.voice == "active" and g.lemma in ("sustain", "suffer") and nxt is not None:
                flag = any(w in en.INJURY_NOUNS for w in self.w[nxt : nxt + 4])
            if (
                nxt is not None
                and self.w[nxt] == "dead"
                and (g.voice == "copula" or g.lemma in en.DEAD_AFTER_VERBS)
            ):
                flag = True
            out.append(replace(g, intransitive_harm=True, harm=g.harm or "death") if flag else g)
        if self.headline:  # "Dozens dead in strike on tent camp"
            for i, w in enumerate(self.w):
                if w == "dead" and self.joined(i) and not self.used[i] and self.nominal(i - 1):
                    start = self.np_before(i - 1)
                    if start > 0 and self.used[start - 1] and self.joined(start):
                        continue  # "Strike leaves 12 dead": an object
                    out.append(
                        VerbGroup(
                            i,
                            i + 1,
                            i,
                            "copula",
                            "headline",
                            "be",
                            harm="death",
                            intransitive_harm=True,
                        )
                    )
        self.groups = sorted(out, key=lambda g: g.start)


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


# -- roles ---------------------------------------------------------------------------------


class _Roles:
    """Reads the role of noun phrases from the verb groups of a parse."""

    def __init__(self, p: Parse) -> None:
        self.p, self.w, self.tags, self.brk = p, p.words, p.tags, p.brk
        self.n = len(p.words)
        self.in_group = [-1] * self.n
        for gi, g in enumerate(p.groups):
            for k in range(g.start, g.end):
                self.in_group[k] = gi
        self.start_of = {g.start: gi for gi, g in enumerate(p.groups)}

    def joined(self, i: int) -> bool:
        return 0 < i < self.n and self.brk[i] is None

    def gap(self, k: int) -> str:
        """The text between tokens ``k - 1`` and ``k``."""
        return self.p.text[self.p.spans[k - 1][1] : self.p.spans[k][0]]

    def free(self, i: int, *tags: str) -> bool:
        return 0 <= i < self.n and self.in_group[i] < 0 and self.tags[i] in tags

    def np(self, s: int, e: int) -> tuple[int, int]:
        """The noun phrase around a mention: premodifiers, possessor, head,
        and "dozens of" / "the number of" in front."""
        while self.joined(e) and self.free(e, "N", "NUM", "POS", "V"):
            e += 1
        while self.joined(s) and (
            self.free(s - 1, "DET", "N", "POS", "V")
            or (self.free(s - 1, "PRON") and self.w[s - 1] in en.POSSESSIVES)
            or (self.free(s - 1, "NUM") and not self.year_after_preposition(s - 1))
            or (self.w[s - 1] in en.QUANTIFIERS and self.in_group[s - 1] < 0 and self.quantified(s))
        ):
            s -= 1
        if s >= 2 and self.joined(s) and self.joined(s - 1) and self.w[s - 1] == "of":
            q = s - 2
            if self.w[q] in en.QUANTITY_NOUNS and self.in_group[q] < 0:
                return self.np(q, e)
        return s, e

    def year_after_preposition(self, i: int) -> bool:
        w = self.w[i]
        return len(w) == 4 and w.isdigit() and i > 0 and self.tags[i - 1] == "PREP"

    def quantified(self, s: int) -> bool:
        """Token ``s`` (or the quantifiers from it) lead to a number."""
        k = s
        while k < self.n and self.w[k] in en.QUANTIFIERS:
            k += 1
        return k < self.n and self.tags[k] == "NUM"

    def role(self, s: int, e: int) -> tuple[str, VerbGroup | None]:
        groups = self.p.groups
        for g in groups:
            if g.agent is not None and g.agent[0] <= s and e <= g.agent[1]:
                return "agent", g
            if g.subject is not None and g.subject[0] <= s and e <= g.subject[1]:
                return _subject_role(g), g
        if self.in_group[s] >= 0:
            return "other", None
        ns, ne = self.np(s, e)
        g = self.group_right_after(ne)
        if g is not None and g.voice == "passive" and g.kind in ("reduced", "headline"):
            return _subject_role(g), g
        prev = ns - 1 if self.joined(ns) else None
        if prev is None:
            return self.from_subject(ne)
        tag, w = self.tags[prev], self.w[prev]
        if w == "for" and self.w[ne : ne + 1] == ["to"]:
            return self.from_subject(ne + 1)  # "for the mayor to be removed"
        if tag in ("PREP", "TO") and w not in en.CLAUSE_PREPOSITIONS:
            return "other", None
        if w in en.CLAUSE_PREPOSITIONS and self.in_group[prev] < 0:
            return self.from_subject(ne)
        if tag == "CONJ":
            g = self.subject_of(ne, immediate=True)
            if g is not None:
                return _subject_role(g), g
            left = self.previous_conjunct(prev)
            return self.role(*left) if left is not None else ("other", None)
        g = self.governing_verb(prev, ns)
        if g is None:
            return self.from_subject(ne)
        if g.voice == "active":
            nxt = self.subject_of(ne, immediate=True, finite_only=True)
            if nxt is not None and g.lemma in _COMPLEMENT_VERBS:
                return _subject_role(nxt), nxt  # "Medics said the victims included"
            if g.lemma in en.REPORTING_VERBS and self.inverted_report(g, ne):
                return "agent", g  # '"...," said Haddad'
            return "patient", g
        return "other", g

    def from_subject(self, ne: int) -> tuple[str, VerbGroup | None]:
        g = self.subject_of(ne)
        return (_subject_role(g), g) if g is not None else ("other", None)

    def governing_verb(self, prev: int, ns: int) -> VerbGroup | None:
        """The verb group right before the noun phrase starting at ``ns``
        (or before a first object: "gave the mayor a lead")."""
        gi = self.in_group[prev]
        if gi >= 0 and self.p.groups[gi].end == prev + 1:
            return self.p.groups[gi]
        if self.tags[prev] in ("N", "NUM", "PRON", "V") and gi < 0:
            first = self.np(prev, prev + 1)[0]
            if first > 0 and self.joined(first):
                gj = self.in_group[first - 1]
                if (
                    gj >= 0
                    and self.p.groups[gj].end == first
                    and self.p.groups[gj].voice == "active"
                ):
                    return self.p.groups[gj]
        return None

    def inverted_report(self, g: VerbGroup, ne: int) -> bool:
        at_end = ne >= self.n or not self.joined(ne)
        if g.start == 0:
            return at_end
        gap = self.p.text[self.p.spans[g.start - 1][1] : self.p.spans[g.start][0]]
        return at_end and (not self.joined(g.start) or any(q in gap for q in "\"\u201d'\u2019"))

    def previous_conjunct(self, conj: int) -> tuple[int, int] | None:
        s = conj - 1
        if s < 0 or not self.joined(conj) or not self.free(s, "N", "NUM", "POS", "V", "PRON"):
            return None
        while self.joined(s) and self.free(s - 1, "N", "NUM", "POS", "V", "DET"):
            s -= 1
        return s, conj

    def group_right_after(self, k: int) -> VerbGroup | None:
        while self.joined(k) and self.free(k, "ADV", "NEG"):
            k += 1
        if self.joined(k) and k in self.start_of:
            return self.p.groups[self.start_of[k]]
        return None

    def subject_of(
        self, k: int, *, immediate: bool = False, finite_only: bool = False
    ) -> VerbGroup | None:
        """The verb group whose subject is the noun phrase ending before ``k``.

        Skips adverbs, prepositional phrases, a coordinated noun phrase, a
        parenthesis and up to two comma-delimited appositions or
        non-restrictive relative clauses.
        """
        skips = steps = 0
        override: str | None = "keep"
        while k < self.n:
            b = self.brk[k] if override == "keep" else override
            override = "keep"
            if b == "strong" and not self.gap(k).strip(" .)"):
                b = None  # the mention ends a parenthesis: "Ana Ruiz (Ward 4) appeared"
            if b == "strong":
                if "(" not in self.gap(k) or immediate:
                    return None
                while k < self.n and ")" not in self.gap(k):
                    k += 1
                if k < self.n:
                    override = "comma" if "," in self.gap(k).split(")")[-1] else None
                continue
            if b == "comma":
                if (
                    immediate
                    or skips >= 2
                    or not (
                        self.tags[k] in ("DET", "REL", "PRON", "N", "NUM") or k in self.start_of
                    )
                ):
                    return None
                m = k + 1
                while m < self.n and self.brk[m] is None:
                    m += 1
                if m >= self.n or self.brk[m] != "comma":
                    return None
                skips += 1
                k = m
                # a second apposition or a non-restrictive relative follows
                override = "comma" if self.tags[k] == "REL" else None
                continue
            if k in self.start_of:
                g = self.p.groups[self.start_of[k]]
                return None if finite_only and g.kind != "finite" else g
            tag = self.tags[k]
            steps += 1
            if tag in ("ADV", "NEG") or (tag == "TO" and k + 1 in self.start_of):
                k += 1
                continue
            if tag == "REL" and self.w[k] != "whose":
                return self.group_right_after(k + 1)
            if immediate or steps > 12:
                return None
            if (
                tag in ("PREP", "CONJ")
                and self.w[k] not in en.CLAUSE_PREPOSITIONS
                and self.w[k] != "but"
            ):
                k += 1
                while self.joined(k) and self.free(k, "DET", "N", "NUM", "POS", "V", "PRON"):
                    k += 1
                continue
            if self.free(k, "N", "NUM", "POS"):
                k += 1
                continue
            return None
        return None


def _subject_role(g: VerbGroup) -> str:
    if g.intransitive_harm:
        return "intransitive_harm"
    if g.voice == "passive":
        return "passive_subject" if g.agent is None else "passive_subject_with_agent"
    if g.voice == "copula":
        return "other"
    return "agent"


def mention_roles(p: Parse, spans: Sequence[tuple[int, int]]) -> list[tuple[str, VerbGroup | None]]:
    """The role of each mention (a token span) in the parsed sentence ``p``.

    Returns one ``(role, group)`` pair per span: the role (one of
    :data:`ROLES`) and the verb group that gives it (None when no verb
    does).

    Examples
    --------
    >>> p = parse("Israeli strikes killed 12 civilians, medics said.")
    >>> [r for r, _ in mention_roles(p, [(0, 2), (4, 5), (5, 6)])]
    ['agent', 'patient', 'agent']
    """
    r = _Roles(p)
    out = []
    for s, e in spans:
        if not 0 <= s < e <= r.n:
            raise ValueError(f"mention span {(s, e)} is outside the sentence ({r.n} tokens)")
        out.append(r.role(s, e))
    return out
