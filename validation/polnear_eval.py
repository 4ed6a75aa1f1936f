"""Quotations, speakers and reporting verbs against PolNeAR's attribution gold.

PolNeAR (Newell, Margolin & Ruths 2018) annotates every attribution of 840
articles of 2016 campaign news from 7 publishers with its Source, Cue and
Content spans. Read from ``../shared/data/polnear_train`` at run time; nothing
of it is stored in the project. Articles are split by a hash of their file
name (:func:`tests.shared_data.polnear_split`): 30 % are held out and were
never read while the rules were developed.

Gold. One annotator per article (the first in alphabetical order when several
annotated it). An attribution is *speech* when a word of its cue is a form of
a verb of the ``reporting_verbs`` lexicon used as a verb (not after a
determiner or a possessive: "his claims", "the call for" are nouns) or the cue
is "according to", or when its content holds a double quotation mark; the rest (beliefs, polls that
"show", intentions) are left out of recall. A speech attribution is *direct*
when at least half of its content's letters and digits lie inside quotation
marks, else *indirect* (paraphrase, with or without quoted fragments).

Found. framing's quotations are the rows of ``quotes(level="mention")`` of
every kind but ``scare``, run on the article with its first line as the
headline. A gold attribution is found when those rows cover at least half of
the letters and digits of its content.

Measured, per publisher and over the six publishers whose texts kept their
quotation marks (the NYT texts of the release lost them: reported apart):

* ``direct`` / ``indirect``: the share of gold speech attributions found;
* ``precision``: the share of framing's quotations of which at least half
  (letters and digits) lies inside the content of some gold attribution (of any
  kind: a belief framing reports is still real attribution content);
  ``precision_speech`` counts speech attributions only;
* ``speaker``: over found gold attributions with a source, the share whose
  framing speaker (``speaker_entity``, else ``speaker``) agrees with the gold
  source's head. Both are compared as words after case, leading honorifics,
  possessive "'s" and punctuation are dropped. The gold source's head: its
  parentheses dropped, the source cut before its first relative clause
  (who, whom, whose, which, that), split into apposition members at commas,
  semicolons, colons and spaced dashes, each member cut before its first
  preposition (of, at, for, from, in, on, with, to, by) and stripped of a
  trailing Jr., Sr., II, III or IV; the heads are the last words of the
  members ("Lisa O. Monaco, Obama's adviser on counterterrorism": monaco and
  adviser; "George Conway, a vocal critic of Mr. Trump": conway and critic,
  never trump). Framing agrees when the last word of its speaker's first
  member, cut the same way, is one of these heads, or when a gold first
  member of more than three words holds it among its first six words ("Dave
  Leip's Atlas of U.S. Presidential Elections"). A gold source is a
  mention, so framing also agrees when the mention it wrote (``speaker``)
  agrees that way while its entity is the resolved person (gold "The
  president", framing "The president" resolved to "Barack Obama"); a gold
  pronoun is still scored against its antecedent only. A relative pronoun
  ("Priebus, who said") agrees when framing's speaker ends with a word of the
  80 characters before it. A gold pronoun source
  ("he", "she", "they") stands for its antecedent, taken to be the nearest
  earlier gold source that is not a pronoun and can be what it stands for
  (for "he" and "she": a named person whose gender, when the text shows it by
  an honorific, a gendered noun or a common first name, fits; for "they": a
  group or an organisation); a pronoun framing left unresolved disagrees.
  PolNeAR has no coreference, so this antecedent is an approximation (read by
  hand on a sample: see ``docs/validation.md``);
* ``verb``: over found gold attributions whose cue holds a reporting verb,
  the share whose framing verb has the same lemma. The framing row scored is
  the one that fits the gold content best (:func:`_verb_row`: among the rows
  sharing letters with the content, the most letters shared less the row's
  letters outside the attribution's content, cue and source; ties to the
  earlier row). The verb also agrees when that row reports an attribution
  written inside the gold content, its speaker and its verb standing in the
  content (:func:`_nested`: '"...," Obama said, according to a pool report':
  framing's "said" for the content "..., Obama said" of "according to").
  ``verb_largest`` is the earlier figure: the row with the largest overlap
  (the row the speaker is scored on), the gold cue's lemma only.

Run from the repository root::

    python -m validation.polnear_eval                  # held-out part
    python -m validation.polnear_eval --split dev      # the development part
    python -m validation.polnear_eval --split dev -v   # and list the errors
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from framing import load_corpus
from framing._nlp.english import (
    BODY_NOUNS,
    DOCUMENT_NOUNS,
    GENDERED_NOUNS,
    HONORIFICS,
    NAME_TITLES,
    NP_DETERMINERS,
    ORGANISATION_WORDS,
    first_names,
    reporting_verbs,
)
from framing._nlp.quotes.marks import quoted_spans
from framing._nlp.text import clean_text, fold
from framing.measures.quotes import quotes
from tests.shared_data import polnear_articles

PUBLISHERS = ("breitbart", "huff-post", "politico", "usa-today", "wash-post", "west-journal")
APART = ("nyt",)
TARGETS = {"direct": 0.90, "indirect": 0.80, "precision": 0.90, "speaker": 0.90, "verb": 0.95}
_PRONOUNS = {"he", "she", "they"}
_ALL_PRONOUNS = _PRONOUNS | {"i", "we", "you", "it", "him", "her", "them", "us", "me"}
_RELATIVES = {"who", "which", "that", "whom"}
_DOUBLE = "\"“”„«»"


# --- text, offsets and the corpus ------------------------------------------------------------


def _align(raw: str, clean: str) -> np.ndarray:
    """Offset in ``raw`` of every character of ``clean`` (clean_text only drops or
    replaces white space and invisible characters)."""
    out = np.empty(len(clean) + 1, dtype=np.int64)
    i = 0
    for j, c in enumerate(clean):
        while i < len(raw) and raw[i] != c and not (raw[i].isspace() and c == " "):
            i += 1
        if i >= len(raw):
            raise ValueError("clean_text changed more than white space")
        out[j] = i
        i += 1
    out[len(clean)] = i
    return out


@dataclass
class Article:
    name: str
    publisher: str
    text: str
    gold: list[dict]
    title_map: np.ndarray
    body_start: int
    body_map: np.ndarray
    rows: list[dict] = field(default_factory=list)


def build(split: str | None, limit_per_publisher: int | None = None) -> tuple[list[Article], object]:
    """The articles of a split and the framing corpus made of them."""
    table = polnear_articles(split=split)
    if limit_per_publisher is not None:
        table = table.groupby("publisher", sort=True).head(limit_per_publisher)
    arts, records = [], []
    for r in table.itertuples(index=False):
        raw = r.text
        nl = raw.find("\n")
        title_raw = raw[:nl] if nl > 0 else ""
        body_start = nl + 1 if nl > 0 else 0
        while body_start < len(raw) and raw[body_start].isspace():
            body_start += 1
        title, body = clean_text(title_raw), clean_text(raw[body_start:])
        records.append({"doc_id": r.name, "outlet": r.publisher, "title": title, "text": body})
        arts.append(
            Article(
                r.name,
                r.publisher,
                raw,
                r.attributions,
                _align(title_raw, title),
                body_start,
                _align(raw[body_start:], body) + body_start,
            )
        )
    return arts, load_corpus(pd.DataFrame(records))


def predict(arts: list[Article], corpus) -> None:
    m = quotes(corpus, level="mention")
    m = m[m["kind"] != "scare"]
    by_doc = {a.name: a for a in arts}
    has_entity = "speaker_entity" in m.columns
    for row in m.to_dict("records"):
        a = by_doc[row["doc_id"]]
        mp = a.title_map if row["section"] == "headline" else a.body_map
        s, e = int(mp[row["start"]]), int(mp[row["end"] - 1]) + 1
        entity = row.get("speaker_entity") if has_entity else None
        a.rows.append(
            {
                "start": s,
                "end": e,
                "kind": row["kind"],
                "speaker": row["speaker"],
                "entity": entity if isinstance(entity, str) else None,
                "pronoun": row["pronoun"],
                "unresolved": bool(row["unresolved"]),
                "lemma": row["lemma"],
                "verb": row["verb"],
                "section": row["section"],
            }
        )


# --- gold ----------------------------------------------------------------------------------------


def _alnum(text: str, spans) -> set[int]:
    return {i for s, e in spans for i in range(s, e) if text[i].isalnum()}


def _words(text: str) -> list[str]:
    words = re.findall(r"[a-z0-9]+", fold(text).replace("'s", " "))
    while words and words[0] in HONORIFICS:
        words = words[1:]
    return words


# a source ends its naming part at a relative clause ("the man who ..."); an
# apposition's members are split at commas, semicolons and dashes ("Lisa Park,
# the mayor's adviser"); a member's head ends before a prepositional complement
# ("the head of the agency", "Ana Ruiz of the university")
_RELATIVE_CLAUSE = re.compile(r"\b(?:who|whom|whose|which|that)\b", re.IGNORECASE)
_MEMBER_END = re.compile(r"\s*[,;:]|\s[-–—]+\s")
_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
_PREPOSITION = re.compile(r"\b(?:of|at|for|from|in|on|with|to|by)\b", re.IGNORECASE)


def _members(text: str) -> list[list[str]]:
    """The apposition members of a source, each as the words of its head (see
    :func:`_heads`), parentheses dropped; the whole source when none has a word."""
    text = re.sub(r"\([^)]*\)?|\[[^\]]*\]?", " ", text)
    m = _RELATIVE_CLAUSE.search(text)
    if m and _words(text[: m.start()]):
        text = text[: m.start()]
    out = []
    for part in _MEMBER_END.split(text):
        m = _PREPOSITION.search(part)
        words = _words(part[: m.start()]) if m else []
        words = words or _words(part)
        while len(words) > 1 and words[-1] in _SUFFIXES:
            words = words[:-1]
        if words:
            out.append(words)
    return out or ([_words(text)] if _words(text) else [])


def _heads(text: str) -> set[str]:
    """Head words of a source: the last word of each apposition member's head, the
    member cut before its first relative clause and prepositional complement
    ("Lisa O. Monaco, Obama's adviser on counterterrorism" -> monaco, adviser;
    "George Conway, a vocal critic of Mr. Trump" -> conway, critic)."""
    return {w[-1] for w in _members(text)}


def _cue_lemmas(text: str, spans) -> set[str]:
    """Lemmas of the reporting verbs used as verbs in a cue: a form after a
    determiner or a possessive ("his claims", "the call for", "Trump's attacks")
    is a noun and does not count."""
    forms = reporting_verbs()
    lemmas: set[str] = set()
    for s, e in spans:
        words = [(m.group(0), s + m.start()) for m in re.finditer(r"[a-z’']+", fold(text[s:e]))]
        low = " ".join(w for w, _ in words)
        if "according to" in low:
            return {"according to"}
        for k, (w, pos) in enumerate(words):
            before = re.findall(r"[\w’']+", fold(text[max(0, pos - 30) : pos]))
            prev = before[-1] if before else ""
            if prev in NP_DETERMINERS or prev.endswith(("'s", "’s")):
                continue
            if k + 1 < len(words) and f"{w} {words[k + 1][0]}" in forms:
                lemmas.add(forms[f"{w} {words[k + 1][0]}"].lemma)
            elif w in forms:
                lemmas.add(forms[w].lemma)
    return lemmas


def gold_rows(a: Article) -> list[dict]:
    """The gold attributions of an article with what the measures need."""
    text = a.text
    inside = set()
    for s, e in quoted_spans(text):
        inside.update(range(s, e))
    out = []
    for g in a.gold:
        if not g["content"]:
            continue
        chars = _alnum(text, g["content"])
        if not chars:
            continue
        content = " ".join(text[s:e] for s, e in g["content"])
        cue = " ".join(text[s:e] for s, e in g["cue"])
        lemmas = _cue_lemmas(text, g["cue"])
        marked = any(c in content for c in _DOUBLE)
        source = " ".join(text[s:e] for s, e in sorted(g["source"]))
        out.append(
            {
                "chars": chars,
                "content": content,
                "content_spans": g["content"],
                "cue": cue,
                "cue_chars": _alnum(text, g["cue"]),
                "source_chars": _alnum(text, g["source"]),
                "lemmas": lemmas,
                "speech": bool(lemmas) or marked,
                "direct": len(chars & inside) >= 0.5 * len(chars),
                "source": source,
                "source_spans": sorted(g["source"]),
                "before_source": text[max(0, g["source"][0][0] - 80) : g["source"][0][0]] if g["source"] else "",
                "pos": min(s for s, _ in g["source"]) if g["source"] else min(s for s, _ in g["content"]),
            }
        )
    _antecedents(out, text)
    return out


def _gender(source: str, text: str) -> str | None:
    """Gender a gold source shows: an honorific, a gendered noun or a first name,
    in the source or beside its surname elsewhere in the article."""
    words = re.findall(r"[\w’'.-]+", source)
    low = [w.lower().strip(".") for w in words]
    for w in low:
        if w in ("mr", "mrs", "ms", "miss"):
            return NAME_TITLES[w]
        if w in GENDERED_NOUNS:
            return GENDERED_NOUNS[w]
    caps = [w for w in words if w[:1].isupper()]
    for w in caps[:-1]:
        if w.lower() in first_names():
            return first_names()[w.lower()]
    if caps:
        m = re.search(r"\b(Mr|Mrs|Ms|Miss)\.? " + re.escape(caps[-1]) + r"\b", text)
        if m:
            return NAME_TITLES[m.group(1).lower()]
    return None


def _person_name(source: str) -> bool:
    words = re.findall(r"[\w’'.-]+", source)
    low = [w.lower().strip(".") for w in words]
    if any(w in ORGANISATION_WORDS or w in BODY_NOUNS or w in DOCUMENT_NOUNS for w in low):
        return False  # "the campaign", "a document provided by ...", "The court"
    caps = [w for k, w in enumerate(words) if w[:1].isupper() and low[k] not in ("the", "a", "an")]
    return bool(caps)


def _group(source: str) -> bool:
    words = re.findall(r"[\w’'.-]+", source)
    return bool(words) and (
        " and " in source
        or (words[-1].lower().endswith("s") and not words[-1][:1].isupper())
        or any(w.lower() in ORGANISATION_WORDS for w in words)
    )


def _antecedents(rows: list[dict], text: str) -> None:
    """Gold antecedent of each pronoun source: the nearest earlier gold source that
    is not a pronoun and can be what the pronoun stands for (for "he" and "she",
    a named person whose gender, when the text shows it, fits; for "they", a
    group or an organisation)."""
    order = sorted(rows, key=lambda r: r["pos"])
    for k, r in enumerate(order):
        r["antecedent"] = None
        low = r["source"].strip().lower()
        if low not in _PRONOUNS:
            continue
        for prev in reversed(order[:k]):
            ps = prev["source"].strip()
            if not ps or ps.lower() in _ALL_PRONOUNS | _RELATIVES or prev["pos"] >= r["pos"]:
                continue
            if low in ("he", "she"):
                if not _person_name(ps) or _group(ps):
                    continue
                g = _gender(ps, text)
                if g is not None and g != ("m" if low == "he" else "f"):
                    continue
            elif not _group(ps):
                continue
            r["antecedent"] = prev
            break


# --- scoring ---------------------------------------------------------------------------------------


def _speaker_agrees(g: dict, p: dict) -> bool | None:
    """None: not scored (no gold source, or a gold pronoun without antecedent)."""
    if not g["source"].strip():
        return None
    said = p["entity"] or p["speaker"]
    if g["source"].strip().lower() in _RELATIVES:
        # "Priebus, who said ...": the gold source is the relative pronoun; its
        # antecedent is the phrase right before it
        if not said:
            return False
        pw = _words(said)
        return bool(pw) and pw[-1] in _words(g["before_source"])
    if g["source"].strip().lower() in _PRONOUNS:
        ante = g["antecedent"]
        if ante is None:
            return None
        if not said or p["unresolved"]:
            return False
        gm, pw = _members(ante["source"]), _words(said)
        gw = gm[0] if gm else []
        return bool(gw and pw and (pw[-1] in _heads(ante["source"]) or set(pw) <= set(gw) or _head_in(gw, pw)))
    if not said:
        return False
    heads = _heads(g["source"])
    first = _words(_MEMBER_END.split(g["source"])[0])
    # the gold source is a mention: framing agrees when its entity or the mention
    # it wrote names it ("The president" written, resolved to "Barack Obama")
    for cand in (said, p["speaker"]):
        pm = _members(cand) if cand else []
        pw = pm[0] if pm else []
        if heads and pw and (pw[-1] in heads or _head_in(first, pw)):
            return True
    return False


def _head_in(gold_words: list[str], pred_words: list[str]) -> bool:
    """The predicted name's last word is a word of a long gold source ("Dave Leip's
    Atlas of U.S. Presidential Elections, which examines ...")."""
    return len(gold_words) > 3 and pred_words[-1] in gold_words[:6]


