import numpy as np
import pandas as pd
import pytest

from framing import load_corpus
from framing._nlp.text import tokenize, tokenize_pattern
from framing.lexicons import list_lexicons, load_lexicon
from framing.measures._lexmatch import find_terms, resolve_lexicon
from framing.measures.loaded import emotive_terms, loaded_language

BUNDLED = ("emotive", "hedges", "intensifiers")

LEXICON = {
    "violence": ["massacre*", "brutal"],
    "fear": ["chaos", "brutal"],
    "hedge": ["reportedly", "may have", "may"],
}


@pytest.fixture
def toy():
    # token counts: a-1 5 + 4 = 9, a-2 3 + 5 = 8, b-1 7, b-2 6
    return load_corpus(
        [
            {
                "outlet": "A",
                "doc_id": "a-1",
                "text": "Troops staged a brutal raid. Chaos followed the massacres.",
            },
            {
                "outlet": "A",
                "doc_id": "a-2",
                "text": "Officials reportedly left. Nothing else happened here today.",
            },
            {"outlet": "B", "doc_id": "b-1", "text": "The talks may have failed in May."},
            {"outlet": "B", "doc_id": "b-2", "text": "Quiet day in the capital city."},
        ]
    )


# -- bundled lexicons ---------------------------------------------------------------


def test_bundled_lexicons_are_listed():
    assert set(BUNDLED) <= set(list_lexicons())


@pytest.mark.parametrize("name", BUNDLED)
def test_bundled_lexicon_parses_and_is_normalised(name):
    table = load_lexicon(name)
    assert list(table.columns) == ["term", "category", "weight"]
    assert not table.duplicated(["term", "category"]).any()
    assert table["weight"].between(1, 3).all()
    assert (table["category"].str.strip() != "").all()
    for term in table["term"]:
        assert " ".join(tokenize_pattern(term)) == term, term
        assert term == term.lower()


@pytest.mark.parametrize("name", BUNDLED)
def test_bundled_terms_match_themselves(name):
    # every glob-free entry, written out as text, is found whole and as itself
    # (no other entry shadows it)
    lex = resolve_lexicon(name)
    for k, phrase in enumerate(lex.patterns.phrases):
        if "*" in phrase or "?" in phrase:
            continue
        words = tokenize(phrase)
        assert find_terms(lex, words) == [(k, 0, len(words))], phrase


def test_lexicon_sizes():
    sizes = {n: len(load_lexicon(n)) for n in BUNDLED}
    assert sizes["emotive"] >= 500
    assert sizes["hedges"] >= 30 and sizes["intensifiers"] >= 30
    assert load_lexicon("emotive")["category"].nunique() >= 10


# -- loaded_language: known answers ---------------------------------------------------


def test_article_counts_and_rates(toy):
    t = loaded_language(toy, lexicon=LEXICON, level="article")
    assert list(t.columns) == ["doc_id", "outlet", "category", "count", "n_tokens", "rate"]
    assert isinstance(t.index, pd.RangeIndex)
    wide = t.pivot(index="doc_id", columns="category", values="count")
    assert wide.loc["a-1"].to_dict() == {"all": 3, "violence": 2, "fear": 2, "hedge": 0}
    assert wide.loc["a-2"].to_dict() == {"all": 1, "violence": 0, "fear": 0, "hedge": 1}
    # "may have" once; "in May" is the month
    assert wide.loc["b-1"].to_dict() == {"all": 1, "violence": 0, "fear": 0, "hedge": 1}
    assert wide.loc["b-2"].sum() == 0
    tokens = t.groupby("doc_id")["n_tokens"].first().to_dict()
    assert tokens == {"a-1": 9, "a-2": 8, "b-1": 7, "b-2": 6}
    alls = t[t["category"] == "all"].set_index("doc_id")["rate"]
    np.testing.assert_allclose(alls.to_numpy(), [3000 / 9, 1000 / 8, 1000 / 7, 0])
    assert t["category"].iloc[:4].tolist() == ["all", "violence", "fear", "hedge"]


