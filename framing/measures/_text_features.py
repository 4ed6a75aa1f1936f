"""Text features of the frame classifier: word n-grams, subwords, dictionary scores.

Each block is a small fitted object whose whole state is a vocabulary and a
few arrays, so that a fitted :class:`~framing.measures.classifier.FrameClassifier`
can be written to JSON and read back with identical predictions. The blocks
tokenise with framing's own tokenizer (``framing._nlp.text.tokenize``), the one
the frame dictionaries are matched with.

* :class:`NgramTfidf`: word n-grams (words and phrases), sublinear TF-IDF,
  rows scaled to unit length (as scikit-learn's ``TfidfVectorizer`` with
  ``sublinear_tf=True``).
* :class:`SubwordTfidf`: character n-grams inside words (each word padded
  with a space on both sides, as ``analyzer="char_wb"``), computed once per
  distinct word and summed over the words of a text, so that a word never
  seen in training still shares features with its relatives (``deport``,
  ``deported``, ``deportations``).
* :class:`DictionaryScores`: for each dimension of a frame dictionary, the
  log of one plus the summed weight of its terms in the text, standardised.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import numpy as np
import pandas as pd
import scipy.sparse as sp

from .._nlp.text import tokenize
from .frames import _check_table, _compile

__all__ = ["NgramTfidf", "SubwordTfidf", "DictionaryScores", "tokenize_all"]


def tokenize_all(texts: Sequence[str]) -> list[list[str]]:
    """framing's tokens of every text."""
    return [tokenize(t) for t in texts]


