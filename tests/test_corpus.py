import json
import warnings

import pandas as pd
import pytest

import framing
from framing import Corpus, CorpusError, load_corpus

ARTICLES = [
    {
        "outlet": "Wire",
        "title": "Talks resume",
        "text": "Talks resumed on Monday. Both sides attended.",
    },
    {"outlet": "Ledger", "title": "A hard week", "text": "It was a hard week.\n\nMr. Lee said so."},
]


def write(path, text, encoding="utf-8"):
    path.write_bytes(text.encode(encoding))
    return path


# -- DataFrame and list sources ---------------------------------------------------


def test_dataframe_with_column_mapping_keeps_extra_columns():
    df = pd.DataFrame(
        {"source": ["A", "B", "A"], "body": ["One.", "Two.", "Three."], "lang": ["en", "en", "de"]}
    )
    corpus = load_corpus(df, outlet="source", text="body")
    arts = corpus.articles
    assert list(arts.columns) == ["doc_id", "outlet", "title", "text", "lang", "has_headline"]
    assert arts["doc_id"].tolist() == ["a-1", "b-1", "a-2"]
    assert arts["lang"].tolist() == ["en", "en", "de"]
    assert arts["has_headline"].tolist() == [False, False, False]
    assert arts["title"].tolist() == ["One.", "Two.", "Three."]
    assert corpus.outlets == ["A", "B"]
    assert len(corpus) == 3


def test_list_of_dicts_and_given_ids_titles_dates():
    records = [dict(a, doc_id=f"d{i}", date=f"2024-05-0{i + 1}") for i, a in enumerate(ARTICLES)]
    corpus = load_corpus(records)
    arts = corpus.articles
    assert arts["doc_id"].tolist() == ["d0", "d1"]
    assert arts["title"].tolist() == ["Talks resume", "A hard week"]
    assert arts["has_headline"].all()
    assert str(arts["date"].dtype).startswith("datetime64")
    assert arts["date"].dt.day.tolist() == [1, 2]


def test_mapping_to_missing_column_lists_columns():
    df = pd.DataFrame({"source": ["A"], "body": ["x"]})
    with pytest.raises(
        CorpusError, match=r"no column 'content' \(given as text='content'\).*'source', 'body'"
    ):
        load_corpus(df, outlet="source", text="content")


def test_missing_outlet_column_lists_columns_and_guesses():
    df = pd.DataFrame({"publisher": ["A"], "text": ["x"]})
    with pytest.raises(
        CorpusError,
        match=r"no 'outlet' column; columns: \['publisher', 'text'\].*outlet='publisher'",
    ):
        load_corpus(df)


def test_missing_text_column():
    with pytest.raises(CorpusError, match=r"no 'text' column.*\['outlet', 'body'\]"):
        load_corpus(pd.DataFrame({"outlet": ["A"], "body": ["x"]}))


def test_mapped_name_clash_keeps_original():
    df = pd.DataFrame({"outlet": ["A"], "text": ["short"], "body": ["The full text."]})
    arts = load_corpus(df, text="body").articles
    assert arts["text"].iat[0] == "The full text."
    assert arts["text_original"].iat[0] == "short"


def test_empty_texts_are_skipped_with_reason_and_warning():
    df = pd.DataFrame(
        {"outlet": ["A", "B", "C", None], "text": ["Fine.", "   \n ", None, "No outlet."]}
    )
    with pytest.warns(UserWarning, match=r"2 article\(s\) skipped|3 article\(s\) skipped"):
        corpus = load_corpus(df)
    assert len(corpus) == 1
    sk = corpus.skipped
    assert list(sk.columns) == ["doc_id", "outlet", "source", "reason"]
    assert sk["reason"].tolist() == ["empty text", "empty text", "no outlet"]
    assert sk["source"].tolist() == [
        "the DataFrame, row 1",
        "the DataFrame, row 2",
        "the DataFrame, row 3",
    ]


def test_all_empty_is_an_error():
    with pytest.raises(CorpusError, match="none of the 2 article"):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            load_corpus(pd.DataFrame({"outlet": ["A", "B"], "text": ["", " "]}))


def test_empty_dataframe_is_an_error():
    with pytest.raises(CorpusError, match="holds no articles"):
        load_corpus(pd.DataFrame({"outlet": [], "text": []}))


def test_duplicate_doc_id_names_both_rows():
    df = pd.DataFrame(
        {"doc_id": ["x", "y", "x"], "outlet": ["A", "B", "C"], "text": ["a", "b", "c"]}
    )
    with pytest.raises(CorpusError, match=r"doc_id 'x' appears twice \(row 0 and row 2\)"):
        load_corpus(df)


