import numpy as np
import pandas as pd
import pytest

from framing import load_corpus
from framing._nlp.english import reporting_forms, reporting_verbs
from framing._nlp.match import PatternSet
from framing._nlp.quotes import extract, match_actors, quoted_spans
from framing.lexicons import list_lexicons, load_lexicon
from framing.measures._mentions import find_mentions, mark_in_quote
from framing.measures.quotes import QUOTE_COLUMNS, quotes
from tests.conftest import needs_shared_data


def one(text, **kw):
    rows = extract(text, **kw)
    assert len(rows) == 1, rows
    return rows[0]


def kinds(text, **kw):
    return [(r["kind"], r["quote"]) for r in extract(text, **kw)]


# --- quotation marks ---------------------------------------------------------------


def test_straight_quotes_with_speaker_after():
    text = '"We will win," Smith said.'
    r = one(text)
    assert (r["kind"], r["quote"], r["speaker"], r["verb"], r["lemma"], r["category"]) == (
        "direct", "We will win,", "Smith", "said", "say", "neutral",
    )
    assert text[r["start"] : r["end"]] == "We will win,"
    assert (r["start"], r["end"], r["n_words"], r["unclosed"]) == (1, 13, 3, False)


def test_curly_quotes_inverted_attribution_with_appositive():
    r = one("“We will win,” said Anna Berg, a spokeswoman for the ministry.")
    assert (r["kind"], r["quote"], r["speaker"], r["appositive"]) == (
        "direct", "We will win,", "Anna Berg", "a spokeswoman for the ministry",
    )


def test_speaker_before_with_appositive_and_colon():
    r = one('Anna Berg, a spokeswoman for the ministry, said: "We are ready."')
    assert (r["kind"], r["speaker"], r["verb"]) == ("direct", "Anna Berg", "said")
    r = one('The ministry\'s spokeswoman, Anna Berg, told reporters: "We are ready."')
    assert r["speaker"] == "Anna Berg"


def test_quote_spanning_sentences():
    text = "“We tried. We failed,” she said."
    r = one(text)
    assert r["quote"] == "We tried. We failed,"
    assert (r["sent"], r["last_sent"]) == (0, 0) or r["last_sent"] >= r["sent"]
    sents = [(0, 0, 11), (0, 12, len(text))]
    r = extract(text, sents)[0]
    assert (r["sent"], r["last_sent"], r["speaker"]) == (0, 1, "she")


def test_quote_continued_into_next_paragraph():
    text = "The minister said:\n\n“First we wait.\n\n“Then we act.”\n\nAid arrived later."
    r = one(text)
    assert r["kind"] == "direct"
    assert r["quote"] == "First we wait. Then we act."
    assert text[r["start"] : r["end"]] == "First we wait.\n\n“Then we act."
    assert (r["unclosed"], r["speaker"], r["verb"]) == (False, "The minister", "said")
    assert quoted_spans(text) == [(r["start"], r["end"])]


def test_nested_single_quotes_stay_inside():
    text = "“He told me, ‘Leave now,’ and I did,” Lind said."
    r = one(text)
    assert (r["quote"], r["speaker"]) == ("He told me, ‘Leave now,’ and I did,", "Lind")


def test_apostrophes_are_not_quotes():
    assert extract("The farmers' union met Israel’s army in the ’90s.") == []
    assert quoted_spans("Don't stop, it's the soldiers' rest.") == []


def test_unclosed_quote_is_closed_at_paragraph_end_and_flagged():
    text = 'He said: "We will not leave\n\nAid arrived.'
    r = one(text)
    assert (r["kind"], r["quote"], r["unclosed"], r["speaker"]) == ("direct", "We will not leave", True, "He")
    # a closing mark with no opening one: the quote began at the paragraph start
    r = one('We will stay," he said.')
    assert (r["quote"], r["unclosed"], r["speaker"]) == ("We will stay,", True, "he")


def test_quote_split_by_its_attribution():
    text = "“We never closed the door,” Brandt said, “but we will not negotiate.”"
    assert [(r["kind"], r["speaker"]) for r in extract(text)] == [("direct", "Brandt"), ("direct", "Brandt")]


