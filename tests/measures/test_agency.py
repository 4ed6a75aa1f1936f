import re

import numpy as np
import pandas as pd
import pytest

from framing import load_corpus
from framing._nlp.english import lemma_of, verb_forms
from framing._nlp.grammar import ROLES, mention_roles, parse, passive_spans
from framing._nlp.text import token_spans
from framing.lexicons import load_lexicon
from framing.measures.agency import MEASURES, agency, passive_voice


def passives(text, headline=False):
    """Full passives as (participle, has_agent) pairs."""
    p = parse(text, headline=headline)
    return [
        (p.words[k], g.agent is not None) for g in p.groups if g.is_passive for k in g.participles
    ]


def reduced(text, headline=False):
    p = parse(text, headline=headline)
    return [
        p.words[k]
        for g in p.groups
        if g.voice == "passive" and g.kind == "reduced"
        for k in g.participles
    ]


def harm(text, headline=False):
    p = parse(text, headline=headline)
    return [p.harm_word(g) for g in p.groups if g.intransitive_harm]


def role(text, actor, headline=False):
    p = parse(text, headline=headline)
    toks = token_spans(text)
    at = re.search(rf"(?<!\w){re.escape(actor)}(?!\w)", text, flags=re.IGNORECASE).start()
    inside = [i for i, (_, s, e) in enumerate(toks) if s < at + len(actor) and e > at]
    return mention_roles(p, [(inside[0], inside[-1] + 1)])[0][0]


# -- passive voice --------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        # be + participle, with and without agent
        ("Three civilians were killed in the strike.", [("killed", False)]),
        ("Three civilians were killed by Israeli forces.", [("killed", True)]),
        ("The convoy was hit by a missile.", [("hit", True)]),
        # adverbs and negation inside the verb group
        ("The hospital was reportedly not targeted.", [("targeted", False)]),
        ("Residents were later evacuated to the coast.", [("evacuated", False)]),
        ("They weren't warned before the tanks arrived.", [("warned", False)]),
        # progressive, perfect and modal passives
        ("The wounded were being evacuated.", [("evacuated", False)]),
        ("At least 30 people have been killed since Sunday.", [("killed", False)]),
        ("The building could be targeted again.", [("targeted", False)]),
        ("Israel won't be deterred.", [("deterred", False)]),
        # get-passives
        ("He got hit by a rubber bullet.", [("hit", True)]),
        ("Two protesters got arrested outside the embassy.", [("arrested", False)]),
        # coordinated participles share the auxiliary
        ("Five people were shot and wounded by settlers.", [("shot", True), ("wounded", True)]),
        (
            "The camp was shelled, bombed and set on fire.",
            [("shelled", False), ("bombed", False), ("set", False)],
        ),
        (
            "The crossing was closed on Sunday and reopened on Monday.",
            [("closed", False), ("reopened", False)],
        ),
        (
            "The detainees were allegedly beaten and denied food.",
            [("beaten", False), ("denied", False)],
        ),
        # 's = is (passive) and 's = has (active perfect)
        (
            "It's believed that the tunnel was destroyed.",
            [("destroyed", False)],  # "it's believed that": evidential, not a passive
        ),
        ("She's been arrested twice this year.", [("arrested", False)]),
        ("She's begun to speak more openly.", []),
        # by + time, means, amount and place do not name an agent
        ("The ceasefire must be agreed by Friday.", [("agreed", False)]),
        ("The hostages were freed by the end of the week.", [("freed", False)]),
        ("The aid was delivered by truck.", [("delivered", False)]),
        ("The motion was passed by a wide margin.", [("passed", False)]),
        ("The budget was cut by 20 percent.", [("cut", False)]),
        ("Israel was hit by more than 300 drones.", [("hit", True)]),
        ("The strike was carried out by the air force.", [("carried", True)]),
        ("The decision was made by the war cabinet late on Sunday.", [("made", True)]),
        ("The report was published on Thursday by Amnesty International.", [("published", True)]),
        # questions
        ("Were the civilians warned before the strike?", [("warned", False)]),
        ("Why was the convoy targeted?", [("targeted", False)]),
        ("Was the hospital hit by Israeli fire?", [("hit", True)]),
        # raising and prepositional passives
        ("The army is expected to widen the operation.", []),  # evidential
        ("The shipment was paid for by Qatar.", [("paid", True)]),
        ("The drones are used to track fighters.", [("used", False)]),
        # adjectival participles are not passives
        ("The children were tired and hungry.", []),
        ("Officials are concerned about the supply of fuel.", []),
        ("Residents were very worried about the shelling.", []),
        ("The hospital is located near the border fence.", []),
        ("The couple were married in Gaza City in 2010.", []),
        ("He was more interested in the politics.", []),
        ("He is used to the sound of drones.", []),
        ("The talks were supposed to resume on Monday.", []),
        ("Washington is deeply concerned about the situation.", []),
        ("The crossing remains closed.", []),
        # ... unless a by-phrase names the cause
        ("The UN said it was shocked by the killings.", [("shocked", True)]),
        # be + -ing is active; have + participle is active
        ("The army said it was investigating the incident.", []),
        ("Israel has killed thousands of fighters.", []),
        ("Israeli strikes killed at least 20 people overnight.", []),
    ],
)
def test_passives(text, expected):
    assert passives(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("12 killed in strike on Rafah camp", [("killed", False)]),
        ("Aid workers killed in Israeli strike, charity says", [("killed", False)]),
        ("Palestinians Killed As Israeli Forces Raid Jenin", [("killed", False)]),
        ("Two journalists shot dead by snipers in Gaza", [("shot", True)]),
        ("Hospital director arrested by Israeli forces", [("arrested", True)]),
        ("Three arrested after clashes at campus protest", [("arrested", False)]),
        ("Israel accused of war crimes", [("accused", False)]),
        ("Rafah crossing closed, UN says", [("closed", False)]),
        # active headlines and intransitive verbs
        ("Israel strikes Rafah after rocket fire", []),
        ("Israeli Army Kills Hamas Commander In Rafah Strike", []),
        ("Ceasefire talks stalled", []),
        ("Protesters gathered outside the White House", []),
    ],
)
def test_headline_passives(text, expected):
    assert passives(text, headline=True) == expected


