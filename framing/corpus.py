"""Articles about one event from several outlets: loading, cleaning, structure."""

from __future__ import annotations

import io
import json
import re
import warnings
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ._segment import segment
from ._text import clean_text

__all__ = ["Corpus", "CorpusError", "load_corpus", "ARTICLE_COLUMNS", "SENTENCE_COLUMNS"]

#: Columns every article table has, in this order; other columns follow.
ARTICLE_COLUMNS = ("doc_id", "outlet", "title", "text")
#: Optional columns that ``load_corpus`` maps by name like the required ones.
OPTIONAL_COLUMNS = ("doc_id", "title", "date", "url", "event")
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
        # Derived per-sentence data (tokens, scores) computed once per corpus
        # by the analyses, keyed by what it is.
        self._cache: dict[str, Any] = {}

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
        """Pairs of articles that are copies or light edits of each other.

        Outlets republish agency copy with small edits; a framing comparison
        should know. Articles are compared by the sets of their word
        ``shingle_size``-grams; candidate pairs come from MinHash
        locality-sensitive hashing (so the work grows with the number of
        articles, not with its square, for ordinary corpora) and are then
        scored exactly.

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
            One row per pair with columns ``doc_id_a``, ``doc_id_b``,
            ``outlet_a``, ``outlet_b``, ``similarity`` (Jaccard similarity of
            the shingle sets) and ``containment``; sorted by ``containment``
            descending. ``doc_id_a`` comes first in the corpus.

        See Also
        --------
        drop_duplicates : A corpus without the later copies.
        """
        from ._duplicates import near_duplicates

        return near_duplicates(self._articles, threshold=threshold, shingle_size=shingle_size)

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


def _levels(values: pd.Series) -> list[str]:
    if isinstance(values.dtype, pd.CategoricalDtype) and values.cat.ordered:
        present = set(values.dropna())
        return [str(c) for c in values.cat.categories if c in present]
    return sorted(str(v) for v in values.dropna().unique())


def _check_by(corpus: Corpus, by: str) -> None:
    """Raise a ValueError listing valid columns if ``by`` is not one."""
    cols = [c for c in corpus._articles.columns if c not in ("text", "title", "has_headline")]
    if by not in cols:
        raise ValueError(f"by={by!r} is not a column of corpus.articles; valid choices: {cols}")


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


# -- loading --------------------------------------------------------------------


