"""framing.measures.narrative (actor_roles) and the relative actor sentiment it builds on."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from framing import load_corpus, load_example
from framing._nlp.match import PatternSet
from framing._nlp.text import tokenize
from framing.measures.actors import actor_sentiment, relative_to_mean
from framing.measures.narrative import actor_roles

# --- actor_roles ----------------------------------------------------------------------

TOY = [
    {"outlet": "A", "text": "Militants shelled the village. Militants killed four residents. Residents fled."},
    {"outlet": "A", "text": "Militants attacked a convoy and wounded residents."},
    {"outlet": "B", "text": "Rescue teams treated the wounded residents. The residents were evacuated."},
    {"outlet": "B", "text": "Militants were blamed for the attack on residents."},
]
ACTORS = {"Militants": ["militants"], "Residents": ["residents"]}


@pytest.fixture
def toy():
    return load_corpus(TOY)


def test_actor_roles_group_level(toy):
    res = actor_roles(toy, ACTORS, random_state=0, n_resamples=50)
    assert res.columns.tolist() == ["outlet", "actor", "role", "voice", "n_mentions", "n_role", "n_articles",
                                    "share", "ci_low", "ci_high", "p_value", "q_value"]
    assert len(res) == 2 * 2 * 3
    shares = res.groupby(["outlet", "actor"])["share"].sum()
    np.testing.assert_allclose(shares, 1.0)
    m = actor_roles(toy, ACTORS, level="mention")
    counts = m.groupby(["outlet", "actor", "role"]).size()
    for _, row in res.iterrows():
        assert row["n_role"] == counts.get((row["outlet"], row["actor"], row["role"]), 0)
    assert res.query("actor == 'Militants' and outlet == 'A' and role == 'villain'")["share"].item() == 1.0
    assert res.query("actor == 'Residents' and role == 'victim'")["share"].min() >= 0.5


def test_actor_roles_mention_and_article_levels(toy):
    m = actor_roles(toy, ACTORS, level="mention")
    assert {"role", "p_hero", "p_villain", "p_victim", "agent_of_harm", "patient_of_harm", "evidence",
            "sentence"} <= set(m.columns)
    assert m.loc[m["match"] == "Militants", "agent_of_harm"].any()
    a = actor_roles(toy, ACTORS, level="article")
    assert {"share_hero", "share_villain", "share_victim", "agent_of_harm"} <= set(a.columns)
    np.testing.assert_allclose(a[["share_hero", "share_villain", "share_victim"]].sum(axis=1), 1.0)


def test_actor_roles_deterministic_and_errors(toy):
    a = actor_roles(toy, ACTORS, random_state=3, n_resamples=30)
    b = actor_roles(toy, ACTORS, random_state=3, n_resamples=30)
    pd.testing.assert_frame_equal(a, b)
    with pytest.raises(ValueError, match="level"):
        actor_roles(toy, ACTORS, level="x")
    with pytest.raises(ValueError, match="two or more"):
        actor_roles(load_corpus(TOY[:2]), ACTORS)


def test_actor_roles_on_the_demo_reads_right():
    c = load_example("rafah")
    actors = {"Palestinian civilians": ["Palestinians", "Palestinian civilians", "civilians"],
               "Israeli hostages": ["hostages"], "Hamas": ["Hamas"]}
    m = actor_roles(c, actors, level="mention")
    share = m.groupby("actor")["role"].value_counts(normalize=True)
    assert share[("Palestinian civilians", "victim")] > 0.8
    assert share[("Israeli hostages", "victim")] > 0.8
    assert share[("Hamas", "villain")] > share.get(("Hamas", "hero"), 0)


# --- relative actor sentiment -------------------------------------------------------------


def test_relative_to_mean_by_hand():
    numer = np.array([-1.0, -0.6, -0.2, 0.0, -0.5])
    groups = np.array(["A", "A", "B", "B", "C"])
    r = relative_to_mean(numer, np.ones(5), groups, ["A", "B", "C"], n_resamples=200, random_state=0)
    est = np.array([-0.8, -0.1, -0.5])
    np.testing.assert_allclose(r["relative"], est - est.mean())
    np.testing.assert_allclose(r["mean"], est.mean())
    assert np.isnan(r["ci_low"][2])  # one article: no interval
    assert r["ci_low"][0] <= r["relative"][0] <= r["ci_high"][0]


def test_relative_to_mean_within_strata():
    # two events: in each, A is 0.2 below the mean of the outlets there
    numer = np.array([-0.9, -0.5, 0.1, 0.5])
    groups = np.array(["A", "B", "A", "B"])
    strata = np.array(["e1", "e1", "e2", "e2"])
    r = relative_to_mean(numer, np.ones(4), groups, ["A", "B"], strata=strata, n_resamples=0)
    np.testing.assert_allclose(r["relative"], [-0.2, 0.2])
    pooled = relative_to_mean(numer, np.ones(4), groups, ["A", "B"], n_resamples=0)
    np.testing.assert_allclose(pooled["relative"], [-0.2, 0.2])
    # a stratum with one outlet says nothing
    r = relative_to_mean(np.array([-0.9, -0.5, 3.0]), np.ones(3), np.array(["A", "B", "A"]), ["A", "B"],
                         strata=np.array(["e1", "e1", "e2"]), n_resamples=0)
    np.testing.assert_allclose(r["relative"], [-0.2, 0.2])


def test_actor_sentiment_reports_relative(toy):
    res = actor_sentiment(toy, ACTORS, random_state=0, n_resamples=50)
    for _, part in res.groupby("actor"):
        ok = part["estimate"].notna()
        np.testing.assert_allclose(part.loc[ok, "relative"].sum(), 0.0, atol=1e-12)
        np.testing.assert_allclose(part.loc[ok, "estimate"] - part.loc[ok, "all_outlets_mean"],
                                   part.loc[ok, "relative"])


# --- aliases match as written ---------------------------------------------------------------


def test_aliases_match_as_written():
    toks = tokenize("The presidents met, and the president spoke of Palestinian territory to Palestinians.")
    ps = PatternSet({"US": ["the president"], "P": ["Palestinians"]}, what="alias")
    found = [(ps.groups[i], toks[s:e]) for i, s, e in ps.find(toks)]
    assert found == [("US", ["the", "president"]), ("P", ["palestinians"])]
    # labels and terms still match simple plurals, and inflect= still decides when given
    assert len(PatternSet({"x": ["president"]}).find(toks)) == 2
    assert len(PatternSet({"x": ["president"]}, what="alias", inflect=True).find(toks)) == 2


def test_actor_mentions_match_aliases_as_written():
    c = load_corpus([{"outlet": "A", "text": "The presidents of three colleges met. The president spoke."},
                     {"outlet": "B", "text": "The president left."}])
    m = actor_sentiment(c, {"US": ["the president"]}, level="mention")
    assert m["match"].str.lower().tolist() == ["the president", "the president"]
