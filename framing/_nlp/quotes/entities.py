"""Speakers as people and bodies: pronouns resolved, speakers mapped to actors."""

from __future__ import annotations

import re

from .. import english as en
from ..text import tokenize
from .doc import _Doc

__all__ = ["looks_like_person", "match_actors", "resolve_pronouns"]

_PERSON_PRONOUNS = frozenset({"he", "she"})


def looks_like_person(speaker: str) -> bool:
    """A named person or a person's role ("Ms Lind", "a spokesman"), not an organisation."""
    words = re.findall(r"[\w'’.-]+", speaker)
    if not words:
        return False
    low = [w.lower().rstrip(".") for w in words]
    if low[0] in en.SPEAKER_PRONOUNS:
        return False
    if any(w in en.BODY_NOUNS and w not in ("spokesman", "spokeswoman") for w in low):
        return any(w in en.PERSON_NOUNS for w in low[-2:])
    if low[-1].endswith("s") and low[-1] not in en.PERSON_NOUNS and not words[-1][0].isupper():
        return False  # plural: "officials", "residents"
    return words[-1][0].isupper() or any(w in en.PERSON_NOUNS for w in low)


def _looks_like_body(speaker: str) -> bool:
    """An organisation or a document, singular ("the ministry", "the report")."""
    low = [w.lower() for w in re.findall(r"[\w'’.-]+", speaker)]
    return bool(low) and low[0] not in en.SPEAKER_PRONOUNS and any(w in en.BODY_NOUNS for w in low) and not looks_like_person(speaker)


def _subject_names(doc: _Doc) -> list[dict]:
    """Named people opening a sentence ("Marta Ilves, 67, had been waiting")."""
    out = []
    for k, (a, b) in enumerate(doc.sent_tok):
        e = a
        while e < b and doc.cap(e) and (e == a or not doc.boundary_before(e)) and doc.word(e) not in en.SPEAKER_PRONOUNS:
            e += 1
        if e - a >= 2 and doc.word(a) not in en.NP_DETERMINERS and (e >= b or not doc.cap(e)):
            s0, s1 = doc.span(a, e)
            name = doc.text[s0:s1]
            if looks_like_person(name) and not any(doc.word(m) in en.TIME_WORDS or doc.word(m) in en.CLAUSE_WORDS for m in range(a, e)):
                out.append({"speaker": name, "speaker_start": s0, "sent": k, "paragraph": doc.sents[k][0], "appositive": None})
    return out


def resolve_pronouns(rows: list[dict], names: list[dict] = (), window: int = 3) -> None:
    """Replace pronoun speakers by their antecedent where it can be found reliably.

    "he"/"she" take the most recent speaker that looks like a person
    (:func:`looks_like_person`), or a named person opening a sentence, in an
    earlier sentence at most ``window`` paragraphs back; "it" takes the most
    recent organisation or document speaker of an earlier sentence in the
    same or the previous paragraph. Other pronouns ("they", "we") and
    pronouns without such an antecedent are kept. Sets ``pronoun`` (the
    pronoun as written, else None) and ``unresolved`` on every row, in place.
    """
    def pos(r):
        return r["speaker_start"] if r["speaker_start"] >= 0 else r["start"]

    cands = sorted(
        [r for r in rows if r["speaker"] and r["speaker"].lower() not in en.SPEAKER_PRONOUNS] + list(names), key=pos
    )
    for row in rows:
        row["pronoun"], row["unresolved"] = None, False
    for row in sorted(rows, key=pos):
        sp = row["speaker"]
        if not sp or sp.lower() not in en.SPEAKER_PRONOUNS:
            continue
        low = sp.lower()
        row["pronoun"] = sp
        found = None
        for c in reversed(cands):
            if pos(c) >= pos(row) or c["sent"] >= row["sent"]:
                continue
            if low in _PERSON_PRONOUNS:
                if row["paragraph"] - c["paragraph"] > window:
                    break
                if looks_like_person(c["speaker"]):
                    found = c
                    break
            elif low == "it":
                if row["paragraph"] - c["paragraph"] > 1:
                    break
                if _looks_like_body(c["speaker"]):
                    found = c
                    break
        if found is None:
            row["unresolved"] = True
        else:
            row["speaker"], row["appositive"] = found["speaker"], found.get("appositive")


def match_actors(rows: list[dict], patterns) -> None:
    """Set ``actor`` on every row from its speaker (or the speaker's appositive).

    ``patterns`` is a :class:`framing._nlp.match.PatternSet` of actor aliases. The
    longest alias match in the speaker wins; among equally long matches the
    last one (the head of an English noun phrase comes last: "Calvera's army
    chief" is the army's). When the speaker matches no alias, its appositive
    ("Hanne Lind, the network's coordinator") is tried.
    """
    for row in rows:
        row["actor"] = None
        for text in (row.get("speaker"), row.get("appositive")):
            if not text:
                continue
            found = patterns.find(tokenize(text))
            if found:
                best = max(found, key=lambda m: (m[2] - m[1], m[1]))
                row["actor"] = patterns.groups[best[0]]
                break