def load_corpus(
    source: str | Path | pd.DataFrame | Sequence[Mapping[str, Any]],
    *,
    text: str | None = None,
    outlet: str | None = None,
    doc_id: str | None = None,
    title: str | None = None,
    date: str | None = None,
    url: str | None = None,
    event: str | None = None,
    encoding: str = "utf-8",
    chunksize: int | None = None,
) -> Corpus:
    """Read news articles into a :class:`Corpus`.

    Parameters
    ----------
    source : str, pathlib.Path, pandas.DataFrame or list of dict
        One of

        * a folder of ``.txt``/``.md`` files, one article per file (searched
          recursively). Metadata come from YAML front matter (``outlet:``,
          ``title:``, ``date:`` ... between ``---`` lines at the top of the
          file), from a ``metadata.csv`` in the folder (a ``file`` or
          ``doc_id`` column naming each file, plus any of the fields), or
          from the folder layout (files in one sub-folder per outlet take the
          sub-folder's name as ``outlet``). Without a ``title``, a short first
          line of the file is taken as the headline;
        * a ``.csv`` file (comma, semicolon or tab separated);
        * a ``.jsonl`` file (one JSON object per line) or a ``.json`` file (a
          list of objects, or an object with an ``"articles"`` list);
        * a pandas DataFrame or a list of dicts.
    text, outlet, doc_id, title, date, url, event : str, optional
        Names of the columns (or front-matter keys) that hold these fields
        when they are not named so, e.g. ``text="body", outlet="source"``.
        ``outlet`` and ``text`` are required; ``doc_id`` (the file name, or
        ``<outlet>-<n>``) and ``title`` (the first words of the text, marked
        ``has_headline=False``) are made up when absent. All other columns
        are kept.
    encoding : str, default="utf-8"
        Encoding of the files. A byte-order mark is removed.
    chunksize : int, optional
        Read a ``.jsonl`` or ``.csv`` file lazily, this many articles at a
        time: returns a :class:`framing.stream.CorpusStream` (an iterable of
        Corpus chunks) for corpora larger than memory; see
        :func:`framing.stream.analyze_stream`.

    Returns
    -------
    Corpus
        (or a :class:`framing.stream.CorpusStream` with ``chunksize``)

    Raises
    ------
    CorpusError
        With the file, row or line, the column and what to do, when the
        source is empty, a required column is missing, bytes cannot be
        decoded, a JSON line is malformed or a ``doc_id`` repeats.

    Warns
    -----
    UserWarning
        When articles are skipped (empty text or no outlet); they are listed
        in :attr:`Corpus.skipped` with the reason.

    Notes
    -----
    Texts are cleaned (:func:`framing._text.clean_text`): Windows line
    endings, byte-order marks, non-breaking spaces, and HTML tags and entities
    left by scraping (stripped with Beautiful Soup's parser). Curly quotes are
    kept as written; the tokenizer treats them as straight ones.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"source": ["A", "B"], "body": ["One text.", "Another &amp; more."]})
    >>> corpus = load_corpus(df, outlet="source", text="body")
    >>> corpus.articles[["doc_id", "outlet", "text"]]
      doc_id outlet             text
    0    a-1      A        One text.
    1    b-1      B  Another & more.
    """
    mapping = {
        "text": text,
        "outlet": outlet,
        "doc_id": doc_id,
        "title": title,
        "date": date,
        "url": url,
        "event": event,
    }
    if chunksize is not None:
        from .stream import CorpusStream

        if not isinstance(source, (str, Path)):
            raise CorpusError("chunksize streams a .jsonl or .csv file; give its path")
        return CorpusStream(source, chunksize=chunksize, encoding=encoding, **mapping)
    if isinstance(source, pd.DataFrame):
        table, where = source.copy(), None
        label = "the DataFrame"
    elif isinstance(source, (list, tuple)):
        if not all(isinstance(r, Mapping) for r in source):
            raise CorpusError("a list source must hold one dict per article")
        table, where, label = pd.DataFrame(list(source)), None, "the list"
    elif isinstance(source, (str, Path)):
        path = Path(source).expanduser()
        if not path.exists():
            raise CorpusError(f"{path}: no such file or folder")
        label = str(path)
        if path.is_dir():
            table, where = _read_folder(path, encoding, mapping)
        else:
            suffix = path.suffix.lower()
            readers = {
                ".csv": _read_csv,
                ".tsv": _read_csv,
                ".jsonl": _read_jsonl,
                ".ndjson": _read_jsonl,
                ".json": _read_json,
            }
            if suffix not in readers:
                raise CorpusError(
                    f"{path}: cannot read {suffix or 'files without a suffix'}; "
                    "give a folder of .txt/.md files, a .csv, .jsonl or .json file, or a DataFrame"
                )
            table, where = readers[suffix](path, encoding)
    else:
        raise TypeError(
            f"source must be a path, a pandas DataFrame or a list of dicts, got {type(source).__name__}"
        )
    return _build(table, where, mapping, label)


def _describe_rows(table: pd.DataFrame, where: list[str] | None) -> list[str]:
    if where is not None:
        return where
    return [f"row {i}" for i in table.index]


