"""Verbs without an auxiliary: active past or present, headline passive,
reduced relative or participle clause; and intransitive harm."""

from __future__ import annotations

from dataclasses import replace

from .. import english as en
from .shapes import _POSTURE_FORMS, _QUOTED_NAME_VERBS, _ClauseShapes
from .words import _COMPLEMENT_VERBS, VerbGroup, harm_category

#: The nouns of "lost their lives" (intransitive harm after a possessive).
LIVES = ("life", "lives")

#: Prepositions a prepositional verb leaves before "by" ("looked after by", "paid for by").
_STRANDED = frozenset("about after at for into of on over to upon with".split())

#: Determiners that stand for a noun phrase before a participle ("all controlled by").
_BARE_QUANTIFIERS = frozenset("all both each most many some none".split())
# verbs of purpose whose participle before "to" + verb is passive ("a plan, meant to ...")
_PURPOSE_VERBS = frozenset({"mean", "intend"})


class _BareVerbs(_ClauseShapes):
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
        if (
            ptag == "PREP"
            and self.w[p] == "as"
            and "participle" in k
            and self.joined(i)
            and (not self.joined(i + 1) or self.tags[i + 1] == "CONJ")
            and not (self.joined(p) and self.tags[p - 1] == "V" and self.lemma(p - 1) in en.AS_VERBS)
        ):  # not the complement of "seen as", "described as"
            return self.bare_past(i, p, ptag)  # "as planned,", "as promised."
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

    def time_end(self, i: int) -> bool:
        """The time adverbial at ``i`` ("Monday", "last week") closes the clause:
        a break, the end, a preposition, a conjunction or a subordinator follows."""
        j = i + 1
        while self.joined(j) and (
            self.w[j] in en.TIME_UNITS
            or self.w[j] in en.TIME_WORDS
            or self.w[j] in en.TIME_CLOSERS
            or self.tags[j] == "NUM"
        ):
            j += 1
        return not self.joined(j) or self.tags[j] in ("PREP", "CONJ", "SUB")

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
        quoted_name = after < self.n and self.opens_quote(after) and lemma in _QUOTED_NAME_VERBS
        if quoted_name and p is not None and self.nominal(p) and self.joined(self.np_before(p)):
            has_object = False  # 'a letter signed "The Committee"': a name, no object
        by = after + (self.word(after) in _STRANDED and self.word(after + 1) == "by")
        by_agent = (  # "the children looked after by the charity": a prepositional verb
            self.word(by) == "by"
            and self.joined(by)
            and self.joined(after)
            and self.by_agent(by) is not None
        )
        if self.participle_preposition(i, p):
            return i + 1  # "given the rationale", ", compared with 3% a year ago"
        that = after + (self.word(after) in en.TIME_WORDS and self.joined(after))
        if (
            p is not None
            and self.nominal(p)
            and self.word(that) == "that"
            and self.joined(that)
            and not self.time_phrase(that)
            and lemma not in en.OBJECT_SPEECH_VERBS
            and lemma not in en.OBJECT_CONTROL_VERBS
        ):
            return self.add_active(chain)  # "Margolis once joked that", not "voters told that"
        if ptag == "CONJ" and self.coordinated_predicate(p):
            return self.add_active(chain)  # "I thanked both sides and asked to raise the sum"
        if ptag == "CONJ" and not has_object and "participle" in k:
            g = self.conjunct_before(p)
            if g is not None and g.voice == "passive" and g.kind == "reduced" and g.end < p:
                return self.add_passive(chain, "reduced")  # "men arrested in a raid and charged"
        if (
            p is not None
            and self.adjective_like(p)
            and ((self.joined(after) and self.tags[after] == "N") or "base" in k or self.w[i] == "left")
        ):
            return i + 1  # "Israeli targeted strikes", "a political run"
        if self.premodifier_after_adjective(i, p, lemma):
            return i + 1  # "his false written statement", "the only known survivor"
        if p is not None and "base" in k and (self.tags[p] == "NUM" or self.w[p].endswith("al")):
            return i + 1  # "a 2016 run for the White House", "his presidential bid"
        if (
            p is not None
            and "base" in k
            and "-" in self.w[p].strip("-")
            and self.joined(p)
            and self.w[p - 1] in ("a", "an")
            and self.word(after) != "by"
        ):
            return i + 1  # "a last-minute bid to", "a long-shot run for", not "a 9-year-old hit by"
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
        if not by_agent and p is not None and self.after_relative_agent(p, after, lemma):
            return self.add_active(chain)  # "the book written by her father sold well"
        if not has_object and lemma in en.TRANSITIVE_VERBS and self.verbless_line(i, p, after):
            return self.add_passive(chain, "headline" if self.headline else "reduced")  # "coach X sacked"
        if not by_agent and p is not None and self.nominal(p) and self.object_relative(p):
            return self.add_active(chain)  # "a decision a federal judge issued in December"
        if not by_agent and not has_object and p is not None and self.name_relative(p):
            return self.add_active(chain)  # "meetings Tillerson held with senators"
        if p is not None and self.nominal(p):
            start = self.np_before(p)
            if (
                self.joined(start)
                and self.w[start - 1] in en.TIME_LEADS
                and start > 1
                and self.time_phrase(start - 1)
            ):
                start = self.np_before(start - 2)  # "whose election last October represented"
            opener = self.word(start - 1) if self.joined(start) else ""
            if opener in en.POSSESSIVES and start > 1 and self.joined(start - 1):
                start -= 1  # "the areas that his aides concluded were"
                opener = self.word(start - 1)
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
                if opener == "that" and not by_agent and self.relative_that(start - 1):
                    return self.add_active(chain)  # "the evidence that Mueller amassed was"
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
        if (
            p is not None
            and self.w[p] == "as"
            and self.joined(i)
            and nxt_tag in (None, "CONJ")
            and not intransitive
            and not has_object
        ):
            return self.add_passive(chain, "reduced")  # "to run it as planned,", "as promised."
        if (
            after_comma
            and self.nominal(lead - 1)
            and (lemma in en.TRANSITIVE_VERBS or lemma in _PURPOSE_VERBS)
            and self.word(after) == "to"
            and self.joined(after)
            and self.verb(after + 1, "base")
            and not self.evidential(i, i)
        ):
            return self.add_passive(chain, "reduced")  # "a new campaign, meant to win back"
        if self.clause_initial(i) and nxt_tag in (None, "PREP", "WH", "SUB", "ADV", "REL"):
            return self.add_passive(chain, "reduced")  # "Asked why ...", "When asked, ..."
        if after_comma and self.relative_aside(i):
            return self.add_active(chain)  # "Jackson, who was a slaveholder, signed"
        needs_object = lemma in en.TRANSITIVE_VERBS or lemma in en.OBJECT_SPEECH_VERBS
        if after_comma and (
            self.predicate_series(after)
            or (not needs_object and self.series_after_object(lead, after))
        ):
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
            if tail_tag is not None and self.time_phrase(tail) and self.time_end(tail):
                ends = True  # "in a plan presented Monday, ...": a time adverbial, no object
            if quoted_name:
                ends = True  # 'a letter signed "The Committee"'
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

    def coordinated_chain(self, i: int) -> list[int]:
        """Bare past forms in a row: "killed, raped and abducted"."""
        chain = [i]
        k = i + 1
        while k + 1 < self.n and len(chain) < 5:
            if (
                self.brk[k] == "comma"
                and self.verb(k, "past")
                and self.verb(k, "participle")
                and self.lemma(k) not in ("say", "add")  # '..., as planned, said Ames'
            ):
                chain.append(k)
                k += 1
                continue
            if self.joined(k) and self.w[k] in ("and", "or") and self.joined(k + 1):
                # "injured and taken to hospital": a participle-only form after a participle
                only = "participle" in self.kinds[i] and set(self.kinds[k + 1]) == {"participle"}
                if only or (self.verb(k + 1, "past") and self.verb(k + 1, "participle")):
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
                flag = self.w[nxt] in en.POSSESSIVES and self.word(nxt + 1) in LIVES
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
