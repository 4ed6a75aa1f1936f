"""The text engine's fast paths give exactly what the plain algorithms they replace give."""

from __future__ import annotations

import pytest

from framing._nlp.segment import _Abbreviations, _punkt_spans, paragraph_spans
from tests.sample_texts import corpus_texts, find_plain, generated_texts, mutations, odd_texts

# -- sentence boundaries: the re-implementation of Punkt ---------------------------



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



def test_punkt_spans_equal_nltk_punkt():
    import nltk

    # pyproject.toml pins the NLTK versions whose Punkt this re-implementation follows;
    # an NLTK outside that range is a failure to look at, not a test to skip
    assert nltk.__version__.startswith("3.10."), (
        f"framing's sentence splitter follows NLTK 3.10's Punkt; NLTK {nltk.__version__} is installed")
    texts = corpus_texts() + generated_texts(300)
    texts += mutations(texts, 3000)
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
    texts += corpus_texts()
    for t in texts:
        assert clean_text(t) == _clean_text_plain(t), repr(t)


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
    texts += corpus_texts()
    for t in texts:
        f = fold(t)
        got = [(m.group(), m.span()) for m in _TOKEN_RE.finditer(f)]
        assert got == [(m.group(), m.span()) for m in plain.finditer(f)], repr(t)


# -- PatternSet.find with memoised candidates ------------------------------------------



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
            want = find_plain(ps, words)
            assert ps.find(words) == want
            assert ps.find(words) == want  # again, from the memo


# -- fold by str.replace, tokens piece by piece ------------------------------------------


def test_fold_equals_translate():
    from framing._nlp.text import _FOLD, fold

    def plain(text):
        folded = text.translate(_FOLD)
        lowered = folded.lower()
        if len(lowered) == len(folded):
            return lowered
        return "".join(c.lower() if len(c.lower()) == 1 else c for c in folded)

    for t in odd_texts(20000) + corpus_texts():
        assert fold(t) == plain(t), repr(t)


def test_piece_tokens_equal_token_regex():
    from framing._nlp.text import _TOKEN_RE, _piece_tokens, fold

    for t in odd_texts(20000, seed=1) + corpus_texts() + generated_texts(300):
        f = fold(t)
        assert _piece_tokens(f) == _TOKEN_RE.findall(f), repr(t)


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
    texts = corpus_texts()[:300] + mutations(corpus_texts()[:60], 200)
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
    from framing._nlp.quotes.doc import _BOUNDARY_CHARS, _Doc, _gap_at
    from framing._nlp.segment import NEWS_ABBREVIATIONS, segment

    def plain(doc, i):
        g = doc.gap(i)
        if any(c in _BOUNDARY_CHARS for c in g) or "--" in g or " - " in g or '"' in g:
            return True
        if any(c in ".!?" for c in g):
            prev = doc.word(i - 1) if i > 0 else ""
            return not (prev in NEWS_ABBREVIATIONS or len(prev) == 1)
        return False

    for text in corpus_texts()[:200] + mutations(corpus_texts()[:60], 200):
        sentences = [(p, s, e) for p, s, e, _ in segment(text)]
        if not sentences:
            continue
        doc = _Doc(text, sentences, headline=False)
        # the per-token lists equal the definitions they replace
        assert doc.gaps == [_gap_at(doc, i) for i in range(len(doc.toks))]
        assert doc.words == [w for w, _, _ in doc.toks]
        assert doc.caps == [text[s].isupper() for _, s, _ in doc.toks]
        for i in range(len(doc.toks)):
            assert doc.boundary_before(i) == plain(doc, i)
        if doc.toks:
            assert doc.gap(-1) == _gap_at(doc, -1)


# -- clause rules ---------------------------------------------------------------------


def test_grammar_fast_paths_equal_plain_versions():
    from framing._nlp import grammar as g
    from framing._nlp.grammar import groups, words
    from framing._nlp.segment import segment
    from framing._nlp.text import token_spans

    texts = corpus_texts()[:300] + mutations(corpus_texts()[:60], 200)
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


# -- boilerplate: the sentences of a line ---------------------------------------------


def test_sentence_spans_equal_sentence_pattern():
    import random
    import re

    from framing._nlp.style import _sentence_spans

    plain = re.compile(r"[^.!?]*[.!?]+(?=\s|$)|[^.!?]+$")
    rng = random.Random(0)
    alphabet = "ab .!?\u00a0\t3U\u2028x,"
    odd = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30))) for _ in range(30000)]
    known = ["The rate rose 3.5 percent. U.S. forces left!", "Wait... what?No", "..", "", " a", "a. "]
    for t in known + odd + odd_texts(5000, seed=2) + corpus_texts() + generated_texts(100):
        lines = [t, *t.split("\n")]
        for line in lines:
            assert _sentence_spans(line) == [m.span() for m in plain.finditer(line)], repr(line)


def test_guarded_searches_equal_plain_searches():
    from framing._nlp import style

    pairs = [(style._player, style._PLAYER), (style._contributors, style._CONTRIBUTORS),
             (style._credit, style._CREDIT), (style._caption, style._CAPTION), (style._embed, style._EMBED)]
    known = ["Jane Doe contr\u0131buted to this report.", "Photo by Jane Doe", "PHOTO: \u017ftaff", "(AP Photo/J. Doe)",
             "FILE - A view", "Senators weigh the bill Listen", "\u2014 Jane (@jd) May 7, 2013",
             "PICTURE COURTESY of the city", "Getty Images", "the ap photo", "REUTERS/Jane", "a) AP", "Watch the YouTube"]
    lines = known + [x for t in odd_texts(5000, seed=3) + corpus_texts() + generated_texts(100) for x in t.split("\n")]
    for guarded, pattern in pairs:
        for line in lines:
            a, b = guarded(line), pattern.search(line)
            assert (a and a.span()) == (b and b.span()), (pattern.pattern, line)


def test_odd_space_and_digit_tests_equal_patterns():
    import random

    from framing._nlp import style

    rng = random.Random(1)
    alphabet = "ab 3 \u00a0\t\n\u2028\x1c\u0663\u00b2\u00e9x,"
    odd = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12))) for _ in range(30000)]
    known = ["a  b", "a\tb", "a b", "", " ", "\u0663 rose", "x\u00b2", "since 2014", "a\u00a0b", "a\x1fb"]
    lines = known + odd + [x for t in odd_texts(5000, seed=4) + corpus_texts() + generated_texts(100) for x in t.split("\n")]
    for line in lines:
        for text in (line, line.lower()):
            assert style._odd_space(text) == (style._ODD_SPACE.search(text) is not None), repr(text)
            assert style._has_digit(text) == (style._DIGITS.search(text) is not None), repr(text)
            assert style._fold_odd(text) == _fold_odd_plain(text), repr(text)


def _fold_odd_plain(line: str) -> tuple[str, bool]:
    from framing._nlp import style

    low = style._DIGITS.sub("0", line.lower())
    odd = style._ODD_SPACE.search(low) is not None
    if odd:
        low = style._SPACE.sub(" ", low)
    return low.strip(" .:;,-–—|"), odd
