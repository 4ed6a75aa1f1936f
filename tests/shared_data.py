"""Readers for the real datasets kept beside the checkout in ``../shared/data``.

The data are read where they lie and never copied into the project. Tests that
need them are skipped when the folder is absent (a user's machine); CI has it.
"""

from __future__ import annotations

import collections
import os
from pathlib import Path

import pandas as pd

__all__ = [
    "SHARED_DATA",
    "newswcl50_articles",
    "OUTLETS_NEWSWCL50",
    "polnear_articles",
    "polnear_split",
    "GROUND_TRUTH",
    "GROUND_TRUTH_DIR",
    "read_ground_truth",
]

SHARED_DATA = Path(
    os.environ.get(
        "FRAMING_SHARED_DATA", Path(__file__).resolve().parents[1].parent / "shared" / "data"
    )
)

OUTLETS_NEWSWCL50 = {
    "LL": "HuffPost",
    "L": "New York Times",
    "M": "USA Today",
    "R": "Fox News",
    "RR": "Breitbart",
}

_NO_SPACE_BEFORE = {
    ",",
    ".",
    ";",
    ":",
    "?",
    "!",
    ")",
    "]",
    "}",
    "%",
    "'s",
    "'S",
    "’s",
    "n't",
    "'re",
    "'ve",
    "'ll",
    "'d",
    "'m",
    "...",
    "’",
}
_NO_SPACE_AFTER = {"(", "[", "{", "$", "‘", "“"}


def _detokenize(tokens: list[tuple[int, str]]) -> tuple[str, list[int], list[int]]:
    """Join CoNLL tokens into text; return text, token offsets, sentence starts."""
    out: list[str] = []
    offsets: list[int] = []
    starts: list[int] = []
    length = 0
    glue = True  # no space before the next token
    double_open = single_open = False
    prev_sent = None
    prev_tok = ""
    for i, (sent, tok) in enumerate(tokens):
        tok = tok.replace("\xa0", " ").strip()
        if not tok:
            continue
        if tok == "\\n":
            out.append("\n")
            length += 1
            offsets.append(length - 1)
            glue, double_open, single_open = True, False, False
            prev_tok = tok
            continue
        space = not glue
        opening = False
        if tok == '"':
            if double_open:
                space = False
            else:
                opening = True
            double_open = not double_open
        elif tok in ("'", "’"):
            if single_open:
                space = False
            else:
                opening = True
            single_open = not single_open
        elif tok in _NO_SPACE_BEFORE or tok.startswith("'") and tok[1:].isalpha() and len(tok) <= 3:
            space = False
        elif tok == "-" and prev_tok[-1:].isalnum():
            nxt = tokens[i + 1][1] if i + 1 < len(tokens) else ""
            if nxt[:1].isalnum():
                space = False
        elif prev_tok == "-" and len(out) >= 2 and out[-1] == "-" and not out[-2].endswith(" "):
            space = False
        if space:
            out.append(" ")
            length += 1
        if sent != prev_sent and not (tok in ('"', "'", "’", "”") and not opening):
            # (a closing quote that the dataset put at the start of the next
            # sentence belongs to the sentence it closes)
            starts.append(length)
            prev_sent = sent
        offsets.append(length)
        out.append(tok)
        length += len(tok)
        glue = (
            opening
            or tok in _NO_SPACE_AFTER
            or (tok == "-" and not space and prev_tok[-1:].isalnum())
        )
        prev_tok = tok
    return "".join(out), offsets, starts


def newswcl50_articles(root: Path | None = None) -> pd.DataFrame:
    """The 50 NewsWCL50 articles rebuilt from the tokenised CoNLL file.

    Returns
    -------
    pandas.DataFrame
        Columns ``doc_id`` ("<event>_<publisher>"), ``event`` (0-9),
        ``publisher_id`` (LL, L, M, R, RR), ``outlet`` (the outlet's name),
        ``text`` (tokens joined with English spacing rules, paragraphs on
        separate lines) and ``gold_starts`` (character offsets where the
        dataset's sentences start).
    """
    root = Path(root or SHARED_DATA / "newswcl50")
    path = root / "fulltext_from_Diverse_CDCR" / "NewsWCL50.conll"
    docs: dict[str, list[tuple[int, str]]] = collections.OrderedDict()
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            fields = line.rstrip("\n").split("\t")
            docs.setdefault(fields[0], []).append((int(fields[1]), fields[3]))
    rows = []
    for key, tokens in docs.items():
        doc_id = key.split("/")[-1]
        event, publisher = doc_id.split("_")
        text, _, starts = _detokenize(tokens)
        stripped = text.rstrip()
        rows.append(
            {
                "doc_id": doc_id,
                "event": int(event),
                "publisher_id": publisher,
                "outlet": OUTLETS_NEWSWCL50[publisher],
                "text": stripped,
                "gold_starts": [s for s in starts if s < len(stripped)],
            }
        )
    return pd.DataFrame(rows)