def test_one_outlet_loads():
    corpus = load_corpus(pd.DataFrame({"outlet": ["A", "A"], "text": ["One.", "Two."]}))
    assert corpus.outlets == ["A"]


def test_bad_source_type():
    with pytest.raises(TypeError, match="source must be"):
        load_corpus(42)


# -- CSV --------------------------------------------------------------------------


def test_csv_with_bom_crlf_curly_quotes_nbsp_and_html(tmp_path):
    text = (
        "\ufeffoutlet,title,text,section\r\n"
        'Wire,Strikes hit Rafah,"<p>RAFAH, Gaza Strip — Israel’s strikes hit\u00a0homes.</p><p>“We fled,” she said.</p>",world\r\n'
        "Ledger,Talks,Plain text &amp; more.,politics\r\n"
    )
    corpus = load_corpus(write(tmp_path / "a.csv", text))
    arts = corpus.articles
    assert arts["outlet"].tolist() == ["Wire", "Ledger"]
    assert (
        arts["text"].iat[0]
        == "RAFAH, Gaza Strip — Israel’s strikes hit homes.\n\n“We fled,” she said."
    )
    assert arts["text"].iat[1] == "Plain text & more."
    assert arts["section"].tolist() == ["world", "politics"]
    sents = corpus.sentences()
    first = sents[sents["doc_id"] == "wire-1"]
    assert first["text"].tolist() == [
        "Strikes hit Rafah",
        "Israel’s strikes hit homes.",
        "“We fled,” she said.",
    ]
    assert first["section"].tolist() == ["headline", "lede", "body"]


def test_semicolon_csv_and_mapping(tmp_path):
    path = write(tmp_path / "b.csv", "source;body;id\nA;First text.;a1\nB;Second text.;b1\n")
    arts = load_corpus(path, outlet="source", text="body", doc_id="id").articles
    assert arts["doc_id"].tolist() == ["a1", "b1"]


def test_csv_duplicate_doc_id_names_rows(tmp_path):
    path = write(tmp_path / "c.csv", "doc_id,outlet,text\nx,A,one\ny,A,two\nx,B,three\n")
    with pytest.raises(
        CorpusError,
        match=r"c\.csv: doc_id 'x' appears twice \(.*c\.csv, row 2 and .*c\.csv, row 4\)",
    ):
        load_corpus(path)


def test_csv_skipped_rows_name_the_row(tmp_path):
    path = write(tmp_path / "d.csv", "outlet,text\nA,one\nB,\n")
    with pytest.warns(UserWarning, match="1 article"):
        corpus = load_corpus(path)
    assert corpus.skipped["source"].iat[0].endswith("d.csv, row 3")


def test_undecodable_bytes_name_file_and_offset(tmp_path):
    path = tmp_path / "latin.csv"
    path.write_bytes("outlet,text\nA,caf\xe9 society\n".encode("cp1252"))
    with pytest.raises(
        CorpusError,
        match=r"latin\.csv: byte 0xe9 at offset 17 \(line 2\) is not valid utf-8.*encoding=",
    ):
        load_corpus(path)
    corpus = load_corpus(path, encoding="cp1252")
    assert corpus.articles["text"].iat[0] == "café society"


def test_empty_csv(tmp_path):
    with pytest.raises(CorpusError, match="is empty"):
        load_corpus(write(tmp_path / "e.csv", ""))
    with pytest.raises(CorpusError, match="header but no rows"):
        load_corpus(write(tmp_path / "f.csv", "outlet,text\n"))


def test_unknown_suffix_and_missing_path(tmp_path):
    with pytest.raises(CorpusError, match=r"cannot read \.xlsx"):
        load_corpus(write(tmp_path / "g.xlsx", "x"))
    with pytest.raises(CorpusError, match="no such file"):
        load_corpus(tmp_path / "nope.csv")


# -- JSON ---------------------------------------------------------------------------


def test_jsonl(tmp_path):
    lines = [json.dumps(a) for a in ARTICLES]
    path = write(tmp_path / "a.jsonl", lines[0] + "\n\n" + lines[1] + "\n")
    corpus = load_corpus(path)
    assert corpus.articles["title"].tolist() == ["Talks resume", "A hard week"]


def test_malformed_json_line_names_line(tmp_path):
    path = write(tmp_path / "bad.jsonl", json.dumps(ARTICLES[0]) + '\n{"outlet": "A", "text": \n')
    with pytest.raises(CorpusError, match=r"bad\.jsonl, line 2: not valid JSON"):
        load_corpus(path)


