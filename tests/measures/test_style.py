"""House style from the corpus itself: names as source lists write them, web labels in capitals."""

import framing
from framing import load_corpus

CNN = [
    "The senator told CNN the vote would pass. MORE Voters waited in the rain.",
    "Farmers told CNN that prices fell sharply. MORE Harvests were late this year.",
    "A teacher told CNN schools would reopen. MORE Parents welcomed the news about prices.",
]
FOX = [
    "Read the full story at foxnews com today. Officials expect heavy snow tonight.",
    "Readers can find the interview at foxnews com. The governor signed the budget.",
    "The mayor spoke at length. Watch the speech at foxnews com later.",
]


def test_outlet_names_from_source_lists_and_web_labels():
    rows = [{"outlet": "CNN (Web News)", "text": t} for t in CNN] + [{"outlet": "Fox News - Opinion", "text": t}
                                                                      for t in FOX]
    terms = framing.distinctive_terms(load_corpus(rows), ngram_range=(1, 2), min_count=2, n_resamples=0)
    reason = dict(zip(terms["term"], terms["style_reason"], strict=False))
    assert reason["CNN"] == "name" and reason["told CNN"] == "name"  # "CNN (Web News)" is CNN
    assert reason["foxnews com"] == "name"  # a web address split into words
    assert reason["MORE"] == "boilerplate"  # an ordinary word set in capitals as a label
    assert not isinstance(reason["prices"], str)  # an ordinary word is no style (no reason)


# news paragraphs (over 25 words, so that no line is short enough to be a signature line)
_TAIL = " as the council weighed a budget that {} for the schools, the roads and the transit system of the city."
HILL = [
    "Voters backed Dana Whitfield Dana Marie WhitfieldCouncil delays vote Storm closes schools MORE in the runoff"
    + _TAIL.format("cuts spending"),
    "Donors praised Dana Whitfield Dana Marie WhitfieldMayor signs transit bill MORE after the debate"
    + _TAIL.format("raises taxes"),
    "Critics of Dana Whitfield Dana Marie WhitfieldCouncil delays vote Farm bill stalls MORE questioned the plan"
    + _TAIL.format("adds money"),
]
POLL = [
    "A new Daily Ledger/Carver poll found rising support for the plan.",
    "The Daily Ledger/Carver survey asked voters about the budget.",
    "Support fell, according to the Daily Ledger/Carver poll, as prices rose.",
    "Analysts doubted the Daily Ledger/Carver numbers on turnout.",
    "The Daily Ledger/Carver poll has a margin of error of three points.",
]


def test_link_card_words_are_not_counted_and_the_prose_is():
    rows = ([{"outlet": "The Courier", "text": t} for t in HILL]
            + [{"outlet": "Morning Star", "text": t} for t in (
                "After the debate, Dana Whitfield won the runoff.", "Turnout rose for Dana Whitfield on Monday.",
                "In March the debate helped Dana Whitfield.")])
    corpus = load_corpus(rows)
    terms = framing.distinctive_terms(corpus, ngram_range=(1, 2), min_count=1, n_resamples=0)
    counts = terms[terms["outlet"] == "The Courier"].set_index("term")["count"]
    # the card's name, its headlines, "MORE" and the bigram across its edge are the page's
    for card_term in ("dana marie", "marie", "delays vote", "MORE", "whitfield dana", "storm closes"):
        assert card_term not in counts.index or counts[card_term] == 0
    # the sentence's own words are counted, the n-grams stopping at the card's edge
    assert counts["dana whitfield"] == 3 and counts["debate"] == 1 and counts["runoff"] == 1
    assert counts["transit"] == 3  # "... that raises taxes for the schools, the roads and the transit system"
    # the cards are listed with the outlet's boilerplate
    cards = corpus.boilerplate().query("kind == 'link'")
    assert cards[["outlet", "line", "n_articles"]].values.tolist() == [["The Courier", "dana marie whitfield", 3]]


def test_a_word_joined_to_an_outlet_name_by_a_slash_is_a_co_brand():
    rows = ([{"outlet": "Daily Ledger", "text": t} for t in POLL]
            + [{"outlet": "Morning Star", "text": f"Carver Street was closed {d}. The poll found support for the plan."}
               for d in ("on Monday", "in March")])
    terms = framing.distinctive_terms(load_corpus(rows), ngram_range=(1, 1), min_count=2, n_resamples=0)
    reason = dict(zip(terms["term"], terms["style_reason"], strict=False))
    assert reason["carver"] == "name"  # five of its six uses are "Daily Ledger/Carver"
    assert not isinstance(reason["poll"], str)


def test_honorifics_titles_party_tags_and_initials():
    text = ("Mr. Okafor and Sen. Ruiz (D-Ore.) met President Whitfield in Fresno, Calif. The mayor of Fresno, Calif.,"
            " came too. Later, President Whitfield and "
            "John Q. Adams spoke; the president of the union, President Whitfield said, was absent.")
    days = ("on Monday", "in March", "at noon")
    rows = ([{"outlet": "A", "text": f"{text} It rained {d}."} for d in days]
            + [{"outlet": "B", "text": t} for t in ("The union voted on Monday.", "Its members met the union in March.",
                                                      "At noon a union leader spoke.")])
    terms = framing.distinctive_terms(load_corpus(rows), ngram_range=(1, 2), min_count=2, n_resamples=0)
    reason = dict(zip(terms["term"], terms["style_reason"], strict=False))
    assert reason["mr"] == "honorific" and reason["sen ruiz"] == "honorific"
    assert reason["d-ore"] == "party_tag" and reason["calif"] == "party_tag"
    assert reason["president"] == "title" and reason["president whitfield"] == "title"
    assert reason["q"] == "initial" or reason["john q"] == "initial"
    assert not isinstance(reason["union"], str)


def test_an_outlets_own_programme_and_reporters_are_its_names():
    ledger = ["On the Daily Ledger's Morning Report, Ana Ruiz said rents rose.",
              "The Daily Ledger's Morning Report asked voters about rents.",
              "Listeners of the Daily Ledger's Morning Report heard the mayor.",
              "The Daily Ledger's Tom Okafor reports that the mayor will run again.",
              "The Daily Ledger's Tom Okafor asked the council about the budget.",
              "The Daily Ledger's Tom Okafor covered the vote on the budget plan.",
              "Reporting by the Daily Ledger's Tom Okafor showed the deficit grew.",
              "A source told the Daily Ledger's Tom Okafor that talks had stalled.",
              "The mayor spoke on Morning Report about the morning traffic."]
    star = ["The mayor spoke about the morning traffic on Monday.", "Rents rose this morning, a report said.",
            "The council passed the budget plan with a narrow vote.", "A second report on rents came out in May.",
            "The audit report faulted the budget office.", "Its report found that morning buses ran late.",
            "A final report is due next morning."]
    rows = [{"outlet": "Daily Ledger", "text": t} for t in ledger] + [{"outlet": "Morning Star", "text": t}
                                                                       for t in star]
    terms = framing.distinctive_terms(load_corpus(rows), ngram_range=(1, 2), min_count=2, n_resamples=0)
    reason = dict(zip(terms["term"], terms["style_reason"], strict=False))
    assert reason["morning report"] == "name" and reason["tom okafor"] == "name"
    # the words of those names that the corpus also writes on their own stay words
    assert not isinstance(reason["morning"], str) and not isinstance(reason["report"], str)
    assert not isinstance(reason["rents"], str)
