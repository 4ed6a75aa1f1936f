"""Property-based fuzzing of the promises framing makes about its input (issue 17).

Random CSV, JSON-lines and folder corpora, and DataFrames, with hostile text,
names and column layouts go through ``load_corpus``, ``compare`` and the
``framing compare`` command. The promises:

* a :class:`~framing.CorpusError` (the command: exit 2 and one line) or a
  result, never another exception;
* every article given is either analysed or listed as skipped;
* no CSV cell that a spreadsheet would evaluate as a formula;
* ``report.html`` holds no user text unescaped;
* the same input gives the same output.

The number of examples comes from the hypothesis profile (tests/conftest.py):
``quick`` in ``make test`` (derandomized, no example database, about a minute
in all), ``fuzz`` for ``make fuzz`` (``HYPOTHESIS_PROFILE=fuzz``, many more
random examples).
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import re
import warnings
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import framing
from framing import CorpusError, load_corpus
from framing.cli import main

#: Examples per test, relative to the profile's max_examples (quick: 100).
SCALE = settings().max_examples / 100

#: Marks the fuzzer plants in text and names; none may reach report.html as written.
MARKUP = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<x-fuzz>", "</textarea><b>"]
PIECES = [
    *MARKUP,
    "=HYPERLINK(\"http://evil\",\"x\")", "=cmd|' /C calc'!A0", "+1+2", "-2+3", "@SUM(A1)", "\t=1",
    "x<y then y>z", "&amp;", "&#0;", "$x$", "Money $and$ More", "{{ 7*7 }}", "{% raw %}", "\\", '"', "'",
    ",", ";", "\t", "\n", "\r\n", "\r", "\ufeff", "\u202e", "\u2028", "\x00", "\x0b", "—", "«", "“quoted”",
    "7", "7.0", "nan", "None", "null", "True", "False", "   ", "",
]
WORDS = ["the", "army", "said", "strike", "school", "officials", "denied", "rain", "city", "mayor",
         "talks", "resumed", "police", "protest", "Gaza", "U.S.", "NATO", "said:", "“We", "will.”"]

piece = st.sampled_from(PIECES)
word = st.sampled_from(WORDS)
texts = st.lists(st.one_of(word, word, word, piece, st.text(max_size=6)), max_size=30).map(" ".join)
names = st.one_of(st.sampled_from(["Daily A", "Daily B", "Wire", "7", "7.0", 7, 7.0, "$", "=cmd|' /C calc'!A0",
                                   "@x", "-x", "<x-fuzz>", "a,b", 'q"t', " ", ""]),
                  st.text(min_size=1, max_size=8))
extra_values = st.one_of(st.none(), st.text(max_size=5), st.integers(-3, 3), st.floats(allow_nan=True),
                         st.booleans())


@st.composite
def articles(draw, min_size=1, max_size=8):
    n = draw(st.integers(min_size, max_size))
    rows = []
    for _ in range(n):
        row = {"outlet": draw(names), "text": draw(texts)}
        if draw(st.booleans()):
            row["title"] = draw(texts)
        if draw(st.booleans()):
            row["has_headline"] = draw(st.sampled_from(["true", "False", "0", "1", "", "maybe", True, False]))
        if draw(st.booleans()):
            row[draw(st.sampled_from(["event", "side", "=x", "", "text ", "Unnamed: 0"]))] = draw(extra_values)
        rows.append(row)
    return rows


def _as_file(rows, layout: str, folder: Path) -> tuple[object, int]:
    """Write ``rows`` in ``layout``; the source to load and the number of articles it holds."""
    frame = pd.DataFrame(rows)
    if layout == "frame":
        return frame, len(rows)
    if layout == "records":
        return rows, len(rows)
    if layout == "csv":
        path = folder / "in.csv"
        # CRLF line ends, so that a carriage return inside a cell is quoted (pandas leaves a bare
        # one unquoted with "\n" line ends, and every CSV reader then starts a new row there)
        frame.to_csv(path, index=False, lineterminator="\r\n")
        return path, len(rows)
    if layout == "jsonl":
        path = folder / "in.jsonl"
        path.write_text("\n".join(json.dumps(r, allow_nan=True) for r in rows) + "\n", encoding="utf-8")
        return path, len(rows)
    # a folder: one sub-folder per outlet, YAML-free files (the text as written)
    root = folder / "in"
    root.mkdir()
    count = 0
    for k, row in enumerate(rows):
        outlet = re.sub(r"[^A-Za-z0-9 ]", "", str(row["outlet"])).strip() or f"outlet{k % 2}"
        (root / outlet).mkdir(exist_ok=True)
        (root / outlet / f"{k}.txt").write_text(str(row["text"]).replace("\x00", ""), encoding="utf-8")
        count += 1
    return root, count


def _load(source):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return load_corpus(source)


layouts = st.sampled_from(["frame", "records", "csv", "jsonl", "folder"])


@settings(max_examples=int(80 * SCALE), suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=articles(), layout=layouts)
def test_load_corpus_gives_a_corpus_or_a_corpus_error(rows, layout, tmp_path_factory):
    source, n = _as_file(rows, layout, tmp_path_factory.mktemp("load"))
    try:
        corpus = _load(source)
    except CorpusError as e:
        assert str(e)
        return
    assert len(corpus) + len(corpus.skipped) == n
    assert corpus.articles["doc_id"].is_unique
    assert all(isinstance(o, str) and o for o in corpus.articles["outlet"])


@settings(max_examples=int(60 * SCALE))
@given(header=st.lists(st.sampled_from(["outlet", "text", "title", "", "a,b", '"', "x"]), min_size=1, max_size=4),
       body=st.lists(st.lists(st.one_of(piece, word), max_size=5), max_size=5),
       sep=st.sampled_from([",", ";", "\t"]))
def test_any_csv_layout_gives_a_corpus_or_a_corpus_error(header, body, sep, tmp_path_factory):
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=sep)
    writer.writerow(header)
    writer.writerows(body)
    raw = buf.getvalue()
    path = tmp_path_factory.mktemp("csv") / "in.csv"
    path.write_text(raw, encoding="utf-8")
    for chunksize in (None, 2):
        try:
            corpus = _load(path) if chunksize is None else list(load_corpus(path, chunksize=chunksize))
        except CorpusError:
            continue
        if chunksize is None:
            assert len(corpus) + len(corpus.skipped) <= len(body)


def _formula_cells(folder: Path) -> list[tuple[str, str]]:
    bad = []
    for table in sorted((folder / "tables").glob("*.csv")):
        with open(table, newline="", encoding="utf-8") as f:
            for row in csv.reader(f):
                for cell in row:
                    if cell[:1] in ("=", "+", "-", "@", "\t", "\r") and not re.fullmatch(
                            r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?", cell):
                        bad.append((table.name, cell))
    return bad


def _check_report(folder: Path) -> None:
    assert _formula_cells(folder) == []
    page = (folder / "report.html").read_text(encoding="utf-8")
    for mark in MARKUP:
        assert mark not in page, mark


@settings(max_examples=max(int(4 * SCALE), 1), deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(rows=articles(min_size=2, max_size=6), layout=layouts, by=st.sampled_from(["outlet", "outlet", "side"]))
def test_compare_and_report_keep_their_promises(rows, layout, by, tmp_path_factory):
    folder = tmp_path_factory.mktemp("cmp")
    source, n = _as_file(rows, layout, folder)
    try:
        corpus = _load(source)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            result = framing.compare(corpus, by=by, n_resamples=20)
    except ValueError as e:  # CorpusError, or a comparison that cannot be made (one group, no words)
        assert str(e)
        return
    assert len(result.corpus) + len(result.corpus.skipped) == n
    result.report(folder / "out")
    _check_report(folder / "out")


def _run(argv) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        status = main(argv)
    return status, out.getvalue(), err.getvalue()


@settings(max_examples=max(int(3 * SCALE), 1), deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(rows=articles(min_size=2, max_size=5), layout=st.sampled_from(["csv", "jsonl", "folder"]),
       drop=st.booleans())
def test_command_exits_0_or_2_with_one_line_and_repeats_itself(rows, layout, drop, tmp_path_factory):
    folder = tmp_path_factory.mktemp("cli")
    source, n = _as_file(rows, layout, folder)
    outputs = []
    for k in range(2):
        argv = ["compare", str(source), "--out", str(folder / f"out{k}"), "--n-resamples", "20"]
        status, out, err = _run(argv + (["--drop-duplicates"] if drop else []))
        assert status in (0, 2)
        if status == 2:
            assert err.startswith("framing: error:") and err.count("\n") == 1, err
            return
        assert f"of {n} articles" in out
        _check_report(folder / f"out{k}")
        outputs.append({p.name: p.read_bytes() for p in sorted((folder / f"out{k}" / "tables").glob("*.csv"))})
    assert outputs[0] == outputs[1]


@pytest.mark.parametrize("cell", ["=1+1", "+A1", "-A1", "@A1", "\t=1", "\r=1"])
def test_the_formula_check_itself_catches_formulas(tmp_path, cell):
    (tmp_path / "tables").mkdir()
    with open(tmp_path / "tables" / "t.csv", "w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows([["x"], [cell], ["-0.5"]])
    assert _formula_cells(tmp_path) == [("t.csv", cell)]
