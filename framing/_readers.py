"""Reading articles into a :class:`~framing.corpus.Corpus`: files, folders, tables, streams."""

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
import yaml

from ._nlp.segment import segment
from ._nlp.text import clean_text
from ._tabular import as_text, csv_tables, decode, encoding_hint, field_text, flag, separator
from ._validate import yaml_error_line
from .corpus import Corpus, CorpusError, group_value

__all__ = ["CorpusStream", "SkippedWarning", "load_corpus"]


class SkippedWarning(UserWarning):
    """Articles were skipped while loading; they are listed in ``skipped``."""

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
    Texts are cleaned (:func:`framing._nlp.text.clean_text`): Windows line
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
    names = [str(c) for c in table.columns]
    repeated = sorted({c for c in names if names.count(c) > 1})
    if repeated:
        raise CorpusError(
            f"{label} has more than one column named {repeated[0]!r}; "
            "column names must be unique: rename or drop the repeated column(s)"
        )
    table.columns = names
    table = _rename_columns(table, mapping, label)

    def at(i: int) -> str:
        return f"{label}, {rows[i]}" if where is None else rows[i]

    skipped = []
    keep = np.ones(len(table), dtype=bool)
    texts = []
    for i, value in enumerate(table["text"]):
        t = field_text(value, at, i, "text")
        t = clean_text(t) if t else ""
        texts.append(t)
        if not t:
            keep[i] = False
            skipped.append((i, "empty text"))
    table["text"] = texts

    outlets = [group_value(field_text(v, at, i, "outlet")) for i, v in enumerate(table["outlet"])]
    table["outlet"] = outlets
    for i, o in enumerate(outlets):
        if keep[i] and not o:
            keep[i] = False
            skipped.append((i, "no outlet"))

    if "doc_id" in table.columns:
        ids = [field_text(v, at, i, "doc_id").strip() for i, v in enumerate(table["doc_id"])]
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
        titles = [field_text(v, at, i, "title") for i, v in enumerate(table["title"])]
        titles = [clean_text(t) if t else "" for t in titles]
        has = [bool(t) for t in titles]
    else:
        titles, has = [""] * len(table), [False] * len(table)
    if "has_headline" in table.columns:
        has = [flag(h, at, i) and bool(t)
               for i, (h, t) in enumerate(zip(table["has_headline"], titles, strict=True))]
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
                SkippedWarning,
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
    given = [(f, c) for f, c in mapping.items() if c is not None]
    for field, column in given:
        twice = [f for f, c in given if c == column and f != field]
        if twice:
            raise CorpusError(
                f"{label}: the column {column!r} is given as both {field}= and {twice[0]}=; "
                "each field needs its own column"
            )
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


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _made_up_title(text: str, words: int = 10) -> str:
    """The first words of the first sentence, for display (not a headline)."""
    sents = segment(text)
    first = text[sents[0][1] : sents[0][2]].split() if sents else text.split()
    return " ".join(first[:words]) + (" …" if len(first) > words else "")


def _parse_dates(values: pd.Series) -> pd.Series:
    present = values.map(as_text).str.strip()
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


def _read_csv(path: Path, encoding: str) -> tuple[pd.DataFrame, list[str]]:
    text = decode(path, path.read_bytes(), encoding)
    if not text.strip():
        raise CorpusError(f"{path} is empty; it needs a header row and one row per article")
    sep = separator(path, text.split("\n", 1)[0])
    table, where = next(csv_tables(io.StringIO(text, newline=""), sep, path))
    if table.empty:
        raise CorpusError(f"{path} has a header but no rows; add one row per article")
    return table, where


def _read_jsonl(path: Path, encoding: str) -> tuple[pd.DataFrame, list[str]]:
    text = decode(path, path.read_bytes(), encoding)
    records, where = [], []
    for n, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        records.append(_json_line(line, path, n))
        where.append(f"{path}, line {n}")
    if not records:
        raise CorpusError(f"{path} is empty; it needs one JSON object per line")
    return pd.DataFrame(records), where


_TOO_DEEP = "nests lists or objects too deeply to be read; an article is one flat object of fields"


def _json_line(line: str, path: Path, n: int) -> dict:
    """One article of a JSON-lines file, or an error naming the line."""
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as e:
        raise CorpusError(
            f"{path}, line {n}: not valid JSON ({e.msg} at column {e.colno}); "
            "each line must hold one JSON object"
        ) from None
    except RecursionError:
        raise CorpusError(f"{path}, line {n}: {_TOO_DEEP}") from None
    if not isinstance(obj, dict):
        raise CorpusError(f"{path}, line {n}: expected a JSON object, got {type(obj).__name__}")
    return obj


def _read_json(path: Path, encoding: str) -> tuple[pd.DataFrame, list[str]]:
    text = decode(path, path.read_bytes(), encoding)
    if not text.strip():
        raise CorpusError(f"{path} is empty; it needs a list of article objects")
    try:
        obj = json.loads(text)
    except RecursionError:
        raise CorpusError(f"{path}: {_TOO_DEEP}") from None
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
    try:
        meta = yaml.safe_load(m.group(1)) or {}
    except RecursionError:
        raise CorpusError(f"{path}: the front matter {_TOO_DEEP}") from None
    except yaml.YAMLError as e:
        where = yaml_error_line(e, first_line=2)  # the front matter starts below its "---"
        raise CorpusError(f"{path}{where}: the front matter is not valid YAML ({e.__class__.__name__})") from None
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
        raw = decode(f, f.read_bytes(), encoding).replace("\r\n", "\n").replace("\r", "\n")
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