def test_headline_passive_needs_headline_mode():
    # in running text the same words are a reduced relative, not a full passive
    assert passives("12 killed in strike on Rafah camp") == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Civilians killed in the strike were buried on Wednesday.", ["killed"]),
        ("The number of people killed in the offensive has passed 35,000.", ["killed"]),
        ("Food trucks sent by Egypt were turned back at the border.", ["sent"]),
        ("The attack, condemned by several governments, killed 40 people.", ["condemned"]),
        ("The offensive, launched on May 6, has displaced 800,000 people.", ["launched"]),
        ("Residents told to move south had nowhere to go.", ["told"]),
        ("A pregnant woman was among those killed.", ["killed"]),
        ("The army said it regretted any harm caused to civilians.", ["caused"]),
        # not reduced relatives: active verbs, prenominal adjectives
        ("Troops advanced into the city overnight.", []),
        ("Residents fled in panic as the tanks approached.", []),
        ("The strike struck a camp for displaced people.", []),
        ("The injured were taken to Nasser hospital.", []),
        ("The mayor cited figures based on hospital records.", []),
        ('"We will see," the minister noted.', []),
    ],
)
def test_reduced_relatives(text, expected):
    assert reduced(text) == expected


@pytest.mark.parametrize(
    "text, headline, expected",
    [
        ("Twelve people died in the strike.", False, ["died"]),
        ("Four aid workers perished when the convoy was hit.", False, ["perished"]),
        ("Dozens of Palestinians lost their lives in the bombardment.", False, ["lost"]),
        ("The boy succumbed to his wounds on Friday.", False, ["succumbed"]),
        ("Two men were found dead in the rubble.", False, ["dead"]),
        ("The driver was left dead at the roadside.", False, ["dead"]),
        ("At least 50 people are dead after the strike.", False, ["dead"]),
        ("The child starved to death in the camp.", False, ["starved"]),
        ("The journalist sustained serious injuries in the blast.", False, ["sustained"]),
        ("Five Palestinians Die in West Bank Raid", True, ["die"]),
        ("Dozens dead in strike on tent camp", True, ["dead"]),
        # transitive harm with an agent is not intransitive harm
        ("Israeli strikes killed 12 people.", False, []),
        ("Strike leaves 12 dead in Rafah", True, []),
        ("The gunman was shot dead by police.", False, []),
    ],
)
def test_intransitive_harm(text, headline, expected):
    assert harm(text, headline) == expected


