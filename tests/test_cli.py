"""framing.cli: the ``framing`` command."""

import subprocess
import sys

import pandas as pd
import pytest

import framing
from framing.cli import main, one_line

# -- the command -------------------------------------------------------------------


def test_cli_on_a_csv(tmp_path, capsys):
    corpus = framing.load_example("plant-closure")
    arts = corpus.articles.rename(columns={"outlet": "source", "text": "body"})
    arts.to_csv(tmp_path / "in.csv", index=False)
    status = main(["compare", str(tmp_path / "in.csv"), "--out", str(tmp_path / "rep"), "--outlet-column", "source",
                   "--text-column", "body", "--n-resamples", "20"])
    assert status == 0
    assert (tmp_path / "rep" / "report.html").exists()
    assert "report:" in capsys.readouterr().out


@pytest.mark.parametrize(
    "args, message",
    [
        (["compare", "/no/such/folder", "--out", "x"], "no such file or folder"),
        (["compare", "--example", "gaza", "--out", "x"], "unknown example 'gaza'"),
    ],
)
def test_cli_bad_input_exits_2_with_one_line(args, message, capsys):
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err and "Traceback" not in err


def test_cli_missing_column_and_bad_actors(tmp_path, capsys):
    pd.DataFrame({"publisher": ["A", "B"], "body": ["x.", "y."]}).to_csv(tmp_path / "a.csv", index=False)
    assert main(["compare", str(tmp_path / "a.csv"), "--out", str(tmp_path / "o")]) == 2
    assert "no 'outlet' column" in capsys.readouterr().err
    (tmp_path / "actors.json").write_text('{"Hamas": []}')
    pd.DataFrame({"outlet": ["A", "B"], "text": ["x.", "y."]}).to_csv(tmp_path / "b.csv", index=False)
    assert main(["compare", str(tmp_path / "b.csv"), "--out", str(tmp_path / "o"), "--actors",
                 str(tmp_path / "actors.json")]) == 2
    assert "'Hamas' has no aliases" in capsys.readouterr().err


def test_cli_as_a_process_exits_2(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "framing.cli", "compare", str(tmp_path / "none.jsonl"), "--out",
                           str(tmp_path / "o")], capture_output=True, text=True)
    assert proc.returncode == 2
    assert proc.stderr.startswith("framing: error:") and proc.stderr.count("\n") == 1


def test_cli_examples_lists_names(capsys):
    assert main(["examples"]) == 0
    assert capsys.readouterr().out.split() == ["plant-closure", "rafah"]


# -- hostile input ---------------------------------------------------------------

TEXTS = [
    "The army said the strike hit a school. Officials denied it and said the claim was false.",
    "Rain fell on the city today. The mayor praised the response and thanked the workers.",
    "Crowds gathered in the square. Police said the protest was peaceful and nobody was hurt.",
    "Talks resumed on Monday. Negotiators said progress was slow but steady.",
]


def test_small_corpus_is_compared_from_the_command(tmp_path, capsys):
    pd.DataFrame({"outlet": ["A", "B"], "text": ["Troops entered the town.", "Soldiers left the city."]}).to_csv(
        tmp_path / "two.csv", index=False)
    assert main(["compare", str(tmp_path / "two.csv"), "--out", str(tmp_path / "o"), "--n-resamples", "20"]) == 0
    assert "2 of 2 articles from 2 outlets analysed" in capsys.readouterr().out


def test_min_count_option_reaches_compare(tmp_path, capsys):
    pd.DataFrame({"outlet": ["A", "B"], "text": ["Troops entered the town.", "Soldiers left the city."]}).to_csv(
        tmp_path / "two.csv", index=False)
    status = main(["compare", str(tmp_path / "two.csv"), "--out", str(tmp_path / "o"), "--min-count", "3",
                   "--n-resamples", "20"])
    err = capsys.readouterr().err
    assert status == 2 and err.count("\n") == 1 and "--min-count" in err


def test_drop_duplicates_count_printed_is_the_analysed_count(tmp_path, capsys):
    texts = [TEXTS[0]] * 3 + TEXTS[1:]
    pd.DataFrame({"outlet": ["A", "B", "C", "A", "B", "C"], "text": texts}).to_csv(tmp_path / "d.csv", index=False)
    assert main(["compare", str(tmp_path / "d.csv"), "--out", str(tmp_path / "o"), "--drop-duplicates",
                 "--n-resamples", "20"]) == 0
    captured = capsys.readouterr()
    assert "4 of 6 articles from 3 outlets analysed" in captured.out
    assert "2 of 6 article(s) skipped (2 near-duplicate)" in captured.err


def test_skipped_articles_are_listed_in_a_file_not_in_corpus_skipped(tmp_path, capsys):
    pd.DataFrame({"outlet": ["A", "B", "C", ""], "text": [TEXTS[0], TEXTS[1], "", TEXTS[3]]}).to_csv(
        tmp_path / "s.csv", index=False)
    assert main(["compare", str(tmp_path / "s.csv"), "--out", str(tmp_path / "o"), "--n-resamples", "20"]) == 0
    err = capsys.readouterr().err
    assert "corpus.skipped" not in err
    assert err.count("\n") == 1 and "2 of 4 article(s) skipped (1 empty text, 1 no outlet)" in err
    listed = pd.read_csv(tmp_path / "o" / "tables" / "skipped.csv")
    assert sorted(listed["reason"]) == ["empty text", "no outlet"]


def test_by_column_without_values_reports_the_skipped(tmp_path, capsys):
    pd.DataFrame({"outlet": list("ABCD"), "text": TEXTS, "side": ["left", "right", "", "left"]}).to_csv(
        tmp_path / "b.csv", index=False)
    assert main(["compare", str(tmp_path / "b.csv"), "--out", str(tmp_path / "o"), "--by", "side",
                 "--n-resamples", "20"]) == 0
    captured = capsys.readouterr()
    assert "3 of 4 articles from 2 sides analysed" in captured.out
    assert "1 of 4 article(s) skipped" in captured.err
    assert "every article given was analysed" not in (tmp_path / "o" / "report.html").read_text()


def test_parser_message_with_a_newline_is_one_line(tmp_path, capsys):
    (tmp_path / "bad.csv").write_text('outlet,text\nA,"open\nB,x\n', encoding="utf-8")
    assert main(["compare", str(tmp_path / "bad.csv"), "--out", str(tmp_path / "o")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "never closed" in err
    weird = tmp_path / "line\nbreak"
    weird.mkdir()
    assert main(["compare", str(weird / "x.csv"), "--out", str(tmp_path / "o")]) == 2
    assert capsys.readouterr().err.count("\n") == 1
    assert one_line("a\n b\r\n\u2028c") == "a b c"