def test_sentence_level(toy):
    t = loaded_language(toy, lexicon=LEXICON, level="sentence", per=100)
    first = t[(t["doc_id"] == "a-1") & (t["sent_id"] == 1)].set_index("category")
    assert first.loc["all", "count"] == 2 and first.loc["all", "n_tokens"] == 4
    assert first.loc["all", "rate"] == pytest.approx(50.0)
    assert first.loc["violence", "count"] == 1 and first.loc["fear", "count"] == 1
    assert list(t.columns[:4]) == ["doc_id", "outlet", "sent_id", "section"]


def test_group_level(toy):
    t = loaded_language(toy, lexicon=LEXICON, n_resamples=200, random_state=0)
    assert list(t.columns) == [
        "outlet",
        "category",
        "count",
        "n_tokens",
        "estimate",
        "ci_low",
        "ci_high",
        "ci_note",
        "n_articles",
        "p_value",
        "q_value",
        "test",
    ]
    g = t.set_index(["outlet", "category"])
    assert g.loc[("A", "all"), "count"] == 4 and g.loc[("A", "all"), "n_tokens"] == 17
    assert g.loc[("A", "all"), "estimate"] == pytest.approx(4000 / 17)
    assert g.loc[("B", "all"), "estimate"] == pytest.approx(1000 / 13)
    assert g.loc[("A", "violence"), "estimate"] == pytest.approx(2000 / 17)
    assert g.loc[("B", "violence"), "estimate"] == 0
    assert (t["n_articles"] == 2).all()
    row = g.loc[("A", "all")]
    assert row["ci_low"] <= row["estimate"] <= row["ci_high"]
    assert t["p_value"].isna().all()  # 2 + 2 articles: 6 arrangements, too few for a test
    assert t["test"].str.startswith("no test possible").all()
    assert t["outlet"].tolist() == ["A"] * 4 + ["B"] * 4


def test_weighted_rates():
    corpus = load_corpus([{"outlet": "A", "text": "A brutal raid and a massacre."}])
    lex = pd.DataFrame({"term": ["brutal", "massacre"], "category": ["v", "v"], "weight": [2, 3]})
    t = loaded_language(corpus, lexicon=lex, level="article", weighted=True, per=1)
    # 6 tokens: (2 + 3) / 6
    assert t.set_index("category").loc["v", "rate"] == pytest.approx(5 / 6)
    assert t.set_index("category").loc["v", "count"] == 2


def test_mentions_are_the_evidence(toy):
    ev = loaded_language(toy, lexicon=LEXICON, level="mention")
    assert list(ev.columns) == [
        "doc_id",
        "outlet",
        "sent_id",
        "section",
        "category",
        "term",
        "match",
        "weight",
        "start",
        "end",
        "in_quote",
        "voice",
        "sentence",
    ]
    assert ev[["match", "category"]].values.tolist() == [
        ["brutal", "violence"],
        ["brutal", "fear"],
        ["Chaos", "fear"],
        ["massacres", "violence"],
        ["reportedly", "hedge"],
        ["may have", "hedge"],
    ]
    for row in ev.itertuples():
        assert row.sentence[row.start : row.end] == row.match
    # the mention table adds up to the article counts
    art = loaded_language(toy, lexicon=LEXICON, level="article")
    per_cat = ev.groupby("category").size()
    assert art.groupby("category")["count"].sum()[per_cat.index].tolist() == per_cat.tolist()


def test_multiword_glob_and_exact_entries():
    corpus = load_corpus(
        [
            {
                "outlet": "A",
                "text": "They called them savages after a savage act of collateral damage.",
            }
        ]
    )
    lex = {
        "violence": ["savage", "slaughter*"],
        "dehumanisation": ["savages"],
        "euphemism": ["collateral damage"],
    }
    ev = loaded_language(corpus, lexicon=lex, level="mention")
    assert ev[["match", "category"]].values.tolist() == [
        ["savages", "dehumanisation"],
        ["savage", "violence"],
        ["collateral damage", "euphemism"],
    ]