def _ngrams(tokens: list[str], lo: int, hi: int) -> list[str]:
    out = list(tokens) if lo <= 1 else []
    for n in range(max(lo, 2), hi + 1):
        out += [" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1)]
    return out


def _idf(df: np.ndarray, n_docs: int) -> np.ndarray:
    # scikit-learn's smooth idf: log((1 + n) / (1 + df)) + 1
    return np.log((1.0 + n_docs) / (1.0 + df)) + 1.0


def _finish(counts: sp.csr_matrix, idf: np.ndarray) -> sp.csr_matrix:
    """Sublinear tf times idf, rows scaled to unit Euclidean length."""
    X = counts.tocsr().astype(float)
    X.data = 1.0 + np.log(X.data)
    X = X @ sp.diags(idf)
    norms = np.sqrt(np.asarray(X.multiply(X).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sp.csr_matrix(sp.diags(1.0 / norms) @ X)


class _TfidfBlock:
    """What the two TF-IDF blocks share: fitting, and their state as plain data."""

    _NAME = ""
    ngram_range: tuple[int, int]
    min_df: int
    max_df: float
    vocabulary: dict[str, int]
    idf: np.ndarray

    def __init__(self, ngram_range: tuple[int, int], min_df: int = 2, max_df: float = 1.0):
        self.ngram_range = tuple(ngram_range)
        self.min_df = min_df
        self.max_df = max_df

    def fit(self, tokens: list[list[str]]):
        self.fit_transform(tokens)  # each block's own
        return self

    def state(self) -> dict:
        terms = sorted(self.vocabulary, key=self.vocabulary.get)
        return {
            "ngram_range": list(self.ngram_range),
            "min_df": self.min_df,
            "max_df": self.max_df,
            "terms": terms,
            "idf": self.idf,
        }

    @classmethod
    def from_state(cls, state: dict):
        out = cls(tuple(state["ngram_range"]), int(state["min_df"]), float(state["max_df"]))
        out.vocabulary = {t: i for i, t in enumerate(state["terms"])}
        out.idf = np.asarray(state["idf"], dtype=float)
        if len(out.idf) != len(out.vocabulary):
            raise ValueError(f"the {cls._NAME} block has as many idf values as terms")
        return out


class NgramTfidf(_TfidfBlock):
    """Word n-gram TF-IDF with a fixed vocabulary (terms seen in ``min_df`` texts)."""

    _NAME = "n-gram"

    def __init__(self, ngram_range: tuple[int, int] = (1, 2), min_df: int = 2, max_df: float = 1.0):
        super().__init__(ngram_range, min_df, max_df)

    def fit_transform(self, tokens: list[list[str]]) -> sp.csr_matrix:
        counts = [Counter(_ngrams(toks, *self.ngram_range)) for toks in tokens]
        df: Counter = Counter()
        for c in counts:
            df.update(c.keys())
        top = self.max_df * len(tokens)
        terms = sorted(t for t, c in df.items() if self.min_df <= c <= top)
        self.vocabulary = {t: i for i, t in enumerate(terms)}
        self.idf = _idf(np.array([df[t] for t in terms], dtype=float), len(tokens))
        return self._matrix(counts)

    def _matrix(self, counts: list[Counter]) -> sp.csr_matrix:
        rows, cols, vals = [], [], []
        vocab = self.vocabulary
        for i, c in enumerate(counts):
            hits = [
                (j, v)
                for j, v in zip(map(vocab.get, c.keys()), c.values(), strict=True)
                if j is not None
            ]
            rows += [i] * len(hits)
            cols += [j for j, _ in hits]
            vals += [v for _, v in hits]
        m = sp.csr_matrix((vals, (rows, cols)), shape=(len(counts), len(vocab)), dtype=float)
        return _finish(m, self.idf)

    def transform(self, tokens: list[list[str]]) -> sp.csr_matrix:
        return self._matrix([Counter(_ngrams(toks, *self.ngram_range)) for toks in tokens])


def _char_grams(word: str, lo: int, hi: int) -> list[str]:
    w = f" {word} "
    return [w[k : k + n] for n in range(lo, hi + 1) for k in range(len(w) - n + 1)]


class SubwordTfidf(_TfidfBlock):
    """Character n-grams inside words, TF-IDF (see the module docstring)."""

    _NAME = "subword"

    def __init__(self, ngram_range: tuple[int, int] = (3, 5), min_df: int = 2, max_df: float = 1.0):
        super().__init__(ngram_range, min_df, max_df)

    def _word_matrix(
        self, words: list[str], vocab: dict[str, int] | None
    ) -> tuple[sp.csr_matrix, list[str]]:
        """(words x grams) counts; with ``vocab=None`` the grams are collected."""
        rows, cols = [], []
        grams: dict[str, int] = {} if vocab is None else vocab
        for i, word in enumerate(words):
            for g in _char_grams(word, *self.ngram_range):
                j = grams.get(g)
                if j is None:
                    if vocab is not None:
                        continue
                    j = grams[g] = len(grams)
                rows.append(i)
                cols.append(j)
        M = sp.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(words), len(grams)))
        M.sum_duplicates()
        return M, list(grams)

    @staticmethod
    def _doc_words(tokens: list[list[str]]) -> tuple[sp.csr_matrix, list[str]]:
        index: dict[str, int] = {}
        rows, cols, vals = [], [], []
        for i, toks in enumerate(tokens):
            for w, c in Counter(toks).items():
                j = index.setdefault(w, len(index))
                rows.append(i)
                cols.append(j)
                vals.append(c)
        T = sp.csr_matrix((vals, (rows, cols)), shape=(len(tokens), len(index)), dtype=float)
        return T, list(index)

    def fit_transform(self, tokens: list[list[str]]) -> sp.csr_matrix:
        T, words = self._doc_words(tokens)
        M, grams = self._word_matrix(words, None)
        counts = sp.csr_matrix(T @ M)
        df = np.bincount(counts.indices, minlength=counts.shape[1])
        keep = np.flatnonzero((df >= self.min_df) & (df <= self.max_df * len(tokens)))
        kept = [grams[j] for j in keep]
        order = np.argsort(kept, kind="stable")
        self.vocabulary = {kept[k]: i for i, k in enumerate(order)}
        self.idf = _idf(df[keep][order].astype(float), len(tokens))
        return _finish(counts[:, keep[order]], self.idf)

    def transform(self, tokens: list[list[str]]) -> sp.csr_matrix:
        T, words = self._doc_words(tokens)
        M, _ = self._word_matrix(words, self.vocabulary)
        return _finish(T @ M, self.idf)


class DictionaryScores:
    """``log(1 + summed weight)`` per dictionary dimension, standardised on the training texts."""

    def __init__(self, table: pd.DataFrame):
        self.table = _check_table(table.reset_index(drop=True))
        self._compiled = _compile(self.table)
        self.frames = self._compiled.frames

    def raw(self, tokens: list[list[str]]) -> np.ndarray:
        c = self._compiled
        out = np.zeros((len(tokens), len(c.frames)))
        for i, toks in enumerate(tokens):
            for phrase, _, _ in c.patterns.find(toks):
                for f, w, _ in c.entries[phrase]:
                    out[i, f] += w
        return np.log1p(out)

    def fit(self, tokens: list[list[str]]) -> DictionaryScores:
        self.fit_transform(tokens)
        return self

    def fit_transform(self, tokens: list[list[str]]) -> np.ndarray:
        raw = self.raw(tokens)
        self.mean = raw.mean(axis=0)
        scale = raw.std(axis=0)
        self.scale = np.where(scale > 0, scale, 1.0)
        return (raw - self.mean) / self.scale

    def transform(self, tokens: list[list[str]]) -> np.ndarray:
        return (self.raw(tokens) - self.mean) / self.scale

    def state(self) -> dict:
        return {
            "terms": self.table["term"].tolist(),
            "categories": self.table["category"].tolist(),
            "weights": self.table["weight"].tolist(),
            "mean": self.mean,
            "scale": self.scale,
        }

    @classmethod
    def from_state(cls, state: dict) -> DictionaryScores:
        table = pd.DataFrame(
            {"term": state["terms"], "category": state["categories"], "weight": state["weights"]}
        )
        out = cls(table)
        out.mean = np.asarray(state["mean"], dtype=float)
        out.scale = np.asarray(state["scale"], dtype=float)
        if out.mean.shape != (len(out.frames),) or out.scale.shape != (len(out.frames),):
            raise ValueError("the dictionary block has one mean and one scale per dimension")
        return out
