"""Articles about one event from several outlets: the corpus object and its sentences."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import numpy as np
import pandas as pd

from ._nlp.duplicates import near_duplicates
from ._nlp.segment import segment
from ._nlp.style import boilerplate_lines
from ._validate import options_text

__all__ = [
    "ARTICLE_COLUMNS",
    "SECTIONS",
    "SENTENCE_COLUMNS",
    "Corpus",
    "CorpusCache",
    "CorpusError",
    "group_value",
    "grouped_by",
]

#: Columns every article table has, in this order; other columns follow.
ARTICLE_COLUMNS = ("doc_id", "outlet", "title", "text")
#: Columns of :meth:`Corpus.sentences`.
SENTENCE_COLUMNS = (
    "doc_id",
    "outlet",
    "sent_id",
    "section",
    "paragraph",
    "start",
    "end",
    "text",
)
SECTIONS = ("headline", "lede", "body")
_SKIPPED_COLUMNS = ("doc_id", "outlet", "source", "reason")


class CorpusError(ValueError):
    """A corpus source cannot be read; the message says where and what to do."""


class CorpusCache:
    """What the analyses derive from a corpus once and share: one named entry each.

    Every analysis reads the same tokens, quotation spans and sentence scores,
    so they are computed the first time one of them is needed and kept here,
    beside the corpus they come from. An entry is addressed by its name (one
    of :attr:`ENTRIES`) and, for entries that depend on a parameter (a
    lexicon, a set of actors), by a hashable ``key``. A filtered corpus starts
    with an empty cache.

    Examples
    --------
    >>> cache = CorpusCache()
    >>> cache.fetch("sentence_scores", lambda: [0.5])
    [0.5]
    >>> cache.fetch("sentence_scores", lambda: [0.0])  # computed once
    [0.5]
    >>> cache.fetch("tokens", list)
    Traceback (most recent call last):
    ...
    KeyError: "'tokens' is not a corpus cache entry; entries: sentence_tokens, token_codes, ..."
    """

    #: Name -> what the entry holds and who writes it.
    ENTRIES = {
        "sentence_tokens": "tokens of every sentence, offsets within the sentence (measures._mentions.sentence_tokens)",
        "token_codes": "the tokens of every sentence as integer codes, with the distinct tokens (measures._mentions)",
        "term_numbers": "token numbers with acronyms recased, for counting terms (measures._counting)",
        "sentence_scores": "VADER scores of every sentence (measures.sentiment.sentence_scores)",
        "quote_pairs": "the paired quotation marks of every body and headline, per (doc_id, is_headline) (measures._mentions)",
        "quoted_spans": "character spans inside quotation marks per (doc_id, is_headline) (measures._mentions)",
        "quotes": "every quotation and attribution found, before actors are matched (measures.quotes)",
        "grammar_parses": "clause parses of sentences, by sentence row (measures._parses.sentence_parses)",
        "passive_counts": "passive, agentless-passive and harm-verb counts per sentence (measures.agency)",
        "quoted_tokens": "per sentence, which of its tokens are inside quotation marks (measures._mentions)",
        "lexicon_matches": "matches of a lexicon in every sentence, key: the lexicon (measures._lexmatch)",
        "actor_mentions": "mentions of a set of actors with voice and target sentiment, key: the actors (measures.actors)",
        "actor_roles": "mentions of a set of actors with narrative-role probabilities, key: the actors (measures.narrative)",
        "boilerplate": "the boilerplate lines of every article (Corpus.boilerplate)",
        "link_card_tokens": "which tokens of the term counts lie in link cards run into sentences (measures._counting)",
        "label_candidates": "candidate phrases for suggest_labels, key: the longest phrase (measures._suggest)",
    }

    def __init__(self) -> None:
        self._data: dict[tuple[str, Any], Any] = {}

    def _slot(self, name: str, key: Any) -> tuple[str, Any]:
        if name not in self.ENTRIES:
            raise KeyError(
                f"{name!r} is not a corpus cache entry; entries: {', '.join(self.ENTRIES)}"
            )
        return name, key

    def get(self, name: str, key: Any = None) -> Any:
        """The entry, or None when it has not been computed."""
        return self._data.get(self._slot(name, key))

    def put(self, name: str, value: Any, key: Any = None) -> Any:
        """Keep ``value`` as the entry; returns it."""
        self._data[self._slot(name, key)] = value
        return value

    def fetch(self, name: str, compute: Callable[[], Any], key: Any = None) -> Any:
        """The entry, computed by ``compute()`` the first time."""
        slot = self._slot(name, key)
        if slot not in self._data:
            self._data[slot] = compute()
        return self._data[slot]

    def __contains__(self, name: str) -> bool:
        return any(n == name for n, _ in self._data)

    def __repr__(self) -> str:
        held = sorted({n for n, _ in self._data})
        return f"CorpusCache({', '.join(held) if held else 'empty'})"


class Corpus:
    """News articles about one event, from several outlets.

    A corpus is one table with a row per article (:attr:`articles`), plus the
    sentence structure of every article (:meth:`sentences`). Build one with
    :func:`load_corpus`; use the constructor directly only with a table that
    is already clean.

    Parameters
    ----------
    articles : pandas.DataFrame
        One row per article with at least the columns ``doc_id``, ``outlet``,
        ``title`` and ``text``; ``doc_id`` must be unique. Other columns
        (``date``, ``url``, ``event``, ...) are kept as metadata. A boolean
        column ``has_headline`` says whether ``title`` is a real headline
        (True when absent).
    skipped : pandas.DataFrame, optional
        Articles left out when the corpus was loaded, with columns
        ``doc_id``, ``outlet``, ``source`` and ``reason``.

    See Also
    --------
    load_corpus : Read a corpus from files or a DataFrame.
    load_example : One of the demo corpora bundled with framing.

    Examples
    --------
    >>> from framing import load_example
    >>> corpus = load_example("rafah")
    >>> corpus
    Corpus(12 articles, 7 outlets)
    >>> corpus.filter(outlets=corpus.outlets[:2])
    Corpus(3 articles, 2 outlets)
    """

    def __init__(self, articles: pd.DataFrame, *, skipped: pd.DataFrame | None = None) -> None:
        if not isinstance(articles, pd.DataFrame):
            raise TypeError(f"articles must be a pandas DataFrame, got {type(articles).__name__}")
        missing = [c for c in ARTICLE_COLUMNS if c not in articles.columns]
        if missing:
            raise CorpusError(
                f"articles is missing required column(s) {missing}; it has {list(articles.columns)}. "
                "Use framing.load_corpus(df, text=..., outlet=...) to map and clean your columns."
            )
        dup = articles["doc_id"].astype(str).duplicated(keep=False)
        if dup.any():
            raise CorpusError(
                f"doc_id values must be unique; repeated: {sorted(set(articles.loc[dup, 'doc_id'].astype(str)))[:5]}"
            )
        articles = articles.reset_index(drop=True).copy()
        articles["doc_id"] = articles["doc_id"].astype(str)
        if "has_headline" not in articles.columns:
            articles["has_headline"] = articles["title"].astype(str).str.strip() != ""
        front = list(ARTICLE_COLUMNS)
        self._articles = articles[front + [c for c in articles.columns if c not in front]]
        self._skipped = (
            pd.DataFrame(columns=list(_SKIPPED_COLUMNS))
            if skipped is None
            else skipped.reset_index(drop=True)
        )
        self._sentences: pd.DataFrame | None = None
        self.cache = CorpusCache()

    # -- container protocol ---------------------------------------------------

    def __len__(self) -> int:
        return len(self._articles)

    def __iter__(self) -> Iterator[str]:
        return iter(self._articles["text"])

    def __repr__(self) -> str:
        return f"Corpus({len(self)} articles, {len(self.outlets)} outlets)"

    def _repr_html_(self) -> str:
        counts = self._articles.groupby("outlet", sort=False, observed=True).size()
        counts = counts.reindex(self.outlets)
        table = counts.rename("articles").to_frame().to_html()
        note = ""
        if len(self._skipped):
            note = (
                f"<p>{len(self._skipped)} article(s) skipped; see <code>corpus.skipped</code>.</p>"
            )
        return f"<p><b>{self!r}</b></p>{table}{note}"

    # -- data -------------------------------------------------------------------

    @property
    def articles(self) -> pd.DataFrame:
        """A copy of the article table (one row per article)."""
        return self._articles.copy()

    @property
    def skipped(self) -> pd.DataFrame:
        """Articles that were not loaded, with the reason (one row each).

        Columns ``doc_id``, ``outlet``, ``source`` (file, row or line) and
        ``reason``.
        """
        return self._skipped.copy()

    @property
    def outlets(self) -> list[str]:
        """Outlet names in the order used by every table and chart.

        Sorted alphabetically, unless the ``outlet`` column is an ordered
        categorical, whose order is kept.
        """
        return _levels(self._articles["outlet"])

    def groups(self, by: str = "outlet") -> list[str]:
        """Levels of the article column ``by`` in their display order."""
        _check_by(self, by)
        return _levels(self._articles[by])

    def sentences(self) -> pd.DataFrame:
        """One row per sentence, headlines included.

        Returns
        -------
        pandas.DataFrame
            Columns ``doc_id``, ``outlet``, ``sent_id`` (0, 1, ... within the
            article, the headline first), ``section`` (``"headline"``,
            ``"lede"`` for the first paragraph of the body, ``"body"``),
            ``paragraph`` (-1 for the headline, then 0, 1, ...), ``start`` and
            ``end`` (character offsets into the article's ``title`` for the
            headline and into its ``text`` otherwise) and ``text``. Rows follow
            the article order, then ``sent_id``.

        Notes
        -----
        Sentences are found with NLTK's Punkt algorithm (Kiss & Strunk 2006)
        given a list of news abbreviations, one paragraph at a time; a
        dateline ("WASHINGTON —") is left out of the first sentence. The
        segmentation of an article does not depend on the rest of the corpus.
        """
        if self._sentences is None:
            self._sentences = _sentence_table(self._articles)
        return self._sentences.copy()

    # -- selection ------------------------------------------------------------

    def filter(
        self,
        *,
        outlets: Sequence[str] | None = None,
        doc_ids: Sequence[str] | None = None,
        where: pd.Series | np.ndarray | Sequence[bool] | None = None,
    ) -> Corpus:
        """Return a new corpus with a subset of the articles.

        Parameters
        ----------
        outlets : sequence of str, optional
            Keep these outlets.
        doc_ids : sequence of str, optional
            Keep these articles.
        where : boolean array-like, optional
            Keep the rows of :attr:`articles` where this is True (for example
            ``corpus.articles["date"] >= "2024-05-10"``).

        Raises
        ------
        ValueError
            If an outlet or doc_id is unknown (the message lists valid ones),
            or if nothing is left.
        """
        keep = np.ones(len(self), dtype=bool)
        arts = self._articles
        if outlets is not None:
            outlets = [outlets] if isinstance(outlets, str) else list(outlets)
            unknown = sorted(set(outlets) - set(self.outlets))
            if unknown:
                raise ValueError(f"unknown outlet(s) {unknown}; the corpus has {self.outlets}")
            keep &= arts["outlet"].isin(outlets).to_numpy()
        if doc_ids is not None:
            doc_ids = [doc_ids] if isinstance(doc_ids, str) else [str(d) for d in doc_ids]
            unknown = sorted(set(doc_ids) - set(arts["doc_id"]))
            if unknown:
                raise ValueError(f"unknown doc_id(s) {unknown[:5]}")
            keep &= arts["doc_id"].isin(doc_ids).to_numpy()
        if where is not None:
            mask = np.asarray(where, dtype=bool)
            if mask.shape != (len(self),):
                raise ValueError(
                    f"where must have one value per article ({len(self)}), got shape {mask.shape}"
                )
            keep &= mask
        if not keep.any():
            raise ValueError("the filter leaves no articles")
        out = Corpus(arts.loc[keep], skipped=self._skipped)
        if self._sentences is not None:
            ids = set(out._articles["doc_id"])
            out._sentences = self._sentences[self._sentences["doc_id"].isin(ids)].reset_index(
                drop=True
            )
        return out

    def duplicates(self, *, threshold: float = 0.5, shingle_size: int = 5) -> pd.DataFrame:
        """Copies and light edits of other articles: each copy with the article it copies.

        Outlets republish agency copy with small edits; a framing comparison
        should know. Articles are compared by the sets of their word
        ``shingle_size``-grams. Exact copies (the same set of shingles) are
        grouped by a hash first; candidate near copies among the rest come
        from MinHash locality-sensitive hashing and are then scored exactly,
        so the work grows with the number of articles, not with its square,
        even when thousands of articles are one wire story.

        Copies form clusters (an original and its copies). Each cluster of k
        articles gives k - 1 rows: every copy once, paired with the earliest
        article it was found to copy (exact copies with the first of them,
        near copies along their strongest link), never all k (k - 1) / 2
        pairs. :meth:`drop_duplicates` keeps the first article of each
        cluster.

        Parameters
        ----------
        threshold : float, default=0.5
            Report pairs whose ``containment`` (the share of the shorter
            article's shingles found in the other) is at least this.
        shingle_size : int, default=5
            Words per shingle.

        Returns
        -------
        pandas.DataFrame
            One row per copy with columns ``doc_id_a``, ``doc_id_b``,
            ``outlet_a``, ``outlet_b``, ``similarity`` (Jaccard similarity of
            the shingle sets) and ``containment``; sorted by ``containment``
            descending. ``doc_id_a`` comes first in the corpus.

        See Also
        --------
        drop_duplicates : A corpus without the later copies.

        Examples
        --------
        >>> from framing import load_corpus
        >>> wire = "Talks between the two sides resumed on Monday in the capital after a week."
        >>> c = load_corpus([{"outlet": o, "text": wire} for o in "ABCD"])
        >>> c.duplicates()[["doc_id_a", "doc_id_b", "containment"]].values.tolist()
        [['a-1', 'b-1', 1.0], ['a-1', 'c-1', 1.0], ['a-1', 'd-1', 1.0]]
        """
        return near_duplicates(self._articles, threshold=threshold, shingle_size=shingle_size)

    def boilerplate(self) -> pd.DataFrame:
        """The lines each outlet prints around its stories: repeated lines, labels, bylines, credits.

        Scraped articles keep what a site prints around every story ("UPDATE:"
        notes, "Related:" links, newsletter prompts, photo credits, bylines).
        They are found from the corpus itself (see :mod:`framing._nlp.style`
        for the rules); :func:`framing.distinctive_terms` marks the terms that
        occur mostly in them as house style.

        Returns
        -------
        pandas.DataFrame
            One row per outlet and line (or recurring line start): ``outlet``,
            ``kind`` (``"repeated"``, ``"label"``, ``"signature"``,
            ``"byline"``, ``"credit"``, ``"embed"``, ``"link"``: a link
            card run into a sentence), ``line`` (folded: lower
            case, digits as 0), ``n_articles`` and ``share_of_articles`` (of
            the outlet's articles that print it) and an ``example`` as
            written. Sorted by outlet, then ``n_articles`` descending.

        Examples
        --------
        >>> from framing import load_corpus
        >>> c = load_corpus([{"outlet": "A", "text": "Talks began.\\nSign up for our newsletter"},
        ...                  {"outlet": "A", "text": "Talks ended.\\nSign up for our newsletter"},
        ...                  {"outlet": "B", "text": "Rain fell."}])
        >>> c.boilerplate()[["outlet", "kind", "line", "n_articles"]].values.tolist()
        [['A', 'repeated', 'sign up for our newsletter', 2]]
        """
        arts = self._articles
        rows = [(arts["outlet"].iat[b.article], b.kind, b.key, b.n_articles, arts["text"].iat[b.article][b.start : b.end])
                for b in self._boilerplate_lines()]
        cols = ["outlet", "kind", "line", "n_articles", "share_of_articles", "example"]
        table = pd.DataFrame(rows, columns=["outlet", "kind", "line", "n_articles", "text"])
        if table.empty:
            return pd.DataFrame(columns=cols)
        out = (table.groupby(["outlet", "kind", "line"], sort=False)
               .agg(n_articles=("n_articles", "max"), example=("text", "first")).reset_index())
        out["share_of_articles"] = out["n_articles"] / out["outlet"].map(arts.groupby("outlet").size()).to_numpy()
        out = out.sort_values(["outlet", "n_articles", "line"], ascending=[True, False, True], kind="stable")
        return out[cols].reset_index(drop=True)

    def _boilerplate_lines(self):
        arts = self._articles
        return self.cache.fetch(
            "boilerplate", lambda: boilerplate_lines(arts["text"].tolist(), arts["outlet"].astype(str).tolist())
        )

    def drop_duplicates(self, *, threshold: float = 0.5, shingle_size: int = 5) -> Corpus:
        """A corpus keeping only the first article of each group of copies.

        The articles dropped are listed in :attr:`skipped` with the article
        they copy and the similarity, so nothing disappears silently.
        """
        pairs = self.duplicates(threshold=threshold, shingle_size=shingle_size)
        order = {d: i for i, d in enumerate(self._articles["doc_id"])}
        parent: dict[str, str] = {}

        def root(d: str) -> str:
            while d in parent:
                d = parent[d]
            return d

        reasons = {}
        for row in pairs.itertuples(index=False):
            a, b = root(row.doc_id_a), root(row.doc_id_b)
            if a == b:
                continue
            first, later = (a, b) if order[a] < order[b] else (b, a)
            parent[later] = first
            reasons[later] = (
                f"near-duplicate of {first} (containment {row.containment:.2f}, "
                f"Jaccard {row.similarity:.2f})"
            )
        if not reasons:
            return Corpus(self._articles, skipped=self._skipped)
        arts = self._articles
        dropped = arts[arts["doc_id"].isin(list(reasons))]
        extra = pd.DataFrame(
            {
                "doc_id": dropped["doc_id"].to_numpy(),
                "outlet": dropped["outlet"].to_numpy(),
                "source": "corpus.drop_duplicates",
                "reason": [reasons[d] for d in dropped["doc_id"]],
            }
        )
        skipped = (
            pd.concat([self._skipped, extra], ignore_index=True) if len(self._skipped) else extra
        )
        return Corpus(arts[~arts["doc_id"].isin(list(reasons))], skipped=skipped)


# -- helpers shared with the analyses -----------------------------------------


_WHOLE = re.compile(r"[+-]?\d+\.0+")


def group_value(value: str) -> str:
    """An outlet or group name as compared: stripped, whole numbers written without ".0".

    ``7``, ``7.0`` and ``"7.0"`` are one outlet, ``"7"`` (a JSON number, a
    pandas float column and a CSV cell read as text); other text is kept as
    written.

    Examples
    --------
    >>> [group_value(v) for v in (" Daily A ", "7.0", "7", "-3.00", "1.50", "007")]
    ['Daily A', '7', '7', '-3', '1.50', '007']
    """
    value = value.strip()
    if _WHOLE.fullmatch(value):
        return str(int(value.split(".")[0]))
    return value


def _levels(values: pd.Series) -> list[str]:
    if isinstance(values.dtype, pd.CategoricalDtype) and values.cat.ordered:
        present = set(values.dropna())
        return [str(c) for c in values.cat.categories if c in present]
    return sorted(str(v) for v in values.dropna().unique())


def grouped_by(corpus: Corpus, by: str) -> Corpus:
    """The corpus as a comparison by ``by`` sees it: every article in a group, names as text.

    Articles with no value in ``by`` (missing or blank) belong to no group:
    they are left out and listed in :attr:`Corpus.skipped` with the reason,
    never dropped silently. Group values are written as text with
    :func:`group_value` (``7`` and ``7.0`` are one group); an ordered
    categorical column keeps its order. The corpus itself is returned when
    nothing changes (its caches are kept).
    """
    _check_by(corpus, by)
    arts = corpus._articles
    values = arts[by]
    if isinstance(values.dtype, pd.CategoricalDtype):
        missing = values.isna().to_numpy()
        names = values
    else:
        text = [_group_text(v) for v in values]
        missing = np.array([t == "" for t in text], dtype=bool)
        names = pd.Series(text, index=arts.index, dtype=object)
        if not missing.any() and all(isinstance(v, str) and v == t for v, t in zip(values, text, strict=True)):
            return corpus
    if missing.all():
        raise CorpusError(f"no article has a value in the column {by!r}; choose another column for `by`")
    out = arts.copy()
    out[by] = names if isinstance(names, pd.Series) and names.dtype != object else names.astype(str)
    if not missing.any():
        return Corpus(out, skipped=corpus._skipped)
    lost = arts.loc[missing]
    extra = pd.DataFrame({
        "doc_id": lost["doc_id"].to_numpy(),
        "outlet": lost["outlet"].to_numpy(),
        "source": f"compare(by={by!r})",
        "reason": f"no value in the column {by!r}, which defines the groups",
    })
    skipped = pd.concat([corpus._skipped, extra], ignore_index=True) if len(corpus._skipped) else extra
    return Corpus(out.loc[~missing], skipped=skipped)


def _number_text(value: Any) -> str:
    """A number as text: "" for NaN, whole numbers without a decimal point ("7" for 7.0), else its repr."""
    if isinstance(value, (float, np.floating)):
        if np.isnan(value):
            return ""
        if np.isfinite(value) and float(value).is_integer() and abs(value) < 2**53:
            return str(int(value))
        return repr(float(value))
    return str(int(value))


def _group_text(value: Any) -> str:
    if value is None or value is pd.NA or value is pd.NaT:
        return ""
    if isinstance(value, (bool, np.bool_)):
        return str(bool(value))
    if isinstance(value, (int, float, np.integer, np.floating)):
        return _number_text(value)
    return group_value(str(value))


def _check_by(corpus: Corpus, by: str) -> None:
    """Raise a ValueError listing valid columns if ``by`` is not one."""
    cols = [c for c in corpus._articles.columns if c not in ("text", "title", "has_headline")]
    if by not in cols:
        raise ValueError(
            f"The value for `by` must be a column of corpus.articles ({options_text(cols)}), but {by!r} was passed."
        )


def _sentence_table(articles: pd.DataFrame) -> pd.DataFrame:
    rows: list[tuple] = []
    for doc_id, outlet, title, text, has_headline in zip(
        articles["doc_id"],
        articles["outlet"],
        articles["title"],
        articles["text"],
        articles["has_headline"],
        strict=True,
    ):
        heads = segment(title) if has_headline and title else []
        rows += [
            (doc_id, outlet, k, "headline", -1, s, e, title[s:e])
            for k, (_, s, e, _) in enumerate(heads)
        ]
        k0 = len(heads)
        rows += [
            (doc_id, outlet, k0 + k, "lede" if p == 0 else "body", p, s, e, text[s:e])
            for k, (p, s, e, _) in enumerate(segment(text))
        ]
    cols = list(zip(*rows, strict=True)) if rows else [()] * len(SENTENCE_COLUMNS)
    out = pd.DataFrame({c: list(v) for c, v in zip(SENTENCE_COLUMNS, cols, strict=True)})
    out["section"] = pd.Categorical(out["section"], categories=list(SECTIONS))
    for c in ("sent_id", "paragraph", "start", "end"):
        out[c] = out[c].astype("int64")
    return out