def test_may_is_not_the_month_or_the_name():
    corpus = load_corpus(
        [
            {
                "outlet": "A",
                "title": "Prices May Rise",
                "text": "Theresa May said prices may rise in May. May 7 was calm.",
            },
        ]
    )
    ev = loaded_language(corpus, lexicon={"modal": ["may"]}, level="mention")
    assert ev[["section", "match"]].values.tolist() == [["headline", "May"], ["lede", "may"]]


def test_sections_and_bundled_hedges(toy):
    t = loaded_language(toy, lexicon="hedges", level="article", sections=["lede"])
    got = t[t["category"] == "all"].set_index("doc_id")["count"].to_dict()
    assert got == {"a-1": 0, "a-2": 1, "b-1": 1, "b-2": 0}
    emo = loaded_language(toy, level="mention")
    assert {"brutal", "Chaos", "massacres"} <= set(emo["match"])


def test_by_another_column():
    corpus = load_corpus(
        [
            {"outlet": "A", "side": "x", "text": "A brutal raid."},
            {"outlet": "B", "side": "x", "text": "A calm day."},
            {"outlet": "C", "side": "y", "text": "Calm again."},
        ]
    )
    t = loaded_language(corpus, lexicon=LEXICON, by="side", n_resamples=50, random_state=1)
    assert t["side"].unique().tolist() == ["x", "y"]
    art = loaded_language(corpus, lexicon=LEXICON, by="side", level="article")
    assert list(art.columns[:3]) == ["doc_id", "side", "category"]


def test_bootstrap_is_deterministic(toy):
    a = loaded_language(toy, lexicon=LEXICON, n_resamples=100, random_state=7)
    b = loaded_language(toy, lexicon=LEXICON, n_resamples=100, random_state=7)
    pd.testing.assert_frame_equal(a, b)
    actors = {"troops": ["troops"], "officials": ["officials"]}
    c = emotive_terms(toy, actors, lexicon=LEXICON, n_resamples=100, random_state=7)
    d = emotive_terms(toy, actors, lexicon=LEXICON, n_resamples=100, random_state=7)
    pd.testing.assert_frame_equal(c, d)


# -- errors -------------------------------------------------------------------------------


def test_unknown_lexicon_lists_bundled(toy):
    with pytest.raises(ValueError, match="emotive.*hedges.*intensifiers"):
        loaded_language(toy, lexicon="emotiv")


def test_bad_lexicon_frames(toy):
    with pytest.raises(ValueError, match="'category'"):
        loaded_language(toy, lexicon=pd.DataFrame({"term": ["brutal"], "kind": ["v"]}))
    with pytest.raises(ValueError, match="repeated"):
        loaded_language(
            toy, lexicon=pd.DataFrame({"term": ["brutal", "Brutal"], "category": ["v", "v"]})
        )
    with pytest.raises(ValueError, match="row 1: weight"):
        loaded_language(
            toy,
            lexicon=pd.DataFrame({"term": ["a", "b"], "category": ["v", "v"], "weight": [1, "x"]}),
        )
    with pytest.raises(ValueError, match="row 0: term"):
        loaded_language(toy, lexicon=pd.DataFrame({"term": ["--"], "category": ["v"]}))
    with pytest.raises(ValueError, match="no terms"):
        loaded_language(toy, lexicon={"v": []})
    with pytest.raises(TypeError, match="bundled lexicon name"):
        loaded_language(toy, lexicon=42)