def test_found_dead_is_passive_and_harm():
    p = parse("Two men were found dead in the rubble.")
    (g,) = p.groups
    assert g.is_passive and g.agentless and g.intransitive_harm


def test_harm_categories_of_verbs():
    p = parse("Israeli strikes killed 12 people and wounded 30.")
    assert [(g.lemma, g.voice, g.harm) for g in p.groups] == [
        ("kill", "active", "killing"),
        ("wound", "active", "injury"),
    ]


def test_passive_spans_helper():
    spans = passive_spans("Civilians killed in the strike were buried.")
    assert [(g.lemma, g.kind) for g in spans] == [("kill", "reduced"), ("bury", "finite")]
    assert [
        g.lemma for g in passive_spans("Civilians killed in the strike were buried.", reduced=False)
    ] == ["bury"]


# -- roles ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, actor, expected",
    [
        ("Israeli forces killed three civilians near the border.", "Israeli forces", "agent"),
        ("Israeli forces killed three civilians near the border.", "civilians", "patient"),
        ("Three civilians were killed in the strike.", "civilians", "passive_subject"),
        (
            "Three civilians were killed by Israeli forces.",
            "civilians",
            "passive_subject_with_agent",
        ),
        ("Three civilians were killed by Israeli forces.", "Israeli forces", "agent"),
        ("Twelve people died in the strike.", "people", "intransitive_harm"),
        ("Two men were found dead in the rubble.", "men", "intransitive_harm"),
        ("Dozens of Palestinians lost their lives.", "Palestinians", "intransitive_harm"),
        (
            "Hundreds of families were displaced by the fighting.",
            "families",
            "passive_subject_with_agent",
        ),
        # possessors and premodifiers take the noun phrase's role
        ("Israel's army said the target was a command centre.", "Israel", "agent"),
        ("Hamas fighters attacked an army post on Sunday.", "Hamas", "agent"),
        # objects of prepositions and subjects of copulas
        ("Washington opposed the invasion of Rafah.", "Rafah", "other"),
        ("The hospital is located near the border fence.", "hospital", "other"),
        # reporting verbs: complement clauses and inversion
        ("Medics said the victims included a pregnant woman.", "victims", "agent"),
        ('"We will rebuild," said Haddad.', "Haddad", "agent"),
        # relative clauses and appositions
        ("The soldiers who shot the boy have not been identified.", "soldiers", "agent"),
        ("Students who were arrested at Columbia were suspended.", "Students", "passive_subject"),
        ("The boy, who was shot in the head, died in hospital.", "boy", "intransitive_harm"),
        ("Netanyahu, the prime minister, vowed to press on.", "Netanyahu", "agent"),
        ("Council member Ana Ruiz (Ward 4) appeared on the show.", "Ana Ruiz", "agent"),
        # reduced relatives and headlines
        (
            "Civilians killed in the strike were buried on Wednesday.",
            "Civilians",
            "passive_subject",
        ),
        ("Food trucks sent by Egypt were turned back.", "Egypt", "agent"),
        # questions
        ("Were the civilians warned before the strike?", "civilians", "passive_subject"),
        # coordination
        ("Gunmen killed, raped and abducted Israelis on October 7.", "Israelis", "patient"),
        ("Hamas and Islamic Jihad deny any role.", "Hamas", "agent"),
        ("The survey also gave the mayor a clear lead.", "mayor", "patient"),
    ],
)
def test_roles(text, actor, expected):
    assert role(text, actor) == expected


@pytest.mark.parametrize(
    "text, actor, expected",
    [
        ("Aid workers killed in Israeli strike, charity says", "Aid workers", "passive_subject"),
        ("Hamas attacks Israel with rockets", "Israel", "patient"),
        ("Five Palestinians Die in West Bank Raid", "Palestinians", "intransitive_harm"),
        ("Bomb shipment to Israel paused by US", "US", "agent"),
    ],
)
def test_headline_roles(text, actor, expected):
    assert role(text, actor, headline=True) == expected


def test_mention_roles_rejects_bad_span():
    p = parse("Soldiers fired.")
    with pytest.raises(ValueError, match="outside the sentence"):
        mention_roles(p, [(1, 5)])


