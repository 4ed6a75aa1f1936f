"""The role of a mention in its clause, read from the verb groups of a parse."""

from __future__ import annotations

from collections.abc import Sequence

from .. import english as en
from .words import _COMPLEMENT_VERBS, Parse, VerbGroup


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
        if g is not None and g.voice in ("passive", "evidential") and g.kind in ("reduced", "headline"):
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
            if b == "strong" and steps == skips == 0 and not self.gap(k).strip(" .)"):
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
                        self.tags[k] in ("DET", "REL", "PRON", "N", "NUM")
                        or k in self.start_of
                        or (self.tags[k] == "PREP" and self.w[k] not in en.CLAUSE_PREPOSITIONS)
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
            if tag == "TO" and self.free(k + 1, "DET", "N", "NUM", "POS", "PRON") and not immediate:
                tag = "PREP"  # "fighters loyal to the government retook"
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
    if g.voice == "evidential":
        return "evidential_subject"
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
    >>> from framing._nlp.grammar import parse
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
