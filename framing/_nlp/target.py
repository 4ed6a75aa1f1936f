"""Sentiment toward a target (a person, a group, an institution) inside a sentence.

A linear model over what the sentence says *about the target*: each content
word of the sentence by its relation to the target (the target's predicate,
what a copula says it is, the object of what it does, the subject of what is
done to it, the agent of a passive, its modifiers and appositions, the noun it
owns), read with framing's clause rules (:mod:`framing._nlp.relations` on
:mod:`framing._nlp.grammar`); negation, contrast ("but", "although") and
opposition ("X's struggle against terrorism": what the target fights is not
said of the target); VADER valences and cue words by relation; the target's
clause role (agent or patient of a harm verb, speaker of a reporting verb).
Closed-class words (determiners, pronouns, prepositions, auxiliaries, ...)
are never features: they only shape the relations. Every feature that comes
from a word is tied to that word, so each prediction lists the content words
that drove it.
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
from nltk.stem.porter import PorterStemmer

from .._validate import check_top_n
from ..lexicons import load_lexicon
from .grammar import Parse
from .match import PatternSet
from .relations import OPPOSING, is_content, read_target, sentence_parse
from .text import fold, token_spans, tokenize_pattern
from .vader import lexicon, polarity_scores

__all__ = ["target_sentiment"]

LABELS = ("negative", "neutral", "positive")
_MODEL_FILE = "target_sentiment.json"

# Feature families; the model file records which ones it was trained with.
DEFAULT_FEATURES = {
    "words": True,  # every content word of the sentence ("w:"), other clauses count half
    "relations": True,  # content words by relation to the target ("r:pred:", "r:obj:", ...)
    "clause": True,  # content words of the target's clause by side ("cL:", "cR:")
    "near": True,  # content words within NEAR tokens by side ("nL:", "nR:")
    "negation": True,  # words after a negator are marked "not_"
    "lexicon": True,  # VADER valences (/2) summed by relation, contrast, quotation, distance
    "cues": True,  # curated political-news cue words by relation
    "role": True,  # the target's clause role and its predicate's kind (harm, reporting)
    "opposition": True,  # negative words the target fights or condemns ("struggle against terrorism")
    "emotive": True,  # categories of framing's emotive lexicon (condemnation, praise, ...) by relation
    "context": True,  # quotation, position and pronoun flags of the target
    "stems": False,  # relation and clause features on Porter stems
}
NEAR = 4  # tokens: the "near" window on each side of the target
OTHER_CLAUSE = 0.5  # weight of sentence-wide features from outside the target's clause
_RELATIONAL = frozenset(("pred", "attr", "obj", "subj", "by", "mod", "poss"))

_PRONOUNS = frozenset(
    "he she they him her them his hers their theirs it its we us our i me my you".split()
)

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
def _emotive_set():
    """framing's emotive lexicon, one-word entries, as a pattern set."""
    table = load_lexicon("emotive")
    pairs = [(c, t) for t, c in zip(table["term"], table["category"], strict=True) if len(tokenize_pattern(t)) == 1]
    return PatternSet(pairs, what="term")


@cache
def _emotive(token: str) -> str | None:
    """Category of a token in framing's emotive lexicon, or None."""
    ps = _emotive_set()
    found = ps.find([token])
    return ps.groups[found[0][0]] if found else None


@cache
def _stem(token: str) -> str:
    """Porter stem of a token (NLTK's implementation, which needs no data)."""
    return _stemmer(PorterStemmer).stem(token)


@cache
def _stemmer(cls):
    return cls()


def _lexicon() -> dict[str, float]:
    """VADER's word valences (-4 to +4), read once by :func:`framing._nlp.vader.lexicon`."""
    return lexicon()


def _sentence_compound(sentences: Sequence[str]) -> np.ndarray:
    """VADER compound score of each sentence (Hutto & Gilbert 2014)."""
    return polarity_scores(list(sentences))[:, 3]


# --- features -------------------------------------------------------------------


@lru_cache(maxsize=8192)
def _tokens(text: str) -> list[tuple[str, int, int]]:
    """Token spans of a text, remembered: a sentence often holds several targets."""
    return token_spans(text)


_ROLE_NAMES = {
    "agent": "agent",
    "patient": "patient",
    "passive_subject": "psubj",
    "passive_subject_with_agent": "psubj_by",
    "intransitive_harm": "harm_subj",
    "other": "other",
}