# -- word lists ---------------------------------------------------------------------------


def test_verb_forms_and_lemmas():
    assert verb_forms("strike")["participle"] == ("struck", "stricken")
    assert verb_forms("kidnap")["past"] == ("kidnapped",)
    assert verb_forms("displace")["ing"] == ("displacing",)
    assert [lemma_of(w) for w in ["shot", "taken", "wounded", "carried", "colluded"]] == [
        "shoot",
        "take",
        "wound",
        "carry",
        "collude",
    ]


def test_harm_lexicon():
    table = load_lexicon("harm_verbs")
    assert not table.duplicated(["term", "category"]).any()
    assert set(table.loc[table["category"] == "death", "term"]) == {
        "die",
        "perish",
        "succumb",
        "drown",
    }
    assert {"kill", "wound", "displace", "detain"} <= set(table["term"])


# -- passive_voice ---------------------------------------------------------------------------


@pytest.fixture()
def toy():
    # A: 2 sentences; 2 passives (1 agentless), 1 intransitive harm.
    # B: 2 sentences; 1 passive (agentless, harm), 1 active harm verb.
    # C: 1 sentence; nothing.
    return load_corpus(
        [
            {
                "outlet": "A",
                "doc_id": "a1",
                "title": "",
                "text": "Civilians were killed by soldiers. The mayor was arrested and a boy died.",
            },
            {
                "outlet": "B",
                "doc_id": "b1",
                "title": "",
                "text": "Two men were wounded. Troops shelled the camp.",
            },
            {"outlet": "B", "doc_id": "b2", "title": "", "text": "The talks continued."},
        ]
    )


def test_passive_voice_article_counts(toy):
    t = passive_voice(toy, level="article")
    assert list(t.columns) == ["doc_id", "outlet", "measure", "count", "total", "rate"]
    assert len(t) == 3 * len(MEASURES)
    a = t[t["doc_id"] == "a1"].set_index("measure")
    assert a.loc["passive", "count"] == 2 and a.loc["passive", "total"] == 2
    assert a.loc["agentless_passive", "count"] == 1
    assert a.loc["agentless_share", "rate"] == 0.5
    assert a.loc["intransitive_harm", "count"] == 1
    # harm verbs: killed (passive), arrested (passive), died (intransitive)
    assert a.loc["harm_passive", "count"] == 2
    assert a.loc["intransitive_harm_share", "count"] == 1
    assert a.loc["intransitive_harm_share", "total"] == 3
    b = t[t["doc_id"] == "b1"].set_index("measure")
    assert b.loc["agentless_passive", "rate"] == 0.5
    assert b.loc["harm_active", "count"] == 1
    c = t[t["doc_id"] == "b2"].set_index("measure")
    assert np.isnan(c.loc["agentless_share", "rate"])  # no passives: share undefined
    assert c.loc["passive", "rate"] == 0.0


def test_passive_voice_group_estimates(toy):
    t = passive_voice(toy, n_resamples=50, random_state=0)
    assert list(t.columns) == [
        "outlet",
        "measure",
        "count",
        "total",
        "estimate",
        "ci_low",
        "ci_high",
        "ci_note",
        "n_articles",
        "p_value",
        "q_value",
        "test",
    ]
    assert t["outlet"].tolist() == ["A"] * len(MEASURES) + ["B"] * len(MEASURES)
    b = t[t["outlet"] == "B"].set_index("measure")
    # B pools its two articles: 1 agentless passive over 3 sentences
    assert b.loc["agentless_passive", "count"] == 1
    assert b.loc["agentless_passive", "total"] == 3
    assert b.loc["agentless_passive", "estimate"] == pytest.approx(1 / 3)
    assert b.loc["agentless_share", "estimate"] == 1.0
    assert b.loc["passive", "n_articles"] == 2
    a = t[t["outlet"] == "A"].set_index("measure")
    assert np.isnan(a.loc["passive", "ci_low"])  # one article: no interval
    assert a.loc["agentless_share", "estimate"] == 0.5
    assert (t["p_value"].dropna().between(0, 1)).all()


