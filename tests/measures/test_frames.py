import json

import numpy as np
import pandas as pd
import pytest

from framing import load_corpus
from framing._nlp.match import singular
from framing._nlp.text import fold, tokenize_pattern
from framing.lexicons import list_lexicons, load_lexicon
from framing.measures._stats import bh_fdr
from framing.measures.frames import (
    ARTICLE_COLUMNS,
    GROUP_COLUMNS,
    MENTION_COLUMNS,
    OTHER,
    SENTENCE_COLUMNS,
    frames,
)
from tests.conftest import needs_shared_data

MFC_DIMENSIONS = [
    "economic",
    "capacity_and_resources",
    "morality",
    "fairness_and_equality",
    "legality",
    "policy_prescription",
    "crime_and_punishment",
    "security_and_defense",
    "health_and_safety",
    "quality_of_life",
    "cultural_identity",
    "public_opinion",
    "political",
    "external_regulation",
]

TOY = {
    "economy": ["tariff", "cost*", "jobs"],
    "law": ["court", "judge", "rule of law"],
    "security": ["border security", "troops"],
}


@pytest.fixture
def toy():
    return load_corpus(
        [
            {
                "outlet": "A",
                "title": "Tariffs cost jobs",
                "text": "The court heard the case. Troops guard the border.",
            },
            {
                "outlet": "A",
                "title": "Quiet day",
                "text": "Nothing happened. The judge spoke about the rule of law.",
            },
            {
                "outlet": "B",
                "title": "Border security first",
                "text": "More troops arrived. Costs rose.",
            },
            {"outlet": "B", "title": "Courts and costs", "text": "The court ruled."},
        ]
    )


def _plain(texts_by_outlet):
    rows = [{"outlet": o, "text": t} for o, texts in texts_by_outlet.items() for t in texts]
    return load_corpus(rows)


# -- the bundled dictionary ---------------------------------------------------------


def test_bundled_dictionary_parses_with_the_14_named_dimensions_in_codebook_order():
    assert "frames_mfc" in list_lexicons()
    lex = load_lexicon("frames_mfc")
    assert list(lex.columns) == ["term", "category", "weight"]
    assert list(dict.fromkeys(lex["category"])) == MFC_DIMENSIONS
    assert OTHER not in set(lex["category"])  # the 15th dimension is the residue


def test_bundled_dictionary_has_15_dimensions_in_the_output(toy):
    out = frames(toy, level="article")
    assert list(dict.fromkeys(out["frame"])) == [*MFC_DIMENSIONS, OTHER]


def test_bundled_dictionary_entries_are_unique_normalised_and_sized():
    lex = load_lexicon("frames_mfc")
    assert not lex.duplicated(["term", "category"]).any()
    for term in lex["term"]:
        assert term == fold(term).strip() and " ".join(term.split()) == term, term
        assert tokenize_pattern(term), term
    assert set(lex["weight"]) <= {0.5, 1.0}
    sizes = lex.groupby("category").size()
    assert sizes.between(40, 150).all(), sizes.to_dict()

    # no two entries of one dimension collapse to the same pattern once the
    # matcher's singular is applied (they would be redundant)
    def key(term):
        toks = tokenize_pattern(term)
        last = toks[-1] if "*" in toks[-1] else singular(toks[-1])
        return (*toks[:-1], last)

    keys = lex.assign(key=lex["term"].map(key))
    assert not keys.duplicated(["key", "category"]).any()


@pytest.mark.parametrize(
    ("text", "frame"),
    [
        ("The tariffs hurt farmers and raised prices for consumers.", "economic"),
        ("The judge ruled the ban unconstitutional.", "legality"),
        (
            "Troops and missiles massed near the front as the military prepared.",
            "security_and_defense",
        ),
        ("Hospitals filled with patients as the virus spread.", "health_and_safety"),
        ("Protesters rallied and a new poll showed public anger.", "public_opinion"),
        ("Senate Republicans and Democrats fought over the election.", "political"),
        ("Diplomats met at the summit to discuss the treaty with allies.", "external_regulation"),
        ("Police arrested the suspect and prosecutors filed charges.", "crime_and_punishment"),
        ("The weather was mild.", OTHER),
    ],
)
def test_bundled_dictionary_recognises_plain_cases(text, frame):
    corpus = _plain({"A": [text]})
    out = frames(corpus, level="article")
    assert out.loc[out["dominant"], "frame"].tolist() == [frame]


