"""How the words of a sentence relate to one noun phrase in it (a target).

Target-level sentiment and narrative roles both ask what a sentence says about
one of its noun phrases, not what the sentence says in general. This module
reads, on top of the clause rules of :mod:`framing._nlp.grammar`, in which
relation each *content* word of the sentence stands to the target:

* ``pred``: the target's own predicate (the verb group it is the subject or
  object of, "X *lied*", "critics *accused* X") and a relative clause about it
  ("X, who *was convicted*");
* ``attr``: what a copula says the target is ("X is *dishonest*");
* ``obj``: the rest of the target's clause after its predicate (what the target
  does, to whom, or what it is accused of: "X killed *civilians*", "X was
  accused of *lying*"), and what a noun it owns is aimed at ("X's struggle
  against *terrorism*");
* ``subj``: the subject of the predicate when the target is its object
  ("*critics* accused X");
* ``by``: the agent of a passive of which the target is the subject ("X was
  praised by *voters*");
* ``mod``: modifiers of the target ("the *corrupt* senator", "X, a *convicted*
  *felon*,");
* ``poss``: the noun the target owns or is the complement of ("X's *lies*",
  "*victims* of X");
* ``clause``: any other content word of the target's clause;
* ``other``: content words of the other clauses.

Closed-class words (determiners, pronouns, prepositions, conjunctions,
auxiliaries, modals, numbers and a few function adverbs) never get a
relation: they only shape the relations (negation, contrast, "against",
"of", "'s"). Three markers travel with each word: ``negated`` (a negator
precedes it in its clause), ``contrast`` (a contrastive conjunction such as
"but" or "although" stands between it and the target) and ``quoted`` (it is
inside quotation marks while the target is not).

The rules are shallow, like the clause rules they build on; they are measured
through the models that use them (``docs/validation.md``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from . import english as en
from .grammar import Parse, VerbGroup, harm_category, mention_roles, parse
from .text import fold, token_spans

__all__ = ["CLOSED_CLASS", "RELATIONS", "Reading", "is_content", "read_target", "sentence_parse"]

#: Relations of a content word to the target, from closest to loosest.
RELATIONS = ("pred", "attr", "obj", "subj", "by", "mod", "poss", "clause", "other")

# Adverbs that work as function words (degree, time, focus, connectives).
_FUNCTION_ADVERBS = frozenset(
    """also just then now so very too even still only ever again already yet
    thus therefore instead however here there rather quite more most less
    least much many often soon later earlier ago back out up down off over
    away almost nearly around about well either else perhaps maybe
    meanwhile moreover furthermore though although while whereas hence""".split()
)

#: Words that never carry weight by themselves: determiners, pronouns,
#: prepositions, conjunctions, subordinators, relatives, auxiliaries, modals,
#: negators, number words, quantifiers and function adverbs.
CLOSED_CLASS = (
    en.DETERMINERS
    | en.PRONOUNS
    | en.PREPOSITIONS
    | en.CONJUNCTIONS
    | en.SUBORDINATORS
    | en.RELATIVES
    | en.WH_WORDS
    | en.BE_FORMS
    | en.HAVE_FORMS
    | en.DO_FORMS
    | en.MODALS
    | en.NEGATIONS
    | en.NUMBER_WORDS
    | en.QUANTIFIERS
    | _FUNCTION_ADVERBS
    | frozenset(
        """'s to of not no nor 'm 're 've 'd 'll ca wo mr mrs ms dr sen rep gov
        st jr sr us i.e. e.g. etc vs""".split()
    )
)

_NEGATORS = frozenset(
    """not no never nor neither none nobody nothing nowhere without cannot
    hardly barely rarely seldom""".split()
)
_CONTRAST = frozenset("but however although though yet whereas while despite nevertheless nonetheless".split())
# Words that open a new clause (a clause ends before them).
_CLAUSE_OPENERS = frozenset(
    """but while although though however whereas yet because since unless
    despite who whom whose which where when after before if""".split()
)
_REPORTING = frozenset(
    """said says say saying told tells according claimed claims claim added
    adds wrote writes argued argues asserted insisted stated states
    tweeted noted explained announced""".split()
)
_CLAUSE_PUNCT = frozenset(",;:()[]\u2014\u2013\"")
#: Nouns and verbs of opposing something: the target fights what follows.
OPPOSING = frozenset(
    """fight fights fighting fought combat combats combating combatting
    combated struggle struggles struggling struggled battle battles
    battling battled oppose opposes opposing opposed opposition resist
    resists resisting resisted resistance counter countering countered
    tackle tackles tackling tackled confront confronts confronting
    confronted crackdown condemn condemns condemning condemned
    condemnation denounce denounces denouncing denounced campaign war
    defend defends defending defended defense defence protect protects
    protecting protected protection prevent prevents preventing prevented
    stop stops stopping stopped curb curbs curbing curbed end ends ending
    ended eradicate eradicating eliminate eliminating defeat defeats
    defeating defeated""".split()
)
_NOMINAL = ("N", "V", "NUM")
_MAX_SPAN = 10  # tokens: the longest object, apposition or relative clause read


def is_content(token: str) -> bool:
    """Whether a token is a content word (has letters and is not closed-class)."""
    return token not in CLOSED_CLASS and any(c.isalpha() for c in token) and len(token) > 1


@lru_cache(maxsize=8192)
def sentence_parse(text: str) -> Parse:
    """The clause parse of a sentence, remembered (a sentence often holds
    several targets)."""
    return parse(text, tokens=token_spans(text))


@dataclass(frozen=True)
class Reading:
    """What a sentence says about one target: per token and as a whole.

    Attributes
    ----------
    first, last : int
        First and last token of the target (``last < first`` when the target
        lies between two tokens).
    relation : list of str or None
        Relation of each token to the target (one of :data:`RELATIONS`); None
        for the target's own tokens and for closed-class words.
    negated, contrast, quoted : list of bool
        Per token: after a negator in its clause; separated from the target by
        a contrastive conjunction; inside quotation marks while the target is
        not.
    distance : list of int
        Tokens between each token and the target.
    side : list of str
        ``"L"`` before the target, ``"R"`` after it.
    same_clause : list of bool
        In the target's clause.
    role : str
        The target's role from :func:`framing._nlp.grammar.mention_roles`.
    group : VerbGroup or None
        The verb group that gives the role.
    pred_negated : bool
        The target's predicate is negated ("X did not lie").
    opposes : bool
        The target fights, condemns or prevents what its ``obj`` words name.
    in_quote : bool
        The target is inside quotation marks.
    """

    first: int
    last: int
    relation: list
    negated: list
    contrast: list
    quoted: list
    distance: list
    side: list
    same_clause: list
    role: str
    group: VerbGroup | None
    pred_negated: bool
    opposes: bool
    in_quote: bool

    @property
    def harm(self) -> str | None:
        """Harm category of the predicate ("killing", "injury", ...), or None."""
        g = self.group
        if g is None:
            return None
        return g.harm if g.harm is not None else harm_category(g.lemma)


def _clauses(text: str, toks: Sequence[tuple[str, int, int]]) -> list[int]:
    """Clause number of each token: a clause ends at clause punctuation, before
    a clause-opening word, and around a reporting verb."""
    ids = []
    clause = 0
    prev_end = 0
    prev_tok = ""
    for i, (tok, start, end) in enumerate(toks):
        if i:
            gap = text[prev_end:start]
            if (
                any(c in _CLAUSE_PUNCT for c in gap)
                or " - " in gap
                or tok in _CLAUSE_OPENERS
                or tok in _REPORTING
                or prev_tok in _REPORTING
            ):
                clause += 1
        ids.append(clause)
        prev_end = end
        prev_tok = tok
    return ids


def _negated(words: Sequence[str], clauses: Sequence[int]) -> list[bool]:
    """Whether each token follows a negator within 3 tokens in its clause."""
    n = len(words)
    out = [False] * n
    for i, tok in enumerate(words):
        if tok in _NEGATORS or tok.endswith("n't"):
            for j in range(i + 1, min(i + 4, n)):
                if clauses[j] != clauses[i]:
                    break
                out[j] = True
    return out


def _inside_quotes(folded: str, toks: Sequence[tuple[str, int, int]]) -> list[bool]:
    """Whether each token lies between a pair of straight quotation marks."""
    marks = [k for k, c in enumerate(folded) if c == '"']
    if len(marks) < 2:
        return [False] * len(toks)
    out = []
    k = 0
    for _, s, _ in toks:
        while k < len(marks) and marks[k] < s:
            k += 1
        out.append(k % 2 == 1 and k < len(marks))
    return out


def read_target(
    text: str,
    start: int,
    end: int,
    *,
    p: Parse | None = None,
    toks: Sequence[tuple[str, int, int]] | None = None,
) -> Reading:
    """Read how the words of ``text`` relate to the target ``text[start:end]``.

    Parameters
    ----------
    text : str
        One sentence.
    start, end : int
        Character span of the target.
    p : Parse, optional
        The sentence's parse when already known.
    toks : list of (token, start, end), optional
        ``token_spans(text)`` when already known.

    Examples
    --------
    >>> r = read_target("Critics accused the mayor of lying.", 20, 25)
    >>> [(w, rel) for (w, _, _), rel in zip(token_spans("Critics accused the mayor of lying."), r.relation) if rel]
    [('critics', 'subj'), ('accused', 'pred'), ('lying', 'obj')]
    >>> r.role
    'patient'
    """
    if p is None:
        p = sentence_parse(text)
    if toks is None:
        toks = token_spans(text)
    words = p.words
    n = len(words)
    inside = [s < end and e > start for s, e in p.spans]
    first = next((i for i in range(n) if inside[i]), None)
    if first is None:
        first = next((i for i in range(n) if p.spans[i][0] >= end), n)
        last = first - 1
    else:
        last = max(i for i in range(n) if inside[i])
    folded = fold(text)
    clauses = _clauses(folded, toks)
    if n:
        tclause = set(clauses[first : last + 1]) or {clauses[min(first, n - 1)]}
    else:
        tclause = {0}
    negated = _negated(words, clauses)
    quotes = _inside_quotes(folded, toks)
    in_quote = any(quotes[first : last + 1]) if first <= last else False
    quoted = [q and not in_quote for q in quotes]
    # contrast words between a token and the target
    before = [0] * (n + 1)
    for i, w in enumerate(words):
        before[i + 1] = before[i] + (w in _CONTRAST)
    contrast = [False] * n
    for i in range(n):
        if i < first:
            contrast[i] = before[first] - before[i + 1] > 0
        elif i > last:
            contrast[i] = before[i] - before[last + 1] > 0
    rel: list[str | None] = [None] * n
    content = [is_content(w) and not inside[i] for i, w in enumerate(words)]
    role, g = ("other", None)
    if first <= last:
        role, g = mention_roles(p, [(first, last + 1)])[0]

    def mark(i: int, r: str) -> None:
        if 0 <= i < n and content[i] and rel[i] is None:
            rel[i] = r

    def clause_span(i: int, ref: int):
        """Tokens from ``i`` to the end of the clause of token ``ref`` (at
        most _MAX_SPAN)."""
        k = i
        while k < n and k - i < _MAX_SPAN:
            if p.brk[k] is not None or clauses[k] != clauses[ref] or p.tags[k] in ("REL", "SUB"):
                break
            yield k
            k += 1

    in_group = [-1] * n
    for gi, grp in enumerate(p.groups):
        for k in range(grp.start, grp.end):
            in_group[k] = gi
    pred_negated = False
    opposes = False
    if g is not None:
        for k in range(g.start, g.end):
            mark(k, "pred")
            if words[k] in _NEGATORS or words[k].endswith("n't"):
                pred_negated = True
        if g.end <= first and role in ("patient", "other") and g.voice == "active":
            # the target is the object: the subject precedes the verb
            k = g.start - 1
            while k >= 0 and clauses[k] == clauses[g.start] and g.start - k <= _MAX_SPAN:
                mark(k, "subj")
                k -= 1
            for k in clause_span(last + 1, last):
                mark(k, "obj")
        elif g.start > last or role in ("agent", "passive_subject", "passive_subject_with_agent",
                                        "intransitive_harm"):
            what = "attr" if g.voice == "copula" else "obj"
            if g.agent is not None:
                for k in range(*g.agent):
                    mark(k, "by")
            for k in clause_span(g.end, g.head):
                mark(k, what)
            if words[g.head] in OPPOSING or en.lemma_of(words[g.head]) in OPPOSING:
                opposes = True
            if g.end < n and words[g.end] == "against":
                opposes = True
    if first <= last:
        # modifiers before the target (within its noun phrase)
        k = first - 1
        while (
            k >= 0
            and p.brk[k + 1] is None
            and p.tags[k] in ("N", "V", "ADV")
            and in_group[k] < 0
            and first - k <= 4
        ):
            mark(k, "mod")
            k -= 1
        nxt = last + 1
        if nxt < n and words[nxt] == "'s":
            # the noun the target owns, and what that noun is aimed at
            k = nxt + 1
            head = None
            while k < n and p.brk[k] is None and p.tags[k] in _NOMINAL and k - nxt <= 4:
                mark(k, "poss")
                head = k
                k += 1
            if head is not None and k < n and p.tags[k] == "PREP" and p.brk[k] is None:
                if words[k] == "against" or words[head] in OPPOSING:
                    opposes = True
                for j in clause_span(k + 1, k):
                    mark(j, "obj")
        elif nxt < n and p.brk[nxt] == "comma" and p.tags[nxt] in ("DET", "N", "V"):
            # an apposition: "X, a convicted felon,"
            k = nxt
            while k < n and k - nxt < _MAX_SPAN and (k == nxt or p.brk[k] is None):
                mark(k, "mod")
                k += 1
        if nxt < n and p.tags[nxt] == "REL" or (
            nxt + 1 < n and p.brk[nxt] == "comma" and words[nxt] in ("who", "which")
        ):
            k = nxt + 1
            while k < n and k - nxt <= _MAX_SPAN and p.brk[k] != "comma" and p.brk[k] != "strong":
                mark(k, "pred")
                k += 1
        j = first - 1
        while j > 0 and p.tags[j] in ("DET", "NUM") and p.brk[j + 1] is None:
            j -= 1
        if j >= 1 and words[j] == "of" and p.brk[j + 1] is None:
            k = j - 1
            while k >= 0 and p.tags[k] in _NOMINAL and j - k <= 3:
                mark(k, "poss")
                if p.brk[k] is not None:
                    break
                k -= 1

    distance = []
    side = []
    same = []
    for i in range(n):
        if i < first:
            distance.append(first - i)
            side.append("L")
        else:
            distance.append(max(i - last, 0))
            side.append("R")
        same.append(clauses[i] in tclause)
        if content[i] and rel[i] is None:
            rel[i] = "clause" if same[i] else "other"
    if opposes:
        opposes = any(r == "obj" for r in rel)
    return Reading(first, last, rel, negated, contrast, quoted, distance, side, same, role, g,
                   pred_negated, opposes, in_quote)
