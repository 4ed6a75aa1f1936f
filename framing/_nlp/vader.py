"""Fast, exact re-implementation of VADER sentiment scoring.

The reference is ``vaderSentiment`` 3.3.2
(``vaderSentiment.vaderSentiment.SentimentIntensityAnalyzer``), the code
released by the authors of VADER (Hutto & Gilbert 2014). It is a dependency of
framing and ships the two lexicons read here, ``vader_lexicon.txt`` and
``emoji_utf8_lexicon.txt`` (MIT licence). :func:`polarity_scores` returns, for
every text, the same four numbers as the reference's ``polarity_scores``,
bit for bit, including the reference's quirks:

* emojis are replaced by their descriptions character by character (multi-code
  point emoji keys never match), with a space inserted before a description
  unless it follows a plain space or starts the text;
* tokens are ``text.split()`` with leading/trailing ASCII punctuation stripped
  unless that leaves two characters or fewer (so ``:)`` survives);
* lexicon entries that contain upper-case letters (``:D``) can never match,
  since lookups use the lower-cased token;
* ``no`` directly before a lexicon word scores 0, and a lexicon word one or
  two words after ``no`` (three with ``or``/``nor`` just before it) is
  multiplied by -0.74;
* an ALL-CAPS lexicon word whose valence is 0 (``NO`` before a lexicon word)
  gets ``-0.733``;
* at distance three, ``so`` or ``this`` *immediately* before the word multiplies
  its valence by 1.25 whether or not ``never`` precedes (operator precedence in
  the reference);
* idioms and the ``kind of``/``sort of`` n-grams are only checked when the word
  has three non-lexicon words in front of it;
* the ``but`` rule locates each value with ``list.index``, so a value equal to
  an earlier (already rescaled) value rescales that earlier one instead;
* ``!`` and ``?`` are counted on the text after emoji replacement.

NLTK's port (``nltk.sentiment.vader``, 3.10) is not the reference: it reads its
lexicon from NLTK's data folders (which framing never fetches), and its rules differ. It has no emoji
handling; it tokenises differently (drops one-character tokens, strips only
listed punctuation runs); it scores a repeated token as if it stood at its
first occurrence; it lacks the ``no`` rule and the ``without doubt``
exception; ``never so``/``never this`` two words back multiply by 1.5 instead
of 1.25; its idiom table differs and is matched case-sensitively; it checks the
``kind of``/``sort of`` n-grams differently; its ``but`` rule has no
``list.index`` quirk; and its booster list lacks 18 adjectives of the
reference's (``total``, ``major``, ``incredible``, ...). Pointed at
vaderSentiment's lexicon, it agrees with the reference on about half of the
VADER ground-truth snippets.

The speed comes from doing each piece of work once: the reference lower-cases
the whole token list three times per lexicon word and rebuilds the text one
character at a time to replace emojis. Here each distinct token is stripped and
lower-cased once (a memo), ASCII text skips the emoji pass and other text is
checked with one set operation, tokens that are not lexicon words cost one set
lookup, the rules run only at lexicon words, and the arithmetic that produces
the four numbers follows the reference's order of operations exactly.
"""

from __future__ import annotations

import math
import string
from collections.abc import Sequence
from functools import cache
from importlib import resources
from itertools import compress

import numpy as np

__all__ = ["lexicon", "polarity_scores", "score_text"]

# --- constants of vaderSentiment 3.3.2 (verified against it in the tests) ----

B_INCR = 0.293
B_DECR = -0.293
C_INCR = 0.733
N_SCALAR = -0.74

# fmt: off
NEGATE = frozenset(
    ["aint", "arent", "cannot", "cant", "couldnt", "darent", "didnt", "doesnt",
     "ain't", "aren't", "can't", "couldn't", "daren't", "didn't", "doesn't",
     "dont", "hadnt", "hasnt", "havent", "isnt", "mightnt", "mustnt", "neither",
     "don't", "hadn't", "hasn't", "haven't", "isn't", "mightn't", "mustn't",
     "neednt", "needn't", "never", "none", "nope", "nor", "not", "nothing",
     "nowhere", "oughtnt", "shant", "shouldnt", "uhuh", "wasnt", "werent",
     "oughtn't", "shan't", "shouldn't", "uh-uh", "wasn't", "weren't",
     "without", "wont", "wouldnt", "won't", "wouldn't", "rarely", "seldom",
     "despite"]
)