def test_default_and_explicit_bundled_names_agree(toy):
    a = frames(toy, level="article")
    b = frames(toy, "frames_mfc", level="article")
    pd.testing.assert_frame_equal(a, b)


# -- known answers on a toy corpus ----------------------------------------------------


def test_article_level_known_answers(toy):
    out = frames(toy, TOY, level="article")
    assert list(out.columns) == list(ARTICLE_COLUMNS)
    assert isinstance(out.index, pd.RangeIndex)
    assert out["frame"].tolist() == ["economy", "law", "security", OTHER] * 4
    get = out.set_index(["doc_id", "frame"])
    # a-1: headline 3 economy terms; "court"; "troops" ("border" alone is no term)
    assert get.loc[("a-1", "economy"), ["sentences", "count", "tokens"]].tolist() == [1, 3, 3]
    assert get.loc["a-1", "share"].tolist() == pytest.approx([1 / 3, 1 / 3, 1 / 3, 0])
    assert get.loc["a-1", "token_share"].tolist() == pytest.approx([3 / 12, 1 / 12, 1 / 12, 0])
    # a-2: two sentences without terms, "judge" + "rule of law" in one
    assert get.loc["a-2", "share"].tolist() == pytest.approx([0, 1 / 3, 0, 2 / 3])
    assert get.loc[("a-2", "law"), ["count", "tokens", "n_tokens"]].tolist() == [2, 4, 12]
    # b-1: "border security" (two tokens) and "troops"; "Costs" by the glob
    assert get.loc["b-1", "share"].tolist() == pytest.approx([1 / 3, 0, 2 / 3, 0])
    assert get.loc["b-1", "token_share"].tolist() == pytest.approx([1 / 8, 0, 3 / 8, 0])
    # b-2: "Courts" matches "court" (plural), "costs" the glob
    assert get.loc["b-2", "share"].tolist() == pytest.approx([1 / 2, 1, 0, 0])
    assert get.loc["b-2", "n_sentences"].iloc[0] == 2
    dominant = out.loc[out["dominant"], ["doc_id", "frame"]].values.tolist()
    # a-1 ties at one sentence each; economy has the largest summed weight (3)
    assert dominant == [["a-1", "economy"], ["a-2", "law"], ["b-1", "security"], ["b-2", "law"]]
    assert out.groupby("doc_id")["dominant"].sum().eq(1).all()


def test_group_level_known_answers(toy):
    out = frames(toy, TOY, n_resamples=200, random_state=0)
    assert list(out.columns) == ["outlet", *GROUP_COLUMNS]
    assert out["outlet"].tolist() == ["A"] * 4 + ["B"] * 4
    get = out.set_index(["outlet", "frame"])
    assert get.loc["A", "estimate"].tolist() == pytest.approx([1 / 6, 1 / 3, 1 / 6, 1 / 3])
    assert get.loc["B", "estimate"].tolist() == pytest.approx([5 / 12, 1 / 2, 1 / 3, 0])
    assert get.loc["A", "sentences"].tolist() == [1, 2, 1, 2]
    assert get.loc["A", "count"].tolist() == [3, 3, 1, 0]
    assert get.loc["B", "n_sentences"].tolist() == [5] * 4
    assert get.loc["A", "n_articles"].tolist() == [2] * 4
    assert get.loc["A", "dominant_share"].tolist() == [0.5, 0.5, 0, 0]
    assert get.loc["B", "dominant_share"].tolist() == [0, 0.5, 0.5, 0]
    assert get.loc["A", "token_share"].tolist() == pytest.approx(
        [3 / 24, (1 / 12 + 4 / 12) / 2, 1 / 24, 0]
    )
    assert (out["ci_low"] <= out["estimate"] + 1e-12).all()
    assert (out["estimate"] <= out["ci_high"] + 1e-12).all()
    # the same p and q on every row of a dimension
    assert out.groupby("frame")["p_value"].nunique(dropna=False).eq(1).all()
    # two articles per outlet: 6 arrangements of the labels, too few for a test
    assert out["p_value"].isna().all()
    assert out["test"].eq("no test possible: only 6 distinct arrangements of the articles").all()


