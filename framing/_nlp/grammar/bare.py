"""Verbs without an auxiliary: active past or present, headline passive,
reduced relative or participle clause; and intransitive harm."""

from __future__ import annotations

from dataclasses import replace

from .. import english as en
from .words import _COMPLEMENT_VERBS, VerbGroup, harm_category

#: Subordinators that open a participle clause wherever they stand ("when asked").
_BARE_SUBORDINATORS = frozenset("when whenever if unless once while though although".split())
#: Determiners that stand for a noun phrase before a participle ("all controlled by").
_BARE_QUANTIFIERS = frozenset("all both each most many some none".split())
#: Verbs of position whose participle complement is a small clause ("the car sits abandoned").
_POSTURE_FORMS = frozenset("sit sits sat sitting stand stands stood standing lie lies lay lying".split())
#: Marks that open an aside after a noun ("Rippey – nicknamed ... –", "X (elected in ...)").
_ASIDE_MARKS = ("\u2013", "\u2014", " - ", "(", "--")


class _BareVerbs:
    """The rules for verbs without an auxiliary, as methods of the verb-group
    builder (:class:`framing._nlp.grammar.groups._Builder`)."""

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
            if self.posture_small_clause(i, p):
                return self.add_passive(self.coordinated_chain(i), "reduced")
            return i + 1
        by_next = "participle" in k and self.word(i + 1) == "by" and self.joined(i + 1)
        if by_next and (
            (ptag == "DET" and (self.w[p] in _BARE_QUANTIFIERS or p < i - 1))
            or (ptag == "PREP" and self.w[p] in en.CLAUSE_PREPOSITIONS)
        ):
            # "the committees, all controlled by", "canals no longer polluted by",
            # "until changed by Congress"
            return self.bare_past(i, p, ptag)
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
            if self.w[i] not in _POSTURE_FORMS:  # "the car sits abandoned": a verb
                return i + 1  # "Israeli strikes killed": a noun before the verb
        pw = self.w[p]
        if ptag == "NUM" and "s" in k and not (
            self.joined(p) and self.text[self.spans[p - 1][0]].isupper()
        ):
            return i + 1  # "save 50,000 lives", not "Article 5 requires"
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
            self.joined(after)
            and (self.tags[after] == "PRT" or self.w[after] in ("up", "out", "down", "back", "away"))
            and self.joined(after + 1)
            and self.tags[after + 1] in ("DET", "POS", "NUM", "N")
        )  # "offered up a story", "held up pictures"
        by_agent = (
            self.word(after) == "by" and self.joined(after) and self.by_agent(after) is not None
        )
        if self.participle_preposition(i, p):
            return i + 1  # "given the rationale", ", compared with 3% a year ago"
        if (
            p is not None
            and self.adjective_like(p)
            and ((self.joined(after) and self.tags[after] == "N") or "base" in k or self.w[i] == "left")
        ):
            return i + 1  # "Israeli targeted strikes", "a political run"
        if p is not None and "base" in k and (self.tags[p] == "NUM" or self.w[p].endswith("al")):
            return i + 1  # "a 2016 run for the White House", "his presidential bid"
        if self.clause_initial(i) and self.joined(after) and self.tags[after] == "N":
            return i + 1  # "Detained reporters ..."
        if "participle" not in k or self.used_to(i) or lemma in ("say", "add"):
            return self.add_active(chain)
        if (
            "base" in k
            and len(chain) == 1
            and p is not None
            and self.nominal(p)
            and (not self.joined(i + 1) or self.tags[i + 1] in ("BE", "HAVE", "MODAL", "DO"))
        ):
            return i + 1  # a noun with a verb's form: "White House bid.", "the human cost is"
        if (
            not has_object
            and not by_agent
            and (
                self.w[i] in en.BARE_ADJECTIVAL
                or (self.w[i].startswith("un") and self.w[i] not in en.UN_VERBS)
                or (self.w[i] in en.ADJECTIVAL_BEFORE_TO and self.word(after) == "to")
            )
        ):
            return i + 1  # "figures based on ...", "unintended clashes", "members opposed to"
        if lemma in en.REPORTING_VERBS and p is not None and self.after_quote(self.np_before(p)):
            return self.add_active(chain)  # '"...," the minister noted.'
        if (
            lemma in en.REPORTING_VERBS
            and p is not None
            and after < self.n
            and self.brk[after] is not None
            and not self.joined(self.np_before(p) - (self.word(self.np_before(p) - 1) == "one"))
        ):
            return self.add_active(chain)  # a parenthetical: "..., the poll found, is ..."
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
        intransitive = lemma in en.INTRANSITIVE_VERBS or self.w[i] in en.INTRANSITIVE_PARTICIPLES
        if intransitive and "base" in k and self.word(after) != "by":
            return self.add_active(chain)  # "not only come at politics": no passive
        if lemma == "help" and self.verb(after, "base") and self.joined(after):
            return self.add_active(chain)  # "helped put the mandate on the map"
        if (
            p is not None
            and self.w[p] == "those"
            and not intransitive
            and (not has_object or self.tags[after] == "V")  # not "those computerized models"
        ):
            return self.add_passive(chain, "reduced")  # "those arrested include ..."
        if (
            p is not None
            and self.nominal(p)
            and len(chain) == 1
            and lemma not in ("expect", "claim")  # "the government expected to respond": active
            and self.evidential(i, i)
        ):
            return self.add_passive(chain, "headline" if self.headline else "reduced")  # "a man believed to be"
        if self.inverted_conditional(i):
            return self.add_active(chain)  # "Had Corbyn won, ..."
        if not has_object and lemma in en.TRANSITIVE_VERBS and self.verbless_line(i, p, after):
            return self.add_passive(chain, "headline" if self.headline else "reduced")  # "coach X sacked"
        if not by_agent and p is not None and self.nominal(p) and self.object_relative(p):
            return self.add_active(chain)  # "a decision a federal judge issued in December"
        if not by_agent and not has_object and p is not None and self.name_relative(p):
            return self.add_active(chain)  # "meetings Tillerson held with senators"
        if p is not None and self.nominal(p):
            start = self.np_before(p)
            if self.joined(start) and self.w[start - 1] in en.TIME_LEADS and start > 1:
                start = self.np_before(start - 2)  # "whose election last October represented"
            opener = self.word(start - 1) if self.joined(start) else ""
            if opener in ("and", "or") and self.joined(start - 1) and self.nominal(start - 2):
                start = self.np_before(start - 2)  # "what the vote and the recount showed"
                opener = self.word(start - 1) if self.joined(start) else ""
            if opener == "than" and self.word(start - 2) in ("more", "fewer", "less"):
                opener = ""  # "to more than 3,000 troops killed in": an amount
            if (
                opener in en.RELATIVES
                or opener in en.SUBORDINATORS
                or opener in en.CLAUSE_PREPOSITIONS
                or opener in ("why", "how", "what")
            ):
                if opener in ("which", "whom", "what") and not by_agent:
                    return self.add_active(chain)  # "the state, which Trump won by 19 points, is"
                if not by_agent and not (
                    not has_object and not intransitive and self.later_main_verb(after, lemma)
                ):
                    return self.add_active(chain)  # "whose family fled to ..."
        lead = i  # the participle and the adverbs before it: ", primarily focused on"
        while lead > 0 and self.brk[lead] is None and self.is_adv(lead - 1):
            lead -= 1
        after_comma = p is None and lead > 0 and self.brk[lead] == "comma"
        passive_kind = "headline" if self.headline else "reduced"
        if (
            after_comma
            and self.nominal(lead - 1)
            and lemma in en.NAMING_VERBS
            and self.np_start(after)
            and self.find_agent(after) is not None
        ):
            return self.add_passive(chain, passive_kind)  # "workers, dubbed class C2 by pollsters"
        if by_agent:
            return self.add_passive(chain, passive_kind)
        if (
            (not has_object or lemma in en.NAMING_VERBS or self.w[i] in ("named", "nicknamed"))
            and not intransitive
            and self.bracketed_aside(lead, after)
        ):
            return self.add_passive(chain, "reduced")  # "Rippey – nicknamed “Peach” as a toddler –"
        only_participle = "past" not in k
        if has_object and not only_participle:
            return self.add_active(chain)
        if only_participle and (p is None or self.nominal(p) or ptag == "PRON"):
            if intransitive and not self.headline:
                # no passive of an intransitive verb: "With Priebus gone, ..."
                for h in chain:
                    self.add(self.active(h, h, "nonfinite"))
                return chain[-1] + 1
            return self.add_passive(chain, passive_kind)
        if self.headline:
            if lemma in en.INTRANSITIVE_VERBS or self.earlier_finite(i) is not None:
                return self.add_active(chain)
            return self.add_passive(chain, "headline")
        if lemma in en.OBJECT_CONTROL_VERBS and self.word(after) == "to" and self.joined(after):
            return self.add_passive(chain, "reduced")  # "residents told to move south"
        if (
            lemma in en.TRANSITIVE_VERBS
            and p is not None
            and self.nominal(p)
            and self.word(after) == "to"
            and self.joined(after)
            and self.verb(after + 1, "base")
        ):
            return self.add_passive(chain, "reduced")  # "a study designed to detect"
        nxt_tag = self.tags[after] if self.joined(after) else None
        if self.clause_initial(i) and nxt_tag in (None, "PREP", "WH", "SUB", "ADV", "REL"):
            return self.add_passive(chain, "reduced")  # "Asked why ...", "When asked, ..."
        if after_comma and self.relative_aside(i):
            return self.add_active(chain)  # "Jackson, who was a slaveholder, signed"
        if after_comma and self.predicate_series(after):
            return self.add_active(chain)  # "she lobbied officers, drafted in help, and got"
        if (
            after_comma
            and self.nominal(lead - 1)
            and not self.quote_before(lead)
            and lemma not in en.REPORTING_VERBS  # "Pocan, D-Wis., announced on Monday that"
        ):
            # "the attack, condemned by ...", "Wilson, ..., accused of"
            if (
                nxt_tag == "PREP"
                and self.word(after) != "to"
                and lemma not in en.INTRANSITIVE_VERBS
            ):
                before = any(self.finite_at(m) for m in range(i))
                needs_object = lemma in en.TRANSITIVE_VERBS or lemma in en.OBJECT_SPEECH_VERBS
                fragment = not any(self.finite_at(m) for m in range(i + 1, self.n)) and (
                    needs_object or self.word(after) == "by"
                )  # "Cody Wilson, ..., accused of assault"; not "The Tribune, ..., called for"
                if before or fragment:
                    return self.add_passive(chain, "reduced")
                if self.apposition_then_verb(after):  # "The offensive, launched on May 6, has"
                    return self.add_passive(chain, "reduced")
        if p is not None and (self.nominal(p) or ptag == "PRON"):
            plural = ptag != "PRON" and self.plural_subject(p)
            if self.earlier_finite(i) is not None or self.later_main_verb(after, lemma, plural):
                if intransitive:
                    # a reduced relative of an intransitive verb, not a passive:
                    # "leaders gathered in Brussels agreed", "crowds gathered near"
                    for h in chain:
                        self.add(self.active(h, h, "nonfinite"))
                    return chain[-1] + 1
                return self.add_passive(chain, "reduced")
            start = self.np_before(p)
            before = self.tags[start - 1] if self.joined(start) else None
            if before == "TO":
                before = "PREP"  # "according to an affidavit filed in"
            if (
                before == "V"
                and start > 1
                and self.joined(start - 1)
                and "participle" in self.kinds[start - 1]
                and self.tags[start - 2] in ("DET", "POS")
            ):  # "during a targeted enforcement operation carried out in"
                start -= 1
                before = self.tags[start - 1] if self.joined(start) else None
            tail, tail_tag = after, nxt_tag
            if nxt_tag == "PRT" or self.word(after) in ("out", "aside", "off", "up", "down"):
                tail += 1  # "an operation carried out in", "the money set aside for"
                tail_tag = self.tags[tail] if self.joined(tail) else None
            ends = tail_tag in (None, "PREP", "ADV", "SUB") or (
                tail_tag == "TO" and self.tags[tail + 1] in ("DET", "N", "NUM", "POS")
            )  # "sold to militias"
            if (
                before == "PREP"
                and self.w[start - 1] == "with"
                and not intransitive
                and not has_object
                and (ends or nxt_tag == "TO")
                and not (self.w[i] in en.ADJECTIVAL_BEFORE_TO and self.word(after) == "to")
            ):
                return self.add_passive(chain, "reduced")  # "With classes scheduled to start"
            if before == "V" and ends and (
                lemma in en.TRANSITIVE_VERBS
                or (not intransitive and self.lemma(start - 1) not in _COMPLEMENT_VERBS)
            ):
                # "found bodies dumped in", "examined the wreckage recovered from"
                # (after "said", "the militants attacked at dawn" is a clause)
                return self.add_passive(chain, "reduced")
            if before == "PREP" and ends and (
                lemma in en.TRANSITIVE_VERBS or (not intransitive and self.finite_before(i))
            ):
                return self.add_passive(chain, "reduced")  # "recalled thousands of cars sold in"
            if ends and not intransitive and not has_object and self.label_after_colon(start, i):
                return self.add_passive(chain, "reduced")  # "Aaron Alexis: gunman treated for"
        return self.add_active(chain)

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
        if len(chain) == 1 and self.evidential(chain[0], chain[0]):
            # "a man believed to be in his 30s", headline "Suspect thought to have fled"
            h = chain[0]
            return self.add(VerbGroup(h, end, h, "evidential", kind, lemma, (h,)))
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
        if self.brk[i] == "strong" and self.text[self.spans[i][0]].isupper():
            return True  # "(Photos: ...) Asked when ..."
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
                if self.np_start(k + 1) and self.word(k + 1) != "by":
                    return True  # "told residents"
                if self.word(k + 1) == "to" and self.verb(k + 2, "base"):
                    return True  # "returned to find"
                if self.joined(k + 1) and (self.verb(k + 1, "ing") or self.w[k + 1] == "that"):
                    return True  # "reported hearing", "said that"
                if (
                    "past" in kinds
                    and (not self.joined(k + 1) or self.tags[k + 1] in ("PREP", "ADV"))
                    and not self.object_relative(k - 1)
                    and w not in en.BARE_ADJECTIVAL  # "met with donors worried about"
                    and self.word(k + 1) != "by"  # "pored over the file compiled by"
                ):
                    # a second past form is the main verb: "schools closed during the
                    # pandemic reopened in"; not in "on a decision a judge issued in"
                    return True
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
