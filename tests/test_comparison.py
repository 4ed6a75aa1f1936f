
import pandas as pd
import pytest

import framing


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
    assert "families" in text.loc["Harbor Lantern", "distinctive_terms"]
    assert "families" in result.to_markdown()


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