BOOSTER_DICT = {
    **dict.fromkeys(
        ["absolutely", "amazingly", "awfully", "completely", "considerable",
         "considerably", "decidedly", "deeply", "effing", "enormous",
         "enormously", "entirely", "especially", "exceptional",
         "exceptionally", "extreme", "extremely", "fabulously", "flipping",
         "flippin", "frackin", "fracking", "fricking", "frickin", "frigging",
         "friggin", "fully", "fuckin", "fucking", "fuggin", "fugging",
         "greatly", "hella", "highly", "hugely", "incredible", "incredibly",
         "intensely", "major", "majorly", "more", "most", "particularly",
         "purely", "quite", "really", "remarkably", "so", "substantially",
         "thoroughly", "total", "totally", "tremendous", "tremendously",
         "uber", "unbelievably", "unusually", "utter", "utterly", "very"],
        B_INCR,
    ),
    **dict.fromkeys(
        ["almost", "barely", "hardly", "just enough", "kind of", "kinda",
         "kindof", "kind-of", "less", "little", "marginal", "marginally",
         "occasional", "occasionally", "partly", "scarce", "scarcely",
         "slight", "slightly", "somewhat", "sort of", "sorta", "sortof",
         "sort-of"],
        B_DECR,
    ),
}

SPECIAL_CASES = {
    "the shit": 3, "the bomb": 3, "bad ass": 1.5, "badass": 1.5,
    "bus stop": 0.0, "yeah right": -2, "kiss of death": -1.5,
    "to die for": 3, "beating heart": 3.5,
}
# fmt: on

_PUNCT = string.punctuation
_SO_THIS = ("so", "this")
# Words that occur in a multi-word special case or booster: an idiom can only
# match when one of the words around the lexicon word is among them.
_IDIOM_WORDS = frozenset(
    w for key in (*SPECIAL_CASES, *BOOSTER_DICT) if " " in key for w in key.split()
)


# --- lexicons ------------------------------------------------------------------


def _read_package_text(name: str) -> str:
    # The reference reads with codecs.open (no newline translation).
    return (resources.files("vaderSentiment") / name).read_bytes().decode("utf-8")


@cache
def _resources() -> tuple[dict[str, float], frozenset[str], dict[str, str], frozenset[str]]:
    """Lexicon, scored words, emoji descriptions and emoji characters, read once."""
    lexicon: dict[str, float] = {}
    for line in _read_package_text("vader_lexicon.txt").rstrip("\n").split("\n"):
        if not line:
            continue
        word, measure = line.strip().split("\t")[0:2]
        lexicon[word] = float(measure)
    emojis: dict[str, str] = {}
    for line in _read_package_text("emoji_utf8_lexicon.txt").rstrip("\n").split("\n"):
        emoji, description = line.strip().split("\t")[0:2]
        emojis[emoji] = description
    # The reference tests one character at a time, so only one-character keys
    # can ever match.
    emoji_chars = frozenset(k for k in emojis if len(k) == 1)
    # Booster words are modifiers, never scored (none is in 3.3.2's lexicon).
    hit_words = frozenset(w for w in lexicon if w not in BOOSTER_DICT)
    return lexicon, hit_words, emojis, emoji_chars


def lexicon() -> dict[str, float]:
    """VADER's word valences (-4 to +4) from the ``vaderSentiment`` wheel, read once.

    The one reading of ``vader_lexicon.txt`` in framing: other modules that need
    word valences call this (do not change the dictionary returned).

    Examples
    --------
    >>> lexicon()["good"], lexicon()["terrible"]
    (1.9, -2.1)
    """
    return _resources()[0]


# --- scoring ---------------------------------------------------------------------


class _TokenWords(dict):
    """Memo from a whitespace token to the reference's lower-cased word.

    The reference strips leading and trailing ASCII punctuation from each
    token unless two characters or fewer would remain, then lower-cases it.
    Looking tokens up through ``map(memo.__getitem__, tokens)`` keeps the loop
    in C; the memo is emptied when it reaches ``maxsize`` entries.
    """

    maxsize = 500_000

    def __missing__(self, token: str) -> str:
        if len(self) >= self.maxsize:
            self.clear()
        stripped = token.strip(_PUNCT)
        word = (stripped if len(stripped) > 2 else token).lower()
        self[token] = word
        return word


_LOWER_WORDS = _TokenWords()


