"""framing.cli: the ``framing`` command."""

import subprocess
import sys

import pandas as pd
import pytest

import framing
from framing.cli import main

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
