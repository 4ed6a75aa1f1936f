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
