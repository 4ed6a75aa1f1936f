"""How well do the passive-voice and actor-role rules do on labelled sentences?

Run from the repository root::

    python -m validation.agency_eval            # figures for every split
    python -m validation.agency_eval --errors   # also list each mistake
    python -m validation.agency_eval --source ours --json   # one JSON line (tests/measures/test_agency.py)

The labelled set is ``validation/data/agency_labels.tsv`` (see the README
there): sentences written for framing and sentences of NewsMTSC (MIT), the
latter read from ``../shared/data/newsmtsc`` and skipped when it is absent.
Figures are given for the ``dev`` split (used to write the rules) and the
``heldout`` split (labelled after the rules were frozen).

Measures
--------
* passive, sentence level: does the item contain a passive? precision,
  recall and F1;
* passive, clause level: each passive participle is one clause; predicted and
  labelled participles of an item are matched as multisets of words;
* agentless passive, sentence and clause level, the same way;
* reduced relatives, evidential and hedging passives ("is said to", the
  ``hedge`` column) and intransitive harm, clause level;
* sentence-level accuracy of "has a passive (or evidential passive)", the
  figure PassivePy reports;
* role accuracy of the labelled actor (``agent``, ``patient``,
  ``passive_subject``, ``passive_subject_with_agent``, ``intransitive_harm``,
  ``other``), beside the baseline of always answering the most frequent
  role of the subset, and the confusion table.

Intervals are 95% Wilson score intervals of the proportions.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import math
import re
import sys
from collections import Counter
from pathlib import Path

import pandas as pd

from framing._nlp.grammar import ROLES, mention_roles, parse
from framing._nlp.segment import segment
from framing._nlp.text import token_spans

from .shared_data import SHARED_DATA, newswcl50_articles

LABELS = Path(__file__).resolve().parent / "data" / "agency_labels.tsv"


def load_labels(path: Path = LABELS) -> pd.DataFrame:
    """The labelled items, with the NewsMTSC text filled in where available."""
    table = pd.read_csv(
        path, sep="\t", dtype=str, keep_default_na=False, quoting=csv.QUOTE_NONE, escapechar="\\"
    )
    mtsc = _newsmtsc()
    real = load_real_news() if table["source"].str.match(r"(allsides|newswcl50):").any() else {}
    texts, spans = [], []
    for row in table.itertuples(index=False):
        if row.source.split(":")[0] in ("allsides", "newswcl50"):
            kind, key, start, end = row.source.split(":")
            article = real.get(f"{kind}:{key}")
            texts.append(None if article is None else article[int(start):int(end)])
            spans.append(None)
        elif row.source.startswith("newsmtsc:"):
            item = mtsc.get(row.source.split(":", 1)[1])
            if item is None:
                texts.append(None)
                spans.append(None)
                continue
            target = item["targets"][int(row.target)]
            texts.append(item["sentence_normalized"])
            spans.append((target["from"], target["to"]))
        else:
            texts.append(row.text)
            spans.append(_find(row.text, row.actor) if row.actor else None)
    table["text"] = texts
    table["actor_span"] = spans
    return table[table["text"].notna()].reset_index(drop=True)


def load_real_news() -> dict[str, str]:
    """Article texts of ``allsides_abp`` and NewsWCL50 by ``allsides:<id>`` / ``newswcl50:<doc_id>``."""
    out = {}
    path = SHARED_DATA / "allsides_abp" / "articles.jsonl.gz"
    if path.exists():
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for line in f:
                art = json.loads(line)
                out[f"allsides:{art['id']}"] = art["text"]
    if (SHARED_DATA / "newswcl50").exists():
        for art in newswcl50_articles().itertuples(index=False):
            out[f"newswcl50:{art.doc_id}"] = art.text
    return out


def _newsmtsc() -> dict:
    path = SHARED_DATA / "newsmtsc" / "train.jsonl"
    if not path.exists():
        return {}
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            item = json.loads(line)
            out[item["primary_gid"]] = item
    return out


def _find(text: str, phrase: str) -> tuple[int, int]:
    m = re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text, flags=re.IGNORECASE)
    if m is None:
        raise ValueError(f"actor {phrase!r} not found in {text!r}")
    return m.start(), m.end()


def _words(cell: str) -> list[str]:
    return cell.split() if cell else []


def predict(text: str, section: str, actor_span) -> dict:
    """Predicted labels of one item, in the label format."""
    passive, reduced, harm, hedge = [], [], [], []
    role = ""
    sentences = [(s, e) for _, s, e, _ in segment(text)] or [(0, len(text))]
    for s, e in sentences:
        p = parse(text[s:e], headline=section == "headline")
        for g in p.groups:
            if g.voice == "passive":
                mark = "" if g.agent is None else "/a"
                target = passive if g.kind != "reduced" else reduced
                target += [p.words[k] + mark for k in g.participles]
            elif g.voice == "evidential":
                hedge += [p.words[k] for k in g.participles]
            if g.intransitive_harm:
                dead = g.end < len(p.words) and p.words[g.end] == "dead"
                harm.append("dead" if dead or p.words[g.head] == "dead" else p.words[g.head])
        if actor_span is not None and s <= actor_span[0] < e:
            a, b = actor_span[0] - s, actor_span[1] - s
            toks = [(i, ts, te) for i, (_, ts, te) in enumerate(token_spans(text[s:e]))]
            inside = [i for i, ts, te in toks if ts < b and te > a]
            if inside:
                role = mention_roles(p, [(inside[0], inside[-1] + 1)])[0][0]
    return {"passive": passive, "reduced": reduced, "harm": harm, "hedge": hedge, "role": role}


def _wilson(k: float, n: float, z: float = 1.96) -> str:
    """95% Wilson score interval of a proportion k/n, as text."""
    if not n or n != n:
        return ""
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return f"[{max(0.0, centre - half):.2f}, {min(1.0, centre + half):.2f}]"


def _prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else float("nan")
    r = tp / (tp + fn) if tp + fn else float("nan")
    f = 2 * p * r / (p + r) if tp else 0.0
    return {
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "precision": p,
        "precision_ci": _wilson(tp, tp + fp),
        "recall": r,
        "recall_ci": _wilson(tp, tp + fn),
        "f1": f,
    }


def _sentence_flags(gold: list[str], pred: list[str]) -> tuple[int, int, int]:
    gs, ps = bool(gold), bool(pred)
    return int(gs and ps), int(ps and not gs), int(gs and not ps)


def _multiset(gold: list[str], pred: list[str]) -> tuple[int, int, int]:
    g, p = Counter(gold), Counter(pred)
    tp = sum((g & p).values())
    return tp, sum(p.values()) - tp, sum(g.values()) - tp


def evaluate(table: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame, list[str]]:
    """Scores per measure, the role confusion table and the list of mistakes."""
    counts: dict[str, list[int]] = {}
    errors: list[str] = []
    roles_gold, roles_pred = [], []

    def add(name: str, tp: int, fp: int, fn: int) -> None:
        c = counts.setdefault(name, [0, 0, 0])
        c[0] += tp
        c[1] += fp
        c[2] += fn

    for row in table.itertuples(index=False):
        pred = predict(row.text, row.section, row.actor_span)
        gold_p = _words(row.passive)
        gold_plain = [w.removesuffix("/a") for w in gold_p]
        pred_plain = [w.removesuffix("/a") for w in pred["passive"]]
        gold_agentless = [w for w in gold_p if not w.endswith("/a")]
        pred_agentless = [w for w in pred["passive"] if not w.endswith("/a")]
        add("passive (clause)", *_multiset(gold_plain, pred_plain))
        add("agentless passive (clause)", *_multiset(gold_agentless, pred_agentless))
        add("passive with agent flag (clause)", *_multiset(gold_p, pred["passive"]))
        gs, ps = bool(gold_p), bool(pred["passive"])
        add("passive (sentence)", int(gs and ps), int(ps and not gs), int(gs and not ps))
        ga, pa = bool(gold_agentless), bool(pred_agentless)
        add("agentless passive (sentence)", int(ga and pa), int(pa and not ga), int(ga and not pa))
        gold_r = [w.removesuffix("/a") for w in _words(row.reduced)]
        pred_r = [w.removesuffix("/a") for w in pred["reduced"]]
        add("reduced relative (clause)", *_multiset(gold_r, pred_r))
        add("intransitive harm (clause)", *_multiset(_words(row.harm), pred["harm"]))
        gold_h = _words(getattr(row, "hedge", ""))
        add("evidential passive (clause)", *_multiset(gold_h, pred["hedge"]))
        add("passive or evidential (sentence)", *_sentence_flags(gold_p + gold_h, pred["passive"] + pred["hedge"]))
        gh, ph = bool(_words(row.harm)), bool(pred["harm"])
        add("intransitive harm (sentence)", int(gh and ph), int(ph and not gh), int(gh and not ph))
        mistakes = []
        if sorted(gold_p) != sorted(pred["passive"]):
            mistakes.append(f"passive gold={gold_p} pred={pred['passive']}")
        if sorted(gold_r) != sorted(pred_r):
            mistakes.append(f"reduced gold={gold_r} pred={pred_r}")
        if sorted(gold_h) != sorted(pred["hedge"]):
            mistakes.append(f"evidential gold={gold_h} pred={pred['hedge']}")
        if sorted(_words(row.harm)) != sorted(pred["harm"]):
            mistakes.append(f"harm gold={_words(row.harm)} pred={pred['harm']}")
        if row.role:
            roles_gold.append(row.role)
            roles_pred.append(pred["role"] or "other")
            if row.role != (pred["role"] or "other"):
                mistakes.append(f"role gold={row.role} pred={pred['role']}")
        if mistakes:
            errors.append(f"{row.id} [{row.section}] {row.text!r}\n    " + "\n    ".join(mistakes))
    scores = pd.DataFrame([{"measure": k, **_prf(*v)} for k, v in counts.items()])
    tp, fp, fn = counts["passive or evidential (sentence)"]
    correct = len(table) - fp - fn  # sentences whose passive / no-passive call is right
    accuracy_row = {
        "measure": "passive or evidential (sentence) accuracy",
        "tp": correct,
        "fp": fp + fn,
        "precision": correct / len(table) if len(table) else float("nan"),
        "precision_ci": _wilson(correct, len(table)),
    }
    n_roles = len(roles_gold)
    correct = sum(g == p for g, p in zip(roles_gold, roles_pred, strict=True))
    rows = [("role accuracy", correct)]
    scores = pd.concat([scores, pd.DataFrame([accuracy_row])], ignore_index=True)
    if roles_gold:
        top, k = Counter(roles_gold).most_common(1)[0]
        rows.append((f"role accuracy of always {top!r}", k))
    scores = pd.concat(
        [
            scores,
            pd.DataFrame(
                [
                    {
                        "measure": name,
                        "tp": k,
                        "fp": n_roles - k,
                        "precision": k / n_roles if n_roles else float("nan"),
                        "precision_ci": _wilson(k, n_roles),
                    }
                    for name, k in rows
                ]
            ),
        ],
        ignore_index=True,
    )
    confusion = pd.crosstab(
        pd.Categorical(roles_gold, categories=ROLES, ordered=True),
        pd.Categorical(roles_pred, categories=ROLES, ordered=True),
        rownames=["gold"],
        colnames=["predicted"],
        dropna=False,
    )
    return scores, confusion, errors


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list every mistake")
    parser.add_argument("--split", choices=["dev", "heldout", "all"], default="all")
    parser.add_argument("--source", help="only items of this origin (ours, newsmtsc)")
    parser.add_argument("--json", action="store_true",
                        help="the scores of the chosen items (splits pooled) as one JSON line")
    args = parser.parse_args(argv)
    table = load_labels()
    if args.source:
        table = table[table["source"].str.split(":").str[0] == args.source]
    if args.json:
        part = table if args.split == "all" else table[table["split"] == args.split]
        scores, confusion, _ = evaluate(part)
        print(json.dumps({
            "n_items": len(part),
            "splits": sorted(set(table["split"])),
            "scores": scores.drop(columns=[c for c in scores if c.endswith("_ci")]).to_dict("records"),
            "roles": list(confusion.index),
        }))
        return 0
    if not (SHARED_DATA / "newsmtsc").exists():
        print(
            "note: ../shared/data/newsmtsc is absent; NewsMTSC items are skipped", file=sys.stderr
        )
    splits = ["dev", "heldout"] if args.split == "all" else [args.split]
    pd.set_option("display.width", 120)
    for split in splits:
        part = table[table["split"] == split]
        if part.empty:
            continue
        origin = part["source"].str.split(":").str[0]
        subsets = [("all", part)] + [(o, part[origin == o]) for o in origin.unique()]
        subsets.append(("headlines", part[part["section"] == "headline"]))
        for name, sub in subsets:
            if sub.empty:
                continue
            scores, confusion, errors = evaluate(sub)
            n_role = int((sub["role"] != "").sum())
            print(
                f"\n== split={split} source={name}: {len(sub)} items, "
                f"{int((sub['passive'] != '').sum())} with a passive, {n_role} with an actor role"
            )
            print(scores.round(3).to_string(index=False))
            if name == "all":
                print("\nrole confusion (rows: gold, columns: predicted)")
                print(confusion.to_string())
                if args.errors:
                    print(f"\n{len(errors)} items with a mistake:")
                    print("\n".join(errors))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
