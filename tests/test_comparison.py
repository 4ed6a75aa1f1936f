import subprocess
import sys

import pandas as pd
import pytest

import framing
from framing.cli import main


@pytest.fixture(scope="module")
def result():
    corpus = framing.load_example("rafah")
    actors, concepts = framing.datasets.load_example_lists("rafah")
    return framing.compare(corpus, actors, concepts, n_resamples=100, random_state=0)


def test_compare_holds_every_table(result):
    for name in ["overview", "terms", "sentiment", "sentiment_articles", "sentiment_arc", "loaded_language",
                 "hedges", "intensifiers", "emotive_actors", "frames", "duplicates", "skipped"]:
        assert name in result.names
        assert isinstance(result[name], pd.DataFrame)
    with pytest.raises(KeyError, match="no table 'nope'"):
        result["nope"]
    assert "Comparison(12 articles, 7 outlets" in repr(result)


def test_compare_is_deterministic():
    corpus = framing.load_example("plant-closure")
    a = framing.compare(corpus, n_resamples=30, random_state=3)
    b = framing.compare(corpus, n_resamples=30, random_state=3)
    for name in a.names:
        pd.testing.assert_frame_equal(a[name], b[name])


def test_summary_has_one_row_per_outlet(result):
    s = result.summary()
    assert s["outlet"].tolist() == result.corpus.outlets
    assert {"articles", "words", "sentiment", "sentiment_ci_low", "sentiment_ci_high", "sentiment_p_value",
            "sentiment_q_value", "loaded_language_per_1000"} <= set(s.columns)
    assert "main_frame" not in s.columns and "distinctive_terms" not in s.columns  # numbers only
    text = result._summary_columns().set_index("outlet")
    assert "children" in text.loc["Harbor Lantern", "distinctive_terms"]
    assert "children" in result.to_markdown()


def test_evidence_is_one_call_away(result):
    ev = result.evidence("term", term="incursion")
    assert len(ev) > 0 and set(ev["outlet"]) == {"The Lexmere Review"}
    assert all("incursion" in s.lower() for s in ev["sentence"])
    neg = result.evidence("sentiment", sort="negative", outlet="Harbor Lantern")
    assert neg["compound"].is_monotonic_increasing and set(neg["outlet"]) == {"Harbor Lantern"}
    emo = result.evidence("emotive", actor="Hamas")
    assert len(emo) > 0 and set(emo["actor"]) == {"Hamas"}
    with pytest.raises(ValueError, match="must be one of"):
        result.evidence("nothing")
    with pytest.raises(ValueError, match="cannot filter on"):
        result.evidence("sentiment", colour="red")


def test_charts_draw(result):
    import matplotlib.pyplot as plt

    for name in result.charts:
        fig = result.plot(name)
        assert isinstance(fig, plt.Figure)
        plt.close(fig)
    with pytest.raises(ValueError, match="value for `name` must be one of .*'pie' was passed"):
        result.plot("pie")


def test_repr_html(result):
    text = result._repr_html_()
    assert "<table" in text and "Harbor Lantern" in text


def test_one_outlet_is_refused_clearly():
    corpus = framing.load_example("rafah").filter(outlets=["Harbor Lantern"])
    with pytest.raises(ValueError, match="two or more outlets; this corpus has only 'Harbor Lantern'"):
        framing.compare(corpus)


def test_drop_duplicates_lists_the_copy():
    corpus = framing.load_example("rafah")
    res = framing.compare(corpus, n_resamples=20, duplicates="drop")
    assert len(res.corpus) == len(corpus) - 1
    assert res["skipped"]["reason"].str.startswith("near-duplicate of").any()


def test_report_is_written(result, tmp_path):
    path = result.report(tmp_path / "out")
    assert path.name == "report.html"
    text = path.read_text()
    assert text.count("data:image/png;base64,") == len(result.charts)
    assert "Monroe" in text and "Hutto" in text and "synthetic" in text
    assert "ardmoor-gazette-01" in text  # the republished copy is listed
    for name in result.charts:
        assert (tmp_path / "out" / "charts" / f"{name}.png").exists()
        assert (tmp_path / "out" / "charts" / f"{name}.svg").exists()
    assert (tmp_path / "out" / "tables" / "summary.csv").exists()
    assert (tmp_path / "out" / "tables" / "terms.csv").exists()


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
