"""The measures' fast paths give exactly what the plain algorithms they replace give."""

from __future__ import annotations

import warnings

import numpy as np
import pytest

from framing.measures._stats import percentile_interval
from tests.sample_texts import corpus_texts, find_plain, generated_texts, mutations, odd_texts


def _nanquantile_interval(samples, ci, axis=0):
    alpha = (1 - ci) / 2
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        return (
            np.nanquantile(samples, alpha, axis=axis),
            np.nanquantile(samples, 1 - alpha, axis=axis),
        )


@pytest.mark.parametrize("seed", range(40))
def test_percentile_interval_equals_nanquantile(seed):
    rng = np.random.default_rng(seed)
    B, V = int(rng.integers(1, 1200)), int(rng.integers(1, 40))
    x = rng.normal(size=(B, V)) * 10.0 ** rng.integers(-3, 4)
    if seed % 3 == 0:
        x = np.round(x)  # ties
    if seed % 4 == 0:
        x[rng.random((B, V)) < 0.2] = np.nan
    if seed % 8 == 0:
        x[:, 0] = np.nan
    ci = float(rng.choice([0.5, 0.9, 0.95, 0.99]))
    for data, axis in ((x, 0), (x.T, 1), (x[:, 0], 0)):
        got = percentile_interval(data, ci, axis=axis)
        want = _nanquantile_interval(data, ci, axis=axis)
        for g, w in zip(got, want):
            assert np.shape(g) == np.shape(w)
            assert np.array_equal(g, w, equal_nan=True)


# -- sentence_tokens: token_spans of every sentence, with shared objects ------------


def test_sentence_tokens_equal_token_spans():
    from framing import load_corpus
    from framing._nlp.text import token_spans
    from framing.measures._mentions import sentence_tokens

    long_sentence = "The U.S. said Israel’s full-scale operation killed 1,200 people " * 80
    corpus = load_corpus(
        [
            {"outlet": "A", "title": "Strikes hit Rafah", "text": "Hamas’s fighters fled. Aid stopped."},
            {"outlet": "B", "text": long_sentence.strip() + "."},
        ]
    )
    texts = corpus.sentences()["text"]
    assert max(map(len, texts)) > 4096
    toks = sentence_tokens(corpus)
    assert toks == [token_spans(t) for t in texts]
    words = [w for spans in toks for w, _, _ in spans]
    assert len({id(w) for w in words}) == len(set(words))  # one object per token string


# -- term counts from one pass per article -----------------------------------------------


def _count_matrix_plain(corpus, ngram_range, stop_words):
    """terms.count_matrix as first written: CountVectorizer sentence by sentence."""
    import scipy.sparse as sp
    from sklearn.feature_extraction.text import CountVectorizer

    from framing.measures._counting import check_ngram_range, stop_set

    lo, hi = check_ngram_range(ngram_range)
    stop = stop_set(stop_words)

    def analyze(tokens):
        toks = [t for t in tokens if t != "'s"]
        out = []
        for n in range(lo, hi + 1):
            if n == 1:
                out += [t for t in toks if t not in stop]
            else:
                grams = zip(*(toks[i:] for i in range(n)), strict=False)
                out += [" ".join(w) for w in grams if w[0] not in stop and w[-1] not in stop]
        return out

    import re

    from framing._nlp.text import is_acronym, token_spans

    def terms_of(text):
        # acronyms told apart, as terms.count_matrix does, sentence by sentence
        words = re.findall(r"[^\W\d_]{2,}", text)
        shouting = sum(w.isupper() for w in words) * 2 > len(words)
        return [text[a:b].replace(".", "").upper() if not shouting and is_acronym(text[a:b]) else w
                for w, a, b in token_spans(text)]

    sents = corpus.sentences()
    vec = CountVectorizer(analyzer=analyze, dtype=np.float64, lowercase=False)
    S = vec.fit_transform([terms_of(t) for t in sents["text"]])
    docs = corpus.articles["doc_id"].tolist()
    rows = [docs.index(d) for d in sents["doc_id"]]
    D = sp.csr_matrix((np.ones(len(rows)), (rows, np.arange(len(rows)))), shape=(len(docs), len(rows)))
    X = (D @ S).tocsr()
    return X, vec.get_feature_names_out(), np.asarray(X.sum(axis=1)).ravel()


