"""Draw the NewsMTSC sentences of the reduced-relative dev blocks (``n…`` items).

Run from the repository root::

    python -m validation.agency_draw                     # block 1 (n001-n080), one primary_gid a line
    python -m validation.agency_draw --block 2 --show    # block 2 (n081-n160), with the sentences

Each draw is reproducible: the distinct sentences of ``train.jsonl`` (first
``primary_gid`` of each, in file order) that are not in
``validation/data/agency_labels.tsv`` as it stood before the block was added
(the labelled NewsMTSC items minus those of this block and of later blocks) are
shuffled with ``random.Random(seed)``; the first ``pattern`` of them in which a
past-participle form directly follows a content word (:func:`has_pattern`), the
first ``other`` others, and then the first ``strict`` not yet drawn in which
that form is also followed by a preposition ("officials killed in", "voters
headed to"; ``strict=True``) are drawn (:data:`BLOCKS`). Only the ids go into
the labelled set; the text stays in ``../shared/data``.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re

from framing._nlp import english as en
from framing._nlp.segment import segment

from .agency_eval import LABELS, load_real_news
from .shared_data import SHARED_DATA

# block: (first id number, seed, pattern, other, strict)
BLOCKS = {
    1: (1, 20261202, 56, 14, 10),
    2: (81, 20261203, 60, 0, 20),
}
# block 3 (n161-n240) is drawn from allsides_abp and NewsWCL50 articles instead
REAL_NEWS_BLOCK = 3
REAL_NEWS = (161, 20261204, 60, 20)

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_NOT_BEFORE = (
    en.FUNCTION_WORDS | en.BE_FORMS | en.HAVE_FORMS | en.GET_FORMS | en.MODALS | en.PRONOUNS
    | en.DETERMINERS | en.PREPOSITIONS | en.CONJUNCTIONS | en.NEGATIONS
)


def _participles() -> frozenset[str]:
    return frozenset(p for _, parts in en.irregular_verbs().values() for p in parts)


def has_pattern(sentence: str, participles: frozenset[str] | None = None, *, strict: bool = False) -> bool:
    """Whether a word with a past-participle form follows a content word.

    A past-participle form is a word in ``-ed`` of four letters or more (not
    ``bed``, ``need`` and the like) or an irregular participle ("taken",
    "held"); the word before it is any word that is not a function word,
    auxiliary, pronoun, determiner, preposition or ``-ly`` adverb. The test
    reads spelling only: it keeps true reduced relatives ("civilians killed")
    and simple past verbs after their subject ("the senator voted") alike.
    With ``strict`` the form must also be followed by a preposition.
    """
    participles = _participles() if participles is None else participles
    words = [w.lower() for w in _WORD.findall(sentence)] + [""]
    for prev, w, after in zip(words, words[1:], words[2:]):
        form = (len(w) >= 4 and w.endswith("ed") and w not in en.ED_NOUNS) or w in participles
        if form and prev not in _NOT_BEFORE and not prev.endswith("ly"):
            if not strict or after in en.PREPOSITIONS:
                return True
    return False


def _block_number(item_id: str) -> int:
    return int(item_id[1:]) if re.fullmatch(r"n\d+", item_id) else 0


def draw(block: int = 1) -> list[tuple[str, str]]:
    """The drawn ``(primary_gid, sentence)`` pairs of a block, in the order of its ``n…`` ids."""
    first_id, seed, n_pattern, n_other, n_strict = BLOCKS[block]
    with open(LABELS, encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE, escapechar="\\"))
    used = {
        r["source"].split(":", 1)[1]
        for r in rows
        if r["source"].startswith("newsmtsc:") and not _block_number(r["id"]) >= first_id
    }
    first: dict[str, str] = {}
    used_text = set()
    with open(SHARED_DATA / "newsmtsc" / "train.jsonl", encoding="utf-8") as f:
        for line in f:
            item = json.loads(line)
            text = item["sentence_normalized"]
            if item["primary_gid"] in used:
                used_text.add(text)
            first.setdefault(text, item["primary_gid"])
    pool = [(gid, text) for text, gid in first.items() if text not in used_text]
    random.Random(seed).shuffle(pool)
    participles = _participles()
    pattern = [p for p in pool if has_pattern(p[1], participles)][:n_pattern]
    other = [p for p in pool if not has_pattern(p[1], participles)][:n_other]
    drawn = {gid for gid, _ in pattern + other}
    strict = [
        p for p in pool if p[0] not in drawn and has_pattern(p[1], participles, strict=True)
    ][:n_strict]
    return pattern + other + strict


def _real_news_pool(rng: random.Random) -> list[tuple[str, str]]:
    """``(source, sentence)`` of up to two random sentences of each article, shuffled.

    ``source`` is ``allsides:<id>:<start>:<end>`` or ``newswcl50:<doc_id>:<start>:<end>``
    (character offsets of the sentence in the article text as read by
    :func:`load_real_news`); sentences of 40 to 300 characters without line breaks.
    """
    pool = []
    for key, text in sorted(load_real_news().items()):
        sentences = [(s, e) for _, s, e, _ in segment(text)]
        sentences = [(s, e) for s, e in sentences if 40 <= e - s <= 300 and "\n" not in text[s:e]]
        rng.shuffle(sentences)
        pool += [(f"{key}:{s}:{e}", text[s:e]) for s, e in sentences[:2]]
    rng.shuffle(pool)
    return pool


def draw_real_news() -> list[tuple[str, str]]:
    """The drawn ``(source, sentence)`` pairs of block 3, in the order of its ``n…`` ids."""
    _, seed, n_pattern, n_strict = REAL_NEWS
    pool = _real_news_pool(random.Random(seed))
    participles = _participles()
    pattern = [p for p in pool if has_pattern(p[1], participles)][:n_pattern]
    drawn = {src for src, _ in pattern}
    strict = [
        p for p in pool if p[0] not in drawn and has_pattern(p[1], participles, strict=True)
    ][:n_strict]
    return pattern + strict


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="print the sentences too")
    parser.add_argument("--block", type=int, choices=sorted(BLOCKS) + [REAL_NEWS_BLOCK], default=1)
    args = parser.parse_args(argv)
    drawn = draw_real_news() if args.block == REAL_NEWS_BLOCK else draw(args.block)
    for gid, text in drawn:
        print(f"{gid}\t{text}" if args.show else gid)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
