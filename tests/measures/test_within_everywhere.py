"""Every group measure takes within= (compare outlets inside events): same estimates, event-level resampling."""

import numpy as np
import pytest

import framing
from framing import load_corpus

ROWS = [
    ("d1", "A", "e1", '"We will rebuild," the mayor said. Strikes hit the port.'),
    ("d2", "A", "e2", "The council met. Officials said the bridge was safe."),
    ("d3", "B", "e1", 'The mayor claimed the city was "safe". Aid arrived at the port.'),
    ("d4", "B", "e2", '"Nobody was hurt," a spokesman said. The council met.'),
    ("d5", "A", "e1", "Aid arrived. The mayor praised the volunteers."),
    ("d6", "B", "e2", "Strikes hit the bridge. The council was criticised."),
]
ACTORS = {"Mayor": ["the mayor"], "Council": ["the council"]}


@pytest.fixture(scope="module")
def corpus():
    return load_corpus([{"doc_id": d, "outlet": o, "event": e, "text": t} for d, o, e, t in ROWS])


MEASURES = {
    "quotes": lambda c, **kw: framing.quotes(c, what="share", **kw),
    "sentiment_profile": lambda c, **kw: framing.sentiment_profile(c, **kw),
    "loaded_language": lambda c, **kw: framing.loaded_language(c, **kw),
    "frames": lambda c, **kw: framing.frames(c, **kw),
    "passive_voice": lambda c, **kw: framing.passive_voice(c, **kw),
    "actor_sentiment": lambda c, **kw: framing.actor_sentiment(c, ACTORS, **kw),
    "actor_roles": lambda c, **kw: framing.actor_roles(c, ACTORS, **kw),
}


@pytest.mark.parametrize("name", list(MEASURES))
def test_within_keeps_estimates_and_records_itself(corpus, name):
    fn = MEASURES[name]
    plain = fn(corpus, n_resamples=30, random_state=0)
    within = fn(corpus, within="event", n_resamples=30, random_state=0)
    assert within.attrs.get("within") == "event"
    est = "share" if "share" in plain.columns and "estimate" not in plain.columns else "estimate"
    np.testing.assert_allclose(within[est].to_numpy(float), plain[est].to_numpy(float), equal_nan=True)
    with pytest.raises(ValueError, match="must differ from `by`"):
        fn(corpus, within="outlet")



def test_one_event_is_the_plain_comparison(corpus):
    one = load_corpus(corpus.articles.assign(event="e1"))
    plain = framing.sentiment_profile(one, n_resamples=50, random_state=3)
    within = framing.sentiment_profile(one, within="event", n_resamples=50, random_state=3)
    np.testing.assert_allclose(within["ci_low"], plain["ci_low"])
    np.testing.assert_allclose(within["p_value"], plain["p_value"])


def test_compare_auto_needs_two_shared_events(corpus):
    assert framing.compare(corpus, n_resamples=0).within == "event"
    one = load_corpus(corpus.articles.assign(event="e1"))
    assert framing.compare(one, n_resamples=0).within is None
    assert framing.compare(corpus, within=None, n_resamples=0).within is None
