"""Precision and recall of quotation, speaker and actor extraction.

Gold labels: ``validation/data/quotes_gold.tsv`` (see ``validation/data/README.md``):
NewsMTSC sentences read at run time from ``../shared/data/newsmtsc/train.jsonl``
(only offsets are stored) and the project's own fictional articles.

Matching. Spans are trimmed of white space, punctuation and quotation marks at
both ends. A predicted quotation matches a gold one of the same item when the
characters they share are at least half of the longer of the two (overlap >=
50 %); pairs are matched one to one, best overlap first.

Reported:

* quotation spans (all kinds), attributed statements (all but ``scare``) and
  each kind: precision, recall, F1 (a match of a kind needs the same kind);
* kind accuracy over matched pairs;
* speakers: over matched pairs whose gold quotation has a speaker, the share
  whose predicted speaker equals the gold one after normalisation (case,
  curly quotes, leading articles and honorifics, possessive 's and
  punctuation removed) and the share with the same last word ("head"); and
  end to end: precision = correct speakers / predicted quotations with a
  speaker, recall = correct speakers / gold quotations with a speaker;
* reporting verbs: lemma accuracy over matched pairs with a gold verb;
* actors (own articles, aliases in ``quotes_actors.json``): accuracy over
  matched pairs, precision and recall of the actor label.

Run: ``python -m validation.quotes_eval`` from the repository root (both splits;
``--split dev`` or ``--split test`` for one, ``-v`` to list the errors, ``--json``
for the counts and F1 of the chosen items as one JSON line, read by
tests/measures/test_quotes.py).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
from collections import Counter
from pathlib import Path

import pandas as pd

from framing._nlp.match import PatternSet
from framing._nlp.quotes import extract, match_actors
from framing._nlp.text import clean_text, fold
from validation.shared_data import SHARED_DATA

DATA = Path(__file__).resolve().parent / "data"
_TRIM = " \n\t.,;:!?\"'“”‘’«»()[]—–-…"
_HONORIFICS = {"mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "the", "a", "an"}


def load_items() -> tuple[pd.DataFrame, dict[str, str]]:
    """Gold table and the text of every item (NewsMTSC read from shared data)."""
    gold = pd.read_csv(DATA / "quotes_gold.tsv", sep="\t", keep_default_na=False)
    texts: dict[str, str] = {}
    for line in (DATA / "quotes_own_articles.jsonl").read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        texts[d["doc_id"]] = d["text"]
        texts[d["doc_id"] + "#title"] = d["title"]
    wanted = set(gold.loc[gold["source"] == "newsmtsc", "item"])
    path = SHARED_DATA / "newsmtsc" / "train.jsonl"
    with open(path, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            if d["primary_gid"] in wanted:
                texts[d["primary_gid"]] = clean_text(d["sentence_normalized"])
    for item, sha in gold.groupby("item")["text_sha1"].first().items():
        if item not in texts:
            raise ValueError(f"item {item!r} not found in {path}")
        if hashlib.sha1(texts[item].encode("utf-8")).hexdigest()[:12] != sha:
            raise ValueError(f"text of item {item!r} differs from the labelled one")
    return gold, texts


def trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in _TRIM:
        s += 1
    while e > s and text[e - 1] in _TRIM:
        e -= 1
    return s, e


def overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    longest = max(a[1] - a[0], b[1] - b[0], 1)
    return inter / longest


def norm_speaker(s: str | None) -> str:
    if not s:
        return ""
    words = re.findall(r"[a-z0-9]+", fold(s).replace("'s", ""))
    while words and words[0] in _HONORIFICS:
        words = words[1:]
    return " ".join(words)


def predict(texts: dict[str, str], items: list[str], actors: dict[str, list[str]]) -> dict[str, list[dict]]:
    patterns = PatternSet(actors, what="alias")
    out = {}
    for item in items:
        rows = extract(texts[item], headline=item.endswith("#title"))
        match_actors(rows, patterns)
        out[item] = rows
    return out


def pred_span(p: dict) -> tuple[int, int]:
    """The words a predicted row quotes: a partial quotation is labelled by its
    quoted words, while framing's row reports the whole clause around them."""
    if p["kind"] == "partial" and p.get("quoted"):
        return min(s for s, _ in p["quoted"]), max(e for _, e in p["quoted"])
    return p["start"], p["end"]


