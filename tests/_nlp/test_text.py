import pytest

from framing._nlp.text import clean_text, find_dateline, fold, token_spans, tokenize


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("\ufeffBOM first", "BOM first"),
        ("one\r\ntwo\rthree", "one\ntwo\nthree"),
        ("Gaza\u00a0City and\u202fRafah", "Gaza City and Rafah"),
        (
            "<p>First <b>bold</b> para.</p><p>Second&nbsp;para.</p>",
            "First bold para.\n\nSecond para.",
        ),
        ("Line one<br>line two", "Line one\nline two"),
        ("<div><script>var x = 1;</script>Text</div>", "Text"),
        ("Tom &amp; Jerry &#8220;quoted&#8221;", "Tom & Jerry \u201cquoted\u201d"),
        ("a < b and c > d", "a < b and c > d"),
        ("para one\n\n\n\npara two", "para one\n\npara two"),
        ("  spaced   out\t text  ", "spaced out text"),
        ("soft\u00adhyphen zero\u200bwidth", "softhyphen zerowidth"),
    ],
)
def test_clean_text(raw, expected):
    assert clean_text(raw) == expected


def test_fold_keeps_length_and_folds_quotes():
    s = "İstanbul’s “quoted” ‘single’"
    assert len(fold(s)) == len(s)
    assert fold("Israel’s “Op”") == 'israel\'s "op"'


@pytest.mark.parametrize(
    "text, tokens",
    [
        ("Israel's right", ["israel", "'s", "right"]),
        ("Israel’s right", ["israel", "'s", "right"]),
        ("Don't stop; it isn’t over", ["don't", "stop", "it", "isn't", "over"]),
        ("A full-scale, U.S.-backed invasion", ["a", "full-scale", "u.s.", "backed", "invasion"]),
        (
            "At least 1,200 people, 35.5 percent, in the 1990s and 21st",
            [
                "at",
                "least",
                "1,200",
                "people",
                "35.5",
                "percent",
                "in",
                "the",
                "1990s",
                "and",
                "21st",
            ],
        ),
        ("The U.N. and the E.U. met", ["the", "u.n.", "and", "the", "e.u.", "met"]),
        (
            "co-operation counter-terrorism 30-minute",
            ["co-operation", "counter-terrorism", "30-minute"],
        ),
        ('— dash – and "quotes" ...', ["dash", "and", "quotes"]),
        ("Hamas’ fighters", ["hamas", "fighters"]),
    ],
)
def test_tokenize(text, tokens):
    assert tokenize(text) == tokens


def test_token_spans_index_the_original_text():
    text = "The IDF’s “precision” strikes killed 12, officials said."
    for tok, s, e in token_spans(text):
        assert fold(text[s:e]) == tok


@pytest.mark.parametrize(
    "text, dateline",
    [
        ("WASHINGTON — The president", "WASHINGTON — "),
        ("RAFAH, Gaza Strip (AP) — Israeli", "RAFAH, Gaza Strip (AP) — "),
        ("GAZA CITY, May 7 (Reuters) - Strikes", "GAZA CITY, May 7 (Reuters) - "),
        ("WEST PALM BEACH, Fla. — President", "WEST PALM BEACH, Fla. — "),
        ("TEL AVIV (Reuters) - Israel", "TEL AVIV (Reuters) - "),
        ("Washington (AFP) – Special", "Washington (AFP) – "),
        ("April 29 (UPI) — A caravan", "April 29 (UPI) — "),
        ("The White House said", ""),
        ("NATO — a defensive alliance — met", ""),
        ("Israel — which denies it — said", ""),
    ],
)
def test_find_dateline(text, dateline):
    assert text[: find_dateline(text)] == dateline
