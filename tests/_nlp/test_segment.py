import pytest

from framing._nlp.segment import paragraph_spans, segment
from tests.conftest import needs_shared_data
from tests.scripts import run_validation


def sentences(text):
    return [text[s:e] for _, s, e, _ in segment(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # titles, ranks and dotted country names do not end sentences
        (
            "Mr. Netanyahu met Sen. Reed and Gen. Brown. They talked.",
            ["Mr. Netanyahu met Sen. Reed and Gen. Brown.", "They talked."],
        ),
        (
            "The U.S. and the U.N. disagreed on Jan. 5. Talks went on.",
            ["The U.S. and the U.N. disagreed on Jan. 5.", "Talks went on."],
        ),
        (
            "Lt. Col. Dana Ruiz of the F.B.I. spoke at 10 a.m. on Friday.",
            ["Lt. Col. Dana Ruiz of the F.B.I. spoke at 10 a.m. on Friday."],
        ),
        # an abbreviation at the end of a sentence, before a common opener
        (
            "The aid was sent by the U.S. The shipment arrived.",
            ["The aid was sent by the U.S.", "The shipment arrived."],
        ),
        # quotes: the closing quote stays with its sentence
        (
            '"We will not stop," he said. "This is the end." Others disagreed.',
            ['"We will not stop," he said.', '"This is the end."', "Others disagreed."],
        ),
        # a quoted question followed by its attribution is one sentence
        ('"Why now?" she asked. He left.', ['"Why now?" she asked.', "He left."]),
        (
            "“Is this proportional?” asked a lawyer. Nobody knew.",
            ["“Is this proportional?” asked a lawyer.", "Nobody knew."],
        ),
        # a quote that spans two sentences
        (
            'She said: "We fled at night. Nothing was left." Then she cried.',
            ['She said: "We fled at night.', 'Nothing was left."', "Then she cried."],
        ),
        # numbers and decimals
        (
            "At least 1,200 died. The rate rose 3.5 percent.",
            ["At least 1,200 died.", "The rate rose 3.5 percent."],
        ),
        # datelines are kept out of the first sentence
        (
            "RAFAH, Gaza Strip (AP) — Strikes hit homes. Families fled.",
            ["Strikes hit homes.", "Families fled."],
        ),
        # lines without a full stop are sentences of their own
        (
            "A headline without a period\nThe story starts here.",
            ["A headline without a period", "The story starts here."],
        ),
    ],
)
def test_segmentation_cases(text, expected):
    assert sentences(text) == expected


def test_paragraphs_and_sections_offsets():
    text = "WASHINGTON — First one. Second one.\n\nThird one.\n\nFourth."
    out = segment(text)
    assert [p for p, *_ in out] == [0, 0, 1, 2]
    assert out[0][3] == len("WASHINGTON — ")
    assert [d for *_, d in out[1:]] == [0, 0, 0]


def test_single_line_breaks_are_paragraphs_without_blank_lines():
    assert paragraph_spans("a\nb") == [(0, 1), (2, 3)]
    assert paragraph_spans("a\nb\n\nc") == [(0, 3), (5, 6)]
    assert paragraph_spans("") == []


@needs_shared_data
def test_newswcl50_boundary_f1():
    scores = run_validation("segmentation", "--json")
    assert scores["f1"] >= 0.97


def test_sentence_starters_are_general_english():
    # a name after a title is not a sentence start: "Mr. Israel" (a surname)
    from framing._nlp.english import SENTENCE_STARTERS

    assert not {"israel", "israeli", "palestinian"} & SENTENCE_STARTERS
    text = "The congressman spoke on Monday. Mr. Israel said the party would fight for every seat."
    assert [text[s:e] for _, s, e, _ in segment(text)] == [
        "The congressman spoke on Monday.",
        "Mr. Israel said the party would fight for every seat.",
    ]
