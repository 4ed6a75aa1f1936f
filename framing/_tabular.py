"""Reading tables of articles: decoding files, CSV rows and the values of cells."""

from __future__ import annotations

import codecs
import csv
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .corpus import CorpusError, _number_text

__all__ = ["as_text", "csv_tables", "decode", "encoding_hint", "field_text", "flag", "separator"]


def as_text(value: Any) -> str:
    """The text of a table cell: "" for a missing value (None, NaN, NA, NaT), else the value as a string."""
    if value is None:
        return ""
    if isinstance(value, float) and np.isnan(value):
        return ""
    if value is pd.NA or value is pd.NaT:
        return ""
    return value if isinstance(value, str) else str(value)


def encoding_hint(data: bytes, encoding: str) -> str:
    """What to pass as ``encoding``, from the byte-order mark or the zero bytes of ``data``."""
    for bom, name in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                      (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return f"the file starts with a {name.upper()} byte-order mark: pass encoding={name!r}"
    head = data[:4096]
    if head and head.count(0) > len(head) // 4:
        return "every other byte is zero, as in UTF-16 text: pass encoding='utf-16'"
    return "pass the file's encoding, e.g. load_corpus(..., encoding='cp1252')"


def decode(path: Path, data: bytes, encoding: str) -> str:
    enc = "utf-8-sig" if encoding.lower().replace("_", "-") in ("utf-8", "utf8") else encoding
    try:
        text = data.decode(enc)
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        raise CorpusError(
            f"{path}: byte 0x{data[e.start]:02x} at offset {e.start} (line {line}) is not valid {encoding}; "
            f"{encoding_hint(data, encoding)}"
        ) from None
    except LookupError:
        raise CorpusError(f"unknown encoding {encoding!r}") from None
    if text.count("\x00") > len(text) // 4 > 0:
        raise CorpusError(f"{path} does not read as {encoding} text: {encoding_hint(data, encoding)}")
    return text.lstrip("\ufeff")


def separator(path: Path, first: str) -> str:
    return "\t" if path.suffix.lower() == ".tsv" else max((",", ";", "\t"), key=first.count)


#: Longest CSV field read (the csv module's default, 131,072 characters, is shorter than a long article).
_FIELD_LIMIT = 2**31 - 1


def csv_tables(lines: Iterable[str], sep: str, path: Path,
                chunksize: int | None = None) -> Iterator[tuple[pd.DataFrame, list[str]]]:
    """The rows of a CSV file as tables of text (``chunksize`` rows each, or one table).

    Every cell is kept as written (no type guessing, no missing-value
    markers). A row with more fields than the header is refused, naming it: a
    field holding the separator that is not quoted would otherwise shift the
    row's fields into the wrong columns (extra empty fields, trailing
    separators, are dropped). A row with fewer fields gets empty ones.
    """
    reader = csv.reader(lines, delimiter=sep, strict=True)
    header: list[str] | None = None
    records: list[list[str]] = []
    where: list[str] = []
    row, line = 0, 1
    while True:
        old = csv.field_size_limit(_FIELD_LIMIT)
        try:
            record = next(reader)
        except StopIteration:
            break
        except csv.Error as e:
            problem = ("a quoted field is never closed" if "end of data" in str(e)
                       else f"the quoting is not valid CSV ({e})")
            raise CorpusError(
                f"{path}, row {row + 1} (line {line}): {problem}; a field holding quotes must be in "
                'double quotes, with each quote inside it written twice ("")'
            ) from None
        finally:
            csv.field_size_limit(old)
        start, line = line, reader.line_num + 1
        if not record:  # a blank line
            continue
        row += 1
        if header is None:
            header = [name if name.strip() else f"Unnamed: {k}" for k, name in enumerate(record)]
            continue
        if len(record) > len(header):
            if any(record[len(header):]):
                raise CorpusError(
                    f"{path}, row {row} (line {start}) has {len(record)} fields but the header has "
                    f"{len(header)}: a field that holds the separator {sep!r} must be in double "
                    'quotes ("..."); check that row'
                )
            record = record[: len(header)]
        elif len(record) < len(header):
            record = record + [""] * (len(header) - len(record))
        records.append(record)
        where.append(f"{path}, row {row}")
        if chunksize is not None and len(records) == chunksize:
            yield pd.DataFrame(records, columns=header, dtype=str), where
            records, where = [], []
    if header is None:
        raise CorpusError(f"{path} is empty; it needs a header row and one row per article")
    if records or (chunksize is None):
        yield pd.DataFrame(records, columns=header, dtype=str), where


#: Values that are not one piece of text: refused in the text, title, outlet and doc_id columns.
_NOT_TEXT = (dict, list, tuple, set, frozenset, bytes, bytearray, memoryview, np.ndarray, Mapping)


def field_text(value: Any, at, i: int, column: str) -> str:
    """The text of one cell of a text field; a structure or bytes is refused, naming the row."""
    if isinstance(value, _NOT_TEXT):
        kind = "bytes" if isinstance(value, (bytes, bytearray, memoryview)) else type(value).__name__
        hint = ("decode it to text first" if kind == "bytes"
                else f"give the {column} as a string (join or pick the part that holds it)")
        raise CorpusError(f"{at(i)}: the {column} is a {kind}, not text; {hint}")
    if isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, (bool, np.bool_)):
        return _number_text(value)
    return as_text(value)


_TRUE = {"true", "t", "yes", "y", "1", "1.0"}
_FALSE = {"false", "f", "no", "n", "0", "0.0"}


def flag(value: Any, at, i: int) -> bool:
    """A ``has_headline`` cell as a boolean: True/False, 1/0, yes/no (any case); empty means True."""
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, bool):
        if isinstance(value, (float, np.floating)) and np.isnan(value):
            return True
        if value in (0, 1):
            return bool(value)
    elif isinstance(value, str):
        word = value.strip().lower()
        if word in _TRUE or word == "":
            return True
        if word in _FALSE:
            return False
    elif value is None or value is pd.NA:
        return True
    raise CorpusError(
        f"{at(i)}: has_headline is {value!r}; write true or false (or 1/0, yes/no), or leave it empty"
    )