def test_json_line_not_an_object(tmp_path):
    path = write(tmp_path / "list.jsonl", "[1, 2]\n")
    with pytest.raises(CorpusError, match="line 1: expected a JSON object, got list"):
        load_corpus(path)


def test_json_list_and_articles_key(tmp_path):
    a = load_corpus(write(tmp_path / "a.json", json.dumps(ARTICLES)))
    b = load_corpus(write(tmp_path / "b.json", json.dumps({"articles": ARTICLES, "n": 2})))
    pd.testing.assert_frame_equal(a.articles, b.articles)


def test_json_lines_saved_as_json(tmp_path):
    path = write(tmp_path / "c.json", "\n".join(json.dumps(a) for a in ARTICLES))
    assert len(load_corpus(path)) == 2


def test_json_errors(tmp_path):
    with pytest.raises(CorpusError, match=r"line 1, column \d+: not valid JSON"):
        load_corpus(write(tmp_path / "d.json", "{'single': 'quotes'}"))
    with pytest.raises(CorpusError, match="item 1 of the list is a int"):
        load_corpus(write(tmp_path / "e.json", json.dumps([ARTICLES[0], 3])))
    with pytest.raises(CorpusError, match="is empty"):
        load_corpus(write(tmp_path / "f.json", "  "))


# -- folders ------------------------------------------------------------------------


def test_folder_with_front_matter_and_headline_lines(tmp_path):
    write(
        tmp_path / "one.md",
        "---\noutlet: Wire\ntitle: Given title\ndate: 2024-05-08\nsynthetic: true\n---\nBody one. More.\n",
    )
    write(
        tmp_path / "two.txt",
        "---\noutlet: Ledger\n---\nA headline on its own line\n\nWASHINGTON — The body starts here.\n",
    )
    write(tmp_path / "README.md", "Not an article.")
    corpus = load_corpus(tmp_path)
    arts = corpus.articles.set_index("doc_id")
    assert sorted(arts.index) == ["one", "two"]
    assert arts.loc["one", "title"] == "Given title"
    assert arts.loc["two", "title"] == "A headline on its own line"
    assert arts.loc["two", "text"] == "WASHINGTON — The body starts here."
    assert bool(arts.loc["one", "synthetic"]) is True
    sents = corpus.sentences()
    two = sents[sents["doc_id"] == "two"]
    assert two["text"].tolist() == ["A headline on its own line", "The body starts here."]


def test_markdown_heading_is_the_title(tmp_path):
    write(tmp_path / "a.md", "---\noutlet: A\n---\n# The Title. With a period\n\nText here.\n")
    assert load_corpus(tmp_path).articles["title"].iat[0] == "The Title. With a period"


def test_folder_with_metadata_csv(tmp_path):
    write(tmp_path / "a.txt", "First article text. It is long enough to be a body.")
    write(tmp_path / "b.txt", "Second article text.")
    write(tmp_path / "metadata.csv", "file,outlet,title\na.txt,Wire,Alpha\nb.txt,Ledger,Beta\n")
    arts = load_corpus(tmp_path).articles
    assert arts["outlet"].tolist() == ["Wire", "Ledger"]
    assert arts["title"].tolist() == ["Alpha", "Beta"]


def test_folder_per_outlet(tmp_path):
    (tmp_path / "Wire").mkdir()
    (tmp_path / "Ledger").mkdir()
    write(tmp_path / "Wire" / "x.txt", "Text of x.")
    write(tmp_path / "Ledger" / "y.txt", "Text of y.")
    arts = load_corpus(tmp_path).articles
    assert dict(zip(arts["doc_id"], arts["outlet"])) == {"Ledger/y": "Ledger", "Wire/x": "Wire"}


def test_folder_without_outlet_says_how(tmp_path):
    write(tmp_path / "a.txt", "Text.")
    with pytest.raises(
        CorpusError, match=r"a\.txt: no outlet.*front matter.*metadata\.csv.*sub-folder"
    ):
        load_corpus(tmp_path)


def test_empty_folder(tmp_path):
    with pytest.raises(CorpusError, match=r"holds no \.txt or \.md files"):
        load_corpus(tmp_path)


def test_folder_bad_bytes_and_bad_front_matter(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"---\noutlet: A\n---\nbad \xff byte")
    with pytest.raises(CorpusError, match=r"a\.txt: byte 0xff at offset 22 \(line 4\)"):
        load_corpus(tmp_path)
    (tmp_path / "a.txt").write_bytes(b"---\noutlet: [unclosed\n---\ntext")
    with pytest.raises(CorpusError, match=r"a\.txt, line \d+: the front matter is not valid YAML"):
        load_corpus(tmp_path)