def test_one_outlet_cannot_be_compared():
    corpus = load_corpus(
        [{"outlet": "A", "text": "A brutal raid."}, {"outlet": "A", "text": "Calm."}]
    )
    with pytest.raises(ValueError, match="two or more values of `by`"):
        loaded_language(corpus, lexicon=LEXICON)
    t = loaded_language(corpus, lexicon=LEXICON, test=False, n_resamples=50, random_state=0)
    assert t["p_value"].isna().all() and len(t) == 4


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"level": "word"}, "value for `level` must be one of .*'word' was passed"),
        ({"by": "nope"}, "value for `by` must be a column.*'nope' was passed"),
        ({"sections": ["intro"]}, "sections"),
        ({"per": 0}, "per must be"),
    ],
)
def test_bad_arguments(toy, kwargs, message):
    with pytest.raises(ValueError, match=message):
        loaded_language(toy, lexicon=LEXICON, **kwargs)


def test_actor_errors(toy):
    with pytest.raises(ValueError, match="no aliases"):
        emotive_terms(toy, {"army": []}, lexicon=LEXICON)
    with pytest.raises(ValueError, match="window"):
        emotive_terms(toy, {"army": ["troops"]}, lexicon=LEXICON, window=-1)
    with pytest.raises(ValueError, match="attribution"):
        emotive_terms(toy, {"army": ["troops"]}, lexicon=LEXICON, attribution="first")
    with pytest.raises(ValueError, match="unit"):
        emotive_terms(toy, {"army": ["troops"]}, lexicon=LEXICON, unit="word")
    with pytest.raises(ValueError, match="value for `level` must be one of .*'sentence' was passed"):
        emotive_terms(toy, {"army": ["troops"]}, lexicon=LEXICON, level="sentence")


# -- emotive_terms: attribution to actors ------------------------------------------------------

ACTORS = {"army": ["soldiers", "the army"], "protesters": ["protesters"]}
ACT_LEX = {"violence": ["brutal", "massacre"], "label": ["terrorist"]}


def _corpus(*texts, outlet="A"):
    return load_corpus([{"outlet": outlet, "text": t} for t in texts])


def test_nearest_actor_gets_the_word():
    # soldiers(0) fired on the protesters(4) in a brutal(7) massacre(8)
    c = _corpus("Soldiers fired on the protesters in a brutal massacre.")
    ev = emotive_terms(c, ACTORS, lexicon=ACT_LEX, level="mention")
    assert ev[["match", "actor", "distance", "shared"]].values.tolist() == [
        ["brutal", "protesters", 3, False],
        ["massacre", "protesters", 4, False],
    ]
    assert ev["actor_match"].tolist() == ["protesters", "protesters"]


def test_all_attribution_and_window():
    c = _corpus("Soldiers fired on the protesters in a brutal massacre.")
    ev = emotive_terms(c, ACTORS, lexicon=ACT_LEX, level="mention", attribution="all")
    assert ev[["match", "actor", "distance", "shared"]].values.tolist() == [
        ["brutal", "army", 7, True],
        ["brutal", "protesters", 3, True],
        ["massacre", "army", 8, True],
        ["massacre", "protesters", 4, True],
    ]
    near = emotive_terms(c, ACTORS, lexicon=ACT_LEX, level="mention", window=3)
    assert near[["match", "actor"]].values.tolist() == [["brutal", "protesters"]]


def test_tie_is_shared_and_overlap_is_distance_zero():
    # the army(1-2) staged a brutal(4) raid near protesters(7): 3 tokens either side
    c = _corpus(
        "The army staged a brutal raid near protesters.", "Protesters called soldiers terrorists."
    )
    ev = emotive_terms(c, {**ACTORS, "militants": ["terrorists"]}, lexicon=ACT_LEX, level="mention")
    assert ev[["match", "actor", "distance", "shared"]].values.tolist() == [
        ["brutal", "army", 3, True],
        ["brutal", "protesters", 3, True],
        ["terrorists", "militants", 0, False],
    ]