def test_passive_voice_sentence_and_mention_levels(toy):
    s = passive_voice(toy, level="sentence")
    assert list(s.columns) == [
        "doc_id",
        "outlet",
        "sent_id",
        "section",
        "measure",
        "count",
        "total",
        "rate",
    ]
    first = s[(s["doc_id"] == "a1") & (s["sent_id"] == 0)].set_index("measure")
    assert first.loc["passive", "count"] == 1 and first.loc["agentless_passive", "count"] == 0
    m = passive_voice(toy, level="mention")
    assert m[["doc_id", "construction", "verb", "agentless", "agent"]].values.tolist() == [
        ["a1", "passive", "were killed", False, "soldiers"],
        ["a1", "passive", "was arrested", True, ""],
        ["a1", "intransitive_harm", "died", False, ""],
        ["b1", "passive", "were wounded", True, ""],
        ["b1", "harm_active", "shelled", False, ""],
    ]
    row = m.iloc[0]
    assert row["sentence"][row["start"] : row["end"]] == "were killed"


def test_passive_voice_headlines_and_sections():
    corpus = load_corpus(
        [
            {"outlet": "A", "title": "12 killed in strike", "text": "The army struck a camp."},
            {"outlet": "B", "title": "Army strikes camp", "text": "Twelve people were killed."},
        ]
    )
    heads = passive_voice(corpus, level="article", sections=["headline"])
    got = heads[heads["measure"] == "passive"].set_index("doc_id")["count"].to_dict()
    assert got == {"a-1": 1, "b-1": 0}
    body = passive_voice(corpus, level="article", sections=["lede", "body"])
    got = body[body["measure"] == "passive"].set_index("doc_id")["count"].to_dict()
    assert got == {"a-1": 0, "b-1": 1}


def test_passive_voice_deterministic(toy):
    a = passive_voice(toy, n_resamples=200, random_state=3)
    b = passive_voice(toy, n_resamples=200, random_state=3)
    pd.testing.assert_frame_equal(a, b)


# -- agency ---------------------------------------------------------------------------------


ACTORS = {"civilians": ["civilians", "residents"], "army": ["soldiers", "troops", "army"]}


@pytest.fixture()
def news():
    # Outlet A: civilians 3 mentions -> passive_subject 2, patient 1; army agent 1
    # Outlet B: civilians 2 mentions -> intransitive_harm 1, patient 1; army agent 2
    return load_corpus(
        [
            {
                "outlet": "A",
                "doc_id": "a1",
                "title": "",
                "text": "Civilians were killed. Residents were displaced.",
            },
            {"outlet": "A", "doc_id": "a2", "title": "", "text": "Soldiers shelled the civilians."},
            {
                "outlet": "B",
                "doc_id": "b1",
                "title": "",
                "text": "Civilians died in the strike. The army said little.",
            },
            {"outlet": "B", "doc_id": "b2", "title": "", "text": "Troops evacuated residents."},
        ]
    )


def test_agency_group_shares(news):
    t = agency(news, ACTORS, n_resamples=100, random_state=0)
    assert list(t.columns) == [
        "outlet",
        "actor",
        "role",
        "count",
        "n_mentions",
        "estimate",
        "ci_low",
        "ci_high",
        "n_articles",
        "p_value",
        "q_value",
    ]
    assert len(t) == 2 * 2 * len(ROLES)
    assert t["role"].tolist()[: len(ROLES)] == list(ROLES)
    share = t.set_index(["outlet", "actor", "role"])["estimate"]
    assert share[("A", "civilians", "passive_subject")] == pytest.approx(2 / 3)
    assert share[("A", "civilians", "patient")] == pytest.approx(1 / 3)
    assert share[("B", "civilians", "intransitive_harm")] == pytest.approx(1 / 2)
    assert share[("B", "civilians", "patient")] == pytest.approx(1 / 2)
    assert share[("A", "army", "agent")] == 1.0 and share[("B", "army", "agent")] == 1.0
    counts = t.set_index(["outlet", "actor", "role"])["count"]
    assert counts[("A", "civilians", "passive_subject")] == 2
    men = t.set_index(["outlet", "actor"])["n_mentions"]
    assert men[("A", "civilians")].iloc[0] == 3 and men[("B", "civilians")].iloc[0] == 2
    arts = t.set_index(["outlet", "actor"])["n_articles"]
    assert arts[("A", "army")].iloc[0] == 1  # only a2 mentions the army in A
    # intervals are percentile bootstraps: inside [0, 1] and around the estimate
    ok = t.dropna(subset=["ci_low"])
    assert (
        (ok["ci_low"] <= ok["estimate"] + 1e-12) & (ok["estimate"] <= ok["ci_high"] + 1e-12)
    ).all()


