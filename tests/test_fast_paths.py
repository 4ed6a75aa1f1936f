"""The fast paths give exactly what the plain algorithms they replace give."""

from __future__ import annotations

import warnings

import numpy as np
import pytest

from framing.measures._stats import percentile_interval


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


# -- sentence boundaries: the re-implementation of Punkt ---------------------------

from framing._nlp.segment import _Abbreviations, _punkt_spans, paragraph_spans  # noqa: E402
from tests.shared_data import SHARED_DATA  # noqa: E402


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("Very bad acting!!! I promise.", ["Very bad acting!!!", "I promise."]),
        ("He met J. Smith. Then he left.", ["He met J. Smith.", "Then he left."]),
        ("It was 1990. The wall fell.", ["It was 1990.", "The wall fell."]),
        ("Sen. Lee spoke (briefly.) Then left.", ["Sen. Lee spoke (briefly.)", "Then left."]),
        ('He said "stop." She did.', ['He said "stop."', "She did."]),
        ("Wait... what? No!", ["Wait... what?", "No!"]),
        ("The U.S. Army. The end.", ["The U.S. Army.", "The end."]),
        ("It cost 3.5 bn. and more.", ["It cost 3.5 bn.", "and more."]),
        ("", []),
        ("   ", []),
    ],
)
def test_punkt_spans_known_answers(text, sentences):
    assert [text[s:e] for s, e in _punkt_spans(text)] == sentences


def _generated_texts(n: int) -> list[str]:
    import importlib.util
    import sys
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "benchmarks" / "generate.py"
    spec = importlib.util.spec_from_file_location("_generate", path)
    gen = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = gen  # its dataclass looks itself up there
    spec.loader.exec_module(gen)
    pool = gen.load_pool(use_shared=SHARED_DATA.exists())
    return [a["title"] + "\n\n" + a["text"] for a in gen.iter_articles(n, pool, seed=1)]


def _mutations(texts: list[str], n: int, seed: int = 0) -> list[str]:
    """Texts with boundary-like pieces spliced in at random places."""
    import random

    rng = random.Random(seed)
    pieces = ["...", ". ", '."', '?"', "!", " (AP).", " U.S.", " Mr.", " J. ", " 3.5.",
              " No. 4", " etc.) ", "\n", "--", " e.g. the", " 1990. The", "’", "”. ",
              " a.m. Israeli", " St. Louis.", "!!! I", "?! ", " .", ". .", " F.B.I. director",
              "»", "«", ":", " 2. and", " Gen. Smith", ".)", "'. ", "\t", " -- ", "\u00a0"]
    out = []
    for i in range(n):
        chars = list(texts[i % len(texts)][:400])
        for _ in range(8):
            chars.insert(rng.randrange(len(chars) + 1), rng.choice(pieces))
        out.append("".join(chars))
    return out


def _corpus_texts() -> list[str]:
    from framing import load_example

    texts = []
    for name in ("rafah", "plant-closure"):
        arts = load_example(name).articles
        texts += arts["text"].tolist() + arts["title"].tolist()
    if SHARED_DATA.exists():
        import json

        from validation.shared_data import newswcl50_articles

        texts += newswcl50_articles()["text"].tolist()
        with open(SHARED_DATA / "newsmtsc" / "train.jsonl", encoding="utf-8") as f:
            for i, line in enumerate(f):
                if i >= 3000:
                    break
                texts.append(json.loads(line).get("sentence", ""))
    return texts


def test_punkt_spans_equal_nltk_punkt():
    import nltk

    # pyproject.toml pins the NLTK versions whose Punkt this re-implementation follows;
    # an NLTK outside that range is a failure to look at, not a test to skip
    assert nltk.__version__.startswith("3.10."), (
        f"framing's sentence splitter follows NLTK 3.10's Punkt; NLTK {nltk.__version__} is installed")
    texts = _corpus_texts() + _generated_texts(300)
    texts += _mutations(texts, 3000)
    chunks = []
    for t in texts:
        chunks.append(t)  # whole texts: line breaks inside the context
        chunks += [t[s:e] for s, e in paragraph_spans(t)]
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    from framing._nlp.english import NEWS_ABBREVIATIONS, SENTENCE_STARTERS

    params = PunktParameters()  # NLTK's Punkt with framing's parameters
    params.abbrev_types = _Abbreviations(NEWS_ABBREVIATIONS)
    params.sent_starters = set(SENTENCE_STARTERS)
    punkt = PunktSentenceTokenizer(params)
    differ = [c for c in chunks if _punkt_spans(c) != list(punkt.span_tokenize(c))]
    assert len(chunks) > 5000
    assert differ == []


