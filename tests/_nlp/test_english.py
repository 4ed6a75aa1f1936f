"""The English word base: inflection, lemmas, and the lists the modules share."""

import pytest

from framing._nlp import english as en


@pytest.mark.parametrize(
    "base, kind, forms",
    [
        ("die", "ing", ("dying",)),
        ("lie", "ing", ("lying",)),
        ("tie", "ing", ("tying",)),
        ("quit", "ing", ("quitting",)),
        ("quip", "past", ("quipped",)),
        ("rebut", "participle", ("rebutted",)),
        ("begin", "ing", ("beginning",)),
        ("upset", "ing", ("upsetting",)),
        ("slam", "past", ("slammed",)),
        ("target", "past", ("targeted",)),
        ("visit", "ing", ("visiting",)),
        ("cancel", "past", ("canceled", "cancelled")),
        ("travel", "ing", ("traveling", "travelling")),
        ("fuel", "past", ("fueled", "fuelled")),
        ("control", "past", ("controlled",)),
        ("reveal", "past", ("revealed",)),
        ("panic", "past", ("panicked",)),
        ("forecast", "past", ("forecast", "forecasted")),
        ("strike", "participle", ("struck", "stricken")),
    ],
)
def test_verb_forms(base, kind, forms):
    assert en.verb_forms(base)[kind] == forms


def test_lemmas_of_british_and_doubled_spellings():
    words = ["cancelled", "travelling", "dying", "quipped", "rebutted", "kidnapped", "struck"]
    assert [en.lemma_of(w) for w in words] == [
        "cancel", "travel", "die", "quip", "rebut", "kidnap", "strike"
    ]


def test_inflections_of_multiword_verbs():
    # "hit" is its own past: each form once
    assert en.inflections("hit out") == ["hit out", "hits out", "hitting out"]
    assert en.inflections("according to") == ["according to"]
    assert en.inflections("label") == [
        "label", "labels", "labeled", "labelled", "labeling", "labelling"
    ]


def test_verb_data_is_read_lazily_and_complete():
    assert en.IRREGULAR["take"] == (("took",), ("taken",))
    assert "bombard" in en.VERBS and set(en.IRREGULAR) <= en.VERBS
    with pytest.raises(AttributeError):
        en.NO_SUCH_LIST  # noqa: B018


def test_word_classes_are_lower_case_words():
    for name in dir(en):
        value = getattr(en, name)
        if name.isupper() and isinstance(value, frozenset):
            assert all(w == w.lower() and w.strip() == w and w for w in value), name


@pytest.mark.parametrize(
    "word, lemma",
    [
        # verbs not in framing's lists, by spelling rules
        ("hoped", "hope"), ("timing", "time"), ("framed", "frame"),  # one syllable + silent e
        ("heated", "heat"), ("floated", "float"), ("touted", "tout"),  # vowel pair: no e
        ("disclosed", "disclose"), ("revised", "revise"), ("outlined", "outline"),
        ("singled", "single"), ("puzzled", "puzzle"), ("curled", "curl"), ("sprawling", "sprawl"),
        ("plagued", "plague"), ("clothing", "clothe"), ("disliked", "dislike"),
        ("staffing", "staff"), ("wooing", "woo"), ("trafficking", "traffic"),
        ("decreed", "decree"), ("decrying", "decry"), ("vying", "vie"),
        ("infringed", "infringe"), ("banged", "bang"), ("suited", "suit"), ("dialed", "dial"),
        ("rendered", "render"), ("piloted", "pilot"),
        # words that only look like verb forms
        ("hundred", "hundred"), ("indeed", "indeed"), ("something", "something"),
    ],
)
def test_lemmas_of_unknown_verbs(word, lemma):
    assert word not in en.verbs()
    assert en.lemma_of(word) == lemma