def test_sentence_level_known_answers(toy):
    out = frames(toy, TOY, level="sentence")
    assert list(out.columns) == list(SENTENCE_COLUMNS)
    assert len(out) == len(toy.sentences()) * 4
    first = out[(out["doc_id"] == "a-1") & (out["sent_id"] == 0)]
    assert first["count"].tolist() == [3, 0, 0, 0]
    assert first["evoked"].tolist() == [True, False, False, False]
    quiet = out[(out["doc_id"] == "a-2") & (out["sent_id"] == 0)]
    assert quiet["evoked"].tolist() == [False, False, False, True]
    assert set(first["sentence"]) == {"Tariffs cost jobs"}


def test_mention_level_is_the_evidence(toy):
    out = frames(toy, TOY, level="mention")
    assert list(out.columns) == list(MENTION_COLUMNS)
    assert len(out) == 13
    for row in out.itertuples():
        assert row.sentence[row.start : row.end] == row.match
    b1 = out[out["doc_id"] == "b-1"]
    assert b1[["frame", "term", "match"]].values.tolist() == [
        ["security", "border security", "Border security"],
        ["security", "troops", "troops"],
        ["economy", "cost*", "Costs"],
    ]
    assert out["evoked"].all()


def test_by_another_column_is_added_after_doc_id(toy):
    arts = toy.articles.assign(side=["left", "right", "left", "right"])
    corpus = load_corpus(arts)
    out = frames(corpus, TOY, by="side", level="article")
    assert list(out.columns[:3]) == ["doc_id", "side", "outlet"]
    grp = frames(corpus, TOY, by="side", n_resamples=0)
    assert grp["side"].tolist() == ["left"] * 4 + ["right"] * 4
    assert grp["p_value"].isna().all() and grp["ci_low"].isna().all()


# -- matching rules -------------------------------------------------------------------


def test_weights_add_up_to_the_threshold():
    table = pd.DataFrame(
        {
            "term": ["tariff", "cost*", "court"],
            "category": ["economy", "economy", "law"],
            "weight": [0.5, 0.5, 2.0],
        }
    )
    corpus = _plain({"A": ["Tariffs hurt. Tariffs cost money. The court sat."]})
    out = frames(corpus, table, level="sentence")
    evoked = out.pivot(index="sent_id", columns="frame", values="evoked")
    assert evoked["economy"].tolist() == [False, True, False]
    assert evoked[OTHER].tolist() == [True, False, False]
    assert evoked["law"].tolist() == [False, False, True]
    weight = out.pivot(index="sent_id", columns="frame", values="weight")
    assert weight["economy"].tolist() == [0.5, 1.0, 0.0]
    mentions = frames(corpus, table, level="mention")
    assert mentions["evoked"].tolist() == [False, True, True, True]


def test_term_under_two_dimensions_counts_for_both():
    corpus = _plain({"A": ["Tariffs won votes."]})
    d = {"economy": ["tariff"], "politics": ["tariff", "vote"]}
    art = frames(corpus, d, level="article").set_index("frame")
    assert art.loc["economy", "count"] == 1 and art.loc["politics", "count"] == 2
    assert art.loc["economy", "tokens"] == 1 and art.loc["politics", "tokens"] == 2
    m = frames(corpus, d, level="mention")
    assert m[["frame", "match"]].values.tolist() == [
        ["economy", "Tariffs"],
        ["politics", "Tariffs"],
        ["politics", "votes"],
    ]


def test_term_repeated_in_one_dimension_counts_once():
    corpus = _plain({"A": ["Tariffs rose."]})
    art = frames(corpus, {"economy": ["tariff", "Tariffs", "tariff"]}, level="article")
    assert art["count"].tolist() == [1, 0]


def test_longest_match_wins_across_dimensions():
    corpus = _plain({"A": ["The death penalty returned after a death."]})
    m = frames(corpus, {"crime": ["death penalty"], "health": ["death"]}, level="mention")
    assert m[["frame", "match"]].values.tolist() == [
        ["crime", "death penalty"],
        ["health", "death"],
    ]


def test_globs_and_multi_word_terms():
    corpus = _plain(
        {"A": ["Terrorists and terrorism.", "Counter terror units.", "The rule of law holds."]}
    )
    d = {"security": ["terror*"], "law": ["rule of law"]}
    m = frames(corpus, d, level="mention")
    assert m["match"].tolist() == ["Terrorists", "terrorism", "terror", "rule of law"]
    assert frames(corpus, {"law": ["rule of law"]}, level="mention")["start"].tolist() == [4]


