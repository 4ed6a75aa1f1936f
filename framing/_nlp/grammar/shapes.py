"""Shapes of the clause around a bare verb: asides, relatives without
"that", clause openers and the verbs before and after it. Predicates of the
verb-group builder that :mod:`framing._nlp.grammar.bare` consults."""

from __future__ import annotations

from .. import english as en
from .words import _COMPLEMENT_VERBS

#: Subordinators that open a participle clause wherever they stand ("when asked").
_BARE_SUBORDINATORS = frozenset("when whenever if unless once while though although".split())
#: Verbs of position whose participle complement is a small clause ("the car sits abandoned").
_POSTURE_FORMS = frozenset("sit sits sat sitting stand stands stood standing lie lies lay lying".split())

#: Verbs whose participle takes a quoted name or title ('a note signed "J.K."').
_QUOTED_NAME_VERBS = frozenset("sign title entitle headline caption label mark stamp".split())
#: Linking verbs that are seldom nouns: after a plural subject's phrase, the main verb.
_LINKING_BASES = frozenset("remain seem stay become prove".split())
#: Verbs whose participle takes a noun as its complement ("the woman elected mayor").
_PREDICATIVE = frozenset("appoint crown declare elect make name nominate proclaim vote".split())
#: Nouns that take a "that" clause of their content ("reports that civilians killed in ...").
_CONTENT_NOUNS = frozenset(
    """fact news report reports claim claims allegation allegations fear fears belief
    hope hopes word sign signs suggestion suggestions concern concerns idea notion
    view assurance assurances warning warnings rumour rumours rumor rumors
    statement announcement evidence proof""".split()
)
#: Marks that open an aside after a noun ("Rippey \u2013 nicknamed ... \u2013", "X (elected in ...)").
_ASIDE_MARKS = ("\u2013", "\u2014", " - ", "(", "--")


