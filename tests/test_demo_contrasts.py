"""The demo corpus was written with known framings; the analyses must find them.

Each outlet of ``rafah`` was written to show one framing (see corpora/rafah/README.md).
These tests check that the analyses recover the intended contrasts, the way a researcher
would read the results: by ranking outlets, not by exact numbers.
"""

import pytest

import framing

SECURITY = "The Ironvale Dispatch"  # government-aligned security framing, like the seed article
HUMANITARIAN = "Harbor Lantern"
LEGAL = "The Lexmere Review"
POLITICS = "The Capitol Ledger"
WIRE = "Meridian Wire Service"


@pytest.fixture(scope="module")
def corpus():
    return framing.load_example("rafah")


@pytest.fixture(scope="module")
def lists():
    return framing.datasets.load_example_lists("rafah")


def top_outlet(frame, value="estimate"):
    return frame.sort_values(value, ascending=False).iloc[0]["outlet"]


def test_distinctive_terms_show_each_framing(corpus):
    terms = framing.distinctive_terms(corpus, min_count=3, n_resamples=200, random_state=0)

    def top(outlet, n=8):
        return set(terms[terms["outlet"] == outlet].head(n)["term"])

    assert {"terrorists", "IDF"} <= top(SECURITY)  # acronyms keep their capitals
    # "precision" is the security outlet's sources' word: three of its four uses are quoted
    assert "precision" not in set(terms["term"])  # own voice: used once, below min_count
    for voice, n in (("quoted", 3), ("all", 4)):
        t = framing.distinctive_terms(corpus, min_count=2, voice=voice, n_resamples=0)
        assert t[(t["outlet"] == SECURITY) & (t["term"] == "precision")]["count"].tolist() == [n], voice
    assert {"children", "families", "aid"} <= top(HUMANITARIAN)
    assert {"law", "legal", "incursion"} <= top(LEGAL)
    assert {"republicans", "democrats"} <= top(POLITICS)


def test_labels_for_armed_groups(corpus, lists):
    _, concepts = lists
    labels = framing.label_choices(corpus, concepts, n_resamples=0)
    armed = labels[labels["concept"] == "armed groups"].set_index(["outlet", "label"])["share"]
    assert armed[(SECURITY, "terrorists")] > 0.5
    assert armed[(WIRE, "terrorists")] == 0
    assert armed[(WIRE, "militants")] + armed[(WIRE, "fighters")] > 0.8
    military = labels[labels["concept"] == "the military action"]
    incursion = military[military["label"] == "incursion"]
    assert top_outlet(incursion, "count") == LEGAL


def test_security_outlet_casts_doubt_and_hides_agents(corpus):
    verbs = framing.quotes(corpus, level="group", what="verbs", n_resamples=0)
    assert top_outlet(verbs[verbs["category"] == "doubt"]) == SECURITY
    # in its own words the security outlet writes more agentless passives than the
    # wire service; with the officials it quotes ("every step is coordinated ...")
    # it is among the two outlets that write the most
    own = framing.passive_voice(corpus, n_resamples=0, test=False).set_index(["outlet", "measure"])
    assert own.loc[(SECURITY, "agentless_passive"), "estimate"] > own.loc[(WIRE, "agentless_passive"), "estimate"]
    voice = framing.passive_voice(corpus, n_resamples=0, test=False, voice="all")
    rates = voice[voice["measure"] == "agentless_passive"].set_index("outlet")["estimate"]
    assert SECURITY in rates.nlargest(2).index


def test_who_acts_and_who_suffers(corpus, lists):
    actors, _ = lists
    roles = framing.agency(corpus, actors, n_resamples=0, test=False).set_index(["outlet", "actor", "role"])
    civilians = "Palestinian civilians"
    assert roles.loc[(SECURITY, civilians, "agent"), "count"] == 0
    suffering = roles.loc[(SECURITY, civilians, "passive_subject"), "count"] + roles.loc[
        (SECURITY, civilians, "intransitive_harm"), "count"]
    assert suffering >= 3
    # the humanitarian outlet names who does the harm
    assert roles.loc[(HUMANITARIAN, "Israeli military", "agent"), "estimate"] > 0.9


def test_emotive_words_for_one_side(corpus, lists):
    actors, _ = lists
    evidence = framing.emotive_terms(corpus, actors, level="mention")
    massacre = evidence[evidence["term"].str.startswith("massacre")]
    security = massacre[massacre["outlet"] == SECURITY]
    assert len(security) > 0
    assert set(security["actor"]) <= {"Hamas", "Israeli hostages", "Israeli government"}


def test_humanitarian_outlet_is_the_most_loaded(corpus):
    loaded = framing.loaded_language(corpus, n_resamples=0, test=False)
    suffering = loaded[loaded["category"] == "suffering"]
    assert top_outlet(suffering) == HUMANITARIAN


def test_frames_per_outlet(corpus):
    frames = framing.frames(corpus, n_resamples=0)
    legal = frames[frames["frame"] == "legality"]
    political = frames[frames["frame"] == "political"]
    assert top_outlet(legal) == LEGAL
    assert top_outlet(political) == POLITICS


def test_the_wire_copy_is_found(corpus):
    pairs = corpus.duplicates()
    assert set(pairs.iloc[0][["outlet_a", "outlet_b"]]) == {"Ardmoor Valley Gazette", WIRE}