def test_follow_on_quote_inherits_speaker():
    text = '"We cannot wait," Doren said. "The court is too slow."'
    rows = extract(text)
    assert [(r["quote"], r["speaker"], r["verb"]) for r in rows] == [
        ("We cannot wait,", "Doren", "said"),
        ("The court is too slow.", "Doren", "said"),
    ]


# --- partial and scare quotes ------------------------------------------------------------


def test_partial_quotes():
    r = one('Berg called the strikes "unacceptable".')
    assert (r["kind"], r["quote"], r["speaker"], r["verb"], r["lemma"]) == (
        "partial", "unacceptable", "Berg", "called", "call",
    )
    r = one("The minister described the operation as “precise”.")
    assert (r["kind"], r["speaker"], r["lemma"]) == ("partial", "The minister", "describe")
    r = one('Lind said the situation was "deteriorating by the hour" in the south.')
    assert (r["kind"], r["quote"], r["speaker"]) == ("partial", "deteriorating by the hour", "Lind")


def test_scare_quotes():
    assert kinds('The so-called "security zone" was expanded.') == [("scare", "security zone")]
    assert kinds('Critics of the "reform" gathered in the square.') == [("scare", "reform")]
    # naming, not speech
    assert kinds('She watched a film called "Rafah" last week.') == [("scare", "Rafah")]
    # one quoted word attributed to a speaker is a partial quote
    assert kinds('Smith called the plan "reckless".') == [("partial", "reckless")]


# --- indirect speech and according to -----------------------------------------------------


@pytest.mark.parametrize(
    "text, speaker, verb, content",
    [
        ("Smith said the talks had failed.", "Smith", "said", "the talks had failed"),
        ("Smith said that the talks had failed.", "Smith", "said", "the talks had failed"),
        ("Smith told reporters the talks had failed.", "Smith", "told", "the talks had failed"),
        ("Smith told reporters on Monday that the talks had failed.", "Smith", "told", "the talks had failed"),
        ("Smith warned that prices would rise.", "Smith", "warned", "prices would rise"),
        ("The talks had failed, Smith said.", "Smith", "said", "The talks had failed"),
        ("The talks had failed, said Smith.", "Smith", "said", "The talks had failed"),
        ("The army denied the allegation.", "The army", "denied", "the allegation"),
    ],
)
def test_indirect_speech(text, speaker, verb, content):
    r = one(text)
    assert (r["kind"], r["speaker"], r["verb"], r["quote"]) == ("indirect", speaker, verb, content)


def test_not_indirect_speech():
    # passive, nouns and infinitives are not attributions
    assert extract("The judge was accused of fraud by the council.") == []
    assert extract("The report was released on Monday.") == []
    assert extract("His claims drew an angry reply.") == []
    assert extract("He had no time to comment on the plan.") == []


def test_according_to():
    r = one("According to the ministry, 20 people died in the strike.")
    assert (r["kind"], r["speaker"], r["verb"], r["quote"]) == (
        "according_to", "the ministry", "According to", "20 people died in the strike",
    )
    assert r["category"] == "neutral"
    r = one("Twenty people died, according to the ministry.")
    assert (r["kind"], r["speaker"], r["quote"]) == ("according_to", "the ministry", "Twenty people died")
    r = one('"The situation is dire," according to the UN envoy.')
    assert (r["kind"], r["speaker"], r["verb"]) == ("direct", "the UN envoy", "according to")


# --- pronouns -------------------------------------------------------------------------------


def test_pronoun_resolved_to_previous_named_speaker():
    text = '"We are ready," said Anna Berg.\n\nThe talks went on.\n\n"We will stay," she said.'
    rows = extract(text)
    assert [(r["speaker"], r["pronoun"], r["unresolved"]) for r in rows] == [
        ("Anna Berg", None, False),
        ("Anna Berg", "she", False),
    ]


def test_pronoun_resolved_to_person_opening_a_sentence():
    text = 'Marta Ilves, 67, had waited three hours. "We have been forgotten," she said.'
    r = one(text)
    assert (r["speaker"], r["pronoun"]) == ("Marta Ilves", "she")


