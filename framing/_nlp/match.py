"""Matching labels, aliases and lexicon entries against tokens.

One matcher serves every analysis that looks for a list of phrases: concept
labels, actor aliases, frame dictionaries and lexicons. Patterns are tokenised
with the shared tokenizer, so ``"U.S."``, ``"Israel's"`` and ``"full-scale"``
match exactly what the tokenizer produces from running text. A pattern may

* span several tokens (``"Israel Defense Forces"``);
* use ``*`` and ``?`` globs inside a token (``"terror*"``);
* match simple English plural and singular forms of its last word when
  ``inflect=True`` (``"terrorist"`` finds ``"terrorists"``). Actor aliases
  (``what="alias"``) name one particular actor and match as written by
  default: ``"the president"`` never finds ``"the presidents"``, nor
  ``"Palestinians"`` the adjective in ``"Palestinian territory"``.

Abbreviations match however their periods are written (``"U.S."`` finds
``"US"`` and ``"U.S."``), and a pattern word written as an acronym
(``"US"``, ``"U.S."``, ``"IDF"``) only matches text written in capitals, so
the country is never the pronoun "us" (:attr:`PatternSet.acronyms`; the
check on the text is made by :func:`framing.measures._mentions.find_mentions`).

Matches never overlap: scanning left to right, the longest pattern that starts
at a token wins, so ``"Israeli military"`` is found once as that alias and not
also as ``"Israeli"``.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from .english import NOT_PLURALS
from .text import abbreviation_key, acronym_pattern_tokens, tokenize_pattern

__all__ = ["PatternSet", "singular"]

_NO_STRIP = re.compile(r".*(?:ss|us|is|ics|ous|sis|ews|ies)$")


@lru_cache(maxsize=1 << 18)  # called for every token of every sentence searched
def singular(token: str) -> str:
    """A crude singular of an English noun, for matching only.

    Examples
    --------
    >>> [singular(t) for t in ["militants", "casualties", "crises", "hamas", "us", "bus"]]
    ['militant', 'casualty', 'crise', 'hamas', 'us', 'bus']
    """
    if token.endswith("ies") and len(token) > 4 and token != "series":
        return token[:-3] + "y"
    if len(token) <= 3 or not token.endswith("s") or token in NOT_PLURALS or _NO_STRIP.match(token):
        return token
    if token.endswith(("ches", "shes", "xes", "zes", "sses")):
        return token[:-2]
    return token[:-1]


_UNSEEN = object()
_MEMO_SIZE = 1 << 20  # distinct tokens remembered per PatternSet
_MEMO2_SIZE = 1 << 18  # word pairs remembered per PatternSet


@dataclass(frozen=True)
class _Pattern:
    index: int
    tokens: tuple[str, ...]
    regexes: tuple[re.Pattern | None, ...]
    acronym: tuple[bool, ...]  # written as an acronym: "U.S." also finds "US"
    # the second word when only that exact token matches it (no glob, acronym
    # or inflection), else None: the common case tested by one comparison
    second: str | None = None


class PatternSet:
    """A compiled set of phrases to find in token sequences.

    Parameters
    ----------
    entries : mapping of str to sequence of str, or iterable of (str, str)
        Groups of phrases: ``{"group": ["phrase", ...]}`` or ``(group,
        phrase)`` pairs. Each phrase keeps the group and its own text.
    inflect : bool, optional
        Also match the simple plural/singular of the last word of a phrase.
        By default True, except for actor aliases (``what="alias"``), which
        match as written.
    what : str, default="pattern"
        What the phrases are called in error messages ("label", "alias");
        ``"alias"`` also sets the default of ``inflect`` to False.

    Attributes
    ----------
    groups : list of str
        The group of each phrase, in input order.
    phrases : list of str
        Each phrase as given.
    acronyms : list of tuple of bool or None
        For each phrase, which of its words are written as acronyms (None
        when none is): those match only text in capitals.

    Raises
    ------
    ValueError
        If a group has no phrases, or a phrase has no word characters.

    Examples
    --------
    >>> ps = PatternSet({"armed group": ["militant", "terror*"], "army": ["Israeli forces"]})
    >>> from framing._nlp.text import tokenize
    >>> toks = tokenize("Israeli forces fought militants, not terrorists.")
    >>> [(ps.groups[i], ps.phrases[i], toks[s:e]) for i, s, e in ps.find(toks)]
    [('army', 'Israeli forces', ['israeli', 'forces']), ('armed group', 'militant', ['militants']), ('armed group', 'terror*', ['terrorists'])]
    """

    def __init__(
        self,
        entries: Mapping[str, Sequence[str]] | Iterable[tuple[str, str]],
        *,
        inflect: bool | None = None,
        what: str = "pattern",
    ) -> None:
        if inflect is None:
            inflect = what != "alias"
        pairs = _pairs(entries, what)
        self.inflect = inflect
        self.groups = [g for g, _ in pairs]
        self.phrases = [p for _, p in pairs]
        self.acronyms: list[tuple[bool, ...] | None] = []
        self._exact: dict[str, list[_Pattern]] = {}
        self._glob_first: list[_Pattern] = []
        for i, (group, phrase) in enumerate(pairs):
            toks = tokenize_pattern(phrase)
            marks = acronym_pattern_tokens(phrase)
            if len(marks) != len(toks):
                marks = (False,) * len(toks)
            self.acronyms.append(marks if any(marks) else None)
            # an abbreviation written with or without capitals ("U.S.", "u.n.", "US") matches
            # however its periods are written
            marks = tuple(m or abbreviation_key(t) != t for t, m in zip(toks, marks, strict=True))
            toks = tuple(abbreviation_key(t) if m else t for t, m in zip(toks, marks, strict=True))
            if not toks:
                raise ValueError(
                    f"{what} {phrase!r} of {group!r} has no words to match; "
                    "use letters or digits (globs * and ? are allowed inside words)"
                )
            regexes = tuple(
                re.compile(fnmatch.translate(t)) if any(c in t for c in "*?") else None
                for t in toks
            )
            if inflect and regexes[-1] is None:
                toks = toks[:-1] + (singular(toks[-1]),)
            literal = len(toks) > 1 and regexes[1] is None and not marks[1] and not (inflect and len(toks) == 2)
            pat = _Pattern(i, toks, regexes, marks, toks[1] if literal else None)
            if regexes[0] is None:
                self._exact.setdefault(toks[0], []).append(pat)
            else:
                self._glob_first.append(pat)
        for pats in self._exact.values():
            pats.sort(key=lambda p: -len(p.tokens))
        self._glob_first.sort(key=lambda p: -len(p.tokens))
        self._memo: dict[str, list[_Pattern] | None] = {}
        self._memo2: dict[tuple[str, str | None], list[_Pattern]] = {}
        self._glob_prefix = (
            re.compile("|".join(f"(?:{p.regexes[0].pattern})" for p in self._glob_first))
            if self._glob_first
            else None
        )

    def __len__(self) -> int:
        return len(self.phrases)

    def _token_matches(self, pat: _Pattern, k: int, token: str) -> bool:
        rx = pat.regexes[k]
        if rx is not None:
            return rx.match(token) is not None
        want = pat.tokens[k]
        if token == want or (pat.acronym[k] and abbreviation_key(token) == want):
            return True
        return self.inflect and k == len(pat.tokens) - 1 and singular(token) == want

    def _rest_matches(self, pat: _Pattern, tokens: Sequence[str], i: int, n: int) -> bool:
        """:meth:`_token_matches` for the third and later tokens of ``pat``
        from ``tokens[i]`` (its first two are known to match)."""
        m = len(pat.tokens)
        if i + m > n:
            return False
        last = m - 1
        for k in range(2, m):
            token = tokens[i + k]
            rx = pat.regexes[k]
            if rx is not None:
                if rx.match(token) is None:
                    return False
            elif token != pat.tokens[k] and not (pat.acronym[k] and abbreviation_key(token) == pat.tokens[k]) and not (
                self.inflect and k == last and singular(token) == pat.tokens[k]
            ):
                return False
        return True

    def _candidates(self, tok: str) -> list[_Pattern] | None:
        """Patterns whose first word matches a token, longest first (memoised:
        the same words come back in every sentence)."""
        exact = self._exact
        cands = exact.get(tok)
        key = abbreviation_key(tok)
        if key != tok and key in exact:
            # "u.s." may start a pattern written "US" or "U.S."
            cands = sorted((cands or []) + [p for p in exact[key] if p.acronym[0]], key=lambda p: -len(p.tokens))
        if self.inflect:
            base = singular(tok)
            if base != tok and base in exact:
                # "militants" may start "militants fled" and also be "militant"
                cands = sorted((cands or []) + exact[base], key=lambda p: -len(p.tokens))
        if self._glob_prefix is not None and self._glob_prefix.match(tok):
            cands = sorted((cands or []) + self._glob_first, key=lambda p: -len(p.tokens))
        if cands:
            # the lookups above only gather: "militants" brings "militant fled", whose
            # first word it is not, and one glob brings every glob
            cands = [p for p in cands if self._token_matches(p, 0, tok)] or None
        if len(self._memo) >= _MEMO_SIZE:
            self._memo.clear()
        self._memo[tok] = cands
        return cands

    def can_start(self, tok: str) -> int:
        """Whether some pattern may start at the token ``tok``: 0 (no), 1
        (yes), 2 (only patterns of two or more words: it depends on the next
        token, see :meth:`can_start_pair`)."""
        cands = self._memo.get(tok, _UNSEEN)
        if cands is _UNSEEN:
            cands = self._candidates(tok)
        if not cands:
            return 0
        return 2 if len(cands[-1].tokens) > 1 else 1  # longest first

    def can_start_pair(self, tok: str, nxt: str | None) -> bool:
        """Whether some pattern may start at ``tok`` followed by ``nxt``
        (None at the end of the sentence)."""
        cands = self._memo.get(tok, _UNSEEN)
        if cands is _UNSEEN:
            cands = self._candidates(tok)
        if not cands:
            return False
        narrowed = self._memo2.get((tok, nxt))
        return bool(self._narrowed(cands, tok, nxt) if narrowed is None else narrowed)

    def find(
        self, tokens: Sequence[str], positions: Sequence[int] | None = None
    ) -> list[tuple[int, int, int]]:
        """Non-overlapping matches in ``tokens`` as ``(phrase, start, end)``.

        ``phrase`` indexes :attr:`phrases`; ``start``/``end`` are token
        positions (end exclusive). ``positions``, when given, are the sorted
        token positions where :meth:`can_start` is True (the same matches,
        without visiting the other tokens).
        """
        return self._find_at(tokens, range(len(tokens)) if positions is None else positions)

    def _narrowed(self, cands: list[_Pattern], tok: str, nxt: str | None) -> list[_Pattern]:
        """The patterns of ``cands`` (in order) whose second token can be
        ``nxt`` (None: the sentence ends), memoised per word pair."""
        if nxt is None:
            out = [p for p in cands if len(p.tokens) == 1]
        else:
            out = [
                p
                for p in cands
                if len(p.tokens) == 1 or p.second == nxt or (p.second is None and self._token_matches(p, 1, nxt))
            ]
        if len(self._memo2) >= _MEMO2_SIZE:
            self._memo2.clear()
        self._memo2[(tok, nxt)] = out
        return out

    def _find_at(self, tokens: Sequence[str], positions: Iterable[int]) -> list[tuple[int, int, int]]:
        """:meth:`find` visiting only ``positions`` (every other token has no
        candidate pattern, so :meth:`find` steps over it). The candidates of a
        token all match it (:meth:`_candidates`), so a one-word candidate is a
        match; of longer ones only those whose second word matches the next
        token are tried (:meth:`_narrowed`), and two-word ones among them match."""
        out = []
        n = len(tokens)
        nxt = 0  # first token after the last match
        memo, memo2 = self._memo, self._memo2
        for i in positions:
            if i < nxt:
                continue
            tok = tokens[i]
            cands = memo.get(tok, _UNSEEN)
            if cands is _UNSEEN:
                cands = self._candidates(tok)
            if not cands:
                continue
            best = cands[0]
            if len(best.tokens) > 1:
                key = (tok, tokens[i + 1] if i + 1 < n else None)
                narrowed = memo2.get(key)
                if narrowed is None:
                    narrowed = self._narrowed(cands, *key)
                best = None
                for pat in narrowed:
                    if len(pat.tokens) <= 2 or self._rest_matches(pat, tokens, i, n):
                        best = pat
                        break
                if best is None:
                    continue
            nxt = i + len(best.tokens)
            out.append((best.index, i, nxt))
        return out


def _pairs(entries, what: str) -> list[tuple[str, str]]:
    if isinstance(entries, Mapping):
        pairs = []
        for group, phrases in entries.items():
            if isinstance(phrases, str):
                phrases = [phrases]
            phrases = list(phrases or [])
            if not phrases:
                raise ValueError(
                    f"{group!r} has no {what}es"
                    if what.endswith("s")
                    else f"{group!r} has no {what}s; give at least one"
                )
            for p in phrases:
                if not isinstance(p, str):
                    raise TypeError(
                        f"{what} of {group!r} must be strings, got {type(p).__name__}: {p!r}"
                    )
                pairs.append((str(group), p))
    else:
        pairs = [(str(g), p) for g, p in entries]
    if not pairs:
        raise ValueError(f"no {what}s given")
    return pairs
