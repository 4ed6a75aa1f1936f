"""Candidate variant labels for a concept, found in the corpus itself.

The corpus is read once into an index of noun-phrase-like n-grams (no
part-of-speech tagger is needed: phrases are runs of tokens not broken by
punctuation, that neither start nor end with a function word). Each candidate
is then scored against the seed label(s) of a concept with five cues:

* ``contains``: the candidate contains the seed or lies inside it
  ("Mr. Abe" ~ "Abe"), rewarded when both have the same head (last word);
* ``head``: the candidate has the seed's head ("detailed memos" ~ "memos");
* ``apposition``: the candidate stands next to the seed as a title or an
  apposition ("Prime Minister Shinzo Abe", "Kim Jong Un, North Korea's
  leader");
* ``contexts``: the candidate fills the same slots as the seed (same word to
  the left, to the right, or both: "met with _", "_ said"), weighted by how
  rare the slot is;
* ``distributional``: cosine similarity of PPMI-weighted context-window
  vectors reduced with truncated SVD (Levy, Goldberg & Dagan 2015);
* ``substitution``: the candidate stands where the seed stands in a
  near-parallel sentence of another article (TF-IDF cosine of the sentences),
  the way outlets relabel the same fact.

Every score is multiplied by how noun-phrase-like the candidate is (its
occurrences start after a determiner or preposition and end before a
function word or punctuation) and by how little verb-like its words are.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import TfidfVectorizer
from threadpoolctl import threadpool_limits

from .._nlp.english import (
    ED_NOUNS,
    FUNCTION_WORDS,
    HONORIFICS,
    NAME_ABBREVIATIONS,
    NAME_INNER_WORDS,
    NOUN_LEFT,
    NP_LEFT,
    VERB_LEFT,
    VERB_RIGHT,
)
from .._nlp.match import PatternSet, singular
from .._nlp.text import tokenize_pattern
from ._mentions import sentence_tokens

_APPOSITION_GAPS = frozenset({",", "(", "-", "--", "\u2014", "\u2013", ":"})


@dataclass
class CandidateIndex:
    """The noun-phrase-like n-grams of a corpus and where they occur."""

    keys: list[tuple[str, ...]]
    surface: list[str]
    count: np.ndarray
    n_outlets: np.ndarray
    np_like: np.ndarray  # mean boundary quality of the occurrences, 0..1
    verb_like: np.ndarray  # largest verb evidence among the words, 0..1
    occ: np.ndarray  # (n_occurrences, 4): candidate, sentence, tok_start, tok_end
    words: list[list[str]]
    gaps: list[list[str]]  # text between token i-1 and token i, stripped
    texts: np.ndarray
    outlets: np.ndarray  # outlet of each sentence
    key_id: dict[tuple[str, ...], int] = field(default_factory=dict)
    by_sentence: dict[int, list[int]] = field(default_factory=dict)


def _key(tokens: Sequence[str]) -> tuple[str, ...]:
    return tuple(singular(t) for t in tokens)


def head(key: Sequence[str]) -> str:
    """The head word of a phrase: the word before "of" if it has one, else its last."""
    key = tuple(key)
    if "of" in key[1:]:
        return key[key.index("of", 1) - 1]
    return key[-1]


def _content(tok: str) -> bool:
    return tok not in FUNCTION_WORDS and tok not in HONORIFICS and not tok[:1].isdigit()


def _function_flags(words: list[str], text: str, spans) -> list[bool]:
    # "US" written in capitals is the country, not the pronoun.
    return [
        (w in FUNCTION_WORDS or w == "'s") and not (w == "us" and text[s:e] == "US")
        for w, (_, s, e) in zip(words, spans, strict=True)
    ]


def _boundary(prev: str | None, gap: str, is_function: bool) -> float:
    """How well a phrase boundary fits a noun phrase: 1 good, 0.5 unsure, 0 bad."""
    if prev is None or gap:
        return 1.0
    if prev in VERB_LEFT:
        return 0.0
    if prev in NP_LEFT or prev == "'s":
        return 1.0
    return 0.5 if is_function else 0.0


def _gap(between: str, prev: str) -> str:
    """Punctuation between two tokens; the period of "Mr." or "J." is none."""
    between = between.strip()
    if between == "." and (prev in NAME_ABBREVIATIONS or (len(prev) == 1 and prev.isalpha())):
        return ""
    return between


def build_index(corpus, max_len: int = 4) -> CandidateIndex:
    """Index the candidate phrases of ``corpus`` (cached on the corpus).

    A candidate is a run of 1 to ``max_len`` tokens inside one sentence, not
    broken by punctuation, that starts and ends with a content word (not
    starting with a number: "20 militants" is a count) and has
    no function word inside other than "'s", "of", "and" (and "the" after
    "of"/"and"). Keys are the tokens with each word singularised, so that
    inflected forms are one candidate.
    """
    cached = corpus.cache.get("label_candidates", key=max_len)
    if cached is not None:
        return cached
    sents = corpus.sentences()
    spans_all = sentence_tokens(corpus)
    texts = sents["text"].to_numpy()
    outlets = sents["outlet"].astype(str).to_numpy()
    key_id: dict[tuple[str, ...], int] = {}
    forms: list[Counter] = []
    outlet_sets: list[set] = []
    quality: list[float] = []
    occ: list[tuple[int, int, int, int]] = []
    words_all, gaps_all, func_all = [], [], []
    for si, spans in enumerate(spans_all):
        text = texts[si]
        words = [t for t, _, _ in spans]
        words_all.append(words)
        gaps_all.append(
            [""] + [_gap(text[spans[i - 1][2] : spans[i][1]], words[i - 1]) for i in range(1, len(spans))]
        )
        func_all.append(_function_flags(words, text, spans))
    verbness = _verbness(words_all, gaps_all)
    for si, spans in enumerate(spans_all):
        text, words, gaps, func = texts[si], words_all[si], gaps_all[si], func_all[si]
        n = len(words)
        for i in range(n):
            if func[i] or words[i][:1].isdigit():  # "20 militants" is a count
                continue
            left = _boundary(words[i - 1] if i else None, gaps[i], i > 0 and func[i - 1])
            if left == 0.0 and i > 0 and not func[i - 1]:
                left = verbness.get(singular(words[i - 1]), 0.0)  # "met Abe"
            for j in range(i + 1, min(n, i + max_len) + 1):
                k = j - 1
                if k > i and gaps[k]:
                    break
                if k > i and func[k] and not (
                    words[k] in NAME_INNER_WORDS or (words[k] == "the" and words[k - 1] in ("of", "and"))
                ):
                    break
                if func[k] or words[k][:1].isdigit() and j - i == 1:
                    continue
                toks = words[i:j]
                if not any(_content(t) for t in toks):
                    continue
                if j == n or gaps[j] or func[j]:
                    right = 1.0
                else:  # "Abe met": a verb after the phrase ends it
                    right = verbness.get(singular(words[j]), 0.0)
                key = _key(toks)
                c = key_id.get(key)
                if c is None:
                    c = key_id[key] = len(forms)
                    forms.append(Counter())
                    outlet_sets.append(set())
                    quality.append(0.0)
                forms[c][text[spans[i][1] : spans[k][2]]] += 1
                outlet_sets[c].add(outlets[si])
                quality[c] += left * right
                occ.append((c, si, i, j))
    count = np.array([sum(f.values()) for f in forms], dtype=int)
    verb_like = np.array([max(verbness.get(t, 0.0) for t in key) for key in key_id])
    by_sentence: dict[int, list[int]] = defaultdict(list)
    occ_arr = np.array(occ, dtype=int).reshape(-1, 4)
    for r, si in enumerate(occ_arr[:, 1]):
        by_sentence[int(si)].append(r)
    index = CandidateIndex(
        keys=list(key_id),
        surface=[f.most_common(1)[0][0] for f in forms],
        count=count,
        n_outlets=np.array([len(s) for s in outlet_sets], dtype=int),
        np_like=np.array(quality) / np.maximum(count, 1),
        verb_like=verb_like,
        occ=occ_arr,
        words=words_all,
        gaps=gaps_all,
        texts=texts,
        outlets=outlets,
        key_id=key_id,
        by_sentence=dict(by_sentence),
    )
    corpus.cache.put("label_candidates", index, key=max_len)
    return index


def _verbness(words_all: list[list[str]], gaps_all: list[list[str]]) -> dict[str, float]:
    """How verb-like each word is, from the words around it in this corpus.

    Verb evidence: a subject pronoun, modal or "to" just before, or a
    determiner or object pronoun just after. Noun evidence: a determiner or
    possessive just before. A word ending in "-ed" starts with some verb
    evidence (a participle is rarely the head of a label).
    """
    verb: Counter = Counter()
    noun: Counter = Counter()
    for words, gaps in zip(words_all, gaps_all, strict=True):
        n = len(words)
        for i, w in enumerate(words):
            prev = words[i - 1] if i and not gaps[i] else None
            nxt = words[i + 1] if i + 1 < n and not gaps[i + 1] else None
            key = singular(w)
            if prev in VERB_LEFT or nxt in VERB_RIGHT:
                verb[key] += 1
            if prev in NOUN_LEFT:
                noun[key] += 1
    out = {}
    for w in set(verb) | set(noun) | {w for ws in words_all for w in ws if w.endswith("ed")}:
        # keys are singular forms; "-ed" words have none
        prior = 1.0 if w.endswith("ed") and len(w) > 4 and w not in ED_NOUNS else 0.0
        out[w] = (verb[w] + prior) / (verb[w] + noun[w] + prior + 1.0)
    return out


def seed_occurrences(index: CandidateIndex, seeds: Sequence[str], inflect: bool) -> np.ndarray:
    """Where the seed labels occur: rows (sentence, tok_start, tok_end)."""
    ps = PatternSet({"seed": list(seeds)}, inflect=inflect, what="seed")
    rows = []
    for si, words in enumerate(index.words):
        for _, s, e in ps.find(words):
            rows.append((si, s, e))
    return np.array(rows, dtype=int).reshape(-1, 3)


# --- cues ----------------------------------------------------------------------


def _contains(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    n = len(b)
    return any(a[i : i + n] == b for i in range(len(a) - n + 1))


def surface_cues(index: CandidateIndex, seed_keys: list[tuple[str, ...]]) -> tuple[np.ndarray, ...]:
    """``contains`` and ``same_head`` per candidate.

    ``contains`` is 1 when the candidate contains a seed or lies inside one
    and has the same head, 0.3 when the heads differ, else 0. ``same_head``
    is 1 when the candidate's head is a seed's head.
    """
    contains = np.zeros(len(index.keys))
    same = np.zeros(len(index.keys))
    heads = {head(k) for k in seed_keys}
    for c, key in enumerate(index.keys):
        h = head(key)
        if h in heads and _content(h):
            same[c] = 1.0
        for sk in seed_keys:
            if key == sk:
                continue
            if _contains(key, sk) or (_contains(sk, key) and any(_content(t) for t in key)):
                contains[c] = max(contains[c], 1.0 if h == head(sk) else 0.3)
    return contains, same


def apposition_cue(index: CandidateIndex, seeds: np.ndarray) -> tuple[np.ndarray, dict[int, int]]:
    """Occurrences next to a seed: a title just before it or an apposition.

    Returns counts per candidate and, per candidate, one sentence as evidence.
    """
    hits = np.zeros(len(index.keys))
    example: dict[int, int] = {}
    occ = index.occ
    for si, s, e in seeds:
        gaps = index.gaps[si]
        n = len(index.words[si])
        for r in index.by_sentence.get(int(si), ()):
            c, _, cs, ce = occ[r]
            if cs < e and ce > s:
                continue  # overlaps the seed itself
            title = ce <= s and s - ce <= 1 and not any(gaps[k] for k in range(cs + 1, s + 1))
            after = (
                cs >= e
                and gaps[e] in _APPOSITION_GAPS
                and not any(gaps[k] for k in range(e + 1, ce))
                and (ce == n or gaps[ce] != "")
                and all(w in NP_LEFT for w in index.words[si][e:cs])
            )
            before = (
                ce <= s
                and gaps[s] in _APPOSITION_GAPS
                and ce == s
                and (cs == 0 or gaps[cs] != "" or index.words[si][cs - 1] in NP_LEFT)
            )
            if title or after or before:
                hits[c] += 1
                example.setdefault(int(c), int(si))
    return hits, example


def _slot_features(index: CandidateIndex, rows: np.ndarray) -> list[list[str]]:
    """Slot contexts of occurrences (sentence, start, end): left word, right word, both."""
    out = []
    for si, s, e in rows:
        words = index.words[si]
        left = words[s - 1] if s > 0 else "<s>"
        right = words[e] if e < len(words) else "</s>"
        out.append([f"{left} _", f"_ {right}", f"{left} _ {right}"])
    return out


def context_matrices(index: CandidateIndex, window: int = 5):
    """Window-word (``W``) and slot (``S``) context counts of every candidate (cached)."""
    cached = index.__dict__.get("_contexts")
    if cached is not None:
        return cached
    feats: dict[str, int] = {}
    slots: dict[str, int] = {}
    w_rows, w_cols, s_rows, s_cols = [], [], [], []
    for c, si, s, e in index.occ:
        for f in _slot_features(index, [(si, s, e)])[0]:
            s_rows.append(c)
            s_cols.append(slots.setdefault(f, len(slots)))
        for w in _window(index, si, s, e, window):
            w_rows.append(c)
            w_cols.append(feats.setdefault(w, len(feats)))
    n = len(index.keys)
    W = sp.csr_matrix((np.ones(len(w_rows)), (w_rows, w_cols)), shape=(n, len(feats)))
    S = sp.csr_matrix((np.ones(len(s_rows)), (s_rows, s_cols)), shape=(n, len(slots)))
    out = (W, S, feats, slots, window)
    index.__dict__["_contexts"] = out
    return out


def seed_vectors(index: CandidateIndex, seeds: np.ndarray):
    """Context counts of the seed occurrences, in the columns of :func:`context_matrices`."""
    W, S, feats, slots, window = context_matrices(index)
    w = np.zeros(W.shape[1])
    s_ = np.zeros(S.shape[1])
    for si, s, e in seeds:
        for f in _window(index, si, s, e, window):
            w[feats[f]] += 1
        for f in _slot_features(index, [(si, s, e)])[0]:
            j = slots.get(f)
            if j is not None:
                s_[j] += 1
    return w, s_


def _window(index: CandidateIndex, si: int, s: int, e: int, window: int) -> list[str]:
    words = index.words[si]
    return [
        w
        for w in words[max(0, s - window) : s] + words[e : e + window]
        if w not in FUNCTION_WORDS and not w[:1].isdigit()
    ]


def _ppmi_weights(X: sp.csr_matrix, alpha: float = 0.75):
    total = X.sum()
    col = np.asarray(X.sum(axis=0)).ravel() ** alpha
    col = col / max(col.sum(), 1e-12)
    return total, col


def ppmi(X, total: float, col: np.ndarray):
    """Positive PMI of count rows ``X`` given the corpus total and smoothed column distribution."""
    X = sp.csr_matrix(X, dtype=float)
    row = np.asarray(X.sum(axis=1)).ravel()
    coo = X.tocoo()
    with np.errstate(divide="ignore"):
        val = np.log(coo.data * total / (row[coo.row] * col[coo.col] * total))
    keep = val > 0
    return sp.csr_matrix((val[keep], (coo.row[keep], coo.col[keep])), shape=X.shape)


def distributional(index: CandidateIndex, seed_counts: np.ndarray, n_components: int = 100):
    """Cosine of each candidate with the seed in a PPMI + truncated-SVD space."""

    W = context_matrices(index)[0]
    cached = index.__dict__.get("_svd")
    if cached is None:
        total, col = _ppmi_weights(W)
        P = ppmi(W, total, col)
        k = max(1, min(n_components, P.shape[0] - 1, P.shape[1] - 1))
        # small matrices: one BLAS thread is faster and never oversubscribes
        with threadpool_limits(1):
            svd = TruncatedSVD(k, random_state=0).fit(P)
            Z = svd.transform(P)
        cached = (total, col, svd, Z)
        index.__dict__["_svd"] = cached
    total, col, svd, Z = cached
    p = ppmi(sp.csr_matrix(seed_counts.reshape(1, -1)), total, col)
    with threadpool_limits(1):
        z = svd.transform(p)[0]
    return _cosine(Z, z)


def _cosine(Z, z) -> np.ndarray:
    norms = np.linalg.norm(Z, axis=1) * np.linalg.norm(z)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.nan_to_num(Z @ z / norms)


def slot_scores(index: CandidateIndex, seed_slots: np.ndarray) -> np.ndarray:
    """Shared slots with the seed, each weighted by its idf over candidates."""
    S = context_matrices(index)[1]
    present = (S > 0).astype(float)
    df = np.asarray(present.sum(axis=0)).ravel()
    idf = np.log((S.shape[0] + 1) / (df + 1))
    return np.asarray(present @ ((seed_slots > 0) * idf)).ravel()


def sentence_similarity(index: CandidateIndex, doc_ids: np.ndarray):
    """TF-IDF cosine similarity between sentences of different articles (cached)."""
    cached = index.__dict__.get("_sentsim")
    if cached is not None:
        return cached

    docs = [[w for w in ws if _content(w)] for ws in index.words]
    vec = TfidfVectorizer(analyzer=lambda d: d, sublinear_tf=True)
    X = vec.fit_transform(docs)
    sim = (X @ X.T).tocsr()
    sim = sim.multiply(doc_ids[:, None] != doc_ids[None, :]).tocsr()
    index.__dict__["_sentsim"] = sim
    return sim


def substitution_cue(
    index: CandidateIndex, seeds: np.ndarray, doc_ids: np.ndarray, min_similarity: float = 0.2
) -> tuple[np.ndarray, dict[int, int]]:
    """Candidates that replace the seed in a near-parallel sentence of another article.

    For each sentence A with the seed and each sentence B of another article
    that is similar to A (TF-IDF cosine at least ``min_similarity``) and lacks
    the seed, every candidate of B whose words are absent from A gains the
    similarity, doubled when it shares a neighbouring word with the seed.
    """
    sim = sentence_similarity(index, doc_ids)
    hits = np.zeros(len(index.keys))
    example: dict[int, int] = {}
    seed_sents = defaultdict(list)
    for si, s, e in seeds:
        seed_sents[int(si)].append((int(s), int(e)))
    for a, spans in seed_sents.items():
        row = sim[a]
        words_a = set(index.words[a])
        near_a = set()
        for s, e in spans:
            near_a.update(_neighbours(index.words[a], s, e))
        for b, value in zip(row.indices, row.data, strict=True):
            if value < min_similarity or b in seed_sents:
                continue
            words_b = index.words[b]
            for r in index.by_sentence.get(int(b), ()):
                c, _, cs, ce = index.occ[r]
                if any(w in words_a for w in words_b[cs:ce] if _content(w)):
                    continue
                bonus = 2.0 if near_a & set(_neighbours(words_b, cs, ce)) else 1.0
                hits[c] += value * bonus
                example.setdefault(int(c), int(b))
    return hits, example


def _neighbours(words: list[str], s: int, e: int, k: int = 2) -> list[str]:
    return [w for w in words[max(0, s - k) : s] + words[e : e + k] if _content(w)]


# --- ranking -------------------------------------------------------------------

#: Weight of each cue per method (cues are scaled to 0..1 first).
WEIGHTS = {
    "combined": {
        "contains": 3.0, "same_head": 2.0, "apposition": 1.0, "contexts": 1.0,
        "distributional": 1.0, "substitution": 0.5, "frequency": 0.5, "outlets": 0.3,
    },
    "surface": {"contains": 2.0, "same_head": 1.0, "apposition": 1.0, "frequency": 0.1},
    "contexts": {"contexts": 1.0, "frequency": 0.01},
    "distributional": {"distributional": 1.0, "frequency": 0.01},
    "substitution": {"substitution": 1.0, "frequency": 0.01},
    "frequency": {"frequency": 1.0},
}
METHODS = tuple(WEIGHTS)
SUGGEST_COLUMNS = (
    "concept", "candidate", "score", "rank", "count", "outlets", "cues", "evidence", "example",
)


def _seed_keys(seeds: Sequence[str]) -> list[tuple[str, ...]]:
    keys = []
    for s in seeds:
        toks = tokenize_pattern(s)
        if toks and not any(c in t for t in toks for c in "*?"):
            keys.append(_key(toks))
    return keys


def rank_candidates(
    corpus,
    concept: str,
    seeds: Sequence[str],
    *,
    method: str,
    top_n: int,
    max_len: int,
    min_count: int,
    inflect: bool,
) -> pd.DataFrame:
    """The ``top_n`` candidates for one concept, scored with ``method``."""
    index = build_index(corpus, max_len)
    weights = WEIGHTS[method]
    seed_rows = seed_occurrences(index, seeds, inflect)
    keys = _seed_keys(seeds)
    n = len(index.keys)
    cues: dict[str, np.ndarray] = {}
    examples: dict[int, int] = {}
    contains = same = np.zeros(n)
    if "contains" in weights or "same_head" in weights:
        contains, same = surface_cues(index, keys)
        cues["contains"], cues["same_head"] = contains, same
    if "apposition" in weights:
        hits, examples = apposition_cue(index, seed_rows)
        cues["apposition"] = np.minimum(hits, 2.0) / 2.0
    seed_slots = None
    if "contexts" in weights or "distributional" in weights:
        seed_words, seed_slots = seed_vectors(index, seed_rows)
        if "contexts" in weights:
            cues["contexts"] = _scaled(slot_scores(index, seed_slots))
        if "distributional" in weights:
            cues["distributional"] = np.clip(distributional(index, seed_words), 0.0, 1.0)
    if "substitution" in weights:
        doc_ids = corpus.sentences()["doc_id"].to_numpy()
        sub, sub_examples = substitution_cue(index, seed_rows, doc_ids)
        cues["substitution"] = _scaled(sub)
        for c, si in sub_examples.items():
            examples.setdefault(c, si)
    cues["frequency"] = np.log1p(index.count) / np.log1p(max(index.count.max(initial=1), 1))
    cues["outlets"] = index.n_outlets / max(1, len(set(index.outlets)))
    score = sum(w * cues[name] for name, w in weights.items())
    score = score * (1.0 + index.np_like) / 2.0 * (1.0 - 0.9 * index.verb_like)
    ps = PatternSet({"seed": list(seeds)}, inflect=inflect, what="seed")
    order = np.argsort(-score, kind="stable")
    chosen = []
    for c in order:
        if len(chosen) == top_n or score[c] <= 0:
            break
        if index.count[c] < min_count or _is_seed(ps, index.keys[c]):
            continue
        chosen.append(int(c))
    first = _first_sentences(index)
    rows = []
    for rank, c in enumerate(chosen, start=1):
        fired = [k for k in ("contains", "same_head", "apposition", "contexts",
                             "distributional", "substitution") if cues.get(k, np.zeros(n))[c] > 0]
        rows.append({
            "concept": concept,
            "candidate": index.surface[c],
            "score": float(score[c]),
            "rank": rank,
            "count": int(index.count[c]),
            "outlets": int(index.n_outlets[c]),
            "cues": ", ".join(fired),
            "evidence": _evidence(index, c, fired, keys, seed_slots, cues),
            "example": index.texts[examples.get(c, first[c])],
        })
    return pd.DataFrame(rows, columns=list(SUGGEST_COLUMNS))


def _scaled(x: np.ndarray) -> np.ndarray:
    top = x.max(initial=0.0)
    return x / top if top > 0 else x


def _is_seed(ps: PatternSet, key: tuple[str, ...]) -> bool:
    found = ps.find(list(key))
    return len(found) == 1 and found[0][1] == 0 and found[0][2] == len(key)


def _first_sentences(index: CandidateIndex) -> np.ndarray:
    cached = index.__dict__.get("_first")
    if cached is None:
        _, pos = np.unique(index.occ[:, 0], return_index=True)
        cached = index.occ[pos, 1]
        index.__dict__["_first"] = cached
    return cached


def _evidence(index, c, fired, seed_keys, seed_slots, cues) -> str:
    key = index.keys[c]
    parts = []
    if "contains" in fired:
        for sk in seed_keys:
            if _contains(key, sk):
                parts.append(f"contains the seed {' '.join(sk)!r}")
                break
            if _contains(sk, key):
                parts.append(f"part of the seed {' '.join(sk)!r}")
                break
    if "same_head" in fired:
        parts.append(f"same head {head(key)!r}")
    if "apposition" in fired:
        parts.append("title or apposition of the seed")
    if "contexts" in fired and seed_slots is not None:
        S, names = context_matrices(index)[1], list(context_matrices(index)[3])
        row = S[c]
        shared = [j for j in row.indices if seed_slots[j] > 0]
        shared.sort(key=lambda j: -(row[0, j] * seed_slots[j]))
        slots = ", ".join(repr(names[j]) for j in shared[:3])
        parts.append(f"shared slots {slots}")
    if "distributional" in fired:
        parts.append(f"context similarity {cues['distributional'][c]:.2f}")
    if "substitution" in fired:
        parts.append("replaces the seed in a similar sentence of another article")
    return "; ".join(parts) if parts else f"used {int(index.count[c])} time(s)"