def test_agency_article_and_mention_levels(news):
    a = agency(news, ACTORS, level="article")
    assert list(a.columns) == ["doc_id", "outlet", "actor", "role", "count", "n_mentions", "share"]
    a1 = a[(a["doc_id"] == "a1") & (a["actor"] == "civilians")].set_index("role")
    assert a1.loc["passive_subject", "count"] == 2 and a1.loc["passive_subject", "share"] == 1.0
    assert set(a["doc_id"]) == {"a1", "a2", "b1", "b2"}
    assert not (
        (a["doc_id"] == "a1") & (a["actor"] == "army")
    ).any()  # a1 does not mention the army
    m = agency(news, ACTORS, level="mention")
    assert list(m.columns) == [
        "doc_id",
        "outlet",
        "sent_id",
        "section",
        "actor",
        "match",
        "in_quote",
        "role",
        "verb",
        "lemma",
        "voice",
        "harm",
        "start",
        "end",
        "sentence",
    ]
    assert m[["doc_id", "actor", "role", "verb"]].values.tolist() == [
        ["a1", "civilians", "passive_subject", "were killed"],
        ["a1", "civilians", "passive_subject", "were displaced"],
        ["a2", "army", "agent", "shelled"],
        ["a2", "civilians", "patient", "shelled"],
        ["b1", "civilians", "intransitive_harm", "died"],
        ["b1", "army", "agent", "said"],
        ["b2", "army", "agent", "evacuated"],
        ["b2", "civilians", "patient", "evacuated"],
    ]
    row = m.iloc[3]
    assert row["sentence"][row["start"] : row["end"]] == "civilians"
    assert m.loc[0, "harm"] == "killing"


def test_agency_merges_adjacent_aliases():
    corpus = load_corpus(
        [
            {"outlet": "A", "text": "Hamas fighters attacked a post."},
            {"outlet": "B", "text": "A post was attacked."},
        ]
    )
    m = agency(corpus, {"Hamas": ["Hamas", "fighters"]}, level="mention")
    assert m[["match", "role"]].values.tolist() == [["Hamas fighters", "agent"]]


def test_agency_sections():
    corpus = load_corpus(
        [
            {"outlet": "A", "title": "Civilians killed in strike", "text": "Troops hit civilians."},
            {"outlet": "B", "title": "Troops hit camp", "text": "Civilians died."},
        ]
    )
    m = agency(corpus, ACTORS, level="mention", sections=["headline"])
    assert m[["doc_id", "actor", "role"]].values.tolist() == [
        ["a-1", "civilians", "passive_subject"],
        ["b-1", "army", "agent"],
    ]


def test_agency_bootstrap_determinism(news):
    a = agency(news, ACTORS, n_resamples=200, random_state=7)
    b = agency(news, ACTORS, n_resamples=200, random_state=7)
    pd.testing.assert_frame_equal(a, b)
    c = agency(news, ACTORS, n_resamples=0, test=False)
    assert c["ci_low"].isna().all() and c["p_value"].isna().all()
    pd.testing.assert_series_equal(a["estimate"], c["estimate"])


def test_agency_actor_never_mentioned(news):
    t = agency(news, {"ghost": ["nobody-here"], **ACTORS}, n_resamples=20, random_state=0)
    ghost = t[t["actor"] == "ghost"]
    assert (ghost["n_mentions"] == 0).all() and ghost["estimate"].isna().all()


def test_agency_by_other_column():
    corpus = load_corpus(
        [
            {"outlet": "A", "side": "left", "text": "Civilians were killed."},
            {"outlet": "B", "side": "left", "text": "Soldiers killed civilians."},
            {"outlet": "C", "side": "right", "text": "Civilians died."},
        ]
    )
    t = agency(corpus, ACTORS, by="side", test=False, n_resamples=0)
    share = t.set_index(["side", "actor", "role"])["estimate"]
    assert share[("left", "civilians", "passive_subject")] == 0.5
    assert share[("right", "civilians", "intransitive_harm")] == 1.0


