"""Frame dimensions: which issue frames each sentence, article and outlet evokes.

A frame dictionary maps frame dimensions (economic, legality, security ...)
to the words and phrases that signal them. :func:`frames` finds those terms
in every sentence, decides which dimensions each sentence evokes, and builds
article profiles (share of sentences per dimension, dominant frame) and outlet
profiles with article-level intervals and tests.

The bundled dictionary covers the 15 dimensions of the Media Frames Corpus
(Boydstun et al. 2014; Card et al. 2015); ``docs/frames.md`` describes each
dimension and how the word lists were built.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import numpy as np
import pandas as pd

from .._nlp.match import PatternSet, singular
from .._nlp.text import tokenize_pattern
from .._validate import check_option
from ..corpus import Corpus, _check_by
from ..lexicons import list_lexicons, load_lexicon
from ._docs import fill_doc
from ._ladder import VOICES, finish, require_groups, stack_groups, summarise, within_strata
from ._mentions import (
    attach_groups,
    find_mentions,
    quoted_tokens,
    read_mapping,
    sentence_tokens,
    voice_mask,
)
from ._stats import (
    check_resampling,
    group_bootstrap,
)

__all__ = ["frames", "OTHER"]

#: The residual dimension: sentences that evoke no dimension of the dictionary.
OTHER = "other"

#: Short names of bundled frame dictionaries (name -> lexicon file).
_ALIASES = {"mfc": "frames_mfc"}
_LEVELS = ("group", "article", "sentence", "mention")
_FILE_SUFFIXES = (".json", ".yaml", ".yml")
#: Summed weight at which a sentence evokes a dimension.
_THRESHOLD = 1.0

GROUP_COLUMNS = (
    "frame",
    "n_articles",
    "n_sentences",
    "sentences",
    "count",
    "estimate",
    "ci_low",
    "ci_high",
    "ci_note",
    "token_share",
    "dominant_share",
    "p_value",
    "q_value",
    "test",
)
ARTICLE_COLUMNS = (
    "doc_id",
    "outlet",
    "frame",
    "n_sentences",
    "sentences",
    "share",
    "count",
    "weight",
    "n_tokens",
    "tokens",
    "token_share",
    "dominant",
)
SENTENCE_COLUMNS = (
    "doc_id",
    "outlet",
    "sent_id",
    "section",
    "frame",
    "count",
    "weight",
    "tokens",
    "evoked",
    "sentence",
)
MENTION_COLUMNS = (
    "doc_id",
    "outlet",
    "sent_id",
    "section",
    "frame",
    "term",
    "match",
    "weight",
    "evoked",
    "start",
    "end",
    "in_quote",
    "sentence",
)


# -- the dictionary -----------------------------------------------------------------


@dataclass(frozen=True)
class _Dictionary:
    """A frame dictionary compiled for matching.

    ``frames`` are the dimensions in dictionary order (without ``other``);
    ``patterns`` holds one phrase per distinct term; ``entries[i]`` lists the
    ``(frame index, weight, term as written)`` of phrase ``i`` (several when
    one term is listed under several dimensions).
    """

    frames: tuple[str, ...]
    patterns: PatternSet
    entries: tuple[tuple[tuple[int, float, str], ...], ...]


def _term_key(tokens: tuple[str, ...]) -> str:
    """The form the matcher compares: the last word singular unless it is a glob."""
    if not any(c in tokens[-1] for c in "*?"):
        tokens = tokens[:-1] + (singular(tokens[-1]),)
    return " ".join(tokens)


def _is_file_name(name: str) -> bool:
    # bundled names have no suffix and no folder
    return bool(Path(name).suffix) or "/" in name or "\\" in name


def _bundled_names() -> list[str]:
    return sorted(_ALIASES) + list_lexicons()


def _dictionary_table(dictionary) -> pd.DataFrame:
    """The dictionary as a ``term, category, weight`` table in its own order."""
    if isinstance(dictionary, pd.DataFrame):
        return _check_table(dictionary)
    if isinstance(dictionary, str) and not _is_file_name(dictionary):
        name = _ALIASES.get(dictionary, dictionary)
        if name not in list_lexicons():
            raise ValueError(
                f"unknown dictionary {dictionary!r}; bundled dictionaries: "
                f"{', '.join(_bundled_names())}. Or give a dict {{dimension: [terms]}}, a "
                "DataFrame with columns term, category (and weight), or the path of a "
                ".json/.yaml file mapping each dimension to a list of terms"
            )
        return _check_table(load_lexicon(name), where=f"lexicon {name!r}")
    if isinstance(dictionary, (str, Path)):
        path = Path(dictionary)
        if path.suffix.lower() not in _FILE_SUFFIXES:
            raise ValueError(
                f"{path}: a dictionary file must be .json, .yaml or .yml, mapping each "
                "dimension to a list of terms; for a term/category/weight table read it with "
                "pandas (e.g. pd.read_csv(path, sep='\\t', comment='#')) and pass the DataFrame"
            )
    elif not isinstance(dictionary, Mapping):
        raise TypeError(
            "dictionary must be a bundled name such as 'mfc', a dict {dimension: [terms]}, "
            "a DataFrame with columns term/category(/weight) or the path of a .json/.yaml "
            f"file; got {type(dictionary).__name__}"
        )
    mapping = read_mapping(dictionary, what="dictionary")
    rows = [(term, str(dim), 1.0) for dim, terms in mapping.items() for term in terms]
    where = "dictionary" if isinstance(dictionary, Mapping) else str(dictionary)
    table = pd.DataFrame(rows, columns=["term", "category", "weight"])
    return _check_table(table, where=where, tabular=False)


def _check_table(
    table: pd.DataFrame, where: str = "dictionary", *, tabular: bool = True
) -> pd.DataFrame:
    """Validate a term/category(/weight) table; errors name the row (or the dimension)."""
    missing = [c for c in ("term", "category") if c not in table.columns]
    if missing:
        raise ValueError(
            f"{where} lacks column(s) {missing}; a dictionary table needs columns term and "
            f"category (and optionally weight); it has {list(table.columns)}"
        )
    if len(table) == 0:
        raise ValueError(f"{where} is empty; give at least one dimension with its terms")
    out = pd.DataFrame(
        {
            "term": table["term"].to_numpy(dtype=object),
            "category": table["category"].to_numpy(dtype=object),
            "weight": table["weight"].to_numpy(dtype=object) if "weight" in table.columns else 1.0,
        }
    )
    # a missing weight (an empty cell, a row added without one) means 1
    out["weight"] = out["weight"].where(out["weight"].notna(), 1.0)
    for i, (term, category, weight) in enumerate(out.itertuples(index=False)):
        row = f"{where}, row {i}" if tabular else where
        if not isinstance(category, str) or not category.strip():
            raise ValueError(
                f"{row}: the category (dimension) is missing or not text: {category!r}"
            )
        if not isinstance(term, str) or not term.strip():
            raise ValueError(f"{row} ({category!r}): the term is missing or not text: {term!r}")
        toks = tokenize_pattern(term)
        if not toks or not all(any(ch.isalnum() for ch in t) for t in toks):
            raise ValueError(
                f"{row} ({category!r}): term {term!r} needs letters or digits in every word "
                "(globs * and ? are allowed inside words, as in 'terror*')"
            )
        try:
            w = float(weight)
        except (TypeError, ValueError):
            w = math.nan
        if not (math.isfinite(w) and w > 0):
            raise ValueError(
                f"{row} ({category!r}, {term!r}): weight must be a positive number, got {weight!r}"
            )
        if category.strip().lower() == OTHER:
            raise ValueError(
                f"{row}: {OTHER!r} is the residual dimension (sentences that evoke no other "
                f"dimension) and cannot have terms; rename the dimension (term {term!r})"
            )
    out["category"] = out["category"].str.strip()
    out["weight"] = out["weight"].astype(float)
    return out


def _compile(table: pd.DataFrame) -> _Dictionary:
    frames = tuple(dict.fromkeys(table["category"]))
    index = {f: i for i, f in enumerate(frames)}
    keys: dict[str, int] = {}
    phrases: list[str] = []
    entries: list[dict[int, tuple[int, float, str]]] = []
    for term, category, weight in table.itertuples(index=False):
        key = _term_key(tokenize_pattern(term))
        if key not in keys:
            keys[key] = len(phrases)
            phrases.append(term)
            entries.append({})
        # a repeated (term, dimension) keeps its first weight
        entries[keys[key]].setdefault(index[category], (index[category], weight, term))
    patterns = PatternSet([(str(i), p) for i, p in enumerate(phrases)], what="term")
    return _Dictionary(frames, patterns, tuple(tuple(sorted(e.values())) for e in entries))


# -- matching -----------------------------------------------------------------------


def _matches(corpus: Corpus, compiled: _Dictionary) -> pd.DataFrame:
    """One row per (match, dimension) with the sentence row it falls in."""
    found = find_mentions(corpus, compiled.patterns)
    phrase = found["group"].astype(int).to_numpy()
    reps = np.array([len(compiled.entries[p]) for p in phrase], dtype=int)
    out = found.loc[found.index.repeat(reps)].reset_index(drop=True)
    ent = [e for p in phrase for e in compiled.entries[p]]
    out["frame_id"] = np.array([e[0] for e in ent], dtype=int)
    out["weight"] = np.array([e[1] for e in ent], dtype=float)
    out["term"] = [e[2] for e in ent]
    first = _first_sentence_rows(corpus)
    out["row"] = (
        out["doc_id"].map(first).to_numpy(dtype=int) + out["sent_id"].to_numpy(dtype=int)
        if len(out)
        else np.zeros(0, dtype=int)
    )
    return out


def _first_sentence_rows(corpus: Corpus) -> dict[str, int]:
    sents = corpus.sentences()
    first = sents.groupby("doc_id", sort=False).cumcount() == 0
    return dict(zip(sents.loc[first, "doc_id"], np.flatnonzero(first.to_numpy()), strict=True))


@dataclass
class _Profile:
    """Per-sentence and per-article arrays (columns: dimensions, then ``other``)."""

    frames: tuple[str, ...]
    sents: pd.DataFrame
    matches: pd.DataFrame
    s_count: np.ndarray
    s_weight: np.ndarray
    s_tokens: np.ndarray
    s_evoked: np.ndarray
    art_of_sentence: np.ndarray
    n_sentences: np.ndarray
    n_tokens: np.ndarray


def _profile(corpus: Corpus, compiled: _Dictionary, voice: str = "all") -> _Profile:
    sents = corpus.sentences()
    matches = _matches(corpus, compiled)
    n, k = len(sents), len(compiled.frames)
    use = np.ones(n, dtype=bool)
    if voice != "all":
        # a sentence speaks in the voice of most of its words; a match counts in its own
        qt = quoted_tokens(corpus)
        quoted_sentence = np.array([q.mean() > 0.5 if len(q) else False for q in qt])
        use = ~quoted_sentence if voice == "outlet" else quoted_sentence
        in_quote = np.fromiter((qt[r][s] for r, s in zip(matches["row"], matches["tok_start"], strict=True)), bool,
                               count=len(matches))
        matches = matches[voice_mask(in_quote, voice) & use[matches["row"].to_numpy(dtype=int)]]
    s_count = np.zeros((n, k + 1))
    s_weight = np.zeros((n, k + 1))
    s_tokens = np.zeros((n, k + 1))
    rows = matches["row"].to_numpy(dtype=int)
    cols = matches["frame_id"].to_numpy(dtype=int)
    np.add.at(s_count, (rows, cols), 1.0)
    np.add.at(s_weight, (rows, cols), matches["weight"].to_numpy())
    np.add.at(s_tokens, (rows, cols), (matches["tok_end"] - matches["tok_start"]).to_numpy())
    s_evoked = np.zeros((n, k + 1), dtype=bool)
    s_evoked[:, :k] = s_weight[:, :k] >= _THRESHOLD - 1e-9
    s_evoked[:, k] = ~s_evoked[:, :k].any(axis=1) & use
    doc_index = {d: i for i, d in enumerate(corpus._articles["doc_id"])}
    art = sents["doc_id"].map(doc_index).to_numpy(dtype=int)
    n_art = len(corpus)
    lengths = np.array([len(t) for t in sentence_tokens(corpus)], dtype=float) * use
    return _Profile(
        compiled.frames,
        sents,
        matches,
        s_count,
        s_weight,
        s_tokens,
        s_evoked,
        art,
        np.bincount(art, weights=use.astype(float), minlength=n_art),
        np.bincount(art, weights=lengths, minlength=n_art),
    )


def _article_sums(p: _Profile, values: np.ndarray) -> np.ndarray:
    out = np.zeros((len(p.n_sentences), values.shape[1]))
    np.add.at(out, p.art_of_sentence, values)
    return out


@dataclass
class _Articles:
    sentences: np.ndarray
    count: np.ndarray
    weight: np.ndarray
    tokens: np.ndarray
    share: np.ndarray
    token_share: np.ndarray
    dominant: np.ndarray  # index of the dominant dimension (k = other)


def _articles(p: _Profile) -> _Articles:
    sentences = _article_sums(p, p.s_evoked.astype(float))
    count = _article_sums(p, p.s_count)
    weight = _article_sums(p, p.s_weight)
    tokens = _article_sums(p, p.s_tokens)
    with np.errstate(invalid="ignore", divide="ignore"):
        share = np.where(p.n_sentences[:, None] > 0, sentences / p.n_sentences[:, None], 0.0)
        token_share = np.where(p.n_tokens[:, None] > 0, tokens / p.n_tokens[:, None], 0.0)
    k = len(p.frames)
    dominant = np.full(len(p.n_sentences), k, dtype=int)
    for a in range(len(dominant)):
        best = sentences[a, :k].max() if k else 0.0
        if best > 0:
            tied = np.flatnonzero(sentences[a, :k] == best)
            # ties: the larger summed weight of the matches, then dictionary order
            dominant[a] = tied[np.argmax(weight[a, tied])]
    return _Articles(sentences, count, weight, tokens, share, token_share, dominant)


# -- the public function --------------------------------------------------------------


@fill_doc
def frames(
    corpus: Corpus,
    dictionary: str | Path | Mapping[str, Sequence[str]] | pd.DataFrame = "mfc",
    *,
    by: str = "outlet",
    level: Literal["group", "article", "sentence", "mention"] = "group",
    voice: Literal["outlet", "quoted", "all"] = "outlet",
    within: str | None = None,
    n_resamples: int = 1000,
    ci: float = 0.95,
    random_state=0,
    classifier=None,
    unit: Literal["sentence", "paragraph", "article"] = "sentence",
) -> pd.DataFrame:
    """Frame-dimension profiles of sentences, articles and outlets.

    Every sentence is searched for the terms of a frame dictionary. A sentence
    *evokes* a dimension when the weights of its matched terms for that
    dimension add up to at least 1 (with the default weight 1, one term is
    enough). An article's profile is the share of its sentences that evoke
    each dimension; an outlet's profile is the mean of its articles' shares,
    with a bootstrap interval over articles and a permutation test of whether
    the outlets differ.

    Parameters
    ----------
    %(corpus)s
    dictionary : str, dict, pandas.DataFrame or path, default="mfc"
        The frame dictionary. One of

        * the name of a bundled dictionary: ``"mfc"`` (the 15 Media Frames
          Corpus dimensions, lexicon ``frames_mfc``) or any name of
          :func:`framing.lexicons.list_lexicons`;
        * a dict ``{dimension: [term, ...]}``;
        * the path of a ``.json`` or ``.yaml``/``.yml`` file holding such a
          mapping (an empty or malformed file raises an error naming the
          line);
        * a DataFrame with columns ``term``, ``category`` (the dimension)
          and optionally ``weight`` (positive; missing means 1), such as
          ``framing.lexicons.load_lexicon("frames_mfc")`` after your edits.

        Terms are matched case-insensitively through the shared tokenizer;
        they may span several words (``"rule of law"``), use ``*`` and ``?``
        globs inside a word (``"terror*"``), and match the simple plural or
        singular of their last word (``"tariff"`` finds ``"tariffs"``). The
        dimension ``"other"`` is reserved for the residue and cannot have
        terms.
    %(by)s
    level : {"group", "article", "sentence", "mention"}, default="group"
        Which table to return (see Returns).
    %(voice)s
    %(ladder)s
    classifier : FrameClassifier, optional
        A fitted :class:`~framing.measures.classifier.FrameClassifier` to use
        instead of the dictionary (leave ``dictionary`` at its default). The
        frames are then the classifier's labels; see *With a classifier*
        below for the tables.
    unit : {"sentence", "paragraph", "article"}, default="sentence"
        With ``classifier``: the units of text it scores (use the kind of
        text it was trained on). The dictionary always works per sentence.

    Returns
    -------
    pandas.DataFrame
        Always with a RangeIndex and a ``frame`` column holding the
        dictionary's dimensions in dictionary order followed by ``"other"``.

        ``level="group"``: one row per (group, dimension), groups in
        ``corpus.groups(by)`` order. Columns ``<by>``, ``frame``,
        ``n_articles``, ``n_sentences`` (sentences of the group's articles),
        ``sentences`` (of those, the ones evoking the dimension), ``count``
        (term matches), ``estimate`` (mean over articles of the share of
        sentences evoking the dimension), ``ci_low``, ``ci_high`` (percentile
        bootstrap over articles; NaN for a group of one article),
        ``token_share`` (mean over articles of the share of tokens inside a
        term of the dimension), ``dominant_share`` (share of the group's
        articles whose dominant frame it is), ``p_value`` (permutation test
        that the groups' mean shares are equal, the same on every row of a
        dimension) and ``q_value`` (Benjamini-Hochberg across dimensions).

        ``level="article"``: one row per (article, dimension), articles in
        corpus order. Columns ``doc_id``, ``<by>`` (when not ``outlet``),
        ``outlet``, ``frame``, ``n_sentences``, ``sentences``, ``share``
        (``sentences / n_sentences``), ``count``, ``weight`` (summed weight
        of the matches), ``n_tokens``, ``tokens`` (tokens inside a matched
        term), ``token_share`` and ``dominant`` (True on the row of the
        article's dominant frame, exactly one per article).

        ``level="sentence"``: one row per (sentence, dimension), sentences in
        ``corpus.sentences()`` order. Columns ``doc_id``, ``<by>`` (when not
        ``outlet``), ``outlet``, ``sent_id``, ``section``, ``frame``,
        ``count``, ``weight``, ``tokens``, ``evoked`` and ``sentence``.

        ``level="mention"``: the evidence, one row per (matched term,
        dimension): ``doc_id``, ``<by>`` (when not ``outlet``), ``outlet``,
        ``sent_id``, ``section``, ``frame``, ``term`` (as written in the
        dictionary), ``match`` (as written in the text), ``weight``,
        ``evoked`` (whether the sentence evokes that dimension), ``start``,
        ``end`` (character offsets in the sentence) and ``sentence``. Rows
        follow the corpus order, then the position in the sentence.

        *With a classifier*, ``frame`` holds its labels and the units of
        every article (sentences, paragraphs, or the article itself) are scored.
        ``level="article"``: ``doc_id``, ``<by>``, ``outlet``, ``frame``,
        ``n_units``, ``units`` (units given the frame), ``share`` (mean
        calibrated probability of the frame over the units: the expected
        share of units with it), ``predicted_share`` (``units / n_units``)
        and ``dominant`` (the frame given to most units). ``level="group"``:
        ``<by>``, ``frame``, ``n_articles``, ``n_units``, ``units``,
        ``estimate`` (mean ``share`` over the group's articles), ``ci_low``,
        ``ci_high``, ``predicted_share``, ``dominant_share``, ``p_value``,
        ``q_value``, with the intervals and tests of the dictionary path.
        ``level="sentence"`` scores every sentence whatever ``unit``:
        ``doc_id``, ``<by>``, ``outlet``, ``sent_id``, ``section``,
        ``frame``, ``probability``, ``evoked`` (the classifier gives the
        sentence this frame) and ``sentence``. ``level="mention"`` is the
        evidence: the sentences given each frame, per group and frame from
        the most probable down, with ``probability`` and ``rank``.

    Raises
    ------
    ValueError
        For an unknown dictionary name (the message lists the bundled ones),
        an empty or malformed dictionary (file, line or row named), an
        unknown ``by`` column or ``level``, or ``level="group"`` with fewer
        than two groups to compare.

    See Also
    --------
    framing.lexicons.load_lexicon : The bundled dictionary as an editable table.

    Notes
    -----
    *Matching.* Scanning each sentence from left to right, the longest term
    that starts at a word wins and matches never overlap: ``"death penalty"``
    (crime and punishment) is found once, not also as ``"death"``. A term
    listed under several dimensions counts once for each of them (its match
    appears once per dimension at ``level="mention"``); a term repeated
    within one dimension counts once, with its first weight.

    *Evoking.* Sentence ``s`` evokes dimension ``d`` when
    ``sum(weight of the matches of d in s) >= 1``. The bundled dictionary
    gives clear cues weight 1 and ambiguous ones weight 0.5 (two of them, or
    one with a clear cue, are needed). ``other`` is evoked by the sentences
    that evoke no dimension; it has no terms, so its ``count``, ``weight`` and
    ``tokens`` are 0. Headlines count as sentences.

    *Dominant frame.* The dimension evoked by the most sentences of the
    article; ties go to the larger summed weight of the matches, then to the
    dimension listed first in the dictionary. ``other`` is dominant only when
    no sentence evokes any dimension.

    *Statistics.* Articles are the unit: the interval resamples a group's
    articles with replacement and the test permutes group labels across
    articles, using the between-group sum of squares of the article shares
    (the one-way ANOVA numerator), with ``p = (1 + #{T* >= T}) / (1 + B)``;
    ``q_value`` applies the Benjamini-Hochberg (1995) correction across the
    dimensions, ``other`` included.

    The 15 dimensions are those of the Media Frames Corpus codebook
    (Boydstun et al. 2014; Card et al. 2015). The bundled word lists were
    written for framing (see ``docs/frames.md``); they measure vocabulary,
    not the coders' judgement of a frame, and should be read through the
    mention-level evidence.

    References
    ----------
    .. [1] Boydstun, A. E., Card, D., Gross, J. H., Resnik, P. and Smith,
       N. A. (2014). Tracking the development of media frames within and
       across policy issues. APSA 2014 Annual Meeting.
    .. [2] Card, D., Boydstun, A. E., Gross, J. H., Resnik, P. and Smith,
       N. A. (2015). The Media Frames Corpus: Annotations of frames across
       issues. Proceedings of ACL-IJCNLP 2015, 438-444.
    .. [3] Benjamini, Y. and Hochberg, Y. (1995). Controlling the false
       discovery rate. JRSS B 57(1), 289-300.

    Examples
    --------
    >>> from framing import load_corpus
    >>> corpus = load_corpus([
    ...     {"outlet": "A", "title": "Tariffs raise prices", "text": "Steel costs more. Farmers protest."},
    ...     {"outlet": "B", "title": "Court blocks tariffs", "text": "A judge ruled the tariffs illegal."},
    ... ])
    >>> arts = frames(corpus, level="article")
    >>> arts.loc[arts["dominant"], ["doc_id", "frame"]].values.tolist()
    [['a-1', 'economic'], ['b-1', 'legality']]
    >>> own = {"economy": ["tariff", "cost*"], "law": ["court", "judge"]}
    >>> frames(corpus, own, level="article")[["doc_id", "frame", "sentences", "share"]]
      doc_id    frame  sentences     share
    0    a-1  economy          2  0.666667
    1    a-1      law          0  0.000000
    2    a-1    other          1  0.333333
    3    b-1  economy          2  1.000000
    4    b-1      law          2  1.000000
    5    b-1    other          0  0.000000
    """
    if not isinstance(corpus, Corpus):
        raise TypeError(
            f"corpus must be a framing.Corpus (see load_corpus), got {type(corpus).__name__}"
        )
    _check_by(corpus, by)
    check_option("level", level, _LEVELS)
    if level == "group":
        check_resampling(n_resamples, ci)
        require_groups(corpus.groups(by), by, hint="Use level='article' for the profile of each article.")
    if classifier is not None:
        if not (isinstance(dictionary, str) and dictionary == "mfc"):
            raise ValueError("give either a dictionary or a classifier, not both")
        apply = getattr(classifier, "_frame_tables", None)  # FrameClassifier (no import: no cycle)
        if apply is None:
            raise TypeError(
                "classifier must be a fitted framing FrameClassifier (FrameClassifier().fit(texts, "
                f"coding) or FrameClassifier.load(path)), got {type(classifier).__name__}"
            )
        return apply(
            corpus, unit=unit, by=by, level=level, within=within, n_resamples=n_resamples, ci=ci,
            random_state=random_state,
        )
    if unit != "sentence":
        raise ValueError(
            f"unit={unit!r} applies to a classifier (frames(corpus, classifier=clf, unit=...)); "
            "the dictionary evokes frames sentence by sentence"
        )
    check_option("voice", voice, VOICES)
    strata = within_strata(corpus, by, within)
    compiled = _compile(_dictionary_table(dictionary))
    if level == "mention":
        return _mention_table(corpus, _profile(corpus, compiled), by)
    profile = _profile(corpus, compiled, voice)
    if level == "sentence":
        return _sentence_table(corpus, profile, by)
    arts = _articles(profile)
    if level == "article":
        return _article_table(corpus, profile, arts, by)
    return finish(_group_table(corpus, profile, arts, by, n_resamples, ci, random_state, strata), ci=ci,
                  n_resamples=n_resamples, voice=voice, within=within, level=level)


def _frame_names(p: _Profile) -> list[str]:
    return [*p.frames, OTHER]


def _in_quote(corpus: Corpus, m: pd.DataFrame) -> np.ndarray:
    qt = quoted_tokens(corpus)
    return np.fromiter((qt[r][s] for r, s in zip(m["row"], m["tok_start"], strict=True)), bool, count=len(m))


def _mention_table(corpus: Corpus, p: _Profile, by: str) -> pd.DataFrame:
    m = p.matches
    names = np.asarray(_frame_names(p), dtype=object)
    out = pd.DataFrame(
        {
            "doc_id": m["doc_id"].to_numpy(dtype=object),
            "outlet": m["outlet"].to_numpy(dtype=object),
            "sent_id": m["sent_id"].to_numpy(dtype="int64"),
            "section": m["section"],
            "frame": names[m["frame_id"].to_numpy(dtype=int)] if len(m) else [],
            "term": m["term"].to_numpy(dtype=object),
            "match": m["match"].to_numpy(dtype=object),
            "weight": m["weight"].to_numpy(dtype=float),
            "evoked": p.s_evoked[m["row"].to_numpy(dtype=int), m["frame_id"].to_numpy(dtype=int)]
            if len(m)
            else np.zeros(0, dtype=bool),
            "start": m["start"].to_numpy(dtype="int64"),
            "end": m["end"].to_numpy(dtype="int64"),
            "in_quote": _in_quote(corpus, m),
            "sentence": m["sentence"].to_numpy(dtype=object),
        },
        columns=list(MENTION_COLUMNS),
    )
    return attach_groups(out, corpus, by)


def _sentence_table(corpus: Corpus, p: _Profile, by: str) -> pd.DataFrame:
    s = p.sents
    n, k1 = p.s_count.shape
    rep = np.repeat(np.arange(n), k1)
    out = pd.DataFrame(
        {
            "doc_id": s["doc_id"].to_numpy(dtype=object)[rep],
            "outlet": s["outlet"].to_numpy(dtype=object)[rep],
            "sent_id": s["sent_id"].to_numpy(dtype="int64")[rep],
            "section": s["section"].take(rep).to_numpy(),
            "frame": np.tile(np.asarray(_frame_names(p), dtype=object), n),
            "count": p.s_count.ravel().astype("int64"),
            "weight": p.s_weight.ravel(),
            "tokens": p.s_tokens.ravel().astype("int64"),
            "evoked": p.s_evoked.ravel(),
            "sentence": s["text"].to_numpy(dtype=object)[rep],
        },
        columns=list(SENTENCE_COLUMNS),
    )
    out["section"] = pd.Categorical(out["section"], categories=s["section"].cat.categories)
    return attach_groups(out, corpus, by)


def _article_table(corpus: Corpus, p: _Profile, a: _Articles, by: str) -> pd.DataFrame:
    arts = corpus._articles
    n, k1 = a.share.shape
    rep = np.repeat(np.arange(n), k1)
    dominant = np.zeros((n, k1), dtype=bool)
    dominant[np.arange(n), a.dominant] = True
    out = pd.DataFrame(
        {
            "doc_id": arts["doc_id"].to_numpy(dtype=object)[rep],
            "outlet": arts["outlet"].astype(str).to_numpy(dtype=object)[rep],
            "frame": np.tile(np.asarray(_frame_names(p), dtype=object), n),
            "n_sentences": p.n_sentences[rep].astype("int64"),
            "sentences": a.sentences.ravel().astype("int64"),
            "share": a.share.ravel(),
            "count": a.count.ravel().astype("int64"),
            "weight": a.weight.ravel(),
            "n_tokens": p.n_tokens[rep].astype("int64"),
            "tokens": a.tokens.ravel().astype("int64"),
            "token_share": a.token_share.ravel(),
            "dominant": dominant.ravel(),
        },
        columns=list(ARTICLE_COLUMNS),
    )
    return attach_groups(out, corpus, by)


def _group_table(
    corpus: Corpus, p: _Profile, a: _Articles, by: str, n_resamples: int, ci: float, random_state, strata=None
) -> pd.DataFrame:
    levels = corpus.groups(by)
    groups = corpus._articles[by].astype(str).where(corpus._articles[by].notna()).to_numpy()
    k1 = a.share.shape[1]
    res = summarise(a.share, groups, levels, n_resamples=n_resamples, ci=ci, random_state=random_state,
                    strata=strata)
    dominant = np.zeros((len(groups), k1))
    dominant[np.arange(len(groups)), a.dominant] = 1.0
    means = group_bootstrap(np.hstack([a.token_share, dominant]), groups, levels, n_resamples=0)[
        "estimate"
    ]
    out = stack_groups(levels, groups, by, lambda g, idx: {
        "frame": _frame_names(p),
        "n_articles": int(res.n_articles[g]),
        "n_sentences": int(p.n_sentences[idx].sum()),
        "sentences": a.sentences[idx].sum(axis=0).astype("int64"),
        "count": a.count[idx].sum(axis=0).astype("int64"),
        "estimate": res.estimate[g],
        "ci_low": res.ci_low[g],
        "ci_high": res.ci_high[g],
        "ci_note": res.ci_note[g],
        "token_share": means[g, :k1],
        "dominant_share": means[g, k1:],
        "p_value": res.p_value,
        "q_value": res.q_value,
        "test": res.test,
    })
    out["n_articles"] = out["n_articles"].astype("int64")
    out["n_sentences"] = out["n_sentences"].astype("int64")
    return out[[by, *GROUP_COLUMNS]]