def match(gold_rows: list[dict], pred_rows: list[dict], text: str) -> list[tuple[int, int]]:
    pairs = []
    for gi, g in enumerate(gold_rows):
        gs = trim(text, g["start"], g["end"])
        for pi, p in enumerate(pred_rows):
            ov = overlap(gs, trim(text, *pred_span(p)))
            if ov >= 0.5:
                pairs.append((ov, gi, pi))
    pairs.sort(reverse=True)
    used_g, used_p, out = set(), set(), []
    for _, gi, pi in pairs:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            out.append((gi, pi))
    return out


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else float("nan")
    r = tp / n_gold if n_gold else float("nan")
    f = 2 * p * r / (p + r) if n_pred and n_gold and p + r else float("nan")
    return p, r, f


def evaluate(gold: pd.DataFrame, texts: dict[str, str], actors, verbose: bool = False) -> dict:
    items = list(dict.fromkeys(gold["item"]))
    preds = predict(texts, items, actors)
    c: Counter = Counter()
    for item in items:
        text = texts[item]
        g_all = gold[(gold["item"] == item) & (gold["kind"] != "none")].to_dict("records")
        for g in g_all:
            if g["source"] == "newsmtsc" or not g["speaker"]:
                g["speaker"] = text[g["speaker_start"] : g["speaker_end"]] if g["speaker_start"] >= 0 else ""
            g["verb"] = text[g["verb_start"] : g["verb_end"]] if g["verb_start"] >= 0 else ""
        p_all = preds[item]
        own = item.startswith("own-")
        pairs = match(g_all, p_all, text)
        matched_g = {gi for gi, _ in pairs}
        matched_p = {pi for _, pi in pairs}
        # spans of any kind
        c["span_gold"] += len(g_all)
        c["span_pred"] += len(p_all)
        c["span_tp"] += len(pairs)
        # attributed statements (not scare) and per kind
        c["attr_gold"] += sum(g["kind"] != "scare" for g in g_all)
        c["attr_pred"] += sum(p["kind"] != "scare" for p in p_all)
        for gi, pi in pairs:
            g, p = g_all[gi], p_all[pi]
            if g["kind"] != "scare" and p["kind"] != "scare":
                c["attr_tp"] += 1
            c["kind_n"] += 1
            c["kind_ok"] += g["kind"] == p["kind"]
            if g["kind"] == p["kind"]:
                c[f"tp_{g['kind']}"] += 1
        for g in g_all:
            c[f"gold_{g['kind']}"] += 1
        for p in p_all:
            c[f"pred_{p['kind']}"] += 1
        # speakers
        c["sp_gold"] += sum(bool(g["speaker"]) for g in g_all if g["kind"] != "scare")
        c["sp_pred"] += sum(bool(p["speaker"]) for p in p_all if p["kind"] != "scare")
        for gi, pi in pairs:
            g, p = g_all[gi], p_all[pi]
            if not g["speaker"] or g["kind"] == "scare" or p["kind"] == "scare":
                continue
            gn, pn = norm_speaker(g["speaker"]), norm_speaker(p["speaker"])
            c["sp_n"] += 1
            ok = gn == pn
            c["sp_ok"] += ok
            c["sp_head"] += bool(gn and pn and gn.split()[-1] == pn.split()[-1])
            if ok and p["speaker"]:
                c["sp_tp"] += 1
            if verbose and not ok:
                print(f"SPEAKER {item}: gold {g['speaker']!r} pred {p['speaker']!r} | {text[g['start']:g['end']][:60]!r}")
            if g["verb"]:
                c["verb_n"] += 1
                lemma_ok = p["verb"] is not None and fold(p["verb"]).split()[0][:4] == fold(g["verb"]).split()[0][:4]
                c["verb_ok"] += lemma_ok
                if verbose and not lemma_ok:
                    print(f"VERB {item}: gold {g['verb']!r} pred {p['verb']!r}")
            written = text[g["speaker_start"] : g["speaker_end"]].lower() if g["speaker_start"] >= 0 else ""
            if own and written in ("he", "she", "it", "they"):
                c["pron_n"] += 1
                c["pron_ok"] += ok
            if own:
                ga, pa = g["actor"] or None, p.get("actor")
                c["act_n"] += 1
                c["act_ok"] += ga == pa
                c["act_tp"] += ga is not None and ga == pa
                if verbose and ga != pa:
                    print(f"ACTOR {item}: gold {ga!r} pred {pa!r} (speaker {p['speaker']!r})")
        if own:
            c["act_gold"] += sum(bool(g["actor"]) for g in g_all if g["kind"] != "scare")
            c["act_pred"] += sum(p.get("actor") is not None for p in p_all if p["kind"] != "scare")
        if verbose:
            for gi, pi in pairs:
                g, p = g_all[gi], p_all[pi]
                if g["kind"] != p["kind"]:
                    print(f"KIND {item}: gold {g['kind']} pred {p['kind']} | {text[g['start']:g['end']][:70]!r}")
            for gi, g in enumerate(g_all):
                if gi not in matched_g:
                    print(f"FN {item} {g['kind']}: {text[g['start']:g['end']][:90]!r}")
            for pi, p in enumerate(p_all):
                if pi not in matched_p:
                    print(f"FP {item} {p['kind']}: {text[slice(*pred_span(p))][:90]!r} (speaker {p['speaker']!r}, verb {p['verb']!r})")
    return dict(c)