def test_pronoun_kept_and_flagged_when_unresolvable():
    r = one('"We will stay," he said.')
    assert (r["speaker"], r["pronoun"], r["unresolved"]) == ("he", "he", True)
    # organisations are not "he"; "they" is never resolved
    text = 'The ministry said the border was closed. "We will stay," he said. They said it was calm.'
    rows = extract(text)
    assert [(r["speaker"], r["unresolved"]) for r in rows] == [
        ("The ministry", False), ("he", True), ("They", True)
    ]


def test_it_resolved_to_organisation():
    text = "The weather office said rain was unlikely. It forecast a dry summer."
    rows = extract(text)
    assert [(r["speaker"], r["pronoun"]) for r in rows] == [
        ("The weather office", None), ("The weather office", "It")
    ]


# --- headlines --------------------------------------------------------------------------------


def test_headline_speaker_before_colon_and_capitalised_verbs():
    r = one("Brandt: Ostrava ‘ready to talk’ if case dropped", headline=True)
    assert (r["kind"], r["speaker"], r["verb"]) == ("partial", "Brandt", None)
    r = one("Calvera Accuses Ostrava of ‘Blackmail’", headline=True)
    assert (r["kind"], r["speaker"], r["lemma"], r["category"]) == ("partial", "Calvera", "accuse", "accusation")


# --- actors -------------------------------------------------------------------------------------


def test_actor_matching_longest_alias_wins():
    patterns = PatternSet(
        {
            "government": ["Calvera", "Calveran government"],
            "army": ["army chief", "Calveran army"],
            "water": ["Ostrava Water Authority"],
            "ostrava": ["Ostrava"],
        },
        what="alias",
    )
    rows = [
        {"speaker": "Calvera's army chief", "appositive": None},
        {"speaker": "the Ostrava Water Authority", "appositive": None},
        {"speaker": "Anna Berg", "appositive": "a spokeswoman for the Calveran government"},
        {"speaker": "Anna Berg", "appositive": None},
        {"speaker": None, "appositive": None},
    ]
    match_actors(rows, patterns)
    assert [r["actor"] for r in rows] == ["army", "water", "government", None, None]


# --- the lexicon --------------------------------------------------------------------------------


def test_reporting_forms():
    assert reporting_forms("say") == ["say", "says", "said", "saying"]
    assert reporting_forms("admit") == ["admit", "admits", "admitted", "admitting"]
    assert reporting_forms("argue") == ["argue", "argues", "argued", "arguing"]
    assert reporting_forms("agree") == ["agree", "agrees", "agreed", "agreeing"]
    assert reporting_forms("stress") == ["stress", "stresses", "stressed", "stressing"]
    assert reporting_forms("call for") == ["call for", "calls for", "called for", "calling for"]
    # one inflection engine (english.verb_forms) for the whole package
    assert reporting_forms("slam") == ["slam", "slams", "slammed", "slamming"]
    assert reporting_forms("quip")[2] == "quipped" and reporting_forms("rebut")[2] == "rebutted"
    assert {"labeled", "labelled"} <= set(reporting_forms("label"))


def test_reporting_verb_lexicon():
    assert "reporting_verbs" in list_lexicons()
    lex = load_lexicon("reporting_verbs")
    assert list(lex.columns) == ["term", "category", "weight"]
    assert not lex["term"].duplicated().any()
    assert set(lex["weight"]) <= {0.5, 1.0}
    cat = dict(zip(lex["term"], lex["category"], strict=True))
    assert (cat["say"], cat["claim"], cat["admit"], cat["insist"], cat["deny"], cat["accuse"]) == (
        "neutral", "doubt", "concession", "emphasis", "denial", "accusation",
    )
    forms = reporting_verbs()
    assert forms["said"].lemma == "say" and forms["claimed"].category == "doubt"
    assert forms["according to"].category == "neutral"
    # every category is documented
    from importlib import resources

    sources = (resources.files("framing.lexicons") / "data" / "SOURCES.md").read_text(encoding="utf-8")
    for c in set(lex["category"]):
        assert f"`{c}`" in sources


# --- the public function --------------------------------------------------------------------------


def _toy():
    return load_corpus(
        [
            {"doc_id": "a1", "outlet": "A", "text": '"We will rebuild," the mayor said. Aid arrived.'},
            {"doc_id": "a2", "outlet": "A", "text": "The army claimed the town was safe. Aid arrived."},
            {"doc_id": "b1", "outlet": "B", "text": 'Lind admitted the camp was "full". It rained all day.'},
        ]
    )