# -- errors -----------------------------------------------------------------------------------


def test_errors(news):
    with pytest.raises(ValueError, match="no aliases"):
        agency(news, {"army": []})
    with pytest.raises(ValueError, match="value for `by` must be a column.*'nope' was passed"):
        agency(news, ACTORS, by="nope")
    with pytest.raises(ValueError, match="value for `by` must be a column.*'nope' was passed"):
        passive_voice(news, by="nope")
    with pytest.raises(ValueError, match="value for `level` must be one of .*'sentence' was passed"):
        agency(news, ACTORS, level="sentence")
    with pytest.raises(ValueError, match="value for `level` must be one of .*'outlet' was passed"):
        passive_voice(news, level="outlet")
    with pytest.raises(ValueError, match="values for `sections` must be among"):
        passive_voice(news, sections=["footer"])
    with pytest.raises(ValueError, match="n_resamples"):
        agency(news, ACTORS, n_resamples=-1)
    one = news.filter(outlets=["A"])
    with pytest.raises(ValueError, match="at least two levels"):
        agency(one, ACTORS)
    with pytest.raises(ValueError, match="at least two levels"):
        passive_voice(one)
    # without a test, one group is fine
    t = agency(one, ACTORS, test=False, n_resamples=10, random_state=0)
    assert set(t["outlet"]) == {"A"}
    assert passive_voice(one, level="article")["doc_id"].nunique() == 2


# -- the labelled set ------------------------------------------------------------------------


def test_labelled_set_and_rules_on_our_sentences():
    from tests.scripts import run_validation

    ours = run_validation("agency_eval", "--source", "ours", "--json")
    assert ours["n_items"] >= 230
    assert set(ours["splits"]) <= {"dev", "heldout"}
    scores = pd.DataFrame(ours["scores"]).set_index("measure")
    assert scores.loc["passive (clause)", "f1"] > 0.95
    assert scores.loc["agentless passive (clause)", "f1"] > 0.95
    assert scores.loc["role accuracy", "precision"] > 0.9
    assert ours["roles"] == list(ROLES)


def test_empty_results_keep_their_columns():
    corpus = load_corpus(
        [{"outlet": "A", "text": "Nothing happened."}, {"outlet": "B", "text": "Quiet."}]
    )
    m = passive_voice(corpus, level="mention")
    assert m.empty and m["verb"].dtype == object and m["start"].dtype == np.int64
    assert agency(corpus, {"x": ["ghost"]}, level="mention").empty
    assert agency(corpus, {"x": ["ghost"]}, level="article").empty
    g = passive_voice(corpus, n_resamples=10, random_state=0).set_index(["outlet", "measure"])
    assert g.loc[("A", "passive"), "estimate"] == 0.0
    assert np.isnan(g.loc[("A", "agentless_share"), "estimate"])  # no passives at all


# -- reduced relatives and participle clauses, one rule each -------------------------


def evidential(text, headline=False):
    p = parse(text, headline=headline)
    return [p.words[g.head] for g in p.groups if g.voice == "evidential"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a time adverbial after the participle is no object
        ("A report released Thursday by the agency listed the sites.", ["released"]),
        ("The two activists detained overnight were freed on bail.", ["detained"]),
        ("She rejected claims made months earlier by her rival.", ["made"]),
        # a reduced relative inside a prepositional phrase of an object
        ("The ministry recalled hundreds of rifles sold to militias.", ["sold"]),
        # after an object, a verb that needs an object of its own
        ("The court rejected the evidence obtained in the raid.", ["obtained"]),
        # "as" after a verb with an "as" complement opens no clause
        ("A woman described as a witness was questioned for hours.", ["described"]),
        # a main verb after the reduced relative: a gerund, "that", a past form
        ("Troops posted at the crossing reported seeing smoke.", ["posted"]),
        ("Rifles seized during the raid appeared in court.", ["seized"]),
        # ... but not after a verb that may lack an object
        ("Politico reported on a decision a judge issued in May.", []),
        ("Officials reviewed the report the agency published in May.", []),
        # a clause opener before the subject does not hide a later main verb
        ("He quit after files passed to reporters showed the payments.", ["passed"]),
        # "those" + participle
        ("Those detained include a local council member.", ["detained"]),
        ("Officials said three soldiers were among those wounded.", ["wounded"]),
        # hard negatives: active verbs, reduced relatives of intransitive verbs
        ("Delegates gathered in Geneva approved the text.", []),
        ("Police cleared crowds gathered outside the embassy.", []),
        ("The company said its profits depended on exports.", []),
        ("The senator complained Tuesday it was unfair.", []),
        ("Had the envoy stayed, the talks might have survived.", []),
        ("The campaign's White House bid.", []),
        ("The governor helped draft the bill.", []),
        ("Authorities ordered the stations reopened.", ["reopened"]),
        ("The ship, damaged in the storm, reached the port.", ["damaged"]),
    ],
)
def test_reduced_relatives_in_context(text, expected):
    assert reduced(text) == expected


