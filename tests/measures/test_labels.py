import json

import numpy as np
import pandas as pd
import pytest

from framing import load_corpus
from framing.measures.kwic import kwic
from framing.measures.labels import label_choices, label_differences, label_table, suggest_labels
from tests.conftest import needs_shared_data

TEXTS = [
    ("d1", "A", "Militants attacked the village. The militants fled after the full-scale invasion began."),
    ("d2", "A", "Terrorists struck again. A fighter was killed in the operation."),
    ("d3", "B", "Fighters attacked the village. Two fighters died during the invasion."),
    ("d4", "C", "Police arrested a man."),
]
CONCEPTS = {
    "attackers": ["militant", "fighter", "terror*", "insurgent"],
    "assault": ["operation", "full-scale invasion", "invasion"],
}


@pytest.fixture(scope="module")
def corpus():
    return load_corpus(
        [{"doc_id": d, "outlet": o, "text": t, "title": f"Report {d}"} for d, o, t in TEXTS]
    )


def _row(res, concept, outlet, label):
    sel = res[(res["concept"] == concept) & (res["outlet"] == outlet) & (res["label"] == label)]
    assert len(sel) == 1
    return sel.iloc[0]


# --- label_choices -------------------------------------------------------------


def test_group_level_known_counts_and_shares(corpus):
    # inflect=True: a label also counts the singular or plural of its last word
    res = label_choices(corpus, CONCEPTS, inflect=True, random_state=0)
    assert list(res.columns) == [
        "concept", "outlet", "label", "count", "share", "ci_low", "ci_high", "ci_note",
        "n_articles", "n_articles_using",
    ]
    assert isinstance(res.index, pd.RangeIndex)
    # order: concept (input), outlet (corpus order), label (input); nothing dropped
    assert len(res) == 3 * 4 + 3 * 3
    assert res["concept"].tolist()[:12] == ["attackers"] * 12
    assert res["outlet"].tolist()[:12] == ["A"] * 4 + ["B"] * 4 + ["C"] * 4
    assert res["label"].tolist()[:4] == CONCEPTS["attackers"]
    # outlet A: militant 2 (d1), fighter 1, terror* 1, insurgent 0 -> 4 mentions
    a = res[(res["concept"] == "attackers") & (res["outlet"] == "A")]
    assert a["count"].tolist() == [2, 1, 1, 0]
    np.testing.assert_allclose(a["share"], [0.5, 0.25, 0.25, 0.0])
    assert a["n_articles"].tolist() == [2] * 4
    assert a["n_articles_using"].tolist() == [1, 1, 1, 0]
    b = _row(res, "attackers", "B", "fighter")
    assert (b["count"], b["share"], b["n_articles"]) == (2, 1.0, 1)
    assert np.isnan(b["ci_low"])  # one article: no interval
    # outlet C never names the concept: count 0, share undefined
    c = res[(res["concept"] == "attackers") & (res["outlet"] == "C")]
    assert c["count"].tolist() == [0, 0, 0, 0] and c["share"].isna().all()
    # multi-word label, and "invasion" is not counted again inside "full-scale invasion"
    assert _row(res, "assault", "A", "full-scale invasion")["count"] == 1
    assert _row(res, "assault", "A", "invasion")["count"] == 0
    assert _row(res, "assault", "A", "operation")["count"] == 1
    assert _row(res, "assault", "B", "invasion")["count"] == 1


def test_shares_sum_to_one_where_the_concept_occurs(corpus):
    res = label_choices(corpus, CONCEPTS, n_resamples=0)
    sums = res.groupby(["concept", "outlet"])["share"].sum(min_count=1)
    totals = res.groupby(["concept", "outlet"])["count"].sum()
    np.testing.assert_allclose(sums[totals > 0], 1.0)
    assert sums[totals == 0].isna().all()