# -- clean_text: translation and space collapsing skipped when they change nothing ----


def _clean_text_plain(text: str) -> str:
    """clean_text as first written: translate and collapse every line, always."""
    import html
    import re

    from framing._nlp.text import _ENTITY, _SPACE_TABLE, _TAG, _strip_html

    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _TAG.search(text):
        text = _strip_html(text)
    elif _ENTITY.search(text):
        text = html.unescape(text)
    text = text.translate(_SPACE_TABLE)
    text = "\n".join(" ".join(line.split()) for line in text.split("\n"))
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


def test_clean_text_equals_plain_version():
    import random

    from framing._nlp.text import clean_text

    rng = random.Random(0)
    odd = [chr(c) for c in (0xA0, 0x2028, 0x2029, 0xB, 0xC, 0x1C, 0x1D, 0x85, 0x200B,
                            0xFEFF, 0xAD, 0x3000, 0x2009, 0x202F)]
    alphabet = list("ab c.\n\t\r ") + odd + ["  ", "\n\n\n", "&amp;", "<p>", "</p>"]
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randrange(30))) for _ in range(20000)]
    texts += _corpus_texts()
    for t in texts:
        assert clean_text(t) == _clean_text_plain(t), repr(t)


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


# -- the tokenizer's leading look-ahead changes no match ----------------------------


def test_token_regex_equals_plain_alternation():
    import random
    import re

    from framing._nlp.text import _PART, _TOKEN_RE, fold

    plain = re.compile(
        rf"""
          (?:[^\W\d_]\.){{2,}}(?![^\W_])
        | {_PART}(?:-{_PART})*
          (?:'(?!s\b)[^\W_]+)?
        | '(?=s\b)s
        """,
        re.VERBOSE,
    )
    rng = random.Random(0)
    alphabet = list("ab1s.'-,:_ \n’") + ["u.s.", "'s", "1,200", "21st", "é", "ß", "İ", "٣", "²", "don't"]
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randrange(40))) for _ in range(20000)]
    texts += _corpus_texts()
    for t in texts:
        f = fold(t)
        got = [(m.group(), m.span()) for m in _TOKEN_RE.finditer(f)]
        assert got == [(m.group(), m.span()) for m in plain.finditer(f)], repr(t)


# -- PatternSet.find with memoised candidates ------------------------------------------


def _find_plain(ps, tokens):
    """PatternSet.find as first written: candidates worked out at every token."""
    from framing._nlp.match import singular
    from framing._nlp.text import abbreviation_key

    out, n, i, exact = [], len(tokens), 0, ps._exact
    while i < n:
        tok = tokens[i]
        cands = exact.get(tok)
        key = abbreviation_key(tok)
        if key != tok and key in exact:
            cands = sorted((cands or []) + [p for p in exact[key] if p.acronym[0]], key=lambda p: -len(p.tokens))
        if ps.inflect:
            base = singular(tok)
            if base != tok and base in exact:
                cands = sorted((cands or []) + exact[base], key=lambda p: -len(p.tokens))
        if ps._glob_prefix is not None and ps._glob_prefix.match(tok):
            cands = sorted((cands or []) + ps._glob_first, key=lambda p: -len(p.tokens))
        best = None
        for pat in cands or []:
            m = len(pat.tokens)
            if i + m <= n and all(ps._token_matches(pat, k, tokens[i + k]) for k in range(m)):
                best = pat
                break
        if best is None:
            i += 1
        else:
            out.append((best.index, i, i + len(best.tokens)))
            i += len(best.tokens)
    return out


@pytest.mark.parametrize("inflect", [True, False])
def test_patternset_find_equals_plain_version(inflect):
    from framing import load_example
    from framing._nlp.match import PatternSet
    from framing.datasets import load_example_lists
    from framing.lexicons import load_lexicon
    from framing.measures._mentions import sentence_tokens

    actors, concepts = load_example_lists("rafah")
    lex = load_lexicon("emotive")
    entries = {**actors, **concepts, "globs": ["terror*", "kill*", "civilian?", "u.s. official*"]}
    entries["emotive"] = lex["term"].tolist()
    ps = PatternSet(entries, inflect=inflect)
    for name in ("rafah", "plant-closure"):
        for spans in sentence_tokens(load_example(name)):
            words = [w for w, _, _ in spans]
            want = _find_plain(ps, words)
            assert ps.find(words) == want
            assert ps.find(words) == want  # again, from the memo


# -- fold by str.replace, tokens piece by piece ------------------------------------------