@pytest.mark.parametrize("cached", [None, "sentence_tokens", "token_codes"])
def test_count_matrix_equals_sentence_by_sentence(cached):
    from framing import load_corpus
    from framing.measures._counting import count_matrix
    from framing.measures._mentions import _token_codes, sentence_tokens

    texts = odd_texts(150, seed=2) + generated_texts(60)
    rows = [{"outlet": "AB"[i % 2], "title": texts[i - 1][:60] if i % 3 else "", "text": t}
            for i, t in enumerate(texts) if t.strip()]
    rows.append({"outlet": "A", "text": "One.\x00 Two \x00 three. Four\x00five. Six."})
    corpus = load_corpus(rows)
    if cached == "sentence_tokens":
        sentence_tokens(corpus)
    elif cached == "token_codes":
        _token_codes(corpus)
    for ngram_range in [(1, 1), (1, 2), (2, 3), (3, 3)]:
        for stop_words in ["english", None, ["a", "b"]]:
            X, terms, lengths = count_matrix(corpus, ngram_range, stop_words)
            X0, terms0, lengths0 = _count_matrix_plain(corpus, ngram_range, stop_words)
            assert terms.tolist() == terms0.tolist()
            assert (X != X0).nnz == 0
            assert np.array_equal(lengths, lengths0)


# -- distinctive_terms' resampling kernels -----------------------------------------------


@pytest.mark.parametrize("seed", range(30))
def test_log_ratio_interval_equals_quantiles_of_delta(seed):
    from framing.measures._keyness import _log_ratio_interval, log_odds

    rng = np.random.default_rng(seed)
    B, C = int(rng.integers(1, 1500)), int(rng.integers(1, 30))
    ci = float(rng.choice([0.5, 0.9, 0.95, 0.99, 0.999]))
    y_i = rng.integers(0, 50, size=(C, B)).astype(float)
    y_j = rng.integers(0, 500, size=(C, B)).astype(float)
    if seed % 3 == 0:
        y_i = np.round(y_i / 10)  # ties
    a_i = rng.integers(500, 900, size=(1, B)) + 3.5
    a_j = rng.integers(5000, 9000, size=(1, B)) + 3.5
    prior = rng.random((C, 1)) + 0.01
    delta, _ = log_odds(y_i, a_i, y_j, a_j, prior, 0.0)
    want = percentile_interval(delta, ci, axis=1)
    got = _log_ratio_interval(y_i, a_i, y_j, a_j, prior, ci)
    for g, w in zip(got, want):
        np.testing.assert_allclose(g, w, rtol=0, atol=1e-12)


# -- matching from candidate positions (lexicons, dictionaries, mentions) --------------


@pytest.mark.parametrize("inflect", [True, False])
def test_candidate_positions_find_equals_plain_version(inflect):
    from framing import load_corpus, load_example
    from framing._nlp.match import PatternSet
    from framing.datasets import load_example_lists
    from framing.lexicons import load_lexicon
    from framing.measures._mentions import candidate_positions, sentence_tokens

    actors, concepts = load_example_lists("rafah")
    entries = {**actors, **concepts, "globs": ["terror*", "kill*", "civilian?", "u.s. official*"]}
    # phrases opened by function words: kept only where the next word fits
    entries["function"] = ["the west", "in the end", "of course", "it is said", "the gaza strip", "a", "to be"]
    for name in ("emotive", "hedges", "intensifiers"):
        entries[name] = load_lexicon(name)["term"].tolist()
    texts = corpus_texts()[:400] + mutations(corpus_texts()[:50], 100)
    corpora = [load_example("rafah"), load_example("plant-closure"),
               load_corpus([{"doc_id": f"d{i}", "outlet": "x", "text": t} for i, t in enumerate(texts) if t.strip()])]
    for corpus in corpora:
        ps = PatternSet(entries, inflect=inflect)
        toks = sentence_tokens(corpus)
        got = {r: ps.find(words, positions) for r, words, positions in candidate_positions(corpus, ps)}
        for r, spans in enumerate(toks):
            words = [w for w, _, _ in spans]
            assert got.get(r, []) == find_plain(ps, words), words