def test_bootstrap_interval_known_and_deterministic(corpus):
    r1 = label_choices(corpus, CONCEPTS, inflect=True, random_state=7)
    r2 = label_choices(corpus, CONCEPTS, inflect=True, random_state=7)
    pd.testing.assert_frame_equal(r1, r2)
    # outlet A, militant: resampling {d1, d2} gives shares 1 (d1 twice), 0 (d2 twice)
    # or 2/4 (both), each with probability >= 1/4, so the 95% interval is [0, 1]
    m = _row(r1, "attackers", "A", "militant")
    assert (m["ci_low"], m["ci_high"]) == (0.0, 1.0)
    valid = r1.dropna(subset=["ci_low"])
    assert ((valid["ci_low"] <= valid["share"]) & (valid["share"] <= valid["ci_high"])).all()


def test_article_level(corpus):
    res = label_choices(corpus, {"attackers": CONCEPTS["attackers"]}, level="article", inflect=True)
    assert list(res.columns) == ["doc_id", "outlet", "concept", "label", "count", "share"]
    d1 = res[res["doc_id"] == "d1"]
    assert d1["count"].tolist() == [2, 0, 0, 0]
    np.testing.assert_allclose(d1["share"], [1.0, 0, 0, 0])
    assert res[res["doc_id"] == "d4"]["share"].isna().all()
    assert res["doc_id"].tolist()[::4] == ["d1", "d2", "d3", "d4"]


def test_mention_level_is_the_evidence(corpus):
    res = label_choices(corpus, CONCEPTS, level="mention", inflect=True)
    assert list(res.columns) == [
        "doc_id", "outlet", "sent_id", "section", "concept", "label", "match",
        "start", "end", "in_quote", "voice", "stance", "sentence",
    ]
    assert not res["in_quote"].any() and (res["voice"] == "outlet").all() and (res["stance"] == "used").all()
    assert len(res) == 6 + 3
    first = res.iloc[0]
    assert (first["doc_id"], first["label"], first["match"]) == ("d1", "militant", "Militants")
    for _, r in res.iterrows():
        assert r["sentence"][r["start"] : r["end"]] == r["match"]
    assert res["concept"].tolist() == ["attackers"] * 6 + ["assault"] * 3
    assert res[res["label"] == "terror*"]["match"].tolist() == ["Terrorists"]


def test_globs_and_inflection(corpus):
    res = label_choices(corpus, {"x": ["militant", "terror*"]}, inflect=True, n_resamples=0)
    assert _row(res, "x", "A", "militant")["count"] == 2  # Militants, militants
    strict = label_choices(corpus, {"x": ["militant", "terror*"]}, n_resamples=0)  # as written
    assert _row(strict, "x", "A", "militant")["count"] == 0
    assert _row(strict, "x", "A", "terror*")["count"] == 1


def test_singular_and_plural_listed_apart_count_their_own_form(corpus):
    res = label_choices(corpus, {"x": ["fighter", "fighters", "militant"]}, inflect=True, n_resamples=0)
    assert _row(res, "x", "A", "fighter")["count"] == 1  # "A fighter was killed"
    assert _row(res, "x", "B", "fighters")["count"] == 2  # "Fighters", "fighters"
    assert _row(res, "x", "B", "fighter")["count"] == 0
    assert _row(res, "x", "A", "militant")["count"] == 2  # listed once: both forms


def test_longest_match_wins_across_concepts(corpus):
    concepts = {"flight": ["militants fled"], "attackers": ["militant", "fighter"]}
    res = label_choices(corpus, concepts, inflect=True, n_resamples=0)
    assert _row(res, "flight", "A", "militants fled")["count"] == 1
    # "The militants fled" is taken by the longer label; only "Militants attacked" is left
    assert _row(res, "attackers", "A", "militant")["count"] == 1