def test_dominant_tie_goes_to_dictionary_order_then_other():
    corpus = _plain({"A": ["Alpha beta.", "Nothing."]})
    d = {"zulu": ["alpha"], "alpha_frame": ["beta"]}
    art = frames(corpus, d, level="article")
    assert art.loc[art["dominant"], "frame"].tolist() == ["zulu", OTHER]


# -- user dictionaries ----------------------------------------------------------------


def test_dictionary_from_json_yaml_dict_and_dataframe_agree(toy, tmp_path):
    js = tmp_path / "frames.json"
    js.write_text(json.dumps(TOY), encoding="utf-8")
    ym = tmp_path / "frames.yaml"
    ym.write_text(
        "economy: [tariff, 'cost*', jobs]\nlaw:\n  - court\n  - judge\n  - rule of law\n"
        "security: [border security, troops]\n",
        encoding="utf-8",
    )
    table = pd.DataFrame(
        [(t, d) for d, ts in TOY.items() for t in ts], columns=["term", "category"]
    )
    ref = frames(toy, TOY, level="article")
    for source in (js, str(js), ym, table):
        pd.testing.assert_frame_equal(frames(toy, source, level="article"), ref)


def test_malformed_json_names_the_line(toy, tmp_path):
    path = tmp_path / "bad.json"
    path.write_text('{"economy": ["tariff",\n  "cost"\n  "jobs"]}', encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad\.json, line 3.*not valid JSON"):
        frames(toy, path)


def test_malformed_yaml_names_the_line(toy, tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("economy:\n  - tariff\n law: [court\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad\.yaml, line \d+: not valid YAML"):
        frames(toy, path)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "is empty"),
        ("   \n", "is empty"),
        ("economy: []\n", "'economy' has no terms"),
        ("- tariff\n- court\n", "must map each name to a list of terms"),
        ("economy: [tariff, '']\n", "empty or non-text entry"),
    ],
)
def test_empty_or_ill_shaped_yaml_gives_a_clear_error(toy, tmp_path, content, message):
    path = tmp_path / "d.yml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        frames(toy, path)