def _features(
    text: str,
    start: int,
    end: int,
    families: dict[str, bool],
    toks: list[tuple[str, int, int]] | None = None,
    p: Parse | None = None,
) -> list[tuple[str, float, int]]:
    """Features of the target ``text[start:end]`` as ``(name, value, token)``.

    ``token`` is the index of the sentence token the feature comes from, or -1
    for features of the target as a whole. A feature may be listed several
    times (its values add up), so that each word keeps its own share. Only
    content words give features of their own; closed-class words shape the
    relations (negation, contrast, "'s", "of", "against") but are never a
    feature.
    """
    if toks is None:
        toks = _tokens(text)
    if p is None:
        p = sentence_parse(text)
    r = read_target(text, start, end, p=p, toks=toks)
    lex = _lexicon()
    feats: list[tuple[str, float, int]] = []
    add = feats.append
    stems = families["stems"]
    words_on, rel_on, clause_on, near_on = (
        families["words"], families["relations"], families["clause"], families["near"]
    )
    lex_on, cues_on, emo_on = families["lexicon"], families["cues"], families.get("emotive", False)
    opp_neg = []
    for i, (tok, _, _) in enumerate(toks):
        relation = r.relation[i]
        if relation is None:
            continue
        neg = families["negation"] and r.negated[i]
        opposing = False
        if families["opposition"] and r.opposes:
            # "X's struggle against terrorism": what the target fights is not
            # said of the target (read as negated), and the fighting word
            # itself carries no valence
            if relation == "obj":
                neg = True
            elif relation in ("pred", "poss") and tok in OPPOSING:
                opposing = True
        if r.contrast[i] and not r.same_clause[i]:
            # across "but", "although", ... a word is said of something else:
            # it gets features of its own kind only
            _contrast_features(add, tok, i, neg, lex_on, cues_on, words_on, lex)
            continue
        base = _stem(tok) if stems else tok
        word = "not_" + base if neg else base
        if opposing:
            word = "opp_" + base
        same = r.same_clause[i]
        weight = 1.0 if same else OTHER_CLAUSE
        side = r.side[i]
        if words_on:
            add(("w:" + ("opp_" + tok if opposing else "not_" + tok if neg else tok), weight, i))
        if rel_on and relation in _RELATIONAL:
            add(("r:" + relation + ":" + word, 1.0, i))
        if clause_on and same:
            add(("c" + side + ":" + word, 1.0, i))
        if near_on and r.distance[i] <= NEAR:
            add(("n" + side + ":" + word, weight, i))
        if lex_on and not opposing:
            v = lex.get(tok)
            if v is not None:
                v = v / 2.0 * (-0.74 if neg else 1.0)
                pol = "+" if v > 0 else "-"
                add(("lex" + pol, v * weight, i))
                add(("lex" + pol + ":" + relation, v, i))
                add(("lex" + pol + ":" + side + ("c" if same else "o"), v, i))
                add(("lex" + pol + ":near", v / (1.0 + r.distance[i] / 3.0), i))
                if r.contrast[i]:
                    add(("lex" + pol + ":contrast", v, i))
                if r.quoted[i]:
                    add(("lex" + pol + ":quoted", v, i))
                if r.opposes and relation == "obj" and v > 0:
                    opp_neg.append((i, v))  # a negative word, read as negated
        if cues_on and not opposing:
            cat = _cue(tok)
            if cat is not None:
                if neg:
                    cat = "not_" + cat
                add(("cue:" + cat, weight, i))
                add(("cue:" + cat + ":" + relation, 1.0, i))
        if emo_on and not opposing:
            cat = _emotive(tok)
            if cat is not None:
                add(("emo:" + cat, weight, i))
                add(("emo:" + cat + ":" + relation, 1.0, i))
    if families["opposition"] and opp_neg:
        for i, v in opp_neg:
            add(("opp:neg", v, i))
    g = r.group
    if families["role"] and r.first <= r.last:
        role = _ROLE_NAMES.get(r.role, r.role)
        at = g.head if g is not None and is_content(p.words[g.head]) else -1
        add(("role:" + role, 1.0, at))
        if g is not None:
            harm = r.harm
            if harm is not None:
                add(("role:" + role + ":" + harm, 1.0, at))
            if g.lemma in _REPORTING_LEMMAS:
                add(("role:" + role + ":report", 1.0, at))
            if r.pred_negated:
                add(("role:" + role + ":negated", 1.0, at))
    if families["context"]:
        n = len(toks)
        folded = fold(text)
        if r.in_quote:
            add(("ctx:in_quote", 1.0, -1))
        if '"' in folded:
            add(("ctx:has_quote", 1.0, -1))
        if r.first == 0:
            add(("ctx:first", 1.0, -1))
        if n:
            add(("ctx:rel_pos", r.first / n, -1))
        if r.first <= r.last and all(toks[i][0] in _PRONOUNS for i in range(r.first, r.last + 1)):
            add(("ctx:pronoun", 1.0, -1))
        if r.last + 1 < n and toks[r.last + 1][0] == "'s":
            add(("ctx:possessive", 1.0, -1))
        if any(r.contrast):
            add(("ctx:contrast", 1.0, -1))
    return feats


