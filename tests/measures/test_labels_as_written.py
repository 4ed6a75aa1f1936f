"""Labels count as written, in the outlet's own voice, where the outlet uses them (issue: labels over-match)."""

import numpy as np
import pandas as pd
import pytest

from framing import load_corpus
from framing._nlp.stance import label_stance
from framing._nlp.text import tokenize
from framing.measures.kwic import kwic
from framing.measures.labels import label_choices, label_differences

TEXTS = [
    # outlet A: one "illegals" of its own; "illegal" as an adjective twice; one quoted "illegals"
    ("a1", "A", "ev1", 'Officials said illegals crossed the river. Illegal drugs were seized. '
                       'A sheriff said "illegals are everywhere" on Monday.'),
    ("a2", "A", "ev2", "Illegal immigration rose. The presidents met. The president spoke."),
    # outlet B: "undocumented migrants" (once, not also "migrants"), and a rejected label
    ("b1", "B", "ev1", "Undocumented migrants crossed the river. Migrants waited at the border."),
    ("b2", "B", "ev2", "The army chose limited raids rather than a full-scale incursion. "
                       "The so-called incursion began at dawn."),
]
CONCEPTS = {
    "migrants": ["illegals", "undocumented migrants", "migrants"],
    "leader": ["the president"],
    "action": ["incursion", "raids"],
}


@pytest.fixture(scope="module")
def corpus():
    return load_corpus([{"doc_id": d, "outlet": o, "event": e, "text": t} for d, o, e, t in TEXTS])


def _count(res, outlet, label):
    sel = res[(res["outlet"] == outlet) & (res["label"] == label)]
    assert len(sel) == 1
    return int(sel["count"].iloc[0])


def test_a_label_matches_as_written(corpus):
    res = label_choices(corpus, CONCEPTS, n_resamples=0)
    # "illegals" never counts "Illegal drugs" or "Illegal immigration"; the quoted one is the sheriff's
    assert _count(res, "A", "illegals") == 1
    # "the president" does not match "the presidents"
    assert _count(res, "A", "the president") == 1
    # "undocumented migrants" counts once, and "migrants" only where it stands alone
    assert (_count(res, "B", "undocumented migrants"), _count(res, "B", "migrants")) == (1, 1)
    np.testing.assert_allclose(res[(res["outlet"] == "B") & (res["concept"] == "migrants")]["share"],
                               [0.0, 0.5, 0.5])


def test_inflect_true_merges_singular_and_plural(corpus):
    res = label_choices(corpus, {"leader": ["the president"]}, inflect=True, n_resamples=0)
    assert _count(res, "A", "the president") == 2  # "The presidents met", "The president spoke"


def test_quoted_labels_are_not_the_outlets_choice(corpus):
    m = label_choices(corpus, CONCEPTS, level="mention")
    ill = m[m["label"] == "illegals"]
    assert ill["in_quote"].tolist() == [False, True]
    assert ill["voice"].tolist() == ["outlet", "quoted"]
    assert _count(label_choices(corpus, CONCEPTS, voice="quoted", n_resamples=0), "A", "illegals") == 1
    assert _count(label_choices(corpus, CONCEPTS, voice="all", n_resamples=0), "A", "illegals") == 2
    res = label_choices(corpus, CONCEPTS, n_resamples=0)
    assert res.attrs["voice"] == "outlet"


def test_rejected_and_attributed_labels_are_apart(corpus):
    m = label_choices(corpus, CONCEPTS, level="mention")
    inc = m[m["label"] == "incursion"]
    assert inc["stance"].tolist() == ["rejected", "attributed"]
    res = label_choices(corpus, CONCEPTS, n_resamples=0)
    # "rather than a full-scale incursion" and "the so-called incursion" are not B's word
    assert (_count(res, "B", "incursion"), _count(res, "B", "raids")) == (0, 1)
    every = label_choices(corpus, CONCEPTS, stance="all", n_resamples=0)
    assert _count(every, "B", "incursion") == 2
    assert _count(label_choices(corpus, CONCEPTS, stance=["rejected"], n_resamples=0), "B", "incursion") == 1


@pytest.mark.parametrize(
    "text, word, stance",
    [
        ("Officials authorised limited strikes rather than a full-scale incursion.", "incursion", "rejected"),
        ("He insisted it was not a massacre.", "massacre", "rejected"),
        ("Critics denounced what they describe as an invasion.", "invasion", "attributed"),
        ("The incursion began at dawn, not at night.", "incursion", "used"),
        ("The raid, not an invasion, began at dawn.", "raid", "used"),
    ],
)
def test_label_stance_reads_the_words_before_the_label(text, word, stance):
    words = tokenize(text)
    assert label_stance(words, words.index(word)) == stance


def test_kwic_marks_quoted_lines(corpus):
    lines = kwic(corpus, "illegals")
    assert lines["in_quote"].tolist() == [False, True]


def test_within_events_is_recorded_and_checked(corpus):
    res = label_choices(corpus, CONCEPTS, within="event", n_resamples=50)
    assert res.attrs["within"] == "event"
    plain = label_choices(corpus, CONCEPTS, n_resamples=0)
    # within= changes the resampling, never the counts
    pd.testing.assert_series_equal(res["count"], plain["count"])
    with pytest.raises(ValueError, match="must differ from `by`"):
        label_choices(corpus, CONCEPTS, within="outlet")
    with pytest.raises(ValueError, match="must be a column"):
        label_differences(corpus, CONCEPTS, within="week")