_ODD_TEXT = list("ab1s.'-,:_ \n’‘“”«»`´ʼ′‐‑\u00a0()\"!?;—–…/&$%") + [
    "u.s.", "'s", "1,200", "21st", "é", "e\u0301", "ß", "İ", "Σ", "ΟΔΟΣ", "٣", "²", "½", "don't",
    "\x00", "\u02e0", "x.y.", "-abc", "abc-", ".5", "3.5bn", "o'brien", "dogs'", "'sun", "\t",
]


def _odd_texts(n: int, seed: int = 0) -> list[str]:
    import random

    rng = random.Random(seed)
    return ["".join(rng.choice(_ODD_TEXT) for _ in range(rng.randrange(40))) for _ in range(n)]


def test_fold_equals_translate():
    from framing._nlp.text import _FOLD, fold

    def plain(text):
        folded = text.translate(_FOLD)
        lowered = folded.lower()
        if len(lowered) == len(folded):
            return lowered
        return "".join(c.lower() if len(c.lower()) == 1 else c for c in folded)

    for t in _odd_texts(20000) + _corpus_texts():
        assert fold(t) == plain(t), repr(t)


def test_piece_tokens_equal_token_regex():
    from framing._nlp.text import _TOKEN_RE, _piece_tokens, fold

    for t in _odd_texts(20000, seed=1) + _corpus_texts() + _generated_texts(300):
        f = fold(t)
        assert _piece_tokens(f) == _TOKEN_RE.findall(f), repr(t)


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

    texts = _odd_texts(150, seed=2) + _generated_texts(60)
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
    texts = _corpus_texts()[:400] + _mutations(_corpus_texts()[:50], 100)
    corpora = [load_example("rafah"), load_example("plant-closure"),
               load_corpus([{"doc_id": f"d{i}", "outlet": "x", "text": t} for i, t in enumerate(texts) if t.strip()])]
    for corpus in corpora:
        ps = PatternSet(entries, inflect=inflect)
        toks = sentence_tokens(corpus)
        got = {r: ps.find(words, positions) for r, words, positions in candidate_positions(corpus, ps)}
        for r, spans in enumerate(toks):
            words = [w for w, _, _ in spans]
            assert got.get(r, []) == _find_plain(ps, words), words


# -- quotations ---------------------------------------------------------------------


def _mask_plain(text, spans):
    chars = list(text)
    for a, b in spans:
        for i in range(a, b):
            if chars[i] != "\n":
                chars[i] = "\x00"
    return "".join(chars)


def test_quote_helpers_equal_plain_versions():
    import bisect
    import random

    from framing._nlp.quotes.doc import _mask, _n_tokens, _sentence_of_each
    from framing._nlp.quotes.marks import _DOUBLE_MARKS, _MARK_RE, _SINGLE_MARKS, pair_quotes
    from framing._nlp.text import token_spans

    # the jump from mark to mark sees exactly the characters the loop tested
    for code in range(0x3000):
        c = chr(code)
        assert bool(_MARK_RE.match(c)) == (c in _DOUBLE_MARKS or c in _SINGLE_MARKS)
    rng = random.Random(0)
    texts = _corpus_texts()[:300] + _mutations(_corpus_texts()[:60], 200)
    for text in texts:
        quotes = [(q.outer_start, q.outer_end) for q in pair_quotes(text)]
        assert _mask(text, quotes) == _mask_plain(text, quotes)
        n = len(text)
        spans = [tuple(sorted((rng.randrange(n + 1), rng.randrange(n + 1)))) for _ in range(rng.randrange(4))]
        assert _mask(text, spans) == _mask_plain(text, spans)
        starts = sorted(rng.randrange(n + 1) for _ in range(rng.randrange(1, 6)))
        positions = [s for _, s, _ in token_spans(text)]
        assert _sentence_of_each(starts, positions) == [max(bisect.bisect_right(starts, p) - 1, 0) for p in positions]
        unsorted = starts[::-1]
        assert _sentence_of_each(unsorted, positions) == [
            max(bisect.bisect_right(unsorted, p) - 1, 0) for p in positions
        ]
        a, b = sorted((rng.randrange(n + 1), rng.randrange(n + 1)))
        assert _n_tokens(text[a:b]) == len(token_spans(text[a:b]))