def _contrast_features(add, tok, i, neg, lex_on, cues_on, words_on, lex) -> None:
    """Features of a word separated from the target by a contrastive conjunction."""
    if words_on:
        add(("x:" + ("not_" + tok if neg else tok), 1.0, i))
    if lex_on:
        v = lex.get(tok)
        if v is not None:
            v = v / 2.0 * (-0.74 if neg else 1.0)
            add(("lex" + ("+" if v > 0 else "-") + ":contrast", v, i))
    if cues_on:
        cat = _cue(tok)
        if cat is not None:
            add(("cue:" + ("not_" if neg else "") + cat + ":contrast", 1.0, i))


_REPORTING_LEMMAS = frozenset(
    """say tell claim report announce add write argue assert insist state
    tweet note explain confirm deny warn acknowledge admit""".split()
)


def _feature_table(
    sentences: Sequence[str],
    spans: Sequence[tuple[int, int]],
    families: dict[str, bool],
    parses: Sequence[Parse | None] | None = None,
    tokens_of: Sequence[list[tuple[str, int, int]] | None] | None = None,
) -> tuple[list[str], np.ndarray, np.ndarray, np.ndarray]:
    """All features of many targets: names, values, rows and token indices.

    ``parses`` and ``tokens_of`` (one per target, or None) reuse clause
    parses and token spans already made, as corpus-level callers have them.
    """
    names: list[str] = []
    values: list[float] = []
    rows: list[int] = []
    tokens: list[int] = []
    for r, (text, (start, end)) in enumerate(zip(sentences, spans, strict=True)):
        p = parses[r] if parses is not None else None
        toks = tokens_of[r] if tokens_of is not None else None
        for name, value, tok in _features(text, start, end, families, toks or _tokens(text), p):
            names.append(name)
            values.append(value)
            rows.append(r)
            tokens.append(tok)
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
    parses: Sequence[Parse | None] | None = None,
    tokens_of: Sequence[list[tuple[str, int, int]] | None] | None = None,
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
    parses, tokens_of : sequence, optional
        The clause parse (:func:`framing._nlp.grammar.parse`) and token spans
        of each target's sentence when already made (None entries are made
        here).

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
    names, values, rows, tokens = _feature_table(sentences, spans, model["families"], parses, tokens_of)
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
    country, ...) negatively, neutrally or positively: "Critics accused the
    mayor of lying" is negative toward the mayor, "Israel's struggle against
    terrorism" is not negative toward Israel. The model reads the content
    words in their relation to the target (its predicate, modifiers, what it
    does and suffers) and lists the ones that drove each label.

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
    the content words of the sentence (closed-class words are never
    features), the target masked: each content word (words outside the
    target's clause count half), by its relation to the target read with
    framing's clause rules (the target's predicate, what a copula says it
    is, the object of what it does, the subject of what is done to it, the
    agent of a passive, its modifiers and appositions, the noun it owns or
    is the complement of), in the target's clause by side, within 4 tokens;
    words after a negator marked as negated; words separated from the target
    by "but", "although", ... kept apart (said of something else); what the
    target fights, condemns or prevents read as negated ("X's struggle
    against terrorism"); VADER lexicon valences (Hutto & Gilbert 2014) and
    cue words of political news and framing's emotive lexicon by relation,
    contrast and quotation; the target's clause role (agent, patient,
    passive subject; of a harm verb, of a reporting verb, negated); and
    whether the target is inside a quotation, a pronoun, or opens the
    sentence. Content words are Porter-stemmed in the relational features.
    It was trained on the 8,739 targets of NewsMTSC's training set (Hamborg
    & Donnay 2021); the probabilities are calibrated by a temperature fitted
    on out-of-fold predictions. The cross-validated figures (5 folds grouped
    by sentence) and the variants are in ``docs/validation.md``; the
    fine-tuned RoBERTa model of the NewsMTSC paper reaches about 0.83 on its
    test sets. The model file (``framing/models/target_sentiment.json``,
    about 0.8 MB) holds the vocabulary and coefficients.

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
    top_n = check_top_n(top_n)
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