# -- reading ----------------------------------------------------------------------------


class CorpusStream:
    """Articles of a ``.jsonl`` or ``.csv`` file, read ``chunksize`` at a time.

    Made by ``framing.load_corpus(path, chunksize=...)``. Iterating gives one
    :class:`~framing.Corpus` per chunk; the file is read again on every
    iteration, so a stream can be analysed more than once. Every loading
    rule of :func:`framing.load_corpus` applies (cleaning, column names,
    errors naming the line or row), ``doc_id`` values are unique across the
    whole file, and after a full pass :attr:`skipped` lists the skipped
    articles of every chunk.

    Parameters
    ----------
    path : str or pathlib.Path
        A ``.jsonl``/``.ndjson`` or ``.csv``/``.tsv`` file.
    chunksize : int
        Articles per chunk.
    encoding : str, default="utf-8"
    **columns : str
        Column names, as for :func:`framing.load_corpus`.
    """

    def __init__(self, path: str | Path, *, chunksize: int, encoding: str = "utf-8", **columns: str | None):
        self.path = Path(path).expanduser()
        if int(chunksize) != chunksize or chunksize < 1:
            raise ValueError(f"chunksize must be a positive integer, got {chunksize!r}")
        if not self.path.exists():
            raise CorpusError(f"{self.path}: no such file")
        suffix = self.path.suffix.lower()
        if self.path.is_dir() or suffix not in (".jsonl", ".ndjson", ".csv", ".tsv"):
            raise CorpusError(
                f"{self.path}: streaming reads .jsonl and .csv files; load other sources with "
                "framing.load_corpus(path) without chunksize"
            )
        self.chunksize = int(chunksize)
        self.encoding = encoding
        self.columns = {k: v for k, v in columns.items() if v is not None}
        self._state: dict[str, Any] = {}

    def __repr__(self) -> str:
        return f"CorpusStream({str(self.path)!r}, chunksize={self.chunksize})"

    @property
    def skipped(self) -> pd.DataFrame:
        """Articles skipped so far (complete after one full iteration)."""
        parts = self._state.get("skipped", [])
        if not parts:
            return pd.DataFrame(columns=["doc_id", "outlet", "source", "reason"])
        return pd.concat(parts, ignore_index=True)

    def __iter__(self) -> Iterator[Corpus]:
        jsonl = self.path.suffix.lower() in (".jsonl", ".ndjson")
        self._state = state = {"counters": {}, "seen": {}, "skipped": [],
                               "where_prefix": f"{self.path}, {'line' if jsonl else 'row'} "}
        reader = self._jsonl if jsonl else self._csv
        for table, where in reader():
            corpus = _build(table, where, dict(self.columns), str(self.path), state=state)
            if corpus is not None:
                yield corpus
        n = sum(len(s) for s in state["skipped"])
        if n:
            warnings.warn(f"{n} article(s) skipped while streaming {self.path.name}; see stream.skipped",
                          SkippedWarning, stacklevel=2)

    def _jsonl(self) -> Iterator[tuple[pd.DataFrame, list[str]]]:
        records: list[dict] = []
        where: list[str] = []
        with open(self.path, "rb") as f:
            offset = 0
            for n, raw in enumerate(f, start=1):
                try:
                    line = raw.decode(self.encoding)
                except UnicodeDecodeError as e:
                    raise CorpusError(
                        f"{self.path}: byte 0x{raw[e.start]:02x} at offset {offset + e.start} (line {n}) is not "
                        f"valid {self.encoding}; {encoding_hint(raw if n == 1 else b'', self.encoding)}"
                    ) from None
                except LookupError:
                    raise CorpusError(f"unknown encoding {self.encoding!r}") from None
                offset += len(raw)
                if n == 1:
                    line = line.lstrip("\ufeff")
                if not line.strip():
                    continue
                records.append(_json_line(line, self.path, n))
                where.append(f"{self.path}, line {n}")
                if len(records) == self.chunksize:
                    yield pd.DataFrame(records), where
                    records, where = [], []
        if records:
            yield pd.DataFrame(records), where
        elif not where and offset == 0:
            raise CorpusError(f"{self.path} is empty; it needs one JSON object per line")

    def _csv(self) -> Iterator[tuple[pd.DataFrame, list[str]]]:
        with open(self.path, "rb") as f:
            head = f.read(4096)
        if not head.strip():
            raise CorpusError(f"{self.path} is empty; it needs a header row and one row per article")
        utf8 = self.encoding.lower().replace("_", "-") in ("utf-8", "utf8")
        try:
            with open(self.path, encoding="utf-8-sig" if utf8 else self.encoding, newline="") as f:
                sep = separator(self.path, f.readline())
                f.seek(0)
                yield from csv_tables(f, sep, self.path, chunksize=self.chunksize)
        except UnicodeDecodeError as e:
            raise CorpusError(
                f"{self.path}: bytes at offset {e.start} are not valid {self.encoding}; "
                f"{encoding_hint(head, self.encoding)}"
            ) from None
        except LookupError:
            raise CorpusError(f"unknown encoding {self.encoding!r}") from None