def test_mention_table_contract():
    corpus = _toy()
    m = quotes(corpus, level="mention")
    assert list(m.columns) == ["doc_id", "outlet", *QUOTE_COLUMNS]
    assert isinstance(m.index, pd.RangeIndex)
    assert m[["doc_id", "kind", "speaker", "lemma", "category"]].values.tolist() == [
        ["a1", "direct", "the mayor", "say", "neutral"],
        ["a2", "indirect", "The army", "claim", "doubt"],
        ["b1", "partial", "Lind", "admit", "concession"],
    ]
    texts = corpus.articles.set_index("doc_id")["text"]
    for r in m.itertuples():
        assert texts[r.doc_id][r.start : r.end] == r.quote
    assert m["sentence"].tolist()[0] == '"We will rebuild," the mayor said.'
    assert quotes(corpus, level="mention", kinds=["partial"])["doc_id"].tolist() == ["b1"]


def test_article_shares_by_hand():
    a = quotes(_toy(), level="article", what="share")
    # a1: 8 words, 3 quoted; a2: 9 words, none in quotation marks; b1: 10 words, 1 quoted
    assert a[["doc_id", "n_words", "quoted_words", "n_quotes", "n_indirect", "n_scare", "n_speakers"]].values.tolist() == [
        ["a1", 8, 3, 1, 0, 0, 1],
        ["a2", 9, 0, 0, 1, 0, 1],
        ["b1", 10, 1, 1, 0, 0, 1],
    ]
    np.testing.assert_allclose(a["share"], [3 / 8, 0, 1 / 10])


def test_group_shares_by_hand():
    g = quotes(_toy(), what="share", n_resamples=0)
    assert g[["outlet", "n_articles", "n_words", "quoted_words", "n_quotes"]].values.tolist() == [
        ["A", 2, 17, 3, 1],
        ["B", 1, 10, 1, 1],
    ]
    np.testing.assert_allclose(g["estimate"], [3 / 17, 1 / 10])
    assert g[["ci_low", "ci_high"]].isna().all().all()
    g1 = quotes(_toy(), what="share", n_resamples=200, random_state=3)
    g2 = quotes(_toy(), what="share", n_resamples=200, random_state=3)
    pd.testing.assert_frame_equal(g1, g2)
    # A's resamples are {a1,a1}: 3/8, {a1,a2}: 3/17, {a2,a2}: 0
    assert 0 <= g1.loc[0, "ci_low"] <= 3 / 17 <= g1.loc[0, "ci_high"] <= 3 / 8
    assert np.isnan(g1.loc[1, "ci_low"])  # one article: no interval


def test_verb_categories_by_hand():
    v = quotes(_toy(), what="verbs", n_resamples=0)
    cats = list(dict.fromkeys(load_lexicon("reporting_verbs")["category"])) + ["(none)"]
    assert v["category"].tolist() == cats * 2
    got = v[v["count"] > 0][["outlet", "category", "count", "total", "estimate"]].values.tolist()
    assert got == [["A", "neutral", 1, 2, 0.5], ["A", "doubt", 1, 2, 0.5], ["B", "concession", 1, 1, 1.0]]
    art = quotes(_toy(), what="verbs", level="article")
    assert len(art) == 3 * len(cats)
    assert art.loc[art["count"] > 0, ["doc_id", "category"]].values.tolist() == [
        ["a1", "neutral"], ["a2", "doubt"], ["b1", "concession"]
    ]