def test_actor_counts_and_rates_per_mention():
    corpus = load_corpus(
        [
            {
                "outlet": "A",
                "text": "Protesters faced a brutal massacre. Protesters marched. The army waited.",
            },
            {"outlet": "A", "text": "Protesters rested."},
            {"outlet": "B", "text": "The army carried out a massacre. Soldiers left."},
            {"outlet": "B", "text": "The army rested. Protesters rested."},
        ]
    )
    t = emotive_terms(corpus, ACTORS, lexicon=ACT_LEX, n_resamples=200, random_state=0)
    assert list(t.columns) == [
        "outlet",
        "actor",
        "category",
        "term",
        "count",
        "n_shared",
        "n_mentions",
        "estimate",
        "ci_low",
        "ci_high",
        "n_articles",
    ]
    g = t.set_index(["outlet", "actor", "term"])
    # terrorist never occurs: only the terms seen are kept
    assert t["term"].unique().tolist() == ["brutal", "massacre"]
    assert g.loc[("A", "protesters", "massacre"), "count"] == 1
    assert g.loc[("A", "protesters", "massacre"), "n_mentions"] == 3
    assert g.loc[("A", "protesters", "massacre"), "estimate"] == pytest.approx(100 / 3)
    assert g.loc[("A", "protesters", "massacre"), "n_articles"] == 2
    assert g.loc[("A", "army", "massacre"), "count"] == 0
    assert g.loc[("A", "army", "massacre"), "n_articles"] == 1
    assert g.loc[("B", "army", "massacre"), "count"] == 1
    assert g.loc[("B", "army", "massacre"), "n_mentions"] == 3
    assert g.loc[("B", "army", "massacre"), "estimate"] == pytest.approx(100 / 3)
    assert g.loc[("B", "protesters", "brutal"), "count"] == 0
    assert t["outlet"].tolist() == ["A"] * 4 + ["B"] * 4
    art = emotive_terms(corpus, ACTORS, lexicon=ACT_LEX, level="article")
    # article a-2 mentions only the protesters
    assert art[art["doc_id"] == "a-2"]["actor"].unique().tolist() == ["protesters"]
    cats = emotive_terms(corpus, ACTORS, lexicon=ACT_LEX, unit="category", level="article")
    row = cats[(cats["doc_id"] == "a-1") & (cats["actor"] == "protesters")].set_index("category")
    assert row["count"].to_dict() == {"all": 2, "violence": 2, "label": 0}
    assert row["rate"]["all"] == pytest.approx(100.0)


def test_actor_never_mentioned_gives_nan_estimates():
    c = load_corpus(
        [
            {"outlet": "A", "text": "Protesters faced a brutal raid."},
            {"outlet": "B", "text": "A quiet day."},
        ]
    )
    t = emotive_terms(c, ACTORS, lexicon=ACT_LEX, n_resamples=10, random_state=0)
    army = t[t["actor"] == "army"]
    assert army["estimate"].isna().all() and (army["n_articles"] == 0).all()
    assert (army["count"] == 0).all()


def test_bundled_emotive_with_actors_smoke():
    c = _corpus("Soldiers carried out a horrific massacre, and protesters were slaughtered.")
    ev = emotive_terms(c, ACTORS, level="mention")
    assert set(ev["match"]) == {"horrific", "massacre", "slaughtered"}
    assert ev.set_index("match").loc["slaughtered", "actor"] == "protesters"


# -- real data ---------------------------------------------------------------------------------

from tests.conftest import needs_shared_data  # noqa: E402


@needs_shared_data
def test_babe_lexicon_beats_vader_and_chance():
    from tests.scripts import run_validation

    c = run_validation("loaded_language_auc", "--rows", "1500", "--n-resamples", "50", "--json")
    assert c["low"] <= c["auc"] <= c["high"]
    assert c["auc"] > 0.58 and c["auc"] > c["vader_auc"]
    assert c["biased_share_in_lexicon"] > 5 * c["biased_share"]
