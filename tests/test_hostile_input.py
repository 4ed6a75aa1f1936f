"""Regressions for hostile and malformed input (issue 17), one test per defect."""

from __future__ import annotations

import csv
import json

import matplotlib
import numpy as np
import pandas as pd
import pytest

import framing
from framing import CorpusError, load_corpus
from framing.measures._stats import group_bootstrap
from framing.plot import plot_estimates
from framing.report import safe_cell
from framing.stream import analyze_stream

WIRE = "The army said the strike hit a school. Officials denied it and said the claim was false."
OTHERS = [
    "Rain fell on the city today. The mayor praised the response and thanked the workers.",
    "Crowds gathered in the square. Police said the protest was peaceful and nobody was hurt.",
    "Talks resumed on Monday. Negotiators said progress was slow but steady.",
]


def _wire_corpus():
    rows = [{"outlet": "Wire Copy", "text": WIRE} for _ in range(3)]
    rows += [{"outlet": "Daily", "text": t} for t in OTHERS]
    return load_corpus(rows)


# 1. identical values -------------------------------------------------------------------------


def test_identical_values_give_intervals_that_hold_the_estimate():
    bad = 0
    for v in np.linspace(0.01, 3, 60):
        for n in (3, 7):
            r = group_bootstrap(np.full(n, v), np.array(["A"] * n), ["A"], n_resamples=50, random_state=0)
            bad += not (r["ci_low"][0] <= r["estimate"][0] <= r["ci_high"][0])
    assert bad == 0


def test_identical_values_do_not_crash_plot_estimates():
    est = 0.1 + 0.2  # 0.30000000000000004
    data = pd.DataFrame({"outlet": ["A"], "estimate": [est], "ci_low": [0.3], "ci_high": [0.3],
                         "n_articles": [3]})
    plot_estimates(data, xlabel="rate")  # an interval one ulp off the estimate draws as none


def test_identical_values_do_not_crash_report(tmp_path):
    result = framing.compare(_wire_corpus(), n_resamples=30)
    path = result.report(tmp_path / "out")
    assert path.exists()
    for name, table in result.tables.items():
        if {"estimate", "ci_low", "ci_high"} <= set(table.columns):
            ok = table.dropna(subset=["estimate", "ci_low", "ci_high"])
            assert (ok["ci_low"] <= ok["estimate"]).all() and (ok["estimate"] <= ok["ci_high"]).all(), name


# 2. ragged CSV rows --------------------------------------------------------------------------