def test_by_other_column_and_sections(corpus):
    articles = corpus.articles.assign(side=["x", "x", "y", "y"])
    c2 = load_corpus(articles)
    res = label_choices(c2, CONCEPTS, by="side", inflect=True, n_resamples=0)
    assert res.columns[1] == "side" and res["side"].unique().tolist() == ["x", "y"]
    assert _row(res.rename(columns={"side": "outlet"}), "attackers", "y", "fighter")["count"] == 2
    heads = label_choices(corpus, CONCEPTS, sections=["headline"], n_resamples=0)
    assert heads["count"].sum() == 0


def test_concepts_from_a_file(corpus, tmp_path):
    path = tmp_path / "concepts.json"
    path.write_text(json.dumps(CONCEPTS), encoding="utf-8")
    pd.testing.assert_frame_equal(
        label_choices(corpus, path, random_state=1), label_choices(corpus, CONCEPTS, random_state=1)
    )


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"concepts": {}}, "empty"),
        ({"concepts": {"x": []}}, "no labels"),
        ({"concepts": {"x": ["fighter", "Fighter"]}}, "match the same words"),
        ({"concepts": {"x": ["fighter"], "y": ["fighter"]}}, "concepts 'x' and 'y'"),
        ({"concepts": CONCEPTS, "by": "channel"}, "must be a column of corpus.articles"),
        ({"concepts": CONCEPTS, "level": "outlet"}, "value for `level` must be one of"),
        ({"concepts": CONCEPTS, "sections": ["title"]}, "sections"),
        ({"concepts": CONCEPTS, "ci": 95}, "value for `ci` must be"),
    ],
)
def test_label_choices_errors(corpus, kwargs, message):
    with pytest.raises(ValueError, match=message):
        label_choices(corpus, **kwargs)


def test_label_table(corpus):
    res = label_choices(corpus, CONCEPTS, inflect=True, n_resamples=0)
    wide = label_table(res, concept="attackers", values="count")
    assert wide.index.tolist() == ["A", "B", "C"]
    assert wide.columns.tolist() == CONCEPTS["attackers"]
    assert wide.loc["A"].tolist() == [2, 1, 1, 0]
    with pytest.raises(ValueError, match="several concepts"):
        label_table(res)
    with pytest.raises(ValueError, match="not in result"):
        label_table(res, concept="nope")
    with pytest.raises(ValueError, match="label_choices"):
        label_table(res.drop(columns="share"), concept="attackers")


# --- label_differences -----------------------------------------------------------


def _separated():
    return load_corpus(
        [
            {"outlet": "A", "text": "Militants attacked. Militants fled."},
            {"outlet": "A", "text": "Militants returned."},
            {"outlet": "B", "text": "Fighters attacked. Fighters fled."},
            {"outlet": "B", "text": "Fighters returned."},
        ]
    )


def test_label_differences_known_statistic_and_permutation_p():
    concepts = {
        "attackers": ["militants", "fighters"],
        "return": ["returned"],
        "absent": ["insurgents"],
    }
    res = label_differences(_separated(), concepts, n_resamples=3000, random_state=0)
    assert list(res.columns) == [
        "concept", "n_mentions", "n_labels", "n_groups", "statistic", "dof", "cramers_v",
        "p_value", "q_value",
    ]
    att = res.iloc[0]
    # table [[3, 0], [0, 3]]: chi2 = N = 6, V = 1
    assert (att["n_mentions"], att["statistic"], att["dof"], att["cramers_v"]) == (6, 6.0, 1, 1.0)
    # only 2 of the 6 ways to split 4 articles into 2 + 2 separate the labels: p = 1/3
    assert att["p_value"] == pytest.approx(1 / 3, abs=0.03)
    ret = res.iloc[1]
    assert (ret["statistic"], ret["p_value"]) == (0.0, 1.0)
    assert res.iloc[2]["n_mentions"] == 0 and np.isnan(res.iloc[2]["p_value"])
    again = label_differences(_separated(), concepts, n_resamples=3000, random_state=0)
    pd.testing.assert_frame_equal(res, again)


