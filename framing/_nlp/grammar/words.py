"""Tokens, word-class guesses and the verb-group records of the clause rules."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache

from ...lexicons import load_lexicon
from .. import english as en
from ..text import token_spans

#: The roles an actor can have in a clause, in display order.
ROLES = (
    "agent",
    "patient",
    "passive_subject",
    "passive_subject_with_agent",
    "evidential_subject",
    "intransitive_harm",
    "other",
)

_STRONG = re.compile(r"[;:()\[\]\u2014\u2013?!\u2026]|--|\s-\s|^-\s|\s-$")
_NOMINAL = ("N", "NUM", "POS")
# verbs after which a noun phrase may open a complement clause
_COMPLEMENT_VERBS = (en.REPORTING_VERBS - frozenset("see find feel hear".split())) | frozenset(
    "appear seem mean ensure".split()  # "it appears Alexis snapped"
)


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
    voice : {"active", "passive", "evidential", "copula"}
        ``evidential``: an evidential or hedging passive ("is said to",
        "is expected to", "it is believed that", "are feared dead"), which
        reports what is said or expected, not an action on its subject.
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