def _build(
    table: pd.DataFrame,
    where: list[str] | None,
    mapping: dict[str, str | None],
    label: str,
    *,
    state: dict[str, Any] | None = None,
) -> Corpus | None:
    """Clean and validate one table of articles.

    ``state`` carries what must hold across the chunks of a stream: the
    counters that make up ``doc_id`` values and the ids seen so far (with
    where they were). With a state, a chunk whose articles are all skipped
    gives None instead of an error, and no warning is issued (the stream
    reports its skipped articles once).
    """
    if table.shape[0] == 0:
        raise CorpusError(
            f"{label} holds no articles; give at least one article with an outlet and a text"
        )
    table = table.reset_index(drop=True)
    rows = _describe_rows(table, where)
    table.columns = [str(c) for c in table.columns]
    table = _rename_columns(table, mapping, label)

    skipped = []
    keep = np.ones(len(table), dtype=bool)
    texts = []
    for i, value in enumerate(table["text"]):
        t = _as_text(value)
        t = clean_text(t) if t else ""
        texts.append(t)
        if not t:
            keep[i] = False
            skipped.append((i, "empty text"))
    table["text"] = texts

    outlets = [_as_text(v).strip() for v in table["outlet"]]
    table["outlet"] = outlets
    for i, o in enumerate(outlets):
        if keep[i] and not o:
            keep[i] = False
            skipped.append((i, "no outlet"))

    if "doc_id" in table.columns:
        ids = [_as_text(v).strip() for v in table["doc_id"]]
        for i, d in enumerate(ids):
            if not d:
                ids[i] = f"{_slug(outlets[i]) or 'article'}-row{i}"
        table["doc_id"] = ids
    else:
        counters: dict[str, int] = {} if state is None else state["counters"]
        ids = []
        for o in outlets:
            key = _slug(o) or "article"
            counters[key] = counters.get(key, 0) + 1
            ids.append(f"{key}-{counters[key]}")
        table["doc_id"] = ids
    seen: dict[str, str | int] = {} if state is None else state["seen"]
    # a stream keeps only the line or row number of each id (a million ids)
    prefix = None if state is None else state.get("where_prefix")
    for i, d in enumerate(table["doc_id"]):
        if d in seen:
            first = seen[d] if prefix is None else f"{prefix}{seen[d]}"
            raise CorpusError(
                f"{label}: doc_id {d!r} appears twice ({first} and {rows[i]}); "
                "doc_id must be unique: fix the data or drop the doc_id column to have ids made up"
            )
        seen[d] = rows[i] if prefix is None else int(rows[i][len(prefix) :])

    if "title" in table.columns:
        titles = [clean_text(_as_text(v)) if _as_text(v) else "" for v in table["title"]]
        has = [bool(t) for t in titles]
    else:
        titles, has = [""] * len(table), [False] * len(table)
    if "has_headline" in table.columns:
        has = [bool(h) and bool(t) for h, t in zip(table["has_headline"], titles, strict=True)]
    table["title"] = [
        t if t else _made_up_title(x) for t, x in zip(titles, table["text"], strict=True)
    ]
    table["has_headline"] = has

    if "date" in table.columns:
        table["date"] = _parse_dates(table["date"])

    if skipped:
        rec = pd.DataFrame(
            {
                "doc_id": [table["doc_id"].iat[i] for i, _ in skipped],
                "outlet": [table["outlet"].iat[i] for i, _ in skipped],
                "source": [f"{label}, {rows[i]}" if where is None else rows[i] for i, _ in skipped],
                "reason": [r for _, r in skipped],
            }
        )
        if state is None:
            warnings.warn(
                f"{len(skipped)} article(s) skipped ({', '.join(sorted(set(rec['reason'])))}); "
                "see corpus.skipped",
                UserWarning,
                stacklevel=3,
            )
    else:
        rec = None
    if state is not None:
        if rec is not None:
            state.setdefault("skipped", []).append(rec)
        return Corpus(table.loc[keep]) if keep.any() else None
    if not keep.any():
        raise CorpusError(
            f"{label}: none of the {len(table)} article(s) has both a text and an outlet"
        )
    return Corpus(table.loc[keep], skipped=rec)


def _rename_columns(
    table: pd.DataFrame, mapping: dict[str, str | None], label: str
) -> pd.DataFrame:
    cols = list(table.columns)
    renames = {}
    for field, column in mapping.items():
        if column is None or column == field:
            continue
        if column not in cols:
            raise CorpusError(
                f"{label} has no column {column!r} (given as {field}={column!r}); columns: {cols}"
            )
        renames[column] = field
    clash = [f for f in renames.values() if f in cols and f not in renames]
    table = table.rename(columns={f: f"{f}_original" for f in clash}).rename(columns=renames)
    for field in ("outlet", "text"):
        if field not in table.columns:
            guess = [c for c in table.columns if c.lower() in _GUESSES[field]]
            hint = f"; perhaps load_corpus(..., {field}={guess[0]!r})" if guess else ""
            raise CorpusError(
                f"{label} has no {field!r} column; columns: {list(table.columns)}. "
                f"Name the column holding the {field} with load_corpus(..., {field}='<column>'){hint}"
            )
    return table


_GUESSES = {
    "outlet": {
        "source",
        "publisher",
        "publication",
        "site",
        "domain",
        "newspaper",
        "medium",
        "media",
    },
    "text": {
        "body",
        "content",
        "article",
        "article_text",
        "full_text",
        "fulltext",
        "story",
        "maintext",
    },
}


