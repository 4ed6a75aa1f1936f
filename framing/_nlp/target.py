"""Sentiment toward a target (a person, a group, an institution) inside a sentence.

A linear model over features that describe the words around the target: which
words, on which side, how far away, whether in the same clause, whether
negated, their VADER lexicon valence, and a few political-news cue words
(accusing, praising, wrongdoing, ...). Every feature that comes from a word is
tied to that word, so each prediction lists the words that drove it.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from functools import cache, lru_cache
from importlib import resources

import numpy as np
import pandas as pd
import scipy.sparse as sp

from framing._nlp.text import fold, token_spans
from framing._nlp.vader import lexicon

__all__ = ["target_sentiment"]

LABELS = ("negative", "neutral", "positive")
_MODEL_FILE = "target_sentiment.json"

# Feature families; the model file records which ones it was trained with.
DEFAULT_FEATURES = {
    "words": True,  # every word of the sentence, target masked ("w:")
    "side": True,  # words by side and nearness ("nL:", "nR:", "fL:", "fR:")
    "clause": True,  # words in the target's clause, by side ("cL:", "cR:")
    "neighbours": True,  # the word just before / after the target
    "bigrams": False,  # adjacent word pairs of the sentence
    "negation": True,  # words after a negator are marked "not_"
    "lexicon": True,  # VADER valences (/2) summed by side, clause and distance
    "cues": True,  # curated political-news cue words by side and clause
    "context": True,  # quotation, position and pronoun flags of the target
    "sentence_vader": False,  # VADER compound of the whole sentence
    "mention": False,  # words of the target mention itself
    "stems": False,  # side, clause and neighbour features on Porter stems
}
NEAR = 4  # tokens: the "near" window on each side of the target
OTHER_CLAUSE = 0.5  # weight of sentence-wide features from outside the target's clause

_NEGATORS = frozenset(
    """not no never nor neither none nobody nothing nowhere without cannot
    hardly barely rarely seldom""".split()
)
# Words that open a new clause (before them a clause ends).
_CLAUSE_OPENERS = frozenset(
    """but while although though however whereas yet because since unless
    despite who whom whose which where when after before if""".split()
)
# Reporting verbs stand between a speaker and what is said: a clause of their own.
_REPORTING = frozenset(
    """said says say saying told tells according claimed claims claim added
    adds wrote writes argued argues asserted insisted stated states
    tweeted noted explained announced""".split()
)
_PRONOUNS = frozenset(
    "he she they him her them his hers their theirs it its we us our i me my you".split()
)
_CLAUSE_PUNCT = frozenset(",;:()[]—–\"")

# Cue words for political news, written for this module, grouped by what they
# say about someone. Matched on word prefixes (so "accus" covers "accused",
# "accusation", "accuses").
_CUES = {
    "criticism": """accus alleg attack blast blame berat castigat censur
        chastis chid condemn critic decr denounc derid disparag excoriat
        lambast lash mock rebuk reprimand ridicul scold scorn slam slamm
        smear assail""",
    "praise": """prais applaud commend congratulat hail laud lionis lioniz
        celebrat cheer honor honour thank tout admir compliment""",
    "wrongdoing": """lie lied lies lying liar scandal corrupt fraud brib
        illegal indict convict guilty misconduct abus harass collu obstruct
        impeach perjur cover-up misled mislead deceiv dishonest crook
        embezzl extort racist sexist bigot hypocri""",
    "support": """support defend defens back endors champion rall
        vouch stand protect""",
    "failure": """fail lost lose loses losing loss defeat struggl collaps
        plummet declin slump stumbl blunder fiasco debacle""",
    "success": """win wins won winning victor success succeed triumph
        achiev accomplish gain surg boost soar""",
    "conflict": """fight feud clash spar battl rift row oppos resist defy
        defi reject refus""",
    "legal": """investigat probe subpoen charg sued lawsuit prosecut
        testif arrest jail prison sentenc court""",
    "ouster": """fire fired firing oust resign sack dismiss expel
        suspend""",
}
_CUE_PREFIXES = sorted(
    ((p, cat) for cat, words in _CUES.items() for p in words.split()),
    key=lambda pc: -len(pc[0]),
)


@cache
def _cue(token: str) -> str | None:
    """The cue category of a token (longest matching prefix), or None."""
    for prefix, cat in _CUE_PREFIXES:
        if token.startswith(prefix):
            return cat
    return None


@cache
def _stem(token: str) -> str:
    """Porter stem of a token (NLTK's implementation, which needs no data)."""
    from nltk.stem.porter import PorterStemmer

    return _stemmer(PorterStemmer).stem(token)


@cache
def _stemmer(cls):
    return cls()


def _lexicon() -> dict[str, float]:
    """VADER's word valences (-4 to +4), read once by :func:`framing._nlp.vader.lexicon`."""
    return lexicon()


def _sentence_compound(sentences: Sequence[str]) -> np.ndarray:
    """VADER compound score of each sentence (Hutto & Gilbert 2014)."""
    from framing._nlp.vader import polarity_scores

    return polarity_scores(list(sentences))[:, 3]


# --- features -------------------------------------------------------------------


@lru_cache(maxsize=8192)
def _tokens(text: str) -> list[tuple[str, int, int]]:
    """Token spans of a text, remembered: a sentence often holds several targets."""
    return token_spans(text)


def _clauses(text: str, toks: list[tuple[str, int, int]]) -> list[int]:
    """Clause number of each token: a clause ends at clause punctuation, before
    a clause-opening word, and around a reporting verb."""
    ids = []
    clause = 0
    prev_end = 0
    prev_tok = ""
    for i, (tok, start, _) in enumerate(toks):
        if i:
            gap = text[prev_end:start]
            if (
                any(c in _CLAUSE_PUNCT for c in gap)
                or " - " in gap
                or tok in _CLAUSE_OPENERS
                or tok in _REPORTING
                or prev_tok in _REPORTING
            ):
                clause += 1
        ids.append(clause)
        prev_end = start + len(tok)
        prev_tok = tok
    return ids


def _negated(toks: list[tuple[str, int, int]], clauses: list[int]) -> list[bool]:
    """Whether each token follows a negator within 3 tokens in its clause."""
    out = [False] * len(toks)
    for i, (tok, _, _) in enumerate(toks):
        if tok in _NEGATORS or tok.endswith("n't"):
            for j in range(i + 1, min(i + 4, len(toks))):
                if clauses[j] != clauses[i]:
                    break
                out[j] = True
    return out


def _features(
    text: str,
    start: int,
    end: int,
    families: dict[str, bool],
    toks: list[tuple[str, int, int]] | None = None,
) -> list[tuple[str, float, int]]:
    """Features of the target ``text[start:end]`` as ``(name, value, token)``.

    ``token`` is the index of the sentence token the feature comes from, or -1
    for features of the target as a whole. A feature may be listed several
    times (its values add up), so that each word keeps its own share.
    """
    folded = fold(text)
    if toks is None:
        toks = token_spans(text)
    n = len(toks)
    inside = [s < end and e > start for _, s, e in toks]
    first = next((i for i in range(n) if inside[i]), None)
    if first is None:  # a span between tokens: the target sits before token `first`
        first = next((i for i in range(n) if toks[i][1] >= end), n)
        last = first - 1
    else:
        last = max(i for i in range(n) if inside[i])
    clauses = _clauses(folded, toks)
    target_clauses = set(clauses[first : last + 1]) or {
        clauses[min(first, n - 1)] if n else 0
    }
    negated = _negated(toks, clauses) if families["negation"] else [False] * n
    lex = _lexicon()
    feats: list[tuple[str, float, int]] = []
    add = feats.append
    words = [None] * n
    for i, (tok, _, _) in enumerate(toks):
        if inside[i]:
            if families["mention"]:
                add(("t:" + tok, 1.0, -1))
            continue
        word = "not_" + tok if negated[i] else tok
        if families["stems"]:
            word = "not_" + _stem(tok) if negated[i] else _stem(tok)
        words[i] = word
        side = "L" if i < first else "R"
        dist = first - i if i < first else i - last
        same = clauses[i] in target_clauses
        weight = 1.0 if same else OTHER_CLAUSE
        if families["words"]:
            add(("w:" + ("not_" + tok if negated[i] else tok), weight, i))
        if families["side"]:
            add((("n" if dist <= NEAR else "f") + side + ":" + word, weight, i))
        if families["clause"] and same:
            add(("c" + side + ":" + word, 1.0, i))
        if families["lexicon"]:
            v = lex.get(tok)
            if v is not None:
                v = v / 2.0 * (-0.74 if negated[i] else 1.0)
                pol = "+" if v > 0 else "-"
                add(("lex" + pol, v * weight, i))
                add(("lex" + pol + side + ("c" if same else "o"), v, i))
                add(("lex" + pol + "_near", v / (1.0 + dist / 3.0), i))
        if families["cues"]:
            cat = _cue(tok)
            if cat is not None:
                if negated[i]:
                    cat = "not_" + cat
                add(("cue:" + cat, weight, i))
                add(("cue:" + cat + ":" + side + ("c" if same else "o"), 1.0, i))
    if families["neighbours"]:
        if first > 0 and words[first - 1] is not None:
            add(("prev:" + words[first - 1], 1.0, first - 1))
        if last + 1 < n and words[last + 1] is not None:
            add(("next:" + words[last + 1], 1.0, last + 1))
            if last + 2 < n and words[last + 2] is not None:
                pair = "next2:" + words[last + 1] + "_" + words[last + 2]
                add((pair, 0.5, last + 1))
                add((pair, 0.5, last + 2))
    if families["bigrams"]:
        for i in range(n - 1):
            if words[i] is not None and words[i + 1] is not None:
                pair = "b:" + words[i] + "_" + words[i + 1]
                add((pair, 0.5, i))
                add((pair, 0.5, i + 1))
    if families["context"]:
        quotes_before = folded.count('"', 0, start)
        if quotes_before % 2 == 1 and folded.count('"', end) >= 1:
            add(("ctx:in_quote", 1.0, -1))
        if '"' in folded:
            add(("ctx:has_quote", 1.0, -1))
        if first == 0:
            add(("ctx:first", 1.0, -1))
        if n:
            add(("ctx:rel_pos", first / n, -1))
        if first <= last and all(toks[i][0] in _PRONOUNS for i in range(first, last + 1)):
            add(("ctx:pronoun", 1.0, -1))
        if last + 1 < n and toks[last + 1][0] == "'s":
            add(("ctx:possessive", 1.0, -1))
        if n:
            add(("ctx:log_clauses", math.log(clauses[-1] + 1), -1))
    return feats


def _feature_table(
    sentences: Sequence[str],
    spans: Sequence[tuple[int, int]],
    families: dict[str, bool],
) -> tuple[list[str], np.ndarray, np.ndarray, np.ndarray]:
    """All features of many targets: names, values, rows and token indices."""
    names: list[str] = []
    values: list[float] = []
    rows: list[int] = []
    tokens: list[int] = []
    for r, (text, (start, end)) in enumerate(zip(sentences, spans, strict=True)):
        for name, value, tok in _features(text, start, end, families, _tokens(text)):
            names.append(name)
            values.append(value)
            rows.append(r)
            tokens.append(tok)
    if families["sentence_vader"]:
        compound = _sentence_compound(sentences)
        for r in range(len(sentences)):
            names.append("sent:compound")
            values.append(float(compound[r]))
            rows.append(r)
            tokens.append(-1)
    return (
        names,
        np.asarray(values, dtype=float),
        np.asarray(rows, dtype=np.int64),
        np.asarray(tokens, dtype=np.int64),
    )


def _design_matrix(
    names: list[str],
    values: np.ndarray,
    rows: np.ndarray,
    vocabulary: dict[str, int],
    n_rows: int,
) -> tuple[sp.csr_array, np.ndarray]:
    """Sparse design matrix over ``vocabulary`` (unknown features are dropped)
    and the column of each listed feature (-1 when unknown)."""
    cols = np.fromiter((vocabulary.get(f, -1) for f in names), dtype=np.int64, count=len(names))
    keep = cols >= 0
    X = sp.csr_array(
        (values[keep], (rows[keep], cols[keep])), shape=(n_rows, len(vocabulary))
    )
    X.sum_duplicates()
    return X, cols


# --- the model ------------------------------------------------------------------


@cache
def _model() -> dict:
    """The shipped model: feature families, vocabulary and coefficients."""
    path = resources.files("framing") / "models" / _MODEL_FILE
    doc = json.loads(path.read_text(encoding="utf-8"))
    coef = np.asarray(doc["coef"], dtype=float)
    families = dict(DEFAULT_FEATURES)
    families.update(doc["features"])
    return {
        "families": families,
        "vocabulary": {name: i for i, name in enumerate(doc["vocabulary"])},
        "coef": coef,
        "intercept": np.asarray(doc["intercept"], dtype=float),
        # a feature's push toward positive rather than negative (log-odds)
        "polarity": coef[2] - coef[0],
        "doc": doc,
    }


def _score_targets(
    sentences: Sequence[str],
    spans: Sequence[tuple[int, int]],
    *,
    top_n: int = 3,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, list[str]]:
    """Score many targets at once (no input checks: callers validate).

    Parameters
    ----------
    sentences : sequence of str
        The text holding each target (one sentence is best).
    spans : sequence of (int, int)
        Character span ``(start, end)`` of each target in its sentence.
    top_n : int, default=3
        Number of evidence words per target.

    Returns
    -------
    labels : numpy.ndarray of str
        ``"negative"``, ``"neutral"`` or ``"positive"``.
    scores : numpy.ndarray of float
        ``p_positive - p_negative``, in [-1, 1].
    probs : numpy.ndarray of shape (n, 3)
        Probabilities of negative, neutral and positive.
    evidence : list of str
        The words that pushed the score most, strongest first, as
        ``"word (+0.42), word (-0.10)"``: each number is the word's summed
        contribution to the log-odds of positive versus negative.
    """
    model = _model()
    n = len(sentences)
    names, values, rows, tokens = _feature_table(sentences, spans, model["families"])
    X, cols = _design_matrix(names, values, rows, model["vocabulary"], n)
    z = np.asarray(X @ model["coef"].T) + model["intercept"]
    z -= z.max(axis=1, keepdims=True)
    probs = np.exp(z)
    probs /= probs.sum(axis=1, keepdims=True)
    labels = np.asarray(LABELS, dtype=object)[probs.argmax(axis=1)]
    scores = probs[:, 2] - probs[:, 0]
    evidence = _evidence(sentences, values, rows, tokens, cols, model["polarity"], n, top_n)
    return labels, scores, probs, evidence


def _evidence(sentences, values, rows, tokens, cols, polarity, n, top_n) -> list[str]:
    """Top words per target by absolute contribution, as a short string."""
    keep = (cols >= 0) & (tokens >= 0)
    contrib = values[keep] * polarity[cols[keep]]
    rows, tokens = rows[keep], tokens[keep]
    out = [""] * n
    if not len(rows):
        return out
    # sum the contributions of each (target, token)
    width = int(tokens.max()) + 1
    uniq, inv = np.unique(rows * width + tokens, return_inverse=True)
    total = np.bincount(inv, weights=contrib)
    urows, utoks = uniq // width, uniq % width
    order = np.lexsort((-np.abs(total), urows))
    start = np.searchsorted(urows[order], np.arange(n + 1))
    for r in range(n):
        picked = order[start[r] : start[r + 1]][:top_n]
        if not len(picked):
            continue
        text = sentences[r]
        toks = _tokens(text)
        parts = []
        for k in picked:
            c = total[k]
            if abs(c) < 0.005:
                break
            _, s, e = toks[utoks[k]]
            parts.append(f"{text[s:e]} ({c:+.2f})")
        out[r] = ", ".join(parts)
    return out


# --- the public function ----------------------------------------------------------

_WORD_CHAR = re.compile(r"[^\W_]")


def _find_mention(text: str, mention: str) -> tuple[int, int] | None:
    """Span of the first case-insensitive occurrence of ``mention`` in ``text``
    that is not part of a longer word, or None."""
    haystack, needle = fold(text), fold(mention)
    pos = haystack.find(needle)
    while pos >= 0:
        end = pos + len(needle)
        before = pos > 0 and _WORD_CHAR.match(haystack[pos - 1]) and _WORD_CHAR.match(needle[0])
        after = end < len(haystack) and _WORD_CHAR.match(haystack[end]) and _WORD_CHAR.match(needle[-1])
        if not before and not after:
            return pos, end
        pos = haystack.find(needle, pos + 1)
    return None


def _resolve_targets(texts, targets) -> tuple[list[str], list[tuple[int, int]]]:
    """Check the inputs and turn every target into a character span."""
    if isinstance(texts, str):
        texts = [texts]
        if isinstance(targets, str) or (
            isinstance(targets, tuple) and len(targets) == 2 and not isinstance(targets[0], (str, tuple, list))
        ):
            targets = [targets]
    if isinstance(targets, str):
        raise TypeError(
            "targets must be a sequence with one target per text, got a single str; "
            "wrap it in a list"
        )
    texts, targets = list(texts), list(targets)
    if len(texts) != len(targets):
        raise ValueError(
            f"texts and targets must have the same length, got {len(texts)} texts "
            f"and {len(targets)} targets (one target per text)"
        )
    spans = []
    for i, (text, target) in enumerate(zip(texts, targets, strict=True)):
        if text is None or (isinstance(text, float) and math.isnan(text)):
            raise ValueError(f"texts[{i}] is missing (None/NaN): a target cannot be found in it")
        if not isinstance(text, str):
            raise TypeError(f"texts[{i}] must be a str, got {type(text).__name__}")
        if not text.strip():
            raise ValueError(f"texts[{i}] is empty: a target cannot be found in it")
        spans.append(_resolve_one(i, text, target))
    return texts, spans


def _resolve_one(i: int, text: str, target) -> tuple[int, int]:
    if isinstance(target, str):
        if not target.strip():
            raise ValueError(f"targets[{i}] is an empty string; give the target's name or a span")
        span = _find_mention(text, target.strip())
        if span is None:
            raise ValueError(
                f"targets[{i}] {target!r} was not found in texts[{i}] "
                f"({text[:60]!r}{'...' if len(text) > 60 else ''})"
            )
        return span
    if isinstance(target, (tuple, list, np.ndarray)) and len(target) == 2:
        start, end = target
        if not all(isinstance(v, (int, np.integer)) and not isinstance(v, bool) for v in (start, end)):
            raise TypeError(
                f"targets[{i}] must hold two integers (start, end), got {tuple(target)!r}"
            )
        start, end = int(start), int(end)
        if not 0 <= start < end <= len(text):
            raise ValueError(
                f"targets[{i}] span ({start}, {end}) is not a valid span of texts[{i}] "
                f"(need 0 <= start < end <= {len(text)})"
            )
        if not text[start:end].strip():
            raise ValueError(f"targets[{i}] span ({start}, {end}) covers only white space")
        return start, end
    raise TypeError(
        f"targets[{i}] must be a str (the target's mention) or a (start, end) span, "
        f"got {type(target).__name__}"
    )


def target_sentiment(
    texts: str | Sequence[str],
    targets: str | tuple[int, int] | Sequence[str | tuple[int, int]],
    *,
    top_n: int = 3,
) -> pd.DataFrame:
    """Sentiment toward a target inside each text.

    Tells whether a sentence speaks of its target (a person, a party, a
    country, ...) negatively, neutrally or positively: "Smith was praised,
    but Jones was condemned" is positive toward Smith and negative toward
    Jones. The model reads the words around the target and lists the ones
    that drove each label.

    Parameters
    ----------
    texts : str or sequence of str
        The texts, best one sentence each (news sentences are what the model
        was trained on; see :meth:`framing.Corpus.sentences`).
    targets : str, (int, int) or sequence of them
        One target per text: either the target's mention as a string (the
        first case-insensitive occurrence that is not part of a longer word
        is used) or a ``(start, end)`` character span of the text.
    top_n : int, default=3
        How many words to list in ``evidence``.

    Returns
    -------
    pandas.DataFrame
        One row per text, in input order, with columns

        * ``target``: the target as written in the text (``text[start:end]``);
        * ``start``, ``end``: its character span;
        * ``label``: ``"negative"``, ``"neutral"`` or ``"positive"`` (the most
          probable class);
        * ``score``: ``p_positive - p_negative``, in [-1, 1];
        * ``p_negative``, ``p_neutral``, ``p_positive``: class probabilities;
        * ``evidence``: the ``top_n`` words with the largest contributions,
          strongest first, as ``"praised (+0.85), condemned (-0.40)"``. A
          word's number is its contribution to the log-odds of positive
          versus negative (positive numbers push toward positive); features
          of the target as a whole (inside a quotation, pronoun, position)
          are not listed.

    Raises
    ------
    ValueError
        When ``texts`` and ``targets`` differ in length, a text is empty or
        missing, a mention is not found in its text, or a span is out of range.
    TypeError
        When a text is not a string or a target neither a string nor a span.

    See Also
    --------
    score_sentiment : Sentence-level VADER scores.

    Notes
    -----
    The model is a multinomial logistic regression over sparse features of
    the sentence with the target masked: each word, by side of the target
    (left or right), nearness (within 4 tokens) and whether it is in the
    target's clause (clauses split at punctuation, at "but", "while",
    "although", relative pronouns and around reporting verbs such as
    "said"); the words just before and after the target; word pairs; words
    within three tokens after a negator marked as negated; sums of the VADER
    lexicon valences (Hutto & Gilbert 2014) by side, clause and distance;
    curated cue words of political news (criticism, praise, wrongdoing,
    support, failure, success, conflict, legal trouble, ouster) by side and
    clause; and whether the target is inside a quotation, a pronoun, or
    opens the sentence. It was trained on the 8,739 targets of NewsMTSC's
    training set (Hamborg & Donnay 2021). Five-fold cross-validation grouped
    by sentence gives a macro-F1 of 0.660 ± 0.009 (accuracy 0.663), against
    0.520 ± 0.012 for labelling each target with its sentence's VADER label;
    the fine-tuned RoBERTa model of the NewsMTSC paper reaches about 0.83 on
    its test sets. The model file (``framing/models/target_sentiment.json``,
    about 1.2 MB) holds the vocabulary and coefficients; see
    ``docs/validation.md``.

    The model knows nothing about who the target is (the words of the mention
    are not features), so it cannot prefer one actor over another by name.

    References
    ----------
    .. [1] Hamborg, F., & Donnay, K. (2021). NewsMTSC: A dataset for
       (multi-)target-dependent sentiment classification in political news
       articles. In *Proceedings of EACL 2021*, 1663-1675.
    .. [2] Hutto, C. J., & Gilbert, E. (2014). VADER: A parsimonious
       rule-based model for sentiment analysis of social media text. In
       *Proceedings of ICWSM 2014*.

    Examples
    --------
    >>> from framing import target_sentiment
    >>> df = target_sentiment(
    ...     ["The mayor was praised for her brave leadership.",
    ...      "Critics accused the mayor of lying about the scandal."],
    ...     ["mayor", "mayor"],
    ... )
    >>> df["label"].tolist()
    ['positive', 'negative']
    >>> df.columns.tolist()
    ['target', 'start', 'end', 'label', 'score', 'p_negative', 'p_neutral', 'p_positive', 'evidence']
    """
    if isinstance(top_n, bool) or not isinstance(top_n, (int, np.integer)) or top_n < 0:
        raise ValueError(f"top_n must be a non-negative integer, got {top_n!r}")
    texts, spans = _resolve_targets(texts, targets)
    labels, scores, probs, evidence = _score_targets(texts, spans, top_n=int(top_n))
    return pd.DataFrame(
        {
            "target": [t[s:e] for t, (s, e) in zip(texts, spans, strict=True)],
            "start": np.asarray([s for s, _ in spans], dtype=np.int64),
            "end": np.asarray([e for _, e in spans], dtype=np.int64),
            "label": pd.Series(labels, dtype=object),
            "score": scores,
            "p_negative": probs[:, 0],
            "p_neutral": probs[:, 1],
            "p_positive": probs[:, 2],
            "evidence": evidence,
        }
    )
