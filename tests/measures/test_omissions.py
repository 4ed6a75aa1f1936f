"""omissions: what each outlet leaves out, with exact (stratified) Fisher tests computed by hand."""

import glob
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import framing
from framing import load_corpus
from framing.measures import omissions as om_module
from framing.measures.omissions import OMISSION_COLUMNS, omissions

ACTORS = {"Civilians": ["civilians"], "Army": ["the army"]}


def _corpus(rows):
    return load_corpus([{"doc_id": d, "outlet": o, "event": e, "text": t} for d, o, e, t in rows])


# A leaves civilians out in event e1 (two articles), mentions them in e2; the others mention them throughout
STRATIFIED = [
    ("a1", "A", "e1", "The army advanced at dawn."),
    ("a2", "A", "e1", "The army held the bridge."),
    ("a3", "A", "e2", "Civilians fled the town."),
    ("b1", "B", "e1", "Civilians sheltered as the army advanced."),
    ("b2", "B", "e1", "Civilians waited for aid."),
    ("b3", "B", "e2", "Civilians returned home."),
]


def test_columns_and_fisher_known_answer():
    c = _corpus(STRATIFIED)
    res = omissions(c, ACTORS, terms=False)
    assert list(res.columns) == ["outlet", *OMISSION_COLUMNS]
    a = res[(res["outlet"] == "A") & (res["item"] == "Civilians")].iloc[0]
    assert (a["n_articles"], a["n_mentioning"], a["n_other"], a["n_other_mentioning"]) == (3, 1, 3, 3)
    # all articles: N = 6, K = 4 mention, A has n = 3 and x = 1: P(X <= 1) = C(4,1) C(2,2) / C(6,3) = 4 / 20
    assert a["p_value"] == pytest.approx(0.2)
    assert a["share"] == pytest.approx(1 / 3) and a["share_other"] == 1.0
    assert a["difference"] == pytest.approx(1 / 3 - 1)


def test_stratified_known_answer():
    c = _corpus(STRATIFIED)
    res = omissions(c, ACTORS, within="event", terms=False)
    a = res[(res["outlet"] == "A") & (res["item"] == "Civilians")].iloc[0]
    # e1: N = 4, K = 2, n = 2 -> P(X1 = 0) = 1/6; e2: N = 2, K = 2, n = 1 -> X2 = 1 always.
    # P(X1 + X2 <= 1) = P(X1 = 0) = 1/6
    assert a["p_value"] == pytest.approx(1 / 6)
    assert res.attrs["within"] == "event"


def test_normal_approximation_agrees_with_the_exact_test(monkeypatch):
    rng = np.random.default_rng(0)
    rows = []
    for e in range(40):
        for o, p in (("A", 0.3), ("B", 0.7), ("C", 0.7)):
            for k in range(2):
                text = "Civilians fled." if rng.random() < p else "The army moved."
                rows.append((f"{o}{e}-{k}", o, f"e{e}", text))
    c = _corpus(rows)
    exact = omissions(c, ACTORS, within="event", terms=False)
    monkeypatch.setattr(om_module, "EXACT_MAX", 0)
    approx = omissions(c, ACTORS, within="event", terms=False)
    np.testing.assert_allclose(approx["p_value"], exact["p_value"], atol=0.03)
    a = exact[(exact["outlet"] == "A") & (exact["item"] == "Civilians")].iloc[0]
    assert a["p_value"] < 1e-4 and a["omitted"] and a["basis"] == "mentions less"


def test_never_mentioning_is_omission_even_with_one_article():
    c = load_corpus([
        {"outlet": "A", "text": "Civilians fled."}, {"outlet": "A", "text": "Civilians died."},
        {"outlet": "B", "text": "Civilians waited."}, {"outlet": "C", "text": "The army praised its precision."},
    ])
    res = omissions(c, ACTORS, terms=False).set_index(["outlet", "item"])
    row = res.loc[("C", "Civilians")]
    assert row["omitted"] and row["basis"] == "never mentions"
    assert row["p_value"] == pytest.approx(0.25)  # one article of four, three mention: P(X = 0) = 1/4
    # A and B mention them; "the army" is mentioned by one article only: nobody omits it
    assert not res.loc[("A", "Civilians"), "omitted"] and not res.xs("Army", level="item")["omitted"].any()


def test_a_small_difference_is_no_omission():
    rows = [(f"{o}{i}", o, "e", "Civilians fled." if i < n else "The army moved.")
            for o, n in (("A", 120), ("B", 150), ("C", 150)) for i in range(200)]
    res = omissions(_corpus(rows), ACTORS, terms=False)
    a = res[(res["outlet"] == "A") & (res["item"] == "Civilians")].iloc[0]
    assert a["q_value"] < 0.05  # 60% against 75%: significant
    assert not a["omitted"]  # but not at most half the others' share
    assert omissions(_corpus(rows), ACTORS, terms=False, ratio=0.9).set_index(["outlet", "item"]).loc[
        ("A", "Civilians"), "omitted"]