def _as_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and np.isnan(value):
        return ""
    if value is pd.NA or value is pd.NaT:
        return ""
    return value if isinstance(value, str) else str(value)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _made_up_title(text: str, words: int = 10) -> str:
    """The first words of the first sentence, for display (not a headline)."""
    sents = segment(text)
    first = text[sents[0][1] : sents[0][2]].split() if sents else text.split()
    return " ".join(first[:words]) + (" …" if len(first) > words else "")


def _parse_dates(values: pd.Series) -> pd.Series:
    present = values.map(_as_text).str.strip()
    if (present == "").all():
        return values
    try:
        parsed = pd.to_datetime(present.where(present != ""), format="mixed")
    except (ValueError, TypeError, OverflowError):
        warnings.warn(
            "the date column could not be read as dates and is kept as text; "
            "use ISO dates (2024-05-08) to get date handling",
            UserWarning,
            stacklevel=4,
        )
        return values
    return parsed


# -- readers --------------------------------------------------------------------


def _decode(path: Path, data: bytes, encoding: str) -> str:
    enc = "utf-8-sig" if encoding.lower().replace("_", "-") in ("utf-8", "utf8") else encoding
    try:
        text = data.decode(enc)
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        raise CorpusError(
            f"{path}: byte 0x{data[e.start]:02x} at offset {e.start} (line {line}) is not valid {encoding}; "
            "pass the file's encoding, e.g. load_corpus(..., encoding='cp1252')"
        ) from None
    except LookupError:
        raise CorpusError(f"unknown encoding {encoding!r}") from None
    return text.lstrip("\ufeff")


def _read_csv(path: Path, encoding: str) -> tuple[pd.DataFrame, list[str]]:
    text = _decode(path, path.read_bytes(), encoding)
    if not text.strip():
        raise CorpusError(f"{path} is empty; it needs a header row and one row per article")
    first = text.split("\n", 1)[0]
    sep = "\t" if path.suffix.lower() == ".tsv" else max((",", ";", "\t"), key=first.count)
    try:
        table = pd.read_csv(io.StringIO(text), sep=sep, dtype=str, keep_default_na=False)
    except pd.errors.ParserError as e:
        raise CorpusError(
            f"{path}: not a readable CSV file ({e}); check the quoting of that line"
        ) from None
    if table.empty:
        raise CorpusError(f"{path} has a header but no rows; add one row per article")
    return table, [f"{path}, row {i + 2}" for i in range(len(table))]


def _read_jsonl(path: Path, encoding: str) -> tuple[pd.DataFrame, list[str]]:
    text = _decode(path, path.read_bytes(), encoding)
    records, where = [], []
    for n, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        records.append(_json_line(line, path, n))
        where.append(f"{path}, line {n}")
    if not records:
        raise CorpusError(f"{path} is empty; it needs one JSON object per line")
    return pd.DataFrame(records), where


def _json_line(line: str, path: Path, n: int) -> dict:
    """One article of a JSON-lines file, or an error naming the line."""
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as e:
        raise CorpusError(
            f"{path}, line {n}: not valid JSON ({e.msg} at column {e.colno}); "
            "each line must hold one JSON object"
        ) from None
    if not isinstance(obj, dict):
        raise CorpusError(f"{path}, line {n}: expected a JSON object, got {type(obj).__name__}")
    return obj


def _read_json(path: Path, encoding: str) -> tuple[pd.DataFrame, list[str]]:
    text = _decode(path, path.read_bytes(), encoding)
    if not text.strip():
        raise CorpusError(f"{path} is empty; it needs a list of article objects")
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as e:
        if e.msg == "Extra data":  # JSON lines saved as .json
            return _read_jsonl(path, encoding)
        raise CorpusError(
            f"{path}, line {e.lineno}, column {e.colno}: not valid JSON ({e.msg})"
        ) from None
    if isinstance(obj, dict):
        lists = {k: v for k, v in obj.items() if isinstance(v, list)}
        if "articles" in lists:
            obj = lists["articles"]
        elif len(lists) == 1:
            obj = next(iter(lists.values()))
        else:
            raise CorpusError(
                f"{path}: expected a list of article objects or an object with an 'articles' list; "
                f"found keys {list(obj)[:10]}"
            )
    if not isinstance(obj, list) or not obj:
        raise CorpusError(f"{path}: expected a non-empty list of article objects")
    bad = [i for i, r in enumerate(obj) if not isinstance(r, dict)]
    if bad:
        raise CorpusError(
            f"{path}: item {bad[0]} of the list is a {type(obj[bad[0]]).__name__}, not an object"
        )
    return pd.DataFrame(obj), [f"{path}, item {i}" for i in range(len(obj))]


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)


