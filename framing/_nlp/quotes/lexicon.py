"""The reporting-verb lexicon and its inflected forms."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ...lexicons import load_lexicon

_IRREGULAR = {
    "say": ("says", "said", "saying"),
    "tell": ("tells", "told", "telling"),
    "write": ("writes", "wrote", "written", "writing"),
    "swear": ("swears", "swore", "sworn", "swearing"),
    "read": ("reads", "read", "reading"),
    "forecast": ("forecasts", "forecast", "forecasted", "forecasting"),
    "hit": ("hits", "hit", "hitting"),
    "plead": ("pleads", "pleaded", "pled", "pleading"),
    "label": ("labels", "labeled", "labelled", "labeling", "labelling"),
}
# Final consonant doubled before -ed/-ing (stress on the last syllable).
_DOUBLE = frozenset("admit rebut quip snap sob regret commit refer abet".split())


def inflections(lemma: str) -> list[str]:
    """The lemma and its inflected forms (3rd person, past, participles, -ing).

    Multi-word verbs inflect their first word.

    Examples
    --------
    >>> inflections("say")
    ['say', 'says', 'said', 'saying']
    >>> inflections("deny")
    ['deny', 'denies', 'denied', 'denying']
    >>> inflections("point out")
    ['point out', 'points out', 'pointed out', 'pointing out']
    >>> inflections("according to")
    ['according to']
    """
    if lemma == "according to":
        return [lemma]
    head, _, rest = lemma.partition(" ")
    tail = f" {rest}" if rest else ""
    if head in _IRREGULAR:
        forms = _IRREGULAR[head]
    elif head.endswith("e"):
        stem = head if head.endswith("ee") else head[:-1]
        forms = (head + "s", head + "d", stem + "ing")
    elif len(head) > 2 and head.endswith("y") and head[-2] not in "aeiou":
        forms = (head[:-1] + "ies", head[:-1] + "ied", head + "ing")
    elif head.endswith(("s", "sh", "ch", "x", "z")):
        forms = (head + "es", head + "ed", head + "ing")
    elif head in _DOUBLE:
        forms = (head + "s", head + head[-1] + "ed", head + head[-1] + "ing")
    else:
        forms = (head + "s", head + "ed", head + "ing")
    return [lemma] + [f + tail for f in forms]


@dataclass(frozen=True)
class _Verb:
    lemma: str
    category: str
    weight: float


@cache
def reporting_verbs() -> dict[str, _Verb]:
    """Every form of the bundled reporting verbs -> lemma, category, weight."""
    table = load_lexicon("reporting_verbs")
    out: dict[str, _Verb] = {}
    for term, category, weight in table.itertuples(index=False):
        for form in inflections(term):
            out.setdefault(form, _Verb(term, category, float(weight)))
    return out


