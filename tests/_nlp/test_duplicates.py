import pandas as pd

from framing import load_corpus

BASE = (
    "Israeli forces pushed deeper into the southern city on Tuesday as aid agencies warned that "
    "fuel for hospitals would run out within days. The military said its troops had targeted "
    "tunnels and weapons depots in the east of the city, while residents described a night of "
    "heavy bombardment. Officials in Washington repeated that they opposed a large ground "
    "operation without a credible plan to protect the civilians sheltering there. The crossing "
    "used for most deliveries of food and medicine stayed closed for a third day, and a senior "
    "relief official said trucks were waiting on the other side of the border. Negotiators were "
    "expected to meet again later in the week, though neither side signalled a change of position."
)
EDITED = (
    BASE.replace("on Tuesday", "on Tuesday morning")
    .replace("residents described", "people living there described")
    .replace(
        " The crossing used for most deliveries of food and medicine stayed closed for a third day, and a senior "
        "relief official said trucks were waiting on the other side of the border.",
        "",
    )
)
OTHER = (
    "Lawmakers in Washington pressed the administration on Wednesday to explain how it would "
    "judge whether the operation in the southern city crossed a line it had drawn in private "
    "talks. Several senators said they wanted written assurances about the protection of "
    "civilians, while others argued that the ally had a right to pursue the armed group's "
    "remaining battalions. The debate comes weeks before a vote on a supplemental spending bill "
    "that includes military aid, and party leaders are divided on whether to attach conditions. "
    "Officials in Washington repeated that they opposed a large ground operation without a plan."
)


def corpus():
    return load_corpus(
        pd.DataFrame(
            {
                "doc_id": ["wire", "copy", "other"],
                "outlet": ["Wire", "Daily", "Ledger"],
                "text": [BASE, EDITED, OTHER],
            }
        )
    )


def test_lightly_edited_copy_is_found_and_other_article_is_not():
    pairs = corpus().duplicates()
    assert list(pairs.columns) == [
        "doc_id_a",
        "doc_id_b",
        "outlet_a",
        "outlet_b",
        "similarity",
        "containment",
    ]
    assert len(pairs) == 1
    row = pairs.iloc[0]
    assert (row.doc_id_a, row.doc_id_b) == ("wire", "copy")
    assert row.containment > 0.8 and 0.5 < row.similarity < row.containment


def test_exact_scores_by_hand():
    c = load_corpus(pd.DataFrame({"outlet": ["A", "B"], "text": ["a b c d e f", "a b c d e g"]}))
    # 2-word shingles: {ab bc cd de ef} vs {ab bc cd de eg}: 4 shared, union 6
    pairs = c.duplicates(shingle_size=2, threshold=0.1)
    assert pairs["similarity"].iat[0] == 4 / 6
    assert pairs["containment"].iat[0] == 4 / 5


def test_drop_duplicates_lists_what_it_dropped():
    deduped = corpus().drop_duplicates()
    assert deduped.articles["doc_id"].tolist() == ["wire", "other"]
    skipped = deduped.skipped
    assert skipped["doc_id"].tolist() == ["copy"]
    assert skipped["reason"].iat[0].startswith("near-duplicate of wire (containment")


def test_many_documents_stay_exact():
    # 200 distinct random documents plus 3 copies: only the copies are paired
    import numpy as np

    rng = np.random.default_rng(0)
    vocab = [f"w{i}" for i in range(3000)]
    texts = [" ".join(rng.choice(vocab, 120)) for _ in range(200)]
    texts += [texts[5], texts[17] + " extra words here", " ".join(texts[42].split()[:100])]
    c = load_corpus(pd.DataFrame({"outlet": ["O"] * len(texts), "text": texts}))
    pairs = c.duplicates()
    found = {(a, b) for a, b in zip(pairs["doc_id_a"], pairs["doc_id_b"])}
    assert found == {("o-6", "o-201"), ("o-18", "o-202"), ("o-43", "o-203")}


def test_duplicates_of_2000_identical_copies_are_linear():
    import time

    c = load_corpus(pd.DataFrame({"outlet": ["A", "B"] * 1000, "text": [BASE] * 2000}))
    start = time.perf_counter()
    pairs = c.duplicates()
    assert time.perf_counter() - start < 20  # was 117 s with all 2 million pairs
    assert len(pairs) == 1999  # each copy once, paired with the first
    assert set(pairs["doc_id_a"]) == {"a-1"} and (pairs["containment"] == 1).all()
    deduped = c.drop_duplicates()
    assert len(deduped) == 1 and len(deduped.skipped) == 1999


def test_near_copies_form_one_cluster_of_k_minus_one_pairs():
    import numpy as np

    rng = np.random.default_rng(0)
    words = BASE.split()
    texts = []
    for k in range(300):
        w = list(words)
        w[int(rng.integers(len(w)))] = f"x{k}"
        texts.append(" ".join(w))
    c = load_corpus(pd.DataFrame({"outlet": ["A", "B", "C"] * 100, "text": texts}))
    pairs = c.duplicates()
    assert len(pairs) == 299 and (pairs["containment"] >= 0.5).all()
    assert len(c.drop_duplicates()) == 1