def _replace_emojis(text: str, emojis: dict[str, str]) -> str:
    """Replace each emoji character by its description, spaced as the reference."""
    out = []
    prev_space = True
    for char in text:
        description = emojis.get(char)
        if description is None:
            out.append(char)
            prev_space = char == " "
        else:
            if not prev_space:
                out.append(" ")
            out.append(description)
            prev_space = False
    return "".join(out)


def _idioms(valence: float, wl: list[str], i: int, n: int) -> float:
    """``_special_idioms_check`` of the reference (called only for ``i >= 3``)."""
    w3, w2, w1, w0 = wl[i - 3], wl[i - 2], wl[i - 1], wl[i]
    back = w1 in _IDIOM_WORDS or w2 in _IDIOM_WORDS
    if back:
        threetwoone = f"{w3} {w2} {w1}"
        threetwo = f"{w3} {w2}"
        twoone = f"{w2} {w1}"
        for seq in (f"{w1} {w0}", f"{w2} {w1} {w0}", twoone, threetwoone, threetwo):
            if seq in SPECIAL_CASES:
                valence = SPECIAL_CASES[seq]
                break
    if w0 in _IDIOM_WORDS:
        if n - 1 > i:
            seq = f"{w0} {wl[i + 1]}"
            if seq in SPECIAL_CASES:
                valence = SPECIAL_CASES[seq]
        if n - 1 > i + 1:
            seq = f"{w0} {wl[i + 1]} {wl[i + 2]}"
            if seq in SPECIAL_CASES:
                valence = SPECIAL_CASES[seq]
    if back:
        for seq in (threetwoone, threetwo, twoone):
            if seq in BOOSTER_DICT:
                valence = valence + BOOSTER_DICT[seq]
    return valence


def _scalar(word: str, token: str, valence: float, cap_diff: bool) -> float:
    """``scalar_inc_dec`` of the reference for a booster ``word`` (lower-cased)."""
    scalar = BOOSTER_DICT[word]
    if valence < 0:
        scalar *= -1
    if cap_diff and token.isupper():
        if valence > 0:
            scalar += C_INCR
        else:
            scalar -= C_INCR
    return scalar


def _valence(
    i: int,
    tokens: list[str],
    wl: list[str],
    n: int,
    lex: dict[str, float],
    cap_diff: bool,
) -> float:
    """Valence of the lexicon word at ``i`` (``sentiment_valence`` of the reference).

    The reference's loop over the three preceding words (``start_i`` 0, 1, 2)
    is written out; ``w1``, ``w2``, ``w3`` are the lower-cased words one, two
    and three places before the lexicon word.
    """
    lw = wl[i]
    valence = lex[lw]
    if lw == "no" and i != n - 1 and wl[i + 1] in lex:
        valence = 0.0
    w1 = wl[i - 1] if i > 0 else None
    w2 = wl[i - 2] if i > 1 else None
    w3 = wl[i - 3] if i > 2 else None
    if w1 == "no" or w2 == "no" or (w3 == "no" and w1 in ("or", "nor")):
        valence = lex[lw] * N_SCALAR
    if cap_diff and tokens[i].isupper():
        if valence > 0:
            valence += C_INCR
        else:
            valence -= C_INCR

    # start_i == 0
    if i > 0 and w1 not in lex:
        if w1 in BOOSTER_DICT:
            valence = valence + _scalar(w1, tokens[i - 1], valence, cap_diff)
        else:
            valence = valence + 0.0
        if w1 in NEGATE or "n't" in w1:
            valence = valence * N_SCALAR
    # start_i == 1
    if i > 1 and w2 not in lex:
        if w2 in BOOSTER_DICT:
            scalar = _scalar(w2, tokens[i - 2], valence, cap_diff)
            if scalar != 0:
                scalar = scalar * 0.95
            valence = valence + scalar
        else:
            valence = valence + 0.0
        if w2 == "never" and w1 in _SO_THIS:
            valence = valence * 1.25
        elif w2 == "without" and w1 == "doubt":
            pass
        elif w2 in NEGATE or "n't" in w2:
            valence = valence * N_SCALAR
    # start_i == 2
    if i > 2 and w3 not in lex:
        if w3 in BOOSTER_DICT:
            scalar = _scalar(w3, tokens[i - 3], valence, cap_diff)
            if scalar != 0:
                scalar = scalar * 0.9
            valence = valence + scalar
        else:
            valence = valence + 0.0
        if (w3 == "never" and w2 in _SO_THIS) or w1 in _SO_THIS:
            valence = valence * 1.25
        elif w3 == "without" and (w2 == "doubt" or w1 == "doubt"):
            pass
        elif w3 in NEGATE or "n't" in w3:
            valence = valence * N_SCALAR
        valence = _idioms(valence, wl, i, n)

    # _least_check
    if i > 1 and w1 not in lex and w1 == "least":
        if w2 != "at" and w2 != "very":
            valence = valence * N_SCALAR
    elif i > 0 and w1 not in lex and w1 == "least":
        valence = valence * N_SCALAR
    return valence