def test_ragged_first_csv_row_is_refused_naming_the_row(tmp_path):
    path = tmp_path / "ragged.csv"
    path.write_text("outlet,text\nDaily A,The army said, in a statement, that it struck.\n"
                    "Daily B,Rain fell.\nDaily C,Sun shone.\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"row 2 \(line 2\) has 4 fields but the header has 2"):
        load_corpus(path)


def test_ragged_later_csv_row_is_refused_also_when_streaming(tmp_path):
    path = tmp_path / "ragged.csv"
    path.write_text("outlet,text\nDaily B,Rain fell.\nDaily A,one, two\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"row 3 \(line 3\) has 3 fields"):
        load_corpus(path)
    with pytest.raises(CorpusError, match=r"row 3 \(line 3\) has 3 fields"):
        list(load_corpus(path, chunksize=1))


def test_trailing_separators_and_quoted_commas_are_read(tmp_path):
    path = tmp_path / "ok.csv"
    path.write_text('outlet,text\nDaily A,"The army said, in a statement, that it struck.",,\nDaily B,Rain.\n',
                    encoding="utf-8")
    c = load_corpus(path)
    assert c.articles["text"].tolist() == ["The army said, in a statement, that it struck.", "Rain."]


def test_unclosed_csv_quote_is_refused_naming_the_row(tmp_path):
    path = tmp_path / "quote.csv"
    path.write_text('outlet,text\nA,fine\nB,"never closed\nC,more\n', encoding="utf-8")
    with pytest.raises(CorpusError, match=r"row 3 \(line 3\): a quoted field is never closed"):
        load_corpus(path)


def test_csv_with_a_field_longer_than_the_csv_module_default_is_read(tmp_path):
    path = tmp_path / "long.csv"
    long = "word " * 40_000
    with open(path, "w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows([["outlet", "text"], ["A", long], ["B", "short."]])
    assert len(load_corpus(path).articles["text"].iat[0]) > 131_072


# 3. --by drops articles ----------------------------------------------------------------------


def test_by_column_missing_values_are_skipped_with_reason():
    rows = [{"outlet": o, "text": t, "side": s}
            for o, t, s in zip("ABCD", [WIRE, *OTHERS], ["left", "right", None, " "])]
    result = framing.compare(load_corpus(rows), by="side", n_resamples=20)
    assert len(result.corpus) == 2
    skipped = result.corpus.skipped
    assert skipped["doc_id"].tolist() == ["c-1", "d-1"]
    assert skipped["reason"].str.contains("no value in the column 'side'").all()
    assert len(result["skipped"]) == 2


# 4. formula injection ------------------------------------------------------------------------


@pytest.mark.parametrize("cell", ["=HYPERLINK(\"http://x\",\"y\")", "=cmd|' /C calc'!A0", "+1+2", "-2+3",
                                  "@SUM(A1)", "\tx", "\r=1"])
def test_formula_cells_are_neutralised(cell):
    assert safe_cell(cell) == "'" + cell


def test_formula_injection_is_neutralised_in_every_csv_table(tmp_path):
    rows = [{"outlet": "=HYPERLINK(\"http://evil\")", "title": "@SUM(A1)", "text": WIRE},
            {"outlet": "=HYPERLINK(\"http://evil\")", "title": "+1", "text": OTHERS[0]},
            {"outlet": "-Daily", "title": "-x", "text": OTHERS[1]},
            {"outlet": "-Daily", "title": "ok", "text": OTHERS[2]}]
    framing.compare(load_corpus(rows), n_resamples=20).report(tmp_path)
    for table in (tmp_path / "tables").glob("*.csv"):
        with open(table, newline="", encoding="utf-8") as f:
            for row in csv.reader(f):
                for cell in row:
                    assert not (cell[:1] in ("=", "+", "@", "\t", "\r")
                                or (cell[:1] == "-" and not _is_number(cell))), (table.name, cell)


def _is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


# 5. mathtext -------------------------------------------------------------------------------


def test_dollar_in_outlet_name_is_drawn_as_written(tmp_path):
    rows = [{"outlet": "Money $and$ More", "text": WIRE}, {"outlet": "Money $and$ More", "text": OTHERS[0]},
            {"outlet": "$", "text": OTHERS[1]}, {"outlet": "$", "text": OTHERS[2]}]
    framing.compare(load_corpus(rows), n_resamples=20).report(tmp_path)
    svg = (tmp_path / "charts" / "dashboard.svg").read_text(encoding="utf-8")
    assert "Money $and$ More" in svg
    assert matplotlib.rcParams["text.parse_math"] is True  # restored after drawing


# 6. duplicate column names -----------------------------------------------------------------


def test_duplicate_column_names_are_refused_naming_the_column():
    df = pd.DataFrame([["A", "one", "two"], ["B", "three", "four"]], columns=["outlet", "text", "text"])
    with pytest.raises(CorpusError, match="more than one column named 'text'"):
        load_corpus(df)


def test_duplicate_csv_header_is_refused_naming_the_column(tmp_path):
    path = tmp_path / "dup.csv"
    path.write_text("outlet,text,outlet\nA,x,B\n", encoding="utf-8")
    with pytest.raises(CorpusError, match="more than one column named 'outlet'"):
        load_corpus(path)


def test_one_column_given_for_two_fields_is_refused():
    with pytest.raises(CorpusError, match="given as both text= and outlet="):
        load_corpus(pd.DataFrame({"body": ["x"]}), text="body", outlet="body")


# 8. small corpora -----------------------------------------------------------------------------


def test_small_corpus_can_be_compared_with_min_count_adapted():
    c = load_corpus([{"outlet": "A", "text": "Troops entered the town."},
                     {"outlet": "B", "text": "Soldiers left the city."}])
    result = framing.compare(c, n_resamples=20)
    assert result.options["min_count"] == 1
    assert len(result["terms"])


def test_explicit_min_count_is_used_and_named_in_the_error():
    c = load_corpus([{"outlet": "A", "text": "Troops entered the town."},
                     {"outlet": "B", "text": "Soldiers left the city."}])
    with pytest.raises(ValueError, match=r"min_count=2 leaves no terms.*--min-count"):
        framing.compare(c, n_resamples=20, min_count=2)
    with pytest.raises(ValueError, match="positive integer"):
        framing.compare(c, min_count=0)


# 10. smaller ones ------------------------------------------------------------------------------


def test_html_stripping_leaves_plain_text_with_angle_brackets():
    c = load_corpus([{"outlet": "A", "text": "if x<y then y>z"}, {"outlet": "B", "text": "<p>Real &amp; markup</p>"}])
    assert c.articles["text"].tolist() == ["if x<y then y>z", "Real & markup"]


@pytest.mark.parametrize("suffix", [".csv", ".jsonl"])
def test_utf16_file_gets_a_utf16_hint(tmp_path, suffix):
    path = tmp_path / f"wide{suffix}"
    body = "outlet,text\nA,x\n" if suffix == ".csv" else '{"outlet": "A", "text": "x"}\n'
    path.write_bytes(body.encode("utf-16"))
    with pytest.raises(CorpusError, match="UTF-16 byte-order mark: pass encoding='utf-16'"):
        load_corpus(path)
    with pytest.raises(CorpusError, match="encoding='utf-16'"):
        list(load_corpus(path, chunksize=1))
    assert len(load_corpus(path, encoding="utf-16")) == 1


def test_has_headline_strings_are_parsed_strictly():
    rows = [{"outlet": "A", "title": "T", "text": "x.", "has_headline": v}
            for v in ("False", "true", "0", "YES", "")]
    c = load_corpus(rows)
    assert c.articles["has_headline"].tolist() == [False, True, False, True, True]
    with pytest.raises(CorpusError, match=r"row 0: has_headline is 'maybe'"):
        load_corpus([{"outlet": "A", "title": "T", "text": "x.", "has_headline": "maybe"}])


def test_deeply_nested_json_is_a_corpus_error(tmp_path):
    deep = "[" * 100_000 + "]" * 100_000
    (tmp_path / "deep.jsonl").write_text('{"outlet": "A", "text": "x", "m": ' + deep + "}\n")
    (tmp_path / "deep.json").write_text("[" + deep + "]")
    for name in ("deep.jsonl", "deep.json"):
        with pytest.raises(CorpusError, match="too deeply"):
            load_corpus(tmp_path / name)


@pytest.mark.parametrize("value", [{"a": 1}, ["x", "y"], b"bytes", ("t",)])
def test_structured_values_in_text_column_are_refused_naming_the_row(value):
    with pytest.raises(CorpusError, match=r"row 1: the text is a (dict|list|bytes|tuple), not text"):
        load_corpus([{"outlet": "A", "text": "fine"}, {"outlet": "B", "text": value}])


def test_structured_values_in_jsonl_are_refused_naming_the_line(tmp_path):
    path = tmp_path / "x.jsonl"
    path.write_text(json.dumps({"outlet": "A", "text": "ok"}) + "\n" + json.dumps({"outlet": ["B"], "text": "x"}))
    with pytest.raises(CorpusError, match=r"line 2: the outlet is a list"):
        load_corpus(path)


def test_numeric_outlets_7_and_7_0_are_one_outlet():
    c = load_corpus([{"outlet": 7, "text": "a."}, {"outlet": 7.0, "text": "b."}, {"outlet": "7.0", "text": "c."},
                     {"outlet": 8, "text": "d."}])
    assert c.outlets == ["7", "8"]
    events = load_corpus([{"outlet": o, "text": t, "ev": e}
                          for o, t, e in zip("ABCD", [WIRE, *OTHERS], [7, 7.0, "7.0", 8])])
    result = framing.compare(events, by="ev", n_resamples=20)
    assert result.groups == ["7", "8"]


def test_stream_results_identical_whatever_the_chunk_size():
    c = framing.load_example("rafah")
    # outlets arrive in another order with each chunk size
    results = [analyze_stream(c, chunksize=k, ngram_range=(1, 2), include=["length", "sentiment"])
               for k in (12, 1, 5, 7)]
    first = results[0]
    for other in results[1:]:
        assert other._groups == first._groups
        assert list(other._terms) == list(first._terms)
        pd.testing.assert_frame_equal(other.distinctive_terms(min_count=1), first.distinctive_terms(min_count=1),
                                      check_exact=True)
        pd.testing.assert_frame_equal(other.summary(n_resamples=30), first.summary(n_resamples=30),
                                      check_exact=True)


def test_carriage_return_in_a_cell_cannot_start_a_formula_row(tmp_path):
    from framing.report import write_csv

    write_csv(pd.DataFrame({"title": ["a\r=1+1", "b\n@x"]}), tmp_path / "t.csv")
    with open(tmp_path / "t.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    assert rows == [["title"], ["a\r=1+1"], ["b\n@x"]]
    # a reader that splits rows at a bare carriage return finds none outside quotes
    raw = (tmp_path / "t.csv").read_bytes()
    assert b'"a\r=1+1"' in raw and raw.count(b"\r\n") == 3
