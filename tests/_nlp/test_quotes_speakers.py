"""Speakers of participle attributions and the PolNeAR speaker scoring."""

import functools

import pandas as pd
import pytest

from framing import load_corpus
from framing.measures.quotes import quotes
from tests.scripts import run_validation


def _speakers(texts):
    c = load_corpus(pd.DataFrame({"doc_id": range(len(texts)), "outlet": "A", "text": texts}))
    m = quotes(c, level="mention")
    return m[["doc_id", "speaker", "lemma"]].values.tolist()


def test_participle_speaks_for_the_subject_before_its_clause_verb():
    assert _speakers(
        [
            'The town released a statement Wednesday saying the remarks "are based on opinion, not facts."',
            'The senator emailed supporters saying: "The fight goes on" and vowing to run again.',
            "The Varga campaign sent a fundraising email Monday saying that the race is now a contest of two.",
        ]
    ) == [
        ["0", "The town", "say"],
        ["1", "The senator", "say"],
        ["1", "The senator", "vow"],
        ["2", "The Varga campaign", "say"],
    ]


_HEADS = [
    ("Lena Morrow, the mayor's adviser on housing,", {"morrow", "adviser"}),
    ("Tom Ferris, a vocal critic of Mr. Halvorsen", {"ferris", "critic"}),
    ("Sen. Ada Quill (D-Ore.)", {"quill"}),
    ("the head of the port authority", {"head"}),
    ("Ravi Menon of Calder University", {"menon"}),
    ("Peter Osgood Jr., who runs the shelter", {"osgood"}),
    ("officials", {"officials"}),
]
_LAWYER = "Mr. Halvorsen's lawyer, Dana Pike,"


@functools.lru_cache(maxsize=1)
def _scoring():
    """The members and heads validation/polnear_eval.py scores each source against."""
    return run_validation("polnear_eval", "--heads", *[s for s, _ in _HEADS], _LAWYER, timeout=300)


@pytest.mark.parametrize(("source", "heads"), _HEADS)
def test_gold_source_heads(source, heads):
    assert set(_scoring()[source]["heads"]) == heads


def test_first_member_is_the_name_before_an_apposition():
    assert _scoring()[_LAWYER]["members"] == [["halvorsen", "lawyer"], ["dana", "pike"]]


def test_inner_adverb_of_the_verb_group_is_not_the_speaker():
    assert _speakers(
        [
            "The Civic Party has long argued that the council ignores the voters.",
            "The mayor has always said that the port will stay open.",
        ]
    ) == [
        ["0", "The Civic Party", "argue"],
        ["1", "The mayor", "say"],
    ]


def test_possessive_subject_of_a_participle_speaks_with_its_noun():
    assert _speakers(
        [
            'Ada Quill spoke. His office put out a statement saying the state "does not have the capacity."',
            'Tom Ferris spoke. His chief aide doubled down on attacks, saying she is experienced "on paper."',
        ]
    ) == [
        ["0", "His office", "say"],
        ["1", "His chief aide", "say"],
    ]


def test_far_pronoun_speaks_for_the_last_named_person_of_its_gender():
    filler = "The harbour district has changed a great deal over the past two decades, and the old warehouses now hold offices. " * 3
    text = (
        'Mr. Halvorsen said the port "will stay open." The Civic Party has long argued that the council ignores the voters.\n\n'
        + "\n\n".join([filler] * 5)
        + '\n\nHe said that the plan "is not finished."'
    )
    rows = _speakers([text])
    assert rows[-1] == ["0", "Mr. Halvorsen", "say"]