def _same_verb(lemma: str | None, lemmas: set[str]) -> bool:
    """framing's verb has a lemma of the gold cue (a phrasal verb by its first word)."""
    return lemma is not None and (lemma in lemmas or lemma.split()[0] in {x.split()[0] for x in lemmas})


_WORD = re.compile(r"[^\W_]+")


def _verb_row(g: dict, pchars: list[set[int]]) -> int:
    """The framing row whose verb is scored for a found gold attribution: among the rows
    that share letters with its content, the one that fits it best, by the letters shared
    less the row's letters outside the attribution (its content, cue and source). A row
    running on into a neighbouring clause ("When asked about X, Y said Z") loses to the
    row that holds Z alone; ties go to the earlier row."""
    own = g["chars"] | g["cue_chars"] | g["source_chars"]
    shared = [len(pc & g["chars"]) for pc in pchars]
    return max((k for k in range(len(pchars)) if shared[k]), key=lambda k: (shared[k] - len(pchars[k] - own), -k))


def _nested(g: dict, p: dict, text: str) -> bool:
    """The framing row reports an attribution written inside the gold content: its
    speaker and its verb stand in the content, outside the row ('"...," Obama said,
    according to a pool report': the gold content "..., Obama said" of "according to"
    holds framing's speaker "Obama" and verb "said")."""
    if not p["speaker"] or not p["verb"]:
        return False
    row = text[p["start"] : p["end"]]
    rest = " ".join(text[s:e].replace(row, " ") for s, e in g["content_spans"])
    words = " " + " ".join(_WORD.findall(rest)) + " "
    return all(" " + " ".join(_WORD.findall(x)) + " " in words for x in (p["speaker"], p["verb"]))