def test_folder_empty_file_is_skipped(tmp_path):
    write(tmp_path / "a.md", "---\noutlet: A\n---\nText.\n")
    write(tmp_path / "b.md", "---\noutlet: B\n---\n\n   \n")
    with pytest.warns(UserWarning, match="1 article"):
        corpus = load_corpus(tmp_path)
    assert corpus.skipped["source"].iat[0].endswith("b.md")
    assert corpus.skipped["doc_id"].iat[0] == "b"


# -- the Corpus object -------------------------------------------------------------------


def test_corpus_constructor_validates():
    with pytest.raises(CorpusError, match="missing required column"):
        Corpus(pd.DataFrame({"outlet": ["A"], "text": ["x"]}))
    with pytest.raises(CorpusError, match="unique"):
        Corpus(
            pd.DataFrame(
                {"doc_id": ["a", "a"], "outlet": ["A", "B"], "title": ["", ""], "text": ["x", "y"]}
            )
        )


def test_filter_returns_new_corpus():
    corpus = load_corpus(ARTICLES)
    sub = corpus.filter(outlets=["Wire"])
    assert len(sub) == 1 and len(corpus) == 2
    assert sub.outlets == ["Wire"]
    assert len(corpus.filter(where=corpus.articles["outlet"] == "Ledger")) == 1
    with pytest.raises(
        ValueError, match=r"unknown outlet\(s\) \['Nope'\]; the corpus has \['Ledger', 'Wire'\]"
    ):
        corpus.filter(outlets=["Nope"])
    with pytest.raises(ValueError, match="leaves no articles"):
        corpus.filter(where=[False, False])


def test_ordered_categorical_outlets_keep_their_order():
    df = pd.DataFrame(
        {
            "outlet": pd.Categorical(["Zeta", "Alpha"], categories=["Zeta", "Alpha"], ordered=True),
            "text": ["a", "b"],
        }
    )
    assert Corpus(
        load_corpus(df).articles.assign(
            outlet=lambda d: pd.Categorical(d["outlet"], ["Zeta", "Alpha"], ordered=True)
        )
    ).outlets == ["Zeta", "Alpha"]


def test_groups_rejects_unknown_column():
    corpus = load_corpus(ARTICLES)
    with pytest.raises(
        ValueError, match=r"value for `by` must be a column of corpus.articles \('doc_id', 'outlet'\), but 'side'"
    ):
        corpus.groups("side")


def test_sentences_table_contract():
    corpus = load_corpus(ARTICLES)
    sents = corpus.sentences()
    assert list(sents.columns) == [
        "doc_id",
        "outlet",
        "sent_id",
        "section",
        "paragraph",
        "start",
        "end",
        "text",
    ]
    assert sents["sent_id"].tolist() == [0, 1, 2, 0, 1, 2]
    assert sents["section"].astype(str).tolist() == [
        "headline",
        "lede",
        "lede",
        "headline",
        "lede",
        "body",
    ]
    arts = corpus.articles.set_index("doc_id")
    for row in sents.itertuples():
        source = arts.loc[row.doc_id, "title" if row.section == "headline" else "text"]
        assert source[row.start : row.end] == row.text


def test_repr_and_html():
    corpus = load_corpus(ARTICLES)
    assert repr(corpus) == "Corpus(2 articles, 2 outlets)"
    assert "<table" in corpus._repr_html_()


def test_public_names():
    for name in ["load_corpus", "Corpus", "CorpusError", "load_example"]:
        assert hasattr(framing, name)
    assert issubclass(CorpusError, ValueError)


# -- real data -----------------------------------------------------------------------

from tests.conftest import needs_shared_data  # noqa: E402


@needs_shared_data
def test_newswcl50_loads_through_the_public_api(tmp_path):
    from tests.shared_data import newswcl50_articles

    df = newswcl50_articles().drop(columns=["gold_starts"])
    path = tmp_path / "newswcl50.jsonl"
    df.rename(columns={"outlet": "publisher", "text": "body"}).to_json(
        path, orient="records", lines=True
    )
    corpus = framing.load_corpus(path, outlet="publisher", text="body", event="event")
    assert len(corpus) == 50
    assert corpus.outlets == ["Breitbart", "Fox News", "HuffPost", "New York Times", "USA Today"]
    assert corpus.articles.groupby("outlet").size().tolist() == [10] * 5
    assert sorted(corpus.articles["event"].unique()) == list(range(10))
    assert len(corpus.skipped) == 0
    sents = corpus.sentences()
    assert 1600 < len(sents) < 1900
    assert set(sents["section"].astype(str)) == {"lede", "body"}