def test_other_file_types_and_missing_files_are_refused(toy, tmp_path):
    path = tmp_path / "d.tsv"
    path.write_text("term\tcategory\ntariff\teconomy\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"\.json, \.yaml or \.yml"):
        frames(toy, path)
    with pytest.raises(ValueError, match=r"\.json, \.yaml or \.yml"):
        frames(toy, str(path))
    with pytest.raises(ValueError, match="does not exist"):
        frames(toy, tmp_path / "missing.json")


def test_term_without_letters_in_a_file_names_the_file_and_dimension(toy, tmp_path):
    path = tmp_path / "d.yaml"
    path.write_text("economy: [tariff, '***']\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"d\.yaml \('economy'\): term '\*\*\*' needs letters"):
        frames(toy, path)


@pytest.mark.parametrize(
    ("table", "message"),
    [
        (pd.DataFrame({"term": ["tariff"]}), r"lacks column\(s\) \['category'\]"),
        (pd.DataFrame({"term": [], "category": []}), "is empty"),
        (pd.DataFrame({"term": ["tariff", None], "category": ["e", "e"]}), "row 1"),
        (
            pd.DataFrame({"term": ["tariff"], "category": ["e"], "weight": [0]}),
            "weight must be a positive",
        ),
        (
            pd.DataFrame({"term": ["tariff"], "category": ["e"], "weight": ["x"]}),
            "weight must be a positive",
        ),
        (pd.DataFrame({"term": ["***"], "category": ["e"]}), "needs letters or digits"),
        (pd.DataFrame({"term": ["misc"], "category": ["Other"]}), "residual dimension"),
    ],
)
def test_bad_tables_give_a_clear_error(toy, table, message):
    with pytest.raises(ValueError, match=message):
        frames(toy, table)


def test_missing_weight_means_one(toy):
    table = pd.DataFrame(
        {"term": ["tariff", "court"], "category": ["economy", "law"], "weight": [np.nan, 0.5]}
    )
    out = frames(toy, table, level="mention")
    assert out.groupby("frame")["weight"].first().to_dict() == {"economy": 1.0, "law": 0.5}


def test_edited_bundled_table_is_accepted(toy):
    lex = load_lexicon("frames_mfc")
    # a-2 evokes legality in one sentence with weight 2 ("judge", "rule of law"); a
    # headline term of weight 3 ties on sentences and wins on weight
    lex = pd.concat(
        [
            lex,
            pd.DataFrame({"term": ["quiet day"], "category": ["public_opinion"], "weight": [3.0]}),
        ]
    )
    out = frames(toy, lex, level="article")
    assert out.loc[out["dominant"] & (out["doc_id"] == "a-2"), "frame"].tolist() == [
        "public_opinion"
    ]


# -- statistics -----------------------------------------------------------------------


def test_bootstrap_is_deterministic(toy):
    a = frames(toy, TOY, n_resamples=300, random_state=7)
    b = frames(toy, TOY, n_resamples=300, random_state=7)
    pd.testing.assert_frame_equal(a, b)
    c = frames(toy, TOY, n_resamples=300, random_state=np.random.default_rng(7))
    pd.testing.assert_frame_equal(a, c)
    d = frames(toy, TOY, n_resamples=300, random_state=8)
    pd.testing.assert_series_equal(a["estimate"], d["estimate"])


def test_permutation_test_and_bh_across_dimensions():
    corpus = _plain({"A": ["Tariffs rose."] * 4, "B": ["Nothing here."] * 4})
    out = frames(
        corpus, {"economy": ["tariff"], "law": ["court"]}, n_resamples=2000, random_state=0
    )
    p = out.drop_duplicates("frame").set_index("frame")["p_value"]
    # exact p for a perfect split of 4 + 4 articles: 2 / C(8, 4) = 0.029
    assert p["economy"] == pytest.approx(2 / 70, abs=0.012)
    assert p["law"] == 1.0  # no article uses the dimension
    assert p[OTHER] == pytest.approx(p["economy"])
    q = out.drop_duplicates("frame")["q_value"].to_numpy()
    np.testing.assert_allclose(q, bh_fdr(p.to_numpy()))
    a = out[out["outlet"] == "A"].set_index("frame")
    assert a.loc["economy", ["estimate", "ci_low", "ci_high"]].tolist() == [1.0, 1.0, 1.0]


# -- errors ---------------------------------------------------------------------------


def test_unknown_dictionary_name_lists_the_bundled_ones(toy):
    with pytest.raises(ValueError, match=r"unknown dictionary 'mfx'.*mfc.*frames_mfc"):
        frames(toy, "mfx")


def test_one_group_cannot_be_compared(toy):
    one = toy.filter(outlets=["A"])
    with pytest.raises(ValueError, match=r"two or more values of `by` \('outlet'\), but the corpus has only 'A'"):
        frames(one, TOY)
    assert len(frames(one, TOY, level="article")) == 8


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"level": "outlet"}, ValueError, "value for `level` must be one of"),
        ({"by": "source"}, ValueError, "value for `by` must be a column.*'source' was passed"),
        ({"n_resamples": -1}, ValueError, "n_resamples"),
        ({"ci": 95}, ValueError, "value for `ci` must be between 0 and 1"),
        ({"dictionary": 3}, TypeError, "dictionary must be"),
    ],
)
def test_bad_arguments(toy, kwargs, error, message):
    with pytest.raises(error, match=message):
        frames(toy, **kwargs)


def test_corpus_must_be_a_corpus():
    with pytest.raises(TypeError, match="framing.Corpus"):
        frames(["text"], TOY)


# -- real data ------------------------------------------------------------------------


@needs_shared_data
def test_newswcl50_tariff_event_is_economic_and_coverage_is_reasonable():
    from tests.shared_data import newswcl50_articles

    corpus = load_corpus(newswcl50_articles().drop(columns=["gold_starts"]))
    sents = frames(corpus, level="sentence")
    coverage = 1 - sents.loc[sents["frame"] == OTHER, "evoked"].mean()
    assert 0.5 < coverage < 0.9
    arts = frames(corpus, by="event", level="article")
    tariffs = arts[(arts["event"] == 7) & arts["dominant"]]
    assert (tariffs["frame"] == "economic").sum() >= 4