def score(arts: list[Article], verbose: bool = False, out=sys.stdout) -> dict[str, Counter]:
    """Counts per publisher: gold and found by type, precision, speakers, verbs."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for a in arts:
        c = counts[a.publisher]
        gold = gold_rows(a)
        union_all = set().union(*(g["chars"] for g in gold)) if gold else set()
        union_speech = set().union(*(g["chars"] for g in gold if g["speech"])) if gold else set()
        pchars = [set(i for i in range(p["start"], p["end"]) if a.text[i].isalnum()) for p in a.rows]
        covered = set().union(*pchars) if pchars else set()
        for p, pc in zip(a.rows, pchars, strict=True):
            if not pc:
                continue
            c["pred"] += 1
            ok = len(pc & union_all) >= 0.5 * len(pc)
            c["pred_ok"] += ok
            c["pred_ok_speech"] += len(pc & union_speech) >= 0.5 * len(pc)
            if verbose and not ok:
                print(f"FP  {a.name} [{p['kind']}] {a.text[p['start']:p['end']][:140]!r} <- {p['speaker']!r}", file=out)
        for g in gold:
            if not g["speech"]:
                continue
            kind = "direct" if g["direct"] else "indirect"
            c[f"gold_{kind}"] += 1
            found = len(g["chars"] & covered) >= 0.5 * len(g["chars"])
            c[f"found_{kind}"] += found
            if not found:
                if verbose:
                    print(f"FN  {a.name} [{kind}] {g['source'][:40]!r} {g['cue']!r}: {g['content'][:140]!r}", file=out)
                continue
            best = max(range(len(a.rows)), key=lambda k: len(pchars[k] & g["chars"]))
            p = a.rows[best]
            agree = _speaker_agrees(g, p)
            if agree is not None:
                pron = g["source"].strip().lower() in _PRONOUNS
                c["sp_n"] += 1
                c["sp_ok"] += agree
                c["sp_pron_n"] += pron
                c["sp_pron_ok"] += pron and agree
                if verbose and not agree:
                    gsrc = g["source"] if not pron else f"{g['source']} = {g['antecedent']['source']}"
                    print(
                        f"SPK {a.name} gold {gsrc[:60]!r} framing {p['speaker']!r} ({p['entity']!r}) "
                        f"| {g['content'][:80]!r}",
                        file=out,
                    )
            if g["lemmas"]:
                c["verb_n"] += 1
                c["verb_ok_largest"] += _same_verb(p["lemma"], g["lemmas"])
                q = a.rows[_verb_row(g, pchars)]
                ok = _same_verb(q["lemma"], g["lemmas"]) or _nested(g, q, a.text)
                c["verb_ok"] += ok
                if verbose and not ok:
                    print(f"VRB {a.name} gold {g['cue']!r} framing {q['lemma']!r} | {g['content'][:80]!r}", file=out)
    return counts


def figures(c: Counter) -> dict[str, float]:
    def ratio(a, b):
        return c[a] / c[b] if c[b] else float("nan")

    return {
        "direct": ratio("found_direct", "gold_direct"),
        "indirect": ratio("found_indirect", "gold_indirect"),
        "precision": ratio("pred_ok", "pred"),
        "precision_speech": ratio("pred_ok_speech", "pred"),
        "speaker": ratio("sp_ok", "sp_n"),
        "speaker_pronoun": ratio("sp_pron_ok", "sp_pron_n"),
        "verb": ratio("verb_ok", "verb_n"),
        "verb_largest": ratio("verb_ok_largest", "verb_n"),
        "n_direct": c["gold_direct"],
        "n_indirect": c["gold_indirect"],
        "n_pred": c["pred"],
        "n_speaker": c["sp_n"],
        "n_pronoun": c["sp_pron_n"],
        "n_verb": c["verb_n"],
    }


def table(counts: dict[str, Counter]) -> pd.DataFrame:
    rows = []
    for pub in PUBLISHERS:
        rows.append({"publisher": pub, **figures(counts.get(pub, Counter()))})
    overall = sum((counts.get(p, Counter()) for p in PUBLISHERS), Counter())
    rows.append({"publisher": "overall (6 publishers)", **figures(overall)})
    for pub in APART:
        rows.append({"publisher": f"{pub} (no quotation marks)", **figures(counts.get(pub, Counter()))})
    return pd.DataFrame(rows)


def evaluate(split: str = "heldout", limit_per_publisher: int | None = None, verbose: bool = False) -> pd.DataFrame:
    """The figures of one split, one row per publisher plus the overall row."""
    arts, corpus = build(split, limit_per_publisher)
    predict(arts, corpus)
    return table(score(arts, verbose=verbose))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=["dev", "heldout"], default="heldout")
    parser.add_argument("--limit", type=int, default=None, help="articles per publisher (default: all)")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every error")
    parser.add_argument("--json", action="store_true", help="the overall figures as one JSON line")
    parser.add_argument(
        "--heads", nargs="+", metavar="SOURCE",
        help="print, as one JSON line, the members and heads each gold source is scored against, and stop",
    )
    args = parser.parse_args(argv)
    if args.heads:
        print(json.dumps({s: {"members": _members(s), "heads": sorted(_heads(s))} for s in args.heads}))
        return
    t = evaluate(args.split, args.limit, args.verbose)
    if args.json:
        overall = t[t["publisher"].str.startswith("overall")].iloc[0].drop("publisher")
        print(json.dumps({k: float(v) for k, v in overall.items()}))
        return
    n = polnear_articles(split=args.split)
    if args.limit:
        n = n.groupby("publisher").head(args.limit)
    print(f"PolNeAR train, {args.split} part: {len(n)} articles")
    cols = [
        "publisher", "direct", "indirect", "precision", "speaker", "verb", "verb_largest", "precision_speech", "speaker_pronoun",
    ]
    with pd.option_context("display.width", 200, "display.max_columns", 30):
        print(t[cols].to_string(index=False, float_format=lambda x: f"{x:.3f}"))
        print()
        print(t[["publisher", "n_direct", "n_indirect", "n_pred", "n_speaker", "n_pronoun", "n_verb"]].to_string(index=False))
    print("targets: " + ", ".join(f"{k} >= {v:.2f}" for k, v in TARGETS.items()))


if __name__ == "__main__":
    main()
