"""Which distinctive terms are house style rather than framing.

A term is *house style* when it says how an outlet writes rather than what it
says about the event, found from the corpus itself (never from a list of
known outlets):

* ``name``: it is, or holds, the name of an outlet of the corpus (its own or
  another's, as the ``outlet`` column spells it: "Fox News", "CNN", or the
  name run together, "foxnews"), for the words of a name that the corpus
  mostly uses inside that name ("fox" in "Fox News", not "hill" of "The
  Hill", which mostly appears as "Capitol Hill"), and a word the corpus
  mostly joins to an outlet's name with a slash, a co-brand ("ORC" of
  "CNN/ORC poll"), and the outlet's own products: a proper name it writes
  after its possessive and that its own articles hold almost every use of
  (a programme, "NPR's Morning Edition"; a column; its reporters);
* ``initial``: a single letter, or a term holding one: the middle initials
  of full names ("George W. Bush", "Charles E. Schumer");
* ``honorific``: an honorific or title abbreviation ("mr", "mrs", "sen",
  "rep", "gov"), or a term that starts with one;
* ``title``: a title noun that the corpus mostly writes in front of a name
  ("President Trump", "Senator Warren"), or a term made of the title and
  the name's first word ("president barack");
* ``party_tag``: a party-and-state tag ("D-Calif.", "R-Texas"), or a state's
  news-copy abbreviation that is no English word ("(Calif.)", "Pasadena,
  Calif.", "Fla.");
* ``boilerplate``: a term that occurs mostly (half or more of its
  occurrences, in the corpus or in the articles of the group compared) in
  boilerplate lines (:meth:`framing.Corpus.boilerplate`:
  lines the outlet repeats across its articles, bylines, photo credits).
  The link cards a site runs into its sentences are not the outlet's words
  and are never counted (``count_matrix`` leaves them out).
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import compress
from operator import itemgetter

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from .._nlp import english as en
from .._nlp.text import tokenize
from ..corpus import Corpus
from ._counting import count_matrix, group_matrix
from ._mentions import sentence_tokens

__all__ = ["STYLE_REASONS", "boilerplate_sentences", "style_terms"]

_first, _second = itemgetter(0), itemgetter(1)

#: Why a term is house style, in the order the reasons are tried.
STYLE_REASONS = ("name", "initial", "honorific", "title", "party_tag", "boilerplate")

#: Words of outlet names that are ordinary English and never mark a name by themselves.
GENERIC_NAME_WORDS = frozenset(
    """the a an of and news daily times post online web media network radio tv report journal
    magazine herald tribune review press today world new national public editorial opinion
    channel weekly com org net live international global writer guest left right center""".split()
)
#: Title nouns written before names ("President Trump", "Senator Warren").
TITLE_NOUNS = frozenset(
    """president senator representative congressman congresswoman governor secretary minister
    chancellor mayor judge justice sheriff general colonel captain sergeant lieutenant admiral
    ambassador chairman chairwoman speaker premier prince princess king queen pope
    rep sen gov lt gen col sgt capt cmdr adm atty supt rev hon""".split()
)
#: The states' abbreviations of US news copy (AP style) that are not English words
#: ("Ill.", "Mass.", "Miss.", "Ore.", "Wash." are, and are left out).
STATE_ABBREVIATIONS = frozenset(
    "ala ariz ark calif colo conn fla ga kan ky md mich minn mont neb nev okla pa tenn tex va vt wis wyo".split()
)
_PARTY_TAG = re.compile(r"^[dri]-[a-z]{1,5}\.?$")
#: Share of a word's uses in one outlet's articles that must be inside an outlet's name ...
NAME_SHARE = 0.5
#: ... among at least this many uses.
MIN_NAME_USES = 5
#: Share of a title noun's occurrences written before a name for it to be house style.
TITLE_SHARE = 0.5
#: Share of a term's occurrences in boilerplate lines for it to be house style.
BOILERPLATE_SHARE = 0.5


def _boilerplate(corpus: Corpus):
    return corpus._boilerplate_lines()


def boilerplate_sentences(corpus: Corpus) -> np.ndarray:
    """Mask over ``corpus.sentences()``: the body sentences that start inside a boilerplate line."""
    sents = corpus.sentences()
    mask = np.zeros(len(sents), dtype=bool)
    spans: dict[int, list[tuple[int, int]]] = {}
    for b in _boilerplate(corpus):
        if b.kind != "link":  # a link card is a span inside a sentence, never counted
            spans.setdefault(b.article, []).append((b.start, b.end))
    if not spans:
        return mask
    row_of = pd.Index(corpus._articles["doc_id"]).get_indexer(sents["doc_id"])
    body = (sents["section"].astype(str) != "headline").to_numpy()
    starts = sents["start"].to_numpy()
    # only the body sentences of articles with boilerplate lines
    for i in np.flatnonzero(body & np.isin(row_of, list(spans))).tolist():
        start = starts[i]
        for s, e in spans[row_of[i]]:
            if s <= start < e:
                mask[i] = True
                break
    return mask


def _outlet_names(corpus: Corpus) -> tuple[list[tuple[str, ...]], set[str], set[str]]:
    """The outlets' names as token sequences (whole, and without generic words at their
    edges), the names run together ("foxnews"), and the words that may mark a name."""
    patterns: set[tuple[str, ...]] = set()
    joined: set[str] = set()
    written = {}
    for outlet in sorted({str(o) for o in corpus._articles["outlet"].dropna().unique()}):
        # "CNN (Web News)", "CNN - Editorial": the name without what a source list adds to it
        name = re.split(r"\s+[-\u2013\u2014|]\s+", re.sub(r"\s*[(\[].*?[)\]]", "", outlet))[0].strip() or outlet
        written[outlet] = name
        words = tuple(w for w in tokenize(name) if w != "'s")
        core = list(words)
        while core and core[0] in GENERIC_NAME_WORDS:
            core.pop(0)
        while core and core[-1] in GENERIC_NAME_WORDS:
            core.pop()
        # the name without its generic edges ("Fox News Channel": "fox news"), unless that
        # leaves one word of a longer name ("The Hill": "hill" is also "Capitol Hill")
        for seq in (words, tuple(core) if len(core) > 1 or len(words) == 1 else ()):
            if seq:
                patterns.add(seq)
                if len(seq) > 1:
                    joined.add("".join(seq))
        # words the name writes in capitals are acronyms of it ("USA TODAY": USA, TODAY)
        joined.update(w for w in re.findall(r"[^\W\d_]{2,}", name) if w.isupper())
        initials = [w[0] for w in words if w not in ("the", "of", "and") and w[:1].isalpha()]
        if len(initials) >= 2:
            joined.add("".join(initials).upper())  # "Associated Press": AP
    products = _own_products(corpus, written)
    patterns.update(products)
    joined.update("".join(p) for p in products if len(p) > 1)  # the whole name is a name
    # generic words of names ("times", "news") too: the share of their uses inside a name decides
    candidates = {w for p in patterns for w in p if w not in ("the", "a", "an", "of", "and") and not w.isdigit()}
    return sorted(patterns, key=len, reverse=True), joined, candidates


#: An outlet's own product (a programme, a column, its reporter) is a proper name written
#: after the outlet's possessive at least this many times ...
PRODUCT_USES = 3
#: ... of which the outlet's own articles hold at least this share of the uses.
PRODUCT_SHARE = 0.9
# a capital, then a lower-case letter ("Morning", "McConnell", "Temple-Raston"): a word of
# capitals never matches, so a long one costs one step per letter
_PROPER = r"[A-Z][a-z][\w'’-]*"


def _own_products(corpus: Corpus, written: dict[str, str]) -> set[tuple[str, ...]]:
    """The outlets' own proper names as token sequences: the names of their programmes,
    columns and reporters ("NPR's Morning Edition", "The Ledger's Ana Ruiz"), written
    after an outlet's possessive and almost only in that outlet's own articles."""
    forms = set()
    for name in written.values():
        words = name.split()
        while len(words) > 1 and words[-1].lower() in GENERIC_NAME_WORDS:
            words.pop()
        # "NPR Online News" is written "NPR's"; "Fox News" stays "Fox News"
        forms.update(w for w in (name, " ".join(words)) if w and (w == name or w.isupper() and len(w) >= 3))
    by_last: dict[str, list[str]] = {}
    for form in forms:
        by_last.setdefault(form.split()[-1], []).append(form)
    after = re.compile(r"(?:['’]s|(?<=s)['’])\s+((?:" + _PROPER + r" ){0,2}" + _PROPER + r")")
    runs = re.compile(r"(?:" + _PROPER + r" )*" + _PROPER)
    texts = corpus._articles["text"].tolist()
    seen: Counter = Counter()
    for text in texts:
        for m in after.finditer(text):
            head = text[max(0, m.start() - 60) : m.start()]
            last = head.rsplit(None, 1)[-1] if head.strip() else ""
            if any(head.endswith(f) and (len(head) == len(f) or not head[-len(f) - 1].isalnum())
                   for f in by_last.get(last, ())):
                words = m.group(1).split()
                seen.update(" ".join(words[:k]) for k in range(1, len(words) + 1))
    found = {p for p, n in seen.items() if n >= PRODUCT_USES and p.split()[0].lower() not in en.FUNCTION_WORDS}
    if not found:
        return set()
    per: dict[str, Counter] = {p: Counter() for p in found}
    for outlet, text in zip(corpus._articles["outlet"].astype(str), texts, strict=True):
        for m in runs.finditer(text):
            words = m.group().split()
            for i in range(len(words)):
                for k in range(1, min(3, len(words) - i) + 1):
                    phrase = " ".join(words[i : i + k])
                    if phrase in found:
                        per[phrase][outlet] += 1
    out = set()
    for phrase, by in per.items():
        if not by:
            continue
        outlet, n = by.most_common(1)[0]
        if n >= PRODUCT_SHARE * sum(by.values()) and phrase not in written.values():
            out.add(tuple(w for w in tokenize(phrase) if w != "'s"))
    return out


def _corpus_usage(corpus: Corpus, outlet_names) -> tuple[set[str], set[str], set[str]]:
    """One pass over the tokens: the name words the corpus mostly uses inside an outlet's
    name, the title nouns it mostly writes before a name, and its proper nouns (words
    mostly capitalised inside a sentence)."""
    patterns, _, candidates = outlet_names
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for p in patterns:
        by_first.setdefault(p[0], []).append(p)
    inside: dict[str, Counter] = {}
    named: dict[str, Counter] = {}
    before, titled, cobrand = Counter(), Counter(), Counter()
    capital, seen = Counter(), Counter()
    sents = corpus.sentences()
    texts = sents["text"].to_numpy()
    # the title nouns and the first words of names: a sentence without any is counted
    # in one go (its name words, never inside a name)
    openers = TITLE_NOUNS | set(by_first)
    counted = candidates.__contains__
    # the words counted in one go, kept in lists and counted at the end (the same sums)
    seen_words: list[str] = []
    capital_words: list[str] = []
    plain: dict[str, list[str]] = {}
    for outlet, text, toks in zip(sents["outlet"].astype(str).tolist(), texts, sentence_tokens(corpus), strict=True):
        nam = named.get(outlet)
        if nam is None:
            nam, inside[outlet], plain[outlet] = named.setdefault(outlet, Counter()), Counter(), []
        ins = inside[outlet]
        n = len(toks)
        words = list(map(_first, toks))
        # whether each token is written with a capital (a token never starts past the text's end)
        caps = list(map(str.isupper, map(text.__getitem__, map(_second, toks))))
        seen_words += words[1:]
        capital_words += compress(words[1:], caps[1:])
        # every word of a name is counted in its outlet's name words, inside a name or
        # not (each token once either way); only a title noun and a name's first word
        # need the sentence read
        plain[outlet] += filter(counted, words)
        if openers.isdisjoint(words):
            continue
        skip = 0  # the end of the name last found: its words are not read again
        for i in compress(range(n), map(openers.__contains__, words)):
            if i < skip:
                continue
            w = words[i]
            if w in TITLE_NOUNS:
                titled[w] += 1
                before[w] += caps[i] and i + 1 < n and caps[i + 1]
            hit = None
            if w in by_first:
                for p in by_first[w]:
                    m = len(p)
                    if tuple(words[i : i + m]) == p and all(caps[i + k] for k in range(m) if p[k] in candidates):
                        hit = p
                        break
            if hit is None:
                continue
            for x in hit:
                if x in candidates:
                    ins[x] += 1
            # a word joined to the name by a slash is a co-brand ("CNN/ORC", "NBC/Marist")
            j = i + len(hit)
            if j < n and text[toks[j - 1][2] : toks[j][1]] == "/":
                cobrand[words[j]] += 1
            if i > 0 and text[toks[i - 1][2] : toks[i][1]] == "/":
                cobrand[words[i - 1]] += 1
            skip = j
    seen.update(seen_words)
    capital.update(capital_words)
    for outlet, words in plain.items():
        named[outlet].update(words)
    # a name word in an outlet's articles mostly inside a name (its own name, written
    # often enough to count) marks house style for every outlet
    # a name word is house style when most of its uses are inside an outlet's name: in
    # the articles of an outlet whose own name holds it ("Times" in the Washington Times'
    # articles), or in the corpus as a whole ("Fox" anywhere)
    own = {o: set(tokenize(o)) for o in named}
    pooled_in, pooled = Counter(), Counter()
    for o, nam in named.items():
        pooled.update(nam)
        pooled_in.update(inside[o])
    names = {w for o, nam in named.items() for w in nam & Counter(dict.fromkeys(own[o], 1))
             if nam[w] >= MIN_NAME_USES and inside[o][w] >= NAME_SHARE * nam[w]}
    names |= {w for w in pooled if pooled[w] >= MIN_NAME_USES and pooled_in[w] >= NAME_SHARE * pooled[w]}
    names |= {w for w in cobrand if w.isalpha() and cobrand[w] >= MIN_NAME_USES
              and cobrand[w] >= NAME_SHARE * max(seen[w], 1)}
    titles = {w for w in titled if titled[w] >= 3 and before[w] >= TITLE_SHARE * titled[w]}
    proper = {w for w in seen if seen[w] >= 2 and capital[w] >= 0.8 * seen[w]}
    return names, titles, proper


def _aligned(X: sp.csr_matrix, names: np.ndarray, terms: pd.Index) -> sp.csr_matrix:
    """``X`` (articles x ``names``) with its columns in the order of ``terms`` (others dropped)."""
    col = terms.get_indexer(names)
    keep = np.flatnonzero(col >= 0)
    X = X[:, keep].tocoo()
    return sp.csr_matrix((X.data, (X.row, col[keep][X.col])), shape=(X.shape[0], len(terms)))


def boilerplate_counts(corpus: Corpus, terms: np.ndarray, ngram_range, stop_words, voice: str = "all"):
    """Article x term counts (columns in the order of ``terms``) of the uses in
    boilerplate lines; None when the corpus has none. (Link cards run into
    sentences are never counted: ``count_matrix`` leaves them out.)"""
    boiler = boilerplate_sentences(corpus)
    if not boiler.any():
        return None
    Xb, tb, _ = count_matrix(corpus, ngram_range, stop_words, sentences=boiler, voice=voice)
    return _aligned(Xb, tb, pd.Index(terms))


def style_terms(corpus: Corpus, terms: np.ndarray, counts: np.ndarray, ngram_range, stop_words,
                voice: str = "all", groups: tuple | None = None) -> np.ndarray:
    """The house-style reason of every term (None: not house style).

    ``counts`` are the terms' corpus counts, in the order of ``terms``. With
    ``groups`` = ``(X, codes, k)`` (the article x term counts, each article's
    group, the number of groups) the reasons are a (k, terms) array: a term is
    also boilerplate for a group in whose articles half or more of its uses are
    boilerplate ("delivered" of one outlet's "... stories delivered to your
    inbox"), while the same word in other groups' prose stays a word.
    """
    outlet_names = _outlet_names(corpus)
    patterns, joined, _ = outlet_names
    within_names = {" ".join(p[i:j]) for p in patterns for i in range(len(p)) for j in range(i + 1, len(p) + 1)}
    names, titles, proper = _corpus_usage(corpus, outlet_names)
    honorifics = en.NAME_ABBREVIATIONS
    B = boilerplate_counts(corpus, terms, ngram_range, stop_words, voice)
    share = np.zeros(len(terms))
    shares = np.zeros((groups[2] if groups else 0, len(terms)))
    if B is not None:
        with np.errstate(divide="ignore", invalid="ignore"):
            share = np.where(counts > 0, np.asarray(B.sum(axis=0)).ravel() / counts, 0.0)
            if groups is not None:
                X, codes, k = groups
                G = group_matrix(codes, k)
                used, boiler = (G @ X).toarray(), (G @ B).toarray()
                shares = np.where(used > 0, boiler / used, 0.0)
    out = np.full(len(terms), None, dtype=object)
    lower_counts = dict(zip((str(t) for t in terms), counts, strict=True))
    for j, term in enumerate(terms):
        written = str(term).split()
        words = str(term).lower().split()
        named = [w for w in words if w in names]
        if any(w in joined for w in written) or "".join(words) in joined or (named and (
            " ".join(words) in within_names or any(w not in GENERIC_NAME_WORDS for w in named)
        )):
            out[j] = "name"
        elif any(len(w) == 1 and w.isalpha() and w not in ("a", "i") for w in words):
            out[j] = "initial"
        elif words[0] in honorifics or any(w in honorifics for w in words[1:]):
            out[j] = "honorific"
        elif words[0] in titles and (len(words) == 1 or words[1] in proper):
            out[j] = "title"
        elif any(_PARTY_TAG.match(w) or w in STATE_ABBREVIATIONS for w in words):
            out[j] = "party_tag"
        elif share[j] >= BOILERPLATE_SHARE or any(_shouted(w, lower_counts) for w in written):
            out[j] = "boilerplate"
    if groups is None:
        return out
    per_group = np.tile(out, (len(shares), 1))
    per_group[(shares >= BOILERPLATE_SHARE) & pd.isna(per_group)] = "boilerplate"
    return per_group


def _shouted(word: str, counts: dict) -> bool:
    """An ordinary word set in capitals as a web label ("MORE", "RELATED", "CLOSE"), not an acronym.

    Four letters or more, all capitals, and in lower case a stop word or a word the corpus
    writes in lower case more often than in capitals.
    """
    if len(word) < 4 or not word.isalpha() or not word.isupper():
        return False
    low = word.lower()
    return low in ENGLISH_STOP_WORDS or counts.get(low, 0) > counts.get(word, 0)