def report(c: dict, label: str) -> list[str]:
    g = c.get
    lines = [f"{label}: {g('span_gold', 0)} gold quotations"]
    row = "  {:<28} P {:.3f}  R {:.3f}  F1 {:.3f}  (tp {}, pred {}, gold {})"
    lines.append(row.format("quotation spans (any kind)", *prf(g("span_tp", 0), g("span_pred", 0), g("span_gold", 0)), g("span_tp", 0), g("span_pred", 0), g("span_gold", 0)))
    lines.append(row.format("attributed (not scare)", *prf(g("attr_tp", 0), g("attr_pred", 0), g("attr_gold", 0)), g("attr_tp", 0), g("attr_pred", 0), g("attr_gold", 0)))
    for k in ("direct", "partial", "indirect", "according_to", "scare"):
        tp, npred, ngold = g(f"tp_{k}", 0), g(f"pred_{k}", 0), g(f"gold_{k}", 0)
        lines.append(row.format(f"  kind = {k}", *prf(tp, npred, ngold), tp, npred, ngold))
    lines.append(f"  kind accuracy (matched)      {g('kind_ok', 0) / max(g('kind_n', 0), 1):.3f}  (n {g('kind_n', 0)})")
    lines.append(
        f"  speaker exact (matched)      {g('sp_ok', 0) / max(g('sp_n', 0), 1):.3f}  head word {g('sp_head', 0) / max(g('sp_n', 0), 1):.3f}  (n {g('sp_n', 0)})"
    )
    p, r, f = prf(g("sp_tp", 0), g("sp_pred", 0), g("sp_gold", 0))
    lines.append(f"  speaker end to end           P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    lines.append(f"  verb lemma (matched)         {g('verb_ok', 0) / max(g('verb_n', 0), 1):.3f}  (n {g('verb_n', 0)})")
    if g("pron_n"):
        lines.append(f"  pronoun speakers (own)       {g('pron_ok', 0) / g('pron_n'):.3f}  (n {g('pron_n')}, resolved to the gold antecedent)")
    if g("act_n"):
        p, r, f = prf(g("act_tp", 0), g("act_pred", 0), g("act_gold", 0))
        lines.append(
            f"  actor (own articles)         accuracy {g('act_ok', 0) / g('act_n'):.3f} (n {g('act_n')})  P {p:.3f}  R {r:.3f}  F1 {f:.3f}"
        )
    return lines


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=["dev", "test", "all"], default=None)
    parser.add_argument("--source", choices=["newsmtsc", "own"], default=None)
    parser.add_argument("-v", "--verbose", action="store_true")
    parser.add_argument("--json", action="store_true", help="counts and F1 as one JSON line")
    args = parser.parse_args(argv)
    gold, texts = load_items()
    actors = json.loads((DATA / "quotes_actors.json").read_text(encoding="utf-8"))
    if args.source:
        gold = gold[gold["source"] == args.source]
    if args.json:
        part = gold if args.split in (None, "all") else gold[gold["split"] == args.split]
        c = evaluate(part, texts, actors)
        f1 = {k: prf(c.get(f"{k}_tp", 0), c.get(f"{k}_pred", 0), c.get(f"{k}_gold", 0))[2]
              for k in ("span", "attr", "sp")}
        print(json.dumps({"counts": dict(c), "f1": f1}))
        return
    splits = [args.split] if args.split else ["dev", "test", "all"]
    for split in splits:
        part = gold if split == "all" else gold[gold["split"] == split]
        c = evaluate(part, texts, actors, verbose=args.verbose)
        print("\n".join(report(c, f"{split} ({part['item'].nunique()} items)")))


if __name__ == "__main__":
    main()