def test_speakers_with_and_without_actors():
    corpus = load_corpus(
        [
            {"doc_id": "a1", "outlet": "A", "text": '"We are ready," said Tomas Brandt. "Go," Brandt said. Ostrava denied the report.'},
            {"doc_id": "a2", "outlet": "A", "text": '"Wait," he said. The council said the plan was fine.'},
            {"doc_id": "b1", "outlet": "B", "text": "Officials said the town was calm."},
        ]
    )
    s = quotes(corpus, what="speakers", n_resamples=0)
    a = s[s["outlet"] == "A"].set_index("speaker")["count"].to_dict()
    assert a == {"Tomas Brandt": 2, "Ostrava": 1, "The council": 1, "Officials": 0, "(unattributed)": 1}
    # most quoted first, ties by name
    assert s["speaker"].tolist()[:5] == ["Tomas Brandt", "Officials", "Ostrava", "The council", "(unattributed)"]
    actors = {"Ostrava": ["Ostrava", "Tomas Brandt", "Brandt"], "Council": ["council"]}
    s = quotes(corpus, actors=actors, what="speakers", n_resamples=0)
    assert s.columns.tolist() == ["outlet", "actor", "count", "total", "estimate", "ci_low", "ci_high", "n_articles"]
    assert s[["outlet", "actor", "count", "total"]].values.tolist() == [
        ["A", "Ostrava", 3, 5], ["A", "Council", 1, 5], ["A", "(other)", 0, 5], ["A", "(unattributed)", 1, 5],
        ["B", "Ostrava", 0, 1], ["B", "Council", 0, 1], ["B", "(other)", 1, 1], ["B", "(unattributed)", 0, 1],
    ]
    np.testing.assert_allclose(s["estimate"][:4], [0.6, 0.2, 0.0, 0.2])
    m = quotes(corpus, actors=actors, level="mention")
    assert m["actor"].tolist() == ["Ostrava", "Ostrava", "Ostrava", None, "Council", None]


def test_errors():
    corpus = _toy()
    with pytest.raises(ValueError, match="level must be one of"):
        quotes(corpus, level="sentence")
    with pytest.raises(ValueError, match="what must be one of"):
        quotes(corpus, what="verb")
    with pytest.raises(ValueError, match="kinds must be"):
        quotes(corpus, kinds=["quote"])
    with pytest.raises(ValueError, match="valid choices"):
        quotes(corpus, by="publisher")
    with pytest.raises(TypeError, match="framing.Corpus"):
        quotes(["text"])
    with pytest.raises(ValueError, match="empty"):
        quotes(corpus, actors={})
    with pytest.raises(ValueError, match="does not exist"):
        quotes(corpus, actors="no/such/actors.json")


def test_headline_rows_and_in_quote_marks():
    corpus = load_corpus(
        [{"outlet": "A", "title": 'Army vows "no retreat"', "text": 'The army said "the army will stay". The army left.'}]
    )
    m = quotes(corpus, level="mention")
    assert m[["section", "kind", "quote", "speaker"]].values.tolist() == [
        ["headline", "partial", "no retreat", "Army"],
        ["lede", "partial", "the army will stay", "The army"],
    ]
    title = corpus.articles["title"][0]
    assert title[m["start"][0] : m["end"][0]] == "no retreat"
    found = find_mentions(corpus, PatternSet({"army": ["army"], "retreat": ["retreat"]}))
    marked = mark_in_quote(found, corpus)
    assert list(zip(marked["match"], marked["in_quote"], strict=True)) == [
        ("Army", False), ("retreat", True), ("army", False), ("army", True), ("army", False)
    ]
    with pytest.raises(ValueError, match="lacks column"):
        mark_in_quote(found.drop(columns="sent_id"), corpus)


def test_empty_and_quote_free_corpus():
    corpus = load_corpus([{"outlet": "A", "text": "Nothing was said here. Rain fell."}])
    assert quotes(corpus, level="mention").empty
    a = quotes(corpus, level="article")
    assert a[["quoted_words", "n_quotes"]].values.tolist() == [[0, 0]]
    g = quotes(corpus, what="speakers", n_resamples=0)
    assert g["speaker"].tolist() == ["(unattributed)"] and np.isnan(g["estimate"][0])


@needs_shared_data
def test_labelled_set_regression():
    import json

    from validation.quotes_eval import DATA, evaluate, load_items, prf

    gold, texts = load_items()
    actors = json.loads((DATA / "quotes_actors.json").read_text(encoding="utf-8"))
    c = evaluate(gold, texts, actors)
    assert c["span_gold"] == 236
    # measured 0.975 / 0.950 / 0.929 (docs/validation.md); guard against regressions
    assert prf(c["span_tp"], c["span_pred"], c["span_gold"])[2] > 0.95
    assert prf(c["attr_tp"], c["attr_pred"], c["attr_gold"])[2] > 0.92
    assert prf(c["sp_tp"], c["sp_pred"], c["sp_gold"])[2] > 0.9
