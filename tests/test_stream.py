import json
import warnings

import numpy as np
import pandas as pd
import pytest

import framing
from framing.stream import CorpusStream, analyze_stream


@pytest.fixture(scope="module")
def demo():
    return framing.load_example("rafah")


@pytest.fixture(scope="module")
def jsonl(tmp_path_factory, demo):
    path = tmp_path_factory.mktemp("stream") / "rafah.jsonl"
    arts = demo.articles.drop(columns=["date"])
    with open(path, "w", encoding="utf-8") as f:
        for rec in arts.to_dict("records"):
            f.write(json.dumps(rec) + "\n")
    return path


def test_load_corpus_with_chunksize_streams(jsonl, demo):
    stream = framing.load_corpus(jsonl, chunksize=5)
    assert isinstance(stream, CorpusStream)
    chunks = list(stream)
    assert [len(c) for c in chunks] == [5, 5, 2]
    ids = [d for c in chunks for d in c.articles["doc_id"]]
    assert ids == demo.articles["doc_id"].tolist()
    assert len(list(stream)) == 3  # a stream can be read again


def test_stream_errors_name_the_line(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"outlet": "A", "text": "x"}\n' * 3 + '{"outlet": \n', encoding="utf-8")
    with pytest.raises(framing.CorpusError, match=r"bad\.jsonl, line 4: not valid JSON"):
        list(framing.load_corpus(path, chunksize=2))
    with pytest.raises(framing.CorpusError, match="streaming reads .jsonl and .csv"):
        framing.load_corpus(tmp_path, chunksize=2)


def test_generated_ids_are_unique_across_chunks_and_skips_are_kept(tmp_path):
    rows = [{"outlet": "A", "text": f"Article {i}."} for i in range(5)] + [{"outlet": "A", "text": " "}]
    path = tmp_path / "a.csv"
    pd.DataFrame(rows).to_csv(path, index=False)
    stream = framing.load_corpus(path, chunksize=2)
    with pytest.warns(UserWarning, match="1 article"):
        ids = [d for c in stream for d in c.articles["doc_id"]]
    assert ids == ["a-1", "a-2", "a-3", "a-4", "a-5"]
    assert stream.skipped["source"].iat[0].endswith("a.csv, row 7")


def test_duplicate_ids_across_chunks_are_caught(tmp_path):
    path = tmp_path / "d.jsonl"
    path.write_text("".join(json.dumps({"doc_id": d, "outlet": "A", "text": "x"}) + "\n" for d in ["p", "q", "p"]))
    with pytest.raises(framing.CorpusError, match=r"doc_id 'p' appears twice \(.*line 1 and .*line 3\)"):
        list(framing.load_corpus(path, chunksize=2))


def test_stream_matches_the_in_memory_analyses(jsonl, demo):
    res = analyze_stream(framing.load_corpus(jsonl, chunksize=4))
    features = framing.article_features(demo)
    pd.testing.assert_frame_equal(res.articles, features, check_dtype=False)
    # per-outlet summaries resample articles exactly as sentiment_profile does
    mine = res.summary(["mean_compound"], n_resamples=200, random_state=0)
    theirs = framing.sentiment_profile(demo, n_resamples=200, random_state=0)
    theirs = theirs[theirs["metric"] == "mean_compound"]
    np.testing.assert_allclose(mine["estimate"], theirs["estimate"])
    # term counts and log-odds from merged sums equal the in-memory ones
    terms = res.distinctive_terms(min_count=3)
    ref = framing.distinctive_terms(demo, min_count=3, n_resamples=0)
    cols = ["outlet", "term", "count", "count_other", "total", "log_odds", "z"]
    pd.testing.assert_frame_equal(terms[cols].reset_index(drop=True), ref[cols].reset_index(drop=True),
                                  check_dtype=False)


def test_results_do_not_depend_on_chunks_or_processes(demo):
    a = analyze_stream(demo, chunksize=12)
    b = analyze_stream(demo, chunksize=3, n_jobs=2)
    pd.testing.assert_frame_equal(a.articles, b.articles)
    pd.testing.assert_frame_equal(a.distinctive_terms(min_count=2), b.distinctive_terms(min_count=2))


def test_article_clustered_interval_is_wider_for_one_article_terms():
    docs = [{"outlet": "A", "text": "The massacre. " * 20 + "Officials met."}]
    docs += [{"outlet": "A", "text": f"Officials met on day {i}. Talks went on."} for i in range(5)]
    docs += [{"outlet": "B", "text": f"Officials met on day {i}. Talks went on."} for i in range(6)]
    res = analyze_stream(framing.load_corpus(docs))
    terms = res.distinctive_terms(min_count=2).set_index(["outlet", "term"])
    row = terms.loc[("A", "massacre")]
    assert row["z"] > 2.5  # tokens as independent draws: "significant"
    assert abs(row["z_article"]) < 2  # articles as the units: not
    assert row["se_article"] > row["se"]


def test_with_actors_and_concepts(demo):
    actors, concepts = framing.datasets.load_example_lists("rafah")
    res = analyze_stream(demo, actors, concepts, chunksize=6)
    assert set(res.labels["concept"]) == set(concepts)
    assert set(res.actors["actor"]) <= set(actors)


@pytest.mark.slow
def test_dask_local_cluster_gives_identical_results(demo):
    distributed = pytest.importorskip("dask.distributed")
    reference = analyze_stream(demo, chunksize=4)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
                distributed.Client(cluster):
            result = analyze_stream(demo, chunksize=4, backend="dask")
    pd.testing.assert_frame_equal(reference.articles, result.articles)
    pd.testing.assert_frame_equal(reference.distinctive_terms(min_count=2), result.distinctive_terms(min_count=2))


def test_article_features_in_parallel_are_identical(demo):
    one = framing.article_features(demo)
    two = framing.article_features(demo, n_jobs=2, chunksize=5)
    pd.testing.assert_frame_equal(one, two)
    assert two.attrs["sources"] == one.attrs["sources"]


def test_include_limits_the_feature_families(demo):
    res = analyze_stream(demo, include=["length", "sentiment"], chunksize=5)
    full = framing.article_features(demo, include=["length", "sentiment"])
    pd.testing.assert_frame_equal(res.articles, full)
    assert "passive_rate" not in res.articles.columns and "mean_compound" in res.articles.columns
    with pytest.raises(ValueError, match="values for `include` must be among"):
        analyze_stream(demo, include=["sentiments"])