def test_boundary_before_equals_plain_version():
    from framing._nlp.quotes.doc import _BOUNDARY_CHARS, _Doc
    from framing._nlp.segment import NEWS_ABBREVIATIONS, segment

    def plain(doc, i):
        g = doc.gap(i)
        if any(c in _BOUNDARY_CHARS for c in g) or "--" in g or " - " in g or '"' in g:
            return True
        if any(c in ".!?" for c in g):
            prev = doc.word(i - 1) if i > 0 else ""
            return not (prev in NEWS_ABBREVIATIONS or len(prev) == 1)
        return False

    for text in _corpus_texts()[:200] + _mutations(_corpus_texts()[:60], 200):
        sentences = [(p, s, e) for p, s, e, _ in segment(text)]
        if not sentences:
            continue
        doc = _Doc(text, sentences, headline=False)
        for i in range(len(doc.toks)):
            assert doc.boundary_before(i) == plain(doc, i)


# -- clause rules ---------------------------------------------------------------------


def test_grammar_fast_paths_equal_plain_versions():
    from framing._nlp import grammar as g
    from framing._nlp.grammar import groups, words
    from framing._nlp.segment import segment
    from framing._nlp.text import token_spans

    texts = _corpus_texts()[:300] + _mutations(_corpus_texts()[:60], 200)
    sentences = [t[s:e] for t in texts for _, s, e, _ in segment(t)]
    sentences += ["12 Killed In Strike On Rafah Camp", "Dozens Dead As Storm Hits", "It was 'her' car's fault"]
    for text in sentences:
        for headline in (False, True):
            spans = token_spans(text)
            plain = g.parse(text, headline=headline)
            assert g.parse(text, headline=headline, tokens=spans) == plain
            b = groups._Builder(text, headline, spans)
            raws = [text[s:e] for _, s, e in spans]
            assert words._title_case(raws) == words._title_case_plain(raws)
            prev, brk = None, []
            for _, s, e in spans:
                brk.append(None if prev is None else words._gap_kind(text[prev:s]))
                prev = e
            assert b.brk == brk
            title = words._title_case_plain(raws)
            kinds = [
                {} if i > 0 and not title and raw[:1].isupper() and brk[i] != "strong" else words._kinds(b.w[i])
                for i, raw in enumerate(raws)
            ]
            assert b.kinds == kinds
            tags = [words._word_class(b.w, i, kinds[i]) for i in range(len(raws))]
            # a capitalised "May" or "March" inside a sentence is the month or a name
            tags = [
                "N"
                if i > 0 and not title and raws[i][:1].isupper() and brk[i] != "strong" and b.w[i] in ("may", "march")
                else t
                for i, t in enumerate(tags)
            ]
            assert b.tags == tags


def test_passive_counts_equal_counts_of_parses():
    import numpy as np

    from framing import load_example
    from framing.measures.agency import _parses, _passive_counts, _sentence_counts

    corpus = load_example("rafah")
    rows = np.arange(len(corpus.sentences()))
    fresh = load_example("rafah")
    from framing.measures.agency import _COUNTS, _sentence_quotes

    want = np.zeros((len(rows), 2, len(_COUNTS)))
    quoted = _sentence_quotes(fresh, rows)
    for r, p in _parses(fresh, rows).items():
        want[r] = _sentence_counts(p, quoted[r])
    assert np.array_equal(_passive_counts(corpus, rows), want)  # parses made and dropped
    assert np.array_equal(_passive_counts(fresh, rows), want)  # parses from the cache
    some = rows[::3]
    expected = np.zeros_like(want)
    expected[some] = want[some]
    assert np.array_equal(_passive_counts(load_example("rafah"), some), expected)


def test_verb_group_init_equals_dataclass_init():
    import dataclasses
    import pickle

    from framing._nlp.grammar import VerbGroup

    plain = dataclasses.make_dataclass(
        "Plain", [(f.name, f.type, dataclasses.field(default=f.default)) if f.default is not dataclasses.MISSING
                  else (f.name, f.type) for f in dataclasses.fields(VerbGroup)], frozen=True
    )
    cases = [
        ((0, 1, 0, "active", "finite", "kill"), {}),
        ((2, 5, 3, "passive", "finite", "kill"), {"participles": (3, 4), "agent": (6, 8), "harm": "death"}),
        ((1, 2, 1, "copula", "headline", "be"), {"harm": "death", "intransitive_harm": True, "subject": (0, 1)}),
    ]
    for args, kwargs in cases:
        g = VerbGroup(*args, **kwargs)
        assert dataclasses.astuple(g) == dataclasses.astuple(plain(*args, **kwargs))
        assert g == VerbGroup(*args, **kwargs) and hash(g) == hash(VerbGroup(*args, **kwargs))
        assert pickle.loads(pickle.dumps(g)) == g
        assert dataclasses.replace(g, intransitive_harm=True).intransitive_harm is True
        with pytest.raises(dataclasses.FrozenInstanceError):
            g.start = 9