def test_passive_counts_equal_counts_of_parses():
    import numpy as np

    from framing import load_example
    from framing.measures._parses import sentence_parses
    from framing.measures.agency import _passive_counts, _sentence_counts

    corpus = load_example("rafah")
    rows = np.arange(len(corpus.sentences()))
    fresh = load_example("rafah")
    from framing.measures.agency import _COUNTS, _sentence_quotes

    want = np.zeros((len(rows), 2, len(_COUNTS)))
    quoted = _sentence_quotes(fresh, rows)
    for r, p in sentence_parses(fresh, rows).items():
        want[r] = _sentence_counts(p, quoted[r])
    assert np.array_equal(_passive_counts(corpus, rows), want)  # parses made and dropped
    assert np.array_equal(_passive_counts(fresh, rows), want)  # parses from the cache
    some = rows[::3]
    expected = np.zeros_like(want)
    expected[some] = want[some]
    assert np.array_equal(_passive_counts(load_example("rafah"), some), expected)


class _TiedRandom:
    """A generator whose draws are coarse, so that keys of one row tie."""

    def __init__(self, seed):
        self.rng = np.random.default_rng(seed)

    def random(self, shape):
        return np.floor(self.rng.random(shape) * 4) / 4


class _NearOneRandom(_TiedRandom):
    """Draws that round up to the next stratum's code once added to it (1 - 2**-53),
    or sit on a code (0.0), so keys of two strata tie or cross."""

    def random(self, shape):
        u = self.rng.random(shape)
        return np.where(u < 0.1, np.nextafter(1.0, 0.0), np.where(u < 0.2, 0.0, u))


@pytest.mark.parametrize("seed", range(18))
def test_shuffles_equal_stable_sort(seed):
    from framing.measures._design import Comparison, _shuffles

    def plain(c, m, rng):
        n = len(c.rows)
        base = np.argsort(c.strata, kind="stable")
        keys = c.strata[None, :] + rng.random((m, n))
        order = np.argsort(keys, axis=1, kind="stable")
        out = np.empty((m, n), dtype=bool)
        np.put_along_axis(out, order, np.broadcast_to(c.in_g[base], (m, n)), axis=1)
        return out

    rng = np.random.default_rng(seed)
    n = int(rng.integers(2, 300))
    codes = rng.integers(0, 3, n)
    strata = rng.integers(0, 4, n) if seed % 2 else None
    c = Comparison.of(codes, 0, None, strata)
    odd = {0: _TiedRandom, 1: _TiedRandom, 3: _NearOneRandom, 5: _NearOneRandom}
    kind = odd.get(seed % 6, np.random.default_rng)
    assert np.array_equal(_shuffles(c, 50, kind(seed)), plain(c, 50, kind(seed)))


def test_acronym_candidate_equals_unicode_pattern():
    import random

    from framing.measures._counting import _CANDIDATE, has_acronym_candidate

    rng = random.Random(0)
    alphabet = "aZ.Q b.xY\u00c9\u00e9.1-"
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12))) for _ in range(40000)]
    texts += ["The U.S. said", "NATO met", "u.s. forces", "A. B. Smith", "Mr. Doe", "\u00c9U went", "x.y.", "I A",
              ".a.", "x..y.", "a.b", "1.a.", "\u00e9.a.", "a.\u00e9.", "\u201cUS\u201d", "oK"]
    for t in texts + corpus_texts() + odd_texts(3000, seed=4):
        assert has_acronym_candidate(t) == (_CANDIDATE.search(t) is not None), repr(t)


