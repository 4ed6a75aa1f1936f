"""Which sentences can hold a counted verb group, from their words alone.

A passive or evidential group needs a word with a participle reading; an
active group of harm needs a verb whose lemma is in the ``harm_verbs``
lexicon; intransitive harm needs a death verb (also in that lexicon), "dead",
an injury noun ("sustained injuries") or "life"/"lives" ("lost their
lives"). A sentence with none of these has no such group, so its clause
rules need not run. Every test reads the word lists the rules read.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from .. import english as en
from .bare import LIVES
from .words import _kinds, harm_category

__all__ = ["may_hold_counted_group"]


@cache
def _may_open(w: str) -> bool:
    kinds = _kinds(w)
    if "participle" in kinds or w == "dead" or w in en.INJURY_NOUNS or w in LIVES:
        return True
    if harm_category(w) is not None or w in en.DEATH_VERBS:
        return True
    return any(harm_category(lemma) is not None or lemma in en.DEATH_VERBS for lemma in kinds.values())


def may_hold_counted_group(words: Iterable[str]) -> bool:
    """False when no passive, evidential or harm group can be found among
    ``words`` (the tokens of one sentence), whatever their context."""
    return any(map(_may_open, words))