# --- PolNeAR (attribution relations in 2016 campaign news) ---------------------------------

#: Share of PolNeAR train articles held out from rule development (by file name hash).
POLNEAR_HELDOUT_SHARE = 0.3


def polnear_split(name: str) -> str:
    """``"heldout"`` or ``"dev"`` for a PolNeAR article, fixed by a hash of its file name.

    The first 8 hex digits of SHA-1 of the file name (without ``.txt``), read as
    an integer, below 30 % of their range put the article in the held-out part.
    """
    import hashlib

    h = int(hashlib.sha1(name.encode("utf-8")).hexdigest()[:8], 16)
    return "heldout" if h < POLNEAR_HELDOUT_SHARE * 16**8 else "dev"


def _polnear_ann(path: Path) -> list[dict]:
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    events = []
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if len(fields) < 2:
            continue  # the rest of a span's text that runs over a line break
        if line.startswith("T"):
            kind, _, where = fields[1].partition(" ")
            spans[fields[0]] = (kind, [tuple(map(int, p.split())) for p in where.split(";")])
        elif line.startswith("E"):
            events.append(dict(p.split(":") for p in fields[1].split()))
    out = []
    for e in events:
        row = {"source": [], "cue": [], "content": []}
        for role, tid in e.items():
            key = role.rstrip("0123456789").lower()
            if key in row and tid in spans:
                row[key] += spans[tid][1]
        out.append(row)
    return out


def polnear_articles(root: Path | None = None, split: str | None = None) -> pd.DataFrame:
    """PolNeAR train articles with their attribution annotations.

    Parameters
    ----------
    root : path, optional
        The ``polnear_train`` folder (default: ``../shared/data/polnear_train``).
    split : {"dev", "heldout"}, optional
        Keep one part of :func:`polnear_split` (default: all articles).

    Returns
    -------
    pandas.DataFrame
        One row per article in file-name order: ``name``, ``publisher``,
        ``split``, ``annotator`` (the first annotator in alphabetical order
        when several annotated the article), ``text`` (the file as stored) and
        ``attributions``: a list of dicts with ``source``, ``cue`` and
        ``content``, each a list of ``(start, end)`` character spans into
        ``text`` (discontinuous spans give several).
    """
    root = Path(root or SHARED_DATA / "polnear_train")
    rows = []
    for path in sorted((root / "train" / "text").glob("*.txt")):
        name = path.stem
        part = polnear_split(name)
        if split is not None and part != split:
            continue
        anns = sorted((root / "train" / "attributions").glob(f"{name}_*.ann"))
        anns = [a for a in anns if a.stem.rsplit("_", 1)[0] == name]
        if not anns:
            continue
        rows.append(
            {
                "name": name,
                "publisher": name.split("_", 1)[0],
                "split": part,
                "annotator": anns[0].stem.rsplit("_", 1)[1],
                "text": path.read_text(encoding="utf-8"),
                "attributions": _polnear_ann(anns[0]),
            }
        )
    return pd.DataFrame(rows)


# --- VADER's ground truth (Hutto & Gilbert 2014) ----------------------------------------

GROUND_TRUTH_DIR = SHARED_DATA / "vader_icwsm2014" / "hutto_ICWSM_2014"

GROUND_TRUTH = {
    "tweets": "tweets_GroundTruth.txt",
    "movie": "movieReviewSnippets_GroundTruth.txt",
    "amazon": "amazonReviewSnippets_GroundTruth.txt",
}


def read_ground_truth(name: str, root: Path | None = None) -> pd.DataFrame:
    """One ground-truth file as a frame with columns ``id``, ``rating``, ``text``.

    Each line of the file is ``id<TAB>mean rating<TAB>text`` (UTF-8, CRLF line
    ends). Only ``\\n`` and a trailing ``\\r`` end a line, so a text keeps any
    other control character it contains.
    """
    if name not in GROUND_TRUTH:
        raise ValueError(
            f"unknown ground-truth file {name!r}; choose from {', '.join(GROUND_TRUTH)}"
        )
    path = Path(root or GROUND_TRUTH_DIR) / GROUND_TRUTH[name]
    rows = []
    for line in path.read_bytes().decode("utf-8").split("\n"):
        line = line.removesuffix("\r")
        if not line:
            continue
        doc_id, rating, text = line.split("\t", 2)
        rows.append((doc_id, float(rating), text))
    return pd.DataFrame(rows, columns=["id", "rating", "text"])
