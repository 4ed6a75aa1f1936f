"""Rules that find quotations and attributions in one article.

The rules read the article as written: quotation marks paired within a
paragraph (news style reopens a quote that runs on into the next paragraph and
leaves the previous paragraph without a closing mark), reporting verbs from the
bundled ``reporting_verbs`` lexicon (its forms from
:func:`framing._nlp.english.reporting_verbs`), and the noun phrase next to each
verb as its speaker. Everything inside quotation marks is masked before verbs
and speakers are looked for, so a "said" inside a quote never attributes
anything.

Modules, in the order the rules run:

* :mod:`.marks` -- pairing quotation marks;
* :mod:`.doc` -- the article model (sentences, tokens, the masked copy);
* :mod:`.verbs` -- reporting verbs in use; :mod:`.speakers` and
  :mod:`.phrases` -- their speakers;
* :mod:`.content` -- what indirect speech reports;
* :mod:`.extract` -- quotations assigned to attributions, one row each;
* :mod:`.entities` -- pronoun speakers and speakers mapped to actors.

Public entry points (used by :func:`framing.measures.quotes.quotes` and by other
analyses): :func:`quoted_spans`, :func:`extract`, :func:`match_actors`,
:func:`resolve_pronouns`.
"""

from .entities import looks_like_person, match_actors, resolve_pronouns
from .extract import KINDS, SCARE_MAX_WORDS, extract
from .marks import Quote, pair_quotes, quoted_spans

__all__ = [
    "KINDS",
    "SCARE_MAX_WORDS",
    "Quote",
    "extract",
    "looks_like_person",
    "match_actors",
    "pair_quotes",
    "quoted_spans",
    "resolve_pronouns",
]