@pytest.mark.parametrize("seed", range(10))
def test_column_max_equals_scipy(seed):
    import scipy.sparse as sp

    from framing.measures._counting import column_max

    rng = np.random.default_rng(seed)
    n, m = int(rng.integers(1, 60)), int(rng.integers(1, 80))
    X = sp.random(n, m, density=rng.uniform(0.01, 0.5), random_state=seed, format="csc")
    X.data = np.ceil(X.data * 4)  # counts, with ties
    if seed % 4 == 3:
        X.data[::3] *= -1  # not counts: SciPy's own answer
    top, row = column_max(X)
    assert np.array_equal(top, np.asarray(X.max(axis=0).todense()).ravel())
    assert np.array_equal(row, np.asarray(X.argmax(axis=0)).ravel())


def test_corpus_usage_reads_only_title_nouns_and_name_starts():
    # the name words are counted token by token, inside a name or not; the sentence is
    # read only at title nouns and first words of names (known sets of a small corpus)
    import pandas as pd

    import framing
    from framing.measures._style import _corpus_usage, _outlet_names

    outlets = ["Daily Ledger", "CNN", "Fox News", "The Times"]
    sents = ["A Daily Ledger poll found support fell, CNN/ORC said.",
             "President Jane Doe told Fox News that the Times was wrong.",
             "The Daily Ledger reported that Minister Ray spoke.",
             "Fox News and CNN carried it; the Daily Ledger/Marist poll too.",
             "Senator Kim Lee said the Times erred, Fox said.", "CNN reported it. Daily ledger staff agreed."]
    rows = [{"doc_id": f"d{i}", "outlet": outlets[i % 4], "title": "News",
             "text": " ".join(sents[(i + k) % 6] for k in range(4))} for i in range(60)]
    corpus = framing.load_corpus(pd.DataFrame(rows))
    names, titles, proper = _corpus_usage(corpus, _outlet_names(corpus))
    assert names == {"daily", "ledger", "cnn", "fox", "news", "times", "orc", "marist"}
    assert titles == {"president", "minister", "senator"}
    assert {"jane", "doe", "ray", "kim", "lee"} <= proper


# -- passive counts: sentences without a candidate word skip the clause rules -------------


@pytest.mark.parametrize(
    ("sentence", "gate"),
    [
        ("The council will meet on Tuesday to discuss the budget.", False),
        ("Residents of Eastbrook want a new bridge.", False),
        ("Three civilians were killed by soldiers.", True),  # participle
        ("Soldiers attack the village.", True),  # harm verb
        ("Two fishermen perish at sea.", True),  # death verb
        ("Four people are dead.", True),
        ("Rescuers lose their lives in the flood.", True),
        ("Two guards sustain burns.", True),
    ],
)
def test_counted_group_gate_known_answers(sentence, gate):
    from framing._nlp.grammar.gate import may_hold_counted_group
    from framing._nlp.text import token_spans

    assert may_hold_counted_group([t for t, _, _ in token_spans(sentence)]) is gate


def test_counted_group_gate_never_drops_a_count():
    from framing._nlp.grammar import parse
    from framing._nlp.grammar.gate import may_hold_counted_group
    from framing._nlp.segment import sentence_spans
    from framing._nlp.text import token_spans
    from framing.measures.agency import _count_rows

    known = ["Rescuers lose their lives in the flood.", "Two guards sustain burns.", "12 dead in crash",
             "Strike leaves 12 dead", "A man believed to be 30 was held.", "Crops starve to death."]
    skipped = 0
    for text in known + corpus_texts() + generated_texts(60):
        for s, e in sentence_spans(text):
            toks = token_spans(text[s:e])
            if may_hold_counted_group([t for t, _, _ in toks]):
                continue
            skipped += 1
            for headline in (False, True):
                assert _count_rows(parse(text[s:e], headline=headline, tokens=toks)) is None, text[s:e]
    assert skipped