def test_label_differences_needs_two_groups(corpus):
    one = corpus.filter(outlets=["A"])
    with pytest.raises(ValueError, match="two or more values of `by`"):
        label_differences(one, CONCEPTS)
    with pytest.raises(ValueError, match="must be a column of corpus.articles"):
        label_differences(corpus, CONCEPTS, by="nope")


# --- kwic ------------------------------------------------------------------------

SENTENCE = "Officials said the full-scale invasion of the city began on Monday."


@pytest.fixture(scope="module")
def kcorpus():
    return load_corpus(
        [
            {"doc_id": "k1", "outlet": "B", "text": SENTENCE, "title": "Invasion"},
            {"doc_id": "k2", "outlet": "A", "text": "They feared an invasion.", "title": "Fears"},
        ]
    )


def test_kwic_windows_exact(kcorpus):
    res = kwic(kcorpus, "full-scale invasion", window=2)
    assert list(res.columns) == [
        "doc_id", "outlet", "sent_id", "section", "term", "left", "match", "right",
        "start", "end", "in_quote", "sentence",
    ]
    r = res.iloc[0]
    assert (r["left"], r["match"], r["right"]) == ("said the", "full-scale invasion", "of the")
    assert r["sentence"] == SENTENCE and SENTENCE[r["start"] : r["end"]] == r["match"]
    wide = kwic(kcorpus, "full-scale invasion", window=20).iloc[0]
    assert wide["left"] == "Officials said the"
    assert wide["right"] == "of the city began on Monday"
    zero = kwic(kcorpus, "full-scale invasion", window=0).iloc[0]
    assert (zero["left"], zero["right"]) == ("", "")


def test_kwic_patterns_order_and_longest_match(kcorpus):
    res = kwic(kcorpus, ["invasion", "full-scale invasion"], window=3)
    # outlets in corpus order (A before B); the longer phrase wins in k1
    assert res["doc_id"].tolist() == ["k2", "k1", "k1"]
    assert res["section"].tolist() == ["lede", "headline", "lede"]
    assert res["term"].tolist() == ["invasion", "invasion", "full-scale invasion"]
    assert res.iloc[0]["right"] == ""
    mapped = kwic(kcorpus, {"assault": ["invasion*"]}, window=1)
    assert mapped["concept"].tolist() == ["assault"] * 3
    assert mapped["match"].tolist() == ["invasion", "Invasion", "invasion"]
    heads = kwic(kcorpus, "invasion", sections=["headline"])
    assert heads["match"].tolist() == ["Invasion"] and heads["section"].tolist() == ["headline"]


def test_kwic_errors(kcorpus):
    with pytest.raises(ValueError, match="window"):
        kwic(kcorpus, "invasion", window=-1)
    with pytest.raises(ValueError, match="empty"):
        kwic(kcorpus, [])
    with pytest.raises(ValueError, match="no words"):
        kwic(kcorpus, "--")
    with pytest.raises(ValueError, match="must be a column of corpus.articles"):
        kwic(kcorpus, "invasion", by="nope")


# --- suggest_labels --------------------------------------------------------------


@pytest.fixture(scope="module")
def variants():
    return load_corpus(
        [
            {"outlet": "A", "text": "Militants attacked the base at dawn. The militants fled north. "
             "Police said the militants were armed."},
            {"outlet": "B", "text": "Gunmen attacked the base at dawn. The gunmen fled north. "
             "Police said the gunmen were armed."},
            {"outlet": "C", "text": "Fighters attacked the base at dawn. The fighters fled north. "
             "Police said the fighters were armed."},
        ]
    )


