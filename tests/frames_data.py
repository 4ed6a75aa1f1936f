"""Readers for the human-coded frame datasets of ``../shared/data``.

* FrAC (Guida, Otmakhova, Hovy & Frermann 2025; CC BY 4.0): 523 sentences of
  news articles and reader comments, one of 10 frames each.
* Narrative frames of climate-change news (Frermann, Li, Khanehzar &
  Mikolajczak 2023; MIT): 428 articles from 63 outlets, five binary frames
  aggregated from the annotators, and each annotator's raw answers.

The data are read where they lie and never copied into the project.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd

from tests.shared_data import SHARED_DATA

__all__ = [
    "FRAC_LABELS",
    "FRAC_TO_MFC",
    "CLIMATE_FRAMES",
    "frac_sentences",
    "climate_articles",
    "climate_annotator_answers",
]

#: FrAC's label codes (Media Frames Corpus numbering, some classes merged).
FRAC_LABELS = {
    1: "economic",
    3: "morality",
    4: "fairness_and_equality",
    5: "legality_and_crime",
    6: "policy_and_political",
    8: "security_and_defense",
    9: "health_and_safety",
    11: "cultural_identity",
    12: "public_opinion",
    15: "other",
}

#: The dimensions of framing's MFC dictionary that make up each FrAC label.
FRAC_TO_MFC = {
    "economic": ["economic"],
    "morality": ["morality"],
    "fairness_and_equality": ["fairness_and_equality"],
    "legality_and_crime": ["legality", "crime_and_punishment"],
    "policy_and_political": ["policy_prescription", "political"],
    "security_and_defense": ["security_and_defense"],
    "health_and_safety": ["health_and_safety"],
    "cultural_identity": ["cultural_identity"],
    "public_opinion": ["public_opinion"],
    "other": [],
}

#: The five narrative frames (column code -> name).
CLIMATE_FRAMES = {
    "CO": "conflict",
    "RE": "resolution",
    "EC": "economic",
    "HI": "human_interest",
    "MO": "moral",
}


def frac_sentences(root: Path | None = None) -> pd.DataFrame:
    """FrAC's gold sentences.

    Returns
    -------
    pandas.DataFrame
        Columns ``id``, ``type`` ("article", "comment"; one row lacks it),
        ``sentence``, ``code`` (FrAC's number) and ``label`` (its name, see
        :data:`FRAC_LABELS`), in file order.
    """
    root = Path(root or SHARED_DATA / "frac_sentence_frames")
    df = pd.read_csv(root / "final_gold_single.csv", dtype={"id": str})
    unknown = sorted(set(df["label"]) - set(FRAC_LABELS))
    if unknown:
        raise ValueError(f"{root}: unknown FrAC label codes {unknown}")
    return pd.DataFrame(
        {
            "id": df["id"].astype(str),
            "type": df["type"],
            "sentence": df["sentence"].astype(str),
            "code": df["label"].astype(int),
            "label": df["label"].map(FRAC_LABELS),
        }
    )


def _truth(value) -> bool | None:
    text = str(value).strip().rstrip(")")  # one row of the file ends in "False)"
    if text in ("True", "False"):
        return text == "True"
    return None


def climate_articles(root: Path | None = None) -> pd.DataFrame:
    """The climate-change articles with their aggregated narrative frames.

    One article (ID 405) has its text cut short in ``articles_metadata.tsv``
    and no frame columns; its frames are taken from the entity file
    (``role_and_frame_annoations.tsv``), which repeats them on every entity
    row of the article.

    Returns
    -------
    pandas.DataFrame
        Columns ``doc_id``, ``outlet``, ``mbfc`` (the outlet's Media Bias/Fact
        Check label), ``date``, ``text``, then one bool column per frame of
        :data:`CLIMATE_FRAMES` (by name), in file order.
    """
    root = Path(root or SHARED_DATA / "narrative_framing_climate" / "data")
    meta = pd.read_csv(root / "articles_metadata.tsv", sep="\t", dtype={"ID": str})
    roles = pd.read_csv(root / "role_and_frame_annoations.tsv", sep="\t", dtype={"ID": str})
    from_roles = roles.drop_duplicates("ID").set_index("ID")
    out = pd.DataFrame(
        {
            "doc_id": meta["ID"],
            "outlet": meta["source"],
            "mbfc": meta["mbfc"],
            "date": meta["date"],
            "text": meta["text"].fillna("").astype(str),
        }
    )
    for code, name in CLIMATE_FRAMES.items():
        values = []
        for doc, v in zip(meta["ID"], meta[code]):
            t = _truth(v)
            if t is None and doc in from_roles.index:
                t = _truth(from_roles.loc[doc, code])
            if t is None:
                raise ValueError(f"{root}: article {doc} has no value for frame {code}")
            values.append(t)
        out[name] = np.array(values, dtype=bool)
    return out


def climate_annotator_answers(root: Path | None = None) -> pd.DataFrame:
    """Each annotator's answer to each question about each article.

    Returns
    -------
    pandas.DataFrame
        One row per article and annotator who coded it: ``doc_id``,
        ``annotator`` (1-4), then one column per question (``co1``, ``ec1``,
        ``re5``, ...) holding True for "yes", False for "no".
    """
    root = Path(root or SHARED_DATA / "narrative_framing_climate" / "data")
    with open(root / "full_annotations.json", encoding="utf-8") as f:
        doc = json.load(f)
    rows = []
    for doc_id, answers in doc.items():
        questions = [q for q in answers if not q.startswith("_")]
        for a in range(4):
            given = {q: answers[q][1][a] for q in questions}
            if all(v == -1 for v in given.values()):
                continue
            row = {"doc_id": str(doc_id), "annotator": a + 1}
            row.update({q: (None if v == -1 else v == "yes") for q, v in given.items()})
            rows.append(row)
    return pd.DataFrame(rows)