def test_voice_quoted_mentions():
    c = load_corpus([
        {"outlet": "A", "text": 'A colonel said "civilians were warned" on Monday.'},
        {"outlet": "B", "text": "Civilians fled."}, {"outlet": "C", "text": "Civilians died."},
        {"outlet": "D", "text": "Civilians sheltered."},
    ])
    every = omissions(c, ACTORS, terms=False).set_index(["outlet", "item"])
    own = omissions(c, ACTORS, terms=False, voice="outlet").set_index(["outlet", "item"])
    assert every.loc[("A", "Civilians"), "n_mentioning"] == 1
    assert own.loc[("A", "Civilians"), "n_mentioning"] == 0 and own.loc[("A", "Civilians"), "omitted"]


def test_words_the_others_use():
    c = load_corpus([
        {"outlet": "A", "text": "The ceasefire talks stalled."},
        {"outlet": "B", "text": "Hospitals ran out of fuel. Talks stalled."},
        {"outlet": "C", "text": "Hospitals were shelled. The ceasefire held."},
        {"outlet": "D", "text": "Hospitals reported shortages."},
    ])
    res = omissions(c, terms=True)
    words = res[res["kind"] == "term"]
    a = words[words["outlet"] == "A"].set_index("item")
    assert a.loc["hospitals", "omitted"] and a.loc["hospitals", "basis"] == "never mentions"
    # "fuel" is one other outlet's word: never tested
    assert "fuel" not in set(words["item"])
    assert set(words["item"]) <= {"hospitals", "ceasefire", "talks", "stalled", "shelled", "reported", "ran",
                                  "held", "shortages"}


def test_mention_level_is_the_evidence():
    c = _corpus(STRATIFIED)
    m = omissions(c, ACTORS, level="mention")
    assert {"doc_id", "outlet", "kind", "item", "match", "in_quote", "sentence"} <= set(m.columns)
    assert (m[m["item"] == "Civilians"]["doc_id"].tolist()) == ["a3", "b1", "b2", "b3"]


@pytest.mark.parametrize("kwargs, message", [
    ({"majority": 1.5}, "majority"), ({"ratio": 0}, "ratio"), ({"alpha": "0.05"}, "alpha"),
    ({"voice": "own"}, "voice"), ({"level": "article"}, "level"), ({"within": "outlet"}, "must differ"),
])
def test_errors(kwargs, message):
    with pytest.raises(ValueError, match=message):
        omissions(_corpus(STRATIFIED), ACTORS, **kwargs)


SEED = sorted(glob.glob(str(Path(__file__).resolve().parents[3] / "shared" / "seed-article-*.txt")))


@pytest.mark.skipif(not SEED, reason="../shared seed article not available")
def test_the_seed_article_as_an_eighth_outlet():
    corpus = framing.load_example("rafah")
    folder = framing.datasets.example_path("rafah")
    title, _, body = Path(SEED[0]).read_text(encoding="utf-8").partition("\n")
    arts = corpus.articles
    seed = {"doc_id": "seed", "outlet": "Seed", "title": title.strip(), "text": body.strip(),
            "event": arts["event"].iloc[0]}
    c = load_corpus(pd.concat([arts, pd.DataFrame([seed])], ignore_index=True))
    res = omissions(c, folder / "actors.json", folder / "concepts.json").set_index(["outlet", "item"])
    for actor in ("Hamas", "Palestinian civilians"):
        assert res.loc[("Seed", actor), "omitted"], actor
        assert res.loc[("Seed", actor), "basis"] == "never mentions"
    labels = framing.label_choices(c, folder / "concepts.json", level="mention")
    incursion = labels[(labels["doc_id"] == "seed") & (labels["label"] == "incursion")]
    assert incursion["stance"].tolist() == ["rejected"]  # "rather than endorsing a full-scale incursion"
    terms = framing.distinctive_terms(c, n_resamples=0)
    seed_terms = set(terms[terms["outlet"] == "Seed"]["term"])
    assert "us" not in seed_terms and "US" in seed_terms


def test_within_an_item_is_compared_on_the_events_the_others_mention_it_in():
    rows = [
        ("a1", "A", "visit", "The mayor met the king."), ("a2", "A", "storm", "Rain flooded the town."),
        ("b1", "B", "visit", "The mayor met the king. Protesters waited."),
        ("b2", "B", "storm", "Rain flooded the town."),
        ("c1", "C", "visit", "Protesters lined the route as the king arrived."),
        ("c2", "C", "storm", "The town flooded."),
        ("d1", "D", "visit", "Protesters booed the king."),
    ]
    res = omissions(_corpus(rows), within="event", terms=True).set_index(["outlet", "item"])
    row = res.loc[("A", "protesters")]
    # compared on the visit only (where B and C both mention protesters), not diluted by the storm
    assert (row["n_events"], row["n_articles"], row["n_other"], row["n_other_mentioning"]) == (1, 1, 3, 3)
    assert row["omitted"] and row["basis"] == "never mentions"
    assert row["p_value"] == pytest.approx(1 / 4)  # visit: N = 4, K = 3, n = 1 -> P(X = 0) = 1/4
    # two of three other articles sharing a word ("flooded" in the storm) is no consensus
    assert not res.loc[("A", "king"), "omitted"]
