"""Counting terms: the corpus as one matrix of article x term counts.

Tokens come from the shared tokenizer (or the corpus cache of token numbers
when an earlier analysis made it); n-grams never cross a sentence boundary;
the stop-word policy keeps pronouns (see :data:`STOP_WORDS`).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from itertools import compress
from operator import itemgetter, not_

import numpy as np
import pandas as pd
import regex
import scipy.sparse as sp
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from .._nlp.english import PERSONAL_PRONOUNS
from .._nlp.style import link_cards
from .._nlp.text import _piece_tokens, fold, is_acronym, token_spans
from ..corpus import Corpus
from ._mentions import quoted_token_mask, sentence_tokens, voice_mask

__all__ = ["PRONOUNS", "STOP_WORDS", "count_matrix"]


#: Personal and possessive pronouns: function words that carry framing ("we",
#: "they", "our", "their"), kept by the default stop-word policy.
PRONOUNS = PERSONAL_PRONOUNS


#: The default stop words: scikit-learn's English list without the pronouns.
STOP_WORDS = frozenset(ENGLISH_STOP_WORDS - PRONOUNS)


def stop_set(stop_words) -> frozenset[str]:
    if stop_words is None:
        return frozenset()
    if isinstance(stop_words, str):
        if stop_words != "english":
            raise ValueError(
                f"stop_words must be 'english', None or a collection of words, got {stop_words!r}"
            )
        return STOP_WORDS
    return frozenset(str(w).lower() for w in stop_words)


def check_ngram_range(ngram_range) -> tuple[int, int]:
    try:
        lo, hi = (int(x) for x in ngram_range)
    except (TypeError, ValueError):
        raise ValueError(
            f"ngram_range must be a pair of integers such as (1, 2), got {ngram_range!r}"
        ) from None
    if not 1 <= lo <= hi:
        raise ValueError(f"ngram_range must satisfy 1 <= min <= max, got {ngram_range!r}")
    return lo, hi


_SEP = " \x00 "
_second = itemgetter(1)


def _token_stream(corpus: Corpus) -> tuple[list[str], np.ndarray]:
    """Every token of the corpus in order, each sentence followed by ``""``.

    Sentences follow the rows of ``corpus.sentences()`` (headlines included);
    also returned is the article row of each sentence. Reads the corpus
    token cache when an earlier step filled it; otherwise tokenises each
    article once, its sentences joined by ``_SEP``, which gives the tokens of
    its sentences one by one (the tokenizer's pieces never span white space).
    """
    sents = corpus.sentences()
    sent_article = pd.Index(corpus._articles["doc_id"]).get_indexer(sents["doc_id"])
    words: list[str] = []
    cached = corpus.cache.get("sentence_tokens")
    if cached is not None:
        for s in cached:
            words += [w for w, _, _ in s]
            words.append("")
        return words, sent_article
    texts = sents["text"].tolist()
    bounds = np.flatnonzero(np.diff(sent_article, prepend=-1, append=-1)).tolist()
    join = _SEP.join
    for a, b in zip(bounds[:-1], bounds[1:], strict=False):
        block = texts[a:b]
        text = join(block)
        # str.lower() reads context for one letter only (a final capital
        # sigma), and the separators' spaces end that context; fold() of a
        # whole text keeps a letter that grows when lower-cased, so with both
        # in one article fold sentence by sentence
        text = join(map(fold, block)) if "\u03a3" in text else fold(text)
        if text.count("\x00") == b - a - 1:
            words += _piece_tokens(text, mark="\x00")
        else:  # a sentence holds a NUL of its own: one by one
            for t in block[:-1]:
                words += _piece_tokens(fold(t))
                words.append("")
            words += _piece_tokens(fold(block[-1]))
        words.append("")
    return words, sent_article


def _token_numbers(corpus: Corpus):
    """Every token as a number: (numbers, the distinct tokens, the sentence
    row of each token, the article row of each sentence). Read from the
    corpus cache of token numbers when an earlier step made it."""
    sent_article = pd.Index(corpus._articles["doc_id"]).get_indexer(corpus.sentences()["doc_id"])
    cached = corpus.cache.get("token_codes")
    if cached is not None:
        codes, distinct, offsets = cached
        sent_of = np.repeat(np.arange(len(offsets) - 1), np.diff(offsets))
        return codes.astype(np.int64), np.asarray(distinct, dtype=object), sent_of, sent_article
    words, _ = _token_stream(corpus)
    vocab: defaultdict[str, int] = defaultdict()
    vocab.default_factory = vocab.__len__
    tok = np.fromiter(map(vocab.__getitem__, words), np.int64, len(words))
    del words
    names = np.array(list(vocab), dtype=object)
    mark = tok == vocab.get("", -1)
    sent_of = np.cumsum(mark) - mark
    keep = ~mark
    return tok[keep], names, sent_of[keep], sent_article


# every acronym holds one of these; sentences without any are left as they are
_CANDIDATE = regex.compile(r"(?:\p{L}\.){2}|\p{Lu}{2}")
# its ASCII matches, where a letter is [A-Za-z] and a capital [A-Z], as two searches in
# the standard engine that each open with what they look for fast (a capital, a dot):
# 2.5 times as fast as _CANDIDATE on ASCII text; a match of either is one of _CANDIDATE
_ASCII_CAPITALS = re.compile(r"[A-Z]{2}")
_ASCII_DOTTED = re.compile(r"\.[A-Za-z]\.(?<=[A-Za-z]\.[A-Za-z]\.)")


def has_acronym_candidate(text: str) -> bool:
    """Whether ``text`` holds ``_CANDIDATE`` (two capitals, or a dotted pair of letters)."""
    if _ASCII_CAPITALS.search(text) is not None or _ASCII_DOTTED.search(text) is not None:
        return True
    return not text.isascii() and _CANDIDATE.search(text) is not None
_WORDS = re.compile(r"[^\W\d_]{2,}")


def recase_acronyms(corpus: Corpus, tok: np.ndarray, names: np.ndarray, sent_of: np.ndarray):
    """Token numbers with acronyms told apart from words: "US" and "U.S." become the term
    ``US``, never the pronoun "us"; "NATO" stays ``NATO``.

    A token is an acronym when it is written in capitals (two letters or more) or as a
    dotted abbreviation, in a sentence that is not itself set in capitals (a shouting
    headline says nothing about its words). Other tokens keep their lower-cased form.
    """
    texts = corpus.sentences()["text"].to_numpy()
    first = np.searchsorted(sent_of, np.arange(len(texts)))
    extra: dict[str, int] = {}
    index = {str(w): i for i, w in enumerate(names)}
    positions, codes = [], []
    cached = corpus.cache.get("sentence_tokens")  # token_spans of every sentence, when made
    for s, text in enumerate(texts):
        if not has_acronym_candidate(text):
            continue
        words = _WORDS.findall(text)
        if sum(map(str.isupper, words)) * 2 > len(words):
            continue
        spans = token_spans(text) if cached is None else cached[s]
        end = first[s + 1] if s + 1 < len(texts) else len(tok)
        if len(spans) != end - first[s]:
            continue  # the token stream and the sentence disagree: leave it as it is
        # (a token written with a lower-case first letter is never an acronym)
        lower = map(str.islower, map(text.__getitem__, map(_second, spans)))
        for j in compress(range(len(spans)), map(not_, lower)):
            _, a, b = spans[j]
            if is_acronym(text[a:b]):
                form = text[a:b].replace(".", "").upper()
                if form not in index:
                    index[form] = len(names) + len(extra)
                    extra[form] = index[form]
                positions.append(first[s] + j)
                codes.append(index[form])
    if positions:
        tok = tok.copy()
        tok[np.asarray(positions, dtype=np.int64)] = codes
        names = np.concatenate([names, np.array(list(extra), dtype=object)]) if extra else names
    return tok, names


def _term_numbers(corpus: Corpus):
    """:func:`_token_numbers` with :func:`recase_acronyms` applied, computed once per
    corpus (``distinctive_terms`` counts the corpus, then its boilerplate sentences)."""
    cached = corpus.cache.get("term_numbers")
    if cached is None:
        tok, names, sent_of, sent_article = _token_numbers(corpus)
        tok, names = recase_acronyms(corpus, tok, names, sent_of)
        cached = corpus.cache.put("term_numbers", (tok.astype(np.int32), names, sent_of.astype(np.int32), sent_article))
    tok, names, sent_of, sent_article = cached
    return tok.astype(np.int64), names, sent_of.astype(np.int64), sent_article


def count_matrix(corpus: Corpus, ngram_range, stop_words, sentences: np.ndarray | None = None,
                 voice: str = "all"):
    """Article x term counts (n-grams never cross sentence boundaries), the
    terms in alphabetical order, and the total n-gram count of each article.

    Counts, sentence by sentence, the unigrams that are not stop words and
    the n-grams that neither start nor end with one, after dropping the
    possessive "'s"; n-grams are found on arrays of token numbers. With
    ``sentences`` (a boolean mask over ``corpus.sentences()``) only those
    sentences are counted; the link cards a site runs into its sentences
    (:func:`link_card_tokens`) never; with ``voice`` ``"outlet"`` only the
    words outside quotation marks, with ``"quoted"`` only those inside (an
    n-gram never spans a quotation mark, nor the edge of a link card).
    """
    lo, hi = check_ngram_range(ngram_range)
    stop = stop_set(stop_words)
    tok, names, sent_of, sent_article = _term_numbers(corpus)
    run = sent_of  # n-grams are made inside runs of kept words
    keep = np.ones(len(tok), dtype=bool)
    if sentences is not None:
        keep &= np.asarray(sentences, dtype=bool)[sent_of]
    cards = link_card_tokens(corpus)
    edges = cards is not None
    if edges:
        keep &= ~cards
    if voice != "all":
        quoted = quoted_token_mask(corpus)[0]
        if len(quoted) == len(tok):
            keep &= voice_mask(quoted, voice)
            edges = True
    if edges:
        run = np.cumsum(np.concatenate([[0], (np.diff(sent_of) != 0) | (keep[1:] != keep[:-1])]))
    if not keep.all():
        tok, sent_of, run = tok[keep], sent_of[keep], run[keep]
    is_stop = np.fromiter((w in stop for w in names), bool, len(names))
    possessive = np.flatnonzero(names == "'s")
    if len(possessive):
        keep = tok != possessive[0]
        tok, sent_of, run = tok[keep], sent_of[keep], run[keep]
    rows, cols, term_names = [], [], []
    for n in range(lo, hi + 1):
        if n == 1:
            ok = ~is_stop[tok]
            rows.append(sent_article[sent_of[ok]])
            cols.append(tok[ok])
            term_names.append(names)
            continue
        m = len(tok) - n + 1
        if m <= 0:
            continue
        ok = (run[:m] == run[n - 1 :]) & ~is_stop[tok[:m]] & ~is_stop[tok[n - 1 :]]
        start = np.flatnonzero(ok)
        code = tok[start]
        for j in range(1, n):
            # numbered afresh after each word, so the codes stay small
            _, code = np.unique(code * len(names) + tok[start + j], return_inverse=True)
        where = np.zeros(code.max() + 1 if len(code) else 0, dtype=np.int64)
        where[code] = start
        parts = [names[tok[where + j]] for j in range(n)]
        rows.append(sent_article[sent_of[start]])
        cols.append(code)
        term_names.append(np.array([" ".join(w) for w in zip(*parts, strict=True)], dtype=object))
    offsets = np.cumsum([0] + [len(t) for t in term_names])
    terms = np.concatenate(term_names) if term_names else np.array([], dtype=object)
    col = np.concatenate([c + o for c, o in zip(cols, offsets, strict=False)] or [[]]).astype(
        np.int64
    )
    row = np.concatenate(rows or [[]]).astype(np.int64)
    # the terms that occur, in alphabetical order
    used = np.flatnonzero(np.bincount(col, minlength=len(terms)))
    order = used[np.argsort(terms[used], kind="stable")]
    renumber = np.empty(len(terms), dtype=np.int64)
    renumber[order] = np.arange(len(order))
    X = sp.csr_matrix(
        (np.ones(len(col)), (row, renumber[col])), shape=(len(corpus._articles), len(order))
    )
    X.sum_duplicates()
    lengths = np.asarray(X.sum(axis=1)).ravel()
    return X, terms[order], lengths


def link_card_tokens(corpus: Corpus) -> np.ndarray | None:
    """Mask over the tokens of :func:`_term_numbers`: the tokens of the link cards run
    into body sentences (:func:`framing._nlp.style.link_cards`: a person's full name run
    into the headlines of related stories, closed by "MORE"). None when there is none.
    Computed once per corpus."""
    return corpus.cache.fetch("link_card_tokens", lambda: _link_card_tokens(corpus))


def _link_card_tokens(corpus: Corpus) -> np.ndarray | None:
    arts = corpus._articles
    cards: dict[int, list[tuple[int, int]]] = {}
    for a, text in enumerate(arts["text"]):
        if " MORE" in text:
            found = [(s, e) for s, e, _ in link_cards(text)]
            if found:
                cards[a] = found
    if not cards:
        return None
    _, _, sent_of, sent_article = _term_numbers(corpus)
    sents = corpus.sentences()
    first = np.searchsorted(sent_of, np.arange(len(sents) + 1))
    mask = np.zeros(len(sent_of), dtype=bool)
    toks = sentence_tokens(corpus)
    body = (sents["section"].astype(str) != "headline").to_numpy()
    starts, lengths = sents["start"].to_numpy(), sents["text"].str.len().to_numpy()
    for i in np.flatnonzero(np.isin(sent_article, list(cards)) & body):
        start, end = starts[i], starts[i] + lengths[i]
        for s, e in cards[sent_article[i]]:
            if s < end and e > start:
                offsets = np.fromiter((start + a for _, a, _ in toks[i]), np.int64, len(toks[i]))
                if len(offsets) == first[i + 1] - first[i]:
                    mask[first[i] : first[i + 1]] |= (offsets >= s) & (offsets < e)
    return mask if mask.any() else None


def column_max(X: sp.csc_matrix) -> tuple[np.ndarray, np.ndarray]:
    """The largest value of each column and its row: ``X.max(axis=0)`` and
    ``X.argmax(axis=0)`` (the first row holding it; 0 for an empty column), in
    one vectorised pass when every stored value is positive, as counts are
    (SciPy's ``argmax`` loops over the columns in Python)."""
    X = X.copy()
    X.sum_duplicates()  # sorted rows, as SciPy's argmax reads them
    if not (X.data > 0).all():
        return np.asarray(X.max(axis=0).todense()).ravel(), np.asarray(X.argmax(axis=0)).ravel()
    n = X.shape[1]
    cols = np.repeat(np.arange(n), np.diff(X.indptr))
    top = np.zeros(n, dtype=X.dtype)
    used = np.flatnonzero(np.diff(X.indptr))
    if len(used):
        top[used] = np.maximum.reduceat(X.data, X.indptr[used])
    first = np.flatnonzero(X.data == top[cols])
    col, at = np.unique(cols[first], return_index=True)
    row = np.zeros(n, dtype=int)
    row[col] = X.indices[first[at]]
    return top, row


def group_codes(corpus: Corpus, by: str, levels: Sequence[str]) -> np.ndarray:
    index = {lv: i for i, lv in enumerate(levels)}
    return np.array(
        [index.get(str(v), -1) for v in corpus._articles[by].astype(str)], dtype=np.int64
    )


def group_matrix(codes: np.ndarray, k: int) -> sp.csr_matrix:
    ok = codes >= 0
    return sp.csr_matrix(
        (np.ones(ok.sum()), (codes[ok], np.flatnonzero(ok))), shape=(k, len(codes))
    )
