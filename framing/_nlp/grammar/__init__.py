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

from .groups import parse, passive_spans
from .roles import mention_roles
from .words import ROLES, Parse, VerbGroup, harm_category

__all__ = [
    "ROLES",
    "Parse",
    "VerbGroup",
    "harm_category",
    "mention_roles",
    "parse",
    "passive_spans",
]