def test_suggest_labels_recovers_variants(variants):
    res = suggest_labels(variants, "militants", top_n=5)
    assert list(res.columns) == [
        "concept", "candidate", "score", "rank", "count", "outlets", "cues", "evidence", "example",
    ]
    top = res["candidate"].str.lower().tolist()[:2]
    assert set(top) == {"gunmen", "fighters"}
    assert res["rank"].tolist() == list(range(1, len(res) + 1))
    assert (res["concept"] == "militants").all()
    assert res["score"].is_monotonic_decreasing
    first = res.iloc[0]
    assert first["count"] == 3 and first["outlets"] == 1
    assert "shared slots" in first["evidence"]
    assert first["candidate"].lower() in first["example"].lower()
    assert not res["candidate"].str.lower().isin(["militant", "militants"]).any()


def test_suggest_labels_surface_cues_and_mapping():
    corpus = load_corpus(
        [
            {"outlet": "A", "text": "Prime Minister Shinzo Abe met the press. Mr. Abe smiled."},
            {"outlet": "B", "text": "Abe, the Japanese leader, left early. Abe returned."},
        ]
    )
    res = suggest_labels(corpus, {"Abe": ["Abe"], "press": "press"}, top_n=10, method="surface")
    abe = res[res["concept"] == "Abe"]
    abe = abe.set_index(abe["candidate"].str.lower())
    top4 = abe.index[:4].tolist()
    assert "shinzo abe" in top4 and "mr. abe" in top4  # contains the seed, same head
    assert abe.loc["japanese leader", "cues"] == "apposition"
    assert abe.loc["prime minister", "cues"] == "apposition"  # title before the name
    assert abe.loc["japanese leader", "rank"] < abe.loc["abe returned", "rank"]
    assert res["concept"].unique().tolist() == ["Abe", "press"]


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"seeds": []}, "empty"),
        ({"seeds": "militants", "method": "magic"}, "value for `method` must be one of"),
        ({"seeds": "militants", "top_n": 0}, "top_n"),
        ({"seeds": "...", "top_n": 3}, "no words"),
        ({"seeds": {}}, "empty"),
    ],
)
def test_suggest_labels_errors(variants, kwargs, message):
    with pytest.raises(ValueError, match=message):
        suggest_labels(variants, **kwargs)


@needs_shared_data
def test_newswcl50_recall_floor():
    from tests.label_gold import gold_concepts, read_annotations, score
    from tests.shared_data import newswcl50_articles

    articles = newswcl50_articles().drop(columns=["gold_starts"])
    corpus = load_corpus(articles[articles["event"] == 5])
    concepts = {c["concept"]: c for c in gold_concepts(read_annotations()) if c["event"] == 5}
    for name, floor in [("GBR\\GBR-Misc\\Khan", 0.4), ("State Visit", 0.3), ("USA\\Trump", 0.2)]:
        found = suggest_labels(corpus, concepts[name]["seed"], top_n=10)
        strict = score(found["candidate"].tolist(), concepts[name])["strict"]
        assert strict >= floor, (name, strict)
    base = suggest_labels(corpus, concepts["State Visit"]["seed"], method="frequency")
    assert score(base["candidate"].tolist(), concepts["State Visit"])["strict"] < 0.3


def test_kwic_gives_the_lines_behind_distinctive_bigrams():
    terms = pytest.importorskip("framing.measures.terms")
    from framing import load_example

    try:
        corpus = load_example("rafah")
    except ValueError:
        pytest.skip("demo corpus not available")
    dist = terms.distinctive_terms(corpus, ngram_range=(2, 2), min_count=2, n_resamples=0)
    top = dist.sort_values("z", ascending=False).groupby("outlet").head(1)
    for _, row in top.iterrows():
        lines = kwic(corpus, row["term"])
        own = lines[~lines["in_quote"]]  # terms count the outlet's own words by default
        assert (own["outlet"] == row["outlet"]).sum() == row["count"], row["term"]
    lines = kwic(corpus, "full-scale invasion", window=4)
    used = dist[(dist["term"] == "full-scale invasion") & (dist["count"] > 0)]
    assert sorted(lines["outlet"]) == sorted(used["outlet"])
    assert (lines["match"].str.lower() == "full-scale invasion").all()
    assert (lines["left"] != "").all() and (lines["right"] != "").all()