def _but_rule(positions: list[int], values: list[float], bi: int) -> None:
    """The reference's ``_but_check`` applied to the non-zero sentiments only.

    Zeros are fixed points of the reference's loop (``0 * 0.5 == 0``) and
    ``list.index`` of a non-zero value never lands on a zero, so running the
    loop over the non-zero values and their token positions gives the same
    list, including the rescaling of an earlier equal value.
    """
    for k in range(len(values)):
        s = values[k]
        si = values.index(s)
        p = positions[si]
        if p < bi:
            values[si] = s * 0.5
        elif p > bi:
            values[si] = s * 1.5


_NEUTRAL = (0.0, 1.0, 0.0, 0.0)
_EMPTY = (0.0, 0.0, 0.0, 0.0)


def score_text(text: str) -> tuple[float, float, float, float]:
    """VADER scores of one string as ``(neg, neu, pos, compound)``.

    Parameters
    ----------
    text : str
        The text to score. It must be a ``str``; no check is made.

    Returns
    -------
    tuple of float
        ``neg``, ``neu``, ``pos`` (rounded to 3 decimals) and ``compound``
        (rounded to 4 decimals), equal to the reference's ``polarity_scores``.
    """
    lex, hit_words, emojis, emoji_chars = _resources()
    if not text.isascii() and not emoji_chars.isdisjoint(text):
        text = _replace_emojis(text, emojis)
    tokens = text.split()
    n = len(tokens)
    if not n:
        return _EMPTY
    wl = list(map(_LOWER_WORDS.__getitem__, tokens))
    hits = list(compress(range(n), map(hit_words.__contains__, wl)))
    if not hits:
        return _NEUTRAL

    # Stripping ASCII punctuation never changes str.isupper, so the raw
    # tokens stand in for the reference's stripped words.
    upper = sum(map(str.isupper, tokens))
    cap_diff = 0 < n - upper < n
    positions: list[int] = []
    values: list[float] = []
    last = n - 1
    for i in hits:
        if i < last and wl[i] == "kind" and wl[i + 1] == "of":
            continue
        v = _valence(i, tokens, wl, n, lex, cap_diff)
        if v:
            positions.append(i)
            values.append(v)
    if not values:
        return _NEUTRAL
    if "but" in wl:
        _but_rule(positions, values, wl.index("but"))

    # score_valence, in the reference's order of operations.
    sum_s = float(sum(values))
    ep = text.count("!")
    if ep > 4:
        ep = 4
    amplifier = ep * 0.292
    qm = text.count("?")
    if qm > 1:
        amplifier = amplifier + (qm * 0.18 if qm <= 3 else 0.96)
    if sum_s > 0:
        sum_s += amplifier
    elif sum_s < 0:
        sum_s -= amplifier
    compound = sum_s / math.sqrt((sum_s * sum_s) + 15)
    if compound < -1.0:
        compound = -1.0
    elif compound > 1.0:
        compound = 1.0

    pos_sum = 0.0
    neg_sum = 0.0
    for s in values:
        if s > 0:
            pos_sum += s + 1
        else:
            neg_sum += s - 1
    neu_count = n - len(values)
    if pos_sum > math.fabs(neg_sum):
        pos_sum += amplifier
    elif pos_sum < math.fabs(neg_sum):
        neg_sum -= amplifier
    total = pos_sum + math.fabs(neg_sum) + neu_count
    return (
        round(math.fabs(neg_sum / total), 3),
        round(math.fabs(neu_count / total), 3),
        round(math.fabs(pos_sum / total), 3),
        round(compound, 4),
    )


def polarity_scores(texts: Sequence[str]) -> np.ndarray:
    """VADER scores of many strings.

    Parameters
    ----------
    texts : sequence of str
        Texts to score; every item must be a ``str`` (no check is made).

    Returns
    -------
    numpy.ndarray
        Float array of shape ``(len(texts), 4)`` with columns ``neg``,
        ``neu``, ``pos``, ``compound``.
    """
    rows = list(map(score_text, texts))
    return np.array(rows, dtype=float).reshape(len(rows), 4)