class _ClauseShapes:
    """Predicates on the tokens and groups of the verb-group builder
    (:class:`framing._nlp.grammar.groups._Builder`)."""

    def coordinated_predicate(self, c: int) -> bool:
        """The "and" or "or" at ``c`` joins a second predicate to an active
        verb of the same clause, with no subject of its own between ("I
        complimented both sides and asked to", "shelled the camp and killed")."""
        g = self.conjunct_before(c)
        return g is not None and g.kind == "finite" and g.voice == "active" and g.end <= c - 1

    def conjunct_before(self, c: int):
        """The verb group of the clause before the "and" or "or" at ``c``,
        with no clause opener between (None if there is none)."""
        if self.w[c] not in ("and", "or"):
            return None
        m = c - 1
        while m >= 0 and self.joined(m + 1):
            if self.tags[m] in ("SUB", "REL", "WH", "CONJ") or self.w[m] in en.CLAUSE_PREPOSITIONS:
                return None
            for g in self.groups:
                if g.head == m:
                    return g
            m -= 1
        return None

    def relative_that(self, k: int) -> bool:
        """The "that" at ``k`` opens a relative clause: it follows a noun that
        does not take a clause of its content ("the areas that her advisers
        concluded were", not "reports that civilians killed in the raid were")."""
        return (
            k > 0
            and self.joined(k)
            and self.nominal(k - 1)
            and not self.used[k - 1]
            and self.w[k - 1] not in _CONTENT_NOUNS
        )

    def posture_small_clause(self, i: int, p: int) -> bool:
        """The participle at ``i`` is the complement of a verb of position at
        ``p``, a small clause of a passive ("the car sits abandoned", "homes
        lay destroyed"); not an adjectival participle ("stood accused"
        aside, "sat based in") nor an intransitive one ("lay fallen")."""
        k = self.kinds[i]
        if self.w[p] not in _POSTURE_FORMS or "participle" not in k or "ing" in k:
            return False
        w, after = self.w[i], self.coordinated_chain(i)[-1] + 1
        return not (
            w in en.BARE_ADJECTIVAL
            or w in en.ADJECTIVAL_PARTICIPLES
            or w in en.INTRANSITIVE_PARTICIPLES
            or self.lemma(i) in en.INTRANSITIVE_VERBS
            or self.np_start(after)
        )

    def bracketed_aside(self, lead: int, after: int) -> bool:
        """The participle clause from ``lead`` opens with a dash or a bracket
        right after a noun and closes before the next break with no verb of
        its own: an aside about that noun ("Charles Rippey – nicknamed “Peach”
        as a toddler – was among", "Diaz (elected to the board in 2019)")."""
        if lead == 0 or self.brk[lead] != "strong" or not self.nominal(lead - 1):
            return False
        gap = self.text[self.spans[lead - 1][1] : self.spans[lead][0]]
        if not any(mark in gap for mark in _ASIDE_MARKS):
            return False
        k = after
        while k < self.n and self.brk[k] is None:
            if self.finite_at(k) or self.used[k]:
                return False
            k += 1
        if k == self.n:
            return "(" in gap
        closing = self.text[self.spans[k - 1][1] : self.spans[k][0]]
        return any(mark in closing for mark in ("\u2013", "\u2014", " - ", ")", "--"))

    def verbless_line(self, i: int, p: int | None, after: int) -> bool:
        """The participle at ``i`` ends a clause that has no other verb and
        follows a noun phrase that opens the sentence: a headline-like line in
        running text ("Health board chief executive Tony Reyes sacked")."""
        if p is None or not self.nominal(p) or (after < self.n and self.brk[after] is None):
            return False
        if self.np_before(p) != 0 or any(self.tags[m] == "PREP" for m in range(p)):
            return False
        return not any(self.finite_at(m) or self.used[m] for m in range(self.n) if m != i)

    def participle_preposition(self, i: int, p: int | None) -> bool:
        """ "given" before a noun phrase or "that", and "compared" before "with"
        or "to", opening their clause: prepositions, not participle clauses
        ("given the rationale of the coup", "rose 3%, compared with 5% in")."""
        if p is not None and self.nominal(p):
            return False
        nxt = self.word(i + 1) if self.joined(i + 1) else ""
        if self.w[i] == "given":
            return nxt == "that" or (self.np_start(i + 1) and nxt != "by")
        return self.w[i] == "compared" and nxt in ("with", "to")

    def relative_aside(self, i: int) -> bool:
        """The comma segments before ``i`` hold a relative clause (or an
        "including", "like" or "such as" aside) set off by commas after a subject with no verb
        before it, so the verb at ``i`` is the main verb: "Schumer, Democrat of
        New York, who recommended Lynch, called for", "groups, including the
        Club for Growth, called on"."""
        m = i - 1
        for _ in range(3):
            while m > 0 and self.brk[m] is None:
                m -= 1
            if m <= 0 or self.brk[m] != "comma":
                return False
            if self.w[m] in ("who", "which", "whose", "including", "like", "such"):
                k = m - 1
                while k >= 0 and self.brk[k + 1] != "strong":
                    if self.finite_at(k) or self.used[k]:
                        return False
                    k -= 1
                return True
            m -= 1
        return False

    def predicate_series(self, k: int) -> bool:
        """The comma segment from ``k`` is followed by ", and" or ", or" and a
        verb without a subject: one of a series of predicates ("lobbied
        officers, drafted in support, and got him a diary")."""
        while k < self.n and self.brk[k] is None:
            k += 1
        if k >= self.n or self.brk[k] != "comma" or self.w[k] not in ("and", "or"):
            return False
        v = k + 1
        while self.joined(v) and self.is_adv(v):
            v += 1
        return self.joined(v) and (
            (self.tags[v] in ("BE", "HAVE", "GET", "DO", "MODAL") and self.finite_at(v))
            or self.verb(v, "past", "s")
        )

    def series_after_object(self, lead: int, k: int) -> bool:
        """The comma before ``lead`` closes the object of an active verb, and
        the segment from ``k`` goes on with "and" or "or" and another past form
        without "by": the middle of a series of predicates ("kept 45 percent,
        compromised on 24 percent and stalled on the rest"). The caller leaves
        out verbs that need an object ("a driver, accused of speeding and")."""
        m = lead - 1
        while m > 0 and self.joined(m) and not any(g.head == m for g in self.groups):
            m -= 1
        g = next((g for g in self.groups if g.head == m), None)
        if g is None or g.voice != "active" or g.kind != "finite" or g.end >= lead - 1:
            return False
        while self.joined(k):
            if self.w[k] in ("and", "or") and self.joined(k + 1):
                v = k + 1
                return self.verb(v, "past") and self.word(v + 1) != "by"
            k += 1
        return False

    def label_after_colon(self, start: int, i: int) -> bool:
        """The clause of the participle at ``i`` starts at ``start`` right after
        a colon and has no other verb: a caption or label in running text
        ("Aaron Alexis: Navy Yard gunman treated for paranoia")."""
        if start == 0 or self.brk[start] != "strong":
            return False
        if ":" not in self.text[self.spans[start - 1][1] : self.spans[start][0]]:
            return False
        k = start
        while k < self.n and (k == start or self.brk[k] != "strong"):
            if k != i and (self.finite_at(k) or self.used[k]):
                return False
            k += 1
        return True

    def object_relative(self, p: int) -> bool:
        """The noun phrase ending at ``p`` starts with a determiner right after
        another noun: the subject of a relative clause without "that" ("a
        decision a federal judge issued", "the limits the court set")."""
        start = p
        while start > 0 and self.joined(start) and self.tags[start - 1] in ("N", "NUM", "POS"):
            start -= 1
        return (
            start > 1
            and self.joined(start)
            and self.tags[start - 1] == "DET"
            and self.w[start - 1] in ("a", "an", "the")
            and self.joined(start - 1)
            and self.tags[start - 2] in ("N", "V")  # "report" read as noun or verb
            and not self.used[start - 2]
        )

    def name_relative(self, p: int) -> bool:
        """The name ending at ``p`` follows a common noun in lower case: the
        subject of a relative clause without "that" ("the meetings Tillerson
        held", "a promise Trump made")."""
        def name(k: int) -> bool:
            return self.tags[k] == "N" and not self.kinds[k] and self.text[self.spans[k][0]].isupper()

        if not name(p):
            return False
        m = p
        while m > 0 and self.joined(m) and name(m - 1):
            m -= 1
        if m == 0 or not self.joined(m) or self.used[m - 1]:
            return False
        prev = m - 1
        return (
            self.tags[prev] in ("N", "V")
            and not self.text[self.spans[prev][0]].isupper()
            and self.w[prev] not in en.NAME_INNER_WORDS
            and not self.adjective_like(prev)
        )

    def inverted_conditional(self, i: int) -> bool:
        """ "Had" opens the clause and only a noun phrase (and "not") stands
        between it and the participle at ``i``: "Had Nunes not chosen to"."""
        m = i - 1
        while m > 0 and self.joined(m + 1) and (self.nominal(m) or self.tags[m] in ("NEG", "DET")):
            m -= 1
        return (
            m >= 0
            and m < i - 1
            and self.w[m] == "had"
            and (m == 0 or not self.joined(m) or self.tags[m - 1] in ("SUB", "CONJ"))
        )

    def finite_before(self, i: int) -> bool:
        """A finite verb (not a passive) comes earlier in the clause of token
        ``i``, with no clause opener between ("recalled thousands of cars sold
        in", not "made clear that approval of the pipeline depended on")."""
        m = i - 1
        while m >= 0 and self.joined(m + 1):
            if self.tags[m] == "CONJ" and self.joined(m) and self.nominal(m - 1) and self.nominal(m + 1):
                m -= 1  # "an airdrop of food and water for citizens stranded": one noun phrase
                continue
            if self.tags[m] in ("SUB", "REL", "CONJ", "WH") or self.w[m] in en.CLAUSE_PREPOSITIONS:
                return False
            for g in self.groups:
                if g.start <= m < g.end and g.kind == "finite" and g.voice != "passive":
                    return True
            m -= 1
        return False

    def apposition_then_verb(self, k: int) -> bool:
        """The comma segment from ``k`` closes with a comma and a finite verb."""
        while k < self.n and self.brk[k] is None:
            k += 1
        return k < self.n and self.brk[k] == "comma" and self.finite_at(k)

    def opens_quote(self, k: int) -> bool:
        """An opening quotation mark stands right before token ``k``."""
        gap = self.text[self.spans[k - 1][1] : self.spans[k][0]].rstrip()
        return gap[-1:] in ("\u201c", "\u2018") or (
            gap[-1:] in ("\"", "'") and gap[-2:-1].isspace()
        )

    def after_quote(self, i: int) -> bool:
        """A closing quotation mark and a comma come right before token ``i``."""
        if i == 0:
            return False
        gap = self.text[self.spans[i - 1][1] : self.spans[i][0]]
        return "," in gap and any(q in gap for q in "\"\u201d'\u2019")

    def used_to(self, i: int) -> bool:
        """Habitual "used to" + verb without "be": "People used to gather"."""
        return self.w[i] == "used" and self.word(i + 1) == "to" and self.verb(i + 2, "base")

    def clause_initial(self, i: int) -> bool:
        """At the start of the sentence, or right after a subordinator that
        opens it ("When asked, ...", "If elected, ...")."""
        if i == 0:
            return True
        if self.brk[i] == "strong" and self.text[self.spans[i][0]].isupper():
            return True  # "(Photos: ...) Asked when ..."
        if (
            self.w[i - 1] == "once"
            and i > 1
            and self.joined(i - 1)
            and (self.nominal(i - 2) or self.tags[i - 2] in ("REL", "PRON"))
        ):
            return False  # "Margolis once joked that", "a place that once felt": an adverb
        return (
            self.joined(i)
            and self.tags[i - 1] == "SUB"
            and (not self.joined(i - 1) or self.w[i - 1] in _BARE_SUBORDINATORS)
        )  # "five years ago when adjusted for inflation"

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

    def later_main_verb(self, k: int, lemma: str = "", plural: bool = False) -> bool:
        """Only prepositional phrases and adverbs between ``k`` and a finite
        verb in the same comma segment: "civilians killed in the strike were
        buried" (``lemma``: the participle before ``k``; "as" after a verb of
        :data:`~framing._nlp.english.AS_VERBS` opens no clause: "a man
        identified as the gunman was shot"). After a ``plural`` subject a
        verb in "-s" does not agree and is read as a noun ("Republicans
        focused on questioning him about administration leaks")."""
        first = k
        while self.joined(k) or (
            k < self.n
            and self.brk[k] == "comma"
            and self.tags[k] in ("BE", "HAVE", "MODAL", "DO")
            and self.finite_at(k)
            and not self.opens_quote(k)  # 'as crowds chanted, "I'd rather ...'
        ):
            tag, w = self.tags[k], self.w[k]
            if w == "as" and k == first and lemma in en.AS_VERBS:
                k += 1
                continue
            if tag == "TO" and self.joined(k + 1) and self.tags[k + 1] in ("DET", "N", "POS", "NUM"):
                tag = "PREP"  # "leaked to the press revealed"
            if (
                w in ("and", "or")
                and k > first
                and self.verb(k + 1, "participle")
                and self.joined(k + 1)
                and not self.np_start(k + 2)
                and self.word(k + 2) != "that"
            ):
                k += 2  # "the men arrested in the raid and charged with murder appeared"
                continue
            if tag in ("SUB", "REL", "CONJ", "WH", "TO") or w in en.CLAUSE_PREPOSITIONS:
                return False
            if w in en.SUBJECT_PRONOUNS and (w != "it" or (self.joined(k + 1) and self.finite_at(k + 1))):
                return False  # a new subject: "complained Tuesday it would be"
            if tag in ("BE", "HAVE", "MODAL", "DO") and self.finite_at(k):
                return True
            premodifier = self.tags[k - 1] == "ADV" and k >= 2 and self.tags[k - 2] == "DET"
            if tag == "V" and self.finite_at(k) and self.tags[k - 1] != "PRON" and not premodifier:
                kinds = self.kinds[k]
                counted = self.tags[k - 1] == "N" and k >= 2 and self.tags[k - 2] == "NUM"
                if set(kinds) == {"s"} and (plural or counted):
                    k += 1  # "19 percentage points": a noun
                    continue
                if "participle" not in kinds or "s" in kinds:
                    return True  # "took", "says"
                quoted = k + 1 < self.n and self.lemma(k) in _QUOTED_NAME_VERBS and self.opens_quote(k + 1)
                if self.np_start(k + 1) and self.word(k + 1) != "by" and not quoted:
                    return True  # "told residents", not 'a note signed "J.K."'
                if self.word(k + 1) == "to" and self.verb(k + 2, "base"):
                    return True  # "returned to find"
                if self.joined(k + 1) and (self.verb(k + 1, "ing") or self.w[k + 1] == "that"):
                    return True  # "reported hearing", "said that"
                if (
                    "past" in kinds
                    and (not self.joined(k + 1) or self.tags[k + 1] in ("PREP", "ADV", "PRT"))
                    and not self.object_relative(k - 1)
                    and w not in en.BARE_ADJECTIVAL  # "met with donors worried about"
                    and self.word(k + 1) != "by"  # "pored over the file compiled by"
                ):
                    # a second past form is the main verb: "schools closed during the
                    # pandemic reopened in"; not in "on a decision a judge issued in"
                    return True
            if self.plural_present(k, plural):
                return True  # "the documents handed to investigators show the payments"
            if tag in ("PREP", "DET", "N", "NUM", "ADV", "NEG", "POS", "PRT", "PRON", "V"):
                k += 1
                continue
            return False
        return False

    def premodifier_after_adjective(self, i: int, p: int | None, lemma: str) -> bool:
        """A participle-only form between a determiner's adjective and a noun
        is part of the noun phrase ("his false written statement", "the only
        known survivor"); not after a verb that keeps an object or names
        ("the man given asylum", "the woman elected mayor")."""
        return (
            p is not None
            and p > 0
            and "past" not in self.kinds[i]
            and self.tags[p] == "N"
            and not self.plural_subject(p)
            and self.joined(p)
            and (self.tags[p - 1] in ("DET", "POS") or self.w[p - 1] in en.POSSESSIVES)
            and self.joined(i + 1)
            and (  # a noun, or a noun with a verb's base form ("the sole known witness")
                self.tags[i + 1] == "N"
                or (self.tags[i + 1] == "V" and set(self.kinds[i + 1]) == {"base"})
            )
            and not self.time_phrase(i + 1)
            and lemma not in en.DITRANSITIVE_VERBS
            and lemma not in en.NAMING_VERBS
            and lemma not in _PREDICATIVE
        )

    def after_relative_agent(self, p: int, after: int, lemma: str) -> bool:
        """The noun phrase ending at ``p`` is the by-agent of a reduced relative
        on the subject, with no finite verb before it in its clause and none
        later: the past form
        after it is the main verb ("the book written by her father sold well")."""
        g = next((g for g in self.groups if g.agent is not None and g.agent[1] == p + 1), None)
        return (
            g is not None
            and g.voice == "passive"
            and g.kind == "reduced"
            and self.joined(p + 1)
            and self.earlier_finite(g.start) is None  # "said the house built by ..." too
            and not self.later_main_verb(after, lemma)
        )

    def plural_present(self, k: int, plural: bool) -> bool:
        """A present verb without "-s" after the plural subject's prepositional
        phrase, with an object or a that-clause after it ("families forced from
        their homes need shelter"), or a linking verb ("homes damaged in the
        storm remain"); not a noun of a compound ("the border patrol agents"):
        a bare noun object only after a plural noun ("lines face heavy losses")."""
        kinds = self.kinds[k]
        before = self.w[k - 1]
        if (
            plural
            and set(kinds) == {"base"}
            and kinds["base"] in _LINKING_BASES
            and self.tags[k - 1] in ("N", "V")
        ):
            return True  # "homes damaged in the storm remain without power"
        agrees = before.endswith("s") and not before.endswith(("ss", "us", "is"))
        return (
            plural
            and self.tags[k] == "V"
            and "base" in kinds
            and not ({"past", "participle", "s", "ing"} & set(kinds))
            and self.tags[k - 1] == "N"
            and self.joined(k + 1)
            and (
                self.w[k + 1] == "that"
                or (self.np_start(k + 1) and (self.tags[k + 1] != "N" or agrees))
            )
        )