def _front_matter(path: Path, text: str) -> tuple[dict[str, Any], str]:
    m = _FRONT_MATTER.match(text)
    if not m:
        return {}, text
    import yaml

    try:
        meta = yaml.safe_load(m.group(1)) or {}
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f", line {mark.line + 2}" if mark is not None else ""
        raise CorpusError(
            f"{path}{where}: the front matter is not valid YAML ({e.__class__.__name__})"
        ) from None
    if not isinstance(meta, dict):
        raise CorpusError(f"{path}: the front matter must be 'key: value' lines")
    return {str(k): v for k, v in meta.items()}, text[m.end() :]


def _split_headline(text: str, markdown: bool) -> tuple[str, str]:
    """Take a short first line as the headline ("# Title" in Markdown)."""
    stripped = text.lstrip()
    first, _, rest = stripped.partition("\n")
    first = first.strip()
    if markdown and first.startswith("#"):
        return first.lstrip("#").strip(), rest
    words = first.split()
    if (
        rest.strip()
        and 0 < len(words) <= 25
        and not first.endswith((".", ",", ";", ":", '"', "”"))
        and (rest.startswith("\n") or len(first) < 120)
    ):
        return first, rest
    return "", text


def _read_folder(
    path: Path, encoding: str, mapping: dict[str, str | None]
) -> tuple[pd.DataFrame, list[str]]:
    files = sorted(
        p
        for p in path.rglob("*")
        if p.suffix.lower() in (".txt", ".md")
        and p.is_file()
        and p.name.lower() != "readme.md"
        and not any(part.startswith(".") for part in p.relative_to(path).parts)
    )
    if not files:
        raise CorpusError(f"{path} holds no .txt or .md files; put one article per file")
    meta_table = None
    meta_path = path / "metadata.csv"
    if meta_path.exists():
        meta_table, meta_rows = _read_csv(meta_path, encoding)
        key = "file" if "file" in meta_table.columns else (mapping.get("doc_id") or "doc_id")
        if key not in meta_table.columns:
            raise CorpusError(
                f"{meta_path} needs a 'file' (or 'doc_id') column naming each article file; "
                f"columns: {list(meta_table.columns)}"
            )
        index: dict[str, int] = {}
        for i, name in enumerate(meta_table[key]):
            name = str(name).strip()
            if name in index:
                raise CorpusError(f"{meta_rows[i]}: {name!r} is listed twice in {meta_path.name}")
            index[name] = i

    title_key = mapping.get("title") or "title"
    outlet_key = mapping.get("outlet") or "outlet"
    text_key = mapping.get("text") or "text"
    records, where = [], []
    for f in files:
        rel = f.relative_to(path)
        raw = _decode(f, f.read_bytes(), encoding).replace("\r\n", "\n").replace("\r", "\n")
        meta, body = _front_matter(f, raw)
        if meta_table is not None:
            row = index.get(rel.as_posix(), index.get(f.name, index.get(f.stem)))
            if row is not None:
                extra = {
                    k: v for k, v in meta_table.iloc[row].items() if k != "file" and str(v) != ""
                }
                meta = {**extra, **meta}
        record: dict[str, Any] = dict(meta)
        if text_key not in record:
            record[text_key] = body
        if outlet_key not in record and len(rel.parts) > 1:
            record[outlet_key] = rel.parts[0]
        if outlet_key not in record:
            raise CorpusError(
                f"{f}: no outlet for this article; add 'outlet: <name>' to its front matter, "
                "list it in metadata.csv (columns file,outlet,...), or put the files in one sub-folder per outlet"
            )
        if (mapping.get("doc_id") or "doc_id") not in record:
            record[mapping.get("doc_id") or "doc_id"] = rel.with_suffix("").as_posix()
        if title_key not in record:
            headline, rest = _split_headline(
                clean_text(record[text_key]), f.suffix.lower() == ".md"
            )
            if headline:
                record[title_key], record[text_key] = headline, rest
        records.append(record)
        where.append(str(f))
    return pd.DataFrame(records), where
