"""How a text holds a label it uses: as its own word, rejected, or handed to others.

A label a text *uses* is its own choice ("the invasion began"). A text can also
name a word to reject it ("rather than an invasion", "not a massacre") or to
attribute it to others ("what critics call an invasion", "the so-called
invasion"); counting those as the outlet's word choice credits it with the very
label it declines. :func:`label_stance` reads the few words before a match, up
to the start of its clause; the cue words are in
:mod:`framing._nlp.english` (section "stance toward a label").
"""

from __future__ import annotations

from collections.abc import Sequence

from . import english as en

__all__ = ["STANCES", "label_stance"]

#: The stances, in the order of every table.
STANCES = ("used", "rejected", "attributed")

#: How many words before a label a stance cue may stand.
WINDOW = 6


def label_stance(words: Sequence[str], start: int) -> str:
    """The stance toward the label at token ``start`` of a sentence's (folded) ``words``.

    Examples
    --------
    >>> from framing._nlp.text import tokenize
    >>> def stance(text, word):
    ...     words = tokenize(text)
    ...     return label_stance(words, words.index(word))
    >>> stance("Officials authorised limited strikes rather than a full-scale incursion.", "incursion")
    'rejected'
    >>> stance("It was not a massacre, the ministry said.", "massacre")
    'rejected'
    >>> stance("Protesters denounced what critics call an invasion.", "invasion")
    'attributed'
    >>> stance("The so-called incursion began at dawn.", "incursion")
    'attributed'
    >>> stance("The incursion began at dawn, not at night.", "incursion")
    'used'
    >>> stance("Talks failed, and the invasion began.", "invasion")
    'used'
    """
    lo = start
    while lo > 0 and start - lo < WINDOW and words[lo - 1] not in en.STANCE_BARRIERS and words[lo - 1] not in ",;:":
        lo -= 1
    before = list(words[lo:start])
    for k in range(len(before)):
        for phrase in en.REJECTING_PHRASES:
            if tuple(before[k : k + len(phrase)]) == phrase:
                return "rejected"
    if any(w in en.REJECTING_WORDS for w in before):
        return "rejected"
    if any(w in en.ATTRIBUTING_WORDS for w in before):
        return "attributed"
    return "used"