@pytest.mark.parametrize(
    "text, expected, full",
    [
        ("The death toll is expected to rise.", ["expected"], []),
        ("The militia is said to control the port.", ["said"], []),
        ("The commander was reported to have fled.", ["reported"], []),
        ("Officials are believed to be weighing new sanctions.", ["believed"], []),
        ("It is thought that the prisoners were moved.", ["thought"], [("moved", False)]),
        ("Dozens are feared dead after the flood.", ["feared"], []),
        ("The offensive isn't expected to end soon.", ["expected"], []),
        ("A man believed to be the driver fled.", ["believed"], []),
        # not evidential: control passives, "to" + noun phrase, other verbs
        ("The minister was asked to resign.", [], [("asked", False)]),
        ("He was elected to the council in 2019.", [], [("elected", False)]),
        ("The claim was believed by few analysts.", [], [("believed", True)]),
        ("The boy was found to have been shot.", [], [("found", False), ("shot", False)]),
    ],
)
def test_evidential_passives(text, expected, full):
    assert evidential(text) == expected
    assert passives(text) == full


def test_evidential_subject_role_and_counts():
    assert role("The gunman is believed to have acted alone.", "gunman") == "evidential_subject"
    corpus = load_corpus(
        [{"outlet": "A", "text": "The toll is expected to rise. Two men were arrested."}]
    )
    art = passive_voice(corpus, level="article").set_index("measure")
    assert art.loc["evidential_passive", "count"] == 1 and art.loc["passive", "count"] == 1
    m = passive_voice(corpus, level="mention")
    assert m["construction"].tolist() == ["evidential_passive", "passive"]
    roles = agency(corpus, {"toll": ["toll"]}, level="mention")
    assert roles["role"].tolist() == ["evidential_subject"]


def test_voice_selects_quoted_constructions():
    corpus = load_corpus(
        [
            {
                "outlet": "A",
                "text": 'The army said: "Our soldiers were attacked." Two men were arrested.',
            },
            {"outlet": "B", "text": "Soldiers were attacked near the wall, the army said."},
        ]
    )
    everything = passive_voice(corpus, level="mention", voice="all")
    assert everything[["verb", "in_quote"]].values.tolist() == [
        ["were attacked", True],
        ["were arrested", False],
        ["were attacked", False],
    ]
    own = passive_voice(corpus, level="mention")  # voice="outlet" by default
    assert own["verb"].tolist() == ["were arrested", "were attacked"]
    quoted = passive_voice(corpus, level="article", voice="quoted").set_index(["doc_id", "measure"])
    assert quoted.loc[("a-1", "passive"), "count"] == 1 and quoted.loc[("b-1", "passive"), "count"] == 0
    outlet = passive_voice(corpus, level="article").set_index(["doc_id", "measure"])
    assert outlet.loc[("a-1", "passive"), "count"] == 1 and outlet.loc[("a-1", "passive"), "total"] == 2
    actors = {"army": ["soldiers"]}
    assert agency(corpus, actors, level="mention")["doc_id"].tolist() == ["b-1"]
    m = agency(corpus, actors, level="mention", voice="all")
    assert m[["doc_id", "in_quote", "role"]].values.tolist() == [
        ["a-1", True, "passive_subject"],
        ["b-1", False, "passive_subject"],
    ]
    with pytest.raises(ValueError, match="The value for `voice` must be one of"):
        passive_voice(corpus, voice="speaker")
    with pytest.raises(ValueError, match="The value for `voice` must be one of"):
        agency(corpus, actors, voice="speaker")
